/* test_arena.c: the request arena: many small allocations, alignment, large blocks,
 * strndup, release and reuse, and allocation failure. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/arena.h"

#include <stdalign.h>
#include <string.h>

static bc_arena arena = BC_ARENA_INIT;

/* Releases the arena and failure injection even when an assertion ended a test early. */
static int cleanup(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    bc_arena_free(&arena);
    return 0;
}

static void assert_aligned(const void *p)
{
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
}

static void many_small_allocations(void **state)
{
    (void)state;
    enum { N = 5000 };
    static unsigned char *ptrs[N];
    static size_t sizes[N];
    for (size_t i = 0; i < N; i++) {
        sizes[i] = 1 + i % 37;
        ptrs[i] = bc_arena_alloc(&arena, sizes[i]);
        assert_aligned(ptrs[i]);
        memset(ptrs[i], (int)(i & 0xFF), sizes[i]);
    }
    /* nothing overlaps: every block still holds its own pattern */
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < sizes[i]; j++)
            assert_int_equal(ptrs[i][j], i & 0xFF);
    /* and no two blocks share an address */
    for (size_t i = 1; i < N; i++)
        assert_ptr_not_equal(ptrs[i], ptrs[i - 1]);
}

static void alignment_for_any_type(void **state)
{
    (void)state;
    for (size_t n = 1; n <= 200; n++) {
        void *p = bc_arena_alloc(&arena, n);
        assert_aligned(p);
    }
    /* storing the most demanding types is fine (UBSan checks alignment) */
    bc_arena_alloc(&arena, 3);
    long double *ld = bc_arena_alloc(&arena, 4 * sizeof *ld);
    assert_aligned(ld);
    for (int i = 0; i < 4; i++)
        ld[i] = (long double)i / 3;
    max_align_t *m = bc_arena_alloc(&arena, sizeof *m);
    assert_aligned(m);
    memset(m, 0, sizeof *m);
    bc_arena_alloc(&arena, 1);
    uint64_t *u = bc_arena_alloc(&arena, 8);
    assert_aligned(u);
    *u = UINT64_MAX;
    assert_true(ld[3] > ld[2]);
}

static void large_allocations(void **state)
{
    (void)state;
    char *small = bc_arena_alloc(&arena, 10);
    assert_non_null(small);
    memcpy(small, "before", 7);
    static const size_t sizes[] = {4096, 4097, 5000, 100000, 1 << 20};
    char *big[5];
    for (size_t i = 0; i < 5; i++) {
        big[i] = bc_arena_alloc(&arena, sizes[i]);
        assert_aligned(big[i]);
        memset(big[i], 'A' + (int)i, sizes[i]);
    }
    char *after = bc_arena_alloc(&arena, 10);
    assert_aligned(after);
    memcpy(after, "after", 6);
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(big[i][0], 'A' + (int)i);
        assert_int_equal(big[i][sizes[i] - 1], 'A' + (int)i);
    }
    assert_string_equal(small, "before");
    assert_string_equal(after, "after");
}

static void fills_chunks_exactly(void **state)
{
    (void)state;
    /* 4096 bytes in 16-byte pieces, then more: each piece is usable */
    char *p[600];
    for (int i = 0; i < 600; i++) {
        p[i] = bc_arena_alloc(&arena, 16);
        assert_aligned(p[i]);
        memset(p[i], i & 0x7F, 16);
    }
    for (int i = 0; i < 600; i++)
        assert_int_equal(p[i][15], i & 0x7F);
}

static void strndup_copies(void **state)
{
    (void)state;
    char *s = bc_arena_strndup(&arena, "Lào Cai, Vietnam", strlen("Lào Cai"));
    assert_non_null(s);
    assert_string_equal(s, "Lào Cai");
    char *e = bc_arena_strndup(&arena, "anything", 0);
    assert_non_null(e);
    assert_string_equal(e, "");
    const char raw[3] = {'a', '\0', 'b'};
    char *r = bc_arena_strndup(&arena, raw, 3);
    assert_non_null(r);
    assert_memory_equal(r, "a\0b\0", 4);
    static char longs[9000];
    memset(longs, 'z', sizeof longs);
    char *l = bc_arena_strndup(&arena, longs, sizeof longs);
    assert_non_null(l);
    assert_int_equal(strlen(l), sizeof longs);
    assert_string_equal(s, "Lào Cai"); /* earlier copies intact */
}

static void free_then_reuse(void **state)
{
    (void)state;
    bc_arena a = BC_ARENA_INIT;
    bc_arena_free(&a); /* empty */
    bc_arena_free(NULL);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 100; i++) {
            char *p = bc_arena_alloc(&a, 100);
            assert_aligned(p);
            memset(p, round, 100);
        }
        char *big = bc_arena_alloc(&a, 10000);
        assert_aligned(big);
        memset(big, round, 10000);
        bc_arena_free(&a);
        assert_null(a.chunks);
        assert_int_equal(a.used, 0);
    }
    bc_arena_free(&a); /* twice */
    char *p = bc_arena_strndup(&a, "again", 5);
    assert_string_equal(p, "again");
    bc_arena_free(&a);
}

static void alloc_failure_returns_null(void **state)
{
    (void)state;
    bc_alloc_fail_after(0);
    assert_null(bc_arena_alloc(&arena, 8));
    assert_null(bc_arena_strndup(&arena, "x", 1));
    bc_alloc_fail_reset();
    assert_null(arena.chunks); /* nothing half-made */
    char *p = bc_arena_strndup(&arena, "works", 5);
    assert_string_equal(p, "works");
}

static void failure_only_when_a_chunk_is_needed(void **state)
{
    (void)state;
    bc_alloc_fail_after(1);
    char *first = bc_arena_strndup(&arena, "first", 5);
    assert_non_null(first);
    /* served from the chunk already there: no allocation, no failure */
    for (int i = 0; i < 10; i++)
        assert_non_null(bc_arena_alloc(&arena, 64));
    /* needs a new chunk: fails, and keeps failing */
    assert_null(bc_arena_alloc(&arena, 5000));
    assert_null(bc_arena_alloc(&arena, 4000));
    bc_alloc_fail_reset();
    /* the arena is still usable and earlier data intact */
    assert_string_equal(first, "first");
    char *big = bc_arena_alloc(&arena, 5000);
    assert_aligned(big);
    memset(big, 1, 5000);
    assert_string_equal(first, "first");
}

/* Sizes whose rounding or chunk header would overflow are refused (they used to wrap:
 * SIZE_MAX became a 16-byte block, SIZE_MAX - 20 a heap overflow); so is strndup's n + 1. */
static void huge_request_fails(void **state)
{
    (void)state;
    assert_null(bc_arena_alloc(&arena, SIZE_MAX));
    assert_null(bc_arena_alloc(&arena, SIZE_MAX - 8));
    assert_null(bc_arena_alloc(&arena, SIZE_MAX - 20));
    assert_null(bc_arena_strndup(&arena, "x", SIZE_MAX));
}

/* reset keeps the first standard chunk (no malloc for the next small request), frees
 * the others, and falls back to a full free when the first chunk was an oversized one */
static void reset_keeps_one_chunk(void **state)
{
    (void)state;
    char *a = bc_arena_alloc(&arena, 100);
    assert_non_null(a);
    for (int i = 0; i < 10; i++)
        assert_non_null(bc_arena_alloc(&arena, 3000)); /* several chunks */
    bc_arena_reset(&arena);
    bc_alloc_fail_after(0); /* no allocation allowed from here */
    char *b = bc_arena_alloc(&arena, 100);
    assert_ptr_equal(b, a); /* the same first chunk, from its start */
    assert_non_null(bc_arena_alloc(&arena, 3000));
    assert_null(bc_arena_alloc(&arena, 3000)); /* the rest was freed: needs malloc */
    bc_alloc_fail_reset();
    bc_arena_free(&arena);
    /* an arena whose first chunk is oversized keeps nothing */
    assert_non_null(bc_arena_alloc(&arena, 100000));
    bc_arena_reset(&arena);
    assert_null(arena.chunks);
    bc_arena_reset(&arena); /* empty: no-op */
    bc_arena_reset(NULL);
}

int main(void)
{
#define T(f) cmocka_unit_test_teardown(f, cleanup)
    const struct CMUnitTest tests[] = {
        T(many_small_allocations),
        T(alignment_for_any_type),
        T(large_allocations),
        T(fills_chunks_exactly),
        T(strndup_copies),
        T(free_then_reuse),
        T(alloc_failure_returns_null),
        T(failure_only_when_a_chunk_is_needed),
        T(huge_request_fails),
        T(reset_keeps_one_chunk),
    };
#undef T
    return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
