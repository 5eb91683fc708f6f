/*
 * render.h — draw lines of Vietnamese text as a scanned-looking page.
 *
 * Pango shapes the text (so stacked Vietnamese marks are placed as a font
 * places them), cairo rasterises it in grey, leptonica degrades it the way
 * a scanner and a binariser would.
 */
#ifndef VT_CHANNEL_RENDER_H
#define VT_CHANNEL_RENDER_H

#include "degrade.h"

#include <stdbool.h>
#include <stddef.h>

struct Pix;

typedef struct vt_chan_style {
    const char *family; /* fontconfig family, e.g. "Liberation Serif" */
    bool bold, italic;
    double points;
} vt_chan_style;

/* Page geometry at `dpi`: A4 with 2 cm side margins. */
typedef struct vt_chan_page {
    int dpi, width, height, margin, line_pitch;
} vt_chan_page;

vt_chan_page vt_chan_page_a4(int dpi);

/* Width in pixels of `text` drawn in `style`. */
int vt_chan_text_width(const vt_chan_page *page, const char *text,
                       const vt_chan_style *style);

/* Draw n lines, one per line pitch from the top margin, and degrade the
 * result.  Line i owns the band of rows [top[i], bottom[i]) of the page
 * before its skew (vt_chan_degrade_source_row maps back to those rows).
 * The page is 8 bpp grey, or 1 bpp when thresholded.  NULL on failure. */
struct Pix *vt_chan_render(const vt_chan_page *page, const char *const *lines,
                           const vt_chan_style *styles, size_t n,
                           const vt_chan_degrade *degrade, int *top,
                           int *bottom);

#endif
