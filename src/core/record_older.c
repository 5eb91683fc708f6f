/* record_older.c — a record of an older 2.x schema read as the current one.
 *
 * Schema 2.1 and older put every box on the page as preprocess prepared it
 * for OCR (scaled, turned upright, deskewed), gave the page that page's size
 * and resolution, and had no `prepared` member.  The page's steps say what
 * preprocess did, in words: "scale F from A to B dpi", "orient Ddeg",
 * "deskew +X.XXdeg".  From them the page's `prepared` is made again and
 * every box (of a word, line, block and a field's evidence) is carried to
 * the page as ingested, so that diff, apply, review, resume and every
 * format see what a record of the current schema gives.  What the words
 * cannot give back exactly: the deskew angle is written to a hundredth of
 * a degree (a box moves less than half a pixel on an A4 page at 300 dpi),
 * and the size of a page that was scaled is the prepared size over the
 * scale, within a pixel of the scan's.  A page whose steps do not say how
 * it was prepared is an error: its boxes cannot be put on the scan. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

/* The page's `prepared` made from its steps; its own size, dpi and scale
 * become the page's as ingested.  False when a step is not of the form
 * preprocess writes. */
static bool prepared_from_steps(vt_page *pg)
{
    int width = pg->width, height = pg->height, dpi = pg->dpi;
    double factor = 1;
    int dpi_before = dpi, quarter_turns = 0;
    double deskew = 0;
    const char *step = vt_page_step(pg, "scale ");
    if (step) {
        double written;
        int after;
        if (sscanf(step, "scale %lf from %d to %d dpi", &written, &dpi_before, &after) != 3 ||
            !(written > 0) || dpi_before <= 0 || after <= 0)
            return false;
        /* Scaled to a resolution: the ratio of the two, exactly. */
        factor = fabs((double)after / dpi_before - written) < 5e-4 ? (double)after / dpi_before
                                                                   : written;
    }
    step = vt_page_step(pg, "orient ");
    if (step) {
        int degrees;
        if (sscanf(step, "orient %d", &degrees) != 1 || degrees % 90)
            return false;
        quarter_turns = (degrees / 90 % 4 + 4) % 4;
    }
    step = vt_page_step(pg, "deskew ");
    if (step && strncmp(step, "deskew none", 11) != 0 &&
        (sscanf(step, "deskew %lfdeg", &deskew) != 1 || !(fabs(deskew) < 45)))
        return false;
    /* The scaled page before its turn, and the page as ingested. */
    int scaled_w = quarter_turns % 2 ? height : width;
    int scaled_h = quarter_turns % 2 ? width : height;
    int ingested_w = (int)lround(scaled_w / factor), ingested_h = (int)lround(scaled_h / factor);
    if (ingested_w <= 0 || ingested_h <= 0)
        return false;
    pg->prepared = (vt_prepared){width,
                                 height,
                                 dpi,
                                 (double)scaled_w / ingested_w,
                                 (double)scaled_h / ingested_h,
                                 quarter_turns,
                                 deskew};
    pg->width = ingested_w;
    pg->height = ingested_h;
    pg->dpi = dpi_before;
    return true;
}

static void page_boxes_to_ingested(vt_page *pg)
{
    for (size_t b = 0; b < pg->n_blocks; b++) {
        vt_block *blk = &pg->blocks[b];
        blk->box = vt_page_box_from_prepared(pg, blk->box);
        for (size_t l = 0; l < blk->n_lines; l++) {
            vt_line *ln = &blk->lines[l];
            ln->box = vt_page_box_from_prepared(pg, ln->box);
            for (size_t w = 0; w < ln->n_words; w++)
                ln->words[w].box = vt_page_box_from_prepared(pg, ln->words[w].box);
        }
    }
}

/* Every evidence of the metadata (an object with a page and a box), its
 * box carried to the page as ingested. */
static void evidence_to_ingested(const vt_doc *doc, json_t *j)
{
    json_t *page = json_object_get(j, "page"), *box = json_object_get(j, "box");
    json_int_t p = json_integer_value(page), x, y, w, h;
    if (json_is_integer(page) && p >= 1 && (size_t)p <= doc->n_pages &&
        json_unpack(box, "[IIII]", &x, &y, &w, &h) == 0 && x >= 0 && y >= 0 && w > 0 &&
        h > 0 && x <= INT_MAX / 2 && y <= INT_MAX / 2 && w <= INT_MAX / 2 && h <= INT_MAX / 2) {
        vt_box b = vt_page_box_from_prepared(&doc->pages[p - 1],
                                             (vt_box){(int)x, (int)y, (int)w, (int)h});
        json_object_set_new(j, "box", json_pack("[iiii]", b.x, b.y, b.w, b.h));
    }
    const char *key;
    json_t *v;
    size_t i;
    if (json_is_object(j)) {
        json_object_foreach(j, key, v)
            if (strcmp(key, "box") != 0)
                evidence_to_ingested(doc, v);
    } else if (json_is_array(j)) {
        json_array_foreach(j, i, v)
            evidence_to_ingested(doc, v);
    }
}

/* Boxes are on the page as ingested since schema 2.2; later minors only
 * add members. */
#define BOXES_INGESTED_MINOR 2

static bool schema_older(const char *version)
{
    char *end;
    long major = strtol(version, &end, 10);
    long minor = *end == '.' ? strtol(end + 1, NULL, 10) : 0;
    return major == strtol(VT_SCHEMA_VERSION, NULL, 10) && minor < BOXES_INGESTED_MINOR;
}

vt_status vt_doc_from_older_schema(vt_doc *doc, const char *version, vt_error *err)
{
    if (!schema_older(version) || !vt_doc_stage_done(doc, "preprocess"))
        return VT_OK;
    bool moved = false;
    for (size_t p = 0; p < doc->n_pages; p++) {
        vt_page *pg = &doc->pages[p];
        if (pg->text_from == VT_TEXT_SOURCE_LAYER || pg->prepared.width > 0 || pg->width <= 0)
            continue;
        if (!prepared_from_steps(pg))
            return vt_error_set(err, VT_EINPUT,
                                "a record of schema %s has its boxes on page %zu as prepared "
                                "for OCR, and its steps do not say how it was prepared: its "
                                "boxes cannot be put on the scan; make the record again",
                                version, p + 1);
        page_boxes_to_ingested(pg);
        moved = true;
    }
    if (!moved)
        return VT_OK;
    if (doc->meta)
        evidence_to_ingested(doc, doc->meta);
    vt_doc_warn(doc, "read from a record of schema %s, whose boxes were on the page as "
                     "prepared for OCR: carried to the page as ingested by the steps "
                     "(deskew to 0.01 degree, a scaled page's size within a pixel)", version);
    return VT_OK;
}
