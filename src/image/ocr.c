/* ocr.c — recognise page images with Tesseract through its C API.
 *
 * Each worker opens one engine (open) and reuses it for every page it is
 * given.  The page is cut into layout regions first (layout.c): the two
 * header columns, the body and the two footer columns are recognised one
 * at a time and become blocks, in that reading order, with their vt_role.
 * Each region is clipped out and given to Tesseract as an image of its
 * own: TessBaseAPISetRectangle on a strip as wide as the page returned
 * garbage with Tesseract 5.3 here.  Word text, box and confidence come from the
 * result iterator in the pixels of the image recognised (page->work when
 * preprocess ran) and are put on the page as ingested (page->prepared),
 * where the record gives them.  A page's pixels are dropped as soon as it
 * is read (internal.h: page pixels).
 *
 * Threads: Debian's Tesseract is built with OpenMP and runs 4 threads per
 * line by default, which fights the page-level parallelism of `-j N`.
 * libgomp reads OMP_THREAD_LIMIT once, when it is loaded, so the variable
 * must be in the environment when the process starts: the vanthu command
 * sets OMP_THREAD_LIMIT=1 and re-executes itself when it is unset.  A
 * program linking the library directly should do the same. */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "digits.h"
#include "internal.h"
#include "layout.h"
#include "ocr.h"
#include "seal.h"
#include "../text/text.h"

typedef struct ocr_state {
    TessBaseAPI *api; /* the engine of the region being read */
    char *lang;
    TessPageSegMode psm;
    bool layout;
} ocr_state;

/* One engine state per thread; the first is the one `open` returns. */
typedef struct ocr_engines {
    ocr_state *engine;
    size_t n;
} ocr_engines;

typedef struct ocr_opts {
    const char *lang, *tessdata;
    long psm, threads;
    bool layout;
} ocr_opts;

/* threads: `vanthu run` gives its spare workers to the pages when there are
 * fewer documents than workers.  Columns are always read as one block,
 * whatever psm says. */
static const vt_option_spec ocr_options[] = {
    {"lang", VT_OPTION_STRING, "vie", 0, 0, NULL,
     "Tesseract languages; vie+eng for mixed text", offsetof(ocr_opts, lang)},
    {"psm", VT_OPTION_INT, "3", PSM_AUTO, PSM_RAW_LINE, NULL,
     "Tesseract page segmentation mode for the body (3: automatic)",
     offsetof(ocr_opts, psm)},
    {"tessdata", VT_OPTION_PATH, NULL, 0, 0, NULL,
     "directory of the .traineddata files (default: Tesseract's own)",
     offsetof(ocr_opts, tessdata)},
    {"layout", VT_OPTION_BOOL, "yes", 0, 0, NULL,
     "find the header and footer columns (no: as Tesseract segments the page)",
     offsetof(ocr_opts, layout)},
    {"threads", VT_OPTION_INT, "1", 1, 64, NULL,
     "engines reading the pages of one document side by side",
     offsetof(ocr_opts, threads)},
    {0},
};

static void engine_close(ocr_state *s)
{
    if (!s)
        return;
    if (s->api) {
        TessBaseAPIEnd(s->api);
        TessBaseAPIDelete(s->api);
    }
    free(s->lang);
}

static void ocr_close(void *state)
{
    ocr_engines *e = state;
    if (!e)
        return;
    for (size_t i = 0; i < e->n; i++)
        engine_close(&e->engine[i]);
    free(e->engine);
    free(e);
}

static vt_status engine_open(ocr_state *s, const char *lang, const char *tessdata,
                             long psm, bool layout, vt_error *err)
{
    s->lang = vt_xstrdup(lang);
    s->psm = (TessPageSegMode)psm;
    s->layout = layout;
    s->api = TessBaseAPICreate();
    /* Tesseract reports problems on stderr; the library must stay quiet,
     * and a failed Init is reported below with our own message. */
    if (s->api)
        TessBaseAPISetVariable(s->api, "debug_file", "/dev/null");
    if (!s->api || TessBaseAPIInit3(s->api, tessdata, lang) != 0)
        return vt_error_set(err, VT_EDEPEND,
                            "Tesseract cannot load language \"%s\" from %s "
                            "(install tesseract-ocr-%s or set tessdata=DIR)",
                            lang, tessdata ? tessdata : "its default tessdata",
                            lang);
    /* Print of dispatches is proportional: textord's search of each row for
     * a fixed pitch (some 5% of Tesseract's time a page) decides nothing
     * the LSTM reads, which takes a row's words as one line. */
    TessBaseAPISetVariable(s->api, "textord_all_prop", "1");
    /* Dispatches are dark print on light paper: a line read with low
     * confidence is not read again inverted, as Tesseract does by default
     * for white text on a dark ground. */
    TessBaseAPISetVariable(s->api, "tessedit_do_invert", "0");
    /* Paragraphs are found from the layout alone, before the lines are
     * read, rather than from the words read: the blocks keep Tesseract's
     * lines and words whatever the paragraphs, and reading every word's
     * text back for the text-based search was some 1% of a page. */
    TessBaseAPISetVariable(s->api, "paragraph_text_based", "0");
    return VT_OK;
}

static vt_status ocr_open(void **state, const void *opts, vt_error *err)
{
    const ocr_opts *o = opts;
    ocr_engines *e = vt_xcalloc(1, sizeof *e);
    e->engine = vt_xcalloc((size_t)o->threads, sizeof *e->engine);
    for (; e->n < (size_t)o->threads; e->n++) {
        vt_status st = engine_open(&e->engine[e->n], o->lang, o->tessdata, o->psm,
                                   o->layout, err);
        if (st) {
            e->n++;
            ocr_close(e);
            return st;
        }
    }
    *state = e;
    return VT_OK;
}

/* Tesseract's models may emit decomposed marks; the model says NFC. */
static char *to_nfc(const char *utf8)
{
    UErrorCode ec = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&ec);
    int32_t n16 = 0;
    size_t len = strlen(utf8);
    UChar *src = vt_xmalloc((len + 1) * sizeof *src);
    u_strFromUTF8(src, (int32_t)len + 1, &n16, utf8, (int32_t)len, &ec);
    if (U_FAILURE(ec) || unorm2_isNormalized(nfc, src, n16, &ec)) {
        free(src);
        return vt_xstrdup(utf8);
    }
    ec = U_ZERO_ERROR;
    UChar *dst = vt_xmalloc((size_t)(2 * n16 + 1) * sizeof *dst);
    int32_t nd = unorm2_normalize(nfc, src, n16, dst, 2 * n16 + 1, &ec);
    char *out = vt_xmalloc((size_t)nd * 4 + 1);
    int32_t n8 = 0;
    if (U_SUCCESS(ec))
        u_strToUTF8(out, nd * 4 + 1, &n8, dst, nd, &ec);
    free(src);
    free(dst);
    if (U_FAILURE(ec)) {
        free(out);
        return vt_xstrdup(utf8);
    }
    return out;
}

char *vt_ocr_word_text(const char *raw)
{
    char *text = to_nfc(raw);
    /* The Vietnamese model reads some Đ as the Icelandic eth (Ð U+00D0,
     * ð U+00F0), its look-alike, which Vietnamese never writes: the letter
     * meant is Đ or đ, two bytes in UTF-8 as the eth is. */
    for (unsigned char *p = (unsigned char *)text; *p; p++)
        if (p[0] == 0xc3 && (p[1] == 0x90 || p[1] == 0xb0)) {
            p[1] = p[1] == 0x90 ? 0x90 : 0x91;
            p[0] = 0xc4;
            p++;
        }
    return text;
}

/* Dust and scanner specks come back as a lone, doubtful mark: a word made
 * only of dots, strokes and dashes (¬ and — included) that Tesseract
 * itself doubts.  A real bullet dash is read with high confidence. */
static bool is_speck(const char *text, float conf)
{
    return conf < 80 && text[0] &&
           strspn(text, ".,:;'`|_~^=+-\\\xc2\xac\xe2\x80\x94") == strlen(text);
}

/* Box of the iterator's element in page coordinates; (dx, dy) is where
 * the region recognised sits on the page. */
static vt_box iter_box(const TessPageIterator *it, TessPageIteratorLevel level,
                       int dx, int dy)
{
    int l, t, r, b;
    if (!TessPageIteratorBoundingBox(it, level, &l, &t, &r, &b))
        return (vt_box){0};
    return (vt_box){l + dx, t + dy, r - l, b - t};
}

/* Words of one text line as Tesseract gives them, before they are
 * committed to the block. */
typedef struct pending {
    char **text;
    vt_box *box;
    float *conf;
    size_t n, cap;
    vt_box line_box;
} pending;

static void pending_add(pending *p, char *text, vt_box box, float conf)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 16;
        p->text = vt_xrealloc(p->text, p->cap * sizeof *p->text);
        p->box = vt_xrealloc(p->box, p->cap * sizeof *p->box);
        p->conf = vt_xrealloc(p->conf, p->cap * sizeof *p->conf);
    }
    p->text[p->n] = text;
    p->box[p->n] = box;
    p->conf[p->n] = conf;
    p->n++;
}

static bool pending_has_word(const pending *p)
{
    for (size_t i = 0; i < p->n; i++)
        if (vt_text_has_word(p->text[i]))
            return true;
    return false;
}

/* Pen strokes in a blank of the header's form (a number or day written by
 * hand into "Số: ... /QĐ-UBND", "ngày ... tháng"): the LSTM reads them
 * at a confidence print never gets there, even stamped or at 150 dpi, as
 * digits and marks with at most one letter ("3", "f$.", "5⁄42"), which
 * may follow the cue it ran into ("Số:02": what follows the colon
 * counts).  A word of letters is print, however damaged; so is a word
 * read with confidence, which may yet be pen (the parse cannot tell it
 * then).  Blue pen never gets here: preprocess drops its ink, leaving the
 * blank empty.  The blank's digits are read from the page's own pixels
 * afterwards (digits.c). */
#define PEN_CONF_MAX 40.0f

static bool looks_handwritten(const char *text, float conf, vt_role role)
{
    if (conf >= PEN_CONF_MAX || (role != VT_ROLE_HEADER_LEFT && role != VT_ROLE_HEADER_RIGHT))
        return false;
    const char *cue_end = strrchr(text, ':');
    if (cue_end && cue_end[1])
        text = cue_end + 1;
    size_t letters = 0, other = 0;
    for (size_t k = 0; text[k];) {
        uint32_t c;
        int n = vt_utf8_dec(text + k, strlen(text + k), &c);
        k += n > 0 ? (size_t)n : 1;
        if (vt_cp_is_alpha(c))
            letters++;
        else
            other++;
    }
    return letters <= 1 && other > 0;
}

/* Move the pending words into a new line of `block`, their boxes put on
 * the page as ingested.  The signer block holds a signature; strokes the
 * colour filter could not remove (where the seal covers them the inks mix
 * to near black) read as lines of stray marks, so there a line without a
 * word is dropped. */
static void pending_flush(pending *p, vt_block *block, const vt_page *page)
{
    if (p->n && (block->role != VT_ROLE_FOOTER_RIGHT || pending_has_word(p))) {
        vt_line *line = vt_block_add_line(block);
        line->box = vt_page_box_from_prepared(page, p->line_box);
        for (size_t i = 0; i < p->n; i++)
            vt_line_add_word(line, p->text[i], NULL,
                             vt_page_box_from_prepared(page, p->box[i]), p->conf[i])
                ->handwritten = looks_handwritten(p->text[i], p->conf[i], block->role);
    }
    for (size_t i = 0; i < p->n; i++)
        free(p->text[i]);
    p->n = 0;
}

/* Recognise the image set, the region of the prepared page at `region`,
 * and append its words to `block`, one vt_line per Tesseract text line;
 * *tallest is the height of the tallest word Tesseract found, kept or not,
 * in the prepared page's pixels. */
static vt_status read_words(ocr_state *s, vt_block *block, vt_box region,
                            const vt_page *page, const char *path, size_t page_no,
                            int *tallest, vt_error *err)
{
    int dx = region.x, dy = region.y;
    if (TessBaseAPIRecognize(s->api, NULL) != 0)
        return vt_error_set(err, VT_EINTERNAL, "%s: page %zu: Tesseract failed",
                            path, page_no);
    TessResultIterator *ri = TessBaseAPIGetIterator(s->api);
    if (!ri)
        return VT_OK; /* nothing found in this region */
    TessPageIterator *pi = TessResultIteratorGetPageIterator(ri);
    pending line = {0};
    do {
        if (TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE)) {
            pending_flush(&line, block, page);
            line.line_box = iter_box(pi, RIL_TEXTLINE, dx, dy);
        }
        char *text = TessResultIteratorGetUTF8Text(ri, RIL_WORD);
        if (!text)
            continue;
        float conf = TessResultIteratorConfidence(ri, RIL_WORD);
        vt_box box = iter_box(pi, RIL_WORD, dx, dy);
        /* Tesseract pads its blocks with empty "words"; they carry nothing. */
        bool blank = strspn(text, " \t\n") == strlen(text);
        if (!blank)
            *tallest = box.h > *tallest ? box.h : *tallest;
        if (!blank && !is_speck(text, conf))
            pending_add(&line, vt_ocr_word_text(text), box, conf);
        TessDeleteText(text);
    } while (TessPageIteratorNext(pi, RIL_WORD));
    pending_flush(&line, block, page);
    free(line.text);
    free(line.box);
    free(line.conf);
    TessResultIteratorDelete(ri);
    return VT_OK;
}

/* A word Tesseract is sure of: print it read. */
#define SURE_CONF 90.0f

static long overlap(vt_box a, vt_box b)
{
    long w = (a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w) - (a.x > b.x ? a.x : b.x);
    long h = (a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h) - (a.y > b.y ? a.y : b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

/* Whether `again` keeps the print `first` read: each word of `first`
 * Tesseract was sure of lies at least half under words of `again` it is
 * sure of.  Erasing a signature takes the letters it touches with it (a
 * deputy's "PHÓ CHỦ TỊCH" run into the strokes); that reading is worse. */
static bool keeps_print(const vt_block *first, const vt_block *again)
{
    for (size_t l = 0; l < first->n_lines; l++)
        for (size_t w = 0; w < first->lines[l].n_words; w++) {
            const vt_word *a = &first->lines[l].words[w];
            if (a->conf < SURE_CONF || !vt_text_has_word(a->text))
                continue;
            long covered = 0;
            for (size_t m = 0; m < again->n_lines; m++)
                for (size_t v = 0; v < again->lines[m].n_words; v++)
                    if (again->lines[m].words[v].conf >= SURE_CONF)
                        covered += overlap(a->box, again->lines[m].words[v].box);
            if (2 * covered < (long)a->box.w * a->box.h)
                return false;
        }
    return true;
}

static vt_status read_regions(ocr_state *s, vt_doc *doc, size_t index, PIX *pix,
                              vt_error *err)
{
    vt_page *pg = &doc->pages[index];
    int dpi = pg->prepared.width > 0 ? pg->prepared.dpi : pg->dpi;
    if (dpi <= 0)
        dpi = 300;
    vt_layout lay;
    if (s->layout) {
        if (!vt_layout_find(pix, dpi, &lay))
            return vt_error_set(err, VT_EINTERNAL,
                                "%s: page %zu: layout analysis failed", doc->path,
                                index + 1);
    } else {
        memset(&lay, 0, sizeof lay);
        lay.region[VT_REGION_BODY] =
            (vt_box){0, 0, (int)pixGetWidth(pix), (int)pixGetHeight(pix)};
    }
    for (int r = 0; r < VT_N_REGIONS; r++) {
        vt_box box = lay.region[r];
        if (box.w <= 0 || box.h <= 0)
            continue;
        BOX *b = boxCreate(box.x, box.y, box.w, box.h);
        PIX *clip = pixClipRectangle(pix, b, NULL);
        boxDestroy(&b);
        if (!clip)
            return vt_error_set(err, VT_EINTERNAL, "%s: page %zu: cannot cut region",
                                doc->path, index + 1);
        TessBaseAPISetImage2(s->api, clip);
        /* Columns and thin strips (a page number) are one block of lines;
         * automatic segmentation drops a lone short line. */
        bool small = box.h < dpi; /* an inch */
        TessBaseAPISetPageSegMode(s->api, r == VT_REGION_BODY && !small
                                              ? s->psm : PSM_SINGLE_BLOCK);
        TessBaseAPISetSourceResolution(s->api, dpi);
        /* Lines are gathered aside so that an empty region leaves no
         * block. */
        vt_block found = {.box = vt_page_box_from_prepared(pg, box),
                          .role = vt_layout_role(r)};
        int word_h = 0;
        vt_status st = read_words(s, &found, box, pg, doc->path, index + 1, &word_h, err);
        /* On an enlarged page (a scan coarser than the print needs,
         * MIN_NATIVE_DPI in preprocess.c) the signature's strokes come
         * close enough to the position line above them that Tesseract
         * takes the line and the signature for one word taller than any
         * print, and the line ("CHỦ TỊCH") is lost: the signer's column is
         * read again without those strokes.  A page at its own resolution
         * keeps its reading. */
        int print_h = (int)ceil(VT_SIGNATURE_MIN_MM / 25.4 * dpi);
        PIX *clean = !st && r == VT_REGION_FOOTER_RIGHT && pg->prepared.scale_x > 1 &&
                             word_h > print_h
                         ? vt_tall_shapes_erased(clip, print_h)
                         : NULL;
        if (clean) {
            vt_block again = {.box = found.box, .role = found.role};
            TessBaseAPISetImage2(s->api, clean);
            TessBaseAPISetSourceResolution(s->api, dpi);
            st = read_words(s, &again, box, pg, doc->path, index + 1, &word_h, err);
            pixDestroy(&clean);
            bool better = !st && keeps_print(&found, &again);
            vt_block_free_lines(better ? &found : &again);
            if (better)
                found = again;
        }
        pixDestroy(&clip);
        if (found.n_lines)
            *vt_page_add_block(pg, found.role) = found;
        if (st)
            return st;
    }
    TessBaseAPIClear(s->api);
    return VT_OK;
}

typedef struct page_ref {
    vt_doc *doc;
    size_t index;
} page_ref;

static PIX *load_ingested(void *ctx)
{
    const page_ref *ref = ctx;
    return vt_page_load(ref->doc, ref->index, NULL);
}

/* The digits written by hand into the header's blanks, read from the
 * page as ingested: preprocess drops a blue pen's ink with the seal's.  A
 * page that cannot be loaded again keeps what OCR read. */
static void read_pen_digits(vt_doc *doc, size_t index)
{
    page_ref ref = {doc, index};
    vt_digits_source src = {load_ingested, &ref, NULL, false};
    vt_digits_fill_blanks(&doc->pages[index], &src);
    pixDestroy(&src.pix);
}

/* Read one page; its pixels are dropped once it is read. */
static vt_status ocr_page(ocr_state *s, vt_doc *doc, size_t index, vt_error *err)
{
    PIX *pix = vt_page_prepared(doc, index, err);
    vt_status st = pix ? read_regions(s, doc, index, pix, err)
                       : err ? err->status : VT_EINTERNAL;
    pixDestroy(&pix);
    if (!st)
        read_pen_digits(doc, index);
    vt_page_drop_pixels(&doc->pages[index]);
    return st;
}

/* Pages are handed out one at a time to the engines; each page's blocks
 * are its own, so engines never touch the same memory. */
typedef struct page_queue {
    vt_doc *doc;
    atomic_size_t next;
    atomic_bool failed;
    pthread_mutex_t lock;
    vt_error first_error;
} page_queue;

typedef struct page_worker {
    page_queue *q;
    ocr_state *engine;
} page_worker;

static void *read_pages(void *arg)
{
    page_worker *w = arg;
    page_queue *q = w->q;
    for (;;) {
        size_t p = atomic_fetch_add(&q->next, 1);
        if (p >= q->doc->n_pages || atomic_load(&q->failed))
            break;
        if (q->doc->pages[p].text_from == VT_TEXT_SOURCE_LAYER)
            continue;
        vt_error err = {0};
        if (ocr_page(w->engine, q->doc, p, &err)) {
            pthread_mutex_lock(&q->lock);
            if (!atomic_exchange(&q->failed, true))
                q->first_error = err;
            pthread_mutex_unlock(&q->lock);
        }
    }
    return NULL;
}

static vt_status ocr_run(void *state, vt_doc *doc, vt_error *err)
{
    ocr_engines *e = state;
    bool has_text = false, need_source = doc->n_pages == 0;
    size_t drawn = 0;
    for (size_t p = 0; p < doc->n_pages; p++) {
        const vt_page *pg = &doc->pages[p];
        if (pg->text_from == VT_TEXT_SOURCE_LAYER)
            continue;
        drawn++;
        has_text |= pg->n_blocks > 0;
        need_source |= !pg->image; /* the digit reader needs the page as ingested */
    }
    /* Text already there (a text input, a PDF's text layer, or OCR done
     * elsewhere): nothing to recognise. */
    if (has_text || (doc->n_pages > 0 && drawn == 0))
        return VT_OK;
    if (need_source) {
        if (doc->kind == VT_KIND_TEXT)
            return vt_error_set(err, VT_EINPUT, "%s: text input has no text "
                                "and no page images to recognise", doc->path);
        /* Opened here, before the page threads load from it. */
        vt_status st = vt_doc_open_source(doc, err);
        if (st)
            return st;
    }
    page_queue q = {.doc = doc};
    pthread_mutex_init(&q.lock, NULL);
    size_t n = e->n < doc->n_pages ? e->n : doc->n_pages;
    page_worker *w = vt_xcalloc(n ? n : 1, sizeof *w);
    pthread_t *t = vt_xcalloc(n ? n : 1, sizeof *t);
    bool *started = vt_xcalloc(n ? n : 1, sizeof *started);
    for (size_t i = 0; i < n; i++) {
        w[i] = (page_worker){&q, &e->engine[i]};
        /* The calling thread reads too; a thread that cannot start leaves
         * its pages to the others. */
        if (i > 0)
            started[i] = pthread_create(&t[i], NULL, read_pages, &w[i]) == 0;
    }
    if (n)
        read_pages(&w[0]);
    for (size_t i = 1; i < n; i++)
        if (started[i])
            pthread_join(t[i], NULL);
    free(started);
    pthread_mutex_destroy(&q.lock);
    free(w);
    free(t);
    vt_doc_close_source(doc);
    if (atomic_load(&q.failed)) {
        if (err)
            *err = q.first_error;
        return q.first_error.status;
    }
    return VT_OK;
}

const vt_stage_class vt_stage_ocr = {
    .name = "ocr",
    .summary = "recognise page images with Tesseract, column by column",
    .options = ocr_options,
    .options_size = sizeof(ocr_opts),
    .open = ocr_open,
    .run = ocr_run,
    .close = ocr_close,
};
