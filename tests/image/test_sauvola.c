/* test_sauvola.c — vt_sauvola_ink gives leptonica's Sauvola ink pixel for
 * pixel: on made-up pages (uneven paper, grain, strokes of every grey,
 * solid blocks reaching the edges where the window is mirrored), of sizes
 * odd and even, down to the smallest the window allows, for the window
 * and factor preprocess uses and others; and nothing for an image too
 * small or not 8 bpp.  leptonica's tiled version agrees with both. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <leptonica/allheaders.h>

#include "sauvola.h"

static int failures;

/* A page of w x h: paper darkening to one side, grain from a fixed
 * generator, strokes and blocks of ink of several greys. */
static PIX *made_up_page(int w, int h, unsigned seed)
{
    PIX *pix = pixCreate(w, h, 8);
    unsigned r = seed;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            r = r * 1103515245u + 12345u;
            int grain = (int)((r >> 16) % 24);
            int v = 250 - 60 * x / w - grain;
            /* Strokes: thin bars on a grid, their grey by row of text. */
            if ((y / 9) % 4 == 1 && (x / 3) % 5 != 0)
                v = 20 + 40 * ((y / 36) % 5);
            /* A solid block at a corner and one across the bottom edge. */
            if ((x < w / 6 && y < h / 7) || (y > h - h / 9 && x > w / 2))
                v = 10 + (int)((r >> 8) % 30);
            pixSetPixel(pix, x, y, (l_uint32)(v < 0 ? 0 : v));
        }
    return pix;
}

static void check_same(int w, int h, int half, float k, unsigned seed)
{
    PIX *page = made_up_page(w, h, seed);
    PIX *want = NULL;
    pixSauvolaBinarize(page, half, k, 1, NULL, NULL, NULL, &want);
    PIX *got = vt_sauvola_ink(page, half, k);
    /* Tiles overlapping by the window give the image's result too (what
     * preprocess did before, to bound leptonica's tables). */
    PIX *tiled = NULL;
    bool tiles = w / 3 >= 2 * half + 3 && h / 2 >= 2 * half + 3;
    if (tiles)
        pixSauvolaBinarizeTiled(page, half, k, 3, 2, NULL, &tiled);
    l_int32 same = 0, same_tiled = !tiles;
    if (tiled && want)
        pixEqual(want, tiled, &same_tiled);
    if (!same_tiled) {
        fprintf(stderr, "FAIL %dx%d: leptonica's tiles differ from its whole image\n", w, h);
        failures++;
    }
    if (!want || !got || pixEqual(want, got, &same) != 0 || !same) {
        l_int32 differ = -1;
        if (want && got) {
            PIX *x = pixXor(NULL, want, got);
            pixCountPixels(x, &differ, NULL);
            pixDestroy(&x);
        }
        fprintf(stderr, "FAIL %dx%d half %d k %.2f: %d pixels differ from leptonica%s\n",
                w, h, half, k, differ, got ? "" : " (no result)");
        failures++;
    }
    pixDestroy(&page);
    pixDestroy(&want);
    pixDestroy(&got);
    pixDestroy(&tiled);
}

int main(void)
{
    check_same(640, 480, 25, 0.2f, 1);
    check_same(1001, 777, 25, 0.2f, 2);
    check_same(53, 53, 25, 0.2f, 3); /* the smallest image a 51-pixel window takes */
    check_same(300, 57, 25, 0.2f, 4);
    check_same(333, 222, 7, 0.35f, 5);
    check_same(120, 90, 2, 0.5f, 6);
    check_same(400, 300, 25, 0.0f, 7);

    PIX *tiny = pixCreate(52, 80, 8), *rgb = pixCreate(100, 100, 32);
    PIX *a = vt_sauvola_ink(tiny, 25, 0.2f), *b = vt_sauvola_ink(rgb, 25, 0.2f);
    if (a || b) {
        fprintf(stderr, "FAIL: an image under the window or not 8 bpp gave ink\n");
        failures++;
    }
    pixDestroy(&tiny);
    pixDestroy(&rgb);
    if (!failures)
        printf("sauvola: same ink as leptonica\n");
    return failures != 0;
}
