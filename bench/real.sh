#!/bin/sh
# real.sh [BUILDDIR [MODEL]] — restore accuracy on real text, for measuring
# only (never tune on it): (1) the shared dispatches (../shared/data/ocr,
# English-model OCR, against ../shared/data/truth), and (2) the corpus
# documents held out of the model (bench/heldout-docs.tsv), rendered with
# pango-view and read by Tesseract's English model (pages cached in
# BUILDDIR/real-ocr).  Each is also restored stripped of its marks and as
# it is.  Prints word accuracy (tone placement ignored; unchanged text
# exactly) and the gap held-out minus shared.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
model=${2:-$build/src/restore/vanthu.model}
shared=$src/../shared
score=$shared/tools/score_restore.py
[ -r "$score" ] && [ -d "$shared/data/corpus" ] ||
    { echo "real.sh: needs $shared (scorer, dispatches, corpus)" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/bench/corpus-docs.sh"
restore() { "$build/vanthu" restore --model "$model" "$1"; }
# score SET KIND TRUTH HYP [scorer options]: appends "SET KIND tokens correct".
score() {
    set_=$1 kind=$2 truth=$3 hyp=$4
    shift 4
    python3 "$score" "$truth" "$hyp" "$@" |
        sed -n "s/^tokens=\([0-9]*\) correct=\([0-9]*\).*/$set_ $kind \1 \2/p" >> "$tmp/tally"
}
: > "$tmp/tally"

for ocr in "$shared"/data/ocr/*.txt; do
    n=$(basename "$ocr" .txt)
    truth=$shared/data/truth/$n.txt skip=$shared/data/truth/$n.uncertain
    restore "$ocr" > "$tmp/$n.eng"
    score shared eng-ocr "$truth" "$tmp/$n.eng" --loose --skip-lines "$skip"
    strip "$truth" > "$tmp/$n.stripped"
    restore "$tmp/$n.stripped" > "$tmp/$n.str"
    score shared stripped "$truth" "$tmp/$n.str" --loose --skip-lines "$skip"
    restore "$truth" > "$tmp/$n.same"
    score shared unchanged "$truth" "$tmp/$n.same" --skip-lines "$skip"
done

# The held-out documents, one file each.
mkdir -p "$tmp/held"
corpus_docs "$shared/data/corpus" "$src/bench/heldout-docs.tsv" "$tmp/held"
cache=$build/real-ocr
mkdir -p "$cache"
for doc in "$tmp"/held/*; do
    d=$(basename "$doc")
    # OCR lines do not follow the page's lines, so each page is one line.
    ocr_doc "$doc" "$tmp/$d" "$cache"
    : > "$tmp/$d.truth"
    : > "$tmp/$d.ocr"
    for pg in "$tmp/$d".page[0-9][0-9][0-9]; do
        echo $(cat "$pg") >> "$tmp/$d.truth"
        echo $(cat "$pg.ocr") >> "$tmp/$d.ocr"
    done
    restore "$tmp/$d.ocr" > "$tmp/$d.eng"
    score heldout eng-ocr "$tmp/$d.truth" "$tmp/$d.eng" --loose
    strip "$doc" > "$tmp/$d.stripped"
    restore "$tmp/$d.stripped" > "$tmp/$d.str"
    score heldout stripped "$doc" "$tmp/$d.str" --loose
    restore "$doc" > "$tmp/$d.same"
    score heldout unchanged "$doc" "$tmp/$d.same"
done

awk '{ t[$1" "$2] += $3; c[$1" "$2] += $4 }
END {
    printf "%-10s %10s %10s %10s\n", "", "eng-ocr", "stripped", "unchanged"
    split("shared heldout", sets, " "); split("eng-ocr stripped unchanged", kinds, " ")
    for (s = 1; s <= 2; s++) {
        printf "%-10s", sets[s]
        for (k = 1; k <= 3; k++) {
            key = sets[s] " " kinds[k]
            a[s, k] = t[key] ? 100 * c[key] / t[key] : 0
            printf " %9.2f%%", a[s, k]
        }
        printf "\n"
    }
    printf "%-10s", "gap"
    for (k = 1; k <= 3; k++) printf " %+9.2f ", a[2, k] - a[1, k]
    printf "\n"
}' "$tmp/tally"
