#!/bin/sh
# seal-variants.sh [--verbose] [--every N] [--rounds "R..."] [--cache DIR] [BUILDDIR]
# — the sealed-scan reading of bench/parse.sh, made again as real pages come
# out.  In round R (default rounds 0 to 3) every Nth dev document of
# bench/parse-dev-docs.tsv (default every 4th, by name, from the (R+1)th) is
# printed as a sealed dispatch (bench/dispatch-markup.py) and rendered by
# vt-mksample with another seed than bench/parse.sh's (one for each round).
# Rounds 0-2 take one of four settings, in turn by the document's place in
# the list and the round: 200 dpi; 150 dpi; 200 dpi bilevel; 150 dpi
# without the signature.  Round 3 and later keep bench/parse.sh's settings
# (300 dpi, signed), so that the seal and its place alone are new: the
# losses of parse.sh's sealed scans need not come from resolution.  With
# every 4, round 3 prints the documents that rounds 0-2 leave out.  Only dev
# documents: the held-out set is never rendered to be
# studied.  Pages and their OCR records are cached in DIR (default
# BUILDDIR/seal-variants), keyed as bench/parse.sh keys its sealed cache, so
# a change in restore or parse re-runs only those two; the first run reads
# every page (some 3-4 s of CPU a render).  Prints (bench/field-table.py)
# the mean score_meta.py field scores over the renders of each setting and
# of all, the overall score (mean over renders of their mean field score);
# --verbose also each render's scores and misses.
# Environment: OUT (keep there each render's records, R-NAME.ocr.json as
# read and R-NAME.json as parsed; default none).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
verbose= build=$src/build every=4 rounds='0 1 2 3' cache=
while [ $# -gt 0 ]; do
    case $1 in
        --verbose) verbose=1;;
        --every) every=$2; shift;;
        --rounds) rounds=$2; shift;;
        --cache) cache=$2; shift;;
        *) build=$1;;
    esac
    shift
done
shared=$src/../shared
score=$shared/tools/score_meta.py
[ -r "$score" ] && [ -d "$shared/data/corpus" ] ||
    { echo "seal-variants.sh: needs $shared (scorer, corpus)" >&2; exit 77; }
cache=${cache:-$build/seal-variants}
mkdir -p "$cache"
echo "# $(basename "$0") $(date -u +%F) every $every, rounds $rounds"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/bench/corpus-docs.sh"
mkdir -p "$tmp/dev" "$tmp/rec"
corpus_docs "$shared/data/corpus" "$src/bench/parse-dev-docs.tsv" "$tmp/dev"
reader=$(seal_scan_reader)
: > "$tmp/list"
for round in $rounds; do
    i=0
    for d in $(ls "$tmp/dev"); do
        i=$((i + 1))
        [ $(((i - 1 - round) % every)) -eq 0 ] || continue
        k=$((((i - 1) / every + round) % 4))
        [ "$round" -lt 3 ] || k=dpi300
        case $k in
            0) setting=dpi200 opts="--dpi 200";;
            1) setting=dpi150 opts="--dpi 150";;
            2) setting=bilevel opts="--dpi 200 --bilevel";;
            3) setting=nosign opts="--dpi 150 --no-signature";;
            dpi300) setting=dpi300 opts=;;
        esac
        # Another seed than bench/parse.sh's (the cksum of the name alone).
        seed=$(printf '%s variant %s' "$d" "$round" | cksum | cut -d' ' -f1)
        python3 "$src/bench/dispatch-markup.py" "$tmp/dev/$d" > "$tmp/markup"
        page=$(seal_scan_page "$tmp/markup" "$seed $opts" "$cache")
        # shellcheck disable=SC2086 # opts are words
        [ -s "$page" ] || "$build/tools/vt-mksample" --seed "$seed" $opts "$tmp/markup" "$page" >&2
        rec=$(seal_scan_record "$page" "$reader" "$cache")
        if [ ! -s "$rec" ]; then
            nice "$build/vanthu" run -q -j 1 --stop-after ocr -f json "$page" > "$rec.$$"
            mv "$rec.$$" "$rec"
        fi
        out=$tmp/rec/$round-$d.json
        "$build/vanthu" run -q -j 1 -f json "$rec" > "$out" 2> /dev/null || echo '{}' > "$out"
        printf 'variant\t%s\t%s\t%s\t%s\n' "$setting" "$round-$d" "$src/bench/parse-gold/dev/$d.meta.json" "$out" >> "$tmp/list"
        [ -z "${OUT:-}" ] || { mkdir -p "$OUT"; cp "$rec" "$OUT/$round-$d.ocr.json"; cp "$out" "$OUT/$round-$d.json"; }
    done
done

python3 "$src/bench/field-table.py" "$score" "$tmp/list" ${verbose:+--verbose} \
    --sets variant --kinds dpi200,dpi150,bilevel,nosign,dpi300 --all
