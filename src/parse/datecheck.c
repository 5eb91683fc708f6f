/* datecheck.c — the date's printed year against the page's other dates.
 *
 * A coarse scan blurs a printed digit into one of like shape: 3, 5 and 8
 * (a loop open or closed), 0, 6 and 9 (a loop with or without its tail).
 * The page tells when its date's year was misread so: a document is
 * dated no earlier than the documents its body cites (it rests on,
 * amends or answers documents already issued), no later than an e-office
 * signature over its header (the body's, or a copy's: both made once it
 * was issued), and in the year its number carries ("15/2026/TT-BCT").
 * A date outside those bounds has its year read again, one digit for
 * one of like shape; when exactly one reading fits bounds on both sides
 * given by two of those sources, it is taken, flagged repaired.
 * Otherwise the date is kept, its confidence lowered and a warning given:
 * a cited document's date is a bound, never the document's own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confidence.h"
#include "parse.h"

/* What a bound comes from. */
enum source { NONE, CITED, SIGNED, NUMBERED };

/* The days a date may fall on, as YYYYMMDD (hi 0: no upper bound), each
 * with its source. */
typedef struct bounds {
    long lo, hi;
    enum source lo_from, hi_from;
} bounds;

/* The first and last day a value of the date ("YYYY-MM-DD", "YYYY-MM",
 * "YYYY") may stand for; false when it is none of those. */
static bool date_span(const char *v, int year, long *first, long *last)
{
    int y, m = 0, d = 0;
    int n = v ? sscanf(v, "%d-%d-%d", &y, &m, &d) : 0;
    if (n < 1)
        return false;
    if (year)
        y = year;
    *first = y * 10000L + (m ? m : 1) * 100L + (d ? d : 1);
    *last = y * 10000L + (m ? m : 12) * 100L + (d ? d : 31);
    return n == 3 ? vt_date_valid(y, m, d) : n == 2 ? vt_date_valid(y, m, 1) : true;
}

static void raise_lo(bounds *b, long v, enum source from)
{
    if (v > b->lo) {
        b->lo = v;
        b->lo_from = from;
    }
}

static void lower_hi(bounds *b, long v, enum source from)
{
    if (!b->hi || v < b->hi) {
        b->hi = v;
        b->hi_from = from;
    }
}

/* The year a number carries as its second part ("15/2026/TT-BCT"), 0 for none. */
static int number_year(const char *number)
{
    const char *slash = number ? strchr(number, '/') : NULL;
    int y = 0, len = 0;
    if (!slash || sscanf(slash + 1, "%d%n", &y, &len) != 1 || len != 4 || slash[5] != '/')
        return 0;
    return vt_date_valid(y, 1, 1) ? y : 0;
}

/* The page's other dates: the latest a reference carries, the signing
 * day, the number's year.  A reference whose date falls outside the year
 * its own number carries ("12/2024/TT-BTC ngày ... năm 2027") was
 * misread or misprinted: it bounds nothing. */
static bounds page_bounds(const json_t *meta)
{
    bounds b = {0};
    const json_t *refs = json_object_get(meta, "references");
    for (size_t i = 0; i < json_array_size(refs); i++) {
        const json_t *r = json_array_get(refs, i);
        long first, last;
        const char *v = json_string_value(json_object_get(r, "date"));
        int y = number_year(json_string_value(json_object_get(r, "number")));
        if (date_span(v, 0, &first, &last) && (!y || first / 10000 == y))
            raise_lo(&b, first, CITED);
    }
    long first, last;
    const json_t *signing = json_object_get(meta, "digital_signature");
    if (date_span(json_string_value(json_object_get(signing, "time")), 0, &first, &last))
        lower_hi(&b, last, SIGNED);
    int y = number_year(json_string_value(json_object_get(json_object_get(meta, "number"), "value")));
    if (y) {
        raise_lo(&b, y * 10000L + 101, NUMBERED);
        lower_hi(&b, y * 10000L + 1231, NUMBERED);
    }
    return b;
}

static bool within(const bounds *b, long first, long last)
{
    return last >= b->lo && (!b->hi || first <= b->hi);
}

/* The digits a coarse scan blurs the printed digit c with. */
static const char *like_shapes(char c)
{
    static const char *const groups[] = {"358", "069"};
    for (size_t g = 0; g < sizeof groups / sizeof *groups; g++)
        if (strchr(groups[g], c))
            return groups[g];
    return "";
}

/* The one year, read again one digit for one of like shape, that puts the
 * date within b; 0 when none or several do. */
static int year_within(const char *v, const bounds *b)
{
    int found = 0;
    for (int i = 0; i < 4; i++)
        for (const char *o = like_shapes(v[i]); *o; o++) {
            if (*o == v[i])
                continue;
            char y[5];
            memcpy(y, v, 4);
            y[4] = '\0';
            y[i] = *o;
            long first, last;
            if (!date_span(v, atoi(y), &first, &last) || !within(b, first, last))
                continue;
            if (found)
                return 0;
            found = atoi(y);
        }
    return found;
}

void vt_check_date_year(vt_pctx *cx)
{
    json_t *f = json_object_get(cx->meta, "date");
    const char *v = json_string_value(json_object_get(f, "value"));
    long first, last;
    if (!v || strlen(v) < 4 || !date_span(v, 0, &first, &last))
        return;
    bounds b = page_bounds(cx->meta);
    if (within(&b, first, last))
        return;
    json_int_t line = json_integer_value(json_object_get(json_object_get(f, "evidence"), "line"));
    bool both = b.lo_from != NONE && b.hi && b.lo_from != b.hi_from;
    int y = both ? year_within(v, &b) : 0;
    if (!y) {
        bool early = last < b.lo;
        long bound = early ? b.lo : b.hi;
        vt_pctx_warn(cx, "line %lld: date %s is %s %04ld-%02ld-%02ld, the %s the page's other dates "
                     "allow; kept", (long long)line, v, early ? "before" : "after", bound / 10000,
                     bound / 100 % 100, bound % 100, early ? "earliest" : "latest");
        json_object_set_new(f, "confidence", json_real(vt_conf_rounded(VT_CONF_DATE_IMPLAUSIBLE)));
        return;
    }
    char iso[16];
    snprintf(iso, sizeof iso, "%04d%s", y, v + 4);
    vt_pctx_warn(cx, "line %lld: date %s is outside the page's other dates; its year read as %d",
                 (long long)line, v, y);
    json_object_set_new(f, "value", json_string(iso));
    json_object_set_new(f, "repaired", json_true());
    double conf = json_real_value(json_object_get(f, "confidence"));
    if (conf > VT_CONF_DATE_REPAIRED)
        json_object_set_new(f, "confidence", json_real(vt_conf_rounded(VT_CONF_DATE_REPAIRED)));
}
