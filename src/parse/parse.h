/* parse.h — the parse stage's own pieces: folded lines, the lexicon, the
 * layout zones and the field parsers.  Not installed. */
#ifndef VT_PARSE_H
#define VT_PARSE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "vanthu.h"
#include "../text/text.h"

/* ------------------------------------------------------------ folded text */

/* A line prepared for matching.  `fold` is the fold of `text`
 * (vt_text_fold_map), so that map[i] is the byte offset in `text` of the
 * code point that gave fold byte i (map[flen] == len).  Matching runs on
 * `fold`, values are cut from `text`. */
typedef struct vt_pline {
    char *text;
    size_t len;
    char *fold;
    size_t flen;
    size_t *map;
    char *orig;    /* the line as first seen when restore changed it, or NULL */
    size_t number; /* 1-based across the document */
    size_t page;   /* 0-based */
    vt_role role;
    vt_box box;     /* on the page as ingested: what evidence shows */
    vt_box upright; /* on the page as OCR read it: gaps between lines */
    /* One vt_pen per byte of text; NULL when the line has no pen. */
    unsigned char *pen;
    /* The fold offset of the first word past a gap between columns: the
     * layout read two columns' lines on one row as one line; 0 when none. */
    size_t column_at;
} vt_pline;

/* What a byte of a line's text is made of. */
typedef enum vt_pen {
    VT_PEN_NONE = 0,
    VT_PEN_MARKS,  /* a word OCR took for pen strokes (vt_word.handwritten) */
    VT_PEN_DIGITS, /* digits the digit reader read from pen strokes (vt_word.pen_digits) */
} vt_pen;

/* Whether text[a, b) of the line touches a word OCR took for pen strokes. */
bool vt_pline_pen(const vt_pline *pl, size_t a, size_t b);
/* Whether text[a, b) touches digits the digit reader read from pen strokes. */
bool vt_pline_pen_digits(const vt_pline *pl, size_t a, size_t b);

/* A piece of one line, in fold offsets [fs, fe). */
typedef struct vt_span {
    const vt_pline *ln;
    size_t fs, fe;
} vt_span;

/* The next space-separated word of *p as a new string, advancing *p past
 * it; NULL when only spaces are left. */
char *vt_next_word(const char **p);

/* The line's parse form of text: a letter-spaced heading (C Ộ N G  H Ò A)
 * is run together into its syllables, at its gaps of two spaces or more
 * when there are any. */
void vt_pline_init(vt_pline *pl, const char *text);
/* A word of one capital letter, what OCR makes of each letter of a
 * letter-spaced heading. */
bool vt_lone_capital(const char *s, size_t len);
void vt_pline_clear(vt_pline *pl);

/* The fold offset of a byte offset into `text`. */
size_t vt_fold_offset(const vt_pline *pl, size_t text_off);
/* The text of a span, trimmed of spaces; caller frees. */
char *vt_span_text(const vt_span *sp);
vt_span vt_span_trim(vt_span sp);
/* Text without list marks and OCR specks at its ends ("- UBND tỉnh;" ->
 * "UBND tỉnh", "| __KT." -> "KT."); parentheses and quotes stay. */
char *vt_clean_text(const char *s, size_t n);
char *vt_span_clean(const vt_span *sp);
/* Bytes of the list mark `s` starts with: a dash as printed or as OCR
 * reads it ("-", "—", "–", "•", "+", "=", "*", "_"); 0 when none. */
size_t vt_list_mark_len(const char *s);
/* Does the text begin with a small letter (an entry going on from the
 * line before)? */
bool vt_starts_lower(const char *s);
/* The last character of text that is not a space, '\0' when none (an
 * entry is closed by its ';' or '.'). */
char vt_last_char(const char *s);
/* No word of three letters or more in fold[from, to): specks OCR read
 * from a seal, a signature or a rule ("tÀ", "> og 2 ;"). */
bool vt_specks_only(const char *fold, size_t from, size_t to);

/* Whether folded text holds the folded words as whole words ("tinh ben
 * tre" holds "ben tre", not "en tre"). */
bool vt_fold_holds(const char *fold, const char *words);

/* OCR-tolerant matching of a folded keyword ("noi nhan") against folded
 * text: spaces are optional on both sides and letters the OCR confuses
 * (o/6/b, i/1/l, d/p/đ, ...) cost less than other edits.  Returns the
 * normalised cost (0 exact, ~1 unrelated). */
double vt_fuzzy_cost(const char *a, size_t na, const char *kw);
/* The same when it is at most `limit`; else some value above `limit`,
 * found sooner. */
double vt_fuzzy_cost_within(const char *a, size_t na, const char *kw, double limit);
/* Match kw at fold offset `at` (after skipping spaces and list marks);
 * returns the end offset or -1 when the cost exceeds max_cost. */
long vt_fuzzy_prefix(const char *fold, size_t flen, size_t at, const char *kw,
                     double max_cost, double *cost);
/* Find kw anywhere in fold[from..flen); start/end in *s, *e. */
bool vt_fuzzy_find(const char *fold, size_t flen, size_t from, const char *kw,
                   double max_cost, size_t *s, size_t *e, double *cost);

/* ---------------------------------------------------------------- regexes */

struct pcre2_real_code_8;
struct pcre2_real_match_data_8;

/* A compiled pcre2 pattern with its match data.  Patterns on `fold` are
 * ASCII; patterns on `text` use UTF mode (`utf`). */
typedef struct vt_rx {
    struct pcre2_real_code_8 *code;
    struct pcre2_real_match_data_8 *md;
    bool owned; /* code not shared (the process-wide cache was full) */
} vt_rx;

/* Patterns are the parser's own constants (static storage: the address
 * is the key of a process-wide cache of compiled code), so a compile
 * failure is a bug: it returns false and the field using it is simply not
 * found. */
bool vt_rx_init(vt_rx *rx, const char *pattern, bool utf);
void vt_rx_clear(vt_rx *rx);
/* Match at or after `from`; group g is [start(g), end(g)) or -1 when unset. */
bool vt_rx_find(vt_rx *rx, const char *s, size_t len, size_t from);
long vt_rx_start(const vt_rx *rx, int g);
long vt_rx_end(const vt_rx *rx, int g);

/* ------------------------------------------------------------------ case */

/* Does folded text begin with an administrative unit ("phuong ", "tinh ")? */
bool vt_admin_unit_start(const char *fold);


/* --------------------------------------------------------------- lexicon */

typedef struct vt_lex_entry {
    char *form;  /* proper form: "Kế hoạch", "Phó Giám đốc", "Ninh Bình" */
    char *fold;  /* vt_text_fold(form) */
    char *extra; /* abbreviation (doc types) or expansion (abbreviations) */
    char *section; /* "# section:" it was listed under, "" when none */
    bool curated;  /* a name's part names.txt lists, not only the corpus's counts */
} vt_lex_entry;

typedef struct vt_lex_list {
    vt_lex_entry *v;
    size_t n, cap;
} vt_lex_list;

/* How often the real corpus prints a code part where (codes.c). */
typedef struct vt_code_count vt_code_count;

typedef struct vt_lexicon {
    vt_lex_list doc_types;     /* Điều 7 names + Phụ lục III abbreviation */
    vt_lex_list positions;     /* chức vụ */
    vt_lex_list abbreviations; /* UBND -> Ủy ban nhân dân */
    vt_lex_list organs;        /* kinds of issuing body */
    vt_lex_list places;        /* địa danh with diacritics */
    vt_lex_list family, middle, given; /* parts of personal names */
    vt_lex_list persons; /* whole names the real corpus prints; extra: documents */
    vt_lex_list codes;   /* parts of codes of the real corpus; extra: documents */
    vt_code_count *code_counts; /* codes, abbreviations and types, sorted */
    size_t n_code_counts;
    char digest[65]; /* of the files' contents: records name what read them */
} vt_lexicon;

/* Load the lexicon from `dir` (holding doc-types.txt, ...).  A missing file
 * is VT_EDEPEND naming it. */
vt_status vt_lexicon_load(vt_lexicon *lex, const char *dir, vt_error *err);
void vt_lexicon_clear(vt_lexicon *lex);
/* Best entry whose fold matches the folded text exactly, else within
 * max_cost by vt_fuzzy_cost; NULL when none. */
const vt_lex_entry *vt_lex_match(const vt_lex_list *list, const char *fold,
                                 size_t n, double max_cost, double *cost);
/* The entry spelled as `word`, marks and all, in any case ("THANH" is
 * Thanh, not Thành); NULL when none. */
const vt_lex_entry *vt_lex_form(const vt_lex_list *list, const char *word);
/* Longest entry matching a prefix of fold[at..] on word boundaries. */
const vt_lex_entry *vt_lex_prefix(const vt_lex_list *list, const char *fold,
                                  size_t flen, size_t at, size_t *end);

/* ---------------------------------------------------------------- fields */

/* Everything the field parsers share for one document. */
typedef struct vt_pctx {
    vt_pline *lines;
    size_t n;
    const vt_lexicon *lex;
    json_t *meta;
    json_t *missing;
    char **warnings;
    size_t n_warnings, cap_warnings;
    /* Zones, as line indexes [from, to). */
    size_t header_end;   /* first line after the header (type/subject) */
    size_t body_from, body_to;
    size_t footer_from;  /* "Nơi nhận" or the signature, n when absent */
    char *issuer_name;   /* in normal case, for the notation's initials */
    size_t number_line;  /* index, or n */
    size_t subject_line; /* index of the trích yếu's first line, or n */
    /* The text as first seen holds no Đ where restore wrote some: its
     * codes lost their Đ too (English-model OCR, stripped text). */
    bool d_lost;
} vt_pctx;

void vt_pctx_warn(vt_pctx *cx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Build the evidence object for lines [from, to] (indexes). */
json_t *vt_evidence(const vt_pctx *cx, size_t from, size_t to);
/* {"<key>": value, "raw": raw, "confidence": c, "evidence": ...}. */
json_t *vt_field(const vt_pctx *cx, const char *key, const char *value,
                 const char *raw, double confidence, size_t from, size_t to);
void vt_missing(vt_pctx *cx, const char *field);

void vt_parse_header(vt_pctx *cx);     /* issuer, number, date, place, type, subject */
/* The date a closing paragraph gives when the header has none. */
void vt_parse_adoption_date(vt_pctx *cx);
void vt_parse_addressees(vt_pctx *cx); /* Kính gửi */
void vt_parse_footer(vt_pctx *cx);     /* recipients, archive copy, signer */
void vt_parse_references(vt_pctx *cx);
/* A trích yếu in capitals mended from the body's restatement of it
 * (echo.c); once the body's lines are known. */
void vt_mend_subject_from_body(vt_pctx *cx);
void vt_parse_marks(vt_pctx *cx);      /* urgency, secrecy, contacts */
/* The e-office signature overlay above the header, and the header's date
 * completed or mended from its time (esign.c); after vt_parse_header. */
void vt_parse_digital_signature(vt_pctx *cx);
/* The date's printed year read again when the page's other dates (the
 * references', the signing's, the number's year) rule it out
 * (datecheck.c); after vt_parse_references. */
void vt_check_date_year(vt_pctx *cx);
/* Is the text an urgency or secrecy mark printed in capitals ("KHẨN")? */
bool vt_is_mark(const char *text);

/* Date helpers (date.c). */
bool vt_date_valid(int y, int m, int d);
/* A pattern character for a digit of a date as OCR reads it (on fold):
 * the digits and the letters OCR makes of them. */
#define VT_RX_DIGIT "[0-9oqdlij|!\\]tfzsbg$]"
/* The digit a folded character of VT_RX_DIGIT reads as first ('l' 1,
 * 'o' 0); -1 for any other character. */
int vt_ocr_digit(char c);
/* Read day, month and year tokens (folded, possibly damaged).  Returns the
 * number of distinct valid readings; with exactly one (or the printed one
 * valid) fills *y *m *d and sets *repaired when digits were changed. */
int vt_date_read(const char *dtok, const char *mtok, const char *ytok, int *y,
                 int *m, int *d, bool *repaired);

/* Is the word an abbreviation abbreviations.txt lists, a document type's
 * abbreviation, or a code the real corpus prints (vt_code_printed),
 * exactly as written ("VT", "QĐ", "PV")? */
bool vt_known_code(const vt_lexicon *lex, const char *word);

/* OCR reads Đ as D, P or B: each segment of a ký hiệu that matches a known
 * spelling with Đ up to that confusion (the type's abbreviation, the
 * issuer's initials, abbreviations.txt) takes it; `type_abbr`, the
 * abbreviation of the type the document is named by, wins over another
 * code in a text that lost its Đ.  Caller frees. */
char *vt_repair_notation(const vt_pctx *cx, const char *notation, const char *type_abbr);

/* A cited document's number whose last part (its issuer's code) is no
 * code the lexicon knows, with the code abbreviations.txt gives the
 * issuer the text names after it ("58/QĐ-BGTVI" cited of the "Bộ
 * trưởng Bộ Giao thông vận tải": "58/QĐ-BGTVT"), when OCR's reading is
 * close to it and closer than to any other such code; NULL otherwise.
 * A cited document's code is its issuer's, which the citation names in
 * words OCR reads more surely than a run of capitals.  Caller frees. */
char *vt_code_by_issuer(const vt_lexicon *lex, const char *number, const char *issuer);

/* Each word in capitals of text that is an OCR reading of an abbreviation
 * with Đ (abbreviations.txt), and no code itself, spelled with it:
 * "Đoàn BBQH tỉnh" -> "Đoàn ĐBQH tỉnh", "Cổng TTBT" -> "Cổng TTĐT".
 * Caller frees. */
char *vt_repair_capitals(const vt_lexicon *lex, const char *text);
/* text with each code in capitals that is an OCR reading, its Đ lost
 * (d_reading), of a part of the document's own ký hiệu with Đ written as
 * that part ("Lưu: VT, BCDPTDT" under "Số: 15/QĐ-BCĐPTĐT"): the issuer's
 * code, printed again in its copies.  Newly allocated. */
char *vt_number_codes_repaired(const vt_pctx *cx, const char *text);
/* Index the lexicon's codes for the two repairs below (codes.c). */
void vt_codes_index(vt_lexicon *lex);
void vt_codes_index_clear(vt_lexicon *lex);
/* A notation ("TIr-BKHCN", "KUTW") with each part OCR misread as a code
 * the lexicon knows, where it stands, written as that code ("TTr-BKHCN",
 * "KL/TW"); a part the lexicon knows, or that two known codes could be,
 * stays.  Caller frees. */
char *vt_codes_repaired(const vt_lexicon *lex, const char *notation);
/* Is a part of a notation, unknown itself, a misreading of one known
 * code under a notation's own confusions, as vt_codes_repaired weighs
 * its readings ("BVT": BYT with its Y read as V)? */
bool vt_code_part_misread(const vt_lexicon *lex, const char *part);
/* The same for each word of a list's text that may be a code ("Lưu: VT,
 * QLDNI"), and a Roman numeral after "khu vực", "Khóa" or "Kỳ" whose I
 * OCR read as 1, l or H ("khu vực H1" -> "khu vực II").  Caller frees. */
char *vt_code_words_repaired(const vt_lexicon *lex, const char *text);
/* Does the real corpus print the word as a code of its own, and not as a
 * spelling without Đ of a far more common one ("PV", not "ND")? */
bool vt_code_printed(const vt_lexicon *lex, const char *word);
/* text with each run of four capitals or more that no list holds, whose
 * D printed codes put together spell Đ, so spelled ("GDTXDH" ->
 * "GDTXĐH": GDTX and ĐH): for text whose Đ was lost.  Caller frees. */
char *vt_codes_d_restored(const vt_lexicon *lex, const char *text);
/* text with a person's name an OCR damaged spelled as the document or the
 * names lexicon prints it whole; NULL when none is (footer.c). */
char *vt_mended_names(const vt_pctx *cx, const char *text);
/* Is the word a name's, as a restored text prints it: a capital, then
 * small letters (an apostrophe inside: H'Yim)?  (footer.c) */
bool vt_name_word(const char *w);
/* For the n words of a line (text, and the restore change of each with
 * its alternatives, or NULL), the parts of persons' names to read as
 * another alternative of restore's: an array of n new strings (NULL for a
 * word kept), or NULL when every word is kept (persons.c). */
char **vt_name_parts_reread(const vt_lexicon *lex, const char *const *text,
                            const vt_change *const *change, size_t n);

/* The end of a speck of ink OCR read as a character of its own at the
 * start of a line ("l Số: 12/QĐ-UBND"), and the space after it; the end
 * of leading marks alone when the line opens with a word. */
size_t vt_stray_mark_end(const char *t, size_t len);

/* The title of a head's deputy, who signs under KT.: "Phó Giám đốc" for
 * "Giám đốc", "Thứ trưởng" for "Bộ trưởng".  Caller frees. */
char *vt_deputy_title(const char *title);

/* Normal case of an organ or place name printed in capitals. */
char *vt_organ_case(const vt_lexicon *lex, const char *text);
/* Proper form of a place name (places.txt), else each word capitalised. */
char *vt_place_case(const vt_lexicon *lex, const char *text);
/* An entry of Nơi nhận or Kính gửi with the words its other words show
 * restore misread in form or case: a body's kind before its abbreviation
 * ("Phòng KTHT" for "Phong KTHT"), an article before its number
 * ("Như Điều 3"), a place in a list or after its unit ("các tỉnh: Thanh
 * Hóa" for "Thạnh Hòa"), a word in capitals with a mark in an entry in
 * normal case ("Bộ Nội vụ" for "BỘ Nội vụ").  Caller frees;
 * the words' spacing is made single. */
char *vt_entry_words_cased(const vt_lexicon *lex, const char *entry);

/* Parse lines into a metadata object; warnings are added to *cx.  Pure
 * apart from allocation: the same lines give the same object. */
json_t *vt_parse_lines(vt_pline *lines, size_t n, size_t page_count,
                       const vt_lexicon *lex, char ***warnings, size_t *n_warnings);

#endif
