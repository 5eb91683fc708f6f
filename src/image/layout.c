/* layout.c — find the two-column header and footer of a dispatch page.
 *
 * Nghị định 30 puts the issuing body left and the national motto and date
 * right at the top, and Nơi nhận left and the signer right at the bottom.
 * Read as one block, Tesseract interleaves their lines.  We cut the page
 * into horizontal bands of ink (text lines, or several when they touch)
 * and look for a vertical gutter that the bands at the top (and, from the
 * bottom up, at the bottom) all leave empty.  The header ends at the first
 * band that crosses the gutter: the body's first full line.  The footer
 * starts at the highest band with ink right of its gutter, because the
 * signer's authority line sits level with "Nơi nhận:" while the body's
 * last, short line only reaches the left half. */
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "internal.h"
#include "layout.h"

typedef struct band {
    int top, bottom; /* inclusive rows */
} band;

/* The grey level below which a pixel of `gray` (its paper cleaned to
 * white) is ink: a little lighter than the median of the page's ink, and
 * never darker than mid-grey.  Crisp print, whose ink is mostly darker
 * than mid-grey, keeps mid-grey: a lighter cut would take in what is left
 * of a dropped seal and fill the gutter between Nơi nhận and the signer.
 * The faint strokes of an enlarged low-resolution scan, whose cores stay
 * light grey, lose letters at mid-grey and leave empty columns through
 * the body's lines that read as a footer's gutter. */
static int ink_threshold(PIX *gray)
{
    enum { INK_BELOW = 224, MARGIN = 24, DARKEST = 128, LIGHTEST = 200 };
    /* Counted here, an integer add a pixel: pixGetGrayHistogram adds a
     * float per pixel to a NUMA, a full page's histogram a hundredth of
     * its CPU. */
    size_t hist[256] = {0}, ink = 0;
    int w = pixGetWidth(gray), h = pixGetHeight(gray), wpl = pixGetWpl(gray);
    const l_uint32 *data = pixGetData(gray);
    for (int y = 0; y < h; y++) {
        const l_uint32 *row = data + (size_t)y * wpl;
        for (int x = 0; x < w; x++)
            hist[GET_DATA_BYTE(row, x)]++;
    }
    for (int v = 0; v < INK_BELOW; v++)
        ink += hist[v];
    size_t seen = 0;
    int median = 0;
    for (int v = 0; v < INK_BELOW; v++) {
        seen += hist[v];
        if (2 * seen >= ink) {
            median = v;
            break;
        }
    }
    int t = median + MARGIN;
    return t < DARKEST ? DARKEST : t > LIGHTEST ? LIGHTEST : t;
}

/* Ink as 1, with dust specks removed so they make no bands. */
static PIX *ink_of(PIX *page, int dpi)
{
    PIX *bin;
    if (pixGetDepth(page) == 1) {
        bin = pixClone(page);
    } else {
        /* The work image is 8 bpp already: read, not copied. */
        PIX *gray = pixGetDepth(page) == 8 && !pixGetColormap(page) ? pixClone(page)
                                                                    : pixConvertTo8(page, 0);
        bin = gray ? pixConvertTo1(gray, ink_threshold(gray)) : NULL;
        pixDestroy(&gray);
    }
    if (!bin)
        return NULL;
    /* Specks and lone marks (up to a full stop's size) make no text line. */
    int s = 7 * dpi / 300 > 2 ? 7 * dpi / 300 : 2;
    PIX *clean = pixSelectBySize(bin, s, s, 8, L_SELECT_IF_EITHER,
                                 L_SELECT_IF_GTE, NULL);
    pixDestroy(&bin);
    return clean;
}

static band *find_bands(PIX *bin, int dpi, int *n_out)
{
    int h = pixGetHeight(bin);
    NUMA *rows = pixCountPixelsByRow(bin, NULL);
    band *b = vt_xmalloc(sizeof *b * ((size_t)h / 2 + 1));
    int n = 0;
    const int join_gap = 6 * dpi / 300, small = 10 * dpi / 300,
              small_gap = 25 * dpi / 300;
    for (int y = 0; y < h; y++) {
        l_int32 v = 0;
        numaGetIValue(rows, y, &v);
        if (v <= 0)
            continue;
        if (n && y - b[n - 1].bottom - 1 <= join_gap)
            b[n - 1].bottom = y;
        else
            b[n++] = (band){y, y};
    }
    numaDestroy(&rows);
    /* A row of diacritics is part of the line below it; anything else that
     * thin on its own is dirt. */
    int m = 0;
    for (int i = 0; i < n; i++) {
        bool tiny = b[i].bottom - b[i].top + 1 < small;
        if (m && (tiny || b[m - 1].bottom - b[m - 1].top + 1 < small) &&
            b[i].top - b[m - 1].bottom - 1 <= small_gap)
            b[m - 1].bottom = b[i].bottom;
        else
            b[m++] = b[i];
    }
    int k = 0;
    for (int i = 0; i < m; i++)
        if (b[i].bottom - b[i].top + 1 >= small)
            b[k++] = b[i];
    *n_out = k;
    return b;
}

/* Ink count per column within one band. */
static int *band_columns(PIX *bin, band b)
{
    int w = pixGetWidth(bin);
    int *cols = vt_xcalloc((size_t)w, sizeof *cols);
    BOX *box = boxCreate(0, b.top, w, b.bottom - b.top + 1);
    PIX *strip = pixClipRectangle(bin, box, NULL);
    boxDestroy(&box);
    if (strip) {
        NUMA *na = pixCountPixelsByColumn(strip);
        for (int x = 0; x < w && na; x++) {
            l_int32 v = 0;
            numaGetIValue(na, x, &v);
            cols[x] = v;
        }
        numaDestroy(&na);
        pixDestroy(&strip);
    }
    return cols;
}

/* Widest run of empty columns within [lo, hi); its width, bounds in *a, *b. */
static int widest_gap(const int *cols, int lo, int hi, int *a, int *b)
{
    int best = 0, start = -1;
    for (int x = lo; x <= hi; x++) {
        bool empty = x < hi && cols[x] == 0;
        if (empty && start < 0)
            start = x;
        if (!empty && start >= 0) {
            if (x - start > best) {
                best = x - start;
                *a = start;
                *b = x;
            }
            start = -1;
        }
    }
    return best;
}

static bool has_ink(const int *cols, int lo, int hi)
{
    for (int x = lo; x < hi; x++)
        if (cols[x])
            return true;
    return false;
}

/* Whether the empty run [a, b) of a band with ink on both sides is a
 * gutter between columns rather than a word space of one line across the
 * page (a centred trích yếu under the header): a line across has many
 * spaces as wide, two columns at most a blank or two (a number or day
 * left for the hand).  Spaces scale with the resolution as gutters do, so
 * no width in pixels tells them apart at 150 dpi and less. */
static bool gutter_stands_out(const int *cols, int w, int a, int b)
{
    int first = 0, last = w - 1, alike = 0;
    while (first < a && !cols[first])
        first++;
    while (last >= b && !cols[last])
        last--;
    for (int x = first, start = -1; x <= last + 1; x++) {
        bool empty = x <= last && (x < a || x >= b) && !cols[x];
        if (empty && start < 0)
            start = x;
        if (!empty && start >= 0) {
            if (3 * (x - start) >= 2 * (b - a))
                alike++;
            start = -1;
        }
    }
    return alike < 3;
}

/* Half the space between two bands, at most `cap`: room for ascenders and
 * marks the band edges may have cut. */
static int pad_between(const band *upper, const band *lower, int cap)
{
    int gap = lower->top - upper->bottom - 1;
    return gap / 2 < cap ? gap / 2 : cap;
}

/* The header's last band when it starts at band `s`, or -1: band s has
 * ink on both sides of a gutter of at least lim[2] pixels within
 * [lim[0], lim[1]), and each following band leaves part of that gutter
 * empty.  Once the right column has ended, the left one goes on only with
 * line spacing (at most lim[3]; the V/v lines): a wider gap starts the
 * body, whose first line ("Kính gửi:") may be short.  Once the left
 * column has ended (the type's name centred under the header reads as the
 * right one's), a band across the gutter is the trích yếu's first line
 * when the gap it leaves is one of its word spaces.  A header has at
 * least two bands.  The gutter found is left in *ga, *gb. */
static int header_run(PIX *bin, const band *bands, int n, int s, int h, const int lim[4],
                      int *ga, int *gb)
{
    int w = pixGetWidth(bin), end = -1;
    bool left_ended = false;
    for (int i = s; i < n && bands[i].top < h * 45 / 100; i++) {
        int *cols = band_columns(bin, bands[i]);
        int a = 0, b = 0;
        int gw = i == s ? widest_gap(cols, lim[0], lim[1], &a, &b)
                        : widest_gap(cols, *ga, *gb, &a, &b);
        bool ok = gw >= lim[2] &&
                  (i > s || (has_ink(cols, 0, a) && has_ink(cols, b, w)));
        if (ok && i > s && !has_ink(cols, b, w) &&
            bands[i].top - bands[i - 1].bottom - 1 > lim[3])
            ok = false;
        bool left = has_ink(cols, 0, a);
        if (ok && left_ended && left && has_ink(cols, b, w) && !gutter_stands_out(cols, w, a, b))
            ok = false;
        left_ended = !left;
        free(cols);
        if (!ok)
            break;
        *ga = a;
        *gb = b;
        end = i;
    }
    return end > s ? end : -1;
}

/* Footer, from the bottom up: the topmost of the bands below `stop` that
 * all leave a gutter of at least lim[2] pixels within [lim[0], lim[1])
 * empty (n when the last band does not); the gutter in *ga, *gb. */
static int footer_run(PIX *bin, const band *bands, int n, int stop, const int lim[3], int *ga,
                      int *gb)
{
    int first = n;
    *ga = lim[0];
    *gb = lim[1];
    for (int i = n - 1; i > stop; i--) {
        int *cols = band_columns(bin, bands[i]);
        int a = 0, b = 0;
        int gw = widest_gap(cols, *ga, *gb, &a, &b);
        free(cols);
        if (gw < lim[2])
            break;
        *ga = a;
        *gb = b;
        first = i;
    }
    return first;
}

bool vt_layout_find(PIX *page, int dpi, vt_layout *out)
{
    int w = pixGetWidth(page), h = pixGetHeight(page);
    memset(out, 0, sizeof *out);
    out->region[VT_REGION_BODY] = (vt_box){0, 0, w, h};
    if (dpi <= 0)
        dpi = 300;
    PIX *bin = ink_of(page, dpi);
    if (!bin)
        return false;
    int n;
    band *bands = find_bands(bin, dpi, &n);
    /* The header's columns may come within a few letters of each other
     * (a long body name beside the motto); the footer's stand further
     * apart, and a justified body line has wide word spaces. */
    const int header_gutter = 24 * dpi / 300, min_gutter = 40 * dpi / 300,
              cap = 12 * dpi / 300,
              line_gap = 40 * dpi / 300;
    const int lo = w / 5, hi = w * 3 / 4;

    /* Header: a band with ink on both sides of a gutter, and every
     * following band leaves (part of) that gutter empty.  Bands above it
     * that do not qualify (an e-signature overlay, a stamp, a mark such as
     * "HỎA TỐC", a scanner streak) are a region of their own, read first.
     * Below such bands the header starts in the page's top eighth, as
     * printed, and its gutter must be a wide one: on a last page, under
     * its page number, two lines of a justified paragraph may leave a
     * word space at one place, and Nơi nhận and the signer stand apart
     * too.  A header is short: a run of two-column bands taller than a
     * fifth of the page is a last page's body and footer. */
    int header_start = -1, header_end = -1, ga = 0, gb = 0;
    /* On a last page Nơi nhận and the signer may stand at the top: bands
     * that the footer's run from the bottom of the page reaches are no
     * header. */
    int footer_reach = footer_run(bin, bands, n, -1, (int[]){lo, hi, min_gutter}, &ga, &gb);
    for (int s = 0; s < footer_reach && header_end < 0 &&
                    bands[s].top < (s ? h / 8 : h * 30 / 100);
         s++) {
        header_end = header_run(bin, bands, n, s, h,
                                (int[]){lo, hi, s ? min_gutter : header_gutter, line_gap},
                                &ga, &gb);
        if (header_end >= 0 && bands[header_end].bottom - bands[s].top > h / 5)
            header_end = -1;
        if (header_end >= 0)
            header_start = s;
    }
    int body_top = 0;
    if (header_end >= 0) {
        int gx = (ga + gb) / 2;
        const band *first_band = &bands[header_start];
        int top = first_band->top -
                  (header_start > 0 ? pad_between(&bands[header_start - 1], first_band, cap)
                                    : (first_band->top < cap ? first_band->top : cap));
        if (header_start > 0)
            out->region[VT_REGION_ABOVE] = (vt_box){0, 0, w, top};
        body_top = bands[header_end].bottom + 1 +
                   (header_end + 1 < n ? pad_between(&bands[header_end],
                                                     &bands[header_end + 1], cap)
                                       : 0);
        out->region[VT_REGION_HEADER_LEFT] = (vt_box){0, top, gx, body_top - top};
        out->region[VT_REGION_HEADER_RIGHT] =
            (vt_box){gx, top, w - gx, body_top - top};
        out->header_gutter = gx;
    }

    int first = footer_run(bin, bands, n, header_end, (int[]){lo, hi, min_gutter}, &ga, &gb);
    int footer_top = -1;
    for (int i = first; i < n && footer_top < 0; i++) {
        int *cols = band_columns(bin, bands[i]);
        if (has_ink(cols, gb, w))
            footer_top = i;
        free(cols);
    }
    if (footer_top >= 0) {
        int gx = (ga + gb) / 2;
        int top = bands[footer_top].top -
                  (footer_top > 0 ? pad_between(&bands[footer_top - 1],
                                                &bands[footer_top], cap)
                                  : 0);
        if (top < body_top)
            top = body_top;
        out->region[VT_REGION_FOOTER_LEFT] = (vt_box){0, top, gx, h - top};
        out->region[VT_REGION_FOOTER_RIGHT] = (vt_box){gx, top, w - gx, h - top};
        out->footer_gutter = gx;
        out->region[VT_REGION_BODY] = (vt_box){0, body_top, w, top - body_top};
    } else {
        out->region[VT_REGION_BODY] = (vt_box){0, body_top, w, h - body_top};
    }
    free(bands);
    pixDestroy(&bin);
    return true;
}

vt_role vt_layout_role(int region)
{
    static const vt_role roles[VT_N_REGIONS] = {
        VT_ROLE_NONE, VT_ROLE_HEADER_LEFT, VT_ROLE_HEADER_RIGHT, VT_ROLE_BODY,
        VT_ROLE_FOOTER_LEFT, VT_ROLE_FOOTER_RIGHT};
    return region >= 0 && region < VT_N_REGIONS ? roles[region] : VT_ROLE_NONE;
}
