#!/usr/bin/env bash
# PDF pages: one with a text layer is read from it, words and boxes as the
# page places them; a scanned one is drawn at its image's own resolution
# (pdfimages -list), whatever its page box says (one that makes the page
# larger than any dispatch's paper is taken for A4); ingest option pdf picks
# auto, ocr or text; every page's record says where its words came from.
. "$(dirname "$0")/lib.sh"

cd "$scratch" || exit 1
for k in text scan72 scan200 mixed blank; do
    python3 "$VANTHU_SOURCE_ROOT/tests/lib/mkpdf.py" $k $k.pdf || exit 1
done
# pages FILE: each page as "number width height dpi text_from" and its
# lines of words with their boxes.
pages() {
    python3 - "$1" <<'PY'
import json, sys
for p in json.load(open(sys.argv[1]))["pages"]:
    print(p["number"], p["width"], p["height"], p["dpi"], p.get("text_from"))
    for b in p["blocks"]:
        for l in b["lines"]:
            print("  " + " ".join("%s@%s" % (w["text"], ",".join(map(str, w["box"])))
                                  for w in l["words"]))
PY
}
ingest() { "$VANTHU" run --stop-after ingest "$@"; }

# A text layer at 72 pt a point: at 300 dpi "Kinh" starts 300 px from the
# left; Helvetica 12 pt on a baseline 100 pt down has its box from 91.4 to
# 102.5 pt (381 to 427 px), as pdftotext -bbox gives it.
ingest text.pdf > text.json
pages text.json > text.pages
check "[ \"\$(head -1 text.pages)\" = '1 2480 3508 300 text-layer' ]" \
    "text page not from its layer at 300 dpi: $(head -1 text.pages)"
check "grep -qx '  Kinh@300,381,100,46 gui:@414,381,81,46 So@508,381,62,46 Noi@584,381,74,46 vu@672,381,53,46' text.pages" \
    "first line's words or boxes: $(sed -n 2p text.pages)"
check "sed -n 3p text.pages | grep -q '^  V/v@300,464,72,46 cap@' && [ \$(wc -l < text.pages) -eq 3 ]" \
    "second line: $(sed -n '3,$p' text.pages)"

# The whole chain leaves a text-layer page to its words: no image steps,
# no OCR, nothing lost.
"$VANTHU" run text.pdf > text-full.json
check "python3 -c '
import json; r = json.load(open(\"text-full.json\"))
assert r[\"status\"] == \"ok\" and r[\"stages_done\"][-1] == \"parse\", r[\"stages_done\"]
assert r[\"text\"][\"original\"] == \"Kinh gui: So Noi vu\nV/v cap nhat ho so\", r[\"text\"]
assert r[\"pages\"][0][\"steps\"] == [] and r[\"pages\"][0][\"text_from\"] == \"text-layer\"'" \
    "whole chain over the text layer: $(head -c 600 text-full.json)"

# A born-digital page shown turned (/Rotate 90, 180, 270): its words are
# the same, each box on the page as shown, where a viewer draws it and
# pdftotext -bbox gives it (points at 300 dpi, within a pixel's rounding).
printf 'Kinh gui: So Noi vu\nV/v cap nhat ho so\nCan cu Luat To chuc\nNoi nhan: nhu tren\n' > turn.txt
python3 "$VANTHU_SOURCE_ROOT/tests/lib/mkpdf.py" lines turn.pdf turn.txt || exit 1
ingest turn.pdf > turn-0.json
for r in 90 180 270; do
    qpdf turn.pdf --rotate=+$r:1 turn-$r.pdf || { fail "qpdf --rotate=+$r"; continue; }
    ingest turn-$r.pdf > turn-$r.json
    pdftotext -bbox turn-$r.pdf turn-$r.html
    check "python3 - turn-0.json turn-$r.json turn-$r.html $r <<'PY'
import json, re, sys
upright, turned = (json.load(open(f)) for f in sys.argv[1:3])
html, r = open(sys.argv[3], encoding='utf-8').read(), int(sys.argv[4])
assert turned['text'] == upright['text'], turned['text']
pg, up = turned['pages'][0], upright['pages'][0]
size = (up['height'], up['width']) if r % 180 else (up['width'], up['height'])
assert (pg['width'], pg['height']) == size, (pg['width'], pg['height'])
shown = [(t, [float(v) * 300 / 72 for v in box]) for *box, t in
         re.findall(r'xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)<', html)]
words = [w for b in pg['blocks'] for l in b['lines'] for w in l['words']]
assert len(words) == len(shown) > 10, (len(words), len(shown))
for w, (t, (x0, y0, x1, y1)) in zip(words, shown):
    x, y, bw, bh = w['box']
    assert w['text'] == t, (w['text'], t)
    assert max(abs(x - x0), abs(y - y0), abs(x + bw - x1), abs(y + bh - y1)) <= 1.5, (t, w['box'], (x0, y0, x1, y1))
PY" "text layer of a page shown turned $r degrees: words or boxes not as shown"
done

# Scans: drawn pixel for pixel at the image's resolution (72 and 200 ppi),
# not at 300 dpi of the page box (2500x3333 and 2550x3300).
ingest scan72.pdf > scan72.json
check "[ \"\$(pages scan72.json)\" = '1 600 800 72 ocr' ]" "72 ppi scan: $(pages scan72.json)"
ingest scan200.pdf > scan200.json
check "[ \"\$(pages scan200.json)\" = '1 1700 2200 200 ocr' ]" "200 ppi scan: $(pages scan200.json)"
# A page with neither text nor image is drawn at pdf-dpi for OCR.
ingest blank.pdf > blank.json
check "[ \"\$(pages blank.json)\" = '1 2480 3508 300 ocr' ]" "blank page: $(pages blank.json)"
ingest -s ingest.pdf-dpi=150 blank.pdf > blank150.json
check "[ \"\$(pages blank150.json)\" = '1 1240 1754 150 ocr' ]" "blank page at pdf-dpi 150: $(pages blank150.json)"

# Per page: the text page from its layer, the scan for OCR; through the
# chain the scan is prepared and read at its own resolution (a 200-dpi
# scan is not enlarged) while the text page is left alone.
"$VANTHU" run -o out mixed.pdf 2>/dev/null
pages out/mixed.pdf.json > mixed.pages
check "head -1 mixed.pages | grep -qx '1 2480 3508 300 text-layer' && grep -q '^  K[^@]*@300,381,100,46 ' mixed.pages" \
    "mixed, page 1: $(cat mixed.pages)"
check "python3 -c '
import json; p = json.load(open(\"out/mixed.pdf.json\"))[\"pages\"]
assert p[0][\"steps\"] == [] and p[1][\"text_from\"] == \"ocr\", p
assert p[1][\"dpi\"] == 200 and p[1][\"steps\"], p[1]
assert not [s for s in p[1][\"steps\"] if s.startswith(\"scale\")], p[1][\"steps\"]'" \
    "mixed: the scan was not prepared at its own 200 dpi, or the text page was"

# A 300-dpi scan whose PDF places each pixel on a point (page box 34
# inches wide, 72 dpi declared) is read as the A4 page at 300 dpi it is:
# the same pages, steps and text as the same scan placed at 300 dpi, not
# enlarged fourfold; the record keeps the declared 72.  A record resumed
# after preprocess draws the page again at 72 and agrees.
if command -v pdftoppm > /dev/null; then
    pdftoppm -r 300 -jpeg -f 1 -l 1 -singlefile "$VANTHU_SOURCE_ROOT/samples/ke-hoach.pdf" scan
    for k in jpeg300 jpeg72; do
        python3 "$VANTHU_SOURCE_ROOT/tests/lib/mkpdf.py" $k $k.pdf scan.jpg || exit 1
        "$VANTHU" run $k.pdf > $k.json 2>/dev/null
    done
    "$VANTHU" run --stop-after preprocess jpeg72.pdf > jpeg72-pre.json 2>/dev/null
    "$VANTHU" run --from jpeg72-pre.json > jpeg72-resumed.json 2>/dev/null
    check "python3 -c '
import json
a, b, c = (json.load(open(f)) for f in (\"jpeg300.json\", \"jpeg72.json\", \"jpeg72-resumed.json\"))
page = lambda r: {k: v for k, v in r[\"pages\"][0].items() if k not in (\"blocks\", \"dpi_declared\")}
assert page(a) == page(b) == page(c) and page(a)[\"dpi\"] == 300, (page(a), page(b), page(c))
assert \"dpi_declared\" not in a[\"pages\"][0] and b[\"pages\"][0][\"dpi_declared\"] == 72, b[\"pages\"][0]
assert a[\"text\"] == b[\"text\"] == c[\"text\"] and len(a[\"text\"][\"original\"]) > 500, a[\"text\"]'" \
        "72-dpi page box: the page is not read as the 300-dpi scan it is"
else
    echo "pdftoppm missing: the 72-dpi page box case skipped"
fi

# The option: ocr draws a text page for OCR, text takes the layer even
# where it is empty; anything else is refused before any input is read.
ingest -s ingest.pdf=ocr text.pdf > text-ocr.json
check "[ \"\$(pages text-ocr.json)\" = '1 2480 3508 300 ocr' ]" "pdf=ocr: $(pages text-ocr.json)"
ingest -s ingest.pdf=text scan72.pdf > scan-text.json
check "[ \"\$(pages scan-text.json)\" = '1 2500 3333 300 text-layer' ]" "pdf=text: $(pages scan-text.json)"
ingest -s ingest.pdf=auto text.pdf > text-auto.json
check "pages text-auto.json | cmp -s text.pages -" "pdf=auto is not the default"
expect_exit 1 'auto|ocr|text' -- "$VANTHU" run -s ingest.pdf=both text.pdf
finish
