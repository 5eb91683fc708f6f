#!/usr/bin/env bash
# Records written with -f xml resume as JSON ones do: a rerun into the
# same OUT skips an XML record that is current (every stage asked for
# done, same input bytes, pipeline, options, model and version) and redoes
# one that is not: stopped early, other bytes or options, an error record,
# a file cut short.
. "$(dirname "$0")/lib.sh"

cd "$scratch" || exit 1
printf 'Số: 12/UBND-VP\nKính gửi: Sở Nội vụ\n' > a.txt
: > empty.txt
summary() { "$VANTHU" run -f xml -o out "$@" 2>&1 >/dev/null; }
expect() { # expect PATTERN WHY -- ARGS...
    local pattern=$1 why=$2
    shift 3
    local s
    s=$(summary "$@")
    check "printf '%s' \"\$s\" | grep -q '$pattern'" "$why: $s"
}

expect '1 ok, 0 failed, 0 skipped' 'first run' -- a.txt
check "head -2 out/a.txt.xml | grep -q 'urn:vanthu:record'" "not an XML record: $(head -c 200 out/a.txt.xml)"
cp out/a.txt.xml first.xml
expect '0 ok, 0 failed, 1 skipped; .* 1 need review' 'current XML record not skipped, or its review reasons lost' -- a.txt
check "cmp -s first.xml out/a.txt.xml" "a skipped record was rewritten"
expect '1 ok, 0 failed, 0 skipped' 'other options, record not redone' -- -s restore.review-below=0.5 a.txt
expect '1 skipped' 'same options again, not skipped' -- -s restore.review-below=0.5 a.txt
expect '1 ok, 0 failed, 0 skipped' 'back to the defaults, not redone' -- a.txt
printf 'Số: 13/UBND-VP\nKính gửi: Sở Nội vụ\n' > a.txt
expect '1 ok, 0 failed, 0 skipped' 'other input bytes, record not redone' -- a.txt
expect '1 skipped' 'not skipped after the redo' -- a.txt

# Stopped early: redone by a plain run, skipped by one stopping there.
expect '1 ok' 'stop after ingest' -- --force --stop-after ingest a.txt
expect '1 skipped' 'same stop stage not skipped' -- --stop-after ingest a.txt
expect '1 ok, 0 failed, 0 skipped' 'a record stopped after ingest taken as done' -- a.txt
check "grep -q '<stage>parse</stage>' out/a.txt.xml" "the plain run did not finish the record"
expect '1 skipped' 'a run stopping earlier redid a finished record' -- --stop-after restore a.txt

# Never current: an error record, a record cut short.
expect '1 failed' 'empty input' -- empty.txt
expect '1 failed, 0 skipped' 'an error record taken as current' -- empty.txt
head -c 400 out/a.txt.xml > cut.xml && mv cut.xml out/a.txt.xml
expect '1 ok, 0 failed, 0 skipped' 'a record cut short taken as current' -- a.txt
finish
