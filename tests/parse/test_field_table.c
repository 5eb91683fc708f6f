/* test_field_table.c — the metadata field table (src/parse/fields.h) says
 * what both schemas and doc/metadata.md say: the same keys, the same list
 * entry names in XML, the same members, and the documented member order.
 * Argument: the source root. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "../core/check.h"
#include "parse/fields.h"

typedef struct {
    const char *key, *item;
} key_row;

#define KEY_ROW(key, item) {#key, item},
#define MEMBER_NAME(member) #member,
static const key_row keys[] = {VT_METADATA_KEYS(KEY_ROW)};
static const char *const members[] = {VT_METADATA_MEMBERS(MEMBER_NAME)};
#define N_KEYS (sizeof keys / sizeof *keys)
#define N_MEMBERS (sizeof members / sizeof *members)

static bool is_member(const char *name)
{
    for (size_t i = 0; i < N_MEMBERS; i++)
        if (strcmp(members[i], name) == 0)
            return true;
    return false;
}

static const key_row *find_key(const char *name)
{
    for (size_t i = 0; i < N_KEYS; i++)
        if (strcmp(keys[i].key, name) == 0)
            return &keys[i];
    return NULL;
}

static void check_json_schema(const char *path)
{
    json_t *schema = json_load_file(path, 0, NULL);
    CHECK(schema != NULL);
    json_t *defs = json_object_get(schema, "definitions");
    json_t *props = json_object_get(json_object_get(defs, "metadata"), "properties");
    CHECK(json_object_size(props) == N_KEYS);
    for (size_t i = 0; i < N_KEYS; i++) {
        json_t *p = json_object_get(props, keys[i].key);
        if (!p) {
            fprintf(stderr, "%s: no metadata key %s\n", path, keys[i].key);
            CHECK(p != NULL);
            continue;
        }
        const char *type = json_string_value(json_object_get(p, "type"));
        CHECK((keys[i].item != NULL) == (type && strcmp(type, "array") == 0));
    }
    /* Every member of a field, entry, contact, reference, signer or
     * digital signature is in the table, and every member of the table is
     * in one of them. */
    static const char *const shapes[] = {"field",  "entry",  "contact",
                                         "reference", "signer", "digital_signature"};
    size_t seen[N_MEMBERS] = {0};
    for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
        const char *name;
        json_t *v;
        json_object_foreach(json_object_get(json_object_get(defs, shapes[s]), "properties"),
                            name, v) {
            if (!is_member(name))
                fprintf(stderr, "%s: %s member %s is not in the table\n", path, shapes[s], name);
            CHECK(is_member(name));
            for (size_t m = 0; m < N_MEMBERS; m++)
                seen[m] += strcmp(members[m], name) == 0;
        }
    }
    for (size_t m = 0; m < N_MEMBERS; m++) {
        if (!seen[m])
            fprintf(stderr, "%s: table member %s is in no shape\n", path, members[m]);
        CHECK(seen[m] > 0);
    }
    json_decref(schema);
}

static xmlXPathObjectPtr xsd_query(xmlXPathContextPtr x, const char *fmt, const char *arg)
{
    char q[256];
    snprintf(q, sizeof q, fmt, arg);
    return xmlXPathEvalExpression(BAD_CAST q, x);
}

static void check_xsd(const char *path)
{
    xmlDocPtr doc = xmlReadFile(path, NULL, 0);
    CHECK(doc != NULL);
    if (!doc)
        return;
    xmlXPathContextPtr x = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(x, BAD_CAST "xs", BAD_CAST "http://www.w3.org/2001/XMLSchema");
    xmlXPathObjectPtr els = xsd_query(x, "//xs:complexType[@name='%s']/*/xs:element", "Metadata");
    int n = els->nodesetval ? els->nodesetval->nodeNr : 0;
    CHECK((size_t)n == N_KEYS);
    for (int i = 0; i < n; i++) {
        xmlChar *name = xmlGetProp(els->nodesetval->nodeTab[i], BAD_CAST "name");
        xmlChar *type = xmlGetProp(els->nodesetval->nodeTab[i], BAD_CAST "type");
        const key_row *k = find_key((const char *)name);
        if (!k)
            fprintf(stderr, "%s: metadata element %s is not in the table\n", path, name);
        CHECK(k != NULL);
        /* A list's type holds its entries under the table's item name. */
        xmlXPathObjectPtr item = xsd_query(
            x, "//xs:complexType[@name='%s']/xs:sequence/xs:element[@maxOccurs='unbounded']",
            (const char *)type);
        int n_items = item->nodesetval ? item->nodesetval->nodeNr : 0;
        if (k && k->item) {
            CHECK(n_items == 1);
            if (n_items == 1) {
                xmlChar *iname = xmlGetProp(item->nodesetval->nodeTab[0], BAD_CAST "name");
                CHECK_STR((const char *)iname, k->item);
                xmlFree(iname);
            }
        } else if (k && n_items) {
            fprintf(stderr, "%s: %s is a list in the XSD, not in the table\n", path, k->key);
            CHECK(n_items == 0);
        }
        xmlXPathFreeObject(item);
        xmlFree(name);
        xmlFree(type);
    }
    xmlXPathFreeObject(els);
    /* The members of Field, Entry, Reference, Signer and DigitalSignature
     * are the table's. */
    size_t seen[N_MEMBERS] = {0};
    static const char *const shapes[] = {"Field", "Entry", "Reference", "Signer", "DigitalSignature"};
    for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
        xmlXPathObjectPtr m = xsd_query(x, "//xs:complexType[@name='%s']/*/xs:element",
                                        shapes[s]);
        for (int i = 0; m->nodesetval && i < m->nodesetval->nodeNr; i++) {
            xmlChar *name = xmlGetProp(m->nodesetval->nodeTab[i], BAD_CAST "name");
            if (!is_member((const char *)name))
                fprintf(stderr, "%s: %s member %s is not in the table\n", path, shapes[s], name);
            CHECK(is_member((const char *)name));
            for (size_t k = 0; k < N_MEMBERS; k++)
                seen[k] += strcmp(members[k], (const char *)name) == 0;
            xmlFree(name);
        }
        xmlXPathFreeObject(m);
    }
    for (size_t k = 0; k < N_MEMBERS; k++)
        CHECK(seen[k] > 0);
    xmlXPathFreeContext(x);
    xmlFreeDoc(doc);
}

/* doc/metadata.md has a row for every key, in the table's order, and
 * lists the members in the table's order. */
static void check_doc(const char *path)
{
    FILE *f = fopen(path, "r");
    CHECK(f != NULL);
    if (!f)
        return;
    char line[4096];
    size_t next_key = 0, next_member = 0;
    bool in_order = false;
    while (fgets(line, sizeof line, f)) {
        char row[128];
        if (sscanf(line, "| `%127[a-z_]`", row) == 1 && next_key < N_KEYS &&
            find_key(row)) {
            CHECK_STR(row, keys[next_key].key);
            next_key++;
        }
        if (strstr(line, "Members always appear in this order"))
            in_order = true;
        else if (in_order && strstr(line, "Top-level"))
            in_order = false;
        for (char *s = line; in_order && (s = strchr(s, '`'));) {
            char *e = strchr(s + 1, '`');
            if (!e)
                break;
            *e = '\0';
            CHECK(next_member < N_MEMBERS);
            if (next_member < N_MEMBERS)
                CHECK_STR(s + 1, members[next_member]);
            next_member++;
            s = e + 1;
        }
    }
    fclose(f);
    CHECK(next_key == N_KEYS);
    CHECK(next_member == N_MEMBERS);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s SOURCE_ROOT\n", argv[0]);
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/schema/record.schema.json", argv[1]);
    check_json_schema(path);
    snprintf(path, sizeof path, "%s/schema/record.xsd", argv[1]);
    check_xsd(path);
    snprintf(path, sizeof path, "%s/doc/metadata.md", argv[1]);
    check_doc(path);
    return check_done("parse-field-table");
}
