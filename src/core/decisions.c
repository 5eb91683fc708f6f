/* decisions.c — a reviewer's decisions applied to a document, each one
 * recorded as a change of its own so that the record's history keeps every
 * machine and every reviewer change (doc/decisions.md). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <jansson.h>

#include "internal.h"

/* One decision, checked and resolved to the text it gives its word. */
typedef struct resolved {
    size_t change;
    const char *action, *reviewer, *time;
    char *to;
} resolved;

static vt_status refuse(vt_error *err, size_t i, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static vt_status refuse(vt_error *err, size_t i, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return vt_error_set(err, VT_EINPUT, "decision %zu: %s", i, msg);
}

static bool iso8601(const char *s)
{
    GTimeZone *utc = g_time_zone_new_utc();
    GDateTime *t = g_date_time_new_from_iso8601(s, utc);
    g_time_zone_unref(utc);
    if (t)
        g_date_time_unref(t);
    return t != NULL;
}

/* A typed correction: one word in NFC, so that the text keeps the word
 * tree's shape (the record's words are split on white space). */
static char *one_word(const char *text)
{
    char *nfc = g_utf8_normalize(text, -1, G_NORMALIZE_NFC);
    if (!nfc || !*nfc) {
        g_free(nfc);
        return NULL;
    }
    for (const char *p = nfc; *p; p = g_utf8_next_char(p))
        if (g_unichar_isspace(g_utf8_get_char(p))) {
            g_free(nfc);
            return NULL;
        }
    char *word = vt_xstrdup(nfc);
    g_free(nfc);
    return word;
}

static vt_word *word_of(vt_doc *doc, const vt_change *c)
{
    return &doc->pages[c->page].blocks[c->block].lines[c->line].words[c->word];
}

static vt_status resolve(vt_doc *doc, const json_t *d, size_t i, const char *reviewer,
                         const char *time, bool *decided, resolved *r, vt_error *err)
{
    json_int_t change = -1, alternative = -1;
    const char *action = NULL, *text = NULL;
    if (json_unpack((json_t *)d, "{s:I,s:s,s?I,s?s,s?s,s?s}", "change", &change, "action",
                    &action, "alternative", &alternative, "text", &text, "reviewer",
                    &reviewer, "time", &time) != 0)
        return refuse(err, i, "%s", "needs \"change\" (an index) and \"action\"");
    if (change < 0 || (size_t)change >= doc->n_changes)
        return refuse(err, i, "the record has no change %lld", (long long)change);
    if (decided[change])
        return refuse(err, i, "%s", "decides a change another decision of the file decides");
    decided[change] = true;
    if (!reviewer || !*reviewer)
        return refuse(err, i, "%s", "no reviewer: give \"reviewer\" in the file or the decision");
    if (!time || !iso8601(time))
        return refuse(err, i, "\"time\" is not an ISO 8601 time: %s", time ? time : "(none)");
    const vt_change *c = &doc->changes[change];
    *r = (resolved){(size_t)change, action, reviewer, time, NULL};
    if (strcmp(action, "accept") == 0) {
        r->to = vt_xstrdup(word_of(doc, c)->text);
    } else if (strcmp(action, "reject") == 0) {
        r->to = vt_xstrdup(c->from);
    } else if (strcmp(action, "pick") == 0) {
        if (alternative < 0 || (size_t)alternative >= c->n_alternatives)
            return refuse(err, i, "%s", "\"pick\" needs \"alternative\", an index into the "
                                        "change's alternatives");
        r->to = vt_xstrdup(c->alternatives[alternative].text);
    } else if (strcmp(action, "correct") == 0) {
        r->to = text ? one_word(text) : NULL;
        if (!r->to)
            return refuse(err, i, "%s", "\"correct\" needs \"text\", one word without spaces");
    } else {
        return refuse(err, i, "action \"%s\" is not accept, reject, pick or correct", action);
    }
    return VT_OK;
}

static void record(vt_doc *doc, const resolved *r)
{
    vt_change decided = doc->changes[r->change];
    vt_word *w = word_of(doc, &decided);
    VT_GROW(doc->changes, doc->n_changes, doc->cap_changes);
    doc->changes[doc->n_changes++] = (vt_change){
        .stage = vt_xstrdup("review"),
        .source = vt_xstrdup("reviewer"),
        .page = decided.page, .block = decided.block,
        .line = decided.line, .word = decided.word,
        .from = vt_xstrdup(w->text),
        .to = vt_xstrdup(r->to),
        .confidence = 1.0,
        .reviewer = vt_xstrdup(r->reviewer),
        .time = vt_xstrdup(r->time),
        .decision = vt_xstrdup(r->action),
        .of_change = r->change,
    };
    free(w->text);
    w->text = vt_xstrdup(r->to);
}

vt_status vt_doc_apply_decisions(vt_doc *doc, const json_t *decisions, const char *now,
                                 vt_error *err)
{
    const char *version = json_string_value(json_object_get(decisions, "vanthu_decisions"));
    if (!version || strtol(version, NULL, 10) != 1)
        return vt_error_set(err, VT_EINPUT, "not a decisions file of version 1 "
                                            "(\"vanthu_decisions\": \"1.0\")");
    const char *sha = json_string_value(
        json_object_get(json_object_get(decisions, "source"), "sha256"));
    if (sha && *doc->sha256 && strcmp(sha, doc->sha256) != 0)
        return vt_error_set(err, VT_EINPUT, "the decisions were made on another source "
                                            "(sha256 %.12s..., the record's %.12s...)",
                            sha, doc->sha256);
    const json_t *list = json_object_get(decisions, "decisions");
    if (!json_is_array(list))
        return vt_error_set(err, VT_EINPUT, "no \"decisions\" array");
    const char *reviewer = json_string_value(json_object_get(decisions, "reviewer"));
    const char *time = json_string_value(json_object_get(decisions, "time"));
    size_t n = json_array_size(list);
    resolved *rs = vt_xcalloc(n ? n : 1, sizeof *rs);
    bool *decided = vt_xcalloc(doc->n_changes ? doc->n_changes : 1, sizeof *decided);
    vt_status st = VT_OK;
    size_t i;
    for (i = 0; i < n && !st; i++)
        st = resolve(doc, json_array_get(list, i), i, reviewer, time ? time : now, decided,
                     &rs[i], err);
    for (i = 0; i < n; i++) {
        if (!st)
            record(doc, &rs[i]);
        free(rs[i].to);
    }
    free(rs);
    free(decided);
    return st;
}
