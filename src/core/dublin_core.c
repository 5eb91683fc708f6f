/* dublin_core.c — the record's parsed metadata as the Dublin Core
 * elements archives index a document by: what an archive package (the
 * PDF's XMP) and the record carry alike. */
#include <jansson.h>

#include "internal.h"

/* Dublin Core element, and where in the metadata its value is. */
static const struct {
    const char *element, *field, *member;
} dc_sources[] = {
    {"title", "subject", "value"},      /* trích yếu */
    {"creator", "issuer", "name"},      /* cơ quan ban hành */
    {"date", "date", "value"},          /* ISO 8601 */
    {"identifier", "number", "value"},  /* số và ký hiệu */
    {"type", "type", "value"},          /* tên loại */
};

json_t *vt_doc_dublin_core(const vt_doc *doc)
{
    json_t *dc = json_object();
    for (size_t i = 0; i < sizeof dc_sources / sizeof *dc_sources; i++) {
        json_t *field = doc->meta ? json_object_get(doc->meta, dc_sources[i].field) : NULL;
        const char *value = json_string_value(json_object_get(field, dc_sources[i].member));
        if (value && *value)
            json_object_set_new(dc, dc_sources[i].element, json_string(value));
    }
    const char *lang = doc->meta ? json_string_value(json_object_get(doc->meta, "language"))
                                 : NULL;
    json_object_set_new(dc, "language", json_string(lang ? lang : "vi"));
    return dc;
}
