#!/bin/sh
# parse.sh [--verbose] [--docs LIST] [--no-seal] [BUILDDIR] — metadata accuracy of `vanthu run` on real
# documents, for measuring only: the corpus documents of the parse dev set
# (bench/parse-dev-docs.tsv, studied) and of the held-out set
# (bench/heldout-docs.tsv, never studied), against the gold records of
# bench/parse-gold, and the shared dispatches (../shared/data/ocr, English-
# model OCR, against ../shared/data/truth).  Each document is run as correct
# text, as its rendering read by Tesseract's English model (pages cached in
# BUILDDIR/real-ocr, as bench/real.sh does) and stripped of its marks; a
# corpus document also as a scan: printed as a dispatch with a red seal and
# a blue signature over the signer and run through the whole chain (pages
# and OCR cached in BUILDDIR/seal-scan).
# Prints the mean score_meta.py field scores of each set and kind, the
# overall score (mean over documents of their mean field score) and the gap
# held-out minus dev; --verbose also prints each document's scores and
# misses, but for the held-out set, whose failures are not to be studied.
# --docs LIST runs only the dev documents named in the file LIST (one
# NAME a line, tvpl_tnt305-203), no shared dispatch and no held-out
# document; each is still read in the font of a whole run.  --no-seal
# leaves out the sealed scans (which print and OCR a new document anew).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
verbose= build=$src/build docs= seal=1
while [ $# -gt 0 ]; do
    case $1 in
        --verbose) verbose=1;;
        --docs) docs=$(realpath "$2"); shift;;
        --no-seal) seal=;;
        *) build=$1;;
    esac
    shift
done
shared=$src/../shared
score=$shared/tools/score_meta.py
[ -r "$score" ] && [ -d "$shared/data/corpus" ] ||
    { echo "parse.sh: needs $shared (scorer, dispatches, corpus)" >&2; exit 77; }
echo "# $(basename "$0") $(date -u +%F) on $(nproc) cores"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/bench/corpus-docs.sh"
cache=$build/real-ocr scans=$build/seal-scan
mkdir -p "$cache" "$scans"
# record SET KIND NAME GOLD TEXT: the record of TEXT, listed for scoring.
record() {
    out=$tmp/rec/$1/$2
    mkdir -p "$out"
    "$build/vanthu" run -q -j 1 -f json "$5" > "$out/$3.json" 2> /dev/null || echo '{}' > "$out/$3.json"
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$out/$3.json" >> "$tmp/list"
}
: > "$tmp/list"

for ocr in "$shared"/data/ocr/*.txt; do
    [ -z "$docs" ] || break
    n=$(basename "$ocr" .txt)
    truth=$shared/data/truth/$n
    record shared correct "$n" "$truth.meta.json" "$truth.txt"
    record shared eng-ocr "$n" "$truth.meta.json" "$ocr"
    strip "$truth.txt" > "$tmp/$n.stripped.txt"
    record shared stripped "$n" "$truth.meta.json" "$tmp/$n.stripped.txt"
done

# The held-out set first: its pages are those bench/real.sh renders.
for set in heldout dev; do
    case $set in heldout) tsv=heldout-docs.tsv;; dev) tsv=parse-dev-docs.tsv;; esac
    mkdir -p "$tmp/$set"
    corpus_docs "$shared/data/corpus" "$src/bench/$tsv" "$tmp/$set"
    # Name order, but the documents listed after a `# read last` line come
    # after the others: a document added to the list must not move the
    # fonts (and the cached OCR pages) of those already in it.
    last=$(awk -F'\t' '/^# read last/ { l = 1; next }
        l && !/^#/ { sub(/\..*/, "", $1); printf "%s-%03d\n", $1, $2 }' "$src/bench/$tsv")
    for d in $(ls "$tmp/$set" | grep -vxF -e "$last") $last; do
        doc=$tmp/$set/$d
        if [ -n "$docs" ] && { [ $set = heldout ] || ! grep -qx "$d" "$docs"; }; then
            skip_ocr_doc "$doc"
            continue
        fi
        gold=$src/bench/parse-gold/$set/$d.meta.json
        cp "$doc" "$tmp/$set-$d.txt"
        record "$set" correct "$d" "$gold" "$tmp/$set-$d.txt"
        ocr_doc "$doc" "$tmp/$set-$d" "$cache"
        cat "$tmp/$set-$d".page[0-9][0-9][0-9].ocr > "$tmp/$set-$d.ocr.txt"
        record "$set" eng-ocr "$d" "$gold" "$tmp/$set-$d.ocr.txt"
        strip "$doc" > "$tmp/$set-$d.stripped.txt"
        record "$set" stripped "$d" "$gold" "$tmp/$set-$d.stripped.txt"
        [ -z "$seal" ] ||
            record "$set" seal-scan "$d" "$gold" "$(seal_scan_doc "$doc" "$build" "$scans")"
    done
done

python3 "$src/bench/field-table.py" "$score" "$tmp/list" ${verbose:+--verbose} --quiet heldout \
    --sets shared,dev,heldout --kinds correct,eng-ocr,stripped,seal-scan --gap dev,heldout
