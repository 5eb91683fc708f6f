/* doc.c — the document model every stage reads and writes. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <leptonica/allheaders.h>

#include "internal.h"

vt_doc *vt_doc_new(const char *path)
{
    vt_doc *doc = vt_xcalloc(1, sizeof *doc);
    doc->path = vt_xstrdup(path ? path : "-");
    return doc;
}

static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void free_line(vt_line *ln)
{
    for (size_t w = 0; w < ln->n_words; w++) {
        free(ln->words[w].text);
        free(ln->words[w].orig);
        free(ln->words[w].lead);
    }
    free(ln->words);
    free(ln->tail);
}

void vt_block_free_lines(vt_block *block)
{
    for (size_t l = 0; l < block->n_lines; l++)
        free_line(&block->lines[l]);
    free(block->lines);
    block->lines = NULL;
    block->n_lines = block->cap_lines = 0;
}

static void free_page(vt_page *pg)
{
    for (size_t b = 0; b < pg->n_blocks; b++)
        vt_block_free_lines(&pg->blocks[b]);
    free(pg->blocks);
    vt_page_drop_pixels(pg);
    free(pg->store);
    free_strings(pg->steps, pg->n_steps);
}

size_t vt_pix_bytes(PIX *pix)
{
    return pix ? (size_t)pixGetWpl(pix) * 4 * (size_t)pixGetHeight(pix) : 0;
}

vt_page_store *vt_page_store_get(vt_page *page)
{
    if (!page->store)
        page->store = vt_xcalloc(1, sizeof *page->store);
    return page->store;
}

/* Work images are 8 bpp grey with white paper; TIFF with deflate keeps one
 * in about a ninth of its size, and writing and reading it back costs some
 * 70 ms a page, a few per cent of what OCR takes. */
void vt_page_keep_work(vt_page *page, PIX *work, bool hold)
{
    vt_page_store *s = vt_page_store_get(page);
    pixDestroy(&page->work);
    free(s->packed);
    s->packed = NULL;
    s->n_packed = 0;
    l_uint8 *data = NULL;
    size_t len = 0;
    /* Held as it is when compressing fails: memory is then all that suffers. */
    if (hold || pixWriteMem(&data, &len, work, IFF_TIFF_ZIP) != 0) {
        page->work = work;
        return;
    }
    /* leptonica's buffer grows by doubling; a copy holds only the bytes. */
    s->packed = vt_xmalloc(len);
    memcpy(s->packed, data, len);
    s->n_packed = len;
    lept_free(data);
    pixDestroy(&work);
}

const char *vt_page_step(const vt_page *page, const char *prefix)
{
    for (size_t i = 0; i < page->n_steps; i++)
        if (strncmp(page->steps[i], prefix, strlen(prefix)) == 0)
            return page->steps[i];
    return NULL;
}

bool vt_page_has_work(const vt_page *page)
{
    return page->work || (page->store && page->store->packed);
}

PIX *vt_page_work(const vt_page *page)
{
    if (page->work)
        return pixClone(page->work);
    if (page->store && page->store->packed)
        return pixReadMem(page->store->packed, page->store->n_packed);
    return NULL;
}

void vt_page_drop_pixels(vt_page *page)
{
    pixDestroy(&page->image);
    pixDestroy(&page->work);
    if (page->store) {
        free(page->store->packed);
        page->store->packed = NULL;
        page->store->n_packed = 0;
    }
}

static void free_change(vt_change *c)
{
    free(c->stage);
    free(c->source);
    free(c->from);
    free(c->to);
    free(c->reviewer);
    free(c->time);
    free(c->decision);
    for (size_t a = 0; a < c->n_alternatives; a++)
        free(c->alternatives[a].text);
    free(c->alternatives);
}

void vt_doc_free(vt_doc *doc)
{
    if (!doc)
        return;
    for (size_t p = 0; p < doc->n_pages; p++)
        free_page(&doc->pages[p]);
    free(doc->pages);
    for (size_t c = 0; c < doc->n_changes; c++)
        free_change(&doc->changes[c]);
    free(doc->changes);
    free_strings(doc->stages_done, doc->n_stages_done);
    free_strings(doc->warnings, doc->n_warnings);
    vt_options_clear(&doc->provenance);
    json_decref(doc->meta);
    free(doc->output);
    free(doc->bytes);
    free(doc->path);
    free(doc);
}

vt_page *vt_doc_add_page(vt_doc *doc)
{
    VT_GROW(doc->pages, doc->n_pages, doc->cap_pages);
    vt_page *pg = &doc->pages[doc->n_pages++];
    memset(pg, 0, sizeof *pg);
    return pg;
}

vt_block *vt_page_add_block(vt_page *page, vt_role role)
{
    VT_GROW(page->blocks, page->n_blocks, page->cap_blocks);
    vt_block *b = &page->blocks[page->n_blocks++];
    memset(b, 0, sizeof *b);
    b->role = role;
    return b;
}

vt_line *vt_block_add_line(vt_block *block)
{
    VT_GROW(block->lines, block->n_lines, block->cap_lines);
    vt_line *ln = &block->lines[block->n_lines++];
    memset(ln, 0, sizeof *ln);
    ln->tail = vt_xstrdup("");
    return ln;
}

vt_word *vt_line_add_word(vt_line *line, const char *text, const char *lead,
                          vt_box box, float conf)
{
    VT_GROW(line->words, line->n_words, line->cap_words);
    vt_word *w = &line->words[line->n_words++];
    w->text = vt_xstrdup(text);
    w->orig = vt_xstrdup(text);
    w->lead = vt_xstrdup(lead ? lead : (line->n_words == 1 ? "" : " "));
    w->box = box;
    w->conf = conf;
    w->handwritten = false;
    w->pen_digits = false;
    return w;
}

static void push_string(char ***v, size_t *n, size_t *cap, char *s)
{
    VT_GROW(*v, *n, *cap);
    (*v)[(*n)++] = s;
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    char *s = vt_xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

void vt_page_add_step(vt_page *page, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    push_string(&page->steps, &page->n_steps, &page->cap_steps, vformat(fmt, ap));
    va_end(ap);
}

void vt_doc_warn(vt_doc *doc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    push_string(&doc->warnings, &doc->n_warnings, &doc->cap_warnings,
                vformat(fmt, ap));
    va_end(ap);
}

void vt_doc_mark_stage(vt_doc *doc, const char *stage)
{
    if (!vt_doc_stage_done(doc, stage))
        push_string(&doc->stages_done, &doc->n_stages_done,
                    &doc->cap_stages_done, vt_xstrdup(stage));
}

bool vt_doc_stage_done(const vt_doc *doc, const char *stage)
{
    for (size_t i = 0; i < doc->n_stages_done; i++)
        if (strcmp(doc->stages_done[i], stage) == 0)
            return true;
    return false;
}

void vt_doc_change_word(vt_doc *doc, size_t page, size_t block, size_t line,
                        size_t word, const char *to, const char *stage,
                        const char *source, double confidence, bool review,
                        const vt_alternative *alts, size_t n_alts)
{
    vt_word *w = &doc->pages[page].blocks[block].lines[line].words[word];
    if (strcmp(w->text, to) == 0 && !review)
        return;
    VT_GROW(doc->changes, doc->n_changes, doc->cap_changes);
    vt_change *c = &doc->changes[doc->n_changes++];
    *c = (vt_change){
        .stage = vt_xstrdup(stage),
        .source = vt_xstrdup(source),
        .page = page, .block = block, .line = line, .word = word,
        .from = vt_xstrdup(w->text),
        .to = vt_xstrdup(to),
        .confidence = confidence,
        .review = review,
    };
    if (n_alts) {
        c->alternatives = vt_xcalloc(n_alts, sizeof *c->alternatives);
        for (size_t a = 0; a < n_alts; a++)
            c->alternatives[a] = (vt_alternative){vt_xstrdup(alts[a].text),
                                                  alts[a].score};
        c->n_alternatives = n_alts;
    }
    free(w->text);
    w->text = vt_xstrdup(to);
}

vt_line_ref *vt_doc_lines(const vt_doc *doc, size_t *n)
{
    size_t total = 0;
    for (size_t p = 0; p < doc->n_pages; p++)
        for (size_t b = 0; b < doc->pages[p].n_blocks; b++)
            total += doc->pages[p].blocks[b].n_lines;
    vt_line_ref *refs = vt_xcalloc(total, sizeof *refs);
    size_t k = 0;
    for (size_t p = 0; p < doc->n_pages; p++)
        for (size_t b = 0; b < doc->pages[p].n_blocks; b++) {
            vt_block *blk = &doc->pages[p].blocks[b];
            for (size_t l = 0; l < blk->n_lines; l++, k++)
                refs[k] = (vt_line_ref){p, b, l, k + 1, &blk->lines[l], blk->role};
        }
    *n = total;
    return refs;
}

/* A growable byte buffer for assembling text. */
typedef struct {
    char *s;
    size_t n, cap;
} strbuf;

static void sb_add(strbuf *sb, const char *s)
{
    size_t len = strlen(s);
    if (sb->n + len + 1 > sb->cap) {
        sb->cap = (sb->n + len + 1) * 2;
        sb->s = vt_xrealloc(sb->s, sb->cap);
    }
    memcpy(sb->s + sb->n, s, len + 1);
    sb->n += len;
}

static void append_line(strbuf *sb, const vt_line *line, bool original)
{
    for (size_t w = 0; w < line->n_words; w++) {
        sb_add(sb, line->words[w].lead);
        sb_add(sb, original ? line->words[w].orig : line->words[w].text);
    }
    sb_add(sb, line->tail);
}

char *vt_line_text(const vt_line *line, bool original)
{
    strbuf sb = {0};
    sb_add(&sb, "");
    append_line(&sb, line, original);
    return sb.s;
}

char *vt_doc_text(const vt_doc *doc, bool original)
{
    strbuf sb = {0};
    sb_add(&sb, "");
    bool first_line = true;
    vt_walk w;
    vt_walk_begin(&w, doc);
    while (vt_walk_next(&w)) {
        if (w.step == VT_WALK_PAGE) {
            if (w.page_index > 0)
                sb_add(&sb, "\f");
            first_line = true;
        } else if (w.step == VT_WALK_LINE) {
            if (!first_line)
                sb_add(&sb, "\n");
            first_line = false;
            append_line(&sb, w.line, original);
        }
    }
    vt_walk_end(&w);
    return sb.s;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v';
}

/* Split one text line into words, keeping the whitespace before each. */
static void read_line(vt_line *ln, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t ws = i;
        while (i < len && is_space(s[i]))
            i++;
        if (i == len) {
            free(ln->tail);
            ln->tail = vt_xstrndup(s + ws, i - ws);
            break;
        }
        size_t start = i;
        while (i < len && !is_space(s[i]))
            i++;
        char *lead = vt_xstrndup(s + ws, start - ws);
        char *text = vt_xstrndup(s + start, i - start);
        vt_line_add_word(ln, text, lead, (vt_box){0}, -1.0f);
        free(lead);
        free(text);
    }
}

vt_status vt_doc_read_text(vt_doc *doc, const char *bytes, size_t len,
                           vt_error *err)
{
    size_t bad;
    if (len >= 3 && memcmp(bytes, "\xef\xbb\xbf", 3) == 0) {
        bytes += 3;
        len -= 3;
    }
    if (!vt_utf8_valid(bytes, len, &bad)) {
        size_t line = 1;
        for (size_t i = 0; i < bad; i++)
            line += bytes[i] == '\n';
        return vt_error_set(err, VT_EINPUT, "%s: line %zu: %s", doc->path, line,
                            bytes[bad] ? "not valid UTF-8 text"
                                       : "contains a NUL byte; not a text file");
    }
    vt_page *pg = NULL;
    vt_block *blk = NULL;
    size_t start = 0;
    /* A trailing newline ends the last line; it does not start a new one. */
    size_t end = len;
    if (end > 0 && bytes[end - 1] == '\n')
        end--;
    for (size_t i = 0; i <= end; i++) {
        if (i < end && bytes[i] != '\n' && bytes[i] != '\f')
            continue;
        if (!pg) {
            pg = vt_doc_add_page(doc);
            blk = vt_page_add_block(pg, VT_ROLE_NONE);
        }
        read_line(vt_block_add_line(blk), bytes + start, i - start);
        if (i < end && bytes[i] == '\f')
            pg = NULL;
        start = i + 1;
    }
    if (!pg && doc->n_pages == 0) {
        pg = vt_doc_add_page(doc);
        vt_page_add_block(pg, VT_ROLE_NONE);
    }
    doc->page_count = doc->n_pages;
    return VT_OK;
}
