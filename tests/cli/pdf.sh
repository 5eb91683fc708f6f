#!/usr/bin/env bash
# -f pdf: a searchable PDF/A-2b of the scan.  On a PNG, a JPEG, a
# two-page TIFF, a scanned PDF and the same PDF shown turned (/Rotate 90,
# the page drawn sideways): the page is the original image (size,
# resolution, a JPEG's very bytes), the corrected words are found by
# pdftotext on their boxes, the XMP has the PDF/A identification and the
# record's Dublin Core, the catalog an sRGB output intent, the font is
# embedded, qpdf finds the file sound, and the rest of PDF/A-2b that free
# tools can check holds (tests/lib/pdfa_check.py: there is no PDF/A
# validator in Debian or npm); a PDF with a text layer keeps its
# pages; -f given twice and --sidecar write each output; a text input
# fails with a message and leaves no PDF.
. "$(dirname "$0")/lib.sh"
root=$VANTHU_SOURCE_ROOT
command -v pdftotext >/dev/null && command -v pdfimages >/dev/null ||
    { echo "poppler-utils missing"; exit 77; }

# A JPEG scan of 300 dpi, made from the PDF sample's first page.
pdftoppm -r 300 -jpeg -f 1 -l 1 -singlefile "$root/samples/ke-hoach.pdf" "$scratch/scan" ||
    fail "pdftoppm could not make the JPEG sample"
cp "$root/samples/quyet-dinh.png" "$root/samples/cong-van.tif" "$root/samples/ke-hoach.pdf" \
    "$scratch/"
names=(quyet-dinh.png scan.jpg cong-van.tif ke-hoach.pdf)
if command -v qpdf >/dev/null; then
    qpdf --empty --pages "$scratch/ke-hoach.pdf" 1 -- --rotate=+90:1 "$scratch/turned.pdf" ||
        fail "qpdf could not make the turned PDF"
    names+=(turned.pdf)
fi
out="$scratch/out"
"$VANTHU" run -q -j 2 -f json -f pdf --sidecar -o "$out" "${names[@]/#/$scratch/}" ||
    fail "run -f json -f pdf --sidecar: exit $?"

for name in "${names[@]}"; do
    rec=$(find "$out" -name "$name.json") pdf=$(find "$out" -name "$name.pdf")
    txt=$(find "$out" -name "$name.txt")
    check "[ -s '$rec' ] && [ -s '$pdf' ] && [ -s '$txt' ]" "$name: record, PDF and sidecar not all written"
    [ -s "$pdf" ] || continue
    check "head -c 8 '$pdf' | grep -q '%PDF-1.7'" "$name: no PDF header"
    if command -v qpdf >/dev/null; then
        check "qpdf --check '$pdf' >/dev/null" "$name: qpdf finds the PDF damaged"
    fi
    # The sidecar is the record's corrected text.
    check "python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))[\"text\"][\"corrected\"]; assert open(sys.argv[2]).read().rstrip(\"\\n\") == t' '$rec' '$txt'" \
        "$name: the sidecar is not the corrected text"

    # The page images are the source's: its size and resolution on every page.
    pdfimages -list "$pdf" > "$scratch/images" 2>&1
    pages=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["pages"]))' "$rec")
    n=$(awk 'NR > 2 && $4 == 2480 && $5 == 3508 && $13 == 300 && $14 == 300' "$scratch/images" | wc -l)
    check "[ $n -eq $pages ]" "$name: $n of $pages pages have the scan's 2480x3508 at 300 ppi: $(cat "$scratch/images")"
    case $name in
    *.jpg)
        check "awk 'NR == 3 && \$9 == \"jpeg\"' '$scratch/images' | grep -q ." "$name: the image is not DCT"
        pdfimages -j -f 1 -l 1 "$pdf" "$scratch/extracted"
        check "cmp -s '$scratch/extracted-000.jpg' '$scratch/scan.jpg'" \
            "$name: the JPEG in the PDF is not the scan's bytes" ;;
    turned.pdf)
        check "qpdf --json '$pdf' | grep -q '\"/Rotate\": 90'" \
            "$name: the page lost its /Rotate" ;;
    *.pdf)
        # The source's own image streams, byte for byte.
        mkdir -p "$scratch/src-images" "$scratch/out-images"
        pdfimages -all "$scratch/$name" "$scratch/src-images/i"
        pdfimages -all "$pdf" "$scratch/out-images/i"
        check "diff -r '$scratch/src-images' '$scratch/out-images' >/dev/null" \
            "$name: the images are not the source PDF's" ;;
    *)
        check "! awk 'NR > 2 && \$9 == \"jpeg\"' '$scratch/images' | grep -q ." \
            "$name: a lossless scan became JPEG" ;;
    esac

    # Every word of the record is found by pdftotext, whole, where the
    # record's box lands on the source image: the box is on the image as
    # ingested, scaled to points (pdftotext gives a turned page as shown,
    # where the words of a page shown sideways run down it).
    pdftotext -bbox "$pdf" "$scratch/bbox.html"
    check "python3 - '$rec' '$scratch/bbox.html' <<'PY'
import json, re, sys, html
rec = json.load(open(sys.argv[1]))
pages = re.findall(r'<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>',
                   open(sys.argv[2], encoding='utf-8').read(), re.S)
assert len(pages) == len(rec['pages']), 'pages'
changed = {(c['page'], c['block'], c['line'], c['word']) for c in rec['changes']}
found = total = changed_found = 0
for pg, (pw, ph, body) in zip(rec['pages'], pages):
    pw, ph = float(pw), float(ph)
    got = {}
    for a, b, c, d, t in re.findall(r'xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)<', body):
        got.setdefault(html.unescape(t), []).append(((float(a) + float(c)) / 2, (float(b) + float(d)) / 2))
    sideways = pg.get('prepared', {}).get('quarter_turns', 0) % 2 == 1
    if sideways:
        pw, ph = ph, pw
    for bi, b in enumerate(pg['blocks']):
        for li, l in enumerate(b['lines']):
            for wi, w in enumerate(l['words']):
                x, y, bw, bh = w['box']
                if bw <= 0:
                    continue
                total += 1
                ex = (x + bw / 2) * pw / pg['width']
                ey = (y + bh / 2) * ph / pg['height']
                # Along the line within 2 pt; across it within a quarter of
                # the word's height, where viewers differ on the font's ascent.
                tx, ty = 2, bh * ph / pg['height'] / 4
                if sideways:
                    tx, ty = bw * pw / pg['width'] / 4, 2
                near = [p for p in got.get(w['text'], []) if abs(p[0] - ex) <= tx and abs(p[1] - ey) <= ty]
                if near:
                    found += 1
                    changed_found += (pg['number'], bi, li, wi) in changed
print(f'{found}/{total} words found on their box, {changed_found} of them corrected by restore', file=sys.stderr)
assert total > 100 and found >= 0.98 * total
assert changed_found > 0 or not changed
PY" "$name: the corrected words are not found on their boxes"

    # XMP: PDF/A-2b and the record's Dublin Core.
    pdfinfo -meta "$pdf" > "$scratch/xmp" 2>&1
    check "grep -q '<pdfaid:part>2</pdfaid:part>' '$scratch/xmp' && grep -q '<pdfaid:conformance>B</pdfaid:conformance>' '$scratch/xmp'" \
        "$name: no PDF/A-2b identification in the XMP"
    check "python3 - '$rec' '$scratch/xmp' <<'PY'
import json, sys, xml.etree.ElementTree as ET
meta = json.load(open(sys.argv[1]))['metadata']
xmp = ET.fromstring(open(sys.argv[2], encoding='utf-8').read().split('?>', 1)[1].rsplit('<?xpacket', 1)[0])
DC = '{http://purl.org/dc/elements/1.1/}'
def dc(name):
    e = xmp.find('.//' + DC + name)
    return None if e is None else ''.join(e.itertext()).strip()
want = {'title': meta.get('subject', {}).get('value'), 'creator': meta.get('issuer', {}).get('name'),
        'date': meta.get('date', {}).get('value'), 'identifier': meta.get('number', {}).get('value'),
        'type': meta.get('type', {}).get('value'), 'language': 'vi'}
for k, v in want.items():
    assert dc(k) == v, (k, dc(k), v)
assert want['title'] and want['identifier'] and want['date']
PY" "$name: the XMP's Dublin Core is not the record's"
    # The catalog's sRGB output intent, and the embedded font.
    if command -v qpdf >/dev/null; then
        check "qpdf --json '$pdf' | python3 -c '
import json, sys
objs = json.load(sys.stdin)[\"qpdf\"][1]
root = next(o[\"value\"] for o in objs.values() if isinstance(o.get(\"value\"), dict) and o[\"value\"].get(\"/Type\") == \"/Catalog\")
oi = root[\"/OutputIntents\"][0]
assert oi[\"/S\"] == \"/GTS_PDFA1\"
prof = objs[\"obj:\" + oi[\"/DestOutputProfile\"]]
assert prof[\"stream\"][\"dict\"][\"/N\"] == 3
'" "$name: no sRGB output intent in the catalog"
    fi
    check "pdffonts '$pdf' | awk 'NR > 2 && \$(NF-4) == \"yes\" && \$(NF-2) == \"yes\"' | grep -q ." \
        "$name: the font is not embedded with a ToUnicode map"
    # The rest of PDF/A-2b that free tools can see (tests/lib/pdfa_check.py).
    if command -v qpdf >/dev/null && command -v xmllint >/dev/null; then
        python3 "$root/tests/lib/pdfa_check.py" "$pdf" > "$scratch/pdfa" 2>&1
        check "[ ! -s '$scratch/pdfa' ]" "$name: not PDF/A-2b: $(cat "$scratch/pdfa")"
    fi
done
# The PDF/A checker finds what a PDF that is none lacks.
if command -v qpdf >/dev/null && command -v xmllint >/dev/null; then
    python3 "$root/tests/lib/mkpdf.py" text "$scratch/plain.pdf"
    python3 "$root/tests/lib/pdfa_check.py" "$scratch/plain.pdf" > "$scratch/plain.pdfa"
    check "grep -q 'no /Metadata' '$scratch/plain.pdfa' && grep -q 'output intent' '$scratch/plain.pdfa' && grep -q 'not embedded' '$scratch/plain.pdfa'" \
        "pdfa_check.py passes a plain PDF: $(cat "$scratch/plain.pdfa")"
fi

# The same record gives the same bytes.
rec=$(find "$out" -name quyet-dinh.png.json)
"$VANTHU" run -q -f pdf "$rec" > "$scratch/again1.pdf" && "$VANTHU" run -q -f pdf "$rec" > "$scratch/again2.pdf"
check "cmp -s '$scratch/again1.pdf' '$scratch/again2.pdf'" "the PDF of one record differs between runs"

# A second run skips what is current; a missing PDF is written again.
rm -f "$(find "$out" -name scan.jpg.pdf)"
"$VANTHU" run -q -f json -f pdf -o "$out" "$scratch/quyet-dinh.png" "$scratch/scan.jpg" ||
    fail "second run: exit $?"
check "[ -n \"\$(find '$out' -name scan.jpg.pdf)\" ]" "a missing PDF was not written again"
check "tail -2 '$out/vanthu-job.jsonl' | grep -q '\"input\":\"[^\"]*quyet-dinh.png\",\"status\":\"skipped\"'" \
    "an input whose outputs are all current was not skipped"

# A PDF with a text layer (the one just made) keeps its pages: the same
# text, not a second layer, and no PDF/A claim for fonts not its own.
layered=$(find "$out" -name ke-hoach.pdf.pdf)
cp "$layered" "$scratch/layered.pdf"
"$VANTHU" run -q -f pdf -o "$scratch/again" "$scratch/layered.pdf" || fail "layered PDF: exit $?"
again=$(find "$scratch/again" -name layered.pdf.pdf)
check "[ -s '$again' ] && [ \"\$(pdftotext '$again' - | md5sum)\" = \"\$(pdftotext '$layered' - | md5sum)\" ]" \
    "a PDF with a text layer did not keep it alone"
check "! pdfinfo -meta '$again' | grep -q '<pdfaid:part>'" "a PDF with its own text layer claims PDF/A"

# A scan changed since its record was made: an error, and no PDF.
rec=$(find "$out" -name scan.jpg.json)
cp "$scratch/scan.jpg" "$scratch/scan.jpg.orig"
printf 'x' >> "$scratch/scan.jpg"
expect_exit 2 'has changed since its record' -- "$VANTHU" run -q -f pdf -o "$scratch/bad" "$rec"
mv "$scratch/scan.jpg.orig" "$scratch/scan.jpg"

# A text input has no page images: an error, and no PDF.
printf 'Số: 12/UBND\nV/v thử\n' > "$scratch/note.txt"
expect_exit 2 'no page images' -- "$VANTHU" run -q -f pdf -o "$scratch/bad" "$scratch/note.txt"
check "[ -z \"\$(find '$scratch/bad' -name '*.pdf*' 2>/dev/null)\" ]" "a failed input left a PDF"
expect_exit 1 'give -o DIR' -- "$VANTHU" run -f json -f pdf "$scratch/scan.jpg"
expect_exit 1 'give -o DIR' -- "$VANTHU" run --sidecar "$scratch/scan.jpg"
expect_exit 1 'given twice' -- "$VANTHU" run -f pdf -f pdf -o "$scratch/x" "$scratch/scan.jpg"
finish
