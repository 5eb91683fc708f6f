/* cmd_diff.c — `vanthu diff RECORD`: the words a stage (or a reviewer)
 * changed, as the record's change list has them, one per line with where
 * it is, OCR → corrected, the confidence and the alternatives weighed;
 * changes flagged for review are marked.  --json gives the same to
 * programs.  Two inputs are compared with each other (diff_two.c). */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"

static const char help[] =
    "usage: vanthu diff [OPTION]... RECORD\n"
    "       vanthu diff [OPTION]... A B\n"
    "\n"
    "List the words that were changed after the text was first seen (by\n"
    "restore, or by a reviewer), from a record written by vanthu: page and\n"
    "line (both from 1), the word as first read -> as corrected, the\n"
    "confidence of the correction and the alternatives weighed.  Changes\n"
    "flagged for review start with '!'.\n"
    "\n"
    "With two inputs, each a record (its corrected text) or a text file:\n"
    "the runs of words that differ, aligned word by word across line ends,\n"
    "as 'aLINE bLINE  A's words -> B's words' (lines from 1 across each\n"
    "document; '(none)' for a side with no words there); for two records of\n"
    "one source, then the metadata fields that differ (confidence and\n"
    "evidence aside) and needs_review, as 'FIELD: A -> B'.\n"
    "\n"
    "  -c, --color=WHEN        never, always or auto (default: colour when\n"
    "                          standard output is a terminal and NO_COLOR is\n"
    "                          unset or empty)\n"
    "  -j, --json              one JSON object: the source's path and its\n"
    "                          changes, each as the record lists it; for two\n"
    "                          inputs, a and b (the paths), text (a_line,\n"
    "                          b_line, from, to) and fields (field, a, b)\n"
    "\n"
    "Exit codes: 0 ok, 1 bad arguments, 2 bad input, 4 output error.\n";

static const vt_diff_palette colours = {"\033[31m", "\033[32m", "\033[1;33m", "\033[2m",
                                        "\033[0m"};
static const vt_diff_palette plain = {"", "", "", "", ""};

static bool want_colour(const char *when, bool *ok)
{
    *ok = true;
    if (strcmp(when, "always") == 0)
        return true;
    if (strcmp(when, "never") == 0)
        return false;
    if (strcmp(when, "auto") != 0) {
        *ok = false;
        return false;
    }
    const char *no_color = getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_color && no_color[0]);
}

/* "!p1:12  uy → ủy  0.97  restore/lm  úy 0.02, ùy 0.01": '!' for a change
 * flagged for review, then page:line, who decided it and when for a
 * reviewer's change, and the alternatives other than the one chosen. */
static void print_change(const vt_change *c, size_t line_number, const vt_diff_palette *pal)
{
    if (c->review)
        printf("%s!%s", pal->flag, pal->reset);
    else
        putchar(' ');
    printf("p%zu:%zu  %s%s%s \u2192 %s%s%s  %.2f  %s%s/%s%s", c->page + 1, line_number,
           pal->from, c->from, pal->reset, pal->to, c->to, pal->reset, c->confidence,
           pal->dim, c->stage, c->source, pal->reset);
    if (c->decision)
        printf("  %s%s, %s of change %zu, %s%s", pal->dim, c->reviewer, c->decision,
               c->of_change, c->time, pal->reset);
    const char *sep = "  ";
    for (size_t a = 0; a < c->n_alternatives; a++) {
        if (strcmp(c->alternatives[a].text, c->to) == 0)
            continue;
        printf("%s%s%s %.2f%s", sep, pal->dim, c->alternatives[a].text,
               c->alternatives[a].score, pal->reset);
        sep = ", ";
    }
    putchar('\n');
}

int vt_cmd_diff(int argc, char **argv)
{
    if (vt_cli_wants_help(argc, argv, help))
        return VT_OK;
    static const struct option longs[] = {
        {"color", required_argument, NULL, 'c'},
        {"json", no_argument, NULL, 'j'},
        {NULL, 0, NULL, 0},
    };
    const char *when = "auto";
    bool as_json = false;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "c:j", longs, NULL)) != -1) {
        switch (c) {
        case 'c':
            when = optarg;
            break;
        case 'j':
            as_json = true;
            break;
        default:
            return vt_cli_usage_error("diff", "unknown option");
        }
    }
    bool when_ok;
    bool colour = want_colour(when, &when_ok);
    if (!when_ok)
        return vt_cli_usage_error("diff", "--color must be never, always or auto, not \"%s\"",
                                  when);
    if (argc - optind == 2)
        return vt_diff_two(argv[optind], argv[optind + 1], as_json,
                           colour ? &colours : &plain);
    if (argc - optind != 1)
        return vt_cli_usage_error("diff", "one RECORD, or two records or texts, expected");

    vt_error err = {0};
    vt_doc *doc = NULL;
    vt_status st = vt_cli_open_input(argv[optind], &doc, &err);
    if (!st && doc->bytes) /* what vt_cli_open_input did not read as a record */
        st = vt_error_set(&err, VT_EINPUT, "%s: not a record written by vanthu", argv[optind]);
    if (st) {
        vt_doc_free(doc);
        return vt_cli_report(&err);
    }
    json_t *changes = json_array();
    for (size_t i = 0; i < doc->n_changes; i++) {
        const vt_change *ch = &doc->changes[i];
        /* The record's own view of the change: line_number counts lines
         * from 1 across the document. */
        json_t *j = vt_change_to_json(doc, ch);
        size_t line_number = (size_t)json_integer_value(json_object_get(j, "line_number"));
        if (as_json) {
            json_array_append(changes, j);
        } else {
            print_change(ch, line_number, colour ? &colours : &plain);
        }
        json_decref(j);
    }
    if (as_json) {
        json_t *out = json_pack("{s:s,s:o}", "path", doc->path ? doc->path : "-",
                                "changes", changes);
        st = vt_cli_print_json(out, JSON_INDENT(2), &err);
    } else {
        json_decref(changes);
        if (fflush(stdout) != 0)
            st = vt_error_set(&err, VT_EOUTPUT, "standard output: write failed");
    }
    vt_doc_free(doc);
    return st ? vt_cli_report(&err) : VT_OK;
}
