/* test_ingest_facts.c: the facts of an ingested article linked to what the store knows:
 * a known meeting (same_as) with its known participants, a known crossing given a
 * "reported" event (never dropped, never its latest trusted event), a new crossing a
 * project of status "reported" that a second article adds to, talks of no mechanism a
 * cooperation event, years from the publication date marked, none without it, amounts
 * without a measure or under the confidence threshold left out, goals kept apart. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/check.h"
#include "bordercoop/ingest.h"
#include "bordercoop/review.h"

#include "fixture.h"

#define count fx_count /* fixture.h */

#define S fx_group_store() /* fixture.h: the store the group shares */

/* text ingested as a new article */
static bc_ingest_result ingest(const char *text, const char *lang, const char *pub)
{
    bc_ingest_result r = fx_ingest(S, lang, text, pub);
    assert_true(r.created);
    return r;
}

/* The id of project pid's latest event (NULL when none; free with bc_free). */
static char *latest_event(const char *pid)
{
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(bc_store_stmt(S,
                                   "SELECT json_extract(doc, '$.latest_event.id') FROM "
                                   "v_project_doc WHERE id = ?1",
                                   &st, &err),
                     0);
    sqlite3_bind_text(st, 1, pid, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    const char *v = (const char *)sqlite3_column_text(st, 0);
    char *copy = v != NULL ? bc_strdup(v) : NULL;
    sqlite3_reset(st);
    return copy;
}

/* count with one %s for the source id */
static long n_of(const char *fmt, const char *src)
{
    char sql[1024];
    snprintf(sql, sizeof sql, fmt, src, src);
    return count(S, sql);
}

static void no_check_problems(void)
{
    bc_buf report = BC_BUF_INIT;
    int problems = -1;
    bc_err err;
    assert_int_equal(bc_check_report(S, &report, &problems, &err), 0);
    if (problems != 0)
        fail_msg("check: %d problems:\n%s", problems, report.data);
    bc_buf_free(&report);
}

static void a_known_meeting_and_its_people(void **state)
{
    (void)state;
    static const char text[] =
        "Lai Chau hosts the working group\n\n"
        "On October 30, the 11th meeting of the Joint Working Group of Lai Chau, Lao Cai, "
        "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Lai Chau. Giang A "
        "Tinh and Liu Yong co-chaired the meeting.\n";
    bc_ingest_result r = ingest(text, "en", "2025-10-31");
    assert_int_equal(r.meetings, 1);
    assert_int_equal(r.linked, 1);
    const char *src = r.source_id;
    /* the extracted meeting is the curated one; its year comes from published_on */
    assert_int_equal(n_of("SELECT count(*) FROM meetings WHERE id = '%s-m1' AND same_as = "
                          "'jwg-yunnan-11' AND date = '2025-10-30' AND curation = 'extracted' "
                          "AND inferred = '[\"date.year\"]' AND note LIKE '%%published_on%%'",
                          src),
                     1);
    /* the people named in its statements take part, each quoted by the sentence naming
     * them, with the side and role the store records for them, marked so */
    assert_int_equal(r.participants, 2);
    {
        assert_int_equal(n_of("SELECT count(*) FROM meeting_participants p JOIN citations c ON "
                              "c.participant_meeting_id = p.meeting_id AND c.participant_seq = "
                              "p.seq WHERE p.meeting_id = '%s-m1' AND instr(c.quote, "
                              "'Giang A Tinh') > 0 AND p.inferred LIKE '%%role%%'",
                              src),
                         n_of("SELECT count(*) FROM meeting_participants WHERE meeting_id = "
                              "'%s-m1'",
                              src));
        assert_int_equal(
            n_of("SELECT count(*) FROM meeting_participants WHERE meeting_id = '%s-m1' AND "
                 "person_id = 'liu-yong' AND side = 'CN'",
                 src),
            1);
    }
    no_check_problems();
}

static void crossings_known_and_new(void **state)
{
    (void)state;
    long trusted_before = count(S, "SELECT count(*) FROM project_events");
    char *latest_before = latest_event("mong-cai-dongxing-border-gate");
    static const char first[] =
        "Quang Ninh and Dongxing push trade\n\n"
        "On May 9, the two sides agreed to raise the capacity of the Mong Cai (Vietnam) - "
        "Dongxing (China) border gate and to open the Hai Son (Vietnam) - Lijiang (China) "
        "border gate pair for goods.\n";
    bc_ingest_result r = ingest(first, "en", "2024-05-11");
    /* the known crossing gets a machine-read event with the quote; it never becomes the
     * latest event of the curated project */
    assert_true(r.project_events >= 1);
    assert_int_equal(n_of("SELECT count(*) FROM project_events e JOIN citations c ON c.event_id "
                          "= e.id WHERE e.project_id = 'mong-cai-dongxing-border-gate' AND "
                          "e.kind = 'reported' AND e.curation = 'extracted' AND e.date = "
                          "'2024-05-09' AND c.source_id = '%s'",
                          r.source_id),
                     1);
    assert_true(count(S, "SELECT count(*) FROM project_events") > trusted_before);
    char *latest_after = latest_event("mong-cai-dongxing-border-gate");
    assert_string_equal(latest_before ? latest_before : "", latest_after ? latest_after : "");
    /* the new one is a project of status "reported" with a readable id */
    assert_int_equal(r.projects, 1);
    assert_int_equal(count(S, "SELECT count(*) FROM projects WHERE id = 'hai-son-lijiang-reported' "
                              "AND status = 'reported' AND curation = 'extracted' AND vn_side = "
                              "'Hai Son' AND cn_side = 'Lijiang'"),
                     1);
    /* a second article naming it adds to it, not a second project */
    static const char second[] =
        "New crossing studied\n\n"
        "The Hai Son (Vietnam) - Lijiang (China) border gate pair will open in 2026, the two "
        "sides said on Friday in Mong Cai.\n";
    bc_ingest_result r2 = ingest(second, "en", "2024-08-02");
    assert_int_equal(r2.projects, 0);
    assert_int_equal(count(S, "SELECT count(*) FROM projects WHERE vn_side = 'Hai Son'"), 1);
    assert_int_equal(count(S, "SELECT count(*) FROM project_events WHERE project_id = "
                              "'hai-son-lijiang-reported' AND kind = 'reported'"),
                     1);
    /* a third, without a publication date, sets a day without a year as a deadline. The
     * events are numbered after the project, "reported" not said twice, and the note
     * writes the day in words, not as "--11-28" (analyst 10, F9) */
    static const char third[] =
        "Works at Hai Son\n\n"
        "The sides agreed to finish the Hai Son (Vietnam) - Lijiang (China) border gate pair "
        "before November 28.\n";
    ingest(third, "en", NULL);
    sqlite3_stmt *st; /* prepared apart: the group's statement cache is nearly full */
    bc_err err;
    assert_int_equal(bc_store_prepare(S,
                                      "SELECT count(*) FROM project_events WHERE id = "
                                      "'hai-son-lijiang-reported-e1' OR (id = "
                                      "'hai-son-lijiang-reported-e2' AND note LIKE '%28 November "
                                      "(no year)%' AND note NOT LIKE '%--11%')",
                                      &st, &err),
                     0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 2);
    sqlite3_finalize(st);
    bc_free(latest_before);
    bc_free(latest_after);
    no_check_problems();
}

/* Counts the statements started that read the names of provinces for a quote
 * (bci_province_names). */
static int trace_names(unsigned kind, void *arg, void *p, void *x)
{
    (void)p;
    if (kind == SQLITE_TRACE_STMT && x != NULL &&
        strstr(x, "alias FROM aliases WHERE entity = 'province'") != NULL &&
        strstr(x, "instr(") == NULL)
        (*(int *)arg)++;
    return 0;
}

/* The names of the provinces a quote is checked for are read from the store once per
 * article, not once per quote and province (the cost grew with what the article names);
 * the next article reads them again, as the store may have changed in between. */
static void province_names_are_read_once_per_article(void **state)
{
    (void)state;
    static const char text[] =
        "Lao Cai and Yunnan count their trade\n\n"
        "Trade between Lao Cai and Yunnan reached 1.2 billion USD in 2024, officials of Lao Cai "
        "said. Trade between Ha Giang and Yunnan reached 300 million USD in 2024. Lai Chau and "
        "Yunnan exchanged 14 delegations in 2024, and Dien Bien and Yunnan 9 delegations.\n";
    int reads = 0;
    sqlite3_trace_v2(bc_store_db(S), SQLITE_TRACE_STMT, trace_names, &reads);
    bc_ingest_result r = ingest(text, "en", "2025-01-15");
    int first = reads;
    assert_true(r.figures >= 3);
    /* the parties were found by their names in the quotes */
    assert_int_equal(n_of("SELECT count(DISTINCT fp.province_id) FROM figure_parties fp JOIN "
                          "citations c ON c.figure_id = fp.figure_id WHERE c.source_id = '%s'",
                          r.source_id),
                     5);
    assert_int_equal(first, 1);
    reads = 0;
    ingest("Trade at Mong Cai\n\nTrade between Quang Ninh and Guangxi reached 2 billion USD in "
           "2024.\n",
           "en", "2025-01-16");
    assert_int_equal(reads, 1);
    sqlite3_trace_v2(bc_store_db(S), 0, NULL, NULL);
    no_check_problems();
}

/* Talks dated by a weekday: the whole date comes from the publication date, and is
 * marked so ("date", not only "date.year"). */
static void talks_on_a_weekday(void **state)
{
    (void)state;
    static const char text[] = "Cao Bang and Baise hold talks\n\n"
                               "Leaders of Cao Bang province and Baise city (China) held talks "
                               "in Cao Bang on Wednesday.\n";
    bc_ingest_result r = ingest(text, "en", "2026-11-13");
    assert_int_equal(r.events, 1);
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id = '%s-e1' AND date = "
                          "'2026-11-11' AND inferred LIKE '%%\"date\"%%' AND note LIKE "
                          "'%%weekday%%'",
                          r.source_id),
                     1);
    no_check_problems();
}

/* Outsider 14's recheck, N4: a one-month amount timed by "last month" without
 * published_on is its own time, not the period of the total the sentence before states
 * (it took Jan-Aug, with a note saying no period was stated), in en, fr and zh; its note
 * quotes its own words, and the amount after it in the sentence, "in October", its own. */
static void an_amount_of_last_month_is_its_own_time(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Tan Thanh trade\n\nIn January-August 2026, trade between Lang Son and Guangxi "
        "reached $3.4bn. Exports through Tan Thanh came to $41m last month, and imports "
        "through Chi Ma to $13m in October.\n",
        "Tan Thanh\n\nDe janvier à août 2026, les échanges entre Lang Son et le Guangxi ont "
        "atteint 3,4 milliards de dollars. Les exportations via Tan Thanh ont atteint 41 millions "
        "de dollars le mois dernier.\n",
        "新清口岸\n\n2026年1至8月，谅山与广西贸易额达34亿美元。上月，经新清口岸出口额达4100万美元。"
        "\n",
    };
    static const char *const langs[] = {"en", "fr", "zh"};
    static const char *const words[] = {"last month", "le mois dernier", "上月"};
    for (int i = 0; i < 3; i++) {
        bc_ingest_result r = ingest(texts[i], langs[i], NULL);
        char sql[600];
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM figures WHERE id = '%%s-f2' AND value = 41000000 AND "
                 "period IS NULL AND note LIKE '%%%%only as \"%s\"%%%%'",
                 words[i]);
        if (n_of(sql, r.source_id) != 1)
            fail_msg("%s: f2 is not undated with its words", langs[i]);
        if (i == 0)
            assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id = '%s-f3' AND period IS "
                                  "NULL AND note LIKE '%%only as \"October\"%%'",
                                  r.source_id),
                             1);
    }
    /* with a publication date, last month is that month */
    bc_ingest_result r = ingest("Tan Thanh exports\n\nIn January-August 2026, trade between "
                                "Lang Son and Guangxi reached $3.4bn. Exports through Tan Thanh "
                                "came to $41m last month.\n",
                                "en", "2026-10-09");
    assert_int_equal(
        n_of("SELECT count(*) FROM figures WHERE id = '%s-f2' AND period = '2026-09'", r.source_id),
        1);
    no_check_problems();
}

/* A known crossing named by its own name beside a gate pair gets its "reported" event as
 * the pair does, and no new project (outsider 10, F8: "cầu Bắc Luân II"). A store of its
 * own: the group's statement cache is full of the other cases' queries. */
static void a_crossing_by_its_own_name_beside_a_pair(void **state)
{
    (void)state;
    bc_store *own = fx_store_from(fx_data_dir());
    long projects = count(own, "SELECT count(*) FROM projects");
    bc_ingest_result r = fx_ingest(own, "vi",
                                   "Cầu Bắc Luân II\n\nHai bên thống nhất tháo gỡ vướng mắc tại "
                                   "cầu Bắc Luân II và cặp cửa khẩu Hoành Mô – Động Trung, nơi "
                                   "hàng hóa thông quan tăng mạnh.\n",
                                   NULL);
    assert_true(r.created);
    assert_int_equal(r.projects, 0);
    assert_int_equal(count(own, "SELECT count(*) FROM projects"), projects);
    char sql[600];
    snprintf(sql, sizeof sql,
             "SELECT count(DISTINCT e.project_id) FROM project_events e JOIN citations c ON "
             "c.event_id = e.id WHERE c.source_id = '%s' AND e.kind = 'reported' AND "
             "e.curation = 'extracted' AND e.project_id IN ('bac-luan-ii-bridge-clearance-point', "
             "'hoanh-mo-dong-trung-border-gate') AND c.quote LIKE 'Hai bên%%'",
             r.source_id);
    assert_int_equal(count(own, sql), 2);
    bc_store_close(own);
}

static void talks_without_a_year(void **state)
{
    (void)state;
    static const char text[] =
        "Lang Son and Chongzuo hold talks\n\n"
        "On June 12, leaders of Lang Son province and Chongzuo city (China) held talks in "
        "Lang Son.\n";
    /* no publication date: the day is kept out, never given a guessed year */
    bc_ingest_result r = ingest(text, "en", NULL);
    assert_int_equal(r.events, 1);
    assert_int_equal(r.dates_without_year, 1);
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id = '%s-e1' AND kind = 'talks' "
                          "AND date IS NULL AND curation = 'extracted' AND note LIKE "
                          "'%%(12 June) without a year%%'",
                          r.source_id),
                     1);
    assert_int_equal(n_of("SELECT count(*) FROM coop_event_organisations WHERE event_id = "
                          "'%s-e1' AND province_id = 'lang-son'",
                          r.source_id),
                     1);
    assert_int_equal(
        n_of("SELECT count(*) FROM citations WHERE coop_event_id = '%s-e1'", r.source_id), 1);
    no_check_problems();
}

static void money_kept_apart_and_left_out(void **state)
{
    (void)state;
    static const char text[] =
        "Pingxiang trade\n\n"
        "今年1至8月，凭祥口岸进出口总额达1032.6亿元，同比增长12.3%，其中出口412.8亿元。"
        "凭祥市力争全年口岸进出口总额突破1500亿元。\n\n他说，有关方面已经拿出3亿元。\n";
    bc_ingest_result r = ingest(text, "zh", "2024-09-10");
    /* a goal is its own metric, never summed with what was achieved */
    assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id LIKE '%s-f%%' AND metric = "
                          "'trade_turnover_target' AND value = 150000000000 AND unit = 'CNY' AND "
                          "qualifier = 'over'",
                          r.source_id),
                     1);
    assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id LIKE '%s-f%%' AND metric = "
                          "'exports' AND value = 41280000000",
                          r.source_id),
                     1);
    /* "this year" is the publication's year: the period is marked inferred */
    assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id LIKE '%s-f%%' AND metric = "
                          "'trade_turnover' AND period = '2024-01/2024-08' AND inferred LIKE "
                          "'%%period%%' AND note LIKE '%%published_on%%'",
                          r.source_id),
                     1);
    /* "3亿元" says nothing of what it is: left out, and counted */
    assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id LIKE '%s-f%%' AND value = "
                          "300000000",
                          r.source_id),
                     0);
    assert_int_equal(r.without_measure, 1);
    no_check_problems();
}

/* A count left out (trucks handed over, no traffic; a monthly rate, no metric) is counted in
 * not_stored.without_measure, as an amount of money without a measure is (analyst 11, F10). */
static void counts_left_out_are_counted(void **state)
{
    (void)state;
    static const char text[] =
        "Border traffic\n\n"
        "The province handed over 40 trucks to the district police. More than 900 vehicles are "
        "cleared there each month. Some 650 trucks crossed the gate on 3 September.\n";
    bc_ingest_result r = ingest(text, "en", "2025-09-15");
    assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id LIKE '%s-f%%'", r.source_id), 1);
    assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id LIKE '%s-f%%' AND metric = "
                          "'vehicles' AND value = 650",
                          r.source_id),
                     1);
    assert_int_equal(r.without_measure, 2);
    no_check_problems();
}

/* A goal of a count ("hopes to receive 3 million tourists in 2028") is no count achieved:
 * no count metric has a _target twin, so it is left out and counted, never stored as
 * tourists of a year to come; the count of a year that happened is kept (analyst 14, F4). */
static void a_goal_of_a_count_is_not_a_count(void **state)
{
    (void)state;
    static const char text[] =
        "Tourism\n\n"
        "Cao Bang received 850,000 Chinese tourists in 2025. Under a new plan, the province "
        "hopes to receive 3 million tourists from China in 2028.\n";
    bc_ingest_result r = ingest(text, "en", "2026-02-10");
    assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id LIKE '%s-f%%'", r.source_id), 1);
    assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id LIKE '%s-f%%' AND metric = "
                          "'tourists' AND value = 850000 AND period = '2025'",
                          r.source_id),
                     1);
    assert_int_equal(r.without_measure, 1);
    r = ingest("Tourisme\n\nLe Guangxi vise à accueillir 4 millions de touristes vietnamiens en "
               "2029. En 2025, le Guangxi a accueilli 1,1 million de touristes vietnamiens.\n",
               "fr", "2026-02-11");
    assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id LIKE '%s-f%%' AND metric = "
                          "'tourists' AND value = 1100000",
                          r.source_id),
                     1);
    assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id LIKE '%s-f%%' AND value = "
                          "4000000",
                          r.source_id),
                     0);
    assert_int_equal(r.without_measure, 1);
    no_check_problems();
}

/* An amount restated in another currency after its growth rate ("约合") is no second
 * figure: it is said in the note of the figure it restates. */
static void a_restatement_is_no_second_figure(void **state)
{
    (void)state;
    static const char text[] =
        "Hekou trade\n\n"
        "今年前三季度，河口口岸进出口额达52.4亿元人民币，同比增长8.1%，约合7.3亿美元。\n";
    bc_ingest_result r = ingest(text, "zh", "2025-10-20");
    assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id LIKE '%s-f%%'", r.source_id), 1);
    assert_int_equal(n_of("SELECT count(*) FROM figures WHERE id LIKE '%s-f%%' AND value = "
                          "5240000000 AND unit = 'CNY' AND note LIKE '%%730000000 USD%%'",
                          r.source_id),
                     1);
    assert_int_equal(r.figures, 1);
    no_check_problems();
}

/* issue 11, problems 7-9: a known crossing named in another spelling or script gets an
 * event, not a second project (a curated one, and one an earlier article reported); a
 * deadline leaves the event undated with the date in its note; an opening keeps its date */
static void crossings_by_any_spelling(void **state)
{
    (void)state;
    long projects = count(S, "SELECT count(*) FROM projects");
    static const char vi[] =
        "Cửa khẩu mới\n\n"
        "Hai tỉnh thống nhất nâng cấp cặp cửa khẩu Thanh Thủy – Thiên Bảo, đồng thời xây cầu "
        "Bản Vược (Việt Nam) – Bá Sái (Trung Quốc), phấn đấu hoàn thành trước ngày 31/12/2024.\n";
    bc_ingest_result r = ingest(vi, "vi", "2024-06-20");
    assert_int_equal(r.projects, 0);
    assert_int_equal(n_of("SELECT count(*) FROM project_events e JOIN citations c ON c.event_id "
                          "= e.id WHERE c.source_id = '%s' AND e.project_id = "
                          "'thanh-thuy-thien-bao-border-gates'",
                          r.source_id),
                     1);
    assert_int_equal(n_of("SELECT count(*) FROM project_events e JOIN citations c ON c.event_id "
                          "= e.id WHERE c.source_id = '%s' AND e.project_id = "
                          "'ban-vuoc-ba-sai-road-bridge' AND e.date IS NULL AND e.note LIKE "
                          "'%%2024-12-31 as a deadline%%'",
                          r.source_id),
                     1);
    static const char fr[] = "Hoành Mô\n\nLe poste-frontière Hoành Mô – Dong Zhong a été "
                             "ouvert le 25 mai, a annoncé la province.\n";
    r = ingest(fr, "fr", "2024-06-20");
    assert_int_equal(r.projects, 0);
    assert_int_equal(n_of("SELECT count(*) FROM project_events e JOIN citations c ON c.event_id "
                          "= e.id WHERE c.source_id = '%s' AND e.project_id = "
                          "'hoanh-mo-dong-trung-border-gate' AND e.date = '2024-05-25'",
                          r.source_id),
                     1);
    static const char en[] = "Lang Son\n\nTrucks crossed the Huu Nghi (Vietnam) – Youyiguan "
                             "(China) border gate pair all week.\n";
    r = ingest(en, "en", "2024-06-21");
    assert_int_equal(r.projects, 1);
    static const char zh[] = "口岸\n\n东兴—芒街口岸和友谊关—友谊口岸客流回升。\n";
    r = ingest(zh, "zh", "2024-06-22");
    assert_int_equal(r.projects, 0);
    assert_int_equal(r.project_events, 2);
    assert_int_equal(count(S, "SELECT count(*) FROM projects"), projects + 1);
    no_check_problems();
}

/* A crossing an article first names in Chinese is named as the gazetteer records its
 * places (analyst8 finding 16: "越南新清口岸—中国浦寨口岸" was a project "新清 - 浦寨"), with a
 * note of the names written, so an English report of "Tan Thanh – Puzhai" is an event of
 * it, not a second crossing; a pair the gazetteer does not know keeps the names written. */
static void a_crossing_first_named_in_chinese(void **state)
{
    (void)state;
    long projects = count(S, "SELECT count(*) FROM projects");
    bc_ingest_result r =
        ingest("口岸\n\n越南新清口岸—中国浦寨口岸货运量增长。\n", "zh", "2024-06-22");
    assert_int_equal(r.projects, 1);
    assert_int_equal(count(S, "SELECT count(*) FROM projects WHERE id = "
                              "'tan-thanh-puzhai-reported' AND name = 'Tan Thanh - Puzhai' AND "
                              "vn_side = 'Tan Thanh' AND cn_side = 'Puzhai' AND note LIKE "
                              "'%\"新清\" and \"浦寨\"%'"),
                     1);
    r = ingest("Tan Thanh\n\nCargo through the Tan Thanh – Puzhai border gate pair rose "
               "again.\n",
               "en", "2024-06-23");
    assert_int_equal(r.projects, 0);
    assert_int_equal(r.project_events, 1);
    r = ingest("通道\n\n越南那弄—中国那西通道开通。\n", "zh", "2024-06-24");
    assert_int_equal(r.projects, 1);
    assert_int_equal(
        count(S, "SELECT count(*) FROM projects WHERE vn_side = '那弄' AND cn_side = '那西'"), 1);
    assert_int_equal(count(S, "SELECT count(*) FROM projects"), projects + 2);
    no_check_problems();
}

/* The same crossing named in Chinese after a French report (analyst14 finding 9):
 * "平而关—平宜口岸" is the gate pair "Binh Nghi – Pingerguan", an event of it, not a second
 * project "Binh Nghi - 平而关"; a side the gazetteer records no Latin name for stays as
 * written, and the note says so, never that it is in ASCII letters. */
static void a_chinese_gate_named_after_a_french_report(void **state)
{
    (void)state;
    long projects = count(S, "SELECT count(*) FROM projects");
    bc_ingest_result r = ingest("Postes\n\nLes deux parties moderniseront la paire de "
                                "postes-frontières Binh Nghi – Pingerguan.\n",
                                "fr", "2026-11-25");
    assert_int_equal(r.projects, 1);
    r = ingest("口岸\n\n双方同意加快推动平而关—平宜口岸升格为双边性口岸。\n", "zh", "2026-11-26");
    assert_int_equal(r.projects, 0);
    assert_int_equal(r.project_events, 1);
    assert_int_equal(count(S, "SELECT count(*) FROM projects WHERE name LIKE '%平而%'"), 0);
    /* the Vietnamese gates of Cao Bang and Dien Bien by their Chinese names */
    r = ingest("口岸\n\n双方推进水口—驮隆口岸、硕龙—里板口岸和龙富—阿巴寨口岸建设。\n", "zh",
               "2026-11-26");
    assert_int_equal(r.projects, 3);
    assert_int_equal(count(S, "SELECT count(*) FROM projects WHERE name IN ('Ta Lung - Shuikou', "
                              "'Ly Van - Shuolong', 'A Pa Chai - Longfu')"),
                     3);
    r = ingest("口岸\n\n越南新清口岸—中国那坤口岸将开通。\n", "zh", "2026-11-27");
    assert_int_equal(r.projects, 1);
    assert_int_equal(count(S, "SELECT count(*) FROM projects WHERE vn_side = 'Tan Thanh' AND "
                              "cn_side = '那坤' AND note LIKE '%no name in Latin letters for "
                              "\"那坤\"%' AND note NOT LIKE '%ASCII%'"),
                     1);
    assert_int_equal(count(S, "SELECT count(*) FROM projects"), projects + 5);
    no_check_problems();
}

/* Talks to come in a month whose year the text leaves to a publication date that did not
 * come: stored undated, planned, with a note, and counted among the dates without a year. */
static void talks_to_come_without_a_year(void **state)
{
    (void)state;
    static const char text[] = "河口与老街深化合作\n\n"
                               "双方商定，于5月中旬在河口举行口岸合作会谈。\n";
    bc_ingest_result r = ingest(text, "zh", NULL);
    assert_int_equal(r.events, 1);
    assert_int_equal(r.dates_without_year, 1);
    assert_int_equal(r.without_mechanism, 0);
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id = '%s-e1' AND kind = 'talks' "
                          "AND status = 'planned' AND date IS NULL AND note LIKE "
                          "'%%month%%without a year%%'",
                          r.source_id),
                     1);
    no_check_problems();
}

/* A crossing a reviewer rejected is not proposed again under a new id by the next article
 * naming it: the quote goes to the rejected project, nothing waits (analyst 12, F3); and a
 * route of traffic at a pair the store has reported is that pair's, not a second
 * project (F4), while a crossing not rejected still gets its event. */
static void a_rejected_crossing_is_not_proposed_again(void **state)
{
    (void)state;
    bc_ingest_result r = ingest("Two sides plan a crossing\n\nThe Ka Lo (Vietnam) - Pe Mu "
                                "(China) border gate pair will open for farm goods.\n",
                                "en", "2026-03-02");
    assert_int_equal(r.projects, 1);
    bc_review_request rq = {BC_REVIEW_PROJECT,
                            "ka-lo-pe-mu-reported",
                            BC_REVIEW_REJECT,
                            NULL,
                            "not a crossing",
                            "tester",
                            "cli",
                            NULL};
    bc_review_result res;
    bc_err err;
    assert_int_equal(bc_review_decide(S, &rq, &res, &err), 0);
    bc_ingest_result r2 = ingest("Farm goods again\n\nTraders asked when the Ka Lo (Vietnam) "
                                 "- Pe Mu (China) border gate pair would open.\n",
                                 "en", "2026-04-02");
    assert_int_equal(r2.projects, 0);
    assert_int_equal(count(S, "SELECT count(*) FROM projects WHERE vn_side = 'Ka Lo'"), 1);
    assert_int_equal(count(S, "SELECT count(*) FROM projects WHERE id = 'ka-lo-pe-mu-reported' "
                              "AND curation = 'rejected'"),
                     1);
    assert_int_equal(n_of("SELECT count(*) FROM citations WHERE project_id = "
                          "'ka-lo-pe-mu-reported' AND source_id = '%s'",
                          r2.source_id),
                     1);
    /* nothing of it waits in the queue */
    assert_int_equal(count(S, "SELECT count(*) FROM project_events WHERE project_id = "
                              "'ka-lo-pe-mu-reported'"),
                     0);
    /* a pair reported, then a freight route at it in a later article: one project */
    bc_ingest_result r3 = ingest("A pair for fruit\n\nThe Na Ri (Vietnam) - Bo Ha (China) "
                                 "border gate pair opened for fruit.\n",
                                 "en", "2026-05-02");
    assert_int_equal(r3.projects, 1);
    bc_ingest_result r4 = ingest("Fruit by lorry\n\nA dedicated freight route at Na Ri "
                                 "(Vietnam) - Bo Ha (China) will carry fruit.\n",
                                 "en", "2026-06-02");
    assert_int_equal(r4.projects, 0);
    assert_int_equal(r4.project_events, 1);
    assert_int_equal(count(S, "SELECT count(*) FROM projects WHERE vn_side = 'Na Ri'"), 1);
    no_check_problems();
}

/* Trade targets each said by one province's official (analyst 11, N5): the province the
 * sentence then calls "the province" is a party beside its Chinese partner, marked inferred
 * with why, so the targets of two pairs (Quang Ninh-Guangxi, Cao Bang-Guangxi) share no
 * parties and do not conflict; two targets of one pair still do. */
static void a_target_of_the_province_that_speaks(void **state)
{
    (void)state;
    bc_ingest_result a = ingest("De vicevoorzitter van het Volkscomité van Quang Ninh zei dat de "
                                "provincie de handel met Guangxi in 2029 wil verhogen tot 6,5 "
                                "miljard dollar.\n",
                                "nl", "2026-11-02");
    bc_ingest_result b = ingest("Cao Bangs vice ordförande sade att provinsen vill öka handeln med "
                                "Guangxi till 2,5 miljarder USD år 2029.\n",
                                "sv", "2026-11-02");
    static const char *const pair[2][2] = {{"quang-ninh", "guangxi"}, {"cao-bang", "guangxi"}};
    const bc_ingest_result *r[2] = {&a, &b};
    for (int k = 0; k < 2; k++) {
        char sql[700];
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM figures f WHERE f.id LIKE '%s-f%%' AND EXISTS (SELECT 1 "
                 "FROM json_each(f.inferred) WHERE value = 'parties') AND f.note LIKE '%%as "
                 "\"the province\" whose figure it is%%' AND (SELECT group_concat(province_id) "
                 "FROM (SELECT province_id FROM figure_parties WHERE figure_id = f.id ORDER BY "
                 "province_id)) = '%s,%s'",
                 r[k]->source_id, strcmp(pair[k][0], pair[k][1]) < 0 ? pair[k][0] : pair[k][1],
                 strcmp(pair[k][0], pair[k][1]) < 0 ? pair[k][1] : pair[k][0]);
        assert_int_equal(count(S, sql), 1);
        /* no quote claims to state parties it only points at */
        assert_int_equal(n_of("SELECT count(*) FROM citations WHERE source_id = '%s' AND "
                              "figure_id IS NOT NULL AND supports LIKE '%%parties%%'",
                              r[k]->source_id),
                         0);
    }
    char sql[400];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM figure_conflicts WHERE figure_id LIKE '%s-f%%' AND other_id "
             "LIKE '%s-f%%'",
             a.source_id, b.source_id);
    assert_int_equal(count(S, sql), 0);
    /* the same pair's target told otherwise: a conflict, found by comparing */
    bc_ingest_result c = ingest("Quang Ninh's vice chairman said the province wants to raise "
                                "trade with Guangxi to USD 7 billion by 2029.\n",
                                "en", "2026-11-03");
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM figure_conflicts WHERE figure_id LIKE '%s-f%%' AND other_id "
             "LIKE '%s-f%%'",
             c.source_id, a.source_id);
    assert_int_equal(count(S, sql), 1);
    no_check_problems();
}

/* The note of a date says where its year came from (outsider 12, F1): a year the article
 * writes in another sentence is no publication date's, and without one a day whose year
 * only a figure's sentence wrote is stored undated and counted. A store of its own: the
 * group's statement cache is full of the other cases' queries. */
static void a_year_from_elsewhere_in_the_text(void **state)
{
    (void)state;
    bc_store *own = fx_store_from(fx_data_dir());
    bc_ingest_result r = fx_ingest(own, "zh",
                                   "口岸通关\n\n2025年，双方举行多次会谈。"
                                   "天保—清水口岸于9月28日恢复客运通关。\n",
                                   NULL);
    assert_true(r.created);
    char sql[700];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM project_events e JOIN citations c ON c.event_id = e.id WHERE "
             "c.source_id = '%s' AND e.project_id = 'thanh-thuy-thien-bao-border-gates' AND "
             "e.date = '2025-09-28' AND e.note LIKE '%%writes elsewhere, not from the "
             "publication date%%' AND e.note NOT LIKE '%%said in words%%'",
             r.source_id);
    assert_int_equal(count(own, sql), 1);
    bc_ingest_result f = fx_ingest(own, "zh",
                                   "口岸贸易\n\n2025年，双方贸易额为211亿元。"
                                   "今年以来，口岸车辆明显增加。"
                                   "天保—清水口岸已于9月28日恢复客运通关。\n",
                                   NULL);
    assert_true(f.created);
    assert_int_equal(f.dates_without_year, 1);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM project_events e JOIN citations c ON c.event_id = e.id WHERE "
             "c.source_id = '%s' AND e.project_id = 'thanh-thuy-thien-bao-border-gates' AND "
             "e.date IS NULL AND e.note LIKE '%%(28 September) without a year%%'",
             f.source_id);
    assert_int_equal(count(own, sql), 1);
    bc_store_close(own);
}

/* A new crossing named in Vietnamese is named and recorded in ASCII letters, as the curated
 * ones are, its Vietnamese spelling kept (vn_side_vi); an English report naming it so is
 * the same crossing, not a second project (outsider 12, F14). A store of its own. */
static void a_vietnamese_side_in_ascii_letters(void **state)
{
    (void)state;
    bc_store *own = fx_store_from(fx_data_dir());
    long before = count(own, "SELECT count(*) FROM projects");
    bc_ingest_result r = fx_ingest(own, "vi",
                                   "Cửa khẩu\n\nHai bên thống nhất sớm mở lại cặp cửa khẩu Sóc "
                                   "Giang (Việt Nam) – Bình Mãng (Trung Quốc).\n",
                                   "2026-11-19");
    assert_int_equal(r.projects, 1);
    assert_int_equal(count(own, "SELECT count(*) FROM projects WHERE name = 'Soc Giang - "
                                "Pingmeng' AND vn_side = 'Soc Giang' AND vn_side_vi = 'Sóc "
                                "Giang' AND note LIKE '%\"Sóc Giang\"%'"),
                     1);
    r = fx_ingest(own, "en",
                  "Gates\n\nThe two sides agreed to reopen the Soc Giang (Vietnam) - Pingmeng "
                  "(China) border gate pair.\n",
                  "2026-11-20");
    assert_int_equal(r.projects, 0);
    assert_int_equal(count(own, "SELECT count(*) FROM projects"), before + 1);
    bc_store_close(own);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_known_meeting_and_its_people),
        cmocka_unit_test(crossings_known_and_new),
        cmocka_unit_test(crossings_by_any_spelling),
        cmocka_unit_test(a_crossing_first_named_in_chinese),
        cmocka_unit_test(a_chinese_gate_named_after_a_french_report),
        cmocka_unit_test(a_crossing_by_its_own_name_beside_a_pair),
        cmocka_unit_test(talks_without_a_year),
        cmocka_unit_test(talks_to_come_without_a_year),
        cmocka_unit_test(money_kept_apart_and_left_out),
        cmocka_unit_test(counts_left_out_are_counted),
        cmocka_unit_test(a_goal_of_a_count_is_not_a_count),
        cmocka_unit_test(talks_on_a_weekday),
        cmocka_unit_test(an_amount_of_last_month_is_its_own_time),
        cmocka_unit_test(a_year_from_elsewhere_in_the_text),
        cmocka_unit_test(a_vietnamese_side_in_ascii_letters),
        cmocka_unit_test(a_restatement_is_no_second_figure),
        cmocka_unit_test(province_names_are_read_once_per_article),
        cmocka_unit_test(a_rejected_crossing_is_not_proposed_again),
        cmocka_unit_test(a_target_of_the_province_that_speaks),
    };
    return cmocka_run_group_tests_name("ingest_facts", tests, fx_group_setup, fx_group_teardown);
}
