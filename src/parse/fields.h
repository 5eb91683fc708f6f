/* fields.h — the keys of a record's metadata member and the members of its
 * fields and entries (doc/metadata.md), each in the order a record lists
 * them.  This one table gives the parser its output order and the XML
 * writer the element name of a list's entries; tests/parse/test_field_table.c
 * holds it against schema/record.schema.json, schema/record.xsd and
 * doc/metadata.md.
 *
 * VT_METADATA_KEYS(X) calls X(key, item): `item` names one entry of a list
 * in XML ("addressee" in <addressees>), NULL for a key that is no list. */
#ifndef VT_FIELDS_H
#define VT_FIELDS_H

#define VT_METADATA_KEYS(X)                                                   \
    X(number, NULL)                                                           \
    X(type, NULL)                                                             \
    X(date, NULL)                                                             \
    X(digital_signature, NULL)                                                \
    X(place, NULL)                                                            \
    X(issuer, NULL)                                                           \
    X(issuer_parent, NULL)                                                    \
    X(subject, NULL)                                                          \
    X(urgency, NULL)                                                          \
    X(secrecy, NULL)                                                          \
    X(addressees, "addressee")                                                \
    X(recipients, "recipient")                                                \
    X(archive_copy, NULL)                                                     \
    X(signer, NULL)                                                           \
    X(references, "reference")                                                \
    X(contacts, "contact")                                                    \
    X(page_count, NULL)                                                       \
    X(language, NULL)                                                         \
    X(missing_fields, "field")

/* VT_METADATA_MEMBERS(X) calls X(member) for every member a field, list
 * entry or the signer can have. */
#define VT_METADATA_MEMBERS(X)                                                \
    X(value) X(text) X(name) X(position) X(authority) X(type) X(number)       \
    X(date) X(issuer) X(subject) X(time) X(code_number) X(code_notation)      \
    X(abbreviation) X(repaired) X(handwritten) X(source) X(copy) X(purpose)   \
    X(copies) X(phone) X(email)                                               \
    X(raw) X(confidence) X(evidence)

#endif
