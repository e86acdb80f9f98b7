#ifndef TANDEM_CPNGSHIM_H
#define TANDEM_CPNGSHIM_H

// A thin C layer over libpng's *simplified* API (png_image_*), so that no
// setjmp/longjmp ever crosses into Swift. Every function returns 0 on success
// and non-zero on failure; on failure it copies libpng's message (or the
// shim's own) into `message`, which holds `message_capacity` bytes and is
// always NUL-terminated when the capacity is positive.
//
// Pixels are 8-bit RGBA, straight (non-premultiplied) alpha, sRGB, rows packed
// top to bottom with no padding (stride = 4 * width).

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Encodes `rgba` as a PNG file written to the open file `descriptor` (from
/// its current position), which stays open.
int tandem_png_write_descriptor(int descriptor, const uint8_t *rgba, uint32_t width,
                                uint32_t height, char *message, size_t message_capacity);

/// Encodes `rgba` as PNG bytes in memory. On success `*bytes` points to
/// `*count` bytes allocated with malloc; release them with tandem_png_free.
int tandem_png_write_memory(const uint8_t *rgba, uint32_t width, uint32_t height,
                            uint8_t **bytes, size_t *count, char *message,
                            size_t message_capacity);

/// Decodes the PNG file at `path` into 8-bit RGBA. On success `*rgba` points to
/// 4 * width * height bytes allocated with malloc; release with tandem_png_free.
int tandem_png_read_file(const char *path, uint32_t *width, uint32_t *height,
                         uint8_t **rgba, char *message, size_t message_capacity);

/// Decodes PNG bytes held in memory into 8-bit RGBA, as tandem_png_read_file.
int tandem_png_read_memory(const void *bytes, size_t count, uint32_t *width,
                           uint32_t *height, uint8_t **rgba, char *message,
                           size_t message_capacity);

/// Releases a buffer returned by this shim. Accepts NULL.
void tandem_png_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
