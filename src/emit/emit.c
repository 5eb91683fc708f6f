/* emit.c — the emit stage: render the document in the format its options
 * name, one of the registry's (formats.c). */
#include <stdlib.h>
#include <string.h>

#include "format.h"

typedef struct {
    const vt_format *format;
    vt_render_options render;
} emit_opts;

static const char *const emit_keys[] = {"format", "pretty", "words", NULL};

static vt_status emit_open(void **state, const vt_options *opts, vt_error *err)
{
    emit_opts o = {0};
    const char *format = vt_options_get(opts, "format", "json");
    o.format = vt_format_find(format);
    if (!o.format) {
        char names[256];
        vt_format_names(false, names, sizeof names);
        return vt_error_set(err, VT_EUSAGE, "option format=%s: expected %s", format, names);
    }
    vt_status st = vt_options_bool(opts, "pretty", true, &o.render.pretty, err);
    if (!st)
        st = vt_options_bool(opts, "words", true, &o.render.words, err);
    if (st)
        return st;
    emit_opts *p = vt_xmalloc(sizeof *p);
    *p = o;
    *state = p;
    return VT_OK;
}

static void emit_close(void *state)
{
    free(state);
}

static vt_status emit_run(void *state, vt_doc *doc, vt_error *err)
{
    const emit_opts *o = state;
    size_t len;
    char *out = o->format->render(doc, &o->render, &len);
    if (!out)
        return vt_error_set(err, VT_EINTERNAL, "%s: record could not be rendered", doc->path);
    free(doc->output);
    doc->output = out;
    doc->output_len = len;
    return VT_OK;
}

const vt_stage_class vt_stage_emit = {
    .name = "emit",
    .summary = "render the document in one of the output formats (format=NAME)",
    .option_keys = emit_keys,
    .open = emit_open,
    .run = emit_run,
    .close = emit_close,
    .every_pass = true,
};
