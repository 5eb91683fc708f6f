#!/usr/bin/env bash
# vanthu diff: the changes of a record, one per line with page:line,
# from → to, confidence and alternatives; flagged changes marked '!';
# colour only when asked or on a terminal; --json for programs.
. "$(dirname "$0")/lib.sh"

printf 'uy ban nhan dan tinh\nso 12/UBND\n' > "$scratch/input.txt"
"$VANTHU" run -q -o "$scratch/out" "$scratch/input.txt" || fail "run: exit $?"
rec=$(find "$scratch/out" -name '*.json' | head -1)
check "[ -f '$rec' ]" "no record"
# The first change flagged for review, as restore flags a doubtful one.
python3 - "$rec" "$scratch/flagged.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r['changes'][0]['review'] = True
json.dump(r, open(sys.argv[2], 'w'), ensure_ascii=False)
PY
n=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['changes']))" "$rec")
check "[ $n -ge 2 ]" "restore changed too few words ($n)"

"$VANTHU" diff "$rec" > "$scratch/plain" || fail "diff: exit $?"
check "[ \$(wc -l < '$scratch/plain') -eq $n ]" "diff does not list the record's $n changes"
check "head -1 '$scratch/plain' | grep -q '^ p1:1  uy → ủy  [01]\\.[0-9][0-9]  restore/'" \
    "the first line is not ' p1:1  uy → ủy  CONF  restore/...': $(head -1 "$scratch/plain")"
check "grep -q '^ p1:2  so → ' '$scratch/plain'" "the second line's change is not on p1:2"
check "! grep -q \$'\\033' '$scratch/plain'" "colour into a pipe under --color=auto"

"$VANTHU" diff "$scratch/flagged.json" > "$scratch/flagged" || fail "diff flagged: exit $?"
check "head -1 '$scratch/flagged' | grep -q '^!p1:1  uy'" "a flagged change is not marked '!'"
check "[ \$(grep -c '^!' '$scratch/flagged') -eq 1 ]" "more than the flagged change marked"

"$VANTHU" diff --color=always "$scratch/flagged.json" > "$scratch/colour" || fail "always: exit $?"
check "grep -q \$'\\033\\[31muy\\033\\[0m' '$scratch/colour'" "--color=always: the OCR word is not red"
NO_COLOR=1 "$VANTHU" diff --color=never "$rec" > "$scratch/never"
check "cmp -s '$scratch/never' '$scratch/plain'" "--color=never differs from plain output"
if command -v script > /dev/null; then
    script -qc "'$VANTHU' diff '$rec'" /dev/null > "$scratch/tty"
    check "grep -q \$'\\033' '$scratch/tty'" "no colour on a terminal"
    NO_COLOR=1 script -qc "'$VANTHU' diff '$rec'" /dev/null > "$scratch/tty-no"
    check "! grep -q \$'\\033' '$scratch/tty-no'" "colour on a terminal despite NO_COLOR"
fi

"$VANTHU" diff --json "$scratch/flagged.json" > "$scratch/diff.json" || fail "--json: exit $?"
check "python3 - '$scratch/diff.json' '$scratch/flagged.json' <<'PY'
import json, sys
d, r = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert d['path'] == r['source']['path'], d['path']
assert len(d['changes']) == len(r['changes'])
for c, rc in zip(d['changes'], r['changes']):
    assert c['page'] == 1
    for k in ('page', 'from', 'to', 'line_number', 'confidence', 'review', 'alternatives'):
        assert c[k] == rc[k], k
assert d['changes'][0]['review'] is True
PY" "--json does not carry the record's changes"

expect_exit 2 "not a record" -- "$VANTHU" diff "$scratch/input.txt"
expect_exit 1 "--color must be" -- "$VANTHU" diff --color=sometimes "$rec"
expect_exit 1 "one RECORD" -- "$VANTHU" diff
finish
