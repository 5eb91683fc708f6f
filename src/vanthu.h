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

#define VT_VERSION "0.1.0"
/* Version of the record/document JSON and XML layout (schema/). */
#define VT_SCHEMA_VERSION "1.0"

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

/* Fill err (when not NULL) and return status. */
vt_status vt_error_set(vt_error *err, vt_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Prefix the message already in err with more context ("FILE: "). */
void vt_error_prefix(vt_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
const char *vt_status_name(vt_status status);

/* ----------------------------------------------------------------- options */

/* key=value options of one stage, as written in a pipeline file. */
typedef struct vt_options {
    char **keys, **values;
    size_t n, cap;
} vt_options;

void vt_options_set(vt_options *opts, const char *key, const char *value);
const char *vt_options_get(const vt_options *opts, const char *key,
                           const char *fallback);
/* Parse an integer/double option; a malformed value is a VT_EUSAGE error. */
vt_status vt_options_int(const vt_options *opts, const char *key, long fallback,
                         long min, long max, long *out, vt_error *err);
vt_status vt_options_double(const vt_options *opts, const char *key,
                            double fallback, double *out, vt_error *err);
/* A yes/no option; anything else is a VT_EUSAGE error. */
vt_status vt_options_bool(const vt_options *opts, const char *key, bool fallback,
                          bool *out, vt_error *err);
void vt_options_clear(vt_options *opts);

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

const char *vt_kind_name(vt_kind kind);
vt_kind vt_kind_from_name(const char *name);

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

const char *vt_role_name(vt_role role);
vt_role vt_role_from_name(const char *name);

typedef struct vt_block {
    vt_line *lines;
    size_t n_lines, cap_lines;
    vt_box box;
    vt_role role;
} vt_block;

struct Pix; /* leptonica */
struct vt_page_store;

typedef struct vt_page {
    vt_block *blocks;
    size_t n_blocks, cap_blocks;
    int width, height, dpi;
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
    /* Operations applied by preprocess, in order ("deskew -1.20deg"). */
    char **steps;
    size_t n_steps, cap_steps;
} vt_page;

/* One alternative a stage considered for a word. */
typedef struct vt_alternative {
    char *text;
    double score; /* posterior probability, 0..1 */
} vt_alternative;

/* Every change made after the text was first seen, in the order made. */
typedef struct vt_change {
    char *stage;  /* "restore" */
    char *source; /* what decided it: "lm", "code", "lexicon", ... */
    size_t page, block, line, word; /* 0-based indexes into the model */
    char *from, *to;
    double confidence; /* posterior of `to`, 0..1 */
    bool review;       /* low confidence: a person should look */
    vt_alternative *alternatives;
    size_t n_alternatives;
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
    /* Rendered record (JSON or XML, as the emit stage was told), set by
     * emit.  The caller decides where it goes. */
    char *output;
    size_t output_len;
} vt_doc;

/* Create an empty document for the input `path` (may be NULL for stdin). */
vt_doc *vt_doc_new(const char *path);
void vt_doc_free(vt_doc *doc);

vt_page *vt_doc_add_page(vt_doc *doc);
vt_block *vt_page_add_block(vt_page *page, vt_role role);
vt_line *vt_block_add_line(vt_block *block);
/* Add a word; `lead` may be NULL (one space, or none for the first word). */
vt_word *vt_line_add_word(vt_line *line, const char *text, const char *lead,
                          vt_box box, float conf);
void vt_page_add_step(vt_page *page, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void vt_doc_warn(vt_doc *doc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void vt_doc_mark_stage(vt_doc *doc, const char *stage);
bool vt_doc_stage_done(const vt_doc *doc, const char *stage);

/* Replace a word's current text and record the change.  Alternatives are
 * copied.  A replacement equal to the current text records nothing. */
void vt_doc_change_word(vt_doc *doc, size_t page, size_t block, size_t line,
                        size_t word, const char *to, const char *stage,
                        const char *source, double confidence, bool review,
                        const vt_alternative *alts, size_t n_alts);

/* A flat view of every line in reading order with its position in the
 * model; `number` counts lines from 1 across the document. */
typedef struct vt_line_ref {
    size_t page, block, line, number;
    vt_line *ln;
    vt_role role;
} vt_line_ref;

/* Caller frees the array with free(). */
vt_line_ref *vt_doc_lines(const vt_doc *doc, size_t *n);

/* Text of one line or the whole document; `original` picks the text as
 * first seen instead of the current one.  Pages are separated by a form
 * feed, lines by '\n'.  Caller frees. */
char *vt_line_text(const vt_line *line, bool original);
char *vt_doc_text(const vt_doc *doc, bool original);

/* Fill a text document from UTF-8 bytes: one page, one block, one line per
 * input line (blank lines kept), words split on spaces and tabs.  Invalid
 * UTF-8 or NUL bytes are a VT_EINPUT error naming the line. */
vt_status vt_doc_read_text(vt_doc *doc, const char *bytes, size_t len,
                           vt_error *err);

/* Serialise to / rebuild from the record JSON (schema/record.schema.json).
 * The record carries everything needed to resume a pipeline except pixels. */
struct json_t *vt_doc_to_json(const vt_doc *doc);
vt_doc *vt_doc_from_json(const struct json_t *json, vt_error *err);
/* The record of an input that failed: status "error", the code and message,
 * and the source as far as it is known (sha256 may be NULL or ""). */
struct json_t *vt_error_record(const char *path, const char *sha256,
                               const vt_error *err);
/* Render a record as XML mirroring the JSON member for member
 * (schema/record.xsd).  Caller frees. */
char *vt_record_to_xml(const struct json_t *record, size_t *len);

/* ------------------------------------------------------------------ stages */

/* A stage is a filter doc -> doc.  `open` builds per-worker state from the
 * options (a Tesseract engine, a mapped model) so that one worker reuses it
 * for every document; `run` may be called many times; `close` frees it.
 * Stages never look at each other: what one leaves in the document is all
 * the next one knows. */
typedef struct vt_stage_class {
    const char *name;
    const char *summary;
    /* Option keys the stage accepts; others are a VT_EUSAGE error. */
    const char *const *option_keys;
    vt_status (*open)(void **state, const vt_options *opts, vt_error *err);
    vt_status (*run)(void *state, vt_doc *doc, vt_error *err);
    void (*close)(void *state);
    /* Optional: what the opened state depends on beyond its options (a
     * model's version and hash), folded into the pipeline digest so that a
     * record made with another model is not taken as current. */
    const char *(*identity)(void *state);
} vt_stage_class;

/* Stages known to this build, NULL-terminated. */
const vt_stage_class *const *vt_stage_classes(void);
const vt_stage_class *vt_stage_find(const char *name);

extern const vt_stage_class vt_stage_ingest;
extern const vt_stage_class vt_stage_preprocess;
extern const vt_stage_class vt_stage_ocr;
extern const vt_stage_class vt_stage_restore;
extern const vt_stage_class vt_stage_parse;
extern const vt_stage_class vt_stage_emit;

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
 * An unknown stage or option is an error naming the file and line. */
typedef struct vt_pipeline vt_pipeline;

vt_pipeline *vt_pipeline_parse(const char *text, const char *origin,
                               vt_error *err);
vt_pipeline *vt_pipeline_load(const char *path, vt_error *err);
void vt_pipeline_free(vt_pipeline *pipe);
size_t vt_pipeline_length(const vt_pipeline *pipe);
const char *vt_pipeline_stage_name(const vt_pipeline *pipe, size_t i);
/* The origin (file name) and a digest of the stage list, options and the
 * opened stages' identities (final once vt_pipeline_open has run). */
const char *vt_pipeline_origin(const vt_pipeline *pipe);
const char *vt_pipeline_digest(const vt_pipeline *pipe);
/* Override or add an option of every stage called `stage`. */
vt_status vt_pipeline_set_option(vt_pipeline *pipe, const char *stage,
                                 const char *key, const char *value,
                                 vt_error *err);
/* Open every stage's per-worker state.  Must be called before run. */
vt_status vt_pipeline_open(vt_pipeline *pipe, vt_error *err);
/* Run the stages over doc, skipping those the document has already been
 * through, and stopping after `stop_after` when it is not NULL. */
vt_status vt_pipeline_run(vt_pipeline *pipe, vt_doc *doc,
                          const char *stop_after, vt_error *err);

/* ---------------------------------------------------------------- helpers */

/* Read a whole file (at most max_bytes); a directory, a missing file or an
 * oversized one is a VT_EINPUT error naming it.  Caller frees *out. */
vt_status vt_read_file(const char *path, size_t max_bytes, char **out,
                       size_t *len, vt_error *err);
/* Decide an input's kind from its first bytes. */
vt_kind vt_sniff(const unsigned char *bytes, size_t len);
/* Lowercase hex SHA-256 of bytes into out[65]. */
void vt_sha256_hex(const void *bytes, size_t len, char out[65]);
/* Directory holding dict/, pipeline/ and the built model: $VANTHU_DATA, else
 * the build-time default. */
const char *vt_data_dir(void);


/* ---------------------------------------------------------- restore model
 *
 * The restore stage repairs damaged
 * Vietnamese: text stripped of diacritics, OCR'd with the English or the
 * Vietnamese model, or already correct (left alone).  Its model is one
 * versioned binary file, mapped read-only: a syllable n-gram model
 * (modified Kneser-Ney) and OCR channel renderings. */

typedef struct vt_restore_model vt_restore_model;

/* Map a model file; a missing, truncated or foreign file is an error. */
vt_restore_model *vt_restore_model_open(const char *path, vt_error *err);
void vt_restore_model_close(vt_restore_model *model);
/* Path of the default model: <data dir>/vanthu.model, else the one the
 * build made.  Caller frees. */
char *vt_restore_model_default_path(void);

/* Sources of a model build.  Every path may be NULL (skipped). */
typedef struct vt_train_options {
    const char *dict_dir;    /* dict/: syllables/, corpus/, lexicon/, channel/ */
    const char *debian_text; /* text gathered from Debian packages */
    const char *const *corpora; /* the user's own correct text */
    size_t n_corpora;
    int corpus_weight;  /* counts multiplier for dict/ and user corpora */
    const char *counts;  /* n-gram counts of real text (dict/counts/, unpacked) */
    const char *output;  /* model file to write */
    const char *depfile; /* Makefile-style list of what was read */
} vt_train_options;

/* Build a model.  The same sources give the same bytes. */
vt_status vt_restore_train(const vt_train_options *opts, vt_error *err);

typedef enum vt_restore_style {
    VT_RESTORE_STYLE_AUTO = 0, /* the document's own; traditional if unclear */
    VT_RESTORE_STYLE_TRADITIONAL, /* hòa, thủy */
    VT_RESTORE_STYLE_REFORMED     /* hoà, thuỷ */
} vt_restore_style;

/* Per-worker decoding state over a model (not shared between threads). */
typedef struct vt_restorer vt_restorer;

vt_restorer *vt_restorer_new(const vt_restore_model *model,
                             vt_restore_style style, double review_below);
void vt_restorer_free(vt_restorer *r);

/* Look at a whole document's text first: decides the tone style (auto)
 * and whether the text carries its marks (correct or Vietnamese-model OCR)
 * or lost them (stripped, English-model OCR). */
void vt_restorer_begin(vt_restorer *r, const char *text, size_t len);

/* One restored word of a line. */
typedef struct vt_restored_word {
    char *text;        /* new text, owned; NULL when unchanged */
    double confidence; /* posterior of the new text, 0..1 */
    bool review;       /* confidence below the review threshold */
    const char *source; /* "lm" or "code" */
    vt_alternative alts[4]; /* n-best, the chosen first; texts owned */
    size_t n_alts;
} vt_restored_word;

/* Restore the n whitespace-separated words of one line; out[n] is filled
 * (free each with vt_restored_word_clear).  Returns false when out of
 * memory. */
bool vt_restorer_line(vt_restorer *r, const char *const *words, size_t n,
                      vt_restored_word *out);
void vt_restored_word_clear(vt_restored_word *w);

/* Restore a whole document (after vt_restorer_begin on its text): its n
 * words in reading order, para_end[i] true on the last word of each
 * paragraph (where the context ends).  Two passes: each paragraph on its
 * own, then again where the rest of the document reads a damaged word's
 * neighbours otherwise (a name spelled out in the body restores its
 * damaged copy in the title).  out[n] as vt_restorer_line fills it;
 * false when out of memory. */
bool vt_restorer_words(vt_restorer *r, const char *const *words, const bool *para_end,
                       size_t n, vt_restored_word *out);

/* Restore a whole text, keeping every space, line break and punctuation
 * mark.  Caller frees; NULL when out of memory. */
char *vt_restore_string(vt_restorer *r, const char *text, size_t len);

#ifdef __cplusplus
}
#endif
#endif
