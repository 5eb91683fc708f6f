/* xml.c — the record as XML with libxml2's xmlTextWriter.  The XML
 * mirrors the JSON member for member (schema/record.xsd): an object becomes
 * an element per member, an array repeats an element named for one item,
 * a box becomes x/y/w/h attributes. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/xmlwriter.h>

#include "format.h"
#include "parse/fields.h"

#define VT_XML_NS "urn:vanthu:record:2"

/* The element name of one item of an array member: the record's own
 * lists, then the metadata's (src/parse/fields.h); "item" for the rest. */
#define VT_LIST_ITEM(key, item) {#key, item},
static const char *item_name(const char *array)
{
    static const char *const map[][2] = {
        {"pages", "page"},       {"blocks", "block"},     {"lines", "line"},
        {"words", "word"},       {"changes", "change"},   {"alternatives", "alternative"},
        {"warnings", "warning"}, {"steps", "step"},       {"stages_done", "stage"},
        {"review_reasons", "reason"},
        VT_METADATA_KEYS(VT_LIST_ITEM)
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(map[i][0], array) == 0 && map[i][1])
            return map[i][1];
    return "item";
}

static void write_value(xmlTextWriterPtr w, const char *name, const json_t *v);

static void write_scalar(xmlTextWriterPtr w, const json_t *v)
{
    char buf[64];
    switch (json_typeof(v)) {
    case JSON_STRING:
        vt_xml_write_text(w, json_string_value(v));
        break;
    case JSON_INTEGER:
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        xmlTextWriterWriteString(w, BAD_CAST buf);
        break;
    case JSON_REAL:
        snprintf(buf, sizeof buf, "%.6g", json_real_value(v));
        xmlTextWriterWriteString(w, BAD_CAST buf);
        break;
    case JSON_TRUE:
        xmlTextWriterWriteString(w, BAD_CAST "true");
        break;
    case JSON_FALSE:
        xmlTextWriterWriteString(w, BAD_CAST "false");
        break;
    default:
        break;
    }
}

static bool is_box(const char *name, const json_t *v)
{
    return strcmp(name, "box") == 0 && json_is_array(v) && json_array_size(v) == 4;
}

static void write_value(xmlTextWriterPtr w, const char *name, const json_t *v)
{
    if (json_is_null(v))
        return;
    if (json_is_array(v) && !is_box(name, v)) {
        xmlTextWriterStartElement(w, BAD_CAST name);
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item)
            write_value(w, item_name(name), item);
        xmlTextWriterEndElement(w);
        return;
    }
    xmlTextWriterStartElement(w, BAD_CAST name);
    if (is_box(name, v)) {
        static const char *const xywh[] = {"x", "y", "w", "h"};
        for (size_t i = 0; i < 4; i++)
            xmlTextWriterWriteFormatAttribute(w, BAD_CAST xywh[i], "%" JSON_INTEGER_FORMAT,
                                              json_integer_value(json_array_get(v, i)));
    } else if (json_is_object(v)) {
        const char *key;
        json_t *member;
        json_object_foreach((json_t *)v, key, member)
            write_value(w, key, member);
    } else {
        write_scalar(w, v);
    }
    xmlTextWriterEndElement(w);
}

static void start_record(xmlTextWriterPtr w)
{
    xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
    xmlTextWriterStartElement(w, BAD_CAST "record");
    xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST VT_XML_NS);
}

char *vt_record_to_xml(const json_t *record, size_t *len)
{
    GString *buf;
    xmlTextWriterPtr w = vt_xml_writer_new(&buf, true);
    if (!w)
        return NULL;
    start_record(w);
    const char *key;
    json_t *member;
    json_object_foreach((json_t *)record, key, member)
        write_value(w, key, member);
    xmlTextWriterEndElement(w);
    return vt_xml_writer_finish(w, buf, len);
}

/* The record written as the document's record walk gives it: one change
 * or one line is a tree at a time.  names[] holds the element open at
 * each depth, for the items of an array. */
typedef struct {
    xmlTextWriterPtr w;
    int depth;
    const char *names[16];
} xml_sink;

static const char *element_name(const xml_sink *x, const char *key)
{
    return key ? key : x->depth > 0 ? item_name(x->names[x->depth - 1]) : "record";
}

static void xml_open(void *ctx, const char *key, bool array)
{
    (void)array;
    xml_sink *x = ctx;
    const char *name = element_name(x, key);
    if (x->depth == 0)
        start_record(x->w);
    else
        xmlTextWriterStartElement(x->w, BAD_CAST name);
    if (x->depth < (int)(sizeof x->names / sizeof *x->names))
        x->names[x->depth] = name;
    x->depth++;
}

static void xml_value(void *ctx, const char *key, json_t *v)
{
    xml_sink *x = ctx;
    write_value(x->w, element_name(x, key), v);
    json_decref(v);
}

static void xml_close(void *ctx, bool array)
{
    (void)array;
    xml_sink *x = ctx;
    x->depth--;
    xmlTextWriterEndElement(x->w);
}

static char *write_xml(json_t *record, size_t *len)
{
    char *out = vt_record_to_xml(record, len);
    json_decref(record);
    return out;
}

/* Always indented: XML records do not share a stream, so nothing asks for
 * them on one line. */
static char *render(const vt_doc *doc, const vt_render_options *opts, size_t *len,
                    vt_error *err)
{
    (void)err;
    xml_sink x = {0};
    GString *buf;
    if (!(x.w = vt_xml_writer_new(&buf, true)))
        return NULL;
    vt_doc_record_walk(doc, opts->words, &(vt_record_sink){xml_open, xml_value, xml_close, &x});
    return vt_xml_writer_finish(x.w, buf, len);
}

static char *render_error(const char *path, const char *sha256, const vt_error *err,
                          const vt_render_options *opts, size_t *len)
{
    (void)opts;
    return write_xml(vt_error_record(path, sha256, err), len);
}

const vt_format vt_format_xml = {
    .name = "xml",
    .extension = ".xml",
    .record = true,
    .render = render,
    .render_error = render_error,
};
