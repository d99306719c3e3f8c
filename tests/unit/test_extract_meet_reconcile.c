/* test_extract_meet_reconcile.c: one meeting told in several places of an article takes the
 * fullest date its mentions state together (extract_meet_reconcile.c): the year of one
 * mention and the day of another of the same numbered meeting, in every language; a yearly
 * body's named meeting of a year and its day told after it; "the same day" as that day. And
 * what must stay apart: two numbers, a name's year and another meeting's day, a day told
 * "this year", two years of the body, dates that disagree. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

#include <stdio.h>

/* The meetings of text (language lang, read on ref, NULL none) as "mechanism/number/date"
 * joined by spaces, in order, compared with want. */
static void expect(const char *lang, const char *ref, const char *text, const char *want)
{
    bc_extraction x = run(lang, ref, text);
    char buf[512] = "";
    for (size_t i = 0; i < x.nmeetings; i++) {
        const bc_xmeeting *m = &x.meetings[i];
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, "%s%s/%d/%s", i ? " " : "", m->mechanism, m->ordinal,
                 m->date);
    }
    bc_extraction_free(&x);
    if (strcmp(buf, want) != 0)
        fail_msg("%s (%s): got '%s', want '%s'", text, ref ? ref : "no date", buf, want);
}

/* with and without a publication date */
static void expect2(const char *lang, const char *text, const char *want)
{
    expect(lang, NULL, text, want);
    expect(lang, "2024-05-01", text, want);
}

static void numbered_year_and_day_are_one(void **state)
{
    (void)state;
    expect2("en",
            "Lao Cai and Yunnan review trade\n\nThe 10th meeting of the joint working group of "
            "Lai Chau, Lao Cai, Ha Giang, Dien Bien and Yunnan took place in 2023 in Kunming.\n\n"
            "The 10th meeting of the joint working group was held on June 12, chaired by the two "
            "vice chairmen.",
            "jwg-yunnan/10/2023-06-12");
    expect2("zh",
            "老街省与云南省联合工作组举行会谈\n\n2023年，老街省与云南省联合工作组第十次会议在昆明"
            "举行，双方总结了合作成果。\n\n此前，双方联合工作组第十次会议已于6月12日下午召开，会"
            "议由两省副省长共同主持。",
            "jwg-yunnan/10/2023-06-12");
    expect2("vi",
            "Lào Cai và Vân Nam rà soát thương mại\n\nNăm 2023, Hội nghị lần thứ 10 Nhóm công tác "
            "liên hợp Lào Cai, Lai Châu, Hà Giang, Điện Biên và Vân Nam được tổ chức tại Côn "
            "Minh.\n\nHội nghị lần thứ 10 Nhóm công tác liên hợp diễn ra ngày 12/6, do hai Phó "
            "Chủ tịch đồng chủ trì.",
            "jwg-yunnan/10/2023-06-12");
    expect2("fr",
            "Lao Cai et le Yunnan font le point sur le commerce\n\nEn 2023, la 10e réunion du "
            "groupe de travail conjoint de Lao Cai, Lai Chau, Ha Giang, Dien Bien et du Yunnan "
            "s'est tenue à Kunming.\n\nLa 10e réunion du groupe de travail conjoint a eu lieu le "
            "12 juin, coprésidée par les deux vice-présidents.",
            "jwg-yunnan/10/2023-06-12");
    expect2("pl",
            "Lao Cai i Junnan podsumowują handel\n\nW 2023 r. 10. posiedzenie Wspólnej Grupy "
            "Roboczej Lao Cai, Lai Chau, Ha Giang, Dien Bien i Junnanu odbyło się w Kunmingu.\n\n"
            "10. posiedzenie Wspólnej Grupy Roboczej odbyło się 12 czerwca pod "
            "współprzewodnictwem obu wicegubernatorów.",
            "jwg-yunnan/10/2023-06-12");
    expect2("sv",
            "Lao Cai och Yunnan ser över handeln\n\nÅr 2023 hölls det tionde mötet i den "
            "gemensamma arbetsgruppen för Lao Cai, Lai Chau, Ha Giang, Dien Bien och Yunnan i "
            "Kunming.\n\nDet tionde mötet i den gemensamma arbetsgruppen hölls den 12 juni under "
            "ledning av de två vice ordförandena.",
            "jwg-yunnan/10/2023-06-12");
}

static void named_year_and_day_after_are_one(void **state)
{
    (void)state;
    expect2("en",
            "Cao Bang and Guangxi open Tra Linh\n\nThe talks took place on the sidelines of the "
            "2019 Spring Meeting in Lang Son.\n\nThe spring meeting itself was held on March 22, "
            "attended by hundreds of business people.",
            "spring-meeting-guangxi/0/2019-03-22");
    expect2("nl",
            "Cao Bang en Guangxi openen Tra Linh\n\nHet overleg vond plaats in de marge van de "
            "Voorjaarsontmoeting 2019 in Lang Son.\n\nDe voorjaarsontmoeting zelf werd op 22 maart "
            "gehouden, in aanwezigheid van honderden ondernemers.",
            "spring-meeting-guangxi/0/2019-03-22");
    expect2("zh",
            "高平与广西推进茶岭口岸\n\n会谈是在谅山举行的2019年新春会晤期间进行的。\n\n新春会晤于3"
            "月22日举行，数百名企业代表出席。",
            "spring-meeting-guangxi/0/2019-03-22");
}

static void same_day_takes_the_year(void **state)
{
    (void)state;
    expect2("nl",
            "Quang Ninh en Guangxi bespreken grenshandel\n\nHet overleg vond plaats in de marge "
            "van de Voorjaarsontmoeting 2019, de jaarlijkse bijeenkomst van de partijsecretarissen "
            "van Quang Ninh, Lang Son, Cao Bang en Ha Giang en Guangxi.\n\nDe Voorjaarsontmoeting "
            "werd op 22 maart in Lang Son gehouden.\n\nOp dezelfde dag vergaderde daar ook het "
            "gezamenlijk werkcomité van de vijf provincies, voor de tiende keer.",
            "jwc-guangxi/10/2019-03-22 spring-meeting-guangxi/0/2019-03-22");
}

static void two_numbers_stay_apart(void **state)
{
    (void)state;
    expect("en", NULL,
           "Lao Cai and Yunnan review trade\n\nThe 10th meeting of the joint working group of Lai "
           "Chau, Lao Cai, Ha Giang, Dien Bien and Yunnan took place in 2023 in Kunming.\n\nThe "
           "11th meeting of the joint working group was held on June 12, chaired by the two vice "
           "chairmen.",
           "jwg-yunnan/10/2023 jwg-yunnan/11/--06-12");
    /* the same number on dates that disagree: neither completes the other */
    expect("en", NULL,
           "Lao Cai and Yunnan review trade\n\nThe 10th meeting of the joint working group of Lai "
           "Chau, Lao Cai, Ha Giang, Dien Bien and Yunnan took place in 2023 in Kunming.\n\nThe "
           "10th meeting of the joint working group was held on June 12, 2024, chaired by the "
           "two vice chairmen.",
           "jwg-yunnan/10/2023 jwg-yunnan/10/2024-06-12");
}

static void a_name_year_and_another_meeting_day_stay_apart(void **state)
{
    (void)state;
    /* talks dated after a named meeting of a year: the talks' day, not the meeting's */
    expect("en", NULL,
           "Lao Cai and Yunnan review trade\n\nThe 10th meeting of the joint working group of Lai "
           "Chau, Lao Cai, Ha Giang, Dien Bien and Yunnan took place in 2023 in Kunming.\n\nThe "
           "spring meeting was held on February 22 in Nanning.\n\nAt the 2023 Spring Meeting, the "
           "sides agreed to hold talks. The talks were held on March 22 in Lang Son.",
           "jwg-yunnan/10/2023 /0/--02-22 /0/2023 /0/--03-22");
    /* a day told "this year" is not the named year's */
    expect("nl", NULL,
           "Quang Ninh en Guangxi bespreken grenshandel\n\nTijdens de Voorjaarsontmoeting 2023 in "
           "Ha Giang werd de samenwerking besproken.\n\nDe Voorjaarsontmoeting van dit jaar werd "
           "op 22 februari in Nanning gehouden.",
           "spring-meeting-guangxi/0/2023 spring-meeting-guangxi/0/--02-22");
    expect("zh", "2024-05-01",
           "老街省与云南省联合工作组举行会谈\n\n今年的新春会晤于2月22日在南宁举行。\n\n2023年新春"
           "会晤在河江举行，双方总结了合作成果。",
           "/0/2024-02-22 /0/2023");
    /* the day told before the name of a year: the story's own meeting, not that one */
    expect("en", "2024-05-01",
           "Cao Bang and Guangxi open Tra Linh\n\nThe spring meeting was held on March 22, "
           "attended by hundreds of business people.\n\nThe talks built on the 2019 Spring "
           "Meeting in Lang Son.",
           "spring-meeting-guangxi/0/2024-03-22 spring-meeting-guangxi/0/2019");
    /* two years of the body named: which one the day is, is not said */
    expect("en", NULL,
           "Cao Bang and Guangxi open Tra Linh\n\nThe talks took place on the sidelines of the "
           "2019 Spring Meeting, a year after the 2018 Spring Meeting.\n\nThe spring meeting "
           "itself was held on March 22, attended by hundreds of business people.",
           "spring-meeting-guangxi/0/2019 spring-meeting-guangxi/0/2018 "
           "spring-meeting-guangxi/0/--03-22");
}

static void the_meeting_told_next_is_the_named_one(void **state)
{
    (void)state;
    expect2("en",
            "Looking back: the 2023 Spring Meeting of border Party chiefs\n\nThe Party "
            "secretaries of Quang Ninh, Lang Son, Cao Bang and Ha Giang and of Guangxi held the "
            "2023 Spring Meeting online, with Ha Giang as host.\n\nThe meeting, held on February "
            "22, was the first since the pandemic to set joint targets for trade.\n\nOn the same "
            "day, the joint working committee of the five provinces held its 14th conference.",
            "jwc-guangxi/14/2023-02-22 spring-meeting-guangxi/0/2023-02-22");
    expect2("nl",
            "Terugblik: de Voorjaarsontmoeting 2023\n\nDe partijsecretarissen van Quang Ninh, "
            "Lang Son, Cao Bang en Ha Giang en van Guangxi hielden de Voorjaarsontmoeting 2023 "
            "online, met Ha Giang als gastheer.\n\nDe bijeenkomst vond plaats op 22 februari en "
            "was de eerste sinds de pandemie waarop gezamenlijke handelsdoelen werden "
            "vastgesteld.\n\nDezelfde dag hield het gezamenlijk werkcomité van de vijf provincies "
            "zijn veertiende conferentie.",
            "jwc-guangxi/14/2023-02-22 spring-meeting-guangxi/0/2023-02-22");
    expect2("zh",
            "回顾：2023年党委书记新春会晤\n\n越南广宁、谅山、高平、河江四省与中国广西壮族自治区"
            "2023年党委书记新春会晤以视频方式举行，河江省为东道主。\n\n会晤于2月22日举行，是疫情"
            "以来双方首次共同制定贸易目标。\n\n同日，联合工作委员会第十四次会议也以视频方式召开。",
            "jwc-guangxi/14/2023-02-22 spring-meeting-guangxi/0/2023-02-22");
    expect2("zh",
            "广西与越南四省回顾2019年合作\n\n越南广宁、谅山、高平、河江四省与中国广西壮族自治区"
            "2019年党委书记新春会晤在谅山举行。\n\n3月22日，双方在会晤中通过了智慧口岸建设方案。",
            "spring-meeting-guangxi/0/2019-03-22");
    /* a conference told after a numbered conference of a year */
    expect2("en",
            "Guangxi review\n\nThe 10th conference of the joint working committee of Quang Ninh, "
            "Lang Son, Cao Bang, Ha Giang and Guangxi took place in Lang Son in 2019.\n\nThe "
            "conference was held on March 22 and adopted a plan for smart border gates.",
            "jwc-guangxi/10/2019-03-22");
}

static void a_working_session_told_next_is_its_own(void **state)
{
    (void)state;
    expect("en", NULL,
           "Looking back: the 2023 Spring Meeting of border Party chiefs\n\nThe Party "
           "secretaries of Quang Ninh, Lang Son, Cao Bang and Ha Giang and of Guangxi held the "
           "2023 Spring Meeting online, with Ha Giang as host.\n\nA working session was held at "
           "the border gate on February 25 to follow up on customs procedures.",
           "spring-meeting-guangxi/0/2023 /0/--02-25");
    expect("fr", NULL,
           "Retour sur la Rencontre de printemps 2023\n\nLes secrétaires du Parti de Quang Ninh, "
           "Lang Son, Cao Bang, Ha Giang et du Guangxi ont tenu la Rencontre de printemps 2023 en "
           "ligne, avec Ha Giang comme hôte.\n\nUne séance de travail s'est tenue au poste "
           "frontière le 25 février pour le suivi des procédures douanières.",
           "spring-meeting-guangxi/0/2023 /0/--02-25");
}

static void a_spring_meeting_of_no_body_too(void **state)
{
    (void)state;
    expect2("nl",
            "Lang Son en Chongzuo openen vrachtroute\n\nLang Son en Chongzuo bespraken de nieuwe "
            "vrachtroute tijdens de Voorjaarsontmoeting 2023.\n\nDe Voorjaarsontmoeting werd op 22 "
            "februari online gehouden.",
            "/0/2023-02-22");
    expect2("zh",
            "谅山与崇左开通货运通道\n\n谅山省与崇左市在2023年新春会晤期间讨论了新的货运通道。\n\n"
            "新春会晤于2月22日以视频方式举行。",
            "/0/2023-02-22");
    expect2("en",
            "Lang Son and Chongzuo open freight route\n\nLang Son and Chongzuo discussed the new "
            "freight route during the 2023 Spring Meeting.\n\nThe Spring Meeting was held online "
            "on February 22.",
            "/0/2023-02-22");
    /* two years named: the day is neither's */
    expect("nl", NULL,
           "Lang Son en Chongzuo openen vrachtroute\n\nLang Son en Chongzuo bespraken de nieuwe "
           "vrachtroute tijdens de Voorjaarsontmoeting 2023, net als op de Voorjaarsontmoeting "
           "2022.\n\nDe Voorjaarsontmoeting werd op 22 februari online gehouden.",
           "/0/2023 /0/2022 /0/--02-22");
}

static void talks_with_full_date_and_day_alone_are_one(void **state)
{
    (void)state;
    expect2("en",
            "Cao Bang and Baise discuss Tra Linh\n\nLeaders of Cao Bang and Baise held talks in "
            "Cao Bang on August 26, 2020 on upgrading the Tra Linh border gate.\n\nAt the talks on "
            "August 26, Cao Bang and Baise also agreed to open a freight lane.",
            "/0/2020-08-26");
    expect2("nl",
            "Cao Bang en Baise over Tra Linh\n\nCao Bang en Baise voerden op 26 augustus 2020 in "
            "Cao Bang overleg over de opwaardering van de grenspost Tra Linh.\n\nTijdens het "
            "overleg van 26 augustus spraken Cao Bang en Baise ook af een vrachtstrook te openen.",
            "/0/2020-08-26");
    /* a meeting of another place that day is another meeting */
    expect("en", NULL,
           "Cao Bang and Chongzuo discuss Ta Lung\n\nLeaders of Cao Bang and Baise held talks in "
           "Cao Bang on August 26, 2020 on upgrading the Tra Linh border gate.\n\nYesterday's "
           "meeting in Chongzuo followed up on the talks between Cao Bang and Baise on August 26, "
           "which dealt with the upgrade of the Tra Linh gate.",
           "/0/2020-08-26 /0/--08-26");
}

/* days alone are met by the full date of their own month and day only, wherever the days
 * of other talks fall between them (full_and_day sorts the days alone by month and day) */
static void days_alone_meet_their_own_full_dates(void **state)
{
    (void)state;
    expect2("en",
            "Border talks in two places\n\nLeaders of Cao Bang and Baise held talks in Cao Bang on "
            "August 26, 2020 on upgrading the Tra Linh border gate.\n\nLeaders of Lao Cai and "
            "Yunnan held talks in Hekou on March 3, 2021 on the Kim Thanh crossing.\n\nAt the "
            "talks on March 3, Lao Cai and Yunnan agreed to extend the opening hours.\n\nAt the "
            "talks on August 26, Cao Bang and Baise also agreed to open a freight lane.",
            "/0/2020-08-26 /0/2021-03-03");
}

static void a_number_told_without_its_body(void **state)
{
    (void)state;
    expect2("en",
            "Guangxi review\n\nThe 10th conference of the joint working committee of Quang Ninh, "
            "Lang Son, Cao Bang, Ha Giang and Guangxi took place in Lang Son in 2019.\n\nAt the "
            "10th conference, held on March 22, the delegates adopted a plan for smart border "
            "gates.",
            "jwc-guangxi/10/2019-03-22");
    expect2("zh",
            "广西回顾\n\n2019年，越南广宁、谅山、高平、河江四省与中国广西联合工作委员会第十次会议在"
            "谅山举行。\n\n第十次会议于3月22日召开，通过了智慧口岸建设方案。",
            "jwc-guangxi/10/2019-03-22");
    /* the same number of a body of other provinces is another meeting */
    expect("en", NULL,
           "Guangxi review\n\nThe 10th conference of the joint working committee of Quang Ninh, "
           "Lang Son, Cao Bang, Ha Giang and Guangxi took place in Lang Son in 2019.\n\nThe 10th "
           "meeting of the Lao Cai - Hekou border trade group was held on June 12.",
           "jwc-guangxi/10/2019 /10/--06-12");
}

/* a recap: the lead tells the talks of every member on a day, the next sentence names the
 * meeting of the year; "the same day" then has its year too */
static void talks_of_every_member_beside_the_named_meeting(void **state)
{
    (void)state;
    /* without a publication date (with one the committee's day is withheld) */
    expect("en", NULL,
           "A year on: what the 2024 Spring Meeting delivered for Quang Ninh and Guangxi"
           "\n\nHA LONG - When the Party secretaries of Quang Ninh, Lang Son, Cao Bang a"
           "nd Ha Giang sat down with their Guangxi counterpart in Nanning on February 2"
           "7, the agenda was dominated by border trade.\n\nThe 2024 Spring Meeting, the"
           " first held in person since 2020, ended with a commitment to raise two-way t"
           "rade to 30 billion USD.\n\nOn the same day, the joint working committee of t"
           "he five provinces held its 15th conference, chaired by the vice chairmen of "
           "the five provinces.\n\nQuang Ninh officials met Dongxing city leaders again "
           "on April 12 to review progress on the Bac Luan II bridge.\n\nThe 16th confer"
           "ence of the joint working committee is due to take place in Quang Ninh in 20"
           "25.",
           "jwc-guangxi/15/2024-02-27 jwc-guangxi/16/2025 spring-meeting-guangxi/0/2024-02-27 "
           "/0/--04-12");
    expect("nl", "2025-02-20",
           "Een jaar later: wat de Voorjaarsontmoeting 2024 opleverde\n\nHA LONG - Toen "
           "de partijsecretarissen van Quang Ninh, Lang Son, Cao Bang en Ha Giang op 27 "
           "februari in Nanning met hun collega uit Guangxi rond de tafel gingen, stond "
           "de grenshandel centraal.\n\nDe Voorjaarsontmoeting 2024, de eerste fysieke s"
           "inds 2020, eindigde met de belofte de handel op te voeren tot 30 miljard dol"
           "lar.\n\nDezelfde dag hield het gezamenlijk werkcomité van de vijf provincies"
           " zijn vijftiende conferentie.\n\nOp 12 april overlegden functionarissen van "
           "Quang Ninh opnieuw met Dongxing over de brug Bac Luan II.\n\nDe zestiende co"
           "nferentie van het werkcomité vindt in 2025 plaats in Quang Ninh.",
           "jwc-guangxi/15/2024-02-27 jwc-guangxi/16/2025 spring-meeting-guangxi/0/2024-02-27 "
           "/0/--04-12");
    expect("zh", "2025-02-20",
           "一年回顾：2024年新春会晤成果\n\n2月27日，越南广宁、谅山、高平、河江四省省委书记与广西"
           "壮族自治区党委书记在南宁举行会谈，边境贸易成为主要议题。"
           "\n\n2024年新春会晤是2020年以来首次线下举行的会晤，双方承诺将双边贸易额提高到300亿美元"
           "。\n\n同日，五省区联合工作委员会第十五次会议在南"
           "宁召开。\n\n4月12日，广宁省官员与东兴市领导再次会面，就北仑河二桥进展进行了讨论。\n\n"
           "联合工作委员会第十六次会议将于2025年在广宁举行。",
           "jwc-guangxi/15/2024-02-27 jwc-guangxi/16/2025 spring-meeting-guangxi/0/2024-02-27");
}

static void talks_of_some_members_or_beside_one_to_come_stay_apart(void **state)
{
    (void)state;
    expect("en", NULL,
           "A year on: the 2024 Spring Meeting\n\nHA LONG - The Party secretaries of Qua"
           "ng Ninh and Guangxi held talks in Nanning on February 26 on the Bac Luan II "
           "bridge.\n\nThe 2024 Spring Meeting, the first held in person since 2020, end"
           "ed with a commitment to raise two-way trade to 30 billion USD.",
           "spring-meeting-guangxi/0/2024 /0/--02-26");
    expect("en", "2024-12-01",
           "Border provinces prepare the 2025 Spring Meeting\n\nHA LONG - The Party secr"
           "etaries of Quang Ninh, Lang Son, Cao Bang and Ha Giang held talks with their"
           " Guangxi counterpart in Nanning on February 26.\n\nThe 2025 Spring Meeting w"
           "ill be held in Quang Ninh.",
           "spring-meeting-guangxi/0/2025 /0/2024-02-26");
}

/* talks only for the verb ("opened", "werd ... geopend"), planned only for the year a
 * publication date gave their day: the named meeting itself; talks ahead of it are not */
static void the_meeting_itself_opened(void **state)
{
    (void)state;
    expect2("en",
            "Leaders review the 2024 Spring Meeting\n\nThe 2024 Spring Meeting between the Party "
            "secretaries of Quang Ninh, Lang Son, Cao Bang, Ha Giang and Guangxi set new trade "
            "targets.\n\nThe spring meeting opened in Nanning on February 27, with Guangxi as "
            "host.",
            "spring-meeting-guangxi/0/2024-02-27");
    expect("nl", "2025-01-01",
           "Terugblik op de Voorjaarsontmoeting 2024\n\nDe Voorjaarsontmoeting 2024 tussen de "
           "partijsecretarissen van Quang Ninh, Lang Son, Cao Bang, Ha Giang en Guangxi legde "
           "nieuwe handelsdoelen vast.\n\nDe voorjaarsontmoeting werd op 27 februari in Nanning "
           "geopend, met Guangxi als gastheer.",
           "spring-meeting-guangxi/0/2024-02-27");
    expect("en", "2025-01-01",
           "Leaders review the 2024 Spring Meeting\n\nThe 2024 Spring Meeting between the Party "
           "secretaries of Quang Ninh, Lang Son, Cao Bang, Ha Giang and Guangxi set new trade "
           "targets.\n\nOn February 26, the leaders of Quang Ninh and Guangxi held talks ahead of "
           "the spring meeting.",
           "spring-meeting-guangxi/0/2024 spring-meeting-guangxi/0/--02-26");
}

/* "juni van dit jaar" is June of the year, as "juni dit jaar" (extract_date_day.c) */
static void nl_month_of_a_relative_year(void **state)
{
    (void)state;
    const char *text = "Titel\n\nDe derde conferentie van de partijsecretarissen van Lao Cai, Ha "
                       "Giang, Lai Chau en Dien Bien met Yunnan werd in maart 2023 gehouden. De "
                       "vierde conferentie staat voor juni van dit jaar op het programma, in "
                       "Kunming.";
    expect("nl", "2024-01-30", text, "conference-yunnan/3/2023-03 conference-yunnan/4/2024-06");
    expect("nl", "2024-01-30",
           "Titel\n\nDe vierde conferentie van de partijsecretarissen van Lao Cai, Ha Giang, Lai "
           "Chau en Dien Bien met Yunnan staat voor juni van volgend jaar op het programma.",
           "conference-yunnan/4/2025-06");
}

/* a year naming the talks right before them ("2024年工作会谈") completes their day, as a year
 * before a meeting noun does (extract_date_year.c); a year of another clause does not */
static void zh_talks_named_by_their_year(void **state)
{
    (void)state;
    expect("zh", NULL,
           "谅山省与崇左市举行工作会谈\n\n3月5日，越南谅山省与广西崇左市2024年工作会谈在凭祥市举"
           "行。",
           "/0/2024-03-05");
    expect("zh", NULL,
           "谅山省与崇左市举行工作会谈\n\n根据2023年签署的协议，3月5日，越南谅山省与广西崇左市在凭"
           "祥市举行工作会谈。",
           "/0/--03-05");
}

/* a day whose year the publication date leaves undecided (two months after it) takes the
 * year of the name its sentence gives the meeting (extract_date_year.c); not when the
 * sentence tells a relative year, which may be the day's */
static void a_name_year_decides_an_undecided_day(void **state)
{
    (void)state;
    expect("en", "2022-02-20",
           "Border chiefs meet\n\nThe 2020 Spring Meeting, chaired by Lang Son, took place on the "
           "morning of May 12, later than usual.",
           "/0/2020-05-12");
    expect("nl", "2022-02-20",
           "Titel\n\nVorig jaar was Lang Son gastheer: de negende conferentie van het werkcomité "
           "vond toen op 26 april plaats in Lang Son, en ook de Voorjaarsontmoeting 2021 werd daar "
           "gehouden.",
           "/9/ /0/2021");
}

/* a day in an apposition after the meeting, a noun phrase of an indefinite article naming no
 * holding ("..., a body the provinces set up in March 2010"), is that thing's
 * (extract_meet_skip.c); an apposition of holding dates the meeting */
static void an_apposition_of_another_thing(void **state)
{
    (void)state;
    expect("en", NULL,
           "Lao Cai and Yunnan prepare talks\n\nOfficials discussed the 11th meeting of the joint "
           "working group of Lai Chau, Lao Cai, Ha Giang, Dien Bien and Yunnan, a body the "
           "provinces set up in March 2010 to coordinate border work.",
           "jwg-yunnan/11/");
    expect("nl", NULL,
           "Lao Cai en Yunnan\n\nDe delegatie sprak over de elfde vergadering van de gezamenlijke "
           "werkgroep van Lai Chau, Lao Cai, Ha Giang, Dien Bien en Yunnan, een orgaan dat de "
           "provincies in maart 2010 oprichtten.",
           "jwg-yunnan/11/");
    expect("en", NULL,
           "Lao Cai and Yunnan review trade\n\nOfficials recalled the 10th meeting of the joint "
           "working group of Lai Chau, Lao Cai, Ha Giang, Dien Bien and Yunnan, a session held in "
           "Kunming on June 12, 2023.",
           "jwg-yunnan/10/2023-06-12");
}

/* "the same day as the 7th meeting", told after another meeting's day: the 7th meeting's
 * day, and the mention is that meeting, no second one dated with the 6th's day; in every
 * language. A number no sentence before dates gives no day at all. */
static void the_same_day_as_a_numbered_meeting_is_it(void **state)
{
    (void)state;
    const char *want = "jwg-yunnan/7/2024-10-09 jwg-yunnan/6/2023-04-20";
    expect2("en",
            "Ha Giang and Yunnan review cooperation\n\nThe 7th meeting of the Joint Working Group "
            "of Lai Chau, Lao Cai, Ha Giang, Dien Bien and Yunnan was held in Mengzi on October 9, "
            "2024.\n\nParticipants noted that the group's 6th meeting had been held in Ha Giang on "
            "April 20, 2023. That day, a plan on farm exports was adopted.\n\nOn the same day as "
            "the 7th meeting, customs teams visited the Thanh Thuy - Tianbao gate pair.",
            want);
    expect2("fr",
            "Ha Giang et le Yunnan font le point\n\nLa 7e réunion du groupe de travail conjoint de "
            "Lai Chau, Lao Cai, Ha Giang, Dien Bien et du Yunnan s'est tenue à Mengzi le 9 octobre "
            "2024.\n\nLes participants ont rappelé que la 6e réunion du groupe avait eu lieu à Ha "
            "Giang le 20 avril 2023. Ce jour-là, un plan sur les exportations agricoles a été "
            "adopté.\n\nLe même jour que la 7e réunion, des douaniers ont visité la paire de "
            "postes-frontières Thanh Thuy - Tianbao.",
            want);
    expect2("nl",
            "Ha Giang en Yunnan blikken terug\n\nDe 7e vergadering van de gezamenlijke werkgroep "
            "van Lai Chau, Lao Cai, Ha Giang, Dien Bien en Yunnan werd op 9 oktober 2024 in Mengzi "
            "gehouden.\n\nDe deelnemers wezen erop dat de 6e vergadering van de groep op 20 april "
            "2023 in Ha Giang was gehouden. Die dag werd een plan voor landbouwexport "
            "aangenomen.\n\nOp dezelfde dag als de 7e vergadering bezochten douaneploegen het "
            "grensovergangspaar Thanh Thuy - Tianbao.",
            "jwg-yunnan/7/2024-10-09 /6/2023-04-20");
    expect2(
        "sv",
        "Ha Giang och Yunnan ser över samarbetet\n\nDet sjunde mötet i den gemensamma "
        "arbetsgruppen för Lai Chau, Lao Cai, Ha Giang, Dien Bien och Yunnan hölls i Mengzi den "
        "9 oktober 2024.\n\nDeltagarna påminde om att gruppens sjätte möte hölls i Ha Giang den "
        "20 april 2023. Samma dag antogs en plan för jordbruksexport.\n\nSamma dag som det "
        "sjunde mötet besökte tullteam gränsövergångsparet Thanh Thuy - Tianbao.",
        want);
    expect2(
        "pl",
        "Ha Giang i Junnan o współpracy\n\n7. posiedzenie Wspólnej Grupy Roboczej Lai Chau, Lao "
        "Cai, Ha Giang, Dien Bien i Junnanu odbyło się w Mengzi 9 października 2024 r.\n\n"
        "Uczestnicy przypomnieli, że 6. posiedzenie grupy odbyło się w Ha Giang 20 kwietnia "
        "2023 r. Tego dnia przyjęto plan eksportu rolnego.\n\nTego samego dnia co 7. "
        "posiedzenie celnicy odwiedzili parę przejść Thanh Thuy - Tianbao.",
        want);
    expect2("vi",
            "Hà Giang và Vân Nam rà soát hợp tác\n\nPhiên họp lần thứ 7 Nhóm công tác liên hợp "
            "giữa các tỉnh Lai Châu, Lào Cai, Hà Giang, Điện Biên và tỉnh Vân Nam đã diễn ra tại "
            "Mông Tự ngày 9/10/2024.\n\nCác đại biểu nhắc lại Phiên họp lần thứ 6 của Nhóm được "
            "tổ chức tại Hà Giang ngày 20/4/2023. Cùng ngày, hai bên thông qua kế hoạch xuất khẩu "
            "nông sản.\n\nCùng ngày với Phiên họp lần thứ 7, các đoàn hải quan đã đến cặp cửa khẩu "
            "Thanh Thủy - Thiên Bảo.",
            want);
    expect2(
        "zh",
        "河江与云南回顾合作\n\n越南莱州、老街、河江、奠边四省与中国云南省联合工作组第七次会议于"
        "2024年10月9日在蒙自举行。\n\n与会代表回顾了2023年4月20日在河江省举行的联合工作组第六"
        "次会议。当天，双方通过了农产品出口计划。\n\n与第七次会议同一天，海关人员考察了清水—天保"
        "口岸。",
        want);
    /* negative: a number no sentence before dates ("the 5th meeting"): no day, not the 6th's */
    expect2("en",
            "Ha Giang and Yunnan review cooperation\n\nThe 7th meeting of the Joint Working Group "
            "of Lai Chau, Lao Cai, Ha Giang, Dien Bien and Yunnan was held in Mengzi on October 9, "
            "2024.\n\nParticipants noted that the group's 6th meeting had been held in Ha Giang on "
            "April 20, 2023. That day, a plan on farm exports was adopted.\n\nOn the same day as "
            "the 5th meeting, customs teams visited the Thanh Thuy - Tianbao gate pair.",
            "jwg-yunnan/7/2024-10-09 jwg-yunnan/6/2023-04-20 jwg-yunnan/5/");
}

/* A year written in a meeting's name at the opening of its sentence ("The 2024 Spring
 * Meeting", "Vårmötet 2024") is the name's, no year that frames the story: the day told
 * after it without the year is that meeting's, not withheld as of another time. A year that
 * does open the story ("In 2023, ...") still withholds it. */
static void a_name_year_opening_its_sentence_frames_nothing(void **state)
{
    (void)state;
    const char *want = "spring-meeting-guangxi/0/2024-02-27";
    expect2("en",
            "Guangxi hosts the spring meeting\n\nThe 2024 Spring Meeting between the Party "
            "secretaries of Quang Ninh, Lang Son, Cao Bang, Ha Giang and Guangxi opened in Beihai. "
            "The spring meeting took place on 27 February, with trade high on the agenda.",
            want);
    /* "The meeting", no second, undated one */
    expect2("en",
            "Guangxi hosts the spring meeting\n\nThe 2024 Spring Meeting between the Party "
            "secretaries of Quang Ninh, Lang Son, Cao Bang, Ha Giang and Guangxi opened in Beihai. "
            "The meeting took place on 27 February, with trade high on the agenda.",
            want);
    expect2(
        "sv",
        "Guangxi står värd för vårmötet\n\nVårmötet 2024 mellan partisekreterarna i Quang Ninh, "
        "Lang Son, Cao Bang, Ha Giang och Guangxi inleddes i Beihai. Vårmötet ägde rum den 27 "
        "februari, med handeln högt på dagordningen.",
        want);
    /* negative: a year opening the sentence before, no name's: the day is not given a year */
    expect(
        "en", "2024-03-02",
        "Guangxi hosts the spring meeting\n\nIn 2023, the leaders of Quang Ninh and Guangxi met "
        "in Beihai. The spring meeting took place on 27 February, with trade high on the agenda.",
        "spring-meeting-guangxi/0/");
    expect("sv", "2024-03-02",
           "Guangxi står värd för vårmötet\n\nÅr 2023 möttes ledarna för Quang Ninh och Guangxi i "
           "Beihai. Vårmötet ägde rum den 27 februari, med handeln högt på dagordningen.",
           "spring-meeting-guangxi/0/");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_name_year_opening_its_sentence_frames_nothing),
        cmocka_unit_test(the_same_day_as_a_numbered_meeting_is_it),
        cmocka_unit_test(numbered_year_and_day_are_one),
        cmocka_unit_test(a_number_told_without_its_body),
        cmocka_unit_test(nl_month_of_a_relative_year),
        cmocka_unit_test(zh_talks_named_by_their_year),
        cmocka_unit_test(a_name_year_decides_an_undecided_day),
        cmocka_unit_test(an_apposition_of_another_thing),
        cmocka_unit_test(named_year_and_day_after_are_one),
        cmocka_unit_test(a_spring_meeting_of_no_body_too),
        cmocka_unit_test(the_meeting_itself_opened),
        cmocka_unit_test(same_day_takes_the_year),
        cmocka_unit_test(two_numbers_stay_apart),
        cmocka_unit_test(a_name_year_and_another_meeting_day_stay_apart),
        cmocka_unit_test(the_meeting_told_next_is_the_named_one),
        cmocka_unit_test(a_working_session_told_next_is_its_own),
        cmocka_unit_test(talks_with_full_date_and_day_alone_are_one),
        cmocka_unit_test(days_alone_meet_their_own_full_dates),
        cmocka_unit_test(talks_of_every_member_beside_the_named_meeting),
        cmocka_unit_test(talks_of_some_members_or_beside_one_to_come_stay_apart),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
