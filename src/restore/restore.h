/* restore.h — internals of the restore stage, shared by its files only.
 *
 * Letters, syllables, case and the splitting of words into syllable
 * slots, numbers and punctuation are src/text's (text.h).  Pieces here:
 * model.c (the binary model file), invert.c (from OCR back to the
 * vocabulary), decode.c and the files decode.h names (decoding a
 * document), stage.c (the stage).  Building a model is not needed at run
 * time: train.h names its files, a library of their own. */
#ifndef VT_RESTORE_H
#define VT_RESTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "restorer.h"
#include "../text/text.h"

/* ------------------------------------------------------------ model file */

#define VT_MODEL_MAGIC "VTRESTM1"
#define VT_MODEL_VERSION 8u

enum { VT_TOK_UNK, VT_TOK_BOS, VT_TOK_EOS, VT_TOK_NUM, VT_TOK_FIRST };
enum { VT_CHAN_ENG, VT_CHAN_VIE, VT_CHAN_COUNT };

/* Vocabulary flags. */
#define VT_VOC_SYLLABLE 1u /* a valid Vietnamese syllable */
#define VT_VOC_PUNCT 2u

typedef struct vt_posting {
    uint32_t id;
    float cost; /* -ln P(rendering | token) */
} vt_posting;

/* A channel rule as stored: string pool offsets and -ln P(ocr | truth). */
typedef struct vt_model_rule {
    uint32_t truth, ocr;
    float cost;
} vt_model_rule;

/* The vocabulary as a trie over code points, children contiguous and
 * sorted, always after their parent; node 0 is the root.  `term` is the
 * token ending here or UINT32_MAX; `rest` the least unigram cost of a
 * token at or below the node (a lower bound that guides the search). */
typedef struct vt_trie_node {
    uint32_t cp, first, n, term;
    float rest;
} vt_trie_node;

/* Tables from a string to postings, per channel: the renderings (what
 * the channel makes of each vocabulary token), and the known damage (what
 * the inverse search finds for the OCR tokens the channel's training saw,
 * searched once when the model is built). */
enum { VT_TAB_RENDER, VT_TAB_KNOWN, VT_TAB_KINDS };

/* A string table in the file: open-addressing slots of string indexes;
 * per string its pool offset, and (start, count) of its postings. */
typedef struct vt_table_header {
    uint32_t n_slots, n_strings, n_postings, pad;
    uint64_t off_hash, off_str, off_post, off_postings;
} vt_table_header;

typedef struct vt_model_header {
    char magic[8];
    uint32_t version, endian;
    uint32_t n_vocab, n_bigram_slots, n_trigram_slots, n_vocab_slots;
    uint32_t n_sources;
    uint32_t pad;
    vt_table_header tables[VT_CHAN_COUNT][VT_TAB_KINDS];
    uint64_t off_strings, len_strings;
    uint64_t off_vocab_str, off_vocab_flags, off_vocab_hash;
    uint64_t off_uni_p, off_uni_bo;
    uint64_t off_bi_keys, off_bi_p, off_bi_bo;
    uint64_t off_tri_keys, off_tri_p;
    uint64_t off_sources; /* n_sources string offsets: what built it */
    uint32_t n_rules[VT_CHAN_COUNT];
    uint64_t off_rules[VT_CHAN_COUNT]; /* vt_model_rule, by ocr, then truth */
    uint32_t n_trie, pad2;
    uint64_t off_trie;
    /* Derived at build, so that opening reads none of the n-gram tables:
     * the Bloom filters of the bigram and trigram keys (n words each, a
     * power of two) and per token the bound vt_model_lp_most reads. */
    uint32_t n_bi_filter, n_tri_filter;
    uint64_t off_bi_filter, off_tri_filter, off_lp_most;
    uint64_t file_size;
    uint64_t checksum; /* vt_model_checksum of the file */
} vt_model_header;
_Static_assert(sizeof(vt_model_header) % 8 == 0, "sections follow the header 8-aligned");

struct vt_restore_model {
    void *map;
    size_t map_len;
    const vt_model_header *h;
    const char *strings;
    const uint32_t *vocab_str, *vocab_hash;
    const uint8_t *vocab_flags;
    const float *uni_p, *uni_bo;
    const uint64_t *bi_keys, *tri_keys;
    const float *bi_p, *bi_bo, *tri_p;
    struct vt_str_table {
        const uint32_t *hash, *str;
        const uint32_t *post; /* start, count pairs */
        const vt_posting *postings;
        uint32_t n_slots, n_strings, n_postings;
    } tables[VT_CHAN_COUNT][VT_TAB_KINDS];
    const vt_model_rule *rules[VT_CHAN_COUNT];
    const vt_trie_node *trie;
    /* Truth side of every rule as code points, and its cost, decoded
     * once at open: what the inverse search reads in its inner loop. */
    struct vt_rule_cps {
        uint32_t cp[3];
        uint32_t n;
        float cost;
        float read; /* cost, or INFINITY when some truth letter is in no
                     * vocabulary token: what bounds the reading of OCR */
    } *rule_cps[VT_CHAN_COUNT];
    /* Per trie node, the moves of rules whose OCR side is empty (OCR
     * dropped truth letters), made at open (invert.c): node n's are
     * drop_first[n] up to drop_first[n + 1], cheapest first. */
    uint32_t *drop_first[VT_CHAN_COUNT];
    struct vt_drop_move {
        uint32_t node; /* the node reached */
        float cost;    /* the rule's */
        float add;     /* cost + the node's rest: what it adds to a state's priority
                        * beyond its own node's rest */
        uint32_t last; /* the node's last move */
    } *drop_moves[VT_CHAN_COUNT];
    /* The letters of the vocabulary, sorted (invert.c). */
    uint32_t *letters, n_letters;
    /* Per trie node, the letters of the longest token below it (at most
     * 255), made at open (invert.c). */
    uint8_t *trie_depth;
    /* Blocked Bloom filters of the bigram and trigram keys: most lookups
     * the decoder makes are for n-grams the model does not have, and the
     * filter (in cache) answers most of them. */
    struct vt_key_filter {
        const uint64_t *bits;
        uint32_t mask; /* words - 1 */
    } bi_filter, tri_filter;
    /* Per token c, the greatest ln P(c | a b) any context gives it (with
     * backoff): what bounds a transition before the decoder looks it up. */
    const float *lp_most;
    /* The least unigram ln-probability of a syllable: that of the
     * syllables of the inventory no training text used. */
    float syllable_least;
};

/* The lesser of two numbers that are no NaN: fminf's NaN rules make it a
 * library call, and the searches take many. */
static inline float vt_minf(float a, float b)
{
    return b < a ? b : a;
}

static inline uint64_t vt_hash_u64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static inline uint32_t vt_hash_str(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

static inline uint64_t vt_key2(uint32_t a, uint32_t b)
{
    return ((uint64_t)a << 32) | b;
}

static inline uint64_t vt_key3(uint32_t a, uint32_t b, uint32_t c)
{
    /* 21 bits per token: vocabularies stay far below two million. */
    return ((uint64_t)a << 42) | ((uint64_t)b << 21) | c;
}

#define VT_MAX_VOCAB (1u << 21)

/* Checksum of a model file: its header (checksum field 0) and the body
 * that follows (n bytes, a multiple of 8, 8-byte aligned), in four
 * independent lanes; a flipped bit anywhere changes it.  The build writes
 * it and vt_restore_model_check compares it: opening does not read the
 * whole file. */
static inline uint64_t vt_model_checksum(const vt_model_header *h, const void *body,
                                         size_t n)
{
    const uint64_t *w = body;
    uint64_t l[4] = {1, 2, 3, 4};
    size_t nw = n / 8, i = 0;
    for (; i + 4 <= nw; i += 4)
        for (int k = 0; k < 4; k++)
            l[k] = (l[k] ^ w[i + k]) * 0x9e3779b97f4a7c15ULL + (l[k] >> 29);
    for (; i < nw; i++)
        l[0] = (l[0] ^ w[i]) * 0x9e3779b97f4a7c15ULL + (l[0] >> 29);
    const uint64_t *hw = (const uint64_t *)h;
    for (size_t k = 0; k < sizeof *h / 8; k++)
        l[k % 4] = (l[k % 4] ^ hw[k]) * 0x9e3779b97f4a7c15ULL + (l[k % 4] >> 29);
    return vt_hash_u64(l[0] ^ vt_hash_u64(l[1] ^ vt_hash_u64(l[2] ^ vt_hash_u64(l[3] ^ n))));
}

/* A line of n words in capitals, damage and all (every word of two
 * letters or more mostly capitals, one at least): a heading or the title
 * of a signature block.  The model learned such lines as sentences of
 * their own, so the callers of vt_restorer_words end a paragraph before
 * and after one. */
bool vt_heading_line(const char *const *words, size_t n);

/* A line of two to four words in title case, letters only: a person's
 * name alone on its line (the signer's under the title of the position).
 * The model learned such lines, the signature lines of its corpus, as
 * sentences of their own, so the callers of vt_restorer_words end a
 * paragraph before and after one: read run on into the next line, the
 * given name took the reading the next line's first word favours.  (Read
 * after the title names follow, ông, rather than a sentence's start, the
 * family name took the word that title precedes as often: Trình of ông
 * trình bày; bench/parse.sh leave-out signer 0.888 -> 0.852.) */
bool vt_name_line(const char *const *words, size_t n);

/* Token id of a string, or VT_TOK_UNK. */
uint32_t vt_model_id(const vt_restore_model *m, const char *s, size_t len);
const char *vt_model_str(const vt_restore_model *m, uint32_t id);
/* ln P(c | a b) with backoff. */
float vt_model_lp3(const vt_restore_model *m, uint32_t a, uint32_t b, uint32_t c);
/* Where the n-gram tables' keys are looked up, inline: the beam search
 * makes hundreds of thousands of lookups a document, and inlined into its
 * loops they cost fewer instructions (bench/restore.sh).
 * A key's two bits in its filter word come from the hash's top bits,
 * which neither the word's index (bits 32 on) nor the table slot (low
 * bits) use. */
static inline uint64_t vt_filter_bits(uint64_t h)
{
    return 1ull << (h >> 58) | 1ull << (h >> 52 & 63);
}

static inline uint32_t vt_filter_at(const struct vt_key_filter *f, uint64_t h)
{
    return (uint32_t)(h >> 32) & f->mask;
}

/* The slot of key in a table of `slots` (a power of two), or -1. */
static inline int64_t vt_find_key(const uint64_t *keys, uint32_t slots,
                                  const struct vt_key_filter *f, uint64_t key)
{
    uint64_t h = vt_hash_u64(key), bits = vt_filter_bits(h);
    if ((f->bits[vt_filter_at(f, h)] & bits) != bits)
        return -1;
    uint32_t mask = slots - 1;
    for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
        if (keys[i] == key)
            return i;
        if (keys[i] == UINT64_MAX)
            return -1;
    }
}

/* The same in parts, for many c after a few contexts: ln-backoff of the
 * context a b; the trigram's ln-prob when stored (false when not); and
 * ln P(c | b) with backoff, which lp3 adds to the context's backoff when
 * there is no trigram. */
static inline float vt_model_bo2(const vt_restore_model *m, uint32_t a, uint32_t b)
{
    int64_t ab = vt_find_key(m->bi_keys, m->h->n_bigram_slots, &m->bi_filter, vt_key2(a, b));
    return ab >= 0 ? m->bi_bo[ab] : 0;
}

/* A context that no longer n-gram follows has no leftover mass to give:
 * its ln-backoff is exactly 0, and the longer table need not be probed. */
static inline bool vt_model_tri(const vt_restore_model *m, uint32_t a, uint32_t b, uint32_t c,
                                float bo_ab, float *lp)
{
    if (bo_ab == 0)
        return false;
    int64_t t = vt_find_key(m->tri_keys, m->h->n_trigram_slots, &m->tri_filter,
                            vt_key3(a, b, c));
    if (t >= 0)
        *lp = m->tri_p[t];
    return t >= 0;
}

/* ... and whether some context a b may have a trigram for c: the model
 * stores a trigram a b c only with its bigram b c (whose continuation
 * count it adds to), so a b c is not looked up where b c is not stored.
 * A b after which no bigram is stored (ln-backoff 0) is not looked up
 * either, and may have them as far as this says. */
static inline float vt_model_lp2_tri(const vt_restore_model *m, uint32_t b, uint32_t c,
                                     bool *may_tri)
{
    *may_tri = true;
    if (m->uni_bo[b] != 0) {
        int64_t bc = vt_find_key(m->bi_keys, m->h->n_bigram_slots, &m->bi_filter, vt_key2(b, c));
        if (bc >= 0)
            return m->bi_p[bc];
        *may_tri = false;
    }
    return m->uni_bo[b] + m->uni_p[c];
}

static inline float vt_model_lp2(const vt_restore_model *m, uint32_t b, uint32_t c)
{
    bool may_tri;
    return vt_model_lp2_tri(m, b, c, &may_tri);
}

/* The bound on ln P(c | a b) over every context a b. */
static inline float vt_model_lp_most(const vt_restore_model *m, uint32_t c)
{
    return m->lp_most[c];
}
/* Postings of a string in table `kind` of channel ch; NULL when the
 * table does not have it.  The renderings are looked up in lowercase. */
const vt_posting *vt_model_lookup(const vt_restore_model *m, int ch, int kind,
                                  const char *s, size_t len, uint32_t *n);
static inline const vt_posting *vt_model_render(const vt_restore_model *m, int ch,
                                                const char *s, size_t len, uint32_t *n)
{
    return vt_model_lookup(m, ch, VT_TAB_RENDER, s, len, n);
}
/* The model over a file's bytes in memory (the build's own, to search
 * with before it writes the file): vt_restore_model_close leaves the
 * bytes alone. */
vt_restore_model *vt_model_view(const void *data, size_t len, const char *name,
                                vt_error *err);

/* Vocabulary tokens that the channel could have turned into the OCR text
 * o, best first by channel + unigram cost, at most cap, within beam nats
 * of the best and no worse than bound (INFINITY: no bound; a caller that
 * already holds candidates passes what it would keep) (invert.c). */
typedef struct vt_invert vt_invert; /* the search's working memory */
vt_invert *vt_invert_new(void);
void vt_invert_free(vt_invert *s);
/* Make what the search reads besides the file (the drop moves, the
 * letters, the nodes' depth, the rules' `read`). */
void vt_invert_index(vt_restore_model *m);
size_t vt_model_invert(vt_invert *s, const vt_restore_model *m, int ch, const char *o,
                       size_t olen, vt_posting *out, size_t cap, float beam,
                       float bound);

/* Results the decoder keeps of one search. */
#define VT_SEARCH_RESULTS 12
/* The inverse search the decoder makes for a slot whose lowercase text is
 * `fold` (slots.c): false when the slot's renderings make none due;
 * else its results, at most VT_SEARCH_RESULTS, in out and their count in
 * *n.  The build keeps these for the OCR tokens of the channel's
 * training (train_model.c), and the decoder looks them up there first. */
bool vt_slot_search(vt_invert *s, const vt_restore_model *m, int ch, const char *fold,
                    size_t flen, vt_posting *out, size_t *n);

/* Make room for `need` elements of `size` bytes in *p (capacity *cap),
 * doubling: the core's VT_GROW for a given need. */
static inline void vt_grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    *p = vt_xrealloc(*p, c * size);
    *cap = c;
}

/* A growing byte buffer, always NUL-terminated once added to. */
typedef struct vt_buf {
    char *data;
    size_t len, cap;
} vt_buf;

static inline void vt_buf_add(vt_buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t c = b->cap ? b->cap : 4096;
        while (c < b->len + n + 1)
            c *= 2;
        b->data = vt_xrealloc(b->data, c);
        b->cap = c;
    }
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}

static inline void vt_buf_free(vt_buf *b)
{
    free(b->data);
    *b = (vt_buf){0};
}

#endif
