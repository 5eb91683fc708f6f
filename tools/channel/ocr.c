/*
 * ocr.c — Tesseract C API over a rendered page (see ocr.h).
 */
#include "ocr.h"

#include <glib.h>
#include <leptonica/allheaders.h>
#include <stdio.h>
#include <tesseract/capi.h>

struct vt_chan_ocr {
    TessBaseAPI *api;
};

vt_chan_ocr *vt_chan_ocr_new(const char *lang, char *err, size_t err_size)
{
    TessBaseAPI *api = TessBaseAPICreate();
    if (!api || TessBaseAPIInit3(api, NULL, lang) != 0) {
        snprintf(err, err_size, "tesseract: cannot load language '%s'", lang);
        if (api)
            TessBaseAPIDelete(api);
        return NULL;
    }
    /* The page is one column of lines, like the body of a dispatch. */
    TessBaseAPISetPageSegMode(api, PSM_SINGLE_BLOCK);
    vt_chan_ocr *ocr = g_new0(vt_chan_ocr, 1);
    ocr->api = api;
    return ocr;
}

void vt_chan_ocr_free(vt_chan_ocr *ocr)
{
    if (!ocr)
        return;
    TessBaseAPIEnd(ocr->api);
    TessBaseAPIDelete(ocr->api);
    g_free(ocr);
}

int vt_chan_ocr_page(vt_chan_ocr *ocr, struct Pix *pix,
                     const vt_chan_degrade *d, const int *top,
                     const int *bottom, size_t n, char **out)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix);
    GString **acc = g_new0(GString *, n);
    for (size_t i = 0; i < n; i++)
        acc[i] = g_string_new(NULL);

    TessBaseAPISetImage2(ocr->api, pix);
    TessBaseAPISetSourceResolution(ocr->api, pixGetXRes(pix));
    int rc = TessBaseAPIRecognize(ocr->api, NULL) == 0 ? 0 : -1;
    TessResultIterator *it = rc == 0 ? TessBaseAPIGetIterator(ocr->api) : NULL;
    if (it) {
        /* Words come in reading order, so each line's words arrive left to
         * right. */
        do {
            const TessPageIterator *pit = TessResultIteratorGetPageIteratorConst(it);
            int l, t, r, b;
            char *word = TessResultIteratorGetUTF8Text(it, RIL_WORD);
            if (word && TessPageIteratorBoundingBox(pit, RIL_WORD, &l, &t, &r, &b)) {
                int cy = vt_chan_degrade_source_row(d, w, h, (l + r) / 2,
                                                    (t + b) / 2);
                for (size_t i = 0; i < n; i++) {
                    if (cy >= top[i] && cy < bottom[i]) {
                        if (acc[i]->len)
                            g_string_append_c(acc[i], ' ');
                        g_string_append(acc[i], word);
                        break;
                    }
                }
            }
            TessDeleteText(word);
        } while (TessResultIteratorNext(it, RIL_WORD));
        TessResultIteratorDelete(it);
    }
    TessBaseAPIClear(ocr->api);

    for (size_t i = 0; i < n; i++) {
        char *s = g_string_free(acc[i], FALSE);
        out[i] = g_utf8_normalize(s, -1, G_NORMALIZE_DEFAULT_COMPOSE);
        if (!out[i])
            out[i] = g_strdup("");
        g_free(s);
    }
    g_free(acc);
    return rc;
}
