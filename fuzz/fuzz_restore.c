/* fuzz_restore.c — the restore stage and vt_restore_string over the built
 * model.  Properties: the stage finishes on any text the ingest accepts;
 * restoring a whole string keeps every line break (it repairs words, it
 * does not join or split lines). */
#include "fuzz.h"
#include "restorer.h"

static vt_pipeline *chain;
static vt_restore_model *model;
static vt_restorer *restorer;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    chain = fuzz_pipeline("ingest\nrestore\nemit pretty=no\n");
    vt_error err = {0};
    char *path = vt_data_path("vanthu.model", &err);
    model = path ? vt_restore_model_open(path, &err) : NULL;
    free(path);
    if (!model) {
        fprintf(stderr, "fuzz: no restore model: %s\n", err.message);
        exit(77);
    }
    restorer = vt_restorer_new(model, VT_RESTORE_STYLE_AUTO, 0.6);
    return 0;
}

static size_t count(const char *s, size_t n, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == c;
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (vt_sniff(data, size) != VT_KIND_TEXT)
        return 0; /* images and records have their own targets */
    vt_status st;
    vt_doc *doc = fuzz_run(chain, data, size, &st);
    vt_doc_free(doc);
    /* vt_restore_string takes UTF-8, as every text in the API: what ingest
     * accepted, or nothing at all (which ingest refuses as an empty file) */
    if (st != VT_OK && size > 0)
        return 0;
    const char *text = (const char *)data;
    vt_restorer_begin(restorer, text, size);
    char *out = vt_restore_string(restorer, text, size);
    FUZZ_ASSERT(out);
    FUZZ_ASSERT(count(out, strlen(out), '\n') == count(text, size, '\n'));
    free(out);
    return 0;
}
