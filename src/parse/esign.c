/* esign.c — the e-office signature overlay, and the date it vouches for.
 *
 * An issuing body that signs a dispatch electronically has the e-office
 * system stamp an overlay in the page's top corner: "Ký bởi: <body>",
 * "Cơ quan: <body>, <province>", "Thời gian ký: 02.04.2026 14:24:26
 * +07:00".  OCR damages its labels and splits it over lines ("Thời gian
 * ký:" / "19.02.2025 07:55:13" / "+07:00").  The văn thư applies the body's
 * signature when the number and date are given, so the document is dated
 * the signing day or a few days before it: the overlay completes a date
 * whose day or month was written by hand and not read, and mends a
 * hand-read one that cannot be right.  Only the header's zone is read: a
 * date in the body is a cited document's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "confidence.h"
#include "internal.h"
#include "parse.h"

/* How many days before its signing a document may be dated.  The overlay
 * is stamped when the number and date are given, or a day or so after. */
#define SIGN_LAG_DAYS 7
/* How many lines above its time an overlay's labels may stand. */
#define OVERLAY_LINES 5
/* A page whose header was not found: its first lines. */
#define TOP_LINES 8
/* OCR cost forgiven a label: about one letter in five confused or lost. */
#define LABEL_COST 0.25

/* The signing time: date, then hours, minutes and seconds, each a run of
 * digits or the letters OCR makes of them; the date's separators, the
 * space before the clock and the separator between hours and minutes may
 * be lost (a compressed or bilevel scan's small print runs
 * "DD.MMYYYYhh:mm", even "DDMMYYYYhh:mm", together: the parts are told
 * apart by their digits' count; read_time wants the clock's colon when
 * the date has no separator left); then the offset from UTC, maybe on
 * the next line. */
static const char time_pattern[] =
    "(?:^|[^0-9a-z])(" VT_RX_DIGIT "{2})\\s*[./-]?\\s*(" VT_RX_DIGIT "{2})\\s*[./-]?\\s*"
    "(" VT_RX_DIGIT "{4})\\s*(" VT_RX_DIGIT "{1,2})\\s*[:.;]?\\s*(" VT_RX_DIGIT "{2})"
    "(?:\\s*[:.;]\\s*(" VT_RX_DIGIT "{2}))?"
    "(?:\\s*([+-])\\s*(" VT_RX_DIGIT "{2})\\s*[:.]?\\s*(" VT_RX_DIGIT "{2}))?";

typedef struct signing {
    int y, m, d, hh, mm, ss;
    bool offset;
    char sign;
    int off_h, off_m;
    size_t from, to; /* the overlay's lines, indexes */
    size_t time_line;
    bool copy; /* "SAO Y": a certified copy's signature, not the issuer's */
} signing;

/* The number a run of OCR digits stands for (vt_ocr_digit). */
static int digits_value(const char *s, long a, long b)
{
    int v = 0;
    for (long i = a; i < b; i++)
        v = v * 10 + vt_ocr_digit(s[i]);
    return v;
}

/* The lines [i, i + 2] of the zone joined by spaces, for a time whose
 * offset or clock went onto the next lines; ends[k] is where line i + k
 * ends in the join, *n_lines how many were joined. */
static char *joined_lines(const vt_pctx *cx, size_t i, size_t zone, size_t ends[3],
                          size_t *n_lines)
{
    const vt_pline *pl = &cx->lines[i];
    char *s = vt_xstrndup(pl->fold, pl->flen);
    ends[0] = pl->flen;
    *n_lines = 1;
    for (size_t k = 1; k < 3 && i + k < zone; k++) {
        const vt_pline *next = &cx->lines[i + k];
        char *j = vt_xasprintf("%s %.*s", s, (int)next->flen, next->fold);
        free(s);
        s = j;
        ends[k] = strlen(s);
        *n_lines = k + 1;
    }
    return s;
}

/* Whether s[a, b) holds one of the characters of seps. */
static bool separated(const char *s, long a, long b, const char *seps)
{
    for (long i = a; i < b; i++)
        if (strchr(seps, s[i]))
            return true;
    return false;
}

/* The signing time on line i (going on to the next lines of the zone):
 * a valid date and clock starting on the line. */
static bool read_time(vt_rx *rx, const vt_pctx *cx, size_t i, size_t zone, signing *sg)
{
    size_t ends[3], n_lines;
    char *s = joined_lines(cx, i, zone, ends, &n_lines);
    bool found = vt_rx_find(rx, s, strlen(s), 0) && (size_t)vt_rx_start(rx, 1) < ends[0];
    if (found) {
        int v[6];
        for (int g = 1; g <= 6; g++)
            v[g - 1] = vt_rx_start(rx, g) < 0
                           ? 0
                           : digits_value(s, vt_rx_start(rx, g), vt_rx_end(rx, g));
        sg->d = v[0], sg->m = v[1], sg->y = v[2], sg->hh = v[3], sg->mm = v[4], sg->ss = v[5];
        sg->offset = vt_rx_start(rx, 7) >= 0;
        if (sg->offset) {
            sg->sign = s[vt_rx_start(rx, 7)];
            sg->off_h = digits_value(s, vt_rx_start(rx, 8), vt_rx_end(rx, 8));
            sg->off_m = digits_value(s, vt_rx_start(rx, 9), vt_rx_end(rx, 9));
        }
        size_t end = (size_t)vt_rx_end(rx, 0);
        sg->time_line = i;
        sg->to = i;
        for (size_t k = 1; k < n_lines && end > ends[k - 1] + 1; k++)
            sg->to = i + k;
        found = vt_date_valid(sg->y, sg->m, sg->d) && sg->hh < 24 && sg->mm < 60 && sg->ss < 60 &&
                (!sg->offset || (sg->off_h <= 14 && sg->off_m < 60)) &&
                (separated(s, vt_rx_end(rx, 1), vt_rx_start(rx, 2), "./-") ||
                 separated(s, vt_rx_end(rx, 4), vt_rx_start(rx, 5), ":"));
    }
    free(s);
    return found;
}

static bool find_label(const vt_pline *pl, const char *label, size_t *s, size_t *e)
{
    double cost = strlen(label) < 6 ? 0 : LABEL_COST;
    return vt_fuzzy_find(pl->fold, pl->flen, 0, label, cost, s, e, NULL);
}

/* Whether the line holds one of the overlay's labels. */
static bool labelled(const vt_pline *pl)
{
    static const char *const labels[] = {"thoi gian ky", "ky boi", "co quan", "sao y"};
    size_t s, e;
    for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
        if (find_label(pl, labels[k], &s, &e))
            return true;
    return false;
}

/* The body that signed: the text after the label on its overlay line,
 * going on to the following overlay lines that start with a small letter (a name the
 * overlay's narrow box wrapped), up to the comma before the province or a
 * semicolon.  NULL when the label is not there or names nothing. */
static char *signed_by(const vt_pctx *cx, const signing *sg, const char *label)
{
    for (size_t i = sg->from; i <= sg->time_line; i++) {
        const vt_pline *pl = &cx->lines[i];
        size_t s, e, ts, te;
        if (!find_label(pl, label, &s, &e))
            continue;
        size_t stop = pl->flen;
        if (find_label(pl, "thoi gian ky", &ts, &te) && ts >= e)
            stop = ts;
        vt_span sp = {pl, e, stop};
        char *name = vt_span_clean(&sp);
        for (size_t k = i + 1; k < sg->time_line && !strpbrk(name, ",;") &&
                               vt_starts_lower(cx->lines[k].text) && !labelled(&cx->lines[k]);
             k++) {
            char *more = vt_xasprintf("%s %s", name, cx->lines[k].text);
            free(name);
            name = more;
        }
        name[strcspn(name, ",;")] = '\0';
        char *clean = vt_clean_text(name, strlen(name));
        free(name);
        if (*clean && vt_text_is_upper(clean)) {
            char *cased = vt_organ_case(cx->lex, clean);
            free(clean);
            clean = cased;
        }
        if (*clean)
            return clean;
        free(clean);
    }
    return NULL;
}

/* The overlay in the header's zone: the first signing time there that
 * a label stands over or an offset from UTC follows (a date with a clock
 * alone may be anything). */
static bool find_signing(const vt_pctx *cx, signing *sg)
{
    size_t zone = cx->header_end ? cx->header_end : cx->n < TOP_LINES ? cx->n : TOP_LINES;
    vt_rx rx;
    if (!vt_rx_init(&rx, time_pattern, false))
        return false;
    bool found = false;
    for (size_t i = 0; i < zone && !found; i++) {
        memset(sg, 0, sizeof *sg);
        if (!read_time(&rx, cx, i, zone, sg))
            continue;
        sg->from = i;
        bool label = false;
        for (size_t k = i + 1; k-- > 0 && k + OVERLAY_LINES >= i;)
            if (labelled(&cx->lines[k])) {
                label = true;
                sg->from = k;
            }
        size_t s, e;
        for (size_t k = sg->from; k <= i; k++)
            sg->copy |= find_label(&cx->lines[k], "sao y", &s, &e);
        found = label || sg->offset;
    }
    vt_rx_clear(&rx);
    return found;
}

static void day_before(int *y, int *m, int *d)
{
    if (--*d > 0)
        return;
    if (--*m == 0) {
        *m = 12;
        --*y;
    }
    for (*d = 31; !vt_date_valid(*y, *m, *d); --*d)
        ;
}

/* Whether y-m-d is the signing day or up to SIGN_LAG_DAYS before it. */
static bool dated_before_signing(const signing *sg, int y, int m, int d)
{
    int cy = sg->y, cm = sg->m, cd = sg->d;
    for (int k = 0; k <= SIGN_LAG_DAYS; k++, day_before(&cy, &cm, &cd))
        if (cy == y && cm == m && cd == d)
            return true;
    return false;
}

/* The date the signing vouches for: of the days up to SIGN_LAG_DAYS
 * before it in the year the page prints, the one agreeing with most of
 * the month and day read (0: not read), the latest on a tie; with
 * `keep_read`, only one agreeing with all of them. */
static bool date_by_signing(const signing *sg, int y, int m, int d, bool keep_read, int out[3])
{
    int best = -1, cy = sg->y, cm = sg->m, cd = sg->d;
    int need = (m != 0) + (d != 0);
    for (int k = 0; k <= SIGN_LAG_DAYS; k++, day_before(&cy, &cm, &cd)) {
        int agree = (m && cm == m) + (d && cd == d);
        if (cy != y || agree <= best || (keep_read && agree < need))
            continue;
        best = agree;
        out[0] = cy, out[1] = cm, out[2] = cd;
    }
    return best >= 0;
}

/* Whether the signing's year is the page's printed year y misread: one
 * digit apart, and more than the year boundary a signing a few days
 * after the page's date may cross.  A signing years away from the page
 * dates nothing, so the overlay's small print is what OCR missed. */
static bool year_misread(int signed_y, int y)
{
    int differ = 0;
    for (int a = signed_y, b = y; a || b; a /= 10, b /= 10)
        differ += a % 10 != b % 10;
    return differ == 1 && abs(signed_y - y) > 1;
}

/* The header's date completed or mended from the signing: a day or month
 * written by hand and not read is taken from it, and a hand-read date
 * dated after the signing or long before it has the parts that disagree
 * replaced; the printed year always stays.  A printed date is never
 * changed (a signing it disagrees with is warned of), nor is one a copy's
 * signing would date: a copy is certified any time later. */
static void date_from_signing(vt_pctx *cx, const signing *sg)
{
    json_t *f = json_object_get(cx->meta, "date");
    const char *v = json_string_value(json_object_get(f, "value"));
    int y = 0, m = 0, d = 0;
    if (!v || sg->copy || sscanf(v, "%d-%d-%d", &y, &m, &d) < 1)
        return;
    bool by_hand = json_is_true(json_object_get(f, "handwritten"));
    /* A hand-dated page's printed year stands against a signing year
     * misread: the signing's day and month date the page in it. */
    signing in_year = *sg;
    if (by_hand && year_misread(sg->y, y) && vt_date_valid(y, sg->m, sg->d))
        in_year.y = y;
    if (d && dated_before_signing(&in_year, y, m, d))
        return;
    int out[3];
    if ((d && !by_hand) || !date_by_signing(&in_year, y, m, d, d == 0, out)) {
        vt_pctx_warn(cx, "line %zu: date %s disagrees with the e-signature of %04d-%02d-%02d; kept",
                     cx->lines[sg->time_line].number, v, sg->y, sg->m, sg->d);
        return;
    }
    char iso[16];
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", out[0], out[1], out[2]);
    json_object_set_new(f, "value", json_string(iso));
    json_object_set_new(f, "source", json_string("signature"));
    json_object_set_new(f, "confidence", json_real(vt_conf_rounded(VT_CONF_DATE_SIGNATURE)));
}

void vt_parse_digital_signature(vt_pctx *cx)
{
    signing sg;
    if (!find_signing(cx, &sg))
        return;
    json_t *o = json_object();
    char *name = signed_by(cx, &sg, "co quan");
    if (!name)
        name = signed_by(cx, &sg, "ky boi");
    if (!name && sg.copy)
        name = signed_by(cx, &sg, "sao y");
    if (name)
        json_object_set_new(o, "name", json_string(name));
    free(name);
    char iso[40];
    int n = snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d", sg.y, sg.m, sg.d, sg.hh,
                     sg.mm, sg.ss);
    if (sg.offset)
        snprintf(iso + n, sizeof iso - (size_t)n, "%c%02d:%02d", sg.sign, sg.off_h, sg.off_m);
    json_object_set_new(o, "time", json_string(iso));
    if (sg.copy)
        json_object_set_new(o, "copy", json_true());
    GString *raw = g_string_new(NULL);
    for (size_t i = sg.from; i <= sg.to; i++)
        g_string_append_printf(raw, "%s%s", i > sg.from ? " " : "", cx->lines[i].text);
    json_object_set_new(o, "raw", json_string(raw->str));
    g_string_free(raw, TRUE);
    bool label = sg.from < sg.time_line || labelled(&cx->lines[sg.time_line]);
    json_object_set_new(o, "confidence",
                        json_real(vt_conf_rounded(label && sg.offset ? VT_CONF_SIGNATURE
                                                                     : VT_CONF_SIGNATURE_PART)));
    json_object_set_new(o, "evidence", vt_evidence(cx, sg.from, sg.to));
    json_object_set_new(cx->meta, "digital_signature", o);
    date_from_signing(cx, &sg);
}
