/* persons.c — the marks of a person's name that restore read as words.
 *
 * Restore reads a name's parts with the model of the text, where a part
 * that is also a word with other marks loses to the word: `Tuan` is
 * `Tuần` (a week), `Anh` is `Ảnh`, `Dinh` is `Định`.  The model knows
 * the places of the parts the real corpus names often, not of the many
 * it names seldom or never.  The parse knows where a name stands (a run
 * of title-case words opening with a family name), and which parts the
 * names lists hold in each place: a part after the family name is a
 * middle name, the last one the given name.  Of the readings restore
 * weighed for such a part, one the list of its place holds beats one it
 * does not, and of those it holds, each weighs its posterior by the
 * documents of the real corpus naming it there (`Thanh`, a usual given
 * name, over `Thành`, a usual word). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "parse.h"

/* The most parts a Vietnamese name has (family, two middle, given). */
#define NAME_PARTS 4
/* A reading restore gave less than this posterior is no candidate. */
#define NAME_FLOOR 0.01
/* What a part the list of its place lacks costs (nats): a part is listed
 * there twenty times as likely as not. */
#define NAME_UNLISTED 3.0

/* The word's letters without the brackets and punctuation around them
 * ("(Tâm)." → "Tâm"): [*from, *to). */
static void word_core(const char *w, size_t *from, size_t *to)
{
    *from = strspn(w, "(\"'");
    *to = strlen(w);
    while (*to > *from && strchr(".,;:)\"'", w[*to - 1]))
        (*to)--;
}

static char *core_of(const char *w)
{
    size_t a, b;
    word_core(w, &a, &b);
    return vt_xstrndup(w + a, b - a);
}

/* Does a unit's word (`tỉnh`, `thành phố`) stand right before word i?
 * Then the run from it is a place's name (`tỉnh Hà Nam`). */
static bool after_unit(const char *const *text, size_t i)
{
    for (size_t back = 1; back <= 2 && back <= i; back++) {
        char *s = vt_xstrdup("");
        for (size_t k = i - back; k <= i; k++) {
            char *c = core_of(text[k]), *j = vt_xasprintf("%s%s%s", s, *s ? " " : "", c);
            free(c);
            free(s);
            s = j;
        }
        char *f = vt_text_fold(s);
        bool unit = vt_admin_unit_start(f);
        free(f);
        free(s);
        if (unit)
            return true;
    }
    return false;
}

/* A name's part as its place weighs it (`lists`, NULL-ended: the lists
 * that hold the parts of that place): ln posterior + ln (1 + documents
 * naming it there), less NAME_UNLISTED when no list holds it; -INFINITY
 * under NAME_FLOOR. */
static double part_weight(const vt_lex_list *const *lists, const char *word, double posterior)
{
    if (posterior < NAME_FLOOR)
        return -INFINITY;
    char *c = core_of(word);
    double best = log(posterior) - NAME_UNLISTED;
    for (size_t k = 0; lists[k]; k++) {
        const vt_lex_entry *e = vt_lex_form(lists[k], c);
        double docs = e && e->extra ? strtod(e->extra, NULL) : 0;
        if (e && log(posterior) + log1p(docs) > best)
            best = log(posterior) + log1p(docs);
    }
    free(c);
    return best;
}

/* The reading of a part of a name (`lists`: those of its place) restore
 * weighed that the lists favour, when it is not the one restore chose: a
 * new string (the word's punctuation kept), NULL otherwise. */
static char *part_reread(const vt_lex_list *const *lists, const char *text, const vt_change *c)
{
    double best = -INFINITY, chosen = -INFINITY;
    const char *pick = NULL;
    for (size_t a = 0; a < c->n_alternatives; a++) {
        const vt_alternative *alt = &c->alternatives[a];
        double w = part_weight(lists, alt->text, alt->score);
        if (strcmp(alt->text, text) == 0)
            chosen = w;
        if (w > best) {
            best = w;
            pick = alt->text;
        }
    }
    if (!pick || best <= chosen || strcmp(pick, text) == 0)
        return NULL;
    return vt_xstrdup(pick);
}

/* May the word be a part of a name: does a names list hold it, as read or
 * as one of restore's other readings? */
static bool name_part(const vt_lexicon *lex, const char *text, const vt_change *c)
{
    const vt_lex_list *const lists[] = {&lex->family, &lex->middle, &lex->given, NULL};
    if (part_weight(lists, text, 1) > -NAME_UNLISTED)
        return true;
    for (size_t a = 0; c && a < c->n_alternatives; a++)
        if (part_weight(lists, c->alternatives[a].text, 1) > -NAME_UNLISTED)
            return true;
    return false;
}

/* The end of the run of title-case words from word i, up to one that
 * punctuation ends: the last word of a name there, or i when there is
 * none.  A run longer than a name ("Lê Văn Tâm Sở Tài chính", a line
 * run on into the next sentence) is the name up to its first word no
 * names list holds. */
static size_t name_end(const vt_lexicon *lex, const char *const *text,
                       const vt_change *const *change, size_t n, size_t i)
{
    size_t j = i;
    for (bool open = true; open && j + 1 < n; j++) {
        char *d = core_of(text[j + 1]);
        size_t p, q;
        word_core(text[j + 1], &p, &q);
        bool part = p == 0 && vt_name_word(d);
        free(d);
        if (!part)
            break;
        open = text[j + 1][q] == '\0';
    }
    if (j - i + 1 > NAME_PARTS) {
        size_t k = i + 1;
        while (k <= j && name_part(lex, text[k], change[k]))
            k++;
        j = k - 1;
    }
    return j - i + 1 >= 2 && j - i + 1 <= NAME_PARTS ? j : i;
}

/* The word that ends an archive line as the name of who typed it
 * ("Lưu: VT, KH (2). Tâm", "(Hòa)."): a title-case word alone after the
 * word Lưu; n when there is none.  It is a given name, the typist's. */
static size_t typist_name(const char *const *text, size_t n)
{
    bool luu = false;
    for (size_t i = 0; i + 1 < n && !luu; i++) {
        char *c = core_of(text[i]), *f = vt_text_fold(c);
        luu = strcmp(f, "luu") == 0;
        free(f);
        free(c);
    }
    if (!luu || n < 3)
        return n;
    char *last = core_of(text[n - 1]), *before = core_of(text[n - 2]), *f = vt_text_fold(last);
    /* A lone capital is an initial, no name. */
    bool alone = vt_name_word(last) && strlen(f) >= 2 && !vt_name_word(before);
    free(f);
    free(last);
    free(before);
    return alone ? n - 1 : n;
}

char **vt_name_parts_reread(const vt_lexicon *lex, const char *const *text,
                            const vt_change *const *change, size_t n)
{
    /* A middle name, a given name; the first middle name of a name of
     * four parts is often a family name (the mother's: Lý Phan Ngọc Hà). */
    const vt_lex_list *const middle[] = {&lex->middle, NULL},
                             *const given[] = {&lex->given, NULL},
                             *const second[] = {&lex->middle, &lex->family, NULL};
    char **out = NULL;
    for (size_t i = 0; i < n;) {
        char *c = core_of(text[i]);
        size_t a, b;
        word_core(text[i], &a, &b);
        bool start = a == 0 && text[i][b] == '\0' && vt_name_word(c) &&
                     vt_lex_form(&lex->family, c) && !after_unit(text, i);
        free(c);
        size_t j = start ? name_end(lex, text, change, n, i) : i;
        for (size_t k = i + 1; k <= j; k++) {
            if (!change[k] || change[k]->n_alternatives < 2)
                continue;
            const vt_lex_list *const *lists = k == j                    ? given
                                              : k == i + 1 && j == i + 3 ? second
                                                                         : middle;
            char *r = part_reread(lists, text[k], change[k]);
            if (!r)
                continue;
            if (!out)
                out = vt_xcalloc(n, sizeof *out);
            out[k] = r;
        }
        i = j + 1;
    }
    size_t t = typist_name(text, n);
    char *r = t < n && change[t] && change[t]->n_alternatives >= 2
                  ? part_reread(given, text[t], change[t])
                  : NULL;
    if (r && !out)
        out = vt_xcalloc(n, sizeof *out);
    if (r)
        out[t] = r;
    return out;
}
