/* recall.c — a document read twice.  The first pass reads every
 * paragraph on its own evidence and counts the pairs of words it chose;
 * the second reads a paragraph again where the rest of the document pairs
 * a candidate with its neighbour more strongly than the first reading
 * did: a name spelled out in the body restores its damaged copy in the
 * title.  The pairs are a cache language model interpolated with the
 * model's trigram (vt_recall_lp). */
#include <string.h>

#include "decode.h"

void vt_recall_free(vt_recall *c)
{
    free(c->kept_pos);
    free(c->kept_wpos);
    free(c->pair_keys);
    free(c->pair_counts);
    free(c->pair_after);
    free(c->pair_before);
    free(c->open);
}

/* Inline at each call, always: the second pass asks for pairs at every
 * candidate it weighs, and most probes end at the first slot. */
static inline __attribute__((always_inline)) uint32_t *pair_at(const vt_restorer *r,
                                                               uint64_t key)
{
    uint32_t mask = r->recall.pair_cap - 1;
    for (uint32_t i = (uint32_t)vt_hash_u64(key) & mask;; i = (i + 1) & mask)
        if (r->recall.pair_keys[i] == key || r->recall.pair_keys[i] == 0)
            return &r->recall.pair_counts[i];
}

static uint32_t pair_count(const vt_restorer *r, uint32_t b, uint32_t c)
{
    if (!r->recall.pair_n)
        return 0;
    uint32_t *n = pair_at(r, vt_key2(b, c));
    return r->recall.pair_keys[n - r->recall.pair_counts] ? *n : 0;
}

static void pair_grow(vt_restorer *r)
{
    if (r->recall.pair_cap && 2 * (r->recall.pair_n + 2) <= r->recall.pair_cap)
        return;
    uint32_t old_cap = r->recall.pair_cap, cap = old_cap ? 2 * old_cap : 4096;
    uint64_t *old_keys = r->recall.pair_keys, *keys = vt_xcalloc(cap, sizeof *keys);
    uint32_t *old_counts = r->recall.pair_counts, *counts = vt_xcalloc(cap, sizeof *counts);
    r->recall.pair_keys = keys;
    r->recall.pair_counts = counts;
    r->recall.pair_cap = cap;
    for (uint32_t i = 0; i < old_cap; i++)
        if (old_keys[i]) {
            uint32_t *n = pair_at(r, old_keys[i]);
            r->recall.pair_keys[n - r->recall.pair_counts] = old_keys[i];
            *n = old_counts[i];
        }
    free(old_keys);
    free(old_counts);
}

static void pair_add(vt_restorer *r, uint32_t b, uint32_t c, int delta)
{
    pair_grow(r);
    if (!r->recall.pair_after) {
        r->recall.pair_after = vt_xcalloc(r->m->h->n_vocab, sizeof *r->recall.pair_after);
        r->recall.pair_before = vt_xcalloc(r->m->h->n_vocab, sizeof *r->recall.pair_before);
    }
    uint64_t key = vt_key2(b, c);
    uint32_t *n = pair_at(r, key);
    if (!r->recall.pair_keys[n - r->recall.pair_counts]) {
        r->recall.pair_keys[n - r->recall.pair_counts] = key;
        r->recall.pair_n++;
    }
    *n = (uint32_t)((int64_t)*n + delta);
    r->recall.pair_after[b] = (uint32_t)((int64_t)r->recall.pair_after[b] + delta);
    r->recall.pair_before[c] = (uint32_t)((int64_t)r->recall.pair_before[c] + delta);
}

/* Words worth remembering: no punctuation, number or unknown word. */
static bool pair_token(const vt_restorer *r, uint32_t id)
{
    return id >= VT_TOK_FIRST && !(r->m->vocab_flags[id] & VT_VOC_PUNCT);
}

/* Count (delta 1) or forget (-1) the adjacent pairs of n tokens. */
static void pairs_note(vt_restorer *r, const uint32_t *ids, size_t n, int delta)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (pair_token(r, ids[i]) && pair_token(r, ids[i + 1]))
            pair_add(r, ids[i], ids[i + 1], delta);
}

/* How strongly the document pairs b and c: the lesser of its P(c | b)
 * and P(b | c), so that a word read once, wrongly, before c does not take
 * c's pairs for itself. */
float vt_recall_assoc(const vt_restorer *r, uint32_t b, uint32_t c)
{
    if (!r->recall.pair_after || !pair_token(r, b) || !pair_token(r, c) ||
        !r->recall.pair_after[b] || !r->recall.pair_before[c])
        return 0;
    uint32_t n = pair_count(r, b, c);
    if (!n)
        return 0;
    uint32_t after_b = r->recall.pair_after[b], before_c = r->recall.pair_before[c];
    return (float)n / (float)(after_b > before_c ? after_b : before_c);
}

/* Positions opened on each side of a candidate the document pairs more
 * strongly: one reads the same as wider reaches on held-out OCR and on
 * the shared dispatches (bench/restore-heldout.sh), and the second pass
 * searches fewer positions. */
#define RECALL_REACH 1
bool vt_recall_open(vt_restorer *r)
{
    const uint32_t *was = r->recall.before;
    if (r->n_pos != r->recall.n_before)
        return false;
    vt_grow((void **)&r->recall.open, &r->recall.cap_open, r->n_pos + 1,
            sizeof *r->recall.open);
    memset(r->recall.open, 0, r->n_pos * sizeof *r->recall.open);
    bool any = false;
    for (size_t i = 0; r->recall.pair_after && i < r->n_pos; i++) {
        const vt_pos *p = &r->pos[i];
        if (!p->slot || p->n < 2)
            continue;
        /* A candidate the document never pairs with a neighbour cannot
         * pair more strongly than the first choice: most, and cheap to
         * tell (a neighbour in no pair on that side pairs with none), so
         * the first choice's pairing is looked up only after. */
        uint32_t before = i > 0 ? was[i - 1] : 0, after = i + 1 < r->n_pos ? was[i + 1] : 0;
        bool on_left = r->recall.pair_after[before], on_right = r->recall.pair_before[after];
        bool news = false, pairs = false;
        for (uint32_t k = 0; k < p->n && !pairs && (on_left || on_right); k++) {
            uint32_t id = r->slots.cands[p->first + k].id;
            pairs = id != was[i] &&
                    ((on_left && r->recall.pair_before[id] && pair_count(r, before, id)) ||
                     (on_right && r->recall.pair_after[id] && pair_count(r, id, after)));
        }
        float left = pairs && before ? vt_recall_assoc(r, before, was[i]) : 0;
        float right = pairs && after ? vt_recall_assoc(r, was[i], after) : 0;
        for (uint32_t k = 0; k < p->n && pairs && !news; k++) {
            uint32_t id = r->slots.cands[p->first + k].id;
            news = id != was[i] && ((before && vt_recall_assoc(r, before, id) > left) ||
                                    (after && vt_recall_assoc(r, id, after) > right));
        }
        for (size_t j = i > RECALL_REACH ? i - RECALL_REACH : 0;
             news && j <= i + RECALL_REACH && j < r->n_pos; j++)
            r->recall.open[j] = any = true;
    }
    /* The closed positions hold their first choice only. */
    for (size_t i = 0; any && i < r->n_pos; i++) {
        vt_pos *p = &r->pos[i];
        for (uint32_t k = 0; !r->recall.open[i] && k < p->n; k++)
            if (r->slots.cands[p->first + k].id == was[i]) {
                p->keep = p->keep == (int)k ? 0 : -1;
                p->first += k;
                p->n = 1;
                p->chosen = 0;
                break;
            }
    }
    return any;
}

bool vt_recall_word_open(const vt_restorer *r, size_t first_pos, size_t end_pos)
{
    for (size_t i = first_pos; i < end_pos; i++)
        if (r->recall.open[i])
            return true;
    return false;
}

/* Lines are decoded a paragraph at a time (lines up to a blank one), so
 * that a word at the end of a line sees the words that follow on the next:
 * OCR breaks lines where the page did, not where sentences end. */
#define MAX_GROUP 2000 /* words decoded together at most */

/* A paragraph, or a long one's part: words [start, end), its n_pos
 * positions from first_pos in the first pass's tokens and kept positions,
 * its words' first positions from first_wpos in the kept ones, the
 * context it started in. */
typedef struct group {
    size_t start, end, first_pos, n_pos, first_wpos;
    uint32_t ctx[2];
    bool ends;  /* the paragraph's end, not a part */
    bool final; /* a sentence ends with it */
} group;

/* The first pass's lattice of a group, kept for the second (its
 * candidates stay in r->slots.cands). */
static void keep_lattice(vt_restorer *r, group *g)
{
    size_t n = g->end - g->start;
    vt_recall *c = &r->recall;
    vt_grow((void **)&c->kept_pos, &c->cap_kept_pos, c->n_kept_pos + r->n_pos,
            sizeof *c->kept_pos);
    vt_grow((void **)&c->kept_wpos, &c->cap_kept_wpos, c->n_kept_wpos + n + 1,
            sizeof *c->kept_wpos);
    g->first_pos = c->n_kept_pos;
    g->n_pos = r->n_pos;
    g->first_wpos = c->n_kept_wpos;
    memcpy(c->kept_pos + c->n_kept_pos, r->pos, r->n_pos * sizeof *r->pos);
    memcpy(c->kept_wpos + c->n_kept_wpos, r->wpos, (n + 1) * sizeof *r->wpos);
    c->n_kept_pos += r->n_pos;
    c->n_kept_wpos += n + 1;
}

/* ... and back. */
static void load_lattice(vt_restorer *r, const group *g)
{
    size_t n = g->end - g->start;
    vt_grow((void **)&r->pos, &r->cap_pos, g->n_pos + 1, sizeof *r->pos);
    vt_grow((void **)&r->wpos, &r->cap_wpos, n + 1, sizeof *r->wpos);
    r->n_pos = g->n_pos;
    memcpy(r->pos, r->recall.kept_pos + g->first_pos, g->n_pos * sizeof *r->pos);
    memcpy(r->wpos, r->recall.kept_wpos + g->first_wpos, (n + 1) * sizeof *r->wpos);
}

static void forget_pairs(vt_restorer *r)
{
    if (r->recall.pair_cap) {
        memset(r->recall.pair_keys, 0, r->recall.pair_cap * sizeof *r->recall.pair_keys);
        memset(r->recall.pair_counts, 0, r->recall.pair_cap * sizeof *r->recall.pair_counts);
    }
    if (r->recall.pair_after) {
        memset(r->recall.pair_after, 0, r->m->h->n_vocab * sizeof *r->recall.pair_after);
        memset(r->recall.pair_before, 0, r->m->h->n_vocab * sizeof *r->recall.pair_before);
    }
    r->recall.pair_n = 0;
}

/* The first pass: every paragraph on its own evidence; with `count`, the
 * tokens chosen go to *ids and their pairs are counted, and the lattices
 * are kept for the second pass. */
static void first_pass(vt_restorer *r, const char *const *words, const bool *para_end,
                       size_t n, vt_results out, bool count,
                       group **gs, size_t *ng, uint32_t **ids, size_t *nids)
{
    size_t cap_g = 0, cap_ids = 0;
    for (size_t s = 0; s < n;) {
        size_t e = s;
        while (e < n && !para_end[e] && e - s < MAX_GROUP)
            e++;
        if (e < n)
            e++; /* include the paragraph's last word */
        vt_grow((void **)gs, &cap_g, *ng + 1, sizeof **gs);
        group *g = &(*gs)[(*ng)++];
        *g = (group){.start = s, .end = e, .ctx = {r->ctx[0], r->ctx[1]},
                     .ends = para_end[e - 1]};
        vt_decode_line(r, words + s, e - s, vt_results_from(out, s), g->ends);
        g->final = g->ends || vt_decode_ends_sentence(r);
        if (count) {
            keep_lattice(r, g);
            vt_grow((void **)ids, &cap_ids, *nids + r->n_pos + 1, sizeof **ids);
            for (size_t i = 0; i < r->n_pos; i++)
                (*ids)[(*nids)++] = vt_chosen_id(r, i);
            pairs_note(r, *ids + g->first_pos, g->n_pos, 1);
        }
        if (para_end[e - 1])
            vt_decode_line(r, NULL, 0, out, true);
        s = e;
    }
}

/* The second pass: a paragraph is decoded again with the pairs of the
 * rest of the document (its own first reading left out) when they offer
 * another reading, as for a damaged occurrence of a name the document
 * spells out elsewhere. */
static void second_pass(vt_restorer *r, const char *const *words, vt_results out,
                        const group *gs, size_t ng, uint32_t *ids)
{
    size_t most = 0;
    for (size_t g = 0; g < ng; g++)
        most = gs[g].end - gs[g].start > most ? gs[g].end - gs[g].start : most;
    vt_results again = out.detail
                           ? (vt_results){vt_xcalloc(most + 1, sizeof *again.detail), NULL}
                           : (vt_results){NULL, vt_xcalloc(most + 1, sizeof *again.text)};
    r->recall.on = true;
    for (size_t g = 0; g < ng; g++) {
        const group *x = &gs[g];
        uint32_t *was = ids + x->first_pos;
        size_t np = x->n_pos;
        r->ctx[0] = x->ctx[0];
        r->ctx[1] = x->ctx[1];
        r->recall.before = was;
        r->recall.n_before = np;
        pairs_note(r, was, np, -1);
        load_lattice(r, x);
        vt_decode_lattice(r, words + x->start, x->end - x->start, again, x->final);
        bool take = r->recall.redone;
        /* Words with an open position take the new reading; the others
         * keep the first one, whose confidence saw all its candidates. */
        for (size_t w = 0; take && w < x->end - x->start; w++) {
            if (vt_recall_word_open(r, r->wpos[w], r->wpos[w + 1]))
                vt_result_move(out, x->start + w, again, w);
        }
        for (size_t i = 0; take && i < np; i++)
            was[i] = vt_chosen_id(r, i);
        pairs_note(r, was, np, 1);
    }
    r->recall.on = false;
    r->recall.before = NULL;
    r->ctx[0] = r->ctx[1] = VT_TOK_BOS;
    free(again.detail);
    free(again.text);
}

/* In text with its marks, two heading lines one under the other
 * (heading_on) are read again run on, and each takes a change that
 * reading is sure of where its own reading kept the word.  The lower
 * line: an issuing body's name is printed over two lines in capitals (ỦY
 * BAN NHÂN DÂN / PHƯỜNG ...), and a unit's word before a place's name is
 * known only by the line above.  The upper line: a trích yếu in capitals
 * wraps mid-phrase, and read on its own its last word is read as a
 * sentence's end (BÌNH ĐẰNG kept, where BÌNH ĐẲNG / GIỚI runs on).  Read
 * on its own, a line keeps what it is sure of as a sentence of its own (a
 * title under the body's name, THÔNG BÁO); a change needs the posterior
 * gate either way, so a signature block's title under its authority (KT.
 * BỘ TRƯỞNG / THỨ TRƯỞNG) stays. */
static void heading_pass(vt_restorer *r, const char *const *words, const bool *para_end,
                         const bool *heading_on, size_t n, vt_results out)
{
    vt_results again = {0};
    for (size_t i = 0; i + 1 < n; i++) {
        if (!heading_on[i])
            continue;
        size_t a = i, b = i + 1;
        while (a > 0 && !para_end[a - 1])
            a--;
        while (b + 1 < n && !para_end[b])
            b++;
        if (!again.detail && !again.text)
            again = out.detail ? (vt_results){vt_xcalloc(n, sizeof *again.detail), NULL}
                               : (vt_results){NULL, vt_xcalloc(n, sizeof *again.text)};
        vt_decode_line(r, words + a, b + 1 - a, vt_results_from(again, a), true);
        vt_decode_line(r, NULL, 0, again, true);
        for (size_t w = a; w <= b; w++) {
            bool kept = out.detail ? !out.detail[w].text : !out.text[w];
            if (kept)
                vt_result_move(out, w, again, w);
            else
                vt_result_clear(again, w);
        }
    }
    free(again.detail);
    free(again.text);
}

void vt_recall_decode_doc(vt_restorer *r, const char *const *words, const bool *para_end,
                          const bool *heading_on, size_t n, vt_results out)
{
    group *gs = NULL;
    uint32_t *ids = NULL;
    size_t ng = 0, nids = 0;
    r->ctx[0] = r->ctx[1] = VT_TOK_BOS;
    /* The second pass is for English-model OCR, where a word can be
     * damaged in many ways; stripped and marked text read the same
     * without it, faster (bench/restore-heldout.sh, bench/restore.sh). */
    bool second = r->chan == VT_CHAN_ENG && !r->stripped;
    if (second)
        forget_pairs(r); /* the last document's */
    vt_slots_trim(r);
    r->recall.n_kept_pos = r->recall.n_kept_wpos = 0;
    first_pass(r, words, para_end, n, out, second, &gs, &ng, &ids, &nids);
    if (second)
        second_pass(r, words, out, gs, ng, ids);
    if (heading_on && r->chan == VT_CHAN_VIE)
        heading_pass(r, words, para_end, heading_on, n, out);
    free(gs);
    free(ids);
}

void vt_restorer_words(vt_restorer *r, const char *const *words, const bool *para_end,
                       const bool *heading_on, size_t n, vt_restored_word *out)
{
    vt_recall_decode_doc(r, words, para_end, heading_on, n, (vt_results){out, NULL});
}

