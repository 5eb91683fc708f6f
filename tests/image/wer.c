/* wer.c — word error rate of an OCR text against its source text.
 *
 *   vt-wer [--max RATE] REFERENCE HYPOTHESIS
 *
 * Words are runs of non-whitespace (space, tab, newline, form feed); the
 * rate is the word-level edit distance over the number of reference words.
 * Prints "wer RATE (EDITS/WORDS)"; with --max, exits 1 when RATE is above
 * it.  Exit 2 when a file cannot be read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char **w;
    size_t n;
} words;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap + 1);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static words split(char *s)
{
    words r = {malloc(sizeof(char *) * (strlen(s) / 2 + 1)), 0};
    for (char *t = strtok(s, " \t\r\n\f\v"); t; t = strtok(NULL, " \t\r\n\f\v"))
        r.w[r.n++] = t;
    return r;
}

static size_t distance(const words *a, const words *b)
{
    size_t *prev = malloc((b->n + 1) * sizeof *prev);
    size_t *cur = malloc((b->n + 1) * sizeof *cur);
    for (size_t j = 0; j <= b->n; j++)
        prev[j] = j;
    for (size_t i = 1; i <= a->n; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= b->n; j++) {
            size_t sub = prev[j - 1] + (strcmp(a->w[i - 1], b->w[j - 1]) != 0);
            size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        size_t *t = prev;
        prev = cur;
        cur = t;
    }
    size_t d = prev[b->n];
    free(prev);
    free(cur);
    return d;
}

int main(int argc, char **argv)
{
    double max = -1;
    int i = 1;
    if (argc > 2 && strcmp(argv[1], "--max") == 0) {
        max = strtod(argv[2], NULL);
        i = 3;
    }
    if (argc - i != 2) {
        fprintf(stderr, "usage: vt-wer [--max RATE] REFERENCE HYPOTHESIS\n");
        return 2;
    }
    char *ref = slurp(argv[i]), *hyp = slurp(argv[i + 1]);
    if (!ref || !hyp) {
        fprintf(stderr, "vt-wer: cannot read %s\n", ref ? argv[i + 1] : argv[i]);
        return 2;
    }
    words a = split(ref), b = split(hyp);
    size_t d = distance(&a, &b);
    double rate = a.n ? (double)d / a.n : (b.n ? 1.0 : 0.0);
    printf("wer %.4f (%zu/%zu)\n", rate, d, a.n);
    free(a.w);
    free(b.w);
    free(ref);
    free(hyp);
    return max >= 0 && rate > max ? 1 : 0;
}
