/* xmlout.c — what the XML formats (the record's XML, ALTO, hOCR) share: a
 * libxml2 writer into memory, and text and attribute values made safe for
 * XML 1.0. */
#include <stdlib.h>
#include <string.h>

#include "format.h"

/* Length of the character at s that XML 1.0 forbids, 0 if allowed: the
 * C0 controls other than tab, LF and CR (a form feed between pages, stray
 * bytes in OCR text) and the noncharacters U+FFFE and U+FFFF.  Text is
 * valid UTF-8, so no surrogate can occur. */
static size_t forbidden_at(const unsigned char *s)
{
    if (s[0] < 0x20 && s[0] != '\t' && s[0] != '\n' && s[0] != '\r')
        return 1;
    if (s[0] == 0xef && s[1] == 0xbf && (s[2] == 0xbe || s[2] == 0xbf))
        return 3;
    return 0;
}

/* `s` with every character XML forbids written as U+FFFD; NULL when it
 * has none. */
static char *without_forbidden(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s), bad = 0;
    for (size_t i = 0; i < n; i++)
        bad += forbidden_at(u + i) != 0;
    if (!bad)
        return NULL;
    char *clean = vt_xmalloc(n + 2 * bad + 1), *o = clean;
    for (size_t i = 0; i < n;) {
        size_t len = forbidden_at(u + i);
        if (len) {
            memcpy(o, "\xef\xbf\xbd", 3);
            o += 3;
            i += len;
        } else {
            *o++ = s[i++];
        }
    }
    *o = '\0';
    return clean;
}

void vt_xml_write_text(xmlTextWriterPtr w, const char *s)
{
    char *clean = without_forbidden(s);
    xmlTextWriterWriteString(w, BAD_CAST(clean ? clean : s));
    free(clean);
}

void vt_xml_write_attribute(xmlTextWriterPtr w, const char *name, const char *value)
{
    char *clean = without_forbidden(value);
    xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST(clean ? clean : value));
    free(clean);
}

static int append(void *out, const char *bytes, int len)
{
    g_string_append_len(out, bytes, len);
    return len;
}

/* libxml2's memory buffer grows by what is written, each time: a record of
 * hundreds of MB was copied over and over.  A GString doubles. */
xmlTextWriterPtr vt_xml_writer_new(GString **out, bool indent)
{
    *out = g_string_new(NULL);
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(append, NULL, *out, NULL);
    xmlTextWriterPtr w = ob ? xmlNewTextWriter(ob) : NULL;
    if (!w) {
        if (ob)
            xmlOutputBufferClose(ob);
        g_string_free(*out, TRUE);
        *out = NULL;
        return NULL;
    }
    if (indent) {
        xmlTextWriterSetIndent(w, 1);
        xmlTextWriterSetIndentString(w, BAD_CAST "  ");
    }
    return w;
}

char *vt_xml_writer_finish(xmlTextWriterPtr w, GString *out, size_t *len)
{
    xmlTextWriterEndDocument(w);
    xmlFreeTextWriter(w);
    *len = out->len;
    return g_string_free(out, FALSE);
}
