#!/usr/bin/env bash
# blanks.sh — the handwritten blanks of the header (number, day, month) on the
# development scans with pen: per blank, the gold value, what the record's
# header line holds in the blank ('*' when the pen-digit reader wrote it,
# src/image/digits.c) and right / wrong / left, then the totals.
#
#   bench/blanks.sh [BUILD_DIR]      (default: build)
#
# Environment: SCANS (default ../shared/data/scans beside the checkout), OUT
# (keep the records there; default a temporary directory).  The blanks
# written by pen on each page are those the set's README lists; held-out
# pages are not run.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
scans=${SCANS:-$top/../shared/data/scans}
if [ -n "${OUT:-}" ]; then out=$OUT; mkdir -p "$out"
else out=$(mktemp -d /tmp/vt-blanks-XXXXXX); trap 'rm -rf "$out"' EXIT; fi
export OMP_THREAD_LIMIT=1
# page, then the blanks filled by hand (or stamp) on it
blanks='bct_cv2265 number day month
bl_qd209_p1 number day month
bt_tb2011_skew day
ld_qd349_gray number day
pt_cv275 number day
pt_cv4532 number day
pt_vp620 number day
qng_bc23_p1 number day
qng_ct11_bw number day'
echo "$blanks" | while read -r name kinds; do
    grep -q "^$name	dev$" "$top/bench/scans-split.tsv" || continue
    img=$scans/$name.png
    [ -f "$img" ] || img=$scans/$name.jpg
    "$build/vanthu" run -q -j 1 "$img" > "$out/$name.json" 2> "$out/$name.err" || true
    python3 - "$scans/$name.meta.json" "$out/$name.json" "$name" $kinds <<'EOF'
import json, re, sys
gold, rec = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
name, kinds = sys.argv[3], sys.argv[4:]
num = re.match(r"\d+", gold.get("number", ""))
y, m, d = (gold.get("date", "") + "--").split("-")[:3]
want = {"number": num.group() if num else "", "day": d.lstrip("0"), "month": m.lstrip("0")}
# The number as the record holds it; the day and month as the header line
# does (the record's date may come from a signature's).  The header's words
# have '*' before those of the pen-digit reader.
lines = [" ".join(("*" if w.get("pen_digits") else "") + w["text"] for w in ln["words"])
         for pg in rec.get("pages", []) for b in pg["blocks"] if b["role"].startswith("header")
         for ln in b["lines"]]
cue = {"number": r"S\S?\S?:", "day": r"ng\S\S[.:]?", "month": r"tháng[.:]?"}
stop = {"number": r"\s*/", "day": r"\s\*?tháng", "month": r"\s\*?năm"}
for k in kinds:
    got = ""
    for t in lines:
        hit = re.search(cue[k] + r"\s*(\*?\d+)" + stop[k], t)
        got = hit.group(1) if hit else got
    if k == "number":
        held = re.match(r"\d+", (rec.get("metadata", {}).get("number") or {}).get("value", ""))
        got = (got[:1] == "*") * "*" + held.group() if held else ""
    v = got.lstrip("*").lstrip("0")
    verdict = "left" if not got else "right" if v == want[k] else "wrong"
    print(f"{name:16} {k:6} gold={want[k]:6} read={got:6} {verdict}")
EOF
done | tee "$out/table"
awk '{ n[$NF]++ } END { printf "right %d wrong %d left %d\n", n["right"], n["wrong"], n["left"] }' \
    "$out/table"
