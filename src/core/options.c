/* options.c — key=value pairs, and the option tables stages declare: every
 * value is checked and turned into its C type here, once, so that a stage's
 * open() receives a filled struct and never parses text. */
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void vt_options_set(vt_options *opts, const char *key, const char *value)
{
    for (size_t i = 0; i < opts->n; i++)
        if (strcmp(opts->keys[i], key) == 0) {
            free(opts->values[i]);
            opts->values[i] = vt_xstrdup(value);
            return;
        }
    size_t cap = opts->cap;
    VT_GROW(opts->keys, opts->n, cap);
    cap = opts->cap;
    VT_GROW(opts->values, opts->n, cap);
    opts->cap = cap;
    opts->keys[opts->n] = vt_xstrdup(key);
    opts->values[opts->n] = vt_xstrdup(value);
    opts->n++;
}

const char *vt_options_get(const vt_options *opts, const char *key,
                           const char *fallback)
{
    for (size_t i = 0; opts && i < opts->n; i++)
        if (strcmp(opts->keys[i], key) == 0)
            return opts->values[i];
    return fallback;
}

void vt_options_clear(vt_options *opts)
{
    for (size_t i = 0; i < opts->n; i++) {
        free(opts->keys[i]);
        free(opts->values[i]);
    }
    free(opts->keys);
    free(opts->values);
    memset(opts, 0, sizeof *opts);
}

void vt_option_describe(const vt_option_spec *o, char *buf, size_t size)
{
    switch (o->type) {
    case VT_OPTION_INT:
        snprintf(buf, size, "int %.0f..%.0f", o->min, o->max);
        break;
    case VT_OPTION_DOUBLE:
        snprintf(buf, size, "double %g..%g", o->min, o->max);
        break;
    case VT_OPTION_BOOL:
        snprintf(buf, size, "yes|no");
        break;
    case VT_OPTION_CHOICE:
        buf[0] = '\0';
        for (size_t i = 0; o->choices[i]; i++)
            g_strlcat(buf, i ? "|" : "", size), g_strlcat(buf, o->choices[i], size);
        break;
    case VT_OPTION_STRING:
        snprintf(buf, size, "string");
        break;
    case VT_OPTION_PATH:
        snprintf(buf, size, "path");
        break;
    }
}

/* Turn `v` into the option's C type at `field` (NULL: only check it).
 * False when the option does not allow it. */
static bool parse_value(const vt_option_spec *o, const char *v, void *field)
{
    char *end;
    errno = 0;
    switch (o->type) {
    case VT_OPTION_INT: {
        long n = strtol(v, &end, 10);
        if (errno || end == v || *end || n < (long)o->min || n > (long)o->max)
            return false;
        if (field)
            *(long *)field = n;
        return true;
    }
    case VT_OPTION_DOUBLE: {
        double d = strtod(v, &end);
        /* Written this way round, NaN is refused too. */
        if (errno || end == v || *end || !(d >= o->min && d <= o->max))
            return false;
        if (field)
            *(double *)field = d;
        return true;
    }
    case VT_OPTION_BOOL: {
        bool yes = strcmp(v, "yes") == 0;
        if (!yes && strcmp(v, "no") != 0)
            return false;
        if (field)
            *(bool *)field = yes;
        return true;
    }
    case VT_OPTION_CHOICE:
        for (int i = 0; o->choices[i]; i++)
            if (strcmp(v, o->choices[i]) == 0) {
                if (field)
                    *(int *)field = i;
                return true;
            }
        return false;
    case VT_OPTION_STRING:
    case VT_OPTION_PATH:
        if (!*v)
            return false;
        if (field)
            *(const char **)field = v;
        return true;
    }
    return false;
}

const vt_option_spec *vt_stage_option(const vt_stage_class *cls, const char *key)
{
    for (const vt_option_spec *o = cls->options; o && o->key; o++)
        if (strcmp(o->key, key) == 0)
            return o;
    return NULL;
}

vt_status vt_stage_check_option(const vt_stage_class *cls, const char *key,
                                const char *value, vt_error *err)
{
    const vt_option_spec *o = vt_stage_option(cls, key);
    if (!o) {
        char keys[512] = "";
        for (const vt_option_spec *k = cls->options; k && k->key; k++)
            g_strlcat(keys, k == cls->options ? "" : ", ", sizeof keys),
                g_strlcat(keys, k->key, sizeof keys);
        return vt_error_set(err, VT_EUSAGE, "stage %s has no option \"%s\" (%s%s)",
                            cls->name, key, *keys ? "options: " : "it takes none",
                            keys);
    }
    if (!parse_value(o, value, NULL)) {
        char allowed[256];
        vt_option_describe(o, allowed, sizeof allowed);
        return vt_error_set(err, VT_EUSAGE,
                            "stage %s: option %s=%s is not allowed (expected %s%s)",
                            cls->name, key, value,
                            o->type == VT_OPTION_STRING || o->type == VT_OPTION_PATH
                                ? "a non-empty "
                                : "",
                            allowed);
    }
    return VT_OK;
}

vt_status vt_stage_open(const vt_stage_class *cls, const vt_options *opts,
                        void **state, vt_error *err)
{
    *state = NULL;
    for (size_t i = 0; opts && i < opts->n; i++) {
        vt_status st = vt_stage_check_option(cls, opts->keys[i], opts->values[i], err);
        if (st)
            return st;
    }
    if (!cls->open)
        return VT_OK;
    unsigned char *filled = vt_xcalloc(1, cls->options_size ? cls->options_size : 1);
    for (const vt_option_spec *o = cls->options; o && o->key; o++) {
        const char *v = vt_options_get(opts, o->key, o->fallback);
        if (v && !parse_value(o, v, filled + o->offset)) {
            free(filled);
            return vt_error_set(err, VT_EINTERNAL, "stage %s: the default %s=%s is not "
                                "allowed by its own option", cls->name, o->key, v);
        }
    }
    vt_status st = cls->open(state, filled, err);
    free(filled);
    return st;
}
