/* stage.c — the restore stage: repair every line of the document with the
 * restore model and record each changed word with its confidence,
 * alternatives and review flag. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "restore.h"

typedef struct restore_opts {
    const char *model; /* NULL: the data directory's vanthu.model */
    int style;         /* a vt_restore_style */
    double review_below;
} restore_opts;

/* In the order of vt_restore_style. */
static const char *const style_names[] = {"auto", "traditional", "reformed", NULL};

static const vt_option_spec restore_options[] = {
    {"model", VT_OPTION_PATH, NULL, 0, 0, NULL,
     "restore model file (default: the installed one)", offsetof(restore_opts, model)},
    {"style", VT_OPTION_CHOICE, "auto", 0, 0, style_names,
     "tone placement of changed words (auto: the document's own)",
     offsetof(restore_opts, style)},
    {"review-below", VT_OPTION_DOUBLE, "0.6", 0, 1, NULL,
     "flag changes whose confidence is lower for review",
     offsetof(restore_opts, review_below)},
    {0},
};

typedef struct state {
    vt_restore_model *model;
    vt_restorer *r;
    char identity[64]; /* model format version and checksum */
} state;

static void restore_close(void *p)
{
    state *s = p;
    if (!s)
        return;
    vt_restorer_free(s->r);
    vt_restore_model_close(s->model);
    free(s);
}

static vt_status restore_open(void **out, const void *opts, vt_error *err)
{
    const restore_opts *o = opts;
    char *def = NULL;
    const char *path = o->model;
    if (!path) {
        def = vt_data_path("vanthu.model", err);
        if (!def)
            return err ? err->status : VT_EDEPEND;
        path = def;
    }
    state *s = vt_xcalloc(1, sizeof *s);
    s->model = vt_restore_model_open(path, err);
    free(def);
    if (!s->model) {
        free(s);
        return err ? err->status : VT_EDEPEND;
    }
    s->r = vt_restorer_new(s->model, (vt_restore_style)o->style, o->review_below);
    *out = s;
    return VT_OK;
}

static const char *restore_identity(void *p)
{
    state *s = p;
    snprintf(s->identity, sizeof s->identity, "model-v%u-%016llx",
             (unsigned)s->model->h->version, (unsigned long long)s->model->h->checksum);
    return s->identity;
}

static vt_status restore_run(void *p, vt_doc *doc, vt_error *err)
{
    (void)err; /* restoring cannot fail */
    state *s = p;
    vt_options_set(&doc->provenance, "model", restore_identity(s));
    char *text = vt_doc_text(doc, false);
    vt_restorer_begin(s->r, text, strlen(text));
    free(text);
    size_t n_lines;
    vt_line_ref *lines = vt_doc_lines(doc, &n_lines);
    size_t n = 0;
    for (size_t i = 0; i < n_lines; i++)
        n += lines[i].ln->n_words;
    const char **words = vt_xmalloc((n + 1) * sizeof *words);
    bool *para_end = vt_xcalloc(n + 1, sizeof *para_end);
    bool *heading_on = vt_xcalloc(n + 1, sizeof *heading_on);
    vt_restored_word *res = vt_xcalloc(n + 1, sizeof *res);
    /* A paragraph: lines with words, up to a blank line or another block.
     * Decoded together, so that the end of a line sees the next one. */
    size_t k = 0;
    bool heading_before = false, ended = true;
    for (size_t i = 0; i < n_lines; i++) {
        size_t first = k;
        for (size_t w = 0; w < lines[i].ln->n_words; w++)
            words[k++] = lines[i].ln->words[w].text;
        bool ends = i + 1 == n_lines || lines[i + 1].ln->n_words == 0 ||
                    lines[i + 1].page != lines[i].page || lines[i + 1].block != lines[i].block;
        bool heading = k > first && vt_heading_line(words + first, k - first);
        bool own = heading || vt_name_line(words + first, k - first); /* none under two words */
        if (first > 0 && own) {
            heading_on[first - 1] = heading && heading_before && !ended;
            para_end[first - 1] = true;
        }
        if (k > 0 && (ends || own))
            para_end[k - 1] = true;
        heading_before = heading;
        ended = ends;
    }
    vt_restorer_words(s->r, words, para_end, heading_on, n, res);
    k = 0;
    for (size_t i = 0; i < n_lines; i++)
        for (size_t w = 0; w < lines[i].ln->n_words; w++, k++)
            if (res[k].text)
                vt_doc_change_word(doc, lines[i].page, lines[i].block, lines[i].line, w,
                                   res[k].text, "restore", res[k].source,
                                   res[k].confidence, res[k].review, res[k].alts,
                                   res[k].n_alts);
    for (size_t i = 0; i < n; i++)
        vt_restored_word_clear(&res[i]);
    free(words);
    free(heading_on);
    free(para_end);
    free(res);
    free(lines);
    return VT_OK;
}

const vt_stage_class vt_stage_restore = {
    .name = "restore",
    .summary = "repair diacritics and OCR confusions (n-gram + OCR channel model)",
    .options = restore_options,
    .options_size = sizeof(restore_opts),
    .open = restore_open,
    .run = restore_run,
    .close = restore_close,
    .identity = restore_identity,
};
