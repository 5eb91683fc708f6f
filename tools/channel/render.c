/*
 * render.c — pangocairo text to a degraded leptonica page (see render.h).
 */
#include "render.h"

#include <leptonica/allheaders.h>
#include <pango/pangocairo.h>

vt_chan_page vt_chan_page_a4(int dpi)
{
    vt_chan_page p;
    p.dpi = dpi;
    p.width = (int)(8.27 * dpi + 0.5);
    p.height = (int)(11.69 * dpi + 0.5);
    p.margin = (int)(2.0 / 2.54 * dpi + 0.5);
    /* 1.3 line spacing of 14 pt text: tight enough for 40 lines a page. */
    p.line_pitch = (int)(14.0 * 1.3 / 72.0 * dpi + 0.5);
    return p;
}

static PangoLayout *make_layout(cairo_t *cr, const vt_chan_page *page,
                                const char *text, const vt_chan_style *style)
{
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoContext *ctx = pango_layout_get_context(layout);
    pango_cairo_context_set_resolution(ctx, page->dpi);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    pango_layout_context_changed(layout);

    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, style->family);
    pango_font_description_set_weight(fd, style->bold ? PANGO_WEIGHT_BOLD
                                                      : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(fd, style->italic ? PANGO_STYLE_ITALIC
                                                       : PANGO_STYLE_NORMAL);
    pango_font_description_set_size(fd, (gint)(style->points * PANGO_SCALE));
    pango_layout_set_font_description(layout, fd);
    pango_font_description_free(fd);
    pango_layout_set_text(layout, text, -1);
    return layout;
}

int vt_chan_text_width(const vt_chan_page *page, const char *text,
                       const vt_chan_style *style)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    cairo_t *cr = cairo_create(s);
    PangoLayout *layout = make_layout(cr, page, text, style);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout, &w, &h);
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return w;
}

/* Coverage (A8) to black-on-white grey. */
static PIX *surface_to_pix(cairo_surface_t *s)
{
    cairo_surface_flush(s);
    int w = cairo_image_surface_get_width(s);
    int h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const unsigned char *src = cairo_image_surface_get_data(s);
    PIX *pix = pixCreate(w, h, 8);
    if (!pix)
        return NULL;
    l_uint32 *data = pixGetData(pix);
    l_int32 wpl = pixGetWpl(pix);
    for (int y = 0; y < h; y++) {
        l_uint32 *row = data + y * wpl;
        for (int x = 0; x < w; x++)
            SET_DATA_BYTE(row, x, 255 - src[y * stride + x]);
    }
    return pix;
}

PIX *vt_chan_render(const vt_chan_page *page, const char *const *lines,
                    const vt_chan_style *styles, size_t n,
                    const vt_chan_degrade *degrade, int *top, int *bottom)
{
    cairo_surface_t *s =
        cairo_image_surface_create(CAIRO_FORMAT_A8, page->width, page->height);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return NULL;
    }
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgba(cr, 0, 0, 0, 1);
    for (size_t i = 0; i < n; i++) {
        PangoLayout *layout = make_layout(cr, page, lines[i], &styles[i]);
        int y = page->margin + (int)i * page->line_pitch;
        top[i] = y;
        bottom[i] = y + page->line_pitch;
        cairo_move_to(cr, page->margin, y);
        pango_cairo_show_layout(cr, layout);
        g_object_unref(layout);
    }
    cairo_destroy(cr);
    PIX *pix = surface_to_pix(s);
    cairo_surface_destroy(s);
    if (!pix)
        return NULL;
    pixSetResolution(pix, page->dpi, page->dpi);
    PIX *out = vt_chan_degrade_pix(pix, degrade);
    pixDestroy(&pix);
    return out;
}
