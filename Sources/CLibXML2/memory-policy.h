// How the C library's allocator serves orgscope (glibc only; elsewhere nothing happens).
#ifndef ORGSCOPE_MEMORY_POLICY_H
#define ORGSCOPE_MEMORY_POLICY_H

#include <stddef.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/// Blocks of `threshold` bytes and more are mapped on their own and unmapped when freed; glibc's own
/// threshold would rise after the first such block is freed, and later ones would come from the heap,
/// where their pages stay resident once freed. Returns 1 when set.
static inline int orgscope_map_large_blocks(size_t threshold) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, (int)threshold);
#else
    (void)threshold;
    return 0;
#endif
}

/// Gives the heap's free pages back to the system (free chunks inside the heap too, not only its top).
static inline void orgscope_trim_heap(void) {
#if defined(__GLIBC__)
    (void)malloc_trim(0);
#endif
}

#endif
