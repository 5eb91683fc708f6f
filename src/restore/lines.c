/* lines.c — the line files model building reads (lexicons, channel
 * tables, n-gram counts) share one format: UTF-8 text, one entry a line,
 * '#' lines are comments, empty lines are skipped.  Lines have no length
 * limit. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "train.h"

static vt_status read_lines(const char *path, bool optional, bool comments, vt_line_fn fn,
                            void *ctx, bool *opened, vt_error *err)
{
    if (opened)
        *opened = false;
    FILE *f = fopen(path, "r");
    if (!f) {
        if (optional && errno == ENOENT)
            return VT_OK;
        return vt_error_set(err, VT_EINPUT, "%s: %s", path, strerror(errno));
    }
    if (opened)
        *opened = true;
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    vt_status st = VT_OK;
    while (st == VT_OK && (n = getline(&line, &cap, f)) > 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (n > 0 && (comments || line[0] != '#'))
            st = fn(ctx, line, (size_t)n, lineno);
    }
    if (st == VT_OK && ferror(f))
        st = vt_error_set(err, VT_EINPUT, "%s: read error", path);
    free(line);
    fclose(f);
    return st;
}

vt_status vt_data_lines(const char *path, bool optional, vt_line_fn fn, void *ctx,
                        bool *opened, vt_error *err)
{
    return read_lines(path, optional, false, fn, ctx, opened, err);
}

vt_status vt_data_sections(const char *path, bool optional, vt_line_fn fn, void *ctx,
                           vt_error *err)
{
    return read_lines(path, optional, true, fn, ctx, NULL, err);
}
