/* beam.c — the beam search over a line's lattice and the posterior of
 * each choice.
 *
 * Score of a path = sum of -ln P(token | two before) + channel cost
 * -ln P(what the page shows | token), the channel cost and unigram cost
 * being the candidates' (slots.c). */
#include <string.h>

#include "decode.h"

_Static_assert(VT_MAX_CANDS + 1 <= 32, "a bit per candidate in a uint32_t");

#define BEAM 10        /* hypotheses kept per position */
#define HYP_BEAM 8.0f  /* ... and at most this many nats behind the best */

struct vt_hyp {
    uint32_t p2, p1; /* token ids */
    float score;
    int32_t back;    /* hypothesis index at the previous position */
    uint32_t ci;     /* candidate index at this position */
};
typedef struct vt_hyp hyp;

void vt_beam_free(vt_beam *b)
{
    free(b->hyps);
}

static int hyp_cmp(const void *a, const void *b)
{
    const hyp *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    if (x->p1 != y->p1)
        return x->p1 < y->p1 ? -1 : 1;
    return x->p2 < y->p2 ? -1 : x->p2 > y->p2;
}

/* Put t among the best BEAM hypotheses in cur (n of them, in hyp_cmp
 * order), one per state (two last tokens); returns the new count, and
 * whether t went in in *in.  `seen`: cur may hold t's state already. */
static size_t beam_add(hyp *cur, size_t n, const hyp *t, bool seen, bool *in)
{
    *in = false;
    if (n == BEAM && hyp_cmp(t, &cur[n - 1]) >= 0)
        return n;
    size_t j = n;
    if (seen) {
        j = 0;
        while (j < n && !(cur[j].p1 == t->p1 && cur[j].p2 == t->p2))
            j++;
    }
    if (j < n) {
        if (hyp_cmp(t, &cur[j]) >= 0)
            return n; /* the state is there already, and better */
        memmove(cur + j, cur + j + 1, (n - j - 1) * sizeof *cur);
        n--;
    }
    size_t at = n < BEAM ? n : BEAM - 1;
    while (at > 0 && hyp_cmp(t, &cur[at - 1]) < 0) {
        cur[at] = cur[at - 1];
        at--;
    }
    cur[at] = *t;
    *in = true;
    return n < BEAM ? n + 1 : n;
}

/* Beam search over positions [from, to) after the tokens c0 c1; fills
 * their vt_pos[].chosen.  `final`: a sentence ends after `to`. */
static void search_range(vt_restorer *r, size_t from, size_t to, uint32_t c0, uint32_t c1,
                         bool final)
{
    const vt_restore_model *m = r->m;
    hyp start = {c0, c1, 0, -1, 0};
    hyp *prev = &start;
    size_t n_prev = 1;
    for (size_t i = from; i < to; i++) {
        vt_pos *p = &r->pos[i];
        const vt_cand *c = r->slots.cands + p->first;
        hyp *cur = r->beam.hyps + i * BEAM;
        size_t nc = 0;
        /* The distinct previous tokens b of the paths. */
        uint32_t bs[BEAM];
        bool backed_off[BEAM]; /* a path with bs[i] last and no trigram context went on */
        /* Bit k: the state (bs[bi], candidate k) went into cur.  A
         * position's candidates are distinct tokens (make_slot merges a
         * token its sources name twice), so a state no bit marks is not
         * in cur, and beam_add need not look for it. */
        uint32_t entered[BEAM];
        size_t nb = 0;
        float best = INFINITY;
        /* The likeliest transition each candidate can have (a hair more,
         * for rounding): a path that cannot enter the beam even so is not
         * looked up.  Most candidates are rare, and most paths end here. */
        float most[VT_MAX_CANDS + 1];
        for (uint32_t k = 0; k < p->n; k++) {
            float lp = vt_model_lp_most(m, c[k].id);
            /* The document's pairing adds at most VT_RECALL_WEIGHT. */
            most[k] = (r->recall.on ? logf(expf(lp) + VT_RECALL_WEIGHT) : lp) + 1e-3f;
        }
        /* prev is best first: once a path cannot enter the beam even with
         * a free transition (-ln P >= 0), neither can those after it. */
        for (size_t h = 0; h < n_prev; h++) {
            const hyp *ph = &prev[h];
            if (nc == BEAM && ph->score > cur[BEAM - 1].score)
                break;
            size_t bi = 0;
            while (bi < nb && bs[bi] != ph->p1)
                bi++;
            if (bi == nb) {
                backed_off[nb] = false;
                entered[nb] = 0;
                bs[nb++] = ph->p1;
            }
            float bo = vt_model_bo2(m, ph->p2, ph->p1);
            /* Paths ending in the same token and in no context a trigram
             * follows (bo 0) go on to the same states at the same cost
             * from there: only the first, the best, can keep any. */
            if (bo == 0 && backed_off[bi])
                continue;
            backed_off[bi] = backed_off[bi] || bo == 0;
            for (uint32_t k = 0; k < p->n; k++) {
                float s = ph->score + c[k].cost, least = s - most[k];
                /* Far behind the best, or behind the whole beam, already. */
                if (least > best + HYP_BEAM || (nc == BEAM && least > cur[BEAM - 1].score))
                    continue;
                /* The bigram first: where it is not stored, no trigram
                 * is, and most candidates are rare after any b.  (Paths
                 * that share b seldom reach the same candidate: its
                 * lookup is not kept for them.) */
                bool may_tri;
                float lp2 = vt_model_lp2_tri(m, ph->p1, c[k].id, &may_tri), lp;
                if (!may_tri || !vt_model_tri(m, ph->p2, ph->p1, c[k].id, bo, &lp))
                    lp = bo + lp2;
                lp = vt_recall_lp(r, ph->p1, c[k].id, lp);
                hyp t = {ph->p1, c[k].id, s - lp, (int32_t)h, k};
                if (t.score < best)
                    best = t.score;
                bool in;
                nc = beam_add(cur, nc, &t, entered[bi] >> k & 1, &in);
                entered[bi] |= (uint32_t)in << k;
            }
        }
        /* Paths far behind the best never come back. */
        while (nc > 1 && cur[nc - 1].score > best + HYP_BEAM)
            nc--;
        prev = cur;
        n_prev = nc;
    }
    if (to == from)
        return;
    size_t best = 0;
    float bs = INFINITY;
    for (size_t h = 0; h < n_prev; h++) {
        float s = prev[h].score -
                  (final ? vt_model_lp3(m, prev[h].p2, prev[h].p1, VT_TOK_EOS) : 0);
        if (s < bs) {
            bs = s;
            best = h;
        }
    }
    for (size_t i = to; i-- > from;) {
        hyp *h = r->beam.hyps + i * BEAM + best;
        r->pos[i].chosen = (uint8_t)h->ci;
        best = (size_t)h->back;
    }
}

/* The first pass searches the whole lattice.  The second searches only
 * around its open positions: the others hold one token each, so two of
 * them after an open one fix the state, and from there on every path is
 * the same.  (Most of a paragraph the second pass reopens stays closed.) */
void vt_beam_search(vt_restorer *r, bool final)
{
    size_t np = r->n_pos;
    vt_grow((void **)&r->beam.hyps, &r->beam.cap, (np + 2) * BEAM, sizeof *r->beam.hyps);
    if (!r->recall.on) {
        search_range(r, 0, np, r->ctx[0], r->ctx[1], final);
        return;
    }
    for (size_t a = 0; a < np;) {
        if (!r->recall.open[a]) {
            a++;
            continue;
        }
        /* Open positions apart by one closed one share a run. */
        size_t b = a + 1;
        while (b < np && (r->recall.open[b] || (b + 1 < np && r->recall.open[b + 1])))
            b += r->recall.open[b] ? 1 : 2;
        size_t to = b + 2 < np ? b + 2 : np;
        uint32_t c0 = a >= 2 ? vt_chosen_id(r, a - 2) : a == 1 ? r->ctx[1] : r->ctx[0];
        uint32_t c1 = a >= 1 ? vt_chosen_id(r, a - 1) : r->ctx[1];
        search_range(r, a, to, c0, c1, final && to == np);
        a = to;
    }
}

/* The stored bigram b c's slot, or -1. */
static int64_t bigram_slot(const vt_restore_model *m, uint32_t b, uint32_t c)
{
    return vt_find_key(m->bi_keys, m->h->n_bigram_slots, &m->bi_filter, vt_key2(b, c));
}

/* ln P(c | a b) as vt_model_lp3 gives it, from parts a caller shares
 * among the candidates: the context's ln-backoff bo_ab, the bigram b c's
 * slot (bc, -1 when not stored), and b's own ln-backoff.  The model
 * stores a trigram a b c only with its bigram b c, so without it the
 * trigram is not looked up (vt_model_lp2_tri). */
static float lp3_parts(const vt_restore_model *m, uint32_t a, uint32_t b, uint32_t c,
                       float bo_ab, int64_t bc)
{
    float lp2 = m->uni_bo[b] + m->uni_p[c], lp;
    bool may_tri = true;
    if (m->uni_bo[b] != 0) {
        may_tri = bc >= 0;
        if (bc >= 0)
            lp2 = m->bi_p[bc];
    }
    return may_tri && vt_model_tri(m, a, b, c, bo_ab, &lp) ? lp : bo_ab + lp2;
}

/* Each candidate's three trigrams share lookups: the context a b's
 * backoff is the same for all, the bigram b c gives the first trigram's
 * bigram and the second's context backoff, c n1 the second's bigram and
 * the third's backoff, and n1 n2 is the third's bigram for all. */
void vt_beam_posterior(const vt_restorer *r, size_t i, bool final, double *post)
{
    const vt_restore_model *m = r->m;
    const vt_pos *p = &r->pos[i];
    /* The two tokens before (the context carried in, at the start) and the
     * two after (</s> when the paragraph ends a sentence). */
    uint32_t a = i >= 2 ? vt_chosen_id(r, i - 2) : i == 1 ? r->ctx[1] : r->ctx[0];
    uint32_t b = i >= 1 ? vt_chosen_id(r, i - 1) : r->ctx[1];
    bool has1 = i + 1 < r->n_pos || final;
    bool has2 = i + 2 < r->n_pos || (final && i + 1 < r->n_pos);
    uint32_t n1 = i + 1 < r->n_pos ? vt_chosen_id(r, i + 1) : VT_TOK_EOS;
    uint32_t n2 = i + 2 < r->n_pos ? vt_chosen_id(r, i + 2) : VT_TOK_EOS;
    float bo_ab = vt_model_bo2(m, a, b);
    int64_t n1n2 = has2 ? bigram_slot(m, n1, n2) : -1;
    double best = INFINITY;
    for (uint32_t k = 0; k < p->n; k++) {
        const vt_cand *c = &r->slots.cands[p->first + k];
        int64_t bc = bigram_slot(m, b, c->id);
        double s = c->cost - vt_recall_lp(r, b, c->id, lp3_parts(m, a, b, c->id, bo_ab, bc));
        if (has1 || has2) {
            int64_t cn1 = bigram_slot(m, c->id, n1);
            if (has1) {
                float bo = bc >= 0 ? m->bi_bo[bc] : 0;
                s -= vt_recall_lp(r, c->id, n1, lp3_parts(m, b, c->id, n1, bo, cn1));
            }
            if (has2) {
                float bo = cn1 >= 0 ? m->bi_bo[cn1] : 0;
                s -= vt_recall_lp(r, n1, n2, lp3_parts(m, c->id, n1, n2, bo, n1n2));
            }
        }
        post[k] = s;
        if (s < best)
            best = s;
    }
    double z = 0;
    for (uint32_t k = 0; k < p->n; k++)
        z += post[k] = exp(best - post[k]);
    for (uint32_t k = 0; k < p->n; k++)
        post[k] /= z;
}

