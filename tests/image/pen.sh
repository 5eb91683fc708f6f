#!/usr/bin/env bash
# pen.sh — a quyết định whose number, day and month were written in by
# hand, in black ink, into the printed form's blanks (tests/image/pen.txt,
# the pen drawn by vt-mksample in a script face).  Whatever OCR makes of
# the pen, the record never holds a number or day the page does not show:
# the number is the one written or its printed part with handwritten set,
# the date the one written or what is printed around the blanks with
# handwritten set; the number the body cites is not taken.  Then the
# record's words carry the mark to a parse of the record: the number's
# digits marked as pen strokes leave the printed part, flagged.
#
# Environment (tests/meson.build): VANTHU, MKSAMPLE, SRC.
. "$(dirname "$0")/../cli/lib.sh"
"$MKSAMPLE" --seed 5 "$SRC/pen.txt" "$scratch/page.png" > /dev/null ||
    { echo "vt-mksample failed"; exit 1; }
"$VANTHU" run -q "$scratch/page.png" > "$scratch/page.json" || { echo "vanthu run failed"; exit 1; }
fields() {
    python3 - "$1" << 'PY'
import json, sys
r = json.load(open(sys.argv[1]))
m = r.get("metadata", r)
for k in ("number", "date"):
    f = m.get(k) or {}
    print(k, f.get("value"), bool(f.get("handwritten")))
PY
}
fields "$scratch/page.json" > "$scratch/got" || exit 1
got() { sed -n "s/^$1 //p" "$scratch/got"; }
check "grep -qxE 'number (209/QĐ-SGTVT False|/QĐ-SGTVT True)' '$scratch/got'" \
    "number: want 209/QĐ-SGTVT, or /QĐ-SGTVT flagged handwritten; got '$(got number)'"
check "grep -qxE 'date (2025-02-18 False|2025-02 True|2025 True)' '$scratch/got'" \
    "date: want 2025-02-18, or 2025-02 or 2025 flagged handwritten; got '$(got date)'"

# The words holding the number's digits marked as OCR marks pen strokes,
# and the record parsed again from its words.
python3 - "$scratch/page.json" "$scratch/marked.json" << 'PY' || exit 1
import json, sys
r = json.load(open(sys.argv[1]))
marked = 0
for p in r["pages"]:
    for b in p["blocks"]:
        if b["role"] != "header-left":
            continue
        for l in b["lines"]:
            for w in l["words"]:
                if "209" in w["text"]:
                    w["handwritten"] = True
                    marked += 1
# Resumed before parse, so that parse reads the marked words.
r["stages_done"] = r["stages_done"][:r["stages_done"].index("parse")]
json.dump(r, open(sys.argv[2], "w"), ensure_ascii=False)
sys.exit(0 if marked else 1)
PY
"$VANTHU" parse -f json "$scratch/marked.json" > "$scratch/reparsed.json" ||
    { echo "vanthu parse failed"; exit 1; }
fields "$scratch/reparsed.json" > "$scratch/got" || exit 1
check "grep -qxF 'number /QĐ-SGTVT True' '$scratch/got'" \
    "number with its digits marked: want /QĐ-SGTVT flagged handwritten, got '$(got number)'"
finish
