/* fuzz_pipeline.c — the pipeline-file parser.  Properties: a file is
 * either a pipeline with a digest or a VT_EUSAGE error naming the origin;
 * pipelines of the cheap stages (no OCR engine, model or lexicon to load)
 * are opened too, so that every option value is checked. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    setMsgSeverity(L_SEVERITY_NONE);
    return 0;
}

static bool cheap(const vt_pipeline *p)
{
    static const char *const ok[] = {"ingest", "preprocess", "emit"};
    for (size_t i = 0; i < vt_pipeline_length(p); i++) {
        const char *name = vt_pipeline_stage_name(p, i);
        bool found = false;
        for (size_t k = 0; k < sizeof ok / sizeof *ok; k++)
            found |= strcmp(name, ok[k]) == 0;
        if (!found)
            return false;
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    vt_error err = {0};
    vt_pipeline *p = vt_pipeline_parse(text, "fuzz.pipe", &err);
    free(text);
    if (!p) {
        FUZZ_ASSERT(err.status == VT_EUSAGE && strstr(err.message, "fuzz.pipe"));
        return 0;
    }
    FUZZ_ASSERT(vt_pipeline_length(p) > 0 && strlen(vt_pipeline_digest(p)) == 64);
    if (cheap(p)) {
        vt_status st = vt_pipeline_open(p, &err);
        if (st)
            FUZZ_ASSERT(st == VT_EUSAGE && err.message[0]);
    }
    vt_pipeline_free(p);
    return 0;
}
