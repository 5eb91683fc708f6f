/* sauvola.h — Sauvola's local threshold on integer window sums. */
#ifndef VT_IMAGE_SAUVOLA_H
#define VT_IMAGE_SAUVOLA_H

struct Pix;

/* The ink of the 8 bpp image `gray` as 1 bpp (1 = ink) by Sauvola's rule
 * over a window of 2 * half + 1 pixels square, with factor k: the pixels
 * leptonica's pixSauvolaBinarize(gray, half, k, 1, ...) gives, the window
 * mirrored at the image's edges as there.  NULL when the image is not
 * 8 bpp, is smaller than the window, or memory runs out. */
struct Pix *vt_sauvola_ink(struct Pix *gray, int half, float k);

#endif
