/* xmlout.c — what the XML formats (the record's XML, ALTO, hOCR) share: a
 * libxml2 writer into memory, and text and attribute values made safe for
 * XML 1.0. */
#include <stdlib.h>
#include <string.h>

#include "format.h"

static bool is_forbidden(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

/* XML 1.0 cannot carry most control characters (a form feed between
 * pages, stray bytes in OCR text); they are written as U+FFFD.  NULL when
 * `s` has none. */
static char *without_controls(const char *s)
{
    size_t n = strlen(s), bad = 0;
    for (size_t i = 0; i < n; i++)
        bad += is_forbidden((unsigned char)s[i]);
    if (!bad)
        return NULL;
    char *clean = vt_xmalloc(n + 2 * bad + 1), *o = clean;
    for (size_t i = 0; i < n; i++) {
        if (is_forbidden((unsigned char)s[i])) {
            memcpy(o, "\xef\xbf\xbd", 3);
            o += 3;
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return clean;
}

void vt_xml_write_text(xmlTextWriterPtr w, const char *s)
{
    char *clean = without_controls(s);
    xmlTextWriterWriteString(w, BAD_CAST(clean ? clean : s));
    free(clean);
}

void vt_xml_write_attribute(xmlTextWriterPtr w, const char *name, const char *value)
{
    char *clean = without_controls(value);
    xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST(clean ? clean : value));
    free(clean);
}

xmlTextWriterPtr vt_xml_writer_new(xmlBufferPtr *buf, bool indent)
{
    *buf = xmlBufferCreate();
    xmlTextWriterPtr w = xmlNewTextWriterMemory(*buf, 0);
    if (!w) {
        xmlBufferFree(*buf);
        *buf = NULL;
        return NULL;
    }
    if (indent) {
        xmlTextWriterSetIndent(w, 1);
        xmlTextWriterSetIndentString(w, BAD_CAST "  ");
    }
    return w;
}

char *vt_xml_writer_finish(xmlTextWriterPtr w, xmlBufferPtr buf, size_t *len)
{
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);
    *len = (size_t)xmlBufferLength(buf);
    char *out = vt_xstrndup((const char *)xmlBufferContent(buf), *len);
    xmlBufferFree(buf);
    return out;
}
