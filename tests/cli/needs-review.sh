#!/usr/bin/env bash
# needs_review: a record says whether a person should look and why —
# prescribed fields missing, flagged changes no reviewer has decided on,
# many words read at low OCR confidence — and the job log and the batch
# summary carry it.  Inputs: a sample dispatch's text (complete), a short
# made-up notice (fields missing), and records edited at test time.
. "$(dirname "$0")/lib.sh"
root=$VANTHU_SOURCE_ROOT
reasons() { # FILE: the kinds of its review_reasons, or "-" for none
    python3 -c "import json,sys; r=json.load(open(sys.argv[1])); k=[x['kind'] for x in r['review_reasons']]; assert r['needs_review'] == bool(k); print(' '.join(k) or '-')" "$1"
}

# The sample's own text, markup lines aside: every prescribed field read.
cd "$scratch" || exit 1
grep -v '^@' "$root/samples/src/cong-van.txt" > complete.txt
printf 'THÔNG BÁO\nVề việc nghỉ lễ\nCác đơn vị nghỉ lễ theo quy định.\n' > short.txt
"$VANTHU" run -o "$scratch/out" complete.txt short.txt 2> "$scratch/summary"
check "[ \$? -eq 0 ]" "run: $(cat "$scratch/summary")"
check "[ \"\$(reasons '$scratch/out/complete.txt.json')\" = - ]" \
    "a complete dispatch needs review: $(reasons "$scratch/out/complete.txt.json")"
check "[ \"\$(reasons '$scratch/out/short.txt.json')\" = missing_fields ]" \
    "missing fields are not the reason: $(reasons "$scratch/out/short.txt.json")"
check "python3 - '$scratch/out/short.txt.json' <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
reason = r['review_reasons'][0]
missing = r['metadata']['missing_fields']
assert reason['count'] == len(missing), reason
assert all(f in reason['text'] for f in missing), reason
PY" "the missing-fields reason does not name the fields"
check "grep -q '1 need review' '$scratch/summary'" "the summary does not count: $(cat "$scratch/summary")"
check "grep -q '\"input\":\"[^\"]*short.txt\",\"status\":\"ok\".*\"needs_review\":true,\"review_reasons\":\\[\"missing_fields\"\\]' '$scratch/out/vanthu-job.jsonl'" \
    "the job log lacks the short notice's reasons: $(cat "$scratch/out/vanthu-job.jsonl")"
check "grep -q 'complete.txt\",\"status\":\"ok\".*\"needs_review\":false,\"review_reasons\":\\[\\]' '$scratch/out/vanthu-job.jsonl'" \
    "the job log lacks the complete dispatch's needs_review false"
# A resumed batch skips current records and still counts their reasons.
"$VANTHU" run -o "$scratch/out" complete.txt short.txt 2> "$scratch/again"
check "grep -q '2 skipped; .*1 need review' '$scratch/again'" "a resumed batch does not count: $(cat "$scratch/again")"
check "[ \$(grep -c 'short.txt\",\"status\":\"skipped\".*\"needs_review\":true' '$scratch/out/vanthu-job.jsonl') -eq 1 ]" \
    "the job log of a skipped record lacks its reasons"

# A number and a day written by hand (OCR made pen marks of them): the
# printed part of each read, and each a reason to look.
printf 'ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: ⁄‡4 /TB-UBND\nAn Phú, ngày {⁄|. tháng 5 năm 2024\nTHÔNG BÁO\nVề việc nghỉ lễ\nCác đơn vị nghỉ lễ theo quy định.\n' > byhand.txt
"$VANTHU" run -o "$scratch/hand" byhand.txt 2> /dev/null
check "python3 - '$scratch/hand/byhand.txt.json' <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
m = r['metadata']
assert m['number']['value'] == '/TB-UBND' and m['number']['handwritten'], m['number']
assert m['date']['value'] == '2024-05' and m['date']['handwritten'], m['date']
kinds = [x['kind'] for x in r['review_reasons']]
assert 'number_handwritten' in kinds and 'day_handwritten' in kinds and r['needs_review'], kinds
PY" "a handwritten number and day are not read as printed or not reasons to look"

# The day by hand taken from the digital signature's time: a reason to
# look that says so.
printf 'Ký bởi: Ủy ban nhân dân xã An Phú\nThời gian ký: 06.05.2024 08:30:00 +07:00\nỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 14 /TB-UBND\nAn Phú, ngày {⁄|. tháng 5 năm 2024\nTHÔNG BÁO\nVề việc nghỉ lễ\nCác đơn vị nghỉ lễ theo quy định.\n' > signed.txt
"$VANTHU" run -o "$scratch/signed" signed.txt 2> /dev/null
check "python3 - '$scratch/signed/signed.txt.json' <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
d = r['metadata']['date']
assert d['value'] == '2024-05-06' and d['source'] == 'signature' and d['handwritten'], d
assert r['metadata']['digital_signature']['time'] == '2024-05-06T08:30:00+07:00', r['metadata']
day = [x for x in r['review_reasons'] if x['kind'] == 'day_handwritten']
assert day and 'digital signature' in day[0]['text'], r['review_reasons']
PY" "a day taken from the digital signature is not a reason to look that says so"

# A flagged change calls for review until a reviewer decides on it; the
# record is written again (by apply) so the reasons are worked out anew.
python3 - "$scratch/out/complete.txt.json" "$scratch/flagged.json" "$scratch/low.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
words = [w for p in r['pages'] for b in p['blocks'] for l in b['lines'] for w in l['words']]
first = words[0]
r['changes'].append({'stage': 'restore', 'source': 'lm', 'page': 1, 'block': 0, 'line': 0,
                     'word': 0, 'line_number': 1, 'from': first['text'], 'to': first['text'],
                     'confidence': 0.4, 'review': True, 'alternatives': []})
json.dump(r, open(sys.argv[2], 'w'), ensure_ascii=False)
# OCR confidences: one word in five read under 60.
r = json.load(open(sys.argv[1]))
words = [w for p in r['pages'] for b in p['blocks'] for l in b['lines'] for w in l['words']]
for i, w in enumerate(words):
    w['conf'] = 41.0 if i % 5 == 0 else 93.0
json.dump(r, open(sys.argv[3], 'w'), ensure_ascii=False)
PY
printf '{"vanthu_decisions": "1.0", "reviewer": "Lê Văn Tám", "decisions": []}\n' > "$scratch/none.json"
printf '{"vanthu_decisions": "1.0", "reviewer": "Lê Văn Tám", "decisions": [{"change": 0, "action": "accept"}]}\n' > "$scratch/accept.json"
"$VANTHU" apply -o "$scratch/flagged2.json" "$scratch/flagged.json" "$scratch/none.json" || fail "apply none: exit $?"
check "[ \"\$(reasons '$scratch/flagged2.json')\" = flagged_changes ]" "a flagged change is not a reason"
check "grep -q 'not yet decided: 0\"' '$scratch/flagged2.json'" "the reason does not name change 0"
"$VANTHU" apply -o "$scratch/decided.json" "$scratch/flagged.json" "$scratch/accept.json" || fail "apply accept: exit $?"
check "[ \"\$(reasons '$scratch/decided.json')\" = - ]" "a decided change still calls for review"

"$VANTHU" apply -o "$scratch/low2.json" "$scratch/low.json" "$scratch/none.json" || fail "apply low: exit $?"
check "[ \"\$(reasons '$scratch/low2.json')\" = low_confidence ]" "low OCR confidence is not a reason"
check "grep -q '\"count\": [0-9]' '$scratch/low2.json'" "the reason has no count"

# The XML record carries them too, valid against the schema.
"$VANTHU" run -q -f xml "$scratch/flagged2.json" > "$scratch/flagged.xml" || fail "xml: exit $?"
check "xmllint --noout --schema '$root/schema/record.xsd' '$scratch/flagged.xml' 2>/dev/null" \
    "the XML record does not validate"
check "grep -q '<needs_review>true</needs_review>' '$scratch/flagged.xml' && grep -q '<kind>flagged_changes</kind>' '$scratch/flagged.xml'" \
    "the XML record lacks needs_review and its reasons"
finish
