/* test_ingest.c — ingest decodes every image kind by content (a colour
 * PNG's pixels as leptonica decodes them), counts TIFF and PDF pages, and
 * refuses damaged or oversized inputs with a message that names the file. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <leptonica/allheaders.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "vanthu.h"

static char dir[] = "/tmp/vt-ingest-XXXXXX";

static char *path_of(const char *name)
{
    static char buf[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

/* Run ingest alone over a file; return the status and the document. */
static vt_status ingest(const char *path, const char *opts, vt_doc **out, vt_error *err)
{
    char text[256];
    snprintf(text, sizeof text, "ingest %s\n", opts ? opts : "");
    vt_pipeline *p = vt_pipeline_parse(text, "test", err);
    vt_status st = vt_pipeline_open(p, err);
    vt_doc *doc = vt_doc_new(path);
    if (!st)
        st = vt_pipeline_run(p, doc, NULL, err);
    vt_pipeline_free(p);
    *out = doc;
    return st;
}

static PIX *page_image(int w, int h)
{
    PIX *pix = pixCreate(w, h, 32);
    pixSetAllArbitrary(pix, 0xffffff00);
    BOX *box = boxCreate(w / 10, h / 10, w / 2, h / 20);
    pixRenderBoxArb(pix, box, 3, 0, 0, 0);
    boxDestroy(&box);
    pixSetResolution(pix, 300, 300);
    return pix;
}

static void truncate_copy(const char *from, const char *to, double keep)
{
    size_t n;
    l_uint8 *data = l_binaryRead(from, &n);
    l_binaryWrite(to, "w", data, (size_t)(n * keep));
    free(data);
}

static void test_images(void)
{
    PIX *pix = page_image(600, 800);
    pixWrite(path_of("a.png"), pix, IFF_PNG);
    pixWrite(path_of("a.jpg"), pix, IFF_JFIF_JPEG);
    pixWrite(path_of("a.pnm"), pix, IFF_PNM);
    /* No extension and a misleading one: kinds come from content. */
    pixWrite(path_of("noext"), pix, IFF_PNG);
    pixWrite(path_of("png-named.tif"), pix, IFF_PNG);
    pixWriteTiff(path_of("three.tif"), pix, IFF_TIFF_ZIP, "w");
    pixWriteTiff(path_of("three.tif"), pix, IFF_TIFF_ZIP, "a");
    pixWriteTiff(path_of("three.tif"), pix, IFF_TIFF_ZIP, "a");
    pixDestroy(&pix);

    const char *names[] = {"a.png", "a.jpg", "a.pnm", "noext", "png-named.tif"};
    const vt_kind kinds[] = {VT_KIND_PNG, VT_KIND_JPEG, VT_KIND_PNM, VT_KIND_PNG, VT_KIND_PNG};
    for (size_t i = 0; i < 5; i++) {
        vt_doc *doc;
        vt_error err = {0};
        CHECK(ingest(path_of(names[i]), NULL, &doc, &err) == VT_OK);
        CHECK(doc->kind == kinds[i]);
        CHECK(doc->n_pages == 1 && doc->pages[0].image && doc->pages[0].width == 600);
        CHECK(strlen(doc->sha256) == 64);
        vt_doc_free(doc);
    }
    vt_doc *doc;
    vt_error err = {0};
    CHECK(ingest(path_of("three.tif"), NULL, &doc, &err) == VT_OK);
    CHECK(doc->kind == VT_KIND_TIFF && doc->n_pages == 3 && doc->page_count == 3);
    vt_doc_free(doc);
    CHECK(ingest(path_of("three.tif"), "max-pages=2", &doc, &err) == VT_EINPUT);
    CHECK(strstr(err.message, "three.tif") && strstr(err.message, "more than the 2 pages"));
    vt_doc_free(doc);

    truncate_copy(path_of("a.png"), path_of("cut.png"), 0.5);
    truncate_copy(path_of("a.jpg"), path_of("cut.jpg"), 0.5);
    truncate_copy(path_of("three.tif"), path_of("cut.tif"), 0.4);
    truncate_copy(path_of("a.png"), path_of("head.png"), 0.01);
    const char *cut[] = {"cut.png", "cut.jpg", "cut.tif", "head.png"};
    for (size_t i = 0; i < 4; i++) {
        CHECK(ingest(path_of(cut[i]), NULL, &doc, &err) == VT_EINPUT);
        CHECK(strstr(err.message, cut[i]) != NULL);
        vt_doc_free(doc);
    }
}

/* A declared resolution that puts a sheet-shaped page on paper longer than
 * 18 inches is taken for a wrong one: A4's instead, the declared one kept
 * beside it.  Pages within paper sizes, and pages of no sheet's shape,
 * keep theirs. */
/* A colour PNG (read row by row, into an image not cleared first) gives
 * every pixel leptonica's own decoder gives: made-up colours that differ
 * from pixel to pixel and are never black, on an odd width. */
static void test_colour_png_pixels(void)
{
    int w = 601, h = 403;
    PIX *pix = pixCreate(w, h, 32);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            pixSetRGBPixel(pix, x, y, 1 + x % 255, 1 + y % 255, 1 + (x * 7 + y * 13) % 255);
    pixWrite(path_of("colour.png"), pix, IFF_PNG);
    PIX *want = pixRead(path_of("colour.png"));
    vt_doc *doc;
    vt_error err = {0};
    CHECK(ingest(path_of("colour.png"), NULL, &doc, &err) == VT_OK);
    l_int32 same = 0;
    CHECK(want && doc->n_pages == 1 && doc->pages[0].image &&
          pixEqual(doc->pages[0].image, want, &same) == 0 && same);
    vt_doc_free(doc);
    pixDestroy(&want);
    pixDestroy(&pix);
}

static void test_declared_dpi(void)
{
    static const struct {
        int w, h, res, dpi, declared;
    } cases[] = {
        {2480, 3508, 72, 300, 72},  /* A4 at 300 dpi, declared 72: 34x49 in */
        {3508, 2480, 72, 300, 72},  /* the same, landscape */
        {2550, 3300, 72, 300, 72},  /* Letter */
        {600, 800, 72, 72, 0},      /* 8.3x11 in: as declared */
        {1000, 9000, 300, 300, 0},  /* a strip 30 in long: no sheet */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        PIX *pix = pixCreate(cases[i].w, cases[i].h, 1);
        pixSetResolution(pix, cases[i].res, cases[i].res);
        pixWrite(path_of("declared.png"), pix, IFF_PNG);
        pixDestroy(&pix);
        vt_doc *doc;
        vt_error err = {0};
        CHECK(ingest(path_of("declared.png"), NULL, &doc, &err) == VT_OK);
        CHECK(doc->n_pages == 1 && doc->pages[0].dpi == cases[i].dpi &&
              doc->pages[0].dpi_declared == cases[i].declared);
        vt_doc_free(doc);
    }
}

static void test_pdf(void)
{
    cairo_surface_t *s = cairo_pdf_surface_create(path_of("two.pdf"), 595, 842);
    cairo_t *cr = cairo_create(s);
    for (int page = 0; page < 2; page++) {
        cairo_rectangle(cr, 100, 100, 200, 20);
        cairo_fill(cr);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    vt_doc *doc;
    vt_error err = {0};
    CHECK(ingest(path_of("two.pdf"), NULL, &doc, &err) == VT_OK);
    CHECK(doc->kind == VT_KIND_PDF && doc->n_pages == 2);
    /* A4 at 300 dpi. */
    CHECK(doc->n_pages == 2 && doc->pages[1].width == 2479 && doc->pages[1].dpi == 300);
    vt_doc_free(doc);
    truncate_copy(path_of("two.pdf"), path_of("cut.pdf"), 0.3);
    vt_status st = ingest(path_of("cut.pdf"), NULL, &doc, &err);
    /* poppler may reconstruct a damaged PDF; it must then yield pages. */
    CHECK(st == VT_EINPUT ? strstr(err.message, "cut.pdf") != NULL : doc->n_pages > 0);
    vt_doc_free(doc);
}

static void test_refusals(void)
{
    vt_doc *doc;
    vt_error err = {0};
    /* A decompression bomb: tiny file, 400 megapixels once decoded. */
    PIX *big = pixCreate(20000, 20000, 1);
    pixWrite(path_of("bomb.png"), big, IFF_PNG);
    pixDestroy(&big);
    CHECK(ingest(path_of("bomb.png"), NULL, &doc, &err) == VT_EINPUT);
    CHECK(strstr(err.message, "megapixel") != NULL);
    vt_doc_free(doc);

    FILE *f = fopen(path_of("empty.txt"), "w");
    fclose(f);
    CHECK(ingest(path_of("empty.txt"), NULL, &doc, &err) == VT_EINPUT);
    CHECK(strstr(err.message, "empty file") != NULL);
    vt_doc_free(doc);

    f = fopen(path_of("garbage.bin"), "wb");
    for (int i = 0; i < 4096; i++)
        fputc((i * 7919) & 0xff, f);
    fclose(f);
    CHECK(ingest(path_of("garbage.bin"), NULL, &doc, &err) == VT_EINPUT);
    CHECK(strstr(err.message, "unrecognised") != NULL);
    vt_doc_free(doc);

    CHECK(ingest(dir, NULL, &doc, &err) == VT_EINPUT);
    CHECK(strstr(err.message, "directory") != NULL);
    vt_doc_free(doc);
    CHECK(ingest(path_of("missing.png"), NULL, &doc, &err) == VT_EINPUT);
    vt_doc_free(doc);
}

int main(void)
{
    setMsgSeverity(L_SEVERITY_NONE);
    if (!mkdtemp(dir))
        return 99;
    test_images();
    test_colour_png_pixels();
    test_declared_dpi();
    test_pdf();
    test_refusals();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_done("test_ingest");
}
