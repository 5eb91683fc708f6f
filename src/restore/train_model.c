/* train_model.c — the model file from the build's vocabulary and language
 * model: the channel tables (renderings, rules, the known damage searched
 * in a first layout of the file), the vocabulary trie, the sections laid
 * out with their header and checksum. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "train.h"

typedef struct entry {
    uint32_t str; /* offset in the string pool */
    uint32_t id;
    float cost;
} entry;

/* Comparators over the string pool (qsort_r's argument). */
static int mrule_cmp(const void *a, const void *b, void *pool)
{
    const vt_model_rule *x = a, *y = b;
    const char *pool_str = pool;
    int c = strcmp(pool_str + x->ocr, pool_str + y->ocr);
    if (c)
        return c;
    /* By truth within one OCR side: the search joins them with a trie
     * node's children, which are in code point order too. */
    c = strcmp(pool_str + x->truth, pool_str + y->truth);
    return c ? c : (x->cost > y->cost) - (x->cost < y->cost);
}

static int entry_cmp(const void *a, const void *b, void *pool)
{
    const entry *x = a, *y = b;
    const char *pool_str = pool;
    int c = strcmp(pool_str + x->str, pool_str + y->str);
    if (c)
        return c;
    if (x->cost != y->cost)
        return x->cost < y->cost ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static void align8(vt_buf *f)
{
    static const char zero[8] = {0};
    vt_buf_add(f, zero, (8 - f->len % 8) % 8);
}

static void section(vt_buf *f, uint64_t *off, const void *p, size_t n)
{
    align8(f);
    *off = f->len;
    vt_buf_add(f, p, n);
}

uint32_t vt_train_pool_add(vt_buf *pool, const char *s)
{
    uint32_t off = (uint32_t)pool->len;
    vt_buf_add(pool, s, strlen(s) + 1);
    return off;
}

static void str_table_free(str_table *t)
{
    free(t->hash);
    free(t->str);
    free(t->post);
    free(t->postings);
}

/* Room for n strings and np postings. */
static void str_table_alloc(str_table *t, size_t n, size_t np)
{
    t->postings = vt_xmalloc((np + 1) * sizeof *t->postings);
    t->str = vt_xmalloc((n + 1) * sizeof *t->str);
    t->post = vt_xmalloc(2 * (n + 1) * sizeof *t->post);
}

/* A string (its pool offset) and its n postings. */
static void str_table_add(str_table *t, uint32_t str, const vt_posting *p, size_t n)
{
    uint32_t k = t->n_strings++;
    t->str[k] = str;
    t->post[2 * k] = t->n_postings;
    t->post[2 * k + 1] = (uint32_t)n;
    memcpy(t->postings + t->n_postings, p, n * sizeof *p);
    t->n_postings += (uint32_t)n;
}

/* The open-addressing slots over the strings, half full at most. */
static void str_table_hash(str_table *t, const char *pool)
{
    t->n_slots = 16;
    while (t->n_slots < t->n_strings * 2u)
        t->n_slots *= 2;
    t->hash = vt_xmalloc(t->n_slots * sizeof *t->hash);
    memset(t->hash, 0xff, t->n_slots * sizeof *t->hash);
    for (uint32_t k = 0; k < t->n_strings; k++) {
        const char *s = pool + t->str[k];
        uint32_t mask = t->n_slots - 1, i = vt_hash_str(s, strlen(s)) & mask;
        while (t->hash[i] != UINT32_MAX)
            i = (i + 1) & mask;
        t->hash[i] = k;
    }
}

void vt_train_channel_free(chan_index *c)
{
    free(c->rules);
    for (int k = 0; k < VT_TAB_KINDS; k++)
        str_table_free(&c->tables[k]);
    vt_buf_free(&c->known);
}

/* The slot pieces of the OCR tokens the English channel's training saw,
 * folded: what the build searches for the decoder (vt_train_search_known). */
static void note_known(const vt_channel *ch, vt_buf *known)
{
    for (size_t i = 0; i < ch->n_words; i++) {
        const char *w = ch->words[i].ocr;
        vt_piece pc[16];
        size_t np = vt_word_pieces(w, strlen(w), pc, 16);
        for (size_t k = 0; k < np; k++) {
            char fold[64];
            size_t n = pc[k].kind == VT_PIECE_SLOT
                           ? vt_text_lower(w + pc[k].off, pc[k].len, fold, sizeof fold) : 0;
            if (n) {
                vt_buf_add(known, fold, n);
                vt_buf_add(known, "", 1);
            }
        }
    }
}

/* Most postings kept per rendering: beyond these the channel and the
 * unigram both say "unlikely". */
#define MAX_POSTINGS 96

vt_status vt_train_channel(vt_train_sources *src, const char *dict, int which,
                           char *const *vocab, const uint8_t *flags, uint32_t V,
                           vt_buf *pool, chan_index *ci, vt_error *err)
{
    static const char *const names[VT_CHAN_COUNT] = {"eng", "vie"};
    vt_channel ch = {0};
    vt_status st = VT_OK;
    char path[4096];
    if (dict) {
        snprintf(path, sizeof path, "%s/channel/%s-chars.tsv", dict, names[which]);
        st = vt_channel_load_chars(&ch, path, err);
        if (st == VT_OK) {
            snprintf(path, sizeof path, "%s/channel/%s-words.tsv", dict, names[which]);
            st = vt_channel_load_words(&ch, path, err);
        }
        if (st == VT_OK) {
            snprintf(path, sizeof path, "%s/channel/%s-context.tsv", dict, names[which]);
            st = vt_channel_load_context(&ch, path, err);
        }
    }
    if (st != VT_OK) {
        vt_channel_free(&ch);
        return st;
    }
    /* The directory too, so that a channel file added later rebuilds. */
    if (dict && which == 0) {
        snprintf(path, sizeof path, "%s/channel", dict);
        vt_train_note_source(src, path, NULL);
    }
    for (size_t i = 0; i < ch.n_files; i++) {
        const char *base = strrchr(ch.files[i], '/');
        char label[256];
        snprintf(label, sizeof label, "channel%s", base ? base : "");
        vt_train_note_source(src, ch.files[i], label);
    }
    bool marked = which == VT_CHAN_VIE;
    vt_channel_add_generic(&ch, marked);
    vt_channel_finish(&ch);
    if (which == VT_CHAN_ENG)
        note_known(&ch, &ci->known);

    /* The rules themselves, for searching from what the page shows back
     * to the vocabulary (invert.c). */
    ci->rules = vt_xmalloc((ch.n_rules + 1) * sizeof *ci->rules);
    for (size_t i = 0; i < ch.n_rules; i++) {
        vt_model_rule *x = &ci->rules[ci->n_rules++];
        x->cost = ch.rules[i].cost;
        x->truth = vt_train_pool_add(pool, ch.rules[i].truth);
        x->ocr = vt_train_pool_add(pool, ch.rules[i].ocr);
    }
    qsort_r(ci->rules, ci->n_rules, sizeof *ci->rules, mrule_cmp, pool->data);

    size_t cap = marked ? 16 : 64;
    float beam = marked ? 14.0f : 12.0f;
    size_t n = 0, ecap = 0;
    entry *e = NULL;
    vt_render *r = vt_xmalloc(cap * sizeof *r);
    for (uint32_t id = VT_TOK_FIRST; id < V; id++) {
        if (flags[id] & VT_VOC_PUNCT)
            continue;
        size_t k = vt_channel_render(&ch, vocab[id], r, cap, beam);
        if (n + k > ecap) {
            ecap = (n + k) * 2;
            e = vt_xrealloc(e, ecap * sizeof *e);
        }
        for (size_t i = 0; i < k; i++)
            e[n++] = (entry){vt_train_pool_add(pool, r[i].text), id, r[i].cost};
    }
    qsort_r(e, n, sizeof *e, entry_cmp, pool->data);
    /* Group equal renderings; the pool keeps one copy per rendering. */
    str_table *t = &ci->tables[VT_TAB_RENDER];
    str_table_alloc(t, n, n);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && strcmp(pool->data + e[j].str, pool->data + e[i].str) == 0)
            j++;
        size_t keep = j - i < MAX_POSTINGS ? j - i : MAX_POSTINGS;
        vt_posting p[MAX_POSTINGS];
        for (size_t k = 0; k < keep; k++)
            p[k] = (vt_posting){e[i + k].id, e[i + k].cost};
        str_table_add(t, e[i].str, p, keep);
        i = j;
    }
    str_table_hash(t, pool->data);
    free(e);
    free(r);
    vt_channel_free(&ch);
    return VT_OK;
}

/* Lay the sorted vocabulary out as a trie, breadth first. */
typedef struct trie_item {
    uint32_t node, lo, hi, L;
} trie_item;

/* Children come after their parent, so one backward pass fills `rest`.
 * Punctuation is never what a damaged word stands for: it does not count. */
void vt_train_trie_rest(vt_trie_node *t, uint32_t n, const float *uni_p,
                        const uint8_t *flags)
{
    for (uint32_t i = n; i-- > 0;) {
        uint32_t w = t[i].term;
        float r = w != UINT32_MAX && !(flags[w] & VT_VOC_PUNCT) ? -uni_p[w] : INFINITY;
        for (uint32_t c = t[i].first; c < t[i].first + t[i].n; c++)
            r = fminf(r, t[c].rest);
        t[i].rest = r;
    }
}

vt_trie_node *vt_train_trie(char *const *vocab, uint32_t V, uint32_t *n_nodes)
{
    size_t cap = 1024, n = 1, qcap = 1024, qh = 0, qt = 0;
    vt_trie_node *t = vt_xmalloc(cap * sizeof *t);
    trie_item *q = vt_xmalloc(qcap * sizeof *q);
    t[0] = (vt_trie_node){0, 0, 0, UINT32_MAX, 0};
    q[qt++] = (trie_item){0, VT_TOK_FIRST, V, 0};
    while (qh < qt) {
        trie_item it = q[qh++];
        uint32_t lo = it.lo;
        if (lo < it.hi && strlen(vocab[lo]) == it.L)
            t[it.node].term = lo++;
        t[it.node].first = (uint32_t)n;
        for (uint32_t a = lo; a < it.hi;) {
            const char *v = vocab[a];
            uint32_t cp;
            int cl = vt_utf8_dec(v + it.L, strlen(v + it.L), &cp);
            uint32_t b = a + 1;
            while (b < it.hi && strncmp(vocab[b] + it.L, v + it.L, (size_t)cl) == 0)
                b++;
            if (n == cap) {
                cap *= 2;
                t = vt_xrealloc(t, cap * sizeof *t);
            }
            if (qt == qcap) {
                qcap *= 2;
                q = vt_xrealloc(q, qcap * sizeof *q);
            }
            t[n] = (vt_trie_node){cp, 0, 0, UINT32_MAX, 0};
            q[qt++] = (trie_item){(uint32_t)n, a, b, it.L + (uint32_t)cl};
            n++;
            t[it.node].n++;
            a = b;
        }
    }
    free(q);
    *n_nodes = (uint32_t)n;
    return t;
}

vt_status vt_train_write(const char *path, const void *p, size_t n, vt_error *err)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return vt_error_set(err, VT_EOUTPUT, "%s: %s", tmp, strerror(errno));
    bool ok = fwrite(p, 1, n, f) == n;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        return vt_error_set(err, VT_EOUTPUT, "%s: cannot write", path);
    }
    return VT_OK;
}

/* A blocked Bloom filter of a key table (vt_find_key reads it): about 16
 * bits per slot, at most 2^20 words (so that the word index stays below
 * the bits vt_filter_bits takes); *words gets its size. */
static uint64_t *key_filter(const uint64_t *keys, uint32_t slots, uint32_t *words)
{
    uint32_t n = slots / 4 ? slots / 4 : 1;
    if (n > 1u << 20)
        n = 1u << 20;
    uint64_t *bits = vt_xcalloc(n, sizeof *bits);
    const struct vt_key_filter f = {bits, n - 1};
    for (uint32_t i = 0; i < slots; i++)
        if (keys[i] != UINT64_MAX) {
            uint64_t h = vt_hash_u64(keys[i]);
            bits[vt_filter_at(&f, h)] |= vt_filter_bits(h);
        }
    *words = n;
    return bits;
}

/* Per token c of V (vt_model_lp_most): a trigram's ln-prob, or else the
 * greatest context backoff (0 when the context is no bigram) plus
 * ln P(c | b), itself a bigram's or the greatest unigram backoff plus
 * ln P(c). */
static float *lp_most(const vt_lm *lm, uint32_t V)
{
    float *most = vt_xmalloc(V * sizeof *most);
    float bo_uni = -INFINITY, bo_bi = 0;
    for (uint32_t c = 0; c < V; c++)
        bo_uni = fmaxf(bo_uni, lm->uni_bo[c]);
    for (uint32_t c = 0; c < V; c++)
        most[c] = bo_uni + lm->uni_p[c];
    for (uint32_t i = 0; i < lm->bi_slots; i++)
        if (lm->bi_keys[i] != UINT64_MAX) {
            uint32_t c = (uint32_t)lm->bi_keys[i];
            if (c < V)
                most[c] = fmaxf(most[c], lm->bi_p[i]);
            bo_bi = fmaxf(bo_bi, lm->bi_bo[i]);
        }
    for (uint32_t c = 0; c < V; c++)
        most[c] += bo_bi;
    for (uint32_t i = 0; i < lm->tri_slots; i++)
        if (lm->tri_keys[i] != UINT64_MAX) {
            uint32_t c = (uint32_t)(lm->tri_keys[i] & (VT_MAX_VOCAB - 1));
            if (c < V)
                most[c] = fmaxf(most[c], lm->tri_p[i]);
        }
    return most;
}

void vt_train_lay_out(vt_buf *file, const parts *p)
{
    const vt_lm *lm = p->lm;
    vt_model_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, VT_MODEL_MAGIC, 8);
    h.version = VT_MODEL_VERSION;
    h.endian = 0x01020304u;
    h.n_vocab = p->V;
    h.n_vocab_slots = p->vslots;
    h.n_bigram_slots = lm->bi_slots;
    h.n_trigram_slots = lm->tri_slots;
    h.n_sources = p->n_sources;
    h.n_trie = p->n_trie;
    h.len_strings = p->pool->len;
    file->len = 0;
    vt_buf_add(file, &h, sizeof h);
    section(file, &h.off_strings, p->pool->data, p->pool->len);
    section(file, &h.off_vocab_str, p->vstr, 4ull * p->V);
    section(file, &h.off_vocab_flags, p->flags, p->V);
    section(file, &h.off_vocab_hash, p->vhash, 4ull * p->vslots);
    section(file, &h.off_uni_p, lm->uni_p, 4ull * p->V);
    section(file, &h.off_uni_bo, lm->uni_bo, 4ull * p->V);
    section(file, &h.off_bi_keys, lm->bi_keys, 8ull * lm->bi_slots);
    section(file, &h.off_bi_p, lm->bi_p, 4ull * lm->bi_slots);
    section(file, &h.off_bi_bo, lm->bi_bo, 4ull * lm->bi_slots);
    section(file, &h.off_tri_keys, lm->tri_keys, 8ull * lm->tri_slots);
    section(file, &h.off_tri_p, lm->tri_p, 4ull * lm->tri_slots);
    section(file, &h.off_sources, p->src_off, 4ull * p->n_sources);
    section(file, &h.off_trie, p->trie, sizeof *p->trie * p->n_trie);
    uint64_t *bi_filter = key_filter(lm->bi_keys, lm->bi_slots, &h.n_bi_filter);
    uint64_t *tri_filter = key_filter(lm->tri_keys, lm->tri_slots, &h.n_tri_filter);
    float *most = lp_most(lm, p->V);
    section(file, &h.off_bi_filter, bi_filter, 8ull * h.n_bi_filter);
    section(file, &h.off_tri_filter, tri_filter, 8ull * h.n_tri_filter);
    section(file, &h.off_lp_most, most, 4ull * p->V);
    free(bi_filter);
    free(tri_filter);
    free(most);
    for (int c = 0; c < VT_CHAN_COUNT; c++) {
        const chan_index *ci = &p->ci[c];
        h.n_rules[c] = ci->n_rules;
        section(file, &h.off_rules[c], ci->rules, sizeof(vt_model_rule) * ci->n_rules);
        for (int k = 0; k < VT_TAB_KINDS; k++) {
            const str_table *t = &ci->tables[k];
            vt_table_header *th = &h.tables[c][k];
            *th = (vt_table_header){t->n_slots, t->n_strings, t->n_postings, 0, 0, 0, 0, 0};
            section(file, &th->off_hash, t->hash, 4ull * t->n_slots);
            section(file, &th->off_str, t->str, 4ull * t->n_strings);
            section(file, &th->off_post, t->post, 8ull * t->n_strings);
            section(file, &th->off_postings, t->postings, sizeof(vt_posting) * t->n_postings);
        }
    }
    align8(file);
    h.file_size = file->len;
    h.checksum = vt_model_checksum(&h, file->data + sizeof h, file->len - sizeof h);
    memcpy(file->data, &h, sizeof h);
}

static int known_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Renderings searched at build too: those whose likeliest syllable has
 * -ln P(rendering | syllable) P(syllable) within this.  A wider bound
 * makes the build longer and the model larger, and leaves the decoder
 * fewer searches to make (bench/restore.sh measures the decoder). */
#define KNOWN_JOINT 22.0f

/* The renderings of channel c that KNOWN_JOINT takes, into *tok. */
static void likely_renderings(const vt_restore_model *m, int c, const char **tok, size_t *n)
{
    const struct vt_str_table *t = &m->tables[c][VT_TAB_RENDER];
    for (uint32_t i = 0; i < m->h->tables[c][VT_TAB_RENDER].n_strings; i++) {
        const uint32_t *p = t->post + 2 * i;
        float joint = INFINITY;
        for (uint32_t k = 0; k < p[1]; k++) {
            const vt_posting *q = &t->postings[p[0] + k];
            if (m->vocab_flags[q->id] & VT_VOC_SYLLABLE)
                joint = fminf(joint, q->cost - m->uni_p[q->id]);
        }
        if (joint <= KNOWN_JOINT)
            tok[(*n)++] = m->strings + t->str[i];
    }
}

/* The known damage tables: the OCR tokens the channel's training saw and
 * its likely renderings, each with what the decoder's search finds for it
 * in the model laid out in data (a search the renderings make needless
 * is left out). */
vt_status vt_train_search_known(const char *data, size_t len, vt_buf *pool, chan_index *ci,
                                vt_error *err)
{
    vt_restore_model *m = vt_model_view(data, len, "restore model", err);
    if (!m)
        return VT_EINTERNAL;
    vt_invert *inv = vt_invert_new();
    for (int c = 0; c < VT_CHAN_COUNT; c++) {
        vt_buf *kb = &ci[c].known;
        /* Only English-model OCR is searched (slots.c). */
        size_t n = c == VT_CHAN_ENG ? m->h->tables[c][VT_TAB_RENDER].n_strings : 0;
        for (size_t at = 0; at < kb->len; at += strlen(kb->data + at) + 1)
            n++;
        const char **tok = vt_xmalloc((n + 1) * sizeof *tok);
        str_table *t = &ci[c].tables[VT_TAB_KNOWN];
        str_table_alloc(t, n, n * VT_SEARCH_RESULTS);
        n = 0;
        for (size_t at = 0; at < kb->len; at += strlen(kb->data + at) + 1)
            tok[n++] = kb->data + at;
        if (c == VT_CHAN_ENG)
            likely_renderings(m, c, tok, &n);
        qsort(tok, n, sizeof *tok, known_cmp);
        for (size_t i = 0; i < n; i++) {
            vt_posting res[VT_SEARCH_RESULTS];
            size_t nr;
            if ((i > 0 && strcmp(tok[i], tok[i - 1]) == 0) ||
                !vt_slot_search(inv, m, c, tok[i], strlen(tok[i]), res, &nr))
                continue;
            /* A rendering is in the pool already. */
            bool pooled = tok[i] >= m->strings && tok[i] < m->strings + m->h->len_strings;
            uint32_t off = pooled ? (uint32_t)(tok[i] - m->strings)
                                  : vt_train_pool_add(pool, tok[i]);
            str_table_add(t, off, res, nr);
        }
        if (t->n_strings)
            str_table_hash(t, pool->data);
        free(tok);
    }
    vt_invert_free(inv);
    vt_restore_model_close(m);
    return VT_OK;
}

