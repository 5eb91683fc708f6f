#!/usr/bin/env bash
# One input cannot stop the batch: an output clash (a directory where a
# record goes, a file where a directory must be, two inputs whose records
# would be one file) is an error of that input, reported and counted, and
# the other inputs are done.
. "$(dirname "$0")/lib.sh"

cd "$scratch" || exit 1
printf 'Kính gửi: Sở Nội vụ\n' > a.txt
printf 'Kính gửi: Sở Tài chính\n' > b.txt
mkdir -p p/q q sub out/a.txt.json
printf 'Kính gửi: Sở Xây dựng\n' > p/q/x.txt
printf 'Kính gửi: Sở Y tế\n' > q/x.txt
printf 'Kính gửi: UBND\n' > sub/c.txt
printf 'not a directory' > out/sub
"$VANTHU" run -q -j 1 -o out a.txt sub/c.txt b.txt p/q/x.txt p/../q/x.txt 2> err
rc=$?
check "[ $rc -eq 6 ]" "a batch with clashes should exit 6, got $rc"
check "[ -f out/b.txt.json ]" "the batch stopped before b.txt"
check "grep -q 'Sở Xây dựng' out/p/q/x.txt.json" "the record of p/q/x.txt was overwritten or not written"
check "grep -q 'a.txt.json: not a file' err" "clash with a directory not reported: $(cat err)"
check "grep -q 'out/sub is not a directory' err" "clash with a file not reported: $(cat err)"
check "grep -q 'p/../q/x.txt: its record .* is already the record of p/q/x.txt' err" \
    "shared record not reported: $(cat err)"
check "[ \$(grep -c '\"status\":\"error\"' out/vanthu-job.jsonl) -eq 3 ]" "job log: $(cat out/vanthu-job.jsonl 2>/dev/null)"
summary=$("$VANTHU" run -j 1 -o out2 a.txt p/q/x.txt p/../q/x.txt 2>&1 >/dev/null)
check "printf '%s' \"\$summary\" | grep -q '3 inputs: 2 ok, 1 failed'" "summary: $summary"
finish
