/*
 * degrade.c — printing, scanning and binarising damage (see degrade.h).
 */
#include "degrade.h"
#include "rng.h"

#include <leptonica/allheaders.h>
#include <math.h>
#include <stdbool.h>

/* Replace *pix by next when next was made; false when it was not. */
static bool take(PIX **pix, PIX *next)
{
    if (!next)
        return false;
    pixDestroy(pix);
    *pix = next;
    return true;
}

static PIX *jpeg_round_trip(PIX *pix, int quality)
{
    l_uint8 *buf = NULL;
    size_t len = 0;
    PIX *out = NULL;
    if (pixWriteMemJpeg(&buf, &len, pix, quality, 0) == 0)
        out = pixReadMemJpeg(buf, len, 0, 1, NULL, 0);
    lept_free(buf);
    return out;
}

/* Dropouts inside strokes and specks on the paper, pixel by pixel. */
static void salt(PIX *pix, double share, uint64_t seed)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix), d = pixGetDepth(pix);
    int wpl = pixGetWpl(pix);
    l_uint32 *data = pixGetData(pix);
    vt_chan_rng r = {seed};
    size_t n = (size_t)(share * (double)w * (double)h);
    for (size_t i = 0; i < n + n / 10; i++) {
        int x = (int)vt_chan_rng_below(&r, (size_t)w);
        int y = (int)vt_chan_rng_below(&r, (size_t)h);
        l_uint32 *row = data + (size_t)y * (size_t)wpl;
        bool white = i < n;
        if (d == 1) {
            if (white)
                CLEAR_DATA_BIT(row, x);
            else
                SET_DATA_BIT(row, x);
        } else {
            SET_DATA_BYTE(row, x, white ? 255 : 0);
        }
    }
}

PIX *vt_chan_degrade_pix(PIX *src, const vt_chan_degrade *d)
{
    PIX *pix = pixCopy(NULL, src);
    if (!pix)
        return NULL;
    bool ok = true;
    if (d->angle != 0)
        ok = take(&pix, pixRotate(pix, (l_float32)(d->angle * M_PI / 180.0),
                                  L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    if (ok && d->blur > 0)
        ok = take(&pix, pixBlockconv(pix, d->blur, d->blur));
    if (ok && d->noise > 0)
        ok = take(&pix, pixAddGaussianNoise(pix, (l_float32)d->noise));
    if (ok && d->jpeg > 0)
        ok = take(&pix, jpeg_round_trip(pix, d->jpeg));
    if (ok && d->threshold > 0) {
        ok = take(&pix, pixThresholdToBinary(pix, d->threshold));
        if (ok && d->ink > 0)
            ok = take(&pix, pixDilateBrick(NULL, pix, 2, 2));
        else if (ok && d->ink < 0)
            ok = take(&pix, pixErodeBrick(NULL, pix, 2, 2));
    }
    if (ok && d->salt > 0)
        salt(pix, d->salt, d->seed);
    if (!ok) {
        pixDestroy(&pix);
        return NULL;
    }
    pixCopyResolution(pix, src);
    return pix;
}

int vt_chan_degrade_source_row(const vt_chan_degrade *d, int w, int h, int x,
                               int y)
{
    /* pixRotate turns about the centre, clockwise for a positive angle. */
    double a = d->angle * M_PI / 180.0, cx = w / 2.0, cy = h / 2.0;
    return (int)lround(cy - (x - cx) * sin(a) + (y - cy) * cos(a));
}
