/* test_query.c: strict percent-decoding, query-string splitting with its limits, and
 * the encoding used to write links. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/arena.h"
#include "bordercoop/buf.h"
#include "bordercoop/err.h"
#include "bordercoop/query.h"

#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Released by the teardown, so that a test that stops early (failed assertion or a
 * caught signal) leaks nothing under LeakSanitizer. */
static bc_arena arena = BC_ARENA_INIT;
static char *guard_map;
static size_t guard_len;

static void release_guard(void)
{
    if (guard_map != NULL)
        munmap(guard_map, guard_len);
    guard_map = NULL;
}

static int cleanup(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    bc_arena_free(&arena);
    release_guard();
    return 0;
}

/* Returns a copy of the n bytes at s placed so that the byte after them is unreadable
 * (the mapping is released by the next call or the teardown). */
static const char *at_page_end(const char *s, size_t n)
{
    release_guard();
    long page = sysconf(_SC_PAGESIZE);
    assert_true(page > 0 && (size_t)page >= n);
    guard_len = 2 * (size_t)page;
    void *m = mmap(NULL, guard_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(m != MAP_FAILED);
    guard_map = m;
    assert_int_equal(mprotect(guard_map + page, (size_t)page, PROT_NONE), 0);
    char *p = guard_map + page - n;
    memcpy(p, s, n);
    return p;
}

static void assert_decodes(const char *s, int plus, const char *want)
{
    char *out = NULL;
    bc_err err;
    bc_err_clear(&err);
    if (bc_url_decode(s, strlen(s), plus, &arena, &out, &err) != BC_OK)
        fail_msg("'%s' rejected: %s", s, err.msg);
    assert_non_null(out);
    assert_string_equal(out, want);
}

static void assert_decode_fails(const char *s, size_t n)
{
    char *out = NULL;
    bc_err err;
    bc_err_clear(&err);
    int rc = bc_url_decode(s, n, 1, &arena, &out, &err);
    if (rc != BC_EINVAL)
        fail_msg("'%.*s' gave %d, want BC_EINVAL", (int)n, s, rc);
    assert_int_equal(err.code, BC_EINVAL);
    assert_true(strlen(err.msg) > 0);
    assert_int_equal(bc_url_decode(s, n, 0, &arena, &out, NULL), BC_EINVAL);
}

#define DECODE_FAILS(lit) assert_decode_fails(lit, sizeof(lit) - 1)

/* Parses raw; returns its result and fills pairs/n. */
static int parse(const char *raw, bc_qpair **pairs, size_t *n, bc_err *err)
{
    bc_err_clear(err);
    return bc_query_parse(raw, &arena, pairs, n, err);
}

static void assert_parse_fails(const char *raw, const char *msg_part)
{
    bc_qpair *pairs = NULL;
    size_t n = 99;
    bc_err err;
    int rc = parse(raw, &pairs, &n, &err);
    if (rc != BC_EINVAL)
        fail_msg("'%.60s' gave %d, want BC_EINVAL", raw, rc);
    assert_int_equal(err.code, BC_EINVAL);
    if (msg_part != NULL && strstr(err.msg, msg_part) == NULL)
        fail_msg("message '%s' does not mention '%s'", err.msg, msg_part);
}

/* A string of n copies of unit (unit repeated, NUL-terminated, in the arena). */
static char *repeat(const char *unit, size_t n)
{
    size_t u = strlen(unit);
    char *s = bc_arena_alloc(&arena, u * n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * u, unit, u);
    s[u * n] = '\0';
    return s;
}

static void decode_escapes(void **state)
{
    (void)state;
    assert_decodes("%41%42%43", 1, "ABC");
    assert_decodes("x%20y", 1, "x y");
    assert_decodes("%c3%a0", 1, "\xC3\xA0");     /* lower-case hex */
    assert_decodes("%C3%A0", 1, "\xC3\xA0");     /* upper-case hex */
    assert_decodes("L%c3%A0o", 1, "L\xC3\xA0o"); /* mixed */
    assert_decodes("%E4%BA%91%E5%8D%97", 0, "\xE4\xBA\x91\xE5\x8D\x97");
    assert_decodes("%25", 1, "%");
    assert_decodes("%2541", 1, "%41"); /* decoded once, not twice */
    assert_decodes("%7e%7E", 1, "~~");
    assert_decodes("abc-._~!$'()*,;:@/", 1, "abc-._~!$'()*,;:@/");
    assert_decodes("", 1, "");
    assert_decodes("L\xC3\xA0o", 0, "L\xC3\xA0o"); /* raw UTF-8 is kept */
}

static void decode_plus(void **state)
{
    (void)state;
    assert_decodes("a+b", 1, "a b");
    assert_decodes("a+b", 0, "a+b");
    assert_decodes("+++", 1, "   ");
    assert_decodes("+++", 0, "+++");
    assert_decodes("%2B", 1, "+"); /* an encoded plus stays a plus */
    assert_decodes("%2b", 0, "+");
    assert_decodes("Lao+Cai%2B1", 1, "Lao Cai+1");
}

static void decode_reads_only_n_bytes(void **state)
{
    (void)state;
    char *out = NULL;
    bc_err err;
    assert_int_equal(bc_url_decode("abc%41", 3, 1, &arena, &out, &err), BC_OK);
    assert_string_equal(out, "abc");
    assert_int_equal(bc_url_decode("%41%42", 3, 1, &arena, &out, &err), BC_OK);
    assert_string_equal(out, "A");
    /* an escape cut by n is malformed even if the bytes after n would complete it */
    assert_int_equal(bc_url_decode("%41%42", 5, 1, &arena, &out, &err), BC_EINVAL);
    assert_int_equal(bc_url_decode("%41%42", 4, 1, &arena, &out, &err), BC_EINVAL);
}

static void decode_rejects_bad_escapes(void **state)
{
    (void)state;
    DECODE_FAILS("%");
    DECODE_FAILS("%4");
    DECODE_FAILS("%zz");
    DECODE_FAILS("%4z");
    DECODE_FAILS("%z4");
    DECODE_FAILS("%G0");
    DECODE_FAILS("% 41");
    DECODE_FAILS("%%41");
    DECODE_FAILS("a%");
    DECODE_FAILS("abc%4");
    DECODE_FAILS("%-1");
    DECODE_FAILS("%+1");
    DECODE_FAILS("ok%41%");
}

static void decode_rejects_nul(void **state)
{
    (void)state;
    DECODE_FAILS("%00");
    DECODE_FAILS("a%00b");
    DECODE_FAILS("a\0b");
    DECODE_FAILS("\0");
    char *out;
    bc_err err;
    assert_int_equal(bc_url_decode("%00", 3, 0, &arena, &out, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "NUL"));
}

static void decode_rejects_invalid_utf8(void **state)
{
    (void)state;
    DECODE_FAILS("%C3");  /* truncated */
    DECODE_FAILS("%C3x"); /* bad continuation */
    DECODE_FAILS("%FF");
    DECODE_FAILS("%80");
    DECODE_FAILS("%C0%80");       /* overlong NUL */
    DECODE_FAILS("%C0%AF");       /* overlong '/' */
    DECODE_FAILS("%ED%A0%80");    /* surrogate */
    DECODE_FAILS("%F4%90%80%80"); /* past U+10FFFF */
    DECODE_FAILS("\xFF");         /* raw invalid byte */
    DECODE_FAILS("\xC3");
    char *out;
    bc_err err;
    assert_int_equal(bc_url_decode("%FF", 3, 1, &arena, &out, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "UTF-8"));
}

static void decode_out_of_memory(void **state)
{
    (void)state;
    char *out = NULL;
    bc_err err;
    bc_err_clear(&err);
    bc_alloc_fail_after(0);
    int rc = bc_url_decode("a%20b", 5, 1, &arena, &out, &err);
    bc_alloc_fail_reset();
    assert_int_equal(rc, BC_ENOMEM);
    assert_int_equal(err.code, BC_ENOMEM);
    assert_null(out);
}

/* Input that ends exactly at the end of a readable page: decoding must not touch the
 * byte after it. */
static void decode_valid_input_at_end_of_buffer(void **state)
{
    (void)state;
    char *out = NULL;
    bc_err err;
    const char *s = at_page_end("a%41", 4);
    assert_int_equal(bc_url_decode(s, 4, 1, &arena, &out, &err), BC_OK);
    assert_string_equal(out, "aA");
    s = at_page_end("x+y", 3);
    assert_int_equal(bc_url_decode(s, 3, 1, &arena, &out, &err), BC_OK);
    assert_string_equal(out, "x y");
}

/* BUG: on a malformed escape bc_url_decode builds its message with "'%.8s'", s + i,
 * which reads up to 8 bytes from s + i whatever n is: for "a%" (n = 2) it reads s[2]
 * and on. Here the input ends where an unreadable page begins, so the read faults
 * (cmocka reports "Segmentation fault"); with an ordinary buffer it is a heap or stack
 * over-read (ASan: heap-buffer-overflow). Today's callers pass ranges inside
 * NUL-terminated strings, which hides it. Fix: "%.*s" with min(8, n - i). */
static void decode_error_message_stays_within_n(void **state)
{
    (void)state;
    char *out = NULL;
    bc_err err;
    const char *s = at_page_end("a%", 2);
    assert_int_equal(bc_url_decode(s, 2, 1, &arena, &out, &err), BC_EINVAL);
    assert_int_equal(err.code, BC_EINVAL);
}

/* BUG: an escape cut by the end of the input ("%4", n = 2) makes bc_url_decode read
 * s[i + 2] = s[n] before it decides the escape is incomplete (the conditions computing
 * hi/lo in server/query.c test i + 2 <= n, not i + 2 < n), and then the message reads
 * past n as above. Fixing only the message still faults here. */
static void decode_cut_escape_stays_within_n(void **state)
{
    (void)state;
    char *out = NULL;
    bc_err err;
    const char *s = at_page_end("%4", 2);
    assert_int_equal(bc_url_decode(s, 2, 1, &arena, &out, &err), BC_EINVAL);
    assert_int_equal(err.code, BC_EINVAL);
}

static void parse_basic(void **state)
{
    (void)state;
    bc_qpair *pairs = NULL;
    size_t n = 0;
    bc_err err;
    assert_int_equal(parse("a=1&b=x%20y", &pairs, &n, &err), BC_OK);
    assert_int_equal(n, 2);
    assert_string_equal(pairs[0].key, "a");
    assert_string_equal(pairs[0].value, "1");
    assert_string_equal(pairs[1].key, "b");
    assert_string_equal(pairs[1].value, "x y");

    assert_int_equal(parse("q=L%C3%A0o+Cai&sort=-name", &pairs, &n, &err), BC_OK);
    assert_int_equal(n, 2);
    assert_string_equal(pairs[0].value, "L\xC3\xA0o Cai"); /* '+' is a space in queries */
    assert_string_equal(pairs[1].key, "sort");
    assert_string_equal(pairs[1].value, "-name");

    /* encoded names, '=' inside the value, duplicates kept in order */
    assert_int_equal(parse("na%6De=a=b&x=1&x=2", &pairs, &n, &err), BC_OK);
    assert_int_equal(n, 3);
    assert_string_equal(pairs[0].key, "name");
    assert_string_equal(pairs[0].value, "a=b");
    assert_string_equal(pairs[1].value, "1");
    assert_string_equal(pairs[2].value, "2");

    /* an encoded '&' or '=' does not split */
    assert_int_equal(parse("k=a%26b%3Dc", &pairs, &n, &err), BC_OK);
    assert_int_equal(n, 1);
    assert_string_equal(pairs[0].value, "a&b=c");
}

static void parse_empty_segments(void **state)
{
    (void)state;
    bc_qpair *pairs = NULL;
    size_t n = 99;
    bc_err err;
    assert_int_equal(parse("", &pairs, &n, &err), BC_OK);
    assert_int_equal(n, 0);
    assert_int_equal(parse("&&&", &pairs, &n, &err), BC_OK);
    assert_int_equal(n, 0);
    assert_int_equal(parse("&&a=1&", &pairs, &n, &err), BC_OK);
    assert_int_equal(n, 1);
    assert_string_equal(pairs[0].key, "a");
    assert_string_equal(pairs[0].value, "1");
    assert_int_equal(parse("a=1&&&b=2", &pairs, &n, &err), BC_OK);
    assert_int_equal(n, 2);
    assert_string_equal(pairs[1].key, "b");
}

static void parse_key_without_value(void **state)
{
    (void)state;
    bc_qpair *pairs = NULL;
    size_t n = 0;
    bc_err err;
    assert_int_equal(parse("flag&k=&x=1", &pairs, &n, &err), BC_OK);
    assert_int_equal(n, 3);
    assert_string_equal(pairs[0].key, "flag");
    assert_non_null(pairs[0].value);
    assert_string_equal(pairs[0].value, "");
    assert_string_equal(pairs[1].key, "k");
    assert_string_equal(pairs[1].value, "");
    assert_string_equal(pairs[2].value, "1");
}

static void parse_rejects_nameless(void **state)
{
    (void)state;
    assert_parse_fails("=v", "name");
    assert_parse_fails("=", "name");
    assert_parse_fails("a=1&=v", "name");
    assert_parse_fails("a=1&=", "name");
}

static void parse_pair_limit(void **state)
{
    (void)state;
    bc_buf q = BC_BUF_INIT;
    for (int i = 0; i < BC_QUERY_MAX_PAIRS; i++)
        bc_buf_printf(&q, "%sk%d=%d&&", i ? "&" : "", i, i);
    bc_qpair *pairs = NULL;
    size_t n = 0;
    bc_err err;
    assert_int_equal(parse(q.data, &pairs, &n, &err), BC_OK);
    assert_int_equal(n, BC_QUERY_MAX_PAIRS);
    assert_string_equal(pairs[31].key, "k31");
    assert_string_equal(pairs[31].value, "31");
    bc_buf_puts(&q, "&&&"); /* empty segments do not count */
    assert_int_equal(parse(q.data, &pairs, &n, &err), BC_OK);
    assert_int_equal(n, BC_QUERY_MAX_PAIRS);
    bc_buf_puts(&q, "one=more");
    assert_parse_fails(q.data, "32");
    bc_buf_free(&q);
}

static void parse_key_length_limit(void **state)
{
    (void)state;
    bc_qpair *pairs = NULL;
    size_t n = 0;
    bc_err err;
    char *q = bc_arena_alloc(&arena, 4096);
    assert_non_null(q);

    snprintf(q, 4096, "%s=1", repeat("k", BC_QUERY_MAX_KEY));
    assert_int_equal(parse(q, &pairs, &n, &err), BC_OK);
    assert_int_equal(strlen(pairs[0].key), BC_QUERY_MAX_KEY);
    snprintf(q, 4096, "%s=1", repeat("k", BC_QUERY_MAX_KEY + 1));
    assert_parse_fails(q, "too long");
    snprintf(q, 4096, "%s", repeat("k", BC_QUERY_MAX_KEY + 1)); /* no '=' */
    assert_parse_fails(q, "too long");
    /* the limit is on the decoded name */
    snprintf(q, 4096, "%s=1", repeat("%41", BC_QUERY_MAX_KEY));
    assert_int_equal(parse(q, &pairs, &n, &err), BC_OK);
    assert_int_equal(strlen(pairs[0].key), BC_QUERY_MAX_KEY);
    snprintf(q, 4096, "%s=1", repeat("%41", BC_QUERY_MAX_KEY + 1));
    assert_parse_fails(q, "too long");
    /* 22 three-byte characters are 66 bytes */
    snprintf(q, 4096, "%s=1", repeat("%E4%BA%91", 22));
    assert_parse_fails(q, "too long");
}

static void parse_value_length_limit(void **state)
{
    (void)state;
    bc_qpair *pairs = NULL;
    size_t n = 0;
    bc_err err;
    size_t cap = 8 * BC_QUERY_MAX_VALUE;
    char *q = bc_arena_alloc(&arena, cap);
    assert_non_null(q);

    snprintf(q, cap, "v=%s", repeat("x", BC_QUERY_MAX_VALUE));
    assert_int_equal(parse(q, &pairs, &n, &err), BC_OK);
    assert_int_equal(strlen(pairs[0].value), BC_QUERY_MAX_VALUE);
    snprintf(q, cap, "v=%s", repeat("x", BC_QUERY_MAX_VALUE + 1));
    assert_parse_fails(q, "'v'");
    snprintf(q, cap, "v=%s", repeat("%78", BC_QUERY_MAX_VALUE));
    assert_int_equal(parse(q, &pairs, &n, &err), BC_OK);
    assert_int_equal(strlen(pairs[0].value), BC_QUERY_MAX_VALUE);
    snprintf(q, cap, "v=%s", repeat("%78", BC_QUERY_MAX_VALUE + 1));
    assert_parse_fails(q, "too long");
    snprintf(q, cap, "v=%s", repeat("+", BC_QUERY_MAX_VALUE + 1));
    assert_parse_fails(q, "too long");
}

static void parse_rejects_bad_encoding(void **state)
{
    (void)state;
    assert_parse_fails("a%zz=1", "name");
    assert_parse_fails("a=%4", "'a'");
    assert_parse_fails("a=1&b=%", "'b'");
    assert_parse_fails("a=%00", "NUL");
    assert_parse_fails("a%00=1", NULL);
    assert_parse_fails("a=%FF", "UTF-8");
    assert_parse_fails("a=%C3", "UTF-8");
    assert_parse_fails("%ED%A0%80=1", "UTF-8");
    assert_parse_fails("ok=1&a=\xFF", "UTF-8");
}

/* Every allocation along the way may fail: the result is BC_ENOMEM, never a crash, a
 * leak or a misreported BC_EINVAL; with enough allocations it succeeds. */
static void parse_out_of_memory_at_each_step(void **state)
{
    (void)state;
    bc_buf q = BC_BUF_INIT;
    for (int i = 0; i < 8; i++) {
        bc_buf_printf(&q, "k%d=", i);
        for (int j = 0; j < 1000; j++)
            bc_buf_putc(&q, 'v');
        bc_buf_putc(&q, '&');
    }
    assert_false(bc_buf_failed(&q));
    int ok = 0;
    for (long k = 0; k < 64 && !ok; k++) {
        bc_arena a = BC_ARENA_INIT;
        bc_qpair *pairs = NULL;
        size_t n = 0;
        bc_err err;
        bc_err_clear(&err);
        bc_alloc_fail_after(k);
        int rc = bc_query_parse(q.data, &a, &pairs, &n, &err);
        bc_alloc_fail_reset();
        if (rc == BC_OK) {
            ok = 1;
            assert_true(k > 1); /* needs several chunks */
            assert_int_equal(n, 8);
            assert_int_equal(strlen(pairs[7].value), 1000);
        } else {
            assert_int_equal(rc, BC_ENOMEM);
            assert_int_equal(err.code, BC_ENOMEM);
        }
        bc_arena_free(&a);
    }
    assert_true(ok);
    bc_buf_free(&q);
}

static void encode(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    bc_url_encode(&b, "abcXYZ019-_.~");
    assert_string_equal(b.data, "abcXYZ019-_.~");
    bc_buf_reset(&b);
    bc_url_encode(&b, "a b+c&d=e?f/g#h%i");
    assert_string_equal(b.data, "a%20b%2Bc%26d%3De%3Ff%2Fg%23h%25i");
    bc_buf_reset(&b);
    bc_url_encode(&b, "L\xC3\xA0o Cai");
    assert_string_equal(b.data, "L%C3%A0o%20Cai");
    bc_buf_reset(&b);
    bc_url_encode(&b, "\x01\x7F\"'<>\\");
    assert_string_equal(b.data, "%01%7F%22%27%3C%3E%5C");
    bc_buf_free(&b);

    bc_url_encode(&b, ""); /* appends nothing */
    assert_int_equal(b.len, 0);
    bc_buf_puts(&b, "q=");
    bc_url_encode(&b, "x y");
    assert_string_equal(b.data, "q=x%20y");
    bc_buf_free(&b);
}

static void encode_decode_round_trip(void **state)
{
    (void)state;
    char ascii[97]; /* every byte from ' ' to DEL */
    for (int c = 0x20; c <= 0x7F; c++)
        ascii[c - 0x20] = (char)c;
    ascii[96] = '\0';
    char controls[32];
    for (int c = 1; c < 32; c++)
        controls[c - 1] = (char)c;
    controls[31] = '\0';
    const char *samples[] = {
        "",      "plain",   "a b+c",     "100%",   "%41",
        "a&b=c", "Lào Cai", "Điện Biên", "云南 😀", "  leading and trailing  ",
        "+++",   "~-._,",   ascii,       controls,
    };
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        bc_buf b = BC_BUF_INIT;
        bc_url_encode(&b, samples[i]);
        bc_buf_putc(&b, '\0'); /* data exists even for "" */
        assert_false(bc_buf_failed(&b));
        size_t len = strlen(b.data);
        /* the encoding is plain ASCII with no separators or spaces */
        for (size_t j = 0; j < len; j++) {
            unsigned char c = (unsigned char)b.data[j];
            assert_true(c > 0x20 && c < 0x7F);
            assert_true(c != '&' && c != '=' && c != '+' && c != '#' && c != '?');
        }
        for (int plus = 0; plus <= 1; plus++) {
            char *out = NULL;
            bc_err err;
            assert_int_equal(bc_url_decode(b.data, len, plus, &arena, &out, &err), BC_OK);
            assert_string_equal(out, samples[i]);
        }
        /* and through a whole query string */
        bc_buf q = BC_BUF_INIT;
        bc_buf_puts(&q, "k=");
        bc_buf_puts(&q, b.data);
        bc_buf_puts(&q, "&z=1");
        bc_qpair *pairs = NULL;
        size_t n = 0;
        bc_err err;
        assert_int_equal(parse(q.data, &pairs, &n, &err), BC_OK);
        assert_int_equal(n, 2);
        assert_string_equal(pairs[0].value, samples[i]);
        bc_buf_free(&q);
        bc_buf_free(&b);
    }
}

int main(void)
{
#define T(f) cmocka_unit_test_teardown(f, cleanup)
    const struct CMUnitTest tests[] = {
        T(decode_escapes),
        T(decode_plus),
        T(decode_reads_only_n_bytes),
        T(decode_rejects_bad_escapes),
        T(decode_rejects_nul),
        T(decode_rejects_invalid_utf8),
        T(decode_out_of_memory),
        T(decode_valid_input_at_end_of_buffer),
        T(decode_error_message_stays_within_n), /* BUG: fails, see the test */
        T(decode_cut_escape_stays_within_n),    /* BUG: fails, see the test */
        T(parse_basic),
        T(parse_empty_segments),
        T(parse_key_without_value),
        T(parse_rejects_nameless),
        T(parse_pair_limit),
        T(parse_key_length_limit),
        T(parse_value_length_limit),
        T(parse_rejects_bad_encoding),
        T(parse_out_of_memory_at_each_step),
        T(encode),
        T(encode_decode_round_trip),
    };
#undef T
    return cmocka_run_group_tests_name("query", tests, NULL, NULL);
}
