/* digits.c — read the digits written by hand into the header's blanks.
 *
 * Tesseract reads pen digits as marks or as wrong digits (a written 275
 * as nothing, 349 as 545), so the number, the day and a month by hand
 * were left to a person.  Here the blank between the cue's word ("Số:",
 * "ngày", "tháng") and the next printed word ("/TB-UBND", "tháng",
 * "năm") is cut out of the page as ingested (preprocess drops blue pen
 * with the seal's ink), its ink split into digits, and each digit read by
 * a small network learnt from MNIST (tools/digits/train.c writes
 * dict/digits/net.txt, built into the library).  A wrong number in an
 * archive's record is worse than a blank flagged for a person, so the
 * reader abstains unless every digit is sure and the ink looks like a row
 * of digits.  The page is read turned upright as preprocess turned it. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "digits.h"
#include "internal.h"

/* ------------------------------------------------------------ features */

#define SIDE 28
#define FIT 20
/* Strokes are redrawn this thick, as a fraction of the digit's larger
 * side: MNIST's pen is about 2 of 20 pixels, a ballpoint on a 300 dpi scan
 * one or two of 60.  The networks learnt from digits so redrawn; the pen
 * digits of a blank are read in four views of their own (read_one). */
#define STROKE 0.11f

/* The 1 bpp image's ink as floats in a SIDE x SIDE grid, fitted in a
 * FIT x FIT box by area sampling, at its top left corner. */
static void sample_box(PIX *pix, float grid[SIDE][SIDE], int *tw, int *th)
{
    int w = (int)pixGetWidth(pix), h = (int)pixGetHeight(pix);
    float s = (float)FIT / (float)(w > h ? w : h);
    *tw = (int)ceilf((float)w * s);
    *th = (int)ceilf((float)h * s);
    if (*tw > FIT)
        *tw = FIT;
    if (*th > FIT)
        *th = FIT;
    memset(grid, 0, sizeof(float) * SIDE * SIDE);
    enum { SUB = 4 };
    for (int ty = 0; ty < *th; ty++)
        for (int tx = 0; tx < *tw; tx++) {
            int hits = 0;
            for (int i = 0; i < SUB; i++)
                for (int j = 0; j < SUB; j++) {
                    int sx = (int)(((float)tx + ((float)j + 0.5f) / SUB) / s);
                    int sy = (int)(((float)ty + ((float)i + 0.5f) / SUB) / s);
                    l_uint32 v = 0;
                    if (sx < w && sy < h)
                        pixGetPixel(pix, sx, sy, &v);
                    hits += v != 0;
                }
            grid[ty][tx] = (float)hits / (SUB * SUB);
        }
}

/* The centre of mass of the grid's ink; false when it has none. */
static bool centre_of_mass(float grid[SIDE][SIDE], float *cx, float *cy)
{
    float m = 0;
    *cx = *cy = 0;
    for (int y = 0; y < SIDE; y++)
        for (int x = 0; x < SIDE; x++) {
            m += grid[y][x];
            *cx += grid[y][x] * (float)x;
            *cy += grid[y][x] * (float)y;
        }
    if (m <= 0)
        return false;
    *cx /= m;
    *cy /= m;
    return true;
}

/* Move the ink, in the grid's top left tw x th, so that its centre of
 * mass is the grid's centre, in whole pixels, keeping it inside the grid. */
static void centre(float grid[SIDE][SIDE], int tw, int th)
{
    float cx, cy;
    if (!centre_of_mass(grid, &cx, &cy))
        return;
    int ox = (int)lroundf(SIDE / 2.0f - 0.5f - cx), oy = (int)lroundf(SIDE / 2.0f - 0.5f - cy);
    ox = ox < 0 ? 0 : ox > SIDE - tw ? SIDE - tw : ox;
    oy = oy < 0 ? 0 : oy > SIDE - th ? SIDE - th : oy;
    float moved[SIDE][SIDE] = {{0}};
    for (int y = 0; y < th; y++)
        for (int x = 0; x < tw; x++)
            moved[y + oy][x + ox] = grid[y][x];
    memcpy(grid, moved, sizeof moved);
}

/* Shear the rows so that the ink stands upright: x shifted by
 * (mu11 / mu02) (y - cy), the slant of its second moments. */
static void deskew(float grid[SIDE][SIDE])
{
    float cx, cy;
    if (!centre_of_mass(grid, &cx, &cy))
        return;
    float mu11 = 0, mu02 = 0;
    for (int y = 0; y < SIDE; y++)
        for (int x = 0; x < SIDE; x++) {
            mu11 += grid[y][x] * ((float)x - cx) * ((float)y - cy);
            mu02 += grid[y][x] * ((float)y - cy) * ((float)y - cy);
        }
    if (mu02 <= 0)
        return;
    float alpha = fmaxf(-1.0f, fminf(1.0f, mu11 / mu02));
    float out[SIDE][SIDE] = {{0}};
    for (int y = 0; y < SIDE; y++)
        for (int x = 0; x < SIDE; x++) {
            float sx = (float)x + alpha * ((float)y - cy);
            int x0 = (int)floorf(sx);
            float f = sx - (float)x0;
            float a = x0 >= 0 && x0 < SIDE ? grid[y][x0] : 0;
            float b = x0 + 1 >= 0 && x0 + 1 < SIDE ? grid[y][x0 + 1] : 0;
            out[y][x] = a * (1 - f) + b * f;
        }
    memcpy(grid, out, sizeof out);
}

/* The features of the ink's tight box, its strokes thinned to their
 * skeleton and drawn again with a brush `brush` pixels wide: a scan's pen
 * and MNIST's differ in thickness, not in shape. */
static bool redrawn_features(PIX *tight, int brush, float out[VT_DIGIT_FEATURES])
{
    PIX *framed = pixAddBorder(tight, brush + 1, 0);
    PIX *thin = framed ? pixThinConnected(framed, L_THIN_FG, 8, 0) : NULL;
    PIX *thick = thin ? pixDilateBrick(NULL, thin, brush, brush) : NULL;
    PIX *redrawn = NULL;
    if (thick)
        pixClipToForeground(thick, &redrawn, NULL);
    pixDestroy(&framed);
    pixDestroy(&thin);
    pixDestroy(&thick);
    if (!redrawn)
        return false;
    float grid[SIDE][SIDE];
    int tw, th;
    sample_box(redrawn, grid, &tw, &th);
    pixDestroy(&redrawn);
    centre(grid, tw, th);
    deskew(grid);
    const int pool = SIDE / VT_DIGIT_GRID;
    for (int y = 0; y < VT_DIGIT_GRID; y++)
        for (int x = 0; x < VT_DIGIT_GRID; x++) {
            float s = 0;
            for (int i = 0; i < pool; i++)
                for (int j = 0; j < pool; j++)
                    s += grid[y * pool + i][x * pool + j];
            out[y * VT_DIGIT_GRID + x] = s / (float)(pool * pool);
        }
    return true;
}

/* The ink of a tight box sheared so that it stands upright, at its own
 * resolution before its strokes are redrawn: each row moved by
 * (mu11 / mu02) (y - cy), the slant of its second moments (at most one
 * pixel a row, so strokes stay joined), and clipped to its ink again. */
static PIX *upright(PIX *tight)
{
    int w = (int)pixGetWidth(tight), h = (int)pixGetHeight(tight);
    double m = 0, sx = 0, sy = 0, mu11 = 0, mu02 = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                l_uint32 v;
                pixGetPixel(tight, x, y, &v);
                if (v && !pass) {
                    m++;
                    sx += x;
                    sy += y;
                } else if (v) {
                    mu11 += (x - sx / m) * (y - sy / m);
                    mu02 += (y - sy / m) * (y - sy / m);
                }
            }
    double slant = mu02 > 0 ? fmax(-1.0, fmin(1.0, mu11 / mu02)) : 0;
    int pad = (int)ceil(fabs(slant) * h) + 1;
    PIX *sheared = pixCreate(w + 2 * pad, h, 1), *out = NULL;
    for (int y = 0; y < h; y++) {
        int shift = pad - (int)lround(slant * (y - (m > 0 ? sy / m : 0)));
        for (int x = 0; x < w; x++) {
            l_uint32 v;
            pixGetPixel(tight, x, y, &v);
            if (v)
                pixSetPixel(sheared, x + shift, y, 1);
        }
    }
    pixClipToForeground(sheared, &out, NULL);
    pixDestroy(&sheared);
    return out;
}

/* The ink's larger side, of its tight box. */
static int larger_side(PIX *tight)
{
    int w = (int)pixGetWidth(tight), h = (int)pixGetHeight(tight);
    return w > h ? w : h;
}

bool vt_digit_features(PIX *ink, float out[VT_DIGIT_FEATURES])
{
    PIX *tight = NULL;
    if (!ink || pixClipToForeground(ink, &tight, NULL) != 0 || !tight)
        return false;
    int brush = (int)lroundf(STROKE * (float)larger_side(tight));
    bool ok = redrawn_features(tight, brush < 1 ? 1 : brush, out);
    pixDestroy(&tight);
    return ok;
}

/* ------------------------------------------------------------ network */

/* Networks of one hidden layer of tanh units and a softmax over the ten
 * digits; the weights of each unit are followed by its bias.  Several
 * were learnt, each from its own start, in families learnt from digits
 * of their own forms (tools/digits/train.c: MNIST's as written, and also
 * widened, narrowed and slanted): to a family a digit is only as sure as
 * the least sure of its networks, and a digit is read when the families
 * read the same, as sure as the surer family.  One family is sure of a
 * wide 1 with a long flag the other doubts, the other of a ballpoint's
 * open 4; where they read two digits the reader abstains. */
#define NETS_MAX 6
#define FAMILIES_MAX 2

extern const unsigned char vt_digit_net_text[];

static vt_digit_net nets[NETS_MAX];
static int n_nets, n_families;
static pthread_once_t nets_once = PTHREAD_ONCE_INIT;

/* dict/digits/net.txt: '#' comment lines, the line "digits-mlp F H 10 N
 * G", then N networks in G families of N / G each: the hidden units' rows
 * and the output units' rows, numbers separated by white space. */
static void load_nets(void)
{
    const char *p = (const char *)vt_digit_net_text;
    while (*p == '#')
        p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p);
    int f, h, o, n, g;
    if (sscanf(p, "digits-mlp %d %d %d %d %d", &f, &h, &o, &n, &g) != 5 ||
        f != VT_DIGIT_FEATURES || h != VT_DIGIT_HIDDEN || o != 10 || n < 1 || n > NETS_MAX ||
        g < 1 || g > FAMILIES_MAX || n % g)
        return;
    p = strchr(p, '\n');
    for (int k = 0; k < n; k++) {
        float *all[2] = {&nets[k].w1[0][0], &nets[k].w2[0][0]};
        size_t sizes[2] = {sizeof nets[k].w1 / sizeof(float), sizeof nets[k].w2 / sizeof(float)};
        for (int l = 0; l < 2; l++)
            for (size_t i = 0; i < sizes[l]; i++) {
                char *end;
                all[l][i] = p ? strtof(p, &end) : 0;
                if (!p || end == p)
                    return;
                p = end;
            }
    }
    n_nets = n;
    n_families = g;
}

int vt_digit_net_run(const vt_digit_net *net, const float features[VT_DIGIT_FEATURES],
                     float hidden[VT_DIGIT_HIDDEN], float prob[10])
{
    for (int u = 0; u < VT_DIGIT_HIDDEN; u++) {
        float s = net->w1[u][VT_DIGIT_FEATURES];
        for (int i = 0; i < VT_DIGIT_FEATURES; i++)
            s += net->w1[u][i] * features[i];
        hidden[u] = tanhf(s);
    }
    float top = -INFINITY;
    int best = 0;
    for (int d = 0; d < 10; d++) {
        float s = net->w2[d][VT_DIGIT_HIDDEN];
        for (int u = 0; u < VT_DIGIT_HIDDEN; u++)
            s += net->w2[d][u] * hidden[u];
        prob[d] = s;
        if (s > top) {
            top = s;
            best = d;
        }
    }
    float sum = 0;
    for (int d = 0; d < 10; d++)
        sum += prob[d] = expf(prob[d] - top);
    for (int d = 0; d < 10; d++)
        prob[d] /= sum;
    return best;
}

/* The digit the networks of one family read, and the least probability
 * any of them gives it. */
static int family_reads(int first, int count, const float features[VT_DIGIT_FEATURES],
                        float *prob)
{
    float least[10];
    for (int k = first; k < first + count; k++) {
        float hidden[VT_DIGIT_HIDDEN], p[10];
        vt_digit_net_run(&nets[k], features, hidden, p);
        for (int d = 0; d < 10; d++)
            least[d] = k > first ? fminf(least[d], p[d]) : p[d];
    }
    int best = 0;
    for (int d = 1; d < 10; d++)
        if (least[d] > least[best])
            best = d;
    *prob = least[best];
    return best;
}

int vt_digit_classify(const float features[VT_DIGIT_FEATURES], float *prob)
{
    pthread_once(&nets_once, load_nets);
    *prob = 0;
    if (!n_nets)
        return -1;
    int per = n_nets / n_families, digit = -1;
    for (int g = 0; g < n_families; g++) {
        float p;
        int d = family_reads(g * per, per, features, &p);
        if (g && d != digit) {
            *prob = 0;
            return digit;
        }
        digit = d;
        *prob = fmaxf(*prob, p);
    }
    return digit;
}

/* ------------------------------------------------------------ a blank */

/* The least probability every digit of a blank needs (chosen on the
 * development pages: precision before recall). */
#define SURE 0.97f

/* Ink is darker than INK_DARK per cent of the paper.  A faint pen's
 * stroke may lie about that level, in part above it: the threshold breaks
 * it (a 0 whose lighter side is lost, its darker side a sure 6).  So a
 * blank is read again taking ink up to INK_LIGHT per cent too: where that
 * reads other digits, or none while the blank holds faint strokes
 * (faint_strokes), the reader abstains.  Where it reads none and the
 * lighter ink is only the grey edge of dark strokes (a coarse scan's,
 * enlarged), the first reading stands. */
#define INK_DARK 72
#define INK_LIGHT 85
/* The grey edge of a dark stroke lies within EDGE / 2 pixels of it. */
#define EDGE 7

/* Pen ink of the blank: darker than `dark` per cent of the paper, the
 * crop's brightest tenth, or blue well above red and green (a ballpoint's
 * blue is light on a colour scan), the blue also into *blue. */
static PIX *ink_mask(PIX *crop, int dark_pc, PIX **blue)
{
    PIX *rgb = pixConvertTo32(crop);
    if (!rgb)
        return NULL;
    int w = (int)pixGetWidth(rgb), h = (int)pixGetHeight(rgb);
    int hist[256] = {0};
    PIX *mask = pixCreate(w, h, 1);
    *blue = pixCreate(w, h, 1);
    l_uint32 *data = pixGetData(rgb);
    int wpl = pixGetWpl(rgb);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            l_int32 r, g, b;
            extractRGBValues(data[y * wpl + x], &r, &g, &b);
            hist[(r + g + b) / 3]++;
        }
    int paper = 255;
    for (int seen = 0; paper > 0 && (seen += hist[paper]) < w * h / 10;)
        paper--;
    int dark = paper * dark_pc / 100;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            l_int32 r, g, b;
            extractRGBValues(data[y * wpl + x], &r, &g, &b);
            bool is_blue = b > r + 40 && b > g + 15;
            if ((r + g + b) / 3 < dark || is_blue)
                pixSetPixel(mask, x, y, 1);
            if (is_blue)
                pixSetPixel(*blue, x, y, 1);
        }
    pixDestroy(&rgb);
    return mask;
}

/* A copier's streak: a hairline down the page, STREAK pixels wide at
 * most, faint in places, but dark over a quarter of the crop's height and
 * from top to bottom over three fifths of it (no digit is that tall, the
 * crop being three lines high).  Its hairline runs are cleared, and where
 * a pen stroke crosses it the stroke's run, wider, is kept: the streak
 * would join a digit to the rules and print above and below it. */
#define STREAK 3

/* Whether (x, y) is ink in a run along its row under STREAK wide; the
 * run's first and last columns in *a and *b. */
static bool in_hairline(PIX *mask, int x, int y, int *a, int *b)
{
    int w = (int)pixGetWidth(mask);
    l_uint32 v;
    pixGetPixel(mask, x, y, &v);
    if (!v)
        return false;
    for (*a = x; *a > 0 && (pixGetPixel(mask, *a - 1, y, &v), v);)
        (*a)--;
    for (*b = x; *b + 1 < w && (pixGetPixel(mask, *b + 1, y, &v), v);)
        (*b)++;
    return *b - *a < STREAK;
}

static void erase_streaks(PIX *mask)
{
    int w = (int)pixGetWidth(mask), h = (int)pixGetHeight(mask), a, b;
    for (int x = 0; x < w; x++) {
        int thin = 0, top = -1, bottom = -1;
        for (int y = 0; y < h; y++)
            if (in_hairline(mask, x, y, &a, &b)) {
                thin++;
                top = top < 0 ? y : top;
                bottom = y;
            }
        if (thin * 4 < h || (bottom - top) * 5 < h * 3)
            continue;
        for (int y = 0; y < h; y++)
            if (in_hairline(mask, x, y, &a, &b))
                for (int c = a; c <= b; c++)
                    pixSetPixel(mask, c, y, 0);
    }
}

/* Pen of colour in a blank written in blue: the pieces of ink with no
 * blue in them are the print around it (a letter's tail the cue's
 * measured width leaves in the blank), and are dropped.  Blue is the
 * blank's pen when it is half the ink in columns [in0, in1) at least. */
static void keep_blue_pen(PIX **mask, PIX *blue, int in0, int in1)
{
    int h = (int)pixGetHeight(*mask);
    BOX *b = boxCreate(in0, 0, in1 - in0, h);
    l_int32 ink = 0, pen = 0;
    pixCountPixelsInRect(*mask, b, &ink, NULL);
    pixCountPixelsInRect(blue, b, &pen, NULL);
    boxDestroy(&b);
    if (!pen || pen * 2 < ink)
        return;
    PIX *kept = pixSeedfillBinary(NULL, blue, *mask, 8);
    if (kept) {
        pixDestroy(mask);
        *mask = kept;
    }
}

/* One digit: the pieces of ink (indices into the components) that
 * overlap in x, and their box in the crop, cut to the blank's columns. */
typedef struct digit_ink {
    int x0, x1, y0, y1;
    int piece[8];
    int n;
} digit_ink;

static int overlap(int a0, int a1, int b0, int b1)
{
    int lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi - lo;
}

/* A digit is at most this much wider than high (per ten); wider ink is
 * read only as two digits run together (read_touching), at most
 * TOUCHING_MAX wide. */
#define DIGIT_WIDE 10
#define TOUCHING_MAX 26

/* The pieces of ink in a row of digits, left to right, of a crop whose
 * columns [in0, in1) are the blank and whose sides the print around it;
 * 0 when the ink is no such row: a stroke running out of the crop (a
 * line), print run into the pen, a piece too wide for two digits (a
 * scribble), more digits than `max`.  Specks, dots, the blank's
 * underscores and the rules of the header (lower than a quarter of the
 * line, or than half of it and three times as wide) are dropped, and so is
 * print: a piece centred outside the blank that reaches into it by little
 * (a pen's lead-in stroke may run under the cue).  A pen stroke centred
 * in the blank may run on into the print beside it (a 7's bar into the
 * "t" of "tháng"): the digit is cut at the blank's edge, the print's part
 * of that piece left out. */
static int split_digits(BOXA *boxes, int w, int h, int in0, int in1, int line_h,
                        digit_ink *out, int max)
{
    int n = boxaGetCount(boxes), found = 0;
    for (int i = 0; i < n; i++) {
        l_int32 bx, by, bw, bh;
        boxaGetBoxGeometry(boxes, i, &bx, &by, &bw, &bh);
        if (bh * 4 < line_h || (bw > 3 * bh && bh * 2 < line_h))
            continue;
        int mid = bx + bw / 2;
        if (mid < in0 || mid >= in1) {
            if (overlap(bx, bx + bw, in0, in1) * 4 > line_h)
                return 0;
            continue;
        }
        if (bx == 0 || by == 0 || bx + bw == w || by + bh == h)
            return 0;
        int cx0 = bx < in0 ? in0 : bx, cx1 = bx + bw > in1 ? in1 : bx + bw;
        /* Merge with a digit it overlaps in x by half the narrower. */
        int k = 0;
        for (; k < found; k++) {
            int narrow = cx1 - cx0 < out[k].x1 - out[k].x0 ? cx1 - cx0 : out[k].x1 - out[k].x0;
            if (2 * overlap(cx0, cx1, out[k].x0, out[k].x1) >= narrow)
                break;
        }
        if (k == found) {
            if (found == max)
                return 0;
            out[found++] = (digit_ink){cx0, cx1, by, by + bh, {0}, 0};
        }
        digit_ink *d = &out[k];
        if (d->n == (int)(sizeof d->piece / sizeof *d->piece))
            return 0;
        d->piece[d->n++] = i;
        d->x0 = cx0 < d->x0 ? cx0 : d->x0;
        d->x1 = cx1 > d->x1 ? cx1 : d->x1;
        d->y0 = by < d->y0 ? by : d->y0;
        d->y1 = by + bh > d->y1 ? by + bh : d->y1;
    }
    /* Left to right; merging may have joined two digits found apart. */
    for (int i = 1; i < found; i++)
        for (int k = i; k > 0 && out[k].x0 < out[k - 1].x0; k--) {
            digit_ink t = out[k];
            out[k] = out[k - 1];
            out[k - 1] = t;
        }
    int tallest = 0;
    for (int i = 0; i < found; i++)
        if (out[i].y1 - out[i].y0 > tallest)
            tallest = out[i].y1 - out[i].y0;
    for (int i = 0; i < found; i++) {
        int dw = out[i].x1 - out[i].x0, dh = out[i].y1 - out[i].y0;
        if (dw * 10 > dh * TOUCHING_MAX || dh * 2 < tallest)
            return 0;
        if (i && overlap(out[i - 1].x0, out[i - 1].x1, out[i].x0, out[i].x1) * 2 >
                     (dw < out[i - 1].x1 - out[i - 1].x0 ? dw : out[i - 1].x1 - out[i - 1].x0))
            return 0;
    }
    return found;
}

/* The digit's own pieces of ink, on an image of its box (what lies
 * outside the box, beyond the blank's edge, is left out). */
static PIX *digit_pix(const digit_ink *d, PIXA *pieces, BOXA *boxes)
{
    PIX *pix = pixCreate(d->x1 - d->x0, d->y1 - d->y0, 1);
    for (int k = 0; k < d->n; k++) {
        PIX *p = pixaGetPix(pieces, d->piece[k], L_CLONE);
        l_int32 bx, by, bw, bh;
        boxaGetBoxGeometry(boxes, d->piece[k], &bx, &by, &bw, &bh);
        pixRasterop(pix, bx - d->x0, by - d->y0, bw, bh, PIX_SRC | PIX_DST, p, 0, 0);
        pixDestroy(&p);
    }
    return pix;
}

/* A pen digit's strokes are redrawn a tenth of its larger side thick,
 * MNIST's 2 of 20 pixels, with the brush's width rounded down and up, and
 * read as they stand and sheared upright (upright): a pixel more or less
 * of stroke, or a slant the networks' own deskewing of the 28 x 28 grid
 * leaves, flips the networks on some pen digits (the top of an open 4
 * closed by the wider brush, a slanted 1), and no one view suits them
 * all. */
#define PEN_BRUSH 0.10f

/* The digit the networks read in one view of the ink (its tight box),
 * redrawn with the brush PEN_BRUSH of its side rounded down (or up when
 * `wide`); -1 when none. */
static int read_view(PIX *tight, bool wide, float *prob)
{
    float width = PEN_BRUSH * (float)larger_side(tight);
    int brush = (int)(wide ? ceilf(width) : floorf(width));
    float f[VT_DIGIT_FEATURES];
    *prob = 0;
    return redrawn_features(tight, brush < 1 ? 1 : brush, f) ? vt_digit_classify(f, prob) : -1;
}

/* The digit read in an image of ink, and how sure (0 when none): the one
 * every view (PEN_BRUSH) reads, as sure as the surest of them; none when
 * two views read two digits. */
static int read_one(PIX *pix, float *prob)
{
    PIX *views[2] = {NULL, NULL};
    *prob = 0;
    if (pixClipToForeground(pix, &views[0], NULL) != 0 || !views[0])
        return -1;
    views[1] = upright(views[0]);
    int d = -1;
    for (int v = 0; v < 4 && (v < 2 || views[1]); v++) {
        float p;
        int got = read_view(views[v / 2], v % 2, &p);
        if (got < 0 || (v && got != d)) {
            d = -1;
            break;
        }
        d = got;
        *prob = fmaxf(*prob, p);
    }
    pixDestroy(&views[0]);
    pixDestroy(&views[1]);
    if (d < 0)
        *prob = 0;
    return d;
}

/* How many runs of ink cross column x of the image. */
static int runs_across(PIX *pix, int x)
{
    int h = (int)pixGetHeight(pix), runs = 0;
    l_uint32 before = 0;
    for (int y = 0; y < h; y++) {
        l_uint32 v;
        pixGetPixel(pix, x, y, &v);
        runs += v && !before;
        before = v;
    }
    return runs;
}

/* The first and last rows of the ink in columns [x0, x1) of the image;
 * false when there is none. */
static bool ink_rows(PIX *pix, int x0, int x1, int *top, int *bottom)
{
    int h = (int)pixGetHeight(pix);
    *top = *bottom = -1;
    for (int y = 0; y < h; y++)
        for (int x = x0; x < x1; x++) {
            l_uint32 v;
            pixGetPixel(pix, x, y, &v);
            if (v) {
                *top = *top < 0 ? y : *top;
                *bottom = y;
                break;
            }
        }
    return *top >= 0;
}

/* Whether the ink in columns [x0, x1) of the image stands as a digit in
 * a row whose tallest is `tallest` high: three quarters of that high (not
 * a 7's bar), and down to the ink's foot, within a fifth of the tallest,
 * as the digits of a row stand on one line (not a 4's arm, which ends at
 * its bar). */
static bool stands_as_digit(PIX *pix, int x0, int x1, int tallest)
{
    int top, bottom, h = (int)pixGetHeight(pix);
    return ink_rows(pix, x0, x1, &top, &bottom) && (bottom - top + 1) * 4 >= tallest * 3 &&
           (h - 1 - bottom) * 5 <= tallest;
}

/* Two digits read in one piece of ink: the pen ran on from one to the
 * next (a 7's bar into the 5 after it).  A column of the ink is a cut
 * where one short stroke crosses it (a quarter of its height at most: not
 * the two sides of a 0, not a 1's stem) and each side of it stands as
 * a digit of the row (stands_as_digit).  Of the cuts, the one whose two
 * digits are surest is kept, its digits in d[] and the least sure of them
 * in *prob; returns how many cuts there were. */
static int read_touching(PIX *pix, int tallest, int d[2], float *prob)
{
    int w = (int)pixGetWidth(pix), h = (int)pixGetHeight(pix), cuts = 0;
    NUMA *cols = pixCountPixelsByColumn(pix);
    *prob = 0;
    for (int c = 1; cols && c < w - 1; c++) {
        l_int32 crossing = 0;
        numaGetIValue(cols, c, &crossing);
        if (crossing * 4 > h || runs_across(pix, c) != 1 ||
            !stands_as_digit(pix, 0, c, tallest) || !stands_as_digit(pix, c, w, tallest))
            continue;
        cuts++;
        BOX *lb = boxCreate(0, 0, c, h), *rb = boxCreate(c, 0, w - c, h);
        PIX *left = pixClipRectangle(pix, lb, NULL), *right = pixClipRectangle(pix, rb, NULL);
        float pl = 0, pr = 0;
        int dl = left ? read_one(left, &pl) : -1, dr = right ? read_one(right, &pr) : -1;
        float least = pl < pr ? pl : pr;
        if (dl >= 0 && dr >= 0 && least > *prob) {
            *prob = least;
            d[0] = dl;
            d[1] = dr;
        }
        boxDestroy(&lb);
        boxDestroy(&rb);
        pixDestroy(&left);
        pixDestroy(&right);
    }
    numaDestroy(&cols);
    return cuts;
}

/* The digits of one piece of ink into out (one or two), or 0 when unsure.
 * Ink that can be cut into two digits (read_touching) is read as one
 * digit only when it cannot be two: the network may be sure of a 0 with a
 * 1 run into it, as a 0.  It is read as two when both are sure and the
 * whole is not a sure digit; ink wider than a digit only as two. */
static int read_ink(PIX *pix, int tallest, char out[2])
{
    int w = (int)pixGetWidth(pix), h = (int)pixGetHeight(pix);
    float whole = 0, split = 0;
    int one = w * 10 > h * DIGIT_WIDE ? -1 : read_one(pix, &whole);
    bool one_sure = one >= 0 && whole >= SURE;
    int two[2] = {0, 0};
    int cuts = read_touching(pix, tallest, two, &split);
    if (!cuts && one_sure) {
        out[0] = (char)('0' + one);
        return 1;
    }
    if (one_sure || split < SURE)
        return 0;
    out[0] = (char)('0' + two[0]);
    out[1] = (char)('0' + two[1]);
    return 2;
}

/* The crop of the page, enlarged by `enlarge` when it is over 1: a coarse
 * scan's pen digit is a dozen pixels high, its one-pixel strokes grey
 * where they fall between two, and thresholded as it is they break or
 * run together; interpolated to the resolution the reader was set for,
 * the threshold follows their middle (see vt_digits_read). */
static PIX *crop_page(PIX *page, int x0, int y0, int x1, int y1, float enlarge)
{
    BOX *b = boxCreate(x0, y0, x1 - x0, y1 - y0);
    PIX *crop = b ? pixClipRectangle(page, b, NULL) : NULL;
    boxDestroy(&b);
    if (!crop || enlarge <= 1)
        return crop;
    PIX *big = pixScale(crop, enlarge, enlarge);
    pixDestroy(&crop);
    return big;
}

/* The digits read in the crop's ink darker than `dark` per cent of the
 * paper (ink_mask), of a blank in columns [in0, in1) of a line `line`
 * high, into out (cap bytes with its NUL); how many, 0 when unsure. */
static size_t read_crop(PIX *crop, int dark, int in0, int in1, int line, char *out, size_t cap)
{
    *out = '\0';
    PIX *blue = NULL;
    PIX *mask = ink_mask(crop, dark, &blue);
    if (mask) {
        erase_streaks(mask);
        keep_blue_pen(&mask, blue, in0, in1);
    }
    pixDestroy(&blue);
    if (!mask)
        return 0;
    PIXA *pieces = NULL;
    BOXA *boxes = pixConnComp(mask, &pieces, 8);
    digit_ink digits[8];
    int max = (int)(cap - 1 < 8 ? cap - 1 : 8);
    int n = boxes ? split_digits(boxes, (int)pixGetWidth(mask), (int)pixGetHeight(mask), in0,
                                 in1, line, digits, max) : 0;
    int tallest = 0;
    for (int i = 0; i < n; i++)
        tallest = digits[i].y1 - digits[i].y0 > tallest ? digits[i].y1 - digits[i].y0 : tallest;
    size_t got = 0;
    bool unsure = false;
    for (int i = 0; i < n; i++) {
        PIX *pix = digit_pix(&digits[i], pieces, boxes);
        char read[2];
        int k = read_ink(pix, tallest, read);
        pixDestroy(&pix);
        unsure |= !k || got + (size_t)k > cap - 1;
        for (int j = 0; j < k && !unsure; j++)
            out[got++] = read[j];
    }
    if (unsure)
        got = 0;
    out[got] = '\0';
    boxaDestroy(&boxes);
    pixaDestroy(&pieces);
    pixDestroy(&mask);
    return got;
}

/* Whether the blank, columns [in0, in1) of the crop, holds faint
 * strokes: ink the lighter level (INK_LIGHT) takes beyond the grey edge
 * (EDGE) of the darker level's strokes (INK_DARK), more than a fifth as
 * much as those. */
static bool faint_strokes(PIX *crop, int in0, int in1)
{
    PIX *b1 = NULL, *b2 = NULL;
    PIX *dark = ink_mask(crop, INK_DARK, &b1), *light = ink_mask(crop, INK_LIGHT, &b2);
    pixDestroy(&b1);
    pixDestroy(&b2);
    bool faint = false;
    if (dark && light) {
        PIX *near = pixDilateBrick(NULL, dark, EDGE, EDGE);
        PIX *away = near ? pixSubtract(NULL, light, near) : NULL;
        BOX *b = boxCreate(in0, 0, in1 - in0, (int)pixGetHeight(crop));
        l_int32 d = 0, f = 0;
        pixCountPixelsInRect(dark, b, &d, NULL);
        if (away)
            pixCountPixelsInRect(away, b, &f, NULL);
        faint = f * 5 > d;
        boxDestroy(&b);
        pixDestroy(&near);
        pixDestroy(&away);
    }
    pixDestroy(&dark);
    pixDestroy(&light);
    return faint;
}

size_t vt_digits_read(PIX *page, vt_box gap, float enlarge, char *out, size_t cap)
{
    *out = '\0';
    /* The blank with the print on each side, as wide as the line's print
     * is high (gap.h is three times that): what belongs to neither is
     * seen whole. */
    int side = gap.h / 3;
    int pw = (int)pixGetWidth(page), ph = (int)pixGetHeight(page);
    int x0 = gap.x - side < 0 ? 0 : gap.x - side, y0 = gap.y < 0 ? 0 : gap.y;
    int x1 = gap.x + gap.w + side > pw ? pw : gap.x + gap.w + side;
    int y1 = gap.y + gap.h > ph ? ph : gap.y + gap.h;
    if (cap < 2 || x1 - x0 < 4 || y1 - y0 < 8)
        return 0;
    PIX *crop = crop_page(page, x0, y0, x1, y1, enlarge);
    if (!crop)
        return 0;
    /* The blank's columns and the line's height in the crop's pixels. */
    float k = (float)pixGetWidth(crop) / (float)(x1 - x0);
    int in0 = (int)lroundf((float)(gap.x - x0) * k);
    int in1 = (int)lroundf((float)(gap.x + gap.w - x0) * k);
    int line = (int)lroundf((float)side * k);
    char again[9];
    size_t most = cap < sizeof again ? cap : sizeof again;
    size_t got = read_crop(crop, INK_DARK, in0, in1, line, out, most);
    if (got) {
        size_t light = read_crop(crop, INK_LIGHT, in0, in1, line, again, most);
        if ((light && strcmp(again, out) != 0) || (!light && faint_strokes(crop, in0, in1))) {
            got = 0;
            *out = '\0';
        }
    }
    pixDestroy(&crop);
    return got;
}

/* ------------------------------------------------------------ the header's blanks */

/* The blanks of a header: after the cue, before the next printed word
 * (the number's notation, "/TB-UBND", when next is NULL).  OCR may run
 * what it made of the pen into the cue ("Số:02", "ngày{⁄|.") or the next
 * word ("6£È/TB-STTTT"); the blank's edge in that word is then a guess,
 * and a digit beyond a guessed edge would be lost from the number.  The
 * cues are measured: at a header's 13 pt "Số:" is 0.22 to 0.25 inch
 * wide, "ngày" 0.35 to 0.39 and "tháng" 0.40 to 0.45 on the development
 * pages, and a guess of cue_inch, at most the least of them, cuts at
 * worst into the colon, whose dots are no digit, or the last letter's
 * tail, which is print centred outside the blank.  OCR may also give the
 * next word a box over the pen though it reads only the word ("tháng" a
 * quarter wider than its print) after a blank too narrow for a digit:
 * "tháng" is 0.40 to 0.45 inch wide and "năm" 0.29 to 0.33, and the blank
 * ends next_inch, at least the most of them, before the box's right
 * edge, at worst in the word's first letter, print centred outside the
 * blank.  The notation's width is not known: its edge in a box over the
 * pen is left to a person.  A value above `most` is no day or month, and
 * a number (most 0) has no leading zero. */
typedef struct blank_kind {
    vt_role role;
    const char *cue, *next;
    float cue_inch;  /* 0: the cue's print is not measured */
    float next_inch; /* 0: the next word's print is not measured */
    size_t max_digits;
    int most;
} blank_kind;

static const blank_kind kinds[] = {
    {VT_ROLE_HEADER_LEFT, "Số", NULL, 0.21f, 0, 5, 0},
    {VT_ROLE_HEADER_RIGHT, "ngày", "tháng", 0.34f, 0.46f, 2, 31},
    {VT_ROLE_HEADER_RIGHT, "tháng", "năm", 0.40f, 0.34f, 2, 12},
};

/* Whether a word's box is a quarter wider than its print measured at
 * `measured` pixels: OCR gave it pen beside the print. */
static bool box_holds_pen(const vt_word *w, int measured)
{
    return measured > 0 && w->box.w * 4 > measured * 5;
}

/* Where the printed notation starts in a word ("/TB-UBND" in
 * "6£È/TB-STTTT"): a slash followed by two capitals; -1 when none. */
static long notation_at(const char *t)
{
    for (const char *s = strchr(t, '/'); s; s = strchr(s + 1, '/')) {
        const char *c = s + 1;
        int caps = 0;
        while (caps < 2 && ((*c >= 'A' && *c <= 'Z') || !strncmp(c, "Đ", strlen("Đ")))) {
            c += *c == 'D' || (*c >= 'A' && *c <= 'Z') ? 1 : strlen("Đ");
            caps++;
        }
        if (caps == 2)
            return s - t;
    }
    return -1;
}

/* The end of the UTF-8 character at t (t itself at the string's end). */
static const char *next_char(const char *t)
{
    if (!*t)
        return t;
    t++;
    while ((*t & 0xc0) == 0x80)
        t++;
    return t;
}

/* The length of the cue opening the word, with its colon or full stop;
 * 0 when the word does not open with the cue.  OCR reads the cue's
 * toned letter in many shapes ("Só:", "S6:", "ngảy"): "Số" is also an S
 * and any one character before a colon, "ngày" "ng" and any two
 * characters (the y run into the pen's first stroke reads as another
 * letter: "ngàW/†"); other cues are read as printed. */
static size_t cue_len(const char *t, const char *cue)
{
    const char *e = NULL;
    if (!strcmp(cue, "Số") && t[0] == 'S')
        e = !strncmp(t, cue, strlen(cue)) ? t + strlen(cue)
            : *next_char(t + 1) == ':' ? next_char(t + 1) : NULL;
    else if (!strcmp(cue, "ngày") && !strncmp(t, "ng", 2) && t[2] && *next_char(t + 2))
        e = next_char(next_char(t + 2));
    else if (!strncmp(t, cue, strlen(cue)))
        e = t + strlen(cue);
    if (!e)
        return 0;
    return (size_t)(e - t) + (*e == ':' || *e == '.');
}

/* A number OCR read as print: digits only, not taken for pen. */
static bool printed_number(const vt_word *w)
{
    return !w->handwritten && *w->text && strspn(w->text, "0123456789") == strlen(w->text);
}

static void word_free(vt_word *w)
{
    free(w->text);
    free(w->orig);
    free(w->lead);
}

static void word_set_text(vt_word *w, const char *text, size_t len)
{
    char *t = vt_xstrndup(text, len);
    free(w->text);
    w->text = t;
}

/* The cue "ngày" whose y OCR ran into the pen's first stroke ("ngàW")
 * written with its y again: the parse finds the date by it. */
static void cue_as_day(vt_word *w)
{
    const char *y = next_char(w->text + 2);
    if (*y == 'y')
        return;
    size_t at = (size_t)(y - w->text);
    char *t = vt_xmalloc(at + strlen(next_char(y)) + 2);
    memcpy(t, w->text, at);
    t[at] = 'y';
    strcpy(t + at + 1, next_char(y));
    free(w->text);
    w->text = t;
}

/* Words c and n of the line keep their print; those between them give
 * way to one word of the digits read. */
static void splice_digits(vt_line *ln, size_t c, size_t n, const char *digits, vt_box box,
                          float conf)
{
    vt_word dw = {.text = vt_xstrdup(digits), .orig = vt_xstrdup(digits), .lead = vt_xstrdup(" "),
                  .box = box, .conf = conf, .handwritten = true, .pen_digits = true};
    for (size_t k = c + 1; k < n; k++)
        word_free(&ln->words[k]);
    size_t keep = ln->n_words - (n - c - 1) + 1;
    vt_word *words = vt_xmalloc(keep * sizeof *words);
    memcpy(words, ln->words, (c + 1) * sizeof *words);
    words[c + 1] = dw;
    memcpy(words + c + 2, ln->words + n, (ln->n_words - n) * sizeof *words);
    free(ln->words);
    ln->words = words;
    ln->n_words = ln->cap_words = keep;
}

/* The page as ingested, loaded the first time a blank is found, and turned
 * as preprocess turned it (quarters clockwise): a digit read on its side
 * or upside down is a wrong digit. */
static PIX *source_pix(vt_digits_source *src, int quarters)
{
    if (!src->tried) {
        src->tried = true;
        src->pix = src->load(src->ctx);
        if (src->pix && quarters) {
            PIX *upright = pixRotateOrth(src->pix, quarters);
            pixDestroy(&src->pix);
            src->pix = upright;
        }
    }
    return src->pix;
}

/* Whether the digits OCR read after the cue, at low confidence and so
 * taken for pen, are print: in the columns of the page from `left` to
 * the cue's box end, each digit read is one shape of ink (no blue), and
 * all of them are as tall as each other, within a tenth, as type is (a
 * numbering stamp may set one a little higher or lower: a quarter of the
 * height is allowed).  A hand's digits are not as even: one stands taller
 * or drops below the others, or its strokes break or run together, and
 * then the reading is left pen.  Confidence cannot tell them apart (a
 * printed number stamped small or blurred by JPEG reads as low as pen). */
static bool digits_look_printed(PIX *page, const vt_word *cue, int left, size_t digits)
{
    if (digits == 0 || digits > 8 || left >= cue->box.x + cue->box.w)
        return false;
    /* Rows half a box above and below it: a digit cut by the box's edge
     * would seem to stand lower or higher than it does. */
    BOX *clip = boxCreate(left, cue->box.y - cue->box.h / 2, cue->box.x + cue->box.w - left,
                          2 * cue->box.h);
    PIX *crop = clip ? pixClipRectangle(page, clip, NULL) : NULL;
    boxDestroy(&clip);
    PIX *blue = NULL, *mask = crop ? ink_mask(crop, INK_DARK, &blue) : NULL;
    pixDestroy(&crop);
    l_int32 blue_ink = 1;
    if (blue)
        pixCountPixels(blue, &blue_ink, NULL);
    pixDestroy(&blue);
    BOXA *shapes = mask && blue_ink == 0 ? pixConnCompBB(mask, 8) : NULL;
    pixDestroy(&mask);
    /* Specks of the scan, under a quarter of the box high, are no part of
     * a digit. */
    int n = 0, top[8], bottom[8], tallest = 0;
    int count = shapes ? boxaGetCount(shapes) : 0;
    for (int i = 0; i < count; i++) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(shapes, i, &x, &y, &w, &h);
        if (h * 4 < cue->box.h)
            continue;
        if (n < 8) {
            top[n] = y;
            bottom[n] = y + h;
        }
        tallest = h > tallest ? h : tallest;
        n++;
    }
    boxaDestroy(&shapes);
    if ((size_t)n != digits)
        return false;
    int slack = tallest / 10 + 1;
    for (int i = 1; i < n; i++)
        if (abs((bottom[i] - top[i]) - (bottom[0] - top[0])) > slack ||
            abs(top[i] - top[0]) > tallest / 4)
            return false;
    return true;
}

/* A page scanned coarser than COARSE_DPI (preprocess enlarges it for OCR
 * alike) has its blanks read enlarged to READ_DPI, the resolution the
 * reader's thresholds and the pen's stroke were set on; a finer one as it
 * is. */
#define COARSE_DPI 150
#define READ_DPI 300

/* Read the blank after word c of the line, if it is one of kind k. */
static void fill_blank(vt_line *ln, size_t c, const blank_kind *k, int dpi,
                       vt_digits_source *src, int quarters)
{
    vt_word *cue = &ln->words[c];
    size_t cl = cue_len(cue->text, k->cue);
    if (!cl)
        return;
    size_t n = c + 1;
    long at = -1;
    for (; n < ln->n_words && n <= c + 4; n++) {
        const char *t = ln->words[n].text;
        const char *p = k->next ? strstr(t, k->next) : NULL;
        at = k->next ? (p ? p - t : -1) : notation_at(t);
        if (at >= 0)
            break;
        if (printed_number(&ln->words[n]))
            return;
    }
    if (at < 0 || n >= ln->n_words || n > c + 4)
        return;
    while (at > 0 && ln->words[n].text[at - 1] == ' ')
        at--;
    /* Pen run into the next word: its edge would be a guess (blank_kind). */
    if (at > 0)
        return;
    vt_word *next = &ln->words[n];
    /* Digits OCR read as print after the cue ("Số:516") are left to it. */
    const char *rest = cue->text + cl;
    if (*rest && !cue->handwritten && strspn(rest, "0123456789") == strlen(rest))
        return;
    /* The cue's box a quarter wider than its print holds pen too, though
     * OCR read it as the cue's colon or full stop ("tháng:"). */
    int left = cue->box.x + cue->box.w, measured = (int)lroundf(k->cue_inch * (float)dpi);
    if (*rest || box_holds_pen(cue, measured)) {
        if (measured <= 0 || measured >= cue->box.w)
            return;
        left = cue->box.x + measured;
    }
    /* Digits OCR read low after the cue that its ink shows are type. */
    if (*rest && strspn(rest, "0123456789") == strlen(rest)) {
        PIX *page = source_pix(src, quarters);
        if (page && digits_look_printed(page, cue, left, strlen(rest))) {
            cue->handwritten = false;
            return;
        }
    }
    int right = next->box.x, next_most = (int)lroundf(k->next_inch * (float)dpi);
    int line_h = cue->box.h < next->box.h ? cue->box.h : next->box.h;
    /* A blank too narrow for a digit before a box over pen: the pen is
     * in the box, before the word's print. */
    if (right - left < line_h && box_holds_pen(next, next_most))
        right = next->box.x + next->box.w - next_most;
    int mid = next->box.y + next->box.h / 2;
    if (right - left < line_h / 2)
        return;
    /* Pen digits stand up to half a line above and below the print. */
    vt_box gap = {left, mid - 3 * line_h / 2, right - left, 3 * line_h};
    char digits[8];
    PIX *pix = source_pix(src, quarters);
    float enlarge = dpi < COARSE_DPI ? (float)READ_DPI / (float)dpi : 1.0f;
    size_t got = pix ? vt_digits_read(pix, gap, enlarge, digits, k->max_digits + 1) : 0;
    if (!got || (k->most ? atoi(digits) < 1 || atoi(digits) > k->most : digits[0] == '0'))
        return;
    /* The colon or full stop OCR made of pen after "ngày" or "tháng" is
     * no print of the date's ("tháng: 4" is no month to the parse). */
    bool date_cue = k->next && (cue->text[cl - 1] == ':' || cue->text[cl - 1] == '.');
    word_set_text(cue, cue->text, cl - date_cue);
    if (!strcmp(k->cue, "ngày"))
        cue_as_day(cue);
    splice_digits(ln, c, n, digits, gap, SURE * 100);
}

/* Turn every word's box of a w x h page by `quarters` clockwise quarter
 * turns, each taking the page's left edge to its top; four make none. */
static void turn_word_boxes(vt_page *page, int quarters, int w, int h)
{
    for (int q = 0; q < quarters; q++) {
        for (size_t b = 0; b < page->n_blocks; b++)
            for (size_t l = 0; l < page->blocks[b].n_lines; l++) {
                vt_line *ln = &page->blocks[b].lines[l];
                for (size_t i = 0; i < ln->n_words; i++) {
                    vt_box x = ln->words[i].box;
                    ln->words[i].box = (vt_box){h - (x.y + x.h), x.x, x.h, x.w};
                }
            }
        int t = w;
        w = h;
        h = t;
    }
}

void vt_digits_fill_blanks(vt_page *page, vt_digits_source *src)
{
    /* The cues are measured in inches on the page as preprocess saw it:
     * a page whose file states a wrong resolution is read at the one its
     * letters show (the prepared page's, over the scale it was given). */
    int dpi = page->dpi > 0 ? page->dpi : 300;
    if (page->prepared.width > 0 && page->prepared.dpi > 0 && page->prepared.scale_x > 0)
        dpi = (int)lround(page->prepared.dpi / page->prepared.scale_x);
    /* Boxes lie in the page as ingested; a page scanned on its side is
     * read in the upright page's frame and its boxes turned back after. */
    int quarters = ((page->prepared.quarter_turns % 4) + 4) % 4;
    if (page->prepared.width <= 0)
        quarters = 0;
    turn_word_boxes(page, quarters, page->width, page->height);
    for (size_t b = 0; b < page->n_blocks; b++)
        for (size_t l = 0; l < page->blocks[b].n_lines; l++)
            for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
                if (page->blocks[b].role != kinds[k].role)
                    continue;
                vt_line *ln = &page->blocks[b].lines[l];
                for (size_t c = 0; c + 1 < ln->n_words; c++)
                    fill_blank(ln, c, &kinds[k], dpi, src, quarters);
            }
    bool odd = quarters % 2;
    turn_word_boxes(page, (4 - quarters) % 4, odd ? page->height : page->width,
                    odd ? page->width : page->height);
}
