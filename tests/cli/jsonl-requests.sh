#!/usr/bin/env bash
# --jsonl answers every request line with one line, in order: an empty
# line or a malformed request gets an error record saying so ("bad
# request", not a file that does not exist), and the other lines their
# records.
. "$(dirname "$0")/lib.sh"

cd "$scratch" || exit 1
printf 'Kính gửi: Sở Nội vụ\n' > a.txt
printf 'Kính gửi: Sở Tài chính\n' > b.txt
printf 'a.txt\n\n{"path": "b.txt"}\n{bad json\n{"file": "a.txt"}\nb.txt\n' > requests
"$VANTHU" run --jsonl -j 2 < requests > records 2> err
rc=$?
check "[ $rc -eq 6 ]" "exit $rc, expected 6"
check "[ \$(wc -l < records) -eq 6 ]" "6 request lines gave $(wc -l < records) lines"
check "python3 -c '
import json, sys
r = [json.loads(l) for l in open(\"records\")]
assert [x[\"status\"] for x in r] == [\"ok\", \"error\", \"ok\", \"error\", \"error\", \"ok\"], r
assert \"line 2: empty line\" in r[1][\"error\"][\"message\"]
assert \"line 4: bad request\" in r[3][\"error\"][\"message\"]
assert \"line 5: bad request\" in r[4][\"error\"][\"message\"]
'" "records out of order or errors not explained: $(cut -c1-160 records)"
check "! grep -q 'No such file' err" "a malformed request reported as a missing file: $(cat err)"
finish
