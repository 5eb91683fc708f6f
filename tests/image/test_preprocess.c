/* test_preprocess.c — the preprocess stage on a rendered dispatch:
 *
 *   test-preprocess IMAGE SKEW_DEGREES
 *
 * IMAGE was made by vt-mksample with --skew SKEW_DEGREES.  The ingested
 * image must come out untouched and stay held beside the work image, one
 * page being far under the bound on held pixels (internal.h, page
 * pixels), the work image must be 8 bpp with the
 * seal and signature ink counted as dropped, the skew found within 0.3°,
 * every step recorded, a page scanned sideways or upside down turned
 * upright, a coarse scan enlarged (also one stating no or a wrong
 * resolution, and a bilevel 200-dpi one) and a 200-dpi one read as it is, and bad
 * option values refused.  On bluish paper
 * whose print the scanner tinted blue, the print is kept while ballpoint
 * ink beside it is dropped. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <leptonica/allheaders.h>

#include "../core/check.h"
#include "vanthu.h"

static const char *find_step(const vt_page *pg, const char *prefix)
{
    for (size_t i = 0; i < pg->n_steps; i++)
        if (strncmp(pg->steps[i], prefix, strlen(prefix)) == 0)
            return pg->steps[i];
    return NULL;
}

static vt_status run_stage(const vt_stage_class *cls, vt_options *opts,
                           vt_doc *doc, vt_error *err)
{
    void *state = NULL;
    vt_status st = vt_stage_open(cls, opts, &state, err);
    if (!st)
        st = cls->run(state, doc, err);
    if (cls->close)
        cls->close(state);
    return st;
}

/* The document of the image at `path`, ingested and preprocessed with
 * default options; NULL with err set when a stage fails. */
static vt_doc *prepare_file(const char *path, vt_error *err)
{
    vt_options none = {0};
    vt_doc *doc = vt_doc_new(path);
    vt_status st = run_stage(&vt_stage_ingest, &none, doc, err);
    if (!st)
        st = run_stage(&vt_stage_preprocess, &none, doc, err);
    if (st) {
        vt_doc_free(doc);
        return NULL;
    }
    return doc;
}

/* Dark pixels of the work image in columns [x0, x1). */
static long dark_in(PIX *work, int x0, int x1)
{
    BOX *b = boxCreate(x0, 0, x1 - x0, pixGetHeight(work));
    PIX *part = pixClipRectangle(work, b, NULL);
    PIX *bin = part ? pixThresholdToBinary(part, 128) : NULL;
    l_int32 n = 0;
    if (bin)
        pixCountPixels(bin, &n, NULL);
    pixDestroy(&bin);
    pixDestroy(&part);
    boxDestroy(&b);
    return n;
}

/* Strokes the size of 12 pt letters on bluish paper: print the scanner
 * tinted (dark, weakly blue) left, ballpoint ink (bright blue) right. */
static void check_tinted_print(const char *dir)
{
    const int w = 1200, h = 600;
    PIX *page = pixCreate(w, h, 32);
    pixSetResolution(page, 300, 300);
    l_uint32 paper, print, ballpoint;
    composeRGBPixel(205, 215, 235, &paper);
    composeRGBPixel(45, 55, 95, &print);
    composeRGBPixel(40, 80, 200, &ballpoint);
    pixSetAllArbitrary(page, paper);
    long drawn = 0;
    for (int y = 60; y + 40 < h; y += 60)
        for (int x = 40; x + 30 < w; x += 50) {
            BOX *stem = boxCreate(x, y, 4, 36), *bar = boxCreate(x, y + 16, 24, 4);
            l_uint32 ink = x < w / 2 ? print : ballpoint;
            pixSetInRectArbitrary(page, stem, ink);
            pixSetInRectArbitrary(page, bar, ink);
            drawn += x < w / 2 ? 4 * 36 + 24 * 4 - 16 : 0;
            boxDestroy(&stem);
            boxDestroy(&bar);
        }
    char path[4096];
    snprintf(path, sizeof path, "%s/tinted-print.png", dir);
    CHECK_MSG(pixWrite(path, page, IFF_PNG) == 0, "cannot write %s", path);
    pixDestroy(&page);

    vt_error err = {0};
    vt_doc *doc = prepare_file(path, &err);
    CHECK_MSG(doc, "tinted print: %s", err.message);
    if (doc) {
        PIX *work = doc->pages[0].work;
        long kept = dark_in(work, 0, w / 2), left = dark_in(work, w / 2, w);
        CHECK_MSG(kept > drawn * 8 / 10, "tinted print dropped: %ld of %ld dark pixels left", kept,
              drawn);
        CHECK_MSG(left < drawn / 10, "ballpoint ink kept: %ld dark pixels", left);
    }
    vt_doc_free(doc);
    remove(path);
}

/* The page scanned sideways (a quarter turn clockwise) and upside down
 * comes out upright: the orient step names the turn that undoes the
 * scanner's, and the work image is portrait again. */
static void check_turned(const char *image, const char *dir)
{
    PIX *page = pixRead(image);
    CHECK_MSG(page, "cannot read %s", image);
    if (!page)
        return;
    static const struct { int quarters; const char *step; } cases[] = {
        {1, "orient 270deg"}, {2, "orient 180deg"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        PIX *turned = pixRotateOrth(page, cases[i].quarters);
        char path[4096];
        snprintf(path, sizeof path, "%s/turned-%d.png", dir, cases[i].quarters);
        CHECK_MSG(turned && pixWrite(path, turned, IFF_PNG) == 0, "cannot write %s", path);
        int turned_width = turned ? (int)pixGetWidth(turned) : 0;
        pixDestroy(&turned);
        vt_error err = {0};
        vt_doc *doc = prepare_file(path, &err);
        CHECK_MSG(doc, "turned %d: %s", cases[i].quarters, err.message);
        if (doc) {
            const vt_page *pg = &doc->pages[0];
            const char *step = find_step(pg, "orient ");
            CHECK_MSG(step && strncmp(step, cases[i].step, strlen(cases[i].step)) == 0,
                  "page turned %d quarters: %s, want %s", cases[i].quarters,
                  step ? step : "no orient step", cases[i].step);
            CHECK_MSG(pg->prepared.height > pg->prepared.width, "turned page left %dx%d",
                  pg->prepared.width, pg->prepared.height);
            CHECK_MSG(pg->width == turned_width, "the page's own width %d is not the scan's %d",
                  pg->width, turned_width);
            CHECK_MSG(pg->prepared.quarter_turns == 4 - cases[i].quarters,
                  "page turned %d quarters: prepared by %d quarter turns", cases[i].quarters,
                  pg->prepared.quarter_turns);
        }
        vt_doc_free(doc);
        remove(path);
    }
    pixDestroy(&page);
}

/* Tesseract's orientation detector is loaded only for a page whose text
 * lines do not show it upright: with a tessdata folder that lacks
 * osd.traineddata, the upright page is prepared, at 300 dpi (its lines
 * counted at half size) and at 200 dpi (counted as they are), and the page
 * upside down fails naming the model. */
static void check_detector_on_demand(const char *image, const char *dir)
{
    char empty[4096], path[4200];
    snprintf(empty, sizeof empty, "%s/no-tessdata-XXXXXX", dir);
    CHECK_MSG(mkdtemp(empty), "cannot make a folder in %s", dir);
    const char *had = getenv("TESSDATA_PREFIX");
    char *saved = had ? strdup(had) : NULL;
    setenv("TESSDATA_PREFIX", empty, 1);

    PIX *page = pixRead(image), *down = page ? pixRotateOrth(page, 2) : NULL;
    PIX *coarse = page ? pixScale(page, 2.0f / 3, 2.0f / 3) : NULL;
    snprintf(path, sizeof path, "%s/upright-200dpi.png", empty);
    if (coarse)
        pixSetResolution(coarse, 200, 200);
    CHECK_MSG(coarse && pixWrite(path, coarse, IFF_PNG) == 0, "cannot write %s", path);
    const char *upright[] = {image, path};
    for (size_t i = 0; i < 2; i++) {
        vt_error err = {0};
        vt_doc *doc = prepare_file(upright[i], &err);
        CHECK_MSG(doc, "upright page %s without the detector's model: %s", upright[i],
              err.message);
        const char *step = doc ? find_step(&doc->pages[0], "orient ") : NULL;
        CHECK_MSG(!doc || (step && strstr(step, "text lines upright")),
              "upright page %s: %s", upright[i], step ? step : "no orient step");
        vt_doc_free(doc);
    }
    remove(path);
    pixDestroy(&coarse);

    snprintf(path, sizeof path, "%s/upside-down.png", empty);
    CHECK_MSG(down && pixWrite(path, down, IFF_PNG) == 0, "cannot write %s", path);
    vt_error err = {0};
    vt_doc *doc = prepare_file(path, &err);
    CHECK_MSG(!doc && err.status == VT_EDEPEND && strstr(err.message, "osd.traineddata"),
          "page upside down without the detector's model: status %d, %s", err.status,
          err.message);
    vt_doc_free(doc);
    pixDestroy(&page);
    pixDestroy(&down);
    remove(path);
    rmdir(empty);

    if (saved)
        setenv("TESSDATA_PREFIX", saved, 1);
    else
        unsetenv("TESSDATA_PREFIX");
    free(saved);
}

/* A scan at 200 dpi is read at its own resolution (no scale step, same
 * size); one at 100 dpi, whose letters are too small to read, is enlarged
 * to 300 dpi and sharpened, and so it is when its file states no
 * resolution (taken as 300) or a wrong 300: its letters' size tells.  A
 * bilevel scan at 200 dpi is enlarged too (its staircase strokes
 * interpolated), whether stored at one bit a pixel or at eight, one at
 * 300 read as it is; but not a page of two levels but for its very last
 * pixel, which is a grey scan. */
static void check_resolution(const char *image, const char *dir)
{
    PIX *page = pixRead(image);
    CHECK_MSG(page, "cannot read %s", image);
    if (!page)
        return;
    enum { GREY, BILEVEL, BILEVEL_8BPP, LAST_PIXEL_GREY };
    static const struct { int dpi, stated, form, work_dpi; } cases[] = {
        {200, 200, GREY, 200},    {100, 100, GREY, 300},         {100, 0, GREY, 300},
        {100, 300, GREY, 300},    {200, 200, BILEVEL, 300},      {300, 300, BILEVEL, 300},
        {200, 200, BILEVEL_8BPP, 300}, {200, 200, LAST_PIXEL_GREY, 200}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        float f = cases[i].dpi / 300.0f;
        PIX *scan = pixScale(page, f, f);
        if (scan && cases[i].form != GREY) {
            PIX *gray = pixConvertTo8(scan, 0);
            pixDestroy(&scan);
            scan = gray ? pixConvertTo1(gray, 128) : NULL;
            pixDestroy(&gray);
        }
        if (scan && cases[i].form != GREY && cases[i].form != BILEVEL) {
            PIX *eight = pixConvertTo8(scan, 0);
            pixDestroy(&scan);
            scan = eight;
            if (scan && cases[i].form == LAST_PIXEL_GREY)
                pixSetPixel(scan, pixGetWidth(scan) - 1, pixGetHeight(scan) - 1, 128);
        }
        CHECK_MSG(scan, "case %zu: cannot make the scan", i);
        if (!scan)
            continue;
        /* pixSetResolution leaves a resolution of 0 unset. */
        pixSetXRes(scan, cases[i].stated);
        pixSetYRes(scan, cases[i].stated);
        char path[4096];
        snprintf(path, sizeof path, "%s/dpi-%zu.png", dir, i);
        CHECK_MSG(pixWrite(path, scan, IFF_PNG) == 0, "cannot write %s", path);
        vt_error err = {0};
        vt_doc *doc = prepare_file(path, &err);
        int stated = cases[i].stated ? cases[i].stated : 300;
        const char *what = cases[i].form == GREY        ? "grey"
                           : cases[i].form == LAST_PIXEL_GREY ? "nearly bilevel"
                                                              : "bilevel";
        CHECK_MSG(doc, "%d dpi %s scan stating %d: %s", cases[i].dpi, what, cases[i].stated,
              err.message);
        if (doc) {
            const vt_page *pg = &doc->pages[0];
            CHECK_MSG(pg->prepared.dpi == cases[i].work_dpi,
                  "%d dpi %s scan stating %d read at %d dpi, want %d", cases[i].dpi, what,
                  cases[i].stated, pg->prepared.dpi, cases[i].work_dpi);
            CHECK_MSG(pg->dpi == stated && pg->width == (int)pixGetWidth(scan),
                  "%d dpi scan: the page's own size became %dx%d at %d dpi", cases[i].dpi,
                  pg->width, pg->height, pg->dpi);
            const char *scale = find_step(pg, "scale ");
            bool enlarged = cases[i].dpi < cases[i].work_dpi;
            int from = 0;
            CHECK_MSG((scale != NULL) == enlarged && (!scale || strstr(scale, "sharpened")),
                  "%d dpi %s scan stating %d: scale step %s", cases[i].dpi, what,
                  cases[i].stated, scale ? scale : "missing");
            /* Enlarged from about the scan's own resolution, whatever it
             * states. */
            CHECK_MSG(!scale || (sscanf(scale, "scale %*f from %d", &from) == 1 &&
                             abs(from - cases[i].dpi) <= cases[i].dpi / 5),
                  "%d dpi scan stating %d: %s", cases[i].dpi, cases[i].stated, scale);
            if (cases[i].dpi == cases[i].work_dpi)
                CHECK_MSG(pg->prepared.width == (int)pixGetWidth(scan),
                      "%d dpi scan resized to %d px wide", cases[i].dpi, pg->prepared.width);
        }
        vt_doc_free(doc);
        pixDestroy(&scan);
        remove(path);
    }
    pixDestroy(&page);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test-preprocess IMAGE SKEW_DEGREES\n");
        return 2;
    }
    double skew = atof(argv[2]);
    vt_error err = {0};
    vt_options none = {0};

    vt_doc *doc = vt_doc_new(argv[1]);
    vt_status st = run_stage(&vt_stage_ingest, &none, doc, &err);
    CHECK_MSG(st == VT_OK && doc->n_pages == 1, "ingest: %s", err.message);
    if (st)
        return 1;
    vt_page *pg = &doc->pages[0];
    PIX *before = pixCopy(NULL, pg->image);
    PIX *ingested = pixClone(pg->image); /* outlives the page's reference */

    st = run_stage(&vt_stage_preprocess, &none, doc, &err);
    CHECK_MSG(st == VT_OK, "preprocess: %s", err.message);
    l_int32 same = 0;
    pixEqual(before, ingested, &same);
    CHECK_MSG(same, "page->image was modified");
    /* One page's image and work image are far under the bound on held
     * pixels: the page as ingested stays for the pen digits, not decoded
     * again. */
    CHECK_MSG(pg->image == ingested, "page->image not held after preprocess");
    pixDestroy(&ingested);
    CHECK_MSG(pg->work && pixGetDepth(pg->work) == 8, "work image missing or not 8 bpp");
    CHECK_MSG(pg->dpi == 300, "dpi %d, expected 300", pg->dpi);

    const char *red = find_step(pg, "drop-red ");
    const char *blue = find_step(pg, "drop-blue ");
    CHECK_MSG(red && atol(red + 9) > 5000, "red seal not dropped: %s", red ? red : "no step");
    CHECK_MSG(blue && atol(blue + 10) > 1000, "blue signature not dropped: %s",
          blue ? blue : "no step");
    const char *desk = find_step(pg, "deskew ");
    double found = desk ? atof(desk + 7) : NAN;
    /* The correction undoes the rotation vt-mksample applied. */
    CHECK_MSG(desk && fabs(found + skew) < 0.3, "deskew found %s for a %.2f° skew",
          desk ? desk : "nothing", skew);
    /* What was done is kept as data too, and the page keeps its own size. */
    CHECK_MSG(fabs(pg->prepared.deskew_degrees - found) <= 0.005 &&
              pg->prepared.quarter_turns == 0 &&
              pg->prepared.dpi == 300 && pg->prepared.width == (int)pixGetWidth(pg->work) &&
              pg->width == (int)pixGetWidth(before),
          "prepared: %dx%d at %d dpi, %d quarter turns, deskew %.2f; page %dx%d",
          pg->prepared.width, pg->prepared.height, pg->prepared.dpi,
          pg->prepared.quarter_turns, pg->prepared.deskew_degrees, pg->width, pg->height);
    CHECK_MSG(find_step(pg, "grayscale") && find_step(pg, "binarize"),
          "grayscale or binarize step not recorded");
    /* An upright page of many lines is confirmed by its text lines, without
     * Tesseract's detector (check_turned: the turned pages go to it). */
    const char *upright = find_step(pg, "orient ");
    CHECK_MSG(upright && strncmp(upright, "orient 0deg (text lines upright", 31) == 0,
          "upright page: %s", upright ? upright : "no orient step");

    /* The ink is really gone: the same page prepared with drop-red=no and
     * drop-blue=no has thousands more dark pixels (the seal's ring and
     * star, the signature's strokes); drop-ring=no too, or the seal left
     * dark would be found by its shape and erased with the signature. */
    vt_doc *keep = vt_doc_new(argv[1]);
    vt_options no_drop = {0};
    vt_options_set(&no_drop, "drop-red", "no");
    vt_options_set(&no_drop, "drop-blue", "no");
    vt_options_set(&no_drop, "drop-ring", "no");
    st = run_stage(&vt_stage_ingest, &none, keep, &err);
    if (!st)
        st = run_stage(&vt_stage_preprocess, &no_drop, keep, &err);
    CHECK_MSG(st == VT_OK, "preprocess drop=no: %s", err.message);
    if (!st) {
        PIX *a = pixThresholdToBinary(pg->work, 128);
        PIX *b = pixThresholdToBinary(keep->pages[0].work, 128);
        l_int32 na = 0, nb = 0;
        pixCountPixels(a, &na, NULL);
        pixCountPixels(b, &nb, NULL);
        CHECK_MSG(nb - na > 2000, "dropping ink removed only %d dark pixels", nb - na);
        CHECK_MSG(!find_step(&keep->pages[0], "drop-red"), "drop-red=no still dropped");
        pixDestroy(&a);
        pixDestroy(&b);
    }
    vt_options_clear(&no_drop);
    vt_doc_free(keep);

    vt_options bad = {0};
    vt_options_set(&bad, "binarize", "maybe");
    void *state = NULL;
    st = vt_stage_open(&vt_stage_preprocess, &bad, &state, &err);
    CHECK_MSG(st == VT_EUSAGE && strstr(err.message, "binarize"),
          "binarize=maybe gave %d: %s", st, err.message);
    vt_options_clear(&bad);

    /* A text document has nothing to prepare and is left alone. */
    vt_doc *text = vt_doc_new("note.txt");
    const char *t = "Kính gửi: các đơn vị\n";
    st = vt_doc_read_text(text, t, strlen(t), &err);
    text->kind = VT_KIND_TEXT;
    if (!st)
        st = run_stage(&vt_stage_preprocess, &none, text, &err);
    CHECK_MSG(st == VT_OK && text->pages[0].work == NULL, "text doc: %s", err.message);
    vt_doc_free(text);

    /* A folder of this run's own: two checkouts tested at once share
     * /tmp, and one's page must not be read half-written by the other. */
    const char *tmp = getenv("TMPDIR");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/vt-preprocess-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    CHECK_MSG(mkdtemp(dir), "cannot make a folder under %s", tmp && *tmp ? tmp : "/tmp");
    check_tinted_print(dir);
    check_turned(argv[1], dir);
    check_resolution(argv[1], dir);
    check_detector_on_demand(argv[1], dir);
    CHECK_MSG(rmdir(dir) == 0, "%s not left empty", dir);

    pixDestroy(&before);
    vt_doc_free(doc);
    return check_done("test_preprocess");
}
