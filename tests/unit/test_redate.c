/* test_redate.c: an ingested article given its publication date after the fact
 * (redate.h): the store reads as if the article had come with that date, the same date
 * again writes nothing, reviewed facts are kept with their decisions or the change is
 * refused naming them, links of other facts are never left dangling, bad input and
 * allocation failures write nothing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/changes.h"
#include "bordercoop/ingest.h"
#include "bordercoop/redate.h"
#include "bordercoop/review.h"

#include "fixture.h"

/* A meeting and talks dated by a day without its year, a crossing the store knows named
 * with the talks, and an amount whose year the text writes. */
static const char TEXT[] =
    "Lao Cai and Yunnan review border trade\n\n"
    "On November 12, the 13th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen "
    "Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Lao Cai. The two sides said that "
    "import-export turnover between the four Vietnamese provinces and Yunnan reached USD 8.1 "
    "billion in 2025. On November 11, officials of Lao Cai and Yunnan held talks in Hekou on the "
    "Lao Cai - Hekou railway bridge.\n";

#define count fx_count /* fixture.h */

/* Ingests TEXT into s with published_on (NULL: none); its source id into id (size 200). */
static void ingest(bc_store *s, const char *published_on, char id[200])
{
    bc_ingest_input in = {.text = TEXT,
                          .len = strlen(TEXT),
                          .lang = "en",
                          .title = "Redate test article",
                          .published_on = published_on,
                          .actor = "ian"};
    bc_ingest_result r;
    bc_err err;
    if (bc_ingest(s, &in, &r, &err) != 0)
        fail_msg("ingest: %s", err.msg);
    snprintf(id, 200, "%s", r.source_id);
}

static int redate(bc_store *s, const char *id, const char *date, bc_redate_result *r, bc_err *err)
{
    bc_redate_input in = {.source_id = id, .published_on = date, .actor = "ian", .via = "api"};
    return bc_redate(s, &in, r, err);
}

/* The text of the first column of sql's first row (?1 bound to arg), new (free), or NULL
 * for SQL NULL. */
static char *text_of(bc_store *s, const char *sql, const char *arg)
{
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(bc_store_stmt(s, sql, &st, &err), 0);
    sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const char *v = (const char *)sqlite3_column_text(st, 0);
    char *copy = v != NULL ? strdup(v) : NULL;
    sqlite3_reset(st);
    return copy;
}

static void expect_text(bc_store *s, const char *sql, const char *arg, const char *want)
{
    char *got = text_of(s, sql, arg);
    if (want == NULL ? got != NULL : got == NULL || strcmp(got, want) != 0)
        fail_msg("%s [%s]: got %s, want %s", sql, arg, got ? got : "NULL", want ? want : "NULL");
    free(got);
}

/* Every document of every kind the API serves, as one text, the times of ingestion left
 * out (two stores ingest at different times). */
static char *all_documents(bc_store *s)
{
    bc_buf out = BC_BUF_INIT;
    bc_err err;
    for (const bc_doc_kind *k = bc_doc_kinds; k->type != NULL; k++) {
        sqlite3_stmt *ids;
        assert_int_equal(bc_store_prepare(s, k->ids_sql, &ids, &err), 0);
        while (sqlite3_step(ids) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(ids, 0);
            char *doc = text_of(s, k->doc_sql, id);
            json_t *j = json_loads(doc ? doc : "null", 0, NULL);
            json_object_del(j, "ingested_at");
            char *text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
            bc_buf_printf(&out, "%s %s %s\n", k->type, id, text ? text : "");
            free(text);
            json_decref(j);
            free(doc);
        }
        sqlite3_finalize(ids);
    }
    return out.data;
}

static void reads_as_a_fresh_ingest_with_the_date(void **state)
{
    (void)state;
    bc_store *a = fx_store_from(fx_data_dir()), *b = fx_store_from(fx_data_dir());
    char id[200], id_b[200];
    ingest(a, NULL, id);
    ingest(b, "2026-11-14", id_b);
    assert_string_equal(id, id_b); /* the id does not depend on the date */
    /* without the date: the meeting of "November 12" is undated, counted */
    expect_text(a, "SELECT date FROM meetings WHERE id = ?1 || '-m1'", id, NULL);
    char *version = text_of(a, "SELECT value FROM store_meta WHERE key = ?1", "content_version");
    bc_redate_result r;
    bc_err err;
    assert_int_equal(redate(a, id, "2026-11-14", &r, &err), 0);
    assert_true(r.changed);
    assert_string_equal(r.from, "");
    assert_string_equal(r.to, "2026-11-14");
    assert_true(r.seq > 0);
    assert_int_equal(r.read.meetings, 1);
    assert_int_equal(r.read.figures, 1);
    assert_int_equal(r.decisions, 0);
    assert_string_not_equal(r.content_version, version);
    /* what became of each fact: the meeting and the talks read again with their dates, the
     * amount unchanged */
    json_t *f;
    size_t i;
    int changed = 0, unchanged = 0;
    json_array_foreach(r.facts, i, f)
    {
        const char *outcome = json_string_value(json_object_get(f, "outcome"));
        changed += strcmp(outcome, "changed") == 0;
        unchanged += strcmp(outcome, "unchanged") == 0;
        if (strcmp(json_string_value(json_object_get(f, "kind")), "figure") == 0)
            assert_string_equal(outcome, "unchanged");
    }
    assert_true(changed >= 2);
    assert_true(unchanged >= 1);
    bc_redate_result_free(&r);
    expect_text(a, "SELECT date FROM meetings WHERE id = ?1 || '-m1'", id, "2026-11-12");
    /* every document of the store is what ingesting it with the date gives */
    char *da = all_documents(a), *db = all_documents(b);
    assert_string_equal(da, db);
    free(da);
    free(db);
    /* the audit log: who, from what to what */
    expect_text(a,
                "SELECT reviewer || ' ' || action || ' ' || kind || ' ' || changes FROM "
                "review_log WHERE fact_id = ?1",
                id, "ian redate source {\"published_on\":{\"from\":null,\"to\":\"2026-11-14\"}}");
    /* the change feed: the source's date and the facts read again, by whom */
    assert_int_equal(count(a, "SELECT count(*) FROM changes WHERE kind = 'source' AND op = "
                              "'changed' AND fields LIKE '%published_on%' AND actor = 'ian'"),
                     1);
    assert_true(count(a, "SELECT count(*) FROM changes WHERE kind = 'meeting' AND op = "
                         "'changed' AND fields LIKE '%date%'") >= 1);
    /* and back: without the date, as it was ingested */
    assert_int_equal(redate(a, id, NULL, &r, &err), 0);
    assert_true(r.changed);
    bc_redate_result_free(&r);
    expect_text(a, "SELECT date FROM meetings WHERE id = ?1 || '-m1'", id, NULL);
    expect_text(a, "SELECT published_on FROM sources WHERE id = ?1", id, NULL);
    free(version);
    bc_store_close(a);
    bc_store_close(b);
}

/* A project's event is numbered after the project's others when it is read: read again
 * with a date, an event that reads the same keeps its id and number, though another
 * article's event of the project came after it (outsider 9, F9: it came back as
 * "-reported-4", its review link a 404). */
static void project_events_that_read_the_same_keep_their_ids(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    static const char *const TEXTS[] = {
        "Bridge news\n\nThe two sides reviewed the Lao Cai - Hekou railway bridge in 2025, "
        "officials of Lao Cai said on November 12.\n",
        "Bridge news two\n\nTraffic on the Lao Cai - Hekou railway bridge rose in 2024, "
        "officials said.\n"};
    char ids[2][200];
    for (int k = 0; k < 2; k++) {
        bc_ingest_input in = {
            .text = TEXTS[k], .len = strlen(TEXTS[k]), .lang = "en", .actor = "ian"};
        bc_ingest_result ir;
        bc_err ierr;
        if (bc_ingest(s, &in, &ir, &ierr) != 0)
            fail_msg("ingest: %s", ierr.msg);
        snprintf(ids[k], 200, "%s", ir.source_id);
    }
    static const char OF[] = "SELECT group_concat(e.id || ':' || e.seq, ',') FROM project_events "
                             "e JOIN citations c ON c.event_id = e.id WHERE c.source_id = ?1";
    char *before = text_of(s, OF, ids[0]);
    assert_non_null(before);
    expect_text(s, OF, ids[1], "lao-cai-hekou-railway-bridge-reported-3:3");
    bc_redate_result r;
    bc_err err;
    for (int round = 0; round < 2; round++) {
        assert_int_equal(redate(s, ids[0], round == 0 ? "2026-11-14" : "2026-11-15", &r, &err), 0);
        expect_text(s, OF, ids[0], before);
        json_t *f;
        size_t i;
        json_array_foreach(r.facts, i, f)
        {
            if (strcmp(json_string_value(json_object_get(f, "kind")), "project_event") == 0)
                assert_string_equal(json_string_value(json_object_get(f, "outcome")), "unchanged");
        }
        bc_redate_result_free(&r);
    }
    expect_text(s, OF, ids[1], "lao-cai-hekou-railway-bridge-reported-3:3");
    assert_int_equal(count(s, "SELECT count(*) FROM project_events WHERE id LIKE '%#redate'"), 0);
    free(before);
    bc_store_close(s);
}

/* A meeting the text says was held stays held when a publication date given later puts
 * its day after the report: the status comes from the text, and the note says the two
 * dates cannot both be right (outsider 9, F5: the Vietnamese one became "planned", the
 * English one stayed held). The talks recalled beside it are the article's two sides. */
static void a_held_meeting_stays_held_when_redated(void **state)
{
    (void)state;
    static const char *const TEXTS[] = {
        "Lao Cai va Van Nam\n\nChiều thứ Ba (7/10), tại thành phố Lào Cai, đoàn công tác tỉnh "
        "Lào Cai đã hội đàm với đoàn đại biểu tỉnh Vân Nam (Trung Quốc). Hai bên nhắc lại Hội "
        "nghị lần thứ 11 Nhóm công tác liên hợp giữa bốn tỉnh Lai Châu, Lào Cai, Tuyên Quang, "
        "Điện Biên (Việt Nam) và tỉnh Vân Nam (Trung Quốc) đã được tổ chức ngày 30/10/2025 tại "
        "tỉnh Lai Châu, và cuộc hội đàm trước đó diễn ra ngày 22/5/2024 tại Hà Khẩu.\n",
        "Lai Chau and Yunnan\n\nOn Tuesday afternoon (October 7), a Lai Chau delegation held "
        "talks with a Yunnan delegation in Jinping county, Yunnan. The delegations recalled "
        "that the 11th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, "
        "Dien Bien and Yunnan was held on 30 October 2025 in Lai Chau, and that the previous "
        "talks between the two provinces took place on 14 March 2024 in Lai Chau city.\n"};
    static const char *const LANGS[] = {"vi", "en"}, *const SIDES[] = {"lao-cai,yunnan",
                                                                       "lai-chau,yunnan"};
    for (int k = 0; k < 2; k++) {
        bc_store *s = fx_store_from(fx_data_dir());
        bc_ingest_input in = {
            .text = TEXTS[k], .len = strlen(TEXTS[k]), .lang = LANGS[k], .actor = "ian"};
        bc_ingest_result ir;
        bc_err err;
        if (bc_ingest(s, &in, &ir, &err) != 0)
            fail_msg("ingest: %s", err.msg);
        static const char STATUS[] =
            "SELECT status FROM meetings WHERE id = ?1 || '-m1' AND ordinal = 11";
        expect_text(s, STATUS, ir.source_id, "held");
        bc_redate_result r;
        assert_int_equal(redate(s, ir.source_id, "2025-10-08", &r, &err), 0);
        bc_redate_result_free(&r);
        expect_text(s, STATUS, ir.source_id, "held");
        expect_text(s,
                    "SELECT count(*) FROM meetings WHERE id = ?1 || '-m1' AND note LIKE '%falls "
                    "after its publication date (2025-10-08)%' AND inferred NOT LIKE '%status%'",
                    ir.source_id, "1");
        /* the talks of 2024: the article's two sides, marked as taken from its other talks */
        expect_text(s,
                    "SELECT group_concat(province_id, ',') FROM (SELECT o.province_id FROM "
                    "coop_event_organisations o JOIN coop_events e ON e.id = o.event_id WHERE "
                    "e.id LIKE ?1 || '-e%' AND e.date LIKE '2024-%' AND e.inferred LIKE "
                    "'%organisations%' ORDER BY o.province_id)",
                    ir.source_id, SIDES[k]);
        bc_store_close(s);
    }
}

/* The 12th meeting numbered after the 11th whose members its article names, dated "明年上半年"
 * (outsider 10, F4): a year only the publication date gives does not make it another body's
 * event; it stays meeting 12 of jwg-yunnan after re-dating. */
static void a_year_from_the_publication_date_keeps_the_body(void **state)
{
    (void)state;
    static const char ZH[] =
        "云南与老街省举行会谈\n\n本报昆明讯 星期三，云南省人民政府与越南老街省人民委员会在昆明"
        "举行会谈。双方回顾了越南莱州、老街、宣光、奠边四省与中国云南省联合工作组第十一次会议的"
        "成果。该次会议于2025年10月30日在莱州省举行。双方同意，第十二次会议将于明年上半年在云南"
        "举行。\n";
    bc_store *s = fx_store_from(fx_data_dir());
    bc_ingest_input in = {.text = ZH, .len = strlen(ZH), .lang = "zh", .actor = "ian"};
    bc_ingest_result ir;
    bc_err err;
    if (bc_ingest(s, &in, &ir, &err) != 0)
        fail_msg("ingest: %s", err.msg);
    static const char TWELFTH[] = "SELECT count(*) FROM meetings WHERE id LIKE ?1 || '-m%' AND "
                                  "ordinal = 12 AND mechanism_id = 'jwg-yunnan'";
    expect_text(s, TWELFTH, ir.source_id, "1");
    bc_redate_result r;
    assert_int_equal(redate(s, ir.source_id, "2026-10-16", &r, &err), 0);
    bc_redate_result_free(&r);
    expect_text(s, TWELFTH, ir.source_id, "1");
    expect_text(s,
                "SELECT count(*) FROM coop_events WHERE id LIKE ?1 || '-e%' AND title LIKE "
                "'Meeting 12%'",
                ir.source_id, "0");
    bc_store_close(s);
}

static void the_same_date_writes_nothing(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    char id[200];
    ingest(s, "2026-11-14", id);
    char *version = text_of(s, "SELECT value FROM store_meta WHERE key = ?1", "content_version");
    long log = count(s, "SELECT count(*) FROM review_log"),
         feed = count(s, "SELECT count(*) FROM changes");
    bc_redate_result r;
    bc_err err;
    assert_int_equal(redate(s, id, "2026-11-14", &r, &err), 0);
    assert_false(r.changed);
    assert_null(r.facts);
    assert_int_equal(r.seq, 0);
    assert_string_equal(r.content_version, version);
    assert_int_equal(count(s, "SELECT count(*) FROM review_log"), log);
    assert_int_equal(count(s, "SELECT count(*) FROM changes"), feed);
    free(version);
    bc_store_close(s);
}

static void expect_refused(bc_store *s, bc_redate_input in, int code, const char *field,
                           const char *words)
{
    bc_redate_result r;
    bc_err err;
    if (in.actor == NULL && strcmp(words, "actor") != 0)
        in.actor = "ian";
    int rc = bc_redate(s, &in, &r, &err);
    if (rc != code)
        fail_msg("%s: %d (%s), want %d", in.published_on ? in.published_on : "NULL", rc, err.msg,
                 code);
    assert_string_equal(r.field, field);
    if (strstr(err.msg, words) == NULL)
        fail_msg("'%s' does not say '%s'", err.msg, words);
    bc_redate_result_free(&r);
}

static void bad_input_is_refused(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    char id[200];
    ingest(s, NULL, id);
    long log = count(s, "SELECT count(*) FROM review_log");
    expect_refused(s, (bc_redate_input){.source_id = id, .published_on = "2026-02-30"}, BC_EINVAL,
                   "published_on", "not a day of the calendar");
    expect_refused(s, (bc_redate_input){.source_id = id, .published_on = "13/11/2026"}, BC_EINVAL,
                   "published_on", "published_on");
    expect_refused(s, (bc_redate_input){.source_id = id, .published_on = "2199-01-01"}, BC_EINVAL,
                   "published_on", "ahead of today");
    expect_refused(s, (bc_redate_input){.source_id = id, .published_on = "1899"}, BC_EINVAL,
                   "published_on", "1900..2199");
    expect_refused(s, (bc_redate_input){.source_id = id, .published_on = "2026-11-14", .note = ""},
                   BC_EINVAL, "note", "note");
    expect_refused(
        s, (bc_redate_input){.source_id = id, .published_on = "2026-11-14", .note = "a\x1b[2J"},
        BC_EINVAL, "note", "control characters");
    expect_refused(s, (bc_redate_input){.source_id = id, .published_on = "2026-11-14"}, BC_OK, "",
                   "") /* the control: accepted */;
    expect_refused(s, (bc_redate_input){.source_id = "no-such-article", .published_on = "2026"},
                   BC_ENOTFOUND, "", "no source");
    expect_refused(s, (bc_redate_input){.source_id = "", .published_on = "2026"}, BC_ENOTFOUND, "",
                   "source id");
    expect_refused(s, (bc_redate_input){.source_id = id, .published_on = "2026"}, BC_EINVAL, "",
                   "actor");
    /* a curated article: its date is in data/ */
    bc_redate_result r;
    bc_err err;
    bc_redate_input curated = {
        .source_id = "laichau-jwg-11-sv", .published_on = "2025-10-30", .actor = "ian"};
    assert_int_equal(bc_redate(s, &curated, &r, &err), BC_ECONFLICT);
    assert_string_equal(r.conflict, "curated_source");
    assert_non_null(strstr(err.msg, "curated"));
    bc_redate_result_free(&r);
    expect_text(s, "SELECT published_on FROM sources WHERE id = ?1", "laichau-jwg-11-sv", NULL);
    /* only the accepted one reached the log */
    assert_int_equal(count(s, "SELECT count(*) FROM review_log"), log + 1);
    bc_store_close(s);
}

static void future_dates_are_refused(void **state)
{
    (void)state;
    bc_err err;
    assert_int_equal(bc_ingest_check_published_on(NULL, "", &err), 0);
    assert_int_equal(bc_ingest_check_published_on("2026-12-07", "2026-12-07", &err), 0);
    assert_int_equal(bc_ingest_check_published_on("2026-12-08", "2026-12-07", &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "ahead of today"));
    assert_int_equal(bc_ingest_check_published_on("2026-12", "2026-12-01", &err), 0);
    assert_int_equal(bc_ingest_check_published_on("2027", "2026-12-31", &err), BC_EINVAL);
    assert_int_equal(bc_ingest_check_published_on("2150", NULL, &err), 0); /* carried over */
    assert_int_equal(bc_ingest_check_published_on("2026-13", NULL, &err), BC_EINVAL);
    /* a new article is held to it too */
    bc_ingest_input in = {.text = TEXT, .len = strlen(TEXT), .lang = "en", .published_on = "2150"};
    char field[32];
    assert_int_equal(bc_ingest_validate(&in, field, &err), BC_EINVAL);
    assert_string_equal(field, "published_on");
    in.id = "carried-over"; /* what was accepted once is kept */
    assert_int_equal(bc_ingest_validate(&in, field, &err), 0);
}

static void decide(bc_store *s, bc_review_kind k, const char *id, bc_review_action a,
                   const char *fields)
{
    json_t *f = fields ? json_loads(fields, 0, NULL) : NULL;
    bc_review_request rq = {k, id, a, f, NULL, "alice", "api"};
    bc_review_result r;
    bc_err err;
    if (bc_review_decide(s, &rq, &r, &err) != 0)
        fail_msg("deciding on %s: %s", id, err.msg);
    json_decref(f);
}

static void reviewed_facts_are_kept_or_the_change_refused(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    char id[200], m1[240], f1[240];
    ingest(s, "2026-11-14", id);
    snprintf(m1, sizeof m1, "%s-m1", id);
    snprintf(f1, sizeof f1, "%s-f1", id);
    decide(s, BC_REVIEW_FIGURE, f1, BC_REVIEW_EDIT, "{\"parties\":[\"lao-cai\",\"yunnan\"]}");
    decide(s, BC_REVIEW_MEETING, m1, BC_REVIEW_APPROVE, NULL);
    /* another date that reads "November 12" as the same day: both decisions apply again */
    bc_redate_result r;
    bc_err err;
    assert_int_equal(redate(s, id, "2026-11-13", &r, &err), 0);
    assert_true(r.changed);
    assert_int_equal(r.decisions, 2);
    json_t *f;
    size_t i;
    int kept = 0;
    json_array_foreach(r.facts, i, f)
    {
        if (strcmp(json_string_value(json_object_get(f, "outcome")), "kept") == 0)
            kept++;
    }
    assert_int_equal(kept, 2);
    bc_redate_result_free(&r);
    expect_text(s, "SELECT curation || ' ' || date FROM meetings WHERE id = ?1", m1,
                "reviewed 2026-11-12");
    expect_text(s,
                "SELECT curation || ' ' || (SELECT group_concat(province_id) FROM (SELECT "
                "province_id FROM figure_parties WHERE figure_id = ?1 ORDER BY province_id)) "
                "FROM figures WHERE id = ?1",
                f1, "reviewed lao-cai,yunnan");
    assert_int_equal(count(s, "SELECT count(*) FROM review_outcomes o JOIN review_log l ON "
                              "l.seq = o.seq WHERE l.kind IN ('figure', 'meeting') AND o.status "
                              "= 'applied'"),
                     2);
    /* without a date the approved meeting would read undated: refused, naming it */
    char *version = text_of(s, "SELECT value FROM store_meta WHERE key = ?1", "content_version");
    assert_int_equal(redate(s, id, NULL, &r, &err), BC_ECONFLICT);
    assert_string_equal(r.conflict, "reviewed_facts");
    assert_int_equal(json_array_size(r.facts), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(r.facts, 0), "id")), m1);
    assert_non_null(strstr(err.msg, "review edit"));
    bc_redate_result_free(&r);
    /* and nothing changed */
    expect_text(s, "SELECT published_on FROM sources WHERE id = ?1", id, "2026-11-13");
    expect_text(s, "SELECT value FROM store_meta WHERE key = ?1", "content_version", version);
    expect_text(s, "SELECT curation || ' ' || date FROM meetings WHERE id = ?1", m1,
                "reviewed 2026-11-12");
    assert_int_equal(count(s, "SELECT count(*) FROM review_outcomes o JOIN review_log l ON "
                              "l.seq = o.seq WHERE l.kind IN ('figure', 'meeting') AND o.status "
                              "= 'applied'"),
                     2);
    free(version);
    bc_store_close(s);
}

/* A rejected fact stays rejected whatever date the re-read gives it, and never blocks a
 * re-dating (analyst 13 #12: a rejected talks' new date refused it with reviewed_facts,
 * and the way out offered, an edit, made the fact trusted); an approval still does. */
static void a_rejection_survives_a_new_date(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    char id[200], e1[240], m1[240];
    ingest(s, "2026-11-14", id);
    snprintf(e1, sizeof e1, "%s-e1", id);
    snprintf(m1, sizeof m1, "%s-m1", id);
    expect_text(s, "SELECT date FROM coop_events WHERE id = ?1", e1, "2026-11-11");
    decide(s, BC_REVIEW_EVENT, e1, BC_REVIEW_REJECT, NULL);
    bc_redate_result r;
    bc_err err;
    assert_int_equal(redate(s, id, "2025-11-14", &r, &err), 0);
    assert_int_equal(r.decisions, 1);
    bc_redate_result_free(&r);
    expect_text(s, "SELECT curation || ' ' || date FROM coop_events WHERE id = ?1", e1,
                "rejected 2025-11-11");
    /* undated, it is still the same talks, still rejected */
    assert_int_equal(redate(s, id, NULL, &r, &err), 0);
    bc_redate_result_free(&r);
    expect_text(s,
                "SELECT curation || ' ' || coalesce(date, 'undated') FROM coop_events WHERE "
                "id = ?1",
                e1, "rejected undated");
    assert_int_equal(count(s, "SELECT count(*) FROM review_outcomes o JOIN review_log l ON l.seq "
                              "= o.seq WHERE l.kind = 'event' AND o.status = 'applied'"),
                     1);
    /* an approval vouches for one reading: the meeting approved undated blocks a date */
    decide(s, BC_REVIEW_MEETING, m1, BC_REVIEW_APPROVE, NULL);
    assert_int_equal(redate(s, id, "2026-11-14", &r, &err), BC_ECONFLICT);
    assert_string_equal(r.conflict, "reviewed_facts");
    assert_int_equal(json_array_size(r.facts), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(r.facts, 0), "id")), m1);
    bc_redate_result_free(&r);
    bc_store_close(s);
}

static void links_of_other_facts_never_dangle(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    char id[200], m1[240];
    ingest(s, "2026-11-14", id);
    snprintf(m1, sizeof m1, "%s-m1", id);
    bc_err err;
    /* another fact links to its meeting, and the stored text no longer gives it (a store
     * edited by hand stands for any change the re-read cannot give back) */
    assert_int_equal(bc_store_run(s, "UPDATE meetings SET same_as = ?1 WHERE id = 'jwg-yunnan-12'",
                                  BC_BINDS(bc_text(m1)), &err),
                     0);
    const char *cut = strstr(TEXT, " The two sides");
    assert_int_equal(bc_store_run(s, "UPDATE sources SET body = ?2 WHERE id = ?1",
                                  BC_BINDS(bc_text(id), bc_text(cut)), &err),
                     0);
    bc_redate_result r;
    assert_int_equal(redate(s, id, "2026-11-13", &r, &err), BC_ECONFLICT);
    assert_string_equal(r.conflict, "linked_facts");
    assert_string_equal(json_string_value(json_object_get(json_array_get(r.facts, 0), "id")),
                        "jwg-yunnan-12");
    assert_string_equal(json_string_value(json_object_get(json_array_get(r.facts, 0), "field")),
                        "same_as");
    bc_redate_result_free(&r);
    expect_text(s, "SELECT same_as FROM meetings WHERE id = 'jwg-yunnan-12' AND ?1 IS NOT NULL",
                "x", m1);
    expect_text(s, "SELECT published_on FROM sources WHERE id = ?1", id, "2026-11-14");
    assert_int_equal(count(s, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    bc_store_close(s);
}

/* Ingests text (lang en, title) into s with published_on (NULL: none); its id into id. */
static void ingest_text(bc_store *s, const char *text, const char *title, const char *published_on,
                        char id[200])
{
    bc_ingest_input in = {.text = text,
                          .len = strlen(text),
                          .lang = "en",
                          .title = title,
                          .published_on = published_on,
                          .actor = "ian"};
    bc_ingest_result r;
    bc_err err;
    if (bc_ingest(s, &in, &r, &err) != 0)
        fail_msg("ingest: %s", err.msg);
    snprintf(id, 200, "%s", r.source_id);
}

/* A meeting of another article that is the same as a meeting of the article re-dated is
 * compared again with it as it now reads: re-dating gives what an ingest with the date
 * gives, whatever came first (analyst 13 #6: the other article kept a conflict on its
 * status alone, computed against the undated meeting, for good). */
static void other_articles_meetings_follow_a_redated_meeting(void **state)
{
    (void)state;
    static const char HELD[] =
        "Border officials meet again\nOn Wednesday, the 14th meeting of the Joint Working Group "
        "of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan was held in Lao Cai city.\n";
    static const char PLANNED[] =
        "Plans for next year\nThe 14th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
        "Tuyen Quang, Dien Bien and Yunnan is due to be held in Lao Cai in 2027.\n";
    bc_store *a = fx_store_from(fx_data_dir()), *b = fx_store_from(fx_data_dir());
    char held[200], planned[200], m1[240], other[240];
    ingest_text(a, HELD, "Held", NULL, held);
    ingest_text(a, PLANNED, "Planned", "2026-11-20", planned);
    snprintf(m1, sizeof m1, "%s-m1", held);
    snprintf(other, sizeof other, "%s-m1", planned);
    /* undated, the held meeting contradicts the planned one on its status alone */
    expect_text(a, "SELECT fields FROM meeting_conflicts WHERE meeting_id = ?1", other,
                "[\"status\"]");
    bc_redate_result r;
    bc_err err;
    assert_int_equal(redate(a, held, "2026-03-06", &r, &err), 0);
    bc_redate_result_free(&r);
    expect_text(a, "SELECT date FROM meetings WHERE id = ?1", m1, "2026-03-04");
    char want[400];
    snprintf(want, sizeof want, "%s [\"status\",\"date\"]", m1);
    expect_text(a,
                "SELECT same_as || ' ' || (SELECT fields FROM meeting_conflicts WHERE "
                "meeting_id = m.id) FROM meetings m WHERE id = ?1",
                other, want);
    /* the feed says the other article's meeting changed */
    assert_int_equal(count(a, "SELECT count(*) FROM changes WHERE kind = 'meeting' AND op = "
                              "'changed' AND actor = 'ian' AND fields LIKE '%conflicts_with%'"),
                     1);
    /* the same articles, the first ingested with that date */
    ingest_text(b, HELD, "Held", "2026-03-06", held);
    ingest_text(b, PLANNED, "Planned", "2026-11-20", planned);
    char *da = all_documents(a), *db = all_documents(b);
    assert_string_equal(da, db);
    free(da);
    free(db);
    /* and back without the date: the status alone again */
    assert_int_equal(redate(a, held, NULL, &r, &err), 0);
    bc_redate_result_free(&r);
    expect_text(a, "SELECT fields FROM meeting_conflicts WHERE meeting_id = ?1", other,
                "[\"status\"]");
    bc_store_close(a);
    bc_store_close(b);
}

static void failures_write_nothing(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    char id[200];
    ingest(s, NULL, id);
    const char *rows = "SELECT (SELECT count(*) FROM figures) + (SELECT count(*) FROM meetings) + "
                       "(SELECT count(*) FROM citations) + (SELECT count(*) FROM aliases) + "
                       "(SELECT count(*) FROM coop_events) + (SELECT count(*) FROM "
                       "project_events) + (SELECT count(*) FROM review_log) + (SELECT count(*) "
                       "FROM changes)";
    long before = count(s, rows);
    int failures = 0, done = 0;
    for (long n = 0; n < 1000000 && !done; n += 23) {
        bc_redate_result r;
        bc_err err;
        bc_alloc_fail_after(n);
        int rc = redate(s, id, "2026-11-14", &r, &err);
        bc_alloc_fail_reset();
        bc_redate_result_free(&r);
        if (rc != 0) {
            failures++;
            /* what SQLite could not roll back without memory, the next transaction does
             * (store.h): never committed */
            bc_store_rollback(s);
            expect_text(s, "SELECT published_on FROM sources WHERE id = ?1", id, NULL);
            assert_int_equal(count(s, rows), before);
            assert_int_equal(count(s, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
        } else {
            done = r.changed;
        }
    }
    assert_true(failures > 0);
    assert_true(done);
    expect_text(s, "SELECT published_on FROM sources WHERE id = ?1", id, "2026-11-14");
    bc_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_as_a_fresh_ingest_with_the_date),
        cmocka_unit_test(the_same_date_writes_nothing),
        cmocka_unit_test(project_events_that_read_the_same_keep_their_ids),
        cmocka_unit_test(a_held_meeting_stays_held_when_redated),
        cmocka_unit_test(a_year_from_the_publication_date_keeps_the_body),
        cmocka_unit_test(bad_input_is_refused),
        cmocka_unit_test(future_dates_are_refused),
        cmocka_unit_test(reviewed_facts_are_kept_or_the_change_refused),
        cmocka_unit_test(links_of_other_facts_never_dangle),
        cmocka_unit_test(a_rejection_survives_a_new_date),
        cmocka_unit_test(other_articles_meetings_follow_a_redated_meeting),
        cmocka_unit_test(failures_write_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
