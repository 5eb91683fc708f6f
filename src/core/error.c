/* error.c — errors as values. */
#include <stdio.h>
#include <string.h>

#include "vanthu.h"

vt_status vt_error_set(vt_error *err, vt_status status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->status = status;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return status;
}

void vt_error_prefix(vt_error *err, const char *fmt, ...)
{
    if (!err)
        return;
    char prefix[512], old[sizeof err->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, err->message, sizeof old);
    size_t n = strlen(prefix);
    if (n >= sizeof err->message)
        n = sizeof err->message - 1;
    memcpy(err->message, prefix, n);
    size_t room = sizeof err->message - 1 - n, m = strlen(old);
    memcpy(err->message + n, old, m < room ? m : room);
    err->message[n + (m < room ? m : room)] = '\0';
}

const char *vt_status_name(vt_status status)
{
    switch (status) {
    case VT_OK: return "ok";
    case VT_EUSAGE: return "usage";
    case VT_EINPUT: return "bad-input";
    case VT_EDEPEND: return "missing-dependency";
    case VT_EOUTPUT: return "output";
    case VT_EINTERNAL: return "internal";
    case VT_EPARTIAL: return "partial";
    }
    return "unknown";
}

const char *vt_version(void)
{
    return VT_VERSION;
}
