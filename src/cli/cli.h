/* cli.h — what the vanthu commands share.  Each command lives in its own
 * file as vt_cmd_NAME(argc, argv) and returns a vt_status as exit code. */
#ifndef VT_CLI_H
#define VT_CLI_H

#include <jansson.h>
#include <stdio.h>

#include "vanthu.h"

int vt_cmd_run(int argc, char **argv);
int vt_cmd_ocr(int argc, char **argv);
int vt_cmd_restore(int argc, char **argv);
int vt_cmd_train(int argc, char **argv);
int vt_cmd_parse(int argc, char **argv);
int vt_cmd_diff(int argc, char **argv);
int vt_cmd_apply(int argc, char **argv);
int vt_cmd_review(int argc, char **argv);

/* The SGR sequences `vanthu diff` colours with; empty strings when colour
 * is off. */
typedef struct vt_diff_palette {
    const char *from, *to, *flag, *dim, *reset;
} vt_diff_palette;

/* `vanthu diff A B`: two records of one source, or two texts (diff_two.c). */
int vt_diff_two(const char *path_a, const char *path_b, bool as_json,
                const vt_diff_palette *pal);

/* "vanthu: FILE: problem" on stderr; returns err->status. */
int vt_cli_report(const vt_error *err);
/* Print "vanthu CMD: message" for a usage error and return VT_EUSAGE. */
int vt_cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Load a pipeline by file path, or by bare name from <data dir>/pipeline/NAME.pipe. */
vt_pipeline *vt_cli_pipeline(const char *name_or_path, vt_error *err);

/* Make a document for one input: a path ("-" or NULL for stdin).  A record
 * JSON written by vanthu is loaded as the document it describes (so a chain
 * can resume); anything else becomes a fresh document whose bytes, read
 * here once, ingest takes from doc->bytes. */
vt_status vt_cli_open_input(const char *path, vt_doc **doc, vt_error *err);

/* Write bytes to `path` atomically (temporary file in the same directory,
 * held locked while it is written, fsync, rename), or to stdout when path
 * is NULL or "-". */
vt_status vt_cli_write(const char *path, const char *bytes, size_t len,
                       vt_error *err);
/* Remove vt_cli_write's temporary file `tmp` unless its writer holds it
 * (a killed writer's, on whatever host it ran). */
void vt_cli_remove_unheld(const char *tmp);

/* A JSON object from the file at `path` (at most max_bytes); a file that
 * is not one is a VT_EINPUT error "PATH: line N: not a WHAT: reason".
 * Caller releases *out. */
vt_status vt_cli_read_json_object(const char *path, size_t max_bytes, const char *what,
                                  json_t **out, vt_error *err);

/* Print JSON value `j` and a line end to stdout; takes `j`. */
vt_status vt_cli_print_json(json_t *j, size_t flags, vt_error *err);

/* Standard option handling for --help: print text and return true. */
bool vt_cli_wants_help(int argc, char **argv, const char *help);

#endif
