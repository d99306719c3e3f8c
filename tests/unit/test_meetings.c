/* test_meetings.c: /v1/meetings on the data/ store: a meeting's detail (participants,
 * decisions, protocols, the previous/next chain), quotes that are verbatim at their
 * offsets in the articles, date precision, the overlap semantics of from/to, the
 * vocabulary and mechanism filters (aliases, case, unknown values), sorts with missing
 * ordinals, names as ids, and CSV. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

/* shorthands for this collection (fixture.h) */
#define get fx_get
#define str fx_str
static const char *ids(const char *query)
{
    return fx_ids("/v1/meetings", query);
}

static void bad(const char *query, const char *parameter, const char *want)
{
    fx_bad("/v1/meetings", query, parameter, want);
}

static void conference_detail(void **state)
{
    (void)state;
    json_t *m = get("/v1/meetings/conference-yunnan-5", NULL, 200);
    assert_string_equal(str(m, "type"), "meeting");
    assert_string_equal(str(json_object_get(m, "mechanism"), "id"), "conference-yunnan");
    assert_string_equal(str(json_object_get(m, "mechanism"), "kind"), "conference");
    assert_int_equal(json_integer_value(json_object_get(m, "ordinal")), 5);
    assert_string_equal(str(m, "status"), "held");
    assert_string_equal(str(m, "date"), "2025-10-30");
    assert_string_equal(str(m, "date_precision"), "day");
    assert_string_equal(str(m, "place"), "Lai Chau province (Vietnam)");
    assert_string_equal(str(json_object_get(m, "host_province"), "id"), "lai-chau");
    /* the five member provinces, Tuyen Quang (not Ha Giang) by 2025 */
    json_t *prov = json_object_get(m, "provinces");
    assert_int_equal(json_array_size(prov), 5);
    static const char *const members[] = {"dien-bien", "lai-chau", "lao-cai", "tuyen-quang",
                                          "yunnan"};
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(str(json_array_get(prov, i), "id"), members[i]);
    json_t *parts = json_object_get(m, "participants");
    assert_int_equal(json_array_size(parts), 6);
    json_t *first = json_array_get(parts, 0);
    assert_string_equal(str(json_object_get(first, "person"), "id"), "wang-ning");
    assert_string_equal(str(first, "role"), "Secretary of the Yunnan Provincial Party Committee");
    assert_string_equal(str(first, "side"), "CN");
    /* the Deputy Minister represents no province */
    assert_true(json_is_null(json_object_get(json_array_get(parts, 2), "province")));
    json_t *dec = json_object_get(m, "decisions");
    assert_int_equal(json_array_size(dec), 8);
    assert_string_equal(str(json_array_get(dec, 0), "kind"), "assessment");
    assert_string_equal(str(json_array_get(dec, 5), "kind"), "next_meeting");
    assert_string_equal(str(json_array_get(json_object_get(m, "protocols"), 0), "id"),
                        "conference-yunnan-5-protocol");
    assert_string_equal(str(json_object_get(m, "previous_meeting"), "id"), "conference-yunnan-4");
    assert_string_equal(str(json_object_get(m, "next_meeting"), "id"), "conference-yunnan-6");
    assert_string_equal(str(m, "curation"), "curated");
    assert_string_equal(str(json_object_get(m, "links"), "self"),
                        "/v1/meetings/conference-yunnan-5");
    json_decref(m);
    /* the ends of the chain */
    m = get("/v1/meetings/conference-yunnan-4", "fields=previous_meeting,next_meeting", 200);
    assert_true(json_is_null(json_object_get(m, "previous_meeting")));
    assert_string_equal(str(json_object_get(m, "next_meeting"), "id"), "conference-yunnan-5");
    json_decref(m);
}

/* Every quote of sources is the article's bytes at [quote_start, quote_end). */
static void assert_verbatim(json_t *sources)
{
    size_t i;
    json_t *q;
    assert_true(json_array_size(sources) > 0);
    json_array_foreach(sources, i, q)
    {
        char path[256];
        snprintf(path, sizeof path, "/v1/sources/%s", str(q, "source_id"));
        json_t *src = get(path, "fields=file", 200);
        char file[512];
        snprintf(file, sizeof file, "%s/%s", fx_data_dir(), str(src, "file"));
        json_decref(src);
        long qs = (long)json_integer_value(json_object_get(q, "quote_start"));
        long qe = (long)json_integer_value(json_object_get(q, "quote_end"));
        const char *quote = str(q, "quote");
        assert_int_equal(qe - qs, (long)strlen(quote));
        FILE *f = fopen(file, "rb");
        assert_non_null(f);
        char *buf = bc_malloc((size_t)(qe - qs) + 1);
        assert_non_null(buf);
        assert_int_equal(fseek(f, qs, SEEK_SET), 0);
        assert_int_equal(fread(buf, 1, (size_t)(qe - qs), f), (size_t)(qe - qs));
        fclose(f);
        assert_memory_equal(buf, quote, (size_t)(qe - qs));
        bc_free(buf);
    }
}

static void quotes_are_verbatim_in_the_articles(void **state)
{
    (void)state;
    json_t *m = get("/v1/meetings/conference-yunnan-5", NULL, 200);
    json_t *src = json_object_get(m, "sources");
    assert_int_equal(json_array_size(src), 4);
    assert_string_equal(str(json_array_get(src, 0), "source_id"),
                        "nhandan-border-provinces-yunnan-pl");
    assert_string_equal(str(json_array_get(src, 0), "lang"), "pl");
    assert_string_equal(str(json_array_get(src, 3), "lang"), "sv");
    assert_verbatim(src);
    size_t i;
    json_t *x;
    json_array_foreach(json_object_get(m, "decisions"), i, x)
        assert_verbatim(json_object_get(x, "sources"));
    json_array_foreach(json_object_get(m, "participants"), i, x)
        assert_verbatim(json_object_get(x, "sources"));
    json_decref(m);
}

static void date_precision(void **state)
{
    (void)state;
    json_t *m = get("/v1/meetings/jwg-yunnan-10", NULL, 200);
    assert_string_equal(str(m, "date"), "2024-06");
    assert_string_equal(str(m, "date_precision"), "month");
    assert_string_equal(str(m, "date_start"), "2024-06-01");
    assert_string_equal(str(m, "date_end"), "2024-06-30");
    assert_int_equal(json_integer_value(json_object_get(m, "year")), 2024);
    /* not known: null, not absent */
    assert_true(json_is_null(json_object_get(m, "place")));
    assert_true(json_is_null(json_object_get(m, "host_province")));
    json_decref(m);
    m = get("/v1/meetings/conference-yunnan-6", NULL, 200);
    assert_string_equal(str(m, "date"), "2026");
    assert_string_equal(str(m, "date_precision"), "year");
    assert_string_equal(str(m, "date_start"), "2026-01-01");
    assert_string_equal(str(m, "date_end"), "2026-12-31");
    assert_string_equal(str(m, "status"), "planned");
    json_decref(m);
}

static void from_and_to_select_overlapping_meetings(void **state)
{
    (void)state;
    /* a week in June 2024 overlaps June 2024 and every meeting dated only "2024" */
    assert_string_equal(ids("from=2024-06-15&to=2024-06-20"),
                        "conference-yunnan-4,jwc-guangxi-15,spring-meeting-guangxi-2024,"
                        "jwg-yunnan-10");
    assert_string_equal(ids("from=2024-07"), "conference-yunnan-4,jwc-guangxi-15,"
                                             "spring-meeting-guangxi-2024,conference-yunnan-5,"
                                             "jwg-yunnan-11,conference-yunnan-6,jwg-yunnan-12");
    assert_string_equal(ids("from=2025-10-30&to=2025-10-30"), "conference-yunnan-5,jwg-yunnan-11");
    assert_string_equal(ids("from=2025-10-31&to=2025-12"), "");
    assert_string_equal(ids("to=2023"), "");
    /* a range that ends before it starts selects nothing whatever the data: a 400 naming
     * `to`, not an empty list (analyst 8, finding 12); one day or one year is a range */
    bad("from=2026&to=2024", "to", "parameter 'to' (2024) ends before 'from' (2026) starts");
    bad("from=2025-10-31&to=2025-10-30", "to", "ends before 'from' (2025-10-31)");
    assert_string_equal(ids("from=2025-10-30&to=2025"), "conference-yunnan-5,jwg-yunnan-11");
    bad("to=2024-13", "to", "month 13 does not exist");
    bad("from=yesterday", "from", "YYYY, YYYY-MM or YYYY-MM-DD");
}

static void vocabulary_and_mechanism_filters(void **state)
{
    (void)state;
    /* vocabulary values ignore case; the canonical value is echoed */
    json_t *j = get("/v1/meetings", "status=HELD", 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 6);
    assert_string_equal(str(json_object_get(json_object_get(j, "meta"), "filters"), "status"),
                        "held");
    assert_string_equal(str(json_object_get(j, "links"), "self"), "/v1/meetings?status=held");
    json_decref(j);
    /* a known value that matches nothing is an empty list, not an error */
    assert_string_equal(ids("curation=extracted"), "");
    assert_string_equal(ids("year=2023"), "");
    /* a status no article states is a value of its own (analyst 11, N6) */
    assert_string_equal(ids("status=unknown"), "");
    bad("status=done", "status", "allowed: held, planned, unknown");
    /* a mechanism by any of its names */
    assert_string_equal(ids("mechanism=annual%20conference"),
                        "conference-yunnan-4,conference-yunnan-5,conference-yunnan-6");
    assert_string_equal(ids("mechanism=JWC"), "jwc-guangxi-15");
    assert_string_equal(ids("mechanism=spring%20meeting"), "spring-meeting-guangxi-2024");
    /* unknown values name the allowed ones */
    bad("mechanism=nope", "mechanism",
        "allowed: conference-yunnan, jwc-guangxi, jwg-yunnan, spring-meeting-guangxi");
    bad("curation=guessed", "curation", "trusted, all, curated, reviewed, extracted, rejected");
    bad("year=2200", "year", "from 1900 to 2199");
    /* filters combine */
    assert_string_equal(ids("mechanism=jwg-yunnan&status=planned"), "jwg-yunnan-12");
    assert_string_equal(ids("province=quang-ninh&year=2024"),
                        "jwc-guangxi-15,spring-meeting-guangxi-2024");
}

static void sorts_put_missing_ordinals_last(void **state)
{
    (void)state;
    assert_string_equal(ids("sort=ordinal"),
                        "conference-yunnan-4,conference-yunnan-5,conference-yunnan-6,"
                        "jwg-yunnan-10,jwg-yunnan-11,jwg-yunnan-12,jwc-guangxi-15,"
                        "spring-meeting-guangxi-2024");
    assert_string_equal(ids("sort=-ordinal&limit=2"), "spring-meeting-guangxi-2024,jwc-guangxi-15");
    assert_string_equal(ids("sort=mechanism,-ordinal"),
                        "conference-yunnan-6,conference-yunnan-5,conference-yunnan-4,"
                        "jwc-guangxi-15,jwg-yunnan-12,jwg-yunnan-11,jwg-yunnan-10,"
                        "spring-meeting-guangxi-2024");
    assert_string_equal(ids("sort=status,-id&limit=4"),
                        "spring-meeting-guangxi-2024,jwg-yunnan-11,jwg-yunnan-10,jwc-guangxi-15");
    bad("sort=place", "sort", "allowed: date, ordinal, year, status, mechanism, title, id");
}

static void names_work_as_ids(void **state)
{
    (void)state;
    json_t *m = get("/v1/meetings/V Konferencja", "fields=ordinal", 200);
    assert_string_equal(str(m, "id"), "conference-yunnan-5");
    json_decref(m);
    m = get("/v1/meetings/ELFTE MÖTET", "fields=date", 200);
    assert_string_equal(str(m, "id"), "jwg-yunnan-11");
    json_decref(m);
    /* a mechanism's id is not a meeting: the meetings whose names hold it are offered */
    m = get("/v1/meetings/jwg-yunnan", NULL, 404);
    assert_string_equal(str(m, "code"), "ambiguous_name");
    assert_non_null(strstr(str(m, "detail"), "'jwg-yunnan' names no single meeting"));
    assert_int_equal(json_array_size(json_object_get(m, "candidates")), 3);
    json_decref(m);
    m = get("/v1/meetings/no-such-meeting", NULL, 404);
    assert_string_equal(str(m, "code"), "not_found");
    assert_non_null(strstr(str(m, "detail"), "no meeting with id or name 'no-such-meeting'"));
    json_decref(m);
    m = get("/v1/meetings/jwg-yunnan-13", NULL, 404);
    json_decref(m);
}

static void csv(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(
        fx_request(S, "GET", "/v1/meetings", "status=planned&format=csv&fields=date,status", &res),
        200);
    assert_string_equal(res.content_type, "text/csv");
    /* columns in the document's order, whatever the order asked */
    assert_string_equal(res.body.data, "id,status,date\r\n"
                                       "conference-yunnan-6,planned,2026\r\n"
                                       "jwg-yunnan-12,planned,2026\r\n");
    bc_response_free(&res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(conference_detail),
        cmocka_unit_test(quotes_are_verbatim_in_the_articles),
        cmocka_unit_test(date_precision),
        cmocka_unit_test(from_and_to_select_overlapping_meetings),
        cmocka_unit_test(vocabulary_and_mechanism_filters),
        cmocka_unit_test(sorts_put_missing_ordinals_last),
        cmocka_unit_test(names_work_as_ids),
        cmocka_unit_test(csv),
    };
    return cmocka_run_group_tests_name("meetings", tests, fx_group_setup, fx_group_teardown);
}
