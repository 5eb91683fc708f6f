/* degrade.c — make a clean rendered page look scanned: a slight skew, a
 * soft focus, greyish paper and ink, sensor noise, dust specks and the JPEG
 * compression a scanner applies. */
#include <math.h>

#include "mksample.h"

static int clamp255(double v)
{
    return v < 0 ? 0 : v > 255 ? 255 : (int)lround(v);
}

/* Squeeze the range to that of a scan (ink never black, paper never white)
 * and add per-pixel noise, the same for the three channels as a sensor's
 * luminance noise mostly is. */
static void tone_and_noise(PIX *pix, double sigma, ms_rng *rng)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
    l_uint32 *data = pixGetData(pix);
    const double lo = 28, hi = 242;
    for (int y = 0; y < h; y++) {
        l_uint32 *row = data + (size_t)y * wpl;
        for (int x = 0; x < w; x++) {
            l_int32 r, g, b;
            extractRGBValues(row[x], &r, &g, &b);
            double n = sigma > 0 ? sigma * ms_rng_gauss(rng) : 0;
            composeRGBPixel(clamp255(lo + r * (hi - lo) / 255 + n),
                            clamp255(lo + g * (hi - lo) / 255 + n),
                            clamp255(lo + b * (hi - lo) / 255 + n), row + x);
        }
    }
}

static void specks(PIX *pix, double per_million, ms_rng *rng)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix);
    long n = lround(per_million * w * (double)h / 1e6);
    for (long i = 0; i < n; i++) {
        int cx = (int)(ms_rng_uniform(rng) * w);
        int cy = (int)(ms_rng_uniform(rng) * h);
        int r = 1 + (int)(ms_rng_uniform(rng) * 2);
        int v = 40 + (int)(ms_rng_uniform(rng) * 80);
        for (int y = cy - r; y <= cy + r; y++)
            for (int x = cx - r; x <= cx + r; x++)
                if (x >= 0 && y >= 0 && x < w && y < h &&
                    (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r)
                    pixSetRGBPixel(pix, x, y, v, v, v);
    }
}

/* A page photographed from a little above and to the side: each corner
 * moves inward by up to `part` of the page's size, differently from the
 * seed, as a hand-held phone places them. */
static PIX *keystone(PIX *pix, double part, ms_rng *rng)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix);
    const double cx[4] = {0, w - 1, w - 1, 0}, cy[4] = {0, 0, h - 1, h - 1};
    PTA *page = ptaCreate(4), *photo = ptaCreate(4);
    for (int i = 0; i < 4; i++) {
        double dx = ms_rng_uniform(rng) * part * w, dy = ms_rng_uniform(rng) * part * h;
        ptaAddPt(page, (float)cx[i], (float)cy[i]);
        ptaAddPt(photo, (float)(cx[i] + (i == 0 || i == 3 ? dx : -dx)),
                 (float)(cy[i] + (i < 2 ? dy : -dy)));
    }
    /* leptonica maps the output's points onto the input's. */
    PIX *out = pixProjectivePta(pix, page, photo, L_BRING_IN_WHITE);
    ptaDestroy(&page);
    ptaDestroy(&photo);
    return out ? out : pixCopy(NULL, pix);
}

PIX *ms_degrade(PIX *page, const ms_degrade_opts *o, ms_rng *rng)
{
    double deg = o->skew_deg;
    if (isnan(deg))
        deg = (ms_rng_uniform(rng) < 0.5 ? -1 : 1) * ms_rng_range(rng, 1, 2);
    PIX *cur = deg != 0 ? pixRotate(page, (float)(deg * M_PI / 180),
                                    L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0)
                        : pixCopy(NULL, page);
    if (o->perspective > 0) {
        PIX *k = keystone(cur, o->perspective, rng);
        pixDestroy(&cur);
        cur = k;
    }
    if (o->blur > 0) {
        int half = (int)ceil(2.5 * o->blur);
        L_KERNEL *kx = NULL, *ky = NULL;
        makeGaussianKernelSep(half, half, (float)o->blur, 1.0, &kx, &ky);
        PIX *b = pixConvolveRGBSep(cur, kx, ky);
        kernelDestroy(&kx);
        kernelDestroy(&ky);
        pixDestroy(&cur);
        cur = b;
    }
    tone_and_noise(cur, o->noise, rng);
    if (o->speckle > 0)
        specks(cur, o->speckle, rng);
    if (o->jpeg_quality > 0) {
        l_uint8 *buf = NULL;
        size_t len = 0;
        if (pixWriteMemJpeg(&buf, &len, cur, o->jpeg_quality, 0) == 0) {
            PIX *j = pixReadMemJpeg(buf, len, 0, 1, NULL, 0);
            if (j) {
                pixDestroy(&cur);
                cur = j;
            }
        }
        lept_free(buf);
    }
    if (o->bilevel) {
        /* One global threshold between the scan's ink and paper tones. */
        PIX *grey = pixConvertRGBToLuminance(cur);
        PIX *bw = grey ? pixThresholdToBinary(grey, 150) : NULL;
        pixDestroy(&grey);
        if (bw) {
            pixDestroy(&cur);
            cur = bw;
        }
    }
    pixCopyResolution(cur, page);
    return cur;
}
