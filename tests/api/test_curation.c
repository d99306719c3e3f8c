/* test_curation.c: machine-read facts stay out of the trusted view until reviewed, on the
 * real daemon. An ingested article that names a curated crossing and a reception adds a
 * `reported` event to the curated project and a `talks` cooperation event: neither
 * changes /v1/stats or the curated project's default document, both are fetchable by
 * id, both wait in the review queue, and approving, rejecting or editing them works as
 * for every other kind of fact (issue 11, items 6 and 7). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "harness.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BOOT "bootstrap-token-for-the-curation-test"

static bct_daemon D;
static char TMP[64], DB[128];

static const char ARTICLE[] =
    "Quang Ninh and Guangxi review trade through Mong Cai\n\n"
    "On October 5, 2026, the Secretary of the Quang Ninh Provincial Party Committee received a "
    "delegation of Guangxi in Mong Cai. Import-export turnover through the Mong Cai\xe2\x80\x93"
    "Dongxing border gate pair reached USD 3.5 billion in the first nine months of 2026, up 12% "
    "year on year.\n";

static const char PROJECT[] = "/v1/border-gate-projects/mong-cai-dongxing-border-gate";

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "curation") != 0)
        return -1;
    return bct_daemon_start_token(&D, DB, BOOT);
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

/* method target (with the bootstrap token when auth), expecting status; the body as
 * JSON (json_decref it). */
static json_t *expect(const char *method, const char *target, int auth, const char *body,
                      int status)
{
    const char *headers[3] = {NULL, NULL, NULL};
    int n = 0;
    if (auth)
        headers[n++] = "Authorization: Bearer " BOOT;
    if (body != NULL)
        headers[n++] = "Content-Type: application/json";
    bct_conn *c = bct_connect(D.port, 10000);
    assert_non_null(c);
    bct_response r;
    assert_int_equal(bct_request(c, method, target, headers, body, body ? strlen(body) : 0, &r), 0);
    bct_close(c);
    if (r.status != status)
        fail_msg("%s %s: %d, want %d: %.600s", method, target, r.status, status, r.body);
    json_t *j = r.body_len ? json_loadb(r.body, r.body_len, 0, NULL) : json_object();
    if (j == NULL)
        fail_msg("%s %s: not JSON: %.300s", method, target, r.body);
    bct_response_free(&r);
    return j;
}

/* /v1/stats without what moves with every write (the store's version and time). */
static char *stats(const char *query)
{
    char target[100];
    snprintf(target, sizeof target, "/v1/stats%s", query);
    json_t *j = expect("GET", target, 0, NULL, 200);
    json_object_del(j, "store");
    char *text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(j);
    return text;
}

static json_int_t count(const char *query, const char *name)
{
    char target[100];
    snprintf(target, sizeof target, "/v1/stats%s", query);
    json_t *j = expect("GET", target, 0, NULL, 200);
    json_int_t n = json_integer_value(json_object_get(json_object_get(j, "counts"), name));
    json_decref(j);
    return n;
}

/* A province's counts, as compact JSON (free it); each equals the total of the list its
 * link opens, which shows trusted facts by default. */
static char *province_counts(const char *id)
{
    static const char *const KINDS[][2] = {{"meetings", "meetings"},
                                           {"figures", "figures"},
                                           {"border_gate_projects", "border-gate-projects"},
                                           {"events", "events"}};
    char target[200];
    snprintf(target, sizeof target, "/v1/provinces/%s", id);
    json_t *p = expect("GET", target, 0, NULL, 200);
    json_t *counts = json_object_get(p, "counts");
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++) {
        snprintf(target, sizeof target, "/v1/%s?province=%s&total=true&limit=1", KINDS[i][1], id);
        json_t *l = expect("GET", target, 0, NULL, 200);
        json_int_t total = json_integer_value(json_object_get(json_object_get(l, "meta"), "total"));
        json_int_t n = json_integer_value(json_object_get(counts, KINDS[i][0]));
        if (n != total)
            fail_msg("%s counts %s %lld, its list %lld", id, KINDS[i][0], (long long)n,
                     (long long)total);
        json_decref(l);
    }
    char *text = json_dumps(counts, JSON_COMPACT | JSON_SORT_KEYS);
    json_decref(p);
    return text;
}

/* The curations of the events of the curated project's default document, "a,b,". */
static void project_event_curations(char *out, size_t n)
{
    json_t *p = expect("GET", PROJECT, 0, NULL, 200);
    json_t *e;
    size_t i;
    out[0] = '\0';
    json_array_foreach(json_object_get(p, "events"), i, e)
    {
        size_t len = strlen(out);
        snprintf(out + len, n - len, "%s,", json_string_value(json_object_get(e, "curation")));
    }
    json_decref(p);
}

/* The id of the first pending fact of kind (collection name) in the queue (static). */
static const char *pending(const char *kind)
{
    static char id[200];
    char target[200];
    snprintf(target, sizeof target, "/v1/review?kind=%s&limit=500", kind);
    json_t *q = expect("GET", target, 1, NULL, 200);
    json_t *first = json_array_get(json_object_get(q, "data"), 0);
    if (first == NULL)
        fail_msg("nothing pending of kind %s", kind);
    snprintf(id, sizeof id, "%s", json_string_value(json_object_get(first, "id")));
    /* the queue entry links to where the fact is served, and that link works */
    const char *self = json_string_value(json_object_get(json_object_get(first, "links"), "self"));
    assert_non_null(self);
    json_decref(expect("GET", self, 0, NULL, 200));
    assert_non_null(json_object_get(first, "fact"));
    assert_false(json_is_null(json_object_get(first, "fact")));
    json_decref(q);
    return id;
}

static void ingest_changes_nothing_trusted_until_reviewed(void **state)
{
    (void)state;
    char *before = stats("");
    char *counts_before = province_counts("quang-ninh");
    char curations[400];
    project_event_curations(curations, sizeof curations);
    assert_null(strstr(curations, "extracted"));
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", ARTICLE, "lang", "en", "title",
                          "Quang Ninh and Guangxi review trade", "published_on", "2026-10-08");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = expect("POST", "/v1/sources", 1, body, 201);
    free(body);
    json_decref(j);
    /* the trusted summary and the curated project's default document do not move */
    char *after = stats("");
    assert_string_equal(before, after);
    free(after);
    /* nor do the counts of a province the article names (they count what its links list) */
    char *counts_after = province_counts("quang-ninh");
    assert_string_equal(counts_before, counts_after);
    free(counts_before);
    free(counts_after);
    project_event_curations(curations, sizeof curations);
    assert_null(strstr(curations, "extracted"));
    /* whoever asks for everything sees the machine-read facts */
    char *all = stats("?curation=all");
    assert_string_not_equal(before, all);
    free(all);
    /* both new kinds wait in the queue and are counted there */
    json_t *q = expect("GET", "/v1/review", 1, NULL, 200);
    json_t *p = json_object_get(json_object_get(q, "meta"), "pending");
    assert_true(json_integer_value(json_object_get(p, "events")) >= 1);
    assert_true(json_integer_value(json_object_get(p, "project_events")) >= 1);
    json_decref(q);
    free(before);
}

static void extracted_events_are_served_and_reviewed(void **state)
{
    (void)state;
    /* a listed extracted event is found by its id (links.self is alive) */
    json_t *l = expect("GET", "/v1/events?curation=extracted", 0, NULL, 200);
    json_t *ev = json_array_get(json_object_get(l, "data"), 0);
    assert_non_null(ev);
    const char *self = json_string_value(json_object_get(json_object_get(ev, "links"), "self"));
    assert_non_null(self);
    json_t *one = expect("GET", self, 0, NULL, 200);
    assert_string_equal(json_string_value(json_object_get(one, "curation")), "extracted");
    json_decref(one);
    json_decref(l);

    /* the event: edit its title (then reviewed), then reject it */
    char id[200], target[300];
    snprintf(id, sizeof id, "%s", pending("events"));
    snprintf(target, sizeof target, "/v1/review/events/%s", id);
    json_t *f = expect("GET", target, 1, NULL, 200);
    json_decref(f);
    json_int_t events = count("", "events");
    json_decref(expect("POST", target, 1,
                       "{\"action\":\"edit\",\"fields\":{\"title\":\"Quang Ninh receives a "
                       "Guangxi delegation\"},\"note\":\"a clearer title\"}",
                       200));
    assert_int_equal(count("", "events"), events + 1);
    snprintf(target, sizeof target, "/v1/events/%s", id);
    one = expect("GET", target, 0, NULL, 200);
    assert_string_equal(json_string_value(json_object_get(one, "curation")), "reviewed");
    assert_string_equal(json_string_value(json_object_get(one, "title")),
                        "Quang Ninh receives a Guangxi delegation");
    json_decref(one);
    snprintf(target, sizeof target, "/v1/review/events/%s", id);
    json_decref(expect("POST", target, 1, "{\"action\":\"reject\"}", 200));
    assert_int_equal(count("", "events"), events);
    json_decref(expect("POST", target, 1, "{\"action\":\"reject\"}", 409));
    json_decref(expect("POST", target, 1, "{\"action\":\"edit\",\"fields\":{\"colour\":1}}", 400));

    /* the reported event of the curated project: approving it makes it count */
    snprintf(id, sizeof id, "%s", pending("project-events"));
    json_int_t citations = count("", "citations");
    snprintf(target, sizeof target, "/v1/review/project-events/%s", id);
    json_decref(expect("POST", target, 1, "{\"action\":\"approve\"}", 200));
    assert_true(count("", "citations") > citations);
    char curations[400];
    project_event_curations(curations, sizeof curations);
    assert_non_null(strstr(curations, "reviewed"));
    /* and the log shows both kinds */
    json_t *log = expect("GET", "/v1/review/log?kind=project-events", 1, NULL, 200);
    assert_int_equal(json_array_size(json_object_get(log, "data")), 1);
    json_decref(log);
    log = expect("GET", "/v1/review/log?kind=events", 1, NULL, 200);
    assert_int_equal(json_array_size(json_object_get(log, "data")), 2);
    json_decref(log);
}

static char LAST_SOURCE[200]; /* the id of the source post() made */

/* POSTs text (lang, published_on) and returns the answer's "extracted" (json_decref). */
static json_t *post(const char *title, const char *text, const char *lang, const char *published)
{
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", text, "lang", lang, "title", title,
                          "published_on", published);
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = expect("POST", "/v1/sources", 1, body, 201);
    free(body);
    snprintf(LAST_SOURCE, sizeof LAST_SOURCE, "%s",
             json_string_value(json_object_get(json_object_get(j, "source"), "id")));
    json_t *x = json_incref(json_object_get(j, "extracted"));
    json_decref(j);
    return x;
}

/* A numbered meeting whose sentence names no mechanism by name is linked by the
 * provinces it names, or kept with its number, never dropped without a count. */
/* The ids of the meetings of jwc-guangxi under curation set `set`, as the mechanism's
 * document lists them (doc) and as /v1/meetings does, each joined with ','. */
static void mechanism_meetings(const char *set, char *doc, char *list, size_t n)
{
    char target[128];
    snprintf(target, sizeof target, "/v1/mechanisms/jwc-guangxi?curation=%s", set);
    json_t *j = expect("GET", target, 0, NULL, 200);
    json_t *e;
    size_t i;
    doc[0] = list[0] = '\0';
    json_array_foreach(json_object_get(j, "meetings"), i, e)
    {
        strncat(doc, json_string_value(json_object_get(e, "id")), n - strlen(doc) - 2);
        strcat(doc, ",");
    }
    json_decref(j);
    snprintf(target, sizeof target,
             "/v1/meetings?mechanism=jwc-guangxi&curation=%s&sort=date,ordinal&limit=100", set);
    j = expect("GET", target, 0, NULL, 200);
    json_array_foreach(json_object_get(j, "data"), i, e)
    {
        strncat(list, json_string_value(json_object_get(e, "id")), n - strlen(list) - 2);
        strcat(list, ",");
    }
    json_decref(j);
}

/* The ids in a person's `meetings` (document j), each followed by ','. */
static void person_meeting_ids(json_t *j, char *out, size_t n)
{
    json_t *e;
    size_t i;
    out[0] = '\0';
    json_array_foreach(json_object_get(j, "meetings"), i, e)
    {
        strncat(out, json_string_value(json_object_get(e, "id")), n - strlen(out) - 2);
        strcat(out, ",");
    }
}

/* A person's `meetings` follow the curation set as a mechanism's do: a meeting awaiting
 * review that names Wang Ning is in his document under all, not under trusted (the
 * detail asked so, and the list, trusted unless asked) */
static void person_meetings_follow_the_set(void **state)
{
    (void)state;
    json_t *x = post("Yunnan en de grensprovincies",
                     "Yunnan en de grensprovincies\n\nOp 30 oktober 2026 vond in Lao Cai onder "
                     "leiding van Wang Ning de 7e jaarlijkse conferentie tussen de "
                     "partijsecretarissen van 4 Vietnamese provincies en de partijsecretaris van "
                     "de provincie Yunnan plaats.\n",
                     "nl", "2026-11-01");
    assert_int_equal(json_integer_value(json_object_get(x, "meetings")), 1);
    json_decref(x);
    json_t *ext = expect("GET", "/v1/people/wang-ning?curation=all", 0, NULL, 200);
    char all[2048], trusted[2048], listed[2048];
    person_meeting_ids(ext, all, sizeof all);
    json_decref(ext);
    json_t *l = expect("GET", "/v1/meetings?curation=extracted&limit=100", 0, NULL, 200);
    json_t *e;
    size_t i;
    char unreviewed[160] = "";
    json_array_foreach(json_object_get(l, "data"), i, e)
    {
        char id[160];
        snprintf(id, sizeof id, "%s,", json_string_value(json_object_get(e, "id")));
        if (strstr(all, id) != NULL)
            snprintf(unreviewed, sizeof unreviewed, "%s", id);
    }
    json_decref(l);
    assert_true(unreviewed[0] != '\0'); /* the new meeting names him */
    json_t *t = expect("GET", "/v1/people/wang-ning?curation=trusted", 0, NULL, 200);
    person_meeting_ids(t, trusted, sizeof trusted);
    json_decref(t);
    assert_null(strstr(trusted, unreviewed));
    assert_true(strlen(trusted) > 0); /* his curated meetings stay */
    t = expect("GET", "/v1/people?limit=500", 0, NULL, 200);
    json_array_foreach(json_object_get(t, "data"), i, e)
    {
        if (strcmp(json_string_value(json_object_get(e, "id")), "wang-ning") == 0)
            person_meeting_ids(e, listed, sizeof listed);
    }
    json_decref(t);
    assert_string_equal(listed, trusted);
    /* the article's own `facts.meetings` the same way: its bare document embeds the trusted
     * set; asked for by that set it is a 404, as /v1/sources?curation=trusted leaves out an
     * ingested article with no fact in the set */
    char target[300], *ids;
    unreviewed[strlen(unreviewed) - 1] = '\0';
    snprintf(target, sizeof target, "/v1/sources/%s?curation=trusted", LAST_SOURCE);
    json_decref(expect("GET", target, 0, NULL, 404));
    snprintf(target, sizeof target, "/v1/sources/%s", LAST_SOURCE);
    t = expect("GET", target, 0, NULL, 200);
    ids = json_dumps(json_object_get(json_object_get(t, "facts"), "meetings"), JSON_COMPACT);
    assert_null(strstr(ids, unreviewed));
    free(ids);
    json_decref(t);
    snprintf(target, sizeof target, "/v1/sources/%s?curation=all", LAST_SOURCE);
    t = expect("GET", target, 0, NULL, 200);
    ids = json_dumps(json_object_get(json_object_get(t, "facts"), "meetings"), JSON_COMPACT);
    assert_non_null(strstr(ids, unreviewed));
    free(ids);
    json_decref(t);
    /* without ?curation= a detail embeds the trusted meetings, as its list row does */
    t = expect("GET", "/v1/people/wang-ning", 0, NULL, 200);
    person_meeting_ids(t, listed, sizeof listed);
    json_decref(t);
    assert_string_equal(listed, trusted);
}

/* The raw body of GET target (free it), expecting 200. */
static char *raw(const char *target)
{
    bct_response r;
    memset(&r, 0, sizeof r);
    assert_int_equal(bct_get(D.port, target, NULL, &r), 0);
    if (r.status != 200)
        fail_msg("GET %s: %d %s", target, r.status, r.body);
    char *body = strdup(r.body);
    bct_response_free(&r);
    return body;
}

/* Every item of a list page under a set is, byte for byte, its detail asked with that set:
 * the page's documents are narrowed together as a detail's one is (resource_set.c). The
 * default detail (no ?curation=) is the default list's item, trusted (analyst 15, S2-1). */
static void list_items_are_their_details_in_the_set(void **state)
{
    (void)state;
    static const char *const lists[] = {"mechanisms",           "people", "sources",
                                        "border-gate-projects", "events", "protocols"};
    static const char *const sets[] = {"trusted", "all", "extracted", "curated"};
    char target[400];
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
            /* an article has no curation of its own, so its detail is in no set without
             * curated facts, though the list under extracted shows an ingested one */
            if (strcmp(lists[l], "sources") == 0 && strcmp(sets[k], "extracted") == 0)
                continue;
            snprintf(target, sizeof target, "/v1/%s?limit=500&curation=%s", lists[l], sets[k]);
            char *page = raw(target);
            json_t *j = json_loads(page, 0, NULL), *e;
            size_t i;
            assert_non_null(j);
            json_array_foreach(json_object_get(j, "data"), i, e)
            {
                snprintf(target, sizeof target, "/v1/%s/%s?curation=%s", lists[l],
                         json_string_value(json_object_get(e, "id")), sets[k]);
                char *detail = raw(target);
                if (strstr(page, detail) == NULL)
                    fail_msg("%s is not its item of the list under %s", target, sets[k]);
                free(detail);
            }
            json_decref(j);
            free(page);
        }
    char *page = raw("/v1/people?limit=500");
    char *trusted = raw("/v1/people/wang-ning?curation=trusted");
    char *any = raw("/v1/people/wang-ning");
    assert_non_null(strstr(page, trusted));
    assert_string_equal(any, trusted);
    free(page);
    free(trusted);
    free(any);
}

/* The document at path (a dotted list of members) of GET target?curation=set (set NULL:
 * none), as compact JSON (free it). */
static char *member(const char *target, const char *set, const char *path)
{
    char t[400];
    snprintf(t, sizeof t, "%s%s%s", target, set != NULL ? "?curation=" : "", set ? set : "");
    json_t *j = expect("GET", t, 0, NULL, 200), *m = j;
    char p[100], *save = NULL;
    snprintf(p, sizeof p, "%s", path);
    for (char *k = strtok_r(p, ".", &save); k != NULL; k = strtok_r(NULL, ".", &save))
        m = json_is_array(m) ? json_array_get(m, (size_t)atoi(k)) : json_object_get(m, k);
    char *text = json_dumps(m, JSON_COMPACT | JSON_ENCODE_ANY);
    json_decref(j);
    return text;
}

/* Whether the item `id` of list page `target` names `what` in its JSON. */
static int item_names(const char *target, const char *id, const char *what)
{
    json_t *j = expect("GET", target, 0, NULL, 200), *e;
    size_t i;
    int found = -1;
    json_array_foreach(json_object_get(j, "data"), i, e)
    {
        if (strcmp(json_string_value(json_object_get(e, "id")), id) != 0)
            continue;
        char *text = json_dumps(e, JSON_COMPACT);
        found = strstr(text, what) != NULL;
        free(text);
    }
    json_decref(j);
    if (found < 0)
        fail_msg("%s lists no %s", target, id);
    return found;
}

/* Runs sql on the test's store, as another writer would. */
static void store_exec(const char *sql)
{
    sqlite3 *h;
    assert_int_equal(sqlite3_open(DB, &h), SQLITE_OK);
    sqlite3_busy_timeout(h, 5000);
    char *msg = NULL;
    if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg);
    sqlite3_close(h);
}

/* The member at path of target names meeting m (quoted) under the third of sets (all), not
 * under the first two nor the last (NULL: no ?curation=, the trusted set). */
static void names_under_all_only(const char *target, const char *path, const char *const sets[4],
                                 const char *m)
{
    for (size_t k = 0; k < 4; k++) {
        char *ms = member(target, sets[k], path);
        if ((strstr(ms, m + 1) != NULL) != (k == 2))
            fail_msg("%s %s under %s: %s", target, path, sets[k] ? sets[k] : "no set", ms);
        free(ms);
    }
}

/* Figures, projects (and each of their events), cooperation events and protocols name the
 * meetings /v1/meetings lists under the set asked for, as mechanisms and people do, and
 * so do their lists (trusted unless asked); a meeting awaiting review is named under all,
 * not by a detail asked without ?curation= (trusted, as its list row). An article's facts
 * and citations follow the set too. */
static void embedded_meetings_follow_the_set(void **state)
{
    (void)state;
    json_t *x = post("De negende conferentie in Ha Giang",
                     "De negende conferentie in Ha Giang\n\nOp 20 november 2025 vond in Ha Giang "
                     "de 9e jaarlijkse conferentie tussen de partijsecretarissen van 4 Vietnamese "
                     "provincies en de partijsecretaris van de provincie Yunnan plaats. De "
                     "handel tussen Ha Giang en Yunnan bedroeg in 2024 1,2 miljard dollar.\n",
                     "nl", "2025-11-22");
    assert_int_equal(json_integer_value(json_object_get(x, "meetings")), 1);
    assert_int_equal(json_integer_value(json_object_get(x, "figures")), 1);
    json_decref(x);
    char m[240], target[400], body[600];
    snprintf(m, sizeof m, "\"%s-m1\"", LAST_SOURCE);
    snprintf(target, sizeof target, "/v1/meetings/%.200s-m1", LAST_SOURCE);
    char *cur = member(target, NULL, "curation");
    assert_string_equal(cur, "\"extracted\"");
    free(cur);

    /* a reviewer links an extracted figure to the meeting: the figure is then reviewed,
     * in the trusted list, the meeting still awaiting review */
    char fig[220];
    snprintf(fig, sizeof fig, "%.200s-f1", LAST_SOURCE);
    snprintf(target, sizeof target, "/v1/review/figures/%s", fig);
    snprintf(body, sizeof body,
             "{\"action\":\"edit\",\"fields\":{\"meeting\":%s},\"note\":\"stated at it\"}", m);
    json_decref(expect("POST", target, 1, body, 200));
    snprintf(target, sizeof target, "/v1/figures/%s", fig);
    static const char *const sets[] = {"trusted", "reviewed", "all", NULL};
    names_under_all_only(target, "meetings", sets, m);
    assert_false(item_names("/v1/figures?limit=500", fig, m));
    assert_true(item_names("/v1/figures?limit=500&curation=all", fig, m));

    /* the figure's article is in the trusted view now: it names only trusted facts there,
     * and counts their citations only */
    snprintf(target, sizeof target, "/v1/figures/%s", fig);
    char *src = member(target, NULL, "sources.0.source_id");
    src[strlen(src) - 1] = '\0';
    snprintf(target, sizeof target, "/v1/sources/%s", src + 1);
    free(src);
    char *t_facts = member(target, "trusted", "facts"), *a_facts = member(target, "all", "facts");
    char *d_facts = member(target, NULL, "facts");
    json_t *tf = json_loads(t_facts, 0, NULL), *ids;
    const char *kind;
    json_object_foreach(tf, kind, ids)
    {
        size_t i;
        json_t *id;
        json_array_foreach(ids, i, id)
        {
            char one[400];
            snprintf(one, sizeof one, "/v1/%s/%s?curation=trusted",
                     strcmp(kind, "border_gate_projects") == 0 ? "border-gate-projects" : kind,
                     json_string_value(id));
            json_decref(expect("GET", one, 0, NULL, 200));
        }
    }
    json_decref(tf);
    assert_non_null(strstr(t_facts, fig));
    assert_null(strstr(t_facts, m)); /* the meeting awaits review */
    assert_non_null(strstr(a_facts, m));
    assert_string_equal(d_facts, t_facts);
    char *t_cit = member(target, "trusted", "citations"),
         *a_cit = member(target, "all", "citations");
    char *d_cit = member(target, NULL, "citations");
    assert_true(atoi(t_cit) > 0 && atoi(t_cit) < atoi(a_cit));
    assert_string_equal(d_cit, t_cit);
    free(t_facts);
    free(a_facts);
    free(d_facts);
    free(t_cit);
    free(a_cit);
    free(d_cit);

    /* curated facts that name the meeting, as a load naming it would */
    char sql[1200];
    snprintf(sql, sizeof sql,
             "INSERT INTO coop_event_meetings (event_id, meeting_id, seq) VALUES "
             "('spring-greetings-at-the-border', '%.200s-m1', 9); UPDATE project_events SET "
             "meeting_id = '%.200s-m1' WHERE id = 'lao-cai-hekou-railway-bridge-e1'; UPDATE "
             "protocols SET meeting_id = '%.200s-m1' WHERE id = 'jwg-yunnan-11-protocol';",
             LAST_SOURCE, LAST_SOURCE, LAST_SOURCE);
    store_exec(sql);
    static const struct {
        const char *target, *path;
    } named[] = {
        {"/v1/events/spring-greetings-at-the-border", "meetings"},
        {"/v1/border-gate-projects/lao-cai-hekou-railway-bridge", "meetings"},
        {"/v1/border-gate-projects/lao-cai-hekou-railway-bridge", "events.0.meeting"},
        {"/v1/border-gate-projects/lao-cai-hekou-railway-bridge", "latest_event.meeting"},
        {"/v1/protocols/jwg-yunnan-11-protocol", "meeting"},
        {"/v1/protocols/jwg-yunnan-11-protocol", "meetings"},
    };
    static const char *const curated_sets[] = {"trusted", "curated", "all", NULL};
    for (size_t n = 0; n < sizeof named / sizeof named[0]; n++)
        names_under_all_only(named[n].target, named[n].path, curated_sets, m);
    /* the event keeps its curated meeting; a project event's meeting left out is null */
    char *ms = member(named[0].target, "trusted", "meetings");
    assert_non_null(strstr(ms, "jwg-yunnan-11"));
    free(ms);
    ms = member(named[2].target, "trusted", named[2].path);
    assert_string_equal(ms, "null");
    free(ms);
    assert_false(item_names("/v1/events?limit=499", "spring-greetings-at-the-border", m));
    assert_false(
        item_names("/v1/border-gate-projects?limit=499", "lao-cai-hekou-railway-bridge", m));
    assert_false(item_names("/v1/protocols?limit=499", "jwg-yunnan-11-protocol", m));
    assert_true(item_names("/v1/protocols?limit=499&curation=all", "jwg-yunnan-11-protocol", m));
    store_exec("DELETE FROM coop_event_meetings WHERE seq = 9 AND event_id = "
               "'spring-greetings-at-the-border'; UPDATE project_events SET meeting_id = "
               "'jwg-yunnan-11' WHERE id = 'lao-cai-hekou-railway-bridge-e1'; UPDATE protocols "
               "SET meeting_id = 'jwg-yunnan-11' WHERE id = 'jwg-yunnan-11-protocol';");
}

static void numbered_meetings_are_linked_or_kept(void **state)
{
    (void)state;
    /* the committee of Guangxi and four provinces, Tuyen Quang named for Ha Giang */
    json_t *x = post("第十七次会议在东兴举行",
                     "第十七次会议在东兴举行\n\n10月16日，中越广西与越南广宁、谅山、高平、宣光四省"
                     "联合工作委员会第十七次会议在东兴市举行。\n",
                     "zh", "2026-10-20");
    assert_int_equal(json_integer_value(json_object_get(x, "meetings")), 1);
    json_decref(x);
    json_t *l =
        expect("GET", "/v1/meetings?curation=extracted&mechanism=jwc-guangxi", 0, NULL, 200);
    json_t *m = json_array_get(json_object_get(l, "data"), 0);
    assert_non_null(m);
    assert_int_equal(json_integer_value(json_object_get(m, "ordinal")), 17);
    assert_string_equal(json_string_value(json_object_get(m, "date")), "2026-10-16");
    /* its sentence names the kind of body and its members (广宁、谅山、高平、宣光, written
     * without their 省): the mechanism is stated, as in the Vietnamese "Nhóm công tác liên
     * hợp giữa bốn tỉnh ..." (outsider 9, F11: a province without its 省 was not read as
     * named, so the mechanism and the place such a sentence gives were marked inferred) */
    char *inferred = json_dumps(json_object_get(m, "inferred"), JSON_COMPACT);
    assert_null(strstr(inferred, "mechanism"));
    assert_null(strstr(inferred, "place"));
    /* the mechanism's document lists the meetings /v1/meetings lists under the set asked
     * for: the unreviewed one under all, not under trusted or curated (a mechanism is
     * curated: not in the set extracted); without ?curation= a detail lists the trusted
     * ones, as its list row does */
    char ext_id[128], doc[2048], list[2048];
    snprintf(ext_id, sizeof ext_id, "%s,", json_string_value(json_object_get(m, "id")));
    static const char *const sets[] = {"trusted", "curated", "all"};
    for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
        mechanism_meetings(sets[k], doc, list, sizeof doc);
        assert_string_equal(doc, list);
        assert_int_equal(strstr(doc, ext_id) != NULL, k == 2);
    }
    mechanism_meetings("trusted", doc, list, sizeof doc);
    assert_true(strlen(doc) > 0); /* the curated meetings stay */
    json_t *any = expect("GET", "/v1/mechanisms/jwc-guangxi", 0, NULL, 200);
    char *all = json_dumps(json_object_get(any, "meetings"), JSON_COMPACT);
    ext_id[strlen(ext_id) - 1] = '\0';
    assert_null(strstr(all, ext_id));
    free(all);
    json_decref(any);
    /* a list of mechanisms shows each one's meetings under the list's set (trusted unless
     * asked) */
    static const char *const lists[] = {"/v1/mechanisms?limit=100",
                                        "/v1/mechanisms?limit=100&curation=all"};
    for (size_t k = 0; k < 2; k++) {
        json_t *ml = expect("GET", lists[k], 0, NULL, 200);
        char *text = json_dumps(json_object_get(ml, "data"), JSON_COMPACT);
        assert_int_equal(strstr(text, ext_id) != NULL, k == 1);
        free(text);
        json_decref(ml);
    }
    free(inferred);
    json_decref(l);
    /* a working group the store does not know: an event with its number */
    x = post("La 7e réunion du groupe de travail",
             "La 7e réunion du groupe de travail\n\nLa 7e réunion du groupe de travail conjoint "
             "entre la province de Quang Ninh (Vietnam) et la Région autonome Zhuang du Guangxi "
             "(Chine) s'est tenue le 6 octobre dans la ville de Mong Cai.\n",
             "fr", "2026-10-08");
    assert_int_equal(json_integer_value(json_object_get(x, "meetings")), 0);
    assert_int_equal(json_integer_value(json_object_get(x, "events")), 1);
    json_decref(x);
    l = expect("GET", "/v1/events?curation=extracted&limit=100", 0, NULL, 200);
    json_t *ev;
    size_t i;
    int found = 0;
    json_array_foreach(json_object_get(l, "data"), i, ev)
    {
        const char *title = json_string_value(json_object_get(ev, "title"));
        found += title != NULL && strncmp(title, "Meeting 7 of", 12) == 0 &&
                 strcmp(json_string_value(json_object_get(ev, "date")), "2026-10-06") == 0;
    }
    assert_int_equal(found, 1);
    json_decref(l);
    /* the same text again with another date: nothing written, and said so */
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text",
                          "La 7e réunion du groupe de travail\n\nLa 7e réunion du groupe de "
                          "travail conjoint entre la province de Quang Ninh (Vietnam) et la Région "
                          "autonome Zhuang du Guangxi (Chine) s'est tenue le 6 octobre dans la "
                          "ville de Mong Cai.\n",
                          "lang", "fr", "title", "La 7e réunion du groupe de travail",
                          "published_on", "2026-10-09");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *again = expect("POST", "/v1/sources", 1, body, 200);
    free(body);
    json_t *kept = json_object_get(again, "not_updated");
    assert_int_equal(json_array_size(kept), 1);
    assert_string_equal(json_string_value(json_array_get(kept, 0)), "published_on");
    json_decref(again);
}

/* The number of meetings /v1/meetings lists under query. */
static json_int_t listed(const char *query)
{
    char target[100];
    snprintf(target, sizeof target, "/v1/meetings?limit=1&total=true%s", query);
    json_t *j = expect("GET", target, 0, NULL, 200);
    json_int_t n = json_integer_value(json_object_get(json_object_get(j, "meta"), "total"));
    json_decref(j);
    return n;
}

/* A figure gets the provinces of a mechanism's name only when its sentence names them
 * apart from it; a meeting that is a known meeting (same_as) is counted and listed once,
 * as the known one, and a trade headline naming a pair is no event of the railway bridge
 * between the same towns. */
static void parties_and_twins(void **state)
{
    (void)state;
    json_int_t all = count("?curation=all", "meetings"),
               held = count("?curation=all", "meetings_held"), in_list = listed("&curation=all"),
               extracted = listed("&curation=extracted");
    assert_int_equal(all, in_list);
    json_t *x =
        post("Lao Cai–Hekou trade reaches USD 2.1 billion in ten months",
             "Lao Cai\xe2\x80\x93Hekou trade reaches USD 2.1 billion in ten months\n\n"
             "Kunming (VNA) \xe2\x80\x93 At the 12th meeting of the Joint Working Group "
             "of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China), held "
             "in Kunming on November 12, delegates heard that import-export turnover through "
             "the Lao Cai\xe2\x80\x93Hekou border gate pair reached USD 2.1 billion in the "
             "first ten months of 2026, up 18% year on year.\n",
             "en", "2026-11-14");
    assert_int_equal(json_integer_value(json_object_get(x, "meetings")), 1);
    assert_int_equal(json_integer_value(json_object_get(x, "same_as_known_meetings")), 1);
    json_decref(x);
    /* the extracted 12th meeting is the curated one: counted and listed once, beside its
     * twin nowhere; under curation=extracted, where its twin is not, it is listed */
    assert_int_equal(count("?curation=all", "meetings"), all);
    assert_int_equal(count("?curation=all", "meetings_held") - held, 0);
    assert_int_equal(listed("&curation=all"), in_list);
    assert_int_equal(listed("&curation=extracted"), extracted + 1);
    /* neither the headline nor the gate pair is an event of the railway bridge */
    json_t *q = expect("GET", "/v1/review?kind=project-events&limit=500", 1, NULL, 200);
    json_t *it;
    size_t e;
    json_array_foreach(json_object_get(q, "data"), e, it)
    {
        const char *pid = json_string_value(
            json_object_get(json_object_get(json_object_get(it, "fact"), "project"), "id"));
        assert_true(pid == NULL || strcmp(pid, "lao-cai-hekou-railway-bridge") != 0);
    }
    json_decref(q);
    /* the title's words past its dash are in the id */
    assert_int_equal(strncmp(LAST_SOURCE, "lao-cai-hekou-trade-reaches-usd-2-1-billion-in-en-",
                             strlen("lao-cai-hekou-trade-reaches-usd-2-1-billion-in-en-")),
                     0);
    /* the turnover through the gate pair is not the five provinces' */
    json_t *l = expect("GET", "/v1/figures?curation=extracted&limit=100", 0, NULL, 200);
    json_t *f;
    size_t i;
    int seen = 0;
    json_array_foreach(json_object_get(l, "data"), i, f)
    {
        if (json_number_value(json_object_get(f, "value")) != 2.1e9)
            continue;
        seen++;
        char *parties = json_dumps(json_object_get(f, "parties"), JSON_COMPACT);
        assert_null(strstr(parties, "dien-bien"));
        assert_null(strstr(parties, "lai-chau"));
        assert_non_null(strstr(parties, "lao-cai"));
        free(parties);
        assert_non_null(json_string_value(json_object_get(f, "note")));
    }
    assert_int_equal(seen, 1);
    json_decref(l);
}

/* A crossing named by the sides of a known project is an event of that project when its
 * own words name the project's kind, whatever kind the words of another crossing in its
 * sentence describe; named without its kind, it is no bridge or railway of those sides. */
static void known_sides_link_the_known_crossing(void **state)
{
    (void)state;
    json_t *x = post("Lao Cai asks for faster work on crossings",
                     "Lao Cai asks for faster work on crossings\n\nNguyen Thanh Sinh, Vice "
                     "Chairman of the Lao Cai provincial People's Committee, asked Yunnan to speed "
                     "up the upgrade of the Ban Vuoc\xe2\x80\x93"
                     "Ba Sai bridge and to support "
                     "progress on the standard-gauge railway that will link Lao Cai with Hekou.\n",
                     "en", "2026-11-14");
    assert_int_equal(json_integer_value(json_object_get(x, "border_gate_projects")), 0);
    assert_true(json_integer_value(json_object_get(x, "project_events")) >= 1);
    json_decref(x);
    json_t *q = expect("GET", "/v1/review?kind=project-events&limit=500", 1, NULL, 200);
    json_t *it;
    size_t i;
    int found = 0;
    json_array_foreach(json_object_get(q, "data"), i, it)
    {
        const char *pid = json_string_value(
            json_object_get(json_object_get(json_object_get(it, "fact"), "project"), "id"));
        found += pid != NULL && strcmp(pid, "ban-vuoc-ba-sai-road-bridge") == 0;
    }
    assert_int_equal(found, 1);
    json_decref(q);
}

/* A series and a stats pair never mix currencies without saying so, and figures without
 * parties have a label. */
static void currencies_are_kept_apart(void **state)
{
    (void)state;
    json_decref(post("东兴口岸进出口额达285亿元",
                     "东兴口岸进出口额达285亿元\n\n据介绍，前三季度，东兴口岸进出口总额达285亿元，"
                     "同比增长11.3%。\n",
                     "zh", "2026-10-20"));
    json_t *j = expect("GET", "/v1/series?metric=trade_turnover&curation=all", 0, NULL, 200);
    json_t *sr;
    size_t i;
    int cny = 0;
    json_array_foreach(json_object_get(j, "series"), i, sr)
    {
        assert_true(strlen(json_string_value(json_object_get(sr, "label"))) > 0);
        json_t *pts = json_object_get(sr, "points");
        for (size_t k = 1; k < json_array_size(pts); k++) {
            const char *u0 = json_string_value(json_object_get(json_array_get(pts, k - 1), "unit"));
            const char *u1 = json_string_value(json_object_get(json_array_get(pts, k), "unit"));
            if (strcmp(u0, u1) != 0) {
                char *reasons = json_dumps(json_object_get(sr, "reasons"), JSON_COMPACT);
                assert_non_null(strstr(reasons, " in CNY"));
                free(reasons);
                cny++;
            }
        }
    }
    assert_true(cny >= 1);
    json_decref(j);
    j = expect("GET", "/v1/stats?curation=all", 0, NULL, 200);
    json_t *tt = json_object_get(j, "trade_turnover");
    assert_string_equal(json_string_value(json_object_get(tt, "unit")), "mixed");
    json_array_foreach(json_object_get(tt, "by_pair"), i, sr)
    {
        const char *unit = json_string_value(json_object_get(sr, "unit"));
        json_t *pt;
        size_t k;
        json_array_foreach(json_object_get(sr, "points"), k, pt)
            assert_string_equal(json_string_value(json_object_get(pt, "unit")), unit);
    }
    json_decref(j);
}

/* The content version after `bordercoop ingest FILE ARGS` into a fresh store at db
 * (static). */
static const char *version_after(const char *db, const char *file, const char *args)
{
    static char v[80];
    bc_err err;
    const char *data = getenv("BC_DATA") ? getenv("BC_DATA") : "data";
    assert_int_equal(bc_loader_build(data, db, NULL, &err), 0);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s ingest %s --db %s --lang zh %s 2>/dev/null", getenv("BC_CLI"),
             file, db, args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char out[2048] = "";
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    assert_int_equal(pclose(p), 0);
    const char *at = strstr(out, "content ");
    assert_non_null(at);
    snprintf(v, sizeof v, "%.16s", at + 8);
    return v;
}

/* Two stores given the same text with and without a publication date hold different
 * content: their versions (ETags) differ. */
static void content_version_follows_what_was_given(void **state)
{
    (void)state;
    char file[128], a[128], b[128], va[80];
    snprintf(file, sizeof file, "%s/zh.txt", TMP);
    snprintf(a, sizeof a, "%s/a.db", TMP);
    snprintf(b, sizeof b, "%s/b.db", TMP);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs(
        "10月16日，中越广西与越南广宁、谅山、高平、宣光四省联合工作委员会第十七次会议在东兴市举行。"
        "\n",
        f);
    fclose(f);
    snprintf(va, sizeof va, "%s", version_after(a, file, "--published-on 2026-10-20"));
    assert_string_not_equal(va, version_after(b, file, ""));
}

/* The `curation` facet of list under curation=base: each bucket is the total of the list
 * filtered by that curation (analyst 11, F14: under curation=all the extracted meetings
 * counted 2, the list of curation=extracted held 9, a twin folded into its known meeting
 * being listed there); the buckets' sum is the total, or for meetings, whose sets fold
 * twins, at least it. Returns the sum minus the total. */
static json_int_t curation_facet_checked(const char *list, const char *base)
{
    char target[200];
    snprintf(target, sizeof target, "%s?facets=curation&limit=1%s%s", list, base[0] ? "&" : "",
             base);
    json_t *j = expect("GET", target, 0, NULL, 200);
    json_t *meta = json_object_get(j, "meta"), *b;
    json_int_t total = json_integer_value(json_object_get(meta, "total")), sum = 0;
    size_t i;
    json_array_foreach(json_object_get(json_object_get(meta, "facets"), "curation"), i, b)
    {
        json_int_t n = json_integer_value(json_object_get(b, "count"));
        const char *value = json_string_value(json_object_get(b, "value"));
        assert_non_null(value);
        snprintf(target, sizeof target, "%s?total=true&limit=1&curation=%s", list, value);
        json_t *l = expect("GET", target, 0, NULL, 200);
        json_int_t listed_n =
            json_integer_value(json_object_get(json_object_get(l, "meta"), "total"));
        json_decref(l);
        if (n != listed_n)
            fail_msg("%s?%s: facet curation=%s counts %lld, the list filtered by it has %lld", list,
                     base, value, (long long)n, (long long)listed_n);
        sum += n;
    }
    json_decref(j);
    int folds = strcmp(list, "/v1/meetings") == 0;
    if (folds ? sum < total : sum != total)
        fail_msg("%s?%s: facet curation sums to %lld, total %lld", list, base, (long long)sum,
                 (long long)total);
    return sum - total;
}

static void curation_facet_counts_each_filter(void **state)
{
    (void)state;
    static const char *const lists[] = {"/v1/meetings", "/v1/figures", "/v1/events",
                                        "/v1/border-gate-projects"};
    static const char *const bases[] = {"",
                                        "curation=all",
                                        "curation=trusted",
                                        "curation=curated",
                                        "curation=reviewed",
                                        "curation=extracted",
                                        "curation=rejected"};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++)
            curation_facet_checked(lists[l], bases[b]);
    /* the extracted 12th meeting of parties_and_twins is folded into the curated one under
     * curation=all and counted as extracted all the same */
    assert_true(curation_facet_checked("/v1/meetings", "curation=all") > 0);
    assert_int_equal(curation_facet_checked("/v1/meetings", "curation=extracted"), 0);
}

/* The `province` facet of list under curation=base: each bucket is the total of the list
 * filtered by that province. Under the curation filter alone the meetings' and figures'
 * buckets are counted from a table kept for them (0045, 0046), where a twin folded into
 * its known meeting must be left out as the list leaves it out (the extracted 12th meeting
 * of parties_and_twins under curation=all), and Tuyen Quang counts Ha Giang's too. */
static void province_facet_counts_each_filter(void **state)
{
    (void)state;
    static const char *const lists[] = {"/v1/meetings", "/v1/figures", "/v1/trade-figures"};
    static const char *const bases[] = {"", "curation=all", "curation=trusted", "curation=curated",
                                        "curation=extracted"};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
            char target[200];
            snprintf(target, sizeof target, "%s?facets=province&limit=1%s%s", lists[l],
                     bases[b][0] ? "&" : "", bases[b]);
            json_t *j = expect("GET", target, 0, NULL, 200), *bk;
            size_t i, named = 0;
            json_array_foreach(
                json_object_get(json_object_get(json_object_get(j, "meta"), "facets"), "province"),
                i, bk)
            {
                const char *value = json_string_value(json_object_get(bk, "value"));
                if (value == NULL)
                    continue; /* the null bucket has no filter */
                json_int_t n = json_integer_value(json_object_get(bk, "count"));
                snprintf(target, sizeof target, "%s?total=true&limit=1&province=%s%s%s", lists[l],
                         value, bases[b][0] ? "&" : "", bases[b]);
                json_t *o = expect("GET", target, 0, NULL, 200);
                json_int_t listed =
                    json_integer_value(json_object_get(json_object_get(o, "meta"), "total"));
                json_decref(o);
                if (n != listed)
                    fail_msg("%s?%s: facet province=%s counts %lld, the list filtered by it "
                             "has %lld",
                             lists[l], bases[b], value, (long long)n, (long long)listed);
                named++;
            }
            if (b != 4 && named == 0) /* only the review queue may name none */
                fail_msg("%s?%s: no province counted", lists[l], bases[b]);
            json_decref(j);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ingest_changes_nothing_trusted_until_reviewed),
        cmocka_unit_test(extracted_events_are_served_and_reviewed),
        cmocka_unit_test(numbered_meetings_are_linked_or_kept),
        cmocka_unit_test(person_meetings_follow_the_set),
        cmocka_unit_test(list_items_are_their_details_in_the_set),
        cmocka_unit_test(embedded_meetings_follow_the_set),
        cmocka_unit_test(parties_and_twins),
        cmocka_unit_test(known_sides_link_the_known_crossing),
        cmocka_unit_test(content_version_follows_what_was_given),
        cmocka_unit_test(currencies_are_kept_apart),
        cmocka_unit_test(curation_facet_counts_each_filter),
        cmocka_unit_test(province_facet_counts_each_filter),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
