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

/* A day/month/year token: digits and the letters OCR makes of them.  The
 * day, and sometimes the month, is written by hand in a blank left for it:
 * then the blank is empty (blue ink dropped), or holds a short run of
 * marks, which may have run into the cue ("ngàW/†"). */
#define DT "[0-9oqdlij|!\\]tfzsbg$]"
static const char date_pattern[] =
    "(?:^|[^a-z])(ng[a-z0-9@]{1,2}y|ng[a-z0-9@]{1,2}(?=\\S))\\s*[,.:]?\\s*"
    "(?:(" DT "{1,2})|\\S{1,6}?)?\\s*[,./-]?\\s*"
    "th[a-z0-9@]{1,3}?g\\s*(?:(" DT "{1,2})|\\S{1,6}?)?\\s*[,./-]?\\s*"
    "n[a-z0-9@]{1,2}m\\s*[,.:]?\\s*(" DT "{4})";

/* Số và ký hiệu after the "Số" cue: number, then notation segments. */
static const char number_pattern[] =
    "\\G[\\s:;.,]*(\\d*)\\s*([-/])\\s*([\\p{L}\\d&.]+(?:\\s*[-/]\\s*[\\p{L}\\d&.]+)*)";

static bool has_alnum(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
            return true;
    return false;
}

/* Start of the place name before ", ngày": the run of capitalised words
 * just before the comma, shortened to a place the lexicon knows. */
static size_t place_start(const vt_pctx *cx, const vt_pline *pl, size_t date_at)
{
    size_t e = date_at;
    while (e > 0 && (isspace((unsigned char)pl->fold[e - 1]) || pl->fold[e - 1] == ','))
        e--;
    size_t starts[6], n = 0, p = e;
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
        if (!cap)
            break;
        starts[n++] = ws;
        while (p > 0 && isspace((unsigned char)pl->fold[p - 1]))
            p--;
    }
    if (n == 0)
        return date_at;
    /* The longest run that is a known place wins; else the whole run. */
    for (size_t k = n; k > 0; k--) {
        size_t s = starts[k - 1];
        if (vt_lex_match(&cx->lex->places, pl->fold + s, e - s, 0, NULL))
            return s;
    }
    return starts[n - 1];
}

static bool find_date(vt_rx *rx, const vt_pline *pl, size_t *s, size_t *e)
{
    if (!vt_rx_find(rx, pl->fold, pl->flen, 0))
        return false;
    *s = (size_t)vt_rx_start(rx, 1);
    *e = (size_t)vt_rx_end(rx, 0);
    return true;
}

/* Where the right column begins on a header line (flen when it does not). */
static size_t split_line(const vt_pctx *cx, const vt_pline *pl, vt_rx *date_rx)
{
    if (pl->role == VT_ROLE_HEADER_LEFT || pl->role == VT_ROLE_FOOTER_LEFT)
        return pl->flen;
    if (pl->role == VT_ROLE_HEADER_RIGHT || pl->role == VT_ROLE_FOOTER_RIGHT)
        return 0;
    size_t best = pl->flen, s, e;
    if (vt_fuzzy_find(pl->fold, pl->flen, 0, "cong hoa xa hoi chu nghia viet nam", 0.3, &s, &e, NULL) &&
        s < best)
        best = s;
    if (vt_fuzzy_find(pl->fold, pl->flen, 0, "doc lap tu do hanh phuc", 0.3, &s, &e, NULL) && s < best)
        best = s;
    if (find_date(date_rx, pl, &s, &e)) {
        size_t p = place_start(cx, pl, s);
        if (p < best)
            best = p;
    }
    return best;
}

static char *left_text(const vt_pline *pl, size_t le)
{
    vt_span sp = {pl, 0, le};
    return vt_span_clean(&sp);
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

typedef struct group {
    char *raw;
    size_t from, to;
} group;

/* The issuer: the left column's lines above `end`.  Unanchored (no
 * number, date or type name found: a page after the first) only lines
 * that name a body count, and never Nơi nhận or the signer's block. */
static void parse_issuer(vt_pctx *cx, const size_t *split, size_t end, bool anchored)
{
    group g[8];
    size_t ng = 0;
    bool any_organ = false, left_column = false;
    size_t from = end > 6 ? end - 6 : 0;
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
        char *t = left_text(pl, split[i]);
        char *f = vt_text_fold(t);
        /* A rule under the name reads as a mark or a lone letter. */
        size_t letters = 0;
        for (const char *c = f; *c; c++)
            letters += isalpha((unsigned char)*c) != 0;
        if (letters < 2 || vt_is_mark(t)) {
            free(f);
            free(t);
            continue;
        }
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
    if (ng == 0 || (!anchored && !any_organ)) {
        for (size_t i = 0; i < ng; i++)
            free(g[i].raw);
        vt_missing(cx, "issuer");
        return;
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
}

/* Initials of a body's name as ký hiệu spell it: "Sở Giáo dục và Đào tạo"
 * -> "SGDĐT" (each syllable's first letter, "và" left out). */
static char *initials(const char *name)
{
    char *up = vt_xstrdup(name);
    size_t n = strlen(up), o = 0;
    char *out = vt_xmalloc(n + 1);
    const char *p = up;
    char *w;
    while ((w = vt_next_word(&p))) {
        char *f = vt_text_fold(w);
        if (strcmp(f, "va") != 0 && isalpha((unsigned char)f[0])) {
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

static bool same_but_d(const char *a, const char *b)
{
    if (strlen(a) != strlen(b))
        return false;
    for (; *a; a++, b++) {
        char x = (char)tolower((unsigned char)*a), y = (char)tolower((unsigned char)*b);
        if (x == 'p' || x == 'b')
            x = 'd';
        if (y == 'p' || y == 'b')
            y = 'd';
        if (x != y)
            return false;
    }
    return true;
}

/* A segment that is itself a known code is left as printed. */
static bool known_code(const vt_lexicon *lex, const char *seg)
{
    for (size_t i = 0; i < lex->abbreviations.n; i++)
        if (strcmp(lex->abbreviations.v[i].form, seg) == 0)
            return true;
    for (size_t i = 0; i < lex->doc_types.n; i++)
        if (lex->doc_types.v[i].extra && strcmp(lex->doc_types.v[i].extra, seg) == 0)
            return true;
    return false;
}

char *vt_repair_notation(const vt_pctx *cx, const char *notation, const char *type_abbr)
{
    char *ini = cx->issuer_name ? initials(cx->issuer_name) : NULL;
    size_t n = strlen(notation);
    char *out = vt_xmalloc(n * 2 + 8);
    size_t o = 0;
    const char *p = notation;
    while (*p) {
        size_t k = strcspn(p, "-/");
        char *seg = vt_xstrndup(p, k);
        char *f = vt_text_fold(seg);
        const char *fix = NULL;
        if (!strstr(seg, "Đ") && !known_code(cx->lex, seg)) { /* an Đ may be lost */
            const char *cands[2] = {ini, type_abbr};
            for (size_t c = 0; c < 2 && !fix; c++) {
                if (!cands[c])
                    continue;
                char *cf = vt_text_fold(cands[c]);
                /* Only a spelling with Đ can restore one the OCR lost. */
                if (strstr(cands[c], "Đ") && strcmp(cands[c], seg) != 0 && same_but_d(cf, f))
                    fix = cands[c];
                free(cf);
            }
            for (size_t i = 0; i < cx->lex->doc_types.n && !fix; i++) {
                const vt_lex_entry *t = &cx->lex->doc_types.v[i];
                if (t->extra && strstr(t->extra, "Đ")) {
                    char *tf = vt_text_fold(t->extra);
                    if (same_but_d(tf, f))
                        fix = t->extra;
                    free(tf);
                }
            }
            for (size_t i = 0; i < cx->lex->abbreviations.n && !fix; i++) {
                const vt_lex_entry *a = &cx->lex->abbreviations.v[i];
                if (strstr(a->form, "Đ") && vt_text_is_upper(a->form) && same_but_d(a->fold, f))
                    fix = a->form;
            }
        }
        const char *use = fix ? fix : seg;
        memcpy(out + o, use, strlen(use));
        o += strlen(use);
        if (p[k])
            out[o++] = p[k++];
        out[o] = '\0';
        p += k;
        free(seg);
        free(f);
        out = vt_xrealloc(out, o + n * 2 + 8);
    }
    out[o] = '\0';
    free(ini);
    return out;
}

typedef struct number {
    size_t line;
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
static bool capital_cue(const vt_pline *pl)
{
    const char *t = pl->text;
    while (*t && !isalnum((unsigned char)*t))
        t++;
    return !islower((unsigned char)*t);
}

static bool parse_number(vt_pctx *cx, const size_t *split, size_t scan, number *num)
{
    vt_rx rx;
    if (!vt_rx_init(&rx, number_pattern, true))
        return false;
    bool found = false;
    for (size_t i = 0; i < scan && !found; i++) {
        const vt_pline *pl = &cx->lines[i];
        size_t le = split[i];
        double c = 0;
        long e = vt_fuzzy_prefix(pl->fold, le, 0, "so", CUE_COST, &c);
        if (e < 0 || !capital_cue(pl))
            continue;
        size_t ts = pl->map[e], te = pl->map[le];
        bool matched = vt_rx_find(&rx, pl->text, te, ts) && vt_rx_start(&rx, 0) == (long)ts;
        bool by_hand = !matched || vt_rx_end(&rx, 1) == vt_rx_start(&rx, 1);
        if (by_hand) {
            /* No printed digits: the number was written in by hand. */
            long at = printed_notation(pl->text, ts, te);
            matched = at >= 0 && vt_rx_find(&rx, pl->text, te, (size_t)at) &&
                      vt_rx_start(&rx, 0) == at;
        }
        if (!matched)
            continue;
        char *digits = vt_xstrndup(pl->text + vt_rx_start(&rx, 1),
                                   (size_t)(vt_rx_end(&rx, 1) - vt_rx_start(&rx, 1)));
        char *nota = vt_xstrndup(pl->text + vt_rx_start(&rx, 3),
                                 (size_t)(vt_rx_end(&rx, 3) - vt_rx_start(&rx, 3)));
        /* Notation without spaces; it must hold a letter. */
        size_t o = 0;
        bool letter = false;
        for (size_t k = 0; nota[k]; k++)
            if (!isspace((unsigned char)nota[k])) {
                letter |= isalpha((unsigned char)nota[k]) || (unsigned char)nota[k] >= 0x80;
                nota[o++] = nota[k];
            }
        nota[o] = '\0';
        if (!letter) {
            free(digits);
            free(nota);
            continue;
        }
        /* Party style "478-KH/TU" keeps its dash: the separator is printed. */
        char sep = pl->text[vt_rx_start(&rx, 2)];
        num->line = i;
        num->handwritten = by_hand;
        num->code_number = digits;
        char *full = vt_xasprintf("%c%s", sep, nota);
        free(nota);
        num->notation = full;
        num->raw = vt_xstrndup(pl->text, (size_t)vt_rx_end(&rx, 0));
        num->conf = VT_CONF_CUE * (1 - c);
        cx->number_line = i;
        found = true;
    }
    vt_rx_clear(&rx);
    return found;
}

static void emit_number(vt_pctx *cx, number *num, const char *type_abbr)
{
    char *nota = vt_repair_notation(cx, num->notation + 1, type_abbr);
    char *value = vt_xasprintf("%s%c%s", num->code_number, num->notation[0], nota);
    char *raw = vt_clean_text(num->raw, strlen(num->raw));
    json_t *f = vt_field(cx, "value", value, raw, num->conf, num->line, num->line);
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
 * digits.  0 readings or several: no value. */
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
    if (readings > 1 || (*tok[0] && strspn(tok[0], "0123456789") == strlen(tok[0])))
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
        char tok[3][8];
        for (int g = 0; g < 3; g++) {
            long a = vt_rx_start(&rx, g + 2), b = vt_rx_end(&rx, g + 2);
            snprintf(tok[g], sizeof tok[g], "%.*s", a < 0 ? 0 : (int)(b - a),
                     a < 0 ? "" : pl->fold + a);
        }
        bool repaired = false, handwritten = false;
        char iso[16];
        int readings = read_date(tok, iso, &repaired, &handwritten);
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
        /* The place is the right column up to the comma before "ngày". */
        vt_span sp = {pl, ps, s};
        char *place = vt_span_clean(&sp);
        if (*place && has_alnum(place, 0, strlen(place))) {
            char *pv = vt_place_case(cx->lex, place);
            json_object_set_new(cx->meta, "place", vt_field(cx, "value", pv, place, VT_CONF_PLACE, i, i));
            free(pv);
        } else {
            vt_missing(cx, "place");
        }
        free(place);
    }
    vt_rx_clear(&rx);
    return found;
}

/* The type name stands alone on its line, in capitals. */
static const vt_lex_entry *type_line(const vt_pctx *cx, size_t i, double *cost)
{
    const vt_pline *pl = &cx->lines[i];
    vt_span sp = vt_span_trim((vt_span){pl, 0, pl->flen});
    size_t words = 1;
    for (size_t k = sp.fs; k < sp.fe; k++)
        words += pl->fold[k] == ' ';
    if (sp.fe <= sp.fs || words > 6)
        return NULL;
    char *t = vt_span_clean(&sp);
    char *f = vt_text_fold(t);
    const vt_lex_entry *e = vt_lex_match(&cx->lex->doc_types, f, strlen(f), 0.25, cost);
    if (e && strcmp(e->section, "copies") == 0)
        e = NULL; /* "SAO Y" marks a copy, not the type */
    free(t);
    free(f);
    return e;
}

static bool blank_line(const vt_pline *pl)
{
    return !has_alnum(pl->fold, 0, pl->flen);
}

/* A line that begins the body rather than continuing the trích yếu. */
static bool body_cue(const vt_pline *pl)
{
    static const char *const cues[] = {"can cu", "kinh gui", "thuc hien", "theo de nghi"};
    for (size_t k = 0; k < sizeof cues / sizeof *cues; k++)
        if (vt_fuzzy_prefix(pl->fold, pl->flen, 0, cues[k], 0.2, NULL) >= 0)
            return true;
    return false;
}

/* Without a blank line after it, the trích yếu ends where a line reads as
 * something else: a cue of the body, a line in capitals (the authority of a
 * Quyết định), a sentence ending in punctuation or a whole paragraph. */
static bool subject_continues(const vt_pline *prev, const vt_pline *pl)
{
    /* On a page image the space before the body shows as a gap, and a
     * line of the trích yếu may end in a full stop or a semicolon. */
    bool boxed = prev->box.w > 0 && pl->box.w > 0 && prev->page == pl->page;
    if (boxed) {
        int gap = pl->box.y - (prev->box.y + prev->box.h);
        if (gap * 4 > prev->box.h + pl->box.h)
            return false;
    }
    size_t n = pl->len;
    while (n && isspace((unsigned char)pl->text[n - 1]))
        n--;
    return !body_cue(pl) && !vt_text_is_upper(pl->text) && n > 0 && n <= 120 &&
           (boxed || !strchr(".:;", pl->text[n - 1]));
}

static void set_subject(vt_pctx *cx, char *text, size_t from, size_t to, double conf)
{
    json_object_set_new(cx->meta, "subject", vt_field(cx, "value", text, text, conf, from, to));
}

/* Join lines [from, to) (left columns) into one trích yếu, without the
 * full stop some pages print after it. */
static char *join_lines(const vt_pctx *cx, const size_t *split, size_t from, size_t to,
                        size_t first_offset)
{
    char *acc = vt_xstrdup("");
    for (size_t i = from; i < to; i++) {
        const vt_pline *pl = &cx->lines[i];
        size_t le = i < HEADER_SCAN ? split[i] : pl->flen;
        vt_span sp = {pl, i == from ? first_offset : 0, le};
        char *t = vt_span_text(&sp);
        if (*t) {
            char *j = *acc ? vt_xasprintf("%s %s", acc, t) : vt_xstrdup(t);
            free(acc);
            acc = j;
        }
        free(t);
    }
    size_t n = strlen(acc);
    if (n >= 2 && acc[n - 1] == '.' && acc[n - 2] != '.')
        acc[n - 1] = '\0';
    return acc;
}

void vt_parse_header(vt_pctx *cx)
{
    size_t scan = cx->n < HEADER_SCAN ? cx->n : HEADER_SCAN;
    size_t *split = vt_xcalloc(scan + 1, sizeof *split);
    vt_rx date_rx;
    vt_rx_init(&date_rx, date_pattern, false);
    for (size_t i = 0; i < scan; i++)
        split[i] = split_line(cx, &cx->lines[i], &date_rx);
    vt_rx_clear(&date_rx);

    /* Number and date stand above the type name and the body's first cue;
     * below them they are a cited document's. */
    size_t limit = 0;
    while (limit < scan && !body_cue(&cx->lines[limit]) &&
           (cx->lines[limit].role == VT_ROLE_HEADER_LEFT ||
            cx->lines[limit].role == VT_ROLE_HEADER_RIGHT || !type_line(cx, limit, NULL)))
        limit++;
    number num = {0};
    bool have_number = parse_number(cx, split, limit, &num);
    size_t date_line = cx->n;
    bool have_date = parse_date(cx, split, limit, &date_line);
    if (!have_date) {
        vt_missing(cx, "date");
        vt_missing(cx, "place");
    }

    /* The issuer sits above the number (or the date, or the type); with
     * none of them, among the page's first lines. */
    size_t top = have_number ? num.line : have_date ? date_line : scan < 6 ? scan : 6;
    size_t after = have_number ? num.line : 0;
    if (have_date && date_line > after)
        after = date_line;

    /* Type name: the first lone line naming a type, below number and date. */
    size_t type_at = cx->n;
    double tcost = 1;
    const vt_lex_entry *type = NULL;
    for (size_t i = have_number || have_date ? after + 1 : 0; i < scan && i <= after + 8; i++) {
        if ((type = type_line(cx, i, &tcost))) {
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
    for (size_t i = have_number ? num.line + 1 : 0; i < scan && i < type_at; i++) {
        const vt_pline *pl = &cx->lines[i];
        if (pl->role == VT_ROLE_HEADER_RIGHT || (!have_number && pl->role != VT_ROLE_HEADER_LEFT))
            continue;
        if (have_number && ++left_lines > 3)
            break;
        size_t st = 0;
        while (st < split[i] && isspace((unsigned char)pl->fold[st]))
            st++;
        long e = vt_fuzzy_prefix(pl->fold, split[i], st, "v/v", VT_COST_SHORT_CUE, NULL);
        if (e >= 0 || vt_fuzzy_prefix(pl->fold, split[i], st, "ve viec", VT_COST_VE_VIEC, NULL) >= 0) {
            vv_at = i;
            vv_off = st;
            vv_slash = e >= 0;
            while (e >= 0 && (size_t)e < split[i] && !isspace((unsigned char)pl->fold[e]))
                e++; /* the whole cue token: "V/w" */
            vv_len = e >= 0 ? pl->map[e] - pl->map[st] : 0;
            break;
        }
    }
    if (!have_number) {
        /* The issuer ends above a number line OCR could not read as one. */
        for (size_t i = 1; i < top && i < scan; i++)
            if (cx->lines[i].role == VT_ROLE_HEADER_LEFT &&
                (i == vv_at || notation_like(&cx->lines[i]))) {
                top = i;
                break;
            }
    }
    parse_issuer(cx, split, top, have_number || have_date || type_at < cx->n);

    size_t end = (have_number || have_date) ? after + 1 : 0;
    if (type_at < cx->n) {
        char *raw = left_text(&cx->lines[type_at], cx->lines[type_at].flen);
        json_t *f = vt_field(cx, "value", type->form, raw, VT_CONF_CUE * (1 - tcost), type_at, type_at);
        if (type->extra)
            json_object_set_new(f, "abbreviation", json_string(type->extra));
        json_object_set_new(cx->meta, "type", f);
        free(raw);
        /* Trích yếu: the lines under the type name up to a blank line. */
        size_t i = type_at + 1;
        while (i < cx->n && blank_line(&cx->lines[i]))
            i++;
        size_t from = i;
        while (i < cx->n && i < from + 6 && !blank_line(&cx->lines[i]) &&
               (i == from || subject_continues(&cx->lines[i - 1], &cx->lines[i])))
            i++;
        end = type_at + 1;
        if (i > from && vv_at == cx->n) {
            char *s = join_lines(cx, split, from, i, 0);
            set_subject(cx, s, from, i - 1, VT_CONF_SUBJECT);
            free(s);
            end = i;
        }
    }
    if (vv_at < cx->n) {
        size_t i = vv_at + 1;
        while (i < scan && i < vv_at + 5 && has_alnum(cx->lines[i].fold, 0, split[i]) &&
               subject_continues(&cx->lines[i - 1], &cx->lines[i]) && !type_line(cx, i, NULL))
            i++;
        char *s = join_lines(cx, split, vv_at, i, vv_off);
        /* The cue in its prescribed spelling when OCR bent it ("V/w"). */
        char *v = s;
        if (vv_slash && strncmp(s, "V/v", 3) != 0 && strlen(s) > vv_len)
            v = vt_xasprintf("V/v%s", s + vv_len);
        json_object_set_new(cx->meta, "subject", vt_field(cx, "value", v, s, VT_CONF_SUBJECT_VV, vv_at, i - 1));
        if (v != s)
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
    if (!json_object_get(cx->meta, "type"))
        vt_missing(cx, "type");
    if (!json_object_get(cx->meta, "subject"))
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
