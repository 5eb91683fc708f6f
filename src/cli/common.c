/* common.c — input, output and pipeline helpers the commands share. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <jansson.h>

#include "cli.h"

int vt_cli_report(const vt_error *err)
{
    fprintf(stderr, "vanthu: %s\n", err->message);
    return err->status;
}

int vt_cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "vanthu %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n(see 'vanthu %s --help')\n", cmd);
    return VT_EUSAGE;
}

bool vt_cli_wants_help(int argc, char **argv, const char *help)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help, stdout);
            return true;
        }
    }
    return false;
}

vt_pipeline *vt_cli_pipeline(const char *name, vt_error *err)
{
    if (strchr(name, '/') || strstr(name, ".pipe"))
        return vt_pipeline_load(name, err);
    char *rel = g_strdup_printf("pipeline/%s.pipe", name);
    char *path = vt_data_path(rel, err);
    g_free(rel);
    vt_pipeline *p = path ? vt_pipeline_load(path, err) : NULL;
    free(path);
    return p;
}

static vt_status read_stdin(char **out, size_t *len, vt_error *err)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return vt_error_set(err, VT_EINTERNAL, "out of memory");
    for (;;) {
        if (n == cap) {
            if (cap >= ((size_t)1 << 30)) {
                free(buf);
                return vt_error_set(err, VT_EINPUT, "standard input: more than 1 GiB");
            }
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                return vt_error_set(err, VT_EINTERNAL, "out of memory");
            }
            buf = nb;
        }
        size_t got = fread(buf + n, 1, cap - n, stdin);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(stdin)) {
        free(buf);
        return vt_error_set(err, VT_EINPUT, "standard input: read error");
    }
    *out = buf;
    *len = n;
    return VT_OK;
}

vt_status vt_cli_open_input(const char *path, vt_doc **doc, vt_error *err)
{
    *doc = NULL;
    char *bytes = NULL;
    size_t len = 0;
    bool is_stdin = !path || strcmp(path, "-") == 0;
    vt_status st = is_stdin ? read_stdin(&bytes, &len, err)
                            : vt_read_file(path, (size_t)1 << 30, &bytes, &len, err);
    if (st)
        return st;
    if (vt_sniff((const unsigned char *)bytes, len) == VT_KIND_RECORD) {
        json_error_t jerr;
        json_t *j = json_loadb(bytes, len, 0, &jerr);
        free(bytes);
        if (!j)
            return vt_error_set(err, VT_EINPUT, "%s: line %d: bad record JSON: %s",
                                is_stdin ? "-" : path, jerr.line, jerr.text);
        *doc = vt_doc_from_json(j, err);
        json_decref(j);
        if (!*doc) {
            vt_error_prefix(err, "%s: ", is_stdin ? "-" : path);
            return err->status;
        }
        return VT_OK;
    }
    *doc = vt_doc_new(is_stdin ? "-" : path);
    (*doc)->bytes = (unsigned char *)bytes;
    (*doc)->n_bytes = len;
    return VT_OK;
}

vt_status vt_cli_read_json_object(const char *path, size_t max_bytes, const char *what,
                                  json_t **out, vt_error *err)
{
    char *bytes = NULL;
    size_t len = 0;
    *out = NULL;
    vt_status st = vt_read_file(path, max_bytes, &bytes, &len, err);
    if (st)
        return st;
    json_error_t jerr;
    *out = json_loadb(bytes, len, 0, &jerr);
    free(bytes);
    if (!*out || !json_is_object(*out)) {
        json_decref(*out);
        *out = NULL;
        return vt_error_set(err, VT_EINPUT, "%s: line %d: not a %s: %s", path, jerr.line, what,
                            *jerr.text ? jerr.text : "not a JSON object");
    }
    return VT_OK;
}

vt_status vt_cli_print_json(json_t *j, size_t flags, vt_error *err)
{
    char *text = json_dumps(j, flags);
    json_decref(j);
    if (!text)
        return vt_error_set(err, VT_EINTERNAL, "cannot serialise JSON");
    vt_status st = vt_cli_write(NULL, text, strlen(text), err);
    if (!st)
        st = vt_cli_write(NULL, "\n", 1, err);
    free(text);
    return st;
}

/* A lock on the whole of fd's file held by this open file (an OFD lock):
 * the kernel drops it when the file is closed or its process dies, and
 * every process sees it, on NFS every host too.  A writer holds a write
 * lock on its temporary record file for as long as it needs the file, so a
 * temporary file that nobody holds is left over from a killed writer,
 * wherever that ran; a process number in the name could only tell that of
 * processes on this host. */
static int lock_whole(int fd, short type)
{
    struct flock lock = {.l_type = type, .l_whence = SEEK_SET};
    return fcntl(fd, F_OFD_SETLK, &lock);
}

/* Whether path still names fd's file: a run starting may have removed it
 * between its creation and its lock (errno ENOENT when it did). */
static bool still_named(int fd, const char *path)
{
    struct stat held, named;
    if (fstat(fd, &held) != 0 || stat(path, &named) != 0)
        return false;
    if (held.st_dev == named.st_dev && held.st_ino == named.st_ino)
        return true;
    errno = ENOENT;
    return false;
}

static bool held_by_another(int error)
{
    return error == EAGAIN || error == EACCES;
}

/* Open tmp for writing, empty, with a write lock on it; -1 and errno when
 * that fails (held_by_another: another process holds it).  On a file
 * system without locks the file is written unheld: a run starting can then
 * not tell it stale, and leaves it. */
static int open_held(const char *tmp)
{
    for (;;) {
        int fd = open(tmp, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            return -1;
        bool held = lock_whole(fd, F_WRLCK) == 0 || !held_by_another(errno);
        if (held && still_named(fd, tmp) && ftruncate(fd, 0) == 0)
            return fd;
        int e = errno;
        close(fd);
        if (e != ENOENT) {
            errno = e;
            return -1;
        }
    }
}

void vt_cli_remove_unheld(const char *tmp)
{
    int fd = open(tmp, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return;
    if (lock_whole(fd, F_RDLCK) == 0 && still_named(fd, tmp))
        unlink(tmp);
    close(fd);
}

vt_status vt_cli_write(const char *path, const char *bytes, size_t len, vt_error *err)
{
    if (!path || strcmp(path, "-") == 0) {
        if (fwrite(bytes, 1, len, stdout) != len || fflush(stdout) != 0)
            return vt_error_set(err, VT_EOUTPUT, "standard output: %s", strerror(errno));
        return VT_OK;
    }
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 32);
    if (!tmp)
        return vt_error_set(err, VT_EINTERNAL, "out of memory");
    /* Same directory, so the rename is atomic; a dot name so a half-written
     * file is never mistaken for a record.  The name is cut so that the
     * temporary name of a name near NAME_MAX still fits. */
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
    snprintf(tmp, plen + 32, "%.*s.%.200s.tmp-%ld", (int)dirlen, path, path + dirlen,
             (long)getpid());
    int fd = open_held(tmp);
    vt_status st = VT_OK;
    if (fd < 0) {
        st = vt_error_set(err, VT_EOUTPUT, "%s: %s", path,
                          held_by_another(errno) ? "its temporary file is being written by another run"
                                          : strerror(errno));
        free(tmp);
        return st;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, bytes + off, len - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            st = vt_error_set(err, VT_EOUTPUT, "%s: %s", path, strerror(errno));
            break;
        }
        off += (size_t)w;
    }
    if (!st && fsync(fd) != 0)
        st = vt_error_set(err, VT_EOUTPUT, "%s: %s", path, strerror(errno));
    /* Renamed while still held, so that no run starting meanwhile takes it
     * for a killed writer's. */
    if (!st && rename(tmp, path) != 0)
        st = vt_error_set(err, VT_EOUTPUT, "%s: %s", path, strerror(errno));
    if (close(fd) != 0 && !st)
        st = vt_error_set(err, VT_EOUTPUT, "%s: %s", path, strerror(errno));
    if (st)
        unlink(tmp);
    free(tmp);
    return st;
}
