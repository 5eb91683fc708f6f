#!/bin/sh
# wide.sh [--verbose] [BUILDDIR] — type, number and trích yếu of `vanthu run`
# on many real documents without gold written by hand, for finding the
# classes of failure the parse dev set no longer shows.  About a third of
# the documents of the corpus file tvpl_tnt305 end with a catalogue line
# the site wrote ("Công văn 5331/CT-CS năm 2025 về ...": type, number, year,
# then a paraphrase of the trích yếu); it is a weak oracle.  The others are
# checked against the corpus index's type and number only.  Each
# administrative document of that file, but for the held-out documents of
# bench/heldout-docs.tsv (never run), is run without its catalogue line (it
# is not on the page) as correct text and stripped of its marks
# (bench/corpus-docs.sh's strip, the oracle stripped alike).  Agreement:
#   type     the record's type equals the oracle's (case folded);
#   number   the record's number equals the oracle's (over the documents
#            the oracle gives one);
#   subject  over the documents with a catalogue line: the word overlap of
#            the record's subject and the catalogue's text, F1 over the
#            words (case folded, punctuation dropped, the leading V/v, Về
#            việc, Về and the trailing "do ... ban hành" left out), is at
#            least 0.7;
#   +paraph  the subject agrees, or the catalogue paraphrases: most of the
#            catalogue's words the subject lacks are not printed in the
#            page's head either (an abbreviation spelled out, words taken
#            from the body, a page printing no trích yếu), which no parse
#            of the page can follow; a trích yếu cut short or run on misses
#            words the head does print.
# The documents of the parse dev set (bench/parse-dev-docs.tsv) are counted
# apart from the others.  --verbose also prints each disagreeing document.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
verbose=0 build=$src/build
for a; do
    case $a in --verbose) verbose=1;; *) build=$a;; esac
done
corpus=$src/../shared/data/corpus
[ -r "$corpus/tvpl_tnt305.txt.xz" ] ||
    { echo "wide.sh: needs $corpus/tvpl_tnt305.txt.xz" >&2; exit 77; }
echo "# $(basename "$0") $(date -u +%F) on $(nproc) cores"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/bench/corpus-docs.sh"

# The documents, less their catalogue line, as $tmp/doc/NNN and their
# oracle as $tmp/catalogue.tsv (doc_no, set, type, number, the catalogue's
# text, empty without a catalogue line).
mkdir -p "$tmp/doc" "$tmp/rec"
python3 - "$corpus" "$src/bench" "$tmp" <<'PY'
import sys, lzma, os, re
corpus, bench, tmp = sys.argv[1:]
NAME = 'tvpl_tnt305.txt.xz'
def listed(tsv):
    return {int(l.split('\t')[1]) for l in open(os.path.join(bench, tsv), encoding='utf-8')
            if not l.startswith('#') and not l.startswith('file\t') and l.startswith(NAME)}
heldout, dev = listed('heldout-docs.tsv'), listed('parse-dev-docs.tsv')
# The index's type ("Quyết định (cá biệt)") and number of each
# administrative document, for those without a catalogue line.
admin = {}
for line in lzma.open(os.path.join(corpus, 'index.tsv.xz'), 'rt', encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if f[0] == NAME and f[5] == 'administrative':
        admin[int(f[1])] = (re.sub(r' \(.*\)$', '', f[4]), f[6])
# Type (up to four words), a number, a year or both, the rest.
CATALOGUE = re.compile(r'^([A-ZĐ]\w*(?: \w+){0,3}?) (?:(\w\S*/\S+)(?: năm \d{4})?|năm \d{4})'
                       r'(?: (\w.+))?$')
no, doc, out = 1, [], []
with lzma.open(os.path.join(corpus, NAME), 'rt', encoding='utf-8') as f:
    for line in list(f) + ['\n']:
        if line.strip():
            doc.append(line)
            continue
        if doc and no in admin and no not in heldout:
            m = CATALOGUE.match(doc[-1].strip())
            # "Nghị định số ..." closing a list of grounds is no catalogue.
            if m and not m.group(1).endswith(' số') and len(doc) > 3:
                doc, fields = doc[:-1], [m.group(1), m.group(2) or '', m.group(3) or '']
            else:
                fields = [*admin[no], '']
            open(f'{tmp}/doc/{no:03d}', 'w', encoding='utf-8').writelines(doc)
            out.append('\t'.join([f'{no:03d}', 'dev' if no in dev else 'other', *fields]) + '\n')
        if doc:
            no, doc = no + 1, []
open(f'{tmp}/catalogue.tsv', 'w', encoding='utf-8').writelines(out)
PY

# record KIND NNN TEXT: the record of TEXT as $tmp/rec/KIND-NNN.json.
record() {
    "$build/vanthu" run -q -j 1 -f json "$3" > "$tmp/rec/$1-$2.json" 2> /dev/null ||
        echo '{}' > "$tmp/rec/$1-$2.json"
}
for doc in "$tmp"/doc/*; do
    n=$(basename "$doc")
    record correct "$n" "$doc"
    strip "$doc" > "$tmp/$n.stripped.txt"
    record stripped "$n" "$tmp/$n.stripped.txt"
done

python3 - "$tmp" "$verbose" <<'PY'
import sys, json, re, unicodedata, collections
tmp, verbose = sys.argv[1], sys.argv[2] == '1'
THRESHOLD = 0.7
def unmark(s):
    s = unicodedata.normalize('NFD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c)).replace('đ', 'd').replace('Đ', 'D')
    return unicodedata.normalize('NFC', s)
def fold(s):
    return re.sub(r'\s+', ' ', unicodedata.normalize('NFC', s or '').casefold()).strip(' .;,:')
def words(s):
    s = re.sub(r'^(v/v|về việc|về|ve viec|ve)\s+', '', fold(s))
    s = re.sub(r'\s+do\s+.*ban (hành|hanh)$', '', s)
    return re.findall(r'\w+', s)
def f1(a, b):
    if not a or not b:
        return 0.0
    ca, cb = collections.Counter(a), collections.Counter(b)
    common = sum((ca & cb).values())
    return 0.0 if not common else 2 * common / (len(a) + len(b))
def header_words(path):
    """The words of the page's head: its lines up to the body's first căn
    cứ or Kính gửi, at most 15."""
    out = set()
    for k, line in enumerate(open(path, encoding='utf-8')):
        if k >= 15 or re.match(r'(căn cứ|can cu|kính gửi|kinh gui)', fold(line)):
            break
        out.update(words(line))
    return out
def paraphrase(subject, catalogue, head):
    """Whether the catalogue's words the subject lacks are mostly not
    printed in the page's head either: the site paraphrased (spelled out
    an abbreviation, took words from the body, or the page prints no
    trích yếu), which the parse cannot follow."""
    lacking = set(catalogue) - set(subject)
    return not lacking or len(lacking & head) * 2 < len(lacking)
def value(meta, key):
    v = meta.get(key)
    if isinstance(v, dict):
        v = v.get('value') or v.get('text')
    return v if isinstance(v, str) else None
rows = collections.defaultdict(lambda: collections.defaultdict(int))
misses = []
for line in open(f'{tmp}/catalogue.tsv', encoding='utf-8'):
    no, set_, *catalogue = line.rstrip('\n').split('\t')
    for kind in ('correct', 'stripped'):
        same = unmark if kind == 'stripped' else str
        ctype, cnum, crest = (same(x) for x in catalogue)
        try:
            rec = json.load(open(f'{tmp}/rec/{kind}-{no}.json', encoding='utf-8'))
        except ValueError:
            rec = {}
        meta = rec.get('metadata', rec) if isinstance(rec, dict) else {}
        got = {k: value(meta, k) for k in ('type', 'number', 'subject')}
        ok = {'type': fold(same(got['type'] or '')) == fold(ctype),
              'number': not cnum or fold(same(got['number'] or '')) == fold(cnum),
              'subject': not crest or f1(words(same(got['subject'] or '')), words(crest)) >= THRESHOLD}
        page = f'{tmp}/doc/{no}' if kind == 'correct' else f'{tmp}/{no}.stripped.txt'
        off_page = not ok['subject'] and paraphrase(words(same(got['subject'] or '')), words(crest),
                                                    header_words(page))
        r = rows[set_, kind]
        r['docs'] += 1
        r['numbered'] += bool(cnum)
        r['catalogued'] += bool(crest)
        r['paraphrase'] += off_page
        for k, v in ok.items():
            r[k] += v
        if not all(ok.values()):
            misses.append((kind, set_, no, [k + ('(paraphrase)' if k == 'subject' and off_page else '')
                                            for k, v in ok.items() if not v], got,
                           ' | '.join((ctype, cnum, crest))))
print(f'{"set":6} {"kind":9} {"docs":>5} {"type":>7} {"number":>7} {"catal":>5} {"subject":>8} '
      f'{"+paraph":>8}   (subject: word F1 >= {THRESHOLD} over the catal(ogued) documents; '
      f'+paraph: or the catalogue paraphrases; number over the numbered ones)')
for set_ in ('dev', 'other', 'all'):
    for kind in ('correct', 'stripped'):
        r = collections.Counter()
        for s in (('dev', 'other') if set_ == 'all' else (set_,)):
            r.update(rows[s, kind])
        if not r['docs']:
            continue
        num = (r['number'] - (r['docs'] - r['numbered'])) / r['numbered'] if r['numbered'] else 0
        sub = r['subject'] - (r['docs'] - r['catalogued'])
        print(f'{set_:6} {kind:9} {r["docs"]:>5} {r["type"] / r["docs"]:7.3f} {num:7.3f} '
              f'{r["catalogued"]:>5} {sub / r["catalogued"]:8.3f} '
              f'{(sub + r["paraphrase"]) / r["catalogued"]:8.3f}')
if verbose:
    for kind, set_, no, bad, got, cat in misses:
        print(f'\n{kind} {set_} tvpl_tnt305-{no}: {" ".join(bad)}')
        for k in bad:
            print(f'    {k}: {got[k.split("(")[0]]!r}')
        print(f'    catalogue: {cat}')
PY
