/* slots.c — the candidates of a syllable slot: the channel's renderings of
 * what the page shows, the known damage the build searched, the inverse
 * search for the rest (remembered per text), digits in codes read as the
 * letters they resemble; ranked by channel + unigram cost and cut to a
 * beam, so tone variants the channel cannot tell apart all stay and the
 * context decides.  A document repeats its words: the candidates are made
 * once per written form. */
#include <string.h>

#include "decode.h"

#define MAX_CANDS_STRIPPED 16 /* candidates kept when only the marks are missing */
#define CAND_BEAM 8.0f /* nats behind the best candidate */
/* ... behind the inverse search's best (checked by bench/restore-heldout.sh:
 * a wider beam reads the same and searches longer). */
#define SEARCH_BEAM 4.0f
/* ... and no further than this, in channel + unigram cost, renderings or
 * none: the searches for glued words and table debris, which find
 * nothing, stop early instead of after every pop allowed, and held-out OCR
 * reads the same (bench/restore-heldout.sh). */
#define SEARCH_CEILING 20.0f /* not 18: a letter read as two, one added (Litrc for Lực) */
/* -ln P(syllable): a syllable this rare, in English-model OCR, may be
 * the damage of a frequent one (thành phèo for phố) and is searched like
 * a word the model does not know, unless one of its renderings is a
 * usual one; it stays a candidate, and the context decides. */
#define RARE_SYLLABLE 10.0f
#define KEEP_COST_OCR 7.0f /* -ln P(an unknown word came through intact) */
/* ... when it shows a marked letter, or is a code part a known code
 * usually renders as (BCDTW for BCĐTW): the model's unknown token stands
 * for all rare words, so its probability overrates any one of them.  So
 * too, in marked text, a word no syllable spells with a marked vowel
 * beside another of the same letter, either of which dropped leaves a
 * syllable (ĐÁẢNG, Khãẩn): no Vietnamese word is spelled so, the
 * Vietnamese model read one vowel as two (a foreign word with a doubled
 * vowel has no marks). */
#define KEEP_COST_OCR_DAMAGED 14.0f
#define CHANNEL_WEIGHT 1.0f /* channel against language model */
#define LOOKALIKE_COST 2.0f /* a digit in a code read as the letter it resembles */
#define LOOKALIKE_POST 48 /* postings such readings add to a slot */
/* -ln P(Vietnamese-model OCR read a syllable with another tone), each of
 * its other tones. */
#define TONE_SLIP_COST 7.0f
/* ... lost the hat of a vowel under a tone mark (phó for phố): the hat
 * is the smaller mark, crowded by the tone, and lost more often; at the
 * tone's cost the candidate beam cuts a rare syllable behind a frequent
 * one (phố behind phó) before the context is heard. */
#define HAT_SLIP_COST 5.0f
/* ... added a letter to a code in capitals: as rare as a slip on a tone. */
#define ADDED_LETTER_COST TONE_SLIP_COST

/* Candidates of a slot as vt_slots_add made them, remembered per written
 * form (with the slot's kind): documents repeat their words, and the
 * channel lookups, searches and ranking need doing once per form. */
struct vt_slot_entry {
    uint32_t first, n; /* candidates in slots.cands */
    int32_t keep;
};

#define SLOT_CACHE_MAX (1u << 16) /* forms remembered; then start afresh */

/* Where make_slot put a token among the slot's candidates, valid while
 * its stamp is the slot's. */
struct vt_cand_mark {
    uint32_t stamp, at;
};

struct vt_strtab_slot {
    uint32_t hash, key, klen; /* key bytes in keys */
    uint32_t number;
};

/* The slot of the len bytes at s, or the empty one where they go.
 * Inline, always: every word of a document is numbered in several tables
 * (its pieces, signs, slots, restored text), and the probe is shorter
 * than the call. */
static inline __attribute__((always_inline)) struct vt_strtab_slot *
strtab_find(const vt_strtab *t, const char *s, size_t len, uint32_t h)
{
    uint32_t mask = t->cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        struct vt_strtab_slot *e = &t->slots[i];
        if (e->klen == 0 ||
            (e->hash == h && e->klen == len && memcmp(t->keys.data + e->key, s, len) == 0))
            return e;
    }
}

uint32_t vt_strtab_number(vt_strtab *t, const char *s, size_t len, bool *added)
{
    if (!t->slots || 2 * (t->n + 1) > t->cap) {
        uint32_t old_cap = t->cap;
        struct vt_strtab_slot *old = t->slots;
        t->cap = old_cap ? 2 * old_cap : 1024;
        t->slots = vt_xcalloc(t->cap, sizeof *t->slots);
        for (uint32_t i = 0; i < old_cap; i++)
            if (old[i].klen)
                *strtab_find(t, t->keys.data + old[i].key, old[i].klen, old[i].hash) = old[i];
        free(old);
    }
    uint32_t h = vt_hash_str(s, len);
    struct vt_strtab_slot *e = strtab_find(t, s, len, h);
    *added = e->klen == 0;
    if (*added) {
        *e = (struct vt_strtab_slot){h, (uint32_t)t->keys.len, (uint32_t)len, t->n++};
        vt_buf_add(&t->keys, s, len);
    }
    return e->number;
}

void vt_strtab_clear(vt_strtab *t)
{
    if (t->slots)
        memset(t->slots, 0, t->cap * sizeof *t->slots);
    t->n = 0;
    t->keys.len = 0;
}

void vt_strtab_free(vt_strtab *t)
{
    free(t->slots);
    vt_buf_free(&t->keys);
    *t = (vt_strtab){0};
}

void vt_slots_free(vt_slots *s)
{
    free(s->cands);
    vt_strtab_free(&s->forms);
    free(s->entries);
    free(s->marks);
}

static int cand_cmp(const void *a, const void *b)
{
    const vt_cand *x = a, *y = b;
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

/* A capital then digits only (C7, B12): a code the page prints (a form,
 * a block, a lot), or OCR's reading of a capital and a marked vowel (S6
 * for Số, B6 for Bộ). */
static bool capital_numbered(const char *s, size_t len)
{
    if (len < 2 || s[0] < 'A' || s[0] > 'Z')
        return false;
    for (size_t i = 1; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
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

/* The letters of the len bytes at s with every mark gone (ASCII). */
static bool skeleton_of(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        int w = vt_utf8_dec(s + i, len - i, &c);
        uint32_t b = vt_cp_skeleton(c);
        if (w <= 0 || b >= 0x80 || o + 1 >= cap)
            return false;
        out[o++] = (char)b;
        i += (size_t)w;
    }
    out[o] = 0;
    return o > 0;
}

/* Inverse channel search, remembered per token: documents repeat their
 * damaged words. */
static size_t invert_cached(vt_restorer *r, const char *key, size_t klen, float bound,
                            const vt_posting **out)
{
    uint32_t h = vt_hash_str(key, klen) ^ (uint32_t)r->chan;
    vt_search_entry *e = &r->search.cache[h & (VT_SEARCH_SLOTS - 1)];
    if (klen < VT_SEARCH_KEY) {
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
        e = &r->search.spare;
    }
    e->n = (uint8_t)vt_model_invert(r->search.inv, r->m, r->chan, key, klen, e->p,
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

static uint32_t add_slip(const vt_restore_model *m, const char *key, const char *other,
                         float cost, vt_posting *out, uint32_t k)
{
    if (strcmp(other, key) == 0)
        return k;
    uint32_t id = vt_model_id(m, other, strlen(other));
    if (id != VT_TOK_UNK && (m->vocab_flags[id] & VT_VOC_SYLLABLE))
        out[k++] = (vt_posting){id, cost};
    return k;
}

/* Vietnamese-model OCR sometimes reads one marked vowel as two (QUẢÁNG
 * for QUẢNG), a spelling no syllable has: the known syllables left when
 * one of two neighbouring letters with the same base letter is dropped. */
static uint32_t doubled_letters(const vt_restore_model *m, const char *key, vt_posting *out,
                                uint32_t k)
{
    if (vt_syllable_valid(key, VT_SYLLABLE_SHAPE))
        return k;
    char other[256];
    size_t len = strlen(key), prev_at = 0;
    uint32_t prev = 0;
    for (size_t i = 0; i < len && len < sizeof other;) {
        uint32_t c;
        size_t w = (size_t)vt_utf8_dec(key + i, len - i, &c);
        if (prev && vt_cp_skeleton(c) == vt_cp_skeleton(prev)) {
            /* Either of the two goes. */
            size_t cut[2][2] = {{prev_at, i - prev_at}, {i, w}};
            for (int j = 0; j < 2; j++) {
                memcpy(other, key, cut[j][0]);
                memcpy(other + cut[j][0], key + cut[j][0] + cut[j][1],
                       len - cut[j][0] - cut[j][1] + 1);
                k = add_slip(m, key, other, TONE_SLIP_COST, out, k);
            }
        }
        prev = c;
        prev_at = i;
        i += w;
    }
    return k;
}

/* Vietnamese-model OCR reads the letters of a syllable and slips on its
 * tone (THÔNG BẢO for BÁO, nghị đinh for định), or loses the hat of a
 * vowel that carries a tone above it (thành phó for phố, QUYÉT for
 * QUYẾT), which its renderings, made of whole-word and letter confusions,
 * rank too low to keep: the known syllables with the same letters and
 * another tone, and those with a hat on a bare a, e or o and the same
 * tone.  *doubled: some came of one vowel read as two (doubled_letters). */
static uint32_t tone_slips(const vt_restore_model *m, const char *key, vt_posting *out,
                           bool *doubled)
{
    char other[256], bare[256], hatted[256];
    uint32_t k = 0;
    for (int t = 0; t < VT_TONE_COUNT; t++)
        if (vt_syllable_retone(key, t, VT_STYLE_TRADITIONAL, other, sizeof other))
            k = add_slip(m, key, other, TONE_SLIP_COST, out, k);
    uint32_t single = k;
    k = doubled_letters(m, key, out, k);
    *doubled = k > single;
    int tone;
    if (!vt_syllable_split(key, bare, sizeof bare, &tone) || tone == 0)
        return k;
    size_t n = strlen(bare);
    for (size_t i = 0; i < n && n + 2 < sizeof hatted; i++) {
        const char *hat = bare[i] == 'a' ? "\u00e2" : bare[i] == 'e' ? "\u00ea"
                        : bare[i] == 'o' ? "\u00f4" : NULL;
        if (!hat)
            continue;
        memcpy(hatted, bare, i);
        memcpy(hatted + i, hat, 2); /* â, ê, ô: two bytes each */
        memcpy(hatted + i + 2, bare + i + 1, n - i);
        if (vt_syllable_retone(hatted, tone, VT_STYLE_TRADITIONAL, other, sizeof other))
            k = add_slip(m, key, other, HAT_SLIP_COST, out, k);
    }
    return k;
}

/* Vietnamese-model OCR adds a letter to a code in capitals, most often
 * beside a T or a doubled letter (VTE, VTF for VT, TGĐĐ for TGĐ), a code
 * the model does not know: the known codes left with one of its letters
 * dropped. */
static uint32_t added_letter(const vt_restore_model *m, const char *key, vt_posting *out,
                             uint32_t k)
{
    char other[64];
    size_t len = strlen(key);
    for (size_t i = 0; i < len && len < sizeof other && k < LOOKALIKE_POST;) {
        uint32_t c;
        size_t w = (size_t)vt_utf8_dec(key + i, len - i, &c);
        memcpy(other, key, i);
        memcpy(other + i, key + i + w, len - i - w + 1);
        uint32_t id = vt_model_id(m, other, len - w);
        if (id != VT_TOK_UNK && !(m->vocab_flags[id] & VT_VOC_SYLLABLE))
            out[k++] = (vt_posting){id, ADDED_LETTER_COST};
        i += w;
    }
    return k;
}

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
    return sure > VT_SURE_RENDERING ? vt_minf(best + CAND_BEAM, SEARCH_CEILING) : NAN;
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

/* A capital I before small letters, read as the small l it looks like
 * in most fonts (Ic for lực inside a sentence): the renderings of the
 * slot with l for its I and what the inverse search finds for it, each
 * at LOOKALIKE_COST more. */
static uint32_t l_for_i_postings(vt_restorer *r, const char *s, size_t len, const char *fold,
                                 size_t flen, vt_posting *out)
{
    uint32_t c = 0;
    if (len < 2 || s[0] != 'I' || flen >= 64)
        return 0;
    vt_utf8_dec(s + 1, len - 1, &c);
    if (!vt_cp_is_alpha(c) || vt_cp_is_upper(c))
        return 0;
    char v[64];
    memcpy(v, fold, flen);
    v[0] = 'l';
    uint32_t n = 0, ni = 0, k = 0;
    const vt_posting *ps = vt_model_render(r->m, r->chan, v, flen, &n), *pi = NULL;
    float bound = search_bound(r->m, ps, n);
    if (vt_model_id(r->m, v, flen) == VT_TOK_UNK && !isnan(bound))
        ni = (uint32_t)invert_cached(r, v, flen, bound, &pi);
    for (uint32_t i = 0; i < n + ni && k < LOOKALIKE_POST; i++) {
        const vt_posting *q = i < n ? &ps[i] : &pi[i - n];
        out[k++] = (vt_posting){q->id, q->cost + LOOKALIKE_COST};
    }
    return k;
}

static void make_slot(vt_restorer *r, vt_pos *p, const char *s, size_t len, int kind)
{
    bool code = kind == VT_SLOT_CODE;
    const vt_restore_model *m = r->m;
    char key[256], fold[256];
    size_t klen = slot_key(s, len, key, sizeof key);
    size_t flen = klen ? vt_text_lower(s, len, fold, sizeof fold) : 0;
    uint32_t n = 0, ni = 0;
    const vt_posting *ps = slot_renderings(m, r->chan, fold, flen, key, klen, &n);
    uint32_t self = klen ? vt_model_id(m, key, klen) : VT_TOK_UNK;
    bool caps = vt_compose_caps_shaped(s, len);
    /* Capitals without a vowel are abbreviations (STT, HĐND, TP), unless
     * misread_shape, or two the model does not know: what OCR makes of a
     * capital and a small letter with marks (BG for Bộ, SG for Sở), a
     * syllable then, or itself. */
    bool vowelless = caps && !vt_compose_has_vowel(s, len);
    bool vowel_lost = vowelless && self == VT_TOK_UNK && vt_compose_letters(s, len) == 2;
    code = code || (vowelless && !misread_shape(s, len) && !vowel_lost);
    /* Tokens that are no syllable are searched for what they hide, unless
     * they are codes written as such: a generic edit would turn one real
     * code into another (SDT -> SYT); so are rare syllables the English
     * model seldom writes (RARE_SYLLABLE). */
    const vt_posting *pi = NULL;
    if (klen && !code && r->chan == VT_CHAN_ENG && !r->stripped &&
        (self == VT_TOK_UNK || (!(m->vocab_flags[self] & VT_VOC_SYLLABLE) && !caps) ||
         -m->uni_p[self] >= RARE_SYLLABLE)) {
        float bound = search_bound(m, ps, n);
        /* Damage the channel's training saw was searched when the model
         * was built. */
        if (!isnan(bound) && flen &&
            !(pi = vt_model_lookup(m, r->chan, VT_TAB_KNOWN, fold, flen, &ni)))
            ni = (uint32_t)invert_cached(r, fold, flen, bound, &pi);
    }
    vt_posting pv[LOOKALIKE_POST];
    bool doubled = false;
    /* Stripped text lost its marks only: its digits are digits; so are
     * a numbered code's (QH15). */
    uint32_t nv = code && !r->stripped && !vt_compose_numbered_code(s, len)
                      ? lookalike_postings(r, key, klen, self == VT_TOK_UNK, pv)
                  : r->chan == VT_CHAN_VIE ? tone_slips(m, key, pv, &doubled)
                  : !code && !r->stripped  ? l_for_i_postings(r, s, len, fold, flen, pv)
                                          : 0;
    if (r->chan == VT_CHAN_VIE && caps && self == VT_TOK_UNK && vt_compose_letters(s, len) > 2)
        nv = added_letter(m, key, pv, nv);
    vt_grow((void **)&r->slots.cands, &r->slots.cap_cands, r->slots.n_cands + n + ni + nv + 1,
            sizeof *r->slots.cands);
    if (!r->slots.marks)
        r->slots.marks = vt_xcalloc(m->h->n_vocab, sizeof *r->slots.marks);
    if (++r->slots.stamp == 0) {
        memset(r->slots.marks, 0, m->h->n_vocab * sizeof *r->slots.marks);
        r->slots.stamp = 1;
    }
    p->first = (uint32_t)r->slots.n_cands;
    p->slot = true;
    p->keep = -1;
    vt_cand *c = r->slots.cands + r->slots.n_cands;
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
        struct vt_cand_mark *at = &r->slots.marks[x->id];
        if (at->stamp != r->slots.stamp) {
            *at = (struct vt_cand_mark){r->slots.stamp, (uint32_t)k};
            c[k++] = (vt_cand){x->id, cost};
        } else if (cost < c[at->at].cost) {
            c[at->at].cost = cost;
        }
    }
    /* Rank by channel + unigram; keep the best VT_MAX_CANDS within the beam
     * (sorted after the beam's cut: most fall outside it). */
    float least = INFINITY;
    for (size_t i = 0; i < k; i++)
        least = vt_minf(least, c[i].cost -= m->uni_p[c[i].id]);
    size_t kept = 0, most = r->stripped ? MAX_CANDS_STRIPPED : VT_MAX_CANDS;
    /* In Vietnamese-model OCR a syllable's siblings (its letters with
     * other marks) stay whatever their unigram: OCR slips on a mark of a
     * rarer syllable as often as of a frequent one (ĐỊA BAN for BÀN: cut
     * by the beam, bàn never reached the context), the context tells them
     * apart, and the posterior gate decides. */
    char skel[256];
    bool siblings = r->chan == VT_CHAN_VIE && !code && skeleton_of(key, klen, skel, sizeof skel);
    for (size_t i = 0; i < k; i++)
        if (c[i].cost <= least + CAND_BEAM ||
            (siblings && same_skeleton(vt_model_str(m, c[i].id), skel)))
            c[kept++] = c[i];
    /* Most slots keep a few: sorted in place (cand_cmp is a total order,
     * so either way sorts the same). */
    if (kept <= 32) {
        for (size_t i = 1; i < kept; i++) {
            vt_cand x = c[i];
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
    float near = INFINITY; /* the closest known rendering */
    for (size_t i = 0; i < k; i++)
        near = vt_minf(near, c[i].cost);
    /* A word of a capital then digits that no syllable renders as (C7,
     * B3; not S6, the usual reading of Số) is a code as printed; inside a
     * notation, digits are read as the letters they resemble. */
    bool numbered = !code && capital_numbered(s, len) && near > VT_SURE_RENDERING;
    if (kind == VT_SLOT_DIGITS) {
        /* The number as written; the channel and the model weigh it
         * against the words, with no extra cost on the words: one reads
         * held-out OCR worse (bench/restore-heldout.sh). */
        if (k == VT_MAX_CANDS)
            k--;
        c[k] = (vt_cand){VT_TOK_NUM, 0};
        p->keep = (int8_t)k++;
    } else if (self == VT_TOK_UNK && (k == 0 || numbered ||
                                         (!r->stripped && !(ocr && !all_letters(s, len))))) {
        /* A word the model does not know (a name, a code, a foreign word)
         * may well be right as written.  Text that kept its marks is
         * trusted; English-model OCR rarely leaves such words intact and
         * never writes digits inside a real one; in stripped text a word
         * that could carry marks surely lost them. */
        c[k] = (vt_cand){VT_TOK_UNK, !ocr ? (doubled && marked(s, len) ? KEEP_COST_OCR_DAMAGED : 0)
                                  : numbered ? 0
                                  : (code && near <= VT_SURE_RENDERING) || marked(s, len)
                                      ? KEEP_COST_OCR_DAMAGED
                                      : KEEP_COST_OCR};
        p->keep = (int8_t)k++;
    } else if (p->keep < 0 && self != VT_TOK_UNK) {
        /* Known, but no rendering of it reached this far: as written. */
        if (k == VT_MAX_CANDS)
            k--;
        c[k] = (vt_cand){self, 0};
        p->keep = (int8_t)k++;
    }
    p->n = (uint8_t)k;
    r->slots.n_cands += k;
}

void vt_slots_trim(vt_restorer *r)
{
    int mode = r->chan * 2 + r->stripped;
    if (mode == r->slots.mode && r->slots.forms.n < SLOT_CACHE_MAX &&
        r->slots.n_cands < SLOT_CACHE_MAX * VT_MAX_CANDS)
        return;
    vt_strtab_clear(&r->slots.forms);
    r->slots.n_cands = 0;
    memset(r->slots.fixed, 0, sizeof r->slots.fixed);
    r->slots.mode = mode;
}

void vt_slots_add(vt_restorer *r, vt_pos *p, const char *s, size_t len, int kind)
{
    /* The kind is part of the key: a byte no text has. */
    char key[256];
    if (len + 1 > sizeof key) {
        make_slot(r, p, s, len, kind);
        return;
    }
    memcpy(key, s, len);
    key[len] = (char)(kind + 1);
    bool added;
    uint32_t at = vt_strtab_number(&r->slots.forms, key, len + 1, &added);
    if (!added) {
        const struct vt_slot_entry *e = &r->slots.entries[at];
        *p = (vt_pos){.word = p->word, .piece = p->piece, .first = e->first,
                      .n = (uint8_t)e->n, .slot = true, .keep = (int8_t)e->keep};
        return;
    }
    make_slot(r, p, s, len, kind);
    vt_grow((void **)&r->slots.entries, &r->slots.cap_entries, at + 1,
            sizeof *r->slots.entries);
    r->slots.entries[at] = (struct vt_slot_entry){p->first, p->n, p->keep};
}

void vt_slots_add_fixed(vt_restorer *r, vt_pos *p, uint32_t id)
{
    uint32_t *at = &r->slots.fixed[id % VT_FIXED_SLOTS];
    if (!*at || r->slots.cands[*at - 1].id != id) {
        vt_grow((void **)&r->slots.cands, &r->slots.cap_cands, r->slots.n_cands + 1,
                sizeof *r->slots.cands);
        r->slots.cands[r->slots.n_cands++] = (vt_cand){id, 0};
        *at = (uint32_t)r->slots.n_cands;
    }
    p->first = *at - 1;
    p->n = 1;
    p->slot = false;
    p->keep = 0;
}

