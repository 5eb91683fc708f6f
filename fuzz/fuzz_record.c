/* fuzz_record.c — the record JSON reader: jansson parse, vt_doc_from_json,
 * vt_doc_to_json.  Properties: a record the reader accepts survives a round
 * trip unchanged (write, read, write gives the same JSON), and renders as
 * XML; one it refuses gets a VT_EINPUT error with a message. */
#include <jansson.h>

#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_t *j = json_loadb((const char *)data, size, 0, NULL);
    if (!j)
        return 0;
    vt_error err = {0};
    vt_doc *doc = vt_doc_from_json(j, &err);
    json_decref(j);
    if (!doc) {
        FUZZ_ASSERT(err.status == VT_EINPUT && err.message[0]);
        return 0;
    }
    json_t *once = vt_doc_to_json(doc);
    FUZZ_ASSERT(once);
    vt_doc *again = vt_doc_from_json(once, &err);
    FUZZ_ASSERT(again);
    json_t *twice = vt_doc_to_json(again);
    FUZZ_ASSERT(json_equal(once, twice));
    char *s = json_dumps(once, JSON_COMPACT | JSON_PRESERVE_ORDER);
    FUZZ_ASSERT(s);
    size_t len = 0;
    char *xml = vt_record_to_xml(once, &len);
    FUZZ_ASSERT(xml && len == strlen(xml));
    free(xml);
    free(s);
    json_decref(twice);
    json_decref(once);
    vt_doc_free(again);
    vt_doc_free(doc);
    return 0;
}
