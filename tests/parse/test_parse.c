/* test_parse.c — the parse stage's fields on dispatches written for these
 * tests: clean text, text as legacy OCR damages it, and OCR'd pages whose
 * blocks carry layout roles.
 *
 * usage: test-parse LEXICON_DIR */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parse.h"

static vt_lexicon lex;
static int failures, checks;
static const char *current;

static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL [%s] ", current);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    failures++;
}

/* Value at a dotted path; a field object yields its value/name/text. */
static const char *get(json_t *meta, const char *path)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    json_t *j = meta;
    for (char *save = NULL, *k = strtok_r(buf, ".", &save); k && j;
         k = strtok_r(NULL, ".", &save)) {
        char *end;
        long idx = strtol(k, &end, 10);
        j = *end == '\0' && json_is_array(j) ? json_array_get(j, (size_t)idx) : json_object_get(j, k);
    }
    if (json_is_object(j)) {
        json_t *v = json_object_get(j, "value");
        if (!v)
            v = json_object_get(j, "text");
        if (!v)
            v = json_object_get(j, "name");
        j = v;
    }
    return json_is_string(j) ? json_string_value(j) : NULL;
}

static void expect(json_t *meta, const char *path, const char *want)
{
    checks++;
    const char *got = get(meta, path);
    if (want == NULL ? got != NULL : (got == NULL || strcmp(got, want) != 0))
        fail("%s: want %s%s%s, got %s%s%s", path, want ? "\"" : "", want ? want : "(absent)",
             want ? "\"" : "", got ? "\"" : "", got ? got : "(absent)", got ? "\"" : "");
}

static void expect_missing(json_t *meta, const char *field, bool missing)
{
    checks++;
    json_t *m = json_object_get(meta, "missing_fields");
    bool found = false;
    for (size_t i = 0; i < json_array_size(m); i++)
        found |= strcmp(json_string_value(json_array_get(m, i)), field) == 0;
    if (found != missing)
        fail("missing_fields %s %s", missing ? "lacks" : "wrongly lists", field);
}

static void expect_count(json_t *meta, const char *key, size_t n)
{
    checks++;
    size_t got = json_array_size(json_object_get(meta, key));
    if (got != n)
        fail("%s: want %zu entries, got %zu", key, n, got);
}

static json_t *parse_lines(vt_pline *lines, size_t n, size_t *n_warnings)
{
    char **w = NULL;
    size_t nw = 0;
    json_t *meta = vt_parse_lines(lines, n, 1, &lex, &w, &nw);
    for (size_t i = 0; i < nw; i++)
        free(w[i]);
    free(w);
    if (n_warnings)
        *n_warnings = nw;
    return meta;
}

/* The lines of a text document: one per '\n', numbered from 1. */
static size_t text_lines(const char *text, vt_pline *lines, size_t cap)
{
    size_t n = 0;
    const char *p = text;
    while (*p && n < cap) {
        size_t k = strcspn(p, "\n");
        char *t = strndup(p, k);
        vt_pline_init(&lines[n], t);
        lines[n].number = n + 1;
        free(t);
        n++;
        p += k + (p[k] == '\n');
    }
    return n;
}

/* Parse a text document. */
static json_t *parse_text(const char *name, const char *text, size_t *n_warnings)
{
    current = name;
    vt_pline lines[400];
    size_t n = text_lines(text, lines, 400);
    json_t *meta = parse_lines(lines, n, n_warnings);
    for (size_t i = 0; i < n; i++)
        vt_pline_clear(&lines[i]);
    return meta;
}

/* Each case's first string printed between head and tail as a document,
 * whose trích yếu must come out as the case's second. */
static void expect_subjects(const char *head, const char *tail, const char *const (*cases)[2],
                            size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char doc[512];
        snprintf(doc, sizeof doc, "%s%s%s", head, cases[i][0], tail);
        json_t *m = parse_text(cases[i][0], doc, NULL);
        expect(m, "subject", cases[i][1]);
        json_decref(m);
    }
}

/* ------------------------------------------------------------ documents */

static const char ke_hoach[] =
    "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "SỞ Y TẾ                                    Độc lập - Tự do - Hạnh phúc\n"
    "\n"
    "Số: 0042/KH-SYT                    Nam Định, ngày 7 tháng 3 năm 2024\n"
    "\n"
    "KẾ HOẠCH\n"
    "Tiêm chủng mở rộng cho trẻ em dưới năm tuổi\n"
    "trên địa bàn tỉnh năm 2024\n"
    "\n"
    "Căn cứ Quyết định số 1234/QĐ-BYT ngày 15/01/2024 của Bộ Y tế về việc\n"
    "ban hành hướng dẫn tiêm chủng; Thông tư số 10/2023/TT-BYT ngày 02/6/2023\n"
    "của Bộ Y tế; Công văn số 88/UBND-VX ngày 20/02/2024 của UBND tỉnh;\n"
    "Sở Y tế xây dựng kế hoạch như sau:\n"
    "I. MỤC ĐÍCH\n"
    "Bảo đảm tỷ lệ tiêm đủ mũi đạt trên 95%. Đầu mối: bà Trần Thị Hoa, điện thoại 0912 345 678.\n"
    "\n"
    "Nơi nhận:                                  KT. GIÁM ĐỐC\n"
    "- UBND tỉnh (để b/c);                       PHÓ GIÁM ĐỐC\n"
    "- Các bệnh viện, trung tâm y tế;\n"
    "- Lưu: VT, NVY. (03b)\n"
    "                                            Phạm Quang Huy\n";

static void test_ke_hoach(void)
{
    size_t nw;
    json_t *m = parse_text("kế hoạch, clean", ke_hoach, &nw);
    expect(m, "number", "0042/KH-SYT");
    checks++;
    json_t *num = json_object_get(m, "number");
    if (strcmp(json_string_value(json_object_get(num, "code_number")), "0042") != 0 ||
        strcmp(json_string_value(json_object_get(num, "code_notation")), "KH-SYT") != 0)
        fail("code_number/code_notation not split as 0042 / KH-SYT");
    expect(m, "type", "Kế hoạch");
    expect(m, "date", "2024-03-07");
    expect(m, "place", "Nam Định");
    expect(m, "issuer", "Sở Y tế");
    expect(m, "issuer_parent", "Ủy ban nhân dân tỉnh Nam Định");
    expect(m, "subject", "Tiêm chủng mở rộng cho trẻ em dưới năm tuổi trên địa bàn tỉnh năm 2024");
    expect(m, "signer.authority", "KT. Giám đốc");
    expect(m, "signer.position", "Phó Giám đốc");
    expect(m, "signer.name", "Phạm Quang Huy");
    expect_count(m, "recipients", 3);
    expect(m, "recipients.0", "UBND tỉnh (để b/c)");
    checks++;
    json_t *r0 = json_array_get(json_object_get(m, "recipients"), 0);
    if (!json_is_string(json_object_get(r0, "purpose")) ||
        strcmp(json_string_value(json_object_get(r0, "purpose")), "để b/c") != 0 ||
        strcmp(json_string_value(json_object_get(r0, "name")), "UBND tỉnh") != 0)
        fail("recipient purpose not split");
    expect(m, "recipients.2", "Lưu: VT, NVY. (03b)");
    checks++;
    json_t *ac = json_object_get(m, "archive_copy");
    if (json_array_size(json_object_get(ac, "value")) != 2 ||
        json_integer_value(json_object_get(ac, "copies")) != 3)
        fail("archive_copy: want [VT, NVY] and 3 copies");
    expect_count(m, "references", 3);
    expect(m, "references.0.number", "1234/QĐ-BYT");
    expect(m, "references.0.type", "Quyết định");
    expect(m, "references.0.date", "2024-01-15");
    expect(m, "references.0.issuer", "Bộ Y tế");
    expect(m, "references.1.number", "10/2023/TT-BYT");
    expect(m, "references.1.type", "Thông tư");
    expect(m, "references.2.type", "Công văn");
    checks++;
    json_t *c0 = json_array_get(json_object_get(m, "contacts"), 0);
    if (!c0 || strcmp(json_string_value(json_object_get(c0, "phone")), "0912345678") != 0 ||
        strcmp(json_string_value(json_object_get(c0, "name")), "Trần Thị Hoa") != 0)
        fail("contact: want Trần Thị Hoa, 0912345678");
    checks++;
    if (strcmp(json_string_value(json_object_get(m, "language")), "vi") != 0)
        fail("language is not vi");
    expect_missing(m, "number", false);
    expect_missing(m, "signer.name", false);
    checks++;
    json_t *ev = json_object_get(json_object_get(m, "date"), "evidence");
    if (json_integer_value(json_object_get(ev, "line")) != 4)
        fail("date evidence: want line 4");
    checks++;
    if (nw != 0)
        fail("clean document gave %zu warnings", nw);
    json_decref(m);
}

/* The same kind of document as Tesseract's English model reads it:
 * diacritics lost or turned into digits, columns sharing lines. */
static const char damaged[] =
    "UY BAN NHAN DAN CONG HOA XA HQI CHU NGHIA VIET NAM\n"
    "PHUONG AN BINH Péc 1ap - Tu do - Hanh phiic\n"
    "S6:305 /QD-UBND An Binh, ngay 12 thang9 nam 2023\n"
    "QUYET DINH\n"
    "Vé viéc thanh 1ap t6 cong tac\n"
    "\n"
    "Can ctr Luat T6 chirc chinh quyén dia phuong;\n"
    "Noi nhgn: KT. CHU TICH\n"
    "- Nhu Piéu 3; PHO CHU TICH\n"
    "- Luu: VT.\n"
    "\n"
    "Pham Minh Luc\n";

static void test_damaged(void)
{
    json_t *m = parse_text("quyết định, legacy OCR", damaged, NULL);
    expect(m, "number", "305/QĐ-UBND");
    expect(m, "type", "Quyết định");
    expect(m, "date", "2023-09-12");
    expect(m, "place", "An Bình");
    expect(m, "issuer", "Ủy ban nhân dân phường An Bình");
    expect(m, "issuer_parent", NULL);
    expect(m, "signer.authority", "KT. Chủ tịch");
    expect(m, "signer.position", "Phó Chủ tịch");
    expect(m, "signer.name", "Phạm Minh Lực");
    expect_count(m, "recipients", 2);
    expect(m, "recipients.1", "Luu: VT");
    json_decref(m);
}

/* Công văn: V/v under the number, Kính gửi list, no type line. */
static const char cong_van[] =
    "BỘ TÀI CHÍNH\n"
    "CỤC THUẾ\n"
    "Số: 77/CT-KK\n"
    "V/v hướng dẫn kê khai thuế\n"
    "đối với hộ kinh doanh                 Hà Nội, ngày 1 tháng 12 năm 2022\n"
    "\n"
    "Kính gửi:\n"
    "- Cục Thuế các tỉnh, thành phố;\n"
    "- Chi cục Thuế các quận, huyện.\n"
    "\n"
    "Cục Thuế nhận được văn bản hỏi của một số đơn vị. Về vấn đề này,\n"
    "Cục Thuế hướng dẫn như sau.\n"
    "\n"
    "Nơi nhận:                              TL. CỤC TRƯỞNG\n"
    "- Như trên;                            TRƯỞNG PHÒNG KÊ KHAI\n"
    "- Lưu: VT, KK.\n"
    "                                        Đỗ Thanh Bình\n";

static void test_cong_van(void)
{
    json_t *m = parse_text("công văn", cong_van, NULL);
    expect(m, "number", "77/CT-KK");
    expect(m, "type", "Công văn");
    expect(m, "subject", "V/v hướng dẫn kê khai thuế đối với hộ kinh doanh");
    expect(m, "date", "2022-12-01");
    expect(m, "place", "Hà Nội");
    expect(m, "issuer", "Cục Thuế");
    expect(m, "issuer_parent", "Bộ Tài chính");
    expect_count(m, "addressees", 2);
    expect(m, "addressees.0", "Cục Thuế các tỉnh, thành phố");
    expect(m, "addressees.1", "Chi cục Thuế các quận, huyện");
    expect(m, "signer.authority", "TL. Cục trưởng");
    expect(m, "signer.position", "Trưởng phòng Kê khai");
    expect(m, "signer.name", "Đỗ Thanh Bình");
    expect(m, "recipients.0", "Như trên");
    json_decref(m);
}

/* Quyết định: "Về việc" under the type, the authority of the signer in
 * capitals, a KHẨN mark, an entry over two lines, a TM./KT. chain. */
static const char quyet_dinh[] =
    "ỦY BAN NHÂN DÂN               CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH BẮC NINH                        Độc lập - Tự do - Hạnh phúc\n"
    "     KHẨN\n"
    "Số: 1520/QĐ-UBND                Bắc Ninh, ngày 09 tháng 8 năm 2024\n"
    "\n"
    "QUYẾT ĐỊNH\n"
    "Về việc phê duyệt danh mục dự án\n"
    "đầu tư công năm 2025\n"
    "\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n"
    "\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Căn cứ Nghị quyết số 45/NQ-HĐND ngày 12/7/2024 của Hội đồng nhân dân tỉnh;\n"
    "Theo đề nghị của Giám đốc Sở Kế hoạch và Đầu tư tại Tờ trình số 310/TTr-SKHĐT ngày 01/8/2024.\n"
    "\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Phê duyệt danh mục dự án kèm theo Quyết định này.\n"
    "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\n"
    "\n"
    "Nơi nhận:                                       TM. ỦY BAN NHÂN DÂN\n"
    "- Như Điều 2;                                   KT. CHỦ TỊCH\n"
    "- Bộ Kế hoạch và Đầu tư (để b/c);               PHÓ CHỦ TỊCH\n"
    "- TT Tỉnh ủy, TT HĐND tỉnh (để b/c);\n"
    "- Chủ tịch, các PCT UBND tỉnh;\n"
    "- Các sở, ban, ngành thuộc tỉnh, các\n"
    "  huyện, thành phố;                              Nguyễn Hữu Thành\n"
    "- Lưu: VT, KTTH.\n";

static void test_quyet_dinh(void)
{
    json_t *m = parse_text("quyết định", quyet_dinh, NULL);
    expect(m, "number", "1520/QĐ-UBND");
    expect(m, "type", "Quyết định");
    expect(m, "date", "2024-08-09");
    expect(m, "issuer", "Ủy ban nhân dân tỉnh Bắc Ninh");
    expect(m, "subject", "Về việc phê duyệt danh mục dự án đầu tư công năm 2025");
    expect(m, "urgency", "Khẩn");
    expect_count(m, "recipients", 6);
    expect(m, "recipients.4", "Các sở, ban, ngành thuộc tỉnh, các huyện, thành phố");
    expect(m, "signer.authority", "TM. Ủy ban nhân dân / KT. Chủ tịch");
    expect(m, "signer.position", "Phó Chủ tịch");
    expect(m, "signer.name", "Nguyễn Hữu Thành");
    expect_count(m, "references", 2);
    expect(m, "references.1.type", "Tờ trình");
    expect(m, "references.1.number", "310/TTr-SKHĐT");
    json_decref(m);
}

/* A document missing most parts: nothing may be invented. */
static void test_missing(void)
{
    json_t *m = parse_text("missing parts",
                           "THÔNG BÁO\n"
                           "Lịch nghỉ Tết\n"
                           "\n"
                           "Cơ quan nghỉ từ ngày mùng một.\n", NULL);
    expect(m, "type", "Thông báo");
    expect(m, "subject", "Lịch nghỉ Tết");
    expect(m, "number", NULL);
    expect(m, "date", NULL);
    expect(m, "issuer", NULL);
    expect(m, "signer.name", NULL);
    expect(m, "recipients.0", NULL);
    expect_missing(m, "number", true);
    expect_missing(m, "date", true);
    expect_missing(m, "place", true);
    expect_missing(m, "issuer", true);
    expect_missing(m, "recipients", true);
    expect_missing(m, "signer", true);
    expect_missing(m, "type", false);
    json_decref(m);
}

/* Điều 7: the 29 kinds of administrative document. */
static void test_types(void)
{
    static const char *const types[][2] = {
        {"NGHỊ QUYẾT", "Nghị quyết"}, {"QUYẾT ĐỊNH", "Quyết định"}, {"CHỈ THỊ", "Chỉ thị"},
        {"QUY CHẾ", "Quy chế"}, {"QUY ĐỊNH", "Quy định"}, {"THÔNG CÁO", "Thông cáo"},
        {"THÔNG BÁO", "Thông báo"}, {"HƯỚNG DẪN", "Hướng dẫn"}, {"CHƯƠNG TRÌNH", "Chương trình"},
        {"KẾ HOẠCH", "Kế hoạch"}, {"PHƯƠNG ÁN", "Phương án"}, {"ĐỀ ÁN", "Đề án"},
        {"DỰ ÁN", "Dự án"}, {"BÁO CÁO", "Báo cáo"}, {"BIÊN BẢN", "Biên bản"},
        {"TỜ TRÌNH", "Tờ trình"}, {"HỢP ĐỒNG", "Hợp đồng"}, {"CÔNG VĂN", "Công văn"},
        {"CÔNG ĐIỆN", "Công điện"}, {"BẢN GHI NHỚ", "Bản ghi nhớ"},
        {"BẢN THỎA THUẬN", "Bản thỏa thuận"}, {"GIẤY ỦY QUYỀN", "Giấy ủy quyền"},
        {"GIẤY MỜI", "Giấy mời"}, {"GIẤY GIỚI THIỆU", "Giấy giới thiệu"},
        {"GIẤY NGHỈ PHÉP", "Giấy nghỉ phép"}, {"PHIẾU GỬI", "Phiếu gửi"},
        {"PHIẾU CHUYỂN", "Phiếu chuyển"}, {"PHIẾU BÁO", "Phiếu báo"}, {"THƯ CÔNG", "Thư công"},
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        char doc[512], name[64];
        snprintf(doc, sizeof doc,
                 "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 5/UBND\nHòa Bình, ngày 2 tháng 1 năm 2025\n"
                 "%s\nVề một việc\n\nNội dung.\n", types[i][0]);
        snprintf(name, sizeof name, "type %zu", i + 1);
        json_t *m = parse_text(name, doc, NULL);
        expect(m, "type", types[i][1]);
        json_decref(m);
    }
    /* Phụ lục III abbreviations ride along. */
    json_t *m = parse_text("type abbreviation", "QUYẾT ĐỊNH\nVề một việc\n", NULL);
    checks++;
    const char *ab = json_string_value(json_object_get(json_object_get(m, "type"), "abbreviation"));
    if (!ab || strcmp(ab, "QĐ") != 0)
        fail("Quyết định abbreviation: want QĐ, got %s", ab ? ab : "(absent)");
    json_decref(m);

    /* A trích yếu begun on the type's line goes on under it, however
     * long the line (a copy without line breaks) and with OCR's blank
     * line between. */
    static const char *const under[] = {
        "THÔNG BÁO KẾT LUẬN\nCỦA PHÓ CHỦ TỊCH UBND TỈNH TẠI BUỔI LÀM VIỆC VỚI SỞ XÂY DỰNG VỀ TIẾN ĐỘ "
        "CÁC DỰ ÁN NHÀ Ở XÃ HỘI TRÊN ĐỊA BÀN TỈNH NĂM 2025\n"
        "Ngày 10/3/2025, đồng chí Phó Chủ tịch đã làm việc với Sở Xây dựng.\n",
        "THONG BAO KET LUAN\n\nCỦA PHÓ CHỦ TỊCH UBND TỈNH TẠI BUỔI LÀM VIỆC VỚI SỞ XÂY DỰNG VỀ TIẾN ĐỘ "
        "CÁC DỰ ÁN NHÀ Ở XÃ HỘI TRÊN ĐỊA BÀN TỈNH NĂM 2025\n\n"
        "Ngày 10/3/2025, đồng chí Phó Chủ tịch đã làm việc với Sở Xây dựng.\n",
    };
    for (size_t i = 0; i < sizeof under / sizeof *under; i++) {
        char doc[1024], name[64];
        snprintf(doc, sizeof doc,
                 "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 15/TB-UBND\nHà Tĩnh, ngày 12 tháng 3 năm 2025\n%s",
                 under[i]);
        snprintf(name, sizeof name, "type with its trích yếu %zu", i + 1);
        m = parse_text(name, doc, NULL);
        expect(m, "type", "Thông báo");
        checks++;
        const char *subj = json_string_value(json_object_get(json_object_get(m, "subject"), "value"));
        char *f = subj ? vt_text_fold(subj) : NULL;
        if (!f || strcmp(f, "ket luan cua pho chu tich ubnd tinh tai buoi lam viec voi so xay dung "
                           "ve tien do cac du an nha o xa hoi tren dia ban tinh nam 2025") != 0)
            fail("%s: subject \"%s\"", name, subj ? subj : "(absent)");
        free(f);
        json_decref(m);
    }
    /* Specks of a seal or a rule read after the type name, short words
     * with marks among them. */
    m = parse_text("type with specks",
                   "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: 98/TB-CT\nHà Nội, ngày 2 tháng 1 năm 2025\n"
                   "THÔNG BÁO oe a Số\nKẾ HOẠCH NÂNG CẤP HỆ THỐNG\n\nNội dung.\n",
                   NULL);
    expect(m, "type", "Thông báo");
    expect(m, "subject", "KẾ HOẠCH NÂNG CẤP HỆ THỐNG");
    json_decref(m);
}

/* Điều 13: TM., KT., TL., TUQ., Q. and chains of them. */
static void test_authorities(void)
{
    static const struct {
        const char *block, *authority, *position;
    } cases[] = {
        {"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "TM. Ủy ban nhân dân", "Chủ tịch"},
        {"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TM. Ủy ban nhân dân / KT. Chủ tịch",
         "Phó Chủ tịch"},
        {"KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG", "KT. Bộ trưởng", "Thứ trưởng"},
        {"TL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG", "TL. Giám đốc", "Chánh Văn phòng"},
        {"TUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG", "TUQ. Chủ tịch", "Chánh Văn phòng"},
        /* One acting for the head signs with no title line: theirs is
         * the head's, acting. */
        {"Q. GIÁM ĐỐC", "Q. Giám đốc", "Quyền Giám đốc"},
        {"Q.CHÁNH THANH TRA", "Q. Chánh Thanh tra", "Quyền Chánh Thanh tra"},
        /* The prefix's dot lost, opening the line. */
        {"KT GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "KT. Giám đốc", "Phó Giám đốc"},
        {"TL CHỦ TỊCH\nCHÁNH VĂN PHÒNG", "TL. Chủ tịch", "Chánh Văn phòng"},
        {"TM ỦY BAN NHÂN DÂN\nKT CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TM. Ủy ban nhân dân / KT. Chủ tịch",
         "Phó Chủ tịch"},
        /* Legacy OCR: no marks, small letters in capitals. */
        {"KT.GIAM D0C\nPHO GlAM DÔc", "KT. Giám đốc", "Phó Giám đốc"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char doc[1024], name[64];
        snprintf(doc, sizeof doc,
                 "SỞ NỘI VỤ\nSố: 9/SNV-VP\nKẾ HOẠCH\nMột việc\n\nNội dung.\n\n"
                 "Nơi nhận:\n- Lưu: VT.\n%s\n\nLê Văn Minh\n", cases[i].block);
        snprintf(name, sizeof name, "authority %zu", i + 1);
        json_t *m = parse_text(name, doc, NULL);
        expect(m, "signer.authority", cases[i].authority);
        expect(m, "signer.position", cases[i].position);
        expect(m, "signer.name", "Lê Văn Minh");
        json_decref(m);
    }
}

/* Dates: padding, damage repaired only when one reading is valid. */
static void test_dates(void)
{
    static const struct {
        const char *line, *want;
        bool warns;
    } cases[] = {
        {"Hà Nội, ngày 5 tháng 3 năm 2024", "2024-03-05", false},
        {"Hà Nội, ngày 05 tháng 03 năm 2024", "2024-03-05", false},
        {"Hà Nội, ngày 29 tháng 02 năm 2024", "2024-02-29", false},
        {"Ha Noi, ngay 25 thdng 77 nam 2025", "2025-11-25", false},
        {"Ha Noi, ngay 3O thang 6 nam 2021", "2021-06-30", false},
        {"Ha Noi, ngay 25 thang9 nam 2025", "2025-09-25", false},
        {"Hà Nội, ngày 30 tháng 02 năm 2023", NULL, true},
        {"Hà Nội, ngày 19 tháng 13 năm 2023", NULL, true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char doc[512], name[64];
        snprintf(doc, sizeof doc, "SỞ TƯ PHÁP\nSố: 1/STP\n%s\nBÁO CÁO\nTình hình\n",
                 cases[i].line);
        snprintf(name, sizeof name, "date %zu", i + 1);
        size_t nw = 0;
        json_t *m = parse_text(name, doc, &nw);
        expect(m, "date", cases[i].want);
        expect(m, "place", strstr(cases[i].line, "Ha Noi") ? "Hà Nội" : "Hà Nội");
        checks++;
        if ((nw > 0) != cases[i].warns)
            fail("warnings: want %s, got %zu", cases[i].warns ? "some" : "none", nw);
        if (!cases[i].want)
            expect_missing(m, "date", true);
        json_decref(m);
    }
    /* An incoming stamp's date is not the issue date. */
    json_t *m = parse_text("stamp date",
                           "SỞ TƯ PHÁP\nCÔNG VĂN ĐẾN ngày 9 tháng 9 năm 2020\nSố: 1/STP\n"
                           "Huế, ngày 2 tháng 9 năm 2020\nBÁO CÁO\nTình hình\n", NULL);
    expect(m, "date", "2020-09-02");
    json_decref(m);
    /* The place ends the number's line, the date wrapped under it (a
     * scan's narrow right column read line by line with the left):
     * a known place is taken from there, a name of no place is not. */
    static const char *const above[][2] = {
        {"Số: 15/STP-VP Đà Nẵng,", "Đà Nẵng"},
        {"Số: 15/STP-VP TP. Hồ Chí Minh,", "TP. Hồ Chí Minh"},
        {"Số: 15/STP-VP Phạm Gia Khiêm,", NULL},
    };
    for (size_t i = 0; i < sizeof above / sizeof *above; i++) {
        char doc[512];
        snprintf(doc, sizeof doc, "SỞ TƯ PHÁP\n%s\nngày 2 tháng 9 năm 2020\nBÁO CÁO\nTình hình\n",
                 above[i][0]);
        m = parse_text("place above the date", doc, NULL);
        expect(m, "date", "2020-09-02");
        expect(m, "place", above[i][1]);
        json_decref(m);
    }
}

/* Issuers over one, two and three lines. */
static void test_issuers(void)
{
    static const struct {
        const char *head, *issuer, *parent;
    } cases[] = {
        {"ỦY BAN NHÂN DÂN\nPHƯỜNG NGỌC HÀ", "Ủy ban nhân dân phường Ngọc Hà", NULL},
        {"UBND TỈNH NINH BÌNH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo",
         "UBND tỉnh Ninh Bình"},
        {"UBND TỈNH QUẢNG NINH\nSỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch",
         "UBND tỉnh Quảng Ninh"},
        {"BỘ GIÁO DỤC VÀ ĐÀO TẠO", "Bộ Giáo dục và Đào tạo", NULL},
        {"UY BAN NHAN DAN\nPHUONG TAY HO", "Ủy ban nhân dân phường Tây Hồ", NULL},
        /* A speck read as a full stop inside the name; an abbreviation's stays. */
        {"ỦY BAN NHÂN DÂN\nTỈNH BẮC. GIANG", "Ủy ban nhân dân tỉnh Bắc Giang", NULL},
        {"ỦY BAN NHÂN DÂN\nTP. HỒ CHÍ MINH", "Ủy ban nhân dân TP. Hồ Chí Minh", NULL},
        /* The left column flattened onto one line. */
        {"BỘ TÀI CHÍNH CỤC THUẾ", "Cục Thuế", "Bộ Tài chính"},
        {"BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN", "Tổng cục Hải quan", "Bộ Tài chính"},
        /* ... its first name with a letter OCR damaged (Ộ read as Q). */
        {"BQ TAI CHINH TONG CUC HAI QUAN", "Tổng cục Hải quan", "Bộ Tài chính"},
        {"BỘ NỘI VU CUC VAN THU VA LUU TRU NHA NUOC", "Cục Văn thư và Lưu trữ nhà nước",
         "Bộ Nội vụ"},
        {"UBND TỈNH NINH BÌNH SỞ TƯ PHÁP", "Sở Tư pháp", "UBND tỉnh Ninh Bình"},
        {"ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH PHÒNG TÀI CHÍNH - KẾ HOẠCH",
         "Phòng Tài chính - Kế hoạch", "Ủy ban nhân dân huyện Đông Anh"},
        /* One body over one line stays whole. */
        {"VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ", NULL},
        {"CỤC THUẾ TỈNH NAM ĐỊNH", "Cục Thuế tỉnh Nam Định", NULL},
        {"ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh", NULL},
        /* Parent bodies over lines of their own, blank lines between. */
        {"BỘ CÔNG AN\n\nCỤC CẢNH SÁT GIAO THÔNG", "Cục Cảnh sát giao thông", "Bộ Công an"},
        {"BỘ GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG ĐẠI HỌC VINH", "Trường Đại học Vinh",
         "Bộ Giáo dục và Đào tạo"},
        {"UBND HUYỆN BA VÌ\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Phòng Giáo dục và Đào tạo",
         "UBND huyện Ba Vì"},
        {"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSỞ Y TẾ", "Sở Y tế", "Ủy ban nhân dân thành phố Hà Nội"},
        /* A name whose spaces OCR lost, with the rule under it read as
         * dashes and specks. */
        {"BỘ TÀI CHÍNH\nCUCTHUE —_ a", "Cục Thuế", "Bộ Tài chính"},
        {"BỘ TÀI CHÍNH\n\nTONGCUCHAIQUAN _ . , .", "Tổng cục Hải quan", "Bộ Tài chính"},
        {"UBND TỈNH NINH BÌNH\nSOTUPHAP", "Sở Tư pháp", "UBND tỉnh Ninh Bình"},
        /* The header's columns read as one, the motto wrapped after its
         * first word: the issuer ends before it. */
        {"TỔNG CỤC THUẾ\nCỤC THUẾ TỈNH YÊN SƠN Độc\nlập - Tự do - Hạnh phúc", "Cục Thuế tỉnh Yên Sơn",
         "Tổng cục Thuế"},
        {"SỞ NỘI VỤ Độc lập -\nTự do - Hạnh phúc", "Sở Nội vụ", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char doc[512], name[64];
        snprintf(doc, sizeof doc, "%s\nSố: 3/KH-X\nKẾ HOẠCH\nMột việc\n", cases[i].head);
        snprintf(name, sizeof name, "issuer %zu", i + 1);
        json_t *m = parse_text(name, doc, NULL);
        expect(m, "issuer", cases[i].issuer);
        expect(m, "issuer_parent", cases[i].parent);
        json_decref(m);
    }
}

/* Bodies organs.txt does not list, cased by Phụ lục II: the kind of body,
 * then each part naming its field capitalised; units and places after. */
static void test_organ_rules(void)
{
    static const char *const cases[][2] = {
        {"TỔNG CỤC THUẾ", "Tổng cục Thuế"},
        {"PHÒNG VĂN HÓA - THÔNG TIN - THỂ THAO", "Phòng Văn hóa - Thông tin - Thể thao"},
        {"PHÒNG VĂN HÓA – THÔNG TIN HUYỆN MÈO VẠC", "Phòng Văn hóa – Thông tin huyện Mèo Vạc"},
        {"TRUNG TÂM Y TẾ HUYỆN ĐÔNG ANH", "Trung tâm Y tế huyện Đông Anh"},
        {"BỆNH VIỆN ĐA KHOA TỈNH", "Bệnh viện Đa khoa tỉnh"},
        {"CỤC HỘ TỊCH, QUỐC TỊCH, CHỨNG THỰC", "Cục Hộ tịch, Quốc tịch, Chứng thực"},
        {"VỤ PHÁP CHẾ VÀ THANH TRA", "Vụ Pháp chế và Thanh tra"},
        /* Listed bodies keep the lexicon's spelling. */
        {"SỞ TÀI CHÍNH", "Sở Tài chính"},
        {"PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG QUẬN HOÀN KIẾM",
         "Phòng Tài nguyên và Môi trường quận Hoàn Kiếm"},
        {"CHI CỤC THUẾ KHU VỰC II", "Chi cục Thuế khu vực II"},
        {"CỤC THUẾ TỈNH NAM ĐỊNH", "Cục Thuế tỉnh Nam Định"},
        /* A unit word is never traded for another within OCR distance
         * ("tỉnh Hà" is not "thành phố"). */
        {"ỦY BAN NHÂN DÂN TỈNH HÀ NAM", "Ủy ban nhân dân tỉnh Hà Nam"},
        {"ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "Ủy ban nhân dân thành phố Hải Phòng"},
        /* "Xã hội" is social only in a field's name. */
        {"ỦY BAN NHÂN DÂN XÃ HỘI XUÂN", "Ủy ban nhân dân xã Hội Xuân"},
        {"HỘI ĐỒNG NHÂN DÂN XÃ HỘI XUÂN", "Hội đồng nhân dân xã Hội Xuân"},
        {"PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI HUYỆN BA VÌ",
         "Phòng Lao động - Thương binh và Xã hội huyện Ba Vì"},
        {"KHO BẠC NHÀ NƯỚC KHU VỰC XIII", "Kho bạc Nhà nước khu vực XIII"},
        /* Not a kind: the first word alone is capitalised. */
        {"BẢO HIỂM XÃ HỘI HUYỆN BA VÌ", "Bảo hiểm xã hội huyện Ba Vì"},
    };
    current = "organ case rules";
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        checks++;
        char *got = vt_organ_case(&lex, cases[i][0]);
        if (strcmp(got, cases[i][1]) != 0)
            fail("%s: want \"%s\", got \"%s\"", cases[i][0], cases[i][1], got);
        free(got);
    }
    json_t *m = parse_text("issuer not in organs.txt",
                           "BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ\nSố: 7/TCT-VP\nCÔNG ĐIỆN\nVề một việc\n",
                           NULL);
    expect(m, "issuer", "Tổng cục Thuế");
    expect(m, "issuer_parent", "Bộ Tài chính");
    json_decref(m);
}

/* Signer names: given name first for some peoples of the Tây Nguyên
 * (prefix Y / H'), names the family list does not hold, names printed in
 * capitals, and Kinh names kept family first. */
static void test_signer_names(void)
{
    static const char *const cases[][2] = {
        {"H'Yim Kđoh", "H'Yim Kđoh"},
        {"Y Khu Niê", "Y Khu Niê"},
        {"Ksor H'Ni", "Ksor H'Ni"},
        {"KSOR H'NI", "Ksor H'Ni"},
        {"H'YIM KDOH", "H'Yim Kđoh"},
        {"H'Ngan Bya", "H'Ngan Byă"},
        /* OCR split the đ of a listed family name into a marked vowel. */
        {"H'Ni Hửdơk", "H'Ni Hđơk"},
        {"Y Bhim Ayun", "Y Bhim Ayun"},
        {"Y Thanh Hà Niê Kđăm", "Y Thanh Hà Niê Kđăm"},
        {"Hờ A Chứ", "Hờ A Chứ"},
        {"Tran Van Nam", "Trần Van Nam"},
        {"Nguycn Thi Ha", "Nguyễn Thị Ha"},
        /* Letters two family names share: the one the corpus names more
         * where the marks were lost, the printed one where they were not. */
        {"Vu Van Nam", "Vũ Van Nam"},
        {"Vừ Văn Nam", "Vừ Văn Nam"},
    };
    /* The parts alone: no whole name of the lexicon decides. */
    size_t persons = lex.persons.n;
    lex.persons.n = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char doc[1024], name[64];
        snprintf(doc, sizeof doc,
                 "UBND TỈNH ĐẮK LẮK\nSỞ TƯ PHÁP\nSố: 4/STP-VP\nBuôn Ma Thuột, ngày 1 tháng 7 năm 2025\n"
                 "GIẤY MỜI\nHọp giao ban\n\nNơi nhận:             KT. GIÁM ĐỐC\n"
                 "- Các phòng;          PHÓ GIÁM ĐỐC\n- Lưu: VT.\n\n                       %s\n",
                 cases[i][0]);
        snprintf(name, sizeof name, "signer name %zu", i + 1);
        json_t *m = parse_text(name, doc, NULL);
        expect(m, "signer.name", cases[i][1]);
        expect(m, "signer.position", "Phó Giám đốc");
        json_decref(m);
    }
    lex.persons.n = persons;
}

/* A name line the signature's or the seal's specks follow, read as short
 * words: the name is the words before them whose parts the names list
 * holds; a line that is no name stays none.  Strokes read as marks
 * without a letter before the name are no part of it.  Two words of a name OCR
 * glued together are parted again; a name the line broke before its
 * given name is taken whole. */
static void test_signer_name_specks(void)
{
    static const char *const cases[][2] = {
        {"NguyễnThị Lan", "Nguyễn Thị Lan"},
        {"Tran ThiLan", "Trần Thị Lan"},
        {"Đỗ Văn\nHùng", "Đỗ Văn Hùng"},
        {"Ro’ Mah Tuấn", "Rơ Mah Tuấn"},
        {"Phan Thanh Long a ee Co Oo", "Phan Thanh Long"},
        {"Lê Thị Hà a ẽ", "Lê Thị Hà"},
        {"Hoàng Văn Nam ~ Ly", "Hoàng Văn Nam"},
        {"\xe2\x81\x84 Võ Minh Khoa", "Võ Minh Khoa"},
        {"\xe2\x80\xb9 / Đào Thị Yến", "Đào Thị Yến"},
        /* A stroke read as marks round a letter, or as that letter
         * alone once the line's leading marks are dropped. */
        {"`>r Hồ Minh Khoa", "Hồ Minh Khoa"},
        {"%>v Đào Thị Yến", "Đào Thị Yến"},
        {"s Hồ Minh Khoa", "Hồ Minh Khoa"},
        /* A word with a digit is no stroke's mark: the line is no name,
         * the one under it is. */
        {"(2 Sa Lý Av\nĐào Thị Yến", "Đào Thị Yến"},
        /* A signature read as words the names list does not hold, above
         * the printed name it holds whole. */
        {"Kt N Lò\nĐào Thị Yến", "Đào Thị Yến"},
        {"Quản lý vận hành a ee", NULL},
    };
    size_t persons = lex.persons.n;
    lex.persons.n = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char doc[1024];
        snprintf(doc, sizeof doc,
                 "UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\nSố: 12/SNV-VP\nHà Tĩnh, ngày 3 tháng 4 năm 2025\n"
                 "V/v rà soát biên chế\n\nSở Nội vụ đề nghị các đơn vị thực hiện./.\n\n"
                 "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n%s\n",
                 cases[i][0]);
        json_t *m = parse_text(cases[i][0], doc, NULL);
        expect(m, "signer.name", cases[i][1]);
        expect(m, "signer.position", "Phó Giám đốc");
        json_decref(m);
    }
    lex.persons.n = persons;
}

/* A name's word restore changed to another name of the same letters
 * ("Hòa" and "Hoa" are both names) is read as the page printed it: the
 * model's choice between two names is its corpus's persons.  A printed
 * word no name spells so is still restore's. */
static void test_signer_printed_marks(void)
{
    static const char *const cases[][3] = {
        {"Đinh Văn Hòa", "Đinh Văn Hoa", "Đinh Văn Hòa"},
        {"Đinh Văn Hoa", "Đinh Văn Hòa", "Đinh Văn Hòa"},
        {"Đinh Văn Hỏa", "Đinh Văn Hòa", "Đinh Văn Hòa"},
    };
    static const char doc[] =
        "UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\nSố: 12/SNV-VP\nHà Tĩnh, ngày 3 tháng 4 năm 2025\n"
        "V/v rà soát biên chế\n\nSở Nội vụ đề nghị các đơn vị thực hiện./.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n";
    size_t persons = lex.persons.n;
    lex.persons.n = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[1024];
        snprintf(text, sizeof text, "%s%s\n", doc, cases[i][1]);
        current = cases[i][0];
        vt_pline lines[64];
        size_t n = text_lines(text, lines, 64);
        lines[n - 1].orig = strdup(cases[i][0]);
        json_t *m = parse_lines(lines, n, NULL);
        expect(m, "signer.name", cases[i][2]);
        json_decref(m);
        for (size_t k = 0; k < n; k++)
            vt_pline_clear(&lines[k]);
    }
    lex.persons.n = persons;
}

/* The star under a party body's name, read as a short word in small
 * letters, is no part of the issuer. */
static void test_party_star(void)
{
    json_t *m = parse_text("party star",
                           "ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY AN BÌNH\nok\n\nSố 12-CV/TU\n"
                           "V/v tổng kết công tác năm\nAn Bình, ngày 8 tháng 12 năm 2025\n"
                           "Kính gửi: Các huyện ủy.\n",
                           NULL);
    expect(m, "issuer", "Tỉnh ủy An Bình");
    expect(m, "number", "12-CV/TU");
    json_decref(m);
}

/* The rule under a name in capitals, level with the motto, read by
 * English-model OCR as small letters left of it, is no part of the
 * issuer; a line of the name in capitals beside the motto is. */
static void test_rule_beside_motto(void)
{
    json_t *m = parse_text("rule beside motto",
                           "BỘ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
                           "bốn Độc lập - Tự do - Hạnh phúc ------------------------\n\n"
                           "Số: /TTr-BNV Hà Nội, ngày tháng năm 2025\n\n"
                           "TỜ TRÌNH VỀ DỰ THẢO NGHỊ ĐỊNH SỬA ĐỔI\n\nI. SỰ CẦN THIẾT\n",
                           NULL);
    expect(m, "issuer", "Bộ Nội vụ");
    json_decref(m);
    m = parse_text("rule beside motto, words",
                   "BỘ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
                   "wu mnen nn nnnnnnn- Độc lập - Tự do - Hạnh phúc ---------\n\n"
                   "Số: /TTr-BNV Hà Nội, ngày tháng năm 2025\n\nTỜ TRÌNH\n\nI. SỰ CẦN THIẾT\n",
                   NULL);
    expect(m, "issuer", "Bộ Nội vụ");
    json_decref(m);
    m = parse_text("name beside motto",
                   "UBND TỈNH AN BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   "SỞ Y TẾ Độc lập - Tự do - Hạnh phúc\n"
                   "Số: 12/SYT-VP An Bình, ngày 3 tháng 4 năm 2025\n"
                   "V/v rà soát biên chế\n\nKính gửi: Các đơn vị.\n",
                   NULL);
    expect(m, "issuer", "Sở Y tế");
    json_decref(m);
}

/* A name in capitals read twice, the second time with its spaces lost, is
 * one name; a body under it spelled otherwise is a body of its own. */
static void test_issuer_read_twice(void)
{
    json_t *m = parse_text("issuer read twice",
                           "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n\nBỘ NÔNGNGHIỆP VÀMÔITRƯỜNG\n\n"
                           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
                           "Số: 15/QĐ-BNNMT\n\nHà Nội, ngày 4 tháng 3 năm 2025\n\nQUYẾT ĐỊNH\n\n"
                           "Về việc giao chỉ tiêu năm 2025\n\nBỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n",
                           NULL);
    expect(m, "issuer", "Bộ Nông nghiệp và Môi trường");
    expect(m, "issuer_parent", NULL);
    json_decref(m);
}

/* OCR lost the type's title: the number's notation names the type, and
 * the lines in capitals under the date are the trích yếu; a notation
 * naming no type, or a section heading under the date, gives neither. */
static void test_title_lost(void)
{
    json_t *m = parse_text("title lost",
                           "ỦY BAN NHÂN DÂN\n\nTỈNH AN BÌNH\n\nSố: 37/KH-UBND\n\n"
                           "An Bình, ngày 4 tháng 3 năm 2025\n\n"
                           "THỰC HIỆN CHUYỂN ĐỔI SỐ TRONG CÁC TRƯỜNG HỌC\n\nTRÊN ĐỊA BÀN TỈNH NĂM 2025\n\n"
                           "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n",
                           NULL);
    expect(m, "type", "Kế hoạch");
    expect(m, "subject", "THỰC HIỆN CHUYỂN ĐỔI SỐ TRONG CÁC TRƯỜNG HỌC TRÊN ĐỊA BÀN TỈNH NĂM 2025");
    json_decref(m);
    m = parse_text("title lost, authority under it",
                   "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 15/QĐ-UBND\nAn Phú, ngày 4 tháng 3 năm 2025\n"
                   "THÀNH LẬP TỔ CÔNG TÁC CHUYỂN ĐỔI SỐ\nCHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN PHÚ\n"
                   "Căn cứ Luật Tổ chức chính quyền địa phương;\n",
                   NULL);
    expect(m, "type", "Quyết định");
    expect(m, "subject", "THÀNH LẬP TỔ CÔNG TÁC CHUYỂN ĐỔI SỐ");
    json_decref(m);
    m = parse_text("title lost, no type named",
                   "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 15/UBND-VP\nAn Phú, ngày 4 tháng 3 năm 2025\n"
                   "THỰC HIỆN CHUYỂN ĐỔI SỐ\nỦy ban nhân dân xã thông báo như sau:\n",
                   NULL);
    expect(m, "subject", NULL);
    json_decref(m);
    m = parse_text("section under the date",
                   "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 15/BC-UBND\nAn Phú, ngày 4 tháng 3 năm 2025\n"
                   "I. KẾT QUẢ THỰC HIỆN\nNăm 2025, xã đã hoàn thành các chỉ tiêu.\n",
                   NULL);
    expect(m, "type", NULL);
    expect(m, "subject", NULL);
    json_decref(m);
}

/* What OCR read off a mark beside a trích yếu's last line, after a sign
 * no trích yếu prints, is cut off; a word after such a sign is kept. */
static void test_subject_trailing_speck(void)
{
    json_t *m = parse_text("subject trailing speck",
                           "BỘ XÂY DỰNG\nSố: 15/QĐ-BXD\nHà Nội, ngày 4 tháng 3 năm 2025\nQUYẾT ĐỊNH\n"
                           "Ban hành quy chế quản lý hệ thống thông tin » mw 4\n\n"
                           "BỘ TRƯỞNG BỘ XÂY DỰNG\n",
                           NULL);
    expect(m, "subject", "Ban hành quy chế quản lý hệ thống thông tin");
    json_decref(m);
    m = parse_text("subject sign then word",
                   "BỘ XÂY DỰNG\nSố: 16/QĐ-BXD\nHà Nội, ngày 4 tháng 3 năm 2025\nQUYẾT ĐỊNH\n"
                   "Ban hành quy chế quản lý hệ thống | kho dữ liệu\n\nBỘ TRƯỞNG BỘ XÂY DỰNG\n",
                   NULL);
    expect(m, "subject", "Ban hành quy chế quản lý hệ thống | kho dữ liệu");
    json_decref(m);
}

/* A speck read as a word before the trích yếu is no part of it; a quote
 * opening it stays. */
static void test_subject_leading_speck(void)
{
    static const char *const cases[][2] = {
        {". BAN HÀNH QUY CHẾ QUẢN LÝ KHO LƯU TRỮ\n", "BAN HÀNH QUY CHẾ QUẢN LÝ KHO LƯU TRỮ"},
        {"„ Ban hành quy chế quản lý kho lưu trữ\n", "Ban hành quy chế quản lý kho lưu trữ"},
        {"“Ban hành quy chế” quản lý kho lưu trữ\n", "“Ban hành quy chế” quản lý kho lưu trữ"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char doc[512];
        snprintf(doc, sizeof doc,
                 "BỘ XÂY DỰNG\nSố: 17/QĐ-BXD\nHà Nội, ngày 4 tháng 3 năm 2025\nQUYẾT ĐỊNH\n%s\n"
                 "BỘ TRƯỞNG BỘ XÂY DỰNG\n", cases[i][0]);
        json_t *m = parse_text("subject leading speck", doc, NULL);
        expect(m, "subject", cases[i][1]);
        json_decref(m);
    }
}

/* A dispatch whose foot is `footer`, with a body naming `body`. */
static json_t *parse_foot(const char *name, const char *body, const char *footer)
{
    char doc[4096];
    snprintf(doc, sizeof doc,
             "UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\nSố: 12/SNV-VP\nHà Tĩnh, ngày 3 tháng 4 năm 2025\n"
             "V/v rà soát biên chế\n\n%s\n\n%s\n", body, footer);
    return parse_text(name, doc, NULL);
}

/* A code whose small letters OCR parted from its capitals by a space
 * ("PTT g") is one word again where the whole is a known code; capitals
 * before a word of small letters stay apart. */
static void test_code_small_letters_parted(void)
{
    static const char body[] = "Sở Nội vụ đề nghị các đơn vị thực hiện./.";
    json_t *m = parse_foot("code parted before its small letters", body,
                           "Nơi nhận:\n- Trợ lý PTT g;\n- Thư ký của PTT gCP Trần Văn Khải;\n"
                           "- UBND xa Tân An;\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n");
    expect(m, "recipients.0", "Trợ lý PTTg");
    expect(m, "recipients.1", "Thư ký của PTTgCP Trần Văn Khải");
    expect(m, "recipients.2", "UBND xa Tân An");
    json_decref(m);
}

/* The first Nơi nhận entry printed without its dash, a company and its
 * address, wrapped over three lines as a scan's narrow column breaks it:
 * one entry, up to its closing mark. */
static void test_first_entry_wrapped(void)
{
    static const char body[] = "Sở Nội vụ đề nghị công ty thực hiện./.";
    json_t *m = parse_foot("first entry without a dash, wrapped", body,
                           "Nơi nhận:\nCông ty TNHH Xây dựng Minh Phát (Lô C2, Khu\n"
                           "Công nghiệp Phú Bài, Xã Hương Thủy,\nTỉnh Thừa Thiên);\n"
                           "- Phòng Kinh tế (để biết);\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n");
    expect(m, "recipients.0", "Công ty TNHH Xây dựng Minh Phát (Lô C2, Khu Công nghiệp Phú Bài, "
                              "Xã Hương Thủy, Tỉnh Thừa Thiên)");
    expect(m, "recipients.1", "Phòng Kinh tế (để biết)");
    expect(m, "signer.name", "Đinh Quốc Bảo");
    json_decref(m);
}

/* A speck before the Nơi nhận cue read as a list mark ("- Nơi nhận:"):
 * still the cue, where no unmarked one stands and nothing but the
 * signature's authority follows it; a list entry of the body opening
 * with the words is none. */
static void test_cue_after_speck(void)
{
    static const char body[] = "Sở Nội vụ đề nghị các đơn vị thực hiện./.";
    json_t *m = parse_foot("cue after a speck", body,
                           "- Nơi nhận:\n- Như trên;\n- Phòng Tổ chức;\n- Lưu: VT.\n"
                           "GIÁM ĐỐC\n\nĐinh Quốc Bảo\n");
    expect(m, "recipients.0", "Như trên");
    expect(m, "recipients.1", "Phòng Tổ chức");
    expect_count(m, "recipients", 3);
    expect(m, "signer.name", "Đinh Quốc Bảo");
    json_decref(m);

    m = parse_foot("cue after a speck, authority beside", body,
                   "- Nơi nhận: KT. GIÁM ĐỐC\n- Như trên; PHÓ GIÁM ĐỐC\n- Lưu: VT.\n\n"
                   "Đinh Quốc Bảo\n");
    expect(m, "recipients.0", "Như trên");
    expect(m, "signer.position", "Phó Giám đốc");
    json_decref(m);

    m = parse_foot("body entry opening with the words", body,
                   "- Nơi nhận: bộ phận một cửa của xã.\n"
                   "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n");
    expect_count(m, "recipients", 2);
    expect(m, "recipients.0", "Như trên");
    json_decref(m);
}

/* A purpose's abbreviation whose second letter OCR read as a capital or
 * apart: small and joined again; a code's slash stays as printed. */
static void test_purpose_slash(void)
{
    static const char body[] = "Sở Nội vụ đề nghị các đơn vị thực hiện./.";
    json_t *m = parse_foot("purpose abbreviation", body,
                           "Nơi nhận:\n- Chủ tịch UBND tỉnh (để b/ C);\n- PGĐ Lê Văn Tư (để b/C);\n"
                           "- Các phòng (để t/h);\n- Tổ KT/ HC;\n- Lưu: VT.\nGIÁM ĐỐC\n\n"
                           "Đinh Quốc Bảo\n");
    expect(m, "recipients.0", "Chủ tịch UBND tỉnh (để b/c)");
    expect(m, "recipients.1", "PGĐ Lê Văn Tư (để b/c)");
    expect(m, "recipients.2", "Các phòng (để t/h)");
    expect(m, "recipients.3", "Tổ KT/ HC");
    json_decref(m);
}

/* A Nơi nhận cue the seal spoiled past reading: the list is the marked
 * entries above the archive line, up to the first line with no mark; an
 * archive note alone under the body opens no list. */
static void test_cue_spoiled(void)
{
    static const char body[] = "Sở Nội vụ đề nghị các đơn vị thực hiện./.";
    json_t *m = parse_foot("cue spoiled by the seal", body,
                           "Ngi nh~ GIÁM ĐỐC\n- Như trên;\n- Phòng Tổ chức (để biết);\n"
                           "- Lưu: VT, TCCB.\n\nĐinh Quốc Bảo\n");
    expect_count(m, "recipients", 3);
    expect(m, "recipients.1", "Phòng Tổ chức (để biết)");
    expect(m, "recipients.2", "Lưu: VT, TCCB");
    json_decref(m);

    m = parse_foot("archive note alone", body, "Ngi nh~ GIÁM ĐỐC\n- Lưu: VT.\n\nĐinh Quốc Bảo\n");
    expect_missing(m, "recipients", true);
    json_decref(m);
}

/* Parse `text` as restore left it, each line first seen as the line of
 * `source` beside it. */
static json_t *parse_restored(const char *name, const char *text, const char *source)
{
    current = name;
    vt_pline lines[64], first[64];
    size_t n = text_lines(text, lines, 64), m = text_lines(source, first, 64);
    for (size_t i = 0; i < n && i < m; i++)
        if (strcmp(lines[i].text, first[i].text) != 0)
            lines[i].orig = strdup(first[i].text);
    json_t *meta = parse_lines(lines, n, NULL);
    for (size_t i = 0; i < n; i++)
        vt_pline_clear(&lines[i]);
    for (size_t i = 0; i < m; i++)
        vt_pline_clear(&first[i]);
    return meta;
}

/* A unit's code no list holds, in a text that lost its Đ (restore wrote
 * them back in words, the source shows none): its D is Đ where the codes
 * the corpus prints put it together so (KT and ĐC), D where they put it
 * together with D (KH and DN); in a text that kept its marks, or printed
 * its Đ, it is as printed. */
static void test_code_d_lost(void)
{
    static const char restored[] =
        "SỞ TÀI CHÍNH\nSố: 41/STC-KTDC\nHà Tĩnh, ngày 3 tháng 4 năm 2025\n"
        "V/v điều chỉnh dự toán\n\nSở Tài chính đề nghị các đơn vị thực hiện đúng hạn./.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, KTDC, KHDN.\nGIÁM ĐỐC\n\nĐinh Văn Lộc\n";
    static const char source[] =
        "SO TAI CHINH\nSo: 41/STC-KTDC\nHa Tinh, ngay 3 thang 4 nam 2025\n"
        "V/v dieu chinh du toan\n\nSo Tai chinh de nghi cac don vi thuc hien dung han./.\n\n"
        "Noi nhan:\n- Nhu tren;\n- Luu: VT, KTDC, KHDN.\nGIAM DOC\n\nDinh Van Loc\n";
    json_t *m = parse_restored("codes of a text that lost its Đ", restored, source);
    expect(m, "number", "41/STC-KTĐC");
    expect(m, "recipients.1", "Lưu: VT, KTĐC, KHDN");
    json_decref(m);
    m = parse_restored("codes of a text that kept its marks", restored, restored);
    expect(m, "number", "41/STC-KTDC");
    expect(m, "recipients.1", "Lưu: VT, KTDC, KHDN");
    json_decref(m);
}

/* In a text that lost its Đ, a cited code's type is the abbreviation of
 * the type named before it: "Đề án số 12/DA-CP" cites ĐA (Dự án's DA is
 * a code too); in a text that kept its marks it is as printed. */
static void test_cited_type_d_lost(void)
{
    static const char restored[] =
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 41/QĐ-UBND\nHà Tĩnh, ngày 3 tháng 4 năm 2025\n"
        "QUYẾT ĐỊNH\nVề việc sắp xếp đơn vị\n"
        "Căn cứ Đề án số 12/DA-CP ngày 2/4/2025 của Chính phủ và Dự án số 13/DA-BQL;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Sắp xếp đơn vị.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n";
    static const char source[] =
        "UY BAN NHAN DAN\nTINH HA TINH\nSo: 41/QD-UBND\nHa Tinh, ngay 3 thang 4 nam 2025\n"
        "QUYET DINH\nVe viec sap xep don vi\n"
        "Can cu De an so 12/DA-CP ngay 2/4/2025 cua Chinh phu va Du an so 13/DA-BQL;\n"
        "QUYET DINH:\nDieu 1. Sap xep don vi.\n\nNoi nhan:\n- Nhu tren;\n- Luu: VT.\n";
    json_t *m = parse_restored("cited type of a text that lost its Đ", restored, source);
    expect(m, "references.0.number", "12/ĐA-CP");
    expect(m, "references.1.number", "13/DA-BQL");
    json_decref(m);
    m = parse_restored("cited type of a text that kept its marks", restored, restored);
    expect(m, "references.0.number", "12/DA-CP");
    json_decref(m);
}

/* Handwritten initials after the archive line of a scanned page, which
 * OCR glues to its last word, are no part of the entry; printed initials
 * and codes stay; the cue's colon read as a semicolon is a colon. */
static void test_archive_line_initials(void)
{
    static const char body[] = "Sở Nội vụ đề nghị các đơn vị thực hiện./.";
    static const struct {
        const char *luu, *want;
    } cases[] = {
        {"- Lưu: VT, TCCB (12B).zz_", "Lưu: VT, TCCB (12B)"},
        {"- Lưu: VT, TCCB (L-05b).4.", "Lưu: VT, TCCB (L-05b)"},
        {"- Lưu: VT.TH.ÍỦ„„", "Lưu: VT.TH"},
        /* The pen's strokes read as accented capitals and a small letter. */
        {"- Lưu: VT.KH.ÉÛw", "Lưu: VT.KH"},
        {"- Lưu: VT, QLDA.ĂÔn.", "Lưu: VT, QLDA"},
        {"- Lưu: VT, P.chính.", "Lưu: VT, P.chính"},
        {"- Lưu: VT, KT-XH.TA.", "Lưu: VT, KT-XH.TA"},
        {"- Lưu: VT, TCCB (2). HA.", "Lưu: VT, TCCB (2). HA"},
        {"- Lưu: VT, TCTC (3).PTh.", "Lưu: VT, TCTC (3).PTh"},
        /* A typist's initial and name glued to the copy count. */
        {"- Lưu: VT, TCTC (3)H.Lâm.", "Lưu: VT, TCTC (3)H.Lâm"},
        {"- Lưu: VT, TCTC (3)H.Lzz.", "Lưu: VT, TCTC (3)"},
        /* ... or apart after the closing full stop: one or two letters
         * and digits, no two capitals, no name, no copy count. */
        {"- Lưu: VT, TCCB (12B). qz_", "Lưu: VT, TCCB (12B)"},
        {"- Lưu: VT, TCCB (L-05b). 7q", "Lưu: VT, TCCB (L-05b)"},
        {"- Lưu: VT, QLDA. Zz", "Lưu: VT, QLDA"},
        {"- Lưu: VT, QLDA. 3.", "Lưu: VT, QLDA"},
        {"- Lưu: VT, TCCB (2). Hà.", "Lưu: VT, TCCB (2). Hà"},
        {"- Lưu: VT, TCCB (2). pvt.", "Lưu: VT, TCCB (2). pvt"},
        {"- Lưu: VT, TCCB (2). Tr.", "Lưu: VT, TCCB (2). Tr"},
        {"- Lưu: VT, TCCB. 3b.", "Lưu: VT, TCCB. 3b"},
        /* The colon of a coarse scan read as a semicolon. */
        {"- Lưu; TCCB, VT.", "Lưu: TCCB, VT"},
        /* The văn thư's copy under OCR: a letter misread, a speck glued
         * on, the cue's colon not printed. */
        {"- Lưu: VI; TCCB.", "Lưu: VT, TCCB"},
        {"- Lưu: VTE, TCCB.", "Lưu: VT, TCCB"},
        {"- Lưu VF; TCCB.", "Lưu VT, TCCB"},
        {"- Lưu: VTTU.", "Lưu: VTTU"},
        /* ... its comma read as a full stop glued to the next copy, or
         * doubled by a speck. */
        {"- Lưu: VI.TCCB.", "Lưu: VT, TCCB"},
        {"- Lưu: VT,; TCCB.", "Lưu: VT, TCCB"},
        /* ... or lost before the next copy. */
        {"- Lưu: VT TCCB (2b).", "Lưu: VT, TCCB (2b)"},
        {"- Lưu: VT (2b).", "Lưu: VT (2b)"},
        /* Read right, its separator stays as printed. */
        {"- Lưu: VT; TCCB (HA,05).", "Lưu: VT; TCCB (HA,05)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char foot[512];
        snprintf(foot, sizeof foot, "Nơi nhận:\n- Như trên;\n%s\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
                 cases[i].luu);
        json_t *m = parse_foot(cases[i].luu, body, foot);
        expect(m, "recipients.1", cases[i].want);
        expect_count(m, "recipients", 2);
        json_decref(m);
    }
}

/* Nơi nhận entries: wrapped over lines, after the cue on its line, behind
 * any mark OCR makes of the dash, under any shape OCR makes of the cue. */
static void test_recipient_lists(void)
{
    static const char body[] = "Sở Nội vụ đề nghị các đơn vị thực hiện./.";
    static const struct {
        const char *name, *foot, *want[7]; /* the entries, NULL after the last */
    } cases[] = {
        {"recipients wrapped",
         "Nơi nhận:\n- Ủy ban nhân dân các huyện, thành phố trực thuộc\nTrung ương;\n"
         "- Cục Kiểm tra văn bản và Quản lý xử lý vi phạm\nhành chính (Bộ Tư pháp);\n"
         "- Các phòng, đơn vị\nthuộc Sở;\n- Lưu: VT, TCCB.\n"
         "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Ủy ban nhân dân các huyện, thành phố trực thuộc Trung ương",
          "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính (Bộ Tư pháp)",
          "Các phòng, đơn vị thuộc Sở", "Lưu: VT, TCCB"}},
        {"recipients on the cue line",
         "Nơi nhận: - Như trên; - Bộ Nội vụ (để b/c); - Lưu: VT, TCCB.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "Bộ Nội vụ (để b/c)", "Lưu: VT, TCCB"}},
        {"recipient after the cue", "Nơi nhận: Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "Lưu: VT"}},
        /* A speck after the cue, read as a letter, is no entry. */
        {"speck after the cue", "Nơi nhận: l\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "Lưu: VT"}},
        /* OCR's dashes, and an entry whose dash was lost. */
        {"recipient marks",
         "Nơi nhận:\n\n— Như trên;\n\n= Sở Tài chính;\n\n+ Sở Nội vụ;\n\n"
         ". Kho bạc Nhà nước tỉnh;\n\nBảo hiểm xã hội tỉnh;\n\n- Lưu: VT.\n\n"
         "GIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "Sở Tài chính", "Sở Nội vụ", "Kho bạc Nhà nước tỉnh", "Bảo hiểm xã hội tỉnh",
          "Lưu: VT"}},
        /* An entry in capitals that lost its dash; the drafter's initials
         * after the archive copy. */
        {"recipient codes",
         "Nơi nhận:\n- Như trên;\nCác Vụ: TH, KTTH, NN;\n- Lưu: VT, TCCB (2). HA.\n"
         "GIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "Các Vụ: TH, KTTH, NN", "Lưu: VT, TCCB (2). HA"}},
        /* Such an entry wrapped after a comma: the line that closes it
         * is its end, no entry of its own. */
        {"recipient codes wrapped without a dash",
         "Nơi nhận:\n- Như trên;\nCác Vụ: TH, KTTH, NN,\nKGVX, PL;\n- Lưu: VT.\n"
         "GIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "Các Vụ: TH, KTTH, NN, KGVX, PL", "Lưu: VT"}},
        /* Codes wrapped after a comma whose closing mark OCR lost: the
         * next entry's dash ends them. */
        {"recipient codes wrapped, closing mark lost",
         "Nơi nhận:\n- Như trên;\n- Các phòng: TH, KTN, NC,\nVX -\n- Lưu: VT.\n"
         "GIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "Các phòng: TH, KTN, NC, VX", "Lưu: VT"}},
        /* Specks of the seal read as marks after an entry's last word. */
        {"recipient with trailing specks",
         "Nơi nhận:\n- Như trên;\n- Cổng TTĐT, „\n- Sở Nội vụ (để b/c); ~\n- Lưu: VT.\n"
         "GIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "Cổng TTĐT", "Sở Nội vụ (để b/c)", "Lưu: VT"}},
        {"recipient wrapped without a dash",
         "Nơi nhận:\n- Như trên;\nPGĐ Trần Văn Minh, các phòng chuyên môn, các\nđơn vị thuộc Sở;\n"
         "- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "PGĐ Trần Văn Minh, các phòng chuyên môn, các đơn vị thuộc Sở", "Lưu: VT"}},
        /* A Party list closes its entries with commas: a line wrapped
         * from one runs to the next entry's dash. */
        {"recipients closed by commas",
         "Nơi nhận:\n- Các ban đảng, đảng uỷ trực thuộc\nTỉnh uỷ,\n"
         "- Các đồng chí Tỉnh uỷ viên,\n- Các chi bộ trực thuộc Đảng uỷ\nKhối cơ quan,\n"
         "- Lưu Văn phòng Tỉnh uỷ.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nĐinh Quốc Bảo\n",
         {"Các ban đảng, đảng uỷ trực thuộc Tỉnh uỷ", "Các đồng chí Tỉnh uỷ viên",
          "Các chi bộ trực thuộc Đảng uỷ Khối cơ quan", "Lưu Văn phòng Tỉnh uỷ"}},
        /* A compound broken at its hyphen is joined without a space; a
         * dash between spaces keeps them. */
        {"recipients broken at a hyphen",
         "Nơi nhận:\n- Các tổ chức chính trị-\nxã hội tỉnh;\n- Ban Kinh tế -\nngân sách;\n"
         "- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Các tổ chức chính trị-xã hội tỉnh", "Ban Kinh tế - ngân sách", "Lưu: VT"}},
        /* An entry over three lines, its middle line starting in
         * capitals: it goes on while the line under it does. */
        {"recipient over three lines",
         "Nơi nhận:\n- Như trên;\n- VPCP: BTCN, PCN Lê Văn An, PCN\nTrần Văn Bình, Cổng TTĐT, các\n"
         "Vụ, Cục, đơn vị trực\nthuộc, Công báo;\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên",
          "VPCP: BTCN, PCN Lê Văn An, PCN Trần Văn Bình, Cổng TTĐT, các Vụ, Cục, đơn vị trực thuộc, "
          "Công báo",
          "Lưu: VT"}},
        /* Codes wrapped after a comma go on in capitals. */
        {"recipient codes wrapped",
         "Nơi nhận:\n- Như trên;\n- VP UBND: CVP, các PCVP, các phòng: TH,\nKTN, NC;\n"
         "- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐinh Quốc Bảo\n",
         {"Như trên", "VP UBND: CVP, các PCVP, các phòng: TH, KTN, NC", "Lưu: VT"}},
        /* Codes a scan's narrow column wrapped twice: the line of
         * capitals between goes on to the line that closes the entry,
         * after a comma or not. */
        {"recipient codes wrapped twice",
         "Nơi nhận:\n- Như trên;\n- VPCP: BTCN, các PCN, các Vụ:\nTH, KTTH, NN, PL, Cục\nKSTT;\n"
         "- VP UBND: CVP, các phòng: TH,\nKTN, NC, VX, TGĐ\nCổng TTĐT;\n- Lưu: VT.\n"
         "GIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "VPCP: BTCN, các PCN, các Vụ: TH, KTTH, NN, PL, Cục KSTT",
          "VP UBND: CVP, các phòng: TH, KTN, NC, VX, TGĐ Cổng TTĐT", "Lưu: VT"}},
        /* The signature's title read between the lines of a wrapped
         * entry stays out of it. */
        {"recipient codes wrapped around a title",
         "Nơi nhận: KT. GIÁM ĐỐC\n- Như trên;\n- Các phòng: TH, KTN, NC,\nPHÓ GIÁM ĐỐC\nVX;\n"
         "- Lưu: VT.\n\nĐinh Quốc Bảo\n",
         {"Như trên", "Các phòng: TH, KTN, NC, VX", "Lưu: VT"}},
        /* An address in brackets wrapped after an abbreviation's full
         * stop: the entry goes on while its bracket is open. */
        {"recipient address wrapped at a full stop",
         "Nơi nhận:\n- Công ty TNHH Minh Phát (số 12, đường Lê Lợi, phường An Khê, TP.\n"
         "Đà Nẵng);\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Công ty TNHH Minh Phát (số 12, đường Lê Lợi, phường An Khê, TP. Đà Nẵng)", "Lưu: VT"}},
        /* An entry of several bodies wrapped right after a ';' goes on
         * in small letters on the next line; a line in small letters
         * past the signature is none of the list's. */
        {"recipient wrapped after a semicolon",
         "Nơi nhận:\n- Như trên;\n- VPCP: BTCN, các PCN, Cổng TTĐT;\ncác Vụ, Cục, đơn vị trực thuộc;\n"
         "- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "VPCP: BTCN, các PCN, Cổng TTĐT; các Vụ, Cục, đơn vị trực thuộc", "Lưu: VT"}},
        {"recipients without an archive line",
         "Nơi nhận:\n- Như trên;\n- Sở Tài chính;\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n"
         "PHỤ LỤC\n(Kèm theo Quyết định của Giám đốc Sở\ntỉnh Hà Tĩnh)\n",
         {"Như trên", "Sở Tài chính"}},
        /* Codes wrapped after the colon that opens them, their closing
         * ';' read as a comma: the next entry's dash ends them. */
        {"recipient codes wrapped after a colon",
         "Nơi nhận:\n- Như trên;\n- VPUB: CVP, các PCVP, các phòng:\nTH, KT,\n- Lưu: VT.\n"
         "GIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "VPUB: CVP, các PCVP, các phòng: TH, KT", "Lưu: VT"}},
        /* Bodies parted by ';' in one entry, the last wrapped to the
         * line that closes it: no right column starts at the ';'. */
        {"recipient wrapped past a semicolon",
         "Nơi nhận:\n- Như trên;\n- VP Đoàn ĐBQH và HĐND TP; VP UBND\nTP;\n- Lưu: VT.\n"
         "GIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
         {"Như trên", "VP Đoàn ĐBQH và HĐND TP; VP UBND TP", "Lưu: VT"}},
        /* A body's units marked "+" under it are the rest of its entry;
         * the archive line so marked is its own. */
        {"recipient units under their body",
         "Nơi nhận:\n- Như trên;\n- VP UBND huyện:\n+ CVP, PCVP;\n+ Lưu: VT.\n"
         "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐinh Quốc Bảo\n",
         {"Như trên", "VP UBND huyện: CVP, PCVP", "Lưu: VT"}},
    };
    json_t *m;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        m = parse_foot(cases[i].name, body, cases[i].foot);
        size_t n = 0;
        for (; cases[i].want[n]; n++) {
            char path[32];
            snprintf(path, sizeof path, "recipients.%zu", n);
            expect(m, path, cases[i].want[n]);
        }
        expect_count(m, "recipients", n);
        expect(m, "signer.name", "Đinh Quốc Bảo");
        json_decref(m);
    }

    /* A long list with the blank lines OCR leaves between the lines. */
    char foot[2048] = "Nơi nhận:\n\n";
    for (int k = 1; k <= 14; k++) {
        char e[64];
        snprintf(e, sizeof e, "- Trường Tiểu học số %d;\n\n", k);
        strcat(foot, e);
    }
    strcat(foot, "- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\n"
                 "(Đã ký)\n\n\n\nĐinh Quốc Bảo\n");
    m = parse_foot("recipients with blank lines", body, foot);
    expect_count(m, "recipients", 15);
    expect(m, "signer.position", "Phó Chủ tịch");
    expect(m, "signer.name", "Đinh Quốc Bảo");
    json_decref(m);

    static const char *const cues[] = {"Noi nhan:", "Nơi nhân:", "Nai nhận:", "Noi nhận;"};
    for (size_t i = 0; i < sizeof cues / sizeof *cues; i++) {
        char foot[512], name[64];
        snprintf(foot, sizeof foot, "%s\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
                 cues[i]);
        snprintf(name, sizeof name, "recipient cue %zu", i + 1);
        m = parse_foot(name, body, foot);
        expect_count(m, "recipients", 2);
        expect(m, "recipients.0", "Như trên");
        json_decref(m);
    }
}

/* Signer blocks as real dispatches print them: chains of authorities,
 * party forms, signature noise between title and name, a title after
 * the wrapped end of the authority's. */
static void test_signer_blocks(void)
{
    static const struct {
        const char *block, *authority, *position, *name;
    } cases[] = {
        {"T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nTrần Quốc Hưng", "TM. Ban Thường vụ", "Bí thư",
         "Trần Quốc Hưng"},
        {"K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\nTrần Quốc Hưng", "KT. Trưởng Ban", "Phó Trưởng Ban",
         "Trần Quốc Hưng"},
        {"TL. CỤC TRƯỞNG\nKT. TRƯỞNG BAN CHÍNH SÁCH\nPHÓ TRƯỞNG BAN\n\nTrần Quốc Hưng", NULL,
         "Phó Trưởng Ban", "Trần Quốc Hưng"},
        {"TL. CỤC TRƯỞNG\nKT. TRƯỞNG BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ PHÓ TRƯỞNG BAN\n\nTrần Quốc Hưng",
         NULL, "Phó Trưởng Ban", "Trần Quốc Hưng"},
        {"TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\n\nTrần Quốc Hưng", "TM. Ủy ban nhân dân",
         "Chủ tịch", "Trần Quốc Hưng"},
        /* The body's name wrapped, its last word glued to the title. */
        {"TM. ỦY BAN NHÂN\nDÂNCHỦ TỊCH\n\nTrần Quốc Hưng", "TM. Ủy ban nhân dân", "Chủ tịch",
         "Trần Quốc Hưng"},
        {"KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nKý bởi: Sở Nội vụ\nNgày ký: 03.04.2025 10:12\n\nTrần Quốc Hưng",
         "KT. Giám đốc", "Phó Giám đốc", "Trần Quốc Hưng"},
        {"KT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Quốc Hưng", "KT. Giám đốc", "Phó Giám đốc",
         "Trần Quốc Hưng"},
        /* The prefix glued to the title, dot and space lost. */
        {"KTGIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Quốc Hưng", "KT. Giám đốc", "Phó Giám đốc",
         "Trần Quốc Hưng"},
        {"TMỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Quốc Hưng", NULL, "Phó Chủ tịch",
         "Trần Quốc Hưng"},        /* A minister's deputy is Thứ trưởng: a title line a black seal
         * spoiled on a bilevel scan is read as that, not "Phó Bộ trưởng". */
        {"KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Quốc Hưng", "KT. Bộ trưởng", "Thứ trưởng",
         "Trần Quốc Hưng"},
        {"KT. BỘ TRƯỞNG\nHIỨứ(RƯỞNG\n\nTrần Quốc Hưng", "KT. Bộ trưởng", "Thứ trưởng",
         "Trần Quốc Hưng"},
        {"KT. CỤC TRƯỞNG\nPHỎ CỤC TRƯỞNG\n\nTrần Quốc Hưng", "KT. Cục trưởng", "Phó Cục trưởng",
         "Trần Quốc Hưng"},
        /* A head holding two titles at once: a deputy of one of them
         * signs under both, the title line spoiled by the seal. */
        {"KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ (HỦ NHIỆM\n\nTrần Quốc Hưng", NULL, "Phó Chủ nhiệm",
         "Trần Quốc Hưng"},
        {"KT. BỘ TRƯỞNG, CHỦ NHIỆM\nTHỨ TRƯỞ/G\n\nTrần Quốc Hưng", NULL, "Thứ trưởng",
         "Trần Quốc Hưng"},
        /* A title wrapped onto a second line, its end read whole or
         * through the seal. */
        {"KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG THƯỜNG\nTRỰC\n\nTrần Quốc Hưng", NULL,
         "Phó Chánh Văn phòng Thường trực", "Trần Quốc Hưng"},
        {"TM. ỦY BAN NHÂN DÂN\nPHÓ CHỦ TỊCH THƯỜNG\nTRUC\n\nTrần Quốc Hưng", NULL,
         "Phó Chủ tịch Thường trực", "Trần Quốc Hưng"},
        {"KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nSỞ\n\nTrần Quốc Hưng", NULL, "Phó Giám đốc",
         "Trần Quốc Hưng"},
        /* The deputy's title on the KT. line, as one line holds them. */
        {"KT.CỤC TRƯỞNG PHÓ CỤC TRƯỞNG\n(Đã ký)\nTrần Quốc Hưng", "KT. Cục trưởng",
         "Phó Cục trưởng", "Trần Quốc Hưng"},
        {"KT. GIÁM ĐỐC PHỎ GIÁM ĐỐC\n\nTrần Quốc Hưng", "KT. Giám đốc", "Phó Giám đốc",
         "Trần Quốc Hưng"},
        /* A unit's name under its head wrapped onto a line of its own; a
         * name in capitals under it is the signer's. */
        {"TL. CỤC TRƯỞNG\nTRƯỞNG BAN BAN KIỂM TRA, GIÁM\nSÁT NỘI BỘ\n\nTrần Quốc Hưng", NULL,
         "Trưởng Ban Ban Kiểm tra, Giám sát nội bộ", "Trần Quốc Hưng"},
        {"TL. CỤC TRƯỞNG\nTRƯỞNG BAN BAN KIỂM TRA, GIÁM SÁT NỘI BỘ\n\nTrần Quốc Hưng", NULL,
         "Trưởng Ban Ban Kiểm tra, Giám sát nội bộ", "Trần Quốc Hưng"},
        {"TL. CỤC TRƯỞNG\nTRƯỞNG BAN BAN KIỂM TRA\nTRẦN QUỐC HƯNG", NULL,
         "Trưởng Ban Ban Kiểm tra", "Trần Quốc Hưng"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char foot[1024], name[64];
        snprintf(foot, sizeof foot, "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n%s\n", cases[i].block);
        snprintf(name, sizeof name, "signer block %zu", i + 1);
        json_t *m = parse_foot(name, "Đề nghị các đơn vị thực hiện./.", foot);
        if (cases[i].authority)
            expect(m, "signer.authority", cases[i].authority);
        expect(m, "signer.position", cases[i].position);
        expect(m, "signer.name", cases[i].name);
        json_decref(m);
    }
}

static void test_deputy_titles(void)
{
    current = "deputy titles";
    static const char *cases[][2] = {
        {"Bộ trưởng", "Thứ trưởng"},
        {"Giám đốc", "Phó Giám đốc"},
        {"Chủ tịch", "Phó Chủ tịch"},
        {"Cục trưởng", "Phó Cục trưởng"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = vt_deputy_title(cases[i][0]);
        checks++;
        if (strcmp(got, cases[i][1]) != 0)
            fail("%s: want '%s', got '%s'", cases[i][0], cases[i][1], got);
        free(got);
    }
}

/* The deputy's title on the KT. line after a head's title heading its
 * unit ("KT. TRƯỞNG BAN BAN X PHÓ TRƯỞNG BAN"): the title alone's deputy,
 * the unit staying with the head; under a TL. line too. */
static void test_deputy_after_unit_head(void)
{
    static const char body[] = "Cục Hải quan trả lời để Công ty biết./.";
    static const char *const feet[] = {
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTL. CỤC TRƯỞNG\n"
        "KT.TRƯỞNG BAN BAN GIÁM SÁT NỘI BỘ PHÓ TRƯỞNG BAN\nHoàng Văn Bình\n",
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n"
        "KT. TRƯỞNG PHÒNG PHÒNG ĐIỀU TRA PHÓ TRƯỞNG PHÒNG\n\nHoàng Văn Bình\n",
    };
    static const char *const want[] = {"Phó Trưởng ban", "Phó Trưởng phòng"};
    for (size_t i = 0; i < sizeof feet / sizeof *feet; i++) {
        json_t *m = parse_foot("deputy after a unit's head", body, feet[i]);
        const char *got = get(m, "signer.position");
        checks++;
        if (!got || strcasecmp(got, want[i]) != 0)
            fail("[deputy after a unit's head %zu] position: want '%s', got '%s'", i, want[i],
                 got ? got : "(none)");
        expect(m, "signer.name", "Hoàng Văn Bình");
        json_decref(m);
    }
}

/* A ký hiệu whose Đ OCR read as D is the issuer's initials, "về" left
 * out of them as "và" is; the same code in the copies of Nơi nhận is
 * written as the number's. */
static void test_number_code_initials(void)
{
    json_t *m = parse_text("number code, initials without về",
                           "BAN CHỈ ĐẠO\nVỀ PHÁT TRIỂN ĐÔ THỊ\n"
                           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                           "Số: 15/QĐ-BCDPTDT\nHà Nội, ngày 3 tháng 4 năm 2025\n"
                           "QUYẾT ĐỊNH\nBan hành quy chế làm việc\n"
                           "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc./.\n"
                           "Nơi nhận:\n- Như Điều 1;\n- Ban QLDA, PTDT;\n- Lưu: VT, BCDPTDT.\n"
                           "TRƯỞNG BAN\n\nHoàng Văn Bình\n",
                           NULL);
    expect(m, "number.value", "15/QĐ-BCĐPTĐT");
    expect(m, "recipients.1", "Ban QLDA, PTDT");
    expect(m, "recipients.2", "Lưu: VT, BCĐPTĐT");
    json_decref(m);
}

/* A decision signed with a title and a name only: no Nơi nhận, no
 * authority. */
static void test_bare_signature(void)
{
    json_t *m = parse_text("bare signature",
                           "THỦ TƯỚNG CHÍNH PHỦ\nSố: 15/QĐ-TTg\nHà Nội, ngày 3 tháng 4 năm 2025\n\n"
                           "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\n"
                           "Điều 1. Thành lập Tổ công tác của Thủ tướng Chính phủ.\n"
                           "Điều 2. Các Bộ trưởng chịu trách nhiệm thi hành Quyết định này./.\n"
                           "THỦ TƯỚNG\n\nVõ Minh Khang\n"
                           "Quyết định 15/QĐ-TTg năm 2025 thành lập Tổ công tác\n",
                           NULL);
    expect(m, "signer.position", "Thủ tướng");
    expect(m, "signer.name", "Võ Minh Khang");
    expect_missing(m, "recipients", true);
    json_decref(m);

    /* On a scan, specks of the signature read as letters between the
     * title and the name. */
    m = parse_text("bare signature under specks",
                   "THỦ TƯỚNG CHÍNH PHỦ\nSố: 16/QĐ-TTg\nHà Nội, ngày 3 tháng 4 năm 2025\n\n"
                   "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n\n"
                   "Điều 1. Các Bộ trưởng chịu trách nhiệm thi hành Quyết định này./.\n"
                   "THỦ TƯỚNG\n\nhÀ\n\nM 2y\n\nVõ Minh Khang\n",
                   NULL);
    expect(m, "signer.position", "Thủ tướng");
    expect(m, "signer.name", "Võ Minh Khang");
    json_decref(m);
}

/* A signer's name a seal or the OCR damaged is read from where the
 * document prints it whole: Nơi nhận, Kính gửi or the body. */
static void test_signer_confirmed(void)
{
    static const struct {
        const char *body, *recipient, *printed;
    } cases[] = {
        /* Letters lost under the seal. */
        {"Giao đồng chí Nguyễn Văn Hùng, Phó Giám đốc Sở theo dõi./.", "Các phòng", "Nguyên Vãn Hùng"},
        {"Đề nghị các đơn vị thực hiện./.", "Đ/c Nguyễn Văn Hùng, PGĐ Sở", "Ng0yễn Văn Hùng"},
        /* The family name under the seal. */
        {"Giao đồng chí Nguyễn Văn Hùng, Phó Giám đốc Sở theo dõi./.", "Các phòng", "Văn Hùng"},
        /* Marks a guess put on an unmarked print. */
        {"Đề nghị các đơn vị thực hiện./.", "PGĐ Nguyễn Văn Hùng", "Nguyen Van Hung"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char foot[1024], name[64];
        snprintf(foot, sizeof foot,
                 "Nơi nhận:\n- %s;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n%s\n",
                 cases[i].recipient, cases[i].printed);
        snprintf(name, sizeof name, "signer confirmed %zu", i + 1);
        json_t *m = parse_foot(name, cases[i].body, foot);
        expect(m, "signer.name", "Nguyễn Văn Hùng");
        expect(m, "signer.position", "Phó Giám đốc");
        json_decref(m);
    }
    /* A given name the names list holds as a family name ("Khương")
     * still confirms the whole name printed elsewhere. */
    static const char *const damaged[] = {"B6 Minh Khương", "Dỗ Minh Khương"};
    for (size_t i = 0; i < sizeof damaged / sizeof *damaged; i++) {
        char foot[512], name[64];
        snprintf(foot, sizeof foot,
                 "Nơi nhận:\n- PCT Đỗ Minh Khương;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n%s\n",
                 damaged[i]);
        snprintf(name, sizeof name, "signer confirmed, given name %zu", i + 1);
        json_t *m = parse_foot(name, "Đề nghị các đơn vị thực hiện./.", foot);
        expect(m, "signer.name", "Đỗ Minh Khương");
        json_decref(m);
    }
    /* The other way round: a Nơi nhận entry naming the signer in a copy
     * the OCR damaged is spelled as the signature gives the name; another
     * person named whole there is left alone. */
    json_t *r = parse_foot("recipient named as the signer", "Đề nghị các đơn vị thực hiện./.",
                           "Nơi nhận:\n- PCT B6 Minh Khương (để b/c);\n- PCT Đỗ Minh Khang;\n"
                           "- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐỗ Minh Khương\n");
    expect(r, "signer.name", "Đỗ Minh Khương");
    expect(r, "recipients.0", "PCT Đỗ Minh Khương (để b/c)");
    expect(r, "recipients.0.name", "PCT Đỗ Minh Khương");
    expect(r, "recipients.1", "PCT Đỗ Minh Khang");
    json_decref(r);
    /* A name printed whole is kept, whoever else the document names. */
    json_t *m = parse_foot("signer kept", "Giao đồng chí Nguyễn Văn Hùng theo dõi./.",
                           "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nNguyễn Văn Hưng\n");
    expect(m, "signer.name", "Nguyễn Văn Hưng");
    json_decref(m);
}

/* A page read in one column sets the signer's name beside "Nơi nhận:"
 * under the title and "(Đã ký)": it is the name, not an entry; an entry
 * naming a person with who they are stays an entry. */
static void test_signer_beside_cue(void)
{
    static const char body[] = "Cục Thuế thông báo để Công ty biết và thực hiện./.";
    json_t *m = parse_foot("signer beside the cue", body,
                           "KT. CỤC TRƯỞNG PHÓ CỤC TRƯỞNG\n(Đã ký)\n"
                           "Nơi nhận: Trần Quang Vinh\n- Như trên;\n- Lưu: VT, TTHT.\n");
    expect(m, "signer.name", "Trần Quang Vinh");
    expect_count(m, "recipients", 2);
    expect(m, "recipients.0", "Như trên");
    json_decref(m);
    m = parse_foot("a person's entry beside the cue", body,
                   "Nơi nhận: Ông Trần Quang Vinh;\n- Lưu: VT.\n"
                   "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\n\nLê Thu Hà\n");
    expect(m, "signer.name", "Lê Thu Hà");
    expect(m, "recipients.0", "Ông Trần Quang Vinh");
    json_decref(m);
}

/* Persons of the names lexicon as the real corpus would give them
 * (invented here), added for one test and taken away after it. */
static void add_person(const char *form, const char *docs)
{
    if (lex.persons.n == lex.persons.cap) {
        lex.persons.cap = lex.persons.cap * 2 + 4;
        lex.persons.v = realloc(lex.persons.v, lex.persons.cap * sizeof *lex.persons.v);
    }
    vt_lex_entry *e = &lex.persons.v[lex.persons.n++];
    *e = (vt_lex_entry){.form = strdup(form), .fold = vt_text_fold(form),
                        .extra = strdup(docs), .section = strdup("")};
}

static void drop_persons(size_t keep)
{
    while (lex.persons.n > keep) {
        vt_lex_entry *e = &lex.persons.v[--lex.persons.n];
        free(e->form);
        free(e->fold);
        free(e->extra);
        free(e->section);
    }
}

/* A signer's name damaged in the signature and wherever else the
 * document prints it is the person of the names lexicon within OCR
 * distance; a name whose every part is a name stays as printed, and two
 * persons as near and as frequent leave it as read. */
static void test_signer_known_person(void)
{
    size_t keep = lex.persons.n;
    add_person("Đinh Khắc Tường", "4");
    add_person("Hà Minh Hùng", "2");
    add_person("Hà Minh Hưng", "2");
    static const char body[] = "Đề nghị các đơn vị thực hiện./.";
    json_t *m = parse_foot("known person, both copies damaged", body,
                           "Nơi nhận:\n- PCT Đinh Khắc Tưòng;\n- Lưu: VT.\n"
                           "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nĐinh Khắc Tưòng\n");
    expect(m, "signer.name", "Đinh Khắc Tường");
    expect(m, "recipients.0", "PCT Đinh Khắc Tường");
    json_decref(m);
    m = parse_foot("known person, marks lost", body,
                   "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nDinh Khac Tuong\n");
    expect(m, "signer.name", "Đinh Khắc Tường");
    json_decref(m);
    m = parse_foot("known person, not read as a name", body,
                   "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐ1nh Khắc Tường\n");
    expect(m, "signer.name", "Đinh Khắc Tường");
    json_decref(m);
    m = parse_foot("a name of names kept", body,
                   "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Khắc Tùng\n");
    expect(m, "signer.name", "Đinh Khắc Tùng");
    json_decref(m);
    /* A part the names list lacks, with other letters than the person's,
     * printed as a syllable: another person, not a known one misread. */
    add_person("Phan Đức Toàn", "3");
    m = parse_foot("a name the list lacks kept", body,
                   "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nPhan Đức Hoán\n");
    expect(m, "signer.name", "Phan Đức Hoán");
    json_decref(m);
    drop_persons(lex.persons.n - 1);
    m = parse_foot("two persons as near", body,
                   "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nHa Minh Hung\n");
    const char *got = get(m, "signer.name");
    checks++;
    if (!got || strstr(got, "Hùng") || strstr(got, "Hưng"))
        fail("signer.name: want neither person, got %s", got ? got : "(absent)");
    json_decref(m);
    drop_persons(lex.persons.n - 1);
    m = parse_foot("the more frequent person", body,
                   "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nHa Minh Hung\n");
    expect(m, "signer.name", "Hà Minh Hùng");
    json_decref(m);
    drop_persons(keep);
}

/* A restore change of a word: its chosen reading first, then the others
 * with their posteriors (an invented change, as restore records one). */
typedef struct {
    vt_change change;
    vt_alternative alt[4];
} reading;

static const vt_change *read_as(reading *r, const char *const *texts, const double *scores,
                                size_t n)
{
    for (size_t i = 0; i < n; i++)
        r->alt[i] = (vt_alternative){(char *)texts[i], scores[i]};
    r->change = (vt_change){.stage = "restore", .to = (char *)texts[0],
                            .alternatives = r->alt, .n_alternatives = n};
    return &r->change;
}

/* The readings of a line's words vt_name_parts_reread picks ("" for a
 * word it keeps), joined by '|'. */
static char *reread_line(const char *const *text, const vt_change *const *change, size_t n)
{
    char **r = vt_name_parts_reread(&lex, text, change, n);
    char *out = calloc(1, 256);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(out, "|");
        if (r && r[i])
            strcat(out, r[i]);
        if (r)
            free(r[i]);
    }
    free(r);
    return out;
}

static void expect_reread(const char *const *text, const vt_change *const *change, size_t n,
                          const char *want)
{
    char *got = reread_line(text, change, n);
    checks++;
    if (strcmp(got, want) != 0)
        fail("name parts reread '%s', want '%s'", got, want);
    free(got);
}

static vt_lex_entry *given_entry(const char *form)
{
    for (size_t i = 0; i < lex.given.n; i++)
        if (strcmp(lex.given.v[i].form, form) == 0)
            return &lex.given.v[i];
    return NULL;
}

/* A part of a person's name restore read as a word with other marks is
 * read as the name its place in the name holds (names.txt: Tuấn is a
 * given name, Tuần none), of two such names the one more documents name
 * there; a run that is no name (no family name first, a place after its
 * unit's word, a sentence run on) keeps restore's reading.  So is the
 * typist's name that ends an archive line, a given name. */
static void test_name_parts_reread(void)
{
    current = "name_parts_reread";
    reading g, m;
    const char *tuan[] = {"Tuần.", "Tuấn.", "Tuân."};
    const double tuan_p[] = {0.7, 0.2, 0.1};
    const char *line[] = {"PCT", "Lê", "Văn", "Tuần."};
    const vt_change *chg[] = {NULL, NULL, NULL, read_as(&g, tuan, tuan_p, 3)};
    expect_reread(line, chg, 4, "|||Tuấn.");
    /* No family name first, and a place after its unit. */
    const char *office[] = {"Phòng", "Tuần."};
    expect_reread(office, chg + 2, 2, "|");
    const char *place[] = {"tỉnh", "Lê", "Tuần."};
    const vt_change *pchg[] = {NULL, NULL, chg[3]};
    expect_reread(place, pchg, 3, "||");
    /* A sentence run on after the name: the name ends at the first word
     * no names list holds. */
    const char *runon[] = {"Lê", "Văn", "Tuần", "Cục", "Thuế", "nhận"};
    const char *tuan2[] = {"Tuần", "Tuấn"};
    const double tuan2_p[] = {0.7, 0.3};
    const vt_change *rchg[] = {NULL, NULL, read_as(&m, tuan2, tuan2_p, 2), NULL, NULL, NULL};
    expect_reread(runon, rchg, 6, "||Tuấn|||");
    /* Two given names, the likelier reading of restore's the one fewer
     * documents name. */
    vt_lex_entry *thanh = given_entry("Thanh"), *thanh2 = given_entry("Thành");
    if (!thanh || !thanh2) {
        fail("names.txt lists Thanh and Thành as given names");
        return;
    }
    char *keep[2] = {thanh->extra, thanh2->extra};
    thanh->extra = "40";
    thanh2->extra = "1";
    const char *th[] = {"Thành", "Thanh"};
    const double th_p[] = {0.6, 0.35};
    const char *name[] = {"Lê", "Văn", "Thành"};
    const vt_change *tchg[] = {NULL, NULL, read_as(&g, th, th_p, 2)};
    expect_reread(name, tchg, 3, "||Thanh");
    thanh->extra = "1";
    expect_reread(name, tchg, 3, "||");
    /* Of two given names as many documents name, one names.txt lists (a
     * usual name) beats one only the corpus's counts hold, where restore
     * favours it a little. */
    thanh2->extra = "1";
    const double th2_p[] = {0.55, 0.4};
    tchg[2] = read_as(&g, th, th2_p, 2);
    thanh2->curated = false;
    expect_reread(name, tchg, 3, "||Thanh");
    thanh2->curated = true;
    expect_reread(name, tchg, 3, "||");
    /* A given name that ends its line, which restore read between marks
     * only, keeps a third of restore's say: there it favours the word of
     * text (0.8 to 0.15), and the listed name is read.  A word after the
     * name tells which it is, and restore's say stays whole. */
    thanh2->curated = false;
    const double th3_p[] = {0.8, 0.15};
    tchg[2] = read_as(&g, th, th3_p, 2);
    expect_reread(name, tchg, 3, "||Thanh");
    const char *named[] = {"Lê", "Văn", "Thành", "dự"};
    const vt_change *nchg[] = {NULL, NULL, tchg[2], NULL};
    expect_reread(named, nchg, 4, "|||");
    thanh2->curated = true;
    thanh->extra = keep[0];
    thanh2->extra = keep[1];
    /* In a name of four parts the first middle name may be a family name. */
    const char *ng[] = {"Nguyên", "Nguyễn"};
    const double ng_p[] = {0.8, 0.15};
    const char *four[] = {"Trần", "Nguyên", "Thị", "Hoa"};
    const vt_change *fchg[] = {NULL, read_as(&m, ng, ng_p, 2), NULL, NULL};
    expect_reread(four, fchg, 4, "|Nguyễn||");
    /* The typist's given name that ends an archive line; an initial
     * there is none. */
    const char *luu[] = {"Lưu:", "VT,", "KH", "(2).", "Tuần."};
    const vt_change *lchg[] = {NULL, NULL, NULL, NULL, read_as(&g, tuan, tuan_p, 3)};
    expect_reread(luu, lchg, 5, "||||Tuấn.");
    const char *vt[] = {"Văn", "thư,", "KH", "(2).", "Tuần."};
    expect_reread(vt, lchg, 5, "||||");
    const char *a[] = {"A", "Y"};
    const double a_p[] = {0.6, 0.4};
    const char *initial[] = {"Lưu:", "VT,", "KH", "A"};
    const vt_change *ichg[] = {NULL, NULL, NULL, read_as(&m, a, a_p, 2)};
    expect_reread(initial, ichg, 4, "|||");
}

static vt_lex_entry *family_entry(const char *form)
{
    for (size_t i = 0; i < lex.family.n; i++)
        if (strcmp(lex.family.v[i].form, form) == 0)
            return &lex.family.v[i];
    return NULL;
}

/* A family name is read again too, by its rank in names.txt (most
 * frequent first) where no corpus count tells two apart; a name's part
 * may be a form the names list holds with its letters that restore did
 * not offer, or read anew where restore left it as written without
 * marks (never where it printed marks); a family name restore read as a
 * word is one on a line that holds the name alone, not in a sentence. */
static void test_name_parts_places(void)
{
    current = "name_parts_places";
    reading f, g;
    vt_lex_entry *trinh = family_entry("Trịnh"), *trinh2 = family_entry("Trình");
    if (!trinh || !trinh2) {
        fail("names.txt lists Trịnh and Trình as family names");
        return;
    }
    char *keep[2] = {trinh->extra, trinh2->extra};
    trinh->extra = trinh2->extra = NULL;
    const char *tr[] = {"Trình", "Trịnh"};
    const double tr_p[] = {0.6, 0.35};
    const char *line[] = {"Trình", "Văn", "Khoa"};
    const vt_change *chg[] = {read_as(&f, tr, tr_p, 2), NULL, NULL};
    expect_reread(line, chg, 3, "Trịnh||");
    /* Alone on its line the name's parts weigh restore's posteriors, read
     * as a sentence's words, less: the family name of the higher rank
     * restore gave a fifth of its weight is read, where in a sentence the
     * word restore read stays. */
    const char *tr2[] = {"Trình", "Trịnh", "Trinh"};
    const double tr2_p[] = {0.8, 0.18, 0.02};
    const vt_change *chg2[] = {read_as(&f, tr2, tr2_p, 3), NULL, NULL};
    expect_reread(line, chg2, 3, "Trịnh||");
    const char *said[] = {"do", "Trình", "Văn", "Khoa", "ký"};
    const vt_change *schg[] = {NULL, chg2[0], NULL, NULL, NULL};
    expect_reread(said, schg, 5, "||||");
    trinh->extra = keep[0];
    trinh2->extra = keep[1];
    /* None of restore's four readings is a given name; the list's is.
     * Where restore weighed fewer, or gave its last next to nothing, a
     * form it did not offer is none. */
    const char *hg[] = {"Hưởng", "Hướng", "Hưỡng", "Hượng"};
    const double hg_p[] = {0.85, 0.1, 0.03, 0.02};
    const char *thi[] = {"Lê", "Thị", "Hưởng"};
    const vt_change *hchg[] = {NULL, NULL, read_as(&g, hg, hg_p, 4)};
    expect_reread(thi, hchg, 3, "||Hương");
    hchg[2] = read_as(&g, hg, hg_p, 2);
    expect_reread(thi, hchg, 3, "||");
    /* A given name restore offered with next to nothing (under
     * NAME_FLOOR), read after a middle name the parse read anew (restore
     * read the word Thụ there), is read; after a middle name restore read
     * as the parse does it is not. */
    reading mid;
    const char *thu[] = {"Thụ", "Thu", "Thủ"};
    const double thu_p[] = {0.9, 0.05, 0.05};
    const char *hg2[] = {"Hưởng", "Hướng", "Hương"};
    const double hg2_p[] = {0.977, 0.018, 0.005};
    const char *thu2[] = {"Lê", "Thụ", "Hưởng"};
    const vt_change *h2chg[] = {NULL, read_as(&mid, thu, thu_p, 3), read_as(&g, hg2, hg2_p, 3)};
    expect_reread(thu2, h2chg, 3, "|Thu|Hương");
    hchg[2] = h2chg[2];
    expect_reread(thi, hchg, 3, "||");
    const char *th[] = {"Thủ", "Thú", "Thụ", "Thử"};
    const double th_p[] = {0.997, 0.001, 0.001, 0.001};
    const char *title[] = {"Phó", "Thủ", "tướng"};
    const vt_change *tchg[] = {NULL, read_as(&g, th, th_p, 4), NULL};
    expect_reread(title, tchg, 3, "||");
    /* Left as written: without marks it is read anew, with them kept. */
    const char *tuan[] = {"Lê", "Văn", "Tuan"}, *tuan2[] = {"Lê", "Văn", "Tuân"};
    const vt_change *none[] = {NULL, NULL, NULL};
    expect_reread(tuan, none, 3, "||Tuấn");
    expect_reread(tuan2, none, 3, "||");
    /* A family name restore read as a word, on a line of its own. */
    const char *tg[] = {"Trường", "Trương", "Trưởng"};
    const double tg_p[] = {0.5, 0.3, 0.2};
    const char *alone[] = {"Trường", "Văn", "Khoa"};
    const vt_change *achg[] = {read_as(&f, tg, tg_p, 3), NULL, NULL};
    expect_reread(alone, achg, 3, "Trương||");
    const char *road[] = {"đường", "Trường", "Sơn"};
    const vt_change *rchg[] = {NULL, achg[0], NULL};
    expect_reread(road, rchg, 3, "||");
    /* ... or left as written without marks, its letters a family name's. */
    const char *dao[] = {"Dao", "Văn", "Khoa"};
    expect_reread(dao, none, 3, "Đào||");
    /* A family name as a given one the list lacks, restore's far likelier
     * reading, stays over a listed one of its letters where a word after
     * the name gave restore its odds; ending the line, the listed name
     * is read (NAME_GIVEN_SAY). */
    const char *hy[] = {"Lại", "Lai"};
    const double hy_p[] = {0.8, 0.05};
    const char *ngoc[] = {"Lê", "Văn", "Lại", "dự"};
    const vt_change *ychg[] = {NULL, NULL, read_as(&g, hy, hy_p, 2), NULL};
    expect_reread(ngoc, ychg, 4, "|||");
    expect_reread(ngoc, ychg, 3, "||Lai");
}

/* A signer's name restore read with other marks than the page prints the
 * same letters with elsewhere (every part a listed name) is the printed
 * one; where the page printed the signer's name whole, each stays as
 * printed. */
static void test_signer_printed_elsewhere(void)
{
    static const char head[] =
        "SỞ NỘI VỤ\nSố: 12/SNV-VP\nHà Tĩnh, ngày 3 tháng 4 năm 2025\nV/v rà soát biên chế\n\n"
        "Sở Nội vụ giao ông Quách Minh Hưng chủ trì thực hiện./.\n\nNơi nhận:\n- Như trên;\n"
        "- Lưu: VT.\nGIÁM ĐỐC\n\nQuách Minh Hùng\n";
    /* The page: the body's name printed with its marks, the rest without. */
    static const char page[] =
        "SO NOI VU\nSo: 12/SNV-VP\nHa Tinh, ngay 3 thang 4 nam 2025\nV/v ra soat bien che\n\n"
        "So Noi vu giao ông Quách Minh Hưng chu tri thuc hien./.\n\nNoi nhan:\n- Nhu tren;\n"
        "- Luu: VT.\nGIAM DOC\n\nQuach Minh Hung\n";
    json_t *m = parse_restored("signer printed elsewhere", head, page);
    expect(m, "signer.name", "Quách Minh Hưng");
    json_decref(m);
    m = parse_restored("signer printed whole", head, head);
    expect(m, "signer.name", "Quách Minh Hùng");
    json_decref(m);
}

/* A signer's name whose marks the page lost, read as names of the list
 * but not as a person the corpus names with its letters, is that person;
 * a page that printed a mark of the person's name (and correct text)
 * keeps its reading: another person. */
static void test_signer_person_by_letters(void)
{
    size_t keep = lex.persons.n;
    add_person("Đoàn Khắc Tú", "2");
    static const char head[] =
        "SỞ NỘI VỤ\nSố: 12/SNV-VP\nHà Tĩnh, ngày 3 tháng 4 năm 2025\nV/v rà soát biên chế\n\n"
        "Sở Nội vụ đề nghị các đơn vị thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
        "GIÁM ĐỐC\n\n";
    char restored[1024], source[1024];
    snprintf(restored, sizeof restored, "%sĐoàn Khắc Tư\n", head);
    snprintf(source, sizeof source, "%sDoan Khac Tu\n", head);
    json_t *m = parse_restored("person by letters, marks lost", restored, source);
    expect(m, "signer.name", "Đoàn Khắc Tú");
    json_decref(m);
    snprintf(source, sizeof source, "%sĐoàn Khac Tu\n", head);
    m = parse_restored("person by letters, a mark printed", restored, source);
    expect(m, "signer.name", "Đoàn Khắc Tư");
    json_decref(m);
    m = parse_restored("person by letters, correct text", restored, restored);
    expect(m, "signer.name", "Đoàn Khắc Tư");
    json_decref(m);
    /* Two persons as frequent with those letters tell nothing, whatever
     * a rarer third one listed after them. */
    add_person("Đoàn Khắc Từ", "2");
    add_person("Đoàn Khắc Tự", "1");
    snprintf(source, sizeof source, "%sDoan Khac Tu\n", head);
    m = parse_restored("person by letters, two as frequent", restored, source);
    expect(m, "signer.name", "Đoàn Khắc Tư");
    json_decref(m);
    drop_persons(keep);
}

/* A person a Nơi nhận or Kính gửi entry names, one part damaged by the
 * OCR, is spelled as the document prints the name whole elsewhere, else
 * as the names lexicon knows the person; names of names, and bodies, stay
 * as printed. */
static void test_entry_names_mended(void)
{
    size_t keep = lex.persons.n;
    add_person("Lương Khắc Tường", "3");
    json_t *m = parse_foot("entry names, from the lexicon",
                           "Đề nghị các đơn vị thực hiện./.",
                           "Nơi nhận:\n- Như trên;\n- PGĐ Lương Kbắc Tường (b/c);\n"
                           "- PGĐ Lương Khắc Tùng;\n- Phòng Tổ chức cán bộ;\n- Lưu: VT.\n"
                           "GIÁM ĐỐC\n\nTrần Văn Hòa\n");
    expect(m, "recipients.1", "PGĐ Lương Khắc Tường (b/c)");
    expect(m, "recipients.2", "PGĐ Lương Khắc Tùng");
    expect(m, "recipients.3", "Phòng Tổ chức cán bộ");
    json_decref(m);
    m = parse_foot("entry names, from the document",
                   "Kính gửi: Ông Đoàn Minh Tbuận, Giám đốc Công ty A\n"
                   "Ông Đoàn Minh Thuận đề nghị hướng dẫn./.",
                   "Nơi nhận:\n- Như trên;\n- Ông Đoàn Mlnh Thuận;\n- Lưu: VT.\n"
                   "GIÁM ĐỐC\n\nTrần Văn Hòa\n");
    expect(m, "addressees.0", "Ông Đoàn Minh Thuận, Giám đốc Công ty A");
    expect(m, "recipients.1", "Ông Đoàn Minh Thuận");
    json_decref(m);
    drop_persons(keep);
}

/* A Kính gửi entry whose head restore made a wrong word names the body
 * of the lexicon whose other words it prints; a head of its own stays. */
static void test_addressee_organ_head(void)
{
    json_t *m = parse_text("addressee's damaged head",
                           "UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\nSố: 12/SNV-VP\n"
                           "Hà Tĩnh, ngày 3 tháng 4 năm 2025\nV/v rà soát biên chế\n"
                           "Kính gửi:\n- Sự Khoa học và Công nghệ;\n- Bộ Tài chính;\n"
                           "- Sự nghiệp giáo dục các xã.\n"
                           "Đề nghị các đơn vị thực hiện./.\n",
                           NULL);
    expect(m, "addressees.0", "Sở Khoa học và Công nghệ");
    expect(m, "addressees.1", "Bộ Tài chính");
    expect(m, "addressees.2", "Sự nghiệp giáo dục các xã");
    json_decref(m);
}

/* A body's kind before its abbreviation in a list is the body's word,
 * whatever restore made of it ("Phong KTHT" is "Phòng KTHT"); a word in
 * capitals with a mark in an entry in normal case is in normal case, an
 * article before its number "Điều", a place of a list or after its unit
 * the gazetteer's (one it holds as printed stays); a person's name, and
 * an entry in capitals, stay as printed; the archive line's cue with
 * wrong marks is "Lưu". */
static void test_entry_words_cased(void)
{
    json_t *m = parse_foot("body words before abbreviations", "Đề nghị các đơn vị thực hiện./.",
                           "Nơi nhận:\n- Như điều 2;\n- Phong KTHT, Bắn QLDA;\n"
                           "- Dải PTTH, Cúc QLXD;\n- Phố CT UBND tỉnh;\n"
                           "- BỘ Xây dựng, Sở NỘI vụ;\n- Công TTĐT tỉnh;\n"
                           "- Ông Vũ Đình Phong;\n- PHÒNG KẾ HOẠCH;\n- Lựu VT, KTHT.\n"
                           "GIÁM ĐỐC\n\nTrần Văn Hòa\n");
    expect(m, "recipients.0", "Như Điều 2");
    expect(m, "recipients.1", "Phòng KTHT, Ban QLDA");
    expect(m, "recipients.2", "Đài PTTH, Cục QLXD");
    expect(m, "recipients.3", "Phó CT UBND tỉnh");
    expect(m, "recipients.4", "Bộ Xây dựng, Sở Nội vụ");
    expect(m, "recipients.5", "Cổng TTĐT tỉnh");
    expect(m, "recipients.6", "Ông Vũ Đình Phong");
    expect(m, "recipients.7", "PHÒNG KẾ HOẠCH");
    expect(m, "recipients.8", "Lưu VT, KTHT");
    json_decref(m);
    m = parse_text("addressee body words",
                   "UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\nSố: 12/SNV-VP\n"
                   "Hà Tĩnh, ngày 3 tháng 4 năm 2025\nV/v rà soát biên chế\n"
                   "Kính gửi:\n- Phong GDĐT các xã;\n- Sở Nông nghiệp và MÔI trường;\n"
                   "- Sở Tài chính các tỉnh: Hà Tĩnh, Thạnh Hòa, Lạng Sơn;\n"
                   "- UBND huyện Thạnh Hóa, tỉnh Quảng Tri.\n"
                   "Đề nghị các đơn vị thực hiện./.\n",
                   NULL);
    expect(m, "addressees.0", "Phòng GDĐT các xã");
    expect(m, "addressees.1", "Sở Nông nghiệp và Môi trường");
    expect(m, "addressees.2", "Sở Tài chính các tỉnh: Hà Tĩnh, Thanh Hóa, Lạng Sơn");
    expect(m, "addressees.3", "UBND huyện Thạnh Hóa, tỉnh Quảng Trị");
    json_decref(m);
}

/* A body's head that a degraded copy reads with other marks, before the
 * rest of a body the lexicon knows, is the body's head ("Sơ" of "Sở"); a
 * head that names no known body, and other words, stay. */
static void test_organ_head_marks(void)
{
    json_t *m = parse_foot("organ head marks", "Đề nghị các đơn vị thực hiện./.",
                           "Nơi nhận:\n- Như trên;\n- Sơ Kế hoạch và Đầu tư;\n"
                           "- Bô Tài chính (để b/c);\n- Sơ Lâm Đồng Xanh;\n"
                           "- Lưu: VT, KHTC.\n"
                           "GIÁM ĐỐC\n\nTrần Văn Hòa\n");
    expect(m, "recipients.1", "Sở Kế hoạch và Đầu tư");
    expect(m, "recipients.2", "Bộ Tài chính (để b/c)");
    expect(m, "recipients.3", "Sơ Lâm Đồng Xanh");
    json_decref(m);
}

/* A Nghị quyết with no place and date line is dated by its closing
 * paragraph's "thông qua ngày ..."; other dates of the body are not its
 * date. */
static void test_adoption_date(void)
{
    json_t *m = parse_text("adoption date",
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nNghị quyết số: 12/2025/UBTVQH15\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nNGHỊ QUYẾT\n"
        "Về mức phụ cấp của đại biểu Hội đồng nhân dân\n\n"
        "Điều 1. Mức phụ cấp áp dụng từ ngày 01 tháng 7 năm 2025.\n"
        "Nghị quyết này có hiệu lực thi hành từ ngày 15 tháng 8 năm 2025.\n"
        "Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV, phiên họp thứ 40 "
        "thông qua ngày 20 tháng 6 năm 2025.\n"
        "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ TỊCH\n\nLê Văn Thành\n", NULL);
    expect(m, "date", "2025-06-20");
    checks++;
    json_t *miss = json_object_get(m, "missing_fields");
    for (size_t k = 0; k < json_array_size(miss); k++)
        if (strcmp(json_string_value(json_array_get(miss, k)), "date") == 0)
            fail("adoption date: date still listed missing");
    json_decref(m);

    /* A scan's printed lines break the phrase anywhere, inside the date
     * too. */
    static const char *const broken[][2] = {
        {"Nghị quyết này được Ủy ban Thường vụ Quốc hội nước\n"
         "Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, phiên họp thứ 40 thông\n"
         "qua ngày 21 tháng 6 năm 2025.\n",
         "2025-06-21"},
        {"Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV, phiên họp thứ 40\n"
         "thông qua ngày 22 tháng 6 năm\n2025.\n",
         "2025-06-22"},
        {"Nghị quyết này được Ủy ban Thường vụ Quốc hội khóa XV, phiên họp thứ 40 thông qua "
         "ngày 23\ntháng 6 năm 2025./.\n",
         "2025-06-23"},
        /* OCR glued the word before to the phrase. */
        {"Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội\n"
         "chủ nghĩa Việt Nam khóa XVthông qua ngày 24 tháng 6 năm 2025.\n",
         "2025-06-24"},
    };
    for (size_t i = 0; i < sizeof broken / sizeof *broken; i++) {
        char doc[1024], name[64];
        snprintf(doc, sizeof doc,
                 "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nNghị quyết số: 14/2025/UBTVQH15\nNGHỊ QUYẾT\n"
                 "Về mức phụ cấp của đại biểu Hội đồng nhân dân\n\n"
                 "Nghị quyết này có hiệu lực thi hành từ ngày 15 tháng 8 năm 2025.\n%s"
                 "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ TỊCH\n\nLê Văn Thành\n",
                 broken[i][0]);
        snprintf(name, sizeof name, "adoption date, line broken %zu", i + 1);
        m = parse_text(name, doc, NULL);
        expect(m, "date", broken[i][1]);
        json_decref(m);
    }

    m = parse_text("no adoption date",
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nNghị quyết số: 13/2025/UBTVQH15\nNGHỊ QUYẾT\n"
        "Về một việc\n\nNghị quyết này có hiệu lực thi hành từ ngày 15 tháng 8 năm 2025.\n", NULL);
    expect(m, "date", NULL);
    json_decref(m);

    /* The last page of a provincial Nghị quyết read alone: its header and
     * date are on the first page, and the closing paragraph's day is not
     * taken for them. */
    m = parse_text("last page, adoption paragraph",
        "3\n"
        "2. Giao Thường trực Hội đồng nhân dân, các Ban và đại biểu Hội đồng nhân dân "
        "tỉnh giám sát việc thực hiện Nghị quyết.\n"
        "Điều 3. Hiệu lực thi hành\n"
        "Nghị quyết này đã được Hội đồng nhân dân tỉnh Yên Sơn khóa XVIII, Kỳ họp thứ 21 "
        "thông qua ngày 12 tháng 7 năm 2024 và có hiệu lực từ ngày 22 tháng 7 năm 2024./.\n"
        "Nơi nhận:\n- Ủy ban Thường vụ Quốc hội;\n- Chính phủ;\n- Lưu: VT.\n"
        "CHỦ TỊCH\n\nNguyễn Văn Tám\n", NULL);
    expect(m, "date", NULL);
    expect(m, "signer.name", "Nguyễn Văn Tám");
    json_decref(m);
}

/* Kính gửi: one addressee, a list one per line (wrapping, behind OCR's
 * dashes, blank lines between), or several on the line. */
static void test_addressee_lists(void)
{
#define FOOT "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n"
    static const char foot[] = FOOT;
    json_t *m = parse_foot("addressees listed",
                           "Kính gửi:\n\n"
                           "- Sở Giáo dục và Đào tạo các tỉnh: Hà Tĩnh, Nghệ An,\n"
                           "Quảng Trị, Huế;\n\n"
                           "— Sở Y tế các tỉnh, thành phố;\n\n"
                           "+ Ủy ban nhân dân các xã, phường.\n\n"
                           "Thực hiện Công văn số 45/BNV-TCBC ngày 2/3/2025 của Bộ Nội vụ, Sở Nội vụ\n"
                           "đề nghị các đơn vị rà soát biên chế./.",
                           foot);
    expect_count(m, "addressees", 3);
    expect(m, "addressees.0", "Sở Giáo dục và Đào tạo các tỉnh: Hà Tĩnh, Nghệ An, Quảng Trị, Huế");
    expect(m, "addressees.1", "Sở Y tế các tỉnh, thành phố");
    expect(m, "addressees.2", "Ủy ban nhân dân các xã, phường");
    json_decref(m);

    /* Several on the cue's line; one wrapped; the body right under the
     * last.  Each: document, how many, and the last one. */
    static const struct {
        const char *name, *body;
        size_t count;
        const char *last;
    } lists[] = {
        {"addressees on the line",
         "Kính gửi: Sở Tài chính; Sở Xây dựng; Ủy ban nhân dân các xã, phường.\n"
         "Thực hiện chỉ đạo của UBND tỉnh, Sở Nội vụ đề nghị các đơn vị rà soát./.",
         3, "Ủy ban nhân dân các xã, phường"},
        {"addressees by semicolons, a comma inside one",
         "Kính gửi: Các Sở Y tế; Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu.\n"
         "Thực hiện chỉ đạo của Thủ tướng, Sở Nội vụ đề nghị các đơn vị rà soát./.",
         2, "Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu"},
        {"addressees by commas",
         "Kính gửi: Bộ Tài chính, Bộ Xây dựng, Ủy ban nhân dân các tỉnh, thành phố.\n"
         "Thực hiện chỉ đạo của Thủ tướng, Sở Nội vụ đề nghị các đơn vị rà soát./.",
         3, "Ủy ban nhân dân các tỉnh, thành phố"},
        {"addressee heads",
         "Kính gửi: Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ.\n"
         "Thực hiện chỉ đạo của Thủ tướng, Bộ Nội vụ đề nghị các cơ quan rà soát./.",
         1, "Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ"},
        {"addressee wrapped",
         "Kinh gui: Ủy ban nhân dân các tỉnh, thành phố trực thuộc\nTrung ương.\n"
         "Thực hiện chỉ đạo của Thủ tướng, Sở Nội vụ đề nghị các đơn vị rà soát./.",
         1, "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"},
        {"addressee wrapped to a tail without a mark",
         "Kính gửi: Giám đốc, Thủ trưởng các sở, ban, ngành thuộc Ủy ban nhân dân\ntỉnh Lâm Đồng\n"
         "Thực hiện chỉ đạo của Thủ tướng, Sở Nội vụ đề nghị các đơn vị rà soát./.",
         1, "Giám đốc, Thủ trưởng các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh Lâm Đồng"},
        {"addressee wrapped to a capitalised tail without a mark",
         "Kính gửi: Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc\nChính phủ\n"
         "Thực hiện chỉ đạo của Thủ tướng, Bộ Nội vụ đề nghị các cơ quan rà soát./.",
         1, "Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, cơ quan thuộc Chính phủ"},
        {"addressees end at the body",
         "Kính gửi:\n- Sở Tài chính;\n- Sở Xây dựng.\n"
         "Sở Nội vụ đề nghị các đơn vị rà soát biên chế./.",
         2, "Sở Xây dựng"},
        /* A copy that lost its line breaks: the body runs on after the
         * addressee, from a dated opening or from the writer naming
         * itself before "nhận được". */
        {"body glued after a date",
         "Kính gửi: Sở Tài chính tỉnh Hà Tĩnh Ngày 12/3/2025, Bộ Nội vụ nhận được công văn "
         "số 45/STC-NS của Sở Tài chính. Về vấn đề này, Bộ Nội vụ có ý kiến như sau: "
         "đề nghị Sở rà soát biên chế./.",
         1, "Sở Tài chính tỉnh Hà Tĩnh"},
        {"body glued after its writer",
         "Kính gửi: Thuế tỉnh Quảng Trị Cục Thuế nhận được văn bản số 12/QTR-QLDN ngày "
         "5/9/2025 của Thuế tỉnh Quảng Trị về việc hoàn thuế. Về vấn đề này, Cục Thuế "
         "có ý kiến như sau: đề nghị đơn vị thực hiện theo quy định./.",
         1, "Thuế tỉnh Quảng Trị"},
        /* The cue alone on its line, the addressee under it without a
         * dash; lines ending in semicolons. */
        {"addressee under the cue",
         "Kính gửi:\nỦy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương\n"
         "Thực hiện chỉ đạo của Thủ tướng Chính phủ, Bộ Nội vụ đề nghị rà soát./.",
         1, "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"},
        {"addressees under the cue",
         "Kính gửi:\nSở Tài chính;\nSở Xây dựng;\nSở Công Thương.\n"
         "Thực hiện chỉ đạo của UBND tỉnh, Sở Nội vụ đề nghị rà soát./.",
         3, "Sở Công Thương"},
        /* A firm's address and tax code in parentheses are no part of it. */
        {"addressee with its address",
         "Kính gửi: Công ty TNHH Thương mại Minh Long (Địa chỉ: số 5 Lê Lợi, phường Hải Châu; "
         "MST: 0401234567) Trả lời công văn số 12/ML-KT của Công ty, Cục Thuế có ý kiến "
         "như sau: đề nghị Công ty thực hiện theo quy định./.",
         1, "Công ty TNHH Thương mại Minh Long"},
        /* ... or as labels, after the name or on lines of their own. */
        {"addressee with a labelled address",
         "Kính gửi: Công ty TNHH Cơ khí Hòa Phát Đ/c: Lô 5, KCN Tân Bình, tỉnh Bình Dương.\n"
         "Trả lời công văn số 12/HP-KT của Công ty, Cục Thuế có ý kiến như sau: đề nghị Công "
         "ty thực hiện theo quy định./.",
         1, "Công ty TNHH Cơ khí Hòa Phát"},
        {"addressee with its tax code and address below",
         "Kính gửi:\nCông ty TNHH May Sao Mai;\nMã số thuế: 0312345678;\nĐịa chỉ nhận thông "
         "báo: số 10 đường Trần Phú, phường Rạch Giá.\nTrả lời văn bản số 05/SM-KT của Công "
         "ty, Thuế tỉnh có ý kiến như sau: đề nghị Công ty thực hiện theo quy định./.",
         1, "Công ty TNHH May Sao Mai"},
        /* ... the address wrapped onto a line of its own, whatever its
         * words, up to its closing mark. */
        {"addressee's labelled address wrapped",
         "Kính gửi:\nCông ty TNHH Gốm Bảo Châu;\nMã số thuế: 0312345679;\nĐịa chỉ: Lô B2 Đường "
         "Số 3, Khu công nghiệp Long\nThạnh Tây, Xã Phú Mỹ, tỉnh Đồng Tháp.\nTrả lời văn bản số "
         "05/BC-KT của Công ty, Thuế tỉnh có ý kiến như sau: đề nghị Công ty thực hiện./.",
         1, "Công ty TNHH Gốm Bảo Châu"},
        /* The address in brackets under the name, the body run on after
         * its closing bracket: the body's lines are no addressee's. */
        {"body after the address's bracket",
         "Kính gửi: Ông Lâm Văn Phúc\n(Địa chỉ: số 7 Lê Lợi, phường Hải Châu;\nSố ĐT: 0905000111) "
         "Cục Thuế nhận được câu hỏi của\nông Lâm Văn Phúc về thuế thu nhập cá nhân./.",
         1, "Ông Lâm Văn Phúc"},
        /* ... its opening damaged by OCR (Trả lời read "Tra 160i"). */
        {"body glued at a damaged opening",
         "Kính gửi: Công ty Cổ phần Bao bì Phú An (Địa chỉ: thôn Đông, xã Tiên Lữ) Tra 160i "
         "công văn số 7/PA-KT của Công ty, Cục Thuế có ý kiến như sau: đề nghị Công ty "
         "thực hiện theo quy định./.",
         1, "Công ty Cổ phần Bao bì Phú An"},
        {"body glued after its usual phrase",
         "Kính gửi: Cục Thuế tỉnh Bình Dương. Về vấn đề này, Tổng cục Thuế có ý kiến như sau: "
         "đề nghị Cục Thuế thực hiện theo quy định./.",
         1, "Cục Thuế tỉnh Bình Dương"},
        {"body glued at its opening",
         "Kính gửi: Ủy ban nhân dân các xã, phường Thực hiện chỉ đạo của UBND tỉnh, "
         "Sở Nội vụ đề nghị các đơn vị rà soát./.",
         1, "Ủy ban nhân dân các xã, phường"},
        {"addressee's places wrapped after a comma",
         "Kính gửi:\n- Chủ tịch Ủy ban nhân dân các tỉnh: Lào Cai, Yên Bái,\n"
         "Tuyên Quang, Thái Nguyên, Lạng Sơn, Cao Bằng, Bắc Kạn;\n"
         "- Giám đốc Sở Nông nghiệp và Môi trường các tỉnh.\n"
         "Thực hiện chỉ đạo của Thủ tướng Chính phủ, Bộ đề nghị các đơn vị rà soát./.",
         2, "Giám đốc Sở Nông nghiệp và Môi trường các tỉnh"},
        {"addressee's address wrapped",
         "Kính gửi:\n- Công ty cổ phần Vận tải Bình Minh;\n"
         "(Địa chỉ: Lô 4, Khu công nghiệp Hòa Khánh, phường Liên Chiểu, thành phố Đà\n"
         "Nẵng)\n- Thuế thành phố Đà Nẵng.\n"
         "Cục Thuế nhận được công văn số 12/BM-KT của Công ty./.",
         2, "Thuế thành phố Đà Nẵng"},
        /* Columns read out of order: a piece of the other column in small
         * letters under the lone cue, then the addressee with the body
         * run on after it. */
        {"addressee under a column's piece",
         "Kính gửi:\nnhận được văn bản\nThuế tỉnh Hà Tĩnh Ngày 02/4/2025, Cục Thuế\n"
         "số 45/HTI-QLDN ngày 20/3/2025 của Thuế tỉnh Hà Tĩnh về hoàn thuế./.",
         1, "Thuế tỉnh Hà Tĩnh"},
        /* The addressee's last word wrapped onto the body's first line. */
        {"addressee's last word before the body",
         "Kính gửi: Thuế tỉnh Quảng\nTrị Cục Thuế nhận được văn bản số 12/QTR-QLDN ngày "
         "5/9/2025 của Thuế tỉnh Quảng Trị về việc hoàn thuế./.",
         1, "Thuế tỉnh Quảng Trị"},
        {"the body's writer is no addressee's end",
         "Kính gửi: Công ty TNHH Hòa An\nCục Thuế tỉnh Hà Tĩnh nhận được văn bản số 3/HA ngày "
         "5/9/2025 của Công ty về việc hoàn thuế./.",
         1, "Công ty TNHH Hòa An"},
        /* A name broken at its hyphen, its address after it. */
        {"addressee broken at its hyphen",
         "Kính gửi: Công ty Liên doanh Cảng Quốc tế Hòa Bình-\nHBP Đ/c: Cảng Hòa Bình, xã "
         "Phước An, tỉnh Đồng Nai.\nTrả lời công văn số 12/HBP của Công ty, Cục Thuế có ý "
         "kiến như sau: đề nghị Công ty thực hiện theo quy định./.",
         1, "Công ty Liên doanh Cảng Quốc tế Hòa Bình-HBP"},
        /* The lone addressee closed by a full stop, the body's first
         * point behind a dash under it. */
        {"body's point after an addressee's full stop",
         "Kính gửi: Thuế tỉnh Bắc Giang.\n- Tại khoản 2 Điều 9 Nghị định số 12/2024/NĐ-CP ngày "
         "3/2/2024 của Chính phủ quy định chi tiết một số điều của Luật Quản lý thuế quy định:\n"
         "\"Điều 9. Hồ sơ hoàn thuế\"\nĐề nghị Thuế tỉnh thực hiện theo quy định./.",
         1, "Thuế tỉnh Bắc Giang"},
    };
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        char last[32];
        m = parse_foot(lists[i].name, lists[i].body, foot);
        expect_count(m, "addressees", lists[i].count);
        snprintf(last, sizeof last, "addressees.%zu", lists[i].count - 1);
        expect(m, last, lists[i].last);
        json_decref(m);
    }
    /* The code cited in a body run on after the addressee is read. */
    m = parse_foot("reference glued after the addressee", lists[9].body, foot);
    expect(m, "references.0.number", "12/QTR-QLDN");
    json_decref(m);

    /* A Công điện: the sender in capitals "điện:", then its list; an
     * address under an entry is none, and an entry behind its dash is one
     * whatever it holds. */
    m = parse_text("addressees of a telegram",
                   "BỘ XÂY DỰNG\nSố: 7/CĐ-BXD\nHà Nội, ngày 3 tháng 4 năm 2025\n\nCÔNG ĐIỆN\n"
                   "Về việc ứng phó mưa lũ\n\nBỘ TRƯỞNG BỘ XÂY DỰNG điện:\n"
                   "- Bộ trưởng; Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ;\n"
                   "- Công ty cổ phần Vận tải Miền Trung;\n(Địa chỉ: số 5 đường Lê Lợi, phường Hải Châu)\n"
                   "- Sở Xây dựng các tỉnh: Gia Lai, Đắk Lắk.\n"
                   "Để chủ động ứng phó, Bộ Xây dựng yêu cầu các đơn vị thực hiện./.\n\n" FOOT,
                   NULL);
    expect_count(m, "addressees", 3);
    expect(m, "addressees.0", "Bộ trưởng; Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ");
    expect(m, "addressees.1", "Công ty cổ phần Vận tải Miền Trung");
    expect(m, "addressees.2", "Sở Xây dựng các tỉnh: Gia Lai, Đắk Lắk");
    json_decref(m);

    /* A báo cáo sent to its superior. */
    m = parse_text("addressee of a report",
                   "UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\nSố: 30/BC-SNV\nHà Tĩnh, ngày 3 tháng 4 năm 2025\n\n"
                   "BÁO CÁO\nKết quả rà soát biên chế năm 2025\ncủa các cơ quan, đơn vị\n\n"
                   "Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh\n\n"
                   "Thực hiện Kế hoạch số 12/KH-UBND, Sở Nội vụ báo cáo như sau:\n"
                   "I. KẾT QUẢ\nCác đơn vị đã rà soát xong./.\n\n"
                   "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n",
                   NULL);
    expect_count(m, "addressees", 1);
    expect(m, "addressees.0", "Ủy ban nhân dân tỉnh Hà Tĩnh");
    expect(m, "subject", "Kết quả rà soát biên chế năm 2025 của các cơ quan, đơn vị");
    json_decref(m);
#undef FOOT
}

/* The trích yếu of cited documents, up to the next citation or the end of
 * the clause. */
/* A law's number with its year stands without a type right before "số"
 * ("Luật Đất đai và các văn bản hướng dẫn số ..."), and its symbol keeps
 * the legislature's number (QH15). */
static void test_year_numbers(void)
{
    json_t *m = parse_text("year numbers",
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 210/QĐ-UBND\n"
        "Hà Nam, ngày 4 tháng 9 năm 2025\nQUYẾT ĐỊNH\nVề giá thuê đất\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025 số 72/2025/QH15;\n"
        "Căn cứ Nghị định số 103/2024/NĐ-CP ngày 30/7/2024 của Chính phủ;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Mục 7 - Chủ trì thực hiện.\n"
        "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n", NULL);
    expect_count(m, "references", 2);
    expect(m, "references.0.number", "72/2025/QH15");
    expect(m, "references.1.number", "103/2024/NĐ-CP");
    json_decref(m);

    /* A firm's letter numbered with a range before its year; a range
     * without one is no code. */
    m = parse_text("range numbers",
        "BỘ TÀI CHÍNH\nCỤC HẢI QUAN\nSố: 88/CHQ-GSQL\nV/v chính sách mặt hàng\n"
        "Hà Nội, ngày 4 tháng 9 năm 2025\nKính gửi: Công ty TNHH Minh Long.\n"
        "Trả lời công văn số 03-09/2025/CV-ML của Công ty, trang 3-5/NQ của hồ sơ, "
        "Cục Hải quan có ý kiến như sau./.\n"
        "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n", NULL);
    expect_count(m, "references", 1);
    expect(m, "references.0.number", "03-09/2025/CV-ML");
    json_decref(m);
}

/* A cited number's leading 1 that a coarse or bilevel scan printed as a
 * letter and parted from its other digits ("số I 347/QĐ-BXD") is the
 * number's first digit; a firm's numbering behind a cue keeps what it
 * printed, and a letter before two digits is no thousands' group. */
static void test_one_read_as_letter(void)
{
    json_t *m = parse_text("one read as a letter",
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 640/QĐ-UBND\n"
        "Lào Cai, ngày 8 tháng 8 năm 2025\nQUYẾT ĐỊNH\nVề giá dịch vụ\n"
        "Căn cứ Quyết định số I 347/QĐ-BXD ngày 2/5/2025 của Bộ Xây dựng; Quyết định "
        "số l 306/QĐ-UBND ngày 3/6/2025; Công văn số I 75/STC-QLG và Hợp đồng số "
        "IPC-17/2025.\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt giá.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n", NULL);
    expect_count(m, "references", 4);
    expect(m, "references.0.number", "1347/QĐ-BXD");
    expect(m, "references.0.date", "2025-05-02");
    expect(m, "references.1.number", "1306/QĐ-UBND");
    expect(m, "references.2.number", "75/STC-QLG");
    expect(m, "references.3.number", "IPC-17/2025");
    json_decref(m);
}

/* A notation OCR parted with a space after its first letter ("215/T
 * Tr-SXD") is one code, written without the space; a code's last letter
 * before a word that is no notation stays as it is. */
static void test_parted_notation(void)
{
    json_t *m = parse_text("parted notation",
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 640/QĐ-UBND\n"
        "Lào Cai, ngày 8 tháng 8 năm 2025\nQUYẾT ĐỊNH\nVề giá dịch vụ\n"
        "Theo đề nghị của Sở Xây dựng tại Tờ trình số 215/T Tr-SXD ngày 1/8/2025 "
        "và Công văn số 17/Q Đ-STC; mục 4/B Cấp-Xã không đổi.\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt giá.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n", NULL);
    expect_count(m, "references", 2);
    expect(m, "references.0.number", "215/TTr-SXD");
    expect(m, "references.0.date", "2025-08-01");
    expect(m, "references.1.number", "17/QĐ-STC");
    json_decref(m);
    /* Under a seal OCR reads a letter of the type's abbreviation twice or
     * a dash twice; three like letters are what the corpus prints where
     * they stand (without a year, TTr far more often than TT). */
    m = parse_text("doubled notation",
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 641/QĐ-UBND\n"
        "Lào Cai, ngày 8 tháng 8 năm 2025\nQUYẾT ĐỊNH\nVề giá dịch vụ\n"
        "Căn cứ Quyết định số 52/QĐĐ-BXD ngày 2/5/2025 của Bộ Xây dựng;\n"
        "Theo đề nghị của Sở Xây dựng tại Tờ trình số 216/TTr--SXD và số 90/TTT-SXD.\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt giá.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n", NULL);
    expect_count(m, "references", 3);
    expect(m, "references.0.number", "52/QĐ-BXD");
    expect(m, "references.1.number", "216/TTr-SXD");
    expect(m, "references.2.number", "90/TTr-SXD");
    json_decref(m);
}

/* A number glued to "số" ("Tờ trình số815/TTr-SNV") is cited as
 * printed; one glued to another word is no code ("mục4/B"). */
static void test_glued_number(void)
{
    json_t *m = parse_text("glued number",
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 77/QĐ-UBND\n"
        "Ninh Bình, ngày 5 tháng 6 năm 2025\nQUYẾT ĐỊNH\nVề biên chế\n"
        "Xét đề nghị của Sở Nội vụ tại Tờ trình số815/TTr-SNV ngày 2/6/2025 "
        "và Báo cáo SỐ816/BC-SNV; mục4/B không đổi.\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Giao biên chế.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n", NULL);
    expect_count(m, "references", 2);
    expect(m, "references.0.number", "815/TTr-SNV");
    expect(m, "references.0.type", "Tờ trình");
    expect(m, "references.0.date", "2025-06-02");
    expect(m, "references.1.number", "816/BC-SNV");
    json_decref(m);
}

/* A letter citing `cite` in its body cites one document, `number` of
 * `date`, or none when number is NULL; a copy count "(05b)" is none. */
static void expect_citation(const char *cite, const char *number, const char *date)
{
    char doc[1024];
    snprintf(doc, sizeof doc,
             "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 88/UBND-NC\nYên Bái, ngày 2 tháng 3 năm 2012\n"
             "V/v cải cách hành chính\nThực hiện %s, các sở thực hiện.\n"
             "\nNơi nhận:\n- Như trên;\n- Lưu: VT, NC (05b).\n", cite);
    json_t *m = parse_text(cite, doc, NULL);
    expect_count(m, "references", number ? 1 : 0);
    expect(m, "references.0.number", number);
    expect(m, "references.0.date", date);
    json_decref(m);
}

/* A cited number may end in a small letter ("Nghị quyết số 30c/NQ-CP");
 * a copy count "(05b)" is no citation. */
static void test_lettered_numbers(void)
{
    static const struct {
        const char *cite, *number, *date;
    } cases[] = {
        {"Nghị quyết số 41b/NQ-CP ngày 08/11/2011 của Chính phủ", "41b/NQ-CP", "2011-11-08"},
        {"Quyết định số 17/QĐ-UBND ngày 3/1/2012 của UBND tỉnh", "17/QĐ-UBND", "2012-01-03"},
        /* A unit of the body after a dot, in digits or capitals. */
        {"công văn số 4814/CCTKV.05-TTKT3 ngày 30/6/2011 của Chi cục Thuế", "4814/CCTKV.05-TTKT3",
         "2011-06-30"},
        {"công văn số 545/CCTKV.VIII-CNTK ngày 2/6/2011 của Chi cục Thuế", "545/CCTKV.VIII-CNTK",
         "2011-06-02"},
        /* ... but not a sentence run on after the code's full stop. */
        {"Kế hoạch số 9/KH-UBND ngày 5/1/2012.Theo đó", "9/KH-UBND", "2012-01-05"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        expect_citation(cases[i].cite, cases[i].number, cases[i].date);
}

/* A cited document's issuer code OCR damaged into no code the lexicon
 * knows is the code of the issuer the citation names, when close to it;
 * a known code, or one far from the named issuer's, stays as read. */
static void test_code_by_issuer(void)
{
    static const struct {
        const char *cite, *number, *date;
    } cases[] = {
        {"Quyết định số 512/QĐ-BGTTWT ngày 3/4/2011 của Bộ trưởng Bộ Giao thông vận tải",
         "512/QĐ-BGTVT", "2011-04-03"},
        {"Công điện số 77/CĐ-TTEg ngày 5/6/2011 của Thủ tướng Chính phủ", "77/CĐ-TTg",
         "2011-06-05"},
        {"Kế hoạch số 31/KH-STTLET ngày 6/1/2012 của Sở Thông tin và Truyền thông tỉnh Yên Bái",
         "31/KH-STTTT", "2012-01-06"},
        {"Quyết định số 512/QĐ-BTC ngày 3/4/2011 của Bộ trưởng Bộ Giao thông vận tải",
         "512/QĐ-BTC", "2011-04-03"},
        {"Quyết định số 512/QĐ-XKQW ngày 3/4/2011 của Bộ trưởng Bộ Giao thông vận tải",
         "512/QĐ-XKQW", "2011-04-03"},
        /* A party document's number: its issuer's code follows the slash. */
        {"Kế hoạch số 05-KH/BCĐTW ngày 3/4/2011 của Ban Chỉ đạo Trung ương", "05-KH/BCĐTW",
         "2011-04-03"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        expect_citation(cases[i].cite, cases[i].number, cases[i].date);
}

/* A number behind "số" and a cue naming a document is cited as printed:
 * a firm's or a citizen's own numbering, a code parted by a space after
 * its '&'; an address or a bare count behind "số" is none. */
static void test_cued_numbers(void)
{
    static const struct {
        const char *cite, *number, *date;
    } cases[] = {
        {"đơn đề nghị xác định mã số số 07-0325/HL ngày 10/3/2012 của Công ty", "07-0325/HL",
         "2012-03-10"},
        {"văn bản số 02/CV-02 ngày 4/1/2012 của Công ty Hòa Lộc", "02/CV-02", "2012-01-04"},
        {"công văn số HLC/2012/15 ngày 5/1/2012 của Công ty", "HLC/2012/15", "2012-01-05"},
        {"Công văn số 1532/STC-QLG& TCDN ngày 6/1/2012 của Sở Tài chính", "1532/STC-QLG&TCDN",
         "2012-01-06"},
        {"đơn phản ánh kiến nghị số PA.20120301 ngày 1/3/2012 của ông Lê Văn Hòa",
         "PA.20120301", "2012-03-01"},
        {"công văn số 1706-12/HL ngày 2/7/2012 của Công ty", "1706-12/HL", "2012-07-02"},
        {"hộ ông Lê Văn Hòa ở nhà số 12/3A phố Huế", NULL, NULL},
        {"công văn số 15 ngày 2/7/2012 của Công ty", NULL, NULL},
        {"Quyết định số 25/0Đ-UBND ngày 2/7/2012 của UBND tỉnh", NULL, NULL},
        {"công văn số 12A/HL ngày 2/7/2012 của Công ty", "12A/HL", "2012-07-02"},
        /* Cyrillic look-alikes typed into a code are its Latin letters. */
        {"Công văn số 16/ВТС-НСSN ngày 2/7/2012 của Bộ Tài chính", "16/BTC-HCSN", "2012-07-02"},
        /* A slash OCR read as a fraction or a division slash is a slash. */
        {"Quyết định số 27\u2044QĐ-UBND ngày 2/7/2012 của UBND tỉnh", "27/QĐ-UBND", "2012-07-02"},
        {"Nghị định số 27/2012\u2215NĐ-CP ngày 2/7/2012 của Chính phủ", "27/2012/NĐ-CP",
         "2012-07-02"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        expect_citation(cases[i].cite, cases[i].number, cases[i].date);
}

/* A document printed once with its dash and once without is one
 * reference. */
static void test_dash_lost(void)
{
    json_t *m = parse_text("dash lost",
        "TỈNH ỦY YÊN BÁI\nSố: 88-CV/TU\nYên Bái, ngày 2 tháng 3 năm 2012\n"
        "V/v cải cách hành chính\nThực hiện Nghị quyết số 12-NQ/TU ngày 2/7/2011 của Tỉnh ủy; "
        "theo Nghị quyết số 12NQ/TU, các sở thực hiện.\n"
        "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n", NULL);
    expect_count(m, "references", 1);
    expect(m, "references.0.number", "12-NQ/TU");
    json_decref(m);
}

static void test_reference_subjects(void)
{
    json_t *m = parse_text("reference subjects",
        "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂY HỒ\nSố: 45/UBND-VP\nTây Hồ, ngày 10 tháng 6 năm 2025\n"
        "V/v phòng chống dịch\n"
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 3 tháng 4 năm 2025 của UBND thành phố về việc\n"
        "ban hành Quy chế làm việc;\n"
        "Thực hiện Công văn số 456/SYT-NVY ngày 5/6/2025 của Sở Y tế về tăng cường phòng, "
        "chống dịch bệnh mùa hè, UBND phường đề nghị các đơn vị thực hiện.\n"
        "Theo Kế hoạch số 78/KH-UBND về triển khai Chương trình số 9-CTr/TU về chuyển đổi số "
        "tại TP. Hà Nội. Các đơn vị báo cáo.\n"
        "Căn cứ Thông báo số 3/TB-UBND ngày 1/2/2025 (kèm theo).\n"
        "Thực hiện Kế hoạch số 5-KH/BCĐ ngày 2/3/2025 của Ban Chỉ đạo tỉnh về phòng, chống "
        "thiên tai về việc diễn tập ứng phó bão;\n"
        "\nNơi nhận:\n- Lưu: VT.\n", NULL);
    expect_count(m, "references", 6);
    static const char *const want[][2] = {
        {"12/QĐ-UBND", "về việc ban hành Quy chế làm việc"},
        {"456/SYT-NVY", "về tăng cường phòng, chống dịch bệnh mùa hè"},
        {"78/KH-UBND", "về triển khai"},
        {"9-CTr/TU", "về chuyển đổi số tại TP. Hà Nội"},
        {"3/TB-UBND", NULL},
        /* A steering committee's name has its own "về". */
        {"5-KH/BCĐ", "về việc diễn tập ứng phó bão"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        char path[64];
        snprintf(path, sizeof path, "references.%zu.number", i);
        expect(m, path, want[i][0]);
        snprintf(path, sizeof path, "references.%zu.subject", i);
        expect(m, path, want[i][1]);
    }
    expect(m, "references.0.issuer", "UBND thành phố");
    expect(m, "references.5.issuer", "Ban Chỉ đạo tỉnh");
    json_decref(m);
}

/* English-model OCR reads Đ in codes and abbreviations as D, P, B or two
 * letters (NDB, TTDBT, BBQH): each comes back as the code or abbreviation
 * it spells, and a cited code read both ways is one reference.  Codes
 * that are themselves known stay. */
static void test_d_readings(void)
{
    json_t *m = parse_foot("Đ read as letters",
        "Kính gửi: Thường trực HBND các huyện; Sở GDDT.\n"
        "Căn cứ Nghị định số 103/2024/NDB-CP ngày 30/7/2024 của Chính phủ; Thông tư số "
        "15/2024/TT-BKHDBT ngày 30/9/2024 của Bộ Kế hoạch và Đầu tư (sau đây viết tắt là Thông "
        "tư số 15/2024/TT-BKHĐT), Sở Nội vụ đề nghị các đơn vị rà soát./.",
        "Nơi nhận:\n- Đoàn BBQH tỉnh;\n- Các Ban HBND tỉnh;\n- Cổng TTBT tỉnh;\n"
        "- VPUB: các PCVP, BT;\n- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n");
    expect(m, "addressees.0", "Thường trực HĐND các huyện");
    expect(m, "addressees.1", "Sở GDĐT");
    expect_count(m, "references", 2);
    expect(m, "references.0.number", "103/2024/NĐ-CP");
    expect(m, "references.1.number", "15/2024/TT-BKHĐT");
    expect(m, "recipients.0", "Đoàn ĐBQH tỉnh");
    expect(m, "recipients.1", "Các Ban HĐND tỉnh");
    expect(m, "recipients.2", "Cổng TTĐT tỉnh");
    expect(m, "recipients.3", "VPUB: các PCVP, BT");
    json_decref(m);
}

/* A code joining two bodies' initials with '&' is read whole: a part of
 * two letters ("PT" of "PT&TH") is no OCR reading of an abbreviation with
 * Đ, in a text that kept its marks or not, while the whole code read
 * without its Đ ("GD&DT") gets it back, and so do longer parts of a code
 * no list holds ("DBQH&HPND"), also after a part printed with Đ
 * ("ĐBQH&HDPND", where a part of two stays: "ĐT&PT"). */
static void test_ampersand_codes(void)
{
    json_t *m = parse_foot("codes joined by &", "Các đơn vị thực hiện./.",
        "Nơi nhận:\n- Đài PT&TH tỉnh;\n- Sở GD&DT;\n- Trung tâm VH&TT huyện;\n"
        "- VP Đoàn DBQH&HPND tỉnh;\n- Trang TTĐT của Đoàn ĐBQH&HDPND;\n- Đài ĐT&PT huyện;\n"
        "- Lưu: VT.\nGIÁM ĐỐC\n\nĐinh Quốc Bảo\n");
    expect(m, "recipients.0", "Đài PT&TH tỉnh");
    expect(m, "recipients.1", "Sở GD&ĐT");
    expect(m, "recipients.2", "Trung tâm VH&TT huyện");
    expect(m, "recipients.3", "VP Đoàn ĐBQH&HĐND tỉnh");
    expect(m, "recipients.4", "Trang TTĐT của Đoàn ĐBQH&HĐND");
    expect(m, "recipients.5", "Đài ĐT&PT huyện");
    json_decref(m);
}

/* The term a code of the Quốc hội ends with, a 1 of it read as I or l or
 * read twice ("QHI15"); a code whose capitals are no known one stays. */
static void test_term_codes(void)
{
    json_t *m = parse_text("term read as I and l",
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nNghị quyết số: 76/2025/UBTVQHI15\n"
        "Hà Nội, ngày 4 tháng 3 năm 2025\nNGHỊ QUYẾT\nVề một việc\n\n"
        "Căn cứ Nghị quyết số 31/2024/QHI15 và Luật số 40/2023/QHI4; Quyết định số 9/2024/QĐ-CTI5.\n", NULL);
    expect(m, "number", "76/2025/UBTVQH15");
    expect(m, "references.0.number", "31/2024/QH15");
    expect(m, "references.1.number", "40/2023/QH14");
    expect(m, "references.2.number", "9/2024/QĐ-CTI5");
    json_decref(m);
    m = parse_text("term read as l",
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nNghị quyết số: 77/2025/UBTVQHl5\n"
        "Hà Nội, ngày 4 tháng 3 năm 2025\nNGHỊ QUYẾT\nVề một việc\n", NULL);
    expect(m, "number", "77/2025/UBTVQH15");
    json_decref(m);
    m = parse_text("term's 5 read as S",
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 12/QĐ-UBND\n"
        "Hà Nam, ngày 4 tháng 3 năm 2025\nQUYẾT ĐỊNH\nVề một việc\n"
        "Căn cứ Luật số 47/2024/QH1S và Nghị quyết số 5/2025/UBTVQH1S;\n", NULL);
    expect(m, "references.0.number", "47/2024/QH15");
    expect(m, "references.1.number", "5/2025/UBTVQH15");
    json_decref(m);
}

/* Code parts OCR misread (codes.c): a 1 read as I, T and I for each
 * other, a T for the r of TTr, a U for the "L/" of a party's number, a
 * letter read twice, O for 0, Đ for B, Ñ for N, Roman numerals after
 * "khu vực"; each
 * repaired to the code the lexicon knows where the part stands, and a
 * code that is known, or that no single known code explains, as read. */
static void test_code_confusions(void)
{
    json_t *m = parse_text("code parts misread",
        "ĐẢNG BỘ TỈNH\nSố 88-KUTW\nHà Nội, ngày 4 tháng 3 năm 2025\nKẾT LUẬN\nVề một việc\n\n"
        "Xét Tờ trình số 31/TIr-SNV, Tờ trình số 32/TTT-STC, Báo cáo thẩm tra số "
        "71/BC-UBPLTPI5, Tờ trình số 09-TTr/ĐĐU, Thông tư số 15/2024/TTT-BYT, Thông tư số "
        "10/2023/TT-BYT, Quyết định số 9/2024/QĐ-CTI5, Kết luận số 14-KUTW, Công văn số "
        "77/BTTTTT-KHTC, Tờ trình số 12-TTr/ĐU và Công văn số 61/CCTKV.VII-QLDN.\n\n"
        "Nơi nhận:\n- PITgCP, TGĐĐ Cổng TTĐT;\n"
        "- Chi cục Hải quan khu vực H1, khu vực 1, Khóa XV;\n- Hội đồng THI, Sở GDĐT;\n"
        "- Các Vụ: TH, QHBP, NÑNN;\n- ÑC Ngân, CNÑ;\n"
        "- Công ty KTH;\n- Lưu: VT, VP1O, PV, XYZI.\nBÍ THƯ\n\nTrần Văn An\n", NULL);
    expect(m, "number", "88-KL/TW");
    /* With a year TT (Thông tư) is what TTT is; a code no single known
     * one explains (CTI5), or a Roman numeral numbering a unit, stays. */
    static const char *const refs[] = {
        "31/TTr-SNV",     "32/TTr-STC",    "71/BC-UBPLTP15", "09-TTr/ĐU",
        "15/2024/TT-BYT", "10/2023/TT-BYT", "9/2024/QĐ-CTI5", "14-KL/TW",
        "77/BTTTT-KHTC",  "12-TTr/ĐU",     "61/CCTKV.VII-QLDN",
    };
    expect_count(m, "references", sizeof refs / sizeof *refs);
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++) {
        char path[32];
        snprintf(path, sizeof path, "references.%zu.number", i);
        expect(m, path, refs[i]);
    }
    /* Đ read as B, and the Ñ Vietnamese-model OCR makes of an N or beside
     * one; a firm's code no list holds is no known one with a letter lost
     * (KTTH); PV is a code the corpus prints, not ĐV with its Đ read as P. */
    static const char *const recipients[] = {
        "PTTgCP, TGĐ Cổng TTĐT",
        "Chi cục Hải quan khu vực II, khu vực 1, Khóa XV",
        "Hội đồng THI, Sở GDĐT",
        "Các Vụ: TH, QHĐP, NN",
        "NC Ngân, CN",
        "Công ty KTH",
        "Lưu: VT, VP10, PV, XYZI",
    };
    for (size_t i = 0; i < sizeof recipients / sizeof *recipients; i++) {
        char path[32];
        snprintf(path, sizeof path, "recipients.%zu", i);
        expect(m, path, recipients[i]);
    }
    json_decref(m);
}

/* More legacy-OCR damage: cue words without marks or with digits, the
 * authority sharing a line with the first recipient, a date whose digits
 * have one valid reading. */
static void test_damage_variants(void)
{
    json_t *m = parse_text("damage: Noi nhan, KT. sharing a line",
        "SO TU PHAP CONG HOA XA HOI CHU NGHIA VIET NAM\n"
        "S0: 17/STP-VP Hue, ngay 0l thang 1O nam 2024\n"
        "KE HOACH\n"
        "Kiem tra cong tac van thu\n"
        "\n"
        "N0i nhan: KT. GIAM DOC\n"
        "- UBND tinh (de b/c); PHO GIAM DOC\n"
        "- Luu: VT, VP.\n"
        "\n"
        "Tran Minh Nghia\n", NULL);
    expect(m, "number", "17/STP-VP");
    expect(m, "type", "Kế hoạch");
    expect(m, "date", "2024-10-01");
    expect(m, "signer.authority", "KT. Giám đốc");
    expect(m, "signer.position", "Phó Giám đốc");
    expect(m, "signer.name", "Trần Minh Nghĩa");
    expect_count(m, "recipients", 2);
    expect(m, "recipients.0", "UBND tinh (de b/c)");
    json_decref(m);
}

/* Numbers: administrative, party and legal styles, damaged cue. */
static void test_numbers(void)
{
    static const struct {
        const char *line, *want, *code_number, *code_notation;
    } cases[] = {
        {"Số: 1118/UBND-VHXH", "1118/UBND-VHXH", "1118", "UBND-VHXH"},
        {"Số 478-KH/TU", "478-KH/TU", "478", "KH/TU"},
        {"Số: 30/2020/NĐ-CP", "30/2020/NĐ-CP", "30", "2020/NĐ-CP"},
        {"S6:212 /KH-UBND", "212/KH-UBND", "212", "KH-UBND"},
        {"86:09 /QD-UBND", "09/QĐ-UBND", "09", "QĐ-UBND"},
        {"Số:      /TB-UBND", "/TB-UBND", NULL, "TB-UBND"},
        /* OCR shapes of the cue, with and without a colon. */
        {"S06: 5120/CT-CS", "5120/CT-CS", "5120", "CT-CS"},
        {"SL: 44/BC-UBND", "44/BC-UBND", "44", "BC-UBND"},
        {"Sé: 71/TTr-STC", "71/TTr-STC", "71", "TTr-STC"},
        {"S0 903/SXD-QLN", "903/SXD-QLN", "903", "SXD-QLN"},
        {"Sô: 16/KH-SXD", "16/KH-SXD", "16", "KH-SXD"},
        {"Số 118-CV/ĐU", "118-CV/ĐU", "118", "CV/ĐU"},
        /* The cue alone, the number on the next line (a blank between). */
        {"Số:\n\n52/2025/QĐ-UBND", "52/2025/QĐ-UBND", "52", "2025/QĐ-UBND"},
        {"SO:\n9/TB-SXD", "9/TB-SXD", "9", "TB-SXD"},
        /* The type name before the cue. */
        {"Nghị quyết số: 31/2024/UBTVQH15", "31/2024/UBTVQH15", "31", "2024/UBTVQH15"},
        /* A unit's Roman numeral, its I read as a bar or a bracket. */
        {"Số: 2104/SXD-V.|", "2104/SXD-V.I", "2104", "SXD-V.I"},
        {"Số: 37/UBND-KV.]I", "37/UBND-KV.II", "37", "UBND-KV.II"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char doc[256], name[64];
        snprintf(doc, sizeof doc, "SỞ XÂY DỰNG\n%s\nHuế, ngày 1 tháng 1 năm 2025\n", cases[i].line);
        snprintf(name, sizeof name, "number %zu", i + 1);
        json_t *m = parse_text(name, doc, NULL);
        expect(m, "number", cases[i].want);
        json_t *num = json_object_get(m, "number");
        const char *cn = json_string_value(json_object_get(num, "code_number"));
        const char *nt = json_string_value(json_object_get(num, "code_notation"));
        checks++;
        if ((cases[i].code_number ? !cn || strcmp(cn, cases[i].code_number) : cn != NULL) ||
            !nt || strcmp(nt, cases[i].code_notation))
            fail("split: want %s | %s, got %s | %s", cases[i].code_number ? cases[i].code_number : "-",
                 cases[i].code_notation, cn ? cn : "-", nt ? nt : "-");
        json_decref(m);
    }
}

/* Party documents: the Party's name where the motto stands (on the
 * issuer's line or alone), numbers "118-CV/TU", a lower-case trích yếu,
 * blank lines between the lines as OCR gives them. */
static void test_party(void)
{
    json_t *m = parse_text("party công văn",
        "ĐẢNG BỘ TỈNH HÀ NAM              ĐẢNG CỘNG SẢN VIỆT NAM\n"
        "BAN THƯỜNG VỤ TỈNH ỦY\n"
        "*\n"
        "Số 118-CV/TU                 Phủ Lý, ngày 3 tháng 5 năm 2024\n"
        "về việc chuẩn bị đại hội chi bộ\n"
        "nhiệm kỳ 2025 - 2030\n"
        "\n"
        "Kính gửi: Các huyện ủy, thành ủy trực thuộc.\n"
        "\n"
        "Ban Thường vụ Tỉnh ủy đề nghị các cấp ủy thực hiện.\n", NULL);
    expect(m, "issuer", "Ban Thường vụ Tỉnh ủy");
    expect(m, "issuer_parent", "Đảng bộ tỉnh Hà Nam");
    expect(m, "number", "118-CV/TU");
    expect(m, "date", "2024-05-03");
    expect(m, "place", "Phủ Lý");
    expect(m, "type", "Công văn");
    expect(m, "subject", "về việc chuẩn bị đại hội chi bộ nhiệm kỳ 2025 - 2030");
    json_decref(m);

    m = parse_text("party kế hoạch, OCR blank lines",
        "ĐẢNG ỦY XÃ TÂN HÒA\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 25-KH/ĐU\n\n"
        "Tân Hòa, ngày 10 tháng 3 năm 2025\n\nKẾ HOẠCH\n\n"
        "Tổ chức hội nghị sơ kết công tác quý I\n\nNội dung.\n", NULL);
    expect(m, "issuer", "Đảng ủy xã Tân Hòa");
    expect(m, "issuer_parent", NULL);
    expect(m, "number", "25-KH/ĐU");
    expect(m, "date", "2025-03-10");
    expect(m, "type", "Kế hoạch");
    expect(m, "subject", "Tổ chức hội nghị sơ kết công tác quý I");
    json_decref(m);

    m = parse_text("party, central committee office",
        "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 15-TB/VPTW\n"
        "Hà Nội, ngày 2 tháng 6 năm 2025\nTHÔNG BÁO\nKết luận tại buổi làm việc\n\nNội dung.\n",
        NULL);
    expect(m, "issuer", "Văn phòng");
    expect(m, "issuer_parent", "Ban Chấp hành Trung ương");
    expect(m, "type", "Thông báo");
    json_decref(m);

    /* A place whose last word begins a listed body (Thành of Thành ủy)
     * after its unit, on the line under the parent: one body. */
    m = parse_text("place ending in a body's first word",
        "UBND QUẬN 3\nỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH\nSố: 5/TB-UBND\n"
        "Quận 3, ngày 2 tháng 3 năm 2024\nTHÔNG BÁO\nVề việc nghỉ lễ\n", NULL);
    expect(m, "issuer", "Ủy ban nhân dân phường Bến Thành");
    expect(m, "issuer_parent", "UBND quận 3");
    json_decref(m);

    m = parse_text("party, district committee",
        "HUYỆN ỦY YÊN THÀNH\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 40-CV/HU\n\n"
        "Yên Thành, ngày 4 tháng 4 năm 2023\n\nV/v triển khai công tác kiểm tra\n\n"
        "Kính gửi: Các chi bộ trực thuộc.\n", NULL);
    expect(m, "issuer", "Huyện ủy Yên Thành");
    expect(m, "number", "40-CV/HU");
    expect(m, "subject", "V/v triển khai công tác kiểm tra");
    json_decref(m);
}

/* The trích yếu parsed from a made-up quyết định whose header prints
 * `caps` and whose body restates it as `body`. */
static void expect_caps_subject(const char *name, const char *caps, const char *body, const char *want)
{
    char doc[1024];
    snprintf(doc, sizeof doc,
             "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH BÌNH\nSố: 07/2031/QĐ-UBND\n"
             "Khánh Bình, ngày 3 tháng 9 năm 2031\nQUYẾT ĐỊNH\n%s\n"
             "Căn cứ Luật Tổ chức chính quyền địa phương;\n"
             "Ủy ban nhân dân tỉnh ban hành %s.\n"
             "Điều 1. Ban hành kèm theo Quyết định này.\n", caps, body);
    json_t *m = parse_text(name, doc, NULL);
    expect(m, "subject", want);
    json_decref(m);
}

/* A trích yếu in capitals that OCR read without some marks or with a
 * letter wrong takes the spelling of the body's restatement of it, in its
 * own case; one the body does not restate, or restates with fewer marks,
 * stays as read. */
static void test_subject_mended_from_body(void)
{
    static const char *const mended = "BAN HÀNH QUY CHẾ QUẢN LÝ CHỢ ĐẦU MỐI NÔNG SẢN TRÊN ĐỊA BÀN TỈNH";
    expect_caps_subject("caps subject mended from the body",
                        "BAN HANH QUY CHE QUAN LY CHO DAU MOI NONG SAN TREN DIA BÀN LINH",
                        "Quyết định Ban hành quy chế quản lý chợ đầu mối\nnông sản trên địa bàn tỉnh", mended);
    /* A letter OCR added to a word of the same marks: the body's letters. */
    expect_caps_subject("caps subject with a letter added, mended from the body",
                        "BAN HÀNH QUY CHẾ QUẢN LÝ CHỢ ĐẦU MỐI NÔNG SẢN TRÊN ĐỊA BÀN TỈNNH",
                        "Quyết định Ban hành quy chế quản lý chợ đầu mối\nnông sản trên địa bàn tỉnh", mended);
    /* The body restating it with fewer marks than the header prints. */
    expect_caps_subject("caps subject kept over a poorer body", mended,
                        "Quyết định Ban hanh quy che quan ly cho dau moi\nnong san tren dia ban tinh", mended);
    /* The body's own typo (a mark added) in its restatement, where it
     * prints the word right beside the same words elsewhere: the trích
     * yếu's spelling stays; a word the body never prints so is mended. */
    expect_caps_subject("caps subject kept over a typo of the body", mended,
                        "Quyết định Ban hành quy chế quản lý chợ đầu mối\nnông sản trên địa bản tỉnh; "
                        "chợ trên địa bàn tỉnh", mended);
    expect_caps_subject("caps subject mended beside a typo of the body",
                        "BAN HANH QUY CHE QUAN LY CHO DAU MOI NONG SAN TREN DIA BÀN LINH",
                        "Quyết định Ban hành quy chế quản lý chợ đầu mối\nnông sản trên địa bản tỉnh; "
                        "chợ trên địa bàn tỉnh", mended);
    /* Too many words differ: the body says something else. */
    expect_caps_subject("caps subject the body does not restate", "BAN HANH QUY CHE QUAN LY CHO DAU MOI NONG SAN",
                        "quy định về quản lý bến xe khách liên tỉnh", "BAN HANH QUY CHE QUAN LY CHO DAU MOI NONG SAN");
}

/* Two words of a sentence-case trích yếu OCR ran together, their space
 * lost: cut where they are two syllables; a foreign word without marks, a
 * code and a trích yếu in capitals stay as read. */
static void test_subject_joined_words(void)
{
    static const char *const cases[][2] = {
        {"V/v tổ chức hộinghị tổng kết năm học", "V/v tổ chức hội nghị tổng kết năm học"},
        {"V/v hướng dẫnthực hiện chế độ (phụcấp) công vụ", "V/v hướng dẫn thực hiện chế độ (phụ cấp) công vụ"},
        {"V/v thi làm video về an toàn giao thông", "V/v thi làm video về an toàn giao thông"},
        /* uô and ươ closed by a consonant are a nucleus, no glide. */
        {"V/v lập quy hoạch quốcgia về nước sạch", "V/v lập quy hoạch quốc gia về nước sạch"},
        {"V/v kinh phí đượcgiao năm 2031", "V/v kinh phí được giao năm 2031"},
        {"V/v cấp mã QHNS cho đơn vị", "V/v cấp mã QHNS cho đơn vị"},
        {"V/V TỔ CHỨC HỘINGHỊ", "V/v TỔ CHỨC HỘINGHỊ"},
    };
    expect_subjects("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 31/SGDĐT-VP\n",
                    "\nLâm Hà, ngày 4 tháng 10 năm 2031\n\nKính gửi: Các trường.\n", cases,
                    sizeof cases / sizeof *cases);
}

/* The V/v cue as OCR reads it, and type names without their marks or
 * with wrong ones: type and trích yếu still come out. */
static void test_damaged_cues(void)
{
    static const char *const cues[] = {"VIV", "VW", "Viv", "V/V", "v/v", "Vlv", "V/y",
                                       /* OCR's punctuation after the cue */
                                       "V/V ,", "V/V,", "VV.", "V/v:",
                                       /* the slash and v read as one sign */
                                       "V&:", "V&", "V#", "V\u2044", "v\u2044", "V/", "V\u2215",
                                       /* a speck of the seal before the cue */
                                       "Ẻ V/v", "' VIV"};
    for (size_t i = 0; i < sizeof cues / sizeof *cues; i++) {
        char doc[512], name[64];
        snprintf(doc, sizeof doc,
                 "SỞ XÂY DỰNG\nSố: 14/SXD-QLN\n%s kiểm tra nhà ở xã hội\n"
                 "Huế, ngày 6 tháng 5 năm 2025\n\nKính gửi: Các phòng.\n", cues[i]);
        snprintf(name, sizeof name, "V/v cue %s", cues[i]);
        json_t *m = parse_text(name, doc, NULL);
        expect(m, "type", "Công văn");
        expect(m, "subject", "V/v kiểm tra nhà ở xã hội");
        json_decref(m);
    }
    /* A công điện prints its V/v under the type name. */
    json_t *cd = parse_text("V/v under a type",
        "BỘ XÂY DỰNG\nSố: 12/CĐ-BXD\nHà Nội, ngày 3 tháng 4 năm 2025\nCÔNG ĐIỆN\n"
        "VV. CHỦ ĐỘNG PHÒNG, TRÁNH BÃO SỐ 15\nBỘ XÂY DỰNG điện:\n- Các Sở Xây dựng.\n", NULL);
    expect(cd, "type", "Công điện");
    expect(cd, "subject", "V/v CHỦ ĐỘNG PHÒNG, TRÁNH BÃO SỐ 15");
    json_decref(cd);
    /* A letter-spaced heading comes out of OCR a capital a word: run
     * together at its wide gaps, or into the syllables it spells. */
    json_t *ls = parse_text("letter-spaced header",
        "U Ỷ  B A N  N H Â N  D Â N\nT Ỉ N H A N G I A N G\nSố: 21/TTr-UBND\n"
        "C Ộ N G H Ò A X Ã H Ộ I C H Ủ N G H Ĩ A V I Ệ T N A M\n"
        "An Giang, ngày 2 tháng 3 năm 2024\nT Ờ T R Ì N H\nVề việc phê duyệt kế hoạch\n\n"
        "Kính gửi: Hội đồng nhân dân tỉnh.\n", NULL);
    expect(ls, "issuer", "Ủy ban nhân dân tỉnh An Giang");
    expect(ls, "type", "Tờ trình");
    expect(ls, "subject", "Về việc phê duyệt kế hoạch");
    json_decref(ls);
    /* "Về việc" under a type name, its first word misread as another V
     * and a vowel; a trích yếu opening with another word stays. */
    static const char *const ve[][2] = {
        {"và việc ban hành Quy chế làm việc", "Về việc ban hành Quy chế làm việc"},
        {"Vê việc ban hành Quy chế làm việc", "Về việc ban hành Quy chế làm việc"},
        {"Về việc ban hành Quy chế làm việc", "Về việc ban hành Quy chế làm việc"},
        {"VÀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC", "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC"},
        {"Vận động ủng hộ việc xây nhà", "Vận động ủng hộ việc xây nhà"},
        /* "Về" alone, its capital read small: no trích yếu opens so. */
        {"và tăng cường phòng chống dịch bệnh", "Về tăng cường phòng chống dịch bệnh"},
        {"vẻ tăng cường phòng chống dịch bệnh", "Về tăng cường phòng chống dịch bệnh"},
        {"Vé tàu mùa lễ hội", "Vé tàu mùa lễ hội"},
    };
    expect_subjects("ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 21/QĐ-UBND\nAn Phú, ngày 2 tháng 3 năm 2024\n"
                    "QUYẾT ĐỊNH\n",
                    "\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN XÃ\n", ve, sizeof ve / sizeof *ve);
    /* The same under a công văn's number, in the left column. */
    static const char *const ve_cv[][2] = {
        {"Vẻ việc rà soát hồ sơ đất đai", "Về việc rà soát hồ sơ đất đai"},
        {"Về việc rà soát hồ sơ đất đai", "Về việc rà soát hồ sơ đất đai"},
    };
    for (size_t i = 0; i < sizeof ve_cv / sizeof *ve_cv; i++) {
        char doc[512], name[80];
        snprintf(doc, sizeof doc,
                 "UBND HUYỆN AN PHÚ\nPHÒNG NỘI VỤ\nSố: 88/PNV\n%s\nAn Phú, ngày 2 tháng 3 năm 2024\n\n"
                 "Kính gửi: Ủy ban nhân dân các xã.\n\nPhòng Nội vụ đề nghị thực hiện./.\n", ve_cv[i][0]);
        snprintf(name, sizeof name, "công văn %s", ve_cv[i][0]);
        json_t *m = parse_text(name, doc, NULL);
        expect(m, "subject", ve_cv[i][1]);
        expect(m, "type", "Công văn");
        json_decref(m);
    }
    static const char *const types[][2] = {
        {"QUYET DINH", "Quyết định"}, {"THONG BAO", "Thông báo"}, {"KE HOACH", "Kế hoạch"},
        {"BAO CAO", "Báo cáo"},       {"TO TRINH", "Tờ trình"},   {"CONG VAN", "Công văn"},
        {"QUYÉT ĐỊNH", "Quyết định"}, {"THÔNG BẢO", "Thông báo"}, {"KÉ HOẠCH", "Kế hoạch"},
        {"QUYET DINH.", "Quyết định"}, {"BẢO CÁO", "Báo cáo"},   {"TỜ TRÌNH:", "Tờ trình"},
        /* The rule under the type name read as specks. */
        {"QUYẾT ĐỊNH . oe Cơ Có oe a .", "Quyết định"}, {"THÔNG BÁO rs eee", "Thông báo"},
    };
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        char doc[512], name[64];
        snprintf(doc, sizeof doc,
                 "SỞ XÂY DỰNG\nSố: 14/SXD-QLN\nHuế, ngày 6 tháng 5 năm 2025\n\n%s\n\n"
                 "Kiểm tra nhà ở xã hội năm 2025\n\nNội dung.\n", types[i][0]);
        snprintf(name, sizeof name, "damaged type %s", types[i][0]);
        json_t *m = parse_text(name, doc, NULL);
        expect(m, "type", types[i][1]);
        expect(m, "subject", "Kiểm tra nhà ở xã hội năm 2025");
        json_decref(m);
    }
    json_t *m = parse_text("issuer with specks",
                           "CHÍNH PHỦ a\nSố: 5/NQ-CP\nHà Nội, ngày 1 tháng 2 năm 2025\n"
                           "NGHỊ QUYẾT . oe Co a\nVề một việc\n", NULL);
    expect(m, "issuer", "Chính phủ");
    expect(m, "type", "Nghị quyết");
    json_decref(m);
    m = parse_text("issuer ending in a letter or a figure",
                   "UBND HUYỆN BA VÌ\nTRƯỜNG THCS A\nSố: 5/KH-THCS\nKẾ HOẠCH\nMột việc\n", NULL);
    expect(m, "issuer", "Trường THCS A");
    json_decref(m);
}

/* A công văn whose trích yếu opens with "Về" under the number; a page
 * without a header whose body names a body first. */
static void test_ve_subject(void)
{
    json_t *m = parse_text("Về under the number",
        "UBND TỈNH KON TUM\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 812/SGDĐT-GDTX\n"
        "Về hướng dẫn đánh giá trung tâm học tập cộng đồng\n"
        "Kon Tum, ngày 3 tháng 10 năm 2024\nKính gửi: Các phòng.\n", NULL);
    expect(m, "type", "Công văn");
    expect(m, "subject", "Về hướng dẫn đánh giá trung tâm học tập cộng đồng");
    json_decref(m);
    /* OCR may read the left column's trích yếu before the number: a
     * "Về" line between the issuer and the number opens it, and ends the
     * issuer; a body's name in capitals opening with "VỀ" does not. */
    static const char ve_above[] =
        "ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n"
        "Về tổ chức kiểm tra, đánh giá chất lượng\ncác hợp tác xã dịch vụ nông nghiệp\n"
        "Số: 431/SNNMT-KTHT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "An Giang, ngày 3 tháng 10 năm 2025\nKính gửi: Ủy ban nhân dân các xã.\n";
    m = parse_text("Về above the number", ve_above, NULL);
    expect(m, "subject", "Về tổ chức kiểm tra, đánh giá chất lượng các hợp tác xã dịch vụ nông nghiệp");
    expect(m, "issuer", "Sở Nông nghiệp và Môi trường");
    expect(m, "number", "431/SNNMT-KTHT");
    expect(m, "type", "Công văn");
    json_decref(m);
    m = parse_text("Số left blank, V/v under it",
        "BỘ TÀI CHÍNH CỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số:\nV/v chính sách thuế đối với hộ kinh doanh\nHà Nội, ngày 1 tháng 12 năm 2025\n"
        "Kính gửi: Thuế tỉnh Gia Lai.\n", NULL);
    expect(m, "number", NULL);
    expect(m, "issuer", "Cục Thuế");
    expect(m, "issuer_parent", "Bộ Tài chính");
    expect(m, "type", "Công văn");
    expect(m, "subject", "V/v chính sách thuế đối với hộ kinh doanh");
    json_decref(m);
    m = parse_text("no header, a sentence naming a body",
        "Kính gửi: Cục Thuế tỉnh Bình Định\n"
        "Tổng cục Thuế nhận được công văn của Cục Thuế tỉnh Bình Định hỏi về chính sách thuế đối với "
        "hoạt động chuyển nhượng vốn. Về vấn đề này, Tổng cục Thuế có ý kiến như sau:\n", NULL);
    expect(m, "issuer", NULL);
    json_decref(m);
}

/* A trích yếu over several lines: in capitals under the type name, over
 * lines OCR wrapped, before the authority line of a Quyết định. */
static void test_multiline_subject(void)
{
    json_t *m = parse_text("subject in capitals over three lines",
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 88/2025/QĐ-UBND\n"
        "Ninh Bình, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n"
        "BAN HÀNH QUY ĐỊNH PHÂN CẤP QUẢN LÝ\nCÔNG TRÌNH THỦY LỢI TRÊN ĐỊA BÀN\nTỈNH NINH BÌNH\n\n"
        "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\n\nCăn cứ Luật Thủy lợi;\n", NULL);
    expect(m, "type", "Quyết định");
    expect(m, "subject",
           "BAN HÀNH QUY ĐỊNH PHÂN CẤP QUẢN LÝ CÔNG TRÌNH THỦY LỢI TRÊN ĐỊA BÀN TỈNH NINH BÌNH");
    json_decref(m);

    /* Each: the document and its whole trích yếu.  A trích yếu in
     * capitals ends at the authority line, keeps words a speck touched,
     * goes on over a line opening with a word a body's name may hold, and
     * over many lines of the title column; a code the line's end broke
     * at its slash is one code again, and a dash between words keeps its
     * spaces. */
    static const struct {
        const char *name, *text, *subject;
    } subjects[] = {
        {"subject in capitals, authority right under it",
         "BỘ Y TẾ\nSố: 12/QĐ-BYT\nHà Nội, ngày 2 tháng 1 năm 2025\nQUYẾT ĐỊNH\n"
         "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH\nLĨNH VỰC DƯỢC PHẨM\nBỘ TRƯỞNG BỘ Y TẾ\n"
         "Căn cứ Luật Dược;\n",
         "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH LĨNH VỰC DƯỢC PHẨM"},
        {"subject in capitals, an apostrophe speck",
         "SỞ TÀI CHÍNH\nSố: 15/TB-STC\nHuế, ngày 2 tháng 1 năm 2025\nTHÔNG BÁO\n"
         "LỊCH TẠM DỪNG HỆ THỐNG KẾ TOÁN 'VÀ\nCỔNG DỊCH VỤ CÔNG ’\n"
         "Sở Tài chính thông báo lịch tạm dừng như sau:\n",
         "LỊCH TẠM DỪNG HỆ THỐNG KẾ TOÁN VÀ CỔNG DỊCH VỤ CÔNG"},
        {"subject in capitals, a horn read as a quote or a bang",
         "SỞ Y TẾ\nSố: 16/KH-SYT\nHuế, ngày 2 tháng 1 năm 2025\nKẾ HOẠCH\n"
         "NÂNG CẤP CƠ SỞ”, TRANG THIẾT BỊ Y TẾ TUYẾN XÃ; GIỮ VỮNG THẮNG LỢI! CÁC\n"
         "MỤC TIÊU VỀ “Y TẾ CƠ SỞ” NĂM 2025!\n"
         "Sở Y tế ban hành kế hoạch như sau:\n",
         "NÂNG CẤP CƠ SỞ, TRANG THIẾT BỊ Y TẾ TUYẾN XÃ; GIỮ VỮNG THẮNG LỢI CÁC "
         "MỤC TIÊU VỀ “Y TẾ CƠ SỞ” NĂM 2025!"},
        {"subject in capitals, a line opening with QUYỀN",
         "CHÍNH PHỦ\nSố: 12/NQ-CP\nHà Nội, ngày 2 tháng 1 năm 2025\nNGHỊ QUYẾT\n"
         "VỀ VIỆC KÝ HIỆP ĐỊNH VẬN CHUYỂN HÀNG KHÔNG VỚI MỘT NƯỚC VỀ CÁC\n"
         "QUYỀN VẬN CHUYỂN GIỮA CÁC BÊN\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\n",
         "VỀ VIỆC KÝ HIỆP ĐỊNH VẬN CHUYỂN HÀNG KHÔNG VỚI MỘT NƯỚC VỀ CÁC "
         "QUYỀN VẬN CHUYỂN GIỮA CÁC BÊN"},
        {"subject in capitals over eight lines",
         "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\nSố 51-TB/VPTW\nHà Nội, ngày 3 tháng 2 năm 2025\n"
         "THÔNG BÁO KẾT LUẬN\nCỦA THƯỜNG TRỰC BAN BÍ THƯ TẠI BUỔI LÀM VIỆC\nVỚI BAN CÁN SỰ ĐẢNG\n"
         "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG, CÁC BỘ, NGÀNH LIÊN QUAN\nVỀ CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI\n"
         "VÀ KHẮC PHỤC HẬU QUẢ MƯA LŨ\nTẠI CÁC TỈNH MIỀN NÚI PHÍA BẮC\nTRONG MÙA MƯA BÃO\n"
         "NĂM 2025\nNgày 1/2/2025, đồng chí Thường trực Ban Bí thư đã làm việc.\n",
         "KẾT LUẬN CỦA THƯỜNG TRỰC BAN BÍ THƯ TẠI BUỔI LÀM VIỆC VỚI BAN CÁN SỰ ĐẢNG "
         "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG, CÁC BỘ, NGÀNH LIÊN QUAN VỀ CÔNG TÁC PHÒNG, "
         "CHỐNG THIÊN TAI VÀ KHẮC PHỤC HẬU QUẢ MƯA LŨ TẠI CÁC TỈNH MIỀN NÚI PHÍA BẮC "
         "TRONG MÙA MƯA BÃO NĂM 2025"},
        {"subject over a code broken at its slash",
         "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nNghị quyết số: 16/2025/UBTVQH15\nNGHỊ QUYẾT\n"
         "Về việc thi hành Luật Bảo hiểm xã hội số 41/2024/\nQH15 đối với hộ kinh doanh\n"
         "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCăn cứ Hiến pháp;\n",
         "Về việc thi hành Luật Bảo hiểm xã hội số 41/2024/QH15 đối với hộ kinh doanh"},
        {"subject over a dash between words",
         "CỤC THUẾ\nTHUẾ TỈNH ĐỒNG XUÂN\nSố: 17/TB-TĐX\nĐồng Xuân, ngày 2 tháng 1 năm 2025\n"
         "THÔNG BÁO\nVề lịch làm việc của Thuế tỉnh Bà Rịa -\nVũng Tàu cũ\n"
         "Thuế tỉnh thông báo như sau:\n",
         "Về lịch làm việc của Thuế tỉnh Bà Rịa - Vũng Tàu cũ"},
        {"subject in capitals, a last line one letter off a body cue",
         "BỘ NỘI VỤ\nSố: 12/NQ-CP\nHà Nội, ngày 2 tháng 12 năm 2025\nNGHỊ QUYẾT\n"
         "VỀ VIỆC THÍ ĐIỂM CẤP GIẤY PHÉP CHO CÁC CƠ SỞ\nĐÀO TẠO NGHỀ TẠI CÁC TỈNH MIỀN NÚI\n"
         "THỰC ĐIỆN TỪ XA\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\n",
         "VỀ VIỆC THÍ ĐIỂM CẤP GIẤY PHÉP CHO CÁC CƠ SỞ ĐÀO TẠO NGHỀ TẠI CÁC TỈNH MIỀN NÚI "
         "THỰC ĐIỆN TỪ XA"},
        {"subject in sentence case over nine lines, the authority under it",
         "BỘ XÂY DỰNG\nSố: 31/QĐ-BXD\nHà Nội, ngày 2 tháng 1 năm 2025\nQUYẾT ĐỊNH\n"
         "Về việc sửa đổi quy chế phối hợp giữa các cục\nvà các viện trong việc thẩm định\n"
         "hồ sơ thiết kế công trình giao thông\nđường thủy nội địa và công trình\n"
         "cảng biển, bến cảng, cầu cảng\nvà các công trình hàng hải khác\n"
         "trên địa bàn các tỉnh ven biển\nmiền Trung và Tây Nguyên\ntrong giai đoạn đến năm 2030\n"
         "BỘ TRƯỞNG BỘ XÂY DỰNG\nCăn cứ Luật Xây dựng;\n",
         "Về việc sửa đổi quy chế phối hợp giữa các cục và các viện trong việc thẩm định "
         "hồ sơ thiết kế công trình giao thông đường thủy nội địa và công trình "
         "cảng biển, bến cảng, cầu cảng và các công trình hàng hải khác "
         "trên địa bàn các tỉnh ven biển miền Trung và Tây Nguyên trong giai đoạn đến năm 2030"},
        {"subject over a long line that OCR wrapped mid-sentence",
         "BỘ XÂY DỰNG\nSố: 32/QĐ-BXD\nHà Nội, ngày 2 tháng 1 năm 2025\nQUYẾT ĐỊNH\n"
         "Về việc sửa đổi quy chế phối hợp giữa các cục và các viện trong việc thẩm định hồ sơ "
         "thiết kế công trình giao thông đường thủy nội địa và công trình\n"
         "cảng biển, bến cảng, cầu cảng và các công trình hàng hải khác trên địa bàn các tỉnh "
         "ven biển miền Trung và Tây Nguyên\n"
         "BỘ TRƯỞNG BỘ XÂY DỰNG\nCăn cứ Luật Xây dựng;\n",
         "Về việc sửa đổi quy chế phối hợp giữa các cục và các viện trong việc thẩm định hồ sơ "
         "thiết kế công trình giao thông đường thủy nội địa và công trình "
         "cảng biển, bến cảng, cầu cảng và các công trình hàng hải khác trên địa bàn các tỉnh "
         "ven biển miền Trung và Tây Nguyên"},
        {"subject in capitals quoting between two closing quotes",
         "THỦ TƯỚNG CHÍNH PHỦ\nSố: 12/CĐ-TTg\nHà Nội, ngày 2 tháng 1 năm 2025\nCÔNG ĐIỆN\n"
         "V/V PHÁT ĐỘNG ”TẾT ẤM CHO MỌI NHÀ” TẠI CÁC XÃ VÙNG CAO\n"
         "THỦ TƯỚNG CHÍNH PHỦ điện:\n",
         "V/v PHÁT ĐỘNG ”TẾT ẤM CHO MỌI NHÀ” TẠI CÁC XÃ VÙNG CAO"},
        {"subject wrapped before the small words of a body cue",
         "BỘ XÂY DỰNG\nSố: 33/QĐ-BXD\nHà Nội, ngày 2 tháng 1 năm 2025\nQUYẾT ĐỊNH\n"
         "Sửa đổi Thông tư số 07/2024/TT-BXD về mẫu hồ sơ mời thầu các gói thầu\n"
         "thực hiện dự án nhà ở xã hội và các công trình hạ tầng đi kèm; quy định\n"
         "căn cứ xác định giá gói thầu xây lắp\n"
         "BỘ TRƯỞNG BỘ XÂY DỰNG\nCăn cứ Luật Xây dựng;\n",
         "Sửa đổi Thông tư số 07/2024/TT-BXD về mẫu hồ sơ mời thầu các gói thầu "
         "thực hiện dự án nhà ở xã hội và các công trình hạ tầng đi kèm; quy định "
         "căn cứ xác định giá gói thầu xây lắp"},
    };
    for (size_t k = 0; k < sizeof subjects / sizeof *subjects; k++) {
        m = parse_text(subjects[k].name, subjects[k].text, NULL);
        expect(m, "subject", subjects[k].subject);
        json_decref(m);
    }

    /* The type name on the last line: no trích yếu, and nothing read
     * past the lines. */
    m = parse_text("type name on the last line", "Số: 5/TB-UBND\nTHÔNG BÁO\n", NULL);
    expect(m, "type", "Thông báo");
    json_decref(m);

    /* A Số printed without its number, the V/v read onto its line. */
    m = parse_text("V/v on the line of a bare Số",
        "BỘ TÀI CHÍNH\nCỤC THUẾ\nSố: V/v gia hạn nộp thuế\nHà Nội, ngày 6 tháng 7 năm 2025\n"
        "Kính gửi: Thuế tỉnh Hà Tĩnh.\nCục Thuế nhận được công văn của Thuế tỉnh.\n", NULL);
    expect(m, "type", "Công văn");
    expect(m, "issuer", "Cục Thuế");
    expect(m, "subject", "V/v gia hạn nộp thuế");
    json_decref(m);

    m = parse_text("V/v over three lines before Kính gửi",
        "SỞ TÀI CHÍNH\nSố: 301/STC-QLG\nV/v hướng dẫn xây dựng dự toán\n"
        "ngân sách nhà nước năm 2026 và kế hoạch\ntài chính 03 năm\n"
        "Huế, ngày 6 tháng 7 năm 2025\nKính gửi: Các sở, ban, ngành.\n", NULL);
    expect(m, "subject",
           "V/v hướng dẫn xây dựng dự toán ngân sách nhà nước năm 2026 và kế hoạch tài chính 03 năm");
    json_decref(m);

    /* A trích yếu in capitals as OCR reads it: "Ở" as a zero or an O with
     * a quote, Đ of a cited code as B; a figure stays a figure. */
    m = parse_text("subject in capitals, OCR's shapes",
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 90/2025/QĐ-UBND\n"
        "Ninh Bình, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n"
        "BÃI BỎ QUYẾT ĐỊNH SỐ 15/2021/QB-UBND VỀ HỖ TRỢ NHÀ 0’ CHO HỘ NGHÈO\n"
        "VÀ TRẺ EM O' NƠI KHÓ KHĂN, CẤP ĐỘ 0 NĂM 2025\n\nCăn cứ Luật Nhà ở;\n", NULL);
    expect(m, "subject",
           "BÃI BỎ QUYẾT ĐỊNH SỐ 15/2021/QĐ-UBND VỀ HỖ TRỢ NHÀ Ở CHO HỘ NGHÈO VÀ TRẺ EM Ở NƠI "
           "KHÓ KHĂN, CẤP ĐỘ 0 NĂM 2025");
    json_decref(m);
}

/* Dates cut by the narrow right column or by OCR: the rest of the date on
 * the next line (alone, or after the left column's V/v), the year moved
 * onto the Số line. */
static void test_wrapped_dates(void)
{
    static const struct {
        const char *head, *date, *place, *subject;
    } cases[] = {
        /* The place's unit word in small letters is the place's, not the
         * trích yếu's. */
        {"Số: 61/SYT-NVY\nV/v tiêm chủng mở rộng\nThành phố Hồ Chí Minh, ngày 28 tháng 11\nnăm 2025\n",
         "2025-11-28", "Thành phố Hồ Chí Minh", "V/v tiêm chủng mở rộng"},
        {"Số: 61/SYT-NVY\nHà Nội, ngày 12 tháng 3 năm\n\n2024\n", "2024-03-12", "Hà Nội", NULL},
        /* The place wrapped. */
        {"Số: 61/SYT-NVY\nThành phố Hồ Chí\nMinh, ngày 28 tháng 11 năm 2025\n", "2025-11-28",
         "Thành phố Hồ Chí Minh", NULL},
        {"Số: 61/SYT-NVY\nĐộc lập - Tự do - Hạnh phúc\nĐà Nẵng, ngày 4 tháng 10 năm 2025\n",
         "2025-10-04", "Đà Nẵng", NULL},
        /* The unit word abbreviated before a known place is the place's. */
        {"Số: 61/SYT-NVY\nTP. Hồ Chí Minh, ngày 28 tháng 11 năm 2025\n", "2025-11-28",
         "TP. Hồ Chí Minh", NULL},
        {"Số: 61/SYT-NVY\nTp. Cần Thơ, ngày 28 tháng 11 năm 2025\n", "2025-11-28", "TP. Cần Thơ",
         NULL},
        /* The year on the Số line. */
        {"Số: 61/SYT-NVY         2023\nĐà Nẵng, ngày 4 tháng 10 năm\n", "2023-10-04", "Đà Nẵng",
         NULL},
        /* The date interleaved with the number and V/v lines. */
        {"Số: 61/SYT-NVY              Huế, ngày 9 tháng 6\n"
         "V/v tiêm chủng mở rộng          năm 2025\n",
         "2025-06-09", "Huế", "V/v tiêm chủng mở rộng"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char doc[512], name[64];
        snprintf(doc, sizeof doc, "SỞ Y TẾ\n%s\nKính gửi: Các bệnh viện.\n", cases[i].head);
        snprintf(name, sizeof name, "wrapped date %zu", i + 1);
        json_t *m = parse_text(name, doc, NULL);
        expect(m, "number", "61/SYT-NVY");
        expect(m, "date", cases[i].date);
        expect(m, "place", cases[i].place);
        if (cases[i].subject)
            expect(m, "subject", cases[i].subject);
        json_decref(m);
    }
    /* A trích yếu ending in a year keeps it when no date waits for one. */
    json_t *m = parse_text("year in a trích yếu",
                           "SỞ Y TẾ\nSố: 61/SYT-NVY\nV/v tiêm chủng năm 2025\n"
                           "Huế, ngày 9 tháng 6 năm 2025\n\nKính gửi: Các bệnh viện.\n", NULL);
    expect(m, "subject", "V/v tiêm chủng năm 2025");
    expect(m, "date", "2025-06-09");
    json_decref(m);
}

static void test_marks(void)
{
    json_t *m = parse_text("urgency and secrecy",
                           "BỘ QUỐC PHÒNG\nSố: 12/BQP-TM\nHà Nội, ngày 3 tháng 4 năm 2024\n"
                           "HỎA TỐC          MẬT\nCÔNG ĐIỆN\nVề phòng chống bão\n", NULL);
    expect(m, "urgency", "Hỏa tốc");
    expect(m, "secrecy", "Mật");
    json_decref(m);
    m = parse_text("no marks in the body",
                   "BỘ QUỐC PHÒNG\nSố: 12/BQP-TM\nCÔNG ĐIỆN\nVề phòng chống bão\n\n"
                   "Bảo vệ bí mật nhà nước, thực hiện khẩn trương.\n", NULL);
    expect(m, "urgency", NULL);
    expect(m, "secrecy", NULL);
    json_decref(m);
}

/* A page as vanthu's OCR gives it: lines with layout roles and boxes, one
 * line height apart. */
typedef struct role_line {
    const char *text;
    vt_role role;
} role_line;

static json_t *parse_roles(const role_line *page, size_t n)
{
    vt_pline lines[32];
    for (size_t i = 0; i < n && i < 32; i++) {
        vt_pline_init(&lines[i], page[i].text);
        lines[i].number = i + 1;
        lines[i].role = page[i].role;
        /* A page read as scanned: the same box on it and upright. */
        lines[i].box = lines[i].upright = (vt_box){100, (int)(60 * i), 900, 50};
    }
    json_t *m = parse_lines(lines, n < 32 ? n : 32, NULL);
    for (size_t i = 0; i < n && i < 32; i++)
        vt_pline_clear(&lines[i]);
    return m;
}

/* The title a page printed in its left column, between the issuer and the
 * number, with the trích yếu under the number: the type is the title's,
 * the issuer ends above it, the trích yếu is the left column's lines under
 * the number. */
static void test_title_in_left_column(void)
{
    current = "title in the left column";
    static const role_line page[] = {
        {"BỘ NỘI VỤ", VT_ROLE_HEADER_LEFT},
        {"QUYẾT ĐỊNH", VT_ROLE_HEADER_LEFT},
        {"Số: 17/QĐ-BNV", VT_ROLE_HEADER_LEFT},
        {"Kế hoạch số 9-KH/TW ngày 2 tháng 3", VT_ROLE_HEADER_LEFT},
        {"năm 2031 về công tác cán bộ", VT_ROLE_HEADER_LEFT},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
        {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
        {"Hà Nội, ngày 5 tháng 6 năm 2031", VT_ROLE_HEADER_RIGHT},
        {"BỘ TRƯỞNG BỘ NỘI VỤ", VT_ROLE_BODY},
        {"Căn cứ Luật Tổ chức Chính phủ;", VT_ROLE_BODY},
    };
    /* The rule under the trích yếu read at the end of its last line. */
    role_line ruled[sizeof page / sizeof *page];
    memcpy(ruled, page, sizeof page);
    ruled[4].text = "năm 2031 về công tác cán bộ ————";
    for (int k = 0; k < 2; k++) {
        json_t *m = parse_roles(k ? ruled : page, sizeof page / sizeof *page);
        expect(m, "issuer", "Bộ Nội vụ");
        expect(m, "number", "17/QĐ-BNV");
        expect(m, "type", "Quyết định");
        expect(m, "subject", "Kế hoạch số 9-KH/TW ngày 2 tháng 3 năm 2031 về công tác cán bộ");
        expect(m, "date", "2031-06-05");
        json_decref(m);
    }
}

/* vanthu's own OCR: columns are separate blocks with layout roles. */
static void test_layout_roles(void)
{
    current = "layout roles";
    static const role_line page[] = {
        {"ỦY BAN NHÂN DÂN", VT_ROLE_HEADER_LEFT},
        {"XÃ TÂN LẬP", VT_ROLE_HEADER_LEFT},
        {"Số: 15/TB-UBND", VT_ROLE_HEADER_LEFT},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
        {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
        {"Tân Lập, ngày 20 tháng 10 năm 2025", VT_ROLE_HEADER_RIGHT},
        {"THÔNG BÁO", VT_ROLE_BODY},
        {"Lịch tiếp công dân quý IV", VT_ROLE_BODY},
        {"", VT_ROLE_BODY},
        {"Ủy ban nhân dân xã thông báo lịch tiếp công dân.", VT_ROLE_BODY},
        {"Nơi nhận:", VT_ROLE_FOOTER_LEFT},
        {"- Các thôn;", VT_ROLE_FOOTER_LEFT},
        {"- Lưu: VT.", VT_ROLE_FOOTER_LEFT},
        {"TM. ỦY BAN NHÂN DÂN", VT_ROLE_FOOTER_RIGHT},
        {"CHỦ TỊCH", VT_ROLE_FOOTER_RIGHT},
        {"Hoàng Văn Lực", VT_ROLE_FOOTER_RIGHT},
    };
    json_t *m = parse_roles(page, sizeof page / sizeof *page);
    expect(m, "issuer", "Ủy ban nhân dân xã Tân Lập");
    expect(m, "number", "15/TB-UBND");
    expect(m, "date", "2025-10-20");
    expect(m, "place", "Tân Lập");
    expect(m, "type", "Thông báo");
    expect(m, "subject", "Lịch tiếp công dân quý IV");
    expect(m, "signer.authority", "TM. Ủy ban nhân dân");
    expect(m, "signer.position", "Chủ tịch");
    expect(m, "signer.name", "Hoàng Văn Lực");
    expect_count(m, "recipients", 2);
    checks++;
    json_t *box = json_object_get(json_object_get(json_object_get(m, "number"), "evidence"), "box");
    if (json_array_size(box) != 4 || json_integer_value(json_array_get(box, 1)) != 120)
        fail("number evidence: want the line's box");
    json_decref(m);
}

/* The rule under the issuer's name read as a run of dashes and equals
 * signs with letters among them, on a line of its own: no part of the
 * issuer. */
static void test_rule_under_issuer(void)
{
    current = "rule under the issuer";
    static const role_line page[] = {
        {"BỘ XÂY DỰNG", VT_ROLE_HEADER_LEFT},
        {"——=—=m—=—=s—=me=—=—=—==ro=—=—e=", VT_ROLE_HEADER_LEFT},
        {"Số: 52/BXD-KHTC", VT_ROLE_HEADER_LEFT},
        {"V/v kế hoạch vốn năm 2031", VT_ROLE_HEADER_LEFT},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
        {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
        {"Hà Nội, ngày 3 tháng 2 năm 2031", VT_ROLE_HEADER_RIGHT},
        {"Kính gửi: Các Sở Xây dựng.", VT_ROLE_BODY},
    };
    json_t *m = parse_roles(page, sizeof page / sizeof *page);
    expect(m, "issuer", "Bộ Xây dựng");
    expect(m, "number", "52/BXD-KHTC");
    json_decref(m);
    m = parse_text("rule under the issuer, text",
                   "BỘ XÂY DỰNG\n——=—=m—=—=s—=me=—=—=—==ro=—=—e=\nSố: 52/BXD-KHTC\n"
                   "V/v kế hoạch vốn năm 2031\nHà Nội, ngày 3 tháng 2 năm 2031\n\n"
                   "Kính gửi: Các Sở Xây dựng.\n", NULL);
    expect(m, "issuer", "Bộ Xây dựng");
    json_decref(m);
}

/* A speck read as a low quote or a comma before the right column's place
 * (a seal's edge, a rule's end): the place opens at its first letter. */
static void test_place_after_speck(void)
{
    static const char *const lines[] = {"„ Bắc Sơn, ngày 14 tháng 8 năm 2031",
                                        "‚, Bắc Sơn, ngày 14 tháng 8 năm 2031"};
    for (size_t k = 0; k < sizeof lines / sizeof *lines; k++) {
        current = "place after a speck";
        const role_line page[] = {
            {"ỦY BAN NHÂN DÂN", VT_ROLE_HEADER_LEFT},
            {"XÃ BẮC SƠN", VT_ROLE_HEADER_LEFT},
            {"Số: 41/UBND-VP", VT_ROLE_HEADER_LEFT},
            {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
            {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
            {lines[k], VT_ROLE_HEADER_RIGHT},
            {"V/v sửa đường liên thôn", VT_ROLE_BODY},
        };
        json_t *m = parse_roles(page, sizeof page / sizeof *page);
        expect(m, "place", "Bắc Sơn");
        expect(m, "date", "2031-08-14");
        json_decref(m);
    }
}

/* The motto's head in the left column: a scan's layout gave the left
 * block "Độc" (or "Độc lập") under the issuer's name, the right block the
 * motto's rest; no issuer ends in them. */
static void test_motto_head_left(void)
{
    static const struct {
        const char *head, *rest;
    } cases[] = {
        {"ĐỘC", "lập - Tự do - Hạnh phúc"},
        {"Độc lập", "Tự do - Hạnh phúc"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        current = "motto's head in the left column";
        const role_line page[] = {
            {"BỘ NỘI VỤ", VT_ROLE_HEADER_LEFT},
            {cases[k].head, VT_ROLE_HEADER_LEFT},
            {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
            {cases[k].rest, VT_ROLE_HEADER_RIGHT},
            {"Số: 41/BNV-TCBC Hà Nội, ngày 2 tháng 3 năm 2025", VT_ROLE_BODY},
            {"V/v tuyển dụng công chức", VT_ROLE_BODY},
            {"Bộ Nội vụ đề nghị các đơn vị thực hiện./.", VT_ROLE_BODY},
        };
        json_t *m = parse_roles(page, sizeof page / sizeof *page);
        expect(m, "issuer", "Bộ Nội vụ");
        expect(m, "number", "41/BNV-TCBC");
        json_decref(m);
    }
}

/* Kính gửi read through the columns: the layout put the Quốc hiệu and the
 * date in the header's right column, and with them the body's first line
 * that holds the addressee's last word; a letter with no header, the
 * addressee's line cut into both columns. */
static void test_addressee_columns(void)
{
    current = "addressee through the columns";
    static const role_line page[] = {
        {"BỘ NỘI VỤ", VT_ROLE_HEADER_LEFT},
        {"Số: 812/BNV-CQĐP", VT_ROLE_HEADER_LEFT},
        {"V/v sắp xếp đơn vị hành chính", VT_ROLE_HEADER_LEFT},
        {"Kính gửi: Sở Nội vụ tỉnh Quảng", VT_ROLE_HEADER_LEFT},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
        {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
        {"Hà Nội, ngày 3 tháng 4 năm 2025", VT_ROLE_HEADER_RIGHT},
        {"Ngãi Bộ Nội vụ nhận được văn bản số 77/SNV-XDCQ ngày", VT_ROLE_HEADER_RIGHT},
        {"20/3/2025 của Sở Nội vụ tỉnh Quảng Ngãi về sắp xếp đơn vị hành chính./.",
         VT_ROLE_BODY},
    };
    json_t *m = parse_roles(page, sizeof page / sizeof *page);
    expect_count(m, "addressees", 1);
    expect(m, "addressees.0", "Sở Nội vụ tỉnh Quảng Ngãi");
    expect(m, "references.0.number", "77/SNV-XDCQ");
    json_decref(m);

    static const role_line letter[] = {
        {"Kính gửi:", VT_ROLE_HEADER_LEFT},
        {"được văn bản", VT_ROLE_HEADER_LEFT},
        {"Sở Tài chính tỉnh Hà Tĩnh Ngày 02/4/2025, Bộ Nội vụ nhận", VT_ROLE_HEADER_RIGHT},
        {"số 45/STC-NS ngày 20/3/2025 của Sở Tài chính tỉnh Hà Tĩnh./.", VT_ROLE_HEADER_RIGHT},
    };
    m = parse_roles(letter, sizeof letter / sizeof *letter);
    expect_count(m, "addressees", 1);
    expect(m, "addressees.0", "Sở Tài chính tỉnh Hà Tĩnh");
    json_decref(m);
}

/* The addressee's block printed in the left column under a V/v on a
 * page: a line opening with a label and its colon is a field of it, not
 * the trích yếu going on, though on a page a line of that may end in ';'. */
static void test_vv_over_labelled_line(void)
{
    current = "V/v over a labelled line";
    static const role_line page[] = {
        {"SỞ TÀI CHÍNH", VT_ROLE_HEADER_LEFT},
        {"Số: 302/STC-QLG", VT_ROLE_HEADER_LEFT},
        {"V/v hoàn thuế giá trị", VT_ROLE_HEADER_LEFT},
        {"gia tăng", VT_ROLE_HEADER_LEFT},
        {"Mã số doanh nghiệp: 0312345678;", VT_ROLE_HEADER_LEFT},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
        {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
        {"Huế, ngày 6 tháng 7 năm 2025", VT_ROLE_HEADER_RIGHT},
        {"Kính gửi: Công ty Cổ phần Sông Hương.", VT_ROLE_BODY},
    };
    json_t *m = parse_roles(page, sizeof page / sizeof *page);
    expect(m, "subject", "V/v hoàn thuế giá trị gia tăng");
    json_decref(m);
}

/* OCR read the left column's V/v line before the number printed above it:
 * the V/v, in small letters or capitals, opens the trích yếu and ends the
 * issuer, in text and on a page whose layout gave it to the left column. */
static void test_vv_above_number(void)
{
#define VV_ABOVE(cue)                                                                              \
    "BỘ XÂY DỰNG\nCỤC KINH TẾ XÂY DỰNG\n" cue " góp ý dự thảo định mức\nSố: 812/KTXD-ĐM\n"           \
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"                            \
    "Hà Nội, ngày 4 tháng 3 năm 2025\nKính gửi: Sở Xây dựng các tỉnh, thành phố.\n"                \
    "Cục Kinh tế xây dựng nhận được văn bản của Quý Sở.\n"
    /* The last: OCR's text sets an empty line between the lines of a
     * wrapped V/v; a line opening in small letters after it goes on with
     * it, the place and date, in capitals, end it. */
    static const struct {
        const char *name, *text, *issuer, *subject, *number;
    } docs[] = {
        {"v/v above the number", VV_ABOVE("v/v"), "Cục Kinh tế xây dựng", "V/v góp ý dự thảo định mức",
         "812/KTXD-ĐM"},
        {"V/V above the number", VV_ABOVE("V/V"), "Cục Kinh tế xây dựng", "V/v góp ý dự thảo định mức",
         "812/KTXD-ĐM"},
        {"V/v above the number", VV_ABOVE("V/v"), "Cục Kinh tế xây dựng", "V/v góp ý dự thảo định mức",
         "812/KTXD-ĐM"},
        /* The cue's slash and v read as a fraction slash. */
        {"v⁄ above the number", VV_ABOVE("v\u2044"), "Cục Kinh tế xây dựng",
         "V/v góp ý dự thảo định mức", "812/KTXD-ĐM"},
        {"V/v over empty lines",
         "BỘ TÀI CHÍNH\n\nCỤC HẢI QUAN\n\nSố: 77/CHQ-GSQL\n\nV/v thủ tục đối với\n\nhàng hóa tạm nhập\n\n"
         "tái xuất\n\nHà Nội, ngày 2 tháng 6 năm 2025\n\nKính gửi: Chi cục Hải quan khu vực II.\n",
         "Cục Hải quan", "V/v thủ tục đối với hàng hóa tạm nhập tái xuất", "77/CHQ-GSQL"},
    };
#undef VV_ABOVE
    for (size_t k = 0; k < sizeof docs / sizeof *docs; k++) {
        json_t *m = parse_text(docs[k].name, docs[k].text, NULL);
        expect(m, "issuer", docs[k].issuer);
        expect(m, "subject", docs[k].subject);
        expect(m, "number", docs[k].number);
        expect(m, "type", "Công văn");
        json_decref(m);
    }
    current = "V/v above the number, roles";
    static const role_line page[] = {
        {"ỦY BAN NHÂN DÂN", VT_ROLE_HEADER_LEFT},
        {"XÃ AN PHÚ", VT_ROLE_HEADER_LEFT},
        {"v/v hỗ trợ kinh phí sửa chữa", VT_ROLE_HEADER_LEFT},
        {"nhà văn hóa thôn", VT_ROLE_HEADER_LEFT},
        {"Số: 45/UBND-VP", VT_ROLE_HEADER_LEFT},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
        {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
        {"An Phú, ngày 9 tháng 10 năm 2025", VT_ROLE_HEADER_RIGHT},
        {"Kính gửi: Phòng Kinh tế.", VT_ROLE_BODY},
    };
    json_t *m = parse_roles(page, sizeof page / sizeof *page);
    expect(m, "issuer", "Ủy ban nhân dân xã An Phú");
    expect(m, "subject", "V/v hỗ trợ kinh phí sửa chữa nhà văn hóa thôn");
    expect(m, "number", "45/UBND-VP");
    json_decref(m);
}

/* A scanned last page: no header, and the "Nơi nhận:" cue whose capital
 * OCR lost at the column's edge still opens the list, and is no type name
 * either (it reads close to "Biên bản"). */
static void test_last_page_cue(void)
{
    current = "last page cue";
    static const role_line page[] = {
        {"2", VT_ROLE_BODY},
        {"Điều 3. Chánh Văn phòng và Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.",
         VT_ROLE_BODY},
        {"ơi nhận:", VT_ROLE_FOOTER_LEFT},
        {"- Như Điều 3;", VT_ROLE_FOOTER_LEFT},
        {"- Sở Tài chính;", VT_ROLE_FOOTER_LEFT},
        {"- Lưu: VT.", VT_ROLE_FOOTER_LEFT},
        {"KT. CHỦ TỊCH", VT_ROLE_FOOTER_RIGHT},
        {"PHÓ CHỦ TỊCH", VT_ROLE_FOOTER_RIGHT},
        {"Hoàng Văn Lực", VT_ROLE_FOOTER_RIGHT},
    };
    json_t *m = parse_roles(page, sizeof page / sizeof *page);
    expect(m, "type", NULL);
    expect_count(m, "recipients", 3);
    expect(m, "recipients.1", "Sở Tài chính");
    expect(m, "signer.name", "Hoàng Văn Lực");
    json_decref(m);
}

/* A speck of ink (a seal's edge, the rule's end) read as a letter of its
 * own before the cue: the number line is still the number's. */
static void test_stray_mark_cue(void)
{
    current = "stray mark before the cue";
    static const role_line page[] = {
        {"ỦY BAN NHÂN DÂN", VT_ROLE_HEADER_LEFT},
        {"TỈNH HÀ NAM", VT_ROLE_HEADER_LEFT},
        {"l Số: 418/QĐ-UBND", VT_ROLE_HEADER_LEFT},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
        {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
        {"Hà Nam, ngày 04 tháng 3 năm 2025", VT_ROLE_HEADER_RIGHT},
        {"QUYẾT ĐỊNH", VT_ROLE_BODY},
        {"Về việc phê duyệt kế hoạch bảo trì đường tỉnh", VT_ROLE_BODY},
        {"Căn cứ Quyết định số 77/QĐ-UBND ngày 10 tháng 01 năm 2025;", VT_ROLE_BODY},
    };
    json_t *m = parse_roles(page, sizeof page / sizeof *page);
    expect(m, "number", "418/QĐ-UBND");
    expect(m, "date", "2025-03-04");
    json_decref(m);
    static const struct {
        const char *line;
        size_t end;
    } marks[] = {
        {"l Số: 1", 2}, {"' | Số:", 4}, {"Số: 12/QĐ", 0}, {"1. Tổ chức", 0}, {"- A", 2},
    };
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        checks++;
        size_t got = vt_stray_mark_end(marks[i].line, strlen(marks[i].line));
        if (got != marks[i].end)
            fail("'%s': want %zu, got %zu", marks[i].line, marks[i].end, got);
    }
}

/* At 100 dpi the number's slash, thinned to its top, reads as an
 * apostrophe: the notation keeps its slash. */
static void test_apostrophe_slash(void)
{
    current = "slash read as an apostrophe";
    static const role_line page[] = {
        {"UBND TỈNH HÀ NAM", VT_ROLE_HEADER_LEFT},
        {"SỞ Y TẾ", VT_ROLE_HEADER_LEFT},
        {"Sũ: 206'SYT-NVY", VT_ROLE_HEADER_LEFT},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
        {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
        {"Hà Nam, ngày 04 tháng 3 năm 2025", VT_ROLE_HEADER_RIGHT},
        {"V/v tiêm chủng mở rộng", VT_ROLE_BODY},
        {"Kính gửi: Ủy ban nhân dân các xã, phường.", VT_ROLE_BODY},
    };
    json_t *m = parse_roles(page, sizeof page / sizeof *page);
    expect(m, "number", "206/SYT-NVY");
    json_decref(m);
}

/* The place of the dispatch made by putting `part` into the format `doc`
 * (one %s) is `want`. */
static void expect_place(const char *doc, const char *part, const char *want)
{
    char text[512];
    snprintf(text, sizeof text, doc, part);
    json_t *m = parse_text(part, text, NULL);
    expect(m, "place", want);
    json_decref(m);
}

/* A place of issue OCR damaged into no place the lexicon knows is the
 * place the issuer's name holds, when it reads close to it; a place the
 * lexicon knows, or one nowhere near, stays as read. */
static void test_place_of_issuer(void)
{
    static const char *const cases[][2] = {
        {"Gía Lal", "Gia Lai"},
        {"Xã, ) Gịa Lal", "Gia Lai"},
        {"Tây Ninh", "Tây Ninh"},
        {"Bến Tre", "Bến Tre"},
        {"Xyz Abc", "Xyz Abc"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        expect_place("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 12/UBND-KT\n%s, ngày 3 tháng 4 năm 2025\n"
                     "V/v kiểm tra công vụ\nKính gửi: Sở Nội vụ.\n",
                     cases[i][0], cases[i][1]);
    /* A Sở's name holds no place and its parent's line is damaged too:
     * the place the body names as printed, when the place read is close
     * to it; a body naming no such place leaves it as read. */
    static const char *const bodies[][2] = {
        {"Các xã trên địa bàn tỉnh Lào Cai báo cáo.", "Lào Cai"},
        {"Các xã báo cáo kết quả.", "Lảo Cal"},
    };
    for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++)
        expect_place("UBNDTỈNH LẢOO CAL\nSỞ NỘI VỤ\nSố: 12/SNV-TCBC\nLảo Cal, ngày 3 tháng 4 năm 2025\n"
                     "V/v kiểm tra công vụ\nKính gửi: Các phòng.\n%s\n",
                     bodies[i][0], bodies[i][1]);
}

/* A speck or a pen's stroke OCR read as one small letter first or last
 * on a line of the issuer's name in capitals is no part of the name; a
 * line not in capitals keeps its words. */
static void test_issuer_stray_letter(void)
{
    static const char *const cases[][3] = {
        {"ỦY BAN NHÂN DÂN", "í TỈNH HÀ NAM", "Ủy ban nhân dân tỉnh Hà Nam"},
        {"UBND TỈNH HÀ NAM", "SỞ NỘI VỤ ì", "Sở Nội vụ"},
        {"ỦY BAN NHÂN DÂN", "TỈNH HÀ NAM", "Ủy ban nhân dân tỉnh Hà Nam"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        current = cases[i][1];
        role_line page[] = {
            {cases[i][0], VT_ROLE_HEADER_LEFT},
            {cases[i][1], VT_ROLE_HEADER_LEFT},
            {"Số: 45/UBND-KT", VT_ROLE_HEADER_LEFT},
            {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
            {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
            {"Hà Nam, ngày 12 tháng 5 năm 2025", VT_ROLE_HEADER_RIGHT},
            {"V/v tuyển dụng công chức", VT_ROLE_BODY},
            {"Kính gửi: Ủy ban nhân dân các xã, phường.", VT_ROLE_BODY},
        };
        json_t *m = parse_roles(page, sizeof page / sizeof *page);
        expect(m, "issuer", cases[i][2]);
        json_decref(m);
    }
}

/* The hyphen between the notation's segments read as a dash, or between
 * letters as a colon or an underscore: the notation keeps its hyphen.  A
 * colon before a space still ends the notation.  A slash read as a
 * fraction or a division slash is a slash. */
static void test_number_dashes(void)
{
    static const char *const cases[][2] = {
        {"Số: 45/SNV\u2013TCBC", "45/SNV-TCBC"},
        {"Số: 45/2025/QĐ\u2014UBND", "45/2025/QĐ-UBND"},
        {"Số: 45/SNV:TCBC", "45/SNV-TCBC"},
        {"Số: 45/SNV_TCBC__.", "45/SNV-TCBC"},
        {"Số: 45/SNV: Về việc", "45/SNV"},
        /* A slash OCR read as a fraction or a division slash. */
        {"Số: 45\u2044SNV-TCBC", "45/SNV-TCBC"},
        {"Số: 45/2025\u2215QĐ-UBND", "45/2025/QĐ-UBND"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        current = cases[i][0];
        role_line page[] = {
            {"UBND TỈNH AN BÌNH", VT_ROLE_HEADER_LEFT},
            {"SỞ NỘI VỤ", VT_ROLE_HEADER_LEFT},
            {cases[i][0], VT_ROLE_HEADER_LEFT},
            {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
            {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
            {"An Bình, ngày 12 tháng 5 năm 2025", VT_ROLE_HEADER_RIGHT},
            {"V/v tuyển dụng công chức", VT_ROLE_BODY},
            {"Kính gửi: Ủy ban nhân dân các xã, phường.", VT_ROLE_BODY},
        };
        json_t *m = parse_roles(page, sizeof page / sizeof *page);
        expect(m, "number", cases[i][1]);
        json_decref(m);
    }
}

/* A real scan's header: an overlay read above the columns, a rule under
 * the issuer read as a letter, the number and day filled in by hand and
 * unread, the V/v read after the right column, its last line ending in a
 * full stop; then a page without a header whose body cites a document. */
/* OCR may read a wide body paragraph's first line in the header's left
 * column, above the quốc hiệu: the header's date under it is still the
 * header's. */
static void test_body_line_in_header(void)
{
    json_t *m = parse_text("body line read into the header",
        "BỘ XÂY DỰNG CỤC QUẢN LÝ NHÀ\nSố: 812/QLN-CS\nV/v hướng dẫn thủ tục\n"
        "Kính gửi: Sở Xây dựng tỉnh Lâm\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 14 tháng 10 năm 2025\n"
        "Đồng Cục Quản lý nhà nhận được công văn số 77/SXD-QLN ngày 2/10/2025 của\n"
        "Sở Xây dựng tỉnh Lâm Đồng. Về vấn đề này, Cục có ý kiến như sau:\n", NULL);
    expect(m, "number", "812/QLN-CS");
    expect(m, "date", "2025-10-14");
    expect(m, "place", "Hà Nội");
    expect(m, "subject", "V/v hướng dẫn thủ tục");
    json_decref(m);
}

/* Parse a text document whose words `pen` (each the first word of the
 * document with that text) OCR took for pen strokes, as it marks them
 * (vt_word.handwritten), or whose digits the digit reader read from pen
 * strokes (`kind` VT_PEN_DIGITS, vt_word.pen_digits). */
static json_t *parse_text_pen(const char *name, const char *text, const char *const *pen, size_t n_pen,
                              vt_pen kind)
{
    current = name;
    vt_pline lines[64];
    size_t n = text_lines(text, lines, 64);
    for (size_t w = 0; w < n_pen; w++)
        for (size_t i = 0; i < n; i++) {
            size_t len = strlen(pen[w]);
            const char *at = lines[i].text;
            while ((at = strstr(at, pen[w])) &&
                   ((at > lines[i].text && at[-1] != ' ') || (at[len] && at[len] != ' ')))
                at++;
            if (!at)
                continue;
            if (!lines[i].pen)
                lines[i].pen = calloc(lines[i].len, sizeof *lines[i].pen);
            memset(lines[i].pen + (at - lines[i].text), kind, len);
            break;
        }
    json_t *meta = parse_lines(lines, n, NULL);
    for (size_t i = 0; i < n; i++)
        vt_pline_clear(&lines[i]);
    return meta;
}

static void expect_handwritten(json_t *meta, const char *field, bool want)
{
    checks++;
    if (json_is_true(json_object_get(json_object_get(meta, field), "handwritten")) != want)
        fail("%s: handwritten should be %d", field, want);
}

/* Digits OCR took for pen strokes, however clean they read ("23", "3",
 * "09"): the number keeps its printed notation, the date what is printed
 * around the day, and both say they are handwritten; printed digits of
 * the same header are read as ever, and a word of print marked beside
 * them changes nothing. */
static void test_pen_words(void)
{
    static const char page[] =
        "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 23 /BC-UBND\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "An Bình, ngày 3 tháng 01 năm 2025\nBÁO CÁO\nKết quả thực hiện nhiệm vụ năm 2024\n"
        "Thực hiện Kế hoạch số 25/KH-UBND ngày 6 tháng 12 năm 2024 của Ủy ban nhân dân tỉnh.\n";
    /* The month by hand too gives the year alone, not the month it reads
     * as; nothing marked, the digits are print; the year and the
     * notation are print even when marked. */
    static const struct {
        const char *name, *pen[2], *number, *date;
        bool number_by_hand, date_by_hand;
    } cases[] = {
        {"pen number and day", {"23", "3"}, "/BC-UBND", "2025-01", true, true},
        {"pen day and month", {"3", "01"}, "23/BC-UBND", "2025", false, true},
        {"no pen", {NULL, NULL}, "23/BC-UBND", "2025-01-03", false, false},
        {"pen mark on print", {"2025", "/BC-UBND"}, "23/BC-UBND", "2025-01-03", false, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        json_t *m = parse_text_pen(cases[i].name, page, cases[i].pen, cases[i].pen[0] ? 2 : 0,
                                   VT_PEN_MARKS);
        expect(m, "number", cases[i].number);
        expect(m, "number.code_notation", "BC-UBND");
        expect(m, "number.code_number", cases[i].number_by_hand ? NULL : "23");
        expect(m, "date", cases[i].date);
        expect(m, "type", "Báo cáo");
        expect_handwritten(m, "number", cases[i].number_by_hand);
        expect_handwritten(m, "date", cases[i].date_by_hand);
        json_decref(m);
    }

    /* A date line the narrow column broke before its year, put back
     * together, keeps its day's mark. */
    static const char *const day[] = {"3"};
    json_t *m = parse_text_pen("pen day, date broken before the year",
                               "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 23 /BC-UBND\n"
                               "An Bình, ngày 3 tháng 01\nnăm 2025\nBÁO CÁO\n"
                               "Kết quả thực hiện nhiệm vụ năm 2024\n",
                               day, 1, VT_PEN_MARKS);
    expect(m, "date", "2025-01");
    expect_handwritten(m, "date", true);
    json_decref(m);

    /* Pen OCR read as digits around a slash before the printed notation
     * ("7⁄61 /KH-UBND", the word taken for pen): its pieces are no part
     * of the notation, and the number is left by hand. */
    static const struct {
        const char *line, *pen, *number;
    } runs[] = {
        {"Số: 7⁄61 /KH-UBND", "7⁄61", "/KH-UBND"},
        {"Số: 8/305 /KH-UBND", "8/305", "/KH-UBND"},
    };
    for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
        char text[256];
        snprintf(text, sizeof text,
                 "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\n%s\nAn Bình, ngày 9 tháng 01 năm 2025\n"
                 "KẾ HOẠCH\nTổ chức hội nghị năm 2025\n", runs[i].line);
        m = parse_text_pen(runs[i].line, text, &runs[i].pen, 1, VT_PEN_MARKS);
        expect(m, "number", runs[i].number);
        expect(m, "number.code_notation", "KH-UBND");
        expect_handwritten(m, "number", true);
        json_decref(m);
    }
}

/* An e-signature overlay OCR damaged ("Cơ quan: Thành phá Đà Nẵng") that
 * the layout put in the left column, read for the issuer: a cut of it
 * that ends in a lone unit word ("Thành") has no place after it (the
 * parse read past the word). */
static void test_overlay_unit_word(void)
{
    current = "overlay line ending in a unit word";
    static const role_line page[] = {
        {"Ký lời: Sử Xây đựng", VT_ROLE_HEADER_LEFT},
        {"Cơ quan: Thành phá Đã Nẵng", VT_ROLE_HEADER_LEFT},
        {"Thới gián ký: 05.062025 l5 40:23 +07:00", VT_ROLE_HEADER_LEFT},
        {"UBND THÀNH PHỐ ĐÀ NẴNG", VT_ROLE_HEADER_LEFT},
        {"SỞ XÂY DỰNG", VT_ROLE_HEADER_LEFT},
        {"Số: /QĐ-SXD", VT_ROLE_HEADER_LEFT},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
        {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
        {"Đà Nẵng, ngày tháng 6 năm 2025", VT_ROLE_HEADER_RIGHT},
        {"QUYẾT ĐỊNH", VT_ROLE_BODY},
        {"Về việc thành lập Tổ công tác kiểm tra nhà chung cư", VT_ROLE_BODY},
    };
    json_t *m = parse_roles(page, sizeof page / sizeof *page);
    expect(m, "number", "/QĐ-SXD");
    /* The overlay's time, its dot and colon lost and 1 read as l, gives
     * the day left blank. */
    expect(m, "digital_signature.time", "2025-06-05T15:40:23+07:00");
    expect(m, "date", "2025-06-05");
    expect(m, "date.source", "signature");
    expect(m, "type", "Quyết định");
    json_decref(m);
}

/* A dispatch of a made-up province whose e-office overlay (`overlay`,
 * NULL for none) stands over the header, dated by `date_line`; `body`
 * ends it. */
static json_t *parse_signed(const char *name, const char *overlay, const char *date_line,
                            const char *body, const char *const *pen_digits, size_t *n_warnings)
{
    char *text = NULL;
    if (asprintf(
        &text, "%sUBND TỈNH AN BÌNH\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 41 /SNNMT-KH\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n%s\n"
        "V/v kiểm tra tiến độ gieo trồng vụ Đông Xuân\nKính gửi: Ủy ban nhân dân các huyện\n%s",
        overlay ? overlay : "", date_line, body) < 0)
        return NULL;
    json_t *m;
    if (pen_digits) {
        m = parse_text_pen(name, text, pen_digits, 1, VT_PEN_DIGITS);
    } else {
        current = name;
        m = parse_text(name, text, n_warnings);
    }
    free(text);
    return m;
}

/* The e-office signature overlay: read over the header however OCR split
 * and damaged it, and its time gives the date's day or month written by
 * hand and not read, or read so that the document would be dated after
 * its signing; a printed date stays, a copy's signature dates nothing,
 * and a time in the body is no overlay. */
static void test_digital_signature(void)
{
    static const char body[] =
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 3 tháng 1 năm 2025 của Ủy ban nhân dân tỉnh,\n"
        "Sở đề nghị các huyện báo cáo tiến độ trước ngày 20 tháng 3 năm 2025.\n";
    /* Split over six lines, each label damaged; the wrapped body's name
     * ends at its comma. */
    static const char split[] = "Ký bời: Sở Nông nghiệp và\nMôi trường\n"
                                "Cơ quau: Sở Nông nghiệp và\nmôi trường, tỉnh An Bình\n"
                                "Thời gỉan kỷ:\n07.03.2025 09:12:40\n+07:00\n";
    static const char one_line[] = "Ký bởi: Sở Nông nghiệp và Môi trường\n"
                                   "Thời gian ký: 02.04.2025 16:05:11 +07:00\n";
    static const struct {
        const char *name, *overlay, *date_line, *pen_digits;
        const char *signer, *time, *date, *source;
        bool warned;
    } cases[] = {
        {"overlay split over lines, day and month blank", split, "An Bình, ngày tháng năm 2025",
         NULL, "Sở Nông nghiệp và môi trường", "2025-03-07T09:12:40+07:00", "2025-03-07",
         "signature", false},
        {"no overlay", NULL, "An Bình, ngày tháng năm 2025", NULL, NULL, NULL, "2025", NULL, false},
        {"printed date kept", split, "An Bình, ngày 06 tháng 3 năm 2025", NULL,
         "Sở Nông nghiệp và môi trường", "2025-03-07T09:12:40+07:00", "2025-03-06", NULL, false},
        /* Printed, it stays even when the signing says otherwise. */
        {"printed date after the signing", split, "An Bình, ngày 26 tháng 3 năm 2025", NULL,
         "Sở Nông nghiệp và môi trường", "2025-03-07T09:12:40+07:00", "2025-03-26", NULL, true},
        /* The printed month kept: the last day of March, not the signing
         * day in April. */
        {"blank day filled, month kept", one_line, "An Bình, ngày tháng 3 năm 2025", NULL,
         "Sở Nông nghiệp và Môi trường", "2025-04-02T16:05:11+07:00", "2025-03-31", "signature",
         false},
        {"blank day, month disagreeing", one_line, "An Bình, ngày tháng 6 năm 2025", NULL,
         "Sở Nông nghiệp và Môi trường", "2025-04-02T16:05:11+07:00", "2025-06", NULL, true},
        /* A hand-read day and month months after the signing: the day
         * agrees with a day just before it, the month is replaced. */
        {"hand-read month after the signing", split, "An Bình, ngày 06 tháng 09 năm 2025", "06",
         "Sở Nông nghiệp và môi trường", "2025-03-07T09:12:40+07:00", "2025-03-06", "signature",
         false},
        {"hand-read date agreeing", split, "An Bình, ngày 06 tháng 03 năm 2025", "06",
         "Sở Nông nghiệp và môi trường", "2025-03-07T09:12:40+07:00", "2025-03-06", NULL, false},
        /* A copy is certified any time after the document was issued. */
        {"copy's signature", "SAO Y; SỞ TƯ PHÁP TỈNH AN BÌNH; Thời gian ký: 12/05/2025 10:20:00 +07:00\n",
         "An Bình, ngày tháng 3 năm 2025", NULL, "Sở Tư pháp tỉnh An Bình",
         "2025-05-12T10:20:00+07:00", "2025-03", NULL, false},
        /* The time's small print run together, as a compressed scan
         * reads it: the year's dot and the space before the clock lost,
         * the parts told by their digits' count. */
        {"overlay's time run together", "Cơ quau: Sở Nông nghiệp và\nmôi trường, tỉnh An Bình\n"
         "Thời gian ký:\n07.03202509:12:40\n+07:00\n", "An Bình, ngày tháng năm 2025", NULL,
         "Sở Nông nghiệp và môi trường", "2025-03-07T09:12:40+07:00", "2025-03-07", "signature",
         false},
        {"overlay's date run into its clock", "Thời gian ký: 07.03.202509:12:40\n",
         "An Bình, ngày tháng năm 2025", NULL, NULL, "2025-03-07T09:12:40", "2025-03-07",
         "signature", false},
        /* A bilevel scan's small print loses the date's dots too: the
         * clock's colon still tells the run apart; with no separator at
         * all, a run of digits is no time. */
        {"overlay's date with no separator left", "Cơ quau: Sở Nông nghiệp và\nmôi trường, tỉnh An Bình\n"
         "Thời gian ký:\n0703202509:12:40\n+07:00\n", "An Bình, ngày tháng năm 2025", NULL,
         "Sở Nông nghiệp và môi trường", "2025-03-07T09:12:40+07:00", "2025-03-07", "signature",
         false},
        {"overlay's digits with no separator", "Thời gian ký: 0703202509 12 40\n",
         "An Bình, ngày tháng năm 2025", NULL, NULL, NULL, "2025", NULL, false},
        /* The overlay's year misread a decade off the printed one: its
         * day and month still date the hand-dated page, in the printed
         * year; a signing just past New Year is no misreading. */
        {"signing's year misread", "Cơ quau: Sở Nông nghiệp và\nmôi trường, tỉnh An Bình\n"
         "Thời gian ký:\n07.03.2035 09:12:40\n+07:00\n", "An Bình, ngày 06 tháng 09 năm 2025", "06",
         "Sở Nông nghiệp và môi trường", "2035-03-07T09:12:40+07:00", "2025-03-06", "signature",
         false},
        {"signed just past New Year", "Ký bởi: Sở Nông nghiệp và Môi trường\n"
         "Thời gian ký: 02.01.2026 16:05:11 +07:00\n", "An Bình, ngày tháng 12 năm 2025", NULL,
         "Sở Nông nghiệp và Môi trường", "2026-01-02T16:05:11+07:00", "2025-12-31", "signature",
         false},
        /* A day read beside a month left unread dates nothing alone: the
         * signing dates the page. */
        {"day read, month not", split, "An Bình, ngày 07 tháng năm 2025", NULL,
         "Sở Nông nghiệp và môi trường", "2025-03-07T09:12:40+07:00", "2025-03-07", "signature",
         false},
        /* One letter run into the cue is a pen stroke, not a printed 1:
         * the day is the signing's. */
        {"one letter for the day", one_line, "An Bình, ngàyL tháng 4 năm 2025", NULL,
         "Sở Nông nghiệp và Môi trường", "2025-04-02T16:05:11+07:00", "2025-04-02", "signature",
         false},
        /* A date and clock with neither a label nor an offset is no
         * overlay. */
        {"bare time", "07.03.2025 09:12:40\n", "An Bình, ngày tháng năm 2025", NULL, NULL, NULL,
         "2025", NULL, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *pen[] = {cases[i].pen_digits};
        size_t n_warnings = 0;
        json_t *m = parse_signed(cases[i].name, cases[i].overlay, cases[i].date_line, body,
                                 cases[i].pen_digits ? pen : NULL, &n_warnings);
        expect(m, "digital_signature", cases[i].signer);
        expect(m, "digital_signature.time", cases[i].time);
        expect(m, "date", cases[i].date);
        expect(m, "date.source", cases[i].source);
        expect(m, "number", "41/SNNMT-KH");
        if (!cases[i].pen_digits && (n_warnings > 0) != cases[i].warned)
            fail("want %s warning, got %zu", cases[i].warned ? "a" : "no", n_warnings);
        checks++;
        if (json_is_true(json_object_get(json_object_get(m, "digital_signature"), "copy")) !=
            (strncmp(cases[i].name, "copy", 4) == 0))
            fail("digital_signature.copy wrong");
        json_decref(m);
    }

    /* The overlay's labels and time in the body, the header printing
     * none: nothing is read from them. */
    static const char signed_body[] = "Cơ quan: Sở Nông nghiệp và Môi trường\n"
                                      "Thời gian ký: 07.03.2025 09:12:40 +07:00\n";
    char *body_overlay = NULL;
    if (asprintf(&body_overlay, "%s%s", body, signed_body) < 0)
        return;
    json_t *m = parse_signed("overlay in the body", NULL, "An Bình, ngày tháng năm 2025", body_overlay,
                             NULL, NULL);
    expect(m, "digital_signature", NULL);
    expect(m, "digital_signature.time", NULL);
    expect(m, "date", "2025");
    expect(m, "date.source", NULL);
    json_decref(m);
    free(body_overlay);
}

/* The day blank as a coarse scan reads a pen's stroke in it: one letter
 * is no printed day (a day under 10 is printed with its 0), and a day
 * read beside a month left unread gives the year alone, both flagged
 * handwritten; a digit alone is still a day. */
static void test_date_pen_day_forms(void)
{
    static const struct {
        const char *date_line, *date;
        bool by_hand;
    } cases[] = {
        {"An Bình, ngày j tháng 3 năm 2025", "2025-03", true},
        {"An Bình, ngàyL tháng 3 năm 2025", "2025-03", true},
        {"An Bình, ngày 1 tháng 3 năm 2025", "2025-03-01", false},
        {"An Bình, ngày L5 tháng 3 năm 2025", "2025-03-15", false},
        {"An Bình, ngày 07 tháng năm 2025", "2025", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        json_t *m = parse_signed(cases[i].date_line, NULL, cases[i].date_line, "", NULL, NULL);
        expect(m, "date", cases[i].date);
        checks++;
        if (json_is_true(json_object_get(json_object_get(m, "date"), "handwritten")) !=
            cases[i].by_hand)
            fail("date.handwritten wrong");
        json_decref(m);
    }
}

/* The date's printed year against the page's other dates: before a
 * document the body cites, it is read again one digit for one of like
 * shape (3, 5, 8), taken when exactly one reading fits bounds on both
 * sides from two sources (the cited date, a copy's signing, the number's
 * year); otherwise kept, its confidence lowered and warned of. */
static void test_date_year_check(void)
{
    static const struct {
        const char *name, *overlay, *number, *year, *cited, *cited_year, *date;
        bool repaired, warned;
        double confidence;
    } cases[] = {
        {"a copy's signing and a citation", "SAO Y; SỞ TƯ PHÁP TỈNH AN BÌNH; Thời gian ký: "
         "16/03/2025 10:20:00 +07:00\n", "41", "2023", "15/QĐ-BTP", "2025", "2025-03-12", true,
         true, 0.6},
        {"a citation alone", "", "41", "2023", "15/QĐ-BTP", "2025", "2023-03-12", false, true, 0.3},
        {"the number's year and a citation", "", "41/2025", "2023", "15/QĐ-BTP", "2025",
         "2025-03-12", true, true, 0.6},
        {"the number's year alone", "", "41/2025", "2023", "15/QĐ-BTP", "2019", "2023-03-12", false,
         true, 0.3},
        /* A citation dated outside its own number's year bounds nothing. */
        {"a citation at odds with its number", "", "41", "2025", "15/2025/QĐ-BTP", "2028",
         "2025-03-12", false, false, 0.95},
        {"a year no digit's shape mends", "SAO Y; SỞ TƯ PHÁP TỈNH AN BÌNH; Thời gian ký: "
         "16/03/2025 10:20:00 +07:00\n", "41", "2024", "15/QĐ-BTP", "2025", "2024-03-12", false,
         true, 0.3},
        {"a plausible date", "SAO Y; SỞ TƯ PHÁP TỈNH AN BÌNH; Thời gian ký: "
         "16/03/2025 10:20:00 +07:00\n", "41", "2025", "15/QĐ-BTP", "2025", "2025-03-12", false,
         false, 0.95},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *text = NULL;
        if (asprintf(&text,
                     "%sUBND TỈNH AN BÌNH\nSở Tư pháp\nSố: %s/QĐ-STP\n"
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                     "An Bình, ngày 12 tháng 3 năm %s\nQUYẾT ĐỊNH\n"
                     "Về việc công bố danh mục thủ tục hành chính\n"
                     "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH AN BÌNH\n"
                     "Căn cứ Quyết định số %s ngày 20 tháng 01 năm %s của Bộ trưởng "
                     "Bộ Tư pháp;\nQUYẾT ĐỊNH:\nĐiều 1. Công bố danh mục kèm theo.\n",
                     cases[i].overlay, cases[i].number, cases[i].year, cases[i].cited,
                     cases[i].cited_year) < 0)
            return;
        size_t n_warnings = 0;
        json_t *m = parse_text(cases[i].name, text, &n_warnings);
        free(text);
        json_t *f = json_object_get(m, "date");
        expect(m, "date", cases[i].date);
        checks += 3;
        if (json_is_true(json_object_get(f, "repaired")) != cases[i].repaired)
            fail("date.repaired wrong");
        if ((n_warnings > 0) != cases[i].warned)
            fail("want %s warning, got %zu", cases[i].warned ? "a" : "no", n_warnings);
        double conf = json_real_value(json_object_get(f, "confidence"));
        if (conf < cases[i].confidence - 0.001 || conf > cases[i].confidence + 0.001)
            fail("date.confidence %.3f, want %.3f", conf, cases[i].confidence);
        json_decref(m);
    }
}

/* A trích yếu citing a document with its date ("... số 12/2024/NQ-HĐND
 * ngày 5 tháng 3 năm 2024 của ...") goes on after the date: the date is
 * not the right column's place-and-date line. */
static void test_subject_cites_dated_document(void)
{
    json_t *m = parse_text("trích yếu citing a dated document",
        "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\nSố: 41/2024/QĐ-UBND\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Phú Yên, ngày 9 tháng 5 năm 2024\nQUYẾT ĐỊNH\n"
        "Sửa đổi Quy định ban hành kèm theo Quyết định số 12/2024/QĐ-UBND ngày 5 tháng 3 năm 2024 "
        "của Ủy ban nhân dân tỉnh\n"
        "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\nCăn cứ Luật Tổ chức chính quyền địa phương;\n", NULL);
    expect(m, "date", "2024-05-09");
    expect(m, "place", "Phú Yên");
    expect(m, "subject", "Sửa đổi Quy định ban hành kèm theo Quyết định số 12/2024/QĐ-UBND ngày 5 tháng 3 "
                         "năm 2024 của Ủy ban nhân dân tỉnh");
    json_decref(m);
    /* The place-and-date line with specks in small letters after it is
     * still the header's date: its comma parts it from the place. */
    m = parse_text("date line with specks after it",
        "SỞ Y TẾ\nSố: 77/SYT-KHTC\nV/v báo cáo số liệu\n"
        "Huế, ngày 3 tháng 7 năm 2025 oe\nKính gửi: Các bệnh viện\n", NULL);
    expect(m, "date", "2025-07-03");
    expect(m, "place", "Huế");
    expect(m, "subject", "V/v báo cáo số liệu");
    json_decref(m);
    /* In capitals the cited date goes on in capitals: the code before it
     * and the words after it keep it in the trích yếu, whose citation is
     * a reference though the body does not name it again. */
    m = parse_text("trích yếu in capitals citing a dated document",
        "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 515/QĐ-UBND\nKon Tum, ngày 14 tháng 10 năm 2025\n"
        "QUYẾT ĐỊNH\nBÃI BỎ QUYẾT ĐỊNH SỐ 07/2019/QĐ-UBND NGÀY 2 THÁNG 4 NĂM 2019 CỦA ỦY BAN NHÂN DÂN "
        "TỈNH VỀ QUẢN LÝ CHỢ\nỦY BAN NHÂN DÂN TỈNH KON TUM\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\nĐiều 1. Bãi bỏ quyết định nêu trên.\n"
        "\nNơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n", NULL);
    expect(m, "date", "2025-10-14");
    expect(m, "subject", "BÃI BỎ QUYẾT ĐỊNH SỐ 07/2019/QĐ-UBND NGÀY 2 THÁNG 4 NĂM 2019 CỦA ỦY BAN NHÂN DÂN "
                         "TỈNH VỀ QUẢN LÝ CHỢ");
    expect_count(m, "references", 1);
    expect(m, "references.0.number", "07/2019/QĐ-UBND");
    expect(m, "references.0.date", "2019-04-02");
    json_decref(m);
    /* A V/v naming a decree without "số": the decree is cited. */
    m = parse_text("V/v citing a decree",
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 905/VPCP-NN\nV/v vướng mắc khi thi hành Nghị định 48/2024/NĐ-CP\n"
        "Hà Nội, ngày 3 tháng 6 năm 2025\nKính gửi: Bộ Tài chính.\n"
        "Văn phòng Chính phủ thông báo để Bộ Tài chính biết, thực hiện./.\n"
        "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n", NULL);
    expect_count(m, "references", 1);
    expect(m, "references.0.number", "48/2024/NĐ-CP");
    expect(m, "references.0.type", "Nghị định");
    json_decref(m);
}

/* A kế hoạch's trích yếu in capitals ends above the heading of its first
 * section ("I. MỤC ĐÍCH, YÊU CẦU"), which follows it with no blank line. */
static void test_subject_above_section_heading(void)
{
    /* The numeral as printed, and as OCR reads it through a seal or at a
     * low resolution: a letter or a bar, its dot lost or a comma. */
    static const char *const headings[] = {"I. MỤC ĐÍCH, YÊU CẦU", "L MỤC ĐÍCH, YÊU CẦU",
                                           "l, MỤC ĐÍCH, YÊU CẦU", "| MỤC ĐÍCH, YÊU CẦU"};
    for (size_t i = 0; i < sizeof headings / sizeof *headings; i++) {
        char doc[1024];
        snprintf(doc, sizeof doc,
                 "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 88/KH-UBND\n"
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                 "Cao Bằng, ngày 2 tháng 6 năm 2025\nKẾ HOẠCH\n"
                 "TỔ CHỨC NGÀY HỘI ĐỌC SÁCH\n%s\n1. Mục đích\n"
                 "Khuyến khích thói quen đọc sách trong cán bộ, công chức.\n", headings[i]);
        json_t *m = parse_text("trích yếu above a section heading", doc, NULL);
        expect(m, "type", "Kế hoạch");
        expect(m, "subject", "TỔ CHỨC NGÀY HỘI ĐỌC SÁCH");
        json_decref(m);
    }
}

/* A trích yếu in capitals ends above the body's first paragraph, set
 * under it with no blank line: a line in sentence case. */
static void test_caps_subject_above_paragraph(void)
{
    json_t *m = parse_text("trích yếu in capitals above a paragraph",
        "SỞ NÔNG NGHIỆP\nSố: 45/TB-SNN\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Lạc Sơn, ngày 9 tháng 5 năm 2031\nTHÔNG BÁO\n"
        "KẾT LUẬN CỦA GIÁM ĐỐC SỞ TẠI BUỔI LÀM VIỆC\nVỚI ỦY BAN NHÂN DÂN XÃ AN PHÚ\n"
        "Ngày 6 tháng 5 năm 2031, Giám đốc Sở đã làm việc với xã về\n"
        "tiến độ trồng rừng và thu hoạch lúa vụ xuân.\n", NULL);
    expect(m, "type", "Thông báo");
    expect(m, "subject", "KẾT LUẬN CỦA GIÁM ĐỐC SỞ TẠI BUỔI LÀM VIỆC VỚI ỦY BAN NHÂN DÂN XÃ AN PHÚ");
    json_decref(m);
    /* The rule under it read at the end of its last line. */
    m = parse_text("trích yếu in capitals, a rule after it",
        "SỞ NÔNG NGHIỆP\nSố: 45/TB-SNN\nLạc Sơn, ngày 9 tháng 5 năm 2031\nTHÔNG BÁO\n"
        "KẾT LUẬN CỦA GIÁM ĐỐC SỞ TẠI BUỔI LÀM VIỆC\nVỚI ỦY BAN NHÂN DÂN XÃ AN PHÚ ———\n\n"
        "Ngày 6 tháng 5 năm 2031, Giám đốc Sở đã làm việc với xã.\n", NULL);
    expect(m, "subject", "KẾT LUẬN CỦA GIÁM ĐỐC SỞ TẠI BUỔI LÀM VIỆC VỚI ỦY BAN NHÂN DÂN XÃ AN PHÚ");
    json_decref(m);
}

/* The last page of a quyết định read alone, opening with the enacting
 * word ("QUYẾT ĐỊNH:", after the căn cứ) and its articles: the word ends
 * in a colon, which the type's title never has, so no type and no trích
 * yếu are made of the articles. */
static void test_enacting_word_no_title(void)
{
    json_t *m = parse_text("enacting word on a last page",
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý chợ trên địa bàn tỉnh.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn Minh\n", NULL);
    expect(m, "type", NULL);
    expect(m, "subject", NULL);
    json_decref(m);
}

/* A title printed without its trích yếu: the line under the type is the
 * authority that decides, with the căn cứ under it, or a sentence leading
 * into the body; neither is the subject.  A trích yếu in capitals opening
 * on the line under the title goes on with it. */
static void test_title_without_subject(void)
{
    static const char head[] =
        "ỦY BAN NHÂN DÂN\nTỈNH NAM TRUNG\nSố: 412/QĐ-UBND\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Nam Trung, ngày 3 tháng 10 năm 2025\n";
    static const char *const under[] = {
        "QUYẾT ĐỊNH\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NAM TRUNG\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n",
        "QUYẾT ĐỊNH\nỦY BAN NHÂN DÂN TỈNH NAM TRUNG\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n",
        "THÔNG BÁO\nSau khi nghe các sở báo cáo, Phó Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:\n"
        "1. Các sở khẩn trương hoàn thành việc rà soát.\n",
    };
    char text[2048];
    for (size_t k = 0; k < sizeof under / sizeof *under; k++) {
        snprintf(text, sizeof text, "%s%s", head, under[k]);
        json_t *m = parse_text("title without a trích yếu", text, NULL);
        expect(m, "type", k < 2 ? "Quyết định" : "Thông báo");
        expect_missing(m, "subject", true);
        json_decref(m);
    }
    snprintf(text, sizeof text, "%sQUYẾT ĐỊNH\nBÃI BỎ TOÀN BỘ\n"
        "QUYẾT ĐỊNH SỐ 05/2019/QĐ-UBND NGÀY 12/4/2019 CỦA ỦY BAN NHÂN DÂN TỈNH BAN HÀNH QUY CHẾ "
        "QUẢN LÝ CHỢ ĐẦU MỐI NÔNG SẢN VÀ QUYẾT ĐỊNH SỐ 09/2021/QĐ-UBND SỬA ĐỔI QUY CHẾ ĐÓ\n"
        "ỦY BAN NHÂN DÂN TỈNH NAM TRUNG\nCăn cứ Luật Tổ chức chính quyền địa phương;\n", head);
    json_t *m = parse_text("trích yếu in capitals, one long line", text, NULL);
    expect(m, "type", "Quyết định");
    expect(m, "subject", "BÃI BỎ TOÀN BỘ QUYẾT ĐỊNH SỐ 05/2019/QĐ-UBND NGÀY 12/4/2019 CỦA ỦY BAN NHÂN DÂN "
        "TỈNH BAN HÀNH QUY CHẾ QUẢN LÝ CHỢ ĐẦU MỐI NÔNG SẢN VÀ QUYẾT ĐỊNH SỐ 09/2021/QĐ-UBND SỬA ĐỔI "
        "QUY CHẾ ĐÓ");
    json_decref(m);
}

/* A title in capitals whose lines OCR's text parts by empty lines goes
 * on over them; the authority under it, or a body's first line, still
 * ends it.  On a scanned page the layout may give the title and the
 * trích yếu's short first line to the right column's block: the trích
 * yếu keeps that line. */
static void test_subject_over_empty_lines(void)
{
    static const char *const texts[][2] = {
        {"ỦY BAN NHÂN DÂN\n\nTỈNH NAM TRUNG\n\nSố: 77/2025/QĐ-UBND\n\n"
         "Nam Trung, ngày 3 tháng 10 năm 2025\n\nQUYẾT ĐỊNH\n\nSỬA ĐỔI QUY CHẾ\n\n"
         "QUẢN LÝ BẾN XE KHÁCH TRÊN ĐỊA BÀN TỈNH NAM TRUNG\n\n"
         "ỦY BAN NHÂN DÂN TỈNH NAM TRUNG\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n",
         "SỬA ĐỔI QUY CHẾ QUẢN LÝ BẾN XE KHÁCH TRÊN ĐỊA BÀN TỈNH NAM TRUNG"},
        {"BỘ NÔNG NGHIỆP\n\nSố: 12/CT-BNN\n\nHà Nội, ngày 3 tháng 10 năm 2025\n\nCHỈ THỊ\n\n"
         "VỀ PHÒNG, CHỐNG RÉT CHO ĐÀN GIA SÚC\n\nTHỜI TIẾT MIỀN BẮC ĐANG CHUYỂN LẠNH.\n",
         "VỀ PHÒNG, CHỐNG RÉT CHO ĐÀN GIA SÚC"},
    };
    json_t *m;
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        m = parse_text("trích yếu in capitals, empty lines between", texts[k][0], NULL);
        expect(m, "subject", texts[k][1]);
        json_decref(m);
    }

    current = "trích yếu begun in the right column's block";
    static const role_line page[] = {
        {"ỦY BAN NHÂN DÂN", VT_ROLE_HEADER_LEFT},
        {"TỈNH NAM TRUNG", VT_ROLE_HEADER_LEFT},
        {"Số: 77/2025/QĐ-UBND", VT_ROLE_HEADER_LEFT},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
        {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
        {"Nam Trung, ngày 3 tháng 10 năm 2025", VT_ROLE_HEADER_RIGHT},
        {"QUYẾT ĐỊNH", VT_ROLE_HEADER_RIGHT},
        {"SỬA ĐỔI QUY CHẾ", VT_ROLE_HEADER_RIGHT},
        {"QUẢN LÝ BẾN XE KHÁCH TRÊN ĐỊA BÀN TỈNH NAM TRUNG", VT_ROLE_BODY},
        {"ỦY BAN NHÂN DÂN TỈNH NAM TRUNG", VT_ROLE_BODY},
        {"Căn cứ Luật Tổ chức chính quyền địa phương;", VT_ROLE_BODY},
    };
    m = parse_roles(page, sizeof page / sizeof *page);
    expect(m, "type", "Quyết định");
    expect(m, "subject", "SỬA ĐỔI QUY CHẾ QUẢN LÝ BẾN XE KHÁCH TRÊN ĐỊA BÀN TỈNH NAM TRUNG");
    json_decref(m);
}

/* A numbered letter printed with neither a type name nor a V/v line,
 * opening with "Kính gửi", is a công văn without a trích yếu. */
static void test_letter_without_subject(void)
{
    json_t *m = parse_text("letter without a V/v line",
        "BỘ CÔNG THƯƠNG\nCỤC XUẤT NHẬP KHẨU\nSố: 2210/XNK-TM\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 14 tháng 8 năm 2025\nKính gửi: Công ty cổ phần Thép Bắc Sơn.\n"
        "Trả lời công văn số 07/BS ngày 2/8/2025 của Công ty, Cục có ý kiến như sau:\n", NULL);
    expect(m, "type", "Công văn");
    expect_missing(m, "subject", true);
    json_decref(m);
}

/* A Nơi nhận entry naming several bodies parted by ';' ends at its own
 * closing ';' (or ',' in a list closing its entries so); one wrapped
 * inside a name goes on in capitals to it, and a remark in brackets after
 * it is its own. */
static void test_recipient_inner_semicolon(void)
{
    json_t *m = parse_foot("entries with inner semicolons", "Sở Nội vụ đề nghị các đơn vị thực hiện./.",
        "Nơi nhận:\n- Như trên;\n- TT Tỉnh ủy; TT HĐND tỉnh;\n- Sở Tài chính; Sở Tư pháp; PHÓ GIÁM ĐỐC\n"
        "- VP: CVP, các PCVP, Cổng\nTTĐT;\n- Lưu: VT, TCCB.\n\nTrần Thị Mai\n");
    expect_count(m, "recipients", 5);
    expect(m, "recipients.1", "TT Tỉnh ủy; TT HĐND tỉnh");
    expect(m, "recipients.2", "Sở Tài chính; Sở Tư pháp");
    expect(m, "recipients.3", "VP: CVP, các PCVP, Cổng TTĐT");
    expect(m, "signer.position", "Phó Giám đốc");
    json_decref(m);
    /* A remark in brackets printed after the entry's ';' is its purpose. */
    m = parse_foot("purpose after the semicolon", "Sở Nội vụ đề nghị các đơn vị thực hiện./.",
        "Nơi nhận:\n- Bộ Nội vụ; (Báo cáo)\n- Thường trực HĐND tỉnh; (để b/c)\n- Lưu: VT.\n"
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Thị Mai\n");
    expect_count(m, "recipients", 3);
    expect(m, "recipients.0", "Bộ Nội vụ; (Báo cáo)");
    expect(m, "recipients.0.purpose", "Báo cáo");
    expect(m, "recipients.1", "Thường trực HĐND tỉnh; (để b/c)");
    json_decref(m);
    /* In a list whose entries close with a comma, one naming two bodies
     * by a ';' is one entry too. */
    m = parse_foot("comma-closed entry with a semicolon", "Sở Nội vụ đề nghị các đơn vị thực hiện./.",
        "Nơi nhận:\n- Bộ Nội vụ,\n- TT Thành ủy; TT. HĐND thành phố,\n- Các sở, ngành,\n- Lưu: VT.\n"
        "CHỦ TỊCH\n\nTrần Thị Mai\n");
    expect(m, "recipients.1", "TT Thành ủy; TT. HĐND thành phố");
    json_decref(m);
}

/* A footer as a scan's OCR damages it.  A dotless authority prefix
 * opens its line or column: a unit's code in a list before capitals
 * ("KT NN") is no authority.  Glyphs no Nơi nhận entry prints: a euro
 * sign glued to a code's digit is its C, a fraction slash an
 * abbreviation's slash; a euro sign apart stays. */
static void test_footer_damage(void)
{
    json_t *m = parse_foot("footer damage", "Sở Nội vụ đề nghị các đơn vị thực hiện./.",
        "Nơi nhận:\n- UBND huyện (4€);\n- Sở Tài chính (để b⁄c);\n- Quỹ hỗ trợ (mức 5 €);\n"
        "- Lưu: VT, KT NN.\nGIÁM ĐỐC\n\nLê Văn Minh\n");
    static const char *const entries[] = {
        "UBND huyện (4C)", "Sở Tài chính (để b/c)", "Quỹ hỗ trợ (mức 5 €)", "Lưu: VT, KT NN",
    };
    for (size_t i = 0; i < sizeof entries / sizeof *entries; i++) {
        char path[32];
        snprintf(path, sizeof path, "recipients.%zu", i);
        expect(m, path, entries[i]);
    }
    expect(m, "recipients.1.purpose", "để b/c");
    expect(m, "signer.authority", NULL);
    expect(m, "signer.position", "Giám đốc");
    json_decref(m);
}

/* Citations as a scan's OCR damages them: an issuer's code with a
 * letter misread (V for Y, T for V) or a letter no code holds, read as
 * the one known code within reach; a known code, or one no known code
 * is near, stays.  A number OCR parted after "số" is one number, and
 * the type keeps neither "số" nor a digit.  The issuer goes on past a
 * comma before a second title and ends with its sentence; a month read
 * as letters is read, a day no reading makes out leaves no date but the
 * issuer. */
static void test_cited_damage(void)
{
    json_t *m = parse_text("cited damage",
        "UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\nSố: 12/QĐ-SNV\nHà Tĩnh, ngày 3 tháng 4 năm 2025\n"
        "QUYẾT ĐỊNH\nVề việc công bố danh mục\n\n"
        "Căn cứ Quyết định số 561/QĐ-BVT ngày 9 tháng 2 năm 2024 của Bộ trưởng Bộ Y tế;\n"
        "Căn cứ Quyết định số 2 318/QĐ-BGTTT ngày 14 tháng 5 năm 2023 của Bộ trưởng Bộ Giao "
        "thông vận tải;\n"
        "Căn cứ Thông tư số 05/2019/TT-VPCP ngày 12 tháng II năm 2019 của Bộ trưởng, Chủ nhiệm "
        "Văn phòng Chính phủ hướng dẫn nghiệp vụ;\n"
        "Xét Tờ trình số 41/TTr-SGŒTT ngày Ú4 tháng 3 năm 2025 của Giám đốc Sở Giao thông vận tải;\n"
        "Xét Công văn số 73/BTC-QLCS và Công văn số 88/UBND-XQZW ngày 5 tháng 3 năm 2025 "
        "của UBND tỉnh, Sở Tài chính đề nghị;\n"
        "Căn cứ Công văn số 310/SNV-VTLT ngày 2 tháng 1 năm 2025 của Sở Nội vụ;\n"
        "Điều 1. Bãi bỏ Quyết định số 2205/QĐ-UBND ngày 6 tháng 8 năm 2022 của Chủ tịch Ủy ban "
        "nhân dân tỉnh Hà Tĩnh. - Thay thế danh mục cũ.\n"
        "Điều 2. Theo khoản 3 45/QĐ-UBND, Quyết định số 6 14/2019/QĐ-UBND và Công văn số "
        "517/STNMT-QLDD các đơn vị thực hiện./.\n\n"
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\nGIÁM ĐỐC\n\nLê Văn Bình\n", NULL);
    static const struct {
        const char *number, *type, *date, *issuer;
    } refs[] = {
        {"561/QĐ-BYT", "Quyết định", "2024-02-09", "Bộ trưởng Bộ Y tế"},
        {"2318/QĐ-BGTVT", "Quyết định", "2023-05-14", "Bộ trưởng Bộ Giao thông vận tải"},
        {"05/2019/TT-VPCP", "Thông tư", "2019-11-12", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"},
        {"41/TTr-SGTVT", "Tờ trình", NULL, "Giám đốc Sở Giao thông vận tải"},
        {"73/BTC-QLCS", "Công văn", NULL, NULL},
        {"88/UBND-XQZW", "Công văn", "2025-03-05", "UBND tỉnh"},
        /* A unit's code no list holds, its first letter read as printed:
         * no common code (TTLT) by a confusion there. */
        {"310/SNV-VTLT", "Công văn", "2025-01-02", "Sở Nội vụ"},
        {"2205/QĐ-UBND", "Quyết định", "2022-08-06", "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh"},
        {"45/QĐ-UBND", NULL, NULL, NULL},
        /* Two digits after a parted one are no thousands. */
        {"14/2019/QĐ-UBND", NULL, NULL, NULL},
        /* Both Đ read as D: the abbreviation with Đ, not a code with a
         * letter read twice (QLD). */
        {"517/STNMT-QLĐĐ", "Công văn", NULL, NULL},
    };
    expect_count(m, "references", sizeof refs / sizeof *refs);
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++) {
        const char *const want[][2] = {{"number", refs[i].number}, {"type", refs[i].type},
                                       {"date", refs[i].date}, {"issuer", refs[i].issuer}};
        for (size_t k = 0; k < 4; k++) {
            char path[48];
            snprintf(path, sizeof path, "references.%zu.%s", i, want[k][0]);
            expect(m, path, want[k][1]);
        }
    }
    json_decref(m);
}

static void test_scanned_header(void)
{
    current = "scanned header";
    static const role_line page[] = {
        {"Ký bởi: Sở Công Thương", VT_ROLE_NONE},
        {"Thời gian ký: 05.06.2024 10:11:12 +07:00", VT_ROLE_NONE},
        {"UBND TỈNH YÊN BÁI", VT_ROLE_HEADER_LEFT},
        {"SỞ CÔNG THƯƠNG", VT_ROLE_HEADER_LEFT},
        {"ị", VT_ROLE_HEADER_LEFT},
        {"Số: 4§7 /SCT-QLTM", VT_ROLE_HEADER_LEFT},
        {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
        {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
        {"Yên Bái, ngàW/† tháng 6 năm 2024", VT_ROLE_HEADER_RIGHT},
        {"V/v báo cáo tình hình thị trường", VT_ROLE_BODY},
        {"xăng dầu quý II.", VT_ROLE_BODY},
        {"Kính gửi: Ủy ban nhân dân tỉnh.", VT_ROLE_BODY},
    };
    json_t *m = parse_roles(page, sizeof page / sizeof *page);
    expect(m, "issuer", "Sở Công Thương");
    expect(m, "issuer_parent", "UBND tỉnh Yên Bái");
    expect(m, "number", "/SCT-QLTM");
    /* The day by hand, unread, is the overlay's signing day. */
    expect(m, "date", "2024-06-05");
    expect(m, "date.source", "signature");
    expect(m, "digital_signature", "Sở Công Thương");
    expect(m, "place", "Yên Bái");
    expect(m, "type", "Công văn");
    expect(m, "subject", "V/v báo cáo tình hình thị trường xăng dầu quý II");
    const char *flags[] = {"number", "date"};
    for (size_t i = 0; i < 2; i++) {
        checks++;
        if (!json_is_true(json_object_get(json_object_get(m, flags[i]), "handwritten")))
            fail("%s: want handwritten", flags[i]);
    }
    json_decref(m);

    /* On a coarse scan the pen's day reads as more marks, several of them
     * outside ASCII: the place before it and the printed month and year
     * are still read. */
    static const char *const marks[][3] = {
        {"Lào Cai, ngày\u2044" "4\u2044J. tháng 10 năm 2024", "Lào Cai", "2024-10"},
        {"Lào Cai, ngàV\u2044/'\u2020 tháng 10 năm 2024", "Lào Cai", "2024-10"},
        /* A place whose last word opens as the cue does is no cue. */
        {"Bình Ngọc, ngàW/\u2020 tháng 10 năm 2024", "Bình Ngọc", "2024-10"},
    };
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        const role_line lines[] = {
            {"UBND TỈNH LÀO CAI", VT_ROLE_HEADER_LEFT},
            {"SỞ TƯ PHÁP", VT_ROLE_HEADER_LEFT},
            {"Số: 31/STP-VP", VT_ROLE_HEADER_LEFT},
            {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", VT_ROLE_HEADER_RIGHT},
            {"Độc lập - Tự do - Hạnh phúc", VT_ROLE_HEADER_RIGHT},
            {marks[i][0], VT_ROLE_HEADER_RIGHT},
            {"V/v tổng hợp số liệu", VT_ROLE_BODY},
            {"Kính gửi: Các phòng chuyên môn.", VT_ROLE_BODY},
        };
        current = marks[i][0];
        m = parse_roles(lines, sizeof lines / sizeof *lines);
        expect(m, "place", marks[i][1]);
        expect(m, "date", marks[i][2]);
        json_decref(m);
    }
    current = "scanned header";

    /* Day and month both blank: the year alone. */
    m = parse_text("scanned header, blank day and month",
                   "BỘ CÔNG THƯƠNG\nSố: 12/BCT-KH\nHà Nội ngày tháng năm 2026\nKẾ HOẠCH\nKiểm tra\n",
                   NULL);
    expect(m, "date", "2026");
    expect(m, "place", "Hà Nội");
    json_decref(m);

    /* A day written in by hand and read as a digit and a stroke gives no
     * day ("1|" is not 11), the printed month and year kept; a month
     * filled in by hand beside it gives the year alone, not the month a
     * pen mark might stand for ("0$" as 05); a toned letter among the
     * digits is the pen's too ("1ổ" is not 10); print damage that turns a
     * digit into a plain letter is still mended. */
    static const struct {
        const char *line, *date;
        bool by_hand;
    } days[] = {
        {"An Bình, ngày 1| tháng 5 năm 2025", "2025-05", true},
        {"An Bình, ngày 1ổ tháng 2 năm 2025", "2025-02", true},
        {"An Bình, ngày 18 tháng 0ô năm 2025", "2025", true},
        {"An Bình, ngày tháng 0$ năm 2025", "2025", true},
        {"An Bình, ngày 14 tháng l2 năm 2011", "2011-12-14", false},
    };
    for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
        char text[512];
        snprintf(text, sizeof text, "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 4§7 /TB-UBND\n%s\n"
                 "THÔNG BÁO\nVề việc tổ chức hội nghị\n", days[i].line);
        m = parse_text(days[i].line, text, NULL);
        expect(m, "date", days[i].date);
        checks++;
        if (json_is_true(json_object_get(json_object_get(m, "date"), "handwritten")) !=
            days[i].by_hand)
            fail("%s: handwritten should be %d", days[i].line, days[i].by_hand);
        json_decref(m);
    }

    /* A number written by hand, as OCR reads the pen: digits and letters
     * with marks, slashes, or nothing at all; the printed notation stays,
     * and the number of a document the body cites is not taken for it. */
    static const char *const hand_numbers[][2] = {
        {"Số: 6£È/TB-STTTT", "/TB-STTTT"},
        {"Số: //5Ä//UBND- KSTTHC", "/UBND-KSTTHC"},
        {"Số: /TB-STTTT", "/TB-STTTT"},
    };
    for (size_t i = 0; i < sizeof hand_numbers / sizeof *hand_numbers; i++) {
        char text[512];
        snprintf(text, sizeof text, "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\n%s\n"
                 "An Bình, ngày 14 tháng 12 năm 2011\nTHÔNG BÁO\nVề việc tổ chức hội nghị\n"
                 "Thực hiện Kế hoạch số 25/TB-UBND ngày 6 tháng 12 năm 2011 của Ủy ban nhân dân tỉnh.\n",
                 hand_numbers[i][0]);
        m = parse_text(hand_numbers[i][0], text, NULL);
        expect(m, "number", hand_numbers[i][1]);
        expect(m, "type", "Thông báo");
        json_decref(m);
    }

    /* A second page: citations in the body give no number or date. */
    m = parse_text("scanned second page",
                   "số 15/2020/TT-BGDĐT ngày 26 tháng 5 năm 2020 của Bộ Giáo dục và Đào tạo;\n"
                   "Thực hiện Chỉ thị số 11/CT-TTg ngày 16 tháng 4 năm 2021 của Thủ tướng;\n"
                   "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n",
                   NULL);
    expect(m, "number", NULL);
    expect(m, "date", NULL);
    json_decref(m);
}

/* Add a line of space-separated words to a block. */
static void add_line(vt_block *b, const char *text)
{
    vt_line *ln = vt_block_add_line(b);
    char *copy = strdup(text);
    char *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
        vt_line_add_word(ln, w, NULL, (vt_box){0, 0, 0, 0}, -1);
    free(copy);
}

/* Run the parse stage over doc (its record in doc->meta); false, with the
 * failure counted, when it cannot. */
static bool run_stage(vt_doc *doc, const char *lexdir)
{
    vt_options opts = {0};
    vt_options_set(&opts, "lexicon", lexdir);
    void *state = NULL;
    vt_error err = {0};
    checks++;
    bool ok = vt_stage_open(&vt_stage_parse, &opts, &state, &err) == VT_OK &&
              vt_stage_parse.run(state, doc, &err) == VT_OK;
    if (!ok)
        fail("stage: %s", err.message);
    vt_stage_parse.close(state);
    vt_options_clear(&opts);
    return ok;
}

/* The stage on a document that restore has been through: codes, words in
 * capitals and names are read as printed when restore rewrote them. */
static void test_stage(const char *lexdir)
{
    current = "stage after restore";
    vt_doc *doc = vt_doc_new("test");
    vt_page *pg = vt_doc_add_page(doc);
    doc->page_count = 1;
    vt_block *b = vt_page_add_block(pg, VT_ROLE_NONE);
    add_line(b, "SO NOI VU");
    add_line(b, "S6: 12/SNV-VP Hué, ngay 3 thang 4 nam 2024");
    add_line(b, "THONG BAO");
    add_line(b, "Lich hop");
    add_line(b, "");
    add_line(b, "Theo Quyét dinh sé 27/QD-TTg ngay 11/03/2021.");
    add_line(b, "Noi nhan:");
    add_line(b, "- THCS;");
    add_line(b, "- PCT UBND tinh-H6 Thanh Binh;");
    add_line(b, "- Luu: VT.");
    add_line(b, "GIAM POC");
    add_line(b, "");
    add_line(b, "Nguyen Mlnh Duc Tai");
    /* What a language model might do to them. */
    vt_doc_change_word(doc, 0, 0, 5, 4, "27/Áp-TTg", "restore", "lm", 0.5, false, NULL, 0);
    vt_doc_change_word(doc, 0, 0, 7, 1, "THÌ;", "restore", "lm", 0.5, false, NULL, 0);
    vt_doc_change_word(doc, 0, 0, 10, 1, "PHÓNG", "restore", "lm", 0.5, false, NULL, 0);
    vt_doc_change_word(doc, 0, 0, 12, 0, "Nguyên", "restore", "lm", 0.5, false, NULL, 0);
    vt_doc_change_word(doc, 0, 0, 12, 2, "Được", "restore", "lm", 0.5, false, NULL, 0);
    /* A name glued to its body by a hyphen, a digit in its damage. */
    vt_doc_change_word(doc, 0, 0, 8, 3, "tỉnh-Hồ", "restore", "lm", 0.5, false, NULL, 0);
    vt_doc_change_word(doc, 0, 0, 8, 5, "Bình;", "restore", "lm", 0.5, false, NULL, 0);
    /* A part no name has the printed letters of is read as restored. */
    vt_doc_change_word(doc, 0, 0, 12, 1, "Minh", "restore", "lm", 0.5, false, NULL, 0);
    /* Marks guessed on an unmarked part that no name has are not kept. */
    vt_doc_change_word(doc, 0, 0, 12, 3, "Tại", "restore", "lm", 0.5, false, NULL, 0);
    if (run_stage(doc, lexdir)) {
        json_t *m = doc->meta;
        expect(m, "number", "12/SNV-VP");
        expect(m, "type", "Thông báo");
        expect(m, "issuer", "Sở Nội vụ");
        expect(m, "place", "Huế");
        expect(m, "references.0.number", "27/QĐ-TTg");
        expect(m, "recipients.0", "THCS");
        expect(m, "recipients.1", "PCT UBND tỉnh-Hồ Thanh Bình");
        expect(m, "signer.position", "Giám đốc");
        expect(m, "signer.name", "Nguyễn Minh Đức Tài");
        checks++;
        if (json_integer_value(json_object_get(m, "page_count")) != 1)
            fail("page_count missing");
    }
    vt_doc_free(doc);

    /* A V/v that restore read as a word ("Vv" as "Và") is still the cue. */
    current = "V/v read as a word";
    doc = vt_doc_new("test");
    doc->page_count = 1;
    b = vt_page_add_block(vt_doc_add_page(doc), VT_ROLE_NONE);
    add_line(b, "BO TAI CHINH");
    add_line(b, "S6: 15/BTC-CS");
    add_line(b, "Vv trien khai ke hoach");
    vt_doc_change_word(doc, 0, 0, 2, 0, "Và", "restore", "lm", 0.5, false, NULL, 0);
    if (run_stage(doc, lexdir)) {
        expect(doc->meta, "type", "Công văn");
        expect(doc->meta, "subject", "V/v trien khai ke hoach");
    }
    vt_doc_free(doc);

    /* Punctuation restore read as a word is that word (the English model
     * prints `ở` as `&`); read as capitals no word spells, it is as
     * printed. */
    current = "punctuation read as a word";
    doc = vt_doc_new("test");
    doc->page_count = 1;
    b = vt_page_add_block(vt_doc_add_page(doc), VT_ROLE_NONE);
    add_line(b, "BO TAI CHINH");
    add_line(b, "S6: 15/BTC-CS");
    add_line(b, "V/v cong tac can bo & xa, & thon");
    add_line(b, "Kinh gui: So Xay dung & KH");
    vt_doc_change_word(doc, 0, 0, 2, 5, "ở", "restore", "lm", 0.5, false, NULL, 0);
    vt_doc_change_word(doc, 0, 0, 2, 7, "ở", "restore", "lm", 0.5, false, NULL, 0);
    vt_doc_change_word(doc, 0, 0, 3, 5, "ĐT", "restore", "lm", 0.5, false, NULL, 0);
    if (run_stage(doc, lexdir)) {
        expect(doc->meta, "subject", "V/v cong tac can bo ở xa, ở thon");
        expect(doc->meta, "addressees.0", "So Xay dung & KH");
    }
    vt_doc_free(doc);

    vt_options opts = {0};

    /* A missing lexicon is a dependency error naming the file. */
    current = "missing lexicon";
    vt_options_set(&opts, "lexicon", "/nonexistent");
    void *state = NULL;
    vt_error err = {0};
    checks++;
    if (vt_stage_open(&vt_stage_parse, &opts, &state, &err) != VT_EDEPEND || !strstr(err.message, "/nonexistent/"))
        fail("want VT_EDEPEND naming the file, got %d: %s", err.status, err.message);
    vt_options_clear(&opts);
}

/* The authority line under a trích yếu in capitals ends it, the name of a
 * ministry with a comma in it too ("BỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU
 * LỊCH"); a line in capitals with a comma past the name of a body goes on
 * with the trích yếu. */
static void test_authority_name_with_comma(void)
{
    static const char head[] =
        "BỘ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH\nSố: 715/QĐ-BVHTTDL\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 3 tháng 10 năm 2025\nQUYẾT ĐỊNH\n"
        "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH LĨNH VỰC THƯ VIỆN; THỦ TỤC CẤP PHÉP BIỂU DIỄN NGHỆ THUẬT\n";
    char text[2048];
    snprintf(text, sizeof text, "%sBỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n"
             "Căn cứ Nghị định số 12/2025/NĐ-CP;\nQUYẾT ĐỊNH:\n", head);
    json_t *m = parse_text("authority line naming a ministry with a comma", text, NULL);
    expect(m, "subject", "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH LĨNH VỰC THƯ VIỆN; THỦ TỤC CẤP PHÉP "
           "BIỂU DIỄN NGHỆ THUẬT");
    json_decref(m);
    snprintf(text, sizeof text, "%sBỘ Y TẾ VÀ CÁC BAN, BỘ, NGÀNH LIÊN QUAN\n"
             "Căn cứ Nghị định số 12/2025/NĐ-CP;\nQUYẾT ĐỊNH:\n", head);
    m = parse_text("a body, then a comma: the trích yếu goes on", text, NULL);
    expect(m, "subject", "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH LĨNH VỰC THƯ VIỆN; THỦ TỤC CẤP PHÉP "
           "BIỂU DIỄN NGHỆ THUẬT BỘ Y TẾ VÀ CÁC BAN, BỘ, NGÀNH LIÊN QUAN");
    json_decref(m);
}

/* The head of a body who signs over a title of their own ("TRƯỞNG BAN" /
 * "PHÓ THỦ TƯỚNG"): the position is the last title line, the one above it
 * joins the authority; a deputy under KT. keeps the title under the
 * head's. */
static void test_signer_own_title_below(void)
{
    static const struct {
        const char *block, *position, *authority;
    } cases[] = {
        {"TRƯỞNG BAN\nPHÓ THỦ TƯỚNG", "Phó Thủ tướng", "Trưởng Ban"},
        {"KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN", "Phó Trưởng Ban", "KT. Trưởng Ban"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        char foot[256];
        snprintf(foot, sizeof foot, "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT, BCĐ.\n%s\n\nLê Văn Hòa\n",
                 cases[k].block);
        json_t *m = parse_foot("a title line under another",
                               "Các thành viên Ban Chỉ đạo chịu trách nhiệm thi hành./.", foot);
        expect(m, "signer.position", cases[k].position);
        expect(m, "signer.authority", cases[k].authority);
        expect(m, "signer.name", "Lê Văn Hòa");
        json_decref(m);
    }
}

/* The body's line and the head's title under TM. read as one, with or
 * without the space the line break left ("TM. ỦY BAN NHÂN DÂNCHỦ TỊCH"):
 * the title ending the line is the position, the body the authority. */
static void test_title_after_organ(void)
{
    static const char *const blocks[] = {"TM. ỦY BAN NHÂN DÂNCHỦ TỊCH",
                                         "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"};
    for (size_t k = 0; k < sizeof blocks / sizeof *blocks; k++) {
        char foot[256];
        snprintf(foot, sizeof foot, "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n%s\nLê Văn Hòa\n",
                 blocks[k]);
        json_t *m = parse_foot("the head's title after the body",
                               "Các cơ quan chịu trách nhiệm thi hành./.", foot);
        expect(m, "signer.position", "Chủ tịch");
        expect(m, "signer.authority", "TM. Ủy ban nhân dân");
        expect(m, "signer.name", "Lê Văn Hòa");
        json_decref(m);
    }
}

/* A trích yếu in capitals wrapped where its phrase goes on (a comma, a
 * dash, a joining word ending the line): the line under it is the
 * trích yếu's, even one that opens with a title, as a decision's
 * authority line does. */
static void test_subject_wrapped_mid_phrase(void)
{
    static const char head[] =
        "ỦY BAN NHÂN DÂN\nTỈNH LONG AN\nSố: 41/2025/QĐ-UBND\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Long An, ngày 3 tháng 10 năm 2025\nQUYẾT ĐỊNH\n";
    static const struct {
        const char *lines, *subject;
    } cases[] = {
        {"QUY ĐỊNH CHẾ ĐỘ HỖ TRỢ ĐỐI VỚI CÔNG CHỨC,\nCHUYÊN VIÊN LÀM VIỆC TẠI CÁC XÃ\n",
         "QUY ĐỊNH CHẾ ĐỘ HỖ TRỢ ĐỐI VỚI CÔNG CHỨC, CHUYÊN VIÊN LÀM VIỆC TẠI CÁC XÃ"},
        {"QUY ĐỊNH NHIỆM VỤ CỦA SỞ Y TẾ -\nGIÁM ĐỐC SỞ Y TẾ LÀM VIỆC TẠI CÁC XÃ\n",
         "QUY ĐỊNH NHIỆM VỤ CỦA SỞ Y TẾ - GIÁM ĐỐC SỞ Y TẾ LÀM VIỆC TẠI CÁC XÃ"},
        {"QUY ĐỊNH CHẾ ĐỘ HỖ TRỢ ĐỐI VỚI CÔNG CHỨC VÀ\nCHUYÊN VIÊN LÀM VIỆC TẠI CÁC XÃ\n",
         "QUY ĐỊNH CHẾ ĐỘ HỖ TRỢ ĐỐI VỚI CÔNG CHỨC VÀ CHUYÊN VIÊN LÀM VIỆC TẠI CÁC XÃ"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        char text[1024];
        snprintf(text, sizeof text, "%s%sCăn cứ Nghị định số 12/2025/NĐ-CP;\nQUYẾT ĐỊNH:\n", head,
                 cases[k].lines);
        json_t *m = parse_text("a trích yếu wrapped mid-phrase", text, NULL);
        expect(m, "subject", cases[k].subject);
        json_decref(m);
    }
    /* A whole trích yếu line above the authority line ends the trích yếu. */
    char text[1024];
    snprintf(text, sizeof text, "%sQUY ĐỊNH CHẾ ĐỘ HỖ TRỢ ĐỐI VỚI CÔNG CHỨC CÁC XÃ\n"
             "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LONG AN\nCăn cứ Nghị định số 12/2025/NĐ-CP;\n"
             "QUYẾT ĐỊNH:\n", head);
    json_t *m = parse_text("the authority line under a trích yếu", text, NULL);
    expect(m, "subject", "QUY ĐỊNH CHẾ ĐỘ HỖ TRỢ ĐỐI VỚI CÔNG CHỨC CÁC XÃ");
    json_decref(m);
}

/* Footnotes printed after the signature ("[1] Thông báo số ...", OCR's
 * "[l]" too) end the foot: the name above them is the signer's, not an
 * entry of the Nơi nhận with the notes glued to it. */
static void test_footnotes_after_signature(void)
{
    static const char *const marks[] = {"[1]", "[l]", "[2)"};
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
        char foot[512];
        snprintf(foot, sizeof foot,
                 "Nơi nhận:\n- Như trên;\n- Các Phó Thủ tướng Chính phủ;\n- VPCP: BTCN, các PCN;\n"
                 "THỦ TƯỚNG\nLê Văn Hòa\n%s Thông báo số 12/TB-VPCP ngày 3/4/2025 của Văn phòng Chính phủ.\n"
                 "[3] Các tỉnh: Nam Trung, Bắc Sơn.\n", marks[k]);
        json_t *m = parse_foot("footnotes after the signature", "Các bộ, ngành khẩn trương thực hiện./.",
                               foot);
        expect_count(m, "recipients", 3);
        expect(m, "signer.name", "Lê Văn Hòa");
        expect(m, "signer.position", "Thủ tướng");
        json_decref(m);
    }
}

/* A resolution of a standing committee printed without a header column:
 * the motto alone (its Quốc hiệu wrapped and glued to "Độc lập"), the
 * issuing body under the trích yếu, and the Nơi nhận run on one line
 * without its cue, as the last line or above the signature. */
static void test_resolution_without_header(void)
{
    static const char head[] =
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nNAMĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 815/NQ-UBTVQH15\nNGHỊ QUYẾT\nVề việc nhập hai xã của huyện Đông Giang\n"
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCăn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n"
        "QUYẾT NGHỊ:\nĐiều 1. Nhập xã Tân Lập vào xã Tân Hòa.\n"
        "Nghị quyết này được Ủy ban Thường vụ Quốc hội thông qua ngày 9 tháng 4 năm 2025.\n";
    static const char *const feet[] = {
        "- Chính phủ; - Bộ Nội vụ; - Tỉnh ủy, HĐND, UBND tỉnh Đông Giang;\n",
        "- Chính phủ; - Bộ Nội vụ; - Tỉnh ủy, HĐND,\nUBND tỉnh Đông Giang;\n",
        "- Chính phủ; - Bộ Nội vụ; - Tỉnh ủy, HĐND, UBND tỉnh Đông Giang;\n"
        "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ TỊCH\nTrần Văn Định\n",
    };
    for (size_t k = 0; k < sizeof feet / sizeof *feet; k++) {
        char text[2048];
        snprintf(text, sizeof text, "%s%s", head, feet[k]);
        json_t *m = parse_text("a resolution without a header column", text, NULL);
        expect(m, "issuer.name", "Ủy ban Thường vụ Quốc hội");
        expect_count(m, "recipients", 3);
        expect(m, "recipients.2.text", "Tỉnh ủy, HĐND, UBND tỉnh Đông Giang");
        json_decref(m);
    }
    /* The list in a scan's narrower lines: each runs its entries on
     * past a wrapped one, OCR read a ';' before a mark as ':' and the
     * last entry's full stop as a comma. */
    char text[2048];
    snprintf(text, sizeof text, "%s%s", head,
             "- Chính phủ; - Bộ Nội vụ: - Ủy ban Mặt trận Tổ quốc\n"
             "Việt Nam tỉnh; - Sở Tài chính; - Các sở, ban, ngành thuộc\n"
             "UBND tỉnh; - Tỉnh ủy, HĐND,\nUBND tỉnh Đông Giang; - Lưu: HC, TH,\n"
             "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ TỊCH\nTrần Văn Định\n");
    json_t *m = parse_text("a run-on list wrapped", text, NULL);
    static const char *const wrapped[] = {
        "Chính phủ", "Bộ Nội vụ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Sở Tài chính",
        "Các sở, ban, ngành thuộc UBND tỉnh", "Tỉnh ủy, HĐND, UBND tỉnh Đông Giang", "Lưu: HC, TH"};
    for (size_t k = 0; k < sizeof wrapped / sizeof *wrapped; k++) {
        char path[32];
        snprintf(path, sizeof path, "recipients.%zu.text", k);
        expect(m, path, wrapped[k]);
    }
    expect_count(m, "recipients", sizeof wrapped / sizeof *wrapped);
    json_decref(m);
    /* A list of the body printed on one line has a paragraph under it. */
    snprintf(text, sizeof text, "%s%s", head,
             "- Giao Chính phủ; - Giao Bộ Nội vụ; - Giao tỉnh Đông Giang;\n"
             "Các cơ quan có liên quan chịu trách nhiệm thi hành Nghị quyết này.\n");
    m = parse_text("a run-on list in the body", text, NULL);
    expect_missing(m, "recipients", true);
    json_decref(m);
    /* A position under the trích yếu names who signs, not the issuer. */
    m = parse_text("a decision without a header column",
                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                   "Số: 12/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n"
                   "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật số 72/2025/QH15;\nQUYẾT ĐỊNH:\n"
                   "Điều 1. Thành lập Tổ công tác.\n", NULL);
    expect(m, "issuer.name", NULL);
    json_decref(m);
}

/* The trích yếu and the opening paragraph run on, parted by the rule
 * printed under the trích yếu (a header table flattened), on the title's
 * next line or on the line the trích yếu wraps to. */
static void test_subject_before_rule(void)
{
    static const char head[] =
        "BỘ XÂY DỰNG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "------------------ Độc lập – Tự do – Hạnh phúc ------------------\n"
        "Số: 15/BC-BXD Hà Nội, ngày 12 tháng 3 năm 2024\nBÁO CÁO\n";
    static const char *const cases[][2] = {
        {"Tổng kết thi hành Luật Nhà ở ------------- Thực hiện Luật Nhà ở, trên cơ sở ý kiến "
         "của các Bộ, ngành, Bộ Xây dựng báo cáo như sau:\n",
         "Tổng kết thi hành Luật Nhà ở"},
        {"Tổng kết thi hành Luật Nhà ở và các\nvăn bản hướng dẫn ------------- Thực hiện Luật Nhà "
         "ở, Bộ Xây dựng báo cáo như sau:\n",
         "Tổng kết thi hành Luật Nhà ở và các văn bản hướng dẫn"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        char text[2048];
        snprintf(text, sizeof text, "%s%sI. KẾT QUẢ\n1. Các địa phương đã ban hành quy định.\n", head,
                 cases[k][0]);
        json_t *m = parse_text("a trích yếu run on past its rule", text, NULL);
        expect(m, "type", "Báo cáo");
        expect(m, "subject", cases[k][1]);
        json_decref(m);
    }
}

/* A title in capitals OCR ran on into specks ("QUY ĐỊNH, > - . > og 2 ;")
 * is the title still, and the trích yếu follows under it. */
static void test_title_run_into_specks(void)
{
    json_t *m = parse_text("a title run into specks",
                           "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-QĐ/TW\n"
                           "Hà Nội, ngày 3 tháng 4 năm 2025\nQUY ĐỊNH, > - . > og 2 ;\n"
                           "VỀ CÔNG TÁC LƯU TRỮ TÀI LIỆU CỦA CÁC CƠ QUAN ĐẢNG\n- Căn cứ Điều lệ Đảng;\n"
                           "Ban Bí thư quy định như sau:\nĐiều 1. Phạm vi\n", NULL);
    expect(m, "type", "Quy định");
    expect(m, "subject", "VỀ CÔNG TÁC LƯU TRỮ TÀI LIỆU CỦA CÁC CƠ QUAN ĐẢNG");
    json_decref(m);
}

/* A code that ends a line is whole: the dash of a list entry opening the
 * next line ("- Tổ chức ...") is no segment of it. */
static void test_code_before_list_entry(void)
{
    json_t *m = parse_text("a code above a list entry",
                           "ỦY BAN NHÂN DÂN\nTỈNH SÔNG LAM\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                           "Độc lập - Tự do - Hạnh phúc\nSố: 77/KH-UBND\n"
                           "Sông Lam, ngày 05 tháng 5 năm 2025\nKẾ HOẠCH\n"
                           "Phát triển rừng năm 2025\nI. NHIỆM VỤ\n"
                           "1. Quán triệt, tuyên truyền để thực hiện Nghị quyết số 12/NQ-CP\n"
                           "- Tổ chức hội nghị quán triệt các nội dung của Nghị quyết.\n", NULL);
    expect_count(m, "references", 1);
    expect(m, "references.0.number", "12/NQ-CP");
    json_decref(m);
}

/* A Party body's code cited in a trích yếu ("SỐ 205-QD/TW": a dash
 * after the number, not a slash) gets its Đ back, as the references do. */
static void test_party_code_in_subject(void)
{
    json_t *m = parse_text("a Party code in a trích yếu",
                           "BAN CHẤP HÀNH TRUNG ƯƠNG\nBAN TỔ CHỨC\nĐẢNG CỘNG SẢN VIỆT NAM\n"
                           "Số 12-HD/BTCTW\nHà Nội, ngày 3 tháng 4 năm 2025\nHƯỚNG DẪN\n"
                           "THỰC HIỆN QUY ĐỊNH SỐ 205-QD/TW NGÀY 08/10/2024 CỦA BỘ CHÍNH TRỊ\n"
                           "Thực hiện Quy định số 205-QĐ/TW, Ban Tổ chức hướng dẫn như sau:\n"
                           "I. Về cán bộ\n", NULL);
    expect(m, "subject", "THỰC HIỆN QUY ĐỊNH SỐ 205-QĐ/TW NGÀY 08/10/2024 CỦA BỘ CHÍNH TRỊ");
    json_decref(m);
}

/* The signature's strokes OCR read as two short words in title case
 * ("Xo À") over the name: no word of them is a name's, and the line right
 * under them is a name whose family name the names list holds. */
static void test_strokes_over_name(void)
{
    static const char *const strokes[] = {"Xo À", "Ẻo Ả"};
    for (size_t k = 0; k < sizeof strokes / sizeof *strokes; k++) {
        char foot[512];
        snprintf(foot, sizeof foot,
                 "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n%s\nLê Văn Hòa\n",
                 strokes[k]);
        json_t *m = parse_foot("strokes over the name", "Các sở, ngành thực hiện./.", foot);
        expect(m, "signer.name", "Lê Văn Hòa");
        json_decref(m);
    }
}

/* A signer's block under a deputy's titles, each case's lines after
 * them: the signer's name read (NULL: none). */
typedef struct {
    const char *lines, *want;
} signer_case;

static void expect_signer_lines(const char *what, const signer_case *cases, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        char foot[512], name[64];
        snprintf(foot, sizeof foot,
                 "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n%s\n",
                 cases[k].lines);
        snprintf(name, sizeof name, "%s %zu", what, k + 1);
        json_t *m = parse_foot(name, "Các sở, ngành thực hiện./.", foot);
        expect(m, "signer.name", cases[k].want);
        json_decref(m);
    }
}

/* A signature's stroke read as a lone capital before the name ("Z"): a
 * family name is never one letter, so the letter is dropped before one
 * the names list holds; before any other word it may be a name's own
 * first part and stays. */
static void test_stray_letter_before_name(void)
{
    static const signer_case cases[] = {
        {"Z Lê Văn Hòa", "Lê Văn Hòa"},
        {"Z Phạm Thị Hồng Nhung", "Phạm Thị Hồng Nhung"},
        {"Lê Văn Hòa", "Lê Văn Hòa"},
        {"Y Khoa Niê", "Y Khoa Niê"},
    };
    expect_signer_lines("stray letter before the name", cases, sizeof cases / sizeof *cases);
}

/* Words of the name a black seal's ring damaged past their spelling (a
 * letter Vietnamese does not write, a capital inside): each is the part
 * of its place nearest its letters when the other words are listed
 * parts; a name no list holds, in title case (a Tây Nguyên name), stays. */
static void test_damaged_name_words(void)
{
    static const signer_case cases[] = {
        {"Đaän Văn Hòa", "Đoàn Văn Hòa"},
        {"Lê Thị Ñgọc Mai", "Lê Thị Ngọc Mai"},
        {"Y Bhin Niê", "Y Bhin Niê"},
    };
    expect_signer_lines("damaged name words", cases, sizeof cases / sizeof *cases);
}

/* A black seal's ring over the family name ("rắn", "»>Lê" read off
 * "Trần" and "Lê"): the name's other parts the names list holds, the
 * family name the one within OCR distance of the letters left, also under
 * a line of the signature's strokes read as a short name ("Vẻ Ả"); a
 * line whose first word is near no family name is no name.  A part whose
 * mark the ring moved is the one part the list holds with its letters
 * ("Nghía"), none when it holds two ("Hủng": Hùng or Hưng). */
static void test_family_under_seal(void)
{
    static const signer_case cases[] = {
        {"rắn Minh Đức", "Trần Minh Đức"},
        {"Vẻ Ả\n»rắn thị Thu Hà", "Trần Thị Thu Hà"},
        {"»>Lệ; Văn Hòa", "Lê Văn Hòa"},
        {"xqzw Văn Hòa", NULL},
        {"rrấn Văn Nghía", "Trần Văn Nghĩa"},
        {"Vẻ Ả\nrrấn Văn Nghía", "Trần Văn Nghĩa"},
        {"rrấn Văn Hủng", NULL},
    };
    expect_signer_lines("family name under the seal", cases, sizeof cases / sizeof *cases);
}

/* A draft leaves its date line blank ("Sông Lam, ngày tháng năm"): the
 * place is printed all the same, and a trích yếu under it ending in a
 * year ("... đầu năm 2024") keeps it, for the line's own "năm" is there
 * and a year wrapped off it would come without one. */
static void test_blank_draft_date(void)
{
    static const char *const heads[] = {
        "SỞ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "PHÒNG QUẢN LÝ GIÁ Độc lập - Tự do - Hạnh phúc\n"
        "Số: /STC-QLG Sông Lam, ngày tháng năm\n",
        "SỞ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "PHÒNG QUẢN LÝ GIÁ Độc lập - Tự do - Hạnh phúc\n"
        "Số: /STC-QLG\nSông Lam, ngày tháng năm\n",
    };
    for (size_t k = 0; k < sizeof heads / sizeof *heads; k++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "%sV/v kê khai giá vật tư đầu năm 2024\nKính gửi: Các doanh nghiệp.\n"
                 "Phòng Quản lý giá hướng dẫn như sau:\n",
                 heads[k]);
        json_t *m = parse_text("a draft's blank date line", text, NULL);
        expect(m, "subject", "V/v kê khai giá vật tư đầu năm 2024");
        expect(m, "place", "Sông Lam");
        expect(m, "date", NULL);
        json_decref(m);
    }
}

/* A rule printed under the trích yếu as a run of en or em dashes
 * ("––––––"), which a flattened page runs onto the trích yếu's line, is
 * no part of it, as a rule of hyphens is not. */
static void test_subject_before_typographic_rule(void)
{
    static const char *const rules[] = {"––––––", "——————"};
    for (size_t k = 0; k < sizeof rules / sizeof *rules; k++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "THỦ TƯỚNG CHÍNH PHỦ\nSố: 12/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 3 tháng 4 năm 2025\nQUYẾT ĐỊNH\n"
                 "Ban hành Kế hoạch trồng rừng ven biển năm 2025 %s\nTHỦ TƯỚNG CHÍNH PHỦ\n"
                 "Căn cứ Luật Tổ chức Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\n",
                 rules[k]);
        json_t *m = parse_text("a trích yếu before a typographic rule", text, NULL);
        expect(m, "subject", "Ban hành Kế hoạch trồng rừng ven biển năm 2025");
        json_decref(m);
    }
}

/* A title run on with its whole trích yếu on one line in capitals, the
 * body beginning under it ("BÁO CÁO TỔNG KẾT ..." / "I. KẾT QUẢ"), is the
 * type and the trích yếu however long the line. */
static void test_title_run_on_with_subject(void)
{
    static const char *const bodies[] = {"I. KẾT QUẢ\n1. Các địa phương đã ban hành quy định.\n",
                                         "Thực hiện Luật Nhà ở, Bộ Xây dựng báo cáo như sau:\n"};
    for (size_t k = 0; k < sizeof bodies / sizeof *bodies; k++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "BỘ XÂY DỰNG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                 "------------------ Độc lập – Tự do – Hạnh phúc ------------------\n"
                 "Số: 15/BC-BXD Hà Nội, ngày 12 tháng 3 năm 2024\n"
                 "BÁO CÁO TỔNG KẾT THI HÀNH LUẬT NHÀ Ở VÀ CÁC VĂN BẢN HƯỚNG DẪN THI HÀNH\n%s",
                 bodies[k]);
        json_t *m = parse_text("a title run on with its trích yếu", text, NULL);
        expect(m, "type", "Báo cáo");
        expect(m, "subject", "TỔNG KẾT THI HÀNH LUẬT NHÀ Ở VÀ CÁC VĂN BẢN HƯỚNG DẪN THI HÀNH");
        json_decref(m);
    }
    /* Printed centred, the line wraps; the body still begins under it. */
    json_t *m = parse_text("a title run on with its trích yếu, wrapped",
                           "BỘ XÂY DỰNG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                           "Độc lập – Tự do – Hạnh phúc\n"
                           "Số: 15/BC-BXD Hà Nội, ngày 12 tháng 3 năm 2024\n"
                           "BÁO CÁO TỔNG KẾT THI HÀNH LUẬT NHÀ Ở VÀ CÁC VĂN BẢN\n"
                           "HƯỚNG DẪN THI HÀNH\nI. KẾT QUẢ\n1. Các địa phương đã ban hành quy định.\n",
                           NULL);
    expect(m, "type", "Báo cáo");
    expect(m, "subject", "TỔNG KẾT THI HÀNH LUẬT NHÀ Ở VÀ CÁC VĂN BẢN HƯỚNG DẪN THI HÀNH");
    json_decref(m);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test-parse LEXICON_DIR\n");
        return 2;
    }
    vt_text_init(); /* as the parse stage does when it opens */
    vt_error err = {0};
    if (vt_lexicon_load(&lex, argv[1], &err) != VT_OK) {
        fprintf(stderr, "FAIL: %s\n", err.message);
        return 1;
    }
    test_ke_hoach();
    test_damaged();
    test_cong_van();
    test_quyet_dinh();
    test_missing();
    test_types();
    test_authorities();
    test_dates();
    test_issuers();
    test_organ_rules();
    test_signer_names();
    test_recipient_lists();
    test_archive_line_initials();
    test_code_d_lost();
    test_cited_type_d_lost();
    test_code_small_letters_parted();
    test_first_entry_wrapped();
    test_cue_after_speck();
    test_cue_spoiled();
    test_purpose_slash();
    test_signer_blocks();
    test_stray_mark_cue();
    test_apostrophe_slash();
    test_number_dashes();
    test_place_of_issuer();
    test_issuer_stray_letter();
    test_code_by_issuer();
    test_deputy_titles();
    test_signer_confirmed();
    test_signer_known_person();
    test_name_parts_reread();
    test_name_parts_places();
    test_signer_printed_elsewhere();
    test_signer_person_by_letters();
    test_entry_names_mended();
    test_addressee_organ_head();
    test_number_code_initials();
    test_deputy_after_unit_head();
    test_entry_words_cased();
    test_organ_head_marks();
    test_signer_beside_cue();
    test_bare_signature();
    test_addressee_lists();
    test_cued_numbers();
    test_dash_lost();
    test_reference_subjects();
    test_lettered_numbers();
    test_year_numbers();
    test_parted_notation();
    test_one_read_as_letter();
    test_damage_variants();
    test_d_readings();
    test_ampersand_codes();
    test_term_codes();
    test_code_confusions();
    test_numbers();
    test_party();
    test_ve_subject();
    test_wrapped_dates();
    test_damaged_cues();
    test_subject_mended_from_body();
    test_multiline_subject();
    test_subject_joined_words();
    test_adoption_date();
    test_marks();
    test_layout_roles();
    test_place_after_speck();
    test_rule_under_issuer();
    test_title_in_left_column();
    test_motto_head_left();
    test_addressee_columns();
    test_vv_over_labelled_line();
    test_vv_above_number();
    test_signer_name_specks();
    test_signer_printed_marks();
    test_party_star();
    test_rule_beside_motto();
    test_issuer_read_twice();
    test_title_lost();
    test_subject_trailing_speck();
    test_subject_leading_speck();
    test_last_page_cue();
    test_scanned_header();
    test_footer_damage();
    test_cited_damage();
    test_glued_number();
    test_pen_words();
    test_body_line_in_header();
    test_subject_cites_dated_document();
    test_subject_above_section_heading();
    test_caps_subject_above_paragraph();
    test_letter_without_subject();
    test_enacting_word_no_title();
    test_title_without_subject();
    test_subject_over_empty_lines();
    test_recipient_inner_semicolon();
    test_overlay_unit_word();
    test_digital_signature();
    test_date_pen_day_forms();
    test_date_year_check();
    test_authority_name_with_comma();
    test_signer_own_title_below();
    test_footnotes_after_signature();
    test_title_after_organ();
    test_subject_wrapped_mid_phrase();
    test_resolution_without_header();
    test_subject_before_rule();
    test_title_run_into_specks();
    test_code_before_list_entry();
    test_party_code_in_subject();
    test_strokes_over_name();
    test_family_under_seal();
    test_stray_letter_before_name();
    test_damaged_name_words();
    test_blank_draft_date();
    test_subject_before_typographic_rule();
    test_title_run_on_with_subject();
    test_stage(argv[1]);
    vt_lexicon_clear(&lex);
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
