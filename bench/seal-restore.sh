#!/bin/sh
# seal-restore.sh [--show CLASS] [BUILDDIR] — what restore leaves wrong in
# Vietnamese-model OCR, for studying: each parse dev document
# (bench/parse-dev-docs.tsv; never the held-out ones) whose sealed scan
# bench/parse.sh has read (OCR cached in BUILDDIR/seal-scan) is restored
# by BUILDDIR's vanthu, and its words are set against the document's: the
# OCR and restored words pair one to one (restore keeps the spacing), the
# restored ones are aligned to the document's by difflib.  Prints the
# words restore fixed, and those it left wrong, broke (right in the OCR)
# or changed to another wrong word, by class: capital word (CAP) or not
# (low), marks only (tone, vowel mark, all marks lost) or letters, digits,
# a split or join.  --show CLASS lists the words of the classes whose name
# holds CLASS.  Documents not yet read as sealed scans are skipped.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$src/build show=
while [ $# -gt 0 ]; do
    case $1 in
        --show) show=$2; shift;;
        *) build=$1;;
    esac
    shift
done
corpus=$src/../shared/data/corpus
[ -d "$corpus" ] || { echo "seal-restore.sh: needs $corpus" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/bench/corpus-docs.sh"
mkdir -p "$tmp/docs"
corpus_docs "$corpus" "$src/bench/parse-dev-docs.tsv" "$tmp/docs"
# The cache names of seal_scan_doc, without printing or reading anything
# anew.
reader=$(seal_scan_reader)
: > "$tmp/list"
for doc in "$tmp"/docs/*; do
    seed=$(basename "$doc" | cksum | cut -d' ' -f1)
    python3 "$src/bench/dispatch-markup.py" "$doc" > "$tmp/markup"
    page=$(seal_scan_page "$tmp/markup" "$seed" "$build/seal-scan")
    [ -s "$page" ] || continue
    rec=$(seal_scan_record "$page" "$reader" "$build/seal-scan")
    [ -s "$rec" ] || continue
    "$build/vanthu" run -q -j 1 --stop-after restore -f json "$rec" > "$doc.json" 2> /dev/null ||
        continue
    printf '%s\t%s.json\n' "$doc" "$doc" >> "$tmp/list"
done
echo "# $(basename "$0") $(date -u +%F): $(wc -l < "$tmp/list") dev documents read as sealed scans"
python3 - "$tmp/list" "$show" <<'PY'
import sys, json, difflib, unicodedata, collections, re
listing, show = sys.argv[1], sys.argv[2]
TONES, VOWEL_MARKS = '\u0300\u0301\u0303\u0309\u0323', '\u0302\u0306\u031b'
def marks(w, which):
    return ''.join(c for c in unicodedata.normalize('NFD', w) if c in which)
def vowel_marks(w):
    return marks(w.lower(), VOWEL_MARKS) + ('đ' if 'đ' in w.lower() else '')
def bare(w):
    t = ''.join(c for c in unicodedata.normalize('NFD', w) if not unicodedata.combining(c))
    return t.replace('đ', 'd').replace('Đ', 'D').lower()
def words(text):
    return [re.sub(r'^\W+|\W+$', '', w) for w in text.split()]
def kind(got, want):
    where = 'CAP' if want.isupper() and len(want) > 1 else 'low'
    if got.lower() == want.lower():
        return 'case'
    if any(c.isdigit() for c in got + want):
        return 'digits'
    if bare(got) != bare(want):
        return f'{where}:letters'
    if not marks(got, TONES) and not vowel_marks(got):
        return f'{where}:all marks lost'
    tone = marks(got, TONES) != marks(want, TONES)
    vowel = vowel_marks(got) != vowel_marks(want)
    return f'{where}:' + ('tone and vowel mark' if tone and vowel else 'tone' if tone else 'vowel mark')
tally, seen = collections.Counter(), collections.defaultdict(collections.Counter)
for line in open(listing, encoding='utf-8'):
    truth, rec = line.rstrip('\n').split('\t')
    text = json.load(open(rec, encoding='utf-8'))['text']
    ocr, got = words(text['original']), words(text['corrected'])
    want = words(open(truth, encoding='utf-8').read())
    if len(ocr) != len(got):
        continue
    low = lambda ws: [w.lower() for w in ws]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, low(got), low(want),
                                                      autojunk=False).get_opcodes():
        if op == 'equal':
            for i in range(i1, i2):
                if ocr[i].lower() != got[i].lower():
                    tally['fixed'] += 1
                    seen['fixed'][f'{ocr[i]} → {got[i]}'] += 1
        elif op == 'replace' and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2)):
                state = ('left' if ocr[i] == got[i] else
                         'broke' if ocr[i].lower() == want[j].lower() else 'changed-wrong')
                key = f'{state} {kind(got[i], want[j])}'
                tally[key] += 1
                seen[key][f'{ocr[i]} → {got[i]} (document: {want[j]})'] += 1
        elif op == 'replace':
            joined = ''.join(got[i1:i2]).lower() == ''.join(want[j1:j2]).lower()
            key = 'left ' + ('split/join' if joined else 'several words')
            tally[key] += 1
            seen[key][' '.join(got[i1:i2]) + ' | ' + ' '.join(want[j1:j2])] += 1
for key, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f'{n:6}  {key}')
    if show and show in key:
        for w, m in seen[key].most_common(40):
            print(f'          {m:4}  {w}')
PY
