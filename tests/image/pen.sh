#!/usr/bin/env bash
# pen.sh — a quyết định whose number, day and month were written in by
# hand, in black ink, into the printed form's blanks (tests/image/pen.txt,
# the pen drawn by vt-mksample in a script face).  Whatever OCR makes of
# the pen, the record never holds a number or day the page does not show:
# the number is the one written (flagged handwritten when the digit reader
# read it) or its printed part with handwritten set, the date the one
# written or what is printed around the blanks with handwritten set; the
# number the body cites is not taken.  Then the record's words carry the
# mark to a parse of the record: the number's digits marked as pen
# strokes leave the printed part, flagged; marked as digits the digit
# reader read, they are the number, flagged, with the review reason saying
# it was read from the handwriting.
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
for x in r.get("review_reasons", []):
    if x["kind"] == "number_handwritten":
        print("reason", x["text"])
PY
}
fields "$scratch/page.json" > "$scratch/got" || exit 1
got() { sed -n "s/^$1 //p" "$scratch/got"; }
check "grep -qxE 'number (209/QĐ-SGTVT (False|True)|/QĐ-SGTVT True)' '$scratch/got'" \
    "number: want 209/QĐ-SGTVT, or /QĐ-SGTVT flagged handwritten; got '$(got number)'"
check "grep -qxE 'date (2025-02-18 (False|True)|2025-02 True|2025 True)' '$scratch/got'" \
    "date: want 2025-02-18, or 2025-02 or 2025 flagged handwritten; got '$(got date)'"

# The words holding the number's digits marked as OCR marks pen strokes
# (MARK=marks) or as digits the digit reader read (MARK=digits), and the
# record parsed again from its words.
mark() {
    MARK=$1 python3 - "$scratch/page.json" "$scratch/marked.json" << 'PY' || exit 1
import json, os, sys
r = json.load(open(sys.argv[1]))
marked = 0
for p in r["pages"]:
    for b in p["blocks"]:
        # The day's blank (between "ngày" and "tháng") read as 18.
        for l in b["lines"] if os.environ["MARK"] == "digits" else []:
            ws = l["words"]
            for i in range(1, len(ws) - 1):
                if ws[i - 1]["text"].endswith("ngày") and ws[i + 1]["text"] == "tháng":
                    ws[i].update(text="18", handwritten=True, pen_digits=True)
        if b["role"] != "header-left":
            continue
        for l in b["lines"]:
            for w in l["words"]:
                if "209" in w["text"]:
                    w["handwritten"] = True
                    w.pop("pen_digits", None)
                    if os.environ["MARK"] == "digits":
                        w["text"] = "209"
                        w["pen_digits"] = True
                    marked += 1
# Resumed before parse, so that parse reads the marked words.
r["stages_done"] = r["stages_done"][:r["stages_done"].index("parse")]
json.dump(r, open(sys.argv[2], "w"), ensure_ascii=False)
sys.exit(0 if marked else 1)
PY
    "$VANTHU" parse -f json "$scratch/marked.json" > "$scratch/reparsed.json" ||
        { echo "vanthu parse failed"; exit 1; }
    fields "$scratch/reparsed.json" > "$scratch/got" || exit 1
}
mark marks
check "grep -qxF 'number /QĐ-SGTVT True' '$scratch/got'" \
    "number with its digits marked: want /QĐ-SGTVT flagged handwritten, got '$(got number)'"
check "grep -qxF 'reason the number is written by hand: only its printed part was read' '$scratch/got'" \
    "number with its digits marked: review reason '$(got reason)'"
mark digits
check "grep -qxF 'number 209/QĐ-SGTVT True' '$scratch/got'" \
    "number read by the digit reader: want 209/QĐ-SGTVT flagged handwritten, got '$(got number)'"
check "grep -qxF 'reason the number is written by hand: read from the handwriting, to be checked' '$scratch/got'" \
    "number read by the digit reader: review reason '$(got reason)'"
check "grep -qxF 'date 2025-02-18 True' '$scratch/got'" \
    "day read by the digit reader: want 2025-02-18 flagged handwritten, got '$(got date)'"
finish
