/* pdf.c — a searchable PDF/A-2b for archives: each page is the scan's own
 * image at its own resolution and, over it, the corrected words as
 * invisible text (render mode 3) at their boxes, so that a viewer shows
 * the page as scanned and finds the corrected words.
 *
 * The image is not re-encoded where the source's compression can go into
 * a PDF as it is: a JPEG's bytes become the DCTDecode stream and a PNG's
 * image data a FlateDecode stream with its predictors (leptonica's pdfio
 * extracts both).  Other pages (TIFF, PNM, a PNG with alpha) are the
 * decoded pixels compressed losslessly: CCITT G4 for one bit, Flate else.
 * A PDF input is refused: its own pages would have to be carried over,
 * which a PDF writer of this size does not do.
 *
 * The words are laid out in the coordinates of the page as OCR saw it
 * (after preprocess scaled, turned and deskewed it): each word's place
 * with the deskew undone, under one matrix that undoes the turn and the
 * scaling, so each word lands on the scan where it is printed.
 * The font is Tesseract's glyph-less one (every code maps to one blank
 * glyph half an em wide); each word is stretched to its box's width and
 * its size is the box's height.  A ToUnicode map gives each code its
 * character, which is what search and copy read.
 *
 * PDF/A-2b asks for the XMP metadata (here the record's Dublin Core and
 * the PDF/A identification, matched by the Info dictionary), an output
 * intent (sRGB), embedded fonts, a document ID and no encryption.  The
 * ID is a digest of the file, so the same record gives the same bytes. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <leptonica/allheaders.h>

#include "format.h"

/* Build-time copies of Tesseract's pdf.ttf and an sRGB ICC profile
 * (pdf_assets.c, made by embed.py). */
extern const unsigned char vt_pdf_font[], vt_pdf_srgb[];
extern const size_t vt_pdf_font_size, vt_pdf_srgb_size;

/* The glyph-less font's one glyph is half an em wide (1024 of 2048 units). */
#define GLYPH_WIDTH 500

typedef struct {
    GString *out;
    GArray *offsets; /* size_t byte offset of each object, by number; 0 unused */
    GHashTable *cids; /* code point -> CID, from 1 */
    GArray *chars;    /* gunichar of each CID, index CID - 1 */
} pdf_writer;

static size_t obj_reserve(pdf_writer *w)
{
    size_t zero = 0;
    g_array_append_val(w->offsets, zero);
    return w->offsets->len - 1;
}

static void obj_begin(pdf_writer *w, size_t n)
{
    g_array_index(w->offsets, size_t, n) = w->out->len;
    g_string_append_printf(w->out, "%zu 0 obj\n", n);
}

static void obj_end(pdf_writer *w)
{
    g_string_append(w->out, "endobj\n");
}

/* Object n: a stream of `data` with the dictionary entries `dict` besides
 * its /Length. */
static void put_stream(pdf_writer *w, size_t n, const char *dict, const void *data,
                       size_t len)
{
    obj_begin(w, n);
    g_string_append_printf(w->out, "<< %s /Length %zu >>\nstream\n", dict, len);
    g_string_append_len(w->out, data, (gssize)len);
    g_string_append(w->out, "\nendstream\n");
    obj_end(w);
}

/* A PDF text string: UTF-16BE with its byte order mark, in hex. */
static void put_text_string(GString *out, const char *utf8)
{
    glong n = 0;
    gunichar2 *u = g_utf8_to_utf16(utf8, -1, NULL, &n, NULL);
    g_string_append(out, "<FEFF");
    for (glong i = 0; u && i < n; i++)
        g_string_append_printf(out, "%04X", u[i]);
    g_string_append_c(out, '>');
    g_free(u);
}

/* --------------------------------------------------------------- images */

/* The source read again and checked against the record's SHA-256: a
 * document with the source's pages, which vt_page_load decodes. */
static vt_doc *open_source(const vt_doc *doc, vt_error *err)
{
    if (doc->kind == VT_KIND_TEXT || doc->kind == VT_KIND_RECORD) {
        vt_error_set(err, VT_EINPUT, "%s: a %s input has no page images to make a PDF of",
                     doc->path, vt_kind_name(doc->kind));
        return NULL;
    }
    if (doc->kind == VT_KIND_PDF) {
        vt_error_set(err, VT_EINPUT, "%s: -f pdf makes PDFs of image scans (PNG, JPEG, "
                     "TIFF, PNM); a PDF input keeps its own file", doc->path);
        return NULL;
    }
    if (!doc->path || strcmp(doc->path, "-") == 0) {
        vt_error_set(err, VT_EINPUT, "standard input: -f pdf reads the scan again and "
                     "needs it as a file");
        return NULL;
    }
    vt_doc *src = vt_doc_new(doc->path);
    src->kind = doc->kind;
    memcpy(src->sha256, doc->sha256, sizeof src->sha256);
    for (size_t p = 0; p < doc->n_pages; p++)
        vt_doc_add_page(src);
    if (vt_doc_open_source(src, err)) {
        vt_doc_free(src);
        return NULL;
    }
    return src;
}

/* Page `index` of the source as PDF image data: the file's own compressed
 * data for a JPEG or PNG when it can be used as it is, else the decoded
 * page compressed losslessly. */
static L_COMP_DATA *page_image(vt_doc *src, size_t index, vt_error *err)
{
    L_COMP_DATA *cid = NULL;
    if (src->kind == VT_KIND_JPEG) {
        unsigned char *copy = malloc(src->n_bytes); /* the cid takes it */
        if (!copy)
            abort();
        memcpy(copy, src->bytes, src->n_bytes);
        cid = l_generateJpegDataMem(copy, src->n_bytes, 0);
        /* CMYK (spp 4) would need the profile of its own ink: decoded. */
        if (cid && cid->spp != 1 && cid->spp != 3)
            l_CIDataDestroy(&cid);
    } else if (src->kind == VT_KIND_PNG) {
        cid = l_generateFlateDataPdf(src->path, NULL);
    }
    if (cid)
        return cid;
    PIX *pix = vt_page_load(src, index, err);
    if (!pix)
        return NULL;
    bool bilevel = pixGetDepth(pix) == 1;
    if (pixGenerateCIData(pix, bilevel ? L_G4_ENCODE : L_FLATE_ENCODE, 0, 0, &cid) != 0)
        vt_error_set(err, VT_EINTERNAL, "%s: page %zu: the image could not be compressed",
                     src->path, index + 1);
    pixDestroy(&pix);
    return cid;
}

static void put_image(pdf_writer *w, size_t n, const L_COMP_DATA *cid)
{
    GString *dict = g_string_new("/Type /XObject /Subtype /Image");
    g_string_append_printf(dict, " /Width %d /Height %d /BitsPerComponent %d", cid->w,
                           cid->h, cid->bps);
    if (cid->ncolors > 0)
        g_string_append_printf(dict, " /ColorSpace [/Indexed /DeviceRGB %d %s]",
                               cid->ncolors - 1, cid->cmapdatahex);
    else
        g_string_append(dict, cid->spp == 1 ? " /ColorSpace /DeviceGray"
                                            : " /ColorSpace /DeviceRGB");
    switch (cid->type) {
    case L_JPEG_ENCODE: g_string_append(dict, " /Filter /DCTDecode"); break;
    case L_G4_ENCODE:
        g_string_append_printf(dict, " /Filter /CCITTFaxDecode /DecodeParms << /K -1 "
                               "/Columns %d /Rows %d%s >>", cid->w, cid->h,
                               cid->minisblack ? " /BlackIs1 true" : "");
        break;
    default:
        g_string_append(dict, " /Filter /FlateDecode");
        if (cid->predictor)
            g_string_append_printf(dict, " /DecodeParms << /Predictor 14 /Colors %d "
                                   "/BitsPerComponent %d /Columns %d >>",
                                   cid->spp, cid->bps, cid->w);
    }
    put_stream(w, n, dict->str, cid->datacomp, cid->nbytescomp);
    g_string_free(dict, TRUE);
}

/* ---------------------------------------------------------------- words */

/* An affine map as PDF writes one: x' = a x + c y + e, y' = b x + d y + f. */
typedef struct {
    double a, b, c, d, e, f;
} affine;

/* First m, then n. */
static affine then(affine m, affine n)
{
    return (affine){m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d,
                    m.c * n.a + m.d * n.c, m.c * n.b + m.d * n.d,
                    m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}

/* The last preprocess step starting with `prefix` read by `fmt`, or false. */
static bool step_value(const vt_page *pg, const char *prefix, const char *fmt, double *v)
{
    bool found = false;
    for (size_t i = 0; i < pg->n_steps; i++)
        if (strncmp(pg->steps[i], prefix, strlen(prefix)) == 0)
            found |= sscanf(pg->steps[i], fmt, v) == 1;
    return found;
}

/* Preprocess's deskew undone on the page as OCR saw it (pixels, y down):
 * pixRotate turned it clockwise by the angle about its centre, keeping its
 * size (preprocess.c). */
static affine unskew_matrix(const vt_page *pg)
{
    double deg = 0;
    if (!step_value(pg, "deskew ", "deskew %lfdeg", &deg) || deg == 0 || pg->width <= 0)
        return (affine){1, 0, 0, 1, 0, 0};
    double r = -deg * M_PI / 180, cs = cos(r), sn = sin(r);
    double cx = pg->width / 2.0, cy = pg->height / 2.0;
    return (affine){cs, sn, -sn, cs, cx - cx * cs + cy * sn, cy - cx * sn - cy * cs};
}

/* From the page as OCR saw it, deskew undone, to PDF points on a page of
 * the source image's w x h pixels at `dpi`: preprocess's turn undone
 * (pixRotateOrth turns clockwise by quarters), then its scaling, then
 * pixels to points with y up. */
static affine page_matrix(const vt_page *pg, int w, int h, int dpi)
{
    double ww = pg->width > 0 ? pg->width : w, wh = pg->height > 0 ? pg->height : h;
    double turn = 0;
    step_value(pg, "orient ", "orient %lfdeg", &turn);
    int quarters = ((int)lround(turn / 90) % 4 + 4) % 4;
    /* The size before the turn. */
    double uw = quarters % 2 ? wh : ww, uh = quarters % 2 ? ww : wh;
    affine m = {1, 0, 0, 1, 0, 0};
    if (quarters == 1) /* forward (x, y) -> (uh - y, x) */
        m = (affine){0, -1, 1, 0, 0, uh};
    else if (quarters == 2)
        m = (affine){-1, 0, 0, -1, uw, uh};
    else if (quarters == 3) /* forward (x, y) -> (y, uw - x) */
        m = (affine){0, 1, -1, 0, uw, 0};
    double pt = 72.0 / dpi;
    affine to_points = {w / uw * pt, 0, 0, -h / uh * pt, 0, h * pt};
    return then(m, to_points);
}

static unsigned cid_of(pdf_writer *w, gunichar ch)
{
    gpointer v = g_hash_table_lookup(w->cids, GUINT_TO_POINTER(ch));
    if (v)
        return GPOINTER_TO_UINT(v);
    g_array_append_val(w->chars, ch);
    unsigned cid = w->chars->len;
    g_hash_table_insert(w->cids, GUINT_TO_POINTER(ch), GUINT_TO_POINTER(cid));
    return cid;
}

/* One word in the text object: its size the box's height, its baseline
 * the box's bottom, stretched to the box's width.  The box stays upright,
 * centred where the deskew puts the word back: a word drawn along the
 * skew would have each letter on a baseline of its own, and text
 * extraction would break it into pieces. */
static void put_word(pdf_writer *w, GString *s, const vt_word *word, affine unskew)
{
    const vt_box *b = &word->box;
    glong n = g_utf8_strlen(word->text, -1);
    if (b->w <= 0 || b->h <= 0 || n == 0 || n > 0xfff0)
        return;
    double stretch = 100.0 * b->w / ((double)n * GLYPH_WIDTH / 1000.0 * b->h);
    double cx = b->x + b->w / 2.0, cy = b->y + b->h / 2.0;
    double x = unskew.a * cx + unskew.c * cy + unskew.e - b->w / 2.0;
    double y = unskew.b * cx + unskew.d * cy + unskew.f + b->h / 2.0;
    g_string_append_printf(s, "/F0 %d Tf %.2f Tz 1 0 0 -1 %.2f %.2f Tm <", b->h, stretch, x, y);
    for (const char *p = word->text; *p; p = g_utf8_next_char(p)) {
        gunichar ch = g_utf8_get_char(p);
        if (w->chars->len < 0xfffe || g_hash_table_contains(w->cids, GUINT_TO_POINTER(ch)))
            g_string_append_printf(s, "%04X", cid_of(w, ch));
    }
    g_string_append(s, "> Tj\n");
}

/* The page's content: the image over the whole page, then the words. */
static GString *page_content(pdf_writer *w, const vt_doc *doc, size_t index,
                             const L_COMP_DATA *cid, int dpi)
{
    GString *s = g_string_new(NULL);
    double pw = cid->w * 72.0 / dpi, ph = cid->h * 72.0 / dpi;
    g_string_append_printf(s, "q %.4f 0 0 %.4f 0 0 cm /Im0 Do Q\n", pw, ph);
    const vt_page *pg = &doc->pages[index];
    affine m = page_matrix(pg, cid->w, cid->h, dpi), unskew = unskew_matrix(pg);
    g_string_append_printf(s, "q %.6f %.6f %.6f %.6f %.4f %.4f cm\nBT 3 Tr\n", m.a, m.b, m.c,
                           m.d, m.e, m.f);
    for (size_t b = 0; b < pg->n_blocks; b++)
        for (size_t l = 0; l < pg->blocks[b].n_lines; l++) {
            const vt_line *line = &pg->blocks[b].lines[l];
            for (size_t k = 0; k < line->n_words; k++)
                put_word(w, s, &line->words[k], unskew);
        }
    g_string_append(s, "ET Q\n");
    return s;
}

/* ----------------------------------------------------------------- font */

static void put_font(pdf_writer *w, size_t type0)
{
    size_t cidfont = obj_reserve(w), descriptor = obj_reserve(w), file = obj_reserve(w),
           to_gid = obj_reserve(w), to_unicode = obj_reserve(w);
    obj_begin(w, type0);
    g_string_append_printf(w->out, "<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont "
                           "/Encoding /Identity-H /DescendantFonts [%zu 0 R] "
                           "/ToUnicode %zu 0 R >>\n", cidfont, to_unicode);
    obj_end(w);
    obj_begin(w, cidfont);
    g_string_append_printf(w->out, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont "
                           "/GlyphLessFont /CIDSystemInfo << /Registry (Adobe) /Ordering "
                           "(Identity) /Supplement 0 >> /FontDescriptor %zu 0 R /DW %d "
                           "/CIDToGIDMap %zu 0 R >>\n", descriptor, GLYPH_WIDTH, to_gid);
    obj_end(w);
    obj_begin(w, descriptor);
    g_string_append_printf(w->out, "<< /Type /FontDescriptor /FontName /GlyphLessFont "
                           "/Flags 5 /FontBBox [0 0 %d 1000] /ItalicAngle 0 /Ascent 1000 "
                           "/Descent 0 /CapHeight 1000 /StemV 80 /FontFile2 %zu 0 R >>\n",
                           GLYPH_WIDTH, file);
    obj_end(w);
    char dict[64];
    snprintf(dict, sizeof dict, "/Length1 %zu", vt_pdf_font_size);
    put_stream(w, file, dict, vt_pdf_font, vt_pdf_font_size);
    /* Every code used draws glyph 1, the blank one; code 0 is unused. */
    size_t n = w->chars->len + 1;
    unsigned char *gids = vt_xcalloc(n, 2);
    for (size_t i = 1; i < n; i++)
        gids[2 * i + 1] = 1;
    put_stream(w, to_gid, "", gids, 2 * n);
    free(gids);
    GString *cmap = g_string_new("/CIDInit /ProcSet findresource begin\n12 dict begin\n"
                                 "begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering "
                                 "(UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS "
                                 "def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
                                 "endcodespacerange\n");
    for (size_t i = 0; i < w->chars->len; i += 100) {
        size_t k = MIN(100, w->chars->len - i);
        g_string_append_printf(cmap, "%zu beginbfchar\n", k);
        for (size_t j = i; j < i + k; j++) {
            gunichar ch = g_array_index(w->chars, gunichar, j);
            g_string_append_printf(cmap, "<%04zX> <", j + 1);
            if (ch < 0x10000)
                g_string_append_printf(cmap, "%04X>\n", ch);
            else /* a surrogate pair */
                g_string_append_printf(cmap, "%04X%04X>\n", 0xd800 + ((ch - 0x10000) >> 10),
                                       0xdc00 + ((ch - 0x10000) & 0x3ff));
        }
        g_string_append(cmap, "endbfchar\n");
    }
    g_string_append(cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    put_stream(w, to_unicode, "", cmap->str, cmap->len);
    g_string_free(cmap, TRUE);
}

/* ------------------------------------------------------------- metadata */

static void xmp_text(GString *x, const char *s)
{
    gchar *e = g_markup_escape_text(s, -1);
    g_string_append(x, e);
    g_free(e);
}

/* A Dublin Core element as XMP writes it: `container` is Alt (with a
 * default language), Seq or Bag, NULL for simple text. */
static void xmp_dc(GString *x, const json_t *dc, const char *element, const char *container)
{
    const char *v = json_string_value(json_object_get(dc, element));
    if (!v)
        return;
    g_string_append_printf(x, "   <dc:%s>", element);
    if (container)
        g_string_append_printf(x, "<rdf:%s><rdf:li%s>", container,
                               strcmp(container, "Alt") == 0 ? " xml:lang=\"x-default\"" : "");
    xmp_text(x, v);
    if (container)
        g_string_append_printf(x, "</rdf:li></rdf:%s>", container);
    g_string_append_printf(x, "</dc:%s>\n", element);
}

static GString *xmp_packet(const json_t *dc, const char *producer)
{
    GString *x = g_string_new("<?xpacket begin=\"\xEF\xBB\xBF\" "
                              "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                              "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                              " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                              "  <rdf:Description rdf:about=\"\"\n"
                              "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
                              "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                              "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                              "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                              "   <pdfaid:part>2</pdfaid:part>\n"
                              "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                              "   <dc:format>application/pdf</dc:format>\n");
    xmp_dc(x, dc, "title", "Alt");
    xmp_dc(x, dc, "creator", "Seq");
    xmp_dc(x, dc, "date", "Seq");
    xmp_dc(x, dc, "identifier", NULL);
    xmp_dc(x, dc, "type", "Bag");
    xmp_dc(x, dc, "language", "Bag");
    g_string_append(x, "   <pdf:Producer>");
    xmp_text(x, producer);
    g_string_append(x, "</pdf:Producer>\n   <xmp:CreatorTool>");
    xmp_text(x, producer);
    g_string_append(x, "</xmp:CreatorTool>\n  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
                       "<?xpacket end=\"w\"?>");
    return x;
}

/* The Info dictionary, saying what the XMP says (PDF/A asks them to agree). */
static void put_info(pdf_writer *w, size_t n, const json_t *dc, const char *producer)
{
    static const struct {
        const char *key, *element;
    } info_keys[] = {{"Title", "title"}, {"Author", "creator"}};
    obj_begin(w, n);
    g_string_append(w->out, "<<");
    for (size_t i = 0; i < sizeof info_keys / sizeof *info_keys; i++) {
        const char *v = json_string_value(json_object_get(dc, info_keys[i].element));
        if (v) {
            g_string_append_printf(w->out, " /%s ", info_keys[i].key);
            put_text_string(w->out, v);
        }
    }
    g_string_append(w->out, " /Creator ");
    put_text_string(w->out, producer);
    g_string_append(w->out, " /Producer ");
    put_text_string(w->out, producer);
    g_string_append(w->out, " >>\n");
    obj_end(w);
}

/* --------------------------------------------------------------- render */

static char *render(const vt_doc *doc, const vt_render_options *opts, size_t *len,
                    vt_error *err)
{
    (void)opts;
    vt_doc *src = open_source(doc, err);
    if (!src)
        return NULL;
    pdf_writer w = {
        .out = g_string_new("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"),
        .offsets = g_array_new(FALSE, TRUE, sizeof(size_t)),
        .cids = g_hash_table_new(g_direct_hash, g_direct_equal),
        .chars = g_array_new(FALSE, FALSE, sizeof(gunichar)),
    };
    obj_reserve(&w); /* object 0 is the free list's head */
    size_t catalog = obj_reserve(&w), pages = obj_reserve(&w), font = obj_reserve(&w);
    size_t *page_objs = vt_xcalloc(doc->n_pages ? doc->n_pages : 1, sizeof *page_objs);
    bool ok = true;
    for (size_t p = 0; p < doc->n_pages && ok; p++) {
        L_COMP_DATA *cid = page_image(src, p, err);
        if (!cid) {
            ok = false;
            break;
        }
        /* The resolution the file states, as ingest took it. */
        int dpi = cid->res >= 50 && cid->res <= 2400 ? cid->res : 300;
        size_t page = obj_reserve(&w), content = obj_reserve(&w), image = obj_reserve(&w);
        page_objs[p] = page;
        obj_begin(&w, page);
        g_string_append_printf(w.out, "<< /Type /Page /Parent %zu 0 R /MediaBox [0 0 %.4f "
                               "%.4f] /Resources << /XObject << /Im0 %zu 0 R >> /Font << "
                               "/F0 %zu 0 R >> >> /Contents %zu 0 R >>\n", pages,
                               cid->w * 72.0 / dpi, cid->h * 72.0 / dpi, image, font,
                               content);
        obj_end(&w);
        GString *s = page_content(&w, doc, p, cid, dpi);
        put_stream(&w, content, "", s->str, s->len);
        g_string_free(s, TRUE);
        put_image(&w, image, cid);
        l_CIDataDestroy(&cid);
    }
    vt_doc_free(src);
    char *pdf = NULL;
    if (ok && doc->n_pages == 0)
        ok = !vt_error_set(err, VT_EINPUT, "%s: no pages to make a PDF of", doc->path);
    if (ok) {
        obj_begin(&w, pages);
        g_string_append(w.out, "<< /Type /Pages /Kids [");
        for (size_t p = 0; p < doc->n_pages; p++)
            g_string_append_printf(w.out, "%s%zu 0 R", p ? " " : "", page_objs[p]);
        g_string_append_printf(w.out, "] /Count %zu >>\n", doc->n_pages);
        obj_end(&w);
        put_font(&w, font);
        char *producer = vt_xasprintf("vanthu %s", vt_version());
        json_t *dc = vt_doc_dublin_core(doc);
        size_t metadata = obj_reserve(&w), profile = obj_reserve(&w), info = obj_reserve(&w);
        GString *xmp = xmp_packet(dc, producer);
        put_stream(&w, metadata, "/Type /Metadata /Subtype /XML", xmp->str, xmp->len);
        g_string_free(xmp, TRUE);
        put_stream(&w, profile, "/N 3", vt_pdf_srgb, vt_pdf_srgb_size);
        put_info(&w, info, dc, producer);
        json_decref(dc);
        free(producer);
        obj_begin(&w, catalog);
        g_string_append_printf(w.out, "<< /Type /Catalog /Pages %zu 0 R /Metadata %zu 0 R "
                               "/Lang (vi) /OutputIntents [<< /Type /OutputIntent /S "
                               "/GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
                               "/Info (sRGB IEC61966-2.1) /DestOutputProfile %zu 0 R >>] >>\n",
                               pages, metadata, profile);
        obj_end(&w);
        size_t xref = w.out->len, n = w.offsets->len;
        gchar *id = g_compute_checksum_for_data(G_CHECKSUM_MD5, (const guchar *)w.out->str,
                                                w.out->len);
        g_string_append_printf(w.out, "xref\n0 %zu\n0000000000 65535 f \n", n);
        for (size_t i = 1; i < n; i++)
            g_string_append_printf(w.out, "%010zu 00000 n \n",
                                   g_array_index(w.offsets, size_t, i));
        g_string_append_printf(w.out, "trailer\n<< /Size %zu /Root %zu 0 R /Info %zu 0 R "
                               "/ID [<%s> <%s>] >>\nstartxref\n%zu\n%%%%EOF\n", n, catalog,
                               info, id, id, xref);
        g_free(id);
        *len = w.out->len;
        pdf = g_string_free(w.out, FALSE);
    } else {
        g_string_free(w.out, TRUE);
    }
    free(page_objs);
    g_array_free(w.offsets, TRUE);
    g_array_free(w.chars, TRUE);
    g_hash_table_destroy(w.cids);
    return pdf;
}

const vt_format vt_format_pdf = {
    .name = "pdf",
    .extension = ".pdf",
    .render = render,
};
