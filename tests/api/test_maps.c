/* test_maps.c: the map and the facets on the real daemon. Border gate projects and
 * provinces are GeoJSON FeatureCollections (Accept: application/geo+json or
 * format=geojson) with the list's filters, paging and Link header, every other list
 * refuses GeoJSON with 406, every gate pair, bridge and opening named in the articles is
 * located on both sides near the Vietnam-China border with a reference (or declared
 * unlocated, with the reason, in the reference file), provinces carry Wikidata ids; and
 * facet counts match the filtered totals. tests/geojson/check.mjs validates the recorded GeoJSON
 * with Mapbox's RFC 7946 linter (make test-geojson). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "harness.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
    if (bct_tmpdir(TMP, sizeof TMP, "maps") != 0)
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

/* GETs target with an optional Accept header; checks the status and, when ctype is not
 * NULL, the media type; returns the parsed body and the response (free both). */
static json_t *fetch(const char *target, const char *accept, int status, const char *ctype,
                     bct_response *r)
{
    char header[160];
    const char *headers[] = {header, NULL};
    if (accept != NULL)
        snprintf(header, sizeof header, "Accept: %s", accept);
    if (bct_get(D.port, target, accept != NULL ? headers : NULL, r) != 0)
        fail_msg("GET %s: no response", target);
    if (r->status != status)
        fail_msg("GET %s: status %d, want %d: %.300s", target, r->status, status, r->body);
    const char *ct = bct_header_get(r, "Content-Type");
    if (ctype != NULL && (ct == NULL || strncmp(ct, ctype, strlen(ctype)) != 0))
        fail_msg("GET %s: Content-Type %s, want %s", target, ct ? ct : "(none)", ctype);
    json_t *j = json_loadb(r->body, r->body_len, 0, NULL);
    if (j == NULL)
        fail_msg("GET %s: not JSON: %.200s", target, r->body);
    return j;
}

static json_t *get_json(const char *target, int status)
{
    bct_response r;
    json_t *j = fetch(target, NULL, status, NULL, &r);
    bct_response_free(&r);
    return j;
}

static json_t *get_geo(const char *target, bct_response *r)
{
    return fetch(target, "application/geo+json", 200, "application/geo+json", r);
}

/* ---- GeoJSON ------------------------------------------------------------------------ */

/* Checks one position [lon, lat]: two numbers, in range, in the region of the border
 * provinces (seats and routes reach Kunming and Nanning). */
static void check_position(json_t *pos, const char *id)
{
    assert_true(json_is_array(pos));
    assert_int_equal(json_array_size(pos), 2);
    double lon = json_number_value(json_array_get(pos, 0));
    double lat = json_number_value(json_array_get(pos, 1));
    if (!(lon > 100.0 && lon < 110.5 && lat > 20.0 && lat < 26.0))
        fail_msg("%s: position [%f, %f] is not [lon, lat] in the border region", id, lon, lat);
}

static void check_collection(json_t *j)
{
    assert_string_equal(json_string_value(json_object_get(j, "type")), "FeatureCollection");
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(j, "features"), i, f)
    {
        const char *id = json_string_value(json_object_get(f, "id"));
        assert_non_null(id);
        assert_string_equal(json_string_value(json_object_get(f, "type")), "Feature");
        json_t *p = json_object_get(f, "properties");
        assert_true(json_is_object(p));
        assert_string_equal(json_string_value(json_object_get(p, "id")), id);
        json_t *g = json_object_get(f, "geometry");
        size_t n = json_array_size(json_object_get(p, "locations"));
        if (n == 0) {
            assert_true(json_is_null(g));
            continue;
        }
        const char *type = json_string_value(json_object_get(g, "type"));
        json_t *c = json_object_get(g, "coordinates");
        if (n == 1) {
            assert_string_equal(type, "Point");
            check_position(c, id);
        } else {
            assert_string_equal(type, "MultiPoint");
            assert_int_equal(json_array_size(c), n);
            for (size_t k = 0; k < n; k++)
                check_position(json_array_get(c, k), id);
        }
    }
}

static void projects_and_provinces_are_feature_collections(void **state)
{
    (void)state;
    const char *targets[] = {"/v1/border-gate-projects", "/v1/provinces",
                             "/v1/border-gate-projects?status=operational",
                             "/v1/provinces?country=VN&fields=name"};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        bct_response r;
        json_t *j = get_geo(targets[i], &r);
        check_collection(j);
        /* the same items as the JSON list, in its order */
        json_t *plain = get_json(targets[i], 200);
        json_t *data = json_object_get(plain, "data"), *features = json_object_get(j, "features");
        assert_int_equal(json_array_size(features), json_array_size(data));
        for (size_t k = 0; k < json_array_size(data); k++)
            assert_true(json_equal(json_object_get(json_array_get(features, k), "id"),
                                   json_object_get(json_array_get(data, k), "id")));
        json_decref(plain);
        json_decref(j);
        bct_response_free(&r);
    }
    /* format=geojson is the same representation, whatever Accept says */
    bct_response r;
    json_t *j =
        fetch("/v1/provinces?format=geojson", "application/json", 200, "application/geo+json", &r);
    check_collection(j);
    json_decref(j);
    bct_response_free(&r);
}

static void geojson_pages_with_links(void **state)
{
    (void)state;
    /* walk the projects two at a time by the Link header: every project once */
    char target[1024] = "/v1/border-gate-projects?limit=2";
    size_t seen = 0, pages = 0;
    for (;;) {
        bct_response r;
        json_t *j = get_geo(target, &r);
        check_collection(j);
        seen += json_array_size(json_object_get(j, "features"));
        pages++;
        const char *link = bct_header_get(&r, "Link");
        json_t *next = json_object_get(json_object_get(j, "links"), "next");
        if (json_is_null(next)) {
            assert_true(link == NULL || strstr(link, "rel=\"next\"") == NULL);
            json_decref(j);
            bct_response_free(&r);
            break;
        }
        assert_non_null(link);
        assert_non_null(strstr(link, json_string_value(next)));
        snprintf(target, sizeof target, "%s", json_string_value(next));
        json_decref(j);
        bct_response_free(&r);
        assert_true(pages < 50);
    }
    json_t *all = get_json("/v1/border-gate-projects?total=true", 200);
    assert_int_equal(seen,
                     json_integer_value(json_object_get(json_object_get(all, "meta"), "total")));
    assert_true(pages > 1);
    json_decref(all);
    /* filters apply: Lao Cai's projects only */
    bct_response r;
    json_t *j = get_geo("/v1/border-gate-projects?province=Lao%20Cai&format=geojson", &r);
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(j, "features"), i, f)
    {
        json_t *doc =
            get_json(json_string_value(json_object_get(
                         json_object_get(json_object_get(f, "properties"), "links"), "self")),
                     200);
        assert_string_equal(json_string_value(json_object_get(
                                json_object_get(json_object_get(doc, "provinces"), "vn"), "id")),
                            "lao-cai");
        json_decref(doc);
    }
    assert_true(json_array_size(json_object_get(j, "features")) > 0);
    json_decref(j);
    bct_response_free(&r);
}

static void geojson_is_refused_elsewhere(void **state)
{
    (void)state;
    const char *lists[] = {"/v1/meetings", "/v1/figures", "/v1/trade-figures", "/v1/protocols",
                           "/v1/people",   "/v1/sources", "/v1/mechanisms",    "/v1/events"};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        bct_response r;
        json_t *j = fetch(lists[i], "application/geo+json", 406, "application/problem+json", &r);
        assert_string_equal(json_string_value(json_object_get(j, "code")), "not_acceptable");
        json_decref(j);
        bct_response_free(&r);
        char target[128];
        snprintf(target, sizeof target, "%s?format=geojson", lists[i]);
        j = fetch(target, NULL, 406, "application/problem+json", &r);
        json_decref(j);
        bct_response_free(&r);
    }
    bct_response r;
    json_t *j = fetch("/v1/border-gate-projects/lao-cai-hekou-railway-bridge",
                      "application/geo+json", 406, "application/problem+json", &r);
    json_decref(j);
    bct_response_free(&r);
    j = fetch("/v1/stats", "application/geo+json", 406, "application/problem+json", &r);
    json_decref(j);
    bct_response_free(&r);
}

/* Great-circle distance in km. */
static double km(double lat1, double lon1, double lat2, double lon2)
{
    const double rad = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    return 6371.0 * 2 * atan2(sqrt(a), sqrt(1 - a));
}

/* 1 when data/reference/places.json lists this side of project id under `unlocated`
 * with a reason (what no reference could be found for stays out, said so). */
static int declared_unlocated(json_t *places, const char *id, const char *side)
{
    size_t i;
    json_t *u;
    json_array_foreach(json_object_get(places, "unlocated"), i, u)
    {
        if (strcmp(json_string_value(json_object_get(u, "id")), id) == 0 &&
            strcmp(json_string_value(json_object_get(u, "side")), side) == 0)
            return json_string_length(json_object_get(u, "reason")) > 40;
    }
    return 0;
}

/* Every crossing named in the articles (gate pairs, bridges, clearance points, openings)
 * has each side located with a reference, or declared unlocated with the reason in the
 * reference file; where both sides are located they face each other across the border:
 * within 30 km of each other and inside the border's latitude band. */
static void every_crossing_is_located_on_the_border(void **state)
{
    (void)state;
    static const char *const crossing[] = {"gate_pair", "clearance_point", "road_bridge",
                                           "railway_bridge", "traditional_opening"};
    char path[512];
    snprintf(path, sizeof path, "%s/reference/places.json", data_dir());
    json_error_t je;
    json_t *places = json_load_file(path, 0, &je);
    if (places == NULL)
        fail_msg("%s: %s", path, je.text);
    json_t *j = get_json("/v1/border-gate-projects?limit=500&curation=all", 200);
    size_t i, checked = 0, declared = 0;
    json_t *p;
    json_array_foreach(json_object_get(j, "data"), i, p)
    {
        const char *kind = json_string_value(json_object_get(p, "kind"));
        const char *id = json_string_value(json_object_get(p, "id"));
        int is_crossing = 0;
        for (size_t k = 0; k < sizeof crossing / sizeof crossing[0]; k++)
            is_crossing |= strcmp(kind, crossing[k]) == 0;
        if (!is_crossing ||
            strcmp(json_string_value(json_object_get(p, "curation")), "curated") != 0)
            continue;
        json_t *vn = json_object_get(p, "vn_location"), *cn = json_object_get(p, "cn_location");
        json_t *sides[] = {vn, cn};
        const char *names[] = {"vn", "cn"};
        int located = 0;
        for (size_t k = 0; k < 2; k++) {
            if (!json_is_object(sides[k])) {
                if (!declared_unlocated(places, id, names[k]))
                    fail_msg("%s: the %s side is neither located nor declared unlocated", id,
                             names[k]);
                declared++;
                continue;
            }
            located++;
            const char *ref = json_string_value(json_object_get(sides[k], "reference"));
            assert_non_null(ref);
            assert_true(strncmp(ref, "geonames:", 9) == 0 || strncmp(ref, "wikidata:", 9) == 0 ||
                        strncmp(ref, "osm:node/", 9) == 0 ||
                        strncmp(ref, "vn-cn-marker:", 13) == 0);
            assert_true(json_is_string(json_object_get(sides[k], "reference_url")));
            assert_string_equal(json_string_value(json_object_get(sides[k], "basis")),
                                "reference_data");
            double lat = json_number_value(json_object_get(sides[k], "lat"));
            if (lat < 21.0 || lat > 23.7)
                fail_msg("%s: side %zu at latitude %f, off the border", id, k, lat);
        }
        if (located < 2)
            continue;
        double d = km(json_number_value(json_object_get(vn, "lat")),
                      json_number_value(json_object_get(vn, "lon")),
                      json_number_value(json_object_get(cn, "lat")),
                      json_number_value(json_object_get(cn, "lon")));
        if (d > 30.0)
            fail_msg("%s: the two sides are %.1f km apart", id, d);
        checked++;
    }
    assert_true(checked >= 7);  /* both sides located: 7 of the 10 crossings */
    assert_true(declared <= 5); /* what the reference file says it could not find */
    json_decref(places);
    json_decref(j);
}

/* Provinces carry the Wikidata item of the reference file; people either an id or a
 * place under no_wikidata. */
static void wikidata_ids_are_served(void **state)
{
    (void)state;
    json_t *j = get_json("/v1/provinces?limit=500", 200);
    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(j, "data"), i, p)
    {
        const char *q = json_string_value(json_object_get(p, "wikidata"));
        if (q == NULL || q[0] != 'Q')
            fail_msg("%s: no wikidata id", json_string_value(json_object_get(p, "id")));
    }
    json_decref(j);
    j = get_json("/v1/people/xi-jinping", 200);
    assert_string_equal(json_string_value(json_object_get(j, "wikidata")), "Q15031");
    json_decref(j);
    j = get_json("/v1/people/to-lam", 200);
    assert_true(json_is_null(json_object_get(j, "wikidata")));
    json_decref(j);
}

/* ---- facets ------------------------------------------------------------------------- */

/* base without its `name=` parameter, into out. */
static void base_without(const char *base, const char *name, char *out, size_t size)
{
    size_t len = 0, nlen = strlen(name);
    out[0] = '\0';
    for (const char *p = base; *p;) {
        size_t seg = strcspn(p, "&");
        if (!(seg > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '='))
            len += (size_t)snprintf(out + len, size - len, "&%.*s", (int)seg, p);
        p += seg + (p[seg] == '&');
        assert_true(len < size);
    }
}

/* For every facet of `facets` on list?base: every bucket but null is what the list
 * filtered by that value returns (each facet is named after its filter; a province with
 * provinces merged into it counts what the filter matches, merged ones included; with
 * exact=true an inferred value is not counted, as the filter does not match it), and a
 * facet not named in `multi` sums to meta.total (its null bucket holds the rest). */
static void check_facets_against_filters(const char *list, const char *facets, const char *base,
                                         const char *const *multi)
{
    char target[512];
    snprintf(target, sizeof target, "%s?facets=%s&limit=1%s%s", list, facets, base[0] ? "&" : "",
             base);
    json_t *j = get_json(target, 200);
    json_t *meta = json_object_get(j, "meta");
    json_int_t total = json_integer_value(json_object_get(meta, "total"));
    const char *name;
    json_t *buckets;
    json_object_foreach(json_object_get(meta, "facets"), name, buckets)
    {
        assert_true(json_array_size(buckets) > 0 || total == 0); /* an empty list: none */
        int is_multi = 0;
        for (const char *const *m = multi; m != NULL && *m != NULL; m++)
            is_multi |= strcmp(*m, name) == 0;
        json_int_t sum = 0;
        size_t i;
        json_t *b;
        json_array_foreach(buckets, i, b)
        {
            json_int_t count = json_integer_value(json_object_get(b, "count"));
            sum += count;
            json_t *v = json_object_get(b, "value");
            if (json_is_null(v))
                continue;
            char value[64], rest[256];
            base_without(base, name, rest, sizeof rest);
            if (json_is_integer(v))
                snprintf(value, sizeof value, "%lld", (long long)json_integer_value(v));
            else
                snprintf(value, sizeof value, "%s", json_string_value(v));
            snprintf(target, sizeof target, "%s?total=true&limit=1&%s=%s%s", list, name, value,
                     rest);
            json_t *f = get_json(target, 200);
            json_int_t filtered =
                json_integer_value(json_object_get(json_object_get(f, "meta"), "total"));
            if (filtered != count)
                fail_msg("%s?%s: facet %s=%s counts %lld, the filtered list has %lld", list, base,
                         name, value, (long long)count, (long long)filtered);
            json_decref(f);
        }
        if (is_multi ? sum < total : sum != total)
            fail_msg("%s?%s: facet %s sums to %lld, total %lld", list, base, name, (long long)sum,
                     (long long)total);
    }
    json_decref(j);
}

static void facet_counts_match_filtered_totals(void **state)
{
    (void)state;
    /* every list with every facet it has (a list without ?exact= gets no exact bases) */
    static const struct {
        const char *list, *facets, *multi[3];
        int exact;
    } lists[] = {
        /* a meeting's curation sets fold twins: its curation facet may sum to more */
        {"/v1/meetings",
         "mechanism,status,year,curation,host_province,province",
         {"province", "curation"},
         1},
        {"/v1/figures", "metric,category,year,curation,province", {"province", "year"}, 1},
        {"/v1/trade-figures", "metric,year,curation,province", {"province", "year"}, 1},
        {"/v1/border-gate-projects", "kind,status,curation,province", {"province"}, 1},
        {"/v1/protocols", "kind,level,status,year,province", {"province"}, 1},
        {"/v1/provinces", "country,level", {NULL}, 0},
        {"/v1/people", "country,province", {"province"}, 0},
        {"/v1/sources", "lang,origin", {NULL}, 0},
        {"/v1/events", "kind,status,year,curation,province", {"province"}, 1},
        {"/v1/mechanisms", "kind,province", {"province"}, 0},
    };
    static const char *const plain[] = {"",
                                        "curation=all",
                                        "curation=trusted",
                                        "curation=curated",
                                        "curation=reviewed",
                                        "curation=extracted",
                                        "curation=rejected",
                                        NULL};
    static const char *const exact[] = {"exact=true", "exact=true&curation=all", NULL};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        for (const char *const *b = plain; *b != NULL; b++)
            if ((*b)[0] == '\0' || strcmp(lists[i].list, "/v1/provinces") != 0)
                check_facets_against_filters(lists[i].list, lists[i].facets, *b, lists[i].multi);
        for (const char *const *b = exact; lists[i].exact && *b != NULL; b++)
            check_facets_against_filters(lists[i].list, lists[i].facets, *b, lists[i].multi);
    }
    /* the bases of the findings: merged provinces and exact=true */
    check_facets_against_filters("/v1/meetings", "year,host_province,province", "status=held",
                                 (const char *const[]){"province", NULL});
    check_facets_against_filters("/v1/figures", "province,year", "category=trade&exact=true",
                                 (const char *const[]){"province", "year", NULL});
    check_facets_against_filters("/v1/border-gate-projects", "kind,status", "province=yunnan",
                                 NULL);
    /* Tuyen Quang counts what province=tuyen-quang matches, Ha Giang's meetings included */
    json_t *j = get_json("/v1/meetings?facets=province&limit=1", 200);
    json_t *buckets =
        json_object_get(json_object_get(json_object_get(j, "meta"), "facets"), "province");
    json_int_t tq = -1, hg = -1;
    size_t i;
    json_t *b;
    json_array_foreach(buckets, i, b)
    {
        const char *v = json_string_value(json_object_get(b, "value"));
        json_int_t c = json_integer_value(json_object_get(b, "count"));
        if (v != NULL && strcmp(v, "tuyen-quang") == 0)
            tq = c;
        if (v != NULL && strcmp(v, "ha-giang") == 0)
            hg = c;
    }
    assert_true(hg > 0);
    assert_true(tq >= hg);
    json_decref(j);

    /* facets ride on GeoJSON too (as the collection's meta), not on CSV */
    bct_response r;
    j = get_geo("/v1/border-gate-projects?facets=status", &r);
    assert_non_null(
        json_object_get(json_object_get(json_object_get(j, "meta"), "facets"), "status"));
    json_decref(j);
    bct_response_free(&r);
    j = get_json("/v1/meetings?facets=status&format=csv", 400);
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "facets");
    json_decref(j);
    j = get_json("/v1/meetings?facets=colour", 400);
    assert_non_null(strstr(json_string_value(json_object_get(j, "detail")), "allowed:"));
    json_decref(j);
    /* a revalidation of a faceted page is a 304 like any other */
    bct_response a, rb;
    assert_int_equal(bct_get(D.port, "/v1/figures?facets=province,year", NULL, &a), 0);
    const char *etag = bct_header_get(&a, "ETag");
    assert_non_null(etag);
    char inm[128];
    snprintf(inm, sizeof inm, "If-None-Match: %s", etag);
    const char *h[] = {inm, NULL};
    assert_int_equal(bct_get(D.port, "/v1/figures?facets=province,year", h, &rb), 0);
    assert_int_equal(rb.status, 304);
    bct_response_free(&a);
    bct_response_free(&rb);
}

/* A side without a location says why: `unlocated` has exactly one {side, reason} for
 * each null vn_location / cn_location (the reasons of data/reference/places.json), in
 * the JSON document and in the GeoJSON properties alike. */
static void unlocated_sides_say_why(void **state)
{
    (void)state;
    json_t *j = get_json("/v1/border-gate-projects?curation=all&limit=500", 200);
    size_t i;
    json_t *p;
    int reasons = 0;
    json_array_foreach(json_object_get(j, "data"), i, p)
    {
        json_t *un = json_object_get(p, "unlocated");
        assert_true(json_is_array(un));
        static const char *const sides[] = {"vn", "cn"};
        for (int s = 0; s < 2; s++) {
            char field[16];
            snprintf(field, sizeof field, "%s_location", sides[s]);
            char side_field[16];
            snprintf(side_field, sizeof side_field, "%s_side", sides[s]);
            /* a side the project does not have (a railway inside Vietnam) needs no reason */
            int null_location = json_is_null(json_object_get(p, field)) &&
                                !json_is_null(json_object_get(p, side_field)),
                listed = 0;
            size_t k;
            json_t *u;
            json_array_foreach(un, k, u)
            {
                if (strcmp(json_string_value(json_object_get(u, "side")), sides[s]) != 0)
                    continue;
                listed++;
                assert_true(strlen(json_string_value(json_object_get(u, "reason"))) > 20);
            }
            if (listed != null_location)
                fail_msg("%s: %s is %s, listed %d times as unlocated",
                         json_string_value(json_object_get(p, "id")), field,
                         null_location ? "null" : "set", listed);
            reasons += listed;
        }
    }
    assert_true(reasons >= 5);
    json_decref(j);
    bct_response r;
    j = get_geo("/v1/border-gate-projects?curation=all&limit=500", &r);
    json_array_foreach(json_object_get(j, "features"), i, p)
    {
        json_t *props = json_object_get(p, "properties");
        json_t *un = json_object_get(props, "unlocated");
        assert_true(json_is_array(un));
        if (json_is_null(json_object_get(p, "geometry")))
            assert_true(json_array_size(un) >= 1);
    }
    json_decref(j);
    bct_response_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(projects_and_provinces_are_feature_collections),
        cmocka_unit_test(geojson_pages_with_links),
        cmocka_unit_test(geojson_is_refused_elsewhere),
        cmocka_unit_test(every_crossing_is_located_on_the_border),
        cmocka_unit_test(wikidata_ids_are_served),
        cmocka_unit_test(facet_counts_match_filtered_totals),
        cmocka_unit_test(unlocated_sides_say_why),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
