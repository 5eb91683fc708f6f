/*
 * test_degrade.c — the channel trainer's scan damage on drawn shapes: the
 * skew maps back to the rows a page was laid out in, ink bleeds and wears,
 * salt falls where the seed says, resolution survives.
 */
#include "degrade.h"

#include <leptonica/allheaders.h>
#include <stdio.h>
#include <stdlib.h>

static int failures;

static void expect(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "FAIL %s\n", what);
        failures++;
    }
}

/* A white 8 bpp page at 200 dpi with black rectangles. */
static PIX *page_with(const BOX *const *boxes, int n)
{
    PIX *pix = pixCreate(1600, 1000, 8);
    pixSetAllArbitrary(pix, 255);
    for (int i = 0; i < n; i++)
        pixSetInRectArbitrary(pix, (BOX *)boxes[i], 0);
    pixSetResolution(pix, 200, 200);
    return pix;
}

static l_int32 black(PIX *pix)
{
    PIX *b = pixGetDepth(pix) == 1 ? pixClone(pix) : pixThresholdToBinary(pix, 128);
    l_int32 n = 0;
    pixCountPixels(b, &n, NULL);
    pixDestroy(&b);
    return n;
}

int main(void)
{
    /* Skew: a dot near the right edge moves by several rows; mapping its
     * new centre back gives the row it was drawn on. */
    BOX *dot = boxCreate(1500, 300, 6, 6);
    PIX *src = page_with((const BOX *const[]){dot}, 1);
    for (int sign = -1; sign <= 1; sign += 2) {
        vt_chan_degrade d = {.angle = 0.5 * sign};
        PIX *out = vt_chan_degrade_pix(src, &d);
        PIX *bin = pixThresholdToBinary(out, 128);
        BOXA *found = pixConnComp(bin, NULL, 8);
        l_int32 x = 0, y = 0, w = 0, h = 0;
        expect(boxaGetCount(found) == 1, "skewed dot is one blob");
        boxaGetBoxGeometry(found, 0, &x, &y, &w, &h);
        int cx = x + w / 2, cy = y + h / 2;
        expect(abs(cy - 303) >= 4, "skew moves the dot");
        int back = vt_chan_degrade_source_row(&d, 1600, 1000, cx, cy);
        expect(abs(back - 303) <= 1, "skew maps back to the drawn row");
        expect(pixGetXRes(out) == 200, "skew keeps the resolution");
        boxaDestroy(&found);
        pixDestroy(&bin);
        pixDestroy(&out);
    }
    pixDestroy(&src);
    boxDestroy(&dot);

    /* Ink: a binarised bar grows when it bleeds and shrinks when it
     * wears; JPEG and salt leave grey or binary pages of the same size. */
    BOX *bar = boxCreate(100, 100, 1000, 20);
    src = page_with((const BOX *const[]){bar}, 1);
    vt_chan_degrade plain = {.threshold = 128};
    vt_chan_degrade bleed = {.threshold = 128, .ink = 1};
    vt_chan_degrade wear = {.threshold = 128, .ink = -1};
    PIX *p0 = vt_chan_degrade_pix(src, &plain);
    PIX *p1 = vt_chan_degrade_pix(src, &bleed);
    PIX *p2 = vt_chan_degrade_pix(src, &wear);
    expect(p0 && pixGetDepth(p0) == 1 && black(p0) == 20000, "threshold keeps the bar");
    expect(p1 && black(p1) > black(p0) + 500, "bleed fattens strokes");
    expect(p2 && black(p2) < black(p0) - 500, "wear thins strokes");

    vt_chan_degrade salty = {.threshold = 128, .salt = 0.05, .seed = 9};
    PIX *s1 = vt_chan_degrade_pix(src, &salty);
    PIX *s2 = vt_chan_degrade_pix(src, &salty);
    l_int32 same = 0;
    pixEqual(s1, s2, &same);
    expect(same, "salt is decided by the seed");
    /* 5 % of the bar drops out; specks add about 0.5 % of the page. */
    l_int32 in_bar = 0;
    PIX *bar_only = pixClipRectangle(s1, bar, NULL);
    pixCountPixels(bar_only, &in_bar, NULL);
    expect(in_bar > 18500 && in_bar < 19500, "salt drops ink out of strokes");
    expect(black(s1) - in_bar > 6000 && black(s1) - in_bar < 10000,
           "salt specks the paper");

    vt_chan_degrade jpeg = {.jpeg = 55, .noise = 8};
    PIX *j = vt_chan_degrade_pix(src, &jpeg);
    expect(j && pixGetDepth(j) == 8 && pixGetWidth(j) == 1600 &&
               pixGetXRes(j) == 200,
           "JPEG keeps a grey page of the same size and resolution");

    pixDestroy(&bar_only);
    pixDestroy(&j);
    pixDestroy(&s1);
    pixDestroy(&s2);
    pixDestroy(&p0);
    pixDestroy(&p1);
    pixDestroy(&p2);
    pixDestroy(&src);
    boxDestroy(&bar);
    return failures ? 1 : 0;
}
