#!/usr/bin/env bash
# A record of schema 2.1 (boxes on the page as prepared for OCR, no
# `prepared`), made by the build before schema 2.2 on a scan enlarged,
# skewed and turned sideways (tests/cli/older/README.md), is read as a
# record of the current schema by apply, diff, review and a resumed run:
# its page's `prepared` made again from the steps and every box carried to
# the scan, where the record the current build makes of the same scan has
# them; a warning in the new record says so.  A 2.1 record whose steps do
# not say how its page was prepared is refused, naming the file.
. "$(dirname "$0")/lib.sh"
root=$VANTHU_SOURCE_ROOT
old="$root/tests/cli/older/turned.png.2.1.json" current="$root/tests/cli/older/turned.png.2.2.json"
cd "$scratch" || exit 1
# The scan the records name (by the relative path turned.png).
python3 "$root/tests/lib/turnpage.py" "$root/samples/quyet-dinh.png" turned.png 2 1.5 1 ||
    fail "turnpage.py could not make the scan"
sha=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["source"]["sha256"])' "$old")
check "[ \"\$(sha256sum turned.png | cut -d' ' -f1)\" = $sha ]" "the scan made again is not the records' scan"

# near A B: A is of the build's schema, its pages are the scan's, as those
# of B (a record of 2.2, whose boxes later minors keep) are, and nearly
# every word of A has B's box for the same word within 2 pixels.
schema=$("$VANTHU" --version | sed -n 's/.*(record schema \(.*\))/\1/p')
near() {
    python3 - "$1" "$2" "$schema" <<'PY'
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
assert a['vanthu_record'] == sys.argv[3], (a['vanthu_record'], sys.argv[3])
pa, pb = a['pages'][0], b['pages'][0]
assert (pa['width'], pa['height'], pa['dpi']) == (pb['width'], pb['height'], pb['dpi']), (pa['width'], pa['height'], pa['dpi'])
for k in ('width', 'height', 'dpi', 'scale_x', 'scale_y', 'quarter_turns'):
    assert pa['prepared'][k] == pb['prepared'][k], (k, pa['prepared'])
assert abs(pa['prepared']['deskew_degrees'] - pb['prepared']['deskew_degrees']) < 0.006
boxes = {}
for bl in pb['blocks']:
    for l in bl['lines']:
        for w in l['words']:
            boxes.setdefault(w['text'], []).append(w['box'])
words = [w for bl in pa['blocks'] for l in bl['lines'] for w in l['words']]
close = sum(any(max(abs(p - q) for p, q in zip(w['box'], c)) <= 2 for c in boxes.get(w['text'], []))
            for w in words)
print(f'{close}/{len(words)} words on the current record\'s box', file=sys.stderr)
assert len(words) > 200 and close >= 0.95 * len(words)
ea, eb = a['metadata']['number']['evidence'], b['metadata']['number']['evidence']
assert max(abs(p - q) for p, q in zip(ea['box'], eb['box'])) <= 2, (ea, eb)
PY
}

# apply: a new record of the current schema, its boxes on the scan.
python3 -c 'import json, sys
print(json.dumps({"vanthu_decisions": "1.0", "reviewer": "T", "decisions": [{"change": 0, "action": "reject"}]}))' > decisions.json
"$VANTHU" apply -o applied.json "$old" decisions.json || fail "apply of the 2.1 record: exit $?"
check "near applied.json '$current'" "apply: the 2.1 record's boxes are not on the scan"
check "grep -q 'read from a record of schema 2.1' applied.json" "apply: no warning that the record was read from schema 2.1"
check "python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); assert r[\"changes\"][-1][\"source\"] == \"reviewer\"' applied.json" \
    "apply: the decision is not in the new record"

# diff reads it.
check "'$VANTHU' diff --color=never '$old' | grep -q ." "diff cannot read the 2.1 record"

# A run resumed from it renders the boxes on the scan.
"$VANTHU" run -q -f hocr "$old" > old.hocr || fail "run -f hocr from the 2.1 record: exit $?"
check "grep -q 'bbox 0 0 7016 4960;' old.hocr" "hOCR of the 2.1 record: the page is not the scan's"

# review: the page's record is the record as read, on the scan's picture.
"$VANTHU" review -w 700 -o old.html "$old" || fail "review of the 2.1 record: exit $?"
check "python3 - old.html '$current' <<'PY'
import json, re, sys
page = open(sys.argv[1], encoding='utf-8').read()
data = json.loads(re.search(r'id=\"vanthu-data\"[^>]*>(.*?)</script>', page, re.S).group(1))
json.dump(data['record'], open('reviewed.json', 'w'), ensure_ascii=False)
assert len(data['pictures']) == 1, data.get('picture_note')
PY
near reviewed.json '$current'" "review: the 2.1 record is not shown on the scan"

# A 2.1 record whose steps say nothing of its deskew is refused.
python3 - "$old" bad.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r['pages'][0]['steps'] = [s if not s.startswith('deskew') else 'deskew by hand' for s in r['pages'][0]['steps']]
json.dump(r, open(sys.argv[2], 'w'), ensure_ascii=False)
PY
expect_exit 2 'bad.json: a record of schema 2.1 has its boxes on page 1 as prepared' -- "$VANTHU" diff bad.json
finish
