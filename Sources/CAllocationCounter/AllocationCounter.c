// Counts heap allocations by interposing the C allocator's entry points.
//
// Each function here does exactly what glibc's does (it forwards to glibc's
// own implementation, __libc_malloc and friends, which glibc exports for this
// purpose) and only adds relaxed atomic counters and thread-local counters.
// No locks, no allocation, no I/O: it cannot change what the program does.
//
// The definitions take effect in any executable this object is linked into,
// because the dynamic linker resolves malloc to the executable's own
// definition before libc's. In Tandem only the TandemBenchmarks library
// depends on this target.

#include "CAllocationCounter.h"

#if defined(__GLIBC__)

#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void __libc_free(void *pointer);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

static _Atomic uint64_t all_allocations;
static _Atomic uint64_t all_frees;
static _Atomic uint64_t all_bytes;

// initial-exec: thread-local access is a plain offset from the thread
// pointer, which never allocates (the general model may call malloc).
#define TANDEM_THREAD_LOCAL static __thread __attribute__((tls_model("initial-exec")))
TANDEM_THREAD_LOCAL uint64_t thread_allocations;
TANDEM_THREAD_LOCAL uint64_t thread_frees;
TANDEM_THREAD_LOCAL uint64_t thread_bytes;

static inline void count_allocation(size_t size) {
  atomic_fetch_add_explicit(&all_allocations, 1, memory_order_relaxed);
  atomic_fetch_add_explicit(&all_bytes, size, memory_order_relaxed);
  thread_allocations += 1;
  thread_bytes += size;
}

static inline void count_free(void) {
  atomic_fetch_add_explicit(&all_frees, 1, memory_order_relaxed);
  thread_frees += 1;
}

void *malloc(size_t size) {
  void *result = __libc_malloc(size);
  if (result) count_allocation(size);
  return result;
}

void free(void *pointer) {
  if (pointer) count_free();
  __libc_free(pointer);
}

void *calloc(size_t count, size_t size) {
  void *result = __libc_calloc(count, size);
  if (result) count_allocation(count * size);
  return result;
}

void *realloc(void *pointer, size_t size) {
  void *result = __libc_realloc(pointer, size);
  if (result) count_allocation(size);
  return result;
}

void *memalign(size_t alignment, size_t size) {
  void *result = __libc_memalign(alignment, size);
  if (result) count_allocation(size);
  return result;
}

void *aligned_alloc(size_t alignment, size_t size) {
  void *result = __libc_memalign(alignment, size);
  if (result) count_allocation(size);
  return result;
}

int posix_memalign(void **out, size_t alignment, size_t size) {
  // The checks and results glibc's posix_memalign makes; errno is left as
  // it was, as POSIX requires.
  if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0 || alignment == 0) {
    return EINVAL;
  }
  int saved = errno;
  void *result = __libc_memalign(alignment, size);
  errno = saved;
  if (!result) return ENOMEM;
  count_allocation(size);
  *out = result;
  return 0;
}

TandemAllocationCounts tandem_allocation_counts_all_threads(void) {
  TandemAllocationCounts counts = {
    atomic_load_explicit(&all_allocations, memory_order_relaxed),
    atomic_load_explicit(&all_frees, memory_order_relaxed),
    atomic_load_explicit(&all_bytes, memory_order_relaxed),
  };
  return counts;
}

TandemAllocationCounts tandem_allocation_counts_this_thread(void) {
  TandemAllocationCounts counts = {thread_allocations, thread_frees, thread_bytes};
  return counts;
}

int tandem_allocation_counter_is_supported(void) { return 1; }

#else

TandemAllocationCounts tandem_allocation_counts_all_threads(void) {
  TandemAllocationCounts counts = {0, 0, 0};
  return counts;
}

TandemAllocationCounts tandem_allocation_counts_this_thread(void) {
  TandemAllocationCounts counts = {0, 0, 0};
  return counts;
}

int tandem_allocation_counter_is_supported(void) { return 0; }

#endif
