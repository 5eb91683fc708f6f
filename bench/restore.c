/* restore.c — benchmark of the restore stage: model load time, syllables
 * restored per second on one core for each input given, peak resident
 * memory.  Built and run by bench/restore.sh.
 *
 * usage: bench-restore MODEL FILE... [--warm DOC...]
 *
 * After --warm, each DOC is a document of its own: restored by a fresh
 * restorer (cold), and by one that restored the other DOCs first (warm: a
 * worker in a batch keeps its searches and slots across documents).  Only
 * the pass over DOC itself is timed. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "restore.h"

static double now(clockid_t clock)
{
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Syllable slots with a letter: what the stage restores. */
static size_t syllables(const char *text, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t'))
            i++;
        size_t s = i;
        while (i < len && text[i] != ' ' && text[i] != '\n' && text[i] != '\t')
            i++;
        vt_piece pc[64];
        size_t np = vt_word_pieces(text + s, i - s, pc, 64);
        for (size_t k = 0; k < np; k++)
            n += pc[k].kind == VT_PIECE_SLOT;
    }
    return n;
}

static char *read_text(const char *path, size_t *len)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        perror(path);
        return NULL;
    }
    fseek(in, 0, SEEK_END);
    long n = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!text || fread(text, 1, (size_t)n, in) != (size_t)n) {
        fclose(in);
        free(text);
        return NULL;
    }
    fclose(in);
    text[n] = 0;
    *len = (size_t)n;
    return text;
}

/* Seconds of CPU for one pass over docs[d] by a fresh restorer that first
 * restored every other doc when `warm`, averaged over passes for a second. */
static double doc_pass(const vt_restore_model *m, char **docs, size_t *lens, int n, int d,
                       bool warm)
{
    double spent = 0;
    int passes = 0;
    while (spent < 1.0 || passes == 0) {
        vt_restorer *r = vt_restorer_new(m, VT_RESTORE_STYLE_AUTO, 0.6);
        for (int o = 0; warm && o < n; o++)
            if (o != d)
                free(vt_restore_string(r, docs[o], lens[o]));
        double c0 = now(CLOCK_PROCESS_CPUTIME_ID);
        free(vt_restore_string(r, docs[d], lens[d]));
        spent += now(CLOCK_PROCESS_CPUTIME_ID) - c0;
        passes++;
        vt_restorer_free(r);
    }
    return spent / passes;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s MODEL FILE...\n", argv[0]);
        return 1;
    }
    vt_error err = {0};
    double best = 1e9;
    for (int i = 0; i < 20; i++) {
        double t0 = now(CLOCK_MONOTONIC);
        vt_restore_model *m = vt_restore_model_open(argv[1], &err);
        double t = now(CLOCK_MONOTONIC) - t0;
        if (!m) {
            fprintf(stderr, "%s\n", err.message);
            return 1;
        }
        vt_restore_model_close(m);
        if (t < best)
            best = t;
    }
    double t0 = now(CLOCK_MONOTONIC);
    vt_restore_model *m = vt_restore_model_open(argv[1], &err);
    double first = now(CLOCK_MONOTONIC) - t0;
    printf("model load: %.2f ms (best of 20 %.2f ms)\n", first * 1e3, best * 1e3);
    int warm_at = argc;
    for (int f = 2; f < argc; f++)
        if (strcmp(argv[f], "--warm") == 0)
            warm_at = f;
    for (int f = 2; f < warm_at; f++) {
        size_t len;
        char *text = read_text(argv[f], &len);
        if (!text)
            return 1;
        size_t syl = syllables(text, len), done = 0;
        if (syl == 0) {
            fprintf(stderr, "%s: no syllables to restore\n", argv[f]);
            free(text);
            continue;
        }
        double c0 = now(CLOCK_PROCESS_CPUTIME_ID), spent = 0;
        /* One restorer per pass: each pass is a fresh document. */
        while (spent < 1.0 || done == 0) {
            vt_restorer *r = vt_restorer_new(m, VT_RESTORE_STYLE_AUTO, 0.6);
            free(vt_restore_string(r, text, len));
            vt_restorer_free(r);
            done += syl;
            spent = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
        }
        const char *base = strrchr(argv[f], '/');
        printf("%-28s %7zu syllables  %9.0f syllables/s\n", base ? base + 1 : argv[f],
               syl, (double)done / spent);
        free(text);
    }
    int n_docs = argc - warm_at - 1;
    char **docs = calloc((size_t)(n_docs > 0 ? n_docs : 1), sizeof *docs);
    size_t *lens = calloc((size_t)(n_docs > 0 ? n_docs : 1), sizeof *lens);
    for (int d = 0; d < n_docs; d++)
        if (!(docs[d] = read_text(argv[warm_at + 1 + d], &lens[d])))
            return 1;
    for (int d = 0; d < n_docs; d++) {
        size_t syl = syllables(docs[d], lens[d]);
        if (syl == 0) {
            fprintf(stderr, "%s: no syllables to restore\n", argv[warm_at + 1 + d]);
            continue;
        }
        double cold = doc_pass(m, docs, lens, n_docs, d, false);
        double warm = doc_pass(m, docs, lens, n_docs, d, true);
        const char *base = strrchr(argv[warm_at + 1 + d], '/');
        printf("%-28s %7zu syllables  cold %9.0f, warm %9.0f syllables/s\n",
               base ? base + 1 : argv[warm_at + 1 + d], syl, (double)syl / cold,
               (double)syl / warm);
    }
    for (int d = 0; d < n_docs; d++)
        free(docs[d]);
    free(docs);
    free(lens);
    vt_restore_model_close(m);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak resident: %.1f MB\n", (double)ru.ru_maxrss / 1024);
    return 0;
}
