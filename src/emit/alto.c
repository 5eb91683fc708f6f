/* alto.c — ALTO 4.4 (the Library of Congress layout-and-text standard that
 * archives take beside the page images): one Page per page, a TextBlock
 * per block, String CONTENT the corrected word, WC its confidence, and the
 * OCR reading and the alternatives a stage weighed as ALTERNATIVEs.
 * Measurements are pixels of the page as OCR saw it; a text input has no
 * boxes, and ALTO makes every position optional, so its elements carry
 * none.  Lines without words are left out: an ALTO TextLine needs a
 * String.  It is no record, so a failed input has none. */
#include <string.h>

#include "format.h"

#define VT_ALTO_NS "http://www.loc.gov/standards/alto/ns-v4#"
#define VT_ALTO_SCHEMA "http://www.loc.gov/standards/alto/v4/alto-4-4.xsd"

/* ALTO's processing category of each stage, and the provenance entry that
 * names what the stage ran with (the restore model). */
static const struct {
    const char *stage, *category, *setting;
} stage_steps[] = {
    {"ingest", "other", NULL},
    {"preprocess", "preOperation", NULL},
    {"ocr", "contentGeneration", NULL},
    {"restore", "contentModification", "model"},
    {"parse", "postOperation", NULL},
};

static void write_processing(xmlTextWriterPtr w, const vt_doc *doc, size_t n)
{
    const char *stage = doc->stages_done[n];
    const char *category = "other", *setting = NULL;
    for (size_t i = 0; i < sizeof stage_steps / sizeof *stage_steps; i++)
        if (strcmp(stage_steps[i].stage, stage) == 0) {
            category = stage_steps[i].category;
            setting = stage_steps[i].setting;
        }
    xmlTextWriterStartElement(w, BAD_CAST "Processing");
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "ID", "step%zu", n + 1);
    xmlTextWriterWriteElement(w, BAD_CAST "processingCategory", BAD_CAST category);
    xmlTextWriterStartElement(w, BAD_CAST "processingStepDescription");
    vt_xml_write_text(w, stage);
    xmlTextWriterEndElement(w);
    /* Preprocess records what it did to each page. */
    for (size_t p = 0; strcmp(stage, "preprocess") == 0 && p < doc->n_pages; p++)
        for (size_t s = 0; s < doc->pages[p].n_steps; s++) {
            xmlTextWriterStartElement(w, BAD_CAST "processingStepDescription");
            xmlTextWriterWriteFormatString(w, "page %zu: ", p + 1);
            vt_xml_write_text(w, doc->pages[p].steps[s]);
            xmlTextWriterEndElement(w);
        }
    const char *value = setting ? vt_options_get(&doc->provenance, setting, NULL) : NULL;
    if (value) {
        xmlTextWriterStartElement(w, BAD_CAST "processingStepSettings");
        xmlTextWriterWriteFormatString(w, "%s=", setting);
        vt_xml_write_text(w, value);
        xmlTextWriterEndElement(w);
    }
    xmlTextWriterStartElement(w, BAD_CAST "processingSoftware");
    xmlTextWriterWriteElement(w, BAD_CAST "softwareName", BAD_CAST "vanthu");
    xmlTextWriterWriteElement(w, BAD_CAST "softwareVersion", BAD_CAST vt_version());
    xmlTextWriterEndElement(w);
    xmlTextWriterEndElement(w);
}

static void write_description(xmlTextWriterPtr w, const vt_doc *doc)
{
    xmlTextWriterStartElement(w, BAD_CAST "Description");
    xmlTextWriterWriteElement(w, BAD_CAST "MeasurementUnit", BAD_CAST "pixel");
    xmlTextWriterStartElement(w, BAD_CAST "sourceImageInformation");
    xmlTextWriterStartElement(w, BAD_CAST "fileName");
    vt_xml_write_text(w, doc->path ? doc->path : "-");
    xmlTextWriterEndElement(w);
    if (doc->sha256[0]) {
        xmlTextWriterStartElement(w, BAD_CAST "fileIdentifier");
        xmlTextWriterWriteAttribute(w, BAD_CAST "fileIdentifierLocation", BAD_CAST "sha256");
        xmlTextWriterWriteString(w, BAD_CAST doc->sha256);
        xmlTextWriterEndElement(w);
    }
    xmlTextWriterEndElement(w);
    for (size_t i = 0; i < doc->n_stages_done; i++)
        write_processing(w, doc, i);
    xmlTextWriterEndElement(w);
}

static void write_box(xmlTextWriterPtr w, vt_box box)
{
    if (box.w <= 0)
        return;
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "HPOS", "%d", box.x);
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "VPOS", "%d", box.y);
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "WIDTH", "%d", box.w);
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "HEIGHT", "%d", box.h);
}

static void write_alternative(xmlTextWriterPtr w, const char *purpose, const char *text)
{
    xmlTextWriterStartElement(w, BAD_CAST "ALTERNATIVE");
    xmlTextWriterWriteAttribute(w, BAD_CAST "PURPOSE", BAD_CAST purpose);
    vt_xml_write_text(w, text);
    xmlTextWriterEndElement(w);
}

/* The OCR reading when a stage changed the word, then each alternative the
 * last change weighed other than the text shown and the OCR reading. */
static void write_string(xmlTextWriterPtr w, const vt_walk *walk)
{
    const vt_word *word = walk->word;
    xmlTextWriterStartElement(w, BAD_CAST "String");
    xmlTextWriterWriteFormatAttribute(w, BAD_CAST "ID", "p%zu_b%zu_l%zu_w%zu",
                                      walk->page_index + 1, walk->block_index + 1,
                                      walk->line_index + 1, walk->word_index + 1);
    write_box(w, word->box);
    vt_xml_write_attribute(w, "CONTENT", word->text);
    double wc = vt_format_word_confidence(walk);
    if (wc >= 0)
        xmlTextWriterWriteFormatAttribute(w, BAD_CAST "WC", "%.3f", wc);
    bool changed = strcmp(word->orig, word->text) != 0;
    if (changed)
        write_alternative(w, "ocr", word->orig);
    for (size_t i = 0; walk->change && i < walk->change->n_alternatives; i++) {
        const char *alt = walk->change->alternatives[i].text;
        if (strcmp(alt, word->text) != 0 && strcmp(alt, word->orig) != 0)
            write_alternative(w, walk->change->stage, alt);
    }
    xmlTextWriterEndElement(w);
}

static char *render(const vt_doc *doc, const vt_render_options *opts, size_t *len,
                    vt_error *err)
{
    (void)err;
    GString *buf;
    xmlTextWriterPtr w = vt_xml_writer_new(&buf, opts->pretty);
    if (!w)
        return NULL;
    xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
    xmlTextWriterStartElement(w, BAD_CAST "alto");
    xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST VT_ALTO_NS);
    xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi",
                                BAD_CAST "http://www.w3.org/2001/XMLSchema-instance");
    xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
                                BAD_CAST VT_ALTO_NS " " VT_ALTO_SCHEMA);
    xmlTextWriterWriteAttribute(w, BAD_CAST "SCHEMAVERSION", BAD_CAST "4.4");
    write_description(w, doc);
    xmlTextWriterStartElement(w, BAD_CAST "Layout");
    vt_walk walk;
    vt_walk_begin(&walk, doc);
    while (vt_walk_next(&walk)) {
        switch (walk.step) {
        case VT_WALK_PAGE:
            xmlTextWriterStartElement(w, BAD_CAST "Page");
            xmlTextWriterWriteFormatAttribute(w, BAD_CAST "ID", "p%zu", walk.page_index + 1);
            xmlTextWriterWriteFormatAttribute(w, BAD_CAST "PHYSICAL_IMG_NR", "%zu",
                                              walk.page_index + 1);
            if (walk.page->width > 0) {
                xmlTextWriterWriteFormatAttribute(w, BAD_CAST "WIDTH", "%d", walk.page->width);
                xmlTextWriterWriteFormatAttribute(w, BAD_CAST "HEIGHT", "%d", walk.page->height);
            }
            xmlTextWriterWriteAttribute(w, BAD_CAST "LANG", BAD_CAST "vi");
            xmlTextWriterStartElement(w, BAD_CAST "PrintSpace");
            break;
        case VT_WALK_BLOCK:
            xmlTextWriterStartElement(w, BAD_CAST "TextBlock");
            xmlTextWriterWriteFormatAttribute(w, BAD_CAST "ID", "p%zu_b%zu",
                                              walk.page_index + 1, walk.block_index + 1);
            write_box(w, walk.block->box);
            break;
        case VT_WALK_LINE:
            if (!walk.line->n_words)
                break;
            xmlTextWriterStartElement(w, BAD_CAST "TextLine");
            xmlTextWriterWriteFormatAttribute(w, BAD_CAST "ID", "p%zu_b%zu_l%zu",
                                              walk.page_index + 1, walk.block_index + 1,
                                              walk.line_index + 1);
            write_box(w, walk.line->box);
            break;
        case VT_WALK_WORD:
            if (walk.word_index > 0) {
                xmlTextWriterStartElement(w, BAD_CAST "SP");
                xmlTextWriterEndElement(w);
            }
            write_string(w, &walk);
            break;
        case VT_WALK_LINE_END:
            if (walk.line->n_words)
                xmlTextWriterEndElement(w);
            break;
        case VT_WALK_BLOCK_END:
            xmlTextWriterEndElement(w);
            break;
        case VT_WALK_PAGE_END:
            xmlTextWriterEndElement(w); /* PrintSpace */
            xmlTextWriterEndElement(w);
            break;
        }
    }
    vt_walk_end(&walk);
    /* finish closes Layout and alto. */
    return vt_xml_writer_finish(w, buf, len);
}

const vt_format vt_format_alto = {
    .name = "alto",
    .extension = ".alto.xml",
    .render = render,
};
