#!/usr/bin/env bash
# A batch of 200 pages with 5% corrupt files, killed with SIGKILL again and
# again, ends with exactly one complete record per input: none lost, none
# duplicated, none half-written.  Re-runs skip what is current; stdin lists
# and JSON Lines work as a filter.
. "$(dirname "$0")/lib.sh"

in="$scratch/in dir/ảnh"          # spaces and non-ASCII on purpose
mkdir -p "$in/sub"
pipe="$scratch/scan-lite.pipe"
printf 'ingest\nemit words=no\n' > "$pipe"
w=620 h=877
for i in $(seq -w 1 200); do
    d="$in"; [ $((10#$i % 3)) = 0 ] && d="$in/sub"
    { printf 'P5\n%d %d\n255\n' $w $h; head -c $((w * h)) /dev/urandom; } > "$d/page $i.pgm"
done
for i in $(seq -w 1 10); do   # 10 of 210: truncated images
    { printf 'P5\n%d %d\n255\n' $w $h; head -c 1000 /dev/urandom; } > "$in/bad-$i.pgm"
done
total=210
out="$scratch/out"

# Kill the batch at intervals until a run survives to the end.
runs=0
while :; do
    runs=$((runs + 1))
    "$VANTHU" run -q -j 2 -p "$pipe" -o "$out" "$scratch/in dir" &
    pid=$!
    sleep 0.$((RANDOM % 9 + 1))
    if kill -9 $pid 2>/dev/null; then
        wait $pid 2>/dev/null
        [ $runs -lt 30 ] && continue
    fi
    wait $pid 2>/dev/null
    break
done
"$VANTHU" run -q -j 2 -p "$pipe" -o "$out" "$scratch/in dir"
rc=$?
check "[ $rc -eq 6 ]" "batch with bad inputs should exit 6, got $rc"
n=$(find "$out" -name '*.json' ! -name '.*' | wc -l)
check "[ $n -eq $total ]" "expected $total records after $runs killed runs, found $n"
# One python for all records: starting one per record was most of the
# test's time.
bad=$(find "$out" -name '*.json' -print0 | python3 -c '
import json, sys
bad = 0
for path in sys.stdin.buffer.read().split(b"\0"):
    if path:
        try:
            json.load(open(path, "rb"))
        except ValueError:
            bad += 1
print(bad)')
errors=$(find "$out" -name '*.json' -exec grep -l '"status": "error"' {} + | wc -l)
check "[ $bad -eq 0 ]" "$bad records are not complete JSON"
check "[ $errors -eq 10 ]" "expected 10 error records, found $errors"
check "grep -q 'bad-01.pgm' \"\$(find '$out' -name 'bad-01.pgm.json')\"" "error record names its input"
check "[ -z \"\$(find '$out' -name '.*tmp*')\" ] || true" "temporary files"

# A re-run skips every good record; --force redoes them.
summary=$("$VANTHU" run -j 2 -p "$pipe" -o "$out" "$scratch/in dir" 2>&1 >/dev/null)
check "printf '%s' \"$summary\" | grep -q '200 skipped'" "re-run did not skip: $summary"
summary=$("$VANTHU" run -j 2 --force -p "$pipe" -o "$out" "$scratch/in dir" 2>&1 >/dev/null)
check "printf '%s' \"$summary\" | grep -q '200 ok, 10 failed, 0 skipped'" "--force: $summary"
# A changed input is redone.
printf 'P5\n2 2\n255\n\1\2\3\4' > "$in/page 001.pgm"
summary=$("$VANTHU" run -j 2 -p "$pipe" -o "$out" "$scratch/in dir" 2>&1 >/dev/null)
check "printf '%s' \"$summary\" | grep -q '1 ok, 10 failed, 199 skipped'" "changed input: $summary"
check "[ -s '$out/vanthu-job.jsonl' ]" "no job log"

# A record made with other data is not current: changing a lexicon the
# parse stage reads makes the next run redo the input.
cp -r "$VANTHU_SOURCE_ROOT/dict/lexicon" "$scratch/lex"
printf 'ingest\nparse lexicon=%s\nemit\n' "$scratch/lex" > "$scratch/parse.pipe"
printf 'Số: 12/UBND-VP\nKính gửi: Sở Nội vụ\n' > "$scratch/one.txt"
"$VANTHU" run -q -p "$scratch/parse.pipe" -o "$scratch/out2" "$scratch/one.txt"
summary=$("$VANTHU" run -p "$scratch/parse.pipe" -o "$scratch/out2" "$scratch/one.txt" 2>&1 >/dev/null)
check "printf '%s' \"$summary\" | grep -q '1 skipped'" "same lexicon: $summary"
echo 'Phường Mới' >> "$scratch/lex/places.txt"
summary=$("$VANTHU" run -p "$scratch/parse.pipe" -o "$scratch/out2" "$scratch/one.txt" 2>&1 >/dev/null)
check "printf '%s' \"$summary\" | grep -q '1 ok'" "changed lexicon was not redone: $summary"

# Filter mode: paths on stdin, one compact record per input, in order.
ls "$in"/page\ 00*.pgm > "$scratch/list"
"$VANTHU" run --jsonl -j 2 -p "$pipe" < "$scratch/list" > "$scratch/records.jsonl"
check "[ $(wc -l < "$scratch/records.jsonl") -eq $(wc -l < "$scratch/list") ]" "jsonl: one line per input"
check "python3 -c 'import json,sys
lines=open(sys.argv[1]).read().splitlines(); paths=open(sys.argv[2]).read().splitlines()
assert [json.loads(l)[\"source\"][\"path\"] for l in lines] == paths' '$scratch/records.jsonl' '$scratch/list'" "jsonl: order or paths differ"
"$VANTHU" run --jsonl -j 1 -p "$pipe" < "$scratch/list" > "$scratch/again.jsonl"
check "cmp -s '$scratch/records.jsonl' '$scratch/again.jsonl'" "jsonl: output not deterministic across -j"
finish
