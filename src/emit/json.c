/* json.c — the record as JSON (schema/record.schema.json), the format a
 * run resumes from. */
#include <stdlib.h>
#include <string.h>

#include "format.h"

static size_t json_flags(const vt_render_options *opts)
{
    return (opts->pretty ? JSON_INDENT(2) : JSON_COMPACT) | JSON_PRESERVE_ORDER |
           JSON_REAL_PRECISION(6);
}

static char *write_json(json_t *record, const vt_render_options *opts, size_t *len)
{
    char *out = json_dumps(record, json_flags(opts));
    json_decref(record);
    *len = out ? strlen(out) : 0;
    return out;
}

static char *render(const vt_doc *doc, const vt_render_options *opts, size_t *len,
                    vt_error *err)
{
    (void)err;
    return vt_doc_json_dump(doc, json_flags(opts), opts->words, len);
}

static char *render_error(const char *path, const char *sha256, const vt_error *err,
                          const vt_render_options *opts, size_t *len)
{
    return write_json(vt_error_record(path, sha256, err), opts, len);
}

const vt_format vt_format_json = {
    .name = "json",
    .extension = ".json",
    .record = true,
    .compact_is_one_line = true,
    .render = render,
    .render_error = render_error,
};
