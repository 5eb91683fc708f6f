/*
 * test_render_ocr.c — render Vietnamese lines, read them back with the vie
 * model and check the text survives: a clean 300 dpi page, and a skewed,
 * JPEG-compressed, binarised 200 dpi scan whose words must still reach
 * their own lines.  Skips (77) without tessdata.
 */
#include "align.h"
#include "ocr.h"
#include "render.h"

#include <glib.h>
#include <leptonica/allheaders.h>
#include <stdio.h>
#include <string.h>

#define N_LINES 3

static const char *const LINES[N_LINES] = {
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH",
    "Sở Giáo dục và Đào tạo đề nghị các trường gửi báo cáo đúng thời hạn",
    "Hà Nội, ngày 15 tháng 3 năm 2024"};

/* Characters the prior alignment finds changed between a line and its
 * OCR. */
static size_t differences(const char *truth, const char *ocr)
{
    vt_chan_seg segs[256];
    vt_chan_costs *prior = vt_chan_costs_new(NULL);
    size_t k = vt_chan_align_chars(prior, truth, ocr, segs, 256, NULL), n = 0;
    for (size_t j = 0; j < k && j < 256; j++)
        n += strcmp(segs[j].truth, segs[j].ocr) != 0;
    vt_chan_costs_free(prior);
    return n;
}

/* Render, check the page, OCR it; a line may differ from its truth in at
 * most max_diff characters.  Returns the number of failures. */
static int round_trip(vt_chan_ocr *ocr, int dpi, const vt_chan_degrade *d,
                      int depth, size_t max_diff)
{
    const vt_chan_style styles[N_LINES] = {{"Liberation Serif", true, false, 13.0},
                                           {"Liberation Serif", false, false, 14.0},
                                           {"Liberation Serif", false, true, 14.0}};
    vt_chan_page page = vt_chan_page_a4(dpi);
    page.height = page.margin * 2 + N_LINES * page.line_pitch; /* a short page */
    int top[N_LINES], bottom[N_LINES];
    PIX *pix = vt_chan_render(&page, LINES, styles, N_LINES, d, top, bottom);
    if (!pix || pixGetDepth(pix) != depth || pixGetXRes(pix) != dpi) {
        fprintf(stderr, "FAIL render at %d dpi\n", dpi);
        pixDestroy(&pix);
        return 1;
    }
    char *out[N_LINES] = {NULL};
    int failures = vt_chan_ocr_page(ocr, pix, d, top, bottom, N_LINES, out) != 0;
    for (int i = 0; i < N_LINES && !failures; i++) {
        size_t n = differences(LINES[i], out[i]);
        printf("%d dpi: %s\n  -> %s (%zu differences)\n", dpi, LINES[i], out[i], n);
        if (n > max_diff)
            failures++;
    }
    for (int i = 0; i < N_LINES; i++)
        g_free(out[i]);
    pixDestroy(&pix);
    return failures;
}

int main(void)
{
    char err[256];
    vt_chan_ocr *ocr = vt_chan_ocr_new("vie", err, sizeof err);
    if (!ocr) {
        fprintf(stderr, "SKIP %s\n", err);
        return 77;
    }
    const vt_chan_degrade clean = {.blur = 1, .noise = 6.0, .threshold = 150};
    const vt_chan_degrade rough = {.angle = 0.5, .noise = 10.0, .jpeg = 60,
                                   .threshold = 150, .salt = 0.002, .seed = 3};
    int failures = round_trip(ocr, 300, &clean, 1, 3);
    /* Words that landed on the wrong line would cost far more than 8. */
    failures += round_trip(ocr, 200, &rough, 1, 8);
    vt_chan_ocr_free(ocr);
    return failures ? 1 : 0;
}
