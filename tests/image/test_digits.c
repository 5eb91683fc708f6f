/* test_digits.c — the digit reader (src/image/digits.c):
 *
 * - the network reads MNIST digits it was not learnt from
 *   (tests/image/mnist-aside.txt, written by tools/digits/train.sh);
 * - on a made-up header (print stood in by blocks of ink where the word
 *   boxes say, a dotted blank), digits pasted into the number's blank in
 *   blue pen and into the day's in black fill them: "Số:" "487"
 *   "/TB-UBND", "ngày" "12" "tháng", flagged handwritten and pen_digits;
 * - a scribble in a blank, and digits run together, leave the line as
 *   OCR gave it (the reader abstains).
 *
 *     test-digits MNIST_ASIDE */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "digits.h"

static int failures;

/* Count a failure, saying what was wrong, unless ok. */
static void check(bool ok, const char *fmt, ...)
{
    if (ok)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("FAIL: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    failures++;
}

typedef struct aside {
    unsigned char ink[28][28];
    int label;
} aside;

static size_t read_aside(const char *path, aside *out, size_t max)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 0;
    }
    char line[64];
    size_t n = 0;
    int row = -1;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#')
            continue;
        int label;
        if (sscanf(line, "digit %d", &label) == 1) {
            if (n == max)
                break;
            out[n].label = label;
            row = 0;
            n++;
        } else if (row >= 0 && row < 28) {
            for (int x = 0; x < 28; x++)
                out[n - 1].ink[row][x] = line[x] == '#';
            row++;
        }
    }
    fclose(f);
    return n;
}

static PIX *ink_pix(const aside *a)
{
    PIX *p = pixCreate(28, 28, 1);
    for (int y = 0; y < 28; y++)
        for (int x = 0; x < 28; x++)
            if (a->ink[y][x])
                pixSetPixel(p, x, y, 1);
    return p;
}

/* Paint the digit's ink at (x, y) of the 32 bpp page, twice its size. */
static void paste(PIX *page, const aside *a, int x, int y, l_uint32 colour)
{
    for (int r = 0; r < 56; r++)
        for (int c = 0; c < 56; c++)
            if (a->ink[r / 2][c / 2])
                pixSetPixel(page, x + c, y + r, colour);
}

static void fill(PIX *page, vt_box b, l_uint32 colour)
{
    for (int y = b.y; y < b.y + b.h; y++)
        for (int x = b.x; x < b.x + b.w; x++)
            pixSetPixel(page, x, y, colour);
}

static l_uint32 rgb(int r, int g, int b)
{
    l_uint32 v;
    composeRGBPixel(r, g, b, &v);
    return v;
}

/* A line of words with their boxes; each word's print is a block of ink
 * on the page but for its top and bottom rows, as letters leave them. */
static vt_line *add_line(vt_page *pg, vt_role role, PIX *page, const char *const *words,
                         const vt_box *boxes, size_t n)
{
    vt_line *ln = vt_block_add_line(vt_page_add_block(pg, role));
    for (size_t i = 0; i < n; i++) {
        vt_line_add_word(ln, words[i], NULL, boxes[i], 95);
        fill(page, (vt_box){boxes[i].x + 2, boxes[i].y + 8, boxes[i].w - 4, boxes[i].h - 16},
             rgb(20, 20, 20));
    }
    return ln;
}

static char *line_words(const vt_line *ln, bool *flags)
{
    static char buf[256];
    buf[0] = '\0';
    *flags = false;
    for (size_t i = 0; i < ln->n_words; i++) {
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? "|" : "",
                 ln->words[i].text);
        *flags |= ln->words[i].handwritten && ln->words[i].pen_digits;
    }
    return buf;
}

/* The first digit of class d among the aside that the reader, alone in a
 * blank, reads as d. */
static const aside *sure_digit(const aside *all, size_t n, int d)
{
    for (size_t i = 0; i < n; i++) {
        if (all[i].label != d)
            continue;
        PIX *page = pixCreate(200, 100, 32);
        pixSetAllArbitrary(page, rgb(250, 250, 245));
        paste(page, &all[i], 70, 22, rgb(20, 20, 20));
        char out[4];
        size_t got = vt_digits_read(page, (vt_box){50, 12, 100, 75}, out, sizeof out);
        pixDestroy(&page);
        if (got == 1 && out[0] == '0' + d)
            return &all[i];
    }
    return NULL;
}

/* The page as ingested, handed to the reader; counts how often it is
 * asked for. */
static int loads;
static PIX *load_page(void *ctx)
{
    loads++;
    return pixClone(ctx);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: test-digits MNIST_ASIDE\n", stderr);
        return 2;
    }
    setMsgSeverity(L_SEVERITY_WARNING);
    static aside all[200];
    size_t n = read_aside(argv[1], all, 200);
    check(n >= 100, "%zu MNIST digits set aside, want 100", n);
    size_t right = 0;
    for (size_t i = 0; i < n; i++) {
        PIX *p = ink_pix(&all[i]);
        float f[VT_DIGIT_FEATURES], prob;
        right += vt_digit_features(p, f) && vt_digit_classify(f, &prob) == all[i].label;
        pixDestroy(&p);
    }
    check(right * 100 >= n * 95, "%zu of %zu MNIST digits read right, want 95 %%", right, n);

    const aside *four = sure_digit(all, n, 4), *eight = sure_digit(all, n, 8),
                *seven = sure_digit(all, n, 7), *one = sure_digit(all, n, 1),
                *two = sure_digit(all, n, 2);
    check(four && eight && seven && one && two, "no sure 4, 8, 7, 1 or 2 among the digits");
    if (failures)
        return 1;

    /* A header of a made-up page at 300 dpi. */
    vt_doc *doc = vt_doc_new("made-up.png");
    vt_page *pg = vt_doc_add_page(doc);
    pg->dpi = 300;
    pg->width = 1600;
    pg->height = 700;
    PIX *page = pixCreate(1600, 700, 32);
    pixSetAllArbitrary(page, rgb(248, 248, 240));
    static const char *const number[] = {"Số:", "/TB-UBND"};
    vt_line *num = add_line(pg, VT_ROLE_HEADER_LEFT, page, number,
                            (vt_box[]){{100, 100, 70, 50}, {420, 100, 250, 50}}, 2);
    paste(page, four, 200, 90, rgb(40, 60, 200));
    paste(page, eight, 260, 90, rgb(40, 60, 200));
    paste(page, seven, 320, 90, rgb(40, 60, 200));
    for (int x = 180; x < 410; x += 12) /* the blank's dots */
        fill(page, (vt_box){x, 142, 3, 3}, rgb(20, 20, 20));
    /* OCR read the day's pen as marks: they give way to the digits. */
    static const char *const day[] = {"Hà", "Nội,", "ngày", "f$.", "tháng", "5"};
    vt_line *date = add_line(pg, VT_ROLE_HEADER_RIGHT, page, day,
                             (vt_box[]){{800, 100, 60, 50}, {870, 100, 80, 50},
                                        {960, 100, 110, 50}, {1090, 95, 90, 60},
                                        {1200, 100, 125, 50}, {1340, 100, 25, 50}},
                             6);
    fill(page, (vt_box){1090, 95, 90, 60}, rgb(248, 248, 240)); /* no print there */
    paste(page, one, 1085, 92, rgb(15, 15, 15));
    paste(page, two, 1135, 92, rgb(15, 15, 15));
    /* A scribble in a blank: a zigzag wider than any digit. */
    static const char *const scribbled[] = {"Số:", "/QĐ-UBND"};
    vt_line *scrib = add_line(pg, VT_ROLE_HEADER_LEFT, page, scribbled,
                              (vt_box[]){{100, 300, 70, 50}, {420, 300, 250, 50}}, 2);
    for (int x = 200; x < 380; x++) {
        int y = 300 + (x / 15 % 2 ? (x % 15) * 3 : 45 - (x % 15) * 3);
        fill(page, (vt_box){x, y, 3, 3}, rgb(20, 20, 20));
    }
    /* Digits run together: the 4 pasted over the 8. */
    vt_line *joined = add_line(pg, VT_ROLE_HEADER_LEFT, page, scribbled,
                               (vt_box[]){{100, 500, 70, 50}, {420, 500, 250, 50}}, 2);
    paste(page, four, 230, 490, rgb(20, 20, 20));
    paste(page, eight, 250, 490, rgb(20, 20, 20));

    vt_digits_source src = {load_page, page, NULL, false};
    vt_digits_fill_blanks(pg, &src);
    pixDestroy(&src.pix);
    check(loads == 1, "page loaded %d times for four blanks, want once", loads);
    bool flagged;
    const char *got = line_words(num, &flagged);
    check(!strcmp(got, "Số:|487|/TB-UBND") && flagged, "number line: got %s%s", got,
          flagged ? "" : " (not flagged)");
    got = line_words(date, &flagged);
    check(!strcmp(got, "Hà|Nội,|ngày|12|tháng|5") && flagged, "date line: got %s%s", got,
          flagged ? "" : " (not flagged)");
    got = line_words(scrib, &flagged);
    check(!strcmp(got, "Số:|/QĐ-UBND") && !flagged, "scribble: got %s", got);
    got = line_words(joined, &flagged);
    check(!strcmp(got, "Số:|/QĐ-UBND") && !flagged, "digits run together: got %s", got);
    vt_doc_free(doc);

    /* A header that prints its number and day has no blank: the page is
     * not loaded again. */
    doc = vt_doc_new("printed.png");
    pg = vt_doc_add_page(doc);
    pg->dpi = 300;
    static const char *const printed[] = {"Số:", "12/TB-UBND"};
    add_line(pg, VT_ROLE_HEADER_LEFT, page, printed,
             (vt_box[]){{100, 100, 70, 50}, {180, 100, 250, 50}}, 2);
    static const char *const printed_day[] = {"ngày", "3", "tháng", "5"};
    add_line(pg, VT_ROLE_HEADER_RIGHT, page, printed_day,
             (vt_box[]){{960, 100, 110, 50}, {1080, 100, 30, 50},
                        {1120, 100, 125, 50}, {1260, 100, 25, 50}}, 4);
    loads = 0;
    src = (vt_digits_source){load_page, page, NULL, false};
    vt_digits_fill_blanks(pg, &src);
    check(loads == 0 && !src.pix, "page loaded %d times for a printed header, want none", loads);
    pixDestroy(&page);
    vt_doc_free(doc);
    return failures ? 1 : 0;
}
