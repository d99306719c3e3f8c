/* test_feed.c: the issue-15 endpoints on the real daemon: /v1/series keeps figures of
 * different period lengths apart, /v1/changes lists what an ingest added and a reload of
 * unchanged data/ adds nothing, /v1/changes.atom is an Atom feed, and /v1/export.ndjson
 * is byte for byte what `bordercoop export` writes, with the SHA-256 its index names. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "bordercoop/sha256.h"
#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static bct_daemon D;
static char TMP[64];
static char DB[128];

static const char *data_dir(void)
{
    const char *d = getenv("BC_DATA");
    return d && *d ? d : "data";
}

static int setup(void **state)
{
    (void)state;
    if (bct_tmpdir(TMP, sizeof TMP, "feed") != 0)
        return -1;
    snprintf(DB, sizeof DB, "%s/store.db", TMP);
    bc_err err;
    if (bc_loader_build(data_dir(), DB, NULL, &err) != 0) {
        fprintf(stderr, "building the store: %s\n", err.msg);
        return -1;
    }
    return bct_daemon_start(&D, getenv("BC_DAEMON"), DB, NULL, 10000);
}

static int teardown(void **state)
{
    (void)state;
    int status = bct_daemon_stop(&D, 10000);
    return bct_tmpdir_remove(TMP) != 0 || status != 0 ? -1 : 0;
}

static json_t *get_json(const char *target, int status)
{
    bct_response r;
    if (bct_get(D.port, target, NULL, &r) != 0)
        fail_msg("GET %s: no response", target);
    if (r.status != status)
        fail_msg("GET %s: status %d, want %d: %.300s", target, r.status, status, r.body);
    json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
    if (j == NULL)
        fail_msg("GET %s: not JSON", target);
    bct_response_free(&r);
    return j;
}

static json_int_t latest_seq(void)
{
    json_t *j = get_json("/v1/changes?limit=1", 200);
    json_int_t n = json_integer_value(json_object_get(json_object_get(j, "meta"), "latest_seq"));
    json_decref(j);
    return n;
}

static void series_never_joins_different_lengths(void **state)
{
    (void)state;
    json_t *j = get_json("/v1/series?metric=trade_turnover&pair=tuyen-quang+yunnan", 200);
    json_t *series = json_object_get(j, "series");
    assert_int_equal(json_array_size(series), 1);
    json_t *s = json_array_get(series, 0);
    assert_string_equal(json_string_value(json_object_get(s, "key")), "tuyen-quang+yunnan");
    assert_true(json_is_false(json_object_get(s, "comparable")));
    json_t *reasons = json_object_get(s, "reasons");
    assert_int_equal(json_array_size(reasons), 1);
    assert_non_null(strstr(json_string_value(json_array_get(reasons, 0)), "differ in length"));
    json_t *pts = json_object_get(s, "points");
    assert_int_equal(json_array_size(pts), 2);
    json_t *a = json_array_get(pts, 0), *b = json_array_get(pts, 1);
    assert_string_equal(json_string_value(json_object_get(a, "period")), "2024");
    assert_string_equal(json_string_value(json_object_get(b, "period")), "2025-01/2025-09");
    assert_int_equal(json_integer_value(json_object_get(a, "value")), 293000000);
    assert_int_equal(json_integer_value(json_object_get(b, "value")), 797000000);
    assert_true(json_is_false(json_object_get(b, "joins_previous")));
    assert_int_equal(json_integer_value(json_object_get(json_object_get(a, "length"), "months")),
                     12);
    assert_true(json_array_size(json_object_get(a, "sources")) >= 1);
    json_decref(j);

    /* the same pair in the other order and by other names */
    j = get_json("/v1/series?metric=trade_turnover&pair=Junnan,Tuy%C3%AAn%20Quang", 200);
    assert_int_equal(json_array_size(json_object_get(j, "series")), 1);
    json_decref(j);
    /* a province's series: the pair and the four-province total are separate series,
     * never added together */
    j = get_json("/v1/series?metric=trade_turnover&province=tuyen-quang", 200);
    assert_int_equal(json_array_size(json_object_get(j, "series")), 2);
    json_decref(j);
    /* from/to keep points whose period meets the range */
    j = get_json("/v1/series?metric=trade_turnover&pair=tuyen-quang+yunnan&from=2025", 200);
    json_t *only = json_object_get(json_array_get(json_object_get(j, "series"), 0), "points");
    assert_int_equal(json_array_size(only), 1);
    assert_true(json_is_true(
        json_object_get(json_array_get(json_object_get(j, "series"), 0), "comparable")));
    json_decref(j);

    static const char *const bad[] = {
        "/v1/series",
        "/v1/series?metric=gdp",
        "/v1/series?metric=trade_turnover&pair=yunnan",
        "/v1/series?metric=trade_turnover&pair=yunnan+atlantis",
        "/v1/series?metric=trade_turnover&from=2025-13",
        "/v1/series?metric=trade_turnover&colour=red",
        "/v1/series?metric=trade_turnover&curation=maybe",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        json_decref(get_json(bad[i], 400));
}

/* Waits (bounded) until the feed's latest_seq moves past seq; returns the new one. */
static json_int_t wait_past(json_int_t seq)
{
    json_int_t now = seq;
    for (int i = 0; i < 100 && now == seq; i++) {
        struct timespec ts = {0, 50 * 1000000L};
        nanosleep(&ts, NULL);
        now = latest_seq();
    }
    assert_true(now > seq);
    return now;
}

/* The figure entries of /v1/changes after since (query: more parameters, or ""). */
static json_t *figure_entries(json_int_t since, const char *query)
{
    char target[256];
    snprintf(target, sizeof target, "/v1/changes?since=%lld&kind=figure%s", (long long)since,
             query);
    json_t *j = get_json(target, 200);
    json_t *data = json_incref(json_object_get(j, "data"));
    json_decref(j);
    return data;
}

/* Checks member `name` of e is the string want, or null when want is NULL. */
static void assert_text(json_t *e, const char *name, const char *want)
{
    json_t *v = json_object_get(e, name);
    if (want == NULL)
        assert_true(json_is_null(v));
    else if (!json_is_string(v) || strcmp(json_string_value(v), want) != 0)
        fail_msg("%s is %s, want %s", name,
                 json_is_string(v) ? json_string_value(v) : "(not a string)", want);
}

static void assert_entry(json_t *e, const char *id, const char *op, const char *before,
                         const char *after)
{
    assert_non_null(e);
    assert_text(e, "id", id);
    assert_text(e, "op", op);
    assert_text(e, "curation_before", before);
    assert_text(e, "curation_after", after);
}

/* Runs `bordercoop review ACTION figures ID` on the test store. */
static void review(const char *action, const char *id)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s review %s figures %s --note 'feed test' --db %s >/dev/null",
             getenv("BC_CLI"), action, id, DB);
    assert_int_equal(system(cmd), 0);
}

/* A client mirroring the trusted view learns of approvals and of a trusted fact that
 * was rejected: every entry records the curations before and after it, and
 * ?curation=trusted restates them for that view (added when a fact enters it, removed
 * when it leaves), leaving out what never was in it. */
static void trusted_view_through_the_feed(const char *figure_id, json_int_t before_ingest)
{
    json_int_t mark = latest_seq();
    review("approve", figure_id);
    json_int_t approved = wait_past(mark);
    json_t *all = figure_entries(mark, ""), *trusted = figure_entries(mark, "&curation=trusted");
    assert_int_equal(json_array_size(all), 1);
    assert_entry(json_array_get(all, 0), figure_id, "changed", "extracted", "reviewed");
    assert_int_equal(json_array_size(trusted), 1);
    assert_entry(json_array_get(trusted, 0), figure_id, "added", "extracted", "reviewed");
    assert_true(json_is_null(json_object_get(json_array_get(trusted, 0), "fields")));
    json_decref(all);
    json_decref(trusted);

    review("reject", figure_id);
    json_int_t rejected = wait_past(approved);
    all = figure_entries(approved, "");
    trusted = figure_entries(approved, "&curation=TRUSTED");
    assert_int_equal(json_array_size(all), 1);
    assert_entry(json_array_get(all, 0), figure_id, "changed", "reviewed", "rejected");
    assert_int_equal(json_array_size(trusted), 1);
    assert_entry(json_array_get(trusted, 0), figure_id, "removed", "reviewed", "rejected");
    json_decref(all);
    json_decref(trusted);
    /* the list itself cannot show what left it: the feed is where removals are read */
    char target[160];
    snprintf(target, sizeof target, "/v1/figures?changed_since=%lld", (long long)approved);
    json_t *j = get_json(target, 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 0);
    json_decref(j);

    /* since the ingest, the trusted view saw the figure come and go, nothing else of it;
     * the full feed also has its extraction (added, extracted) */
    trusted = figure_entries(before_ingest, "&curation=trusted");
    assert_int_equal(json_array_size(trusted), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(trusted, 0), "op")),
                        "added");
    assert_string_equal(json_string_value(json_object_get(json_array_get(trusted, 1), "op")),
                        "removed");
    json_decref(trusted);
    all = figure_entries(before_ingest, "");
    assert_int_equal(json_array_size(all), 3);
    assert_entry(json_array_get(all, 0), figure_id, "added", NULL, "extracted");
    json_decref(all);
    /* the view is named in meta and kept in the cursor links */
    snprintf(target, sizeof target, "/v1/changes?since=%lld&curation=trusted",
             (long long)before_ingest);
    j = get_json(target, 200);
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(json_object_get(j, "meta"), "filters"), "curation")),
                        "trusted");
    assert_non_null(strstr(json_string_value(json_object_get(json_object_get(j, "links"), "next")),
                           "curation=trusted"));
    json_decref(j);
    json_decref(get_json("/v1/changes?curation=pending", 400));
    (void)rejected;
}

static void ingest_appears_in_the_feed(void **state)
{
    (void)state;
    json_t *j = get_json("/v1/changes?since=0&limit=1000", 200);
    json_int_t first = json_integer_value(json_object_get(json_object_get(j, "meta"), "count"));
    assert_true(first > 50);
    json_decref(j);
    json_int_t before = latest_seq();

    char file[128], cmd[512];
    snprintf(file, sizeof file, "%s/article.txt", TMP);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs("On March 1, 2026 the 13th meeting of the Joint Working Group of Lao Cai and Yunnan "
          "was held in Lao Cai. Trade through the Lao Cai (Vietnam) - Hekou (China) border gate "
          "reached USD 1.2 billion in the first two months of 2026.",
          f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s ingest %s --lang en --title 'Feed test' --db %s >/dev/null",
             getenv("BC_CLI"), file, DB);
    assert_int_equal(system(cmd), 0);
    /* the daemon serves the new content within moments (bounded wait) */
    json_int_t after = before;
    for (int i = 0; i < 100 && after == before; i++) {
        struct timespec ts = {0, 50 * 1000000L};
        nanosleep(&ts, NULL);
        after = latest_seq();
    }
    assert_true(after > before);

    char target[128];
    snprintf(target, sizeof target, "/v1/changes?since=%lld", (long long)before);
    j = get_json(target, 200);
    json_t *data = json_object_get(j, "data");
    int sources = 0, figures = 0, meetings = 0;
    size_t i;
    json_t *e;
    char figure_id[160] = "";
    json_array_foreach(data, i, e)
    {
        const char *kind = json_string_value(json_object_get(e, "kind"));
        const char *op = json_string_value(json_object_get(e, "op"));
        assert_true(json_integer_value(json_object_get(e, "seq")) > before);
        if (strcmp(op, "added") != 0)
            continue;
        sources += strcmp(kind, "source") == 0;
        meetings += strcmp(kind, "meeting") == 0;
        if (strcmp(kind, "figure") == 0) {
            figures++;
            snprintf(figure_id, sizeof figure_id, "%s",
                     json_string_value(json_object_get(e, "id")));
        }
    }
    assert_int_equal(sources, 1);
    assert_int_equal(figures, 1);
    assert_int_equal(meetings, 1);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "meta"), "next_since")),
                     after);
    json_decref(j);

    /* kind= narrows the feed to figures: only the new one */
    snprintf(target, sizeof target, "/v1/changes?since=%lld&kind=figure", (long long)before);
    j = get_json(target, 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 1);
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(json_object_get(j, "data"), 0), "id")),
        figure_id);
    json_decref(j);

    /* changed_since= on a list returns only what changed after the cursor */
    snprintf(target, sizeof target, "/v1/figures?changed_since=%lld&curation=extracted",
             (long long)before);
    j = get_json(target, 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 1);
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(json_object_get(j, "data"), 0), "id")),
        figure_id);
    json_decref(j);
    /* (lists show what a person vouched for unless asked: curation=all adds the rest) */
    snprintf(target, sizeof target, "/v1/figures?changed_since=%lld&curation=all",
             (long long)before);
    j = get_json(target, 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 1);
    json_decref(j);
    snprintf(target, sizeof target, "/v1/sources?changed_since=%lld&curation=all",
             (long long)before);
    j = get_json(target, 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 1);
    json_decref(j);
    json_decref(get_json("/v1/meetings?changed_since=-1", 400));
    /* a changed_since past the feed's end is since_past_end however many digits it has
     * (as since= is on /v1/changes), quoting what was sent; a sign or a non-number is
     * still invalid_parameter */
    static const char *const past[] = {"/v1/figures?changed_since=99999999999999999999999",
                                       "/v1/meetings?changed_since=9223372036854775808",
                                       "/v1/sources?changed_since=1000000000000",
                                       "/v1/mechanisms?changed_since=0999999999999999"};
    for (size_t k = 0; k < sizeof past / sizeof past[0]; k++) {
        j = get_json(past[k], 400);
        assert_string_equal(json_string_value(json_object_get(j, "code")), "since_past_end");
        const char *detail = json_string_value(json_object_get(j, "detail"));
        assert_non_null(strstr(detail, strchr(past[k], '?') + 1));
        json_decref(j);
    }
    static const char *const not_seq[] = {"/v1/figures?changed_since=-99999999999999999999",
                                          "/v1/figures?changed_since=%2B99999999999999",
                                          "/v1/figures?changed_since=9e99"};
    for (size_t k = 0; k < sizeof not_seq / sizeof not_seq[0]; k++) {
        j = get_json(not_seq[k], 400);
        assert_string_equal(json_string_value(json_object_get(j, "code")), "invalid_parameter");
        json_decref(j);
    }
    j = get_json("/v1/meetings?changed_since=0&curation=all", 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")),
                     9); /* 8 curated + the ingested one */
    json_decref(j);

    /* a reload of unchanged data/ appends nothing */
    bc_err err;
    assert_int_equal(bc_loader_build(data_dir(), DB, NULL, &err), 0);
    struct timespec ts = {0, 400 * 1000000L};
    nanosleep(&ts, NULL);
    assert_int_equal(latest_seq(), after);

    static const char *const bad[] = {"/v1/changes?since=-1", "/v1/changes?since=abc",
                                      "/v1/changes?limit=0", "/v1/changes?kind=planet",
                                      "/v1/changes?colour=red"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        json_decref(get_json(bad[k], 400));

    trusted_view_through_the_feed(figure_id, before);
}

static void atom_feed(void **state)
{
    (void)state;
    bct_response r;
    assert_int_equal(bct_get(D.port, "/v1/changes.atom?limit=5", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_string_equal(bct_header_get(&r, "Content-Type"), "application/atom+xml; charset=utf-8");
    assert_true(strncmp(r.body, "<?xml version=\"1.0\" encoding=\"utf-8\"?>", 38) == 0);
    assert_non_null(strstr(r.body, "<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    int entries = 0;
    for (const char *p = r.body; (p = strstr(p, "<entry>")) != NULL; p++)
        entries++;
    assert_int_equal(entries, 5);
    /* RFC 4287: a feed has id, title, updated; every entry id, title, updated */
    assert_non_null(strstr(r.body, "<id>tag:bordercoop,2025:changes</id>"));
    assert_non_null(strstr(r.body, "<updated>"));
    assert_non_null(strstr(r.body, "</feed>\n"));
    bct_response_free(&r);
}

/* With a cursor the Atom feed selects what /v1/changes selects (the first `limit`
 * after it), names its query in the self link and continues in a next link; a cursor
 * past the newest entry is a 400 on both. */
static void atom_follows_the_cursor(void **state)
{
    (void)state;
    bct_response r;
    assert_int_equal(bct_get(D.port, "/v1/changes.atom?since=10&limit=3", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    json_t *j = get_json("/v1/changes?since=10&limit=3", 200);
    size_t i;
    json_t *e;
    int entries = 0;
    for (const char *p = r.body; (p = strstr(p, "<entry>")) != NULL; p++)
        entries++;
    assert_int_equal(entries, 3);
    json_array_foreach(json_object_get(j, "data"), i, e)
    {
        char id[64];
        snprintf(id, sizeof id, "<id>tag:bordercoop,2025:change:%lld</id>",
                 (long long)json_integer_value(json_object_get(e, "seq")));
        assert_non_null(strstr(r.body, id));
    }
    json_decref(j);
    assert_non_null(strstr(r.body, "rel=\"self\" type=\"application/atom+xml\" "
                                   "href=\"/v1/changes.atom?since=10&amp;limit=3\""));
    assert_non_null(strstr(r.body, "rel=\"next\" type=\"application/atom+xml\" "
                                   "href=\"/v1/changes.atom?since=13&amp;limit=3\""));
    bct_response_free(&r);

    /* at the newest entry: empty, the cursor unchanged; past it: a 400 naming the newest */
    json_int_t latest = latest_seq();
    char target[128];
    snprintf(target, sizeof target, "/v1/changes?since=%lld", (long long)latest);
    j = get_json(target, 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 0);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "meta"), "next_since")),
                     latest);
    json_decref(j);
    snprintf(target, sizeof target, "/v1/changes?since=%lld", (long long)latest + 1);
    j = get_json(target, 400);
    assert_string_equal(json_string_value(json_object_get(j, "code")), "since_past_end");
    char want[64];
    snprintf(want, sizeof want, "latest_seq %lld", (long long)latest);
    assert_non_null(strstr(json_string_value(json_object_get(j, "detail")), want));
    json_decref(j);
    snprintf(target, sizeof target, "/v1/changes.atom?since=%lld", (long long)latest + 1);
    assert_int_equal(bct_get(D.port, target, NULL, &r), 0);
    assert_int_equal(r.status, 400);
    bct_response_free(&r);
}

static void export_round_trips(void **state)
{
    (void)state;
    bct_response r;
    assert_int_equal(bct_get(D.port, "/v1/export.ndjson", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_string_equal(bct_header_get(&r, "Content-Type"), "application/x-ndjson; charset=utf-8");
    char out[160], cmd[512];
    snprintf(out, sizeof out, "%s/export.ndjson", TMP);
    snprintf(cmd, sizeof cmd, "%s export --db %s --out %s 2>/dev/null", getenv("BC_CLI"), DB, out);
    assert_int_equal(system(cmd), 0);
    FILE *f = fopen(out, "rb");
    assert_non_null(f);
    char *file = malloc(r.body_len + 2);
    size_t n = fread(file, 1, r.body_len + 1, f);
    fclose(f);
    assert_int_equal(n, r.body_len);
    assert_memory_equal(file, r.body, n);
    free(file);

    char hex[65];
    bc_sha256_hex(r.body, r.body_len, hex);
    json_t *idx = get_json("/v1/export/index.json", 200);
    assert_string_equal(json_string_value(json_object_get(idx, "sha256")), hex);
    assert_int_equal(json_integer_value(json_object_get(idx, "bytes")), (json_int_t)r.body_len);
    size_t lines = 0;
    for (size_t k = 0; k < r.body_len; k++)
        lines += r.body[k] == '\n';
    assert_int_equal(json_integer_value(json_object_get(idx, "total")), (json_int_t)lines);
    json_t *v = get_json("/readyz", 200);
    assert_string_equal(json_string_value(json_object_get(idx, "content_version")),
                        json_string_value(json_object_get(v, "content_version")));
    json_decref(v);
    json_decref(idx);

    /* a poller revalidates both with If-None-Match */
    const char *etag = bct_header_get(&r, "ETag");
    assert_non_null(etag);
    char inm[128];
    snprintf(inm, sizeof inm, "If-None-Match: %s", etag);
    const char *h[] = {inm, NULL};
    bct_response again;
    assert_int_equal(bct_get(D.port, "/v1/export.ndjson", h, &again), 0);
    assert_int_equal(again.status, 304);
    bct_response_free(&again);
    bct_response_free(&r);
    json_decref(get_json("/v1/export.ndjson?x=1", 400));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(series_never_joins_different_lengths),
        cmocka_unit_test(export_round_trips),
        cmocka_unit_test(atom_feed),
        cmocka_unit_test(atom_follows_the_cursor),
        cmocka_unit_test(ingest_appears_in_the_feed),
    };
    return cmocka_run_group_tests_name("feed", tests, setup, teardown);
}
