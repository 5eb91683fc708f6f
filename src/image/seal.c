/* seal.c — a seal's ring on a page with no colour: on a bilevel or
 * greyscale scan the red seal is as black as the print, and its outer
 * ring runs through the signer's position and name, which OCR then loses.
 *
 * The ring is found by a Hough vote for circles on a reduced copy of the
 * page, restricted to the connected shapes big enough to hold one, kept
 * when ink lies on nearly all of its circle and the disc inside is mostly
 * paper (a blot or a photo is not a ring), then placed to the pixel on the
 * page and erased over the width of its stroke only.  What the ring held
 * (inner ring, lettering, star) and the signature over it go next, by the
 * shapes of their ink (erase_inside). */
#include "seal.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include <leptonica/allheaders.h>

/* The radii of a seal's ring: round seals of agencies are 30 to 42 mm
 * across, their rings a little less or more as the ink spreads; a circle
 * outside 26 to 48 mm across is no seal. */
#define RING_MIN_MM 13.0
#define RING_MAX_MM 24.0
/* The widest ring stroke erased, either side of its middle. */
#define STROKE_HALF_MAX_MM 1.0
/* The stroke's edge: the radii still inked round at least this part of
 * what its middle is.  Print in the band that does not cross the ring is
 * erased with it, so the band is the stroke and no more: the few specks
 * of its ragged edge left beyond it cost OCR less than the letters a
 * wider band eats where the ring runs along a line (a bilevel name under
 * its seal read whole rather than its first word lost). */
#define STROKE_EDGE_PART 3.0
/* Ink on at least this part of the circle... */
#define RING_COVER_MIN 0.80
/* ...and on at most this part of the disc inside it. */
#define DISC_FILL_MAX 0.35
/* Shapes about a seal past which its inside is not sorted (erase_inside). */
#define MAX_SHAPES 4000
/* The vote runs at about this resolution: a ring is still a few pixels
 * wide there and the votes are few. */
#define VOTE_DPI 50

typedef struct circle {
    double cx, cy, r;
} circle;

static bool ink_at(PIX *bin, int x, int y)
{
    l_uint32 v = 0;
    if (x < 0 || y < 0 || x >= pixGetWidth(bin) || y >= pixGetHeight(bin))
        return false;
    pixGetPixel(bin, x, y, &v);
    return v != 0;
}

/* The part of `n` points round the circle (cx, cy, r) with ink within
 * `slack` pixels of the circle along the radius. */
static double coverage(PIX *bin, double cx, double cy, double r, int slack, int n)
{
    int hit = 0;
    for (int i = 0; i < n; i++) {
        double a = 2 * M_PI * i / n, c = cos(a), s = sin(a);
        for (int d = -slack; d <= slack; d++)
            if (ink_at(bin, (int)lround(cx + (r + d) * c), (int)lround(cy + (r + d) * s))) {
                hit++;
                break;
            }
    }
    return (double)hit / n;
}

/* The part of the disc of radius r about (cx, cy) that is ink. */
static double disc_fill(PIX *bin, double cx, double cy, double r)
{
    long ink = 0, all = 0;
    for (int y = (int)(cy - r); y <= (int)(cy + r); y++)
        for (int x = (int)(cx - r); x <= (int)(cx + r); x++)
            if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                all++;
                ink += ink_at(bin, x, y);
            }
    return all ? (double)ink / all : 1;
}

/* The best circle through the ink of one connected shape (its image `comp`
 * placed at `box` on the reduced page), radii rmin..rmax: each ink pixel
 * votes for every centre it could lie round; a centre's votes are counted
 * against its circle's length. */
static bool vote(PIX *comp, const BOX *box, int rmin, int rmax, circle *best)
{
    int w = pixGetWidth(comp), h = pixGetHeight(comp), nr = rmax - rmin + 1;
    /* Each radius's circle as offsets, a pixel apart round it. */
    int *start = calloc((size_t)nr + 1, sizeof *start);
    for (int r = rmin; start && r <= rmax; r++)
        start[r - rmin + 1] = start[r - rmin] + (int)ceil(2 * M_PI * r);
    int *acc = start ? calloc((size_t)w * h * nr, sizeof *acc) : NULL;
    int *dx = acc ? malloc(sizeof *dx * (size_t)start[nr]) : NULL;
    int *dy = dx ? malloc(sizeof *dy * (size_t)start[nr]) : NULL;
    if (!dy) {
        free(dx);
        free(acc);
        free(start);
        return false;
    }
    for (int r = rmin; r <= rmax; r++) {
        int from = start[r - rmin], n = start[r - rmin + 1] - from;
        for (int i = 0; i < n; i++) {
            double a = 2 * M_PI * i / n;
            dx[from + i] = (int)lround(r * cos(a));
            dy[from + i] = (int)lround(r * sin(a));
        }
    }
    l_uint32 *data = pixGetData(comp);
    int wpl = pixGetWpl(comp);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            if (!GET_DATA_BIT(data + (size_t)y * wpl, x))
                continue;
            for (int r = rmin; r <= rmax; r++) {
                int *plane = acc + (size_t)(r - rmin) * w * h;
                for (int i = start[r - rmin]; i < start[r - rmin + 1]; i++) {
                    int cx = x - dx[i], cy = y - dy[i];
                    if (cx >= 0 && cy >= 0 && cx < w && cy < h)
                        plane[(size_t)cy * w + cx]++;
                }
            }
        }
    free(dx);
    free(dy);
    free(start);
    double top = 0;
    for (int r = rmin; r <= rmax; r++) {
        const int *plane = acc + (size_t)(r - rmin) * w * h;
        for (int i = 0; i < w * h; i++) {
            double score = plane[i] / (2 * M_PI * r);
            if (score > top) {
                top = score;
                *best = (circle){box->x + i % w, box->y + i / w, r};
            }
        }
    }
    free(acc);
    return top > 0;
}

/* The circle found on the reduced page placed on the page `bin`, `f`
 * times larger: the centre and radius where the most ink lies round the
 * circle, then the band of radii about it that is the ring's stroke. */
static void place(PIX *bin, int f, int half_max, const circle *coarse, circle *ring,
                  double *lo, double *hi)
{
    enum { N = 360 };
    double best = -1;
    *ring = (circle){(coarse->cx + 0.5) * f, (coarse->cy + 0.5) * f, (coarse->r + 0.5) * f};
    circle c0 = *ring;
    for (int dy = -f; dy <= f; dy++)
        for (int dx = -f; dx <= f; dx++)
            for (int dr = -2 * f; dr <= 2 * f; dr++) {
                double cov = coverage(bin, c0.cx + dx, c0.cy + dy, c0.r + dr, 0, N);
                if (cov > best) {
                    best = cov;
                    *ring = (circle){c0.cx + dx, c0.cy + dy, c0.r + dr};
                }
            }
    /* The stroke: the radii either side still inked round a good part of
     * the circle (STROKE_EDGE_PART). */
    double edge = best / STROKE_EDGE_PART;
    int in = 0, out = 0;
    while (in < half_max && coverage(bin, ring->cx, ring->cy, ring->r - in - 1, 0, N) >= edge)
        in++;
    while (out < half_max && coverage(bin, ring->cx, ring->cy, ring->r + out + 1, 0, N) >= edge)
        out++;
    *lo = ring->r - in - 1;
    *hi = ring->r + out + 1;
}

/* Paper over the band lo..hi about (cx, cy) of the 8 bpp page, except
 * where print crosses the ring: there ink goes on either side of the band
 * (in `bin`, the page's ink), and the letter keeps its stroke. */
static void erase_band(PIX *gray, PIX *bin, double cx, double cy, double lo, double hi)
{
    int w = pixGetWidth(gray), h = pixGetHeight(gray);
    for (int y = (int)floor(cy - hi); y <= (int)ceil(cy + hi); y++) {
        if (y < 0 || y >= h)
            continue;
        for (int x = (int)floor(cx - hi); x <= (int)ceil(cx + hi); x++) {
            double d = hypot(x - cx, y - cy);
            if (x < 0 || x >= w || d < lo || d > hi || d == 0)
                continue;
            double ux = (x - cx) / d, uy = (y - cy) / d;
            bool crossed = false;
            for (double t = 1; t <= 2 && !crossed; t++)
                crossed = ink_at(bin, (int)lround(cx + (lo - t) * ux),
                                 (int)lround(cy + (lo - t) * uy)) ||
                          ink_at(bin, (int)lround(cx + (hi + t) * ux),
                                 (int)lround(cy + (hi + t) * uy));
            if (!crossed)
                pixSetPixel(gray, x, y, 255);
        }
    }
}

/* One connected shape of ink near a seal, on the clip of the page about
 * it: its box, how far its ink lies from the seal's centre, and what it
 * was found to be. */
typedef struct shape {
    int x, y, w, h;
    double near, far; /* least and greatest distance of its ink from the centre */
    bool edge;        /* cut by the clip: it goes on beyond it, print or a rule */
    bool print;       /* a letter of a line of print, or a mark on one */
    bool mark;        /* of print: a mark over or under a letter, which no other
                       * shape is chained from */
    int top, bottom;  /* of print: the rows of the shape beyond the ring its line
                       * was chained from */
} shape;

static void measure(PIX *comp, const BOX *box, double cx, double cy, int cw, int ch,
                    shape *s)
{
    boxGetGeometry((BOX *)box, &s->x, &s->y, &s->w, &s->h);
    s->near = INFINITY;
    s->far = 0;
    s->edge = s->x == 0 || s->y == 0 || s->x + s->w >= cw || s->y + s->h >= ch;
    s->print = s->mark = false;
    l_uint32 *data = pixGetData(comp);
    int wpl = pixGetWpl(comp);
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            if (GET_DATA_BIT(data + (size_t)y * wpl, x)) {
                double d = hypot(s->x + x - cx, s->y + y - cy);
                s->near = d < s->near ? d : s->near;
                s->far = d > s->far ? d : s->far;
            }
}

/* Whether `b` goes on the line of print of the letter `a`: a letter beside
 * it (its middle within the rows of the line's letters beyond the ring, so
 * that a chain does not wander off along the seal's curved lettering; at
 * least a third of the line's height, as a lower-case letter is and the
 * seal's small lettering is not; no taller than a capital with its marks
 * against a's; a word's space away at most), or, *mark set, a mark on it
 * (within its columns: over it, at most half its height; under it, a dot
 * of a quarter, as the dot under a small letter is). */
static bool on_line_of(const shape *a, const shape *b, bool *mark)
{
    int gap_x = b->x > a->x + a->w ? b->x - (a->x + a->w)
                : a->x > b->x + b->w ? a->x - (b->x + b->w) : 0;
    int gap_y = b->y > a->y + a->h ? b->y - (a->y + a->h)
                : a->y > b->y + b->h ? a->y - (b->y + b->h) : 0;
    int mid = b->y + b->h / 2, tall = a->h > b->h ? a->h : b->h;
    bool beside = mid >= a->top && mid <= a->bottom && 3 * b->h >= a->bottom - a->top &&
                  b->h <= 2 * a->h && gap_x <= tall;
    bool within = b->x >= a->x && b->x + b->w <= a->x + a->w;
    bool over = b->y + b->h <= a->y + a->h / 2 && gap_y <= a->h / 2 && 2 * b->h <= a->h;
    bool under = b->y >= a->y + a->h / 2 && gap_y <= a->h / 2 && 4 * b->h <= a->h &&
                 4 * b->w <= a->h;
    *mark = !beside && within && (over || under);
    return beside || *mark;
}

/* What is left inside a seal once its outer ring is erased: its inner ring,
 * the issuer's name lettered round it, the star, and the signature drawn
 * over it: none of it print, all of it spoiling the signer's position and
 * name that the seal overlaps.  Shapes inside the ring's outer edge are the
 * seal's unless they continue a line of print from outside it (the letters
 * of the position or name under the seal, chained letter by letter from
 * those beyond the ring); a shape near the ring taller than any line of
 * print is the signature.  Both are painted over in `gray`.  Returns the
 * shapes erased. */
static long erase_inside(PIX *gray, const circle *ring, double hi, int dpi)
{
    double reach = 2 * hi;
    BOX *clip = boxCreate((int)(ring->cx - reach), (int)(ring->cy - reach),
                          (int)(2 * reach), (int)(2 * reach));
    l_int32 ox = 0, oy = 0;
    BOX *placed = NULL; /* the clip as it falls on the page */
    PIX *part = clip ? pixClipRectangle(gray, clip, &placed) : NULL;
    if (part)
        boxGetGeometry(placed, &ox, &oy, NULL, NULL);
    PIX *ink = part ? pixConvertTo1(part, 128) : NULL;
    PIXA *comps = NULL;
    BOXA *boxes = ink ? pixConnComp(ink, &comps, 8) : NULL;
    int n = boxes ? boxaGetCount(boxes) : 0;
    /* The chaining below is quadratic a round: a clip of more shapes than
     * a seal, its signature and the print about it make is noise (a
     * speckled scan), left as it is. */
    shape *sh = n && n <= MAX_SHAPES ? calloc((size_t)n, sizeof *sh) : NULL;
    long erased = 0;
    double cx = ring->cx - ox, cy = ring->cy - oy;
    /* A line of print is at most this tall: a capital with its marks. */
    int tallest = (int)ceil(VT_SIGNATURE_MIN_MM / 25.4 * dpi);
    for (int i = 0; sh && i < n; i++) {
        PIX *comp = pixaGetPix(comps, i, L_CLONE);
        BOX *box = boxaGetBox(boxes, i, L_CLONE);
        measure(comp, box, cx, cy, pixGetWidth(ink), pixGetHeight(ink), &sh[i]);
        /* Beyond the ring and no taller than print: the lines to chain from. */
        sh[i].print = sh[i].far > hi + 1 && sh[i].h < tallest;
        sh[i].top = sh[i].y;
        sh[i].bottom = sh[i].y + sh[i].h;
        pixDestroy(&comp);
        boxDestroy(&box);
    }
    for (bool grew = true; sh && grew;) {
        grew = false;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n && !sh[i].print; j++)
                if (sh[j].print && !sh[j].mark && sh[i].far <= hi + 1 &&
                    on_line_of(&sh[j], &sh[i], &sh[i].mark)) {
                    grew = sh[i].print = true;
                    sh[i].top = sh[j].top;
                    sh[i].bottom = sh[j].bottom;
                }
    }
    for (int i = 0; sh && i < n; i++) {
        bool seal = sh[i].far <= hi + 1 && !sh[i].print;
        bool signature = !sh[i].edge && sh[i].h >= tallest && sh[i].near <= hi + 2;
        if (!seal && !signature)
            continue;
        /* With a pixel round it: a grey scan's stroke has a soft edge. */
        PIX *comp = pixaGetPix(comps, i, L_CLONE);
        PIX *mask = comp ? pixDilateBrick(NULL, comp, 3, 3) : NULL;
        if (mask && pixPaintThroughMask(gray, mask, ox + sh[i].x, oy + sh[i].y, 0xff) == 0)
            erased++;
        pixDestroy(&mask);
        pixDestroy(&comp);
    }
    free(sh);
    boxaDestroy(&boxes);
    pixaDestroy(&comps);
    pixDestroy(&ink);
    pixDestroy(&part);
    boxDestroy(&placed);
    boxDestroy(&clip);
    return erased;
}

long vt_seal_rings_erase(PIX **gray, int dpi)
{
    if (!gray || !*gray || pixGetDepth(*gray) != 8 || dpi <= 0)
        return -1;
    PIX *bin = pixConvertTo1(*gray, 128);
    if (!bin)
        return -1;
    int levels = 0;
    while (levels < 4 && dpi >> (levels + 1) >= VOTE_DPI)
        levels++;
    int f = 1 << levels;
    PIX *small = levels ? pixReduceRankBinaryCascade(bin, 1, levels > 1, levels > 2 ? 1 : 0,
                                                     levels > 3 ? 1 : 0)
                        : pixClone(bin);
    PIXA *comps = NULL;
    BOXA *boxes = small ? pixConnComp(small, &comps, 8) : NULL;
    if (!boxes) {
        pixDestroy(&small);
        pixDestroy(&bin);
        return -1;
    }
    double small_dpi = (double)dpi / f;
    int rmin = (int)floor(RING_MIN_MM / 25.4 * small_dpi);
    int rmax = (int)ceil(RING_MAX_MM / 25.4 * small_dpi);
    int half_max = (int)ceil(STROKE_HALF_MAX_MM / 25.4 * dpi);
    long erased = 0;
    for (int i = 0; i < boxaGetCount(boxes); i++) {
        BOX *box = boxaGetBox(boxes, i, L_CLONE);
        l_int32 bx, by, bw, bh;
        boxGetGeometry(box, &bx, &by, &bw, &bh);
        /* Big enough to hold the ring, not so big that it is a frame or a
         * table (the signature and the name may hang on the ring). */
        circle coarse, ring;
        if (bw >= 2 * rmin && bh >= 2 * rmin && bw <= 5 * rmax && bh <= 4 * rmax) {
            PIX *comp = pixaGetPix(comps, i, L_CLONE);
            bool found = comp && vote(comp, box, rmin, rmax, &coarse) &&
                         coverage(small, coarse.cx, coarse.cy, coarse.r, 1, 180) >= RING_COVER_MIN &&
                         disc_fill(small, coarse.cx, coarse.cy, coarse.r * 0.85) <= DISC_FILL_MAX;
            pixDestroy(&comp);
            if (found) {
                double lo, hi;
                place(bin, f, half_max, &coarse, &ring, &lo, &hi);
                if (pixGetRefcount(*gray) > 1) {
                    PIX *own = pixCopy(NULL, *gray);
                    if (!own) {
                        boxDestroy(&box);
                        break;
                    }
                    pixDestroy(gray);
                    *gray = own;
                }
                erase_band(*gray, bin, ring.cx, ring.cy, lo, hi);
                erase_inside(*gray, &ring, hi, dpi);
                erased++;
            }
        }
        boxDestroy(&box);
    }
    boxaDestroy(&boxes);
    pixaDestroy(&comps);
    pixDestroy(&small);
    pixDestroy(&bin);
    return erased;
}

struct Pix *vt_tall_shapes_erased(struct Pix *gray, int tallest)
{
    if (!gray || pixGetDepth(gray) != 8)
        return NULL;
    PIX *ink = pixConvertTo1(gray, 128);
    PIX *tall = ink ? pixSelectBySize(ink, 0, tallest, 8, L_SELECT_HEIGHT, L_SELECT_IF_GT,
                                      NULL)
                    : NULL;
    /* With a pixel round it: a grey scan's stroke has a soft edge. */
    PIX *mask = tall ? pixDilateBrick(NULL, tall, 3, 3) : NULL;
    PIX *out = mask ? pixCopy(NULL, gray) : NULL;
    if (out && pixPaintThroughMask(out, mask, 0, 0, 0xff) != 0)
        pixDestroy(&out);
    pixDestroy(&mask);
    pixDestroy(&tall);
    pixDestroy(&ink);
    return out;
}
