/* rx.c — a thin wrapper over pcre2 for the field parsers. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "parse.h"

bool vt_rx_init(vt_rx *rx, const char *pattern, bool utf)
{
    int errcode;
    PCRE2_SIZE erroff;
    uint32_t opts = utf ? PCRE2_UTF | PCRE2_UCP : 0;
    rx->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts,
                             &errcode, &erroff, NULL);
    rx->md = rx->code ? pcre2_match_data_create_from_pattern(rx->code, NULL) : NULL;
    return rx->code && rx->md;
}

void vt_rx_clear(vt_rx *rx)
{
    pcre2_match_data_free(rx->md);
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
