/* ingest.c — bytes in, pages out.  The kind of an input is decided from
 * its content; images are decoded with leptonica, PDF pages rasterised with
 * poppler or read from their text layer, text split into lines and words.  Every image page is decoded
 * once here, so that a damaged one is refused before any work is done (a
 * PDF page is only measured once past the bound: drawing it checks
 * nothing more), but only as many are kept as internal.h's bound allows;
 * vt_page_load decodes any page on its own again. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <leptonica/allheaders.h>
#include <poppler.h>
#include <qpdf/qpdf-c.h>

#include "internal.h"
#include "png_rows.h"

/* Inputs larger than this are refused before they are read. */
#define MAX_INPUT_BYTES ((size_t)1 << 30)

/* Where a PDF page's words come from (option pdf). */
enum { PDF_AUTO, PDF_OCR, PDF_TEXT };
static const char *const pdf_modes[] = {"auto", "ocr", "text", NULL};

#define PDF_DPI_MIN 50
#define PDF_DPI_MAX 1200

typedef struct {
    long max_pages;
    long max_megapixels; /* per page, before decoding: refuses decompression bombs */
    long pdf_dpi;
    int pdf;
    /* Text: every later stage holds a line whole and the document in
     * memory, so sizes far past any dispatch are refused up front. */
    long max_lines;
    long max_line_bytes;
} ingest_opts;

static const vt_option_spec ingest_options[] = {
    {"max-pages", VT_OPTION_INT, "2000", 1, 100000, NULL,
     "pages of one input at most", offsetof(ingest_opts, max_pages)},
    {"max-megapixels", VT_OPTION_INT, "150", 1, 4000, NULL,
     "pixels of one page at most, in millions", offsetof(ingest_opts, max_megapixels)},
    {"pdf-dpi", VT_OPTION_INT, "300", PDF_DPI_MIN, PDF_DPI_MAX, NULL,
     "resolution of a PDF page with no scanned image to go by",
     offsetof(ingest_opts, pdf_dpi)},
    {"pdf", VT_OPTION_CHOICE, "auto", 0, 0, pdf_modes,
     "a PDF page's words: its text layer where usable, else OCR (auto), or always one",
     offsetof(ingest_opts, pdf)},
    {"max-lines", VT_OPTION_INT, "200000", 1, 100000000, NULL,
     "lines of one text input at most", offsetof(ingest_opts, max_lines)},
    {"max-line-bytes", VT_OPTION_INT, "65536", 64, 1L << 30, NULL,
     "bytes of one text line at most", offsetof(ingest_opts, max_line_bytes)},
    {0},
};

static vt_status ingest_open(void **state, const void *opts, vt_error *err)
{
    (void)err;
    ingest_opts *o = vt_xmalloc(sizeof *o);
    *o = *(const ingest_opts *)opts;
    *state = o;
    return VT_OK;
}

static void ingest_close(void *state)
{
    free(state);
}

static vt_status check_size(const vt_doc *doc, const ingest_opts *o, int w, int h,
                            vt_error *err)
{
    if (w <= 0 || h <= 0)
        return vt_error_set(err, VT_EINPUT, "%s: image has no pixels", doc->path);
    if ((double)w * h > (double)o->max_megapixels * 1e6)
        return vt_error_set(err, VT_EINPUT,
                            "%s: image of %dx%d pixels is over the %ld megapixel limit "
                            "(option max-megapixels)", doc->path, w, h, o->max_megapixels);
    return VT_OK;
}

/* A page longer than this, in inches, is on no paper a dispatch is
 * printed on (A3 is 16.5 in). */
#define MAX_PAPER_INCHES 18.0

/* The resolution of a w x h page whose source declares `declared`: that
 * one, unless it makes the page longer than MAX_PAPER_INCHES (a scanner's
 * PDF placing each pixel on a point, 72 dpi) while its shape is a sheet's:
 * then the one that makes it A4 or US Letter, whichever is nearer its
 * shape, as scans of dispatches are.  Page and paper are matched by their
 * longer sides.  A page of another shape (a strip, a poster) says nothing
 * of its paper and keeps the declared resolution. */
static int paper_dpi(int w, int h, int declared)
{
    static const struct { double width, height; } papers[] = {{8.27, 11.69}, {8.5, 11.0}};
    double longer = MAX(w, h), shorter = MIN(w, h), shape = longer / shorter;
    if (longer / declared <= MAX_PAPER_INCHES)
        return declared;
    size_t best = 0;
    for (size_t i = 1; i < sizeof papers / sizeof *papers; i++)
        if (fabs(papers[i].height / papers[i].width - shape) <
            fabs(papers[best].height / papers[best].width - shape))
            best = i;
    double sheet = papers[best].height / papers[best].width;
    if (fabs(sheet - shape) > 0.1 * sheet)
        return declared;
    return (int)lround(longer / papers[best].height);
}

/* Record page `index`: its size and resolution.  `res` is the resolution
 * the source declares (0 when none: 300 is taken); the page's own is
 * paper_dpi's.  The store keeps the declared one: a PDF page is drawn at
 * it again. */
static vt_page *set_page(vt_doc *doc, size_t index, int w, int h, int res)
{
    vt_page *pg = index < doc->n_pages ? &doc->pages[index] : vt_doc_add_page(doc);
    bool declared = res >= 50 && res <= 2400;
    int source_dpi = declared ? res : 300;
    pg->width = w;
    pg->height = h;
    pg->dpi = declared ? paper_dpi(w, h, source_dpi) : source_dpi;
    pg->dpi_declared = pg->dpi != source_dpi ? source_dpi : 0;
    vt_page_store_get(pg)->source_dpi = source_dpi;
    return pg;
}

/* Record page `index` and keep its image while the document's decoded
 * pixels stay under VT_HELD_PIXELS_MAX; past that the page is decoded
 * again when a stage needs it. */
static vt_page *add_image_page(vt_doc *doc, size_t index, PIX *pix, size_t *held)
{
    vt_page *pg = set_page(doc, index, (int)pixGetWidth(pix), (int)pixGetHeight(pix),
                           (int)pixGetXRes(pix));
    pixDestroy(&pg->image);
    size_t bytes = vt_pix_bytes(pix);
    if (*held + bytes <= VT_HELD_PIXELS_MAX) {
        pg->image = pix;
        *held += bytes;
    } else {
        pixDestroy(&pix);
    }
    return pg;
}

static uint32_t tiff_u(const unsigned char *b, bool le, int n)
{
    uint32_t v = 0;
    for (int i = 0; i < n; i++)
        v |= (uint32_t)b[le ? i : n - 1 - i] << (8 * i);
    return v;
}

/* Walk the chain of image directories ourselves: libtiff reads a TIFF cut
 * short as one with fewer pages (a page lost silently), and each page's
 * size must be known before its pixels are decoded, since any page can be
 * a decompression bomb.  Reading directories by index instead costs time
 * in the square of the page count, so every page's directory offset is
 * kept (*offsets, caller frees) for decoding it on its own later. */
static vt_status tiff_directories(const vt_doc *doc, const ingest_opts *o,
                                  uint32_t **offsets, size_t *pages, vt_error *err)
{
    const unsigned char *b = doc->bytes;
    size_t len = doc->n_bytes;
    bool le = b[0] == 'I';
    uint32_t off = tiff_u(b + 4, le, 4);
    size_t n = 0, cap = 0;
    uint32_t *offs = NULL;
    vt_status st = VT_OK;
    for (; off != 0 && !st; n++) {
        if (n >= (size_t)o->max_pages) {
            st = vt_error_set(err, VT_EINPUT, "%s: more than the %ld pages allowed "
                              "(option max-pages)", doc->path, o->max_pages);
            break;
        }
        if (off < 8 || (size_t)off + 2 > len) {
            st = vt_error_set(err, VT_EINPUT, "%s: TIFF is truncated (page %zu's "
                              "directory lies past the end of the file)", doc->path, n + 1);
            break;
        }
        size_t entries = tiff_u(b + off, le, 2);
        size_t next = (size_t)off + 2 + 12 * entries;
        if (next + 4 > len) {
            st = vt_error_set(err, VT_EINPUT, "%s: TIFF is truncated in page %zu's "
                              "directory", doc->path, n + 1);
            break;
        }
        long dims[2] = {0, 0}; /* ImageWidth (256), ImageLength (257) */
        for (size_t e = 0; e < entries; e++) {
            const unsigned char *ent = b + off + 2 + 12 * e;
            uint32_t tag = tiff_u(ent, le, 2), type = tiff_u(ent + 2, le, 2);
            if (tag == 256 || tag == 257)
                dims[tag - 256] = type == 3 ? tiff_u(ent + 8, le, 2) : tiff_u(ent + 8, le, 4);
        }
        st = check_size(doc, o, (int)(dims[0] > INT32_MAX ? -1 : dims[0]),
                        (int)(dims[1] > INT32_MAX ? -1 : dims[1]), err);
        if (st)
            vt_error_prefix(err, "page %zu: ", n + 1);
        VT_GROW(offs, n, cap);
        offs[n] = off;
        off = tiff_u(b + next, le, 4);
    }
    if (!st && n == 0)
        st = vt_error_set(err, VT_EINPUT, "%s: TIFF has no pages", doc->path);
    if (st) {
        free(offs);
        return st;
    }
    *offsets = offs;
    *pages = n;
    return VT_OK;
}

/* One page of a TIFF, from its directory's offset. */
static PIX *tiff_page(const vt_doc *doc, uint32_t offset)
{
    size_t next = offset;
    return pixReadMemFromMultipageTiff(doc->bytes, doc->n_bytes, &next);
}

static vt_status load_tiff(vt_doc *doc, const ingest_opts *o, vt_error *err)
{
    uint32_t *offs;
    size_t n, held = 0;
    vt_status st = tiff_directories(doc, o, &offs, &n, err);
    if (st)
        return st;
    for (size_t i = 0; i < n && !st; i++) {
        PIX *pix = tiff_page(doc, offs[i]);
        if (!pix)
            st = vt_error_set(err, VT_EINPUT, "%s: page %zu of the TIFF is damaged "
                              "or truncated", doc->path, i + 1);
        else
            vt_page_store_get(add_image_page(doc, i, pix, &held))->tiff_offset = offs[i];
    }
    free(offs);
    if (!st)
        doc->page_count = n;
    return st;
}

/* A one-image source (PNG, JPEG, PNM): its size checked before decoding. */
static PIX *single_image(const vt_doc *doc, const ingest_opts *o, vt_error *err)
{
    l_int32 format, w, h, bps, spp, cmap;
    if (pixReadHeaderMem(doc->bytes, doc->n_bytes, &format, &w, &h, &bps, &spp, &cmap) != 0) {
        vt_error_set(err, VT_EINPUT, "%s: %s header is damaged or truncated", doc->path,
                     vt_kind_name(doc->kind));
        return NULL;
    }
    if (check_size(doc, o, w, h, err))
        return NULL;
    PIX *pix;
    if (doc->kind == VT_KIND_JPEG) {
        l_int32 warnings = 0;
        pix = pixReadMemJpeg(doc->bytes, doc->n_bytes, 0, 1, &warnings, 0);
        /* libjpeg pads a truncated stream with grey and only warns. */
        if (pix && warnings > 0)
            pixDestroy(&pix);
    } else if (doc->kind == VT_KIND_PNG && vt_png_is_rgb(doc->bytes, doc->n_bytes)) {
        pix = vt_png_read_rgb(doc->bytes, doc->n_bytes);
    } else {
        pix = pixReadMem(doc->bytes, doc->n_bytes);
    }
    if (!pix)
        vt_error_set(err, VT_EINPUT, "%s: %s image is damaged or truncated", doc->path,
                     vt_kind_name(doc->kind));
    return pix;
}

static vt_status load_image(vt_doc *doc, const ingest_opts *o, vt_error *err)
{
    l_int32 format, w, h, bps, spp, cmap;
    if (doc->kind == VT_KIND_TIFF) {
        /* The first page's header must read before the directories are
         * walked, as for any image. */
        if (pixReadHeaderMem(doc->bytes, doc->n_bytes, &format, &w, &h, &bps, &spp,
                             &cmap) != 0)
            return vt_error_set(err, VT_EINPUT, "%s: TIFF header is damaged or truncated",
                                doc->path);
        vt_status st = check_size(doc, o, w, h, err);
        return st ? st : load_tiff(doc, o, err);
    }
    PIX *pix = single_image(doc, o, err);
    if (!pix)
        return err ? err->status : VT_EINPUT;
    size_t held = 0;
    add_image_page(doc, 0, pix, &held);
    doc->page_count = 1;
    return VT_OK;
}

/* poppler is used from one thread at a time: pages may be loaded side by
 * side (ocr's page threads), and its documents are not meant to be shared. */
static pthread_mutex_t pdf_lock = PTHREAD_MUTEX_INITIALIZER;

/* The PDF source, or NULL with err set.  Call with pdf_lock held. */
static PopplerDocument *open_pdf(const vt_doc *doc, vt_error *err)
{
    GError *gerr = NULL;
    GBytes *bytes = g_bytes_new_static(doc->bytes, doc->n_bytes);
    PopplerDocument *pdf = poppler_document_new_from_bytes(bytes, NULL, &gerr);
    g_bytes_unref(bytes);
    if (!pdf)
        vt_error_set(err, VT_EINPUT, "%s: PDF cannot be read: %s", doc->path,
                     gerr ? gerr->message : "unknown error");
    g_clear_error(&gerr);
    return pdf;
}

/* PDF page `index` (caller unrefs), or NULL with err set.  Call with
 * pdf_lock held. */
static PopplerPage *pdf_page(PopplerDocument *pdf, int index, const char *path,
                             vt_error *err)
{
    PopplerPage *page = poppler_document_get_page(pdf, index);
    if (!page)
        vt_error_set(err, VT_EINPUT, "%s: PDF page %d is damaged", path, index + 1);
    return page;
}

/* The size in pixels of a page drawn at dpi, checked against the limits. */
static vt_status pdf_page_size(PopplerPage *page, long dpi, const ingest_opts *o,
                               const char *path, int *w, int *h, vt_error *err)
{
    double wpt, hpt;
    poppler_page_get_size(page, &wpt, &hpt);
    *w = (int)(wpt * dpi / 72.0 + 0.5);
    *h = (int)(hpt * dpi / 72.0 + 0.5);
    vt_doc probe = {.path = (char *)path};
    return check_size(&probe, o, *w, *h, err);
}

/* The pixel sizes of the images a PDF page can draw, read from their
 * objects' /Width and /Height before any is decoded: images of its
 * resources, their soft masks and masks, and the images of the forms it
 * draws, each object once (a form may draw itself). */
typedef struct {
    long width, height;
} image_size;

static long int_key(qpdf_data q, qpdf_oh dict, const char *key)
{
    qpdf_oh v = qpdf_oh_get_key(q, dict, key);
    return qpdf_oh_is_integer(q, v) ? (long)qpdf_oh_get_int_value(q, v) : 0;
}

static void add_image(qpdf_data q, qpdf_oh dict, GHashTable *seen, GArray *sizes)
{
    image_size size = {int_key(q, dict, "/Width"), int_key(q, dict, "/Height")};
    g_array_append_val(sizes, size);
    for (const char *const *key = (const char *const[]){"/SMask", "/Mask", NULL}; *key; key++) {
        qpdf_oh mask = qpdf_oh_get_key(q, dict, *key);
        int id = qpdf_oh_get_object_id(q, mask);
        if (qpdf_oh_is_stream(q, mask) && g_hash_table_add(seen, GINT_TO_POINTER(id)))
            add_image(q, qpdf_oh_get_dict(q, mask), seen, sizes);
    }
}

static void page_images(qpdf_data q, qpdf_oh resources, GHashTable *seen, GArray *sizes)
{
    qpdf_oh xobjects = qpdf_oh_get_key(q, resources, "/XObject");
    if (!qpdf_oh_is_dictionary(q, xobjects))
        return;
    /* qpdf iterates one dictionary at a time: the entries first, then the
     * forms among them. */
    GArray *entries = g_array_new(FALSE, FALSE, sizeof(qpdf_oh));
    qpdf_oh_begin_dict_key_iter(q, xobjects);
    while (qpdf_oh_dict_more_keys(q)) {
        qpdf_oh x = qpdf_oh_get_key(q, xobjects, qpdf_oh_dict_next_key(q));
        g_array_append_val(entries, x);
    }
    for (guint i = 0; i < entries->len; i++) {
        qpdf_oh x = g_array_index(entries, qpdf_oh, i);
        int id = qpdf_oh_get_object_id(q, x);
        if (!qpdf_oh_is_stream(q, x) || (id > 0 && !g_hash_table_add(seen, GINT_TO_POINTER(id))))
            continue;
        qpdf_oh dict = qpdf_oh_get_dict(q, x);
        qpdf_oh subtype = qpdf_oh_get_key(q, dict, "/Subtype");
        if (qpdf_oh_is_name_and_equals(q, subtype, "/Image"))
            add_image(q, dict, seen, sizes);
        else if (qpdf_oh_is_name_and_equals(q, subtype, "/Form"))
            page_images(q, qpdf_oh_get_key(q, dict, "/Resources"), seen, sizes);
    }
    g_array_free(entries, TRUE);
}

/* The sizes of page `index`'s images (caller frees), or NULL with err set
 * when one is over the max-megapixels limit: poppler would decode it in
 * full to draw the page. */
static GArray *checked_page_images(qpdf_data q, int index, const ingest_opts *o,
                                   const char *path, vt_error *err)
{
    GArray *sizes = g_array_new(FALSE, FALSE, sizeof(image_size));
    GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    page_images(q, qpdf_oh_get_key(q, qpdf_get_page_n(q, (size_t)index), "/Resources"), seen,
                sizes);
    g_hash_table_destroy(seen);
    for (guint i = 0; i < sizes->len; i++) {
        const image_size *s = &g_array_index(sizes, image_size, i);
        if ((double)s->width * s->height > (double)o->max_megapixels * 1e6) {
            vt_error_set(err, VT_EINPUT, "%s: page %d: image of %ldx%ld pixels is over the "
                         "%ld megapixel limit (option max-megapixels)", path, index + 1,
                         s->width, s->height, o->max_megapixels);
            g_array_free(sizes, TRUE);
            return NULL;
        }
    }
    return sizes;
}

/* How far the shapes of an image and the area it is placed in differ,
 * either way round. */
static double shape_gap(double iw, double ih, double bw, double bh)
{
    return fabs(log(fmax(iw, ih) / fmin(iw, ih)) - log(fmax(bw, bh) / fmin(bw, bh)));
}

/* The resolution of the image that covers most of a PDF page, as
 * `pdfimages -list` gives it (its pixels over the size it is placed at),
 * so that a scanned page is drawn pixel for pixel whatever size its page
 * box claims; `fallback` for a page with no image over half its area
 * (drawn text and graphics).  poppler tells where images are placed, the
 * page's image objects `sizes` their pixels: the placed image is the one
 * of its shape, the largest of them when several are.  Within the pdf-dpi
 * option's range.  Call with pdf_lock held. */
static long image_dpi(PopplerPage *page, const GArray *sizes, long fallback)
{
    double wpt, hpt;
    poppler_page_get_size(page, &wpt, &hpt);
    GList *maps = poppler_page_get_image_mapping(page);
    double bw = 0, bh = 0;
    for (GList *l = maps; l; l = l->next) {
        const PopplerImageMapping *m = l->data;
        double w = fabs(m->area.x2 - m->area.x1), h = fabs(m->area.y2 - m->area.y1);
        if (w * h > bw * bh) {
            bw = w;
            bh = h;
        }
    }
    poppler_page_free_image_mapping(maps);
    const image_size *best = NULL;
    for (guint i = 0; bw * bh >= 0.5 * wpt * hpt && i < sizes->len; i++) {
        const image_size *s = &g_array_index(sizes, image_size, i);
        if (s->width <= 0 || s->height <= 0)
            continue;
        double gap = best ? shape_gap(s->width, s->height, bw, bh) -
                                shape_gap(best->width, best->height, bw, bh)
                          : -1;
        if (gap < -1e-3 || (gap < 1e-3 && s->width * s->height > best->width * best->height))
            best = s;
    }
    if (!best)
        return fallback;
    double iw = best->width, ih = best->height;
    if ((iw > ih) != (bw > bh)) { /* placed a quarter turn round */
        double t = bw;
        bw = bh;
        bh = t;
    }
    long dpi = lround(fmax(iw / bw, ih / bh) * 72.0);
    return dpi < PDF_DPI_MIN ? PDF_DPI_MIN : dpi > PDF_DPI_MAX ? PDF_DPI_MAX : dpi;
}

/* Whether a page's text layer is worth taking: some word has a letter, and
 * at most a tenth of its characters are glyphs with no Unicode meaning
 * (U+FFFD or private use, a font without a character map), which read as
 * nothing. */
static bool text_usable(const char *text)
{
    long letters = 0, unmapped = 0, shown = 0;
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        gunichar ch = g_utf8_get_char(p);
        if (g_unichar_isspace(ch))
            continue;
        shown++;
        if (ch == 0xFFFD || (ch >= 0xE000 && ch <= 0xF8FF))
            unmapped++;
        else if (g_unichar_isalpha(ch))
            letters++;
    }
    return letters > 0 && unmapped * 10 <= shown;
}

static void box_join(vt_box *into, vt_box b)
{
    if (into->w <= 0) {
        *into = b;
        return;
    }
    int x2 = MAX(into->x + into->w, b.x + b.w), y2 = MAX(into->y + into->h, b.y + b.h);
    into->x = MIN(into->x, b.x);
    into->y = MIN(into->y, b.y);
    into->w = x2 - into->x;
    into->h = y2 - into->y;
}

/* The page's words from its text layer `text`, in poppler's reading order,
 * a line for each of its lines and one block for the page, NFC as OCR's;
 * boxes in pixels at `scale` pixels a point.  poppler gives a rectangle
 * for each character of the page's text, top-left origin.  Call with
 * pdf_lock held. */
static void read_text_layer(vt_page *pg, PopplerPage *page, const char *text, double scale)
{
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    if (!poppler_page_get_text_layout(page, &rects, &n_rects))
        n_rects = 0;
    vt_block *blk = NULL;
    vt_line *ln = NULL;
    guint at = 0; /* the character p is at */
    for (const char *p = text; *p;) {
        gunichar ch = g_utf8_get_char(p);
        if (ch == '\n' || g_unichar_isspace(ch)) {
            if (ch == '\n')
                ln = NULL;
            p = g_utf8_next_char(p);
            at++;
            continue;
        }
        const char *start = p;
        double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
        bool boxed = false;
        for (; *p && !g_unichar_isspace(g_utf8_get_char(p)); p = g_utf8_next_char(p), at++) {
            if (at >= n_rects)
                continue;
            const PopplerRectangle *r = &rects[at];
            x1 = boxed ? fmin(x1, r->x1) : r->x1;
            y1 = boxed ? fmin(y1, r->y1) : r->y1;
            x2 = boxed ? fmax(x2, r->x2) : r->x2;
            y2 = boxed ? fmax(y2, r->y2) : r->y2;
            boxed = true;
        }
        gchar *word = g_utf8_normalize(start, p - start, G_NORMALIZE_DEFAULT_COMPOSE);
        vt_box box = {0};
        if (boxed) {
            box.x = (int)lround(x1 * scale);
            box.y = (int)lround(y1 * scale);
            box.w = MAX(1, (int)lround(x2 * scale) - box.x);
            box.h = MAX(1, (int)lround(y2 * scale) - box.y);
        }
        if (!blk)
            blk = vt_page_add_block(pg, VT_ROLE_NONE);
        if (!ln)
            ln = vt_block_add_line(blk);
        vt_line_add_word(ln, word, NULL, box, -1);
        if (boxed) {
            box_join(&ln->box, box);
            box_join(&blk->box, box);
        }
        g_free(word);
    }
    g_free(rects);
}

/* Rasterise a PDF page, w x h pixels at dpi, into a 32 bpp PIX.  Call with
 * pdf_lock held. */
static PIX *draw_pdf_page(PopplerPage *page, int w, int h, long dpi, const char *path,
                          vt_error *err)
{
    cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surf);
        vt_error_set(err, VT_EINTERNAL, "%s: cannot allocate a %dx%d page", path, w, h);
        return NULL;
    }
    cairo_t *cr = cairo_create(surf);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, dpi / 72.0, dpi / 72.0);
    poppler_page_render_for_printing(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(surf);
    PIX *pix = pixCreate(w, h, 32);
    const unsigned char *data = cairo_image_surface_get_data(surf);
    int stride = cairo_image_surface_get_stride(surf);
    for (int y = 0; y < h; y++) {
        const uint32_t *src = (const uint32_t *)(data + (size_t)y * stride);
        l_uint32 *dst = pixGetData(pix) + (size_t)y * pixGetWpl(pix);
        for (int x = 0; x < w; x++) {
            uint32_t v = src[x];
            composeRGBPixel((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff, dst + x);
        }
    }
    cairo_surface_destroy(surf);
    pixSetResolution(pix, (l_int32)dpi, (l_int32)dpi);
    return pix;
}

/* Page `index` of the PDF into the document: from its text layer (option
 * pdf: always with text, with auto when the layer is usable), else drawn
 * at its scanned image's resolution for OCR.  *held counts the pixels
 * kept; past the bound a drawn page is only measured: drawing it would
 * check nothing that its page object and size have not.  Call with
 * pdf_lock held. */
static vt_status load_pdf_page(vt_doc *doc, PopplerDocument *pdf, qpdf_data q, int index,
                               const ingest_opts *o, size_t *held, vt_error *err)
{
    PopplerPage *page = pdf_page(pdf, index, doc->path, err);
    if (!page)
        return err ? err->status : VT_EINPUT;
    char *text = o->pdf == PDF_OCR ? NULL : poppler_page_get_text(page);
    if (text && !g_utf8_validate(text, -1, NULL)) {
        char *valid = g_utf8_make_valid(text, -1);
        g_free(text);
        text = valid;
    }
    bool layer = o->pdf == PDF_TEXT || (o->pdf == PDF_AUTO && text && text_usable(text));
    long dpi = o->pdf_dpi;
    vt_status st = VT_OK;
    if (!layer) {
        GArray *images = checked_page_images(q, index, o, doc->path, err);
        if (images) {
            dpi = image_dpi(page, images, o->pdf_dpi);
            g_array_free(images, TRUE);
        } else {
            st = err ? err->status : VT_EINPUT;
        }
    }
    int w, h;
    if (!st)
        st = pdf_page_size(page, dpi, o, doc->path, &w, &h, err);
    if (!st && layer) {
        vt_page *pg = set_page(doc, (size_t)index, w, h, (int)dpi);
        pg->text_from = VT_TEXT_SOURCE_LAYER;
        read_text_layer(pg, page, text ? text : "", dpi / 72.0);
    } else if (!st && *held + (size_t)w * h * 4 > VT_HELD_PIXELS_MAX) {
        set_page(doc, (size_t)index, w, h, (int)dpi)->text_from = VT_TEXT_SOURCE_OCR;
    } else if (!st) {
        PIX *pix = draw_pdf_page(page, w, h, dpi, doc->path, err);
        if (pix)
            add_image_page(doc, (size_t)index, pix, held)->text_from = VT_TEXT_SOURCE_OCR;
        else
            st = err ? err->status : VT_EINPUT;
    }
    g_free(text);
    g_object_unref(page);
    return st;
}

/* The PDF as qpdf reads it, for its objects (images' sizes), or NULL with
 * err set when qpdf cannot read it or finds other than `pages` pages. */
static qpdf_data read_qpdf(const vt_doc *doc, int pages, vt_error *err)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    if (qpdf_read_memory(q, doc->path, (const char *)doc->bytes, doc->n_bytes, NULL) !=
            QPDF_SUCCESS || qpdf_has_error(q)) {
        vt_error_set(err, VT_EINPUT, "%s: PDF cannot be read: %s", doc->path,
                     qpdf_has_error(q) ? qpdf_get_error_full_text(q, qpdf_get_error(q))
                                       : "unknown error");
    } else if (qpdf_get_num_pages(q) != pages) {
        vt_error_set(err, VT_EINPUT, "%s: PDF's page tree is damaged (%d pages, or %d)",
                     doc->path, pages, qpdf_get_num_pages(q));
    } else {
        return q;
    }
    qpdf_cleanup(&q);
    return NULL;
}

static vt_status load_pdf(vt_doc *doc, const ingest_opts *o, vt_error *err)
{
    pthread_mutex_lock(&pdf_lock);
    PopplerDocument *pdf = open_pdf(doc, err);
    if (!pdf) {
        pthread_mutex_unlock(&pdf_lock);
        return err ? err->status : VT_EINPUT;
    }
    int n = poppler_document_get_n_pages(pdf);
    vt_status st = VT_OK;
    if (n <= 0)
        st = vt_error_set(err, VT_EINPUT, "%s: PDF has no pages", doc->path);
    else if (n > o->max_pages)
        st = vt_error_set(err, VT_EINPUT, "%s: %d pages is more than the %ld allowed "
                          "(option max-pages)", doc->path, n, o->max_pages);
    qpdf_data q = st ? NULL : read_qpdf(doc, n, err);
    if (!st && !q)
        st = err ? err->status : VT_EINPUT;
    size_t held = 0;
    for (int i = 0; !st && i < n; i++)
        st = load_pdf_page(doc, pdf, q, i, o, &held, err);
    if (q)
        qpdf_cleanup(&q);
    g_object_unref(pdf);
    pthread_mutex_unlock(&pdf_lock);
    if (!st)
        doc->page_count = (size_t)n;
    return st;
}

static vt_status check_text_size(const vt_doc *doc, const ingest_opts *o, vt_error *err)
{
    const char *b = (const char *)doc->bytes, *end = b + doc->n_bytes;
    long lines = 0;
    for (const char *line = b; line < end; lines++) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t len = (size_t)((nl ? nl : end) - line);
        if (len > (size_t)o->max_line_bytes)
            return vt_error_set(err, VT_EINPUT, "%s: line %ld is %zu bytes, more than the "
                                "%ld allowed (option max-line-bytes)", doc->path,
                                lines + 1, len, o->max_line_bytes);
        if (lines >= o->max_lines)
            return vt_error_set(err, VT_EINPUT, "%s: more than the %ld lines allowed "
                                "(option max-lines)", doc->path, o->max_lines);
        line = nl ? nl + 1 : end;
    }
    return VT_OK;
}

static vt_status load_bytes(vt_doc *doc, vt_error *err)
{
    if (doc->bytes)
        return VT_OK;
    char *buf;
    size_t len;
    vt_status st = vt_read_file(doc->path, MAX_INPUT_BYTES, &buf, &len, err);
    if (st)
        return st;
    doc->bytes = (unsigned char *)buf;
    doc->n_bytes = len;
    return VT_OK;
}

static bool has_pixels(vt_kind kind)
{
    return kind == VT_KIND_PNG || kind == VT_KIND_JPEG || kind == VT_KIND_TIFF ||
           kind == VT_KIND_PNM || kind == VT_KIND_PDF;
}

static vt_status load_pixels(vt_doc *doc, const ingest_opts *o, vt_error *err)
{
    vt_status st = doc->kind == VT_KIND_PDF ? load_pdf(doc, o, err) : load_image(doc, o, err);
    /* The source stays while some page has to be decoded from it again. */
    bool all_held = true;
    for (size_t p = 0; p < doc->n_pages; p++)
        all_held &= doc->pages[p].image != NULL ||
                    doc->pages[p].text_from == VT_TEXT_SOURCE_LAYER;
    if (st || all_held)
        vt_doc_close_source(doc);
    return st;
}

static vt_status ingest_run(void *state, vt_doc *doc, vt_error *err)
{
    const ingest_opts *o = state;
    vt_status st = load_bytes(doc, err);
    if (st)
        return st;
    if (doc->n_bytes == 0)
        return vt_error_set(err, VT_EINPUT, "%s: empty file", doc->path);
    /* A caller that already hashed the bytes (a batch deciding whether to
     * skip them) has filled it in; large scans are not hashed twice. */
    if (!doc->sha256[0])
        vt_sha256_hex(doc->bytes, doc->n_bytes, doc->sha256);
    doc->kind = vt_sniff(doc->bytes, doc->n_bytes);
    if (has_pixels(doc->kind))
        return load_pixels(doc, o, err);
    switch (doc->kind) {
    case VT_KIND_TEXT:
        st = check_text_size(doc, o, err);
        if (!st)
            st = vt_doc_read_text(doc, (const char *)doc->bytes, doc->n_bytes, err);
        break;
    case VT_KIND_RECORD:
        st = vt_error_set(err, VT_EINPUT, "%s: is a vanthu record; resume it with --from",
                          doc->path);
        break;
    default:
        st = vt_error_set(err, VT_EINPUT, "%s: not an image, PDF or UTF-8 text "
                          "(unrecognised content)", doc->path);
    }
    vt_doc_close_source(doc);
    return st;
}

/* Limits for the source read again: these very bytes, or bytes of the same
 * SHA-256 for a resumed record, passed ingest under its own. */
static const ingest_opts again_opts = {.max_pages = 100000, .max_megapixels = 4000,
                                       .pdf_dpi = 300};

vt_status vt_doc_open_source(vt_doc *doc, vt_error *err)
{
    if (doc->bytes)
        return VT_OK;
    if (!has_pixels(doc->kind))
        return vt_error_set(err, VT_EINPUT, "%s: a %s input has no page images",
                            doc->path, vt_kind_name(doc->kind));
    vt_status st = load_bytes(doc, err);
    if (st)
        return st;
    char sha[65];
    vt_sha256_hex(doc->bytes, doc->n_bytes, sha);
    size_t n = 1;
    if (doc->sha256[0] && strcmp(sha, doc->sha256) != 0)
        st = vt_error_set(err, VT_EINPUT, "%s: the file has changed since its record "
                          "was made (SHA-256 differs)", doc->path);
    else if (vt_sniff(doc->bytes, doc->n_bytes) != doc->kind)
        st = vt_error_set(err, VT_EINPUT, "%s: is no longer a %s file", doc->path,
                          vt_kind_name(doc->kind));
    else if (doc->kind == VT_KIND_TIFF) {
        uint32_t *offs;
        st = tiff_directories(doc, &again_opts, &offs, &n, err);
        for (size_t p = 0; !st && p < n && p < doc->n_pages; p++)
            vt_page_store_get(&doc->pages[p])->tiff_offset = offs[p];
        if (!st)
            free(offs);
    } else if (doc->kind == VT_KIND_PDF) {
        pthread_mutex_lock(&pdf_lock);
        PopplerDocument *pdf = open_pdf(doc, err);
        if (pdf) {
            n = (size_t)poppler_document_get_n_pages(pdf);
            g_object_unref(pdf);
        } else {
            st = err ? err->status : VT_EINPUT;
        }
        pthread_mutex_unlock(&pdf_lock);
    }
    if (!st && n != doc->n_pages)
        st = vt_error_set(err, VT_EINPUT, "%s: has %zu pages, its record %zu", doc->path,
                          n, doc->n_pages);
    if (st)
        vt_doc_close_source(doc);
    return st;
}

void vt_doc_close_source(vt_doc *doc)
{
    free(doc->bytes);
    doc->bytes = NULL;
    doc->n_bytes = 0;
}

PIX *vt_page_load(vt_doc *doc, size_t index, vt_error *err)
{
    vt_page *pg = &doc->pages[index];
    if (pg->image)
        return pixClone(pg->image);
    if (!doc->bytes) {
        vt_error_set(err, VT_EINTERNAL, "%s: page %zu: source not open", doc->path,
                     index + 1);
        return NULL;
    }
    PIX *pix = NULL;
    if (doc->kind == VT_KIND_PDF) {
        /* At the resolution ingest drew it: noted in the store, or for a
         * resumed record the one the PDF declares where the page was given
         * another, else the page's own (a record of schema 2.1 or older
         * gives the prepared page's: vt_page_prepared then notes the
         * original). */
        long dpi = pg->store && pg->store->source_dpi > 0 ? pg->store->source_dpi
                   : pg->dpi_declared > 0                 ? pg->dpi_declared
                   : pg->dpi > 0                          ? pg->dpi
                                                          : again_opts.pdf_dpi;
        pthread_mutex_lock(&pdf_lock);
        PopplerDocument *pdf = open_pdf(doc, err);
        int w, h;
        PopplerPage *page = pdf ? pdf_page(pdf, (int)index, doc->path, err) : NULL;
        if (page && !pdf_page_size(page, dpi, &again_opts, doc->path, &w, &h, err))
            pix = draw_pdf_page(page, w, h, dpi, doc->path, err);
        if (page)
            g_object_unref(page);
        if (pdf)
            g_object_unref(pdf);
        pthread_mutex_unlock(&pdf_lock);
    } else if (doc->kind == VT_KIND_TIFF) {
        pix = tiff_page(doc, pg->store ? pg->store->tiff_offset : 0);
        if (!pix)
            vt_error_set(err, VT_EINPUT, "%s: page %zu of the TIFF is damaged or "
                         "truncated", doc->path, index + 1);
    } else {
        pix = single_image(doc, &again_opts, err);
    }
    return pix;
}

const vt_stage_class vt_stage_ingest = {
    .name = "ingest",
    .summary = "read an image, TIFF, PDF or UTF-8 text into pages",
    .options = ingest_options,
    .options_size = sizeof(ingest_opts),
    .open = ingest_open,
    .run = ingest_run,
    .close = ingest_close,
};
