/* test_buf.c: the growable buffer: growth, printf on both sides of its 256-byte stack
 * buffer, JSON string escaping, steal/reset, and the sticky failure flag. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/err.h"

#include <jansson.h>
#include <string.h>

/* Resets failure injection even when an assertion ended the test early. */
static int reset_alloc(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    return 0;
}

/* Escapes n bytes of s, checks the result parses back (jansson) to exactly s. */
static void assert_json_round_trip(const char *s, size_t n)
{
    bc_buf b = BC_BUF_INIT;
    bc_buf_json_string(&b, s, n);
    assert_false(bc_buf_failed(&b));
    assert_int_equal(strlen(b.data), b.len); /* escaped output has no raw NUL */
    json_error_t jerr;
    json_t *j = json_loadb(b.data, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
    if (j == NULL)
        fail_msg("not valid JSON: %s (%s)", b.data, jerr.text);
    assert_true(json_is_string(j));
    assert_int_equal(json_string_length(j), n);
    assert_memory_equal(json_string_value(j), s, n);
    json_decref(j);
    bc_buf_free(&b);
}

static void init_state_is_empty(void **state)
{
    (void)state;
    bc_buf a = BC_BUF_INIT;
    bc_buf b;
    memset(&b, 0x5a, sizeof b);
    bc_buf_init(&b);
    assert_null(a.data);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    assert_false(bc_buf_failed(&a));
    assert_false(bc_buf_failed(&b));
    bc_buf_free(&a); /* freeing an untouched buffer is fine */
    bc_buf_free(&b);
}

static void append_puts_putc(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    bc_buf_puts(&b, "Lào");
    bc_buf_putc(&b, ' ');
    bc_buf_append(&b, "Cai!!!", 3);
    assert_false(bc_buf_failed(&b));
    assert_string_equal(b.data, "Lào Cai");
    assert_int_equal(b.len, strlen("Lào Cai"));
    assert_true(b.cap > b.len);
    bc_buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    bc_buf_free(&b); /* twice is harmless */
}

static void append_is_binary_safe(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    bc_buf_append(&b, "a\0b", 3);
    bc_buf_putc(&b, '\0');
    assert_int_equal(b.len, 4);
    assert_memory_equal(b.data, "a\0b\0", 5); /* plus the terminator */
    bc_buf_free(&b);

    /* an empty append still leaves a valid empty string */
    bc_buf_append(&b, "", 0);
    assert_false(bc_buf_failed(&b));
    assert_non_null(b.data);
    assert_string_equal(b.data, "");
    bc_buf_free(&b);
}

static void grows_byte_by_byte(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    for (int i = 0; i < 10000; i++) {
        bc_buf_putc(&b, (char)('a' + i % 26));
        assert_true(b.cap >= b.len + 1);
        assert_int_equal(b.data[b.len], '\0');
    }
    assert_false(bc_buf_failed(&b));
    assert_int_equal(b.len, 10000);
    for (int i = 0; i < 10000; i++)
        assert_int_equal(b.data[i], 'a' + i % 26);
    bc_buf_free(&b);
}

static void grows_in_large_appends(void **state)
{
    (void)state;
    static char chunk[5000];
    memset(chunk, 'q', sizeof chunk);
    bc_buf b = BC_BUF_INIT;
    bc_buf_puts(&b, "x");
    for (int i = 0; i < 20; i++)
        bc_buf_append(&b, chunk, sizeof chunk);
    assert_false(bc_buf_failed(&b));
    assert_int_equal(b.len, 1 + 20 * sizeof chunk);
    assert_int_equal(b.data[0], 'x');
    assert_int_equal(b.data[b.len - 1], 'q');
    assert_int_equal(b.data[b.len], '\0');
    bc_buf_free(&b);
}

static void reserve_keeps_pointer_stable(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    assert_int_equal(bc_buf_reserve(&b, 3000), BC_OK);
    assert_true(b.cap >= 3001);
    char *before = b.data;
    for (int i = 0; i < 3000; i++)
        bc_buf_putc(&b, 'z');
    assert_ptr_equal(b.data, before);
    assert_int_equal(b.len, 3000);
    assert_int_equal(b.data[3000], '\0');
    assert_int_equal(bc_buf_reserve(&b, 0), BC_OK);
    bc_buf_free(&b);
}

static void reserve_overflow_fails(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    bc_buf_puts(&b, "abc");
    assert_int_equal(bc_buf_reserve(&b, SIZE_MAX), BC_ENOMEM);
    assert_true(bc_buf_failed(&b));
    assert_int_equal(bc_buf_reserve(&b, SIZE_MAX - 2), BC_ENOMEM);
    /* sticky: even a small reserve now fails */
    assert_int_equal(bc_buf_reserve(&b, 1), BC_ENOMEM);
    bc_buf_free(&b);

    bc_buf c = BC_BUF_INIT;
    assert_int_equal(bc_buf_reserve(&c, SIZE_MAX / 2 + 1), BC_ENOMEM);
    assert_true(bc_buf_failed(&c));
    assert_null(c.data);
    bc_buf_free(&c);
}

static void printf_small(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    bc_buf_printf(&b, "%s=%d", "threads", 4);
    bc_buf_printf(&b, ";%05.1f;%c", 3.14159, 'z');
    assert_false(bc_buf_failed(&b));
    assert_string_equal(b.data, "threads=4;003.1;z");
    assert_int_equal(b.len, strlen("threads=4;003.1;z"));
    bc_buf_printf(&b, "%s", "");
    assert_int_equal(b.len, strlen("threads=4;003.1;z"));
    bc_buf_free(&b);
}

static void printf_long(void **state)
{
    (void)state;
    char big[1001];
    for (int i = 0; i < 1000; i++)
        big[i] = (char)('0' + i % 10);
    big[1000] = '\0';
    bc_buf b = BC_BUF_INIT;
    bc_buf_puts(&b, "head:");
    bc_buf_printf(&b, "[%s|%d]", big, -7);
    assert_false(bc_buf_failed(&b));
    assert_int_equal(b.len, 5 + 1 + 1000 + 4);
    assert_memory_equal(b.data, "head:[", 6);
    assert_memory_equal(b.data + 6, big, 1000);
    assert_string_equal(b.data + 1006, "|-7]");
    bc_buf_free(&b);
}

static void printf_at_256_boundary(void **state)
{
    (void)state;
    /* 255 bytes fit the stack buffer with its NUL; 256 and 257 take the long path */
    for (int n = 250; n <= 260; n++) {
        bc_buf b = BC_BUF_INIT;
        bc_buf_puts(&b, "<");
        bc_buf_printf(&b, "%*s", n, "x");
        bc_buf_putc(&b, '>');
        assert_false(bc_buf_failed(&b));
        assert_int_equal(b.len, (size_t)n + 2);
        assert_int_equal(b.data[0], '<');
        assert_int_equal(b.data[1], ' ');
        assert_int_equal(b.data[n], 'x');
        assert_int_equal(b.data[n + 1], '>');
        assert_int_equal(b.data[n + 2], '\0');
        bc_buf_free(&b);
    }
}

static void json_string_plain_and_utf8(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    bc_buf_json_string(&b, "", 0);
    assert_string_equal(b.data, "\"\"");
    bc_buf_reset(&b);
    const char *s = "Lào Cai, Điện Biên, 云南 😀";
    bc_buf_json_string(&b, s, strlen(s));
    assert_false(bc_buf_failed(&b));
    /* UTF-8 passes through unescaped */
    assert_int_equal(b.len, strlen(s) + 2);
    assert_int_equal(b.data[0], '"');
    assert_memory_equal(b.data + 1, s, strlen(s));
    assert_int_equal(b.data[b.len - 1], '"');
    bc_buf_free(&b);
    assert_json_round_trip(s, strlen(s));
}

static void json_string_escapes(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    const char in[] = "a\"b\\c\nd\re\tf\x01g\x1f\b\f\x7f/";
    bc_buf_json_string(&b, in, sizeof in - 1);
    assert_string_equal(b.data, "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001f\\u0008\\u000c\x7f/\"");
    bc_buf_free(&b);

    /* only n bytes are read; an embedded NUL is escaped, not a terminator */
    bc_buf_json_string(&b, "x\0y-not-this", 3);
    assert_string_equal(b.data, "\"x\\u0000y\"");
    bc_buf_free(&b);

    /* appends after existing content */
    bc_buf_puts(&b, "{\"k\":");
    bc_buf_json_string(&b, "\"\"", 2);
    bc_buf_putc(&b, '}');
    assert_string_equal(b.data, "{\"k\":\"\\\"\\\"\"}");
    bc_buf_free(&b);
}

static void json_string_every_control_char_round_trips(void **state)
{
    (void)state;
    char all[34];
    for (int c = 0; c < 32; c++)
        all[c] = (char)c;
    all[32] = '"';
    all[33] = '\\';
    assert_json_round_trip(all, sizeof all);
    for (int c = 0; c < 32; c++) {
        char s[3] = {'a', (char)c, 'b'};
        assert_json_round_trip(s, sizeof s);
    }
    /* a long string crossing the buffer's first growth */
    char long_s[700];
    for (size_t i = 0; i < sizeof long_s; i++)
        long_s[i] = i % 7 == 0 ? '"' : (i % 11 == 0 ? '\n' : 'k');
    assert_json_round_trip(long_s, sizeof long_s);
}

static void steal_hands_over_data(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    bc_buf_puts(&b, "stolen");
    char *expected = b.data;
    size_t len = 99;
    char *s = bc_buf_steal(&b, &len);
    assert_ptr_equal(s, expected);
    assert_string_equal(s, "stolen");
    assert_int_equal(len, 6);
    /* b is empty again and independent of s */
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    bc_buf_puts(&b, "new");
    assert_string_equal(b.data, "new");
    assert_string_equal(s, "stolen");
    bc_free(s);
    s = bc_buf_steal(&b, NULL); /* len may be NULL */
    assert_string_equal(s, "new");
    bc_free(s);
}

static void steal_of_empty_gives_empty_string(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    size_t len = 99;
    char *s = bc_buf_steal(&b, &len);
    assert_non_null(s);
    assert_string_equal(s, "");
    assert_int_equal(len, 0);
    bc_free(s);

    /* written, then reset: still an empty string */
    bc_buf_puts(&b, "gone");
    bc_buf_reset(&b);
    s = bc_buf_steal(&b, &len);
    assert_non_null(s);
    assert_string_equal(s, "");
    assert_int_equal(len, 0);
    bc_free(s);
}

static void reset_keeps_memory(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    bc_buf_reset(&b); /* on a never-written buffer */
    assert_null(b.data);
    bc_buf_puts(&b, "some text");
    char *mem = b.data;
    size_t cap = b.cap;
    bc_buf_reset(&b);
    assert_ptr_equal(b.data, mem);
    assert_int_equal(b.cap, cap);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    bc_buf_puts(&b, "again");
    assert_string_equal(b.data, "again");
    assert_ptr_equal(b.data, mem);
    bc_buf_free(&b);
}

static void failure_is_sticky(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    bc_alloc_fail_after(0);
    bc_buf_puts(&b, "first");
    bc_alloc_fail_reset();
    assert_true(bc_buf_failed(&b));
    assert_null(b.data);
    /* allocation works again, but appends stay ignored until reset */
    bc_buf_puts(&b, "second");
    bc_buf_putc(&b, 'c');
    bc_buf_printf(&b, "%d", 42);
    bc_buf_json_string(&b, "j", 1);
    assert_true(bc_buf_failed(&b));
    assert_int_equal(b.len, 0);
    assert_int_equal(bc_buf_reserve(&b, 1), BC_ENOMEM);
    bc_buf_reset(&b);
    assert_false(bc_buf_failed(&b));
    bc_buf_puts(&b, "third");
    assert_string_equal(b.data, "third");
    bc_buf_free(&b);
}

static void failure_during_growth_keeps_len(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    char fill[200];
    memset(fill, 'f', sizeof fill);
    bc_buf_append(&b, fill, sizeof fill); /* first 256-byte block */
    size_t cap = b.cap;
    bc_alloc_fail_after(0);
    bc_buf_append(&b, fill, 30); /* still fits: no allocation */
    assert_false(bc_buf_failed(&b));
    bc_buf_append(&b, fill, sizeof fill); /* must grow: fails */
    bc_alloc_fail_reset();
    assert_true(bc_buf_failed(&b));
    assert_int_equal(b.len, 230);
    assert_int_equal(b.cap, cap);
    bc_buf_free(&b); /* the old block is released (leak-checked under ASan) */
}

static void printf_long_path_failure(void **state)
{
    (void)state;
    char big[600];
    memset(big, 'p', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    bc_buf b = BC_BUF_INIT;
    bc_buf_puts(&b, "ok");
    bc_alloc_fail_after(0);
    bc_buf_printf(&b, "%s", big);
    bc_alloc_fail_reset();
    assert_true(bc_buf_failed(&b));
    assert_int_equal(b.len, 2);
    bc_buf_free(&b);
}

static void steal_after_failure_returns_null(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    bc_buf_puts(&b, "partial");
    bc_alloc_fail_after(0);
    char big[400];
    memset(big, 'b', sizeof big);
    bc_buf_append(&b, big, sizeof big);
    bc_alloc_fail_reset();
    assert_true(bc_buf_failed(&b));
    size_t len = 77;
    assert_null(bc_buf_steal(&b, &len));
    /* memory released, buffer reusable */
    assert_null(b.data);
    assert_false(bc_buf_failed(&b));
    bc_buf_puts(&b, "ok");
    assert_string_equal(b.data, "ok");
    bc_buf_free(&b);

    /* steal of a never-written buffer when the ""-copy cannot be allocated */
    bc_alloc_fail_after(0);
    char *s = bc_buf_steal(&b, &len);
    bc_alloc_fail_reset();
    assert_null(s);
    bc_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(init_state_is_empty),
        cmocka_unit_test(append_puts_putc),
        cmocka_unit_test(append_is_binary_safe),
        cmocka_unit_test(grows_byte_by_byte),
        cmocka_unit_test(grows_in_large_appends),
        cmocka_unit_test(reserve_keeps_pointer_stable),
        cmocka_unit_test(reserve_overflow_fails),
        cmocka_unit_test(printf_small),
        cmocka_unit_test(printf_long),
        cmocka_unit_test(printf_at_256_boundary),
        cmocka_unit_test(json_string_plain_and_utf8),
        cmocka_unit_test(json_string_escapes),
        cmocka_unit_test(json_string_every_control_char_round_trips),
        cmocka_unit_test(steal_hands_over_data),
        cmocka_unit_test(steal_of_empty_gives_empty_string),
        cmocka_unit_test(reset_keeps_memory),
        cmocka_unit_test_teardown(failure_is_sticky, reset_alloc),
        cmocka_unit_test_teardown(failure_during_growth_keeps_len, reset_alloc),
        cmocka_unit_test_teardown(printf_long_path_failure, reset_alloc),
        cmocka_unit_test_teardown(steal_after_failure_returns_null, reset_alloc),
    };
    return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
