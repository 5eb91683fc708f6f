#!/usr/bin/env bash
# -f mets: a METS 1.12 document that validates against the METS schema
# (tests/schema/mets, offline), its dmdSec the record's Dublin Core, its
# files the scan (a file: URL, its SHA-256) and the ALTO and record written
# beside it in the same run, each page of the structure map pointing at the
# scan and at its Page in the ALTO; a text input lists no scan; the same
# record gives the same bytes.
. "$(dirname "$0")/lib.sh"
root=$VANTHU_SOURCE_ROOT
cd "$scratch" || exit 1

# The METS schema imports XLink by URL: a copy points it at the local
# stand-in, and xmllint may not use the network.
mkdir -p schema
cp "$root/tests/schema/mets/xlink.xsd" schema/
sed 's|schemaLocation="http://www.loc.gov/standards/xlink/xlink.xsd"|schemaLocation="xlink.xsd"|' \
    "$root/tests/schema/mets/mets.xsd" > schema/mets.xsd
check "grep -q 'schemaLocation=\"xlink.xsd\"' schema/mets.xsd" "the XLink import was not redirected"
validate() {
    xmllint --nonet --noout --schema schema/mets.xsd "$1" 2>xmllint.err ||
        { cat xmllint.err >&2; return 1; }
}

# A scanned page (the record of tests/cli/older, and its scan made again)
# and a text input.
python3 "$root/tests/lib/turnpage.py" "$root/samples/quyet-dinh.png" turned.png 2 1.5 1 ||
    fail "turnpage.py could not make the scan"
cp "$root/tests/cli/older/turned.png.2.2.json" scan.json
printf 'Số: 5/TB-UBND\nTHÔNG BÁO\nVề việc nghỉ lễ\n' > note.txt
"$VANTHU" run -q -f json -f alto -f mets -o out scan.json note.txt || fail "run -f json -f alto -f mets: exit $?"

for name in scan.json note.txt; do
    mets=out/$name.mets.xml
    check "[ -s '$mets' ] && validate '$mets'" "$name: the METS does not validate against METS 1.12.1"
    check "python3 - '$mets' out/$name.json <<'PY'
import hashlib, json, os, sys, urllib.parse, xml.etree.ElementTree as ET
M, X, DC = '{http://www.loc.gov/METS/}', '{http://www.w3.org/1999/xlink}', '{http://purl.org/dc/elements/1.1/}'
mets = ET.parse(sys.argv[1]).getroot()
rec = json.load(open(sys.argv[2]))
dc = {e.tag[len(DC):]: e.text for e in mets.find(M + 'dmdSec').iter() if e.tag.startswith(DC)}
assert dc == rec['dublin_core'], (dc, rec['dublin_core'])
files = {}
for g in mets.iter(M + 'fileGrp'):
    for f in g.iter(M + 'file'):
        files[f.get('ID')] = (g.get('USE'), f, f.find(M + 'FLocat').get(X + 'href'))
here = os.path.dirname(sys.argv[1])
for use, f, href in files.values():
    url = urllib.parse.urlparse(href)
    path = url.path if url.scheme == 'file' else os.path.join(here, urllib.parse.unquote(href))
    assert os.path.isfile(urllib.parse.unquote(path)), (use, href)
    if use == 'MASTER':
        assert f.get('CHECKSUM') == hashlib.sha256(open(urllib.parse.unquote(path), 'rb').read()).hexdigest()
        assert f.get('CHECKSUM') == rec['source']['sha256']
scanned = rec['source']['kind'] != 'text'
assert ('scan' in files) == scanned and files['alto'][0] == 'FULLTEXT' and files['record'][0] == 'RECORD'
alto = ET.parse(os.path.join(here, urllib.parse.unquote(files['alto'][2]))).getroot()
page_ids = {p.get('ID') for p in alto.iter('{http://www.loc.gov/standards/alto/ns-v4#}Page')}
pages = [d for d in mets.iter(M + 'div') if d.get('TYPE') == 'page']
assert [int(d.get('ORDER')) for d in pages] == [p['number'] for p in rec['pages']]
for d in pages:
    ptrs = d.findall(M + 'fptr')
    assert [p.get('FILEID') for p in ptrs if p.get('FILEID')] == (['scan'] if scanned else [])
    area = d.find(M + 'fptr/' + M + 'area')
    assert area.get('FILEID') == 'alto' and area.get('BETYPE') == 'IDREF' and area.get('BEGIN') in page_ids
PY" "$name: the METS does not name the record's files, pages and Dublin Core"
done

# The same record gives the same bytes.
"$VANTHU" run -q -f mets -o again scan.json
check "cmp -s again/scan.json.mets.xml out/scan.json.mets.xml" "the METS of one record differs between runs"
finish
