/* cmd_parse.c — `vanthu parse`: the record of one text or record input,
 * with the metadata of Nghị định 30 filled in. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static const char help[] =
    "usage: vanthu parse [OPTION]... [FILE]\n"
    "\n"
    "Read a dispatch as text (existing OCR output) or as a record written by\n"
    "vanthu, and write its record with the metadata member filled in: number,\n"
    "type, date, place, issuer, subject, addressees, recipients, signer,\n"
    "references and more (see doc/metadata.md).  Text is restored first;\n"
    "a record resumes after the stages it has been through.  With no FILE,\n"
    "or FILE '-', read standard input.\n"
    "\n"
    "  -f, --format json|xml   record format (default json)\n"
    "  -o, --output FILE       write the record to FILE (atomically) instead\n"
    "                          of standard output\n"
    "  -p, --pipeline FILE     pipeline file or name (default text)\n"
    "\n"
    "Exit codes: 0 ok, 1 bad arguments, 2 bad input, 3 missing lexicon or\n"
    "model, 4 output error.\n";

int vt_cmd_parse(int argc, char **argv)
{
    if (vt_cli_wants_help(argc, argv, help))
        return VT_OK;
    static const struct option longs[] = {
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"pipeline", required_argument, NULL, 'p'},
        {NULL, 0, NULL, 0},
    };
    /* The record format is always set, so that the record is the same
     * whatever format the pipeline file names. */
    const char *format = vt_stage_option(&vt_stage_emit, "format")->fallback;
    const char *output = NULL, *pipe_name = "text";
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:o:p:", longs, NULL)) != -1) {
        switch (c) {
        case 'f':
            format = optarg;
            break;
        case 'o':
            output = optarg;
            break;
        case 'p':
            pipe_name = optarg;
            break;
        default:
            return vt_cli_usage_error("parse", "unknown option");
        }
    }
    const vt_format *fmt = vt_format_find(format);
    if (!fmt || !fmt->record) {
        char names[256];
        vt_format_names(true, names, sizeof names);
        return vt_cli_usage_error("parse", "format must be %s, not \"%s\"", names, format);
    }
    if (argc - optind > 1)
        return vt_cli_usage_error("parse", "one FILE at most");
    const char *input = optind < argc ? argv[optind] : NULL;

    vt_error err = {0};
    vt_pipeline *pipe = vt_cli_pipeline(pipe_name, &err);
    if (!pipe)
        return vt_cli_report(&err);
    vt_doc *doc = NULL;
    vt_status st = vt_pipeline_set_option(pipe, "emit", "format", format, &err);
    if (!st)
        st = vt_pipeline_open(pipe, &err);
    if (!st)
        st = vt_cli_open_input(input, &doc, &err);
    if (!st)
        st = vt_pipeline_run(pipe, doc, NULL, &err);
    if (!st && !doc->output)
        st = vt_error_set(&err, VT_EUSAGE, "pipeline %s has no emit stage",
                          vt_pipeline_origin(pipe));
    if (!st)
        st = vt_cli_write(output, doc->output, doc->output_len, &err);
    vt_doc_free(doc);
    vt_pipeline_free(pipe);
    return st ? vt_cli_report(&err) : VT_OK;
}
