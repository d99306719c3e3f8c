/* test_sources.c: /v1/sources on the data/ store: an article's metadata, its size and
 * SHA-256 agreeing with the file in data/, citation counts agreeing with the store, the
 * facts it lists each citing it back, lang and origin filters, sorts with a missing
 * publication date, and CSV with nulls. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/sha256.h"

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

/* shorthands for this collection (fixture.h) */
#define get fx_get
#define str fx_str
static const char *ids(const char *query)
{
    return fx_ids("/v1/sources", query);
}

static void bad(const char *query, const char *parameter, const char *want)
{
    fx_bad("/v1/sources", query, parameter, want);
}

static void article_metadata(void **state)
{
    (void)state;
    json_t *s = get("/v1/sources/vietnamvn-quang-ninh-guangxi-sv", NULL, 200);
    assert_string_equal(str(s, "type"), "source");
    assert_string_equal(
        str(s, "title"),
        "Stärka vänskapliga relationer och samarbete mellan Quang Ninh och Guangxi.");
    assert_string_equal(str(s, "lang"), "sv");
    assert_string_equal(str(s, "publisher"), "Việt Nam (Vietnam.vn)");
    assert_true(json_is_null(json_object_get(s, "author")));
    assert_string_equal(str(s, "published_on"), "2025-02-19");
    assert_true(json_is_null(json_object_get(s, "url"))); /* the article names none */
    assert_string_equal(str(s, "file"), "articles/004_8ba3e34d1e3722a3.txt");
    assert_string_equal(str(s, "origin"), "curated");
    assert_true(json_is_null(json_object_get(s, "ingested_at")));
    assert_int_equal(json_integer_value(json_object_get(s, "citations")), 43);
    json_t *facts = json_object_get(s, "facts");
    json_t *meetings = json_object_get(facts, "meetings");
    assert_int_equal(json_array_size(meetings), 2);
    assert_string_equal(json_string_value(json_array_get(meetings, 0)), "jwc-guangxi-15");
    assert_int_equal(json_array_size(json_object_get(facts, "figures")), 6);
    assert_string_equal(json_string_value(json_array_get(json_object_get(facts, "people"), 0)),
                        "ho-van-vinh");
    json_decref(s);
    /* a month-precision date and an author */
    s = get("/v1/sources/baotuyenquang-5th-conference-nl", "fields=published_on,author,title", 200);
    assert_string_equal(str(s, "published_on"), "2025-10");
    assert_string_equal(str(s, "author"), "Thanh Phuc");
    /* no headline in the file: the one its URL gives, in English, said so in the note */
    assert_string_equal(str(s, "title"), "Tightening friendly cooperation and widening "
                                         "comprehensive cooperation between localities of "
                                         "Vietnam and China");
    json_decref(s);
}

static void size_and_hash_match_the_files(void **state)
{
    (void)state;
    json_t *all = get("/v1/sources", "fields=file,bytes,sha256", 200);
    size_t i;
    json_t *s;
    assert_int_equal(json_array_size(json_object_get(all, "data")), 5);
    json_array_foreach(json_object_get(all, "data"), i, s)
    {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", fx_data_dir(), str(s, "file"));
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        assert_int_equal(fseek(f, 0, SEEK_END), 0);
        long n = ftell(f);
        rewind(f);
        char *buf = bc_malloc((size_t)n + 1);
        assert_non_null(buf);
        assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
        fclose(f);
        assert_int_equal(json_integer_value(json_object_get(s, "bytes")), n);
        char hex[65];
        bc_sha256_hex(buf, (size_t)n, hex);
        assert_string_equal(str(s, "sha256"), hex);
        bc_free(buf);
    }
    json_decref(all);
}

static void citation_counts_agree_with_the_store(void **state)
{
    (void)state;
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(
        bc_store_stmt(S, "SELECT source_id, count(*) FROM citations GROUP BY 1 ORDER BY 1", &st,
                      &err),
        0);
    int rows = 0;
    long sum = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        char path[200];
        snprintf(path, sizeof path, "/v1/sources/%s", (const char *)sqlite3_column_text(st, 0));
        long want = (long)sqlite3_column_int64(st, 1);
        json_t *s = get(path, "fields=citations", 200);
        assert_int_equal(json_integer_value(json_object_get(s, "citations")), want);
        json_decref(s);
        sum += want;
        rows++;
    }
    sqlite3_reset(st);
    assert_int_equal(rows, 5);
    assert_int_equal(sum, 225);
}

static void listed_facts_cite_the_source(void **state)
{
    (void)state;
    static const char *const kinds[][2] = {
        {"meetings", "/v1/meetings"},
        {"figures", "/v1/figures"},
        {"border_gate_projects", "/v1/border-gate-projects"},
        {"protocols", "/v1/protocols"},
        {"people", "/v1/people"},
        {"provinces", "/v1/provinces"},
    };
    const char *id = "laichau-jwg-11-sv";
    json_t *s = get("/v1/sources/laichau-jwg-11-sv", "fields=facts", 200);
    json_t *facts = json_object_get(s, "facts");
    char needle[128];
    snprintf(needle, sizeof needle, "\"source_id\":\"%s\"", id);
    int checked = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        size_t i;
        json_t *f;
        json_array_foreach(json_object_get(facts, kinds[k][0]), i, f)
        {
            char path[256];
            snprintf(path, sizeof path, "%s/%s", kinds[k][1], json_string_value(f));
            bc_response res;
            assert_int_equal(fx_request(S, "GET", path, NULL, &res), 200);
            if (strstr(res.body.data, needle) == NULL)
                fail_msg("%s is listed as a fact of %s but does not cite it", path, id);
            bc_response_free(&res);
            checked++;
        }
    }
    assert_true(checked >= 20);
    json_decref(s);
}

static void lang_and_origin(void **state)
{
    (void)state;
    assert_string_equal(ids("lang=SV"), "laichau-jwg-11-sv,vietnamvn-quang-ninh-guangxi-sv");
    assert_string_equal(ids("lang=pl"),
                        "baotuyenquang-tuyen-quang-yunnan-pl,nhandan-border-provinces-yunnan-pl");
    assert_string_equal(ids("lang=vi"), ""); /* a known language, no article in it */
    assert_string_equal(ids("origin=ingested"), "");
    json_t *j = get("/v1/sources", "origin=CURATED&total=true", 200);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "meta"), "total")), 5);
    assert_string_equal(str(json_object_get(json_object_get(j, "meta"), "filters"), "origin"),
                        "curated");
    json_decref(j);
    bad("lang=de", "lang", "allowed: en, fr, nl, pl, sv, vi, zh");
    bad("origin=scraped", "origin", "allowed: curated, ingested");
    bad("publisher=x", "publisher", "allowed: lang, origin");
}

static void sorts_and_missing_dates(void **state)
{
    (void)state;
    assert_string_equal(ids(NULL),
                        "baotuyenquang-tuyen-quang-yunnan-pl,"
                        "nhandan-border-provinces-yunnan-pl,laichau-jwg-11-sv,"
                        "baotuyenquang-5th-conference-nl,vietnamvn-quang-ninh-guangxi-sv");
    /* the undated article last; a month sorts before a day of that month */
    assert_string_equal(ids("sort=published_on"),
                        "vietnamvn-quang-ninh-guangxi-sv,baotuyenquang-5th-conference-nl,"
                        "baotuyenquang-tuyen-quang-yunnan-pl,nhandan-border-provinces-yunnan-pl,"
                        "laichau-jwg-11-sv");
    assert_string_equal(ids("sort=-published_on&limit=2"),
                        "laichau-jwg-11-sv,nhandan-border-provinces-yunnan-pl");
    assert_string_equal(ids("sort=lang,-file"),
                        "baotuyenquang-5th-conference-nl,nhandan-border-provinces-yunnan-pl,"
                        "baotuyenquang-tuyen-quang-yunnan-pl,vietnamvn-quang-ninh-guangxi-sv,"
                        "laichau-jwg-11-sv");
    bad("sort=title", "sort", "allowed: published_on, lang, file, id");
}

static void csv_with_nulls(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(
        fx_request(S, "GET", "/v1/sources", "format=csv&fields=lang,published_on&lang=sv", &res),
        200);
    assert_string_equal(res.content_type, "text/csv");
    assert_string_equal(res.body.data, "id,lang,published_on\r\n"
                                       "laichau-jwg-11-sv,sv,\r\n"
                                       "vietnamvn-quang-ninh-guangxi-sv,sv,2025-02-19\r\n");
    bc_response_free(&res);
    json_t *j = get("/v1/sources/articles/004_8ba3e34d1e3722a3.txt", NULL, 404); /* not by file */
    json_decref(j);
    j = get("/v1/sources/laichau-jwg-12-sv", NULL, 404);
    assert_non_null(strstr(str(j, "detail"), "no source"));
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(article_metadata),
        cmocka_unit_test(size_and_hash_match_the_files),
        cmocka_unit_test(citation_counts_agree_with_the_store),
        cmocka_unit_test(listed_facts_cite_the_source),
        cmocka_unit_test(lang_and_origin),
        cmocka_unit_test(sorts_and_missing_dates),
        cmocka_unit_test(csv_with_nulls),
    };
    return cmocka_run_group_tests_name("sources", tests, fx_group_setup, fx_group_teardown);
}
