/* syllable.c — the shape of a Vietnamese syllable and where its tone
 * mark sits (traditional "hòa", reformed "hoà").
 *
 * One parse serves both rules of vt_syllable_rule: restore places tones in
 * anything shaped like a syllable, parse asks whether OCR'd capitals could
 * spell one at all, which needs the onsets and codas of the language. */
#include <string.h>

#include "text.h"

static bool is_vowel(uint32_t c)
{
    uint32_t s = vt_cp_skeleton(c);
    return c != 0x111 && (s == 'a' || s == 'e' || s == 'i' || s == 'o' ||
                          s == 'u' || s == 'y');
}

/* A vowel carrying a circumflex, breve or horn (â ă ê ô ơ ư). */
static bool is_modified(uint32_t c)
{
    return is_vowel(c) && vt_cp_skeleton(c) != c;
}

#define MAXS 16

typedef struct {
    uint32_t c[MAXS]; /* toneless lowercase letters */
    int n, tone;
    int nuc, nlen; /* nucleus start and length */
} syl;

static bool parse(const char *s, syl *y)
{
    size_t len = strlen(s);
    y->n = 0;
    y->tone = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        c = vt_cp_to_lower(c);
        if (!vt_cp_is_alpha(c) || y->n == MAXS)
            return false;
        int t = vt_cp_tone(c);
        if (t) {
            if (y->tone)
                return false;
            y->tone = t;
        }
        y->c[y->n++] = vt_cp_toneless(c);
    }
    int i = 0;
    while (i < y->n && !is_vowel(y->c[i]))
        i++;
    if (i == y->n)
        return false;
    /* "qu" and "gi" + vowel: the u / i belongs to the onset. */
    if (i == 1 && y->c[0] == 'q' && y->c[1] == 'u' && i + 1 < y->n &&
        is_vowel(y->c[2]))
        i = 2;
    else if (i == 1 && y->c[0] == 'g' && y->c[1] == 'i' && i + 1 < y->n &&
             is_vowel(y->c[2]))
        i = 2;
    int j = i;
    while (j < y->n && is_vowel(y->c[j]))
        j++;
    for (int k = j; k < y->n; k++)
        if (is_vowel(y->c[k]))
            return false;
    y->nuc = i;
    y->nlen = j - i;
    return y->nlen > 0 && y->nlen <= 3;
}

static bool nucleus_is(const syl *y, const char *two)
{
    return y->nlen == 2 && y->c[y->nuc] == (uint32_t)two[0] &&
           y->c[y->nuc + 1] == (uint32_t)two[1];
}

static int tone_pos(const syl *y, int style)
{
    int last_mod = -1;
    for (int k = 0; k < y->nlen; k++)
        if (is_modified(y->c[y->nuc + k]))
            last_mod = y->nuc + k;
    if (last_mod >= 0)
        return last_mod;
    bool coda = y->nuc + y->nlen < y->n;
    if (coda)
        return y->nuc + y->nlen - 1;
    if (y->nlen == 3)
        return y->nuc + 1;
    if (y->nlen == 2 && style == VT_STYLE_REFORMED &&
        (nucleus_is(y, "oa") || nucleus_is(y, "oe") || nucleus_is(y, "uy")))
        return y->nuc + 1;
    return y->nuc;
}

/* Are letters [from, to) of y `spelling`? */
static bool letters_are(const syl *y, int from, int to, const char *spelling)
{
    if (to > y->n)
        return false;
    int k = from;
    for (const char *c = spelling; *c; c++, k++)
        if (k >= to || y->c[k] != (uint32_t)(unsigned char)*c)
            return false;
    return k == to;
}

/* Do the letters before and after the vowels spell an onset and a coda
 * (VT_SYLLABLE_INVENTORY)?  A word that starts gi or qu has that onset,
 * so a vowel must follow it. */
static bool spelled(const syl *y)
{
    static const char *const onsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph",
                                         "qu", "th", "tr"};
    static const char *const codas[] = {"ng", "nh", "ch", "c", "m", "n", "p", "t"};
    if ((letters_are(y, 0, 2, "gi") || letters_are(y, 0, 2, "qu")) && y->nuc < 2)
        return false;
    bool onset = y->nuc <= 1, coda = y->nuc + y->nlen == y->n;
    for (size_t i = 0; i < sizeof onsets / sizeof *onsets && !onset; i++)
        onset = letters_are(y, 0, y->nuc, onsets[i]);
    for (size_t i = 0; i < sizeof codas / sizeof *codas && !coda; i++)
        coda = letters_are(y, y->nuc + y->nlen, y->n, codas[i]);
    return onset && coda;
}

bool vt_syllable_valid(const char *s, vt_syllable_rule rule)
{
    syl y;
    return parse(s, &y) && (rule == VT_SYLLABLE_SHAPE || spelled(&y));
}

/* y written out with its tone placed for `style`. */
static bool place_tone(const syl *y, int style, char *out, size_t cap)
{
    int p = y->tone ? tone_pos(y, style) : -1;
    size_t o = 0;
    for (int k = 0; k < y->n; k++) {
        if (o + 5 > cap)
            return false;
        uint32_t c = k == p ? vt_cp_with_tone(y->c[k], y->tone) : y->c[k];
        o += (size_t)vt_utf8_enc(c, out + o);
    }
    out[o] = 0;
    return true;
}

bool vt_syllable_canon(const char *s, int style, char *out, size_t cap)
{
    syl y;
    return parse(s, &y) && place_tone(&y, style, out, cap);
}

bool vt_syllable_retone(const char *s, int tone, int style, char *out, size_t cap)
{
    syl y;
    if (tone < 0 || tone >= VT_TONE_COUNT || !parse(s, &y))
        return false;
    y.tone = tone;
    return place_tone(&y, style, out, cap);
}

int vt_syllable_style(const char *s)
{
    syl y;
    if (!parse(s, &y) || !y.tone || y.nuc + y.nlen < y.n)
        return 0;
    if (!(nucleus_is(&y, "oa") || nucleus_is(&y, "oe") || nucleus_is(&y, "uy")))
        return 0;
    /* Where does the mark sit in the spelling as written? */
    size_t len = strlen(s);
    int k = 0;
    for (size_t i = 0; i < len; k++) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        if (vt_cp_tone(c))
            return k == y.nuc ? 1 : 2;
    }
    return 0;
}

bool vt_syllable_split(const char *s, char *toneless, size_t cap, int *tone)
{
    syl y;
    if (!parse(s, &y))
        return false;
    size_t o = 0;
    for (int k = 0; k < y.n; k++) {
        if (o + 5 > cap)
            return false;
        o += (size_t)vt_utf8_enc(y.c[k], toneless + o);
    }
    toneless[o] = 0;
    *tone = y.tone;
    return true;
}
