/* test_strict.c: the framing rules on top of libmicrohttpd: one numeric Content-Length,
 * never beside Transfer-Encoding, only chunked and only on HTTP/1.1, exactly one Host,
 * header names that are tokens (whitespace before the colon), no control bytes in
 * values (NUL included), request targets of visible ASCII; the first violation is the
 * one reported and the detail stays printable. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/strict.h"

#include <string.h>

typedef struct field {
    const char *name, *value;
    size_t value_len; /* 0: strlen(value) */
} field;

/* Runs fields (ended by a NULL name) through a checker; returns the status. */
static int check(bc_strict *s, int http11, const field *f)
{
    bc_strict_init(s);
    for (; f->name != NULL; f++)
        bc_strict_field(s, f->name, strlen(f->name), f->value,
                        f->value_len ? f->value_len : strlen(f->value));
    return bc_strict_finish(s, http11);
}

static void expect(int http11, const field *f, int status, const char *code)
{
    bc_strict s;
    int got = check(&s, http11, f);
    if (got != status)
        fail_msg("status %d (%s: %s), want %d", got, s.code ? s.code : "-", s.detail, status);
    if (code != NULL)
        assert_string_equal(s.code, code);
    for (const char *p = s.detail; *p; p++)
        assert_true((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f);
}

static void plain_requests_pass(void **state)
{
    (void)state;
    expect(1, (field[]){{"Host", "x"}, {"Accept", "*/*"}, {NULL, NULL}}, 0, NULL);
    expect(1, (field[]){{"Host", "x"}, {"Content-Length", "12"}, {NULL, NULL}}, 0, NULL);
    expect(1, (field[]){{"Host", "x"}, {"Transfer-Encoding", "Chunked"}, {NULL, NULL}}, 0, NULL);
    /* tabs and obs-text may appear in values */
    expect(1, (field[]){{"Host", "x"}, {"User-Agent", "a\tb \xc3\xa9"}, {NULL, NULL}}, 0, NULL);
    /* HTTP/1.0 needs no Host */
    expect(0, (field[]){{"Accept", "*/*"}, {NULL, NULL}}, 0, NULL);
    bc_strict s;
    check(&s, 1, (field[]){{"Host", "x"}, {"content-length", "1048576"}, {NULL, NULL}});
    assert_int_equal(s.content_length, 1048576);
    assert_int_equal(s.chunked, 0);
    check(&s, 1, (field[]){{"Host", "x"}, {"TRANSFER-ENCODING", "chunked"}, {NULL, NULL}});
    assert_int_equal(s.chunked, 1);
}

static void content_length_rules(void **state)
{
    (void)state;
    /* two that disagree, two that agree, a list, a sign, a space, empty, 20 digits */
    expect(1, (field[]){{"Host", "x"}, {"Content-Length", "5"}, {"Content-Length", "50"}, {0}}, 400,
           "conflicting_framing");
    expect(1, (field[]){{"Host", "x"}, {"Content-Length", "5"}, {"Content-Length", "5"}, {0}}, 400,
           "conflicting_framing");
    expect(1, (field[]){{"Host", "x"}, {"Content-Length", "5, 5"}, {0}}, 400, "malformed_header");
    expect(1, (field[]){{"Host", "x"}, {"Content-Length", "+5"}, {0}}, 400, "malformed_header");
    expect(1, (field[]){{"Host", "x"}, {"Content-Length", "-5"}, {0}}, 400, "malformed_header");
    expect(1, (field[]){{"Host", "x"}, {"Content-Length", "5 "}, {0}}, 400, "malformed_header");
    expect(1, (field[]){{"Host", "x"}, {"Content-Length", ""}, {0}}, 400, "malformed_header");
    expect(1, (field[]){{"Host", "x"}, {"Content-Length", "18446744073709551616"}, {0}}, 400,
           "malformed_header");
}

static void transfer_encoding_rules(void **state)
{
    (void)state;
    expect(1,
           (field[]){{"Host", "x"}, {"Content-Length", "5"}, {"Transfer-Encoding", "chunked"}, {0}},
           400, "conflicting_framing");
    expect(1,
           (field[]){{"Host", "x"}, {"Transfer-Encoding", "chunked"}, {"Content-Length", "5"}, {0}},
           400, "conflicting_framing");
    expect(1, (field[]){{"Host", "x"}, {"Transfer-Encoding", "gzip, chunked"}, {0}}, 501,
           "unsupported_transfer_coding");
    expect(1, (field[]){{"Host", "x"}, {"Transfer-Encoding", "identity"}, {0}}, 501,
           "unsupported_transfer_coding");
    expect(
        1,
        (field[]){
            {"Host", "x"}, {"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}, {0}},
        400, "conflicting_framing");
    /* HTTP/1.0 has no transfer codings: the framing is faulty */
    expect(0, (field[]){{"Transfer-Encoding", "chunked"}, {0}}, 400, "conflicting_framing");
}

static void host_rules(void **state)
{
    (void)state;
    expect(1, (field[]){{"Accept", "*/*"}, {0}}, 400, "missing_host");
    expect(1, (field[]){{"Host", "a"}, {"host", "b"}, {0}}, 400, "conflicting_host");
    expect(1, (field[]){{"Host", "a"}, {"Host", "a"}, {0}}, 400, "conflicting_host");
    expect(0, (field[]){{"Host", "a"}, {"Host", "b"}, {0}}, 400, "conflicting_host");
    /* a Host must be a host and an optional port (RFC 9112 3.2) */
    static const char *const good[] = {"example.org", "127.0.0.1:8080",        "[::1]:443", "[::1]",
                                       "a-b_c~d.e:",  "xn--bcher-kva.example", "h%41st"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        expect(1, (field[]){{"Host", good[i]}, {0}}, 0, NULL);
    static const char *const bad[] = {
        "",     "a b", "user@evil:99999", "a:99999", "a:12x", ":80",
        "[::1", "a/b", "a:123456",        "[zz]:80", "a\"b",  "a:80:90"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect(1, (field[]){{"Host", bad[i]}, {0}}, 400, "invalid_host");
    /* one Content-Type: a proxy and the daemon must not read different ones */
    expect(1,
           (field[]){{"Host", "x"},
                     {"Content-Type", "application/json"},
                     {"content-type", "text/plain"},
                     {0}},
           400, "conflicting_header");
}

static void one_authorization(void **state)
{
    (void)state;
    expect(
        1,
        (field[]){{"Host", "a"}, {"Authorization", "Bearer x"}, {"authorization", "Bearer y"}, {0}},
        400, "conflicting_authorization");
    expect(
        1,
        (field[]){{"Host", "a"}, {"Authorization", "Bearer x"}, {"Authorization", "Bearer x"}, {0}},
        400, "conflicting_authorization");
}

static void names_and_values(void **state)
{
    (void)state;
    /* libmicrohttpd keeps "Host " for "Host : x": whitespace before the colon */
    expect(1, (field[]){{"Host", "x"}, {"Content-Length ", "5"}, {0}}, 400, "malformed_header");
    expect(1, (field[]){{"Host ", "x"}, {0}}, 400, "malformed_header");
    expect(1, (field[]){{"Host", "x"}, {"X\tY", "1"}, {0}}, 400, "malformed_header");
    expect(1, (field[]){{"Host", "x"}, {"X(Y)", "1"}, {0}}, 400, "malformed_header");
    expect(1, (field[]){{"Host", "x"}, {"", "1"}, {0}}, 400, "malformed_header");
    expect(1, (field[]){{"Host", "x"}, {"X-A", "a\rb"}, {0}}, 400, "malformed_header");
    expect(1, (field[]){{"Host", "x"}, {"X-A", "a\x01"}, {0}}, 400, "malformed_header");
    expect(1, (field[]){{"Host", "x"}, {"X-A", "a\x7f"}, {0}}, 400, "malformed_header");
    /* a NUL inside a value: only its length shows it */
    expect(1, (field[]){{"Host", "x"}, {"X-A", "ab\0cd", 5}, {0}}, 400, "malformed_header");
    /* the control byte in the name is not echoed raw into the detail */
    expect(1, (field[]){{"Host", "x"}, {"X\x1b[31m", "1"}, {0}}, 400, "malformed_header");
}

static void first_violation_wins(void **state)
{
    (void)state;
    bc_strict s;
    check(
        &s, 1,
        (field[]){
            {"Host", "x"}, {"X-A", "\x01"}, {"Content-Length", "1"}, {"Content-Length", "2"}, {0}});
    assert_string_equal(s.code, "malformed_header");
    /* counting goes on after the first violation */
    assert_int_equal(s.content_lengths, 2);
}

static void targets_and_tokens(void **state)
{
    (void)state;
    assert_true(bc_strict_target_ok("/v1/meetings?x=%20", 18));
    assert_false(bc_strict_target_ok("/a b", 4));
    assert_false(bc_strict_target_ok("/a\tb", 4));
    assert_false(bc_strict_target_ok("/a\x01", 3));
    assert_false(bc_strict_target_ok("/\xc3\xa9", 3));
    assert_false(bc_strict_target_ok("/\x7f", 2));
    assert_true(bc_strict_target_ok("", 0));
    assert_true(bc_strict_is_token("GET", 3));
    assert_true(bc_strict_is_token("M-SEARCH", 8));
    assert_false(bc_strict_is_token("GE T", 4));
    assert_false(bc_strict_is_token("", 0));
    assert_false(bc_strict_is_token("G\"", 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_requests_pass),     cmocka_unit_test(content_length_rules),
        cmocka_unit_test(transfer_encoding_rules), cmocka_unit_test(host_rules),
        cmocka_unit_test(one_authorization),       cmocka_unit_test(names_and_values),
        cmocka_unit_test(first_violation_wins),    cmocka_unit_test(targets_and_tokens),
    };
    return cmocka_run_group_tests_name("strict", tests, NULL, NULL);
}
