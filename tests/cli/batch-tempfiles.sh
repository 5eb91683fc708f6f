#!/usr/bin/env bash
# Output errors. Temporary record files (".NAME.tmp-PID"): those a killed
# run left, which no writer holds locked, are removed when a run into OUT
# starts; one a live writer holds is not, whatever its process number says
# here (a writer on another host of a cluster sharing OUT); a file size
# limit (ulimit -f) is an output error, exit 4, with no truncated file left.
. "$(dirname "$0")/lib.sh"

cd "$scratch" || exit 1
printf 'Kính gửi: Sở Nội vụ\n' > a.txt
mkdir -p out/sub
true & dead=$!
wait $dead
printf 'half a record' > "out/.a.txt.json.tmp-$dead"
printf 'half a record' > "out/sub/.b.txt.json.tmp-$dead"
printf 'being written' > "out/.c.txt.json.tmp-$dead"
python3 -c '
import fcntl, sys, time
held = open(sys.argv[1], "a")
fcntl.lockf(held, fcntl.LOCK_EX)
open(sys.argv[2], "w").close()
time.sleep(60)' "out/.c.txt.json.tmp-$dead" held & writer=$!
for _ in $(seq 100); do [ -e held ] && break; sleep 0.1; done
"$VANTHU" run -q -o out a.txt
check "[ ! -e 'out/.a.txt.json.tmp-$dead' ] && [ ! -e 'out/sub/.b.txt.json.tmp-$dead' ]" \
    "stale temporary files of a killed writer were not removed"
check "[ -e 'out/.c.txt.json.tmp-$dead' ]" "a temporary file its writer holds was removed"
kill $writer

for i in $(seq 1 400); do printf 'Kính gửi: Sở Nội vụ, dòng %d\n' "$i"; done > big.txt
expect_exit 4 "big.txt.json: File too large" -- sh -c "ulimit -f 8; exec '$VANTHU' run -q -o out big.txt"
check "[ ! -e out/big.txt.json ] && [ -z \"\$(find out -name '.big*')\" ]" \
    "a write over the file size limit left a file"

# The summary and the job log count what reached the disk: a record whose
# write failed is a failed input, its pages not counted.
rm -rf out
summary=$(sh -c "ulimit -f 8; exec '$VANTHU' run -j 1 -o out a.txt big.txt" 2>&1 >/dev/null)
check "printf '%s' \"$summary\" | grep -q '2 inputs: 1 ok, 1 failed, 0 skipped; 1 pages'" \
    "summary counts a failed write as written: $summary"
check "grep -q '\"input\":\"big.txt\",\"status\":\"error\"' out/vanthu-job.jsonl" \
    "job log counts a failed write as ok: \$(cat out/vanthu-job.jsonl)"
finish
