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
 * A PDF input keeps its own file (qpdf reads and writes it): its pages as
 * they are, the words added over those that show no text of their own.
 *
 * The words are laid out at their boxes, which are on the page as
 * ingested (the scan's own pixels, or a PDF page as drawn), under one
 * matrix from its pixels to the page's points, so each word lands on the
 * scan where it is printed.  The font is Tesseract's glyph-less one (every code maps to one blank
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
#include <qpdf/qpdf-c.h>
#include <zlib.h>

#include "format.h"

/* Build-time copies of Tesseract's pdf.ttf and an sRGB ICC profile
 * (vt_pdf_font.c, vt_pdf_srgb.c, made by vt-embed: src/embed.c). */
extern const unsigned char vt_pdf_font[], vt_pdf_srgb[];
extern const size_t vt_pdf_font_len, vt_pdf_srgb_len;

/* The glyph-less font's one glyph is half an em wide (1024 of 2048 units);
 * its dictionaries, written alike into a PDF of our own and one qpdf
 * writes.  The resource name is one no scanner's PDF uses. */
#define GLYPH_WIDTH 500
#define FONT_RESOURCE "/VtGlyphLess"
#define TYPE0_DICT "/Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H"
#define CIDFONT_DICT                                                                   \
    "/Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /CIDSystemInfo << "  \
    "/Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500"
#define DESCRIPTOR_DICT                                                                \
    "/Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 0 500 1000] " \
    "/ItalicAngle 0 /Ascent 1000 /Descent 0 /CapHeight 1000 /StemV 80"
#define OUTPUT_INTENT_DICT                                                             \
    "/Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) " \
    "/Info (sRGB IEC61966-2.1)"

/* The codes of the invisible text: each character the words use gets
 * the next CID, from 1. */
typedef struct {
    GHashTable *cids; /* code point -> CID */
    GArray *chars;    /* gunichar of each CID, index CID - 1 */
} text_codes;

typedef struct {
    GString *out;
    GArray *offsets; /* size_t byte offset of each object, by number; 0 unused */
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

/* Object n: a stream of `data` compressed with Flate (zlib), as the
 * content, the font data and the profile are; the XMP is not, for
 * readers that look for it as text. */
static void put_flate_stream(pdf_writer *w, size_t n, const char *dict, const void *data,
                             size_t len)
{
    uLongf packed_len = compressBound(len);
    unsigned char *packed = vt_xmalloc(packed_len);
    char *full = vt_xasprintf("%s%s/Filter /FlateDecode", dict, *dict ? " " : "");
    if (compress2(packed, &packed_len, data, len, Z_DEFAULT_COMPRESSION) == Z_OK)
        put_stream(w, n, full, packed, packed_len);
    else
        put_stream(w, n, dict, data, len);
    free(full);
    free(packed);
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

/* --------------------------------------------------------------- source */

/* The source read again and checked against the record's SHA-256: a
 * document with the source's pages, which vt_page_load decodes. */
static vt_doc *open_source(const vt_doc *doc, vt_error *err)
{
    if (doc->kind == VT_KIND_TEXT || doc->kind == VT_KIND_RECORD) {
        vt_error_set(err, VT_EINPUT, "%s: a %s input has no page images to make a PDF of",
                     doc->path, vt_kind_name(doc->kind));
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

/* From the pixels of the page as ingested (its boxes' frame) to PDF
 * points on a page of pw x ph points whose lower left corner is the
 * origin, y up. */
static affine page_matrix(const vt_page *pg, double pw, double ph)
{
    double ww = pg->width > 0 ? pg->width : pw, wh = pg->height > 0 ? pg->height : ph;
    return (affine){pw / ww, 0, 0, -ph / wh, 0, ph};
}

/* From the points of a page as a viewer shows it, turned clockwise by
 * `rotate` degrees (its /Rotate, a multiple of 90), lower left corner at
 * the origin, to the page's own space, whose box is w x h points with its
 * lower left corner at (x0, y0).  poppler draws the page as shown, so
 * that is the frame the boxes are in. */
static affine unrotate(int rotate, double x0, double y0, double w, double h)
{
    affine m = {1, 0, 0, 1, 0, 0};
    if (rotate == 90) /* shown (v, w - u) for own (u, v) */
        m = (affine){0, 1, -1, 0, w, 0};
    else if (rotate == 180)
        m = (affine){-1, 0, 0, -1, w, h};
    else if (rotate == 270) /* shown (h - v, u) */
        m = (affine){0, -1, 1, 0, 0, h};
    m.e += x0;
    m.f += y0;
    return m;
}

static unsigned cid_of(text_codes *tc, gunichar ch)
{
    gpointer v = g_hash_table_lookup(tc->cids, GUINT_TO_POINTER(ch));
    if (v)
        return GPOINTER_TO_UINT(v);
    g_array_append_val(tc->chars, ch);
    unsigned cid = tc->chars->len;
    g_hash_table_insert(tc->cids, GUINT_TO_POINTER(ch), GUINT_TO_POINTER(cid));
    return cid;
}

/* One word in the text object at `b`, a box of the frame the words are
 * laid out in (text_layer): its size the box's height, its baseline the
 * box's bottom, stretched to the box's width. */
static void put_word(text_codes *tc, GString *s, const vt_word *word, vt_box b)
{
    glong n = g_utf8_strlen(word->text, -1);
    if (b.w <= 0 || b.h <= 0 || n == 0 || n > 0xfff0)
        return;
    double stretch = 100.0 * b.w / ((double)n * GLYPH_WIDTH / 1000.0 * b.h);
    g_string_append_printf(s, FONT_RESOURCE " %d Tf %.2f Tz 1 0 0 -1 %d %d Tm <", b.h,
                           stretch, b.x, b.y + b.h);
    for (const char *p = word->text; *p; p = g_utf8_next_char(p)) {
        gunichar ch = g_utf8_get_char(p);
        /* Two-byte codes: past 65534 characters, new ones are left out. */
        if (tc->chars->len < 0xfffe || g_hash_table_contains(tc->cids, GUINT_TO_POINTER(ch)))
            g_string_append_printf(s, "%04X", cid_of(tc, ch));
    }
    g_string_append(s, "> Tj\n");
}

/* The invisible text of page pg onto s, `to_pdf` the matrix from the
 * page's pixels to the PDF page's space.  The words read along the lines
 * of the page as OCR read it: they are laid out on that page as it was
 * scaled and turned, not deskewed, each word in the upright box of its
 * size there (vt_page_box_to_prepared), centred on its box; a word drawn
 * along the skew would have each letter on a baseline of its own, and
 * text extraction would break it into pieces. */
static void text_layer(text_codes *tc, GString *s, const vt_page *pg, affine to_pdf)
{
    vt_page turned = *pg;
    turned.prepared.deskew_degrees = 0;
    vt_affine t = vt_page_to_prepared(&turned), back = vt_affine_invert(t);
    affine m = then((affine){back.m[0], back.m[3], back.m[1], back.m[4], back.m[2], back.m[5]},
                    to_pdf);
    g_string_append_printf(s, "q %.6f %.6f %.6f %.6f %.4f %.4f cm\nBT 3 Tr\n", m.a, m.b, m.c,
                           m.d, m.e, m.f);
    for (size_t b = 0; b < pg->n_blocks; b++)
        for (size_t l = 0; l < pg->blocks[b].n_lines; l++) {
            const vt_line *line = &pg->blocks[b].lines[l];
            for (size_t k = 0; k < line->n_words; k++) {
                vt_box box = line->words[k].box;
                vt_box up = vt_page_box_to_prepared(pg, box);
                double cx = box.x + box.w / 2.0, cy = box.y + box.h / 2.0;
                up.x = (int)lround(t.m[0] * cx + t.m[1] * cy + t.m[2] - up.w / 2.0);
                up.y = (int)lround(t.m[3] * cx + t.m[4] * cy + t.m[5] - up.h / 2.0);
                put_word(tc, s, &line->words[k], up);
            }
        }
    g_string_append(s, "ET Q\n");
}

/* ----------------------------------------------------------------- font */

/* The CIDToGIDMap: every code used draws glyph 1, the blank one; code 0
 * is unused.  Caller frees. */
static unsigned char *cid_to_gid(const text_codes *tc, size_t *len)
{
    size_t n = tc->chars->len + 1;
    unsigned char *gids = vt_xcalloc(n, 2);
    for (size_t i = 1; i < n; i++)
        gids[2 * i + 1] = 1;
    *len = 2 * n;
    return gids;
}

/* The ToUnicode CMap: each code's character, which search and copy read. */
static GString *to_unicode(const text_codes *tc)
{
    GString *cmap = g_string_new("/CIDInit /ProcSet findresource begin\n12 dict begin\n"
                                 "begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering "
                                 "(UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS "
                                 "def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
                                 "endcodespacerange\n");
    for (size_t i = 0; i < tc->chars->len; i += 100) {
        size_t k = MIN(100, tc->chars->len - i);
        g_string_append_printf(cmap, "%zu beginbfchar\n", k);
        for (size_t j = i; j < i + k; j++) {
            gunichar ch = g_array_index(tc->chars, gunichar, j);
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
    return cmap;
}

static void put_font(pdf_writer *w, const text_codes *tc, size_t type0)
{
    size_t cidfont = obj_reserve(w), descriptor = obj_reserve(w), file = obj_reserve(w),
           to_gid = obj_reserve(w), cmap_obj = obj_reserve(w);
    obj_begin(w, type0);
    g_string_append_printf(w->out, "<< " TYPE0_DICT " /DescendantFonts [%zu 0 R] "
                           "/ToUnicode %zu 0 R >>\n", cidfont, cmap_obj);
    obj_end(w);
    obj_begin(w, cidfont);
    g_string_append_printf(w->out, "<< " CIDFONT_DICT " /FontDescriptor %zu 0 R "
                           "/CIDToGIDMap %zu 0 R >>\n", descriptor, to_gid);
    obj_end(w);
    obj_begin(w, descriptor);
    g_string_append_printf(w->out, "<< " DESCRIPTOR_DICT " /FontFile2 %zu 0 R >>\n", file);
    obj_end(w);
    char dict[64];
    snprintf(dict, sizeof dict, "/Length1 %zu", vt_pdf_font_len);
    put_flate_stream(w, file, dict, vt_pdf_font, vt_pdf_font_len);
    size_t n;
    unsigned char *gids = cid_to_gid(tc, &n);
    put_flate_stream(w, to_gid, "", gids, n);
    free(gids);
    GString *cmap = to_unicode(tc);
    put_flate_stream(w, cmap_obj, "", cmap->str, cmap->len);
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

/* The XMP packet: the Dublin Core and the producer, and the PDF/A
 * identification when the file is made to conform. */
static GString *xmp_packet(const json_t *dc, const char *producer, bool pdfa)
{
    GString *x = g_string_new("<?xpacket begin=\"\xEF\xBB\xBF\" "
                              "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                              "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                              " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                              "  <rdf:Description rdf:about=\"\"\n"
                              "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
                              "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                              "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                              "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
    if (pdfa)
        g_string_append(x, "   <pdfaid:part>2</pdfaid:part>\n"
                           "   <pdfaid:conformance>B</pdfaid:conformance>\n");
    g_string_append(x, "   <dc:format>application/pdf</dc:format>\n");
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

/* The Info dictionary's entries, saying what the XMP says (PDF/A asks
 * them to agree): key and UTF-8 value pairs, NULL-terminated; the values
 * are dc's and producer's. */
static void info_entries(const json_t *dc, const char *producer, const char *kv[10])
{
    size_t n = 0;
    const char *title = json_string_value(json_object_get(dc, "title"));
    const char *author = json_string_value(json_object_get(dc, "creator"));
    if (title) {
        kv[n++] = "/Title";
        kv[n++] = title;
    }
    if (author) {
        kv[n++] = "/Author";
        kv[n++] = author;
    }
    kv[n++] = "/Creator";
    kv[n++] = producer;
    kv[n++] = "/Producer";
    kv[n++] = producer;
    kv[n] = NULL;
}

static void put_info(pdf_writer *w, size_t n, const json_t *dc, const char *producer)
{
    const char *kv[10];
    info_entries(dc, producer, kv);
    obj_begin(w, n);
    g_string_append(w->out, "<<");
    for (size_t i = 0; kv[i]; i += 2) {
        g_string_append_printf(w->out, " %s ", kv[i]);
        put_text_string(w->out, kv[i + 1]);
    }
    g_string_append(w->out, " >>\n");
    obj_end(w);
}

/* ------------------------------------------------------- image sources */

static char *render_images(const vt_doc *doc, vt_doc *src, size_t *len, vt_error *err)
{
    pdf_writer w = {
        .out = g_string_new("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"),
        .offsets = g_array_new(FALSE, TRUE, sizeof(size_t)),
    };
    text_codes tc = {g_hash_table_new(g_direct_hash, g_direct_equal),
                     g_array_new(FALSE, FALSE, sizeof(gunichar))};
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
        double pw = cid->w * 72.0 / dpi, ph = cid->h * 72.0 / dpi;
        size_t page = obj_reserve(&w), content = obj_reserve(&w), image = obj_reserve(&w);
        page_objs[p] = page;
        obj_begin(&w, page);
        g_string_append_printf(w.out, "<< /Type /Page /Parent %zu 0 R /MediaBox [0 0 %.4f "
                               "%.4f] /Resources << /XObject << /Im0 %zu 0 R >> /Font << "
                               FONT_RESOURCE " %zu 0 R >> >> /Contents %zu 0 R >>\n", pages,
                               pw, ph, image, font, content);
        obj_end(&w);
        GString *s = g_string_new(NULL);
        g_string_append_printf(s, "q %.4f 0 0 %.4f 0 0 cm /Im0 Do Q\n", pw, ph);
        text_layer(&tc, s, &doc->pages[p], page_matrix(&doc->pages[p], pw, ph));
        put_flate_stream(&w, content, "", s->str, s->len);
        g_string_free(s, TRUE);
        put_image(&w, image, cid);
        l_CIDataDestroy(&cid);
    }
    char *pdf = NULL;
    if (ok) {
        obj_begin(&w, pages);
        g_string_append(w.out, "<< /Type /Pages /Kids [");
        for (size_t p = 0; p < doc->n_pages; p++)
            g_string_append_printf(w.out, "%s%zu 0 R", p ? " " : "", page_objs[p]);
        g_string_append_printf(w.out, "] /Count %zu >>\n", doc->n_pages);
        obj_end(&w);
        put_font(&w, &tc, font);
        char *producer = vt_xasprintf("vanthu %s", vt_version());
        json_t *dc = vt_doc_dublin_core(doc);
        size_t metadata = obj_reserve(&w), profile = obj_reserve(&w), info = obj_reserve(&w);
        GString *xmp = xmp_packet(dc, producer, true);
        put_stream(&w, metadata, "/Type /Metadata /Subtype /XML", xmp->str, xmp->len);
        g_string_free(xmp, TRUE);
        put_flate_stream(&w, profile, "/N 3", vt_pdf_srgb, vt_pdf_srgb_len);
        put_info(&w, info, dc, producer);
        json_decref(dc);
        free(producer);
        obj_begin(&w, catalog);
        g_string_append_printf(w.out, "<< /Type /Catalog /Pages %zu 0 R /Metadata %zu 0 R "
                               "/Lang (vi) /OutputIntents [<< " OUTPUT_INTENT_DICT
                               " /DestOutputProfile %zu 0 R >>] >>\n", pages, metadata, profile);
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
    g_array_free(tc.chars, TRUE);
    g_hash_table_destroy(tc.cids);
    return pdf;
}

/* ---------------------------------------------------------- PDF sources */

/* A new stream object of qpdf's holding data, with the entries of the
 * dictionary `dict` (PDF syntax, NULL for none) besides its length. */
static qpdf_oh q_stream(qpdf_data q, const void *data, size_t len, const char *dict)
{
    qpdf_oh s = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, s, data, len, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
    if (dict) {
        qpdf_oh d = qpdf_oh_parse(q, dict), sd = qpdf_oh_get_dict(q, s);
        qpdf_oh_begin_dict_key_iter(q, d);
        while (qpdf_oh_dict_more_keys(q)) {
            const char *key = qpdf_oh_dict_next_key(q);
            qpdf_oh_replace_key(q, sd, key, qpdf_oh_get_key(q, d, key));
        }
    }
    return s;
}

static qpdf_oh q_indirect(qpdf_data q, const char *dict)
{
    return qpdf_make_indirect_object(q, qpdf_oh_parse(q, dict));
}

/* The dictionary at key of dict, made there when it has none. */
static qpdf_oh q_subdict(qpdf_data q, qpdf_oh dict, const char *key)
{
    qpdf_oh d = qpdf_oh_get_key(q, dict, key);
    if (!qpdf_oh_is_dictionary(q, d)) {
        d = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, dict, key, d);
    }
    return d;
}

/* Whether a page's content shows text of its own: a text-showing operator
 * (Tj, TJ, ' or ") as a token.  Text in form XObjects is not looked at. */
static bool shows_text(const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bool tj = i + 1 < n && b[i] == 'T' && (b[i + 1] == 'j' || b[i + 1] == 'J');
        bool quote = b[i] == '\'' || b[i] == '"';
        size_t end = i + (tj ? 2 : 1);
        if ((tj || quote) && i > 0 && strchr(" \t\r\n)]>", b[i - 1]) &&
            (end == n || strchr(" \t\r\n", b[end])))
            return true;
    }
    return false;
}

/* PDF/A forbids image interpolation: the page's images lose the flag. */
static void clear_interpolate(qpdf_data q, qpdf_oh resources)
{
    qpdf_oh xobjects = qpdf_oh_get_key(q, resources, "/XObject");
    if (!qpdf_oh_is_dictionary(q, xobjects))
        return;
    GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
    qpdf_oh_begin_dict_key_iter(q, xobjects);
    while (qpdf_oh_dict_more_keys(q))
        g_ptr_array_add(keys, g_strdup(qpdf_oh_dict_next_key(q)));
    for (guint i = 0; i < keys->len; i++) {
        qpdf_oh x = qpdf_oh_get_key(q, xobjects, keys->pdata[i]);
        if (qpdf_oh_is_stream(q, x))
            qpdf_oh_remove_key(q, qpdf_oh_get_dict(q, x), "/Interpolate");
    }
    g_ptr_array_free(keys, TRUE);
}

/* Add the invisible text over page `index` of the source: its content
 * wrapped in q/Q so that the words start from the page's own state; on a
 * page shown turned (/Rotate) the words are turned back into the page's
 * own space.  False with err set when /Rotate is no multiple of 90. */
static bool graft_page(qpdf_data q, const vt_doc *doc, size_t index, qpdf_oh page,
                       qpdf_oh font, text_codes *tc, vt_error *err)
{
    qpdf_oh box = qpdf_oh_get_key(q, page, "/CropBox");
    if (!qpdf_oh_is_array(q, box))
        box = qpdf_oh_get_key(q, page, "/MediaBox");
    double v[4] = {0, 0, 612, 792};
    for (int i = 0; i < 4 && qpdf_oh_get_array_n_items(q, box) == 4; i++)
        v[i] = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, box, i));
    int rotate = 0;
    qpdf_oh_get_value_as_int(q, qpdf_oh_get_key(q, page, "/Rotate"), &rotate);
    rotate = (rotate % 360 + 360) % 360;
    if (rotate % 90) {
        vt_error_set(err, VT_EINPUT, "%s: page %zu is turned by %d degrees (/Rotate), "
                     "not a multiple of 90", doc->path, index + 1, rotate);
        return false;
    }
    double w = fabs(v[2] - v[0]), h = fabs(v[3] - v[1]);
    bool sideways = rotate % 180 != 0;
    const vt_page *pg = &doc->pages[index];
    affine m = then(page_matrix(pg, sideways ? h : w, sideways ? w : h),
                    unrotate(rotate, MIN(v[0], v[2]), MIN(v[1], v[3]), w, h));
    GString *layer = g_string_new("Q\n");
    text_layer(tc, layer, pg, m);
    qpdf_oh contents = qpdf_oh_get_key(q, page, "/Contents");
    qpdf_oh all = qpdf_oh_new_array(q);
    qpdf_oh_append_item(q, all, q_stream(q, "q\n", 2, NULL));
    if (qpdf_oh_is_array(q, contents))
        for (int i = 0; i < qpdf_oh_get_array_n_items(q, contents); i++)
            qpdf_oh_append_item(q, all, qpdf_oh_get_array_item(q, contents, i));
    else if (qpdf_oh_is_stream(q, contents))
        qpdf_oh_append_item(q, all, contents);
    qpdf_oh_append_item(q, all, q_stream(q, layer->str, layer->len, NULL));
    g_string_free(layer, TRUE);
    qpdf_oh_replace_key(q, page, "/Contents", all);
    qpdf_oh resources = q_subdict(q, page, "/Resources");
    qpdf_oh_replace_key(q, q_subdict(q, resources, "/Font"), FONT_RESOURCE, font);
    return true;
}

static bool q_failed(qpdf_data q, const char *path, vt_error *err)
{
    if (!qpdf_has_error(q))
        return false;
    vt_error_set(err, VT_EINPUT, "%s: %s", path, qpdf_get_error_full_text(q, qpdf_get_error(q)));
    return true;
}

/* A PDF source keeps its file: its pages as they are, the words added over
 * each page that shows no text of its own (a page with a text layer keeps
 * it alone), the XMP with the record's Dublin Core, the sRGB output
 * intent.  It claims PDF/A-2b only when every page got our words, as
 * scanned pages are: a text layer of the source's own may use fonts it
 * does not embed. */
static char *render_pdf(const vt_doc *doc, const vt_doc *src, size_t *len, vt_error *err)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    text_codes tc = {g_hash_table_new(g_direct_hash, g_direct_equal),
                     g_array_new(FALSE, FALSE, sizeof(gunichar))};
    char *pdf = NULL;
    bool ok = qpdf_read_memory(q, doc->path, (const char *)src->bytes, src->n_bytes, NULL) ==
                  QPDF_SUCCESS &&
              qpdf_push_inherited_attributes_to_page(q) == QPDF_SUCCESS;
    if (!ok || q_failed(q, doc->path, err)) {
        if (!err || !err->status)
            vt_error_set(err, VT_EINPUT, "%s: qpdf cannot read the PDF", doc->path);
        goto out;
    }
    if ((size_t)qpdf_get_num_pages(q) != doc->n_pages) {
        vt_error_set(err, VT_EINPUT, "%s: qpdf reads %d pages, the record has %zu", doc->path,
                     qpdf_get_num_pages(q), doc->n_pages);
        goto out;
    }
    qpdf_oh font = q_indirect(q, "<< " TYPE0_DICT " >>");
    bool every_page = true;
    for (size_t p = 0; p < doc->n_pages; p++) {
        qpdf_oh page = qpdf_get_page_n(q, p);
        unsigned char *content = NULL;
        size_t n = 0;
        qpdf_oh_get_page_content_data(q, page, &content, &n);
        bool own_text = shows_text(content, n);
        free(content);
        clear_interpolate(q, q_subdict(q, page, "/Resources"));
        if (own_text)
            every_page = false;
        else if (!graft_page(q, doc, p, page, font, &tc, err))
            goto out;
    }
    char dict[64];
    snprintf(dict, sizeof dict, "<< /Length1 %zu >>", vt_pdf_font_len);
    qpdf_oh descriptor = q_indirect(q, "<< " DESCRIPTOR_DICT " >>");
    qpdf_oh_replace_key(q, descriptor, "/FontFile2",
                        q_stream(q, vt_pdf_font, vt_pdf_font_len, dict));
    size_t ngid;
    unsigned char *gids = cid_to_gid(&tc, &ngid);
    qpdf_oh cidfont = q_indirect(q, "<< " CIDFONT_DICT " >>");
    qpdf_oh_replace_key(q, cidfont, "/FontDescriptor", descriptor);
    qpdf_oh_replace_key(q, cidfont, "/CIDToGIDMap", q_stream(q, gids, ngid, NULL));
    free(gids);
    qpdf_oh_replace_key(q, font, "/DescendantFonts", qpdf_oh_wrap_in_array(q, cidfont));
    GString *cmap = to_unicode(&tc);
    qpdf_oh_replace_key(q, font, "/ToUnicode", q_stream(q, cmap->str, cmap->len, NULL));
    g_string_free(cmap, TRUE);

    char *producer = vt_xasprintf("vanthu %s", vt_version());
    json_t *dc = vt_doc_dublin_core(doc);
    GString *xmp = xmp_packet(dc, producer, every_page);
    qpdf_oh root = qpdf_get_root(q);
    qpdf_oh_replace_key(q, root, "/Metadata",
                        q_stream(q, xmp->str, xmp->len, "<< /Type /Metadata /Subtype /XML >>"));
    g_string_free(xmp, TRUE);
    qpdf_oh intent = qpdf_oh_parse(q, "<< " OUTPUT_INTENT_DICT " >>");
    qpdf_oh_replace_key(q, intent, "/DestOutputProfile",
                        q_stream(q, vt_pdf_srgb, vt_pdf_srgb_len, "<< /N 3 >>"));
    qpdf_oh_replace_key(q, root, "/OutputIntents", qpdf_oh_wrap_in_array(q, intent));
    qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_string(q, "vi"));
    const char *kv[10];
    info_entries(dc, producer, kv);
    qpdf_oh info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
    for (size_t i = 0; kv[i]; i += 2)
        qpdf_oh_replace_key(q, info, kv[i], qpdf_oh_new_unicode_string(q, kv[i + 1]));
    qpdf_oh_replace_key(q, qpdf_get_trailer(q), "/Info", info);
    json_decref(dc);
    free(producer);

    if (qpdf_init_write_memory(q) == QPDF_SUCCESS) {
        qpdf_set_deterministic_ID(q, QPDF_TRUE);
        qpdf_set_preserve_encryption(q, QPDF_FALSE);
        qpdf_set_minimum_pdf_version(q, "1.7");
        qpdf_write(q);
    }
    if (!q_failed(q, doc->path, err)) {
        *len = qpdf_get_buffer_length(q);
        pdf = vt_xmalloc(*len);
        memcpy(pdf, qpdf_get_buffer(q), *len);
    }
out:
    g_array_free(tc.chars, TRUE);
    g_hash_table_destroy(tc.cids);
    qpdf_cleanup(&q);
    return pdf;
}

/* --------------------------------------------------------------- render */

static char *render(const vt_doc *doc, const vt_render_options *opts, size_t *len,
                    vt_error *err)
{
    (void)opts;
    vt_doc *src = open_source(doc, err);
    if (!src)
        return NULL;
    char *pdf = NULL;
    if (doc->n_pages == 0)
        vt_error_set(err, VT_EINPUT, "%s: no pages to make a PDF of", doc->path);
    else if (doc->kind == VT_KIND_PDF)
        pdf = render_pdf(doc, src, len, err);
    else
        pdf = render_images(doc, src, len, err);
    vt_doc_free(src);
    return pdf;
}

const vt_format vt_format_pdf = {
    .name = "pdf",
    .extension = ".pdf",
    .render = render,
};
