#!/usr/bin/env bash
# Inputs at the limits: every input the limits accept runs within 1 GB of
# peak resident memory and gives a record proportional to its size.  The
# inputs are made at test time by mkhostile.py.
. "$(dirname "$0")/../cli/lib.sh"
here="$VANTHU_SOURCE_ROOT/tests/bad"
mkdir -p "$scratch/lite"
. "$here/lib.sh"

# Inputs every limit accepts must run within 1 GB: a 2.5 MB text without
# diacritics (54,000 lines, a change for nearly every word) and 144-megapixel
# pages just under max-megapixels, grey and colour, each through its whole
# default pipeline.  The record stays proportional to the input.  The long
# text goes to XML, ALTO and hOCR too.
if $asan || [ ! -x /usr/bin/time ]; then
    echo "inputs at the limits: skipped (AddressSanitizer or no /usr/bin/time)"
else
    python3 "$here/mkhostile.py" longtext "$scratch/lite" || exit 1
    python3 "$here/mkhostile.py" bigpng "$scratch/lite" || exit 1
    # A colour PNG cut short: an error record of its own, nothing from libpng.
    head -c 1000000 "$scratch/lite/big-colour.png" > "$scratch/lite/cut-colour.png"
    vt cut-colour 120 "$VANTHU" run -q -o "$scratch/out6" "$scratch/lite/cut-colour.png"
    check "[ $rc -eq 2 ]" "cut colour PNG: exit $rc, expected 2"
    check "grep -q 'cut-colour.png: png image is damaged or truncated' '$scratch/cut-colour.err'" \
        "cut colour PNG: $(cat "$scratch/cut-colour.err")"
    check "! grep -q libpng '$scratch/cut-colour.err'" "libpng printed: $(cat "$scratch/cut-colour.err")"
    for f in long-text.txt big-page.png big-colour.png; do
        start=$(date +%s)
        vt "$f" 600 "$VANTHU" run -q -o "$scratch/out6" "$scratch/lite/$f"
        rec="$scratch/out6$scratch/lite/$f.json"
        size=$(stat -c %s "$scratch/lite/$f")
        rsize=$(stat -c %s "$rec" 2>/dev/null || echo 0)
        echo "$f: exit $rc, $(( $(date +%s) - start )) s, peak RSS $rss_mb MB," \
             "record $(( rsize / 1024 )) KB for $(( size / 1024 )) KB"
        check "[ $rc -eq 0 ]" "$f: exit $rc ($(tail -3 "$scratch/$f.err"))"
        check "[ $rss_mb -le 1024 ]" "$f: peak RSS $rss_mb MB, more than 1 GB"
        check "[ $rsize -le $(( size * 64 )) ]" "$f: record of $rsize bytes for $size"
        [ "$f" != long-text.txt ] || json_rss=$rss_mb
        [ "$f" = long-text.txt ] || rm -f "$scratch/lite/$f"
    done
    # The XML formats of the long text: within the bound and near JSON's
    # memory (the XML record was once built as a tree of the whole JSON
    # record, 2.1 GB).
    for fmt in xml alto hocr; do
        vt "long-text-$fmt" 600 "$VANTHU" run -q -f $fmt -o "$scratch/out7" \
            "$scratch/lite/long-text.txt"
        echo "long-text.txt -f $fmt: exit $rc, peak RSS $rss_mb MB (JSON $json_rss MB)"
        check "[ $rc -eq 0 ]" "-f $fmt: exit $rc ($(tail -3 "$scratch/long-text-$fmt.err"))"
        check "[ $rss_mb -le 1024 ] && [ $rss_mb -le $(( json_rss * 3 / 2 )) ]" \
            "-f $fmt: peak RSS $rss_mb MB, JSON's $json_rss MB"
    done
fi
finish
