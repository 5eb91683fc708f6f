/* cmd_ocr.c — `vanthu ocr`: the OCR text of page images, nothing else.
 *
 * Runs pipeline "ocr" (ingest, preprocess, ocr) over every input with N
 * workers, each holding its own Tesseract engine, and prints the text in
 * input order as soon as it is ready: lines end with '\n', and a form feed
 * (U+000C, on its own line start) separates pages, also the last page of
 * one input from the first of the next. */
#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char help[] =
    "usage: vanthu ocr [OPTION]... IMAGE...\n"
    "\n"
    "Print the OCR text of page images (PNG, JPEG, TIFF, PNM, PDF), one page\n"
    "after another, in the order given.  Lines end with a newline; a form\n"
    "feed starts each page after the first, also between inputs.  The header\n"
    "and footer columns of a dispatch come out one column after the other:\n"
    "issuing body, motto and date, body, Nơi nhận, signer.\n"
    "\n"
    "  -l, --lang LANGS     Tesseract languages, e.g. vie or vie+eng (default vie)\n"
    "  -j, --jobs N         inputs recognised in parallel (default 1); each\n"
    "                       worker runs one single-threaded Tesseract\n"
    "  -p, --pipeline FILE  pipeline file or name (default ocr)\n"
    "\n"
    "Exit codes: 0 ok, 1 bad arguments, 2 bad input, 3 missing language data,\n"
    "6 some inputs failed (the others are still printed).\n";

typedef struct {
    const char *path;
    char *text;
    vt_error err;
    bool done;
} ocr_job;

typedef struct {
    ocr_job *jobs;
    size_t n_jobs;
    atomic_size_t next;
    pthread_mutex_t lock;
    size_t printed;
    const char *pipeline, *lang;
    bool any_output;
} ocr_ctx;

/* Print every finished job that is next in input order.  Caller holds the
 * lock. */
static void flush_ready(ocr_ctx *c)
{
    while (c->printed < c->n_jobs && c->jobs[c->printed].done) {
        ocr_job *j = &c->jobs[c->printed++];
        if (j->err.status) {
            vt_cli_report(&j->err);
            continue;
        }
        if (c->any_output)
            fputs("\f", stdout);
        fputs(j->text, stdout);
        size_t n = strlen(j->text);
        if (n == 0 || j->text[n - 1] != '\n')
            fputc('\n', stdout);
        fflush(stdout);
        c->any_output = true;
        free(j->text);
        j->text = NULL;
    }
}

static vt_status open_pipeline(const ocr_ctx *c, vt_pipeline **out, vt_error *err)
{
    vt_pipeline *p = vt_cli_pipeline(c->pipeline, err);
    if (!p)
        return err->status;
    vt_status st = c->lang ? vt_pipeline_set_option(p, "ocr", "lang", c->lang, err)
                           : VT_OK;
    if (!st)
        st = vt_pipeline_open(p, err);
    if (st) {
        vt_pipeline_free(p);
        return st;
    }
    *out = p;
    return VT_OK;
}

static void recognise(vt_pipeline *p, ocr_job *j)
{
    vt_doc *doc = NULL;
    vt_status st = vt_cli_open_input(j->path, &doc, &j->err);
    if (!st)
        st = vt_pipeline_run(p, doc, NULL, &j->err);
    if (!st)
        j->text = vt_doc_text(doc, false);
    vt_doc_free(doc);
}

static void *work(void *arg)
{
    ocr_ctx *c = arg;
    vt_pipeline *p = NULL;
    vt_error perr = {0};
    /* A worker that cannot load its engine fails each job it takes, with
     * the reason: usually missing language data. */
    vt_status pst = open_pipeline(c, &p, &perr);
    for (;;) {
        size_t i = atomic_fetch_add(&c->next, 1);
        if (i >= c->n_jobs)
            break;
        ocr_job *j = &c->jobs[i];
        if (pst)
            j->err = perr;
        else
            recognise(p, j);
        pthread_mutex_lock(&c->lock);
        j->done = true;
        flush_ready(c);
        pthread_mutex_unlock(&c->lock);
    }
    vt_pipeline_free(p);
    return NULL;
}

int vt_cmd_ocr(int argc, char **argv)
{
    if (vt_cli_wants_help(argc, argv, help))
        return 0;
    static const struct option longs[] = {
        {"lang", required_argument, NULL, 'l'},
        {"jobs", required_argument, NULL, 'j'},
        {"pipeline", required_argument, NULL, 'p'},
        {NULL, 0, NULL, 0},
    };
    ocr_ctx c = {.pipeline = "ocr"};
    long jobs = 1;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "l:j:p:", longs, NULL)) != -1) {
        char *end;
        switch (opt) {
        case 'l':
            if (!*optarg)
                return vt_cli_usage_error("ocr", "--lang needs a language");
            c.lang = optarg;
            break;
        case 'j':
            jobs = strtol(optarg, &end, 10);
            if (*end || jobs < 1 || jobs > 256)
                return vt_cli_usage_error("ocr", "-j %s: expected 1 to 256", optarg);
            break;
        case 'p': c.pipeline = optarg; break;
        default: return vt_cli_usage_error("ocr", "unknown option");
        }
    }
    if (optind == argc)
        return vt_cli_usage_error("ocr", "no input files");
    /* Arguments are checked before any engine is loaded. */
    vt_error err = {0};
    vt_pipeline *probe = vt_cli_pipeline(c.pipeline, &err);
    if (!probe)
        return vt_cli_report(&err);
    vt_pipeline_free(probe);

    c.n_jobs = (size_t)(argc - optind);
    c.jobs = calloc(c.n_jobs, sizeof *c.jobs);
    if (!c.jobs)
        return VT_EINTERNAL;
    for (size_t i = 0; i < c.n_jobs; i++)
        c.jobs[i].path = argv[optind + (int)i];
    if ((size_t)jobs > c.n_jobs)
        jobs = (long)c.n_jobs;
    pthread_mutex_init(&c.lock, NULL);
    pthread_t *ts = calloc((size_t)jobs, sizeof *ts);
    if (!ts) {
        free(c.jobs);
        return VT_EINTERNAL;
    }
    long started = 0;
    while (started < jobs && pthread_create(&ts[started], NULL, work, &c) == 0)
        started++;
    if (started == 0)
        work(&c); /* no thread to be had: do the work here */
    for (long i = 0; i < started; i++)
        pthread_join(ts[i], NULL);
    pthread_mutex_destroy(&c.lock);

    size_t failed = 0;
    vt_status last = VT_OK;
    for (size_t i = 0; i < c.n_jobs; i++)
        if (c.jobs[i].err.status) {
            failed++;
            last = c.jobs[i].err.status;
        }
    free(c.jobs);
    free(ts);
    if (failed == 0)
        return VT_OK;
    return c.n_jobs == 1 ? (int)last : VT_EPARTIAL;
}
