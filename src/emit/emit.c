/* emit.c — the emit stage: render the document in the format its options
 * name, one of the registry's (formats.c). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

/* The options as the pipeline fills them from emit_options. */
typedef struct {
    int format; /* index into the registry, as vt_format_choices lists it */
    bool pretty;
    bool words;
} emit_opts;

static const vt_option_spec emit_options[] = {
    {"format", VT_OPTION_CHOICE, "json", 0, 0, vt_format_choices, "output format",
     offsetof(emit_opts, format)},
    {"pretty", VT_OPTION_BOOL, "yes", 0, 0, NULL, "indent JSON (no: one line)",
     offsetof(emit_opts, pretty)},
    {"words", VT_OPTION_BOOL, "yes", 0, 0, NULL,
     "keep the page, block, line and word tree", offsetof(emit_opts, words)},
    {0},
};

typedef struct {
    const vt_format *format;
    vt_render_options render;
} emit_state;

static vt_status emit_open(void **state, const void *opts, vt_error *err)
{
    (void)err;
    const emit_opts *o = opts;
    emit_state *s = vt_xmalloc(sizeof *s);
    s->format = vt_formats()[o->format];
    s->render = (vt_render_options){.pretty = o->pretty, .words = o->words};
    *state = s;
    return VT_OK;
}

static void emit_close(void *state)
{
    free(state);
}

static vt_status emit_run(void *state, vt_doc *doc, vt_error *err)
{
    const emit_state *s = state;
    size_t len;
    vt_error why = {0};
    char *out = s->format->render(doc, &s->render, &len, &why);
    if (!out) {
        if (!why.status)
            return vt_error_set(err, VT_EINTERNAL, "%s: record could not be rendered",
                                doc->path);
        if (err)
            *err = why;
        return why.status;
    }
    free(doc->output);
    doc->output = out;
    doc->output_len = len;
    return VT_OK;
}

const vt_stage_class vt_stage_emit = {
    .name = "emit",
    .summary = "render the document in one of the output formats",
    .options = emit_options,
    .options_size = sizeof(emit_opts),
    .open = emit_open,
    .run = emit_run,
    .close = emit_close,
    .every_pass = true,
};
