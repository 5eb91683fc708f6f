/*
 * align.h — align OCR output to the text it was made from.
 *
 * Two levels: tokens of a line (whitespace-separated words) are aligned by
 * an edit distance whose substitution cost is how unlike the two words'
 * base letters are; then the characters of each aligned word pair are
 * aligned by a weighted Levenshtein whose operations turn 0-3 truth code
 * points into 0-3 OCR code points ("ư" -> "tr", "ợ" -> "").  The weights
 * come from counts of earlier alignments (hard EM), starting from a prior
 * that prefers identities, then same-base-letter substitutions.
 *
 * All strings are UTF-8 in NFC.
 */
#ifndef VT_CHANNEL_ALIGN_H
#define VT_CHANNEL_ALIGN_H

#include <stddef.h>

#define VT_CHAN_MAXSEG 3 /* code points on either side of one operation */

/* One operation of a character alignment; empty string = epsilon. */
typedef struct vt_chan_seg {
    char truth[4 * VT_CHAN_MAXSEG + 1];
    char ocr[4 * VT_CHAN_MAXSEG + 1];
} vt_chan_seg;

/* Counts of segment pairs and of the truth text they came from; the
 * source of the alignment costs. */
typedef struct vt_chan_counts vt_chan_counts;

vt_chan_counts *vt_chan_counts_new(void);
void vt_chan_counts_free(vt_chan_counts *c);
void vt_chan_counts_add(vt_chan_counts *c, const char *truth, const char *ocr,
                        double n);
/* Count the truth text a set of pairs came from: every substring of up to
 * VT_CHAN_MAXSEG code points, and the places between characters. */
void vt_chan_counts_add_truth(vt_chan_counts *c, const char *truth, double n);
double vt_chan_counts_get(const vt_chan_counts *c, const char *truth,
                          const char *ocr);
double vt_chan_counts_total(const vt_chan_counts *c);
/* Call fn for every truth substring counted by vt_chan_counts_add_truth
 * with how often it occurred, in byte order; first the empty string with
 * the number of places an insertion could happen. */
void vt_chan_counts_each_truth(const vt_chan_counts *c,
                               void (*fn)(const char *truth, double n,
                                          void *user),
                               void *user);
/* Call fn for every pair in byte order of (truth, ocr). */
void vt_chan_counts_each(const vt_chan_counts *c,
                         void (*fn)(const char *truth, const char *ocr,
                                    double n, void *user),
                         void *user);

/* Costs of segment pairs.  `counts` may be NULL (prior only); the costs
 * keep a reference to it, so it must outlive them. */
typedef struct vt_chan_costs vt_chan_costs;

vt_chan_costs *vt_chan_costs_new(const vt_chan_counts *counts);
void vt_chan_costs_free(vt_chan_costs *costs);

/* Best character alignment of one word pair.  Writes at most `cap`
 * operations to `out` and returns how many the alignment has (may exceed
 * cap); *cost (when not NULL) receives its total cost. */
size_t vt_chan_align_chars(const vt_chan_costs *costs, const char *truth,
                           const char *ocr, vt_chan_seg *out, size_t cap,
                           double *cost);

/* One step of a token alignment: truth tokens [t, t+nt) against OCR tokens
 * [o, o+no); nt and no are 0, 1 or 2 and not both 0. */
typedef struct vt_chan_tokpair {
    size_t t, nt, o, no;
    double dist; /* 0 = same base letters, 1 = unrelated */
} vt_chan_tokpair;

/* Align two token lists.  Returns a malloc'ed array of *n steps in order. */
vt_chan_tokpair *vt_chan_align_tokens(char *const *truth, size_t n_truth,
                                      char *const *ocr, size_t n_ocr,
                                      size_t *n);

/* Distance between two words: edit distance of their lowercase base
 * letters (marks dropped, đ -> d) over the longer length, in 0..1. */
double vt_chan_word_dist(const char *a, const char *b);

/* Split a line on whitespace into a NULL-terminated array of *n tokens. */
char **vt_chan_tokens(const char *line, size_t *n);
void vt_chan_tokens_free(char **tokens, size_t n);

#endif
