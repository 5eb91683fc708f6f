/* channel.c — the OCR channel: how a true letter sequence comes out of an
 * OCR engine.  Rules are learned counts (the TSV files in dict/channel, made by
 * tools/channel by rendering, OCR-ing and aligning text), smoothed with
 * generic rules built from the letter tables (a letter keeps or loses its
 * marks).  From the rules, every vocabulary token gets its most likely
 * renderings, so that restoring is a lookup. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "train.h"

/* Lowercase; "<eps>" is the empty sequence. */
static bool lower_seq(const char *s, char *out, size_t cap, uint8_t *len)
{
    if (strcmp(s, "<eps>") == 0) {
        out[0] = 0;
        *len = 0;
        return true;
    }
    size_t n = vt_text_lower(s, strlen(s), out, cap);
    if (n == 0 && *s)
        return false;
    *len = (uint8_t)n;
    return true;
}

/* Counts are accumulated in `cost` until vt_channel_finish.  A side too
 * long to fold is no useful rule, and is left out. */
static void add_rule(vt_rule **arr, size_t *n, size_t *cap, const char *t,
                     const char *o, double count)
{
    vt_rule r = {0};
    if (!lower_seq(t, r.truth, sizeof r.truth, &r.tlen) ||
        !lower_seq(o, r.ocr, sizeof r.ocr, &r.olen))
        return;
    vt_grow((void **)arr, cap, *n + 1, sizeof **arr);
    r.cost = (float)count;
    (*arr)[(*n)++] = r;
}

enum { TSV_CHARS, TSV_WORDS, TSV_CONTEXT };

typedef struct {
    vt_channel *ch;
    const char *path;
    int kind;
    vt_error *err;
} tsv_file;

static vt_status load_line(void *ctx, char *line, size_t len, size_t no)
{
    (void)len;
    tsv_file *f = ctx;
    vt_channel *ch = f->ch;
    /* A context file has no OCR column: truth TAB occurrences. */
    char *t = line, *o = strchr(t, '\t'), *c = o ? strchr(o + 1, '\t') : NULL;
    if (f->kind == TSV_CONTEXT) {
        c = o;
        o = c && !strchr(c + 1, '\t') ? (char *)"" : NULL;
    }
    if (!c || !o)
        return vt_error_set(f->err, VT_EINPUT, "%s:%zu: expected %s", f->path, no,
                            f->kind == TSV_CONTEXT ? "truth TAB occurrences"
                                                   : "truth TAB ocr TAB count");
    if (f->kind != TSV_CONTEXT)
        *o++ = 0;
    *c++ = 0;
    char *end;
    double count = strtod(c, &end);
    if (end == c || count < 0)
        return vt_error_set(f->err, VT_EINPUT, "%s:%zu: bad count '%s'", f->path, no, c);
    if (f->kind == TSV_WORDS)
        add_rule(&ch->words, &ch->n_words, &ch->cap_words, t, o, count);
    else if (f->kind == TSV_CHARS)
        add_rule(&ch->rules, &ch->n_rules, &ch->cap_rules, t, o, count);
    else
        add_rule(&ch->occ, &ch->n_occ, &ch->cap_occ, t, o, count);
    return VT_OK;
}

/* A table that does not exist is an empty one. */
static vt_status load_tsv(vt_channel *ch, const char *path, int kind,
                          vt_error *err)
{
    tsv_file f = {ch, path, kind, err};
    bool opened;
    vt_status st = vt_data_lines(path, true, load_line, &f, &opened, err);
    if (st == VT_OK && opened) {
        ch->files = vt_xrealloc(ch->files, (ch->n_files + 1) * sizeof *ch->files);
        ch->files[ch->n_files++] = vt_xstrdup(path);
    }
    return st;
}

vt_status vt_channel_load_chars(vt_channel *ch, const char *path, vt_error *err)
{
    return load_tsv(ch, path, TSV_CHARS, err);
}

vt_status vt_channel_load_words(vt_channel *ch, const char *path, vt_error *err)
{
    return load_tsv(ch, path, TSV_WORDS, err);
}

vt_status vt_channel_load_context(vt_channel *ch, const char *path, vt_error *err)
{
    return load_tsv(ch, path, TSV_CONTEXT, err);
}

/* The letters of Vietnamese orthography without tone, and the consonants. */
static const char vowels[] = "aăâeêioôơuưy";
static const char consonants[] = "bcdđghklmnpqrstvxfjwz";

static void generic(vt_channel *ch, uint32_t c, uint32_t to, double count)
{
    char t[8], o[8];
    t[vt_utf8_enc(c, t)] = 0;
    o[vt_utf8_enc(to, o)] = 0;
    add_rule(&ch->rules, &ch->n_rules, &ch->cap_rules, t, o, count);
}

void vt_channel_add_generic(vt_channel *ch, bool marked)
{
    /* Pseudo-counts: about two observations per letter, so that learned
     * counts dominate wherever they exist. */
    const char *p = vowels;
    while (*p) {
        uint32_t v;
        p += vt_utf8_dec(p, strlen(p), &v);
        for (int t = 0; t < VT_TONE_COUNT; t++) {
            uint32_t c = vt_cp_with_tone(v, t), sk = vt_cp_skeleton(c);
            /* A plain letter comes through as itself either way. */
            generic(ch, c, c, marked || sk == c ? 2.0 : 0.1);
            if (sk != c)
                generic(ch, c, sk, marked ? 0.002 : 1.6);
            if (v != c && v != sk)
                generic(ch, c, v, marked ? 0.004 : 0.15);
            for (int u = 0; u < VT_TONE_COUNT; u++) {
                uint32_t d = vt_cp_with_tone(v, u);
                if (u != t && d != v)
                    generic(ch, c, d, marked ? 0.002 : 0.02);
            }
        }
    }
    for (p = consonants; *p;) {
        uint32_t c;
        p += vt_utf8_dec(p, strlen(p), &c);
        generic(ch, c, c, 2.0);
        if (vt_cp_skeleton(c) != c)
            generic(ch, c, vt_cp_skeleton(c), marked ? 0.01 : 1.0);
    }
}

static int rule_cmp(const void *a, const void *b)
{
    const vt_rule *x = a, *y = b;
    int c = strcmp(x->truth, y->truth);
    return c ? c : strcmp(x->ocr, y->ocr);
}

/* Sort and add up equal pairs (case variants are one pair once lowered). */
static void merge(vt_rule *r, size_t *n)
{
    if (*n == 0)
        return;
    qsort(r, *n, sizeof *r, rule_cmp);
    size_t k = 0;
    for (size_t i = 0; i < *n; i++) {
        if (k && rule_cmp(&r[k - 1], &r[i]) == 0)
            r[k - 1].cost += r[i].cost;
        else
            r[k++] = r[i];
    }
    *n = k;
}

/* cost = -ln(count / occurrences of the truth), where the occurrences are
 * the larger of the context file's and the truth's counts added up: a
 * several-letter truth is mostly aligned piecewise, so its own rows hold
 * a small part of where it occurred. */
static void finish(vt_rule *r, size_t *n, const vt_rule *occ, size_t n_occ)
{
    merge(r, n);
    size_t k = *n;
    for (size_t i = 0; i < k;) {
        size_t j = i;
        double total = 0;
        while (j < k && strcmp(r[j].truth, r[i].truth) == 0)
            total += r[j++].cost;
        size_t lo = 0, hi = n_occ;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (strcmp(occ[mid].truth, r[i].truth) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < n_occ && strcmp(occ[lo].truth, r[i].truth) == 0 && occ[lo].cost > total)
            total = occ[lo].cost;
        for (size_t x = i; x < j; x++)
            r[x].cost = (float)-log(r[x].cost / total);
        i = j;
    }
}

void vt_channel_finish(vt_channel *ch)
{
    merge(ch->occ, &ch->n_occ);
    finish(ch->rules, &ch->n_rules, ch->occ, ch->n_occ);
    finish(ch->words, &ch->n_words, NULL, 0);
}

void vt_channel_free(vt_channel *ch)
{
    free(ch->rules);
    free(ch->words);
    free(ch->occ);
    for (size_t i = 0; i < ch->n_files; i++)
        free(ch->files[i]);
    free(ch->files);
    memset(ch, 0, sizeof *ch);
}

/* Rules whose truth equals the first `len` bytes of s. */
static const vt_rule *rules_for(const vt_rule *r, size_t n, const char *s,
                                size_t len, size_t *count)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strncmp(r[mid].truth, s, len);
        if (c < 0 || (c == 0 && r[mid].tlen < len))
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t e = lo;
    while (e < n && r[e].tlen == len && strncmp(r[e].truth, s, len) == 0)
        e++;
    *count = e - lo;
    return r + lo;
}

/* Best-first search over segmentations of the word into rule truths. */
typedef struct state {
    float cost;
    uint16_t pos, olen;
    char out[64];
} state;

typedef struct heap {
    state *a;
    size_t n, cap;
} heap;

static void heap_push(heap *h, const state *s)
{
    if (h->n == h->cap)
        return; /* full: the search is bounded */
    size_t i = h->n++;
    while (i > 0 && h->a[(i - 1) / 2].cost > s->cost) {
        h->a[i] = h->a[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    h->a[i] = *s;
}

static state heap_pop(heap *h)
{
    state top = h->a[0], last = h->a[--h->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && h->a[c + 1].cost < h->a[c].cost)
            c++;
        if (h->a[c].cost >= last.cost)
            break;
        h->a[i] = h->a[c];
        i = c;
    }
    if (h->n)
        h->a[i] = last;
    return top;
}

static int render_cmp(const void *a, const void *b)
{
    const vt_render *x = a, *y = b;
    if (x->cost != y->cost)
        return x->cost < y->cost ? -1 : 1;
    return strcmp(x->text, y->text);
}

size_t vt_channel_render(const vt_channel *ch, const char *word, vt_render *out,
                         size_t cap, float beam)
{
    size_t wlen = strlen(word);
    /* Byte offsets of letter boundaries. */
    size_t offs[65], n = 0;
    for (size_t i = 0; i < wlen && n < 64;) {
        offs[n++] = i;
        uint32_t c;
        i += (size_t)vt_utf8_dec(word + i, wlen - i, &c);
    }
    offs[n] = wlen;
    static _Thread_local state pool[8192];
    heap h = {pool, 0, sizeof pool / sizeof *pool};
    state s0 = {0};
    heap_push(&h, &s0);
    size_t k = 0;
    float best = -1;
    while (h.n && k < cap) {
        state s = heap_pop(&h);
        if (best >= 0 && s.cost > best + beam)
            break;
        if (s.pos == n) {
            bool dup = false;
            for (size_t i = 0; i < k && !dup; i++)
                dup = strcmp(out[i].text, s.out) == 0;
            if (!dup) {
                memcpy(out[k].text, s.out, (size_t)s.olen + 1);
                out[k++].cost = s.cost;
                if (best < 0)
                    best = s.cost;
            }
            continue;
        }
        bool any = false;
        for (size_t L = 1; L <= 3 && s.pos + L <= n; L++) {
            size_t cnt;
            const vt_rule *r = rules_for(ch->rules, ch->n_rules, word + offs[s.pos],
                                         offs[s.pos + L] - offs[s.pos], &cnt);
            for (size_t i = 0; i < cnt; i++) {
                if ((size_t)s.olen + r[i].olen >= sizeof s.out)
                    continue;
                state t = s;
                memcpy(t.out + t.olen, r[i].ocr, r[i].olen);
                t.olen = (uint16_t)(t.olen + r[i].olen);
                t.out[t.olen] = 0;
                t.pos = (uint16_t)(s.pos + L);
                t.cost = s.cost + r[i].cost;
                heap_push(&h, &t);
                any = true;
            }
        }
        if (!any) {
            /* A letter no rule knows passes through unchanged. */
            size_t L = offs[s.pos + 1] - offs[s.pos];
            if ((size_t)s.olen + L < sizeof s.out) {
                memcpy(s.out + s.olen, word + offs[s.pos], L);
                s.olen = (uint16_t)(s.olen + L);
                s.out[s.olen] = 0;
                s.pos++;
                heap_push(&h, &s);
            }
        }
    }
    /* Whole-token observations of this word. */
    size_t cnt;
    const vt_rule *w = NULL;
    if (wlen < sizeof w->truth)
        w = rules_for(ch->words, ch->n_words, word, wlen, &cnt);
    for (size_t i = 0; w && i < cnt; i++) {
        size_t j = 0;
        while (j < k && strcmp(out[j].text, w[i].ocr) != 0)
            j++;
        if (j < k) {
            if (w[i].cost < out[j].cost)
                out[j].cost = w[i].cost;
        } else if (k < cap) {
            memcpy(out[k].text, w[i].ocr, (size_t)w[i].olen + 1);
            out[k++].cost = w[i].cost;
        }
    }
    qsort(out, k, sizeof *out, render_cmp);
    return k;
}
