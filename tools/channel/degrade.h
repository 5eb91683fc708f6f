/*
 * degrade.h — spoil a clean rendered page the way printing, scanning and
 * binarising do.
 */
#ifndef VT_CHANNEL_DEGRADE_H
#define VT_CHANNEL_DEGRADE_H

#include <stdint.h>

struct Pix;

/* How a page is spoiled, in the order the steps are applied.  All zero
 * leaves the page as rendered. */
typedef struct vt_chan_degrade {
    double angle;   /* skew in degrees, clockwise; |angle| <= 1 */
    int blur;       /* box blur half-width in pixels; 0 = none */
    double noise;   /* Gaussian noise standard deviation in grey levels */
    int jpeg;       /* JPEG round trip at this quality; 0 = none */
    int threshold;  /* binarise at this grey level; 0 = keep grey */
    int ink;        /* binarised pages: +1 strokes bleed a pixel wider,
                       -1 they wear a pixel thinner (2x2 brick); 0 = as is */
    double salt;    /* share of pixels turned white (and a tenth of that
                       turned black): dropouts and specks; 0 = none */
    uint64_t seed;  /* decides where the salt falls */
} vt_chan_degrade;

/* Degrade an 8 bpp grey page.  Returns the new page (8 bpp, or 1 bpp when
 * thresholded) with the resolution of `pix`, or NULL on failure; `pix` is
 * left alone. */
struct Pix *vt_chan_degrade_pix(struct Pix *pix, const vt_chan_degrade *d);

/* The row of the rendered page that point (x, y) of a page of w x h pixels
 * degraded by `d` came from: undoes the skew. */
int vt_chan_degrade_source_row(const vt_chan_degrade *d, int w, int h, int x,
                               int y);

#endif
