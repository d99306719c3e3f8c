/* test_extract_meet_told.c: the days a report has told (extract_meet_told.c) and what is
 * counted from them: "the next day", "la veille", "次日" in every language are days from the
 * day of the meeting last told (never from a deadline, an opening or a day recalled from
 * before it), with that day's basis; a delegation's arrival told on a day dates the
 * meeting the next sentence names; a weekday written with its day and month and no year
 * gives the month and day; Chinese talks "时" are the occasion of what was agreed; one
 * meeting named by number and by name, or in a headline and its lead, is one. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "../../server/extract_int.h"
#include "extract_fixture.h"

/* The meeting whose statements include one holding words, failing the test when none. */
static const bc_xmeeting *stated(const bc_extraction *x, const char *text, const char *words)
{
    for (size_t i = 0; i < x->nmeetings; i++)
        for (int q = 0; q < x->meetings[i].cite.nquotes; q++) {
            const bc_xquote *k = &x->meetings[i].cite.q[q];
            size_t n = k->end - k->start;
            char *s = bc_malloc(n + 1);
            assert_non_null(s);
            memcpy(s, text + k->start, n);
            s[n] = '\0';
            int found = strstr(s, words) != NULL;
            bc_free(s);
            if (found)
                return &x->meetings[i];
        }
    fail_msg("no meeting stated with '%s' among %zu", words, x->nmeetings);
    return NULL;
}

/* 1 when some meeting is stated with words. */
static int any_stated(const bc_extraction *x, const char *text, const char *words)
{
    for (size_t i = 0; i < x->nmeetings; i++)
        for (int q = 0; q < x->meetings[i].cite.nquotes; q++) {
            const bc_xquote *k = &x->meetings[i].cite.q[q];
            size_t n = strlen(words);
            for (size_t b = k->start; b + n <= k->end; b++)
                if (memcmp(text + b, words, n) == 0)
                    return 1;
        }
    return 0;
}

typedef struct rel_case {
    const char *lang, *ref, *text, *words, *date;
    int inferred;
} rel_case;

static void expect_rel(const rel_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bc_extraction x = run(cases[i].lang, cases[i].ref, cases[i].text);
        const bc_xmeeting *m = stated(&x, cases[i].text, cases[i].words);
        if (strcmp(m->date, cases[i].date) != 0 || (m->date_inferred != 0) != cases[i].inferred)
            fail_msg("%s (%s): '%s' inferred %d, want '%s' %d", cases[i].lang,
                     cases[i].ref ? cases[i].ref : "no date", m->date, m->date_inferred,
                     cases[i].date, cases[i].inferred);
        bc_extraction_free(&x);
    }
}

/* Every language's words for the day after, the day before and two days away count from
 * the day of the meeting told before them; the year is the text's when that day's was,
 * the publication's (marked) when it came from there, absent when neither gives one. */
static void days_after_and_before_the_meeting_told(void **state)
{
    (void)state;
    static const rel_case cases[] = {
        {"fr", NULL,
         "Titre\n\nLe 4 novembre, Lao Cai et Honghe (Chine) ont tenu une séance de travail à "
         "Hekou. Le lendemain, les douanes des deux côtés ont eu des entretiens à Lao Cai.",
         "lendemain", "--11-05", 0},
        {"fr", "2024-11-07",
         "Titre\n\nLe 4 novembre, Lao Cai et Honghe (Chine) ont tenu une séance de travail à "
         "Hekou. Le surlendemain, les douanes des deux côtés ont eu des entretiens à Lao Cai.",
         "surlendemain", "2024-11-06", 1},
        {"fr", NULL,
         "Titre\n\nLa 8e réunion du groupe de travail de Lang Son et de Chongzuo (Chine) s'est "
         "tenue le 9 octobre 2024 à Pingxiang. L'avant-veille, les garde-frontières des deux "
         "côtés avaient tenu une séance de travail à Dong Dang.",
         "avant-veille", "2024-10-07", 0},
        {"zh", "2024-04-20",
         "标题\n\n4月17日，文山州与越南河江省在麻栗坡举行第九次会谈。翌日，两地海关在天保口岸举行"
         "工作会谈。",
         "翌日", "2024-04-18", 1},
        {"zh", NULL,
         "标题\n\n4月17日，文山州与越南河江省在麻栗坡举行第九次会谈。第二天，两地海关在天保口岸"
         "举行工作会谈。",
         "第二天", "--04-18", 0},
        {"zh", NULL,
         "标题\n\n2023年8月3日，红河州与越南老街省在河口举行第五次会晤。前一天，两地边防部门在"
         "河口举行工作会谈。",
         "前一天", "2023-08-02", 0},
        {"vi", "2025-06-12",
         "Tiêu đề\n\nNgày 9/6, tỉnh Cao Bằng và thành phố Bách Sắc (Trung Quốc) đã tổ chức hội "
         "đàm tại Cao Bằng. Ngày hôm sau, hai bên đã có buổi làm việc tại cửa khẩu Trà Lĩnh.",
         "hôm sau", "2025-06-10", 1},
        {"vi", NULL,
         "Tiêu đề\n\nNgày 9/6/2025, tỉnh Cao Bằng và thành phố Bách Sắc (Trung Quốc) đã tổ chức "
         "hội đàm tại Cao Bằng. Một ngày trước đó, hai bên đã có buổi làm việc tại cửa khẩu Trà "
         "Lĩnh.",
         "trước đó", "2025-06-08", 0},
        {"sv", NULL,
         "Rubrik\n\nDen 2 maj höll Lang Son och Chongzuo i Kina samtal i Lang Son. Dagen efter "
         "höll gränsvakterna från båda sidor samtal vid gränsövergången.",
         "Dagen efter", "--05-03", 0},
        {"pl", NULL,
         "Tytul\n\nWładze Cao Bang i chińskiego Baise przeprowadziły rozmowy 6 maja 2025 r. w "
         "Cao Bang. Nazajutrz w Baise odbyły się rozmowy służb granicznych obu stron.",
         "Nazajutrz", "2025-05-07", 0},
        {"nl", "2025-05-09",
         "Titel\n\nLao Cai en het Chinese Honghe hielden op 6 mei overleg in Lao Cai. Daags "
         "daarna volgde een werkgesprek tussen de douanediensten van beide kanten in Hekou.",
         "Daags daarna", "2025-05-07", 1},
        {"en", NULL,
         "Title\n\nLeaders of Mong Cai and Dongxing of China held talks in Mong Cai on March "
         "3, 2025. Two days later, the customs of both sides held a working session in "
         "Dongxing.",
         "Two days later", "2025-03-05", 0},
    };
    expect_rel(cases, sizeof cases / sizeof cases[0]);
}

/* English "the next day" in a sentence that writes a day before it counts from that day
 * ("which arrived on May 7, held talks ... the next day"), not from the meeting told
 * before; with or without the publication date. */
static void the_next_day_of_a_day_its_sentence_writes(void **state)
{
    (void)state;
    const char *text = "Title\n\nCao Bang and Baise held talks on May 9 in Cao Bang. The Baise "
                       "delegation, which arrived in Cao Bang on May 7, held a working session "
                       "with the border guards the next day.";
    static const rel_case cases[] = {
        {"en", NULL, NULL, "the next day", "--05-08", 0},
        {"en", "2024-05-10", NULL, "the next day", "2024-05-08", 1},
    };
    rel_case c2[2];
    memcpy(c2, cases, sizeof c2);
    c2[0].text = c2[1].text = text;
    expect_rel(c2, 2);
    /* Chinese too: the arrival's day its sentence writes, not the day of talks told in the
     * paragraph before; negative: "当天" before it is no written day */
    const char *zh =
        "标题\n\n双方于6月12日在河口举行第十次会谈。\n\n5月20日，崇左市代表团抵达谅山，"
        "次日上午，双方举行工作会谈。";
    static const rel_case zcases[] = {
        {"zh", NULL, NULL, "次日上午", "--05-21", 0},
        {"zh", "2025-06-20", NULL, "次日上午", "2025-05-21", 1},
    };
    rel_case z2[2];
    memcpy(z2, zcases, sizeof z2);
    z2[0].text = z2[1].text = zh;
    expect_rel(z2, 2);
    const char *zh2 =
        "标题\n\n6月12日，双方在河口举行第十次会谈。当天，两地边防部门在河口举行会晤；"
        "次日，两地海关举行工作会谈。";
    static const rel_case z3[] = {{"zh", "2025-06-20", NULL, "次日", "2025-06-13", 1}};
    rel_case z4[1];
    memcpy(z4, z3, sizeof z4);
    z4[0].text = zh2;
    expect_rel(z4, 1);
}

/* The day counted from is a meeting's: a deadline, an opening or a day recalled from before
 * the meeting told are not ("tenue le 3 decembre dernier" after a meeting in March), with or
 * without the publication date; with no meeting's day told, nothing. */
static void counted_from_the_meeting_not_the_last_day_named(void **state)
{
    (void)state;
    const char *fr = "Titre\n\nLe 12 avril, Lao Cai et Honghe (Chine) ont tenu une séance de "
                     "travail à Lao Cai. Le nouveau terminal de fret ouvrira le 2 mai. La "
                     "veille, les douaniers des deux côtés avaient tenu des pourparlers à "
                     "Hekou.";
    static const rel_case cases[] = {
        {"fr", NULL, NULL, "La veille", "--04-11", 0},
        {"fr", "2025-04-14", NULL, "La veille", "2025-04-11", 1},
    };
    rel_case c2[2];
    memcpy(c2, cases, sizeof c2);
    c2[0].text = c2[1].text = fr;
    expect_rel(c2, 2);
    /* a meeting recalled from months before leaves the report at its own day */
    const char *back = "Titre\n\nLe 20 mars, Cao Bang et Baise (Chine) ont tenu une séance de "
                       "travail à Cao Bang. Le vice-président a rappelé la 5e réunion du groupe "
                       "de travail, tenue le 14 novembre dernier à Baise. Le lendemain, les "
                       "garde-frontières des deux côtés ont eu des entretiens à Ta Lung.";
    rel_case c3[] = {{"fr", NULL, back, "garde-frontières", "--03-21", 0},
                     {"fr", "2025-03-22", back, "garde-frontières", "2025-03-21", 1}};
    expect_rel(c3, 2);
    bc_extraction x = run("fr", "2025-03-22", back);
    assert_string_equal(meet(&x, "", 5)->date, "2024-11-14");
    bc_extraction_free(&x);
    /* nothing told before it: no date, not the deadline's day after */
    const char *none = "Titre\n\nLes travaux du pont doivent être achevés avant le 30 juin. Le "
                       "lendemain, Lao Cai et Honghe (Chine) ont eu des entretiens.";
    x = run("fr", "2025-03-01", none);
    assert_false(any_stated(&x, none, "lendemain"));
    bc_extraction_free(&x);
}

/* What is to come counts from the meeting just told ("次日上午...将举行工作会谈" after talks
 * that took place); a day written next to the words speaks for itself; the day before in
 * another clause than the meeting's ("a recu jeudi son homologue, arrive la veille") is no
 * meeting's. */
static void coming_days_written_days_and_other_clauses(void **state)
{
    (void)state;
    const char *zh =
        "标题\n\n3月5日上午，文山州与越南河江省在天保举行第七次会晤。按照双方商定，次日"
        "上午，两地海关将在天保口岸举行工作会谈。";
    rel_case c[] = {{"zh", NULL, zh, "次日", "--03-06", 0},
                    {"zh", "2025-03-05", zh, "次日", "2025-03-06", 1}};
    expect_rel(c, 2);
    bc_extraction x = run("zh", "2025-03-05", zh);
    assert_string_equal(stated(&x, zh, "次日")->status, "planned");
    bc_extraction_free(&x);
    const char *fr = "Titre\n\nLa 9e réunion du groupe de travail de Lang Son et de Chongzuo "
                     "(Chine) s'est tenue le 25 février à Lang Son. La veille, dans la matinée "
                     "du 23 février, les douaniers des deux côtés ont eu des entretiens.";
    rel_case w[] = {{"fr", NULL, fr, "La veille", "--02-23", 0}};
    expect_rel(w, 1);
    const char *other = "Titre\n\nLe 6 juin, Ha Giang et Wenshan (Chine) ont tenu une séance de "
                        "travail à Ha Giang. Le secrétaire du Parti de Ha Giang a reçu jeudi son "
                        "homologue de Wenshan, arrivé la veille à la tête d'une délégation.";
    /* the reception of Thursday, no publication date placing it, is kept undated: the day
     * before it is no date either */
    x = run("fr", NULL, other);
    assert_int_equal(x.nmeetings, 2);
    assert_string_equal(x.meetings[1].day_word, "jeudi");
    assert_string_equal(x.meetings[1].date, "");
    bc_extraction_free(&x);
}

/* A day that opens a sentence telling a delegation's arrival dates the meeting the next
 * sentence of its paragraph names without a date, and is cited with it; not across a
 * paragraph, nor a meeting with a day of its own; the day after counts from it. */
static void arrivals_date_the_meeting_that_follows(void **state)
{
    (void)state;
    const char *fr = "Titre\n\nLe 8 avril, une délégation de la ville de Baise (Chine), conduite "
                     "par son maire, est arrivée à Cao Bang. Lors de la séance de travail, les "
                     "deux parties ont passé en revue leurs projets communs.\n\nLe lendemain, "
                     "les services douaniers des deux côtés ont eu des entretiens à Ta Lung.";
    rel_case c[] = {{"fr", NULL, fr, "Lors de la séance", "--04-08", 0},
                    {"fr", "2025-04-10", fr, "Lors de la séance", "2025-04-08", 1},
                    {"fr", "2025-04-10", fr, "Le lendemain", "2025-04-09", 1}};
    expect_rel(c, 3);
    bc_extraction x = run("fr", NULL, fr);
    const bc_xmeeting *m = stated(&x, fr, "Lors de la séance");
    assert_int_equal(m->cite.nquotes, 2); /* its own sentence and where its day is */
    bc_extraction_free(&x);
    const char *en = "Title\n\nOn May 20, a delegation of Wenshan prefecture of China arrived in "
                     "Ha Giang. At the working session, the two sides discussed the Thanh Thuy "
                     "gate.";
    rel_case e[] = {{"en", NULL, en, "working session", "--05-20", 0}};
    expect_rel(e, 1);
    const char *zh =
        "标题\n\n9月2日，越南老街省代表团抵达红河州蒙自市。会谈中，双方就口岸合作交换了"
        "意见。";
    rel_case z[] = {{"zh", NULL, zh, "会谈中", "--09-02", 0}};
    expect_rel(z, 1);
    /* a new paragraph, or a meeting with its own day: not the arrival's */
    const char *apart = "Title\n\nOn May 20, a delegation of Wenshan prefecture of China arrived "
                        "in Ha Giang.\n\nAt the working session, the two sides discussed the "
                        "Thanh Thuy gate.";
    x = run("en", NULL, apart);
    assert_false(any_stated(&x, apart, "working session"));
    bc_extraction_free(&x);
    const char *own = "Title\n\nOn May 20, a delegation of Wenshan prefecture of China arrived "
                      "in Ha Giang. At the working session on May 21, the two sides discussed "
                      "the Thanh Thuy gate.";
    rel_case o[] = {{"en", NULL, own, "working session", "--05-21", 0}};
    expect_rel(o, 1);
}

/* A weekday with its day and month and no year: the month and day, never a year worked out
 * from the weekday; with a publication date, its year, marked. */
static void weekday_with_day_and_month(void **state)
{
    (void)state;
    static const rel_case cases[] = {
        {"fr", NULL,
         "Titre\n\nLes dirigeants de Lao Cai et de Honghe (Chine) ont tenu jeudi 12 juin une "
         "séance de travail à Hekou.",
         "jeudi", "--06-12", 0},
        {"fr", "2025-06-13",
         "Titre\n\nLes dirigeants de Lao Cai et de Honghe (Chine) ont tenu jeudi 12 juin une "
         "séance de travail à Hekou.",
         "jeudi", "2025-06-12", 1},
        {"en", NULL,
         "Title\n\nLeaders of Lang Son and Chongzuo of China held talks in Lang Son on "
         "Wednesday, October 8.",
         "Wednesday", "--10-08", 0},
        {"nl", NULL,
         "Titel\n\nLang Son en het Chinese Chongzuo hielden woensdag 8 oktober overleg in Lang "
         "Son.",
         "woensdag", "--10-08", 0},
    };
    expect_rel(cases, sizeof cases / sizeof cases[0]);
}

/* Chinese talks "时": what was agreed at them, which took place; a deadline written
 * "6月30日前" dates no meeting; the number and the name of one meeting in one sentence
 * are one meeting, as are a headline's meeting and its lead's talks. */
static void chinese_occasions_deadlines_and_one_meeting(void **state)
{
    (void)state;
    const char *when = "标题\n\n口岸延长通关时间，是河口、老街两地4月2日举行会谈时商定的。";
    rel_case c[] = {{"zh", NULL, when, "会谈时", "--04-02", 0}};
    expect_rel(c, 1);
    bc_extraction x = run("zh", NULL, when);
    assert_string_equal(stated(&x, when, "会谈时")->status, "held");
    bc_extraction_free(&x);
    const char *due = "标题\n\n会议期间，红河州与越南老街省同意，确保新货场于9月30日前投入使用。";
    x = run("zh", NULL, due);
    assert_false(any_stated(&x, due, "9月30日前"));
    bc_extraction_free(&x);
    /* the name of the mechanism before the number, a day without its month: one meeting */
    const char *named =
        "标题\n\n新华社老街10月30日电 30日上午，越南四省与中国云南省省委书记年度会晤机制"
        "第六次会议在老街举行。";
    x = run("zh", NULL, named);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(meet(&x, "conference-yunnan", 6)->date, "--10-30");
    bc_extraction_free(&x);
    /* a headline's numbered meeting and the lead's dated talks */
    const char *head =
        "河口与老街举行第十二次定期会谈\n\n本报讯 5月14日上午，红河州河口县与越南老街省"
        "在河口举行会谈，双方就口岸通关交换了意见。";
    x = run("zh", NULL, head);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(meet(&x, "", 12)->date, "--05-14");
    assert_int_equal(meet(&x, "", 12)->cite.nquotes, 2);
    bc_extraction_free(&x);
    /* not when the lead names another number */
    const char *two =
        "河口与老街举行第十二次定期会谈\n\n本报讯 5月14日上午，红河州与越南老街省在河口"
        "举行第三次工作会晤。";
    x = run("zh", NULL, two);
    assert_int_equal(x.nmeetings, 2);
    bc_extraction_free(&x);
}

/* A month in an earlier clause, whose own meeting stands before it, is not the month of a
 * meeting named after it with a year alone; a symposium of both sides is talks. */
static void months_of_other_clauses_and_symposiums(void **state)
{
    (void)state;
    const char *fr = "Titre\n\nLes deux parties sont convenues que la Rencontre de printemps "
                     "2027 des secrétaires du Parti des quatre provinces et du Guangxi aurait "
                     "lieu en mars à Lang Son, et que la XVIIIe conférence du Comité de travail "
                     "mixte serait accueillie par Cao Bang courant 2027.";
    bc_extraction x = run("fr", NULL, fr);
    assert_string_equal(meet(&x, "spring-meeting-guangxi", 0)->date, "2027-03");
    assert_string_equal(meet(&x, "jwc-guangxi", 18)->date, "2027");
    bc_extraction_free(&x);
    const char *sym = "Titre\n\nUn colloque sur le fret ferroviaire réunira le 14 octobre à Lao "
                      "Cai les entreprises de Lao Cai et du Yunnan (Chine).";
    rel_case c[] = {{"fr", NULL, sym, "colloque", "--10-14", 0}};
    expect_rel(c, 1);
}

/* The report's day moves on only to the same day or a later one (within two months when a
 * year is not known); counting refuses to cross the end of February without a year. */
static void told_days_move_forward(void **state)
{
    (void)state;
    bcx_told t;
    memset(&t, 0, sizeof t);
    bcx_tell(&t, "--03-14", 0, 2, 1);
    assert_string_equal(t.iso, "--03-14");
    bcx_tell(&t, "--12-03", 0, 3, 1); /* last December, recalled */
    assert_string_equal(t.iso, "--03-14");
    bcx_tell(&t, "--03-15", 0, 4, 1);
    assert_string_equal(t.iso, "--03-15");
    assert_int_equal(t.si, 5);
    bcx_tell(&t, "2024-06-09", 0, 5, 1); /* months away, a year not known of the other */
    assert_string_equal(t.iso, "--03-15");
    bcx_tell(&t, "2025", 0, 6, 0); /* no day */
    assert_string_equal(t.iso, "--03-15");
    memset(&t, 0, sizeof t);
    bcx_tell(&t, "2025-01-17", 1, 1, 1);
    bcx_tell(&t, "2024-05-09", 0, 2, 1);
    assert_string_equal(t.iso, "2025-01-17");
    bcx_tell(&t, "2025-06-30", 0, 3, 1); /* both years known: later is later */
    assert_string_equal(t.iso, "2025-06-30");
    int diff = 0;
    assert_true(bcx_days_between("--12-30", "--01-02", &diff));
    assert_int_equal(diff, 3);
    assert_true(bcx_days_between("2024-02-28", "2024-03-01", &diff));
    assert_int_equal(diff, 2);
    assert_false(bcx_days_between("2024-02", "2024-03-01", &diff));
    char out[24];
    assert_true(bcx_shift_day("--03-02", -1, out));
    assert_string_equal(out, "--03-01");
    assert_false(bcx_shift_day("--03-01", -1, out)); /* 28 or 29 February */
    assert_true(bcx_shift_day("2024-03-01", -1, out));
    assert_string_equal(out, "2024-02-29");
}

/* The lead of an English wire report that says talks were held and dates them no further
 * takes the dateline's day ("CAO BANG, Nov 20 (VNA) - ... held talks here"), its year the
 * publication's; not when the lead writes a weekday or a day of its own, nor when the
 * report tells a day one to three days before the dateline ("Yesterday's working
 * session"). "Today" is the report's day. */
static void the_leads_talks_on_the_datelines_day(void **state)
{
    (void)state;
    const char *lead = "Title\n\nLANG SON, March 9 (VNA) - Officials of Lang Son and Chongzuo "
                       "city of China held talks here to speed up the clearance of fruit trucks.";
    rel_case cases[] = {{"en", "2025-03-10", lead, "held talks here", "2025-03-09", 1},
                        {"en", NULL, lead, "held talks here", "--03-09", 0}};
    expect_rel(cases, 2);
    static const char *const not_so[] = {
        "Title\n\nLANG SON, March 9 (VNA) - Officials of Lang Son and Chongzuo city of China "
        "held talks on Friday to speed up the clearance of fruit trucks.",
        "Title\n\nLANG SON, March 9 (VNA) - Officials of Lang Son and Chongzuo city of China "
        "held talks to speed up the clearance of fruit trucks. The talks, held in Dong Dang on "
        "March 7, reviewed trade.",
        "Title\n\nLANG SON - Officials of Lang Son and Chongzuo city of China held talks here to "
        "speed up the clearance of fruit trucks.",
        "Title\n\nLANG SON, March 9 (VNA) - Officials of Lang Son and Chongzuo city of China "
        "held talks here to speed up the clearance of fruit trucks. Yesterday's working session "
        "of their customs officers agreed on a new lane.",
    };
    for (size_t i = 0; i < sizeof not_so / sizeof not_so[0]; i++) {
        bc_extraction x = run("en", NULL, not_so[i]);
        for (size_t k = 0; k < x.nmeetings; k++)
            if (strcmp(x.meetings[k].date, "--03-09") == 0)
                fail_msg("%s: dated by the dateline", not_so[i]);
        bc_extraction_free(&x);
    }
    const char *today = "Title\n\nA Lao Cai delegation is due to cross into Hekou today, where it "
                        "will be received by Honghe leaders.";
    rel_case t[] = {{"en", "2024-01-30", today, "received", "2024-01-30", 1}};
    expect_rel(t, 1);
}

/* Chinese "次日" after a sentence that tells a meeting recalled before the story's day ("此前，
 * …于6月5日…会见了…。次日，…"): the day after that one, not after the story's; with a
 * meeting of its own day in the sentence before, the story's day is not asked. */
static void chinese_next_day_after_a_meeting_recalled(void **state)
{
    (void)state;
    static const char *const text =
        "标题\n\n11日上午，红河州与老街省联合工作组第十二次会议在蒙自召开。"
        "此前，云南省委书记于6月5日在昆明会见了老街省委书记一行。次日，双方共同出席了"
        "经贸座谈会。";
    rel_case cases[] = {
        {"zh", "2024-06-14", text, "次日", "2024-06-06", 1},
        {"zh", NULL, text, "次日", "--06-06", 0},
        /* negative: with no meeting in the sentence before, the story's meeting counts */
        {"zh", "2024-06-14",
         "标题\n\n6月11日上午，红河州与老街省联合工作组第十二次会议在蒙自召开。会议回顾了"
         "双方合作。次日，双方共同出席了经贸座谈会。",
         "次日", "2024-06-12", 1},
    };
    expect_rel(cases, sizeof cases / sizeof cases[0]);
}

/* "The day before the conference", "会晤前一天" after a sentence recalling an earlier
 * conference of another year: the day before the conference the report tells, never
 * before the one recalled (outsider 12, F2); in English the conference named as the time
 * of the talks is no meeting of its own dated that day, so the talks are one meeting. */
static void the_day_before_the_conference_not_the_one_recalled(void **state)
{
    (void)state;
    static const char *const zh =
        "标题\n\n11月25日，云南省与老街省第六次年度会晤在昆明举行。双方回顾了2025年10月30日"
        "在莱州省举行的第五次年度会晤所达成共识的落实情况。\n会晤前一天，云南省省长与老街省"
        "委书记在昆明举行会谈。";
    static const char *const en =
        "Title\n\nOn November 25, the sixth annual conference of Lao Cai and Yunnan was held "
        "in Kunming. The sides reviewed the fifth conference, held in Lai Chau on October 30, "
        "2025.\nThe day before the conference, the Governor of Yunnan and the Secretary of Lao "
        "Cai held talks in Kunming.";
    rel_case cases[] = {
        {"zh", NULL, zh, "会晤前一天", "--11-24", 0},
        {"en", NULL, en, "The day before", "--11-24", 0},
        /* negative: with no other conference recalled, the day before the one told */
        {"zh", "2026-11-27",
         "标题\n\n11月25日，云南省与老街省第六次年度会晤在昆明举行。\n会晤前一天，云南省省长"
         "与老街省委书记在昆明举行会谈。",
         "会晤前一天", "2026-11-24", 1},
    };
    expect_rel(cases, sizeof cases / sizeof cases[0]);
    /* with a publication date the day counted is in doubt (a conference of 2025 was told
     * last): no meeting takes 2025-10-29, and the talks are not told twice */
    const char *texts[] = {zh, en};
    const char *langs[] = {"zh", "en"};
    for (int k = 0; k < 2; k++)
        for (int p = 0; p < 2; p++) {
            bc_extraction x = run(langs[k], p ? "2026-11-27" : NULL, texts[k]);
            int talks = 0;
            for (size_t i = 0; i < x.nmeetings; i++) {
                if (strcmp(x.meetings[i].date, "2025-10-29") == 0)
                    fail_msg("%s: a meeting dated the day before the one recalled", langs[k]);
                talks += x.meetings[i].ordinal == 0;
            }
            if (talks > 1)
                fail_msg("%s: %d meetings without a number", langs[k], talks);
            bc_extraction_free(&x);
        }
}

/* English: a day the sentence before opens with, at which it tells a meeting that took
 * place ("On October 29, ... hosted ... for a working session."), is where the story stands
 * for "The following day" opening the next sentence, though it is before the story's own
 * day (it was counted from the report's "yesterday"); not in a new paragraph, nor when the
 * day only sits inside a clause of the sentence before. */
static void the_following_day_of_the_day_the_sentence_before_opens_with(void **state)
{
    (void)state;
    static const char *const text =
        "Title\n\nMILE, Nov 22 - Officials of Lai Chau and Honghe held talks in Mile yesterday "
        "on the upgrade of the Ma Lu Thang gate. On October 29, the Party chief of Lai Chau "
        "hosted the Party Secretary of Yunnan for a working session in Lai Chau. The following "
        "day, Lai Chau hosted the 11th meeting of the joint working group with Yunnan.";
    rel_case cases[] = {
        {"en", "2025-11-22", text, "The following day", "2025-10-30", 1},
        {"en", NULL, text, "The following day", "--10-30", 0},
    };
    expect_rel(cases, sizeof cases / sizeof cases[0]);
    /* negative: the day within a clause of the sentence before is not where the story is */
    bc_extraction x = run("en", "2025-11-22",
                          "Title\n\nMILE, Nov 22 - Officials of Lai Chau and Honghe held talks "
                          "in Mile yesterday on the upgrade of the Ma Lu Thang gate. The talks "
                          "recalled the working session that the Party chief of Lai Chau held "
                          "with the Party Secretary of Yunnan in Lai Chau on October 29. The "
                          "following day, Lai Chau hosted the 11th meeting of the joint working "
                          "group with Yunnan.");
    for (size_t i = 0; i < x.nmeetings; i++)
        if (strcmp(x.meetings[i].date, "2025-10-30") == 0)
            fail_msg("counted from a day inside a clause");
    bc_extraction_free(&x);
}

/* In every language, a day counted at the opening of a sentence ("The next day", "Le
 * lendemain", "Hom sau", "次日", "Nastepnego dnia", "Dagen darpa", "De volgende dag") counts
 * from the day the sentence just before tells a meeting on, opening it, as its subject or
 * as talks its parties held, though that day is before the story's ("today", November 20) (outsider
 * 14, F3); not from a day recalled in an aside of the sentence before. */
static void next_day_of_the_meeting_told_just_before(void **state)
{
    (void)state;
    static const rel_case cases[] = {
        {"en", "2026-11-21",
         "Title\n\nLeaders of Lao Cai and Yunnan held talks in Hekou today. The 12th meeting of "
         "the Joint Working Group of Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan was "
         "held in Kunming on November 18. The next day, leaders of Lai Chau and Yunnan held "
         "talks in Mengzi.",
         "The next day", "2026-11-19", 1},
        {"en", "2026-11-21",
         "Title\n\nOn November 20, officials of Ha Giang and Wenshan held talks in Thanh Thuy. "
         "On November 16, officials of Cao Bang and Baise held talks in Tra Linh. A day later, "
         "officials of Lang Son and Chongzuo held talks in Pingxiang.",
         "A day later", "2026-11-17", 1},
        {"fr", "2026-11-21",
         "Titre\n\nLes dirigeants de Lao Cai et du Yunnan ont tenu des pourparlers le 20 "
         "novembre à Hekou. La 12e réunion du Groupe de travail conjoint de Lai Chau, Lao Cai, "
         "Tuyen Quang, Dien Bien et du Yunnan s'est tenue à Kunming le 18 novembre. Le "
         "lendemain, les dirigeants de Lai Chau et du Yunnan ont tenu des pourparlers à Mengzi.",
         "Le lendemain", "2026-11-19", 1},
        {"vi", NULL,
         "Tiêu đề\n\nNgày 20/11, lãnh đạo hai tỉnh Lào Cai và Vân Nam đã hội đàm tại Hà Khẩu. "
         "Phiên họp lần thứ 12 Nhóm công tác liên hợp giữa các tỉnh Lai Châu, Lào Cai, Tuyên "
         "Quang, Điện Biên và Vân Nam đã diễn ra tại Côn Minh ngày 18/11. Hôm sau, lãnh đạo "
         "tỉnh Lai Châu và Vân Nam đã hội đàm tại Mông Tự.",
         "Hôm sau", "--11-19", 0},
        {"zh", "2026-11-21",
         "标题\n\n11月20日，老街省与云南省领导在河口举行会谈。莱州、老街、宣光、奠边四省与云南省"
         "联合工作组第十二次会议11月18日在昆明举行。次日，莱州省与云南省领导在蒙自举行会谈。",
         "次日", "2026-11-19", 1},
        {"pl", "2026-11-21",
         "Tytuł\n\nPrzywódcy Lao Cai i Junnanu przeprowadzili 20 listopada rozmowy w Hekou. 12. "
         "posiedzenie Wspólnej Grupy Roboczej Lai Chau, Lao Cai, Tuyen Quang, Dien Bien i "
         "Junnanu odbyło się w Kunmingu 18 listopada. Następnego dnia przywódcy Lai Chau i "
         "Junnanu przeprowadzili rozmowy w Mengzi.",
         "Następnego dnia", "2026-11-19", 1},
        {"sv", NULL,
         "Rubrik\n\nLedarna för Lao Cai och Yunnan höll den 20 november samtal i Hekou. Det "
         "12:e mötet i den gemensamma arbetsgruppen för Lai Chau, Lao Cai, Tuyen Quang, Dien "
         "Bien och Yunnan hölls i Kunming den 18 november. Dagen därpå höll ledarna för Lai "
         "Chau och Yunnan samtal i Mengzi.",
         "Dagen därpå", "--11-19", 0},
        {"nl", "2026-11-21",
         "Titel\n\nDe leiders van Lao Cai en Yunnan hebben vandaag overleg gevoerd in Hekou. De "
         "12e vergadering van de gezamenlijke werkgroep van Lai Chau, Lao Cai, Tuyen Quang, "
         "Dien Bien en Yunnan werd op 18 november in Kunming gehouden. De volgende dag voerden "
         "de leiders van Lai Chau en Yunnan overleg in Mengzi.",
         "De volgende dag", "2026-11-19", 1},
        /* talks the sentence before tells, the parties their subject */
        {"en", "2026-11-21",
         "Title\n\nLeaders of Lao Cai and Yunnan held talks in Hekou today. Officials of Cao Bang "
         "and Baise held talks in Tra Linh on November 16. The next day, officials of Lang Son "
         "and Chongzuo held talks in Pingxiang.",
         "The next day", "2026-11-17", 1},
        {"nl", "2026-11-21",
         "Titel\n\nDe leiders van Lao Cai en Yunnan hebben vandaag overleg gevoerd in Hekou. "
         "Vertegenwoordigers van Cao Bang en Baise voerden op 16 november overleg in Tra Linh. De "
         "volgende dag voerden vertegenwoordigers van Lang Son en Chongzuo overleg in Pingxiang.",
         "De volgende dag", "2026-11-17", 1},
        {"vi", "2026-11-21",
         "Tiêu đề\n\nNgày 20/11, lãnh đạo hai tỉnh Lào Cai và Vân Nam đã hội đàm tại Hà Khẩu. Lãnh "
         "đạo tỉnh Cao Bằng và thành phố Bách Sắc đã hội đàm tại Trà Lĩnh ngày 16/11. Hôm sau, "
         "lãnh đạo tỉnh Lạng Sơn và thành phố Sùng Tả đã hội đàm tại Bằng Tường.",
         "Hôm sau", "2026-11-17", 1},
        /* negative: the sentence before recalls a meeting in an aside, or talks as the object
         * of another verb; the story's day counts */
        {"en", "2026-11-21",
         "Title\n\nOn November 20, leaders of Lao Cai and Yunnan held talks in Hekou. The "
         "delegates reviewed the talks that officials of Cao Bang and Baise held in Tra Linh on "
         "November 16. The next day, customs officers of both sides held a working session in "
         "Lao Cai.",
         "The next day", "2026-11-21", 1},
        {"fr", "2026-11-21",
         "Titre\n\nLe 20 novembre, les dirigeants de Lao Cai et du Yunnan ont tenu des "
         "pourparlers à Hekou. Ils ont rappelé que la 11e réunion du Groupe de travail "
         "conjoint, tenue le 30 octobre dernier à Lai Chau, avait fixé une feuille de route. Le "
         "lendemain, les douanes des deux côtés ont tenu une séance de travail à Lao Cai.",
         "Le lendemain", "2026-11-21", 1},
        {"en", "2026-11-21",
         "Title\n\nOn November 20, leaders of Lao Cai and Yunnan held talks in Hekou. They "
         "recalled that the 11th meeting of the Joint Working Group, held in Lai Chau on "
         "October 30, had set a road map. The next day, customs officers of both sides held "
         "a working session in Lao Cai.",
         "The next day", "2026-11-21", 1},
    };
    expect_rel(cases, sizeof cases / sizeof cases[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(days_after_and_before_the_meeting_told),
        cmocka_unit_test(counted_from_the_meeting_not_the_last_day_named),
        cmocka_unit_test(the_next_day_of_a_day_its_sentence_writes),
        cmocka_unit_test(the_leads_talks_on_the_datelines_day),
        cmocka_unit_test(coming_days_written_days_and_other_clauses),
        cmocka_unit_test(arrivals_date_the_meeting_that_follows),
        cmocka_unit_test(weekday_with_day_and_month),
        cmocka_unit_test(chinese_occasions_deadlines_and_one_meeting),
        cmocka_unit_test(months_of_other_clauses_and_symposiums),
        cmocka_unit_test(told_days_move_forward),
        cmocka_unit_test(chinese_next_day_after_a_meeting_recalled),
        cmocka_unit_test(the_day_before_the_conference_not_the_one_recalled),
        cmocka_unit_test(the_following_day_of_the_day_the_sentence_before_opens_with),
        cmocka_unit_test(next_day_of_the_meeting_told_just_before),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
