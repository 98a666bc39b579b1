#include <tiffio.h>

/* TIFFSetField is variadic, which Swift cannot call: one typed wrapper per kind of value. */
static inline int survfig_tiff_set_uint32(TIFF *tiff, uint32_t tag, uint32_t value) {
  return TIFFSetField(tiff, tag, value);
}
static inline int survfig_tiff_set_uint16(TIFF *tiff, uint32_t tag, uint16_t value) {
  return TIFFSetField(tiff, tag, (int)value);
}
static inline int survfig_tiff_set_float(TIFF *tiff, uint32_t tag, float value) {
  return TIFFSetField(tiff, tag, (double)value);
}
static inline int survfig_tiff_set_bytes(TIFF *tiff, uint32_t tag, uint32_t count, const void *bytes) {
  return TIFFSetField(tiff, tag, count, bytes);
}
