/* sauvola.c — Sauvola's local threshold, computed row by row.
 *
 * leptonica's pixSauvolaBinarize builds two summed-area tables of the
 * whole image (32-bit sums and 64-bit floating sums of squares: 12 bytes a
 * pixel, written and read once) on a copy with a mirrored border.  Here a
 * sum and a sum of squares per column over the window's rows are slid down
 * the image, and each row's window sums slid along it: a few integer
 * additions a pixel and memory for a few rows.  The sums are exact
 * integers either way (a 51-pixel window's sum of squares is under 2^28),
 * and the mean, mean square and threshold are rounded as leptonica rounds
 * them, so the ink is the same pixel for pixel (tests/image/test_sauvola.c
 * holds it to leptonica's). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "sauvola.h"

/* Variances of 8-bit pixels: at most 127.5 squared, and a little more
 * with the mean cut to an integer. */
#define VARIANCES (1 << 15)

/* The index, in 0..n-1, of position i of a row or column extended by its
 * mirror image (-1 is 0, n is n - 1), as pixAddMirroredBorder extends it. */
static int mirror(int i, int n)
{
    return i < 0 ? -1 - i : i >= n ? 2 * n - 1 - i : i;
}

/* Add sign * each pixel (and its square) of image row `y` to the column
 * sums. */
static void add_row(const l_uint32 *row, int w, int sign, uint32_t *sum, uint32_t *sq)
{
    for (int x = 0; x < w; x++) {
        uint32_t v = GET_DATA_BYTE(row, x);
        sum[x] += (uint32_t)sign * v;
        sq[x] += (uint32_t)sign * v * v;
    }
}

PIX *vt_sauvola_ink(PIX *gray, int half, float k)
{
    if (!gray || pixGetDepth(gray) != 8 || pixGetColormap(gray) || half < 2)
        return NULL;
    int w = pixGetWidth(gray), h = pixGetHeight(gray), side = 2 * half + 1;
    if (w < side + 2 || h < side + 2)
        return NULL;
    PIX *ink = pixCreate(w, h, 1);
    /* Column sums of the window's rows, and the same extended by the
     * mirror at both ends, where the window's columns reach past the
     * image. */
    uint32_t *sum = calloc((size_t)w, sizeof *sum), *sq = calloc((size_t)w, sizeof *sq);
    uint32_t *xsum = malloc((size_t)(w + side) * sizeof *xsum);
    uint32_t *xsq = malloc((size_t)(w + side) * sizeof *xsq);
    /* The threshold over the mean for each variance (under 2^15 for
     * 8-bit pixels, the mean being cut to an integer), from the deviation
     * in single precision as leptonica takes it: t = m * (1 - k (1 - s / 128)). */
    double *scale = malloc(sizeof *scale * VARIANCES);
    if (!ink || !sum || !sq || !xsum || !xsq || !scale) {
        pixDestroy(&ink);
        free(sum), free(sq), free(xsum), free(xsq), free(scale);
        return NULL;
    }
    for (int i = 0; i < VARIANCES; i++)
        scale[i] = 1.0 - k * (1.0 - sqrtf((float)i) / 128.);
    /* leptonica's normalisations: the mean's in single precision and cut
     * to an integer, the mean square's in double and rounded. */
    const float mean_norm = (float)(1.0 / ((float)side * side));
    const double square_norm = 1.0 / ((float)side * side);
    const l_uint32 *data = pixGetData(gray);
    l_uint32 *out = pixGetData(ink);
    int wpl = pixGetWpl(gray), wpl_out = pixGetWpl(ink);
    for (int dy = -half; dy <= half; dy++)
        add_row(data + (size_t)mirror(dy, h) * wpl, w, 1, sum, sq);
    for (int y = 0; y < h; y++) {
        /* The image's own columns copied whole and only the ends
         * mirrored: mirror's tests on every column are a quarter of this
         * function's instructions. */
        memcpy(xsum + half, sum, (size_t)w * sizeof *sum);
        memcpy(xsq + half, sq, (size_t)w * sizeof *sq);
        for (int i = 0; i < half; i++) {
            int left = i, right = half + w + i;
            xsum[left] = sum[mirror(left - half, w)];
            xsq[left] = sq[mirror(left - half, w)];
            xsum[right] = sum[mirror(right - half, w)];
            xsq[right] = sq[mirror(right - half, w)];
        }
        uint32_t s = 0, q = 0;
        for (int i = 0; i < side - 1; i++) {
            s += xsum[i];
            q += xsq[i];
        }
        const l_uint32 *row = data + (size_t)y * wpl;
        l_uint32 *line = out + (size_t)y * wpl_out;
        for (int x = 0; x < w; x++) {
            s += xsum[x + side - 1];
            q += xsq[x + side - 1];
            int mean = (l_uint8)(mean_norm * (float)s);
            int square = (int)(l_uint32)(square_norm * q + 0.5);
            int threshold = (int)(mean * scale[square - mean * mean]);
            if ((int)GET_DATA_BYTE(row, x) < threshold)
                SET_DATA_BIT(line, x);
            s -= xsum[x];
            q -= xsq[x];
        }
        if (y + 1 < h) {
            add_row(data + (size_t)mirror(y - half, h) * wpl, w, -1, sum, sq);
            add_row(data + (size_t)mirror(y + half + 1, h) * wpl, w, 1, sum, sq);
        }
    }
    free(sum), free(sq), free(xsum), free(xsq), free(scale);
    return ink;
}
