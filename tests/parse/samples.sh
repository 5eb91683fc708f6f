#!/bin/sh
# End to end on the project's own samples: render each samples/src
# dispatch to a scanned-looking page image (vt-mksample, seeded like
# tools/make-samples.sh), run the scan pipeline (OCR, restore, parse) and
# score the metadata against samples/src/NAME.meta.json, against the floors
# measured when this test was written.  Needs the scorer from ../shared
# (skips with 77 without it).
set -u
shared=${VANTHU_SHARED:?}
src=${VANTHU_SOURCE_ROOT:?}/samples/src
mk=${VANTHU_BUILD_ROOT:?}/tools/vt-mksample
[ -f "$shared/tools/score_meta.py" ] && [ -x "$mk" ] || exit 77
. "$(dirname "$0")/floor.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0
while read -r name floor; do
    [ -f "$src/$name.txt" ] || continue
    seed=$(printf '%s' "$name" | cksum | cut -d' ' -f1)
    "$mk" --seed "$seed" "$src/$name.txt" "$tmp/$name.tif" || { echo "FAIL: render $name"; status=1; continue; }
    "$VANTHU" parse -p scan "$tmp/$name.tif" > "$tmp/$name.json"
    rc=$?
    if [ $rc = 3 ]; then echo "$name: OCR or restore data missing, not measured"; continue; fi
    [ $rc = 0 ] || { echo "FAIL: vanthu parse -p scan $name (exit $rc)"; status=1; continue; }
    at_floor "$name" "$src/$name.meta.json" "$tmp/$name.json" "$floor" || status=1
done <<LIST
cong-van 0.95
ke-hoach 0.95
quyet-dinh 0.95
thong-bao 0.95
LIST
exit $status
