#!/bin/sh
# Field scores of `vanthu parse` on the shared dispatches, against the
# floors measured when this test was written: the parser alone (no
# restore) on the correct text and on raw legacy OCR, and the default
# pipeline (restore, then parse) on raw legacy OCR when the restore model
# is built.  Skips (77) without ../shared.
set -u
shared=${VANTHU_SHARED:?}
[ -d "$shared/data/truth" ] && [ -f "$shared/tools/score_meta.py" ] || exit 77
. "$(dirname "$0")/floor.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/parse-only.pipe" <<PIPE
ingest
parse
emit format=json words=no
PIPE
cat > "$tmp/restore-only.pipe" <<PIPE
ingest
restore
emit format=json words=no
PIPE
status=0
# pipeline kind file floor
while read -r pipe kind file floor; do
    in="$shared/data/$kind/$file.txt"
    gold="$shared/data/truth/$file.meta.json"
    [ -f "$in" ] && [ -f "$gold" ] || continue
    [ "$pipe" = alone ] && p="$tmp/parse-only.pipe" || p=text
    # Restore is measured by its own tests; when it cannot run here (no
    # model, or failing) the combination is not measured.
    if [ "$pipe" = restored ] &&
       ! "$VANTHU" parse -p "$tmp/restore-only.pipe" "$in" > /dev/null 2>&1; then
        echo "$pipe $kind/$file: restore does not run, not measured"; continue
    fi
    "$VANTHU" parse -p "$p" "$in" > "$tmp/out.json"
    rc=$?
    if [ $rc != 0 ]; then
        echo "FAIL: vanthu parse -p $p $in"; status=1; continue
    fi
    at_floor "$pipe $kind/$file" "$gold" "$tmp/out.json" "$floor" || status=1
done <<LIST
alone truth 001 0.97
alone truth 002 0.98
alone truth 004 1.00
alone ocr 001 0.79
alone ocr 002 0.73
alone ocr 004 0.77
restored ocr 001 0.95
restored ocr 002 0.95
restored ocr 004 0.95
LIST
exit $status
