/* write.c — store degraded pages as PNG, JPEG, TIFF (one file, several
 * pages) or a scanned PDF (each page a JPEG image, no text layer). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cairo-pdf.h>
#include <cairo.h>

#include "mksample.h"

static const char *extension(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    return dot && (!slash || dot > slash) ? dot + 1 : "";
}

/* NAME.ext -> NAME-N.ext, for single-page formats holding a longer doc. */
static char *numbered(const char *path, int n)
{
    const char *ext = extension(path);
    size_t stem = (size_t)(ext - path) - (*ext ? 1 : 0);
    size_t len = strlen(path) + 16;
    char *out = malloc(len);
    snprintf(out, len, "%.*s-%d%s%s", (int)stem, path, n, *ext ? "." : "", ext);
    return out;
}

static cairo_surface_t *pix_to_surface(PIX *pix)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    unsigned char *dst = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    const l_uint32 *src = pixGetData(pix);
    for (int y = 0; y < h; y++) {
        uint32_t *row = (uint32_t *)(dst + (size_t)y * stride);
        for (int x = 0; x < w; x++) {
            l_int32 r, g, b;
            extractRGBValues(src[(size_t)y * wpl + x], &r, &g, &b);
            row[x] = (uint32_t)r << 16 | (uint32_t)g << 8 | (uint32_t)b;
        }
    }
    cairo_surface_mark_dirty(s);
    return s;
}

static bool write_pdf(PIXA *pages, const char *path, int dpi, int quality,
                      char *err, size_t errlen)
{
    int n = pixaGetCount(pages);
    PIX *first = pixaGetPix(pages, 0, L_CLONE);
    double pw = pixGetWidth(first) * 72.0 / dpi;
    double ph = pixGetHeight(first) * 72.0 / dpi;
    pixDestroy(&first);
    cairo_surface_t *pdf = cairo_pdf_surface_create(path, pw, ph);
    /* A fixed date keeps the file the same from run to run. */
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE,
                                   "2025-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "vt-mksample");
    cairo_t *cr = cairo_create(pdf);
    for (int i = 0; i < n; i++) {
        PIX *pix = pixaGetPix(pages, i, L_CLONE);
        cairo_surface_t *img = pix_to_surface(pix);
        /* Hand cairo the JPEG bytes so the PDF embeds them as they are, the
         * way a scanner's PDF does. */
        l_uint8 *jpg = NULL;
        size_t len = 0;
        if (pixWriteMemJpeg(&jpg, &len, pix, quality, 0) == 0)
            cairo_surface_set_mime_data(img, CAIRO_MIME_TYPE_JPEG, jpg, len,
                                        lept_free, jpg);
        cairo_save(cr);
        cairo_scale(cr, 72.0 / dpi, 72.0 / dpi);
        cairo_set_source_surface(cr, img, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_show_page(cr);
        cairo_surface_destroy(img);
        pixDestroy(&pix);
    }
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    cairo_status_t st = cairo_surface_status(pdf);
    cairo_surface_destroy(pdf);
    if (st != CAIRO_STATUS_SUCCESS) {
        snprintf(err, errlen, "%s: %s", path, cairo_status_to_string(st));
        return false;
    }
    return true;
}

/* Lossless pages are palette images, as a scanner's colour document mode
 * makes them, so that the noise does not make every page 9 MB: greys for
 * print and paper, and shades of the seal's red and the signature's blue
 * (a palette fitted to the page would fold the small ink areas into grey). */
static PIX *to_palette(PIX *pix)
{
    static const unsigned char colours[][3] = {
        /* Paper and its noise (about 242 +- 10) all fall nearest 248. */
        {0, 0, 0},       {45, 45, 45},    {90, 90, 90},    {135, 135, 135},
        {180, 180, 180}, {212, 212, 212}, {248, 248, 248}, {160, 60, 60},
        {200, 40, 45},   {222, 112, 112}, {236, 172, 172}, {120, 28, 32},
        {40, 60, 180},   {112, 130, 212}, {172, 182, 232}, {60, 30, 90},
    };
    PIXCMAP *cmap = pixcmapCreate(8);
    for (size_t i = 0; i < sizeof colours / sizeof *colours; i++)
        pixcmapAddColor(cmap, colours[i][0], colours[i][1], colours[i][2]);
    PIX *q = pixOctcubeQuantFromCmap(pix, cmap, 8, 5, L_EUCLIDEAN_DISTANCE);
    pixcmapDestroy(&cmap);
    return q;
}

/* pixSetResolution leaves a resolution of 0 unset; a file stating none
 * needs it cleared. */
static void state_resolution(PIX *pix, int dpi)
{
    pixSetXRes(pix, dpi);
    pixSetYRes(pix, dpi);
}

bool ms_write(PIXA *pages, const char *path, int dpi, int stated_dpi, int jpeg_quality,
              bool rgb, char *err, size_t errlen)
{
    const char *ext = extension(path);
    int n = pixaGetCount(pages);
    int quality = jpeg_quality > 0 ? jpeg_quality : 85;
    if (strcasecmp(ext, "pdf") == 0)
        return write_pdf(pages, path, dpi, quality, err, errlen);
    bool tiff = strcasecmp(ext, "tif") == 0 || strcasecmp(ext, "tiff") == 0;
    bool jpeg = strcasecmp(ext, "jpg") == 0 || strcasecmp(ext, "jpeg") == 0;
    if (!tiff && !jpeg && strcasecmp(ext, "png") != 0) {
        snprintf(err, errlen, "%s: unknown output format '%s' (png, jpg, tif, pdf)",
                 path, ext);
        return false;
    }
    for (int i = 0; i < n; i++) {
        PIX *pix = pixaGetPix(pages, i, L_CLONE);
        state_resolution(pix, stated_dpi);
        int rc;
        char *name = !tiff && n > 1 ? numbered(path, i + 1) : strdup(path);
        if (jpeg) {
            rc = pixWriteJpeg(name, pix, quality, 0);
        } else {
            /* A bilevel page is written as it is, 1 bit a pixel, unless
             * every page is to be stored as 24-bit colour. */
            PIX *q = rgb                       ? pixConvertTo32(pix)
                     : pixGetDepth(pix) == 32 ? to_palette(pix)
                                              : pixClone(pix);
            state_resolution(q, stated_dpi);
            rc = tiff ? pixWriteTiff(name, q, IFF_TIFF_ZIP, i == 0 ? "w" : "a")
                      : pixWritePng(name, q, 0);
            pixDestroy(&q);
        }
        pixDestroy(&pix);
        if (rc != 0) {
            snprintf(err, errlen, "%s: could not write", name);
            free(name);
            return false;
        }
        free(name);
    }
    return true;
}
