/* test_figure_pages.c: a figure's overlaps and conflicts in bounded pages, against the
 * real daemon (second attack pass, findings 4 and 7): 24 articles state one quantity
 * with 24 values, so each figure overlaps and conflicts with 23 others. Its document
 * carries the first 20 of each and links to the two collections, a
 * list page the first five, and /v1/figures/{id}/overlaps and /conflicts page through
 * all of them with the lists' cursors, totals and CSV, as /v1/series and /v1/stats points
 * carry the first five; an unknown figure is a 404, a
 * parameter the collection does not take a 400. Every list is in the order the linked
 * figures were stored (0050), so a new statement of the quantity joins each sibling's
 * lists at the end and is announced in the change feed only for the figures whose
 * documents show it, whatever its id sorts like (analyst 13, finding 3). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BOOT     "figure-pages-token-0123456789abcdef"
#define ARTICLES 24

static bct_daemon D;
static char TMP[64], DB[128];
static char FIGURE[ARTICLES][200]; /* the figure each article gave */

/* method target (with the bootstrap token when auth and a JSON body when body), expecting
 * status; the response (bct_response_free it). */
static void call(const char *method, const char *target, const char *body, int status,
                 bct_response *r)
{
    const char *headers[3] = {NULL, NULL, NULL};
    if (body != NULL) {
        headers[0] = "Authorization: Bearer " BOOT;
        headers[1] = "Content-Type: application/json";
    }
    bct_conn *c = bct_connect(D.port, 10000);
    assert_non_null(c);
    assert_int_equal(bct_request(c, method, target, headers, body, body ? strlen(body) : 0, r), 0);
    bct_close(c);
    if (r->status != status)
        fail_msg("%s %s: %d, want %d: %.600s", method, target, r->status, status, r->body);
}

/* GET target expecting status; the body as JSON (json_decref it). */
static json_t *get(const char *target, int status)
{
    bct_response r;
    call("GET", target, NULL, status, &r);
    json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
    if (j == NULL)
        fail_msg("GET %s: not JSON: %.300s", target, r.body);
    bct_response_free(&r);
    return j;
}

static const char *str(json_t *o, const char *key)
{
    const char *v = json_string_value(json_object_get(o, key));
    if (v == NULL)
        fail_msg("no string '%s'", key);
    return v;
}

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "figpages") != 0 ||
        bct_daemon_start_token(&D, DB, BOOT) != 0)
        return -1;
    /* one quantity, stated 24 times with 24 values, in articles worded apart */
    static const char *const days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
    for (int i = 0; i < ARTICLES; i++) {
        char title[120], text[600];
        snprintf(title, sizeof title, "Lang Son trade, customs note %d", i + 1);
        snprintf(text, sizeof text,
                 "%s\n\nLang Son province's import-export turnover reached %d.%d billion USD "
                 "in the first eleven months of 2024, the provincial customs office said in "
                 "its note number %d on %s.\n",
                 title, 3 + i / 10, i % 10, i + 1, days[i % 5]);
        json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", text, "lang", "en", "title", title,
                              "published_on", "2024-12-06");
        char *body = json_dumps(o, JSON_COMPACT);
        json_decref(o);
        bct_response r;
        call("POST", "/v1/sources", body, 201, &r);
        free(body);
        json_t *a = json_loadb(r.body, r.body_len, 0, NULL);
        bct_response_free(&r);
        json_t *ids =
            json_object_get(json_object_get(json_object_get(a, "source"), "facts"), "figures");
        if (json_array_size(ids) != 1)
            fail_msg("article %d gave %zu figures", i, json_array_size(ids));
        snprintf(FIGURE[i], sizeof FIGURE[i], "%s", json_string_value(json_array_get(ids, 0)));
        json_decref(a);
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

/* The other figures' ids in the order they were stored (the articles' order, not their
 * ids'): what figure k overlaps and conflicts with, in order. */
static void others(int k, char out[ARTICLES - 1][200])
{
    int n = 0;
    for (int i = 0; i < ARTICLES; i++)
        if (i != k)
            memcpy(out[n++], FIGURE[i], 200);
}

/* The document: the first 20 of each list (oldest stored first) and the two links. */
static void the_document_is_bounded(void **state)
{
    (void)state;
    char want[ARTICLES - 1][200], target[300];
    others(0, want);
    snprintf(target, sizeof target, "/v1/figures/%s", FIGURE[0]);
    json_t *doc = get(target, 200);
    json_t *ov = json_object_get(doc, "overlaps"), *cf = json_object_get(doc, "conflicts_with");
    assert_int_equal(json_array_size(ov), 20);
    assert_int_equal(json_array_size(cf), 20);
    /* no counts: they moved with every sibling (0048); the collections count them */
    assert_null(json_object_get(doc, "overlaps_total"));
    assert_null(json_object_get(doc, "conflicts_total"));
    for (size_t i = 0; i < 20; i++) {
        assert_string_equal(str(json_array_get(ov, i), "id"), want[i]);
        assert_string_equal(str(json_array_get(cf, i), "id"), want[i]);
    }
    char link[300];
    snprintf(link, sizeof link, "/v1/figures/%s/overlaps", FIGURE[0]);
    assert_string_equal(str(json_object_get(doc, "links"), "overlaps"), link);
    snprintf(link, sizeof link, "/v1/figures/%s/conflicts", FIGURE[0]);
    assert_string_equal(str(json_object_get(doc, "links"), "conflicts"), link);
    json_decref(doc);

    /* a list page: the first five, the counts and the links of every item */
    json_t *page = get("/v1/figures?curation=all&metric=trade_turnover&province=lang-son"
                       "&limit=500",
                       200);
    json_t *d;
    size_t i, seen = 0;
    json_array_foreach(json_object_get(page, "data"), i, d)
    {
        if (json_integer_value(json_object_get(d, "overlaps_total")) != ARTICLES - 1)
            continue;
        seen++;
        assert_int_equal(json_array_size(json_object_get(d, "overlaps")), 5);
        assert_int_equal(json_array_size(json_object_get(d, "conflicts_with")), 5);
        assert_non_null(strstr(str(json_object_get(d, "links"), "overlaps"), "/overlaps"));
    }
    assert_int_equal(seen, ARTICLES);
    json_decref(page);
}

/* Counts the points of points (an array) that carry the first five of 23 links and both
 * counts, as a list page does; fails on a point that embeds more. */
static size_t bounded_points(json_t *points)
{
    json_t *d;
    size_t i, seen = 0;
    json_array_foreach(points, i, d)
    {
        assert_true(json_array_size(json_object_get(d, "overlaps")) <= 5);
        assert_true(json_array_size(json_object_get(d, "conflicts_with")) <= 5);
        if (json_integer_value(json_object_get(d, "overlaps_total")) != ARTICLES - 1)
            continue;
        assert_int_equal(json_integer_value(json_object_get(d, "conflicts_total")), ARTICLES - 1);
        seen++;
    }
    return seen;
}

/* /v1/series and /v1/stats list every point of a quantity: each point carries the first
 * five of its links and their counts, never all of them (a store with thousands of
 * overlaps made both miss their budget). */
static void series_and_stats_points_are_bounded(void **state)
{
    (void)state;
    json_t *series = get("/v1/series?metric=trade_turnover&curation=all", 200), *one;
    size_t i, seen = 0;
    json_array_foreach(json_object_get(series, "series"), i, one) seen +=
        bounded_points(json_object_get(one, "points"));
    assert_int_equal(seen, ARTICLES);
    json_decref(series);
    json_t *stats = get("/v1/stats?curation=all", 200);
    json_t *trade = json_object_get(stats, "trade_turnover");
    size_t by_pair = 0, by_year = 0;
    json_array_foreach(json_object_get(trade, "by_pair"), i, one) by_pair +=
        bounded_points(json_object_get(one, "points"));
    json_array_foreach(json_object_get(trade, "by_year"), i, one) by_year +=
        bounded_points(json_object_get(one, "figures"));
    assert_int_equal(by_pair, ARTICLES);
    assert_int_equal(by_year, ARTICLES);
    json_decref(stats);
}

/* Walks a collection from target by links.next, checking each page's size and the ids
 * against want; returns the pages read. */
static int walk(const char *target, char want[ARTICLES - 1][200], size_t page_size)
{
    char next[2048];
    snprintf(next, sizeof next, "%s", target);
    size_t got = 0;
    int pages = 0;
    for (;;) {
        json_t *page = get(next, 200);
        pages++;
        json_t *data = json_object_get(page, "data"), *item;
        size_t i;
        assert_true(json_array_size(data) <= page_size);
        json_array_foreach(data, i, item)
        {
            assert_true(got < ARTICLES - 1);
            assert_string_equal(str(item, "id"), want[got]);
            got++;
        }
        json_t *n = json_object_get(json_object_get(page, "links"), "next");
        int more = json_is_string(n);
        if (more)
            snprintf(next, sizeof next, "%s", json_string_value(n));
        json_decref(page);
        if (!more)
            break;
        assert_true(pages < 10);
    }
    assert_int_equal(got, ARTICLES - 1);
    return pages;
}

/* Both collections page through every entry, with cursors, totals and CSV. */
static void the_collections_page_through_all(void **state)
{
    (void)state;
    char want[ARTICLES - 1][200], target[400];
    others(3, want);
    snprintf(target, sizeof target, "/v1/figures/%s/overlaps?limit=10", FIGURE[3]);
    assert_int_equal(walk(target, want, 10), 3);
    snprintf(target, sizeof target, "/v1/figures/%s/conflicts?limit=7", FIGURE[3]);
    assert_int_equal(walk(target, want, 7), 4);

    /* an entry is the document's entry; the total on request; the prev link goes back */
    snprintf(target, sizeof target, "/v1/figures/%s/conflicts?limit=2&total=true", FIGURE[3]);
    json_t *page = get(target, 200);
    json_t *e = json_array_get(json_object_get(page, "data"), 0);
    assert_string_equal(str(e, "curation"), "extracted");
    assert_non_null(strstr(str(e, "note"), "found by comparing"));
    assert_true(json_is_integer(json_object_get(e, "value")));
    assert_int_equal(json_integer_value(json_object_get(json_object_get(page, "meta"), "total")),
                     ARTICLES - 1);
    char next[2048];
    snprintf(next, sizeof next, "%s", str(json_object_get(page, "links"), "next"));
    json_decref(page);
    page = get(next, 200);
    json_t *prev = json_object_get(json_object_get(page, "links"), "prev");
    assert_true(json_is_string(prev));
    snprintf(next, sizeof next, "%s", json_string_value(prev));
    json_decref(page);
    page = get(next, 200);
    assert_string_equal(str(json_array_get(json_object_get(page, "data"), 0), "id"), want[0]);
    json_decref(page);

    /* CSV: one row per entry */
    snprintf(target, sizeof target, "/v1/figures/%s/overlaps?format=csv&limit=500", FIGURE[3]);
    bct_response r;
    call("GET", target, NULL, 200, &r);
    assert_non_null(strstr(bct_header_get(&r, "Content-Type"), "text/csv"));
    assert_memory_equal(r.body, "id,relation,by_parties,by_period,period,curation,links\r\n", 55);
    size_t rows = 0;
    for (const char *p = r.body; (p = strstr(p, "\r\n")) != NULL; p += 2)
        rows++;
    assert_int_equal(rows, 1 + ARTICLES - 1);
    bct_response_free(&r);
}

/* An unknown figure, a parameter the collection does not take, a method it does not. */
static void failures_are_clear(void **state)
{
    (void)state;
    json_t *p = get("/v1/figures/no-such-figure/overlaps", 404);
    assert_non_null(strstr(str(p, "detail"), "no figure with id 'no-such-figure'"));
    json_decref(p);
    char target[400];
    snprintf(target, sizeof target, "/v1/figures/%s/conflicts?province=lang-son", FIGURE[1]);
    p = get(target, 400);
    assert_string_equal(str(p, "code"), "unknown_parameter");
    json_decref(p);
    snprintf(target, sizeof target, "/v1/figures/%s/overlaps?sort=-period", FIGURE[1]);
    p = get(target, 400);
    assert_non_null(strstr(str(p, "detail"), "stored"));
    json_decref(p);
    snprintf(target, sizeof target, "/v1/figures/%s/overlaps?sort=value", FIGURE[1]);
    json_decref(get(target, 400));
    snprintf(target, sizeof target, "/v1/figures/%s/overlaps?limit=501", FIGURE[1]);
    json_decref(get(target, 400));
    snprintf(target, sizeof target, "/v1/figures/%s/overlaps", FIGURE[1]);
    bct_response r;
    call("DELETE", target, NULL, 405, &r);
    bct_response_free(&r);
}

/* Posts one statement of Lang Son's turnover in the first period ("eleven months of 2024")
 * under title; the feed's figure entries it made, as a JSON array (json_decref it). */
static json_t *post_and_read_feed(const char *title, const char *amount, const char *period)
{
    json_t *latest = get("/v1/changes?limit=1", 200);
    long long since =
        json_integer_value(json_object_get(json_object_get(latest, "meta"), "latest_seq"));
    json_decref(latest);
    char text[600];
    snprintf(text, sizeof text,
             "%s\n\nThe customs office put Lang Son province's import-export turnover at %s "
             "billion USD in the first %s.\n",
             title, amount, period);
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", text, "lang", "en", "title", title,
                          "published_on", "2024-12-06");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    bct_response r;
    call("POST", "/v1/sources", body, 201, &r);
    free(body);
    bct_response_free(&r);
    char target[120];
    snprintf(target, sizeof target, "/v1/changes?since=%lld&kind=figure&limit=500", since);
    json_t *feed = get(target, 200);
    json_t *data = json_incref(json_object_get(feed, "data"));
    json_decref(feed);
    return data;
}

/* How many entries of a feed excerpt have op op. */
static size_t count_op(json_t *data, const char *op)
{
    size_t i, n = 0;
    json_t *e;
    json_array_foreach(data, i, e) n += strcmp(str(e, "op"), op) == 0;
    return n;
}

/* Each figure already lists 23 others, its document the first 20 stored: a new figure is
 * stored last, so whether its id sorts after every sibling's or before, it changes no
 * document but its own and sits last in every sibling's collection. A document that shows
 * fewer than 20 entries does change, and is announced. */
static void the_feed_announces_only_real_changes(void **state)
{
    (void)state;
    static const char *const titles[] = {"Zz closing note on Lang Son trade",
                                         "Aa opening note on Lang Son trade",
                                         "0 first note on Lang Son trade"};
    static const char *const amounts[] = {"9.7", "9.8", "9.9"};
    for (int t = 0; t < 3; t++) {
        json_t *data = post_and_read_feed(titles[t], amounts[t], "eleven months of 2024");
        size_t i;
        json_t *e;
        json_array_foreach(data, i, e)
        {
            if (strcmp(str(e, "op"), "added") != 0)
                fail_msg("'%s' changed %s (%s)", titles[t], str(e, "id"),
                         json_dumps(json_object_get(e, "fields"), JSON_COMPACT));
        }
        assert_int_equal(json_array_size(data), 1);
        /* last in a sibling's overlaps and conflicts, though its id sorts first */
        const char *added = str(json_array_get(data, 0), "id");
        char target[400];
        snprintf(target, sizeof target, "/v1/figures/%s/conflicts?limit=500", FIGURE[5]);
        json_t *page = get(target, 200), *list = json_object_get(page, "data");
        assert_int_equal(json_array_size(list), ARTICLES + t);
        assert_string_equal(str(json_array_get(list, ARTICLES + t - 1), "id"), added);
        json_decref(page);
        /* sort=id still orders by id: the "0 ..." figure comes first there */
        if (t == 2) {
            snprintf(target, sizeof target, "/v1/figures/%s/overlaps?sort=id&limit=1", FIGURE[5]);
            page = get(target, 200);
            assert_string_equal(str(json_array_get(json_object_get(page, "data"), 0), "id"), added);
            json_decref(page);
        }
        json_decref(data);
    }
    /* the negative case: a quantity stated once before shows no entry; a second statement
     * enters that document, which changes and is announced (the new one only added) */
    json_t *data =
        post_and_read_feed("Lang Son trade in the year before", "8.1", "eleven months of 2023");
    assert_int_equal(json_array_size(data), 1);
    json_decref(data);
    data = post_and_read_feed("A second note on the year before", "8.2", "eleven months of 2023");
    assert_int_equal(count_op(data, "added"), 1);
    assert_int_equal(count_op(data, "changed"), 1);
    size_t i;
    json_t *e;
    json_array_foreach(data, i, e)
    {
        if (strcmp(str(e, "op"), "changed") != 0)
            continue;
        char *fields = json_dumps(json_object_get(e, "fields"), JSON_COMPACT);
        assert_string_equal(fields, "[\"conflicts_with\",\"overlaps\"]");
        free(fields);
    }
    json_decref(data);
}

/* The figure entries of the feed after since: how many, and whether one names id. */
static size_t feed_since(long long since, const char *id, int *names)
{
    char target[120];
    snprintf(target, sizeof target, "/v1/changes?since=%lld&kind=figure&limit=500", since);
    json_t *feed = get(target, 200), *data = json_object_get(feed, "data"), *e;
    size_t i, n = json_array_size(data);
    *names = 0;
    json_array_foreach(data, i, e) *names |= strcmp(str(e, "id"), id) == 0;
    json_decref(feed);
    return n;
}

static long long latest(void)
{
    json_t *feed = get("/v1/changes?limit=1", 200);
    long long seq =
        json_integer_value(json_object_get(json_object_get(feed, "meta"), "latest_seq"));
    json_decref(feed);
    return seq;
}

/* A review decision on the oldest statement, which every sibling's document shows first:
 * the documents name it without its curation, so approving it announces it alone; once one
 * sibling is reviewed, approving another enters that sibling's trusted lists, a real
 * change, announced with it (analyst 13, second recheck, new problem 1). */
static void a_decision_announces_what_it_changes(void **state)
{
    (void)state;
    char target[300];
    snprintf(target, sizeof target, "/v1/figures/%s", FIGURE[1]);
    json_t *doc = get(target, 200);
    json_t *entry = json_array_get(json_object_get(doc, "overlaps"), 0);
    assert_string_equal(str(entry, "id"), FIGURE[0]);
    assert_null(json_object_get(entry, "curation"));
    entry = json_array_get(json_object_get(doc, "conflicts_with"), 0);
    assert_null(json_object_get(entry, "curation"));
    assert_null(strstr(str(entry, "note"), "(extracted)"));
    assert_non_null(strstr(str(entry, "note"), "found by comparing"));
    json_decref(doc);
    /* the collection still says who vouched for each */
    snprintf(target, sizeof target, "/v1/figures/%s/conflicts?limit=1", FIGURE[1]);
    json_t *page = get(target, 200);
    assert_string_equal(str(json_array_get(json_object_get(page, "data"), 0), "curation"),
                        "extracted");
    json_decref(page);

    long long since = latest();
    bct_response r;
    snprintf(target, sizeof target, "/v1/review/figures/%s", FIGURE[0]);
    call("POST", target, "{\"action\":\"approve\"}", 200, &r);
    bct_response_free(&r);
    int names = 0;
    assert_int_equal(feed_since(since, FIGURE[0], &names), 1);
    assert_true(names);
    /* the sibling's document did not change; its collection shows the new curation */
    snprintf(target, sizeof target, "/v1/figures/%s", FIGURE[0]);
    page = get(target, 200);
    assert_string_equal(str(page, "curation"), "reviewed");
    json_decref(page);
    snprintf(target, sizeof target, "/v1/figures/%s/overlaps?limit=1", FIGURE[1]);
    page = get(target, 200);
    assert_string_equal(str(json_array_get(json_object_get(page, "data"), 0), "curation"),
                        "reviewed");
    json_decref(page);

    /* the negative case: the reviewed figure now lists the next one approved */
    since = latest();
    snprintf(target, sizeof target, "/v1/review/figures/%s", FIGURE[1]);
    call("POST", target, "{\"action\":\"approve\"}", 200, &r);
    bct_response_free(&r);
    assert_int_equal(feed_since(since, FIGURE[0], &names), 2);
    assert_true(names);
}

/* The index of id in figure of's document's overlaps, -1 when it is not among them. */
static int shown_at(const char *of, const char *id)
{
    char target[300];
    snprintf(target, sizeof target, "/v1/figures/%s", of);
    json_t *doc = get(target, 200), *e;
    size_t i;
    int at = -1;
    json_array_foreach(json_object_get(doc, "overlaps"), i,
                       e) if (at < 0 && strcmp(str(e, "id"), id) == 0) at = (int)i;
    json_decref(doc);
    return at;
}

/* Re-dating an article reads the same statement again: a figure that keeps its id keeps its
 * place in stored order, so the siblings that show it show it where they did, and a re-date
 * that changes nothing they show announces none of them (it was stored again and went last,
 * letting the 21st statement into every sibling's document: 44 feed entries). */
static void a_redated_figure_keeps_its_place(void **state)
{
    (void)state;
    int before = shown_at(FIGURE[3], FIGURE[2]);
    assert_true(before >= 0);
    char source[200], target[300];
    snprintf(source, sizeof source, "%.*s", (int)(strlen(FIGURE[2]) - 3), FIGURE[2]);
    assert_string_equal(FIGURE[2] + strlen(source), "-f1");
    long long since = latest();
    snprintf(target, sizeof target, "/v1/sources/%s", source);
    bct_response r;
    call("PATCH", target, "{\"published_on\":\"2024-12-09\"}", 200, &r);
    bct_response_free(&r);
    int names = 0;
    assert_int_equal(feed_since(since, FIGURE[2], &names), 0);
    assert_int_equal(shown_at(FIGURE[3], FIGURE[2]), before);
    /* its collection too: between the figures stored before and after it */
    snprintf(target, sizeof target, "/v1/figures/%s/overlaps?limit=500", FIGURE[5]);
    json_t *page = get(target, 200), *list = json_object_get(page, "data");
    assert_string_equal(str(json_array_get(list, 2), "id"), FIGURE[2]);
    assert_string_equal(str(json_array_get(list, 3), "id"), FIGURE[3]);
    json_decref(page);
}

/* The served bytes of figure id's document under ?curation=set, as a new string (free it). */
static char *served(const char *id, const char *set)
{
    char target[300];
    snprintf(target, sizeof target, "/v1/figures/%s?curation=%s", id, set);
    bct_response r;
    call("GET", target, NULL, 200, &r);
    char *body = strndup(r.body, r.body_len);
    bct_response_free(&r);
    assert_non_null(body);
    return body;
}

/* A rejection announces the documents whose served bytes it changes, and those alone. The
 * two oldest statements are reviewed by now (a_decision_announces_what_it_changes), so the
 * oldest extracted one is the third: every extracted statement of the quantity shows it
 * among its first 20, the reviewed ones list only trusted figures and never showed it.
 * Rejecting it: its own entry, its article's, and one for each extracted sibling whose
 * document loses it (the next statement enters); none for the reviewed siblings, whose
 * documents are the same bytes (session 30: does a rejection announce a sibling whose
 * document stays as it was?). */
static void a_rejection_announces_what_it_changes(void **state)
{
    (void)state;
    char target[300];
    const char *gone = FIGURE[2];
    /* every statement of the quantity: the rejected one and all it overlaps */
    snprintf(target, sizeof target, "/v1/figures/%s/overlaps?limit=500", gone);
    json_t *page = get(target, 200), *list = json_object_get(page, "data"), *e;
    size_t n = json_array_size(list) + 1, i;
    assert_true(n >= ARTICLES);
    const char **ids = calloc(n, sizeof *ids);
    char **before = calloc(n, sizeof *before), **after = calloc(n, sizeof *after);
    assert_true(ids && before && after);
    ids[0] = gone;
    json_array_foreach(list, i, e) ids[i + 1] = str(e, "id");
    for (i = 0; i < n; i++)
        before[i] = served(ids[i], "all");
    assert_true(shown_at(FIGURE[0], gone) < 0); /* a reviewed figure lists trusted ones */
    assert_int_equal(shown_at(FIGURE[3], gone), 2);

    long long since = latest();
    snprintf(target, sizeof target, "/v1/review/figures/%s", gone);
    bct_response r;
    call("POST", target, "{\"action\":\"reject\"}", 200, &r);
    bct_response_free(&r);

    size_t changed = 0;
    for (i = 0; i < n; i++) {
        after[i] = served(ids[i], i == 0 ? "rejected" : "all");
        changed += i > 0 && strcmp(before[i], after[i]) != 0;
    }
    /* every entry the decision added, of any kind */
    snprintf(target, sizeof target, "/v1/changes?since=%lld&limit=500", since);
    json_t *feed = get(target, 200), *data = json_object_get(feed, "data");
    size_t figures = 0, sources = 0, k;
    json_array_foreach(data, k, e)
    {
        const char *kind = str(e, "kind"), *id = str(e, "id");
        if (strcmp(kind, "source") == 0) {
            sources++;
            continue;
        }
        assert_string_equal(kind, "figure");
        figures++;
        size_t at = n;
        for (i = 0; i < n && at == n; i++)
            if (strcmp(ids[i], id) == 0)
                at = i;
        if (at == n)
            fail_msg("%s announced, no statement of the quantity", id);
        /* each one announced is the rejected figure or a document whose bytes changed */
        if (at > 0 && strcmp(before[at], after[at]) == 0)
            fail_msg("%s announced, its document unchanged", id);
    }
    /* and each document whose bytes changed is announced, once; the reviewed two are not,
     * their documents being the same bytes */
    assert_true(changed >= ARTICLES - 3);
    assert_int_equal(figures, 1 + changed);
    assert_int_equal(sources, 1);
    assert_int_equal(json_array_size(data), 2 + changed);
    for (i = 1; i < n; i++)
        if (strcmp(ids[i], FIGURE[0]) == 0 || strcmp(ids[i], FIGURE[1]) == 0)
            assert_string_equal(before[i], after[i]);
    int names = 0;
    feed_since(since, FIGURE[0], &names);
    assert_false(names);
    /* the negative case: a sibling whose list it left changed, and is announced */
    assert_true(shown_at(FIGURE[3], gone) < 0);
    feed_since(since, FIGURE[3], &names);
    assert_true(names);
    json_decref(feed);
    for (i = 0; i < n; i++) {
        free(before[i]);
        free(after[i]);
    }
    free(before);
    free(after);
    free(ids);
    json_decref(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_document_is_bounded),
        cmocka_unit_test(the_collections_page_through_all),
        cmocka_unit_test(series_and_stats_points_are_bounded),
        cmocka_unit_test(failures_are_clear),
        cmocka_unit_test(the_feed_announces_only_real_changes), /* it adds figures */
        cmocka_unit_test(a_decision_announces_what_it_changes), /* it reviews */
        cmocka_unit_test(a_redated_figure_keeps_its_place),
        cmocka_unit_test(a_rejection_announces_what_it_changes), /* last: it rejects */
    };
    return cmocka_run_group_tests_name("figure_pages", tests, setup, teardown);
}
