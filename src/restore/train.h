/* train.h — building a restore model: the training library (a static
 * library of its own, used by vt-mkmodel and `vanthu train`; the run-time
 * restore code in libvanthu needs none of it).
 *
 * Files: channel.c (OCR confusion rules and renderings), lm_build.c
 * (modified Kneser-Ney counts), train.c (reading the sources, the
 * vocabulary, the whole build), train_model.c (the model file's tables,
 * trie and layout). */
#ifndef VT_TRAIN_H
#define VT_TRAIN_H

#include "restore.h"

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

/* ------------------------------------------------------------ channel.c, lm_build.c */

/* Confusion rules of one OCR channel: truth sequence -> OCR sequence with
 * a cost (-ln P(ocr | truth)).  Both sides folded to lowercase NFC. */
typedef struct vt_rule {
    char truth[16], ocr[16];
    uint8_t tlen, olen;
    float cost;
} vt_rule;

typedef struct vt_channel {
    vt_rule *rules;
    size_t n_rules, cap_rules;
    /* whole-token observations: truth syllable -> OCR token */
    vt_rule *words;
    size_t n_words, cap_words;
    /* occurrences of truth sequences in the training text (`cost` holds
     * the count, the OCR side is empty): the rules' denominators */
    vt_rule *occ;
    size_t n_occ, cap_occ;
    char **files; /* what it was read from */
    size_t n_files;
} vt_channel;

/* Load a chars TSV (truth TAB ocr TAB count) and/or words TSV into ch;
 * missing files are not an error (the rules then stay generic). */
vt_status vt_channel_load_chars(vt_channel *ch, const char *path, vt_error *err);
vt_status vt_channel_load_words(vt_channel *ch, const char *path, vt_error *err);
/* Load a context TSV (truth TAB occurrences); missing is no error. */
vt_status vt_channel_load_context(vt_channel *ch, const char *path, vt_error *err);
/* Add the generic rules derived from the letter tables: every letter may
 * lose its marks or keep them.  `marked` says which the channel favours. */
void vt_channel_add_generic(vt_channel *ch, bool marked);
/* Finish: turn counts into costs. */
void vt_channel_finish(vt_channel *ch);
void vt_channel_free(vt_channel *ch);

typedef struct vt_render {
    char text[64];
    float cost;
} vt_render;
/* Up to cap most likely renderings of lowercase `word`, best first. */
size_t vt_channel_render(const vt_channel *ch, const char *word, vt_render *out,
                         size_t cap, float beam);

/* A modified Kneser-Ney trigram model in the file's hash-table layout. */
typedef struct vt_lm {
    uint32_t n_vocab;
    float *uni_p, *uni_bo;
    uint32_t bi_slots, tri_slots;
    uint64_t *bi_keys, *tri_keys;
    float *bi_p, *bi_bo, *tri_p;
    size_t n_bigrams, n_trigrams;
} vt_lm;

/* Counts of n-grams (orders 1-3) read from a counts file (counts.c). */
typedef struct vt_ngram {
    uint32_t id[3];
    uint32_t count;
    uint8_t order;
    /* A bigram of the model of names (a part after another): it tells
     * what follows its first token, and is no context its second is
     * used in (the second's unigram, a continuation count, is the
     * text's). */
    bool named;
} vt_ngram;
typedef struct vt_ngrams {
    vt_ngram *a;
    size_t n, cap;
} vt_ngrams;
/* Called for each entry line of a data file: `line` is NUL-terminated,
 * without its line end; a status other than VT_OK stops the reading. */
typedef vt_status (*vt_line_fn)(void *ctx, char *line, size_t len, size_t lineno);
/* Each entry line of `path` (not '#' comments, not empty ones) to fn.  An
 * `optional` file that does not exist reads as empty; *opened (may be
 * NULL) tells whether it existed. */
vt_status vt_data_lines(const char *path, bool optional, vt_line_fn fn, void *ctx,
                        bool *opened, vt_error *err);
/* The same, '#' lines included: files parted by "# section" lines. */
vt_status vt_data_sections(const char *path, bool optional, vt_line_fn fn, void *ctx,
                           vt_error *err);
/* The id of a token of a counts file: >= 0, or -1 for a token the model
 * leaves out. */
typedef int64_t (*vt_token_fn)(void *ctx, const char *s, size_t len);
/* Append the counts of file `path` to *out. */
vt_status vt_ngrams_read(const char *path, vt_token_fn token, void *ctx, vt_ngrams *out,
                         vt_error *err);
void vt_ngrams_free(vt_ngrams *g);

/* Estimate from token ids: sentences are VT_TOK_BOS ... VT_TOK_EOS; each
 * token position has a count weight (the weight of its source).  `extra`
 * (n_extra n-grams, ids of this vocabulary) adds bigram and trigram counts
 * to those of the sequence.  `listed` (may be NULL) marks tokens also
 * found in word lists. */
void vt_lm_build(const uint32_t *seq, const uint8_t *weight, size_t n, const vt_ngram *extra,
                 size_t n_extra, const uint8_t *listed, uint32_t n_vocab, vt_lm *lm);
void vt_lm_free(vt_lm *lm);
/* ln P(c | b) of a built model. */
float vt_lm_bigram(const vt_lm *lm, uint32_t b, uint32_t c);

/* ------------------------------------------------------------ train.c, train_model.c */

/* What a build read: the depfile's body, and the labels of its sources
 * (NUL-separated) that the model records. */
typedef struct vt_train_sources {
    vt_buf deps;
    vt_buf sources;
    size_t n_sources;
} vt_train_sources;

/* Note a file or directory read, with the label the model records for it
 * (NULL: none). */
void vt_train_note_source(vt_train_sources *s, const char *path, const char *label);

/* Add a string to the model's string pool (append-only); its offset. */
uint32_t vt_train_pool_add(vt_buf *pool, const char *s);

/* A string table as the file lays it out (vt_table_header). */
typedef struct str_table {
    uint32_t *hash, *str, *post;
    vt_posting *postings;
    uint32_t n_slots, n_strings, n_postings;
} str_table;

/* What the file holds of one channel. */
typedef struct chan_index {
    str_table tables[VT_TAB_KINDS];
    vt_model_rule *rules;
    uint32_t n_rules;
    vt_buf known; /* OCR tokens of the channel's training, NUL-ended */
} chan_index;

/* Channel `which` from dict's channel files: its rules, and the table of
 * renderings of the V tokens of vocab. */
vt_status vt_train_channel(vt_train_sources *src, const char *dict, int which,
                           char *const *vocab, const uint8_t *flags, uint32_t V,
                           vt_buf *pool, chan_index *ci, vt_error *err);
void vt_train_channel_free(chan_index *c);

/* The sorted vocabulary as a trie, breadth first, and each node's least
 * unigram cost below it. */
vt_trie_node *vt_train_trie(char *const *vocab, uint32_t V, uint32_t *n_nodes);
void vt_train_trie_rest(vt_trie_node *t, uint32_t n, const float *uni_p,
                        const uint8_t *flags);

/* What the model file is made of. */
typedef struct parts {
    const vt_buf *pool;
    uint32_t V, vslots, n_trie;
    const uint32_t *vstr, *vhash, *src_off;
    uint32_t n_sources;
    const uint8_t *flags;
    const vt_lm *lm;
    const vt_trie_node *trie;
    const chan_index *ci;
} parts;

/* The model file in `file`: the header, the sections 8-aligned, and the
 * header again with their places and the checksum. */
void vt_train_lay_out(vt_buf *file, const parts *p);
/* The known damage tables of ci, searched in the model laid out in data. */
vt_status vt_train_search_known(const char *data, size_t len, vt_buf *pool, chan_index *ci,
                                vt_error *err);
/* Write n bytes to path (through a temporary file renamed into place). */
vt_status vt_train_write(const char *path, const void *p, size_t n, vt_error *err);

#endif
