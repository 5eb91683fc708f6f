/* refs.c — documents the dispatch cites: in its trích yếu, the grounds of
 * its preamble ("Căn cứ ...", "Thực hiện ...") and mentions in the body, up to the
 * signature (an appendix cites its own).  A citation is a số và ký hiệu, with the type named before "số",
 * the date after "ngày" and the issuer after "của". */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "parse.h"

/* A cited code: number, year, notation segments.  Its number may end in
 * a small letter ("30c/NQ-CP"), and a firm may number a letter with a
 * range before its year ("01-10/2025/CV-TKV").  A segment may name a unit
 * of its body after a dot, in capitals or digits ("CCTKV.05",
 * "CCTKV.VIII"; "VP.Theo" is a sentence run on).  It stands after no
 * letter, but for the word "số" the number is glued to ("Tờ trình
 * số347/TTr-CP"): a typing slip, and OCR's lost space. */
static const char code_pattern[] =
    "(?:(?<![\\p{L}\\d/-])|(?<=(?<!\\p{L})(?i:s[oố])))(\\d{1,5}(?:[a-z]|-\\d{1,3}(?=/\\d{4}/))?)((?:\\s*/\\s*\\d{4})?)"
    "\\s*([-/])\\s*(\\p{Lu}[\\p{L}\\d&]*(?:\\.[\\p{Lu}\\d]+(?!\\p{Ll}))*)"
    "((?:\\s*[-/]\\s*\\p{Lu}[\\p{L}\\d&]*(?:\\.[\\p{Lu}\\d]+(?!\\p{Ll}))*)*)";
/* The rest of a notation OCR parted with a space after its first letter
 * ("2138/T Tr-BCT", "15/Q Đ-UBND"): a capital and at most one small
 * letter, glued by a dash or a slash to a segment in capitals (a word of
 * the sentence, "Cấp-Xã", is not). */
static const char parted_tail_pattern[] =
    "\\G (\\p{Lu}\\p{Ll}?[-/]\\p{Lu}[\\p{Lu}\\d&]*(?:[-/]\\p{Lu}[\\p{Lu}\\d&]*)*)(?![\\p{L}\\d])";
/* Fold of what follows a code: its date, its day and month as OCR may
 * read their digits ("tháng II"; vt_date_read takes one valid reading). */
static const char date_after[] =
    "\\G[\\s,;(]*(?:ng[a-z0-9]{1,2}y\\s*)?(" VT_RX_DIGIT "{1,2})\\s*(?:[/.-]|th[a-z]{1,3}g)\\s*("
    VT_RX_DIGIT "{1,2})\\s*(?:[/.-]|n[a-z]{1,2}m)\\s*(\\d{4})";
/* A date in words whose day or month no reading makes out ("ngày Ú7"):
 * no date, but the issuer comes after it. */
static const char date_unread[] =
    "\\G[\\s,;(]*ng[a-z0-9]{1,2}y\\s*[^\\s]{1,3}\\s*th[a-z]{1,3}g\\s*[^\\s]{1,3}\\s*n[a-z]{1,2}m\\s*\\d{4}";


/* The type named just before "số": a type from the lexicon, extended by
 * the words up to "số" ("Kế hoạch hành động"); when `abbr` is given, the
 * abbreviation the type's số và ký hiệu names it by ("Đề án" -> "ĐA",
 * NULL when it has none) in *abbr. */
static char *cited_type(const vt_pctx *cx, const vt_pline *pl, size_t code_f, size_t *start,
                        const char **abbr)
{
    *start = code_f;
    size_t e = code_f;
    while (e > 0 && pl->fold[e - 1] == ' ')
        e--;
    size_t ws = e;
    while (ws > 0 && pl->fold[ws - 1] != ' ')
        ws--;
    if (vt_fuzzy_cost(pl->fold + ws, e - ws, "so") <= 0.36)
        e = ws;
    while (e > 0 && pl->fold[e - 1] == ' ')
        e--;
    /* Try the last 1..5 words, longest type first. */
    size_t starts[6], n = 0, p = e;
    while (n < 5 && p > 0) {
        while (p > 0 && pl->fold[p - 1] != ' ')
            p--;
        starts[n++] = p;
        while (p > 0 && pl->fold[p - 1] == ' ')
            p--;
    }
    for (size_t k = n; k > 0; k--) {
        size_t s = starts[k - 1], end = 0;
        const vt_lex_entry *t = vt_lex_prefix(&cx->lex->doc_types, pl->fold, e, s, &end);
        if (!t)
            continue;
        /* At most two more lower-case words ("hành động"), neither
         * "số" nor a number: those are the citation's own. */
        size_t extra = 0;
        bool punct = false;
        for (size_t q = end; q < e; q++) {
            bool word = pl->fold[q] == ' ' && pl->fold[q + 1] != ' ';
            extra += word;
            punct |= ispunct((unsigned char)pl->fold[q]) || isdigit((unsigned char)pl->fold[q]);
            punct |= word && strncmp(pl->fold + q + 1, "so", 2) == 0 &&
                     (q + 3 >= e || pl->fold[q + 3] == ' ');
        }
        if (extra > 2 || punct)
            continue;
        vt_span rest = {pl, end, e};
        char *r = vt_span_text(&rest);
        char *low = vt_text_lower_full(r);
        char *out = *low ? vt_xasprintf("%s %s", t->form, low) : vt_xstrdup(t->form);
        free(r);
        free(low);
        *start = s;
        if (abbr)
            *abbr = t->extra;
        return out;
    }
    return NULL;
}

/* Does a second title joined by a comma start at fold offset f (after
 * ", "): a position the lexicon knows, printed with a capital ("Bộ
 * trưởng, Chủ nhiệm Văn phòng Chính phủ")? */
static bool joined_title(const vt_pctx *cx, const vt_pline *pl, size_t f)
{
    if (!vt_lex_prefix(&cx->lex->positions, pl->fold, pl->flen, f, NULL))
        return false;
    uint32_t c = 0;
    vt_utf8_dec(pl->text + pl->map[f], pl->len - pl->map[f], &c);
    return vt_cp_is_upper(c);
}

/* Is fold offset e a full stop ending a sentence: before a space or the
 * end, and not closing an abbreviation in capitals ("TP.")?  Its word
 * starts at `from` or after. */
static bool full_stop(const vt_pline *pl, size_t from, size_t e)
{
    if (pl->fold[e] != '.' || (e + 1 < pl->flen && pl->fold[e + 1] != ' '))
        return false;
    size_t ws = e;
    while (ws > from && pl->fold[ws - 1] != ' ')
        ws--;
    char *w = vt_xstrndup(pl->text + pl->map[ws], pl->map[e] - pl->map[ws]);
    bool abbr = vt_text_is_upper(w) && e - ws <= 4;
    free(w);
    return !abbr;
}

/* Does the sentence end at fold offset e: a full stop, or a dash between
 * spaces opening the next item ("tỉnh X. - Thay thế")? */
static bool sentence_end(const vt_pline *pl, size_t from, size_t e)
{
    bool dash = pl->fold[e] == ' ' && e + 2 < pl->flen && pl->fold[e + 1] == '-' &&
                pl->fold[e + 2] == ' ';
    return dash || full_stop(pl, from, e);
}

/* "của <issuer>" up to the subject ("về", "ban hành", ...) or the
 * sentence's end; a comma ends it but before a second title ("Bộ
 * trưởng, Chủ nhiệm ...").  *end is where it stops (f when there is
 * none). */
static char *cited_issuer(const vt_pctx *cx, const vt_pline *pl, size_t f, size_t *end)
{
    *end = f;
    while (f < pl->flen && pl->fold[f] == ' ')
        f++;
    if (pl->flen - f < 4 || strncmp(pl->fold + f, "cua ", 4) != 0)
        return NULL;
    size_t s = f + 4, e = s;
    static const char *const stops[] = {" ve ", " ban hanh", " thuc hien", " trien khai",
                                        " phe duyet", " quy dinh", " sua doi", " huong dan",
                                        " cap nhat", " dieu chinh", " bo sung"};
    size_t words = 0;
    while (e < pl->flen && words < 12 && !sentence_end(pl, s, e)) {
        if (strchr(";(:)", pl->fold[e]))
            break;
        if (pl->fold[e] == ',' && !(e + 2 < pl->flen && pl->fold[e + 1] == ' ' &&
                                    joined_title(cx, pl, e + 2)))
            break;
        bool stop = false;
        for (size_t k = 0; k < sizeof stops / sizeof *stops; k++)
            if (strncmp(pl->fold + e, stops[k], strlen(stops[k])) == 0)
                stop = true;
        if (stop)
            break;
        if (pl->fold[e] == ' ')
            words++;
        e++;
    }
    vt_span sp = {pl, s, e};
    char *t = vt_span_text(&sp);
    if (!*t) {
        free(t);
        return NULL;
    }
    *end = e;
    return t;
}

/* The cited document's trích yếu: "về ..." / "về việc ..." right after its
 * number, date or issuer, up to the next citation (fold offset `next`), a
 * clause or sentence end: ';', '(', ':', a full stop (not one closing an
 * abbreviation in capitals, "TP."), or a comma before a capitalised word
 * (the sentence going on: ", UBND phường đề nghị"). */
static char *cited_subject(const vt_pline *pl, size_t f, size_t next, bool named_for)
{
    while (f < pl->flen && (pl->fold[f] == ' ' || pl->fold[f] == ','))
        f++;
    if (pl->flen - f < 4 || strncmp(pl->fold + f, "ve ", 3) != 0)
        return NULL;
    size_t e = f + 3, words = 0;
    for (; e < next && e < pl->flen && words < 80; e++) {
        char c = pl->fold[e];
        if (c == ';' || c == '(' || c == ':')
            break;
        if (c == ' ')
            words++;
        if (full_stop(pl, f, e))
            break;
        if (c == ',' && e + 2 < pl->flen && pl->fold[e + 1] == ' ') {
            const char *t = pl->text + pl->map[e + 2];
            char *w = vt_xstrndup(t, strcspn(t, " "));
            char *low = vt_text_lower_full(w);
            bool cap = strcmp(low, w) != 0;
            free(low);
            free(w);
            if (cap)
                break;
        }
    }
    /* A steering committee is named for its field ("Ban Chỉ đạo ... về
     * phát triển ..."): that "về" is the name's, the document's own
     * comes after it. */
    if (named_for)
        for (size_t q = f + 3; q + 4 <= e; q++)
            if (memcmp(pl->fold + q, " ve ", 4) == 0) {
                f = q + 1;
                break;
            }
    vt_span sp = vt_span_trim((vt_span){pl, f, e});
    while (sp.fe > sp.fs && strchr(",.-", pl->fold[sp.fe - 1]))
        sp.fe--;
    char *t = vt_span_text(&sp);
    /* "về" alone is no trích yếu. */
    if (!strchr(t, ' ')) {
        free(t);
        return NULL;
    }
    return t;
}

/* Does a cue naming a document ("công văn", "văn bản", "đơn", a type the
 * lexicon knows) stand among the words before fold offset f?  A name may
 * say what the document asks for ("Đơn đề nghị xác định mã số số"). */
static bool document_named_before(const vt_pctx *cx, const vt_pline *pl, size_t f)
{
    size_t p = f;
    for (int words = 0; words < 8 && p > 0; words++) {
        while (p > 0 && pl->fold[p - 1] == ' ')
            p--;
        while (p > 0 && pl->fold[p - 1] != ' ')
            p--;
        const char *w = pl->fold + p;
        if (strncmp(w, "van ban ", 8) == 0 || strncmp(w, "don ", 4) == 0 ||
            vt_lex_prefix(&cx->lex->doc_types, pl->fold, f, p, NULL))
            return true;
    }
    return false;
}

/* A number cited behind "số" and a cue naming a document, as printed up to
 * the next space: a firm's or a citizen's numbering the code pattern does
 * not know ("02-1025/NMT", "JHDPC/2025/276", "PAKN.176164"), or a code
 * whose pieces a space parts after its '&' or a dash ("QLN& TTBĐS").  It
 * holds a letter, a digit and a separator, which a quantity or an address
 * ("số 12", "số nhà 5/3") seldom does behind such a cue.  A notation
 * whose segment opens with a digit glued to capitals ("146/0Đ-TTg") is a
 * code whose letter OCR read as a digit, not a numbering of its own: none.
 * The text span
 * [*cs, *ce); false when there is none at fold offset f (after "so "). */
static bool cued_number(const vt_pline *pl, size_t f, size_t *cs, size_t *ce)
{
    size_t s = pl->map[f], e = s;
    for (;;) {
        while (e < pl->len && pl->text[e] != ' ')
            e++;
        if (e < pl->len && e > s && strchr("&-/", pl->text[e - 1])) {
            e++;
            continue;
        }
        break;
    }
    while (e > s && strchr(",;.:)", pl->text[e - 1]))
        e--;
    bool letter = false, digit = false, sep = false, damaged = false;
    for (size_t k = s; k < e; k++) {
        unsigned char c = (unsigned char)pl->text[k];
        letter |= isalpha(c) || c >= 0x80;
        digit |= isdigit(c) != 0;
        sep |= k > s && k + 1 < e && strchr("/.-", c);
        /* A segment of the notation opening with a digit glued to
         * capitals: a letter OCR read as a digit ("146/0Đ-TTg"). */
        damaged |= sep && k >= s + 2 && strchr("/-", pl->text[k - 2]) &&
                   isdigit((unsigned char)pl->text[k - 1]) && (isupper(c) || c >= 0xC0);
    }
    *cs = s;
    *ce = e;
    return letter && digit && sep && !damaged;
}

/* A code as printed, without its spaces, each Cyrillic capital that looks
 * like a Latin one written as that ("BТС" typed with Cyrillic Т and С is
 * BTC), and a fraction or division slash OCR read for the slash written
 * as a slash: codes are Latin and Vietnamese letters, and a look-alike
 * would make one document two. */
static char *code_text(const char *s, size_t len)
{
    static const char cyrillic[] = "АВСЕНКМОРТХ", latin[] = "ABCEHKMOPTX";
    char *out = vt_xmalloc(len + 1);
    size_t o = 0;
    for (size_t k = 0; k < len; k++) {
        if (isspace((unsigned char)s[k]))
            continue;
        const char *c = NULL;
        for (size_t i = 0; k + 1 < len && !c && i + 1 < sizeof cyrillic; i += 2)
            if (s[k] == cyrillic[i] && s[k + 1] == cyrillic[i + 1])
                c = latin + i / 2;
        bool slash = k + 2 < len && (strncmp(s + k, "\u2044", 3) == 0 ||
                                     strncmp(s + k, "\u2215", 3) == 0);
        if (c) {
            out[o++] = *c;
            k++;
        } else if (slash) {
            out[o++] = '/';
            k += 2;
        } else {
            out[o++] = s[k];
        }
    }
    out[o] = '\0';
    return out;
}

/* What tells one cited number from another: its fold without separators,
 * so that a document printed once with its dash lost ("57NQ/TW") is one
 * reference. */
static char *number_key(const char *number)
{
    char *key = vt_text_fold(number);
    size_t w = 0;
    for (size_t k = 0; key[k]; k++)
        if (!strchr("-/.", key[k]))
            key[w++] = key[k];
    key[w] = '\0';
    return key;
}

/* Is the notation's last segment, from seg to end, one letter ("T" of
 * "2138/T", "Đ")? */
static bool one_letter_segment(const char *seg, const char *end)
{
    const char *last = seg;
    for (const char *p = seg; p < end; p++)
        if (*p == '-' || *p == '/')
            last = p + 1;
    size_t n = (size_t)(end - last);
    return n == 1 || (n == 2 && (unsigned char)last[0] >= 0xC0);
}

/* The letters OCR reads for a lone digit 1 where a space parts it from
 * the digits after it (a coarse or bilevel scan's serifed 1 seen as a
 * capital I or a small l). */
static const char one_glyphs[] = "Il|";

/* Where a cited number starts whose digits OCR parted with a space where
 * thousands are grouped ("số 1 205/QĐ-BYT"): a group of one or two
 * digits after "số", or a 1 read as a letter ("số I 205/QĐ-BYT",
 * one_glyphs), then a space, then the three digits matched at text
 * offset cs make one number ("số 2 10/2016/..." is no such number).  cs
 * when there is no such group. */
static size_t parted_number_start(const vt_pline *pl, size_t cs)
{
    if (cs < 2 || pl->text[cs - 1] != ' ' || strspn(pl->text + cs, "0123456789") != 3)
        return cs;
    size_t g = cs - 1;
    while (g > 0 && isdigit((unsigned char)pl->text[g - 1]))
        g--;
    if (g == cs - 1 && g > 0 && strchr(one_glyphs, pl->text[g - 1]))
        g--;
    size_t group = cs - 1 - g;
    if (group < 1 || group > 2 || g == 0 || pl->text[g - 1] != ' ')
        return cs;
    size_t f = vt_fold_offset(pl, g - 1);
    size_t w = f;
    while (w > 0 && pl->fold[w - 1] != ' ')
        w--;
    return f - w == 2 && strncmp(pl->fold + w, "so", 2) == 0 ? g : cs;
}

typedef struct citation {
    size_t cs, ce;      /* the number's text span */
    bool one_as_letter; /* its first digit, a 1, printed as a letter (one_glyphs) */
} citation;

static int by_start(const void *a, const void *b)
{
    const citation *x = a, *y = b;
    return x->cs < y->cs ? -1 : x->cs > y->cs;
}

/* The trích yếu as the header read it, when it stands above the body:
 * a document it cites ("V/v triển khai Nghị định 136/2025/NĐ-CP", "BÃI
 * BỎ QUYẾT ĐỊNH SỐ ...") is one the dispatch answers to, though the body
 * may not name it again.  NULL when there is none. */
static const char *subject_text(const vt_pctx *cx)
{
    json_t *s = json_object_get(cx->meta, "subject");
    if (!s || cx->subject_line >= cx->body_from)
        return NULL;
    return json_string_value(json_object_get(s, "value"));
}

void vt_parse_references(vt_pctx *cx)
{
    size_t to = cx->body_to;
    /* The trích yếu and the body as one text; a line ending in '-' or '/'
     * continues a code. */
    const char *subject = subject_text(cx);
    size_t cap = 1 + (subject ? strlen(subject) + 2 : 0), n = 0;
    for (size_t i = cx->body_from; i < to; i++)
        cap += cx->lines[i].len + 2;
    char *buf = vt_xmalloc(cap);
    size_t *line_at = vt_xmalloc(cap * sizeof *line_at);
    /* A semicolon closes the trích yếu, so that what a citation in it is
     * about stops before the body. */
    for (size_t k = 0; subject && subject[k]; k++) {
        line_at[n] = cx->subject_line;
        buf[n++] = subject[k];
    }
    if (n) {
        line_at[n] = cx->subject_line;
        buf[n++] = ';';
    }
    for (size_t i = cx->body_from; i < to; i++) {
        const vt_pline *pl = &cx->lines[i];
        const char *t = pl->text;
        size_t len = pl->len;
        while (len && isspace((unsigned char)t[0])) {
            t++;
            len--;
        }
        while (len && isspace((unsigned char)t[len - 1]))
            len--;
        if (!len)
            continue;
        if (n && buf[n - 1] != '-' && buf[n - 1] != '/') {
            /* A line that opens a list entry ("- Tổ chức ...") starts a
             * sentence: its dash is no segment of a code that ends the
             * line above ("... Nghị quyết số 12/NQ-CP"). */
            size_t mark = vt_list_mark_len(t);
            if (mark && t[mark] == ' ' && isalnum((unsigned char)buf[n - 1])) {
                line_at[n] = i;
                buf[n++] = ';';
            }
            line_at[n] = i;
            buf[n++] = ' ';
        }
        for (size_t k = 0; k < len; k++) {
            line_at[n] = i;
            buf[n++] = t[k];
        }
    }
    buf[n] = '\0';
    vt_pline pre;
    vt_pline_init(&pre, buf);

    vt_rx code = {0}, date = {0}, unread = {0}, ahead = {0}, parted = {0};
    json_t *refs = json_array();
    json_t *numbers = json_object(); /* folded numbers seen */
    json_t *own = json_object_get(cx->meta, "number");
    char *own_fold = own ? number_key(json_string_value(json_object_get(own, "value"))) : NULL;
    citation *cites = NULL;
    size_t ncites = 0, cites_cap = 0;
    if (vt_rx_init(&code, code_pattern, true) && vt_rx_init(&date, date_after, false) &&
        vt_rx_init(&unread, date_unread, false) &&
        vt_rx_init(&ahead, code_pattern, true) && vt_rx_init(&parted, parted_tail_pattern, true)) {
        /* Codes of documents, wherever the body names them. */
        for (size_t from = 0; vt_rx_find(&code, pre.text, pre.len, from);) {
            size_t cs = parted_number_start(&pre, (size_t)vt_rx_start(&code, 0));
            size_t ce = (size_t)vt_rx_end(&code, 0);
            bool more = vt_rx_end(&code, 5) > vt_rx_start(&code, 5);
            if (vt_rx_find(&parted, pre.text, pre.len, ce) &&
                one_letter_segment(pre.text + vt_rx_start(&code, 4), pre.text + ce)) {
                ce = (size_t)vt_rx_end(&parted, 0);
                more = true;
            }
            from = ce;
            size_t type_f;
            char *type = cited_type(cx, &pre, vt_fold_offset(&pre, cs), &type_f, NULL);
            /* A lone segment must be a code in capitals ("123/SYT"), not a
             * numbered paragraph ("7 - Chủ trì"). */
            char *seg = vt_xstrndup(pre.text + vt_rx_start(&code, 4),
                                    (size_t)(vt_rx_end(&code, 4) - vt_rx_start(&code, 4)));
            bool caps = vt_text_is_upper(seg);
            free(seg);
            free(type);
            /* A number with its year ("64/2025/QH15") is a document's
             * whatever names it ("Luật Đất đai số ..."). */
            bool year = vt_rx_end(&code, 2) > vt_rx_start(&code, 2);
            if (!more && !(caps && (type || year)))
                continue;
            VT_GROW(cites, ncites, cites_cap);
            cites[ncites++] = (citation){cs, ce, !isdigit((unsigned char)pre.text[cs])};
        }
        /* Numbers behind "số" a cue names as a document's; one the codes
         * hold already is taken as printed after the cue, whole. */
        for (size_t f = 1; f + 3 < pre.flen; f++) {
            size_t cs, ce;
            if (pre.fold[f - 1] != ' ' || strncmp(pre.fold + f, "so ", 3) != 0 ||
                !document_named_before(cx, &pre, f) || !cued_number(&pre, f + 3, &cs, &ce))
                continue;
            size_t k = 0;
            while (k < ncites && !(cites[k].cs < ce && cs < cites[k].ce))
                k++;
            if (k < ncites) {
                if (cites[k].cs == cs && ce > cites[k].ce)
                    cites[k].ce = ce;
                continue;
            }
            VT_GROW(cites, ncites, cites_cap);
            cites[ncites++] = (citation){cs, ce, false};
        }
        if (ncites > 1) /* qsort takes no null array, which none found leaves */
            qsort(cites, ncites, sizeof *cites, by_start);
    }
    for (size_t c = 0; c < ncites; c++) {
        size_t cs = cites[c].cs, ce = cites[c].ce;
        size_t csf = vt_fold_offset(&pre, cs), cef = vt_fold_offset(&pre, ce);
        size_t type_f;
        const char *type_abbr = NULL;
        char *type = cited_type(cx, &pre, csf, &type_f, &type_abbr);
        char *num = code_text(pre.text + cs, ce - cs);
        if (cites[c].one_as_letter)
            num[0] = '1';
        char *fixed = vt_repair_notation(cx, num, type_abbr);
        free(num);
        num = fixed;
        char *nf = number_key(num);
        if ((own_fold && strcmp(nf, own_fold) == 0) || json_object_get(numbers, nf)) {
            free(nf);
            free(num);
            free(type);
            continue;
        }
        json_object_set_new(numbers, nf, json_true());
        json_t *r = json_object();
        if (type)
            json_object_set_new(r, "type", json_string(type));
        json_object_set_new(r, "number", json_string(num));
        size_t after = cef;
        if (vt_rx_find(&date, pre.fold, pre.flen, cef) && vt_rx_start(&date, 0) == (long)cef) {
            char *tok[3];
            for (int g = 0; g < 3; g++)
                tok[g] = vt_xstrndup(pre.fold + vt_rx_start(&date, g + 1),
                                     (size_t)(vt_rx_end(&date, g + 1) - vt_rx_start(&date, g + 1)));
            int y = 0, m = 0, d = 0;
            bool repaired = false;
            int found = vt_date_read(tok[0], tok[1], tok[2], &y, &m, &d, &repaired);
            for (int g = 0; g < 3; g++)
                free(tok[g]);
            if (found == 1 && vt_date_valid(y, m, d)) {
                char iso[16];
                snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
                json_object_set_new(r, "date", json_string(iso));
            }
            after = (size_t)vt_rx_end(&date, 0);
        } else if (vt_rx_find(&unread, pre.fold, pre.flen, cef) &&
                   vt_rx_start(&unread, 0) == (long)cef) {
            after = (size_t)vt_rx_end(&unread, 0);
        }
        size_t issuer_end;
        char *issuer = cited_issuer(cx, &pre, after, &issuer_end);
        if (issuer) {
            json_object_set_new(r, "issuer", json_string(issuer));
            char *coded = vt_code_by_issuer(cx->lex, num, issuer);
            if (coded) {
                json_object_set_new(r, "number", json_string(coded));
                free(num);
                num = coded;
            }
        }
        /* The next citation (its type words included) ends this one's
         * subject. */
        size_t next = pre.flen;
        if (c + 1 < ncites) {
            size_t nt_at;
            free(cited_type(cx, &pre, vt_fold_offset(&pre, cites[c + 1].cs), &nt_at, NULL));
            next = nt_at;
        }
        if (vt_rx_find(&ahead, pre.text, pre.len, ce)) {
            size_t nf_at = vt_fold_offset(&pre, (size_t)vt_rx_start(&ahead, 0)), nt_at;
            free(cited_type(cx, &pre, nf_at, &nt_at, NULL));
            if (nt_at < next)
                next = nt_at;
        }
        char *ifold = issuer ? vt_text_fold(issuer) : NULL;
        bool named_for = ifold && strncmp(ifold, "ban chi dao", 11) == 0;
        free(ifold);
        char *subject = cited_subject(&pre, issuer_end, next, named_for);
        if (subject)
            json_object_set_new(r, "subject", json_string(subject));
        free(subject);
        vt_span raw = {&pre, csf, after};
        char *rt = vt_span_text(&raw);
        json_object_set_new(r, "raw", json_string(rt));
        json_object_set_new(r, "confidence", json_real(type ? 0.9 : 0.75));
        json_object_set_new(r, "evidence", vt_evidence(cx, line_at[cs], line_at[ce > cs ? ce - 1 : cs]));
        json_array_append_new(refs, r);
        free(rt);
        free(issuer);
        free(nf);
        free(num);
        free(type);
    }
    free(cites);
    vt_rx_clear(&code);
    vt_rx_clear(&date);
    vt_rx_clear(&unread);
    vt_rx_clear(&ahead);
    vt_rx_clear(&parted);
    if (json_array_size(refs))
        json_object_set_new(cx->meta, "references", refs);
    else
        json_decref(refs);
    json_decref(numbers);
    free(own_fold);
    vt_pline_clear(&pre);
    free(buf);
    free(line_at);
}
