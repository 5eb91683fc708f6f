/* frame.c — the page as ingested and the page as prepared for OCR: the
 * map between them (vt_prepared) and boxes carried across it.  Boxes are
 * kept on the page as ingested, where a reader of the record draws them
 * on the scan; reasoning about lines (their heights, the gaps between
 * them) takes them back to the upright prepared page. */
#include <math.h>

#include "internal.h"

static const vt_affine identity = {{1, 0, 0, 0, 1, 0}};

/* First a, then b. */
static vt_affine then(vt_affine a, vt_affine b)
{
    const double *p = a.m, *q = b.m;
    return (vt_affine){{q[0] * p[0] + q[1] * p[3], q[0] * p[1] + q[1] * p[4],
                        q[0] * p[2] + q[1] * p[5] + q[2], q[3] * p[0] + q[4] * p[3],
                        q[3] * p[1] + q[4] * p[4], q[3] * p[2] + q[4] * p[5] + q[5]}};
}

static void apply(vt_affine a, double x, double y, double *ox, double *oy)
{
    *ox = a.m[0] * x + a.m[1] * y + a.m[2];
    *oy = a.m[3] * x + a.m[4] * y + a.m[5];
}

static bool is_prepared(const vt_page *page)
{
    return page->prepared.width > 0 && page->prepared.height > 0 &&
           page->prepared.scale_x > 0 && page->prepared.scale_y > 0;
}

vt_affine vt_page_to_prepared(const vt_page *page)
{
    if (!is_prepared(page))
        return identity;
    const vt_prepared *p = &page->prepared;
    vt_affine m = {{p->scale_x, 0, 0, 0, p->scale_y, 0}};
    /* The turn (pixRotateOrth, clockwise) of the scaled page, whose size is
     * the prepared page's before the turn; the deskew keeps the size. */
    int q = ((p->quarter_turns % 4) + 4) % 4;
    double w = q % 2 ? p->height : p->width, h = q % 2 ? p->width : p->height;
    vt_affine turn = identity;
    if (q == 1) /* (x, y) -> (h - y, x) */
        turn = (vt_affine){{0, -1, h, 1, 0, 0}};
    else if (q == 2)
        turn = (vt_affine){{-1, 0, w, 0, -1, h}};
    else if (q == 3) /* (x, y) -> (y, w - x) */
        turn = (vt_affine){{0, 1, 0, -1, 0, w}};
    m = then(m, turn);
    if (p->deskew_degrees != 0) {
        /* pixRotate about the centre in whole pixels, clockwise on screen
         * for a positive angle. */
        double r = p->deskew_degrees * M_PI / 180, c = cos(r), s = sin(r);
        double cx = p->width / 2, cy = p->height / 2;
        vt_affine rot = {{c, -s, cx - c * cx + s * cy, s, c, cy - s * cx - c * cy}};
        m = then(m, rot);
    }
    return m;
}

vt_affine vt_affine_invert(vt_affine a)
{
    const double *m = a.m;
    double det = m[0] * m[4] - m[1] * m[3];
    if (det == 0)
        return identity;
    double i0 = m[4] / det, i1 = -m[1] / det, i3 = -m[3] / det, i4 = m[0] / det;
    return (vt_affine){{i0, i1, -(i0 * m[2] + i1 * m[5]), i3, i4, -(i3 * m[2] + i4 * m[5])}};
}

vt_box vt_page_box_from_prepared(const vt_page *page, vt_box prepared)
{
    if (!is_prepared(page) || prepared.w <= 0 || prepared.h <= 0)
        return prepared;
    vt_affine back = vt_affine_invert(vt_page_to_prepared(page));
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (int corner = 0; corner < 4; corner++) {
        double x, y;
        apply(back, prepared.x + (corner & 1 ? prepared.w : 0),
              prepared.y + (corner & 2 ? prepared.h : 0), &x, &y);
        x0 = fmin(x0, x);
        y0 = fmin(y0, y);
        x1 = fmax(x1, x);
        y1 = fmax(y1, y);
    }
    /* Outwards to whole pixels (a hair of rounding error is no pixel),
     * and within the page. */
    x0 = fmax(0, floor(x0 + 1e-6));
    y0 = fmax(0, floor(y0 + 1e-6));
    x1 = ceil(x1 - 1e-6);
    y1 = ceil(y1 - 1e-6);
    if (page->width > 0)
        x1 = fmin(x1, page->width);
    if (page->height > 0)
        y1 = fmin(y1, page->height);
    vt_box b = {(int)x0, (int)y0, (int)(x1 - x0), (int)(y1 - y0)};
    if (b.w < 1)
        b.w = 1;
    if (b.h < 1)
        b.h = 1;
    return b;
}

vt_box vt_page_box_to_prepared(const vt_page *page, vt_box box)
{
    if (!is_prepared(page) || box.w <= 0 || box.h <= 0)
        return box;
    vt_affine fwd = vt_page_to_prepared(page), back = vt_affine_invert(fwd);
    double cx, cy;
    apply(fwd, box.x + box.w / 2.0, box.y + box.h / 2.0, &cx, &cy);
    /* An upright w x h box of the prepared page covers, on the page as
     * ingested, |b0| w + |b1| h across and |b3| w + |b4| h down: solved
     * for w and h (the system is singular only at a 45 degree skew). */
    double a = fabs(back.m[0]), b = fabs(back.m[1]), c = fabs(back.m[3]),
           d = fabs(back.m[4]);
    double det = a * d - b * c, w, h;
    if (fabs(det) > 1e-9) {
        w = (d * box.w - b * box.h) / det;
        h = (a * box.h - c * box.w) / det;
    } else {
        w = box.w / (a + b);
        h = box.h / (c + d);
    }
    w = fmax(1, w);
    h = fmax(1, h);
    return (vt_box){(int)fmax(0, lround(cx - w / 2)), (int)fmax(0, lround(cy - h / 2)),
                    (int)lround(w), (int)lround(h)};
}
