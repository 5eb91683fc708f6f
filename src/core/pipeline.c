/* pipeline.c — a chain of stages read from a small text file. */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct {
    const vt_stage_class *cls;
    vt_options opts;
    void *state;
    bool opened;
    size_t line; /* in the pipeline file, for messages */
} stage_slot;

struct vt_pipeline {
    char *origin;
    char digest[65];
    stage_slot *stages;
    size_t n, cap;
};

static void list_stage_names(char *buf, size_t size)
{
    const vt_stage_class *const *c = vt_stage_classes();
    buf[0] = '\0';
    for (size_t i = 0; c[i]; i++)
        g_strlcat(buf, i ? ", " : "", size), g_strlcat(buf, c[i]->name, size);
}

/* The digest covers the stage list and options, so a record can say which
 * chain made it and a re-run can tell whether it is still current. */
static void compute_digest(vt_pipeline *p)
{
    GString *s = g_string_new(VT_VERSION "\n");
    for (size_t i = 0; i < p->n; i++) {
        g_string_append(s, p->stages[i].cls->name);
        for (size_t k = 0; k < p->stages[i].opts.n; k++)
            /* How many threads do the work never changes the result. */
            if (strcmp(p->stages[i].opts.keys[k], "threads") != 0)
                g_string_append_printf(s, " %s=%s", p->stages[i].opts.keys[k],
                                       p->stages[i].opts.values[k]);
        if (p->stages[i].opened && p->stages[i].cls->identity)
            g_string_append_printf(s, " @%s",
                                   p->stages[i].cls->identity(p->stages[i].state));
        g_string_append_c(s, '\n');
    }
    vt_sha256_hex(s->str, s->len, p->digest);
    g_string_free(s, TRUE);
}

static vt_status parse_line(vt_pipeline *p, char *line, size_t lineno,
                            vt_error *err)
{
    char *hash = strchr(line, '#');
    if (hash)
        *hash = '\0';
    gchar **tok = g_strsplit_set(g_strstrip(line), " \t", -1);
    vt_status st = VT_OK;
    size_t t = 0;
    while (tok[t] && !*tok[t])
        t++;
    if (!tok[t])
        goto done;
    const vt_stage_class *cls = vt_stage_find(tok[t]);
    if (!cls) {
        char names[256];
        list_stage_names(names, sizeof names);
        st = vt_error_set(err, VT_EUSAGE,
                          "%s:%zu: unknown stage \"%s\" (known: %s)", p->origin,
                          lineno, tok[t], names);
        goto done;
    }
    VT_GROW(p->stages, p->n, p->cap);
    stage_slot *slot = &p->stages[p->n++];
    memset(slot, 0, sizeof *slot);
    slot->cls = cls;
    slot->line = lineno;
    for (t++; tok[t]; t++) {
        if (!*tok[t])
            continue;
        char *eq = strchr(tok[t], '=');
        if (!eq || eq == tok[t]) {
            st = vt_error_set(err, VT_EUSAGE,
                              "%s:%zu: option \"%s\" of stage %s is not key=value",
                              p->origin, lineno, tok[t], cls->name);
            goto done;
        }
        *eq = '\0';
        st = vt_stage_check_option(cls, tok[t], eq + 1, err);
        if (st) {
            vt_error_prefix(err, "%s:%zu: ", p->origin, lineno);
            goto done;
        }
        vt_options_set(&slot->opts, tok[t], eq + 1);
    }
done:
    g_strfreev(tok);
    return st;
}

vt_pipeline *vt_pipeline_parse(const char *text, const char *origin,
                               vt_error *err)
{
    vt_pipeline *p = vt_xcalloc(1, sizeof *p);
    p->origin = vt_xstrdup(origin ? origin : "<pipeline>");
    gchar **lines = g_strsplit(text, "\n", -1);
    vt_status st = VT_OK;
    for (size_t i = 0; lines[i] && !st; i++)
        st = parse_line(p, lines[i], i + 1, err);
    g_strfreev(lines);
    if (!st && p->n == 0)
        st = vt_error_set(err, VT_EUSAGE, "%s: no stages", p->origin);
    if (st) {
        vt_pipeline_free(p);
        return NULL;
    }
    compute_digest(p);
    return p;
}

vt_pipeline *vt_pipeline_load(const char *path, vt_error *err)
{
    char *text;
    size_t len;
    if (vt_read_file(path, 1 << 20, &text, &len, err))
        return NULL;
    if (!vt_utf8_valid(text, len, NULL)) {
        free(text);
        vt_error_set(err, VT_EUSAGE, "%s: pipeline file is not UTF-8 text", path);
        return NULL;
    }
    vt_pipeline *p = vt_pipeline_parse(text, path, err);
    free(text);
    return p;
}

void vt_pipeline_free(vt_pipeline *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++) {
        if (p->stages[i].opened && p->stages[i].cls->close)
            p->stages[i].cls->close(p->stages[i].state);
        vt_options_clear(&p->stages[i].opts);
    }
    free(p->stages);
    free(p->origin);
    free(p);
}

size_t vt_pipeline_length(const vt_pipeline *p)
{
    return p->n;
}

const char *vt_pipeline_stage_name(const vt_pipeline *p, size_t i)
{
    return i < p->n ? p->stages[i].cls->name : NULL;
}

const char *vt_pipeline_origin(const vt_pipeline *p)
{
    return p->origin;
}

const char *vt_pipeline_digest(const vt_pipeline *p)
{
    return p->digest;
}

vt_status vt_pipeline_set_option(vt_pipeline *p, const char *stage,
                                 const char *key, const char *value,
                                 vt_error *err)
{
    bool found = false;
    for (size_t i = 0; i < p->n; i++) {
        if (strcmp(p->stages[i].cls->name, stage) != 0)
            continue;
        vt_status st = vt_stage_check_option(p->stages[i].cls, key, value, err);
        if (st)
            return st;
        vt_options_set(&p->stages[i].opts, key, value);
        found = true;
    }
    if (found)
        compute_digest(p);
    return VT_OK;
}

vt_status vt_pipeline_open(vt_pipeline *p, vt_error *err)
{
    for (size_t i = 0; i < p->n; i++) {
        stage_slot *s = &p->stages[i];
        if (s->opened)
            continue;
        vt_status st = vt_stage_open(s->cls, &s->opts, &s->state, err);
        if (st) {
            vt_error_prefix(err, "%s:%zu: %s: ", p->origin, s->line, s->cls->name);
            return st;
        }
        s->opened = true;
    }
    compute_digest(p);
    return VT_OK;
}

vt_status vt_pipeline_run(vt_pipeline *p, vt_doc *doc, const char *stop_after,
                          vt_error *err)
{
    if (stop_after) {
        bool known = false;
        for (size_t i = 0; i < p->n; i++)
            known |= strcmp(p->stages[i].cls->name, stop_after) == 0;
        if (!known)
            return vt_error_set(err, VT_EUSAGE, "pipeline %s has no stage \"%s\" to stop "
                                "after", p->origin, stop_after);
    }
    vt_options_set(&doc->provenance, "pipeline", p->origin);
    vt_options_set(&doc->provenance, "pipeline_digest", p->digest);
    for (size_t i = 0; i < p->n; i++) {
        stage_slot *s = &p->stages[i];
        if (!s->cls->every_pass && vt_doc_stage_done(doc, s->cls->name))
            continue;
        if (!s->opened)
            return vt_error_set(err, VT_EINTERNAL, "pipeline %s not opened", p->origin);
        vt_status st = s->cls->run(s->state, doc, err);
        if (st)
            return st;
        vt_doc_mark_stage(doc, s->cls->name);
        if (stop_after && strcmp(stop_after, s->cls->name) == 0)
            break;
    }
    return VT_OK;
}
