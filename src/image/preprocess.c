/* preprocess.c — prepare each page image for OCR with leptonica.
 *
 * page->image is never modified; the result goes to page->work:
 *   1. seal and signature ink (red, blue) painted over with paper colour,
 *      before anything is thresholded, so a seal over the signer's name
 *      does not turn into a black disc;
 *   2. grayscale; a seal's ring still as dark as the print (a page with
 *      no colour, whatever its file's format) found by its shape and
 *      erased (seal.c);
 *   3. scaled down to about 300 dpi (what the Tesseract models are trained
 *      on), or up from a resolution too coarse to read (under 150 dpi, as
 *      declared or as the letters' size tells; a bilevel scan under 250),
 *      then sharpened;
 *   4. turned upright when it was scanned sideways or upside down
 *      (Tesseract's orientation detection, osd.traineddata, for the pages
 *      whose text lines are not clearly upright; see orient);
 *   5. deskewed;
 *   6. binarised adaptively (background normalisation, then Sauvola), so
 *      uneven paper and faint strokes survive; the ink keeps its grey
 *      levels (see clean_paper).  A page enlarged in step 3 has its
 *      background normalised only.
 * How page->work was made from page->image is kept as data in
 * page->prepared (scale, quarter turns, deskew angle, the work image's
 * size and dpi), so that boxes found on page->work can be put on the page
 * as ingested; the page's own width, height and dpi stay the image's.
 * Every step is also recorded for people with vt_page_add_step.
 * page->image is dropped as soon as the work image is made unless the
 * bound on held pixels leaves room for both (internal.h: page pixels). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include "internal.h"
#include "sauvola.h"
#include "seal.h"

#define TARGET_DPI 300
/* Scans at this resolution or finer are not enlarged (see work_scale). */
#define MIN_NATIVE_DPI 150
/* A bilevel scan (two grey levels, whatever its file's depth) is enlarged
 * under this resolution: its strokes have staircase edges and no grey,
 * and interpolated to 300 dpi they get the soft edges Tesseract's models
 * were trained on (globally thresholded copies of the seven development
 * scans of 150 and 200 dpi read 0.60 of their fields as they were, 0.74
 * enlarged).  At 300 dpi a bilevel scan is read as it is. */
#define BILEVEL_MIN_NATIVE_DPI 250
/* The unsharp mask of an enlarged page (see scale_page), in pixels of the
 * 300-dpi work image, and how much of the edge it adds back. */
#define ENLARGED_SHARPEN_HALFWIDTH 5
#define ENLARGED_SHARPEN_FRACTION 0.7f
/* A page smaller than this holds no readable line of text. */
#define MIN_SIDE_PX 64
/* Scaling to 300 dpi trusts the resolution the file claims; a bogus low
 * one would blow a small image up without bound, and a huge image at 300
 * dpi would take gigabytes in the copies below and in OCR.  A4 at 600 dpi
 * is 35 MP. */
#define MAX_WORK_MEGAPIXELS 40.0

/* A page is turned only when the detector is sure of it: a page of a few
 * short lines, or of blurred low-resolution print, scores low whichever
 * way it faces, and turning a readable page would lose all its text. */
#define MIN_ORIENT_CONFIDENCE 5.0f

typedef struct pre_opts {
    bool drop_red, drop_blue, drop_ring, orient, deskew, binarize;
} pre_opts;

typedef struct pre_state {
    pre_opts o;
    TessBaseAPI *osd; /* opened at the first page the detector orients */
} pre_state;

static const vt_option_spec pre_options[] = {
    {"drop-red", VT_OPTION_BOOL, "yes", 0, 0, NULL, "remove red ink (seals)",
     offsetof(pre_opts, drop_red)},
    {"drop-blue", VT_OPTION_BOOL, "yes", 0, 0, NULL, "remove blue ink (signatures)",
     offsetof(pre_opts, drop_blue)},
    {"drop-ring", VT_OPTION_BOOL, "yes", 0, 0, NULL,
     "erase a seal's ring that is as dark as the print (bilevel, greyscale)",
     offsetof(pre_opts, drop_ring)},
    {"orient", VT_OPTION_BOOL, "yes", 0, 0, NULL,
     "turn a page scanned sideways or upside down (needs tesseract-ocr-osd)",
     offsetof(pre_opts, orient)},
    {"deskew", VT_OPTION_BOOL, "yes", 0, 0, NULL, "straighten a skewed page",
     offsetof(pre_opts, deskew)},
    {"binarize", VT_OPTION_BOOL, "yes", 0, 0, NULL,
     "turn the page black and white (a page enlarged from under 150 dpi keeps its grey)",
     offsetof(pre_opts, binarize)},
    {0},
};

static vt_status pre_open(void **state, const void *opts, vt_error *err)
{
    (void)err;
    pre_state *s = vt_xcalloc(1, sizeof *s);
    s->o = *(const pre_opts *)opts;
    *state = s;
    return VT_OK;
}

static void pre_close(void *state)
{
    pre_state *s = state;
    if (!s)
        return;
    if (s->osd) {
        TessBaseAPIEnd(s->osd);
        TessBaseAPIDelete(s->osd);
    }
    free(s);
}

/* Tesseract's orientation detector, loaded once per stage. */
static TessBaseAPI *osd_engine(pre_state *s, vt_error *err)
{
    if (s->osd)
        return s->osd;
    TessBaseAPI *api = TessBaseAPICreate();
    if (api)
        TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    if (!api || TessBaseAPIInit3(api, NULL, "osd") != 0) {
        if (api)
            TessBaseAPIDelete(api);
        vt_error_set(err, VT_EDEPEND, "Tesseract cannot load its orientation model "
                     "osd.traineddata (install tesseract-ocr-osd, or set orient=no)");
        return NULL;
    }
    return s->osd = api;
}

/* Whether leptonica's count of letters rising above their line against
 * letters hanging below it, on the thresholded page `bin` as it is and
 * turned a quarter, calls the text lines clearly upright
 * (makeOrientDecision's own bounds); *conf is the count's confidence. */
static bool counted_upright(PIX *bin, float *conf)
{
    l_float32 up = 0, left = 0;
    l_int32 orientation = L_TEXT_ORIENT_UNKNOWN;
    *conf = 0;
    if (!bin || pixOrientDetect(bin, &up, &left, 0, 0) != 0 ||
        makeOrientDecision(up, left, 0, 0, &orientation, 0) != 0)
        return false;
    *conf = up;
    return orientation == L_TEXT_ORIENT_UP;
}

/* Whether the text lines of the thresholded page `bin`, at `dpi`, are
 * clearly upright (counted_upright).  The count costs a few hundredths of
 * a second where Tesseract's detector, which classifies characters in four
 * orientations, costs most of a second; and it only ever confirms the page
 * as it is: a page it does not call upright (sideways, upside down, too
 * little text) goes to the detector.  leptonica's count is made for 150 to
 * 300 dpi: a page of twice ORIENT_DPI or more is counted first at half its
 * size, a quarter of the work (the count was a twentieth of a page's
 * instructions), and at full size only when the half does not confirm it,
 * so that no page goes to the detector that the full count confirms. */
#define ORIENT_DPI 150

static bool clearly_upright(PIX *bin, int dpi, float *conf)
{
    if (dpi >= 2 * ORIENT_DPI) {
        PIX *half = pixReduceRankBinary2(bin, 2, NULL);
        bool upright = counted_upright(half, conf);
        pixDestroy(&half);
        if (upright)
            return true;
    }
    return counted_upright(bin, conf);
}

/* Quarter turns clockwise that set the thresholded page `bin` upright, 0
 * when it is upright or the detector is unsure (too little text); *conf is
 * its confidence. */
static int upright_turns(TessBaseAPI *osd, PIX *bin, int dpi, float *conf)
{
    int degrees = 0;
    const char *script = NULL;
    float script_conf = 0;
    TessBaseAPISetImage2(osd, bin);
    TessBaseAPISetSourceResolution(osd, dpi);
    bool found = TessBaseAPIDetectOrientationScript(osd, &degrees, conf, &script,
                                                    &script_conf);
    TessBaseAPIClear(osd);
    /* The detector gives how far the text is turned clockwise. */
    return found && *conf >= MIN_ORIENT_CONFIDENCE ? (360 - degrees) / 90 % 4 : 0;
}

/* Coloured ink is strongly saturated and not dark: black print under a red
 * seal stays black (all channels low) and is kept, and so is print that a
 * scanner's colour cast or bluish paper tints (dark, or weakly coloured:
 * its brightest channel under half, or its chroma under a quarter of the
 * scale, where ballpoint and seal ink are brighter and more colourful).
 * Hue decides which ink:
 * red seals run from magenta through red to orange, signatures from cyan
 * to violet blue.  The grayscale page is made in the same pass, ink
 * dropped as paper (255) and every other pixel as leptonica's luminance
 * (pixConvertRGBToLuminance, whose weights and rounding these are): one
 * read of the colour page instead of a painted copy read again. */
static PIX *gray_without_ink(PIX *rgb, bool red, bool blue, long *n_red, long *n_blue)
{
    int w = pixGetWidth(rgb), h = pixGetHeight(rgb), wpl = pixGetWpl(rgb);
    /* Every pixel is written below, and each row's padding zeroed as
     * pixCreate would: the page is not cleared first. */
    PIX *gray = pixCreateNoInit(w, h, 8);
    if (!gray)
        return NULL;
    pixCopyResolution(gray, rgb);
    int gwpl = pixGetWpl(gray);
    const l_uint32 *data = pixGetData(rgb);
    l_uint32 *gdata = pixGetData(gray);
    *n_red = *n_blue = 0;
    for (int y = 0; y < h; y++) {
        const l_uint32 *row = data + (size_t)y * wpl;
        l_uint32 *grow = gdata + (size_t)y * gwpl;
        grow[gwpl - 1] = 0;
        for (int x = 0; x < w; x++) {
            int r = (int)(row[x] >> L_RED_SHIFT) & 0xff;
            int g = (int)(row[x] >> L_GREEN_SHIFT) & 0xff;
            int b = (int)(row[x] >> L_BLUE_SHIFT) & 0xff;
            int lum = (int)(L_RED_WEIGHT * r + L_GREEN_WEIGHT * g + L_BLUE_WEIGHT * b + 0.5f);
            int mx = r > g ? (r > b ? r : b) : (g > b ? g : b);
            int mn = r < g ? (r < b ? r : b) : (g < b ? g : b);
            int chroma = mx - mn;
            if (chroma >= 64 && chroma * 4 >= mx && mx >= 128) {
                /* Hue in degrees, 0..360. */
                double hue;
                if (mx == r)
                    hue = fmod(60.0 * (g - b) / chroma + 360.0, 360.0);
                else if (mx == g)
                    hue = 60.0 * (b - r) / chroma + 120.0;
                else
                    hue = 60.0 * (r - g) / chroma + 240.0;
                if (red && (hue < 40 || hue > 300)) {
                    lum = 255;
                    (*n_red)++;
                } else if (blue && hue > 180 && hue <= 300) {
                    lum = 255;
                    (*n_blue)++;
                }
            }
            SET_DATA_BYTE(grow, x, lum);
        }
    }
    return gray;
}

/* Grayscale copy of any depth the decoders give us. */
static PIX *to_gray(PIX *src)
{
    int d = pixGetDepth(src);
    if (d == 8 && !pixGetColormap(src))
        return pixClone(src);
    if (d == 32)
        return pixConvertRGBToLuminance(src);
    return pixConvertTo8(src, 0);
}

/* Paper to white, evenly: the background is normalised and stretched so
 * that paper is 255.  With `binarize`, Sauvola's local threshold decides
 * what is ink; everything else (stains, JPEG ringing, what is left of a
 * seal's halo) becomes paper, while ink keeps its grey levels: Tesseract's
 * LSTM reads grey strokes better than a hard 1 bpp image (2-3 times fewer
 * word errors on the samples). */
static PIX *clean_paper(PIX *gray, bool binarize)
{
    PIX *norm = pixBackgroundNormSimple(gray, NULL, NULL);
    if (!norm)
        return NULL;
    pixGammaTRC(norm, norm, 1.0f, 0, 200); /* the normalised paper level */
    if (!binarize)
        return norm;
    PIX *bin = vt_sauvola_ink(norm, 25, 0.2f);
    if (!bin) {
        pixDestroy(&norm);
        return NULL;
    }
    /* A pixel's margin round each stroke keeps its antialiased edge. */
    PIX *paper = pixDilateBrick(NULL, bin, 3, 3);
    pixInvert(paper, paper);
    pixSetMasked(norm, paper, 255);
    pixDestroy(&paper);
    pixDestroy(&bin);
    return norm;
}

/* Turn `*gray` and its threshold `*bin` upright; *quarters gets the
 * clockwise quarter turns made.  `replay` is the orient step of a record
 * whose page is prepared again: its turn is done without detecting anew. */
static bool orient(pre_state *s, PIX **gray, PIX **bin, int dpi, const char *replay,
                   vt_page *log, int *quarters, vt_error *err)
{
    int degrees = 0;
    if (replay) {
        if (sscanf(replay, "orient %d", &degrees) != 1)
            degrees = 0;
        vt_page_add_step(log, "%s", replay);
    } else {
        /* The detector's model is loaded at the first page that needs it:
         * a worker whose pages are all upright never pays for it. */
        float conf = 0;
        if (clearly_upright(*bin, dpi, &conf)) {
            vt_page_add_step(log, "orient 0deg (text lines upright, confidence %.1f)", conf);
        } else {
            TessBaseAPI *osd = osd_engine(s, err);
            if (!osd)
                return false;
            conf = 0;
            degrees = 90 * upright_turns(osd, *bin, dpi, &conf);
            vt_page_add_step(log, "orient %ddeg (confidence %.1f)", degrees, conf);
        }
    }
    *quarters = (degrees / 90 % 4 + 4) % 4;
    if (*quarters == 0)
        return true;
    PIX *turned = pixRotateOrth(*gray, *quarters);
    PIX *turned_bin = pixRotateOrth(*bin, *quarters);
    if (!turned || !turned_bin) {
        pixDestroy(&turned);
        pixDestroy(&turned_bin);
        vt_error_set(err, VT_EINTERNAL, "cannot turn the page upright");
        return false;
    }
    pixDestroy(gray);
    pixDestroy(bin);
    *gray = turned;
    *bin = turned_bin;
    return true;
}

/* Straighten `*gray` by the skew of its threshold `bin`; the angle goes to
 * *degrees (0 when the page is left as it is). */
static void deskew(PIX **gray, PIX *bin, double *degrees, vt_page *log)
{
    l_float32 angle = 0, conf = 0;
    if (pixFindSkew(bin, &angle, &conf) == 0 && conf >= 2.5 && fabsf(angle) >= 0.1f) {
        /* Turned by the angle to the ten-thousandth of a degree a record's
         * six digits hold, so a page resumed from its record maps its boxes
         * exactly as the page read straight through.  The rotation is done
         * on the gray image so that strokes keep their antialiasing. */
        double rounded = round(angle * 1e4) / 1e4;
        PIX *rot = pixRotate(*gray, (float)(rounded * M_PI / 180.0), L_ROTATE_AREA_MAP,
                             L_BRING_IN_WHITE, 0, 0);
        if (rot) {
            pixDestroy(gray);
            *gray = rot;
            *degrees = rounded;
            vt_page_add_step(log, "deskew %+.2fdeg", angle);
        }
    } else {
        vt_page_add_step(log, "deskew none (%.2fdeg, confidence %.1f)", angle, conf);
    }
}

/* The resolution a page's print says it was scanned at, for a file that
 * declares none (300 is taken) or a wrong one: a dispatch is set in 13 or
 * 14 pt, and its tallest letters (capitals, ascenders, letters with a
 * tone mark: the mean height of the letter-sized marks from the 80th to
 * the 95th percentile, a band rather than one rank, whose whole pixels
 * would step by a tenth at 87 dpi) stand LETTER_INCHES high.  On the 16
 * development scans (100 to 300 dpi) and on five of them scaled to 87 dpi
 * that height was 0.116 to 0.141 of the declared resolution.  The heights
 * are measured upright: on a page turned sideways they are letters'
 * widths, a little smaller, so that such a page is, if anything, enlarged
 * a little more.  0 when the page has too few marks to tell (a mostly
 * blank page, a picture). */
#define LETTER_INCHES 0.134
#define MIN_LETTERS 200
/* The rough threshold the letters are measured on, and the orientation and
 * skew found. */
#define ROUGH_THRESHOLD 160

static int letters_dpi(PIX *bin)
{
    BOXA *boxes = bin ? pixConnCompBB(bin, 8) : NULL;
    if (!boxes)
        return 0;
    int n = boxaGetCount(boxes), side = pixGetWidth(bin) < pixGetHeight(bin)
                                             ? pixGetWidth(bin) : pixGetHeight(bin);
    NUMA *heights = numaCreate(n);
    for (int i = 0; i < n; i++) {
        l_int32 x, y, w, h;
        boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
        int longer = w > h ? w : h, shorter = w < h ? w : h;
        /* A letter or a few run together: neither a speck nor a rule,
         * a frame or a picture. */
        if (shorter >= 2 && 3 * shorter >= longer && longer <= side / 20)
            numaAddNumber(heights, (float)h);
    }
    boxaDestroy(&boxes);
    NUMA *sorted = numaSort(NULL, heights, L_SORT_INCREASING);
    numaDestroy(&heights);
    int count = sorted ? numaGetCount(sorted) : 0;
    double sum = 0;
    int from = count * 80 / 100, to = count * 95 / 100;
    for (int i = from; i < to; i++) {
        l_float32 v = 0;
        numaGetFValue(sorted, i, &v);
        sum += v;
    }
    numaDestroy(&sorted);
    return count >= MIN_LETTERS ? (int)lround(sum / (to - from) / LETTER_INCHES) : 0;
}

/* The resolution to prepare a page at whose file declares `declared`: the
 * letters' (letters_dpi) where their size calls the scan too coarse to read
 * as it is and the declared one is half as fine again or more (missing,
 * taken as 300, or a viewer's export keeping the original's), so that the
 * page is enlarged as a coarse scan and the layout's distances are in its
 * pixels; the declared one otherwise: within that margin the two agree,
 * and a fine scan is never shrunk on its letters' word.  Done again on a
 * page prepared anew, whose scale step names the resolution taken, it
 * keeps it. */
static int effective_dpi(int declared, int letters)
{
    bool coarse = letters > 0 && letters < MIN_NATIVE_DPI;
    return coarse && 2 * declared >= 3 * letters ? letters : declared;
}

/* Whether the 8 bpp page `gray` has two grey levels at most: a bilevel
 * scan, stored at one bit a pixel or at eight.  The scan stops at the
 * third level, which a grey page shows in its first rows: only a bilevel
 * page is read whole. */
static bool two_levels(PIX *gray)
{
    int w = pixGetWidth(gray), h = pixGetHeight(gray), wpl = pixGetWpl(gray);
    const l_uint32 *data = pixGetData(gray);
    int levels[2] = {-1, -1};
    for (int y = 0; y < h; y++) {
        const l_uint32 *row = data + (size_t)y * wpl;
        for (int x = 0; x < w; x++) {
            int v = GET_DATA_BYTE(row, x);
            if (v == levels[0] || v == levels[1])
                continue;
            if (levels[1] >= 0)
                return false;
            levels[levels[0] >= 0] = v;
        }
    }
    return levels[0] >= 0;
}

/* The factor that brings an image of this resolution to about 300 dpi,
 * within MAX_WORK_MEGAPIXELS; 1 when it is there already, and for a scan
 * of `min_native` or more (MIN_NATIVE_DPI, BILEVEL_MIN_NATIVE_DPI for a
 * bilevel one): Tesseract reads its print as it was scanned,
 * while interpolated strokes come out blurred (a stamped number gained a
 * digit, bold title letters lost their marks).  Below it (a 100-dpi page)
 * letters are too few pixels high to read without enlarging. */
static float work_scale(const PIX *pix, int dpi, int min_native)
{
    bool rescale = dpi > TARGET_DPI + TARGET_DPI / 10 || dpi < min_native;
    float factor = rescale ? (float)TARGET_DPI / dpi : 1.0f;
    double pixels = (double)pixGetWidth(pix) * pixGetHeight(pix);
    if (pixels * factor * factor > MAX_WORK_MEGAPIXELS * 1e6)
        factor = (float)sqrt(MAX_WORK_MEGAPIXELS * 1e6 / pixels);
    return factor;
}

/* Scale *pix (replaced) by factor and note it; false when leptonica fails.
 * `plain` shrinks by area mapping alone: pixScale sharpens after it, with
 * working copies of its own.  An enlarged page is interpolated, its strokes
 * soft and its letters run together: an unsharp mask as wide as a stroke
 * of the enlarged page gives them their edges back. */
static bool scale_page(PIX **pix, float factor, bool plain, int *dpi, vt_page *log)
{
    PIX *scaled = plain ? pixScaleAreaMap(*pix, factor, factor) : pixScale(*pix, factor, factor);
    bool sharpen = scaled && !plain && factor > 1;
    if (sharpen) {
        PIX *sharp = pixUnsharpMasking(scaled, ENLARGED_SHARPEN_HALFWIDTH,
                                       ENLARGED_SHARPEN_FRACTION);
        pixDestroy(&scaled);
        scaled = sharp;
    }
    if (!scaled)
        return false;
    pixDestroy(pix);
    *pix = scaled;
    int scaled_dpi = (int)lroundf((float)*dpi * factor);
    vt_page_add_step(log, "scale %.3f from %d to %d dpi%s", factor, *dpi, scaled_dpi,
                     sharpen ? ", sharpened" : "");
    *dpi = scaled_dpi;
    return true;
}

/* Prepare one page image for OCR: *srcp, which may be replaced by a
 * smaller copy (the caller destroys it) and is otherwise left as it is.  `dpi` is
 * the image's resolution; how the work image was made from it goes to
 * *frame, every step to `log`.  `orient_replay` is the orient step of a record whose page is
 * prepared again.  NULL with err set when the page cannot be prepared. */
static PIX *prepare(pre_state *s, const char *orient_replay, PIX **srcp, int dpi,
                    vt_prepared *frame, vt_page *log, const char *path, size_t index,
                    vt_error *err)
{
    const pre_opts *o = &s->o;
    PIX *src = *srcp, *gray = NULL;
    double source_w = pixGetWidth(src), source_h = pixGetHeight(src);
    *frame = (vt_prepared){0};
    if (pixGetWidth(src) < MIN_SIDE_PX || pixGetHeight(src) < MIN_SIDE_PX) {
        vt_error_set(err, VT_EINPUT, "%s: page %zu is %dx%d pixels, too small to hold text",
                     path, index + 1, pixGetWidth(src), pixGetHeight(src));
        return NULL;
    }
    if (dpi <= 0)
        dpi = TARGET_DPI;
    float factor = work_scale(src, dpi, MIN_NATIVE_DPI);
    /* A source over the bound is shrunk first, before the colour and gray
     * copies exist at its full size (a 1 bpp one, small anyway, after it is
     * gray, so that strokes are averaged rather than sampled). */
    if (factor < 1 && pixGetDepth(src) >= 8 &&
        (double)pixGetWidth(src) * pixGetHeight(src) > MAX_WORK_MEGAPIXELS * 1e6) {
        if (!scale_page(srcp, factor, true, &dpi, log)) {
            vt_error_set(err, VT_EINTERNAL, "%s: page %zu: cannot scale", path, index + 1);
            return NULL;
        }
        src = *srcp;
        factor = 1;
    }
    l_int32 has_colour = 0;
    if (pixGetColormap(src))
        pixcmapHasColor(pixGetColormap(src), &has_colour);
    bool colour = pixGetDepth(src) == 32 || has_colour;
    if (colour && (o->drop_red || o->drop_blue)) {
        PIX *rgb = pixGetDepth(src) == 32 ? pixClone(src) : pixConvertTo32(src);
        long nr = 0, nb = 0;
        gray = rgb ? gray_without_ink(rgb, o->drop_red, o->drop_blue, &nr, &nb) : NULL;
        pixDestroy(&rgb);
        if (gray && o->drop_red)
            vt_page_add_step(log, "drop-red %ld px", nr);
        if (gray && o->drop_blue)
            vt_page_add_step(log, "drop-blue %ld px", nb);
    } else {
        gray = to_gray(src);
    }
    if (!gray) {
        vt_error_set(err, VT_EINTERNAL, "%s: page %zu: cannot make grayscale", path,
                     index + 1);
        return NULL;
    }
    vt_page_add_step(log, "grayscale");
    PIX *bin = pixConvertTo1(gray, ROUGH_THRESHOLD);
    int letters = letters_dpi(bin);
    if (letters > 0 && letters < MIN_NATIVE_DPI)
        vt_page_add_step(log, "letters about %d dpi", letters);
    /* Enlarging is for reading letters: a bilevel page with none to tell
     * (a form's rules, a blank) is left as it is. */
    bool bilevel = letters > 0 && two_levels(gray);
    int seen = effective_dpi(dpi, letters);
    if (seen != dpi || bilevel) {
        dpi = seen;
        factor = work_scale(gray, dpi, bilevel ? BILEVEL_MIN_NATIVE_DPI : MIN_NATIVE_DPI);
    }
    /* Where the seal is as dark as the print (a page with no colour, or one
     * stored as colour that carries none: a bilevel or grey scan as a
     * PDF's image, whose only colour may be an e-office overlay), its ring
     * through the signer's name is found by its shape.  On a colour page
     * whose red was dropped above no ring is left to find. */
    long rings = 0;
    if (o->drop_ring) {
        rings = vt_seal_rings_erase(&gray, dpi);
        vt_page_add_step(log, "drop-ring %ld", rings < 0 ? 0 : rings);
    }

    if (factor != 1)
        scale_page(&gray, factor, false, &dpi, log);
    /* Of the pixels, not the factor: the scaled sizes are rounded. */
    frame->scale_x = pixGetWidth(gray) / source_w;
    frame->scale_y = pixGetHeight(gray) / source_h;

    /* One rough threshold serves the orientation and the skew found on it:
     * the letters' one, unless a ring was erased or the page scaled since. */
    if (!(o->orient || o->deskew) || rings > 0 || factor != 1)
        pixDestroy(&bin);
    if ((o->orient || o->deskew) && !bin) {
        bin = pixConvertTo1(gray, ROUGH_THRESHOLD);
        if (!bin) {
            pixDestroy(&gray);
            vt_error_set(err, VT_EINTERNAL, "%s: page %zu: cannot threshold", path,
                         index + 1);
            return NULL;
        }
    }
    bool ok = !o->orient ||
              orient(s, &gray, &bin, dpi, orient_replay, log, &frame->quarter_turns, err);
    if (ok && o->deskew)
        deskew(&gray, bin, &frame->deskew_degrees, log);
    pixDestroy(&bin);
    if (!ok) {
        pixDestroy(&gray);
        return NULL;
    }

    /* An enlarged page keeps its grey: its interpolated strokes are soft,
     * and Sauvola's window cuts their light cores into fragments that
     * Tesseract misreads (a year's 5 as 3, a slash lost). */
    bool binarize = o->binarize && factor <= 1;
    PIX *work = clean_paper(gray, binarize);
    pixDestroy(&gray);
    if (!work) {
        vt_error_set(err, VT_EINTERNAL, "%s: page %zu: binarisation failed", path,
                     index + 1);
        return NULL;
    }
    vt_page_add_step(log, binarize ? "binarize sauvola 51px k=0.20, ink keeps its grey"
                                   : "normalize background");
    pixSetResolution(work, dpi, dpi);
    frame->width = pixGetWidth(work);
    frame->height = pixGetHeight(work);
    frame->dpi = dpi;
    return work;
}

static bool has_text(const vt_doc *doc)
{
    for (size_t p = 0; p < doc->n_pages; p++)
        if (doc->pages[p].n_blocks)
            return true;
    return false;
}

/* Whether a page's image as ingested (`image` bytes, 0 when it is not
 * held) stays held beside the work images: only while the bound leaves
 * room for it and for the `rest` pages still to prepare, their work images
 * taken to be as large as this page's (`work` bytes), so that a kept image
 * never makes a later work image compressed.  `held` counts what is held
 * now, this page's work image and the later pages' images included. */
static bool keeps_image(size_t held, size_t image, size_t work, size_t rest)
{
    return image > 0 && held + image + rest * work <= VT_HELD_PIXELS_MAX;
}

/* Pages one at a time: each image is loaded (held or decoded again) and
 * prepared, and the work images are kept as internal.h's bound allows,
 * the rest compressed until ocr reads them; a page's image stays held
 * where keeps_image finds room, else it is dropped before the next. */
static vt_status pre_run(void *state, vt_doc *doc, vt_error *err)
{
    pre_state *s = state;
    bool all_held = doc->n_pages > 0;
    size_t held = 0;
    for (size_t p = 0; p < doc->n_pages; p++) {
        all_held &= doc->pages[p].image != NULL ||
                    doc->pages[p].text_from == VT_TEXT_SOURCE_LAYER;
        held += vt_pix_bytes(doc->pages[p].image);
    }
    if (!all_held) {
        /* A text document has nothing to prepare; a record resumed from
         * JSON gets its pixels again from the source. */
        if (doc->kind == VT_KIND_TEXT && has_text(doc))
            return VT_OK;
        vt_status st = vt_doc_open_source(doc, err);
        if (st)
            return st;
    }
    for (size_t p = 0; p < doc->n_pages; p++) {
        vt_page *pg = &doc->pages[p];
        if (pg->text_from == VT_TEXT_SOURCE_LAYER)
            continue; /* words without pixels */
        PIX *src = vt_page_load(doc, p, err);
        if (!src)
            return err ? err->status : VT_EINTERNAL;
        PIX *work = prepare(s, NULL, &src, pg->dpi, &pg->prepared, pg, doc->path, p, err);
        pixDestroy(&src);
        if (!work)
            return err ? err->status : VT_EINTERNAL;
        size_t bytes = vt_pix_bytes(work), image = vt_pix_bytes(pg->image);
        held -= image;
        bool hold = held + bytes <= VT_HELD_PIXELS_MAX;
        if (hold)
            held += bytes;
        vt_page_keep_work(pg, work, hold);
        if (keeps_image(held, image, bytes, doc->n_pages - p - 1))
            held += image;
        else
            pixDestroy(&pg->image);
    }
    /* Every page has its work image: the source is done with. */
    vt_doc_close_source(doc);
    return VT_OK;
}

/* The work image of a page preprocessed in another process (a document
 * resumed from a record): its recorded steps done again on the source.
 * The steps say which options were on: an option that is off leaves no
 * step, one that is on always leaves one (on a page without colour the ink
 * filters have nothing to do either way), the scale step names the
 * resolution the page came at, the orient step the turn made. */
static PIX *preprocess_again(vt_doc *doc, size_t index, vt_error *err)
{
    vt_page *pg = &doc->pages[index];
    const char *turn = vt_page_step(pg, "orient ");
    pre_state again = {.o = {.drop_red = vt_page_step(pg, "drop-red "),
                             .drop_blue = vt_page_step(pg, "drop-blue "),
                             .drop_ring = vt_page_step(pg, "drop-ring "),
                             .orient = turn,
                             .deskew = vt_page_step(pg, "deskew "),
                             .binarize = vt_page_step(pg, "binarize ")}};
    int dpi = pg->dpi;
    const char *scale = vt_page_step(pg, "scale ");
    if (scale && sscanf(scale, "scale %*f from %d to", &dpi) != 1)
        dpi = pg->dpi;
    vt_page_store_get(pg)->source_dpi = pg->dpi_declared > 0 ? pg->dpi_declared : dpi;
    PIX *src = vt_page_load(doc, index, err);
    if (!src)
        return NULL;
    vt_page log = {0};
    vt_prepared frame;
    PIX *work = prepare(&again, turn, &src, dpi, &frame, &log, doc->path, index, err);
    pixDestroy(&src);
    vt_prepared want = pg->prepared;
    bool same = work && frame.dpi == want.dpi && frame.width == want.width &&
                frame.height == want.height && log.n_steps == pg->n_steps;
    for (size_t i = 0; i < log.n_steps; i++) {
        same = same && strcmp(log.steps[i], pg->steps[i]) == 0;
        free(log.steps[i]);
    }
    free(log.steps);
    if (work && !same) {
        pixDestroy(&work);
        vt_error_set(err, VT_EINPUT, "%s: page %zu: preprocessing the source again does "
                     "not give the page its record describes", doc->path, index + 1);
    }
    return work;
}

PIX *vt_page_prepared(vt_doc *doc, size_t index, vt_error *err)
{
    vt_page *pg = &doc->pages[index];
    if (vt_page_has_work(pg)) {
        PIX *pix = vt_page_work(pg);
        if (!pix)
            vt_error_set(err, VT_EINTERNAL, "%s: page %zu: work image cannot be "
                         "decompressed", doc->path, index + 1);
        return pix;
    }
    if (vt_doc_stage_done(doc, "preprocess"))
        return preprocess_again(doc, index, err);
    return vt_page_load(doc, index, err);
}

const vt_stage_class vt_stage_preprocess = {
    .name = "preprocess",
    .summary = "drop seal and signature ink, grayscale, turn upright, deskew, binarise",
    .options = pre_options,
    .options_size = sizeof(pre_opts),
    .open = pre_open,
    .run = pre_run,
    .close = pre_close,
};
