#ifndef C_ALLOCATION_COUNTER_H
#define C_ALLOCATION_COUNTER_H

#include <stdint.h>

/// Heap allocation counts: every successful malloc, calloc, realloc,
/// posix_memalign, aligned_alloc and memalign is one allocation; every free
/// of a non-null pointer is one free.
typedef struct {
  uint64_t allocations;
  uint64_t frees;
  /// Bytes requested by the counted allocations.
  uint64_t bytes;
} TandemAllocationCounts;

/// Counts over every thread since the process started.
TandemAllocationCounts tandem_allocation_counts_all_threads(void);

/// Counts made by the calling thread since it started: unaffected by what
/// other threads do, so a measurement on one thread is exact even while
/// others run (for example, tests in parallel).
TandemAllocationCounts tandem_allocation_counts_this_thread(void);

/// 1 where this library interposes the allocator (glibc), 0 elsewhere: there
/// the counts stay zero and mean nothing.
int tandem_allocation_counter_is_supported(void);

#endif
