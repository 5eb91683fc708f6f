#!/usr/bin/env bash
# A bad option value, pipeline or model is a configuration error: found
# once before any input is read for its record, exit 1 (usage) or 3
# (missing model), and OUT left byte for byte as it was.
. "$(dirname "$0")/lib.sh"

printf 'Số: 12/UBND-VP\nKính gửi: Sở Nội vụ\n' > "$scratch/a.txt"
printf 'Kính gửi: Sở Tài chính\n' > "$scratch/b.txt"
out="$scratch/out"
"$VANTHU" run -q -o "$out" "$scratch/a.txt" "$scratch/b.txt"
snapshot() { (cd "$out" && find . -type f -print0 | sort -z | xargs -0 md5sum); }
before=$(snapshot)

expect_exit 1 "style=old is not allowed" -- \
    "$VANTHU" run -q -o "$out" -s restore.style=old "$scratch/a.txt" "$scratch/b.txt"
expect_exit 3 "/nonexistent: cannot open restore model" -- \
    "$VANTHU" run -q -o "$out" -s restore.model=/nonexistent "$scratch/a.txt" "$scratch/b.txt"
expect_exit 1 "nonexistent.pipe" -- \
    "$VANTHU" run -q -o "$out" -p "$scratch/nonexistent.pipe" "$scratch/a.txt" "$scratch/b.txt"
printf 'ingest\nrestore model=/nonexistent\nemit\n' > "$scratch/nomodel.pipe"
expect_exit 3 "cannot open restore model" -- \
    "$VANTHU" run -q -o "$out" -p "$scratch/nomodel.pipe" "$scratch/a.txt"
check "[ \"\$(snapshot)\" = \"\$before\" ]" "a configuration error changed OUT"

# Nothing written on standard output either, and no OUT made.
lines=$(printf '%s\n' "$scratch/a.txt" "$scratch/b.txt" |
        "$VANTHU" run --jsonl -s restore.model=/nonexistent 2>/dev/null | wc -l)
check "[ $lines -eq 0 ]" "--jsonl wrote $lines error records for a configuration error"
"$VANTHU" run -q -o "$scratch/new" -s restore.model=/nonexistent "$scratch/a.txt" 2>/dev/null
check "[ ! -e '$scratch/new' ]" "a configuration error left a new OUT"
finish
