#!/usr/bin/env bash
# Walk hygiene: a directory walk takes the kinds vanthu reads (by content)
# and leaves out vanthu's own records (JSON or XML), *.meta.json files and job logs, and takes --include / --exclude;
# records mirror the tree under the directory named (OUT/x, not OUT/DIR/x);
# -T/--files-from reads the inputs from a file; -l is -s ocr.lang=; -V and
# --version answer after every command.
. "$(dirname "$0")/lib.sh"

in="$scratch/in"
mkdir -p "$in/sub" "$scratch/old"
printf 'Kính gửi: Sở Nội vụ\n' > "$in/a.txt"
printf 'Kính gửi: Sở Tài chính\n' > "$in/sub/b.txt"
printf '# Ghi chú\n' > "$in/notes.md"
printf '{"title": "Công văn"}\n' > "$in/a.meta.json"
# a record of each format and a job log, as an earlier run leaves them
"$VANTHU" run -q -o "$scratch/old" "$in/a.txt" || fail "first run: exit $?"
"$VANTHU" run -q -f xml -o "$scratch/old" "$in/a.txt" || fail "xml run: exit $?"
cp "$(find "$scratch/old" -name a.txt.json)" "$in/sub/a.txt.json"
cp "$(find "$scratch/old" -name a.txt.xml)" "$in/sub/a.txt.xml"
cp "$scratch/old/vanthu-job.jsonl" "$in/"
printf '{"vanthu": "not a record"}\n' > "$in/other.json"   # JSON of someone else's
printf 'PK\3\4\0\0\1\2' > "$in/archive.zip"             # no kind vanthu reads

# inputs NAME...: the file names that got a record in OUT, sorted.
inputs() {
    find "$1" -name '*.json' ! -name vanthu-job.jsonl -printf '%f\n' | sed 's/\.json$//' | sort |
        tr '\n' ' '
}

"$VANTHU" run -q -o "$scratch/out1" "$in" || fail "walk: exit $?"
check "[ '$(inputs "$scratch/out1")' = 'a.txt b.txt notes.md other.json ' ]" \
    "walk took: $(inputs "$scratch/out1")"

# Records mirror the tree under the directory named, as rsync copies DIR/.
check "[ -f '$scratch/out1/a.txt.json' ] && [ -f '$scratch/out1/sub/b.txt.json' ]" \
    "records not under OUT as under the directory: $(cd "$scratch/out1" && find . -name '*.json')"
(cd "$in/sub" && "$VANTHU" run -q -o "$scratch/out1b" .) || fail "walk of .: exit $?"
"$VANTHU" run -q -o "$scratch/out1c" "$in/" || fail "walk of DIR/: exit $?"
check "[ -f '$scratch/out1b/b.txt.json' ] && [ -f '$scratch/out1c/sub/b.txt.json' ]" \
    "walks of . and DIR/: $(cd "$scratch" && find out1b out1c -name '*.json')"

"$VANTHU" run -q -o "$scratch/out2" --exclude '*.md' --exclude 'other.*' "$in" ||
    fail "--exclude: exit $?"
check "[ '$(inputs "$scratch/out2")' = 'a.txt b.txt ' ]" "--exclude took: $(inputs "$scratch/out2")"

"$VANTHU" run -q -o "$scratch/out3" --include '*.txt' --include '*.md' --exclude 'b.*' "$in" ||
    fail "--include: exit $?"
check "[ '$(inputs "$scratch/out3")' = 'a.txt notes.md ' ]" "--include took: $(inputs "$scratch/out3")"

# A file named on the command line is always taken, whatever its name.
"$VANTHU" run -q -o "$scratch/out4" --exclude '*.txt' "$in/a.txt" || fail "named: exit $?"
check "[ '$(inputs "$scratch/out4")' = 'a.txt ' ]" "a named file was filtered out"

# -T FILE and --files-from -: paths one per line, blank lines ignored.
printf '%s\n\n%s\n' "$in/a.txt" "$in/sub/b.txt" > "$scratch/list"
"$VANTHU" run -q -o "$scratch/out5" -T "$scratch/list" || fail "-T: exit $?"
check "[ '$(inputs "$scratch/out5")' = 'a.txt b.txt ' ]" "-T took: $(inputs "$scratch/out5")"
"$VANTHU" run -q -o "$scratch/out6" --files-from - < "$scratch/list" || fail "--files-from -: exit $?"
check "[ '$(inputs "$scratch/out6")' = 'a.txt b.txt ' ]" "--files-from - took: $(inputs "$scratch/out6")"
expect_exit 2 "nonexistent" -- "$VANTHU" run -q -o "$scratch/out7" -T "$scratch/nonexistent"

# -l LANG is -s ocr.lang=LANG: the same pipeline digest.
page="$VANTHU_SOURCE_ROOT/samples/quyet-dinh.png"
digest() { "$VANTHU" run --stop-after ingest "$@" "$page" | python3 -c \
    'import json, sys; print(json.load(sys.stdin)["provenance"]["pipeline_digest"])'; }
check "[ '$(digest -l eng)' = '$(digest -s ocr.lang=eng)' ]" "-l eng differs from -s ocr.lang=eng"
check "[ '$(digest --lang eng)' != '$(digest)' ]" "--lang eng changed nothing"
expect_exit 1 "needs a language" -- "$VANTHU" run -l '' "$in/a.txt"

for cmd in "" run ocr restore parse train stages diff; do
    for flag in -V --version; do
        v=$("$VANTHU" $cmd $flag 2>&1)
        checks=$((checks + 1))
        case $v in "vanthu "[0-9]*) ;; *) fail "vanthu $cmd $flag: $v" ;; esac
    done
done
finish
