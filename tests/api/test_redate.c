/* test_redate.c: PATCH /v1/sources/{id} on the real daemon (analyst3's problem 11: an
 * article first sent without published_on could never get its dates). An article sent
 * without its date gets it: its meeting is dated, the source's ETag and the change feed
 * move, the audit log says who; the same date again changes nothing; a reviewed fact
 * keeps its decision across a re-dating, and one that would read differently is a 409
 * naming it; a rebuild keeps the date and the decisions; bad input, unknown and curated
 * sources, missing or wrong keys and content types are clear problems; `bordercoop
 * redate` does the same from a shell. */
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
#include <time.h>

#define BOOT "bootstrap-token-for-the-redate-test"

static bct_daemon D;
static char TMP[64], DB[128];

enum { IAN, ALICE, NKEYS }; /* an ingest key and a review key */
static const char *const NAMES[NKEYS] = {"ian", "alice"};
static const char *const ROLES[NKEYS] = {"ingest", "review"};
static char KEYS[NKEYS][64];

static const char TEXT[] =
    "Lao Cai and Yunnan review border trade\n\n"
    "On November 12, the 13th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen "
    "Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Lao Cai. The two sides said that "
    "import-export turnover between the four Vietnamese provinces and Yunnan reached USD 8.1 "
    "billion in 2025. On November 11, officials of Lao Cai and Yunnan held talks in Hekou on the "
    "Lao Cai - Hekou railway bridge.\n";

static char ID[200]; /* the article's source id */

/* The CLI with args against DB: its stdout (new, free()), or NULL when it failed. */
static char *cli(const char *args)
{
    return bct_cli_stdout(DB, args);
}

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "redate") != 0)
        return -1;
    unsetenv("BORDERCOOP_KEY");
    for (int i = 0; i < NKEYS; i++)
        if (bct_key_add(DB, NAMES[i], ROLES[i], KEYS[i], sizeof KEYS[i]) != 0)
            return -1;
    return bct_daemon_start_token(&D, DB, BOOT);
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

/* method target with key (an index, -1 for none, -2 for a token of no key), body of
 * content type ct (NULL: application/json), more headers; the response in *r. */
static void call(const char *method, const char *target, int key, const char *body, const char *ct,
                 const char *extra, bct_response *r)
{
    const char *headers[4] = {NULL, NULL, NULL, NULL};
    char auth[200], type[200];
    int n = 0;
    if (key != -1) {
        snprintf(auth, sizeof auth, "Authorization: Bearer %s",
                 key >= 0 ? KEYS[key] : "bck_not0a0key0of0this0store0000000000000000000");
        headers[n++] = auth;
    }
    if (body != NULL) {
        snprintf(type, sizeof type, "Content-Type: %s", ct ? ct : "application/json");
        headers[n++] = type;
    }
    if (extra != NULL)
        headers[n++] = extra;
    bct_conn *c = bct_connect(D.port, 20000);
    assert_non_null(c);
    assert_int_equal(bct_request(c, method, target, headers, body, body ? strlen(body) : 0, r), 0);
    bct_close(c);
}

/* As call, expecting status; the body as JSON (json_decref it). */
static json_t *expect(const char *method, const char *target, int key, const char *body, int status)
{
    bct_response r;
    call(method, target, key, body, NULL, NULL, &r);
    if (r.status != status)
        fail_msg("%s %s: %d, want %d: %.600s", method, target, r.status, status, r.body);
    json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
    if (j == NULL)
        fail_msg("not JSON: %.300s", r.body);
    bct_response_free(&r);
    return j;
}

static const char *str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s != NULL ? s : "(none)";
}

/* PATCH the article with body, expecting status. */
static json_t *patch(const char *body, int key, int status)
{
    char target[300];
    snprintf(target, sizeof target, "/v1/sources/%s", ID);
    return expect("PATCH", target, key, body, status);
}

/* GET path; its ETag into etag (size 128). */
static json_t *get(const char *path, char *etag)
{
    bct_response r;
    call("GET", path, -1, NULL, NULL, NULL, &r);
    assert_int_equal(r.status, 200);
    if (etag != NULL)
        snprintf(etag, 128, "%s", bct_header_get(&r, "ETag") ? bct_header_get(&r, "ETag") : "");
    json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
    bct_response_free(&r);
    return j;
}

/* The date of meeting or event path ("meetings/ID-m1"). */
static char *date_of(const char *path)
{
    char target[500];
    snprintf(target, sizeof target, "/v1/%s", path);
    json_t *j = get(target, NULL);
    json_t *d = json_object_get(j, "date");
    char *out = strdup(json_is_string(d) ? json_string_value(d) : "null");
    json_decref(j);
    return out;
}

static void expect_date(const char *kind, const char *suffix, const char *want)
{
    char path[400];
    snprintf(path, sizeof path, "%s/%s-%s", kind, ID, suffix);
    char *got = date_of(path);
    if (strcmp(got, want) != 0)
        fail_msg("%s: date %s, want %s", path, got, want);
    free(got);
}

/* 1. sent without its date, the article gets it: its facts are read again */
static void an_article_gets_its_date(void **state)
{
    (void)state;
    json_t *o =
        json_pack("{s:s,s:s,s:s}", "text", TEXT, "lang", "en", "title", "Redate test article");
    char *body = json_dumps(o, JSON_COMPACT);
    json_t *j = expect("POST", "/v1/sources", IAN, body, 201);
    snprintf(ID, sizeof ID, "%s", str(json_object_get(j, "source"), "id"));
    json_decref(j);
    expect_date("meetings", "m1", "null");
    /* the same text with a date: kept as first stored, and the answer says where to go */
    json_object_set_new(o, "published_on", json_string("2026-11-14"));
    free(body);
    body = json_dumps(o, JSON_COMPACT);
    j = expect("POST", "/v1/sources", IAN, body, 200);
    assert_string_equal(json_string_value(json_array_get(json_object_get(j, "not_updated"), 0)),
                        "published_on");
    assert_non_null(strstr(str(j, "hint"), "PATCH /v1/sources/"));
    json_decref(j);
    free(body);
    json_decref(o);
    expect_date("meetings", "m1", "null");

    char path[300], etag[128], etag_meeting[128], etag_list[128];
    snprintf(path, sizeof path, "/v1/sources/%s", ID);
    json_decref(get(path, etag));
    snprintf(path, sizeof path, "/v1/meetings/%s-m1", ID);
    json_decref(get(path, etag_meeting));
    json_decref(get("/v1/meetings?curation=all", etag_list));
    j = get("/v1/changes?limit=1", NULL);
    long long since = json_integer_value(json_object_get(json_object_get(j, "meta"), "latest_seq"));
    json_decref(j);

    j = patch("{\"published_on\":\"2026-11-14\",\"note\":\"sent without its date\"}", IAN, 200);
    assert_true(json_is_true(json_object_get(j, "changed")));
    assert_true(json_is_null(json_object_get(json_object_get(j, "published_on"), "from")));
    assert_string_equal(str(json_object_get(j, "published_on"), "to"), "2026-11-14");
    assert_string_equal(str(json_object_get(j, "source"), "published_on"), "2026-11-14");
    json_t *f;
    size_t i;
    int meeting = 0;
    json_array_foreach(json_object_get(j, "facts"), i, f)
    {
        if (strcmp(str(f, "kind"), "meeting") == 0) {
            meeting = 1;
            assert_string_equal(str(f, "outcome"), "changed");
            assert_string_equal(str(f, "curation"), "extracted");
        }
    }
    assert_true(meeting);
    long long seq = json_integer_value(json_object_get(json_object_get(j, "audit"), "seq"));
    assert_true(seq > 0);
    json_decref(j);
    /* read again with the date: the meeting and the talks are dated */
    expect_date("meetings", "m1", "2026-11-12");
    expect_date("events", "e1", "2026-11-11");
    /* new ETags: a client holding the old tag gets the new document, not a 304 */
    char now[128], inm[200];
    snprintf(path, sizeof path, "/v1/sources/%s", ID);
    json_decref(get(path, now));
    assert_string_not_equal(now, etag);
    snprintf(inm, sizeof inm, "If-None-Match: %s", etag_meeting);
    snprintf(path, sizeof path, "/v1/meetings/%s-m1", ID);
    bct_response r;
    call("GET", path, -1, NULL, NULL, inm, &r);
    assert_int_equal(r.status, 200);
    bct_response_free(&r);
    json_decref(get("/v1/meetings?curation=all", now));
    assert_string_not_equal(now, etag_list);
    /* the change feed: the source's date, the meeting read again, by ian */
    char feed[100];
    snprintf(feed, sizeof feed, "/v1/changes?since=%lld&limit=500", since);
    j = get(feed, NULL);
    int source = 0, dated = 0;
    json_array_foreach(json_object_get(j, "data"), i, f)
    {
        char *fields = json_dumps(json_object_get(f, "fields"), JSON_COMPACT | JSON_ENCODE_ANY);
        if (strcmp(str(f, "kind"), "source") == 0 && strstr(fields, "published_on") &&
            strcmp(str(f, "actor"), "ian") == 0)
            source = 1;
        if (strcmp(str(f, "kind"), "meeting") == 0 && strstr(fields, "\"date\""))
            dated = 1;
        free(fields);
    }
    json_decref(j);
    assert_true(source);
    assert_true(dated);
    /* the audit log: who changed it, when, from what to what */
    snprintf(path, sizeof path, "/v1/review/log?kind=sources&fact_id=%s", ID);
    j = expect("GET", path, ALICE, NULL, 200);
    json_t *e = json_array_get(json_object_get(j, "data"), 0);
    assert_int_equal(json_integer_value(json_object_get(e, "seq")), seq);
    assert_string_equal(str(e, "reviewer"), "ian");
    assert_string_equal(str(e, "action"), "redate");
    assert_string_equal(str(e, "kind"), "source");
    assert_string_equal(str(e, "note"), "sent without its date");
    assert_string_equal(str(json_object_get(json_object_get(e, "changes"), "published_on"), "to"),
                        "2026-11-14");
    json_decref(j);
}

/* 2. the same date again writes nothing */
static void the_same_date_changes_nothing(void **state)
{
    (void)state;
    char path[300], before[128], after[128];
    snprintf(path, sizeof path, "/v1/sources/%s", ID);
    json_decref(get(path, before));
    json_t *j = patch("{\"published_on\":\"2026-11-14\"}", IAN, 200);
    assert_true(json_is_false(json_object_get(j, "changed")));
    assert_true(json_is_null(json_object_get(j, "audit")));
    assert_int_equal(json_array_size(json_object_get(j, "facts")), 0);
    json_decref(j);
    /* merge-patch+json is the same */
    bct_response r;
    call("PATCH", path, IAN, "{\"published_on\":\"2026-11-14\"}", "application/merge-patch+json",
         NULL, &r);
    assert_int_equal(r.status, 200);
    bct_response_free(&r);
    json_decref(get(path, after));
    assert_string_equal(before, after);
}

/* 3. reviewed facts keep their decisions; one that would read differently blocks */
static void reviewed_facts_survive(void **state)
{
    (void)state;
    char target[400];
    snprintf(target, sizeof target, "/v1/review/figures/%s-f1", ID);
    json_decref(expect("POST", target, ALICE,
                       "{\"action\":\"edit\",\"fields\":{\"parties\":[\"lao-cai\",\"yunnan\"]}}",
                       200));
    snprintf(target, sizeof target, "/v1/review/meetings/%s-m1", ID);
    json_decref(expect("POST", target, ALICE, "{\"action\":\"approve\"}", 200));
    /* "November 12" is the same day with this date: both decisions apply again */
    json_t *j = patch("{\"published_on\":\"2026-11-13\"}", IAN, 200);
    assert_int_equal(json_integer_value(json_object_get(j, "decisions_applied")), 2);
    json_t *f;
    size_t i;
    int kept = 0;
    json_array_foreach(json_object_get(j, "facts"), i, f)
    {
        kept += strcmp(str(f, "outcome"), "kept") == 0;
    }
    assert_int_equal(kept, 2);
    json_decref(j);
    snprintf(target, sizeof target, "/v1/figures/%s-f1", ID);
    j = get(target, NULL);
    assert_string_equal(str(j, "curation"), "reviewed");
    assert_int_equal(json_array_size(json_object_get(j, "parties")), 2);
    json_decref(j);
    snprintf(target, sizeof target, "/v1/meetings/%s-m1", ID);
    j = get(target, NULL);
    assert_string_equal(str(j, "curation"), "reviewed");
    assert_string_equal(str(j, "date"), "2026-11-12");
    json_decref(j);
    /* without a date the approved meeting would read undated: 409 naming it, nothing
     * written */
    char path[300], before[128], after[128];
    snprintf(path, sizeof path, "/v1/sources/%s", ID);
    json_decref(get(path, before));
    j = patch("{\"published_on\":null}", IAN, 409);
    assert_string_equal(str(j, "code"), "reviewed_facts");
    json_t *fact = json_array_get(json_object_get(j, "facts"), 0);
    assert_string_equal(str(fact, "kind"), "meeting");
    snprintf(target, sizeof target, "%s-m1", ID);
    assert_string_equal(str(fact, "id"), target);
    json_decref(j);
    j = get(path, after);
    assert_string_equal(before, after);
    assert_string_equal(str(j, "published_on"), "2026-11-13");
    json_decref(j);
    expect_date("meetings", "m1", "2026-11-12");
}

/* 4. a rebuild keeps the date and the decisions */
static void a_rebuild_keeps_them(void **state)
{
    (void)state;
    char args[300];
    snprintf(args, sizeof args, "load --data %s", getenv("BC_DATA") ? getenv("BC_DATA") : "data");
    char *out = cli(args);
    assert_non_null(out);
    free(out);
    char target[300];
    snprintf(target, sizeof target, "/v1/meetings/%s-m1", ID);
    /* the daemon follows the swapped store within a bounded time */
    json_t *j = NULL;
    for (int tries = 0; tries < 100; tries++) {
        json_decref(j);
        j = get(target, NULL);
        if (strcmp(str(j, "curation"), "reviewed") == 0 &&
            strcmp(str(j, "date"), "2026-11-12") == 0)
            break;
        struct timespec ts = {0, 50 * 1000000L};
        nanosleep(&ts, NULL);
    }
    assert_string_equal(str(j, "curation"), "reviewed");
    assert_string_equal(str(j, "date"), "2026-11-12");
    json_decref(j);
    snprintf(target, sizeof target, "/v1/sources/%s", ID);
    j = get(target, NULL);
    assert_string_equal(str(j, "published_on"), "2026-11-13");
    json_decref(j);
}

static void expect_problem(const char *target, int key, const char *body, const char *ct,
                           int status, const char *code, const char *parameter)
{
    bct_response r;
    call("PATCH", target, key, body, ct, NULL, &r);
    if (r.status != status)
        fail_msg("PATCH %s %s: %d, want %d: %.400s", target, body ? body : "", r.status, status,
                 r.body);
    const char *type = bct_header_get(&r, "Content-Type");
    assert_non_null(type);
    assert_non_null(strstr(type, "application/problem+json"));
    json_t *j = json_loadb(r.body, r.body_len, 0, NULL);
    assert_string_equal(str(j, "code"), code);
    if (parameter != NULL)
        assert_string_equal(str(j, "parameter"), parameter);
    json_decref(j);
    bct_response_free(&r);
}

/* 5. bad input, unknown and curated sources, keys and content types */
static void bad_requests_are_clear_problems(void **state)
{
    (void)state;
    char me[300];
    snprintf(me, sizeof me, "/v1/sources/%s", ID);
    expect_problem(me, IAN, "{\"published_on\":\"2026-02-30\"}", NULL, 400, "invalid_field",
                   "published_on");
    expect_problem(me, IAN, "{\"published_on\":\"2199-01-01\"}", NULL, 400, "invalid_field",
                   "published_on");
    expect_problem(me, IAN, "{\"published_on\":\"13 November 2026\"}", NULL, 400, "invalid_field",
                   "published_on");
    expect_problem(me, IAN, "{\"published_on\":20261113}", NULL, 400, "invalid_field",
                   "published_on");
    expect_problem(me, IAN, "{\"note\":\"no date\"}", NULL, 400, "invalid_field", "published_on");
    expect_problem(me, IAN, "{\"published_on\":\"2026-11-13\",\"title\":\"x\"}", NULL, 400,
                   "invalid_field", "title");
    expect_problem(me, IAN, "{\"published_on\":\"2026-11-13\",\"note\":\"a\\u001b[2J\"}", NULL, 400,
                   "invalid_field", "note");
    expect_problem(me, IAN, "{\"published_on\":", NULL, 400, "malformed_json", NULL);
    expect_problem(me, IAN, "[\"2026-11-13\"]", NULL, 400, "malformed_json", NULL);
    expect_problem(me, IAN, "{\"published_on\":\"2026-11-13\"}", "text/plain", 415,
                   "unsupported_media_type", NULL);
    expect_problem("/v1/sources/no-such-article", IAN, "{\"published_on\":\"2026-11-13\"}", NULL,
                   404, "not_found", NULL);
    expect_problem("/v1/sources/laichau-jwg-11-sv", IAN, "{\"published_on\":\"2025-10-30\"}", NULL,
                   409, "curated_source", "published_on");
    expect_problem(me, -1, "{\"published_on\":\"2026-11-13\"}", NULL, 401, "unauthorized", NULL);
    expect_problem(me, -2, "{\"published_on\":\"2026-11-13\"}", NULL, 401, "unauthorized", NULL);
    char query[320];
    snprintf(query, sizeof query, "%s?force=1", me);
    expect_problem(query, IAN, "{\"published_on\":\"2026-11-13\"}", NULL, 400, "unknown_parameter",
                   NULL);
    /* none of them changed anything */
    json_t *j = get(me, NULL);
    assert_string_equal(str(j, "published_on"), "2026-11-13");
    json_decref(j);
    /* PATCH is for articles only */
    bct_response r;
    call("PATCH", "/v1/meetings/jwg-yunnan-11", IAN, NULL, NULL, NULL, &r);
    assert_int_equal(r.status, 405);
    bct_response_free(&r);
    call("OPTIONS", me, -1, NULL, NULL, NULL, &r);
    assert_non_null(strstr(bct_header_get(&r, "Allow"), "PATCH"));
    bct_response_free(&r);
}

/* 6. the CLI does the same, recorded as done from the shell */
static void the_cli_redates_too(void **state)
{
    (void)state;
    char args[400];
    snprintf(args, sizeof args, "redate %s --published-on 2026-11-13", ID);
    char *out = cli(args);
    assert_non_null(out);
    assert_non_null(strstr(out, "already dated 2026-11-13"));
    free(out);
    snprintf(args, sizeof args, "redate %s --published-on 2026-11-12 --note 'the print edition'",
             ID);
    out = cli(args);
    assert_non_null(out);
    assert_non_null(strstr(out, "published_on 2026-11-13 -> 2026-11-12"));
    assert_non_null(strstr(out, "2 decisions applied again"));
    free(out);
    assert_null(cli("redate no-such-article --published-on 2026"));
    assert_null(cli("redate laichau-jwg-11-sv --published-on 2025"));
    snprintf(args, sizeof args, "redate %s --published-on 2026-13", ID);
    assert_null(cli(args));
    char target[300];
    snprintf(target, sizeof target, "/v1/sources/%s", ID);
    json_t *j = NULL;
    for (int tries = 0; tries < 100; tries++) { /* the daemon sees the write within 250 ms */
        json_decref(j);
        j = get(target, NULL);
        if (strcmp(str(j, "published_on"), "2026-11-12") == 0)
            break;
        struct timespec ts = {0, 50 * 1000000L};
        nanosleep(&ts, NULL);
    }
    assert_string_equal(str(j, "published_on"), "2026-11-12");
    json_decref(j);
    snprintf(target, sizeof target, "/v1/review/log?kind=sources&fact_id=%s&limit=1", ID);
    j = expect("GET", target, ALICE, NULL, 200);
    json_t *e = json_array_get(json_object_get(j, "data"), 0);
    assert_string_equal(str(e, "via"), "cli");
    assert_string_equal(str(e, "note"), "the print edition");
    json_decref(j);
}

/* The status of GET target (no key, or ALICE's for the review queue). */
static int status_of(const char *target, int key)
{
    bct_response r;
    call("GET", target, key, NULL, NULL, NULL, &r);
    int status = r.status;
    bct_response_free(&r);
    return status;
}

/* id (size 200) of the article's one reported event of a crossing, from the review queue;
 * its date into date (size 32, "null" when none). */
static void reported_event(const char *source, char *id, char *date)
{
    char target[400];
    snprintf(target, sizeof target, "/v1/review?kind=project-events&source=%s", source);
    json_t *j = expect("GET", target, ALICE, NULL, 200);
    json_t *data = json_object_get(j, "data");
    if (json_array_size(data) != 1)
        fail_msg("%s: %zu reported events, want 1", target, json_array_size(data));
    snprintf(id, 200, "%s", str(json_array_get(data, 0), "id"));
    json_decref(j);
    snprintf(target, sizeof target, "/v1/review/project-events/%s", id);
    j = expect("GET", target, ALICE, NULL, 200);
    json_t *d = json_object_get(json_object_get(j, "fact"), "date");
    if (d == NULL)
        d = json_object_get(j, "date");
    snprintf(date, 32, "%s", json_is_string(d) ? json_string_value(d) : "null");
    json_decref(j);
}

/* 7. a fact the re-read keeps keeps its id, of every kind: the reported event of a
 * crossing another article reported after it takes its number back when its day gets a
 * year (analyst 11, F13: "-reported-3" became "-reported-5" and the old id answered
 * 404), and talks only a date makes worth storing, read before other talks, take the
 * next number instead of the other talks' id; taken away with the date, their id
 * answers 404 */
static void ids_stay_across_redating(void **state)
{
    (void)state;
    static const char FIRST[] =
        "Lao Cai opens the Ban Vuoc bridge to loaded trucks\n\n"
        "A Yunnan delegation held talks in Hekou on Thursday. Trade between Lao Cai and Yunnan "
        "reached USD 2.9 billion in 2025. The Ban Vuoc\xe2\x80\x93"
        "Ba Sai bridge was opened to "
        "loaded trucks on 15 September.\n"
        "The 14th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien "
        "and Yunnan will be held in Kunming in December 2027.\n"
        "Officials of Lao Cai and Yunnan also held talks in Lao Cai on 2 November 2026.\n";
    static const char SECOND[] = "Trucks return to the Ban Vuoc bridge\n\n"
                                 "The Ban Vuoc\xe2\x80\x93"
                                 "Ba Sai bridge was opened to loaded "
                                 "trucks on 15 September 2026, the province said.\n";
    char first[200], second[200], target[600];
    const char *texts[2] = {FIRST, SECOND};
    char *ids[2] = {first, second};
    for (int i = 0; i < 2; i++) {
        json_t *o = json_pack("{s:s,s:s,s:s}", "text", texts[i], "lang", "en", "title",
                              i ? "Trucks return to the Ban Vuoc bridge" : "Ban Vuoc bridge");
        char *body = json_dumps(o, JSON_COMPACT);
        json_t *j = expect("POST", "/v1/sources", IAN, body, 201);
        snprintf(ids[i], 200, "%s", str(json_object_get(j, "source"), "id"));
        json_decref(j);
        free(body);
        json_decref(o);
    }
    char ev[200], ev2[200], date[32];
    reported_event(first, ev, date);
    assert_string_equal(date, "null"); /* "15 September" has no year yet */
    reported_event(second, ev2, date);
    assert_string_equal(date, "2026-09-15");
    assert_string_not_equal(ev, ev2);
    /* the talks only a date makes worth storing are not there undated: the dated talks of
     * the last sentence are the first event */
    snprintf(ID, sizeof ID, "%s", first);
    expect_date("events", "e1", "2026-11-02");
    snprintf(target, sizeof target, "/v1/events/%s-e2?curation=all", first);
    assert_int_equal(status_of(target, -1), 404);

    json_t *j = patch("{\"published_on\": \"2026-11-20\"}", IAN, 200);
    json_t *f;
    size_t i;
    json_array_foreach(json_object_get(j, "facts"), i, f)
    {
        /* nothing it read before is read as another fact */
        if (strcmp(str(f, "outcome"), "removed") == 0)
            fail_msg("dating it removed %s %s", str(f, "kind"), str(f, "id"));
        if (strcmp(str(f, "kind"), "project_event") == 0)
            assert_string_equal(str(f, "id"), ev);
    }
    json_decref(j);
    char was[200];
    snprintf(was, sizeof was, "%s", ev);
    reported_event(first, ev, date);
    assert_string_equal(ev, was);
    assert_string_equal(date, "2026-09-15");
    snprintf(target, sizeof target, "/v1/review/project-events/%s", ev);
    assert_int_equal(status_of(target, ALICE), 200);
    const char *kept[] = {"figures/%s-f1?curation=all", "meetings/%s-m1?curation=all",
                          "events/%s-e1?curation=all", "events/%s-e2?curation=all"};
    for (size_t k = 0; k < 4; k++) {
        char path[300];
        snprintf(path, sizeof path, kept[k], first);
        snprintf(target, sizeof target, "/v1/%s", path);
        if (status_of(target, -1) != 200)
            fail_msg("%s is not there once dated", target);
    }
    /* the talks dated before keep their id; those read first now come after them */
    expect_date("events", "e1", "2026-11-02");
    expect_date("events", "e2", "2026-11-19");

    /* the date taken away: the talks are no longer read, their id answers 404; every
     * other fact keeps its id, the crossing's event too */
    j = patch("{\"published_on\": null}", IAN, 200);
    int removed = 0;
    json_array_foreach(json_object_get(j, "facts"), i, f)
    {
        if (strcmp(str(f, "outcome"), "removed") == 0) {
            assert_string_equal(str(f, "kind"), "event");
            removed++;
        }
        if (strcmp(str(f, "kind"), "project_event") == 0)
            assert_string_equal(str(f, "id"), was);
    }
    assert_int_equal(removed, 1);
    json_decref(j);
    snprintf(target, sizeof target, "/v1/events/%s-e2?curation=all", first);
    assert_int_equal(status_of(target, -1), 404);
    expect_date("events", "e1", "2026-11-02");
    reported_event(first, ev, date);
    assert_string_equal(ev, was);
    assert_string_equal(date, "null");
    for (size_t k = 0; k < 3; k++) {
        char path[300];
        snprintf(path, sizeof path, kept[k], first);
        snprintf(target, sizeof target, "/v1/%s", path);
        if (status_of(target, -1) != 200)
            fail_msg("%s is not there once undated again", target);
    }
    /* the other article's event was never touched */
    reported_event(second, ev, date);
    assert_string_equal(ev, ev2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_article_gets_its_date),
        cmocka_unit_test(the_same_date_changes_nothing),
        cmocka_unit_test(reviewed_facts_survive),
        cmocka_unit_test(a_rebuild_keeps_them),
        cmocka_unit_test(bad_requests_are_clear_problems),
        cmocka_unit_test(the_cli_redates_too),
        cmocka_unit_test(ids_stay_across_redating),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
