/* fuzz_text.c — text ingest: vt_doc_read_text on any bytes, and the chain
 * "ingest, emit" over inputs that sniff as text.  Properties: valid text
 * comes back byte for byte (less a BOM and one final newline); anything
 * else is a VT_EINPUT error naming a line; emit always renders. */
#include "fuzz.h"

static vt_pipeline *chain;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    chain = fuzz_pipeline("ingest\nemit\n");
    return 0;
}

static void check_reader(const uint8_t *data, size_t size)
{
    vt_doc *doc = vt_doc_new("fuzz.txt");
    vt_error err = {0};
    vt_status st = vt_doc_read_text(doc, (const char *)data, size, &err);
    if (st == VT_OK) {
        const char *s = (const char *)data;
        size_t n = size;
        if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
            s += 3, n -= 3;
        if (n > 0 && s[n - 1] == '\n')
            n--;
        char *text = vt_doc_text(doc, false);
        FUZZ_ASSERT(strlen(text) == n && memcmp(text, s, n) == 0);
        free(text);
        FUZZ_ASSERT(doc->n_pages >= 1 && doc->page_count == doc->n_pages);
    } else {
        FUZZ_ASSERT(st == VT_EINPUT && strstr(err.message, "fuzz.txt: line "));
    }
    vt_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_reader(data, size);
    vt_kind kind = vt_sniff(data, size);
    if (kind == VT_KIND_TEXT || kind == VT_KIND_UNKNOWN || kind == VT_KIND_RECORD) {
        vt_status st;
        vt_doc *doc = fuzz_run(chain, data, size, &st);
        FUZZ_ASSERT(st != VT_OK || (doc->output && doc->output_len == strlen(doc->output)));
        vt_doc_free(doc);
    }
    return 0;
}
