/* invert.c — from what the page shows back to the vocabulary.
 *
 * The precomputed renderings (model.c) cover what the OCR engines usually
 * do.  A token they do not cover ("sb", "$6": damage the training scans
 * never showed) is searched here: a best-first (A*) search that walks the
 * vocabulary trie on the truth side while consuming the OCR
 * token with the channel's rules (truth sequence -> OCR sequence), plus
 * generic edits (substitute, drop or add a letter) at a fixed high cost.
 * The trie's `rest` (least unigram cost below a node) makes the order
 * that of the final score, so the k best come out first and the search
 * stops there. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "restore.h"

#define COST_SUB 6.0f
#define COST_DEL 7.0f
#define COST_INS 6.0f
#define COST_SAME 1.0f /* a letter read as itself, outside the learned rules */
#define MAX_POPS 800
/* ... and after the first result: the rest come out in order of their
 * score, and those found later change no reading of held-out OCR
 * (bench/restore-heldout.sh). */
#define POPS_AFTER_FIRST 200
#define MAX_OCR 48 /* bytes of an OCR token searched */
#define DEPTH_BOUND 15
#define WAITING_CAP 16384

typedef struct st {
    float prio;     /* cost + the least unigram cost below node: A* order */
    float cost;
    uint32_t node;  /* trie node: the truth matched so far */
    uint16_t i;     /* OCR bytes consumed */
    uint16_t edits; /* generic edits so far */
} st;

/* One generic edit per token: more would let anything become anything. */
#define MAX_EDITS 1
/* In `edits`: the count, and flags: the state is a finished result
 * waiting for its turn, or stands for the generic edits of its node. */
#define COUNT 0xff
#define FINAL 0x8000
#define LATER 0x4000
/* ... or stands for the drop moves of a state (drop_moves[node] on). */
#define DROPS 0x2000
/* Whole-number costs, so the check is an integer constant expression for
 * every C compiler (a cast of a floating constant is one). */
_Static_assert((int)COST_SUB <= (int)COST_INS && (int)COST_SUB <= (int)COST_DEL,
               "edits cost at least COST_SUB");

/* States already expanded, keyed by (node, OCR bytes, edits): best-first
 * order means the first expansion was the cheapest, so later arrivals at
 * the same state add nothing.  Stamped per search, never cleared. */
#define SEEN_SLOTS 4096

typedef struct seen {
    uint64_t key;
    uint32_t stamp;
} seen;

/* A state waiting its turn: its order key, then what the key leaves
 * out; `next` links the states of one bucket. */
typedef struct hent {
    uint64_t key;
    float cost;
    uint32_t node;
    uint32_t next;
} hent;

/* The waiting states, in buckets by priority (1 / BUCKETS_PER_NAT nats
 * each, the last one open-ended): a push is a link, and a pop takes the
 * least of the first bucket with any, a few states, where a heap of
 * thousands would sift through its levels. */
#define BUCKETS 2048
#define BUCKETS_PER_NAT 32.0f
#define NONE UINT32_MAX

struct vt_invert {
    const vt_restore_model *m;
    const vt_model_rule *rules;
    uint32_t n_rules;
    const struct vt_drop_move *drops;
    const struct vt_rule_cps *rcs; /* the channel's rules' truths */
    const char *o;
    size_t olen;
    hent pool[WAITING_CAP];
    uint32_t n_pool, free_list; /* entries ever used, and those popped */
    size_t n;                   /* states waiting */
    uint32_t head[BUCKETS];
    uint64_t filled[BUCKETS / 64]; /* bit per bucket with a state */
    uint32_t low;                  /* no bit below this word */
    float bound; /* states above this cost cannot lead anywhere useful */
    /* Rules producing the OCR text from byte i, kc letters long. */
    uint32_t ra[MAX_OCR][4], re[MAX_OCR][4];
    /* Where those with a truth start (the others add OCR text). */
    uint32_t rt[MAX_OCR][4];
    uint8_t next[MAX_OCR][4]; /* byte after those letters */
    /* Least channel cost of reading the OCR text from byte i on, with the
     * generic edit still allowed [0] or spent [1]: with the trie's
     * `rest`, a bound on what a state has yet to pay. */
    float left[2][MAX_OCR + 1];
    /* ... with no more than d truth letters, for a node whose longest
     * token below has d more (up to DEPTH_BOUND; deeper ones use left):
     * glued words and table debris need more OCR text than any token
     * below most nodes makes, and their searches end much sooner. */
    float left_d[2][MAX_OCR + 1][DEPTH_BOUND + 1];
    seen seen[SEEN_SLOTS];
    uint32_t stamp;
};
typedef struct vt_invert search;

vt_invert *vt_invert_new(void)
{
    search *s = vt_xcalloc(1, sizeof *s);
    for (uint32_t b = 0; b < BUCKETS; b++)
        s->head[b] = NONE;
    return s;
}

void vt_invert_free(vt_invert *s)
{
    free(s);
}

/* Marks x expanded; false when it already was. */
static bool first_visit(search *s, const st *x)
{
    uint64_t key = ((uint64_t)x->node << 32) | ((uint64_t)x->i << 16) | x->edits;
    uint32_t mask = SEEN_SLOTS - 1;
    for (uint32_t i = (uint32_t)vt_hash_u64(key) & mask, n = 0; n < SEEN_SLOTS;
         i = (i + 1) & mask, n++) {
        if (s->seen[i].stamp != s->stamp) {
            s->seen[i] = (seen){key, s->stamp};
            return true;
        }
        if (s->seen[i].key == key)
            return false;
    }
    return true; /* full: expand again rather than lose it */
}

/* Heap order: by priority, and equal priorities (common: costs are sums
 * of a few rule costs) by the state itself, results first, so that what
 * comes out never depends on the order states went in.  The priority's
 * bits (made to order as unsigned), the edits with FINAL inverted and the
 * OCR bytes consumed make one key; the node decides what is left. */
static uint64_t order_key(float prio, uint16_t edits, uint16_t i)
{
    uint32_t b;
    memcpy(&b, &prio, sizeof b);
    b ^= b >> 31 ? UINT32_MAX : 0x80000000u;
    return (uint64_t)b << 32 | (uint32_t)(edits ^ FINAL) << 16 | i;
}

static bool before(const hent *a, const hent *b)
{
    return a->key != b->key ? a->key < b->key : a->node < b->node;
}

static size_t char_len(const char *p, size_t left);

static uint32_t bucket_of(float prio)
{
    float b = prio * BUCKETS_PER_NAT;
    return b <= 0 ? 0 : b >= BUCKETS - 1 ? BUCKETS - 1 : (uint32_t)b;
}

/* Inline at each of its calls, always: a search makes a thousand pushes,
 * and the call, the state passed in parts, costs as much as half the
 * work inside. */
static inline __attribute__((always_inline)) void push(search *s, st x)
{
    /* A result's score is exact: channel + its own unigram cost.  The
     * state standing for drop moves goes just before the first: a hair
     * below, whatever the rounding of the move's own sum. */
    const vt_trie_node *t = s->m->trie;
    const float *left = s->left[(x.edits & COUNT) >= MAX_EDITS];
    if (x.edits & DROPS)
        x.prio = (x.cost + s->drops[x.node].add) * (1 - 0x1p-20f) + left[x.i];
    else if (x.edits & LATER)
        /* Its edits spend the edit, and read a letter or none. */
        x.prio = x.cost + t[x.node].rest +
                 vt_minf(s->left[1][x.i], s->left[1][x.i + char_len(s->o + x.i, s->olen - x.i)]);
    else if (x.edits & FINAL)
        x.prio = x.cost - s->m->uni_p[t[x.node].term];
    else {
        uint8_t d = s->m->trie_depth[x.node];
        x.prio = x.cost + t[x.node].rest +
                 (d <= DEPTH_BOUND ? s->left_d[(x.edits & COUNT) >= MAX_EDITS][x.i][d] : left[x.i]);
    }
    if (s->n == WAITING_CAP || !(x.prio <= s->bound) || isinf(x.prio))
        return;
    uint32_t e = s->free_list;
    if (e != NONE)
        s->free_list = s->pool[e].next;
    else
        e = s->n_pool++;
    uint32_t b = bucket_of(x.prio);
    s->pool[e] = (hent){order_key(x.prio, x.edits, x.i), x.cost, x.node, s->head[b]};
    s->head[b] = e;
    s->filled[b / 64] |= 1ull << (b % 64);
    if (b / 64 < s->low)
        s->low = b / 64;
    s->n++;
}

/* The state a queue entry holds. */
static st unpack(hent e)
{
    uint32_t b = (uint32_t)(e.key >> 32);
    b ^= b >> 31 ? 0x80000000u : UINT32_MAX;
    float prio;
    memcpy(&prio, &b, sizeof prio);
    return (st){prio, e.cost, e.node, (uint16_t)e.key, (uint16_t)((e.key >> 16) ^ FINAL)};
}

/* The least waiting state (s->n > 0). */
static st pop(search *s)
{
    uint32_t w = s->low;
    while (!s->filled[w])
        w++;
    s->low = w;
    uint32_t b = w * 64 + (uint32_t)__builtin_ctzll(s->filled[w]);
    uint32_t *best = &s->head[b];
    for (uint32_t *at = &s->pool[*best].next; *at != NONE; at = &s->pool[*at].next)
        if (before(&s->pool[*at], &s->pool[*best]))
            best = at;
    uint32_t e = *best;
    *best = s->pool[e].next;
    if (s->head[b] == NONE)
        s->filled[w] &= ~(1ull << (b % 64));
    s->pool[e].next = s->free_list;
    s->free_list = e;
    s->n--;
    return unpack(s->pool[e]);
}

static uint32_t child(const vt_trie_node *t, uint32_t node, uint32_t cp)
{
    uint32_t a = t[node].first, b = a + t[node].n;
    /* Halve the wide nodes near the root; scan the short runs. */
    while (b - a > 8) {
        uint32_t mid = a + (b - a) / 2;
        if (t[mid].cp < cp)
            a = mid + 1;
        else
            b = mid + 1;
    }
    for (; a < b; a++)
        if (t[a].cp >= cp)
            return t[a].cp == cp ? a : UINT32_MAX;
    return UINT32_MAX;
}

/* First rule in [a, b) whose truth starts at or after cp (the rules of
 * one OCR side are in the order of their truth). */
static uint32_t rules_from(const struct vt_rule_cps *rc, uint32_t a, uint32_t b, uint32_t cp)
{
    while (a < b) {
        uint32_t mid = a + (b - a) / 2;
        if (rc[mid].cp[0] < cp)
            a = mid + 1;
        else
            b = mid;
    }
    return a;
}

/* Order of a rule's OCR side against the k bytes at p. */
static int cmp_ocr(const char *r, const char *p, size_t k)
{
    int c = strncmp(r, p, k);
    return c ? c : r[k] != 0;
}

/* Rules whose OCR side is exactly the k bytes at p. */
static void rules_range(const search *s, const char *p, size_t k, uint32_t *first,
                        uint32_t *end)
{
    const char *pool = s->m->strings;
    uint32_t a = 0, b = s->n_rules;
    while (a < b) {
        uint32_t mid = a + (b - a) / 2;
        if (cmp_ocr(pool + s->rules[mid].ocr, p, k) < 0)
            a = mid + 1;
        else
            b = mid;
    }
    *first = a;
    b = s->n_rules;
    while (a < b) {
        uint32_t mid = a + (b - a) / 2;
        if (cmp_ocr(pool + s->rules[mid].ocr, p, k) <= 0)
            a = mid + 1;
        else
            b = mid;
    }
    *end = a;
}

static size_t char_len(const char *p, size_t left)
{
    uint32_t c;
    return left ? (size_t)vt_utf8_dec(p, left, &c) : 0;
}

/* The generic edits that x stood for: drop an OCR letter, add a truth
 * letter, or put one for another. */
static void later_edits(search *s, const st *x)
{
    const vt_trie_node *t = s->m->trie;
    size_t cl = char_len(s->o + x->i, s->olen - x->i);
    uint32_t ocp = 0;
    if (cl)
        vt_utf8_dec(s->o + x->i, cl, &ocp);
    float base = x->cost - COST_SUB;
    uint16_t edits = (uint16_t)((x->edits & COUNT) + 1);
    /* A stray mark may be noise; a stray digit is not dropped. */
    if (cl && !(ocp >= '0' && ocp <= '9'))
        push(s, (st){0, base + COST_INS, x->node, (uint16_t)(x->i + cl), edits});
    for (uint32_t c = t[x->node].first; c < t[x->node].first + t[x->node].n; c++) {
        push(s, (st){0, base + COST_DEL, c, x->i, edits});
        if (cl && t[c].cp != ocp)
            push(s, (st){0, base + COST_SUB, c, (uint16_t)(x->i + cl), edits});
    }
}

/* Push y, x's move by rule rc whose truth's first letter took x to
 * child c (the rest of the truth goes on from there). */
static void rule_move(search *s, st *y, const st *x, const struct vt_rule_cps *rc,
                      uint32_t c)
{
    for (uint32_t q = 1; q < rc->n && c != UINT32_MAX; q++)
        c = child(s->m->trie, c, rc->cp[q]);
    if (c == UINT32_MAX)
        return;
    y->cost = x->cost + rc->cost;
    y->node = c;
    push(s, *y);
}

/* x's moves by the rules that read the kc OCR letters at x.i: those
 * that add them without truth, and those whose truth goes down from x's
 * node.  A group's rules are in the order of their truth, the node's
 * children in code point order: one pass joins them. */
static void read_rules(search *s, const st *x, int kc)
{
    const vt_trie_node *t = s->m->trie;
    const struct vt_rule_cps *rcs = s->rcs;
    uint32_t r = s->ra[x->i][kc], rt = s->rt[x->i][kc], re = s->re[x->i][kc];
    if (r == re)
        return;
    st y = *x;
    y.i = s->next[x->i][kc];
    for (; r < rt; r++)
        if (!(x->prio + rcs[r].cost > s->bound)) {
            y.cost = x->cost + rcs[r].cost;
            push(s, y);
        }
    const vt_trie_node *kids = t + t[x->node].first;
    uint32_t n_kids = t[x->node].n;
    uint32_t j = 0;
    for (r = rt; r < re; r++) {
        const struct vt_rule_cps *rc = &rcs[r];
        /* Nodes below cannot beat this one's bound. */
        if (x->prio + rc->cost > s->bound)
            continue;
        while (j < n_kids && kids[j].cp < rc->cp[0])
            j++;
        if (j == n_kids)
            break;
        if (kids[j].cp == rc->cp[0])
            rule_move(s, &y, x, rc, t[x->node].first + j);
    }
}

static bool move_before(const struct vt_drop_move *x, const struct vt_drop_move *y)
{
    if (x->add != y->add)
        return x->add < y->add;
    if (x->node != y->node)
        return x->node < y->node;
    return x->cost < y->cost;
}

/* A node's moves are a handful: sorted in place, without qsort's calls
 * through a pointer (opening sorts the moves of every node). */
static void sort_moves(struct vt_drop_move *mv, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        struct vt_drop_move x = mv[i];
        size_t j = i;
        for (; j > 0 && move_before(&x, &mv[j - 1]); j--)
            mv[j] = mv[j - 1];
        mv[j] = x;
    }
}

/* Channel ch's drop moves. */
static void drop_index(vt_restore_model *m, int ch)
{
    const vt_trie_node *t = m->trie;
    const struct vt_rule_cps *rc = m->rule_cps[ch];
    uint32_t nt = m->h->n_trie, nd = 0;
    /* Rules are sorted by OCR side, the empty one first, then by truth. */
    while (nd < m->h->n_rules[ch] && m->strings[m->rules[ch][nd].ocr] == 0)
        nd++;
    uint32_t *first = vt_xmalloc((nt + 1) * sizeof *first);
    struct vt_drop_move *mv = NULL;
    size_t n = 0, cap = 0;
    for (uint32_t x = 0; x < nt; x++) {
        first[x] = (uint32_t)n;
        for (uint32_t c = t[x].first; c < t[x].first + t[x].n; c++) {
            for (uint32_t r = rules_from(rc, 0, nd, t[c].cp); r < nd && rc[r].cp[0] == t[c].cp;
                 r++) {
                uint32_t node = c;
                for (uint32_t q = 1; q < rc[r].n && node != UINT32_MAX; q++)
                    node = child(t, node, rc[r].cp[q]);
                /* Nothing but punctuation below: no result there. */
                if (node == UINT32_MAX || isinf(t[node].rest))
                    continue;
                vt_grow((void **)&mv, &cap, n + 1, sizeof *mv);
                mv[n++] = (struct vt_drop_move){node, rc[r].cost, rc[r].cost + t[node].rest, 0};
            }
        }
        if (n > first[x]) {
            sort_moves(mv + first[x], n - first[x]);
            mv[n - 1].last = 1;
        }
    }
    first[nt] = (uint32_t)n;
    m->drop_first[ch] = first;
    m->drop_moves[ch] = mv;
}

static int cp_cmp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static bool is_letter(const vt_restore_model *m, uint32_t cp)
{
    return bsearch(&cp, m->letters, m->n_letters, sizeof cp, cp_cmp) != NULL;
}

/* The letters of the vocabulary, sorted, once: a bit per code point,
 * read back in order (the trie has tens of thousands of nodes and a few
 * hundred letters). */
static void letters_index(vt_restore_model *m)
{
    enum { CODE_POINTS = 0x110000 };
    uint64_t *seen = vt_xcalloc(CODE_POINTS / 64, sizeof *seen);
    uint32_t n = 0;
    for (uint32_t x = 1; x < m->h->n_trie; x++) {
        uint32_t cp = m->trie[x].cp;
        if (cp < CODE_POINTS && !(seen[cp / 64] >> cp % 64 & 1)) {
            seen[cp / 64] |= 1ull << cp % 64;
            n++;
        }
    }
    m->letters = vt_xmalloc((n ? n : 1) * sizeof *m->letters);
    m->n_letters = 0;
    for (uint32_t w = 0; w < CODE_POINTS / 64; w++)
        for (uint64_t bits = seen[w]; bits; bits &= bits - 1)
            m->letters[m->n_letters++] = w * 64 + (uint32_t)__builtin_ctzll(bits);
    free(seen);
}

/* The letters of the longest token below each node: children come after
 * their parent, so one backward pass. */
static void depth_index(vt_restore_model *m)
{
    uint32_t nt = m->h->n_trie;
    uint8_t *d = vt_xcalloc(nt, 1);
    for (uint32_t x = nt; x-- > 0;)
        for (uint32_t c = m->trie[x].first; c < m->trie[x].first + m->trie[x].n; c++)
            if (d[c] + 1 > d[x])
                d[x] = d[c] == UINT8_MAX ? UINT8_MAX : (uint8_t)(d[c] + 1);
    m->trie_depth = d;
}

void vt_invert_index(vt_restore_model *m)
{
    letters_index(m);
    depth_index(m);
    for (int ch = 0; ch < VT_CHAN_COUNT; ch++) {
        struct vt_rule_cps *rc = m->rule_cps[ch];
        for (uint32_t r = 0; r < m->h->n_rules[ch]; r++) {
            rc[r].read = rc[r].cost;
            for (uint32_t q = 0; q < rc[r].n; q++)
                if (!is_letter(m, rc[r].cp[q]))
                    rc[r].read = INFINITY;
        }
        drop_index(m, ch);
    }
}

/* s->left and s->left_d, from the rules that read each stretch of the
 * OCR text (and how many truth letters each takes), a vocabulary letter
 * read as itself, and a generic edit (as if it took no truth letter: a
 * bound). */
static void suffix_costs(search *s)
{
    for (int e = 0; e < 2; e++) {
        s->left[e][s->olen] = 0;
        for (int d = 0; d <= DEPTH_BOUND; d++)
            s->left_d[e][s->olen][d] = 0;
    }
    for (size_t i = s->olen; i-- > 0;) {
        float l0 = INFINITY, l1 = INFINITY;
        float d0[DEPTH_BOUND + 1], d1[DEPTH_BOUND + 1];
        for (int d = 0; d <= DEPTH_BOUND; d++)
            d0[d] = d1[d] = INFINITY;
        for (int kc = 1; kc <= 3; kc++) {
            size_t j = s->next[i][kc];
            if (j == s->next[i][kc - 1])
                break;
            /* The least cost of reading these letters, by the truth
             * letters it takes (rules take up to 3). */
            float by_t[4] = {INFINITY, INFINITY, INFINITY, INFINITY};
            if (kc == 1) {
                uint32_t ocp;
                vt_utf8_dec(s->o + i, j - i, &ocp);
                if (is_letter(s->m, ocp))
                    by_t[1] = COST_SAME;
                l0 = vt_minf(l0, COST_SUB + s->left[1][j]);
                for (int d = 0; d <= DEPTH_BOUND; d++)
                    d0[d] = vt_minf(d0[d], COST_SUB + s->left_d[1][j][d]);
            }
            for (uint32_t r = s->ra[i][kc]; r < s->re[i][kc]; r++)
                if (s->rcs[r].n < 4)
                    by_t[s->rcs[r].n] = vt_minf(by_t[s->rcs[r].n], s->rcs[r].read);
            float least = vt_minf(vt_minf(by_t[0], by_t[1]), vt_minf(by_t[2], by_t[3]));
            l0 = vt_minf(l0, least + s->left[0][j]);
            l1 = vt_minf(l1, least + s->left[1][j]);
            for (int d = 0; d <= DEPTH_BOUND; d++)
                for (int t = 0; t <= 3 && t <= d; t++) {
                    d0[d] = vt_minf(d0[d], by_t[t] + s->left_d[0][j][d - t]);
                    d1[d] = vt_minf(d1[d], by_t[t] + s->left_d[1][j][d - t]);
                }
        }
        s->left[0][i] = l0;
        s->left[1][i] = l1;
        memcpy(s->left_d[0][i], d0, sizeof d0);
        memcpy(s->left_d[1][i], d1, sizeof d1);
    }
}

size_t vt_model_invert(vt_invert *sp, const vt_restore_model *m, int ch, const char *o,
                       size_t olen, vt_posting *out, size_t cap, float beam,
                       float bound)
{
    search *restrict s = sp;
    s->m = m;
    s->rules = m->rules[ch];
    s->n_rules = m->h->n_rules[ch];
    s->drops = m->drop_moves[ch];
    s->rcs = m->rule_cps[ch];
    s->o = o;
    s->olen = olen;
    /* Buckets a search left filled (it stops with states waiting). */
    for (uint32_t w = 0; w < BUCKETS / 64; w++)
        for (; s->filled[w]; s->filled[w] &= s->filled[w] - 1)
            s->head[w * 64 + (uint32_t)__builtin_ctzll(s->filled[w])] = NONE;
    s->n = 0;
    s->low = 0;
    s->n_pool = 0;
    s->free_list = NONE;
    if (olen >= MAX_OCR)
        return 0;
    if (++s->stamp == 0) {
        memset(s->seen, 0, sizeof s->seen);
        s->stamp = 1;
    }
    /* No state past the buckets' range: a result that far behind could
     * compete with nothing, and states in the open-ended last bucket were
     * scanned at every pop (a long token with a digit, searched with no
     * bound, took 0.4 s). */
    s->bound = vt_minf(bound, (BUCKETS - 1) / BUCKETS_PER_NAT);
    for (size_t i = 0; i <= olen; i++) {
        size_t ob = i;
        for (int kc = 0; kc <= 3; kc++) {
            if (kc > 0)
                ob += char_len(o + ob, olen - ob);
            s->next[i][kc] = (uint8_t)ob;
            /* No OCR text: the drop moves, made at open. */
            if (kc == 0 || ob == s->next[i][kc - 1]) {
                s->ra[i][kc] = s->rt[i][kc] = s->re[i][kc] = 0;
                continue;
            }
            rules_range(s, o + i, ob - i, &s->ra[i][kc], &s->re[i][kc]);
            uint32_t r = s->ra[i][kc];
            while (r < s->re[i][kc] && m->rule_cps[ch][r].n == 0)
                r++;
            s->rt[i][kc] = r;
        }
    }
    suffix_costs(s);
    const vt_trie_node *t = m->trie;
    push(s, (st){0, 0, 0, 0, 0});
    size_t k = 0, pops = 0, most = MAX_POPS;
    float best = INFINITY;
    while (s->n && pops++ < most && k < cap) {
        st x = pop(s);
        /* Every later result scores at least this. */
        if (x.prio > best + beam)
            break;
        if (x.edits & DROPS) {
            /* No state itself: its move's, and the next move's turn. */
            pops--;
            const struct vt_drop_move *mv = &s->drops[x.node];
            push(s, (st){0, x.cost + mv->cost, mv->node, x.i, (uint16_t)(x.edits & COUNT)});
            if (!mv->last)
                push(s, (st){0, x.cost, x.node + 1, x.i, x.edits});
            continue;
        }
        if (!first_visit(s, &x)) {
            pops--;
            continue;
        }
        uint32_t term = t[x.node].term;
        if (x.edits & FINAL) {
            /* Results leave the queue in order of their score. */
            out[k++] = (vt_posting){term, x.cost};
            if (k == 1 && pops + POPS_AFTER_FIRST < most)
                most = pops + POPS_AFTER_FIRST;
            if (x.prio < best)
                best = x.prio;
            if (best + beam < s->bound)
                s->bound = best + beam;
            continue;
        }
        if (x.edits & LATER) {
            later_edits(s, &x);
            continue;
        }
        if (x.i == olen && term != UINT32_MAX && !(m->vocab_flags[term] & VT_VOC_PUNCT)) {
            st y = x;
            y.edits = FINAL; /* one result per token, however reached */
            push(s, y);
        }
        /* Truth the OCR dropped: the node's moves, cheapest first, one
         * at a time when the search gets that far. */
        uint32_t d = m->drop_first[ch][x.node];
        if (d < m->drop_first[ch][x.node + 1])
            push(s, (st){0, x.cost, d, x.i, (uint16_t)(x.edits | DROPS)});
        /* Learned and generic-letter rules, by the OCR text they produce. */
        for (int kc = 1; kc <= 3; kc++)
            read_rules(s, &x, kc);
        /* Generic edits over the children of this node. */
        if ((x.edits & COUNT) >= MAX_EDITS)
            continue;
        size_t cl = char_len(o + x.i, olen - x.i);
        uint32_t ocp = 0;
        if (cl)
            vt_utf8_dec(o + x.i, cl, &ocp);
        /* A letter as itself is no edit. */
        uint32_t c = cl ? child(t, x.node, ocp) : UINT32_MAX;
        if (c != UINT32_MAX)
            push(s, (st){0, x.cost + COST_SAME, c, (uint16_t)(x.i + cl), x.edits});
        /* The edits proper cost at least COST_SUB: one state stands for
         * them all until the search gets that far, which for most nodes
         * it never does. */
        push(s, (st){0, x.cost + COST_SUB, x.node, x.i, (uint16_t)(x.edits | LATER)});
    }
    return k;
}
