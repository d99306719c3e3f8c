/* test_shapes.c: the real bordercoopd answers the same way everywhere: any name works as an
 * id, one shape per concept (parties, mechanism, links, CSV columns), search results a
 * person can use, and HTTP headers that are never cut and never claim a wrong length. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "harness.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bct_daemon D, OFF; /* OFF: the same store with the response cache off */
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
    if (bct_tmpdir(TMP, sizeof TMP, "shapes") != 0)
        return -1;
    snprintf(DB, sizeof DB, "%s/store.db", TMP);
    bc_err err;
    if (bc_loader_build(data && *data ? data : "data", DB, NULL, &err) != 0) {
        fprintf(stderr, "building the store: %s\n", err.msg);
        return -1;
    }
    const char *off[] = {"--cache-bytes", "0", NULL};
    if (bct_daemon_start(&D, daemon, DB, NULL, 10000) != 0)
        return -1;
    return bct_daemon_start(&OFF, daemon, DB, off, 10000);
}

static int teardown(void **state)
{
    (void)state;
    int a = bct_daemon_stop(&D, 10000), b = bct_daemon_stop(&OFF, 10000);
    return bct_tmpdir_remove(TMP) != 0 || a != 0 || b != 0 ? -1 : 0;
}

/* GET target on port with headers (NULL-terminated, may be NULL); expects status. */
static void fetch(int port, const char *target, const char *const *headers, int status,
                  bct_response *out)
{
    if (bct_get(port, target, headers, out) != 0)
        fail_msg("GET %s: no response", target);
    if (out->status != status)
        fail_msg("GET %s: status %d, want %d: %.300s", target, out->status, status, out->body);
}

static json_t *get(const char *target, int status)
{
    bct_response r;
    fetch(D.port, target, NULL, status, &r);
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

/* item 7: every resource resolves by its names and shows its aliases */
static void any_name_works(void **state)
{
    (void)state;
    static const struct {
        const char *path, *id;
    } names[] = {
        {"/v1/meetings/11th%20meeting%20of%20the%20Joint%20Working%20Group%20of%20Lai%20Chau%2C%"
         "20Lao%20Cai%2C%20Tuyen%20Quang%2C%20Dien%20Bien%20and%20Yunnan",
         "jwg-yunnan-11"},
        {"/v1/meetings/ELFTE%20M%C3%96TET", "jwg-yunnan-11"},
        {"/v1/protocols/Protok%C3%B3%C5%82%20z%20V%20dorocznej%20konferencji",
         "conference-yunnan-5-protocol"},
        {"/v1/protocols/Cooperation%20agreement%20on%20sugarcane%20cultivation",
         "yunnan-sugarcane-cooperation-agreement"},
        {"/v1/mechanisms/Joint%20Working%20Group%20of%20Lai%20Chau%2C%20Lao%20Cai%2C%20Tuyen%"
         "20Quang%2C%20Dien%20Bien%20(Vietnam)%20and%20Yunnan%20(China)",
         "jwg-yunnan"},
        {"/v1/mechanisms/annual%20conference", "conference-yunnan"},
        {"/v1/sources/Tightening%20friendly%20cooperation%20and%20widening%20comprehensive%"
         "20cooperation%20between%20localities%20of%20Vietnam%20and%20China",
         "baotuyenquang-5th-conference-nl"},
        {"/v1/sources/St%C3%A4rka%20v%C3%A4nskapliga%20relationer%20och%20samarbete%20mellan%"
         "20Quang%20Ninh%20och%20Guangxi",
         "vietnamvn-quang-ninh-guangxi-sv"},
        {"/v1/events/Spring%20greetings%20at%20the%20border", "spring-greetings-at-the-border"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        json_t *j = get(names[i].path, 200);
        assert_string_equal(str(j, "id"), names[i].id);
        json_decref(j);
    }
    /* every named resource shows its aliases (figures are quantities with exact ids) */
    static const char *const lists[] = {
        "/v1/meetings", "/v1/border-gate-projects", "/v1/protocols", "/v1/provinces", "/v1/people",
        "/v1/sources",  "/v1/mechanisms",           "/v1/events"};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        char target[96];
        snprintf(target, sizeof target, "%s?limit=500&fields=aliases", lists[l]);
        json_t *j = get(target, 200);
        size_t i;
        json_t *d;
        json_array_foreach(json_object_get(j, "data"), i,
                           d) if (!json_is_array(json_object_get(d, "aliases")))
            fail_msg("%s %s: no aliases", lists[l], str(d, "id"));
        json_decref(j);
    }
    json_t *m = get("/v1/meetings/jwg-yunnan-11?fields=aliases", 200);
    assert_string_equal(str(json_array_get(json_object_get(m, "aliases"), 0), "alias"),
                        "11. spotkanie Wspólnej Grupy Roboczej");
    json_decref(m);
}

/* 1 when every member of arr is a string */
static int all_strings(json_t *arr)
{
    size_t i;
    json_t *v;
    if (!json_is_array(arr))
        return 0;
    json_array_foreach(arr, i, v) if (!json_is_string(v)) return 0;
    return 1;
}

/* item 8: one shape per concept */
static void one_shape_per_concept(void **state)
{
    (void)state;
    static const char *const with_parties[] = {"/v1/figures?limit=500", "/v1/protocols?limit=500",
                                               "/v1/events?limit=500"};
    for (size_t l = 0; l < 3; l++) {
        json_t *j = get(with_parties[l], 200);
        size_t i;
        json_t *d;
        json_array_foreach(json_object_get(j, "data"), i,
                           d) if (!all_strings(json_object_get(d, "parties")))
            fail_msg("%s %s: parties is not a list of province ids", with_parties[l], str(d, "id"));
        json_decref(j);
    }
    json_t *st = get("/v1/stats", 200);
    json_t *tt = json_object_get(st, "trade_turnover");
    size_t i, k;
    json_t *pair, *point;
    json_array_foreach(json_object_get(tt, "by_pair"), i, pair)
    {
        assert_true(all_strings(json_object_get(pair, "parties")));
        /* the links point where the lists do */
        json_array_foreach(json_object_get(pair, "points"), k, point)
        {
            assert_true(all_strings(json_object_get(point, "parties")));
            const char *self = str(json_object_get(point, "links"), "self");
            json_t *f = get(self, 200);
            assert_string_equal(str(json_object_get(f, "links"), "self"), self);
            json_decref(f);
        }
    }
    /* the mechanism of a meeting is the same object everywhere */
    json_t *latest = json_object_get(json_object_get(st, "meetings"), "latest_held");
    char target[160];
    snprintf(target, sizeof target, "/v1/meetings/%s?fields=mechanism", str(latest, "id"));
    json_t *m = get(target, 200);
    assert_true(json_equal(json_object_get(m, "mechanism"), json_object_get(latest, "mechanism")));
    json_decref(m);
    json_decref(st);
    /* an object in CSV is its columns, not JSON in a cell */
    bct_response r;
    fetch(D.port, "/v1/trade-figures?format=csv&fields=change&sort=id", NULL, 200, &r);
    assert_true(
        strncmp(r.body, "id,change_value,change_unit,change_qualifier,change_basis\r\n", 58) == 0);
    assert_non_null(strstr(r.body, "tuyen-quang-yunnan-trade-2025-9m,88,percent,nearly,the same "
                                   "period of 2024\r\n"));
    assert_non_null(strstr(r.body, "tuyen-quang-yunnan-trade-2024,,,,\r\n"));
    assert_null(strchr(r.body, '{'));
    bct_response_free(&r);
    /* search has the list features: total, CSV, the same maximum page */
    fetch(D.port, "/v1/search?q=Yunnan&total=true&limit=500", NULL, 200, &r);
    json_t *s = json_loadb(r.body, r.body_len, 0, NULL);
    long total = (long)json_integer_value(json_object_get(json_object_get(s, "meta"), "total"));
    assert_true(total > 10);
    assert_int_equal((long)json_array_size(json_object_get(s, "data")), total);
    assert_int_equal(atol(bct_header_get(&r, "X-Total-Count")), total);
    json_decref(s);
    bct_response_free(&r);
    const char *csv[] = {"Accept: text/csv", NULL};
    fetch(D.port, "/v1/search?q=Hekou&limit=2", csv, 200, &r);
    assert_string_equal(bct_header_get(&r, "Content-Type"), "text/csv; charset=utf-8");
    static const char head[] =
        "type,id,title,snippet,score,langs,matches,link,paragraph,offset\r\n";
    assert_true(strncmp(r.body, head, sizeof head - 1) == 0);
    bct_response_free(&r);
    json_decref(get("/v1/search?q=Hekou&limit=501", 400));
    json_decref(get("/v1/search?q=Hekou&paragraphs=maybe", 400));
}

/* 1 when text contains word as a whole token (ids are joined by '-') */
static int has_token(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = strstr(text, word); p != NULL; p = strstr(p + 1, word)) {
        int before = p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '-');
        int after = !(isalnum((unsigned char)p[n]) || p[n] == '-');
        if (before && after)
            return 1;
    }
    return 0;
}

/* item 9: one hit per source, readable snippets, sources told apart */
static void search_results_a_person_can_use(void **state)
{
    (void)state;
    /* every id in the store, to make sure no snippet shows one */
    static const char *const lists[] = {
        "/v1/meetings?limit=500&fields=id",  "/v1/figures?limit=500&fields=id",
        "/v1/protocols?limit=500&fields=id", "/v1/border-gate-projects?limit=500&fields=id",
        "/v1/people?limit=500&fields=id",    "/v1/mechanisms?limit=500&fields=id",
        "/v1/events?limit=500&fields=id"};
    json_t *ids = json_array();
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++) {
        json_t *j = get(lists[l], 200);
        size_t i;
        json_t *d;
        json_array_foreach(json_object_get(j, "data"), i, d)
            json_array_append(ids, json_object_get(d, "id"));
        json_decref(j);
    }
    static const char *const queries[] = {"Yunnan", "Tuyen%20Quang", "trade",
                                          "Hekou",  "bridge",        "delegations",
                                          "2024",   "exercise",      "conference"};
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        char target[128];
        snprintf(target, sizeof target, "/v1/search?q=%s&limit=500", queries[q]);
        json_t *j = get(target, 200);
        json_t *seen = json_object();
        size_t i;
        json_t *hit;
        json_array_foreach(json_object_get(j, "data"), i, hit)
        {
            char key[200];
            snprintf(key, sizeof key, "%s/%s", str(hit, "type"), str(hit, "id"));
            if (json_object_get(seen, key) != NULL)
                fail_msg("q=%s: %s is hit twice", queries[q], key);
            json_object_set_new(seen, key, json_true());
            const char *snip = str(hit, "snippet");
            size_t k;
            json_t *id;
            json_array_foreach(ids, k, id) if (strchr(json_string_value(id), '-') != NULL &&
                                               has_token(snip, json_string_value(id)))
                fail_msg("q=%s: the snippet of %s shows the id %s: %s", queries[q], key,
                         json_string_value(id), snip);
            static const char *const codes[] = {
                "trade_turnover",       "railway_bridge", "gate_pair",
                "working_group",        "road_bridge",    "joint_statement",
                "delegations_exchanged"};
            for (size_t c = 0; c < sizeof codes / sizeof codes[0]; c++)
                if (strstr(snip, codes[c]) != NULL)
                    fail_msg("q=%s: the snippet of %s shows the code %s", queries[q], key,
                             codes[c]);
        }
        json_decref(seen);
        json_decref(j);
    }
    json_decref(ids);
    /* paragraphs=true lists every matching paragraph of an article */
    json_t *one = get("/v1/search?q=Tuyen%20Quang&type=source&total=true", 200);
    json_t *all = get("/v1/search?q=Tuyen%20Quang&type=source&paragraphs=true&total=true", 200);
    long sources = (long)json_integer_value(json_object_get(json_object_get(one, "meta"), "total"));
    long paras = (long)json_integer_value(json_object_get(json_object_get(all, "meta"), "total"));
    assert_int_equal(sources, 4);
    assert_true(paras > sources);
    long sum = 0;
    size_t i;
    json_t *hit;
    json_array_foreach(json_object_get(one, "data"), i, hit) sum +=
        (long)json_integer_value(json_object_get(hit, "matches"));
    assert_int_equal(sum, paras);
    /* the two articles of Báo Tuyên Quang are told apart by their titles */
    const char *t1 = NULL, *t2 = NULL;
    json_array_foreach(json_object_get(one, "data"), i, hit)
    {
        if (strcmp(str(hit, "id"), "baotuyenquang-tuyen-quang-yunnan-pl") == 0)
            t1 = str(hit, "title");
        if (strcmp(str(hit, "id"), "baotuyenquang-5th-conference-nl") == 0)
            t2 = str(hit, "title");
    }
    assert_non_null(t1);
    assert_non_null(t2);
    assert_string_not_equal(t1, t2);
    assert_null(strstr(t1, "Báo Tuyên Quang"));
    json_decref(one);
    json_decref(all);
}

/* item 10: headers never cut, 304s with the representation's length, preflights that
 * name the route's own methods */
static void http_details(void **state)
{
    (void)state;
    /* page 2 of a list whose cursors are long: the Link header carries both, whole */
    const char *first = "/v1/mechanisms?sort=name,kind&fields=id,type,name,kind,description,"
                        "members,meetings,sources,links&limit=1";
    json_t *p1 = get(first, 200);
    char next[4096];
    snprintf(next, sizeof next, "%s", str(json_object_get(p1, "links"), "next"));
    json_decref(p1);
    bct_response r;
    fetch(D.port, next, NULL, 200, &r);
    json_t *p2 = json_loadb(r.body, r.body_len, 0, NULL);
    json_t *links = json_object_get(p2, "links");
    char want[9000];
    snprintf(want, sizeof want, "<%s>; rel=\"next\", <%s>; rel=\"prev\"", str(links, "next"),
             str(links, "prev"));
    assert_true(strlen(want) > 480);
    assert_string_equal(bct_header_get(&r, "Link"), want);
    json_decref(p2);
    bct_response_free(&r);
    /* a 304 has no body; its Content-Length is that of the representation it stands for,
     * cached or not, plain or gzip (libmicrohttpd 0.9.75 always writes one) */
    const int ports[] = {D.port, OFF.port};
    const char *plain[] = {NULL}, *gz[] = {"Accept-Encoding: gzip", NULL};
    const char *const *variants[] = {plain, gz};
    for (size_t p = 0; p < 2; p++)
        for (size_t v = 0; v < 2; v++) {
            bct_response full, nm;
            fetch(ports[p], "/v1/meetings", variants[v], 200, &full);
            char inm[128];
            snprintf(inm, sizeof inm, "If-None-Match: %s", bct_header_get(&full, "ETag"));
            const char *h[] = {inm, variants[v][0], NULL};
            fetch(ports[p], "/v1/meetings", h, 304, &nm);
            assert_int_equal(nm.body_len, 0);
            const char *cl = bct_header_get(&nm, "Content-Length");
            if (cl != NULL)
                assert_string_equal(cl, bct_header_get(&full, "Content-Length"));
            assert_string_not_equal(bct_header_get(&full, "Content-Length"), "0");
            bct_response_free(&full);
            bct_response_free(&nm);
        }
    /* a read-only route's preflight does not offer POST; the one that takes it does */
    bct_conn *c = bct_connect(D.port, 0);
    assert_non_null(c);
    const char *pre[] = {"Origin: http://dashboard.example", "Access-Control-Request-Method: GET",
                         NULL};
    assert_int_equal(bct_request(c, "OPTIONS", "/v1/meetings", pre, NULL, 0, &r), 0);
    assert_int_equal(r.status, 204);
    assert_string_equal(bct_header_get(&r, "Access-Control-Allow-Methods"), "GET, HEAD, OPTIONS");
    bct_response_free(&r);
    assert_int_equal(bct_request(c, "OPTIONS", "/v1/sources", pre, NULL, 0, &r), 0);
    assert_non_null(strstr(bct_header_get(&r, "Access-Control-Allow-Methods"), "POST"));
    bct_response_free(&r);
    bct_close(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(any_name_works),
        cmocka_unit_test(one_shape_per_concept),
        cmocka_unit_test(search_results_a_person_can_use),
        cmocka_unit_test(http_details),
    };
    return cmocka_run_group_tests_name("shapes", tests, setup, teardown);
}
