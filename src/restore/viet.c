/* viet.c — Vietnamese letters and syllables.
 *
 * Letter facts (case, marks, tone) come from ICU: at start-up every code
 * point below U+2000 is decomposed with ICU's NFD normaliser and its case
 * mapped with u_tolower/u_toupper, so no table here is written by hand.
 * What ICU does not know is orthography: where the tone mark sits in a
 * syllable (traditional "hòa" or reformed "hoà"). */
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "restore.h"

#define TABLE 0x2000

/* Letters that take a tone mark (a, ô, ư ...) are below this. */
#define TONED 0x200

static struct {
    uint16_t lower[TABLE], upper[TABLE], toneless[TABLE], skeleton[TABLE];
    uint8_t tone[TABLE], alpha[TABLE], isupper[TABLE];
    uint16_t with_tone[TONED][VT_TONE_COUNT];
} T;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Combining marks that carry a tone, in VT_TONE_* order. */
static const UChar tone_marks[VT_TONE_COUNT] = {0, 0x0300, 0x0301, 0x0309,
                                                0x0303, 0x0323};

static int mark_tone(UChar c)
{
    for (int t = 1; t < VT_TONE_COUNT; t++)
        if (tone_marks[t] == c)
            return t;
    return 0;
}

/* base with the tone's mark, composed by ICU; base when ICU has no one
 * letter for them. */
static uint32_t compose_tone(uint32_t base, int tone)
{
    if (tone <= 0 || tone >= VT_TONE_COUNT)
        return base;
    UChar in[2] = {(UChar)base, tone_marks[tone]}, out[4];
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    int32_t n = unorm2_normalize(nfc, in, 2, out, 4, &st);
    return U_SUCCESS(st) && n == 1 ? out[0] : base;
}

static void init_tables(void)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    for (uint32_t c = 0; c < TABLE; c++) {
        T.lower[c] = (uint16_t)u_tolower((UChar32)c);
        T.upper[c] = (uint16_t)u_toupper((UChar32)c);
        T.alpha[c] = u_isalpha((UChar32)c) != 0;
        T.isupper[c] = u_isupper((UChar32)c) != 0;
        T.toneless[c] = T.skeleton[c] = (uint16_t)c;
        if (U_FAILURE(st) || c < 0x80)
            continue;
        UChar src[1] = {(UChar)c}, d[8], keep[8], out[8];
        UErrorCode e = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(nfd, src, 1, d, 8, &e);
        if (U_FAILURE(e) || n < 2)
            continue;
        int32_t k = 0;
        for (int32_t i = 0; i < n; i++) {
            int t = mark_tone(d[i]);
            if (t)
                T.tone[c] = (uint8_t)t;
            else
                keep[k++] = d[i];
        }
        e = U_ZERO_ERROR;
        int32_t m = unorm2_normalize(nfc, keep, k, out, 8, &e);
        if (U_SUCCESS(e) && m == 1)
            T.toneless[c] = out[0];
        if (d[0] < 0x80 && u_isalpha(d[0]))
            T.skeleton[c] = d[0];
    }
    for (uint32_t c = 0; c < TONED; c++)
        for (int t = 0; t < VT_TONE_COUNT; t++)
            T.with_tone[c][t] = (uint16_t)compose_tone(c, t);
    /* đ has no decomposition: its skeleton is d by orthography. */
    T.skeleton[0x111] = 'd';
    T.skeleton[0x110] = 'D';
}

void vt_viet_init(void)
{
    pthread_once(&once, init_tables);
}

int vt_utf8_dec_multi(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    int n = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;
    if (n == 0 || (size_t)n > len) {
        *cp = 0xfffd;
        return 1;
    }
    uint32_t c = s[0] & (0x7f >> n);
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) {
            *cp = 0xfffd;
            return 1;
        }
        c = (c << 6) | (s[i] & 0x3f);
    }
    *cp = c;
    return n;
}

int vt_utf8_enc(uint32_t c, char *o)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xc0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xe0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        o[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    o[0] = (char)(0xf0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3f));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3f));
    o[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

bool vt_cp_alpha(uint32_t c)
{
    return c < TABLE ? T.alpha[c] : u_isalpha((UChar32)c);
}
bool vt_cp_upper(uint32_t c)
{
    return c < TABLE ? T.isupper[c] : u_isupper((UChar32)c);
}
uint32_t vt_cp_lower(uint32_t c)
{
    return c < TABLE ? T.lower[c] : (uint32_t)u_tolower((UChar32)c);
}
uint32_t vt_cp_toupper(uint32_t c)
{
    return c < TABLE ? T.upper[c] : (uint32_t)u_toupper((UChar32)c);
}
uint32_t vt_cp_toneless(uint32_t c)
{
    return c < TABLE ? T.toneless[c] : c;
}
int vt_cp_tone(uint32_t c)
{
    return c < TABLE ? T.tone[c] : 0;
}
uint32_t vt_cp_skeleton(uint32_t c)
{
    return c < TABLE ? T.skeleton[c] : c;
}

uint32_t vt_cp_with_tone(uint32_t base, int tone)
{
    if (tone <= 0 || tone >= VT_TONE_COUNT)
        return base;
    return base < TONED ? T.with_tone[base][tone] : compose_tone(base, tone);
}

/* ------------------------------------------------------------ syllables */

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
        c = vt_cp_lower(c);
        if (!vt_cp_alpha(c) || y->n == MAXS)
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

bool vt_syllable_canon(const char *s, int style, char *out, size_t cap)
{
    syl y;
    if (!parse(s, &y))
        return false;
    int p = y.tone ? tone_pos(&y, style) : -1;
    size_t o = 0;
    for (int k = 0; k < y.n; k++) {
        if (o + 5 > cap)
            return false;
        uint32_t c = k == p ? vt_cp_with_tone(y.c[k], y.tone) : y.c[k];
        o += (size_t)vt_utf8_enc(c, out + o);
    }
    out[o] = 0;
    return true;
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
