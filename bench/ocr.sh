#!/usr/bin/env bash
# bench/ocr.sh — pages per minute and CPU seconds a page of `vanthu run -j N`
# beside plain Tesseract, in the same run on the same pages, and the ratio
# of vanthu's rate to the best plain Tesseract's.
#
#   bench/ocr.sh [BUILD_DIR]      (default: build)
#
# Environment: JOBS (default 2) workers; ROUNDS (default 2) times each line
# runs, the lines taking turns so that every line meets the same load;
# SETS (default "samples scans"): samples/ and the dev split of the real
# scans (bench/scans-split.tsv; the held-out pages are never run here);
# SCANS (default ../shared/data/scans beside the checkout).
#
# Lines, for each set:
#   tesseract serial    `tesseract IMAGE out -l vie`, one page image after
#                       another, with whatever OMP_THREAD_LIMIT the caller's
#                       environment holds (printed);
#   tesseract parallel  the same under `parallel -j JOBS` with
#                       OMP_THREAD_LIMIT=1, Tesseract's best on JOBS cores;
#   vanthu run          the whole chain (`vanthu run -q -j JOBS -o DIR`);
#   vanthu ocr          ingest, preprocess and ocr only (`vanthu ocr -j JOBS`),
#                       the part of the chain that competes with Tesseract.
# Each line gives the best wall time of its rounds as pages/min, and the
# user+system CPU seconds a page of the same round (/usr/bin/time: the
# process and every child it waited for).  The machine is shared, so the
# wall clock moves with other people's work; CPU seconds move much less.
# Tesseract reads no PDF, so PDF pages are rasterised at 300 dpi with
# pdftoppm first, outside the timing.
set -euo pipefail
echo "# $(basename "$0") $(date -u +%F) on $(nproc) cores"
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
jobs=${JOBS:-2}
rounds=${ROUNDS:-2}
sets=${SETS:-samples scans}
scans=${SCANS:-$root/../shared/data/scans}
vanthu=$build/vanthu
[ -x "$vanthu" ] || { echo "bench: $vanthu not built" >&2; exit 3; }
for tool in tesseract parallel /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "bench: $tool not installed" >&2; exit 3; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# inputs SET: the set's input files, one a line.
inputs() {
    case $1 in
    samples)
        for f in "$root"/samples/*.png "$root"/samples/*.jpg "$root"/samples/*.tif \
                 "$root"/samples/*.pdf; do
            [ -e "$f" ] && echo "$f"
        done ;;
    scans)
        [ -d "$scans" ] || { echo "bench: no $scans, scans set left out" >&2; return; }
        awk -F'\t' '$2 == "dev" { print $1 }' "$root/bench/scans-split.tsv" |
            while read -r name; do
                for f in "$scans/$name.png" "$scans/$name.jpg"; do
                    [ -e "$f" ] && echo "$f"
                done
            done ;;
    *) echo "bench: unknown set $1" >&2; exit 2 ;;
    esac
}

# timed LABEL COMMAND...: run it; "LABEL WALL CPU STATUS" goes to $tmp/times.
timed() {
    local label=$1 status=ok
    shift
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" > /dev/null 2>&1 || status=failed
    awk -v l="$label" -v s="$status" 'END { print l, $1, $2 + $3, s }' "$tmp/time" \
        >> "$tmp/times"
}

# The Tesseract lines, as commands /usr/bin/time can run.
tesseract_serial=(bash -c 'for img in "$1"/img/*; do
    tesseract "$img" "$1/tess/${img##*/}" -l vie || exit; done' tesseract_serial "$tmp")
tesseract_parallel=(env OMP_THREAD_LIMIT=1 parallel -j "$jobs" --halt now,fail=1
    tesseract {} "$tmp/tess/{/}" -l vie :::)

echo "OMP_THREAD_LIMIT=${OMP_THREAD_LIMIT:-unset} for serial tesseract; $jobs jobs;" \
     "best of $rounds rounds, lines in turn"
failed=0
printf '%-44s %8s %10s %10s\n' "" seconds pages/min "CPU s/page"
for set in $sets; do
    mapfile -t files < <(inputs "$set")
    [ ${#files[@]} -gt 0 ] || continue
    rm -rf "$tmp/img" "$tmp/times"
    mkdir "$tmp/img"
    n=0
    for f in "${files[@]}"; do
        n=$((n + 1))
        case $f in
        *.pdf) pdftoppm -r 300 -png "$f" "$tmp/img/$n" ;;
        *) ln -s "$f" "$tmp/img/$n.${f##*.}" ;;
        esac
    done
    for r in $(seq 1 "$rounds"); do
        rm -rf "$tmp/tess" "$tmp/vanthu"
        mkdir "$tmp/tess"
        timed tess-serial "${tesseract_serial[@]}"
        timed tess-parallel "${tesseract_parallel[@]}" "$tmp"/img/*
        timed run "$vanthu" run -q -j "$jobs" -o "$tmp/vanthu" "${files[@]}"
        timed ocr "$vanthu" ocr -j "$jobs" "${files[@]}"
    done
    pages=$(cat "$tmp/vanthu/vanthu-job.jsonl" |
            sed -n 's/.*"pages": *\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
    echo "$set: ${#files[@]} inputs, $pages pages"
    awk -v p="$pages" -v j="$jobs" '
        { n[$1]++; if ($4 != "ok") bad[$1] = 1
          if (!($1 in w) || $2 < w[$1]) { w[$1] = $2; c[$1] = $3 } }
        function row(key, label) {
            if (bad[key]) { printf "%-44s failed\n", label; return }
            printf "%-44s %8.1f %10.1f %10.2f\n", label, w[key], p * 60 / w[key], c[key] / p
        }
        END {
            row("tess-serial", "  tesseract -l vie, one after another")
            row("tess-parallel", "  tesseract -l vie, parallel -j " j ", 1 thread")
            row("run", "  vanthu run -j " j " (whole chain)")
            row("ocr", "  vanthu ocr -j " j " (ingest, preprocess, ocr)")
            best = w["tess-serial"] < w["tess-parallel"] ? "tess-serial" : "tess-parallel"
            bestc = c["tess-serial"] < c["tess-parallel"] ? c["tess-serial"] : c["tess-parallel"]
            if (!bad["run"] && !bad[best])
                printf "  vanthu run against the best tesseract: %.2fx its pages/min, %.2fx its CPU a page\n",
                    w[best] / w["run"], c["run"] / bestc
        }' "$tmp/times"
    if grep -q ' failed$' "$tmp/times"; then failed=1; fi
done
echo "load $(cut -d' ' -f1 /proc/loadavg) at the end; vanthu $("$vanthu" --version | head -1)"
exit $failed
