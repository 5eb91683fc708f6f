#!/usr/bin/env bash
# original-boxes.sh — word boxes lie on the scan as it is, however the
# page had to be scaled, turned and deskewed for OCR.  A sample page is
# scanned carelessly (tests/lib/turnpage.py): enlarged to 400 dpi, skewed
# 2° and turned sideways; and shrunk to 120 dpi, skewed -1.5° and upside
# down.  Tesseract reads the sample page as it is; its word boxes, carried
# through the known scan (turnpage.py --map), are where the words lie on
# each careless scan, and the record's box of the same word covers most
# of it (IoU at least 0.5) for nearly every word.  hOCR and ALTO of the
# record give the same boxes on a page of the scan's size; the review
# page's picture is the scan's shape.  (A record of schema 2.1, boxes on
# the prepared page: tests/cli/older-record.sh.)
#
# Environment (tests/meson.build): VANTHU, VANTHU_SOURCE_ROOT.
. "$(dirname "$0")/../cli/lib.sh"
root=$VANTHU_SOURCE_ROOT
command -v tesseract >/dev/null || { echo "tesseract missing"; exit 77; }
turnpage="$root/tests/lib/turnpage.py"
sample="$root/samples/quyet-dinh.png"

OMP_THREAD_LIMIT=1 tesseract "$sample" "$scratch/ref" -l vie tsv >/dev/null 2>&1 ||
    { echo "tesseract could not read $sample"; exit 1; }
# name scale degrees quarters
scans=("sideways 1.3333 2 1" "upside-down 0.4 -1.5 2")
for s in "${scans[@]}"; do
    set -- $s
    python3 "$turnpage" "$sample" "$scratch/$1.png" "$2" "$3" "$4" ||
        fail "turnpage.py could not make $1"
done
"$VANTHU" run -q -j 2 -f json -o "$scratch/out" "$scratch/sideways.png" "$scratch/upside-down.png" ||
    fail "vanthu run: exit $?"

for s in "${scans[@]}"; do
    set -- $s
    rec=$(find "$scratch/out" -name "$1.png.json")
    check "python3 - '$rec' '$scratch/ref.tsv' '$turnpage' $2 $3 $4 <<'PY'
import json, subprocess, sys, unicodedata
rec, tsv, turnpage, scale, degrees, quarters = sys.argv[1:]
def norm(t):
    return ''.join(c for c in unicodedata.normalize('NFC', t).casefold() if c.isalnum())
ref = []
for line in open(tsv, encoding='utf-8').read().splitlines()[1:]:
    f = line.split('\t')
    if len(f) == 12 and f[0] == '5' and float(f[10]) >= 80 and len(norm(f[11])) >= 3:
        ref.append((norm(f[11]), f[6:10]))
# The sample is 2480 x 3508 pixels.
mapped = subprocess.run([sys.executable, turnpage, '--map', '2480', '3508', scale, degrees, quarters],
                        input='\n'.join(' '.join(b) for _, b in ref), capture_output=True, text=True,
                        check=True).stdout.split('\n')
r = json.load(open(rec))
page = r['pages'][0]
assert page['prepared']['quarter_turns'] == (4 - int(quarters)) % 4, page['prepared']
boxes = {}
for b in page['blocks']:
    for l in b['lines']:
        for w in l['words']:
            for t in {norm(w['text']), norm(w.get('orig', w['text']))}:
                boxes.setdefault(t, []).append(w['box'])
def iou(a, b):
    x0, y0 = max(a[0], b[0]), max(a[1], b[1])
    x1, y1 = min(a[0] + a[2], b[0] + b[2]), min(a[1] + a[3], b[1] + b[3])
    inter = max(0, x1 - x0) * max(0, y1 - y0)
    return inter / (a[2] * a[3] + b[2] * b[3] - inter)
scores = sorted(max(iou(list(map(int, m.split())), c) for c in boxes[t])
                for (t, _), m in zip(ref, mapped) if t in boxes)
good = sum(s >= 0.5 for s in scores)
print(f'{sys.argv[1]}: {good}/{len(scores)} words with IoU >= 0.5 on the scan '
      f'(median {scores[len(scores) // 2]:.2f}; {len(ref)} read on the sample)', file=sys.stderr)
assert len(scores) >= 100 and good >= 0.9 * len(scores)
PY" "$1: the record's boxes do not lie on the words of the scan"

    # hOCR and ALTO give the record's boxes, on a page of the scan's size.
    "$VANTHU" run -q -f hocr "$rec" > "$scratch/$1.hocr" && "$VANTHU" run -q -f alto "$rec" > "$scratch/$1.alto" ||
        fail "$1: hOCR or ALTO: exit $?"
    check "python3 - '$rec' '$scratch/$1.hocr' '$scratch/$1.alto' <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
page = r['pages'][0]
words = [w['box'] for b in page['blocks'] for l in b['lines'] for w in l['words']]
hocr = open(sys.argv[2], encoding='utf-8').read()
assert re.search(r'ocr_page.*bbox 0 0 %d %d;' % (page['width'], page['height']), hocr)
got = [list(map(int, m)) for m in re.findall(r\"class='?\\\"?ocrx_word.*?bbox (\\d+) (\\d+) (\\d+) (\\d+)\", hocr)]
assert [[x, y, x1 - x, y1 - y] for x, y, x1, y1 in got] == words, 'hOCR boxes'
alto = open(sys.argv[3], encoding='utf-8').read()
assert re.search(r'<Page[^>]*WIDTH=\"%d\" HEIGHT=\"%d\"' % (page['width'], page['height']), alto)
got = [list(map(int, m)) for m in re.findall(r'<String[^>]*HPOS=\"(\\d+)\" VPOS=\"(\\d+)\" WIDTH=\"(\\d+)\" HEIGHT=\"(\\d+)\"', alto)]
assert got == words, 'ALTO boxes'
PY" "$1: hOCR or ALTO boxes are not the record's on the scan's page"
done

# The review page shows the scan as it is: a sideways scan's picture is
# landscape, as wide as asked.
sideways=$(find "$scratch/out" -name sideways.png.json)
"$VANTHU" review -w 700 -o "$scratch/review.html" "$sideways" || fail "review: exit $?"
check "python3 - '$scratch/review.html' <<'PY'
import base64, re, sys
jpeg = base64.b64decode(re.search(r'data:image/jpeg;base64,([A-Za-z0-9+/=]+)', open(sys.argv[1]).read()).group(1))
i = 2
while jpeg[i + 1] not in (0xc0, 0xc1, 0xc2):
    i += 2 + int.from_bytes(jpeg[i + 2:i + 4], 'big')
h, w = int.from_bytes(jpeg[i + 5:i + 7], 'big'), int.from_bytes(jpeg[i + 7:i + 9], 'big')
assert w == 700 and abs(h - 700 * 3307 / 4677) <= 1, (w, h)
PY" "review: the picture is not the scan as it is"

finish
