/* test_ingest_quote.c: what the quotes of an ingested fact state of its date
 * (ingest_quote.c): a meeting told as held "the same day" as one dated before, in the
 * seven languages, is dated that day, but its quote writes no date: its citation does not
 * claim "date", and the whole date is marked inferred, the note saying it is the day told
 * before; the meeting whose sentence writes the day keeps it stated. A fact left undated
 * for want of a publication date says in its note which words gave its time ("volgend
 * jaar", "Dezelfde dag", "the first nine months of this year", "今年", "September"). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/ingest.h"

#include "fixture.h"

static void the_same_day_states_no_date(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"en", "The 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, "
               "Dien Bien and Yunnan was held in Kunming on October 20, 2026. On the same day, the "
               "6th Annual Conference of the Party Secretaries of the five provinces took place "
               "in Kunming."},
        {"fr", "La 12e réunion du Groupe de travail conjoint de Lai Chau, Lao Cai, Tuyen Quang, "
               "Dien Bien et du Yunnan s'est tenue à Kunming le 20 octobre 2026. Le même jour, la "
               "6e Conférence annuelle des secrétaires du Parti des cinq provinces s'est tenue à "
               "Kunming."},
        {"vi", "Ngày 20/10/2026, Hội nghị lần thứ 12 Nhóm công tác liên hợp giữa các tỉnh Lai "
               "Châu, Lào Cai, Tuyên Quang, Điện Biên và tỉnh Vân Nam đã được tổ chức tại Côn "
               "Minh. Cùng ngày, Hội nghị thường niên lần thứ 6 Bí thư Tỉnh ủy các tỉnh cũng diễn "
               "ra tại Côn Minh."},
        {"zh", "2026年10月20日，中国云南省与越南莱州、老街、宣光、奠边四省联合工作组第十二次会议在"
               "昆明举行。同日，云南省与越南四省省委书记年度会晤机制第六次会议也在昆明举行。"},
        {"pl", "12. spotkanie Wspólnej Grupy Roboczej Lai Chau, Lao Cai, Tuyen Quang, Dien Bien "
               "i Junnanu odbyło się 20 października 2026 r. w Kunmingu. Tego samego dnia w "
               "Kunmingu odbyła się VI doroczna konferencja sekretarzy partyjnych pięciu "
               "prowincji."},
        {"sv", "Det tolfte mötet i den gemensamma arbetsgruppen för Lai Chau, Lao Cai, Tuyen "
               "Quang, Dien Bien och Yunnan hölls i Kunming den 20 oktober 2026. Samma dag hölls "
               "den sjätte årliga konferensen för partisekreterarna i de fem provinserna i "
               "Kunming."},
        {"nl", "Op 20 oktober 2026 vond in Kunming de 12e vergadering plaats van de Gezamenlijke "
               "Werkgroep van Lai Chau, Lao Cai, Tuyen Quang, Dien Bien en Yunnan. Dezelfde dag "
               "werd in Kunming ook de zesde jaarlijkse conferentie van de partijsecretarissen "
               "van de vijf provincies gehouden."},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_store *s = fx_store_from(fx_data_dir());
        char text[1200], sql[900];
        snprintf(text, sizeof text, "Kop\n\n%s", cases[k].text);
        bc_ingest_result r = fx_ingest(s, cases[k].lang, text, "2026-10-24");
        /* the meeting of the same day: dated, its date all inferred, no quote claiming it */
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM meetings m WHERE m.id LIKE '%s-m%%' AND m.ordinal = 6 AND "
                 "m.date = '2026-10-20' AND m.inferred LIKE '%%\"date\"%%' AND m.note LIKE "
                 "'%%the day of something told before%%' AND NOT EXISTS (SELECT 1 FROM "
                 "citations c WHERE c.meeting_id = m.id AND c.supports LIKE '%%\"date\"%%')",
                 r.source_id);
        if (fx_count(s, sql) != 1)
            fail_msg("%s: the 6th meeting's date is claimed as written", cases[k].lang);
        /* negative: the meeting whose sentence writes the day states it */
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM meetings m WHERE m.id LIKE '%s-m%%' AND m.ordinal = 12 AND "
                 "m.date = '2026-10-20' AND m.inferred NOT LIKE '%%\"date%%' AND EXISTS (SELECT "
                 "1 FROM citations c WHERE c.meeting_id = m.id AND c.supports LIKE "
                 "'%%\"date\"%%')",
                 r.source_id);
        if (fx_count(s, sql) != 1)
            fail_msg("%s: the 12th meeting's written date is not stated", cases[k].lang);
        bc_store_close(s);
    }
}

static void undated_facts_quote_their_time(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *table, *words;
    } cases[] = {
        {"nl",
         "De 13e vergadering van de Gezamenlijke Werkgroep van Lai Chau, Lao Cai, Tuyen "
         "Quang, Dien Bien en Yunnan vindt volgend jaar plaats in Lao Cai.",
         "meetings", "volgend jaar"},
        {"nl",
         "Op dinsdag vond in Hekou de 12e vergadering plaats van de Gezamenlijke Werkgroep "
         "van Lai Chau, Lao Cai, Tuyen Quang, Dien Bien en Yunnan. Dezelfde dag werd in "
         "Hekou ook de zesde jaarlijkse conferentie van de partijsecretarissen van de vijf "
         "provincies gehouden.",
         "meetings", "Dezelfde dag"},
        {"en",
         "Trade between Lao Cai and Yunnan reached USD 2.35 billion in the first nine months "
         "of this year.",
         "figures", "first nine months"},
        {"sv",
         "Under årets första nio månader uppgick handeln mellan Lao Cai och Yunnan till 2,1 "
         "miljarder dollar.",
         "figures", "första nio månader"},
        {"zh", "今年前9个月，云南省与老街省进出口贸易额达28.6亿美元。", "figures", "今年"},
        {"en",
         "More than 1,150 trucks were cleared every day in September at the Kim Thanh border "
         "gate.",
         "figures", "September"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_store *s = fx_store_from(fx_data_dir());
        char text[800], sql[600];
        snprintf(text, sizeof text, "Kop\n\n%s", cases[k].text);
        bc_ingest_result r = fx_ingest(s, cases[k].lang, text, NULL);
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM %s WHERE id LIKE '%s-%%' AND note LIKE '%%only as \"%s\", "
                 "which nothing in it places%%'",
                 cases[k].table, r.source_id, cases[k].words);
        if (fx_count(s, sql) != 1)
            fail_msg("%s: no note quoting \"%s\"", cases[k].text, cases[k].words);
        bc_store_close(s);
        /* negative: with a publication date the time is placed, and no such note */
        s = fx_store_from(fx_data_dir());
        r = fx_ingest(s, cases[k].lang, text, "2026-11-26");
        snprintf(
            sql, sizeof sql,
            "SELECT count(*) FROM %s WHERE id LIKE '%s-%%' AND note LIKE '%%only as%%places%%'",
            cases[k].table, r.source_id);
        if (fx_count(s, sql) != 0)
            fail_msg("%s: a note of no time placed with a publication date", cases[k].text);
        bc_store_close(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_same_day_states_no_date),
        cmocka_unit_test(undated_facts_quote_their_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
