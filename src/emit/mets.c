/* mets.c — METS 1.12 (the Library of Congress's wrapper that archives take
 * a digitised document in): the record's Dublin Core in a dmdSec, a file
 * inventory naming the scan, the ALTO and the JSON record, and a physical
 * structure map of the document's pages, each page pointing at the scan
 * and at its Page in the ALTO.
 *
 * The ALTO and the record are named as `vanthu run -o DIR` names them
 * beside this file (NAME.alto.xml, NAME.json for an input NAME, the
 * render options' input), so the three are written together:
 * `-f json -f alto -f mets`.  The scan is named
 * by a file: URL of its absolute path, since the output directory may be
 * anywhere; a text input has no scan and lists none.  Nothing that changes
 * from run to run (no creation time) is written: the same record gives
 * the same bytes.  It is no record, so a failed input has none. */
#include <string.h>

#include <glib.h>

#include "format.h"

#define VT_METS_NS "http://www.loc.gov/METS/"
#define VT_METS_SCHEMA "http://www.loc.gov/standards/mets/mets.xsd"
#define VT_XLINK_NS "http://www.w3.org/1999/xlink"
#define VT_DC_NS "http://purl.org/dc/elements/1.1/"

static const char *scan_mime_type(vt_kind kind)
{
    switch (kind) {
    case VT_KIND_PNG:
        return "image/png";
    case VT_KIND_JPEG:
        return "image/jpeg";
    case VT_KIND_TIFF:
        return "image/tiff";
    case VT_KIND_PNM:
        return "image/x-portable-anymap";
    case VT_KIND_PDF:
        return "application/pdf";
    default:
        return NULL;
    }
}

static void write_dublin_core(xmlTextWriterPtr w, const vt_doc *doc)
{
    xmlTextWriterStartElement(w, BAD_CAST "dmdSec");
    xmlTextWriterWriteAttribute(w, BAD_CAST "ID", BAD_CAST "dc");
    xmlTextWriterStartElement(w, BAD_CAST "mdWrap");
    xmlTextWriterWriteAttribute(w, BAD_CAST "MDTYPE", BAD_CAST "DC");
    xmlTextWriterStartElement(w, BAD_CAST "xmlData");
    json_t *dc = vt_doc_dublin_core(doc);
    const char *element;
    json_t *value;
    json_object_foreach(dc, element, value) {
        xmlTextWriterStartElementNS(w, BAD_CAST "dc", BAD_CAST element, NULL);
        vt_xml_write_text(w, json_string_value(value));
        xmlTextWriterEndElement(w);
    }
    json_decref(dc);
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
}

/* A fileGrp of one file, USE `use`, at `href`. */
static void write_file(xmlTextWriterPtr w, const char *use, const char *id, const char *mime,
                       const char *sha256, const char *href)
{
    xmlTextWriterStartElement(w, BAD_CAST "fileGrp");
    xmlTextWriterWriteAttribute(w, BAD_CAST "USE", BAD_CAST use);
    xmlTextWriterStartElement(w, BAD_CAST "file");
    xmlTextWriterWriteAttribute(w, BAD_CAST "ID", BAD_CAST id);
    xmlTextWriterWriteAttribute(w, BAD_CAST "MIMETYPE", BAD_CAST mime);
    if (sha256 && *sha256) {
        xmlTextWriterWriteAttribute(w, BAD_CAST "CHECKSUM", BAD_CAST sha256);
        xmlTextWriterWriteAttribute(w, BAD_CAST "CHECKSUMTYPE", BAD_CAST "SHA-256");
    }
    xmlTextWriterStartElement(w, BAD_CAST "FLocat");
    xmlTextWriterWriteAttribute(w, BAD_CAST "LOCTYPE", BAD_CAST "URL");
    vt_xml_write_attribute(w, "xlink:href", href);
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
}

/* The scan as a file: URL of its absolute path, or NULL (caller frees). */
static char *scan_url(const vt_doc *doc)
{
    if (!doc->path || strcmp(doc->path, "-") == 0 || !scan_mime_type(doc->kind))
        return NULL;
    char *absolute = g_canonicalize_filename(doc->path, NULL);
    char *url = g_filename_to_uri(absolute, NULL, NULL);
    g_free(absolute);
    return url;
}

static void write_file_section(xmlTextWriterPtr w, const vt_doc *doc, const char *scan,
                               const char *name)
{
    xmlTextWriterStartElement(w, BAD_CAST "fileSec");
    if (scan)
        write_file(w, "MASTER", "scan", scan_mime_type(doc->kind), doc->sha256, scan);
    /* The names vanthu run gives the outputs of this input, beside this one. */
    char *escaped = g_uri_escape_string(name, NULL, false);
    char *alto = g_strconcat(escaped, vt_format_find("alto")->extension, NULL);
    char *record = g_strconcat(escaped, vt_format_find("json")->extension, NULL);
    g_free(escaped);
    write_file(w, "FULLTEXT", "alto", "text/xml", NULL, alto);
    write_file(w, "RECORD", "record", "application/json", NULL, record);
    g_free(alto);
    g_free(record);
    xmlTextWriterEndElement(w);
}

static void write_structure(xmlTextWriterPtr w, const vt_doc *doc, bool scan)
{
    xmlTextWriterStartElement(w, BAD_CAST "structMap");
    xmlTextWriterWriteAttribute(w, BAD_CAST "TYPE", BAD_CAST "PHYSICAL");
    xmlTextWriterStartElement(w, BAD_CAST "div");
    xmlTextWriterWriteAttribute(w, BAD_CAST "TYPE", BAD_CAST "document");
    xmlTextWriterWriteAttribute(w, BAD_CAST "DMDID", BAD_CAST "dc");
    xmlTextWriterStartElement(w, BAD_CAST "fptr");
    xmlTextWriterWriteAttribute(w, BAD_CAST "FILEID", BAD_CAST "record");
    xmlTextWriterEndElement(w);
    for (size_t p = 0; p < doc->n_pages; p++) {
        xmlTextWriterStartElement(w, BAD_CAST "div");
        xmlTextWriterWriteAttribute(w, BAD_CAST "TYPE", BAD_CAST "page");
        xmlTextWriterWriteFormatAttribute(w, BAD_CAST "ORDER", "%zu", p + 1);
        if (scan) {
            xmlTextWriterStartElement(w, BAD_CAST "fptr");
            xmlTextWriterWriteAttribute(w, BAD_CAST "FILEID", BAD_CAST "scan");
            xmlTextWriterEndElement(w);
        }
        /* The page's Page element in the ALTO (alto.c names it p1, p2...). */
        xmlTextWriterStartElement(w, BAD_CAST "fptr");
        xmlTextWriterStartElement(w, BAD_CAST "area");
        xmlTextWriterWriteAttribute(w, BAD_CAST "FILEID", BAD_CAST "alto");
        xmlTextWriterWriteFormatAttribute(w, BAD_CAST "BEGIN", "p%zu", p + 1);
        xmlTextWriterWriteAttribute(w, BAD_CAST "BETYPE", BAD_CAST "IDREF");
        xmlTextWriterEndElement(w);
        xmlTextWriterEndElement(w);
        xmlTextWriterEndElement(w);
    }
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
}

static char *render(const vt_doc *doc, const vt_render_options *opts, size_t *len,
                    vt_error *err)
{
    (void)err;
    /* The outputs beside this one are named after the input, the
     * document after its source. */
    const char *input = opts->input ? opts->input : doc->path;
    GString *buf;
    xmlTextWriterPtr w = vt_xml_writer_new(&buf, opts->pretty);
    if (!w)
        return NULL;
    xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
    char *name = g_path_get_basename(input ? input : "-");
    char *label = g_path_get_basename(doc->path ? doc->path : "-");
    char *scan = scan_url(doc);
    xmlTextWriterStartElement(w, BAD_CAST "mets");
    xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST VT_METS_NS);
    xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xlink", BAD_CAST VT_XLINK_NS);
    xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:dc", BAD_CAST VT_DC_NS);
    xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi",
                                BAD_CAST "http://www.w3.org/2001/XMLSchema-instance");
    xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
                                BAD_CAST VT_METS_NS " " VT_METS_SCHEMA);
    if (doc->sha256[0])
        xmlTextWriterWriteFormatAttribute(w, BAD_CAST "OBJID", "sha256:%s", doc->sha256);
    vt_xml_write_attribute(w, "LABEL", label);
    xmlTextWriterStartElement(w, BAD_CAST "metsHdr");
    xmlTextWriterStartElement(w, BAD_CAST "agent");
    xmlTextWriterWriteAttribute(w, BAD_CAST "ROLE", BAD_CAST "CREATOR");
    xmlTextWriterWriteAttribute(w, BAD_CAST "TYPE", BAD_CAST "OTHER");
    xmlTextWriterWriteAttribute(w, BAD_CAST "OTHERTYPE", BAD_CAST "SOFTWARE");
    xmlTextWriterStartElement(w, BAD_CAST "name");
    xmlTextWriterWriteFormatString(w, "vanthu %s", vt_version());
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
    write_dublin_core(w, doc);
    write_file_section(w, doc, scan, name);
    write_structure(w, doc, scan != NULL);
    g_free(scan);
    g_free(name);
    g_free(label);
    /* finish closes mets. */
    return vt_xml_writer_finish(w, buf, len);
}

const vt_format vt_format_mets = {
    .name = "mets",
    .extension = ".mets.xml",
    .names_outputs = true,
    .render = render,
};
