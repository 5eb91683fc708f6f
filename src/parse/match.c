/* match.c — lines with their fold, and OCR-tolerant keyword matching.
 *
 * Restored text may still carry residual errors and legacy OCR has lost its
 * diacritics, so every cue is matched on the line's fold (text.h) with an
 * edit distance in which the confusions OCR actually makes are cheap. */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "internal.h"
#include "parse.h"

/* A letter-spaced heading (C Ộ N G  H Ò A, Q U Y Ế T  Đ Ị N H) comes out
 * of OCR one capital a word.  A run of LETTER_SPACED_MIN or more such
 * words is run together into its syllables: at gaps of two spaces or more
 * when the text kept them, else into the fewest syllables Vietnamese
 * spells, and among those the fewest that open with g or h (which close
 * the syllable before as often: CỘNG HÒA, TỈNH AN, CHỦ NGHĨA). */
#define LETTER_SPACED_MIN 4
#define SYLLABLE_MAX_LETTERS 7

typedef struct spaced_letter {
    size_t at, len; /* in the line's text */
    bool wide_gap;  /* two spaces or more before it */
} spaced_letter;

bool vt_lone_capital(const char *s, size_t len)
{
    uint32_t c;
    return len > 0 && (size_t)vt_utf8_dec(s, len, &c) == len && u_isupper((UChar32)c);
}

/* The onset as Vietnamese spells it before the vowel that follows: ngh,
 * gh and k before i, e, ê (y for k), ng and c not there, g not before e,
 * ê; q only in qu. */
static bool onset_spelled(const char *syllable)
{
    char *f = vt_text_fold(syllable);
    size_t k = strspn(f, "bcdghklmnpqrstvx");
    bool front = f[k] == 'i' || f[k] == 'e' || f[k] == 'y';
    bool ok = strncmp(f, "ngh", 3) == 0 || strncmp(f, "gh", 2) == 0 ? front
              : strncmp(f, "ng", 2) == 0                          ? f[k] != 'i' && f[k] != 'e'
              : f[0] == 'g' && k == 1                             ? f[k] != 'e' /* gi is one */
              : f[0] == 'c' && k == 1                             ? !front
              : f[0] == 'k' && k == 1                             ? front
              : f[0] == 'q'                                       ? f[1] == 'u'
                                                                  : true;
    free(f);
    return ok;
}

/* Writes the syllables of l[0..n) at out + *o, spaced (no longer than
 * the letters with their spaces); false when no spelling cuts them into
 * syllables. */
static bool spaced_syllables(const char *text, const spaced_letter *l, size_t n, char *out,
                             size_t *o)
{
    /* The best cut of l[i..n): its syllables, those opening with g or h,
     * and where its first syllable ends. */
    size_t *count = vt_xcalloc(n + 1, sizeof *count), *opens = vt_xcalloc(n + 1, sizeof *opens),
           *next = vt_xcalloc(n + 1, sizeof *next);
    bool any_wide = false;
    for (size_t i = 1; i < n; i++)
        any_wide = any_wide || l[i].wide_gap;
    for (size_t i = n; i-- > 0;) {
        count[i] = SIZE_MAX;
        char piece[8 * SYLLABLE_MAX_LETTERS];
        size_t plen = 0;
        for (size_t j = i; j < n && j - i < SYLLABLE_MAX_LETTERS; j++) {
            if (j > i && any_wide && l[j].wide_gap)
                break;
            memcpy(piece + plen, text + l[j].at, l[j].len);
            plen += l[j].len;
            piece[plen] = 0;
            bool ends = j + 1 == n || !any_wide || l[j + 1].wide_gap;
            if (!ends || count[j + 1] == SIZE_MAX ||
                !vt_syllable_valid(piece, VT_SYLLABLE_INVENTORY) || !onset_spelled(piece))
                continue;
            char first = (char)tolower((unsigned char)piece[0]);
            size_t c = count[j + 1] + 1, g = opens[j + 1] + (first == 'g' || first == 'h');
            /* On a tie the longer first syllable (TỈNH AN, not TỈ NHAN). */
            if (c < count[i] || (c == count[i] && g <= opens[i])) {
                count[i] = c;
                opens[i] = g;
                next[i] = j + 1;
            }
        }
    }
    bool ok = count[0] != SIZE_MAX;
    for (size_t i = 0; ok && i < n; i = next[i]) {
        if (i)
            out[(*o)++] = ' ';
        for (size_t j = i; j < next[i]; j++) {
            memcpy(out + *o, text + l[j].at, l[j].len);
            *o += l[j].len;
        }
    }
    free(count);
    free(opens);
    free(next);
    return ok;
}

/* The text with its letter-spaced runs joined; NULL when it has none. */
static char *letter_spaced_joined(const char *text)
{
    size_t len = strlen(text), n = 0, cap = 0, done = 0, o = 0;
    spaced_letter *run = NULL;
    char *out = vt_xmalloc(len + 1);
    for (size_t i = 0;;) {
        size_t sp = i;
        while (i < len && text[i] == ' ')
            i++;
        size_t w = i;
        while (i < len && text[i] != ' ')
            i++;
        bool letter = i > w && vt_lone_capital(text + w, i - w);
        if (letter) {
            if (n == cap)
                run = vt_xrealloc(run, (cap = cap ? 2 * cap : 16) * sizeof *run);
            run[n++] = (spaced_letter){w, i - w, w - sp >= 2};
        }
        if ((!letter || i >= len) && n > 0) {
            size_t mark = o;
            memcpy(out + o, text + done, run[0].at - done);
            o += run[0].at - done;
            if (n >= LETTER_SPACED_MIN && spaced_syllables(text, run, n, out, &o))
                done = run[n - 1].at + run[n - 1].len;
            else
                o = mark;
            n = 0;
        }
        if (i >= len)
            break;
    }
    free(run);
    if (done == 0) {
        free(out);
        return NULL;
    }
    memcpy(out + o, text + done, len - done);
    out[o + len - done] = 0;
    return out;
}

void vt_pline_init(vt_pline *pl, const char *text)
{
    memset(pl, 0, sizeof *pl);
    char *joined = text ? letter_spaced_joined(text) : NULL;
    pl->text = joined ? joined : vt_xstrdup(text ? text : "");
    pl->len = strlen(pl->text);
    pl->fold = vt_xmalloc(pl->len * 4 + 1);
    pl->map = vt_xmalloc((pl->len * 4 + 1) * sizeof *pl->map);
    pl->flen = vt_text_fold_map(pl->text, pl->len, pl->fold, pl->map);
}

static bool pen_kind(const vt_pline *pl, size_t a, size_t b, vt_pen kind)
{
    for (size_t i = a; pl->pen && i < b && i < pl->len; i++)
        if (pl->pen[i] == kind)
            return true;
    return false;
}

bool vt_pline_pen(const vt_pline *pl, size_t a, size_t b)
{
    return pen_kind(pl, a, b, VT_PEN_MARKS);
}

bool vt_pline_pen_digits(const vt_pline *pl, size_t a, size_t b)
{
    return pen_kind(pl, a, b, VT_PEN_DIGITS);
}

void vt_pline_clear(vt_pline *pl)
{
    free(pl->pen);
    free(pl->text);
    free(pl->fold);
    free(pl->map);
    free(pl->orig);
    memset(pl, 0, sizeof *pl);
}

size_t vt_fold_offset(const vt_pline *pl, size_t text_off)
{
    size_t i = 0;
    while (i < pl->flen && pl->map[i] < text_off)
        i++;
    return i;
}

vt_span vt_span_trim(vt_span sp)
{
    const char *f = sp.ln->fold;
    while (sp.fs < sp.fe && isspace((unsigned char)f[sp.fs]))
        sp.fs++;
    while (sp.fe > sp.fs && isspace((unsigned char)f[sp.fe - 1]))
        sp.fe--;
    return sp;
}

char *vt_span_text(const vt_span *sp)
{
    vt_span t = vt_span_trim(*sp);
    size_t a = t.ln->map[t.fs], b = t.ln->map[t.fe];
    return vt_xstrndup(t.ln->text + a, b > a ? b - a : 0);
}

char *vt_clean_text(const char *s, size_t n)
{
    size_t a = 0;
    for (;;) {
        unsigned char c = (unsigned char)s[a];
        if (a < n && c < 0x80 && !isalnum(c) && c != '(' && c != '"') {
            a++;
        } else if (a + 2 < n && c == 0xE2 && (unsigned char)s[a + 1] == 0x80 &&
                   ((unsigned char)s[a + 2] == 0xA2 || (unsigned char)s[a + 2] == 0x93 ||
                    (unsigned char)s[a + 2] == 0x94)) {
            a += 3; /* "•", "–", "—" */
        } else {
            break;
        }
    }
    while (n > a && (unsigned char)s[n - 1] < 0x80 && !isalnum((unsigned char)s[n - 1]) &&
           s[n - 1] != ')' && s[n - 1] != '"')
        n--;
    return vt_xstrndup(s + a, n - a);
}

size_t vt_list_mark_len(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    if (c == '-' || c == '+' || c == '=' || c == '*' || c == '_')
        return 1;
    if (c == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0xA2 || (unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
        return 3; /* "•", "–", "—" */
    return 0;
}

bool vt_fold_holds(const char *fold, const char *words)
{
    size_t n = strlen(words);
    for (const char *at = strstr(fold, words); n && at; at = strstr(at + 1, words))
        if ((at == fold || at[-1] == ' ') && (at[n] == '\0' || at[n] == ' '))
            return true;
    return false;
}

bool vt_specks_only(const char *fold, size_t from, size_t to)
{
    size_t run = 0;
    for (size_t k = from; k < to; k++) {
        run = isalpha((unsigned char)fold[k]) ? run + 1 : 0;
        if (run >= 3)
            return false;
    }
    return true;
}

char vt_last_char(const char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    return n ? s[n - 1] : '\0';
}

bool vt_starts_lower(const char *s)
{
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s, i, (int32_t)strlen(s), c);
    return c > 0 && u_islower(c);
}

char *vt_span_clean(const vt_span *sp)
{
    char *t = vt_span_text(sp);
    char *c = vt_clean_text(t, strlen(t));
    free(t);
    return c;
}

/* ------------------------------------------------------------ fuzzy match */

/* Pairs of folded characters the OCR mistakes for each other. */
static const char *const confusions[] = {
    "o0", "o6", "o9", "ob", "od", "oq", "oe", "oa", "oc", "a4", "ad", "a@",
    "ai", "ae", "ag", "ec", "e3", "i1", "il", "it", "ij", "i|", "i!", "iy",
    "ir", "l1", "l|", "lt", "uw", "uv", "uy", "ui", "ut", "dp", "db", "s$",
    "s5", "s8", "gq", "g9", "nm", "nh", "nr", "ck", "c(", "hb", "tf", "yv",
    "b6", "q9", "mn", "01", "17", "z2",
};

/* The pairs as a table, built once: the aligners ask for every cell. */
static bool confusion_table[256][256];
static pthread_once_t confusion_once = PTHREAD_ONCE_INIT;

static void build_confusions(void)
{
    for (size_t i = 0; i < sizeof confusions / sizeof *confusions; i++) {
        unsigned char a = (unsigned char)confusions[i][0], b = (unsigned char)confusions[i][1];
        confusion_table[a][b] = confusion_table[b][a] = true;
    }
}

static inline bool confusable(unsigned char a, unsigned char b)
{
    return confusion_table[a][b];
}

static double sub_cost(unsigned char a, unsigned char b)
{
    if (a == b)
        return 0;
    return confusable(a, b) ? 0.35 : 1.0;
}

/* Cost of dropping a text character: OCR sprinkles punctuation. */
static double del_cost(unsigned char c)
{
    return isalnum(c) ? 0.8 : 0.3;
}

static size_t squeeze(const char *s, size_t n, char *out, size_t *pos)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i])) {
            if (pos)
                pos[k] = i;
            out[k++] = s[i];
        }
    out[k] = '\0';
    return k;
}

/* Semi-global alignment of kw against t: when `starts` is given, the match
 * may begin at any t[j] with starts[j] (a word edge) for free.  Fills best
 * end (exclusive, in t) and start. */
static double align(const char *t, size_t nt, const char *k, size_t nk,
                    const bool *starts, size_t *best_end, size_t *best_start)
{
    pthread_once(&confusion_once, build_confusions);
    double *d = vt_xmalloc((nk + 1) * (nt + 1) * sizeof *d);
    size_t *st = vt_xmalloc((nk + 1) * (nt + 1) * sizeof *st);
#define D(i, j) d[(i) * (nt + 1) + (j)]
#define S(i, j) st[(i) * (nt + 1) + (j)]
    for (size_t j = 0; j <= nt; j++) {
        if (starts) {
            D(0, j) = j < nt && starts[j] ? 0 : 1e6;
            S(0, j) = j;
        } else {
            D(0, j) = j ? D(0, j - 1) + del_cost((unsigned char)t[j - 1]) : 0;
            S(0, j) = 0;
        }
    }
    for (size_t i = 1; i <= nk; i++) {
        D(i, 0) = D(i - 1, 0) + 0.8;
        S(i, 0) = S(i - 1, 0);
        for (size_t j = 1; j <= nt; j++) {
            double best = D(i - 1, j - 1) +
                          sub_cost((unsigned char)k[i - 1], (unsigned char)t[j - 1]);
            size_t s = S(i - 1, j - 1);
            double v = D(i - 1, j) + 0.8; /* keyword letter missing */
            if (v < best) {
                best = v;
                s = S(i - 1, j);
            }
            v = D(i, j - 1) + del_cost((unsigned char)t[j - 1]);
            if (v < best) {
                best = v;
                s = S(i, j - 1);
            }
            D(i, j) = best;
            S(i, j) = s;
        }
    }
    double best = 1e9;
    for (size_t j = 0; j <= nt; j++) {
        double v = D(nk, j);
        /* Ending inside a word is a worse match than ending at its edge. */
        if (j > 0 && j < nt && isalpha((unsigned char)t[j]) &&
            isalpha((unsigned char)t[j - 1]))
            v += 0.5;
        if (v < best) {
            best = v;
            *best_end = j;
            *best_start = S(nk, j);
        }
    }
#undef D
#undef S
    free(d);
    free(st);
    return best;
}

/* Whole-string distance (both ends fixed), normalised by the keyword's
 * length; gives up as soon as every way through exceeds `limit`, returning
 * a cost above it: most lexicon entries are nowhere near the text. */
static double bounded_cost(const char *a, size_t na, const char *kw, double limit)
{
    size_t nkw = strlen(kw);
    char *t = vt_xmalloc(na + 1), *k = vt_xmalloc(nkw + 1);
    size_t nt = squeeze(a, na, t, NULL), nk = squeeze(kw, nkw, k, NULL);
    double *prev = vt_xmalloc((nt + 1) * sizeof *prev), *cur = vt_xmalloc((nt + 1) * sizeof *cur);
    double cut = limit * (double)nk;
    bool gave_up = false;
    pthread_once(&confusion_once, build_confusions);
    for (size_t j = 0; j <= nt; j++)
        prev[j] = j ? prev[j - 1] + del_cost((unsigned char)t[j - 1]) : 0;
    for (size_t i = 1; i <= nk && !gave_up; i++) {
        cur[0] = prev[0] + 0.8;
        double low = cur[0];
        for (size_t j = 1; j <= nt; j++) {
            double v = prev[j - 1] + sub_cost((unsigned char)k[i - 1], (unsigned char)t[j - 1]);
            if (prev[j] + 0.8 < v)
                v = prev[j] + 0.8;
            if (cur[j - 1] + del_cost((unsigned char)t[j - 1]) < v)
                v = cur[j - 1] + del_cost((unsigned char)t[j - 1]);
            cur[j] = v;
            if (v < low)
                low = v;
        }
        /* No cell of a later row is below this row's least. */
        gave_up = low > cut;
        double *sw = prev;
        prev = cur;
        cur = sw;
    }
    double total = gave_up ? cut + 1 : prev[nt];
    free(prev);
    free(cur);
    free(t);
    free(k);
    return nk ? total / (double)nk : (nt ? 1.0 : 0.0);
}

double vt_fuzzy_cost(const char *a, size_t na, const char *kw)
{
    return bounded_cost(a, na, kw, 1e9);
}

double vt_fuzzy_cost_within(const char *a, size_t na, const char *kw, double limit)
{
    return bounded_cost(a, na, kw, limit);
}

static bool list_mark(unsigned char c)
{
    return isspace(c) || c == '-' || c == '_' || c == '*' || c == '+' ||
           c == '|' || c == '.' || c == ',' || c == '\'' || c == '`' || c == '~';
}

long vt_fuzzy_prefix(const char *fold, size_t flen, size_t at, const char *kw,
                     double max_cost, double *cost)
{
    while (at < flen && list_mark((unsigned char)fold[at]))
        at++;
    size_t nkw = strlen(kw);
    size_t window = flen - at;
    if (window > nkw * 2 + 4)
        window = nkw * 2 + 4;
    char *t = vt_xmalloc(window + 1), *k = vt_xmalloc(nkw + 1);
    size_t *pos = vt_xmalloc((window + 1) * sizeof *pos);
    size_t nt = squeeze(fold + at, window, t, pos), nk = squeeze(kw, nkw, k, NULL);
    size_t end = 0, start = 0;
    double c = align(t, nt, k, nk, NULL, &end, &start) / (double)(nk ? nk : 1);
    long result = -1;
    if (c <= max_cost && end > 0) {
        result = (long)(at + pos[end - 1] + 1);
        if (cost)
            *cost = c;
    }
    free(t);
    free(k);
    free(pos);
    return result;
}

bool vt_fuzzy_find(const char *fold, size_t flen, size_t from, const char *kw,
                   double max_cost, size_t *s, size_t *e, double *cost)
{
    if (from >= flen)
        return false;
    size_t n = flen - from, nkw = strlen(kw);
    char *t = vt_xmalloc(n + 1), *k = vt_xmalloc(nkw + 1);
    size_t *pos = vt_xmalloc((n + 1) * sizeof *pos);
    size_t nt = squeeze(fold + from, n, t, pos), nk = squeeze(kw, nkw, k, NULL);
    /* A match starts at a word edge, like a cue word does. */
    bool *starts = vt_xcalloc(nt + 1, sizeof *starts);
    for (size_t j = 0; j < nt; j++) {
        size_t f = from + pos[j];
        starts[j] = f == 0 || !isalnum((unsigned char)fold[f - 1]) ||
                    !isalnum((unsigned char)fold[f]);
    }
    size_t end = 0, start = 0;
    double c = nt ? align(t, nt, k, nk, starts, &end, &start) / (double)(nk ? nk : 1) : 1e9;
    free(starts);
    bool ok = false;
    if (c <= max_cost && end > start) {
        *s = from + pos[start];
        *e = from + pos[end - 1] + 1;
        if (cost)
            *cost = c;
        ok = true;
    }
    free(t);
    free(k);
    free(pos);
    return ok;
}

char *vt_next_word(const char **p)
{
    const char *s = *p;
    while (*s == ' ')
        s++;
    if (!*s) {
        *p = s;
        return NULL;
    }
    const char *e = s;
    while (*e && *e != ' ')
        e++;
    *p = e;
    return vt_xstrndup(s, (size_t)(e - s));
}
