/* cmd_review.c — `vanthu review RECORD...`: each record as one HTML page a
 * reviewer works through in a browser, or a batch as an index page and one
 * page per record.  The page itself (markup, style, script) is one
 * template, src/cli/review.html, built into the binary; this file only
 * fills in its data: the record as it is, the page pictures and where the
 * page keeps the reviewer's decisions. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <jansson.h>

#include "cli.h"

/* review.html, embedded by vt-embed (src/cli/meson.build). */
extern const unsigned char vt_review_template[];
extern const size_t vt_review_template_len;

/* Where the template takes its data: the contents of a
 * <script type="application/json"> element. */
#define DATA_MARKER "@VANTHU_DATA@"

#define DEFAULT_PICTURE_WIDTH 1400

static const char help[] =
    "usage: vanthu review [OPTION]... RECORD...\n"
    "\n"
    "Make a review page of each record: one self-contained HTML file (no\n"
    "network, nothing outside it) that shows the page pictures with the word\n"
    "boxes over them, the changed words coloured by confidence, the text with\n"
    "each change as OCR -> corrected and its alternatives, what needs review\n"
    "first, and the metadata with each field linked to where it was read.\n"
    "The reviewer accepts, rejects, picks an alternative or types a\n"
    "correction with the keyboard ('?' in the page lists the keys); the page\n"
    "keeps the decisions in the browser's storage and downloads them as a\n"
    "decisions file for 'vanthu apply' (doc/decisions.md).\n"
    "\n"
    "  -o, --output PATH       one RECORD: the page (default: standard output);\n"
    "                          several, or PATH an existing directory: the\n"
    "                          directory that gets index.html and one page per\n"
    "                          record (NNNN-NAME.html)\n"
    "  -r, --reviewer NAME     the reviewer's name the page starts with\n"
    "  -w, --width PIXELS      page pictures at most this wide (default 1400;\n"
    "                          0: no pictures)\n"
    "  -j, --jobs N            pages of a batch made N at a time (default: the\n"
    "                          number of cores); the index lists them in the\n"
    "                          order given\n"
    "\n"
    "The pictures are made from each record's source file, read again where\n"
    "the record says it is; a record whose source is gone or has changed gets\n"
    "a page without pictures and a warning.\n"
    "\n"
    "Exit codes: 0 ok, 1 bad arguments, 2 bad input, 4 output error, 6 some\n"
    "records of a batch could not be read.\n";

typedef struct review_opts {
    const char *reviewer;
    int width;
} review_opts;

/* One record read: its JSON as the file has it (as read, for a record of
 * an older schema) and, for a record of an input that did not fail, the
 * document it describes. */
typedef struct loaded {
    json_t *record;
    vt_doc *doc;
} loaded;

/* A file name or a message as a JSON string: bytes that are not UTF-8
 * (a file name need not be) become U+FFFD rather than losing the page. */
static json_t *text_json(const char *s)
{
    gchar *valid = g_utf8_make_valid(s, -1);
    json_t *j = json_string(valid);
    g_free(valid);
    return j;
}

static vt_status load(const char *path, loaded *l, vt_error *err)
{
    *l = (loaded){0};
    vt_status st = vt_cli_read_json_object(path, (size_t)1 << 30, "record written by vanthu",
                                           &l->record, err);
    if (st)
        return st;
    if (!json_object_get(l->record, "vanthu_record")) {
        json_decref(l->record);
        l->record = NULL;
        return vt_error_set(err, VT_EINPUT, "%s: not a record written by vanthu", path);
    }
    const char *status = json_string_value(json_object_get(l->record, "status"));
    if (status && strcmp(status, "ok") != 0)
        return VT_OK; /* an error record: its page shows the error */
    l->doc = vt_doc_from_json(l->record, err);
    if (!l->doc) {
        json_decref(l->record);
        l->record = NULL;
        vt_error_prefix(err, "%s: ", path);
        return err->status;
    }
    /* A record of an older schema is shown as read: its boxes on the scan. */
    if (strcmp(json_string_value(json_object_get(l->record, "vanthu_record")),
               VT_SCHEMA_VERSION) != 0) {
        json_decref(l->record);
        l->record = vt_doc_to_json(l->doc);
    }
    return VT_OK;
}

static void unload(loaded *l)
{
    json_decref(l->record);
    vt_doc_free(l->doc);
}

/* Where the page keeps its decisions in the browser: one key per source
 * and list of changes, so that a record made again (another model) or
 * after a review (more changes) starts afresh while a page made again
 * from the same record finds what was decided. */
static json_t *storage_key(const json_t *record)
{
    const char *sha = json_string_value(json_object_get(json_object_get(record, "source"),
                                                        "sha256"));
    char *changes = json_dumps(json_object_get(record, "changes"),
                               JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
    GString *id = g_string_new(sha ? sha : "");
    g_string_append_c(id, '\n');
    if (changes)
        g_string_append(id, changes);
    free(changes);
    char hex[65];
    vt_sha256_hex(id->str, id->len, hex);
    g_string_free(id, TRUE);
    char key[96];
    snprintf(key, sizeof key, "vanthu-review/%.32s", hex);
    return json_string(key);
}

/* The page pictures as data: URLs, one per page; none at all when the
 * source cannot be read, with a note in `data` and a warning naming the
 * record. */
static json_t *pictures(const char *path, vt_doc *doc, int width, json_t *data)
{
    json_t *pics = json_array();
    if (!doc || doc->kind == VT_KIND_TEXT || width == 0)
        return pics;
    for (size_t p = 0; p < doc->n_pages; p++) {
        vt_error err = {0};
        unsigned char *bytes = NULL;
        size_t len = 0;
        if (vt_page_picture(doc, p, width, &bytes, &len, &err)) {
            fprintf(stderr, "vanthu review: %s: no page pictures: %s\n", path, err.message);
            json_object_set_new(data, "picture_note", text_json(err.message));
            json_array_clear(pics);
            return pics;
        }
        gchar *b64 = g_base64_encode(bytes, len);
        free(bytes);
        json_array_append_new(pics, json_sprintf("data:image/jpeg;base64,%s", b64));
        g_free(b64);
    }
    return pics;
}

static json_t *page_data(const char *path, loaded *l, const review_opts *o, json_t *nav)
{
    json_t *data = json_pack("{s:s,s:s,s:o,s:o,s:s}", "kind", "record", "vanthu_version",
                             VT_VERSION, "record_file", text_json(path), "storage_key",
                             storage_key(l->record), "reviewer",
                             o->reviewer ? o->reviewer : "");
    json_object_set_new(data, "nav", nav ? nav : json_null());
    json_object_set_new(data, "pictures", pictures(path, l->doc, o->width, data));
    json_object_set(data, "record", l->record);
    return data;
}

/* The template with `data` as its JSON: NFC throughout, and no '<', '>'
 * or '&' left raw, so that no text of a record (a word "</script>") can end
 * the script element or open a comment in it.  Caller frees. */
static char *fill_template(const json_t *data, size_t *len, vt_error *err)
{
    const char *tpl = (const char *)vt_review_template;
    const char *at = strstr(tpl, DATA_MARKER);
    char *json = json_dumps(data, JSON_COMPACT | JSON_PRESERVE_ORDER);
    gchar *nfc = json ? g_utf8_normalize(json, -1, G_NORMALIZE_NFC) : NULL;
    free(json);
    if (!at || !nfc) {
        g_free(nfc);
        vt_error_set(err, VT_EINTERNAL, "the review page cannot be made (%s)",
                     at ? "data not serialisable" : "template has no data marker");
        return NULL;
    }
    GString *out = g_string_sized_new(vt_review_template_len + strlen(nfc) + 64);
    g_string_append_len(out, tpl, at - tpl);
    for (const char *p = nfc; *p; p++) {
        switch (*p) {
        case '<':
            g_string_append(out, "\\u003c");
            break;
        case '>':
            g_string_append(out, "\\u003e");
            break;
        case '&':
            g_string_append(out, "\\u0026");
            break;
        default:
            g_string_append_c(out, *p);
        }
    }
    g_free(nfc);
    g_string_append(out, at + strlen(DATA_MARKER));
    *len = out->len;
    return g_string_free(out, FALSE);
}

static vt_status write_page(const char *out_path, const json_t *data, vt_error *err)
{
    size_t len = 0;
    char *html = fill_template(data, &len, err);
    if (!html)
        return err->status;
    vt_status st = vt_cli_write(out_path, html, len, err);
    g_free(html);
    return st;
}

/* "0007-cong-van.tif.html" for the seventh record, cong-van.tif.json:
 * numbered, so that two records of one name in different directories get
 * a page each, in the order given. */
static char *page_name(const char *record_path, size_t i)
{
    gchar *name_bytes = g_path_get_basename(record_path);
    gchar *base = g_utf8_make_valid(name_bytes, -1);
    g_free(name_bytes);
    if (g_str_has_suffix(base, ".json"))
        base[strlen(base) - 5] = '\0';
    char *name = g_strdup_printf("%04zu-%s.html", i + 1, base);
    g_free(base);
    return name;
}

/* What the index lists of a record. */
static json_t *index_entry(const char *path, const char *page, const json_t *record)
{
    json_t *e = json_pack("{s:o,s:s}", "record_file", text_json(path), "page", page);
    if (!record)
        return e;
    static const char *const members[] = {"status", "source", "error", "needs_review",
                                          "review_reasons"};
    for (size_t i = 0; i < sizeof members / sizeof *members; i++) {
        json_t *v = json_object_get(record, members[i]);
        if (v)
            json_object_set(e, members[i], v);
    }
    json_t *meta = json_object_get(record, "metadata");
    static const char *const fields[] = {"type", "number", "date", "subject"};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        json_t *v = json_object_get(json_object_get(meta, fields[i]), "value");
        if (v)
            json_object_set(e, fields[i], v);
    }
    json_object_set_new(e, "changes",
                        json_integer((json_int_t)json_array_size(
                            json_object_get(record, "changes"))));
    json_object_set_new(e, "storage_key", storage_key(record));
    return e;
}

static int review_one(const char *record_path, const char *out_path, const review_opts *o)
{
    vt_error err = {0};
    loaded l;
    vt_status st = load(record_path, &l, &err);
    if (!st) {
        json_t *data = page_data(record_path, &l, o, NULL);
        st = write_page(out_path, data, &err);
        json_decref(data);
    }
    unload(&l);
    return st ? vt_cli_report(&err) : VT_OK;
}

/* A batch being made: what each record's page left for the index, read
 * by the threads of the pool, each writing only its own slots. */
typedef struct batch {
    char **records, **names;
    size_t n;
    const char *dir;
    const review_opts *o;
    json_t **entries;
    vt_status *status;
    bool *unreadable;
    gint output_failed; /* set once a page cannot be written: the rest are skipped */
} batch;

/* Record i's page, and its entry for the index. */
static void review_record(gpointer index, gpointer user)
{
    batch *b = user;
    size_t i = GPOINTER_TO_SIZE(index) - 1;
    if (g_atomic_int_get(&b->output_failed))
        return;
    vt_error err = {0};
    loaded l;
    json_t *nav = json_pack("{s:s,s:s*,s:s*}", "index", "index.html", "previous",
                            i ? b->names[i - 1] : NULL, "next", b->names[i + 1]);
    json_t *data;
    if (load(b->records[i], &l, &err)) {
        /* Still a page, so that the batch's links all lead somewhere. */
        vt_cli_report(&err);
        b->unreadable[i] = true;
        data = json_pack("{s:s,s:s,s:o,s:o,s:o}", "kind", "unreadable", "vanthu_version",
                         VT_VERSION, "record_file", text_json(b->records[i]), "message",
                         text_json(err.message), "nav", nav);
        b->entries[i] = index_entry(b->records[i], b->names[i], NULL);
        json_object_set_new(b->entries[i], "unreadable", text_json(err.message));
    } else {
        data = page_data(b->records[i], &l, b->o, nav);
        b->entries[i] = index_entry(b->records[i], b->names[i], l.record);
    }
    unload(&l);
    char *out = g_build_filename(b->dir, b->names[i], NULL);
    b->status[i] = write_page(out, data, &err);
    if (b->status[i]) {
        vt_cli_report(&err);
        if (b->status[i] == VT_EOUTPUT)
            g_atomic_int_set(&b->output_failed, 1);
    }
    g_free(out);
    json_decref(data);
}

/* The pages of a batch, `jobs` at a time, then the index in the order
 * given. */
static int review_batch(char **records, size_t n, const char *dir, const review_opts *o,
                        int jobs)
{
    if (g_mkdir_with_parents(dir, 0755) != 0) {
        fprintf(stderr, "vanthu review: %s: cannot make the directory\n", dir);
        return VT_EOUTPUT;
    }
    batch b = {.records = records, .names = g_new0(char *, n + 1), .n = n, .dir = dir,
               .o = o, .entries = g_new0(json_t *, n), .status = g_new0(vt_status, n),
               .unreadable = g_new0(bool, n)};
    for (size_t i = 0; i < n; i++)
        b.names[i] = page_name(records[i], i);
    if (jobs > 1 && n > 1) {
        GThreadPool *pool = g_thread_pool_new(review_record, &b, jobs, TRUE, NULL);
        for (size_t i = 0; i < n; i++)
            g_thread_pool_push(pool, GSIZE_TO_POINTER(i + 1), NULL);
        g_thread_pool_free(pool, FALSE, TRUE);
    } else {
        for (size_t i = 0; i < n; i++)
            review_record(GSIZE_TO_POINTER(i + 1), &b);
    }
    vt_status st = b.output_failed ? VT_EOUTPUT : VT_OK;
    size_t failed = 0;
    json_t *entries = json_array();
    for (size_t i = 0; i < n; i++) {
        failed += b.unreadable[i];
        if (b.status[i] && !st)
            st = b.status[i];
        if (b.entries[i])
            json_array_append_new(entries, b.entries[i]);
    }
    if (st != VT_EOUTPUT) {
        vt_error err = {0};
        json_t *data = json_pack("{s:s,s:s,s:o}", "kind", "index", "vanthu_version",
                                 VT_VERSION, "records", entries);
        entries = NULL;
        char *out = g_build_filename(dir, "index.html", NULL);
        st = write_page(out, data, &err);
        if (st)
            vt_cli_report(&err);
        g_free(out);
        json_decref(data);
    }
    json_decref(entries);
    g_strfreev(b.names);
    g_free(b.entries);
    g_free(b.status);
    g_free(b.unreadable);
    if (st)
        return st;
    return failed ? VT_EPARTIAL : VT_OK;
}

int vt_cmd_review(int argc, char **argv)
{
    if (vt_cli_wants_help(argc, argv, help))
        return VT_OK;
    static const struct option longs[] = {
        {"output", required_argument, NULL, 'o'},
        {"reviewer", required_argument, NULL, 'r'},
        {"width", required_argument, NULL, 'w'},
        {"jobs", required_argument, NULL, 'j'},
        {NULL, 0, NULL, 0},
    };
    const char *output = NULL;
    review_opts o = {.width = DEFAULT_PICTURE_WIDTH};
    int jobs = (int)g_get_num_processors();
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:r:w:j:", longs, NULL)) != -1) {
        switch (c) {
        case 'o':
            output = optarg;
            break;
        case 'r':
            o.reviewer = optarg;
            break;
        case 'w': {
            char *end;
            long w = strtol(optarg, &end, 10);
            if (*end || end == optarg || w < 0 || w > 20000)
                return vt_cli_usage_error("review", "--width must be 0..20000 pixels, not "
                                                    "\"%s\"", optarg);
            o.width = (int)w;
            break;
        }
        case 'j': {
            char *end;
            long j = strtol(optarg, &end, 10);
            if (*end || end == optarg || j < 1 || j > 256)
                return vt_cli_usage_error("review", "-j %s: expected 1 to 256", optarg);
            jobs = (int)j;
            break;
        }
        default:
            return vt_cli_usage_error("review", "unknown option");
        }
    }
    if (o.reviewer && !g_utf8_validate(o.reviewer, -1, NULL))
        return vt_cli_usage_error("review", "--reviewer is not UTF-8");
    size_t n = (size_t)(argc - optind);
    if (n == 0)
        return vt_cli_usage_error("review", "RECORD expected");
    /* An existing directory takes even one record as a batch of one. */
    if (n == 1 && !(output && g_file_test(output, G_FILE_TEST_IS_DIR)))
        return review_one(argv[optind], output, &o);
    if (!output || strcmp(output, "-") == 0)
        return vt_cli_usage_error("review", "several records need -o DIR");
    return review_batch(argv + optind, n, output, &o, jobs);
}
