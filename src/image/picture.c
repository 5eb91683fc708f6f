/* picture.c — a page as a picture for people (the review page), in the
 * coordinates its word boxes use: the page as ingested, as the scan shows
 * it (a record of an older schema has its boxes carried there when read). */
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "internal.h"

/* JPEG: a cleaned page at 1400 pixels wide is about 250 KB, two thirds of
 * its PNG; at this quality print stays sharp at reading size. */
#define PICTURE_JPEG_QUALITY 80

/* 8-bit grey or 32-bit colour, what the JPEG encoder takes; a colour map
 * is resolved. */
static PIX *encodable(PIX *pix)
{
    int d = pixGetDepth(pix);
    if (d == 32 && !pixGetColormap(pix))
        return pixClone(pix);
    if (pixGetColormap(pix))
        return pixRemoveColormap(pix, REMOVE_CMAP_BASED_ON_SRC);
    return pixConvertTo8(pix, FALSE);
}

vt_status vt_page_picture(vt_doc *doc, size_t page, int max_width, unsigned char **out,
                          size_t *len, vt_error *err)
{
    *out = NULL;
    *len = 0;
    if (page >= doc->n_pages)
        return vt_error_set(err, VT_EINPUT, "%s: has no page %zu", doc->path, page + 1);
    vt_page *pg = &doc->pages[page];
    if (!pg->image) {
        vt_status st = vt_doc_open_source(doc, err);
        if (st)
            return st;
    }
    PIX *shown = vt_page_load(doc, page, err);
    if (!shown)
        return err ? err->status : VT_EINTERNAL;
    PIX *pix = encodable(shown);
    pixDestroy(&shown);
    int width = pix ? pixGetWidth(pix) : 0;
    if (pix && max_width > 0 && width > max_width) {
        /* Area mapping: each picture pixel the mean of the page pixels it
         * covers, so thin strokes fade rather than vanish. */
        float factor = (float)max_width / (float)width;
        PIX *small = pixScaleAreaMap(pix, factor, factor);
        pixDestroy(&pix);
        pix = small;
    }
    l_uint8 *data = NULL;
    size_t size = 0;
    int failed = !pix || pixWriteMemJpeg(&data, &size, pix, PICTURE_JPEG_QUALITY, 0);
    pixDestroy(&pix);
    if (failed || !data) {
        lept_free(data);
        return vt_error_set(err, VT_EINTERNAL, "%s: page %zu: picture cannot be made",
                            doc->path, page + 1);
    }
    *out = vt_xmalloc(size);
    memcpy(*out, data, size);
    *len = size;
    lept_free(data);
    return VT_OK;
}
