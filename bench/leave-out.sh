#!/bin/sh
# leave-out.sh [BUILDDIR] — the parse dev documents scored by a model that
# has not seen them, for finding fixes that carry over to unseen text.
# The model and the corpus lexicons (tools/corpus-counts.sh) leave out the
# held-out documents only, so the dev documents of bench/parse.sh are in
# their counts: their names, bodies and phrases are known, and a dev
# document reads better than a new one would.  This script counts the
# corpus again leaving out the dev documents too, builds a model and a
# data folder from those counts as the build does, and runs
# `bench/parse.sh --verbose --no-seal` (see SEAL) on every dev document with
# VANTHU_DATA pointing there (the English-model OCR comes from parse.sh's
# cache).  The table it prints reads as parse.sh's dev rows; set beside
# those of the build's own model, the difference is what knowing the
# documents was worth.  The held-out documents are never scored here.
#
# Environment: KEEP (a folder to keep the counts, model and data in;
# default a temporary one); SEAL=1 scores the sealed scans too (their OCR
# does not depend on the model, so parse.sh's cache serves it; a document
# not cached there is printed and read anew, about 25 s each).  The counts
# take a few minutes.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
corpus=$src/../shared/data/corpus
[ -d "$corpus" ] || { echo "leave-out.sh: needs $corpus" >&2; exit 77; }
mkmodel=$build/src/restore/vt-mkmodel debian=$build/src/restore/debian-vi.txt
[ -x "$mkmodel" ] && [ -s "$debian" ] || { echo "leave-out.sh: $build is not built" >&2; exit 3; }
if [ -n "${KEEP:-}" ]; then work=$KEEP; mkdir -p "$work"
else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi

rows() { grep -v '^#' "$1" | grep -v '^file	'; }
{ rows "$src/bench/heldout-docs.tsv"; rows "$src/bench/parse-dev-docs.tsv"; } > "$work/left-out.tsv"
rows "$src/bench/parse-dev-docs.tsv" |
    awk -F'\t' '{ sub(/\..*/, "", $1); printf "%s-%03d\n", $1, $2 }' > "$work/dev-docs"

rm -rf "$work/counts" "$work/data"
mkdir -p "$work/counts" "$work/data"
python3 "$src/tools/corpus-counts.py" counts "$corpus" "$work/left-out.tsv" "$work/counts"
# The data folder as vanthu looks for it (VANTHU_DATA): the dictionary
# with the new counts where tools/corpus-counts.sh puts them, the
# pipelines, and the model built from them.
cp -r "$src/dict" "$work/data/dict"
cp -r "$src/pipeline" "$work/data/pipeline"
cp "$work/counts/names.txt" "$work/data/dict/counts/names.txt"
cp "$work/counts/names-corpus.tsv" "$work/counts/codes-corpus.tsv" "$work/data/dict/lexicon/"
"$mkmodel" "$work/data/dict" "$debian" "$work/data/vanthu.model" "$work/data/vanthu.model.d" \
    "$work/counts/ngrams.txt"
no_seal=--no-seal; [ -z "${SEAL:-}" ] || no_seal=
VANTHU_DATA=$work/data sh "$src/bench/parse.sh" --verbose $no_seal --docs "$work/dev-docs" "$build"
