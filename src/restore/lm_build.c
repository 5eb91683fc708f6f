/* lm_build.c — a trigram model over syllables with interpolated modified
 * Kneser-Ney smoothing (Chen & Goodman), stored the way backoff models
 * are: for every seen n-gram its interpolated ln-probability, for every
 * seen context the ln of its leftover mass.  An unseen trigram abc then
 * costs bo(ab) + P(c|b), which is exactly the interpolated estimate. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "train.h"

/* ------------------------------------------------ counting hash: u64 -> u32 */

typedef struct cmap {
    uint64_t *keys;
    uint32_t *vals;
    size_t n, cap;
} cmap;

static void cmap_init(cmap *m, size_t cap)
{
    m->cap = cap;
    m->n = 0;
    m->keys = vt_xmalloc(cap * sizeof *m->keys);
    m->vals = vt_xcalloc(cap, sizeof *m->vals);
    memset(m->keys, 0xff, cap * sizeof *m->keys);
}

static void cmap_free(cmap *m)
{
    free(m->keys);
    free(m->vals);
}

static uint32_t *cmap_slot(cmap *m, uint64_t key)
{
    if (2 * (m->n + 1) > m->cap) {
        cmap old = *m;
        cmap_init(m, old.cap * 2);
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i] != UINT64_MAX)
                *cmap_slot(m, old.keys[i]) = old.vals[i];
        cmap_free(&old);
    }
    size_t mask = m->cap - 1;
    for (size_t i = vt_hash_u64(key) & mask;; i = (i + 1) & mask) {
        if (m->keys[i] == key)
            return &m->vals[i];
        if (m->keys[i] == UINT64_MAX) {
            m->keys[i] = key;
            m->n++;
            return &m->vals[i];
        }
    }
}

static uint32_t cmap_get(const cmap *m, uint64_t key)
{
    size_t mask = m->cap - 1;
    for (size_t i = vt_hash_u64(key) & mask;; i = (i + 1) & mask) {
        if (m->keys[i] == key)
            return m->vals[i];
        if (m->keys[i] == UINT64_MAX)
            return 0;
    }
}

typedef struct kv {
    uint64_t key;
    uint32_t val;
} kv;

static int kv_cmp(const void *a, const void *b)
{
    uint64_t x = ((const kv *)a)->key, y = ((const kv *)b)->key;
    return x < y ? -1 : x > y;
}

/* The map's entries sorted by key, so that the build is deterministic. */
static kv *cmap_sorted(const cmap *m)
{
    kv *a = vt_xmalloc((m->n + 1) * sizeof *a);
    size_t k = 0;
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i] != UINT64_MAX)
            a[k++] = (kv){m->keys[i], m->vals[i]};
    qsort(a, k, sizeof *a, kv_cmp);
    return a;
}

/* ------------------------------------------------ discounts */

typedef struct disc {
    double d[4]; /* d[1], d[2], d[3] for counts 1, 2, 3+ */
} disc;

static disc discounts(const kv *a, size_t n)
{
    double nc[5] = {0};
    for (size_t i = 0; i < n; i++)
        if (a[i].val >= 1 && a[i].val <= 4)
            nc[a[i].val]++;
    disc d = {{0, 0.5, 1.0, 1.5}};
    if (nc[1] > 0 && nc[2] > 0 && nc[3] > 0 && nc[4] > 0) {
        double y = nc[1] / (nc[1] + 2 * nc[2]);
        d.d[1] = 1 - 2 * y * nc[2] / nc[1];
        d.d[2] = 2 - 3 * y * nc[3] / nc[2];
        d.d[3] = 3 - 4 * y * nc[4] / nc[3];
    }
    for (int i = 1; i <= 3; i++)
        if (!(d.d[i] > 0) || d.d[i] >= i)
            d.d[i] = 0.5 * i;
    return d;
}

static double D(const disc *d, uint32_t c)
{
    return c == 0 ? 0 : c >= 3 ? d->d[3] : d->d[c];
}

static uint32_t pow2_slots(size_t n)
{
    uint32_t s = 16;
    while (s < n + n / 2 + 1)
        s *= 2;
    return s;
}

static void put(uint64_t *keys, uint32_t slots, uint64_t key, float *p,
                float pv, float *bo, float bov)
{
    uint32_t mask = slots - 1;
    uint32_t i = (uint32_t)vt_hash_u64(key) & mask;
    while (keys[i] != UINT64_MAX)
        i = (i + 1) & mask;
    keys[i] = key;
    p[i] = pv;
    if (bo)
        bo[i] = bov;
}

/* The count of a trigram context a b (key): the counts of real text keep
 * only n-grams seen five times or more, so a frequent context's kept
 * trigrams (`khởi công xây`, `khởi công mới`) hold less than its bigram
 * count, and what they lack was seen after it all the same.  That share
 * goes to the backoff with the discounts: given only to the kept
 * continuations, it left every pruned one (`khởi công các`) cheaper after
 * a context never seen at all (`khói cộng`) than after the one the text
 * uses.  `kept`: the kept trigrams' total; the bigram count, read from
 * the text and the counts but not the model of names, is the context's
 * total where it is larger. */
static double context_total(const cmap *text2, uint64_t key, double kept)
{
    return fmax(kept, (double)cmap_get(text2, key));
}

#define A3(k) ((uint32_t)((k) >> 42))
#define B3(k) ((uint32_t)(((k) >> 21) & 0x1fffff))
#define C3(k) ((uint32_t)((k) & 0x1fffff))

void vt_lm_build(const uint32_t *seq, const uint8_t *weight, size_t n, const vt_ngram *extra,
                 size_t n_extra, const uint8_t *listed, uint32_t V, vt_lm *lm)
{
    memset(lm, 0, sizeof *lm);
    lm->n_vocab = V;
    cmap c3 = {0}, c2 = {0}, a2 = {0}, text2 = {0};
    kv *t3 = NULL, *t2 = NULL;
    double *a1 = NULL, *ctx1 = NULL, *p1 = NULL;
    double (*nk1)[4] = NULL;
    cmap_init(&c3, 1 << 20);
    cmap_init(&c2, 1 << 18);
    cmap_init(&a2, 1 << 18);
    cmap_init(&text2, 1 << 18);

    /* Raw trigram and bigram counts. */
    for (size_t i = 1; i < n; i++) {
        if (seq[i] == VT_TOK_BOS)
            continue;
        *cmap_slot(&c2, vt_key2(seq[i - 1], seq[i])) += weight[i];
        *cmap_slot(&text2, vt_key2(seq[i - 1], seq[i])) += weight[i];
        if (i >= 2 && seq[i - 1] != VT_TOK_BOS)
            *cmap_slot(&c3, vt_key3(seq[i - 2], seq[i - 1], seq[i])) += weight[i];
    }
    /* The bigrams only the model of names gives (vt_ngram.named). */
    cmap named = {0};
    cmap_init(&named, 1 << 10);
    for (size_t i = 0; i < n_extra; i++) {
        const vt_ngram *g = &extra[i];
        uint64_t k2 = vt_key2(g->id[0], g->id[1]);
        if (g->order == 3) {
            *cmap_slot(&c3, vt_key3(g->id[0], g->id[1], g->id[2])) += g->count;
        } else if (g->order == 2) {
            if (g->named && cmap_get(&c2, k2) == 0)
                *cmap_slot(&named, k2) = 1;
            else if (!g->named && cmap_get(&named, k2))
                *cmap_slot(&named, k2) = 0;
            *cmap_slot(&c2, k2) += g->count;
            if (!g->named)
                *cmap_slot(&text2, k2) += g->count;
        }
    }
    t3 = cmap_sorted(&c3);
    size_t n3 = c3.n;

    /* Adjusted bigram counts: distinct left extensions, except after <s>
     * where nothing can extend to the left. */
    for (size_t i = 0; i < n3; i++)
        (*cmap_slot(&a2, vt_key2(B3(t3[i].key), C3(t3[i].key))))++;
    for (size_t i = 0; i < c2.cap; i++) {
        uint64_t k = c2.keys[i];
        if (k == UINT64_MAX)
            continue;
        if ((uint32_t)(k >> 32) == VT_TOK_BOS || cmap_get(&a2, k) == 0) {
            uint32_t *s = cmap_slot(&a2, k);
            /* A bigram whose left side only ever started a sentence is
             * counted once per start. */
            *s = (uint32_t)(k >> 32) == VT_TOK_BOS ? c2.vals[i] : 1;
        }
    }
    t2 = cmap_sorted(&a2);
    size_t n2 = a2.n;

    /* Adjusted unigram counts: distinct left neighbours. */
    a1 = vt_xcalloc(V, sizeof *a1);
    ctx1 = vt_xcalloc(V, sizeof *ctx1);
    p1 = vt_xcalloc(V, sizeof *p1);
    nk1 = vt_xcalloc(V, sizeof *nk1);
    /* The discounts are the text's too: the bigrams of names, each
     * counted once, would make every count of one look likelier. */
    kv *own2 = vt_xmalloc((n2 + 1) * sizeof *own2);
    size_t n_own2 = 0;
    for (size_t i = 0; i < n2; i++) {
        bool text = cmap_get(&named, t2[i].key) == 0;
        a1[(uint32_t)t2[i].key] += text;
        if (text)
            own2[n_own2++] = t2[i];
    }
    cmap_free(&named);
    /* A word only listed counts as one more distinct context. */
    for (uint32_t i = VT_TOK_FIRST; listed && i < V; i++)
        a1[i] += listed[i];
    kv *u = vt_xmalloc((V + 1) * sizeof *u);
    for (uint32_t i = 0; i < V; i++)
        u[i] = (kv){i, (uint32_t)a1[i]};
    disc d1 = discounts(u, V), d2 = discounts(own2, n_own2), d3 = discounts(t3, n3);
    free(u);
    free(own2);

    /* Unigrams: discounted continuation counts + uniform floor. */
    double tot1 = 0, nn1[4] = {0};
    for (uint32_t i = 0; i < V; i++) {
        if (i == VT_TOK_BOS)
            continue;
        tot1 += a1[i];
        uint32_t c = (uint32_t)a1[i];
        if (c)
            nn1[c >= 3 ? 3 : c]++;
    }
    double g1 = tot1 > 0 ? (d1.d[1] * nn1[1] + d1.d[2] * nn1[2] + d1.d[3] * nn1[3]) / tot1 : 1;
    if (g1 <= 0)
        g1 = 1e-3;
    lm->uni_p = vt_xmalloc(V * sizeof *lm->uni_p);
    lm->uni_bo = vt_xcalloc(V, sizeof *lm->uni_bo);
    for (uint32_t i = 0; i < V; i++) {
        double p = (tot1 > 0 ? fmax(a1[i] - D(&d1, (uint32_t)a1[i]), 0) / tot1 : 0) +
                   g1 / (V - 1);
        p1[i] = i == VT_TOK_BOS ? 1e-12 : p;
        lm->uni_p[i] = (float)log(p1[i]);
    }

    /* Bigram contexts: totals and how many continuations have 1, 2, 3+. */
    for (size_t i = 0; i < n2; i++) {
        uint32_t b = (uint32_t)(t2[i].key >> 32), c = t2[i].val;
        ctx1[b] += c;
        nk1[b][c >= 3 ? 3 : c]++;
    }
    lm->bi_slots = pow2_slots(n2);
    lm->bi_keys = vt_xmalloc(lm->bi_slots * sizeof *lm->bi_keys);
    lm->bi_p = vt_xcalloc(lm->bi_slots, sizeof *lm->bi_p);
    lm->bi_bo = vt_xcalloc(lm->bi_slots, sizeof *lm->bi_bo);
    memset(lm->bi_keys, 0xff, lm->bi_slots * sizeof *lm->bi_keys);
    for (uint32_t b = 0; b < V; b++)
        if (ctx1[b] > 0)
            lm->uni_bo[b] = (float)log((d2.d[1] * nk1[b][1] + d2.d[2] * nk1[b][2] +
                                        d2.d[3] * nk1[b][3]) / ctx1[b]);

    /* Trigram contexts (a b): totals and continuation counts, grouped since
     * t3 is sorted by (a, b, c). */
    cmap ctx2 = {0};
    cmap_init(&ctx2, 1 << 16);
    for (size_t i = 0; i < n3;) {
        uint64_t ab = t3[i].key >> 21;
        double tot = 0, nk[4] = {0};
        size_t j = i;
        for (; j < n3 && (t3[j].key >> 21) == ab; j++) {
            tot += t3[j].val;
            nk[t3[j].val >= 3 ? 3 : t3[j].val]++;
        }
        uint64_t key = vt_key2(A3(t3[i].key), B3(t3[i].key));
        double all = context_total(&text2, key, tot);
        double g = (d3.d[1] * nk[1] + d3.d[2] * nk[2] + d3.d[3] * nk[3] + all - tot) / all;
        uint32_t *s = cmap_slot(&ctx2, key);
        /* Store the ln-backoff as float bits. */
        float gf = (float)log(g);
        memcpy(s, &gf, sizeof gf);
        i = j;
    }

    /* Bigram probabilities (needed by trigrams), then store. */
    for (size_t i = 0; i < n2; i++) {
        uint32_t b = (uint32_t)(t2[i].key >> 32), c = (uint32_t)t2[i].key;
        double p = fmax(t2[i].val - D(&d2, t2[i].val), 0) / ctx1[b] +
                   exp(lm->uni_bo[b]) * p1[c];
        float bo = 0;
        for (size_t mask = ctx2.cap - 1, k = vt_hash_u64(t2[i].key) & mask;;
             k = (k + 1) & mask) {
            if (ctx2.keys[k] == t2[i].key) {
                memcpy(&bo, &ctx2.vals[k], sizeof bo);
                break;
            }
            if (ctx2.keys[k] == UINT64_MAX)
                break;
        }
        put(lm->bi_keys, lm->bi_slots, t2[i].key, lm->bi_p, (float)log(p),
            lm->bi_bo, bo);
    }
    lm->n_bigrams = n2;

    lm->tri_slots = pow2_slots(n3);
    lm->tri_keys = vt_xmalloc(lm->tri_slots * sizeof *lm->tri_keys);
    lm->tri_p = vt_xcalloc(lm->tri_slots, sizeof *lm->tri_p);
    memset(lm->tri_keys, 0xff, lm->tri_slots * sizeof *lm->tri_keys);
    for (size_t i = 0; i < n3;) {
        uint64_t ab = t3[i].key >> 21;
        double tot = 0;
        size_t j = i;
        for (; j < n3 && (t3[j].key >> 21) == ab; j++)
            tot += t3[j].val;
        uint32_t a = A3(t3[i].key), b = B3(t3[i].key);
        tot = context_total(&text2, vt_key2(a, b), tot);
        float gbo;
        uint32_t gv = cmap_get(&ctx2, vt_key2(a, b));
        memcpy(&gbo, &gv, sizeof gbo);
        for (size_t k = i; k < j; k++) {
            uint32_t c = C3(t3[k].key);
            double pb = exp(vt_lm_bigram(lm, b, c));
            double p = fmax(t3[k].val - D(&d3, t3[k].val), 0) / tot + exp(gbo) * pb;
            put(lm->tri_keys, lm->tri_slots, t3[k].key, lm->tri_p, (float)log(p),
                NULL, 0);
        }
        i = j;
    }
    lm->n_trigrams = n3;
    cmap_free(&ctx2);
    cmap_free(&c3);
    cmap_free(&c2);
    cmap_free(&text2);
    cmap_free(&a2);
    free(t3);
    free(t2);
    free(a1);
    free(ctx1);
    free(p1);
    free(nk1);
}

float vt_lm_bigram(const vt_lm *lm, uint32_t b, uint32_t c)
{
    uint64_t key = vt_key2(b, c);
    uint32_t mask = lm->bi_slots - 1;
    for (uint32_t i = (uint32_t)vt_hash_u64(key) & mask;; i = (i + 1) & mask) {
        if (lm->bi_keys[i] == key)
            return lm->bi_p[i];
        if (lm->bi_keys[i] == UINT64_MAX)
            return lm->uni_bo[b] + lm->uni_p[c];
    }
}

void vt_lm_free(vt_lm *lm)
{
    free(lm->uni_p);
    free(lm->uni_bo);
    free(lm->bi_keys);
    free(lm->bi_p);
    free(lm->bi_bo);
    free(lm->tri_keys);
    free(lm->tri_p);
    memset(lm, 0, sizeof *lm);
}
