/* test_digits.c — the digit reader (src/image/digits.c):
 *
 * - the network reads MNIST digits it was not learnt from
 *   (tests/image/mnist-aside.txt, written by tools/digits/train.sh);
 * - on a made-up header (print stood in by blocks of ink where the word
 *   boxes say, a dotted blank), digits pasted into the number's blank in
 *   blue pen and into the day's in black fill them: "Số:" "487"
 *   "/TB-UBND", "ngày" "12" "tháng", flagged handwritten and pen_digits;
 * - a scribble in a blank, a digit pasted over another and a smudge
 *   leave the line as OCR gave it (the reader abstains);
 * - two digits whose strokes touch are read as two; a 7 whose bar runs on
 *   into the next word's print is read, the print left out; a month
 *   written into "tháng ... năm" is read, one above 12 is not; a day
 *   OCR ran into the cue ("ngàW|") is read past the cue's measured width;
 * - a day whose pen OCR boxed with "tháng" is read before the word's
 *   measured print; a copier's streak through a digit is no stroke of it;
 *   the black tail of the cue's last letter in a blank of blue pen is left
 *   out; the cue is measured at the resolution preprocess found when the
 *   file states another; a 4 whose arm ends at its bar is one digit; a
 *   4 in a ballpoint's pen, its bar run on past its stem, is a sure 4,
 *   and so is a slanted 1 with a flag a 1, and a wide bold 1 whose flag
 *   reaches far to the left; pen digits of a page scanned
 *   at 100 or 87 dpi are read as well as at 300, and none wrong; digits
 *   part of whose strokes are faint (lighter than the reader's threshold)
 *   are not read wrong.
 *
 *     test-digits MNIST_ASIDE */
#include <math.h>
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

/* A line of three words, the day written by pen in black into `pen`
 * (cleared of print: OCR's box over it): the digits a and b at (at[0],
 * at[2]) and (at[1], at[2]). */
static vt_line *pen_day(vt_page *pg, PIX *page, const char *const *words, const vt_box *boxes,
                        vt_box pen, const aside *a, const aside *b, const int at[3])
{
    vt_line *ln = add_line(pg, VT_ROLE_HEADER_RIGHT, page, words, boxes, 3);
    fill(page, pen, rgb(248, 248, 240));
    paste(page, a, at[0], at[2], rgb(15, 15, 15));
    paste(page, b, at[1], at[2], rgb(15, 15, 15));
    return ln;
}

/* A 4 drawn open, 56 pixels high from (x, y): its arm slants down to the
 * bar, which lies 13 pixels above the foot of its stem; cut between arm
 * and stem, its two sides stand as high as digits, as a 1 and a 1 run
 * together would. */
static void open_four(PIX *page, int x, int y, l_uint32 colour)
{
    for (int r = 0; r < 43; r++)
        fill(page, (vt_box){x + r / 4 - r / 2, y + r, 5, 1}, colour);
    fill(page, (vt_box){x - 8, y + 38, 36, 5}, colour);
    for (int r = 6; r < 56; r++)
        fill(page, (vt_box){x + 20 - (r - 6) / 10, y + r, 5, 1}, colour);
}

/* A 4 as a ballpoint draws it, 54 high in a pen 6 wide, at (x, y) of the
 * page: the arm from under the stem's top down to the bar, the bar
 * running on 8 past the upright stem. */
static void pen_four(PIX *page, int x, int y, l_uint32 colour)
{
    for (int r = 3; r <= 27; r++)
        fill(page, (vt_box){x + 14 - (r - 3) * 14 / 24, y + r, 6, 1}, colour);
    fill(page, (vt_box){x, y + 27, 30, 6}, colour);
    fill(page, (vt_box){x + 22, y, 6, 54}, colour);
}

/* A 1 leaning right, 44 high in a pen 5 wide, at (x, y) of the page:
 * its stem falls 12 to the left, a flag 12 long down from its top. */
static void slanted_one(PIX *page, int x, int y, l_uint32 colour)
{
    for (int r = 0; r < 44; r++)
        fill(page, (vt_box){x + 12 - r * 12 / 44, y + r, 5, 1}, colour);
    for (int k = 0; k < 12; k++)
        fill(page, (vt_box){x + 12 - k, y + k * 2 / 3, 5, 5}, colour);
}

/* A 1 written wide in a bold pen, `h` high, at (x, y) of the page: a
 * flag from its top down to the left, reaching `flag` percent of its
 * height to the left and half its height down, and a stem leaning right
 * a tenth of its height, in a pen `pen` wide: the digit is nearly as wide
 * as it is high. */
static void wide_one(PIX *page, int x, int y, int h, int flag, int pen, l_uint32 colour)
{
    int reach = h * flag / 100, top = x + reach;
    for (int r = 0; r < h; r++)
        fill(page, (vt_box){top - r / 10, y + r, pen, 1}, colour);
    for (int k = 0; k <= reach; k++)
        fill(page, (vt_box){top - k, y + k * h / 2 / reach, pen, pen}, colour);
}

/* "ngày 3 tháng ... năm 2024" at row y, the cue "tháng" spelt `cue`
 * and its box `cue_w` wide; the blank before "năm" is the month's. */
static vt_line *month_line(vt_page *pg, PIX *page, int y, const char *cue, int cue_w)
{
    const char *words[] = {"ngày", "3", cue, "năm", "2024"};
    return add_line(pg, VT_ROLE_HEADER_RIGHT, page, words,
                    (vt_box[]){{800, y, 110, 50}, {920, y, 30, 50}, {960, y, cue_w, 50},
                               {1200, y, 90, 50}, {1300, y, 100, 50}}, 5);
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

/* Check that the line's words, joined by '|', are `want`, and that a
 * word of pen digits is among them when `read`. */
static void expect_line(const vt_line *ln, const char *want, bool read, const char *what)
{
    bool flagged;
    const char *got = line_words(ln, &flagged);
    check(!strcmp(got, want) && flagged == read, "%s: got %s%s", what, got,
          flagged ? " (flagged)" : "");
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
        size_t got = vt_digits_read(page, (vt_box){50, 12, 100, 75}, 1, out, sizeof out);
        pixDestroy(&page);
        if (got == 1 && out[0] == '0' + d)
            return &all[i];
    }
    return NULL;
}

/* The shift, in the aside's pixels, at which b drawn right of a first
 * touches it: some ink of b beside some of a. */
static int touching_shift(const aside *a, const aside *b)
{
    for (int s = 28; s > 0; s--)
        for (int r = 0; r < 28; r++)
            for (int c = 0; c < 28; c++)
                for (int dr = -1; b->ink[r][c] && dr <= 1; dr++)
                    for (int dc = -1; dc <= 1; dc++) {
                        int ar = r + dr, ac = c + s + dc;
                        if (ar >= 0 && ar < 28 && ac >= 0 && ac < 28 && a->ink[ar][ac])
                            return s;
                    }
    return 0;
}

/* A made-up page of w x h pixels at 300 dpi: its model, named name, in
 * *doc and its paper, an off-white, in *pix. */
static vt_page *paper_page(const char *name, int w, int h, vt_doc **doc, PIX **pix)
{
    *doc = vt_doc_new(name);
    vt_page *pg = vt_doc_add_page(*doc);
    pg->dpi = 300;
    pg->width = w;
    pg->height = h;
    *pix = pixCreate(w, h, 32);
    pixSetAllArbitrary(*pix, rgb(248, 248, 240));
    return pg;
}

/* The page as ingested, handed to the reader; counts how often it is
 * asked for. */
static int loads;
static PIX *load_page(void *ctx)
{
    loads++;
    return pixClone(ctx);
}

/* A number line of a 300 dpi page whose digits OCR read after the cue at
 * low confidence ("Số:516", taken for pen), drawn as three strokes of the
 * given heights from the given tops; returns whether, once the blanks are
 * filled, the cue word is still taken for pen. */
static bool number_left_pen(const int height[3], const int top[3])
{
    vt_doc *doc;
    PIX *page;
    vt_page *pg = paper_page("low-confidence.png", 800, 300, &doc, &page);
    vt_line *ln = vt_block_add_line(vt_page_add_block(pg, VT_ROLE_HEADER_LEFT));
    vt_line_add_word(ln, "Số:516", NULL, (vt_box){100, 100, 200, 50}, 30)->handwritten = true;
    vt_line_add_word(ln, "/QĐ-UBND", NULL, (vt_box){320, 100, 250, 50}, 90);
    fill(page, (vt_box){102, 108, 56, 34}, rgb(20, 20, 20)); /* the cue's print */
    fill(page, (vt_box){322, 108, 246, 34}, rgb(20, 20, 20));
    for (int i = 0; i < 3; i++) { /* the digits, a stem and a bar each */
        fill(page, (vt_box){180 + 35 * i, top[i], 8, height[i]}, rgb(20, 20, 20));
        fill(page, (vt_box){180 + 35 * i, top[i], 22, 6}, rgb(20, 20, 20));
    }
    vt_digits_source src = {load_page, page, NULL, false};
    vt_digits_fill_blanks(pg, &src);
    pixDestroy(&src.pix);
    pixDestroy(&page);
    bool pen = ln->words[0].handwritten && !strcmp(ln->words[0].text, "Số:516");
    vt_doc_free(doc);
    return pen;
}

/* Confidence cannot tell a printed number OCR read low from pen: the ink
 * can.  Type's digits are as tall as each other (a numbering stamp may
 * set one a little higher); a hand's are not. */
static void typed_or_pen(void)
{
    check(!number_left_pen((int[]){36, 36, 36}, (int[]){108, 108, 108}),
          "digits of one height left as pen");
    check(!number_left_pen((int[]){36, 36, 36}, (int[]){104, 108, 108}),
          "digits of one height, the first set higher, left as pen");
    check(number_left_pen((int[]){40, 31, 36}, (int[]){104, 110, 108}),
          "digits of three heights taken for print");
    check(number_left_pen((int[]){36, 36, 36}, (int[]){90, 108, 126}),
          "digits climbing a line taken for print");
}


/* A number written by pen, one digit a, into the blank of "Số: ...
 * /TB-UBND" on a page drawn at 300 dpi and scanned at `dpi` (shrunk by
 * area, its strokes' edges grey) and stated so; returns the digits the
 * blank was filled with, "" when the reader abstained. */
static const char *coarse_number(const aside *a, int dpi)
{
    static char got[16];
    PIX *fine = pixCreate(800, 300, 32);
    pixSetAllArbitrary(fine, rgb(248, 248, 240));
    const vt_box print[2] = {{100, 100, 70, 50}, {420, 100, 250, 50}};
    for (int i = 0; i < 2; i++)
        fill(fine, (vt_box){print[i].x + 2, print[i].y + 8, print[i].w - 4, print[i].h - 16},
             rgb(20, 20, 20));
    paste(fine, a, 260, 97, rgb(20, 20, 20));
    float k = (float)dpi / 300;
    PIX *page = dpi < 300 ? pixScaleAreaMap(fine, k, k) : pixClone(fine);
    pixDestroy(&fine);
    vt_doc *doc = vt_doc_new("coarse.png");
    vt_page *pg = vt_doc_add_page(doc);
    pg->dpi = dpi;
    pg->width = (int)pixGetWidth(page);
    pg->height = (int)pixGetHeight(page);
    vt_line *ln = vt_block_add_line(vt_page_add_block(pg, VT_ROLE_HEADER_LEFT));
    const char *words[2] = {"Số:", "/TB-UBND"};
    for (int i = 0; i < 2; i++)
        vt_line_add_word(ln, words[i], NULL,
                         (vt_box){(int)lroundf(print[i].x * k), (int)lroundf(print[i].y * k),
                                  (int)lroundf(print[i].w * k), (int)lroundf(print[i].h * k)},
                         95);
    vt_digits_source src = {load_page, page, NULL, false};
    vt_digits_fill_blanks(pg, &src);
    pixDestroy(&src.pix);
    pixDestroy(&page);
    got[0] = '\0';
    if (ln->n_words == 3 && ln->words[1].pen_digits)
        snprintf(got, sizeof got, "%s", ln->words[1].text);
    vt_doc_free(doc);
    return got;
}

/* Pen digits of a coarse scan: a digit of a 100 or 87 dpi page is a
 * dozen pixels high, its strokes grey at their edges.  Over the digits set
 * aside (but 0, no number's first digit), as many are read right as at
 * 300 dpi, two fewer at most, and none wrong (read as they were scanned,
 * 100 dpi read eight fewer and two wrong). */
static void coarse_digits(const aside *all, size_t n)
{
    const int dpis[] = {300, 100, 87};
    int fine_right = 0;
    for (size_t d = 0; d < sizeof dpis / sizeof *dpis; d++) {
        int right = 0, wrong = 0;
        for (size_t i = 0; i < n; i++) {
            if (!all[i].label)
                continue;
            const char *got = coarse_number(&all[i], dpis[d]);
            if (*got && got[0] == '0' + all[i].label && !got[1])
                right++;
            else if (*got)
                wrong++;
        }
        if (!d)
            fine_right = right;
        check(right + 2 >= fine_right && !wrong,
              "pen digits at %d dpi: %d right and %d wrong, at 300 dpi %d right", dpis[d],
              right, wrong, fine_right);
    }
}

/* A pen digit a in a blank of its own, its strokes right of `split`
 * (of its 56 columns) faint: lighter than INK_DARK of the paper, darker
 * than INK_LIGHT (src/image/digits.c).  Returns what the reader read, ""
 * when it abstained. */
static const char *faint_digit(const aside *a, int split, int grey)
{
    static char got[4];
    PIX *blank = pixCreate(200, 120, 32);
    pixSetAllArbitrary(blank, rgb(250, 250, 245));
    for (int r = 0; r < 56; r++)
        for (int c = 0; c < 56; c++)
            if (a->ink[r / 2][c / 2])
                pixSetPixel(blank, 70 + c, 30 + r,
                            c < split ? rgb(20, 20, 20) : rgb(grey, grey, grey));
    if (!vt_digits_read(blank, (vt_box){50, 10, 100, 100}, 1, got, sizeof got))
        got[0] = '\0';
    pixDestroy(&blank);
    return got;
}

/* A faint pen: the digits set aside, their right half (or right third)
 * lighter than the reader's darker threshold, as a ballpoint that skips
 * leaves them on a grey scan.  Read at that threshold alone a part of a
 * digit is often a sure other digit (a third of them, wrong); none is
 * read wrong. */
static void faint_digits(const aside *all, size_t n)
{
    for (int split = 28; split <= 36; split += 8) {
        int wrong = 0;
        for (size_t i = 0; i < n; i++) {
            const char *got = faint_digit(&all[i], split, 195);
            wrong += *got && (got[0] != '0' + all[i].label || got[1]);
        }
        check(!wrong, "faint pen right of column %d of 56: %d digits read wrong", split, wrong);
    }
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
    /* A pen's 4 alone in a blank: its top closed when its strokes are
     * redrawn a pixel too thick, open and sure with the narrower brush. */
    PIX *blank = pixCreate(200, 120, 32);
    pixSetAllArbitrary(blank, rgb(250, 250, 245));
    pen_four(blank, 85, 30, rgb(20, 20, 20));
    char alone[4];
    size_t alone_got = vt_digits_read(blank, (vt_box){50, 10, 100, 100}, 1, alone, sizeof alone);
    check(alone_got == 1 && alone[0] == '4', "a 4 in a ballpoint's pen: got %zu digits",
          alone_got);
    /* A slanted 1 with a flag, read only once sheared upright. */
    pixSetAllArbitrary(blank, rgb(250, 250, 245));
    slanted_one(blank, 90, 30, rgb(20, 20, 20));
    alone_got = vt_digits_read(blank, (vt_box){50, 10, 100, 100}, 1, alone, sizeof alone);
    check(alone_got == 1 && alone[0] == '1', "a slanted 1 with a flag: got %zu digits",
          alone_got);
    /* Wide bold 1s whose flag reaches far to the left, in a pen a fifth
     * of their height: networks learnt from MNIST's upright digits alone
     * are unsure of the widest. */
    for (int flag = 60; flag <= 80; flag += 10) {
        pixSetAllArbitrary(blank, rgb(250, 250, 245));
        wide_one(blank, 70, 30, 42, flag, 8, rgb(20, 20, 20));
        alone_got = vt_digits_read(blank, (vt_box){50, 10, 100, 100}, 1, alone, sizeof alone);
        check(alone_got == 1 && alone[0] == '1',
              "a wide 1, its flag reaching %d%% of its height: got %zu digits", flag, alone_got);
    }
    pixDestroy(&blank);
    faint_digits(all, n);

    const aside *four = sure_digit(all, n, 4), *eight = sure_digit(all, n, 8),
                *seven = sure_digit(all, n, 7), *one = sure_digit(all, n, 1),
                *two = sure_digit(all, n, 2);
    check(four && eight && seven && one && two, "no sure 4, 8, 7, 1 or 2 among the digits");
    if (failures)
        return 1;

    /* A header of a made-up page at 300 dpi. */
    vt_doc *doc;
    PIX *page;
    vt_page *pg = paper_page("made-up.png", 1600, 700, &doc, &page);
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
    expect_line(num, "Số:|487|/TB-UBND", true, "number line");
    expect_line(date, "Hà|Nội,|ngày|12|tháng|5", true, "date line");
    expect_line(scrib, "Số:|/QĐ-UBND", false, "scribble");
    expect_line(joined, "Số:|/QĐ-UBND", false, "digits run together");
    vt_doc_free(doc);

    /* The same number line on a page scanned on its side or upside down:
     * its boxes lie in the page as scanned, and the digits are read the
     * right way up (turned over, a 487 reads as no number or a wrong one),
     * the printed words keeping their boxes. */
    for (int q = 1; q < 4; q++) {
        doc = vt_doc_new("turned.png");
        pg = vt_doc_add_page(doc);
        pg->dpi = 300;
        pg->width = q % 2 ? 700 : 1600;
        pg->height = q % 2 ? 1600 : 700;
        pg->prepared = (vt_prepared){.width = 1600, .height = 700, .dpi = 300, .scale_x = 1,
                                     .scale_y = 1, .quarter_turns = q};
        vt_line *ln = vt_block_add_line(vt_page_add_block(pg, VT_ROLE_HEADER_LEFT));
        vt_box upright[] = {{100, 100, 70, 50}, {420, 100, 250, 50}}, scanned[2];
        for (size_t i = 0; i < 2; i++) {
            scanned[i] = vt_page_box_from_prepared(pg, upright[i]);
            vt_line_add_word(ln, number[i], NULL, scanned[i], 95);
        }
        PIX *as_scanned = pixRotateOrth(page, 4 - q);
        vt_digits_source turned = {load_page, as_scanned, NULL, false};
        vt_digits_fill_blanks(pg, &turned);
        pixDestroy(&turned.pix);
        pixDestroy(&as_scanned);
        char what[48];
        snprintf(what, sizeof what, "number line turned %d quarters", q);
        expect_line(ln, "Số:|487|/TB-UBND", true, what);
        bool kept = ln->n_words == 3 && /* the digits' word spliced in */
                    !memcmp(&ln->words[0].box, &scanned[0], sizeof scanned[0]) &&
                    !memcmp(&ln->words[2].box, &scanned[1], sizeof scanned[1]);
        check(kept, "%s: the printed words' boxes moved", what);
        vt_doc_free(doc);
    }

    /* The classes the reader learnt to read past: a page of one line
     * each, white but for the print and the pen drawn on it. */
    doc = vt_doc_new("more.png");
    pg = vt_doc_add_page(doc);
    pg->dpi = 300;
    PIX *more = pixCreate(1600, 1200, 32);
    pixSetAllArbitrary(more, rgb(248, 248, 240));
    /* A 4 and a 7 written so close that their strokes touch. */
    vt_line *touch = add_line(pg, VT_ROLE_HEADER_LEFT, more, number,
                              (vt_box[]){{100, 100, 70, 50}, {420, 100, 250, 50}}, 2);
    paste(more, four, 200, 90, rgb(20, 20, 20));
    paste(more, seven, 200 + 2 * touching_shift(four, seven), 90, rgb(20, 20, 20));
    /* A smudge: a blot of ink the size of a digit. */
    vt_line *smudge = add_line(pg, VT_ROLE_HEADER_LEFT, more, scribbled,
                               (vt_box[]){{100, 300, 70, 50}, {420, 300, 250, 50}}, 2);
    fill(more, (vt_box){220, 290, 45, 60}, rgb(30, 30, 30));
    /* The day's 7 whose bar runs on into "tháng". */
    static const char *const run_on[] = {"ngày", "tháng", "5"};
    vt_line *into = add_line(pg, VT_ROLE_HEADER_RIGHT, more, run_on,
                             (vt_box[]){{800, 500, 110, 50}, {1030, 500, 125, 50},
                                        {1170, 500, 25, 50}}, 3);
    paste(more, one, 930, 490, rgb(15, 15, 15));
    paste(more, seven, 990, 490, rgb(15, 15, 15));
    for (int x = 1052; x < 1155; x += 24) /* the print in letters */
        fill(more, (vt_box){x, 500, 4, 50}, rgb(248, 248, 240));
    fill(more, (vt_box){1024, 502, 12, 10}, rgb(15, 15, 15));
    /* A month by hand, and one that is no month. */
    vt_line *by_hand = month_line(pg, more, 700, "tháng", 125);
    paste(more, four, 1110, 690, rgb(40, 60, 200));
    vt_line *no_month = month_line(pg, more, 900, "tháng", 125);
    paste(more, four, 1090, 890, rgb(40, 60, 200));
    paste(more, seven, 1140, 890, rgb(40, 60, 200));
    /* OCR ran the day's first stroke into the cue: "ngàW|" spans both. */
    static const char *const run_into_cue[] = {"ngàW|", "tháng", "5"};
    const vt_box into_cue[] = {{800, 1000, 220, 50}, {1100, 1000, 125, 50}, {1240, 1000, 25, 50}};
    const vt_box cue_pen = {910, 995, 110, 60};
    const int cue_digits_at[] = {925, 990, 990};
    vt_line *cue = pen_day(pg, more, run_into_cue, into_cue, cue_pen, one, two, cue_digits_at);
    src = (vt_digits_source){load_page, more, NULL, false};
    vt_digits_fill_blanks(pg, &src);
    pixDestroy(&src.pix);
    const struct {
        const vt_line *line;
        const char *words;
        bool read;
        const char *what;
    } wanted[] = {
        {touch, "Số:|47|/TB-UBND", true, "touching digits"},
        {smudge, "Số:|/QĐ-UBND", false, "smudge"},
        {into, "ngày|17|tháng|5", true, "7 run into the print"},
        {by_hand, "ngày|3|tháng|4|năm|2024", true, "month by hand"},
        {no_month, "ngày|3|tháng|năm|2024", false, "month 47"},
        {cue, "ngày|12|tháng|5", true, "day run into the cue"},
    };
    for (size_t i = 0; i < sizeof wanted / sizeof *wanted; i++)
        expect_line(wanted[i].line, wanted[i].words, wanted[i].read, wanted[i].what);
    pixDestroy(&more);
    vt_doc_free(doc);

    /* What a scan adds around the pen: a page of one line each again. */
    doc = vt_doc_new("scanned.png");
    pg = vt_doc_add_page(doc);
    pg->dpi = 300;
    PIX *scanned = pixCreate(1600, 1200, 32);
    pixSetAllArbitrary(scanned, rgb(248, 248, 240));
    /* OCR gave "tháng" a box over the day's pen before its print. */
    static const char *const boxed[] = {"ngày", "tháng", "5"};
    vt_line *over = pen_day(pg, scanned, boxed,
                            (vt_box[]){{800, 100, 110, 50}, {915, 95, 250, 60},
                                       {1180, 100, 25, 50}},
                            (vt_box){915, 90, 125, 70}, one, two, (int[]){915, 965, 92});
    /* A copier's streak down the page through the number's 4. */
    vt_line *streaked = add_line(pg, VT_ROLE_HEADER_LEFT, scanned, number,
                                 (vt_box[]){{100, 300, 70, 50}, {420, 300, 250, 50}}, 2);
    paste(scanned, four, 200, 290, rgb(20, 20, 20));
    paste(scanned, eight, 270, 290, rgb(20, 20, 20));
    fill(scanned, (vt_box){228, 0, 2, 1200}, rgb(90, 90, 90));
    /* A month in blue pen after "tháng" whose box is wider than its print:
     * the measured cue leaves the g's tail, in black, in the blank; the
     * colon OCR made of the pen goes with it. */
    vt_line *blue = month_line(pg, scanned, 500, "tháng:", 200);
    fill(scanned, (vt_box){1070, 500, 90, 50}, rgb(248, 248, 240));
    fill(scanned, (vt_box){1082, 520, 10, 40}, rgb(20, 20, 20)); /* the tail */
    paste(scanned, four, 1120, 490, rgb(40, 60, 200));
    /* A month's 4 written open, whose arm ends at its bar above the
     * row's foot: one digit, not a 1 run into a 1. */
    vt_line *open = month_line(pg, scanned, 700, "tháng", 125);
    open_four(scanned, 1130, 690, rgb(20, 20, 20));
    src = (vt_digits_source){load_page, scanned, NULL, false};
    vt_digits_fill_blanks(pg, &src);
    pixDestroy(&src.pix);
    expect_line(open, "ngày|3|tháng|4|năm|2024", true, "a 4 written open");
    expect_line(over, "ngày|12|tháng|5", true, "pen in the next word's box");
    expect_line(streaked, "Số:|48|/TB-UBND", true, "streak through the number");
    expect_line(blue, "ngày|3|tháng|4|năm|2024", true, "print's tail in a blue blank");
    vt_doc_free(doc);

    /* A file stating half its resolution: the cue "ngàW|" is measured at
     * the resolution preprocess found, not cut at half its width. */
    doc = vt_doc_new("stated.png");
    pg = vt_doc_add_page(doc);
    pg->dpi = 150;
    pg->width = 1600;
    pg->height = 1200;
    pg->prepared = (vt_prepared){.width = 1600, .height = 1200, .dpi = 300, .scale_x = 1,
                                 .scale_y = 1};
    cue = pen_day(pg, scanned, run_into_cue, into_cue, cue_pen, one, two, cue_digits_at);
    src = (vt_digits_source){load_page, scanned, NULL, false};
    vt_digits_fill_blanks(pg, &src);
    pixDestroy(&src.pix);
    expect_line(cue, "ngày|12|tháng|5", true, "a wrong stated resolution");
    pixDestroy(&scanned);
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
    typed_or_pen();
    coarse_digits(all, n);
    return failures ? 1 : 0;
}
