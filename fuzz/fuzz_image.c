/* fuzz_image.c — image ingest: any bytes as a file's content through the
 * ingest stage (PNG, JPEG, TIFF, PNM, PDF decoders and their checks), then
 * preprocess on the pages when they are small.  The limits are kept low so
 * that a run explores decoders rather than big allocations; the limits
 * themselves are what is under test. */
#include "fuzz.h"

static vt_pipeline *ingest, *prepare;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    ingest = fuzz_pipeline("ingest max-megapixels=1 max-pages=4 pdf-dpi=50\n");
    prepare = fuzz_pipeline("preprocess drop-red=yes drop-blue=yes deskew=yes binarize=yes\n");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vt_status st;
    vt_doc *doc = fuzz_run(ingest, data, size, &st);
    if (st == VT_OK && doc->kind != VT_KIND_TEXT) {
        FUZZ_ASSERT(doc->n_pages >= 1 && doc->n_pages == doc->page_count);
        double pixels = 0;
        for (size_t i = 0; i < doc->n_pages; i++) {
            /* Four pages of 1 MP stay far under the pixels a document
             * holds decoded (internal.h), so ingest holds them all. */
            FUZZ_ASSERT(doc->pages[i].image);
            FUZZ_ASSERT((double)doc->pages[i].width * doc->pages[i].height <= 1e6);
            /* preprocess scales to 300 dpi: a low-dpi page grows up to 36x */
            pixels += (double)doc->pages[i].width * doc->pages[i].height *
                      (300.0 / doc->pages[i].dpi) * (300.0 / doc->pages[i].dpi);
        }
        if (pixels <= 250000) {
            vt_error err = {0};
            st = vt_pipeline_run(prepare, doc, NULL, &err);
            if (st)
                fuzz_check_error(st, &err);
        }
    }
    vt_doc_free(doc);
    return 0;
}
