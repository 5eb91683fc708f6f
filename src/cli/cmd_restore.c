/* cmd_restore.c — `vanthu restore [FILE]`: a filter that repairs damaged
 * Vietnamese text (lost diacritics, OCR confusions) and prints it with every
 * line break, space and punctuation mark where it was.  --json prints the
 * changes word by word instead. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

static const char help[] =
    "usage: vanthu restore [OPTION]... [FILE]\n"
    "\n"
    "Restore Vietnamese text read from FILE (standard input when absent or\n"
    "'-'): put back lost diacritics and undo OCR confusions (s6 -> số,\n"
    "ctia -> của, SGDDT -> SGDĐT).  Only damaged words change; spaces, line\n"
    "breaks, punctuation and numbers stay as they are.\n"
    "\n"
    "  -m, --model FILE        restore model (default: the installed one)\n"
    "  -s, --style STYLE       tone placement of changed words: auto (the\n"
    "                          document's own, default), traditional (hòa,\n"
    "                          thủy) or reformed (hoà, thuỷ)\n"
    "  -r, --review-below X    flag changes less sure than X (default 0.6)\n"
    "  -j, --json              print every change: line, word, from, to,\n"
    "                          confidence, review and alternatives\n"
    "\n"
    "Exit codes: 0 ok, 1 bad arguments, 2 bad input, 3 model missing.\n";

/* The restore changes in the filter's own layout, taken from the record's
 * (vt_change_to_json): the line counted across the document as editors
 * show it, the word counted from 1 on its line. */
static json_t *changes_json(const vt_doc *doc)
{
    json_t *arr = json_array(), *root = json_object();
    for (size_t i = 0; i < doc->n_changes; i++) {
        const vt_change *c = &doc->changes[i];
        if (strcmp(c->stage, "restore") != 0)
            continue;
        json_t *rec = vt_change_to_json(doc, c);
        json_array_append_new(arr, json_pack("{s:O, s:I, s:O, s:O, s:O, s:O, s:O, s:O}",
                                             "line", json_object_get(rec, "line_number"),
                                             "word", (json_int_t)c->word + 1,
                                             "from", json_object_get(rec, "from"),
                                             "to", json_object_get(rec, "to"),
                                             "confidence", json_object_get(rec, "confidence"),
                                             "review", json_object_get(rec, "review"),
                                             "source", json_object_get(rec, "source"),
                                             "alternatives", json_object_get(rec, "alternatives")));
        json_decref(rec);
    }
    char *restored = vt_doc_text(doc, false);
    json_object_set_new(root, "text", json_string(restored ? restored : ""));
    free(restored);
    json_object_set_new(root, "changes", arr);
    return root;
}

int vt_cmd_restore(int argc, char **argv)
{
    if (vt_cli_wants_help(argc, argv, help))
        return VT_OK;
    static const struct option longs[] = {
        {"model", required_argument, NULL, 'm'},
        {"style", required_argument, NULL, 's'},
        {"review-below", required_argument, NULL, 'r'},
        {"json", no_argument, NULL, 'j'},
        {NULL, 0, NULL, 0}};
    const char *model = NULL, *style = NULL, *review = NULL;
    bool json = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "m:s:r:j", longs, NULL)) != -1) {
        switch (c) {
        case 'm': model = optarg; break;
        case 's': style = optarg; break;
        case 'r': review = optarg; break;
        case 'j': json = true; break;
        default: return vt_cli_usage_error("restore", "unknown option");
        }
    }
    if (argc - optind > 1)
        return vt_cli_usage_error("restore", "one input at most");
    const char *path = optind < argc ? argv[optind] : NULL;

    vt_error err = {0};
    vt_pipeline *p = vt_pipeline_parse("ingest\nrestore\n", "restore", &err);
    vt_doc *doc = NULL;
    vt_status st = p ? VT_OK : err.status;
    if (!st && model)
        st = vt_pipeline_set_option(p, "restore", "model", model, &err);
    if (!st && style)
        st = vt_pipeline_set_option(p, "restore", "style", style, &err);
    if (!st && review)
        st = vt_pipeline_set_option(p, "restore", "review-below", review, &err);
    if (!st)
        st = vt_pipeline_open(p, &err);
    if (!st)
        st = vt_cli_open_input(path, &doc, &err);
    /* The document model ends its last line without a newline; a filter
     * gives back the one the input had. */
    bool newline = !st && (!doc->bytes || (doc->n_bytes > 0 &&
                                           doc->bytes[doc->n_bytes - 1] == '\n'));
    if (!st)
        st = vt_pipeline_run(p, doc, NULL, &err);
    if (!st) {
        char *out = NULL;
        if (json) {
            json_t *j = changes_json(doc);
            out = json_dumps(j, JSON_INDENT(2));
            json_decref(j);
        } else {
            out = vt_doc_text(doc, false);
        }
        if (!out)
            st = vt_error_set(&err, VT_EINTERNAL, "out of memory");
        else
            st = vt_cli_write(NULL, out, strlen(out), &err);
        if (!st && (json || (newline && *out)))
            st = vt_cli_write(NULL, "\n", 1, &err);
        free(out);
    }
    vt_doc_free(doc);
    vt_pipeline_free(p);
    return st ? vt_cli_report(&err) : VT_OK;
}
