/* arena.c: chunked bump allocator for request-scoped memory. */
#include "bordercoop/arena.h"

#include "bordercoop/alloc.h"

#include <stdalign.h>
#include <string.h>

#define CHUNK 4096

struct bc_arena_chunk {
    bc_arena_chunk *next;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

void *bc_arena_alloc(bc_arena *a, size_t n)
{
    size_t align = alignof(max_align_t);
    if (n > ((size_t)-1) / 2)
        return NULL; /* rounding or the chunk header would overflow */
    n = (n + align - 1) & ~(align - 1);
    if (n == 0)
        n = align;
    if (a->chunks == NULL || a->chunks->size - a->used < n) {
        size_t size = n > CHUNK ? n : CHUNK;
        bc_arena_chunk *c = bc_malloc(sizeof *c + size);
        if (c == NULL)
            return NULL;
        c->size = size;
        c->next = a->chunks;
        a->chunks = c;
        a->used = 0;
    }
    void *p = a->chunks->data + a->used;
    a->used += n;
    return p;
}

char *bc_arena_strndup(bc_arena *a, const char *s, size_t n)
{
    if (n == (size_t)-1)
        return NULL;
    char *p = bc_arena_alloc(a, n + 1);
    if (p != NULL) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void bc_arena_free(bc_arena *a)
{
    if (a == NULL)
        return;
    while (a->chunks != NULL) {
        bc_arena_chunk *next = a->chunks->next;
        bc_free(a->chunks);
        a->chunks = next;
    }
    a->used = 0;
}

void bc_arena_reset(bc_arena *a)
{
    if (a == NULL || a->chunks == NULL)
        return;
    /* keep the oldest chunk when it is a standard one (the request's first), free the rest */
    bc_arena_chunk *keep = a->chunks;
    while (keep->next != NULL)
        keep = keep->next;
    if (keep->size != CHUNK) {
        bc_arena_free(a);
        return;
    }
    while (a->chunks != keep) {
        bc_arena_chunk *next = a->chunks->next;
        bc_free(a->chunks);
        a->chunks = next;
    }
    a->used = 0;
}
