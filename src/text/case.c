/* case.c — the case of words.
 *
 * Restore works on a word's case shape and puts it back on the word it
 * chose, a letter at a time (the letter tables); parse puts names printed
 * in capitals into normal case with ICU's string functions in the
 * Vietnamese locale. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "internal.h"
#include "text.h"

vt_case vt_case_of(const char *s, size_t len)
{
    size_t letters = 0, upper = 0;
    bool first_upper = false;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        if (!vt_cp_is_alpha(c))
            continue;
        bool u = vt_cp_is_upper(c);
        if (letters == 0)
            first_upper = u;
        letters++;
        upper += u;
    }
    if (letters == 0 || upper == 0)
        return VT_CASE_LOWER;
    if (upper == letters)
        return letters == 1 ? VT_CASE_TITLE : VT_CASE_UPPER;
    if (first_upper && upper == 1)
        return VT_CASE_TITLE;
    return VT_CASE_MIXED;
}

size_t vt_case_apply(const char *s, const char *like, size_t llen, bool code,
                     char *out, size_t cap)
{
    size_t slen = strlen(s);
    uint32_t sc[64], lc[64];
    size_t ns = 0, nl = 0;
    for (size_t i = 0; i < slen && ns < 64;)
        i += (size_t)vt_utf8_dec(s + i, slen - i, &sc[ns++]);
    for (size_t i = 0; i < llen && nl < 64;)
        i += (size_t)vt_utf8_dec(like + i, llen - i, &lc[nl++]);
    vt_case kc = vt_case_of(like, llen);
    bool first = nl && vt_cp_is_upper(lc[0]);
    /* A code written with one capital and digits for its other letters
     * (0D for QĐ), or of two letters the second read small (Qb), is in
     * capitals. */
    if (code && kc == VT_CASE_TITLE) {
        bool small = false;
        for (size_t i = 0; i < nl; i++)
            small = small || (vt_cp_is_alpha(lc[i]) && !vt_cp_is_upper(lc[i]));
        if (!small || nl == 2)
            kc = VT_CASE_UPPER;
    }
    /* A code of the same length keeps its case letter by letter (TTg,
     * CTr); a word takes the shape the page shows, where OCR mixing case
     * inside a word (DPao, PiCH, sO) is noise: Title, UPPER or lower. */
    bool per_letter = kc == VT_CASE_MIXED && ns == nl && code && first;
    if (kc == VT_CASE_MIXED && !per_letter) {
        size_t up = 0, letters = 0;
        for (size_t i = 0; i < nl; i++)
            if (vt_cp_is_alpha(lc[i])) {
                letters++;
                up += vt_cp_is_upper(lc[i]);
            }
        kc = up * 2 > letters ? VT_CASE_UPPER
             : first          ? VT_CASE_TITLE
                              : VT_CASE_LOWER;
    }
    size_t o = 0;
    for (size_t i = 0; i < ns; i++) {
        uint32_t c = sc[i];
        bool up = per_letter ? vt_cp_is_upper(lc[i])
                  : kc == VT_CASE_UPPER ? true
                  : kc == VT_CASE_TITLE ? i == 0
                                        : false;
        if (up)
            c = vt_cp_to_upper(c);
        if (o + 5 > cap)
            return 0;
        o += (size_t)vt_utf8_enc(c, out + o);
    }
    out[o] = 0;
    return o;
}

typedef int32_t (*case_fn)(UChar *, int32_t, const UChar *, int32_t,
                           const char *, UErrorCode *);

static char *convert(const char *s, case_fn fn)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8(NULL, 0, &n16, s, -1, &st);
    st = U_ZERO_ERROR;
    UChar *src = vt_xmalloc(((size_t)n16 + 1) * sizeof *src);
    u_strFromUTF8(src, n16 + 1, NULL, s, -1, &st);
    int32_t cap = n16 * 2 + 8;
    UChar *dst = vt_xmalloc((size_t)cap * sizeof *dst);
    st = U_ZERO_ERROR;
    int32_t nd = fn(dst, cap, src, n16, "vi", &st);
    char *out;
    if (U_FAILURE(st)) {
        out = vt_xstrdup(s);
    } else {
        int32_t n8 = 0;
        st = U_ZERO_ERROR;
        u_strToUTF8(NULL, 0, &n8, dst, nd, &st);
        out = vt_xmalloc((size_t)n8 + 1);
        st = U_ZERO_ERROR;
        u_strToUTF8(out, n8 + 1, NULL, dst, nd, &st);
    }
    free(src);
    free(dst);
    return out;
}

char *vt_text_lower_full(const char *s)
{
    return convert(s, u_strToLower);
}

char *vt_text_upper_first(const char *s)
{
    int32_t i = 0, len = (int32_t)strlen(s);
    UChar32 c = 0;
    /* Skip leading punctuation ("“Bình") to the first letter. */
    int32_t start = 0;
    while (i < len) {
        start = i;
        U8_NEXT(s, i, len, c);
        if (c >= 0 && u_isalpha(c))
            break;
    }
    if (i > len || c < 0 || !u_isalpha(c))
        return vt_xstrdup(s);
    UChar32 t = u_totitle(c);
    uint8_t buf[4];
    int32_t k = 0;
    UBool bad = 0;
    (void)bad;
    U8_APPEND(buf, k, 4, t, bad);
    char *out = vt_xmalloc((size_t)len + 8);
    memcpy(out, s, (size_t)start);
    memcpy(out + start, buf, (size_t)k);
    strcpy(out + start + k, s + i);
    return out;
}

bool vt_text_mostly_upper(const char *s)
{
    int32_t i = 0, len = (int32_t)strlen(s), letters = 0, upper = 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c < 0 || !u_isalpha(c))
            continue;
        letters++;
        upper += !u_islower(c);
    }
    /* OCR turns a few capitals into small letters ("TRƯỞNG pHÒNG"). */
    return letters >= 2 && upper * 10 >= letters * 7;
}

bool vt_text_has_word(const char *s)
{
    int alnum = 0;
    for (const unsigned char *c = (const unsigned char *)s; *c && alnum < 2; c++)
        alnum += isalnum(*c) || *c >= 0xc0;
    return alnum >= 2;
}

bool vt_text_is_upper(const char *s)
{
    int32_t i = 0, len = (int32_t)strlen(s), letters = 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c < 0 || !u_isalpha(c))
            continue;
        if (u_islower(c))
            return false;
        letters++;
    }
    return letters >= 2;
}
