/* test_alloc.c: the allocator wrappers and the failure-injection hook every other
 * module's out-of-memory tests rely on. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/err.h"

#include <jansson.h>
#include <limits.h>
#include <sqlite3.h>
#include <string.h>

/* Resets failure injection even when an assertion ended the test early. */
static int reset_alloc(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    return 0;
}

static void malloc_calloc_realloc_work(void **state)
{
    (void)state;
    char *p = bc_malloc(16);
    assert_non_null(p);
    memset(p, 'x', 16);
    p = bc_realloc(p, 4096);
    assert_non_null(p);
    assert_int_equal(p[15], 'x');
    bc_free(p);

    unsigned char *z = bc_calloc(8, 8);
    assert_non_null(z);
    for (int i = 0; i < 64; i++)
        assert_int_equal(z[i], 0);
    bc_free(z);

    /* size 0 still gives a pointer that can be freed */
    void *zero = bc_malloc(0);
    assert_non_null(zero);
    bc_free(zero);
    zero = bc_calloc(0, 0);
    assert_non_null(zero);
    bc_free(zero);
    /* realloc of NULL behaves as malloc */
    zero = bc_realloc(NULL, 10);
    assert_non_null(zero);
    bc_free(zero);
}

static void free_null_is_noop(void **state)
{
    (void)state;
    bc_free(NULL);
}

static void strdup_copies(void **state)
{
    (void)state;
    const char *src = "Lào Cai";
    char *d = bc_strdup(src);
    assert_non_null(d);
    assert_ptr_not_equal(d, src);
    assert_string_equal(d, src);
    bc_free(d);

    d = bc_strdup("");
    assert_non_null(d);
    assert_string_equal(d, "");
    bc_free(d);
}

static void strndup_copies_n_bytes(void **state)
{
    (void)state;
    char *d = bc_strndup("abcdef", 3);
    assert_non_null(d);
    assert_string_equal(d, "abc");
    bc_free(d);

    d = bc_strndup("abc", 0);
    assert_non_null(d);
    assert_string_equal(d, "");
    bc_free(d);

    /* the source need not be NUL-terminated within n */
    const char raw[4] = {'w', 'x', 'y', 'z'};
    d = bc_strndup(raw, sizeof raw);
    assert_non_null(d);
    assert_memory_equal(d, "wxyz", 5);
    bc_free(d);
}

static void fail_after_zero_fails_every_allocator(void **state)
{
    (void)state;
    bc_alloc_fail_after(0);
    assert_null(bc_malloc(1));
    assert_null(bc_calloc(1, 1));
    assert_null(bc_realloc(NULL, 1));
    assert_null(bc_strdup("x"));
    assert_null(bc_strndup("x", 1));
    bc_alloc_fail_reset();
    void *p = bc_malloc(1);
    assert_non_null(p);
    bc_free(p);
}

static void fail_after_n_lets_exactly_n_succeed(void **state)
{
    (void)state;
    for (long n = 1; n <= 5; n++) {
        void *ok[5] = {NULL};
        bc_alloc_fail_after(n);
        for (long i = 0; i < n; i++) {
            ok[i] = bc_malloc(8);
            assert_non_null(ok[i]);
        }
        /* and then fails, repeatedly, until reset */
        for (int i = 0; i < 3; i++)
            assert_null(bc_malloc(8));
        bc_alloc_fail_reset();
        for (long i = 0; i < n; i++)
            bc_free(ok[i]);
    }
}

static void fail_after_counts_every_kind(void **state)
{
    (void)state;
    bc_alloc_fail_after(3);
    char *a = bc_malloc(4);
    char *b = bc_calloc(2, 2);
    char *c = bc_strdup("xy");
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    assert_null(bc_strndup("z", 1));
    assert_null(bc_calloc(1, 1));
    bc_alloc_fail_reset();
    bc_free(a);
    bc_free(b);
    bc_free(c);
}

static void failed_realloc_keeps_original(void **state)
{
    (void)state;
    char *p = bc_strdup("keep me");
    assert_non_null(p);
    bc_alloc_fail_after(0);
    char *q = bc_realloc(p, 1 << 20);
    bc_alloc_fail_reset();
    assert_null(q);
    assert_string_equal(p, "keep me");
    bc_free(p);
}

static void free_does_not_count(void **state)
{
    (void)state;
    bc_alloc_fail_after(1);
    void *p = bc_malloc(1);
    assert_non_null(p);
    bc_free(p);
    bc_free(NULL);
    assert_null(bc_malloc(1));
    bc_alloc_fail_reset();
}

static void negative_disables_and_reset_is_idempotent(void **state)
{
    (void)state;
    bc_alloc_fail_after(0);
    bc_alloc_fail_after(-5);
    void *p[100];
    for (int i = 0; i < 100; i++) {
        p[i] = bc_malloc(1);
        assert_non_null(p[i]);
    }
    for (int i = 0; i < 100; i++)
        bc_free(p[i]);
    bc_alloc_fail_reset();
    bc_alloc_fail_reset();
    void *q = bc_malloc(1);
    assert_non_null(q);
    bc_free(q);
}

static void rearming_replaces_countdown(void **state)
{
    (void)state;
    bc_alloc_fail_after(0);
    assert_null(bc_malloc(1));
    bc_alloc_fail_after(2);
    void *a = bc_malloc(1);
    void *b = bc_malloc(1);
    assert_non_null(a);
    assert_non_null(b);
    assert_null(bc_malloc(1));
    bc_alloc_fail_reset();
    bc_free(a);
    bc_free(b);
}

/* bc_grow doubles from 16, keeps the array on failure, stops at the first error and
 * refuses sizes that would overflow. */
static void grow_doubles_keeps_on_failure_and_refuses_overflow(void **state)
{
    (void)state;
    int rc = BC_OK;
    size_t cap = 0;
    int *a = bc_grow(NULL, &cap, 1, sizeof *a, &rc);
    assert_int_equal(rc, BC_OK);
    assert_int_equal(cap, 16);
    for (int i = 0; i < 16; i++)
        a[i] = i;
    a = bc_grow(a, &cap, 16, sizeof *a, &rc); /* fits: unchanged */
    assert_int_equal(cap, 16);
    a = bc_grow(a, &cap, 100, sizeof *a, &rc);
    assert_int_equal(cap, 128);
    assert_int_equal(a[15], 15);
    bc_alloc_fail_after(0);
    int *same = bc_grow(a, &cap, 1000, sizeof *a, &rc);
    bc_alloc_fail_reset();
    assert_ptr_equal(same, a);
    assert_int_equal(rc, BC_ENOMEM);
    assert_int_equal(cap, 128);
    /* an earlier error makes it a no-op */
    assert_ptr_equal(bc_grow(a, &cap, 1000, sizeof *a, &rc), a);
    assert_int_equal(cap, 128);
    rc = BC_OK;
    assert_ptr_equal(bc_grow(a, &cap, SIZE_MAX / 2, sizeof *a, &rc), a);
    assert_int_equal(rc, BC_ENOMEM);
    bc_free(a);
}

static void fail_once_fails_only_that_allocation(void **state)
{
    (void)state;
    bc_alloc_fail_once(2);
    void *a = bc_malloc(8), *b = bc_malloc(8), *c = bc_malloc(8), *d = bc_malloc(8);
    assert_non_null(a);
    assert_non_null(b);
    assert_null(c);
    assert_non_null(d);
    assert_int_equal(bc_alloc_count(), 4);
    bc_alloc_fail_reset();
    bc_free(a);
    bc_free(b);
    bc_free(d);
}

static void count_covers_every_attempt(void **state)
{
    (void)state;
    bc_alloc_fail_after(LONG_MAX);
    for (int i = 0; i < 5; i++)
        bc_free(bc_malloc(16));
    assert_int_equal(bc_alloc_count(), 5);
    bc_alloc_fail_after(1);
    bc_free(bc_malloc(16));
    assert_null(bc_malloc(16));
    assert_null(bc_calloc(1, 16));
    assert_int_equal(bc_alloc_count(), 3); /* failed attempts count too */
    bc_alloc_fail_reset();
}

static void libraries_allocate_through_it(void **state)
{
    (void)state;
    assert_int_equal(bc_alloc_covers_libraries(), 1);
    bc_alloc_fail_after(0);
    assert_null(json_object());
    assert_null(json_string("x"));
    assert_null(sqlite3_malloc(16));
    bc_alloc_fail_reset();
    /* and what they allocate is theirs to free as usual */
    void *p = sqlite3_malloc(24);
    assert_non_null(p);
    assert_true(sqlite3_msize(p) >= 24);
    p = sqlite3_realloc(p, 4000);
    assert_non_null(p);
    memset(p, 1, 4000);
    sqlite3_free(p);
    json_t *j = json_pack("{s:[i,i]}", "a", 1, 2);
    char *text = json_dumps(j, JSON_COMPACT);
    assert_string_equal(text, "{\"a\":[1,2]}");
    free(text);
    json_decref(j);
    /* SQLite keeps no count of its memory (the count takes a process-wide mutex around
     * every SQLite allocation, on every worker): nothing reads it */
    p = sqlite3_malloc(4096);
    assert_non_null(p);
    assert_int_equal(sqlite3_memory_used(), 0);
    sqlite3_free(p);
}

static void json_loads_tell_memory_from_syntax(void **state)
{
    (void)state;
    json_error_t e;
    int oom = -1;
    json_t *j = bc_json_loadb("[1,", 3, 0, &e, &oom);
    assert_null(j);
    assert_int_equal(oom, 0);
    /* jansson reports some allocation failures as syntax errors: these are told apart */
    static const char text[] = "{\"name\": \"云南省 Vân Nam\", \"list\": [1, 2, 3]}";
    int saw_oom = 0;
    for (long n = 0; n < 64; n++) {
        bc_alloc_fail_once(n);
        j = bc_json_loadb(text, sizeof text - 1, 0, &e, &oom);
        bc_alloc_fail_reset();
        if (j == NULL)
            assert_int_equal(oom, 1);
        saw_oom |= oom;
        json_decref(j);
    }
    assert_true(saw_oom);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(malloc_calloc_realloc_work),
        cmocka_unit_test(free_null_is_noop),
        cmocka_unit_test(strdup_copies),
        cmocka_unit_test(strndup_copies_n_bytes),
        cmocka_unit_test_teardown(fail_after_zero_fails_every_allocator, reset_alloc),
        cmocka_unit_test_teardown(fail_after_n_lets_exactly_n_succeed, reset_alloc),
        cmocka_unit_test_teardown(fail_after_counts_every_kind, reset_alloc),
        cmocka_unit_test_teardown(failed_realloc_keeps_original, reset_alloc),
        cmocka_unit_test_teardown(free_does_not_count, reset_alloc),
        cmocka_unit_test_teardown(negative_disables_and_reset_is_idempotent, reset_alloc),
        cmocka_unit_test_teardown(fail_once_fails_only_that_allocation, reset_alloc),
        cmocka_unit_test_teardown(count_covers_every_attempt, reset_alloc),
        cmocka_unit_test_teardown(libraries_allocate_through_it, reset_alloc),
        cmocka_unit_test_teardown(json_loads_tell_memory_from_syntax, reset_alloc),
        cmocka_unit_test_teardown(rearming_replaces_countdown, reset_alloc),
        cmocka_unit_test_teardown(grow_doubles_keeps_on_failure_and_refuses_overflow, reset_alloc),
    };
    return cmocka_run_group_tests_name("alloc", tests, NULL, NULL);
}
