#!/usr/bin/env bash
# `vanthu run --jsonl` as a filter under GNU parallel: paths go in on stdin,
# are cut into chunks and spread over two "hosts", and exactly one record
# per input comes back, the same records a plain run gives, the same again
# on a retry.  The hosts are reached through a stand-in for ssh that runs
# the command here, so parallel's whole remote path (quoting, stdin over
# the connection) is used without an ssh server.
. "$(dirname "$0")/lib.sh"
command -v parallel > /dev/null || { echo "GNU parallel is not installed"; exit 77; }

in="$scratch/in put"                       # a space, on purpose
mkdir -p "$in"
phrases=("kinh gui cac don vi truc thuoc" "bao cao ket qua thuc hien ke hoach"
         "de nghi cac so nganh phoi hop trien khai" "thoi gian hop vao ngay mai"
         "giao phong tai chinh tham muu" "noi nhan nhu tren luu van thu")
for i in $(seq -w 1 30); do
    printf 'Số: %d/UBND\n%s\n%s.\n' $((10#$i)) "${phrases[$((10#$i % 6))]}" \
        "${phrases[$((10#$i * 5 % 6))]}" > "$in/văn bản $i.txt"
done
: > "$in/empty.txt"                        # bad inputs give error records
printf 'ok\n\xff\n' > "$in/latin1.txt"
find "$in" -type f | sort > "$scratch/list"
n=$(wc -l < "$scratch/list")

# ssh [OPTION]... HOST [--] COMMAND...: the options are skipped, the command
# runs in a shell, as sshd would run it.  sshd also sets SHELL to the login
# shell, and parallel's remote worker execs $SHELL: CI has none set.
cat > "$scratch/ssh" <<'EOF'
#!/bin/sh
while [ $# -gt 0 ]; do
    case $1 in
        -[lopiFJ]) shift 2 ;;
        -*) shift ;;
        *) break ;;
    esac
done
shift
[ "${1-}" = -- ] && shift
SHELL=/bin/sh exec sh -c "$*"
EOF
chmod +x "$scratch/ssh"

"$VANTHU" run --jsonl -j 1 < "$scratch/list" > "$scratch/plain.jsonl" 2> "$scratch/plain.err"
check "[ $(wc -l < "$scratch/plain.jsonl") -eq $n ]" "plain run: $(wc -l < "$scratch/plain.jsonl") records for $n inputs"

# Three paths a job, two hosts with one slot each, order kept.
under_parallel() {
    parallel --will-cite --pipe -N 3 -k --ssh "$scratch/ssh" -S 1/host-a -S 1/host-b \
        "$VANTHU" run --jsonl -j 1 < "$scratch/list" > "$1" 2> "$scratch/parallel.err"
}
under_parallel "$scratch/parallel.jsonl"
check "[ -s '$scratch/parallel.jsonl' ]" "parallel gave nothing: $(tail -3 "$scratch/parallel.err")"
check "python3 - '$scratch/parallel.jsonl' '$scratch/list' <<'EOF'
import collections, json, sys
records = [json.loads(line) for line in open(sys.argv[1])]
paths = open(sys.argv[2]).read().splitlines()
count = collections.Counter(r['source']['path'] for r in records)
assert sorted(count) == sorted(paths), 'inputs and records differ'
assert max(count.values()) == 1, 'an input has several records'
assert sum(r['status'] == 'error' for r in records) == 2, 'expected 2 error records'
EOF" "parallel: not exactly one record per input"
check "cmp -s '$scratch/plain.jsonl' '$scratch/parallel.jsonl'" "parallel and plain runs differ"
# The work really was spread: one job a chunk, on both hosts.
parallel --will-cite --pipe -N 3 --ssh "$scratch/ssh" -S 1/host-a -S 1/host-b \
    'echo $PARALLEL_SEQ $PARALLEL_SSHLOGIN' < "$scratch/list" > "$scratch/jobs"
check "[ $(wc -l < "$scratch/jobs") -eq $(( (n + 2) / 3 )) ]" "expected $(( (n + 2) / 3 )) jobs: $(cat "$scratch/jobs")"
check "grep -q host-a '$scratch/jobs' && grep -q host-b '$scratch/jobs'" "jobs did not run on both hosts"
# A retry of the whole run gives the same bytes.
under_parallel "$scratch/retry.jsonl"
check "cmp -s '$scratch/parallel.jsonl' '$scratch/retry.jsonl'" "retry differs"
check "! grep -a -q -E 'Sanitizer|runtime error:' '$scratch/plain.err' '$scratch/parallel.err'" \
    "a sanitizer reported: $(grep -a -h -m1 -E 'Sanitizer|runtime error:' "$scratch/plain.err" "$scratch/parallel.err")"
# Logs stay on stderr: every stdout line is a record.
check "python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' '$scratch/parallel.jsonl'" \
    "stdout holds something other than records"
finish
