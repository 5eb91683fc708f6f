#!/usr/bin/env bash
# low-dpi-page.sh — a whole công văn scanned at 87 dpi
# (tests/image/low-dpi-page.txt, rendered by vt-mksample), enlarged about
# 3.4 times before OCR.  The enlarged page keeps its grey (no Sauvola cut
# of its soft strokes), and the layout finds ink in the strokes' light
# cores: the body is one column down to Nơi nhận, not cut into two at a
# gutter its faint lines seemed to leave, so the number, the date with its
# year, the reference in the body and the signer are read.
# The same page whose file states no resolution (taken as 300) or a wrong
# 300 (an export that kept the original's) is told coarse by its letters'
# size and enlarged as one, from a resolution near its own (its letters,
# a little smaller than a real dispatch's, put it under 87): it keeps its
# grey, its header, body and footer are found as on the page stating 87,
# and the place, the reference and the body's last line are read.
#
# Environment (tests/meson.build): VANTHU, MKSAMPLE, SRC.
. "$(dirname "$0")/../cli/lib.sh"
for stated in 87 0 300; do
"$MKSAMPLE" --seed 11 --dpi 87 --stated-dpi "$stated" "$SRC/low-dpi-page.txt" "$scratch/page.png" > /dev/null ||
    { echo "vt-mksample failed"; exit 1; }
"$VANTHU" run -q "$scratch/page.png" > "$scratch/page.json" || { echo "vanthu run failed"; exit 1; }
python3 - "$scratch/page.json" > "$scratch/got" << 'PY' || exit 1
import json, sys
r = json.load(open(sys.argv[1]))
m, page = r["metadata"], r["pages"][0]
for k in ("number", "date", "place"):
    f = m.get(k)
    print(k, f.get("value") if isinstance(f, dict) else None)
print("signer", (m.get("signer") or {}).get("name"))
print("references", " ".join(x.get("number") or "" for x in m.get("references") or []))
print("last step", page["steps"][-1])
scale = next((s for s in page["steps"] if s.startswith("scale ")), "")
coarse = scale.split(" ")[3] if scale else "0"
print("enlarged from", "75-100 dpi" if 75 <= int(coarse) <= 100 else coarse + " dpi")
print("regions", " ".join(sorted({b["role"] for b in page["blocks"]})))
# Where the footer starts: below the body's last line, which opens "Đề nghị".
body = [l for l in r["text"]["corrected"].split("\n") if l.startswith("Đề nghị Ủy ban")]
footer = [b["box"][1] for b in page["blocks"] if b["role"] == "footer-left"]
print("body last line", "whole" if body and "phối hợp" in body[0] else repr(body))
print("footer below body", bool(footer) and footer[0] > page["height"] // 2)
PY
want() { check "grep -qxF -- '$1 $2' '$scratch/got'" "stated $stated dpi: $1: want '$2', got '$(sed -n "s/^$1 //p" "$scratch/got")'"; }
if [ "$stated" = 87 ]; then
    want number "386/TNMT-ĐĐ"
    want date "2025-09-15"
    want signer "Lê Thị Hồng Nhung"
fi
want place "Đức Trọng"
want references "112/KH-UBND"
want "enlarged from" "75-100 dpi"
want "last step" "normalize background"
want regions "body footer-left footer-right header-left header-right"
want "body last line" "whole"
want "footer below body" "True"
done
finish
