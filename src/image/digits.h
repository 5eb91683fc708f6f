/* digits.h — digits written by hand into the header's blanks ("Số: ....
 * /TB-UBND", "ngày ... tháng ... năm"), read from the page as ingested by a small
 * network learnt from MNIST (dict/digits/, tools/digits/). */
#ifndef VT_IMAGE_DIGITS_H
#define VT_IMAGE_DIGITS_H

#include <stdbool.h>
#include <stddef.h>

#include "vanthu.h"

struct Pix;

/* A digit as the network sees it: a 28x28 MNIST-style image (the digit's
 * strokes redrawn at one thickness, fitted in a 20x20 box, centred on its
 * centre of mass, deskewed by its moments) pooled to GRID x GRID. */
#define VT_DIGIT_GRID 14
#define VT_DIGIT_FEATURES (VT_DIGIT_GRID * VT_DIGIT_GRID)

/* The features of one digit's ink (1 bpp, ink = 1, any size); false when
 * the image holds no ink. */
bool vt_digit_features(struct Pix *ink, float out[VT_DIGIT_FEATURES]);

/* The hidden layer of a digit network: tanh units over the features. */
#define VT_DIGIT_HIDDEN 64

/* One network of dict/digits/net.txt (tools/digits/train.c learns it): its
 * two layers' weights, each row's bias last. */
typedef struct vt_digit_net {
    float w1[VT_DIGIT_HIDDEN][VT_DIGIT_FEATURES + 1];
    float w2[10][VT_DIGIT_HIDDEN + 1];
} vt_digit_net;

/* One network's forward pass: its hidden units into hidden (learning needs
 * them), the ten digits' probabilities (softmax) into prob; returns the
 * most probable digit. */
int vt_digit_net_run(const vt_digit_net *net, const float features[VT_DIGIT_FEATURES],
                     float hidden[VT_DIGIT_HIDDEN], float prob[10]);

/* The digit the networks of dict/digits/net.txt read in `features`: the
 * one each family of them reads, with the least probability any network
 * of the surer family gives it in *prob (0, the first family's digit
 * returned, when the families read two digits); -1 when the model cannot
 * be used. */
int vt_digit_classify(const float features[VT_DIGIT_FEATURES], float *prob);

/* The digits written in `gap` of the page as ingested (its own pixels,
 * any depth): at most cap - 1 of them into out, NUL-terminated.  `gap`
 * spans the blank's columns, and rows three times the height of the
 * line's print, centred on it; the blank is read enlarged by `enlarge`
 * when it is over 1 (a coarse scan).  Returns how many, or 0 when any
 * digit is unsure or the ink is no row of digits (the reader abstains). */
size_t vt_digits_read(struct Pix *page, vt_box gap, float enlarge, char *out, size_t cap);

/* The page as ingested, in whose pixels the words' boxes lie, loaded
 * only when a blank is found: most headers print their number. */
typedef struct vt_digits_source {
    struct Pix *(*load)(void *ctx);
    void *ctx;
    struct Pix *pix; /* once loaded; the caller destroys it */
    bool tried;
} vt_digits_source;

/* Fill the blanks of the number, the day and the month on the page's
 * header lines with the digits vt_digits_read finds there: the words OCR
 * made of the pen become one word of those digits, flagged handwritten
 * and pen_digits. */
void vt_digits_fill_blanks(vt_page *page, vt_digits_source *src);

#endif
