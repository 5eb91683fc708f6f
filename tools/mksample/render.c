/* render.c — lay a dispatch out the way Nghị định 30/2020 (Phụ lục I)
 * prescribes and draw it with pango/cairo at the scan resolution.
 *
 * All geometry is in points on an A4 page; cairo scales to pixels.  The font
 * is Liberation Serif, metric-compatible with the Times New Roman the decree
 * asks for. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "mksample.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MM (72.0 / 25.4)
#define MARGIN_TOP (20 * MM)
#define MARGIN_BOTTOM (20 * MM)
#define MARGIN_LEFT (30 * MM)
#define MARGIN_RIGHT (20 * MM)
#define FONT "Liberation Serif"

typedef struct ctx {
    const ms_render_opts *o;
    ms_rng *rng;
    PIXA *pages;
    cairo_surface_t *surf;
    cairo_t *cr;
    PangoContext *pc;
    double y;     /* next free line on the current page */
    double header_top, header_bottom; /* the first page's header rows */
    double header_split;              /* x between the header's halves */
    int page_no;  /* 1-based */
    GString *out; /* the text the pages show */
} ctx;

/* Copy a finished cairo page into a leptonica 32 bpp RGB image. */
static void flush_page(ctx *c)
{
    cairo_surface_flush(c->surf);
    int w = cairo_image_surface_get_width(c->surf);
    int h = cairo_image_surface_get_height(c->surf);
    int stride = cairo_image_surface_get_stride(c->surf);
    const unsigned char *data = cairo_image_surface_get_data(c->surf);
    PIX *pix = pixCreate(w, h, 32);
    pixSetResolution(pix, c->o->dpi, c->o->dpi);
    l_uint32 *pd = pixGetData(pix);
    int wpl = pixGetWpl(pix);
    for (int y = 0; y < h; y++) {
        const uint32_t *src = (const uint32_t *)(data + (size_t)y * stride);
        for (int x = 0; x < w; x++) {
            uint32_t v = src[x];
            composeRGBPixel((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff,
                            pd + (size_t)y * wpl + x);
        }
    }
    pixaAddPix(c->pages, pix, L_INSERT);
    cairo_destroy(c->cr);
    cairo_surface_destroy(c->surf);
    g_object_unref(c->pc);
    c->cr = NULL;
    c->surf = NULL;
    c->pc = NULL;
}

static void start_page(ctx *c)
{
    if (c->cr) {
        flush_page(c);
        g_string_append_c(c->out, '\f');
    }
    c->page_no++;
    int w = (int)lround(PAGE_W / 72.0 * c->o->dpi);
    int h = (int)lround(PAGE_H / 72.0 * c->o->dpi);
    c->surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    c->cr = cairo_create(c->surf);
    cairo_set_source_rgb(c->cr, 1, 1, 1);
    cairo_paint(c->cr);
    cairo_scale(c->cr, c->o->dpi / 72.0, c->o->dpi / 72.0);
    c->pc = pango_cairo_create_context(c->cr);
    /* One point per user unit, and unhinted metrics so the layout does not
     * depend on the resolution. */
    pango_cairo_context_set_resolution(c->pc, 72);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(c->pc, fo);
    cairo_font_options_destroy(fo);
    c->y = MARGIN_TOP;
    /* The decree numbers pages from the second one, centred in the top
     * margin. */
    if (c->page_no > 1) {
        PangoLayout *l = pango_layout_new(c->pc);
        PangoFontDescription *fd = pango_font_description_from_string(FONT " 13");
        pango_layout_set_font_description(l, fd);
        pango_font_description_free(fd);
        char num[16];
        snprintf(num, sizeof num, "%d", c->page_no);
        pango_layout_set_text(l, num, -1);
        int lw, lh;
        pango_layout_get_size(l, &lw, &lh);
        cairo_set_source_rgb(c->cr, 0, 0, 0);
        cairo_move_to(c->cr, PAGE_W / 2 - lw / (2.0 * PANGO_SCALE), 10 * MM);
        pango_cairo_show_layout(c->cr, l);
        g_object_unref(l);
        g_string_append_printf(c->out, "%s\n", num);
    }
}

static PangoLayout *make_layout(ctx *c, const char *font, double width,
                                PangoAlignment align, const char *text)
{
    PangoLayout *l = pango_layout_new(c->pc);
    PangoFontDescription *fd = pango_font_description_from_string(font);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD);
    pango_layout_set_alignment(l, align);
    pango_layout_set_line_spacing(l, 1.1f);
    pango_layout_set_text(l, text, -1);
    return l;
}

/* Append the text of each laid-out line to out, as the page shows it. */
static void layout_text(PangoLayout *l, GString *out)
{
    const char *text = pango_layout_get_text(l);
    int n = pango_layout_get_line_count(l);
    for (int i = 0; i < n; i++) {
        PangoLayoutLine *ln = pango_layout_get_line_readonly(l, i);
        int len = ln->length;
        while (len > 0 && text[ln->start_index + len - 1] == ' ')
            len--;
        g_string_append_len(out, text + ln->start_index, len);
        g_string_append_c(out, '\n');
    }
}

static double layout_height(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return h / (double)PANGO_SCALE;
}

/* Width of the ink of the widest line, for the underlines. */
static double layout_ink_width(PangoLayout *l)
{
    PangoRectangle ink;
    pango_layout_get_extents(l, &ink, NULL);
    return ink.width / (double)PANGO_SCALE;
}

/* Draw one block of lines that must stay together; return its height. */
static double draw_block(ctx *c, double x, double y, double width,
                         const char *font, PangoAlignment align,
                         const char *text, GString *out)
{
    PangoLayout *l = make_layout(c, font, width, align, text);
    cairo_set_source_rgb(c->cr, 0, 0, 0);
    cairo_move_to(c->cr, x, y);
    pango_cairo_show_layout(c->cr, l);
    if (out)
        layout_text(l, out);
    double h = layout_height(l);
    g_object_unref(l);
    return h;
}

/* A number or day written by hand into the form's blank: "[[275]]" in a
 * number or date line.  The line is set with the blank (a space more than
 * the pen text is long), and the pen text is written into it in a script
 * face, larger than the print, leaning, in black ballpoint ink; the text
 * the page shows has it as written, as a transcription of a scan does. */
#define PEN_OPEN "[["
#define PEN_CLOSE "]]"
#define PEN_FONT "Z003 19"

static double draw_pen_line(ctx *c, double x, double y, double width, const char *font,
                            const char *text, GString *out)
{
    GString *print = g_string_new(NULL), *shown = g_string_new(NULL);
    GArray *at = g_array_new(FALSE, FALSE, sizeof(int));
    GPtrArray *pen = g_ptr_array_new_with_free_func(g_free);
    for (const char *p = text; *p;) {
        const char *open = strstr(p, PEN_OPEN);
        const char *close = open ? strstr(open, PEN_CLOSE) : NULL;
        if (!close) {
            g_string_append(print, p);
            g_string_append(shown, p);
            break;
        }
        g_string_append_len(print, p, open - p);
        g_string_append_len(shown, p, open - p);
        char *word = g_strndup(open + 2, (gsize)(close - open - 2));
        int index = (int)print->len;
        g_array_append_val(at, index);
        for (size_t k = 0; k <= strlen(word); k++)
            g_string_append(print, "   ");
        g_string_append(shown, word);
        g_ptr_array_add(pen, word);
        p = close + 2;
    }
    PangoLayout *l = make_layout(c, font, width, PANGO_ALIGN_CENTER, print->str);
    cairo_set_source_rgb(c->cr, 0, 0, 0);
    cairo_move_to(c->cr, x, y);
    pango_cairo_show_layout(c->cr, l);
    for (guint i = 0; i < pen->len; i++) {
        PangoRectangle pos;
        pango_layout_index_to_pos(l, g_array_index(at, int, i), &pos);
        PangoLayout *h = make_layout(c, PEN_FONT, width, PANGO_ALIGN_LEFT, pen->pdata[i]);
        cairo_save(c->cr);
        cairo_translate(c->cr, x + pos.x / (double)PANGO_SCALE + 6, y);
        cairo_rotate(c->cr, ms_rng_range(c->rng, -0.12, -0.04));
        cairo_set_source_rgb(c->cr, 0.08, 0.08, 0.12);
        cairo_move_to(c->cr, 0, 0);
        pango_cairo_show_layout(c->cr, h);
        cairo_restore(c->cr);
        g_object_unref(h);
    }
    if (out) {
        /* The line as laid out, its blanks holding what the pen wrote. */
        g_string_append(out, shown->str);
        g_string_append_c(out, '\n');
    }
    double height = layout_height(l);
    g_object_unref(l);
    g_string_free(print, TRUE);
    g_string_free(shown, TRUE);
    g_array_free(at, TRUE);
    g_ptr_array_free(pen, TRUE);
    return height;
}

static void underline(ctx *c, double cx, double y, double len)
{
    cairo_set_source_rgb(c->cr, 0, 0, 0);
    cairo_set_line_width(c->cr, 0.6);
    cairo_move_to(c->cr, cx - len / 2, y);
    cairo_line_to(c->cr, cx + len / 2, y);
    cairo_stroke(c->cr);
}

static char *join(const ms_lines *l, size_t from, size_t to)
{
    GString *s = g_string_new(NULL);
    for (size_t i = from; i < to && i < l->n; i++) {
        if (s->len)
            g_string_append_c(s, '\n');
        g_string_append(s, l->lines[i]);
    }
    return g_string_free(s, FALSE);
}

/* Header: issuing body | national motto, then number (and a công văn's
 * V/v subject) | place and date. */
static void draw_header(ctx *c, const ms_doc *d)
{
    const double left_x = MARGIN_LEFT - 18, left_w = 215;
    const double right_x = left_x + left_w;
    const double right_w = PAGE_W - MARGIN_RIGHT + 12 - right_x;
    const double lcx = left_x + left_w / 2, rcx = right_x + right_w / 2;
    GString *lt = g_string_new(NULL), *rt = g_string_new(NULL);
    /* An e-signature overlay sits above the issuing body in small type;
     * it is not the dispatch's text, so it stays out of the text output. */
    const ms_lines *ov = &d->sec[MS_OVERLAY];
    if (ov->n && !d->overlay_box) {
        char *text = join(ov, 0, ov->n);
        c->y += draw_block(c, left_x, c->y, left_w, FONT " 9", PANGO_ALIGN_LEFT, text, NULL) + 10;
        g_free(text);
    }
    double ly = c->y, ry = c->y;
    c->header_top = c->y;
    c->header_split = right_x;

    const ms_lines *hl = &d->sec[MS_HEADER_LEFT];
    if (hl->n) {
        /* Parent bodies plain, the issuer itself bold, a short rule under
         * it. */
        char *parent = join(hl, 0, hl->n - 1);
        if (*parent)
            ly += draw_block(c, left_x, ly, left_w, FONT " 12.5",
                             PANGO_ALIGN_CENTER, parent, lt);
        g_free(parent);
        PangoLayout *l = make_layout(c, FONT " Bold 12.5", left_w,
                                     PANGO_ALIGN_CENTER, hl->lines[hl->n - 1]);
        double iw = layout_ink_width(l);
        g_object_unref(l);
        ly += draw_block(c, left_x, ly, left_w, FONT " Bold 12.5",
                         PANGO_ALIGN_CENTER, hl->lines[hl->n - 1], lt);
        underline(c, lcx, ly + 2.5, iw * 0.4);
        ly += 4;
    }
    const ms_lines *hr = &d->sec[MS_HEADER_RIGHT];
    for (size_t i = 0; i < hr->n; i++) {
        const char *font = i == 0 ? FONT " Bold 12" : FONT " Bold 13";
        PangoLayout *l = make_layout(c, font, right_w, PANGO_ALIGN_CENTER,
                                     hr->lines[i]);
        double iw = layout_ink_width(l);
        g_object_unref(l);
        ry += draw_block(c, right_x, ry, right_w, font, PANGO_ALIGN_CENTER,
                         hr->lines[i], rt);
        if (i == hr->n - 1) {
            underline(c, rcx, ry + 2.5, iw);
            ry += 4;
        }
    }
    /* Number and date sit on one line under the two halves. */
    double row = fmax(ly, ry) + 8;
    ly = ry = row;
    /* The number, then (in a công văn) the V/v subject in smaller type. */
    bool subject = false;
    for (size_t i = 0; i < d->sec[MS_NUMBER_LEFT].n; i++) {
        const char *ln = d->sec[MS_NUMBER_LEFT].lines[i];
        if (strncmp(ln, "V/v", 3) == 0) {
            subject = true;
            ly += 2;
        }
        ly += strstr(ln, PEN_OPEN) ? draw_pen_line(c, left_x, ly, left_w, FONT " 13", ln, lt)
                                   : draw_block(c, left_x, ly, left_w,
                                                subject ? FONT " 12" : FONT " 13",
                                                PANGO_ALIGN_CENTER, ln, lt);
    }
    for (size_t i = 0; i < d->sec[MS_DATE_RIGHT].n; i++) {
        const char *ln = d->sec[MS_DATE_RIGHT].lines[i];
        ry += strstr(ln, PEN_OPEN)
                  ? draw_pen_line(c, right_x, ry, right_w, FONT " Italic 13", ln, rt)
                  : draw_block(c, right_x, ry, right_w, FONT " Italic 13", PANGO_ALIGN_CENTER,
                               ln, rt);
    }
    g_string_append_len(c->out, lt->str, lt->len);
    g_string_append_len(c->out, rt->str, rt->len);
    g_string_free(lt, TRUE);
    g_string_free(rt, TRUE);
    c->header_bottom = fmax(ly, ry);
    c->y = c->header_bottom + 18;
}

/* Lines in a frame, turned by `deg` about the frame's centre (cx, cy), in
 * one ink multiplied over the page as stamp ink and screen colour both
 * sit over the print. */
static void draw_framed(ctx *c, const ms_lines *lines, const char *font,
                        double cx, double cy, double deg, double pad,
                        double frame_width, const double ink[3])
{
    char *text = join(lines, 0, lines->n);
    PangoLayout *l = pango_layout_new(c->pc);
    PangoFontDescription *fd = pango_font_description_from_string(font);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
    pango_layout_set_text(l, text, -1);
    g_free(text);
    int lw, lh;
    pango_layout_get_size(l, &lw, &lh);
    double w = lw / (double)PANGO_SCALE, h = lh / (double)PANGO_SCALE;
    cairo_t *cr = c->cr;
    cairo_save(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_MULTIPLY);
    cairo_set_source_rgba(cr, ink[0], ink[1], ink[2], 0.9);
    cairo_translate(cr, cx, cy);
    cairo_rotate(cr, deg * M_PI / 180);
    cairo_set_line_width(cr, frame_width);
    cairo_rectangle(cr, -w / 2 - pad, -h / 2 - pad, w + 2 * pad, h + 2 * pad);
    cairo_stroke(cr);
    cairo_move_to(cr, -w / 2, -h / 2);
    pango_cairo_update_layout(cr, l);
    pango_cairo_show_layout(cr, l);
    cairo_restore(cr);
    g_object_unref(l);
}

static const double red_ink[3] = {0.86, 0.12, 0.14};
static const double blue_ink[3] = {0.12, 0.22, 0.72};

/* What is put on the first page after it was printed, none of it the
 * dispatch's text: the urgency mark stamped in red in the top left margin,
 * the e-office box in the top right corner reaching over the national
 * motto, and the incoming-mail stamp, slanted, over the header rows. */
static void draw_additions(ctx *c, const ms_doc *d)
{
    /* Each draw from the generator in its own statement, so that the
     * order of draws (and the page) does not depend on the compiler. */
    const ms_lines *mk = &d->sec[MS_MARK];
    if (mk->n) {
        double x = MARGIN_LEFT + 30 + ms_rng_range(c->rng, -10, 10);
        double y = MARGIN_TOP - 22 + ms_rng_range(c->rng, -4, 4);
        double deg = ms_rng_range(c->rng, -3, 3);
        draw_framed(c, mk, FONT " Bold 15", x, y, deg, 4, 1.6, red_ink);
    }
    const ms_lines *ov = &d->sec[MS_OVERLAY];
    if (ov->n && d->overlay_box)
        draw_framed(c, ov, "Liberation Sans 7.5", PAGE_W - MARGIN_RIGHT - 70,
                    MARGIN_TOP - 18, 0, 3, 0.8, blue_ink);
    const ms_lines *st = &d->sec[MS_STAMP];
    if (st->n) {
        double x = c->header_split + ms_rng_range(c->rng, -90, 30);
        double y = c->header_top + (c->header_bottom - c->header_top) *
                                       ms_rng_range(c->rng, 0.3, 0.7);
        double sign = ms_rng_uniform(c->rng) < 0.5 ? -1 : 1;
        double deg = sign * ms_rng_range(c->rng, 3, 9);
        draw_framed(c, st, "Liberation Sans Bold 9", x, y, deg, 5, 1.4,
                    d->stamp_red ? red_ink : blue_ink);
    }
}

/* Flowing text: drawn line by line so that it can break across pages. */
static void draw_flow(ctx *c, const char *font, PangoAlignment align,
                      bool justify, double indent, const char *text)
{
    const double x = MARGIN_LEFT, w = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;
    PangoLayout *l = make_layout(c, font, w, align, text);
    pango_layout_set_justify(l, justify);
    pango_layout_set_indent(l, (int)(indent * PANGO_SCALE));
    PangoLayoutIter *it = pango_layout_get_iter(l);
    const char *s = pango_layout_get_text(l);
    double top = 0; /* layout y of the current line's top */
    do {
        PangoRectangle r;
        pango_layout_iter_get_line_extents(it, NULL, &r);
        double lt = r.y / (double)PANGO_SCALE;
        double lh = r.height / (double)PANGO_SCALE;
        double base = pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE;
        if (c->y + (lt - top) + lh > PAGE_H - MARGIN_BOTTOM) {
            start_page(c);
            top = lt;
        }
        PangoLayoutLine *ln = pango_layout_iter_get_line_readonly(it);
        cairo_set_source_rgb(c->cr, 0, 0, 0);
        cairo_move_to(c->cr, x + r.x / (double)PANGO_SCALE,
                      c->y + (base - top));
        pango_cairo_show_layout_line(c->cr, ln);
        int len = ln->length;
        while (len > 0 && s[ln->start_index + len - 1] == ' ')
            len--;
        g_string_append_len(c->out, s + ln->start_index, len);
        g_string_append_c(c->out, '\n');
        if (pango_layout_iter_at_last_line(it))
            c->y += lt + lh - top;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(l);
}

/* Red round seal: two rings, the issuer's name round the top, a star in
 * the middle.  Multiplied over the page like ink. */
static void draw_seal(ctx *c, double cx, double cy, double r,
                      const char *name)
{
    cairo_t *cr = c->cr;
    cairo_save(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_MULTIPLY);
    cairo_set_source_rgba(cr, red_ink[0], red_ink[1], red_ink[2], 0.9);
    cairo_set_line_width(cr, 2.4);
    cairo_arc(cr, cx, cy, r, 0, 2 * M_PI);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 0.9);
    cairo_arc(cr, cx, cy, r * 0.62, 0, 2 * M_PI);
    cairo_stroke(cr);
    /* Star. */
    double rs = r * 0.2;
    for (int i = 0; i < 10; i++) {
        double a = -M_PI / 2 + i * M_PI / 5;
        double rr = i % 2 ? rs * 0.4 : rs;
        if (i == 0)
            cairo_move_to(cr, cx + rr * cos(a), cy + rr * sin(a));
        else
            cairo_line_to(cr, cx + rr * cos(a), cy + rr * sin(a));
    }
    cairo_close_path(cr);
    cairo_fill(cr);
    /* Name round the ring: each character placed and turned on its own. */
    PangoLayout *l = pango_layout_new(c->pc);
    PangoFontDescription *fd = pango_font_description_from_string(FONT " Bold 8");
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    double tr = r * 0.80;
    size_t n = g_utf8_strlen(name, -1);
    double step = fmin(2 * M_PI * 0.85 / (n ? n : 1), 0.16);
    double a = -M_PI / 2 - step * (n - 1) / 2.0;
    for (const char *p = name; *p; p = g_utf8_next_char(p), a += step) {
        char ch[8] = {0};
        memcpy(ch, p, g_utf8_next_char(p) - p);
        pango_layout_set_text(l, ch, -1);
        int w, h;
        pango_layout_get_size(l, &w, &h);
        cairo_save(cr);
        cairo_translate(cr, cx + tr * cos(a), cy + tr * sin(a));
        cairo_rotate(cr, a + M_PI / 2);
        cairo_move_to(cr, -w / (2.0 * PANGO_SCALE), -h / (2.0 * PANGO_SCALE));
        pango_cairo_update_layout(cr, l);
        pango_cairo_show_layout(cr, l);
        cairo_restore(cr);
    }
    g_object_unref(l);
    cairo_restore(cr);
}

/* Blue handwritten-looking scribble in the box (x, y, w, h). */
static void draw_signature(ctx *c, double x, double y, double w, double h)
{
    cairo_t *cr = c->cr;
    ms_rng *g = c->rng;
    cairo_save(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_MULTIPLY);
    cairo_set_source_rgb(cr, 0.10, 0.18, 0.72);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_width(cr, 1.4);
    double px = x + ms_rng_range(g, 0, w * 0.15);
    double py = y + h * ms_rng_range(g, 0.4, 0.7);
    cairo_move_to(cr, px, py);
    int strokes = 5 + (int)(ms_rng_uniform(g) * 4);
    for (int i = 0; i < strokes; i++) {
        double nx = x + w * (i + 1) / (double)strokes;
        double ny = y + h * ms_rng_range(g, 0.2, 0.9);
        cairo_curve_to(cr, px + ms_rng_range(g, -10, 25),
                       y + h * ms_rng_range(g, -0.1, 0.5),
                       nx + ms_rng_range(g, -25, 10),
                       y + h * ms_rng_range(g, 0.5, 1.1), nx, ny);
        px = nx;
        py = ny;
    }
    cairo_stroke(cr);
    /* The flourish under the name. */
    cairo_move_to(cr, x + w * 0.1, y + h * 0.95);
    cairo_curve_to(cr, x + w * 0.4, y + h * 0.75, x + w * 0.7, y + h * 1.05,
                   x + w * 0.95, y + h * 0.7);
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* Footer: Nơi nhận on the left, authority, position, signature and name on
 * the right; the seal over the signature, the name recovered below it. */
static void draw_footer(ctx *c, const ms_doc *d)
{
    const ms_lines *fl = &d->sec[MS_FOOTER_LEFT];
    const ms_lines *fr = &d->sec[MS_FOOTER_RIGHT];
    const double lx = MARGIN_LEFT, lw = 205;
    const double rx = lx + lw, rw = PAGE_W - MARGIN_RIGHT - rx;
    const double sig_gap = 78;
    if (!fl->n && !fr->n)
        return;
    /* Signer lines: the blank line marks the signature space, else it goes
     * before the last line (the name). */
    size_t split = fr->n ? fr->n - 1 : 0;
    for (size_t i = 0; i < fr->n; i++)
        if (fr->lines[i][0] == '\0') {
            split = i;
            break;
        }
    size_t name_from = split < fr->n && fr->lines[split][0] == '\0' ? split + 1
                                                                      : split;
    char *left = join(fl, 1, fl->n);
    char *top = join(fr, 0, split);
    char *name = join(fr, name_from, fr->n);

    /* Measure first: the footer never splits across pages. */
    PangoLayout *m1 = make_layout(c, FONT " 11", lw, PANGO_ALIGN_LEFT, left);
    PangoLayout *m2 = make_layout(c, FONT " Bold 13", rw, PANGO_ALIGN_CENTER, top);
    double hl = layout_height(m1) + 16;
    double hr = layout_height(m2) + sig_gap + 18;
    g_object_unref(m1);
    g_object_unref(m2);
    c->y += 10;
    if (c->y + fmax(hl, hr) > PAGE_H - MARGIN_BOTTOM)
        start_page(c);

    GString *lt = g_string_new(NULL), *rt = g_string_new(NULL);
    double ly = c->y, ry = c->y + 2;
    if (fl->n)
        ly += draw_block(c, lx, ly, lw, FONT " Bold Italic 12",
                         PANGO_ALIGN_LEFT, fl->lines[0], lt);
    if (*left)
        ly += draw_block(c, lx, ly, lw, FONT " 11", PANGO_ALIGN_LEFT, left, lt);
    if (*top)
        ry += draw_block(c, rx, ry, rw, FONT " Bold 13", PANGO_ALIGN_CENTER,
                         top, rt);
    double gap_top = ry;
    ry += sig_gap;
    if (*name)
        ry += draw_block(c, rx, ry, rw, FONT " Bold 13", PANGO_ALIGN_CENTER,
                         name, rt);
    double cx = rx + rw / 2;
    if (c->o->signature)
        draw_signature(c, cx - 45 + ms_rng_range(c->rng, -8, 8), gap_top + 10,
                       100, sig_gap - 22);
    if (c->o->seal) {
        const ms_lines *hl = &d->sec[MS_HEADER_LEFT];
        const char *issuer = hl->n ? hl->lines[hl->n - 1] : "";
        /* The seal covers the left third of the signature and spills onto
         * the position above and the name below, as real stamps do. */
        draw_seal(c, cx - 38 + ms_rng_range(c->rng, -6, 6),
                  gap_top + sig_gap / 2 + ms_rng_range(c->rng, -4, 4), 50,
                  issuer);
    }
    g_string_append_len(c->out, lt->str, lt->len);
    g_string_append_len(c->out, rt->str, rt->len);
    g_string_free(lt, TRUE);
    g_string_free(rt, TRUE);
    c->y = fmax(ly, ry);
    g_free(left);
    g_free(top);
    g_free(name);
}

bool ms_render(const ms_doc *d, const ms_render_opts *o, ms_rng *rng,
               PIXA **pages, char **text, char *err, size_t errlen)
{
    ctx c = {.o = o, .rng = rng, .pages = pixaCreate(2),
             .out = g_string_new(NULL)};
    start_page(&c);
    draw_header(&c, d);
    draw_additions(&c, d);
    const ms_lines *ti = &d->sec[MS_TITLE];
    if (ti->n) {
        char *t = join(ti, 0, ti->n);
        draw_flow(&c, FONT " Bold 14", PANGO_ALIGN_CENTER, false, 0, t);
        g_free(t);
        c.y += 10;
    }
    const ms_lines *body = &d->sec[MS_BODY];
    for (size_t i = 0; i < body->n; i++) {
        if (body->lines[i][0] == '\0')
            continue;
        draw_flow(&c, FONT " 14", PANGO_ALIGN_LEFT, true, 1.0 * 72 / 2.54,
                  body->lines[i]);
        c.y += 5;
    }
    draw_footer(&c, d);
    flush_page(&c);
    if (pixaGetCount(c.pages) == 0) {
        snprintf(err, errlen, "nothing rendered");
        pixaDestroy(&c.pages);
        g_string_free(c.out, TRUE);
        return false;
    }
    *pages = c.pages;
    *text = g_string_free(c.out, FALSE);
    return true;
}
