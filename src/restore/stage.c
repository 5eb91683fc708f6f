/* stage.c — the restore stage: repair every line of the document with the
 * restore model and record each changed word with its confidence,
 * alternatives and review flag.
 *
 * Options: model=PATH (default: the built model, see
 * vt_restore_model_default_path), style=auto|traditional|reformed (tone
 * placement of changed words; auto keeps the document's own),
 * review-below=0.x (flag changes whose confidence is lower). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "restore.h"
#include "vt_config.h"

char *vt_restore_model_default_path(void)
{
    const char *dirs[] = {vt_data_dir(), VT_BUILD_DATA_DIR "/src/restore",
                          VT_INSTALL_DATA_DIR};
    char *p = NULL;
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        free(p);
        p = vt_xasprintf("%s/vanthu.model", dirs[i]);
        if (access(p, R_OK) == 0)
            return p;
    }
    return p;
}

static const char *const option_keys[] = {"model", "style", "review-below", NULL};

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

static vt_status restore_open(void **out, const vt_options *opts, vt_error *err)
{
    const char *style_name = vt_options_get(opts, "style", "auto");
    vt_restore_style style;
    if (strcmp(style_name, "auto") == 0)
        style = VT_RESTORE_STYLE_AUTO;
    else if (strcmp(style_name, "traditional") == 0)
        style = VT_RESTORE_STYLE_TRADITIONAL;
    else if (strcmp(style_name, "reformed") == 0)
        style = VT_RESTORE_STYLE_REFORMED;
    else
        return vt_error_set(err, VT_EUSAGE,
                            "restore: style must be auto, traditional or reformed, not '%s'",
                            style_name);
    double review;
    vt_status st = vt_options_double(opts, "review-below", 0.6, &review, err);
    if (st)
        return st;
    if (review < 0 || review > 1)
        return vt_error_set(err, VT_EUSAGE, "restore: review-below must lie in 0..1");
    char *def = NULL;
    const char *path = vt_options_get(opts, "model", NULL);
    if (!path)
        path = def = vt_restore_model_default_path();
    state *s = vt_xcalloc(1, sizeof *s);
    s->model = vt_restore_model_open(path, err);
    free(def);
    if (!s->model) {
        free(s);
        return err ? err->status : VT_EDEPEND;
    }
    s->r = vt_restorer_new(s->model, style, review);
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
    vt_restored_word *res = vt_xcalloc(n + 1, sizeof *res);
    /* A paragraph: lines with words, up to a blank line or another block.
     * Decoded together, so that the end of a line sees the next one. */
    size_t k = 0;
    for (size_t i = 0; i < n_lines; i++) {
        size_t first = k;
        for (size_t w = 0; w < lines[i].ln->n_words; w++)
            words[k++] = lines[i].ln->words[w].text;
        bool ends = i + 1 == n_lines || lines[i + 1].ln->n_words == 0 ||
                    lines[i + 1].page != lines[i].page || lines[i + 1].block != lines[i].block;
        bool heading = k > first && vt_heading_line(words + first, k - first);
        if (k > 0 && (ends || heading))
            para_end[k - 1] = true;
        if (first > 0 && heading)
            para_end[first - 1] = true;
    }
    vt_restorer_words(s->r, words, para_end, n, res);
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
    free(para_end);
    free(res);
    free(lines);
    return VT_OK;
}

const vt_stage_class vt_stage_restore = {
    .name = "restore",
    .summary = "repair diacritics and OCR confusions (n-gram + OCR channel model)",
    .option_keys = option_keys,
    .open = restore_open,
    .run = restore_run,
    .close = restore_close,
    .identity = restore_identity,
};
