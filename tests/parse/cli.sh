#!/bin/sh
# `vanthu parse` from the command line: standard input, JSON and XML, a
# record as input, bad options and a missing lexicon.
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# Made-up page records (tests/parse/pagerecord.py) for the tests below.
export PYTHONPATH="$(cd "$(dirname "$0")" && pwd)${PYTHONPATH:+:$PYTHONPATH}" PYTHONDONTWRITEBYTECODE=1
printf 'ingest\nparse\nemit format=json\n' > "$tmp/p.pipe"
cat > "$tmp/doc.txt" <<'DOC'
SỞ TƯ PHÁP                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 21/STP-VP                  Huế, ngày 4 tháng 5 năm 2025
GIẤY MỜI
Họp giao ban tháng 5

Nơi nhận:                      GIÁM ĐỐC
- Các phòng;
- Lưu: VT.
                               Trần Văn Khải
DOC

"$VANTHU" parse -p "$tmp/p.pipe" < "$tmp/doc.txt" > "$tmp/out.json" || fail "stdin: exit $?"
python3 - "$tmp/out.json" <<'PY' || fail "stdin: wrong metadata"
import json, sys
m = json.load(open(sys.argv[1]))["metadata"]
assert m["number"]["value"] == "21/STP-VP", m["number"]
assert m["type"]["value"] == "Giấy mời" and m["type"]["abbreviation"] == "GM", m["type"]
assert m["date"]["value"] == "2025-05-04", m["date"]
assert m["signer"]["name"] == "Trần Văn Khải" and m["signer"]["position"] == "Giám đốc", m["signer"]
assert [r["text"] for r in m["recipients"]] == ["Các phòng", "Lưu: VT"], m["recipients"]
PY

# A record resumes: parse has run, the metadata comes back unchanged.
"$VANTHU" parse -p "$tmp/p.pipe" "$tmp/out.json" > "$tmp/again.json" || fail "record input: exit $?"
python3 -c 'import json,sys; a,b=(json.load(open(f))["metadata"] for f in sys.argv[1:]); assert a==b' \
    "$tmp/out.json" "$tmp/again.json" || fail "record input changed the metadata"

"$VANTHU" parse -f xml -p "$tmp/p.pipe" -o "$tmp/out.xml" "$tmp/doc.txt" || fail "xml: exit $?"
grep -q '<value>21/STP-VP</value>' "$tmp/out.xml" || fail "xml lacks the number"

"$VANTHU" parse -f yaml "$tmp/doc.txt" > /dev/null 2>&1
[ $? = 1 ] || fail "bad format: want exit 1"

# Work grows with the length of a line, not its square: an 80,000-word
# issuer, subject and signer line parse well inside the time limit (the
# quadratic rebuild of the rest of an issuer line took 29 s at 64,000).
printf 'ingest max-line-bytes=1000000\nparse\nemit format=json\n' > "$tmp/long.pipe"
python3 - > "$tmp/long.txt" <<'PY'
words = 80000
print("BỘ TÀI CHÍNH")
print("SỞ TÀI CHÍNH " + " ".join(["VÀ VĂN HÓA"] * (words // 3)))
print("Số: 12/STC-VP")
print("V/v " + " ".join(["việc"] * words))
print("Nơi nhận:")
print("- Lưu: VT.")
print("KT. GIÁM ĐỐC " + " ".join(["PHÓ"] * words))
PY
# The sanitizers slow every step about fourfold (the suite gives their
# build four times the time); a square's growth is far beyond either limit.
limit=20
ldd "$VANTHU" 2>/dev/null | grep -q libasan && limit=80
timeout $limit "$VANTHU" parse -p "$tmp/long.pipe" "$tmp/long.txt" > "$tmp/long.json" ||
    fail "long line: exit $? (124: over $limit s)"
python3 - "$tmp/long.json" <<'PY' || fail "long line: wrong metadata"
import json, sys
m = json.load(open(sys.argv[1]))["metadata"]
assert m["number"]["value"] == "12/STC-VP", m["number"]
assert m["issuer"]["name"].startswith("Sở Tài chính và Văn hóa và Văn hóa"), m["issuer"]["name"][:80]
assert len(m["subject"]["value"].split()) == 80001, len(m["subject"]["value"].split())
PY

# A letter-spaced heading in a record read from a page: a capital a
# word, the words' ends where the gap between two letters is a space
# wider (THÀNH PHỐ HÀ NỘI, which the letters alone would also cut as
# HÀN ỘI).
python3 - "$tmp/spaced.json" <<'PY'
import json, sys
def spaced(text, x, y, h):
    words = []
    for k, word in enumerate(text.split()):
        x += 40 if k else 0
        for ch in word:
            words.append({"text": ch, "box": [x, y, 22, h]})
            x += 22 + 12
    return {"box": [words[0]["box"][0], y, x - words[0]["box"][0], h], "words": words}
def plain(text, y):
    return {"box": [100, y, 600, 40], "words": [{"text": t} for t in text.split()]}
lines = [plain("ỦY BAN NHÂN DÂN", 100), spaced("THÀNH PHỐ HÀ NỘI", 100, 150, 40),
         plain("Số: 5/TB-UBND", 200), plain("Hà Nội, ngày 2 tháng 3 năm 2024", 250),
         plain("THÔNG BÁO", 300), plain("Về việc nghỉ lễ", 350)]
rec = {"vanthu_record": "2.1", "status": "ok", "source": {"kind": "text", "page_count": 1},
       "stages_done": ["ingest"], "pages": [{"number": 1, "blocks": [{"role": "none", "lines": lines}]}]}
json.dump(rec, open(sys.argv[1], "w"), ensure_ascii=False)
PY
"$VANTHU" parse -p "$tmp/p.pipe" "$tmp/spaced.json" > "$tmp/spaced.out.json" || fail "letter-spaced record: exit $?"
python3 - "$tmp/spaced.out.json" <<'PY' || fail "letter-spaced record: wrong issuer"
import json, sys
m = json.load(open(sys.argv[1]))["metadata"]
assert m["issuer"]["name"] == "Ủy ban nhân dân thành phố Hà Nội", m["issuer"]
PY

# Words restore changed, in a record read from a page (made-up text; a
# word PRINTED>RESTORED is one restore changed).  A word in capitals that
# restore read as one syllable of about its letters was a syllable the OCR
# damaged, read as restored: the trích yếu's "(SỬA ĐỔI)", "Sở", a bare
# signature's "THỦ TƯỚNG"; a code the lexicon knows stays as printed
# ("VT", which restore read "VI"; "DH", ĐH with its Đ lost, read "ĐÓ").
python3 - "$tmp" <<'PY'
import json, sys
docs = {"damaged": """BỘ XÂY DỰNG
Số: 45/TB-BXD
Hà Nội, ngày 9 tháng 10 năm 2025
THÔNG BÁO
KẾT LUẬN VỀ DỰ ÁN LUẬT (SUPA>(SỬA BDO!)>ĐỔI)
Kính gửi: SG>Sở Xây dựng các tỉnh
Bộ Xây dựng thông báo để các đơn vị biết, thực hiện./.
THỦ TUGNG>TƯỚNG
Trần Quốc Hưng""", "code": """Đề nghị các đơn vị thực hiện./.
Nơi nhận:
- Như trên;
- Các trường DH,>ĐÓ, CĐ;
- Lưu: VT,>VI, KHTC.
GIÁM ĐỐC
Trần Quốc Hưng"""}
for name, text in docs.items():
    lines, changes = [], []
    for li, line in enumerate(text.split("\n")):
        words = []
        for wi, w in enumerate(line.split()):
            printed, _, restored = w.partition(">")
            words.append({"text": restored or printed, **({"orig": printed} if restored else {})})
            if restored:
                changes.append({"stage": "restore", "source": "lm", "page": 1, "block": 0,
                                "line": li, "word": wi, "from": printed, "to": restored,
                                "confidence": 1.0})
        lines.append({"words": words})
    rec = {"vanthu_record": "2.2", "status": "ok", "source": {"kind": "text", "page_count": 1},
           "stages_done": ["ingest", "restore"], "changes": changes,
           "pages": [{"number": 1, "blocks": [{"role": "none", "lines": lines}]}]}
    json.dump(rec, open(f"{sys.argv[1]}/{name}.json", "w"), ensure_ascii=False)
PY
for d in damaged code; do
    "$VANTHU" parse -p "$tmp/p.pipe" "$tmp/$d.json" > "$tmp/$d.out.json" || fail "$d record: exit $?"
done
python3 - "$tmp/damaged.out.json" "$tmp/code.out.json" <<'PY' || fail "restored words: wrong metadata"
import json, sys
m = json.load(open(sys.argv[1]))["metadata"]
assert m["subject"]["value"] == "KẾT LUẬN VỀ DỰ ÁN LUẬT (SỬA ĐỔI)", m["subject"]
assert [a["text"] for a in m["addressees"]] == ["Sở Xây dựng các tỉnh"], m["addressees"]
assert m["signer"]["position"] == "Thủ tướng" and m["signer"]["name"] == "Trần Quốc Hưng", m.get("signer")
m = json.load(open(sys.argv[2]))["metadata"]
assert m["archive_copy"]["value"] == ["VT", "KHTC"], m["archive_copy"]
assert m["recipients"][1]["text"] == "Các trường ĐH, CĐ", m["recipients"]
PY

# English-model OCR through the whole chain: a code of a capital and
# digits that no syllable renders as (a block, a form) stays a code in the
# trích yếu; S6 and B6, the usual readings of Số and Bộ, are still read.
cat > "$tmp/codes.txt" <<'DOC'
B6 TAI CHINH
S6: 7/BTC-QLCS
V/v ban giao khu B3 va khu C7 cho cac don vi
Ha Noi, ngay 9 thang 4 nam 2024

Kinh gui: Cac don vi truc thuoc.
DOC
"$VANTHU" run -q -f json "$tmp/codes.txt" > "$tmp/codes.json" || fail "codes in OCR text: exit $?"
python3 - "$tmp/codes.json" <<'PY' || fail "codes in OCR text: wrong metadata"
import json, sys
m = json.load(open(sys.argv[1]))["metadata"]
assert m["subject"]["value"] == "V/v bàn giao khu B3 và khu C7 cho các đơn vị", m["subject"]
assert m["number"]["value"] == "7/BTC-QLCS", m["number"]
assert m["issuer"]["name"] == "Bộ Tài chính", m["issuer"]
PY

# A draft's header printed as lines across the page, which the layout of a
# scan took for two columns: lines on one row whose pieces stand no further
# apart than their words are one line cut at the columns' border ("Số:
# /TTr-SNV Huế," | "ngày tháng năm"), and the header reads in the page's
# order; lines far apart on a row stay two columns' (made-up page).
python3 - "$tmp/across.json" <<'PY'
import sys
from pagerecord import line, write_page
left = [line("SỞ NỘI VỤ", 300, 100), line("ĐỘC", 900, 200),
        line("Số: /TTr-SNV Huế,", 650, 300), line("TỜ TRÌNH", 400, 380)]
right = [line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1150, 100),
         line("lập - Tự do - Hạnh phúc", 990, 200, 40), line("ngày tháng năm", 1000, 300)]
body = [line("Về việc thành lập hội đồng thi đua khen thưởng", 300, 460),
        line("Kính gửi: Ủy ban nhân dân tỉnh", 300, 540)]
write_page(sys.argv[1], [("header-left", [0, 80, 1000, 360], left),
                         ("header-right", [990, 80, 1490, 360], right),
                         ("body", [0, 440, 2480, 200], body)])
PY
"$VANTHU" parse -p "$tmp/p.pipe" "$tmp/across.json" > "$tmp/across.out.json" || fail "header across: exit $?"
python3 - "$tmp/across.out.json" <<'PY' || fail "header across the page: wrong metadata"
import json, sys
m = json.load(open(sys.argv[1]))["metadata"]
assert m["place"]["value"] == "Huế", m.get("place")
assert m["issuer"]["name"] == "Sở Nội vụ", m.get("issuer")
assert m["type"]["value"] == "Tờ trình", m.get("type")
assert m["subject"]["value"] == "Về việc thành lập hội đồng thi đua khen thưởng", m.get("subject")
PY

# Nơi nhận and the signature read on one line where the layout did not
# part the columns: a speck of the signature past the columns' gap, four
# middle gaps between words and more, is no part of the entry; a speck
# before a line's words is no column of its own (made-up page).
python3 - "$tmp/gap.json" <<'PY'
import sys
from pagerecord import line, write_page
head = [line("SỞ NỘI VỤ", 300, 100), line("Số: 12/SNV-VP", 300, 170)]
right = [line("Huế, ngày 3 tháng 4 năm 2025", 1300, 170)]
body = [line("V/v rà soát biên chế", 300, 240),
        line("Sở Nội vụ đề nghị công ty thực hiện./.", 300, 320),
        line("Nơi nhận:", 300, 400),
        line("- Công ty TNHH Xây dựng Minh Phát", 300, 460, far="Zx"),
        line("(Lô C2, Khu Công nghiệp Phú Bài);", 300, 520),
        line("- Các phòng chuyên môn thuộc Sở;", 300, 580, speck="Ạ"),
        line("- Lưu: VT.", 300, 640)]
foot = [line("GIÁM ĐỐC", 1400, 460), line("Đinh Quốc Bảo", 1400, 700)]
write_page(sys.argv[1], [("header-left", [0, 80, 1000, 150], head),
                         ("header-right", [1200, 80, 1280, 150], right),
                         ("body", [0, 230, 2480, 460], body),
                         ("footer-right", [1300, 640, 1180, 120], foot)])
PY
"$VANTHU" parse -p "$tmp/p.pipe" "$tmp/gap.json" > "$tmp/gap.out.json" || fail "columns' gap: exit $?"
python3 - "$tmp/gap.out.json" <<'PY' || fail "columns' gap: wrong recipients"
import json, sys
m = json.load(open(sys.argv[1]))["metadata"]
got = [r["text"] for r in m["recipients"]]
assert got[0] == "Công ty TNHH Xây dựng Minh Phát (Lô C2, Khu Công nghiệp Phú Bài)", got
assert any(g.endswith("Các phòng chuyên môn thuộc Sở") for g in got), got
PY

mkdir "$tmp/empty"
VANTHU_DATA="$tmp/empty" "$VANTHU" parse -p "$tmp/p.pipe" "$tmp/doc.txt" > /dev/null 2> "$tmp/err"
[ $? = 3 ] || fail "missing lexicon: want exit 3"
grep -q "dict/lexicon not found in $tmp/empty" "$tmp/err" ||
    fail "missing lexicon: message does not name it and where it looked: $(cat "$tmp/err")"
echo ok
