/* internal.h — helpers shared by the library's own files; not installed. */
#ifndef VT_INTERNAL_H
#define VT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "vanthu.h"

/* The library's allocators: they abort on failure (vanthu.h, Conventions),
 * so callers never check for NULL. */
void *vt_xmalloc(size_t n);
void *vt_xcalloc(size_t n, size_t size);
void *vt_xrealloc(void *p, size_t n);
char *vt_xstrdup(const char *s);
char *vt_xstrndup(const char *s, size_t n);
char *vt_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Make room for one more element in a growing array. */
#define VT_GROW(arr, n, cap)                                                  \
    do {                                                                      \
        if ((n) >= (cap)) {                                                   \
            (cap) = (cap) ? 2 * (cap) : 8;                                    \
            (arr) = vt_xrealloc((arr), (cap) * sizeof *(arr));                \
        }                                                                     \
    } while (0)

/* True when bytes are valid UTF-8 without NUL; *bad_offset gets the first
 * offending byte otherwise. */
bool vt_utf8_valid(const char *bytes, size_t len, size_t *bad_offset);

/* The record of a document piece by piece, for writers that never hold it
 * whole: objects and arrays opened (by a member's key, or as an element of
 * the array open, key NULL) and closed, and values, each a small tree
 * (one change, one line, a page's head) taken over by `value`.  The first
 * open is the record's own object. */
typedef struct vt_record_sink {
    void (*open)(void *ctx, const char *key, bool array);
    void (*value)(void *ctx, const char *key, struct json_t *v);
    void (*close)(void *ctx, bool array);
    void *ctx;
} vt_record_sink;

/* The record of doc to the sink; `words` keeps the page/block/line/word
 * tree. */
void vt_doc_record_walk(const vt_doc *doc, bool words, const vt_record_sink *sink);

/* The record of a document as JSON text, written member by member (only
 * one change or one line is a tree at a time); flags are jansson's dump
 * flags, `words` keeps the page/block/line/word tree.  Caller frees. */
char *vt_doc_json_dump(const vt_doc *doc, size_t flags, bool words, size_t *len);

/* The Dublin Core elements of the document from its parsed metadata:
 * title (trích yếu), creator (issuer), date, identifier (số và ký hiệu)
 * and type, each a string present only when parse found it, and language
 * (always; "vi").  Caller releases it with json_decref(). */
struct json_t *vt_doc_dublin_core(const vt_doc *doc);

/* A document read from a record of schema `version`: one of an older 2.x
 * schema, whose boxes lie on the page as prepared for OCR, gets each
 * page's `prepared` made again from its steps and every box carried to the
 * page as ingested, with a warning saying so (record_older.c); an error
 * when a page's steps do not say how it was prepared.  A record of the
 * current schema is left as it is. */
vt_status vt_doc_from_older_schema(vt_doc *doc, const char *version, vt_error *err);

/* ------------------------------------------------------------ page pixels
 *
 * A page's pixels are held only while a stage needs them.  Ingest decodes
 * every page (a damaged one is refused up front) but keeps a page's image
 * only while the document's decoded pixels stay under VT_HELD_PIXELS_MAX;
 * the others are decoded again from the source bytes, which are kept
 * instead, when preprocess comes to them.  Preprocess keeps work images
 * past the same bound compressed (losslessly), and keeps a page's image
 * beside its work image only while the bound leaves room for both and for
 * the work images still to come (ocr's reading of the pen digits, which
 * preprocess drops with the seal's ink, needs the page as ingested); ocr
 * drops each page's pixels once it is read.  So a 300-page colour scan
 * needs some hundred MB, not tens of GB, and a short document never pays
 * for compression or a second decoding. */
#define VT_HELD_PIXELS_MAX ((size_t)128 << 20)

/* What the library keeps of a page beyond vt_page's public fields. */
typedef struct vt_page_store {
    uint32_t tiff_offset;  /* the page's image directory in a TIFF source */
    int source_dpi;        /* resolution it was decoded (a PDF page drawn) at */
    unsigned char *packed; /* the work image compressed, NULL when none */
    size_t n_packed;
} vt_page_store;

/* Bytes a decoded image occupies. */
size_t vt_pix_bytes(struct Pix *pix);

/* Make the source bytes available to vt_page_load: a document resumed from
 * a record reads its file again, refused when the bytes are no longer the
 * ones the record was made from or do not have its pages.  Call it before
 * pages are loaded side by side; it is a no-op while the bytes are there. */
vt_status vt_doc_open_source(vt_doc *doc, vt_error *err);
/* Free the source bytes (nothing more will be loaded from them). */
void vt_doc_close_source(vt_doc *doc);
/* Page `index` as ingested: the held image, or decoded again from the open
 * source.  Pages may be loaded from several threads at once.  Caller
 * destroys; NULL with err set when the page cannot be decoded. */
struct Pix *vt_page_load(vt_doc *doc, size_t index, vt_error *err);

/* Keep `work` (taken over) as the page's work image: held as it is, or
 * compressed when `hold` is false. */
void vt_page_keep_work(vt_page *page, struct Pix *work, bool hold);
/* The page's first preprocessing step that starts with `prefix` ("scale ",
 * "deskew "), or NULL: the steps say how the page was prepared. */
const char *vt_page_step(const vt_page *page, const char *prefix);
/* Free the lines of `block` and leave it with none (its box and role
 * stay). */
void vt_block_free_lines(vt_block *block);
/* Whether the page keeps a work image, held or compressed. */
bool vt_page_has_work(const vt_page *page);
/* The page's work image, held or decompressed (caller destroys); NULL when
 * the page has none. */
struct Pix *vt_page_work(const vt_page *page);
/* Drop every pixel the page keeps: image, work image, compressed copy. */
void vt_page_drop_pixels(vt_page *page);
/* The page's store, made on first use. */
vt_page_store *vt_page_store_get(vt_page *page);

/* Page `index` as preprocess leaves it for OCR (caller destroys): its work
 * image, held or compressed; for a document resumed from a record after
 * preprocess, the recorded steps done again on the source (refused when
 * they no longer come out the same); the page as ingested when preprocess
 * did not run.  NULL with err set on failure. */
struct Pix *vt_page_prepared(vt_doc *doc, size_t index, vt_error *err);

#endif
