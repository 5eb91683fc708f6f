#!/usr/bin/env bash
# seal-ring.sh — a bilevel scan has no red to drop: its seal is as black as
# the print and the ring runs through the signer's name (tests/image/
# seal-ring.txt, rendered by vt-mksample at 200 dpi, black and white).  The
# ring is found by its shape and erased, and the name under it is read;
# so it is when the bilevel page is stored as 24-bit colour (as a PDF's
# image often is); the same page without its seal has no ring to erase,
# and a colour page drops the seal by its ink, leaving no ring to find.
#
# Environment (tests/meson.build): VANTHU, MKSAMPLE, SRC.
. "$(dirname "$0")/../cli/lib.sh"
# read PAGE: the ring step and the signer of the page's record.
read_page() {
    "$VANTHU" run -q "$1" > "$1.json" || { echo "vanthu run failed on $1"; exit 1; }
    python3 - "$1.json" << 'PY' || exit 1
import json, sys
r = json.load(open(sys.argv[1]))
ring = [s for s in r["pages"][0]["steps"] if s.startswith("drop-ring")]
print("ring", ring[0] if ring else "none")
print("signer", (r["metadata"].get("signer") or {}).get("name"))
PY
}
want() { check "grep -qxF -- '$1 $2' '$scratch/got'" "$1: want '$2', got '$(sed -n "s/^$1 //p" "$scratch/got")'"; }

"$MKSAMPLE" --seed 2 --dpi 200 --bilevel "$SRC/seal-ring.txt" "$scratch/sealed.png" > /dev/null ||
    { echo "vt-mksample failed"; exit 1; }
read_page "$scratch/sealed.png" > "$scratch/got"
want ring "drop-ring 1"
want signer "Đinh Quang Huy"

"$MKSAMPLE" --seed 2 --dpi 200 --bilevel --rgb "$SRC/seal-ring.txt" "$scratch/rgb.png" > /dev/null ||
    { echo "vt-mksample failed"; exit 1; }
read_page "$scratch/rgb.png" > "$scratch/got"
want ring "drop-ring 1"
want signer "Đinh Quang Huy"

"$MKSAMPLE" --seed 2 --dpi 200 --bilevel --no-seal "$SRC/seal-ring.txt" "$scratch/plain.png" > /dev/null ||
    { echo "vt-mksample failed"; exit 1; }
read_page "$scratch/plain.png" > "$scratch/got"
want ring "drop-ring 0"
want signer "Đinh Quang Huy"

"$MKSAMPLE" --seed 2 --dpi 200 "$SRC/seal-ring.txt" "$scratch/colour.png" > /dev/null ||
    { echo "vt-mksample failed"; exit 1; }
read_page "$scratch/colour.png" > "$scratch/got"
want ring "drop-ring 0"
want signer "Đinh Quang Huy"
finish
