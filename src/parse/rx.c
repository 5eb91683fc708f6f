/* rx.c — a thin wrapper over pcre2 for the field parsers. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <string.h>

#include "parse.h"

/* Patterns are the parser's own constants, so each is compiled once per
 * process (keyed by its address) and shared: compiled code is read-only
 * while matching.  Only the match data is per use. */
enum { RX_CACHE = 32 };
typedef struct cached {
    const char *pattern;
    bool utf;
    pcre2_code *code;
} cached;
static cached cache[RX_CACHE];
static size_t n_cache;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static pcre2_code *compile(const char *pattern, bool utf)
{
    int errcode;
    PCRE2_SIZE erroff;
    uint32_t opts = utf ? PCRE2_UTF | PCRE2_UCP : 0;
    return pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &errcode,
                         &erroff, NULL);
}

bool vt_rx_init(vt_rx *rx, const char *pattern, bool utf)
{
    memset(rx, 0, sizeof *rx);
    pthread_mutex_lock(&cache_lock);
    for (size_t i = 0; i < n_cache && !rx->code; i++)
        if (cache[i].pattern == pattern && cache[i].utf == utf)
            rx->code = cache[i].code;
    if (!rx->code) {
        rx->code = compile(pattern, utf);
        if (rx->code && n_cache < RX_CACHE)
            cache[n_cache++] = (cached){pattern, utf, rx->code};
        else
            rx->owned = rx->code != NULL;
    }
    pthread_mutex_unlock(&cache_lock);
    rx->md = rx->code ? pcre2_match_data_create_from_pattern(rx->code, NULL) : NULL;
    return rx->code && rx->md;
}

void vt_rx_clear(vt_rx *rx)
{
    pcre2_match_data_free(rx->md);
    if (rx->owned)
        pcre2_code_free(rx->code);
    memset(rx, 0, sizeof *rx);
}

bool vt_rx_find(vt_rx *rx, const char *s, size_t len, size_t from)
{
    if (!rx->code || from > len)
        return false;
    return pcre2_match(rx->code, (PCRE2_SPTR)s, len, from, 0, rx->md, NULL) > 0;
}

long vt_rx_start(const vt_rx *rx, int g)
{
    if ((uint32_t)g >= pcre2_get_ovector_count(rx->md))
        return -1;
    PCRE2_SIZE v = pcre2_get_ovector_pointer(rx->md)[2 * g];
    return v == PCRE2_UNSET ? -1 : (long)v;
}

long vt_rx_end(const vt_rx *rx, int g)
{
    if ((uint32_t)g >= pcre2_get_ovector_count(rx->md))
        return -1;
    PCRE2_SIZE v = pcre2_get_ovector_pointer(rx->md)[2 * g + 1];
    return v == PCRE2_UNSET ? -1 : (long)v;
}
