/* fuzz.h — what the fuzz targets share.  Each target defines
 * LLVMFuzzerInitialize (opened once: pipelines, the model) and
 * LLVMFuzzerTestOneInput; libFuzzer drives them when built with
 * -Dfuzzing=true, replay.c drives them over saved inputs in the tests.
 * A broken property is reported with FUZZ_ASSERT, which aborts so that
 * both drivers see a crash. */
#ifndef VT_FUZZ_H
#define VT_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "vanthu.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(cond)                                                      \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: property broken: %s\n", __FILE__,          \
                    __LINE__, #cond);                                          \
            abort();                                                           \
        }                                                                      \
    } while (0)

/* Open a pipeline once.  A missing model or lexicon is not the input's
 * fault: exit 77, which the test harness reads as "skipped". */
static inline vt_pipeline *fuzz_pipeline(const char *text)
{
    setMsgSeverity(L_SEVERITY_NONE); /* errors come back as vt_error */
    vt_error err = {0};
    vt_pipeline *p = vt_pipeline_parse(text, "fuzz", &err);
    if (p && vt_pipeline_open(p, &err) != VT_OK) {
        vt_pipeline_free(p);
        p = NULL;
    }
    if (!p) {
        fprintf(stderr, "fuzz: cannot open pipeline: %s\n", err.message);
        exit(77);
    }
    return p;
}

/* A failed stage must say why, with one of the documented codes. */
static inline void fuzz_check_error(vt_status st, const vt_error *err)
{
    FUZZ_ASSERT(st >= VT_EUSAGE && st <= VT_EINTERNAL);
    FUZZ_ASSERT(err->status == st && err->message[0] != '\0');
}

/* Run a pipeline over the bytes as if read from a file; returns the
 * document (caller frees) and the status in *st. */
static inline vt_doc *fuzz_run(vt_pipeline *p, const uint8_t *data, size_t size,
                               vt_status *st)
{
    vt_doc *doc = vt_doc_new("fuzz-input");
    doc->bytes = malloc(size ? size : 1);
    memcpy(doc->bytes, data, size);
    doc->n_bytes = size;
    vt_error err = {0};
    *st = vt_pipeline_run(p, doc, NULL, &err);
    if (*st)
        fuzz_check_error(*st, &err);
    return doc;
}

#endif
