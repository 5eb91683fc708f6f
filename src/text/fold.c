/* fold.c — lower and fold of strings (text.h says what each means).
 *
 * Lowering maps a letter at a time through the letter tables.  Folding
 * is ICU's decomposition of the lowercase letter, first code point kept:
 * restored text may still carry residual errors and legacy OCR has lost
 * its diacritics, so parse matches every cue on the fold. */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "internal.h"
#include "text.h"

size_t vt_text_lower(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += (size_t)vt_utf8_dec(s + i, len - i, &c);
        if (o + 4 >= cap)
            return 0;
        o += (size_t)vt_utf8_enc(vt_cp_to_lower(c), out + o);
    }
    out[o] = 0;
    return o;
}

/* The fold of one code point; -1 for none. */
static UChar32 fold_cp(UChar32 c)
{
    if (c == 0x0110 || c == 0x0111) /* Đ đ have no decomposition */
        return 'd';
    c = u_tolower(c);
    if (c < 0x80)
        return c;
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
    UChar buf[8];
    int32_t n = U_SUCCESS(st) ? unorm2_getDecomposition(nfd, c, buf, 8, &st) : -1;
    if (n > 0 && U_SUCCESS(st)) {
        UChar32 base;
        int32_t i = 0;
        U16_NEXT(buf, i, n, base);
        return base;
    }
    if (u_charType(c) == U_NON_SPACING_MARK)
        return -1; /* a stray combining mark folds to nothing */
    return c;
}

size_t vt_text_fold_map(const char *s, size_t len, char *out, size_t *map)
{
    size_t o = 0;
    int32_t i = 0, n = (int32_t)len;
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0)
            c = '?';
        if (c == '\t' || c == 0xA0)
            c = ' ';
        UChar32 f = fold_cp(c);
        if (f < 0)
            continue;
        uint8_t buf[4];
        int32_t k = 0;
        UBool bad = 0;
        (void)bad;
        U8_APPEND((uint8_t *)buf, k, 4, f, bad);
        for (int32_t j = 0; j < k; j++) {
            if (map)
                map[o] = (size_t)start;
            out[o++] = (char)buf[j];
        }
    }
    out[o] = '\0';
    if (map)
        map[o] = len;
    return o;
}

char *vt_text_fold(const char *s)
{
    if (!s)
        s = "";
    size_t len = strlen(s);
    char *out = vt_xmalloc(len * 4 + 1);
    vt_text_fold_map(s, len, out, NULL);
    return out;
}
