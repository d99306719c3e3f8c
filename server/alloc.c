/* alloc.c: libc allocation behind a switch that tests use to inject failures. */
#include "bordercoop/alloc.h"

#include "bordercoop/err.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static atomic_long fail_countdown = -1;

static int should_fail(void)
{
    long n = atomic_load_explicit(&fail_countdown, memory_order_relaxed);
    if (n < 0)
        return 0;
    if (n == 0)
        return 1;
    atomic_fetch_sub_explicit(&fail_countdown, 1, memory_order_relaxed);
    return 0;
}

void *bc_malloc(size_t n)
{
    return should_fail() ? NULL : malloc(n == 0 ? 1 : n);
}

void *bc_calloc(size_t count, size_t size)
{
    return should_fail() ? NULL : calloc(count == 0 ? 1 : count, size == 0 ? 1 : size);
}

void *bc_realloc(void *p, size_t n)
{
    return should_fail() ? NULL : realloc(p, n == 0 ? 1 : n);
}

char *bc_strndup(const char *s, size_t n)
{
    char *copy = bc_malloc(n + 1);
    if (copy != NULL) {
        memcpy(copy, s, n);
        copy[n] = '\0';
    }
    return copy;
}

char *bc_strdup(const char *s)
{
    return s == NULL ? NULL : bc_strndup(s, strlen(s));
}

void bc_free(void *p)
{
    free(p);
}

void bc_alloc_fail_after(long n)
{
    atomic_store(&fail_countdown, n < 0 ? -1 : n);
}

void bc_alloc_fail_reset(void)
{
    atomic_store(&fail_countdown, -1);
}

void *bc_grow(void *p, size_t *cap, size_t need, size_t size, int *rc)
{
    if (*rc != BC_OK || need <= *cap)
        return p;
    size_t ncap = *cap ? *cap * 2 : 16;
    while (ncap < need && ncap <= SIZE_MAX / 2)
        ncap *= 2;
    if (ncap < need || size == 0 || ncap > SIZE_MAX / size) {
        *rc = BC_ENOMEM;
        return p;
    }
    void *np = bc_realloc(p, ncap * size);
    if (np == NULL) {
        *rc = BC_ENOMEM;
        return p;
    }
    *cap = ncap;
    return np;
}
