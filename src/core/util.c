/* util.c — allocation, files, content sniffing, data files, names. */
#include <dlfcn.h>
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"
#include "vt_config.h"

void *vt_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        abort();
    return p;
}

void *vt_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        abort();
    return p;
}

void *vt_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        abort();
    return q;
}

char *vt_xstrdup(const char *s)
{
    return s ? vt_xstrndup(s, strlen(s)) : NULL;
}

char *vt_xstrndup(const char *s, size_t n)
{
    char *p = vt_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *vt_xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = vt_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

bool vt_utf8_valid(const char *bytes, size_t len, size_t *bad_offset)
{
    const char *end = NULL;
    if (memchr(bytes, '\0', len)) {
        if (bad_offset)
            *bad_offset = (size_t)((const char *)memchr(bytes, '\0', len) - bytes);
        return false;
    }
    if (g_utf8_validate(bytes, (gssize)len, &end))
        return true;
    if (bad_offset)
        *bad_offset = (size_t)(end - bytes);
    return false;
}

vt_status vt_read_file(const char *path, size_t max_bytes, char **out,
                       size_t *len, vt_error *err)
{
    struct stat st;
    *out = NULL;
    *len = 0;
    if (stat(path, &st) != 0)
        return vt_error_set(err, VT_EINPUT, "%s: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return vt_error_set(err, VT_EINPUT, "%s: is a directory, not a file", path);
    if (!S_ISREG(st.st_mode))
        return vt_error_set(err, VT_EINPUT, "%s: not a regular file", path);
    if ((size_t)st.st_size > max_bytes)
        return vt_error_set(err, VT_EINPUT,
                            "%s: %lld bytes is more than the %zu allowed",
                            path, (long long)st.st_size, max_bytes);
    FILE *f = fopen(path, "rb");
    if (!f)
        return vt_error_set(err, VT_EINPUT, "%s: %s", path, strerror(errno));
    char *buf = vt_xmalloc((size_t)st.st_size + 1);
    size_t n = fread(buf, 1, (size_t)st.st_size, f);
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        return vt_error_set(err, VT_EINPUT, "%s: read error", path);
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return VT_OK;
}

static bool starts(const unsigned char *b, size_t len, const char *magic, size_t n)
{
    return len >= n && memcmp(b, magic, n) == 0;
}

vt_kind vt_sniff(const unsigned char *b, size_t len)
{
    if (starts(b, len, "\x89PNG\r\n\x1a\n", 8))
        return VT_KIND_PNG;
    if (starts(b, len, "\xff\xd8\xff", 3))
        return VT_KIND_JPEG;
    if (starts(b, len, "II*\0", 4) || starts(b, len, "MM\0*", 4))
        return VT_KIND_TIFF;
    if (starts(b, len, "%PDF-", 5))
        return VT_KIND_PDF;
    if (len >= 3 && b[0] == 'P' && b[1] >= '1' && b[1] <= '6' &&
        (b[2] == ' ' || b[2] == '\n' || b[2] == '\r' || b[2] == '\t'))
        return VT_KIND_PNM;
    size_t i = 0;
    if (starts(b, len, "\xef\xbb\xbf", 3))
        i = 3;
    while (i < len && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t'))
        i++;
    if (i < len && b[i] == '{' && len - i > 12 &&
        memmem(b + i, len - i < 4096 ? len - i : 4096, "\"vanthu_record\"", 15))
        return VT_KIND_RECORD;
    if (vt_utf8_valid((const char *)b, len, NULL))
        return VT_KIND_TEXT;
    /* Text in a legacy encoding, or with a damaged byte, is still text:
     * ingest then names the line that is not UTF-8.  Binary data has
     * control bytes. */
    size_t n = len < 4096 ? len : 4096, control = 0;
    for (size_t k = 0; k < n; k++)
        control += b[k] < 0x20 && b[k] != '\t' && b[k] != '\n' && b[k] != '\r' &&
                   b[k] != '\f';
    return n && control == 0 ? VT_KIND_TEXT : VT_KIND_UNKNOWN;
}

void vt_sha256_hex(const void *bytes, size_t len, char out[65])
{
    gchar *hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, bytes, len);
    snprintf(out, 65, "%s", hex);
    g_free(hex);
}

/* Whether the library running is the one in its build directory (an
 * uninstalled build): told by where the running code was loaded from, so
 * that an installed library never reads the build or source tree, and a
 * build's own tests need no setting to find what it made.  Code linked
 * into the program is named by the program's argv[0], a bare name when a
 * shell found it on PATH (as a job script runs `vanthu`): the kernel's
 * link to the program file names it then. */
static bool running_uninstalled(void)
{
    Dl_info info;
    if (!dladdr((void *)running_uninstalled, &info) || !info.dli_fname)
        return false;
    const char *loaded = strcmp(info.dli_fname, program_invocation_name) == 0
                             ? "/proc/self/exe" : info.dli_fname;
    char *self = realpath(loaded, NULL), *build = realpath(VT_BUILD_DATA_DIR, NULL);
    size_t n = build ? strlen(build) : 0;
    bool inside = self && build && strncmp(self, build, n) == 0 && self[n] == '/';
    free(self);
    free(build);
    return inside;
}

char *vt_data_path(const char *name, vt_error *err)
{
    const char *env = getenv("VANTHU_DATA");
    /* The build makes the model in src/restore; pipeline/ and dict/ are
     * read where they lie in the source tree. */
    const char *dirs[2] = {VT_BUILD_DATA_DIR "/src/restore", VT_SOURCE_DIR};
    size_t n = 2;
    if (env && *env)
        dirs[0] = env, n = 1;
    else if (!running_uninstalled())
        dirs[0] = VT_INSTALL_DATA_DIR, n = 1;
    for (size_t i = 0; i < n; i++) {
        char *path = vt_xasprintf("%s/%s", dirs[i], name);
        if (access(path, R_OK) == 0)
            return path;
        free(path);
    }
    vt_error_set(err, VT_EDEPEND, "%s not found in %s%s%s%s", name, dirs[0],
                 n > 1 ? " nor " : "", n > 1 ? dirs[1] : "",
                 env && *env ? " (VANTHU_DATA)" : "");
    return NULL;
}

/* Enum <-> name tables: an enum value indexes its name. */
static const char *name_of(const char *const *names, size_t n, size_t value)
{
    return value < n ? names[value] : names[0];
}

static size_t value_of(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; name && i < n; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return 0;
}

#define N_OF(a) (sizeof a / sizeof *a)

static const char *const kind_names[] = {
    [VT_KIND_UNKNOWN] = "unknown", [VT_KIND_TEXT] = "text",
    [VT_KIND_PNG] = "png",         [VT_KIND_JPEG] = "jpeg",
    [VT_KIND_TIFF] = "tiff",       [VT_KIND_PNM] = "pnm",
    [VT_KIND_PDF] = "pdf",         [VT_KIND_RECORD] = "record",
};

static const char *const role_names[] = {
    [VT_ROLE_NONE] = "none",
    [VT_ROLE_HEADER_LEFT] = "header-left",
    [VT_ROLE_HEADER_RIGHT] = "header-right",
    [VT_ROLE_BODY] = "body",
    [VT_ROLE_FOOTER_LEFT] = "footer-left",
    [VT_ROLE_FOOTER_RIGHT] = "footer-right",
};

static const char *const text_source_names[] = {
    [VT_TEXT_SOURCE_NONE] = "none",
    [VT_TEXT_SOURCE_OCR] = "ocr",
    [VT_TEXT_SOURCE_LAYER] = "text-layer",
};

const char *vt_kind_name(vt_kind kind)
{
    return name_of(kind_names, N_OF(kind_names), (size_t)kind);
}

vt_kind vt_kind_from_name(const char *name)
{
    return (vt_kind)value_of(kind_names, N_OF(kind_names), name);
}

const char *vt_role_name(vt_role role)
{
    return name_of(role_names, N_OF(role_names), (size_t)role);
}

vt_role vt_role_from_name(const char *name)
{
    return (vt_role)value_of(role_names, N_OF(role_names), name);
}

const char *vt_text_source_name(vt_text_source source)
{
    return name_of(text_source_names, N_OF(text_source_names), (size_t)source);
}

vt_text_source vt_text_source_from_name(const char *name)
{
    return (vt_text_source)value_of(text_source_names, N_OF(text_source_names), name);
}
