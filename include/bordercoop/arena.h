/* arena.h: request-scoped memory (after h2o's mem pool). Allocations hang off the
 * arena and are all released by one bc_arena_free when the request completes. */
#ifndef BORDERCOOP_ARENA_H
#define BORDERCOOP_ARENA_H

#include <stddef.h>

typedef struct bc_arena_chunk bc_arena_chunk;

typedef struct bc_arena {
    bc_arena_chunk *chunks; /* owned list, newest first */
    size_t used;            /* bytes used in the newest chunk */
} bc_arena;

#define BC_ARENA_INIT                                                                              \
    {                                                                                              \
        NULL, 0                                                                                    \
    }

/* Returns n bytes aligned for any type, valid until bc_arena_free; NULL on failure. */
void *bc_arena_alloc(bc_arena *a, size_t n);
/* Copies n bytes of s into the arena as a NUL-terminated string; NULL on failure. */
char *bc_arena_strndup(bc_arena *a, const char *s, size_t n);
/* Releases every allocation; the arena can be used again. NULL-safe. */
void bc_arena_free(bc_arena *a);
/* Invalidates every allocation but keeps the first standard-size chunk for the next
 * user, so a recycled arena serves a typical request without calling malloc. Still
 * needs bc_arena_free eventually. NULL-safe. */
void bc_arena_reset(bc_arena *a);

#endif
