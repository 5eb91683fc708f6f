/*
 * vanthu.h — turn scanned Vietnamese government dispatches into clean,
 * structured records.
 *
 * This is the one public header of libvanthu.  It reads top to bottom as the
 * manual: errors, the document model every stage reads and writes, stages and
 * pipelines, then the helpers the command-line tool is built from.
 *
 * Conventions
 *   - Every name starts with vt_.  Objects come in create/free pairs.
 *   - Functions that can fail return vt_status and fill a caller-supplied
 *     vt_error with a message that names the file and the problem.  The
 *     library never exits and never prints.
 *   - Running out of memory is not such a failure: when one of the
 *     library's own allocations fails, it calls abort() (SIGABRT: no
 *     message, no cleanup, the process ends), since a document filter can
 *     do nothing useful without memory.  So no function reports it, and
 *     none returns NULL or false for want of memory.  A dependency
 *     (Leptonica, Tesseract, ICU, libxml2, jansson) that runs out fails
 *     the call it was in with VT_EINTERNAL.
 *   - All text is UTF-8 in Unicode normal form C.
 */
#ifndef VANTHU_H
#define VANTHU_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What libvanthu exports: everything this header declares, nothing else
 * (the library is built with hidden visibility). */
#define VT_EXPORT __attribute__((visibility("default")))

#define VT_VERSION "0.1.0"
/* Version of the record/document JSON and XML layout (schema/). */
#define VT_SCHEMA_VERSION "2.4"

/* ------------------------------------------------------------------ errors */

/* Also the command-line exit codes (see vanthu(1)). */
typedef enum vt_status {
    VT_OK = 0,
    VT_EUSAGE = 1,    /* bad arguments, options or pipeline file */
    VT_EINPUT = 2,    /* input missing, unreadable, truncated or of unknown kind */
    VT_EDEPEND = 3,   /* a dependency, model or language data is missing */
    VT_EOUTPUT = 4,   /* output could not be written */
    VT_EINTERNAL = 5, /* out of memory or an unexpected library failure */
    VT_EPARTIAL = 6   /* a batch finished but some inputs failed */
} vt_status;

typedef struct vt_error {
    vt_status status;
    char message[1024];
} vt_error;

/* The library's version, VT_VERSION as it was built (a program may run
 * against a newer libvanthu than the header it was compiled with). */
VT_EXPORT const char *vt_version(void);

/* Fill err (when not NULL) and return status. */
VT_EXPORT vt_status vt_error_set(vt_error *err, vt_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Prefix the message already in err with more context ("FILE: "). */
VT_EXPORT void vt_error_prefix(vt_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
VT_EXPORT const char *vt_status_name(vt_status status);

/* ----------------------------------------------------------------- options */

/* key=value pairs: the options of a stage as written in a pipeline file,
 * and a record's provenance. */
typedef struct vt_options {
    char **keys, **values;
    size_t n, cap;
} vt_options;

VT_EXPORT void vt_options_set(vt_options *opts, const char *key, const char *value);
VT_EXPORT const char *vt_options_get(const vt_options *opts, const char *key,
                                     const char *fallback);
VT_EXPORT void vt_options_clear(vt_options *opts);

/* What a stage option holds, and the C type it lands in. */
typedef enum vt_option_type {
    VT_OPTION_INT,    /* long, within min..max */
    VT_OPTION_DOUBLE, /* double, within min..max */
    VT_OPTION_BOOL,   /* bool, written yes or no */
    VT_OPTION_CHOICE, /* int: the index of the value in `choices` */
    VT_OPTION_STRING, /* const char *, NULL when absent without a default */
    VT_OPTION_PATH    /* const char *, a file or directory; as STRING */
} vt_option_type;

/* One option of a stage, declared once: the pipeline checks every value
 * against it and fills the stage's options struct from it, `vanthu stages`
 * and the manual describe it from it. */
typedef struct vt_option_spec {
    const char *key;
    vt_option_type type;
    /* The default as a pipeline file would write it; NULL only for a
     * string or path that may be absent (the field is then NULL). */
    const char *fallback;
    double min, max;            /* INT and DOUBLE: the allowed range */
    const char *const *choices; /* CHOICE: the values, NULL-terminated */
    const char *help;           /* one line */
    size_t offset;              /* offsetof the field in the options struct */
} vt_option_spec;

/* "int 1..100000", "yes|no", "auto|traditional|reformed", "path" into buf. */
VT_EXPORT void vt_option_describe(const vt_option_spec *spec, char *buf, size_t size);

/* ---------------------------------------------------------- document model */

/* What an input is, decided by its content, never by its file name. */
typedef enum vt_kind {
    VT_KIND_UNKNOWN = 0,
    VT_KIND_TEXT,  /* UTF-8 text, e.g. existing OCR output */
    VT_KIND_PNG,
    VT_KIND_JPEG,
    VT_KIND_TIFF,
    VT_KIND_PNM,
    VT_KIND_PDF,
    VT_KIND_RECORD /* a vanthu document serialised as JSON */
} vt_kind;

VT_EXPORT const char *vt_kind_name(vt_kind kind);
VT_EXPORT vt_kind vt_kind_from_name(const char *name);

/* Pixel rectangle on the page image; w == 0 means "no box" (text input). */
typedef struct vt_box {
    int x, y, w, h;
} vt_box;

/* A word is a whitespace-separated token as the page shows it, punctuation
 * attached ("của,").  `orig` is the text as first seen (ingest or OCR) and is
 * never changed afterwards; `text` is the current text.  `lead` is the
 * whitespace that preceded the word on its line, so that text input comes
 * back byte for byte. */
typedef struct vt_word {
    char *text;
    char *orig;
    char *lead;
    vt_box box;
    float conf; /* OCR confidence 0..100; -1 when unknown */
    /* Pen strokes rather than print, as OCR judged the word (a number or
     * day written by hand into the form): what it reads is no print. */
    bool handwritten;
    /* Handwritten, and `text` is the digits the digit reader read from
     * the pen strokes (a number's or day's blank): a reading to check. */
    bool pen_digits;
} vt_word;

typedef struct vt_line {
    vt_word *words;
    size_t n_words, cap_words;
    char *tail; /* whitespace after the last word */
    vt_box box;
} vt_line;

/* Layout roles a block can play on a dispatch page (Nghị định 30 layout). */
typedef enum vt_role {
    VT_ROLE_NONE = 0,
    VT_ROLE_HEADER_LEFT,  /* issuing body and its parent; number; V/v */
    VT_ROLE_HEADER_RIGHT, /* national motto; place and date */
    VT_ROLE_BODY,
    VT_ROLE_FOOTER_LEFT,  /* Nơi nhận */
    VT_ROLE_FOOTER_RIGHT  /* authority, position, signature, signer */
} vt_role;

VT_EXPORT const char *vt_role_name(vt_role role);
VT_EXPORT vt_role vt_role_from_name(const char *name);

typedef struct vt_block {
    vt_line *lines;
    size_t n_lines, cap_lines;
    vt_box box;
    vt_role role;
} vt_block;

/* Where a PDF page's words come from (ingest option pdf): OCR of the page
 * drawn as an image, or the PDF's own text layer; NONE for the pages of
 * any other input. */
typedef enum vt_text_source {
    VT_TEXT_SOURCE_NONE = 0,
    VT_TEXT_SOURCE_OCR,
    VT_TEXT_SOURCE_LAYER
} vt_text_source;

/* "none", "ocr", "text-layer"; unknown names give NONE. */
VT_EXPORT const char *vt_text_source_name(vt_text_source source);
VT_EXPORT vt_text_source vt_text_source_from_name(const char *name);

struct Pix; /* leptonica */
struct vt_page_store;

/* How preprocess made the page OCR reads (the prepared page) from the page
 * as ingested, as data: the ingested page scaled by scale_x and scale_y,
 * turned clockwise by quarter_turns quarters (the turned page's corner
 * taken as its origin again), then rotated by deskew_degrees (clockwise
 * positive, y down) about the prepared page's centre in whole pixels
 * (width / 2, height / 2); the prepared page is width x height pixels at
 * dpi.  width is 0 when the page was not prepared (no preprocess, a text
 * layer, or a record of schema 2.1 or older, whose boxes are in the
 * prepared page already): the boxes are then in the page's own frame. */
typedef struct vt_prepared {
    int width, height, dpi;
    double scale_x, scale_y;
    int quarter_turns;
    double deskew_degrees;
} vt_prepared;

/* An affine map of pixel coordinates (y down), row by row:
 * x' = m[0] x + m[1] y + m[2], y' = m[3] x + m[4] y + m[5]. */
typedef struct vt_affine {
    double m[6];
} vt_affine;

typedef struct vt_page {
    vt_block *blocks;
    size_t n_blocks, cap_blocks;
    /* The page as ingested: the source image's pixels (a PDF page drawn at
     * dpi).  Every box of the page is in these pixels. */
    int width, height, dpi;
    /* The resolution the source declares when the page was given another:
     * one that makes the page larger than any paper a dispatch is printed
     * on (a PDF placing each pixel of a 300-dpi scan on a point) is taken
     * for a wrong one.  0 when dpi is the declared one. */
    int dpi_declared;
    vt_prepared prepared;
    /* A page taken from its text layer has its words from ingest and no
     * pixels: preprocess and ocr leave it alone. */
    vt_text_source text_from;
    /* Images live only in memory, and only while a stage needs them: a
     * long document's pages are decoded again from the source when a stage
     * comes to them, and a serialised document is re-ingested likewise.
     * Either may be NULL while the page has one; stages ask the library
     * for a page's pixels rather than reading these directly. */
    struct Pix *image; /* as ingested, never modified; dropped by preprocess */
    struct Pix *work;  /* prepared for OCR by preprocess; NULL before,
                        * dropped by ocr */
    struct vt_page_store *store; /* the library's own: where the page lies
                                  * in its source, a compressed work image */
    /* What preprocess did, in order, for people ("deskew -1.20deg");
     * `prepared` is what it did as data. */
    char **steps;
    size_t n_steps, cap_steps;
} vt_page;

/* One alternative a stage considered for a word. */
typedef struct vt_alternative {
    char *text;
    double score; /* posterior probability, 0..1 */
} vt_alternative;

/* The most alternatives restore records of a word it read: its likeliest
 * readings, the chosen one first. */
#define VT_MAX_ALTERNATIVES 4

/* Every change made after the text was first seen, in the order made. */
typedef struct vt_change {
    char *stage;  /* "restore" */
    char *source; /* what decided it: "lm", "code", "lexicon", ... */
    /* 0-based indexes into the model; the record writes `page` from 1. */
    size_t page, block, line, word;
    char *from, *to;
    double confidence; /* posterior of `to`, 0..1 */
    bool review;       /* low confidence: a person should look */
    vt_alternative *alternatives;
    size_t n_alternatives;
    /* A reviewer's decision (stage "review", source "reviewer"): who, when
     * (ISO 8601), what ("accept", "reject", "pick" or "correct") and the
     * index of the earlier change it decides on.  NULL (and 0) for the
     * changes a stage makes. */
    char *reviewer, *time, *decision;
    size_t of_change;
} vt_change;

struct json_t; /* jansson */

typedef struct vt_doc {
    char *path;        /* source file as given; "-" for standard input */
    /* Source bytes held in memory (standard input, or a caller's buffer);
     * when NULL, ingest reads `path`. */
    unsigned char *bytes;
    size_t n_bytes;
    char sha256[65];   /* of the source bytes, lowercase hex; ingest fills
                        * it unless the caller already has */
    vt_kind kind;
    size_t page_count; /* pages in the source */
    vt_page *pages;
    size_t n_pages, cap_pages;
    vt_change *changes;
    size_t n_changes, cap_changes;
    char **stages_done; /* names of stages already run, in order */
    size_t n_stages_done, cap_stages_done;
    char **warnings;
    size_t n_warnings, cap_warnings;
    /* What produced the record: "pipeline", "pipeline_digest", "model", ...
     * Stages add what a re-run must match to reuse the record. */
    vt_options provenance;
    /* Parsed metadata (a JSON object owned by the document), NULL before
     * parse.  Its layout is the "metadata" member of schema/record.schema.json. */
    struct json_t *meta;
    /* The document rendered in the format the emit stage was told (see
     * vt_formats), set by emit.  The caller decides where it goes. */
    char *output;
    size_t output_len;
} vt_doc;

/* Create an empty document for the input `path` (may be NULL for stdin). */
VT_EXPORT vt_doc *vt_doc_new(const char *path);
VT_EXPORT void vt_doc_free(vt_doc *doc);

VT_EXPORT vt_page *vt_doc_add_page(vt_doc *doc);
VT_EXPORT vt_block *vt_page_add_block(vt_page *page, vt_role role);
VT_EXPORT vt_line *vt_block_add_line(vt_block *block);
/* Add a word; `lead` may be NULL (one space, or none for the first word). */
VT_EXPORT vt_word *vt_line_add_word(vt_line *line, const char *text, const char *lead,
                                    vt_box box, float conf);
VT_EXPORT void vt_page_add_step(vt_page *page, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
VT_EXPORT void vt_doc_warn(vt_doc *doc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
VT_EXPORT void vt_doc_mark_stage(vt_doc *doc, const char *stage);
VT_EXPORT bool vt_doc_stage_done(const vt_doc *doc, const char *stage);

/* Replace a word's current text and record the change.  Alternatives are
 * copied.  A replacement equal to the current text records nothing. */
VT_EXPORT void vt_doc_change_word(vt_doc *doc, size_t page, size_t block, size_t line,
                                  size_t word, const char *to, const char *stage,
                                  const char *source, double confidence, bool review,
                                  const vt_alternative *alts, size_t n_alts);

/* Why a person should look at the document before its record is trusted,
 * as a JSON array of {"kind", "count", "text"} (empty when nothing calls
 * for it), the record's `review_reasons`:
 *   "missing_fields"   prescribed fields parse did not find (count: fields);
 *   "flagged_changes"  changes flagged for review that no reviewer has
 *                      decided on since (count: changes);
 *   "low_confidence"   more than a tenth of the OCR'd words were read at
 *                      under 60 % confidence (count: such words).
 * Caller releases it with json_decref(). */
VT_EXPORT struct json_t *vt_doc_review_reasons(const vt_doc *doc);

/* Apply a reviewer's decisions (doc/decisions.md, schema/decisions.schema.json)
 * to the document: each one sets the word of the change it addresses and
 * is recorded as a change of its own (stage "review", source "reviewer",
 * with who and when), after every change already there.  `now` is the
 * ISO 8601 time given to decisions that carry none.  All or nothing: a
 * decision that addresses no change, a pick of no alternative, a
 * correction that is not one word, a change decided twice or a file made
 * for another source (sha256) is a VT_EINPUT error naming it, and the
 * document is left as it was. */
VT_EXPORT vt_status vt_doc_apply_decisions(vt_doc *doc, const struct json_t *decisions,
                                           const char *now, vt_error *err);

/* A flat view of every line in reading order with its position in the
 * model; `number` counts lines from 1 across the document. */
typedef struct vt_line_ref {
    size_t page, block, line, number;
    vt_line *ln;
    vt_role role;
} vt_line_ref;

/* Caller frees the array with free(). */
VT_EXPORT vt_line_ref *vt_doc_lines(const vt_doc *doc, size_t *n);

/* Text of one line or the whole document; `original` picks the text as
 * first seen instead of the current one.  Pages are separated by a form
 * feed, lines by '\n'.  Caller frees. */
VT_EXPORT char *vt_line_text(const vt_line *line, bool original);
VT_EXPORT char *vt_doc_text(const vt_doc *doc, bool original);

/* Fill a text document from UTF-8 bytes: one page, one block, one line per
 * input line (blank lines kept), words split on spaces and tabs.  Invalid
 * UTF-8 or NUL bytes are a VT_EINPUT error naming the line. */
VT_EXPORT vt_status vt_doc_read_text(vt_doc *doc, const char *bytes, size_t len,
                                     vt_error *err);

/* Page `page` (from 0) as a picture for people, in the coordinates its
 * word boxes use: the page as ingested (its own colours), or for a record
 * of schema 2.1 or older the page as OCR read it (upright, deskewed,
 * cleaned), shrunk to at most `max_width` pixels wide (0: as it is), as
 * JPEG.  A
 * document rebuilt from a record reads its source file again (refused when
 * the file changed since the record was made); a text input has no
 * picture (VT_EINPUT).  Caller frees *out with free(). */
VT_EXPORT vt_status vt_page_picture(vt_doc *doc, size_t page, int max_width,
                                    unsigned char **out, size_t *len, vt_error *err);

/* The map from the page as ingested to the page as prepared for OCR
 * (vt_prepared), and back; the identity for a page not prepared. */
VT_EXPORT vt_affine vt_page_to_prepared(const vt_page *page);
VT_EXPORT vt_affine vt_affine_invert(vt_affine a);
/* A box of the prepared page on the page as ingested: the smallest box of
 * whole pixels that holds it there (a deskewed word's box stands a little
 * taller and wider), within the page. */
VT_EXPORT vt_box vt_page_box_from_prepared(const vt_page *page, vt_box prepared);
/* The other way: the upright box on the prepared page whose box on the
 * page as ingested `box` is, the deskew's widening undone, so that lines
 * keep their height and the gaps between them (what layout reasoning
 * measures). */
VT_EXPORT vt_box vt_page_box_to_prepared(const vt_page *page, vt_box box);

/* Serialise to / rebuild from the record JSON (schema/record.schema.json).
 * The record carries everything needed to resume a pipeline except pixels. */
VT_EXPORT struct json_t *vt_doc_to_json(const vt_doc *doc);
VT_EXPORT vt_doc *vt_doc_from_json(const struct json_t *json, vt_error *err);
/* The record of an input that failed: status "error", the code and message,
 * and the source as far as it is known (sha256 may be NULL or ""). */
VT_EXPORT struct json_t *vt_error_record(const char *path, const char *sha256,
                                         const vt_error *err);
/* One change as the record lists it, with the line's number counted from 1
 * across the document so a reviewer finds it in the text directly. */
VT_EXPORT struct json_t *vt_change_to_json(const vt_doc *doc, const vt_change *change);
/* Render a record as XML mirroring the JSON member for member
 * (schema/record.xsd).  Caller frees. */
VT_EXPORT char *vt_record_to_xml(const struct json_t *record, size_t *len);

/* ------------------------------------------------------------------- walks
 *
 * Renderers visit the model page -> block -> line -> word.  Each call to
 * vt_walk_next steps to the next event: entering a page, block or line, a
 * word, or leaving a line, block or page; the fields say where the walk is
 * and what is there.  A word's `change` is the last change made to it (its
 * confidence and alternatives), NULL when the word is as first seen.
 *
 *     vt_walk w;
 *     vt_walk_begin(&w, doc);
 *     while (vt_walk_next(&w))
 *         if (w.step == VT_WALK_WORD)
 *             ... w.word->text, w.word->orig, w.word->box, w.word->conf ...
 *     vt_walk_end(&w);
 */
typedef enum vt_walk_step {
    VT_WALK_PAGE = 1,  /* entering w.page (its size and dpi) */
    VT_WALK_BLOCK,     /* entering w.block (its box and role) */
    VT_WALK_LINE,      /* entering w.line (its box) */
    VT_WALK_WORD,      /* w.word, with w.change */
    VT_WALK_LINE_END,  /* leaving w.line (its tail) */
    VT_WALK_BLOCK_END,
    VT_WALK_PAGE_END
} vt_walk_step;

typedef struct vt_walk {
    vt_walk_step step;
    /* 0-based indexes of the page, block, line and word reached; indexes
     * below the step are those of the enclosing items. */
    size_t page_index, block_index, line_index, word_index;
    size_t line_number; /* of the current line, from 1 across the document */
    const vt_page *page;
    const vt_block *block;
    const vt_line *line;
    const vt_word *word;
    const vt_change *change;
    /* The walk's own: the document and its changes ordered by place. */
    const vt_doc *doc_;
    const vt_change **changes_;
    size_t n_changes_, next_change_;
    bool started_;
} vt_walk;

VT_EXPORT void vt_walk_begin(vt_walk *walk, const vt_doc *doc);
/* Step to the next event; false when the document is done. */
VT_EXPORT bool vt_walk_next(vt_walk *walk);
VT_EXPORT void vt_walk_end(vt_walk *walk);

/* ----------------------------------------------------------------- formats
 *
 * What a document is rendered as: `vanthu run -f NAME`, `emit format=NAME`.
 * Each format is one file in src/emit/ and one entry of the registry
 * (src/emit/formats.c). */

typedef struct vt_render_options {
    bool pretty; /* indented for people rather than one compact line */
    bool words;  /* a record keeps the page/block/line/word tree */
    /* The input as the caller named it, whose base name the caller's
     * output files take (a format naming its sibling outputs uses it);
     * NULL for the source's path. */
    const char *input;
} vt_render_options;

typedef struct vt_format {
    const char *name;
    const char *extension; /* of its files, with the dot: ".json" */
    /* Its output is a record of schema/ (JSON or XML); a document stopped
     * before emit is then written as the resumable JSON record instead. */
    bool record;
    /* How several outputs share one stream: each on one line when compact
     * (JSON Lines), or one after another with `separator` between them;
     * neither (XML) needs a file each. */
    bool compact_is_one_line;
    const char *separator;
    /* Its output names the files a run writes beside it, after the input
     * (vt_render_options.input): a run with an output directory renders it
     * itself rather than taking the emit stage's. */
    bool names_outputs;
    /* The document rendered (caller frees); NULL when it cannot be, with
     * err (when not NULL) saying why: a format that reads the source's page
     * images again fails on a text input or a source that has changed. */
    char *(*render)(const vt_doc *doc, const vt_render_options *opts, size_t *len,
                    vt_error *err);
    /* What an input that failed becomes (see vt_error_record; caller
     * frees); NULL for a format with no error record, whose failures are
     * only reported. */
    char *(*render_error)(const char *path, const char *sha256, const vt_error *err,
                          const vt_render_options *opts, size_t *len);
} vt_format;

/* Formats known to this build, NULL-terminated, and one by name. */
VT_EXPORT const vt_format *const *vt_formats(void);
VT_EXPORT const vt_format *vt_format_find(const char *name);
/* The names of every format (or of the record formats only) as
 * "a, b or c" into buf, for messages. */
VT_EXPORT void vt_format_names(bool records_only, char *buf, size_t size);

/* ------------------------------------------------------------------ stages */

/* A stage is a filter doc -> doc.  `open` builds per-worker state from the
 * options (a Tesseract engine, a mapped model) so that one worker reuses it
 * for every document; `run` may be called many times; `close` frees it.
 * Stages never look at each other: what one leaves in the document is all
 * the next one knows. */
typedef struct vt_stage_class {
    const char *name;
    const char *summary;
    /* The options the stage accepts, ended by an entry whose key is NULL;
     * any other key is a VT_EUSAGE error.  `open` receives them checked,
     * defaults filled in, as a struct of `options_size` bytes laid out as
     * the entries' offsets say; its strings last only for the call. */
    const vt_option_spec *options;
    size_t options_size;
    vt_status (*open)(void **state, const void *opts, vt_error *err);
    vt_status (*run)(void *state, vt_doc *doc, vt_error *err);
    void (*close)(void *state);
    /* Optional: what the opened state depends on beyond its options (a
     * model's version and hash), folded into the pipeline digest so that a
     * record made with another model is not taken as current. */
    const char *(*identity)(void *state);
    /* Runs on every pass, even over a document already through it: it
     * renders whatever the document holds (emit). */
    bool every_pass;
} vt_stage_class;

/* The option `key` of a stage; NULL when it has none of that name. */
VT_EXPORT const vt_option_spec *vt_stage_option(const vt_stage_class *cls, const char *key);
/* Check one key=value for a stage: an unknown key or a value the option
 * does not allow is a VT_EUSAGE error naming the stage, the key, the value
 * and what is allowed. */
VT_EXPORT vt_status vt_stage_check_option(const vt_stage_class *cls, const char *key,
                                          const char *value, vt_error *err);
/* Open a stage with key=value options (NULL: all defaults): check them, fill
 * the options struct and call the class's open. */
VT_EXPORT vt_status vt_stage_open(const vt_stage_class *cls, const vt_options *opts,
                                  void **state, vt_error *err);

/* Stages known to this build, NULL-terminated. */
VT_EXPORT const vt_stage_class *const *vt_stage_classes(void);
VT_EXPORT const vt_stage_class *vt_stage_find(const char *name);

extern VT_EXPORT const vt_stage_class vt_stage_ingest;
extern VT_EXPORT const vt_stage_class vt_stage_preprocess;
extern VT_EXPORT const vt_stage_class vt_stage_ocr;
extern VT_EXPORT const vt_stage_class vt_stage_restore;
extern VT_EXPORT const vt_stage_class vt_stage_parse;
extern VT_EXPORT const vt_stage_class vt_stage_emit;

/* --------------------------------------------------------------- pipelines */

/* A pipeline file lists one stage per line with optional key=value options:
 *
 *     # scan.pipe: page images to a record
 *     ingest
 *     preprocess drop-red=yes drop-blue=yes
 *     ocr lang=vie
 *     restore
 *     parse
 *     emit format=json
 *
 * An unknown stage or option, or a value the option does not allow, is a
 * VT_EUSAGE error naming the file and line (vt_stage_check_option). */
typedef struct vt_pipeline vt_pipeline;

VT_EXPORT vt_pipeline *vt_pipeline_parse(const char *text, const char *origin,
                                         vt_error *err);
VT_EXPORT vt_pipeline *vt_pipeline_load(const char *path, vt_error *err);
VT_EXPORT void vt_pipeline_free(vt_pipeline *pipe);
VT_EXPORT size_t vt_pipeline_length(const vt_pipeline *pipe);
VT_EXPORT const char *vt_pipeline_stage_name(const vt_pipeline *pipe, size_t i);
/* The origin (file name) and a digest of the stage list, options and the
 * opened stages' identities (final once vt_pipeline_open has run). */
VT_EXPORT const char *vt_pipeline_origin(const vt_pipeline *pipe);
VT_EXPORT const char *vt_pipeline_digest(const vt_pipeline *pipe);
/* Override or add an option of every stage called `stage`, checked as a
 * pipeline file's are. */
VT_EXPORT vt_status vt_pipeline_set_option(vt_pipeline *pipe, const char *stage,
                                           const char *key, const char *value,
                                           vt_error *err);
/* Open every stage's per-worker state.  Must be called before run. */
VT_EXPORT vt_status vt_pipeline_open(vt_pipeline *pipe, vt_error *err);
/* Run the stages over doc, skipping those the document has already been
 * through, and stopping after `stop_after` when it is not NULL. */
VT_EXPORT vt_status vt_pipeline_run(vt_pipeline *pipe, vt_doc *doc,
                                    const char *stop_after, vt_error *err);

/* ---------------------------------------------------------------- helpers */

/* Read a whole file (at most max_bytes); a directory, a missing file or an
 * oversized one is a VT_EINPUT error naming it.  Caller frees *out. */
VT_EXPORT vt_status vt_read_file(const char *path, size_t max_bytes, char **out,
                                 size_t *len, vt_error *err);
/* Decide an input's kind from its first bytes. */
VT_EXPORT vt_kind vt_sniff(const unsigned char *bytes, size_t len);
/* Lowercase hex SHA-256 of bytes into out[65]. */
VT_EXPORT void vt_sha256_hex(const void *bytes, size_t len, char out[65]);
/* The file or directory `name` of vanthu's run-time data ("vanthu.model",
 * "pipeline/scan.pipe", "dict/lexicon"), looked up in one order:
 *   1. $VANTHU_DATA/NAME when VANTHU_DATA is set, and nowhere else;
 *   2. an uninstalled build (the library running is the one in the build
 *      directory) reads what it built, then the source tree: BUILD/src/restore
 *      (the model), then SOURCE (pipeline/, dict/);
 *   3. an installed library reads PREFIX/share/vanthu only.
 * Caller frees; NULL with a VT_EDEPEND error naming where it looked when
 * none has it. */
VT_EXPORT char *vt_data_path(const char *name, vt_error *err);


#ifdef __cplusplus
}
#endif
#endif
