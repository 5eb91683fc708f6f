/* train.c — build a restore model from its sources.
 *
 * Sources: the phonotactics (dict/syllables/), the project's domain corpus
 * and lexicons (dict/corpus/, dict/lexicon/), text gathered from Debian's
 * Vietnamese packages at build time, a user's own corpora, and the learned
 * OCR channels (dict/channel/).  Everything is read in sorted order and
 * written without time stamps, so the same sources give the same bytes. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "restore.h"


/* ------------------------------------------------ string interning */

typedef struct strmap {
    char **str;
    uint64_t *count;
    uint32_t *slots;
    size_t n, cap, nslots;
} strmap;

static int64_t sm_find(const strmap *m, const char *s, size_t len, size_t *slot)
{
    size_t mask = m->nslots - 1;
    for (size_t i = vt_hash_str(s, len) & mask;; i = (i + 1) & mask) {
        uint32_t id = m->slots[i];
        if (id == UINT32_MAX) {
            *slot = i;
            return -1;
        }
        if (strncmp(m->str[id], s, len) == 0 && m->str[id][len] == 0)
            return id;
    }
}

static int64_t sm_intern(strmap *m, const char *s, size_t len)
{
    if (2 * (m->n + 1) > m->nslots) {
        size_t ns = m->nslots ? m->nslots * 2 : 1 << 16;
        uint32_t *sl = malloc(ns * sizeof *sl);
        if (!sl)
            return -1;
        memset(sl, 0xff, ns * sizeof *sl);
        free(m->slots);
        m->slots = sl;
        m->nslots = ns;
        for (size_t id = 0; id < m->n; id++) {
            size_t slot;
            sm_find(m, m->str[id], strlen(m->str[id]), &slot);
            m->slots[slot] = (uint32_t)id;
        }
    }
    size_t slot;
    int64_t id = sm_find(m, s, len, &slot);
    if (id >= 0)
        return id;
    if (m->n == m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 4096;
        char **ns = realloc(m->str, nc * sizeof *ns);
        if (!ns)
            return -1;
        m->str = ns;
        uint64_t *nn = realloc(m->count, nc * sizeof *nn);
        if (!nn)
            return -1;
        m->count = nn;
        m->cap = nc;
    }
    char *c = strndup(s, len);
    if (!c)
        return -1;
    m->str[m->n] = c;
    m->count[m->n] = 0;
    m->slots[slot] = (uint32_t)m->n;
    return (int64_t)m->n++;
}

static void sm_free(strmap *m)
{
    for (size_t i = 0; i < m->n; i++)
        free(m->str[i]);
    free(m->str);
    free(m->count);
    free(m->slots);
}

/* ------------------------------------------------ build state */

typedef struct builder {
    strmap tok;          /* every token seen, and the syllables generated */
    uint8_t *generated;  /* per token: 1 from the phonotactics, 2 seen in
                          * the project's or the user's own text, 4 in a
                          * word list */
    size_t cap_generated;
    uint32_t *seq;       /* interned ids, sentences framed by <s> </s> */
    uint8_t *weight;
    size_t n_seq, cap_seq;
    vt_buf deps;         /* depfile body */
    vt_buf sources;      /* what the model was built from, NUL-separated */
    vt_ngrams counts;    /* n-gram counts of text read as counts */
    size_t n_sources;
    vt_error *err;
} builder;

static const char *const specials[VT_TOK_FIRST] = {"<unk>", "<s>", "</s>", "<num>"};

static vt_status oom(builder *b)
{
    return vt_error_set(b->err, VT_EINTERNAL, "restore model: out of memory");
}

static bool push(builder *b, uint32_t id, uint8_t w)
{
    if (b->n_seq == b->cap_seq) {
        size_t nc = b->cap_seq ? b->cap_seq * 2 : 1 << 20;
        uint32_t *s = realloc(b->seq, nc * sizeof *s);
        if (!s)
            return false;
        b->seq = s;
        uint8_t *ww = realloc(b->weight, nc);
        if (!ww)
            return false;
        b->weight = ww;
        b->cap_seq = nc;
    }
    b->seq[b->n_seq] = id;
    b->weight[b->n_seq++] = w;
    return true;
}

static bool note_source(builder *b, const char *path, const char *label)
{
    /* depfile: escape spaces the Makefile way. */
    if (!vt_buf_add(&b->deps, " ", 1))
        return false;
    for (const char *p = path; *p; p++) {
        if ((*p == ' ' || *p == '#') && !vt_buf_add(&b->deps, "\\", 1))
            return false;
        if (!vt_buf_add(&b->deps, p, 1))
            return false;
    }
    if (label) {
        b->n_sources++;
        return vt_buf_add(&b->sources, label, strlen(label) + 1);
    }
    return true;
}

static int64_t intern_token(builder *b, const char *s, size_t len)
{
    int64_t id = sm_intern(&b->tok, s, len);
    if (id < 0)
        return -1;
    if ((size_t)id >= b->cap_generated) {
        size_t nc = b->cap_generated ? b->cap_generated * 2 : 4096;
        while (nc <= (size_t)id)
            nc *= 2;
        uint8_t *g = realloc(b->generated, nc);
        if (!g)
            return -1;
        memset(g + b->cap_generated, 0, nc - b->cap_generated);
        b->generated = g;
        b->cap_generated = nc;
    }
    return id;
}

/* The LM token of a slot: its canonical syllable, its lowercase form, or
 * <unk> when it mixes letters with digits or symbols. */
static int64_t slot_token(builder *b, const char *s, size_t len)
{
    char fold[256], canon[256];
    if (vt_fold(s, len, fold, sizeof fold) == 0)
        return VT_TOK_UNK;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        if (!vt_cp_alpha(c))
            return VT_TOK_UNK;
    }
    if (vt_syllable_canon(fold, VT_STYLE_TRADITIONAL, canon, sizeof canon))
        return intern_token(b, canon, strlen(canon));
    return intern_token(b, fold, strlen(fold));
}

/* Shaped like a syllable and written with Vietnamese marks: a syllable
 * even when the phonotactics do not list it (or were not given). */
static bool marked_syllable(const char *s)
{
    char canon[64];
    bool marked = false;
    for (const char *p = s; *p; p++)
        marked = marked || (*p & 0x80);
    return marked && vt_syllable_canon(s, VT_STYLE_TRADITIONAL, canon, sizeof canon) &&
           strcmp(canon, s) == 0;
}

/* Tokenise one sentence of text into the sequence.  `isolated`: the text
 * is a word list; its syllables only join the vocabulary, each as if seen
 * once in a context of its own. */
static bool add_sentence(builder *b, const char *line, size_t len, uint8_t w,
                         bool isolated)
{
    size_t start = b->n_seq, tokens = 0;
    if (!push(b, VT_TOK_BOS, w))
        return false;
    for (size_t i = 0; i < len;) {
        while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        size_t s = i;
        while (i < len && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            i++;
        if (i == s)
            break;
        vt_piece pc[64];
        size_t np = vt_word_pieces(line + s, i - s, pc, 64);
        for (size_t k = 0; k < np; k++) {
            int64_t id;
            if (pc[k].kind == VT_PIECE_NUM)
                id = VT_TOK_NUM;
            else if (pc[k].kind == VT_PIECE_PUNCT)
                id = pc[k].tok ? intern_token(b, pc[k].tok, strlen(pc[k].tok)) : -2;
            else
                id = slot_token(b, line + s + pc[k].off, pc[k].len);
            if (id == -2)
                continue;
            /* A word list teaches syllables, not English or codes. */
            if (isolated && id >= 0 && !(b->generated[id] & 1) && !marked_syllable(b->tok.str[id]))
                continue;
            if (id < 0)
                return false;
            b->tok.count[id] += w;
            if (isolated) {
                b->generated[id] |= 4;
                continue;
            }
            if (!push(b, (uint32_t)id, w))
                return false;
            b->generated[id] |= 2;
            tokens++;
        }
    }
    if (tokens == 0) {
        b->n_seq = start;
        return true;
    }
    return push(b, VT_TOK_EOS, w);
}

/* The id of a token of a counts file: the one add_sentence gives it. */
static int64_t counts_token(void *ctx, const char *s, size_t len)
{
    builder *b = ctx;
    for (int k = 0; k < VT_TOK_FIRST; k++)
        if (strlen(specials[k]) == len && memcmp(s, specials[k], len) == 0)
            return k;
    vt_piece pc[2];
    if (vt_word_pieces(s, len, pc, 2) != 1)
        return -2;
    if (pc[0].kind == VT_PIECE_NUM)
        return VT_TOK_NUM;
    if (pc[0].kind == VT_PIECE_PUNCT)
        return pc[0].tok ? intern_token(b, pc[0].tok, strlen(pc[0].tok)) : -2;
    return slot_token(b, s, len);
}

/* Counts of real text: its unigrams join the vocabulary as text does;
 * its bigrams and trigrams go to the language model beside the text's. */
static vt_status add_counts(builder *b, const char *path)
{
    size_t first = b->counts.n;
    vt_status st = vt_ngrams_read(path, counts_token, b, &b->counts, b->err);
    for (size_t i = first; st == VT_OK && i < b->counts.n; i++) {
        const vt_ngram *g = &b->counts.a[i];
        if (g->order == 1 && g->id[0] >= VT_TOK_FIRST) {
            b->tok.count[g->id[0]] += g->count;
            b->generated[g->id[0]] |= 2;
        }
    }
    if (st == VT_OK && !note_source(b, path, "counts"))
        st = oom(b);
    return st;
}

/* Read a text file: one sentence per line, or per TAB field (lexicons). */
static vt_status add_file(builder *b, const char *path, const char *label,
                          uint8_t w, bool fields, bool isolated)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return vt_error_set(b->err, VT_EINPUT, "%s: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    vt_status st = VT_OK;
    while ((n = getline(&line, &cap, f)) > 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        if (n == 0 || line[0] == '#')
            continue;
        const char *p = line, *end = line + n;
        while (p < end) {
            const char *q = fields ? memchr(p, '\t', (size_t)(end - p)) : NULL;
            if (!q)
                q = end;
            if (!add_sentence(b, p, (size_t)(q - p), w, isolated)) {
                st = oom(b);
                goto out;
            }
            p = q + 1;
        }
    }
    if (ferror(f))
        st = vt_error_set(b->err, VT_EINPUT, "%s: read error", path);
    else if (!note_source(b, path, label))
        st = oom(b);
out:
    free(line);
    fclose(f);
    return st;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.txt file of dir, sorted; a missing directory gives none. */
static vt_status add_dir(builder *b, const char *dir, const char *label_dir,
                         uint8_t w, bool fields)
{
    DIR *d = opendir(dir);
    if (!d)
        return VT_OK;
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    vt_status st = VT_OK;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0)
            continue;
        char **nn = realloc(names, (n + 1) * sizeof *nn);
        if (!nn || !(nn[n] = strdup(e->d_name))) {
            if (nn)
                names = nn;
            st = oom(b);
            break;
        }
        names = nn;
        n++;
    }
    closedir(d);
    if (st == VT_OK && !note_source(b, dir, NULL))
        st = oom(b);
    qsort(names, n, sizeof *names, str_cmp);
    for (size_t i = 0; i < n && st == VT_OK; i++) {
        char path[4096], label[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        snprintf(label, sizeof label, "%s/%s", label_dir, names[i]);
        st = add_file(b, path, label, w, fields, false);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return st;
}

/* ------------------------------------------------ syllable inventory */

typedef struct words {
    char **w;
    size_t n;
} words;

static bool words_add(words *ws, const char *s, size_t len)
{
    char **nw = realloc(ws->w, (ws->n + 1) * sizeof *nw);
    if (!nw)
        return false;
    ws->w = nw;
    return (ws->w[ws->n] = strndup(s, len)) && ++ws->n;
}

static void words_free(words *ws)
{
    for (size_t i = 0; i < ws->n; i++)
        free(ws->w[i]);
    free(ws->w);
}

static bool starts_any(const char *s, const char *const *set)
{
    for (; *set; set++)
        if (strncmp(s, *set, strlen(*set)) == 0)
            return true;
    return false;
}

static bool ends_any(const char *s, const words *set)
{
    size_t l = strlen(s);
    for (size_t i = 0; i < set->n; i++) {
        size_t k = strlen(set->w[i]);
        if (k <= l && strcmp(s + l - k, set->w[i]) == 0)
            return true;
    }
    return false;
}

static vt_status generate(builder *b, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT)
            return VT_OK;
        return vt_error_set(b->err, VT_EINPUT, "%s: %s", path, strerror(errno));
    }
    words on = {0}, rh = {0}, stops = {0};
    char line[1024];
    vt_status st = VT_OK;
    while (fgets(line, sizeof line, f)) {
        words *dst = strncmp(line, "onsets:", 7) == 0   ? &on
                     : strncmp(line, "rhymes:", 7) == 0 ? &rh
                     : strncmp(line, "stops:", 6) == 0  ? &stops
                                                        : NULL;
        if (!dst)
            continue;
        char *p = strchr(line, ':') + 1, *save = NULL;
        for (char *t = strtok_r(p, " \t\r\n", &save); t; t = strtok_r(NULL, " \t\r\n", &save))
            if (!words_add(dst, strcmp(t, "-") ? t : "", strcmp(t, "-") ? strlen(t) : 0)) {
                st = oom(b);
                goto out;
            }
    }
    fclose(f);
    f = NULL;
    if (!note_source(b, path, "syllables/phonotactics.txt")) {
        st = oom(b);
        goto out;
    }
    static const char *const front[] = {"i", "y", "e", "ê", NULL};
    static const char *const qu_ok[] = {"a", "ă", "â", "e", "ê", "i", "y", "ơ", "uy", NULL};
    static const char *const no_i[] = {"i", NULL};
    for (size_t i = 0; i < on.n; i++) {
        const char *o = on.w[i];
        for (size_t j = 0; j < rh.n; j++) {
            const char *r = rh.w[j];
            bool fr = starts_any(r, front);
            if ((!strcmp(o, "c") || !strcmp(o, "g") || !strcmp(o, "ng")) && fr)
                continue;
            if ((!strcmp(o, "k") || !strcmp(o, "gh") || !strcmp(o, "ngh")) && !fr)
                continue;
            if (!strcmp(o, "gi") && starts_any(r, no_i))
                continue;
            if (!strcmp(o, "qu")) {
                if (!starts_any(r, qu_ok))
                    continue;
                if (!strncmp(r, "uy", 2))
                    r += 1; /* qu + uy.. is spelled quy.. */
            }
            bool stop = ends_any(r, &stops);
            for (int t = 0; t < VT_TONE_COUNT; t++) {
                if (stop && t != VT_TONE_SAC && t != VT_TONE_NANG)
                    continue;
                char raw[64], canon[64];
                snprintf(raw, sizeof raw, "%s%s", o, r);
                /* Put the tone on any vowel; canon moves it into place. */
                size_t rl = strlen(raw), at = 0;
                for (size_t k = 0; k < rl;) {
                    uint32_t c;
                    int n = vt_utf8_dec(raw + k, rl - k, &c);
                    uint32_t sk = vt_cp_skeleton(c);
                    if (c != 0x111 && strchr("aeiouy", (int)sk) && sk)
                        at = k;
                    k += (size_t)n;
                }
                uint32_t c;
                int n = vt_utf8_dec(raw + at, rl - at, &c);
                char toned[64];
                int el = vt_utf8_enc(vt_cp_with_tone(c, t), toned + at);
                memcpy(toned, raw, at);
                snprintf(toned + at + el, sizeof toned - at - (size_t)el, "%s", raw + at + n);
                if (!vt_syllable_canon(toned, VT_STYLE_TRADITIONAL, canon, sizeof canon))
                    continue;
                int64_t id = intern_token(b, canon, strlen(canon));
                if (id < 0) {
                    st = oom(b);
                    goto out;
                }
                b->generated[id] |= 1;
            }
        }
    }
out:
    if (f)
        fclose(f);
    words_free(&on);
    words_free(&rh);
    words_free(&stops);
    return st;
}

/* ------------------------------------------------ model assembly */

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

static bool align8(vt_buf *f)
{
    static const char zero[8] = {0};
    return vt_buf_add(f, zero, (8 - f->len % 8) % 8);
}

static bool section(vt_buf *f, uint64_t *off, const void *p, size_t n)
{
    if (!align8(f))
        return false;
    *off = f->len;
    return vt_buf_add(f, p, n);
}

/* Where a string sits in the pool; the pool is append-only. */
static bool pool_add(vt_buf *pool, const char *s, uint32_t *off)
{
    *off = (uint32_t)pool->len;
    return vt_buf_add(pool, s, strlen(s) + 1);
}

/* A string table as the file lays it out (vt_table_header). */
typedef struct str_table {
    uint32_t *hash, *str, *post;
    vt_posting *postings;
    uint32_t n_slots, n_strings, n_postings;
} str_table;

static void str_table_free(str_table *t)
{
    free(t->hash);
    free(t->str);
    free(t->post);
    free(t->postings);
}

/* Room for n strings and np postings. */
static bool str_table_alloc(str_table *t, size_t n, size_t np)
{
    t->postings = malloc((np + 1) * sizeof *t->postings);
    t->str = malloc((n + 1) * sizeof *t->str);
    t->post = malloc(2 * (n + 1) * sizeof *t->post);
    return t->postings && t->str && t->post;
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
static bool str_table_hash(str_table *t, const char *pool)
{
    t->n_slots = 16;
    while (t->n_slots < t->n_strings * 2u)
        t->n_slots *= 2;
    t->hash = malloc(t->n_slots * sizeof *t->hash);
    if (!t->hash)
        return false;
    memset(t->hash, 0xff, t->n_slots * sizeof *t->hash);
    for (uint32_t k = 0; k < t->n_strings; k++) {
        const char *s = pool + t->str[k];
        uint32_t mask = t->n_slots - 1, i = vt_hash_str(s, strlen(s)) & mask;
        while (t->hash[i] != UINT32_MAX)
            i = (i + 1) & mask;
        t->hash[i] = k;
    }
    return true;
}

typedef struct chan_index {
    str_table tables[VT_TAB_KINDS];
    vt_model_rule *rules;
    uint32_t n_rules;
    vt_buf known; /* OCR tokens of the channel's training, NUL-ended */
} chan_index;

static void chan_index_free(chan_index *c)
{
    free(c->rules);
    for (int k = 0; k < VT_TAB_KINDS; k++)
        str_table_free(&c->tables[k]);
    vt_buf_free(&c->known);
}

/* The slot pieces of the OCR tokens the English channel's training saw,
 * folded: what the build searches for the decoder (search_known). */
static bool note_known(const vt_channel *ch, vt_buf *known)
{
    for (size_t i = 0; i < ch->n_words; i++) {
        const char *w = ch->words[i].ocr;
        vt_piece pc[16];
        size_t np = vt_word_pieces(w, strlen(w), pc, 16);
        for (size_t k = 0; k < np; k++) {
            char fold[64];
            size_t n = pc[k].kind == VT_PIECE_SLOT
                           ? vt_fold(w + pc[k].off, pc[k].len, fold, sizeof fold) : 0;
            if (n && !(vt_buf_add(known, fold, n) && vt_buf_add(known, "", 1)))
                return false;
        }
    }
    return true;
}

/* Most postings kept per rendering: beyond these the channel and the
 * unigram both say "unlikely". */
#define MAX_POSTINGS 96

static vt_status build_channel(builder *b, const char *dict, int which,
                               char *const *vocab, const uint8_t *flags,
                               uint32_t V, vt_buf *pool, chan_index *ci)
{
    static const char *const names[VT_CHAN_COUNT] = {"eng", "vie"};
    vt_channel ch = {0};
    vt_status st = VT_OK;
    entry *e = NULL;
    vt_render *r = NULL;
    char path[4096];
    if (dict) {
        snprintf(path, sizeof path, "%s/channel/%s-chars.tsv", dict, names[which]);
        st = vt_channel_load_chars(&ch, path, b->err);
        if (st == VT_OK) {
            snprintf(path, sizeof path, "%s/channel/%s-words.tsv", dict, names[which]);
            st = vt_channel_load_words(&ch, path, b->err);
        }
        if (st == VT_OK) {
            snprintf(path, sizeof path, "%s/channel/%s-context.tsv", dict, names[which]);
            st = vt_channel_load_context(&ch, path, b->err);
        }
    }
    /* The directory too, so that a channel file added later rebuilds. */
    if (st == VT_OK && dict && which == 0) {
        snprintf(path, sizeof path, "%s/channel", dict);
        if (!note_source(b, path, NULL))
            st = oom(b);
    }
    for (size_t i = 0; st == VT_OK && i < ch.n_files; i++) {
        const char *base = strrchr(ch.files[i], '/');
        char label[256];
        snprintf(label, sizeof label, "channel%s", base ? base : "");
        if (!note_source(b, ch.files[i], label))
            st = oom(b);
    }
    if (st != VT_OK) {
        vt_channel_free(&ch);
        return st;
    }
    bool marked = which == VT_CHAN_VIE;
    vt_channel_add_generic(&ch, marked);
    vt_channel_finish(&ch);
    if (which == VT_CHAN_ENG && !note_known(&ch, &ci->known))
        goto fail;

    /* The rules themselves, for searching from what the page shows back
     * to the vocabulary (decode.c). */
    ci->rules = malloc((ch.n_rules + 1) * sizeof *ci->rules);
    if (!ci->rules)
        goto fail;
    for (size_t i = 0; i < ch.n_rules; i++) {
        vt_model_rule *x = &ci->rules[ci->n_rules++];
        x->cost = ch.rules[i].cost;
        if (!pool_add(pool, ch.rules[i].truth, &x->truth) ||
            !pool_add(pool, ch.rules[i].ocr, &x->ocr))
            goto fail;
    }
    qsort_r(ci->rules, ci->n_rules, sizeof *ci->rules, mrule_cmp, pool->data);

    size_t cap = marked ? 16 : 64;
    float beam = marked ? 14.0f : 12.0f;
    size_t n = 0, ecap = 0;
    r = malloc(cap * sizeof *r);
    if (!r)
        goto fail;
    for (uint32_t id = VT_TOK_FIRST; id < V; id++) {
        if (flags[id] & VT_VOC_PUNCT)
            continue;
        size_t k = vt_channel_render(&ch, vocab[id], r, cap, beam);
        if (n + k > ecap) {
            ecap = (n + k) * 2;
            entry *ne = realloc(e, ecap * sizeof *ne);
            if (!ne)
                goto fail;
            e = ne;
        }
        for (size_t i = 0; i < k; i++) {
            entry x = {0, id, r[i].cost};
            if (!pool_add(pool, r[i].text, &x.str))
                goto fail;
            e[n++] = x;
        }
    }
    qsort_r(e, n, sizeof *e, entry_cmp, pool->data);
    /* Group equal renderings; the pool keeps one copy per rendering. */
    str_table *t = &ci->tables[VT_TAB_RENDER];
    if (!str_table_alloc(t, n, n))
        goto fail;
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
    if (!str_table_hash(t, pool->data))
        goto fail;
    free(e);
    free(r);
    vt_channel_free(&ch);
    return VT_OK;
fail:
    free(e);
    free(r);
    vt_channel_free(&ch);
    return oom(b);
}

/* Lay the sorted vocabulary out as a trie, breadth first. */
typedef struct trie_item {
    uint32_t node, lo, hi, L;
} trie_item;

/* Children come after their parent, so one backward pass fills `rest`.
 * Punctuation is never what a damaged word stands for: it does not count. */
static void trie_rest(vt_trie_node *t, uint32_t n, const float *uni_p,
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

static vt_trie_node *build_trie(char *const *vocab, uint32_t V, uint32_t *n_nodes)
{
    size_t cap = 1024, n = 1, qcap = 1024, qh = 0, qt = 0;
    vt_trie_node *t = malloc(cap * sizeof *t);
    trie_item *q = malloc(qcap * sizeof *q);
    if (!t || !q)
        goto fail;
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
                vt_trie_node *nt = realloc(t, cap * sizeof *t);
                if (!nt)
                    goto fail;
                t = nt;
            }
            if (qt == qcap) {
                qcap *= 2;
                trie_item *nq = realloc(q, qcap * sizeof *q);
                if (!nq)
                    goto fail;
                q = nq;
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
fail:
    free(t);
    free(q);
    return NULL;
}

static vt_status write_all(const char *path, const void *p, size_t n, vt_error *err)
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

/* What the model file is made of. */
typedef struct parts {
    const vt_buf *pool;
    uint32_t V, vslots, n_trie;
    const uint32_t *vstr, *vhash, *src_off;
    uint32_t n_sources;
    const uint8_t *flags;
    const vt_lm *lm;
    const vt_trie_node *trie;
    const chan_index *ci;
} parts;

/* The model file in `file`: the header, the sections 8-aligned, and the
 * header again with their places and the checksum. */
static bool lay_out(vt_buf *file, const parts *p)
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
    bool ok = vt_buf_add(file, &h, sizeof h) &&
              section(file, &h.off_strings, p->pool->data, p->pool->len) &&
              section(file, &h.off_vocab_str, p->vstr, 4ull * p->V) &&
              section(file, &h.off_vocab_flags, p->flags, p->V) &&
              section(file, &h.off_vocab_hash, p->vhash, 4ull * p->vslots) &&
              section(file, &h.off_uni_p, lm->uni_p, 4ull * p->V) &&
              section(file, &h.off_uni_bo, lm->uni_bo, 4ull * p->V) &&
              section(file, &h.off_bi_keys, lm->bi_keys, 8ull * lm->bi_slots) &&
              section(file, &h.off_bi_p, lm->bi_p, 4ull * lm->bi_slots) &&
              section(file, &h.off_bi_bo, lm->bi_bo, 4ull * lm->bi_slots) &&
              section(file, &h.off_tri_keys, lm->tri_keys, 8ull * lm->tri_slots) &&
              section(file, &h.off_tri_p, lm->tri_p, 4ull * lm->tri_slots) &&
              section(file, &h.off_sources, p->src_off, 4ull * p->n_sources) &&
              section(file, &h.off_trie, p->trie, sizeof *p->trie * p->n_trie);
    for (int c = 0; ok && c < VT_CHAN_COUNT; c++) {
        const chan_index *ci = &p->ci[c];
        h.n_rules[c] = ci->n_rules;
        ok = section(file, &h.off_rules[c], ci->rules, sizeof(vt_model_rule) * ci->n_rules);
        for (int k = 0; ok && k < VT_TAB_KINDS; k++) {
            const str_table *t = &ci->tables[k];
            vt_table_header *th = &h.tables[c][k];
            *th = (vt_table_header){t->n_slots, t->n_strings, t->n_postings, 0, 0, 0, 0, 0};
            ok = section(file, &th->off_hash, t->hash, 4ull * t->n_slots) &&
                 section(file, &th->off_str, t->str, 4ull * t->n_strings) &&
                 section(file, &th->off_post, t->post, 8ull * t->n_strings) &&
                 section(file, &th->off_postings, t->postings,
                         sizeof(vt_posting) * t->n_postings);
        }
    }
    if (!ok || !align8(file))
        return false;
    h.file_size = file->len;
    h.checksum = vt_model_checksum(&h, file->data + sizeof h, file->len - sizeof h);
    memcpy(file->data, &h, sizeof h);
    return true;
}

static int known_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Renderings searched at build too: those whose likeliest syllable has
 * -ln P(rendering | syllable) P(syllable) within this.  With the
 * training's tokens, 176,000 are searched: 6 s of build and 9 MB of model
 * (at 16 nats, 25,000: 1.2 s, 2 MB); on the three shared dispatches the
 * decoder is left 94 of its 153 searches and needs 8 % fewer instructions. */
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
static vt_status search_known(builder *b, const char *data, size_t len, vt_buf *pool,
                              chan_index *ci)
{
    vt_restore_model *m = vt_model_view(data, len, "restore model", b->err);
    if (!m)
        return VT_EINTERNAL;
    vt_invert *inv = vt_invert_new();
    vt_status st = inv ? VT_OK : oom(b);
    for (int c = 0; st == VT_OK && c < VT_CHAN_COUNT; c++) {
        vt_buf *kb = &ci[c].known;
        /* Only English-model OCR is searched (decode.c). */
        size_t n = c == VT_CHAN_ENG ? m->h->tables[c][VT_TAB_RENDER].n_strings : 0;
        for (size_t at = 0; at < kb->len; at += strlen(kb->data + at) + 1)
            n++;
        const char **tok = malloc((n + 1) * sizeof *tok);
        str_table *t = &ci[c].tables[VT_TAB_KNOWN];
        if (!tok || !str_table_alloc(t, n, n * VT_SEARCH_RESULTS)) {
            free(tok);
            st = oom(b);
            break;
        }
        n = 0;
        for (size_t at = 0; at < kb->len; at += strlen(kb->data + at) + 1)
            tok[n++] = kb->data + at;
        if (c == VT_CHAN_ENG)
            likely_renderings(m, c, tok, &n);
        qsort(tok, n, sizeof *tok, known_cmp);
        for (size_t i = 0; st == VT_OK && i < n; i++) {
            vt_posting res[VT_SEARCH_RESULTS];
            size_t nr;
            uint32_t off;
            if ((i > 0 && strcmp(tok[i], tok[i - 1]) == 0) ||
                !vt_slot_search(inv, m, c, tok[i], strlen(tok[i]), res, &nr))
                continue;
            /* A rendering is in the pool already. */
            bool pooled = tok[i] >= m->strings && tok[i] < m->strings + m->h->len_strings;
            if (pooled)
                off = (uint32_t)(tok[i] - m->strings);
            if (!pooled && !pool_add(pool, tok[i], &off))
                st = oom(b);
            else
                str_table_add(t, off, res, nr);
        }
        if (st == VT_OK && t->n_strings && !str_table_hash(t, pool->data))
            st = oom(b);
        free(tok);
    }
    vt_invert_free(inv);
    vt_restore_model_close(m);
    return st;
}

static vt_status assemble(builder *b, const vt_train_options *o)
{
    vt_status st = VT_OK;
    /* Vocabulary: the specials, then every generated syllable and every
     * token seen often enough, sorted by bytes. */
    uint32_t *map = malloc((b->tok.n + 1) * sizeof *map);
    char **vocab = malloc((b->tok.n + VT_TOK_FIRST) * sizeof *vocab);
    uint8_t *flags = calloc(b->tok.n + VT_TOK_FIRST, 1);
    uint8_t *listed = calloc(b->tok.n + VT_TOK_FIRST, 1);
    vt_buf file = {0}, pool = {0};
    vt_lm lm = {0};
    chan_index ci[VT_CHAN_COUNT];
    memset(ci, 0, sizeof ci);
    uint32_t *vstr = NULL, *vhash = NULL, n_trie = 0;
    vt_trie_node *trie = NULL;
    if (!map || !vocab || !flags || !listed) {
        st = oom(b);
        goto out;
    }
    uint32_t V = VT_TOK_FIRST;
    for (uint32_t i = 0; i < VT_TOK_FIRST; i++)
        vocab[i] = (char *)specials[i];
    size_t first_real = V;
    for (size_t i = 0; i < b->tok.n; i++) {
        const char *s = b->tok.str[i];
        bool special = false;
        for (int k = 0; k < VT_TOK_FIRST; k++)
            special = special || strcmp(s, specials[k]) == 0;
        /* Everything from curated text; from word lists what recurs. */
        if (!special && (b->generated[i] || b->tok.count[i] >= 2))
            vocab[V++] = (char *)s;
    }
    if (V >= VT_MAX_VOCAB) {
        st = vt_error_set(b->err, VT_EINPUT, "restore model: vocabulary too large (%u)", V);
        goto out;
    }
    qsort(vocab + first_real, V - first_real, sizeof *vocab, str_cmp);
    for (size_t i = 0; i < b->tok.n; i++)
        map[i] = VT_TOK_UNK;
    for (uint32_t id = 0; id < V; id++) {
        size_t slot;
        int64_t t = sm_find(&b->tok, vocab[id], strlen(vocab[id]), &slot);
        if (t >= 0) {
            map[t] = id;
            if ((b->generated[t] & 1) || marked_syllable(vocab[id]))
                flags[id] |= VT_VOC_SYLLABLE;
        }
        uint32_t c;
        vt_utf8_dec(vocab[id], strlen(vocab[id]), &c);
        if (id >= VT_TOK_FIRST && !vt_cp_alpha(c))
            flags[id] |= VT_VOC_PUNCT;
    }
    for (size_t i = 0; i < b->n_seq; i++)
        b->seq[i] = b->seq[i] < VT_TOK_FIRST ? b->seq[i] : map[b->seq[i]];
    for (size_t i = 0; i < b->counts.n; i++)
        for (int k = 0; k < b->counts.a[i].order; k++) {
            uint32_t *id = &b->counts.a[i].id[k];
            *id = *id < VT_TOK_FIRST ? *id : map[*id];
        }

    for (size_t i = 0; i < b->tok.n; i++)
        if (map[i] != VT_TOK_UNK)
            listed[map[i]] = (b->generated[i] & 4) != 0;
    st = vt_lm_build(b->seq, b->weight, b->n_seq, b->counts.a, b->counts.n, listed, V,
                     &lm, b->err);
    if (st != VT_OK)
        goto out;

    vstr = malloc(V * sizeof *vstr);
    uint32_t vslots = 16;
    while (vslots < 2 * V)
        vslots *= 2;
    vhash = malloc(vslots * sizeof *vhash);
    if (!vstr || !vhash) {
        st = oom(b);
        goto out;
    }
    memset(vhash, 0xff, vslots * sizeof *vhash);
    for (uint32_t id = 0; id < V; id++) {
        if (!pool_add(&pool, vocab[id], &vstr[id])) {
            st = oom(b);
            goto out;
        }
        uint32_t mask = vslots - 1, i = vt_hash_str(vocab[id], strlen(vocab[id])) & mask;
        while (vhash[i] != UINT32_MAX)
            i = (i + 1) & mask;
        vhash[i] = id;
    }
    trie = build_trie(vocab, V, &n_trie);
    if (!trie) {
        st = oom(b);
        goto out;
    }
    trie_rest(trie, n_trie, lm.uni_p, flags);
    for (int c = 0; c < VT_CHAN_COUNT && st == VT_OK; c++)
        st = build_channel(b, o->dict_dir, c, vocab, flags, V, &pool, &ci[c]);
    if (st != VT_OK)
        goto out;
    uint32_t *src_off = malloc((b->n_sources + 1) * sizeof *src_off);
    if (!src_off) {
        st = oom(b);
        goto out;
    }
    for (size_t i = 0, at = 0; i < b->n_sources; i++) {
        const char *s = b->sources.data + at;
        if (!pool_add(&pool, s, &src_off[i])) {
            free(src_off);
            st = oom(b);
            goto out;
        }
        at += strlen(s) + 1;
    }

    parts p = {&pool, V, vslots, n_trie, vstr, vhash, src_off, (uint32_t)b->n_sources,
               flags, &lm, trie, ci};
    /* Laid out twice: the first model is searched for the known damage,
     * the second has it too. */
    if (!lay_out(&file, &p))
        st = oom(b);
    if (st == VT_OK)
        st = search_known(b, file.data, file.len, &pool, ci);
    if (st == VT_OK && !lay_out(&file, &p))
        st = oom(b);
    free(src_off);
    if (st == VT_OK)
        st = write_all(o->output, file.data, file.len, b->err);
out:
    for (int c = 0; c < VT_CHAN_COUNT; c++)
        chan_index_free(&ci[c]);
    vt_lm_free(&lm);
    free(map);
    free(vocab);
    free(flags);
    free(listed);
    free(vstr);
    free(vhash);
    free(trie);
    vt_buf_free(&file);
    vt_buf_free(&pool);
    return st;
}

vt_status vt_restore_train(const vt_train_options *o, vt_error *err)
{
    vt_viet_init();
    if (!o->output)
        return vt_error_set(err, VT_EUSAGE, "restore model: no output file given");
    builder b = {0};
    b.err = err;
    vt_status st = VT_OK;
    uint8_t w = (uint8_t)(o->corpus_weight > 0 && o->corpus_weight < 256 ? o->corpus_weight : 1);
    for (int i = 0; i < VT_TOK_FIRST && st == VT_OK; i++)
        if (intern_token(&b, specials[i], strlen(specials[i])) != i)
            st = oom(&b);
    char path[4096];
    if (st == VT_OK && o->dict_dir) {
        snprintf(path, sizeof path, "%s/syllables/phonotactics.txt", o->dict_dir);
        st = generate(&b, path);
        if (st == VT_OK) {
            snprintf(path, sizeof path, "%s/corpus", o->dict_dir);
            st = add_dir(&b, path, "corpus", w, false);
        }
        if (st == VT_OK) {
            snprintf(path, sizeof path, "%s/lexicon", o->dict_dir);
            st = add_dir(&b, path, "lexicon", w, true);
        }
    }
    if (st == VT_OK && o->counts)
        st = add_counts(&b, o->counts);
    if (st == VT_OK && o->debian_text)
        st = add_file(&b, o->debian_text, "debian-text", 1, false, true);
    for (size_t i = 0; st == VT_OK && i < o->n_corpora; i++) {
        const char *base = strrchr(o->corpora[i], '/');
        char label[512];
        snprintf(label, sizeof label, "user:%s", base ? base + 1 : o->corpora[i]);
        st = add_file(&b, o->corpora[i], label, w, false, false);
    }
    if (st == VT_OK && b.n_seq == 0)
        st = vt_error_set(err, VT_EINPUT, "restore model: no training text found");
    if (st == VT_OK)
        st = assemble(&b, o);
    if (st == VT_OK && o->depfile) {
        vt_buf d = {0};
        bool ok = vt_buf_add(&d, o->output, strlen(o->output)) && vt_buf_add(&d, ":", 1) &&
                  vt_buf_add(&d, b.deps.data ? b.deps.data : "", b.deps.len) &&
                  vt_buf_add(&d, "\n", 1);
        st = ok ? write_all(o->depfile, d.data, d.len, err) : oom(&b);
        vt_buf_free(&d);
    }
    sm_free(&b.tok);
    free(b.generated);
    free(b.seq);
    free(b.weight);
    vt_ngrams_free(&b.counts);
    vt_buf_free(&b.deps);
    vt_buf_free(&b.sources);
    return st;
}

bool vt_buf_add(vt_buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t c = b->cap ? b->cap : 4096;
        while (c < b->len + n + 1)
            c *= 2;
        char *d = realloc(b->data, c);
        if (!d)
            return false;
        b->data = d;
        b->cap = c;
    }
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
    return true;
}

void vt_buf_free(vt_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}
