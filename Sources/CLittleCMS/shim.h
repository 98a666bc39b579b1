#include <lcms2.h>

/* The pixel-format macros of lcms2.h, as constants Swift can read. */
static const cmsUInt32Number survfig_TYPE_RGB_8 = TYPE_RGB_8;
static const cmsUInt32Number survfig_TYPE_CMYK_8 = TYPE_CMYK_8;
