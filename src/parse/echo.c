/* echo.c — a trích yếu in capitals mended from the body's restatement.
 *
 * OCR reads bold capitals worst, and restore has little to go on in them,
 * so a trích yếu in capitals loses its marks or a letter ("TRÊN ĐỊA BAN
 * LINH" for TỈNH) where the body, in small letters, restates it whole
 * ("ban hành Quyết định ... trên địa bàn tỉnh").  When the body holds a
 * run of words that is the trích yếu word for word, each word the same
 * letters or within OCR distance, a word of the trích yếu takes the
 * body's spelling where the body's carries more marks, or as many and
 * other letters (a letter OCR added or changed in bold capitals,
 * "TỈNNH"); the case stays the trích yếu's. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "parse.h"

/* Fewest words a trích yếu needs before a run of the body is taken for
 * its restatement: a few words recur anywhere. */
#define ECHO_MIN_WORDS 5
/* Most normalised OCR cost for two words of different letters to be one. */
#define ECHO_WORD_COST 0.3
/* At most one word in this many may differ in its letters. */
#define ECHO_WORDS_PER_MISREAD 6

typedef struct echo_word {
    const char *s;       /* the word in its text */
    size_t n;            /* its bytes */
    size_t lead, core;   /* punctuation before the core, bytes of the core */
    char *fold, *lower;  /* of the core */
} echo_word;

typedef struct echo_words {
    echo_word *v;
    size_t n, cap;
} echo_words;

static bool core_lead(char c)
{
    return strchr("(\"'", c) != NULL;
}

static bool core_trail(char c)
{
    return strchr(".,;:)\"'", c) != NULL;
}

/* Append the space-separated words of text to w. */
static void words_add(echo_words *w, const char *text)
{
    const char *p = text;
    while (*p) {
        p += strspn(p, " ");
        size_t n = strcspn(p, " ");
        if (!n)
            break;
        size_t lead = 0, end = n;
        while (lead < n && core_lead(p[lead]))
            lead++;
        while (end > lead && core_trail(p[end - 1]))
            end--;
        VT_GROW(w->v, w->n, w->cap);
        char *core = vt_xstrndup(p + lead, end - lead);
        w->v[w->n++] = (echo_word){p, n, lead, end - lead, vt_text_fold(core), vt_text_lower_full(core)};
        free(core);
        p += n;
    }
}

static void words_free(echo_words *w)
{
    for (size_t i = 0; i < w->n; i++) {
        free(w->v[i].fold);
        free(w->v[i].lower);
    }
    free(w->v);
}

/* The marks a word's letters carry, counted in the bytes they add to its
 * fold (a tone, a hat, the bar of đ). */
static size_t marks(const echo_word *w)
{
    size_t l = strlen(w->lower), f = strlen(w->fold);
    return l > f ? l - f : 0;
}

static bool letters_only(const char *fold)
{
    return *fold && fold[strspn(fold, "abcdefghijklmnopqrstuvwxyz")] == '\0';
}

/* Are the two words one, the second in the body: the same letters, or
 * both of letters only and within OCR distance (*misread then)? */
static bool same_word(const echo_word *a, const echo_word *b, bool *misread)
{
    *misread = false;
    if (strcmp(a->fold, b->fold) == 0)
        return true;
    if (!letters_only(a->fold) || !letters_only(b->fold) || strlen(a->fold) < 2)
        return false;
    *misread = vt_fuzzy_cost(a->fold, strlen(a->fold), b->fold) <= ECHO_WORD_COST;
    return *misread;
}

/* Index in body of the first run that restates subj[from..], or body->n. */
static size_t restatement(const echo_words *subj, size_t from, const echo_words *body)
{
    size_t m = subj->n - from, allowed = m / ECHO_WORDS_PER_MISREAD ? m / ECHO_WORDS_PER_MISREAD : 1;
    for (size_t j = 0; j + m <= body->n; j++) {
        size_t misreads = 0, k = 0;
        for (; k < m && misreads <= allowed; k++) {
            bool misread;
            if (!same_word(&subj->v[from + k], &body->v[j + k], &misread))
                break;
            misreads += misread;
        }
        if (k == m && misreads <= allowed)
            return j;
    }
    return body->n;
}

/* How often the body prints the word `lower` beside the neighbours of
 * its word i (after the one before it, before the one after it). */
static size_t beside(const echo_words *body, size_t i, const char *lower)
{
    size_t n = 0;
    for (size_t j = 0; j < body->n; j++) {
        if (strcmp(body->v[j].lower, lower) != 0)
            continue;
        n += i > 0 && j > 0 && strcmp(body->v[j - 1].lower, body->v[i - 1].lower) == 0;
        n += i + 1 < body->n && j + 1 < body->n &&
             strcmp(body->v[j + 1].lower, body->v[i + 1].lower) == 0;
    }
    return n;
}

/* The trích yếu with each word from `from` on that the body's run at
 * `at` spells with more marks (or as many and other letters) in the
 * body's spelling, in its own case; NULL when no word changes.  The
 * body's spelling may be its own typo ("địa bản" once, for the
 * trích yếu's ĐỊA BÀN): it wins only where the body prints it beside
 * the same words more often than the trích yếu's spelling, which a
 * word OCR damaged in capitals never is. */
static char *mended(const char *subject, const echo_words *subj, size_t from, const echo_words *body, size_t at)
{
    size_t cap = strlen(subject) * 4 + 16, o = 0;
    char *out = vt_xmalloc(cap);
    const char *p = subject;
    bool changed = false;
    for (size_t k = 0; k < subj->n; k++) {
        const echo_word *w = &subj->v[k];
        memcpy(out + o, p, (size_t)(w->s - p) + w->lead);
        o += (size_t)(w->s - p) + w->lead;
        const echo_word *b = k >= from ? &body->v[at + k - from] : NULL;
        size_t wrote = 0;
        if (b && strcmp(w->lower, b->lower) != 0 &&
            (marks(b) > marks(w) || (marks(b) == marks(w) && strcmp(w->fold, b->fold) != 0)) &&
            beside(body, at + k - from, w->lower) < beside(body, at + k - from, b->lower))
            wrote = vt_case_apply(b->lower, w->s + w->lead, w->core, false, out + o, cap - o);
        if (!wrote) {
            memcpy(out + o, w->s + w->lead, w->core);
            wrote = w->core;
        } else {
            changed = true;
        }
        o += wrote;
        size_t tail = w->n - w->lead - w->core;
        memcpy(out + o, w->s + w->lead + w->core, tail);
        o += tail;
        p = w->s + w->n;
    }
    strcpy(out + o, p);
    if (!changed) {
        free(out);
        return NULL;
    }
    return out;
}

void vt_mend_subject_from_body(vt_pctx *cx)
{
    json_t *field = json_object_get(cx->meta, "subject");
    const char *subject = json_string_value(json_object_get(field, "value"));
    if (!subject || !vt_text_mostly_upper(subject))
        return;
    echo_words subj = {0}, body = {0};
    words_add(&subj, subject);
    /* The V/v cue is the header's, not the body's. */
    size_t from = subj.n && strcmp(subj.v[0].fold, "v/v") == 0;
    if (subj.n - from >= ECHO_MIN_WORDS) {
        for (size_t i = cx->body_from; i < cx->body_to; i++)
            words_add(&body, cx->lines[i].text);
        size_t at = restatement(&subj, from, &body);
        char *v = at < body.n ? mended(subject, &subj, from, &body, at) : NULL;
        if (v)
            json_object_set_new(field, "value", json_string(v));
        free(v);
    }
    words_free(&body);
    words_free(&subj);
}
