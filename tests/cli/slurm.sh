#!/usr/bin/env bash
# README's Slurm job array (doc/slurm-array.sh) on a real one-node cluster
# that this test starts and stops: munged, slurmctld and slurmd with their
# key, sockets, state, spool and logs under the scratch directory and ports
# that were free, so nothing of the machine's own Slurm or munge is used.
# Four array tasks over lists of sample scans and texts write the records a
# local run writes, byte for byte; a task whose vanthu is killed (SIGKILL)
# and which is then requeued loses nothing and leaves no temporary file.
. "$(dirname "$0")/lib.sh"
src=${VANTHU_SOURCE_ROOT:?}
PATH=$PATH:/usr/sbin:/sbin

skip() {
    echo "SKIP: $*"
    exit 77
}
for tool in munged munge unmunge slurmctld slurmd sbatch squeue scontrol sinfo; do
    command -v "$tool" > /dev/null || skip "$tool is not installed (Debian: slurm-wlm, munge)"
done
[ "$(id -u)" -eq 0 ] || skip "slurmd must run as root to start jobs"

# --- the cluster ---------------------------------------------------------------
cluster=$scratch/cluster
mkdir -m 700 "$cluster" "$cluster/munge" "$cluster/state" "$cluster/spool" "$cluster/log"
export SLURM_CONF=$cluster/slurm.conf
socket=$cluster/munge/socket
# Every daemon and job of this cluster carries this variable, so that the
# cleanup finds each process the cluster started, wherever it was forked.
mark="VT_SLURM_CLUSTER=$cluster"
pids=()

# Whether the process /proc/PID carries the mark (read without a process
# forked for each of the machine's processes).
has_mark() {
    local var
    while IFS= read -r -d '' var; do
        [ "$var" = "$mark" ] && return 0
    done 2> /dev/null < "$1/environ"
    return 1
}
daemon_left() {
    local pid
    for pid in "${pids[@]}"; do
        kill -0 "$pid" 2> /dev/null && return 0
    done
    return 1
}
# Stop the jobs, then the daemons, then whatever of theirs is still there.
stop_cluster() {
    local pid p
    [ -e "$SLURM_CONF" ] && timeout 5 scancel --quiet --user=root 2> /dev/null
    for ((p = ${#pids[@]} - 1; p >= 0; p--)); do
        kill -TERM "${pids[p]}" 2> /dev/null
    done
    for _ in $(seq 50); do
        daemon_left || break
        sleep 0.1
    done
    for _ in 1 2; do
        for p in /proc/[0-9]*; do
            has_mark "$p" && kill -KILL "${p#/proc/}" 2> /dev/null
        done
    done
    wait 2> /dev/null
}
trap 'stop_cluster; rm -rf "$scratch"' EXIT
trap 'exit 1' INT TERM HUP

# A port nothing listens on now, asked of the kernel.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
ctld_port=$(free_port)
slurmd_port=$(free_port)
while [ "$slurmd_port" = "$ctld_port" ]; do slurmd_port=$(free_port); done

# wait_for SECONDS COMMAND...: until COMMAND succeeds; false when time runs out.
wait_for() {
    local end=$((SECONDS + $1))
    shift
    until "$@"; do
        [ $SECONDS -lt $end ] || return 1
        sleep 0.2
    done
}

# Skip, showing why, when a daemon does not come up.
not_up() {
    echo "--- $1 log:"
    tail -n 15 "$2" 2> /dev/null
    skip "$1 did not start (log above)"
}

head -c 1024 /dev/urandom > "$cluster/munge/key"
chmod 400 "$cluster/munge/key"
env "$mark" munged --foreground --force --key-file="$cluster/munge/key" --socket="$socket" \
    --pid-file="$cluster/munge/pid" --seed-file="$cluster/munge/seed" \
    --log-file="$cluster/log/munged.log" > /dev/null 2>&1 &
pids+=($!)
munge_works() { munge -n -S "$socket" 2> /dev/null | unmunge -S "$socket" > /dev/null 2>&1; }
wait_for 30 munge_works || not_up munged "$cluster/log/munged.log"

node=vtnode
: > "$cluster/plugstack.conf"
cat > "$SLURM_CONF" <<EOF
ClusterName=vanthu-test
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$cluster/state
SlurmdSpoolDir=$cluster/spool
SlurmctldPidFile=$cluster/slurmctld.pid
SlurmdPidFile=$cluster/slurmd.pid
SlurmctldLogFile=$cluster/log/slurmctld.log
SlurmdLogFile=$cluster/log/slurmd.log
PlugStackConfig=$cluster/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
SlurmdParameters=config_overrides
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
KillWait=2
MinJobAge=600
NodeName=$node NodeAddr=127.0.0.1 NodeHostname=$(hostname -s) CPUs=2 State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF

env "$mark" slurmctld -D -i > "$cluster/log/slurmctld.out" 2>&1 &
pids+=($!)
ctld_up() { scontrol ping 2> /dev/null | grep -q 'is UP'; }
wait_for 60 ctld_up || not_up slurmctld "$cluster/log/slurmctld.log"
env "$mark" slurmd -D -N "$node" > "$cluster/log/slurmd.out" 2>&1 &
pids+=($!)
node_idle() { [ "$(sinfo -h -n "$node" -o %T 2> /dev/null)" = idle ]; }
wait_for 60 node_idle || not_up slurmd "$cluster/log/slurmd.log"

# --- the inputs ----------------------------------------------------------------
in=$scratch/in
mkdir "$in"
printf 'Số: 41/UBND-VP\nV/v tổng hợp báo cáo quý\nKính gửi: Các phòng chuyên môn\n' > "$in/bao-cao.txt"
printf 'Số: 7/TB-UBND\nthong bao lich tiep cong dan thang nay\nNoi nhan: Nhu tren\n' > "$in/lich.txt"
printf 'Số: 58/GM-VP\nKính gửi: Sở Tài chính\nmoi du hop giao ban\n' > "$in/giay-moi.txt"
: > "$in/empty.txt"                        # a bad input gives an error record
work=$scratch/work
mkdir -p "$work/lists"
printf '%s\n' "$src/samples/quyet-dinh.png" "$src/samples/src/cong-van.txt" > "$work/lists/part-0.txt"
printf '%s\n' "$src/samples/src/ke-hoach.txt" "$src/samples/src/quyet-dinh.txt" "$in/empty.txt" \
    > "$work/lists/part-1.txt"
printf '%s\n' "$src/samples/src/thong-bao.txt" "$in/bao-cao.txt" > "$work/lists/part-2.txt"
# The task to kill: a quick text, then a scan long enough to be killed in.
killed_first=$in/lich.txt
killed_scan=$src/samples/cong-van.tif
printf '%s\n' "$killed_first" "$killed_scan" "$in/giay-moi.txt" > "$work/lists/part-3.txt"
cat "$work"/lists/part-*.txt > "$scratch/all.txt"

"$VANTHU" run -j 2 -o "$scratch/local" -T "$scratch/all.txt" 2> "$scratch/local.err"
check "[ $? -eq 6 ]" "the local run did not exit 6 (one bad input): $(tail -3 "$scratch/local.err")"

# --- the job array -------------------------------------------------------------
script=$src/doc/slurm-array.sh
check "python3 - '$src/README.md' '$script' <<'EOF'
import sys
readme = open(sys.argv[1], encoding='utf-8').read()
block = ''.join('    ' + l if l.strip() else l for l in open(sys.argv[2], encoding='utf-8'))
assert block in readme
EOF" "README.md does not show doc/slurm-array.sh as it is"
mkdir "$scratch/bin"
ln -s "$VANTHU" "$scratch/bin/vanthu"
cd "$work" || exit 1
# The script's own #SBATCH lines, but four tasks of one CPU each: two run at
# once into one OUT on this two-CPU node.
job=$(env "$mark" PATH="$scratch/bin:$PATH" sbatch --parsable --array=0-3 --cpus-per-task=1 "$script")
check "[[ '$job' =~ ^[0-9]+$ ]]" "sbatch gave no job id: $job"

# The state of array task N, as scontrol reports it.
task_state() { scontrol -o show job "${job}_$1" 2> /dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2; }
# The vanthu of array task N, found by its job's environment: this
# cluster's mark too, for another cluster on the machine (a second test
# run at the same time) numbers its jobs and tasks alike.
task_vanthu() {
    local p comm
    for p in /proc/[0-9]*; do
        read -r comm 2> /dev/null < "$p/comm" && [ "$comm" = vanthu ] || continue
        has_mark "$p" || continue
        grep -qxzF "SLURM_ARRAY_JOB_ID=$job" "$p/environ" 2> /dev/null || continue
        grep -qxzF "SLURM_ARRAY_TASK_ID=$1" "$p/environ" 2> /dev/null || continue
        echo "${p#/proc/}"
        return
    done
    return 1
}
record_of() { echo "$work/records$1.json"; }
first_done() { [ -s "$(record_of "$killed_first")" ] && task_vanthu 3 > /dev/null; }
wait_for 600 first_done
victim=$(task_vanthu 3)
if [ -z "$victim" ]; then
    fail "array task 3 never ran its first input: $(squeue 2>&1; tail -n 3 "$work"/slurm-*.out)"
    finish
    exit
fi
kill -KILL "$victim"
check "[ ! -e '$(record_of "$killed_scan")' ]" "the scan was done before the kill: nothing was cut short"
task_failed() { [ "$(task_state 3)" = FAILED ]; }
wait_for 30 task_failed
check "[ '$(task_state 3)' = FAILED ]" "task 3 after its vanthu was killed: $(task_state 3)"
# A SIGKILL while a record is being written leaves its temporary file; the
# write is too short to aim a kill at, so the file such a kill leaves is
# put where the killed process was writing.
printf '{"vanthu_record": "2.1", "sta' > "$(dirname "$(record_of "$killed_scan")")/.cong-van.tif.json.tmp-$victim"

requeue=$(scontrol requeue "${job}_3" 2>&1)
check "[ $? -eq 0 ]" "scontrol requeue: $requeue"
# Slurm holds a requeued job back, with a begin time minutes ahead: the
# test lets it start at once, as an operator would.
scontrol update JobId="${job}_3" StartTime=now 2> /dev/null
array_done() { [ -z "$(squeue -h -j "$job" 2> /dev/null)" ]; }
wait_for 600 array_done
check "array_done" "the array did not finish: $(squeue -j "$job" 2>&1)"

# --- what the cluster wrote ----------------------------------------------------
for t in 0 1 2 3; do
    want=COMPLETED
    [ $t -eq 1 ] && want=FAILED            # exit 6: one of its inputs was bad
    check "[ '$(task_state $t)' = $want ]" "array task $t: $(task_state $t), expected $want"
done
check "scontrol -o show job '${job}_3' | grep -q 'Restarts=1'" "task 3 was not restarted once"
check "grep -q '3 inputs: 2 ok, 0 failed, 1 skipped' '$work/slurm-${job}_3.out'" \
    "the requeued task did not skip the record it had written: $(cat "$work/slurm-${job}_3.out")"
# Records: the same files, byte for byte.  The job logs (one a task, beside
# Slurm's output files) differ from the local run's in what they must: the
# seconds each input took, and lines for what a re-run skipped.
diff -r -x vanthu-job.jsonl "$scratch/local" "$work/records" > "$scratch/diff" 2>&1
check "[ $? -eq 0 ]" "records differ from a local run: $(head -5 "$scratch/diff")"
check "[ -z \"\$(find '$work/records' -name '.*.tmp-*')\" ]" \
    "temporary files left: $(find "$work/records" -name '.*.tmp-*')"
check "[ ! -e '$work/records/vanthu-job.jsonl' ] && [ \$(ls '$work'/vanthu-job-${job}_*.jsonl | wc -l) -eq 4 ]" \
    "not one job log a task: $(ls "$work" "$work/records")"
check "python3 - '$scratch/local/vanthu-job.jsonl' '$work'/vanthu-job-${job}_*.jsonl <<'EOF'
import json, sys
def outcomes(paths):
    done = {}
    for path in paths:
        for line in open(path, encoding='utf-8'):
            entry = json.loads(line)
            if entry['status'] != 'skipped':
                assert entry['input'] not in done, entry['input'] + ' done twice'
                done[entry['input']] = entry['status']
    return done
local, cluster = outcomes(sys.argv[1:2]), outcomes(sys.argv[2:])
assert local == cluster, (local, cluster)
assert len(local) == 10
EOF" "the job logs disagree on what was done"
finish
