/* marks.c — the smaller parts: "Kính gửi" (Điều 11), urgency and secrecy
 * marks (Điều 15), and contact details in the body. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "parse.h"

void vt_parse_addressees(vt_pctx *cx)
{
    size_t lo = cx->number_line < cx->n ? cx->number_line : 0;
    size_t hi = cx->body_to < lo + 60 ? cx->body_to : lo + 60;
    for (size_t i = lo; i < hi; i++) {
        const vt_pline *pl = &cx->lines[i];
        size_t at = 0;
        while (at < pl->flen && pl->fold[at] == ' ')
            at++;
        long e = vt_fuzzy_prefix(pl->fold, pl->flen, at, "kinh gui", 0.25, NULL);
        if (e < 0)
            continue;
        size_t k = (size_t)e;
        while (k < pl->flen && (pl->fold[k] == ' ' || pl->fold[k] == ':' || pl->fold[k] == ';'))
            k++;
        json_t *list = json_array();
        size_t last = i;
        if (k < pl->flen) {
            vt_span sp = {pl, k, pl->flen};
            char *v = vt_span_clean(&sp);
            if (*v)
                json_array_append_new(list, vt_field(cx, "text", v, NULL, 0.9, i, i));
            free(v);
        }
        /* Then a list of "- ..." lines (a lone addressee may continue). */
        for (size_t j = i + 1; j < hi && j < i + 30; j++) {
            const vt_pline *q = &cx->lines[j];
            if (q->role == VT_ROLE_HEADER_RIGHT)
                continue; /* the other column, read in between */
            size_t s = 0;
            while (s < q->flen && q->fold[s] == ' ')
                s++;
            if (s == q->flen)
                break;
            if (q->fold[s] != '-' && q->fold[s] != '+')
                break;
            char *v = vt_clean_text(q->text, q->len);
            if (*v)
                json_array_append_new(list, vt_field(cx, "text", v, NULL, 0.9, j, j));
            free(v);
            last = j;
        }
        if (json_array_size(list)) {
            json_object_set_new(cx->meta, "addressees", list);
            if (last + 1 > cx->body_from)
                cx->body_from = last + 1;
        } else {
            json_decref(list);
        }
        return;
    }
}

/* Marks are stamped in capitals near the number, alone on their part of
 * the line. */
static const struct {
    const char *key, *fold, *form;
} marks[] = {
    {"urgency", "hoa toc hen gio", "Hỏa tốc hẹn giờ"},
    {"urgency", "hoa toc", "Hỏa tốc"},
    {"urgency", "thuong khan", "Thượng khẩn"},
    {"urgency", "khan", "Khẩn"},
    {"secrecy", "tuyet mat", "Tuyệt mật"},
    {"secrecy", "toi mat", "Tối mật"},
    {"secrecy", "mat", "Mật"},
};

/* The mark a run of text in capitals is, or -1. */
static int mark_of(const char *run)
{
    if (!vt_text_is_upper(run))
        return -1;
    char *f = vt_text_fold(run);
    size_t n = strlen(f);
    while (n && !isalpha((unsigned char)f[n - 1]))
        f[--n] = '\0';
    int found = -1;
    for (size_t k = 0; k < sizeof marks / sizeof *marks && found < 0; k++)
        if (strcmp(f + strspn(f, " "), marks[k].fold) == 0)
            found = (int)k;
    free(f);
    return found;
}

bool vt_is_mark(const char *text)
{
    return mark_of(text) >= 0;
}

static void parse_urgency_secrecy(vt_pctx *cx)
{
    size_t hi = cx->header_end + 3 < cx->n ? cx->header_end + 3 : cx->n;
    for (size_t i = 0; i < hi; i++) {
        const vt_pline *pl = &cx->lines[i];
        /* Each word run in capitals on the line is a candidate. */
        const char *p = pl->text;
        while (*p) {
            while (*p == ' ')
                p++;
            const char *q = p;
            while (*q && !(q[0] == ' ' && q[1] == ' '))
                q++;
            char *run = vt_xstrndup(p, (size_t)(q - p));
            int k = mark_of(run);
            if (k >= 0 && !json_object_get(cx->meta, marks[k].key))
                json_object_set_new(cx->meta, marks[k].key,
                                    vt_field(cx, "value", marks[k].form, run, 0.85, i, i));
            free(run);
            p = q;
        }
    }
}

static const char phone_pattern[] =
    "(?<![\\d.])((?:\\+84|0)\\d{2,3}[ .]?\\d{3}[ .]?\\d{3,4})(?![\\d])";
static const char person_pattern[] =
    "(?:đ/c|Đ/c|đồng chí|Đồng chí|ông|Ông|bà|Bà)\\s*:?\\s*"
    "(\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,4})";
static const char email_pattern[] = "[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+";

static void parse_contacts(vt_pctx *cx)
{
    vt_rx ph = {0}, pe = {0}, em = {0};
    if (!vt_rx_init(&ph, phone_pattern, true) || !vt_rx_init(&pe, person_pattern, true) ||
        !vt_rx_init(&em, email_pattern, true)) {
        vt_rx_clear(&ph);
        vt_rx_clear(&pe);
        vt_rx_clear(&em);
        return;
    }
    json_t *list = json_array();
    for (size_t i = cx->body_from; i < cx->body_to; i++) {
        const vt_pline *pl = &cx->lines[i];
        bool phone = vt_rx_find(&ph, pl->text, pl->len, 0);
        bool mail = vt_rx_find(&em, pl->text, pl->len, 0);
        if (!phone && !mail)
            continue;
        json_t *c = json_object();
        if (phone) {
            char *num = vt_xstrndup(pl->text + vt_rx_start(&ph, 1),
                                    (size_t)(vt_rx_end(&ph, 1) - vt_rx_start(&ph, 1)));
            size_t o = 0;
            for (size_t k = 0; num[k]; k++)
                if (isdigit((unsigned char)num[k]) || num[k] == '+')
                    num[o++] = num[k];
            num[o] = '\0';
            json_object_set_new(c, "phone", json_string(num));
            free(num);
        }
        if (mail)
            json_object_set_new(c, "email", json_stringn(pl->text + vt_rx_start(&em, 0),
                                                         (size_t)(vt_rx_end(&em, 0) - vt_rx_start(&em, 0))));
        /* The person named on the same line or the line before. */
        for (size_t j = i; j + 2 > i && j >= cx->body_from; j--) {
            const vt_pline *q = &cx->lines[j];
            if (vt_rx_find(&pe, q->text, q->len, 0)) {
                json_object_set_new(c, "name", json_stringn(q->text + vt_rx_start(&pe, 1),
                                                            (size_t)(vt_rx_end(&pe, 1) - vt_rx_start(&pe, 1))));
                break;
            }
            if (j == 0)
                break;
        }
        json_object_set_new(c, "text", json_string(pl->text));
        json_object_set_new(c, "confidence", json_real(0.8));
        json_object_set_new(c, "evidence", vt_evidence(cx, i, i));
        json_array_append_new(list, c);
    }
    if (json_array_size(list))
        json_object_set_new(cx->meta, "contacts", list);
    else
        json_decref(list);
    vt_rx_clear(&ph);
    vt_rx_clear(&pe);
    vt_rx_clear(&em);
}

void vt_parse_marks(vt_pctx *cx)
{
    parse_urgency_secrecy(cx);
    parse_contacts(cx);
}
