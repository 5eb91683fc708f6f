/* internal.h — helpers shared by the library's own files; not installed. */
#ifndef VT_INTERNAL_H
#define VT_INTERNAL_H

#include <stddef.h>

#include "vanthu.h"

/* Allocation failure is not recoverable in any useful way for a document
 * filter; these abort rather than return NULL so callers stay simple. */
void *vt_xmalloc(size_t n);
void *vt_xcalloc(size_t n, size_t size);
void *vt_xrealloc(void *p, size_t n);
char *vt_xstrdup(const char *s);
char *vt_xstrndup(const char *s, size_t n);
char *vt_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Make room for one more element in a growing array. */
#define VT_GROW(arr, n, cap)                                                  \
    do {                                                                      \
        if ((n) >= (cap)) {                                                   \
            (cap) = (cap) ? 2 * (cap) : 8;                                    \
            (arr) = vt_xrealloc((arr), (cap) * sizeof *(arr));                \
        }                                                                     \
    } while (0)

/* True when bytes are valid UTF-8 without NUL; *bad_offset gets the first
 * offending byte otherwise. */
bool vt_utf8_valid(const char *bytes, size_t len, size_t *bad_offset);

/* Re-ingest pixels for a document restored from a record: stages that need
 * images call this when pages have none. */
vt_status vt_ingest_images(vt_doc *doc, vt_error *err);

#endif
