/* review.c — whether a person should look at a document before its record
 * is trusted, and why (the record's needs_review and review_reasons). */
#include <glib.h>
#include <jansson.h>
#include <string.h>

#include "internal.h"

/* A word read under this OCR confidence (0..100) is doubtful; Tesseract's
 * clean print reads above 90, smudged or handwritten marks well under 60. */
#define VT_REVIEW_LOW_WORD_CONF 60.0f
/* More than this share of doubtful words calls for a person: a stray
 * stamp or signature gives a few, a bad scan many. */
#define VT_REVIEW_LOW_SHARE 0.10

static void add_reason(json_t *reasons, const char *kind, size_t count, GString *text)
{
    json_array_append_new(reasons, json_pack("{s:s,s:I,s:s}", "kind", kind, "count",
                                             (json_int_t)count, "text", text->str));
    g_string_free(text, TRUE);
}

static bool decided_by_reviewer(const vt_doc *doc, size_t change)
{
    for (size_t i = change + 1; i < doc->n_changes; i++)
        if (doc->changes[i].decision && doc->changes[i].of_change == change)
            return true;
    return false;
}

json_t *vt_doc_review_reasons(const vt_doc *doc)
{
    json_t *reasons = json_array();

    json_t *missing = doc->meta ? json_object_get(doc->meta, "missing_fields") : NULL;
    if (json_array_size(missing)) {
        GString *text = g_string_new("prescribed fields not found:");
        size_t i;
        json_t *v;
        json_array_foreach(missing, i, v)
            g_string_append_printf(text, "%s %s", i ? "," : "", json_string_value(v));
        add_reason(reasons, "missing_fields", json_array_size(missing), text);
    }

    /* A number or day written by hand into the printed form: the record
     * holds what is printed, and a person reads the rest off the page; or
     * the digit reader read it too (the number has its digits, the date
     * its day), or the digital signature's time gave it (the date's
     * source), and a person checks it. */
    static const char *const by_hand[][4] = {
        {"number", "number_handwritten", "the number is written by hand: only its printed part was read",
         "the number is written by hand: read from the handwriting, to be checked"},
        {"date", "day_handwritten", "the day is written by hand: only the printed month and year were read",
         "the day is written by hand: read from the handwriting, to be checked"},
    };
    for (size_t k = 0; k < sizeof by_hand / sizeof *by_hand; k++) {
        json_t *f = doc->meta ? json_object_get(doc->meta, by_hand[k][0]) : NULL;
        if (!json_is_true(json_object_get(f, "handwritten")))
            continue;
        const char *value = json_string_value(json_object_get(f, "value"));
        bool read = k == 0 ? json_object_get(f, "code_number") != NULL
                           : value && strlen(value) == strlen("YYYY-MM-DD");
        const char *text = by_hand[k][read ? 3 : 2];
        if (json_object_get(f, "source"))
            text = "the day is written by hand: taken from the digital signature's time, to be "
                   "checked";
        add_reason(reasons, by_hand[k][1], 1, g_string_new(text));
    }

    GString *flagged = g_string_new("changes flagged for review, not yet decided:");
    size_t n_flagged = 0;
    for (size_t c = 0; c < doc->n_changes; c++)
        if (doc->changes[c].review && !decided_by_reviewer(doc, c))
            g_string_append_printf(flagged, "%s %zu", n_flagged++ ? "," : "", c);
    if (n_flagged)
        add_reason(reasons, "flagged_changes", n_flagged, flagged);
    else
        g_string_free(flagged, TRUE);

    size_t n_read = 0, n_low = 0;
    for (size_t p = 0; p < doc->n_pages; p++)
        for (size_t b = 0; b < doc->pages[p].n_blocks; b++)
            for (size_t l = 0; l < doc->pages[p].blocks[b].n_lines; l++) {
                const vt_line *ln = &doc->pages[p].blocks[b].lines[l];
                for (size_t w = 0; w < ln->n_words; w++)
                    if (ln->words[w].conf >= 0) {
                        n_read++;
                        n_low += ln->words[w].conf < VT_REVIEW_LOW_WORD_CONF;
                    }
            }
    if (n_read && (double)n_low > VT_REVIEW_LOW_SHARE * (double)n_read) {
        GString *text = g_string_new(NULL);
        g_string_printf(text, "%zu of %zu OCR words read at under %.0f %% confidence", n_low,
                        n_read, (double)VT_REVIEW_LOW_WORD_CONF);
        add_reason(reasons, "low_confidence", n_low, text);
    }
    return reasons;
}
