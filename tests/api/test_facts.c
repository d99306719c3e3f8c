/* test_facts.c: the real bordercoopd says what the articles say and no more: inferred
 * fields are marked per field and kept out of filters with ?exact=true. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bct_daemon D;
static char TMP[64];
static char DB[128];

static int setup(void **state)
{
    (void)state;
    const char *daemon = getenv("BC_DAEMON");
    const char *data = getenv("BC_DATA");
    if (daemon == NULL) {
        fprintf(stderr, "BC_DAEMON must name the bordercoopd binary\n");
        return -1;
    }
    if (bct_tmpdir(TMP, sizeof TMP, "facts") != 0)
        return -1;
    snprintf(DB, sizeof DB, "%s/store.db", TMP);
    bc_err err;
    if (bc_loader_build(data && *data ? data : "data", DB, NULL, &err) != 0) {
        fprintf(stderr, "building the store: %s\n", err.msg);
        return -1;
    }
    return bct_daemon_start(&D, daemon, DB, NULL, 10000);
}

static int teardown(void **state)
{
    (void)state;
    int status = bct_daemon_stop(&D, 10000);
    if (bct_tmpdir_remove(TMP) != 0 || status != 0)
        return -1;
    return 0;
}

/* GET target, expect status, return the JSON body (decref it). */
static json_t *get(const char *target, int status)
{
    bct_response r;
    if (bct_get(D.port, target, NULL, &r) != 0)
        fail_msg("GET %s: no response", target);
    if (r.status != status)
        fail_msg("GET %s: status %d, want %d: %.300s", target, r.status, status, r.body);
    json_error_t je;
    json_t *j = json_loadb(r.body, r.body_len, 0, &je);
    bct_response_free(&r);
    if (j == NULL)
        fail_msg("GET %s: not JSON: %s", target, je.text);
    return j;
}

/* The ids of a list response, comma-joined into buf. */
static const char *ids(const char *target)
{
    static char buf[2048];
    json_t *j = get(target, 200);
    buf[0] = '\0';
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(j, "data"), i, it)
    {
        if (i > 0)
            strncat(buf, ",", sizeof buf - strlen(buf) - 1);
        strncat(buf, json_string_value(json_object_get(it, "id")), sizeof buf - strlen(buf) - 1);
    }
    json_decref(j);
    return buf;
}

/* 1 when the JSON array arr holds the string s. */
static int holds(json_t *arr, const char *s)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i,
                       v) if (json_is_string(v) && strcmp(json_string_value(v), s) == 0) return 1;
    return 0;
}

/* Every fact document, nested ones included, has an inferred array; a non-empty one comes
 * with a note. */
static void check_inferred(json_t *doc, const char *where)
{
    json_t *inf = json_object_get(doc, "inferred");
    if (!json_is_array(inf))
        fail_msg("%s: no inferred array", where);
    if (json_array_size(inf) > 0 && !json_is_string(json_object_get(doc, "note")))
        fail_msg("%s: inferred without a note", where);
}

static void every_fact_has_an_inferred_list(void **state)
{
    (void)state;
    static const char *const lists[] = {"/v1/meetings",  "/v1/figures", "/v1/border-gate-projects",
                                        "/v1/protocols", "/v1/people",  "/v1/mechanisms",
                                        "/v1/provinces", "/v1/events"};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        char target[96];
        snprintf(target, sizeof target, "%s?limit=500", lists[l]);
        json_t *j = get(target, 200);
        size_t i, k;
        json_t *doc, *sub;
        json_array_foreach(json_object_get(j, "data"), i, doc)
        {
            check_inferred(doc, lists[l]);
            json_array_foreach(json_object_get(doc, "participants"), k, sub)
                check_inferred(sub, "participant");
            json_array_foreach(json_object_get(doc, "decisions"), k, sub)
                check_inferred(sub, "decision");
            if (strcmp(lists[l], "/v1/border-gate-projects") == 0)
                json_array_foreach(json_object_get(doc, "events"), k, sub)
                    check_inferred(sub, "project event");
            json_array_foreach(json_object_get(doc, "areas"), k, sub) check_inferred(sub, "area");
        }
        json_decref(j);
    }
}

static void a_year_read_from_the_publication_date_is_marked(void **state)
{
    (void)state;
    json_t *m = get("/v1/meetings/conference-yunnan-5", 200);
    assert_true(holds(json_object_get(m, "inferred"), "date.year"));
    assert_non_null(strstr(json_string_value(json_object_get(m, "note")), "publication date"));
    json_decref(m);
    /* the year filter finds it, unless asked for stated values only */
    assert_non_null(strstr(ids("/v1/meetings?year=2025"), "conference-yunnan-5"));
    assert_null(strstr(ids("/v1/meetings?year=2025&exact=true"), "conference-yunnan-5"));
    assert_non_null(strstr(ids("/v1/meetings?year=2025&exact=false"), "conference-yunnan-5"));
    /* a filter on a stated field is not affected */
    assert_non_null(strstr(ids("/v1/meetings?status=held&exact=true"), "conference-yunnan-5"));
    /* the membership of Ha Giang in 2024 is inferred: a province filter on stated values
     * leaves the 4th conference out */
    assert_non_null(strstr(ids("/v1/meetings?province=ha-giang"), "conference-yunnan-4"));
    assert_null(strstr(ids("/v1/meetings?province=ha-giang&exact=1"), "conference-yunnan-4"));
}

static void exact_is_kept_in_meta_and_links(void **state)
{
    (void)state;
    json_t *j = get("/v1/meetings?year=2025&exact=true&limit=1", 200);
    json_t *f = json_object_get(json_object_get(j, "meta"), "filters");
    assert_true(json_is_true(json_object_get(f, "exact")));
    const char *self = json_string_value(json_object_get(json_object_get(j, "links"), "self"));
    assert_non_null(strstr(self, "exact=true"));
    json_decref(j);
    j = get("/v1/figures?exact=perhaps", 400);
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "exact");
    json_decref(j);
    /* resources without inferred facts do not take it */
    j = get("/v1/sources?exact=true", 400);
    assert_string_equal(json_string_value(json_object_get(j, "code")), "unknown_parameter");
    json_decref(j);
}

/* a JSON string member, failing the test when it is not one */
static const char *str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v))
        fail_msg("'%s' is not a string", key);
    return json_string_value(v);
}

/* 1 when some quote of the sources array contains needle */
static int quoted(json_t *sources, const char *needle)
{
    size_t i;
    json_t *c;
    json_array_foreach(sources, i, c) if (strstr(str(c, "quote"), needle) != NULL) return 1;
    return 0;
}

/* item 1: never more than the text says */
static void statuses_and_dates_only_from_the_text(void **state)
{
    (void)state;
    /* a protocol only referred to is not signed and has no signing date */
    json_t *p = get("/v1/protocols/spring-meeting-guangxi-2024-protocol", 200);
    assert_string_equal(str(p, "status"), "referenced");
    assert_true(json_is_null(json_object_get(p, "signed_on")));
    assert_true(holds(json_object_get(p, "inferred"), "parties"));
    json_decref(p);
    p = get("/v1/protocols/conference-yunnan-4-protocol", 200);
    assert_true(json_is_null(json_object_get(p, "signed_on")));
    /* its title and its parties agree (Ha Giang, item 3) */
    assert_non_null(strstr(str(p, "title"), "Ha Giang"));
    assert_null(strstr(str(p, "title"), "Tuyen Quang"));
    assert_true(holds(json_object_get(p, "parties"), "ha-giang"));
    json_decref(p);
    assert_string_equal(ids("/v1/protocols?year=2024"), "");
    json_t *st = get("/v1/stats", 200);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(st, "counts"), "protocols_signed")), 5);
    json_decref(st);
    /* a project whose progress is only to be supported has no status */
    assert_string_equal(ids("/v1/border-gate-projects?status=unknown"),
                        "lao-cai-hekou-railway-bridge,thanh-thuy-thien-bao-road");
    /* every status that is stated has its sentence */
    json_t *list = get("/v1/border-gate-projects?limit=500", 200);
    size_t i;
    json_t *d;
    json_array_foreach(json_object_get(list, "data"), i, d)
    {
        if (strcmp(str(d, "status"), "unknown") == 0 ||
            holds(json_object_get(d, "inferred"), "status"))
            continue;
        int found = 0;
        size_t k;
        json_t *c;
        json_array_foreach(json_object_get(d, "sources"), k, c) found |=
            holds(json_object_get(c, "supports"), "status");
        if (!found)
            fail_msg("%s: status '%s' without a supporting quote", str(d, "id"), str(d, "status"));
    }
    json_decref(list);
    /* Chinese tourists are not Yunnan's */
    json_t *f = get("/v1/figures/tuyen-quang-chinese-tourists-2024", 200);
    assert_int_equal(json_array_size(json_object_get(f, "parties")), 1);
    assert_string_equal(json_string_value(json_array_get(json_object_get(f, "parties"), 0)),
                        "tuyen-quang");
    json_decref(f);
    /* no "main" entry, no part_of the text does not state */
    json_t *g = get("/v1/border-gate-projects/mong-cai-dongxing-border-gate", 200);
    assert_null(strstr(str(g, "description"), "main"));
    assert_true(holds(json_object_get(g, "inferred"), "cn_side"));
    json_decref(g);
    g = get("/v1/border-gate-projects/bac-luan-ii-bridge-clearance-point", 200);
    assert_true(json_is_null(json_object_get(g, "part_of")));
    assert_true(holds(json_object_get(g, "inferred"), "cn_side"));
    json_decref(g);
    /* 7.2 billion: 2024 in the Polish article only, flagged against the other statement */
    f = get("/v1/figures/yunnan-four-provinces-trade-2024", 200);
    assert_int_equal(json_array_size(json_object_get(f, "sources")), 1);
    assert_string_equal(str(json_array_get(json_object_get(f, "sources"), 0), "lang"), "pl");
    assert_string_equal(str(json_array_get(json_object_get(f, "conflicts_with"), 0), "id"),
                        "yunnan-four-provinces-trade-since-jwg-10");
    json_decref(f);
    /* the periods no article states are marked; a year finds every overlapping period and
     * exact=true leaves the marked ones out */
    const char *in2024 = ids("/v1/figures?year=2024&sort=id");
    assert_non_null(strstr(in2024, "tuyen-quang-passports-married-citizens"));
    assert_non_null(strstr(in2024, "yunnan-four-provinces-delegations-548"));
    assert_null(strstr(ids("/v1/figures?year=2024&exact=true&sort=id"), "delegations-548"));
    /* outside knowledge is labelled, in its own field */
    json_t *m = get("/v1/mechanisms/conference-yunnan", 200);
    assert_null(strstr(str(m, "description"), "alternat"));
    assert_non_null(
        strstr(str(json_array_get(json_object_get(m, "background"), 1), "text"), "in turn"));
    json_decref(m);
    p = get("/v1/protocols/vietnam-china-land-border-legal-documents", 200);
    assert_true(json_is_null(json_object_get(p, "note")));
    assert_non_null(
        strstr(str(json_array_get(json_object_get(p, "background"), 0), "text"), "1999"));
    json_decref(p);
}

/* item 3: quotes state what the fact claims */
static void quotes_carry_the_claim(void **state)
{
    (void)state;
    json_t *g = get("/v1/border-gate-projects/thanh-thuy-thien-bao-road", 200);
    json_t *e = json_array_get(json_object_get(g, "events"), 0);
    assert_true(quoted(json_object_get(e, "sources"), "wspieranie postępów w projektach"));
    json_decref(g);
    json_t *m = get("/v1/meetings/jwg-yunnan-11", 200);
    size_t i;
    json_t *d;
    int seen = 0;
    json_array_foreach(json_object_get(m, "decisions"), i, d)
    {
        if (strncmp(str(d, "text"), "Hoang Minh Son", 14) != 0)
            continue;
        assert_true(
            quoted(json_object_get(d, "sources"), "Handlingsplanen för perioden 2023–2026"));
        assert_true(quoted(json_object_get(d, "sources"), "smarta gränsövergångar"));
        seen = 1;
    }
    assert_true(seen);
    json_decref(m);
    json_t *f = get("/v1/figures/quang-ninh-delegations-received-2024", 200);
    assert_true(quoted(json_object_get(f, "sources"), "År 2024"));
    json_decref(f);
    f = get("/v1/figures/sugarcane-area-lai-chau", 200);
    assert_true(quoted(json_object_get(f, "sources"), "sockerrörsodling"));
    json_decref(f);
}

/* item 4: the events the schema lacked, with their own resource */
static void events_are_a_resource(void **state)
{
    (void)state;
    assert_string_equal(
        ids("/v1/events?sort=id"),
        "dongxing-mong-cai-exhibition-week-2024,lai-chau-hong-ha-border-inspection-"
        "2024,puer-cross-border-infectious-disease-exercise-2025,spring-greetings-at-"
        "the-border");
    assert_string_equal(ids("/v1/events?kind=exercise"),
                        "puer-cross-border-infectious-disease-exercise-2025");
    assert_string_equal(ids("/v1/events?year=2024&sort=id"),
                        "dongxing-mong-cai-exhibition-week-2024,lai-chau-hong-ha-border-inspection-"
                        "2024");
    assert_string_equal(ids("/v1/events?from=2025-01"),
                        "puer-cross-border-infectious-disease-exercise-2025");
    assert_string_equal(ids("/v1/events?status=recurring"), "spring-greetings-at-the-border");
    assert_string_equal(ids("/v1/events?province=guangxi"),
                        "dongxing-mong-cai-exhibition-week-2024");
    /* Yunnan as the province of Hong Ha and Kim Binh is inferred */
    assert_string_equal(ids("/v1/events?province=yunnan&sort=id"),
                        "lai-chau-hong-ha-border-inspection-2024,spring-greetings-at-the-border");
    assert_string_equal(ids("/v1/events?province=yunnan&exact=true"), "");
    assert_string_equal(ids("/v1/events?meeting=elfte%20m%C3%B6tet&sort=id"),
                        "lai-chau-hong-ha-border-inspection-2024,puer-cross-border-infectious-"
                        "disease-exercise-2025,spring-greetings-at-the-border");
    /* by id, by title, by an alias in another language */
    json_t *e = get("/v1/events/V%C3%A5rh%C3%A4lsningar%20vid%20gr%C3%A4nsen", 200);
    assert_string_equal(str(e, "id"), "spring-greetings-at-the-border");
    assert_string_equal(str(e, "type"), "event");
    assert_string_equal(str(e, "kind"), "exchange_programme");
    assert_true(json_is_null(json_object_get(e, "date")));
    assert_string_equal(json_string_value(json_array_get(json_object_get(e, "parties"), 0)),
                        "lai-chau");
    assert_string_equal(str(json_array_get(json_object_get(e, "organisations"), 1), "name"),
                        "Kim Binh district");
    assert_string_equal(str(json_array_get(json_object_get(e, "meetings"), 0), "id"),
                        "jwg-yunnan-11");
    json_decref(e);
    e = get("/v1/events/Bilateral%20border%20inspection%20of%20Lai%20Chau%20province%20and%20Hong%"
            "20Ha%20district",
            200);
    assert_string_equal(str(e, "date"), "2024-05");
    json_decref(e);
    /* the meeting lists what was reported at it; sources and provinces count them */
    json_t *m = get("/v1/meetings/jwg-yunnan-11?fields=events", 200);
    assert_int_equal(json_array_size(json_object_get(m, "events")), 3);
    json_decref(m);
    json_t *s = get("/v1/sources/vietnamvn-quang-ninh-guangxi-sv?fields=facts", 200);
    assert_true(holds(json_object_get(json_object_get(s, "facts"), "events"),
                      "dongxing-mong-cai-exhibition-week-2024"));
    json_decref(s);
    e = get("/v1/events?kind=parade", 400);
    assert_string_equal(str(e, "parameter"), "kind");
    json_decref(e);
    e = get("/v1/events/nope", 404);
    json_decref(e);
}

/* item 5: a figure reported at two meetings belongs to both */
static void figures_of_several_meetings(void **state)
{
    (void)state;
    assert_string_equal(ids("/v1/figures?meeting=conference-yunnan-5"),
                        "yunnan-four-provinces-delegations-548,"
                        "yunnan-four-provinces-trade-since-jwg-10");
    assert_non_null(strstr(ids("/v1/figures?meeting=jwg-yunnan-11"), "delegations-548"));
    json_t *f = get("/v1/figures/yunnan-four-provinces-delegations-548?fields=meetings", 200);
    assert_int_equal(json_array_size(json_object_get(f, "meetings")), 2);
    json_decref(f);
}

/* item 6: overlapping figures and periods of different lengths are marked in /v1/stats */
static void stats_mark_overlaps(void **state)
{
    (void)state;
    json_t *st = get("/v1/stats", 200);
    json_t *pairs = json_object_get(json_object_get(st, "trade_turnover"), "by_pair");
    size_t i;
    json_t *pair;
    int tq = 0;
    json_array_foreach(pairs, i, pair)
    {
        json_t *parties = json_object_get(pair, "parties");
        assert_true(json_is_array(parties));
        if (json_array_size(parties) == 2 && holds(parties, "tuyen-quang")) {
            /* 12 months of 2024 and 9 months of 2025: not one series */
            assert_true(json_is_false(json_object_get(pair, "comparable")));
            json_t *p0 = json_array_get(json_object_get(pair, "points"), 0);
            assert_int_equal(json_integer_value(json_object_get(p0, "months")), 12);
            json_t *ov = json_object_get(p0, "overlaps");
            assert_true(json_array_size(ov) >= 1);
            assert_string_equal(str(json_array_get(ov, 0), "relation"), "part_of");
            tq = 1;
        }
    }
    assert_true(tq);
    json_decref(st);
}

/* The overlap of `id` with `other` in the array ov (NULL when there is none). */
static json_t *overlap_with(json_t *ov, const char *other)
{
    size_t i;
    json_t *o;
    json_array_foreach(ov, i, o)
    {
        if (strcmp(str(o, "id"), other) == 0)
            return o;
    }
    return NULL;
}

/* Finding 4: figures whose quotes do not name their parties are marked, and exact=true
 * leaves them out of a province filter. */
static void parties_no_quote_names_are_inferred(void **state)
{
    (void)state;
    static const char *const unnamed[] = {
        "yunnan-four-provinces-delegations-500", "yunnan-four-provinces-delegations-548",
        "tuyen-quang-yunnan-trade-2024", "tuyen-quang-yunnan-trade-2025-9m"};
    char all[2048], exact[2048];
    snprintf(all, sizeof all, "%s", ids("/v1/figures?province=yunnan&limit=500"));
    snprintf(exact, sizeof exact, "%s", ids("/v1/figures?province=yunnan&exact=true&limit=500"));
    for (size_t i = 0; i < sizeof unnamed / sizeof unnamed[0]; i++) {
        char target[160];
        snprintf(target, sizeof target, "/v1/figures/%s?fields=inferred", unnamed[i]);
        json_t *f = get(target, 200);
        assert_true(holds(json_object_get(f, "inferred"), "parties"));
        json_decref(f);
        assert_null(strstr(exact, unnamed[i]));
    }
    assert_non_null(strstr(all, "tuyen-quang-yunnan-trade-2024"));
    /* a figure whose quote names both sides stays */
    assert_non_null(strstr(exact, "lai-chau-officials-trained-yunnan"));
}

/* Finding 6: the relation of two figures follows from their parties and their periods. */
static void overlaps_from_parties_and_periods(void **state)
{
    (void)state;
    json_t *f = get("/v1/figures/tuyen-quang-yunnan-trade-2024?fields=overlaps", 200);
    json_t *ov = json_object_get(f, "overlaps");
    /* all of 2024 against June 2024 - October 2025: only partly */
    json_t *o = overlap_with(ov, "yunnan-four-provinces-trade-since-jwg-10");
    assert_non_null(o);
    assert_string_equal(str(o, "relation"), "overlaps");
    assert_string_equal(str(o, "by_parties"), "part_of");
    assert_string_equal(str(o, "by_period"), "overlaps");
    /* the same year, fewer parties: part of it */
    o = overlap_with(ov, "yunnan-four-provinces-trade-2024");
    assert_string_equal(str(o, "relation"), "part_of");
    assert_string_equal(str(o, "by_period"), "same");
    json_decref(f);
    f = get("/v1/figures/yunnan-four-provinces-trade-since-jwg-10?fields=overlaps", 200);
    o = overlap_with(json_object_get(f, "overlaps"), "tuyen-quang-yunnan-trade-2025-9m");
    assert_string_equal(str(o, "relation"), "includes");
    o = overlap_with(json_object_get(f, "overlaps"), "yunnan-four-provinces-trade-2024");
    assert_string_equal(str(o, "relation"), "overlaps");
    assert_string_equal(str(o, "by_parties"), "same");
    json_decref(f);
    /* two statements of one quantity */
    f = get("/v1/figures/yunnan-four-provinces-delegations-500?fields=overlaps", 200);
    o = overlap_with(json_object_get(f, "overlaps"), "yunnan-four-provinces-delegations-548");
    assert_string_equal(str(o, "relation"), "same");
    json_decref(f);
    /* no period stated: the parties decide, and the period is unknown */
    f = get("/v1/figures/sugarcane-area-total?fields=overlaps", 200);
    o = overlap_with(json_object_get(f, "overlaps"), "sugarcane-area-lai-chau");
    assert_string_equal(str(o, "relation"), "includes");
    assert_string_equal(str(o, "by_period"), "unknown");
    json_decref(f);
}

/* Finding 7: the chart points of /v1/stats and /v1/series carry the conflicts. */
static void chart_points_carry_conflicts(void **state)
{
    (void)state;
    json_t *st = get("/v1/stats", 200);
    json_t *pairs = json_object_get(json_object_get(st, "trade_turnover"), "by_pair");
    size_t i, k;
    json_t *pair, *pt;
    int seen = 0;
    json_array_foreach(pairs, i, pair)
    {
        json_array_foreach(json_object_get(pair, "points"), k, pt)
        {
            json_t *cw = json_object_get(pt, "conflicts_with");
            assert_true(json_is_array(cw));
            if (strcmp(str(pt, "id"), "yunnan-four-provinces-trade-2024") == 0) {
                assert_string_equal(str(json_array_get(cw, 0), "id"),
                                    "yunnan-four-provinces-trade-since-jwg-10");
                json_t *o = overlap_with(json_object_get(pt, "overlaps"),
                                         "yunnan-four-provinces-trade-since-jwg-10");
                assert_string_equal(str(o, "relation"), "overlaps");
                seen++;
            }
        }
    }
    assert_int_equal(seen, 1);
    json_decref(st);
    json_t *se = get("/v1/series?metric=delegations_exchanged", 200);
    json_t *p0 = json_array_get(
        json_object_get(json_array_get(json_object_get(se, "series"), 0), "points"), 0);
    assert_string_equal(str(p0, "id"), "yunnan-four-provinces-delegations-500");
    assert_string_equal(str(json_array_get(json_object_get(p0, "conflicts_with"), 0), "id"),
                        "yunnan-four-provinces-delegations-548");
    assert_string_equal(str(json_array_get(json_object_get(p0, "overlaps"), 0), "relation"),
                        "same");
    assert_true(holds(json_object_get(p0, "inferred"), "parties"));
    json_decref(se);
}

/* Finding 10: /v1/stats counts the inferred fields of every kind of fact. */
static void stats_count_every_inferred_field(void **state)
{
    (void)state;
    json_t *st = get("/v1/stats", 200);
    json_t *counts = json_object_get(st, "counts");
    /* meetings, figures, projects, protocols and events alone hold fewer */
    long top = 0;
    static const char *const lists[] = {"meetings",  "figures", "border-gate-projects",
                                        "protocols", "events",  NULL};
    for (const char *const *l = lists; *l; l++) {
        char target[96];
        snprintf(target, sizeof target, "/v1/%s?fields=inferred&limit=500", *l);
        json_t *j = get(target, 200);
        size_t i;
        json_t *it;
        json_array_foreach(json_object_get(j, "data"), i, it)
        {
            top += (long)json_array_size(json_object_get(it, "inferred"));
        }
        json_decref(j);
    }
    long all = (long)json_integer_value(json_object_get(counts, "inferred_fields"));
    assert_true(all > top);
    assert_true(json_integer_value(json_object_get(counts, "inferred_facts")) > 0);
    json_decref(st);
}

/* Finding 21: an unknown or missing metric lists the metrics there are. */
static void series_lists_the_metrics(void **state)
{
    (void)state;
    json_t *p = get("/v1/series?metric=turnover", 400);
    assert_non_null(strstr(str(p, "detail"), "unknown metric 'turnover'; allowed: "));
    assert_non_null(strstr(str(p, "detail"), "trade_turnover"));
    assert_non_null(strstr(str(p, "detail"), "delegations_exchanged"));
    assert_string_equal(str(p, "parameter"), "metric");
    json_decref(p);
    p = get("/v1/series", 400);
    assert_non_null(strstr(str(p, "detail"), "metric is required; allowed: "));
    json_decref(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_fact_has_an_inferred_list),
        cmocka_unit_test(a_year_read_from_the_publication_date_is_marked),
        cmocka_unit_test(exact_is_kept_in_meta_and_links),
        cmocka_unit_test(statuses_and_dates_only_from_the_text),
        cmocka_unit_test(quotes_carry_the_claim),
        cmocka_unit_test(events_are_a_resource),
        cmocka_unit_test(figures_of_several_meetings),
        cmocka_unit_test(stats_mark_overlaps),
        cmocka_unit_test(parties_no_quote_names_are_inferred),
        cmocka_unit_test(overlaps_from_parties_and_periods),
        cmocka_unit_test(chart_points_carry_conflicts),
        cmocka_unit_test(stats_count_every_inferred_field),
        cmocka_unit_test(series_lists_the_metrics),
    };
    return cmocka_run_group_tests_name("facts", tests, setup, teardown);
}
