/* alloc.h: the allocator every module uses, so tests can make allocation fail.
 * bc_malloc/bc_calloc/bc_realloc/bc_strdup behave like their libc twins and return
 * NULL on failure; bc_free(NULL) is a no-op. jansson (json_set_alloc_funcs) and SQLite
 * (SQLITE_CONFIG_MALLOC) allocate through it too: a constructor installs it before
 * main, so injected failures reach every allocation of the process. Memory jansson
 * returns (json_dumps) may be released with bc_free or free alike. */
#ifndef BORDERCOOP_ALLOC_H
#define BORDERCOOP_ALLOC_H

#include <jansson.h>
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
/* Test hook: the allocation after `n` more successful ones fails, and only that one (a
 * transient failure), until bc_alloc_fail_reset(). */
void bc_alloc_fail_once(long n);
void bc_alloc_fail_reset(void);

/* Test hook: the allocations attempted since the last bc_alloc_fail_after or
 * bc_alloc_fail_once (failed ones included). A run that made no more than n of them
 * never reached its failure point, so a sweep over n can stop there. */
long bc_alloc_count(void);

/* json_loadb that tells a failed allocation (*oom = 1) from bad input (*oom = 0):
 * jansson reports some allocation failures as syntax errors ("invalid token"). */
json_t *bc_json_loadb(const char *buf, size_t n, size_t flags, json_error_t *e, int *oom);

/* 1 when SQLite allocates through bc_malloc (the constructor ran in time), else 0. */
int bc_alloc_covers_libraries(void);

#endif
