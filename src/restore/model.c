/* model.c — the restore model file: mapped read-only, checked, looked up.
 *
 * Layout (all integers in the byte order recorded in the header): a fixed
 * header (restore.h) then sections at 8-byte aligned offsets: a string
 * pool; the vocabulary (string offsets, flags, open-addressing hash); the
 * n-gram model as ln-probabilities and backoffs in open-addressing hash
 * tables keyed by packed token ids, with what the build derives from them
 * (Bloom filters of the keys, per token the best ln-probability); per OCR
 * channel a hash from rendering to a run of postings (token id, cost). */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "restore.h"

static bool in_file(const vt_model_header *h, uint64_t off, uint64_t bytes)
{
    return off <= h->file_size && bytes <= h->file_size - off;
}

/* Hash tables are powers of two with room to spare: a probe always ends. */
static bool hash_size_ok(uint32_t slots, uint32_t used)
{
    return slots && (slots & (slots - 1)) == 0 && used < slots;
}

/* The stored checksum is computed with its own field zeroed. */
static bool checksum_ok(const void *map, size_t len)
{
    vt_model_header h;
    memcpy(&h, map, sizeof h);
    h.checksum = 0;
    return vt_model_checksum(&h, (const char *)map + sizeof h, len - sizeof h) ==
           ((const vt_model_header *)map)->checksum;
}

static bool below(const uint32_t *a, uint64_t n, uint64_t limit)
{
    for (uint64_t i = 0; i < n; i++)
        if (a[i] >= limit)
            return false;
    return true;
}

/* An open-addressing table of n slots `width` bytes wide holds an empty
 * one (all bits set), so that every probe ends.  A sound table has one
 * within its first few slots; a hostile one costs no more than its size. */
static bool has_empty(const void *slots, uint32_t n, size_t width)
{
    static const unsigned char empty[8] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    for (uint32_t i = 0; i < n; i++)
        if (memcmp((const char *)slots + (size_t)i * width, empty, width) == 0)
            return true;
    return false;
}

/* What opening checks besides the header: the indexes opening itself
 * follows (the vocabulary's strings, the trie, the rules), all of the
 * vocabulary's size, and that every probe ends.  The large tables' slots
 * and postings are checked by the lookups that read them, so that a
 * wrong index gives a wrong answer, never a read outside the map, and
 * opening costs the same whatever the size of the n-gram model. */
static bool index_ok(const char *b, const vt_model_header *h)
{
    const uint64_t S = h->len_strings;
    if (!below((const uint32_t *)(b + h->off_vocab_str), h->n_vocab, S) ||
        !below((const uint32_t *)(b + h->off_sources), h->n_sources, S) ||
        !has_empty(b + h->off_vocab_hash, h->n_vocab_slots, 4) ||
        !has_empty(b + h->off_bi_keys, h->n_bigram_slots, 8) ||
        !has_empty(b + h->off_tri_keys, h->n_trigram_slots, 8))
        return false;
    const vt_trie_node *t = (const vt_trie_node *)(b + h->off_trie);
    for (uint32_t i = 0; i < h->n_trie; i++)
        if ((uint64_t)t[i].first + t[i].n > h->n_trie ||
            (t[i].term != UINT32_MAX && t[i].term >= h->n_vocab))
            return false;
    for (int c = 0; c < VT_CHAN_COUNT; c++) {
        for (int k = 0; k < VT_TAB_KINDS; k++) {
            const vt_table_header *t = &h->tables[c][k];
            if (t->n_slots && !has_empty(b + t->off_hash, t->n_slots, 4))
                return false;
        }
        const vt_model_rule *r = (const vt_model_rule *)(b + h->off_rules[c]);
        for (uint32_t i = 0; i < h->n_rules[c]; i++)
            if (r[i].truth >= S || r[i].ocr >= S)
                return false;
    }
    return true;
}

/* Open-addressing slots each empty or below limit. */
static bool slots_below(const uint32_t *a, uint32_t n, uint32_t limit)
{
    /* Without branches, so that the compiler runs it in vector lanes: the
     * tables hold a million slots. */
    unsigned bad = 0;
    for (uint32_t i = 0; i < n; i++)
        bad |= (a[i] != UINT32_MAX) & (a[i] >= limit);
    return !bad;
}

/* The rest of the indexes, which the lookups check one at a time:
 * vt_restore_model_check's. */
static bool tables_ok(const char *b, const vt_model_header *h)
{
    if (!slots_below((const uint32_t *)(b + h->off_vocab_hash), h->n_vocab_slots, h->n_vocab))
        return false;
    for (int c = 0; c < VT_CHAN_COUNT; c++)
        for (int k = 0; k < VT_TAB_KINDS; k++) {
            const vt_table_header *t = &h->tables[c][k];
            const uint32_t *post = (const uint32_t *)(b + t->off_post);
            for (uint32_t i = 0; i < t->n_strings; i++)
                if ((uint64_t)post[2 * i] + post[2 * i + 1] > t->n_postings)
                    return false;
            const vt_posting *p = (const vt_posting *)(b + t->off_postings);
            for (uint32_t i = 0; i < t->n_postings; i++)
                if (p[i].id >= h->n_vocab)
                    return false;
            if (!below((const uint32_t *)(b + t->off_str), t->n_strings, h->len_strings) ||
                !slots_below((const uint32_t *)(b + t->off_hash), t->n_slots, t->n_strings))
                return false;
        }
    return true;
}

static vt_restore_model *attach(const void *map, size_t size, const char *path,
                                vt_error *err);

vt_restore_model *vt_restore_model_open(const char *path, vt_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        vt_error_set(err, VT_EDEPEND, "%s: cannot open restore model: %s",
                     path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || (size_t)st.st_size < sizeof(vt_model_header)) {
        close(fd);
        vt_error_set(err, VT_EDEPEND, "%s: not a vanthu restore model (too short)",
                     path);
        return NULL;
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
    close(fd);
    if (map == MAP_FAILED) {
        vt_error_set(err, VT_EDEPEND, "%s: cannot map restore model: %s", path,
                     strerror(errno));
        return NULL;
    }
    vt_restore_model *m = attach(map, (size_t)st.st_size, path, err);
    if (!m)
        munmap(map, (size_t)st.st_size);
    else
        m->map = map;
    return m;
}

vt_restore_model *vt_model_view(const void *data, size_t len, const char *name,
                                vt_error *err)
{
    if (len < sizeof(vt_model_header)) {
        vt_error_set(err, VT_EDEPEND, "%s: not a vanthu restore model (too short)", name);
        return NULL;
    }
    return attach(data, len, name, err);
}

/* Check the file's bytes and make the model over them; m->map is left
 * for the caller. */
static vt_restore_model *attach(const void *map, size_t size, const char *path,
                                vt_error *err)
{
    vt_text_init();
    const vt_model_header *h = map;
    const char *why = NULL;
    char what[160];
    if (memcmp(h->magic, VT_MODEL_MAGIC, 8) != 0)
        why = "not a vanthu restore model";
    else if (h->endian != 0x01020304u)
        why = "model written on a machine of the other byte order";
    else if (h->version != VT_MODEL_VERSION) {
        snprintf(what, sizeof what,
                 "model version %u, this vanthu reads version %u; rebuild the model",
                 h->version, VT_MODEL_VERSION);
        why = what;
    } else if (h->file_size != (uint64_t)size || h->file_size % 8)
        why = "model file is truncated or has bytes appended";
    else if (!in_file(h, h->off_strings, h->len_strings) || h->len_strings == 0 ||
             ((const char *)map)[h->off_strings + h->len_strings - 1] != 0 ||
             !in_file(h, h->off_vocab_str, 4ull * h->n_vocab) ||
             !in_file(h, h->off_vocab_flags, h->n_vocab) ||
             !in_file(h, h->off_vocab_hash, 4ull * h->n_vocab_slots) ||
             !in_file(h, h->off_uni_p, 4ull * h->n_vocab) ||
             !in_file(h, h->off_uni_bo, 4ull * h->n_vocab) ||
             !in_file(h, h->off_bi_keys, 8ull * h->n_bigram_slots) ||
             !in_file(h, h->off_bi_p, 4ull * h->n_bigram_slots) ||
             !in_file(h, h->off_bi_bo, 4ull * h->n_bigram_slots) ||
             !in_file(h, h->off_tri_keys, 8ull * h->n_trigram_slots) ||
             !in_file(h, h->off_tri_p, 4ull * h->n_trigram_slots) ||
             !in_file(h, h->off_sources, 4ull * h->n_sources) ||
             h->n_trie == 0 || !in_file(h, h->off_trie, sizeof(vt_trie_node) * h->n_trie) ||
             !in_file(h, h->off_bi_filter, 8ull * h->n_bi_filter) ||
             !in_file(h, h->off_tri_filter, 8ull * h->n_tri_filter) ||
             !in_file(h, h->off_lp_most, 4ull * h->n_vocab))
        why = "model sections lie outside the file";
    else if (h->n_vocab < VT_TOK_FIRST || h->n_vocab >= VT_MAX_VOCAB ||
             !hash_size_ok(h->n_vocab_slots, h->n_vocab) ||
             !hash_size_ok(h->n_bigram_slots, 0) || !hash_size_ok(h->n_trigram_slots, 0) ||
             !hash_size_ok(h->n_bi_filter, 0) || !hash_size_ok(h->n_tri_filter, 0))
        why = "model tables have impossible sizes";
    for (int c = 0; !why && c < VT_CHAN_COUNT; c++) {
        if (!in_file(h, h->off_rules[c], sizeof(vt_model_rule) * h->n_rules[c]))
            why = "model sections lie outside the file";
        for (int k = 0; !why && k < VT_TAB_KINDS; k++) {
            const vt_table_header *t = &h->tables[c][k];
            if (!in_file(h, t->off_hash, 4ull * t->n_slots) ||
                !in_file(h, t->off_str, 4ull * t->n_strings) ||
                !in_file(h, t->off_post, 8ull * t->n_strings) ||
                !in_file(h, t->off_postings, sizeof(vt_posting) * t->n_postings))
                why = "model sections lie outside the file";
            else if (t->n_slots && !hash_size_ok(t->n_slots, t->n_strings))
                why = "model tables have impossible sizes";
        }
    }
    if (!why && !index_ok(map, h))
        why = "model tables point outside themselves";
    if (why) {
        vt_error_set(err, VT_EDEPEND, "%s: %s", path, why);
        return NULL;
    }
    vt_restore_model *m = vt_xcalloc(1, sizeof *m);
    const char *b = map;
    m->map_len = size;
    m->h = h;
    m->strings = b + h->off_strings;
    m->vocab_str = (const uint32_t *)(b + h->off_vocab_str);
    m->vocab_flags = (const uint8_t *)(b + h->off_vocab_flags);
    m->vocab_hash = (const uint32_t *)(b + h->off_vocab_hash);
    m->uni_p = (const float *)(b + h->off_uni_p);
    m->uni_bo = (const float *)(b + h->off_uni_bo);
    m->bi_keys = (const uint64_t *)(b + h->off_bi_keys);
    m->bi_p = (const float *)(b + h->off_bi_p);
    m->bi_bo = (const float *)(b + h->off_bi_bo);
    m->tri_keys = (const uint64_t *)(b + h->off_tri_keys);
    m->tri_p = (const float *)(b + h->off_tri_p);
    m->trie = (const vt_trie_node *)(b + h->off_trie);
    for (int c = 0; c < VT_CHAN_COUNT; c++) {
        for (int k = 0; k < VT_TAB_KINDS; k++) {
            const vt_table_header *t = &h->tables[c][k];
            m->tables[c][k] = (struct vt_str_table){
                (const uint32_t *)(b + t->off_hash), (const uint32_t *)(b + t->off_str),
                (const uint32_t *)(b + t->off_post),
                (const vt_posting *)(b + t->off_postings), t->n_slots, t->n_strings,
                t->n_postings};
        }
        m->rules[c] = (const vt_model_rule *)(b + h->off_rules[c]);
    }
    m->bi_filter = (struct vt_key_filter){(const uint64_t *)(b + h->off_bi_filter),
                                          h->n_bi_filter - 1};
    m->tri_filter = (struct vt_key_filter){(const uint64_t *)(b + h->off_tri_filter),
                                           h->n_tri_filter - 1};
    m->lp_most = (const float *)(b + h->off_lp_most);
    m->syllable_least = INFINITY;
    for (uint32_t c = 0; c < h->n_vocab; c++)
        if (m->vocab_flags[c] & VT_VOC_SYLLABLE)
            m->syllable_least = fminf(m->syllable_least, m->uni_p[c]);
    for (int c = 0; c < VT_CHAN_COUNT; c++) {
        m->rule_cps[c] = vt_xcalloc(h->n_rules[c] + 1, sizeof *m->rule_cps[c]);
        for (uint32_t i = 0; i < h->n_rules[c]; i++) {
            const char *t = m->strings + m->rules[c][i].truth;
            size_t len = strnlen(t, 16);
            struct vt_rule_cps *rc = &m->rule_cps[c][i];
            rc->cost = m->rules[c][i].cost;
            for (size_t k = 0; k < len && rc->n < 3;)
                k += (size_t)vt_utf8_dec(t + k, len - k, &rc->cp[rc->n++]);
        }
    }
    vt_invert_index(m);
    return m;
}

void vt_restore_model_close(vt_restore_model *m)
{
    if (!m)
        return;
    for (int c = 0; c < VT_CHAN_COUNT; c++) {
        free(m->rule_cps[c]);
        free(m->drop_first[c]);
        free(m->drop_moves[c]);
    }
    free(m->letters);
    free(m->trie_depth);
    if (m->map)
        munmap(m->map, m->map_len);
    free(m);
}

vt_status vt_restore_model_check(const char *path, vt_error *err)
{
    vt_restore_model *m = vt_restore_model_open(path, err);
    if (!m)
        return VT_EDEPEND;
    const char *why = !checksum_ok(m->map, m->map_len) ? "model file is corrupt (checksum mismatch)"
                      : !tables_ok(m->map, m->h)      ? "model tables point outside themselves"
                                                      : NULL;
    vt_restore_model_close(m);
    return why ? vt_error_set(err, VT_EDEPEND, "%s: %s", path, why) : VT_OK;
}

const char *vt_model_str(const vt_restore_model *m, uint32_t id)
{
    return id < m->h->n_vocab ? m->strings + m->vocab_str[id] : "";
}

uint32_t vt_model_id(const vt_restore_model *m, const char *s, size_t len)
{
    uint32_t mask = m->h->n_vocab_slots - 1;
    for (uint32_t i = vt_hash_str(s, len) & mask;; i = (i + 1) & mask) {
        uint32_t id = m->vocab_hash[i];
        if (id >= m->h->n_vocab) /* empty, or a wrong index */
            return VT_TOK_UNK;
        const char *v = m->strings + m->vocab_str[id];
        if (strncmp(v, s, len) == 0 && v[len] == 0)
            return id;
    }
}

float vt_model_lp3(const vt_restore_model *m, uint32_t a, uint32_t b, uint32_t c)
{
    float bo = vt_model_bo2(m, a, b), lp;
    return vt_model_tri(m, a, b, c, bo, &lp) ? lp : bo + vt_model_lp2(m, b, c);
}

const vt_posting *vt_model_lookup(const vt_restore_model *m, int ch, int kind,
                                  const char *s, size_t len, uint32_t *n)
{
    const struct vt_str_table *t = &m->tables[ch][kind];
    *n = 0;
    if (t->n_slots == 0)
        return NULL;
    uint32_t mask = t->n_slots - 1;
    for (uint32_t i = vt_hash_str(s, len) & mask;; i = (i + 1) & mask) {
        uint32_t r = t->hash[i];
        /* Empty, or a wrong index: the file is not read past it. */
        if (r >= t->n_strings || t->str[r] >= m->h->len_strings)
            return NULL;
        const char *v = m->strings + t->str[r];
        if (strncmp(v, s, len) == 0 && v[len] == 0) {
            const uint32_t *p = t->post + 2 * r;
            if ((uint64_t)p[0] + p[1] > t->n_postings)
                return NULL;
            const vt_posting *run = t->postings + p[0];
            uint32_t most = 0; /* the greatest id, without a branch a posting */
            for (uint32_t k = 0; k < p[1]; k++)
                most = run[k].id > most ? run[k].id : most;
            if (most >= m->h->n_vocab)
                return NULL;
            *n = p[1];
            return run;
        }
    }
}
