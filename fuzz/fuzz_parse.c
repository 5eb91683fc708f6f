/* fuzz_parse.c — the parse stage.  Text inputs go through "ingest, parse,
 * emit"; a record JSON (which can carry layout roles and boxes, as OCR
 * leaves them) is read back and goes through "parse, emit".  Property: the
 * stage always finishes and leaves a metadata object. */
#include <jansson.h>

#include "fuzz.h"

static vt_pipeline *from_text, *from_record;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    from_text = fuzz_pipeline("ingest\nparse\nemit pretty=no\n");
    from_record = fuzz_pipeline("parse\nemit pretty=no\n");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vt_kind kind = vt_sniff(data, size);
    vt_doc *doc = NULL;
    vt_status st = VT_EINPUT;
    if (kind == VT_KIND_TEXT) {
        doc = fuzz_run(from_text, data, size, &st);
    } else if (kind == VT_KIND_RECORD) {
        json_t *j = json_loadb((const char *)data, size, 0, NULL);
        json_object_del(j, "stages_done"); /* parse even if done before */
        doc = j ? vt_doc_from_json(j, NULL) : NULL;
        json_decref(j);
        if (doc) {
            vt_error err = {0};
            st = vt_pipeline_run(from_record, doc, NULL, &err);
            if (st)
                fuzz_check_error(st, &err);
        }
    }
    if (st == VT_OK)
        FUZZ_ASSERT(json_is_object(doc->meta) && doc->output);
    vt_doc_free(doc);
    return 0;
}
