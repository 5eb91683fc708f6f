#!/bin/sh
# restore.sh [BUILDDIR] — benchmark the restore stage on one core: model
# load time, syllables per second on correct text, the same text stripped
# of its marks, and English-model OCR (../shared, when present: the three
# dispatches together, then each alone by a fresh restorer and by one
# warmed on the other two, as a batch worker is), peak RSS.
# Inputs are the project's own corpus; ../shared is only measured.
# Pinned to core BENCH_CPU (default 0): pick an idle one on a shared machine.
set -eu
echo "# $(basename "$0") $(date -u +%F) on $(nproc) cores"
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
model=$build/src/restore/vanthu.model
[ -r "$model" ] || { echo "restore.sh: $model missing (ninja -C $build)" >&2; exit 3; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bench=$build/bench/bench-restore
[ -x "$bench" ] || { echo "restore.sh: $bench missing (ninja -C $build)" >&2; exit 3; }
cat "$src"/dict/corpus/*.txt | grep -v '^#' > "$tmp/correct.txt"
python3 - "$tmp/correct.txt" "$tmp/stripped.txt" <<'PY'
import sys, unicodedata
t = unicodedata.normalize('NFD', open(sys.argv[1], encoding='utf-8').read())
t = ''.join(c for c in t if not unicodedata.combining(c)).replace('đ', 'd').replace('Đ', 'D')
open(sys.argv[2], 'w', encoding='utf-8').write(unicodedata.normalize('NFC', t))
PY
set -- "$tmp/correct.txt" "$tmp/stripped.txt"
shared=$src/../shared/data/ocr
if [ -d "$shared" ]; then
    cat "$shared"/*.txt > "$tmp/english-ocr.txt"
    # Each dispatch alone too: cold, and after the others (a batch worker).
    set -- "$@" "$tmp/english-ocr.txt" --warm "$shared"/*.txt
fi
taskset -c "${BENCH_CPU:-0}" "$bench" "$model" "$@" 2>/dev/null || "$bench" "$model" "$@"
