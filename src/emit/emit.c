/* emit.c — render the document as its record, JSON or XML. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

typedef struct {
    int format; /* index into format_names */
    bool pretty;
    bool words; /* keep the page/block/line/word tree */
} emit_opts;

enum { FORMAT_JSON, FORMAT_XML };
static const char *const format_names[] = {[FORMAT_JSON] = "json", [FORMAT_XML] = "xml",
                                           NULL};

static const vt_option_spec emit_options[] = {
    {"format", VT_OPTION_CHOICE, "json", 0, 0, format_names, "record format",
     offsetof(emit_opts, format)},
    {"pretty", VT_OPTION_BOOL, "yes", 0, 0, NULL, "indent JSON (no: one line)",
     offsetof(emit_opts, pretty)},
    {"words", VT_OPTION_BOOL, "yes", 0, 0, NULL,
     "keep the page, block, line and word tree", offsetof(emit_opts, words)},
    {0},
};

static vt_status emit_open(void **state, const void *opts, vt_error *err)
{
    (void)err;
    emit_opts *o = vt_xmalloc(sizeof *o);
    *o = *(const emit_opts *)opts;
    *state = o;
    return VT_OK;
}

static void emit_close(void *state)
{
    free(state);
}

static vt_status emit_run(void *state, vt_doc *doc, vt_error *err)
{
    const emit_opts *o = state;
    json_t *rec = vt_doc_to_json(doc);
    if (!o->words)
        json_object_del(rec, "pages");
    char *out;
    size_t len;
    if (o->format == FORMAT_XML) {
        out = vt_record_to_xml(rec, &len);
    } else {
        out = json_dumps(rec, (o->pretty ? JSON_INDENT(2) : JSON_COMPACT) |
                                  JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
        len = out ? strlen(out) : 0;
    }
    json_decref(rec);
    if (!out)
        return vt_error_set(err, VT_EINTERNAL, "%s: record could not be rendered", doc->path);
    free(doc->output);
    doc->output = out;
    doc->output_len = len;
    return VT_OK;
}

const vt_stage_class vt_stage_emit = {
    .name = "emit",
    .summary = "render the record as JSON or XML",
    .options = emit_options,
    .options_size = sizeof(emit_opts),
    .open = emit_open,
    .run = emit_run,
    .close = emit_close,
};
