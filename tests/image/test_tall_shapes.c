/* test_tall_shapes.c — vt_tall_shapes_erased paints over a signature's
 * strokes and keeps the print about them, on a made-up grey column: a
 * line of letter-sized blots (the position), a signature whose loop hangs
 * under the line and whose last stroke rises past the line's end to above
 * its top, so that its box holds the whole line, and a name below.  The
 * signature's pixels become paper, every letter keeps its ink, and a
 * column without a shape taller than the bound comes back as it was. */
#include <stdio.h>
#include <stdlib.h>

#include <leptonica/allheaders.h>

#include "../core/check.h"
#include "seal.h"

enum { W = 900, H = 700, LETTER_H = 40, TALLEST = 94 };

/* A line of `n` letters 26 px wide, LETTER_H tall, from (x, y). */
static void letters(PIX *pix, int x, int y, int n)
{
    for (int i = 0; i < n; i++)
        pixRasterop(pix, x + 34 * i, y, 26, LETTER_H, PIX_SET, NULL, 0, 0);
}

/* Dark pixels (under 128) of the 8 bpp `pix` within the box. */
static long dark(PIX *pix, int x, int y, int w, int h)
{
    long n = 0;
    for (int j = y; j < y + h; j++)
        for (int i = x; i < x + w; i++) {
            l_uint32 v = 255;
            pixGetPixel(pix, i, j, &v);
            n += v < 128;
        }
    return n;
}

/* The column: print as a 1 bpp image, the signature drawn on it when
 * `signed_`, then grey (ink 30, paper 235). */
static PIX *column(int signed_)
{
    PIX *bin = pixCreate(W, H, 1);
    letters(bin, 300, 30, 8);  /* the position line: x 300..564 */
    letters(bin, 250, 600, 10); /* the name */
    if (signed_) {
        PTA *pts = ptaCreate(0);
        static const int path[][2] = {{290, 380}, {440, 160}, {300, 370},
                                      {470, 225}, {550, 355}, {860, 10}};
        for (size_t i = 0; i < sizeof path / sizeof path[0]; i++)
            ptaAddPt(pts, path[i][0], path[i][1]);
        pixRenderPolyline(bin, pts, 8, L_SET_PIXELS, 0);
        ptaDestroy(&pts);
    }
    PIX *gray = pixConvert1To8(NULL, bin, 235, 30);
    pixDestroy(&bin);
    return gray;
}

int main(void)
{
    PIX *page = column(1);
    PIX *out = vt_tall_shapes_erased(page, TALLEST);
    CHECK_MSG(out != NULL, "no image returned");
    if (out) {
        /* The signature's box, less the line's rows: only its strokes. */
        CHECK_MSG(dark(page, 280, 100, 600, 300) > 3000, "the made-up signature has no ink");
        CHECK_MSG(dark(out, 0, 90, W, 480) == 0, "signature left: %ld dark pixels",
              dark(out, 0, 90, W, 480));
        /* The rising stroke beside the line, above its top: painted over. */
        CHECK_MSG(dark(out, 700, 0, 200, 90) == 0, "the rising stroke left beside the line");
        long line = dark(page, 300, 30, 270, LETTER_H), name = dark(page, 250, 600, 340, LETTER_H);
        CHECK_MSG(dark(out, 300, 30, 270, LETTER_H) == line, "position letters lost ink: %ld of %ld",
              dark(out, 300, 30, 270, LETTER_H), line);
        CHECK_MSG(dark(out, 250, 600, 340, LETTER_H) == name, "name letters lost ink");
    }
    pixDestroy(&out);
    pixDestroy(&page);

    PIX *plain = column(0);
    PIX *same = vt_tall_shapes_erased(plain, TALLEST);
    l_int32 equal = 0;
    if (same)
        pixEqual(plain, same, &equal);
    CHECK_MSG(equal, "a column without a signature was changed");
    pixDestroy(&same);
    pixDestroy(&plain);

    PIX *bits = pixCreate(W, H, 1);
    CHECK_MSG(vt_tall_shapes_erased(bits, TALLEST) == NULL, "a 1 bpp image was taken");
    pixDestroy(&bits);
    return check_done("test_tall_shapes");
}
