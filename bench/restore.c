/* restore.c — benchmark of the restore stage: model load time, syllables
 * restored per second on one core for each input given, peak resident
 * memory.  Built and run by bench/restore.sh.
 *
 * usage: bench-restore MODEL FILE... */
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
    for (int f = 2; f < argc; f++) {
        FILE *in = fopen(argv[f], "rb");
        if (!in) {
            perror(argv[f]);
            return 1;
        }
        fseek(in, 0, SEEK_END);
        long len = ftell(in);
        fseek(in, 0, SEEK_SET);
        char *text = malloc((size_t)len + 1);
        if (!text || fread(text, 1, (size_t)len, in) != (size_t)len)
            return 1;
        fclose(in);
        size_t syl = syllables(text, (size_t)len), done = 0;
        double c0 = now(CLOCK_PROCESS_CPUTIME_ID), spent = 0;
        /* One restorer per pass: each pass is a fresh document. */
        while (spent < 1.0 || done == 0) {
            vt_restorer *r = vt_restorer_new(m, VT_RESTORE_STYLE_AUTO, 0.6);
            free(vt_restore_string(r, text, (size_t)len));
            vt_restorer_free(r);
            done += syl;
            spent = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
        }
        const char *base = strrchr(argv[f], '/');
        printf("%-28s %7zu syllables  %9.0f syllables/s\n", base ? base + 1 : argv[f],
               syl, (double)done / spent);
        free(text);
    }
    vt_restore_model_close(m);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak resident: %.1f MB\n", (double)ru.ru_maxrss / 1024);
    return 0;
}
