/* cmd_apply.c — `vanthu apply RECORD DECISIONS`: a reviewer's decisions
 * written into a new record, the old one left as it was. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <jansson.h>

#include "cli.h"

static const char help[] =
    "usage: vanthu apply [OPTION]... RECORD DECISIONS\n"
    "\n"
    "Write a new record: RECORD with a reviewer's DECISIONS applied (a JSON\n"
    "file, doc/decisions.md).  Each decision addresses a change of the record\n"
    "by its index in \"changes\" (from 0) and accepts it, rejects it (the word\n"
    "as it was before the change), picks one of its alternatives or types a\n"
    "correction; each becomes a change of its own, stage \"review\", source\n"
    "\"reviewer\", with who and when, after every change already there.  The\n"
    "corrected text and the word tree follow, and the metadata is parsed\n"
    "again from the new text.  RECORD itself is never written.\n"
    "\n"
    "  -o, --output FILE       write the new record to FILE (atomically)\n"
    "                          instead of standard output; not RECORD\n"
    "\n"
    "Exit codes: 0 ok, 1 bad arguments, 2 bad input, 3 missing lexicon,\n"
    "4 output error.\n";

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* The metadata is read from the text, so it is read again from the text
 * the reviewer left (a record that never went through parse gets none). */
static vt_status parse_again(vt_doc *doc, vt_error *err)
{
    if (!vt_doc_stage_done(doc, vt_stage_parse.name))
        return VT_OK;
    void *state = NULL;
    vt_status st = vt_stage_open(&vt_stage_parse, NULL, &state, err);
    if (!st)
        st = vt_stage_parse.run(state, doc, err);
    if (state)
        vt_stage_parse.close(state);
    return st;
}

int vt_cmd_apply(int argc, char **argv)
{
    if (vt_cli_wants_help(argc, argv, help))
        return VT_OK;
    static const struct option longs[] = {
        {"output", required_argument, NULL, 'o'},
        {NULL, 0, NULL, 0},
    };
    const char *output = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", longs, NULL)) != -1) {
        if (c != 'o')
            return vt_cli_usage_error("apply", "unknown option");
        output = optarg;
    }
    if (argc - optind != 2)
        return vt_cli_usage_error("apply", "RECORD and DECISIONS expected");
    const char *record = argv[optind], *decisions_path = argv[optind + 1];
    if (output && strcmp(output, "-") != 0 && same_file(output, record))
        return vt_cli_usage_error("apply", "the new record must not overwrite RECORD (%s)",
                                  record);

    vt_error err = {0};
    vt_doc *doc = NULL;
    json_t *decisions = NULL;
    vt_status st = vt_cli_open_input(record, &doc, &err);
    if (!st && doc->bytes)
        st = vt_error_set(&err, VT_EINPUT, "%s: not a record written by vanthu", record);
    if (!st)
        st = vt_cli_read_json_object(decisions_path, (size_t)64 << 20, "decisions file",
                                     &decisions, &err);
    if (!st) {
        GDateTime *t = g_date_time_new_now_utc();
        gchar *now = g_date_time_format(t, "%Y-%m-%dT%H:%M:%SZ");
        g_date_time_unref(t);
        st = vt_doc_apply_decisions(doc, decisions, now, &err);
        g_free(now);
        if (st)
            vt_error_prefix(&err, "%s: ", decisions_path);
    }
    if (!st)
        st = parse_again(doc, &err);
    if (!st) {
        vt_render_options render = {.pretty = true, .words = true};
        size_t len = 0;
        char *out = vt_format_find("json")->render(doc, &render, &len, NULL);
        st = out ? vt_cli_write(output, out, len, &err)
                 : vt_error_set(&err, VT_EINTERNAL, "%s: record could not be rendered",
                                record);
        if (!st && (!output || strcmp(output, "-") == 0))
            st = vt_cli_write(NULL, "\n", 1, &err);
        free(out);
    }
    json_decref(decisions);
    vt_doc_free(doc);
    return st ? vt_cli_report(&err) : VT_OK;
}
