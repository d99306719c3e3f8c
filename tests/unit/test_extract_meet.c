/* test_extract_meet.c: finding meetings (extract_meet.c): ordinals in every language,
 * talks between the two sides, verbs of meeting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void ordinals_in_every_language(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        int ord;
    } cases[] = {
        /* each on 5 May 2025, or 12 December 2018 */
        {"en", "The 11th meeting of the working group took place on May 5, 2025.", 11},
        {"en", "The fifth conference took place on May 5, 2025.", 5},
        {"vi", "Ngày 5/5/2025, Phiên họp lần thứ 11 đã diễn ra.", 11},
        {"vi", "Ngày 5/5/2025, Hội nghị lần thứ V đã diễn ra.", 5},
        {"vi", "Ngày 5/5/2025, Hội đàm định kỳ lần thứ I đã diễn ra.", 1},
        /* "thứ tư" is also Wednesday: after "họp phiên" it is the fourth */
        {"vi", "Ngày 5/5/2025, tổ công tác liên ngành đã họp phiên thứ tư tại Cao Bằng.", 4},
        {"zh", "2025年5月5日，第十一次会议在昆明举行。", 11},
        {"zh", "2025年5月5日，第11次会议在昆明举行。", 11},
        {"zh", "2025年5月5日，第二十三届会议在昆明举行。", 23},
        {"fr", "La 7e réunion a eu lieu le 12 décembre 2018.", 7},
        {"fr", "La XIe réunion a eu lieu le 12 décembre 2018.", 11},
        {"pl", "11. spotkanie odbyło się 5 maja 2025 r.", 11},
        {"pl", "Piąta konferencja odbyła się 5 maja 2025 r.", 5},
        {"sv", "Det elfte mötet hölls den 5 maj 2025.", 11},
        {"sv", "Den 10:e sessionen hölls den 5 maj 2025.", 10},
        {"nl", "De 5e conferentie vond plaats op 5 mei 2025.", 5},
        {"nl", "De vijfde conferentie vond plaats op 5 mei 2025.", 5},
        {"nl", "De XIIe bijeenkomst vond plaats op 5 mei 2025.", 12},
        /* numbered by the times they met */
        {"nl", "Op 5 mei 2025 kwamen Lao Cai en Hekou voor de elfde keer bijeen.", 11},
        {"nl", "Op 5 mei 2025 kwamen Lao Cai en Hekou voor de elfde keer bijeen in een werksessie.",
         11},
        {"nl", "Op 5 mei 2025 kwamen Lao Cai en Hekou voor de 17e maal bijeen.", 17},
        {"nl", "Het was de zeventiende keer dat Lao Cai en Hekou bijeenkwamen, op 5 mei 2025.", 17},
        /* Roman with "de", words past twenty, rounds and periodic talks */
        {"nl", "De XVIIde bijeenkomst vond plaats op 5 mei 2025.", 17},
        {"nl", "De tweeëntwintigste bijeenkomst vond plaats op 5 mei 2025.", 22},
        {"nl", "Op 5 mei 2025 hielden Lao Cai en Hekou hun zeventiende overlegronde.", 17},
        {"nl", "Op 5 mei 2025 hielden Lao Cai en Hekou hun 17e periodieke gesprekken.", 17},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        if (x.nmeetings != 1 || x.meetings[0].ordinal != cases[i].ord)
            fail_msg("%s: %zu meetings, ordinal %d", cases[i].text, x.nmeetings,
                     x.nmeetings ? x.meetings[0].ordinal : -1);
        assert_true(strcmp(x.meetings[0].date, "2025-05-05") == 0 ||
                    strcmp(x.meetings[0].date, "2018-12-12") == 0);
        bc_extraction_free(&x);
    }
    /* a number that is no ordinal: "the 6th time", a fair's edition, a count */
    bc_extraction x = run("en", NULL, "The 11th edition of the fair opened. It was the 6th time.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    /* a time of something else than meeting */
    x = run("nl", NULL, "Lao Cai was op 5 mei 2025 voor de tweede keer gastheer van de beurs.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    x = run("nl", NULL, "Lao Cai won op 5 mei 2025 voor de derde maal de prijs van de beurs.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
}

static void chinese_numbered_talks_and_first_meetings(void **state)
{
    (void)state;
    /* talks take a number too; "首次" before the noun is the first */
    bc_extraction x =
        run("zh", "2023-05-20", "2023年5月16日，红河州与越南老街省在河口县举行第5次定期会谈。");
    assert_string_equal(meet(&x, "", 5)->date, "2023-05-16");
    bc_extraction_free(&x);
    x = run("zh", NULL, "2019年9月3日，两市以视频方式举行首次会议。");
    assert_string_equal(meet(&x, "", 1)->date, "2019-09-03");
    bc_extraction_free(&x);
    /* "for the first time" far from any meeting noun is no ordinal */
    x = run("zh", NULL, "2023年5月16日，两地边防部门首次联合开展边境巡逻并举行会谈。");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_int_equal(x.meetings[i].ordinal, 0);
    bc_extraction_free(&x);
    /* the first in a while is no number of a series */
    static const char *const firsts[][2] = {
        {"pl", "Tytuł\n\nW piątek 9 maja odbyło się w Lang Son pierwsze od trzech lat spotkanie "
               "delegacji Lang Son i Kuangsi (Chiny)."},
        {"nl", "Titel\n\nOp 9 mei was er in Lang Son de eerste bijeenkomst sinds de fusie van "
               "Lang Son en Guangxi (China)."},
    };
    for (size_t k = 0; k < 2; k++) {
        x = run(firsts[k][0], "2025-05-10", firsts[k][1]);
        assert_true(x.nmeetings >= 1);
        for (size_t i = 0; i < x.nmeetings; i++)
            assert_int_equal(x.meetings[i].ordinal, 0);
        bc_extraction_free(&x);
    }
}

static void french_talks_and_named_meetings_beside_numbered_ones(void **state)
{
    (void)state;
    bc_extraction x = run("fr", NULL,
                          "Des dirigeants de Cao Bang et de Chongzuo (Chine) ont tenu des "
                          "pourparlers le 1er mars à Cao Bang.");
    assert_string_equal(meet(&x, "", 0)->date, "--03-01");
    bc_extraction_free(&x);
    x = run("fr", NULL,
            "Le 14 décembre, les dirigeants de Cao Bang et ceux de Baise (Chine) se sont "
            "retrouvés à Tra Linh.");
    assert_string_equal(meet(&x, "", 0)->date, "--12-14");
    bc_extraction_free(&x);
    /* a named meeting beside a numbered one counts in any sentence, not only the last
     * sentence that has a numbered one */
    x = run("vi", NULL,
            "Ngày 20/2/2025 đã diễn ra Hội nghị lần thứ 16 Ủy ban công tác liên hợp. Kể từ "
            "Gặp gỡ đầu Xuân và Hội nghị lần thứ 15 Ủy ban công tác liên hợp tổ chức tại Bắc "
            "Hải vào tháng 2/2024, hợp tác được đẩy mạnh. Hội nghị lần thứ 17 sẽ diễn ra năm "
            "2026.");
    assert_string_equal(meet(&x, "", 0)->date, "2024-02");
    bc_extraction_free(&x);
}

static void talks_between_the_two_sides(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2023-12-01",
                          "On Nov. 30, a delegation of the Guangxi regional government held "
                          "talks in Lang Son with provincial leaders.");
    assert_int_equal(x.nmeetings, 1);
    assert_int_equal(x.meetings[0].kind, BC_XM_TALKS);
    assert_string_equal(x.meetings[0].date, "2023-11-30");
    bc_extraction_free(&x);
    x = run("zh", NULL, "3月12日，崇左市与越南谅山省在谅山市举行工作会谈。");
    assert_string_equal(meet(&x, "", 0)->date, "--03-12");
    bc_extraction_free(&x);
    /* one side alone is no meeting between the two */
    x = run("en", NULL, "On May 5, 2025, Lao Cai officials held talks with local businesses.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    /* talks without a day are no meeting one can identify */
    x = run("en", NULL, "Lao Cai and Yunnan officials held talks on trade.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    /* talks on the day of a named meeting are that meeting */
    x = run("vi", NULL,
            "Ngày 20/2/2025 diễn ra Hội nghị lần thứ 16 Ủy ban công tác liên hợp giữa Quảng "
            "Ninh, Lạng Sơn và Quảng Tây. Ngày 20/2/2025, hai bên đã hội đàm.");
    assert_int_equal(x.nmeetings, 1);
    assert_int_equal(x.meetings[0].cite.nquotes, 2);
    bc_extraction_free(&x);
    /* both countries named as such; a working consultation (werkoverleg) */
    x = run("sv", "2025-03-14",
            "Rubrik\n\nDen 11 mars höll tullmyndigheterna från båda länderna ett arbetsmöte "
            "vid gränsövergången.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2025-03-11");
    bc_extraction_free(&x);
    x = run("nl", "2025-11-04",
            "Titel\n\nCao Bang en de Chinese stad Chongzuo hebben eind oktober in Cao Bang een "
            "werkoverleg gehouden.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2025-10");
    bc_extraction_free(&x);
}

static void verbs_of_meeting(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *ref, *text, *date;
    } cases[] = {
        {"pl", "2024-06-14",
         "Delegacje prowincji Lao Cai i chińskiej prowincji Junnan spotkały się we wtorek (11 "
         "czerwca) w mieście Lao Cai.",
         "2024-06-11"},
        {"nl", "2024-06-15",
         "De dag ervoor, dinsdag 11 juni, hadden douanedeskundigen van beide kanten in "
         "Pingxiang gesproken over de proef.",
         "2024-06-11"},
        {"fr", "2025-02-20",
         "Début février, les douanes des deux côtés avaient eu une séance de travail à "
         "Dongxing.",
         "2025-02"},
        /* the pluperfect of meeting, and holding a meeting */
        {"fr", "2026-04-13",
         "Plus tôt, le 9 avril, les gardes-frontières des deux provinces s'étaient réunis au "
         "poste de Hekou.",
         "2026-04-09"},
        {"fr", "2026-04-13",
         "Le 10 avril, les douaniers des deux côtés ont tenu une réunion au poste de Kim Thanh.",
         "2026-04-10"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, cases[i].ref, cases[i].text);
        if (x.nmeetings != 1 || strcmp(x.meetings[0].date, cases[i].date) != 0)
            fail_msg("%s: %zu meetings, first dated %s", cases[i].text, x.nmeetings,
                     x.nmeetings ? x.meetings[0].date : "-");
        bc_extraction_free(&x);
    }
    /* a verb of meeting gives way to the meeting noun after it: the spring meeting */
    bc_extraction x = run("pl", "2024-03-01",
                          "Sekretarze partii prowincji Quang Ninh, Lang Son, Cao Bang i Ha Giang "
                          "oraz sekretarz komitetu partii regionu Guangxi spotkali się 28 lutego "
                          "w Beihai na dorocznym spotkaniu wiosennym.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].mechanism, "spring-meeting-guangxi");
    assert_string_equal(x.meetings[0].date, "2024-02-28");
    bc_extraction_free(&x);
}

/* Talks numbered by an ordinal right before them, or with words of a round or a yearly one
 * between ("XIV rozmowy", "czwarta runda rozmow", "the 9th annual talks"); an ordinal of
 * a time ("po raz drugi") numbers nothing. */
static void numbered_talks(void **state)
{
    (void)state;
    bc_extraction x =
        run("pl", "2025-05-10",
            "Tytuł\n\nKolejne, XIV rozmowy Lang Son i Chongzuo (Chiny) zaplanowano na "
            "maj 2026 r.");
    assert_int_equal(meet(&x, "", 14)->kind, BC_XM_NUMBERED);
    bc_extraction_free(&x);
    x = run("pl", "2025-05-10",
            "Tytuł\n\nW piątek 9 maja Cao Bang i Baise (Chiny) przeprowadziły czwartą rundę "
            "rozmów handlowych.");
    assert_string_equal(meet(&x, "", 4)->date, "2025-05-09");
    bc_extraction_free(&x);
    x = run("en", "2025-05-10",
            "Title\n\nOn May 9, Lai Chau and Honghe of China held their 9th annual talks.");
    assert_string_equal(meet(&x, "", 9)->date, "2025-05-09");
    bc_extraction_free(&x);
    x = run("pl", "2025-05-10",
            "Tytuł\n\nW piątek 9 maja sekretarz Lang Son po raz drugi przyjął delegację z "
            "Kuangsi (Chiny).");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_int_equal(x.meetings[i].ordinal, 0);
    bc_extraction_free(&x);
}

/* Talks a quarter numbers are not numbered ("the second-quarter talks"), and an
 * ordinal alone in commas after its meeting noun ("la prochaine seance de travail ..., la
 * 6e,", "De volgende vergadering, de twaalfde,"). */
static void numbered_talks_and_ordinals_in_an_aside(void **state)
{
    (void)state;
    bc_extraction x = run("en", NULL,
                          "Title\n\nBorder guards of Lao Cai and Hekou of China held their 9th "
                          "annual talks in Lao Cai. Their second-quarter talks with China are "
                          "due in May.");
    assert_non_null(meet(&x, "", 9));
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_int_not_equal(x.meetings[i].ordinal, 2);
    bc_extraction_free(&x);
    x = run("fr", NULL,
            "Titre\n\nLa prochaine séance de travail entre Lao Cai et Hekou (Chine), la 4e, est "
            "prévue en mai.");
    assert_non_null(meet(&x, "", 4));
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "Titel\n\nDe volgende vergadering van Lao Cai en het Chinese Hekou, de achtste, "
            "staat gepland voor mei.");
    assert_non_null(meet(&x, "", 8));
    bc_extraction_free(&x);
}

/* Talks named as held on the sidelines of another meeting are a meeting of their own, on
 * the day they are given ("the same day" of that meeting), not merged into it; the noun of
 * the meeting the sidelines belong to is no second meeting. */
static void talks_on_the_sidelines(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"en", "The 7th meeting of the joint working committee opened in Nanning on March 3. On "
               "the sidelines of the meeting, the Lang Son party secretary met the chairman of "
               "Guangxi the same afternoon."},
        {"fr", "La 7e réunion du comité mixte de travail s'est ouverte à Nanning le 3 mars. En "
               "marge de la réunion, le même jour, le secrétaire du Parti de Lang Son a reçu le "
               "président du Guangxi."},
        {"nl", "De 7e vergadering van het gezamenlijke comité werd op 3 maart in Nanning "
               "geopend. In de marge van de vergadering had de partijsecretaris van Lang Son "
               "dezelfde dag een werkgesprek met de voorzitter van Guangxi."},
        {"pl", "7. posiedzenie wspólnego komitetu rozpoczęło się 3 marca w Nanning. Na marginesie "
               "posiedzenia sekretarz partii Lang Son tego samego dnia przyjął przewodniczącego "
               "Kuangsi."},
        {"sv", "Det 7:e mötet i den gemensamma kommittén öppnades den 3 mars i Nanning. I "
               "marginalen av mötet träffade partisekreteraren i Lang Son samma dag ordföranden "
               "för Guangxi."},
        {"vi", "Ngày 3/3, Phiên họp lần thứ 7 của Ủy ban công tác liên hợp khai mạc tại Nam Ninh. "
               "Bên lề Phiên họp, cùng ngày, Bí thư Tỉnh ủy Lạng Sơn đã hội kiến Chủ tịch Khu "
               "tự trị Quảng Tây."},
        {"zh", "3月3日，联合工作委员会第七次会议在南宁开幕。会议间隙，谅山省委书记当天会见了"
               "广西壮族自治区主席。"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        for (int pub = 0; pub < 2; pub++) {
            const char *want = pub ? "2025-03-03" : "--03-03";
            bc_extraction x = run(cases[i].lang, pub ? "2025-03-05" : NULL, cases[i].text);
            const bc_xmeeting *talks = NULL;
            for (size_t k = 0; k < x.nmeetings; k++)
                if (x.meetings[k].ordinal == 0)
                    talks = &x.meetings[k];
            if (x.nmeetings != 2 || talks == NULL || strcmp(talks->date, want) != 0 ||
                !talks->sideline || strcmp(meet(&x, x.meetings[0].mechanism, 7)->date, want) != 0)
                fail_msg("%s: %zu meetings, the talks %s", cases[i].text, x.nmeetings,
                         talks ? talks->date : "missing");
            bc_extraction_free(&x);
        }
    /* talks before the words of sidelines are the ones the article reported: no new one */
    bc_extraction x = run("en", NULL,
                          "On March 2, the Lang Son party secretary held a working session with "
                          "the chairman of Guangxi. The working session took place on the "
                          "sidelines of the 7th meeting of the joint working committee, held on "
                          "March 3.");
    assert_int_equal(x.nmeetings, 2);
    assert_string_equal(meet(&x, "", 0)->date, "--03-02");
    assert_false(meet(&x, "", 0)->sideline);
    bc_extraction_free(&x);
}

/* A video conference is talks ("held a video conference", "une visioconférence",
 * "videoconferentie", "telekonferencja", "videomöte", "cuộc họp trực tuyến", "视频会议");
 * "the two delegations" name both sides; a Dutch verb of coming with its particle at the
 * end of its clause is a verb of meeting ("komt ... bijeen", "kwamen ... samen"). */
static void video_conferences_delegations_and_split_verbs(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *date;
    } cases[] = {
        {"en",
         "The provinces of Lao Cai and Yunnan held a video conference on May 6 on customs "
         "clearance.",
         "2025-05-06"},
        {"fr", "Lao Cai et le Yunnan ont tenu le 6 mai une visioconférence sur le dédouanement.",
         "2025-05-06"},
        {"nl", "Lao Cai en Yunnan hielden op 6 mei een videoconferentie over de douane.",
         "2025-05-06"},
        {"pl", "Lao Cai i Junnan przeprowadziły 6 maja telekonferencję w sprawie odpraw celnych.",
         "2025-05-06"},
        {"sv", "Lao Cai och Yunnan höll den 6 maj ett videomöte om tullklareringen.", "2025-05-06"},
        {"vi", "Ngày 6/5, tỉnh Lào Cai và tỉnh Vân Nam tổ chức cuộc họp trực tuyến về thông quan.",
         "2025-05-06"},
        {"zh", "5月6日，云南省与越南老街省召开视频会议，就通关便利化进行磋商。", "2025-05-06"},
        /* both delegations, no province on the other side named */
        {"en", "Before the ceremony, the two delegations met on May 6 in Lao Cai.", "2025-05-06"},
        {"pl", "Obie delegacje spotkały się 6 maja w Lao Cai.", "2025-05-06"},
        {"sv", "De två delegationerna träffades den 6 maj i Lao Cai.", "2025-05-06"},
        {"nl", "Beide delegaties kwamen op 6 mei in Lao Cai samen.", "2025-05-06"},
        {"nl", "De twee delegaties komen op 20 mei opnieuw in Lao Cai bijeen.", "2025-05-20"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2025-05-10", cases[i].text);
        if (x.nmeetings != 1 || strcmp(x.meetings[0].date, cases[i].date) != 0)
            fail_msg("%s: %zu meetings, first dated %s", cases[i].text, x.nmeetings,
                     x.nmeetings ? x.meetings[0].date : "-");
        bc_extraction_free(&x);
    }
    /* "komt ... samen" needs its particle at the end of the clause; "op gang komen" is no
     * meeting, nor is "samen" inside a clause */
    bc_extraction x = run("nl", "2025-05-10",
                          "Lao Cai en Yunnan verwachten dat de handel op 6 mei op gang komt, samen "
                          "met het toerisme.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    x = run("nl", "2025-05-10",
            "Op 6 mei kwam de minister van Lao Cai samen met Chinese ondernemers aan in Yunnan.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
}

/* A proposal or a plan to meet ("proposed that the two sides hold", "a proposé que ... se
 * réunissent", "đề nghị hai bên tổ chức cuộc gặp", "建议双方...举行") is of a meeting to
 * come, with or without a publication date to compare its day with. */
static void proposals_to_meet_are_planned(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *date;
    } cases[] = {
        {"en",
         "The governor proposed that the two sides hold talks on rail freight in Hekou on "
         "May 20.",
         "--05-20"},
        {"en", "Both sides plan to hold talks in Lang Son on June 3.", "--06-03"},
        {"fr",
         "Le gouverneur a proposé que les deux délégations se réunissent le 5 mai à Lao "
         "Cai.",
         "--05-05"},
        {"vi",
         "Ông Nguyễn Văn Sơn đề nghị hai bên tổ chức cuộc gặp giữa các sở ngoại vụ vào "
         "ngày 5/5 tại Lào Cai.",
         "--05-05"},
        {"zh", "王明建议双方于5月20日在河口举行会谈。", "--05-20"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "Title\n\n%s", cases[i].text);
        bc_extraction x = run(cases[i].lang, NULL, text);
        const bc_xmeeting *m = meet(&x, "", 0);
        assert_string_equal(m->date, cases[i].date);
        assert_string_equal(m->status, "planned");
        bc_extraction_free(&x);
    }
    /* what was proposed at talks that took place is no proposal to meet */
    bc_extraction x = run("en", NULL,
                          "Title\n\nThe two sides held talks in Hekou on May 20, where the "
                          "governor proposed that customs extend opening hours.");
    assert_string_equal(meet(&x, "", 0)->status, "held");
    bc_extraction_free(&x);
}

/* A meeting written as a compound is known by its head, the compound's last part
 * ("grensoverleg", "telefoongesprekken", "douanebespreking", "gransmote", "videomotet"), and
 * talks by video link in every language; a compound whose first part is the meeting word
 * names something else ("overlegorgaan" is a body, "vergaderzaal" and "motesrum" rooms). */
static void compound_meeting_nouns(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *date;
    } talks[] = {
        {"nl", "Op 14 mei hielden Lao Cai en Yunnan een grensoverleg in Hekou.", "--05-14"},
        {"nl", "Op 3 juni voerden Mong Cai en Dongxing telefoongesprekken over de brug.",
         "--06-03"},
        {"nl",
         "Op 9 april vond in Lang Son een douanebespreking tussen Lang Son en Guangxi plaats.",
         "--04-09"},
        {"nl", "Lao Cai en Yunnan hielden op 2 juli een videoconferentie over de spoorlijn.",
         "--07-02"},
        {"sv", "Den 12 mars höll Lao Cai och Yunnan ett gränsmöte i Hekou.", "--03-12"},
        {"sv", "Lao Cai och Guangxi hade den 8 april ett videomöte om gränshandeln.", "--04-08"},
        {"en", "On May 20, Lao Cai and Yunnan officials held a videoconference on trade.",
         "--05-20"},
        {"fr", "Le 20 mai, Lao Cai et le Yunnan ont tenu une visioconférence sur le commerce.",
         "--05-20"},
    };
    for (size_t i = 0; i < sizeof talks / sizeof talks[0]; i++) {
        bc_extraction x = run(talks[i].lang, NULL, talks[i].text);
        if (x.nmeetings != 1 || strcmp(x.meetings[0].date, talks[i].date) != 0)
            fail_msg("%s: %zu meetings, date %s", talks[i].text, x.nmeetings,
                     x.nmeetings ? x.meetings[0].date : "-");
        bc_extraction_free(&x);
    }
    static const struct {
        const char *lang, *text;
    } none[] = {
        {"nl", "Op 14 mei richtten Lao Cai en Yunnan een overlegorgaan op."},
        {"nl", "Op 14 mei werd in Lao Cai een vergaderzaal voor Yunnan en Lao Cai geopend."},
        {"sv", "Den 12 mars invigde Lao Cai ett mötesrum för Yunnan."},
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        bc_extraction x = run(none[i].lang, NULL, none[i].text);
        if (x.nmeetings != 0)
            fail_msg("%s: %zu meetings", none[i].text, x.nmeetings);
        bc_extraction_free(&x);
    }
}

/* A verb of meeting whose sentence names the sidelines after it ("Dezelfde dag spraken in
 * de marge van de vergadering A en B") is a meeting of its own; hosting guests is a
 * reception ("podejmowal chinskich gosci"); talks in a clause of when after a date things
 * are counted from ("sinds juni 2019, toen ... spraken") took place on that date, and "the
 * first ... since" numbers nothing. */
static void sidelines_receptions_and_meetings_recalled(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } sides[] = {
        {"nl", "De tiende vergadering van de werkgroep werd op 12 juni in Kunming gehouden. "
               "Dezelfde dag spraken in de marge van de vergadering de voorzitter van Lao Cai en "
               "de gouverneur van Yunnan over de spoorlijn."},
        {"sv", "Arbetsgruppens tionde möte hölls i Kunming den 12 juni. Samma dag träffades "
               "ordföranden i Lao Cai och guvernören i Yunnan i marginalen av mötet."},
    };
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        bc_extraction x = run(sides[i].lang, "2025-06-14", sides[i].text);
        const bc_xmeeting *t = x.nmeetings == 2 ? meet(&x, "", 0) : NULL;
        if (t == NULL || strcmp(t->date, "2025-06-12") != 0 || !t->sideline)
            fail_msg("%s: %zu meetings", sides[i].text, x.nmeetings);
        bc_extraction_free(&x);
    }
    bc_extraction x = run("pl", "2024-09-13",
                          "Ha Giang i Wenshan\n\nHa Giang (PAP) – 12 września władze Ha Giang i "
                          "Wenshanu przeprowadziły rozmowy. W środę wieczorem sekretarz komitetu "
                          "partyjnego Ha Giang podejmował chińskich gości w siedzibie władz.");
    assert_int_equal(x.nmeetings, 2);
    assert_true(strcmp(x.meetings[0].date, "2024-09-11") == 0 ||
                strcmp(x.meetings[1].date, "2024-09-11") == 0);
    bc_extraction_free(&x);
    x = run("pl", NULL, "Przewodniczący Lao Cai podjął 5 maja delegację z Junnanu.");
    assert_string_equal(meet(&x, "", 0)->date, "--05-05");
    bc_extraction_free(&x);
    static const struct {
        const char *lang, *text;
    } recalled[] = {
        {"nl", "Grenswachten Lang Son en Guangxi\n\nOp 18 december voerden de grenswachten van "
               "Lang Son en Guangxi gesprekken in Pingxiang. Het was het eerste overleg op "
               "provinciaal niveau sinds juni 2019, toen beide diensten elkaar in Dong Dang "
               "spraken."},
        {"en", "Lao Cai and Yunnan border guards\n\nOn December 18, border guards of Lao Cai and "
               "Yunnan held talks in Hekou. It was the first meeting at provincial level since "
               "June 2019, when the border guards of Lao Cai and Yunnan met in Lao Cai."},
        {"pl", "Straż graniczna Lao Cai i Junnanu\n\n18 grudnia straż graniczna Lao Cai i "
               "Junnanu przeprowadziła rozmowy w Hekou. Były to pierwsze rozmowy na tym szczeblu "
               "od czerwca 2019 r., kiedy strony rozmawiały w Lao Cai."},
    };
    for (size_t i = 0; i < sizeof recalled / sizeof recalled[0]; i++) {
        x = run(recalled[i].lang, NULL, recalled[i].text);
        int found = 0;
        for (size_t k = 0; k < x.nmeetings; k++) {
            found = found || strcmp(x.meetings[k].date, "2019-06") == 0;
            if (x.meetings[k].ordinal != 0)
                fail_msg("%s: numbered %d", recalled[i].text, x.meetings[k].ordinal);
        }
        if (x.nmeetings != 2 || !found)
            fail_msg("%s: %zu meetings, none of June 2019", recalled[i].text, x.nmeetings);
        bc_extraction_free(&x);
    }
    /* a date things are counted from, no clause of when: no meeting of its own */
    x = run("nl", NULL,
            "Op 18 december voerden de grenswachten van Lang Son en Guangxi gesprekken in "
            "Pingxiang, het eerste overleg sinds juni 2019.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "--12-18");
    bc_extraction_free(&x);
}

/* Meetings of a kind in the plural are no meeting; talks named by their date ("the May 20
 * opening session", "Thursday's talks") are the meeting of that day told before, or one of
 * their own on that date ("last October's working session"); what a meeting produced
 * ("the commitments agreed at the 9th meeting") says it took place. */
static void kinds_talks_named_by_their_date_and_outcomes(void **state)
{
    (void)state;
    const char *plural = "Title\n\nThe practice of annual conferences was agreed in March 2021, "
                         "and the plan was reviewed when a Hekou delegation held a working "
                         "session with Lao Cai officials on November 4 last year.";
    bc_extraction x = run("en", NULL, plural);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "--11-04");
    bc_extraction_free(&x);
    x = run("en", "2025-06-01", plural);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-11-04");
    bc_extraction_free(&x);
    /* the day's session again: one meeting, two statements */
    x = run("en", NULL,
            "Title\n\nLang Son and Chongzuo of China held their third border trade conference in "
            "Lang Son on May 20-21.\n\nThe May 20 opening session was chaired by the vice "
            "chairmen of Lang Son and Chongzuo.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "--05-20");
    assert_int_equal(x.meetings[0].ordinal, 3);
    assert_int_equal(x.meetings[0].cite.nquotes, 2);
    bc_extraction_free(&x);
    /* "Thursday's talks" are Thursday's; the session named by its month is another */
    const char *talks = "Title\n\nLeaders of Lao Cai and Yunnan of China held talks in Lao Cai "
                        "on Thursday.\n\nThursday's talks built on last October's working "
                        "session in Hekou, where both sides signed a memorandum on fruit trade.";
    x = run("en", "2025-03-14", talks);
    assert_int_equal(x.nmeetings, 2);
    assert_true(has_date(&x, "2025-03-13"));
    assert_true(has_date(&x, "2024-10"));
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_int_equal(x.meetings[k].cite.nquotes,
                         strcmp(x.meetings[k].date, "2025-03-13") == 0 ? 2 : 1);
    bc_extraction_free(&x);
    x = run("en", NULL, talks); /* no weekday nor last October without a reference */
    for (size_t k = 0; k < x.nmeetings; k++)
        assert_string_equal(x.meetings[k].date, "");
    bc_extraction_free(&x);
    /* a proposal about what a meeting agreed: that meeting took place */
    const char *agreed = "The governor proposed that both sides carry out the commitments "
                         "agreed at the 9th meeting of the joint working group, held in Hanoi "
                         "in May 2023.";
    x = run("en", "2025-06-01", agreed);
    assert_string_equal(meet(&x, "", 9)->date, "2023-05");
    assert_string_equal(meet(&x, "", 9)->status, "held");
    bc_extraction_free(&x);
    x = run("en", NULL, agreed);
    assert_string_equal(meet(&x, "", 9)->date, "2023-05");
    bc_extraction_free(&x);
    /* since a year, what has been held every time: no meeting */
    x = run("en", "2025-03-01",
            "Title\n\nSince 2019 the spring meeting of the party secretaries of Quang Ninh, Lang "
            "Son, Cao Bang, Ha Giang and Guangxi and the joint working committee conference have "
            "been held one after the other, officials said.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    /* a Chinese character right before a meeting of an English text is looked up against
     * words shorter than it (under ASan: read within them) */
    x = run("en", NULL, "Officials recalled 河口 11th meeting of the working group in 2023.");
    assert_int_equal(meet(&x, "", 11)->ordinal, 11);
    bc_extraction_free(&x);
}

/* "首次" after a time ("今年首次会晤", "三年来首次", "疫情后首次") is the first in a while,
 * no number of a series: the talks told again, no meeting numbered 1; "首次会晤" alone is. */
static void the_first_of_a_time_is_no_number(void **state)
{
    (void)state;
    static const char *const again[] = {
        "崇左市与越南谅山省于3月3日举行会谈。此次会谈是两地今年首次会晤。会上，双方签署了备忘录。",
        "崇左市与越南谅山省于3月3日举行会谈。这是两地三年来首次会晤。",
        "崇左市与越南谅山省于3月3日举行会谈。这是疫情后首次会晤。",
    };
    for (size_t i = 0; i < sizeof again / sizeof again[0]; i++) {
        bc_extraction x = run("zh", "2025-03-05", again[i]);
        if (x.nmeetings != 1 || x.meetings[0].ordinal != 0 ||
            strcmp(x.meetings[0].date, "2025-03-03") != 0)
            fail_msg("%s: %zu meetings, first numbered %d", again[i], x.nmeetings,
                     x.nmeetings ? x.meetings[0].ordinal : -1);
        bc_extraction_free(&x);
    }
    bc_extraction x = run("zh", "2025-03-05", "崇左市与越南谅山省于3月3日举行首次会晤。");
    assert_int_equal(x.nmeetings, 1);
    assert_int_equal(x.meetings[0].ordinal, 1);
    bc_extraction_free(&x);
}

/* Dutch talks by their idioms: sitting down at the table ("om tafel"), speaking or
 * discussing with a partner ("besprak ... met"), a round or an edition of talks named
 * before ("De zesde ronde", "de derde editie van het overleg"), and "die dag" for the day
 * last named. Not what a meeting discussed ("De delegaties bespraken de knelpunten"), nor
 * a round of something else ("de tweede ronde van de aanbesteding"). */
static void dutch_table_partners_rounds_and_that_day(void **state)
{
    (void)state;
    static const struct {
        const char *text, *date;
        int ord;
    } cases[] = {
        {"Op 4 maart zaten de douanediensten van Lang Son met hun Chinese collega's om tafel.",
         "2025-03-04", 0},
        {"In april zaten Ha Giang en Wenshan voor de negende keer om de tafel.", "2025-04", 9},
        {"Op 2 mei besprak de voorzitter van Cao Bang in Nanning met de gouverneur van Guangxi "
         "de nieuwe brug.",
         "2025-05-02", 0},
        {"Op 2 mei sprak de partijsecretaris van Lai Chau in Kunming met zijn Chinese collega.",
         "2025-05-02", 0},
        {"De zesde ronde vond in maart 2025 plaats in Hekou.", "2025-03", 6},
        {"De derde editie van het overleg vond in maart 2025 plaats in Hekou.", "2025-03", 3},
        {"Lao Cai en Yunnan openden op 6 mei een nieuwe rijstrook. Later die dag hielden Lao "
         "Cai en Yunnan overleg over de douane.",
         "2025-05-06", 0},
        /* sitting together, meeting each other, negotiating, talking; a month dates a
         * reception or talks had */
        {"Op 7 mei zaten de douanediensten van Lao Cai en Hekou samen in Hekou.", "2025-05-07", 0},
        {"De partijsecretarissen van Lao Cai en Yunnan troffen elkaar op 7 mei in Kunming.",
         "2025-05-07", 0},
        {"Op 7 mei onderhandelden Lang Son en Guangxi over de vrachtroute.", "2025-05-07", 0},
        {"Op 7 mei praatten de voorzitters van Lao Cai en Yunnan in Hekou over de brug.",
         "2025-05-07", 0},
        {"Begin april ontving de voorzitter van Lao Cai een delegatie uit Honghe.", "2025-04", 0},
        {"Eind april hadden Lao Cai en Yunnan een videogesprek.", "2025-04", 0},
        /* the Dutch present of talks to come: a month after the report's dates them */
        {"Lao Cai en Yunnan houden in juni opnieuw overleg in Hekou.", "2025-06", 0},
        {"Op 7 mei verwelkomde Lang Son een delegatie uit Guangxi.", "2025-05-07", 0},
        /* a day of the report's month alone ("op de 3e"), coming together somewhere */
        {"Op de 3e hielden Lao Cai en Yunnan overleg in Hekou.", "2025-05-03", 0},
        {"Lao Cai en Yunnan kwamen op de 3de bijeen in Hekou.", "2025-05-03", 0},
        {"De delegaties van Lao Cai en Yunnan kwamen op 7 mei samen in Hekou.", "2025-05-07", 0},
        {"Lao Cai en Hekou hebben op 7 mei in Hekou afspraken gemaakt over de douane.",
         "2025-05-07", 0},
        /* the times set off after the clause of coming together */
        {"De werkgroep van Lao Cai en Yunnan kwam op 7 mei bijeen in Hekou, voor de elfde keer.",
         "2025-05-07", 11},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "Titel\n\n%s", cases[i].text);
        bc_extraction x = run("nl", "2025-05-20", text);
        int found = 0;
        for (size_t k = 0; k < x.nmeetings; k++)
            found = found || (strcmp(x.meetings[k].date, cases[i].date) == 0 &&
                              x.meetings[k].ordinal == cases[i].ord);
        if (!found)
            fail_msg("%s: %zu meetings, first dated %s", cases[i].text, x.nmeetings,
                     x.nmeetings ? x.meetings[0].date : "-");
        bc_extraction_free(&x);
    }
    /* the times of something else after the comma: no number */
    {
        bc_extraction y = run("nl", "2025-05-20",
                              "Titel\n\nDe werkgroep van Lao Cai en Yunnan kwam op 7 mei bijeen in "
                              "Hekou, voor de elfde keer gastheer.");
        for (size_t k = 0; k < y.nmeetings; k++)
            assert_int_equal(y.meetings[k].ordinal, 0);
        bc_extraction_free(&y);
    }
    /* what was discussed, an agreement made with someone, a round of a tender */
    static const char *const none[] = {
        "Tijdens de werksessie bespraken de delegaties van Lao Cai en Yunnan de knelpunten bij "
        "de douane.",
        "Op 2 mei sprak de gouverneur van Guangxi af met Lang Son de brug te openen.",
        "Op 2 mei sprak de minister van Lao Cai met journalisten over de Chinese markt.",
        "De tweede ronde van de aanbesteding voor de brug tussen Lao Cai en Hekou sloot op 2 "
        "mei.",
        "Op 2 mei zat de minister van Lao Cai in Hanoi.",
        "Begin april had Lao Cai een tekort aan vrachtwagens voor de handel met Yunnan.",
        /* the present of a month gone by says neither */
        "Lao Cai en Yunnan houden in maart overleg in Hekou.",
        "Op 7 mei werd de nieuwe rijstrook door handelaren in Lao Cai verwelkomd.",
        "Op 7 mei kwam Lao Cai samen met Chinese bedrijven in actie.",
        /* the date of what a relative clause describes, not of the talks */
        "De douane van Lao Cai en de Chinese douane van Hekou maakten afspraken over een "
        "controlestrook, die voor 30 juni gereed moet zijn.",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        bc_extraction x = run("nl", "2025-05-20", none[i]);
        if (x.nmeetings != 0)
            fail_msg("%s: %zu meetings", none[i], x.nmeetings);
        bc_extraction_free(&x);
    }
    bc_extraction x = run("en", "2025-07-20",
                          "At talks in Lai Chau earlier this year, Lai Chau and Honghe agreed to "
                          "reopen the crossing, which reopened on June 27 for a trial.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_not_equal(x.meetings[i].date, "2025-06-27");
    bc_extraction_free(&x);
}

/* Dutch meetings by what goes with them: a joint opening ("openden X en Y ... samen", a
 * ceremony of both; not "samen met" a firm), the first meeting in the clause of when after
 * a date things run since ("sinds maart 2020, toen de eerste vergadering ..."), the morning
 * of the day last named ("Diezelfde ochtend"); not a date a document dates from ("hun
 * akkoord uit mei 2023"), nor the how-manieth of a time ("de tweede ontmoeting binnen een
 * jaar", "de eerste keer dat Lai Chau het overleg ontvangt"). */
static void dutch_joint_openings_since_when_and_counts_of_a_time(void **state)
{
    (void)state;
    bc_extraction x = run("nl", "2025-05-20",
                          "Titel\n\nOp 6 mei openden Lao Cai en Yunnan bij de grens samen een "
                          "nieuwe vrachtterminal.");
    assert_string_equal(meet(&x, "", 0)->date, "2025-05-06");
    bc_extraction_free(&x);
    x = run("nl", "2025-05-20",
            "Titel\n\nOp 6 mei opende Lao Cai samen met Chinese bedrijven een nieuwe fabriek.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    x = run("nl", "2025-05-20",
            "Titel\n\nOp 6 mei openden Chinese en Vietnamese bedrijven samen een fabriek.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    /* the perfect, "samen" before the participle; not "samen met" */
    x = run("nl", "2025-05-20",
            "Titel\n\nLang Son en Guangxi hebben op 6 mei samen de verbrede vrachtroute in gebruik "
            "genomen.");
    assert_string_equal(meet(&x, "", 0)->date, "2025-05-06");
    bc_extraction_free(&x);
    x = run("nl", "2025-05-20",
            "Titel\n\nLang Son heeft op 6 mei samen met Chinese bedrijven uit Guangxi de fabriek "
            "geopend.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    x = run("nl", "2025-05-20",
            "Titel\n\nHet overleg van Lao Cai en Yunnan bestaat sinds maart 2020, toen de eerste "
            "vergadering per video verliep.");
    assert_string_equal(meet(&x, "", 1)->date, "2020-03");
    bc_extraction_free(&x);
    x = run("nl", "2025-05-20",
            "Titel\n\nOp 6 mei kwam de werkgroep van Lao Cai en Yunnan voor de derde keer "
            "bijeen. Diezelfde ochtend hadden Lao Cai en Yunnan hun 2e conferentie gehouden.");
    assert_string_equal(meet(&x, "", 2)->date, "2025-05-06");
    bc_extraction_free(&x);
    /* a document's date is no talks' date: "april" of the report's year dates them */
    x = run("nl", "2025-05-20",
            "Titel\n\nIn april spraken Cao Bang en Baise over hun akkoord uit mei 2023.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2025-04");
    bc_extraction_free(&x);
    static const char *const no_number[] = {
        "Op 6 mei was het de tweede ontmoeting van Lao Cai en Yunnan binnen een jaar.",
        "Op 6 mei hielden Lao Cai en Yunnan de eerste bijeenkomst van het jaar.",
        "Het is de eerste keer dat Lai Chau het overleg met Yunnan mag ontvangen.",
        /* "it was the second ... this year": the meetings of a time counted */
        "Het was al het tweede gesprek op topniveau tussen Quang Ninh en Guangxi dit jaar.",
        "It was the second such meeting between Lao Cai and Yunnan this year.",
    };
    for (size_t i = 0; i < sizeof no_number / sizeof no_number[0]; i++) {
        x = run(i + 1 == sizeof no_number / sizeof no_number[0] ? "en" : "nl", "2025-05-20",
                no_number[i]);
        for (size_t k = 0; k < x.nmeetings; k++)
            if (x.meetings[k].ordinal != 0)
                fail_msg("%s: ordinal %d", no_number[i], x.meetings[k].ordinal);
        bc_extraction_free(&x);
    }
}

/* Dutch meetings by more words for them: deliberation ("het beraad", "grensberaad"), a
 * reception by several ("ontvingen"), being together ("waren ... bijeen"), sitting or coming
 * together "bij elkaar" (past an apposition of names: "..., Ho Quang Huy en Li Jian, ..."),
 * attending "samen met" a partner of the other side ("woonde ... samen met Xu Yongke, ...
 * bij") and a
 * formal talk ("een onderhoud met"); not upkeep ("het onderhoud van de weg"), nor being "samen"
 * (together in a share), nor deliberation of one side alone. */
static void dutch_deliberation_receptions_and_being_together(void **state)
{
    (void)state;
    static const struct {
        const char *text, *date;
    } cases[] = {
        {"Het beraad tussen Ha Giang en Yunnan op 2 oktober leverde afspraken op.", "2025-10-02"},
        {"Op 2 oktober hielden Lao Cai en Honghe in Hekou een grensberaad.", "2025-10-02"},
        {"Op 3 oktober ontvingen de leiders van Cao Bang een delegatie uit Guangxi.", "2025-10-03"},
        {"Bestuurders van Lao Cai en Yunnan waren op 4 oktober in Hekou bijeen.", "2025-10-04"},
        {"Op 5 oktober kwamen de delegaties van Lang Son en Guangxi in Nanning bij elkaar.",
         "2025-10-05"},
        {"Op 7 oktober zaten de burgemeesters van Mong Cai en Dongxing, Ho Quang Huy en Li Jian, "
         "in Mong Cai bij elkaar.",
         "2025-10-07"},
        {"Op 8 oktober woonde de vicevoorzitter van Lang Son samen met Xu Yongke, vicevoorzitter "
         "van Guangxi, de start van de bouw bij.",
         "2025-10-08"},
        {"Op 6 oktober had de voorzitter van Lao Cai een onderhoud met de vicegouverneur van "
         "Yunnan.",
         "2025-10-06"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "Titel\n\n%s", cases[i].text);
        bc_extraction x = run("nl", "2025-10-20", text);
        if (x.nmeetings != 1 || strcmp(x.meetings[0].date, cases[i].date) != 0)
            fail_msg("%s: %zu meetings, first dated %s", cases[i].text, x.nmeetings,
                     x.nmeetings ? x.meetings[0].date : "-");
        bc_extraction_free(&x);
    }
    static const char *const none[] = {
        "In oktober waren Lao Cai en Yunnan samen goed voor een derde van de grenshandel.",
        "Na lang beraad besloot Lao Cai op 2 oktober de grenspost te sluiten.",
        "Op 4 oktober waren de vrachtwagens uit Lao Cai en Hekou weer op weg.",
        "Op 6 oktober begon het onderhoud van de weg tussen Lao Cai en Hekou.",
        "Op 8 oktober woonde de vicevoorzitter van Lang Son met veel belangstelling de opening "
        "van de Chinese beurs bij.",
        "Op 7 oktober zaten de burgemeesters van Mong Cai en Dongxing, die elkaar kennen, in de "
        "bus bij elkaar.",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        bc_extraction x = run("nl", "2025-10-20", none[i]);
        if (x.nmeetings != 0)
            fail_msg("%s: %zu meetings", none[i], x.nmeetings);
        bc_extraction_free(&x);
    }
}

/* Agreeing in Dutch, the particle "af" of "spraken ... af" closing its clause, is no talks
 * of that day ("spraken op 13 juli af om in september opnieuw bijeen te komen": the talks
 * are September's, to come); the infinitive and the present of coming together are a verb
 * of meeting ("bijeen te komen", "zullen ... bijeenkomen"), and the present of talks with
 * nothing said of the past is of talks to come ("komen ... opnieuw rond de tafel"). */
static void dutch_agreeing_to_meet_and_coming_together_to_come(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Titel\n\nLai Chau en Yunnan spraken op 13 juli af om in september opnieuw bijeen te "
        "komen.",
        "Titel\n\nLai Chau en Yunnan zullen in september in Kunming bijeenkomen.",
        "Titel\n\nLai Chau en Yunnan besloten op 13 juli om in september samen te komen in "
        "Kunming.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        bc_extraction x = run("nl", "2025-07-20", texts[i]);
        if (x.nmeetings != 1 || strcmp(x.meetings[0].date, "2025-09") != 0 ||
            strcmp(x.meetings[0].status, "planned") != 0)
            fail_msg("%s: %zu meetings, first dated %s", texts[i], x.nmeetings,
                     x.nmeetings ? x.meetings[0].date : "-");
        bc_extraction_free(&x);
    }
    /* the Dutch present of talks, without a publication date: to come, its year dates them */
    bc_extraction y = run("nl", NULL,
                          "Titel\n\nVolgens de directeur komen Ha Giang en Wenshan in het voorjaar "
                          "van 2026 opnieuw rond de tafel, dan in Wenshan.");
    assert_int_equal(y.nmeetings, 1);
    assert_string_equal(y.meetings[0].date, "2026");
    assert_string_equal(y.meetings[0].status, "planned");
    bc_extraction_free(&y);
    /* talks with "af" of another verb are talks still */
    bc_extraction x = run("nl", "2025-07-20",
                          "Titel\n\nOp 13 juli spraken Lai Chau en Yunnan in Lai Chau over de "
                          "grenspost, die af is.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2025-07-13");
    bc_extraction_free(&x);
}

/* Two numbered meetings joined by "en van de" ("gastheer van de derde jaarlijkse
 * conferentie van ..., en van de 9e vergadering van hun werkgroep") share the date one of
 * them has; not when a date of its own lies between them. */
static void dutch_numbered_meetings_joined_by_and_of(void **state)
{
    (void)state;
    bc_extraction x = run("nl", "2024-10-16",
                          "Titel\n\nEind maart 2023 was Ha Giang gastheer van de derde jaarlijkse "
                          "conferentie van de partijsecretarissen van Ha Giang, Lao Cai en Yunnan, "
                          "en van de 9e vergadering van hun gezamenlijke werkgroep.");
    assert_string_equal(meet(&x, "conference-yunnan", 3)->date, "2023-03");
    assert_string_equal(meet(&x, "", 9)->date, "2023-03");
    bc_extraction_free(&x);
    /* each its own date when one lies between them */
    x = run(
        "nl", "2024-10-16",
        "Titel\n\nHa Giang was gastheer van de derde conferentie van Ha Giang en Yunnan in maart "
        "2023, en van de 9e vergadering van hun werkgroep in juni 2023.");
    assert_string_equal(meet(&x, "", 9)->date, "2023-06");
    bc_extraction_free(&x);
}

/* A Dutch sentence that opens with "Toen" and its verb and writes no date ("Toen vond in
 * Hekou een vergadering ... plaats") is of the one date of the sentence before it in its
 * paragraph, a sentence naming no meeting; not "Toen de ..." (when), nor across a
 * paragraph. */
static void dutch_then_opening_takes_the_date_before(void **state)
{
    (void)state;
    static const char *const before = "Titel\n\nEerdere afspraken over de grenspost dateren van "
                                      "eind 2024.";
    char text[512];
    snprintf(text, sizeof text,
             "%s Toen vond in Hekou een vergadering van de douane van Lao Cai en Yunnan plaats.",
             before);
    bc_extraction x = run("nl", "2025-06-01", text);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024");
    bc_extraction_free(&x);
    static const char *const none[] = {
        " Toen de douane van Lao Cai en Yunnan in Hekou vergaderde, was de brug open.",
        "\n\nToen vond in Hekou een vergadering van de douane van Lao Cai en Yunnan plaats.",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        snprintf(text, sizeof text, "%s%s", before, none[i]);
        x = run("nl", "2025-06-01", text);
        for (size_t k = 0; k < x.nmeetings; k++)
            assert_string_not_equal(x.meetings[k].date, "2024");
        bc_extraction_free(&x);
    }
}

/* A meeting said to take place "toen" (then), inside its clause, in a sentence that writes
 * no date, takes the date of the meeting of the sentence before it in its paragraph ("...
 * de lentebijeenkomst van 2025, die in februari werd gehouden. Ook de 16e vergadering vond
 * toen plaats"); not "toen" of another clause, nor across a paragraph. */
static void a_meeting_held_then_takes_the_date_before(void **state)
{
    (void)state;
    static const char *const before = "Titel\n\nBeide voorzitters verwezen naar de "
                                      "Voorjaarsbijeenkomst van 2025, die in februari in Ha "
                                      "Long werd gehouden.";
    char text[512];
    snprintf(text, sizeof text, "%s Ook de 9e vergadering van de grenswachten vond toen plaats.",
             before);
    bc_extraction x = run("nl", "2025-06-01", text);
    assert_string_equal(meet(&x, "", 9)->date, "2025-02");
    bc_extraction_free(&x);
    static const char *const none[] = {
        " De 9e vergadering van de grenswachten ging over de brug, en ook toen was de douane "
        "er.",
        "\n\nOok de 9e vergadering van de grenswachten vond toen plaats.",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        snprintf(text, sizeof text, "%s%s", before, none[i]);
        x = run("nl", "2025-06-01", text);
        assert_string_equal(meet(&x, "", 9)->date, "");
        bc_extraction_free(&x);
    }
}

/* English "was hosted" said of a meeting named before it is that meeting's verb, no talks
 * that take its day; a delegation that was hosted was received: talks */
static void english_a_meeting_that_was_hosted(void **state)
{
    (void)state;
    bc_extraction x = run("en", NULL,
                          "Talks in Nanning\n\nThe talks came about five weeks after the 2023 "
                          "Spring Meeting of Party secretaries of Guangxi and the Vietnamese "
                          "provinces of Lang Son, Quang Ninh, Cao Bang and Ha Giang, which was "
                          "hosted via video link from Ha Giang on Feb. 22.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].date, "2023-02-22");
    assert_true(x.nmeetings >= 1);
    bc_extraction_free(&x);
    x = run("en", "2023-04-02",
            "Talks in Nanning\n\nThe delegation of Lang Son was hosted by Guangxi leaders in "
            "Nanning on March 30.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2023-03-30");
    bc_extraction_free(&x);
}

/* An English ordinal set off as "its" number after a meeting's noun numbers that meeting
 * ("The previous meeting of the committee, its 9th, took place in Hekou on May 4, 2021");
 * one after another noun ("Hekou, its 2nd busiest port, ...") numbers none. */
static void its_number_set_off_after_the_noun(void **state)
{
    (void)state;
    bc_extraction x =
        run("en", "2023-05-10",
            "Title\n\nThe joint working group of Lao Cai, Ha Giang, Lai Chau, Dien Bien "
            "and Yunnan met in Kunming. The previous session of the group, its 9th, "
            "took place in Hekou on May 4, 2021.");
    const bc_xmeeting *m = meet(&x, "jwg-yunnan", 9);
    assert_string_equal(m->date, "2021-05-04");
    bc_extraction_free(&x);
    x = run("en", "2023-05-10",
            "Title\n\nOfficials of Lao Cai and Yunnan held talks in Hekou, its 2nd busiest "
            "port, on May 4.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_int_equal(x.meetings[i].ordinal, 0);
    bc_extraction_free(&x);
}

/* A Dutch or Swedish ceremony at the end of a compound ("een openingsceremonie",
 * "invigningsceremonin") is a ceremony: a meeting when both sides hold it, none when one
 * side does. */
static void ceremonies_at_the_end_of_a_compound(void **state)
{
    (void)state;
    bc_extraction x = run("nl", "2024-05-09",
                          "Titel\n\nHet bestuur van Lao Cai en de prefectuur Honghe hielden "
                          "woensdag samen een ondertekeningsceremonie in Hekou.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-05-08");
    bc_extraction_free(&x);
    x = run("sv", "2024-05-09",
            "Rubrik\n\nLao Cais provinsstyrelse och Honghes regering höll i går tillsammans "
            "invigningsceremonin för den nya bron.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-05-08");
    bc_extraction_free(&x);
    x = run("nl", "2024-05-09",
            "Titel\n\nHet bestuur van Lao Cai hield woensdag een openingsceremonie voor de "
            "nieuwe markt.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
}

/* The leaders or administrations of the two sides named before ("the two leaders", "de
 * twee besturen", "les deux dirigeants", "obaj przywodcy", "de två ledarna") are both
 * sides: their talks are a meeting, dated as any; undated talks take no date. */
static void the_two_leaders_are_both_sides(void **state)
{
    (void)state;
    bc_extraction x =
        run("nl", "2024-05-09",
            "Titel\n\nLao Cai en Honghe willen de spoorlijn verbeteren. Dat bleek uit overleg "
            "dat de twee besturen gisteren in Hekou voerden.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-05-08");
    bc_extraction_free(&x);
    x = run("en", "2024-05-09",
            "Title\n\nLao Cai and Yunnan want a faster rail link. On Wednesday the two leaders "
            "held talks in Hekou.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-05-08");
    bc_extraction_free(&x);
    x = run("fr", "2024-05-09",
            "Titre\n\nLao Cai et le Yunnan veulent une ligne plus rapide. Les deux dirigeants "
            "ont eu des entretiens à Hekou.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].date, "");
    bc_extraction_free(&x);
}

/* English sides that open something together as the subject of a past verb of opening,
 * with a day in the sentence, hold a ceremony ("Lao Cai and Yunnan on Monday opened a new
 * bridge"); a pair of crossings that opened, or what they have opened, is none. */
static void english_sides_opening_together(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2024-05-09",
                          "Title\n\nLao Cai Province and China's Yunnan Province on Monday "
                          "opened a new freight bridge over the Red River.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-05-06");
    bc_extraction_free(&x);
    x = run("en", "2024-05-09",
            "Title\n\nThe Lao Cai – Hekou pair opened for trial operation on May 2, 2024.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    x = run("en", "2024-05-09",
            "Title\n\nLao Cai and Yunnan have opened three new crossings since May 2, 2021.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
}

/* "Hours earlier" or "later in the day" is the day last named, in every language that
 * says it so; with no day named before, no date. */
static void hours_earlier_is_the_day_last_named(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2024-05-09",
                          "Title\n\nLao Cai and Yunnan on Tuesday opened a freight bridge. "
                          "Hours later, the two leaders held talks in Hekou.");
    assert_int_equal(x.nmeetings, 2);
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].date, "2024-05-07");
    bc_extraction_free(&x);
    x = run("nl", "2024-05-09",
            "Titel\n\nLao Cai en Yunnan openden dinsdag samen een vrachtbrug. Enkele uren "
            "eerder hielden de twee leiders overleg in Hekou.");
    assert_int_equal(x.nmeetings, 2);
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].date, "2024-05-07");
    bc_extraction_free(&x);
    x = run("en", "2024-05-09",
            "Title\n\nLao Cai and Yunnan want a faster rail link. Hours later, officials of "
            "Lao Cai and Yunnan held talks in Hekou.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].date, "");
    bc_extraction_free(&x);
}

/* English talks named back as "at the talks" right after a lead paragraph that names both
 * sides and one day ("yesterday" under a dated dateline) are the talks of that day; a lead
 * of one side, or no day that is certain, gives none. */
static void the_talks_of_the_lead_paragraph(void **state)
{
    (void)state;
    const char *text = "Title\n\nLAO CAI, May 9 – Lao Cai Province and Yunnan Province agreed "
                       "yesterday to speed up the rail link.\n\nOfficials of the two provinces "
                       "signed a plan at the talks in Lao Cai.";
    bc_extraction x = run("en", "2024-05-09", text);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-05-08");
    bc_extraction_free(&x);
    x = run("en", NULL, text);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "--05-08");
    bc_extraction_free(&x);
    /* no dateline and no reference date: "yesterday" is of no known day */
    x = run("en", NULL,
            "Title\n\nLao Cai Province and Yunnan Province agreed yesterday to speed up the "
            "rail link.\n\nOfficials of the two provinces signed a plan at the talks in Lao "
            "Cai.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].date, "");
    bc_extraction_free(&x);
    /* a day written in the lead, not counted from the report's: not taken */
    x = run("en", "2024-05-20",
            "Title\n\nOn May 8, Lao Cai Province and Yunnan Province agreed to speed up the "
            "rail link.\n\nOfficials of the two provinces signed a plan at the talks in Lao "
            "Cai.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].date, "");
    bc_extraction_free(&x);
    /* a lead of one side only */
    x = run("en", "2024-05-09",
            "Title\n\nLAO CAI, May 9 – Lao Cai Province agreed yesterday to speed up the rail "
            "link.\n\nOfficials of Lao Cai and Yunnan signed a plan at the talks in Lao Cai.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].date, "");
    bc_extraction_free(&x);
}

/* Talks that open their sentence and are said to have taken place ("Het gesprek vond
 * plaats ...", "Rozmowy odbyly sie ...", "Samtalen holls ...") are those of the two sides
 * the sentence before names in its paragraph; after one side only, or across a paragraph,
 * they are none. */
static void talks_that_took_place_after_the_sides(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"nl", "Titel\n\nLao Cai en Yunnan willen meer samenwerken. Secretaris Dang van Lao "
               "Cai deed voorstellen aan de secretaris van Yunnan. Het gesprek vond plaats in "
               "Hekou, op 30 augustus."},
        {"pl", "Tytul\n\nLao Cai i Yunnan chca wspolpracowac. Sekretarz Lao Cai przedstawil "
               "propozycje sekretarzowi Yunnanu. Rozmowy odbyły się w Hekou 30 sierpnia."},
        {"sv", "Rubrik\n\nLao Cai och Yunnan vill samarbeta mer. Lao Cais partisekreterare "
               "lade fram förslag för Yunnans partichef. Samtalen hölls i Hekou den 30 "
               "augusti."},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k][0], "2024-09-02", cases[k][1]);
        assert_int_equal(x.nmeetings, 1);
        assert_string_equal(x.meetings[0].date, "2024-08-30");
        bc_extraction_free(&x);
    }
    bc_extraction x = run("en", "2024-09-02",
                          "Title\n\nLao Cai wants to work more. Its party secretary put "
                          "proposals to the visitors. The talks took place in Sa Pa on August "
                          "30.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
    x = run("en", "2024-09-02",
            "Title\n\nLao Cai and Yunnan want to work together more.\n\nThe talks took "
            "place in Sa Pa on August 30.");
    assert_int_equal(x.nmeetings, 0);
    bc_extraction_free(&x);
}

/* Yesterday in parts of the day ("chieu qua", "昨晚", "last night") is the day before the
 * report's; without a reference date, no day. */
static void yesterday_afternoon_and_last_night(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"vi", "Tieu de\n\nChiều qua, tỉnh Lào Cai và tỉnh Vân Nam (Trung Quốc) đã tổ chức hội "
               "đàm tại Lào Cai."},
        {"zh", "标题\n\n老街省与云南省领导人昨晚在老街市举行会谈。"},
        {"en", "Title\n\nLao Cai and Yunnan officials held talks in Sa Pa last night."},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k][0], "2024-05-09", cases[k][1]);
        assert_int_equal(x.nmeetings, 1);
        assert_string_equal(x.meetings[0].date, "2024-05-08");
        bc_extraction_free(&x);
        x = run(cases[k][0], NULL, cases[k][1]);
        for (size_t i = 0; i < x.nmeetings; i++)
            assert_string_equal(x.meetings[i].date, "");
        bc_extraction_free(&x);
    }
    /* "sang qua" is also crossing over: no day */
    bc_extraction x = run("vi", "2024-05-09",
                          "Tieu de\n\nXe tải sang qua cửa khẩu Lào Cai sau hội đàm với Vân Nam "
                          "(Trung Quốc).");
    assert_false(has_date(&x, "2024-05-08"));
    bc_extraction_free(&x);
}

/* A meeting with an aside of where it was held and no date in it ("..., gehouden in
 * Nanning, ...") takes no date of the main clause after it that says nothing of holding:
 * that is the time of what it led to. A date in the aside, or a main clause of holding,
 * is its own. */
static void a_date_after_an_aside_of_holding(void **state)
{
    (void)state;
    bc_extraction x = run("nl", "2024-09-02",
                          "Titel\n\nDe Voorjaarsontmoeting, gehouden in Nanning, leidde tot "
                          "een sterke groei van de handel in april.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_not_equal(x.meetings[i].date, "2024-04");
    bc_extraction_free(&x);
    x = run("en", "2024-09-02",
            "Title\n\nThe Spring Meeting of Lao Cai and Yunnan, held in Kunming, led to "
            "strong growth in trade in April.");
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_not_equal(x.meetings[i].date, "2024-04");
    bc_extraction_free(&x);
    x = run("nl", "2024-09-02",
            "Titel\n\nDe Voorjaarsontmoeting, gehouden in Nanning op 3 april, leidde tot een "
            "sterke groei van de handel.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-04-03");
    bc_extraction_free(&x);
    x = run("en", "2024-09-02",
            "Title\n\nThe Spring Meeting of Lao Cai and Yunnan, held in Kunming, took place on "
            "April 3.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-04-03");
    bc_extraction_free(&x);
}

/* English talks a few words of what kind after "The" that open the paragraph after the
 * lead take the lead's one day ("The border trade talks in Lao Cai were chaired by ..."),
 * as "The talks" do; with two days in the lead, none. */
static void the_kind_of_talks_after_the_lead(void **state)
{
    (void)state;
    const char *one = "Title\n\nLao Cai Province and Yunnan agreed on May 8 to study a new "
                      "bridge.\n\nThe border trade talks in Lao Cai City were chaired by vice "
                      "governors of Lao Cai and Yunnan.";
    bc_extraction x = run("en", NULL, one);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "--05-08");
    bc_extraction_free(&x);
    const char *two = "Title\n\nLao Cai Province and Yunnan agreed on May 8 to study a bridge "
                      "first proposed on April 2.\n\nThe border trade talks in Lao Cai City "
                      "were chaired by vice governors of Lao Cai and Yunnan.";
    x = run("en", NULL, two);
    for (size_t i = 0; i < x.nmeetings; i++)
        assert_string_equal(x.meetings[i].date, "");
    bc_extraction_free(&x);
}

/* "their third-quarter session", "a second-half review meeting": the ordinal of a quarter or
 * half of a year is no number of a series; "the third quarterly session" stays numbered. */
static void a_quarter_of_a_year_is_no_number(void **state)
{
    (void)state;
    bc_extraction x =
        run("en", "2025-03-01",
            "Title\n\nAt their third-quarter session in Jiangcheng on 23 September "
            "2024, the border guards of Dien Bien and Pu'er agreed on joint patrols.");
    assert_int_equal(x.nmeetings, 1);
    assert_int_equal(x.meetings[0].ordinal, 0);
    assert_string_equal(x.meetings[0].date, "2024-09-23");
    bc_extraction_free(&x);
    x = run("en", "2025-03-01",
            "Title\n\nAt their third session in Jiangcheng on 23 September 2024, the border guards "
            "of Dien Bien and Pu'er agreed on joint patrols.");
    assert_int_equal(x.nmeetings, 1);
    assert_int_equal(x.meetings[0].ordinal, 3);
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ordinals_in_every_language),
        cmocka_unit_test(chinese_numbered_talks_and_first_meetings),
        cmocka_unit_test(french_talks_and_named_meetings_beside_numbered_ones),
        cmocka_unit_test(talks_between_the_two_sides),
        cmocka_unit_test(verbs_of_meeting),
        cmocka_unit_test(numbered_talks),
        cmocka_unit_test(numbered_talks_and_ordinals_in_an_aside),
        cmocka_unit_test(talks_on_the_sidelines),
        cmocka_unit_test(video_conferences_delegations_and_split_verbs),
        cmocka_unit_test(proposals_to_meet_are_planned),
        cmocka_unit_test(compound_meeting_nouns),
        cmocka_unit_test(sidelines_receptions_and_meetings_recalled),
        cmocka_unit_test(kinds_talks_named_by_their_date_and_outcomes),
        cmocka_unit_test(the_first_of_a_time_is_no_number),
        cmocka_unit_test(dutch_table_partners_rounds_and_that_day),
        cmocka_unit_test(dutch_joint_openings_since_when_and_counts_of_a_time),
        cmocka_unit_test(a_meeting_held_then_takes_the_date_before),
        cmocka_unit_test(dutch_deliberation_receptions_and_being_together),
        cmocka_unit_test(dutch_agreeing_to_meet_and_coming_together_to_come),
        cmocka_unit_test(dutch_numbered_meetings_joined_by_and_of),
        cmocka_unit_test(dutch_then_opening_takes_the_date_before),
        cmocka_unit_test(english_a_meeting_that_was_hosted),
        cmocka_unit_test(its_number_set_off_after_the_noun),
        cmocka_unit_test(ceremonies_at_the_end_of_a_compound),
        cmocka_unit_test(the_two_leaders_are_both_sides),
        cmocka_unit_test(english_sides_opening_together),
        cmocka_unit_test(hours_earlier_is_the_day_last_named),
        cmocka_unit_test(the_talks_of_the_lead_paragraph),
        cmocka_unit_test(talks_that_took_place_after_the_sides),
        cmocka_unit_test(yesterday_afternoon_and_last_night),
        cmocka_unit_test(a_date_after_an_aside_of_holding),
        cmocka_unit_test(the_kind_of_talks_after_the_lead),
        cmocka_unit_test(a_quarter_of_a_year_is_no_number),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
