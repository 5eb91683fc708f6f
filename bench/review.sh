#!/usr/bin/env bash
# review.sh — how long `vanthu review` takes to make the review pages of a
# batch: 100 records of text inputs (index and 100 pages), and the records
# of the scanned samples, whose pages carry pictures made again from the
# scans (per page); each made one page at a time (-j 1) and as many at a
# time as there are cores.  Prints seconds (wall, best of three) and the
# pages' sizes.
#
#   bench/review.sh [BUILD_DIR]        default: build
#
# The text inputs are samples/src/*.txt without their layout markup, half
# of them also without diacritics (so that restore changes many words, as
# on English-model OCR), 25 of each; RECORDS sets how many (default 100).
set -euo pipefail
echo "# $(basename "$0") $(date -u +%F) on $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
vanthu="$build/vanthu"
records=${RECORDS:-100}
[ -x "$vanthu" ] || { echo "review.sh: $vanthu not built" >&2; exit 1; }
work=$(mktemp -d /tmp/vt-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"

python3 - "$top/samples/src" "$work/in" "$records" <<'PY'
import glob, os, sys, unicodedata
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = []
for f in sorted(glob.glob(os.path.join(src, '*.txt'))):
    text = ''.join(l for l in open(f, encoding='utf-8') if not l.startswith('@'))
    flat = ''.join(c for c in unicodedata.normalize('NFD', text) if unicodedata.category(c) != 'Mn')
    texts += [text, flat.replace('đ', 'd').replace('Đ', 'D')]
for i in range(n):
    # A line of its own makes every input a source of its own.
    open(os.path.join(out, f'doc-{i:03d}.txt'), 'w', encoding='utf-8').write(
        texts[i % len(texts)] + f'\nBản số {i + 1}.\n')
PY
"$vanthu" run -q -j 2 -o "$work/records" "$work/in"

# best COMMAND...: "WALL CPU", the seconds of the run of three with the
# least wall time (CPU: user and system), which other jobs disturb least.
best() {
    local t best_t=
    for _ in 1 2 3; do
        t=$(TIMEFORMAT='%R %U %S'; { time "$@" > /dev/null 2>&1; } 2>&1)
        if [ -z "$best_t" ] || awk "BEGIN { exit !(${t%% *} < ${best_t%% *}) }"; then best_t=$t; fi
    done
    echo "$best_t" | awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }'
}
mapfile -t recs < <(ls "$work/records"/doc-*.json)
count() { python3 -c 'import json, sys; print(sum(len(json.load(open(f))[sys.argv[1]]) for f in sys.argv[2:]))' "$@"; }
changes=$(count changes "${recs[@]}")
for jobs in 1 "$(nproc)"; do
    rm -rf "$work/pages"
    read -r wall cpu < <(best "$vanthu" review -j "$jobs" -o "$work/pages" "${recs[@]}")
    size=$(du -sk "$work/pages" | cut -f1)
    echo "text records, -j $jobs: ${#recs[@]} records, $changes changes: index and ${#recs[@]} pages in" \
         "${wall} s wall, ${cpu} s CPU ($(awk "BEGIN { printf \"%.1f\", 1000 * $cpu / ${#recs[@]} }") ms CPU a record), ${size} KB"
done

# The scanned samples: pictures made again from the scans.
cd "$top"
"$vanthu" run -q -j 2 -o "$work/scans" samples/*.tif samples/*.png samples/*.pdf
mapfile -t scans < <(ls "$work/scans"/samples/*.json)
pages=$(count pages "${scans[@]}")
for jobs in 1 "$(nproc)"; do
    rm -rf "$work/scan-pages"
    read -r wall cpu < <(best "$vanthu" review -j "$jobs" -o "$work/scan-pages" "${scans[@]}")
    size=$(du -sk "$work/scan-pages" | cut -f1)
    echo "scan records, -j $jobs: ${#scans[@]} records, $pages pages: ${wall} s wall, ${cpu} s CPU" \
         "($(awk "BEGIN { printf \"%.2f\", $cpu / $pages }") s CPU a page, pictures 1400 px wide), ${size} KB"
done
read -r wall cpu < <(best "$vanthu" review -w 0 -o "$work/scan-nopics" "${scans[@]}")
echo "scan records without pictures (-w 0): ${wall} s wall, ${cpu} s CPU"
