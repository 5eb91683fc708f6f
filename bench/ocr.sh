#!/bin/sh
# bench/ocr.sh — pages per minute of `vanthu run -j N` over samples/ beside
# plain `tesseract IMAGE out -l vie` run one page image after another, in
# the same run on the same pages.
#
#   bench/ocr.sh [BUILD_DIR]         (default: build; JOBS=2 by default)
#
# A third line times `vanthu ocr -j N` (ingest, preprocess, ocr only), the
# part of the chain that competes with plain Tesseract.
#
# Tesseract runs with its default settings and whatever OMP_THREAD_LIMIT the
# caller's environment holds (printed); vanthu limits each of its engines
# to one thread itself.  Tesseract reads no PDF, so PDF samples are
# rasterised at 300 dpi with pdftoppm first, outside the timing.
set -eu
echo "# $(basename "$0") $(date -u +%F) on $(nproc) cores"
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
jobs=${JOBS:-2}
vanthu=$build/vanthu
[ -x "$vanthu" ] || { echo "bench: $vanthu not built" >&2; exit 3; }
command -v tesseract >/dev/null || { echo "bench: tesseract not installed" >&2; exit 3; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

set --
for f in "$root"/samples/*.png "$root"/samples/*.jpg "$root"/samples/*.tif \
         "$root"/samples/*.pdf; do
    [ -e "$f" ] && set -- "$@" "$f"
done
[ $# -gt 0 ] || { echo "bench: no samples in $root/samples" >&2; exit 2; }

now() { date +%s.%N; }

# Page images for tesseract.
mkdir "$tmp/img" "$tmp/tess" "$tmp/vanthu"
n=0
for f in "$@"; do
    n=$((n + 1))
    case $f in
    *.pdf) pdftoppm -r 300 -png "$f" "$tmp/img/$n" ;;
    *) ln -s "$f" "$tmp/img/$n.${f##*.}" ;;
    esac
done

t0=$(now)
for img in "$tmp"/img/*; do
    tesseract "$img" "$tmp/tess/$(basename "$img")" -l vie >/dev/null 2>&1
done
t1=$(now)
pages=0
for t in "$tmp"/tess/*.txt; do
    pages=$((pages + $(tr -cd '\f' < "$t" | wc -c) + 1))
done

t2=$(now)
run_ok=yes
"$vanthu" run -q -j "$jobs" -o "$tmp/vanthu" "$@" || run_ok="no (exit $?)"
t3=$(now)
ocr_ok=yes
"$vanthu" ocr -j "$jobs" "$@" > "$tmp/ocr.txt" || ocr_ok="no (exit $?)"
t4=$(now)

row() { # LABEL SECONDS OK
    if [ "$3" = yes ]; then
        awk -v l="$1" -v s="$2" -v p="$pages" \
            'BEGIN { printf "%-48s %8.1f %10.1f\n", l, s, p * 60 / s }'
    else
        printf "%-48s failed: %s\n" "$1" "$3"
    fi
}
echo "$# inputs, $pages pages; OMP_THREAD_LIMIT=${OMP_THREAD_LIMIT:-unset} for tesseract"
printf "%-48s %8s %10s\n" "" seconds pages/min
row "tesseract IMAGE out -l vie, one after another" "$(echo "$t1 - $t0" | bc)" yes
row "vanthu run -j $jobs (whole chain)" "$(echo "$t3 - $t2" | bc)" "$run_ok"
row "vanthu ocr -j $jobs (ingest, preprocess, ocr)" "$(echo "$t4 - $t3" | bc)" "$ocr_ok"
[ "$run_ok" = yes ] && [ "$ocr_ok" = yes ]
