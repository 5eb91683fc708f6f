/* train.c — build a restore model from its sources.
 *
 * Sources: the phonotactics (dict/syllables/), the project's domain corpus
 * and lexicons (dict/corpus/, dict/lexicon/), text gathered from Debian's
 * Vietnamese packages at build time, a user's own corpora, and the learned
 * OCR channels (dict/channel/).  Everything is read in sorted order and
 * written without time stamps, so the same sources give the same bytes. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "train.h"

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

static uint32_t sm_intern(strmap *m, const char *s, size_t len)
{
    if (2 * (m->n + 1) > m->nslots) {
        size_t ns = m->nslots ? m->nslots * 2 : 1 << 16;
        uint32_t *sl = vt_xmalloc(ns * sizeof *sl);
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
        return (uint32_t)id;
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 4096;
        m->str = vt_xrealloc(m->str, m->cap * sizeof *m->str);
        m->count = vt_xrealloc(m->count, m->cap * sizeof *m->count);
    }
    m->str[m->n] = vt_xstrndup(s, len);
    m->count[m->n] = 0;
    m->slots[slot] = (uint32_t)m->n;
    return (uint32_t)m->n++;
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
    vt_train_sources src;
    vt_ngrams counts;    /* n-gram counts of text read as counts */
    vt_error *err;
} builder;

static const char *const specials[VT_TOK_FIRST] = {"<unk>", "<s>", "</s>", "<num>"};

static void push(builder *b, uint32_t id, uint8_t w)
{
    if (b->n_seq == b->cap_seq) {
        b->cap_seq = b->cap_seq ? b->cap_seq * 2 : 1 << 20;
        b->seq = vt_xrealloc(b->seq, b->cap_seq * sizeof *b->seq);
        b->weight = vt_xrealloc(b->weight, b->cap_seq);
    }
    b->seq[b->n_seq] = id;
    b->weight[b->n_seq++] = w;
}

void vt_train_note_source(vt_train_sources *s, const char *path, const char *label)
{
    /* depfile: escape spaces the Makefile way. */
    vt_buf_add(&s->deps, " ", 1);
    for (const char *p = path; *p; p++) {
        if (*p == ' ' || *p == '#')
            vt_buf_add(&s->deps, "\\", 1);
        vt_buf_add(&s->deps, p, 1);
    }
    if (label) {
        s->n_sources++;
        vt_buf_add(&s->sources, label, strlen(label) + 1);
    }
}

static uint32_t intern_token(builder *b, const char *s, size_t len)
{
    uint32_t id = sm_intern(&b->tok, s, len);
    if (id >= b->cap_generated) {
        size_t nc = b->cap_generated ? b->cap_generated * 2 : 4096;
        while (nc <= id)
            nc *= 2;
        uint8_t *g = vt_xrealloc(b->generated, nc);
        memset(g + b->cap_generated, 0, nc - b->cap_generated);
        b->generated = g;
        b->cap_generated = nc;
    }
    return id;
}

/* The LM token of a slot: its canonical syllable, its lowercase form, or
 * <unk> when it mixes letters with digits or symbols. */
static uint32_t slot_token(builder *b, const char *s, size_t len)
{
    char fold[256], canon[256];
    if (vt_text_lower(s, len, fold, sizeof fold) == 0)
        return VT_TOK_UNK;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        if (!vt_cp_is_alpha(c))
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

/* The model's token for one piece of a word, or -1 for punctuation the
 * model has no token for.  Text and counts files both tokenise through
 * here, so a count and the text it was taken from meet on one id. */
static int64_t piece_token(builder *b, const char *word, const vt_piece *pc)
{
    if (pc->kind == VT_PIECE_PUNCT)
        return pc->tok ? (int64_t)intern_token(b, pc->tok, strlen(pc->tok)) : -1;
    if (pc->kind == VT_PIECE_SLOT)
        return slot_token(b, word + pc->off, pc->len);
    return VT_TOK_NUM;
}

/* Tokenise one sentence of text into the sequence.  `isolated`: the text
 * is a word list; its syllables only join the vocabulary, each as if seen
 * once in a context of its own. */
static void add_sentence(builder *b, const char *line, size_t len, uint8_t w,
                         bool isolated)
{
    size_t start = b->n_seq, tokens = 0;
    push(b, VT_TOK_BOS, w);
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
            int64_t token = piece_token(b, line + s, &pc[k]);
            if (token < 0)
                continue;
            uint32_t id = (uint32_t)token;
            /* A word list teaches syllables, not English or codes. */
            if (isolated && !(b->generated[id] & 1) && !marked_syllable(b->tok.str[id]))
                continue;
            b->tok.count[id] += w;
            if (isolated) {
                b->generated[id] |= 4;
                continue;
            }
            push(b, (uint32_t)id, w);
            b->generated[id] |= 2;
            tokens++;
        }
    }
    if (tokens == 0)
        b->n_seq = start;
    else
        push(b, VT_TOK_EOS, w);
}

/* A syllable of the phonotactics' inventory (generate). */
static bool inventory_syllable(const builder *b, const char *s, size_t len)
{
    size_t slot;
    int64_t id = b->tok.nslots ? sm_find(&b->tok, s, len, &slot) : -1;
    return id >= 0 && (b->generated[id] & 1);
}

/* The syllable a token of real text would be with l for its i, when
 * the token has marks and is no syllable itself (iực for lực; not ii,
 * nor iốt of a lốt rarer than it); -1 when none. */
static int64_t l_twin(const builder *b, const char *tok)
{
    char fixed[64];
    size_t len = strlen(tok), slot;
    bool marked = false;
    for (size_t i = 0; i < len; i++)
        marked = marked || (tok[i] & 0x80);
    if (tok[0] != 'i' || !marked || len >= sizeof fixed || inventory_syllable(b, tok, len))
        return -1;
    memcpy(fixed, tok, len);
    fixed[0] = 'l';
    return inventory_syllable(b, fixed, len) ? sm_find(&b->tok, fixed, len, &slot) : -1;
}

/* The documents the counts come from were partly OCR'd, and print an l
 * as I (hiệu Iực): a token with the marks of a syllable spelt with l
 * whose syllable the counts hold L_TWIN_RATIO times as often is such a
 * misprint, and the n-grams with it go.  Kept, it would be a candidate
 * the decoder prefers to the syllable. */
#define L_TWIN_RATIO 20
static void drop_l_read_as_i(builder *b, size_t first)
{
    vt_ngrams *g = &b->counts;
    uint64_t *uni = vt_xcalloc(b->tok.n, sizeof *uni);
    bool *drop = vt_xcalloc(b->tok.n, sizeof *drop);
    for (size_t i = first; i < g->n; i++)
        if (g->a[i].order == 1)
            uni[g->a[i].id[0]] += g->a[i].count;
    for (size_t id = VT_TOK_FIRST; id < b->tok.n; id++) {
        int64_t twin = uni[id] ? l_twin(b, b->tok.str[id]) : -1;
        drop[id] = twin >= 0 && uni[twin] >= L_TWIN_RATIO * uni[id];
    }
    size_t kept = first;
    for (size_t i = first; i < g->n; i++) {
        bool out = false;
        for (uint8_t k = 0; k < g->a[i].order; k++)
            out = out || drop[g->a[i].id[k]];
        if (!out)
            g->a[kept++] = g->a[i];
    }
    g->n = kept;
    free(uni);
    free(drop);
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
        return -1;
    return piece_token(b, s, &pc[0]);
}

/* Counts of real text: its unigrams join the vocabulary as text does;
 * its bigrams and trigrams go to the language model beside the text's. */
static vt_status add_counts(builder *b, const char *path)
{
    size_t first = b->counts.n;
    vt_status st = vt_ngrams_read(path, counts_token, b, &b->counts, b->err);
    if (st == VT_OK)
        drop_l_read_as_i(b, first);
    for (size_t i = first; st == VT_OK && i < b->counts.n; i++) {
        const vt_ngram *g = &b->counts.a[i];
        if (g->order == 1 && g->id[0] >= VT_TOK_FIRST) {
            b->tok.count[g->id[0]] += g->count;
            b->generated[g->id[0]] |= 2;
        }
    }
    if (st == VT_OK)
        vt_train_note_source(&b->src, path, "counts");
    return st;
}

/* ------------------------------------------------ a model of names */

/* A person's name is a family name, middle names and a given name, and a
 * name the model never saw is mostly one of known parts in known places:
 * Đình is a usual middle name and Định a rare one, though quy định makes
 * định the likelier word.  The parts' frequencies of the real corpus
 * (lexicon/names-corpus.tsv, documents naming each) give, as independent
 * choices, how often a part follows another in a name: family then
 * middle, middle then given, family then given (a name of two
 * syllables).  Those bigrams join the counts; whole names do not, so the
 * model learns the parts' places rather than the persons it was shown. */
enum { NAME_FAMILY, NAME_MIDDLE, NAME_GIVEN, NAME_ROLES };
#define NAME_WEIGHT 4 /* the bigrams' counts per expected document */

typedef struct {
    builder *b;
    int role;                  /* the section read, or -1 for others */
    uint32_t *id[NAME_ROLES];  /* the parts of each role, and their counts */
    uint32_t *n[NAME_ROLES];
    size_t len[NAME_ROLES];
    uint64_t total[NAME_ROLES];
} name_parts;

static vt_status name_line(void *ctx, char *line, size_t len, size_t lineno)
{
    (void)lineno;
    name_parts *np = ctx;
    if (line[0] == '#') {
        static const char *const roles[NAME_ROLES] = {"# family", "# middle", "# given"};
        np->role = -1;
        for (int k = 0; k < NAME_ROLES; k++)
            if (strcmp(line, roles[k]) == 0)
                np->role = k;
        return VT_OK;
    }
    char *tab = memchr(line, '\t', len);
    unsigned long count = tab ? strtoul(tab + 1, NULL, 10) : 0;
    if (np->role < 0 || !tab || count == 0 || count > UINT32_MAX || memchr(line, ' ', len))
        return VT_OK;
    uint32_t id = slot_token(np->b, line, (size_t)(tab - line));
    if (id == VT_TOK_UNK || !((np->b->generated[id] & 1) || marked_syllable(np->b->tok.str[id])))
        return VT_OK;
    int k = np->role;
    np->id[k] = vt_xrealloc(np->id[k], (np->len[k] + 1) * sizeof *np->id[k]);
    np->n[k] = vt_xrealloc(np->n[k], (np->len[k] + 1) * sizeof *np->n[k]);
    np->id[k][np->len[k]] = id;
    np->n[k][np->len[k]++] = (uint32_t)count;
    np->total[k] += count;
    return VT_OK;
}

/* The bigrams of every part of role `a` followed by one of role `c`: the
 * documents expected to print the pair were the choices independent,
 * NAME_WEIGHT counts each.  A pair under half a count is left out: each
 * bigram is one more context the part follows, and given one for every
 * rare pair, parts that are also words (Bắc, Ngọc) took the mass of
 * words they were not (bench/leave-out.sh: subject 0.880 -> 0.872). */
static void name_pairs(builder *b, const name_parts *np, int a, int c)
{
    for (size_t i = 0; i < np->len[a]; i++)
        for (size_t j = 0; j < np->len[c]; j++) {
            double e = (double)np->n[a][i] * np->n[c][j] / (double)np->total[c];
            uint32_t count = (uint32_t)(NAME_WEIGHT * e + 0.5);
            if (count == 0)
                continue;
            vt_ngram g = {{np->id[a][i], np->id[c][j], 0}, count, 2, true};
            vt_grow((void **)&b->counts.a, &b->counts.cap, b->counts.n + 1, sizeof *b->counts.a);
            b->counts.a[b->counts.n++] = g;
        }
}

static vt_status add_names(builder *b, const char *path)
{
    name_parts np = {.b = b, .role = -1};
    vt_status st = vt_data_sections(path, true, name_line, &np, b->err);
    if (st == VT_OK) {
        for (int k = 0; k < NAME_ROLES; k++)
            for (size_t i = 0; i < np.len[k]; i++)
                b->generated[np.id[k][i]] |= 2;
        name_pairs(b, &np, NAME_FAMILY, NAME_MIDDLE);
        name_pairs(b, &np, NAME_MIDDLE, NAME_GIVEN);
        name_pairs(b, &np, NAME_FAMILY, NAME_GIVEN);
        if (np.len[NAME_FAMILY])
            vt_train_note_source(&b->src, path, "names");
    }
    for (int k = 0; k < NAME_ROLES; k++) {
        free(np.id[k]);
        free(np.n[k]);
    }
    return st;
}

typedef struct {
    builder *b;
    uint8_t weight;
    bool fields, isolated;
} text_file;

static vt_status add_line(void *ctx, char *line, size_t len, size_t lineno)
{
    (void)lineno;
    text_file *t = ctx;
    const char *p = line, *end = line + len;
    while (p < end) {
        const char *q = t->fields ? memchr(p, '\t', (size_t)(end - p)) : NULL;
        if (!q)
            q = end;
        add_sentence(t->b, p, (size_t)(q - p), t->weight, t->isolated);
        p = q + 1;
    }
    return VT_OK;
}

/* Read a text file: one sentence per line, or per TAB field (lexicons). */
static vt_status add_file(builder *b, const char *path, const char *label,
                          uint8_t w, bool fields, bool isolated)
{
    text_file t = {b, w, fields, isolated};
    vt_status st = vt_data_lines(path, false, add_line, &t, NULL, b->err);
    if (st == VT_OK)
        vt_train_note_source(&b->src, path, label);
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
        names = vt_xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = vt_xstrdup(e->d_name);
    }
    closedir(d);
    vt_train_note_source(&b->src, dir, NULL);
    /* An empty folder leaves names NULL, which qsort may not be given. */
    if (n)
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

static void words_add(words *ws, const char *s, size_t len)
{
    ws->w = vt_xrealloc(ws->w, (ws->n + 1) * sizeof *ws->w);
    ws->w[ws->n++] = vt_xstrndup(s, len);
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
    while (fgets(line, sizeof line, f)) {
        words *dst = strncmp(line, "onsets:", 7) == 0   ? &on
                     : strncmp(line, "rhymes:", 7) == 0 ? &rh
                     : strncmp(line, "stops:", 6) == 0  ? &stops
                                                        : NULL;
        if (!dst)
            continue;
        char *p = strchr(line, ':') + 1, *save = NULL;
        for (char *t = strtok_r(p, " \t\r\n", &save); t; t = strtok_r(NULL, " \t\r\n", &save))
            words_add(dst, strcmp(t, "-") ? t : "", strcmp(t, "-") ? strlen(t) : 0);
    }
    fclose(f);
    vt_train_note_source(&b->src, path, "syllables/phonotactics.txt");
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
                uint32_t id = intern_token(b, canon, strlen(canon)); /* may move generated */
                b->generated[id] |= 1;
            }
        }
    }
    words_free(&on);
    words_free(&rh);
    words_free(&stops);
    return VT_OK;
}

static vt_status assemble(builder *b, const vt_train_options *o)
{
    vt_status st = VT_OK;
    /* Vocabulary: the specials, then every generated syllable and every
     * token seen often enough, sorted by bytes. */
    uint32_t *map = vt_xmalloc((b->tok.n + 1) * sizeof *map);
    char **vocab = vt_xmalloc((b->tok.n + VT_TOK_FIRST) * sizeof *vocab);
    uint8_t *flags = vt_xcalloc(b->tok.n + VT_TOK_FIRST, 1);
    uint8_t *listed = vt_xcalloc(b->tok.n + VT_TOK_FIRST, 1);
    vt_buf file = {0}, pool = {0};
    vt_lm lm = {0};
    chan_index ci[VT_CHAN_COUNT];
    memset(ci, 0, sizeof ci);
    uint32_t *vstr = NULL, *vhash = NULL, n_trie = 0;
    vt_trie_node *trie = NULL;
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
        if (id >= VT_TOK_FIRST && !vt_cp_is_alpha(c))
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
    vt_lm_build(b->seq, b->weight, b->n_seq, b->counts.a, b->counts.n, listed, V, &lm);

    vstr = vt_xmalloc(V * sizeof *vstr);
    uint32_t vslots = 16;
    while (vslots < 2 * V)
        vslots *= 2;
    vhash = vt_xmalloc(vslots * sizeof *vhash);
    memset(vhash, 0xff, vslots * sizeof *vhash);
    for (uint32_t id = 0; id < V; id++) {
        vstr[id] = vt_train_pool_add(&pool, vocab[id]);
        uint32_t mask = vslots - 1, i = vt_hash_str(vocab[id], strlen(vocab[id])) & mask;
        while (vhash[i] != UINT32_MAX)
            i = (i + 1) & mask;
        vhash[i] = id;
    }
    trie = vt_train_trie(vocab, V, &n_trie);
    vt_train_trie_rest(trie, n_trie, lm.uni_p, flags);
    for (int c = 0; c < VT_CHAN_COUNT && st == VT_OK; c++)
        st = vt_train_channel(&b->src, o->dict_dir, c, vocab, flags, V, &pool, &ci[c], b->err);
    if (st != VT_OK)
        goto out;
    uint32_t *src_off = vt_xmalloc((b->src.n_sources + 1) * sizeof *src_off);
    for (size_t i = 0, at = 0; i < b->src.n_sources; i++) {
        const char *s = b->src.sources.data + at;
        src_off[i] = vt_train_pool_add(&pool, s);
        at += strlen(s) + 1;
    }

    parts p = {&pool, V, vslots, n_trie, vstr, vhash, src_off, (uint32_t)b->src.n_sources,
               flags, &lm, trie, ci};
    /* Laid out twice: the first model is searched for the known damage,
     * the second has it too. */
    vt_train_lay_out(&file, &p);
    st = vt_train_search_known(file.data, file.len, &pool, ci, b->err);
    if (st == VT_OK)
        vt_train_lay_out(&file, &p);
    free(src_off);
    if (st == VT_OK)
        st = vt_train_write(o->output, file.data, file.len, b->err);
out:
    for (int c = 0; c < VT_CHAN_COUNT; c++)
        vt_train_channel_free(&ci[c]);
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
    vt_text_init();
    if (!o->output)
        return vt_error_set(err, VT_EUSAGE, "restore model: no output file given");
    builder b = {0};
    b.err = err;
    vt_status st = VT_OK;
    uint8_t w = (uint8_t)(o->corpus_weight > 0 && o->corpus_weight < 256 ? o->corpus_weight : 1);
    for (int i = 0; i < VT_TOK_FIRST; i++)
        intern_token(&b, specials[i], strlen(specials[i]));
    char path[4096];
    if (o->dict_dir) {
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
        if (st == VT_OK) {
            snprintf(path, sizeof path, "%s/lexicon/names-corpus.tsv", o->dict_dir);
            st = add_names(&b, path);
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
        vt_buf_add(&d, o->output, strlen(o->output));
        vt_buf_add(&d, ":", 1);
        vt_buf_add(&d, b.src.deps.data ? b.src.deps.data : "", b.src.deps.len);
        vt_buf_add(&d, "\n", 1);
        st = vt_train_write(o->depfile, d.data, d.len, err);
        vt_buf_free(&d);
    }
    sm_free(&b.tok);
    free(b.generated);
    free(b.seq);
    free(b.weight);
    vt_ngrams_free(&b.counts);
    vt_buf_free(&b.src.deps);
    vt_buf_free(&b.src.sources);
    return st;
}

