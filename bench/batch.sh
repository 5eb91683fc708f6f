#!/usr/bin/env bash
# batch.sh — throughput of `vanthu run` with one worker and with two, on
# generated pages: pages/min for each and the ratio (the target on a 2-core
# machine is at least 1.8x).
#
#   bench/batch.sh [BUILD_DIR]        default: build
#
# PAGES (default 24) sets how many pages to render.  The pages come from
# samples/src/*.txt through tools/mksample (BUILD_DIR/tools/vt-mksample),
# one PNG per page with a new seed per round, so every input differs; when
# the sample maker is missing, text inputs are used instead (the text
# pipeline: restore and parse, no OCR).  Other jobs on the machine lower
# both numbers, so the load average is printed with them.  Each run's peak
# resident memory is printed too; then (PDF=no skips it) the same dispatch
# pages as JPEGs, as a scanner's PDF at 300 dpi, as a PDF whose page box
# declares 72 dpi, and their text as a born-digital PDF with a text layer,
# each with -j 2; at the end the memory of each input of tests/bad/limits.sh
# alone (a long text, 144-megapixel pages), and of the long text written as
# XML, ALTO and hOCR.
set -euo pipefail
echo "# $(basename "$0") $(date -u +%F) on $(nproc) cores"
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
vanthu="$build/vanthu"
mksample="$build/tools/vt-mksample"
pages=${PAGES:-24}
[ -x "$vanthu" ] || { echo "batch.sh: $vanthu not built" >&2; exit 1; }
work=$(mktemp -d /tmp/vt-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"

sources=("$top"/samples/src/*.txt)
if [ -x "$mksample" ] && [ -e "${sources[0]}" ]; then
    kind="page images (scan pipeline: preprocess, OCR, restore, parse)"
    seed=0
    while [ "$(ls "$work/in" | wc -l)" -lt "$pages" ]; do
        seed=$((seed + 1))
        for src in "${sources[@]}"; do
            name=$(basename "$src" .txt)
            "$mksample" --seed "$seed" "$src" "$work/in/$name-s$seed.png" > /dev/null
        done
    done
    ls "$work/in"/* | tail -n +$((pages + 1)) | xargs -r rm
else
    kind="text (text pipeline: restore, parse)"
    pages=$((pages * 20))  # text is fast: more inputs for a stable rate
    words=(kinh gui cac don vi truc thuoc bao cao ket qua thuc hien ke hoach
           de nghi phoi hop trien khai thoi gian hop giao phong tai chinh)
    for i in $(seq 1 "$pages"); do
        for l in $(seq 1 40); do
            line=""
            for w in $(seq 1 12); do line+="${words[$(( (i * 31 + l * 7 + w * 13) % ${#words[@]} ))]} "; done
            echo "$line"
        done > "$work/in/doc-$i.txt"
    done
fi

# The machine's own scaling at this moment: a CPU-bound loop alone, then
# two at once.  Cores shared with other work show here, not only in vanthu.
machine_scaling() {
    local spin='import time
w = time.time(); x = 0
for i in range(20000000): x += i
print(time.time() - w)'
    local one two
    one=$(python3 -c "$spin")
    two=$( (python3 -c "$spin" & python3 -c "$spin"; wait) | sort -n | tail -1)
    python3 -c "print('%.2f' % (2 * $one / $two))"
}

# peak_rss COMMAND...: run it; its peak resident memory in MB (0 without
# /usr/bin/time) goes to $work/rss.
peak_rss() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M -o "$work/rss.kb" "$@" || return
        echo $(( $(tail -1 "$work/rss.kb") / 1024 )) > "$work/rss"
    else
        "$@" || return
        echo 0 > "$work/rss"
    fi
}

# run J [DIR]: seconds, pages, failed inputs, mean seconds per input and
# peak RSS (MB) of one run with J workers over DIR (default: the pages).
run() {
    local in=${2:-$work/in} start end
    local out="$work/out$1-$(basename "$in")"
    start=$(date +%s.%N)
    peak_rss "$vanthu" run -q -j "$1" -o "$out" "$in" || [ $? -eq 6 ]
    end=$(date +%s.%N)
    python3 - "$out/vanthu-job.jsonl" "$start" "$end" "$(cat "$work/rss")" <<'EOF'
import json, sys
log = [json.loads(l) for l in open(sys.argv[1])]
failed = sum(j["status"] == "error" for j in log)
pages = sum(j["pages"] for j in log)
secs = float(sys.argv[3]) - float(sys.argv[2])
print("%.3f %d %d %.2f %s" % (secs, pages, failed, sum(j["seconds"] for j in log) / len(log),
                              sys.argv[4]))
EOF
}

echo "inputs: $(ls "$work/in" | wc -l) $kind"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
m1=$(machine_scaling)
read -r s1 p1 f1 i1 rss1 < <(run 1)
read -r s2 p2 f2 i2 rss2 < <(run 2)
m2=$(machine_scaling)
python3 - "$s1" "$p1" "$f1" "$i1" "$rss1" "$s2" "$p2" "$f2" "$i2" "$rss2" "$m1" "$m2" <<'EOF'
import sys
s1, p1, f1, i1, rss1, s2, p2, f2, i2, rss2, m1, m2 = map(float, sys.argv[1:])
r1, r2 = p1 * 60 / s1, p2 * 60 / s2
print("-j 1: %d pages in %.1f s = %.1f pages/min, peak RSS %d MB (%d failed; %.2f s per input)"
      % (p1, s1, r1, rss1, f1, i1))
print("-j 2: %d pages in %.1f s = %.1f pages/min, peak RSS %d MB (%d failed; %.2f s per input)"
      % (p2, s2, r2, rss2, f2, i2))
print("ratio: %.2fx (target >= 1.8x: %s)" % (r2 / r1, "met" if r2 / r1 >= 1.8 else "NOT met"))
print("machine: two CPU-bound loops at once ran %.2fx / %.2fx as fast as one (before / after);"
      % (m1, m2))
print("         when that or the time per input moves between the runs, other work shared")
print("         the cores and the ratio measures the machine as much as vanthu")
EOF
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# PDF inputs: the pages of the samples as JPEGs and as two PDF scans, and
# their text as a born-digital PDF (its own pagination: 50 lines a page).
if [ "${PDF:-yes}" != no ] && [ -x "$mksample" ] && [ -e "${sources[0]}" ]; then
    pdf="$work/pdf"
    mkdir -p "$pdf/jpeg" "$pdf/scan-300dpi" "$pdf/scan-72dpi" "$pdf/text-layer"
    for src in "${sources[@]}"; do
        name=$(basename "$src" .txt)
        "$mksample" --seed 1 "$src" "$pdf/jpeg/$name.jpg" > /dev/null
        grep -v '^@' "$src" > "$pdf/$name.txt"
        python3 "$top/tests/lib/mkpdf.py" lines "$pdf/text-layer/$name.pdf" "$pdf/$name.txt"
    done
    python3 - "$top/tests/image" "$pdf" <<'PY'
import glob, sys
sys.path.insert(0, sys.argv[1])
import mkpages
jpegs = [open(p, "rb").read() for p in sorted(glob.glob(sys.argv[2] + "/jpeg/*.jpg"))]
for dpi in (300, 72):
    with open("%s/scan-%ddpi/pages.pdf" % (sys.argv[2], dpi), "wb") as f:
        f.write(mkpages.pdf(len(jpegs), jpegs, dpi))
PY
    echo "PDF, -j 2: the same $(ls "$pdf/jpeg" | wc -l) pages as JPEG, as PDF scans, as text;" \
        "load average $(cut -d' ' -f1-3 /proc/loadavg)"
    for case in jpeg scan-300dpi scan-72dpi text-layer; do
        read -r s p f i rss < <(run 2 "$pdf/$case")
        python3 -c "print('%-12s %2d pages in %5.1f s = %6.1f pages/min, peak RSS %4d MB (%d failed)'
                          % ('$case:', $p, $s, $p * 60 / $s, $rss, $f))"
    done
fi

# Memory at the limits (MEMORY=no skips it): the inputs of tests/bad/limits.sh,
# each alone through its default pipeline; the bound is 1 GB.
if [ "${MEMORY:-yes}" != no ]; then
    mkdir -p "$work/limits"
    python3 "$top/tests/bad/mkhostile.py" longtext "$work/limits"
    python3 "$top/tests/bad/mkhostile.py" bigpng "$work/limits"
    # memory FILE FORMAT: one line of figures for FILE written as FORMAT.
    memory() {
        local start end
        start=$(date +%s.%N)
        peak_rss "$vanthu" run -q -f "$2" -o "$work/limits-out" "$work/limits/$1"
        end=$(date +%s.%N)
        printf 'memory: %-15s -f %-4s %6d KB in, peak RSS %4d MB, %.1f s\n' "$1" "$2" \
            $(( $(stat -c %s "$work/limits/$1") / 1024 )) "$(cat "$work/rss")" \
            "$(python3 -c "print($end - $start)")"
    }
    for f in long-text.txt big-page.png big-colour.png; do
        memory "$f" json
    done
    for fmt in xml alto hocr; do
        memory long-text.txt "$fmt"
    done
fi
