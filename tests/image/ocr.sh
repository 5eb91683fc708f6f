#!/bin/sh
# ocr.sh — end to end through `vanthu ocr`: dispatches rendered at test time
# by vt-mksample (red seal, blue signature, skew, blur, noise, JPEG) must
# come back with at most 3% word error against the text they show, the
# header and footer columns one after the other (never interleaved), and
# the signer's name whole although the seal covers it.
#
# Environment (tests/meson.build): VANTHU, MKSAMPLE, WER, SRC (tests/image).
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }
pass() { echo "ok: $*"; }

# make NAME MARKUP SEED EXT [mksample options]: sample + its source text
make() {
    name=$1 markup=$2 seed=$3 ext=$4
    shift 4
    "$MKSAMPLE" --seed "$seed" --text "$tmp/$name.txt" "$@" "$SRC/$markup" \
        "$tmp/$name.$ext" || { fail "vt-mksample $name"; return 1; }
}

# ocr NAME EXT: OCR text into $tmp/NAME.ocr, WER checked
ocr() {
    name=$1 ext=$2
    if ! "$VANTHU" ocr "$tmp/$name.$ext" > "$tmp/$name.ocr"; then
        fail "vanthu ocr $name.$ext exited $?"
        return 1
    fi
    if out=$("$WER" --max 0.03 "$tmp/$name.txt" "$tmp/$name.ocr"); then
        pass "$name.$ext $out"
    else
        fail "$name.$ext $out (limit 0.03)"
        diff "$tmp/$name.txt" "$tmp/$name.ocr" | head -20
    fi
}

# line PATTERN FILE: number of the first line matching (fixed string), or 0
line() { grep -n -F -m1 -- "$1" "$2" | cut -d: -f1 | grep . || echo 0; }

# before A B FILE: a line with A comes before any line with B, both present
before() {
    a=$(line "$1" "$3") b=$(line "$2" "$3")
    if [ "$a" -gt 0 ] && [ "$b" -gt 0 ] && [ "$a" -lt "$b" ]; then
        pass "\"$1\" (line $a) before \"$2\" (line $b)"
    else
        fail "\"$1\" (line $a) not before \"$2\" (line $b) in $(basename "$3")"
    fi
}

# apart A B FILE: no line holds both (columns not merged into one line)
apart() {
    if grep -F -- "$1" "$3" | grep -q -F -- "$2"; then
        fail "\"$1\" and \"$2\" share a line: $(grep -F -- "$1" "$3" | head -1)"
    else
        pass "\"$1\" and \"$2\" on separate lines"
    fi
}

# whole TEXT FILE: TEXT is a line on its own
whole() {
    if grep -q -x -F -- "$1" "$2"; then pass "line \"$1\""
    else fail "no line \"$1\" in $(basename "$2")"; fi
}

# A công văn on one page, PNG, with a 1.8° skew.
if make cv cong-van.txt 11 png --skew 1.8 && ocr cv png; then
    f=$tmp/cv.ocr
    apart "UBND" "CỘNG HÒA" "$f"
    apart "GIÁO DỤC VÀ" "Độc lập" "$f"
    apart "Số: 1245" "Thanh Hóa, ngày" "$f"
    before "GIÁO DỤC VÀ" "CỘNG HÒA" "$f"
    before "V/v" "CỘNG HÒA" "$f"
    before "CỘNG HÒA" "Kính gửi" "$f"
    apart "Nơi nhận" "GIÁM ĐỐC" "$f"
    apart "Như trên" "GIÁM ĐỐC" "$f"
    before "Lưu:" "KT. GIÁM ĐỐC" "$f"
    before "đơn vị báo cáo" "Nơi nhận" "$f"
    whole "Lê Thị Minh Phương" "$f"
fi

# The same dispatch as a JPEG the other way round.
make cvj cong-van.txt 12 jpg --skew -1.2 --jpeg-quality 70 && ocr cvj jpg &&
    whole "Lê Thị Minh Phương" "$tmp/cvj.ocr"

# A two-page quyết định as a multi-page TIFF: one form feed between the
# pages, the footer on the second.
if make qd quyet-dinh.txt 7 tif && ocr qd tif; then
    ff=$(tr -cd '\f' < "$tmp/qd.ocr" | wc -c)
    [ "$ff" -eq 1 ] && pass "one form feed" || fail "$ff form feeds, expected 1"
    apart "TÀI CHÍNH" "CỘNG HÒA" "$tmp/qd.ocr"
    apart "Nơi nhận" "CỤC TRƯỞNG" "$tmp/qd.ocr"
    whole "Trần Đức Thắng" "$tmp/qd.ocr"
fi

# The same as a scanned PDF (pages are JPEG images, no text layer).
make qdp quyet-dinh.txt 8 pdf && ocr qdp pdf

exit $failed
