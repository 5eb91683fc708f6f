/* text.c — the corrected text alone, as vt_doc_text gives it: lines as the
 * page shows them, a form feed between pages (and between documents on one
 * stream).  It is no record, so a failed input has none. */
#include <string.h>

#include "format.h"

static char *render(const vt_doc *doc, const vt_render_options *opts, size_t *len,
                    vt_error *err)
{
    (void)err;
    (void)opts;
    char *out = vt_doc_text(doc, false);
    *len = strlen(out);
    return out;
}

const vt_format vt_format_text = {
    .name = "text",
    .extension = ".txt",
    .separator = "\f",
    .render = render,
};
