/* footer.c — the foot of a dispatch (Nghị định 30, Điều 12–13): "Nơi
 * nhận" with its entries in the left column; the authority (TM., KT., TL.,
 * TUQ., Q.), position and signer's name in the right column.
 *
 * Text input merges the columns, so each footer line is cut where its
 * right column begins: after the entry's closing ';', or where an
 * authority or a position printed in capitals starts. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "confidence.h"
#include "internal.h"
#include "parse.h"

/* Lines after "Nơi nhận" that can still belong to the footer, and lines
 * between the title and the name (signature and seal); blank lines, which
 * OCR leaves between the lines, are not counted. */
#define FOOTER_SPAN 30
#define NAME_GAP 14

/* TM., KT., TL., TUQ., Q.; party documents write T/M, K/T, T/L.  OCR
 * may lose the dot ("KT GIÁM ĐỐC"): a prefix without it opens the line
 * or the column (two spaces before it), so that a unit's code in a list
 * ("Lưu: VT, KT NN") is none; find_authority wants it in capitals.  OCR
 * may lose the space too ("KTGIÁM ĐỐC"): no Vietnamese word opens with
 * KT, TM or TL, so a line opening so is the prefix glued to the title. */
static const char authority_pattern[] =
    "(?:^|[^a-z0-9/])((?:tuq|tm|tl|kt|q)(?=\\s*[.,])|(?:t/m|k/t|t/l)(?=[\\s.,])"
    "|(?<=^|^\\s|\\s\\s)(?:tuq|tm|tl|kt)(?=\\s+[a-z(])|(?<=^|^\\s)(?:tm|tl|kt)(?=[a-z]{2}))"
    "\\s*[.,]?\\s*(?=[a-z(])";

typedef struct item {
    char *text;
    char *orig; /* the same words as first seen, when restore changed them */
    size_t line;
} item;

typedef struct items {
    item *v;
    size_t n, cap;
} items;

static void add_item(items *it, char *text, char *orig, size_t line)
{
    VT_GROW(it->v, it->n, it->cap);
    it->v[it->n++] = (item){text, orig, line};
}

static void free_items(items *it)
{
    for (size_t i = 0; i < it->n; i++) {
        free(it->v[i].text);
        free(it->v[i].orig);
    }
    free(it->v);
}

static char *span_text(const vt_pline *pl, size_t fs, size_t fe)
{
    vt_span sp = {pl, fs, fe};
    return vt_span_text(&sp);
}

/* The index `count` lines below line `from`, blank lines not counted
 * (at most cx->n). */
static size_t lines_below(const vt_pctx *cx, size_t from, size_t count)
{
    size_t i = from;
    while (i < cx->n && count) {
        i++;
        if (i < cx->n && cx->lines[i].flen > strspn(cx->lines[i].fold, " "))
            count--;
    }
    return i;
}

/* A footnote's line ("[1] Thông báo số ..."): the notes a document
 * prints after its signature end the foot.  OCR may read the 1 as l or I,
 * or the closing bracket as a parenthesis. */
static bool footnote_line(const vt_pline *pl)
{
    const char *f = pl->fold + strspn(pl->fold, " ");
    if (*f != '[')
        return false;
    size_t digits = strspn(f + 1, "0123456789li");
    return digits >= 1 && digits <= 2 && (f[1 + digits] == ']' || f[1 + digits] == ')') &&
           f[2 + digits] == ' ';
}

/* The line that ends the foot from line `from` (the cue or the signature
 * block) on: FOOTER_SPAN lines with text, or a footnote before them. */
static size_t footer_end(const vt_pctx *cx, size_t from)
{
    size_t end = lines_below(cx, from, FOOTER_SPAN);
    for (size_t i = from + 1; i < end; i++)
        if (footnote_line(&cx->lines[i]))
            return i;
    return end;
}

/* Restore changes words, never their number: the n-th word of a line is
 * the n-th word of the line as first seen. */
static size_t word_index(const char *s, size_t off)
{
    size_t n = 0;
    for (size_t i = 0; i < off && s[i]; i++)
        if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1])))
            n++;
    return n;
}

static size_t word_offset(const char *s, size_t idx)
{
    size_t n = 0, i = 0;
    for (; s[i]; i++)
        if (!isspace((unsigned char)s[i]) && (i == 0 || isspace((unsigned char)s[i - 1])) &&
            n++ == idx)
            return i;
    return i;
}

/* The offset just after the n-th word of s (counted from 1). */
static size_t word_end(const char *s, size_t n)
{
    size_t at = word_offset(s, n - 1);
    return at + strcspn(s + at, " ");
}

static bool is_luu(const char *fold)
{
    long e = vt_fuzzy_prefix(fold, strlen(fold), 0, "luu", VT_COST_SHORT_CUE, NULL);
    if (e < 0)
        return false;
    while (fold[e] == ' ')
        e++;
    return fold[e] == ':' || fold[e] == '.' || fold[e] == ',' || fold[e] == ';' ||
           isalpha((unsigned char)fold[e]);
}

/* Authority match in fold[from..to): start of the prefix, or -1. */
static long find_authority(vt_rx *rx, const vt_pline *pl, size_t from, size_t to)
{
    if (!vt_rx_find(rx, pl->fold, to, from))
        return -1;
    long s = vt_rx_start(rx, 1), e = vt_rx_end(rx, 1);
    /* The title after an authority prefix is printed in capitals, and
     * so is a prefix without its dot. */
    vt_span sp = {pl, (size_t)vt_rx_end(rx, 0), to};
    char *t = vt_span_text(&sp);
    bool caps = vt_text_mostly_upper(t);
    free(t);
    size_t after = (size_t)e + strspn(pl->fold + e, " ");
    bool dotless = after < pl->flen && pl->fold[after] != '.' && pl->fold[after] != ',' &&
                   !memchr(pl->fold + s, '/', (size_t)(e - s));
    if (caps && dotless) {
        vt_span pre = {pl, (size_t)s, (size_t)e};
        char *p = vt_span_text(&pre);
        caps = vt_text_is_upper(p);
        free(p);
    }
    return caps ? s : -1;
}

/* Start of a position printed in capitals inside fold[from..to). */
static long find_position(const vt_pctx *cx, const vt_pline *pl, size_t from, size_t to)
{
    long best = -1;
    for (size_t k = 0; k < cx->lex->positions.n; k++) {
        const char *pf = cx->lex->positions.v[k].fold;
        if (strlen(pf) < 6)
            continue;
        size_t s, e;
        double c;
        if (!vt_fuzzy_find(pl->fold, to, from, pf, 0.2, &s, &e, &c))
            continue;
        vt_span sp = {pl, s, e};
        char *t = vt_span_text(&sp);
        bool caps = vt_text_mostly_upper(t);
        free(t);
        if (caps && (best < 0 || (long)s < best))
            best = (long)s;
    }
    return best;
}

/* Whether the first line with text after line i, before line end, opens
 * an entry of Nơi nhận: a list mark, or the Lưu entry. */
static bool entry_opens_below(const vt_pctx *cx, size_t i, size_t end)
{
    for (size_t j = i + 1; j < end; j++) {
        const vt_pline *pl = &cx->lines[j];
        size_t k = strspn(pl->fold, " ");
        if (k == pl->flen)
            continue;
        return vt_list_mark_len(pl->text + pl->map[k]) ||
               is_luu(pl->fold + k + strspn(pl->fold + k, "-_+*=. "));
    }
    return false;
}

/* The closing mark of an entry; `ocr` takes the colon OCR makes of a
 * semicolon too. */
static bool ends_entry_as(const char *text, bool ocr)
{
    char c = vt_last_char(text);
    return c == ';' || c == '.' || (ocr && c == ':');
}

static bool ends_entry(const char *text)
{
    return ends_entry_as(text, false);
}

/* Whether a bracket opened in the text is still open: the entry goes on
 * past a closing mark inside it (an address's "TP." ending a line). */
static bool bracket_open(const char *text)
{
    int depth = 0;
    for (const char *c = text; *c; c++)
        depth += (*c == '(') - (*c == ')');
    return depth > 0;
}

/* Whether fold[from, to) is one remark in brackets: an entry's purpose
 * printed after its ';' ("- Bộ Tài chính; (Báo cáo)"), not the right
 * column's title. */
static bool bracketed(const vt_pline *pl, size_t from, size_t to)
{
    while (to > from && pl->fold[to - 1] == ' ')
        to--;
    return to > from + 2 && pl->fold[from] == '(' && pl->fold[to - 1] == ')' &&
           !memchr(pl->fold + from + 1, '(', to - from - 1);
}

static bool looks_like_name(const vt_lexicon *lex, const char *t);
static bool name_form(const vt_lexicon *lex, const char *word, bool spelled);
static bool entry_closes_below(const vt_pctx *cx, vt_rx *arx, size_t i, size_t end);

/* Whether fold[n, e) of a line of the list goes on to the next line
 * with text, which closes the entry: codes in capitals, or words that are
 * no person's name (the signer's beside the list). */
static bool wraps_to_close(const vt_pctx *cx, vt_rx *arx, const vt_pline *pl, size_t n, size_t e)
{
    if (pl < cx->lines || pl >= cx->lines + cx->n)
        return false;
    char *t = span_text(pl, n, e);
    bool name = !vt_text_mostly_upper(t) && looks_like_name(cx->lex, t);
    free(t);
    return !name && entry_closes_below(cx, arx, (size_t)(pl - cx->lines), cx->n);
}

/* Where the right column starts in the entries of a line that begin at
 * fold offset `from`.  An entry ends at its ';' unless another entry
 * follows behind its dash ("- Như trên; - Bộ Nội vụ;") or the entry goes
 * on to a closing ';' (or the ',' some lists close entries with) of its
 * own: one entry may name several bodies ("- TT Tỉnh ủy; TT HĐND tỉnh;")
 * before the right column's title, and no right column ends in one. */
static size_t column_split(const vt_pctx *cx, vt_rx *arx, const vt_pline *pl, size_t from, bool luu)
{
    size_t best = pl->flen;
    long a = find_authority(arx, pl, from, pl->flen);
    if (a > (long)from + 2)
        best = (size_t)a;
    const char *semi;
    for (size_t k = from; !luu && k < best && (semi = memchr(pl->fold + k, ';', best - k));) {
        size_t n = (size_t)(semi - pl->fold) + 1;
        while (n < best && pl->fold[n] == ' ')
            n++;
        if (n < best && vt_list_mark_len(pl->text + pl->map[n])) {
            k = n;
            continue;
        }
        if (bracketed(pl, n, best)) {
            k = best;
            continue;
        }
        long pos = find_position(cx, pl, n, best);
        size_t last = pos > (long)n ? (size_t)pos : best;
        while (last > n && pl->fold[last - 1] == ' ')
            last--;
        if (last > n && (pl->fold[last - 1] == ';' || pl->fold[last - 1] == ',')) {
            k = n;
            continue;
        }
        /* ... or wraps, as a scan's narrow column does, to a line that
         * closes it ("- VP Đoàn ĐBQH; VP UBND" / "TP;"). */
        if (pos < 0 && last > n && wraps_to_close(cx, arx, pl, n, best)) {
            k = best;
            continue;
        }
        best = (size_t)(semi - pl->fold) + 1;
        break;
    }
    if (luu) {
        /* "Lưu: VT, VP.  NGUYỄN VĂN A": the name follows the full stop;
         * one word there is the drafter's initials ("Lưu: VT, PL. TA."). */
        for (size_t k = 0; k + 2 < best; k++)
            if (pl->fold[k] == '.' && pl->fold[k + 1] == ' ') {
                size_t j = k + 1;
                while (j < best && pl->fold[j] == ' ')
                    j++;
                const char *gap = memchr(pl->fold + j, ' ', best - j);
                bool words = gap && (size_t)(gap - pl->fold) + 1 < best &&
                             isalpha((unsigned char)gap[strspn(gap, " ")]);
                if (j < best && words && isalpha((unsigned char)pl->fold[j]) &&
                    isupper((unsigned char)pl->text[pl->map[j]])) {
                    best = j;
                    break;
                }
            }
    }
    long p = find_position(cx, pl, 3, best);
    if (p < 0 && pl->orig) {
        /* A title restore rewrote may still read as printed. */
        vt_pline op;
        vt_pline_init(&op, pl->orig);
        long q = find_position(cx, &op, 3, op.flen);
        if (q > 0)
            p = (long)vt_fold_offset(pl, word_offset(pl->text, word_index(op.text, op.map[q])));
        vt_pline_clear(&op);
    }
    if (p > 0 && (size_t)p < best) {
        best = (size_t)p;
        /* The entry ends at its closing mark, even one OCR made a colon:
         * what lies between is the column gap's specks. */
        for (size_t k = best; k > 0; k--)
            if (pl->fold[k - 1] == ';' || (pl->fold[k - 1] == ':' && pl->fold[k] == ' ')) {
                best = k;
                break;
            }
    }
    return best;
}

/* Whether the line from fold offset s on is the signature block's: an
 * authority, a title in capitals, or a person's name. */
static bool signature_part(const vt_pctx *cx, vt_rx *arx, const vt_pline *pl, size_t s)
{
    while (s < pl->flen && pl->fold[s] == ' ')
        s++;
    if (s == pl->flen)
        return false;
    /* The prefix's pattern looks at the character before it. */
    long a = find_authority(arx, pl, s > 0 ? s - 1 : 0, pl->flen);
    if ((a >= 0 && (size_t)a <= s + 1) || find_position(cx, pl, s, pl->flen) == (long)s)
        return true;
    char *t = span_text(pl, s, pl->flen);
    bool name = looks_like_name(cx->lex, t);
    free(t);
    return name;
}

static size_t entry_split(const vt_pctx *cx, vt_rx *arx, const vt_pline *pl, size_t from, bool luu)
{
    /* A line the layout gave the left column may still hold the right
     * column's text behind an entry, where the two columns' lines meet:
     * cut there only before the signature block's. */
    size_t best = column_split(cx, arx, pl, from, luu);
    if (pl->role == VT_ROLE_FOOTER_LEFT && best < pl->flen && !signature_part(cx, arx, pl, best))
        best = pl->flen;
    /* The gap between the columns the page shows wherever the layout read
     * both on one line: what lies past it, a speck of the seal or the
     * signature, is no part of an entry. */
    if (pl->column_at > from && pl->column_at < best)
        best = pl->column_at;
    return best;
}

/* The left column part of the first line with text after line i, before
 * line end, when that line opens no entry (no list mark, no Lưu entry);
 * NULL else.  Caller frees. */
static char *unmarked_below(const vt_pctx *cx, vt_rx *arx, size_t i, size_t end)
{
    for (size_t j = i + 1; j < end; j++) {
        const vt_pline *pl = &cx->lines[j];
        size_t k = strspn(pl->fold, " ");
        if (k == pl->flen)
            continue;
        if (vt_list_mark_len(pl->text + pl->map[k]) ||
            is_luu(pl->fold + k + strspn(pl->fold + k, "-_+*=. ")))
            return NULL;
        return span_text(pl, k, entry_split(cx, arx, pl, k, false));
    }
    return NULL;
}

/* Whether the first line with text after line i, before line end, closes
 * an entry it goes on with: no list mark, no Lưu entry, and its left
 * column part ends in ';' or '.'. */
static bool entry_closes_below(const vt_pctx *cx, vt_rx *arx, size_t i, size_t end)
{
    char *t = unmarked_below(cx, arx, i, end);
    bool closes = t && ends_entry(t);
    free(t);
    return closes;
}

/* Whether the lines after line i, before line end, go on with the entry:
 * the first with text opens no entry, and is in small letters, or closes
 * the entry, or wraps again after a comma, or goes on to a line that does
 * (a few lines at most: no entry runs longer). */
static bool entry_goes_on_below(const vt_pctx *cx, vt_rx *arx, size_t i, size_t end)
{
    enum { WRAPS = 3 };
    for (int k = 0; k < WRAPS; k++) {
        char *t = unmarked_below(cx, arx, i, end);
        bool on = t && *t && (vt_starts_lower(t) || ends_entry(t) || vt_last_char(t) == ',');
        bool name = t && looks_like_name(cx->lex, t);
        free(t);
        if (on || !t || name)
            return on;
        i = lines_below(cx, i, 1);
    }
    return false;
}

/* "Lưu: VT, ...": the first copy is the văn thư's; OCR makes VT into VI,
 * V1 or VF, glues a speck of the seal or the signature to it as a capital
 * ("VTE", "VIE"), and makes its comma a semicolon, or a full stop glued to
 * the next copy ("VI.TCCB"); the cue's colon may be unprinted ("Lưu VT,
 * VP").  A comma OCR doubled after it (",;") is one.  The repaired entry,
 * newly allocated. */
static char *repair_luu(const char *entry)
{
    /* The cue read with marks is "Lưu" whatever marks restore gave it
     * ("Lựu"): the archive line prints no other word there.  Read
     * without them ("Luu"), or in capitals, it is left as given. */
    size_t cue = strcspn(entry, " :.;,");
    char *word = vt_xstrndup(entry, cue), *wf = vt_text_fold(word);
    bool marked = false;
    for (const char *q = word; *q; q++)
        marked |= (unsigned char)*q >= 0x80;
    bool remarked = marked && strcmp(wf, "luu") == 0 && strcmp(word, "LƯU") != 0;
    /* One byte more than the text: room for the comma put back below. */
    const char *head = remarked ? "Lưu" : word;
    size_t size = strlen(head) + strlen(entry + cue) + 2;
    char *text = vt_xmalloc(size);
    snprintf(text, size, "%s%s", head, entry + cue);
    free(wf);
    free(word);
    /* A coarse scan's colon reads as a semicolon ("Lưu; VT"). */
    char *cue_end = text + strcspn(text, " :.;,");
    if (*cue_end == ';')
        *cue_end = ':';
    char *p = cue_end + strspn(cue_end, " :.");
    if (p[0] != 'V' || !p[1] || !strchr("TI1lFf|7", p[1]))
        return text;
    size_t speck = isupper((unsigned char)p[2]) ? 1 : 0;
    if (p[2 + speck] && !strchr(",;. ", p[2 + speck]))
        return text;
    bool misread = p[1] != 'T' || speck;
    p[1] = 'T';
    memmove(p + 2, p + 2 + speck, strlen(p + 2 + speck) + 1);
    char *sep = p + 2;
    size_t seps = strspn(sep, ",;.");
    if (!seps && *sep == ' ' && isupper((unsigned char)sep[1])) {
        /* The comma lost before the next copy ("VT TCCB"). */
        memmove(sep + 1, sep, strlen(sep) + 1);
        *sep = ',';
    } else if (seps >= 2) {
        /* Doubled: the comma, or the first mark. */
        *sep = memchr(sep, ',', seps) ? ',' : *sep;
        memmove(sep + 1, sep + seps, strlen(sep + seps) + 1);
    } else if (misread && seps == 1) {
        /* A copy read right keeps its separator as printed ("VT; KSTTHC"). */
        if (*sep == ';' || (*sep == '.' && isupper((unsigned char)sep[1])))
            *sep = ',';
        if (*sep == ',' && isupper((unsigned char)sep[1])) {
            memmove(sep + 2, sep + 1, strlen(sep + 1) + 1);
            sep[1] = ' ';
        }
    }
    return text;
}

/* The capitals of text[from..to) when it is a printed code's piece
 * (letters, digits, and the dash, slash and ampersand of a code: "PM",
 * "N.chính", "KT-XH"), else -1.  A drafter's printed initials are a piece
 * with two capitals at least ("VH", "TNg"), which a pen's strokes as OCR
 * reads them ("zz_", "4") are not. */
static int code_piece_capitals(const char *text, size_t from, size_t to)
{
    int capitals = 0;
    for (size_t k = from; k < to;) {
        uint32_t cp;
        int n = vt_utf8_dec(text + k, to - k, &cp);
        if (n <= 0 || !(vt_cp_is_alpha(cp) || (cp < 0x80 && (isdigit((int)cp) ||
                                                              strchr("-/&", (int)cp)))))
            return -1;
        /* A code's capitals are Latin or Đ; an accented one ("ÍÙw") is
         * a pen's stroke. */
        if (cp >= 0x80 && cp != 0x110 && vt_cp_is_upper(cp))
            return -1;
        capitals += vt_cp_is_upper(cp);
        k += (size_t)n;
    }
    return capitals;
}

/* Where the last word of text starts, once what `trail` holds is taken
 * off its end (*end: where that leaves the text). */
static size_t last_word(const char *text, const char *trail, size_t *end)
{
    size_t n = strlen(text);
    while (n && strchr(trail, text[n - 1]))
        n--;
    size_t ws = n;
    while (ws && text[ws - 1] != ' ')
        ws--;
    *end = n;
    return ws;
}

/* A typist's initials and given name as printed: capitals each followed
 * by a full stop, then a syllable in title case ("H.Lâm", "N.Đ.Minh").
 * A pen's strokes OCR reads make no such run. */
static bool printed_initials_name(const char *text, size_t from, size_t to)
{
    size_t k = from, initials = 0;
    for (;;) {
        uint32_t cp;
        int len = vt_utf8_dec(text + k, to - k, &cp);
        if (len <= 0 || !vt_cp_is_upper(cp))
            return false;
        if (k + (size_t)len < to && text[k + (size_t)len] == '.') {
            k += (size_t)len + 1;
            initials++;
            continue;
        }
        break;
    }
    char *name = vt_xstrndup(text + k, to - k);
    char *low = vt_text_lower_full(name);
    bool title = initials > 0 && vt_case_of(name, strlen(name)) == VT_CASE_TITLE &&
                 vt_syllable_valid(low, VT_SYLLABLE_INVENTORY);
    free(low);
    free(name);
    return title;
}

/* The drafter may initial the archive line by hand after its last printed
 * mark, and OCR glues the strokes to it ("(16B).zz_", "(05b).4.",
 * "VT.PM.ÍỦ„„"): the printed entry ends at its copy count's parenthesis,
 * and a code glued by full stops ends at its last piece that is letters
 * and digits, its capitals Latin or Đ ("VT.KH.ÉÛw").  Printed initials
 * stay, apart ("TCCB (2). HA") or glued to the copy count ("QHQT
 * (2).VH"), and so does a typist's initial and name glued to it
 * ("(3)H.Lâm"). */
static void drop_handwritten_tail(char *text)
{
    size_t n, ws = last_word(text, " .,;:", &n);
    const char *close = memrchr(text + ws, ')', n - ws);
    if (close) {
        size_t tail = (size_t)(close + 1 - text);
        while (tail < n && text[tail] == '.')
            tail++;
        if (tail == n ||
            (code_piece_capitals(text, tail, n) < 2 && !printed_initials_name(text, tail, n)))
            text[close + 1 - text] = '\0';
        return;
    }
    for (size_t k = ws; k < n; k++) {
        if (text[k] != '.')
            continue;
        size_t e = k + 1;
        while (e < n && text[e] != '.')
            e++;
        if (e > k + 1 && code_piece_capitals(text, k + 1, e) < 0) {
            text[k] = '\0';
            return;
        }
    }
}

/* A pen's initials apart from the archive line, after its closing full
 * stop, as OCR reads them: one or two letters and digits with at most one
 * capital, and a digit or a letter no Vietnamese word spells with (f, j,
 * w, z): "(12B). qz_", "(05b). 7q", "KT. Zz".  Printed there are the
 * drafter's or the typist's initials ("HA", "Tr", "nvv"), the typist's
 * given name, and a copy count ("2b"): those stay.  Cut at the full stop,
 * in place. */
static void drop_stray_tail(const vt_lexicon *lex, char *text)
{
    size_t n, ws = last_word(text, " .,;:_", &n);
    size_t stop = ws;
    while (stop && text[stop - 1] == ' ')
        stop--;
    if (stop == ws || !stop || text[stop - 1] != '.')
        return;
    size_t chars = 0, capitals = 0, digits = 0, foreign = 0;
    for (size_t k = ws; k < n;) {
        uint32_t cp;
        int len = vt_utf8_dec(text + k, n - k, &cp);
        if (len <= 0)
            return;
        bool digit = cp < 0x80 && isdigit((int)cp);
        if (!vt_cp_is_alpha(cp) && !digit)
            return;
        chars++;
        capitals += vt_cp_is_upper(cp);
        digits += digit;
        foreign += cp < 0x80 && strchr("fjwzFJWZ", (int)cp);
        k += (size_t)len;
    }
    bool copies = digits && digits + 1 == chars && strchr("bB", text[n - 1]);
    char *word = vt_xstrndup(text + ws, n - ws);
    bool name = name_form(lex, word, false);
    free(word);
    if (chars <= 2 && capitals < 2 && (digits || foreign) && !copies && !name)
        text[stop - 1] = '\0';
}

/* Glyphs no Nơi nhận entry prints, as OCR reads a letter or a mark
 * beside them: a euro sign glued to a letter or digit is the C of a
 * code ("(1€)" for "(1C)"), and a fraction slash is the slash of an
 * abbreviation ("b⁄c").  Mended in place. */
static void mend_entry_glyphs(char *text)
{
    static const char euro[] = "€", fraction[] = "⁄";
    size_t o = 0;
    for (size_t i = 0; text[i];) {
        bool glued = strncmp(text + i, euro, 3) == 0 &&
                     ((i && isalnum((unsigned char)text[i - 1])) ||
                      isalnum((unsigned char)text[i + 3]));
        if (glued || strncmp(text + i, fraction, 3) == 0) {
            text[o++] = glued ? 'C' : '/';
            i += 3;
        } else {
            text[o++] = text[i++];
        }
    }
    text[o] = '\0';
}

/* A purpose's abbreviation of two small letters ("để b/c", "t/h") whose
 * second OCR read as a capital, or apart after a space ("b/ C"): its
 * letters are small and joined, the first being so.  Mended in place. */
static void mend_purpose_slash(char *text)
{
    for (char *p = text; (p = strchr(p, '/')) != NULL; p++) {
        size_t gap = strspn(p + 1, " ");
        char *second = p + 1 + gap;
        bool single = p > text + 1 && islower((unsigned char)p[-1]) &&
                      !isalnum((unsigned char)p[-2]) && (unsigned char)p[-2] < 0x80 &&
                      isalpha((unsigned char)*second) && !isalnum((unsigned char)second[1]) &&
                      (unsigned char)second[1] < 0x80;
        if (!single || (gap == 0 && islower((unsigned char)*second)))
            continue;
        p[1] = (char)tolower((unsigned char)*second);
        memmove(p + 2, second + 1, strlen(second + 1) + 1);
    }
}

static void add_recipient(vt_pctx *cx, json_t *list, char *text, size_t from, size_t to)
{
    mend_entry_glyphs(text);
    mend_purpose_slash(text);
    char *f = vt_text_fold(text);
    char *luu = NULL;
    if (is_luu(f)) {
        text = luu = repair_luu(text);
        drop_handwritten_tail(text);
        drop_stray_tail(cx->lex, text);
    }
    json_t *e = vt_field(cx, "text", text, NULL, VT_CONF_RECIPIENT, from, to);
    if (is_luu(f)) {
        /* Lưu: VT, VHXH. (05b) -> archive copy. */
        const char *colon = strpbrk(text, ":.,");
        const char *p = colon ? colon + 1 : text + strcspn(text, " ");
        json_t *arr = json_array();
        int copies = -1;
        while (*p) {
            while (*p == ' ' || *p == ',' || *p == ';' || *p == '.')
                p++;
            if (!*p)
                break;
            size_t k = strcspn(p, ",;");
            char *tok = vt_xstrndup(p, k);

            int c = 0;
            char b = 0;
            if (tok[0] == '(' && sscanf(tok, "(%d%c", &c, &b) == 2 && (b == 'b' || b == 'B'))
                copies = c;
            else {
                char *t = vt_clean_text(tok, strlen(tok));
                /* "VHXH. (05b)": split off the copy count. */
                char *paren = strchr(t, '(');
                if (paren && sscanf(paren, "(%d%c", &c, &b) == 2 && (b == 'b' || b == 'B')) {
                    copies = c;
                    *paren = '\0';
                    char *u = vt_clean_text(t, strlen(t));
                    free(t);
                    t = u;
                }
                if (*t)
                    json_array_append_new(arr, json_string(t));
                free(t);
            }
            free(tok);
            p += k;
        }
        json_t *ac = json_object();
        json_object_set_new(ac, "value", arr);
        json_object_set_new(ac, "raw", json_string(text));
        if (copies >= 0)
            json_object_set_new(ac, "copies", json_integer(copies));
        json_object_set_new(ac, "confidence", json_real(VT_CONF_RECIPIENT));
        json_object_set_new(ac, "evidence", vt_evidence(cx, from, to));
        json_object_set_new(cx->meta, "archive_copy", ac);
    } else {
        size_t n = strlen(text);
        const char *open = n && text[n - 1] == ')' ? strrchr(text, '(') : NULL;
        if (open && open > text) {
            char *purpose = vt_xstrndup(open + 1, (size_t)(text + n - 1 - (open + 1)));
            /* A purpose is words ("để b/c"), not an acronym "(GDĐT)". */
            if (!vt_text_is_upper(purpose)) {
                char *name = vt_clean_text(text, (size_t)(open - text));
                json_object_set_new(e, "name", json_string(name));
                json_object_set_new(e, "purpose", json_string(purpose));
                free(name);
            }
            free(purpose);
        }
    }
    free(f);
    free(luu);
    json_array_append_new(list, e);
}

/* Whether the word s[0..n) is a speck OCR read off the seal or the
 * signature ("„", "'", "~"): no letter, no digit, no closing bracket or
 * quote of the entry. */
static bool speck_word(const char *s, size_t n)
{
    for (const char *p = s; p < s + n; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char_validated(p, (gssize)(s + n - p));
        if (c == (gunichar)-1 || c == (gunichar)-2 || g_unichar_isalnum(c) || c == ')' ||
            c == '"' || c == 0x201D)
            return false;
    }
    return n > 0;
}

/* The entry without the specks standing as words at its end. */
static char *without_trailing_specks(const char *text)
{
    size_t n = strlen(text);
    for (;;) {
        while (n && text[n - 1] == ' ')
            n--;
        size_t w = n;
        while (w && text[w - 1] != ' ')
            w--;
        if (!w || !speck_word(text + w, n - w))
            break;
        n = w;
    }
    return vt_clean_text(text, n);
}

/* An entry gathered over one or more lines is complete: clean it, keep it
 * when it names something, and free it.  One letter or digit alone is a
 * speck OCR read ("Nơi nhận: l"): no body is named so. */
static void flush_recipient(vt_pctx *cx, json_t *list, char *entry, size_t from, size_t to)
{
    if (!entry)
        return;
    char *c = without_trailing_specks(entry);
    char *rc = vt_repair_capitals(cx->lex, c), *nc = vt_number_codes_repaired(cx, rc);
    if (cx->d_lost) {
        char *dc = vt_codes_d_restored(cx->lex, nc);
        free(nc);
        nc = dc;
    }
    char *r = vt_entry_words_cased(cx->lex, nc);
    free(nc);
    free(rc);
    size_t marks = 0;
    for (const char *q = r; *q; q++)
        marks += isalnum((unsigned char)*q) || ((unsigned char)*q & 0xC0) == 0xC0;
    if (marks > 1)
        add_recipient(cx, list, r, from, to);
    free(r);
    free(c);
    free(entry);
}

/* A person's name: 2-5 words, each capitalised, letters only, and not a
 * title or a body printed in capitals. */
static bool looks_like_name(const vt_lexicon *lex, const char *t)
{
    char *tf = vt_text_fold(t);
    bool title = vt_lex_prefix(&lex->positions, tf, strlen(tf), 0, NULL) ||
                 vt_lex_prefix(&lex->organs, tf, strlen(tf), 0, NULL);
    free(tf);
    if (title)
        return false;
    size_t words = 0;
    const char *p = t;
    char *w;
    while ((w = vt_next_word(&p))) {
        char *up = vt_text_upper_first(w);
        char *f = vt_text_fold(w);
        bool ok = strcmp(up, w) == 0;
        /* Letters only; an apostrophe joins syllables of some names (H'Yim). */
        for (size_t k = 0; f[k]; k++)
            if (!isalpha((unsigned char)f[k]) && (unsigned char)f[k] < 0x80 &&
                !(f[k] == '\'' && k > 0 && f[k + 1]))
                ok = false;
        free(w);
        free(up);
        free(f);
        if (!ok)
            return false;
        words++;
    }
    return words >= 2 && words <= 5;
}

/* Whether the word p[0, len) is a signature's stroke as OCR reads it:
 * marks without a letter or a digit ("⁄"), or one small letter (a stroke
 * read "`>r" once the line's leading marks are gone): a name's word opens
 * with a capital.  A word of marks and letters may be a name's the seal
 * garbled ("»>Lệ;"). */
static bool stroke_word(const char *p, size_t len)
{
    size_t letters = 0, marks = 0;
    bool small = false;
    for (size_t k = 0; k < len;) {
        uint32_t cp;
        int n = vt_utf8_dec(p + k, len - k, &cp);
        if (n > 0 && cp < 0x80 && isdigit((int)cp))
            return false;
        if (n > 0 && vt_cp_is_alpha(cp)) {
            letters++;
            small = !vt_cp_is_upper(cp);
        } else {
            marks++;
        }
        k += n > 0 ? (size_t)n : 1;
    }
    return (marks && !letters) || (letters == 1 && !marks && small);
}

/* The name line past what a signature's strokes leave before the name
 * (stroke_word: "⁄ Trần Văn An", "s Trần Văn An"; a word with a digit
 * is something else's, a line that is then no name); the line itself
 * when it opens with no such marks, its last word when it holds nothing
 * else. */
static const char *past_stroke_marks(const char *text)
{
    const char *p = text;
    for (;;) {
        p += strspn(p, " ");
        size_t len = strcspn(p, " ");
        if (!stroke_word(p, len) || !p[len] || !p[len + strspn(p + len, " ")])
            return p;
        p += len;
    }
}

/* A word of a name in title case; the syllable after an apostrophe is
 * capitalised too ("H'NI" -> "H'Ni"). */
static char *title_word(const char *low)
{
    const char *ap = strchr(low, '\'');
    size_t apn = 1;
    const char *curly = strstr(low, "\xe2\x80\x99");
    if (!ap || (curly && curly < ap)) {
        ap = curly;
        apn = 3;
    }
    if (!ap || !ap[apn])
        return vt_text_upper_first(low);
    char *head = vt_xstrndup(low, (size_t)(ap - low) + apn);
    char *h = vt_text_upper_first(head), *t = vt_text_upper_first(ap + apn);
    char *out = vt_xasprintf("%s%s", h, t);
    free(head);
    free(h);
    free(t);
    return out;
}

/* Of the entries of `list` with the letters `fold`, the one the corpus
 * names in most documents (NULL when none); *same: how many have those
 * letters, *ahead: no other is named in as many. */
static const vt_lex_entry *most_named(const vt_lex_list *list, const char *fold, size_t *same,
                                      bool *ahead)
{
    const vt_lex_entry *top = NULL;
    long top_docs = -1;
    *same = 0;
    *ahead = false;
    for (size_t i = 0; i < list->n; i++) {
        if (strcmp(list->v[i].fold, fold) != 0)
            continue;
        long docs = list->v[i].extra ? strtol(list->v[i].extra, NULL, 10) : 0;
        ++*same;
        if (docs > top_docs) {
            top = &list->v[i];
            top_docs = docs;
            *ahead = true;
        } else if (docs == top_docs) {
            *ahead = false;
        }
    }
    return top;
}

/* The letters (fold) of the entries of `list` nearest `fold` by OCR
 * distance (vt_fuzzy_cost), under `within`; NULL when none is that near or
 * entries of other letters are as near. */
static const char *nearest_fold(const vt_lex_list *list, const char *fold, double within)
{
    const char *best = NULL;
    double cost = within, second = 1;
    size_t len = strlen(fold);
    for (size_t i = 0; i < list->n; i++) {
        if (best && strcmp(list->v[i].fold, best) == 0)
            continue;
        double c = vt_fuzzy_cost_within(fold, len, list->v[i].fold, second);
        if (c < cost) {
            second = cost;
            cost = c;
            best = list->v[i].fold;
        } else if (c < second) {
            second = c;
        }
    }
    return best && second > cost ? best : NULL;
}

/* One part of a name in its proper spelling from the names list: the only
 * entry with the same letters when the print lost its marks, or for the
 * family name (a closed set) the one entry within OCR distance. */
static char *name_part(const vt_lex_list *list, const char *word, bool fuzzy)
{
    char *f = vt_text_fold(word);
    char *low = vt_text_lower_full(word);
    bool caps = vt_text_is_upper(word);
    /* Of family names sharing their letters ("Vũ", and "Vừ" of the Hmông)
     * the one the corpus names in more documents than any other (`ahead`)
     * is the one lost marks hide; marks printed tell the other. */
    size_t same;
    bool ahead;
    const vt_lex_entry *only = most_named(list, f, &same, &ahead);
    /* Marks printed ("Lực", "LỰC") are kept; lost ones come from the list. */
    bool unmarked = strcmp(f, low) == 0;
    char *out = NULL;
    /* Family names are a closed set: one spelling per letters is the one,
     * whatever marks a guess put on them ("Nguyên" -> "Nguyễn"). */
    if ((same == 1 && (unmarked || fuzzy)) || (same > 1 && fuzzy && ahead && unmarked)) {
        out = vt_xstrdup(only->form);
    } else if (same == 0 && fuzzy) {
        /* No family name has these letters: the nearest one, marks or not
         * (OCR splits a letter: "Kđoh" read "Kửdoh"), when the list
         * spells its letters one way only. */
        const char *near = nearest_fold(list, f, 0.26);
        only = near ? most_named(list, near, &same, &ahead) : NULL;
        if (only && same == 1)
            out = vt_xstrdup(only->form);
    }
    if (!out)
        out = caps ? title_word(low) : vt_xstrdup(word);
    free(low);
    free(f);
    return out;
}

/* Is the word, marks and all, a form the names list holds? */
static bool form_in_list(const vt_lex_list *list, const char *word)
{
    return vt_lex_form(list, word) != NULL;
}

static bool in_list(const vt_lex_list *list, const char *word)
{
    char *f = vt_text_fold(word);
    bool found = false;
    for (size_t i = 0; i < list->n && !found; i++)
        found = strcmp(list->v[i].fold, f) == 0;
    free(f);
    return found;
}

/* Text after the "Nơi nhận:" cue that is a person's name, family name
 * first ("Nơi nhận: Trần Quang Vinh"): the signer's name, which a page
 * read in one column set beside the cue, not an entry (an entry naming a
 * person says who: "Ông …", "PCT …"). */
static bool signer_beside_cue(const vt_lexicon *lex, const char *t)
{
    if (!looks_like_name(lex, t) || vt_text_is_upper(t))
        return false;
    char *first = vt_xstrndup(t, strcspn(t, " "));
    bool family = in_list(&lex->family, first);
    free(first);
    return family;
}

/* Is the word a part of a name the names list holds: as spelled
 * (`spelled`), or with the same letters, marks aside? */
static bool name_form(const vt_lexicon *lex, const char *word, bool spelled)
{
    bool (*has)(const vt_lex_list *, const char *) = spelled ? form_in_list : in_list;
    return has(&lex->family, word) || has(&lex->middle, word) || has(&lex->given, word);
}

/* Whether item k, a line that reads as a name, is rather the signature's
 * strokes OCR read as two or three short words ("Xo À"): none of its
 * words is a part of a name the names list holds as spelled, and the next
 * item, on the line right under it (up to line `to`), is a name whose
 * family name the list holds. */
static bool stroke_over_name(const vt_pctx *cx, const items *right, size_t k, size_t to)
{
    if (k + 1 >= right->n || right->v[k + 1].line > to ||
        right->v[k + 1].line != lines_below(cx, right->v[k].line, 1))
        return false;
    const char *next = past_stroke_marks(right->v[k + 1].text);
    if (!looks_like_name(cx->lex, next))
        return false;
    char *first = vt_xstrndup(next, strcspn(next, " "));
    bool family = in_list(&cx->lex->family, first);
    free(first);
    if (!family)
        return false;
    const char *p = past_stroke_marks(right->v[k].text);
    char *w;
    bool named = false;
    while (!named && (w = vt_next_word(&p))) {
        named = name_form(cx->lex, w, true);
        free(w);
    }
    return !named;
}

/* A language model has no business with names: each word of the name
 * line whose letters restore changed ("Thái" -> "Tháng"), or that it gave
 * marks no name has, is read as the page printed it (`orig`, the whole
 * line as first seen), marks and all; the names list mends what the OCR
 * lost.  A restored word the names list
 * holds as spelled stays when no name has the printed one's letters
 * ("Hồ Đức" for the "H6 Dic" an English model reads).  NULL when the words do not line up. */
static char *printed_name(const vt_lexicon *lex, const char *text, const char *orig)
{
    char *t = vt_xstrdup(text), *o = vt_clean_text(orig, strlen(orig));
    char *tw[8], *ow[8], *s1 = NULL, *s2 = NULL;
    size_t nt = 0, no = 0;
    for (char *w = strtok_r(t, " ", &s1); w && nt < 8; w = strtok_r(NULL, " ", &s1))
        tw[nt++] = w;
    for (char *w = strtok_r(o, " ", &s2); w && no < 8; w = strtok_r(NULL, " ", &s2))
        ow[no++] = w;
    char *out = NULL;
    if (nt == no && nt > 0) {
        out = vt_xmalloc(strlen(text) + strlen(orig) + 8);
        out[0] = '\0';
        for (size_t i = 0; i < nt; i++) {
            char *a = vt_text_fold(tw[i]), *b = vt_text_fold(ow[i]);
            if (i)
                strcat(out, " ");
            /* Marks restore guessed on a printed word without any ("Tại"
             * for "Tai") are no name's: the names list spells it.  Marks
             * the page printed stay when the names list spells a name
             * so: between two names of the same letters the model knows
             * only which persons its corpus named. */
            char *low = vt_text_lower_full(ow[i]);
            bool marked = strcmp(b, low) != 0;
            bool restored = strcmp(a, b) != 0
                                ? name_form(lex, tw[i], true) && !name_form(lex, ow[i], false)
                            : marked ? !name_form(lex, ow[i], true)
                                     : name_form(lex, tw[i], true) || !name_form(lex, ow[i], false);
            free(low);
            strcat(out, restored ? tw[i] : ow[i]);
            free(a);
            free(b);
        }
    }
    free(t);
    free(o);
    return out;
}

/* Some peoples of the Tây Nguyên put the family name last, the given name
 * first, often behind the prefix Y (men) or H' (women): "Y Khu Niê",
 * "H'Yim Kđoh".  Read so when the first word is such a prefix, or when
 * the last word is a family name, the first none and the last no given
 * name either (many given names are family names too: a damaged
 * "Nguycn Văn Hà" stays family first). */
static bool given_name_first(const vt_lexicon *lex, const char *first, const char *last)
{
    char *f = vt_text_fold(first);
    bool prefix = strcmp(f, "y") == 0 ||
                  (f[0] == 'h' && (f[1] == '\'' || strncmp(f + 1, "\xe2\x80\x99", 3) == 0));
    free(f);
    return prefix || (in_list(&lex->family, last) && !in_list(&lex->family, first) &&
                      !in_list(&lex->given, last));
}

/* A signer's name in title case, its parts checked against names.txt. */
static char *name_case(const vt_lexicon *lex, const char *t)
{
    char *copy = vt_xstrdup(t);
    size_t n = strlen(t);
    char *out = vt_xmalloc(n * 3 + 8);
    out[0] = '\0';
    char *words[8];
    size_t nw = 0;
    char *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w && nw < 8; w = strtok_r(NULL, " ", &save))
        words[nw++] = w;
    bool given_first = nw >= 2 && given_name_first(lex, words[0], words[nw - 1]);
    size_t family = given_first ? nw - 1 : 0, given = given_first ? 0 : nw - 1;
    for (size_t i = 0; i < nw; i++) {
        const vt_lex_list *list = i == family  ? &lex->family
                                  : i == given ? &lex->given
                                               : &lex->middle;
        char *p = name_part(list, words[i], i == family);
        if (*out)
            strcat(out, " ");
        strcat(out, p);
        free(p);
    }
    free(copy);
    return out;
}

/* How many parts of a name (family first) the names list holds as
 * spelled: a name the seal or the OCR damaged holds fewer.  A part after
 * the family name may be in any of the lists, for one people's family
 * name is another's middle or given name ("Đỗ Ngọc Huỳnh"). */
static size_t name_score(const vt_lexicon *lex, char *const *w, size_t n)
{
    size_t score = 0;
    for (size_t i = 0; i < n; i++)
        score += i == 0 ? form_in_list(&lex->family, w[i]) : name_form(lex, w[i], true);
    return score;
}

#define NAME_WORDS 5

/* Split a name into at most NAME_WORDS words (pointers into `copy`). */
static size_t split_name(char *copy, char **w)
{
    size_t n = 0;
    char *save = NULL;
    for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        if (n == NAME_WORDS)
            return 0;
        w[n++] = t;
    }
    return n;
}

/* Whether the names list holds every part of the name t (family first). */
static bool known_name(const vt_lexicon *lex, const char *t)
{
    char *copy = vt_xstrdup(t), *w[NAME_WORDS];
    size_t n = split_name(copy, w);
    bool known = n >= 2 && name_score(lex, w, n) == n;
    free(copy);
    return known;
}

/* Is the word a name's, as a restored text prints it: a capital, then
 * small letters (an apostrophe inside: H'Yim)? */
bool vt_name_word(const char *w)
{
    char *f = vt_text_fold(w);
    bool letter = isalpha((unsigned char)f[0]);
    free(f);
    if (!letter || vt_starts_lower(w))
        return false;
    char *up = vt_text_upper_first(w);
    char *low = vt_text_lower_full(w);
    char *again = vt_text_upper_first(low);
    bool ok = strcmp(up, w) == 0 && strcmp(again, w) == 0;
    free(up);
    free(low);
    free(again);
    for (const char *c = w; ok && *c; c++)
        ok = (unsigned char)*c >= 0x80 || isalpha((unsigned char)*c) || *c == '\'';
    return ok;
}

/* The name with the words OCR glued together parted again ("TrầnVăn
 * Bình"): a small letter then a capital inside a word, each side a part
 * the names list holds.  A new string. */
static char *unglued_name(const vt_lexicon *lex, const char *text)
{
    GString *out = g_string_new(NULL);
    const char *word = text;
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        if (*p == ' ')
            word = p + 1;
        const char *next = g_utf8_next_char(p);
        gunichar a = g_utf8_get_char(p), b = *next ? g_utf8_get_char(next) : 0;
        g_string_append_len(out, p, next - p);
        if (!g_unichar_islower(a) || !g_unichar_isupper(b))
            continue;
        size_t rest = strcspn(next, " ");
        char *left = vt_xstrndup(word, (size_t)(next - word)), *right = vt_xstrndup(next, rest);
        if (name_form(lex, left, false) && name_form(lex, right, false))
            g_string_append_c(out, ' ');
        free(left);
        free(right);
    }
    return g_string_free(out, FALSE);
}

/* Whether the name on item k goes on, the line broken before its given
 * name ("Trần Văn" / "Bình"): the next item, on the line right under it,
 * is one word the given names hold, and the name is not whole yet. */
static bool name_goes_on(const vt_pctx *cx, const items *right, size_t k)
{
    if (k + 1 >= right->n)
        return false;
    const item *next = &right->v[k + 1];
    size_t words = 1;
    for (const char *c = right->v[k].text; *c; c++)
        words += *c == ' ';
    return words < 4 && next->line <= lines_below(cx, right->v[k].line, 1) &&
           !strchr(next->text, ' ') && vt_name_word(next->text) && in_list(&cx->lex->given, next->text);
}

/* Whether item k, a name the names list does not hold whole, is the
 * signature read as words ("Ka N Lè") and the next item, on one of the
 * next lines within the name's reach of the title line, the printed
 * name the list does hold whole: the signature stands between title and
 * name. */
static bool signature_above_name(const vt_pctx *cx, const items *right, size_t k,
                                 size_t title_line)
{
    if (k + 1 >= right->n || known_name(cx->lex, past_stroke_marks(right->v[k].text)))
        return false;
    const item *next = &right->v[k + 1];
    const char *t = past_stroke_marks(next->text);
    return next->line <= lines_below(cx, title_line, NAME_GAP) && !vt_text_is_upper(t) &&
           looks_like_name(cx->lex, t) && known_name(cx->lex, t);
}

/* The name with the horn OCR read apart as an apostrophe after an o or
 * a u at a word's end ("Ro’ Mah") put back on it ("Rơ"), where the names
 * list holds the word so spelled, alone or with the next ("Rơ Mah"); an
 * apostrophe inside a word is a name's own (H'Yim).  A new string. */
static char *horned_name(const vt_lexicon *lex, const char *text)
{
    static const char *const marks[] = {"\u2019", "'"};
    static const char *const horned[][2] = {{"o", "ơ"}, {"u", "ư"}, {"O", "Ơ"}, {"U", "Ư"}};
    GString *out = g_string_new(NULL);
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " ");
        char *w = vt_xstrndup(p, n), *mended = NULL;
        for (size_t m = 0; m < 2 && !mended; m++) {
            size_t ml = strlen(marks[m]);
            if (n < ml + 2 || strcmp(w + n - ml, marks[m]) != 0)
                continue;
            for (size_t h = 0; h < 4 && !mended; h++)
                if (w[n - ml - 1] == horned[h][0][0]) {
                    char *c = vt_xasprintf("%.*s%s", (int)(n - ml - 1), w, horned[h][1]);
                    const char *next = p + n + strspn(p + n, " ");
                    char *two = vt_xasprintf("%s %.*s", c, (int)strcspn(next, " "), next);
                    bool listed = name_form(lex, c, true) || (*next && name_form(lex, two, true));
                    free(two);
                    if (listed)
                        mended = c;
                    else
                        free(c);
                }
        }
        g_string_append(out, mended ? mended : w);
        free(mended);
        free(w);
        p += n;
        while (*p == ' ')
            g_string_append_c(out, *p++);
    }
    return g_string_free(out, FALSE);
}

/* A name line the signature or the seal left specks on, read as short
 * words after the name ("Phạm Văn Hòa a ee Co Oo"): how many words the
 * name before them takes, 0 when the line is no such one.  Each word of
 * the name is one the names list holds (marks aside, as OCR may lose
 * them), its first a family name, so no speck is taken into it; each
 * speck has two letters at most.  The longest such name is the one. */
static size_t name_before_specks(const vt_lexicon *lex, const char *text)
{
    enum { MAX_SPECKS = 6 };
    char *copy = vt_xstrdup(text), *w[NAME_WORDS + MAX_SPECKS];
    size_t n = 0, found = 0;
    char *save = NULL;
    for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        if (n == NAME_WORDS + MAX_SPECKS) {
            n = 0;
            break;
        }
        w[n++] = t;
    }
    size_t specks_from = n;
    while (specks_from > 0) {
        char *f = vt_text_fold(w[specks_from - 1]);
        size_t letters = 0;
        for (const char *c = f; *c; c++)
            letters += isalpha((unsigned char)*c) != 0;
        bool speck = letters <= 2 && strlen(f) <= 3;
        free(f);
        if (!speck)
            break;
        specks_from--;
    }
    /* Specks follow the name: it takes at least the words before them,
     * and some of them when a name's word is as short ("Hà"). */
    size_t longest = n > NAME_WORDS ? NAME_WORDS : n - (n > 0);
    for (size_t len = longest; len >= 2 && len >= specks_from && !found; len--) {
        bool listed = in_list(&lex->family, w[0]);
        for (size_t k = 1; k < len && listed; k++)
            listed = name_form(lex, w[k], false);
        if (!listed)
            continue;
        char *head = vt_xstrdup(w[0]);
        for (size_t k = 1; k < len; k++) {
            char *j = vt_xasprintf("%s %s", head, w[k]);
            free(head);
            head = j;
        }
        if (looks_like_name(lex, head))
            found = len;
        free(head);
    }
    free(copy);
    return found;
}

/* Did the page print `name`, marks and all, on the line pl: restore left
 * it as printed, and it carries marks? */
static bool printed_with_marks(const vt_pline *pl, const char *name)
{
    char *f = vt_text_fold(name), *low = vt_text_lower_full(name);
    bool marked = strcmp(f, low) != 0;
    free(f);
    free(low);
    return marked && strstr(pl->orig ? pl->orig : pl->text, name) != NULL;
}

/* The signer's name as the document prints it elsewhere (Nơi nhận, Kính
 * gửi, the body), when the signature block's copy is damaged: a name
 * there within OCR distance of `name` (or ending with it, the family name
 * lost under the seal) whose parts the names list holds as spelled, more
 * of them than of `name`; or, where restore read the block's copy
 * (`restored`), one of its letters the page printed with its marks, every
 * part listed: restore weighed the marks of the copy it read against
 * words and other names, the page shows them.  NULL when there is
 * none. */
static char *name_elsewhere(const vt_pctx *cx, const char *name, size_t skip, bool restored)
{
    char *nc = vt_xstrdup(name), *nw[NAME_WORDS];
    size_t nn = split_name(nc, nw);
    char *nf = vt_text_fold(name);
    size_t best_score = nn ? name_score(cx->lex, nw, nn) : NAME_WORDS;
    char *best = NULL;
    for (size_t l = 0; l < cx->n && nn >= 2; l++) {
        if (l == skip)
            continue;
        char *copy = vt_xstrdup(cx->lines[l].text), *save = NULL, *w[64];
        bool stop[64];
        size_t n = 0;
        for (char *t = strtok_r(copy, " ", &save); t && n < 64; t = strtok_r(NULL, " ", &save)) {
            size_t k = strlen(t);
            stop[n] = false;
            while (k && strchr(",;.:)", t[k - 1])) {
                t[--k] = '\0';
                stop[n] = true;
            }
            w[n++] = t;
        }
        for (size_t a = 0; a < n; a++) {
            if (!vt_name_word(w[a]) || !form_in_list(&cx->lex->family, w[a]))
                continue;
            size_t z = a;
            while (z + 1 < n && z + 1 - a < NAME_WORDS && !stop[z] && vt_name_word(w[z + 1]))
                z++;
            for (size_t len = 2; len <= z - a + 1; len++) {
                if (len != nn && !(nn == 2 && len == 3))
                    continue;
                char *cand = vt_xstrdup(w[a]);
                for (size_t k = a + 1; k < a + len; k++) {
                    char *j = vt_xasprintf("%s %s", cand, w[k]);
                    free(cand);
                    cand = j;
                }
                char *cf = vt_text_fold(cand);
                const char *tail = len == nn ? cf : strchr(cf, ' ') + 1;
                bool near = len == nn ? vt_fuzzy_cost(nf, strlen(nf), cf) <= 0.2
                                      : strcmp(tail, nf) == 0;
                size_t score = name_score(cx->lex, w + a, len);
                bool printed = restored && len == nn && score == len && strcmp(cf, nf) == 0 &&
                               strcmp(cand, name) != 0 &&
                               printed_with_marks(&cx->lines[l], cand);
                if (printed || (near && score > best_score && score == len)) {
                    free(best);
                    best = cand;
                    cand = NULL;
                    /* A printed copy stays over any other. */
                    best_score = printed ? NAME_WORDS + 1 : score;
                }
                free(cf);
                free(cand);
            }
        }
        free(copy);
    }
    free(nf);
    free(nc);
    return best;
}

/* May `word`, a part of a name with other letters than a person's part,
 * be that part as OCR damaged it?  Not when it is a Vietnamese syllable:
 * a name the names list lacks ("Giám" for a given name), printed whole,
 * is another person's, not a known one misread. */
static bool damaged_part(const vt_lexicon *lex, const char *word, size_t k)
{
    if (name_form(lex, word, true) && !(k == 0 && !form_in_list(&lex->family, word)))
        return false;
    char *low = vt_text_lower_full(word);
    bool syllable = vt_syllable_valid(low, VT_SYLLABLE_INVENTORY);
    free(low);
    return !syllable;
}

/* The person of the names lexicon a damaged name is (the real corpus's
 * whole names, lex->persons), when the document prints it whole nowhere:
 * the nearest within OCR distance of as many words, every part the names
 * list holds as printed the same letters in both, and every other part
 * either or damaged (damaged_part), the one more documents name when two
 * are as near.  NULL when none is, or when two are as near and as
 * frequent. */
static char *known_person(const vt_lexicon *lex, const char *name)
{
    char *nc = vt_xstrdup(name), *nw[NAME_WORDS];
    size_t nn = split_name(nc, nw);
    char *out = NULL;
    if (nn < 2 || name_score(lex, nw, nn) == nn) {
        free(nc);
        return NULL;
    }
    char *nf = vt_text_fold(name), *ff = vt_xstrdup(nf), *fw[NAME_WORDS];
    split_name(ff, fw);
    const vt_lex_entry *best = NULL;
    double best_cost = 0.15;
    long best_docs = 0;
    bool tie = false;
    for (size_t i = 0; i < lex->persons.n; i++) {
        const vt_lex_entry *e = &lex->persons.v[i];
        char *pf = vt_xstrdup(e->fold), *pw[NAME_WORDS];
        bool same_shape = split_name(pf, pw) == nn;
        for (size_t k = 0; same_shape && k < nn; k++)
            same_shape = strcmp(pw[k], fw[k]) == 0 || damaged_part(lex, nw[k], k);
        free(pf);
        if (!same_shape)
            continue;
        double c = vt_fuzzy_cost(nf, strlen(nf), e->fold);
        long docs = e->extra ? strtol(e->extra, NULL, 10) : 0;
        if (c < best_cost || (c == best_cost && docs > best_docs)) {
            tie = false;
            best = e;
            best_cost = c;
            best_docs = docs;
        } else if (best && c == best_cost && docs == best_docs) {
            tie = true;
        }
    }
    if (best && !tie)
        out = vt_xstrdup(best->form);
    free(ff);
    free(nf);
    free(nc);
    return out;
}

/* Does any word of `printed` carry the marks `spelled`, the same word
 * with its marks, gives it (words alike, of as many)?  A word either
 * spells without marks tells nothing. */
static bool marks_printed(const char *printed, const char *spelled)
{
    char *pc = vt_xstrdup(printed), *sc = vt_xstrdup(spelled), *pw[NAME_WORDS], *sw[NAME_WORDS];
    size_t n = split_name(pc, pw);
    bool carries = false;
    if (n && split_name(sc, sw) == n)
        for (size_t k = 0; k < n && !carries; k++) {
            char *f = vt_text_fold(sw[k]), *low = vt_text_lower_full(sw[k]),
                 *plow = vt_text_lower_full(pw[k]);
            carries = strcmp(f, low) != 0 && strcmp(plow, low) == 0;
            free(f);
            free(low);
            free(plow);
        }
    free(pc);
    free(sc);
    return carries;
}

/* The person of the names lexicon (the real corpus's whole names) whose
 * letters `name` has, when the page printed none of the marks the
 * person's name carries (`printed`: the text OCR, stripped of its marks,
 * or an English model gave): officials sign many documents, and between
 * the readings of a name whose marks were lost the one of a person the
 * corpus names is the likeliest ("Doan Khac Tu" is a known Đoàn Khắc Tú,
 * not the Đoàn Khắc Tư a model of text prefers).  Of two such persons
 * the one more documents name; NULL when none, or two as frequent. */
static char *person_by_letters(const vt_lexicon *lex, const char *name, const char *printed)
{
    char *nf = vt_text_fold(name);
    size_t same;
    bool ahead;
    const vt_lex_entry *best = most_named(&lex->persons, nf, &same, &ahead);
    free(nf);
    if (!best || !ahead || strcmp(best->form, name) == 0 || marks_printed(printed, best->form))
        return NULL;
    return vt_xstrdup(best->form);
}

/* `text` with a run of words within OCR distance of `name` (of `nn`
 * words, its fold `nf`, every part in the names list) spelled as `name`
 * when the names list holds fewer of the run's parts as spelled ("PCN B6
 * Ngọc Huỳnh" for "Đỗ Ngọc Huỳnh").  NULL when no run is. */
enum { MAX_WORDS = 64 };

/* Split `copy` in place at spaces into at most MAX_WORDS words: w[k] each
 * word, at[k] its offset in `copy`.  Returns the count. */
static size_t split_words(char *copy, char **w, size_t *at)
{
    size_t n = 0;
    for (char *p = copy; *p && n < MAX_WORDS;) {
        p += strspn(p, " ");
        if (!*p)
            break;
        at[n] = (size_t)(p - copy);
        w[n++] = p;
        p += strcspn(p, " ");
        if (*p)
            *p++ = '\0';
    }
    return n;
}

static char *respelled_name(const vt_lexicon *lex, const char *text, const char *name,
                            const char *nf, size_t nn)
{
    char *copy = vt_xstrdup(text), *w[MAX_WORDS];
    size_t at[MAX_WORDS], n = split_words(copy, w, at);
    char *out = NULL;
    for (size_t a = 0; a + nn <= n && !out; a++) {
        char *run[NAME_WORDS + 1] = {0};
        bool capitals = true;
        size_t end = 0;
        for (size_t k = 0; k < nn; k++) {
            run[k] = vt_xstrdup(w[a + k]);
            size_t len = strlen(run[k]);
            /* Punctuation may close the run's last word only. */
            while (k + 1 == nn && len && strchr(",;.:)", run[k][len - 1]))
                run[k][--len] = '\0';
            capitals &= len && !vt_starts_lower(run[k]) && !strchr(",;.:()", run[k][len - 1]);
            end = at[a + k] + len;
        }
        if (capitals) {
            char *joined = g_strjoinv(" ", run);
            char *jf = vt_text_fold(joined);
            if (strcmp(joined, name) != 0 && vt_fuzzy_cost(jf, strlen(jf), nf) <= 0.2 &&
                name_score(lex, run, nn) < nn)
                out = vt_xasprintf("%.*s%s%s", (int)at[a], text, name, text + end);
            free(jf);
            g_free(joined);
        }
        for (size_t k = 0; k < nn; k++)
            free(run[k]);
    }
    free(copy);
    return out;
}

/* How many words of the line the names list holds as spelled. */
static size_t listed_parts(const vt_lexicon *lex, const char *text)
{
    char *copy = vt_xstrdup(text), *w[MAX_WORDS];
    size_t at[MAX_WORDS], n = split_words(copy, w, at), listed = 0;
    for (size_t k = 0; k < n; k++)
        listed += name_form(lex, w[k], true);
    free(copy);
    return listed;
}

/* The name line past a lone capital before its family name ("Z Trần
 * Văn An"): a signature's stroke read as a letter, for a name opens with
 * its family name, and the names list holds the word after it as one and
 * the letter as no part of a name (the Ê Đê's "Y" opens a name).  The
 * line itself when it opens otherwise. */
static const char *past_stray_letter(const vt_lexicon *lex, const char *text)
{
    const char *p = text + strspn(text, " ");
    size_t len = strcspn(p, " ");
    const char *next = p + len + strspn(p + len, " ");
    if (!*next || (size_t)g_utf8_next_char(p) - (size_t)p != len ||
        !vt_cp_is_upper(g_utf8_get_char(p)))
        return text;
    char *letter = vt_xstrndup(p, len);
    bool part = name_form(lex, letter, true);
    free(letter);
    if (part)
        return text;
    char *copy = vt_xstrdup(next), *w[MAX_WORDS];
    size_t at[MAX_WORDS], n = split_words(copy, w, at);
    bool family = n >= 2 && form_in_list(&lex->family, w[0]);
    free(copy);
    return family ? next : text;
}

/* The word's letters, its marks and digits dropped. */
static GString *letters_of(const char *word)
{
    GString *letters = g_string_new(NULL);
    for (const char *p = word; *p; p = g_utf8_next_char(p))
        if (g_unichar_isalpha(g_utf8_get_char(p)))
            g_string_append_len(letters, p, g_utf8_next_char(p) - p);
    return letters;
}

/* A middle or given name's part on a line a seal's ring crosses, as the
 * names list spells it: the part itself when the list holds it, whatever
 * its case, or, the ring's ink having moved a mark ("Tuần" for "Tuấn"),
 * the one part the list holds with its letters.  NULL when neither. */
static const char *part_under_seal(const vt_lexicon *lex, const char *word)
{
    const vt_lex_list *lists[] = {&lex->middle, &lex->given};
    const vt_lex_entry *only = NULL;
    size_t forms = 0;
    char *f = vt_text_fold(word);
    for (size_t l = 0; l < 2; l++) {
        const vt_lex_entry *e = vt_lex_form(lists[l], word);
        if (e) {
            free(f);
            return e->form;
        }
        size_t same;
        bool ahead;
        const vt_lex_entry *top = most_named(lists[l], f, &same, &ahead);
        if (same == 1 && (!only || strcmp(only->form, top->form) != 0)) {
            only = top;
            forms++;
        } else if (same > 1) {
            forms += same;
        }
    }
    free(f);
    return forms == 1 ? only->form : NULL;
}

/* A name whose family name a seal's ring, as black as the print on a
 * bilevel or grey scan, garbled where it crosses it ("rrần Văn Hòa",
 * ">>rắn thị Thu Hà"): the line's first word, its marks and digits
 * dropped, is within OCR distance of one family name only (name_part),
 * and the two to four words after it are parts of names
 * (part_under_seal).  The name in title case, NULL when the line is no
 * such name. */
static char *family_under_seal(const vt_lexicon *lex, const char *text)
{
    char *copy = vt_xstrdup(text), *w[MAX_WORDS];
    const char *part[NAME_WORDS] = {0};
    size_t at[MAX_WORDS], n = split_words(copy, w, at);
    char *out = NULL;
    bool parts = n >= 3 && n <= NAME_WORDS;
    for (size_t k = 1; k < n && parts; k++)
        parts = (part[k] = part_under_seal(lex, w[k])) != NULL;
    GString *letters = letters_of(parts ? w[0] : "");
    char *family = letters->len >= 2 ? name_part(&lex->family, letters->str, true) : NULL;
    if (family && form_in_list(&lex->family, family)) {
        GString *name = g_string_new(family);
        for (size_t k = 1; k < n; k++) {
            char *low = vt_text_lower_full(part[k]), *t = title_word(low);
            g_string_append_printf(name, " %s", t);
            free(low);
            free(t);
        }
        out = g_string_free(name, FALSE);
    }
    free(family);
    g_string_free(letters, TRUE);
    free(copy);
    return out;
}

/* Is the word of a name damaged past its spelling: a letter Vietnamese
 * does not write ("Đaän", "Ñgọc"), a mark or digit among its letters, or
 * a capital after its first letter ("TÍơng") other than after an
 * apostrophe (H'Hen)?  A word of letters alone, in title case, may be a
 * name no list holds (a Tây Nguyên name's "Bhin") and is not. */
static bool damaged_word(const char *word)
{
    static const uint32_t marked[] = {0x103, 0xe2, 0x111, 0xea, 0xf4, 0x1a1, 0x1b0};
    uint32_t prev = 0;
    for (const char *p = word; *p; p = g_utf8_next_char(p)) {
        uint32_t cp = g_utf8_get_char(p);
        bool apostrophe = cp == '\'' || cp == 0x2019;
        if (!vt_cp_is_alpha(cp) && !(apostrophe && p > word && *g_utf8_next_char(p)))
            return true;
        if (vt_cp_is_alpha(cp) && p > word && vt_cp_is_upper(cp) && prev != '\'' &&
            prev != 0x2019)
            return true;
        uint32_t low = vt_cp_to_lower(cp), base = vt_cp_toneless(low);
        bool known = !vt_cp_is_alpha(cp) || base < 0x80;
        for (size_t k = 0; k < sizeof marked / sizeof *marked && !known; k++)
            known = base == marked[k];
        /* A tone on a consonant ("ñ") is no Vietnamese letter's. */
        if (!known || (vt_cp_tone(low) && base < 0x80 && !strchr("aeiouy", (int)base)))
            return true;
        prev = cp;
    }
    return false;
}

/* The part of `list` nearest the letters (OCR distance, nearest_fold,
 * under DAMAGED_COST), of the letters that are nearest the one the corpus
 * names in most documents; NULL when none is that near, or two spellings
 * of other letters are as near, or two of the same as often named. */
#define DAMAGED_COST 0.4
static const vt_lex_entry *nearest_part(const vt_lex_list *list, const char *letters)
{
    char *f = vt_text_fold(letters);
    const char *best = nearest_fold(list, f, DAMAGED_COST);
    size_t same = 0;
    bool ahead = false;
    const vt_lex_entry *e = best ? most_named(list, best, &same, &ahead) : NULL;
    free(f);
    return e && ahead ? e : NULL;
}

/* A name some of whose words the seal's ring or the signature's ink, as
 * black as the print on a bilevel scan, damaged past their spelling
 * ("Đaän Minh Triết", "Bùi Thị Ñgọc Lan"): each such word (damaged_word)
 * is the part of its place nearest its letters (nearest_part; the first
 * word's a family name, the last's a given name, those between middle
 * names), when every other word has the letters of a part the names list
 * holds and at least two are.  NULL when no word is damaged, or one is
 * near no part, or another word is no listed part. */
static char *mended_parts(const vt_lexicon *lex, const char *name)
{
    char *copy = vt_xstrdup(name), *w[NAME_WORDS];
    size_t n = split_name(copy, w), damaged = 0;
    bool ok = n >= 3;
    GString *out = g_string_new(NULL);
    for (size_t k = 0; k < n && ok; k++) {
        const vt_lex_list *list = k == 0 ? &lex->family : k + 1 == n ? &lex->given : &lex->middle;
        char *part = NULL;
        if (damaged_word(w[k])) {
            GString *letters = letters_of(w[k]);
            const vt_lex_entry *e = letters->len >= 2 ? nearest_part(list, letters->str) : NULL;
            g_string_free(letters, TRUE);
            part = e ? vt_xstrdup(e->form) : NULL;
            ok = part != NULL;
            damaged++;
        } else {
            part = vt_xstrdup(w[k]);
            ok = name_form(lex, w[k], false);
        }
        if (ok)
            g_string_append_printf(out, "%s%s", k ? " " : "", part);
        free(part);
    }
    ok = ok && damaged && n - damaged >= 2;
    free(copy);
    return g_string_free(out, !ok);
}

/* A Nơi nhận entry naming the signer ("PCT Đỗ Văn Hùng") in a copy the
 * OCR damaged is spelled as the name the signature gives, every part of
 * which the names list holds: the document names one person one way. */
static void recipients_name_signer(vt_pctx *cx, const char *name)
{
    json_t *list = json_object_get(cx->meta, "recipients");
    char *nc = vt_xstrdup(name), *nw[NAME_WORDS];
    size_t nn = split_name(nc, nw);
    char *nf = vt_text_fold(name);
    bool whole = nn >= 2 && name_score(cx->lex, nw, nn) == nn;
    for (size_t r = 0; whole && r < json_array_size(list); r++) {
        json_t *e = json_array_get(list, r);
        static const char *const keys[] = {"text", "name"};
        for (size_t k = 0; k < 2; k++) {
            const char *t = json_string_value(json_object_get(e, keys[k]));
            char *fixed = t ? respelled_name(cx->lex, t, name, nf, nn) : NULL;
            if (fixed)
                json_object_set_new(e, keys[k], json_string(fixed));
            free(fixed);
        }
    }
    free(nf);
    free(nc);
}

/* Does `whole` (of nn words) spell every part of `run` that is a name
 * as spelled the same, marks aside?  Another person may be a letter away
 * ("Tùng" for "Tường"). */
static bool keeps_name_parts(const vt_lexicon *lex, char *const *run, size_t nn, const char *whole)
{
    char *wc = vt_xstrdup(whole), *ww[NAME_WORDS];
    bool keeps = split_name(wc, ww) == nn;
    for (size_t k = 0; keeps && k < nn; k++)
        if (name_form(lex, run[k], true)) {
            char *a = vt_text_fold(run[k]), *b = vt_text_fold(ww[k]);
            keeps = strcmp(a, b) == 0;
            free(a);
            free(b);
        }
    free(wc);
    return keeps;
}

/* A person an entry of Nơi nhận or Kính gửi names ("PCN Nguyễn Sỹ Hiệp")
 * in a copy the OCR damaged (a part no name has: "Nguyễn SV Hiệp") spelled
 * as the document prints the name whole elsewhere, else as the names
 * lexicon knows the person: a run of three or four words in capitals at
 * most one of which the names list lacks.  A new string; NULL when no run
 * changed. */
char *vt_mended_names(const vt_pctx *cx, const char *text)
{
    char *copy = vt_xstrdup(text), *w[MAX_WORDS];
    size_t at[MAX_WORDS], n = split_words(copy, w, at);
    char *out = NULL;
    for (size_t a = 0; a < n && !out; a++) {
        for (size_t nn = 4; nn >= 3 && !out; nn--) {
            if (a + nn > n)
                continue;
            char *run[NAME_WORDS] = {0};
            bool capitals = true;
            for (size_t k = 0; k < nn; k++) {
                size_t l = strlen(w[a + k]);
                /* Punctuation may close the run's last word only. */
                while (k + 1 == nn && l && strchr(",;.:)", w[a + k][l - 1]))
                    l--;
                run[k] = vt_xstrndup(w[a + k], l);
                capitals &= l && !vt_starts_lower(run[k]) && !strchr(",;.:()/", run[k][l - 1]);
            }
            size_t score = capitals ? name_score(cx->lex, run, nn) : 0;
            if (capitals && score < nn && score + 1 >= nn) {
                char *joined = g_strjoinv(" ", run);
                char *whole = name_elsewhere(cx, joined, cx->n, false);
                if (whole && !keeps_name_parts(cx->lex, run, nn, whole)) {
                    free(whole);
                    whole = NULL;
                }
                if (!whole)
                    whole = known_person(cx->lex, joined);
                size_t end = at[a + nn - 1] + strlen(run[nn - 1]);
                if (whole && strcmp(whole, joined) != 0)
                    out = vt_xasprintf("%.*s%s%s", (int)at[a], text, whole, text + end);
                free(whole);
                g_free(joined);
            }
            for (size_t k = 0; k < nn; k++)
                free(run[k]);
        }
    }
    free(copy);
    return out;
}

/* Each Nơi nhận entry with its persons' names mended (vt_mended_names). */
static void recipients_mend_names(vt_pctx *cx)
{
    json_t *list = json_object_get(cx->meta, "recipients");
    for (size_t r = 0; r < json_array_size(list); r++) {
        json_t *e = json_array_get(list, r);
        const char *t = json_string_value(json_object_get(e, "text"));
        char *fixed = t ? vt_mended_names(cx, t) : NULL;
        if (fixed)
            json_object_set_new(e, "text", json_string(fixed));
        free(fixed);
    }
}

/* Position title in its proper form: the lexicon's, else sentence case. */
static char *position_case(const vt_pctx *cx, const char *t, double *cost)
{
    char *f = vt_text_fold(t);
    double c = 1;
    const vt_lex_entry *e = vt_lex_match(&cx->lex->positions, f, strlen(f), 0.3, &c);
    free(f);
    if (cost)
        *cost = e ? c : 1;
    if (e)
        return vt_xstrdup(e->form);
    char *low = vt_text_lower_full(t);
    char *u = vt_text_upper_first(low);
    free(low);
    return u;
}

/* The signer's position if text (a line in capitals) prints one: a title
 * the lexicon knows, a title heading a unit ("VỤ TRƯỞNG VỤ KÊ KHAI"), the
 * deputy's title a KT. authority leads one to expect, or a lexicon title
 * within OCR distance.  NULL when none. */
char *vt_deputy_title(const char *title)
{
    /* A minister's deputies are Thứ trưởng, not "Phó Bộ trưởng" (Luật Tổ
     * chức Chính phủ); every other head's deputy is Phó and the title. */
    char *f = vt_text_fold(title);
    bool minister = strcmp(f, "bo truong") == 0;
    free(f);
    return minister ? vt_xstrdup("Thứ trưởng") : vt_xasprintf("Phó %s", title);
}

/* The deputy titles a KT. authority's title leads one to expect, NULL
 * ended (free with g_strfreev): its deputy's, and for a head holding two
 * titles at once ("Bộ trưởng, Chủ nhiệm": a minister heading an office of
 * the Government) each title's, as the deputy may hold one of them only
 * ("Phó Chủ nhiệm") or both. */
static char **deputy_titles(const vt_pctx *cx, const char *title)
{
    char **parts = g_strsplit(title, ",", 3);
    size_t n = g_strv_length(parts);
    char **out = g_new0(char *, n + 2);
    out[0] = vt_deputy_title(title);
    for (size_t i = 0; n > 1 && i < n; i++) {
        char *proper = position_case(cx, g_strstrip(parts[i]), NULL);
        out[i + 1] = vt_deputy_title(proper);
        free(proper);
    }
    g_strfreev(parts);
    return out;
}

static char *match_position(const vt_pctx *cx, const char *t, char *const *expected,
                            double *conf)
{
    if (!vt_text_mostly_upper(t))
        return NULL;
    char *position = NULL;
    double c = 1;
    char *f = vt_text_fold(t);
    size_t pe = 0;
    const vt_lex_entry *head;
    if (vt_lex_match(&cx->lex->positions, f, strlen(f), 0, NULL)) {
        position = position_case(cx, t, &c);
        *conf = VT_CONF_POSITION;
    } else if ((head = vt_lex_prefix(&cx->lex->positions, f, strlen(f), 0, &pe)) &&
               pe < strlen(f)) {
        vt_pline pl;
        vt_pline_init(&pl, t);
        vt_span rest = {&pl, pe, pl.flen};
        char *r = vt_span_text(&rest);
        char *unit = vt_organ_case(cx->lex, r);
        position = vt_xasprintf("%s %s", head->form, unit);
        *conf = VT_CONF_POSITION_HEADING;
        free(unit);
        free(r);
        vt_pline_clear(&pl);
    }
    /* The expected title closest to the line. */
    size_t best = SIZE_MAX;
    for (size_t k = 0; !position && expected && expected[k]; k++) {
        char *ef = vt_text_fold(expected[k]);
        double ck = vt_fuzzy_cost(f, strlen(f), ef);
        free(ef);
        if (ck <= 0.45 && ck < c) {
            c = ck;
            best = k;
        }
    }
    if (best < SIZE_MAX) {
        position = vt_xstrdup(expected[best]);
        *conf = VT_CONF_POSITION * (1 - c);
    }
    if (!position && vt_lex_match(&cx->lex->positions, f, strlen(f), 0.3, &c)) {
        position = position_case(cx, t, &c);
        *conf = VT_CONF_POSITION * (1 - c);
    }
    free(f);
    return position;
}

/* The position ending a line in capitals whose head ends the authority's
 * title wrapped from the line above ("KT. TRƯỞNG BAN CHÍNH SÁCH," /
 * "THUẾ QUỐC TẾ PHÓ TRƯỞNG BAN"): the longest title the lexicon knows
 * that ends the line.  NULL when none. */
static char *position_at_end(const vt_pctx *cx, const char *t)
{
    if (!vt_text_mostly_upper(t))
        return NULL;
    vt_pline pl;
    vt_pline_init(&pl, t);
    char *position = NULL;
    for (size_t w = 1; w < pl.flen && !position; w++) {
        if (pl.fold[w - 1] != ' ' || pl.fold[w] == ' ')
            continue;
        if (vt_lex_match(&cx->lex->positions, pl.fold + w, pl.flen - w, 0, NULL)) {
            char *tail = span_text(&pl, w, pl.flen);
            position = position_case(cx, tail, NULL);
            free(tail);
        }
    }
    vt_pline_clear(&pl);
    return position;
}

/* The words of a title wrapped onto the line under its position, in the
 * lexicon's spelling ("PHÓ CHÁNH VĂN PHÒNG THƯỜNG" / "TRỰC"): one or two
 * words in capitals that, after the position's last word, go on a title
 * the lexicon knows ("Phó Chủ tịch Thường trực"), as printed or within
 * OCR distance (a seal over them).  A position the lexicon knows whole
 * ("Phó Giám đốc") is not cut, whatever the line under it reads.  NULL
 * when the line is no such end. */
static char *title_wrapped(const vt_pctx *cx, const char *position, const char *line)
{
    if (!vt_text_mostly_upper(line) || looks_like_name(cx->lex, line))
        return NULL;
    char *pf = vt_text_fold(position), *lf = vt_text_fold(line);
    if (vt_lex_match(&cx->lex->positions, pf, strlen(pf), 0, NULL)) {
        free(pf);
        free(lf);
        return NULL;
    }
    char *lw = strrchr(pf, ' ') ? strrchr(pf, ' ') + 1 : pf;
    size_t nl = 0;
    for (char *c = g_strstrip(lf); *c; c++)
        nl += c[0] != ' ' && (c == lf || c[-1] == ' ');
    char *probe = g_strjoin(" ", lw, lf, NULL);
    char *tail = NULL;
    for (size_t i = 0; i < cx->lex->positions.n && !tail && nl && nl <= 2; i++) {
        const vt_lex_entry *e = &cx->lex->positions.v[i];
        char **fw = g_strsplit(e->fold, " ", -1), **form = g_strsplit(e->form, " ", -1);
        size_t nw = g_strv_length(fw);
        for (size_t s = 0; !tail && nw == g_strv_length(form) && s + nl < nw; s++) {
            if (strcmp(fw[s], lw) != 0)
                continue;
            char *saved = fw[s + nl + 1];
            fw[s + nl + 1] = NULL;
            char *run = g_strjoinv(" ", fw + s);
            fw[s + nl + 1] = saved;
            if (vt_fuzzy_cost(probe, strlen(probe), run) <= 0.26) {
                saved = form[s + nl + 1];
                form[s + nl + 1] = NULL;
                tail = g_strjoinv(" ", form + s + 1);
                form[s + nl + 1] = saved;
            }
            g_free(run);
        }
        g_strfreev(fw);
        g_strfreev(form);
    }
    char *out = tail ? vt_xstrdup(tail) : NULL;
    g_free(tail);
    g_free(probe);
    free(lf);
    free(pf);
    return out;
}

/* Whether the line under a position heading a unit ("TRƯỞNG BAN CHÍNH
 * SÁCH, THUẾ" / "QUỐC TẾ") ends the unit's name the narrow column
 * wrapped: a few words in capitals that begin neither a title nor a
 * person's name (the first word no family name). */
static bool unit_goes_on(const vt_pctx *cx, const char *line)
{
    if (!vt_text_is_upper(line))
        return false;
    char *copy = vt_xstrdup(line), *w[MAX_WORDS];
    size_t at[MAX_WORDS];
    size_t n = split_words(copy, w, at);
    char *lf = vt_text_fold(line);
    bool end = n >= 1 && n <= 3 && !form_in_list(&cx->lex->family, w[0]) &&
               !vt_lex_prefix(&cx->lex->positions, lf, strlen(lf), 0, NULL);
    free(lf);
    free(copy);
    return end;
}

/* The deputy's title going on the KT. line after the head's ("KT. CỤC
 * TRƯỞNG PHÓ CỤC TRƯỞNG", "KT. TRƯỞNG BAN BAN X PHÓ TRƯỞNG BAN"): the
 * block's two lines printed, or read by OCR, as one.  Cuts *title (in
 * capitals) to the head's title and returns the deputy's, in its proper
 * form (within OCR distance of what the head's title leads one to
 * expect); NULL, *title untouched, when the line holds the head's title
 * alone. */
static char *deputy_after_head(const vt_pctx *cx, char **title)
{
    if (!vt_text_mostly_upper(*title))
        return NULL;
    /* A deputy's title is a few words: only the line's last words are
     * tried, which keeps a long line linear. */
    enum { DEPUTY_WORDS = 6 };
    vt_pline pl;
    vt_pline_init(&pl, *title);
    size_t from = pl.flen;
    for (size_t words = 0; from > 1 && words < DEPUTY_WORDS; from--)
        words += pl.fold[from - 2] == ' ' && pl.fold[from - 1] != ' ';
    char *deputy = NULL;
    size_t cut = 0;
    double best = 0.2; /* the most a deputy's title read by OCR is off */
    for (size_t w = from > 0 ? from : 1; w < pl.flen; w++) {
        if (pl.fold[w - 1] != ' ' || pl.fold[w] == ' ')
            continue;
        char *head = span_text(&pl, 0, w);
        char *proper = position_case(cx, head, NULL);
        /* A head's title that heads its unit ("TRƯỞNG BAN BAN KIỂM TRA"):
         * the deputy's title is that of the title alone ("Phó Trưởng
         * ban"), the unit printed once. */
        size_t pe = 0;
        const vt_lex_entry *lead = vt_lex_prefix(&cx->lex->positions, pl.fold, w - 1, 0, &pe);
        char *expected = vt_deputy_title(lead && pe < w - 1 ? lead->form : proper);
        char *ef = vt_text_fold(expected);
        double c = vt_fuzzy_cost(pl.fold + w, pl.flen - w, ef);
        /* The closest reading: a word of the unit may be read as one of
         * the title's ("NỘI BỘ PHÓ TRƯỞNG BAN"). */
        if (c <= best && (!deputy || c < best)) {
            free(deputy);
            deputy = expected;
            best = c;
            cut = w;
        } else {
            free(expected);
        }
        free(head);
        free(ef);
        free(proper);
    }
    if (deputy) {
        free(*title);
        *title = span_text(&pl, 0, cut);
    }
    vt_pline_clear(&pl);
    return deputy;
}

/* The head's title after the body's name on a TM. line ("TM. ỦY BAN
 * NHÂN DÂN CHỦ TỊCH"): the body's line and the title under it printed,
 * or read by OCR, as one, the break sometimes leaving no space
 * ("...NHÂN DÂNCHỦ TỊCH").  The longest title the lexicon knows that
 * ends the line after a body of two words or more; glued to the body's
 * last word, only a title of two words or more, so that a word's own
 * ending is not read as a title.  Cuts *title to the body and returns the
 * position; NULL, *title untouched, when none. */
static char *position_after_organ(const vt_pctx *cx, char **title)
{
    if (!vt_text_mostly_upper(*title))
        return NULL;
    vt_pline pl;
    vt_pline_init(&pl, *title);
    char *position = NULL;
    size_t words = pl.flen && pl.fold[0] != ' ', word_at = 0;
    for (size_t w = 1; w < pl.flen && !position; w++) {
        bool start = pl.fold[w - 1] == ' ' && pl.fold[w] != ' ';
        bool glued = isalpha((unsigned char)pl.fold[w - 1]) && isalpha((unsigned char)pl.fold[w]) &&
                     w - word_at >= 2 && memchr(pl.fold + w, ' ', pl.flen - w);
        if (((start && words >= 2) || (glued && words >= 2)) &&
            vt_lex_match(&cx->lex->positions, pl.fold + w, pl.flen - w, 0, NULL)) {
            char *tail = span_text(&pl, w, pl.flen);
            position = position_case(cx, tail, NULL);
            free(tail);
            char *head = span_text(&pl, 0, w);
            free(*title);
            *title = vt_xstrdup(g_strchomp(head));
            free(head);
        }
        if (start) {
            words++;
            word_at = w;
        }
    }
    vt_pline_clear(&pl);
    return position;
}

/* The title's line under item k taken into the signature block: added
 * to the raw chain, the block's last line; returns where the name is
 * looked for. */
static size_t title_line_below(char **rawchain, const items *right, size_t k, size_t *last_line)
{
    char *j = vt_xasprintf("%s %s", *rawchain, right->v[k + 1].text);
    free(*rawchain);
    *rawchain = j;
    *last_line = right->v[k + 1].line;
    return k + 2;
}

/* The authority chain with its last link, from byte last_at on, made
 * "TM. " and the body's name `body` read without the head's title that
 * ended its line.  Frees chain; newly allocated. */
static char *chain_with_body(const vt_lexicon *lex, char *chain, size_t last_at, const char *body)
{
    char *organ = vt_organ_case(lex, body);
    chain[last_at] = '\0';
    char *j = vt_xasprintf("%s%sTM. %s", chain, *chain ? " / " : "", organ);
    free(organ);
    free(chain);
    return j;
}

/* The head of a body may sign over a title of their own ("TRƯỞNG BAN" /
 * "PHÓ THỦ TƯỚNG"): the line under the head's title, when it is a listed
 * position and not a unit's heading, is the position, and the head's
 * title joins the authority.  That position, or NULL. */
static char *own_title(const vt_pctx *cx, const char *line, double *conf)
{
    char *title = match_position(cx, line, NULL, conf);
    if (title && *conf == VT_CONF_POSITION_HEADING) {
        free(title);
        return NULL;
    }
    return title;
}

static void parse_signer(vt_pctx *cx, vt_rx *arx, items *right)
{
    json_t *sg = json_object();
    char *chain = vt_xstrdup(""), *rawchain = vt_xstrdup("");
    char *last_title = NULL, *last_prefix = NULL, *inline_position = NULL, *last_raw = NULL;
    size_t i = 0, first_line = cx->n, last_line = 0, last_at = 0;
    /* Authority lines come first. */
    for (; i < right->n; i++) {
        vt_pline pl;
        vt_pline_init(&pl, right->v[i].text);
        long a = find_authority(arx, &pl, 0, pl.flen);
        if (a != 0 && !(a > 0 && a <= 3)) {
            vt_pline_clear(&pl);
            if (first_line < cx->n)
                break;
            continue;
        }
        char *prefix = vt_xstrndup(pl.fold + vt_rx_start(arx, 1),
                                   (size_t)(vt_rx_end(arx, 1) - vt_rx_start(arx, 1)));
        char *w = prefix;
        for (char *c = prefix; *c; c++)
            if (*c != '/')
                *w++ = (char)toupper((unsigned char)*c);
        *w = '\0';
        vt_span rest = {&pl, (size_t)vt_rx_end(arx, 0), pl.flen};
        char *title = vt_span_text(&rest);
        if (strcmp(prefix, "KT") == 0 && !inline_position)
            inline_position = deputy_after_head(cx, &title);
        char *proper = strcmp(prefix, "TM") == 0 ? vt_organ_case(cx->lex, title)
                                                 : position_case(cx, title, NULL);
        last_at = strlen(chain);
        char *j = vt_xasprintf("%s%s%s. %s", chain, *chain ? " / " : "", prefix, proper);
        free(chain);
        chain = j;
        j = vt_xasprintf("%s%s%s", rawchain, *rawchain ? " / " : "", right->v[i].text);
        free(rawchain);
        rawchain = j;
        free(last_title);
        free(last_prefix);
        last_title = proper;
        last_prefix = prefix;
        free(last_raw);
        last_raw = title;
        if (first_line == cx->n)
            first_line = right->v[i].line;
        last_line = right->v[i].line;
        vt_pline_clear(&pl);
    }
    if (first_line == cx->n)
        i = 0;

    /* Position: a title in capitals; under KT. it is the deputy's title. */
    char **expected = last_prefix && strcmp(last_prefix, "KT") == 0
                          ? deputy_titles(cx, last_title) : NULL;
    char *position = inline_position;
    double pconf = position ? VT_CONF_POSITION : 0;
    size_t name_from = i;
    /* The body's name wrapped under TM., its last word glued to the head's
     * title on the line below ("TM. ỦY BAN THƯỜNG VỤ QUỐC" / "HỘICHỦ
     * TỊCH"): read as one line, the title ends it and the word before
     * is the body's. */
    if (!position && last_prefix && strcmp(last_prefix, "TM") == 0 && i < right->n &&
        right->v[i].line <= lines_below(cx, last_line, 1)) {
        size_t raw = strlen(last_raw);
        char *joined = vt_xasprintf("%s %s", last_raw, right->v[i].text);
        char *glued = position_after_organ(cx, &joined);
        if (glued && strlen(joined) > raw + 1) {
            position = glued;
            pconf = VT_CONF_POSITION;
            chain = chain_with_body(cx->lex, chain, last_at, joined);
            char *j = vt_xasprintf("%s / %s", rawchain, right->v[i].text);
            free(rawchain);
            rawchain = j;
            last_line = right->v[i].line;
            name_from = i + 1;
        } else {
            free(glued);
        }
        free(joined);
    }
    for (size_t k = i; k < right->n && !position; k++) {
        const char *t = right->v[k].text;
        position = match_position(cx, t, expected, &pconf);
        /* A title restore rewrote ("TRƯỞNG PHÓNG") may read as printed. */
        if (!position && right->v[k].orig)
            position = match_position(cx, right->v[k].orig, expected, &pconf);
        if (!position && k == i && *chain && (position = position_at_end(cx, t)))
            pconf = VT_CONF_POSITION_HEADING;
        if (position) {
            char *j = vt_xasprintf("%s%s%s", rawchain, *rawchain ? " / " : "", t);
            free(rawchain);
            rawchain = j;
            if (first_line == cx->n)
                first_line = right->v[k].line;
            last_line = right->v[k].line;
            name_from = k + 1;
            bool below = k + 1 < right->n &&
                         right->v[k + 1].line <= lines_below(cx, right->v[k].line, 1);
            char *tail = below ? title_wrapped(cx, position, right->v[k + 1].text) : NULL;
            char *whole = NULL;
            if (!tail && below && pconf == VT_CONF_POSITION_HEADING &&
                unit_goes_on(cx, right->v[k + 1].text)) {
                char *joined = vt_xasprintf("%s %s", t, right->v[k + 1].text);
                double wconf = 0;
                whole = match_position(cx, joined, NULL, &wconf);
                free(joined);
            }
            if (tail || whole) {
                /* The unit read whole makes the position anew. */
                j = whole ? whole : vt_xasprintf("%s %s", position, tail);
                free(position);
                position = j;
                name_from = title_line_below(&rawchain, right, k, &last_line);
            }
            free(tail);
            double oconf = 0;
            char *own = name_from == k + 1 && below
                            ? own_title(cx, right->v[k + 1].text, &oconf) : NULL;
            if (own) {
                j = vt_xasprintf("%s%s%s", chain, *chain ? " / " : "", position);
                free(chain);
                chain = j;
                free(position);
                position = own;
                pconf = oconf;
                name_from = title_line_below(&rawchain, right, k, &last_line);
            }
        }
    }
    /* No title line under the body's: the head's title may end its line. */
    if (!position && last_prefix && strcmp(last_prefix, "TM") == 0 &&
        (position = position_after_organ(cx, &last_raw))) {
        chain = chain_with_body(cx->lex, chain, last_at, last_raw);
        pconf = VT_CONF_POSITION;
    }
    /* One acting for the head ("Q. GIÁM ĐỐC") signs with no title line
     * of their own: theirs is the head's, acting. */
    if (!position && last_prefix && strcmp(last_prefix, "Q") == 0 && *last_title) {
        position = vt_xasprintf("Quyền %s", last_title);
        pconf = VT_CONF_POSITION_HEADING;
    }
    if (*chain)
        json_object_set_new(sg, "authority", json_string(chain));
    else
        vt_missing(cx, "signer.authority");
    if (position)
        json_object_set_new(sg, "position", json_string(position));
    else
        vt_missing(cx, "signer.position");

    /* Name: the first name-like line below, close to the title (what
     * follows further down is an appendix). */
    char *name = NULL;
    /* Nghị định 30 prints the name in bold lower case: a line in capitals
     * (a seal's text) is taken only when there is no other. */
    size_t pick = right->n;
    for (size_t k = name_from; k < right->n; k++) {
        if (right->v[k].line > lines_below(cx, last_line, NAME_GAP))
            break;
        if (!looks_like_name(cx->lex, past_stroke_marks(right->v[k].text)) ||
            stroke_over_name(cx, right, k, lines_below(cx, last_line, NAME_GAP)))
            continue;
        if (pick == right->n || vt_text_is_upper(right->v[pick].text))
            pick = k;
        if (!vt_text_is_upper(right->v[k].text)) {
            pick = signature_above_name(cx, right, k, last_line) ? k + 1 : pick;
            break;
        }
    }
    /* A name the signature's specks follow on its line is taken without
     * them. */
    size_t name_words = 0;
    for (size_t k = name_from; pick == right->n && k < right->n; k++) {
        if (right->v[k].line > lines_below(cx, last_line, NAME_GAP))
            break;
        if ((name_words = name_before_specks(cx->lex, right->v[k].text)))
            pick = k;
    }
    /* A name the seal or the OCR left unreadable as a name is taken when
     * the document prints it whole elsewhere, or the names lexicon knows
     * the person. */
    char *whole = NULL;
    for (size_t k = name_from; pick == right->n && k < right->n; k++) {
        if (right->v[k].line > lines_below(cx, last_line, NAME_GAP))
            break;
        if ((whole = name_elsewhere(cx, right->v[k].text, right->v[k].line, false)) ||
            (whole = known_person(cx->lex, right->v[k].text)))
            pick = k;
    }
    /* A name whose family name the seal garbled is taken when no name
     * was found, and over a line taken for one none of whose words the
     * names list holds as spelled: the seal's and the signature's strokes
     * read as a short name ("Vẻ Ả") above it. */
    bool strokes = pick < right->n && !whole && !name_words &&
                   listed_parts(cx->lex, right->v[pick].text) == 0;
    for (size_t k = strokes ? pick + 1 : name_from; (pick == right->n || strokes) && k < right->n;
         k++) {
        if (right->v[k].line > lines_below(cx, last_line, NAME_GAP))
            break;
        if ((whole = family_under_seal(cx->lex, right->v[k].text))) {
            pick = k;
            break;
        }
    }
    if (pick < right->n) {
        const char *t = past_stroke_marks(right->v[pick].text), *o = right->v[pick].orig;
        o = o ? past_stroke_marks(o) : NULL;
        /* name_words counts from the line's first word. */
        if (!name_words) {
            t = past_stray_letter(cx->lex, t);
            o = o ? past_stray_letter(cx->lex, o) : NULL;
        }
        char *tn = name_words ? vt_xstrndup(t, word_end(t, name_words)) : vt_xstrdup(t);
        char *on = o && name_words ? vt_xstrndup(o, word_end(o, name_words)) : o ? vt_xstrdup(o) : NULL;
        bool broken = !name_words && !whole && name_goes_on(cx, right, pick);
        if (broken) {
            const item *next = &right->v[pick + 1];
            char *j = vt_xasprintf("%s %s", tn, next->text);
            free(tn);
            tn = j;
            if (on) {
                j = vt_xasprintf("%s %s", on, next->orig ? next->orig : next->text);
                free(on);
                on = j;
            }
        }
        char *tu = unglued_name(cx->lex, tn), *ou = on ? unglued_name(cx->lex, on) : NULL;
        char *text = horned_name(cx->lex, tu), *orig = ou ? horned_name(cx->lex, ou) : NULL;
        free(tn);
        free(on);
        free(tu);
        free(ou);
        char *printed = orig ? printed_name(cx->lex, text, orig) : NULL;
        name = name_case(cx->lex, printed ? printed : text);
        free(printed);
        free(text);
        if (!whole)
            whole = person_by_letters(cx->lex, name, orig ? orig : name);
        free(orig);
        if (!whole)
            whole = name_elsewhere(cx, name, right->v[pick].line, o != NULL);
        /* Damaged here and wherever else the document prints it: the
         * names lexicon decides. */
        if (!whole)
            whole = known_person(cx->lex, name);
        if (!whole)
            whole = mended_parts(cx->lex, name);
        if (whole) {
            free(name);
            name = whole;
        }
        char *j = vt_xasprintf("%s%s%s%s%s", rawchain, *rawchain ? " / " : "", right->v[pick].text,
                               broken ? " " : "", broken ? right->v[pick + 1].text : "");
        free(rawchain);
        rawchain = j;
        last_line = right->v[pick + broken].line;
    }
    if (name) {
        json_object_set_new(sg, "name", json_string(name));
        recipients_name_signer(cx, name);
    } else
        vt_missing(cx, "signer.name");

    if (*chain || position || name) {
        json_object_set_new(sg, "raw", json_string(rawchain));
        double conf = (*chain ? VT_CONF_SIGNER_PART : 0) +
                      (position ? VT_CONF_SIGNER_PART * pconf / VT_CONF_POSITION : 0) +
                      (name ? VT_CONF_SIGNER_PART : 0);
        json_object_set_new(sg, "confidence", json_real(vt_conf_truncated(conf)));
        json_object_set_new(sg, "evidence", vt_evidence(cx, first_line, last_line));
        json_object_set_new(cx->meta, "signer", sg);
    } else {
        json_decref(sg);
        vt_missing(cx, "signer");
    }
    free(name);
    free(position);
    g_strfreev(expected);
    free(chain);
    free(rawchain);
    free(last_title);
    free(last_prefix);
    free(last_raw);
}

/* Whether a list mark follows fold offset j of the line, past spaces:
 * the entry ending at j is followed by another on the line. */
static bool mark_follows(const vt_pline *pl, size_t j, size_t le)
{
    size_t n = j + 1 + strspn(pl->fold + j + 1, " ");
    return n < le && vt_list_mark_len(pl->text + pl->map[n]);
}

/* Whether a ';' on the line is followed by a list mark: the entries of a
 * list run on ("...; - Bộ Nội vụ; ..."). */
static bool marks_run_on(const vt_pline *pl)
{
    for (size_t j = 0; j + 1 < pl->flen; j++)
        if (pl->fold[j] == ';' && mark_follows(pl, j, pl->flen))
            return true;
    return false;
}

/* Take the entries of fold[k, le) of line i: several on a line part at a
 * ';' a list mark follows, or at a ':' so followed where the line runs
 * its entries on (OCR reads a semicolon so); the first goes on from the
 * open entry when `cont`.  Each entry is flushed when the next one
 * starts; the "Lưu" entry closes the list. */
static void take_entries(vt_pctx *cx, json_t *recipients, const vt_pline *pl, size_t k, size_t le,
                         size_t i, bool cont, char **entry, size_t *entry_from, size_t *entry_to,
                         bool *done)
{
    size_t ps = k;
    bool run_on = marks_run_on(pl);
    for (size_t j = k; j < le; j++) {
        size_t end = le;
        if ((pl->fold[j] == ';' || (run_on && pl->fold[j] == ':')) && mark_follows(pl, j, le))
            end = j + 1;
        if (end == le && j + 1 < le)
            continue;
        char *t = span_text(pl, ps, end);
        if (cont && ps == k) {
            /* A hyphen glued to the word before it ends a compound the
             * line broke ("chính trị-" / "xã hội"): no space is added. */
            size_t el = strlen(*entry);
            bool compound = el >= 2 && (*entry)[el - 1] == '-' && (*entry)[el - 2] != ' ';
            char *joined = vt_xasprintf("%s%s%s", *entry, compound ? "" : " ", t);
            free(*entry);
            *entry = joined;
            *entry_to = i;
        } else {
            flush_recipient(cx, recipients, *entry, *entry_from, *entry_to);
            *entry = vt_xstrdup(t);
            *entry_from = *entry_to = i;
        }
        char *c = vt_clean_text(t, strlen(t));
        char *f = vt_text_fold(c);
        if (is_luu(f))
            *done = true;
        free(f);
        free(c);
        free(t);
        ps = end;
        j = end - 1;
    }
}

/* A line that is a speck of the signature or the seal OCR read as text
 * ("tÀ", "MA 2y"): no word of three letters or more. */
static bool signature_speck(const vt_pline *pl)
{
    return vt_specks_only(pl->fold, 0, pl->flen);
}

/* A signature with neither "Nơi nhận" nor an authority (a decision signed
 * "THỦ TƯỚNG" and a name): the last title in capitals the lexicon knows
 * whose next line with text, past a few specks of the signature, is a
 * name.  cx->n when none. */
static size_t bare_signature(const vt_pctx *cx)
{
    enum { SPECK_LINES = 3 };
    size_t found = cx->n;
    for (size_t i = cx->header_end; i < cx->n; i++) {
        const vt_pline *pl = &cx->lines[i];
        if (!vt_text_is_upper(pl->text) ||
            !vt_lex_match(&cx->lex->positions, pl->fold, pl->flen, 0, NULL))
            continue;
        size_t next = lines_below(cx, i, 1);
        for (int k = 0; k < SPECK_LINES && next < cx->n && signature_speck(&cx->lines[next]); k++)
            next = lines_below(cx, next, 1);
        if (next < cx->n && looks_like_name(cx->lex, cx->lines[next].text) &&
            !vt_text_is_upper(cx->lines[next].text))
            found = i;
    }
    return found;
}

/* Line i holds a Nơi nhận list printed without its cue, run on: it opens
 * at a list mark and a second mark follows a ';' on it ("- Chính phủ; -
 * Bộ Nội vụ; ...").  Where a resolution of the Ủy ban Thường vụ Quốc hội
 * prints its Nơi nhận so, the list is all that stands between the closing
 * paragraph and the signature. */
static bool run_on_list(const vt_pline *pl)
{
    size_t k = strspn(pl->fold, " ");
    return k < pl->flen && vt_list_mark_len(pl->text + pl->map[k]) && marks_run_on(pl);
}

/* The line of an uncued Nơi nhận list (run_on_list): the list ends the
 * text, or stands right above the signature's authority line, after the
 * lines its entries run on to (a scan's narrower lines wrap it over
 * several, each with a mark after a ';') and at most WRAP_LINES more its
 * last entries wrap to (under a comma, opening in small letters or
 * closing an entry with ';'), closed by ';' or '.' or ending a line of
 * entries run on (whose last mark OCR may misread); cx->n when none.  A
 * list of the body printed on one line has a paragraph under it. */
static size_t uncued_list(const vt_pctx *cx, vt_rx *arx)
{
    enum { WRAP_LINES = 2 };
    for (size_t i = cx->header_end; i < cx->n; i++) {
        if (!run_on_list(&cx->lines[i]))
            continue;
        size_t last = i;
        for (size_t k = 0; k <= WRAP_LINES;) {
            size_t next = lines_below(cx, last, 1);
            long a = next < cx->n ? find_authority(arx, &cx->lines[next], 0, cx->lines[next].flen) : -1;
            if (next == cx->n || (a >= 0 && a <= 3)) {
                char c = vt_last_char(cx->lines[last].text);
                if (last == i || c == ';' || c == '.' || marks_run_on(&cx->lines[last]))
                    return i;
                break;
            }
            bool runs_on = marks_run_on(&cx->lines[next]);
            if (!runs_on && vt_last_char(cx->lines[last].text) != ',' &&
                !vt_starts_lower(cx->lines[next].text) && vt_last_char(cx->lines[next].text) != ';')
                break;
            last = next;
            k += !runs_on;
        }
    }
    return cx->n;
}

/* The first line of a Nơi nhận list whose cue the seal or OCR spoiled
 * past reading: the archive entry ("- Lưu: VT, ...") is the document's
 * last line opening with a mark and "Lưu:", and the entries above it up
 * to the first line with no mark are the list's (one at least, so that
 * an archive note alone is none).  cx->n when none. */
static size_t archive_list(const vt_pctx *cx)
{
    size_t luu = cx->n;
    for (size_t i = cx->n; luu == cx->n && i-- > cx->header_end;) {
        const vt_pline *pl = &cx->lines[i];
        size_t k = strspn(pl->fold, " ");
        size_t m = k < pl->flen ? vt_list_mark_len(pl->text + pl->map[k]) : 0;
        if (!m || pl->role == VT_ROLE_FOOTER_RIGHT)
            continue;
        while (k < pl->flen && !isalnum((unsigned char)pl->fold[k]))
            k++;
        if (strncmp(pl->fold + k, "luu", 3) == 0 && pl->fold[k + 3 + strspn(pl->fold + k + 3, " ")] == ':')
            luu = i;
    }
    size_t first = luu;
    for (size_t i = luu; i < cx->n && i > cx->header_end;) {
        size_t up = i - 1, k = 0;
        while (up > cx->header_end && (k = strspn(cx->lines[up].fold, " ")) == cx->lines[up].flen)
            up--;
        const vt_pline *pl = &cx->lines[up];
        if (k == pl->flen || !vt_list_mark_len(pl->text + pl->map[k]))
            break;
        first = i = up;
    }
    return first < luu ? first : cx->n;
}

/* The first entry under the cue printed without its dash (a company and
 * its address), wrapped over the lines a scan's narrow column breaks it
 * into: in words, no name alone, and going on below to its closing mark
 * (entry_goes_on_below). */
static bool first_entry_wraps(const vt_pctx *cx, vt_rx *arx, size_t i, size_t end,
                              const char *entry, bool mark, bool luu, const char *lt)
{
    return !entry && !mark && !luu && *lt && !vt_text_mostly_upper(lt) &&
           !looks_like_name(cx->lex, lt) && entry_goes_on_below(cx, arx, i, end);
}

/* The end of the "Nơi nhận" cue at fold offset `at` of a left column's
 * line, with its colon, or -1: the cue is followed by a colon (OCR's
 * ';' or '|' for it) or ends the line. */
static long cue_at(const vt_pline *pl, size_t at)
{
    if (pl->role == VT_ROLE_FOOTER_RIGHT)
        return -1;
    long e = vt_fuzzy_prefix(pl->fold, pl->flen, at, "noi nhan", 0.2, NULL);
    if (e < 0)
        return -1;
    size_t k = (size_t)e;
    while (k < pl->flen && (pl->fold[k] == ' ' || pl->fold[k] == '.'))
        k++;
    if (k == pl->flen)
        return (long)k;
    return pl->fold[k] == ':' || pl->fold[k] == ';' || pl->fold[k] == '|' ? (long)k + 1 : -1;
}

void vt_parse_footer(vt_pctx *cx)
{
    vt_rx arx;
    if (!vt_rx_init(&arx, authority_pattern, false))
        return;
    /* The "Nơi nhận" cue at the start of a line, followed by a colon. */
    size_t nn = cx->n;
    long cue_end = -1;
    for (size_t i = cx->header_end; i < cx->n && nn == cx->n; i++) {
        const vt_pline *pl = &cx->lines[i];
        size_t at = strspn(pl->fold, " ");
        if (at < pl->flen && (pl->fold[at] == '-' || pl->fold[at] == '+'))
            continue; /* a list entry ("- Cá nhân: ...") is not the cue */
        if ((cue_end = cue_at(pl, at)) >= 0)
            nn = i;
    }
    /* A speck of the seal or a stroke before the cue reads as a list
     * mark ("- Nơi nhận:").  A list entry of the body may open so too, so
     * only where no cue stands unmarked, and only the last line marked
     * whose cue nothing follows but the signature's authority. */
    for (size_t i = cx->n; nn == cx->n && i-- > cx->header_end;) {
        const vt_pline *pl = &cx->lines[i];
        size_t at = strspn(pl->fold, " ");
        long e = at < pl->flen && (pl->fold[at] == '-' || pl->fold[at] == '+') ? cue_at(pl, at) : -1;
        size_t rest = e < 0 ? pl->flen : (size_t)e + strspn(pl->fold + e, " ");
        /* From the colon: the pattern reads the sign before a prefix. */
        long a = e > 0 && rest < pl->flen ? find_authority(&arx, pl, (size_t)e - 1, pl->flen) : -1;
        if (e >= 0 && (rest == pl->flen || (a >= 0 && (size_t)a <= rest + 3))) {
            nn = i;
            cue_end = e;
        }
    }
    if (nn == cx->n) {
        nn = uncued_list(cx, &arx);
        cue_end = 0;
    }
    if (nn == cx->n)
        nn = archive_list(cx);
    /* The signature block may start a few lines above "Nơi nhận"; without
     * the cue it is the first authority line after the header. */
    size_t start = nn;
    size_t lo = nn < cx->n ? (nn > cx->header_end + 6 ? nn - 6 : cx->header_end) : cx->header_end;
    for (size_t i = lo; i < (nn < cx->n ? nn : cx->n); i++) {
        long a = find_authority(&arx, &cx->lines[i], 0, cx->lines[i].flen);
        if (a >= 0 && a <= 3) {
            start = i;
            break;
        }
    }
    if (start == cx->n)
        start = bare_signature(cx);
    cx->footer_from = start;
    if (start == cx->n) {
        vt_missing(cx, "recipients");
        vt_missing(cx, "signer");
        vt_rx_clear(&arx);
        return;
    }

    items right = {0};
    json_t *recipients = json_array();
    char *entry = NULL;
    size_t entry_from = 0, entry_to = 0;
    bool done = false; /* the "Lưu" entry closes the list */
    size_t end = footer_end(cx, nn < cx->n ? nn : start);
    for (size_t i = start; i < end; i++) {
        const vt_pline *pl = &cx->lines[i];
        size_t ls = 0, le = pl->flen; /* left column part */
        if (pl->role == VT_ROLE_FOOTER_RIGHT || i < nn) {
            le = 0;
        } else if (!done) {
            if (i == nn) {
                ls = (size_t)cue_end;
                while (ls < pl->flen && pl->fold[ls] == ' ')
                    ls++;
            }
            size_t k = ls;
            while (k < pl->flen && pl->fold[k] == ' ')
                k++;
            bool mark = k < pl->flen && (vt_list_mark_len(pl->text + pl->map[k]) ||
                                         (i > nn && pl->fold[k] == '.'));
            bool luu = is_luu(pl->fold + k + strspn(pl->fold + k, "-_+*=. "));
            /* A body whose units follow it ("- VP UBND tỉnh:") takes the
             * first, marked "+" under it, as the rest of its entry ("VP
             * UBND tỉnh: CVP, PCVP"); the archive line stays its own. */
            bool unit = entry && vt_last_char(entry) == ':' && k < pl->flen &&
                        pl->fold[k] == '+' && !luu;
            if (unit) {
                k += strspn(pl->fold + k, "+ ");
                mark = false;
            }
            size_t split = entry_split(cx, &arx, pl, ls, luu);
            char *lt = split > k ? span_text(pl, k, split) : vt_xstrdup("");
            bool closed = !entry || (ends_entry(entry) && !bracket_open(entry));
            bool words = *lt && !vt_text_mostly_upper(lt);
            /* An entry goes on in small letters, or to its closing mark, or
             * (in lists whose entries close with a comma, as the Party's
             * do) up to the next entry's mark; an entry whose dash was lost
             * follows a closed one with its own. */
            bool cont = unit || (!closed && !mark && !luu && words &&
                                 (vt_starts_lower(lt) || ends_entry(lt) ||
                                  (vt_last_char(lt) == ',' && entry_opens_below(cx, i, end))));
            /* An entry names several bodies parted by ';' ("VPCP: BTCN;
             * các Vụ: TH"); a scan's narrow column may wrap it right
             * after one, where no entry of its own opens in small
             * letters on the next line. */
            cont = cont || (entry && vt_last_char(entry) == ';' && !mark && !luu && words &&
                            vt_starts_lower(lt) && lines_below(cx, entry_to, 1) == i);
            /* A line of three or more an entry wraps over starts as it may
             * ("PCN Nguyễn Văn A, PCN" / "Trần Văn B, các Vụ," / "KTTH;"):
             * it goes on with the entry when the line under it does, and
             * is no signer's name standing alone. */
            cont = cont || (!closed && !mark && !luu && words &&
                            !looks_like_name(cx->lex, lt) && entry_goes_on_below(cx, &arx, i, end));
            /* A line of a list run on ends the entry above before its
             * first ';' and mark. */
            cont = cont || (!closed && !mark && !luu && marks_run_on(pl));
            /* A list of codes wrapped after its comma or the colon that
             * opens it, or inside a name, goes on in capitals to the
             * entry's closing ';' ("các Vụ: TH,"
             * / "QHĐP, PL;", "Cổng" / "TTĐTCP;"), also over a line of
             * codes the narrow column of a scan wrapped again ("các Vụ:" /
             * "TH, KTTH, Cục" / "KSTTHC;"); a title of the signature
             * beside the list is no part of it. */
            cont = cont || (!closed && !mark && !luu && *lt && !words &&
                            ((vt_last_char(entry) == ',' || vt_last_char(entry) == ':'
                                  ? ends_entry(lt) || entry_opens_below(cx, i, end)
                                  : vt_last_char(lt) == ';') ||
                             (entry_closes_below(cx, &arx, i, end) &&
                              !signature_part(cx, &arx, pl, k))));
            /* An entry printed without a dash follows a closed one: it ends
             * on its line, or wraps (in words, or after a comma) to a line
             * that closes it ("PCN Lê Văn A, các" / "Vụ: TH, PL;"). */
            bool unmarked = !mark && *lt &&
                            (i == nn ? words && !signer_beside_cue(cx->lex, lt)
                                     : closed && (vt_last_char(lt) == ';' ||
                                                  (words && ends_entry_as(lt, true)) ||
                                                  ((words || vt_last_char(lt) == ',') &&
                                                   entry_closes_below(cx, &arx, i, end))));
            unmarked = unmarked || first_entry_wraps(cx, &arx, i, end, entry, mark, luu, lt);
            if (mark || cont || unmarked || (luu && entry)) {
                le = split;
                take_entries(cx, recipients, pl, k, le, i, cont, &entry, &entry_from, &entry_to,
                             &done);
            } else {
                le = ls;
            }
            free(lt);
        } else {
            le = 0;
        }
        /* The rest of the line is the right column. */
        size_t rs = le > ls ? le : ls;
        char *r = span_text(pl, rs, pl->flen);
        char *rc = vt_clean_text(r, strlen(r));
        free(r);
        char *ro = NULL;
        if (pl->orig) {
            const char *o = pl->orig + word_offset(pl->orig, word_index(pl->text, pl->map[rs]));
            ro = vt_clean_text(o, strlen(o));
        }
        if (*rc && rc[strspn(rc, " .,;:'\"|-_")] != '\0') {
            add_item(&right, rc, ro, i);
        } else {
            free(rc);
            free(ro);
        }
    }
    flush_recipient(cx, recipients, entry, entry_from, entry_to);
    if (json_array_size(recipients))
        json_object_set_new(cx->meta, "recipients", recipients);
    else {
        json_decref(recipients);
        vt_missing(cx, "recipients");
    }
    parse_signer(cx, &arx, &right);
    recipients_mend_names(cx);
    free_items(&right);
    vt_rx_clear(&arx);
}
