#!/usr/bin/env bash
# low-dpi-title.sh — a header read at 150 dpi (tests/image/low-dpi-title.txt,
# rendered by vt-mksample): the trích yếu's first line, as wide as the page
# and centred under the header, is one line of the body, not cut at a word
# space into the header's columns, so the subject is read whole.
#
# Environment (tests/meson.build): VANTHU, MKSAMPLE, SRC.
. "$(dirname "$0")/../cli/lib.sh"
"$MKSAMPLE" --seed 7 --dpi 150 "$SRC/low-dpi-title.txt" "$scratch/page.png" > /dev/null ||
    { echo "vt-mksample failed"; exit 1; }
"$VANTHU" run -q "$scratch/page.png" > "$scratch/page.json" || { echo "vanthu run failed"; exit 1; }
python3 - "$scratch/page.json" > "$scratch/got" << 'PY' || exit 1
import json, sys
m = json.load(open(sys.argv[1]))["metadata"]
for k in ("number", "type", "subject"):
    f = m.get(k)
    print(k, f.get("value") if isinstance(f, dict) else None)
PY
want() { check "grep -qxF -- '$1 $2' '$scratch/got'" "$1: want '$2', got '$(sed -n "s/^$1 //p" "$scratch/got")'"; }
want number "57/TB-VP"
want type "Thông báo"
want subject "Ý kiến kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về tiến độ xây dựng các trường học đạt chuẩn quốc gia"
finish
