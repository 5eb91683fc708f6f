/* options.c — key=value options of a stage. */
#include <errno.h>
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

vt_status vt_options_int(const vt_options *opts, const char *key, long fallback,
                         long min, long max, long *out, vt_error *err)
{
    const char *v = vt_options_get(opts, key, NULL);
    if (!v) {
        *out = fallback;
        return VT_OK;
    }
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < min || n > max)
        return vt_error_set(err, VT_EUSAGE,
                            "option %s=%s: expected a whole number from %ld to %ld",
                            key, v, min, max);
    *out = n;
    return VT_OK;
}

vt_status vt_options_double(const vt_options *opts, const char *key,
                            double fallback, double *out, vt_error *err)
{
    const char *v = vt_options_get(opts, key, NULL);
    if (!v) {
        *out = fallback;
        return VT_OK;
    }
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (errno || end == v || *end)
        return vt_error_set(err, VT_EUSAGE, "option %s=%s: expected a number", key, v);
    *out = d;
    return VT_OK;
}

vt_status vt_options_bool(const vt_options *opts, const char *key, bool fallback,
                          bool *out, vt_error *err)
{
    const char *v = vt_options_get(opts, key, NULL);
    if (!v)
        *out = fallback;
    else if (strcmp(v, "yes") == 0)
        *out = true;
    else if (strcmp(v, "no") == 0)
        *out = false;
    else
        return vt_error_set(err, VT_EUSAGE, "option %s=%s: expected yes or no", key, v);
    return VT_OK;
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
