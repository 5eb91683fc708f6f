#!/usr/bin/env bash
# vanthu apply RECORD DECISIONS: each decision (accept, reject, pick,
# correct) becomes a reviewer's change with who and when; the corrected
# text and the word tree follow; the metadata is parsed again; the old
# record is never written; the history stays whole over several reviews.
# Inputs: a sample dispatch's text with its diacritics stripped (so that
# restore changes many words, and flags some under a review threshold of
# 0.9 whatever the model's confidence), and a sample scan.
. "$(dirname "$0")/lib.sh"
root=$VANTHU_SOURCE_ROOT
cd "$scratch" || exit 1
strip_marks "$root/samples/src/cong-van.txt" flat.txt
"$VANTHU" run -q -s restore.review-below=0.9 flat.txt > old.json || fail "run: exit $?"
cp old.json old.copy

# Decisions on real changes: the first flagged one accepted, the subject's
# "triển" rejected, an alternative picked, a correction typed (in NFD, to
# be stored in NFC).
python3 - old.json decisions.json <<'PY'
import json, sys, unicodedata
r = json.load(open(sys.argv[1]))
ch = r['changes']
flagged = next(i for i, c in enumerate(ch) if c['review'])
subject = next(i for i, c in enumerate(ch) if c['from'] == 'trien' and c['to'] == 'triển')
picked = next(i for i, c in enumerate(ch) if i not in (flagged, subject) and len(c['alternatives']) > 2)
typed = next(i for i, c in enumerate(ch) if i not in (flagged, subject, picked))
d = {'vanthu_decisions': '1.0', 'source': {'path': 'flat.txt', 'sha256': r['source']['sha256']},
     'reviewer': 'Nguyễn Thị Lan', 'time': '2026-12-05T09:30:00+07:00',
     'decisions': [
         {'change': flagged, 'action': 'accept'},
         {'change': subject, 'action': 'reject'},
         {'change': picked, 'action': 'pick', 'alternative': 2},
         {'change': typed, 'action': 'correct', 'text': unicodedata.normalize('NFD', 'Chỉnh'),
          'reviewer': 'Phạm Văn Bình', 'time': '2026-12-05T10:00:00Z'}]}
json.dump(d, open(sys.argv[2], 'w'), ensure_ascii=False)
PY
"$VANTHU" apply -o new.json old.json decisions.json || fail "apply: exit $?"
check "cmp -s old.json old.copy" "the old record was written"
check "python3 - old.json new.json decisions.json <<'PY'
import json, sys, unicodedata
old, new, d = (json.load(open(f)) for f in sys.argv[1:4])
n = len(old['changes'])
assert new['changes'][:n] == old['changes'], 'the machine changes are not kept as they were'
added = new['changes'][n:]
assert len(added) == 4, len(added)
words = {(p['number'], b, l, w): word for p in new['pages'] for b, blk in enumerate(p['blocks'])
         for l, ln in enumerate(blk['lines']) for w, word in enumerate(ln['words'])}
for dec, c in zip(d['decisions'], added):
    target = old['changes'][dec['change']]
    assert c['stage'] == 'review' and c['source'] == 'reviewer', c
    assert c['decision'] == dec['action'] and c['of_change'] == dec['change'], c
    assert c['reviewer'] == dec.get('reviewer', d['reviewer']), c
    assert c['time'] == dec.get('time', d['time']), c
    for k in ('page', 'block', 'line', 'word', 'line_number'):
        assert c[k] == target[k], k
    want = {'accept': target['to'], 'reject': target['from'],
            'pick': target['alternatives'][dec.get('alternative', 0)]['text'],
            'correct': unicodedata.normalize('NFC', dec.get('text', ''))}[dec['action']]
    assert c['from'] == target['to'] and c['to'] == want, (c, want)
    word = words[(c['page'], c['block'], c['line'], c['word'])]
    assert word['text'] == want, (word, want)
assert added[3]['to'] == 'Chỉnh' and unicodedata.is_normalized('NFC', added[3]['to'])
assert new['text']['original'] == old['text']['original']
assert 'V/v trien khai' in new['text']['corrected'], 'the corrected text keeps triển'
# parse ran again on the new text
assert new['metadata']['subject']['value'].startswith('V/v trien khai'), new['metadata']['subject']
assert old['metadata']['subject']['value'].startswith('V/v triển khai')
# The accepted flagged change is decided; the others flagged (how many
# depends on the model) still need review.
left = sum(c['review'] for c in old['changes']) - 1
assert [r['kind'] for r in new['review_reasons']] == ['flagged_changes'] * (left > 0)
assert not left or str(d['decisions'][0]['change']) not in new['review_reasons'][0]['text'].split(': ')[1].split(', ')
PY" "the new record does not carry the decisions"

# A second review of the new record: the history holds both.
printf '{"vanthu_decisions": "1.0", "reviewer": "Trần Văn Cường", "time": "2026-12-06T08:00:00Z", "decisions": [{"change": %s, "action": "accept"}]}\n' \
    "$(python3 -c "import json; print(len(json.load(open('old.json'))['changes']) + 1)")" > second.json
expect_exit 2 "no change" -- "$VANTHU" apply old.json second.json
"$VANTHU" apply new.json second.json > newer.json || fail "second apply: exit $?"
check "python3 -c \"
import json
new, newer = json.load(open('new.json')), json.load(open('newer.json'))
assert newer['changes'][:len(new['changes'])] == new['changes']
last = newer['changes'][-1]
assert last['reviewer'] == 'Trần Văn Cường' and last['of_change'] == len(new['changes']) - 3, last
assert last['from'] == last['to'] == 'trien'
\"" "a second review does not keep the first"

# vanthu diff shows who decided; the record validates as XML.
check "'$VANTHU' diff new.json | grep -q 'review/reviewer  Nguyễn Thị Lan, reject of change'" \
    "diff does not show the reviewer's decision"
"$VANTHU" run -q -f xml new.json > new.xml || fail "xml: exit $?"
check "xmllint --noout --schema '$root/schema/record.xsd' new.xml 2>/dev/null" "the new record's XML does not validate"
check "grep -q '<decision>reject</decision>' new.xml" "the XML lacks the decision"

# The decisions file and the new record against their JSON Schemas, where
# the test-only validator is installed (tools/deps.sh).
ajv="$root/.cache/node/node_modules/.bin/ajv"
if [ -x "$ajv" ]; then
    check "'$ajv' validate --spec=draft7 -c ajv-formats -s '$root/schema/decisions.schema.json' -d decisions.json >/dev/null 2>&1" \
        "the decisions file does not validate"
    check "'$ajv' validate --spec=draft7 -c ajv-formats -s '$root/schema/record.schema.json' -d new.json >/dev/null 2>&1" \
        "the new record does not validate"
fi

# A scan: the word in the page tree, with its box, takes the correction.
"$VANTHU" run -q -o scan "$root/samples/cong-van.tif" || fail "scan: exit $?"
scan=$(find scan -name '*.json' ! -name vanthu-job.jsonl | head -1)
printf '{"vanthu_decisions": "1.0", "reviewer": "Lan", "time": "2026-12-05T09:00:00Z", "decisions": [{"change": 0, "action": "correct", "text": "Sửa"}]}\n' > scan-dec.json
"$VANTHU" apply -o scan-new.json "$scan" scan-dec.json || fail "scan apply: exit $?"
check "python3 - '$scan' scan-new.json <<'PY'
import json, sys
old, new = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
c = new['changes'][-1]
p = new['pages'][c['page'] - 1]
w = p['blocks'][c['block']]['lines'][c['line']]['words'][c['word']]
assert w['text'] == 'Sửa' and len(w['box']) == 4 and 'conf' in w, w
ow = old['pages'][c['page'] - 1]['blocks'][c['block']]['lines'][c['line']]['words'][c['word']]
assert w['box'] == ow['box'] and w['orig'] == ow.get('orig', ow['text'])
PY" "the scan's word did not take the correction"

# Refused, each naming the problem, the document left as it was.
bad() { # NAME JSON-OF-DECISIONS PATTERN
    printf '%s\n' "$2" > "bad-$1.json"
    expect_exit 2 "$3" -- "$VANTHU" apply -o "out-$1.json" old.json "bad-$1.json"
    check "[ ! -e out-$1.json ]" "$1: a record was written"
}
head='"vanthu_decisions": "1.0", "reviewer": "Lan", "time": "2026-12-05T09:00:00Z"'
bad index "{$head, \"decisions\": [{\"change\": 99999, \"action\": \"accept\"}]}" "no change 99999"
bad twice "{$head, \"decisions\": [{\"change\": 1, \"action\": \"accept\"}, {\"change\": 1, \"action\": \"reject\"}]}" "decision 1: decides a change"
bad pick "{$head, \"decisions\": [{\"change\": 1, \"action\": \"pick\", \"alternative\": 40}]}" "alternative"
bad space "{$head, \"decisions\": [{\"change\": 1, \"action\": \"correct\", \"text\": \"hai từ\"}]}" "one word"
bad action "{$head, \"decisions\": [{\"change\": 1, \"action\": \"approve\"}]}" "approve"
bad who '{"vanthu_decisions": "1.0", "decisions": [{"change": 1, "action": "accept"}]}' "no reviewer"
bad when "{\"vanthu_decisions\": \"1.0\", \"reviewer\": \"Lan\", \"time\": \"yesterday\", \"decisions\": [{\"change\": 1, \"action\": \"accept\"}]}" "ISO 8601"
bad source "{$head, \"source\": {\"sha256\": \"$(printf '%064d' 0)\"}, \"decisions\": []}" "another source"
bad version '{"decisions": []}' "not a decisions file"
bad json 'not json' "not a decisions file"
expect_exit 1 "must not overwrite" -- "$VANTHU" apply -o old.json old.json decisions.json
check "cmp -s old.json old.copy" "the old record was overwritten"
expect_exit 2 "not a record" -- "$VANTHU" apply flat.txt decisions.json
expect_exit 1 "RECORD and DECISIONS" -- "$VANTHU" apply old.json
finish
