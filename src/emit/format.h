/* format.h — what the record formats of src/emit/ share; not installed. */
#ifndef VT_FORMAT_H
#define VT_FORMAT_H

#include <glib.h>
#include <jansson.h>
#include <libxml/xmlwriter.h>

#include "internal.h"

/* The registry's format names in its order, NULL-terminated: the choices
 * of the emit stage's `format` option. */
extern const char *const vt_format_choices[];

/* Word confidence 0..1 for the word the walk has reached: the posterior of
 * its last change when a stage changed it (the text shown is that stage's
 * choice), else the OCR's; -1 when neither is known (text input). */
double vt_format_word_confidence(const vt_walk *walk);

/* The XML formats' writer: into memory, indented or not; finish closes
 * the elements still open, ends the document and returns its bytes
 * (caller frees).  Text and attribute values go through the two writers
 * below, which replace the control characters XML 1.0 cannot carry with
 * U+FFFD. */
xmlTextWriterPtr vt_xml_writer_new(GString **out, bool indent);
char *vt_xml_writer_finish(xmlTextWriterPtr w, GString *out, size_t *len);
void vt_xml_write_text(xmlTextWriterPtr w, const char *s);
void vt_xml_write_attribute(xmlTextWriterPtr w, const char *name, const char *value);

#endif
