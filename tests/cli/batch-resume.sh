#!/usr/bin/env bash
# A record is current only when the stages the run asks for are all done:
# a record stopped early (--stop-after) is redone by a plain run, and a
# run that stops at the same stage, or earlier, skips it.
. "$(dirname "$0")/lib.sh"

cd "$scratch" || exit 1
printf 'Số: 12/UBND-VP\nKính gửi: Sở Nội vụ\n' > a.txt
summary() { "$VANTHU" run -o out "$@" a.txt 2>&1 >/dev/null; }
summary --stop-after ingest > /dev/null
s=$(summary --stop-after ingest)
check "printf '%s' \"\$s\" | grep -q '1 skipped'" "same stop stage not skipped: $s"
s=$(summary)
check "printf '%s' \"\$s\" | grep -q '1 ok, 0 failed, 0 skipped'" "record stopped after ingest taken as done: $s"
check "python3 -c 'import json; assert \"parse\" in json.load(open(\"out/a.txt.json\"))[\"stages_done\"]'" \
    "the plain run did not finish the record"
s=$(summary)
check "printf '%s' \"\$s\" | grep -q '1 skipped'" "finished record not skipped: $s"
s=$(summary --stop-after restore)
check "printf '%s' \"\$s\" | grep -q '1 skipped'" "a run stopping earlier redid a finished record: $s"
finish
