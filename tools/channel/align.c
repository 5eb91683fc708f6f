/*
 * align.c — token and character alignment of OCR output to its source text,
 * with costs re-estimated from counts (see align.h).
 */
#include "align.h"

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- counts */

struct vt_chan_counts {
    GHashTable *pairs; /* "truth\x1focr" -> double* */
    GHashTable *occ;   /* truth substring -> double*: times it occurs */
    double total;
    double positions;  /* places an insertion could happen */
};

static char *pair_key(const char *truth, const char *ocr)
{
    return g_strconcat(truth, "\x1f", ocr, NULL);
}

vt_chan_counts *vt_chan_counts_new(void)
{
    vt_chan_counts *c = g_new0(vt_chan_counts, 1);
    c->pairs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    c->occ = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    return c;
}

void vt_chan_counts_free(vt_chan_counts *c)
{
    if (!c)
        return;
    g_hash_table_destroy(c->pairs);
    g_hash_table_destroy(c->occ);
    g_free(c);
}

/* Add n to table[key], taking ownership of key. */
static void bump(GHashTable *table, char *key, double n)
{
    double *v = g_hash_table_lookup(table, key);
    if (v) {
        *v += n;
        g_free(key);
    } else {
        v = g_new(double, 1);
        *v = n;
        g_hash_table_insert(table, key, v);
    }
}

void vt_chan_counts_add(vt_chan_counts *c, const char *truth, const char *ocr,
                        double n)
{
    bump(c->pairs, pair_key(truth, ocr), n);
    c->total += n;
}

void vt_chan_counts_add_truth(vt_chan_counts *c, const char *truth, double n)
{
    for (const char *p = truth; *p; p = g_utf8_next_char(p)) {
        const char *e = p;
        for (int k = 0; k < VT_CHAN_MAXSEG && *e; k++) {
            e = g_utf8_next_char(e);
            bump(c->occ, g_strndup(p, (gsize)(e - p)), n);
        }
        c->positions += n;
    }
    c->positions += n; /* after the last character */
}

double vt_chan_counts_get(const vt_chan_counts *c, const char *truth,
                          const char *ocr)
{
    char *key = pair_key(truth, ocr);
    const double *v = g_hash_table_lookup(c->pairs, key);
    g_free(key);
    return v ? *v : 0.0;
}

double vt_chan_counts_total(const vt_chan_counts *c)
{
    return c->total;
}

static int cmp_keys(const void *a, const void *b)
{
    /* '\x1f' sorts before every printable byte, so byte order of the key is
     * byte order of (truth, ocr). */
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void vt_chan_counts_each(const vt_chan_counts *c,
                         void (*fn)(const char *, const char *, double, void *),
                         void *user)
{
    guint n = 0;
    char **keys = (char **)g_hash_table_get_keys_as_array(c->pairs, &n);
    qsort(keys, n, sizeof *keys, cmp_keys);
    for (guint i = 0; i < n; i++) {
        const double *v = g_hash_table_lookup(c->pairs, keys[i]);
        char *sep = strchr(keys[i], '\x1f');
        char *truth = g_strndup(keys[i], (gsize)(sep - keys[i]));
        fn(truth, sep + 1, *v, user);
        g_free(truth);
    }
    g_free(keys);
}

void vt_chan_counts_each_truth(const vt_chan_counts *c,
                               void (*fn)(const char *, double, void *),
                               void *user)
{
    fn("", c->positions, user);
    guint n = 0;
    char **keys = (char **)g_hash_table_get_keys_as_array(c->occ, &n);
    qsort(keys, n, sizeof *keys, cmp_keys);
    for (guint i = 0; i < n; i++)
        fn(keys[i], *(const double *)g_hash_table_lookup(c->occ, keys[i]), user);
    g_free(keys);
}

/* -------------------------------------------------------------- costs */

struct vt_chan_costs {
    const vt_chan_counts *counts;
};

vt_chan_costs *vt_chan_costs_new(const vt_chan_counts *counts)
{
    vt_chan_costs *k = g_new0(vt_chan_costs, 1);
    k->counts = counts;
    return k;
}

void vt_chan_costs_free(vt_chan_costs *costs)
{
    g_free(costs);
}

/* Lowercase base letter: marks dropped, đ -> d. */
static gunichar fold(gunichar c)
{
    c = g_unichar_tolower(c);
    if (c == 0x0111)
        return 'd';
    gunichar d[4];
    gsize n = g_unichar_fully_decompose(c, FALSE, d, 4);
    return n ? d[0] : c;
}

/* Prior cost, in nats, of turning truth[0..a) into ocr[0..b); negative means
 * the operation is not allowed.  An operation on several code points whose
 * first or last code points agree could always be split into an identity
 * and a smaller operation, so it is not allowed: that keeps learnt
 * many-to-many pairs minimal ("ư" -> "tr", not "ưn" -> "trn"). */
static double prior_cost(const gunichar *t, size_t a, const gunichar *o,
                         size_t b)
{
    if (a == 1 && b == 1)
        return t[0] == o[0] ? 0.0 : fold(t[0]) == fold(o[0]) ? 1.5 : 3.0;
    if (a + b == 1)
        return 3.0;
    if (!a || !b) /* several inserted or deleted: a bit dearer than singly */
        return 3.0 * (double)(a + b) + 0.5;
    if (t[0] == o[0] || t[a - 1] == o[b - 1])
        return -1.0;
    /* One letter to several or several to one: "ư" -> "tr" (4.0) beats
     * "ư" -> "t" plus an inserted "r" (6.0).  Several to several must be
     * learnt: unseen, "Số" -> "$6" (7.5) loses to "S" -> "$" plus "ố" -> "6"
     * (6.0), and "ườ" -> "ud" to "ư" -> "u" plus "ờ" -> "d" (4.5). */
    if (a == 1 || b == 1)
        return 1.0 + 1.5 * (double)(a + b - 1);
    return 1.5 + 3.0 * (double)(a > b ? a : b);
}

/* Cost of one operation: -log P(ocr | truth), where the truth segment's
 * count is how often it occurs in the truth text (so a rare unit cannot
 * grow cheap by being seen once) and an insertion's is the number of places
 * one could happen.  The prior adds a pseudo-count of exp(-prior) to a
 * pseudo-total of 1, so with no counts the cost is the prior. */
static double op_cost(const vt_chan_costs *k, const gunichar *t, size_t a,
                      const char *ts, const gunichar *o, size_t b,
                      const char *os)
{
    double prior = prior_cost(t, a, o, b);
    if (prior < 0)
        return -1.0;
    if (!k->counts)
        return prior;
    double c = vt_chan_counts_get(k->counts, ts, os), base;
    if (a) {
        const double *v = g_hash_table_lookup(k->counts->occ, ts);
        base = v ? *v : 0.0;
    } else {
        base = k->counts->positions;
    }
    return log(base + 1.0) - log(c + exp(-prior));
}

static gunichar *to_ucs4(const char *s, size_t *n)
{
    glong len = 0;
    gunichar *u = g_utf8_to_ucs4_fast(s, -1, &len);
    *n = (size_t)len;
    return u;
}

/* UTF-8 of every substring of up to VT_CHAN_MAXSEG code points ending at
 * each position: sub[i * (MAXSEG+1) + a] = u[i-a .. i). */
static char **substrings(const gunichar *u, size_t n)
{
    char **sub = g_new0(char *, (n + 1) * (VT_CHAN_MAXSEG + 1));
    for (size_t i = 0; i <= n; i++)
        for (size_t a = 0; a <= VT_CHAN_MAXSEG && a <= i; a++)
            sub[i * (VT_CHAN_MAXSEG + 1) + a] =
                g_ucs4_to_utf8(u + i - a, (glong)a, NULL, NULL, NULL);
    return sub;
}

static void substrings_free(char **sub, size_t n)
{
    for (size_t i = 0; i < (n + 1) * (VT_CHAN_MAXSEG + 1); i++)
        g_free(sub[i]);
    g_free(sub);
}

size_t vt_chan_align_chars(const vt_chan_costs *costs, const char *truth,
                           const char *ocr, vt_chan_seg *out, size_t cap,
                           double *cost)
{
    size_t n, m;
    gunichar *t = to_ucs4(truth, &n), *o = to_ucs4(ocr, &m);
    char **ts = substrings(t, n), **os = substrings(o, m);
    const size_t W = m + 1, S = VT_CHAN_MAXSEG + 1;
    double *d = g_new(double, (n + 1) * W);
    unsigned char *back = g_new0(unsigned char, (n + 1) * W);

    d[0] = 0.0;
    for (size_t i = 0; i <= n; i++) {
        for (size_t j = 0; j <= m; j++) {
            if (i == 0 && j == 0)
                continue;
            double best = INFINITY;
            unsigned char arg = 0;
            for (size_t a = 0; a <= VT_CHAN_MAXSEG && a <= i; a++) {
                for (size_t b = 0; b <= VT_CHAN_MAXSEG && b <= j; b++) {
                    if (a == 0 && b == 0)
                        continue;
                    double prev = d[(i - a) * W + (j - b)];
                    if (!isfinite(prev))
                        continue;
                    double c = op_cost(costs, t + i - a, a, ts[i * S + a],
                                       o + j - b, b, os[j * S + b]);
                    if (c >= 0 && prev + c < best) {
                        best = prev + c;
                        arg = (unsigned char)(a * S + b);
                    }
                }
            }
            d[i * W + j] = best;
            back[i * W + j] = arg;
        }
    }
    if (cost)
        *cost = d[n * W + m];

    /* Walk back, then write the operations in reading order. */
    size_t k = 0, i = n, j = m;
    while (i || j) {
        size_t a = back[i * W + j] / S, b = back[i * W + j] % S;
        i -= a;
        j -= b;
        k++;
    }
    size_t total = k;
    i = n;
    j = m;
    while (i || j) {
        size_t a = back[i * W + j] / S, b = back[i * W + j] % S;
        k--;
        if (k < cap) {
            g_strlcpy(out[k].truth, ts[i * S + a], sizeof out[k].truth);
            g_strlcpy(out[k].ocr, os[j * S + b], sizeof out[k].ocr);
        }
        i -= a;
        j -= b;
    }
    g_free(back);
    g_free(d);
    substrings_free(ts, n);
    substrings_free(os, m);
    g_free(t);
    g_free(o);
    return total;
}

/* ------------------------------------------------------------- tokens */

double vt_chan_word_dist(const char *a, const char *b)
{
    size_t n, m;
    gunichar *x = to_ucs4(a, &n), *y = to_ucs4(b, &m);
    for (size_t i = 0; i < n; i++)
        x[i] = fold(x[i]);
    for (size_t j = 0; j < m; j++)
        y[j] = fold(y[j]);
    size_t *row = g_new(size_t, m + 1);
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t best = diag + (x[i - 1] != y[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t longest = n > m ? n : m;
    double dist = longest ? (double)row[m] / (double)longest : 0.0;
    g_free(row);
    g_free(x);
    g_free(y);
    return dist;
}

/* Cost of aligning truth[t..t+nt) with ocr[o..o+no).  A merge or split
 * must fit closely ("Độc lập" / "Poclap") to beat a pair plus an insertion
 * or deletion, so its distance counts double. */
static double step_cost(char *const *truth, size_t t, size_t nt,
                        char *const *ocr, size_t o, size_t no, double *dist)
{
    if (nt == 0 || no == 0) {
        *dist = 1.0;
        return 1.0;
    }
    char *a = nt == 2 ? g_strconcat(truth[t], truth[t + 1], NULL)
                      : g_strdup(truth[t]);
    char *b = no == 2 ? g_strconcat(ocr[o], ocr[o + 1], NULL) : g_strdup(ocr[o]);
    *dist = vt_chan_word_dist(a, b);
    g_free(a);
    g_free(b);
    return nt + no > 2 ? 0.5 + 2.0 * *dist : *dist;
}

vt_chan_tokpair *vt_chan_align_tokens(char *const *truth, size_t n_truth,
                                      char *const *ocr, size_t n_ocr,
                                      size_t *n)
{
    static const size_t steps[5][2] = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}};
    const size_t W = n_ocr + 1;
    double *d = g_new(double, (n_truth + 1) * W);
    unsigned char *back = g_new0(unsigned char, (n_truth + 1) * W);
    double *dist = g_new0(double, (n_truth + 1) * W);

    d[0] = 0.0;
    for (size_t i = 0; i <= n_truth; i++) {
        for (size_t j = 0; j <= n_ocr; j++) {
            if (i == 0 && j == 0)
                continue;
            double best = INFINITY, best_dist = 1.0;
            unsigned char arg = 0;
            for (unsigned char s = 0; s < 5; s++) {
                size_t a = steps[s][0], b = steps[s][1];
                if (a > i || b > j)
                    continue;
                double dd;
                double c = d[(i - a) * W + (j - b)] +
                           step_cost(truth, i - a, a, ocr, j - b, b, &dd);
                if (c < best) {
                    best = c;
                    best_dist = dd;
                    arg = s;
                }
            }
            d[i * W + j] = best;
            back[i * W + j] = arg;
            dist[i * W + j] = best_dist;
        }
    }

    size_t k = 0, i = n_truth, j = n_ocr;
    while (i || j) {
        const size_t *s = steps[back[i * W + j]];
        i -= s[0];
        j -= s[1];
        k++;
    }
    vt_chan_tokpair *out = g_new(vt_chan_tokpair, k ? k : 1);
    *n = k;
    i = n_truth;
    j = n_ocr;
    while (i || j) {
        const size_t *s = steps[back[i * W + j]];
        k--;
        out[k] = (vt_chan_tokpair){i - s[0], s[0], j - s[1], s[1],
                                   dist[i * W + j]};
        i -= s[0];
        j -= s[1];
    }
    g_free(dist);
    g_free(back);
    g_free(d);
    return out;
}

char **vt_chan_tokens(const char *line, size_t *n)
{
    GPtrArray *a = g_ptr_array_new();
    const char *p = line;
    while (*p) {
        while (*p && g_unichar_isspace(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        const char *start = p;
        while (*p && !g_unichar_isspace(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        if (p > start)
            g_ptr_array_add(a, g_strndup(start, (gsize)(p - start)));
    }
    *n = a->len;
    g_ptr_array_add(a, NULL);
    return (char **)g_ptr_array_free(a, FALSE);
}

void vt_chan_tokens_free(char **tokens, size_t n)
{
    for (size_t i = 0; i < n; i++)
        g_free(tokens[i]);
    g_free(tokens);
}
