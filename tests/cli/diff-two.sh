#!/usr/bin/env bash
# vanthu diff A B: two texts aligned word by word (a word moved to the next
# line is no change; runs of words that differ shown with both sides' line
# numbers), and two records of one source: their text and the metadata
# fields that differ, confidence and evidence aside.  Records of two
# sources are refused.  Inputs: a sample dispatch's text, and records made
# from it here.
. "$(dirname "$0")/lib.sh"
root=$VANTHU_SOURCE_ROOT
cd "$scratch" || exit 1

# Two texts: one word changed, one line's last word moved to the next
# line, one word added at the end.
printf 'Kính gửi: các phòng ban\nthuộc Sở Nội vụ.\nĐề nghị báo cáo\n' > a.txt
printf 'Kính gửi: các phòng\nban thuộc Sở Nội vụ.\nĐề nghị gửi báo cáo ngay\n' > b.txt
"$VANTHU" diff a.txt b.txt > texts || fail "texts: exit $?"
check "[ \"\$(cat texts)\" = \"\$(printf 'a3 b3  (none) → gửi\na3 b3  (none) → ngay')\" ]" \
    "two texts: $(cat texts)"
"$VANTHU" diff --json a.txt b.txt > texts.json || fail "--json: exit $?"
check "python3 -c \"
import json
d = json.load(open('texts.json'))
assert d['a'] == 'a.txt' and d['b'] == 'b.txt' and 'fields' not in d
assert d['text'] == [{'a_line': 3, 'b_line': 3, 'from': '', 'to': 'gửi'},
                     {'a_line': 3, 'b_line': 3, 'from': '', 'to': 'ngay'}], d['text']
\"" "--json of two texts: $(cat texts.json)"
printf 'Kính gửi: các phòng ban\nthuộc Sở Tư pháp.\nĐề nghị báo cáo\n' > c.txt
"$VANTHU" diff a.txt c.txt > replaced || fail "replaced: exit $?"
check "[ \"\$(cat replaced)\" = 'a2 b2  Nội vụ. → Tư pháp.' ]" "a run of words replaced: $(cat replaced)"
"$VANTHU" diff a.txt a.txt > same || fail "same: exit $?"
check "[ ! -s same ]" "a text differs from itself: $(cat same)"

# Two records of one source: the sample's text as restored, and the same
# with one decision applied (the place in the date line typed over), so
# the text and one field differ.
strip_marks "$root/samples/src/cong-van.txt" dispatch.txt
"$VANTHU" run -q dispatch.txt > one.json || fail "run: exit $?"
python3 - one.json dec.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
i = next(i for i, c in enumerate(r['changes']) if c['from'] == 'Phong,')
json.dump({'vanthu_decisions': '1.0', 'reviewer': 'Lan', 'time': '2026-12-05T09:00:00Z',
           'decisions': [{'change': i, 'action': 'correct', 'text': 'Phòngg,'}]},
          open(sys.argv[2], 'w'))
PY
"$VANTHU" apply -o two.json one.json dec.json || fail "apply: exit $?"
"$VANTHU" diff one.json two.json > records || fail "records: exit $?"
check "grep -qx 'a8 b8  Phòng, → Phòngg,' records" \
    "the text change is not shown: $(cat records)"
check "grep -q '^place: Hải Phòng → Hải Phòngg' records" "the field change is not shown: $(cat records)"
check "[ \$(grep -c '^[a-z_]*:' records) -eq 1 ]" "fields that did not change are listed: $(cat records)"
"$VANTHU" diff --json one.json two.json > records.json || fail "--json records: exit $?"
check "python3 -c \"
import json
d = json.load(open('records.json'))
f = {x['field']: x for x in d['fields']}
assert list(f) == ['place'], list(f)
assert f['place']['a']['value'] == 'Hải Phòng' and f['place']['b']['value'] == 'Hải Phòngg'
assert 'evidence' not in f['place']['a'] and 'confidence' not in f['place']['a']
assert len(d['text']) == 1 and d['text'][0]['to'].startswith('Phòngg')
\"" "--json of two records: $(cat records.json)"
"$VANTHU" diff --color=always one.json two.json > colour
check "grep -q \$'\\033\\[32mPhòngg' colour" "no colour when asked"

# A record against a text: its corrected text is compared, no fields.
"$VANTHU" diff two.json dispatch.txt > mixed || fail "mixed: exit $?"
check "grep -q 'Phòngg' mixed && ! grep -q '^place:' mixed" "a record against a text: $(cat mixed)"

# Records of two sources are refused.
printf 'Số: 5/TB-UBND\nTHÔNG BÁO\n' > other.txt
"$VANTHU" run -q other.txt > other.json
expect_exit 2 "different sources" -- "$VANTHU" diff one.json other.json
expect_exit 2 "" -- "$VANTHU" diff one.json missing.json
expect_exit 1 "two records or texts" -- "$VANTHU" diff a.txt b.txt c.txt
finish
