#!/bin/sh
# measure.sh — restore accuracy on the shared dispatches (measuring only):
# English-model OCR -> truth, truth stripped of diacritics -> truth, and
# correct text left unchanged.  Thresholds are what restore reaches now;
# a drop below them fails.  Skips (77) without ../shared.
set -eu
shared=${VANTHU_SHARED:?}
[ -d "$shared/data/ocr" ] && [ -x "$(command -v python3)" ] || exit 77
model=$VANTHU_BUILD_ROOT/src/restore/vanthu.model
score="python3 $shared/tools/score_restore.py"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # name value min
    if python3 -c "import sys; sys.exit(0 if $2 >= $3 else 1)"; then
        echo "ok   $1 $2 (>= $3)"
    else
        echo "FAIL $1 $2 (< $3)"; fail=1
    fi
}
acc() { sed -n 's/.*accuracy=\([0-9.]*\).*/\1/p'; }
for ocr in "$shared"/data/ocr/*.txt; do
    n=$(basename "$ocr" .txt)
    truth=$shared/data/truth/$n.txt
    skip=$shared/data/truth/$n.uncertain
    "$VANTHU" restore --model "$model" "$ocr" > "$tmp/$n.ocr"
    check "$n-ocr" "$($score "$truth" "$tmp/$n.ocr" --loose --skip-lines "$skip" | acc)" "${MIN_OCR:-0.975}"
    python3 -c "
import sys, unicodedata
t = unicodedata.normalize('NFD', open(sys.argv[1], encoding='utf-8').read())
t = ''.join(c for c in t if not unicodedata.combining(c)).replace('đ', 'd').replace('Đ', 'D')
sys.stdout.write(unicodedata.normalize('NFC', t))" "$truth" > "$tmp/$n.stripped"
    "$VANTHU" restore --model "$model" "$tmp/$n.stripped" > "$tmp/$n.str"
    check "$n-stripped" "$($score "$truth" "$tmp/$n.str" --loose --skip-lines "$skip" | acc)" "${MIN_STRIPPED:-0.99}"
    "$VANTHU" restore --model "$model" "$truth" > "$tmp/$n.same"
    check "$n-unchanged" "$($score "$truth" "$tmp/$n.same" --skip-lines "$skip" | acc)" "${MIN_SAME:-0.999}"
done
exit $fail
