#!/usr/bin/env bash
# Stage options: declared once in each stage's table, checked by the
# pipeline, listed by `vanthu stages`; the --help texts and the manual's
# list of stage options agree with the table.
#
#   options.sh --man   prints the manual's STAGE OPTIONS section from the
#                      table (paste it into doc/vanthu.1 after a change).
. "$(dirname "$0")/lib.sh"

# The roff of the STAGE OPTIONS section, made from `vanthu stages`.
man_section() {
    "$VANTHU" stages | awk '
        function roff(s) { gsub(/-/, "\\-", s); return s }
        { match($0, /^ */); indent = RLENGTH }
        indent == 0 { print ".SS " $1; next }
        indent >= 30 { sub(/^ +/, ""); print roff($0); next }
        {
            key = $1; rest = $0; sub(/^ +[^ ]+ +/, "", rest)
            n = index(rest, "  default ")
            if (n) { allowed = substr(rest, 1, n - 1); sub(/ +$/, "", allowed)
                     def = ", default " substr(rest, n + 10) }
            else { allowed = rest; def = "" }
            print ".TP"; print ".BR " roff(key) " \" " roff(allowed def) "\""
        }'
}
if [ "${1:-}" = --man ]; then man_section; exit 0; fi

# The default of STAGE's option KEY, as `vanthu stages` lists it.
stage_default() {
    "$VANTHU" stages | awk -v stage="$1" -v key="$2" '
        /^[^ ]/ { cur = $1 }
        cur == stage && $1 == key { n = index($0, " default "); print substr($0, n + 9) }'
}

pipe="$scratch/p.pipe"
printf 'a few words\n' > "$scratch/in.txt"

# A bad value in a pipeline file: file, line, stage, key, value and what
# the option allows.
printf 'ingest\nocr psm=99\nemit\n' > "$pipe"
expect_exit 1 "p.pipe:2: stage ocr: option psm=99 is not allowed (expected int 3..13)" -- \
    "$VANTHU" run -p "$pipe" "$scratch/in.txt"
printf 'ingest max-pages=lots\nemit\n' > "$pipe"
expect_exit 1 "p.pipe:1: stage ingest: option max-pages=lots is not allowed (expected int 1..100000)" -- \
    "$VANTHU" run -p "$pipe" "$scratch/in.txt"
printf 'ingest\nemit pretty=maybe\n' > "$pipe"
expect_exit 1 "p.pipe:2: stage emit: option pretty=maybe is not allowed (expected yes|no)" -- \
    "$VANTHU" run -p "$pipe" "$scratch/in.txt"
printf 'ingest\nrestore style=modern\nemit\n' > "$pipe"
expect_exit 1 "stage restore: option style=modern is not allowed (expected auto|traditional|reformed)" -- \
    "$VANTHU" run -p "$pipe" "$scratch/in.txt"
printf 'ingest\nrestore review-below=nan\nemit\n' > "$pipe"
expect_exit 1 "option review-below=nan is not allowed (expected double 0..1)" -- \
    "$VANTHU" run -p "$pipe" "$scratch/in.txt"
printf 'ingest\nparse lexicon=\nemit\n' > "$pipe"
expect_exit 1 "option lexicon= is not allowed (expected a non-empty path)" -- \
    "$VANTHU" run -p "$pipe" "$scratch/in.txt"
# An unknown key names the keys there are.
printf 'ingest\nemit colour=red\n' > "$pipe"
expect_exit 1 'p.pipe:2: stage emit has no option "colour" (options: format, pretty, words)' -- \
    "$VANTHU" run -p "$pipe" "$scratch/in.txt"

# The same checks on the command line, before any input is read.
expect_exit 1 "option review-below=1.5 is not allowed (expected double 0..1)" -- \
    "$VANTHU" run --set restore.review-below=1.5 "$scratch/in.txt"
expect_exit 1 "option threads=0 is not allowed (expected int 1..64)" -- \
    "$VANTHU" run --set ocr.threads=0 "$scratch/in.txt"
expect_exit 1 'no stage "sharpen"' -- "$VANTHU" run --set sharpen.radius=2 "$scratch/in.txt"
expect_exit 1 "option style=modern is not allowed" -- "$VANTHU" restore -s modern "$scratch/in.txt"
expect_exit 1 "option review-below=2 is not allowed" -- "$VANTHU" restore -r 2 "$scratch/in.txt"

# A good value passes.
printf 'ingest max-pages=5\nemit pretty=no words=no\n' > "$pipe"
check "'$VANTHU' run -q -p '$pipe' '$scratch/in.txt' | grep -q '^{\"'" "good options refused"

# `vanthu stages`: every option with its type, range or choices, default
# and one line of help.
"$VANTHU" stages > "$scratch/stages"
check "grep -Eq '^ +psm +int 3\.\.13 +default 3$' '$scratch/stages'" "stages: psm lacks type/default"
check "grep -Eq '^ +style +auto\|traditional\|reformed +default auto$' '$scratch/stages'" \
      "stages: style lacks choices/default"
check "grep -Eq '^ +review-below +double 0\.\.1 +default 0\.6$' '$scratch/stages'" \
      "stages: review-below lacks range/default"
check "grep -Eq '^ +tessdata +path$' '$scratch/stages'" "stages: tessdata lacks its type"
check "! grep -q '=\.\.\.' '$scratch/stages'" "stages still prints key=..."
check "[ \$(grep -Ec '^ {30}[^ ]' '$scratch/stages') -eq \$(grep -Ec '^ {14}[^ ]' '$scratch/stages') ]" \
      "stages: an option without its help line"

# --help texts that repeat a default say the table's.
check "'$VANTHU' ocr --help | grep -q '(default $(stage_default ocr lang))'" "ocr --help: lang default"
check "'$VANTHU' restore --help | grep -q '(default $(stage_default restore review-below))'" \
      "restore --help: review-below default"
check "'$VANTHU' restore --help | grep -q '$(stage_default restore style) (the'" \
      "restore --help: style default"
check "'$VANTHU' run --help | grep -q 'record format (default $(stage_default emit format))'" \
      "run --help: format default"
check "'$VANTHU' parse --help | grep -q 'record format (default $(stage_default emit format))'" \
      "parse --help: format default"

# The manual lists the same options.
man="${VANTHU_SOURCE_ROOT:?}/doc/vanthu.1"
sed -n '/^\.SH STAGE OPTIONS/,/^\.SH /p' "$man" | sed '1,/^\.SS /{/^\.SS /!d}' | sed '$d' \
    > "$scratch/man"
man_section > "$scratch/table"
check "diff -u '$scratch/table' '$scratch/man' >&2" \
      "doc/vanthu.1 STAGE OPTIONS differs from the table (tests/cli/options.sh --man prints it)"

finish
