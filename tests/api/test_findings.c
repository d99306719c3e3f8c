/* test_findings.c: the outsider fact-checker's API findings (issue 14) against the real
 * daemon: one CSV cell writer for every CSV, the seven ingest languages as filters,
 * protocols with their curation, names in the articles' languages and ambiguous names,
 * readable search hits of machine-read facts. */
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

#define TOKEN "findings-token-0123456789abcdef"

static bct_daemon D;
static char TMP[64], DB[128];

/* a French article (the seventh ingest language) whose title a spreadsheet would run */
static const char FR_TITLE[] = "=HYPERLINK(\"http://example.invalid\",\"Lao Cai\") zephyrine";
static const char FR_TEXT[] =
    "Le 12 mars 2026, la province de Lao Cai et le Yunnan ont tenu une réunion à Hekou sur "
    "la coopération frontalière zephyrine.\n\n"
    "Les deux parties ont examiné le commerce transfrontalier zephyrine et les postes "
    "frontaliers de la région, ainsi que le tourisme et les transports.\n\n"
    "Elles ont aussi parlé de formation zephyrine, de santé et de culture entre les "
    "localités des deux pays voisins.\n";

/* an English article whose figures are machine-read */
static const char EN_TEXT[] =
    "On March 18, 2026, the 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
    "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Kunming. The two sides "
    "reported that import-export turnover between the four Vietnamese provinces and Yunnan "
    "reached USD 8.1 billion in 2025. Nearly 600 delegations were exchanged in 2025.\n";

/* POSTs an article; 0 when it was stored (201). */
static int post_article(const char *text, const char *lang, const char *title, const char *pub)
{
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", text, "lang", lang, "title", title,
                          "published_on", pub);
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    const char *h[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json", NULL};
    bct_conn *c = bct_connect(D.port, 10000);
    bct_response r;
    int rc = c != NULL ? bct_request(c, "POST", "/v1/sources", h, body, strlen(body), &r) : -1;
    free(body);
    if (c != NULL)
        bct_close(c);
    if (rc != 0 || r.status != 201) {
        fprintf(stderr, "ingesting '%s': %d %.300s\n", title, rc == 0 ? r.status : -1,
                rc == 0 ? r.body : "");
        if (rc == 0)
            bct_response_free(&r);
        return -1;
    }
    bct_response_free(&r);
    return 0;
}

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "findings") != 0)
        return -1;
    int rc = bct_daemon_start_token(&D, DB, TOKEN);
    if (rc != 0)
        return -1;
    /* the articles, ingested once for every test */
    if (post_article(FR_TEXT, "fr", FR_TITLE, "2026-03-13") != 0)
        return -1;
    return post_article(EN_TEXT, "en", "Lao Cai and Yunnan hold the 12th meeting", "2026-03-19");
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

static void fetch(const char *target, int status, bct_response *out)
{
    if (bct_get(D.port, target, NULL, out) != 0)
        fail_msg("GET %s: no response", target);
    if (out->status != status)
        fail_msg("GET %s: status %d, want %d: %.300s", target, out->status, status, out->body);
}

static json_t *get(const char *target, int status)
{
    bct_response r;
    fetch(target, status, &r);
    json_error_t je;
    json_t *j = json_loadb(r.body, r.body_len, 0, &je);
    bct_response_free(&r);
    if (j == NULL)
        fail_msg("GET %s: not JSON: %s", target, je.text);
    return j;
}

static const char *str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v))
        fail_msg("'%s' is not a string", key);
    return json_string_value(v);
}

static long total(json_t *j)
{
    return (long)json_integer_value(json_object_get(json_object_get(j, "meta"), "total"));
}

/* item 11: search CSV and list CSV write a formula-like cell the same way: the ' inside
 * the quotes, so the field, unquoted, starts with ' */
static void one_csv_cell_writer(void **state)
{
    (void)state;
    static const char want[] = "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"Lao Cai\"\") "
                               "zephyrine\"";
    const char *targets[] = {"/v1/search?q=zephyrine&type=source&curation=all&format=csv",
                             "/v1/sources?lang=fr&curation=all&format=csv&fields=id,title"};
    for (size_t i = 0; i < 2; i++) {
        bct_response r;
        fetch(targets[i], 200, &r);
        if (strstr(r.body, want) == NULL)
            fail_msg("%s: no neutralised title cell in: %.600s", targets[i], r.body);
        assert_null(strstr(r.body, "'\"="));
        bct_response_free(&r);
    }
}

/* item 13: every language the ingest reads is a filter of /v1/sources and /v1/search */
static void every_ingest_language_filters(void **state)
{
    (void)state;
    json_t *j = get("/v1/sources?lang=fr&curation=all&total=true", 200);
    assert_int_equal(total(j), 1);
    json_decref(j);
    const char *search[] = {"/v1/search?q=zephyrine&lang=fr&curation=all&total=true",
                            "/v1/search?q=zephyrine&lang=FR&curation=all&total=true"};
    for (size_t i = 0; i < 2; i++) {
        j = get(search[i], 200);
        assert_true(total(j) >= 1);
        assert_string_equal(str(json_object_get(json_object_get(j, "meta"), "filters"), "lang"),
                            "fr");
        json_decref(j);
    }
    j = get("/v1/search?q=zephyrine&lang=pl&curation=all&total=true", 200);
    assert_int_equal(total(j), 0);
    json_decref(j);
    j = get("/v1/search?q=Yunnan&lang=de", 400);
    assert_non_null(strstr(str(j, "detail"), "allowed: en, fr, nl, pl, sv, vi, zh"));
    json_decref(j);
    j = get("/v1/sources?lang=de", 400);
    assert_non_null(strstr(str(j, "detail"), "en, fr, nl, pl, sv, vi, zh"));
    json_decref(j);
}

/* item 12: protocols carry their curation, filter and facet on it like the other facts */
static void protocols_carry_curation(void **state)
{
    (void)state;
    json_t *j = get("/v1/protocols/conference-yunnan-5-protocol", 200);
    assert_string_equal(str(j, "curation"), "curated");
    json_decref(j);
    j = get("/v1/protocols?facets=curation&limit=1&fields=title", 200);
    json_t *facet =
        json_object_get(json_object_get(json_object_get(j, "meta"), "facets"), "curation");
    assert_int_equal(json_array_size(facet), 1);
    assert_string_equal(str(json_array_get(facet, 0), "value"), "curated");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(facet, 0), "count")),
                     total(j));
    json_decref(j);
    j = get("/v1/protocols?curation=extracted&total=true", 200);
    assert_int_equal(total(j), 0);
    json_decref(j);
    bct_response r;
    fetch("/v1/protocols?format=csv&fields=id,curation&limit=1", 200, &r);
    assert_non_null(strstr(r.body, "id,curation\r\n"));
    assert_non_null(strstr(r.body, ",curated\r\n"));
    bct_response_free(&r);
}

/* item 14: the names the articles use resolve; a name several things share answers a
 * problem detail with the candidates, never a bare "no such id" */
static void names_in_the_articles_languages(void **state)
{
    (void)state;
    static const struct {
        const char *path, *id;
    } names[] = {
        {"/v1/meetings/IV%20Konferencji", "conference-yunnan-4"},
        {"/v1/meetings/vierde%20jaarlijkse%20conferentie", "conference-yunnan-4"},
        {"/v1/meetings/10%3Ae%20sessionen", "jwg-yunnan-10"},
        {"/v1/meetings/v%C3%A5rm%C3%B6tet%202024", "spring-meeting-guangxi-2024"},
        {"/v1/mechanisms/v%C3%A5rm%C3%B6tet", "spring-meeting-guangxi"},
        {"/v1/mechanisms/gemensamma%20arbetsgruppen", "jwg-yunnan"},
        {"/v1/mechanisms/Wsp%C3%B3lna%20Grupa%20Robocza", "jwg-yunnan"},
        {"/v1/mechanisms/Wsp%C3%B3lnej%20Grupy%20Roboczej", "jwg-yunnan"},
        {"/v1/protocols/Porozumienie%20o%20wsp%C3%B3%C5%82pracy%20le%C5%9Bnej%20oraz%20ochronie%"
         "20dzikiej%20przyrody%20i%20ro%C5%9Blin%20na%20pograniczu",
         "tuyen-quang-yunnan-forest-agreement"},
        {"/v1/protocols/Handlingsplanen%20f%C3%B6r%20perioden%202023%E2%80%932026",
         "moit-yunnan-action-plan-2023-2026"},
        {"/v1/border-gate-projects/Hoanh%20Mo%20-%20Dong%20Trung",
         "hoanh-mo-dong-trung-border-gate"},
        {"/v1/border-gate-projects/%E6%B2%B3%E5%8F%A3", "lao-cai-hekou-railway-bridge"},
        {"/v1/border-gate-projects/Ho%C3%A0nh%20M%C3%B4", "hoanh-mo-dong-trung-border-gate"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        json_t *j = get(names[i].path, 200);
        assert_string_equal(str(j, "id"), names[i].id);
        json_decref(j);
    }
    /* shared names: 404 with every candidate */
    static const char *const shared[] = {
        "/v1/border-gate-projects/Kim%20Thuy%20Ha",
        "/v1/border-gate-projects/Ma%20L%C3%B9%20Th%C3%A0ng",
        "/v1/border-gate-projects/Jinshuihe",
        "/v1/border-gate-projects/%E9%87%91%E6%B0%B4%E6%B2%B3",
    };
    for (size_t i = 0; i < sizeof shared / sizeof shared[0]; i++) {
        json_t *j = get(shared[i], 404);
        assert_string_equal(str(j, "code"), "ambiguous_name");
        json_t *c = json_object_get(j, "candidates");
        assert_int_equal(json_array_size(c), 2);
        assert_string_equal(str(json_array_get(c, 0), "id"), "ma-lu-thang-kim-thuy-ha-border-gate");
        assert_string_equal(str(json_array_get(c, 1), "id"), "ma-lu-thang-kim-thuy-ha-road-bridge");
        assert_string_equal(str(json_object_get(json_array_get(c, 1), "links"), "self"),
                            "/v1/border-gate-projects/ma-lu-thang-kim-thuy-ha-road-bridge");
        json_decref(j);
    }
    /* a word of one thing's name is a suggestion, not an answer */
    json_t *j = get("/v1/mechanisms/arbetsgruppen", 404);
    assert_string_equal(str(j, "code"), "not_found");
    assert_int_equal(json_array_size(json_object_get(j, "candidates")), 1);
    json_decref(j);
    /* a name of nothing is a plain 404 */
    j = get("/v1/meetings/nothing%20of%20the%20sort", 404);
    assert_string_equal(str(j, "code"), "not_found");
    assert_null(json_object_get(j, "candidates"));
    json_decref(j);
}

/* item 17: a machine-read fact's hit reads like a curated one (no metric codes, each
 * language once), and the paragraph hits of one article are told apart */
static void search_hits_of_machine_read_facts(void **state)
{
    (void)state;
    json_t *j = get("/v1/search?q=turnover&type=figure&curation=extracted", 200);
    json_t *data = json_object_get(j, "data");
    assert_true(json_array_size(data) >= 1);
    size_t i;
    json_t *hit;
    json_array_foreach(data, i, hit)
    {
        const char *title = str(hit, "title");
        assert_null(strstr(title, "trade_turnover"));
        assert_null(strstr(title, "extracted from"));
        assert_non_null(strstr(title, "Import-export turnover"));
        assert_non_null(strstr(title, "Lao Cai and Yunnan hold the 12th meeting"));
        assert_null(strstr(str(hit, "snippet"), "trade_turnover"));
        json_t *langs = json_object_get(hit, "langs");
        for (size_t a = 0; a < json_array_size(langs); a++)
            for (size_t b = a + 1; b < json_array_size(langs); b++)
                assert_string_not_equal(json_string_value(json_array_get(langs, a)),
                                        json_string_value(json_array_get(langs, b)));
        assert_true(json_is_null(json_object_get(hit, "paragraph")));
    }
    json_decref(j);
    /* every paragraph of the French article: three hits, three places */
    j = get("/v1/search?q=zephyrine&type=source&paragraphs=true&curation=all", 200);
    data = json_object_get(j, "data");
    assert_int_equal(json_array_size(data), 3);
    int seen[4] = {0};
    long offsets[3];
    json_array_foreach(data, i, hit)
    {
        json_int_t para = json_integer_value(json_object_get(hit, "paragraph"));
        assert_true(para >= 1 && para <= 3);
        seen[para]++;
        offsets[i] = (long)json_integer_value(json_object_get(hit, "offset"));
        /* the offset is where the paragraph starts in the article's text */
        const char *at = FR_TEXT;
        for (json_int_t k = 1; k < para; k++)
            at = strstr(at, "\n\n") + 2;
        assert_int_equal(offsets[i], (long)(at - FR_TEXT));
        for (size_t k = 0; k < i; k++)
            assert_string_not_equal(str(hit, "snippet"), str(json_array_get(data, k), "snippet"));
    }
    assert_int_equal(seen[1] + seen[2] + seen[3], 3);
    assert_true(seen[1] == 1 && seen[2] == 1 && seen[3] == 1);
    json_decref(j);
    bct_response r;
    fetch("/v1/search?q=zephyrine&type=source&paragraphs=true&curation=all&format=csv", 200, &r);
    assert_non_null(strstr(r.body, ",fr,1,/v1/sources/"));
    bct_response_free(&r);
    fetch("/v1/search?q=Hekou&type=border_gate_project&format=csv", 200, &r);
    assert_non_null(strstr(r.body, ",en|pl,"));
    bct_response_free(&r);
}

/* item 20: a preflight of a path that is no route fails and grants nothing */
static void preflight_of_no_route(void **state)
{
    (void)state;
    bct_conn *c = bct_connect(D.port, 10000);
    assert_non_null(c);
    const char *pre[] = {"Origin: http://dashboard.example", "Access-Control-Request-Method: GET",
                         NULL};
    bct_response r;
    assert_int_equal(bct_request(c, "OPTIONS", "/v1/nope", pre, NULL, 0, &r), 0);
    assert_int_equal(r.status, 404);
    assert_null(bct_header_get(&r, "Access-Control-Allow-Methods"));
    assert_null(bct_header_get(&r, "Access-Control-Allow-Headers"));
    bct_response_free(&r);
    assert_int_equal(bct_request(c, "OPTIONS", "/v1/meetings", pre, NULL, 0, &r), 0);
    assert_int_equal(r.status, 204);
    assert_string_equal(bct_header_get(&r, "Access-Control-Allow-Methods"), "GET, HEAD, OPTIONS");
    bct_response_free(&r);
    bct_close(c);
}

/* item 16: CSV is flat: no cell of any list holds JSON; objects are columns, lists are
 * items joined by '|' */
static void csv_is_flat(void **state)
{
    (void)state;
    static const char *const lists[] = {
        "/v1/meetings",   "/v1/figures",   "/v1/trade-figures", "/v1/border-gate-projects",
        "/v1/protocols",  "/v1/provinces", "/v1/people",        "/v1/sources",
        "/v1/mechanisms", "/v1/events"};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        char target[128];
        snprintf(target, sizeof target, "%s?format=csv&limit=500&curation=all", lists[i]);
        bct_response r;
        fetch(target, 200, &r);
        if (strchr(r.body, '{') != NULL || strstr(r.body, "[\"\"") != NULL)
            fail_msg("%s: JSON in a cell:\n%.800s", target, r.body);
        bct_response_free(&r);
    }
    static const struct {
        const char *target, *want;
    } cells[] = {
        {"/v1/border-gate-projects?format=csv&fields=provinces,vn_location&limit=1",
         "id,provinces_vn_id,provinces_cn_id,vn_location_lat,vn_location_lon,"},
        {"/v1/border-gate-projects?format=csv&fields=provinces&limit=1",
         "bac-luan-ii-bridge-clearance-point,quang-ninh,guangxi\r\n"},
        {"/v1/provinces?format=csv&fields=counts&limit=1", "id,counts_meetings,counts_figures,"},
        {"/v1/people?format=csv&fields=roles&limit=1",
         "giang-a-tinh,Vice Chairman of the Provincial People's Committee:Lai Chau Provincial "
         "People's Committee|Head of Lai Chau's Joint Working Group:"},
        {"/v1/figures/tuyen-quang-yunnan-trade-2024?fields=id", "\"id\""},
        {"/v1/trade-figures?format=csv&fields=parties,overlaps&limit=1",
         "tuyen-quang-yunnan-trade-2024,tuyen-quang|yunnan,yunnan-four-provinces-trade-2024:part_"
         "of|"},
        {"/v1/sources?format=csv&fields=facts&limit=1",
         "id,facts_meetings,facts_figures,facts_border_gate_projects,facts_protocols,"},
        {"/v1/meetings?format=csv&fields=provinces&limit=1",
         "conference-yunnan-4,dien-bien|ha-giang|lai-chau|lao-cai|yunnan\r\n"},
        {"/v1/search?q=Hekou&type=border_gate_project&format=csv&limit=1", ",en|pl,1,"},
    };
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        bct_response r;
        fetch(cells[i].target, 200, &r);
        if (strstr(r.body, cells[i].want) == NULL)
            fail_msg("%s: no %s in:\n%.800s", cells[i].target, cells[i].want, r.body);
        bct_response_free(&r);
    }
}

/* item 15: one shape for parties: every fact about provinces has `parties`, a list of
 * province ids; meetings are a list everywhere; projects filter by meeting */
static void one_shape_for_parties(void **state)
{
    (void)state;
    static const struct {
        const char *target, *parties;
    } docs[] = {
        {"/v1/meetings/conference-yunnan-5", "[\"dien-bien\",\"lai-chau\",\"lao-cai\",\"tuyen-"
                                             "quang\",\"yunnan\"]"},
        {"/v1/border-gate-projects/lao-cai-hekou-railway-bridge", "[\"lao-cai\",\"yunnan\"]"},
        {"/v1/border-gate-projects/lao-cai-hanoi-hai-phong-railway", "[\"lao-cai\"]"},
        {"/v1/mechanisms/jwc-guangxi",
         "[\"cao-bang\",\"ha-giang\",\"lang-son\",\"quang-ninh\",\"guangxi\"]"},
        {"/v1/figures/tuyen-quang-yunnan-trade-2024", "[\"tuyen-quang\",\"yunnan\"]"},
    };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        json_t *j = get(docs[i].target, 200);
        char *p = json_dumps(json_object_get(j, "parties"), JSON_COMPACT);
        if (p == NULL || strcmp(p, docs[i].parties) != 0)
            fail_msg("%s: parties %s, want %s", docs[i].target, p ? p : "(none)", docs[i].parties);
        free(p);
        json_decref(j);
    }
    json_t *j = get("/v1/protocols/conference-yunnan-5-protocol", 200);
    json_t *meetings = json_object_get(j, "meetings");
    assert_int_equal(json_array_size(meetings), 1);
    assert_string_equal(str(json_array_get(meetings, 0), "id"),
                        str(json_object_get(j, "meeting"), "id"));
    assert_string_equal(str(j, "signed_on_start"), "2025-10-30");
    assert_string_equal(str(j, "signed_on_end"), "2025-10-30");
    json_decref(j);
    j = get("/v1/border-gate-projects?meeting=jwg-yunnan-11&fields=meetings&total=true", 200);
    assert_true(total(j) >= 3);
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(j, "data"), i, item)
    {
        int found = 0;
        size_t k;
        json_t *m;
        json_array_foreach(json_object_get(item, "meetings"), k, m) found |=
            strcmp(str(m, "id"), "jwg-yunnan-11") == 0;
        assert_true(found);
    }
    json_decref(j);
}

/* POSTs an article (pub NULL: no published_on) and returns the parsed 201 answer (decref). */
static json_t *post_answer(const char *text, const char *lang, const char *title, const char *pub)
{
    json_t *o = json_pack("{s:s,s:s,s:s}", "text", text, "lang", lang, "title", title);
    if (pub != NULL)
        json_object_set_new(o, "published_on", json_string(pub));
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    const char *h[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json", NULL};
    bct_conn *c = bct_connect(D.port, 10000);
    assert_non_null(c);
    bct_response r;
    assert_int_equal(bct_request(c, "POST", "/v1/sources", h, body, strlen(body), &r), 0);
    free(body);
    bct_close(c);
    if (r.status != 201)
        fail_msg("ingesting '%s': %d %.300s", title, r.status, r.body);
    json_t *j = json_loads(r.body, 0, NULL);
    bct_response_free(&r);
    assert_non_null(j);
    return j;
}

/* analyst8 findings 5 and 16 over HTTP: talks dated only by a weekday and no
 * published_on are an undated event, counted in dates_without_year (the answer was
 * events 0 and every count 0); a Chinese title is named by the provinces it names; a
 * crossing written in Chinese is one named as the gazetteer records its places. */
static void weekday_talks_and_chinese_names(void **state)
{
    (void)state;
    json_t *j = post_answer("On Tuesday, leaders of Lao Cai and Yunnan held talks in Hekou on "
                            "border trade zephyrine.",
                            "en", "wk", NULL);
    json_t *ex = json_object_get(j, "extracted");
    assert_int_equal(json_integer_value(json_object_get(ex, "events")), 1);
    assert_int_equal(json_integer_value(json_object_get(ex, "dates_without_year")), 1);
    char path[300];
    snprintf(path, sizeof path, "/v1/events/%s-e1",
             json_string_value(json_object_get(json_object_get(j, "source"), "id")));
    json_decref(j);
    bct_response r;
    assert_int_equal(bct_get(D.port, path, NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "\"date\":null"));
    assert_non_null(strstr(r.body, "only as \\\"Tuesday\\\""));
    bct_response_free(&r);
    /* the same with no day at all: nothing, and nothing counted */
    j = post_answer("Leaders of Lao Cai and Yunnan held talks in Hekou on border trade zephyrine.",
                    "en", "nd", NULL);
    ex = json_object_get(j, "extracted");
    assert_int_equal(json_integer_value(json_object_get(ex, "events")), 0);
    assert_int_equal(json_integer_value(json_object_get(ex, "dates_without_year")), 0);
    json_decref(j);
    /* a Chinese title and a crossing written in Chinese */
    j = post_answer("越南友谊口岸—中国友谊关口岸货运量增长。", "zh", "老街省与云南省加强口岸合作",
                    "2026-11-20");
    const char *id = json_string_value(json_object_get(json_object_get(j, "source"), "id"));
    assert_true(strncmp(id, "lao-cai-yunnan-zh-", 18) == 0);
    assert_int_equal(json_integer_value(
                         json_object_get(json_object_get(j, "extracted"), "border_gate_projects")),
                     1);
    json_decref(j);
    assert_int_equal(
        bct_get(D.port, "/v1/border-gate-projects/huu-nghi-youyiguan-reported", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "\"name\":\"Huu Nghi - Youyiguan\""));
    bct_response_free(&r);
}

/* Outsider 14's recheck, N1: talks timed only by relative words ("last week", "on the
 * opening day of this year's fair", "earlier this month" without published_on) are an
 * undated event whose note quotes those words, counted in dates_without_year, in every
 * language (they were dropped with no fact and no count). With published_on, a week still
 * names no day: undated, the note saying so, never a date. */
static void talks_timed_by_relative_words(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *pub, *words;
    } cases[] = {
        {"en", "Leaders of Ha Giang and Yunnan held talks in Wenshan last week on tea quartzite.",
         NULL, "only as \\\"last week\\\""},
        {"en", "Leaders of Ha Giang and Yunnan held talks in Wenshan last week on tea basalt.",
         "2026-11-21", "holds no day or month a date could"},
        {"en",
         "Leaders of Ha Giang and Yunnan held talks in Wenshan on the opening day of this "
         "year's tea fair obsidian.",
         "2026-11-21", "only as \\\"the opening day of this year\\\""},
        {"en", "Earlier this month, leaders of Ha Giang and Yunnan held talks in Wenshan on tea.",
         NULL, "only a publication date could place"},
        {"fr",
         "Le jour d'ouverture de la foire du thé de cette année, les dirigeants de Ha Giang et "
         "du Yunnan se sont entretenus à Wenshan.",
         NULL, "jour d'ouverture"},
        {"zh", "本届茶叶博览会开幕当天，河江省与云南省领导在文山举行会谈。", NULL, "开幕当天"},
        {"vi",
         "Trong ngày khai mạc Hội chợ chè năm nay, lãnh đạo hai tỉnh Hà Giang và Vân Nam đã hội "
         "đàm tại Văn Sơn.",
         NULL, "ngày khai mạc"},
        {"pl",
         "W zeszłym tygodniu przywódcy prowincji Ha Giang i Junnan przeprowadzili rozmowy w "
         "Wenshanie o herbacie.",
         NULL, "W zeszłym tygodniu"},
        {"sv", "Förra veckan höll ledarna för Ha Giang och Yunnan samtal i Wenshan om te.", NULL,
         "Förra veckan"},
        {"nl",
         "Vorige week voerden de leiders van Ha Giang en Yunnan gesprekken in Wenshan over thee.",
         NULL, "Vorige week"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char title[16];
        snprintf(title, sizeof title, "rel%zu", i);
        json_t *j = post_answer(cases[i].text, cases[i].lang, title, cases[i].pub);
        json_t *ex = json_object_get(j, "extracted");
        if (json_integer_value(json_object_get(ex, "events")) != 1 ||
            json_integer_value(json_object_get(ex, "dates_without_year")) != 1)
            fail_msg("%s: events %lld, dates_without_year %lld", cases[i].text,
                     (long long)json_integer_value(json_object_get(ex, "events")),
                     (long long)json_integer_value(json_object_get(ex, "dates_without_year")));
        char path[300];
        snprintf(path, sizeof path, "/v1/events/%s-e1",
                 json_string_value(json_object_get(json_object_get(j, "source"), "id")));
        json_decref(j);
        bct_response r;
        assert_int_equal(bct_get(D.port, path, NULL, &r), 0);
        assert_int_equal(r.status, 200);
        if (strstr(r.body, "\"date\":null") == NULL || strstr(r.body, cases[i].words) == NULL)
            fail_msg("%s: %.600s", cases[i].text, r.body);
        bct_response_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_csv_cell_writer),
        cmocka_unit_test(every_ingest_language_filters),
        cmocka_unit_test(protocols_carry_curation),
        cmocka_unit_test(names_in_the_articles_languages),
        cmocka_unit_test(search_hits_of_machine_read_facts),
        cmocka_unit_test(preflight_of_no_route),
        cmocka_unit_test(csv_is_flat),
        cmocka_unit_test(one_shape_for_parties),
        cmocka_unit_test(weekday_talks_and_chinese_names),
        cmocka_unit_test(talks_timed_by_relative_words),
    };
    return cmocka_run_group_tests_name("findings", tests, setup, teardown);
}
