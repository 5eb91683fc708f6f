#!/usr/bin/env bash
# Hostile inputs: `vanthu run -o OUT` gives each a clear error record or a
# correct record, never a crash (a signal, an exit code above 6) nor a hang
# (timeout).  Decompression bombs are refused before their pixels exist, a
# 1,000-page TIFF does not exhaust memory, and no input name puts a file
# outside OUT.  The inputs are made at test time by mkhostile.py; every
# input the fuzzers ever crashed on (fuzz-crashes/) is one too.
. "$(dirname "$0")/../cli/lib.sh"
root=$VANTHU_SOURCE_ROOT
here="$root/tests/bad"
in="$scratch/in"
mkdir -p "$in/loop" "$scratch/lite"
python3 "$here/mkhostile.py" files "$in" "$root" || exit 1
cp -r "$here/fuzz-crashes" "$in/"
printf 'Kính gửi\n' > "$in/loop/a.txt"
ln -s . "$in/loop/self"                   # a directory that contains itself
ln -s .. "$in/loop/up"
mkfifo "$in/fifo"                         # would block a reader forever
truncate -s 2G "$in/sparse.bin"           # over the size limit, no disk used
lite="$scratch/lite/ingest.pipe"          # no OCR: for the big and the many
printf 'ingest\nemit words=no\n' > "$lite"

. "$here/lib.sh"

# expect OUT NAME STATUS [REGEX]: the one record of input NAME (a path under
# $in) has this status and, for errors, a message matching REGEX.
expect() {
    checks=$((checks + 1))
    python3 - "$@" <<'EOF' || fail "$2: $(cat "$scratch/expect.err")"
import glob, json, os, re, sys
out, name, status = sys.argv[1:4]
regex = sys.argv[4] if len(sys.argv) > 4 else ""
hits = []
for f in glob.glob(glob.escape(out) + "/**/*.json", recursive=True):
    r = json.load(open(f))
    if r.get("source", {}).get("path", "").endswith(name):
        hits.append(r)
err = open(os.environ["scratch"] + "/expect.err", "w")
if len(hits) != 1:
    sys.exit(err.write("%d records, expected 1" % len(hits)))
r = hits[0]
msg = r.get("error", {}).get("message", "")
if r["status"] != status or not re.search(regex, msg):
    sys.exit(err.write("status %s (%s), expected %s /%s/" % (r["status"], msg, status, regex)))
EOF
}
export scratch

# Every path under the scratch directory except DIR and the test's own logs.
snapshot() {
    mkdir -p "$scratch/snap"
    find "$scratch" \( -path "$1" -o -path "$scratch/snap" \) -prune -o -print |
        grep -a -v -e "^$scratch/rss$" -e '\.err$' | sort > "$scratch/snap/$2"
}

# 1. Everything at once, default pipelines, two workers: the batch ends.
out="$scratch/out"
snapshot "$out" before
# A walk leaves out what is no kind vanthu reads (by content) and vanthu's
# own records; named, they are inputs like any other.
named=("$in/garbage.bin" "$in/nul.txt" "$in/sparse.bin" "$in"/fuzz-crashes/record/*
       "$in"/fuzz-crashes/parse/*)
vt batch 600 "$VANTHU" run -q -j 2 -o "$out" "$in" "${named[@]}"
check "[ $rc -eq 6 ]" "batch of hostile inputs: exit $rc, expected 6 ($(tail -3 "$scratch/batch.err"))"
if [ -x /usr/bin/time ] && ! $asan; then
    echo "batch of hostile inputs: peak RSS $rss_mb MB"
    check "[ $rss_mb -lt 1500 ]" "batch of hostile inputs: peak RSS $rss_mb MB"
fi
snapshot "$out" after
check "cmp -s '$scratch/snap/before' '$scratch/snap/after'" \
    "files written outside OUT: $(comm -13 "$scratch/snap/before" "$scratch/snap/after")"
# one record per file (the fifo too), the loop's one file once
n_in=$(( $(find "$in" -maxdepth 1 \( -type f -o -type p \) | wc -l) +
         $(find "$in/fuzz-crashes" -type f | wc -l) + 1 ))
n_out=$(find "$out" -name '*.json' | wc -l)
check "[ $n_out -eq $n_in ]" "$n_out records for $n_in inputs"
check "[ \$(find '$out' -name 'a.txt.json' | wc -l) -eq 1 ]" "a symbolic link loop was walked again"
check "[ -z \"\$(find '$out' -name '.*')\" ]" "temporary files left in OUT"

expect "$out" /empty.txt error 'empty.txt: empty file'
expect "$out" /invalid-utf8.txt error 'invalid-utf8.txt: line 2: not valid UTF-8'
expect "$out" /latin1.txt error 'latin1.txt: line 1: not valid UTF-8'
expect "$out" /nul.txt error 'nul.txt: (not an image, PDF or UTF-8 text|line 1: contains a NUL)'
expect "$out" /garbage.bin error 'garbage.bin: not an image, PDF or UTF-8 text'
expect "$out" /control-chars.txt ok
expect "$out" /newlines.txt error 'newlines.txt: more than the 200000 lines allowed'
expect "$out" /speck.png error 'speck.png: page 1 is 40x40 pixels, too small'
expect "$out" /claims-50dpi.png ok
expect "$out" /sparse.bin error 'sparse.bin: 2147483648 bytes is more than'
expect "$out" /fifo error 'fifo: not a regular file'
for f in "$in"/cut-*; do
    b=${f##*/}
    expect "$out" "/$b" error "$b: .*(damaged|truncated)"
done
for b in bomb.png bomb.pgm bomb.jpg bomb-page-2.tif bomb.pdf; do
    expect "$out" "/$b" error "$b: image of [0-9]+x[0-9]+ pixels is over the 150 megapixel limit"
done
# A PDF's image is measured from its object, before poppler decodes it: one
# the page draws, and a soft mask of an image in a form on page 2.
expect "$out" /bomb-image.pdf error "bomb-image.pdf: page 1: image of 60000x60000 pixels is over the 150 megapixel limit"
expect "$out" /bomb-mask-2.pdf error "bomb-mask-2.pdf: page 2: image of 60000x60000 pixels is over the 150 megapixel limit"
expect "$out" "/tên có dấu và khoảng trắng.txt" ok
expect "$out" "/latin1-name-��.txt" ok           # not UTF-8: shown as U+FFFD
expect "$out" "$(printf 'ạ%.0s' $(seq 83)).txt" ok  # near NAME_MAX
expect "$out" /--force.txt ok
expect "$out" /conf-out-of-range.json error "conf is a number from 0 to 100"
expect "$out" /box-overflow.json error "box of four pixel counts"

# 2. Names that try to leave OUT, given as a list on standard input from
# deep inside the scratch directory.
mkdir -p "$scratch/deep/a/b"
out2="$scratch/deep/OUT"
printf '%s\n' "../../../in/tên có dấu và khoảng trắng.txt" .. . / ../../x \
    ../../../../../../etc/hostname > "$scratch/list"
snapshot "$out2" before
vt escape 120 env -C "$scratch/deep/a/b" "$VANTHU" run -q -o ../../OUT -T - < "$scratch/list"
snapshot "$out2" after
check "cmp -s '$scratch/snap/before' '$scratch/snap/after'" \
    "a record escaped OUT: $(comm -13 "$scratch/snap/before" "$scratch/snap/after")"
check "[ -f '$out2/in/tên có dấu và khoảng trắng.txt.json' ]" "../ input: record not at OUT/in/..."
check "[ -f '$out2/_.json' ] && [ -f '$out2/etc/hostname.json' ]" "records of . .. / and ../etc/hostname"

# 3. Bombs alone: refused before allocation, so the peak memory stays small.
bombs=("$in"/bomb*)
vt bombs 120 "$VANTHU" run -q -j 1 -p "$lite" -o "$scratch/out3" "${bombs[@]}"
check "[ $rc -eq 6 ]" "bombs: exit $rc, expected 6"
if [ -x /usr/bin/time ] && ! $asan; then
    echo "decompression bombs (${#bombs[@]}): peak RSS $rss_mb MB"
    check "[ $rss_mb -lt 300 ]" "bombs: peak RSS $rss_mb MB; pixels were allocated"
fi

# 4. A 1,000-page TIFF (A4 at 150 dpi, 1 bit): ingest keeps pages' pixels
# only up to a bound (src/core/internal.h, page pixels), so memory does not grow
# with pages (all 1,000 held took 290 MB; tests/image/pages.sh measures
# colour pages through the whole pipeline).
python3 "$here/mkhostile.py" pages "$scratch/lite" || exit 1
start=$(date +%s)
vt pages 600 "$VANTHU" run -q -p "$lite" -o "$scratch/out4" "$scratch/lite/pages-1000.tif"
check "[ $rc -eq 0 ]" "1,000-page TIFF: exit $rc ($(tail -3 "$scratch/pages.err"))"
check "grep -q '\"page_count\": 1000' '$scratch/out4$scratch/lite/pages-1000.tif.json'" "1,000-page TIFF: page count"
echo "1,000-page TIFF: $(( $(date +%s) - start )) s, peak RSS $rss_mb MB"
[ -x /usr/bin/time ] && ! $asan && check "[ $rss_mb -lt 250 ]" "1,000-page TIFF: peak RSS $rss_mb MB"
rm -f "$scratch/lite/pages-1000.tif"

# 5. A 20 MB text that is one single line, through the text pipeline, under
# a 4 GB address-space limit (not with AddressSanitizer, which reserves more
# than that up front): a record or a clear error, in bounded time.
if $asan; then
    echo "huge line: skipped under AddressSanitizer"
else
    python3 "$here/mkhostile.py" hugeline "$scratch/lite" || exit 1
    start=$(date +%s)
    vt hugeline 300 sh -c 'ulimit -v 4000000 && exec "$@"' sh \
        "$VANTHU" run -q -o "$scratch/out5" "$scratch/lite/huge-line.txt"
    echo "20 MB line: exit $rc, $(( $(date +%s) - start )) s, peak RSS $rss_mb MB"
    rec="$scratch/out5$scratch/lite/huge-line.txt.json"
    check "[ -f '$rec' ]" "20 MB line: no record"
    [ -f "$rec" ] && grep -o '"message": "[^"]*"' "$rec"
fi
finish
