/* test_findings14.c: the outside analyst14's finding F7 and the cursor of F13 against the
 * real daemon. F7: a review decision changes other documents than the fact (its article's
 * facts and citations, province counts, in the trusted view a curated plan that an approved
 * held account replaces); each gets its feed entry in the decision's transaction, by the
 * reviewer, so ?changed_since= finds it and the next `bordercoop load` of unchanged data
 * appends nothing. F13: a cursor past every number is quoted as it was sent. The second
 * recheck's N2: an amount refused for its unread scale is named by its words in the
 * answer of an ingest and of a re-dating; French "1,2 M$" is read. F9's smaller point: one
 * crossing under every spelling of its sides ("Basa", "坝洒", "Bà Sái" are "Ba Sai"). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "harness.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOKEN "findings14-token-0123456789abcdef"

static bct_daemon D;
static char TMP[64], DB[128];

static const char *const AUTH[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json",
                                   NULL};

/* The article of the finding, in words of our own: the 12th meeting of the working group
 * (a plan in data/) held, the 11th before it, the 13th to come, a trade figure and talks. */
static const char ARTICLE[] =
    "Working group meets in Kunming\n"
    "KUNMING, Nov 19 (VNA) - The 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
    "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) took place in Kunming on November 18, "
    "2026.\n"
    "The delegates looked back on the 11th meeting, held in Lai Chau on October 30, 2025.\n"
    "In the first nine months of 2026, trade between Lao Cai and Yunnan reached US$1.42bn.\n"
    "Last Tuesday, officials of Lao Cai and Hekou county had met in Hekou to prepare the "
    "minutes.\n"
    "The 13th meeting of the Joint Working Group will be held in Lao Cai in 2027.";

static json_t *call(const char *method, const char *target, const char *body, int want)
{
    json_t *j = bct_call_json(D.port, method, target, AUTH, body, want, NULL);
    if (j == NULL)
        fail_msg("%s %s: not JSON", method, target);
    return j;
}

static long long latest(void)
{
    json_t *j = call("GET", "/v1/changes?limit=1", NULL, 200);
    long long v = json_integer_value(json_object_get(json_object_get(j, "meta"), "latest_seq"));
    json_decref(j);
    return v;
}

/* The feed's entries after since (view: a curation set or NULL). */
static json_t *feed(long long since, const char *view)
{
    char target[200];
    snprintf(target, sizeof target, "/v1/changes?since=%lld&limit=1000%s%s", since,
             view ? "&curation=" : "", view ? view : "");
    json_t *j = call("GET", target, NULL, 200);
    json_t *d = json_incref(json_object_get(j, "data"));
    json_decref(j);
    return d;
}

/* The entry of kind/id in entries (the last one), or NULL. */
static json_t *entry(json_t *entries, const char *kind, const char *id)
{
    size_t i;
    json_t *e, *found = NULL;
    json_array_foreach(entries, i, e)
    {
        const char *k = json_string_value(json_object_get(e, "kind"));
        const char *i_d = json_string_value(json_object_get(e, "id"));
        if (k != NULL && i_d != NULL && strcmp(k, kind) == 0 && strcmp(i_d, id) == 0)
            found = e;
    }
    return found;
}

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static void decide(const char *kind, const char *id, const char *action)
{
    char target[400];
    snprintf(target, sizeof target, "/v1/review/%s/%s", kind, id);
    char body[64];
    snprintf(body, sizeof body, "{\"action\":\"%s\"}", action);
    json_decref(call("POST", target, body, 200));
}

/* How many entries the store's feed holds after seq by actor, read from the file. */
static long long entries_by(const char *actor, long long seq)
{
    sqlite3 *h;
    assert_int_equal(sqlite3_open_v2(DB, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(h,
                                        "SELECT count(*) FROM changes WHERE seq > ?1 AND actor = "
                                        "?2",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, seq);
    sqlite3_bind_text(st, 2, actor, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
}

static int setup(void **state)
{
    (void)state;
    return bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "findings14") != 0 ||
                   bct_daemon_start_token(&D, DB, TOKEN) != 0
               ? -1
               : 0;
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

static void a_decision_records_every_document_it_changes(void **state)
{
    (void)state;
    json_t *o =
        json_pack("{s:s,s:s,s:s,s:s}", "text", ARTICLE, "title", "Working group meets in Kunming",
                  "lang", "en", "published_on", "2026-11-19");
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    json_t *j = call("POST", "/v1/sources", body, 201);
    free(body);
    char src[200], id[300], target[400];
    snprintf(src, sizeof src, "%s", str(json_object_get(j, "source"), "id"));
    json_decref(j);
    snprintf(id, sizeof id, "%s-m1", src);
    j = call("GET", (snprintf(target, sizeof target, "/v1/meetings/%s?curation=all", id), target),
             NULL, 200);
    assert_int_equal(json_integer_value(json_object_get(j, "ordinal")), 12);
    assert_string_equal(str(json_object_get(j, "same_as"), "id"), "jwg-yunnan-12");
    json_decref(j);

    /* rejecting the talks takes them out of the article's document: its entry is the
     * reviewer's, and ?changed_since= finds the article */
    long long ls = latest();
    snprintf(id, sizeof id, "%s-e1", src);
    decide("events", id, "reject");
    json_t *d = feed(ls, NULL);
    json_t *e = entry(d, "source", src);
    assert_non_null(e);
    assert_string_equal(str(e, "origin"), "review");
    assert_string_equal(str(e, "op"), "changed");
    assert_string_not_equal(str(e, "actor"), "loader");
    json_decref(d);
    snprintf(target, sizeof target, "/v1/sources?changed_since=%lld&curation=all", ls);
    j = call("GET", target, NULL, 200);
    assert_int_equal(json_array_size(json_object_get(j, "data")), 1);
    json_decref(j);

    /* approving the held 12th meeting: the provinces' counts change with it, and in the
     * trusted view the curated plan it replaces leaves the list, as /v1/meetings shows */
    ls = latest();
    snprintf(id, sizeof id, "%s-m1", src);
    decide("meetings", id, "approve");
    d = feed(ls, NULL);
    e = entry(d, "province", "lao-cai");
    assert_non_null(e);
    assert_string_equal(str(e, "origin"), "review");
    assert_null(entry(d, "source", src)); /* its facts are the same */
    assert_null(entry(d, "meeting", "jwg-yunnan-11"));
    json_decref(d);
    d = feed(ls, "trusted");
    assert_string_equal(str(entry(d, "meeting", id), "op"), "added");
    e = entry(d, "meeting", "jwg-yunnan-12");
    assert_non_null(e);
    assert_string_equal(str(e, "op"), "removed");
    json_decref(d);
    j = call("GET", "/v1/meetings?mechanism=jwg-yunnan&limit=100", NULL, 200);
    size_t i;
    json_t *m;
    int plan = 0, held = 0;
    json_array_foreach(json_object_get(j, "data"), i, m)
    {
        plan += strcmp(str(m, "id"), "jwg-yunnan-12") == 0;
        held += strcmp(str(m, "id"), id) == 0;
    }
    assert_int_equal(plan, 0);
    assert_int_equal(held, 1);
    json_decref(j);
    /* the curated set still lists the plan: nothing to say there */
    d = feed(ls, "curated");
    assert_null(entry(d, "meeting", "jwg-yunnan-12"));
    json_decref(d);

    /* the planned 13th meeting approved, a figure approved: then a load of the same data
     * finds nothing the decisions did not already report */
    snprintf(id, sizeof id, "%s-m3", src);
    decide("meetings", id, "approve");
    snprintf(id, sizeof id, "%s-f1", src);
    decide("figures", id, "approve");
    ls = latest();
    char args[300];
    snprintf(args, sizeof args, "load --data %s", getenv("BC_DATA") ? getenv("BC_DATA") : "data");
    char *out = bct_cli_stdout(DB, args);
    assert_non_null(out);
    free(out);
    assert_int_equal(entries_by("loader", ls), 0);
}

static void a_cursor_past_every_number_is_quoted_as_sent(void **state)
{
    (void)state;
    static const char *const targets[] = {"/v1/changes.atom?since=99999999999999999999999",
                                          "/v1/changes?since=99999999999999999999999"};
    for (int i = 0; i < 2; i++) {
        bct_response r = {0};
        assert_int_equal(bct_get(D.port, targets[i], NULL, &r), 0);
        assert_int_equal(r.status, 400);
        assert_non_null(strstr(r.body, "since=99999999999999999999999 is past"));
        assert_null(strstr(r.body, "9223372036854775807"));
        bct_response_free(&r);
    }
    /* blanks before the number are no number (strtoll skipped them) */
    bct_response b = {0};
    assert_int_equal(bct_get(D.port, "/v1/changes?since=%205", NULL, &b), 0);
    assert_int_equal(b.status, 400);
    assert_non_null(strstr(b.body, "must be a sequence number"));
    bct_response_free(&b);
    /* a cursor within range is quoted as it was */
    bct_response r = {0};
    assert_int_equal(bct_get(D.port, "/v1/changes?since=123456789012", NULL, &r), 0);
    assert_int_equal(r.status, 400);
    assert_non_null(strstr(r.body, "since=123456789012 is past"));
    bct_response_free(&r);
}

/* The JSON body of an article (new, free()); published_on NULL for none. */
static char *article(const char *text, const char *title, const char *lang,
                     const char *published_on)
{
    json_t *o = json_pack("{s:s,s:s,s:s}", "text", text, "title", title, "lang", lang);
    if (published_on != NULL)
        json_object_set_new(o, "published_on", json_string(published_on));
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return body;
}

/* The unread amounts of an answer's extracted.not_stored: each one's words, as the text
 * writes them at its bytes [start, end). */
static void expect_unread(json_t *answer, const char *text, const char *const *want, size_t n)
{
    json_t *ns = json_object_get(json_object_get(answer, "extracted"), "not_stored");
    json_t *u = json_object_get(ns, "unread_scales");
    assert_true(json_is_array(u));
    assert_int_equal(json_array_size(u), n);
    assert_true(json_integer_value(json_object_get(ns, "without_measure")) >= (json_int_t)n);
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(u, i);
        assert_string_equal(str(e, "words"), want[i]);
        json_int_t s = json_integer_value(json_object_get(e, "start"));
        json_int_t end = json_integer_value(json_object_get(e, "end"));
        assert_int_equal(end - s, strlen(want[i]));
        assert_memory_equal(text + s, want[i], strlen(want[i]));
    }
}

/* N2 of the second recheck: an amount whose scale is unread ("$3.5 bi", "CNY 3.3 yi") is
 * refused; the answer names it by its words, not only in a count, and so does the answer
 * of a re-dating. An article whose amounts are all read names none. */
static void an_unread_scale_is_named_by_its_words(void **state)
{
    (void)state;
    static const char text[] =
        "Border trade in brief\n"
        "Trade between Cao Bang and Guangxi reached $3.5 bi in 2025, and $2.1 billion in 2024.\n"
        "Imports of Lang Son from Guangxi came to CNY 3.3 yi last year.";
    static const char *const want[] = {"$3.5 bi", "CNY 3.3 yi"};
    char *body = article(text, "Border trade in brief", "en", NULL);
    json_t *j = call("POST", "/v1/sources", body, 201);
    free(body);
    expect_unread(j, text, want, 2);
    char target[300];
    snprintf(target, sizeof target, "/v1/sources/%.200s", str(json_object_get(j, "source"), "id"));
    json_decref(j);
    j = call("PATCH", target, "{\"published_on\":\"2026-03-02\"}", 200);
    expect_unread(j, text, want, 2);
    json_decref(j);

    /* F1 of the second recheck: "1,2 M$", "3,5 Md$" are read, and refused words are none */
    static const char fr[] =
        "Les échanges en bref\n"
        "En 2025, les échanges entre Cao Bang et le Guangxi ont atteint 1,2 M$, "
        "et 3,5 Md$ en 2024.";
    body = article(fr, "Les échanges en bref", "fr", NULL);
    j = call("POST", "/v1/sources", body, 201);
    free(body);
    expect_unread(j, fr, NULL, 0);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(j, "extracted"), "figures")), 2);
    char id[200];
    snprintf(id, sizeof id, "%.190s-f1", str(json_object_get(j, "source"), "id"));
    json_decref(j);
    snprintf(target, sizeof target, "/v1/figures/%s?curation=all", id);
    j = call("GET", target, NULL, 200);
    assert_true(json_real_value(json_object_get(j, "value")) == 1.2e6 ||
                json_integer_value(json_object_get(j, "value")) == 1200000);
    assert_string_equal(str(j, "unit"), "USD");
    json_decref(j);
}

/* The one project event an article added, from the review queue: its id into id (size
 * 200). */
static void one_project_event(const char *source, char *id)
{
    char target[400];
    snprintf(target, sizeof target, "/v1/review?kind=project-events&source=%.300s", source);
    json_t *j = call("GET", target, NULL, 200);
    json_t *data = json_object_get(j, "data");
    if (json_array_size(data) != 1)
        fail_msg("%s: %zu project events, want 1", target, json_array_size(data));
    snprintf(id, 200, "%.190s", str(json_array_get(data, 0), "id"));
    json_decref(j);
}

/* Posts text (lang) as a new article: its answer's extracted counts of new crossings and
 * of events of known ones must be projects and events; its source id into src (200). */
static void post_crossings(const char *text, const char *lang, int projects, int events, char *src)
{
    char *body = article(text, "Crossings of Bat Xat", lang, NULL);
    json_t *j = call("POST", "/v1/sources", body, 201);
    free(body);
    json_t *x = json_object_get(j, "extracted");
    if (json_integer_value(json_object_get(x, "border_gate_projects")) != projects ||
        json_integer_value(json_object_get(x, "project_events")) != events)
        fail_msg("%s: %lld new crossings, %lld events; want %d, %d", text,
                 (long long)json_integer_value(json_object_get(x, "border_gate_projects")),
                 (long long)json_integer_value(json_object_get(x, "project_events")), projects,
                 events);
    snprintf(src, 200, "%.190s", str(json_object_get(j, "source"), "id"));
    json_decref(j);
}

/* F9 (smaller point): "Basa", "坝洒" and "Bà Sái" are the curated crossing "Ba Sai". The
 * road bridge named by any of them, found by its words alone ("the bridge linking"), gets
 * an event of the curated project, no new crossing; a pair of gates at the same places is
 * a crossing of its own, named as the store spells it ("Ban Vuoc - Ba Sai", not "Basa"),
 * and a later article naming it in Chinese is that crossing. */
static void one_crossing_under_every_spelling(void **state)
{
    (void)state;
    char src[200], ev[200];
    post_crossings("Crossings of Bat Xat\nWork on the bridge linking Ban Vuoc and Basa went on "
                   "in March.",
                   "en", 0, 1, src);
    one_project_event(src, ev);
    assert_memory_equal(ev, "ban-vuoc-ba-sai-road-bridge-reported", 36);
    post_crossings("Cầu qua sông Hồng\nHai bên đẩy nhanh xây dựng cầu đường bộ Bản Vược – Bà Sái "
                   "qua sông Hồng.",
                   "vi", 0, 1, src);
    one_project_event(src, ev);
    assert_memory_equal(ev, "ban-vuoc-ba-sai-road-bridge-reported", 36);

    post_crossings("Crossings of Bat Xat\nThey agreed to upgrade the Ban Vuoc (Vietnam) – Basa "
                   "(China) pair into a bilateral border gate.",
                   "en", 1, 0, src);
    json_t *j =
        call("GET", "/v1/border-gate-projects/ban-vuoc-ba-sai-reported?curation=all", NULL, 200);
    assert_string_equal(str(j, "name"), "Ban Vuoc - Ba Sai");
    assert_string_equal(str(j, "cn_side"), "Ba Sai");
    assert_string_equal(str(j, "kind"), "gate_pair");
    json_decref(j);
    bct_response r = {0};
    assert_int_equal(
        bct_get(D.port, "/v1/border-gate-projects/ban-vuoc-basa-reported?curation=all", NULL, &r),
        0);
    assert_int_equal(r.status, 404);
    bct_response_free(&r);
    post_crossings("巴刹口岸\n双方同意推动坝洒—巴越口岸升格为双边性口岸。", "zh", 0, 1, src);
    one_project_event(src, ev);
    assert_memory_equal(ev, "ban-vuoc-ba-sai-reported", 24);
}

/* The closing note's open item: talks and a figure whose sentence names one side and the
 * other only as a group of its country are marked so: the figure has no parties and a note
 * naming the group; the talks keep the provinces named, and their title and note say the
 * rest are not named. Talks of both sides named are titled by them alone. */
static void one_side_and_a_group_is_marked(void **state)
{
    (void)state;
    static const char text[] =
        "Border talks in brief\n"
        "In 2025, trade between Ha Giang, Lao Cai and the two Chinese provinces reached USD 1.9 "
        "billion.\n"
        "Leaders of Ha Giang, Lao Cai and the two Chinese provinces held talks in Hekou on March "
        "3, 2025.\n"
        "Leaders of Ha Giang and Yunnan held talks in Mengzi on April 8, 2025.";
    char *body = article(text, "Border talks in brief", "en", NULL);
    json_t *j = call("POST", "/v1/sources", body, 201);
    free(body);
    char src[200], target[300];
    snprintf(src, sizeof src, "%.190s", str(json_object_get(j, "source"), "id"));
    json_decref(j);
    snprintf(target, sizeof target, "/v1/figures/%s-f1?curation=all", src);
    j = call("GET", target, NULL, 200);
    assert_int_equal(json_array_size(json_object_get(j, "parties")), 0);
    assert_non_null(strstr(str(j, "note"), "a group of 2 provinces"));
    json_decref(j);
    snprintf(target, sizeof target, "/v1/events/%s-e1?curation=all", src);
    j = call("GET", target, NULL, 200);
    assert_string_equal(str(j, "title"),
                        "Talks of Ha Giang, Lao Cai and 2 Chinese provinces the article does not "
                        "name (extracted)");
    assert_non_null(strstr(str(j, "note"), "2 Chinese provinces without naming them"));
    assert_int_equal(json_array_size(json_object_get(j, "organisations")), 2);
    json_decref(j);
    snprintf(target, sizeof target, "/v1/events/%s-e2?curation=all", src);
    j = call("GET", target, NULL, 200);
    assert_string_equal(str(j, "title"), "Talks of Ha Giang and Yunnan (extracted)");
    const char *note = str(j, "note");
    assert_true(note == NULL || strstr(note, "without naming them") == NULL);
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_decision_records_every_document_it_changes),
        cmocka_unit_test(a_cursor_past_every_number_is_quoted_as_sent),
        cmocka_unit_test(an_unread_scale_is_named_by_its_words),
        cmocka_unit_test(one_crossing_under_every_spelling),
        cmocka_unit_test(one_side_and_a_group_is_marked),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
