/* invert.c — from what the page shows back to the vocabulary.
 *
 * The precomputed renderings (model.c) cover what the OCR engines usually
 * do.  A token they do not cover ("sb", "$6": damage the training scans
 * never showed) is searched here: a best-first search that walks the
 * vocabulary trie on the truth side while consuming the OCR
 * token with the channel's rules (truth sequence -> OCR sequence), plus
 * generic edits (substitute, drop or add a letter) at a fixed high cost. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "restore.h"

#define COST_SUB 6.0f
#define COST_DEL 7.0f
#define COST_INS 6.0f
#define MAX_POPS 800
#define MAX_OCR 48 /* bytes of an OCR token searched */
#define HEAP_CAP 16384

typedef struct st {
    float cost;
    uint32_t node;  /* trie node: the truth matched so far */
    uint16_t i;     /* OCR bytes consumed */
    uint16_t edits; /* generic edits so far */
} st;

/* One generic edit per token: more would let anything become anything. */
#define MAX_EDITS 1

typedef struct search {
    const vt_restore_model *m;
    const vt_model_rule *rules;
    uint32_t n_rules;
    const char *o;
    size_t olen;
    st heap[HEAP_CAP];
    size_t n;
    float bound; /* states above this cost cannot lead anywhere useful */
    /* Rules producing the OCR text from byte i, kc letters long. */
    uint32_t ra[MAX_OCR][4], re[MAX_OCR][4];
    uint8_t next[MAX_OCR][4]; /* byte after those letters */
} search;

static void push(search *s, st x)
{
    if (s->n == HEAP_CAP || x.cost > s->bound)
        return;
    size_t i = s->n++;
    while (i > 0 && s->heap[(i - 1) / 2].cost > x.cost) {
        s->heap[i] = s->heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    s->heap[i] = x;
}

static st pop(search *s)
{
    st top = s->heap[0], last = s->heap[--s->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= s->n)
            break;
        if (c + 1 < s->n && s->heap[c + 1].cost < s->heap[c].cost)
            c++;
        if (s->heap[c].cost >= last.cost)
            break;
        s->heap[i] = s->heap[c];
        i = c;
    }
    if (s->n)
        s->heap[i] = last;
    return top;
}

static uint32_t child(const vt_trie_node *t, uint32_t node, uint32_t cp)
{
    uint32_t a = t[node].first, b = a + t[node].n;
    while (a < b) {
        uint32_t mid = a + (b - a) / 2;
        if (t[mid].cp < cp)
            a = mid + 1;
        else
            b = mid;
    }
    return a < t[node].first + t[node].n && t[a].cp == cp ? a : UINT32_MAX;
}

/* Follow a rule's truth side down from node; UINT32_MAX when no token
 * continues that way. */
static uint32_t walk(const vt_trie_node *t, uint32_t node, const struct vt_rule_cps *rc)
{
    for (uint32_t k = 0; k < rc->n && node != UINT32_MAX; k++)
        node = child(t, node, rc->cp[k]);
    return node;
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

/* Results are ranked by channel cost plus unigram cost, so that among the
 * many tokens one generic edit away the frequent ones come first. */
typedef struct found {
    uint32_t id;
    float cost, score;
} found;

static int found_cmp(const void *a, const void *b)
{
    const found *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

#define MAX_FOUND 512

size_t vt_model_invert(const vt_restore_model *m, int ch, const char *o,
                       size_t olen, vt_posting *out, size_t cap, float beam)
{
    static _Thread_local search s;
    static _Thread_local found f[MAX_FOUND];
    s.m = m;
    s.rules = m->rules[ch];
    s.n_rules = m->h->n_rules[ch];
    s.o = o;
    s.olen = olen;
    s.n = 0;
    if (olen >= MAX_OCR)
        return 0;
    s.bound = INFINITY;
    for (size_t i = 0; i <= olen; i++) {
        size_t ob = i;
        for (int kc = 0; kc <= 3; kc++) {
            if (kc > 0)
                ob += char_len(o + ob, olen - ob);
            s.next[i][kc] = (uint8_t)ob;
            if (kc > 0 && ob == s.next[i][kc - 1]) {
                s.ra[i][kc] = s.re[i][kc] = 0;
                continue;
            }
            rules_range(&s, o + i, ob - i, &s.ra[i][kc], &s.re[i][kc]);
        }
    }
    const vt_trie_node *t = m->trie;
    push(&s, (st){0, 0, 0, 0});
    size_t k = 0, pops = 0;
    float best = INFINITY;
    while (s.n && pops++ < MAX_POPS && k < MAX_FOUND) {
        st x = pop(&s);
        /* Every later result costs at least this much more. */
        if (x.cost + m->min_uni_cost > best + beam)
            break;
        uint32_t term = t[x.node].term;
        if (x.i == olen && term != UINT32_MAX) {
            bool dup = false;
            for (size_t j = 0; j < k && !dup; j++)
                dup = f[j].id == term;
            if (!dup && !(m->vocab_flags[term] & VT_VOC_PUNCT)) {
                float sc = x.cost - m->uni_p[term];
                f[k++] = (found){term, x.cost, sc};
                if (sc < best) {
                    best = sc;
                    s.bound = best + beam - m->min_uni_cost;
                }
            }
        }
        /* Learned and generic-letter rules, by the OCR text they produce. */
        for (int kc = 0; kc <= 3; kc++) {
            for (uint32_t r = s.ra[x.i][kc]; r < s.re[x.i][kc]; r++) {
                const struct vt_rule_cps *rc = &m->rule_cps[ch][r];
                if (rc->n == 0 && kc == 0)
                    continue;
                st y = x;
                y.cost += s.rules[r].cost;
                y.i = s.next[x.i][kc];
                y.node = walk(t, x.node, rc);
                if (y.node != UINT32_MAX)
                    push(&s, y);
            }
        }
        /* Generic edits over the children of this node. */
        if (x.edits >= MAX_EDITS)
            continue;
        size_t cl = char_len(o + x.i, olen - x.i);
        uint32_t ocp = 0;
        if (cl)
            vt_utf8_dec(o + x.i, cl, &ocp);
        /* A stray mark may be noise; a stray digit is not dropped. */
        if (cl && !(ocp >= '0' && ocp <= '9'))
            push(&s, (st){x.cost + COST_INS, x.node, (uint16_t)(x.i + cl),
                          (uint16_t)(x.edits + 1)});
        for (uint32_t c = t[x.node].first; c < t[x.node].first + t[x.node].n; c++) {
            push(&s, (st){x.cost + COST_DEL, c, x.i, (uint16_t)(x.edits + 1)});
            if (cl) {
                bool same = t[c].cp == ocp; /* a letter as itself is no edit */
                push(&s, (st){x.cost + (same ? 1.0f : COST_SUB), c, (uint16_t)(x.i + cl),
                              (uint16_t)(x.edits + !same)});
            }
        }
    }
    qsort(f, k, sizeof *f, found_cmp);
    size_t n = 0;
    for (size_t i = 0; i < k && n < cap && f[i].score <= best + beam; i++)
        out[n++] = (vt_posting){f[i].id, f[i].cost};
    return n;
}
