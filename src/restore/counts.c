/* counts.c — read n-gram counts derived from text the repository cannot
 * hold whole (tools/corpus-counts.sh): one n-gram a line, "COUNT<TAB>t1
 * [t2 [t3]]", '#' lines are comments.  The tokens are what token.c makes
 * of a word (lower case, <s> </s> <num> for the frames and numbers); the
 * caller turns each into its id, so a token means here what it means in
 * text the build reads itself. */
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

typedef struct {
    vt_token_fn token;
    void *ctx;
    vt_ngrams *out;
    const char *path;
    vt_error *err;
} reading;

static vt_status read_line(void *ctx, char *line, size_t len, size_t lineno)
{
    (void)len;
    reading *r = ctx;
    return parse_line(line, r->token, r->ctx, r->out, r->path, lineno, r->err);
}

vt_status vt_ngrams_read(const char *path, vt_token_fn token, void *ctx, vt_ngrams *out,
                         vt_error *err)
{
    reading r = {token, ctx, out, path, err};
    return vt_data_lines(path, false, read_line, &r, NULL, err);
}

void vt_ngrams_free(vt_ngrams *g)
{
    free(g->a);
    memset(g, 0, sizeof *g);
}
