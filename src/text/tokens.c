/* tokens.c — split a word into the pieces restore works on.  Training
 * and restoring use the same splitting, so the language model sees text
 * the way the decoder does. */
#include <string.h>

#include "text.h"

/* Punctuation that surrounds a word or separates parts of a code.  The
 * LM token is the mark itself; quotes of every shape are one token. */
static const char *punct_token(uint32_t c)
{
    switch (c) {
    case ',': return ",";
    case '.': return ".";
    case ';': return ";";
    case ':': return ":";
    case '!': return "!";
    case '?': return "?";
    case '(': case '[': case '{': return "(";
    case ')': case ']': case '}': return ")";
    case '"': case '\'': case 0x201c: case 0x201d: case 0x2018: case 0x2019:
    case 0xab: case 0xbb: return "\"";
    case '-': case 0x2013: case 0x2014: return "-";
    case '/': return "/";
    case 0x2026: return ".";
    /* Marks that carry no context; '|' is mostly a table rule. */
    case '*': case 0x2022: case 0xb7: case '+': case '=': case '_': case '|':
    case '%':
        return "";
    default: return NULL;
    }
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Marks that separate the parts of a code inside a word (KH-SGDĐT,
 * 89-CTr/TU, TP.HCM, V/v). */
static bool is_inner_sep(uint32_t c)
{
    return c == '-' || c == '/' || c == '.' || c == ',' || c == ':' ||
           c == '(' || c == ')' || c == 0x2013;
}

static size_t add(vt_piece *out, size_t n, size_t cap, vt_piece_kind kind,
                  size_t off, size_t len, const char *tok)
{
    if (n < cap)
        out[n] = (vt_piece){kind, (uint32_t)off, (uint32_t)len, tok, false};
    return n + 1;
}

static size_t add_punct(vt_piece *out, size_t n, size_t cap, const char *w,
                        size_t off, size_t len)
{
    uint32_t c;
    vt_utf8_dec(w + off, len, &c);
    const char *t = punct_token(c);
    return add(out, n, cap, VT_PIECE_PUNCT, off, len, t && *t ? t : NULL);
}

size_t vt_word_pieces(const char *w, size_t len, vt_piece *out, size_t cap)
{
    uint32_t cps[256];
    size_t offs[257], n = 0;
    for (size_t i = 0; i < len && n < 256;) {
        offs[n] = i;
        i += (size_t)vt_utf8_dec(w + i, len - i, &cps[n]);
        n++;
    }
    offs[n] = len;
    /* A bar before a full stop or bracket is the numeral I of a heading
     * (I. MỤC ĐÍCH read as |.), not a table rule. */
    if (n == 2 && cps[0] == '|' && (cps[1] == '.' || cps[1] == ')')) {
        size_t k = add(out, 0, cap, VT_PIECE_NUM, 0, 1, NULL);
        return add_punct(out, k, cap, w, 1, 1);
    }
    /* Outer punctuation: marks at either end that never stand for a
     * letter.  "$", "&", digits and the like stay: OCR puts them where
     * letters were. */
    size_t a = 0, b = n;
    while (a < b && punct_token(cps[a]))
        a++;
    while (b > a && punct_token(cps[b - 1]))
        b--;
    size_t k = 0;
    for (size_t i = 0; i < a; i++)
        k = add_punct(out, k, cap, w, offs[i], offs[i + 1] - offs[i]);
    /* Core: runs between inner separators.  '&' separates only between
     * capitals (GD&ĐT, KH&CN): "K&", "c&ch" are damaged letters. */
    size_t s = a;
    for (size_t i = a; i <= b; i++) {
        bool sep = i < b && (is_inner_sep(cps[i]) ||
                             (cps[i] == '&' && i > a && i + 1 < b &&
                              vt_cp_is_upper(cps[i - 1]) && vt_cp_is_upper(cps[i + 1])));
        if (i < b && !sep)
            continue;
        if (i > s) {
            /* Digits, and Roman numerals of two letters or more (II, IV,
             * XII), are numbers: left alone.  OCR reads a numeral's I as
             * small l or digit 1 as often as not (Il, Ill, I1, I11): still
             * a numeral when it starts with a capital (vt_roman_fix puts
             * the I back). */
            bool digits = true, roman = i - s >= 2 && cps[s] != 'l' && cps[s] != '1';
            for (size_t j = s; j < i; j++) {
                digits = digits && is_digit(cps[j]);
                roman = roman && (cps[j] == 'I' || cps[j] == 'V' || cps[j] == 'X' ||
                                  cps[j] == 'l' || cps[j] == '1');
            }
            digits = digits || roman;
            k = add(out, k, cap, digits ? VT_PIECE_NUM : VT_PIECE_SLOT,
                    offs[s], offs[i] - offs[s], NULL);
        }
        if (i < b) {
            if (cps[i] == '&')
                k = add(out, k, cap, VT_PIECE_PUNCT, offs[i], 1, "&");
            else
                k = add_punct(out, k, cap, w, offs[i], offs[i + 1] - offs[i]);
        }
        s = i + 1;
    }
    for (size_t i = b; i < n; i++)
        k = add_punct(out, k, cap, w, offs[i], offs[i + 1] - offs[i]);
    return k < cap ? k : cap;
}

bool vt_roman_fix(const char *s, size_t len, char *out)
{
    if (len == 1 && s[0] == '|') {
        out[0] = 'I';
        return true;
    }
    /* Only a numeral that starts with a capital (vt_word_pieces): its l
     * and 1 were I. */
    if (len < 2 || !(s[0] == 'I' || s[0] == 'V' || s[0] == 'X') ||
        (!memchr(s, 'l', len) && !memchr(s, '1', len)))
        return false;
    for (size_t i = 0; i < len; i++)
        out[i] = s[i] == 'l' || s[i] == '1' ? 'I' : s[i];
    return true;
}
