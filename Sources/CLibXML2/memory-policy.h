// How the C library's allocator serves orgscope (glibc only; elsewhere nothing happens).
#ifndef ORGSCOPE_MEMORY_POLICY_H
#define ORGSCOPE_MEMORY_POLICY_H

#include <stddef.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/// Blocks of `threshold` bytes and more are mapped on their own and unmapped when freed; glibc's own
/// threshold would rise after the first such block is freed, and later ones would come from the heap.
/// Returns 1 when set.
static inline int orgscope_map_large_blocks(size_t threshold) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, (int)threshold);
#else
    (void)threshold;
    return 0;
#endif
}

#endif
