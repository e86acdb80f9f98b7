// libpng's simplified API reports errors through png_image.message and a zero
// return value; it handles its own longjmp internally. That is the only part
// of libpng this file touches.

#include "CPNGShim.h"

#include <png.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

// Refuse images whose pixel buffer would exceed 1 GiB: a corrupt or hostile
// header should produce an error, not a giant allocation.
#define TANDEM_PNG_MAX_BYTES ((size_t)1 << 30)

static void copy_message(char *message, size_t capacity, const char *text) {
  if (message == NULL || capacity == 0) return;
  strncpy(message, text, capacity - 1);
  message[capacity - 1] = '\0';
}

static void fail_with_image(png_imagep image, char *message, size_t capacity,
                            const char *fallback) {
  copy_message(message, capacity, image->message[0] != '\0' ? image->message : fallback);
  png_image_free(image);
}

static void describe_rgba(png_imagep image, uint32_t width, uint32_t height) {
  memset(image, 0, sizeof(*image));
  image->version = PNG_IMAGE_VERSION;
  image->width = width;
  image->height = height;
  image->format = PNG_FORMAT_RGBA;
  // Favour speed over size: frames are written by the thousand, and the
  // default filter search makes encoding several times slower.
  image->flags = PNG_IMAGE_FLAG_FAST;
}

static int check_size(uint32_t width, uint32_t height, char *message, size_t capacity) {
  if (width == 0 || height == 0) {
    copy_message(message, capacity, "image has zero width or height");
    return 1;
  }
  if ((size_t)width * (size_t)height > TANDEM_PNG_MAX_BYTES / 4) {
    copy_message(message, capacity, "image is too large (over 1 GiB of RGBA pixels)");
    return 1;
  }
  return 0;
}

int tandem_png_write_descriptor(int descriptor, const uint8_t *rgba, uint32_t width,
                                uint32_t height, char *message, size_t message_capacity) {
  if (check_size(width, height, message, message_capacity)) return 1;
  // A duplicate, so that closing the stream leaves the caller's descriptor open.
  int copy = dup(descriptor);
  FILE *file = copy >= 0 ? fdopen(copy, "wb") : NULL;
  if (file == NULL) {
    if (copy >= 0) close(copy);
    copy_message(message, message_capacity, "cannot open the file for writing");
    return 1;
  }
  png_image image;
  describe_rgba(&image, width, height);
  errno = 0;
  int ok = png_image_write_to_stdio(&image, file, 0, rgba, 0, NULL);
  // libpng says only "Write Error" when the disk is full; the system says why.
  int reason = errno;
  if (!ok) {
    if (reason != 0) {
      copy_message(message, message_capacity, strerror(reason));
      png_image_free(&image);
    } else {
      fail_with_image(&image, message, message_capacity, "png_image_write_to_stdio failed");
    }
    fclose(file);
    return 1;
  }
  png_image_free(&image);
  errno = 0;
  if (fclose(file) != 0) {
    copy_message(message, message_capacity,
                 errno != 0 ? strerror(errno) : "cannot write the file");
    return 1;
  }
  return 0;
}

int tandem_png_write_memory(const uint8_t *rgba, uint32_t width, uint32_t height,
                            uint8_t **bytes, size_t *count, char *message,
                            size_t message_capacity) {
  *bytes = NULL;
  *count = 0;
  if (check_size(width, height, message, message_capacity)) return 1;
  png_image image;
  describe_rgba(&image, width, height);
  // First call with no buffer asks libpng for the encoded size.
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, NULL, &size, 0, rgba, 0, NULL)) {
    fail_with_image(&image, message, message_capacity, "could not size the PNG");
    return 1;
  }
  uint8_t *buffer = malloc(size > 0 ? size : 1);
  if (buffer == NULL) {
    copy_message(message, message_capacity, "out of memory for the PNG bytes");
    png_image_free(&image);
    return 1;
  }
  describe_rgba(&image, width, height);
  if (!png_image_write_to_memory(&image, buffer, &size, 0, rgba, 0, NULL)) {
    free(buffer);
    fail_with_image(&image, message, message_capacity, "png_image_write_to_memory failed");
    return 1;
  }
  png_image_free(&image);
  *bytes = buffer;
  *count = size;
  return 0;
}

// Shared second half of both readers: the header has been read into `image`.
static int finish_read(png_imagep image, uint32_t *width, uint32_t *height, uint8_t **rgba,
                       char *message, size_t message_capacity) {
  if (check_size(image->width, image->height, message, message_capacity)) {
    png_image_free(image);
    return 1;
  }
  image->format = PNG_FORMAT_RGBA;
  size_t size = PNG_IMAGE_SIZE(*image);
  uint8_t *buffer = malloc(size);
  if (buffer == NULL) {
    copy_message(message, message_capacity, "out of memory for the decoded pixels");
    png_image_free(image);
    return 1;
  }
  if (!png_image_finish_read(image, NULL, buffer, 0, NULL)) {
    free(buffer);
    fail_with_image(image, message, message_capacity, "png_image_finish_read failed");
    return 1;
  }
  *width = image->width;
  *height = image->height;
  *rgba = buffer;
  png_image_free(image);
  return 0;
}

int tandem_png_read_file(const char *path, uint32_t *width, uint32_t *height,
                         uint8_t **rgba, char *message, size_t message_capacity) {
  *rgba = NULL;
  png_image image;
  memset(&image, 0, sizeof(image));
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path)) {
    fail_with_image(&image, message, message_capacity, "png_image_begin_read_from_file failed");
    return 1;
  }
  return finish_read(&image, width, height, rgba, message, message_capacity);
}

int tandem_png_read_memory(const void *bytes, size_t count, uint32_t *width,
                           uint32_t *height, uint8_t **rgba, char *message,
                           size_t message_capacity) {
  *rgba = NULL;
  png_image image;
  memset(&image, 0, sizeof(image));
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes, count)) {
    fail_with_image(&image, message, message_capacity, "png_image_begin_read_from_memory failed");
    return 1;
  }
  return finish_read(&image, width, height, rgba, message, message_capacity);
}

void tandem_png_free(void *pointer) { free(pointer); }
