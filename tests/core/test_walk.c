/* test_walk.c — the page -> block -> line -> word walk renderers use, and
 * the format registry: every format found by its name, rendering a
 * document and (a record format) an error record. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check.h"
#include "vanthu.h"

static const vt_box no_box = {0, 0, 0, 0};

/* Page 1: a block of two lines ("x y", "z") and an empty block; page 2
 * without blocks; page 3: one line without words. */
static vt_doc *sample_doc(void)
{
    vt_doc *doc = vt_doc_new("walk.txt");
    vt_page *p = vt_doc_add_page(doc);
    p->width = 2480;
    p->dpi = 300;
    vt_block *b = vt_page_add_block(p, VT_ROLE_BODY);
    vt_line *l = vt_block_add_line(b);
    vt_line_add_word(l, "x", NULL, (vt_box){10, 20, 30, 40}, 91.5f);
    vt_line_add_word(l, "y", NULL, no_box, -1);
    vt_line_add_word(vt_block_add_line(b), "z", NULL, no_box, -1);
    vt_page_add_block(p, VT_ROLE_FOOTER_LEFT);
    vt_doc_add_page(doc);
    vt_block_add_line(vt_page_add_block(vt_doc_add_page(doc), VT_ROLE_BODY));
    vt_alternative alts[] = {{"y2", 0.7}, {"y3", 0.2}};
    vt_doc_change_word(doc, 0, 0, 1, 0, "z1", "restore", "lm", 0.8, false, NULL, 0);
    vt_doc_change_word(doc, 0, 0, 0, 1, "y1", "restore", "lm", 0.5, true, NULL, 0);
    vt_doc_change_word(doc, 0, 0, 0, 1, "y2", "restore", "code", 0.7, false, alts, 2);
    return doc;
}

static void test_walk(void)
{
    vt_doc *doc = sample_doc();
    static const char letters[] = "?PBLWlbp";
    char seen[64] = "";
    size_t n = 0, lines = 0;
    vt_walk w;
    vt_walk_begin(&w, doc);
    while (vt_walk_next(&w) && n + 1 < sizeof seen) {
        seen[n++] = letters[w.step];
        if (w.step == VT_WALK_LINE)
            CHECK(w.line_number == ++lines);
        if (w.step != VT_WALK_WORD)
            continue;
        CHECK(w.word == &doc->pages[w.page_index].blocks[w.block_index]
                             .lines[w.line_index].words[w.word_index]);
        if (strcmp(w.word->orig, "x") == 0) {
            CHECK(w.change == NULL);
            CHECK(w.word->box.w == 30 && w.word->conf > 91 && w.page->dpi == 300);
        } else if (strcmp(w.word->orig, "y") == 0) {
            /* The last of the word's changes, with its alternatives. */
            CHECK(w.change != NULL);
            CHECK_STR(w.change ? w.change->to : NULL, "y2");
            CHECK_STR(w.word->text, "y2");
            CHECK(w.change && w.change->n_alternatives == 2);
        } else {
            CHECK_STR(w.word->orig, "z");
            CHECK_STR(w.change ? w.change->to : NULL, "z1");
        }
    }
    vt_walk_end(&w);
    CHECK_STR(seen, "PBLWWlLWlbBbpPpPBLlbp");
    CHECK(lines == 3);
    vt_doc_free(doc);

    /* A document without pages has nothing to walk. */
    doc = vt_doc_new(NULL);
    vt_walk_begin(&w, doc);
    CHECK(!vt_walk_next(&w));
    vt_walk_end(&w);
    vt_doc_free(doc);
}

static void test_formats(void)
{
    const vt_format *const *formats = vt_formats();
    CHECK(formats[0] != NULL);
    CHECK(vt_format_find("no-such-format") == NULL);
    vt_doc *doc = sample_doc();
    char *text = vt_doc_text(doc, false);
    vt_error err = {0};
    vt_error_set(&err, VT_EINPUT, "walk.txt: damaged");
    for (size_t i = 0; formats[i]; i++) {
        const vt_format *f = formats[i];
        CHECK(vt_format_find(f->name) == f);
        CHECK(f->extension && f->extension[0] == '.');
        CHECK(f->render != NULL);
        /* Several outputs on one stream need one way or the other to part
         * them, or none (then -o): never both. */
        CHECK(!(f->compact_is_one_line && f->separator));
        for (int pretty = 0; pretty < 2; pretty++) {
            vt_render_options opts = {.pretty = pretty, .words = true};
            size_t len = 0;
            vt_error why = {0};
            char *out = f->render(doc, &opts, &len, &why);
            if (strcmp(f->name, "pdf") == 0) {
                /* It reads the source's page images again; this document
                 * has none, and says so. */
                CHECK(!out && why.status == VT_EINPUT && strstr(why.message, "page images"));
                continue;
            }
            CHECK(out && len == strlen(out) && len > 0);
            if (out && f->compact_is_one_line && !pretty)
                CHECK(strchr(out, '\n') == NULL);
            if (out && f->record && out[0] == '{') {
                /* A JSON record reads back as the same document. */
                json_t *j = json_loads(out, 0, NULL);
                vt_doc *back = j ? vt_doc_from_json(j, &err) : NULL;
                char *back_text = back ? vt_doc_text(back, false) : NULL;
                CHECK_STR(back_text, text);
                free(back_text);
                vt_doc_free(back);
                json_decref(j);
            }
            free(out);
            if (f->render_error) {
                out = f->render_error("walk.txt", NULL, &err, &opts, &len);
                CHECK(out && strstr(out, "damaged") != NULL);
                free(out);
            }
        }
        CHECK(!f->record || f->render_error != NULL);
    }
    const vt_format *t = vt_format_find("text");
    CHECK(t != NULL);
    if (t) {
        vt_render_options opts = {.pretty = true, .words = true};
        size_t len;
        char *out = t->render(doc, &opts, &len, NULL);
        CHECK_STR(out, "x y2\nz1\f\f");
        free(out);
    }
    /* The archive formats show the corrected word with its box where it
     * has one, and ALTO keeps the first reading of a changed word. */
    const vt_format *alto = vt_format_find("alto"), *hocr = vt_format_find("hocr");
    CHECK(alto != NULL && hocr != NULL);
    if (alto && hocr) {
        vt_render_options opts = {.pretty = false, .words = true};
        size_t len;
        char *out = alto->render(doc, &opts, &len, NULL);
        CHECK(out && strstr(out, "HPOS=\"10\" VPOS=\"20\" WIDTH=\"30\" HEIGHT=\"40\" "
                                 "CONTENT=\"x\" WC=\"0.915\"") != NULL);
        CHECK(out && strstr(out, "CONTENT=\"y2\"") != NULL);
        CHECK(out && strstr(out, "<ALTERNATIVE PURPOSE=\"ocr\">y</ALTERNATIVE>") != NULL);
        free(out);
        out = hocr->render(doc, &opts, &len, NULL);
        CHECK(out && strstr(out, "title=\"bbox 10 20 40 60; x_wconf 92\">x</span>") != NULL);
        CHECK(out && strstr(out, ">y2</span>") != NULL);
        free(out);
    }
    char names[128];
    vt_format_names(false, names, sizeof names);
    CHECK_STR(names, "json, xml, text, alto, hocr, pdf or mets");
    vt_format_names(true, names, sizeof names);
    CHECK_STR(names, "json or xml");
    free(text);
    vt_doc_free(doc);
}

int main(void)
{
    test_walk();
    test_formats();
    return check_done("walk");
}
