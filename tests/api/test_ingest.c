/* test_ingest.c: POST /v1/sources against the real daemon: auth (403 without a
 * configured token, 401 with WWW-Authenticate), every bad body a precise 4xx with
 * nothing written, an English article's meeting and figures readable at once with new
 * ETags; and bordercoop ingest killed with SIGKILL mid-transaction while the daemon
 * keeps serving from the same store, which stays intact with nothing partial. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "harness.h"

#include <jansson.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TOKEN "test-token-0123456789abcdef"

static bct_daemon D;        /* writes enabled */
static bct_daemon READONLY; /* no token configured */
static char TMP[64], DB[128], DB2[128];

static const char ARTICLE[] =
    "On March 18, 2026, the 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
    "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Kunming. The two sides "
    "reported that import-export turnover between the four Vietnamese provinces and Yunnan "
    "reached USD 8.1 billion in 2025. Nearly 600 delegations were exchanged in 2025.";

static int setup(void **state)
{
    (void)state;
    if (bct_tmpdir(TMP, sizeof TMP, "ingest-api") != 0)
        return -1;
    snprintf(DB, sizeof DB, "%s/store.db", TMP);
    snprintf(DB2, sizeof DB2, "%s/store2.db", TMP);
    bc_err err;
    const char *data = getenv("BC_DATA") ? getenv("BC_DATA") : "data";
    if (bc_loader_build(data, DB, NULL, &err) != 0 || bc_loader_build(data, DB2, NULL, &err) != 0) {
        fprintf(stderr, "building the store: %s\n", err.msg);
        return -1;
    }
    const char *extra[] = {"--max-body", "8192", "--log-format", "off", "--max-article-bytes",
                           "3000",       NULL};
    unsetenv("BORDERCOOP_API_TOKEN");
    if (bct_daemon_start(&READONLY, getenv("BC_DAEMON"), DB2, extra, 10000) != 0)
        return -1;
    setenv("BORDERCOOP_API_TOKEN", TOKEN, 1);
    int rc = bct_daemon_start(&D, getenv("BC_DAEMON"), DB, extra, 10000);
    unsetenv("BORDERCOOP_API_TOKEN");
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    int a = bct_daemon_stop(&D, 10000), b = bct_daemon_stop(&READONLY, 10000);
    if (bct_tmpdir_remove(TMP) != 0 || a != 0 || b != 0) {
        fprintf(stderr, "daemons exited with %d and %d\n", a, b);
        return -1;
    }
    return 0;
}

/* POSTs body with optional auth and content type to port; fills r. */
static void post(int port, const char *auth, const char *ctype, const char *body, size_t len,
                 bct_response *r)
{
    const char *headers[3] = {NULL, NULL, NULL};
    char a[128], c[128];
    int n = 0;
    if (auth != NULL) {
        snprintf(a, sizeof a, "Authorization: %s", auth);
        headers[n++] = a;
    }
    if (ctype != NULL) {
        snprintf(c, sizeof c, "Content-Type: %s", ctype);
        headers[n++] = c;
    }
    bct_conn *conn = bct_connect(port, 10000);
    assert_non_null(conn);
    bct_set_diagnostics(0);
    int rc = bct_request(conn, "POST", "/v1/sources", headers, body, len, r);
    bct_set_diagnostics(1);
    assert_int_equal(rc, 0);
    bct_close(conn);
}

static json_t *body_json(const bct_response *r)
{
    json_t *j = json_loadb(r->body, r->body_len, 0, NULL);
    if (j == NULL)
        fail_msg("not JSON: %.200s", r->body);
    return j;
}

static char *article_json(const char *text, const char *lang)
{
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "text", text, "lang", lang, "title",
                          "Lao Cai and Yunnan hold the 12th meeting", "published_on", "2026-03-19");
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return s;
}

static long count(const char *db, const char *sql)
{
    sqlite3 *h;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
}

static void expect_problem(const bct_response *r, int status, const char *code)
{
    if (r->status != status)
        fail_msg("status %d, want %d: %.300s", r->status, status, r->body);
    assert_string_equal(bct_header_get(r, "Content-Type"),
                        "application/problem+json; charset=utf-8");
    json_t *j = body_json(r);
    assert_string_equal(json_string_value(json_object_get(j, "code")), code);
    json_decref(j);
}

static void writes_need_a_configured_token(void **state)
{
    (void)state;
    char *body = article_json(ARTICLE, "en");
    bct_response r;
    post(READONLY.port, "Bearer " TOKEN, "application/json", body, strlen(body), &r);
    expect_problem(&r, 403, "writes_disabled");
    bct_response_free(&r);
    free(body);
    assert_int_equal(count(DB2, "SELECT count(*) FROM sources WHERE origin = 'ingested'"), 0);
}

static void auth_and_bad_bodies(void **state)
{
    (void)state;
    char *body = article_json(ARTICLE, "en");
    size_t len = strlen(body);
    bct_response r;
    post(D.port, NULL, "application/json", body, len, &r);
    expect_problem(&r, 401, "unauthorized");
    assert_string_equal(bct_header_get(&r, "WWW-Authenticate"), "Bearer realm=\"bordercoop\"");
    bct_response_free(&r);
    post(D.port, "Bearer wrong-token-0123456789abcd", "application/json", body, len, &r);
    expect_problem(&r, 401, "unauthorized");
    bct_response_free(&r);
    post(D.port, "Basic dXNlcjpwYXNz", "application/json", body, len, &r);
    expect_problem(&r, 401, "unauthorized");
    bct_response_free(&r);
    post(D.port, "Bearer " TOKEN, "text/plain", body, len, &r);
    expect_problem(&r, 415, "unsupported_media_type");
    bct_response_free(&r);
    post(D.port, "Bearer " TOKEN, "application/json", "{\"text\": ", 9, &r);
    expect_problem(&r, 400, "malformed_json");
    bct_response_free(&r);
    post(D.port, "Bearer " TOKEN, "application/json", "[1,2]", 5, &r);
    expect_problem(&r, 400, "malformed_json");
    bct_response_free(&r);
    const char *missing = "{\"lang\": \"en\"}";
    post(D.port, "Bearer " TOKEN, "application/json", missing, strlen(missing), &r);
    expect_problem(&r, 400, "invalid_field");
    json_t *j = body_json(&r);
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "text");
    json_decref(j);
    bct_response_free(&r);
    const char *empty = "{\"text\": \"\", \"lang\": \"en\"}";
    post(D.port, "Bearer " TOKEN, "application/json", empty, strlen(empty), &r);
    expect_problem(&r, 400, "invalid_field");
    bct_response_free(&r);
    char *german = article_json(ARTICLE, "de"); /* not a language the extractor reads */
    post(D.port, "Bearer " TOKEN, "application/json", german, strlen(german), &r);
    expect_problem(&r, 400, "invalid_field");
    bct_response_free(&r);
    free(german);
    const char *extra = "{\"text\": \"one two three four five\", \"lang\": \"en\", \"x\": 1}";
    post(D.port, "Bearer " TOKEN, "application/json", extra, strlen(extra), &r);
    expect_problem(&r, 400, "invalid_field");
    bct_response_free(&r);
    /* invalid UTF-8 cannot even be JSON */
    const char *bad = "{\"text\": \"Lao Cai \xff\xfe words words\", \"lang\": \"en\"}";
    post(D.port, "Bearer " TOKEN, "application/json", bad, strlen(bad), &r);
    expect_problem(&r, 400, "malformed_json");
    bct_response_free(&r);
    /* over --max-body (8 KiB here) */
    size_t big = 20000;
    char *huge = malloc(big);
    memset(huge, 'a', big);
    post(D.port, "Bearer " TOKEN, "application/json", huge, big, &r);
    expect_problem(&r, 413, "body_too_large");
    bct_response_free(&r);
    free(huge);
    free(body);
    assert_int_equal(count(DB, "SELECT count(*) FROM sources WHERE origin = 'ingested'"), 0);
}

/* An article in each of four languages, posted with lang and published_on, then (a
 * copy with a trailing newline, another text) with neither: the language is detected and
 * said, money comes with what it measures and quotes that are the article's bytes, a day
 * takes its year from published_on (marked inferred) and, without one, no year at all. */
static const struct {
    const char *lang, *pub, *text;
    double value;        /* an amount it states */
    const char *unit;    /* and its currency */
    const char *metric;  /* what it measures */
    const char *table;   /* where its meeting goes: meetings or coop_events */
    const char *date;    /* the meeting's date with published_on */
    const char *same_as; /* the known meeting it is, or NULL */
} ARTICLES[] = {
    {"en", "2025-06-14",
     "Lang Son and Chongzuo review border trade\n\nOn June 12, leaders of Lang Son province "
     "and Chongzuo city (China) held talks in Lang Son. Two-way trade through the Huu Nghi - "
     "Youyiguan border gate reached 3.2 billion USD in the first five months of 2025, up 15 "
     "percent. Exports accounted for 1.1 billion USD.\n",
     1.1e9, "USD", "exports", "coop_events", "2025-06-12", NULL},
    {"fr", "2018-12-13",
     "Lai Chau accueille le groupe de travail mixte\n\nLe 12 decembre, la 7e reunion du "
     "groupe de travail mixte entre les provinces de Lai Chau, Ha Giang, Lao Cai, Dien Bien "
     "et le Yunnan (Chine) s'est tenue a Lai Chau. Les echanges commerciaux entre les quatre "
     "provinces et le Yunnan ont atteint 1,7 milliard de dollars en 2018.\n",
     1.7e9, "USD", "trade_turnover", "meetings", "2018-12-12", NULL},
    {"vi", "2025-10-31",
     "Phien hop lan thu 11 Nhom cong tac lien hop\n\nSáng 30/10, tại tỉnh Lai Châu, Phiên "
     "họp lần thứ 11 Nhóm công tác liên hợp giữa các tỉnh Lai Châu, Lào Cai, Tuyên Quang, "
     "Điện Biên (Việt Nam) và tỉnh Vân Nam (Trung Quốc) đã diễn ra. Kim ngạch xuất nhập khẩu "
     "giữa 4 tỉnh và Vân Nam năm 2024 đạt 5,1 tỷ USD.\n",
     5.1e9, "USD", "trade_turnover", "meetings", "2025-10-30", "jwg-yunnan-11"},
    {"zh", "2024-06-13",
     "红河州与越南老街省举行会谈\n\n6月12日下午，红河州与越南老街省在河口县举行会谈。今年1至5月，"
     "双方贸易额达到82.6亿元，同比增长15.8%，其中出口31.2亿元。\n",
     3.12e9, "CNY", "exports", "coop_events", "2024-06-12", NULL},
};

/* POSTs text (with lang and published_on unless bare) and returns the answer's JSON. */
static json_t *post_article(const char *text, const char *lang, const char *pub, int bare)
{
    json_t *o = json_pack("{s:s}", "text", text);
    if (!bare) {
        json_object_set_new(o, "lang", json_string(lang));
        json_object_set_new(o, "published_on", json_string(pub));
    }
    char *body = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    bct_response r;
    post(D.port, "Bearer " TOKEN, "application/json", body, strlen(body), &r);
    free(body);
    if (r.status != 201)
        fail_msg("status %d: %.400s", r.status, r.body);
    json_t *j = body_json(&r);
    bct_response_free(&r);
    return j;
}

/* The one row of sql (a number) in the daemon's store. */
static long one(const char *fmt, const char *a, const char *b)
{
    char sql[1024];
    snprintf(sql, sizeof sql, fmt, a, b);
    return count(DB, sql);
}

static void four_languages_with_and_without_a_publication_date(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof ARTICLES / sizeof ARTICLES[0]; i++) {
        for (int bare = 0; bare <= 1; bare++) {
            char text[2048];
            /* a text of its own (a separator line: the same text again would be a no-op, one
             * that differs in its spacing only a republished copy) */
            snprintf(text, sizeof text, "%s%s", ARTICLES[i].text, bare ? "\n\n---\n" : "");
            json_t *j = post_article(text, ARTICLES[i].lang, ARTICLES[i].pub, bare);
            json_t *lang = json_object_get(j, "lang");
            assert_string_equal(json_string_value(json_object_get(lang, "code")), ARTICLES[i].lang);
            assert_int_equal(json_is_true(json_object_get(lang, "detected")), bare);
            assert_true(json_number_value(json_object_get(lang, "confidence")) >= 0.6);
            char src[200];
            snprintf(src, sizeof src, "%s",
                     json_string_value(json_object_get(json_object_get(j, "source"), "id")));
            json_t *ex = json_object_get(j, "extracted");
            assert_true(json_integer_value(json_object_get(ex, "figures")) >= 1);
            /* the amount, with its currency and measure, quoted verbatim */
            char fig[800];
            snprintf(fig, sizeof fig,
                     "SELECT count(*) FROM figures f JOIN citations c ON c.figure_id = f.id "
                     "WHERE f.id LIKE '%s-f%%' AND f.curation = 'extracted' AND abs(f.value - "
                     "%.0f) < 1 AND f.unit = '%s' AND f.metric = '%s' AND c.source_id = '%s'",
                     src, ARTICLES[i].value, ARTICLES[i].unit, ARTICLES[i].metric, src);
            if (count(DB, fig) != 1)
                fail_msg("%s: no figure %.0f %s %s", src, ARTICLES[i].value, ARTICLES[i].unit,
                         ARTICLES[i].metric);
            assert_int_equal(one("SELECT count(*) FROM citations c JOIN sources s ON s.id = "
                                 "c.source_id WHERE c.source_id = '%s' AND substr(CAST(s.body AS "
                                 "BLOB), c.quote_start + 1, c.quote_end - c.quote_start) <> "
                                 "CAST(c.quote AS BLOB)%s",
                                 src, ""),
                             0);
            /* the meeting: with its day and the year from published_on, marked; without a
             * publication date, no date at all (and the answer says so) */
            char sql[900];
            if (!bare)
                snprintf(
                    sql, sizeof sql,
                    "SELECT count(*) FROM %s WHERE id LIKE '%s-%%' AND date = '%s' AND "
                    "curation = 'extracted' AND EXISTS (SELECT 1 FROM json_each(inferred) WHERE "
                    "value = 'date.year') AND NOT EXISTS (SELECT 1 FROM json_each(inferred) "
                    "WHERE value = 'date') AND note "
                    "LIKE '%%published_on%%'",
                    ARTICLES[i].table, src, ARTICLES[i].date);
            else
                snprintf(sql, sizeof sql,
                         "SELECT count(*) FROM %s WHERE id LIKE '%s-%%' AND date IS NULL AND "
                         "note LIKE '%%without a year%%'",
                         ARTICLES[i].table, src);
            if (count(DB, sql) != 1)
                fail_msg("%s (%s): no meeting: %s", src, bare ? "bare" : "dated", sql);
            assert_int_equal(json_integer_value(json_object_get(ex, "dates_without_year")) > 0,
                             bare);
            if (ARTICLES[i].same_as != NULL)
                assert_int_equal(one("SELECT count(*) FROM meetings WHERE id LIKE '%s-%%' AND "
                                     "same_as = '%s'",
                                     src, ARTICLES[i].same_as),
                                 1);
            /* no year anywhere that neither the text nor published_on gives */
            if (bare)
                assert_int_equal(one("SELECT count(*) FROM figures WHERE id LIKE '%s-%%' AND "
                                     "inferred LIKE '%%period%%' AND note LIKE '%%%s%%'",
                                     src, "publication"),
                                 0);
            json_decref(j);
        }
    }
    /* readable over HTTP: the Chinese talks, as an event */
    bct_response r;
    assert_int_equal(bct_get(D.port, "/v1/events?curation=extracted&kind=talks", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "2024-06-12"));
    bct_response_free(&r);
}

/* Talks whose day the text gives without a year, told right after a meeting of another
 * year: the publication date's year may not be theirs, so the date is withheld, but the
 * talks stay, undated, with a note saying why (never dropped, never uncounted); the
 * same talks without the other year's meeting before them take the publication date's
 * year. In several languages: the doubt is the date's, not the wording's. */
static const struct {
    const char *lang, *lead, *recalled, *talks;
} RECALLED[] = {
    {"en",
     "On 26 November, the 9th annual meeting of the party secretaries of Ha Giang and "
     "Guangxi took place in Nanning.",
     " Both sides looked back on the 8th meeting, which Ha Giang hosted on 3 November 2025.",
     "On 23 November, the Governor of Guangxi and the Secretary of Ha Giang held talks in "
     "Nanning."},
    {"fr",
     "Le 26 novembre, la 9e rencontre annuelle des secretaires du Parti de Ha Giang et du "
     "Guangxi s'est tenue a Nanning.",
     " Les deux parties ont evoque la 8e rencontre, organisee a Ha Giang le 3 novembre 2025.",
     "Le 23 novembre, le gouverneur du Guangxi et le secretaire de Ha Giang ont tenu des "
     "entretiens a Nanning."},
    {"vi",
     "Ngày 26/11, Hội nghị thường niên lần thứ 9 giữa Bí thư Tỉnh ủy Hà Giang và Quảng Tây "
     "đã diễn ra tại Nam Ninh.",
     " Hai bên nhắc lại Hội nghị lần thứ 8 tổ chức ngày 3/11/2025 tại Hà Giang.",
     "Ngày 23/11, Chủ tịch Khu tự trị Quảng Tây và Bí thư Tỉnh ủy Hà Giang đã hội đàm tại "
     "Nam Ninh."},
    {"zh", "11月26日，越南河江省与广西党委书记第九次年度会晤在南宁举行。",
     "双方回顾了2025年11月3日在河江举行的第八次会晤。",
     "11月23日，广西壮族自治区主席与河江省委书记在南宁举行会谈。"},
};

static void a_doubtful_date_keeps_its_talks_undated(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof RECALLED / sizeof RECALLED[0]; i++) {
        for (int recalled = 1; recalled >= 0; recalled--) {
            char text[2048];
            snprintf(text, sizeof text, "Ha Giang and Guangxi meet in Nanning %d\n\n%s%s\n%s\n",
                     recalled, RECALLED[i].lead, recalled ? RECALLED[i].recalled : "",
                     RECALLED[i].talks);
            json_t *j = post_article(text, RECALLED[i].lang, "2026-11-28", 0);
            char src[200];
            snprintf(src, sizeof src, "%s",
                     json_string_value(json_object_get(json_object_get(j, "source"), "id")));
            json_t *ex = json_object_get(j, "extracted");
            if (json_integer_value(json_object_get(ex, "events")) < 1)
                fail_msg("%s (%s): no talks stored", src, RECALLED[i].lang);
            /* no day of 2026 the text does not support; withheld, with why */
            long dated = one("SELECT count(*) FROM coop_events WHERE id LIKE '%s-%%' AND kind = "
                             "'talks' AND date = '2026-11-23'%s",
                             src, "");
            long undated = one("SELECT count(*) FROM coop_events WHERE id LIKE '%s-%%' AND kind "
                               "= 'talks' AND date IS NULL AND note LIKE '%%%s%%'",
                               src, "withheld as doubtful");
            if (dated != !recalled || undated != recalled)
                fail_msg("%s (%s, recalled %d): %ld dated, %ld undated", src, RECALLED[i].lang,
                         recalled, dated, undated);
            json_decref(j);
        }
    }
}

/* A withheld date's note gives the reason that withheld it (analyst14 finding 11): a
 * weekday after a day of another week says so, never that another year was told; a day
 * after another year's meeting says that. */
static void a_withheld_date_tells_its_own_reason(void **state)
{
    (void)state;
    static const struct {
        const char *text, *says, *never;
    } cases[] = {
        {"Cao Bang and Guangxi talk in Baise\n\nThe 12th meeting of the Joint Working Group "
         "of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan was held in Kunming on 2 "
         "November 2026. On Tuesday, leaders of Cao Bang and Guangxi held talks in Baise.\n",
         "weekday", "another year"},
        {"Cao Bang and Guangxi talk in Baise again\n\nThe 12th meeting of the Joint Working "
         "Group of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan was held in Kunming on "
         "2 November 2025. On 5 November, leaders of Cao Bang and Guangxi held talks in "
         "Baise.\n",
         "another year", "weekday"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *j = post_article(cases[i].text, "en", "2026-11-21", 0);
        char src[200];
        snprintf(src, sizeof src, "%s",
                 json_string_value(json_object_get(json_object_get(j, "source"), "id")));
        long says = one("SELECT count(*) FROM coop_events WHERE id LIKE '%s-%%' AND kind = "
                        "'talks' AND date IS NULL AND note LIKE '%%%s%%'",
                        src, cases[i].says);
        long never = one("SELECT count(*) FROM coop_events WHERE id LIKE '%s-%%' AND note LIKE "
                         "'%%%s%%'",
                         src, cases[i].never);
        if (says != 1 || never != 0)
            fail_msg("%s: %ld notes saying '%s', %ld saying '%s'", src, says, cases[i].says, never,
                     cases[i].never);
        json_decref(j);
    }
}

/* A text longer than --max-article-bytes (3000 here) is refused whole: 413, nothing
 * written. */
/* A BCP-47 tag is its language: zh-CN, zh-Hans, vi-VN, fr-FR, en-US are zh, vi, fr, en
 * (the answer says the two-letter code, the source is stored under it); other tags are a
 * 400 naming lang. */
/* An ingested Chinese article is found by a word inside its sentences (each character a
 * term, the word their phrase), and a Swedish inflected name by the plain name. */
static void search_finds_words_inside_chinese_and_inflected_names(void **state)
{
    (void)state;
    json_t *j =
        post_article("文山州与河江省举行会谈\n\n5月8日，文山州与越南河江省在天保口岸举行会谈，"
                     "双方同意加快推进天保—清水口岸升级。\n",
                     "zh", "2024-05-09", 0);
    char src[200];
    snprintf(src, sizeof src, "%s",
             json_string_value(json_object_get(json_object_get(j, "source"), "id")));
    json_decref(j);
    static const char *const words[] = {"%E4%BC%9A%E8%B0%88",                   /* 会谈 */
                                        "%E5%A4%A9%E4%BF%9D%E5%8F%A3%E5%B2%B8", /* 天保口岸 */
                                        "%E6%B2%B3%E6%B1%9F"};                  /* 河江 */
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "/v1/search?q=%s&type=source&curation=all&limit=50", words[i]);
        bct_response r;
        assert_int_equal(bct_get(D.port, path, NULL, &r), 0);
        assert_int_equal(r.status, 200);
        if (strstr(r.body, src) == NULL || strstr(r.body, "<mark>") == NULL)
            fail_msg("%s did not find %s: %.400s", path, src, r.body);
        bct_response_free(&r);
    }
    /* the same characters in another order are not the word */
    bct_response r;
    assert_int_equal(
        bct_get(D.port, "/v1/search?q=%E8%B0%88%E4%BC%9A&type=source&curation=all", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_null(strstr(r.body, src));
    bct_response_free(&r);
    /* nor are characters on either side of punctuation ("会谈，双方": 会谈双方) */
    assert_int_equal(bct_get(D.port,
                             "/v1/search?q=%E4%BC%9A%E8%B0%88%E5%8F%8C%E6%96%B9&type=source&"
                             "curation=all",
                             NULL, &r),
                     0);
    assert_int_equal(r.status, 200);
    assert_null(strstr(r.body, src));
    bct_response_free(&r);
    /* "Kunming" finds the Swedish genitive "Kunmings" among the paragraphs of an article;
     * quoted, it is the word alone */
    assert_int_equal(
        bct_get(D.port, "/v1/search?q=Kunming&lang=sv&paragraphs=true&limit=50", NULL, &r), 0);
    assert_int_equal(r.status, 200);
    assert_non_null(strstr(r.body, "<mark>Kunmings</mark>"));
    bct_response_free(&r);
    assert_int_equal(
        bct_get(D.port, "/v1/search?q=%22Kunming%22&lang=sv&paragraphs=true&limit=50", NULL, &r),
        0);
    assert_int_equal(r.status, 200);
    assert_null(strstr(r.body, "<mark>Kunmings</mark>"));
    bct_response_free(&r);
}

static void language_tags_are_their_language(void **state)
{
    (void)state;
    static const struct {
        const char *tag, *code, *text;
    } tags[] = {
        {"zh-CN", "zh", "东兴口岸\n\n今年1至9月，东兴口岸进出口总值达到45.6亿元，同比增长8.1%。\n"},
        {"zh-Hans", "zh",
         "凭祥口岸\n\n今年1至9月，凭祥口岸进出口总值达到71.3亿元，同比增长6.2%。\n"},
        {"vi-VN", "vi",
         "Cửa khẩu\n\nKim ngạch qua cửa khẩu Tà Lùng đạt 410 triệu USD trong 9 tháng.\n"},
        {"fr-FR", "fr",
         "Poste\n\nLes échanges via le poste de Tà Lùng ont atteint 410 millions de dollars.\n"},
        {"EN_us", "en",
         "Ta Lung\n\nTrade through the Ta Lung gate reached 415 million USD in nine months.\n"},
    };
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
        json_t *j = post_article(tags[i].text, tags[i].tag, "2024-10-10", 0);
        json_t *lang = json_object_get(j, "lang");
        assert_string_equal(json_string_value(json_object_get(lang, "code")), tags[i].code);
        assert_false(json_is_true(json_object_get(lang, "detected")));
        char src[200];
        snprintf(src, sizeof src, "%s",
                 json_string_value(json_object_get(json_object_get(j, "source"), "id")));
        assert_int_equal(
            one("SELECT count(*) FROM sources WHERE id = '%s' AND lang = '%s'", src, tags[i].code),
            1);
        json_decref(j);
    }
    static const char *const bad[] = {"zh-", "zho", "de-DE", "zh CN", "zh-toolongsubtag"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *body = article_json(ARTICLE, bad[i]);
        bct_response r;
        post(D.port, "Bearer " TOKEN, "application/json", body, strlen(body), &r);
        free(body);
        expect_problem(&r, 400, "invalid_field");
        assert_non_null(strstr(r.body, "lang"));
        bct_response_free(&r);
    }
}

/* A language of the other script is refused, naming lang, and nothing is written: a
 * Chinese article sent as en (or an English one as zh) would otherwise give no facts,
 * silently. A few Chinese names in an English text, or Latin letters (USD, names) in a
 * Chinese one, are no mismatch. */
static void a_language_of_the_other_script_is_refused(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } bad[] = {
        {"en", "边境会谈\n\n11月14日上午，双方在河口举行会谈，同意推动口岸货物通关便利化。\n"},
        {"fr", "边境会谈\n\n11月14日上午，双方在河口举行会谈，同意推动口岸货物通关便利化。\n"},
        {"zh", "Border talks\n\nThe two sides met in Hekou on Thursday and agreed to speed up "
               "customs clearance at the gate.\n"},
    };
    long before = one("SELECT count(*) FROM sources%s%s", "", "");
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *body = article_json(bad[i].text, bad[i].lang);
        bct_response r;
        post(D.port, "Bearer " TOKEN, "application/json", body, strlen(body), &r);
        free(body);
        expect_problem(&r, 400, "invalid_field");
        assert_non_null(strstr(r.body, "\"lang\""));
        assert_non_null(strstr(r.body, "leave lang out"));
        bct_response_free(&r);
    }
    assert_int_equal(one("SELECT count(*) FROM sources%s%s", "", ""), before);
    /* mixed but clear: accepted */
    json_t *en = post_article("Hekou talks\n\nOfficials of Lao Cai and Hekou (河口) met on "
                              "Thursday to discuss the Lao Cai - Hekou gate pair.\n",
                              "en", "2024-10-10", 0);
    assert_string_equal(json_string_value(json_object_get(json_object_get(en, "lang"), "code")),
                        "en");
    json_decref(en);
    json_t *zh =
        post_article("河口会谈\n\n老街省与河口县代表在河口举行会谈，讨论Lao Cai口岸与USD结算。\n",
                     "zh", "2024-10-10", 0);
    assert_string_equal(json_string_value(json_object_get(json_object_get(zh, "lang"), "code")),
                        "zh");
    json_decref(zh);
}

static void long_articles_are_refused(void **state)
{
    (void)state;
    char *text = malloc(3600);
    assert_non_null(text);
    for (size_t k = 0; k < 3599; k++)
        text[k] = k % 6 == 5 ? ' ' : 'a';
    text[3599] = '\0';
    char *body = article_json(text, "en");
    long before = count(DB, "SELECT count(*) FROM sources");
    bct_response r;
    post(D.port, "Bearer " TOKEN, "application/json", body, strlen(body), &r);
    expect_problem(&r, 413, "body_too_large");
    json_t *j = body_json(&r);
    assert_string_equal(json_string_value(json_object_get(j, "parameter")), "text");
    json_decref(j);
    bct_response_free(&r);
    assert_int_equal(count(DB, "SELECT count(*) FROM sources"), before);
    free(body);
    free(text);
}

static void an_article_is_readable_at_once(void **state)
{
    (void)state;
    bct_response before, r, again, after, stale;
    assert_int_equal(bct_get(D.port, "/v1/meetings", NULL, &before), 0);
    /* cached before the ingest: an empty list of extracted meetings, twice so it is served
     * from the response cache */
    assert_int_equal(bct_get(D.port, "/v1/meetings?curation=extracted", NULL, &stale), 0);
    bct_response_free(&stale);
    assert_int_equal(bct_get(D.port, "/v1/meetings?curation=extracted", NULL, &stale), 0);
    assert_non_null(strstr(stale.body, "\"data\":[]"));
    char *body = article_json(ARTICLE, "en");
    post(D.port, "Bearer " TOKEN, "application/json; charset=utf-8", body, strlen(body), &r);
    if (r.status != 201)
        fail_msg("status %d: %.300s", r.status, r.body);
    const char *location = bct_header_get(&r, "Location");
    assert_non_null(location);
    json_t *j = body_json(&r);
    assert_true(json_is_true(json_object_get(j, "created")));
    assert_true(json_integer_value(json_object_get(json_object_get(j, "extracted"), "meetings")) >=
                1);
    json_decref(j);
    /* the source, its meeting and its figure, with quotes pointing into the text */
    bct_response s;
    assert_int_equal(bct_get(D.port, location, NULL, &s), 0);
    assert_int_equal(s.status, 200);
    bct_response_free(&s);
    bct_response m;
    assert_int_equal(bct_get(D.port, "/v1/meetings?curation=extracted", NULL, &m), 0);
    if (m.status != 200)
        fail_msg("meetings: status %d: %.300s", m.status, m.body);
    json_t *mj = body_json(&m);
    json_t *meeting = json_array_get(json_object_get(mj, "data"), 0);
    assert_non_null(meeting);
    assert_string_equal(json_string_value(json_object_get(meeting, "date")), "2026-03-18");
    assert_int_equal(json_integer_value(json_object_get(meeting, "ordinal")), 12);
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(meeting, "same_as"), "id")),
        "jwg-yunnan-12");
    json_t *src = json_array_get(json_object_get(meeting, "sources"), 0);
    long start = (long)json_integer_value(json_object_get(src, "quote_start"));
    long end = (long)json_integer_value(json_object_get(src, "quote_end"));
    const char *quote = json_string_value(json_object_get(src, "quote"));
    assert_int_equal((size_t)(end - start), strlen(quote));
    assert_memory_equal(ARTICLE + start, quote, strlen(quote));
    json_decref(mj);
    bct_response_free(&m);
    bct_response f;
    assert_int_equal(bct_get(D.port, "/v1/trade-figures?curation=extracted", NULL, &f), 0);
    assert_non_null(strstr(f.body, "\"value\":8100000000"));
    bct_response_free(&f);
    /* new data, new ETag, without a restart; the tag the client held no longer matches
     * (200 with the new body, not a 304 or the cached empty list) */
    assert_int_equal(bct_get(D.port, "/v1/meetings", NULL, &after), 0);
    assert_string_not_equal(bct_header_get(&before, "ETag"), bct_header_get(&after, "ETag"));
    char inm[160];
    snprintf(inm, sizeof inm, "If-None-Match: %s", bct_header_get(&stale, "ETag"));
    const char *revalidate[] = {inm, NULL};
    bct_response fresh;
    assert_int_equal(bct_get(D.port, "/v1/meetings?curation=extracted", revalidate, &fresh), 0);
    assert_int_equal(fresh.status, 200);
    assert_null(strstr(fresh.body, "\"data\":[]"));
    assert_non_null(strstr(fresh.body, "2026-03-18"));
    assert_string_not_equal(bct_header_get(&fresh, "ETag"), bct_header_get(&stale, "ETag"));
    bct_response_free(&fresh);
    bct_response_free(&stale);
    /* the same text again: 200, nothing new */
    post(D.port, "Bearer " TOKEN, "application/json", body, strlen(body), &again);
    assert_int_equal(again.status, 200);
    assert_string_equal(bct_header_get(&again, "Location"), location);
    bct_response_free(&again);
    bct_response_free(&r);
    bct_response_free(&before);
    bct_response_free(&after);
    free(body);
    assert_int_equal(count(DB, "SELECT count(*) FROM sources WHERE origin = 'ingested'"), 1);
}

static void kill_during_ingest_leaves_the_store_intact(void **state)
{
    (void)state;
    const char *cli = getenv("BC_CLI");
    assert_non_null(cli);
    char file[128];
    snprintf(file, sizeof file, "%s/article.txt", TMP);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs("Lao Cai reported that import-export turnover with Yunnan reached USD 3.3 billion in "
          "2025, and over 12,000 Chinese tourists visited in January 2026.",
          f);
    fclose(f);
    long sources = count(DB, "SELECT count(*) FROM sources");
    long figures = count(DB, "SELECT count(*) FROM figures");
    char version[80];
    bct_response v;
    assert_int_equal(bct_get(D.port, "/readyz", NULL, &v), 0);
    snprintf(version, sizeof version, "%s", strstr(v.body, "content_version"));
    bct_response_free(&v);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execl(cli, cli, "ingest", file, "--lang", "en", "--db", DB, "--pause-before-commit",
              "20000", (char *)NULL);
        _exit(127);
    }
    /* let it get inside its transaction (extraction takes milliseconds) */
    struct timespec ts = {1, 0};
    nanosleep(&ts, NULL);
    /* readers are never blocked by the pending write */
    for (int i = 0; i < 20; i++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        bct_response r;
        assert_int_equal(bct_get(D.port, i % 2 ? "/v1/figures" : "/v1/meetings?limit=3", NULL, &r),
                         0);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        assert_int_equal(r.status, 200);
        bct_response_free(&r);
        /* not a timing assertion on speed: a blocked reader would wait for the whole
         * 20 s pause (or the 5 s busy timeout) */
        assert_true(t1.tv_sec - t0.tv_sec < 4);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, WNOHANG), 0); /* still inside the transaction */
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    /* intact, and nothing of the killed ingest is visible */
    sqlite3 *h;
    assert_int_equal(sqlite3_open_v2(DB, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
    sqlite3_close(h);
    assert_int_equal(count(DB, "SELECT count(*) FROM sources"), sources);
    assert_int_equal(count(DB, "SELECT count(*) FROM figures"), figures);
    bct_response after;
    assert_int_equal(bct_get(D.port, "/readyz", NULL, &after), 0);
    assert_int_equal(after.status, 200);
    assert_memory_equal(strstr(after.body, "content_version"), version, strlen(version));
    bct_response_free(&after);
    /* the writer lock died with the process: the next ingest goes through */
    pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        execl(cli, cli, "ingest", file, "--lang", "en", "--db", DB, (char *)NULL);
        _exit(127);
    }
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_int_equal(count(DB, "SELECT count(*) FROM sources"), sources + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(writes_need_a_configured_token),
        cmocka_unit_test(auth_and_bad_bodies),
        cmocka_unit_test(an_article_is_readable_at_once),
        cmocka_unit_test(four_languages_with_and_without_a_publication_date),
        cmocka_unit_test(a_doubtful_date_keeps_its_talks_undated),
        cmocka_unit_test(a_withheld_date_tells_its_own_reason),
        cmocka_unit_test(search_finds_words_inside_chinese_and_inflected_names),
        cmocka_unit_test(language_tags_are_their_language),
        cmocka_unit_test(a_language_of_the_other_script_is_refused),
        cmocka_unit_test(long_articles_are_refused),
        cmocka_unit_test(kill_during_ingest_leaves_the_store_intact),
    };
    return cmocka_run_group_tests_name("ingest_api", tests, setup, teardown);
}
