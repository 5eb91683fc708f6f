/* hocr.c — hOCR 1.2: the page as XHTML whose elements carry their layout
 * in `title` properties (ocr_page, ocr_carea per block, ocr_line,
 * ocrx_word with bbox and x_wconf), the form OCR tools and viewers read.
 * Words show the corrected text.  A text input has no boxes: its elements
 * then carry no bbox, which hOCR allows.  ppageno counts from 0 as hOCR's
 * own tools count it.  It is no record, so a failed input has none. */
#include <stdio.h>

#include <glib.h>

#include "format.h"

#define VT_HOCR_CAPABILITIES "ocr_page ocr_carea ocr_line ocrx_word ocrp_wconf"

static void write_meta(xmlTextWriterPtr w, const char *name, const char *content)
{
    xmlTextWriterStartElement(w, BAD_CAST "meta");
    xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST name);
    vt_xml_write_attribute(w, "content", content);
    xmlTextWriterEndElement(w);
}

/* Opens a div or span of hOCR class `cls`, id `id`, whose title is `props`
 * after the box when there is one. */
static void start_element(xmlTextWriterPtr w, const char *element, const char *cls,
                          const char *id, GString *props, vt_box box)
{
    xmlTextWriterStartElement(w, BAD_CAST element);
    xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST cls);
    xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id);
    if (box.w > 0) {
        char bbox[80];
        snprintf(bbox, sizeof bbox, "bbox %d %d %d %d%s", box.x, box.y, box.x + box.w,
                 box.y + box.h, props->len ? "; " : "");
        g_string_prepend(props, bbox);
    }
    if (props->len)
        vt_xml_write_attribute(w, "title", props->str);
    g_string_truncate(props, 0);
}

static char *render(const vt_doc *doc, const vt_render_options *opts, size_t *len,
                    vt_error *err)
{
    (void)err;
    GString *buf;
    xmlTextWriterPtr w = vt_xml_writer_new(&buf, opts->pretty);
    if (!w)
        return NULL;
    const char *name = doc->path ? doc->path : "-";
    xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
    xmlTextWriterWriteDTD(w, BAD_CAST "html", BAD_CAST "-//W3C//DTD XHTML 1.0 Transitional//EN",
                          BAD_CAST "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd",
                          NULL);
    xmlTextWriterStartElement(w, BAD_CAST "html");
    xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST "http://www.w3.org/1999/xhtml");
    xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang", BAD_CAST "vi");
    xmlTextWriterWriteAttribute(w, BAD_CAST "lang", BAD_CAST "vi");
    xmlTextWriterStartElement(w, BAD_CAST "head");
    xmlTextWriterStartElement(w, BAD_CAST "title");
    vt_xml_write_text(w, name);
    xmlTextWriterEndElement(w);
    xmlTextWriterStartElement(w, BAD_CAST "meta");
    xmlTextWriterWriteAttribute(w, BAD_CAST "http-equiv", BAD_CAST "Content-Type");
    xmlTextWriterWriteAttribute(w, BAD_CAST "content", BAD_CAST "text/html; charset=utf-8");
    xmlTextWriterEndElement(w);
    char system[64];
    snprintf(system, sizeof system, "vanthu %s", vt_version());
    write_meta(w, "ocr-system", system);
    write_meta(w, "ocr-capabilities", VT_HOCR_CAPABILITIES);
    xmlTextWriterEndElement(w); /* head */
    xmlTextWriterStartElement(w, BAD_CAST "body");

    GString *props = g_string_new(NULL), *id = g_string_new(NULL);
    vt_walk walk;
    vt_walk_begin(&walk, doc);
    while (vt_walk_next(&walk)) {
        size_t p = walk.page_index + 1, b = walk.block_index + 1, l = walk.line_index + 1;
        switch (walk.step) {
        case VT_WALK_PAGE: {
            /* The image name is quoted: a path may hold spaces or ';'. */
            g_string_assign(props, "image \"");
            for (const char *c = name; *c; c++) {
                if (*c == '"' || *c == '\\')
                    g_string_append_c(props, '\\');
                g_string_append_c(props, *c);
            }
            g_string_append_c(props, '"');
            g_string_printf(id, "page_%zu", p);
            if (walk.page->width > 0)
                g_string_append_printf(props, "; bbox 0 0 %d %d", walk.page->width,
                                       walk.page->height);
            g_string_append_printf(props, "; ppageno %zu", walk.page_index);
            start_element(w, "div", "ocr_page", id->str, props, (vt_box){0});
            break;
        }
        case VT_WALK_BLOCK:
            g_string_printf(id, "block_%zu_%zu", p, b);
            start_element(w, "div", "ocr_carea", id->str, props, walk.block->box);
            break;
        case VT_WALK_LINE:
            g_string_printf(id, "line_%zu_%zu_%zu", p, b, l);
            start_element(w, "span", "ocr_line", id->str, props, walk.line->box);
            break;
        case VT_WALK_WORD: {
            if (walk.word_index > 0)
                xmlTextWriterWriteString(w, BAD_CAST " ");
            double wc = vt_format_word_confidence(&walk);
            if (wc >= 0)
                g_string_printf(props, "x_wconf %d", (int)(wc * 100 + 0.5));
            g_string_printf(id, "word_%zu_%zu_%zu_%zu", p, b, l, walk.word_index + 1);
            start_element(w, "span", "ocrx_word", id->str, props, walk.word->box);
            vt_xml_write_text(w, walk.word->text);
            xmlTextWriterEndElement(w);
            break;
        }
        case VT_WALK_LINE_END:
        case VT_WALK_BLOCK_END:
        case VT_WALK_PAGE_END:
            xmlTextWriterEndElement(w);
            break;
        }
    }
    vt_walk_end(&walk);
    g_string_free(props, TRUE);
    g_string_free(id, TRUE);
    /* finish closes body and html. */
    return vt_xml_writer_finish(w, buf, len);
}

const vt_format vt_format_hocr = {
    .name = "hocr",
    .extension = ".hocr",
    .render = render,
};
