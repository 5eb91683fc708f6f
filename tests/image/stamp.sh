#!/usr/bin/env bash
# stamp.sh — a faxed (bilevel) quyết định with an incoming-mail stamp put
# slanted across the header's gutter (tests/image/stamp.txt).  On a fax
# the stamp's frame is as black as the print and its lines cross the
# gutter, so the layout found no header: the page was read as one body and
# the number and date were lost.  Layout takes the framed stamp out of the
# ink it cuts into columns and its frame out of what OCR reads: the header
# columns are found, and the number's digits and the date come out.
#
# Environment (tests/meson.build): VANTHU, MKSAMPLE, SRC.
. "$(dirname "$0")/../cli/lib.sh"
"$MKSAMPLE" --seed 2 --bilevel "$SRC/stamp.txt" "$scratch/page.png" > /dev/null ||
    { echo "vt-mksample failed"; exit 1; }
"$VANTHU" run -q "$scratch/page.png" > "$scratch/page.json" || { echo "vanthu run failed"; exit 1; }
python3 - "$scratch/page.json" > "$scratch/got" << 'PY' || exit 1
import json, sys
r = json.load(open(sys.argv[1]))
m = r.get("metadata", r)
roles = {b["role"] for p in r["pages"] for b in p["blocks"]}
print("header", "header-left" in roles and "header-right" in roles)
for k in ("number", "date"):
    print(k, (m.get(k) or {}).get("value"))
PY
got() { sed -n "s/^$1 //p" "$scratch/got"; }
check "grep -qxF 'header True' '$scratch/got'" "no header columns found beside the stamp"
check "grep -qE '^number 209/QĐ' '$scratch/got'" "number: want 209/QĐ-…, got '$(got number)'"
check "grep -qxF 'date 2025-02-18' '$scratch/got'" "date: want 2025-02-18, got '$(got date)'"
finish
