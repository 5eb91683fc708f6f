/* decode.h — the decoder's parts, shared by its files only.
 *
 * A paragraph is decoded as a lattice: a position per piece of its words,
 * a slot with candidates or a fixed token.  decode.c holds the restorer,
 * the document mode and the lattice of a line; slots.c makes the
 * candidates of a slot (and remembers them per written form, with the
 * inverse searches); beam.c searches the lattice and weighs each choice;
 * recall.c reads a document twice, the second time with the pairs of
 * words the first reading found; compose.c reads a word into pieces
 * (codes, slashes, marks) and writes the chosen candidates back in the
 * word's case and the document's style.  Each file owns its part of the
 * restorer below. */
#ifndef VT_DECODE_H
#define VT_DECODE_H

#include <math.h>

#include "restore.h"

#define VT_MAX_CANDS 24   /* candidates kept per slot */
#define VT_MAX_PIECES 64  /* pieces per word */
#define VT_SURE_RENDERING 1.0f /* nats: a rendering this likely needs no search */
/* Weight of the document's own bigrams against the model's, as
 * lambda / (1 - lambda) of a linear interpolation with lambda = 0.1. */
#define VT_RECALL_WEIGHT 0.11f

typedef struct vt_cand {
    uint32_t id;
    float cost;
} vt_cand;

/* One position of the lattice: a slot with candidates, or a fixed token.
 * Small: a document's are kept for the second pass. */
typedef struct vt_pos {
    uint32_t first;  /* candidates in r->slots.cands */
    uint32_t word;
    uint8_t piece;   /* of the word's */
    uint8_t n;       /* candidates */
    uint8_t chosen;  /* index into its candidates */
    int8_t keep;     /* index of the as-written candidate, -1 if none */
    bool slot;
} vt_pos;
_Static_assert(VT_MAX_CANDS < INT8_MAX && VT_MAX_PIECES <= UINT8_MAX + 1, "pos fields fit");

/* What a slot may be: a word, a code part (only codes), or a number
 * standing alone between words, which OCR may have made of a word's
 * letters (1 for là, 10 for lộ). */
enum vt_slot_kind { VT_SLOT_WORD, VT_SLOT_CODE, VT_SLOT_DIGITS };

#define VT_FIXED_SLOTS 64
#define VT_SEARCH_SLOTS 2048
#define VT_SEARCH_KEY 40

/* slots.c: strings numbered 0, 1, ... in the order they came, found by
 * their hash: the written forms the decoder remembers what it made for. */
typedef struct vt_strtab {
    struct vt_strtab_slot *slots; /* open addressing, empty when klen == 0 */
    uint32_t cap, n;
    vt_buf keys;
} vt_strtab;

/* The number of the len bytes at s (len > 0); a string the table does not
 * have gets the next one (the count before), and *added is set. */
uint32_t vt_strtab_number(vt_strtab *t, const char *s, size_t len, bool *added);
void vt_strtab_clear(vt_strtab *t);
void vt_strtab_free(vt_strtab *t);

/* slots.c: the candidate lists, and the slots made per written form. */
typedef struct vt_slots {
    /* Every candidate list made (the slots' of every form remembered, the
     * fixed tokens'): positions point into it, so a lattice is kept or
     * narrowed without copying any.  Emptied only between documents. */
    vt_cand *cands;
    size_t n_cands, cap_cands;
    uint32_t fixed[VT_FIXED_SLOTS]; /* a fixed token's list, by id; + 1, 0 for none */
    vt_strtab forms;                /* written form and kind -> entries[] */
    struct vt_slot_entry *entries;
    size_t cap_entries;
    int mode;                  /* the document mode they were made in */
    struct vt_cand_mark *marks; /* per token, for make_slot */
    uint32_t stamp;
} vt_slots;

/* slots.c: the inverse searches made, per folded text and channel. */
typedef struct vt_search_entry {
    uint32_t hash;
    bool used;
    uint8_t chan, n;
    char key[VT_SEARCH_KEY];
    vt_posting p[VT_SEARCH_RESULTS];
} vt_search_entry;

typedef struct vt_search_cache {
    vt_search_entry cache[VT_SEARCH_SLOTS];
    vt_search_entry spare;
    vt_invert *inv;
} vt_search_cache;

/* beam.c: BEAM hypotheses per position. */
typedef struct vt_beam {
    struct vt_hyp *hyps;
    size_t cap;
} vt_beam;

/* recall.c: the first pass's lattices and pairs, for the second. */
typedef struct vt_recall {
    /* Positions, and per word of each group its first position (and one
     * past the last). */
    vt_pos *kept_pos;
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
    bool on;                /* the second pass: consult the pairs */
    const uint32_t *before; /* the first pass's tokens of this paragraph */
    size_t n_before;
    bool redone;            /* the second pass decoded it again */
    bool *open;             /* ... these positions of it */
    size_t cap_open;
} vt_recall;

/* decode.c: a word's pieces and which of its slots are code parts,
 * remembered per written form in the document mode they were read in:
 * documents repeat their words. */
typedef struct vt_forms {
    vt_strtab words;              /* written form -> entries[] */
    struct vt_form_entry *entries;
    size_t cap_entries;
    vt_piece *pieces;
    size_t n_pieces, cap_pieces;
    int mode;
} vt_forms;

/* decode.c: the words vt_compose_word made, remembered per written form,
 * choice at each of its positions and context, in the document mode and
 * style they were made in: most of a document's words are its frequent
 * ones, read the same way each time. */
typedef struct vt_composed {
    vt_strtab keys;             /* form, context and choices -> made[] */
    struct vt_made_word *made;
    size_t cap_made;
    vt_buf text;                /* the words made */
    int mode;
} vt_composed;

/* decode.c: what each written form of a document tells of its mode
 * (vt_restorer_begin). */
typedef struct vt_signs {
    vt_strtab words; /* written form -> of[] */
    struct vt_word_signs *of;
    size_t cap_of;
} vt_signs;

/* compose.c: letters English-model OCR writes for a slash. */
typedef struct vt_compose {
    uint32_t slash_reads[4];
    size_t n_slash_reads;
} vt_compose;

struct vt_restorer {
    const vt_restore_model *m;
    vt_restore_style style_opt;
    double review_below;
    /* The document mode (vt_restorer_begin). */
    int chan;      /* channel of the document */
    bool stripped; /* marks removed cleanly (no OCR damage) */
    int style;     /* tone placement of the output */
    uint32_t ctx[2]; /* last tokens decoded, when the text runs on */
    /* The line's lattice. */
    vt_pos *pos;
    size_t n_pos, cap_pos;
    vt_piece *pieces;      /* the line's, word w's from pstart[w] */
    size_t *pstart, *wpos; /* per word: first piece, first position */
    size_t cap_pieces, cap_pstart, cap_wpos;
    vt_signs signs;
    vt_forms forms;
    vt_composed composed;
    vt_slots slots;
    vt_search_cache search;
    vt_beam beam;
    vt_recall recall;
    vt_compose compose;
};

/* Where the decoder puts its words: with `detail`, as vt_restored_word
 * (confidences and alternatives too); else only each one's new text
 * (NULL when unchanged), all the whole text needs: an eighth of the
 * memory, over a document's words. */
typedef struct vt_results {
    vt_restored_word *detail;
    char **text;
} vt_results;

/* ------------------------------------------------------------ decode.c */

/* Decode the line's lattice: choose, and put the words that change in
 * out; `final`: a sentence ends with the line. */
void vt_decode_lattice(vt_restorer *r, const char *const *words, size_t n, vt_results out,
                       bool final);
/* Build the lattice of a line of n words and decode it; `ends`: a
 * sentence ends with it. */
void vt_decode_line(vt_restorer *r, const char *const *words, size_t n, vt_results out,
                    bool ends);
/* Whether a sentence ends with the lattice's line (or it has no tokens). */
bool vt_decode_ends_sentence(const vt_restorer *r);
vt_results vt_results_from(vt_results o, size_t w);
void vt_result_clear(vt_results o, size_t w);
/* Word w of `from` to word v of `to`, clearing what `to` had. */
void vt_result_move(vt_results to, size_t v, vt_results from, size_t w);

static inline uint32_t vt_chosen_id(const vt_restorer *r, size_t i)
{
    const vt_pos *p = &r->pos[i];
    return r->slots.cands[p->first + p->chosen].id;
}

/* ------------------------------------------------------------ slots.c */

/* Forget the forms remembered when the document mode changed or there
 * are too many: only where no lattice points into the candidates. */
void vt_slots_trim(vt_restorer *r);
/* Position p a slot for the len bytes at s, of `kind`. */
void vt_slots_add(vt_restorer *r, vt_pos *p, const char *s, size_t len, int kind);
/* Position p the fixed token id. */
void vt_slots_add_fixed(vt_restorer *r, vt_pos *p, uint32_t id);
void vt_slots_free(vt_slots *s);

/* ------------------------------------------------------------ beam.c */

/* Choose every position's candidate (the second pass: around its open
 * positions only); `final`: a sentence ends after the lattice. */
void vt_beam_search(vt_restorer *r, bool final);
/* Posterior of every candidate of position i given the chosen
 * neighbours. */
void vt_beam_posterior(const vt_restorer *r, size_t i, bool final, double *post);
void vt_beam_free(vt_beam *b);

/* ------------------------------------------------------------ recall.c */

/* How strongly the document pairs b and c (0 when it does not). */
float vt_recall_assoc(const vt_restorer *r, uint32_t b, uint32_t c);

/* ln P(c | ...) given as lp by the model, interpolated in the second pass
 * with the document's own pairing. */
static inline float vt_recall_lp(const vt_restorer *r, uint32_t b, uint32_t c, float lp)
{
    float a = r->recall.on ? vt_recall_assoc(r, b, c) : 0;
    return a > 0 ? logf(expf(lp) + VT_RECALL_WEIGHT * a) : lp;
}

/* The second pass opens the positions around a candidate that the
 * document pairs with a neighbour more strongly than the first pass's
 * choice; the others keep that choice.  Returns whether any opened. */
bool vt_recall_open(vt_restorer *r);
/* Whether positions [first_pos, end_pos) have an open one. */
bool vt_recall_word_open(const vt_restorer *r, size_t first_pos, size_t end_pos);
/* A whole document's words; para_end[i] marks the last word of each
 * paragraph. */
void vt_recall_decode_doc(vt_restorer *r, const char *const *words, const bool *para_end,
                          const bool *heading_on, size_t n, vt_results out);
void vt_recall_free(vt_recall *c);

/* ------------------------------------------------------------ compose.c */

/* Starts with two capitals: an abbreviation or code (UBND, SGDĐT, TTg)
 * or a word in an all-capitals heading. */
bool vt_compose_caps_shaped(const char *s, size_t len);
/* Letters of s in capitals and in small letters. */
void vt_compose_letter_cases(const char *s, size_t len, size_t *upper, size_t *lower);
size_t vt_compose_letters(const char *s, size_t len);

/* Find the letters English-model OCR writes for a slash in the model's
 * channel rules. */
void vt_compose_init(vt_restorer *r);
/* A word's pieces (VT_MAX_PIECES at most), as the decoder reads them;
 * lone_quote: the closing quote it ends with opens no quote before it
 * (vt_compose_lone_quote), and may be a letter's mark. */
size_t vt_compose_pieces(const vt_restorer *r, const char *word, vt_piece *pc, bool lone_quote);
/* Word w of a paragraph ends with a closing quote that no quote before
 * it opened (CƠ SỞ”, VẬT CHẤT). */
bool vt_compose_lone_quote(const char *const *words, size_t w);
/* A slot of English-model OCR in the shape the channel knows: a doubled
 * mark as one (HU’'U), ươ with one mark (TRU'O'NG as TRUO'NG), '!' or '|'
 * after a letter (or its mark) as I, or dropped after an I (the mark,
 * moved: DOI!), a bar starting small letters as l, a closing quote as ’.  Writes it into out (cap bytes) and returns its
 * length; 0 when the slot has none of these. */
size_t vt_compose_ocr_shape(const char *s, size_t len, char *out, size_t cap);
/* Which slots of a word (bit k for piece k) are parts of a code. */
unsigned vt_compose_code_slots(const char *w, const vt_piece *pc, size_t np);
/* Whether an item of a list or a sentence ends after word w: w ends in
 * a full stop, colon or semicolon, or is a list's dash (which opens the
 * next).  A paragraph holds the lines of a list: the next item's first
 * word is no neighbour of the last one's. */
bool vt_compose_item_end(const char *w);
/* Whether word w of n is in capitals, two letters or more, with no
 * syllable in capitals for its nearest words (vt_compose_lone_caps). */
bool vt_compose_lone_caps(const char *const *words, size_t n, size_t w);
/* Has a vowel letter (a, e, i, o, u, y with any marks; not đ). */
bool vt_compose_has_vowel(const char *s, size_t len);
/* Capitals then digits (QH15, UBTVQH14: a body and its term): a code as
 * documents print it, not letters OCR turned into digits, which leaves
 * at most one capital before them (S6 for Số). */
bool vt_compose_numbered_code(const char *s, size_t len);
/* Whether word w of n, a number of np pieces pc, may be a word: read by
 * OCR as digits, or a Roman numeral's letters that lost their marks. */
bool vt_compose_digits_word(const vt_restorer *r, const char *const *words, size_t n,
                            size_t w, const vt_piece *pc, size_t np);
/* Where word w of n stands, for its case (what vt_compose_word takes). */
unsigned vt_compose_context(const char *const *words, size_t n, size_t w);
/* Whether vt_compose_word may change the word at positions [first_pos,
 * end_pos). */
bool vt_compose_may_change(const vt_restorer *r, size_t first_pos, size_t end_pos,
                           const vt_piece *pc);
/* The word with slot `alt_pos` replaced by candidate alt_k (or the chosen
 * ones everywhere when alt_pos is SIZE_MAX); caller frees. */
char *vt_compose_word(const vt_restorer *r, const char *word, size_t first_pos,
                      size_t end_pos, size_t alt_pos, uint32_t alt_k, const vt_piece *pc,
                      unsigned ctx, bool *changed);
/* A token that ends a sentence. */
bool vt_compose_punct_final(const char *tok);

#endif
