/*
 * restorer.h — the restore model and the restorer, for the programs and
 * tests of this tree (the restore stage, `vanthu train`, bench/restore.c,
 * the restore fuzzer and unit tests).
 *
 * Not part of libvanthu's ABI: the shared library exports only what
 * vanthu.h declares, and a program restores text through the `restore`
 * stage of a pipeline.  These functions are linked from the library's
 * internal archive (libvanthu-internal.a).
 */
#ifndef VT_RESTORER_H
#define VT_RESTORER_H

#include "vanthu.h"

/* ---------------------------------------------------------- restore model
 *
 * The restore stage repairs damaged
 * Vietnamese: text stripped of diacritics, OCR'd with the English or the
 * Vietnamese model, or already correct (left alone).  Its model is one
 * versioned binary file, mapped read-only: a syllable n-gram model
 * (modified Kneser-Ney) and OCR channel renderings. */

typedef struct vt_restore_model vt_restore_model;

/* Map a model file; a missing, truncated or foreign file is an error.
 * Opening checks the header, that every section lies inside the file and
 * the indexes of the vocabulary's size; a lookup checks what it follows in
 * the large tables, so that opening costs the same whatever the model's
 * size and a damaged table gives wrong answers, never a read outside the
 * file. */
vt_restore_model *vt_restore_model_open(const char *path, vt_error *err);
void vt_restore_model_close(vt_restore_model *model);
/* Check a model file through: its checksum and every index of its tables
 * (`vanthu train --check`). */
vt_status vt_restore_model_check(const char *path, vt_error *err);
/* The default model is vt_data_path("vanthu.model"). */

/* Building a model (vt_restore_train) is not in this library: the
 * training library's src/restore/train.h declares it. */

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
    vt_alternative alts[VT_MAX_ALTERNATIVES]; /* n-best, the chosen first; texts owned */
    size_t n_alts;
} vt_restored_word;

/* Restore the n whitespace-separated words of one line; out[n] is filled
 * (free each with vt_restored_word_clear). */
void vt_restorer_line(vt_restorer *r, const char *const *words, size_t n,
                      vt_restored_word *out);
void vt_restored_word_clear(vt_restored_word *w);

/* Restore a whole document (after vt_restorer_begin on its text): its n
 * words in reading order, para_end[i] true on the last word of each
 * paragraph (where the context ends).  Two passes: each paragraph on its
 * own, then again where the rest of the document reads a damaged word's
 * neighbours otherwise (a name spelled out in the body restores its
 * damaged copy in the title).  heading_on[i] (NULL: none) true on the
 * last word of a heading line with another heading line right below it
 * (vt_heading_line; the two are paragraphs of their own).  out[n] as
 * vt_restorer_line fills it. */
void vt_restorer_words(vt_restorer *r, const char *const *words, const bool *para_end,
                       const bool *heading_on, size_t n, vt_restored_word *out);

/* Restore a whole text, keeping every space, line break and punctuation
 * mark.  Caller frees. */
char *vt_restore_string(vt_restorer *r, const char *text, size_t len);

#endif
