/* meta.c — the shapes of doc/metadata.md: fields, evidence, missing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "confidence.h"
#include "internal.h"
#include "parse.h"

json_t *vt_evidence(const vt_pctx *cx, size_t from, size_t to)
{
    json_t *ev = json_object();
    if (from >= cx->n)
        return ev;
    if (to >= cx->n || to < from)
        to = from;
    const vt_pline *a = &cx->lines[from];
    json_object_set_new(ev, "line", json_integer((json_int_t)a->number));
    if (to > from)
        json_object_set_new(ev, "line_end", json_integer((json_int_t)cx->lines[to].number));
    json_object_set_new(ev, "page", json_integer((json_int_t)a->page + 1));
    /* Union of the boxes of the lines on the first line's page. */
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool any = false;
    for (size_t i = from; i <= to; i++) {
        const vt_pline *l = &cx->lines[i];
        if (l->box.w <= 0 || l->page != a->page)
            continue;
        if (!any) {
            x0 = l->box.x;
            y0 = l->box.y;
            x1 = l->box.x + l->box.w;
            y1 = l->box.y + l->box.h;
            any = true;
            continue;
        }
        if (l->box.x < x0) x0 = l->box.x;
        if (l->box.y < y0) y0 = l->box.y;
        if (l->box.x + l->box.w > x1) x1 = l->box.x + l->box.w;
        if (l->box.y + l->box.h > y1) y1 = l->box.y + l->box.h;
    }
    if (any)
        json_object_set_new(ev, "box", json_pack("[iiii]", x0, y0, x1 - x0, y1 - y0));
    return ev;
}

json_t *vt_field(const vt_pctx *cx, const char *key, const char *value,
                 const char *raw, double confidence, size_t from, size_t to)
{
    json_t *f = json_object();
    json_object_set_new(f, key, json_string(value));
    if (raw)
        json_object_set_new(f, "raw", json_string(raw));
    json_object_set_new(f, "confidence", json_real(vt_conf_rounded(confidence)));
    json_object_set_new(f, "evidence", vt_evidence(cx, from, to));
    return f;
}

double vt_conf_rounded(double confidence)
{
    return (double)(int)(confidence * 1000 + 0.5) / 1000;
}

double vt_conf_truncated(double confidence)
{
    return (double)(int)(confidence * 1000) / 1000;
}

void vt_missing(vt_pctx *cx, const char *field)
{
    json_array_append_new(cx->missing, json_string(field));
}

void vt_pctx_warn(vt_pctx *cx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    VT_GROW(cx->warnings, cx->n_warnings, cx->cap_warnings);
    cx->warnings[cx->n_warnings++] = vt_xstrdup(buf);
}
