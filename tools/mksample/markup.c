/* markup.c — read the sample markup: "@section" lines, each followed by the
 * lines that belong to it.  Lines starting with '#' are comments. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mksample.h"

static const char *const section_names[MS_N_SECTIONS] = {
    "header-left", "header-right", "number-left", "date-right",
    "title",       "body",         "footer-left", "footer-right",
    "overlay",     "mark",         "stamp",
};

/* Read "@NAME" or "@NAME ARG"; return the section, or -1 when the name or
 * its argument is unknown. */
static int read_section(ms_doc *doc, const char *line)
{
    const char *sp = strchr(line, ' ');
    size_t n = sp ? (size_t)(sp - line) : strlen(line);
    const char *arg = sp ? sp + 1 : "";
    for (int i = 0; i < MS_N_SECTIONS; i++) {
        if (strlen(section_names[i]) != n || strncmp(line, section_names[i], n) != 0)
            continue;
        if (!*arg)
            return i;
        if (i == MS_OVERLAY && strcmp(arg, "box") == 0) {
            doc->overlay_box = true;
            return i;
        }
        if (i == MS_STAMP && (strcmp(arg, "red") == 0 || strcmp(arg, "blue") == 0)) {
            doc->stamp_red = arg[0] == 'r';
            return i;
        }
        return -1;
    }
    return -1;
}

static void lines_push(ms_lines *l, const char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->lines = realloc(l->lines, l->cap * sizeof *l->lines);
    }
    l->lines[l->n++] = strdup(s);
}

static void rstrip(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' ||
                 s[n - 1] == '\t'))
        s[--n] = '\0';
}

bool ms_doc_read(ms_doc *doc, const char *path, char *err, size_t errlen)
{
    memset(doc, 0, sizeof *doc);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    int cur = -1;
    long lineno = 0;
    bool ok = true;
    while (getline(&line, &cap, f) >= 0) {
        lineno++;
        rstrip(line);
        if (line[0] == '#')
            continue;
        if (line[0] == '@') {
            cur = read_section(doc, line + 1);
            if (cur < 0) {
                snprintf(err, errlen, "%s:%ld: unknown section '%s'", path,
                         lineno, line);
                ok = false;
                break;
            }
            continue;
        }
        if (cur < 0) {
            if (line[0] == '\0')
                continue;
            snprintf(err, errlen, "%s:%ld: text before the first @section",
                     path, lineno);
            ok = false;
            break;
        }
        lines_push(&doc->sec[cur], line);
    }
    free(line);
    fclose(f);
    if (!ok) {
        ms_doc_clear(doc);
        return false;
    }
    /* Trailing blank lines of a section are layout noise, not content. */
    for (int i = 0; i < MS_N_SECTIONS; i++) {
        ms_lines *l = &doc->sec[i];
        while (l->n && l->lines[l->n - 1][0] == '\0')
            free(l->lines[--l->n]);
    }
    if (doc->sec[MS_BODY].n == 0) {
        snprintf(err, errlen, "%s: no @body section", path);
        ms_doc_clear(doc);
        return false;
    }
    return true;
}

void ms_doc_clear(ms_doc *doc)
{
    for (int i = 0; i < MS_N_SECTIONS; i++) {
        for (size_t j = 0; j < doc->sec[i].n; j++)
            free(doc->sec[i].lines[j]);
        free(doc->sec[i].lines);
    }
    memset(doc, 0, sizeof *doc);
}
