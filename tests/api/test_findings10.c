/* test_findings10.c: the outside analyst10's finding F5 against the real daemon: a
 * rejected fact is hidden, kept for audit. Its id answers 404 `rejected` unless asked for
 * with ?curation=rejected (a figure's overlaps and conflicts a 404 `rejected` too); no
 * other document names it (a meeting's same_as and conflicts_with, a mechanism's
 * meetings, an article's facts and citation count); and the meetings that were the same
 * as a rejected meeting are linked again, as if it had never been read. The recheck's N3:
 * the links follow the curations, never the order of the decisions (approved again, a
 * rejected meeting takes back its twins; an edit of a number relinks those it leaves). */
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

#define TOKEN "findings10-token-0123456789abcdef"

static bct_daemon D;
static char TMP[64], DB[128];
static char *SRC[3];         /* the three articles' ids */
static char MEETING[3][200]; /* the meeting each gives: the 17th conference of jwc-guangxi */

static const char *const AUTH[] = {"Authorization: Bearer " TOKEN, "Content-Type: application/json",
                                   NULL};

static json_t *call(const char *method, const char *target, const char *const *headers,
                    const char *body, int want)
{
    json_t *j = bct_call_json(D.port, method, target, headers, body, want, NULL);
    if (j == NULL)
        fail_msg("%s %s: not JSON", method, target);
    return j;
}

static const char *str(json_t *j, const char *path)
{
    char key[64];
    const char *dot;
    while ((dot = strchr(path, '.')) != NULL) {
        snprintf(key, sizeof key, "%.*s", (int)(dot - path), path);
        j = json_object_get(j, key);
        path = dot + 1;
    }
    return json_string_value(json_object_get(j, path));
}

/* Whether id is among the strings of array a, or the "id" members of its objects. */
static int names(json_t *a, const char *id)
{
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v)
    {
        const char *s = json_is_string(v) ? json_string_value(v) : str(v, "id");
        if (s != NULL && strcmp(s, id) == 0)
            return 1;
    }
    return 0;
}

/* Three articles each giving the 17th conference of the Joint Working Committee: the
 * first read is the one the others are the same as; the third puts it in Ha Long (Quang
 * Ninh), so it conflicts with the others' Nanning (Guangxi) on its host. Posted to the
 * daemon on port, their ids into src (new, free). */
static int post_articles(int port, char *src[3])
{
    for (int n = 0; n < 3; n++) {
        char text[600], title[64];
        snprintf(title, sizeof title, "Border trade talks %d", n + 1);
        snprintf(text, sizeof text,
                 "%s\nThe sides agreed that the 17th conference of the Joint Working Committee "
                 "between Quang Ninh, Lang Son, Cao Bang, Ha Giang and Guangxi will be held in %s "
                 "in March 2027.\nTrade through Lang Son reached USD 4.%d billion in the first "
                 "ten months of 2026.\n",
                 title, n == 2 ? "Ha Long" : "Nanning", n + 1);
        json_t *o = json_pack("{s:s,s:s,s:s}", "text", text, "title", title, "lang", "en");
        char *body = json_dumps(o, JSON_COMPACT);
        json_decref(o);
        json_t *j = bct_call_json(port, "POST", "/v1/sources", AUTH, body, 201, NULL);
        free(body);
        if (j == NULL)
            return -1;
        src[n] = strdup(str(j, "source.id"));
        json_decref(j);
    }
    return 0;
}

static int setup(void **state)
{
    (void)state;
    if (bct_store_new(TMP, sizeof TMP, DB, sizeof DB, "findings10") != 0 ||
        bct_daemon_start_token(&D, DB, TOKEN) != 0 || post_articles(D.port, SRC) != 0)
        return -1;
    for (int n = 0; n < 3; n++)
        snprintf(MEETING[n], sizeof MEETING[n], "%s-m1", SRC[n]);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (int n = 0; n < 3; n++)
        free(SRC[n]);
    return bct_daemon_teardown(&D, TMP);
}

static json_t *meeting(int n, const char *query, int want)
{
    char target[400];
    snprintf(target, sizeof target, "/v1/meetings/%s%s", MEETING[n], query);
    return call("GET", target, NULL, NULL, want);
}

static void decide_on(int port, const char *kind, const char *id, const char *action, int want)
{
    char target[400], body[64];
    snprintf(target, sizeof target, "/v1/review/%s/%s", kind, id);
    snprintf(body, sizeof body, "{\"action\":\"%s\"}", action);
    json_decref(bct_call_json(port, "POST", target, AUTH, body, want, NULL));
}

static void decide(const char *kind, const char *id, const char *action, int want)
{
    decide_on(D.port, kind, id, action, want);
}

/* The same_as id of meeting n ("" for none), into out. */
static const char *twin_of(int n, char out[200])
{
    json_t *j = meeting(n, "?curation=all", 200);
    const char *id = str(j, "same_as.id");
    snprintf(out, 200, "%s", id != NULL ? id : "");
    json_decref(j);
    return out;
}

/* What port's daemon lists of the Joint Working Committee's meetings under query, one
 * "id>same_as [conflicts_with...]" line each, as a new string (free). */
static char *listing(int port, const char *query)
{
    char target[300];
    snprintf(target, sizeof target,
             "/v1/meetings?mechanism=jwc-guangxi&limit=500&sort=id&curation=%s", query);
    json_t *j = bct_call_json(port, "GET", target, NULL, NULL, 200, NULL);
    if (j == NULL)
        fail_msg("%s: not JSON", target);
    char *out = calloc(1, 8192);
    size_t i, k;
    json_t *m, *c;
    json_array_foreach(json_object_get(j, "data"), i, m)
    {
        const char *twin = str(m, "same_as.id");
        snprintf(out + strlen(out), 8192 - strlen(out), "%s>%s", str(m, "id"),
                 twin != NULL ? twin : "-");
        json_array_foreach(json_object_get(m, "conflicts_with"), k, c)
            snprintf(out + strlen(out), 8192 - strlen(out), " %s", str(c, "id"));
        snprintf(out + strlen(out), 8192 - strlen(out), "\n");
    }
    json_decref(j);
    return out;
}

/* Before any decision: the second and third are the same as the first, the third
 * conflicting with it on its host; an extracted fact is found by its id. */
static void twins_before_a_decision(void **state)
{
    (void)state;
    json_t *j = meeting(1, "", 200);
    assert_string_equal(str(j, "same_as.id"), MEETING[0]);
    json_decref(j);
    j = meeting(2, "", 200);
    assert_string_equal(str(j, "same_as.id"), MEETING[0]);
    assert_true(names(json_object_get(j, "conflicts_with"), MEETING[0]));
    json_decref(j);
    j = meeting(0, "?curation=all", 200);
    assert_string_equal(str(j, "curation"), "extracted");
    json_decref(j);
}

/* F5: the rejected meeting is hidden: 404 `rejected` naming how to read it, found only
 * with ?curation=rejected; the meetings that were the same as it are linked again (the
 * second to none, the third to the second, its conflict now with the second); no
 * document names it. */
static void a_rejected_meeting_is_hidden_and_its_twins_linked_again(void **state)
{
    (void)state;
    decide("meetings", MEETING[0], "reject", 200);
    json_t *j = meeting(0, "", 404);
    assert_string_equal(str(j, "code"), "rejected");
    assert_non_null(strstr(str(j, "detail"), "?curation=rejected"));
    json_decref(j);
    j = meeting(0, "?curation=all", 404); /* `all` holds no rejected fact */
    assert_string_equal(str(j, "code"), "not_found");
    assert_string_equal(str(j, "parameter"), "curation");
    json_decref(j);
    j = meeting(0, "?curation=Rejected", 200);
    assert_string_equal(str(j, "curation"), "rejected");
    json_decref(j);
    j = meeting(0, "?curation=nope", 400);
    assert_string_equal(str(j, "parameter"), "curation");
    json_decref(j);
    /* the audit trail keeps it */
    char target[400];
    snprintf(target, sizeof target, "/v1/review/meetings/%s", MEETING[0]);
    json_decref(call("GET", target, AUTH, NULL, 200));

    j = meeting(1, "", 200);
    assert_true(json_is_null(json_object_get(j, "same_as")));
    json_decref(j);
    j = meeting(2, "", 200);
    assert_string_equal(str(j, "same_as.id"), MEETING[1]);
    json_t *conflicts = json_object_get(j, "conflicts_with");
    assert_int_equal(json_array_size(conflicts), 1);
    assert_true(names(conflicts, MEETING[1]));
    json_decref(j);

    /* no document names the rejected meeting: the lists, its mechanism, and every line
     * of the export but its own (kept for audit) */
    static const char *const LISTS[] = {"/v1/meetings?curation=all&limit=500",
                                        "/v1/mechanisms/jwc-guangxi", "/v1/export.ndjson"};
    for (size_t i = 0; i < sizeof LISTS / sizeof LISTS[0]; i++) {
        bct_response r;
        assert_int_equal(bct_get(D.port, LISTS[i], NULL, &r), 0);
        assert_int_equal(r.status, 200);
        int own = 0;
        for (char *line = r.body, *nl; line != NULL && *line != '\0'; line = nl) {
            nl = strchr(line, '\n');
            if (nl != NULL)
                *nl++ = '\0';
            if (strstr(line, MEETING[0]) == NULL)
                continue;
            json_t *doc = json_loads(line, 0, NULL);
            const char *id = i == 2 ? str(doc, "id") : NULL;
            if (id == NULL || strcmp(id, MEETING[0]) != 0)
                fail_msg("%s names the rejected meeting: %.300s", LISTS[i], line);
            assert_string_equal(str(json_object_get(doc, "item"), "curation"), "rejected");
            own++;
            json_decref(doc);
        }
        assert_int_equal(own, i == 2);
        bct_response_free(&r);
    }
    /* its article lists no meeting and counts only the figure's citation, awaiting review
     * (asked for: a bare detail embeds the trusted set) */
    snprintf(target, sizeof target, "/v1/sources/%s?curation=all", SRC[0]);
    j = call("GET", target, NULL, NULL, 200);
    assert_int_equal(json_array_size(json_object_get(json_object_get(j, "facts"), "meetings")), 0);
    assert_int_equal(json_array_size(json_object_get(json_object_get(j, "facts"), "figures")), 1);
    assert_int_equal(json_integer_value(json_object_get(j, "citations")), 1);
    json_decref(j);
}

/* N3: approved again, the rejected meeting is linked as if it had never been rejected:
 * the meetings that were the same as it are so again (the third with its conflict with
 * it, not with the second), and a store that only approved it lists the 17th conference
 * the same way. A decision that fails (an unknown id, a second approval) moves no link. */
static void a_meeting_approved_again_takes_back_its_twins(void **state)
{
    (void)state;
    char twin[200];
    decide("meetings", "no-such-article-en-00000000-m1", "approve", 404);
    assert_string_equal(twin_of(1, twin), "");
    assert_string_equal(twin_of(2, twin), MEETING[1]);

    decide("meetings", MEETING[0], "approve", 200);
    assert_string_equal(twin_of(1, twin), MEETING[0]);
    assert_string_equal(twin_of(2, twin), MEETING[0]);
    json_t *j = meeting(2, "", 200);
    json_t *conflicts = json_object_get(j, "conflicts_with");
    assert_int_equal(json_array_size(conflicts), 1);
    assert_true(names(conflicts, MEETING[0]));
    json_decref(j);
    char *after = listing(D.port, "all");
    decide("meetings", MEETING[0], "approve", 409);
    char *again = listing(D.port, "all");
    assert_string_equal(again, after);
    free(again);
    /* listed once, as the approved meeting */
    assert_non_null(strstr(after, MEETING[0]));
    assert_null(strstr(after, MEETING[1]));
    assert_null(strstr(after, MEETING[2]));

    /* a fresh store where the first meeting was only approved */
    bct_daemon fresh;
    char tmp[64], db[128], *src[3] = {NULL, NULL, NULL};
    assert_int_equal(bct_store_new(tmp, sizeof tmp, db, sizeof db, "findings10-fresh"), 0);
    assert_int_equal(bct_daemon_start_token(&fresh, db, TOKEN), 0);
    assert_int_equal(post_articles(fresh.port, src), 0);
    for (int n = 0; n < 3; n++)
        assert_string_equal(src[n], SRC[n]);
    decide_on(fresh.port, "meetings", MEETING[0], "approve", 200);
    static const char *const SETS[] = {"all", "extracted", "trusted", "reviewed"};
    for (size_t i = 0; i < sizeof SETS / sizeof SETS[0]; i++) {
        char *here = listing(D.port, SETS[i]), *there = listing(fresh.port, SETS[i]);
        assert_string_equal(here, there);
        free(here);
        free(there);
    }
    free(after);
    for (int n = 0; n < 3; n++)
        free(src[n]);
    assert_int_equal(bct_daemon_teardown(&fresh, tmp), 0);
}

/* An edit takes a meeting out of its number: the meetings that were the same as it are
 * linked again among their own number (the second the one the third is the same as); an
 * edit of a rejected meeting brings it back as an approval does. */
static void an_edit_links_the_twins_again(void **state)
{
    (void)state;
    char twin[200], target[400];
    snprintf(target, sizeof target, "/v1/review/meetings/%s", MEETING[0]);
    json_decref(
        call("POST", target, AUTH, "{\"action\":\"edit\",\"fields\":{\"ordinal\":18}}", 200));
    assert_string_equal(twin_of(0, twin), "");
    assert_string_equal(twin_of(1, twin), "");
    assert_string_equal(twin_of(2, twin), MEETING[1]);
    json_decref(
        call("POST", target, AUTH, "{\"action\":\"edit\",\"fields\":{\"ordinal\":17}}", 200));
    assert_string_equal(twin_of(1, twin), MEETING[0]);
    assert_string_equal(twin_of(2, twin), MEETING[0]);

    decide("meetings", MEETING[0], "reject", 200);
    assert_string_equal(twin_of(1, twin), "");
    json_decref(call("POST", target, AUTH,
                     "{\"action\":\"edit\",\"fields\":{\"summary\":\"Set for Nanning.\"}}", 200));
    assert_string_equal(twin_of(1, twin), MEETING[0]);
    assert_string_equal(twin_of(2, twin), MEETING[0]);
    /* an edit that fails (an unknown field) moves nothing */
    json_decref(call("POST", target, AUTH, "{\"action\":\"edit\",\"fields\":{\"colour\":1}}", 400));
    assert_string_equal(twin_of(2, twin), MEETING[0]);
}

/* Approving a meeting that is the same as an extracted one makes it the one the others are
 * the same as: a reviewed meeting is never listed behind one awaiting review. */
static void an_approved_twin_heads_its_number(void **state)
{
    (void)state;
    char twin[200];
    decide("meetings", MEETING[0], "reject", 200);
    assert_string_equal(twin_of(2, twin), MEETING[1]);
    decide("meetings", MEETING[2], "approve", 200);
    assert_string_equal(twin_of(2, twin), "");
    assert_string_equal(twin_of(1, twin), MEETING[2]);
    char *all = listing(D.port, "all");
    assert_non_null(strstr(all, MEETING[2]));
    assert_null(strstr(all, MEETING[1]));
    free(all);
}

/* A rejected figure is hidden alike, from the figure and trade figure routes; approved
 * again, it is served by its id and listed by its article once more. */
static void a_rejected_figure_is_hidden_until_approved(void **state)
{
    (void)state;
    char id[240], target[400];
    snprintf(id, sizeof id, "%s-f1", SRC[1]);
    decide("figures", id, "reject", 200);
    snprintf(target, sizeof target, "/v1/figures/%s", id);
    json_t *j = call("GET", target, NULL, NULL, 404);
    assert_string_equal(str(j, "code"), "rejected");
    assert_non_null(strstr(str(j, "detail"), "/v1/review/figures/"));
    json_decref(j);
    snprintf(target, sizeof target, "/v1/trade-figures/%s", id);
    j = call("GET", target, NULL, NULL, 404);
    assert_non_null(strstr(str(j, "detail"), "/v1/review/figures/"));
    json_decref(j);
    /* and so are its lists of overlaps and conflicts */
    snprintf(target, sizeof target, "/v1/figures/%s/overlaps", id);
    j = call("GET", target, NULL, NULL, 404);
    assert_string_equal(str(j, "code"), "rejected");
    json_decref(j);
    snprintf(target, sizeof target, "/v1/figures/%s/conflicts", id);
    json_decref(call("GET", target, NULL, NULL, 404));
    snprintf(target, sizeof target, "/v1/sources/%s", SRC[1]);
    j = call("GET", target, NULL, NULL, 200);
    assert_false(names(json_object_get(json_object_get(j, "facts"), "figures"), id));
    json_decref(j);

    decide("figures", id, "approve", 200);
    snprintf(target, sizeof target, "/v1/figures/%s", id);
    j = call("GET", target, NULL, NULL, 200);
    assert_string_equal(str(j, "curation"), "reviewed");
    json_decref(j);
    snprintf(target, sizeof target, "/v1/figures/%s?curation=rejected", id);
    json_decref(call("GET", target, NULL, NULL, 404)); /* reviewed: not in that set */
    snprintf(target, sizeof target, "/v1/figures/%s/overlaps", id);
    json_decref(call("GET", target, NULL, NULL, 200));
    snprintf(target, sizeof target, "/v1/sources/%s", SRC[1]);
    j = call("GET", target, NULL, NULL, 200);
    assert_true(names(json_object_get(json_object_get(j, "facts"), "figures"), id));
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(twins_before_a_decision),
        cmocka_unit_test(a_rejected_meeting_is_hidden_and_its_twins_linked_again),
        cmocka_unit_test(a_meeting_approved_again_takes_back_its_twins),
        cmocka_unit_test(an_edit_links_the_twins_again),
        cmocka_unit_test(an_approved_twin_heads_its_number),
        cmocka_unit_test(a_rejected_figure_is_hidden_until_approved),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
