/* png_rows.h — colour PNGs decoded a row at a time (png_rows.c). */
#ifndef VT_PNG_ROWS_H
#define VT_PNG_ROWS_H

#include <stdbool.h>
#include <stddef.h>

struct Pix;

/* Whether the PNG is one vt_png_read_rgb reads: 8 or 16 bit RGB or RGBA,
 * not interlaced. */
bool vt_png_is_rgb(const unsigned char *bytes, size_t n);
/* The image as 32 bpp RGB, its resolution from pHYs; NULL when it is
 * damaged or truncated. */
struct Pix *vt_png_read_rgb(const unsigned char *bytes, size_t n);

#endif
