#!/usr/bin/env bash
# Every character XML 1.0 forbids (C0 controls other than tab, LF and CR,
# U+FFFE, U+FFFF) is written as U+FFFD in every XML output: a record, an
# error record, one file per input with -o.
. "$(dirname "$0")/lib.sh"
command -v xmllint >/dev/null || { echo "xml-chars: SKIP (no xmllint)"; exit 77; }

printf 'Kính gửi: A\xef\xbf\xbeB \xef\xbf\xbfC \x01D \x1fE\n' > "$scratch/x.txt"
"$VANTHU" run -f xml "$scratch/x.txt" > "$scratch/x.xml"
check "xmllint --noout '$scratch/x.xml'" "record with U+FFFE/U+FFFF/controls is not well-formed XML"
check "grep -q 'A�B' '$scratch/x.xml'" "U+FFFE not written as U+FFFD"
bad=$(printf '%s/bad\xef\xbf\xbf\x02.txt' "$scratch")
: > "$bad"
"$VANTHU" run -f xml "$bad" > "$scratch/err.xml" 2>/dev/null
check "xmllint --noout '$scratch/err.xml'" "error record naming a forbidden character is not well-formed"
"$VANTHU" run -q -f xml -o "$scratch/out" "$scratch/x.txt" "$bad" 2>/dev/null
n=0
while IFS= read -r -d '' f; do
    n=$((n + 1))
    xmllint --noout "$f" 2>/dev/null || fail "$f is not well-formed XML"
done < <(find "$scratch/out" -name '*.xml' -print0)
check "[ $n -eq 2 ]" "expected 2 XML files under OUT, found $n"
finish
