/* test_findings15_curation.c: the outside analyst15's S2-1, S2-2 and S3-1 against the real daemon.
 * S2-1: a document asked without ?curation= embeds the meetings its list row does (the
 * trusted set), never every meeting awaiting review with its same_as copies. S2-2: a
 * province's `counts` are the totals of the lists its links name, under the set asked,
 * and those links name the set. S3-1: the malformed heads libmicrohttpd refuses inside its
 * parser keep the status codes the README documents. */
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

#define TOKEN "findings15-token-0123456789abcdef"

static bct_daemon D;
static char TMP[64], DB[128];

static const char *const AUTH[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json",
                                   NULL};

/* Three reports of the working group's 12th meeting (a plan in data/) and two of its 13th,
 * each a source of its own, in words of our own; Liu Yong attends each. */
static const char *const REPORTS[] = {
    "The 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien "
    "and Yunnan was held in Kunming on December 2, 2026, with Deputy Governor Liu Yong of Yunnan "
    "attending.",
    "Kunming, December 3 - The 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
    "Tuyen Quang, Dien Bien and Yunnan took place in Kunming on December 2, 2026. Liu Yong "
    "chaired the meeting.",
    "Delegates of Lao Cai and Yunnan met in Kunming. The 12th meeting of the Joint Working Group "
    "of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan was held on 2 December 2026 in "
    "Kunming, attended by Liu Yong.",
    "The 13th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien "
    "and Yunnan will be held in Dien Bien in 2027, with Liu Yong of Yunnan to attend.",
    "Officials said the 13th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen "
    "Quang, Dien Bien and Yunnan will take place in Dien Bien in 2027. Liu Yong will attend.",
};
#define NREPORTS (sizeof REPORTS / sizeof REPORTS[0])
static char SRC[NREPORTS][160]; /* their source ids */

static json_t *call(const char *method, const char *target, const char *body, int want)
{
    json_t *j = bct_call_json(D.port, method, target, AUTH, body, want, NULL);
    if (j == NULL)
        fail_msg("%s %s: not JSON", method, target);
    return j;
}

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "findings15") != 0 ||
        bct_daemon_start_token(&D, DB, TOKEN) != 0)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return bct_daemon_teardown(&D, TMP);
}

/* Posts the reports once, then approves the first account of the 12th meeting: it stands
 * in for the curated plan in the trusted lists, its two copies stay awaiting review. */
static void posted(void)
{
    if (SRC[0][0] != '\0')
        return;
    for (size_t i = 0; i < NREPORTS; i++) {
        char title[40];
        snprintf(title, sizeof title, "Working group report %zu", i + 1);
        json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", REPORTS[i], "title", title, "lang", "en",
                              "published_on", "2026-12-03");
        char *body = json_dumps(o, JSON_COMPACT);
        json_decref(o);
        json_t *j = call("POST", "/v1/sources", body, 201);
        free(body);
        snprintf(SRC[i], sizeof SRC[i], "%s",
                 json_string_value(json_object_get(json_object_get(j, "source"), "id")));
        json_decref(j);
    }
    char target[300];
    snprintf(target, sizeof target, "/v1/review/meetings/%s-m1", SRC[0]);
    json_decref(call("POST", target, "{\"action\":\"approve\"}", 200));
}

/* The ids of the items of array a (objects with an id), each followed by ',', into out. */
static void ids_of(json_t *a, char *out, size_t n)
{
    json_t *e;
    size_t i;
    out[0] = '\0';
    json_array_foreach(a, i, e)
    {
        const char *id = json_string_value(json_object_get(e, "id"));
        if (id == NULL)
            id = json_string_value(e);
        strncat(out, id != NULL ? id : "?", n - strlen(out) - 2);
        strcat(out, ",");
    }
}

/* The ids of `member` of GET target, into out. */
static void member_ids(const char *target, const char *member, char *out, size_t n)
{
    json_t *j = call("GET", target, NULL, 200);
    ids_of(json_object_get(j, member), out, n);
    json_decref(j);
}

/* The ids of `member` of the item `id` of list target, into out. */
static void row_ids(const char *target, const char *id, const char *member, char *out, size_t n)
{
    json_t *j = call("GET", target, NULL, 200), *e;
    size_t i;
    out[0] = '\0';
    json_array_foreach(json_object_get(j, "data"), i, e)
    {
        if (strcmp(json_string_value(json_object_get(e, "id")), id) == 0)
            ids_of(json_object_get(e, member), out, n);
    }
    json_decref(j);
    assert_true(out[0] != '\0');
}

/* The `meetings` of jwg-yunnan and of liu-yong: the bare detail, ?curation=trusted and the
 * list row are one list, the one /v1/meetings gives, without a meeting awaiting review;
 * ?curation=all adds those, each copy of one meeting folded as /v1/meetings does. */
static void a_bare_detail_embeds_what_its_list_row_does(void **state)
{
    (void)state;
    posted();
    char bare[2048], trusted[2048], row[2048], list[2048], all[2048], all_list[2048], id[300];
    member_ids("/v1/mechanisms/jwg-yunnan", "meetings", bare, sizeof bare);
    member_ids("/v1/mechanisms/jwg-yunnan?curation=trusted", "meetings", trusted, sizeof trusted);
    row_ids("/v1/mechanisms?limit=100", "jwg-yunnan", "meetings", row, sizeof row);
    member_ids("/v1/meetings?mechanism=jwg-yunnan&sort=date,ordinal&limit=100", "data", list,
               sizeof list);
    assert_string_equal(bare, trusted);
    assert_string_equal(bare, row);
    assert_string_equal(bare, list);
    snprintf(id, sizeof id, "%s-m1,", SRC[0]); /* the approved account stands in */
    assert_non_null(strstr(bare, id));
    assert_null(strstr(bare, "jwg-yunnan-12,"));
    for (size_t i = 1; i < NREPORTS; i++) {
        snprintf(id, sizeof id, "%s-m1,", SRC[i]);
        assert_null(strstr(bare, id)); /* nothing awaiting review */
    }
    member_ids("/v1/mechanisms/jwg-yunnan?curation=all", "meetings", all, sizeof all);
    member_ids("/v1/meetings?mechanism=jwg-yunnan&curation=all&sort=date,ordinal&limit=100", "data",
               all_list, sizeof all_list);
    assert_string_equal(all, all_list);
    /* the 13th meeting awaiting review, once: its second report is the same as the first */
    snprintf(id, sizeof id, "%s-m1,", SRC[3]);
    assert_non_null(strstr(all, id));
    snprintf(id, sizeof id, "%s-m1,", SRC[4]);
    assert_null(strstr(all, id));
    /* the copies of the 12th are folded into the approved account */
    for (size_t i = 1; i < 3; i++) {
        snprintf(id, sizeof id, "%s-m1,", SRC[i]);
        assert_null(strstr(all, id));
    }
    assert_string_not_equal(all, bare);

    /* a person the same way */
    member_ids("/v1/people/liu-yong", "meetings", bare, sizeof bare);
    member_ids("/v1/people/liu-yong?curation=trusted", "meetings", trusted, sizeof trusted);
    row_ids("/v1/people?limit=500", "liu-yong", "meetings", row, sizeof row);
    assert_string_equal(bare, trusted);
    assert_string_equal(bare, row);
    for (size_t i = 1; i < NREPORTS; i++) {
        snprintf(id, sizeof id, "%s-m1,", SRC[i]);
        assert_null(strstr(bare, id));
    }
    member_ids("/v1/people/liu-yong?curation=all", "meetings", all, sizeof all);
    snprintf(id, sizeof id, "%s-m1,", SRC[3]);
    assert_non_null(strstr(all, id));

    /* an ingested article none of whose facts a reviewer approved: its bare document names
     * none of them and counts no citation; it is in no trusted list, so asked for under
     * trusted it is a 404 (test_findings15_sources); under all it names them */
    char target[300];
    snprintf(target, sizeof target, "/v1/sources/%s?curation=trusted", SRC[3]);
    json_decref(call("GET", target, NULL, 404));
    for (int k = 0; k < 3; k += 2) {
        snprintf(target, sizeof target, "/v1/sources/%s%s", SRC[3], k == 0 ? "" : "?curation=all");
        json_t *j = call("GET", target, NULL, 200);
        ids_of(json_object_get(json_object_get(j, "facts"), "meetings"), bare, sizeof bare);
        long citations = (long)json_integer_value(json_object_get(j, "citations"));
        json_decref(j);
        snprintf(id, sizeof id, "%s-m1,", SRC[3]);
        assert_int_equal(strstr(bare, id) != NULL, k == 2);
        assert_int_equal(citations > 0, k == 2);
    }
}

/* GET of the link `link` (a list) with total=true: its meta.total. */
static long total_of(const char *link)
{
    char target[400];
    snprintf(target, sizeof target, "%s&total=true&limit=1", link);
    json_t *j = call("GET", target, NULL, 200);
    long t = (long)json_integer_value(json_object_get(json_object_get(j, "meta"), "total"));
    json_decref(j);
    return t;
}

/* Every count of lao-cai and of tuyen-quang (Ha Giang was merged into it) is the total of
 * the list its link names, under the set asked (trusted when none), and the links name the
 * set asked; the list of provinces counts the same way. */
static void a_province_counts_what_its_links_list(void **state)
{
    (void)state;
    posted();
    static const char *const sets[] = {NULL, "trusted", "all", "curated"};
    static const char *const names[] = {"meetings",  "figures", "border_gate_projects",
                                        "protocols", "events",  "people"};
    static const char *const provinces[] = {"lao-cai", "tuyen-quang"};
    long meetings[4] = {0};
    for (size_t p = 0; p < 2; p++)
        for (size_t k = 0; k < 4; k++) {
            char target[200];
            snprintf(target, sizeof target, "/v1/provinces/%s%s%s", provinces[p],
                     sets[k] ? "?curation=" : "", sets[k] ? sets[k] : "");
            json_t *j = call("GET", target, NULL, 200);
            json_t *counts = json_object_get(j, "counts"), *links = json_object_get(j, "links");
            for (size_t n = 0; n < sizeof names / sizeof names[0]; n++) {
                const char *link = json_string_value(json_object_get(links, names[n]));
                assert_non_null(link);
                char want[200];
                snprintf(want, sizeof want, "curation=%s", sets[k] ? sets[k] : "");
                assert_int_equal(strstr(link, "curation=") != NULL, sets[k] != NULL);
                if (sets[k] != NULL)
                    assert_non_null(strstr(link, want));
                long c = (long)json_integer_value(json_object_get(counts, names[n]));
                if (c != total_of(link))
                    fail_msg("%s: counts.%s %ld, its list %ld", target, names[n], c,
                             total_of(link));
            }
            if (p == 0)
                meetings[k] = (long)json_integer_value(json_object_get(counts, "meetings"));
            char self[100];
            snprintf(self, sizeof self, "/v1/provinces/%s", provinces[p]);
            assert_string_equal(json_string_value(json_object_get(links, "self")), self);
            json_decref(j);
        }
    /* the approved account and the plan it stands in for count once; under all the 13th
     * meeting awaiting review is one more */
    assert_int_equal(meetings[0], meetings[1]);
    assert_int_equal(meetings[2], meetings[1] + 1);
    /* a list row of /v1/provinces counts as the detail does, under the list's set */
    for (int k = 0; k < 2; k++) {
        json_t *l =
                   call("GET",
                        k == 0 ? "/v1/provinces?limit=100" : "/v1/provinces?limit=100&curation=all",
                        NULL, 200),
               *e;
        size_t i;
        json_array_foreach(json_object_get(l, "data"), i, e)
        {
            if (strcmp(json_string_value(json_object_get(e, "id")), "lao-cai") == 0)
                assert_int_equal(
                    json_integer_value(json_object_get(json_object_get(e, "counts"), "meetings")),
                    meetings[k == 0 ? 0 : 2]);
        }
        json_decref(l);
    }
}

/* The status of the answer to head sent raw on a connection of its own, and whether it was
 * a problem document (*problem). */
static int raw_status(const char *head, int *problem)
{
    bct_conn *c = bct_connect(D.port, 2000);
    assert_non_null(c);
    assert_int_equal(bct_send_raw(c, head, strlen(head)), 0);
    bct_response r;
    memset(&r, 0, sizeof r);
    int status = bct_read_response(c, 0, &r) == 0 ? r.status : 0;
    const char *type = bct_header_get(&r, "Content-Type");
    *problem = type != NULL && strstr(type, "application/problem+json") != NULL;
    bct_response_free(&r);
    bct_close(c);
    return status;
}

/* The heads libmicrohttpd refuses inside its own parser, before any code of the daemon can
 * tell which connection the refusal is for, keep its statuses (README, "its own pages"); a
 * head the daemon sees is refused with a problem document. */
static void the_library_refusals_keep_their_status(void **state)
{
    (void)state;
    int problem = 0;
    assert_int_equal(raw_status("GET /v1/stats HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n"
                                "Connection: close\r\n\r\n",
                                &problem),
                     400);
    assert_false(problem);
    assert_int_equal(raw_status("GET /v1/stats\r\n\r\n", &problem), 400);
    assert_false(problem);
    assert_int_equal(
        raw_status("GET /v1/stats HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n", &problem),
        505);
    assert_false(problem);
    /* a head the daemon reads: its own refusal, as a problem */
    assert_int_equal(raw_status("GET /v1/stats?curation=none HTTP/1.1\r\nHost: x\r\n"
                                "Connection: close\r\n\r\n",
                                &problem),
                     400);
    assert_true(problem);
    assert_int_equal(
        raw_status("GET /v1/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", &problem),
        200);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_bare_detail_embeds_what_its_list_row_does),
        cmocka_unit_test(a_province_counts_what_its_links_list),
        cmocka_unit_test(the_library_refusals_keep_their_status),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
