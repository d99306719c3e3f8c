/* fuzz_query.c: libFuzzer target for the URL decoding of query.h. The input is decoded
 * whole with bc_url_decode (both '+' conventions) and, as a NUL-terminated string, split
 * by bc_query_parse. Checks the contracts: decoded text is valid UTF-8 without NUL,
 * pairs respect the documented limits, and encoding then decoding gives the same text. */
#include "bordercoop/arena.h"
#include "bordercoop/buf.h"
#include "bordercoop/err.h"
#include "bordercoop/query.h"
#include "bordercoop/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_query: invariant failed: %s (%s:%d)\n", #cond, __FILE__,         \
                    __LINE__);                                                                     \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* An error must carry a known code and a message. */
static void check_err(int rc, const bc_err *err)
{
    CHECK(rc == BC_EINVAL || rc == BC_ENOMEM);
    CHECK(err->code == rc);
    CHECK(err->msg[0] != '\0');
    CHECK(memchr(err->msg, '\0', sizeof err->msg) != NULL);
}

/* Decodes s (n bytes) and, on success, checks the result and the encode/decode round
 * trip. */
static void decode_one(const char *s, size_t n, int plus_is_space, bc_arena *a)
{
    char *out = NULL;
    bc_err err;
    bc_err_clear(&err);
    int rc = bc_url_decode(s, n, plus_is_space, a, &out, &err);
    if (rc != BC_OK) {
        check_err(rc, &err);
        return;
    }
    CHECK(out != NULL);
    size_t len = strlen(out);
    CHECK(len <= n);
    CHECK(bc_utf8_valid(out, len));

    bc_buf enc = BC_BUF_INIT;
    bc_url_encode(&enc, out);
    CHECK(!bc_buf_failed(&enc));
    char *back = NULL;
    rc = bc_url_decode(enc.data ? enc.data : "", enc.len, plus_is_space, a, &back, &err);
    CHECK(rc == BC_OK);
    CHECK(strcmp(back, out) == 0);
    bc_buf_free(&enc);
}

/* Splits raw and checks the pairs; re-encodes them and checks they parse back equal. */
static void parse_one(const char *raw, bc_arena *a)
{
    bc_qpair *pairs = NULL;
    size_t n = 99;
    bc_err err;
    bc_err_clear(&err);
    int rc = bc_query_parse(raw, a, &pairs, &n, &err);
    if (rc != BC_OK) {
        check_err(rc, &err);
        return;
    }
    CHECK(pairs != NULL);
    CHECK(n <= BC_QUERY_MAX_PAIRS);
    bc_buf again = BC_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        size_t kl = strlen(pairs[i].key), vl = strlen(pairs[i].value);
        CHECK(kl > 0 && kl <= BC_QUERY_MAX_KEY);
        CHECK(vl <= BC_QUERY_MAX_VALUE);
        CHECK(bc_utf8_valid(pairs[i].key, kl));
        CHECK(bc_utf8_valid(pairs[i].value, vl));
        if (i > 0)
            bc_buf_putc(&again, '&');
        bc_url_encode(&again, pairs[i].key);
        bc_buf_putc(&again, '=');
        bc_url_encode(&again, pairs[i].value);
    }
    CHECK(!bc_buf_failed(&again));
    /* a decoded key (value) of at most MAX_KEY (MAX_VALUE) bytes encodes to at most 3
     * times that, within the raw limits: the re-encoded query must parse back equal */
    bc_qpair *p2 = NULL;
    size_t n2 = 0;
    rc = bc_query_parse(again.data ? again.data : "", a, &p2, &n2, &err);
    CHECK(rc == BC_OK);
    CHECK(n2 == n);
    for (size_t i = 0; i < n; i++) {
        CHECK(strcmp(p2[i].key, pairs[i].key) == 0);
        CHECK(strcmp(p2[i].value, pairs[i].value) == 0);
    }
    bc_buf_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bc_arena arena = BC_ARENA_INIT;
    const char *s = (const char *)data;

    decode_one(s, size, 0, &arena);
    decode_one(s, size, 1, &arena);

    char *raw = malloc(size + 1);
    if (raw == NULL)
        return 0;
    memcpy(raw, data, size);
    raw[size] = '\0';
    parse_one(raw, &arena);
    free(raw);

    bc_arena_free(&arena);
    return 0;
}
