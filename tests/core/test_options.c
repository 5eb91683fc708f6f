/* test_options.c — stage option tables: every stage's table is sound, the
 * library fills a stage's struct from it and refuses what it does not
 * allow; the data directory lookup. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "vanthu.h"

static size_t field_size(vt_option_type type)
{
    switch (type) {
    case VT_OPTION_INT: return sizeof(long);
    case VT_OPTION_DOUBLE: return sizeof(double);
    case VT_OPTION_BOOL: return sizeof(bool);
    case VT_OPTION_CHOICE: return sizeof(int);
    case VT_OPTION_STRING:
    case VT_OPTION_PATH: return sizeof(const char *);
    }
    return 0;
}

static void tables_are_sound(void)
{
    vt_error err = {0};
    for (const vt_stage_class *const *c = vt_stage_classes(); *c; c++)
        for (const vt_option_spec *o = (*c)->options; o && o->key; o++) {
            CHECK(o->help && *o->help);
            CHECK(o->offset + field_size(o->type) <= (*c)->options_size);
            CHECK(o->type != VT_OPTION_CHOICE || (o->choices && o->choices[0]));
            CHECK(o->fallback || o->type == VT_OPTION_STRING || o->type == VT_OPTION_PATH);
            bool ok = !o->fallback || vt_stage_check_option(*c, o->key, o->fallback, &err) == VT_OK;
            if (!ok)
                fprintf(stderr, "default refused: %s\n", err.message);
            CHECK(ok);
            CHECK(vt_stage_option(*c, o->key) == o); /* keys are unique */
        }
}

typedef struct {
    long n;
    double x;
    bool on;
    int pick;
    const char *name, *file;
} toy_opts;

static toy_opts seen;
static char seen_name[32];

static vt_status toy_open(void **state, const void *opts, vt_error *err)
{
    (void)err;
    seen = *(const toy_opts *)opts;
    /* Strings last only for the call: keep a copy. */
    snprintf(seen_name, sizeof seen_name, "%s", seen.name ? seen.name : "(none)");
    *state = NULL;
    return VT_OK;
}

static const char *const picks[] = {"left", "right", NULL};
static const vt_option_spec toy_options[] = {
    {"n", VT_OPTION_INT, "7", -3, 10, NULL, "a count", offsetof(toy_opts, n)},
    {"x", VT_OPTION_DOUBLE, "0.25", 0, 1, NULL, "a share", offsetof(toy_opts, x)},
    {"on", VT_OPTION_BOOL, "no", 0, 0, NULL, "a switch", offsetof(toy_opts, on)},
    {"pick", VT_OPTION_CHOICE, "right", 0, 0, picks, "a side", offsetof(toy_opts, pick)},
    {"name", VT_OPTION_STRING, "toy", 0, 0, NULL, "a name", offsetof(toy_opts, name)},
    {"file", VT_OPTION_PATH, NULL, 0, 0, NULL, "a file", offsetof(toy_opts, file)},
    {0},
};
static const vt_stage_class toy = {.name = "toy", .summary = "a test stage",
                                   .options = toy_options, .options_size = sizeof(toy_opts),
                                   .open = toy_open};

static void fills_and_refuses(void)
{
    vt_error err = {0};
    void *state;
    CHECK(vt_stage_open(&toy, NULL, &state, &err) == VT_OK);
    CHECK(seen.n == 7 && seen.x == 0.25 && !seen.on && seen.pick == 1 && !seen.file);
    CHECK_STR(seen_name, "toy");

    vt_options o = {0};
    vt_options_set(&o, "n", "-3");
    vt_options_set(&o, "x", "1");
    vt_options_set(&o, "on", "yes");
    vt_options_set(&o, "pick", "left");
    vt_options_set(&o, "file", "/tmp/f");
    vt_options_set(&o, "name", "other");
    CHECK(vt_stage_open(&toy, &o, &state, &err) == VT_OK);
    CHECK(seen.n == -3 && seen.x == 1 && seen.on && seen.pick == 0);
    CHECK_STR(seen_name, "other");

    static const char *const bad[][3] = {
        {"n", "11", "stage toy: option n=11 is not allowed (expected int -3..10)"},
        {"n", "2.5", "option n=2.5 is not allowed (expected int -3..10)"},
        {"n", "", "option n= is not allowed"},
        {"x", "1.01", "option x=1.01 is not allowed (expected double 0..1)"},
        {"x", "nan", "option x=nan is not allowed"},
        {"on", "true", "option on=true is not allowed (expected yes|no)"},
        {"pick", "up", "option pick=up is not allowed (expected left|right)"},
        {"file", "", "option file= is not allowed (expected a non-empty path)"},
        {"size", "3", "stage toy has no option \"size\" (options: n, x, on, pick, name, file)"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        vt_options b = {0};
        vt_options_set(&b, bad[i][0], bad[i][1]);
        memset(&err, 0, sizeof err);
        CHECK(vt_stage_open(&toy, &b, &state, &err) == VT_EUSAGE);
        bool named = strstr(err.message, bad[i][2]) != NULL;
        if (!named)
            fprintf(stderr, "message \"%s\" lacks \"%s\"\n", err.message, bad[i][2]);
        CHECK(named);
        vt_options_clear(&b);
    }
    vt_options_clear(&o);
}

static void pipeline_checks_options(void)
{
    vt_error err = {0};
    vt_pipeline *p = vt_pipeline_parse("ingest\nemit format=yaml\n", "t.pipe", &err);
    CHECK(!p && err.status == VT_EUSAGE);
    CHECK(strstr(err.message, "t.pipe:2: stage emit: option format=yaml is not allowed "
                              "(expected json|xml|text|alto|hocr|pdf|mets)") != NULL);
    p = vt_pipeline_parse("ingest\nemit\n", "t.pipe", &err);
    CHECK(p != NULL);
    CHECK(vt_pipeline_set_option(p, "emit", "words", "perhaps", &err) == VT_EUSAGE);
    CHECK(strstr(err.message, "option words=perhaps") != NULL);
    CHECK(vt_pipeline_set_option(p, "emit", "words", "no", &err) == VT_OK);
    CHECK(vt_pipeline_open(p, &err) == VT_OK);
    /* The library speaks of its own terms, not of a command's flags. */
    vt_doc *doc = vt_doc_new("x.txt");
    CHECK(vt_pipeline_run(p, doc, "ocr", &err) == VT_EUSAGE);
    CHECK(strstr(err.message, "t.pipe has no stage \"ocr\"") && !strstr(err.message, "--"));
    vt_doc_free(doc);
    vt_pipeline_free(p);
}

static void data_path(void)
{
    vt_error err = {0};
    /* This test runs the build's library: it reads the source tree. */
    char *scan = vt_data_path("pipeline/scan.pipe", &err);
    CHECK(scan && access(scan, R_OK) == 0);
    free(scan);
    char *model = vt_data_path("vanthu.model", &err);
    CHECK(model && strstr(model, "/src/restore/vanthu.model"));
    free(model);

    char dir[] = "/tmp/vt-data-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    setenv("VANTHU_DATA", dir, 1);
    memset(&err, 0, sizeof err);
    CHECK(vt_data_path("pipeline/scan.pipe", &err) == NULL);
    CHECK(err.status == VT_EDEPEND && strstr(err.message, dir) && strstr(err.message, "VANTHU_DATA"));
    char file[64];
    snprintf(file, sizeof file, "%s/vanthu.model", dir);
    FILE *f = fopen(file, "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    char *found = vt_data_path("vanthu.model", &err);
    CHECK_STR(found, file);
    free(found);
    unlink(file);
    rmdir(dir);
    unsetenv("VANTHU_DATA");
}

int main(void)
{
    tables_are_sound();
    fills_and_refuses();
    pipeline_checks_options();
    data_path();
    return check_done("stage-options");
}
