/* png_rows.c — colour PNGs decoded row by row into leptonica's 32 bpp.
 *
 * leptonica reads a PNG whole through libpng (png_read_png) and then copies
 * it into a Pix, so a colour page holds 7 bytes a pixel at once: a 144
 * megapixel scan, within max-megapixels, took a gigabyte to decode.  Read a
 * row at a time, it needs the Pix and one row.  Only the case that costs is
 * handled here (8 or 16 bit RGB or RGBA, not interlaced); everything else
 * is leptonica's. */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include <leptonica/allheaders.h>
#include <png.h>

#include "png_rows.h"

typedef struct {
    const unsigned char *bytes;
    size_t n, at;
} png_source;

static void read_bytes(png_structp png, png_bytep out, size_t n)
{
    png_source *src = png_get_io_ptr(png);
    if (n > src->n - src->at)
        png_error(png, "truncated");
    memcpy(out, src->bytes + src->at, n);
    src->at += n;
}

/* libpng's messages are not ours to print; the caller reports the failure.
 * An error handler must not return: it jumps back to vt_png_read_rgb. */
static void fail_quietly(png_structp png, png_const_charp msg)
{
    (void)msg;
    png_longjmp(png, 1);
}

static void warn_quietly(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

bool vt_png_is_rgb(const unsigned char *bytes, size_t n)
{
    /* Signature, IHDR length and type, width, height, bit depth, colour
     * type, compression, filter, interlace. */
    if (n < 29 || png_sig_cmp(bytes, 0, 8) != 0 || memcmp(bytes + 12, "IHDR", 4) != 0)
        return false;
    int depth = bytes[24], colour = bytes[25], interlace = bytes[28];
    return (depth == 8 || depth == 16) &&
           (colour == PNG_COLOR_TYPE_RGB || colour == PNG_COLOR_TYPE_RGB_ALPHA) &&
           interlace == PNG_INTERLACE_NONE;
}

PIX *vt_png_read_rgb(const unsigned char *bytes, size_t n)
{
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, fail_quietly,
                                                 warn_quietly);
    if (!png)
        return NULL;
    png_infop info = png_create_info_struct(png);
    png_source src = {bytes, n, 0};
    /* volatile: assigned after setjmp and read after a longjmp. */
    PIX *volatile pix = NULL;
    png_bytep volatile row = NULL;
    if (!info || setjmp(png_jmpbuf(png))) {
        pixDestroy((PIX **)&pix);
        free(row);
        png_destroy_read_struct(&png, info ? &info : NULL, NULL);
        return NULL;
    }
    png_set_read_fn(png, &src, read_bytes);
    /* Every IDAT chunk's CRC is checked, so damaged image data is refused
     * without zlib's Adler-32 over the inflated rows as well (a twentieth
     * of the decoding). */
    png_set_option(png, PNG_IGNORE_ADLER32, PNG_OPTION_ON);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    png_set_strip_16(png);
    png_set_strip_alpha(png);
    png_read_update_info(png, info);
    /* Every pixel is written below (a 32 bpp row has no padding): the
     * image is not zeroed first, a pass over its memory for nothing. */
    pix = pixCreateNoInit((l_int32)w, (l_int32)h, 32);
    if (!pix)
        png_error(png, "no memory");
    png_uint_32 xres = 0, yres = 0;
    int unit = 0;
    if (png_get_pHYs(png, info, &xres, &yres, &unit) && unit == PNG_RESOLUTION_METER)
        pixSetResolution(pix, (l_int32)(xres * 0.0254 + 0.5), (l_int32)(yres * 0.0254 + 0.5));
    row = malloc(png_get_rowbytes(png, info));
    if (!row)
        png_error(png, "no memory");
    l_uint32 *data = pixGetData(pix);
    l_int32 wpl = pixGetWpl(pix);
    for (png_uint_32 y = 0; y < h; y++) {
        png_read_row(png, row, NULL);
        l_uint32 *line = data + (size_t)y * wpl;
        /* composeRGBPixel's packing, written out: a call a pixel was a
         * tenth of the decoding. */
        for (png_uint_32 x = 0; x < w; x++)
            line[x] = (l_uint32)row[3 * x] << L_RED_SHIFT |
                      (l_uint32)row[3 * x + 1] << L_GREEN_SHIFT |
                      (l_uint32)row[3 * x + 2] << L_BLUE_SHIFT;
    }
    png_read_end(png, NULL);
    free(row);
    png_destroy_read_struct(&png, &info, NULL);
    return pix;
}
