/* test_cache.c: the response cache: hits and misses, ETags, when gzip is computed,
 * least-recently-used eviction under a small budget, entries that outlive their
 * eviction, clearing on a new generation, and allocation failure. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/cache.h"
#include "bordercoop/err.h"
#include "bordercoop/response.h"

#include <stdio.h>
#include <string.h>
#include <zlib.h>

static bc_cache *cache;
static bc_response res;

static int cleanup(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    bc_response_free(&res);
    bc_cache_free(cache);
    cache = NULL;
    return 0;
}

/* A 200 JSON response of n bytes, compressible, distinct per seed. */
static void make_response(size_t n, int seed)
{
    bc_response_free(&res);
    bc_response_init(&res);
    res.status = 200;
    res.content_type = "application/json";
    res.cacheable = 1;
    char chunk[64];
    while (res.body.len < n) {
        int k = snprintf(chunk, sizeof chunk, "{\"seed\":%d,\"at\":%zu},", seed, res.body.len);
        size_t take = (size_t)k < n - res.body.len ? (size_t)k : n - res.body.len;
        bc_buf_append(&res.body, chunk, take);
    }
    assert_false(bc_buf_failed(&res.body));
    bc_response_header(&res, "X-Total-Count", "%d", seed);
    bc_response_header(&res, "X-Not-Kept", "1");
}

/* Inflates a gzip body and checks it equals want. */
static void assert_gunzips_to(const char *gz, size_t gz_len, const char *want, size_t want_len)
{
    char *out = bc_malloc(want_len + 16);
    assert_non_null(out);
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
    z.next_in = (Bytef *)gz;
    z.avail_in = (uInt)gz_len;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)(want_len + 16);
    assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
    assert_int_equal(z.total_out, want_len);
    inflateEnd(&z);
    assert_memory_equal(out, want, want_len);
    bc_free(out);
}

static void miss_then_hit_with_same_bytes_and_tags(void **state)
{
    (void)state;
    cache = bc_cache_new(1 << 20);
    assert_null(bc_cache_get(cache, "g1|/v1/figures"));
    make_response(4000, 7);
    bc_cached *put = bc_cache_put(cache, "g1|/v1/figures", &res, 0);
    assert_non_null(put);
    bc_cached *got = bc_cache_get(cache, "g1|/v1/figures");
    assert_ptr_equal(got, put);
    assert_int_equal(got->len, res.body.len);
    assert_memory_equal(got->body, res.body.data, res.body.len);
    assert_string_equal(got->content_type, "application/json");
    /* only the headers worth keeping */
    assert_int_equal(got->nheaders, 1);
    assert_string_equal(got->headers[0].name, "X-Total-Count");
    assert_string_equal(got->headers[0].value, "7");
    /* the tags follow from the seed alone, and differ per representation */
    char etag[48], etag_gz[48];
    bc_etag_pair("g1|/v1/figures", etag, etag_gz);
    assert_string_equal(got->etag, etag);
    assert_string_equal(got->etag_gz, etag_gz);
    assert_int_equal(strlen(etag), 34);
    assert_true(etag[0] == '"' && etag[33] == '"');
    assert_string_equal(etag_gz + 33, "-gz\"");
    assert_memory_equal(etag, etag_gz, 33);
    /* a shared entry carries gzip even though this client did not ask for it */
    assert_non_null(got->gz);
    assert_true(got->gz_len < got->len);
    assert_gunzips_to(got->gz, got->gz_len, res.body.data, res.body.len);
    bc_cache_stats st;
    bc_cache_get_stats(cache, &st);
    assert_int_equal(st.hits, 1);
    assert_int_equal(st.misses, 1);
    assert_int_equal(st.inserts, 1);
    assert_int_equal(st.entries, 1);
    bc_cached_release(got);
    bc_cached_release(put);
}

static void different_seeds_give_different_tags(void **state)
{
    (void)state;
    char a[48], a_gz[48], b[48], b_gz[48];
    bc_etag_pair("g1|/v1/figures", a, a_gz);
    bc_etag_pair("g2|/v1/figures", b, b_gz);
    assert_string_not_equal(a, b);
    bc_etag_pair("g1|/v1/figures?limit=1", b, b_gz);
    assert_string_not_equal(a, b);
}

static void small_bodies_are_not_gzipped(void **state)
{
    (void)state;
    cache = bc_cache_new(1 << 20);
    make_response(200, 1);
    bc_cached *e = bc_cache_put(cache, "k", &res, 1);
    assert_non_null(e);
    assert_null(e->gz);
    assert_int_equal(e->gz_len, 0);
    bc_cached_release(e);
}

static void disabled_cache_keeps_nothing_and_gzips_only_on_request(void **state)
{
    (void)state;
    cache = bc_cache_new(0);
    make_response(4000, 2);
    bc_cached *plain = bc_cache_put(cache, "k", &res, 0);
    assert_non_null(plain);
    assert_null(plain->gz); /* nobody will reuse it: no work for a client that won't use it */
    assert_memory_equal(plain->body, res.body.data, res.body.len);
    bc_cached *gz = bc_cache_put(cache, "k", &res, 1);
    assert_non_null(gz);
    assert_non_null(gz->gz);
    assert_gunzips_to(gz->gz, gz->gz_len, res.body.data, res.body.len);
    assert_string_equal(gz->etag, plain->etag);
    assert_null(bc_cache_get(cache, "k"));
    bc_cache_stats st;
    bc_cache_get_stats(cache, &st);
    assert_int_equal(st.entries, 0);
    assert_int_equal(st.bytes, 0);
    assert_int_equal(st.inserts, 0);
    bc_cached_release(plain);
    bc_cached_release(gz);
}

static void eviction_is_least_recently_used_and_stays_in_budget(void **state)
{
    (void)state;
    /* what one entry costs (body, gzip body, key and bookkeeping), from a roomy cache */
    cache = bc_cache_new(1 << 20);
    make_response(2000, 0);
    bc_cached_release(bc_cache_put(cache, "k0", &res, 0));
    bc_cache_stats st;
    bc_cache_get_stats(cache, &st);
    size_t cost = st.bytes;
    bc_cache_free(cache);
    /* room for three such entries and a half */
    cache = bc_cache_new(3 * cost + cost / 2);
    char key[16];
    for (int i = 0; i < 3; i++) {
        snprintf(key, sizeof key, "k%d", i);
        make_response(2000, i);
        bc_cached_release(bc_cache_put(cache, key, &res, 0));
    }
    bc_cache_get_stats(cache, &st);
    assert_int_equal(st.entries, 3);
    assert_true(st.bytes <= st.budget);
    /* touch k0 so k1 is now the least recently used */
    bc_cached_release(bc_cache_get(cache, "k0"));
    for (int i = 3; i < 40; i++) {
        snprintf(key, sizeof key, "k%d", i);
        make_response(2000, i);
        bc_cached_release(bc_cache_put(cache, key, &res, 0));
        bc_cache_get_stats(cache, &st);
        assert_true(st.bytes <= st.budget);
        if (i == 3) {
            bc_cached *k0 = bc_cache_get(cache, "k0");
            assert_non_null(k0); /* recently used: survived */
            bc_cached_release(k0);
            assert_null(bc_cache_get(cache, "k1")); /* least recently used: evicted */
        }
    }
    bc_cache_get_stats(cache, &st);
    assert_int_equal(st.evictions, 37);
    assert_int_equal(st.entries, 3);
    bc_cached *last = bc_cache_get(cache, "k39");
    assert_non_null(last);
    bc_cached_release(last);
}

static void an_entry_being_sent_survives_eviction_and_clear(void **state)
{
    (void)state;
    cache = bc_cache_new(5000);
    make_response(3000, 1);
    bc_cached *held = bc_cache_put(cache, "a", &res, 0);
    assert_non_null(held);
    char *copy = bc_malloc(held->len);
    assert_non_null(copy);
    memcpy(copy, held->body, held->len);
    make_response(3000, 2);
    bc_cached_release(bc_cache_put(cache, "b", &res, 0)); /* evicts "a" */
    assert_null(bc_cache_get(cache, "a"));
    bc_cache_clear(cache);
    assert_null(bc_cache_get(cache, "b"));
    /* still readable: the reference keeps it alive (ASan would catch a use after free) */
    assert_memory_equal(held->body, copy, held->len);
    bc_cached_release(held);
    bc_free(copy);
    bc_cache_stats st;
    bc_cache_get_stats(cache, &st);
    assert_int_equal(st.entries, 0);
    assert_int_equal(st.bytes, 0);
}

static void same_key_twice_replaces_the_entry(void **state)
{
    (void)state;
    cache = bc_cache_new(1 << 20);
    make_response(1500, 1);
    bc_cached *first = bc_cache_put(cache, "k", &res, 0);
    bc_cache_stats st;
    bc_cache_get_stats(cache, &st);
    size_t one = st.bytes;
    make_response(1500, 2); /* two threads built the same key at once */
    bc_cached *second = bc_cache_put(cache, "k", &res, 0);
    bc_cached *got = bc_cache_get(cache, "k");
    assert_ptr_equal(got, second);
    bc_cache_get_stats(cache, &st);
    assert_int_equal(st.entries, 1);
    assert_int_equal(st.bytes, one - first->gz_len + second->gz_len); /* counted once */
    bc_cached_release(first);
    bc_cached_release(second);
    bc_cached_release(got);
}

static void out_of_memory_returns_null_and_leaves_cache_intact(void **state)
{
    (void)state;
    cache = bc_cache_new(1 << 20);
    make_response(1500, 1);
    bc_cached_release(bc_cache_put(cache, "kept", &res, 0));
    for (long n = 0; n < 4; n++) {
        bc_alloc_fail_after(n);
        bc_cached *e = bc_cache_put(cache, "new", &res, 1);
        bc_alloc_fail_reset();
        if (e != NULL) { /* gzip failed softly: the entry is fine without it */
            assert_memory_equal(e->body, res.body.data, res.body.len);
            bc_cached_release(e);
        }
    }
    bc_cached *kept = bc_cache_get(cache, "kept");
    assert_non_null(kept);
    assert_memory_equal(kept->body, res.body.data, res.body.len);
    bc_cached_release(kept);
}

static int released[4];

static void release_prebuilt(void *p)
{
    released[(int *)p - released]++;
}

/* What the HTTP layer keeps in an entry goes with the entry, once, when its last
 * reference does: not at eviction while a response is still being sent. */
static void prebuilt_answers_go_with_the_entry(void **state)
{
    (void)state;
    memset(released, 0, sizeof released);
    bc_cache_set_prebuilt_free(release_prebuilt);
    cache = bc_cache_new(5000);
    make_response(3000, 1);
    bc_cached *e = bc_cache_put(cache, "a", &res, 0);
    assert_non_null(e);
    for (int i = 0; i < 4; i++)
        assert_null(e->prebuilt[i]);
    e->prebuilt[0] = &released[0];
    e->prebuilt[3] = &released[3];
    make_response(3000, 2);
    bc_cached_release(bc_cache_put(cache, "b", &res, 0)); /* evicts "a" */
    assert_int_equal(released[0] + released[3], 0);       /* still referenced */
    bc_cached_release(e);
    assert_int_equal(released[0], 1);
    assert_int_equal(released[3], 1);
    assert_int_equal(released[1] + released[2], 0);
    bc_cache_set_prebuilt_free(NULL);
}

static void gzip_round_trips(void **state)
{
    (void)state;
    make_response(10000, 3);
    char *gz;
    size_t gz_len;
    assert_int_equal(bc_gzip(res.body.data, res.body.len, &gz, &gz_len), BC_OK);
    assert_gunzips_to(gz, gz_len, res.body.data, res.body.len);
    bc_free(gz);
    bc_alloc_fail_after(0);
    assert_int_equal(bc_gzip(res.body.data, res.body.len, &gz, &gz_len), BC_ENOMEM);
    assert_null(gz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(miss_then_hit_with_same_bytes_and_tags, cleanup),
        cmocka_unit_test_teardown(different_seeds_give_different_tags, cleanup),
        cmocka_unit_test_teardown(small_bodies_are_not_gzipped, cleanup),
        cmocka_unit_test_teardown(disabled_cache_keeps_nothing_and_gzips_only_on_request, cleanup),
        cmocka_unit_test_teardown(eviction_is_least_recently_used_and_stays_in_budget, cleanup),
        cmocka_unit_test_teardown(an_entry_being_sent_survives_eviction_and_clear, cleanup),
        cmocka_unit_test_teardown(same_key_twice_replaces_the_entry, cleanup),
        cmocka_unit_test_teardown(out_of_memory_returns_null_and_leaves_cache_intact, cleanup),
        cmocka_unit_test_teardown(gzip_round_trips, cleanup),
        cmocka_unit_test_teardown(prebuilt_answers_go_with_the_entry, cleanup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
