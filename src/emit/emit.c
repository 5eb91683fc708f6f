/* emit.c — render the document as its record, JSON or XML. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

typedef struct {
    bool xml;
    bool pretty;
    bool words; /* keep the page/block/line/word tree */
} emit_opts;

static const char *const emit_keys[] = {"format", "pretty", "words", NULL};

static vt_status emit_open(void **state, const vt_options *opts, vt_error *err)
{
    emit_opts o = {0};
    const char *format = vt_options_get(opts, "format", "json");
    if (strcmp(format, "json") != 0 && strcmp(format, "xml") != 0)
        return vt_error_set(err, VT_EUSAGE, "option format=%s: expected json or xml", format);
    o.xml = strcmp(format, "xml") == 0;
    vt_status st = vt_options_bool(opts, "pretty", true, &o.pretty, err);
    if (!st)
        st = vt_options_bool(opts, "words", true, &o.words, err);
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
    json_t *rec = vt_doc_to_json(doc);
    if (!o->words)
        json_object_del(rec, "pages");
    char *out;
    size_t len;
    if (o->xml) {
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
    .option_keys = emit_keys,
    .open = emit_open,
    .run = emit_run,
    .close = emit_close,
};
