#!/bin/sh
# corpus-counts.sh [CORPUS_DIR] — regenerate dict/counts/ from the real
# corpus (../shared/data/corpus, see its README): the n-gram counts the
# restore model is built from beside dict/corpus/, the frequency lists of
# places and bodies, and what parse reads: the personal names
# (dict/lexicon/names-corpus.tsv) and the parts of codes
# (dict/lexicon/codes-corpus.tsv).  The documents in bench/heldout-docs.tsv are
# left out (they are for measuring only); `tools/corpus-counts.py heldout`
# chose them before anything was built.  Weights and pruning are recorded
# in dict/README.md; options after the directory go to corpus-counts.py
# (--admin-weight, --legal-weight, --min-count, --min-unigram, --min-list).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$src/../shared/data/corpus}
[ $# -gt 0 ] && shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$src/tools/corpus-counts.py" counts "$corpus" "$src/bench/heldout-docs.tsv" "$tmp" "$@"
mkdir -p "$src/dict/counts"
xz -6 -T1 -c "$tmp/ngrams.txt" > "$src/dict/counts/ngrams.txt.xz"
cp "$tmp/names.txt" "$src/dict/counts/names.txt"
cp "$tmp/names-corpus.tsv" "$src/dict/lexicon/names-corpus.tsv"
cp "$tmp/codes-corpus.tsv" "$src/dict/lexicon/codes-corpus.tsv"
