/* layout.h — where the two-column header and footer of a Nghị định 30
 * dispatch page are, so that OCR reads each column on its own. */
#ifndef VT_IMAGE_LAYOUT_H
#define VT_IMAGE_LAYOUT_H

#include "vanthu.h"

struct Pix;

/* Regions in reading order; a region with w == 0 is absent. */
enum {
    VT_REGION_ABOVE, /* what sits above the header: overlays, stamps, marks */
    VT_REGION_HEADER_LEFT,
    VT_REGION_HEADER_RIGHT,
    VT_REGION_BODY,
    VT_REGION_FOOTER_LEFT,
    VT_REGION_FOOTER_RIGHT,
    VT_N_REGIONS
};

typedef struct vt_layout {
    vt_box region[VT_N_REGIONS];
    int header_gutter, footer_gutter; /* x of the column split; 0 = none */
} vt_layout;

/* Find the regions of a page image (any depth; dark text on light paper)
 * scanned at `dpi`.  A page without a recognisable header or footer gets
 * one body region covering it all.  Returns false only when leptonica
 * fails. */
bool vt_layout_find(struct Pix *page, int dpi, vt_layout *out);

/* The role a region's block plays. */
vt_role vt_layout_role(int region);

#endif
