/* test_ingest.c: ingesting articles: every kind of bad input refused with its field,
 * facts extracted with verbatim quotes, the same text twice a no-op, curated facts
 * untouched, nothing written on failure, and rebuilds carrying ingested articles over. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/check.h"
#include "bordercoop/ingest.h"
#include "bordercoop/text.h"

#include "fixture.h"

static const char EN[] =
    "Lao Cai and Yunnan hold the 12th meeting of the Joint Working Group\n\n"
    "On March 18, 2026, the 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
    "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Kunming. The two sides "
    "reported that import-export turnover between the four Vietnamese provinces and Yunnan "
    "reached USD 8.1 billion in 2025. Nearly 600 delegations were exchanged in 2025.\n"
    "The provinces agreed to study a new crossing at Muong Khuong (Vietnam) - Qiaotou (China).\n"
    "The 13th meeting of the Joint Working Group will be held in Lao Cai in 2027.\n";

static const char VI[] =
    "Ngày 20/3/2026, tỉnh Lào Cai và tỉnh Vân Nam (Trung Quốc) tổ chức hội nghị. "
    "Kim ngạch xuất nhập khẩu giữa Lào Cai và Vân Nam năm 2025 đạt 3,2 tỷ USD, tăng 15%. "
    "Hơn 1.200 lao động Việt Nam đang làm việc tại Vân Nam.\n";

static bc_ingest_input article(const char *text, const char *lang)
{
    bc_ingest_input in = {0};
    in.text = text;
    in.len = strlen(text);
    in.lang = lang;
    in.title = "Test article";
    return in;
}

#define count fx_count /* fixture.h */

static char *doc(bc_store *s, const char *view, const char *id)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT doc FROM %s WHERE id = ?1", view);
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(bc_store_stmt(s, sql, &st, &err), 0);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    char *copy = bc_strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_reset(st);
    return copy;
}

static void expect_invalid(bc_ingest_input in, int code, const char *field, const char *want)
{
    char f[32];
    bc_err err;
    assert_int_equal(bc_ingest_validate(&in, f, &err), code);
    assert_string_equal(f, field);
    if (strstr(err.msg, want) == NULL)
        fail_msg("'%s' lacks '%s'", err.msg, want);
}

static void bad_input_names_its_field(void **state)
{
    (void)state;
    bc_ingest_input in = article(EN, "en");
    char f[32];
    bc_err err;
    assert_int_equal(bc_ingest_validate(&in, f, &err), 0);
    bc_ingest_input x = in;
    x.text = NULL;
    expect_invalid(x, BC_EINVAL, "text", "required");
    x = in;
    x.len = 0;
    expect_invalid(x, BC_EINVAL, "text", "empty");
    x = in;
    x.len = BC_INGEST_MAX_TEXT + 1;
    expect_invalid(x, BC_ETOOBIG, "text", "longer than");
    x = article("Lao Cai \xff\xfe and then some words", "en");
    expect_invalid(x, BC_EINVAL, "text", "UTF-8");
    static const char with_nul[] = "one two three\0four five six";
    x = in;
    x.text = with_nul;
    x.len = sizeof with_nul - 1;
    expect_invalid(x, BC_EINVAL, "text", "NUL");
    x = article("too short", "en");
    expect_invalid(x, BC_EINVAL, "text", "fewer than");
    x = in;
    x.lang = NULL; /* detected, once: bc_ingest reads the language validation found */
    assert_int_equal(bc_ingest_validate(&x, f, &err), 0);
    assert_int_equal(x.checked, 1);
    assert_string_equal(x.lang_read, "en");
    assert_int_equal(x.lang_detected, 1);
    assert_true(x.lang_confidence > 0.5);
    x.lang = "en"; /* given: read as given */
    assert_int_equal(bc_ingest_validate(&x, f, &err), 0);
    assert_string_equal(x.lang_read, "en");
    assert_int_equal(x.lang_detected, 0);
    x.text = NULL; /* a failed check leaves the input unchecked */
    expect_invalid(x, BC_EINVAL, "text", "required");
    assert_int_equal(bc_ingest_validate(&x, f, &err), BC_EINVAL);
    assert_int_equal(x.checked, 0);
    x = in;
    x.lang = "vi"; /* English sent as Vietnamese: its rules would read nothing */
    expect_invalid(x, BC_EINVAL, "lang", "reads as English");
    x.lang = "fr";
    expect_invalid(x, BC_EINVAL, "lang", "send lang 'en'");
    x.lang = "vn";
    expect_invalid(x, BC_EINVAL, "lang", "Vietnamese is vi");
    x.lang = "zh-TW";
    expect_invalid(x, BC_EINVAL, "lang", "traditional is not read");
    x = article("2024 2025 12 345 678 90 11 12 13 14", NULL);
    expect_invalid(x, BC_EINVAL, "lang", "cannot be told");
    x = in;
    x.lang = "de";
    expect_invalid(x, BC_EINVAL, "lang", "en, vi, zh, fr, pl, sv, nl");
    x = in;
    x.max_bytes = 100;
    expect_invalid(x, BC_ETOOBIG, "text", "--max-article-bytes");
    x = in;
    x.url = "ftp://example.org/a";
    expect_invalid(x, BC_EINVAL, "url", "http(s)");
    x = in;
    x.published_on = "2026-02-30";
    expect_invalid(x, BC_EINVAL, "published_on", "not a day");
    x = in;
    x.published_on = "2199-06-01"; /* a day that has not come */
    expect_invalid(x, BC_EINVAL, "published_on", "ahead of today");
    x = in;
    x.title = "";
    expect_invalid(x, BC_EINVAL, "title", "1 to 500");
    /* outside attack 2, finding 8: a url with a space, bidirectional overrides and
     * zero-width characters in a title or url, a blank title */
    x = in;
    x.url = "http://a b";
    expect_invalid(x, BC_EINVAL, "url", "holds a space");
    x.url = "https://example.org/a\xe2\x80\xae";
    expect_invalid(x, BC_EINVAL, "url", "invisible formatting character");
    x = in;
    x.title = "Lao Cai \xe2\x81\xa6"
              "and\xe2\x81\xa9 Yunnan";
    expect_invalid(x, BC_EINVAL, "title", "at byte 8");
    x.title = "\xef\xbb\xbf";
    expect_invalid(x, BC_EINVAL, "title", "U+FEFF");
    /* the line and paragraph separators are named like the others (outsider 8, L1) */
    x.title = "gate\xe2\x80\xa8talks";
    expect_invalid(x, BC_EINVAL, "title", "U+2028, a line separator");
    x.title = "gate\xe2\x80\xa9talks";
    expect_invalid(x, BC_EINVAL, "title", "U+2029, a paragraph separator");
    x.title = "gate\xe2\x80\xaetalks";
    expect_invalid(x, BC_EINVAL, "title", "U+202E, a right-to-left override");
    x.title = " ";
    expect_invalid(x, BC_EINVAL, "title", "blank");
    x = in;
    x.author = "A\xe2\x80\x8b B";
    expect_invalid(x, BC_EINVAL, "author", "zero-width");
    /* a carried-over article keeps what it was accepted with */
    x.id = "kept-en-00000000";
    x.url = "http://a b";
    assert_int_equal(bc_ingest_validate(&x, f, &err), 0);
}

static void ingest_extracts_with_verbatim_quotes(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    char *version_before = NULL;
    bc_err err;
    assert_int_equal(bc_store_meta_get(s, "content_version", &version_before, &err), 0);
    char *curated_before = doc(s, "v_meeting_doc", "jwg-yunnan-12");
    long figures_before = count(s, "SELECT count(*) FROM figures");

    bc_ingest_input in = article(EN, "en");
    in.published_on = "2026-03-19";
    bc_ingest_result r;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    assert_true(r.created);
    assert_true(r.figures >= 2);
    assert_true(r.meetings >= 1);
    assert_int_equal(r.projects, 1);
    assert_string_not_equal(r.content_version, version_before);
    assert_int_equal(count(s, "SELECT count(*) FROM figures"), figures_before + r.figures);
    assert_int_equal(count(s, "SELECT count(*) FROM figures WHERE curation = 'extracted'"),
                     r.figures);
    /* the 8.1 billion is there, normalised, quoted verbatim at its offsets */
    assert_int_equal(count(s, "SELECT count(*) FROM figures f JOIN citations c ON c.figure_id = "
                              "f.id WHERE f.value = 8100000000 AND f.unit = 'USD' AND "
                              "f.metric = 'trade_turnover' AND f.period = '2025' AND "
                              "instr(c.quote, 'USD 8.1 billion') > 0"),
                     1);
    /* the 12th meeting is linked to the curated planned one, which is left as it was */
    assert_int_equal(count(s, "SELECT count(*) FROM meetings WHERE curation = 'extracted' AND "
                              "ordinal = 12 AND same_as = 'jwg-yunnan-12' AND "
                              "date = '2026-03-18' AND status = 'held'"),
                     1);
    assert_int_equal(count(s, "SELECT count(*) FROM meetings WHERE curation = 'extracted' AND "
                              "ordinal = 13 AND status = 'planned'"),
                     1);
    char *curated_after = doc(s, "v_meeting_doc", "jwg-yunnan-12");
    assert_string_equal(curated_before, curated_after);
    /* every quote verifies against the stored article bytes */
    bc_buf report = BC_BUF_INIT;
    int problems = -1;
    assert_int_equal(bc_check_report(s, &report, &problems, &err), 0);
    assert_int_equal(problems, 0);
    /* searchable at once */
    bc_response res;
    assert_int_equal(fx_request(s, "GET", "/v1/search", "q=Qiaotou&curation=all", &res), 200);
    assert_non_null(strstr(res.body.data, "Muong Khuong"));
    bc_response_free(&res);
    bc_buf_free(&report);
    bc_free(curated_before);
    bc_free(curated_after);
    bc_free(version_before);
    bc_store_close(s);
}

/* A machine-read event on a curated project adds nothing to the project's search text
 * (its words, "Named in an ingested article (TITLE)", like its quote) until it is
 * trusted (analyst 3: the default search showed unreviewed text on a curated project);
 * curation=all finds the article itself. */
static void unreviewed_events_stay_out_of_trusted_search(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_ingest_input in = article("Quang Ninh border trade\n\nOn Tuesday, more than 900 trucks "
                                 "a day crossed the Mong Cai - Dongxing border gate pair, "
                                 "officials said.\n",
                                 "en");
    in.title = "Zorvathian traders crowd the crossing";
    in.published_on = "2026-03-19";
    bc_ingest_result r;
    bc_err err;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    assert_true(count(s, "SELECT count(*) FROM project_events e JOIN projects p ON p.id = "
                         "e.project_id WHERE e.curation = 'extracted' AND p.curation = "
                         "'curated'") >= 1);
    bc_response res;
    assert_int_equal(fx_request(s, "GET", "/v1/search", "q=Zorvathian", &res), 200);
    assert_null(strstr(res.body.data, "mong-cai"));
    bc_response_free(&res);
    assert_int_equal(fx_request(s, "GET", "/v1/search", "q=Zorvathian&curation=all", &res), 200);
    assert_non_null(strstr(res.body.data, "\"type\":\"source\"")); /* the article itself */
    bc_response_free(&res);
    bc_store_close(s);
}

static void same_text_twice_is_a_no_op(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_ingest_input in = article(EN, "en");
    bc_ingest_result a, b;
    bc_err err;
    assert_int_equal(bc_ingest(s, &in, &a, &err), 0);
    long citations = count(s, "SELECT count(*) FROM citations");
    in.title = "Another title, same text";
    assert_int_equal(bc_ingest(s, &in, &b, &err), 0);
    assert_false(b.created);
    assert_string_equal(a.source_id, b.source_id);
    assert_string_equal(a.content_version, b.content_version);
    assert_int_equal(count(s, "SELECT count(*) FROM citations"), citations);
    assert_int_equal(count(s, "SELECT count(*) FROM sources WHERE origin = 'ingested'"), 1);
    bc_store_close(s);
}

static void untitled_articles_get_a_usable_id(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_ingest_input in = article(EN, "en");
    in.title = NULL;
    bc_ingest_result r;
    bc_err err;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    assert_true(strncmp(r.source_id, "article-en-", 11) == 0);
    assert_true(bc_text_is_id(r.source_id));
    bc_response res;
    char path[200];
    snprintf(path, sizeof path, "/v1/sources/%s", r.source_id);
    assert_int_equal(fx_request(s, "GET", path, NULL, &res), 200);
    bc_response_free(&res);
    bc_store_close(s);
}

/* A title without an ASCII word is slugged from the provinces it names, in the order it
 * names them, by their aliases (analyst8 finding 16: every Chinese title was
 * "article-zh-"); one that names none is "article"; a title with ASCII words keeps them. */
static void chinese_titles_are_named_by_their_provinces(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    static const struct {
        const char *title, *text, *prefix;
    } cases[] = {
        {"老街省与云南省领导举行会谈", "老街省与云南省领导在河口举行会谈。", "lao-cai-yunnan-zh-"},
        {"云南与老街省、云南省合作", "云南省与老街省合作。", "yunnan-lao-cai-zh-"},
        {"广西壮族自治区与谅山省加强合作", "广西与谅山省加强合作。", "guangxi-lang-son-zh-"},
        {"中越边境贸易", "中越边境贸易增长。", "article-zh-"},
        {"Hekou 口岸", "河口口岸通关。", "hekou-zh-"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_ingest_input in = article(cases[k].text, "zh");
        in.title = cases[k].title;
        bc_ingest_result r;
        bc_err err;
        assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
        if (strncmp(r.source_id, cases[k].prefix, strlen(cases[k].prefix)) != 0)
            fail_msg("%s: id %s, not %s...", cases[k].title, r.source_id, cases[k].prefix);
        assert_int_equal(strlen(r.source_id), strlen(cases[k].prefix) + 8);
        assert_true(bc_text_is_id(r.source_id));
    }
    bc_store_close(s);
}

static void vietnamese(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_ingest_input in = article(VI, "vi");
    bc_ingest_result r;
    bc_err err;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM figures WHERE curation = 'extracted' AND "
                              "value = 3200000000 AND unit = 'USD' AND period = '2025'"),
                     1);
    bc_store_close(s);
}

static void failures_write_nothing(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    long sources = count(s, "SELECT count(*) FROM sources");
    long rows = count(s, "SELECT (SELECT count(*) FROM figures) + (SELECT count(*) FROM "
                         "meetings) + (SELECT count(*) FROM citations) + (SELECT count(*) FROM "
                         "aliases)");
    int failures = 0, created = 0;
    /* some 10,000 allocations (SQLite's included): every 37th point until one succeeds */
    for (long n = 0; n < 1000000 && !created; n += 37) {
        bc_ingest_input in = article(EN, "en");
        bc_ingest_result r;
        bc_err err;
        bc_alloc_fail_after(n);
        int rc = bc_ingest(s, &in, &r, &err);
        bc_alloc_fail_reset();
        if (rc != 0) {
            failures++;
            assert_int_equal(count(s, "SELECT count(*) FROM sources"), sources);
            assert_int_equal(count(s, "SELECT (SELECT count(*) FROM figures) + (SELECT count(*) "
                                      "FROM meetings) + (SELECT count(*) FROM citations) + "
                                      "(SELECT count(*) FROM aliases)"),
                             rows);
        } else {
            created = r.created;
        }
    }
    assert_true(failures > 0);
    assert_true(created);
    bc_store_close(s);
}

/* An article over its facts limit, or whose facts would not be stored in what is left
 * of its budget, is refused before anything is written. */
static void a_bounded_cost_or_nothing(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    long sources = count(s, "SELECT count(*) FROM sources");
    bc_ingest_input in = article(EN, "en");
    in.max_facts = 2;
    bc_ingest_result r;
    bc_err err;
    assert_int_equal(bc_ingest(s, &in, &r, &err), BC_ETOOBIG);
    assert_true(r.facts_read > 2);
    assert_non_null(strstr(err.msg, "--max-article-facts"));
    assert_int_equal(count(s, "SELECT count(*) FROM sources"), sources);
    /* its budget spent already: refused before the transaction */
    in.max_facts = 0;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    in.deadline = &now;
    assert_int_equal(bc_ingest(s, &in, &r, &err), BC_EBUSY);
    assert_true(r.over_budget);
    assert_int_equal(count(s, "SELECT count(*) FROM sources"), sources);
    /* time enough: stored */
    struct timespec later = now;
    later.tv_sec += 600;
    in.deadline = &later;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    assert_true(r.created);
    assert_false(r.over_budget);
    assert_int_equal(count(s, "SELECT count(*) FROM sources"), sources + 1);
    bc_store_close(s);
}

/* Read first (bc_ingest_prepare), stored after: a stored text needs no writer, and names
 * the store learns in between are read again. */
static void read_before_the_writer(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_ingest_input in = article(EN, "en");
    bc_ingest_prep *prep = NULL;
    bc_ingest_result r, w;
    bc_err err;
    assert_int_equal(bc_ingest_prepare(s, &in, &prep, &r, &err), 0);
    assert_non_null(prep);
    assert_true(r.facts_read > 0);
    assert_int_equal(count(s, "SELECT count(*) FROM sources WHERE origin = 'ingested'"), 0);
    assert_int_equal(bc_ingest_prepared(s, &in, prep, &w, &err), 0);
    assert_true(w.created);
    bc_ingest_prep_free(prep);
    bc_ingest_input again = article(EN, "en");
    assert_int_equal(bc_ingest_prepare(s, &again, &prep, &r, &err), 0);
    assert_null(prep);
    assert_false(r.created);
    assert_string_equal(r.source_id, w.source_id);
    /* a name the store learns between the reading and the storing */
    static const char ZT[] = "Trade between Zephyrtown and Yunnan reached USD 3.3 billion in "
                             "2025, officials of both provinces said on Monday.";
    bc_ingest_input z = article(ZT, "en");
    assert_int_equal(bc_ingest_prepare(s, &z, &prep, &r, &err), 0);
    assert_non_null(prep);
    assert_int_equal(bc_store_run(s,
                                  "INSERT INTO aliases (entity, alias_key, alias, entity_id) "
                                  "VALUES ('province', 'zephyrtown', 'Zephyrtown', 'lao-cai')",
                                  NULL, 0, &err),
                     0);
    assert_int_equal(bc_ingest_prepared(s, &z, prep, &w, &err), 0);
    bc_ingest_prep_free(prep);
    char sql[300];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM figure_parties WHERE province_id = 'lao-cai' AND figure_id "
             "LIKE '%s-f%%'",
             w.source_id);
    assert_int_equal(count(s, sql), 1);
    bc_store_close(s);
}

static void rebuilds_carry_ingested_articles_over(void **state)
{
    (void)state;
    char dir[] = "/tmp/bc-ingest-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char db[128];
    snprintf(db, sizeof db, "%s/store.db", dir);
    bc_err err;
    assert_int_equal(bc_loader_build(fx_data_dir(), db, NULL, &err), 0);
    bc_store *s = NULL;
    assert_int_equal(bc_store_open(db, BC_STORE_WRITER, &s, &err), 0);
    bc_ingest_input in = article(EN, "en");
    bc_ingest_result r;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    bc_store_close(s);
    /* rebuild from the curated data: the article and its facts survive */
    assert_int_equal(bc_loader_build(fx_data_dir(), db, NULL, &err), 0);
    assert_int_equal(bc_store_open(db, BC_STORE_QUERY_ONLY, &s, &err), 0);
    sqlite3_stmt *st;
    assert_int_equal(bc_store_stmt(s,
                                   "SELECT count(*) FROM sources WHERE id = ?1 AND "
                                   "origin = 'ingested'",
                                   &st, &err),
                     0);
    sqlite3_bind_text(st, 1, r.source_id, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    sqlite3_reset(st);
    assert_int_equal(count(s, "SELECT count(*) FROM figures WHERE curation = 'extracted'"),
                     r.figures);
    bc_store_close(s);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bad_input_names_its_field),
        cmocka_unit_test(ingest_extracts_with_verbatim_quotes),
        cmocka_unit_test(unreviewed_events_stay_out_of_trusted_search),
        cmocka_unit_test(same_text_twice_is_a_no_op),
        cmocka_unit_test(untitled_articles_get_a_usable_id),
        cmocka_unit_test(chinese_titles_are_named_by_their_provinces),
        cmocka_unit_test(vietnamese),
        cmocka_unit_test(failures_write_nothing),
        cmocka_unit_test(a_bounded_cost_or_nothing),
        cmocka_unit_test(read_before_the_writer),
        cmocka_unit_test(rebuilds_carry_ingested_articles_over),
    };
    return cmocka_run_group_tests_name("ingest", tests, NULL, NULL);
}
