/* test_figures.c: /v1/figures and /v1/trade-figures on the data/ store: a figure's
 * detail (qualifier, parties, meeting, change), the metric filter (case, the trade-only
 * list of /v1/trade-figures), the meeting filter by name, period overlap, categories and
 * provinces, sorts with missing periods and years, and one document under both paths. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "bordercoop/resource.h"

#include <limits.h>

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

/* shorthands (fixture.h); these tests span /v1/figures and /v1/trade-figures */
#define get fx_get
#define str fx_str
#define ids fx_ids
#define bad fx_bad

static void figure_detail(void **state)
{
    (void)state;
    json_t *f = get("/v1/figures/tuyen-quang-yunnan-trade-2024", NULL, 200);
    assert_string_equal(str(f, "type"), "figure");
    assert_string_equal(str(f, "metric"), "trade_turnover");
    assert_string_equal(str(f, "category"), "trade");
    assert_int_equal(json_integer_value(json_object_get(f, "value")), 293000000);
    assert_string_equal(str(f, "unit"), "USD");
    assert_string_equal(str(f, "qualifier"), "over"); /* "over USD 293 million" */
    assert_string_equal(str(f, "period"), "2024");
    assert_int_equal(json_integer_value(json_object_get(f, "year")), 2024);
    assert_true(json_is_null(json_object_get(f, "change")));
    json_t *parties = json_object_get(f, "parties"); /* province ids */
    assert_int_equal(json_array_size(parties), 2);
    assert_string_equal(json_string_value(json_array_get(parties, 0)), "tuyen-quang");
    assert_string_equal(json_string_value(json_array_get(parties, 1)), "yunnan");
    json_t *meetings = json_object_get(f, "meetings");
    assert_int_equal(json_array_size(meetings), 1);
    assert_string_equal(str(json_array_get(meetings, 0), "id"), "jwg-yunnan-11");
    assert_int_equal(json_array_size(json_object_get(f, "conflicts_with")), 0);
    /* Tuyen Quang's 2024 share lies within the four-province total of 2024 and within the
     * total since the 10th session */
    json_t *ov = json_object_get(f, "overlaps");
    assert_int_equal(json_array_size(ov), 2);
    assert_string_equal(str(json_array_get(ov, 0), "id"), "yunnan-four-provinces-trade-2024");
    assert_string_equal(str(json_array_get(ov, 0), "relation"), "part_of");
    assert_int_equal(json_array_size(json_object_get(f, "sources")), 1);
    json_decref(f);
    /* a change relative to a basis, and a multi-month period */
    f = get("/v1/figures/tuyen-quang-yunnan-trade-2025-9m", "fields=period,period_start,change",
            200);
    assert_string_equal(str(f, "period"), "2025-01/2025-09");
    assert_string_equal(str(f, "period_start"), "2025-01-01");
    json_t *ch = json_object_get(f, "change");
    assert_string_equal(str(ch, "unit"), "percent");
    assert_string_equal(str(ch, "basis"), "the same period of 2024");
    json_decref(f);
    /* no period at all: nulls */
    f = get("/v1/figures/sugarcane-area-total", NULL, 200);
    assert_true(json_is_null(json_object_get(f, "period")));
    assert_true(json_is_null(json_object_get(f, "year")));
    assert_string_equal(str(f, "qualifier"), "expected");
    assert_int_equal(json_integer_value(json_object_get(f, "value")), 425);
    assert_string_equal(str(f, "unit"), "hectares");
    json_decref(f);
}

static void metric_filter(void **state)
{
    (void)state;
    /* metric ids ignore case; the canonical id is echoed */
    json_t *j = get("/v1/figures", "metric=TRADE_TURNOVER", 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 5);
    assert_string_equal(str(json_object_get(json_object_get(j, "meta"), "filters"), "metric"),
                        "trade_turnover");
    json_decref(j);
    /* the sugarcane areas: the total is the sum of the parts */
    j = get("/v1/figures", "metric=crop_area&sort=-value", 200);
    json_t *d = json_object_get(j, "data");
    assert_int_equal(json_array_size(d), 3);
    assert_string_equal(str(json_array_get(d, 0), "id"), "sugarcane-area-total");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(d, 0), "value")),
                     json_integer_value(json_object_get(json_array_get(d, 1), "value")) +
                         json_integer_value(json_object_get(json_array_get(d, 2), "value")));
    json_decref(j);
    /* /v1/trade-figures knows only the trade metrics */
    assert_string_equal(ids("/v1/trade-figures", "metric=goods_exported"),
                        "bac-luan-ii-goods-exported-tet");
    bad("/v1/trade-figures", "metric=crop_area", "metric", "goods_exported, imports");
    bad("/v1/figures", "metric=gdp", "metric", "crop_area");
}

static void meeting_filter_takes_names(void **state)
{
    (void)state;
    json_t *j = get("/v1/figures", "meeting=elfte%20m%C3%B6tet&total=true&limit=1", 200);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "meta"), "total")), 17);
    assert_string_equal(str(json_object_get(json_object_get(j, "meta"), "filters"), "meeting"),
                        "jwg-yunnan-11");
    json_decref(j);
    /* the count agrees with the meeting's own document */
    j = get("/v1/meetings/jwg-yunnan-11", "fields=figures", 200);
    assert_int_equal(json_array_size(json_object_get(j, "figures")), 17);
    json_decref(j);
    /* a figure reported at two meetings belongs to both */
    assert_string_equal(ids("/v1/figures", "meeting=conference-yunnan-5"),
                        "yunnan-four-provinces-delegations-548,"
                        "yunnan-four-provinces-trade-since-jwg-10");
    j = get("/v1/meetings/conference-yunnan-5", "fields=figures", 200);
    assert_int_equal(json_array_size(json_object_get(j, "figures")), 2);
    json_decref(j);
    bad("/v1/figures", "meeting=jwg-yunnan-99", "meeting",
        "conference-yunnan-4, conference-yunnan-5");
}

static void periods_overlap_the_range(void **state)
{
    (void)state;
    /* the first quarter of 2025 lies inside the June 2024 - October 2025 figures and the
     * 2025 year-to-date ones; figures without a period never match a range */
    assert_string_equal(
        ids("/v1/figures", "from=2025-01&to=2025-03"),
        "lai-chau-chinese-companies-supported,lai-chau-officials-trained-yunnan,"
        "tuyen-quang-banks-border-payments,tuyen-quang-cooperation-areas,"
        "tuyen-quang-passports-married-citizens,yunnan-four-provinces-delegations-500,"
        "yunnan-four-provinces-delegations-548,yunnan-four-provinces-trade-since-jwg-10,"
        "tuyen-quang-chinese-tourists-2025-10m,tuyen-quang-yunnan-trade-2025-9m");
    /* a year matches every period that overlaps it; exact=true leaves the inferred
     * periods out */
    assert_string_equal(ids("/v1/trade-figures", "year=2024&sort=id"),
                        "tuyen-quang-yunnan-trade-2024,yunnan-four-provinces-trade-2024,"
                        "yunnan-four-provinces-trade-since-jwg-10");
    assert_string_equal(ids("/v1/trade-figures", "year=2024&exact=true&sort=id"),
                        "tuyen-quang-yunnan-trade-2024,yunnan-four-provinces-trade-2024");
    json_t *f = get("/v1/figures/yunnan-four-provinces-delegations-548", NULL, 200);
    assert_true(json_is_null(json_object_get(f, "year"))); /* the period spans two years */
    assert_string_equal(json_string_value(json_array_get(json_object_get(f, "inferred"), 0)),
                        "period");
    json_decref(f);
    assert_string_equal(ids("/v1/trade-figures", "from=2025-10"),
                        "yunnan-four-provinces-trade-since-jwg-10");
    assert_string_equal(ids("/v1/trade-figures", "from=2025-11"), "");
    assert_string_equal(ids("/v1/trade-figures", "to=2024-01-01&sort=-value"),
                        "yunnan-four-provinces-trade-2024,tuyen-quang-yunnan-trade-2024");
    bad("/v1/figures", "from=2025-1", "from", "YYYY, YYYY-MM or YYYY-MM-DD");
}

static void category_and_province(void **state)
{
    (void)state;
    assert_string_equal(ids("/v1/figures", "category=exchange&province=guangxi"),
                        "quang-ninh-delegations-received-2024,quang-ninh-delegations-sent-2024");
    assert_string_equal(ids("/v1/figures", "category=Agriculture&province=lai-chau"),
                        "sugarcane-area-lai-chau,sugarcane-area-total");
    assert_string_equal(ids("/v1/figures", "curation=extracted"), "");
    bad("/v1/figures", "category=sports", "category", "agriculture, consular, cooperation");
    bad("/v1/figures", "province=hanoi", "province", "unknown province");
}

static void sorts_with_missing_values(void **state)
{
    (void)state;
    /* missing years (no period, or one over two years) sort last ascending, so first
     * descending */
    assert_string_equal(ids("/v1/figures", "sort=-year,id&limit=3"),
                        "bac-luan-ii-goods-exported-tet,lai-chau-chinese-companies-supported,"
                        "lai-chau-officials-trained-yunnan");
    /* values compare as numbers, whatever the unit */
    assert_string_equal(ids("/v1/figures", "sort=year,-value&limit=4"),
                        "yunnan-four-provinces-trade-2024,tuyen-quang-yunnan-trade-2024,"
                        "quang-ninh-chinese-tourists-2024,mong-cai-chinese-tourist-arrivals-2024");
    assert_string_equal(ids("/v1/trade-figures", "sort=metric,-value"),
                        "bac-luan-ii-goods-exported-tet,yunnan-four-provinces-trade-since-jwg-10,"
                        "yunnan-four-provinces-trade-2024,quang-ninh-border-gate-trade,"
                        "tuyen-quang-yunnan-trade-2025-9m,tuyen-quang-yunnan-trade-2024");
    bad("/v1/figures", "sort=unit", "sort", "allowed: period, period_end, year, value, metric");
}

static void one_document_under_both_paths(void **state)
{
    (void)state;
    json_t *a = get("/v1/figures/quang-ninh-border-gate-trade", NULL, 200);
    json_t *b = get("/v1/trade-figures/quang-ninh-border-gate-trade", NULL, 200);
    assert_true(json_equal(a, b));
    json_decref(a);
    json_decref(b);
    a = get("/v1/trade-figures/sugarcane-area-total", NULL, 404);
    assert_string_equal(str(a, "code"), "not_found");
    json_decref(a);
    a = get("/v1/figures/trade_turnover", NULL, 404); /* a metric is not a figure */
    json_decref(a);
}

/* A list page carries a figure's first five overlaps and conflicts and their counts, the
 * figure's own document up to 20 (migrations 0034 and 0035, second attack pass finding
 * 7). */
static void list_pages_cap_the_links(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_err err;
    const char *id = "tuyen-quang-yunnan-trade-2024";
    /* eight more figures it overlaps and three it conflicts with: eleven and four in all */
    assert_int_equal(bc_store_exec(s,
                                   "INSERT OR IGNORE INTO figure_overlaps (figure_id, other_id, "
                                   "relation, by_parties, by_period) SELECT "
                                   "'tuyen-quang-yunnan-trade-2024', id, 'overlaps', 'same', "
                                   "'overlaps' FROM figures WHERE id NOT IN "
                                   "('tuyen-quang-yunnan-trade-2024') AND id NOT IN (SELECT "
                                   "other_id FROM figure_overlaps WHERE figure_id = "
                                   "'tuyen-quang-yunnan-trade-2024') ORDER BY id LIMIT 8;"
                                   "INSERT OR IGNORE INTO figure_conflicts (figure_id, other_id, "
                                   "note) SELECT 'tuyen-quang-yunnan-trade-2024', id, 'test' FROM "
                                   "figures WHERE id <> 'tuyen-quang-yunnan-trade-2024' ORDER BY "
                                   "id DESC LIMIT 3",
                                   &err),
                     0);
    bc_response res;
    assert_int_equal(fx_request(s, "GET", "/v1/figures", "limit=500&curation=all", &res), 200);
    json_t *page = fx_json_body(&res);
    bc_response_free(&res);
    json_t *doc = NULL, *d;
    size_t i;
    json_array_foreach(json_object_get(page, "data"), i, d)
    {
        if (strcmp(str(d, "id"), id) == 0)
            doc = d;
        /* every item says how many there are, and carries no more than five */
        assert_true(json_is_integer(json_object_get(d, "overlaps_total")));
        assert_true(json_array_size(json_object_get(d, "overlaps")) <= 5);
        assert_int_equal(json_array_size(json_object_get(d, "overlaps")),
                         json_integer_value(json_object_get(d, "overlaps_total")) < 5
                             ? (size_t)json_integer_value(json_object_get(d, "overlaps_total"))
                             : 5);
    }
    assert_non_null(doc);
    assert_int_equal(json_integer_value(json_object_get(doc, "overlaps_total")), 10);
    assert_int_equal(json_array_size(json_object_get(doc, "overlaps")), 5);
    assert_int_equal(json_integer_value(json_object_get(doc, "conflicts_total")), 3);
    assert_int_equal(json_array_size(json_object_get(doc, "conflicts_with")), 3);
    /* the first five by id, as the document orders them */
    char path[96];
    snprintf(path, sizeof path, "/v1/figures/%s", id);
    assert_int_equal(fx_request(s, "GET", path, NULL, &res), 200);
    json_t *whole = fx_json_body(&res);
    bc_response_free(&res);
    json_t *all = json_object_get(whole, "overlaps");
    assert_int_equal(json_array_size(all), 10); /* up to 20 in the document (0035) */
    /* the document carries no count: one that moved with every sibling rewrote them all
     * at each ingest (0048); its pages count them */
    assert_null(json_object_get(whole, "overlaps_total"));
    assert_null(json_object_get(whole, "conflicts_total"));
    assert_string_equal(str(json_object_get(whole, "links"), "overlaps"),
                        "/v1/figures/tuyen-quang-yunnan-trade-2024/overlaps");
    assert_string_equal(str(json_object_get(doc, "links"), "conflicts"),
                        "/v1/figures/tuyen-quang-yunnan-trade-2024/conflicts");
    for (size_t k = 0; k < 5; k++)
        assert_string_equal(str(json_array_get(json_object_get(doc, "overlaps"), k), "id"),
                            str(json_array_get(all, k), "id"));
    json_decref(whole);
    json_decref(page);
    /* the trade list alike, and CSV says the counts */
    assert_int_equal(fx_request(s, "GET", "/v1/trade-figures", "limit=500&format=csv", &res), 200);
    assert_non_null(
        strstr(res.body.data, "conflicts_with,conflicts_total,overlaps,overlaps_total"));
    bc_response_free(&res);
    bc_store_close(s);
}

/* Links figure `id` to every other figure of the store, `n` at most (by id), as overlaps
 * and conflicts. */
static void link_to_others(bc_store *s, const char *id, int n)
{
    bc_err err;
    char sql[1024];
    snprintf(sql, sizeof sql,
             "INSERT OR IGNORE INTO figure_overlaps (figure_id, other_id, relation, by_parties, "
             "by_period) SELECT '%s', id, 'overlaps', 'same', 'overlaps' FROM figures WHERE id "
             "<> '%s' ORDER BY id LIMIT %d;"
             "INSERT OR IGNORE INTO figure_conflicts (figure_id, other_id, note) SELECT '%s', "
             "id, 'a test conflict, with a comma' FROM figures WHERE id <> '%s' ORDER BY id "
             "LIMIT %d",
             id, id, n, id, id, n);
    assert_int_equal(bc_store_exec(s, sql, &err), 0);
}

/* The figure lists without their CSV documents: rows written from the list documents */
static bc_resource plain_figures, plain_trade;

/* GET path?query through the list handler with route_data r, as CSV; the body (free
 * it), and in *allocs (when not NULL) the allocations it made. */
static char *csv_body(bc_store *s, const bc_resource *r, const char *path, const char *query,
                      long *allocs)
{
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = fx_req(s, "GET", path, query, BC_FMT_CSV, 0, &arena);
    req.route_data = r;
    bc_response res;
    if (allocs != NULL)
        bc_alloc_fail_after(LONG_MAX); /* counted, none failing */
    int status = fx_run(bc_resource_list, &req, &res);
    if (allocs != NULL)
        *allocs = bc_alloc_count();
    bc_alloc_fail_reset();
    assert_int_equal(status, 200);
    char *body = bc_strndup(res.body.data, res.body.len);
    bc_response_free(&res);
    return body;
}

/* A CSV row is read from v_figure_csv_doc (0035), which holds the list document's fields
 * with only the members the columns write: the rows are the ones the list documents give,
 * every column, both lists, long lists included. */
static void csv_rows_are_the_list_documents(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    link_to_others(s, "tuyen-quang-yunnan-trade-2024", 100);
    link_to_others(s, "quang-ninh-border-gate-trade", 3);
    plain_figures = bc_res_figures;
    plain_figures.csv_doc_sql = NULL;
    plain_trade = bc_res_trade_figures;
    plain_trade.csv_doc_sql = NULL;
    static const char *const queries[] = {"limit=500&curation=all", "limit=500",
                                          "limit=3&sort=-value&fields=overlaps,sources,meetings"};
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        long with = 0, without = 0;
        /* warm: both read through statements prepared once (the page's narrowing to the
         * set is one both share), so the counts are those of reading the documents */
        bc_free(csv_body(s, &bc_res_figures, "/v1/figures", queries[i], NULL));
        bc_free(csv_body(s, &plain_figures, "/v1/figures", queries[i], NULL));
        char *a = csv_body(s, &bc_res_figures, "/v1/figures", queries[i], &with);
        char *b = csv_body(s, &plain_figures, "/v1/figures", queries[i], &without);
        assert_string_equal(a, b);
        /* and they cost less to read: their list items hold a member or two, not seven */
        if (i == 0 && with * 4 > without * 3)
            fail_msg("a CSV page made %ld allocations, %ld from the list documents", with, without);
        bc_free(a);
        bc_free(b);
        a = csv_body(s, &bc_res_trade_figures, "/v1/trade-figures", queries[i], NULL);
        b = csv_body(s, &plain_trade, "/v1/trade-figures", queries[i], NULL);
        assert_string_equal(a, b);
        if (i == 0) /* the first five of 22 (by id), and the count */
            assert_non_null(strstr(a, ",22,"));
        bc_free(a);
        bc_free(b);
    }
    bc_store_close(s);
}

/* The allocations of one request (counted, none failing); the status must be 200. */
static long allocations(bc_store *s, const char *path, const char *query)
{
    bc_response res;
    assert_int_equal(fx_request(s, "GET", path, query, &res), 200); /* warm: caches filled */
    bc_response_free(&res);
    bc_alloc_fail_after(LONG_MAX);
    int status = fx_request(s, "GET", path, query, &res);
    long n = bc_alloc_count();
    bc_alloc_fail_reset();
    assert_int_equal(status, 200);
    bc_response_free(&res);
    return n;
}

/* A page of figures costs the same however many figures one of them overlaps or
 * conflicts with past the five it carries (second attack pass, finding 7: every link was
 * written into each row, and a CSV page of 497 on ~2,700 figures was 5.0 MB of
 * documents to parse and missed its budget every time). Counted in allocations, which
 * parsing a document makes per value: deterministic, unlike time. */
static void page_work_is_bounded_by_the_links_shown(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    const char *id = "tuyen-quang-yunnan-trade-2024";
    bc_err err;
    assert_int_equal(bc_store_exec(s,
                                   "DELETE FROM figure_overlaps WHERE figure_id = "
                                   "'tuyen-quang-yunnan-trade-2024';"
                                   "DELETE FROM figure_conflicts WHERE figure_id = "
                                   "'tuyen-quang-yunnan-trade-2024'",
                                   &err),
                     0);
    link_to_others(s, id, 5);
    static const char *const queries[] = {"limit=500&curation=all&format=csv",
                                          "limit=500&curation=all"};
    long five[2], more[2];
    for (size_t i = 0; i < 2; i++)
        five[i] = allocations(s, "/v1/figures", queries[i]);
    link_to_others(s, id, 100); /* 22 of each */
    for (size_t i = 0; i < 2; i++) {
        more[i] = allocations(s, "/v1/figures", queries[i]);
        if (more[i] > five[i] + 16)
            fail_msg("%s: %ld allocations with 5 links of each kind, %ld with 22", queries[i],
                     five[i], more[i]);
    }
    /* and the figure's own document stops at 20; its pages say how many there are */
    bc_response res;
    assert_int_equal(fx_request(s, "GET", "/v1/figures/tuyen-quang-yunnan-trade-2024", NULL, &res),
                     200);
    json_t *doc = fx_json_body(&res);
    bc_response_free(&res);
    assert_int_equal(json_array_size(json_object_get(doc, "overlaps")), 20);
    assert_null(json_object_get(doc, "overlaps_total"));
    assert_int_equal(json_array_size(json_object_get(doc, "conflicts_with")), 20);
    json_decref(doc);
    assert_int_equal(fx_request(s, "GET", "/v1/figures/tuyen-quang-yunnan-trade-2024/overlaps",
                                "total=true", &res),
                     200);
    doc = fx_json_body(&res);
    bc_response_free(&res);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(doc, "meta"), "total")),
                     22);
    json_decref(doc);
    bc_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(figure_detail),
        cmocka_unit_test(metric_filter),
        cmocka_unit_test(meeting_filter_takes_names),
        cmocka_unit_test(periods_overlap_the_range),
        cmocka_unit_test(category_and_province),
        cmocka_unit_test(sorts_with_missing_values),
        cmocka_unit_test(one_document_under_both_paths),
        cmocka_unit_test(list_pages_cap_the_links),
        cmocka_unit_test(csv_rows_are_the_list_documents),
        cmocka_unit_test(page_work_is_bounded_by_the_links_shown),
    };
    return cmocka_run_group_tests_name("figures", tests, fx_group_setup, fx_group_teardown);
}
