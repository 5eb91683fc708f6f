#!/bin/sh
# restore-heldout.sh [BUILDDIR] [CORPUS-FILE-NAME...] — tune restore on the
# project's own text, never on ../shared: build a model without the named
# dict/corpus files (default: admin-education.txt admin-health.txt), then
# restore those files (1) stripped of their marks, (2) with English-model
# and (3) Vietnamese-model OCR damage sampled from the learned channel
# (dict/channel), and (4) as they are, and print word accuracy of each.
# With REAL_OCR=1, also (5) the held-out text rendered with pango-view and
# read by Tesseract's English model (pages cached in BUILDDIR): damage the
# channel's own samples cannot show, scored page by page.
set -eu
echo "# $(basename "$0") $(date -u +%F) on $(nproc) cores"
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- admin-education.txt admin-health.txt
score=$src/../shared/tools/score_restore.py
[ -r "$score" ] || { echo "restore-heldout.sh: needs $score (the scorer only)" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/dict/corpus"
for d in lexicon channel syllables; do ln -s "$src/dict/$d" "$tmp/dict/$d"; done
: > "$tmp/held.txt"
for f in "$src"/dict/corpus/*.txt; do
    b=$(basename "$f") held=no
    for h in "$@"; do [ "$b" = "$h" ] && held=yes; done
    if [ $held = yes ]; then grep -v '^#' "$f" >> "$tmp/held.txt"; else ln -s "$f" "$tmp/dict/corpus/$b"; fi
done
"$build/src/restore/vt-mkmodel" "$tmp/dict" "$build/src/restore/debian-vi.txt" \
    "$tmp/held.model" "$tmp/held.d"
python3 - "$tmp" "$src/dict/channel" <<'PY'
import sys, random, unicodedata, collections
tmp, chan = sys.argv[1], sys.argv[2]
text = open(tmp + '/held.txt', encoding='utf-8').read()
d = unicodedata.normalize('NFD', text)
d = ''.join(c for c in d if not unicodedata.combining(c)).replace('đ', 'd').replace('Đ', 'D')
open(tmp + '/stripped.txt', 'w', encoding='utf-8').write(unicodedata.normalize('NFC', d))
def load(p):
    t = collections.defaultdict(list)
    for l in open(p, encoding='utf-8'):
        if l.startswith('#') or l.count('\t') != 2: continue
        a, b, c = l.rstrip('\n').split('\t')
        t[a].append(('' if b == '<eps>' else b, float(c)))
    return t
def pick(lst, rnd):
    r = rnd.random() * sum(c for _, c in lst)
    for o, c in lst:
        r -= c
        if r <= 0: return o
    return lst[-1][0]
for eng in ('eng', 'vie'):
    rnd = random.Random(1)
    W, C = load(f'{chan}/{eng}-words.tsv'), load(f'{chan}/{eng}-chars.tsv')
    def word(w):
        lw = w.lower()
        if lw in W and sum(c for _, c in W[lw]) >= 5 and rnd.random() < 0.7:
            o = pick(W[lw], rnd)
            if w.isupper() and len(w) > 1: return o.upper()
            return o if w.islower() else o[:1].upper() + o[1:]
        return ''.join(pick(C[c], rnd) if c in C else c for c in w)
    with open(f'{tmp}/{eng}-ocr.txt', 'w', encoding='utf-8') as f:
        for line in text.split('\n'):
            f.write(' '.join(word(w) for w in line.split()) + '\n')
PY
if [ "${REAL_OCR:-0}" = 1 ]; then
    cache=$build/restore-heldout-ocr
    mkdir -p "$cache" "$tmp/real"
    . "$src/bench/corpus-docs.sh"
    grep -v '^ *$' "$tmp/held.txt" > "$tmp/real/held"
    ocr_doc "$tmp/real/held" "$tmp/real/held" "$cache"
    for pg in "$tmp"/real/held.page[0-9][0-9][0-9]; do
        "$build/vanthu" restore --model "$tmp/held.model" "$pg.ocr" > "$pg.out"
    done
    # OCR lines do not follow the page's lines: one line per page.
    python3 - "$tmp/real" <<'PY'
import sys, glob
d = sys.argv[1]
for ext, name in (('', 'truth'), ('.ocr', 'in'), ('.out', 'out')):
    pages = sorted(glob.glob(d + '/held.page[0-9][0-9][0-9]'))
    with open(f'{d}/{name}.txt', 'w', encoding='utf-8') as f:
        for p in pages:
            f.write(' '.join(open(p + ext, encoding='utf-8').read().split()) + '\n')
PY
    before=$(python3 "$score" "$tmp/real/truth.txt" "$tmp/real/in.txt" --loose | sed 's/.*accuracy=\([0-9.]*\).*/\1/')
    after=$(python3 "$score" "$tmp/real/truth.txt" "$tmp/real/out.txt" --loose | sed 's/.*accuracy=\([0-9.]*\).*/\1/')
    printf '%-10s input %s  restored %s\n' eng-real "$before" "$after"
fi
for kind in stripped eng-ocr vie-ocr held; do
    in=$tmp/$kind.txt
    "$build/vanthu" restore --model "$tmp/held.model" "$in" > "$tmp/$kind.out"
    before=$(python3 "$score" "$tmp/held.txt" "$in" --loose | sed 's/.*accuracy=\([0-9.]*\).*/\1/')
    after=$(python3 "$score" "$tmp/held.txt" "$tmp/$kind.out" --loose | sed 's/.*accuracy=\([0-9.]*\).*/\1/')
    printf '%-10s input %s  restored %s\n' "$kind" "$before" "$after"
done
