#!/usr/bin/env bash
# The archive formats: -f alto validates against the ALTO 4.4 schema
# (tests/schema/alto, offline) for the four image samples and a text input,
# and carries the corrected text with the OCR reading as an ALTERNATIVE;
# -f hocr is well-formed XHTML whose words carry their boxes.
. "$(dirname "$0")/lib.sh"
root=$VANTHU_SOURCE_ROOT

# The ALTO schema imports XLink by URL: a copy points it at the local
# stand-in, and xmllint may not use the network.
schema="$scratch/alto"
mkdir -p "$schema"
cp "$root/tests/schema/alto/xlink.xsd" "$schema/"
sed 's|schemaLocation="http://www.loc.gov/standards/xlink/xlink.xsd"|schemaLocation="xlink.xsd"|' \
    "$root/tests/schema/alto/alto-4-4.xsd" > "$schema/alto-4-4.xsd"
check "grep -q 'schemaLocation=\"xlink.xsd\"' '$schema/alto-4-4.xsd'" "the XLink import was not redirected"
validate() {
    xmllint --nonet --noout --schema "$schema/alto-4-4.xsd" "$1" 2>"$scratch/xmllint.err" ||
        { cat "$scratch/xmllint.err" >&2; return 1; }
}

# A text input: no boxes; restore puts back the diacritics, and the
# reading as given stays an ALTERNATIVE.
printf 'uy ban nhan dan tinh\n\nso 12/UBND "A" Sở GD & ĐT <b>\n' > "$scratch/input.txt"
"$VANTHU" run -q -f alto "$scratch/input.txt" > "$scratch/text.alto.xml" || fail "alto: text input: exit $?"
check "validate '$scratch/text.alto.xml'" "alto: the text input does not validate"
check "xmllint --xpath 'string(//*[local-name()=\"String\"][1]/@CONTENT)' '$scratch/text.alto.xml' | grep -qx 'ủy'" \
    "alto: the first word is not the corrected 'ủy'"
check "xmllint --xpath '//*[local-name()=\"String\"][1]/*[local-name()=\"ALTERNATIVE\"][@PURPOSE=\"ocr\"]/text()' '$scratch/text.alto.xml' | grep -qx 'uy'" \
    "alto: the OCR reading 'uy' is not an ALTERNATIVE"
check "! grep -q HPOS '$scratch/text.alto.xml'" "alto: a text input has positions"
check "grep -q '<processingStepDescription>restore</processingStepDescription>' '$scratch/text.alto.xml'" \
    "alto: no processing step for restore"
check "grep -q '<processingStepSettings>model=' '$scratch/text.alto.xml'" "alto: the model is not named"

"$VANTHU" run -q -f hocr "$scratch/input.txt" > "$scratch/text.hocr" || fail "hocr: text input: exit $?"
check "xmllint --nonet --noout '$scratch/text.hocr'" "hocr: the text input is not well-formed"
check "grep -q '&quot;A&quot;' '$scratch/text.hocr' && grep -q '&amp;' '$scratch/text.hocr'" \
    "hocr: the text is not escaped"

# The image samples, through the whole chain once each.
for sample in "$root"/samples/*.tif "$root"/samples/*.pdf "$root"/samples/*.png; do
    name=$(basename "$sample")
    "$VANTHU" run -q -o "$scratch/rec-$name" "$sample" || { fail "$name: exit $?"; continue; }
    rec=$(find "$scratch/rec-$name" -name '*.json' ! -name vanthu-job.jsonl | head -1)
    "$VANTHU" run -q -f alto "$rec" > "$scratch/$name.alto.xml" || fail "alto: $name: exit $?"
    check "validate '$scratch/$name.alto.xml'" "alto: $name does not validate against ALTO 4.4"
    check "grep -q 'PHYSICAL_IMG_NR=\"1\"' '$scratch/$name.alto.xml'" "alto: $name: pages not counted from 1"
    check "grep -q '<String [^>]*HPOS=\"[0-9]*\"[^>]*WC=\"[01]\\.[0-9]*\"' '$scratch/$name.alto.xml'" \
        "alto: $name: no word with a position and a confidence"

    "$VANTHU" run -q -f hocr "$rec" > "$scratch/$name.hocr" || fail "hocr: $name: exit $?"
    check "xmllint --nonet --noout '$scratch/$name.hocr'" "hocr: $name is not well-formed XHTML"
    check "grep -q 'class=\"ocr_page\"[^>]*title=\"image [^\"]*; bbox 0 0 [0-9]* [0-9]*; ppageno 0\"' '$scratch/$name.hocr'" \
        "hocr: $name: no ocr_page with the image, its size and its number"
    # Every word of the record is an ocrx_word, in order, with a box.
    check "python3 - '$rec' '$scratch/$name.hocr' <<'PY'
import json, re, sys, xml.etree.ElementTree as ET
rec = json.load(open(sys.argv[1]))
words = [w['text'] for p in rec['pages'] for b in p['blocks'] for l in b['lines'] for w in l['words']]
ns = '{http://www.w3.org/1999/xhtml}'
spans = [s for s in ET.parse(sys.argv[2]).iter(ns + 'span') if s.get('class') == 'ocrx_word']
assert [s.text for s in spans] == words, 'words differ'
assert all(re.match(r'bbox \d+ \d+ \d+ \d+; x_wconf \d+$', s.get('title')) for s in spans), 'a word lacks its box'
PY" "hocr: $name: the record's words are not all there with boxes"
done
finish
