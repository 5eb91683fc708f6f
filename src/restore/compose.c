/* compose.c — words in and out of the lattice.  In: a word's pieces as
 * the decoder reads them (a mark OCR wrote after a letter joined to it, a
 * slash read as a letter split out), which of its slots are parts of a
 * code, a number that may be a word.  Out: the chosen candidates written
 * back into the word, in the document's tone style and the case the page
 * shows (or the case a heading or a sentence calls for). */
#include <string.h>

#include "decode.h"

/* A slash read as a letter (split_slash): the reading seen more than once
 * in the channel's training, the abbreviation in use (ln P(y | x /)), no
 * syllable the channel makes the word of more cheaply. */
#define SLASH_READ_COST 6.5f
#define SLASH_LEAST_LP (-1.0f)
#define SLASH_SYLLABLE 2.0f

/* Starts with two capitals: an abbreviation or code (UBND, SGDĐT, TTg)
 * or a word in an all-capitals heading. */
bool vt_compose_caps_shaped(const char *s, size_t len)
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

void vt_compose_letter_cases(const char *s, size_t len, size_t *upper, size_t *lower)
{
    *upper = *lower = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        if (vt_cp_is_alpha(c))
            ++*(vt_cp_is_upper(c) ? upper : lower);
    }
}

size_t vt_compose_letters(const char *s, size_t len)
{
    size_t upper, lower;
    vt_compose_letter_cases(s, len, &upper, &lower);
    return upper + lower;
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
    vt_compose_letter_cases(w, strlen(w), &upper, &lower);
    return upper > lower;
}

bool vt_compose_item_end(const char *w)
{
    size_t len = strlen(w);
    return (len == 1 && (w[0] == '-' || w[0] == '+')) ||
           (len && (w[len - 1] == '.' || w[len - 1] == ':' || w[len - 1] == ';'));
}

/* The nearest word before (dir -1) or after (1) word w with two letters
 * at least (not the Y of Bộ Y tế, nor a dash), or n when none; with
 * `in_item`, within w's item only (vt_compose_item_end). */
static size_t nearest_word(const char *const *words, size_t n, size_t w, int dir, bool in_item)
{
    for (size_t i = w; dir < 0 ? i-- > 0 : ++i < n;) {
        if (in_item && vt_compose_item_end(words[dir < 0 ? i : i - 1]))
            return n;
        if (vt_compose_letters(words[i], strlen(words[i])) >= 2)
            return i;
    }
    return n;
}

bool vt_compose_has_vowel(const char *s, size_t len)
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

/* A word in capitals, a syllable's shape: what a heading is made of (a
 * code with no vowel, VP, HĐND, is none). */
static bool caps_syllable_like(const char *w)
{
    return caps_like(w) && vt_compose_has_vowel(w, strlen(w));
}

/* Capitals among words in small letters are abbreviations and foreign
 * words (TU, CA, BOT, ASEAN, XIV), not syllables: the dev documents'
 * text holds nearly a thousand such words and no syllable in capitals
 * with marks, which stand beside other capitals (a heading's words, a
 * name).  Codes with no vowel (VP, HĐND) do not make a heading. */
bool vt_compose_lone_caps(const char *const *words, size_t n, size_t w)
{
    if (!heading_word(words[w]))
        return false;
    size_t before = nearest_word(words, n, w, -1, true),
           after = nearest_word(words, n, w, 1, true);
    return (before < n || after < n) && (before == n || !caps_syllable_like(words[before])) &&
           (after == n || !caps_syllable_like(words[after]));
}

bool vt_heading_line(const char *const *words, size_t n)
{
    size_t caps = 0;
    for (size_t w = 0; w < n; w++) {
        size_t upper, lower;
        vt_compose_letter_cases(words[w], strlen(words[w]), &upper, &lower);
        if (upper + lower >= 2 && upper <= lower)
            return false;
        caps += upper + lower >= 2;
    }
    return caps > 0;
}

bool vt_name_line(const char *const *words, size_t n)
{
    if (n < 2 || n > 4)
        return false;
    for (size_t w = 0; w < n; w++) {
        size_t len = strlen(words[w]), k = 0;
        for (size_t i = 0; i < len; k++) {
            uint32_t c;
            i += (size_t)vt_utf8_dec(words[w] + i, len - i, &c);
            if (!vt_cp_is_alpha(c) || vt_cp_is_upper(c) != (k == 0))
                return false;
        }
    }
    return true;
}

unsigned vt_compose_context(const char *const *words, size_t n, size_t w)
{
    unsigned ctx = 0;
    bool heading_before = w > 0 && heading_word(words[w - 1]);
    if ((w > 0 || w + 1 < n) && (w == 0 || heading_before) &&
        (w + 1 == n || heading_word(words[w + 1])))
        ctx |= CTX_CAPS;
    uint32_t c0 = 0;
    if (w + 1 < n && *words[w + 1])
        vt_utf8_dec(words[w + 1], strlen(words[w + 1]), &c0);
    if (vt_cp_is_alpha(c0) && !vt_cp_is_upper(c0) && !heading_before)
        ctx |= CTX_LOWER_NEXT;
    /* In capitals next to words none of which is: no heading. */
    if (caps_like(words[w])) {
        size_t before = nearest_word(words, n, w, -1, false),
               after = nearest_word(words, n, w, 1, false);
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
        if ((ctx & CTX_CAPS) && vt_compose_letters(like, llen) == 1) {
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

bool vt_compose_punct_final(const char *tok)
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
char *vt_compose_word(const vt_restorer *r, const char *word, size_t first_pos,
                      size_t end_pos, size_t alt_pos, uint32_t alt_k, const vt_piece *pc,
                      unsigned ctx, bool *changed)
{
    size_t wlen = strlen(word);
    /* Room for the word with a mark or two on each letter: one
     * allocation, kept as it is until the caller is done. */
    vt_buf b = {vt_xmalloc(3 * wlen + 16), 0, 3 * wlen + 16};
    size_t at = 0;
    *changed = false;
    for (size_t i = first_pos; i < end_pos; i++) {
        const vt_pos *p = &r->pos[i];
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
            vt_buf_add(&b, word + at, q->off - at);
            vt_buf_add(&b, out, olen);
            at = q->off + q->len;
            *changed = true;
            continue;
        }
        uint32_t k = i == alt_pos ? alt_k : p->chosen;
        if ((int)k == p->keep)
            continue;
        size_t n = render_text(r, r->slots.cands[p->first + k].id, word + q->off, q->len, ctx,
                               out, sizeof out);
        if (n == 0 || (n == q->len && memcmp(out, word + q->off, n) == 0))
            continue;
        vt_buf_add(&b, word + at, q->off - at);
        vt_buf_add(&b, out, n);
        at = q->off + q->len;
        *changed = true;
    }
    vt_buf_add(&b, word + at, wlen - at);
    return b.data;
}

/* Whether vt_compose_word may change the word at positions [first_pos,
 * end_pos): a slot not as written, a number (a Roman numeral read with l),
 * a slash read as a letter.  Most words stay, and need no copy made. */
bool vt_compose_may_change(const vt_restorer *r, size_t first_pos, size_t end_pos,
                           const vt_piece *pc)
{
    for (size_t i = first_pos; i < end_pos; i++) {
        const vt_pos *p = &r->pos[i];
        const vt_piece *q = &pc[p->piece];
        if (p->slot ? (int)p->chosen != p->keep : q->misread || q->kind == VT_PIECE_NUM)
            return true;
    }
    return false;
}

/* A part of a word led by no number that spells a syllable of three
 * letters or more (PHAP in "SỞ TƯ PHAP/UBND", a heading naming an
 * authority and a code): a word in capitals, which the decoder restores;
 * the letters of a code (KH, SGDĐT, TTg) spell no syllable, and a short
 * one that does (TU of 89-Ctr/TU) stays a code. */
static bool word_part(const char *w, const vt_piece *pc, size_t k)
{
    enum { WORD_LETTERS = 3, PART_MAX = 32 };
    char part[PART_MAX];
    if (pc[0].kind == VT_PIECE_NUM || pc[k].len >= PART_MAX ||
        vt_compose_letters(w + pc[k].off, pc[k].len) < WORD_LETTERS)
        return false;
    memcpy(part, w + pc[k].off, pc[k].len);
    part[pc[k].len] = '\0';
    return vt_syllable_valid(part, VT_SYLLABLE_INVENTORY);
}

/* Which slots of a word are parts of a code, whose candidates are other
 * codes only, never syllables:
 * - a word of several parts with one in capitals (146/QĐ-TTg, KH-SGDĐT):
 *   each part with no small letter (QĐ, and 0D, where OCR read Q as 0)
 *   but a word in capitals joined to it (word_part);
 * - short parts joined by a slash (đ/c, V/v, b/c): administrative
 *   abbreviations, not syllables. */
unsigned vt_compose_code_slots(const char *w, const vt_piece *pc, size_t np)
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
        caps = caps || vt_compose_caps_shaped(w + pc[k].off, pc[k].len);
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
        bool part = ((slots >= 2 && caps) || symbol) && short_caps(w + pc[k].off, pc[k].len) &&
                    !word_part(w, pc, k);
        if (abbrev || part)
            bits |= 1u << k;
    }
    return bits;
}

bool vt_compose_numbered_code(const char *s, size_t len)
{
    size_t caps = 0, i = 0;
    while (i < len && s[i] >= 'A' && s[i] <= 'Z')
        i++, caps++;
    if (caps < 2 || i == len)
        return false;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    return i == len;
}

/* Marks the English model writes after a letter for its horn or tone. */
static bool is_mark(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == '`';
}

/* A number standing alone between two words, in English-model OCR or
 * stripped text, that may be a word: one or two digits between words of
 * small letters in OCR (nhất 1 phong trào), or a Roman numeral spelt as a
 * syllable is between words of letters (ĐƠN VI HÀNH CHÍNH, which lost
 * the mark of VỊ). */
bool vt_compose_digits_word(const vt_restorer *r, const char *const *words, size_t n,
                            size_t w, const vt_piece *pc, size_t np)
{
    if (r->chan != VT_CHAN_ENG || np != 1 || w == 0 || w + 1 >= n)
        return false;
    bool roman = pc[0].len == strlen(words[w]) && vt_compose_letters(words[w], pc[0].len) == pc[0].len;
    if (!roman && (r->stripped || pc[0].len > 2))
        return false;
    for (size_t d = w - 1; d <= w + 1; d += 2) {
        uint32_t c;
        const char *x = words[d];
        size_t len = strlen(x);
        for (size_t i = 0; i < len;) {
            i += (size_t)vt_utf8_dec(x + i, len - i, &c);
            /* A neighbour in capitals may carry the marks the English
             * model writes for a horn or tone (ĐƠN VI SU’ NGHIỆP). */
            if (roman ? !vt_cp_is_alpha(c) && !is_mark(c)
                      : !vt_cp_is_alpha(c) || vt_cp_is_upper(c))
                return false;
        }
    }
    return true;
}

/* Marks the English model writes after a letter for its horn or tone
 * (cơ as co', thứ as thi?): at a word's end they look like punctuation. */
static bool mark_like(const char *s, size_t len)
{
    return (len == 1 && (*s == '\'' || *s == '?')) ||
           (len == 3 && memcmp(s, "\xe2\x80\x99", 3) == 0); /* U+2019 */
}

#define CLOSE_QUOTE "\xe2\x80\x9d" /* U+201D */

/* A small letter: what follows a bar that stands for an l. */
static bool small_letter(uint32_t c)
{
    return vt_cp_is_alpha(c) && !vt_cp_is_upper(c);
}

/* I as English-model OCR reads it in capitals, after a letter (THO! for
 * THỜI, MO| for MỚI). */
static bool is_bar_i(uint32_t c)
{
    return c == '!' || c == '|';
}

size_t vt_compose_ocr_shape(const char *s, size_t len, char *out, size_t cap)
{
    uint32_t cp[64];
    size_t n = 0, o = 0;
    bool changed = false;
    for (size_t i = 0; i < len;) {
        if (n == sizeof cp / sizeof *cp)
            return 0;
        i += (size_t)vt_utf8_dec(s + i, len - i, &cp[n++]);
    }
    uint32_t prev = 0;
    for (size_t k = 0; k < n; k++) {
        /* A closing quote joined to a word (lone_quote) is the horn and
         * hook the English model writes as ’ elsewhere. */
        uint32_t c = cp[k] == 0x201d ? 0x2019 : cp[k];
        /* A mark doubled; the horn of u before o and its horn: the channel
         * knows ươ as uo' (TRUO'NG), one mark for both. */
        bool skip = is_mark(c) && (is_mark(prev) ||
                                   (vt_cp_to_lower(prev) == 'u' && k + 2 < n &&
                                    vt_cp_to_lower(cp[k + 1]) == 'o' && is_mark(cp[k + 2])));
        /* After an I the bar is the syllable's mark, moved (DOI! for ĐỔI). */
        skip = skip || (is_bar_i(c) && vt_cp_to_lower(prev) == 'i');
        /* The bar also follows a letter's mark (LO’! for LỢI), and at a
         * word's start before small letters it is an l (|ấu for lậu). */
        uint32_t letter = is_mark(prev) && k >= 2 ? cp[k - 2] : prev;
        if (!skip && is_bar_i(c) && vt_cp_is_alpha(letter))
            c = vt_cp_is_upper(letter) ? 'I' : 'i';
        else if (c == '|' && k == 0 && n > 1 && small_letter(cp[1]))
            c = 'l';
        changed = changed || skip || c != cp[k];
        if (skip)
            continue;
        if (o + 4 >= cap)
            return 0;
        o += (size_t)vt_utf8_enc(c, out + o);
        prev = c;
    }
    return changed ? o : 0;
}

/* Is text (an OCR'd slot with the marks after it) the channel's rendering
 * of a syllable, once in the shape vt_compose_ocr_shape gives it? */
static bool renders_syllable(const vt_restorer *r, const char *s, size_t len)
{
    char shape[256], fold[256];
    size_t slen = vt_compose_ocr_shape(s, len, shape, sizeof shape);
    size_t flen = slen ? vt_text_lower(shape, slen, fold, sizeof fold)
                       : vt_text_lower(s, len, fold, sizeof fold);
    uint32_t n = 0;
    const vt_posting *ps = flen ? vt_model_render(r->m, r->chan, fold, flen, &n) : NULL;
    for (uint32_t i = 0; i < n; i++)
        if (r->m->vocab_flags[ps[i].id] & VT_VOC_SYLLABLE)
            return true;
    return false;
}

/* A bar opening a word before small letters: an l (|ấu for lậu), as
 * English-model OCR reads it where a table rule cannot be. */
static bool bar_before_small(const char *word, const vt_piece *bar, const vt_piece *slot)
{
    uint32_t c = 0;
    vt_utf8_dec(word + slot->off, slot->len, &c);
    return bar->off == 0 && bar->len == 1 && word[0] == '|' && slot->off == 1 &&
           small_letter(c);
}

/* In English-model OCR, a slot and the mark after it that together are a
 * rendering of a syllable become one slot: the mark was the letter's, not
 * the sentence's.  So does a word in capitals and the '!' or '|' after
 * it that was its I (THO! for THỜI, LO’! for LỢI), a bar before small
 * letters that was an l, and, when `lone_quote` (a closing quote no
 * quote opened), the quote at the word's end.  Returns the pieces left. */
static size_t join_marks(const vt_restorer *r, const char *word, vt_piece *pc, size_t np,
                         bool lone_quote)
{
    if (r->chan != VT_CHAN_ENG || r->stripped)
        return np;
    for (size_t k = 0; k + 1 < np;) {
        vt_piece *a = &pc[k], *b = &pc[k + 1];
        bool join = false;
        if (a->kind == VT_PIECE_PUNCT && b->kind == VT_PIECE_SLOT) {
            join = bar_before_small(word, a, b) && renders_syllable(r, word, a->len + b->len);
            if (join)
                b->off = a->off;
        } else if (a->kind == VT_PIECE_SLOT && b->kind == VT_PIECE_PUNCT &&
                   b->off == a->off + a->len) {
            uint32_t c = 0;
            vt_utf8_dec(word + b->off, b->len, &c);
            bool bar = b->len == 1 && is_bar_i(c) && vt_compose_caps_shaped(word + a->off, a->len);
            bool quote = lone_quote && b->len == 3 && memcmp(word + b->off, CLOSE_QUOTE, 3) == 0;
            join = (bar || quote || mark_like(word + b->off, b->len)) &&
                   renders_syllable(r, word + a->off, a->len + b->len);
        }
        if (!join) {
            k++;
            continue;
        }
        /* One slot of both; it may take the next mark too (LO’!). */
        b->len += a->len;
        b->kind = VT_PIECE_SLOT;
        b->tok = NULL;
        b->off = a->off;
        memmove(a, b, (np - k - 1) * sizeof *a);
        np--;
    }
    return np;
}

/* Tokens the model may read for the letter at s (len bytes), as a code:
 * the letter itself and the codes the channel usually renders as it (d
 * for đ: a cost of VT_SURE_RENDERING at most). */
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
        if (ps[i].id != self && ps[i].cost <= VT_SURE_RENDERING &&
            !(r->m->vocab_flags[ps[i].id] & VT_VOC_SYLLABLE))
            ids[n++] = ps[i].id;
    return n;
}

/* The slash of a short abbreviation that English-model OCR read as a
 * letter (Viv for V/v): a word of three letters the model does not know
 * and the channel makes of no syllable with a cost below SLASH_SYLLABLE
 * (dic may well be đúc), whose middle one the channel reads a slash as
 * more than once in its training (SLASH_READ_COST: a reading seen once,
 * as / for A, is noise, and would turn Pat for Đạt into P/t), and whose
 * outer ones the model knows joined by a slash (ln P(y | x /) at least
 * SLASH_LEAST_LP: an abbreviation in use).  Its one slot becomes
 * letter, slash, letter: a code the decoder restores as such, where the
 * syllable `Vị` would lose the parser the document's type and trích
 * yếu. */
static size_t split_slash(const vt_restorer *r, const char *word, vt_piece *pc, size_t np)
{
    /* The cue may carry its colon ("Viv:"): punctuation after the slot
     * stays after it; so may a purpose in a recipient list its opening
     * bracket ("(bic);" for (b/c)). */
    size_t f = np >= 2 && pc[0].kind == VT_PIECE_PUNCT && pc[0].tok &&
                       strcmp(pc[0].tok, "(") == 0
                   ? 1
                   : 0;
    bool punct_after = np >= f + 1 && np + 2 <= VT_MAX_PIECES;
    for (size_t k = f + 1; k < np && punct_after; k++)
        punct_after = pc[k].kind == VT_PIECE_PUNCT;
    if (r->chan != VT_CHAN_ENG || r->stripped || !punct_after || pc[f].kind != VT_PIECE_SLOT)
        return np;
    vt_piece *q = pc + f; /* the slot, and what follows it */
    const char *s = word + q[0].off;
    uint32_t cp[3];
    size_t at[4] = {0}, n = 0;
    while (n < 3 && at[n] < q[0].len) {
        at[n + 1] = at[n] + (size_t)vt_utf8_dec(s + at[n], q[0].len - at[n], &cp[n]);
        n++;
    }
    bool slash = false;
    for (size_t i = 0; n == 3 && i < r->compose.n_slash_reads; i++)
        slash = slash || vt_cp_to_lower(cp[1]) == r->compose.slash_reads[i];
    char fold[64];
    if (!slash || at[3] != q[0].len || !vt_cp_is_alpha(cp[0]) || !vt_cp_is_alpha(cp[2]))
        return np;
    size_t flen = vt_text_lower(s, q[0].len, fold, sizeof fold);
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
    uint32_t off = q[0].off;
    memmove(q + 3, q + 1, (np - f - 1) * sizeof *q);
    q[0] = (vt_piece){VT_PIECE_SLOT, off, (uint32_t)at[1], NULL, false};
    q[1] = (vt_piece){VT_PIECE_PUNCT, off + (uint32_t)at[1], (uint32_t)(at[2] - at[1]), "/", true};
    q[2] = (vt_piece){VT_PIECE_SLOT, off + (uint32_t)at[2], (uint32_t)(at[3] - at[2]), NULL, false};
    return np + 2;
}

bool vt_compose_lone_quote(const char *const *words, size_t w)
{
    /* The quote ends the word's letters: after it at most a comma or a
     * full stop and the like. */
    size_t len = strlen(words[w]);
    while (len > 0 && strchr(".,;:", words[w][len - 1]))
        len--;
    if (len < 4 || memcmp(words[w] + len - 3, CLOSE_QUOTE, 3) != 0)
        return false;
    bool open = false;
    for (size_t i = 0; i <= w; i++) {
        const char *x = words[i];
        size_t xl = i == w ? len - 3 : strlen(x);
        for (size_t j = 0; j < xl;) {
            uint32_t c;
            j += (size_t)vt_utf8_dec(x + j, xl - j, &c);
            if (c == 0x201c || c == 0x201d || c == '"')
                open = c == 0x201c || (c == '"' && !open);
        }
    }
    return !open;
}

size_t vt_compose_pieces(const vt_restorer *r, const char *word, vt_piece *pc, bool lone_quote)
{
    size_t np = vt_word_pieces(word, strlen(word), pc, VT_MAX_PIECES);
    np = join_marks(r, word, pc, np, lone_quote);
    return split_slash(r, word, pc, np);
}

void vt_compose_init(vt_restorer *r)
{
    /* From the channel's rules whose truth is a slash: one letter, read
     * more than once in its training. */
    const vt_restore_model *m = r->m;
    const vt_model_rule *rule = m->rules[VT_CHAN_ENG];
    vt_compose *c = &r->compose;
    for (uint32_t i = 0; i < m->h->n_rules[VT_CHAN_ENG] && c->n_slash_reads < 4; i++) {
        const char *o = m->strings + rule[i].ocr;
        uint32_t cp;
        if (strcmp(m->strings + rule[i].truth, "/") == 0 && rule[i].cost <= SLASH_READ_COST &&
            *o && vt_utf8_dec(o, strlen(o), &cp) == (int)strlen(o) && vt_cp_is_alpha(cp))
            c->slash_reads[c->n_slash_reads++] = cp;
    }
}
