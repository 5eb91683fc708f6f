/* date.c — calendar dates from possibly damaged OCR digits.
 *
 * A printed date that is valid is taken as printed.  Otherwise every
 * character is replaced by the digits OCR is known to confuse it with, and
 * the date is accepted only when exactly one valid reading remains. */
#include <stdlib.h>
#include <string.h>

#include "parse.h"

bool vt_date_valid(int y, int m, int d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1)
        return false;
    int dm = days[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        dm = 29;
    return d <= dm;
}

/* Digits a folded character may stand for; the first is its own reading. */
static const char *readings(char c)
{
    switch (c) {
    case '0': return "0896";
    case '1': return "174";
    case '2': return "2";
    case '3': return "38";
    case '4': return "419";
    case '5': return "563";
    case '6': return "6580";
    case '7': return "71";
    case '8': return "8036";
    case '9': return "904";
    case 'o': case 'q': case 'd': return "0";
    case 'l': case 'i': case '|': case '!': case ']': case 't': case 'j': case 'f': return "1";
    case 'z': return "2";
    case 's': case '$': return "5";
    case 'b': return "6";
    case 'g': return "9";
    default: return "";
    }
}

int vt_ocr_digit(char c)
{
    const char *r = readings(c);
    return *r ? *r - '0' : -1;
}

/* All readings of a token of 1..4 characters as numbers, with the count of
 * digits read as other digits (letters have one reading: no choice). */
static size_t expand(const char *tok, int *out, int *changes, size_t cap,
                     bool *all_digits)
{
    size_t n = strlen(tok);
    *all_digits = true;
    if (n == 0 || n > 4)
        return 0;
    size_t count = 1;
    for (size_t i = 0; i < n; i++) {
        if (tok[i] < '0' || tok[i] > '9')
            *all_digits = false;
        size_t r = strlen(readings(tok[i]));
        if (r == 0)
            return 0;
        count *= r;
    }
    size_t k = 0;
    for (size_t idx = 0; idx < count && k < cap; idx++) {
        size_t rest = idx;
        int v = 0, ch = 0;
        for (size_t i = 0; i < n; i++) {
            const char *r = readings(tok[i]);
            size_t nr = strlen(r);
            v = v * 10 + (r[rest % nr] - '0');
            ch += rest % nr != 0;
            rest /= nr;
        }
        out[k] = v;
        changes[k++] = ch;
    }
    return k;
}

int vt_date_read(const char *dtok, const char *mtok, const char *ytok, int *y,
                 int *m, int *d, bool *repaired)
{
    int ds[256], ms[256], ys[256], dc[256], mc[256], yc[256];
    bool dd, md, yd;
    size_t nd = expand(dtok, ds, dc, 256, &dd), nm = expand(mtok, ms, mc, 256, &md),
           ny = expand(ytok, ys, yc, 256, &yd);
    if (!nd || !nm || !ny || strlen(ytok) != 4)
        return 0;
    *repaired = false;
    /* Fewest digits changed first; a tie between valid readings at that
     * level is ambiguous. */
    for (int level = 0; level <= 4; level++) {
        int found = 0, fy = 0, fm = 0, fd = 0;
        for (size_t a = 0; a < ny; a++)
            for (size_t b = 0; b < nm; b++)
                for (size_t c = 0; c < nd; c++) {
                    if (yc[a] + mc[b] + dc[c] != level ||
                        !vt_date_valid(ys[a], ms[b], ds[c]))
                        continue;
                    found++;
                    fy = ys[a];
                    fm = ms[b];
                    fd = ds[c];
                }
        if (found == 0)
            continue;
        if (found == 1) {
            *y = fy;
            *m = fm;
            *d = fd;
            *repaired = level > 0 || !(dd && md && yd);
        }
        return found;
    }
    return 0;
}
