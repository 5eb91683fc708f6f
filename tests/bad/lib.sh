# lib.sh — sourced by the tests of tests/bad/ after tests/cli/lib.sh: vt runs
# one command under a time limit and measures its peak memory.

# Under AddressSanitizer memory use means little (shadow memory, quarantine)
# and an address-space limit breaks it: those checks are left out there.
asan=false
ldd "$VANTHU" 2>/dev/null | grep -q libasan && asan=true

# vt NAME SECONDS COMMAND...: run with a time limit; rc and rss_mb (peak
# resident memory, when /usr/bin/time is there) tell what happened.
rss_mb=0
vt() {
    local name=$1 limit=$2
    shift 2
    checks=$((checks + 1))
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M -o "$scratch/rss" timeout -k 5 "$limit" "$@" > /dev/null \
            2> "$scratch/$name.err"
        rc=$?
        rss_mb=$(( $(tail -1 "$scratch/rss" | tr -cd 0-9) / 1024 ))
    else
        timeout -k 5 "$limit" "$@" > /dev/null 2> "$scratch/$name.err"
        rc=$?
    fi
    [ $rc -ne 124 ] || fail "$name: still running after $limit s"
    [ $rc -le 6 ] || [ $rc -eq 124 ] || fail "$name: crashed (exit $rc): $(tail -3 "$scratch/$name.err")"
    # a sanitizer's report may exit with a small code
    ! grep -a -q -E 'Sanitizer|runtime error:' "$scratch/$name.err" ||
        fail "$name: $(grep -a -m1 -E 'Sanitizer|runtime error:' "$scratch/$name.err")"
}
