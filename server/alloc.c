/* alloc.c: libc allocation behind a switch that tests use to inject failures, and the
 * allocator jansson and SQLite use too (installed before main), so that the switch
 * reaches every allocation of the process. */
#include "bordercoop/alloc.h"

#include "bordercoop/err.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* failure injection (tests only): while armed, every allocation is counted; the one
 * at fail_countdown fails, and so does every later one when persistent */
static atomic_int armed;
static atomic_int persistent;
static atomic_long fail_countdown;
static atomic_long armed_allocations;

static int should_fail(void)
{
    if (!atomic_load_explicit(&armed, memory_order_relaxed))
        return 0;
    atomic_fetch_add_explicit(&armed_allocations, 1, memory_order_relaxed);
    long before = atomic_fetch_sub_explicit(&fail_countdown, 1, memory_order_relaxed);
    if (before > 0)
        return 0;
    return before == 0 || atomic_load_explicit(&persistent, memory_order_relaxed);
}

/* allocations that returned NULL on this thread (injected or not) */
static _Thread_local unsigned long failed_here;

static void *counted(void *p)
{
    if (p == NULL)
        failed_here++;
    return p;
}

static void arm(long n, int fail_on)
{
    atomic_store(&armed, 0);
    atomic_store(&armed_allocations, 0);
    atomic_store(&fail_countdown, n);
    atomic_store(&persistent, fail_on);
    atomic_store(&armed, n >= 0);
}

void *bc_malloc(size_t n)
{
    return counted(should_fail() ? NULL : malloc(n == 0 ? 1 : n));
}

void *bc_calloc(size_t count, size_t size)
{
    return counted(should_fail() ? NULL : calloc(count == 0 ? 1 : count, size == 0 ? 1 : size));
}

void *bc_realloc(void *p, size_t n)
{
    return counted(should_fail() ? NULL : realloc(p, n == 0 ? 1 : n));
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
    arm(n, 1);
}

void bc_alloc_fail_once(long n)
{
    arm(n, 0);
}

long bc_alloc_count(void)
{
    return atomic_load(&armed_allocations);
}

void bc_alloc_fail_reset(void)
{
    atomic_store(&armed, 0);
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

/* ---- SQLite's and jansson's allocations ------------------------------------------- */

/* SQLite asks for the size of a block, so each one starts with a header holding it; the
 * header keeps the 8-byte alignment SQLite needs. */
typedef union sq_head {
    sqlite3_int64 size;
    double align;
} sq_head;

static void *sq_malloc(int n)
{
    sq_head *h = n > 0 ? bc_malloc(sizeof *h + (size_t)n) : NULL;
    if (h == NULL)
        return NULL;
    h->size = n;
    return h + 1;
}

static void sq_free(void *p)
{
    if (p != NULL)
        bc_free((sq_head *)p - 1);
}

static void *sq_realloc(void *p, int n)
{
    if (p == NULL)
        return sq_malloc(n);
    sq_head *h = n > 0 ? bc_realloc((sq_head *)p - 1, sizeof *h + (size_t)n) : NULL;
    if (h == NULL)
        return NULL;
    h->size = n;
    return h + 1;
}

static int sq_size(void *p)
{
    return p != NULL ? (int)((sq_head *)p - 1)->size : 0;
}

static int sq_roundup(int n)
{
    return (n + 7) & ~7;
}

static int sq_init(void *unused)
{
    (void)unused;
    return SQLITE_OK;
}

static void sq_shutdown(void *unused)
{
    (void)unused;
}

/* Before main, so before SQLite initialises itself and before jansson allocates. A
 * failure leaves the libraries on libc's allocator: injection then misses them, but
 * nothing else changes. */
__attribute__((constructor)) static void install_allocators(void)
{
    static const sqlite3_mem_methods methods = {sq_malloc,  sq_free, sq_realloc,  sq_size,
                                                sq_roundup, sq_init, sq_shutdown, NULL};
    sqlite3_config(SQLITE_CONFIG_MALLOC, &methods);
    /* no sqlite3_memory_used() accounting: it takes a process-wide mutex around every
     * SQLite allocation (289,000 lock pairs in one `bordercoop load`, and one per
     * allocation on every worker); nothing here reads it or sets a soft heap limit */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
    json_set_alloc_funcs(bc_malloc, bc_free);
}

int bc_alloc_covers_libraries(void)
{
    sqlite3_mem_methods m;
    return sqlite3_config(SQLITE_CONFIG_GETMALLOC, &m) == SQLITE_OK && m.xMalloc == sq_malloc;
}

json_t *bc_json_loadb(const char *buf, size_t n, size_t flags, json_error_t *e, int *oom)
{
    unsigned long before = failed_here;
    json_t *j = json_loadb(buf, n, flags, e);
    *oom = j == NULL && failed_here != before;
    return j;
}
