/* cmd_ocr.c — `vanthu ocr`: the OCR text of page images, nothing else.
 *
 * A front for `vanthu run -f text -p ocr`: the same workers, order and
 * error handling as a batch, printing the text of pipeline "ocr" (ingest,
 * preprocess, ocr).  Lines end with '\n'; a form feed separates pages, and
 * the last page of one input from the first of the next. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    "  -j, --jobs N         workers (default 1); each runs one single-threaded\n"
    "                       Tesseract, on inputs or on the pages of one input\n"
    "  -p, --pipeline FILE  pipeline file or name (default ocr)\n"
    "\n"
    "Exit codes: 0 ok, 1 bad arguments, 2 bad input, 3 missing language data,\n"
    "6 some inputs failed (the others are still printed).\n";

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
    const char *jobs = "1", *pipeline = "ocr";
    char *lang = NULL;
    int opt;
    optind = 1;
    while ((opt = getopt_long(argc, argv, "l:j:p:", longs, NULL)) != -1) {
        switch (opt) {
        case 'l':
            if (!*optarg)
                return vt_cli_usage_error("ocr", "--lang needs a language");
            free(lang);
            lang = malloc(strlen(optarg) + sizeof "ocr.lang=");
            if (!lang)
                return VT_EINTERNAL;
            sprintf(lang, "ocr.lang=%s", optarg);
            break;
        case 'j': jobs = optarg; break;
        case 'p': pipeline = optarg; break;
        default: free(lang); return vt_cli_usage_error("ocr", "unknown option");
        }
    }
    if (optind == argc) {
        free(lang);
        return vt_cli_usage_error("ocr", "no input files");
    }
    /* run -q -f text -p PIPE -j N [--set ocr.lang=L] -- INPUT... */
    char **args = calloc((size_t)(argc - optind) + 12, sizeof *args);
    if (!args) {
        free(lang);
        return VT_EINTERNAL;
    }
    int n = 0;
    const char *fixed[] = {"run", "-q", "-f", "text", "-p", pipeline, "-j", jobs};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        args[n++] = (char *)fixed[i];
    if (lang) {
        args[n++] = (char *)"--set";
        args[n++] = lang;
    }
    args[n++] = (char *)"--";
    for (int i = optind; i < argc; i++)
        args[n++] = argv[i];
    int rc = vt_cmd_run(n, args);
    free(args);
    free(lang);
    return rc;
}
