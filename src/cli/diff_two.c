/* diff_two.c — `vanthu diff A B`: what changed between two records of one
 * source (after a model update, or a reviewer's decisions) or two texts.
 * The texts are aligned word by word: lines first, so that the many lines
 * left as they were anchor the rest, then the words of each run of lines
 * that differ, across line ends, so a word that moved to the next line is
 * not taken for a change.  For two records the metadata fields are
 * compared too, without their confidence and evidence (which move with
 * every line added above them). */
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <jansson.h>

#include "cli.h"

/* Past this many cells an alignment costs too much memory (one byte a
 * cell); the run is then shown as replaced whole. */
#define VT_ALIGN_CELLS_MAX ((size_t)64 << 20)

typedef struct token {
    const char *text;
    size_t line; /* from 1 across the document */
} token;

typedef struct side {
    const char *path;
    vt_doc *doc;
    bool is_record;
    char **lines; /* each line's words joined by one space */
    size_t n_lines;
    token *words;
    size_t n_words;
    size_t *first_word; /* index in words of each line's first word; [n_lines] = n_words */
} side;

typedef enum { KEEP, DROP, ADD } edit_op;

typedef struct edit {
    edit_op op;
    size_t a, b;
} edit;

typedef struct edits {
    edit *v;
    size_t n, cap;
} edits;

static void push(edits *e, edit_op op, size_t a, size_t b)
{
    if (e->n == e->cap) {
        e->cap = e->cap ? 2 * e->cap : 64;
        e->v = realloc(e->v, e->cap * sizeof *e->v);
        if (!e->v)
            abort();
    }
    e->v[e->n++] = (edit){op, a, b};
}

/* Align a[0..n) with b[0..m), each holding strings, as a longest common
 * subsequence: KEEP for a pair kept, DROP for a's items not in b, ADD for
 * b's not in a, in order. */
static void align(char *const *a, size_t n, char *const *b, size_t m, edits *out)
{
    size_t head = 0, tail = 0;
    while (head < n && head < m && strcmp(a[head], b[head]) == 0)
        push(out, KEEP, head, head), head++;
    while (tail < n - head && tail < m - head &&
           strcmp(a[n - 1 - tail], b[m - 1 - tail]) == 0)
        tail++;
    size_t rn = n - head - tail, rm = m - head - tail;
    unsigned char *dir = NULL;
    if (rn && rm && rn <= VT_ALIGN_CELLS_MAX / rm) {
        /* Lengths of the common subsequences of the suffixes, two rows at
         * a time; each cell keeps only the way it was reached. */
        unsigned *next = calloc(rm + 1, sizeof *next), *cur = calloc(rm + 1, sizeof *cur);
        dir = malloc(rn * rm);
        if (!next || !cur || !dir)
            abort();
        for (size_t i = rn; i-- > 0;) {
            cur[rm] = 0;
            for (size_t j = rm; j-- > 0;) {
                unsigned char d;
                if (strcmp(a[head + i], b[head + j]) == 0)
                    cur[j] = next[j + 1] + 1, d = KEEP;
                else if (next[j] >= cur[j + 1])
                    cur[j] = next[j], d = DROP;
                else
                    cur[j] = cur[j + 1], d = ADD;
                dir[i * rm + j] = d;
            }
            unsigned *t = next;
            next = cur;
            cur = t;
        }
        free(next);
        free(cur);
    }
    size_t i = 0, j = 0;
    while (dir && i < rn && j < rm) {
        unsigned char d = dir[i * rm + j];
        push(out, d, head + i, head + j);
        i += d != ADD;
        j += d != DROP;
    }
    for (; i < rn; i++)
        push(out, DROP, head + i, 0);
    for (; j < rm; j++)
        push(out, ADD, 0, head + j);
    for (size_t k = 0; k < tail; k++)
        push(out, KEEP, n - tail + k, m - tail + k);
    free(dir);
}

static vt_status open_side(side *s, const char *path, vt_error *err)
{
    s->path = path;
    vt_status st = vt_cli_open_input(path, &s->doc, err);
    if (st)
        return st;
    s->is_record = !s->doc->bytes;
    if (!s->is_record) {
        st = vt_doc_read_text(s->doc, (const char *)s->doc->bytes, s->doc->n_bytes, err);
        if (st) {
            vt_error_prefix(err, "%s: ", path);
            return st;
        }
    }
    vt_line_ref *refs = vt_doc_lines(s->doc, &s->n_lines);
    s->lines = calloc(s->n_lines + 1, sizeof *s->lines);
    s->first_word = calloc(s->n_lines + 1, sizeof *s->first_word);
    if (!s->lines || !s->first_word)
        abort();
    for (size_t l = 0; l < s->n_lines; l++) {
        const vt_line *ln = refs[l].ln;
        GString *joined = g_string_new(NULL);
        s->first_word[l] = s->n_words;
        s->words = realloc(s->words, (s->n_words + ln->n_words + 1) * sizeof *s->words);
        if (!s->words)
            abort();
        for (size_t w = 0; w < ln->n_words; w++) {
            g_string_append_printf(joined, "%s%s", w ? " " : "", ln->words[w].text);
            s->words[s->n_words++] = (token){ln->words[w].text, refs[l].number};
        }
        s->lines[l] = g_string_free(joined, FALSE);
    }
    s->first_word[s->n_lines] = s->n_words;
    free(refs);
    return VT_OK;
}

static void close_side(side *s)
{
    for (size_t l = 0; l < s->n_lines; l++)
        g_free(s->lines[l]);
    free(s->lines);
    free(s->first_word);
    free(s->words);
    vt_doc_free(s->doc);
}

/* One run of words replaced: the lines it starts on in A and B, and the
 * words (either side may be empty). */
typedef struct hunk {
    size_t a_line, b_line;
    GString *from, *to;
} hunk;

/* The line a run starts on, on one side: that of the side's next word in
 * the lines compared, else of its last word there, else the first of those
 * lines (a line's number is its index + 1). */
static size_t line_at(const side *s, size_t word, size_t first, size_t end, size_t line)
{
    if (word < end)
        return s->words[word].line;
    return end > first ? s->words[end - 1].line : line + 1;
}

/* Lines of the same number of words each, on both sides: a record made
 * again from the same OCR, or a text edited in place.  Word i then stands
 * for word i, which is what a reviewer means by the text that changed. */
static bool same_shape(const side *A, size_t la, size_t la_end, const side *B, size_t lb,
                       size_t lb_end)
{
    if (la_end - la != lb_end - lb)
        return false;
    for (size_t k = 0; k < la_end - la; k++)
        if (A->first_word[la + k + 1] - A->first_word[la + k] !=
            B->first_word[lb + k + 1] - B->first_word[lb + k])
            return false;
    return true;
}

/* The word-level hunks of lines a[la..la_end) against b[lb..lb_end). */
static void word_hunks(const side *A, size_t la, size_t la_end, const side *B, size_t lb,
                       size_t lb_end, json_t *out)
{
    size_t wa = A->first_word[la], na = A->first_word[la_end] - wa;
    size_t wb = B->first_word[lb], nb = B->first_word[lb_end] - wb;
    char **ta = malloc((na + 1) * sizeof *ta), **tb = malloc((nb + 1) * sizeof *tb);
    if (!ta || !tb)
        abort();
    for (size_t i = 0; i < na; i++)
        ta[i] = (char *)A->words[wa + i].text;
    for (size_t j = 0; j < nb; j++)
        tb[j] = (char *)B->words[wb + j].text;
    edits e = {0};
    if (same_shape(A, la, la_end, B, lb, lb_end)) {
        for (size_t i = 0; i < na; i++) {
            if (strcmp(ta[i], tb[i]) == 0) {
                push(&e, KEEP, i, i);
            } else {
                push(&e, DROP, i, i);
                push(&e, ADD, i, i);
            }
        }
    } else {
        align(ta, na, tb, nb, &e);
    }
    /* Where a side has no word in a run, its place is that of the side's
     * next word: ia and ib step through the words as the script does. */
    size_t ia = 0, ib = 0;
    for (size_t k = 0; k < e.n;) {
        if (e.v[k].op == KEEP) {
            ia++, ib++, k++;
            continue;
        }
        size_t a_line = line_at(A, wa + ia, wa, wa + na, la);
        size_t b_line = line_at(B, wb + ib, wb, wb + nb, lb);
        GString *from = g_string_new(NULL), *to = g_string_new(NULL);
        for (; k < e.n && e.v[k].op != KEEP; k++) {
            if (e.v[k].op == DROP)
                g_string_append_printf(from, "%s%s", from->len ? " " : "", ta[ia++]);
            else
                g_string_append_printf(to, "%s%s", to->len ? " " : "", tb[ib++]);
        }
        json_array_append_new(out, json_pack("{s:I,s:I,s:s,s:s}", "a_line",
                                             (json_int_t)a_line, "b_line",
                                             (json_int_t)b_line, "from", from->str, "to",
                                             to->str));
        g_string_free(from, TRUE);
        g_string_free(to, TRUE);
    }
    free(e.v);
    free(ta);
    free(tb);
}

/* Every run of words that differs, as {a_line, b_line, from, to}. */
static json_t *text_changes(const side *A, const side *B)
{
    json_t *out = json_array();
    edits e = {0};
    align(A->lines, A->n_lines, B->lines, B->n_lines, &e);
    size_t la = 0, lb = 0;
    for (size_t k = 0; k < e.n;) {
        if (e.v[k].op == KEEP) {
            la++, lb++, k++;
            continue;
        }
        size_t la0 = la, lb0 = lb;
        for (; k < e.n && e.v[k].op != KEEP; k++)
            e.v[k].op == DROP ? la++ : lb++;
        word_hunks(A, la0, la, B, lb0, lb, out);
    }
    free(e.v);
    return out;
}

/* A field without what moves when nothing in it changed. */
static json_t *field_content(const json_t *v)
{
    json_t *c = json_deep_copy(v);
    if (json_is_object(c)) {
        json_object_del(c, "confidence");
        json_object_del(c, "evidence");
    } else if (json_is_array(c)) {
        size_t i;
        json_t *item;
        json_array_foreach(c, i, item) {
            json_array_set_new(c, i, field_content(item));
        }
    }
    return c;
}

/* A field as a person reads it: its value or name, a signer's parts, a
 * list's entries; JSON for the rest. */
static void show_field(GString *s, const json_t *v)
{
    if (!v) {
        g_string_append(s, "(none)");
        return;
    }
    if (json_is_string(v)) {
        g_string_append(s, json_string_value(v));
        return;
    }
    if (json_is_array(v)) {
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item) {
            if (i)
                g_string_append(s, "; ");
            show_field(s, item);
        }
        return;
    }
    static const char *const shown[] = {"value", "name", "text", "position", "authority",
                                        "number"};
    bool any = false;
    for (size_t k = 0; json_is_object(v) && k < sizeof shown / sizeof *shown; k++) {
        const json_t *part = json_object_get(v, shown[k]);
        if (!part)
            continue;
        g_string_append(s, any ? " / " : "");
        show_field(s, part);
        any = true;
    }
    if (!any) {
        char *dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        g_string_append(s, dump ? dump : "");
        free(dump);
    }
}

/* Two different fields that read the same (a raw text or a member not
 * shown differs) are shown whole. */
static void show_fields(GString *a, GString *b, const json_t *fa, const json_t *fb)
{
    show_field(a, fa);
    show_field(b, fb);
    if (strcmp(a->str, b->str) == 0) {
        char *da = json_dumps(fa, JSON_COMPACT | JSON_ENCODE_ANY);
        char *db = json_dumps(fb, JSON_COMPACT | JSON_ENCODE_ANY);
        g_string_assign(a, da ? da : "");
        g_string_assign(b, db ? db : "");
        free(da);
        free(db);
    }
}

static void compare_field(json_t *out, const char *key, const json_t *a, const json_t *b)
{
    json_t *ca = a ? field_content(a) : NULL, *cb = b ? field_content(b) : NULL;
    bool same = ca && cb ? json_equal(ca, cb) : ca == cb;
    if (!same) {
        json_t *o = json_pack("{s:s}", "field", key);
        if (ca)
            json_object_set(o, "a", ca);
        if (cb)
            json_object_set(o, "b", cb);
        json_array_append_new(out, o);
    }
    json_decref(ca);
    json_decref(cb);
}

/* The metadata fields that differ, and needs_review when it does, as
 * {field, a, b} (a or b absent where that record has none). */
static json_t *field_changes(const side *A, const side *B)
{
    json_t *out = json_array();
    json_t *ma = A->doc->meta ? A->doc->meta : json_object();
    json_t *mb = B->doc->meta ? B->doc->meta : json_object();
    const char *key;
    json_t *v;
    json_object_foreach(ma, key, v)
        compare_field(out, key, v, json_object_get(mb, key));
    json_object_foreach(mb, key, v)
        if (!json_object_get(ma, key))
            compare_field(out, key, NULL, v);
    json_t *ra = vt_doc_review_reasons(A->doc), *rb = vt_doc_review_reasons(B->doc);
    json_t *na = json_boolean(json_array_size(ra)), *nb = json_boolean(json_array_size(rb));
    compare_field(out, "needs_review", na, nb);
    json_decref(na);
    json_decref(nb);
    json_decref(ra);
    json_decref(rb);
    if (!A->doc->meta)
        json_decref(ma);
    if (!B->doc->meta)
        json_decref(mb);
    return out;
}

static void print_text(const json_t *changes, const vt_diff_palette *pal)
{
    size_t i;
    json_t *c;
    json_array_foreach(changes, i, c) {
        const char *from = json_string_value(json_object_get(c, "from"));
        const char *to = json_string_value(json_object_get(c, "to"));
        printf("a%lld b%lld  %s%s%s \u2192 %s%s%s\n",
               (long long)json_integer_value(json_object_get(c, "a_line")),
               (long long)json_integer_value(json_object_get(c, "b_line")), pal->from,
               *from ? from : "(none)", pal->reset, pal->to, *to ? to : "(none)", pal->reset);
    }
}

static void print_fields(const json_t *fields, const vt_diff_palette *pal)
{
    size_t i;
    json_t *f;
    json_array_foreach(fields, i, f) {
        GString *a = g_string_new(NULL), *b = g_string_new(NULL);
        show_fields(a, b, json_object_get(f, "a"), json_object_get(f, "b"));
        printf("%s%s:%s %s%s%s \u2192 %s%s%s\n", pal->dim,
               json_string_value(json_object_get(f, "field")), pal->reset, pal->from, a->str,
               pal->reset, pal->to, b->str, pal->reset);
        g_string_free(a, TRUE);
        g_string_free(b, TRUE);
    }
}

int vt_diff_two(const char *path_a, const char *path_b, bool as_json,
                const vt_diff_palette *pal)
{
    vt_error err = {0};
    side A = {0}, B = {0};
    vt_status st = open_side(&A, path_a, &err);
    if (!st)
        st = open_side(&B, path_b, &err);
    if (!st && A.is_record && B.is_record && *A.doc->sha256 && *B.doc->sha256 &&
        strcmp(A.doc->sha256, B.doc->sha256) != 0)
        st = vt_error_set(&err, VT_EINPUT, "%s and %s are records of different sources "
                          "(sha256 %.12s... and %.12s...)", path_a, path_b, A.doc->sha256,
                          B.doc->sha256);
    if (st) {
        close_side(&A);
        close_side(&B);
        return vt_cli_report(&err);
    }
    json_t *text = text_changes(&A, &B);
    json_t *fields = A.is_record && B.is_record ? field_changes(&A, &B) : NULL;
    if (as_json) {
        /* A file name need not be UTF-8; JSON must be. */
        gchar *a = g_utf8_make_valid(path_a, -1), *b = g_utf8_make_valid(path_b, -1);
        json_t *out = json_pack("{s:s,s:s,s:o}", "a", a, "b", b, "text", text);
        g_free(a);
        g_free(b);
        if (fields)
            json_object_set_new(out, "fields", fields);
        st = vt_cli_print_json(out, JSON_INDENT(2) | JSON_PRESERVE_ORDER, &err);
    } else {
        print_text(text, pal);
        if (fields)
            print_fields(fields, pal);
        json_decref(text);
        json_decref(fields);
        if (fflush(stdout) != 0)
            st = vt_error_set(&err, VT_EOUTPUT, "standard output: write failed");
    }
    close_side(&A);
    close_side(&B);
    return st ? vt_cli_report(&err) : VT_OK;
}
