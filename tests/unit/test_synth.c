/* test_synth.c: the synthetic scale store is valid (every quote verifies), and the
 * queries the API runs against the big tables never scan a whole table: every filter
 * and every sort of meetings and figures is answered through an index (EXPLAIN QUERY
 * PLAN on a store with planner statistics), and keyset pages seek. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/check.h"
#include "bordercoop/resource.h"
#include "bordercoop/synth.h"

#include "fixture.h"

#include "../../server/resource_int.h"

static char DIR_[64], DB[128];
static bc_store *S;

static int setup(void **state)
{
    (void)state;
    snprintf(DIR_, sizeof DIR_, "/tmp/bc-synth-XXXXXX");
    if (mkdtemp(DIR_) == NULL)
        return -1;
    snprintf(DB, sizeof DB, "%s/synth.db", DIR_);
    bc_synth_options o = {fx_data_dir(), DB, 20000, 2000, 7};
    bc_err err;
    if (bc_synth(&o, &err) != 0) {
        fprintf(stderr, "synth: %s\n", err.msg);
        return -1;
    }
    return bc_store_open(DB, BC_STORE_QUERY_ONLY, &S, &err);
}

static int teardown(void **state)
{
    (void)state;
    bc_store_close(S);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", DIR_);
    return system(cmd) == 0 ? 0 : -1;
}

static void synthetic_store_is_valid(void **state)
{
    (void)state;
    bc_buf report = BC_BUF_INIT;
    int problems = -1;
    bc_err err;
    assert_int_equal(bc_check_report(S, &report, &problems, &err), 0);
    if (problems != 0)
        fail_msg("%d problems:\n%s", problems, report.data);
    bc_buf_free(&report);
    sqlite3_stmt *st;
    assert_int_equal(bc_store_stmt(S,
                                   "SELECT (SELECT count(*) FROM figures), "
                                   "(SELECT count(*) FROM meetings)",
                                   &st, &err),
                     0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 20000 + 23);
    assert_int_equal(sqlite3_column_int(st, 1), 2000 + 8);
    sqlite3_reset(st);
}

/* The plan of the page query for path?query, one line per node. */
static void plan_of(const char *path, const char *query, bc_buf *plan)
{
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = fx_req(S, "GET", path, query, BC_FMT_JSON, 0, &arena);
    for (const bc_resource *const *r = bc_resources; *r != NULL; r++)
        if (strcmp(path + 4, (*r)->name) == 0)
            req.route_data = *r;
    assert_non_null(req.route_data);
    bc_response res;
    bc_response_init(&res);
    bc_buf sql = BC_BUF_INIT;
    bc_buf_puts(&sql, "EXPLAIN QUERY PLAN ");
    if (bc_resource_page_sql(&req, &sql, &res) != 0)
        fail_msg("%s?%s: %s", path, query, res.body.data);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(bc_store_db(S), sql.data, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql.data, sqlite3_errmsg(bc_store_db(S)));
    while (sqlite3_step(st) == SQLITE_ROW)
        bc_buf_printf(plan, "%s\n", sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    bc_buf_free(&sql);
    bc_response_free(&res);
    bc_arena_free(&arena);
}

/* The plan of facet `facet`'s grouped count for path?query, one line per node. */
static void facet_plan_of(const char *path, const char *query, const char *facet, bc_buf *plan)
{
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = fx_req(S, "GET", path, query, BC_FMT_JSON, 0, &arena);
    for (const bc_resource *const *r = bc_resources; *r != NULL; r++)
        if (strcmp(path + 4, (*r)->name) == 0)
            req.route_data = *r;
    assert_non_null(req.route_data);
    bc_response res;
    bc_response_init(&res);
    bc_buf sql = BC_BUF_INIT;
    bc_buf_puts(&sql, "EXPLAIN QUERY PLAN ");
    if (bc_resource_facet_sql(&req, facet, &sql, &res) != 0)
        fail_msg("%s?%s facet %s: %s", path, query, facet, res.body.data);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(bc_store_db(S), sql.data, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql.data, sqlite3_errmsg(bc_store_db(S)));
    while (sqlite3_step(st) == SQLITE_ROW)
        bc_buf_printf(plan, "%s\n", sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    bc_buf_free(&sql);
    bc_response_free(&res);
    bc_arena_free(&arena);
}

/* Every facet of path, alone and under each filter in queries, reads the items through
 * an index (no bare "SCAN alias") and, for a multi-valued facet, finds an item's values
 * by key (or, for the years a figure's period overlaps, from a 12-item json_each). */
static void expect_facets_indexed(const char *path, const char *alias, const char *const *queries,
                                  size_t n)
{
    const bc_resource *r = NULL;
    for (const bc_resource *const *x = bc_resources; *x != NULL; x++)
        if (strcmp(path + 4, (*x)->name) == 0)
            r = *x;
    assert_non_null(r);
    for (const bc_facet *f = r->facets; f->name != NULL; f++)
        for (size_t i = 0; i < n; i++) {
            bc_buf plan = BC_BUF_INIT;
            facet_plan_of(path, queries[i], f->name, &plan);
            char bare[32];
            snprintf(bare, sizeof bare, "SCAN %s\n", alias);
            if (strstr(plan.data, bare) != NULL ||
                (f->join != NULL && strstr(plan.data, "SEARCH") == NULL &&
                 strstr(plan.data, "VIRTUAL TABLE") == NULL))
                fail_msg("%s?%s facet %s reads without an index:\n%s", path, queries[i], f->name,
                         plan.data);
            bc_buf_free(&plan);
        }
}

static void facets_use_indexes(void **state)
{
    (void)state;
    static const char *const meetings[] = {"", "mechanism=jwg-yunnan", "province=yunnan",
                                           "year=2020", "status=planned"};
    expect_facets_indexed("/v1/meetings", "m", meetings, sizeof meetings / sizeof *meetings);
    static const char *const figures[] = {"", "province=yunnan", "metric=tourists", "year=2020",
                                          "category=trade"};
    expect_facets_indexed("/v1/figures", "f", figures, sizeof figures / sizeof *figures);
}

/* The lists of one machine-read curation (the review queue, the reviewed, the rejected)
 * read those rows by the curation index, not the sort's index over every row (analyst 11,
 * F12: 503 for an empty review list of a 200,000-figure store); the metric and category
 * facets count from an index that holds the curation. */
static void narrow_curations_and_facets_read_their_index(void **state)
{
    (void)state;
    static const char *const cases[][3] = {
        {"/v1/figures", "curation=extracted", "SEARCH f USING INDEX figures_curation (curation=?)"},
        {"/v1/figures", "curation=rejected", "SEARCH f USING INDEX figures_curation (curation=?)"},
        {"/v1/meetings", "curation=extracted",
         "SEARCH m USING INDEX meetings_curation (curation=?)"},
        {"/v1/meetings", "curation=reviewed",
         "SEARCH m USING INDEX meetings_curation (curation=?)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_buf plan = BC_BUF_INIT;
        plan_of(cases[i][0], cases[i][1], &plan);
        if (strstr(plan.data, cases[i][2]) == NULL)
            fail_msg("%s?%s does not read %s:\n%s", cases[i][0], cases[i][1], cases[i][2],
                     plan.data);
        bc_buf_free(&plan);
    }
    static const char *const facets[][2] = {{"metric", "figures_facet_metric"},
                                            {"category", "figures_facet_category"}};
    static const char *const queries[] = {"", "curation=extracted", "curation=all"};
    for (size_t i = 0; i < 2; i++)
        for (size_t k = 0; k < 3; k++) {
            bc_buf plan = BC_BUF_INIT;
            facet_plan_of("/v1/figures", queries[k], facets[i][0], &plan);
            if (strstr(plan.data, "COVERING INDEX") == NULL ||
                strstr(plan.data, facets[i][1]) == NULL)
                fail_msg("facet %s of /v1/figures?%s does not count from %s:\n%s", facets[i][0],
                         queries[k], facets[i][1], plan.data);
            bc_buf_free(&plan);
        }
}

/* The province and year facets of the default list (and of curation=all) count from
 * their tables' covering index (0045), never by joining each figure to its parties or
 * expanding its period (0.77-1.0 s on a 200,000-figure store: analyst 11, F12/NEW-4); a
 * list with another filter, ?exact=true or a curation of few rows counts as before. */
static void province_and_year_facets_count_from_their_tables(void **state)
{
    (void)state;
    static const char *const paths[] = {"/v1/figures", "/v1/trade-figures"};
    static const char *const facets[][2] = {{"province", "figure_province_facet_count"},
                                            {"year", "figure_year_facet_count"}};
    static const char *const covered[] = {"", "curation=all", "curation=trusted&exact=false"};
    static const char *const joined[] = {"year=2020", "province=yunnan", "exact=true",
                                         "curation=extracted"};
    for (size_t p = 0; p < 2; p++)
        for (size_t i = 0; i < 2; i++) {
            for (size_t k = 0; k < sizeof covered / sizeof *covered; k++) {
                bc_buf plan = BC_BUF_INIT;
                facet_plan_of(paths[p], covered[k], facets[i][0], &plan);
                if (strstr(plan.data, "COVERING INDEX") == NULL ||
                    strstr(plan.data, facets[i][1]) == NULL || strstr(plan.data, "SCAN f") != NULL)
                    fail_msg("facet %s of %s?%s does not count from %s:\n%s", facets[i][0],
                             paths[p], covered[k], facets[i][1], plan.data);
                bc_buf_free(&plan);
            }
            for (size_t k = 0; k < sizeof joined / sizeof *joined; k++) {
                bc_buf plan = BC_BUF_INIT;
                facet_plan_of(paths[p], joined[k], facets[i][0], &plan);
                if (strstr(plan.data, facets[i][1]) != NULL)
                    fail_msg("facet %s of %s?%s counts from %s, which holds no %s:\n%s",
                             facets[i][0], paths[p], joined[k], facets[i][1], joined[k], plan.data);
                bc_buf_free(&plan);
            }
        }
}

/* The province facet of meetings, likewise (0046): from its table under the curation
 * filter alone, the join under any other filter. */
static void meetings_province_facet_counts_from_its_table(void **state)
{
    (void)state;
    static const char *const covered[] = {"", "curation=all"};
    static const char *const joined[] = {"year=2020", "mechanism=jwg-yunnan", "curation=extracted"};
    for (size_t k = 0; k < 2; k++) {
        bc_buf plan = BC_BUF_INIT;
        facet_plan_of("/v1/meetings", covered[k], "province", &plan);
        if (strstr(plan.data, "COVERING INDEX meeting_province_facet_count") == NULL ||
            strstr(plan.data, "SCAN m") != NULL)
            fail_msg("the province facet of /v1/meetings?%s does not count from its table:\n%s",
                     covered[k], plan.data);
        bc_buf_free(&plan);
    }
    for (size_t k = 0; k < 3; k++) {
        bc_buf plan = BC_BUF_INIT;
        facet_plan_of("/v1/meetings", joined[k], "province", &plan);
        if (strstr(plan.data, "meeting_province_facet") != NULL)
            fail_msg("the province facet of /v1/meetings?%s counts from a table that holds no "
                     "%s:\n%s",
                     joined[k], joined[k], plan.data);
        bc_buf_free(&plan);
    }
}

/* The JSON body of GET path?query, which must answer 200. */
static json_t *get_json(const char *path, const char *query)
{
    bc_response res;
    if (fx_request(S, "GET", path, query, &res) != 200)
        fail_msg("%s?%s: %s", path, query, res.body.data);
    json_t *j = fx_json_body(&res);
    bc_response_free(&res);
    return j;
}

/* Each bucket a facet counts from its table is what its filter lists: the list filtered
 * by province=V or year=V has exactly `count` items (Tuyen Quang's with Ha Giang's), and
 * the null buckets are the figures with no party, or no period. */
static void covered_buckets_are_what_their_filter_lists(void **state)
{
    (void)state;
    static const char *const paths[] = {"/v1/figures", "/v1/trade-figures"};
    static const char *const sets[] = {"", "curation=all&"};
    for (size_t p = 0; p < 2; p++)
        for (size_t c = 0; c < 2; c++) {
            char query[128];
            snprintf(query, sizeof query, "%sfacets=province,year&limit=1", sets[c]);
            json_t *j = get_json(paths[p], query);
            json_t *facets = json_object_get(json_object_get(j, "meta"), "facets");
            const char *names[] = {"province", "year"};
            size_t checked = 0;
            for (size_t i = 0; i < 2; i++) {
                size_t k;
                json_t *bk;
                json_array_foreach(json_object_get(facets, names[i]), k, bk)
                {
                    json_t *v = json_object_get(bk, "value");
                    long count = (long)json_integer_value(json_object_get(bk, "count"));
                    if (json_is_null(v)) {
                        char sql[300];
                        snprintf(sql, sizeof sql,
                                 "SELECT count(*) FROM figures f WHERE f.curation IN (SELECT "
                                 "curation FROM curation_sets WHERE name = '%s')%s AND %s",
                                 c ? "all" : "trusted", p ? " AND f.category = 'trade'" : "",
                                 i ? "f.period_start IS NULL"
                                   : "NOT EXISTS (SELECT 1 FROM figure_parties WHERE "
                                     "figure_id = f.id)");
                        sqlite3_stmt *st;
                        bc_err err;
                        assert_int_equal(bc_store_prepare(S, sql, &st, &err), 0);
                        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
                        assert_int_equal(sqlite3_column_int64(st, 0), count);
                        sqlite3_finalize(st);
                    } else {
                        char one[160];
                        if (json_is_integer(v))
                            snprintf(one, sizeof one, "%s%s=%lld&total=true&limit=1", sets[c],
                                     names[i], (long long)json_integer_value(v));
                        else
                            snprintf(one, sizeof one, "%s%s=%s&total=true&limit=1", sets[c],
                                     names[i], json_string_value(v));
                        json_t *o = get_json(paths[p], one);
                        long total = (long)json_integer_value(
                            json_object_get(json_object_get(o, "meta"), "total"));
                        if (total != count)
                            fail_msg("%s?%s: bucket %s counts %ld, the list lists %ld", paths[p],
                                     query, one, count, total);
                        json_decref(o);
                    }
                    checked++;
                }
            }
            assert_true(checked > 20); /* ten provinces and the years of 1995-2030 */
            json_decref(j);
        }
}

/* A province's counts of figures and meetings read a range of an index holding the
 * curation (0046), not every fact of the province looked up for its own (50-90 ms a
 * province on a 200,000-figure store: /v1/provinces answered 503, and ingest spent most
 * of its time rendering the province documents for the change feed); the counts are
 * those the joins give. */
static void province_counts_read_their_indexes(void **state)
{
    (void)state;
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(bc_store_prepare(S,
                                      "EXPLAIN QUERY PLAN SELECT doc FROM v_province_doc WHERE "
                                      "id = 'yunnan'",
                                      &st, &err),
                     0);
    bc_buf plan = BC_BUF_INIT;
    while (sqlite3_step(st) == SQLITE_ROW)
        bc_buf_printf(&plan, "%s\n", sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    if (strstr(plan.data, "COVERING INDEX figure_province_facet_count") == NULL ||
        strstr(plan.data, "COVERING INDEX meeting_province_facet_count") == NULL ||
        strstr(plan.data, "SEARCH f ") != NULL || strstr(plan.data, "SEARCH m ") != NULL)
        fail_msg("a province's counts look up its facts one by one:\n%s", plan.data);
    bc_buf_free(&plan);
    assert_int_equal(
        bc_store_prepare(
            S,
            "SELECT p.id, json_extract(d.doc, '$.counts.figures'), (SELECT count(*) FROM "
            "figure_parties fp JOIN figures f ON f.id = fp.figure_id WHERE fp.province_id = "
            "p.id AND f.curation IN ('curated', 'reviewed')), json_extract(d.doc, "
            "'$.counts.meetings'), (SELECT count(*) FROM meeting_provinces mp JOIN meetings m ON "
            "m.id = mp.meeting_id WHERE mp.province_id = p.id AND m.curation IN ('curated', "
            "'reviewed')) FROM provinces p JOIN v_province_doc d ON d.id = p.id",
            &st, &err),
        0);
    int provinces = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (sqlite3_column_int(st, 1) != sqlite3_column_int(st, 2) ||
            sqlite3_column_int(st, 3) != sqlite3_column_int(st, 4))
            fail_msg("province %s counts %d figures and %d meetings; its lists have %d and %d",
                     sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
                     sqlite3_column_int(st, 3), sqlite3_column_int(st, 2),
                     sqlite3_column_int(st, 4));
        provinces += sqlite3_column_int(st, 2) > 0;
    }
    sqlite3_finalize(st);
    assert_true(provinces >= 10);
}

/* No node may read the whole table `alias` without an index. */
static void expect_no_full_scan(const char *path, const char *query, const char *alias)
{
    bc_buf plan = BC_BUF_INIT;
    plan_of(path, query, &plan);
    char bare[32];
    snprintf(bare, sizeof bare, "SCAN %s\n", alias);
    if (strstr(plan.data, bare) != NULL)
        fail_msg("%s?%s scans the whole table:\n%s", path, query, plan.data);
    bc_buf_free(&plan);
}

static void every_meeting_filter_and_sort_uses_an_index(void **state)
{
    (void)state;
    static const char *const queries[] = {
        "",
        "mechanism=jwg-yunnan",
        "province=yunnan",
        "year=2020",
        "from=2020-01-01",
        "to=1995",
        "status=planned",
        "curation=extracted",
        "mechanism=jwg-yunnan&year=2020",
        "sort=-date",
        "sort=ordinal",
        "sort=year",
        "sort=status",
        "sort=mechanism",
        "sort=title",
        "sort=id",
        "province=yunnan&sort=-date",
    };
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        expect_no_full_scan("/v1/meetings", queries[i], "m");
        /* the known twin of a listed meeting is found by its id, never by reading every
         * meeting of the curation set (a NOT IN over them cost bench-scale's store 99% of
         * its meetings page rate) */
        bc_buf plan = BC_BUF_INIT;
        plan_of("/v1/meetings", queries[i], &plan);
        const char *tw = strstr(plan.data, "SEARCH tw ");
        if (tw != NULL && strncmp(strchr(tw, '('), "(id=?)", 6) != 0)
            fail_msg("/v1/meetings?%s reads the twins by a range:\n%s", queries[i], plan.data);
        bc_buf_free(&plan);
    }
}

static void every_figure_filter_and_sort_uses_an_index(void **state)
{
    (void)state;
    static const char *const queries[] = {
        "",
        "province=yunnan",
        "metric=tourists",
        "category=trade",
        "year=2020",
        "from=2029",
        "to=1996",
        "meeting=synth-m0000010",
        "curation=curated",
        "province=lao-cai&sort=-value",
        "sort=period",
        "sort=-period_end",
        "sort=year",
        "sort=-value",
        "sort=metric",
        "sort=category",
        "sort=id",
        "metric=tourists&year=2020&sort=-value",
    };
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        expect_no_full_scan("/v1/figures", queries[i], "f");
        /* trade figures take the same filters but category, and trade metrics only */
        if (strstr(queries[i], "category") == NULL && strstr(queries[i], "metric=") == NULL)
            expect_no_full_scan("/v1/trade-figures", queries[i], "f");
    }
    expect_no_full_scan("/v1/trade-figures", "metric=goods_exported", "f");
}

/* A sorted page in either direction, alone or after an equality filter, is read in
 * index order: no temporary b-tree sorting every matching row. */
static void sorted_pages_are_index_walks(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"/v1/meetings", ""},
        {"/v1/meetings", "sort=-date"},
        {"/v1/meetings", "mechanism=jwg-yunnan&sort=-date"},
        {"/v1/meetings", "mechanism=jwg-yunnan"},
        {"/v1/meetings", "status=planned&sort=date"},
        {"/v1/meetings", "year=2020&sort=-date"},
        {"/v1/meetings", "sort=-ordinal"},
        {"/v1/figures", ""},
        {"/v1/figures", "sort=-value"},
        {"/v1/figures", "sort=value"},
        {"/v1/figures", "sort=-period"},
        {"/v1/figures", "category=trade"},
        {"/v1/figures", "province=yunnan&sort=-value"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_buf plan = BC_BUF_INIT;
        plan_of(cases[i][0], cases[i][1], &plan);
        if (strstr(plan.data, "TEMP B-TREE") != NULL)
            fail_msg("%s?%s sorts its rows instead of walking an index:\n%s", cases[i][0],
                     cases[i][1], plan.data);
        bc_buf_free(&plan);
    }
}

static void keyset_pages_seek(void **state)
{
    (void)state;
    /* a cursor deep into a sorted list: the plan reads a range of the sort index */
    bc_response res;
    assert_int_equal(fx_request(S, "GET", "/v1/figures", "sort=-value&limit=3", &res), 200);
    json_t *j = fx_json_body(&res);
    const char *next = json_string_value(json_object_get(json_object_get(j, "links"), "next"));
    char query[1024];
    snprintf(query, sizeof query, "%s", strchr(next, '?') + 1);
    json_decref(j);
    bc_response_free(&res);
    bc_buf plan = BC_BUF_INIT;
    plan_of("/v1/figures", query, &plan);
    if (strstr(plan.data, "SEARCH f USING COVERING INDEX figures_value") == NULL ||
        strstr(plan.data, "TEMP B-TREE") != NULL)
        fail_msg("a keyset page does not seek the value index:\n%s", plan.data);
    bc_buf_free(&plan);
}

/* Narrowing a page's embeds to a curation set looks up each fact the page names by its
 * key: no walk of a facts' table, and no Bloom filter either, which SQLite builds by
 * reading every row of the table (07da305 joined the page's ids to the table, and with
 * planner statistics a page of figures then read all 100,000 meetings of the scale store:
 * 20 ms a page, /v1/figures at 0.05x of the curated store). */
static void narrowing_looks_facts_up_by_key(void **state)
{
    (void)state;
    int checked = 0;
    for (const bc_resource *const *r = bc_resources; *r != NULL; r++) {
        if ((*r)->embeds == NULL)
            continue;
        bc_buf sql = BC_BUF_INIT;
        bc_buf_puts(&sql, "EXPLAIN QUERY PLAN ");
        bc_list_narrowing_sql(&sql, *r);
        assert_false(bc_buf_failed(&sql));
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(bc_store_db(S), sql.data, -1, &st, NULL) != SQLITE_OK)
            fail_msg("%s: %s", sql.data, sqlite3_errmsg(bc_store_db(S)));
        bc_buf plan = BC_BUF_INIT;
        while (sqlite3_step(st) == SQLITE_ROW)
            bc_buf_printf(&plan, "%s\n", sqlite3_column_text(st, 3));
        sqlite3_finalize(st);
        static const char *const walks[] = {"BLOOM FILTER", "SCAN m\n",  "SCAN m ",
                                            "SCAN f\n",     "SCAN f ",   "SCAN p\n",
                                            "SCAN p ",      "SCAN ev\n", "SCAN ev "};
        for (size_t i = 0; i < sizeof walks / sizeof walks[0]; i++)
            if (strstr(plan.data, walks[i]) != NULL)
                fail_msg("narrowing a page of %s reads a whole table (%s):\n%s", (*r)->name,
                         walks[i], plan.data);
        bc_buf_free(&plan);
        bc_buf_free(&sql);
        checked++;
    }
    assert_true(checked >= 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(facets_use_indexes),
        cmocka_unit_test(synthetic_store_is_valid),
        cmocka_unit_test(every_meeting_filter_and_sort_uses_an_index),
        cmocka_unit_test(every_figure_filter_and_sort_uses_an_index),
        cmocka_unit_test(sorted_pages_are_index_walks),
        cmocka_unit_test(keyset_pages_seek),
        cmocka_unit_test(narrow_curations_and_facets_read_their_index),
        cmocka_unit_test(province_and_year_facets_count_from_their_tables),
        cmocka_unit_test(covered_buckets_are_what_their_filter_lists),
        cmocka_unit_test(province_counts_read_their_indexes),
        cmocka_unit_test(meetings_province_facet_counts_from_its_table),
        cmocka_unit_test(narrowing_looks_facts_up_by_key),
    };
    return cmocka_run_group_tests_name("synth", tests, setup, teardown);
}
