#!/usr/bin/env bash
# seal-ring.sh — a bilevel scan has no red to drop: its seal is as black as
# the print and the ring runs through the signer's name (tests/image/
# seal-ring.txt, rendered by vt-mksample at 200 dpi, black and white).  The
# ring is found by its shape and erased, and the name under it is read;
# so it is when the bilevel page is stored as 24-bit colour (as a PDF's
# image often is); the same page without its seal has no ring to erase,
# and a colour page drops the seal by its ink, leaving no ring to find.
# Inside the ring what is left of the seal (its inner ring, the lettering
# round it, the star) and the signature over it are erased too: on a page
# where they ran into the position above the name and made a line of their
# own, the position and name are read and nothing stands between them.
# Where the ring runs along the name's line, the name is read whole.
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
signer = r["metadata"].get("signer") or {}
print("signer", signer.get("name"))
print("position", signer.get("position"))
lines = r["text"]["original"].splitlines()
print("after-position", lines[-1] if len(lines) > 1 and "ĐỐC" in lines[-2] else "-")
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
# The lettering ran into GIÁM ĐỐC and the signature made a line of its own.
"$MKSAMPLE" --seed 6 --dpi 200 --bilevel "$SRC/seal-ring.txt" "$scratch/inside.png" > /dev/null ||
    { echo "vt-mksample failed"; exit 1; }
read_page "$scratch/inside.png" > "$scratch/got"
want ring "drop-ring 1"
want position "Giám đốc"
want signer "Đinh Quang Huy"
check "sed -n 's/^after-position //p' '$scratch/got' | grep -q 'Quang Huy'" \
    "a line between the position and the name: $(cat "$scratch/got")"
# The ring runs along the name's line (tests/image/seal-band.txt, 300
# dpi): only the ring's stroke is erased, not a band wide enough to eat
# the letters of the name under it.
"$MKSAMPLE" --seed 6 --dpi 300 --bilevel "$SRC/seal-band.txt" "$scratch/band.png" > /dev/null ||
    { echo "vt-mksample failed"; exit 1; }
read_page "$scratch/band.png" > "$scratch/got"
want ring "drop-ring 1"
want signer "Mai Thị Thanh Xuân"
finish
