/* seal.h — the outer ring of a round seal on a page with no colour to
 * drop it by (a bilevel or greyscale scan), found and erased. */
#ifndef VT_IMAGE_SEAL_H
#define VT_IMAGE_SEAL_H

struct Pix;

/* A shape of ink taller than this is no letter of print (a capital with
 * its marks is 5 mm at most on a dispatch): near a seal or in the signer's
 * column, it is the signature. */
#define VT_SIGNATURE_MIN_MM 8.0

/* Erase, in the 8 bpp page `*gray` scanned at `dpi`, the outer ring of
 * each round seal on it: a circle 26 to 48 mm across, inked nearly all
 * round, its disc mostly paper.  Print crossing the ring loses only the
 * ring's width; what the ring holds that is not print (inner ring,
 * lettering, star) and a signature over it are erased too.  `*gray` is
 * copied before the first change when it is shared (a clone of the
 * source).  Returns the rings erased, or -1 when
 * leptonica fails (the page is then unchanged). */
long vt_seal_rings_erase(struct Pix **gray, int dpi);

/* A copy of the 8 bpp image `gray` with each connected shape of ink (under
 * 128) taller than `tallest` pixels painted over as paper, a pixel round
 * it included: a signature's strokes, and what touches them goes with
 * them.  Other shapes keep their pixels.  NULL when leptonica fails. */
struct Pix *vt_tall_shapes_erased(struct Pix *gray, int tallest);

#endif
