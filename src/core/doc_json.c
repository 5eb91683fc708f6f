/* doc_json.c — the document as a record JSON and back.  The same layout is
 * the output format and the resume format (schema/record.schema.json). */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <jansson.h>

#include "internal.h"

static json_t *box_json(vt_box b)
{
    return json_pack("[iiii]", b.x, b.y, b.w, b.h);
}

/* JSON strings are UTF-8, but a file name need not be, nor a message or
 * warning that quotes one (or that was cut short mid-character): bytes that
 * are not UTF-8 become U+FFFD rather than losing the whole member. */
static json_t *text_json(const char *s)
{
    json_t *j = json_string(s);
    if (!j) {
        gchar *valid = g_utf8_make_valid(s, -1);
        j = json_string(valid);
        g_free(valid);
    }
    return j;
}

static json_t *strings_json(char *const *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, text_json(v[i]));
    return a;
}

static json_t *line_json(const vt_line *ln)
{
    json_t *words = json_array();
    for (size_t w = 0; w < ln->n_words; w++) {
        const vt_word *wd = &ln->words[w];
        json_t *o = json_pack("{s:s}", "text", wd->text);
        if (strcmp(wd->orig, wd->text) != 0)
            json_object_set_new(o, "orig", json_string(wd->orig));
        if (strcmp(wd->lead, w ? " " : "") != 0)
            json_object_set_new(o, "lead", json_string(wd->lead));
        if (wd->box.w > 0)
            json_object_set_new(o, "box", box_json(wd->box));
        if (wd->conf >= 0)
            json_object_set_new(o, "conf", json_real((double)(int)(wd->conf * 100 + 0.5) / 100));
        if (wd->handwritten)
            json_object_set_new(o, "handwritten", json_true());
        if (wd->pen_digits)
            json_object_set_new(o, "pen_digits", json_true());
        json_array_append_new(words, o);
    }
    json_t *o = json_object();
    if (ln->box.w > 0)
        json_object_set_new(o, "box", box_json(ln->box));
    if (*ln->tail)
        json_object_set_new(o, "tail", json_string(ln->tail));
    json_object_set_new(o, "words", words);
    return o;
}

/* A map as six numbers, row by row; what is under a millionth (the
 * cosine of a quarter turn in floating point) is written as 0. */
static json_t *affine_json(vt_affine a)
{
    json_t *m = json_array();
    for (int i = 0; i < 6; i++)
        json_array_append_new(m, json_real(round(a.m[i] * 1e6) / 1e6 + 0.0));
    return m;
}

/* How the page OCR read was made from the page as ingested: the steps as
 * numbers, and the maps both ways for a reader that draws boxes across. */
static json_t *prepared_json(const vt_page *pg)
{
    const vt_prepared *p = &pg->prepared;
    vt_affine to = vt_page_to_prepared(pg);
    return json_pack("{s:i,s:i,s:i,s:f,s:f,s:i,s:f,s:o,s:o}", "width", p->width, "height",
                     p->height, "dpi", p->dpi, "scale_x", p->scale_x, "scale_y", p->scale_y,
                     "quarter_turns", p->quarter_turns, "deskew_degrees", p->deskew_degrees,
                     "to_prepared", affine_json(to), "from_prepared",
                     affine_json(vt_affine_invert(to)));
}

/* The page's members before its blocks. */
static json_t *page_head_json(const vt_page *pg, size_t number)
{
    json_t *o = json_pack("{s:I}", "number", (json_int_t)number);
    if (pg->width > 0)
        json_object_set_new(o, "width", json_integer(pg->width));
    if (pg->height > 0)
        json_object_set_new(o, "height", json_integer(pg->height));
    if (pg->dpi > 0)
        json_object_set_new(o, "dpi", json_integer(pg->dpi));
    if (pg->dpi_declared > 0)
        json_object_set_new(o, "dpi_declared", json_integer(pg->dpi_declared));
    if (pg->prepared.width > 0)
        json_object_set_new(o, "prepared", prepared_json(pg));
    if (pg->text_from)
        json_object_set_new(o, "text_from", json_string(vt_text_source_name(pg->text_from)));
    json_object_set_new(o, "steps", strings_json(pg->steps, pg->n_steps));
    return o;
}

/* The block's members before its lines. */
static json_t *block_head_json(const vt_block *blk)
{
    json_t *o = json_pack("{s:s}", "role", vt_role_name(blk->role));
    if (blk->box.w > 0)
        json_object_set_new(o, "box", box_json(blk->box));
    return o;
}

#define ALTERNATIVE_SCORE_MIN 0.001

json_t *vt_change_to_json(const vt_doc *doc, const vt_change *c)
{
    /* A candidate under ALTERNATIVE_SCORE_MIN is one no reviewer would
     * pick; listed for every word of a long text, such candidates would
     * make up most of the record.  The chosen one is always listed. */
    json_t *alts = json_array();
    for (size_t a = 0; a < c->n_alternatives; a++)
        if (a == 0 || c->alternatives[a].score >= ALTERNATIVE_SCORE_MIN)
            json_array_append_new(alts, json_pack("{s:s,s:f}", "text",
                                              c->alternatives[a].text, "score",
                                              c->alternatives[a].score));
    /* line_number lets a reviewer find the change in the text directly. */
    size_t number = 0;
    for (size_t p = 0; p <= c->page && p < doc->n_pages; p++)
        for (size_t b = 0; b < doc->pages[p].n_blocks; b++) {
            if (p == c->page && b == c->block) {
                number += c->line + 1;
                goto found;
            }
            number += doc->pages[p].blocks[b].n_lines;
        }
found:;
    json_t *o = json_pack("{s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:s,s:s,s:f,s:b,s:o}",
                     "stage", c->stage, "source", c->source,
                     "page", (json_int_t)c->page + 1, "block", (json_int_t)c->block,
                     "line", (json_int_t)c->line, "word", (json_int_t)c->word,
                     "line_number", (json_int_t)number,
                     "from", c->from, "to", c->to,
                     "confidence", c->confidence, "review", c->review,
                     "alternatives", alts);
    if (c->decision) {
        json_object_set_new(o, "decision", json_string(c->decision));
        json_object_set_new(o, "of_change", json_integer((json_int_t)c->of_change));
        json_object_set_new(o, "reviewer", text_json(c->reviewer));
        json_object_set_new(o, "time", json_string(c->time));
    }
    return o;
}

/* The record's members before its changes. */
static json_t *record_head_json(const vt_doc *doc)
{
    json_t *o = json_object();
    json_object_set_new(o, "vanthu_record", json_string(VT_SCHEMA_VERSION));
    json_object_set_new(o, "vanthu_version", json_string(VT_VERSION));
    json_object_set_new(o, "status", json_string("ok"));
    json_t *src = json_object();
    json_object_set_new(src, "path", text_json(doc->path));
    json_object_set_new(src, "sha256", json_string(doc->sha256));
    json_object_set_new(src, "kind", json_string(vt_kind_name(doc->kind)));
    json_object_set_new(src, "page_count", json_integer((json_int_t)doc->page_count));
    json_object_set_new(o, "source", src);
    json_t *prov = json_object();
    for (size_t i = 0; i < doc->provenance.n; i++)
        json_object_set_new(prov, doc->provenance.keys[i],
                            text_json(doc->provenance.values[i]));
    json_object_set_new(o, "provenance", prov);
    json_object_set_new(o, "stages_done",
                        strings_json(doc->stages_done, doc->n_stages_done));
    if (doc->meta) {
        json_object_set(o, "metadata", doc->meta);
        json_object_set_new(o, "dublin_core", vt_doc_dublin_core(doc));
    }
    json_t *reasons = vt_doc_review_reasons(doc);
    json_object_set_new(o, "needs_review", json_boolean(json_array_size(reasons) > 0));
    json_object_set_new(o, "review_reasons", reasons);
    char *orig = vt_doc_text(doc, true), *cur = vt_doc_text(doc, false);
    json_object_set_new(o, "text", json_pack("{s:s,s:s}", "original", orig,
                                             "corrected", cur));
    free(orig);
    free(cur);
    return o;
}

/* ------------------------------------------------------------- writing
 *
 * A record is written member by member: only one change or one line exists
 * as a JSON tree at a time, so a document of a hundred thousand words needs
 * the text of its record, not a tree many times that size.  The layout is
 * jansson's, indented or compact, but for the elements of the long arrays
 * (put_element). */

typedef struct {
    GString *out;
    size_t flags;   /* jansson's, for the members dumped whole */
    bool pretty;
    int depth;
    bool empty[8];  /* per open depth: nothing written in it yet */
} record_writer;

static void put_newline(record_writer *w)
{
    if (!w->pretty)
        return;
    g_string_append_c(w->out, '\n');
    for (int i = 0; i < w->depth; i++)
        g_string_append(w->out, "  ");
}

/* Before a member or an element of the object or array open at this depth. */
static void put_separator(record_writer *w)
{
    if (!w->empty[w->depth])
        g_string_append_c(w->out, ',');
    w->empty[w->depth] = false;
    put_newline(w);
}

static void put_open(record_writer *w, char bracket)
{
    g_string_append_c(w->out, bracket);
    w->empty[++w->depth] = true;
}

static void put_close(record_writer *w, char bracket)
{
    bool empty = w->empty[w->depth--];
    if (!empty)
        put_newline(w);
    g_string_append_c(w->out, bracket);
}

static void put_key(record_writer *w, const char *key)
{
    put_separator(w);
    g_string_append_printf(w->out, w->pretty ? "\"%s\": " : "\"%s\":", key);
}

/* A value dumped whole (taken over), indented to the current depth. */
static void put_value(record_writer *w, json_t *v)
{
    char *s = json_dumps(v, w->flags | JSON_ENCODE_ANY);
    json_decref(v);
    for (const char *p = s; *p; p++) {
        if (*p == '\n')
            put_newline(w);
        else
            g_string_append_c(w->out, *p);
    }
    free(s);
}

/* An element of the long arrays (changes, a block's lines) on one line of
 * its own even in an indented record: the record stays about the size of
 * its content, and grep or diff sees one change or one line at a time. */
static void put_element(record_writer *w, json_t *v)
{
    put_separator(w);
    char *s = json_dumps(v, (w->flags & ~(size_t)JSON_MAX_INDENT) | JSON_ENCODE_ANY);
    json_decref(v);
    g_string_append(w->out, s);
    free(s);
}

/* The record writer as a sink: a member's value is dumped at its place,
 * an element of an array on a line of its own. */
static void json_open(void *ctx, const char *key, bool array)
{
    record_writer *w = ctx;
    if (key)
        put_key(w, key);
    else if (w->depth > 0)
        put_separator(w);
    put_open(w, array ? '[' : '{');
}

static void json_value(void *ctx, const char *key, json_t *v)
{
    record_writer *w = ctx;
    if (key) {
        put_key(w, key);
        put_value(w, v);
    } else {
        put_element(w, v);
    }
}

static void json_close(void *ctx, bool array)
{
    put_close(ctx, array ? ']' : '}');
}

static void sink_members(const vt_record_sink *sink, json_t *obj)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v)
        sink->value(sink->ctx, key, json_incref(v));
    json_decref(obj);
}

static void sink_page(const vt_record_sink *sink, const vt_page *pg, size_t number)
{
    sink->open(sink->ctx, NULL, false);
    sink_members(sink, page_head_json(pg, number));
    sink->open(sink->ctx, "blocks", true);
    for (size_t b = 0; b < pg->n_blocks; b++) {
        const vt_block *blk = &pg->blocks[b];
        sink->open(sink->ctx, NULL, false);
        sink_members(sink, block_head_json(blk));
        sink->open(sink->ctx, "lines", true);
        for (size_t l = 0; l < blk->n_lines; l++)
            sink->value(sink->ctx, NULL, line_json(&blk->lines[l]));
        sink->close(sink->ctx, true);
        sink->close(sink->ctx, false);
    }
    sink->close(sink->ctx, true);
    sink->close(sink->ctx, false);
}

void vt_doc_record_walk(const vt_doc *doc, bool words, const vt_record_sink *sink)
{
    sink->open(sink->ctx, NULL, false);
    sink_members(sink, record_head_json(doc));
    sink->open(sink->ctx, "changes", true);
    for (size_t c = 0; c < doc->n_changes; c++)
        sink->value(sink->ctx, NULL, vt_change_to_json(doc, &doc->changes[c]));
    sink->close(sink->ctx, true);
    if (words) {
        sink->open(sink->ctx, "pages", true);
        for (size_t p = 0; p < doc->n_pages; p++)
            sink_page(sink, &doc->pages[p], p + 1);
        sink->close(sink->ctx, true);
    }
    sink->value(sink->ctx, "warnings", strings_json(doc->warnings, doc->n_warnings));
    sink->close(sink->ctx, false);
}

char *vt_doc_json_dump(const vt_doc *doc, size_t flags, bool words, size_t *len)
{
    record_writer w = {.out = g_string_new(NULL), .flags = flags,
                       .pretty = (flags & JSON_MAX_INDENT) != 0};
    vt_record_sink sink = {json_open, json_value, json_close, &w};
    vt_doc_record_walk(doc, words, &sink);
    *len = w.out->len;
    return g_string_free(w.out, FALSE);
}

json_t *vt_doc_to_json(const vt_doc *doc)
{
    size_t len;
    char *s = vt_doc_json_dump(doc, JSON_COMPACT | JSON_PRESERVE_ORDER, true, &len);
    json_t *record = json_loadb(s, len, 0, NULL);
    free(s);
    return record;
}

json_t *vt_error_record(const char *path, const char *sha256, const vt_error *err)
{
    json_t *src = json_object();
    json_object_set_new(src, "path", text_json(path ? path : "-"));
    if (sha256 && *sha256)
        json_object_set_new(src, "sha256", json_string(sha256));
    json_t *error = json_pack("{s:s,s:i}", "code", vt_status_name(err->status),
                              "exit_code", (int)err->status);
    json_object_set_new(error, "message", text_json(err->message));
    return json_pack("{s:s,s:s,s:s,s:o,s:o}", "vanthu_record", VT_SCHEMA_VERSION,
                     "vanthu_version", VT_VERSION, "status", "error", "error", error,
                     "source", src);
}

/* ------------------------------------------------------------- reading */

static vt_status bad(vt_error *err, const char *what)
{
    return vt_error_set(err, VT_EINPUT, "not a vanthu record: %s", what);
}

/* Pixel sizes and coordinates: small enough that x + w cannot overflow. */
static bool pixel_value(json_int_t v)
{
    return v >= 0 && v <= INT_MAX / 2;
}

static bool read_box(const json_t *j, vt_box *b)
{
    *b = (vt_box){0};
    if (!j)
        return true;
    json_int_t x, y, w, h;
    if (json_unpack((json_t *)j, "[IIII]", &x, &y, &w, &h) != 0 || !pixel_value(x) ||
        !pixel_value(y) || !pixel_value(w) || !pixel_value(h))
        return false;
    *b = (vt_box){(int)x, (int)y, (int)w, (int)h};
    return true;
}

/* The page's `prepared` member; the maps are made again from the numbers
 * before them (vt_page_to_prepared), so only those are read.  A record gives numbers
 * to six digits: the scale, which is the ratio of the sizes before and
 * after, is taken from the sizes again when it agrees with them. */
static bool read_prepared(const json_t *j, const vt_page *pg, vt_prepared *p)
{
    *p = (vt_prepared){0};
    if (!j)
        return true;
    json_int_t w, h, dpi, turns;
    double sx, sy, deg;
    if (json_unpack((json_t *)j, "{s:I,s:I,s:I,s:F,s:F,s:I,s:F}", "width", &w, "height", &h,
                    "dpi", &dpi, "scale_x", &sx, "scale_y", &sy, "quarter_turns", &turns,
                    "deskew_degrees", &deg) != 0 ||
        !pixel_value(w) || !pixel_value(h) || !pixel_value(dpi) || w == 0 || h == 0 ||
        !(sx > 0 && sx <= 1e4 && sy > 0 && sy <= 1e4) || turns < 0 || turns > 3 ||
        !(fabs(deg) < 45))
        return false;
    *p = (vt_prepared){(int)w, (int)h, (int)dpi, sx, sy, (int)turns, deg};
    if (pg->width > 0 && pg->height > 0) {
        double exact_x = (double)(turns % 2 ? h : w) / pg->width;
        double exact_y = (double)(turns % 2 ? w : h) / pg->height;
        if (fabs(exact_x - sx) <= 1e-5 * exact_x && fabs(exact_y - sy) <= 1e-5 * exact_y) {
            p->scale_x = exact_x;
            p->scale_y = exact_y;
        }
    }
    return true;
}

static vt_status read_line_json(vt_line *ln, const json_t *j, vt_error *err)
{
    json_t *words = json_object_get(j, "words");
    if (!json_is_array(words) || !read_box(json_object_get(j, "box"), &ln->box))
        return bad(err, "a line needs a words array and a box of four pixel counts");
    const char *tail = json_string_value(json_object_get(j, "tail"));
    if (tail) {
        free(ln->tail);
        ln->tail = vt_xstrdup(tail);
    }
    size_t i;
    json_t *w;
    json_array_foreach(words, i, w) {
        const char *text = json_string_value(json_object_get(w, "text"));
        const char *orig = json_string_value(json_object_get(w, "orig"));
        const char *lead = json_string_value(json_object_get(w, "lead"));
        json_t *conf = json_object_get(w, "conf");
        vt_box box;
        if (!text || !read_box(json_object_get(w, "box"), &box))
            return bad(err, "a word needs text (and a box of four pixel counts)");
        /* written as a float and printed with two decimals */
        if (conf && !(json_is_number(conf) && json_number_value(conf) >= 0 &&
                      json_number_value(conf) <= 100))
            return bad(err, "a word's conf is a number from 0 to 100");
        vt_word *wd = vt_line_add_word(ln, text, lead, box,
                                       conf ? (float)json_number_value(conf) : -1.0f);
        if (orig) {
            free(wd->orig);
            wd->orig = vt_xstrdup(orig);
        }
        wd->handwritten = json_is_true(json_object_get(w, "handwritten"));
        wd->pen_digits = wd->handwritten && json_is_true(json_object_get(w, "pen_digits"));
    }
    return VT_OK;
}

static vt_status read_pages(vt_doc *doc, const json_t *pages, vt_error *err)
{
    size_t i, k, m;
    json_t *pj, *bj, *lj;
    json_array_foreach(pages, i, pj) {
        vt_page *pg = vt_doc_add_page(doc);
        json_int_t width = json_integer_value(json_object_get(pj, "width"));
        json_int_t height = json_integer_value(json_object_get(pj, "height"));
        json_int_t dpi = json_integer_value(json_object_get(pj, "dpi"));
        json_int_t declared = json_integer_value(json_object_get(pj, "dpi_declared"));
        if (!pixel_value(width) || !pixel_value(height) || !pixel_value(dpi) ||
            !pixel_value(declared))
            return bad(err, "a page's width, height and dpi are pixel counts");
        pg->width = (int)width;
        pg->height = (int)height;
        pg->dpi = (int)dpi;
        pg->dpi_declared = (int)declared;
        if (!read_prepared(json_object_get(pj, "prepared"), pg, &pg->prepared))
            return bad(err, "a page's prepared member needs its size, dpi, scale, quarter "
                            "turns (0-3) and deskew (under 45 degrees)");
        pg->text_from =
            vt_text_source_from_name(json_string_value(json_object_get(pj, "text_from")));
        json_t *sj;
        json_array_foreach(json_object_get(pj, "steps"), k, sj)
            if (json_is_string(sj))
                vt_page_add_step(pg, "%s", json_string_value(sj));
        json_t *blocks = json_object_get(pj, "blocks");
        if (!json_is_array(blocks))
            return bad(err, "a page needs a blocks array");
        json_array_foreach(blocks, k, bj) {
            json_t *lines = json_object_get(bj, "lines");
            if (!json_is_array(lines))
                return bad(err, "a block needs a lines array");
            vt_block *blk = vt_page_add_block(
                pg, vt_role_from_name(json_string_value(json_object_get(bj, "role"))));
            if (!read_box(json_object_get(bj, "box"), &blk->box))
                return bad(err, "a box is four pixel counts");
            json_array_foreach(lines, m, lj) {
                vt_status st = read_line_json(vt_block_add_line(blk), lj, err);
                if (st)
                    return st;
            }
        }
    }
    return VT_OK;
}

static vt_status read_changes(vt_doc *doc, const json_t *changes, vt_error *err)
{
    size_t i, a;
    json_t *cj, *aj;
    json_array_foreach(changes, i, cj) {
        json_int_t p, b, l, w;
        const char *stage, *source, *from, *to;
        double conf;
        int review = 0;
        json_t *alts = NULL;
        const char *decision = NULL, *reviewer = NULL, *time = NULL;
        json_int_t of_change = 0;
        if (json_unpack(cj, "{s:s,s:s,s:I,s:I,s:I,s:I,s:s,s:s,s:F,s?b,s?o}",
                        "stage", &stage, "source", &source, "page", &p, "block",
                        &b, "line", &l, "word", &w, "from", &from, "to", &to,
                        "confidence", &conf, "review", &review, "alternatives",
                        &alts) != 0)
            return bad(err, "a change lacks a member");
        if (json_unpack(cj, "{s?s,s?I,s?s,s?s}", "decision", &decision, "of_change",
                        &of_change, "reviewer", &reviewer, "time", &time) != 0 ||
            (decision && (!reviewer || !time || of_change < 0 || (size_t)of_change >= i)))
            return bad(err, "a reviewer's change needs who, when and an earlier change");
        p--; /* the record counts pages from 1, the model from 0 */
        if (p < 0 || (size_t)p >= doc->n_pages || b < 0 ||
            (size_t)b >= doc->pages[p].n_blocks || l < 0 ||
            (size_t)l >= doc->pages[p].blocks[b].n_lines || w < 0 ||
            (size_t)w >= doc->pages[p].blocks[b].lines[l].n_words)
            return bad(err, "a change points outside the document");
        VT_GROW(doc->changes, doc->n_changes, doc->cap_changes);
        vt_change *c = &doc->changes[doc->n_changes++];
        *c = (vt_change){vt_xstrdup(stage), vt_xstrdup(source), (size_t)p,
                         (size_t)b, (size_t)l, (size_t)w, vt_xstrdup(from),
                         vt_xstrdup(to), conf, review, NULL, 0, NULL, NULL, NULL, 0};
        if (decision) {
            c->decision = vt_xstrdup(decision);
            c->reviewer = vt_xstrdup(reviewer);
            c->time = vt_xstrdup(time);
            c->of_change = (size_t)of_change;
        }
        size_t n = json_array_size(alts);
        if (n) {
            c->alternatives = vt_xcalloc(n, sizeof *c->alternatives);
            json_array_foreach(alts, a, aj) {
                const char *t = json_string_value(json_object_get(aj, "text"));
                c->alternatives[c->n_alternatives++] = (vt_alternative){
                    vt_xstrdup(t ? t : ""),
                    json_number_value(json_object_get(aj, "score"))};
            }
        }
    }
    return VT_OK;
}

vt_doc *vt_doc_from_json(const json_t *j, vt_error *err)
{
    const char *version = json_string_value(json_object_get(j, "vanthu_record"));
    if (!version) {
        bad(err, "no \"vanthu_record\" member");
        return NULL;
    }
    if (strtol(version, NULL, 10) != strtol(VT_SCHEMA_VERSION, NULL, 10)) {
        vt_error_set(err, VT_EINPUT, "record version %s is not %s", version,
                     VT_SCHEMA_VERSION);
        return NULL;
    }
    const char *status = json_string_value(json_object_get(j, "status"));
    if (status && strcmp(status, "ok") != 0) {
        vt_error_set(err, VT_EINPUT, "record is an error record (status %s)", status);
        return NULL;
    }
    json_t *src = json_object_get(j, "source");
    const char *path = json_string_value(json_object_get(src, "path"));
    const char *sha = json_string_value(json_object_get(src, "sha256"));
    if (sha && *sha && (strlen(sha) != 64 || strspn(sha, "0123456789abcdef") != 64)) {
        bad(err, "source.sha256 is not 64 lowercase hex digits");
        return NULL;
    }
    vt_doc *doc = vt_doc_new(path);
    doc->kind = vt_kind_from_name(json_string_value(json_object_get(src, "kind")));
    doc->page_count = (size_t)json_integer_value(json_object_get(src, "page_count"));
    if (sha)
        snprintf(doc->sha256, sizeof doc->sha256, "%s", sha);
    const char *key;
    json_t *v;
    json_object_foreach(json_object_get(j, "provenance"), key, v)
        if (json_is_string(v))
            vt_options_set(&doc->provenance, key, json_string_value(v));
    size_t i;
    json_array_foreach(json_object_get(j, "stages_done"), i, v)
        if (json_is_string(v))
            vt_doc_mark_stage(doc, json_string_value(v));
    json_array_foreach(json_object_get(j, "warnings"), i, v)
        if (json_is_string(v))
            vt_doc_warn(doc, "%s", json_string_value(v));
    json_t *meta = json_object_get(j, "metadata");
    if (json_is_object(meta))
        doc->meta = json_deep_copy(meta);
    json_t *pages = json_object_get(j, "pages");
    vt_status st = json_is_array(pages) ? read_pages(doc, pages, err)
                                        : bad(err, "no pages array");
    if (!st)
        st = read_changes(doc, json_object_get(j, "changes"), err);
    if (!st)
        st = vt_doc_from_older_schema(doc, version, err);
    if (st) {
        vt_doc_free(doc);
        return NULL;
    }
    return doc;
}
