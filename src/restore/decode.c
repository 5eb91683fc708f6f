/* decode.c — restore a paragraph: candidates per syllable slot from the
 * OCR channel, a beam search over the lattice with the trigram model, then
 * a posterior for every decision from its neighbourhood.
 *
 * Score of a path = sum of -ln P(token | two before) + channel cost
 * -ln P(what the page shows | token).  Candidates are pruned by channel
 * cost plus unigram cost, so tone variants that the channel cannot tell
 * apart all stay and the context decides. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "restore.h"

#define MAX_CANDS 24   /* candidates kept per slot */
#define MAX_CANDS_STRIPPED 16 /* ... when only the marks are missing */
#define CAND_BEAM 8.0f /* nats behind the best candidate */
/* ... behind the inverse search's best: on held-out OCR, 4 read the same
 * as 5 and 8, and spares the search a quarter of its time. */
#define SEARCH_BEAM 4.0f
/* ... and no further than this, in channel + unigram cost, renderings or
 * none: held-out OCR read the same with 20 and 18 nats (17 lost 0.01 to
 * 0.02 points, 16 lost 0.13), and the searches for glued words and table
 * debris, which find nothing, stop early instead of after every pop
 * allowed. */
#define SEARCH_CEILING 18.0f
#define BEAM 10        /* hypotheses kept per position */
#define HYP_BEAM 8.0f  /* ... and at most this many nats behind the best */
#define MAX_PIECES 64  /* pieces per word */
#define KEEP_COST_OCR 7.0f /* -ln P(an unknown word came through intact) */
/* ... when it shows a marked letter, or is a code part a known code
 * usually renders as (BCDTW for BCĐTW): the model's unknown token stands
 * for all rare words, so its probability overrates any one of them. */
#define KEEP_COST_OCR_DAMAGED 14.0f
#define VIE_MIN_POSTERIOR 0.95 /* to change a word in text with its marks */
#define CHANNEL_WEIGHT 1.0f /* channel against language model */
#define SURE_RENDERING 1.0f /* nats: a rendering this likely needs no search */
#define LOOKALIKE_COST 2.0f /* a digit in a code read as the letter it resembles */
#define LOOKALIKE_POST 48 /* postings such readings add to a slot */
/* A slash read as a letter (split_slash): the reading seen more than once
 * in the channel's training, the abbreviation in use (ln P(y | x /)), no
 * syllable the channel makes the word of more cheaply. */
#define SLASH_READ_COST 6.5f
#define SLASH_LEAST_LP (-1.0f)
#define SLASH_SYLLABLE 2.0f
/* Weight of the document's own bigrams against the model's, as
 * lambda / (1 - lambda) of a linear interpolation with lambda = 0.1. */
#define RECALL_WEIGHT 0.11f

typedef struct cand {
    uint32_t id;
    float cost;
} cand;

/* One position of the lattice: a slot with candidates, or a fixed token.
 * Small: a document's are kept for the second pass. */
typedef struct pos {
    uint32_t first;  /* candidates in r->cands */
    uint32_t word;
    uint8_t piece;   /* of the word's */
    uint8_t n;       /* candidates */
    uint8_t chosen;  /* index into its candidates */
    int8_t keep;     /* index of the as-written candidate, -1 if none */
    bool slot;
} pos;
_Static_assert(MAX_CANDS < INT8_MAX && MAX_PIECES <= UINT8_MAX + 1, "pos fields fit");

#define CACHE_SLOTS 2048
#define FIXED_SLOTS 64
#define CACHE_KEY 40

typedef struct centry {
    uint32_t hash;
    bool used;
    uint8_t chan, n;
    char key[CACHE_KEY];
    vt_posting p[VT_SEARCH_RESULTS];
} centry;

/* Candidates of a slot as add_slot made them, remembered per written form
 * (with the code flag): documents repeat their words, and the channel
 * lookups, searches and ranking need doing once per form. */
typedef struct sentry {
    uint32_t hash, key, klen; /* key bytes in slots_keys */
    uint32_t first, n;        /* candidates in r->cands */
    int32_t keep;
} sentry;

#define SLOT_CACHE_MAX (1u << 16) /* forms remembered; then start afresh */

/* Where make_slot put a token among the slot's candidates, valid while
 * its stamp is the slot's. */
typedef struct cand_mark {
    uint32_t stamp, at;
} cand_mark;

typedef struct hyp {
    uint32_t p2, p1; /* token ids */
    float score;
    int32_t back;    /* hypothesis index at the previous position */
    uint32_t ci;     /* candidate index at this position */
} hyp;

struct vt_restorer {
    const vt_restore_model *m;
    vt_restore_style style_opt;
    double review_below;
    int chan;      /* channel of the document */
    bool stripped; /* marks removed cleanly (no OCR damage) */
    int style;     /* tone placement of the output */
    uint32_t ctx[2]; /* last tokens decoded, when the text runs on */
    pos *pos;
    size_t n_pos, cap_pos;
    /* Every candidate list made (the slots' of every form remembered, the
     * fixed tokens'): positions point into it, so a lattice is kept or
     * narrowed without copying any.  Emptied only between documents. */
    cand *cands;
    size_t n_cands, cap_cands;
    uint32_t fixed[FIXED_SLOTS]; /* a fixed token's list, by id; + 1, 0 for none */
    hyp *hyps; /* BEAM per position */
    size_t cap_hyps;
    centry cache[CACHE_SLOTS];
    centry spare;
    vt_invert *inv;
    sentry *slots;          /* open addressing, empty when klen == 0 */
    uint32_t slots_cap, slots_n;
    vt_buf slots_keys;
    int slots_mode;         /* the document mode they were made in */
    vt_piece *pieces; /* the line's, word w's from pstart[w] */
    size_t *pstart, *wpos; /* per word: first piece, first position */
    size_t cap_pieces, cap_pstart, cap_wpos;
    /* The first pass's lattices, for the second: positions, and per word
     * of each group its first position (and one past the last). */
    pos *kept_pos;
    size_t *kept_wpos;
    size_t n_kept_pos, n_kept_wpos, cap_kept_pos, cap_kept_wpos;
    /* The document's bigrams as the first pass decoded them (a cache
     * language model): count of (b, c) under vt_key2(b, c), open
     * addressing, key 0 is empty; per token, the pairs it starts and the
     * pairs it ends (most candidates are in none). */
    uint64_t *pair_keys;
    uint32_t *pair_counts;
    uint32_t pair_cap, pair_n;
    uint32_t *pair_after, *pair_before;
    bool recall;            /* the second pass: consult the pairs */
    const uint32_t *before; /* the first pass's tokens of this paragraph */
    size_t n_before;
    bool redone;            /* the second pass decoded it again */
    bool *open;             /* ... these positions of it */
    size_t cap_open;
    cand_mark *marks;       /* per token, for make_slot */
    uint32_t stamp;
    /* Letters English-model OCR writes for a slash (split_slash). */
    uint32_t slash_reads[4];
    size_t n_slash_reads;
};

vt_restorer *vt_restorer_new(const vt_restore_model *m, vt_restore_style style,
                             double review_below)
{
    vt_text_init();
    vt_restorer *r = calloc(1, sizeof *r);
    if (!r || !(r->inv = vt_invert_new())) {
        free(r);
        return NULL;
    }
    r->m = m;
    r->style_opt = style;
    r->review_below = review_below;
    r->chan = VT_CHAN_VIE;
    r->style = style == VT_RESTORE_STYLE_REFORMED ? VT_STYLE_REFORMED
                                                  : VT_STYLE_TRADITIONAL;
    r->ctx[0] = r->ctx[1] = VT_TOK_BOS;
    /* From the channel's rules whose truth is a slash: one letter, read
     * more than once in its training (split_slash). */
    const vt_model_rule *rule = m->rules[VT_CHAN_ENG];
    for (uint32_t i = 0; i < m->h->n_rules[VT_CHAN_ENG] && r->n_slash_reads < 4; i++) {
        const char *o = m->strings + rule[i].ocr;
        uint32_t cp;
        if (strcmp(m->strings + rule[i].truth, "/") == 0 && rule[i].cost <= SLASH_READ_COST &&
            *o && vt_utf8_dec(o, strlen(o), &cp) == (int)strlen(o) && vt_cp_is_alpha(cp))
            r->slash_reads[r->n_slash_reads++] = cp;
    }
    return r;
}

void vt_restorer_free(vt_restorer *r)
{
    if (!r)
        return;
    free(r->pos);
    free(r->pieces);
    free(r->pstart);
    free(r->wpos);
    free(r->kept_pos);
    free(r->kept_wpos);
    free(r->cands);
    free(r->hyps);
    vt_invert_free(r->inv);
    free(r->slots);
    vt_buf_free(&r->slots_keys);
    free(r->pair_keys);
    free(r->pair_counts);
    free(r->pair_after);
    free(r->pair_before);
    free(r->open);
    free(r->marks);
    free(r);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

void vt_restorer_begin(vt_restorer *r, const char *text, size_t len)
{
    size_t slots = 0, marked = 0, trad = 0, reformed = 0, junk = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && is_space(text[i]))
            i++;
        size_t s = i;
        while (i < len && !is_space(text[i]))
            i++;
        if (i == s)
            continue;
        vt_piece pc[MAX_PIECES];
        size_t np = vt_word_pieces(text + s, i - s, pc, MAX_PIECES);
        for (size_t k = 0; k < np; k++) {
            if (pc[k].kind != VT_PIECE_SLOT)
                continue;
            const char *w = text + s + pc[k].off;
            bool letters = false, mark = false, other = false;
            for (size_t j = 0; j < pc[k].len;) {
                uint32_t c;
                j += (size_t)vt_utf8_dec(w + j, pc[k].len - j, &c);
                if (vt_cp_is_alpha(c)) {
                    letters = true;
                    mark = mark || vt_cp_skeleton(c) != c;
                } else {
                    other = true;
                }
            }
            slots += letters;
            marked += mark;
            junk += letters && other;
            /* A vote for a style: a syllable some training text used,
             * with its mark where only one of the styles puts it (not a
             * misread word: moé for mới). */
            char f[128], canon[128];
            int st = mark && pc[k].len < 32 && vt_text_lower(w, pc[k].len, f, sizeof f)
                         ? vt_syllable_style(f)
                         : 0;
            uint32_t id = st && vt_syllable_canon(f, VT_STYLE_TRADITIONAL, canon, sizeof canon)
                              ? vt_model_id(r->m, canon, strlen(canon))
                              : VT_TOK_UNK;
            if (id != VT_TOK_UNK && r->m->uni_p[id] > r->m->syllable_least) {
                trad += st == 1;
                reformed += st == 2;
            }
        }
    }
    /* Text that keeps its marks on most syllables is correct or read by a
     * Vietnamese OCR model; text without them lost them. */
    r->chan = slots && marked * 10 >= slots * 3 ? VT_CHAN_VIE : VT_CHAN_ENG;
    /* No mark anywhere and no letter turned into a digit or symbol: the
     * marks were stripped, not misread.  Then a word keeps its letters. */
    r->stripped = r->chan == VT_CHAN_ENG && marked * 500 <= slots && junk * 100 <= slots;
    if (r->style_opt == VT_RESTORE_STYLE_AUTO)
        r->style = reformed > trad ? VT_STYLE_REFORMED : VT_STYLE_TRADITIONAL;
    r->ctx[0] = r->ctx[1] = VT_TOK_BOS;
}

static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->cost != y->cost)
        return x->cost < y->cost ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Lookup key of a slot: lowercase, and for syllables the canonical tone
 * placement the model uses. */
static size_t slot_key(const char *s, size_t len, char *key, size_t cap)
{
    char fold[256];
    size_t n = vt_text_lower(s, len, fold, sizeof fold);
    if (n == 0 || n >= cap)
        return 0;
    if (vt_syllable_canon(fold, VT_STYLE_TRADITIONAL, key, cap))
        return strlen(key);
    memcpy(key, fold, n + 1);
    return n;
}

/* Starts with two capitals: an abbreviation or code (UBND, SGDĐT, TTg)
 * or a word in an all-capitals heading. */
static bool caps_shaped(const char *s, size_t len)
{
    size_t upper = 0, i = 0;
    while (i < len && upper < 2) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        if (!vt_cp_is_upper(c))
            return false;
        upper++;
    }
    return upper == 2;
}

/* Shaped as a code part: no small letter (capitals, and digits or signs
 * OCR put for them: 0D), or two characters starting with a capital, the
 * second a capital OCR read small (Qb for QĐ). */
static bool short_caps(const char *s, size_t len)
{
    size_t n = 0;
    bool small = false, first = false;
    for (size_t i = 0; i < len; n++) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        if (n == 0)
            first = vt_cp_is_upper(c) || (c >= '0' && c <= '9');
        small = small || (vt_cp_is_alpha(c) && !vt_cp_is_upper(c));
    }
    return !small || (n == 2 && first);
}

static bool has_vowel(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        uint32_t k = vt_cp_skeleton(vt_cp_to_lower(c));
        if (c != 0x110 && c != 0x111 && (k == 'a' || k == 'e' || k == 'i' || k == 'o' ||
                                         k == 'u' || k == 'y'))
            return true;
    }
    return false;
}

/* Letters of s in capitals and in small letters. */
static void letter_cases(const char *s, size_t len, size_t *upper, size_t *lower)
{
    *upper = *lower = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        if (vt_cp_is_alpha(c))
            ++*(vt_cp_is_upper(c) ? upper : lower);
    }
}

static size_t n_letters(const char *s, size_t len)
{
    size_t upper, lower;
    letter_cases(s, len, &upper, &lower);
    return upper + lower;
}

/* Spelled as no Vietnamese word or abbreviation is: Q without U (a
 * misread O: CQNG), J inside a word (a misread I with its mark: DJNH). */
static bool misread_shape(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = (char)(s[i] | 0x20);
        if ((c == 'q' && (i + 1 == len || (s[i + 1] | 0x20) != 'u')) || (c == 'j' && i > 0))
            return true;
    }
    return false;
}

/* Has a letter beyond ASCII: English-model OCR writes these for marked
 * Vietnamese letters, so a word it does not know with one in it
 * (céac) is damaged rather than foreign. */
static bool marked(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        if (c > 0x7f && vt_cp_is_alpha(c))
            return true;
    }
    return false;
}

static bool all_letters(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        if (!vt_cp_is_alpha(c))
            return false;
    }
    return true;
}

/* Does `word` lose its marks to exactly `plain`? */
static bool same_skeleton(const char *word, const char *plain)
{
    size_t wl = strlen(word), pl = strlen(plain), j = 0;
    for (size_t i = 0; i < wl;) {
        uint32_t c, d;
        i += (size_t)vt_utf8_dec(word + i, wl - i, &c);
        if (j >= pl)
            return false;
        j += (size_t)vt_utf8_dec(plain + j, pl - j, &d);
        if (vt_cp_skeleton(c) != d)
            return false;
    }
    return j == pl;
}

/* Inverse channel search, remembered per token: documents repeat their
 * damaged words. */
static size_t invert_cached(vt_restorer *r, const char *key, size_t klen, float bound,
                            const vt_posting **out)
{
    uint32_t h = vt_hash_str(key, klen) ^ (uint32_t)r->chan;
    centry *e = &r->cache[h & (CACHE_SLOTS - 1)];
    if (klen < CACHE_KEY) {
        if (e->used && e->hash == h && e->chan == r->chan &&
            memcmp(e->key, key, klen) == 0 && e->key[klen] == 0) {
            *out = e->p;
            return e->n;
        }
        e->used = true;
        e->hash = h;
        e->chan = (uint8_t)r->chan;
        memcpy(e->key, key, klen);
        e->key[klen] = 0;
    } else {
        e = &r->spare;
    }
    e->n = (uint8_t)vt_model_invert(r->inv, r->m, r->chan, key, klen, e->p,
                                    VT_SEARCH_RESULTS, SEARCH_BEAM, bound);
    *out = e->p;
    return e->n;
}

/* Letters OCR reads as digits inside codes (146/0D-TTg for QĐ): a code
 * part with digits in it is looked up with them read as these letters,
 * each reading costing LOOKALIKE_COST. */
static const char *lookalike(char d)
{
    switch (d) {
    case '0': return "oqd";
    case '1': return "il";
    case '5': return "s";
    case '6': return "gb";
    case '8': return "b";
    default: return NULL;
    }
}

/* Candidates for a code part with digits in it, read as the letters
 * they resemble (at most two digits): renderings of each reading, and
 * what the inverse search finds for it when the part is no known token. */
static uint32_t lookalike_postings(vt_restorer *r, const char *key, size_t klen,
                                   bool search, vt_posting *out)
{
    size_t at[2], nd = 0;
    for (size_t i = 0; i < klen; i++) {
        if (key[i] >= '0' && key[i] <= '9') {
            if (nd == 2 || !lookalike(key[i]))
                return 0;
            at[nd++] = i;
        }
    }
    if (nd == 0 || klen >= 64)
        return 0;
    char v[64];
    memcpy(v, key, klen);
    v[klen] = 0;
    const char *a = lookalike(key[at[0]]), *b = nd == 2 ? lookalike(key[at[1]]) : "-";
    uint32_t k = 0;
    for (const char *x = a; *x; x++) {
        for (const char *y = b; *y; y++) {
            v[at[0]] = *x;
            if (nd == 2)
                v[at[1]] = *y;
            uint32_t n = 0, ni = 0;
            const vt_posting *ps = vt_model_render(r->m, r->chan, v, klen, &n), *pi = NULL;
            if (search)
                ni = (uint32_t)invert_cached(r, v, klen, INFINITY, &pi);
            for (uint32_t i = 0; i < n + ni && k < LOOKALIKE_POST; i++) {
                const vt_posting *q = i < n ? &ps[i] : &pi[i - n];
                out[k++] = (vt_posting){q->id, q->cost + (float)nd * LOOKALIKE_COST};
            }
        }
    }
    return k;
}

/* What a slot may be: a word, a code part (only codes), or a number
 * standing alone between words, which OCR may have made of a word's
 * letters (1 for là, 10 for lộ). */
enum slot_kind { SLOT_WORD, SLOT_CODE, SLOT_DIGITS };

/* Renderings are what the page shows, looked up as written (folded):
 * the tone mark where OCR put it (tué renders tuệ; its canonical spelling
 * túe is another string).  Text in the other tone style is looked up by
 * its canonical spelling, `key`. */
static const vt_posting *slot_renderings(const vt_restore_model *m, int ch, const char *fold,
                                         size_t flen, const char *key, size_t klen,
                                         uint32_t *n)
{
    const vt_posting *ps = flen ? vt_model_render(m, ch, fold, flen, n) : NULL;
    return ps || !klen ? ps : vt_model_render(m, ch, key, klen, n);
}

/* What bounds the inverse search of a slot with renderings ps: what the
 * search finds beyond the beam of the renderings' best syllable is cut
 * anyway (the bound holds whatever the word's case, so the result can be
 * shared), and so is what lies past SEARCH_CEILING.  NAN when a rendering
 * of a syllable is a usual one: the renderings hold what the search would
 * find. */
static float search_bound(const vt_restore_model *m, const vt_posting *ps, uint32_t n)
{
    float best = INFINITY, sure = INFINITY;
    for (uint32_t i = 0; i < n; i++)
        if (m->vocab_flags[ps[i].id] & VT_VOC_SYLLABLE) {
            best = vt_minf(best, CHANNEL_WEIGHT * ps[i].cost - m->uni_p[ps[i].id]);
            sure = vt_minf(sure, ps[i].cost);
        }
    return sure > SURE_RENDERING ? vt_minf(best + CAND_BEAM, SEARCH_CEILING) : NAN;
}

bool vt_slot_search(vt_invert *s, const vt_restore_model *m, int ch, const char *fold,
                    size_t flen, vt_posting *out, size_t *n)
{
    char key[256];
    size_t klen = slot_key(fold, flen, key, sizeof key);
    uint32_t nr = 0;
    float bound = search_bound(m, slot_renderings(m, ch, fold, flen, key, klen, &nr), nr);
    if (!klen || isnan(bound))
        return false;
    *n = vt_model_invert(s, m, ch, fold, flen, out, VT_SEARCH_RESULTS, SEARCH_BEAM, bound);
    return true;
}

static bool make_slot(vt_restorer *r, pos *p, const char *s, size_t len, int kind)
{
    bool code = kind == SLOT_CODE;
    const vt_restore_model *m = r->m;
    char key[256], fold[256];
    size_t klen = slot_key(s, len, key, sizeof key);
    size_t flen = klen ? vt_text_lower(s, len, fold, sizeof fold) : 0;
    uint32_t n = 0, ni = 0;
    const vt_posting *ps = slot_renderings(m, r->chan, fold, flen, key, klen, &n);
    uint32_t self = klen ? vt_model_id(m, key, klen) : VT_TOK_UNK;
    bool caps = caps_shaped(s, len);
    /* Capitals without a vowel are abbreviations (STT, HĐND, TP), unless
     * misread_shape, or two the model does not know: what OCR makes of a
     * capital and a small letter with marks (BG for Bộ, SG for Sở), a
     * syllable then, or itself. */
    bool vowel_lost = caps && !has_vowel(s, len) && self == VT_TOK_UNK && n_letters(s, len) == 2;
    code = code || (caps && !has_vowel(s, len) && !misread_shape(s, len) && !vowel_lost);
    /* Tokens that are no syllable are searched for what they hide, unless
     * they are codes written as such: a generic edit would turn one real
     * code into another (SDT -> SYT). */
    const vt_posting *pi = NULL;
    if (klen && !code && r->chan == VT_CHAN_ENG && !r->stripped &&
        (self == VT_TOK_UNK || (!(m->vocab_flags[self] & VT_VOC_SYLLABLE) && !caps))) {
        float bound = search_bound(m, ps, n);
        /* Damage the channel's training saw was searched when the model
         * was built. */
        if (!isnan(bound) && flen &&
            !(pi = vt_model_lookup(m, r->chan, VT_TAB_KNOWN, fold, flen, &ni)))
            ni = (uint32_t)invert_cached(r, fold, flen, bound, &pi);
    }
    vt_posting pv[LOOKALIKE_POST];
    uint32_t nv = code ? lookalike_postings(r, key, klen, self == VT_TOK_UNK, pv) : 0;
    if (!vt_grow((void **)&r->cands, &r->cap_cands, r->n_cands + n + ni + nv + 1,
              sizeof *r->cands))
        return false;
    if (!r->marks && !(r->marks = calloc(m->h->n_vocab, sizeof *r->marks)))
        return false;
    if (++r->stamp == 0) {
        memset(r->marks, 0, m->h->n_vocab * sizeof *r->marks);
        r->stamp = 1;
    }
    p->first = (uint32_t)r->n_cands;
    p->slot = true;
    p->keep = -1;
    cand *c = r->cands + r->n_cands;
    size_t k = 0;
    for (uint32_t i = 0; i < n + ni + nv; i++) {
        const vt_posting *x = i < n ? &ps[i] : i < n + ni ? &pi[i - n] : &pv[i - n - ni];
        /* A code becomes another code (SGDDT -> SGDĐT, d/c -> đ/c), never
         * a syllable; a repair into something that is no syllable only
         * makes sense for codes and words in capitals. */
        bool syl = m->vocab_flags[x->id] & VT_VOC_SYLLABLE;
        if (x->id != self && (code ? syl : !syl && (!caps || vowel_lost)))
            continue;
        float cost = CHANNEL_WEIGHT * x->cost;
        if (r->stripped) {
            /* Every token with these letters is equally likely to have
             * lost its marks this way; others could not have. */
            if (!same_skeleton(vt_model_str(m, x->id), key))
                continue;
            cost = 0;
        }
        /* A token the sources name twice keeps its cheaper cost. */
        cand_mark *at = &r->marks[x->id];
        if (at->stamp != r->stamp) {
            *at = (cand_mark){r->stamp, (uint32_t)k};
            c[k++] = (cand){x->id, cost};
        } else if (cost < c[at->at].cost) {
            c[at->at].cost = cost;
        }
    }
    /* Rank by channel + unigram; keep the best MAX_CANDS within the beam
     * (sorted after the beam's cut: most fall outside it). */
    float least = INFINITY;
    for (size_t i = 0; i < k; i++)
        least = vt_minf(least, c[i].cost -= m->uni_p[c[i].id]);
    size_t kept = 0, most = r->stripped ? MAX_CANDS_STRIPPED : MAX_CANDS;
    for (size_t i = 0; i < k; i++)
        if (c[i].cost <= least + CAND_BEAM)
            c[kept++] = c[i];
    /* Most slots keep a few: sorted in place (cand_cmp is a total order,
     * so either way sorts the same). */
    if (kept <= 32) {
        for (size_t i = 1; i < kept; i++) {
            cand x = c[i];
            size_t j = i;
            for (; j > 0 && cand_cmp(&x, &c[j - 1]) < 0; j--)
                c[j] = c[j - 1];
            c[j] = x;
        }
    } else {
        qsort(c, kept, sizeof *c, cand_cmp);
    }
    k = kept < most ? kept : most;
    for (size_t i = 0; i < k; i++)
        c[i].cost += m->uni_p[c[i].id];
    for (size_t i = 0; i < k; i++)
        if (c[i].id == self && self != VT_TOK_UNK)
            p->keep = (int8_t)i;
    bool ocr = r->chan == VT_CHAN_ENG && !r->stripped;
    if (kind == SLOT_DIGITS) {
        /* The number as written; the channel and the model weigh it
         * against the words (measured: an extra cost on the words only
         * lost accuracy on held-out OCR). */
        if (k == MAX_CANDS)
            k--;
        c[k] = (cand){VT_TOK_NUM, 0};
        p->keep = (int8_t)k++;
    } else if (self == VT_TOK_UNK && (k == 0 || (!r->stripped && !(ocr && !all_letters(s, len))))) {
        /* A word the model does not know (a name, a code, a foreign word)
         * may well be right as written.  Text that kept its marks is
         * trusted; English-model OCR rarely leaves such words intact and
         * never writes digits inside a real one; in stripped text a word
         * that could carry marks surely lost them. */
        float near = INFINITY; /* the closest known rendering */
        for (size_t i = 0; i < k; i++)
            near = vt_minf(near, c[i].cost);
        c[k] = (cand){VT_TOK_UNK, !ocr ? 0
                                  : (code && near <= SURE_RENDERING) || marked(s, len)
                                      ? KEEP_COST_OCR_DAMAGED
                                      : KEEP_COST_OCR};
        p->keep = (int8_t)k++;
    } else if (p->keep < 0 && self != VT_TOK_UNK) {
        /* Known, but no rendering of it reached this far: as written. */
        if (k == MAX_CANDS)
            k--;
        c[k] = (cand){self, 0};
        p->keep = (int8_t)k++;
    }
    p->n = (uint8_t)k;
    r->n_cands += k;
    return true;
}

/* Forget the forms remembered when the document mode changed or there
 * are too many: only where no lattice points into r->cands. */
static void slot_cache_trim(vt_restorer *r)
{
    int mode = r->chan * 2 + r->stripped;
    if (mode == r->slots_mode && r->slots_n < SLOT_CACHE_MAX &&
        r->n_cands < SLOT_CACHE_MAX * MAX_CANDS)
        return;
    if (r->slots)
        memset(r->slots, 0, r->slots_cap * sizeof *r->slots);
    r->slots_n = 0;
    r->slots_keys.len = 0;
    r->n_cands = 0;
    memset(r->fixed, 0, sizeof r->fixed);
    r->slots_mode = mode;
}

/* The entry for a form, or the empty one where it goes. */
static sentry *slot_find(vt_restorer *r, const char *s, size_t len, uint32_t h)
{
    uint32_t mask = r->slots_cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        sentry *e = &r->slots[i];
        if (e->klen == 0 || (e->hash == h && e->klen == len &&
                             memcmp(r->slots_keys.data + e->key, s, len) == 0))
            return e;
    }
}

static bool slot_grow(vt_restorer *r)
{
    if (r->slots && 2 * (r->slots_n + 1) <= r->slots_cap)
        return true;
    uint32_t cap = r->slots_cap ? 2 * r->slots_cap : 1024;
    sentry *old = r->slots, *n = calloc(cap, sizeof *n);
    if (!n)
        return false;
    uint32_t old_cap = r->slots_cap;
    r->slots = n;
    r->slots_cap = cap;
    for (uint32_t i = 0; i < old_cap; i++)
        if (old[i].klen)
            *slot_find(r, r->slots_keys.data + old[i].key, old[i].klen, old[i].hash) = old[i];
    free(old);
    return true;
}

static bool add_slot(vt_restorer *r, pos *p, const char *s, size_t len, int kind)
{
    /* The kind is part of the key: a byte no text has. */
    char key[256];
    if (len + 1 > sizeof key || !slot_grow(r))
        return make_slot(r, p, s, len, kind);
    memcpy(key, s, len);
    key[len] = (char)(kind + 1);
    uint32_t h = vt_hash_str(key, len + 1);
    sentry *e = slot_find(r, key, len + 1, h);
    if (e->klen) {
        *p = (pos){.word = p->word, .piece = p->piece, .first = e->first, .n = (uint8_t)e->n,
                   .slot = true, .keep = (int8_t)e->keep};
        return true;
    }
    if (!make_slot(r, p, s, len, kind))
        return false;
    uint32_t at = (uint32_t)r->slots_keys.len;
    if (vt_buf_add(&r->slots_keys, key, len + 1)) {
        *e = (sentry){h, at, (uint32_t)len + 1, p->first, p->n, p->keep};
        r->slots_n++;
    } /* else not remembered; the slot itself is fine */
    return true;
}

static bool add_fixed(vt_restorer *r, pos *p, uint32_t id)
{
    uint32_t *at = &r->fixed[id % FIXED_SLOTS];
    if (!*at || r->cands[*at - 1].id != id) {
        if (!vt_grow((void **)&r->cands, &r->cap_cands, r->n_cands + 1, sizeof *r->cands))
            return false;
        r->cands[r->n_cands++] = (cand){id, 0};
        *at = (uint32_t)r->n_cands;
    }
    p->first = *at - 1;
    p->n = 1;
    p->slot = false;
    p->keep = 0;
    return true;
}

/* ------------------------------------------------ the document's pairs */

static uint32_t *pair_at(const vt_restorer *r, uint64_t key)
{
    uint32_t mask = r->pair_cap - 1;
    for (uint32_t i = (uint32_t)vt_hash_u64(key) & mask;; i = (i + 1) & mask)
        if (r->pair_keys[i] == key || r->pair_keys[i] == 0)
            return &r->pair_counts[i];
}

static uint32_t pair_count(const vt_restorer *r, uint32_t b, uint32_t c)
{
    if (!r->pair_n)
        return 0;
    uint32_t *n = pair_at(r, vt_key2(b, c));
    return r->pair_keys[n - r->pair_counts] ? *n : 0;
}

static bool pair_grow(vt_restorer *r)
{
    if (r->pair_cap && 2 * (r->pair_n + 2) <= r->pair_cap)
        return true;
    uint32_t old_cap = r->pair_cap, cap = old_cap ? 2 * old_cap : 4096;
    uint64_t *old_keys = r->pair_keys, *keys = calloc(cap, sizeof *keys);
    uint32_t *old_counts = r->pair_counts, *counts = calloc(cap, sizeof *counts);
    if (!keys || !counts) {
        free(keys);
        free(counts);
        return false;
    }
    r->pair_keys = keys;
    r->pair_counts = counts;
    r->pair_cap = cap;
    for (uint32_t i = 0; i < old_cap; i++)
        if (old_keys[i]) {
            uint32_t *n = pair_at(r, old_keys[i]);
            r->pair_keys[n - r->pair_counts] = old_keys[i];
            *n = old_counts[i];
        }
    free(old_keys);
    free(old_counts);
    return true;
}

static bool pair_add(vt_restorer *r, uint32_t b, uint32_t c, int delta)
{
    if (!pair_grow(r))
        return false;
    if (!r->pair_after) {
        r->pair_after = calloc(r->m->h->n_vocab, sizeof *r->pair_after);
        r->pair_before = calloc(r->m->h->n_vocab, sizeof *r->pair_before);
        if (!r->pair_after || !r->pair_before) {
            free(r->pair_after);
            free(r->pair_before);
            r->pair_after = r->pair_before = NULL;
            return false;
        }
    }
    uint64_t key = vt_key2(b, c);
    uint32_t *n = pair_at(r, key);
    if (!r->pair_keys[n - r->pair_counts]) {
        r->pair_keys[n - r->pair_counts] = key;
        r->pair_n++;
    }
    *n = (uint32_t)((int64_t)*n + delta);
    r->pair_after[b] = (uint32_t)((int64_t)r->pair_after[b] + delta);
    r->pair_before[c] = (uint32_t)((int64_t)r->pair_before[c] + delta);
    return true;
}

/* Words worth remembering: no punctuation, number or unknown word. */
static bool pair_token(const vt_restorer *r, uint32_t id)
{
    return id >= VT_TOK_FIRST && !(r->m->vocab_flags[id] & VT_VOC_PUNCT);
}

/* Count (delta 1) or forget (-1) the adjacent pairs of n tokens. */
static bool pairs_note(vt_restorer *r, const uint32_t *ids, size_t n, int delta)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (pair_token(r, ids[i]) && pair_token(r, ids[i + 1]) &&
            !pair_add(r, ids[i], ids[i + 1], delta))
            return false;
    return true;
}

/* How strongly the document pairs b and c: the lesser of its P(c | b)
 * and P(b | c), so that a word read once, wrongly, before c does not take
 * c's pairs for itself. */
static float pair_assoc(const vt_restorer *r, uint32_t b, uint32_t c)
{
    if (!r->pair_after || !pair_token(r, b) || !pair_token(r, c) || !r->pair_after[b] ||
        !r->pair_before[c])
        return 0;
    uint32_t n = pair_count(r, b, c);
    if (!n)
        return 0;
    uint32_t after_b = r->pair_after[b], before_c = r->pair_before[c];
    return (float)n / (float)(after_b > before_c ? after_b : before_c);
}

/* ln P(c | ...) given as lp by the model, interpolated in the second pass
 * with the document's own pairing. */
static float recall_lp(const vt_restorer *r, uint32_t b, uint32_t c, float lp)
{
    float a = r->recall ? pair_assoc(r, b, c) : 0;
    return a > 0 ? logf(expf(lp) + RECALL_WEIGHT * a) : lp;
}

/* The second pass opens the positions around a candidate that the
 * document pairs with a neighbour more strongly than the first pass's
 * choice; the others keep that choice.  Returns whether any opened. */
/* Positions opened on each side of such a candidate: held-out OCR read
 * the same with 1 as with 2, the shared dispatches too, and the second
 * pass searched a quarter fewer positions. */
#define RECALL_REACH 1
static bool recall_open(vt_restorer *r)
{
    const uint32_t *was = r->before;
    if (r->n_pos != r->n_before ||
        !vt_grow((void **)&r->open, &r->cap_open, r->n_pos + 1, sizeof *r->open))
        return false;
    memset(r->open, 0, r->n_pos * sizeof *r->open);
    bool any = false;
    for (size_t i = 0; r->pair_after && i < r->n_pos; i++) {
        const pos *p = &r->pos[i];
        if (!p->slot || p->n < 2)
            continue;
        /* A candidate the document never pairs with a neighbour cannot
         * pair more strongly than the first choice: most, and cheap to
         * tell (a neighbour in no pair on that side pairs with none), so
         * the first choice's pairing is looked up only after. */
        uint32_t before = i > 0 ? was[i - 1] : 0, after = i + 1 < r->n_pos ? was[i + 1] : 0;
        bool on_left = r->pair_after[before], on_right = r->pair_before[after];
        bool news = false, pairs = false;
        for (uint32_t k = 0; k < p->n && !pairs && (on_left || on_right); k++) {
            uint32_t id = r->cands[p->first + k].id;
            pairs = id != was[i] &&
                    ((on_left && r->pair_before[id] && pair_count(r, before, id)) ||
                     (on_right && r->pair_after[id] && pair_count(r, id, after)));
        }
        float left = pairs && before ? pair_assoc(r, before, was[i]) : 0;
        float right = pairs && after ? pair_assoc(r, was[i], after) : 0;
        for (uint32_t k = 0; k < p->n && pairs && !news; k++) {
            uint32_t id = r->cands[p->first + k].id;
            news = id != was[i] && ((before && pair_assoc(r, before, id) > left) ||
                                    (after && pair_assoc(r, id, after) > right));
        }
        for (size_t j = i > RECALL_REACH ? i - RECALL_REACH : 0;
             news && j <= i + RECALL_REACH && j < r->n_pos; j++)
            r->open[j] = any = true;
    }
    /* The closed positions hold their first choice only. */
    for (size_t i = 0; any && i < r->n_pos; i++) {
        pos *p = &r->pos[i];
        for (uint32_t k = 0; !r->open[i] && k < p->n; k++)
            if (r->cands[p->first + k].id == was[i]) {
                p->keep = p->keep == (int)k ? 0 : -1;
                p->first += k;
                p->n = 1;
                p->chosen = 0;
                break;
            }
    }
    return any;
}

static uint32_t chosen_id(const vt_restorer *r, size_t i)
{
    const pos *p = &r->pos[i];
    return r->cands[p->first + p->chosen].id;
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
 * order), one per state (two last tokens); returns the new count. */
static size_t beam_add(hyp *cur, size_t n, const hyp *t)
{
    if (n == BEAM && hyp_cmp(t, &cur[n - 1]) >= 0)
        return n;
    size_t j = 0;
    while (j < n && !(cur[j].p1 == t->p1 && cur[j].p2 == t->p2))
        j++;
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
    return n < BEAM ? n + 1 : n;
}

/* Beam search over positions [from, to) after the tokens c0 c1; fills
 * their pos[].chosen.  `final`: a sentence ends after `to`. */
static void search_range(vt_restorer *r, size_t from, size_t to, uint32_t c0, uint32_t c1,
                         bool final)
{
    const vt_restore_model *m = r->m;
    hyp start = {c0, c1, 0, -1, 0};
    hyp *prev = &start;
    size_t n_prev = 1;
    for (size_t i = from; i < to; i++) {
        pos *p = &r->pos[i];
        const cand *c = r->cands + p->first;
        hyp *cur = r->hyps + i * BEAM;
        size_t nc = 0;
        /* ln P(c | b) per distinct previous token b: hypotheses share it. */
        uint32_t bs[BEAM];
        bool backed_off[BEAM]; /* a path with bs[i] last and no trigram context went on */
        float lp2[BEAM][MAX_CANDS + 1];
        size_t nb = 0;
        float best = INFINITY;
        /* The likeliest transition each candidate can have (a hair more,
         * for rounding): a path that cannot enter the beam even so is not
         * looked up.  Most candidates are rare, and most paths end here. */
        float most[MAX_CANDS + 1];
        for (uint32_t k = 0; k < p->n; k++) {
            float lp = vt_model_lp_most(m, c[k].id);
            /* The document's pairing adds at most RECALL_WEIGHT. */
            most[k] = (r->recall ? logf(expf(lp) + RECALL_WEIGHT) : lp) + 1e-3f;
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
                bs[nb++] = ph->p1;
                for (uint32_t k = 0; k < p->n; k++)
                    lp2[bi][k] = NAN;
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
                float lp;
                if (!vt_model_tri(m, ph->p2, ph->p1, c[k].id, bo, &lp)) {
                    if (isnan(lp2[bi][k]))
                        lp2[bi][k] = vt_model_lp2(m, ph->p1, c[k].id);
                    lp = bo + lp2[bi][k];
                }
                lp = recall_lp(r, ph->p1, c[k].id, lp);
                hyp t = {ph->p1, c[k].id, s - lp, (int32_t)h, k};
                if (t.score < best)
                    best = t.score;
                nc = beam_add(cur, nc, &t);
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
        hyp *h = r->hyps + i * BEAM + best;
        r->pos[i].chosen = (uint8_t)h->ci;
        best = (size_t)h->back;
    }
}

/* The first pass searches the whole lattice.  The second searches only
 * around its open positions: the others hold one token each, so two of
 * them after an open one fix the state, and from there on every path is
 * the same.  (Most of a paragraph the second pass reopens stays closed.)
 * Returns false when out of memory. */
static bool search(vt_restorer *r, bool final)
{
    size_t np = r->n_pos;
    if (!vt_grow((void **)&r->hyps, &r->cap_hyps, (np + 2) * BEAM, sizeof *r->hyps))
        return false;
    if (!r->recall) {
        search_range(r, 0, np, r->ctx[0], r->ctx[1], final);
        return true;
    }
    for (size_t a = 0; a < np;) {
        if (!r->open[a]) {
            a++;
            continue;
        }
        /* Open positions apart by one closed one share a run. */
        size_t b = a + 1;
        while (b < np && (r->open[b] || (b + 1 < np && r->open[b + 1])))
            b += r->open[b] ? 1 : 2;
        size_t to = b + 2 < np ? b + 2 : np;
        uint32_t c0 = a >= 2 ? chosen_id(r, a - 2) : a == 1 ? r->ctx[1] : r->ctx[0];
        uint32_t c1 = a >= 1 ? chosen_id(r, a - 1) : r->ctx[1];
        search_range(r, a, to, c0, c1, final && to == np);
        a = to;
    }
    return true;
}

/* Posterior of every candidate of slot i given the chosen neighbours. */
static float lp3(const vt_restorer *r, uint32_t a, uint32_t b, uint32_t c)
{
    return recall_lp(r, b, c, vt_model_lp3(r->m, a, b, c));
}

static void posterior(const vt_restorer *r, size_t i, bool final, double *post)
{
    const pos *p = &r->pos[i];
    /* The two tokens before (the context carried in, at the start) and the
     * two after (</s> when the paragraph ends a sentence). */
    uint32_t a = i >= 2 ? chosen_id(r, i - 2) : i == 1 ? r->ctx[1] : r->ctx[0];
    uint32_t b = i >= 1 ? chosen_id(r, i - 1) : r->ctx[1];
    bool has1 = i + 1 < r->n_pos || final;
    bool has2 = i + 2 < r->n_pos || (final && i + 1 < r->n_pos);
    uint32_t n1 = i + 1 < r->n_pos ? chosen_id(r, i + 1) : VT_TOK_EOS;
    uint32_t n2 = i + 2 < r->n_pos ? chosen_id(r, i + 2) : VT_TOK_EOS;
    double best = INFINITY;
    for (uint32_t k = 0; k < p->n; k++) {
        const cand *c = &r->cands[p->first + k];
        double s = c->cost - lp3(r, a, b, c->id);
        if (has1)
            s -= lp3(r, b, c->id, n1);
        if (has2)
            s -= lp3(r, c->id, n1, n2);
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

/* Where a word stands, for its case: between words in capitals (a
 * heading), or inside a sentence. */
enum { CTX_CAPS = 1, CTX_MID = 2, CTX_LOWER_NEXT = 4, CTX_ALONE = 8 };

/* A word of a heading: two letters or more, all capitals, nothing else
 * but punctuation around it (not a code such as 58/KH-UBND). */
static bool heading_word(const char *w)
{
    size_t len = strlen(w), letters = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(w + i, len - i, &c);
        if (vt_cp_is_alpha(c)) {
            if (!vt_cp_is_upper(c))
                return false;
            letters++;
        } else if (letters && i < len) {
            return false; /* something inside the word */
        } else if (c >= '0' && c <= '9') {
            return false;
        }
    }
    return letters >= 2;
}

/* Mostly capitals, damage and all (DiCH, THU’C for DỊCH, THỨC). */
static bool caps_like(const char *w)
{
    size_t upper, lower;
    letter_cases(w, strlen(w), &upper, &lower);
    return upper > lower;
}

/* The nearest word before (dir -1) or after (1) word w with two letters
 * at least (not the Y of Bộ Y tế, nor a dash), or n when none. */
static size_t nearest_word(const char *const *words, size_t n, size_t w, int dir)
{
    for (size_t i = w; dir < 0 ? i-- > 0 : ++i < n;) {
        if (n_letters(words[i], strlen(words[i])) >= 2)
            return i;
    }
    return n;
}

bool vt_heading_line(const char *const *words, size_t n)
{
    size_t caps = 0;
    for (size_t w = 0; w < n; w++) {
        size_t upper, lower;
        letter_cases(words[w], strlen(words[w]), &upper, &lower);
        if (upper + lower >= 2 && upper <= lower)
            return false;
        caps += upper + lower >= 2;
    }
    return caps > 0;
}

static unsigned word_context(const char *const *words, size_t n, size_t w)
{
    unsigned ctx = 0;
    if ((w > 0 || w + 1 < n) && (w == 0 || heading_word(words[w - 1])) &&
        (w + 1 == n || heading_word(words[w + 1])))
        ctx |= CTX_CAPS;
    uint32_t c0 = 0;
    if (w + 1 < n && *words[w + 1])
        vt_utf8_dec(words[w + 1], strlen(words[w + 1]), &c0);
    if (vt_cp_is_alpha(c0) && !vt_cp_is_upper(c0) && (w == 0 || !heading_word(words[w - 1])))
        ctx |= CTX_LOWER_NEXT;
    /* In capitals next to words none of which is: no heading. */
    if (caps_like(words[w])) {
        size_t before = nearest_word(words, n, w, -1), after = nearest_word(words, n, w, 1);
        if ((before < n || after < n) && (before == n || !caps_like(words[before])) &&
            (after == n || !caps_like(words[after])))
            ctx |= CTX_ALONE;
    }
    if (w > 0) {
        size_t pl = strlen(words[w - 1]);
        char last = pl ? words[w - 1][pl - 1] : '.';
        if (last != '.' && last != ':' && last != '!' && last != '?' && last != ';')
            ctx |= CTX_MID;
    }
    return ctx;
}

/* English-model OCR gave the letters of syllable s without the marks
 * it has: the letters as the page shows them are not s's. */
static bool marks_restored(const vt_restorer *r, const char *s, const char *like, size_t llen)
{
    char low[256];
    size_t n = vt_text_lower(like, llen, low, sizeof low);
    return r->chan == VT_CHAN_ENG && !r->stripped && !(n == strlen(s) && memcmp(low, s, n) == 0);
}

/* Text of candidate k of a slot, in the document's style and the case of
 * what the page shows. */
static size_t render_text(const vt_restorer *r, uint32_t id, const char *like,
                          size_t llen, unsigned ctx, char *out, size_t cap)
{
    const char *s = vt_model_str(r->m, id);
    /* A syllable in capitals followed by small letters, or with no word
     * in capitals near it, outside a heading: OCR often reads a small
     * letter with marks as a capital (Hồ sơ as HO so, Bộ as BO); a word,
     * not a code, is Title at most. */
    vt_case shape = vt_case_of(like, llen);
    if ((r->m->vocab_flags[id] & VT_VOC_SYLLABLE) && shape == VT_CASE_UPPER &&
        (ctx & CTX_LOWER_NEXT || (ctx & CTX_ALONE && marks_restored(r, s, like, llen)))) {
        like = "Aa";
        llen = 2;
    } else if (shape == VT_CASE_TITLE) {
        /* One capital and the rest misread as digits or signs (S0, T$):
         * capitals in a heading. */
        if ((ctx & CTX_CAPS) && n_letters(like, llen) == 1) {
            like = "AA";
            llen = 2;
        }
        /* Capital I and small l are one glyph in many fonts: an I that
         * stands for l inside a sentence was a small letter (Idp). */
        else if ((ctx & CTX_MID) && like[0] == 'I' && s[0] == 'l') {
            like = "a";
            llen = 1;
        }
    }
    char styled[256];
    if (r->style == VT_STYLE_REFORMED &&
        vt_syllable_canon(s, VT_STYLE_REFORMED, styled, sizeof styled))
        s = styled;
    return vt_case_apply(s, like, llen, !(r->m->vocab_flags[id] & VT_VOC_SYLLABLE), out,
                         cap);
}

static bool punct_final(const char *tok)
{
    return tok && (*tok == '.' || *tok == ';' || *tok == ':' || *tok == '!' ||
                   *tok == '?');
}

void vt_restored_word_clear(vt_restored_word *w)
{
    free(w->text);
    for (size_t i = 0; i < w->n_alts; i++)
        free(w->alts[i].text);
    memset(w, 0, sizeof *w);
}

/* Build the word with slot `alt_pos` replaced by candidate alt_k (or the
 * chosen ones everywhere when alt_pos is SIZE_MAX). */
static char *compose(const vt_restorer *r, const char *word, size_t first_pos,
                     size_t end_pos, size_t alt_pos, uint32_t alt_k,
                     const vt_piece *pc, unsigned ctx, bool *changed)
{
    size_t wlen = strlen(word);
    /* Room for the word with a mark or two on each letter: one
     * allocation, kept as it is until the caller is done. */
    vt_buf b = {malloc(3 * wlen + 16), 0, 3 * wlen + 16};
    if (!b.data)
        return NULL;
    size_t at = 0;
    *changed = false;
    for (size_t i = first_pos; i < end_pos; i++) {
        const pos *p = &r->pos[i];
        const vt_piece *q = &pc[p->piece];
        char out[256];
        if (!p->slot) {
            /* A numeral read with l for I, or a slash read as a letter. */
            size_t olen = q->len;
            if (q->misread && strlen(q->tok) < sizeof out)
                memcpy(out, q->tok, (olen = strlen(q->tok)) + 1);
            else if (q->kind != VT_PIECE_NUM || q->len > sizeof out ||
                     !vt_roman_fix(word + q->off, q->len, out))
                continue;
            if (!vt_buf_add(&b, word + at, q->off - at) || !vt_buf_add(&b, out, olen)) {
                vt_buf_free(&b);
                return NULL;
            }
            at = q->off + q->len;
            *changed = true;
            continue;
        }
        uint32_t k = i == alt_pos ? alt_k : p->chosen;
        if ((int)k == p->keep)
            continue;
        size_t n = render_text(r, r->cands[p->first + k].id, word + q->off, q->len, ctx,
                               out, sizeof out);
        if (n == 0 || (n == q->len && memcmp(out, word + q->off, n) == 0))
            continue;
        if (!vt_buf_add(&b, word + at, q->off - at) || !vt_buf_add(&b, out, n)) {
            vt_buf_free(&b);
            return NULL;
        }
        at = q->off + q->len;
        *changed = true;
    }
    if (!vt_buf_add(&b, word + at, wlen - at)) {
        vt_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* Whether compose may change the word at positions [first_pos, end_pos):
 * a slot not as written, a number (a Roman numeral read with l), a slash
 * read as a letter.  Most words stay, and need no copy made. */
static bool may_change(const vt_restorer *r, size_t first_pos, size_t end_pos,
                       const vt_piece *pc)
{
    for (size_t i = first_pos; i < end_pos; i++) {
        const pos *p = &r->pos[i];
        const vt_piece *q = &pc[p->piece];
        if (p->slot ? (int)p->chosen != p->keep : q->misread || q->kind == VT_PIECE_NUM)
            return true;
    }
    return false;
}

/* Which slots of a word (bit k for piece k) are parts of a code, whose
 * candidates are other codes only, never syllables:
 * - a word of several parts with one in capitals (146/QĐ-TTg, KH-SGDĐT):
 *   each part with no small letter (QĐ, and 0D, where OCR read Q as 0);
 * - short parts joined by a slash (đ/c, V/v, b/c): administrative
 *   abbreviations, not syllables. */
static unsigned code_slots(const char *w, const vt_piece *pc, size_t np)
{
    size_t slots = 0, slashes = 0, longest = 0;
    bool caps = false;
    for (size_t k = 0; k < np; k++) {
        if (pc[k].kind == VT_PIECE_PUNCT && pc[k].tok && pc[k].tok[0] == '/' && k > 0 &&
            k + 1 < np && pc[k - 1].kind == VT_PIECE_SLOT && pc[k + 1].kind == VT_PIECE_SLOT)
            slashes++;
        if (pc[k].kind != VT_PIECE_SLOT)
            continue;
        slots++;
        caps = caps || caps_shaped(w + pc[k].off, pc[k].len);
        size_t n = 0;
        for (size_t i = pc[k].off; i < pc[k].off + pc[k].len; i++)
            n += ((unsigned char)w[i] & 0xc0) != 0x80;
        longest = n > longest ? n : longest;
    }
    bool abbrev = slashes && longest <= 2;
    unsigned bits = 0;
    for (size_t k = 0; k < np && k < 32; k++) {
        if (pc[k].kind != VT_PIECE_SLOT)
            continue;
        /* A symbol after a number (899/QĐ, 01-KH) is a code too. */
        bool symbol = k >= 2 && pc[k - 2].kind == VT_PIECE_NUM && pc[k - 1].tok &&
                      (pc[k - 1].tok[0] == '/' || pc[k - 1].tok[0] == '-');
        bool part = ((slots >= 2 && caps) || symbol) && short_caps(w + pc[k].off, pc[k].len);
        if (abbrev || part)
            bits |= 1u << k;
    }
    return bits;
}

/* A number of one or two digits standing alone between two words of
 * small letters, in English-model OCR: maybe a word OCR read as digits
 * (nhất 1 phong trào). */
static bool digits_word(const vt_restorer *r, const char *const *words, size_t n, size_t w,
                        const vt_piece *pc, size_t np)
{
    if (r->chan != VT_CHAN_ENG || r->stripped || np != 1 || pc[0].len > 2 || w == 0 ||
        w + 1 >= n)
        return false;
    for (size_t d = w - 1; d <= w + 1; d += 2) {
        uint32_t c;
        const char *x = words[d];
        size_t len = strlen(x);
        for (size_t i = 0; i < len;) {
            i += (size_t)vt_utf8_dec(x + i, len - i, &c);
            if (!vt_cp_is_alpha(c) || vt_cp_is_upper(c))
                return false;
        }
    }
    return true;
}

static bool word_open(const vt_restorer *r, size_t first_pos, size_t end_pos)
{
    for (size_t i = first_pos; i < end_pos; i++)
        if (r->open[i])
            return true;
    return false;
}

/* Marks the English model writes after a letter for its horn or tone
 * (cơ as co', thứ as thi?): at a word's end they look like punctuation. */
static bool mark_like(const char *s, size_t len)
{
    return (len == 1 && (*s == '\'' || *s == '?')) ||
           (len == 3 && memcmp(s, "\xe2\x80\x99", 3) == 0); /* U+2019 */
}

/* In English-model OCR, a slot and the mark after it that together are a
 * rendering of a syllable become one slot: the mark was the letter's, not
 * the sentence's.  Returns the pieces left. */
static size_t join_marks(const vt_restorer *r, const char *word, vt_piece *pc, size_t np)
{
    if (r->chan != VT_CHAN_ENG || r->stripped)
        return np;
    for (size_t k = 0; k + 1 < np; k++) {
        vt_piece *a = &pc[k], *b = &pc[k + 1];
        if (a->kind != VT_PIECE_SLOT || b->kind != VT_PIECE_PUNCT ||
            b->off != a->off + a->len || !mark_like(word + b->off, b->len))
            continue;
        char fold[256];
        size_t flen = vt_text_lower(word + a->off, a->len + b->len, fold, sizeof fold);
        uint32_t n = 0;
        const vt_posting *ps = flen ? vt_model_render(r->m, r->chan, fold, flen, &n) : NULL;
        bool syllable = false;
        for (uint32_t i = 0; i < n && !syllable; i++)
            syllable = r->m->vocab_flags[ps[i].id] & VT_VOC_SYLLABLE;
        if (!syllable)
            continue;
        a->len += b->len;
        memmove(b, b + 1, (np - k - 2) * sizeof *b);
        np--;
    }
    return np;
}

/* Tokens the model may read for the letter at s (len bytes), as a code:
 * the letter itself and the codes the channel usually renders as it (d
 * for đ: a cost of SURE_RENDERING at most). */
#define LETTER_READINGS 8
static size_t letter_readings(const vt_restorer *r, const char *s, size_t len, uint32_t *ids)
{
    char fold[16];
    size_t flen = vt_text_lower(s, len, fold, sizeof fold), n = 0;
    uint32_t self = flen ? vt_model_id(r->m, fold, flen) : VT_TOK_UNK;
    if (self != VT_TOK_UNK)
        ids[n++] = self;
    uint32_t np = 0;
    const vt_posting *ps = flen ? vt_model_render(r->m, r->chan, fold, flen, &np) : NULL;
    for (uint32_t i = 0; i < np && n < LETTER_READINGS; i++)
        if (ps[i].id != self && ps[i].cost <= SURE_RENDERING &&
            !(r->m->vocab_flags[ps[i].id] & VT_VOC_SYLLABLE))
            ids[n++] = ps[i].id;
    return n;
}

/* The slash of a short abbreviation that English-model OCR read as a
 * letter (Viv for V/v): a word of three letters the model does not know
 * and the channel makes of no syllable with a cost below SLASH_SYLLABLE
 * (dic may well be đúc), whose middle one the channel reads a slash as
 * more than once in its training (SLASH_READ_COST: a reading seen once,
 * as / for A, is noise, and turned Pat for Đạt into P/t), and whose
 * outer ones the model knows joined by a slash (ln P(y | x /) at least
 * SLASH_LEAST_LP: an abbreviation in use).  Its one slot becomes
 * letter, slash, letter: a code the decoder restores as such.  Without
 * it, `Viv` came out as the syllable `Vị`, and the parser lost the
 * document's type and trích yếu. */
static size_t split_slash(const vt_restorer *r, const char *word, vt_piece *pc, size_t np)
{
    if (r->chan != VT_CHAN_ENG || r->stripped || np != 1 || pc[0].kind != VT_PIECE_SLOT)
        return np;
    const char *s = word + pc[0].off;
    uint32_t cp[3];
    size_t at[4] = {0}, n = 0;
    while (n < 3 && at[n] < pc[0].len) {
        at[n + 1] = at[n] + (size_t)vt_utf8_dec(s + at[n], pc[0].len - at[n], &cp[n]);
        n++;
    }
    bool slash = false;
    for (size_t i = 0; n == 3 && i < r->n_slash_reads; i++)
        slash = slash || vt_cp_to_lower(cp[1]) == r->slash_reads[i];
    char fold[64];
    if (!slash || at[3] != pc[0].len || !vt_cp_is_alpha(cp[0]) || !vt_cp_is_alpha(cp[2]))
        return np;
    size_t flen = vt_text_lower(s, pc[0].len, fold, sizeof fold);
    uint32_t slash_id = vt_model_id(r->m, "/", 1), xs[LETTER_READINGS], ys[LETTER_READINGS];
    uint32_t nr = 0;
    if (!flen || vt_model_id(r->m, fold, flen) != VT_TOK_UNK || slash_id == VT_TOK_UNK)
        return np;
    const vt_posting *ps = vt_model_render(r->m, r->chan, fold, flen, &nr);
    for (uint32_t i = 0; i < nr; i++)
        if ((r->m->vocab_flags[ps[i].id] & VT_VOC_SYLLABLE) && ps[i].cost < SLASH_SYLLABLE)
            return np;
    size_t nx = letter_readings(r, s, at[1], xs);
    size_t ny = letter_readings(r, s + at[2], at[3] - at[2], ys);
    bool known = false;
    for (size_t i = 0; i < nx && !known; i++)
        for (size_t j = 0; j < ny && !known; j++)
            known = vt_model_lp3(r->m, xs[i], slash_id, ys[j]) >= SLASH_LEAST_LP;
    if (!known)
        return np;
    uint32_t off = pc[0].off;
    pc[0] = (vt_piece){VT_PIECE_SLOT, off, (uint32_t)at[1], NULL, false};
    pc[1] = (vt_piece){VT_PIECE_PUNCT, off + (uint32_t)at[1], (uint32_t)(at[2] - at[1]), "/", true};
    pc[2] = (vt_piece){VT_PIECE_SLOT, off + (uint32_t)at[2], (uint32_t)(at[3] - at[2]), NULL, false};
    return 3;
}

/* A word's pieces (MAX_PIECES at most), as the decoder reads them. */
static size_t word_pieces(const vt_restorer *r, const char *word, vt_piece *pc)
{
    size_t np = vt_word_pieces(word, strlen(word), pc, MAX_PIECES);
    np = join_marks(r, word, pc, np);
    return split_slash(r, word, pc, np);
}

/* The lattice of a line: its words' pieces, a position per piece (a slot
 * with its candidates, or a fixed token).  Returns false when out of
 * memory. */
static bool build_lattice(vt_restorer *r, const char *const *words, size_t n)
{
    const vt_restore_model *m = r->m;
    r->n_pos = 0;
    bool ok = vt_grow((void **)&r->pstart, &r->cap_pstart, n + 1, sizeof *r->pstart) &&
              vt_grow((void **)&r->wpos, &r->cap_wpos, n + 1, sizeof *r->wpos);
    if (ok)
        r->pstart[0] = 0;
    for (size_t w = 0; ok && w < n; w++) {
        if (!vt_grow((void **)&r->pieces, &r->cap_pieces, r->pstart[w] + MAX_PIECES,
                     sizeof *r->pieces)) {
            ok = false;
            break;
        }
        vt_piece *pc = r->pieces + r->pstart[w];
        size_t np = word_pieces(r, words[w], pc);
        r->pstart[w + 1] = r->pstart[w] + np;
        r->wpos[w] = r->n_pos;
        unsigned codes = code_slots(words[w], pc, np);
        for (size_t k = 0; ok && k < np; k++) {
            if (pc[k].kind == VT_PIECE_PUNCT && !pc[k].tok)
                continue;
            if (!vt_grow((void **)&r->pos, &r->cap_pos, r->n_pos + 1, sizeof *r->pos)) {
                ok = false;
                break;
            }
            pos *p = &r->pos[r->n_pos++];
            memset(p, 0, sizeof *p);
            p->word = (uint32_t)w;
            p->piece = (uint8_t)k;
            if (pc[k].kind == VT_PIECE_SLOT)
                ok = add_slot(r, p, words[w] + pc[k].off, pc[k].len,
                              k < 32 && (codes >> k & 1) ? SLOT_CODE : SLOT_WORD);
            else if (pc[k].kind == VT_PIECE_NUM && digits_word(r, words, n, w, pc, np))
                ok = add_slot(r, p, words[w] + pc[k].off, pc[k].len, SLOT_DIGITS);
            else if (pc[k].kind == VT_PIECE_NUM)
                ok = add_fixed(r, p, VT_TOK_NUM);
            else
                ok = add_fixed(r, p, vt_model_id(m, pc[k].tok, strlen(pc[k].tok)));
        }
    }
    if (ok)
        r->wpos[n] = r->n_pos;
    return ok;
}

/* Where the decoder puts its words: with `detail`, as vt_restored_word
 * (confidences and alternatives too); else only each one's new text
 * (NULL when unchanged), all the whole text needs: an eighth of the
 * memory, over a document's words. */
typedef struct results {
    vt_restored_word *detail;
    char **text;
} results;

static results results_from(results o, size_t w)
{
    return o.detail ? (results){o.detail + w, NULL} : (results){NULL, o.text + w};
}

static void results_zero(results o, size_t n)
{
    if (n && o.detail)
        memset(o.detail, 0, n * sizeof *o.detail);
    else if (n)
        memset(o.text, 0, n * sizeof *o.text);
}

static void result_clear(results o, size_t w)
{
    if (o.detail) {
        vt_restored_word_clear(&o.detail[w]);
    } else {
        free(o.text[w]);
        o.text[w] = NULL;
    }
}

/* Word w of `from` to word v of `to`, clearing what `to` had. */
static void result_move(results to, size_t v, results from, size_t w)
{
    result_clear(to, v);
    if (to.detail) {
        to.detail[v] = from.detail[w];
        memset(&from.detail[w], 0, sizeof from.detail[w]);
    } else {
        to.text[v] = from.text[w];
        from.text[w] = NULL;
    }
}

/* Decode the line's lattice: choose, and put the words that change in
 * out; `final`: a sentence ends with the line. */
static bool decode_lattice(vt_restorer *r, const char *const *words, size_t n, results out,
                           bool final)
{
    const vt_restore_model *m = r->m;
    bool ok = true;
    results_zero(out, n);
    r->redone = r->recall && recall_open(r);
    if (r->recall && !r->redone)
        return ok;
    ok = search(r, final);
    const size_t *wpos = r->wpos;
    double post[MAX_CANDS + 1];
    /* Text that kept its marks is mostly right: change a word only when
     * the evidence is strong, else leave it as written. */
    for (size_t i = 0; ok && r->chan == VT_CHAN_VIE && i < r->n_pos; i++) {
        pos *p = &r->pos[i];
        if (!p->slot || p->keep < 0 || (int)p->chosen == p->keep)
            continue;
        posterior(r, i, final, post);
        if (post[p->chosen] < VIE_MIN_POSTERIOR)
            p->chosen = (uint8_t)p->keep;
    }
    for (size_t w = 0; ok && w < n; w++) {
        vt_piece again[MAX_PIECES];
        const vt_piece *pc = again;
        if (!r->recall)
            pc = r->pieces + r->pstart[w];
        else if (!word_open(r, wpos[w], wpos[w + 1]))
            continue; /* the first pass's reading stands */
        else
            word_pieces(r, words[w], again); /* the second pass keeps none */
        if (!may_change(r, wpos[w], wpos[w + 1], pc))
            continue;
        bool changed;
        unsigned ctx = word_context(words, n, w);
        char *text = compose(r, words[w], wpos[w], wpos[w + 1], SIZE_MAX, 0, pc, ctx,
                             &changed);
        if (!text) {
            ok = false;
            break;
        }
        if (!changed) {
            free(text);
            continue;
        }
        if (!out.detail) {
            out.text[w] = text;
            continue;
        }
        out.detail[w].text = text;
        /* Confidence: the product of the changed slots' posteriors; the
         * alternatives vary the least sure of them. */
        double conf = 1, worst = 2;
        size_t wi = SIZE_MAX;
        double wpost[MAX_CANDS + 1];
        bool code = false;
        for (size_t i = wpos[w]; i < wpos[w + 1]; i++) {
            const pos *p = &r->pos[i];
            if (!p->slot || p->n < 1 || (int)p->chosen == p->keep)
                continue;
            posterior(r, i, final, post);
            conf *= post[p->chosen];
            if (post[p->chosen] < worst) {
                worst = post[p->chosen];
                wi = i;
                memcpy(wpost, post, p->n * sizeof *post);
            }
            code = code || !(m->vocab_flags[r->cands[p->first + p->chosen].id] & VT_VOC_SYLLABLE);
        }
        out.detail[w].confidence = conf;
        out.detail[w].review = conf < r->review_below;
        out.detail[w].source = code ? "code" : "lm";
        if (wi != SIZE_MAX) {
            const pos *p = &r->pos[wi];
            /* n-best: chosen first, then by posterior. */
            uint32_t order[MAX_CANDS + 1];
            for (uint32_t k = 0; k < p->n; k++)
                order[k] = k;
            for (uint32_t a = 0; a < p->n; a++)
                for (uint32_t b = a + 1; b < p->n; b++)
                    if (wpost[order[b]] > wpost[order[a]]) {
                        uint32_t t = order[a];
                        order[a] = order[b];
                        order[b] = t;
                    }
            for (uint32_t a = 0; a < p->n && out.detail[w].n_alts < 4; a++) {
                bool ch;
                char *alt = compose(r, words[w], wpos[w], wpos[w + 1], wi, order[a], pc,
                                    ctx, &ch);
                if (!alt) {
                    ok = false;
                    break;
                }
                out.detail[w].alts[out.detail[w].n_alts++] =
                    (vt_alternative){alt, wpost[order[a]] * conf / worst};
            }
        }
    }
    /* Context for the next line when this one runs on. */
    if (ok && n == 0)
        r->ctx[0] = r->ctx[1] = VT_TOK_BOS; /* a blank line ends a paragraph */
    else if (ok && r->n_pos) {
        r->ctx[0] = final ? VT_TOK_BOS : r->n_pos >= 2 ? chosen_id(r, r->n_pos - 2) : r->ctx[1];
        r->ctx[1] = final ? VT_TOK_BOS : chosen_id(r, r->n_pos - 1);
    }
    if (!ok)
        for (size_t w = 0; w < n; w++)
            result_clear(out, w);
    return ok;
}

/* Whether a sentence ends with the lattice's line (or it has no tokens). */
static bool ends_sentence(const vt_restorer *r)
{
    if (r->n_pos == 0)
        return true;
    const pos *p = &r->pos[r->n_pos - 1];
    const vt_piece *q = &r->pieces[r->pstart[p->word] + p->piece];
    return q->kind == VT_PIECE_PUNCT && punct_final(q->tok);
}

static bool decode_line(vt_restorer *r, const char *const *words, size_t n, results out,
                        bool ends)
{
    if (build_lattice(r, words, n))
        return decode_lattice(r, words, n, out, ends || ends_sentence(r));
    results_zero(out, n);
    return false;
}

bool vt_restorer_line(vt_restorer *r, const char *const *words, size_t n,
                      vt_restored_word *out)
{
    slot_cache_trim(r);
    return decode_line(r, words, n, (results){out, NULL}, false);
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
 * candidates stay in r->cands). */
static bool keep_lattice(vt_restorer *r, group *g)
{
    size_t n = g->end - g->start;
    if (!vt_grow((void **)&r->kept_pos, &r->cap_kept_pos, r->n_kept_pos + r->n_pos,
                 sizeof *r->kept_pos) ||
        !vt_grow((void **)&r->kept_wpos, &r->cap_kept_wpos, r->n_kept_wpos + n + 1,
                 sizeof *r->kept_wpos))
        return false;
    g->first_pos = r->n_kept_pos;
    g->n_pos = r->n_pos;
    g->first_wpos = r->n_kept_wpos;
    memcpy(r->kept_pos + r->n_kept_pos, r->pos, r->n_pos * sizeof *r->pos);
    memcpy(r->kept_wpos + r->n_kept_wpos, r->wpos, (n + 1) * sizeof *r->wpos);
    r->n_kept_pos += r->n_pos;
    r->n_kept_wpos += n + 1;
    return true;
}

/* ... and back. */
static bool load_lattice(vt_restorer *r, const group *g)
{
    size_t n = g->end - g->start;
    if (!vt_grow((void **)&r->pos, &r->cap_pos, g->n_pos + 1, sizeof *r->pos) ||
        !vt_grow((void **)&r->wpos, &r->cap_wpos, n + 1, sizeof *r->wpos))
        return false;
    r->n_pos = g->n_pos;
    memcpy(r->pos, r->kept_pos + g->first_pos, g->n_pos * sizeof *r->pos);
    memcpy(r->wpos, r->kept_wpos + g->first_wpos, (n + 1) * sizeof *r->wpos);
    return true;
}

static void forget_pairs(vt_restorer *r)
{
    if (r->pair_cap) {
        memset(r->pair_keys, 0, r->pair_cap * sizeof *r->pair_keys);
        memset(r->pair_counts, 0, r->pair_cap * sizeof *r->pair_counts);
    }
    if (r->pair_after) {
        memset(r->pair_after, 0, r->m->h->n_vocab * sizeof *r->pair_after);
        memset(r->pair_before, 0, r->m->h->n_vocab * sizeof *r->pair_before);
    }
    r->pair_n = 0;
}

/* The first pass: every paragraph on its own evidence; with `count`, the
 * tokens chosen go to *ids and their pairs are counted, and the lattices
 * are kept for the second pass. */
static bool first_pass(vt_restorer *r, const char *const *words, const bool *para_end,
                       size_t n, results out, bool count,
                       group **gs, size_t *ng, uint32_t **ids, size_t *nids)
{
    size_t cap_g = 0, cap_ids = 0;
    bool ok = true;
    for (size_t s = 0; ok && s < n;) {
        size_t e = s;
        while (e < n && !para_end[e] && e - s < MAX_GROUP)
            e++;
        if (e < n)
            e++; /* include the paragraph's last word */
        if (!vt_grow((void **)gs, &cap_g, *ng + 1, sizeof **gs))
            return false;
        group *g = &(*gs)[(*ng)++];
        *g = (group){.start = s, .end = e, .ctx = {r->ctx[0], r->ctx[1]},
                     .ends = para_end[e - 1]};
        ok = decode_line(r, words + s, e - s, results_from(out, s), g->ends);
        g->final = g->ends || ends_sentence(r);
        if (count) {
            ok = ok && keep_lattice(r, g) &&
                 vt_grow((void **)ids, &cap_ids, *nids + r->n_pos + 1, sizeof **ids);
            for (size_t i = 0; ok && i < r->n_pos; i++)
                (*ids)[(*nids)++] = chosen_id(r, i);
            ok = ok && pairs_note(r, *ids + g->first_pos, g->n_pos, 1);
        }
        if (ok && para_end[e - 1])
            ok = decode_line(r, NULL, 0, out, true);
        s = e;
    }
    return ok;
}

/* The second pass: a paragraph is decoded again with the pairs of the
 * rest of the document (its own first reading left out) when they offer
 * another reading, as for a damaged occurrence of a name the document
 * spells out elsewhere. */
static bool second_pass(vt_restorer *r, const char *const *words, results out,
                        const group *gs, size_t ng, uint32_t *ids)
{
    size_t most = 0;
    for (size_t g = 0; g < ng; g++)
        most = gs[g].end - gs[g].start > most ? gs[g].end - gs[g].start : most;
    results again = out.detail ? (results){calloc(most + 1, sizeof *again.detail), NULL}
                               : (results){NULL, calloc(most + 1, sizeof *again.text)};
    bool ok = again.detail || again.text;
    r->recall = true;
    for (size_t g = 0; ok && g < ng; g++) {
        const group *x = &gs[g];
        uint32_t *was = ids + x->first_pos;
        size_t np = x->n_pos;
        r->ctx[0] = x->ctx[0];
        r->ctx[1] = x->ctx[1];
        r->before = was;
        r->n_before = np;
        ok = pairs_note(r, was, np, -1) && load_lattice(r, x) &&
             decode_lattice(r, words + x->start, x->end - x->start, again, x->final);
        bool take = ok && r->redone;
        /* Words with an open position take the new reading; the others
         * keep the first one, whose confidence saw all its candidates. */
        for (size_t w = 0; take && w < x->end - x->start; w++) {
            if (word_open(r, r->wpos[w], r->wpos[w + 1]))
                result_move(out, x->start + w, again, w);
        }
        for (size_t i = 0; take && i < np; i++)
            was[i] = chosen_id(r, i);
        ok = ok && pairs_note(r, was, np, 1);
    }
    r->recall = false;
    r->before = NULL;
    r->ctx[0] = r->ctx[1] = VT_TOK_BOS;
    free(again.detail);
    free(again.text);
    return ok;
}

/* A whole document's words; para_end[i] marks the last word of each
 * paragraph. */
static bool decode_doc(vt_restorer *r, const char *const *words, const bool *para_end,
                       size_t n, results out)
{
    group *gs = NULL;
    uint32_t *ids = NULL;
    size_t ng = 0, nids = 0;
    r->ctx[0] = r->ctx[1] = VT_TOK_BOS;
    /* The second pass gained on English-model OCR, where a word can be
     * damaged in many ways; on stripped and on marked text it gained
     * nothing measurable and cost 40 % of the speed. */
    bool second = r->chan == VT_CHAN_ENG && !r->stripped;
    if (second)
        forget_pairs(r); /* the last document's */
    slot_cache_trim(r);
    r->n_kept_pos = r->n_kept_wpos = 0;
    bool ok = first_pass(r, words, para_end, n, out, second, &gs, &ng, &ids, &nids) &&
              (!second || second_pass(r, words, out, gs, ng, ids));
    free(gs);
    free(ids);
    if (!ok)
        for (size_t w = 0; w < n; w++)
            result_clear(out, w);
    return ok;
}

bool vt_restorer_words(vt_restorer *r, const char *const *words, const bool *para_end,
                       size_t n, vt_restored_word *out)
{
    return decode_doc(r, words, para_end, n, (results){out, NULL});
}

char *vt_restore_string(vt_restorer *r, const char *text, size_t len)
{
    vt_restorer_begin(r, text, len);
    size_t n = 0, cap = 0;
    size_t *start = NULL, *wlen = NULL;
    bool ok = true;
    /* Every word's place, and where paragraphs end (before a blank line). */
    bool *para_end = NULL;
    for (size_t i = 0; ok && i < len;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        size_t first = n;
        for (size_t j = i; ok && j < e;) {
            while (j < e && is_space(text[j]))
                j++;
            size_t s0 = j;
            while (j < e && !is_space(text[j]))
                j++;
            if (j == s0)
                break;
            if (n == cap) {
                cap = cap ? cap * 2 : 256;
                size_t *a = realloc(start, cap * sizeof *a);
                if (a)
                    start = a;
                size_t *b = a ? realloc(wlen, cap * sizeof *b) : NULL;
                if (b)
                    wlen = b;
                bool *d = b ? realloc(para_end, cap * sizeof *d) : NULL;
                if (!d) {
                    ok = false;
                    break;
                }
                para_end = d;
            }
            start[n] = s0;
            wlen[n] = j - s0;
            para_end[n] = false;
            n++;
        }
        if (n == first && n > 0)
            para_end[n - 1] = true; /* a blank line */
        i = e + 1;
    }
    if (n > 0 && ok)
        para_end[n - 1] = true;
    /* The words, ended in place in one copy of the text: a word is
     * always followed by a space, a line end or the end of the text. */
    char *copy = ok && n ? malloc(len + 1) : NULL;
    char **words = ok && n ? calloc(n, sizeof *words) : NULL;
    char **res = ok && n ? calloc(n, sizeof *res) : NULL;
    ok = ok && (n == 0 || (copy && words && res));
    if (ok && n)
        memcpy(copy, text, len);
    for (size_t k = 0; ok && k < n; k++) {
        words[k] = copy + start[k];
        words[k][wlen[k]] = 0;
    }
    /* Lines: up to a gap between words with a line break in it. */
    for (size_t a = 0, b; ok && a < n; a = b) {
        for (b = a + 1; b < n && !memchr(text + start[b - 1] + wlen[b - 1], '\n',
                                         start[b] - start[b - 1] - wlen[b - 1]);
             b++)
            ;
        if (vt_heading_line((const char *const *)words + a, b - a)) {
            para_end[b - 1] = true;
            if (a > 0)
                para_end[a - 1] = true;
        }
    }
    ok = ok && decode_doc(r, (const char *const *)words, para_end, n, (results){NULL, res});
    vt_buf out = {0};
    size_t at = 0;
    for (size_t k = 0; ok && k < n; k++) {
        const char *t = res[k] ? res[k] : words[k];
        ok = vt_buf_add(&out, text + at, start[k] - at) && vt_buf_add(&out, t, strlen(t));
        at = start[k] + wlen[k];
    }
    ok = ok && vt_buf_add(&out, text + at, len - at);
    for (size_t k = 0; res && k < n; k++)
        free(res[k]);
    free(copy);
    free(words);
    free(res);
    free(start);
    free(wlen);
    free(para_end);
    if (!ok) {
        vt_buf_free(&out);
        return NULL;
    }
    return out.data ? out.data : strdup("");
}
