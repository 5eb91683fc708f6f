/* text.h — Vietnamese letters and text, for the stages that read words
 * (restore, parse); not installed.
 *
 * A name says what it works on: vt_utf8_* encode and decode, vt_cp_*
 * answer for one code point, vt_syllable_* for one syllable, vt_case_* for
 * the case of a word, vt_word_pieces and vt_roman_fix for its pieces,
 * vt_text_* for a string.  Two words mean one thing each:
 *   lower  letters in lowercase, marks kept: "Hòa Bình" -> "hòa bình";
 *   fold   lowercase with every mark gone and đ as d: "Hòa Bình" ->
 *          "hoa binh", what parse matches cues and lexicons on.
 *
 * Pieces: letters.c (the code-point tables, derived from ICU at start-up;
 * UTF-8), syllable.c (the shape of a syllable, tone placement), case.c
 * (case shape and re-casing), fold.c (lower and fold of strings), tokens.c
 * (a word into punctuation, numbers and syllable slots, the same for
 * training and restoring). */
#ifndef VT_TEXT_H
#define VT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------ letters */

enum { VT_TONE_NONE, VT_TONE_HUYEN, VT_TONE_SAC, VT_TONE_HOI, VT_TONE_NGA,
       VT_TONE_NANG, VT_TONE_COUNT };

enum { VT_STYLE_TRADITIONAL, VT_STYLE_REFORMED };

/* Build the letter tables from ICU; safe to call more than once, and
 * needed before any vt_cp_* or vt_syllable_* call. */
void vt_text_init(void);

/* Decode one UTF-8 code point at s (len bytes left); returns bytes used
 * (1 for an invalid byte, giving U+FFFD). */
int vt_utf8_dec_multi(const char *s, size_t len, uint32_t *cp);
static inline int vt_utf8_dec(const char *s, size_t len, uint32_t *cp)
{
    /* ASCII, most of any text's letters, inline. */
    if ((unsigned char)s[0] < 0x80) {
        *cp = (unsigned char)s[0];
        return 1;
    }
    return vt_utf8_dec_multi(s, len, cp);
}
/* Append the encoding of cp to out (4 bytes room); returns bytes. */
int vt_utf8_enc(uint32_t cp, char *out);

/* The letter facts of the code points below VT_LETTER_TABLE (letters.c),
 * read inline: restore asks them of every letter of every candidate, and
 * a call costs more than the look-up.  Code points above ask ICU. */
#define VT_LETTER_TABLE 0x2000
extern struct vt_letter_table {
    uint16_t lower[VT_LETTER_TABLE], upper[VT_LETTER_TABLE];
    uint16_t toneless[VT_LETTER_TABLE], skeleton[VT_LETTER_TABLE];
    uint8_t tone[VT_LETTER_TABLE], alpha[VT_LETTER_TABLE], isupper[VT_LETTER_TABLE];
} vt_letter_table;
bool vt_cp_is_alpha_icu(uint32_t cp);
bool vt_cp_is_upper_icu(uint32_t cp);
uint32_t vt_cp_to_lower_icu(uint32_t cp);
uint32_t vt_cp_to_upper_icu(uint32_t cp);

static inline bool vt_cp_is_alpha(uint32_t cp)
{
    return cp < VT_LETTER_TABLE ? vt_letter_table.alpha[cp] : vt_cp_is_alpha_icu(cp);
}
static inline bool vt_cp_is_upper(uint32_t cp)
{
    return cp < VT_LETTER_TABLE ? vt_letter_table.isupper[cp] : vt_cp_is_upper_icu(cp);
}
/* Simple (one to one) case mapping of one letter. */
static inline uint32_t vt_cp_to_lower(uint32_t cp)
{
    return cp < VT_LETTER_TABLE ? vt_letter_table.lower[cp] : vt_cp_to_lower_icu(cp);
}
static inline uint32_t vt_cp_to_upper(uint32_t cp)
{
    return cp < VT_LETTER_TABLE ? vt_letter_table.upper[cp] : vt_cp_to_upper_icu(cp);
}
/* The letter without its tone mark (ố -> ô). */
static inline uint32_t vt_cp_toneless(uint32_t cp)
{
    return cp < VT_LETTER_TABLE ? vt_letter_table.toneless[cp] : cp;
}
static inline int vt_cp_tone(uint32_t cp)
{
    return cp < VT_LETTER_TABLE ? vt_letter_table.tone[cp] : 0;
}
/* ASCII skeleton: every mark gone, đ -> d, case kept. */
static inline uint32_t vt_cp_skeleton(uint32_t cp)
{
    return cp < VT_LETTER_TABLE ? vt_letter_table.skeleton[cp] : cp;
}
/* toneless letter + tone -> letter (ô + sắc -> ố). */
uint32_t vt_cp_with_tone(uint32_t toneless, int tone);

/* ------------------------------------------------------------ syllables */

/* What vt_syllable_valid asks of a spelling.  Both look at letters only
 * (any non-letter fails), lowercase them, allow one tone mark at most and
 * want one run of one to three vowels. */
typedef enum vt_syllable_rule {
    /* The shape tone placement needs: any consonants before and after the
     * vowels; gi and qu are onsets only before another vowel (gì, quá). */
    VT_SYLLABLE_SHAPE,
    /* The shape with an onset and a coda Vietnamese spells (ngh, tr ... ;
     * ng, ch, c ...), and a word starting gi or qu taking them as its
     * onset: "toc" or "ve" may be a syllable, "thcs" or "gin" may not. */
    VT_SYLLABLE_INVENTORY
} vt_syllable_rule;
bool vt_syllable_valid(const char *s, vt_syllable_rule rule);

/* Lowercase syllable in `s` placed in canonical form for `style` into out
 * (NUL-terminated, at most cap bytes).  Returns false when s is not shaped
 * like a Vietnamese syllable (VT_SYLLABLE_SHAPE). */
bool vt_syllable_canon(const char *s, int style, char *out, size_t cap);
/* The syllable s (lowercase) with `tone` instead of its own, placed for
 * `style`; false when s is not shaped like a syllable. */
bool vt_syllable_retone(const char *s, int tone, int style, char *out, size_t cap);
/* 1 traditional, 2 reformed, 0 when the spelling does not tell. */
int vt_syllable_style(const char *s);
/* Toneless lowercase form and tone of a syllable. */
bool vt_syllable_split(const char *s, char *toneless, size_t cap, int *tone);

/* ------------------------------------------------------------ case */

/* Case shape of a piece of text. */
typedef enum { VT_CASE_LOWER, VT_CASE_TITLE, VT_CASE_UPPER, VT_CASE_MIXED } vt_case;
vt_case vt_case_of(const char *s, size_t len);
/* Apply the case of `like` (llen bytes) to lowercase `s`; writes out.
 * `code`: s is an abbreviation, whose mixed case is meant (TTg). */
size_t vt_case_apply(const char *s, const char *like, size_t llen, bool code,
                     char *out, size_t cap);

/* Strings in ICU's full Vietnamese case mapping, which may change a
 * letter into two (İ -> i̇); newly allocated, the caller frees. */
char *vt_text_lower_full(const char *s);
/* s with its first letter (past leading punctuation: “Bình) in title case. */
char *vt_text_upper_first(const char *s);
/* True when the letters of s are all upper case (and there are >= 2). */
bool vt_text_is_upper(const char *s);
/* True when at least 70% of the letters are (OCR'd capitals). */
bool vt_text_mostly_upper(const char *s);
/* True when s holds two letters or digits (a byte from 0xc0 on starts a
 * Vietnamese letter): more than a speck OCR read as a letter or a mark. */
bool vt_text_has_word(const char *s);

/* ------------------------------------------------------------ lower, fold */

/* Lower `len` bytes of s a letter at a time (simple case mapping:
 * Vietnamese letters map one to one) into out; returns bytes written or 0
 * if it does not fit. */
size_t vt_text_lower(const char *s, size_t len, char *out, size_t cap);

/* Fold `len` bytes of s into out (room for len * 4 + 1 bytes), one code
 * point at a time: tab and no-break space become a space, an invalid byte
 * '?', a stray combining mark nothing.  map (may be NULL; room as out)
 * gets for each byte of out the offset in s of the code point that gave
 * it, and map[result] = len.  Returns the bytes written. */
size_t vt_text_fold_map(const char *s, size_t len, char *out, size_t *map);
/* The fold of a NUL-terminated string (NULL as ""), newly allocated. */
char *vt_text_fold(const char *s);

/* ------------------------------------------------------------ tokens */

/* Pieces of one whitespace-separated word. */
typedef enum vt_piece_kind {
    VT_PIECE_PUNCT, /* kept as is; `tok` names the LM token or is NULL */
    VT_PIECE_NUM,   /* digits: left alone, LM token <num> */
    VT_PIECE_SLOT   /* letters, or letters damaged into digits/symbols */
} vt_piece_kind;

typedef struct vt_piece {
    vt_piece_kind kind;
    uint32_t off, len;  /* bytes within the word */
    const char *tok;    /* LM token for PUNCT pieces, NULL if none */
    bool misread;       /* a PUNCT piece OCR wrote as a letter: its tok is
                         * what the page shows */
} vt_piece;

/* Split `word` (len bytes) into pieces; returns how many (at most cap). */
size_t vt_word_pieces(const char *word, size_t len, vt_piece *out, size_t cap);

/* A number piece that is a Roman numeral read with small l for I (Il,
 * Ill): its len bytes with the I back into out; false for any other. */
bool vt_roman_fix(const char *s, size_t len, char *out);

#endif
