/*
 * test_render_ocr.c — render two Vietnamese lines, read them back with the
 * vie model and check the text survives; skip (77) without tessdata.
 */
#include "align.h"
#include "ocr.h"
#include "render.h"

#include <glib.h>
#include <leptonica/allheaders.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    const char *lines[] = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                           "Sở Giáo dục và Đào tạo đề nghị các trường thực hiện"};
    vt_chan_style styles[] = {{"Liberation Serif", true, false, 13.0},
                              {"Liberation Serif", false, false, 14.0}};
    vt_chan_degrade degrade = {1, 6.0, 150};
    vt_chan_page page = vt_chan_page_a4(300);
    page.height = page.margin * 2 + 2 * page.line_pitch; /* a short page */
    int top[2], bottom[2];

    char err[256];
    vt_chan_ocr *ocr = vt_chan_ocr_new("vie", err, sizeof err);
    if (!ocr) {
        fprintf(stderr, "SKIP %s\n", err);
        return 77;
    }
    PIX *pix = vt_chan_render(&page, lines, styles, 2, &degrade, top, bottom);
    if (!pix || pixGetDepth(pix) != 1 || pixGetXRes(pix) != 300) {
        fprintf(stderr, "FAIL render\n");
        return 1;
    }
    char *out[2] = {NULL, NULL};
    int failures = vt_chan_ocr_page(ocr, pix, top, bottom, 2, out) != 0;
    for (int i = 0; i < 2 && !failures; i++) {
        /* Distance of base letters stays small and the marks mostly
         * survive: at most 3 of the characters differ. */
        size_t n = 0;
        vt_chan_seg segs[128];
        vt_chan_costs *prior = vt_chan_costs_new(NULL);
        size_t k = vt_chan_align_chars(prior, lines[i], out[i], segs, 128, NULL);
        for (size_t j = 0; j < k && j < 128; j++)
            n += strcmp(segs[j].truth, segs[j].ocr) != 0;
        vt_chan_costs_free(prior);
        printf("%s\n  -> %s (%zu differences)\n", lines[i], out[i], n);
        if (n > 3)
            failures++;
    }
    g_free(out[0]);
    g_free(out[1]);
    pixDestroy(&pix);
    vt_chan_ocr_free(ocr);
    return failures ? 1 : 0;
}
