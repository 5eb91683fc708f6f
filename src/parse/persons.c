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
 * name, over `Thành`, a usual word); a family name by its rank among
 * family names too.  The lists' forms with the word's letters are read
 * beside restore's few readings. */
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
 * there about 150 times as likely as not. */
#define NAME_UNLISTED 5.0
/* What a middle or given name names.txt lists weighs more (nats) than
 * one only the corpus's counts name there: the list holds the usual
 * names, the counts also the rare ones and what a page misprinted, and
 * where the counts name both once (or not at all) they tell nothing
 * (bench/parse.sh leave-out signer 0.893/0.899 -> 0.905/0.911 English-
 * model OCR/stripped; 2 nats read the same). */
#define NAME_CURATED 1.0
/* What a family name costs as a given name the given names' list lacks:
 * one is now and then (Lê Văn Lại), less often than a listed one. */
#define NAME_FAMILY_GIVEN 1.0
/* How much of restore's ln posterior a part of a name keeps where restore
 * read it after a context that is not the name's: the first part of a
 * name alone on its line (the signer's, under the heading of the
 * position), which restore reads as a sentence's first word, and a part
 * after one the parse read anew, which restore read after the word it
 * chose instead.  There a word that opens sentences or follows the other
 * word (Trình bày, thụ hưởng) takes most of the posterior from the name's
 * part (Trịnh, Hương) the lists favour, so restore's odds weigh to the
 * power 2/3: four to one (0.8 to 0.18) weigh e^1, less than the family
 * names' ranks tell apart (Trịnh 22nd, Trình 87th: 1.4). */
#define NAME_ASTRAY_SAY (2.0 / 3.0)

/* How much of restore's ln posterior a given name that ends its line
 * keeps where restore chose between its letters' marks only (`Tien`:
 * Tiền, Tiến, Tiên): with no word after it the odds are how often each
 * is a word of text (tiền, money), which tells little of which is the
 * name; the lists tell that.  A word after the name does tell (a run
 * taken for a name before a word that pairs with its last: `Chủ` before
 * `tịch`). */
#define NAME_GIVEN_SAY (1.0 / 3.0)

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

/* The places of a name's parts: the family name first, a middle name, the
 * given name last; the first middle name of a name of four parts is
 * often a family name (the mother's: Lý Phan Ngọc Hà). */
typedef enum { PLACE_FAMILY, PLACE_SECOND, PLACE_MIDDLE, PLACE_GIVEN } name_place;

/* ln (1 + the documents of the real corpus naming the entry there). */
static double docs_prior(const vt_lex_entry *e)
{
    return log1p(e->extra ? strtod(e->extra, NULL) : 0);
}

/* A middle or given name's docs_prior, NAME_CURATED more when names.txt
 * lists it. */
static double usual_prior(const vt_lex_entry *e)
{
    return docs_prior(e) + (e->curated ? NAME_CURATED : 0);
}

/* Did restore read the word between marks only: every reading it
 * weighed has the letters of the one it chose? */
static bool marks_only(const vt_change *c)
{
    if (!c || !c->to || c->n_alternatives < 2)
        return false;
    char *chosen = vt_text_fold(c->to);
    bool same = true;
    for (size_t a = 0; a < c->n_alternatives && same; a++) {
        char *f = vt_text_fold(c->alternatives[a].text);
        same = strcmp(f, chosen) == 0;
        free(f);
    }
    free(chosen);
    return same;
}

/* Does a names list hold the word as spelled? */
static bool listed(const vt_lexicon *lex, const char *word)
{
    char *c = core_of(word);
    bool found = vt_lex_form(&lex->family, c) || vt_lex_form(&lex->middle, c) ||
                 vt_lex_form(&lex->given, c);
    free(c);
    return found;
}

/* What the lists of its place make of a part of a name, `form` (ln):
 * docs_prior in the list of the place (usual_prior for a middle or
 * given name); -NAME_UNLISTED when no list of
 * the place holds it.  Family names are a closed set whose frequencies
 * fall steeply down the list names.txt gives most frequent first, as 1 /
 * rank: a family name weighs ln (families / rank) more, nothing for the
 * last one (Trịnh, 22nd, weighs 1.4 more than Trình, 87th, where no
 * corpus count may tell them). */
static double part_prior(const vt_lexicon *lex, name_place place, const char *form)
{
    const vt_lex_entry *f = vt_lex_form(&lex->family, form), *e;
    double w = -NAME_UNLISTED;
    switch (place) {
    case PLACE_FAMILY:
        if (f)
            w = docs_prior(f) + log((double)lex->family.n / (double)(f - lex->family.v + 1));
        break;
    case PLACE_SECOND:
    case PLACE_MIDDLE:
        if ((e = vt_lex_form(&lex->middle, form)))
            w = usual_prior(e);
        if (place == PLACE_SECOND && f && docs_prior(f) > w)
            w = docs_prior(f);
        break;
    case PLACE_GIVEN:
        if ((e = vt_lex_form(&lex->given, form)))
            w = usual_prior(e);
        else if (f)
            w = -NAME_FAMILY_GIVEN;
        break;
    }
    return w;
}

/* A name's part as its place weighs it: ln posterior + part_prior;
 * -INFINITY under NAME_FLOOR (posterior: restore's, to the power of its
 * say). */
static double part_weight(const vt_lexicon *lex, name_place place, const char *word,
                          double posterior)
{
    if (posterior < NAME_FLOOR)
        return -INFINITY;
    char *c = core_of(word);
    double w = log(posterior) + part_prior(lex, place, c);
    free(c);
    return w;
}

/* The reading of a part of a name in its place, of restore's alternatives (c; none when restore left the word as written,
 * posterior 1) and the forms the lists hold with the word's letters,
 * that the lists favour, when it is not `text`: a new string (the word's
 * punctuation kept), NULL otherwise.  Restore offers a few readings, by
 * the text's model, and the right name is often not among them ("Tu":
 * Tư, Tu, Tự, Từ; not Tú); a form only the lists offer weighs as one
 * restore gave the least of its readings' posteriors, at most NAME_FLOOR.
 * A word printed with marks restore kept is read as printed.  `say`: the
 * power restore's posteriors are weighed to (NAME_ASTRAY_SAY,
 * NAME_GIVEN_SAY, 1); `least`: the posterior a reading of restore's needs
 * before that power (NAME_FLOOR where the say only discounts restore's
 * odds and lifts no reading it gave next to nothing, 0 otherwise). */
static char *part_reread(const vt_lexicon *lex, name_place place, const char *text,
                         const vt_change *c, double say, double least)
{
    size_t a0, b0;
    word_core(text, &a0, &b0);
    char *core = vt_xstrndup(text + a0, b0 - a0), *fold = vt_text_fold(core),
         *low = vt_text_lower_full(core);
    bool marked = strcmp(fold, low) != 0;
    free(low);
    free(core);
    if (!c && marked) {
        free(fold);
        return NULL;
    }
    double chosen = c ? -INFINITY : part_weight(lex, place, text, 1), best = chosen;
    char *pick = NULL;
    size_t n_alt = c ? c->n_alternatives : 0;
    /* What a form restore did not offer weighs: below its last reading
     * when it recorded as many as it may (it weighed more), nothing when
     * fewer (it weighed no other). */
    double unoffered = !c ? NAME_FLOOR : n_alt < VT_MAX_ALTERNATIVES ? 0 : 1;
    for (size_t a = 0; a < n_alt; a++) {
        const vt_alternative *alt = &c->alternatives[a];
        double w = alt->score < least ? -INFINITY
                                      : part_weight(lex, place, alt->text, pow(alt->score, say));
        unoffered = fmin(unoffered, fmin(alt->score, NAME_FLOOR));
        if (strcmp(alt->text, text) == 0)
            chosen = w;
        if (w > best) {
            best = w;
            free(pick);
            pick = vt_xstrdup(alt->text);
        }
    }
    const vt_lex_list *const lists[] = {&lex->family, &lex->middle, &lex->given};
    for (size_t k = 0; k < 3; k++)
        for (size_t i = 0; i < lists[k]->n; i++) {
            const vt_lex_entry *e = &lists[k]->v[i];
            if (strcmp(e->fold, fold) != 0)
                continue;
            char *form = vt_xasprintf("%.*s%s%s", (int)a0, text, e->form, text + b0);
            bool offered = strcmp(form, text) == 0;
            for (size_t a = 0; a < n_alt && !offered; a++)
                offered = strcmp(c->alternatives[a].text, form) == 0;
            double w = offered ? -INFINITY : part_weight(lex, place, form, unoffered);
            if (w > best) {
                best = w;
                free(pick);
                pick = form;
            } else {
                free(form);
            }
        }
    free(fold);
    if (!pick || best <= chosen || strcmp(pick, text) == 0) {
        free(pick);
        return NULL;
    }
    return pick;
}

/* May the word be a part of a name: does a names list hold it, as read or
 * as one of restore's other readings? */
static bool name_part(const vt_lexicon *lex, const char *text, const vt_change *c)
{
    bool found = listed(lex, text);
    for (size_t a = 0; c && a < c->n_alternatives && !found; a++)
        found = listed(lex, c->alternatives[a].text);
    return found;
}

/* Is a line of words i..j, alone on it, a name whose family name restore
 * read as a word ("Trường Văn Khoa", Trương) or left as written without
 * marks ("Dao Văn Khoa", Đào): a reading of restore's of its first word
 * is a family name, or its letters are one's, and every later word a
 * name's part.  A run in a sentence that opens so is a body's name more
 * often ("Trường Sơn"); a line that is the run alone is the signer's. */
static bool family_read_as_word(const vt_lexicon *lex, const char *const *text,
                                const vt_change *const *change, size_t n, size_t i, size_t j)
{
    bool any = false;
    if (i != 0 || j + 1 != n || j == i)
        return false;
    for (size_t a = 0; change[i] && a < change[i]->n_alternatives && !any; a++) {
        char *c = core_of(change[i]->alternatives[a].text);
        any = vt_lex_form(&lex->family, c) != NULL;
        free(c);
    }
    if (!change[i]) {
        char *c = core_of(text[i]), *f = vt_text_fold(c), *low = vt_text_lower_full(c);
        any = strcmp(f, low) == 0 && vt_lex_match(&lex->family, f, strlen(f), 0, NULL);
        free(c);
        free(f);
        free(low);
    }
    for (size_t k = i + 1; any && k <= j; k++)
        any = name_part(lex, text[k], change[k]);
    return any;
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
    char **out = NULL;
    for (size_t i = 0; i < n;) {
        char *c = core_of(text[i]);
        size_t a, b;
        word_core(text[i], &a, &b);
        bool title = a == 0 && text[i][b] == '\0' && vt_name_word(c) && !after_unit(text, i);
        bool start = title && vt_lex_form(&lex->family, c);
        free(c);
        size_t j = title ? name_end(lex, text, change, n, i) : i;
        if (!start && !family_read_as_word(lex, text, change, n, i, j))
            j = i;
        for (size_t k = i; k <= j && j > i; k++) {
            name_place place = k == i                     ? PLACE_FAMILY
                               : k == j                   ? PLACE_GIVEN
                               : k == i + 1 && j == i + 3 ? PLACE_SECOND
                                                          : PLACE_MIDDLE;
            bool astray = k == i ? i == 0 && j + 1 == n : out && out[k - 1];
            bool given = !astray && place == PLACE_GIVEN && k + 1 == n && marks_only(change[k]);
            char *r = part_reread(lex, place, text[k], change[k],
                                  astray  ? NAME_ASTRAY_SAY
                                  : given ? NAME_GIVEN_SAY
                                          : 1,
                                  given ? NAME_FLOOR : 0);
            if (!r)
                continue;
            if (!out)
                out = vt_xcalloc(n, sizeof *out);
            out[k] = r;
        }
        i = j + 1;
    }
    size_t t = typist_name(text, n);
    char *r = t < n && change[t] ? part_reread(lex, PLACE_GIVEN, text[t], change[t], 1, 0) : NULL;
    if (r && !out)
        out = vt_xcalloc(n, sizeof *out);
    if (r)
        out[t] = r;
    return out;
}
