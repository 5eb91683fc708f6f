/*
 * test_align.c — the channel aligner on hand-made OCR damage.
 */
#include "align.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

/* expect: "t1>o1 t2>o2 ..." with "" sides written as nothing ("ớ>"). */
static void check_chars(const vt_chan_costs *costs, const char *truth,
                        const char *ocr, const char *expect)
{
    vt_chan_seg segs[32];
    size_t n = vt_chan_align_chars(costs, truth, ocr, segs, 32, NULL);
    char got[512] = "";
    for (size_t i = 0; i < n && i < 32; i++) {
        if (i)
            strcat(got, " ");
        strcat(got, segs[i].truth);
        strcat(got, ">");
        strcat(got, segs[i].ocr);
    }
    if (strcmp(got, expect) != 0) {
        fprintf(stderr, "FAIL %s / %s: got \"%s\", want \"%s\"\n", truth, ocr,
                got, expect);
        failures++;
    }
}

static void check_tokens(const char *truth, const char *ocr, const char *expect)
{
    size_t nt, no, np;
    char **t = vt_chan_tokens(truth, &nt), **o = vt_chan_tokens(ocr, &no);
    vt_chan_tokpair *p = vt_chan_align_tokens(t, nt, o, no, &np);
    char got[256] = "";
    for (size_t i = 0; i < np; i++)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%zu:%zu",
                 i ? " " : "", p[i].nt, p[i].no);
    if (strcmp(got, expect) != 0) {
        fprintf(stderr, "FAIL tokens %s / %s: got \"%s\", want \"%s\"\n", truth,
                ocr, got, expect);
        failures++;
    }
    free(p);
    vt_chan_tokens_free(t, nt);
    vt_chan_tokens_free(o, no);
}

/* Count one word as if aligned as `segs` ("t>o t>o ...") n times. */
static void train(vt_chan_counts *c, const char *truth, double n,
                  const char *segs)
{
    vt_chan_counts_add_truth(c, truth, n);
    char buf[256];
    strcpy(buf, segs);
    for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) {
        char *gt = strchr(tok, '>');
        *gt = '\0';
        vt_chan_counts_add(c, tok, gt + 1, n);
    }
}

/* Append "truth=n " to the string `user`. */
static void add_occ(const char *truth, double n, void *user)
{
    char *out = user;
    snprintf(out + strlen(out), 512 - strlen(out), "%s=%.0f ", truth, n);
}

int main(void)
{
    /* Prior only: identities, same-letter substitutions, one-to-many. */
    vt_chan_costs *prior = vt_chan_costs_new(NULL);
    check_chars(prior, "trường", "trudng", "t>t r>r ư>u ờ>d n>n g>g");
    check_chars(prior, "của", "ctia", "c>c ủ>ti a>a");
    check_chars(prior, "số", "s6", "s>s ố>6");
    check_chars(prior, "Số", "$6", "S>$ ố>6");
    check_chars(prior, "mới", "mi", "m>m ớ> i>i");
    check_chars(prior, "những", "nhtrng", "n>n h>h ữ>tr n>n g>g");
    check_chars(prior, "là", "1a", "l>1 à>a");
    check_chars(prior, "", "x", ">x");
    check_chars(prior, "abc", "abc", "a>a b>b c>c");

    /* Learnt counts decide what the prior leaves open: with "ư" -> "u" and
     * "ợ" -> nothing common, "được" / "duc" deletes "ợ" rather than reading
     * "ượ" as one unit. */
    vt_chan_counts *c = vt_chan_counts_new();
    train(c, "người", 20, "n>n g>g ư>u ờ>o i>i");
    train(c, "lợi", 5, "l>l ợ> i>i");
    train(c, "đi", 10, "đ>d i>i");
    train(c, "các", 10, "c>c á>a c>c");
    vt_chan_costs *learnt = vt_chan_costs_new(c);
    check_chars(learnt, "được", "duc", "đ>d ư>u ợ> c>c");
    check_chars(learnt, "trường", "trudng", "t>t r>r ư>u ờ>d n>n g>g");
    double cost_seen, cost_odd;
    vt_chan_seg segs[16];
    vt_chan_align_chars(learnt, "người", "nguoi", segs, 16, &cost_seen);
    vt_chan_align_chars(learnt, "người", "ngxyi", segs, 16, &cost_odd);
    if (!(cost_seen < 1.0 && cost_odd > cost_seen + 5.0)) {
        fprintf(stderr, "FAIL costs: seen %.2f, odd %.2f\n", cost_seen, cost_odd);
        failures++;
    }
    if (vt_chan_counts_get(c, "ư", "u") != 20 || vt_chan_counts_get(c, "ợ", "") != 5) {
        fprintf(stderr, "FAIL counts\n");
        failures++;
    }
    /* Occurrences of the truth: places for insertions first, then every
     * substring of 1-3 code points in byte order. */
    char occ[512] = "";
    vt_chan_counts_each_truth(c, add_occ, occ);
    const char *head = "=210 c=20 cá=10 các=10 g=20 gư=20 gườ=20 i=35 ";
    if (strncmp(occ, head, strlen(head)) != 0 || !strstr(occ, " ợ=5 ") ||
        !strstr(occ, " ười=20 ") || strstr(occ, "ngườ=")) {
        fprintf(stderr, "FAIL occurrences: %s\n", occ);
        failures++;
    }

    /* Tokens: a merge of two syllables, a dropped word, an added one. */
    check_tokens("Độc lập - Tự do", "Poclap - Tu do", "2:1 1:1 1:1 1:1");
    check_tokens("Sở Y tế tỉnh", "Sé& Y té tinh", "1:1 1:1 1:1 1:1");
    check_tokens("ban hành quyết định", "ban quyét dinh", "1:1 1:0 1:1 1:1");
    check_tokens("số 15", "s6 , 15", "1:1 0:1 1:1");
    if (fabs(vt_chan_word_dist("Đào", "dao")) > 1e-9 ||
        fabs(vt_chan_word_dist("của", "ctia") - 0.5) > 1e-9) {
        fprintf(stderr, "FAIL word distance\n");
        failures++;
    }

    vt_chan_costs_free(learnt);
    vt_chan_costs_free(prior);
    vt_chan_counts_free(c);
    return failures ? 1 : 0;
}
