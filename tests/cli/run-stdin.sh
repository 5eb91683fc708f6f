#!/usr/bin/env bash
# `vanthu run -` reads one document from standard input, as restore and
# parse do (a record there resumes); -T/--files-from reads a list of paths.
# Standard input is read once: '-' with -T -, or twice, is refused.
. "$(dirname "$0")/lib.sh"

cd "$scratch" || exit 1
printf 'Số: 12/UBND-VP\nKính gửi: Sở Nội vụ\n' > a.txt
printf 'Số: 7/TB-UBND\nThông báo nghỉ lễ\n' > b.txt
field() { python3 -c "import json, sys; r = json.load(open(sys.argv[1])); print($2)" "$1"; }

"$VANTHU" run - < a.txt > a.json
check "[ \"\$(field a.json 'r[\"source\"][\"path\"], r[\"source\"][\"kind\"], r[\"status\"]')\" = '- text ok' ]" \
    "a text on standard input: $(head -c 300 a.json)"
check "[ \"\$(field a.json 'r[\"source\"][\"sha256\"]')\" = \"\$(sha256sum < a.txt | cut -d' ' -f1)\" ]" \
    "the record is not of the bytes given"
check "field a.json 'r[\"text\"][\"original\"]' | grep -q 'Kính gửi: Sở Nội vụ'" "text lost"
# A PDF on standard input is read by content.
python3 "$VANTHU_SOURCE_ROOT/tests/lib/mkpdf.py" text t.pdf
"$VANTHU" run --stop-after ingest - < t.pdf > t.json
check "[ \"\$(field t.json 'r[\"source\"][\"kind\"], r[\"pages\"][0][\"text_from\"]')\" = 'pdf text-layer' ]" \
    "a PDF on standard input: $(head -c 300 t.json)"
# A record on standard input resumes.
"$VANTHU" run --stop-after ingest a.txt > partial.json
"$VANTHU" run - < partial.json > resumed.json
check "field resumed.json 'r[\"stages_done\"]' | grep -q parse" "a record on standard input did not resume"
# Under -o its record is OUT/stdin.json, and a second run skips it.
"$VANTHU" run -o out - < a.txt 2>/dev/null
check "[ -f out/stdin.json ] && [ \$(ls out | wc -l) -eq 2 ]" "under -o: $(ls out)"
s=$("$VANTHU" run -o out - < a.txt 2>&1 >/dev/null)
check "printf '%s' \"\$s\" | grep -q '1 skipped'" "the same document again was not skipped: $s"

# Lists of paths: -T FILE and --files-from - ; a "-" in a list is a file.
printf 'a.txt\nb.txt\n' > list
"$VANTHU" run -q -o out2 -T list
check "[ -f out2/a.txt.json ] && [ -f out2/b.txt.json ]" "-T list: $(ls out2)"
"$VANTHU" run -q -o out3 --files-from - < list
check "[ -f out3/a.txt.json ] && [ -f out3/b.txt.json ]" "--files-from -: $(ls out3)"
cp b.txt ./-
printf -- '-\n' | "$VANTHU" run -q -o out4 -T - 2>/dev/null
check "field out4/-.json 'r[\"text\"][\"original\"]' | grep -q 'Thông báo'" "a file named - in a list: $(ls out4)"

expect_exit 1 'read once' -- "$VANTHU" run - -
expect_exit 1 'read once' -- "$VANTHU" run -T - -
expect_exit 1 'read once' -- "$VANTHU" run -T - -T -
finish
