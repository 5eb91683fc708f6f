/* seal.h — the outer ring of a round seal on a page with no colour to
 * drop it by (a bilevel or greyscale scan), found and erased. */
#ifndef VT_IMAGE_SEAL_H
#define VT_IMAGE_SEAL_H

struct Pix;

/* Erase, in the 8 bpp page `*gray` scanned at `dpi`, the outer ring of
 * each round seal on it: a circle 26 to 48 mm across, inked nearly all
 * round, its disc mostly paper.  Print crossing the ring loses only the
 * ring's width; what the ring holds that is not print (inner ring,
 * lettering, star) and a signature over it are erased too.  `*gray` is
 * copied before the first change when it is shared (a clone of the
 * source).  Returns the rings erased, or -1 when
 * leptonica fails (the page is then unchanged). */
long vt_seal_rings_erase(struct Pix **gray, int dpi);

#endif
