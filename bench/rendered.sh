#!/usr/bin/env bash
# rendered.sh — vanthu on made-up dispatches rendered as real pages come:
# the markup of bench/rendered/*.txt (gold: the .meta.json beside each; a
# number or day left blank for the hand has its printed part as gold) drawn
# by vt-mksample at 100 to 300 dpi, with and without the seal, as bilevel
# scans, and as photos with a slight perspective; what a page gets after it
# was printed (an urgency mark, an incoming-mail stamp, an e-office box) is
# the markup's. A dispatch of two pages with a NAME.page2.meta.json (what
# the second page prints: Nơi nhận, signer) has its second page read alone
# too (variant page2), which must yield no header field: each one it
# invents counts as a field wrong. A robustness check of what
# the real scans (bench/scans.sh) show too few of to measure: failures here
# are classes that do not generalise.
#
#   bench/rendered.sh [BUILD_DIR]      (default: build)
#
# Environment: OUT (keep pages, records and the table there; default a
# temporary directory), TOOLS (the scorers' folder, default
# ../shared/tools beside the checkout), ONLY (a pattern of page names to run).
#
# Columns: field = score_meta.py of the `vanthu run` record against the gold;
# sec = wall seconds of `vanthu run -j 1`. Means per variant and overall.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
tools=${TOOLS:-$(cd "$top/../shared/tools" && pwd)}
vanthu=$build/vanthu mk=$build/tools/vt-mksample
for x in "$vanthu" "$mk"; do [ -x "$x" ] || { echo "rendered.sh: $x not built" >&2; exit 3; }; done
if [ -n "${OUT:-}" ]; then out=$OUT; mkdir -p "$out"
else out=$(mktemp -d /tmp/vt-rendered-XXXXXX); trap 'rm -rf "$out"' EXIT; fi
export OMP_THREAD_LIMIT=1
now() { date +%s.%N; }

# render NAME SRC VARIANT INDEX: the page image of one variant, in $out.
render() {
    local name=$1 src=$2 variant=$3 i=$4 seed dpi tmp=$out/$1.$3.tmp
    seed=$(printf '%s' "$name" | cksum | cut -d' ' -f1)
    mkdir -p "$tmp"
    case $variant in
    scan)   # each resolution in turn; every third page without its seal
        dpi=$(( (i % 4 == 0) ? 300 : (i % 4 == 1) ? 200 : (i % 4 == 2) ? 150 : 100 ))
        "$mk" --seed "$seed" --dpi "$dpi" $( [ $((i % 3)) -eq 2 ] && echo --no-seal ) \
            "$src" "$tmp/p.png" > /dev/null ;;
    bilevel)  # a black-and-white scanner's page: one threshold, no grey
        dpi=$(( (i % 3 == 0) ? 200 : (i % 3 == 1) ? 300 : 150 ))
        "$mk" --seed "$seed" --dpi "$dpi" --bilevel "$src" "$tmp/p.png" > /dev/null ;;
    photo)  # a phone's photo: a slight perspective, the page not quite flat
        "$mk" --seed "$seed" --dpi 200 --perspective 0.02 "$src" "$tmp/p.png" > /dev/null ;;
    page2)  # the second page of a 200-dpi scan, alone
        "$mk" --seed "$seed" --dpi 200 "$src" "$tmp/p.png" > /dev/null ;;
    esac
    if [ $variant = page2 ]; then mv "$tmp/p-2.png" "$out/$name.$variant.png"
    elif [ -f "$tmp/p.png" ]; then mv "$tmp/p.png" "$out/$name.$variant.png"
    else mv "$tmp/p-1.png" "$out/$name.$variant.png"; fi
    rm -rf "$tmp"
}

# score GOLD PAGE2_GOLD VARIANT RECORD: the field score of one page. The
# first page of a two-page dispatch is scored on the gold without what the
# second page prints; the second page on that, and on every header field it
# does not print, which it must not invent.
score() {
    python3 - "$@" "$tools/score_meta.py" <<'EOF'
import json, subprocess, sys, tempfile
gold, gold2, variant, record, scorer = sys.argv[1:]
g = json.load(open(gold))
p2 = json.load(open(gold2)) if gold2 != '-' else None
if p2 is not None:
    g = p2 if variant == 'page2' else {k: v for k, v in g.items() if k not in p2}
with tempfile.NamedTemporaryFile('w', suffix='.json') as t:
    json.dump(g, t, ensure_ascii=False)
    t.flush()
    res = subprocess.run([sys.executable, scorer, t.name, record],
                         capture_output=True, text=True).stdout.split()
last = dict(kv.split('=') for kv in res[-2:]) if res else {}
n, s = int(last.get('fields', 0)), float(last.get('score', 0))
if variant == 'page2':
    try:
        meta = json.load(open(record)).get('metadata', {})
    except (OSError, ValueError):
        meta = {}
    absent = [f for f in ('number', 'type', 'date', 'place', 'issuer', 'subject') if f not in g]
    s = (s * n + sum(1 for f in absent if not meta.get(f))) / max(n + len(absent), 1)
print(f'{s:.4f}')
EOF
}

printf '%-24s %-8s %5s %5s\n' page variant field sec
i=0
for src in "$top"/bench/rendered/*.txt; do
    name=$(basename "$src" .txt)
    gold2=${src%.txt}.page2.meta.json
    [ -f "$gold2" ] || gold2=-
    for variant in scan bilevel photo page2; do
        [ $variant != photo ] || [ $((i % 3)) -eq 0 ] || continue
        [ $variant != page2 ] || [ "$gold2" != - ] || continue
        [[ -z "${ONLY:-}" || "$name.$variant" == *$ONLY* ]] || continue
        render "$name" "$src" $variant $i
        page=$out/$name.$variant
        t0=$(now)
        "$vanthu" run -q -j 1 "$page.png" > "$page.json" 2> "$page.err" || true
        t1=$(now)
        field=$(score "${src%.txt}.meta.json" "$gold2" $variant "$page.json" 2> /dev/null || true)
        printf '%-24s %-8s %5.2f %5.1f\n' "$name" $variant "${field:-0}" "$(echo "$t1 - $t0" | bc)"
    done
    i=$((i + 1))
done | tee "$out/table"
awk '{ n[$2]++; f[$2] += $3; s[$2] += $4; N++; F += $3; S += $4 }
     END { for (v in n) printf "%-24s %-8s %5.3f %5.1f\n", "mean (" n[v] " pages)", v, f[v] / n[v], s[v] / n[v]
           printf "%-24s %-8s %5.3f %5.1f\n", "mean (" N " pages)", "all", F / N, S / N }' "$out/table"
echo "$(date -u +%Y-%m-%d) load $(cut -d' ' -f1 /proc/loadavg); vanthu $("$vanthu" --version | head -1)"
