/*
 * ocr.h — read a rendered page back with Tesseract, line by known line.
 */
#ifndef VT_CHANNEL_OCR_H
#define VT_CHANNEL_OCR_H

#include "degrade.h"

#include <stddef.h>

struct Pix;

typedef struct vt_chan_ocr vt_chan_ocr;

/* Open a Tesseract engine for `lang` ("eng", "vie") from the default
 * tessdata; NULL on failure with a message in err[err_size]. */
vt_chan_ocr *vt_chan_ocr_new(const char *lang, char *err, size_t err_size);
void vt_chan_ocr_free(vt_chan_ocr *ocr);

/* Recognise `pix`, a page degraded by `d`, as one block of text and give
 * the words whose centre, with the skew undone, falls in rows
 * [top[i], bottom[i]) to out[i], left to right, joined by single spaces,
 * NFC (caller frees each with g_free).  Returns 0, or -1 when Tesseract
 * fails. */
int vt_chan_ocr_page(vt_chan_ocr *ocr, struct Pix *pix,
                     const vt_chan_degrade *d, const int *top,
                     const int *bottom, size_t n, char **out);

#endif
