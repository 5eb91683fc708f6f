/* trial.c — how often the pen-digit reader is wrong on digits drawn for the
 * purpose: each of the ten digits drawn as a polyline in two hands, at
 * several slants, pen widths, widths of the digit and heights, alone in a
 * blank of a white page, and read by vt_digits_read.
 *
 *     vt-digits-trial [-v]
 *
 * Prints, per digit and in all, how many were drawn and read right, wrong
 * and left (the reader abstained); -v lists each wrong and left one.  Fails
 * (exit status 1) when more than 1% are wrong, or fewer than RIGHT_PER_MILLE
 * per thousand read right: a wrong number in an archive's record is worse
 * than a blank, and a change to the networks or to how the reader decides
 * it is sure must keep to that, while reading the slanted and the wide
 * hands (networks learnt from MNIST's upright digits alone read 85%; the
 * test image-digits-trial runs it). */
#include <stdio.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "digits.h"

#define RIGHT_PER_MILLE 880

/* A digit's strokes in a 30 x 50 box: up to two polylines of points. */
typedef struct polyline {
    int n;
    int p[12][2];
} polyline;

typedef struct shape {
    char digit;
    polyline line[2];
} shape;

static const shape shapes[] = {
    {'0', {{9, {{15, 1}, {5, 8}, {1, 25}, {5, 43}, {15, 49}, {25, 43}, {29, 25}, {25, 8}, {15, 1}}}}},
    {'0', {{7, {{18, 2}, {6, 12}, {3, 32}, {12, 48}, {24, 40}, {27, 16}, {16, 1}}}}},
    {'1', {{2, {{17, 1}, {15, 49}}}}},
    {'1', {{3, {{6, 12}, {19, 1}, {17, 49}}}}},
    {'2', {{6, {{3, 11}, {11, 2}, {24, 4}, {25, 17}, {2, 48}, {29, 47}}}}},
    {'2', {{7, {{2, 8}, {14, 1}, {26, 9}, {18, 28}, {4, 46}, {8, 42}, {28, 48}}}}},
    {'3', {{7, {{2, 6}, {15, 1}, {25, 9}, {12, 23}, {27, 34}, {17, 48}, {2, 43}}}}},
    {'3', {{5, {{3, 3}, {26, 3}, {12, 21}, {28, 37}, {3, 46}}}}},
    {'4', {{3, {{19, 1}, {2, 33}, {29, 33}}}, {2, {{21, 12}, {21, 49}}}}},
    {'4', {{3, {{5, 1}, {3, 30}, {28, 30}}}, {2, {{22, 2}, {21, 49}}}}},
    {'5', {{6, {{25, 2}, {7, 2}, {5, 21}, {22, 21}, {26, 38}, {3, 47}}}}},
    {'5', {{6, {{6, 2}, {4, 22}, {20, 18}, {27, 33}, {16, 48}, {2, 43}}}, {2, {{6, 2}, {27, 1}}}}},
    {'6', {{8, {{23, 2}, {10, 11}, {3, 31}, {9, 48}, {22, 46}, {26, 33}, {15, 26}, {4, 33}}}}},
    {'6', {{7, {{20, 1}, {6, 20}, {4, 40}, {14, 49}, {25, 40}, {20, 28}, {5, 34}}}}},
    {'7', {{3, {{1, 3}, {28, 3}, {10, 49}}}}},
    {'7', {{4, {{2, 8}, {3, 2}, {27, 2}, {14, 49}}}}},
    {'8', {{10, {{15, 24}, {4, 14}, {8, 2}, {22, 2}, {26, 14}, {15, 24}, {4, 36}, {12, 48}, {24, 46}, {15, 24}}}}},
    {'8', {{9, {{24, 6}, {14, 1}, {5, 9}, {24, 33}, {22, 47}, {8, 48}, {5, 36}, {25, 12}, {24, 6}}}}},
    {'9', {{7, {{25, 14}, {14, 22}, {4, 13}, {11, 2}, {22, 3}, {25, 14}, {21, 49}}}}},
    {'9', {{8, {{26, 8}, {16, 1}, {5, 7}, {7, 18}, {20, 19}, {26, 8}, {24, 30}, {22, 49}}}}},
};

/* The shape drawn at (x, y) `height` pixels high, its width `squeeze`
 * percent of 0.6 of that, leaning right by `slant` percent of its height
 * from foot to top, with a pen `pen` pixels wide. */
static void draw(PIX *page, const shape *s, int x, int y, int height, int squeeze, int slant,
                 int pen)
{
    for (int k = 0; k < 2; k++) {
        const polyline *l = &s->line[k];
        for (int i = 0; i + 1 < l->n; i++) {
            int pt[2][2];
            for (int j = 0; j < 2; j++) {
                int px = l->p[i + j][0], py = l->p[i + j][1];
                int up = height * (50 - py) / 50;
                pt[j][0] = x + px * height * squeeze / (50 * 100) + up * slant / 100;
                pt[j][1] = y + py * height / 50;
            }
            pixRenderLineArb(page, pt[0][0], pt[0][1], pt[1][0], pt[1][1], pen, 25, 25, 30);
        }
    }
}

int main(int argc, char **argv)
{
    bool verbose = argc > 1 && !strcmp(argv[1], "-v");
    setMsgSeverity(L_SEVERITY_NONE);
    static const int slants[] = {-15, -8, 0, 8, 15, 22, 30};
    static const int pens[] = {2, 4, 6};
    static const int squeezes[] = {60, 85, 110, 135};
    static const int heights[] = {40, 64};
    int total[3] = {0}, per[10][3] = {{0}};
    for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++)
        for (size_t a = 0; a < sizeof slants / sizeof *slants; a++)
            for (size_t b = 0; b < sizeof pens / sizeof *pens; b++)
                for (size_t c = 0; c < sizeof squeezes / sizeof *squeezes; c++)
                    for (size_t d = 0; d < sizeof heights / sizeof *heights; d++) {
                        int h = heights[d];
                        PIX *page = pixCreate(6 * h, 3 * h, 32);
                        pixSetAllArbitrary(page, 0xf8f6f000);
                        draw(page, &shapes[s], 5 * h / 2, h, h, squeezes[c], slants[a],
                             pens[b]);
                        char got[4];
                        size_t n = vt_digits_read(page, (vt_box){h, 0, 4 * h, 3 * h}, 1, got,
                                                  sizeof got);
                        int v = !n ? 2 : n == 1 && got[0] == shapes[s].digit ? 0 : 1;
                        total[v]++;
                        per[shapes[s].digit - '0'][v]++;
                        if (v && verbose)
                            printf("%c (hand %zu) %s %s: slant %d pen %d squeeze %d height %d\n",
                                   shapes[s].digit, s % 2 + 1, v == 1 ? "read" : "left",
                                   v == 1 ? got : "", slants[a], pens[b], squeezes[c], h);
                        pixDestroy(&page);
                    }
    for (int d = 0; d < 10; d++)
        printf("%d: right %d wrong %d left %d\n", d, per[d][0], per[d][1], per[d][2]);
    int all = total[0] + total[1] + total[2];
    printf("drawn %d: right %d wrong %d (%.2f%%) left %d\n", all, total[0], total[1],
           100.0 * total[1] / (all ? all : 1), total[2]);
    return total[1] * 100 > all || total[0] * 1000 < all * RIGHT_PER_MILLE;
}
