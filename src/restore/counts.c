/* counts.c — read n-gram counts derived from text the repository cannot
 * hold whole (tools/corpus-counts.sh): one n-gram a line, "COUNT<TAB>t1
 * [t2 [t3]]", '#' lines are comments.  The tokens are what token.c makes
 * of a word (lower case, <s> </s> <num> for the frames and numbers); the
 * caller turns each into its id, so a token means here what it means in
 * text the build reads itself. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "train.h"

static vt_status parse_line(char *line, vt_token_fn token, void *ctx, vt_ngrams *out,
                            const char *path, size_t lineno, vt_error *err)
{
    char *end;
    unsigned long count = strtoul(line, &end, 10);
    if (end == line || *end != '\t' || count == 0 || count > UINT32_MAX)
        return vt_error_set(err, VT_EINPUT, "%s:%zu: expected COUNT<TAB>tokens", path, lineno);
    vt_ngram g = {.count = (uint32_t)count};
    for (char *p = end + 1; *p;) {
        char *q = p + strcspn(p, " ");
        if (g.order == 3)
            return vt_error_set(err, VT_EINPUT, "%s:%zu: more than three tokens", path, lineno);
        int64_t id = token(ctx, p, (size_t)(q - p));
        /* A token the model does not keep (a mark that carries no
         * context) takes its n-gram with it. */
        if (id < 0)
            return VT_OK;
        g.id[g.order++] = (uint32_t)id;
        p = *q ? q + 1 : q;
    }
    if (g.order == 0)
        return vt_error_set(err, VT_EINPUT, "%s:%zu: no tokens", path, lineno);
    vt_grow((void **)&out->a, &out->cap, out->n + 1, sizeof *out->a);
    out->a[out->n++] = g;
    return VT_OK;
}

vt_status vt_ngrams_read(const char *path, vt_token_fn token, void *ctx, vt_ngrams *out,
                         vt_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return vt_error_set(err, VT_EINPUT, "%s: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    vt_status st = VT_OK;
    while (st == VT_OK && (n = getline(&line, &cap, f)) > 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (n > 0 && line[0] != '#')
            st = parse_line(line, token, ctx, out, path, lineno, err);
    }
    if (st == VT_OK && ferror(f))
        st = vt_error_set(err, VT_EINPUT, "%s: read error", path);
    free(line);
    fclose(f);
    return st;
}

void vt_ngrams_free(vt_ngrams *g)
{
    free(g->a);
    memset(g, 0, sizeof *g);
}
