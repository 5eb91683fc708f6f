/* letters.c — Vietnamese letters: case, marks, tone, skeleton; UTF-8.
 *
 * Letter facts come from ICU: at start-up every code point below U+2000
 * is decomposed with ICU's NFD normaliser and its case mapped with
 * u_tolower/u_toupper, so no table here is written by hand.  What ICU
 * does not know is orthography: where the tone mark sits in a syllable
 * (syllable.c). */
#include <pthread.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "text.h"

#define TABLE VT_LETTER_TABLE

/* Letters that take a tone mark (a, ô, ư ...) are below this. */
#define TONED 0x200

struct vt_letter_table vt_letter_table;
static uint16_t with_tone[TONED][VT_TONE_COUNT];
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
        vt_letter_table.lower[c] = (uint16_t)u_tolower((UChar32)c);
        vt_letter_table.upper[c] = (uint16_t)u_toupper((UChar32)c);
        vt_letter_table.alpha[c] = u_isalpha((UChar32)c) != 0;
        vt_letter_table.isupper[c] = u_isupper((UChar32)c) != 0;
        vt_letter_table.toneless[c] = vt_letter_table.skeleton[c] = (uint16_t)c;
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
                vt_letter_table.tone[c] = (uint8_t)t;
            else
                keep[k++] = d[i];
        }
        e = U_ZERO_ERROR;
        int32_t m = unorm2_normalize(nfc, keep, k, out, 8, &e);
        if (U_SUCCESS(e) && m == 1)
            vt_letter_table.toneless[c] = out[0];
        if (d[0] < 0x80 && u_isalpha(d[0]))
            vt_letter_table.skeleton[c] = d[0];
    }
    for (uint32_t c = 0; c < TONED; c++)
        for (int t = 0; t < VT_TONE_COUNT; t++)
            with_tone[c][t] = (uint16_t)compose_tone(c, t);
    /* đ has no decomposition: its skeleton is d by orthography. */
    vt_letter_table.skeleton[0x111] = 'd';
    vt_letter_table.skeleton[0x110] = 'D';
}

void vt_text_init(void)
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

bool vt_cp_is_alpha_icu(uint32_t c)
{
    return u_isalpha((UChar32)c);
}
bool vt_cp_is_upper_icu(uint32_t c)
{
    return u_isupper((UChar32)c);
}
uint32_t vt_cp_to_lower_icu(uint32_t c)
{
    return (uint32_t)u_tolower((UChar32)c);
}
uint32_t vt_cp_to_upper_icu(uint32_t c)
{
    return (uint32_t)u_toupper((UChar32)c);
}

uint32_t vt_cp_with_tone(uint32_t base, int tone)
{
    if (tone <= 0 || tone >= VT_TONE_COUNT)
        return base;
    return base < TONED ? with_tone[base][tone] : compose_tone(base, tone);
}
