#!/usr/bin/env bash
# A build's vanthu reads what its build made however it was started: by its
# path, through a symbolic link, or by its bare name found on PATH (as a
# job script under a cluster engine runs `vanthu`).
. "$(dirname "$0")/lib.sh"

cd "$scratch" || exit 1
printf 'Số: 12/UBND-VP\nKính gửi: Sở Nội vụ\n' > a.txt
mkdir bin
ln -s "$VANTHU" bin/vanthu
"$VANTHU" run a.txt > by-path.json
check "[ -s by-path.json ]" "the build's vanthu run by its path gave no record"
check "bin/vanthu run a.txt 2>&1 > link.json && cmp -s by-path.json link.json" \
    "run through a link: $(bin/vanthu run a.txt 2>&1 > /dev/null)"
check "PATH='$scratch/bin':\$PATH vanthu run a.txt 2>&1 > on-path.json && cmp -s by-path.json on-path.json" \
    "run by name from PATH: $(PATH="$scratch/bin:$PATH" vanthu run a.txt 2>&1 > /dev/null)"
finish
