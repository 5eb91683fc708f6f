/* run.c — `vanthu run`: the whole chain over many inputs, in parallel,
 * resumable, one complete record per input whatever happens. */
#include <errno.h>
#include <fnmatch.h>
#include <fcntl.h>
#include <fts.h>
#include <ftw.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <jansson.h>
#include <libxml/xmlreader.h>

#include "cli.h"

static const char help[] =
    "usage: vanthu run [OPTION]... FILE|DIR|-...\n"
    "\n"
    "Run the whole chain over each input and write one record per input.\n"
    "Directories are walked recursively in a stable order, taking the files\n"
    "vanthu reads by content (images, PDF, text) but its own records, *.meta.json\n"
    "files and job logs; '-' reads one document (or record) from standard input,\n"
    "as restore and parse do (its record under -o is DIR/stdin.json), and -T\n"
    "reads a list of paths.\n"
    "Images and PDFs use pipeline 'scan', text uses 'text'; a record written by\n"
    "vanthu resumes where it stopped.\n"
    "\n"
    "  -f, --format json|xml|text|alto|hocr|pdf|mets\n"
    "                          record format (default json); text writes the\n"
    "                          corrected text only, a form feed between inputs;\n"
    "                          alto (ALTO 4.4) and hocr (hOCR 1.2) the page\n"
    "                          layout with the corrected words, pdf a searchable\n"
    "                          PDF/A-2b of the scan, mets a METS wrapper naming\n"
    "                          the scan, the ALTO and the record, for archives.\n"
    "                          Given more than once (-f json -f pdf), each is\n"
    "                          written (-o)\n"
    "      --sidecar           the corrected text beside the other outputs\n"
    "                          (DIR/PATH.txt), as with -f text\n"
    "  -o, --output DIR        one file per input under DIR (DIR/PATH.json),\n"
    "                          written atomically; without it, records go to\n"
    "                          standard output (JSON Lines when several).  The\n"
    "                          files of a directory named mirror its tree, as\n"
    "                          rsync copies SRC/: -o out /srv/scans writes\n"
    "                          out/x.tif.json; a file named keeps its path\n"
    "  -j, --jobs N            parallel workers (default: number of cores)\n"
    "  -p, --pipeline FILE     pipeline file (or name under pipeline/) for all inputs\n"
    "      --stop-after STAGE  stop after this stage; the record can resume later\n"
    "      --from FILE.json    resume from a record (same as naming it as input)\n"
    "      --force             redo inputs whose record in DIR is current\n"
    "      --jsonl             one compact JSON record per line on standard output;\n"
    "                          with no FILE, read the paths from standard input\n"
    "      --log FILE          job log, JSON Lines (default DIR/vanthu-job.jsonl)\n"
    "  -s, --set STAGE.KEY=VALUE\n"
    "                          set an option of a stage (ocr.lang=vie+eng)\n"
    "  -l, --lang LANG         OCR language(s), as for ocr (-s ocr.lang=LANG)\n"
    "  -T, --files-from FILE   read input paths (or JSON requests) from FILE, one\n"
    "                          per line, '-' for standard input\n"
    "      --root DIR          read only files inside DIR (symbolic links resolved):\n"
    "                          any other input or request is refused with an\n"
    "                          error record of its own\n"
    "      --follow-symlinks   in directories, follow symbolic links that leave\n"
    "                          the directory named (by default they are skipped)\n"
    "      --include GLOB      in directories, take only files whose name matches\n"
    "      --exclude GLOB      in directories, leave out files whose name matches\n"
    "  -V, --version           print the version\n"
    "  -q, --quiet             no progress bar and no summary\n"
    "\n"
    "A re-run with -o skips inputs whose record (JSON or XML) has every stage\n"
    "asked for done, for the same input bytes, pipeline, options, model and\n"
    "vanthu version.  A bad input, or an output clash, becomes an error for that\n"
    "input and the batch goes on; a bad option, pipeline or model stops the run\n"
    "before any record is touched.  Exit codes: 0 all ok, 1 bad arguments, for\n"
    "one input its own code (2 bad input, 3 missing model...), 4 output error,\n"
    "6 some inputs of a batch failed.\n";

/* One more output of an input, in a format after the first -f. */
typedef struct {
    char *path;
    char *data;
    size_t len;
} extra_output;

typedef struct {
    char *path;
    char *out_path;   /* NULL: standard output */
    extra_output *extras; /* one per run_ctx.extras, with -o only */
    size_t root_len;  /* found by a walk: its part of path that names the
                         directory given, which OUT does not repeat */
    vt_status status;
    bool skipped;
    bool done;
    bool refused;     /* failed before it started: status and message set */
    char *record;     /* rendered record, for standard output */
    size_t record_len;
    size_t pages;
    double seconds;
    char message[1024];
    json_t *review_kinds; /* why the record needs review (kinds), NULL if unknown */
} job;

typedef struct {
    const vt_format *format; /* the first -f: the pipeline's emit renders it */
    const vt_format **extras; /* the other -f, and text for --sidecar */
    size_t n_extras;
    const char *outdir;
    char **sets; /* STAGE.KEY=VALUE overrides, in order */
    size_t n_sets;
    char *lang_set; /* -l LANG as ocr.lang=LANG, one of sets */
    const char **includes, **excludes; /* --include, --exclude GLOBs */
    size_t n_includes, n_excludes;
    const char *pipeline;
    const char *stop_after;
    const char *log_path;
    long jobs;
    long page_threads; /* OCR engines per document when workers outnumber inputs */
    bool force, quiet, jsonl;
    bool follow_symlinks; /* --follow-symlinks */
    const char *root;     /* --root DIR as given */
    char *root_real;      /* and resolved; NULL without --root */
    bool stdin_read; /* '-' or -T - takes standard input */

    job *jobs_v;
    size_t n_jobs, cap_jobs;
    atomic_size_t next;
    pthread_mutex_t lock;
    size_t flushed; /* jobs written to stdout, in input order */
    bool any_written;
    size_t n_ok, n_failed, n_skipped, n_pages, n_need_review;
    vt_status output_error;
    char output_message[1024];
    FILE *log;
    double started;
    bool progress;
    size_t walk_root_len; /* strlen of the directory being walked, as given */
    GHashTable *walked;   /* directories walked, "st_dev:st_ino" */
    struct stat out_stat; /* of OUT, which a walk leaves out */
} run_ctx;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static job *add_job(run_ctx *c, const char *path)
{
    if (c->n_jobs == c->cap_jobs) {
        c->cap_jobs = c->cap_jobs ? 2 * c->cap_jobs : 64;
        c->jobs_v = realloc(c->jobs_v, c->cap_jobs * sizeof *c->jobs_v);
        if (!c->jobs_v)
            abort();
    }
    c->jobs_v[c->n_jobs] = (job){.path = strdup(path)};
    return &c->jobs_v[c->n_jobs++];
}

static int by_name(const FTSENT **a, const FTSENT **b)
{
    return strcmp((*a)->fts_name, (*b)->fts_name);
}

/* True the first time a directory is seen: symbolic links can make a
 * directory its own descendant, or reach it by many paths. */
static bool first_visit(run_ctx *c, const struct stat *st)
{
    if (!c->walked)
        c->walked = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    char *key = g_strdup_printf("%ju:%ju", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino);
    return g_hash_table_add(c->walked, key);
}

static bool matches_any(const char *const *globs, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (fnmatch(globs[i], name, 0) == 0)
            return true;
    return false;
}

/* Whether a walk takes the file `name` at path p (from the current
 * directory): a kind vanthu reads, by
 * its content (image, PDF, text), and never vanthu's own records, job logs
 * or *.meta.json files (a second pass over a tree that holds them would
 * turn them into inputs); within --include and --exclude.  What cannot be
 * read, or is empty, is taken so that its error is reported. */
static bool walk_takes(const run_ctx *c, const char *p, const char *name)
{
    if (c->n_includes && !matches_any(c->includes, c->n_includes, name))
        return false;
    if (matches_any(c->excludes, c->n_excludes, name))
        return false;
    if (strcmp(name, "vanthu-job.jsonl") == 0 || g_str_has_suffix(name, ".meta.json"))
        return false;
    unsigned char head[4096];
    /* O_NONBLOCK: a FIFO gives no bytes instead of blocking the walk. */
    int fd = open(p, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return true;
    ssize_t n = read(fd, head, sizeof head);
    close(fd);
    if (n <= 0)
        return true;
    vt_kind kind = vt_sniff(head, (size_t)n);
    /* An XML record is known by its namespace. */
    return kind != VT_KIND_UNKNOWN && kind != VT_KIND_RECORD &&
           !memmem(head, (size_t)n, "urn:vanthu:record", 17);
}

static void add_walked(run_ctx *c, const char *path)
{
    add_job(c, path)->root_len = c->walk_root_len;
}

/* Whether the resolved path `real` is `dir` or inside it. */
static bool inside(const char *real, const char *dir)
{
    size_t n = strlen(dir);
    return strncmp(real, dir, n) == 0 &&
           (real[n] == '/' || real[n] == '\0' || (n > 0 && dir[n - 1] == '/'));
}

/* Whether a path may be read under --root: what it names, links resolved,
 * is inside the root.  A path that does not resolve is let through to
 * fail as a missing file. */
static bool within_root(const run_ctx *c, const char *path)
{
    if (!c->root_real)
        return true;
    char *real = realpath(path, NULL);
    bool ok = !real || inside(real, c->root_real);
    free(real);
    return ok;
}

/* Whether a walk of the tree `tree` (resolved) follows the symbolic link
 * at `link`: when it stays in the tree, or with --follow-symlinks when it
 * stays within --root.  A dangling link is followed, to be reported. */
static bool walk_follows(const run_ctx *c, const char *link, const char *tree)
{
    char *real = realpath(link, NULL);
    bool follow = !real || inside(real, tree) ||
                  (c->follow_symlinks && (!c->root_real || inside(real, c->root_real)));
    free(real);
    return follow;
}

/* Walk a directory with fts(3) in byte order of names, following symbolic
 * links that stay in the tree (walk_follows), skipping dot files (and so the temporary files of an interrupted
 * run), the output directory and directories already walked.  fts keeps
 * no stack frame per level and changes into each directory, so a name is
 * looked up from its parent, never along the whole path: a tree thousands
 * of levels deep costs what its entries do.  Runs before any worker does,
 * so the working directory it changes is no one else's. */
static void walk(run_ctx *c, const char *dir)
{
    char *roots[] = {(char *)dir, NULL};
    char *tree = realpath(dir, NULL);
    FTS *fts = tree ? fts_open(roots, FTS_PHYSICAL | FTS_COMFOLLOW, by_name) : NULL;
    if (!fts) {
        free(tree);
        add_job(c, dir); /* reported as an unreadable input */
        return;
    }
    FTSENT *e;
    while ((e = fts_read(fts))) {
        bool hidden = e->fts_level > 0 && e->fts_name[0] == '.';
        const struct stat *st = e->fts_statp;
        switch (e->fts_info) {
        case FTS_D:
            if (hidden || (c->outdir && st->st_dev == c->out_stat.st_dev &&
                           st->st_ino == c->out_stat.st_ino) || !first_visit(c, st))
                fts_set(fts, e, FTS_SKIP);
            break;
        case FTS_SL: /* followed: read again as what it points to */
            if (walk_follows(c, e->fts_accpath, tree))
                fts_set(fts, e, FTS_FOLLOW);
            else if (!c->quiet)
                fprintf(stderr, "vanthu: %s: symbolic link out of %s%s, not followed\n",
                        e->fts_path, dir, c->follow_symlinks ? " and --root" : "");
            break;
        case FTS_DP: /* left after its entries */
        case FTS_DC: /* its own ancestor, through a link */
            break;
        case FTS_DNR:
        case FTS_ERR:
            if (e->fts_level == 0)
                add_job(c, dir); /* reported as an unreadable input */
            else if (!hidden)
                add_walked(c, e->fts_path);
            break;
        default: /* a file, or what cannot be looked at (reported) */
            if (!hidden && walk_takes(c, e->fts_accpath, e->fts_name))
                add_walked(c, e->fts_path);
        }
    }
    fts_close(fts);
    free(tree);
}

/* A job refused before it starts: its error record stands in its place,
 * so that each request line gets one answer. */
static void refuse(job *jb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void refuse(job *jb, const char *fmt, ...)
{
    jb->status = VT_EINPUT;
    jb->refused = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(jb->message, sizeof jb->message, fmt, ap);
    va_end(ap);
}

/* A request line is a path, or a JSON object with a "path" member. */
static void read_requests(run_ctx *c, FILE *in, const char *source)
{
    char *line = NULL;
    size_t cap = 0, number = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, in)) > 0) {
        number++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0 && c->outdir) {
            continue; /* a blank line in a list of paths */
        } else if (n == 0) {
            /* On standard output each request line gets one line. */
            refuse(add_job(c, ""), "%s line %zu: empty line, no request", source, number);
        } else if (line[0] == '{') {
            json_error_t jerr;
            json_t *j = json_loads(line, 0, &jerr);
            const char *p = json_string_value(json_object_get(j, "path"));
            if (!j)
                refuse(add_job(c, line), "%s line %zu: bad request: %s", source, number,
                       jerr.text);
            else if (!p)
                refuse(add_job(c, line), "%s line %zu: bad request: no \"path\" "
                       "string", source, number);
            else
                add_job(c, p);
            json_decref(j);
        } else {
            /* A list names files: "-" is one, not standard input. */
            add_job(c, strcmp(line, "-") == 0 ? "./-" : line);
        }
    }
    free(line);
}

/* OUT/ + the input path made relative and stripped of "..", so that no
 * input name can place a record outside OUT. */
static char *output_path(const run_ctx *c, const char *input, const char *ext)
{
    size_t len = strlen(c->outdir) + strlen(input) + strlen(ext) + 24;
    char *out = malloc(len), *o = out;
    o += sprintf(o, "%s/", c->outdir);
    const char *s = input;
    while (*s) {
        while (*s == '/')
            s++;
        const char *e = strchr(s, '/');
        size_t seg = e ? (size_t)(e - s) : strlen(s);
        bool drop = (seg == 1 && s[0] == '.') || (seg == 2 && s[0] == '.' && s[1] == '.');
        if (!e && seg + strlen(ext) > NAME_MAX) {
            /* A name near NAME_MAX has no room for the extension: cut it at a
             * character boundary and tell cut names apart by a hash. */
            char sha[65];
            vt_sha256_hex(s, seg, sha);
            size_t keep = NAME_MAX - strlen(ext) - 17;
            while (keep > 0 && (s[keep] & 0xc0) == 0x80)
                keep--;
            o += sprintf(o, "%.*s~%.16s", (int)keep, s, sha);
        } else if (seg && !drop) {
            memcpy(o, s, seg);
            o += seg;
            if (e)
                *o++ = '/';
        }
        s += seg;
    }
    if (o > out && o[-1] == '/')
        o--;
    /* No name left ("." or ".." or "/"): the record still goes inside OUT. */
    if (o == out + strlen(c->outdir))
        o += sprintf(o, "/_");
    strcpy(o, ext);
    return out;
}

static vt_status make_parents(const char *path, vt_error *err)
{
    char *p = strdup(path);
    for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            vt_status st = vt_error_set(err, VT_EOUTPUT, "%s: %s", p, strerror(errno));
            free(p);
            return st;
        }
        *s = '/';
    }
    free(p);
    return VT_OK;
}

/* True when something under OUT stands where the record of one input
 * goes (a directory named like the record, a file where a directory must
 * be): that input's error, and the batch goes on. */
static bool output_blocked(const char *out_path, vt_error *err)
{
    /* An input found deep in a tree can have a record path no call takes. */
    if (strlen(out_path) >= PATH_MAX) {
        vt_error_set(err, VT_EOUTPUT, "its record path is %zu bytes, over the %d a path "
                     "may have: %.200s...", strlen(out_path), PATH_MAX, out_path);
        return true;
    }
    char *p = strdup(out_path);
    bool blocked = false;
    for (char *s = strchr(p + 1, '/');; s = strchr(s + 1, '/')) {
        if (s)
            *s = '\0';
        struct stat st;
        if (stat(p, &st) == 0 && (s ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode))) {
            if (s)
                vt_error_set(err, VT_EOUTPUT, "%s: %s is not a directory", out_path, p);
            else
                vt_error_set(err, VT_EOUTPUT, "%s: not a file, in the way of the record",
                             out_path);
            blocked = true;
        }
        if (!s || blocked)
            break;
        *s = '/';
    }
    free(p);
    return blocked;
}

/* Inputs that are different paths but whose records would be one file
 * (OUT/p/q/x.txt.json for p/q/x.txt and p/../q/x.txt): each after the
 * first is an error of its own, so that no record overwrites another. */
static void mark_shared_records(run_ctx *c)
{
    GHashTable *first = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < c->n_jobs; i++) {
        job *jb = &c->jobs_v[i];
        if (!jb->out_path)
            continue;
        const job *owner = g_hash_table_lookup(first, jb->out_path);
        if (!owner) {
            g_hash_table_insert(first, jb->out_path, jb);
        } else if (strcmp(owner->path, jb->path) != 0) {
            jb->status = VT_EOUTPUT;
            jb->refused = true;
            snprintf(jb->message, sizeof jb->message,
                     "%s: its record %s is already the record of %s", jb->path,
                     jb->out_path, owner->path);
        }
    }
    g_hash_table_destroy(first);
}

/* Remove the temporary record files (".NAME.tmp-PID", see vt_cli_write)
 * that a killed run left under OUT: those no writer holds. */
static int remove_stale_temporary(const char *path, const struct stat *st, int type,
                                  struct FTW *ftw)
{
    (void)st;
    const char *name = path + ftw->base, *tag = strstr(name, ".tmp-");
    if (type != FTW_F || name[0] != '.' || !tag)
        return 0;
    char *end;
    long pid = strtol(tag + 5, &end, 10);
    if (!*end && pid > 0)
        vt_cli_remove_unheld(path);
    return 0;
}

/* Per-worker state: the pipelines it has opened, by name. */
typedef struct {
    run_ctx *c;
    vt_pipeline *fixed, *scan, *text;
} worker;

/* The pipeline NAME with the run's options set, opened. */
static vt_status configured_pipeline(const run_ctx *c, const char *name, vt_pipeline **out,
                                     vt_error *err)
{
    vt_pipeline *p = vt_cli_pipeline(name, err);
    if (!p)
        return err->status;
    vt_status st = vt_pipeline_set_option(p, "emit", "format", c->format->name, err);
    for (size_t i = 0; !st && i < c->n_sets; i++) {
        char *set = strdup(c->sets[i]), *dot = strchr(set, '.'), *eq = strchr(set, '=');
        *dot = *eq = '\0';
        st = vt_pipeline_set_option(p, set, dot + 1, eq + 1, err);
        free(set);
    }
    if (!st && c->page_threads > 1) {
        char n[24];
        snprintf(n, sizeof n, "%ld", c->page_threads);
        st = vt_pipeline_set_option(p, "ocr", "threads", n, err);
    }
    if (!st && c->jsonl)
        st = vt_pipeline_set_option(p, "emit", "pretty", "no", err);
    if (!st)
        st = vt_pipeline_open(p, err);
    if (st) {
        vt_pipeline_free(p);
        return st;
    }
    *out = p;
    return VT_OK;
}

static vt_pipeline **worker_slot(worker *w, vt_kind kind, const char **name)
{
    const run_ctx *c = w->c;
    *name = c->pipeline ? c->pipeline : kind == VT_KIND_TEXT ? "text" : "scan";
    return c->pipeline ? &w->fixed : kind == VT_KIND_TEXT ? &w->text : &w->scan;
}

static vt_status worker_pipeline(worker *w, vt_kind kind, vt_pipeline **out, vt_error *err)
{
    const char *name;
    vt_pipeline **slot = worker_slot(w, kind, &name);
    if (!*slot) {
        vt_status st = configured_pipeline(w->c, name, slot, err);
        if (st)
            return st;
    }
    *out = *slot;
    return VT_OK;
}

/* The kind an input will be read as, from its first bytes; a file that
 * cannot be read is the input's own error, found later. */
static vt_kind peek_kind(const char *path)
{
    unsigned char head[4096];
    FILE *f = strcmp(path, "-") == 0 ? NULL : fopen(path, "rb");
    if (!f)
        return VT_KIND_UNKNOWN; /* standard input is read once, later */
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return vt_sniff(head, n);
}

/* A bad option, pipeline or model is the caller's mistake, not any
 * input's: open every pipeline the inputs need once, before any record is
 * touched, into worker W so that the work is not lost. */
static vt_status preflight(run_ctx *c, worker *w, vt_error *err)
{
    vt_pipeline *p;
    bool want_text = false, want_scan = false;
    for (size_t i = 0; !c->pipeline && i < c->n_jobs && !(want_text && want_scan); i++) {
        if (c->jobs_v[i].refused)
            continue;
        if (peek_kind(c->jobs_v[i].path) == VT_KIND_TEXT)
            want_text = true;
        else
            want_scan = true;
    }
    vt_status st = VT_OK;
    if (c->pipeline || want_text)
        st = worker_pipeline(w, VT_KIND_TEXT, &p, err);
    if (!st && want_scan)
        st = worker_pipeline(w, VT_KIND_PNG, &p, err);
    return st;
}

/* Whether DONE (a record's stages_done) holds every stage this run asks
 * for: each of the pipeline's up to --stop-after, save those that run on
 * every pass (emit), so that a record stopped early is not taken as done. */
static bool stages_cover(const json_t *done, const vt_pipeline *pipe, const char *stop_after)
{
    for (size_t i = 0; i < vt_pipeline_length(pipe); i++) {
        const char *name = vt_pipeline_stage_name(pipe, i);
        const vt_stage_class *cls = vt_stage_find(name);
        bool found = cls && cls->every_pass;
        size_t k;
        json_t *v;
        json_array_foreach(done, k, v)
            found |= json_is_string(v) && strcmp(json_string_value(v), name) == 0;
        if (!found)
            return false;
        if (stop_after && strcmp(stop_after, name) == 0)
            break;
    }
    return true;
}

/* The kinds of a record's review reasons, as the job log lists them. */
static json_t *review_kinds(const json_t *reasons)
{
    json_t *kinds = json_array();
    size_t i;
    json_t *r;
    json_array_foreach(reasons, i, r)
        json_array_append(kinds, json_object_get(r, "kind"));
    return kinds;
}

/* An XML element as JSON, as schema/record.xsd mirrors the record: the
 * text of a leaf, the members of an element with elements, or its items
 * when it is a list. */
static json_t *xml_element_json(xmlNode *node, bool list)
{
    json_t *j = NULL;
    for (xmlNode *child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (!j)
            j = list ? json_array() : json_object();
        json_t *v = xml_element_json(child, false);
        if (list)
            json_array_append_new(j, v);
        else
            json_object_set_new(j, (const char *)child->name, v);
    }
    if (!j) {
        xmlChar *text = xmlNodeGetContent(node);
        j = json_string(text ? (const char *)text : "");
        xmlFree(text);
    }
    return j;
}

/* The members of an XML record that tell whether it is current (status,
 * source, provenance, stages_done, review_reasons), as the JSON record has
 * them; read as a stream that skips the pages, text and changes, so a big
 * record costs what its head does.  NULL when the file is no complete
 * vanthu XML record. */
static json_t *xml_record_head(const char *path)
{
    static const char *const wanted[] = {"status", "source", "provenance", "stages_done",
                                         "review_reasons"};
    xmlTextReaderPtr r =
        xmlReaderForFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!r)
        return NULL;
    int rc;
    while ((rc = xmlTextReaderRead(r)) == 1 && xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
        ;
    const xmlChar *ns = rc == 1 ? xmlTextReaderConstNamespaceUri(r) : NULL;
    json_t *j = NULL;
    if (ns && g_str_has_prefix((const char *)ns, "urn:vanthu:record:") &&
        xmlStrEqual(xmlTextReaderConstLocalName(r), BAD_CAST "record")) {
        j = json_object();
        rc = xmlTextReaderRead(r);
    } else {
        rc = -1;
    }
    while (rc == 1) {
        const char *name = (const char *)xmlTextReaderConstLocalName(r);
        bool want = false;
        for (size_t i = 0; i < G_N_ELEMENTS(wanted) && xmlTextReaderDepth(r) == 1 &&
                           xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT; i++)
            want |= strcmp(name, wanted[i]) == 0;
        xmlNode *node = want ? xmlTextReaderExpand(r) : NULL;
        if (node)
            json_object_set_new(j, name, xml_element_json(
                node, strcmp(name, "stages_done") == 0 || strcmp(name, "review_reasons") == 0));
        rc = xmlTextReaderDepth(r) == 1 ? xmlTextReaderNext(r) : xmlTextReaderRead(r);
    }
    xmlFreeTextReader(r);
    if (rc < 0) { /* cut short or not well-formed */
        json_decref(j);
        return NULL;
    }
    return j;
}

/* True when OUT already holds a good record of these bytes by this chain
 * (stages, options, model and vanthu version: the pipeline digest), JSON
 * or XML; the job then takes its review reasons. */
static bool record_current(const char *out_path, const char *sha, const vt_pipeline *pipe,
                           const char *stop_after, job *jb)
{
    json_t *j = json_load_file(out_path, 0, NULL);
    if (!j)
        j = xml_record_head(out_path);
    if (!j)
        return false;
    const char *status = json_string_value(json_object_get(j, "status"));
    const char *rsha = json_string_value(json_object_get(json_object_get(j, "source"), "sha256"));
    const char *rdig = json_string_value(
        json_object_get(json_object_get(j, "provenance"), "pipeline_digest"));
    bool ok = status && strcmp(status, "ok") == 0 && rsha && strcmp(rsha, sha) == 0 &&
              rdig && strcmp(rdig, vt_pipeline_digest(pipe)) == 0 &&
              stages_cover(json_object_get(j, "stages_done"), pipe, stop_after);
    if (ok)
        jb->review_kinds = review_kinds(json_object_get(j, "review_reasons"));
    json_decref(j);
    return ok;
}

static void finish_job(run_ctx *c, job *jb);

/* Whether every output of the other formats is there: a run that adds
 * -f pdf to records already current writes the PDFs. */
static bool extras_present(const run_ctx *c, const job *jb)
{
    for (size_t i = 0; jb->extras && i < c->n_extras; i++)
        if (access(jb->extras[i].path, F_OK) != 0)
            return false;
    return true;
}

static void process(worker *w, job *jb)
{
    run_ctx *c = w->c;
    double t0 = now();
    vt_error err = {0};
    vt_doc *doc = NULL;
    vt_pipeline *pipe = NULL;
    char sha[65] = "";
    if (jb->refused) {
        /* An error record only where it has a place of its own: never over
         * another input's record, never a file named after a bad request. */
        if (!c->outdir && c->format->render_error) {
            vt_render_options render = {.pretty = !c->jsonl};
            vt_error_set(&err, jb->status, "%s", jb->message);
            jb->record = c->format->render_error(jb->path, "", &err, &render,
                                                 &jb->record_len);
        }
        finish_job(c, jb);
        return;
    }
    vt_status st = vt_cli_open_input(jb->path, &doc, &err);
    if (!st) {
        if (doc->bytes) {
            vt_sha256_hex(doc->bytes, doc->n_bytes, sha);
            memcpy(doc->sha256, sha, sizeof sha);
        } else
            snprintf(sha, sizeof sha, "%s", doc->sha256);
        vt_kind kind = doc->bytes ? vt_sniff(doc->bytes, doc->n_bytes) : doc->kind;
        st = worker_pipeline(w, kind, &pipe, &err);
    }
    if (!st && jb->out_path && !c->force && doc->bytes && extras_present(c, jb) &&
        record_current(jb->out_path, sha, pipe, c->stop_after, jb)) {
        jb->skipped = true;
        goto done;
    }
    if (!st)
        st = vt_pipeline_run(pipe, doc, c->stop_after, &err);
    vt_render_options render = {.pretty = !c->jsonl, .words = true, .input = jb->path};
    /* A format naming the outputs beside it is rendered here, where the
     * input's name is known. */
    if (!st && doc->output && c->outdir && c->format->names_outputs) {
        free(doc->output);
        doc->output = NULL;
    }
    if (!st && !doc->output) {
        /* Stopped before emit: a record is the resumable one, the document
         * itself; other formats show what there is. */
        const vt_format *f = c->format->record ? vt_format_find("json") : c->format;
        doc->output = f->render(doc, &render, &doc->output_len, &err);
        if (!doc->output)
            st = err.status ? err.status
                            : vt_error_set(&err, VT_EINTERNAL, "%s: record could not be "
                                           "rendered", jb->path);
    }
    /* The other formats: one that cannot be rendered fails the input, and
     * those that could are written all the same. */
    for (size_t i = 0; !st && jb->extras && i < c->n_extras; i++) {
        extra_output *x = &jb->extras[i];
        vt_error xerr = {0};
        x->data = c->extras[i]->render(doc, &render, &x->len, &xerr);
        if (!x->data && !jb->status) {
            jb->status = xerr.status ? xerr.status : VT_EINTERNAL;
            snprintf(jb->message, sizeof jb->message, "%s",
                     xerr.status ? xerr.message : "an output could not be rendered");
        }
    }
    if (!st) {
        jb->record = doc->output;
        jb->record_len = doc->output_len;
        doc->output = NULL;
        jb->pages = doc->page_count ? doc->page_count : doc->n_pages;
        json_t *reasons = vt_doc_review_reasons(doc);
        jb->review_kinds = review_kinds(reasons);
        json_decref(reasons);
    } else {
        /* What failed and why, never half a result; a format with no error
         * record (text) has the error on stderr only. */
        if (c->format->render_error)
            jb->record = c->format->render_error(jb->path, sha, &err, &render,
                                                 &jb->record_len);
        snprintf(jb->message, sizeof jb->message, "%s", err.message);
    }
    if (st || !jb->status)
        jb->status = st;
done:
    vt_doc_free(doc);
    jb->seconds = now() - t0;
    finish_job(c, jb);
}

static void log_job(run_ctx *c, const job *jb)
{
    if (!c->log)
        return;
    /* A file name need not be UTF-8 (nor a message that quotes it); JSON
     * must be, so such bytes are logged as U+FFFD. */
    gchar *input = g_utf8_make_valid(jb->path, -1);
    gchar *output = g_utf8_make_valid(jb->out_path ? jb->out_path : "-", -1);
    json_t *j = json_pack("{s:s,s:s,s:s,s:I,s:f}", "input", input, "status",
                          jb->skipped ? "skipped" : jb->status ? "error" : "ok",
                          "output", output, "pages", (json_int_t)jb->pages, "seconds",
                          jb->seconds);
    if (jb->status) {
        gchar *message = g_utf8_make_valid(jb->message, -1);
        json_object_set_new(j, "message", json_string(message));
        g_free(message);
    } else if (jb->review_kinds) {
        json_object_set_new(j, "needs_review", json_boolean(json_array_size(jb->review_kinds)));
        json_object_set(j, "review_reasons", jb->review_kinds);
    }
    char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
    fprintf(c->log, "%s\n", s);
    fflush(c->log);
    free(s);
    json_decref(j);
    g_free(input);
    g_free(output);
}

static void show_progress(run_ctx *c)
{
    size_t done = c->n_ok + c->n_failed + c->n_skipped;
    double el = now() - c->started;
    double rate = el > 0 ? (double)c->n_pages / el : 0;
    double left = done ? el / (double)done * (double)(c->n_jobs - done) : 0;
    int width = 30, fill = c->n_jobs ? (int)(width * done / c->n_jobs) : width;
    fprintf(stderr, "\r[%.*s%*s] %zu/%zu inputs, %zu pages, %.1f pages/min, %d:%02d left ",
            fill, "##############################", width - fill, "", done, c->n_jobs,
            c->n_pages, rate * 60, (int)left / 60, (int)left % 60);
    fflush(stderr);
}

/* Under the lock: write one output of the job to its file, taking
 * `data` (freed).  It counts as written only once it is on disk. */
static void write_output(run_ctx *c, job *jb, const char *path, char *data, size_t len)
{
    vt_error err = {0};
    bool blocked = !c->output_error && output_blocked(path, &err);
    vt_status st = c->output_error ? vt_error_set(&err, VT_EOUTPUT, "%s: not written "
                                                  "after the output error", path)
                   : blocked       ? err.status
                                   : make_parents(path, &err);
    if (!st)
        st = vt_cli_write(path, data, len, &err);
    if (st && !blocked && !c->output_error) {
        c->output_error = st;
        snprintf(c->output_message, sizeof c->output_message, "%s", err.message);
    }
    if (st) {
        jb->status = st;
        jb->skipped = false;
        jb->pages = 0;
        snprintf(jb->message, sizeof jb->message, "%s", err.message);
    }
    free(data);
}

/* Under the lock: write the record (file, or stdout in input order). */
static void finish_job(run_ctx *c, job *jb)
{
    pthread_mutex_lock(&c->lock);
    jb->done = true;
    if (jb->out_path && jb->record) {
        write_output(c, jb, jb->out_path, jb->record, jb->record_len);
        jb->record = NULL;
    }
    for (size_t i = 0; jb->extras && i < c->n_extras; i++) {
        if (jb->extras[i].data)
            write_output(c, jb, jb->extras[i].path, jb->extras[i].data, jb->extras[i].len);
        jb->extras[i].data = NULL;
    }
    while (!jb->out_path && c->flushed < c->n_jobs && c->jobs_v[c->flushed].done) {
        job *f = &c->jobs_v[c->flushed++];
        if (f->record && !c->output_error) {
            vt_error err = {0};
            bool nl = f->record_len && f->record[f->record_len - 1] != '\n';
            const char *sep = c->any_written ? c->format->separator : NULL;
            c->any_written = true;
            if ((sep && vt_cli_write(NULL, sep, strlen(sep), &err)) ||
                vt_cli_write(NULL, f->record, f->record_len, &err) ||
                (nl && vt_cli_write(NULL, "\n", 1, &err))) {
                c->output_error = err.status;
                snprintf(c->output_message, sizeof c->output_message, "%s", err.message);
            }
        }
        free(f->record);
        f->record = NULL;
    }
    if (jb->skipped)
        c->n_skipped++;
    else if (jb->status)
        c->n_failed++;
    else
        c->n_ok++;
    c->n_pages += jb->pages;
    if (!jb->status && json_array_size(jb->review_kinds))
        c->n_need_review++;
    if (jb->status)
        fprintf(stderr, "%svanthu: %s\n", c->progress ? "\r\033[K" : "", jb->message);
    log_job(c, jb);
    if (c->progress)
        show_progress(c);
    pthread_mutex_unlock(&c->lock);
}

static void worker_close(worker *w)
{
    vt_pipeline_free(w->fixed);
    vt_pipeline_free(w->scan);
    vt_pipeline_free(w->text);
    w->fixed = w->scan = w->text = NULL;
}

static void *work(void *arg)
{
    worker *w = arg;
    run_ctx *c = w->c;
    for (;;) {
        size_t i = atomic_fetch_add(&c->next, 1);
        if (i >= c->n_jobs)
            break;
        pthread_mutex_lock(&c->lock);
        bool stop = c->output_error != VT_OK;
        pthread_mutex_unlock(&c->lock);
        if (stop)
            break;
        process(w, &c->jobs_v[i]);
    }
    worker_close(w);
    return NULL;
}

/* Check STAGE.KEY=VALUE against the stage's options before any work. */
static vt_status check_set(const char *set, vt_error *err)
{
    char *stage = strdup(set), *dot = strchr(stage, '.'), *eq = strchr(stage, '=');
    if (!stage)
        abort();
    *dot = *eq = '\0';
    const vt_stage_class *cls = vt_stage_find(stage);
    vt_status st = cls ? vt_stage_check_option(cls, dot + 1, eq + 1, err)
                       : vt_error_set(err, VT_EUSAGE, "no stage \"%s\"", stage);
    free(stage);
    return st;
}

/* Add f to the other formats; false when it is one of the run's already
 * (the sidecar then adds nothing). */
static bool add_extra(run_ctx *c, const vt_format *f)
{
    if (f == c->format)
        return false;
    for (size_t i = 0; i < c->n_extras; i++)
        if (c->extras[i] == f)
            return false;
    c->extras = realloc(c->extras, (c->n_extras + 1) * sizeof *c->extras);
    if (!c->extras)
        abort();
    c->extras[c->n_extras++] = f;
    return true;
}

static int parse_args(run_ctx *c, int argc, char **argv)
{
    enum { OPT_STOP = 256, OPT_FROM, OPT_FORCE, OPT_JSONL, OPT_LOG, OPT_INCLUDE, OPT_EXCLUDE,
           OPT_SIDECAR, OPT_ROOT, OPT_FOLLOW };
    bool formats_given = false, sidecar = false;
    char *eq, *dot;
    vt_error err = {0};
    static const struct option longs[] = {
        {"format", required_argument, NULL, 'f'}, {"output", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},   {"pipeline", required_argument, NULL, 'p'},
        {"quiet", no_argument, NULL, 'q'},        {"stop-after", required_argument, NULL, OPT_STOP},
        {"from", required_argument, NULL, OPT_FROM}, {"force", no_argument, NULL, OPT_FORCE},
        {"jsonl", no_argument, NULL, OPT_JSONL},  {"log", required_argument, NULL, OPT_LOG},
        {"set", required_argument, NULL, 's'},     {"lang", required_argument, NULL, 'l'},
        {"files-from", required_argument, NULL, 'T'},
        {"include", required_argument, NULL, OPT_INCLUDE},
        {"exclude", required_argument, NULL, OPT_EXCLUDE},
        {"sidecar", no_argument, NULL, OPT_SIDECAR},
        {"root", required_argument, NULL, OPT_ROOT},
        {"follow-symlinks", no_argument, NULL, OPT_FOLLOW},
        {NULL, 0, NULL, 0},
    };
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "f:o:j:p:qs:l:T:", longs, NULL)) != -1) {
        char *end;
        switch (opt) {
        case 'f': {
            const vt_format *f = vt_format_find(optarg);
            if (!f) {
                char names[256];
                vt_format_names(false, names, sizeof names);
                return vt_cli_usage_error("run", "-f %s: expected %s", optarg, names);
            }
            if (!formats_given)
                c->format = f;
            else if (!add_extra(c, f))
                return vt_cli_usage_error("run", "-f %s: given twice", optarg);
            formats_given = true;
            break;
        }
        case OPT_SIDECAR: sidecar = true; break;
        case OPT_ROOT: c->root = optarg; break;
        case OPT_FOLLOW: c->follow_symlinks = true; break;
        case 'l':
            if (!*optarg || strchr(optarg, '\n'))
                return vt_cli_usage_error("run", "--lang needs a language");
            g_free(c->lang_set);
            c->lang_set = g_strdup_printf("ocr.lang=%s", optarg);
            optarg = c->lang_set;
            __attribute__((fallthrough)); /* the same as -s ocr.lang=LANG */
        case 's':
            dot = strchr(optarg, '.');
            eq = strchr(optarg, '=');
            if (!dot || !eq || dot > eq || dot == optarg || eq == dot + 1)
                return vt_cli_usage_error("run", "--set %s: expected STAGE.KEY=VALUE", optarg);
            if (check_set(optarg, &err))
                return vt_cli_usage_error("run", "--set %s: %s (see 'vanthu stages')",
                                          optarg, err.message);
            c->sets = realloc(c->sets, (c->n_sets + 1) * sizeof *c->sets);
            if (!c->sets)
                abort();
            c->sets[c->n_sets++] = optarg;
            break;
        case 'o': c->outdir = optarg; break;
        case 'j':
            c->jobs = strtol(optarg, &end, 10);
            if (*end || c->jobs < 1 || c->jobs > 256)
                return vt_cli_usage_error("run", "-j %s: expected 1 to 256", optarg);
            break;
        case 'p': c->pipeline = optarg; break;
        case 'q': c->quiet = true; break;
        case OPT_STOP:
            if (!vt_stage_find(optarg))
                return vt_cli_usage_error("run", "--stop-after %s: no such stage", optarg);
            c->stop_after = optarg;
            break;
        case OPT_FROM: add_job(c, optarg); break;
        case OPT_FORCE: c->force = true; break;
        case OPT_JSONL: c->jsonl = true; break;
        case OPT_LOG: c->log_path = optarg; break;
        case 'T': {
            FILE *list = strcmp(optarg, "-") == 0 ? stdin : fopen(optarg, "r");
            if (list == stdin && c->stdin_read)
                return vt_cli_usage_error("run", "standard input is read once: -T - "
                                          "given twice");
            c->stdin_read |= list == stdin;
            if (!list)
                return fprintf(stderr, "vanthu: %s: %s\n", optarg, strerror(errno)), VT_EINPUT;
            read_requests(c, list, list == stdin ? "standard input" : optarg);
            if (list != stdin)
                fclose(list);
            break;
        }
        case OPT_INCLUDE:
        case OPT_EXCLUDE: {
            const char ***v = opt == OPT_INCLUDE ? &c->includes : &c->excludes;
            size_t *n = opt == OPT_INCLUDE ? &c->n_includes : &c->n_excludes;
            *v = realloc(*v, (*n + 1) * sizeof **v);
            if (!*v)
                abort();
            (*v)[(*n)++] = optarg;
            break;
        }
        default: return vt_cli_usage_error("run", "unknown option");
        }
    }
    /* The sidecar is the text format's output, unless -f gave it already. */
    if (sidecar)
        add_extra(c, vt_format_find("text"));
    if (c->n_extras && !c->outdir)
        return vt_cli_usage_error("run", "%s writes a file per input and format: give -o DIR",
                                  sidecar ? "--sidecar" : "-f given more than once");
    if (c->jsonl && c->outdir)
        return vt_cli_usage_error("run", "--jsonl writes to standard output; drop -o");
    if (c->jsonl && !c->format->compact_is_one_line)
        return vt_cli_usage_error("run", "--jsonl needs -f json");
    struct stat st;
    if (c->root && (stat(c->root, &st) != 0 || !S_ISDIR(st.st_mode) ||
                    !(c->root_real = realpath(c->root, NULL))))
        return vt_cli_usage_error("run", "--root %s: not a directory", c->root);
    return VT_OK;
}

int vt_cmd_run(int argc, char **argv)
{
    if (vt_cli_wants_help(argc, argv, help))
        return 0;
    /* A file size limit (ulimit -f) is an output error like a full disk:
     * write() fails with EFBIG and the temporary file is removed, instead
     * of the signal killing the run over a truncated file. */
    signal(SIGXFSZ, SIG_IGN);
    xmlInitParser(); /* before the workers read XML records side by side */
    run_ctx c = {.format = vt_format_find("json"), .jobs = sysconf(_SC_NPROCESSORS_ONLN)};
    if (c.jobs < 1)
        c.jobs = 1;
    int rc = parse_args(&c, argc, argv);
    if (rc)
        return rc;
    bool made_outdir = false;
    if (c.outdir) {
        made_outdir = mkdir(c.outdir, 0755) == 0;
        if (!made_outdir && errno != EEXIST)
            return fprintf(stderr, "vanthu: %s: %s\n", c.outdir, strerror(errno)), VT_EOUTPUT;
        if (stat(c.outdir, &c.out_stat) != 0 || !S_ISDIR(c.out_stat.st_mode) ||
            access(c.outdir, W_OK) != 0)
            return fprintf(stderr, "vanthu: %s: not a writable directory\n", c.outdir), VT_EOUTPUT;
    }
    bool stdin_list = c.jsonl && optind == argc && !c.stdin_read;
    for (int i = optind; i < argc; i++) {
        struct stat st;
        if (strcmp(argv[i], "-") == 0) {
            /* One document: standard input is read once. */
            if (c.stdin_read)
                return vt_cli_usage_error("run", "standard input is read once: '-' "
                                          "and -T - or a second '-'");
            c.stdin_read = true;
            add_job(&c, argv[i]);
        } else if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) && within_root(&c, argv[i])) {
            /* Records mirror the tree under the directory, as rsync copies
             * DIR/: run -o OUT /srv/scans writes OUT/x.tif.json. */
            c.walk_root_len = strlen(argv[i]);
            walk(&c, argv[i]);
        } else {
            add_job(&c, argv[i]);
        }
    }
    if (stdin_list)
        read_requests(&c, stdin, "standard input");
    /* Under --root, each input named (a walk keeps to its tree) is refused
     * on its own when it lies outside, and the others go on. */
    for (size_t i = 0; i < c.n_jobs; i++) {
        job *jb = &c.jobs_v[i];
        if (!jb->refused && !jb->root_len && strcmp(jb->path, "-") != 0 &&
            !within_root(&c, jb->path))
            refuse(jb, "%s: outside --root %s, not read", jb->path, c.root);
    }
    if (c.n_jobs == 0)
        return vt_cli_usage_error("run", "no input files");
    if (!c.outdir && c.n_jobs > 1) {
        /* Several records on one stream: JSON Lines, one record a line, or
         * one after another with the format's separator. */
        if (!c.format->compact_is_one_line && !c.format->separator) {
            gchar *name = g_ascii_strup(c.format->name, -1);
            vt_cli_usage_error("run", "several %s records need -o DIR", name);
            g_free(name);
            return VT_EUSAGE;
        }
        c.jsonl = c.format->compact_is_one_line;
    }
    if (c.outdir) {
        for (size_t i = 0; i < c.n_jobs; i++) {
            job *jb = &c.jobs_v[i];
            if (jb->refused)
                continue;
            /* The document read from standard input has no name of its own. */
            const char *input = strcmp(jb->path, "-") == 0 && !jb->root_len
                                    ? "stdin"
                                    : jb->path + jb->root_len;
            jb->out_path = output_path(&c, input, c.format->extension);
            if (c.n_extras && !(jb->extras = calloc(c.n_extras, sizeof *jb->extras)))
                abort();
            for (size_t k = 0; k < c.n_extras; k++)
                jb->extras[k].path = output_path(&c, input, c.extras[k]->extension);
        }
        mark_shared_records(&c);
    }
    if ((size_t)c.jobs > c.n_jobs) {
        /* Fewer documents than workers: the spare ones read pages. */
        c.page_threads = (c.jobs + (long)c.n_jobs - 1) / (long)c.n_jobs;
        c.jobs = (long)c.n_jobs;
    }
    worker *ws = calloc((size_t)c.jobs, sizeof *ws);
    for (long i = 0; i < c.jobs; i++)
        ws[i].c = &c;
    pthread_t *ts = NULL;
    vt_error config_err = {0};
    if (preflight(&c, &ws[0], &config_err)) {
        worker_close(&ws[0]);
        if (made_outdir)
            rmdir(c.outdir);
        vt_cli_report(&config_err);
        rc = config_err.status == VT_EDEPEND ? VT_EDEPEND : VT_EUSAGE;
        goto out;
    }
    if (c.outdir)
        nftw(c.outdir, remove_stale_temporary, 16, FTW_PHYS);
    if (c.outdir || c.log_path) {
        char def[PATH_MAX];
        snprintf(def, sizeof def, "%s/vanthu-job.jsonl", c.outdir ? c.outdir : ".");
        c.log = fopen(c.log_path ? c.log_path : def, "a");
        if (!c.log) {
            fprintf(stderr, "vanthu: %s: %s\n", c.log_path ? c.log_path : def,
                    strerror(errno));
            worker_close(&ws[0]);
            rc = VT_EOUTPUT;
            goto out;
        }
    }
    c.progress = !c.quiet && isatty(STDERR_FILENO) && c.n_jobs > 1;
    c.started = now();
    pthread_mutex_init(&c.lock, NULL);
    ts = calloc((size_t)c.jobs, sizeof *ts);
    for (long i = 0; i < c.jobs; i++) {
        pthread_create(&ts[i], NULL, work, &ws[i]);
    }
    for (long i = 0; i < c.jobs; i++)
        pthread_join(ts[i], NULL);
    pthread_mutex_destroy(&c.lock);
    if (c.progress)
        fputc('\n', stderr);
    if (c.log)
        fclose(c.log);
    if (!c.quiet && (c.n_jobs > 1 || c.outdir))
        fprintf(stderr, "vanthu: %zu inputs: %zu ok, %zu failed, %zu skipped; %zu pages "
                "in %.1f s; %zu need review%s%s\n", c.n_jobs, c.n_ok, c.n_failed, c.n_skipped,
                c.n_pages, now() - c.started, c.n_need_review,
                c.outdir ? "; records in " : "", c.outdir ? c.outdir : "");
    if (c.output_error)
        fprintf(stderr, "vanthu: %s\n", c.output_message);
    rc = c.output_error         ? (int)c.output_error
         : c.n_jobs == 1        ? (int)c.jobs_v[0].status
         : c.n_failed           ? VT_EPARTIAL
                                : VT_OK;
out:
    for (size_t i = 0; i < c.n_jobs; i++) {
        free(c.jobs_v[i].path);
        free(c.jobs_v[i].out_path);
        free(c.jobs_v[i].record);
        for (size_t k = 0; c.jobs_v[i].extras && k < c.n_extras; k++) {
            free(c.jobs_v[i].extras[k].path);
            free(c.jobs_v[i].extras[k].data);
        }
        free(c.jobs_v[i].extras);
        json_decref(c.jobs_v[i].review_kinds);
    }
    free(c.jobs_v);
    free(c.sets);
    free(c.root_real);
    free(c.extras);
    g_free(c.lang_set);
    free(c.includes);
    free(c.excludes);
    if (c.walked)
        g_hash_table_destroy(c.walked);
    free(ws);
    free(ts);
    return rc;
}
