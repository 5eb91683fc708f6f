#!/bin/sh
# cli.sh — `vanthu restore` as a filter: stdin or file, spaces, blank lines
# and the final newline kept, --json detail, options checked.
set -eu
v=${VANTHU:?}
model=$VANTHU_BUILD_ROOT/src/restore/vanthu.model
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# restores WHAT IN WANT: `vanthu restore` makes WANT of IN (both printf
# formats).
restores() {
    printf "$2" | "$v" restore --model "$model" > "$tmp/r.txt"
    printf "$3" | cmp -s - "$tmp/r.txt" || fail "$1: $(cat "$tmp/r.txt")"
}

printf 'Cong  van so 12/SGDDT-VP\n\n\tve viec to chuc hoi nghi.\n' > "$tmp/in.txt"
"$v" restore --model "$model" < "$tmp/in.txt" > "$tmp/out.txt"
printf 'Công  văn số 12/SGDĐT-VP\n\n\tvề việc tổ chức hội nghị.\n' > "$tmp/want.txt"
cmp "$tmp/out.txt" "$tmp/want.txt" || fail "stdin filter: $(cat "$tmp/out.txt")"
"$v" restore --model "$model" "$tmp/in.txt" | cmp - "$tmp/want.txt" || fail "file input"

# Correct text passes through byte for byte, without a final newline too.
printf 'Ủy ban nhân dân tỉnh Nghệ An\nĐộc lập - Tự do - Hạnh phúc' > "$tmp/ok.txt"
"$v" restore --model "$model" "$tmp/ok.txt" | cmp - "$tmp/ok.txt" || fail "do no harm"

# Style: the document's own unless asked.
printf 'Hoà binh, cong hoa xa hoi chu nghia viet nam\n' | "$v" restore --model "$model" > "$tmp/s.txt"
grep -q '^Hoà bình, cộng hoà xã hội' "$tmp/s.txt" || fail "auto style kept reformed: $(cat "$tmp/s.txt")"
# ... and a misread word whose marks happen to sit as the reformed style
# puts them (moé for mới) is no evidence of it.
printf 'Cong hoa xa hoi chu nghia Viet Nam; cdc moé trudng hoc\n' | "$v" restore --model "$model" |
    grep -q '^Cộng hòa xã hội' || fail "a misread word decided the style"
printf 'cong hoa\n' | "$v" restore --model "$model" --style traditional | grep -q 'cộng hòa' \
    || fail "traditional style"

# English-model OCR with the real model: a word with a marked letter
# that is no word (céac) is repaired, a lone digit between words may be a
# word (1 for là) while counts stay, a mark where OCR put it is looked up
# as written (tué, not its spelling túe), slash abbreviations and codes
# with digits for letters come back as codes.
restores 'english-model OCR' \
    'Trén 80%% céac don vi, nhat 1 phong trao thi dua co 10 truong, tri tué nhan tao\nNoi nhan: d/c Gidm déc (b/c); Quyét dinh s6 15/0D-TTg\n' \
    'Trên 80%% các đơn vị, nhất là phong trào thi đua có 10 trường, trí tuệ nhân tạo\nNơi nhận: đ/c Giám đốc (b/c); Quyết định số 15/QĐ-TTg\n'

# English-model OCR whose damage costs more than 18 nats to undo (Litrc:
# the ư read as it, an r added) is searched up to 20; a rare syllable the
# English model seldom writes (phèo) is searched like an unknown word, and
# the context picks the frequent one it hides (phố).
restores 'searches past the old ceiling, rare syllables searched' \
    'Huy dong Litrc luong lao dong tai ch6 cia céac xa; cac quan cua thành phèo déu tham gia\n' \
    'Huy động Lực lượng lao động tại chỗ của các xã; các quận của thành phố đều tham gia\n'

# ... and so is the slash of an abbreviation in brackets, a recipient's
# purpose (pih for p/h); a word in brackets stays a word (xin).
restores 'slash read as a letter inside brackets' \
    'Noi nhan:\n- S6 Tai chinh (pih);\n- Lanh dao (xin y kién);\n' \
    'Nơi nhận:\n- Sở Tài chính (p/h);\n- Lãnh đạo (xin ý kiến);\n'

# Text stripped of its marks that cites laws: a numbered code (QH15,
# UBTVQH15) keeps its digits and is no sign of OCR damage (the document
# stays stripped text); a Roman numeral spelt as a syllable between words
# (DON VI HANH CHINH) is the word, in a heading too.
restores 'numbered codes and numeral-shaped words in stripped text' \
    'Can cu Luat so 18/2023/QH15 va Luat so 47/2019/QH14; Nghi quyet so 35/2021/UBTVQH15 cua Uy ban Thuong vu Quoc hoi ve sap xep don vi hanh chinh\nDANH SACH CAC DON VI HANH CHINH CAP XA\n' \
    'Căn cứ Luật số 18/2023/QH15 và Luật số 47/2019/QH14; Nghị quyết số 35/2021/UBTVQH15 của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính\nDANH SÁCH CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ\n'

# Vietnamese-model OCR that slipped on a tone alone (BẢO for BÁO, đinh
# for định) gets it back where the model is sure; the same syllables
# where they are right (a name, bảo đảm, Phương án) stay.
restores 'tone slips in marked text' \
    'ỦY BAN NHÂN DÂN XÃ TÂN HƯNG\nTHÔNG BẢO\nThực hiện nghị đinh của Chính phủ, Ủy ban nhân dân xã thông bảo kết quả như sau:\nPhương án hỗ trợ bảo đảm đúng đối tượng; ông Trần Văn Phương, bà Lê Thị Bảo dự họp.\n' \
    'ỦY BAN NHÂN DÂN XÃ TÂN HƯNG\nTHÔNG BÁO\nThực hiện nghị định của Chính phủ, Ủy ban nhân dân xã thông báo kết quả như sau:\nPhương án hỗ trợ bảo đảm đúng đối tượng; ông Trần Văn Phương, bà Lê Thị Bảo dự họp.\n'

# Vietnamese-model OCR that lost the hat under a tone (phó for phố, bó
# for bố, QUYÉT, ĐÒNG) or read one marked vowel as two (QUẢÁNG) gets
# the syllable back where the model is sure; the same letters where they
# are right (Phó Giám đốc, bó hoa) stay.
restores 'hat slips and doubled vowels in marked text' \
    'ỦY BAN NHÂN DÂN\nTHÀNH PHÓ HẢI PHÒNG\nQUYÉT ĐỊNH\nVề việc công bó danh mục thủ tục hành chính của tỉnh Lâm Đòng và tỉnh QUẢÁNG TRỊ\nKính gửi: Ủy ban nhân dân các quận, huyện, thành phó.\nPhó Giám đốc Sở tặng bó hoa cho các em.\n' \
    'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nQUYẾT ĐỊNH\nVề việc công bố danh mục thủ tục hành chính của tỉnh Lâm Đồng và tỉnh QUẢNG TRỊ\nKính gửi: Ủy ban nhân dân các quận, huyện, thành phố.\nPhó Giám đốc Sở tặng bó hoa cho các em.\n'

# A heading line under another in marked text reads on from it: the
# unit's word of an issuing body printed over two lines (PHƯƠNG for
# PHƯỜNG, only the line above tells) gets its mark back; a title under
# the body's name still reads as a sentence of its own (THÔNG BẢO), and
# right words stay: a plan's title under a body, a signer's title under
# its authority, the word in the body.
restores 'a heading line read on from the heading above' \
    'ỦY BAN NHÂN DÂN\nPHƯƠNG HÒA KHÁNH\nTHÔNG BẢO\nỦY BAN NHÂN DÂN\nPHƯƠNG ÁN SẮP XẾP TỔ DÂN PHỐ\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nPhương án của phường được thông qua.\n' \
    'ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA KHÁNH\nTHÔNG BÁO\nỦY BAN NHÂN DÂN\nPHƯƠNG ÁN SẮP XẾP TỔ DÂN PHỐ\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nPhương án của phường được thông qua.\n'

# A marked vowel the Vietnamese model read as two (ĐÁẢNG, Khãẩn), a
# spelling no Vietnamese word has, is not kept as a word the model does
# not know; words with a doubled vowel that are right (xoong, a foreign
# name without marks) stay.
restores 'a marked vowel read as two' \
    'ĐÁẢNG ỦY XÃ AN BÌNH\nKhãẩn trương rà soát, báo cáo trước ngày 15.\nBếp ăn mua xoong nồi; họp trực tuyến qua Zoom và Facebook.\n' \
    'ĐẢNG ỦY XÃ AN BÌNH\nKhẩn trương rà soát, báo cáo trước ngày 15.\nBếp ăn mua xoong nồi; họp trực tuyến qua Zoom và Facebook.\n'

# A letter the Vietnamese model added to a code in capitals (VTE for VT,
# QĐĐ for QĐ) is dropped where the model is sure of the known code left;
# codes the model does not know that are right, and known ones, stay.
restores 'a letter added to a code' \
    'Nơi nhận:\n- Như trên;\n- Lưu: VTE, TCKT.\nSố: 15/QĐĐ-UBND ngày 3 tháng 4\n- Lưu: VT, VPUBND, TCKT, QLĐT2, KHTH, NCKSTTHC.\n- Sở TNMT, Sở GTVT;\n' \
    'Nơi nhận:\n- Như trên;\n- Lưu: VT, TCKT.\nSố: 15/QĐ-UBND ngày 3 tháng 4\n- Lưu: VT, VPUBND, TCKT, QLĐT2, KHTH, NCKSTTHC.\n- Sở TNMT, Sở GTVT;\n'

# Vietnamese-model OCR that slipped onto a more frequent sibling (ban for
# bàn) gets the rarer one back where the context is sure: siblings stay
# candidates whatever their unigram; the same syllable where it is right
# (Ban chỉ đạo, a name, bàn and phương where they are meant) stays.
restores 'tone slips onto a frequent sibling' \
    'ỦY BAN NHÂN DÂN XÃ AN BÌNH\nTĂNG CƯỜNG BẢO ĐẢM AN NINH TRÊN ĐỊA BAN XÃ\nCác thôn trên địa ban xã phối hợp với Ban chỉ đạo cấp phường họp bàn phương án; ông Lê Văn Ban dự họp.\n' \
    'ỦY BAN NHÂN DÂN XÃ AN BÌNH\nTĂNG CƯỜNG BẢO ĐẢM AN NINH TRÊN ĐỊA BÀN XÃ\nCác thôn trên địa bàn xã phối hợp với Ban chỉ đạo cấp phường họp bàn phương án; ông Lê Văn Ban dự họp.\n'

# A letter-spaced heading is read a capital a word: letters, left as
# written (no Ỉ turned into Ì), while the text around it is restored.
restores 'letter-spaced heading' \
    'ỦY BAN NHÂN DÂN\nT Ỉ N H  A N  G I A N G\nQ U Y Ế T  Đ Ị N H\nVề việc công bó danh mục\n' \
    'ỦY BAN NHÂN DÂN\nT Ỉ N H  A N  G I A N G\nQ U Y Ế T  Đ Ị N H\nVề việc công bố danh mục\n'

# A horn or tone the English model wrote as a mark after the letter (co’
# for cơ, thi? for thứ) is the word's, not punctuation; a real question
# mark and a closing quote after a whole word stay.
restores 'marks after letters' \
    'Dau tu co’ so vat chat; thi? tu uu tién cac noi dung, s6 15; “nha van hoa’’ khong?\n' \
    'Đầu tư cơ sở vật chất; thứ tự ưu tiên các nội dung, số 15; “nhà văn hóa’’ không?\n'

# A small letter with marks read as a capital (BO for Bộ) with no word in
# capitals near it is Title; in a heading, and a word whose letters the
# restore kept, the capitals stay.
restores 'capitals read for marked letters' \
    'Noi nhan:\n- BO Giao duc va Dao tao;\n- Vién truc thuéc BO, cac don vi theo huéng dan cua BO Y té.\nKT. BO TRUONG\n' \
    'Nơi nhận:\n- Bộ Giáo dục và Đào tạo;\n- Viện trực thuộc Bộ, các đơn vị theo hướng dẫn của Bộ Y tế.\nKT. BỘ TRƯỞNG\n'

# Two capitals with no vowel that no code is (SG, BG) are what OCR made
# of Sở and Bộ; known codes and unknown ones with no reading stay.
restores 'two capitals without a vowel' \
    'Kinh gui: Cac SG: Giao duc va Dao tao, Y té; Chanh Van phong BG, Vu truéng; tai TP Hué, PR, HS\n' \
    'Kính gửi: Các Sở: Giáo dục và Đào tạo, Y tế; Chánh Văn phòng Bộ, Vụ trưởng; tại TP Huế, PR, HS\n'

# A slash that English-model OCR read as i in V/v comes back (Viv came out
# as the syllable Vị, and the parser lost the type and trích yếu); tiv
# stays từ: t/v is no abbreviation in use.
restores 'a slash read as a letter' \
    'S6: 12/SGDDT\nViv trien khai phong trao ctia tinh, tiv ngay 15\n' \
    'Số: 12/SGDĐT\nV/v triển khai phong trào của tỉnh, từ ngày 15\n'

# ... and so it does with the cue's colon after it.
restores 'a slash read as a letter, colon after' \
    'S6: 7137/CT-TTHT\nViv: Hoan thué theo Hiép dinh.\n' \
    'Số: 7137/CT-TTHT\nV/v: Hoàn thuế theo Hiệp định.\n'

# ... so that the parser after it finds a công văn and its trích yếu.
cat > "$tmp/cv.txt" <<'DOC'
UY BAN NHAN DAN THANH PHO HAI PHONG
S¢ GIAO DUC VA PAO TAO
S6: 2134/SGDDT-VP
Viv trién khai phong trao hoc tap s6
trong cac co s6 giao duc
Hai Phong, ngay 12 thang 9 nam 2025
Kinh gui: Hiéu truong cac truong trung hoc phd thong
DOC
"$v" parse "$tmp/cv.txt" > "$tmp/cv.json" || fail "parse after restore: exit $?"
python3 - "$tmp/cv.json" <<'PY' || fail "parse after restore: no công văn and trích yếu"
import json, sys
m = json.load(open(sys.argv[1]))["metadata"]
assert m["type"]["value"] == "Công văn", m.get("type")
assert m["subject"]["value"].startswith("V/v triển khai"), m.get("subject")
PY

# A trích yếu in capitals as English-model OCR damages it: a mark doubled
# (HU’'U), both horns of ươ written (TRU'O'NG), '!' read for I (MO!,
# THO!) or for the mark of a syllable ending in I (DOI! for ĐỔI).  Each
# comes back as the syllable; an exclamation after a word in small
# letters stays.
restores 'capital heading damaged by OCR' \
    "QUYET DINH\nVE VIEC DOI MO! CONG TAC TUYEN SINH TAI TRU'O'NG CAO DANG Y TE VA BENH VIEN HU’'U NGHI, THO! GIAN THUC HIEN NAM 2026\nVE DU AN LUAT VIEN CHUC (SUA DOI!)\nChu y! Cac don vi thuc hien ngay.\n" \
    'QUYẾT ĐỊNH\nVỀ VIỆC ĐỔI MỚI CÔNG TÁC TUYỂN SINH TẠI TRƯỜNG CAO ĐẲNG Y TẾ VÀ BỆNH VIỆN HỮU NGHỊ, THỜI GIAN THỰC HIỆN NĂM 2026\nVỀ DỰ ÁN LUẬT VIÊN CHỨC (SỬA ĐỔI)\nChú ý! Các đơn vị thực hiện ngay.\n'

# The English model reads the I of a heading's syllable as '!' after its
# mark too (LO’! for LỢI); it writes a horn and hook as a closing quote
# that no quote opened (SO” for SỞ); a Roman-numeral-shaped VI between
# words with such marks (DON VI SU’ NGHIEP) is VỊ.  A quote a quote
# opened stays.
restores 'marks of a heading in capitals' \
    'KE HOACH S6 12\nNANG CAP CO’ SO”, HA TANG CUA CAC DON VI SU’ NGHIEP GIAO DUC; GIANH THANG LO’! TRONG NAM HOC\nQuyét dinh s6 12 vé xay dung “co’ so”, nha van hoa\n' \
    'KẾ HOẠCH Số 12\nNÂNG CẤP CƠ SỞ, HẠ TẦNG CỦA CÁC ĐƠN VỊ SỰ NGHIỆP GIÁO DỤC; GIÀNH THẮNG LỢI TRONG NĂM HỌC\nQuyết định số 12 về xây dựng “cơ sở”, nhà văn hóa\n'

# A small l read as a capital I (Ic for lực: a candidate with l for I)
# or as a bar (|ap for lập) inside a sentence; Internet and In stay.
restores 'l read as I or a bar' \
    'Nha truong s6 12 phan Ioai hoc sinh, tiép tuc cé hiéu Ic\nCac truong s6 12 |ap danh sach hoc sinh\nCac don vi s6 12 tham gia Internet va In an tai lieu\n' \
    'Nhà trường số 12 phân loại học sinh, tiếp tục có hiệu lực\nCác trường số 12 lập danh sách học sinh\nCác đơn vị số 12 tham gia Internet và In ấn tài liệu\n'

# A line in capitals is a sentence of its own, as the model learned such
# lines: THU TRUONG under KT. BỘ TRƯỞNG is the deputy (Thứ), not the head
# (Thủ) that a line running on would make of it.
restores 'heading lines on their own' \
    'Noi nhan:\n- Nhu trén;\n- Luu: VT.\nKT. BO TRUONG\nTHU TRUONG\n' \
    'Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n'

# The document's own evidence: a damaged word of a title (din, for dân)
# that the model alone reads wrongly comes back as the body spells it.
for name in 'Xom din cu' 'Lang din toc'; do
    body=$(echo "$name" | sed 's/din/dan/')
    printf 'Trien khai mo hinh “%s s6” ctia tinh\n' "$name" > "$tmp/title.txt"
    { printf 'KE HOACH\n\n'; cat "$tmp/title.txt"
      printf '\nCan ctr tinh hinh thuc te, S¢ xay dung mo hinh “%s s6” tai cac xa.\n' "$body"
      printf 'Mo hinh “%s s6” duoc trien khai trong nam 2025.\n' "$body"
      printf 'Ket qua mo hinh “%s s6” duoc bao cao hang quy.\n' "$body"; } > "$tmp/doc.txt"
    alone=$("$v" restore --model "$model" "$tmp/title.txt")
    within=$("$v" restore --model "$model" "$tmp/doc.txt" | sed -n 3p)
    case $alone in *" dân "*) fail "the title alone already reads dân: $alone" ;; esac
    case $within in *" dân "*) ;; *) fail "the body's reading not used: $within" ;; esac
done

# Codes the model does not know stay as written; a code part is never
# replaced by a longer known code (DPT in GD&DPT by GDPT).  Sở is printed
# with its marks: read from damaged letters before a code the model does
# not know, Sở and Số are a near tie, which is not what this checks.
printf 'Kinh gui: UBNDTP, VP UBND tinh; truong THPT; Sở GD&DPT; s6 12/KH-UBNDTP\n' |
    "$v" restore --model "$model" > "$tmp/c.txt"
grep -q '^Kính gửi: UBNDTP, VP UBND tỉnh; trường THPT; Sở GD&[^ ]*; số 12/KH-UBNDTP$' "$tmp/c.txt" &&
    ! grep -q 'GDPT' "$tmp/c.txt" || fail "codes kept: $(cat "$tmp/c.txt")"

# --json: from, to, confidence, alternatives.
printf 'Cong van so 5\n' | "$v" restore --model "$model" --json > "$tmp/j.json"
python3 - "$tmp/j.json" <<'PY' || fail "json detail"
import json, sys
d = json.load(open(sys.argv[1]))
c = d["changes"][0]
assert d["text"] == "Công văn số 5", d["text"]
assert c["from"] == "Cong" and c["to"] == "Công" and c["line"] == 1 and c["word"] == 1
assert 0 < c["confidence"] <= 1 and c["alternatives"][0]["text"] == "Công"
assert isinstance(c["review"], bool)
PY

# Bad options and a missing model are errors with the right exit codes.
set +e
printf 'x\n' | "$v" restore --model "$model" --style sideways >/dev/null 2>&1; [ $? -eq 1 ] || fail "bad style"
printf 'x\n' | "$v" restore --model "$tmp/none.model" >/dev/null 2>"$tmp/err"; [ $? -eq 3 ] || fail "missing model"
grep -q none.model "$tmp/err" || fail "message names the model"
# A damaged model (one flipped bit, as a stale or half-copied file would
# be) never crashes restore, which reads only what it looks up; the full
# check (vanthu train --check) is an error naming it.
"$v" train --check "$model" || fail "sound model fails the check"
cp "$model" "$tmp/bad.model"
python3 -c "
import sys
f = open(sys.argv[1], 'r+b'); f.seek(f.seek(0, 2) // 2); b = f.read(1)
f.seek(-1, 1); f.write(bytes([b[0] ^ 1]))" "$tmp/bad.model"
printf 'cong van so 12\n' | "$v" restore --model "$tmp/bad.model" >/dev/null 2>"$tmp/err"
[ $? -le 3 ] || fail "corrupt model crashed restore: $(cat "$tmp/err")"
"$v" train --check "$tmp/bad.model" 2>"$tmp/err"; [ $? -eq 3 ] || fail "corrupt model passes the check"
grep -q 'bad.model.*corrupt' "$tmp/err" || fail "message names the corrupt model: $(cat "$tmp/err")"
"$v" train --check "$model" -o "$tmp/x.model" >/dev/null 2>&1; [ $? -eq 1 ] || fail "--check with -o"
"$v" restore --model "$model" "$tmp/nothere.txt" >/dev/null 2>&1; [ $? -eq 2 ] || fail "missing input"
set -e

# vanthu train: a user's corpus extends the model.
printf 'Xã Tân Phước Khánh tổ chức hội nghị.\n' > "$tmp/corpus.txt"
"$v" train --no-dict "$tmp/corpus.txt" -o "$tmp/u.model" || fail "train"
printf 'Xa Tan Phuoc Khanh\n' | "$v" restore --model "$tmp/u.model" | grep -q 'Xã Tân Phước Khánh' \
    || fail "trained model restores its corpus"
echo ok
