#!/usr/bin/env bash
# Every kind of bad input gets a clear message naming the file and a
# documented non-zero exit code; none crashes or leaves output behind.
. "$(dirname "$0")/lib.sh"

pipe="$scratch/text.pipe"
printf 'ingest\nemit\n' > "$pipe"
: > "$scratch/empty.txt"
printf 'ok\n\xc3\x28 broken\n' > "$scratch/latin1.txt"
printf 'a\0b' > "$scratch/nul.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$scratch/cut.png"
printf 'II*\0\x08\0\0\0' > "$scratch/cut.tif"
# A colour PNG whole in length with a byte of its image data flipped: the
# chunk's CRC no longer matches (ingest skips zlib's own checksum).
python3 - "$scratch/flipped.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
rows = b"".join(b"\0" + bytes((x * 3 + y) % 256 for x in range(3 * 96)) for y in range(96))
idat = bytearray(zlib.compress(rows))
good = chunk(b"IDAT", bytes(idat))
idat[len(idat) // 2] ^= 0x10
bad = good[:8] + bytes(idat) + good[-4:]
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" +
    chunk(b"IHDR", struct.pack(">IIBBBBB", 96, 96, 8, 2, 0, 0, 0)) + bad + chunk(b"IEND", b""))
PY
head -c 3000 /dev/urandom > "$scratch/noise.bin"
mkdir "$scratch/folder.png"
touch "$scratch/unreadable.txt"; chmod 000 "$scratch/unreadable.txt"

expect_exit 2 "empty.txt: empty file" -- "$VANTHU" run -p "$pipe" "$scratch/empty.txt"
expect_exit 2 "latin1.txt: line 2: not valid UTF-8" -- "$VANTHU" run -p "$pipe" "$scratch/latin1.txt"
expect_exit 2 "nul.txt" -- "$VANTHU" run -p "$pipe" "$scratch/nul.txt"
expect_exit 2 "cut.png: png header is damaged" -- "$VANTHU" run -p "$pipe" "$scratch/cut.png"
expect_exit 2 "cut.tif" -- "$VANTHU" run -p "$pipe" "$scratch/cut.tif"
expect_exit 2 "flipped.png: png image is damaged" -- "$VANTHU" run -p "$pipe" "$scratch/flipped.png"
expect_exit 2 "noise.bin: not an image" -- "$VANTHU" run -p "$pipe" "$scratch/noise.bin"
expect_exit 2 "missing.png: No such file" -- "$VANTHU" run -p "$pipe" "$scratch/missing.png"
if [ "$(id -u)" != 0 ]; then
    expect_exit 2 "unreadable.txt: Permission denied" -- "$VANTHU" run -p "$pipe" "$scratch/unreadable.txt"
fi
# A directory given as an input is walked; an empty one is no input at all.
expect_exit 1 "no input files" -- "$VANTHU" run -p "$pipe" "$scratch/folder.png"

# Bad arguments: exit 1 with the reason.
expect_exit 1 "unknown command" -- "$VANTHU" frobnicate
expect_exit 1 "expected json, xml, text, alto, hocr, pdf or mets" -- "$VANTHU" run -f yaml -p "$pipe" "$scratch/empty.txt"
expect_exit 1 "expected 1 to 256" -- "$VANTHU" run -j 0 -p "$pipe" "$scratch/empty.txt"
printf 'ingest\nsharpen\n' > "$scratch/bad.pipe"
expect_exit 1 'bad.pipe:2: unknown stage "sharpen"' -- "$VANTHU" run -p "$scratch/bad.pipe" "$scratch/empty.txt"
expect_exit 1 "no such stage" -- "$VANTHU" run --stop-after sharpen "$scratch/empty.txt"

expect_exit 1 "stage ocr has no option \"colour\"" -- "$VANTHU" run --set ocr.colour=red "$scratch/empty.txt"
expect_exit 1 "expected STAGE.KEY=VALUE" -- "$VANTHU" run --set ocr "$scratch/empty.txt"

# -f text: the corrected text, inputs separated by a form feed, errors on
# stderr only.
printf 'một\n' > "$scratch/a.txt"; printf 'hai\n' > "$scratch/b.txt"
"$VANTHU" run -q -f text -p "$pipe" "$scratch/a.txt" "$scratch/empty.txt" "$scratch/b.txt" \
    > "$scratch/texts" 2>/dev/null
check "[ \"\$(cat '$scratch/texts')\" = \"\$(printf 'một\n\fhai')\" ]" "-f text output: $(od -c "$scratch/texts" | head -3)"

# An error record goes where the record would have gone, complete.
printf 'Kính gửi: các đơn vị\n' > "$scratch/good.txt"
out="$scratch/out"
expect_exit 6 "empty.txt: empty file" -- "$VANTHU" run -q -p "$pipe" -o "$out" "$scratch/good.txt" "$scratch/empty.txt"
check "grep -q '\"status\": \"error\"' '$out$scratch/empty.txt.json'" "no error record for empty.txt"
check "grep -q '\"status\": \"ok\"' '$out$scratch/good.txt.json'" "no record for good.txt"
check "[ -z \"\$(find '$out' -name '.*tmp*')\" ]" "temporary files left in OUT"

# An unwritable OUT is an output error (exit 4), and says so.
if [ "$(id -u)" != 0 ]; then
    mkdir "$scratch/ro"; chmod 555 "$scratch/ro"
    expect_exit 4 "ro" -- "$VANTHU" run -p "$pipe" -o "$scratch/ro" "$scratch/good.txt"
fi
expect_exit 4 "Not a directory" -- "$VANTHU" run -p "$pipe" -o "$scratch/good.txt/x" "$scratch/good.txt"
# A full disk: /dev/full refuses every write.
expect_exit 4 "standard output" -- sh -c "'$VANTHU' run -p '$pipe' '$scratch/good.txt' > /dev/full"

# Help and version for every command.
for cmd in run ocr restore parse train stages; do
    checks=$((checks + 1))
    "$VANTHU" "$cmd" --help | grep -q "usage: vanthu $cmd" || fail "$cmd --help"
done
checks=$((checks + 1))
"$VANTHU" --version | grep -q '^vanthu [0-9]' || fail "--version"
finish
