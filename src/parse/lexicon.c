/* lexicon.c — the word lists parse matches against (dict/lexicon/).
 *
 * Each file holds one entry a line: the proper form, then optionally a
 * second field (abbreviation or expansion) after a tab or " | ".  Lines
 * starting with '#' and blank lines are ignored, except "# section: NAME",
 * which names the section of the entries below it. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "parse.h"

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

static void add_entry(vt_lex_list *list, const char *form, const char *extra,
                      const char *section)
{
    VT_GROW(list->v, list->n, list->cap);
    vt_lex_entry *e = &list->v[list->n++];
    e->form = vt_xstrdup(form);
    e->fold = vt_text_fold(form);
    /* "(none)": the type has no abbreviation. */
    e->extra = extra && *extra && strcmp(extra, "(none)") != 0 ? vt_xstrdup(extra) : NULL;
    e->section = vt_xstrdup(section);
    e->curated = false;
}

/* Is the form already in the list?  The names of names.txt and of the
 * real corpus overlap, and a name part is looked up as the one entry
 * with its letters. */
static vt_lex_entry *listed_form(const vt_lex_list *list, const char *form)
{
    for (size_t i = 0; i < list->n; i++)
        if (strcmp(list->v[i].form, form) == 0)
            return &list->v[i];
    return NULL;
}

enum { NAME_SECTIONS = 4 };

/* The files of names are split into sections by the comment lines
 * "# family", "# middle", "# given" and "# person"; other files have one
 * section. */
static vt_status load_list(vt_lex_list *list, const char *dir, const char *name,
                           vt_lex_list *sections[NAME_SECTIONS], bool curated,
                           char file_digest[65], vt_error *err)
{
    char *path = vt_xasprintf("%s/%s", dir, name);
    char *bytes = NULL;
    size_t len = 0;
    vt_status st = vt_read_file(path, 16u << 20, &bytes, &len, err);
    if (st != VT_OK) {
        st = vt_error_set(err, VT_EDEPEND,
                          "%s: parse lexicon missing or unreadable (set VANTHU_DATA)",
                          path);
        free(path);
        return st;
    }
    vt_sha256_hex(bytes, len, file_digest);
    size_t bad = 0;
    if (!vt_utf8_valid(bytes, len, &bad)) {
        st = vt_error_set(err, VT_EDEPEND, "%s: invalid UTF-8 at byte %zu", path, bad);
        free(bytes);
        free(path);
        return st;
    }
    char *save = NULL;
    char section[64] = "";
    for (char *line = strtok_r(bytes, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *s = trim(line);
        /* "# section: NAME — description" names the entries below. */
        if (strncmp(s, "# section:", 10) == 0) {
            char *nm = trim(s + 10);
            snprintf(section, sizeof section, "%.*s", (int)strcspn(nm, " \t"), nm);
        }
        if (*s == '#' && sections) {
            static const char *const names[NAME_SECTIONS] = {"# family", "# middle",
                                                              "# given", "# person"};
            for (int k = 0; k < NAME_SECTIONS; k++)
                if (strcmp(s, names[k]) == 0)
                    list = sections[k];
        }
        if (!*s || *s == '#' || !list)
            continue;
        char *sep = strchr(s, '\t');
        size_t skip = 1;
        if (!sep && (sep = strstr(s, " | ")))
            skip = 3;
        char *extra = NULL;
        if (sep) {
            *sep = '\0';
            extra = trim(sep + skip);
            /* Only the first extra field is used. */
            char *more = strpbrk(extra, "\t|");
            if (more) {
                *more = '\0';
                extra = trim(extra);
            }
            s = trim(s);
        }
        /* A name listed again (names.txt's, then the corpus's counts) is
         * one entry, with the count of the documents naming it. */
        vt_lex_entry *again = *s && sections ? listed_form(list, s) : NULL;
        if (again && !again->extra && extra)
            again->extra = vt_xstrdup(extra);
        else if (*s && !again)
            add_entry(list, s, extra, section);
        if (*s && sections && curated)
            (again ? again : &list->v[list->n - 1])->curated = true;
    }
    free(bytes);
    free(path);
    return VT_OK;
}

vt_status vt_lexicon_load(vt_lexicon *lex, const char *dir, vt_error *err)
{
    memset(lex, 0, sizeof *lex);
    struct {
        vt_lex_list *list;
        const char *name;
    } files[] = {
        {&lex->doc_types, "doc-types.txt"},
        {&lex->positions, "positions.txt"},
        {&lex->abbreviations, "abbreviations.txt"},
        {&lex->organs, "organs.txt"},
        {&lex->places, "places.txt"},
        {NULL, "names.txt"},
        /* The names of the real corpus (tools/corpus-counts.sh). */
        {NULL, "names-corpus.tsv"},
        /* The parts of codes of the real corpus (tools/corpus-counts.sh). */
        {&lex->codes, "codes-corpus.tsv"},
    };
    vt_lex_list *sections[NAME_SECTIONS] = {&lex->family, &lex->middle, &lex->given,
                                            &lex->persons};
    enum { N_FILES = sizeof files / sizeof *files };
    char digests[N_FILES * 64 + 1] = "";
    for (size_t i = 0; i < N_FILES; i++) {
        bool names = !files[i].list;
        vt_status st = load_list(names ? NULL : files[i].list, dir, files[i].name,
                                 names ? sections : NULL, strcmp(files[i].name, "names.txt") == 0,
                                 digests + 64 * i, err);
        if (st != VT_OK) {
            vt_lexicon_clear(lex);
            return st;
        }
    }
    vt_sha256_hex(digests, sizeof digests - 1, lex->digest);
    vt_codes_index(lex);
    return VT_OK;
}

static void clear_list(vt_lex_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->v[i].form);
        free(list->v[i].fold);
        free(list->v[i].extra);
        free(list->v[i].section);
    }
    free(list->v);
    memset(list, 0, sizeof *list);
}

void vt_lexicon_clear(vt_lexicon *lex)
{
    clear_list(&lex->doc_types);
    clear_list(&lex->positions);
    clear_list(&lex->abbreviations);
    clear_list(&lex->organs);
    clear_list(&lex->places);
    clear_list(&lex->family);
    clear_list(&lex->middle);
    clear_list(&lex->given);
    clear_list(&lex->persons);
    clear_list(&lex->codes);
    vt_codes_index_clear(lex);
}

/* Text compared without spaces, so "ke hoach" == "kehoach". */
static bool same_letters(const char *a, size_t na, const char *b)
{
    size_t i = 0, j = 0, nb = strlen(b);
    for (;;) {
        while (i < na && isspace((unsigned char)a[i]))
            i++;
        while (j < nb && isspace((unsigned char)b[j]))
            j++;
        if (i == na || j == nb)
            return i == na && j == nb;
        if (a[i++] != b[j++])
            return false;
    }
}

const vt_lex_entry *vt_lex_match(const vt_lex_list *list, const char *fold,
                                 size_t n, double max_cost, double *cost)
{
    const vt_lex_entry *best = NULL;
    double bc = max_cost;
    for (size_t i = 0; i < list->n; i++) {
        if (same_letters(fold, n, list->v[i].fold)) {
            if (cost)
                *cost = 0;
            return &list->v[i];
        }
    }
    if (max_cost <= 0)
        return NULL;
    for (size_t i = 0; i < list->n; i++) {
        size_t nk = strlen(list->v[i].fold);
        if (n > nk * 2 + 4 || nk > n * 2 + 4)
            continue;
        double c = vt_fuzzy_cost_within(fold, n, list->v[i].fold, bc);
        /* Among equal costs the longer entry explains more of the text. */
        if (c < bc || (best && c == bc && nk > strlen(best->fold))) {
            bc = c;
            best = &list->v[i];
        }
    }
    if (best && cost)
        *cost = bc;
    return best;
}

const vt_lex_entry *vt_lex_form(const vt_lex_list *list, const char *word)
{
    char *f = vt_text_fold(word), *low = vt_text_lower_full(word);
    const vt_lex_entry *found = NULL;
    for (size_t i = 0; i < list->n && !found; i++)
        if (strcmp(list->v[i].fold, f) == 0) {
            char *l = vt_text_lower_full(list->v[i].form);
            if (strcmp(l, low) == 0)
                found = &list->v[i];
            free(l);
        }
    free(f);
    free(low);
    return found;
}

const vt_lex_entry *vt_lex_prefix(const vt_lex_list *list, const char *fold,
                                  size_t flen, size_t at, size_t *end)
{
    const vt_lex_entry *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < list->n; i++) {
        const char *f = list->v[i].fold;
        size_t k = strlen(f);
        if (k <= best_len || at + k > flen || memcmp(fold + at, f, k) != 0)
            continue;
        if (at + k < flen && isalnum((unsigned char)fold[at + k]))
            continue;
        best = &list->v[i];
        best_len = k;
    }
    if (best && end)
        *end = at + best_len;
    return best;
}
