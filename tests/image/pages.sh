#!/usr/bin/env bash
# pages.sh — a long colour scan is read page by page in bounded memory:
# a 16-page register (A4, 300 dpi, RGB TIFF: 35 MB a page decoded) goes
# through the whole scan pipeline with its pages in order and each page's
# text the text of the dispatch it shows, and the peak memory well under
# what holding every page's pixels took (860 MB: 16 x 44 MB on top of the
# engine).
# A 4-page PDF stopped after preprocess and resumed from its record gives
# the same record as a run straight through.
#
# Environment (tests/meson.build): VANTHU, MKSAMPLE, VANTHU_SOURCE_ROOT.
. "$(dirname "$0")/../cli/lib.sh"
root=$VANTHU_SOURCE_ROOT
command -v pdftoppm > /dev/null || { echo "pdftoppm missing: skipped"; exit 77; }
# Under AddressSanitizer memory use means little (shadow memory, quarantine).
asan=false
ldd "$VANTHU" 2>/dev/null | grep -q libasan && asan=true

# First pages of three dispatches; the number line tells them apart.
names=(cong-van quyet-dinh thong-bao)
numbers=(2134 856 385)
jpgs=()
for n in "${names[@]}"; do
    "$MKSAMPLE" --seed 3 "$root/samples/src/$n.txt" "$scratch/$n.jpg" > /dev/null ||
        { echo "vt-mksample failed"; exit 1; }
    j=$scratch/$n.jpg
    [ -f "$j" ] || j=$scratch/$n-1.jpg
    jpgs+=("$j")
done
python3 "$root/tests/image/mkpages.py" 16 "$scratch/register.pdf" "$scratch/register.tif" \
    "${jpgs[@]}" > /dev/null || exit 1
python3 "$root/tests/image/mkpages.py" 4 "$scratch/short.pdf" "$scratch/short.tif" \
    "${jpgs[@]}" > /dev/null || exit 1

# 1. The register, straight through, its peak memory measured.
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$scratch/rss" "$VANTHU" run -q -j 1 -o "$scratch/out" \
        "$scratch/register.tif" 2> "$scratch/err"
    rc=$?
    rss_mb=$(( $(tail -1 "$scratch/rss" | tr -cd 0-9) / 1024 ))
else
    "$VANTHU" run -q -j 1 -o "$scratch/out" "$scratch/register.tif" 2> "$scratch/err"
    rc=$?
    rss_mb=0
fi
check "[ $rc -eq 0 ]" "register: exit $rc: $(tail -3 "$scratch/err")"
if [ -x /usr/bin/time ] && ! $asan; then
    echo "16-page colour register: peak RSS $rss_mb MB"
    check "[ $rss_mb -lt 600 ]" "16-page colour register: peak RSS $rss_mb MB (all pages held: 860)"
fi
rec=$(find "$scratch/out" -name 'register.tif.json' | head -1)
checks=$((checks + 1))
python3 - "$rec" "${numbers[@]}" <<'EOF' || fail "register: pages out of order or wrong"
import json, sys
rec, numbers = json.load(open(sys.argv[1])), sys.argv[2:]
pages = rec["pages"]
if rec["source"]["page_count"] != 16 or len(pages) != 16:
    sys.exit(print("register: %d pages, expected 16" % len(pages)))
texts = [" ".join(w["text"] for b in p["blocks"] for l in b["lines"] for w in l["words"])
         for p in pages]
bad = 0
for i, (p, t) in enumerate(zip(pages, texts)):
    want = numbers[i % len(numbers)]
    others = [n for n in numbers if n != want]
    if p["number"] != i + 1 or want not in t or any("Số: " + n in t for n in others):
        bad += print("page %d: expected dispatch %s: %s" % (i + 1, want, t[:120])) or 1
    # the same pixels give the same page: every third page is the same
    if i >= len(numbers) and (t != texts[i - len(numbers)] or
                              p["steps"] != pages[i - len(numbers)]["steps"]):
        bad += print("page %d differs from page %d" % (i + 1, i + 1 - len(numbers))) or 1
sys.exit(bad)
EOF

# 2. Stopped after preprocess, resumed from the record: the same record.
"$VANTHU" run -q -j 1 -o "$scratch/whole" "$scratch/short.pdf" 2> "$scratch/err"
check "[ $? -eq 0 ]" "short.pdf: $(tail -3 "$scratch/err")"
"$VANTHU" run -q -j 1 --stop-after preprocess -o "$scratch/half" "$scratch/short.pdf" \
    2> "$scratch/err"
check "[ $? -eq 0 ]" "short.pdf --stop-after preprocess: $(tail -3 "$scratch/err")"
half=$(find "$scratch/half" -name 'short.pdf.json' | head -1)
"$VANTHU" run -q -j 1 -o "$scratch/resumed" "$half" 2> "$scratch/err"
check "[ $? -eq 0 ]" "resuming short.pdf: $(tail -3 "$scratch/err")"
whole=$(find "$scratch/whole" -name 'short.pdf.json' | head -1)
resumed=$(find "$scratch/resumed" -name 'short.pdf.json.json' | head -1)
check "cmp -s '$whole' '$resumed'" "short.pdf: resumed record differs from one made straight through"

# 3. A changed source is not taken for the one the record was made from.
cp "$scratch/short.tif" "$scratch/short.pdf"
"$VANTHU" run -q -j 1 -o "$scratch/changed" "$half" 2> "$scratch/err"
rc=$?
check "[ $rc -ne 0 ] && grep -rq 'changed since its record' '$scratch/changed'" \
    "resuming from a changed source: exit $rc, $(tail -2 "$scratch/err")"
finish
