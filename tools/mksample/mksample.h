/* mksample.h — shared pieces of vt-mksample, the tool that renders a
 * Nghị định 30/2020 dispatch page from a small markup file and degrades it
 * into something that looks scanned. */
#ifndef VT_MKSAMPLE_H
#define VT_MKSAMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <leptonica/allheaders.h>

/* Sections of the markup, in the order they are read on the page. */
typedef enum ms_section {
    MS_HEADER_LEFT,
    MS_HEADER_RIGHT,
    MS_NUMBER_LEFT,
    MS_DATE_RIGHT,
    MS_TITLE,
    MS_BODY,
    MS_FOOTER_LEFT,
    MS_FOOTER_RIGHT,
    MS_OVERLAY, /* an e-signature overlay above the header, not on the paper */
    MS_MARK,    /* an urgency mark ("HỎA TỐC", "KHẨN") stamped at the top */
    MS_STAMP,   /* an incoming-mail stamp ("CÔNG VĂN ĐẾN"), slanted, over
                   the header */
    MS_N_SECTIONS
} ms_section;

typedef struct ms_lines {
    char **lines;
    size_t n, cap;
} ms_lines;

/* "@overlay box" draws the overlay as an e-office system stamps it, a
 * framed box in the top right corner over the page; "@stamp red" inks the
 * incoming-mail stamp red instead of blue. */
typedef struct ms_doc {
    ms_lines sec[MS_N_SECTIONS];
    bool overlay_box, stamp_red;
} ms_doc;

/* Parse the markup; on failure returns false with a message in err. */
bool ms_doc_read(ms_doc *doc, const char *path, char *err, size_t errlen);
void ms_doc_clear(ms_doc *doc);

/* Deterministic generator so that a seed gives the same sample everywhere. */
typedef struct ms_rng {
    uint64_t s;
} ms_rng;

uint64_t ms_rng_next(ms_rng *r);
double ms_rng_uniform(ms_rng *r);             /* [0, 1) */
double ms_rng_range(ms_rng *r, double lo, double hi);
double ms_rng_gauss(ms_rng *r);               /* mean 0, sd 1 */

typedef struct ms_render_opts {
    int dpi;
    bool seal, signature;
} ms_render_opts;

/* Render every page (clean, 32 bpp RGB) and the text the pages show, in
 * reading order (header left, header right, body, footer left, footer
 * right), lines separated by '\n' and pages by '\f'.  Caller frees. */
bool ms_render(const ms_doc *doc, const ms_render_opts *o, ms_rng *rng,
               PIXA **pages, char **text, char *err, size_t errlen);

typedef struct ms_degrade_opts {
    double skew_deg;  /* rotation; NaN picks ±1..2° from the seed */
    double blur;      /* gaussian sigma in pixels, 0 = none */
    double noise;     /* gaussian sigma in grey levels, 0 = none */
    double speckle;   /* dark specks per million pixels */
    int jpeg_quality; /* 0 = no JPEG round trip */
    double perspective; /* a photo's keystone: corners moved by this part
                           of the page's size, 0 = a flat scan */
    bool bilevel;     /* a black-and-white scanner's page: 1 bpp, last */
} ms_degrade_opts;

/* Return a degraded copy of a clean page. */
PIX *ms_degrade(PIX *page, const ms_degrade_opts *o, ms_rng *rng);

/* Write pages to `path` in the format its extension names (png, jpg, tif,
 * pdf).  PNG and JPEG hold one page; several pages go to NAME-N.ext.
 * With `rgb`, PNG and TIFF pages are stored as 24-bit colour whatever
 * they hold, as a PDF's images often are once extracted.  `dpi` sizes a
 * PDF's pages; `stated_dpi` is the resolution a PNG, JPEG or TIFF file
 * states (0: none). */
bool ms_write(PIXA *pages, const char *path, int dpi, int stated_dpi, int jpeg_quality,
              bool rgb, char *err, size_t errlen);

#endif
