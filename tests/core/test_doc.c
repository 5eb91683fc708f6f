/* test_doc.c — the document model: text round trips byte for byte, changes
 * are recorded, the record JSON round-trips, boxes cross between the page
 * as ingested and as prepared, pipelines and sniffing. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "vanthu.h"

static void text_round_trip(const char *text)
{
    vt_doc *doc = vt_doc_new("t.txt");
    vt_error err = {0};
    CHECK(vt_doc_read_text(doc, text, strlen(text), &err) == VT_OK);
    char *back = vt_doc_text(doc, false);
    /* A final newline ends the last line; the text model does not keep it. */
    size_t n = strlen(text);
    char *want = strndup(text, n && text[n - 1] == '\n' ? n - 1 : n);
    CHECK_STR(back, want);
    free(back);
    free(want);
    vt_doc_free(doc);
}

static void test_text(void)
{
    text_round_trip("Binh dan hoc vu s6\n");
    text_round_trip("  indented   words\twith tabs  \n\n\nafter blanks");
    text_round_trip("crlf line\r\nsecond\r\n");
    text_round_trip("page one\fpage two\n");
    text_round_trip("");

    vt_doc *doc = vt_doc_new("x.txt");
    vt_error err = {0};
    const char *t = "Số: 12/UBND\n\nKính gửi: Sở";
    CHECK(vt_doc_read_text(doc, t, strlen(t), &err) == VT_OK);
    size_t n;
    vt_line_ref *lines = vt_doc_lines(doc, &n);
    CHECK(n == 3);
    CHECK(lines[1].ln->n_words == 0);
    CHECK(lines[2].number == 3);
    CHECK_STR(lines[2].ln->words[1].text, "gửi:");
    free(lines);
    vt_doc_free(doc);
}

static void test_bad_text(void)
{
    vt_doc *doc = vt_doc_new("bad.txt");
    vt_error err = {0};
    const char bad[] = "ok line\nbad \xff byte\n";
    CHECK(vt_doc_read_text(doc, bad, sizeof bad - 1, &err) == VT_EINPUT);
    CHECK(strstr(err.message, "bad.txt: line 2") != NULL);
    vt_doc_free(doc);

    doc = vt_doc_new("nul.txt");
    const char nul[] = "a\0b";
    CHECK(vt_doc_read_text(doc, nul, 3, &err) == VT_EINPUT);
    CHECK(strstr(err.message, "NUL") != NULL);
    vt_doc_free(doc);
}

static void test_changes_and_json(void)
{
    vt_doc *doc = vt_doc_new("c.txt");
    vt_error err = {0};
    const char *t = "Binh dan  hoc vu s6,\nctia";
    CHECK(vt_doc_read_text(doc, t, strlen(t), &err) == VT_OK);
    vt_alternative alts[] = {{"số,", 0.9}, {"sổ,", 0.05}};
    vt_doc_change_word(doc, 0, 0, 0, 4, "số,", "restore", "lm", 0.9, false, alts, 2);
    vt_doc_change_word(doc, 0, 0, 1, 0, "ctia", "restore", "lm", 1.0, false, NULL, 0);
    CHECK(doc->n_changes == 1); /* an unchanged word records nothing */
    char *cur = vt_doc_text(doc, false), *orig = vt_doc_text(doc, true);
    CHECK_STR(cur, "Binh dan  hoc vu số,\nctia");
    CHECK_STR(orig, t);
    free(cur);
    free(orig);

    /* A word OCR took for pen strokes keeps its mark through the record. */
    doc->pages[0].blocks[0].lines[0].words[1].handwritten = true;
    vt_doc_mark_stage(doc, "ingest");
    vt_options_set(&doc->provenance, "model", "m1");
    doc->meta = json_pack("{s:{s:s}}", "number", "value", "12/UBND");
    json_t *j = vt_doc_to_json(doc);
    CHECK_STR(json_string_value(json_object_get(json_object_get(j, "text"), "corrected")),
              "Binh dan  hoc vu số,\nctia");
    vt_doc *back = vt_doc_from_json(j, &err);
    CHECK(back != NULL);
    if (back) {
        json_t *j2 = vt_doc_to_json(back);
        CHECK(json_equal(j, j2));
        CHECK(back->n_changes == 1 && back->changes[0].n_alternatives == 2);
        CHECK(vt_doc_stage_done(back, "ingest"));
        CHECK(back->pages[0].blocks[0].lines[0].words[1].handwritten &&
              !back->pages[0].blocks[0].lines[0].words[0].handwritten);
        json_decref(j2);
        vt_doc_free(back);
    }
    /* The record counts a change's page from 1, as it does every page. */
    json_t *c0 = json_array_get(json_object_get(j, "changes"), 0);
    CHECK(json_integer_value(json_object_get(c0, "page")) == 1);
    json_object_set_new(c0, "page", json_integer(0));
    back = vt_doc_from_json(j, &err);
    CHECK(back == NULL && err.status == VT_EINPUT);
    json_object_set_new(c0, "page", json_integer(1));
    /* A record of the first layout, which counted change pages from 0, is
     * refused rather than read one page off. */
    json_object_set_new(j, "vanthu_record", json_string("1.0"));
    back = vt_doc_from_json(j, &err);
    CHECK(back == NULL && err.status == VT_EINPUT && strstr(err.message, "1.0"));
    json_object_set_new(j, "vanthu_record", json_string(VT_SCHEMA_VERSION));
    /* A record that points a change outside the document is refused. */
    json_object_set_new(c0, "word", json_integer(99));
    back = vt_doc_from_json(j, &err);
    CHECK(back == NULL && err.status == VT_EINPUT);
    json_decref(j);
    vt_doc_free(doc);
}

static void test_pipeline(void)
{
    vt_error err = {0};
    vt_pipeline *p = vt_pipeline_parse("# comment\ningest\n\nemit format=xml # tail\n",
                                       "t.pipe", &err);
    CHECK(p != NULL);
    if (p) {
        CHECK(vt_pipeline_length(p) == 2);
        CHECK_STR(vt_pipeline_stage_name(p, 1), "emit");
        CHECK(strlen(vt_pipeline_digest(p)) == 64);
        vt_pipeline_free(p);
    }
    CHECK(vt_pipeline_parse("ingest\nfrobnicate\n", "bad.pipe", &err) == NULL);
    CHECK(err.status == VT_EUSAGE && strstr(err.message, "bad.pipe:2") &&
          strstr(err.message, "frobnicate"));
    CHECK(vt_pipeline_parse("emit colour=red\n", "o.pipe", &err) == NULL);
    CHECK(strstr(err.message, "no option \"colour\"") != NULL);
    CHECK(vt_pipeline_parse("# nothing\n", "e.pipe", &err) == NULL);
    CHECK(vt_pipeline_parse("emit format\n", "k.pipe", &err) == NULL);

    /* A chain can stop after a stage and resume from its record. */
    p = vt_pipeline_parse("ingest\nemit pretty=no\n", "r.pipe", &err);
    CHECK(p && vt_pipeline_open(p, &err) == VT_OK);
    vt_doc *doc = vt_doc_new("mem.txt");
    doc->bytes = (unsigned char *)strdup("Kính gửi: các đơn vị\n");
    doc->n_bytes = strlen((char *)doc->bytes);
    CHECK(vt_pipeline_run(p, doc, "nosuch", &err) == VT_EUSAGE);
    CHECK(vt_pipeline_run(p, doc, "ingest", &err) == VT_OK);
    CHECK(doc->output == NULL && vt_doc_stage_done(doc, "ingest"));
    CHECK(doc->kind == VT_KIND_TEXT && doc->sha256[0]);
    CHECK(vt_pipeline_run(p, doc, NULL, &err) == VT_OK);
    CHECK(doc->output && strstr(doc->output, "\"pipeline_digest\""));
    vt_doc_free(doc);
    vt_pipeline_free(p);
}

static void test_sniff(void)
{
    CHECK(vt_sniff((const unsigned char *)"\x89PNG\r\n\x1a\nxxxx", 12) == VT_KIND_PNG);
    CHECK(vt_sniff((const unsigned char *)"\xff\xd8\xff\xe0", 4) == VT_KIND_JPEG);
    CHECK(vt_sniff((const unsigned char *)"II*\0", 4) == VT_KIND_TIFF);
    CHECK(vt_sniff((const unsigned char *)"%PDF-1.4", 8) == VT_KIND_PDF);
    CHECK(vt_sniff((const unsigned char *)"P6\n10 10\n255\n", 13) == VT_KIND_PNM);
    CHECK(vt_sniff((const unsigned char *)"Phường 5", 9) == VT_KIND_TEXT);
    CHECK(vt_sniff((const unsigned char *)"\x80\x01\x81\x02", 4) == VT_KIND_UNKNOWN);
    /* Legacy-encoded text is text, so ingest can name its bad line. */
    CHECK(vt_sniff((const unsigned char *)"Ph\xf9\xf4ng 5\n", 9) == VT_KIND_TEXT);
    const char *rec = "{\n  \"vanthu_record\": \"2.0\", \"status\": \"ok\"}";
    CHECK(vt_sniff((const unsigned char *)rec, strlen(rec)) == VT_KIND_RECORD);
    const char *json = "{\"other\": 1, \"text\": \"x\"}";
    CHECK(vt_sniff((const unsigned char *)json, strlen(json)) == VT_KIND_TEXT);
}

static bool box_is(vt_box b, int x, int y, int w, int h)
{
    return b.x == x && b.y == y && b.w == w && b.h == h;
}

/* A page turned a quarter clockwise for OCR: the prepared page's top left
 * corner is the scan's bottom left.  Scaled, turned and deskewed: a box
 * taken to the scan and back is the box again within a pixel, and the map
 * and its inverse undo each other.  The record keeps `prepared`. */
static void test_prepared_frame(void)
{
    vt_page pg = {.width = 100, .height = 200, .dpi = 300};
    CHECK(box_is(vt_page_box_from_prepared(&pg, (vt_box){3, 4, 5, 6}), 3, 4, 5, 6));
    pg.prepared = (vt_prepared){.width = 200, .height = 100, .dpi = 300, .scale_x = 1,
                                .scale_y = 1, .quarter_turns = 1};
    CHECK(box_is(vt_page_box_from_prepared(&pg, (vt_box){0, 0, 10, 5}), 0, 190, 5, 10));
    CHECK(box_is(vt_page_box_to_prepared(&pg, (vt_box){0, 190, 5, 10}), 0, 0, 10, 5));

    vt_page big = {.width = 3307, .height = 4677, .dpi = 400};
    big.prepared = (vt_prepared){.width = 3508, .height = 2480, .dpi = 300,
                                 .scale_x = 2480.0 / 3307, .scale_y = 3508.0 / 4677,
                                 .quarter_turns = 3, .deskew_degrees = -1.7};
    vt_affine to = vt_page_to_prepared(&big), back = vt_affine_invert(to);
    double x = 1234, y = 567;
    double px = to.m[0] * x + to.m[1] * y + to.m[2], py = to.m[3] * x + to.m[4] * y + to.m[5];
    CHECK(fabs(back.m[0] * px + back.m[1] * py + back.m[2] - x) < 1e-6 &&
          fabs(back.m[3] * px + back.m[4] * py + back.m[5] - y) < 1e-6);
    vt_box words[] = {{400, 300, 220, 48}, {1800, 1200, 90, 40}, {100, 2000, 1500, 45}};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        vt_box on_scan = vt_page_box_from_prepared(&big, words[i]);
        vt_box again = vt_page_box_to_prepared(&big, on_scan);
        CHECK(abs(again.x - words[i].x) <= 1 && abs(again.y - words[i].y) <= 1 &&
              abs(again.w - words[i].w) <= 2 && abs(again.h - words[i].h) <= 2);
        /* Turned three quarters back: the word stands on the scan. */
        CHECK(on_scan.h > on_scan.w);
    }

    vt_doc *doc = vt_doc_new("turned.png");
    vt_page *p = vt_doc_add_page(doc);
    *p = (vt_page){.width = big.width, .height = big.height, .dpi = big.dpi,
                   .prepared = big.prepared};
    json_t *j = vt_doc_to_json(doc);
    json_t *prep = json_object_get(json_array_get(json_object_get(j, "pages"), 0), "prepared");
    CHECK(json_integer_value(json_object_get(prep, "quarter_turns")) == 3);
    CHECK(json_array_size(json_object_get(prep, "from_prepared")) == 6);
    vt_error err = {0};
    vt_doc *again = vt_doc_from_json(j, &err);
    CHECK(again && again->pages[0].prepared.width == 3508 &&
          again->pages[0].prepared.deskew_degrees == -1.7 &&
          again->pages[0].prepared.scale_x == big.prepared.scale_x);
    json_object_set_new(prep, "quarter_turns", json_integer(4));
    vt_doc *bad = vt_doc_from_json(j, &err);
    CHECK(!bad && strstr(err.message, "quarter"));
    vt_doc_free(again);
    json_decref(j);
    vt_doc_free(doc);
}

int main(void)
{
    test_text();
    test_prepared_frame();
    test_bad_text();
    test_changes_and_json();
    test_pipeline();
    test_sniff();
    return check_done("test_doc");
}
