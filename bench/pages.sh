#!/usr/bin/env bash
# pages.sh — memory and speed of `vanthu run` on one long colour scan: a
# register of PAGES A4 pages at 300 dpi, as a TIFF (RGB, deflate) and as a
# PDF (a JPEG per page).  For each: peak resident memory and pages/min,
# through preprocess only (--stop-after preprocess) and through the whole
# scan pipeline (OCR, restore, parse).  With BEFORE set to another vanthu
# binary, it is measured too, for comparison.
#
#   bench/pages.sh [BUILD_DIR]          default: build
#
# Environment: PAGES (default 300); MODES (default "preprocess full");
# BEFORE (a vanthu binary to compare, e.g. one built from an older commit;
# one that holds every page needs some 44 MB a page, 13 GB at 300 pages:
# compare at PAGES=60).
# Targets on the 2-core, 24 GB machine: peak RSS under 1.5 GB at 300
# pages (it grows by about 1 MB a page: the compressed work images), and
# pages/min within 10% of the same run without the memory bound.
#
# One document, one worker (-j 1), OMP_THREAD_LIMIT=1: one heavy job.  The
# pages come from samples/src through tools/mksample, cycled; a 300-page
# full run takes some 10 minutes per format.
set -euo pipefail
echo "# $(basename "$0") $(date -u +%F) on $(nproc) cores"
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
vanthu="$build/vanthu"
mksample="$build/tools/vt-mksample"
pages=${PAGES:-300}
modes=${MODES:-preprocess full}
export OMP_THREAD_LIMIT=1
for x in "$vanthu" "$mksample" ${BEFORE:+"$BEFORE"}; do
    [ -x "$x" ] || { echo "pages.sh: $x not built" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "pages.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d /tmp/vt-bench-pages-XXXXXX)
trap 'rm -rf "$work"' EXIT

# First pages of the sample dispatches, then the register cycling them.
for src in "$top"/samples/src/*.txt; do
    "$mksample" --seed 3 "$src" "$work/$(basename "$src" .txt).jpg" > /dev/null
done
jpgs=()
for j in "$work"/*.jpg; do
    case $j in *-[2-9].jpg) ;; *) jpgs+=("$j") ;; esac
done
python3 "$top/tests/image/mkpages.py" "$pages" "$work/register.pdf" "$work/register.tif" \
    "${jpgs[@]}" > "$work/order"
echo "register: $pages pages cycling ${#jpgs[@]} dispatches;" \
     "tif $(( $(stat -c %s "$work/register.tif") >> 20 )) MB," \
     "pdf $(( $(stat -c %s "$work/register.pdf") >> 20 )) MB; load $(cut -d' ' -f1 /proc/loadavg)"

# measure LABEL BINARY FILE MODE: one run, one line of figures.
measure() {
    local label=$1 bin=$2 file=$3 mode=$4 stop=()
    [ "$mode" = preprocess ] && stop=(--stop-after preprocess)
    rm -rf "$work/out"
    if ! /usr/bin/time -f '%M %e' -o "$work/time" "$bin" run -q -j 1 --force \
        "${stop[@]}" -o "$work/out" "$file" 2> "$work/err"; then
        echo "$label $(basename "$file") $mode: failed: $(tail -2 "$work/err")"
        return
    fi
    read -r kb secs < <(tail -1 "$work/time")
    awk -v l="$label" -v f="$(basename "$file")" -v m="$mode" -v kb="$kb" -v s="$secs" \
        -v p="$pages" 'BEGIN { printf "%-7s %-13s %-10s %6d pages  peak RSS %6.0f MB  %7.1f s  %6.1f pages/min\n",
                               l, f, m, p, kb / 1024, s, p * 60 / s }'
}

for file in "$work/register.tif" "$work/register.pdf"; do
    for mode in $modes; do
        [ -n "${BEFORE:-}" ] && measure before "$BEFORE" "$file" "$mode"
        measure after "$vanthu" "$file" "$mode"
    done
done
