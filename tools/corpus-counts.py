#!/usr/bin/env python3
"""corpus-counts.py — derive the restore model's real-text counts from the
shared corpus (see tools/corpus-counts.sh, which runs this).

    corpus-counts.py heldout CORPUS_DIR OUT.tsv
        choose the held-out documents (never counted, only measured)
    corpus-counts.py counts CORPUS_DIR HELDOUT.tsv OUT_DIR [options]
        write OUT_DIR/ngrams.txt (pruned n-gram counts over the tokens
        the model uses), OUT_DIR/names.txt (frequency lists of places and
        bodies), OUT_DIR/names-corpus.tsv (personal names) and
        OUT_DIR/codes-corpus.tsv (the parts of codes)
    corpus-counts.py names CORPUS_DIR HELDOUT.tsv OUT_DIR [options]
        only the two lists of names
    corpus-counts.py codes CORPUS_DIR HELDOUT.tsv OUT_DIR
        only the lexicon of code parts (OUT_DIR/codes-corpus.tsv)

The tokens follow src/restore/token.c: outer and inner punctuation split
off, numbers and Roman numerals as <num>, letters lower-cased (the model
build folds and canonicalises them itself); sentences are lines, framed
by <s> and </s>."""
import argparse, collections, hashlib, lzma, os, re, sys, unicodedata

TEXTS = ('tvpl_tnt305.txt.xz', 'tax_pjj.txt.xz', 'congbao_hrmaster1982.txt.xz',
         'phapdien_diepxuan.txt.xz')


def index_rows(corpus):
    with lzma.open(os.path.join(corpus, 'index.tsv.xz'), 'rt', encoding='utf-8') as f:
        head = f.readline().rstrip('\n').split('\t')
        for line in f:
            yield dict(zip(head, line.rstrip('\n').split('\t')))


def documents(corpus, name):
    """(doc_no, lines) of one corpus file; documents are split by a blank line."""
    with lzma.open(os.path.join(corpus, name), 'rt', encoding='utf-8') as f:
        doc, no = [], 1
        for line in f:
            line = line.rstrip('\n')
            if line.strip():
                doc.append(line)
            elif doc:
                yield no, doc
                doc, no = [], no + 1
        if doc:
            yield no, doc


# The held-out rule: administrative documents of 150 to 1500 words, in
# the order of sha1("vanthu-heldout " + file + " " + doc_no), the first 20
# with at most 5 of any one type.
HELD_N, HELD_PER_TYPE, HELD_MIN, HELD_MAX = 20, 5, 150, 1500


def heldout(corpus, out):
    rows = [r for r in index_rows(corpus) if r['group'] == 'administrative'
            and HELD_MIN <= int(r['words']) <= HELD_MAX]
    key = lambda r: hashlib.sha1(f"vanthu-heldout {r['file']} {r['doc_no']}".encode()).hexdigest()
    chosen, per_type = [], collections.Counter()
    for r in sorted(rows, key=key):
        if per_type[r['type']] < HELD_PER_TYPE:
            per_type[r['type']] += 1
            chosen.append(r)
        if len(chosen) == HELD_N:
            break
    with open(out, 'w', encoding='utf-8') as f:
        f.write('# Corpus documents held out of the restore model, for measuring only\n'
                '# (bench/real.sh).  Rule (tools/corpus-counts.py heldout): administrative\n'
                f'# documents of {HELD_MIN} to {HELD_MAX} words, ordered by sha1("vanthu-heldout FILE DOC_NO"),\n'
                f'# the first {HELD_N} with at most {HELD_PER_TYPE} of any one type.\n')
        f.write('file\tdoc_no\ttype\tnumber\tyear\twords\n')
        for r in chosen:
            f.write('\t'.join(r[k] for k in ('file', 'doc_no', 'type', 'number', 'year', 'words')) + '\n')


def read_heldout(path):
    held = set()
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or line.startswith('file\t'):
            continue
        f = line.rstrip('\n').split('\t')
        held.add((f[0], int(f[1])))
    return held


PUNCT = {',': ',', '.': '.', ';': ';', ':': ':', '!': '!', '?': '?', '(': '(', '[': '(',
         '{': '(', ')': ')', ']': ')', '}': ')', '"': '"', "'": '"', '\u201c': '"',
         '\u201d': '"', '\u2018': '"', '\u2019': '"', '\xab': '"', '\xbb': '"', '-': '-',
         '\u2013': '-', '\u2014': '-', '/': '/', '\u2026': '.'}
SILENT = set('*\u2022\xb7+=_|%')
INNER = set('-/.,:()\u2013')
ROMAN = re.compile(r'^[IVX][IVXl1]+$')


def pieces(word):
    """The LM tokens of a whitespace word, as token.c splits it."""
    out = []
    a, b = 0, len(word)
    while a < b and (word[a] in PUNCT or word[a] in SILENT):
        a += 1
    while b > a and (word[b - 1] in PUNCT or word[b - 1] in SILENT):
        b -= 1
    def punct(c):
        if c in PUNCT:
            out.append(PUNCT[c])
    for c in word[:a]:
        punct(c)
    s = a
    for i in range(a, b + 1):
        sep = i < b and (word[i] in INNER or (word[i] == '&' and a < i < b - 1 and
                                              word[i - 1].isupper() and word[i + 1].isupper()))
        if i < b and not sep:
            continue
        if i > s:
            p = word[s:i]
            if p.isdigit() or (ROMAN.match(p) and p[0] not in 'l1'):
                out.append('<num>')
            else:
                out.append(p.lower())
        if i < b:
            out.append('&' if word[i] == '&' else PUNCT[word[i]])
        s = i + 1
    for c in word[b:]:
        punct(c)
    return out


def sentence(line):
    toks = ['<s>']
    for w in line.split():
        toks.extend(pieces(w))
    toks.append('</s>')
    return toks if len(toks) > 2 else None


# Names.  A person is a run of two to four title-case syllables whose
# first is a family name of the closed list in dict/lexicon/names.txt,
# seen where documents print persons: after a form of address (`ông`,
# `bà`, `đồng chí`), or alone on a line under a title in capitals (the
# signature block: "PHÓ CHỦ TỊCH" / "Trần Văn Bình").  A run that is a
# place of dict/lexicon/places.txt ("Lâm Đồng", "Mai Sơn"), or the start
# of a title of positions.txt ("đồng chí Phó Bí thư"), is none.
# Each person counts once a document: a signer of many decisions is one
# name, not many.  A place: title-case syllables after its kind.  A body:
# its head word and what follows, each title-case syllable with at most
# one small one after it, joined by "và".
ADDRESS = {'ông', 'bà', 'đồng chí', 'đ/c'}
PLACE_KINDS = ('thành phố', 'thị xã', 'thị trấn', 'đặc khu', 'tỉnh', 'huyện', 'quận', 'xã',
               'phường')
BODY_HEADS = ('Tổng cục', 'Văn phòng', 'Ủy ban', 'Bệnh viện', 'Trung tâm', 'Bộ', 'Sở', 'Cục',
              'Vụ', 'Ban', 'Viện', 'Trường')


def titled(w):
    return w[:1].isupper() and w[1:].islower() and w.isalpha()


def lexicon_section(dict_dir, file, want):
    """The entries of one section of a dict/lexicon file (`# want` or
    `# section: want`; None: the whole file)."""
    out, section = set(), None
    for line in open(os.path.join(dict_dir, 'lexicon', file), encoding='utf-8'):
        line = line.strip()
        if line.startswith('#'):
            section = line[1:].strip()
        elif line and (want is None or section == want):
            out.add(line.split('\t')[0])
    return out


def titled_run(ws, start, most):
    """The title-case words from ws[start], at most `most`, up to one
    that ends in punctuation (which it strips)."""
    run = []
    for x in ws[start:start + most]:
        y = x.rstrip(',.;:)')
        if not titled(y):
            break
        run.append(y)
        if y != x:
            break
    return run


SIGNED = re.compile(r'^\s*[(\[]\s*(đã ký|ký|signed)[^)\]]*[)\]]\s*$', re.I)


def title_line(line):
    """A title in capitals ("THỨ TRƯỞNG", "KT. CHỦ TỊCH"): most letters are."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def persons_in(doc, known):
    """The persons a document names (each run of words once)."""
    found = set()
    for i, line in enumerate(doc):
        ws = line.split()
        # Above the name: the title, or "(Đã ký)" under it.
        above = [x for x in doc[max(0, i - 2):i] if not SIGNED.match(x)][-1:]
        if 2 <= len(ws) <= 4 and all(titled(w) for w in ws) and above and title_line(above[0]):
            found.add(tuple(ws))
        for j, w in enumerate(ws):
            for kind, n in ((w.lower(), 1), (' '.join(ws[j:j + 2]).lower(), 2)):
                run = titled_run(ws, j + n, 4)
                # A run followed by a capital is cut short ("ông Nguyễn
                # Văn A", a longer title-case phrase): none.
                after = ws[j + n + len(run):j + n + len(run) + 1]
                cut = after and run and ws[j + n + len(run) - 1] == run[-1] and after[0][:1].isupper()
                if kind in ADDRESS and len(run) >= 2 and not cut:
                    found.add(tuple(run))
    return {r for r in found if r[0] in known['family'] and ' '.join(r) not in known['places']
            and not any(p.startswith(' '.join(r).lower() + ' ') for p in known['titles'])}


def places_and_bodies_in(line, lists):
    ws = line.split()
    for i, w in enumerate(ws):
        lw = w.lower()
        two = ' '.join(ws[i:i + 2]).lower()
        for kind, n in ((lw, 1), (two, 2)):
            run = titled_run(ws, i + n, 4)
            if kind in PLACE_KINDS and w.islower() and run:
                lists['place'][kind + ' ' + ' '.join(run)] += 1
        for head in BODY_HEADS:
            h = head.split()
            if ws[i:i + len(h)] != h:
                continue
            run, small = [], True
            for x in ws[i + len(h):i + len(h) + 8]:
                y = x.rstrip(',.;:)')
                if titled(y):
                    small = False
                elif y == 'và' or (y.islower() and not small):
                    small = True
                else:
                    break
                run.append(y)
                if y != x:
                    break
            while run and (run[-1] == 'và' or not run[0][:1].isupper()):
                run.pop()
            if run and titled(run[0]):
                lists['body'][head + ' ' + ' '.join(run)] += 1
            break


def count_persons(doc, known, lists):
    for run in persons_in(doc, known):
        lists['person'][' '.join(run)] += 1
        lists['family'][run[0]] += 1
        lists['given'][run[-1]] += 1
        for x in run[1:-1]:
            lists['middle'][x] += 1


PERSON_LISTS = ('family', 'middle', 'given', 'person')


def count(corpus, held, known, names_only=False):
    """n-gram counts per group (administrative, legal/normative), and the
    frequency lists (only these when `names_only`)."""
    grams = {g: [collections.Counter() for _ in range(3)]
             for g in ('administrative', 'legal/normative')}
    lists = {k: collections.Counter() for k in PERSON_LISTS + ('place', 'body')}
    for name in TEXTS:
        groups = {int(r['doc_no']): r['group'] for r in index_rows(corpus) if r['file'] == name}
        for no, doc in documents(corpus, name):
            if (name, no) in held:
                continue
            g = grams[groups[no]]
            count_persons(doc, known, lists)
            for line in doc:
                places_and_bodies_in(line, lists)
                if names_only:
                    continue
                toks = sentence(line)
                if not toks:
                    continue
                for i in range(1, len(toks)):
                    if toks[i] != '<s>':
                        g[0][toks[i]] += 1
                    g[1][(toks[i - 1], toks[i])] += 1
                    if i >= 2:
                        g[2][(toks[i - 2], toks[i - 1], toks[i])] += 1
    return grams, lists


# Codes.  The parts of the numbers documents print ("Số: 12/TTr-SVHTTDL",
# "Công văn số 5348/CT-CS", "212-KL/TW"): the first part after the number
# (the type's abbreviation, or the issuer of a công văn) counted apart for
# numbers with a year (normative acts: 15/2025/TT-BTC) and without, and
# the parts after it; and the codes of the Nơi nhận list ("Lưu: VT,
# QLDN1", "Các Vụ: KTTH, QHĐP").  A part is Latin capitals, digits and Đ,
# with at most one small letter (TTr, TTg, GDTrH) and an '&' (TT&TT); a
# dot parts the unit of a body from it (CCTKV.05).  Each is counted once a
# document, so a document citing one code a hundred times is one.
CODE_PART = re.compile(r'^[A-ZĐ](?:[A-ZĐ0-9&]|[a-zđ](?![a-zđ]))*$')
CODE_NUMBER = re.compile(r'(?<![\w/.-])\d{1,6}[a-z]?(?:-\d{1,3})?(/\d{4})?[/-]'
                         r'([A-ZĐ][\w&.]*(?:[/-][A-ZĐ][\w&.]*)*)')
LIST_CODE = re.compile(r'(?<![\w&.])[A-ZĐ][A-Za-zĐđ0-9&]*(?![\w&])')
RECIPIENTS = re.compile(r'^\s*(?:N[ơo]i nh[ậa]n|L[ưu]u\s*:)')


def code_parts(text):
    """The parts of a notation that are codes (see CODE_PART), dots parting
    a body's unit."""
    out = []
    for seg in re.split(r'[-/]', text):
        out.extend(p for p in seg.split('.') if CODE_PART.match(p) and not p.isdigit())
    return out


def list_codes(line):
    """The codes a Nơi nhận line names: words of two capitals or more."""
    return [w for w in LIST_CODE.findall(line)
            if CODE_PART.match(w) and sum(c.isupper() for c in w) >= 2]


def codes_in(doc):
    """{section: parts} of one document."""
    found = {k: set() for k in CODE_SECTIONS}
    in_list = False
    for line in doc:
        for m in CODE_NUMBER.finditer(line):
            parts = re.split(r'[-/]', m.group(2))
            first = code_parts(parts[0])
            if first:
                found['type-year' if m.group(1) else 'type'].add(first[0])
            found['part'].update(first[1:])
            for p in parts[1:]:
                found['part'].update(code_parts(p))
        head = RECIPIENTS.match(line)
        # The list: the cue's line and the items under it, each opening
        # with a dash or a plus.
        in_list = bool(head) or (in_list and line.lstrip()[:1] in '-+')
        if in_list:
            found['list'].update(list_codes(line[head.end():] if head else line))
    return found


CODE_SECTIONS = ('type', 'type-year', 'part', 'list')


def count_codes(corpus, held):
    counts = {k: collections.Counter() for k in CODE_SECTIONS}
    for name in TEXTS:
        for no, doc in documents(corpus, name):
            if (name, no) in held:
                continue
            for k, parts in codes_in(doc).items():
                counts[k].update(parts)
    return counts


def write_codes(path, counts):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# Parts of codes in the real corpus (tools/corpus-counts.sh; see dict/README.md):\n'
                '# part TAB the number of documents printing it.  Sections: type (the first part\n'
                '# of a number without a year), type-year (with one), part (the parts after it),\n'
                '# list (the codes of Nơi nhận lists).\n')
        for k in CODE_SECTIONS:
            f.write(f'# section: {k}\n')
            f.writelines(f'{e}\t{n}\n' for e, n in by_count(counts[k], 1))


def weighted(grams, weights):
    out = [collections.Counter() for _ in range(3)]
    for group, w in weights.items():
        if w:
            for n in range(3):
                for k, c in grams[group][n].items():
                    out[n][k] += w * c
    return out


VOWELS = set('aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ')


def latinised_codes(uni):
    """Codes (no vowel) written with d where documents write đ (qd for
    qđ, sgddt for sgdđt): dropped when a spelling with đ is twenty times as
    frequent, so the model does not learn the typed-without-marks form of
    a Vietnamese code as a code of its own (`15/0D-TTg` came out `QD`)."""
    drop = set()
    for t, c in uni.items():
        if 'd' not in t or VOWELS & set(t) or not t.isalpha():
            continue
        at = [i for i, ch in enumerate(t) if ch == 'd']
        for mask in range(1, 1 << len(at)):
            v = list(t)
            for k, i in enumerate(at):
                if mask >> k & 1:
                    v[i] = 'đ'
            if uni.get(''.join(v), 0) >= 20 * c:
                drop.add(t)
                break
    return drop


# A code (letters, no vowel) needs this weighted count: twice in
# administrative text, or eight times in legal text.  Rarer ones are mostly
# misprints and symbols (sg, bg, c#), and a known code is kept as OCR read
# it, where SG is what OCR made of Sở.
MIN_CODE = 8


def is_code(t):
    return not t.startswith('<') and any(ch.isalpha() for ch in t) and not VOWELS & set(t)


def write_counts(path, grams, weights, min_count, min_uni):
    uni = {t: c for t, c in grams[0].items()
           if c >= min_uni and (c >= MIN_CODE or not is_code(t))}
    for t in latinised_codes(uni):
        del uni[t]
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# n-gram counts (count TAB tokens): tools/corpus-counts.sh, weights ' +
                ', '.join(f'{g} {w}' for g, w in weights.items()) +
                f'; unigrams >= {min_uni}, bigrams and trigrams >= {min_count} over kept unigrams\n')
        keep = lambda g: all(t in uni or t == '<s>' for t in g)
        for t, c in sorted(grams[0].items()):
            if t in uni:
                f.write(f'{c}\t{t}\n')
        for n in (1, 2):
            for g, c in sorted(grams[n].items()):
                if c >= min_count and keep(g):
                    f.write(f'{c}\t{" ".join(g)}\n')


def by_count(counter, least):
    return [(e, n) for e, n in sorted(counter.items(), key=lambda x: (-x[1], x[0])) if n >= least]


def write_lists(out, lists, min_list):
    """names.txt: places and bodies (count TAB entry), reviewable input
    for the lexicons; names-corpus.tsv: the persons' names parse reads
    beside dict/lexicon/names.txt (entry TAB documents, the lexicon's
    format; .tsv keeps them out of the restore model's text)."""
    with open(os.path.join(out, 'names.txt'), 'w', encoding='utf-8') as f:
        f.write(f'# Frequency lists from the real corpus (count TAB entry), entries seen >= {min_list} times\n')
        for k in ('place', 'body'):
            f.write(f'# {k}\n')
            f.writelines(f'{n}\t{e}\n' for e, n in by_count(lists[k], min_list))
    with open(os.path.join(out, 'names-corpus.tsv'), 'w', encoding='utf-8') as f:
        f.write('# Personal names of the real corpus (tools/corpus-counts.sh; see dict/README.md):\n'
                '# entry TAB the number of documents naming it.  Sections: family (of the closed\n'
                '# list of names.txt), middle, given, person (whole names, family name first).\n')
        for k in PERSON_LISTS:
            f.write(f'# {k}\n')
            f.writelines(f'{e}\t{n}\n' for e, n in by_count(lists[k], 1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('what', choices=('heldout', 'counts', 'names', 'codes'))
    ap.add_argument('corpus')
    ap.add_argument('paths', nargs='+')
    ap.add_argument('--admin-weight', type=int, default=5)
    ap.add_argument('--legal-weight', type=int, default=1)
    ap.add_argument('--min-count', type=int, default=5)
    ap.add_argument('--min-unigram', type=int, default=5)
    ap.add_argument('--min-list', type=int, default=2)
    ap.add_argument('--sweep', type=lambda v: [int(x) for x in v.split(',')], default=[])
    o = ap.parse_args()
    if o.what == 'heldout':
        heldout(o.corpus, o.paths[0])
        return
    held = read_heldout(o.paths[0])
    out = o.paths[1]
    os.makedirs(out, exist_ok=True)
    if o.what in ('counts', 'codes'):
        write_codes(os.path.join(out, 'codes-corpus.tsv'), count_codes(o.corpus, held))
    if o.what == 'codes':
        return
    dict_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'dict')
    known = {'family': lexicon_section(dict_dir, 'names.txt', 'family'),
             'places': lexicon_section(dict_dir, 'places.txt', None),
             'titles': {t.lower() for t in lexicon_section(dict_dir, 'positions.txt', None)}}
    grams, lists = count(o.corpus, held, known, o.what == 'names')
    write_lists(out, lists, o.min_list)
    if o.what == 'names':
        return
    weights = {'administrative': o.admin_weight, 'legal/normative': o.legal_weight}
    all_ = weighted(grams, weights)
    write_counts(os.path.join(out, 'ngrams.txt'), all_, weights, o.min_count, o.min_unigram)
    # --sweep: the pruning levels and each group alone, for measuring.
    for k in o.sweep:
        write_counts(os.path.join(out, f'ngrams-min{k}.txt'), all_, weights, k, o.min_unigram)
    if o.sweep:
        for group in weights:
            alone = {g: (w if g == group else 0) for g, w in weights.items()}
            write_counts(os.path.join(out, f'ngrams-{group.split("/")[0]}.txt'),
                         weighted(grams, alone), alone, o.min_count, o.min_unigram)

if __name__ == '__main__':
    main()
