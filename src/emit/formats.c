/* formats.c — the registry of output formats.  A format is one file of
 * src/emit/ defining `const vt_format vt_format_NAME` and one name in
 * VT_FORMATS below; the order is the order help and messages list them. */
#include <string.h>

#include <glib.h>

#include "format.h"

#define VT_FORMATS(X) X(json) X(xml) X(text) X(alto) X(hocr) X(pdf) X(mets)

#define VT_FORMAT_DECLARE(name) extern const vt_format vt_format_##name;
#define VT_FORMAT_ENTRY(name) &vt_format_##name,
VT_FORMATS(VT_FORMAT_DECLARE)
#define VT_FORMAT_NAME(name) #name,
static const vt_format *const formats[] = {VT_FORMATS(VT_FORMAT_ENTRY) NULL};
const char *const vt_format_choices[] = {VT_FORMATS(VT_FORMAT_NAME) NULL};

const vt_format *const *vt_formats(void)
{
    return formats;
}

const vt_format *vt_format_find(const char *name)
{
    for (size_t i = 0; formats[i]; i++)
        if (strcmp(formats[i]->name, name) == 0)
            return formats[i];
    return NULL;
}

void vt_format_names(bool records_only, char *buf, size_t size)
{
    size_t n = 0, listed = 0;
    for (size_t i = 0; formats[i]; i++)
        n += !records_only || formats[i]->record;
    buf[0] = '\0';
    for (size_t i = 0; formats[i]; i++) {
        if (records_only && !formats[i]->record)
            continue;
        if (listed)
            g_strlcat(buf, listed + 1 == n ? " or " : ", ", size);
        g_strlcat(buf, formats[i]->name, size);
        listed++;
    }
}

double vt_format_word_confidence(const vt_walk *walk)
{
    if (walk->change)
        return walk->change->confidence;
    return walk->word->conf >= 0 ? walk->word->conf / 100.0 : -1;
}
