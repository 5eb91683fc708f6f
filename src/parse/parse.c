/* parse.c — metadata from lines: the layout zones in order (header,
 * Kính gửi, body, Nơi nhận and signature), each handed to its field
 * parsers. */
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "internal.h"
#include "parse.h"

/* Members in the order of the field table, so that the record and its XML
 * have one layout whatever order the parsers found things in. */
#define VT_KEY_NAME(key, item) #key,
#define VT_MEMBER_NAME(member) #member,
static const char *const top_order[] = {VT_METADATA_KEYS(VT_KEY_NAME) NULL};
static const char *const member_order[] = {VT_METADATA_MEMBERS(VT_MEMBER_NAME) NULL};

static json_t *ordered(json_t *obj, const char *const *order)
{
    json_t *out = json_object();
    for (size_t i = 0; order[i]; i++) {
        json_t *v = json_object_get(obj, order[i]);
        if (v)
            json_object_set(out, order[i], v);
    }
    const char *k;
    json_t *v;
    json_object_foreach(obj, k, v) {
        if (!json_object_get(out, k))
            json_object_set(out, k, v);
    }
    json_decref(obj);
    /* Fields and list entries inside, one level down. */
    json_object_foreach(out, k, v) {
        if (json_is_object(v) && strcmp(k, "evidence") != 0)
            json_object_set_new(out, k, ordered(json_incref(v), member_order));
        else if (json_is_array(v))
            for (size_t i = 0; i < json_array_size(v); i++) {
                json_t *e = json_array_get(v, i);
                if (json_is_object(e))
                    json_array_set_new(v, i, ordered(json_incref(e), member_order));
            }
    }
    return out;
}

/* Đ or đ written by restore in this many places, and none in the text as
 * first seen: the text lost its Đ (English-model OCR reads it D, a
 * stripped text drops its bar), for a text of Vietnamese prints many. */
enum { D_RESTORED = 3 };

static size_t count_d(const char *s)
{
    size_t n = 0;
    for (const char *p = s; (p = strchr(p, 0xc4)); p++)
        n += (unsigned char)p[1] == 0x90 || (unsigned char)p[1] == 0x91;
    return n;
}

static bool d_lost(const vt_pline *lines, size_t n)
{
    size_t restored = 0;
    for (size_t i = 0; i < n; i++) {
        if (count_d(lines[i].orig ? lines[i].orig : lines[i].text))
            return false;
        if (lines[i].orig)
            restored += count_d(lines[i].text);
    }
    return restored >= D_RESTORED;
}

json_t *vt_parse_lines(vt_pline *lines, size_t n, size_t page_count,
                       const vt_lexicon *lex, char ***warnings, size_t *n_warnings)
{
    vt_pctx cx = {0};
    cx.lines = lines;
    cx.n = n;
    cx.lex = lex;
    cx.meta = json_object();
    cx.missing = json_array();
    cx.number_line = n;
    cx.subject_line = n;
    cx.footer_from = n;
    cx.d_lost = d_lost(lines, n);

    vt_parse_header(&cx);
    vt_parse_digital_signature(&cx);
    vt_parse_footer(&cx);
    cx.body_from = cx.header_end;
    cx.body_to = cx.footer_from;
    vt_mend_subject_from_body(&cx);
    vt_parse_adoption_date(&cx);
    vt_parse_addressees(&cx);
    vt_parse_references(&cx);
    vt_check_date_year(&cx);
    vt_parse_marks(&cx);

    json_object_set_new(cx.meta, "page_count", json_integer((json_int_t)page_count));
    json_object_set_new(cx.meta, "language", json_string("vi"));
    json_object_set_new(cx.meta, "missing_fields", cx.missing);
    cx.meta = ordered(cx.meta, top_order);
    free(cx.issuer_name);
    *warnings = cx.warnings;
    *n_warnings = cx.n_warnings;
    return cx.meta;
}
