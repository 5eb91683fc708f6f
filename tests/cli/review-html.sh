#!/usr/bin/env bash
# vanthu review without a browser: the page is well-formed HTML that loads
# nothing from outside (no URL in its markup, style or script; a policy
# that forbids fetching), its data is the record exactly, in NFC, with no
# '<', '>' or '&' a record's text could close the script with (a word
# "</script>", "<!--"); a scan's page has a JPEG picture of each page, or
# a note and a warning when its source is gone; a batch gets an index and
# a page each, an unreadable record counted (exit 6); usage errors.
. "$(dirname "$0")/lib.sh"
cd "$scratch" || exit 1

# A text input with words that are markup, and marks in NFD.
python3 - <<'PY'
import unicodedata
text = ('Kính gửi: Ủy ban nhân dân các xã </script><script>alert(1)</script> <!-- x --> <b>đậm</b>\n'
        'Văn bản &amp; phụ lục tại https://dichvucong.gov.vn/p ]]> \u2028 "trích" \\ cuối.\n')
open('hostile.txt', 'w', encoding='utf-8').write(unicodedata.normalize('NFD', text))
# A grey 300x200 PNG: a scan stopped after ingest has a picture and no boxes.
import struct, zlib
w, h = 300, 200
raw = b''.join(b'\0' + bytes(255 if (x // 10 + y // 10) % 2 else 40 for x in range(w)) for y in range(h))
chunk = lambda t, b: struct.pack('>I', len(b)) + t + b + struct.pack('>I', zlib.crc32(t + b))
open('scan.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0))
                             + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
PY
"$VANTHU" run -q --stop-after ingest hostile.txt > hostile.json || fail "run hostile.txt: exit $?"
"$VANTHU" run -q --stop-after ingest scan.png > scan.json || fail "run scan.png: exit $?"
head -c 300 /dev/zero | tr '\0' '\377' > junk.bin
"$VANTHU" run -q junk.bin > junk.json 2> /dev/null
echo '{"not": "a record"}' > other.json

"$VANTHU" review -o hostile.html hostile.json || fail "review hostile.json: exit $?"
"$VANTHU" review -o scan.html scan.json || fail "review scan.json: exit $?"
"$VANTHU" review hostile.json > stdout.html || fail "review to standard output: exit $?"
check "cmp -s hostile.html stdout.html" "the page on standard output differs from the one written with -o"

# PAGE RECORD|- KIND: the checks every page gets; RECORD is the record the
# page must carry, exactly ("-": none, an index).
page_ok() {
    python3 - "$1" "$2" "$3" <<'PY'
import html.parser, json, re, sys, unicodedata
page, record, kind = sys.argv[1:4]
doc = open(page, encoding='utf-8').read()
VOID = {'meta', 'link', 'br', 'img', 'input', 'hr', 'col', 'area', 'base', 'wbr', 'source'}

class Check(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.scripts, self.data = [], [], [], None
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        for k in ('src', 'href', 'action', 'data', 'poster', 'srcset', 'background'):
            assert k not in a or re.match(r'(data:|#|[\w.-]+\.html$)', a[k] or ''), (tag, k, a[k])
        if tag == 'script':
            assert 'src' not in a, 'a script loaded from outside'
            self.scripts.append(a)
        if tag == 'link':
            raise AssertionError('a <link> element')
        if tag not in VOID:
            self.stack.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, ('unbalanced', tag, self.stack[-3:])
        self.stack.pop()
    def handle_data(self, data):
        if self.stack and self.stack[-1] == 'script' and self.scripts[-1].get('id') == 'vanthu-data':
            self.data = (self.data or '') + data

assert doc.startswith('<!DOCTYPE html>'), 'no doctype'
c = Check()
c.feed(doc)
c.close()
assert not c.stack, ('unclosed', c.stack)
assert [t for t in c.tags if t in ('html', 'head', 'body')] == ['html', 'head', 'body'], 'html/head/body'
assert len(c.scripts) == 2, ('scripts', c.scripts)
assert "default-src 'none'" in doc, 'no content security policy'
m = re.search(r'<script id="vanthu-data" type="application/json">(.*?)</script>', doc, re.S)
assert m and m.group(1) == c.data, 'the data does not end where its script element does'
raw = m.group(1)
assert not set(raw) & set('<>&'), 'raw <, > or & in the data'
outside = doc[:m.start(1)] + doc[m.end(1):]
assert not re.search(r'https?:|@import|url\(', outside, re.I), 'a URL in the page itself'
assert '@VANTHU_DATA@' not in doc, 'the template marker is left'
assert unicodedata.normalize('NFC', raw) == raw, 'the data is not NFC'
data = json.loads(raw)
assert data['kind'] == kind, data['kind']
if record != '-':
    want = json.load(open(record, encoding='utf-8'))
    want = json.loads(unicodedata.normalize('NFC', json.dumps(want, ensure_ascii=False)))
    assert data['record'] == want, 'the page does not carry the record as it is'
    assert data['storage_key'].startswith('vanthu-review/'), data['storage_key']
json.dump(data, open(page + '.data', 'w', encoding='utf-8'), ensure_ascii=False)
PY
}
check "page_ok hostile.html hostile.json record" "hostile.html is not a sound self-contained page"
check "python3 - <<'PY'
import json
d = json.load(open('hostile.html.data', encoding='utf-8'))
text = d['record']['text']['corrected']
assert '</script><script>alert(1)</script>' in text and '<!--' in text, text
assert 'Kính gửi' in text and d['pictures'] == [], d['pictures']
PY" "the record's markup-like words did not come through the page's data intact"

check "page_ok scan.html scan.json record" "scan.html is not a sound self-contained page"
check "python3 - <<'PY'
import base64, json
d = json.load(open('scan.html.data'))
p = d['pictures']
assert len(p) == 1 and p[0].startswith('data:image/jpeg;base64,'), str(p)[:80]
assert base64.b64decode(p[0].split(',', 1)[1])[:3] == b'\xff\xd8\xff', 'not a JPEG'
PY" "the scan's page has no JPEG picture"

# The source gone: a page without pictures, with a note, and a warning.
mv scan.png scan-moved.png
expect_exit 0 "scan.json: no page pictures: scan.png" -- "$VANTHU" review -o gone.html scan.json
check "page_ok gone.html scan.json record" "gone.html is not a sound self-contained page"
check "python3 -c 'import json; d = json.load(open(\"gone.html.data\")); assert d[\"pictures\"] == [] and \"scan.png\" in d[\"picture_note\"]'" \
    "the page of a scan whose source is gone has no note saying so"
"$VANTHU" review -w 0 -o nopic.html scan.json 2> nopic.err || fail "review -w 0: exit $?"
check "[ ! -s nopic.err ]" "-w 0 still read the source: $(cat nopic.err)"

# A batch: an index and a page each, in the order given; an error record
# gets a page, a file that is no record is reported, counted and gets a
# page saying so.
expect_exit 6 "other.json: not a record written by vanthu" -- \
    "$VANTHU" review -o batch hostile.json junk.json other.json scan.json
check "[ -f batch/index.html ] && [ -f batch/0001-hostile.html ] && [ -f batch/0002-junk.html ] \
    && [ -f batch/0003-other.html ] && [ -f batch/0004-scan.html ]" "the batch's files: $(ls batch)"
check "page_ok batch/index.html - index" "the index is not a sound self-contained page"
for f in 0001-hostile:hostile 0002-junk:junk 0004-scan:scan; do
    check "page_ok batch/${f%:*}.html ${f#*:}.json record" "the batch's page ${f%:*}.html is not sound"
done
check "page_ok batch/0003-other.html - unreadable" "an unreadable record's page is not sound"
check "python3 - <<'PY'
import json
d = json.load(open('batch/index.html.data'))
r = d['records']
assert [x['page'] for x in r] == ['0001-hostile.html', '0002-junk.html', '0003-other.html', '0004-scan.html'], r
assert 'unreadable' in r[2] and r[1]['status'] == 'error' and r[0]['changes'] == 0, r
p = json.load(open('batch/0001-hostile.html.data'))['nav']
assert p == {'index': 'index.html', 'next': '0002-junk.html'}, p
p = json.load(open('batch/0004-scan.html.data'))['nav']
assert p == {'index': 'index.html', 'previous': '0003-other.html'}, p
PY" "the index or the batch's links are wrong"
# Made one at a time or three at a time, the batch is the same, byte for byte.
for j in 1 3; do
    "$VANTHU" review -j $j -o batch-j$j hostile.json junk.json other.json scan.json 2>/dev/null
    rc=$?
    same=yes
    for f in batch/*.html; do cmp -s "$f" "batch-j$j/${f#batch/}" || same=no; done
    check "[ $rc -eq 6 ] && [ $same = yes ] && [ \$(ls batch-j$j | wc -l) -eq 5 ]" \
        "review -j $j: not the batch made with the default jobs (exit $rc)"
done

# A record's file name that is not UTF-8: its page and links get U+FFFD.
bad=$(printf 'bad\377name.json')
cp hostile.json "$bad"
"$VANTHU" review -o odd "$bad" hostile.json || fail "review of a record named in bytes not UTF-8: exit $?"
check "[ -f odd/0001-bad$(printf '\357\277\275')name.html ]" "the odd name's page: $(ls odd)"
check "page_ok odd/index.html - index" "the index of an odd name is not sound"

# One record and an existing directory: a batch of one.
mkdir one
"$VANTHU" review -o one hostile.json || fail "review -o DIR of one record: exit $?"
check "[ -f one/index.html ] && [ -f one/0001-hostile.html ]" "one record into a directory: $(ls one)"

expect_exit 1 "several records need -o DIR" -- "$VANTHU" review hostile.json scan.json
expect_exit 1 "--width must be" -- "$VANTHU" review -w wide hostile.json
expect_exit 1 "-j 0: expected 1 to 256" -- "$VANTHU" review -j 0 -o batch hostile.json scan.json
expect_exit 1 "RECORD expected" -- "$VANTHU" review
expect_exit 2 "missing.json" -- "$VANTHU" review missing.json
expect_exit 2 "not a record written by vanthu" -- "$VANTHU" review other.json
finish
