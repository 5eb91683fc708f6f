/* format.h — what the record formats of src/emit/ share; not installed. */
#ifndef VT_FORMAT_H
#define VT_FORMAT_H

#include <jansson.h>

#include "internal.h"

/* The registry's format names in its order, NULL-terminated: the choices
 * of the emit stage's `format` option. */
extern const char *const vt_format_choices[];

/* The record of a document as the options ask for it (without the
 * page/block/line/word tree unless opts->words).  Caller decrefs. */
json_t *vt_format_record(const vt_doc *doc, const vt_render_options *opts);

#endif
