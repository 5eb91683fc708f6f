#!/usr/bin/env bash
# A directory tree thousands of levels deep is walked in about the time
# its entries take (fts(3): no stack frame and no whole-path lookup per
# level; it crashed the walk's stack, after half a minute, at 2,000
# levels): every input at every depth gets its record, a link back up the
# tree is not followed round, and a file too deep for its record's path
# is an error of its own while the batch goes on.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/lib.sh"

cd "$scratch" || exit 1
printf 'ingest\nemit words=no\n' > lite.pipe   # no OCR, no model: the walk alone
# tree DIR LEVELS: DIR/top.txt and LEVELS nested directories "d", with
# x.txt and a link to its parent at the bottom.
# (Each directory is made from its parent: a shell's cd checks the whole
# path every time.)
tree() {
    python3 - "$1" "$2" <<'PY'
import os, sys
top, levels = sys.argv[1], int(sys.argv[2])
os.mkdir(top)
open(os.path.join(top, "top.txt"), "w").write("Kính gửi\n")
os.chdir(top)
for _ in range(levels):
    os.mkdir("d")
    os.chdir("d")
open("x.txt", "w").write("Kính gửi\n")
os.symlink("..", "up")
PY
}
tree deep 2000
start=$(date +%s.%N)
vt deep 60 "$VANTHU" run -q -p lite.pipe -o out deep
took=$(echo "$(date +%s.%N) - $start" | bc)
echo "2,000 levels, a fresh OUT: $took s (exit $rc)"
check "[ $rc -eq 0 ]" "2,000 levels: exit $rc: $(tail -2 deep.err)"
check "[ -f out/top.txt.json ] && [ \$(find out -name x.txt.json | wc -l) -eq 1 ]" \
    "2,000 levels: records $(find out -name '*.json' | wc -l), expected top.txt and x.txt"
check "[ \$(grep -c '\"status\":\"ok\"' out/vanthu-job.jsonl) -eq 2 ]" \
    "2,000 levels: the link back up was walked round: $(wc -l < out/vanthu-job.jsonl) inputs"
# Named again, every record is current: the walk and the checks alone.
start=$(date +%s.%N)
vt again 60 "$VANTHU" run -q -p lite.pipe -o out deep
took=$(echo "$(date +%s.%N) - $start" | bc)
echo "2,000 levels, every record current: $took s"
check "[ $rc -eq 0 ] && [ \$(grep -c '\"status\":\"skipped\"' out/vanthu-job.jsonl) -eq 2 ]" \
    "2,000 levels again: exit $rc, not both skipped"

# Deeper than a record's path may go: that input's error, the rest done.
tree deeper 2100
vt deeper 60 "$VANTHU" run -q -p lite.pipe -o out2 deeper
check "[ $rc -eq 6 ] && [ -f out2/top.txt.json ]" "2,100 levels: exit $rc, top.txt's record $(ls out2)"
check "grep -q 'over the [0-9]* a path may have' out2/vanthu-job.jsonl" \
    "2,100 levels: no error for the input too deep: $(cut -c1-200 out2/vanthu-job.jsonl)"
finish
