/* test_ingest_pubdate.c: what a publication date of a month or a year ("2026-11", "2026")
 * gives an ingested article (ingest.c, ingest_meetings.c, extract_date.c): no day counted
 * from it ("yesterday", a weekday), in any of the seven languages: such talks and meetings
 * are stored undated, their words quoted in the note and counted in dates_without_year,
 * as without a publication date; a day the text writes is completed with its year and is
 * not "after" a publication date of its own month; a publication day still places them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/ingest.h"
#include "bordercoop/redate.h"

#include "fixture.h"

#define S fx_group_store() /* fixture.h: the store the group shares */

#define n_of(fmt, src) fx_count_of(S, fmt, src)

/* talks "yesterday" and on a weekday, one sentence each, in the seven languages */
static const struct {
    const char *lang, *text;
} talks[] = {
    {"en", "Yesterday, leaders of Lao Cai and Yunnan held talks in Hekou on the railway bridge."},
    {"en", "On Tuesday, leaders of Lai Chau and Yunnan held talks in Kunming on tourism."},
    {"fr", "Hier, les dirigeants de Lao Cai et du Yunnan ont eu des entretiens à Hekou."},
    {"fr", "Mardi, les dirigeants de Lai Chau et du Yunnan ont eu des entretiens à Kunming."},
    {"nl", "Gisteren hielden de leiders van Lao Cai en Yunnan gesprekken in Hekou."},
    {"nl", "Op dinsdag hielden de leiders van Lai Chau en Yunnan gesprekken in Kunming."},
    {"sv", "I går höll ledarna för Lao Cai och Yunnan samtal i Hekou."},
    {"sv", "I tisdags höll ledarna för Lai Chau och Yunnan samtal i Kunming."},
    {"pl", "Wczoraj przywódcy Lao Cai i Junnanu przeprowadzili rozmowy w Hekou."},
    {"pl", "We wtorek przywódcy Lai Chau i Junnanu przeprowadzili rozmowy w Kunmingu."},
    {"vi", "Hôm qua, lãnh đạo tỉnh Lào Cai và tỉnh Vân Nam đã hội đàm tại Hà Khẩu."},
    {"vi", "Thứ Ba, lãnh đạo tỉnh Lai Châu và tỉnh Vân Nam đã hội đàm tại Côn Minh."},
    {"zh", "昨天，老街省与云南省领导在河口举行会谈。"},
    {"zh", "星期二，莱州省与云南省领导在昆明举行会谈。"},
};

static const char *const pubs[] = {"2026-11", "2026"};

static void no_day_is_counted_from_a_month_or_a_year(void **state)
{
    (void)state;
    for (size_t p = 0; p < sizeof pubs / sizeof pubs[0]; p++) {
        bc_store *own = fx_store_from(fx_data_dir()); /* each text once a store */
        for (size_t k = 0; k < sizeof talks / sizeof talks[0]; k++) {
            char text[400], sql[600];
            snprintf(text, sizeof text, "Kop\n\n%s", talks[k].text);
            bc_ingest_result r = fx_ingest(own, talks[k].lang, text, pubs[p]);
            if (r.events != 1 || r.dates_without_year != 1)
                fail_msg("%s (%s): %d events, %d dates without a year", talks[k].text, pubs[p],
                         r.events, r.dates_without_year);
            snprintf(sql, sizeof sql,
                     "SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND kind = 'talks' "
                     "AND date IS NULL AND inferred NOT LIKE '%%date%%' AND note LIKE '%%names "
                     "no day%%'",
                     r.source_id);
            assert_int_equal(fx_count(own, sql), 1);
        }
        bc_store_close(own);
    }
}

static void a_meeting_on_a_weekday_is_not_dated_from_a_month(void **state)
{
    (void)state;
    bc_ingest_result r = fx_ingest(S, "en",
                                   "Group meets\n\nOn Monday, the 12th meeting of the Joint "
                                   "Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien "
                                   "and Yunnan was held in Hekou.",
                                   "2026-12");
    assert_int_equal(r.meetings, 1);
    assert_int_equal(r.dates_without_year, 1);
    assert_int_equal(n_of("SELECT count(*) FROM meetings WHERE id LIKE '%s-m%%' AND date IS NULL "
                          "AND note LIKE '%%only as \"Monday\"%%names no day%%' AND note NOT "
                          "LIKE '%%falls after%%'",
                          r.source_id),
                     1);
}

/* negative: a day the text writes takes its year from a month's publication date and is
 * not after it; a coming one of that month is to come in it; a publication day places a
 * weekday */
static void a_written_day_keeps_its_year(void **state)
{
    (void)state;
    bc_ingest_result r = fx_ingest(S, "en",
                                   "Talks\n\nOn November 28, leaders of Lai Chau and Yunnan held "
                                   "talks in Kunming on tourism.",
                                   "2026-11");
    assert_int_equal(r.dates_without_year, 0);
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND date = "
                          "'2026-11-28' AND status = 'held' AND inferred LIKE '%%date.year%%' AND "
                          "note NOT LIKE '%%falls after%%'",
                          r.source_id),
                     1);
    r = fx_ingest(S, "en",
                  "Talks to come\n\nLeaders of Lao Cai and Yunnan will hold talks in Hekou on "
                  "November 3.",
                  "2026-11");
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND date = "
                          "'2026-11-03' AND status = 'planned'",
                          r.source_id),
                     1);
    r = fx_ingest(S, "fr",
                  "Kop dag\n\nMardi, les dirigeants de Lang Son et du Guangxi ont eu des "
                  "entretiens à Nanning.",
                  "2026-11-26");
    assert_int_equal(r.dates_without_year, 0);
    assert_int_equal(n_of("SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND date = "
                          "'2026-11-24' AND inferred LIKE '%%\"date\"%%'",
                          r.source_id),
                     1);
}

/* talks timed only by the report's own day ("aujourd'hui", "今天上午", "this morning"):
 * with published_on that day, inferred; without, stored undated, the note quoting the
 * words, counted in dates_without_year */
static void the_reports_own_day_is_stored(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *word;
    } cases[] = {
        {"fr", "Ce matin, les dirigeants de Lai Chau et du Yunnan ont eu des entretiens à Jinping.",
         "Ce matin"},
        {"zh", "今天上午，莱州省与云南省领导在金平举行会谈。", "今天上午"},
        {"en", "Leaders of Lai Chau and Yunnan held talks in Jinping this morning.",
         "this morning"},
        {"vi", "Hôm nay, lãnh đạo tỉnh Lai Châu và tỉnh Vân Nam đã hội đàm tại Kim Bình.",
         "Hôm nay"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[400], sql[400];
        snprintf(text, sizeof text, "Tin\n\n%s", cases[k].text);
        bc_store *own = fx_store_from(fx_data_dir()); /* each text once a store */
        bc_ingest_result r = fx_ingest(own, cases[k].lang, text, "2026-11-26");
        if (r.events != 1 || r.dates_without_year != 0 ||
            fx_count_of(own,
                        "SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND "
                        "date = '2026-11-26' AND inferred LIKE '%%\"date\"%%'",
                        r.source_id) != 1)
            fail_msg("%s: %d events, not dated 2026-11-26", cases[k].text, r.events);
        bc_store_close(own);
        own = fx_store_from(fx_data_dir());
        r = fx_ingest(own, cases[k].lang, text, NULL);
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM coop_events WHERE id LIKE '%%s-e%%%%' AND date IS NULL AND "
                 "note LIKE '%%%%only as \"%s\"%%%%no publication date%%%%'",
                 cases[k].word);
        if (r.events != 1 || r.dates_without_year != 1 || fx_count_of(own, sql, r.source_id) != 1)
            fail_msg("%s: %d events, %d dates without a year", cases[k].text, r.events,
                     r.dates_without_year);
        bc_store_close(own);
    }
}

/* days counted back from the publication day (analyst13 finding 18): "the day before
 * yesterday" is not "the day before" a day told, "two days ago" in the seven languages,
 * "three days earlier" of the day told; a past day after the publication day is kept
 * without a year and counted */
static void days_counted_back(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *date;
    } cases[] = {
        {"en", "The day before yesterday, leaders of Lao Cai and Yunnan held talks in Hekou.",
         "2026-11-24"},
        {"en", "Two days ago, leaders of Lai Chau and Yunnan held talks in Kunming on tourism.",
         "2026-11-24"},
        {"en", "Three days ago, leaders of Cao Bang and Guangxi held talks in Nanning.",
         "2026-11-23"},
        {"fr",
         "Il y a deux jours, les dirigeants de Lao Cai et du Yunnan ont eu des entretiens "
         "à Hekou.",
         "2026-11-24"},
        {"nl", "Twee dagen geleden hielden de leiders van Lao Cai en Yunnan gesprekken in Hekou.",
         "2026-11-24"},
        {"sv", "För två dagar sedan höll ledarna för Lao Cai och Yunnan samtal i Hekou.",
         "2026-11-24"},
        {"pl", "Dwa dni temu przywódcy Lao Cai i Junnanu przeprowadzili rozmowy w Hekou.",
         "2026-11-24"},
        {"vi", "Cách đây hai ngày, lãnh đạo tỉnh Lào Cai và tỉnh Vân Nam đã hội đàm tại Hà Khẩu.",
         "2026-11-24"},
        {"zh", "两天前，老街省与云南省领导在河口举行会谈。", "2026-11-24"},
        {"en",
         "The 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien "
         "Bien and Yunnan was held in Kunming on November 20. Three days earlier, leaders of Lao "
         "Cai and Yunnan held talks in Hekou.",
         "2026-11-17"},
        /* negative: "the day before" is the day before the day told */
        {"en",
         "The 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien "
         "Bien and Yunnan was held in Kunming on November 20. The day before, leaders of Lao Cai "
         "and Yunnan held talks in Hekou.",
         "2026-11-19"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[600];
        snprintf(text, sizeof text, "Kop\n\n%s", cases[k].text);
        bc_ingest_result r = fx_ingest(S, cases[k].lang, text, "2026-11-26");
        char sql[300];
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM coop_events WHERE id LIKE '%%s-e%%%%' AND kind = 'talks' "
                 "AND date = '%s'",
                 cases[k].date);
        if (r.events != 1 || n_of(sql, r.source_id) != 1)
            fail_msg("%s: %d events, none on %s", cases[k].text, r.events, cases[k].date);
    }
    /* told as past, in the seven languages (French "ont eu des entretiens", Swedish "höll"
     * say so too): held, undated, the day in the note, counted */
    static const struct {
        const char *lang, *text;
    } after[] = {
        {"en", "On December 5, leaders of Lai Chau and Yunnan held talks in Kunming on tourism."},
        {"fr", "Le 5 décembre, les dirigeants de Lai Chau et du Yunnan ont eu des entretiens à "
               "Kunming."},
        {"nl", "Op 5 december hielden de leiders van Lai Chau en Yunnan gesprekken in Kunming."},
        {"sv", "Den 5 december höll ledarna för Lai Chau och Yunnan samtal i Kunming."},
        {"pl", "5 grudnia przywódcy Lai Chau i Junnanu przeprowadzili rozmowy w Kunmingu."},
        {"vi", "Ngày 5/12, lãnh đạo tỉnh Lai Châu và tỉnh Vân Nam đã hội đàm tại Côn Minh."},
        {"zh", "12月5日，莱州省与云南省领导在昆明举行会谈。"},
    };
    for (size_t k = 0; k < sizeof after / sizeof after[0]; k++) {
        char text[400];
        snprintf(text, sizeof text, "Kop\n\n%s", after[k].text);
        bc_ingest_result r = fx_ingest(S, after[k].lang, text, "2026-11-30");
        if (r.events != 1 || r.dates_without_year != 1 ||
            n_of("SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND date IS NULL AND "
                 "status = 'held' AND note LIKE '%%(5 December) without a year%%2026-11-30%%'",
                 r.source_id) != 1)
            fail_msg("%s: not kept held and undated with its day", after[k].text);
    }
}

/* the same through a publication date given later (PATCH /v1/sources/{id}): read again with
 * "2026-11", the talks stay undated; with the day, they are dated */
static void redated_to_a_month_places_no_day(void **state)
{
    (void)state;
    bc_store *own = fx_store_from(fx_data_dir());
    bc_ingest_result r = fx_ingest(own, "nl",
                                   "Kop\n\nGisteren hielden de leiders van Lang Son en Guangxi "
                                   "gesprekken in Pingxiang.",
                                   NULL);
    static const struct {
        const char *pub, *sql;
    } steps[] = {
        {"2026-11", "SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND date IS NULL AND "
                    "note LIKE '%%\"Gisteren\"%%names no day%%'"},
        {"2026", "SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND date IS NULL AND "
                 "note LIKE '%%(2026) names no day%%'"},
        {"2026-11-26", "SELECT count(*) FROM coop_events WHERE id LIKE '%s-e%%' AND date = "
                       "'2026-11-25'"},
    };
    for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
        bc_redate_input in = {.source_id = r.source_id,
                              .published_on = steps[k].pub,
                              .actor = "cli:test",
                              .via = "cli"};
        bc_redate_result out;
        bc_err err;
        if (bc_redate(own, &in, &out, &err) != BC_OK)
            fail_msg("redate %s: %s", steps[k].pub, err.msg);
        bc_redate_result_free(&out);
        char sql[400];
        snprintf(sql, sizeof sql, steps[k].sql, r.source_id);
        if (fx_count(own, sql) != 1)
            fail_msg("published_on %s: the talks are not as expected", steps[k].pub);
    }
    bc_store_close(own);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_day_is_counted_from_a_month_or_a_year),
        cmocka_unit_test(a_meeting_on_a_weekday_is_not_dated_from_a_month),
        cmocka_unit_test(a_written_day_keeps_its_year),
        cmocka_unit_test(days_counted_back),
        cmocka_unit_test(the_reports_own_day_is_stored),
        cmocka_unit_test(redated_to_a_month_places_no_day),
    };
    return cmocka_run_group_tests(tests, fx_group_setup, fx_group_teardown);
}
