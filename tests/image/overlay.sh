#!/usr/bin/env bash
# overlay.sh — a page as e-office systems publish it: an e-signature
# overlay above the issuing body, the number and the day left blank for
# the hand (tests/image/overlay.txt, rendered by vt-mksample).  The
# header's two columns are still found below the overlay, which is read
# as a region of its own and into the record's digital_signature; the
# issuer comes from the left column only; the number yields its printed
# part with the handwritten flag, the date its printed month and year and
# the overlay's signing day, flagged; the number cited in the body is not
# taken for the dispatch's.
# The last page of a sample dispatch, its page number at the top and Nơi
# nhận and the signer just below, has no header: no header field at all.
#
# Environment (tests/meson.build): VANTHU, MKSAMPLE, SRC, VANTHU_SOURCE_ROOT.
. "$(dirname "$0")/../cli/lib.sh"
"$MKSAMPLE" --seed 4 "$SRC/overlay.txt" "$scratch/page.png" > /dev/null ||
    { echo "vt-mksample failed"; exit 1; }
"$VANTHU" run -q "$scratch/page.png" > "$scratch/page.json" || { echo "vanthu run failed"; exit 1; }
python3 - "$scratch/page.json" > "$scratch/got" << 'PY' || exit 1
import json, sys
r = json.load(open(sys.argv[1]))
m = r["metadata"]
def v(k, member="value"):
    f = m.get(k)
    return f.get(member) if isinstance(f, dict) else None
print("roles", " ".join(b["role"] for b in r["pages"][0]["blocks"]))
for k in ("number", "date", "place", "type"):
    print(k, v(k))
print("issuer", v("issuer", "name"))
print("issuer_parent", v("issuer_parent", "name"))
print("subject", v("subject"))
print("number_handwritten", v("number", "handwritten"))
print("date_handwritten", v("date", "handwritten"))
print("date_source", v("date", "source"))
print("signed_by", v("digital_signature", "name"))
print("signed_at", v("digital_signature", "time"))
PY
want() { check "grep -qxF -- '$1 $2' '$scratch/got'" "$1: want '$2', got '$(sed -n "s/^$1 //p" "$scratch/got")'"; }
want roles "none header-left header-right body footer-left footer-right"
want issuer "Sở Nông nghiệp và Môi trường"
want issuer_parent "UBND tỉnh Kon Tum"
want number "/SNNMT-VP"
want number_handwritten True
want date "2025-03-14"
want date_handwritten True
want date_source signature
want signed_by "Sở Nông nghiệp tỉnh Kon Tum"
want signed_at "2025-03-14T16:05:41+07:00"
want place "Kon Tum"
want type "Công văn"
want subject "V/v kiểm tra kho lưu trữ hồ sơ đất đai"

"$MKSAMPLE" --seed 3 "$VANTHU_SOURCE_ROOT/samples/src/cong-van.txt" "$scratch/cv.png" > /dev/null ||
    { echo "vt-mksample failed"; exit 1; }
check "[ -f '$scratch/cv-2.png' ]" "the sample công văn has no second page"
"$VANTHU" run -q "$scratch/cv-2.png" > "$scratch/last.json" || { echo "vanthu run failed"; exit 1; }
python3 - "$scratch/last.json" > "$scratch/got" << 'PY' || exit 1
import json, sys
r = json.load(open(sys.argv[1]))
m = r["metadata"]
print("roles", " ".join(b["role"] for b in r["pages"][0]["blocks"]))
print("header", " ".join(k for k in ("number", "date", "place", "issuer", "issuer_parent", "type",
                                      "subject") if k in m) or "none")
print("signer", "signer" in m)
PY
want roles "body footer-left footer-right"
want header none
want signer True
finish
