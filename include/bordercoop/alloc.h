/* alloc.h: the allocator every module uses, so tests can make allocation fail.
 * bc_malloc/bc_calloc/bc_realloc/bc_strdup behave like their libc twins and return
 * NULL on failure; bc_free(NULL) is a no-op. */
#ifndef BORDERCOOP_ALLOC_H
#define BORDERCOOP_ALLOC_H

#include <stddef.h>

void *bc_malloc(size_t n);
void *bc_calloc(size_t count, size_t size);
void *bc_realloc(void *p, size_t n);
/* Returns a new copy of s (NULL on failure); free with bc_free. */
char *bc_strdup(const char *s);
/* Returns a new NUL-terminated copy of the n bytes at s; free with bc_free. */
char *bc_strndup(const char *s, size_t n);
void bc_free(void *p);

/* Grows the array p (capacity *cap elements of size bytes) to hold at least need
 * elements, doubling from 16. For accumulating loops: does nothing when *rc is already
 * an error; on failure sets *rc = BC_ENOMEM and returns p unchanged (still owned by the
 * caller). Returns the (possibly moved) array. */
void *bc_grow(void *p, size_t *cap, size_t need, size_t size, int *rc);

/* Test hook: after `n` more successful allocations, every allocation fails until
 * bc_alloc_fail_reset(). n < 0 disables failure injection (the default). */
void bc_alloc_fail_after(long n);
void bc_alloc_fail_reset(void);

#endif
