/* test_resource.c: the list/detail engine over the real data: documents, filters with
 * aliases, pagination, validation errors, and rendering under allocation failure. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/resource.h"

#include "bordercoop/ingest.h"

#include "fixture.h"

#include <math.h>

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

/* GETs path?query, expects status, returns the parsed body (decref it). */
static json_t *get(const char *path, const char *query, int status)
{
    bc_response res;
    int st = fx_request(S, "GET", path, query, &res);
    if (st != status)
        fail_msg("GET %s?%s: status %d, want %d: %.300s", path, query ? query : "", st, status,
                 res.body.data);
    assert_int_equal(res.status, status);
    json_t *j = fx_json_body(&res);
    if (status >= 400)
        assert_string_equal(res.content_type, "application/problem+json");
    else
        assert_string_equal(res.content_type, "application/json");
    bc_response_free(&res);
    return j;
}

/* The ids of a list response, comma-joined into out. */
static void ids_of(json_t *list, char *out, size_t n)
{
    out[0] = '\0';
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(list, "data"), i, item)
    {
        if (i > 0)
            strncat(out, ",", n - strlen(out) - 1);
        strncat(out, json_string_value(json_object_get(item, "id")), n - strlen(out) - 1);
    }
}

static int contains_id(json_t *list, const char *id)
{
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(list, "data"), i,
                       item) if (strcmp(json_string_value(json_object_get(item, "id")), id) ==
                                 0) return 1;
    return 0;
}

static void meetings_list_envelope(void **state)
{
    (void)state;
    json_t *j = get("/v1/meetings", NULL, 200);
    json_t *data = json_object_get(j, "data"), *meta = json_object_get(j, "meta");
    assert_int_equal(json_array_size(data), 8);
    assert_int_equal(json_integer_value(json_object_get(meta, "count")), 8);
    assert_int_equal(json_integer_value(json_object_get(meta, "limit")), 50);
    assert_null(json_object_get(meta, "total")); /* only on request */
    json_t *links = json_object_get(j, "links");
    assert_string_equal(json_string_value(json_object_get(links, "self")), "/v1/meetings");
    assert_true(json_is_null(json_object_get(links, "next")));
    /* every fact carries at least one source with a quote */
    size_t i;
    json_t *m;
    json_array_foreach(data, i, m)
    {
        json_t *src = json_object_get(m, "sources");
        assert_true(json_array_size(src) >= 1);
        assert_true(json_string_length(json_object_get(json_array_get(src, 0), "quote")) > 10);
    }
    json_decref(j);
}

static void meeting_detail_fields(void **state)
{
    (void)state;
    json_t *m = get("/v1/meetings/jwg-yunnan-11", NULL, 200);
    assert_string_equal(json_string_value(json_object_get(m, "date")), "2025-10-30");
    assert_string_equal(json_string_value(json_object_get(m, "status")), "held");
    assert_int_equal(json_integer_value(json_object_get(m, "ordinal")), 11);
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(m, "host_province"), "id")), "lai-chau");
    assert_int_equal(json_array_size(json_object_get(m, "participants")), 6);
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(m, "next_meeting"), "id")),
        "jwg-yunnan-12");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(m, "previous_meeting"), "id")),
        "jwg-yunnan-10");
    json_t *prot = json_array_get(json_object_get(m, "protocols"), 0);
    assert_string_equal(json_string_value(json_object_get(prot, "id")), "jwg-yunnan-11-protocol");
    /* sources from three articles, the first the sentence that dates and places it */
    json_t *src = json_object_get(m, "sources");
    assert_int_equal(json_array_size(src), 4);
    assert_true(strncmp(json_string_value(json_object_get(json_array_get(src, 0), "quote")),
                        "Rano 30 października w prowincji Lai Chau", 40) == 0);
    json_decref(m);
}

static void detail_by_alias(void **state)
{
    (void)state;
    json_t *p = get("/v1/provinces/Junnan", NULL, 200);
    assert_string_equal(json_string_value(json_object_get(p, "id")), "yunnan");
    json_decref(p);
    p = get("/v1/provinces/Vân Nam", NULL, 200);
    assert_string_equal(json_string_value(json_object_get(p, "id")), "yunnan");
    json_decref(p);
    p = get("/v1/people/Vuong Ninh", NULL, 200);
    assert_string_equal(json_string_value(json_object_get(p, "id")), "wang-ning");
    json_decref(p);
    p = get("/v1/people/HOU A LENH", NULL, 200);
    assert_string_equal(json_string_value(json_object_get(p, "id")), "hau-a-lenh");
    json_decref(p);
    p = get("/v1/border-gate-projects/Bat Xat - Ba Sai", NULL, 200);
    assert_string_equal(json_string_value(json_object_get(p, "id")), "ban-vuoc-ba-sai-road-bridge");
    json_decref(p);
}

static void figure_values_are_normalised(void **state)
{
    (void)state;
    json_t *f = get("/v1/figures/yunnan-four-provinces-trade-2024", NULL, 200);
    assert_true(json_is_integer(json_object_get(f, "value")));
    assert_int_equal(json_integer_value(json_object_get(f, "value")), 7200000000LL);
    assert_string_equal(json_string_value(json_object_get(f, "unit")), "USD");
    assert_string_equal(json_string_value(json_object_get(f, "period_start")), "2024-01-01");
    assert_string_equal(json_string_value(json_object_get(f, "period_end")), "2024-12-31");
    assert_int_equal(json_array_size(json_object_get(f, "sources")), 1);
    json_decref(f);
    f = get("/v1/figures/tuyen-quang-yunnan-trade-2025-9m", NULL, 200);
    json_t *ch = json_object_get(f, "change");
    assert_int_equal(json_integer_value(json_object_get(ch, "value")), 88);
    assert_string_equal(json_string_value(json_object_get(ch, "qualifier")), "nearly");
    assert_string_equal(json_string_value(json_object_get(f, "period_end")), "2025-09-30");
    json_decref(f);
}

static void conflicts_are_visible(void **state)
{
    (void)state;
    json_t *f = get("/v1/figures/yunnan-four-provinces-delegations-500", NULL, 200);
    json_t *c = json_array_get(json_object_get(f, "conflicts_with"), 0);
    assert_string_equal(json_string_value(json_object_get(c, "id")),
                        "yunnan-four-provinces-delegations-548");
    assert_int_equal(json_integer_value(json_object_get(c, "value")), 548);
    json_decref(f);
}

static void filters_accept_aliases(void **state)
{
    (void)state;
    json_t *a = get("/v1/meetings", "province=yunnan", 200);
    json_t *b = get("/v1/meetings", "province=Junnan", 200);
    json_t *c = get("/v1/meetings", "province=van%20nam", 200);
    char x[1024], y[1024], z[1024];
    ids_of(a, x, sizeof x);
    ids_of(b, y, sizeof y);
    ids_of(c, z, sizeof z);
    assert_string_equal(x, y);
    assert_string_equal(x, z);
    assert_true(json_array_size(json_object_get(a, "data")) == 6);
    /* canonical value in meta and links */
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(json_object_get(b, "meta"), "filters"), "province")),
                        "yunnan");
    assert_string_equal(json_string_value(json_object_get(json_object_get(b, "links"), "self")),
                        "/v1/meetings?province=yunnan");
    json_decref(a);
    json_decref(b);
    json_decref(c);
}

static void merged_province_is_included(void **state)
{
    (void)state;
    /* the 4th conference had Ha Giang as member; Tuyen Quang now includes it */
    json_t *j = get("/v1/meetings", "province=tuyen-quang", 200);
    assert_true(contains_id(j, "conference-yunnan-4"));
    assert_true(contains_id(j, "conference-yunnan-5"));
    json_decref(j);
    j = get("/v1/meetings", "province=ha-giang", 200);
    assert_true(contains_id(j, "conference-yunnan-4"));
    assert_false(contains_id(j, "conference-yunnan-5"));
    json_decref(j);
}

static void meeting_filters(void **state)
{
    (void)state;
    char ids[1024];
    json_t *j = get("/v1/meetings", "status=planned", 200);
    ids_of(j, ids, sizeof ids);
    assert_string_equal(ids, "conference-yunnan-6,jwg-yunnan-12");
    json_decref(j);
    j = get("/v1/meetings", "year=2025", 200);
    ids_of(j, ids, sizeof ids);
    assert_string_equal(ids, "conference-yunnan-5,jwg-yunnan-11");
    json_decref(j);
    j = get("/v1/meetings", "mechanism=jwg-yunnan&from=2025-01-01", 200);
    ids_of(j, ids, sizeof ids);
    assert_string_equal(ids, "jwg-yunnan-11,jwg-yunnan-12");
    json_decref(j);
    j = get("/v1/meetings", "to=2024-06&mechanism=Joint%20Working%20Group", 200);
    ids_of(j, ids, sizeof ids);
    assert_string_equal(ids, "jwg-yunnan-10");
    json_decref(j);
    j = get("/v1/meetings", "province=guangxi", 200);
    ids_of(j, ids, sizeof ids);
    /* both are dated only "2024": ties go by ordinal (missing ones last), then id */
    assert_string_equal(ids, "jwc-guangxi-15,spring-meeting-guangxi-2024");
    json_decref(j);
}

static void trade_figures_only_trade(void **state)
{
    (void)state;
    json_t *j = get("/v1/trade-figures", "total=true", 200);
    size_t i;
    json_t *f;
    json_array_foreach(json_object_get(j, "data"), i, f)
        assert_string_equal(json_string_value(json_object_get(f, "category")), "trade");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "meta"), "total")), 6);
    json_decref(j);
    /* a tourism figure is not a trade figure */
    json_t *p = get("/v1/trade-figures/quang-ninh-chinese-tourists-2024", NULL, 404);
    json_decref(p);
    j = get("/v1/trade-figures", "province=quang-ninh", 200);
    char ids[512];
    ids_of(j, ids, sizeof ids);
    /* neither has a period: they sort last, by id */
    assert_string_equal(ids, "bac-luan-ii-goods-exported-tet,quang-ninh-border-gate-trade");
    json_decref(j);
    j = get("/v1/figures", "category=tourism&year=2024", 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 3);
    json_decref(j);
}

static void project_and_protocol_filters(void **state)
{
    (void)state;
    json_t *j = get("/v1/border-gate-projects", "province=lai-chau&kind=road_bridge", 200);
    char ids[512];
    ids_of(j, ids, sizeof ids);
    assert_string_equal(ids, "ma-lu-thang-kim-thuy-ha-road-bridge");
    json_decref(j);
    j = get("/v1/border-gate-projects/lao-cai-hekou-railway-bridge", NULL, 200);
    assert_string_equal(json_string_value(json_object_get(j, "vn_side")), "Lao Cai");
    assert_string_equal(json_string_value(json_object_get(j, "cn_side")), "Hekou");
    json_decref(j);
    j = get("/v1/protocols", "meeting=conference-yunnan-5", 200);
    ids_of(j, ids, sizeof ids);
    assert_string_equal(ids, "conference-yunnan-5-protocol");
    json_t *p = json_array_get(json_object_get(j, "data"), 0);
    assert_int_equal(json_array_size(json_object_get(p, "parties")), 5);
    assert_int_equal(json_array_size(json_object_get(p, "areas")), 6);
    json_decref(j);
}

static void offset_pagination(void **state)
{
    (void)state;
    json_t *all = get("/v1/figures", NULL, 200);
    json_t *p1 = get("/v1/figures", "limit=10&offset=0&total=true", 200);
    json_t *p3 = get("/v1/figures", "limit=10&offset=20", 200);
    assert_int_equal(json_array_size(json_object_get(p1, "data")), 10);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(p1, "meta"), "total")), 23);
    json_t *l1 = json_object_get(p1, "links");
    assert_string_equal(json_string_value(json_object_get(l1, "next")),
                        "/v1/figures?limit=10&offset=10&total=true");
    assert_true(json_is_null(json_object_get(l1, "prev")));
    assert_int_equal(json_array_size(json_object_get(p3, "data")), 3);
    json_t *l3 = json_object_get(p3, "links");
    assert_true(json_is_null(json_object_get(l3, "next")));
    assert_string_equal(json_string_value(json_object_get(l3, "prev")),
                        "/v1/figures?limit=10&offset=10");
    /* pages are slices of the stable full order */
    assert_true(json_equal(json_array_get(json_object_get(all, "data"), 20),
                           json_array_get(json_object_get(p3, "data"), 0)));
    json_decref(all);
    json_decref(p1);
    json_decref(p3);
}

/* Follows links.<rel> from path?query until null, collecting ids in order (prepending
 * when walking backwards). */
static void walk(const char *path, const char *query, const char *rel, char *ids, size_t n)
{
    char target[2048];
    snprintf(target, sizeof target, "%s", query);
    ids[0] = '\0';
    for (int pages = 0; pages < 100; pages++) {
        json_t *j = get(path, target, 200);
        char page[4096];
        ids_of(j, page, sizeof page);
        if (strcmp(rel, "prev") == 0) {
            char tmp[8192];
            snprintf(tmp, sizeof tmp, "%s%s%s", page, ids[0] && page[0] ? "," : "", ids);
            snprintf(ids, n, "%s", tmp);
        } else {
            snprintf(ids + strlen(ids), n - strlen(ids), "%s%s", ids[0] && page[0] ? "," : "",
                     page);
        }
        json_t *link = json_object_get(json_object_get(j, "links"), rel);
        if (json_is_null(link)) {
            json_decref(j);
            return;
        }
        const char *q = strchr(json_string_value(link), '?');
        snprintf(target, sizeof target, "%s", q ? q + 1 : "");
        json_decref(j);
    }
    fail_msg("more than 100 pages");
}

static void cursor_pagination_is_exact_both_ways(void **state)
{
    (void)state;
    char full[8192], forward[8192], backward[8192];
    json_t *all = get("/v1/figures", "limit=500&sort=-value,metric", 200);
    ids_of(all, full, sizeof full);
    json_decref(all);
    walk("/v1/figures", "limit=4&sort=-value,metric", "next", forward, sizeof forward);
    assert_string_equal(forward, full);
    /* from the last page back to the first */
    json_t *j = get("/v1/figures", "limit=4&sort=-value,metric", 200);
    char target[2048];
    for (;;) {
        json_t *next = json_object_get(json_object_get(j, "links"), "next");
        if (json_is_null(next))
            break;
        snprintf(target, sizeof target, "%s", strchr(json_string_value(next), '?') + 1);
        json_decref(j);
        j = get("/v1/figures", target, 200);
    }
    json_decref(j);
    walk("/v1/figures", target, "prev", backward, sizeof backward);
    assert_string_equal(backward, full);
}

static void sort_orders(void **state)
{
    (void)state;
    json_t *j = get("/v1/figures", "sort=-value&limit=3", 200);
    char ids[1024];
    ids_of(j, ids, sizeof ids);
    assert_string_equal(ids, "yunnan-four-provinces-trade-since-jwg-10,"
                             "yunnan-four-provinces-trade-2024,quang-ninh-border-gate-trade");
    assert_string_equal(json_string_value(json_object_get(json_object_get(j, "meta"), "sort")),
                        "-value");
    json_decref(j);
    j = get("/v1/meetings", "sort=-date&limit=1", 200);
    ids_of(j, ids, sizeof ids);
    /* undated meetings sort last ascending, so first descending: none here; the two
     * 2026 meetings tie on the date and the id breaks the tie descending too */
    assert_string_equal(ids, "jwg-yunnan-12");
    json_decref(j);
    j = get("/v1/provinces", NULL, 200);
    ids_of(j, ids, sizeof ids);
    assert_string_equal(ids, "cao-bang,dien-bien,ha-giang,lai-chau,lang-son,lao-cai,quang-ninh,"
                             "tuyen-quang,guangxi,yunnan");
    json_decref(j);
}

static void sparse_fieldsets(void **state)
{
    (void)state;
    json_t *j = get("/v1/border-gate-projects", "fields=vn_side,cn_side&limit=1", 200);
    json_t *p = json_array_get(json_object_get(j, "data"), 0);
    assert_int_equal(json_object_size(p), 3); /* id is always kept */
    assert_non_null(json_object_get(p, "id"));
    assert_non_null(json_object_get(p, "vn_side"));
    json_decref(j);
    j = get("/v1/meetings/jwg-yunnan-11", "fields=date,place", 200);
    assert_int_equal(json_object_size(j), 3);
    assert_string_equal(json_string_value(json_object_get(j, "date")), "2025-10-30");
    json_decref(j);
}

/* 1 when item has a string at the dotted path ("person.id"), or at each of several
 * joined by '+' ("id+relation"). */
static int has_path(json_t *item, const char *path)
{
    char key[64];
    json_t *v = item;
    for (const char *p = path; v != NULL && *p;) {
        size_t n = strcspn(p, ".+");
        snprintf(key, sizeof key, "%.*s", (int)n, p);
        v = json_object_get(v, key);
        if (p[n] == '+') {
            if (!json_is_string(v))
                return 0;
            v = item; /* the next member, from the item again */
        }
        p += n + (p[n] != '\0');
    }
    return json_is_string(v);
}

/* Fails unless value v of field f has the shape its CSV kind declares. */
static void check_shape(const bc_resource *r, const char *id, const bc_field *f, json_t *v)
{
    int ok = 1;
    size_t i;
    json_t *item;
    if (json_is_null(v))
        return;
    switch (f->csv) {
    case BC_CSV_VALUE:
        break;
    case BC_CSV_REF:
        ok = has_path(v, "id");
        break;
    case BC_CSV_LINK:
        ok = has_path(v, "self");
        break;
    case BC_CSV_LIST:
        ok = json_is_array(v);
        json_array_foreach(v, i, item) ok &=
            f->item == NULL || json_is_string(item) || has_path(item, f->item);
        break;
    case BC_CSV_SOURCES:
        ok = json_is_array(v);
        json_array_foreach(v, i, item) ok &= has_path(item, "source_id") && has_path(item, "quote");
        break;
    case BC_CSV_COLUMNS: {
        /* an object whose members are exactly the declared columns (a dotted column
         * "vn.id" stands for its member "vn") */
        ok = json_is_object(v);
        size_t n = 0;
        char seen[512] = ",";
        for (const char *m = f->item; ok && m != NULL && *m;) {
            size_t len = strcspn(m, ",");
            char member[64];
            snprintf(member, sizeof member, "%.*s", (int)len, m);
            char *dot = strchr(member, '.');
            if (dot != NULL) {
                char top[64];
                snprintf(top, sizeof top, "%.*s", (int)(dot - member), member);
                json_t *t = json_object_get(v, top); /* present; null when there is none */
                ok = t != NULL && (json_is_null(t) || has_path(v, member));
                *dot = '\0';
            } else {
                ok = json_object_get(v, member) != NULL;
            }
            char word[70];
            snprintf(word, sizeof word, ",%s,", member);
            if (strstr(seen, word) == NULL) {
                n++;
                snprintf(seen + strlen(seen), sizeof seen - strlen(seen), "%s,", member);
            }
            m += len + (m[len] == ',');
        }
        ok &= json_object_size(v) == n;
        break;
    }
    }
    if (!ok)
        fail_msg("%s %s: field '%s' does not have the shape its CSV column declares", r->name, id,
                 f->name);
}

static void declared_fields_match_documents(void **state)
{
    (void)state;
    /* each resource's field list (fields=, CSV columns) is its documents' keys, in order,
     * and each value has the shape its CSV column declares */
    for (const bc_resource *const *r = bc_resources; *r != NULL; r++) {
        char path[128];
        snprintf(path, sizeof path, "/v1/%s", (*r)->name);
        json_t *j = get(path, "limit=500", 200);
        size_t d;
        json_t *doc;
        json_array_foreach(json_object_get(j, "data"), d, doc)
        {
            const char *id = json_string_value(json_object_get(doc, "id"));
            size_t i = 0;
            const char *key;
            json_t *v;
            json_object_foreach(doc, key, v)
            {
                const bc_field *f = &(*r)->fields[i];
                if (f->name == NULL || strcmp(f->name, key) != 0)
                    fail_msg("%s %s: document key %zu is '%s', declared '%s'", (*r)->name, id, i,
                             key, f->name ? f->name : "(end)");
                check_shape(*r, id, f, v);
                i++;
            }
            assert_null((*r)->fields[i].name);
        }
        assert_true(json_array_size(json_object_get(j, "data")) > 0);
        json_decref(j);
    }
}

static void csv_output(void **state)
{
    (void)state;
    bc_response res;
    assert_int_equal(
        fx_request(S, "GET", "/v1/trade-figures", "format=csv&fields=value,unit,sources", &res),
        200);
    assert_string_equal(res.content_type, "text/csv");
    const char *body = res.body.data;
    assert_true(strncmp(body, "id,value,unit,sources\r\n", 23) == 0);
    assert_non_null(strstr(body, "yunnan-four-provinces-trade-2024,7200000000,USD,"));
    /* the quote with a comma in it is quoted, and rows end in CRLF */
    assert_non_null(strstr(body, "\"baotuyenquang-tuyen-quang-yunnan-pl:Obroty importowo"));
    size_t lines = 0;
    for (const char *p = body; (p = strstr(p, "\r\n")) != NULL; p += 2)
        lines++;
    assert_int_equal(lines, 7); /* header + 6 trade figures */
    bc_response_free(&res);
}

/* OWASP's rule against CSV injection: a text cell that a spreadsheet would run as a
 * formula (= + - @ tab CR first) gets a leading ', whether it is a title or a list;
 * numbers stay numbers. */
static void csv_cells_cannot_be_formulas(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    static const char *const titles[] = {"=HYPERLINK(\"http://x.example\",\"y\")",
                                         "+1+2",
                                         "-2+3",
                                         "@SUM(A1:A2)",
                                         "\tTabbed",
                                         "Plain title"};
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++) {
        char text[256];
        snprintf(text, sizeof text,
                 "Article %zu: on March %zu, 2026 the 13th meeting of the Joint Working Group "
                 "was held in Lao Cai.",
                 i, i + 1);
        bc_ingest_input in = {.text = text, .len = strlen(text), .lang = "en", .title = titles[i]};
        bc_ingest_result r;
        bc_err err;
        if (titles[i][0] == '\t') {
            /* a new title may not hold a tab; one stored before that rule is kept (as a
             * rebuild carries it over) and must still be defused */
            assert_int_equal(bc_ingest(s, &in, &r, &err), BC_EINVAL);
            in.id = "tabbed-title-carried-over";
        }
        assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    }
    bc_response res;
    assert_int_equal(fx_request(s, "GET", "/v1/sources",
                                "format=csv&fields=title&origin=ingested&curation=all", &res),
                     200);
    const char *body = res.body.data;
    assert_non_null(strstr(body, ",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\"\r\n"));
    assert_non_null(strstr(body, ",'+1+2\r\n"));
    assert_non_null(strstr(body, ",'-2+3\r\n"));
    assert_non_null(strstr(body, ",'@SUM(A1:A2)\r\n"));
    assert_non_null(strstr(body, ",'\tTabbed\r\n"));
    assert_non_null(strstr(body, ",Plain title\r\n"));
    bc_response_free(&res);
    /* numbers, negative ones included, are not touched */
    assert_int_equal(fx_request(s, "GET", "/v1/figures", "format=csv&fields=value", &res), 200);
    assert_null(strstr(res.body.data, "'"));
    bc_response_free(&res);
    bc_store_close(s);
}

static void cursor_and_format_errors(void **state)
{
    (void)state;
    json_t *j = get("/v1/figures", "cursor=bm90LWEtY3Vyc29y", 400);
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "cursor");
    json_decref(j);
    /* a cursor from one sort order is refused under another */
    j = get("/v1/figures", "limit=2", 200);
    const char *next = json_string_value(json_object_get(json_object_get(j, "links"), "next"));
    const char *cursor = strstr(next, "cursor=") + 7;
    char query[1024];
    snprintf(query, sizeof query, "sort=-value&cursor=%s", cursor);
    json_decref(j);
    j = get("/v1/figures", query, 400);
    assert_non_null(strstr(json_string_value(json_object_get(j, "detail")), "another sort order"));
    json_decref(j);
    j = get("/v1/figures", "cursor=abc&offset=2", 400);
    json_decref(j);
    j = get("/v1/figures", "format=xml", 400);
    json_decref(j);
    j = get("/v1/figures", "sort=value,value", 400);
    json_decref(j);
    j = get("/v1/figures", "fields=colour", 400);
    assert_non_null(strstr(json_string_value(json_object_get(j, "detail")), "allowed: id, type"));
    json_decref(j);
}

/* Expects a 400 problem naming `param` whose detail contains `want`. */
static void bad(const char *path, const char *query, const char *code, const char *param,
                const char *want)
{
    json_t *j = get(path, query, 400);
    assert_string_equal(json_string_value(json_object_get(j, "code")), code);
    assert_int_equal(json_integer_value(json_object_get(j, "status")), 400);
    assert_string_equal(json_string_value(json_object_get(j, "title")), "Bad Request");
    if (param != NULL)
        assert_string_equal(json_string_value(json_object_get(j, "parameter")), param);
    const char *detail = json_string_value(json_object_get(j, "detail"));
    if (strstr(detail, want) == NULL)
        fail_msg("detail '%s' lacks '%s'", detail, want);
    json_decref(j);
}

static void bad_queries(void **state)
{
    (void)state;
    bad("/v1/meetings", "colour=red", "unknown_parameter", "colour",
        "allowed: mechanism, province, host_province, year, from, to, status, curation, exact, "
        "changed_since, "
        "sort, fields, "
        "limit, "
        "cursor, "
        "offset, total, format, facets");
    bad("/v1/meetings", "year=20x5", "invalid_parameter", "year", "whole number");
    bad("/v1/meetings", "year=1800", "invalid_parameter", "year", "from 1900 to 2199");
    bad("/v1/meetings", "status=cancelled", "invalid_parameter", "status", "held, planned");
    bad("/v1/meetings", "province=narnia", "invalid_parameter", "province", "unknown province");
    bad("/v1/meetings", "from=2025-02-30", "invalid_parameter", "from", "not a day");
    bad("/v1/meetings", "limit=0", "invalid_parameter", "limit", "from 1 to 500");
    bad("/v1/meetings", "limit=501", "invalid_parameter", "limit", "from 1 to 500");
    bad("/v1/meetings", "offset=-1", "invalid_parameter", "offset", "whole number");
    bad("/v1/meetings", "total=yes", "invalid_parameter", "total", "true or false");
    bad("/v1/meetings", "year=2024&year=2025", "duplicate_parameter", "year", "more than once");
    bad("/v1/meetings", "year=", "invalid_parameter", "year", "must not be empty");
    bad("/v1/meetings", "province=%ZZ", "malformed_query", NULL, "percent-encoding");
    bad("/v1/meetings", "province=%C3%28", "malformed_query", NULL, "UTF-8");
    bad("/v1/figures", "metric=gdp", "invalid_parameter", "metric", "trade_turnover");
    bad("/v1/trade-figures", "category=trade", "unknown_parameter", "category", "allowed:");
    bad("/v1/trade-figures", "metric=tourists", "invalid_parameter", "metric", "goods_exported");
    bad("/v1/meetings/jwg-yunnan-11", "sort=id", "unknown_parameter", "sort", "allowed: fields");
    bad("/v1/border-gate-projects", "status=open", "invalid_parameter", "status",
        "operational, planned, proposed, reported, under_construction");
}

/* The buckets of facet `name` in list j: their counts summed into *sum, the largest
 * count into *max; returns the number of buckets. */
static size_t facet_sum(json_t *j, const char *name, long *sum, long *max)
{
    json_t *buckets = json_object_get(json_object_get(json_object_get(j, "meta"), "facets"), name);
    assert_true(json_is_array(buckets));
    *sum = *max = 0;
    size_t i;
    json_t *b;
    long prev = -1;
    json_array_foreach(buckets, i, b)
    {
        long c = (long)json_integer_value(json_object_get(b, "count"));
        assert_true(c > 0);
        assert_non_null(json_object_get(b, "value")); /* present, null included */
        if (prev >= 0)
            assert_true(c <= prev); /* most first */
        prev = c;
        *sum += c;
        if (c > *max)
            *max = c;
    }
    return json_array_size(buckets);
}

static long total_of(json_t *j)
{
    json_t *t = json_object_get(json_object_get(j, "meta"), "total");
    assert_true(json_is_integer(t));
    return (long)json_integer_value(t);
}

/* Single-valued facets sum to the filtered total; multi-valued ones (`multi`) count an
 * item once per value, so each count is at most the total and the sum at least it. */
static void check_facets(const char *path, const char *query, const char *const *single,
                         const char *const *multi)
{
    json_t *j = get(path, query, 200);
    long total = total_of(j), sum, max;
    for (; single != NULL && *single != NULL; single++) {
        facet_sum(j, *single, &sum, &max);
        if (sum != total)
            fail_msg("%s?%s: facet %s sums to %ld, total %ld", path, query, *single, sum, total);
    }
    for (; multi != NULL && *multi != NULL; multi++) {
        facet_sum(j, *multi, &sum, &max);
        assert_true(max <= total);
        assert_true(sum >= total);
    }
    json_decref(j);
}

static void facets_count_the_filtered_set(void **state)
{
    (void)state;
    const char *meeting_single[] = {"mechanism", "status",        "year",
                                    "curation",  "host_province", NULL};
    const char *province[] = {"province", NULL};
    check_facets("/v1/meetings", "facets=mechanism,status,year,curation,host_province,province",
                 meeting_single, province);
    check_facets("/v1/meetings",
                 "facets=mechanism,status,year,curation,host_province,province&province=yunnan",
                 meeting_single, province);
    const char *figure_single[] = {"metric", "category", "curation", NULL};
    const char *figure_multi[] = {"province", "year", NULL};
    check_facets("/v1/figures", "facets=metric,category,year,curation,province", figure_single,
                 figure_multi);
    check_facets("/v1/figures", "facets=metric,category,year,curation,province&year=2024&limit=1",
                 figure_single, figure_multi);
    const char *trade_single[] = {"metric", "curation", NULL};
    check_facets("/v1/trade-figures", "facets=metric,year,curation,province", trade_single,
                 figure_multi);
    const char *project_single[] = {"kind", "status", "curation", NULL};
    check_facets("/v1/border-gate-projects", "facets=kind,status,curation,province", project_single,
                 province);
    check_facets("/v1/border-gate-projects",
                 "facets=kind,status,curation,province&province=quang-ninh", project_single,
                 province);
    const char *protocol_single[] = {"kind", "level", "status", "year", NULL};
    check_facets("/v1/protocols", "facets=kind,level,status,year,province", protocol_single,
                 province);
    const char *province_single[] = {"country", "level", NULL};
    check_facets("/v1/provinces", "facets=country,level", province_single, NULL);
    const char *people_single[] = {"country", NULL};
    check_facets("/v1/people", "facets=country,province", people_single, province);
    const char *source_single[] = {"lang", "origin", NULL};
    check_facets("/v1/sources", "facets=lang,origin", source_single, NULL);
    const char *event_single[] = {"kind", "status", "year", "curation", NULL};
    check_facets("/v1/events", "facets=kind,status,year,curation,province", event_single, province);
    const char *mechanism_single[] = {"kind", NULL};
    check_facets("/v1/mechanisms", "facets=kind,province", mechanism_single, province);

    /* the counts are those of the filter, before paging: a filtered facet has one value */
    json_t *j = get("/v1/meetings", "status=planned&facets=status&limit=1", 200);
    json_t *b = json_object_get(json_object_get(json_object_get(j, "meta"), "facets"), "status");
    assert_int_equal(json_array_size(b), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(b, 0), "value")),
                        "planned");
    assert_int_equal(json_integer_value(json_object_get(json_array_get(b, 0), "count")),
                     total_of(j));
    assert_int_equal(json_array_size(json_object_get(j, "data")), 1);
    /* the links keep the facets, so every page carries them */
    const char *next = json_string_value(json_object_get(json_object_get(j, "links"), "next"));
    assert_non_null(strstr(next, "facets=status"));
    json_decref(j);
    /* a figure with three parties counts once under each */
    j = get("/v1/figures", "facets=province&metric=trade_turnover&year=2024", 200);
    long sum, max;
    facet_sum(j, "province", &sum, &max);
    assert_true(sum > total_of(j));
    json_decref(j);
    /* years are numbers; a missing value is a null bucket */
    j = get("/v1/figures", "facets=year", 200);
    b = json_object_get(json_object_get(json_object_get(j, "meta"), "facets"), "year");
    size_t i;
    json_t *v;
    int nulls = 0;
    json_array_foreach(b, i, v)
    {
        json_t *val = json_object_get(v, "value");
        assert_true(json_is_integer(val) || json_is_null(val));
        nulls += json_is_null(val);
    }
    assert_true(nulls <= 1);
    json_decref(j);
}

static void facet_errors(void **state)
{
    (void)state;
    bad("/v1/meetings", "facets=colour", "invalid_parameter", "facets",
        "allowed: mechanism, status, year, curation, host_province, province");
    bad("/v1/meetings", "facets=status,status", "invalid_parameter", "facets", "more than once");
    bad("/v1/meetings", "facets=status,", "invalid_parameter", "facets", "no facet ''");
    bad("/v1/meetings", "facets=", "invalid_parameter", "facets", "must not be empty");
    bad("/v1/meetings", "facets=status&format=csv", "invalid_parameter", "facets", "CSV");
    bad("/v1/provinces", "facets=status", "invalid_parameter", "facets", "country, level");
}

/* GETs path?query as GeoJSON; returns the parsed body (decref it). */
static json_t *get_geo(const char *path, const char *query)
{
    bc_response res;
    int st = fx_call(NULL, S, path, query, BC_FMT_GEOJSON, &res);
    if (st != 200)
        fail_msg("GET %s?%s as GeoJSON: %d %.300s", path, query ? query : "", st, res.body.data);
    assert_string_equal(res.content_type, "application/geo+json");
    json_t *j = fx_json_body(&res);
    bc_response_free(&res);
    return j;
}

static void geojson_features(void **state)
{
    (void)state;
    json_t *j = get_geo("/v1/border-gate-projects", NULL);
    assert_string_equal(json_string_value(json_object_get(j, "type")), "FeatureCollection");
    json_t *features = json_object_get(j, "features");
    json_t *plain = get("/v1/border-gate-projects", NULL, 200);
    /* one Feature per project, in the list's order, with the list's meta and links */
    assert_int_equal(json_array_size(features), json_array_size(json_object_get(plain, "data")));
    assert_true(json_equal(json_object_get(j, "meta"), json_object_get(plain, "meta")));
    size_t i;
    json_t *f;
    int multi = 0;
    json_array_foreach(features, i, f)
    {
        json_t *doc = json_array_get(json_object_get(plain, "data"), i);
        assert_string_equal(json_string_value(json_object_get(f, "type")), "Feature");
        assert_true(json_equal(json_object_get(f, "id"), json_object_get(doc, "id")));
        json_t *p = json_object_get(f, "properties");
        const char *keys[] = {"id", "name", "status", "kind", "links"};
        for (size_t k = 0; k < 5; k++)
            assert_true(json_equal(json_object_get(p, keys[k]), json_object_get(doc, keys[k])));
        json_t *g = json_object_get(f, "geometry");
        json_t *locations = json_object_get(p, "locations");
        size_t located = !json_is_null(json_object_get(doc, "vn_location")) +
                         !json_is_null(json_object_get(doc, "cn_location"));
        assert_int_equal(json_array_size(locations), located);
        if (located == 0) {
            assert_true(json_is_null(g));
            continue;
        }
        const char *type = json_string_value(json_object_get(g, "type"));
        assert_string_equal(type, located == 2 ? "MultiPoint" : "Point");
        json_t *first = located == 2 ? json_array_get(json_object_get(g, "coordinates"), 0)
                                     : json_object_get(g, "coordinates");
        json_t *loc0 = json_object_get(
            doc, strcmp(json_string_value(json_object_get(json_array_get(locations, 0), "side")),
                        "vn") == 0
                     ? "vn_location"
                     : "cn_location");
        /* [lon, lat], in that order (RFC 7946 3.1.1) */
        assert_true(fabs(json_number_value(json_array_get(first, 0)) -
                         json_number_value(json_object_get(loc0, "lon"))) < 1e-6);
        assert_true(fabs(json_number_value(json_array_get(first, 1)) -
                         json_number_value(json_object_get(loc0, "lat"))) < 1e-6);
        multi += located == 2;
        assert_non_null(json_object_get(json_array_get(locations, 0), "reference"));
        assert_null(json_object_get(json_array_get(locations, 0), "lat"));
    }
    assert_true(multi > 0);
    json_decref(plain);
    json_decref(j);

    /* filters and paging apply; format=geojson is the same as the Accept header */
    j = get_geo("/v1/border-gate-projects", "province=lao-cai&limit=1&format=geojson");
    assert_int_equal(json_array_size(json_object_get(j, "features")), 1);
    const char *next = json_string_value(json_object_get(json_object_get(j, "links"), "next"));
    assert_non_null(strstr(next, "format=geojson"));
    assert_non_null(strstr(next, "province=lao-cai"));
    json_decref(j);
    /* fields= narrows the properties; the geometry stays */
    j = get_geo("/v1/provinces", "fields=name&country=CN");
    features = json_object_get(j, "features");
    assert_int_equal(json_array_size(features), 2);
    json_array_foreach(features, i, f)
    {
        json_t *p = json_object_get(f, "properties");
        assert_int_equal(json_object_size(p), 3); /* id, name, locations */
        assert_string_equal(
            json_string_value(json_object_get(json_object_get(f, "geometry"), "type")), "Point");
    }
    json_decref(j);
    /* provinces have a kind (their level) and no status */
    j = get_geo("/v1/provinces", "limit=1");
    json_t *p = json_object_get(json_array_get(json_object_get(j, "features"), 0), "properties");
    assert_true(json_is_null(json_object_get(p, "status")));
    assert_true(json_is_string(json_object_get(p, "kind")));
    json_decref(j);
    /* no other list is a map */
    j = get("/v1/meetings", "format=geojson", 406);
    json_decref(j);
    bad("/v1/meetings", "format=kml", "invalid_parameter", "format", "json, csv");
    bad("/v1/provinces", "format=kml", "invalid_parameter", "format", "json, csv, geojson");
}

static void sql_text_in_values_is_only_data(void **state)
{
    (void)state;
    bad("/v1/meetings", "province=yunnan'%20OR%201=1--", "invalid_parameter", "province",
        "unknown province");
    json_t *j = get("/v1/meetings/x' OR '1'='1", NULL, 404);
    json_decref(j);
}

static void unknown_ids_are_404(void **state)
{
    (void)state;
    json_t *j = get("/v1/meetings/jwg-yunnan-99", NULL, 404);
    assert_string_equal(json_string_value(json_object_get(j, "code")), "not_found");
    assert_non_null(strstr(json_string_value(json_object_get(j, "detail")), "jwg-yunnan-99"));
    json_decref(j);
    j = get("/v1/figures/nope", NULL, 404);
    json_decref(j);
}

/* Every filter fragment of every collection has as many placeholders as '?' characters,
 * none of them numbered: the list engine binds a value to each '?' it counts. */
static void every_filter_fragment_counts_its_placeholders(void **state)
{
    (void)state;
    size_t checked = 0;
    for (const bc_resource *const *r = bc_resources; *r != NULL; r++)
        for (const bc_param_spec *f = (*r)->filters; f != NULL && f->name != NULL; f++) {
            if (f->where == NULL)
                continue;
            int marks = 0;
            for (const char *w = f->where; *w; w++)
                if (*w == '?') {
                    marks++;
                    if (w[1] >= '0' && w[1] <= '9')
                        fail_msg("%s: filter %s numbers a placeholder", (*r)->name, f->name);
                }
            char sql[4096];
            snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE (%s)", (*r)->from, f->where);
            sqlite3_stmt *st = NULL;
            if (sqlite3_prepare_v2(bc_store_db(S), sql, -1, &st, NULL) != SQLITE_OK)
                fail_msg("%s: filter %s: %s", (*r)->name, f->name, sqlite3_errmsg(bc_store_db(S)));
            if (sqlite3_bind_parameter_count(st) != marks)
                fail_msg("%s: filter %s has %d '?' and %d placeholders", (*r)->name, f->name, marks,
                         sqlite3_bind_parameter_count(st));
            sqlite3_finalize(st);
            checked++;
        }
    assert_true(checked > 40);
}

/* The list on a copy of the meetings descriptor whose one filter is `where`, filtered
 * with odd=jwg-yunnan-11: the status. */
/* 500s whose problem body was built and checked (fx_expect_500) */
static long checked_500s;

static int list_run(void *ctx)
{
    bc_response *res = ctx;
    return fx_request(S, "GET", "/v1/meetings", "province=yunnan&total=true&sort=-date", res) == 200
               ? 0
               : 1;
}

/* every failure is a clean 500 problem, never another status or a broken body */
static void list_check(void *ctx, int rc, long n)
{
    bc_response *res = ctx;
    if (rc != 0 && (res->status != 500 ||
                    strcmp(res->content_type ? res->content_type : "", "application/problem+json")))
        fail_msg("allocation failure at %ld: status %d: %.200s", n, res->status,
                 res->body.data ? res->body.data : "(no body)");
    if (rc != 0)
        checked_500s += fx_expect_500(res);
    if (rc == 0) {
        json_t *j = fx_json_body(res);
        assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "meta"), "total")),
                         json_array_size(json_object_get(j, "data")));
        json_decref(j);
    }
    bc_response_free(res);
}

static int detail_run(void *ctx)
{
    bc_response *res = ctx;
    return fx_request(S, "GET", "/v1/meetings/jwg-yunnan-11", "fields=date,place", res) == 200 ? 0
                                                                                               : 1;
}

static void detail_check(void *ctx, int rc, long n)
{
    bc_response *res = ctx;
    (void)n;
    if (rc != 0)
        checked_500s += fx_expect_500(res);
    bc_response_free(res);
}

static void allocation_failure_is_a_clean_500(void **state)
{
    (void)state;
    bc_response res;
    /* every allocation point once (transient), then a persistent failure at every 7th */
    assert_true(fx_oom_sweep(1, 1, 100000, list_run, list_check, &res) > 0);
    assert_true(fx_oom_sweep(0, 7, 100000, list_run, list_check, &res) > 0);
    /* a detail the same way: its 500s carry the code the contract lists */
    assert_true(fx_oom_sweep(1, 1, 100000, detail_run, detail_check, &res) > 0);
    assert_true(checked_500s > 0);
}

/* A list or detail whose documents are narrowed to a curation set (resource_set.c): under
 * each failing allocation, a clean 500 or the very body served without failures. */
typedef struct set_sweep {
    const char *path, *query;
    char *want;
    bc_response res;
} set_sweep;

static int set_run(void *ctx)
{
    set_sweep *w = ctx;
    return fx_request(S, "GET", w->path, w->query, &w->res) == 200 ? 0 : 1;
}

static void set_check(void *ctx, int rc, long n)
{
    set_sweep *w = ctx;
    if (rc != 0)
        checked_500s += fx_expect_500(&w->res);
    else if (w->res.body.len != strlen(w->want) ||
             memcmp(w->res.body.data, w->want, w->res.body.len)) {
        fail_msg("%s?%s under allocation failure %ld: another body: %.200s", w->path, w->query, n,
                 w->res.body.data);
    }
    bc_response_free(&w->res);
}

static void narrowing_to_a_set_fails_cleanly(void **state)
{
    (void)state;
    static const char *const targets[][2] = {
        {"/v1/mechanisms", "curation=all&limit=100"},
        {"/v1/sources", "curation=all&limit=3"},
        {"/v1/border-gate-projects/lao-cai-hekou-railway-bridge", "curation=trusted"},
    };
    for (size_t t = 0; t < sizeof targets / sizeof targets[0]; t++) {
        set_sweep w = {targets[t][0], targets[t][1], NULL, {0}};
        assert_int_equal(fx_request(S, "GET", w.path, w.query, &w.res), 200);
        w.want = strndup(w.res.body.data, w.res.body.len);
        bc_response_free(&w.res);
        long before = checked_500s;
        assert_true(fx_oom_sweep(1, 1, 100000, set_run, set_check, &w) > 0);
        assert_true(checked_500s > before);
        free(w.want);
    }
}

/* Lists compose their SQL per request (filters, sort, cursor). Hundreds of distinct
 * compositions on one connection must all be served: they once went through the
 * statement cache, which holds 256 texts and then failed every later statement. */
static void many_distinct_list_queries_on_one_connection(void **state)
{
    (void)state;
    static const char *const f[] = {"date", "ordinal", "year", "status", "mechanism", "title"};
    int served = 0;
    for (size_t a = 0; a < 6; a++)
        for (size_t b = 0; b < 6; b++)
            for (size_t c = 0; c < 6 && served < 300; c++) {
                if (a == b || b == c || a == c)
                    continue;
                for (int sign = 0; sign < 4 && served < 300; sign++) {
                    char q[160];
                    snprintf(q, sizeof q, "sort=%s%s,%s%s,%s&total=true", sign & 1 ? "-" : "", f[a],
                             sign & 2 ? "-" : "", f[b], f[c]);
                    bc_response res;
                    int st = fx_request(S, "GET", "/v1/meetings", q, &res);
                    if (st != 200)
                        fail_msg("query %d (%s): %d %.200s", served, q, st, res.body.data);
                    bc_response_free(&res);
                    served++;
                }
            }
    assert_int_equal(served, 300);
    /* and the constant statements still work afterwards */
    bc_response res;
    assert_int_equal(fx_request(S, "GET", "/v1/search", "q=lao", &res), 200);
    bc_response_free(&res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(many_distinct_list_queries_on_one_connection),
        cmocka_unit_test(meetings_list_envelope),
        cmocka_unit_test(meeting_detail_fields),
        cmocka_unit_test(detail_by_alias),
        cmocka_unit_test(figure_values_are_normalised),
        cmocka_unit_test(conflicts_are_visible),
        cmocka_unit_test(filters_accept_aliases),
        cmocka_unit_test(merged_province_is_included),
        cmocka_unit_test(meeting_filters),
        cmocka_unit_test(trade_figures_only_trade),
        cmocka_unit_test(project_and_protocol_filters),
        cmocka_unit_test(offset_pagination),
        cmocka_unit_test(cursor_pagination_is_exact_both_ways),
        cmocka_unit_test(sort_orders),
        cmocka_unit_test(sparse_fieldsets),
        cmocka_unit_test(declared_fields_match_documents),
        cmocka_unit_test(csv_output),
        cmocka_unit_test(csv_cells_cannot_be_formulas),
        cmocka_unit_test(cursor_and_format_errors),
        cmocka_unit_test(bad_queries),
        cmocka_unit_test(facets_count_the_filtered_set),
        cmocka_unit_test(facet_errors),
        cmocka_unit_test(geojson_features),
        cmocka_unit_test(sql_text_in_values_is_only_data),
        cmocka_unit_test(unknown_ids_are_404),
        cmocka_unit_test(allocation_failure_is_a_clean_500),
        cmocka_unit_test(narrowing_to_a_set_fails_cleanly),
        cmocka_unit_test(every_filter_fragment_counts_its_placeholders),
    };
    return cmocka_run_group_tests_name("resource", tests, fx_group_setup, fx_group_teardown);
}
