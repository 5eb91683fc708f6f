/* header.c — the head of a dispatch (Nghị định 30, Điều 8–10): issuing
 * body and its parent (left column), number and V/v (left column), place and
 * date (right column, under the motto), then the type name and the
 * trích yếu centred below.
 *
 * Text input merges the two columns on one line, so each header line is
 * first cut where its right column begins (the motto, or the place before
 * "ngày ... tháng ... năm"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confidence.h"
#include "internal.h"
#include "parse.h"

/* Lines looked at for the header. */
#define HEADER_SCAN 40
/* The two-letter cue "Số": both letters may be confused ("56"), neither
 * wrong. */
#define CUE_COST 0.36
/* The most lines a trích yếu under the type name takes, in sentence case
 * and in capitals: one in capitals, wider letters in the narrow title
 * column, wraps over twice the lines, and where it ends shows (the line
 * after it is not in capitals, or names the authority).  Either takes up
 * to SUBJECT_LINES_ENDED when the line right under it shows where it
 * ends: the authority's line or a cue of the body. */
#define SUBJECT_LINES 6
#define SUBJECT_LINES_CAPS 12
#define SUBJECT_LINES_ENDED 16
/* How far OCR may bend a cue of the body ("Căn cứ", "Kính gửi"). */
#define BODY_CUE_COST 0.2

/* A day/month/year token: digits and the letters OCR makes of them.  The
 * day, and sometimes the month, is written by hand in a blank left for it:
 * then the blank is empty (blue ink dropped), or holds a short run of
 * marks, which may have run into the cue ("ngàW/†").  The run is counted
 * in bytes: four marks of a coarse scan's pen strokes ("⁄4⁄J.", "⁄/'†")
 * take up to twelve; it holds no "ng" and a letter, which would let a
 * place's last word ("Tân Ngọc, ngày") stand for the cue. */
#define DT VT_RX_DIGIT
#define PEN_MARKS "(?:(?!ng[a-z])\\S){1,12}?"
static const char date_pattern[] =
    "(?:^|[^a-z])(ng[a-z0-9@]{1,2}y|ng[a-z0-9@]{1,2}(?=\\S))\\s*[,.:]?\\s*"
    "(?:(" DT "{1,2})|" PEN_MARKS ")?\\s*[,./-]?\\s*"
    "th[a-z0-9@]{1,3}?g\\s*(?:(" DT "{1,2})|" PEN_MARKS ")?\\s*[,./-]?\\s*"
    "n[a-z0-9@]{1,2}m\\s*[,.:]?\\s*(" DT "{4})";

/* Số và ký hiệu after the "Số" cue: number, then notation segments.  A
 * bar or a bracket after a dot or a Roman numeral's letter is the I of a
 * unit's numeral OCR misread ("VPCP-V.|", "KV.]I").  The hyphen between
 * segments OCR may read as a dash (en, em, minus sign) or, between
 * letters with no space, as a colon, an underscore or a tilde
 * ("UBND:VX"); a colon before a space ends the notation ("Số: 5/UBND:
 * V/v ...").  NOTA_DASH lists them; the notation gets a hyphen.  The
 * slash OCR may read as a fraction or a division slash (NOTA_SLASH). */
#define NOTA_CHAR "(?:[\\p{L}\\d&.]|(?<=[.VIX])[|\\]])"
#define NOTA_SLASH "/\u2044\u2215"
#define NOTA_DASH "(?:\\s*[-" NOTA_SLASH "\u2013\u2014\u2212]\\s*|[:_~](?=\\p{Lu}))"
static const char number_pattern[] =
    "\\G[\\s:;.,]*(\\d*)\\s*([-'" NOTA_SLASH "])\\s*(" NOTA_CHAR "+(?:" NOTA_DASH NOTA_CHAR
    "+)*)";

/* The V/v cue as OCR reads it where fuzzy matching would refuse it, the
 * slash lost or turned into a letter: "VIV", "Vlv", "VW", "V/y"; or the
 * slash and the v read as one sign, as a page scanned at a low resolution
 * runs them together: "V&", "V#", and a slash alone, a fraction's or a
 * division's as often as the ASCII one: "V⁄" (the bytes of a sign, as
 * the pattern is matched bytewise). */
static const char vv_shape_pattern[] =
    "\\G(?:v[/|il1!\\\\][vwy]|v[vw&#]|v(?:/|\u2044|\u2215))(?=[\\s:.,]|$)";

/* The length of the misread hyphen or slash (NOTA_DASH, NOTA_SLASH) at
 * s, and in *as the one it stands for; 0 when s holds none.  Only what
 * the pattern matched is read, so a colon or an underscore there is
 * such a hyphen. */
static size_t nota_glyph(const char *s, char *as)
{
    static const struct {
        const char *glyph;
        char as;
    } glyphs[] = {{"\u2013", '-'}, {"\u2014", '-'}, {"\u2212", '-'}, {":", '-'},
                  {"_", '-'},      {"~", '-'},      {"\u2044", '/'}, {"\u2215", '/'}};
    for (size_t i = 0; i < sizeof glyphs / sizeof *glyphs; i++)
        if (strncmp(s, glyphs[i].glyph, strlen(glyphs[i].glyph)) == 0) {
            *as = glyphs[i].as;
            return strlen(glyphs[i].glyph);
        }
    return 0;
}

static bool has_alnum(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
            return true;
    return false;
}

/* Start of the place name before ", ngày": the longest run of words just
 * before the comma that is a place the lexicon knows (its unit word in
 * small letters or not: "Thành phố Hồ Chí Minh"); else the run of
 * capitalised words there. */
static size_t place_start(const vt_pctx *cx, const vt_pline *pl, size_t date_at)
{
    size_t e = date_at;
    while (e > 0 && (isspace((unsigned char)pl->fold[e - 1]) || pl->fold[e - 1] == ','))
        e--;
    size_t starts[6], n = 0, caps = 0, p = e;
    while (n < 5 && p > 0) {
        size_t we = p;
        while (p > 0 && !isspace((unsigned char)pl->fold[p - 1]))
            p--;
        size_t ws = p;
        const char *t = pl->text + pl->map[ws];
        bool digit_or_code = false;
        for (size_t i = ws; i < we; i++)
            if (isdigit((unsigned char)pl->fold[i]) || pl->fold[i] == '/' || pl->fold[i] == ':')
                digit_or_code = true;
        char *w = vt_xstrndup(t, pl->map[we] - pl->map[ws]);
        char *up = vt_text_upper_first(w);
        bool cap = !digit_or_code && strcmp(up, w) == 0;
        free(up);
        free(w);
        if (digit_or_code || (!cap && caps < n))
            break;
        starts[n++] = ws;
        caps += cap && caps + 1 == n;
        while (p > 0 && isspace((unsigned char)pl->fold[p - 1]))
            p--;
    }
    /* A known place keeps the unit word printed before it abbreviated
     * ("TP. Hồ Chí Minh"): the lexicon spells units in full. */
    for (size_t k = n; k > 0; k--) {
        size_t s = starts[k - 1];
        if (vt_lex_match(&cx->lex->places, pl->fold + s, e - s, 0, NULL))
            return k < n && vt_admin_unit_start(pl->fold + starts[k]) ? starts[k] : s;
    }
    return caps ? starts[caps - 1] : date_at;
}

static bool find_date(vt_rx *rx, const vt_pline *pl, size_t *s, size_t *e)
{
    if (!vt_rx_find(rx, pl->fold, pl->flen, 0))
        return false;
    *s = (size_t)vt_rx_start(rx, 1);
    *e = (size_t)vt_rx_end(rx, 0);
    return true;
}

static bool starts_organ(const vt_lexicon *lex, const char *prev, const char *fold);

/* Whether the date at fold[s, e) is one a trích yếu cites ("... số
 * 03/2021/NQ ngày 24 tháng 9 năm 2021 của ..."), not the right column's
 * place-and-date line: no comma parts it from the words before it, and
 * the sentence goes on after it in small letters.  A trích yếu in
 * capitals goes on in capitals ("SỐ 32/2023/QĐ-UBND NGÀY 26 THÁNG 7 NĂM
 * 2023 CỦA ..."): there a code right before the date and a word after it
 * tell it, as a place always stands before the date of the header. */
static bool cited_date(const vt_pline *pl, size_t s, size_t e)
{
    size_t b = s;
    while (b > 0 && isspace((unsigned char)pl->fold[b - 1]))
        b--;
    if (b == 0 || pl->fold[b - 1] == ',')
        return false;
    const char *after = pl->text + pl->map[e];
    after += strspn(after, " ");
    if (vt_starts_lower(after))
        return true;
    size_t w = b;
    while (w > 0 && !isspace((unsigned char)pl->fold[w - 1]))
        w--;
    bool code_before = memchr(pl->fold + w, '/', b - w) && isdigit((unsigned char)pl->fold[w]);
    return code_before && vt_text_mostly_upper(pl->text) && isalpha((unsigned char)pl->fold[e + strspn(pl->fold + e, " ")]);
}

/* The start of the word ending before fold offset `end`, past the
 * spaces and dashes between: the word is fold[*ws, returned). */
static size_t word_before(const char *fold, size_t end, size_t *ws)
{
    size_t we = end;
    while (we > 0 && (fold[we - 1] == ' ' || fold[we - 1] == '-'))
        we--;
    size_t w = we;
    while (w > 0 && fold[w - 1] != ' ' && fold[w - 1] != '-')
        w--;
    *ws = w;
    return we;
}

/* Where the motto begins on a line: whole, or its words from "Tự do"
 * when the column's width wrapped it after "Độc" or "Độc lập", which
 * then end the line above, where the issuer's name may run into them
 * (two columns OCR read as one line).  flen when the line has none. */
static size_t motto_start(const vt_pline *pl)
{
    size_t s, e;
    if (vt_fuzzy_find(pl->fold, pl->flen, 0, "doc lap tu do hanh phuc", 0.3, &s, &e, NULL)) {
        /* The Quốc hiệu's last word, wrapped and glued to the motto
         * ("VIỆT" / "NAMĐộc lập ..."), is the motto's too: the match may
         * begin at "lập", past the glued word. */
        size_t ws, we = word_before(pl->fold, s, &ws);
        if (we - ws > 3 && memcmp(pl->fold + we - 3, "doc", 3) == 0)
            s = ws;
        return s;
    }
    if (!vt_fuzzy_find(pl->fold, pl->flen, 0, "tu do hanh phuc", 0.2, &s, &e, NULL))
        return pl->flen;
    static const char *const before[] = {"lap", "doc"};
    for (size_t k = 0; k < 2; k++) {
        size_t ws, we = word_before(pl->fold, s, &ws);
        if (we == ws || vt_fuzzy_cost(pl->fold + ws, we - ws, before[k]) > 0.34)
            break;
        s = ws;
    }
    return s;
}

/* A draft leaves the day, month and year blank ("Hà Nội, ngày tháng
 * năm"), which no date matches: the cue's three words after a comma end
 * the line, and the words before the comma are the place. */
static const char blank_date_pattern[] =
    ",\\s*(ng[a-z0-9@]{1,2}y\\s+th[a-z0-9@]{1,3}?g\\s+n[a-z0-9@]{1,2}m)\\s*[.]?\\s*$";

/* Where the cue of a blank date line begins, in *s. */
static bool find_blank_date(vt_rx *rx, const vt_pline *pl, size_t *s)
{
    if (!vt_rx_find(rx, pl->fold, pl->flen, 0))
        return false;
    *s = (size_t)vt_rx_start(rx, 1);
    return true;
}

/* How many of the motto's words before "Tự do" its line misses: 1 when
 * it starts at "lập" (without "Độc"), 2 at "Tự do"; -1 when it holds
 * them, or has no motto. */
static int motto_head_missing(const vt_pline *pl)
{
    size_t s, e, ws, we;
    if (!vt_fuzzy_find(pl->fold, pl->flen, 0, "tu do hanh phuc", 0.2, &s, &e, NULL))
        return -1;
    we = word_before(pl->fold, s, &ws);
    if (we == ws)
        return 2;
    if (vt_fuzzy_cost(pl->fold + ws, we - ws, "lap") > 0.34)
        return -1;
    we = word_before(pl->fold, ws, &ws);
    return we == ws ? 1 : -1;
}

/* Where the motto's head ends a left column's line: "Độc", or "Độc lập",
 * as its last words when the scan's layout gave them the left block and
 * a line beside it holds the motto's rest without them ("BỘ TÀI
 * CHÍNH" / "ĐỘC" beside "lập - Tự do - Hạnh phúc"); flen when not.  No
 * body's name ends in the word. */
static size_t motto_head(const vt_pctx *cx, const vt_pline *pl)
{
    size_t ws, we = word_before(pl->fold, pl->flen, &ws), head = 1;
    if (we - ws == 3 && memcmp(pl->fold + ws, "lap", 3) == 0) {
        we = word_before(pl->fold, ws, &ws);
        head = 2;
    }
    if (we - ws != 3 || memcmp(pl->fold + ws, "doc", 3) != 0)
        return pl->flen;
    enum { BESIDE = 3 }; /* lines the two columns' lines lie apart */
    size_t at = (size_t)(pl - cx->lines);
    for (size_t i = at > BESIDE ? at - BESIDE : 0; i < cx->n && i <= at + BESIDE; i++)
        if (motto_head_missing(&cx->lines[i]) == (int)head)
            return ws;
    return pl->flen;
}

/* Where the right column begins on a header line (flen when it does not). */
static size_t split_line(const vt_pctx *cx, const vt_pline *pl, vt_rx *date_rx, vt_rx *blank_rx)
{
    /* The layout may give the left column the motto's words its block
     * reached into; no body's name holds them. */
    if (pl->role == VT_ROLE_HEADER_LEFT) {
        size_t m = motto_start(pl);
        return m < pl->flen ? m : motto_head(cx, pl);
    }
    if (pl->role == VT_ROLE_FOOTER_LEFT)
        return pl->flen;
    if (pl->role == VT_ROLE_HEADER_RIGHT || pl->role == VT_ROLE_FOOTER_RIGHT)
        return 0;
    size_t best = pl->flen, s, e;
    if (vt_fuzzy_find(pl->fold, pl->flen, 0, "cong hoa xa hoi chu nghia viet nam", 0.3, &s, &e, NULL) &&
        s < best)
        best = s;
    if ((s = motto_start(pl)) < best)
        best = s;
    /* A Party document prints the Party's name where the motto stands;
     * after the issuer's name on a merged line, or alone. */
    if (vt_fuzzy_find(pl->fold, pl->flen, 0, "dang cong san viet nam", 0.2, &s, &e, NULL) &&
        s < best) {
        vt_span before = {pl, 0, s};
        char *t = vt_span_clean(&before);
        char *f = vt_text_fold(t);
        if (!*f || starts_organ(cx->lex, NULL, f))
            best = s;
        free(f);
        free(t);
    }
    if ((find_date(date_rx, pl, &s, &e) && !cited_date(pl, s, e)) || find_blank_date(blank_rx, pl, &s)) {
        size_t p = place_start(cx, pl, s);
        if (p < best)
            best = p;
    }
    return best;
}

static bool blank_line(const vt_pline *pl)
{
    return !has_alnum(pl->fold, 0, pl->flen);
}

/* The text of fold[0..le) without the specks OCR reads after a line in
 * capitals (a rule under it, a seal's edge): after the last word in
 * capitals, only short words none of which is in capitals
 * ("NGHI QUYET . oe Co a", "CHINH PHU a").  Caller frees. */
static char *without_specks(const vt_pline *pl, size_t le)
{
    vt_span sp = {pl, 0, le};
    char *t = vt_span_clean(&sp);
    const char *p = t;
    char *w;
    size_t caps_end = 0, words = 0;
    bool first_caps = false, specks = true;
    while ((w = vt_next_word(&p))) {
        /* Not in capitals: two letters or more not all capitals, or one
         * small letter. */
        bool caps = vt_text_is_upper(w);
        char *wf = vt_text_fold(w), *up = vt_text_upper_first(w);
        size_t letters = 0, figures = 0;
        for (const char *c = wf; *c; c++) {
            letters += isalpha((unsigned char)*c) != 0;
            figures += isdigit((unsigned char)*c) != 0;
        }
        bool lower = !caps && (letters >= 2 || strcmp(up, w) != 0);
        free(wf);
        free(up);
        if (words++ == 0)
            first_caps = caps;
        /* A lone capital or a figure belongs to the name ("THCS A", "ĐỘI 3"). */
        if (caps || (!lower && letters + figures > 0)) {
            caps_end = (size_t)(p - t);
            specks = true;
        } else if (letters + figures > 3) {
            specks = false;
        }
        free(w);
    }
    if (first_caps && specks && caps_end < strlen(t)) {
        char *c = vt_clean_text(t, caps_end);
        free(t);
        return c;
    }
    return t;
}

static char *left_text(const vt_pline *pl, size_t le)
{
    return without_specks(pl, le);
}

static bool has_digit(const char *s)
{
    for (; *s; s++)
        if (isdigit((unsigned char)*s))
            return true;
    return false;
}

/* Does a header line begin the name of a body, rather than continue the
 * line above ("SỞ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH")? */
static bool starts_organ(const vt_lexicon *lex, const char *prev, const char *fold)
{
    if (prev) {
        size_t pn = strlen(prev);
        while (pn && (prev[pn - 1] == ' '))
            pn--;
        if (pn && (prev[pn - 1] == ',' || prev[pn - 1] == '-' ||
                   (pn >= 3 && strcmp(prev + pn - 3, " va") == 0)))
            return false;
        char *joined = vt_xasprintf("%.*s %s", (int)pn, prev, fold);
        size_t jn = strlen(joined);
        bool cont = false;
        for (size_t i = 0; i < lex->organs.n && !cont; i++)
            cont = strncmp(lex->organs.v[i].fold, joined, jn) == 0;
        free(joined);
        if (cont)
            return false;
    }
    size_t w = strcspn(fold, " ");
    for (size_t i = 0; i < lex->organs.n; i++) {
        const char *of = lex->organs.v[i].fold;
        if (strncmp(of, fold, w) == 0 && (of[w] == ' ' || of[w] == '\0'))
            return true;
    }
    for (size_t i = 0; i < lex->abbreviations.n; i++) {
        const vt_lex_entry *a = &lex->abbreviations.v[i];
        if (strlen(a->fold) == w && memcmp(a->fold, fold, w) == 0 && a->extra) {
            char *x = vt_text_fold(a->extra);
            size_t xw = strcspn(x, " ");
            bool org = false;
            for (size_t k = 0; k < lex->organs.n && !org; k++)
                org = strncmp(lex->organs.v[k].fold, x, xw) == 0;
            free(x);
            if (org)
                return true;
        }
    }
    return false;
}

/* The fold of a header word as a body's name spells it: an abbreviation
 * of one expanded ("ubnd" -> "uy ban nhan dan"), else itself. */
static char *expand_word(const vt_lexicon *lex, const char *w)
{
    for (size_t i = 0; i < lex->abbreviations.n; i++) {
        const vt_lex_entry *a = &lex->abbreviations.v[i];
        if (a->extra && strcmp(a->fold, w) == 0)
            return vt_text_fold(a->extra);
    }
    return vt_xstrdup(w);
}

/* Words w[from..to) joined by spaces. */
static char *words_joined(char *const *w, size_t from, size_t to)
{
    char *acc = vt_xstrdup(w[from]);
    for (size_t j = from + 1; j < to; j++) {
        char *r = vt_xasprintf("%s %s", acc, w[j]);
        free(acc);
        acc = r;
    }
    return acc;
}

/* Does an organs.txt entry begin with (or equal) this fold? */
static bool organ_head(const vt_lexicon *lex, const char *fold, bool whole)
{
    size_t n = strlen(fold);
    for (size_t i = 0; i < lex->organs.n; i++) {
        const char *of = lex->organs.v[i].fold;
        if (strncmp(of, fold, n) == 0 && (!whole || of[n] == '\0'))
            return true;
    }
    return false;
}

/* OCR may lose the spaces of a name in capitals ("CUCTHUE"): a first word
 * spelling a listed body without its spaces is that body's name; the
 * text with it spelt out ("Cục Thuế"), NULL when it is none. */
static char *glued_organ(const vt_lexicon *lex, const char *text)
{
    const char *rest = text + strcspn(text, " ");
    char *w = vt_xstrndup(text, (size_t)(rest - text));
    char *wf = vt_text_fold(w);
    free(w);
    char *out = NULL;
    if (strlen(wf) >= 5 && !organ_head(lex, wf, false))
        for (size_t i = 0; i < lex->organs.n && !out; i++) {
            const char *of = lex->organs.v[i].fold, *a = wf;
            if (!strchr(of, ' '))
                continue;
            while (*of && (*of == ' ' || *of == *a))
                a += *of++ != ' ';
            if (!*of && !*a)
                out = vt_xasprintf("%s%s", lex->organs.v[i].form, rest);
        }
    free(wf);
    return out;
}

/* Does the fold spell a listed body's whole name, as printed or with a
 * letter OCR damaged ("BQ TÀI CHÍNH" for BỘ)?  Damage keeps the words and
 * their lengths; a name of one word must be exact (one letter is too much
 * of it), and so must a name cut short ("... THÀNH PHỐ HỒ"). */
static bool listed_organ(const vt_lexicon *lex, const char *fold)
{
    if (organ_head(lex, fold, true))
        return true;
    size_t n = strlen(fold);
    if (!strchr(fold, ' '))
        return false;
    for (size_t i = 0; i < lex->organs.n; i++) {
        const char *of = lex->organs.v[i].fold;
        if (strlen(of) != n)
            continue;
        bool words_align = true;
        for (size_t k = 0; k < n && words_align; k++)
            words_align = (of[k] == ' ') == (fold[k] == ' ');
        if (words_align && vt_fuzzy_cost_within(fold, n, of, 0.12) <= 0.12)
            return true;
    }
    return false;
}

/* The left column flattened onto one line names two bodies ("BỘ TÀI CHÍNH
 * CỤC THUẾ", "UBND TỈNH NINH BÌNH SỞ Y TẾ"): the number of words of the
 * first, 0 when the line names one.  The first is a listed body, or one
 * followed by an administrative unit and its place; the second begins a
 * body.  A place places.txt knows decides between several cuts. */
static size_t organ_break(const vt_lexicon *lex, const char *fold)
{
    if (organ_head(lex, fold, false))
        return 0; /* one listed name, "VĂN PHÒNG CHÍNH PHỦ" */
    char *w[24];
    size_t nw = 0;
    const char *p = fold;
    char *word;
    while (nw < 24 && (word = vt_next_word(&p)))
        w[nw++] = word;
    size_t best = 0;
    bool best_known = false;
    char *head = nw ? expand_word(lex, w[0]) : NULL;
    for (size_t k = 1; k < nw && !best_known; k++) {
        char *rest = words_joined(w, k, nw);
        bool second = !vt_admin_unit_start(rest) && starts_organ(lex, NULL, rest);
        free(rest);
        if (second) {
            /* The first part: a listed body, or a body, a unit and a place. */
            bool first = listed_organ(lex, head);
            bool known = false;
            char *acc = expand_word(lex, w[0]);
            for (size_t u = 1; u < k && !first; u++) {
                char *tail = words_joined(w, u, k);
                if (vt_admin_unit_start(tail) && organ_head(lex, acc, false)) {
                    first = true;
                    const char *space = strchr(tail, ' ');
                    const char *place = space ? space + 1 : NULL;
                    for (size_t q = 0; q < 2 && place; q++) {
                        known |= vt_lex_match(&lex->places, place, strlen(place), 0, NULL) != NULL;
                        place = strchr(place, ' ');
                        place = place ? place + 1 : NULL;
                    }
                }
                char *a = vt_xasprintf("%s %s", acc, w[u]);
                free(acc);
                acc = a;
                free(tail);
            }
            free(acc);
            /* After an unknown place the second body must begin as a
             * listed one does ("CHI" of "HỒ CHÍ MINH" begins none), in
             * two words at least: a last word alone ends the place ("BẾN
             * THÀNH", though Thành ủy is a body). */
            if (first && !known && !listed_organ(lex, head)) {
                char *two = k + 1 < nw ? vt_xasprintf("%s %s", w[k], w[k + 1]) : NULL;
                first = two && organ_head(lex, two, false);
                free(two);
            }
            if (first && (best == 0 || known)) {
                best = k;
                best_known = known;
            }
        }
        char *h = vt_xasprintf("%s %s", head, w[k]);
        free(head);
        head = h;
    }
    free(head);
    for (size_t i = 0; i < nw; i++)
        free(w[i]);
    return best;
}

/* A name in capitals has no full stop inside but an abbreviation's
 * ("TP. HỒ CHÍ MINH"): one after a word that is a syllable is a speck OCR
 * read ("TỈNH QUẢNG. NINH").  Takes text, returns it mended. */
static char *without_stray_stops(char *text)
{
    if (!vt_text_is_upper(text))
        return text;
    for (char *dot = strchr(text, '.'); dot; dot = strchr(dot + 1, '.')) {
        if (dot[1] != ' ' || !dot[2])
            continue;
        char *w = dot;
        while (w > text && w[-1] != ' ')
            w--;
        char *word = vt_xstrndup(w, (size_t)(dot - w));
        char *f = vt_text_fold(word);
        bool speck = strlen(f) >= 3 && strspn(f, "abcdefghijklmnopqrstuvwxyz") == strlen(f) &&
                     vt_syllable_valid(f, VT_SYLLABLE_INVENTORY);
        free(word);
        free(f);
        if (speck)
            memmove(dot, dot + 1, strlen(dot));
    }
    return text;
}

/* Whether s[0, n) is one letter in small case. */
static bool small_letter(const char *s, size_t n)
{
    uint32_t cp;
    return n > 0 && (size_t)vt_utf8_dec(s, n, &cp) == n && vt_cp_is_alpha(cp) &&
           vt_case_of(s, n) == VT_CASE_LOWER;
}

/* A name in capitals has no word of one small letter: one first or last
 * on a line of capitals is a speck or a pen's stroke OCR read as a letter
 * ("í TỈNH LẠNG SƠN").  Takes text, returns it mended. */
static char *without_stray_letters(char *text)
{
    size_t n = strlen(text), first = strcspn(text, " ");
    const char *last = strrchr(text, ' ');
    size_t a = first < n && small_letter(text, first) ? first + 1 : 0;
    size_t b = last && small_letter(last + 1, strlen(last + 1)) ? (size_t)(last - text) : n;
    if (a == 0 && b == n)
        return text;
    char *rest = vt_xstrndup(text + a, b > a ? b - a : 0);
    if (!vt_text_is_upper(rest) || !strchr(rest, ' ')) {
        free(rest);
        return text;
    }
    free(text);
    return rest;
}

/* The rule printed under a name in capitals stands level with the motto,
 * and English-model OCR reads it as a few letters left of the motto, all
 * small ("oe", "wa nnen nn"): a name's next line in capitals has a capital,
 * so such a left part of the motto's line is the rule, no part of the name. */
static bool rule_beside_motto(const vt_pline *pl, const char *left, const char *above)
{
    return above && vt_text_is_upper(above) && motto_start(pl) < pl->flen &&
           vt_case_of(left, strlen(left)) == VT_CASE_LOWER;
}

/* The fold of s without its spaces, newly allocated. */
static char *fold_unspaced(const char *s)
{
    char *f = vt_text_fold(s);
    size_t o = 0;
    for (size_t i = 0; f[i]; i++)
        if (f[i] != ' ')
            f[o++] = f[i];
    f[o] = '\0';
    return f;
}

/* OCR may read a name in capitals twice, the second time with spaces lost
 * ("BỘ KEHOACH VADAUTU" under "BỘ KẾ HOẠCH VÀ ĐẦU TƯ"): a line spelling the
 * name above it but for its spaces is that name again, no body of its own. */
static bool read_twice(const char *above, const char *line)
{
    char *a = fold_unspaced(above), *l = fold_unspaced(line);
    bool same = strchr(above, ' ') && strcmp(a, l) == 0;
    free(a);
    free(l);
    return same;
}

typedef struct group {
    char *raw;
    size_t from, to;
} group;

/* A rule printed under the header that OCR read as a run of dashes and
 * equals signs with letters among them ("——=—m=—=s=—rene=e"): its signs
 * outnumber its letters, which no line of a body's name has. */
static bool read_rule(const char *s)
{
    size_t signs = 0, letters = 0, n = strlen(s);
    uint32_t cp;
    for (size_t i = 0; i < n;) {
        i += (size_t)vt_utf8_dec(s + i, n - i, &cp);
        if (cp == '-' || cp == '=' || cp == '~' || cp == '_' || cp == 0x2013 || cp == 0x2014 ||
            cp == 0x2212)
            signs++;
        else if (vt_cp_is_alpha(cp))
            letters++;
    }
    return signs > letters;
}

/* The issuer: the left column's lines above `end`.  Unanchored (no
 * number, date or type name found: a page after the first) only lines
 * that name a body count, and never Nơi nhận or the signer's block. */
static bool parse_issuer(vt_pctx *cx, const size_t *split, size_t end, bool anchored)
{
    group g[8];
    size_t ng = 0;
    bool any_organ = false, left_column = false;
    /* Six lines up, not counting the blank lines OCR puts between
     * paragraphs. */
    size_t from = end;
    for (size_t seen = 0; from > 0 && seen < 6; from--)
        seen += !blank_line(&cx->lines[from - 1]);
    for (size_t i = from; i < end; i++)
        left_column |= cx->lines[i].role == VT_ROLE_HEADER_LEFT;
    for (size_t i = from; i < end; i++) {
        const vt_pline *pl = &cx->lines[i];
        /* Where the page has a left column, what sits above it (an
         * e-signature overlay, a stamp) is no part of the issuer. */
        if (pl->role == VT_ROLE_HEADER_RIGHT || pl->role == VT_ROLE_FOOTER_LEFT ||
            pl->role == VT_ROLE_FOOTER_RIGHT ||
            (left_column && pl->role != VT_ROLE_HEADER_LEFT) || !has_alnum(pl->fold, 0, split[i]))
            continue;
        char *line = without_stray_letters(without_stray_stops(left_text(pl, split[i])));
        char *lf = vt_text_fold(line);
        /* A rule under the name reads as a mark or a lone letter. */
        size_t letters = 0;
        for (const char *c = lf; *c; c++)
            letters += isalpha((unsigned char)*c) != 0;
        size_t cut = organ_break(cx->lex, lf);
        size_t words = 1;
        for (const char *c = lf; *c; c++)
            words += *c == ' ';
        free(lf);
        /* With nothing to anchor the header, a long line is the body's
         * sentence, however it begins ("Tổng cục Thuế nhận được ..."). */
        /* The star under a party body's name reads as a short word in
         * small letters ("ok"), which no line of a name in capitals is. */
        bool star = words == 1 && letters <= 2 && ng > 0 && !vt_text_is_upper(line) &&
                    vt_text_is_upper(g[ng - 1].raw);
        if (letters < 2 || star || read_rule(line) ||
            rule_beside_motto(pl, line, ng > 0 ? g[ng - 1].raw : NULL) ||
            (ng > 0 && read_twice(g[ng - 1].raw, line)) || vt_is_mark(line) || (!anchored && words > 12)) {
            free(line);
            continue;
        }
        /* Two bodies on one line are taken one after the other. */
        char *parts[2] = {line, NULL};
        if (cut) {
            const char *q = line;
            for (size_t k = 0; k < cut; k++) {
                while (*q == ' ')
                    q++;
                q += strcspn(q, " ");
            }
            parts[0] = vt_xstrndup(line, (size_t)(q - line));
            parts[1] = vt_xstrdup(q + strspn(q, " "));
            free(line);
        }
        for (size_t part = 0; part < 2 && parts[part]; part++) {
            char *t = parts[part], *spelt = glued_organ(cx->lex, t);
            if (spelt) {
                free(t);
                t = spelt;
            }
            char *f = vt_text_fold(t);
            char *pf = ng > 0 ? vt_text_fold(g[ng - 1].raw) : NULL;
            bool org = !vt_admin_unit_start(f) && starts_organ(cx->lex, pf, f);
            free(pf);
            any_organ |= org;
            if (ng > 0 && !org) {
                char *j = vt_xasprintf("%s %s", g[ng - 1].raw, t);
                free(g[ng - 1].raw);
                g[ng - 1].raw = j;
                g[ng - 1].to = i;
            } else if (ng < 8) {
                g[ng++] = (group){vt_xstrdup(t), i, i};
            }
            free(f);
            free(t);
        }
    }
    if (ng == 0 || (!anchored && !any_organ)) {
        for (size_t i = 0; i < ng; i++)
            free(g[i].raw);
        return false;
    }
    group *is = &g[ng - 1];
    double conf = any_organ ? VT_CONF_ISSUER_LISTED : VT_CONF_ISSUER_UNLISTED;
    char *name = vt_organ_case(cx->lex, is->raw);
    json_object_set_new(cx->meta, "issuer", vt_field(cx, "name", name, is->raw, conf, is->from, is->to));
    cx->issuer_name = name;
    if (ng >= 2) {
        group *pa = &g[ng - 2];
        char *pn = vt_organ_case(cx->lex, pa->raw);
        json_object_set_new(cx->meta, "issuer_parent",
                            vt_field(cx, "name", pn, pa->raw, conf, pa->from, pa->to));
        free(pn);
    }
    for (size_t i = 0; i < ng; i++)
        free(g[i].raw);
    return true;
}

/* The longest place of the lexicon the issuer's name or its parent's
 * holds ("Ủy ban nhân dân tỉnh Gia Lai", "UBND TỈNH" over "SỞ Y TẾ"),
 * NULL when none. */
static const vt_lex_entry *issuer_place(const vt_pctx *cx)
{
    static const char *const fields[] = {"issuer", "issuer_parent"};
    const vt_lex_entry *best = NULL;
    for (size_t i = 0; i < 2; i++) {
        const char *name = json_string_value(
            json_object_get(json_object_get(cx->meta, fields[i]), "name"));
        char *f = name ? vt_text_fold(name) : NULL;
        for (size_t k = 0; f && k < cx->lex->places.n; k++) {
            const vt_lex_entry *e = &cx->lex->places.v[k];
            if ((!best || strlen(e->fold) > strlen(best->fold)) && vt_fold_holds(f, e->fold))
                best = e;
        }
        free(f);
    }
    return best;
}

/* How far OCR may have damaged the place of issue (vt_fuzzy_cost, per
 * letter of the place) and it still be taken for the issuer's: two of
 * eight letters misread or lost, no more. */
#define PLACE_DAMAGE 0.3

/* Whether the read place (folded, n bytes) ends like the place `p`,
 * within PLACE_DAMAGE. */
static bool damaged_place(const char *f, size_t n, const char *p)
{
    size_t s, end;
    return vt_fuzzy_find(f, n, 0, p, PLACE_DAMAGE, &s, &end, NULL) && !has_alnum(f, end, n);
}

/* The place of the lexicon a damaged place reads close to and the page
 * names elsewhere as printed ("Lầo Cal" for the "tỉnh Lào Cai" of the
 * body): a body names its own province in its text more often than not,
 * and OCR seldom damages every line alike.  NULL when no such place, or
 * two of one length (nothing tells them apart). */
static const vt_lex_entry *page_named_place(const vt_pctx *cx, const char *f, size_t n)
{
    const vt_lex_entry *best = NULL;
    bool tie = false;
    for (size_t k = 0; k < cx->lex->places.n; k++) {
        const vt_lex_entry *e = &cx->lex->places.v[k];
        size_t m = strlen(e->fold);
        if ((best && m < strlen(best->fold)) || !damaged_place(f, n, e->fold))
            continue;
        bool named = false;
        for (size_t i = 0; i < cx->n && !named; i++)
            named = vt_fold_holds(cx->lines[i].fold, e->fold);
        if (!named)
            continue;
        tie = best && m == strlen(best->fold);
        best = e;
    }
    return tie ? NULL : best;
}

/* The place of issue as the issuer's name spells it, when OCR damaged it
 * ("Gía Lal", "Xã, ) Gịa Lal") into no place the lexicon knows: a body
 * dates its dispatch where it sits, and its name or its parent's names
 * that place.  The place read must end like that one, within
 * PLACE_DAMAGE; a place the lexicon knows stays as read.  Where neither
 * name holds a place that close (a Sở's name holds none, and OCR may
 * damage its parent's line too), the place the page's text names is
 * taken (page_named_place). */
static void place_of_issuer(vt_pctx *cx)
{
    json_t *field = json_object_get(cx->meta, "place");
    const char *read = json_string_value(json_object_get(field, "value"));
    if (!read)
        return;
    char *f = vt_text_fold(read);
    size_t n = strlen(f);
    bool known = false;
    for (size_t k = 0; k < cx->lex->places.n && !known; k++) {
        const char *p = cx->lex->places.v[k].fold;
        size_t m = strlen(p);
        known = m <= n && strcmp(f + n - m, p) == 0 && (m == n || f[n - m - 1] == ' ');
    }
    const vt_lex_entry *e = NULL;
    if (!known) {
        e = issuer_place(cx);
        if (!e || !damaged_place(f, n, e->fold))
            e = page_named_place(cx, f, n); /* close to f, or NULL */
    }
    if (e) {
        json_object_set_new(field, "value", json_string(e->form));
        json_object_set_new(field, "repaired", json_true());
        json_object_set_new(field, "confidence", json_real(VT_CONF_PLACE_ISSUER));
    }
    free(f);
}

/* Initials of a body's name as ký hiệu spell it: "Sở Giáo dục và Đào tạo"
 * -> "SGDĐT", "Ban Chỉ đạo về Đô thị" -> "BCĐĐT" (each syllable's first
 * letter, the linking words "và" and "về" left out). */
static char *initials(const char *name)
{
    char *up = vt_xstrdup(name);
    size_t n = strlen(up), o = 0;
    char *out = vt_xmalloc(n + 1);
    const char *p = up;
    char *w;
    while ((w = vt_next_word(&p))) {
        char *f = vt_text_fold(w);
        if (strcmp(f, "va") != 0 && strcmp(f, "ve") != 0 && isalpha((unsigned char)f[0])) {
            /* First code point of the word, in capitals. */
            size_t k = 1;
            while (w[k] && ((unsigned char)w[k] & 0xC0) == 0x80)
                k++;
            char *first = vt_xstrndup(w, k);
            char *cap = vt_text_upper_first(first);
            memcpy(out + o, cap, strlen(cap));
            o += strlen(cap);
            free(first);
            free(cap);
        }
        free(w);
        free(f);
    }
    out[o] = '\0';
    free(up);
    return out;
}

/* Is `seg` (as printed, no Đ) what English-model OCR makes of `form`
 * (a spelling with Đ)?  Each Đ reads as D, P or B, or as two letters
 * ("NDB" for NĐ, "TTDBT" for TTĐT: the bar read as a letter of its own);
 * the other letters are the same, case aside. */
static bool d_reading(const char *form, const char *seg)
{
    if (!*form)
        return !*seg;
    if ((unsigned char)form[0] == 0xc4 && (unsigned char)form[1] == 0x90) {
        static const char *const readings[] = {"D", "P", "B", "DB", "BD", "PD", "DP", "BB"};
        for (size_t k = 0; k < sizeof readings / sizeof *readings; k++) {
            size_t n = strlen(readings[k]);
            if (strncasecmp(seg, readings[k], n) == 0 && d_reading(form + 2, seg + n))
                return true;
        }
        return false;
    }
    return *seg && tolower((unsigned char)*form) == tolower((unsigned char)*seg) &&
           d_reading(form + 1, seg + 1);
}

bool vt_known_code(const vt_lexicon *lex, const char *seg)
{
    for (size_t i = 0; i < lex->abbreviations.n; i++)
        if (strcmp(lex->abbreviations.v[i].form, seg) == 0)
            return true;
    for (size_t i = 0; i < lex->doc_types.n; i++)
        if (lex->doc_types.v[i].extra && strcmp(lex->doc_types.v[i].extra, seg) == 0)
            return true;
    return vt_code_printed(lex, seg);
}

/* The digit a character of a term is as OCR reads it: a 1 as I, l or |,
 * a 5 as S, a 0 as O. */
static char term_digit(char c)
{
    const char *at = strchr("Il|SO", c);
    return at ? "11150"[at - "Il|SO"] : c;
}

/* The code of the Quốc hội or one of its organs with the term it serves
 * (QH14, UBTVQH15): the term has two digits, and OCR reads a 1 of it as I
 * or l, or reads it twice ("I1"), more so under a seal, and a 5 after a
 * digit as S ("QH1S").  The segment with its term repaired when its
 * capitals, less such a reading, are a known code ending in QH; NULL
 * otherwise. */
static char *term_code(const vt_lexicon *lex, const char *seg)
{
    size_t caps = 0;
    while (isupper((unsigned char)seg[caps]))
        caps++;
    const char *tail = seg + caps;
    if (!*tail || tail[strspn(tail, "0123456789Il|SO")])
        return NULL;
    for (size_t cut = caps; cut >= 2; cut--) {
        char term[8];
        size_t n = 0;
        for (const char *c = seg + cut; *c && n < sizeof term - 1; c++)
            term[n++] = term_digit(*c);
        term[n] = '\0';
        /* A 1 read twice: the I or l before it is dropped. */
        if (n == 3 && !isdigit((unsigned char)seg[cut]) && seg[cut + 1] == '1')
            memmove(term, term + 1, n--);
        char *base = vt_xstrndup(seg, cut);
        bool known = n == 2 && strcmp(seg + cut, term) != 0 && strcmp(base + cut - 2, "QH") == 0 &&
                     vt_known_code(lex, base);
        char *fixed = known ? vt_xasprintf("%s%s", base, term) : NULL;
        free(base);
        if (fixed)
            return fixed;
        if (seg[cut - 1] != 'I')
            break; /* only an I of the capitals may be the term's */
    }
    return NULL;
}

/* The type's abbreviation a segment is with one letter OCR read twice
 * ("QĐĐ", "NQQ"), as under a seal's edge: dropping one of two like
 * letters side by side leaves the abbreviation of a known type; NULL
 * otherwise.  Three like letters ("TTT") may hide another letter read as
 * them (TTr) as well as one read twice (TT): no repair. */
static const char *undoubled_type(const vt_lexicon *lex, const char *seg)
{
    size_t n = strlen(seg);
    for (size_t i = 0; i < n;) {
        size_t c = (unsigned char)seg[i] >= 0xC0 ? 2 : 1;
        bool pair = i + 2 * c <= n && memcmp(seg + i, seg + i + c, c) == 0 &&
                    !(i + 3 * c <= n && memcmp(seg + i, seg + i + 2 * c, c) == 0) &&
                    !(i >= c && memcmp(seg + i - c, seg + i, c) == 0);
        if (pair) {
            char *one = vt_xasprintf("%.*s%s", (int)(i + c), seg, seg + i + 2 * c);
            const char *found = NULL;
            for (size_t k = 0; k < lex->doc_types.n && !found; k++)
                if (lex->doc_types.v[k].extra && strcmp(lex->doc_types.v[k].extra, one) == 0)
                    found = lex->doc_types.v[k].extra;
            free(one);
            if (found)
                return found;
        }
        i += c;
    }
    return NULL;
}

char *vt_repair_notation(const vt_pctx *cx, const char *notation, const char *type_abbr)
{
    char *ini = cx->issuer_name ? initials(cx->issuer_name) : NULL;
    size_t n = strlen(notation);
    char *out = vt_xmalloc(n * 2 + 8);
    size_t o = 0;
    const char *p = notation;
    bool type_seen = false; /* the first segment with a letter names the type */
    while (*p) {
        size_t k = strcspn(p, "-/");
        char *seg = vt_xstrndup(p, k);
        const char *fix = NULL;
        char *term = term_code(cx->lex, seg);
        bool type_seg = !type_seen && seg[strspn(seg, "0123456789")];
        type_seen |= type_seg;
        bool known = vt_known_code(cx->lex, seg);
        if (term)
            fix = term;
        else if (type_seg && cx->d_lost && type_abbr && strstr(type_abbr, "Đ") &&
                 d_reading(type_abbr, seg))
            /* The type named by its name spells its abbreviation, in a
             * text that lost its Đ: DA after "Đề án" is ĐA, though Dự
             * án's DA is a code too. */
            fix = type_abbr;
        else if (type_seg && !known)
            fix = undoubled_type(cx->lex, seg);
        if (!fix && !strstr(seg, "Đ") && !known) { /* an Đ may be lost */
            const char *cands[2] = {ini, type_abbr};
            for (size_t c = 0; c < 2 && !fix; c++) {
                /* Only a spelling with Đ can restore one the OCR lost. */
                if (cands[c] && strstr(cands[c], "Đ") && d_reading(cands[c], seg))
                    fix = cands[c];
            }
            for (size_t i = 0; i < cx->lex->doc_types.n && !fix; i++) {
                const vt_lex_entry *t = &cx->lex->doc_types.v[i];
                if (t->extra && strstr(t->extra, "Đ") && d_reading(t->extra, seg))
                    fix = t->extra;
            }
            /* An abbreviation with Đ is one reading among others the
             * corpus's codes weigh ("BVT": ĐVT, or BYT with its Y read
             * as V, printed far more often). */
            bool weighed = !fix && vt_code_part_misread(cx->lex, seg);
            for (size_t i = 0; i < cx->lex->abbreviations.n && !fix && !weighed; i++) {
                const vt_lex_entry *a = &cx->lex->abbreviations.v[i];
                if (strstr(a->form, "Đ") && vt_text_is_upper(a->form) && d_reading(a->form, seg))
                    fix = a->form;
            }
        }
        const char *use = fix ? fix : seg;
        memcpy(out + o, use, strlen(use));
        o += strlen(use);
        if (p[k])
            out[o++] = p[k++];
        while (p[k] && p[k] == p[k - 1]) /* a separator read twice ("TTr--BC") */
            k++;
        out[o] = '\0';
        p += k;
        free(seg);
        free(term);
        out = vt_xrealloc(out, o + n * 2 + 8);
    }
    out[o] = '\0';
    free(ini);
    char *coded = vt_codes_repaired(cx->lex, out);
    free(out);
    if (!cx->d_lost)
        return coded;
    char *with_d = vt_codes_d_restored(cx->lex, coded);
    free(coded);
    return with_d;
}

/* The one abbreviation in capitals with Đ that a printed word in capitals
 * without it is an OCR reading of (d_reading), NULL when none or several. */
static const char *d_abbreviation(const vt_lexicon *lex, const char *word)
{
    const char *found = NULL;
    for (size_t i = 0; i < lex->abbreviations.n; i++) {
        const char *form = lex->abbreviations.v[i].form;
        if (!strstr(form, "Đ") || !vt_text_is_upper(form) || !d_reading(form, word))
            continue;
        if (found && strcmp(found, form) != 0)
            return NULL;
        found = form;
    }
    return found;
}

/* A code whose parts '&' joins, as `fix` makes them when it makes
 * nothing of the whole: each part of three capitals or more on its own
 * ("DBQH&HPND" -> "ĐBQH&HĐND"); a part of two is too short to tell a
 * reading of an abbreviation from a code of its own ("PT" of "PT&TH" is
 * no "ĐT").  NULL when no part changes. */
static char *joined_parts_fixed(const char *word, char *(*fix)(const void *arg, const char *word),
                                const void *arg)
{
    enum { PART_LEAST = 3 };
    char *out = vt_xstrdup("");
    bool changed = false;
    for (const char *p = word; *p;) {
        size_t len = strcspn(p, "&");
        char *part = vt_xstrndup(p, len);
        char *fixed = len >= PART_LEAST ? fix(arg, part) : NULL;
        char *joined = vt_xasprintf("%s%s%s", out, p == word ? "" : "&", fixed ? fixed : part);
        changed = changed || fixed;
        free(out);
        free(fixed);
        free(part);
        out = joined;
        p += len + (p[len] == '&');
    }
    if (!changed) {
        free(out);
        return NULL;
    }
    return out;
}

/* What `fix` makes of the run of k capitals at `run` (NULL for nothing):
 * of the whole word when it starts one, or else of a joined code's parts;
 * a run glued to a letter with marks before it ("ĐBQH&HDPND", its
 * "BQH...") is no word, but the parts after its '&' are. */
static char *run_fixed(const char *run, size_t k, bool starts,
                       char *(*fix)(const void *arg, const char *word), const void *arg)
{
    const char *amp = memchr(run, '&', k);
    if (!starts) {
        if (!amp)
            return NULL;
        char *rest = vt_xstrndup(amp + 1, k - (size_t)(amp + 1 - run));
        char *fixed = joined_parts_fixed(rest, fix, arg);
        char *out = fixed ? vt_xasprintf("%.*s&%s", (int)(amp - run), run, fixed) : NULL;
        free(fixed);
        free(rest);
        return out;
    }
    char *word = vt_xstrndup(run, k);
    char *fixed = fix(arg, word);
    if (!fixed && amp)
        fixed = joined_parts_fixed(word, fix, arg);
    free(word);
    return fixed;
}

/* text with each word of at least `least` ASCII capitals standing alone
 * replaced by what `fix` makes of it (a new string, or NULL to keep it).
 * Capitals joined by '&' are one word ("GD&DT"), a code that names two
 * bodies together: the whole of it is fixed, or else its longer parts
 * (joined_parts_fixed).  Newly allocated. */
static char *capital_words_fixed(const char *text, size_t least,
                                 char *(*fix)(const void *arg, const char *word), const void *arg)
{
    size_t n = strlen(text), o = 0, cap = n * 2 + 1;
    char *out = vt_xmalloc(cap);
    for (size_t i = 0; i < n;) {
        size_t k = 0;
        while (isupper((unsigned char)text[i + k]) ||
               (k && text[i + k] == '&' && isupper((unsigned char)text[i + k + 1])))
            k++;
        bool starts = i == 0 || (!isalnum((unsigned char)text[i - 1]) && (unsigned char)text[i - 1] < 0x80);
        bool ends = !isalnum((unsigned char)text[i + k]) && (unsigned char)text[i + k] < 0x80;
        char *fixed = k >= least && ends ? run_fixed(text + i, k, starts, fix, arg) : NULL;
        const char *put = fixed ? fixed : text + i;
        size_t step = fixed ? strlen(fixed) : k ? k : 1;
        if (o + step + (n - i) + 1 > cap) {
            cap = (o + step + (n - i) + 1) * 2;
            out = vt_xrealloc(out, cap);
        }
        memcpy(out + o, put, step);
        o += step;
        i += k ? k : 1;
        free(fixed);
    }
    out[o] = '\0';
    return out;
}

static char *d_abbreviation_fix(const void *arg, const char *word)
{
    const vt_lexicon *lex = arg;
    const char *fix = vt_known_code(lex, word) ? NULL : d_abbreviation(lex, word);
    return fix ? vt_xstrdup(fix) : NULL;
}

char *vt_repair_capitals(const vt_lexicon *lex, const char *text)
{
    char *out = capital_words_fixed(text, 2, d_abbreviation_fix, lex);
    char *coded = vt_code_words_repaired(lex, out);
    free(out);
    return coded;
}

/* The part of the ký hiệu `arg` with Đ that `word` is a reading of. */
static char *notation_part_fix(const void *arg, const char *word)
{
    for (const char *p = arg; *p;) {
        size_t sl = strcspn(p, "-/");
        char *seg = vt_xstrndup(p, sl);
        if (strstr(seg, "Đ") && d_reading(seg, word))
            return seg;
        free(seg);
        p += sl + (p[sl] != '\0');
    }
    return NULL;
}

char *vt_number_codes_repaired(const vt_pctx *cx, const char *text)
{
    json_t *num = json_object_get(cx->meta, "number");
    const char *notation = json_string_value(json_object_get(num, "code_notation"));
    if (!notation || !strstr(notation, "Đ"))
        return vt_xstrdup(text);
    /* Three letters at least: a shorter part ("QĐ", "ĐU") is too short
     * to tell a reading of it from another code. */
    return capital_words_fixed(text, 3, notation_part_fix, notation);
}

typedef struct number {
    size_t cue_line, line; /* the number may open the line under its cue */
    char *code_number, *notation, *raw;
    double conf;
    bool handwritten;
} number;

/* Where the printed notation begins after a number written by hand or
 * stamped ("Số: 4§7 /TB-UBND", "Số:3833_ /QĐ-UBND"): the first separator
 * followed by two capitals.  -1 when there is none. */
static long printed_notation(const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        if (text[i] != '/' && text[i] != '-')
            continue;
        size_t k = i + 1;
        while (k < to && text[k] == ' ')
            k++;
        int caps = 0;
        while (k < to && caps < 2) {
            if (isupper((unsigned char)text[k])) {
                k++;
            } else if ((unsigned char)text[k] == 0xc4 && k + 1 < to &&
                       (unsigned char)text[k + 1] == 0x90) {
                k += 2; /* Đ */
            } else {
                break;
            }
            caps++;
        }
        if (caps == 2)
            return (long)i;
    }
    return -1;
}

/* A word of a ký hiệu: "/TB", or capitals on both sides of a dash
 * ("BCT-ATMT"). */
static bool notation_like(const vt_pline *pl)
{
    const char *t = pl->text;
    for (size_t i = 0; i + 2 < pl->len; i++) {
        if (t[i] == '/' && printed_notation(t, i, pl->len) == (long)i)
            return true;
        if (t[i] == '-' && i >= 2 && isupper((unsigned char)t[i - 1]) &&
            isupper((unsigned char)t[i - 2]) && isupper((unsigned char)t[i + 1]) &&
            isupper((unsigned char)t[i + 2]))
            return true;
    }
    return false;
}

/* The "Số" cue of the header is capitalised (or damaged: "86:09"); "số"
 * in a sentence cites. */
/* The end of a speck of ink OCR read as a character of its own before a
 * line ("l Số: 12/QĐ-UBND", "' Số:", "| 1 Số"): leading marks and one
 * character standing alone, then the space after it; 0 when the line opens
 * with a word. */
size_t vt_stray_mark_end(const char *t, size_t len)
{
    size_t at = 0;
    while (at < len && !isalnum((unsigned char)t[at]) && !((unsigned char)t[at] & 0x80))
        at++;
    size_t word = at;
    while (word < len && isalnum((unsigned char)t[word]))
        word++;
    if (word - at != 1 || word >= len || !isspace((unsigned char)t[word]))
        return at;
    while (word < len && isspace((unsigned char)t[word]))
        word++;
    return word < len ? word : at;
}

static bool capital_cue(const vt_pline *pl)
{
    const char *t = pl->text + vt_stray_mark_end(pl->text, strlen(pl->text));
    while (*t && !isalnum((unsigned char)*t))
        t++;
    return !islower((unsigned char)*t);
}

/* OCR's shapes of the cue's two letters that fuzzy matching would refuse
 * ("S6", "SL", "S06", "Sé"): an S and one or two more characters, closed
 * by a colon or a space. */
static const char loose_cue_pattern[] = "\\Gs[a-z0-9@]{1,2}(?=[:;.]|\\s|$)";

/* The end (fold offset) of the "Số" cue opening a left column, or -1;
 * *loose when only its OCR shape matched.  A type name may go before it
 * ("Nghị quyết số: 24/2022/UBTVQH15"). */
static long number_cue(const vt_pctx *cx, const vt_pline *pl, size_t le, vt_rx *loose_rx,
                       double *cost, bool *loose)
{
    size_t at = vt_stray_mark_end(pl->fold, le), tend;
    while (at < le && !isalnum((unsigned char)pl->fold[at]))
        at++;
    if (vt_lex_prefix(&cx->lex->doc_types, pl->fold, le, at, &tend))
        at = tend;
    *loose = false;
    long e = vt_fuzzy_prefix(pl->fold, le, at, "so", CUE_COST, cost);
    /* Ending inside a word ("S0|6:") the cue is one of OCR's shapes. */
    if (e >= 0 && !((size_t)e < le && isalnum((unsigned char)pl->fold[e]) &&
                    isalnum((unsigned char)pl->fold[e - 1])))
        return e;
    while (at < le && isspace((unsigned char)pl->fold[at]))
        at++;
    if (!vt_rx_find(loose_rx, pl->fold, le, at))
        return -1;
    *loose = true;
    *cost = CUE_COST;
    return vt_rx_end(loose_rx, 0);
}

/* The number after the cue, read from text[from..to): printed digits, or
 * a printed notation after a number written in by hand (*by_hand).  The
 * match is left in *rx. */
static bool read_number(vt_rx *rx, const char *text, size_t from, size_t to, bool *by_hand)
{
    bool matched = vt_rx_find(rx, text, to, from) && vt_rx_start(rx, 0) == (long)from;
    *by_hand = !matched || vt_rx_end(rx, 1) == vt_rx_start(rx, 1);
    if (!*by_hand)
        return true;
    /* No printed digits: the number was written in by hand, and what OCR
     * made of the pen stands between the cue and the notation ("4§7
     * /SCT-QLTM", "6£È/TB-STTTT"): at most three short tokens, none of
     * them a word (a body's name, "SỞ VĂN HÓA - THỂ THAO", is words). */
    long at = printed_notation(text, from, to);
    if (at < 0)
        return false;
    size_t tokens = 0;
    for (size_t k = from; k < (size_t)at;) {
        while (k < (size_t)at && isspace((unsigned char)text[k]))
            k++;
        if (k >= (size_t)at)
            break;
        size_t letters = 0;
        bool other = false;
        while (k < (size_t)at && !isspace((unsigned char)text[k])) {
            uint32_t c;
            k += (size_t)vt_utf8_dec(text + k, (size_t)at - k, &c);
            if (vt_cp_is_alpha(c))
                letters++;
            else
                other = true;
        }
        if (++tokens > 3 || (!other && letters >= 3))
            return false;
    }
    return vt_rx_find(rx, text, to, (size_t)at) && vt_rx_start(rx, 0) == at;
}

/* The number's match in *rx read again from the printed notation that
 * follows the last pen stroke inside its notation (group 3), *by_hand
 * then set; false when the match cannot be read so (no printed notation
 * after the pen: the pen would be all of it).  A notation with no pen in
 * it, or with pen to its end, is left as matched. */
static bool pen_notation_dropped(vt_rx *rx, const vt_pline *nl, size_t to, bool *by_hand)
{
    size_t a = (size_t)vt_rx_start(rx, 3), b = (size_t)vt_rx_end(rx, 3), last = b;
    for (size_t i = a; nl->pen && i < b && i < nl->len; i++)
        if (nl->pen[i] == VT_PEN_MARKS)
            last = i;
    if (last == b || !has_alnum(nl->text, last + 1, b))
        return true;
    long at = printed_notation(nl->text, last + 1, b);
    *by_hand = true;
    return at >= 0 && vt_rx_find(rx, nl->text, to, (size_t)at) && vt_rx_start(rx, 0) == at;
}

static bool parse_number(vt_pctx *cx, const size_t *split, size_t scan, number *num)
{
    vt_rx rx, loose_rx;
    if (!vt_rx_init(&rx, number_pattern, true))
        return false;
    if (!vt_rx_init(&loose_rx, loose_cue_pattern, false)) {
        vt_rx_clear(&rx);
        return false;
    }
    bool found = false;
    for (size_t i = 0; i < scan && !found; i++) {
        const vt_pline *pl = &cx->lines[i];
        size_t le = split[i];
        double c = 0;
        bool loose;
        long e = number_cue(cx, pl, le, &loose_rx, &c, &loose);
        if (e < 0 || !capital_cue(pl))
            continue;
        /* The number follows the cue, or opens the next line of the left
         * column when the cue stands alone ("Số:" / "87/2025/QĐ-UBND"). */
        const vt_pline *nl = pl;
        size_t at = (size_t)e, nx = i;
        if (!has_alnum(pl->fold, at, le)) {
            if (!loose && num->cue_line == cx->n)
                num->cue_line = i; /* a cue alone, whatever follows */
            nx = i + 1;
            while (nx < scan && nx < i + 3 && blank_line(&cx->lines[nx]))
                nx++;
            if (nx >= scan)
                continue;
            nl = &cx->lines[nx];
            at = 0;
            le = split[nx];
        }
        while (at < le && isspace((unsigned char)nl->fold[at]))
            at++;
        bool by_hand;
        if (!read_number(&rx, nl->text, nl->map[at], nl->map[le], &by_hand))
            continue;
        /* Digits OCR took for pen strokes are not read: what the LSTM makes
         * of a hand is no number, however much it looks like one. */
        by_hand |= vt_pline_pen(nl, (size_t)vt_rx_start(&rx, 1), (size_t)vt_rx_end(&rx, 1));
        /* Pen strokes OCR read as a number and a notation ("7⁄61 /KH-UBND",
         * its first word taken for pen) are no part of the notation: it is
         * the printed one after them, the number left by hand.  A notation
         * marked pen to its end is print OCR doubted, read as ever. */
        if (!pen_notation_dropped(&rx, nl, nl->map[le], &by_hand))
            continue;
        /* Digits the digit reader read from the pen are the number, flagged. */
        bool pen_read = !by_hand && vt_pline_pen_digits(nl, (size_t)vt_rx_start(&rx, 1),
                                                        (size_t)vt_rx_end(&rx, 1));
        if ((loose || nl != pl) && by_hand)
            continue;
        char *digits = by_hand ? vt_xstrdup("")
                               : vt_xstrndup(nl->text + vt_rx_start(&rx, 1),
                                             (size_t)(vt_rx_end(&rx, 1) - vt_rx_start(&rx, 1)));
        char *nota = vt_xstrndup(nl->text + vt_rx_start(&rx, 3),
                                 (size_t)(vt_rx_end(&rx, 3) - vt_rx_start(&rx, 3)));
        /* Notation without spaces, a numeral's bar read as I; it must
         * hold a letter. */
        size_t o = 0;
        bool letter = false;
        for (size_t k = 0; nota[k]; k++) {
            char as;
            size_t glyph = nota_glyph(nota + k, &as);
            if (glyph) {
                nota[o++] = as;
                k += glyph - 1;
            } else if (!isspace((unsigned char)nota[k])) {
                letter |= isalpha((unsigned char)nota[k]) || (unsigned char)nota[k] >= 0x80;
                nota[o++] = nota[k] == '|' || nota[k] == ']' ? 'I' : nota[k];
            }
        }
        nota[o] = '\0';
        if (!letter) {
            free(digits);
            free(nota);
            continue;
        }
        /* Party style "478-KH/TU" keeps its dash: the separator is printed.
         * A slash a low resolution thinned to its top reads as an
         * apostrophe ("118'GM-SVHTTDL"). */
        char sep = nl->text[vt_rx_start(&rx, 2)];
        if (sep == '\'' || nota_glyph(nl->text + vt_rx_start(&rx, 2), &sep))
            sep = '/';
        num->cue_line = i;
        num->line = nx;
        num->handwritten = by_hand || pen_read;
        num->code_number = digits;
        char *full = vt_xasprintf("%c%s", sep, nota);
        free(nota);
        num->notation = full;
        num->raw = nl == pl ? vt_xstrndup(pl->text, (size_t)vt_rx_end(&rx, 0))
                            : vt_xasprintf("%s %.*s", pl->text, (int)vt_rx_end(&rx, 0), nl->text);
        num->conf = VT_CONF_CUE * (1 - c);
        cx->number_line = i;
        found = true;
    }
    vt_rx_clear(&rx);
    vt_rx_clear(&loose_rx);
    return found;
}

static void emit_number(vt_pctx *cx, number *num, const char *type_abbr)
{
    char *nota = vt_repair_notation(cx, num->notation + 1, type_abbr);
    char *value = vt_xasprintf("%s%c%s", num->code_number, num->notation[0], nota);
    char *raw = vt_clean_text(num->raw, strlen(num->raw));
    json_t *f = vt_field(cx, "value", value, raw, num->conf, num->cue_line, num->line);
    free(raw);
    if (*num->code_number)
        json_object_set_new(f, "code_number", json_string(num->code_number));
    if (num->handwritten)
        json_object_set_new(f, "handwritten", json_true());
    json_object_set_new(f, "code_notation", json_string(nota));
    json_object_set_new(cx->meta, "number", f);
    free(value);
    free(nota);
}

/* Print damaged by OCR turns a digit into a letter ("l2"); pen strokes
 * come out as marks ("1|", "0$"): a day holding one was written in by
 * hand, and so was a month beside such a day, whatever digit the mark
 * might also stand for. */
static bool pen_marks(const char *tok)
{
    for (; *tok; tok++)
        if (!isalnum((unsigned char)*tok))
            return true;
    return false;
}

/* The date as precise as the page prints it: "YYYY-MM-DD"; "YYYY-MM" or
 * "YYYY" when the day (and the month) is a blank filled in by hand that
 * OCR could not read (*handwritten): empty, or marks that are not all
 * digits.  A day read beside a month not read dates nothing by itself:
 * the year alone.  0 readings or several: no value. */
static int read_date(const char tok[3][8], char iso[16], bool *repaired, bool *handwritten)
{
    int y, m, d;
    *handwritten = false;
    int readings =
        pen_marks(tok[0]) ? 0 : vt_date_read(tok[0], tok[1], tok[2], &y, &m, &d, repaired);
    if (readings == 1) {
        snprintf(iso, 16, "%04d-%02d-%02d", y, m, d);
        return 1;
    }
    if (readings > 1 ||
        (*tok[0] && *tok[1] && strspn(tok[0], "0123456789") == strlen(tok[0])))
        return readings;
    /* Day unreadable: month and year alone, read with a day every month has. */
    *handwritten = true;
    if (*tok[1] && !pen_marks(tok[1])) {
        readings = vt_date_read("01", tok[1], tok[2], &y, &m, &d, repaired);
        if (readings == 1)
            snprintf(iso, 16, "%04d-%02d", y, m);
        return readings;
    }
    readings = vt_date_read("01", "01", tok[2], &y, &m, &d, repaired);
    if (readings == 1)
        snprintf(iso, 16, "%04d", y);
    return readings;
}

/* Whether text[a, b) holds a letter with a diacritic: OCR turns a
 * printed digit into a plain letter ("l2", "O5"), but reads pen strokes
 * as any letter of the language ("1ổ" for a written 18). */
static bool toned_letter(const char *text, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if ((unsigned char)text[i] >= 0x80)
            return true;
    return false;
}

/* read_date of the day, month and year date_pattern matched on the line.
 * A day or month OCR took for pen strokes, or read as a toned letter, is
 * a blank filled in by hand, as an empty one is; the day beside a month
 * by hand is too.  So is a day of one letter ("ngàyL", "ngày j"): a
 * printed day under 10 has its 0 (Nghị định 30), so one character that is
 * no digit is a pen stroke, not a printed 1.  A day the digit reader read
 * from the pen is read, flagged handwritten. */
static int read_matched_date(const vt_rx *rx, const vt_pline *pl, char iso[16], bool *repaired,
                             bool *handwritten)
{
    char tok[3][8];
    bool pen = false, pen_read = false;
    for (int g = 2; g >= 0; g--) {
        long a = vt_rx_start(rx, g + 2), b = vt_rx_end(rx, g + 2);
        pen |= g < 2 && a >= 0 &&
               (vt_pline_pen(pl, pl->map[a], pl->map[b]) ||
                toned_letter(pl->text, pl->map[a], pl->map[b]) ||
                (g == 0 && b - a == 1 && !isdigit((unsigned char)pl->fold[a])));
        pen_read |= g == 0 && a >= 0 && vt_pline_pen_digits(pl, pl->map[a], pl->map[b]);
        snprintf(tok[g], sizeof tok[g], "%.*s", a < 0 || pen ? 0 : (int)(b - a),
                 a < 0 || pen ? "" : pl->fold + a);
    }
    int readings = read_date(tok, iso, repaired, handwritten);
    *handwritten |= pen_read;
    return readings;
}

/* A place that ends the line above a date opening its line, with the
 * comma before "ngày": a scan's narrow right column wrapped the date off
 * the line the layout read with the number beside it ("Số: 12/UBND
 * Hà Tĩnh," / "ngày ...").  Only a place the lexicon knows (after a unit
 * word, abbreviated or not) is taken: into *place, replacing it. */
static bool place_above(const vt_pctx *cx, const vt_pline *up, char **place)
{
    size_t e = up->flen;
    while (e > 0 && up->fold[e - 1] == ' ')
        e--;
    if (e == 0 || up->fold[e - 1] != ',')
        return false;
    e--;
    size_t s = place_start(cx, up, e), at = s;
    if (s >= e)
        return false;
    if (vt_admin_unit_start(up->fold + s)) {
        at += strcspn(up->fold + at, " ");
        at += strspn(up->fold + at, " ");
    }
    if (!vt_lex_match(&cx->lex->places, up->fold + s, e - s, 0, NULL) &&
        (at >= e || !vt_lex_match(&cx->lex->places, up->fold + at, e - at, 0, NULL)))
        return false;
    vt_span sp = {up, s, e};
    free(*place);
    *place = vt_span_clean(&sp);
    return true;
}

/* A place name the narrow right column wrapped ("Thành phố Hồ Chí" /
 * "Minh, ngày ..."): the words ending the line above (in title case, or a
 * unit word in small letters), joined to *place, when the join is a known
 * place.  Replaces *place and returns the line the place starts on
 * (date_at when it did not wrap). */
static size_t wrapped_place(const vt_pctx *cx, size_t date_at, char **place)
{
    size_t j = date_at;
    while (j > 0 && j + 2 > date_at && blank_line(&cx->lines[j - 1]))
        j--;
    if (j == 0)
        return date_at;
    const vt_pline *up = &cx->lines[j - 1];
    if (!**place)
        return place_above(cx, up, place) ? j - 1 : date_at;
    char *w[4];
    size_t nw = 0;
    const char *p = up->text;
    char *word;
    char *words[32];
    size_t all = 0;
    while (all < 32 && (word = vt_next_word(&p)))
        words[all++] = word;
    /* The run of words in title case or small letters at the end of the
     * line above. */
    while (nw < 4 && nw < all) {
        const char *c = words[all - 1 - nw];
        char *cap = vt_text_upper_first(c);
        char *low = vt_text_lower_full(c);
        bool word = (strcmp(cap, c) == 0 || strcmp(low, c) == 0) && !vt_text_is_upper(c) &&
                    !has_digit(c);
        free(cap);
        free(low);
        if (!word)
            break;
        w[nw] = words[all - 1 - nw];
        nw++;
    }
    size_t result = date_at;
    for (size_t k = nw; k > 0 && result == date_at; k--) {
        char *joined = vt_xstrdup(*place);
        for (size_t q = 0; q < k; q++) {
            char *jj = vt_xasprintf("%s %s", w[q], joined);
            free(joined);
            joined = jj;
        }
        char *f = vt_text_fold(joined);
        if (vt_lex_match(&cx->lex->places, f, strlen(f), 0, NULL)) {
            free(*place);
            *place = joined;
            joined = NULL;
            result = j - 1;
        }
        free(f);
        free(joined);
    }
    for (size_t q = 0; q < all; q++)
        free(words[q]);
    return result;
}

/* s past the marks before its first letter or digit: a place name opens
 * with a letter, and a speck of the seal or a rule that OCR read before
 * the right column's first word as a quote or a comma („ ‚ “) is none of
 * it (vt_clean_text keeps those, as a quoted title opens with one). */
static const char *from_first_letter(const char *s)
{
    uint32_t cp;
    int k;
    while (*s && (k = vt_utf8_dec(s, strlen(s), &cp)) > 0 && !vt_cp_is_alpha(cp) &&
           !(cp < 0x80 && isdigit((int)cp)))
        s += k;
    return s;
}

/* The place of the place-and-date line i: its right column, fold[ps, s),
 * up to the comma before "ngày". */
static void set_place(vt_pctx *cx, size_t i, size_t ps, size_t s)
{
    vt_span sp = {&cx->lines[i], ps, s};
    char *place = vt_span_clean(&sp);
    size_t place_from = wrapped_place(cx, i, &place);
    const char *name = from_first_letter(place);
    if (*name) {
        char *pv = vt_place_case(cx->lex, name);
        json_object_set_new(cx->meta, "place",
                            vt_field(cx, "value", pv, name, VT_CONF_PLACE, place_from, i));
        free(pv);
    } else {
        vt_missing(cx, "place");
    }
    free(place);
}

/* The place of a draft's blank place-and-date line (find_blank_date). */
static bool blank_date_place(vt_pctx *cx, const size_t *split, size_t scan, vt_rx *blank_rx)
{
    for (size_t i = 0; i < scan; i++) {
        const vt_pline *pl = &cx->lines[i];
        size_t s;
        if (pl->role != VT_ROLE_HEADER_LEFT && find_blank_date(blank_rx, pl, &s)) {
            set_place(cx, i, split[i] < s ? split[i] : s, s);
            return true;
        }
    }
    return false;
}

static bool parse_date(vt_pctx *cx, const size_t *split, size_t scan, size_t *date_line)
{
    vt_rx rx;
    if (!vt_rx_init(&rx, date_pattern, false))
        return false;
    bool found = false;
    for (size_t i = 0; i < scan && !found; i++) {
        const vt_pline *pl = &cx->lines[i];
        if (pl->role == VT_ROLE_HEADER_LEFT)
            continue;
        size_t s, e;
        if (!find_date(&rx, pl, &s, &e))
            continue;
        /* The header's date follows its place, or opens its line; a date
         * inside a sentence belongs to a document the text cites. */
        size_t ps = split[i] < s ? split[i] : s;
        if (pl->role != VT_ROLE_HEADER_RIGHT && !has_alnum(pl->fold, ps, s) &&
            has_alnum(pl->fold, 0, s))
            continue;
        /* An incoming-document stamp ("ĐẾN") carries its own date. */
        size_t ds, de;
        if (vt_fuzzy_find(pl->fold, s, 0, "den", 0.01, &ds, &de, NULL) && de - ds == 3) {
            vt_span w = {pl, ds, de};
            char *t = vt_span_text(&w);
            bool stamp = vt_text_is_upper(t);
            free(t);
            if (stamp)
                continue;
        }
        bool repaired = false, handwritten = false;
        char iso[16];
        int readings = read_matched_date(&rx, pl, iso, &repaired, &handwritten);
        *date_line = i;
        found = true;
        vt_span raw = {pl, s, e};
        char *rawt = vt_span_text(&raw);
        if (readings == 1) {
            json_t *f = vt_field(cx, "value", iso, rawt,
                                 repaired || handwritten ? VT_CONF_DATE_REPAIRED : VT_CONF_CUE, i, i);
            if (repaired)
                json_object_set_new(f, "repaired", json_true());
            if (handwritten)
                json_object_set_new(f, "handwritten", json_true());
            json_object_set_new(cx->meta, "date", f);
        } else {
            vt_pctx_warn(cx, "line %zu: date \"%s\" has %d valid readings; left out",
                         pl->number, rawt, readings);
            vt_missing(cx, "date");
        }
        free(rawt);
        set_place(cx, i, ps, s);
    }
    vt_rx_clear(&rx);
    return found;
}

/* Whether "thông qua" ends right before fold offset s of line i, also when
 * the printed line broke between its words ("... thông" / "qua ngày ..."),
 * as a scan's lines do: then the end of the line above is read joined to
 * the start of this one. */
static bool adopted_before(const vt_pctx *cx, size_t i, size_t s)
{
    const vt_pline *pl = &cx->lines[i];
    size_t q, qe;
    if (vt_fuzzy_find(pl->fold, s, s > 16 ? s - 16 : 0, "thong qua", 0.15, &q, &qe, NULL))
        return !has_alnum(pl->fold, qe, s);
    /* OCR may glue the word before to it ("khóa XVthông qua"), and a
     * match opens at a word's edge: the phrase read exactly counts
     * inside a word too. */
    static const char phrase[] = "thong qua";
    size_t from = s > 16 ? s - 16 : 0;
    const char *g = memmem(pl->fold + from, s - from, phrase, sizeof phrase - 1);
    if (g && !has_alnum(pl->fold, (size_t)(g - pl->fold) + sizeof phrase - 1, s))
        return true;
    size_t up = i;
    while (up > cx->header_end && blank_line(&cx->lines[up - 1]))
        up--;
    if (up <= cx->header_end || s > 8)
        return false;
    const vt_pline *above = &cx->lines[up - 1];
    size_t tail = above->flen > 16 ? above->flen - 16 : 0;
    char *joined = vt_xasprintf("%.*s %.*s", (int)(above->flen - tail), above->fold + tail,
                                (int)s, pl->fold);
    size_t n = strlen(joined);
    bool found = vt_fuzzy_find(joined, n, 0, "thong qua", 0.15, &q, &qe, NULL) &&
                 !has_alnum(joined, qe, n);
    free(joined);
    return found;
}

/* A Nghị quyết of the Quốc hội or its Ủy ban Thường vụ prints no place
 * and date line: its date is the day its closing paragraph says it was
 * adopted ("... thông qua ngày 10 tháng 7 năm 2025"), looked for in the
 * last lines of the body.  Only under a header (a number or a type name
 * found): a last page read alone, whose header is on the first, prints
 * the same paragraph and has no date of its own. */
void vt_parse_adoption_date(vt_pctx *cx)
{
    if (json_object_get(cx->meta, "date") ||
        (!json_object_get(cx->meta, "number") && !json_object_get(cx->meta, "type")))
        return;
    vt_rx rx;
    if (!vt_rx_init(&rx, date_pattern, false))
        return;
    bool found = false;
    for (size_t i = cx->footer_from, seen = 0; i-- > cx->header_end && seen < 12 && !found;) {
        const vt_pline *pl = &cx->lines[i];
        seen += !blank_line(pl);
        /* The paragraph wraps where the page's width ends it, also inside
         * the date ("... ngày 10 tháng 7 năm" / "2025."): the line is read
         * joined to the next, for a date that starts on it. */
        size_t next = i + 1;
        while (next < cx->footer_from && blank_line(&cx->lines[next]))
            next++;
        vt_pline both;
        char *text = next < cx->n ? vt_xasprintf("%s %s", pl->text, cx->lines[next].text)
                                  : vt_xstrdup(pl->text);
        vt_pline_init(&both, text);
        free(text);
        for (size_t from = 0; !found && vt_rx_find(&rx, both.fold, both.flen, from);
             from = (size_t)vt_rx_end(&rx, 0)) {
            size_t s = (size_t)vt_rx_start(&rx, 1), e = (size_t)vt_rx_end(&rx, 0);
            if (s >= pl->flen || !adopted_before(cx, i, s))
                continue;
            bool repaired = false, handwritten = false;
            char iso[16];
            if (read_matched_date(&rx, &both, iso, &repaired, &handwritten) != 1 || handwritten)
                continue;
            vt_span raw = {&both, s, e};
            char *rawt = vt_span_text(&raw);
            json_object_set_new(cx->meta, "date",
                                vt_field(cx, "value", iso, rawt, VT_CONF_DATE_CLOSING, i,
                                         e > pl->flen ? next : i));
            free(rawt);
            found = true;
        }
        vt_pline_clear(&both);
    }
    vt_rx_clear(&rx);
    for (size_t k = 0; found && k < json_array_size(cx->missing); k++)
        if (strcmp(json_string_value(json_array_get(cx->missing, k)), "date") == 0)
            json_array_remove(cx->missing, k--);
}

static bool section_heading(const vt_pline *pl);
static bool body_cue_within(const vt_pline *pl, double max_cost);

/* Whether the body begins under line i, past at most two lines in
 * capitals the line wrapped onto: a heading of its first section or a cue
 * of it. */
static bool body_under(const vt_pctx *cx, size_t i)
{
    enum { WRAPPED = 2 };
    for (size_t j = i + 1, wrapped = 0; j < cx->n; j++) {
        const vt_pline *pl = &cx->lines[j];
        if (blank_line(pl))
            continue;
        if (section_heading(pl) || body_cue_within(pl, BODY_CUE_COST))
            return true;
        if (!vt_text_is_upper(pl->text) || ++wrapped > WRAPPED)
            return false;
    }
    return false;
}

/* The type name stands alone on its line, in capitals, or opens a short
 * line in capitals that goes on with the trích yếu ("THÔNG BÁO KẾT LUẬN" /
 * "CỦA ..."), or a line in capitals of any length the body begins under
 * (the whole trích yếu run on after the title: "BÁO CÁO ĐÁNH GIÁ ..." /
 * "I. ..."): then *rest (when asked) is the fold offset where the trích
 * yếu begins, else the line's end.  Never in the footer's columns (a
 * "Nơi nhận:" OCR damaged is no type), and never the enacting word after
 * the căn cứ: the type's name with a colon, its first article on the next
 * line ("QUYẾT ĐỊNH:" / "Điều 1."), which a last page read alone may open
 * with.  The title has no colon but one OCR may add, and a trích yếu under
 * it, never an article. */
static const vt_lex_entry *type_line(const vt_pctx *cx, size_t i, double *cost, size_t *rest)
{
    const vt_pline *pl = &cx->lines[i];
    vt_span sp = vt_span_trim((vt_span){pl, 0, pl->flen});
    if (sp.fe <= sp.fs || pl->role == VT_ROLE_FOOTER_LEFT || pl->role == VT_ROLE_FOOTER_RIGHT ||
        (pl->fold[sp.fe - 1] == ':' && i + 1 < cx->n &&
         vt_fuzzy_prefix(cx->lines[i + 1].fold, cx->lines[i + 1].flen, 0, "dieu 1", 0.2, NULL) >= 0))
        return NULL;
    /* A title in capitals OCR ran on into specks ("QUY ĐỊNH, > - . > og
     * 2 ;"), from the rule under it, stands alone. */
    size_t end;
    if (vt_lex_prefix(&cx->lex->doc_types, pl->fold, sp.fe, sp.fs, &end) && end < sp.fe &&
        vt_specks_only(pl->fold, end, sp.fe)) {
        char *title = without_specks(pl, end);
        if (vt_text_is_upper(title))
            sp.fe = end;
        free(title);
    }
    char *t = without_specks(pl, sp.fe);
    size_t words = 1;
    for (const char *c = t; *c; c++)
        words += *c == ' ';
    if (!*t || (words > 6 && !(vt_text_is_upper(t) && body_under(cx, i)))) {
        free(t);
        return NULL;
    }
    char *f = vt_text_fold(t);
    const vt_lex_entry *e = vt_lex_match(&cx->lex->doc_types, f, strlen(f), 0.25, cost);
    if (rest)
        *rest = pl->flen;
    if (!e && vt_text_mostly_upper(t) &&
        (e = vt_lex_prefix(&cx->lex->doc_types, pl->fold, sp.fe, sp.fs, &end))) {
        if (cost)
            *cost = 0;
        if (rest)
            *rest = end;
    }
    if (e && strcmp(e->section, "copies") == 0)
        e = NULL; /* "SAO Y" marks a copy, not the type */
    free(t);
    free(f);
    return e;
}

/* A line that begins the body rather than continuing the trích yếu. */
/* Whether the first line with text from line i opens a letter with
 * "Kính gửi": a numbered dispatch with no type name and no V/v line is a
 * công văn whose trích yếu was left out. */
static bool letter_opens(const vt_pctx *cx, size_t i)
{
    while (i < cx->n && !has_alnum(cx->lines[i].fold, 0, cx->lines[i].flen))
        i++;
    return i < cx->n && vt_fuzzy_prefix(cx->lines[i].fold, cx->lines[i].flen, 0, "kinh gui", 0.2, NULL) >= 0;
}

/* A heading of the body's first section: a Roman numeral or a figure and
 * its mark ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "II) ...") under the
 * trích yếu of a kế hoạch or a báo cáo. */
static bool section_heading(const vt_pline *pl)
{
    const char *t = pl->text + strspn(pl->text, " ");
    size_t n = strspn(t, "IVX");
    if (!n)
        n = strspn(t, "0123456789");
    if (n && n <= 4 && (t[n] == '.' || t[n] == ')') && t[n + 1] == ' ')
        return true;
    /* The first section's I as OCR reads it through a seal or at a low
     * resolution, a letter or a bar, its dot lost or read as a comma
     * ("L MỤC ĐÍCH", "l, MỤC TIÊU"): alone before a heading in capitals,
     * which no line of a trích yếu opens with. */
    size_t m = strspn(t, "IlL|1") == 1 ? 1 + (t[1] == '.' || t[1] == ',') : 0;
    return m && t[m] == ' ' && vt_text_is_upper(t + m);
}

/* A line opening with a cue of the body, read at most max_cost off it. */
static bool body_cue_within(const vt_pline *pl, double max_cost)
{
    static const char *const cues[] = {"can cu", "kinh gui", "thuc hien", "theo de nghi"};
    for (size_t k = 0; k < sizeof cues / sizeof *cues; k++)
        if (vt_fuzzy_prefix(pl->fold, pl->flen, 0, cues[k], max_cost, NULL) >= 0)
            return true;
    return false;
}

static bool body_cue(const vt_pline *pl)
{
    return body_cue_within(pl, BODY_CUE_COST);
}

/* Without a blank line after it, the trích yếu ends where a line reads as
 * something else: a cue of the body, a line in capitals (the authority of a
 * Quyết định), a sentence ending in punctuation or a whole paragraph. */
/* A line in capitals that names who decides (the authority line of a
 * Quyết định: "BỘ TRƯỞNG BỘ Y TẾ", "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"): it
 * opens with a listed position or a whole listed body, and names one
 * authority, so it has no comma but inside the name of the body a
 * position heads ("BỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"); a line of
 * a trích yếu in capitals may open with a body too ("BỘ Y TẾ VÀ CÁC BAN,
 * BỘ, NGÀNH ..."). */
static bool authority_line(const vt_pctx *cx, const vt_pline *pl)
{
    size_t at = 0;
    while (at < pl->flen && !isalnum((unsigned char)pl->fold[at]))
        at++;
    size_t end = at;
    const vt_lex_entry *pos = vt_lex_prefix(&cx->lex->positions, pl->fold, pl->flen, at, &end);
    /* "Quyền" heads a position only before one ("QUYỀN BỘ TRƯỞNG"), not
     * a trích yếu's "QUYỀN VẬN CHUYỂN". */
    if (pos && strcmp(pos->fold, "quyen") == 0)
        pos = vt_lex_prefix(&cx->lex->positions, pl->fold, pl->flen,
                            end + strspn(pl->fold + end, " "), &end);
    size_t listed_from = 0;
    if (pos)
        vt_lex_prefix(&cx->lex->organs, pl->fold, pl->flen, end + strspn(pl->fold + end, " "),
                      &listed_from);
    const char *rest = pl->fold + listed_from;
    size_t rn = pl->flen - listed_from;
    if (memchr(rest, ',', rn) || memchr(rest, ';', rn))
        return false;
    return pos || vt_lex_prefix(&cx->lex->organs, pl->fold, pl->flen, at, NULL);
}

/* The issuer of a document whose header names none: the authority line
 * under its trích yếu, when that line is one listed body whole, as a
 * resolution of the Ủy ban Thường vụ Quốc hội prints it ("ỦY BAN THƯỜNG
 * VỤ QUỐC HỘI" under the title and trích yếu, no header column).  A
 * position ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") names who signs, not the
 * body, and a body cut short of its place is no name either. */
static bool issuer_under_subject(vt_pctx *cx, size_t i)
{
    const vt_pline *pl = &cx->lines[i];
    size_t at = strspn(pl->fold, " "), end = 0;
    if (!vt_text_is_upper(pl->text) || !authority_line(cx, pl) ||
        !vt_lex_prefix(&cx->lex->organs, pl->fold, pl->flen, at, &end) ||
        end + strspn(pl->fold + end, " .") < pl->flen)
        return false;
    char *raw = left_text(pl, pl->flen);
    char *name = vt_organ_case(cx->lex, raw);
    json_object_set_new(cx->meta, "issuer",
                        vt_field(cx, "name", name, raw, VT_CONF_ISSUER_LISTED, i, i));
    cx->issuer_name = name;
    free(raw);
    return true;
}

/* A line whose first letter is small: the sentence of the line above going
 * on, not a paragraph, which opens with a capital. */
static bool opens_small(const vt_pline *pl)
{
    const char *t = pl->text + strspn(pl->text, " ");
    uint32_t c;
    vt_utf8_dec(t, strlen(t), &c);
    return vt_cp_is_alpha(c) && !vt_cp_is_upper(c);
}

/* Whether a line of a trích yếu stops mid-phrase: it ends in a comma or
 * a dash, or in a word that joins what follows ("VÀ", "CỦA", "TẠI").  The
 * line under it goes on with it even when it opens with a title or a
 * body, as an authority line does ("... CHỨC DANH, CHỨC VỤ," / "KIỂM SOÁT
 * VIÊN VÀ ..."): the page wrapped the title there. */
static bool stops_mid_phrase(const vt_pline *pl)
{
    /* Spelled with their marks: folded, "CHO" would be "CHỢ" too. */
    static const char *const joining[] = {"VÀ", "CỦA", "TẠI", "VỀ", "CHO", "VỚI", "TRONG"};
    size_t n = pl->len;
    while (n && isspace((unsigned char)pl->text[n - 1]))
        n--;
    if (n && (pl->text[n - 1] == ',' || pl->text[n - 1] == '-'))
        return true;
    if (n >= 3 && (memcmp(pl->text + n - 3, "\u2013", 3) == 0 ||
                   memcmp(pl->text + n - 3, "\u2014", 3) == 0))
        return true;
    size_t w = n;
    while (w && pl->text[w - 1] != ' ')
        w--;
    for (size_t k = 0; k < sizeof joining / sizeof *joining; k++)
        if (n - w == strlen(joining[k]) && memcmp(pl->text + w, joining[k], n - w) == 0)
            return true;
    return false;
}

static bool subject_continues(const vt_pctx *cx, const vt_pline *first, const vt_pline *prev,
                              const vt_pline *pl)
{
    /* On a page image the space before the body shows as a gap, and a
     * line of the trích yếu may end in a full stop or a semicolon. */
    const vt_box *a = &prev->upright, *b = &pl->upright;
    bool boxed = a->w > 0 && b->w > 0 && prev->page == pl->page;
    if (boxed) {
        int gap = b->y - (a->y + a->h);
        if (gap * 4 > a->h + b->h)
            return false;
    }
    size_t n = pl->len;
    while (n && isspace((unsigned char)pl->text[n - 1]))
        n--;
    /* A trích yếu printed in capitals goes on in capitals, however long
     * the line (text kept a line a paragraph holds the rest of the title
     * in one: "BÃI BỎ TOÀN BỘ" / "QUYẾT ĐỊNH SỐ ... CỦA ..."), and so does
     * one whose line opens with a small letter (OCR wrapping a long title
     * where the page did not: "... trong lĩnh" / "vực chứng khoán ..."); a
     * line of a sentence that long is a paragraph of the body. */
    bool upper = vt_text_is_upper(pl->text);
    if (upper && (!vt_text_is_upper(first->text) ||
                  (authority_line(cx, pl) && !stops_mid_phrase(prev))))
        return false;
    /* Nor does a trích yếu in capitals go on to a line in sentence case,
     * a capital and then small letters: that opens the body's first
     * paragraph ("... VỚI LÃNH ĐẠO TỈNH" / "Ngày 3 tháng 5, Bộ trưởng
     * đã ..."), which the page set under it with no gap OCR kept. */
    if (vt_text_is_upper(first->text) && !opens_small(pl) && !vt_text_mostly_upper(pl->text))
        return false;
    /* The body's cues are printed in small letters: a line of a trích yếu
     * in capitals is one only spelled exactly, not a word of the title
     * one letter off ("THỰC ĐIỆN TỬ" going on "... BẰNG THỊ").  A cue opens
     * its paragraph with a capital: a line opening with the cue's words in
     * small letters is the trích yếu's sentence wrapped there ("... nhà
     * đầu tư" / "thực hiện dự án ..."). */
    bool cue = !opens_small(pl) && body_cue_within(pl, upper ? 0 : BODY_CUE_COST);
    return !cue && !section_heading(pl) && n > 0 &&
           (n <= 120 || upper || opens_small(pl)) &&
           (boxed || !strchr(".:;", pl->text[n - 1]));
}

/* The line of the trích yếu after line prev, from i on: OCR's text
 * writes each line of a title in capitals as a paragraph of its own, so
 * a trích yếu in capitals goes on over one empty line to a line in
 * capitals that reads as its next one.  i itself otherwise. */
static size_t over_empty_line(const vt_pctx *cx, const vt_pline *first, size_t prev, size_t i)
{
    if (i + 1 >= cx->n)
        return i;
    const vt_pline *gap = &cx->lines[i], *next = &cx->lines[i + 1];
    bool empty = strspn(gap->text, " \t") == gap->len;
    return empty && !blank_line(next) && vt_text_is_upper(first->text) &&
                   vt_text_is_upper(cx->lines[prev].text) && vt_text_is_upper(next->text) &&
                   subject_continues(cx, first, &cx->lines[prev], next)
               ? i + 1
               : i;
}

/* Lines with text in [from, to). */
static size_t text_lines(const vt_pctx *cx, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += !blank_line(&cx->lines[i]);
    return n;
}

/* The line after the first n lines with text from line from. */
static size_t after_text_lines(const vt_pctx *cx, size_t from, size_t n)
{
    size_t i = from;
    for (; n && i < cx->n; i++)
        n -= !blank_line(&cx->lines[i]);
    return i;
}

/* The line under a type's title is no trích yếu when the title has none:
 * the authority that decides ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...") with
 * the căn cứ under it, or a sentence of small letters leading into the
 * body ("Sau khi nghe ..., ... kết luận như sau:"), which a trích yếu
 * never ends with. */
static bool title_without_subject(const vt_pctx *cx, size_t i)
{
    const vt_pline *pl = &cx->lines[i];
    if (vt_last_char(pl->text) == ':' && !vt_text_mostly_upper(pl->text))
        return true;
    size_t next = i + 1;
    while (next < cx->n && blank_line(&cx->lines[next]))
        next++;
    return vt_text_is_upper(pl->text) && authority_line(cx, pl) && next < cx->n &&
           body_cue(&cx->lines[next]);
}

/* The bytes of the run of dashes at f, hyphens or the typographer's en
 * and em dashes a rule is also printed with ("––––––"); their count in
 * *dashes. */
static size_t dash_run(const char *f, size_t *dashes)
{
    size_t b = 0;
    *dashes = 0;
    for (;;) {
        if (f[b] == '-')
            b++;
        else if (strncmp(f + b, "\u2013", 3) == 0 || strncmp(f + b, "\u2014", 3) == 0)
            b += 3;
        else
            return b;
        ++*dashes;
    }
}

/* Where a line holds a rule (three dashes or more, between spaces) after
 * some words: the fold offset of the space before it, else 0.  A flattened
 * page runs the text under the rule on, onto the same line. */
enum { RULE_DASHES = 3 }; /* the fewest dashes a rule is read as */

static size_t inline_rule(const vt_pline *pl)
{
    for (size_t k = 1; k < pl->flen; k++) {
        size_t dashes, n = dash_run(pl->fold + k, &dashes);
        if (pl->fold[k - 1] == ' ' && dashes >= RULE_DASHES &&
            (k + n == pl->flen || pl->fold[k + n] == ' '))
            return has_alnum(pl->fold, 0, k - 1) ? k - 1 : 0;
        k += n;
    }
    return 0;
}

/* The line from line i on, as the sentence of line i wraps (each next
 * line opening in small letters), that holds an inline rule after some
 * words; its offset in *rule.  cx->n when none. */
static size_t ruled_line(const vt_pctx *cx, size_t i, size_t *rule)
{
    for (size_t k = i; k < cx->n && k < i + SUBJECT_LINES; k++) {
        if (k > i && !opens_small(&cx->lines[k]))
            break;
        if ((*rule = inline_rule(&cx->lines[k])))
            return k;
    }
    return cx->n;
}

/* A line under the V/v that opens with a label of a few words and a colon
 * ("Mã số thuế: 0301234567;", "Địa chỉ: ..."): a field of the addressee's
 * block printed in the left column, not the trích yếu going on. */
static bool labelled_line(const vt_pline *pl, size_t le)
{
    enum { LABEL_WORDS = 4 };
    size_t k = strspn(pl->fold, " "), words = 0;
    while (k < le && words <= LABEL_WORDS) {
        size_t n = strcspn(pl->fold + k, " :");
        if (!n || k + n > le)
            return false;
        words++;
        k += n;
        if (pl->fold[k] == ':')
            return has_alnum(pl->fold, k + 1, le);
        k += strspn(pl->fold + k, " ");
    }
    return false;
}

/* The line under a trích yếu begun on the type's line goes on with it,
 * however long, when it is in capitals too and no authority line. */
static bool caps_under(const vt_pctx *cx, const vt_pline *pl)
{
    return vt_text_mostly_upper(pl->text) && !authority_line(cx, pl);
}

/* A trích yếu opening with the V/v cue in one of OCR's shapes ("V/V ,",
 * "VV.", "VIV", "V/y", "V&", "V#", "V/", "V⁄"; vv_shape_pattern): the
 * text with the cue in its prescribed spelling and one space after it;
 * NULL when there is no such cue. */
static char *vv_spelled(const char *s)
{
    size_t n = strcspn(s, " ,.:;");
    if (n < 2 || n > 4)
        return NULL;
    char t[4];
    for (size_t k = 0; k < n; k++)
        t[k] = (char)tolower((unsigned char)s[k]);
    bool cue = t[0] == 'v' && ((n == 2 && strchr("vw&#/", t[1])) ||
                               (n == 3 && strchr("/|il1!\\", t[1]) && strchr("vwy", t[2])) ||
                               (n == 4 && (strncmp(s + 1, "\u2044", 3) == 0 ||
                                           strncmp(s + 1, "\u2215", 3) == 0)));
    if (!cue)
        return NULL;
    const char *rest = s + n;
    rest += strspn(rest, " ,.:;");
    if (!*rest || (strncmp(s, "V/v ", 4) == 0 && rest == s + 4))
        return NULL;
    return vt_xasprintf("V/v %s", rest);
}

/* A trích yếu opening with "Về việc" (under the type name, or a công
 * văn's under its number) whose first word OCR read as another V and a
 * vowel ("và việc", "Vê việc", "Vẻ việc" off a coarse scan): the text
 * with the cue spelled; NULL when there is no such opening.  A trích yếu
 * opens with a capital, so a first word of a small v and a vowel ("và
 * tăng cường", a coarse or bilevel "Về") is that "Về" whatever follows. */
static char *ve_viec_spelled(const char *s)
{
    size_t n = strcspn(s, " ");
    if (n < 2 || n > 4 || (s[0] != 'V' && s[0] != 'v'))
        return NULL;
    char *fold = vt_text_fold(s), low[8];
    bool cue = strlen(fold) > 8 && strchr("aeo", fold[1]) &&
               (strncmp(fold + 2, " viec ", 6) == 0 || (s[0] == 'v' && fold[2] == ' '));
    free(fold);
    if (!cue || (vt_text_lower(s, n, low, sizeof low) && strcmp(low, "về") == 0))
        return NULL;
    bool caps = strncmp(s + n + 1, "VI", 2) == 0; /* a trích yếu in capitals */
    return vt_xasprintf("%s%s", caps ? "VỀ" : "Về", s + n);
}

/* The length of a speck OCR read off the bold type of a trích yếu in
 * capitals at p, 0 when there is none there: an apostrophe glued to a
 * word ("'VÀ", "CƠ’"), for capitals have none; a closing quote no opening
 * one comes before ("SỞ”,"), the horn of an Ơ read apart; an exclamation
 * mark glued to a word the sentence goes on after ("LỢI! CÁC"). */
static size_t caps_speck(const char *text, const char *p, bool quote_open)
{
    static const char *const marks[] = {"'", "`", "\u2018", "\u2019"};
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
        if (strncmp(p, marks[k], strlen(marks[k])) == 0)
            return strlen(marks[k]);
    if (!quote_open && strncmp(p, "\u201d", 3) == 0 && p > text && p[-1] != ' ')
        return 3;
    if (*p == '!' && p > text && p[-1] != ' ' && p[1] == ' ' && p[2])
        return 1;
    return 0;
}

/* A trích yếu printed in capitals without the specks OCR read off its
 * bold type (caps_speck), each dropped in place with a space it leaves. */
static void drop_caps_specks(char *text)
{
    if (!vt_text_mostly_upper(text))
        return;
    char *out = text;
    bool quote_open = false;
    for (const char *p = text; *p;) {
        size_t n = caps_speck(text, p, quote_open);
        if (!n) {
            /* A closing quote after a space opens the quote: a typist's
             * pair may be two closing ones (”CHIẾN DỊCH”). */
            if (strncmp(p, "\u201c", 3) == 0)
                quote_open = true;
            else if (strncmp(p, "\u201d", 3) == 0)
                quote_open = p == text || p[-1] == ' ';
            else if (*p == '"')
                quote_open = !quote_open;
            *out++ = *p++;
            continue;
        }
        p += n;
        /* A speck standing alone takes one of its spaces with it. */
        if (out > text && out[-1] == ' ') {
            if (*p == ' ')
                p++;
            else if (!*p)
                out--;
        }
    }
    *out = '\0';
}

/* Does the syllable s close a vowel run that ends in a glide (ôi, ao,
 * ưu) with a consonant?  No Vietnamese syllable does ("hộin"); only uy
 * takes one (huyện, tuynh).  An o is a glide after a or e alone: uô and
 * ươ are the nucleus of "quốc" and "được", which a consonant closes; the
 * u of qu is the onset's. */
static bool closed_glide(const char *s)
{
    char v[8], prev = '\0';
    size_t nv = 0, len = strlen(s);
    bool after = false;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        uint32_t k = vt_cp_skeleton(vt_cp_to_lower(c));
        bool vowel = k < 0x80 && strchr("aeiouy", (int)k) && c != 0x111 && !(k == 'u' && prev == 'q');
        if (vowel && !after && nv < sizeof v)
            v[nv++] = (char)k;
        else if (nv)
            after = true;
        prev = k < 0x80 ? (char)k : '\0';
    }
    bool glide = nv >= 2 && (v[nv - 1] == 'o' ? strchr("ae", v[nv - 2]) != NULL
                                                : strchr("iyu", v[nv - 1]) != NULL);
    return after && glide && !(nv == 2 && v[0] == 'u' && v[1] == 'y');
}

/* Where a word of n bytes OCR ran two syllables into, their space lost
 * ("hộinghị"), is cut, 0 when it is none: small letters with a mark
 * (a foreign word or a code has none: "video" stays), no syllable
 * itself, and two syllables at one cut only. */
static size_t joined_cut(const char *w, size_t n)
{
    char buf[64];
    bool marked = false;
    if (n >= sizeof buf)
        return 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(w + i, n - i, &c);
        if (!vt_cp_is_alpha(c) || vt_cp_is_upper(c))
            return 0;
        marked = marked || c > 0x7f;
    }
    memcpy(buf, w, n);
    buf[n] = '\0';
    if (!marked || vt_syllable_valid(buf, VT_SYLLABLE_INVENTORY))
        return 0;
    /* The cuts into two syllables, and those of them whose second opens
     * with a consonant: one of these is the join where both kinds are
     * found ("phụcấp" is phụ cấp, not phục ấp). */
    size_t cut = 0, cuts = 0, onset_cut = 0, onset_cuts = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(w + i, n - i, &c);
        if (i == n)
            break;
        char a[64], b[64];
        memcpy(a, w, i);
        a[i] = '\0';
        memcpy(b, w + i, n - i);
        b[n - i] = '\0';
        if (!vt_syllable_valid(a, VT_SYLLABLE_INVENTORY) || closed_glide(a) ||
            !vt_syllable_valid(b, VT_SYLLABLE_INVENTORY))
            continue;
        cut = i;
        cuts++;
        uint32_t first;
        vt_utf8_dec(b, n - i, &first);
        if (!strchr("aeiouy", (int)vt_cp_skeleton(first))) {
            onset_cut = i;
            onset_cuts++;
        }
    }
    return cuts == 1 ? cut : onset_cuts == 1 ? onset_cut : 0;
}

/* A trích yếu in sentence case with each word OCR ran two syllables into
 * cut in two (joined_cut); NULL when none is.  Capitals are left: their
 * damage (a vowel read twice, ĐÁẢNG) cuts as well as a join does. */
static char *joined_split(const char *text)
{
    if (!text || vt_text_mostly_upper(text))
        return NULL;
    size_t cap = strlen(text) * 2 + 1, o = 0;
    char *out = vt_xmalloc(cap);
    bool changed = false;
    for (const char *p = text; *p;) {
        size_t sp = strspn(p, " ");
        memcpy(out + o, p, sp);
        o += sp;
        p += sp;
        size_t n = strcspn(p, " ");
        /* The word's letters, without the punctuation around them. */
        size_t lead = strspn(p, "(\"'"), end = n;
        while (end > lead && strchr(".,;:)\"'", p[end - 1]))
            end--;
        size_t cut = end > lead ? joined_cut(p + lead, end - lead) : 0;
        if (cut) {
            memcpy(out + o, p, lead + cut);
            o += lead + cut;
            out[o++] = ' ';
            memcpy(out + o, p + lead + cut, n - lead - cut);
            o += n - lead - cut;
            changed = true;
        } else {
            memcpy(out + o, p, n);
            o += n;
        }
        p += n;
    }
    out[o] = '\0';
    if (!changed) {
        free(out);
        return NULL;
    }
    return out;
}

/* The length of the one of the n `signs` that `p` opens with, 0 when
 * none does. */
static size_t sign_at(const char *p, const char *const *signs, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strncmp(p, signs[k], strlen(signs[k])) == 0)
            return strlen(signs[k]);
    return 0;
}

/* A trích yếu ends in a sign no trích yếu prints (a guillemet, a tilde,
 * a bar) standing alone, followed by nothing but pieces of two letters or
 * fewer: what OCR read off a mark or rule printed beside its last line
 * ("quốc gia » nw 8"); cut off, with the space before it. */
static void drop_trailing_speck(char *text)
{
    static const char *const signs[] = {"\u00bb", "\u00ab", "~", "|", "\u00ac"};
    for (char *sp = strchr(text, ' '); sp; sp = strchr(sp + 1, ' ')) {
        const char *p = sp + 1;
        size_t n = sign_at(p, signs, sizeof signs / sizeof *signs);
        if (!n || (p[n] && p[n] != ' '))
            continue;
        bool short_pieces = true;
        for (const char *q = p + n; *q && short_pieces;) {
            q += strspn(q, " ");
            size_t len = strcspn(q, " "), letters = 0;
            for (size_t k = 0; k < len; k++)
                letters += isalpha((unsigned char)q[k]) || (unsigned char)q[k] >= 0x80;
            short_pieces = letters <= 2;
            q += len;
        }
        if (short_pieces) {
            *sp = '\0';
            return;
        }
    }
}

/* A trích yếu opening with a speck of the seal or of the paper OCR read
 * as a word of its own (". CÔNG BỐ ...", "„ Về việc ..."): a first word
 * of nothing but signs no trích yếu opens with is cut off, with the space
 * after it.  Quotes and brackets, which may open one, stay. */
static void drop_leading_speck(char *text)
{
    static const char *const signs[] = {".", ",", "'", "`", "~", "|", ":", ";", "-", "_", "*",
                                        "^", "„", "‚", "·", "«", "»",
                                        "¬", "‘", "’"};
    const char *p = text;
    while (*p && *p != ' ') {
        size_t n = sign_at(p, signs, sizeof signs / sizeof *signs);
        if (!n)
            return;
        p += n;
    }
    if (p > text && *p == ' ' && p[1])
        memmove(text, p + 1, strlen(p + 1) + 1);
}

/* A rule printed beside or under the trích yếu's last line, read on it
 * ("... giai đoạn mới ————"): a run of dashes (dash_run) ending the text
 * after a space; cut off, with the space before it. */
static void drop_trailing_rule(char *text)
{
    char *sp = strrchr(text, ' ');
    size_t dashes;
    if (sp && dash_run(sp + 1, &dashes) == strlen(sp + 1) && dashes >= RULE_DASHES)
        *sp = '\0';
}

static void set_subject(vt_pctx *cx, char *text, size_t from, size_t to, double conf)
{
    drop_leading_speck(text);
    drop_caps_specks(text);
    drop_trailing_speck(text);
    drop_trailing_rule(text);
    char *v = vv_spelled(text);
    if (!v)
        v = ve_viec_spelled(text);
    json_object_set_new(cx->meta, "subject", vt_field(cx, "value", v ? v : text, text, conf, from, to));
    cx->subject_line = from;
    free(v);
}

/* Does the word hold a letter? */
static bool has_letter(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (isalpha((unsigned char)w[i]) || (unsigned char)w[i] >= 0xC3)
            return true;
    return false;
}

/* The fold of the word at s (up to a space) equals one of words[]? */
static bool word_is(const char *s, const char *const *words, size_t n)
{
    char *w = vt_xstrndup(s, strcspn(s, " "));
    char *f = vt_text_fold(w);
    bool yes = false;
    for (size_t k = 0; k < n && !yes; k++)
        yes = strcmp(f, words[k]) == 0;
    free(f);
    free(w);
    return yes;
}

/* In capitals OCR reads "Ở" as an O or a zero with a quote ("NHÀ 0’
 * CỦA", "TƯ THỤC O' NƠI"), or as a bare zero: such a word between two
 * words of letters in a trích yếu in capitals is "Ở", in place; a bare
 * zero only where "ở" is sure (after "NHÀ", before "NƠI", "CÁC", ...), not
 * a figure ("CẤP ĐỘ 0"). */
static char *capital_o_horn(char *s)
{
    static const char *const quoted[] = {"0’", "0'", "O’", "O'", "0`"};
    static const char *const before[] = {"noi", "cac", "dia", "nhung", "vung", "khu"};
    static const char *const after[] = {"nha"};
    if (!vt_text_mostly_upper(s))
        return s;
    size_t prev_s = 0, prev_n = 0;
    for (size_t i = 0; s[i];) {
        while (s[i] == ' ')
            i++;
        size_t n = strcspn(s + i, " ");
        size_t next = i + n + strspn(s + i + n, " ");
        bool shape = n == 1 && s[i] == '0' && s[next] &&
                     (word_is(s + next, before, sizeof before / sizeof *before) ||
                      (prev_n && word_is(s + prev_s, after, sizeof after / sizeof *after)));
        for (size_t k = 0; k < sizeof quoted / sizeof *quoted && !shape; k++)
            shape = strlen(quoted[k]) == n && memcmp(s + i, quoted[k], n) == 0;
        if (shape && prev_n && has_letter(s + prev_s, prev_n) && s[next] &&
            has_letter(s + next, strcspn(s + next, " "))) {
            char *r = vt_xasprintf("%.*sỞ%s", (int)i, s, s + i + n);
            free(s);
            s = r;
            n = strlen("Ở");
            next = i + n + strspn(s + i + n, " ");
        }
        prev_s = i;
        prev_n = n;
        i = next;
    }
    return s;
}

/* The codes a trích yếu cites ("Quyết định số 02/2022/QB-UBND", a Party
 * body's "Quy định số 12-QD/TW") with the Đ OCR lost, as in the
 * references.  Takes s. */
static char *codes_repaired(const vt_pctx *cx, char *s)
{
    size_t cap = strlen(s) + 16, n = 0;
    char *out = vt_xmalloc(cap);
    for (const char *p = s; *p;) {
        size_t sp = strspn(p, " "), wn = strcspn(p + sp, " ");
        const char *w = p + sp, *slash = memchr(w, '/', wn);
        size_t digits = strspn(w, "0123456789");
        bool party = digits && digits < wn && w[digits] == '-' && slash > w + digits;
        char *fixed = NULL;
        if (slash && slash > w && (isdigit((unsigned char)slash[-1]) || party)) {
            char *code = vt_xstrndup(w, wn);
            fixed = vt_repair_notation(cx, code, NULL);
            free(code);
        }
        size_t fn = fixed ? strlen(fixed) : wn;
        while (n + sp + fn + 1 > cap)
            out = vt_xrealloc(out, cap *= 2);
        memcpy(out + n, p, sp);
        memcpy(out + n + sp, fixed ? fixed : w, fn);
        n += sp + fn;
        free(fixed);
        p = w + wn;
    }
    out[n] = '\0';
    free(s);
    return out;
}

/* Whether text ends inside a document's code, broken at one of its
 * separators ("Luật số 41/2024/" / "QH15"): the next line goes on with
 * no space between. */
static bool ends_in_code(const char *text)
{
    size_t n = strlen(text);
    return n >= 2 && (text[n - 1] == '/' || text[n - 1] == '-') &&
           isalnum((unsigned char)text[n - 2]);
}

/* Join lines [from, to) into one trích yếu, each up to where the
 * header's right column begins on it (split; whole lines when split is
 * NULL), without the full stop some pages print after it. */
static char *join_lines(const vt_pctx *cx, const size_t *split, size_t from, size_t to,
                        size_t first_offset)
{
    char *acc = vt_xstrdup("");
    for (size_t i = from; i < to; i++) {
        const vt_pline *pl = &cx->lines[i];
        size_t le = split && i < HEADER_SCAN ? split[i] : pl->flen;
        vt_span sp = {pl, i == from ? first_offset : 0, le};
        char *t = vt_span_text(&sp);
        if (*t) {
            char *j = vt_xasprintf("%s%s%s", acc, *acc && !ends_in_code(acc) ? " " : "", t);
            free(acc);
            acc = j;
        }
        free(t);
    }
    size_t n = strlen(acc);
    if (n >= 2 && acc[n - 1] == '.' && acc[n - 2] != '.')
        acc[n - 1] = '\0';
    return codes_repaired(cx, capital_o_horn(acc));
}

/* The type a number's notation names by its abbreviation ("/KH-UBND":
 * Kế hoạch): its first part with a letter, a listed type's abbreviation
 * with or without its marks; NULL when it is none's. */
static const vt_lex_entry *notation_type(const vt_lexicon *lex, const char *notation)
{
    const char *p = notation + strspn(notation, "/-");
    while (*p) {
        size_t n = strcspn(p, "/-");
        char *seg = vt_xstrndup(p, n);
        char *f = vt_text_fold(seg);
        bool letter = false;
        for (const char *c = f; *c; c++)
            letter |= isalpha((unsigned char)*c) != 0;
        const vt_lex_entry *found = NULL;
        for (size_t i = 0; letter && i < lex->doc_types.n && !found; i++) {
            const vt_lex_entry *t = &lex->doc_types.v[i];
            char *tf = t->extra ? vt_text_fold(t->extra) : NULL;
            if (tf && strcmp(tf, f) == 0)
                found = t;
            free(tf);
        }
        free(seg);
        free(f);
        if (letter)
            return found;
        p += n;
        p += strspn(p, "/-");
    }
    return NULL;
}

/* OCR may lose the type's title, a short line of large capitals, and keep
 * the trích yếu in capitals under it: with no title and no V/v read, the
 * lines in capitals right under the number and date, ended by a line that
 * is not (the body) or by an authority, are the trích yếu when the number's notation names a
 * type, which is then the type.  A section heading or the authority of a
 * Quyết định ends it.  Returns the line after the trích yếu, or `at` when
 * there is none. */
static size_t title_lost_subject(vt_pctx *cx, size_t at, const vt_lex_entry *type)
{
    size_t from = at;
    while (from < cx->n && blank_line(&cx->lines[from]))
        from++;
    size_t i = from;
    while (i < cx->n && text_lines(cx, from, i) < SUBJECT_LINES && vt_text_mostly_upper(cx->lines[i].text) &&
           !section_heading(&cx->lines[i]) && !authority_line(cx, &cx->lines[i]) &&
           !type_line(cx, i, NULL, NULL)) {
        i++;
        while (i < cx->n && blank_line(&cx->lines[i]))
            i++;
    }
    if (i == from || i == cx->n ||
        (vt_text_mostly_upper(cx->lines[i].text) && !authority_line(cx, &cx->lines[i])))
        return at;
    json_t *f = vt_field(cx, "value", type->form, NULL, VT_CONF_TYPE_FROM_NOTATION, cx->number_line,
                         cx->number_line);
    json_object_set_new(f, "abbreviation", json_string(type->extra));
    json_object_set_new(cx->meta, "type", f);
    char *s = join_lines(cx, NULL, from, i, 0);
    set_subject(cx, s, from, i - 1, VT_CONF_SUBJECT_TITLE_LOST);
    free(s);
    return i;
}

/* A date line cut before its year, and where the rest went.  The page's
 * right column is narrow, so "Thành phố Hồ Chí Minh, ngày 28 tháng 11" may
 * wrap, leaving "năm 2025" at the end of the next line (after the left
 * column's V/v when columns merge), and OCR may move the year onto a line
 * above (the Số line). */
static const char date_head_pattern[] =
    "(?:^|,)\\s*ng[a-z0-9@]{1,2}y\\s*[,.:]?\\s*(?:" DT "{1,2})?\\s*[,./-]?\\s*"
    "(?:th[a-z0-9@]{1,3}?g\\s*(?:" DT "{1,2})?\\s*[,./-]?\\s*)?(n[a-z0-9@]{1,2}m)?\\s*[,.:]?\\s*$";
static const char date_tail_pattern[] =
    "(?:^|\\s)((?:th[a-z0-9@]{1,3}?g\\s*" DT "{1,2}\\s*[,./-]?\\s*)?"
    "(?:n[a-z0-9@]{1,2}m\\s*[,.:]?\\s*)?(?:19|20)[0-9]{2})\\s*$";
static const char lone_year_pattern[] = "(?:^|\\s)((?:19|20)[0-9]{2})\\s*$";

/* Replace a line's text, keeping where it stands, and which of the bytes
 * it starts with as before are pen strokes. */
static void set_line_text(vt_pline *pl, const char *text)
{
    vt_pline keep = *pl;
    pl->orig = NULL;
    size_t same = 0;
    while (same < keep.len && text[same] == keep.text[same])
        same++;
    /* The old flags are taken over, not cleared with the line. */
    unsigned char *pen = vt_pline_pen(pl, 0, same) || vt_pline_pen_digits(pl, 0, same)
                             ? pl->pen : NULL;
    if (pen)
        pl->pen = NULL;
    char *copy = vt_xstrdup(text);
    vt_pline_clear(pl);
    vt_pline_init(pl, copy);
    free(copy);
    if (pen && pl->len == strlen(text)) {
        pl->pen = vt_xrealloc(pen, pl->len * sizeof *pen);
        memset(pl->pen + same, 0, (pl->len - same) * sizeof *pen);
    } else {
        free(pen);
    }
    pl->orig = keep.orig;
    pl->number = keep.number;
    pl->page = keep.page;
    pl->role = keep.role;
    pl->box = keep.box;
    pl->upright = keep.upright;
}

/* Put a date's pieces back on its line: the rest of the date from the next
 * non-blank line, or a year from one of the three above. */
static void mend_dates(vt_pctx *cx, size_t scan, vt_rx *date_rx)
{
    vt_rx head, tail, year;
    bool ok = vt_rx_init(&head, date_head_pattern, false);
    ok = vt_rx_init(&tail, date_tail_pattern, false) && ok;
    ok = vt_rx_init(&year, lone_year_pattern, false) && ok;
    for (size_t i = 0; ok && i < scan; i++) {
        vt_pline *pl = &cx->lines[i];
        size_t s, e;
        if (find_date(date_rx, pl, &s, &e) || !vt_rx_find(&head, pl->fold, pl->flen, 0))
            continue;
        bool ends_in_year_cue = vt_rx_start(&head, 1) >= 0;
        vt_pline *from = NULL;
        size_t cut = 0;
        size_t j = i + 1;
        while (j < scan && j < i + 3 && blank_line(&cx->lines[j]))
            j++;
        /* A line that printed its "năm" takes a bare year from the next:
         * "năm 2024" there is a phrase of that line ("... đầu năm 2024"
         * under a draft's blank "ngày tháng năm"). */
        if (j < scan && j < i + 3 && vt_rx_find(&tail, cx->lines[j].fold, cx->lines[j].flen, 0) &&
            !(ends_in_year_cue &&
              !isdigit((unsigned char)cx->lines[j].fold[vt_rx_start(&tail, 1)]))) {
            from = &cx->lines[j];
            cut = (size_t)vt_rx_start(&tail, 1);
        }
        for (size_t k = i, seen = 0; !from && ends_in_year_cue && k > 0 && seen < 3; k--) {
            vt_pline *up = &cx->lines[k - 1];
            if (blank_line(up))
                continue;
            seen++;
            if (vt_rx_find(&year, up->fold, up->flen, 0)) {
                from = up;
                cut = (size_t)vt_rx_start(&year, 1);
            }
        }
        if (!from)
            continue;
        char *joined = vt_xasprintf("%s %s", pl->text, from->text + from->map[cut]);
        vt_pline trial;
        vt_pline_init(&trial, joined);
        bool date = find_date(date_rx, &trial, &s, &e);
        vt_pline_clear(&trial);
        if (date) {
            char *rest = vt_xstrndup(from->text, from->map[cut]);
            set_line_text(pl, joined);
            set_line_text(from, rest);
            free(rest);
        }
        free(joined);
    }
    vt_rx_clear(&head);
    vt_rx_clear(&tail);
    vt_rx_clear(&year);
}

/* Did the page print the line opening with a shape of V/v that restore
 * read as a word ("Vv" as "Và")?  The cue is the first word either way. */
static bool printed_vv(vt_rx *vv_rx, const vt_pline *pl)
{
    if (!pl->orig)
        return false;
    char *f = vt_text_fold(pl->orig);
    size_t st = strspn(f, " ");
    bool yes = vt_rx_find(vv_rx, f, strlen(f), st) && vt_rx_start(vv_rx, 0) == (long)st;
    free(f);
    return yes;
}

/* Does the V/v cue itself open at fold offset st of the line, in either
 * case or one of OCR's shapes of it ("v/v", "V/V", "VIV"), and not a word
 * that is only near it ("VỤ V...")? */
static bool vv_at(vt_rx *vv_rx, const vt_pline *pl, size_t st, size_t le)
{
    if (st + 3 <= le && strncmp(pl->fold + st, "v/v", 3) == 0 &&
        (st + 3 == pl->flen || strchr(" :.,", pl->fold[st + 3])))
        return true;
    return vt_rx_find(vv_rx, pl->fold, le, st) && vt_rx_start(vv_rx, 0) == (long)st;
}

/* Does the line open with the cue (vv_at)?  Where it stands is no
 * issuer's. */
static bool opens_with_vv(vt_rx *vv_rx, const vt_pline *pl, size_t le)
{
    return vv_at(vv_rx, pl, strspn(pl->fold, " "), le);
}

/* Where the V/v cue opens at fold offset st of a line, or past a speck of
 * the seal OCR read as a lone letter or sign before it ("Ẻ V/v ..."):
 * st when the cue is not after one. */
static size_t past_speck(vt_rx *vv_rx, const vt_pline *pl, size_t st, size_t le)
{
    size_t w = st + strcspn(pl->fold + st, " ");
    size_t cue = w + strspn(pl->fold + w, " ");
    if (w != st + 1 || isdigit((unsigned char)pl->fold[st]) || cue == w || cue >= le)
        return st;
    return vv_at(vv_rx, pl, cue, le) ? cue : st;
}

/* A line of the left column opening a trích yếu with "Về" and no V/v
 * ("Về hướng dẫn ..."): a capital V, then small letters, for a line in
 * capitals opening with "VỀ" is a body's name or a title's, not this. */
static bool opens_with_ve(const vt_pline *pl, size_t le)
{
    size_t st = strspn(pl->fold, " ");
    return st + 3 < le && strncmp(pl->fold + st, "ve ", 3) == 0 && pl->text[pl->map[st]] == 'V' &&
           !vt_text_mostly_upper(pl->text);
}

/* Whether the quốc hiệu or the tiêu ngữ stands within the three lines
 * under line i: a body cue above them is a line of the page OCR read out
 * of order, into the header (the first line of a wide body paragraph
 * caught in the header's left column), and the header goes on under it. */
static bool national_title_below(const vt_pctx *cx, size_t i, size_t scan)
{
    size_t s, e;
    for (size_t j = i + 1; j < scan && j <= i + 3; j++) {
        const vt_pline *pl = &cx->lines[j];
        if (vt_fuzzy_find(pl->fold, pl->flen, 0, "cong hoa xa hoi chu nghia viet nam", 0.3, &s, &e, NULL) ||
            vt_fuzzy_find(pl->fold, pl->flen, 0, "doc lap tu do hanh phuc", 0.3, &s, &e, NULL))
            return true;
    }
    return false;
}

/* The title the layout of a page gave the left column, between the
 * issuer and the number ("ỦY BAN NHÂN DÂN" / "QUYẾT ĐỊNH" / "Số: ..."),
 * with its trích yếu under the number: a line of the left column above
 * the number that is a type's name alone, in capitals, where no type
 * stands under number and date.  Its index, cx->n when none. */
static size_t left_column_title(const vt_pctx *cx, size_t cue_line, const vt_lex_entry **type,
                                double *cost, size_t *rest)
{
    for (size_t i = 1; i < cue_line; i++) {
        const vt_pline *pl = &cx->lines[i];
        const vt_lex_entry *e;
        if (pl->role != VT_ROLE_HEADER_LEFT || !vt_text_is_upper(pl->text) ||
            !(e = type_line(cx, i, cost, rest)) || *rest != pl->flen)
            continue;
        *type = e;
        return i;
    }
    return cx->n;
}

void vt_parse_header(vt_pctx *cx)
{
    size_t scan = cx->n < HEADER_SCAN ? cx->n : HEADER_SCAN;
    size_t *split = vt_xcalloc(scan + 1, sizeof *split);
    vt_rx date_rx, blank_rx;
    vt_rx_init(&date_rx, date_pattern, false);
    vt_rx_init(&blank_rx, blank_date_pattern, false);
    mend_dates(cx, scan, &date_rx);
    for (size_t i = 0; i < scan; i++)
        split[i] = split_line(cx, &cx->lines[i], &date_rx, &blank_rx);
    vt_rx_clear(&date_rx);

    /* Number and date stand above the type name and the body's first cue;
     * below them they are a cited document's. */
    size_t limit = 0;
    while (limit < scan &&
           (!body_cue(&cx->lines[limit]) || national_title_below(cx, limit, scan)) &&
           (cx->lines[limit].role == VT_ROLE_HEADER_LEFT ||
            cx->lines[limit].role == VT_ROLE_HEADER_RIGHT || !type_line(cx, limit, NULL, NULL)))
        limit++;
    number num = {.cue_line = cx->n};
    bool have_number = parse_number(cx, split, limit, &num);
    /* A "Số:" printed alone with no number after it (left blank) still
     * ends the issuer and heads the V/v. */
    bool bare_cue = !have_number && num.cue_line < cx->n;
    size_t date_line = cx->n;
    bool have_date = parse_date(cx, split, limit, &date_line);
    if (!have_date) {
        vt_missing(cx, "date");
        if (!blank_date_place(cx, split, limit, &blank_rx))
            vt_missing(cx, "place");
    }
    vt_rx_clear(&blank_rx);

    /* The issuer sits above the number (or the date, or the type); with
     * none of them, among the page's first lines. */
    size_t top = have_number || bare_cue ? num.cue_line : have_date ? date_line : scan < 6 ? scan : 6;
    size_t after = have_number ? num.line : 0;
    if (have_date && date_line > after)
        after = date_line;

    /* Type name: the first lone line naming a type, below number and date. */
    size_t type_at = cx->n;
    double tcost = 1;
    const vt_lex_entry *type = NULL;
    size_t type_rest = 0;
    for (size_t i = have_number || have_date ? after + 1 : 0; i < scan && i <= after + 8; i++) {
        if ((type = type_line(cx, i, &tcost, &type_rest))) {
            type_at = i;
            break;
        }
    }
    if (!have_number && !have_date && type_at < cx->n)
        top = type_at;

    /* V/v trích yếu of a công văn: under the number, left column; with no
     * number read, anywhere in the left column. */
    size_t vv_at = cx->n, vv_off = 0, vv_len = 0;
    bool vv_slash = false;
    /* Above the type name: "Về việc" under a type is its trích yếu.  The
     * right column's lines, read after the left one, are passed over. */
    size_t left_lines = 0;
    vt_rx vv_rx;
    vt_rx_init(&vv_rx, vv_shape_pattern, false);
    bool under_cue = have_number || bare_cue;
    for (size_t i = under_cue ? (have_number ? num.line : num.cue_line) + 1 : 0; i < scan && i < type_at;
         i++) {
        const vt_pline *pl = &cx->lines[i];
        size_t st = 0;
        while (st < split[i] && isspace((unsigned char)pl->fold[st]))
            st++;
        /* A "Số:" printed without its number has the V/v run into its
         * line ("Số: V/v tiền thuê đất"): the trích yếu opens after it,
         * in the left column whatever the layout said. */
        bool after_cue = false;
        if (!have_number && strncmp(pl->fold + st, "so", 2) == 0) {
            size_t cue = st + 2 + strspn(pl->fold + st + 2, ": ");
            after_cue = cue < split[i] && cue > st + 2 &&
                        vt_fuzzy_prefix(pl->fold, split[i], cue, "v/v", VT_COST_SHORT_CUE, NULL) >= 0;
            if (after_cue)
                st = cue;
        }
        if (!after_cue &&
            (pl->role == VT_ROLE_HEADER_RIGHT || (!under_cue && pl->role != VT_ROLE_HEADER_LEFT)))
            continue;
        if (under_cue && !blank_line(pl) && ++left_lines > 3)
            break;
        st = past_speck(&vv_rx, pl, st, split[i]);
        long e = vt_fuzzy_prefix(pl->fold, split[i], st, "v/v", VT_COST_SHORT_CUE, NULL);
        if (e < 0 && vt_rx_find(&vv_rx, pl->fold, split[i], st))
            e = vt_rx_end(&vv_rx, 0);
        if (e < 0 && printed_vv(&vv_rx, pl))
            e = (long)(st + strcspn(pl->fold + st, " "));
        /* Some công văn print the trích yếu as "Về ..." right under the
         * number, without V/v. */
        bool ve = under_cue && left_lines == 1 && split[i] > st + 3 &&
                  strncmp(pl->fold + st, "ve ", 3) == 0 && !islower((unsigned char)pl->text[pl->map[st]]);
        if (e >= 0 || ve ||
            vt_fuzzy_prefix(pl->fold, split[i], st, "ve viec", VT_COST_VE_VIEC, NULL) >= 0) {
            vv_at = i;
            vv_off = st;
            vv_slash = e >= 0;
            while (e >= 0 && (size_t)e < split[i] && !isspace((unsigned char)pl->fold[e]))
                e++; /* the whole cue token: "V/w" */
            vv_len = e >= 0 ? pl->map[e] - pl->map[st] : 0;
            break;
        }
    }
    /* OCR may read the left column's V/v line before the number under
     * which it is printed ("CỤC THUẾ" / "v/v trả lời ..." / "Số: ..."):
     * the V/v cue between the issuer and the number opens the trích yếu,
     * which goes on down to the number, and ends the issuer. */
    size_t vv_stop = scan;
    for (size_t i = 1; vv_at == cx->n && under_cue && i < num.cue_line; i++) {
        const vt_pline *pl = &cx->lines[i];
        if (pl->role == VT_ROLE_HEADER_RIGHT)
            continue;
        bool vv = opens_with_vv(&vv_rx, pl, split[i]);
        if (vv || opens_with_ve(pl, split[i])) {
            vv_at = i;
            vv_off = strspn(pl->fold, " ");
            vv_slash = vv;
            vv_len = vv ? pl->map[vv_off + strcspn(pl->fold + vv_off, " ")] - pl->map[vv_off] : 0;
            vv_stop = num.cue_line;
            top = i;
        }
    }
    vt_rx_clear(&vv_rx);
    if (have_number && type_at == cx->n && vv_at == cx->n && num.line + 1 < scan &&
        cx->lines[num.line + 1].role == VT_ROLE_HEADER_LEFT &&
        (type_at = left_column_title(cx, num.cue_line, &type, &tcost, &type_rest)) < cx->n) {
        /* Its trích yếu is read as a V/v's: the left column's lines under
         * the number; the issuer ends above the title. */
        vv_at = num.line + 1;
        vv_off = strspn(cx->lines[vv_at].fold, " ");
        top = type_at;
    }
    if (!have_number) {
        /* The issuer ends above a number line OCR could not read as one. */
        for (size_t i = 1; i < top && i < scan; i++)
            if (i == vv_at || (cx->lines[i].role == VT_ROLE_HEADER_LEFT && notation_like(&cx->lines[i]))) {
                top = i;
                break;
            }
    }
    bool issuer = parse_issuer(cx, split, top, have_number || bare_cue || have_date || type_at < cx->n);
    place_of_issuer(cx);

    size_t end = (have_number || have_date) ? after + 1 : 0;
    if (type_at < cx->n) {
        char *raw = left_text(&cx->lines[type_at], cx->lines[type_at].flen);
        json_t *f = vt_field(cx, "value", type->form, raw, VT_CONF_CUE * (1 - tcost), type_at, type_at);
        if (type->extra)
            json_object_set_new(f, "abbreviation", json_string(type->extra));
        json_object_set_new(cx->meta, "type", f);
        free(raw);
        /* Trích yếu: the lines under the type name up to a blank line;
         * begun on the type's line, it goes on under it (OCR may put a
         * blank line between). */
        bool on_line = has_alnum(cx->lines[type_at].fold, type_rest, cx->lines[type_at].flen);
        size_t i = type_at + 1;
        while (i < cx->n && blank_line(&cx->lines[i]))
            i++;
        size_t from = on_line ? type_at : i;
        size_t rule = 0, ruled = on_line || i == cx->n ? cx->n : ruled_line(cx, i, &rule);
        if (ruled < cx->n) {
            /* The trích yếu and the opening paragraph run on, parted by
             * the rule printed under the trích yếu. */
            char *head = join_lines(cx, NULL, i, ruled, 0);
            char *tail = left_text(&cx->lines[ruled], rule);
            char *s = *head ? vt_xasprintf("%s %s", head, tail) : vt_xstrdup(tail);
            set_subject(cx, s, i, ruled, VT_CONF_SUBJECT);
            free(s);
            free(tail);
            free(head);
            i = from = cx->n;
        } else if (!on_line && i < cx->n && title_without_subject(cx, i)) {
            i = from = cx->n;
        }
        for (size_t prev = from;
             i < cx->n && text_lines(cx, from, i) < SUBJECT_LINES_ENDED && !blank_line(&cx->lines[i]) &&
             (i == from ||
              (prev == type_at && caps_under(cx, &cx->lines[i]) && !section_heading(&cx->lines[i])) ||
              subject_continues(cx, &cx->lines[from], &cx->lines[prev], &cx->lines[i]));
             prev = i, i = over_empty_line(cx, &cx->lines[from], prev, i + 1))
            ;
        size_t most = from < cx->n && vt_text_mostly_upper(cx->lines[from].text) ? SUBJECT_LINES_CAPS
                                                                                 : SUBJECT_LINES;
        size_t under = i;
        while (under < cx->n && blank_line(&cx->lines[under]))
            under++;
        if (text_lines(cx, from, i) > most &&
            !(under < cx->n && (authority_line(cx, &cx->lines[under]) || body_cue(&cx->lines[under]))))
            i = after_text_lines(cx, from, most);
        if (!issuer && i > from && under < cx->n)
            issuer = issuer_under_subject(cx, under);
        end = type_at + 1;
        if (i > from && vv_at == cx->n) {
            /* The title and its trích yếu stand under both columns, whole:
             * the layout may give a short centred line of them to the
             * right column's block, whose text is no left column's. */
            char *s = join_lines(cx, NULL, from, i, on_line ? type_rest : 0);
            set_subject(cx, s, from, i - 1, VT_CONF_SUBJECT);
            free(s);
            end = i;
        }
    }
    if (vv_at < cx->n) {
        /* Up to four lines more; OCR's text may set an empty line between
         * two, and the line after it goes on when it opens in small
         * letters, as no line of the header after the trích yếu does. */
        size_t i = vv_at + 1, prev = vv_at;
        for (;;) {
            size_t j = i;
            if (j + 1 < vv_stop && !has_alnum(cx->lines[j].fold, 0, cx->lines[j].flen) &&
                opens_small(&cx->lines[j + 1]))
                j++;
            if (!(j < vv_stop && text_lines(cx, vv_at, j) < 5 && has_alnum(cx->lines[j].fold, 0, split[j]) &&
                  subject_continues(cx, &cx->lines[vv_at], &cx->lines[prev], &cx->lines[j]) &&
                  !type_line(cx, j, NULL, NULL) && !labelled_line(&cx->lines[j], split[j])))
                break;
            prev = j;
            i = j + 1;
        }
        char *s = join_lines(cx, split, vv_at, i, vv_off);
        drop_trailing_rule(s);
        /* The cue in its prescribed spelling when OCR bent it ("V/w"). */
        char *v = NULL;
        if (vv_slash && strncmp(s, "V/v", 3) != 0 && strlen(s) > vv_len)
            v = vt_xasprintf("V/v%s", s + vv_len);
        char *spelled = vv_spelled(v ? v : s);
        if (!spelled && !vv_slash)
            spelled = ve_viec_spelled(s);
        json_object_set_new(cx->meta, "subject",
                            vt_field(cx, "value", spelled ? spelled : v ? v : s, s,
                                     VT_CONF_SUBJECT_VV, vv_at, i - 1));
        cx->subject_line = vv_at;
        free(spelled);
        free(v);
        free(s);
        if (type_at == cx->n) {
            json_object_set_new(cx->meta, "type",
                                vt_field(cx, "value", "Công văn", NULL, VT_CONF_TYPE_FROM_VV, vv_at, vv_at));
            type = NULL;
        }
        if (i > end)
            end = i;
    }
    if (type_at == cx->n && vv_at == cx->n && have_number && letter_opens(cx, end))
        json_object_set_new(cx->meta, "type",
                            vt_field(cx, "value", "Công văn", NULL, VT_CONF_TYPE_FROM_LETTER, end, end));
    const vt_lex_entry *named = have_number && type_at == cx->n && vv_at == cx->n &&
                                        !json_object_get(cx->meta, "type")
                                    ? notation_type(cx->lex, num.notation)
                                    : NULL;
    if (named && named->extra) {
        end = title_lost_subject(cx, end, named);
        if (json_object_get(cx->meta, "type"))
            type = named;
    }
    if (!issuer)
        vt_missing(cx, "issuer");
    if (!json_object_get(cx->meta, "type"))
        vt_missing(cx, "type");
    json_t *subject = json_object_get(cx->meta, "subject");
    char *joined = joined_split(json_string_value(json_object_get(subject, "value")));
    if (joined)
        json_object_set_new(subject, "value", json_string(joined));
    free(joined);
    if (!subject)
        vt_missing(cx, "subject");

    if (have_number) {
        emit_number(cx, &num, type ? type->extra : NULL);
        free(num.code_number);
        free(num.notation);
        free(num.raw);
    } else {
        vt_missing(cx, "number");
    }
    cx->header_end = end;
    free(split);
}
