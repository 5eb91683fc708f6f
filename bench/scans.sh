#!/usr/bin/env bash
# scans.sh — vanthu on the real scanned pages of ../shared/data/scans, beside
# plain `tesseract IMAGE - -l vie`, per page and as means over each split of
# bench/scans-split.tsv (dev: studied; heldout: only scored).
#
#   bench/scans.sh [BUILD_DIR]      (default: build)
#
# Environment: SCANS (default ../shared/data/scans beside the checkout), OUT (keep the records
# and texts there; default a temporary directory), TOOLS (the scorers'
# folder, default SCANS/../../tools).
#
# Columns: field = score_meta.py of the `vanthu run` record against the gold
# record; ocr = order-free word accuracy of the record's corrected text (raw:
# its OCR text before restore; tess: plain tesseract) on transcribed pages;
# order = reading-order errors/pairs of transcribed lines (bench/scans-score.py);
# sec = wall seconds of `vanthu run -j 1` and of tesseract for the page.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
scans=${SCANS:-$top/../shared/data/scans}
tools=${TOOLS:-$(cd "$scans/../.." && pwd)/tools}
vanthu="$build/vanthu"
[ -x "$vanthu" ] || { echo "scans.sh: $vanthu not built" >&2; exit 3; }
[ -d "$scans" ] || { echo "scans.sh: no $scans" >&2; exit 2; }
command -v tesseract > /dev/null || { echo "scans.sh: tesseract not installed" >&2; exit 3; }
if [ -n "${OUT:-}" ]; then out=$OUT; mkdir -p "$out"
else out=$(mktemp -d /tmp/vt-scans-XXXXXX); trap 'rm -rf "$out"' EXIT; fi
export OMP_THREAD_LIMIT=1
now() { date +%s.%N; }

printf '%-20s %-7s %5s %6s %6s %6s %6s %6s %5s %5s\n' page split field ocr raw tess \
    order tessord sec tsec
grep -v '^#' "$top/bench/scans-split.tsv" | sort -k2,2 -k1,1 | while IFS=$'\t' read -r name split; do
    img=$scans/$name.png
    [ -f "$img" ] || img=$scans/$name.jpg
    t0=$(now)
    "$vanthu" run -q -j 1 "$img" > "$out/$name.json" 2> "$out/$name.err" || true
    t1=$(now)
    tesseract "$img" - -l vie > "$out/$name.tess.txt" 2> /dev/null
    t2=$(now)
    field=$(python3 "$tools/score_meta.py" "$scans/$name.meta.json" "$out/$name.json" \
        | sed -n 's/.*score=//p')
    ocr=- raw=- tess=- order=- tessord=-
    if [ -f "$scans/$name.truth.txt" ]; then
        python3 -c 'import json, sys
t = json.load(open(sys.argv[1]))["text"]
open(sys.argv[2], "w").write(t["corrected"]); open(sys.argv[3], "w").write(t["original"])' \
            "$out/$name.json" "$out/$name.txt" "$out/$name.raw.txt"
        score() { python3 "$top/bench/scans-score.py" "$scans/$name.truth.txt" "$1" \
            "$scans/$name.truth.uncertain"; }
        read -r ocr order < <(score "$out/$name.txt")
        read -r raw _ < <(score "$out/$name.raw.txt")
        read -r tess tessord < <(score "$out/$name.tess.txt")
    fi
    printf '%-20s %-7s %5.2f %6s %6s %6s %6s %6s %5.1f %5.1f\n' "$name" "$split" "${field:-0}" \
        "$ocr" "$raw" "$tess" "$order" "$tessord" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"
done | tee "$out/table"
# Means per split: field over all pages, OCR over transcribed ones, order errors summed.
awk '{ s = $2; n[s]++; f[s] += $3; sec[s] += $9; tsec[s] += $10
       if ($4 != "-") { m[s]++; o[s] += $4; r[s] += $5; t[s] += $6
           split($7, a, "/"); oe[s] += a[1]; op[s] += a[2]
           split($8, b, "/"); te[s] += b[1]; tp[s] += b[2] } }
     END { for (s in n) printf "%-20s %-7s %5.3f %6.4f %6.4f %6.4f %6s %6s %5.1f %5.1f\n",
           "mean (" n[s] " pages)", s, f[s] / n[s], o[s] / m[s], r[s] / m[s], t[s] / m[s],
           oe[s] "/" op[s], te[s] "/" tp[s], sec[s] / n[s], tsec[s] / n[s] }' "$out/table" | sort -k4,4
echo "$(date -u +%Y-%m-%d) load $(cut -d' ' -f1 /proc/loadavg); vanthu $("$vanthu" --version | head -1)"
