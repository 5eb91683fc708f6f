/* vt-mksample — render a scanned-looking dispatch from sample markup.
 *
 *   vt-mksample [options] INPUT.txt OUTPUT.{png,jpg,tif,pdf}
 *
 * The same input and seed always give the same pixels. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mksample.h"

static const char usage[] =
    "usage: vt-mksample [options] INPUT.txt OUTPUT.{png,jpg,tif,pdf}\n"
    "Render a Nghị định 30 dispatch from sample markup and make it look scanned.\n"
    "  --seed N           random seed (default 1)\n"
    "  --dpi N            resolution (default 300)\n"
    "  --skew DEG         rotation in degrees (default: ±1..2 from the seed)\n"
    "  --blur SIGMA       gaussian blur in pixels (default 0.7)\n"
    "  --noise SIGMA      grey-level noise (default 5)\n"
    "  --speckle N        dust specks per million pixels (default 2)\n"
    "  --stated-dpi N     resolution written in a png, jpg or tif file, 0 for\n"
    "                     none (default: --dpi; a scan's file may lie)\n"
    "  --jpeg-quality Q   JPEG quality of jpg, tif and pdf output; png output\n"
    "                     gets the same artefacts by a round trip (default 75)\n"
    "  --perspective F    a photo's keystone: corners moved inward by up to\n"
    "                     F of the page's size (default 0)\n"
    "  --bilevel          black and white, 1 bit a pixel, as a fax or an\n"
    "                     office scanner's B/W mode makes it\n"
    "  --rgb              store png and tif pages as 24-bit colour whatever they\n"
    "                     hold (a bilevel or grey scan as a PDF's image often is)\n"
    "  --clean            no degradation at all\n"
    "  --no-seal          leave out the red seal\n"
    "  --no-signature     leave out the blue signature\n"
    "  --text FILE        also write the text the page shows, in reading order\n"
    "                     (lines by newline, pages by form feed)\n"
    "Several pages go into one tif or pdf; png and jpg get NAME-N.ext.\n";

static bool parse_double(const char *s, double *out)
{
    char *end;
    *out = strtod(s, &end);
    return *s && !*end && isfinite(*out);
}

int main(int argc, char **argv)
{
    ms_render_opts ro = {.dpi = 300, .seal = true, .signature = true};
    ms_degrade_opts dg = {.skew_deg = NAN, .blur = 0.7, .noise = 5,
                          .speckle = 2, .jpeg_quality = 75};
    unsigned long long seed = 1;
    bool clean = false, rgb = false;
    int stated_dpi = -1;
    const char *text_path = NULL;
    static const struct option longopts[] = {
        {"seed", required_argument, 0, 's'},
        {"dpi", required_argument, 0, 'd'},
        {"stated-dpi", required_argument, 0, 'D'},
        {"skew", required_argument, 0, 'k'},
        {"blur", required_argument, 0, 'b'},
        {"noise", required_argument, 0, 'n'},
        {"speckle", required_argument, 0, 'p'},
        {"jpeg-quality", required_argument, 0, 'q'},
        {"perspective", required_argument, 0, 'P'},
        {"bilevel", no_argument, 0, 'B'},
        {"rgb", no_argument, 0, 'R'},
        {"clean", no_argument, 0, 'c'},
        {"no-seal", no_argument, 0, 'S'},
        {"no-signature", no_argument, 0, 'G'},
        {"text", required_argument, 0, 't'},
        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int ch;
    double v;
    while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        bool ok = true;
        switch (ch) {
        case 's': seed = strtoull(optarg, NULL, 10); break;
        case 'd': ok = parse_double(optarg, &v) && v >= 50 && v <= 1200;
                  ro.dpi = (int)v; break;
        case 'D': ok = parse_double(optarg, &v) && (v == 0 || (v >= 50 && v <= 2400));
                  stated_dpi = (int)v; break;
        case 'k': ok = parse_double(optarg, &dg.skew_deg); break;
        case 'b': ok = parse_double(optarg, &dg.blur) && dg.blur >= 0; break;
        case 'n': ok = parse_double(optarg, &dg.noise) && dg.noise >= 0; break;
        case 'p': ok = parse_double(optarg, &dg.speckle) && dg.speckle >= 0; break;
        case 'q': ok = parse_double(optarg, &v) && v >= 1 && v <= 100;
                  dg.jpeg_quality = (int)v; break;
        case 'P': ok = parse_double(optarg, &dg.perspective) &&
                       dg.perspective >= 0 && dg.perspective < 0.2; break;
        case 'B': dg.bilevel = true; break;
        case 'R': rgb = true; break;
        case 'c': clean = true; break;
        case 'S': ro.seal = false; break;
        case 'G': ro.signature = false; break;
        case 't': text_path = optarg; break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return 1;
        }
        if (!ok) {
            fprintf(stderr, "vt-mksample: bad value '%s'\n", optarg);
            return 1;
        }
    }
    if (argc - optind != 2) {
        fputs(usage, stderr);
        return 1;
    }
    const char *in = argv[optind], *out = argv[optind + 1];
    char err[512];
    ms_doc doc;
    if (!ms_doc_read(&doc, in, err, sizeof err)) {
        fprintf(stderr, "vt-mksample: %s\n", err);
        return 2;
    }
    setMsgSeverity(L_SEVERITY_ERROR);
    ms_rng rng = {seed};
    PIXA *pages = NULL;
    char *text = NULL;
    int rc = 0;
    if (!ms_render(&doc, &ro, &rng, &pages, &text, err, sizeof err)) {
        fprintf(stderr, "vt-mksample: %s: %s\n", in, err);
        ms_doc_clear(&doc);
        return 2;
    }
    ms_doc_clear(&doc);
    /* The JPEG round trip is only for lossless outputs; the others are
     * compressed once, when written. */
    const char *ext = strrchr(out, '.');
    bool lossless = ext && strcasecmp(ext, ".png") == 0;
    if (dg.bilevel && !lossless && !(ext && strncasecmp(ext, ".tif", 4) == 0)) {
        fprintf(stderr, "vt-mksample: --bilevel needs png or tif output\n");
        pixaDestroy(&pages);
        free(text);
        return 1;
    }
    ms_degrade_opts d = dg;
    if (!lossless)
        d.jpeg_quality = 0;
    PIXA *outp = pixaCreate(pixaGetCount(pages));
    for (int i = 0; i < pixaGetCount(pages); i++) {
        PIX *p = pixaGetPix(pages, i, L_CLONE);
        pixaAddPix(outp, clean ? pixClone(p) : ms_degrade(p, &d, &rng),
                   L_INSERT);
        pixDestroy(&p);
    }
    int stated = stated_dpi < 0 ? ro.dpi : stated_dpi;
    if (!ms_write(outp, out, ro.dpi, stated, dg.jpeg_quality, rgb, err, sizeof err)) {
        fprintf(stderr, "vt-mksample: %s\n", err);
        rc = 4;
    }
    if (rc == 0 && text_path) {
        FILE *f = fopen(text_path, "w");
        if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
            fprintf(stderr, "vt-mksample: %s: could not write\n", text_path);
            rc = 4;
        }
    }
    free(text);
    pixaDestroy(&pages);
    pixaDestroy(&outp);
    return rc;
}
