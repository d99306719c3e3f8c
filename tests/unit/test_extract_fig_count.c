/* test_extract_fig_count.c: counts with what they count (extract_fig_count.c): tonnes,
 * vehicles, tourists, delegations sent and received, their qualifiers and their periods
 * (their own clause's, not a comparison's or another count's); border traffic (vehicles,
 * goods by weight, people crossing) in every language, a daily rate as a metric of its own,
 * and a range of counts as its two ends (analyst 10, F8). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void polish_counts_and_qualifiers(void **state)
{
    (void)state;
    bc_extraction x = run("pl", "2025-10",
                          "Obie strony wymieniły blisko 500 delegacji roboczych, skutecznie "
                          "koordynowały zarządzanie granicami.");
    assert_fig(fig(&x, 500), "delegations_exchanged", "delegations", "nearly", "");
    assert_false(fig(&x, 500)->money);
    bc_extraction_free(&x);

    /* thousands with a space, a no-break space, or a dot */
    const char *forms[] = {"ponad 18 000 osób",
                           "ponad 18\xC2\xA0"
                           "000 osób",
                           "ponad 18.000 osób"};
    for (size_t i = 0; i < 3; i++) {
        char t[200];
        snprintf(t, sizeof t, "Obie strony promują współpracę – w dystrykcie Van Son pracuje %s.",
                 forms[i]);
        x = run("pl", "2025-10", t);
        assert_int_equal(x.nfigures, 1);
        assert_fig(fig(&x, 18000), "workers", "people", "over", "");
        bc_extraction_free(&x);
    }

    x = run("pl", "2025-10",
            "liczba chińskich turystów odwiedzających Tuyen Quang w 2024 roku przekroczy 33 000, "
            "a w ciągu pierwszych 10 miesięcy 2025 roku sięgnie prawie 4600.");
    assert_int_equal(x.nfigures, 2);
    const bc_xfigure *f = fig(&x, 33000);
    assert_fig(f, "tourists", "people", "over", "2024");
    assert_true(has_party(f, "tuyen-quang"));
    assert_fig(fig(&x, 4600), "tourists", "people", "nearly", "2025-01/2025-10");
    bc_extraction_free(&x);

    x = run("pl", NULL,
            "Postępy poczyniły również działania finansowe i bankowe – 3 banki komercyjne "
            "prowincji połączyły płatności. Tuyen Quang osiągnął wybitne wyniki w 9 obszarach "
            "współpracy. Władze koordynowały wydanie paszportów ponad 1400 obywatelom Wietnamu.");
    assert_fig(fig(&x, 3), "banks_connected", "banks", "exact", "");
    assert_fig(fig(&x, 9), "cooperation_areas", "areas", "exact", "");
    assert_fig(fig(&x, 1400), "passports_issued", "people", "over", "");
    assert_int_equal(x.nfigures, 3);
    bc_extraction_free(&x);

    /* numbers that count nothing known are not figures: legal documents, provinces */
    x = run("pl", NULL, "Strony wdrażają 3 dokumenty prawne między 5 prowincjami.");
    assert_int_equal(x.nfigures, 0);
    bc_extraction_free(&x);
}

static void swedish_counts_and_directions(void **state)
{
    (void)state;
    bc_extraction x =
        run("sv", NULL,
            "Den totala import- och exportomsättningen mellan de fyra gränsprovinserna Vietnam "
            "och Yunnan-provinsen uppgick till 7,2 miljarder USD. Den totala import- och "
            "exportomsättningen genom gränskontrollerna i Quang Ninh-provinsen uppgick till "
            "4,42 miljarder USD.");
    assert_fig(fig(&x, 7.2e9), "trade_turnover", "USD", "exact", "");
    /* Yunnan and four border provinces it does not name: unknown, not Yunnan alone (F7) */
    assert_int_equal(fig(&x, 7.2e9)->nparties, 0);
    assert_int_equal(fig(&x, 7.2e9)->parties_partial, 4);
    assert_true(has_party(fig(&x, 4.42e9), "quang-ninh"));
    bc_extraction_free(&x);

    x = run("sv", "2025-02-19",
            "År 2024 organiserade Quang Ninh 46 arbetsdelegationer till Guangxi och tog emot "
            "och arbetade med 41 Guangxi-delegationer. Över 750 ton varor exporterades till "
            "Kina. År 2024 nådde antalet kinesiska turister som vistades i Quang Ninh 551 000. "
            "Antalet kinesiska turister som kom in i Vietnam genom den internationella "
            "gränsporten Mong Cai nådde 370 500.");
    const bc_xfigure *f = fig(&x, 46);
    assert_fig(f, "delegations_sent", "delegations", "exact", "2024");
    assert_true(has_party(f, "quang-ninh") && has_party(f, "guangxi"));
    assert_fig(fig(&x, 41), "delegations_received", "delegations", "exact", "2024");
    assert_fig(fig(&x, 750), "goods_exported", "tonnes", "over", "");
    assert_fig(fig(&x, 551000), "tourists", "people", "exact", "2024");
    assert_fig(fig(&x, 370500), "tourist_arrivals", "people", "exact", "");
    assert_int_equal(x.nfigures, 5);
    bc_extraction_free(&x);

    /* an expected area is a goal, stated exactly */
    x = run("sv", NULL,
            "De två sidorna har undertecknat ett samarbetsavtal om sockerrörsodling, med en "
            "förväntad areal på 425 hektar (Lai Chau 195 hektar, Tuyen Quang 230 hektar). Lai "
            "Chau-provinsen har skickat 22 tjänstemän för att delta i utbildningskurser.");
    assert_fig(fig(&x, 425), "crop_area", "hectares", "exact", "");
    assert_true(fig(&x, 425)->target);
    assert_fig(fig(&x, 22), "officials_trained", "people", "exact", "");
    bc_extraction_free(&x);
}

/* A count's period is its own: not the month of another count nearer to it, not the
 * year a comparison names (FINDINGS-analyst4.md, P4). */
static void a_count_takes_its_own_period(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2026-12-04",
                          "Headline\n\nSome 12,000 tonnes of durian were exported through the pair "
                          "in November alone, "
                          "while the gate received more than 240,000 visitors since the start "
                          "of the year.");
    assert_string_equal(fig(&x, 12000)->period, "2026-11");
    assert_string_equal(fig(&x, 240000)->period, "");
    bc_extraction_free(&x);
    x = run("fr", "2026-11-28",
            "Titre\n\nLe nombre de touristes chinois a atteint 42 000, soit près du double de l'an "
            "dernier.");
    assert_string_equal(fig(&x, 42000)->period, "");
    bc_extraction_free(&x);
}

/* One sentence and the count it must give: value, metric, unit, qualifier. */
typedef struct count_case {
    const char *lang, *text;
    double value;
    const char *metric, *unit, *qualifier;
} count_case;

static void expect_counts(const count_case *cases, size_t n, const char *ref)
{
    for (size_t k = 0; k < n; k++) {
        bc_extraction x = run(cases[k].lang, ref, cases[k].text);
        if (!has_fig(&x, cases[k].value))
            fail_msg("'%s': no count of %.0f", cases[k].text, cases[k].value);
        const bc_xfigure *f = fig(&x, cases[k].value);
        if (strcmp(f->metric, cases[k].metric) != 0 || strcmp(f->unit, cases[k].unit) != 0 ||
            (cases[k].qualifier && strcmp(f->qualifier, cases[k].qualifier) != 0))
            fail_msg("'%s': %.0f is %s %s %s", cases[k].text, cases[k].value, f->metric, f->unit,
                     f->qualifier);
        assert_false(f->money);
        bc_extraction_free(&x);
    }
}

/* Vehicles, goods by weight and people crossing the border are counts in every language,
 * with their qualifiers ("more than", "hơn", "超过", "plus de", "ponad", "drygt", "ruim"). */
static void border_traffic_is_counted_in_every_language(void **state)
{
    (void)state;
    static const count_case cases[] = {
        {"en", "Customs at the Chi Ma gate cleared more than 1,350 trucks in October.", 1350,
         "vehicles", "vehicles", "over"},
        {"vi", "Trong tháng 10, hơn 1.350 xe hàng đã thông quan qua cửa khẩu Chi Ma.", 1350,
         "vehicles", "vehicles", "over"},
        {"zh", "10月份，爱店口岸通关车辆超过1350辆次。", 1350, "vehicles", "vehicles", "over"},
        {"fr", "En octobre, plus de 1 350 camions ont franchi le poste-frontière de Chi Ma.", 1350,
         "vehicles", "vehicles", "over"},
        {"pl", "W październiku przez przejście Chi Ma przejechało ponad 1350 ciężarówek.", 1350,
         "vehicles", "vehicles", "over"},
        {"sv", "I oktober passerade drygt 1 350 lastbilar gränsen vid Chi Ma.", 1350, "vehicles",
         "vehicles", "over"},
        {"nl", "In oktober passeerden ruim 1.350 vrachtwagens de grens bij Chi Ma.", 1350,
         "vehicles", "vehicles", "over"},
        {"en", "More than 2.4 million tonnes of goods crossed the border at Mong Cai in 2025.",
         2.4e6, "goods_carried", "tonnes", "over"},
        {"vi", "Năm 2025, hơn 2,4 triệu tấn hàng hóa đã qua cửa khẩu Móng Cái.", 2.4e6,
         "goods_carried", "tonnes", "over"},
        {"zh", "2025年，东兴口岸货运量超过240万吨。", 2.4e6, "goods_carried", "tonnes", "over"},
        {"fr",
         "En 2025, plus de 2,4 millions de tonnes de marchandises ont franchi la frontière à "
         "Mong Cai.",
         2.4e6, "goods_carried", "tonnes", "over"},
        {"pl", "W 2025 r. przez granicę w Mong Cai przewieziono ponad 2,4 mln ton towarów.", 2.4e6,
         "goods_carried", "tonnes", "over"},
        {"sv", "Under 2025 passerade drygt 2,4 miljoner ton gods gränsen vid Mong Cai.", 2.4e6,
         "goods_carried", "tonnes", "over"},
        {"nl", "In 2025 ging ruim 2,4 miljoen ton goederen de grens over bij Mong Cai.", 2.4e6,
         "goods_carried", "tonnes", "over"},
        {"en", "More than 850,000 passengers crossed the border at Mong Cai in 2025.", 850000,
         "border_crossings", "people", "over"},
        {"vi", "Năm 2025, hơn 850.000 lượt người xuất nhập cảnh qua cửa khẩu Móng Cái.", 850000,
         "border_crossings", "people", "over"},
        {"zh", "2025年，东兴口岸出入境人员超过85万人次。", 850000, "border_crossings", "people",
         "over"},
        {"fr", "En 2025, plus de 850 000 voyageurs ont franchi la frontière à Mong Cai.", 850000,
         "border_crossings", "people", "over"},
        {"pl", "W 2025 r. granicę w Mong Cai przekroczyło ponad 850 000 podróżnych.", 850000,
         "border_crossings", "people", "over"},
        {"sv", "Under 2025 passerade drygt 850 000 resenärer gränsen vid Mong Cai.", 850000,
         "border_crossings", "people", "over"},
        {"nl", "In 2025 passeerden ruim 850.000 reizigers de grens bij Mong Cai.", 850000,
         "border_crossings", "people", "over"},
    };
    expect_counts(cases, sizeof cases / sizeof cases[0], "2026-11-20");

    bc_extraction x = run("en", "2026-11-20",
                          "Customs at the Chi Ma gate cleared more than 1,350 trucks in October.");
    assert_fig(fig(&x, 1350), "vehicles", "vehicles", "over", "2026-10");
    bc_extraction_free(&x);
    /* "yesterday": that day, counted from the publication date */
    x = run("en", "2026-11-20", "Yesterday the Chi Ma gate handled more than 1,350 trucks.");
    assert_fig(fig(&x, 1350), "vehicles", "vehicles", "over", "2026-11-19");
    assert_true(fig(&x, 1350)->period_inferred);
    bc_extraction_free(&x);

    /* no border traffic: trucks given away, waiting or parked, goods held up, people crossing
     * illegally */
    static const struct {
        const char *lang, *text;
    } none[] = {
        {"en", "The county handed over 20 trucks to the commune."},
        {"en", "More than 1,000 trucks were waiting at the border crossing."},
        {"nl", "Bij de grensovergang wachten soms meer dan 1.000 vrachtwagens."},
        {"pl", "Na drogach do przejścia granicznego czekało 1200 ciężarówek."},
        {"zh", "口岸外滞留货车超过1000辆。"},
        {"en", "The parking yard at the border gate has room for 300 trucks."},
        {"vi", "Hai bên trao trả 26 người xuất, nhập cảnh trái phép qua biên giới."},
    };
    for (size_t k = 0; k < sizeof none / sizeof none[0]; k++) {
        x = run(none[k].lang, "2026-11-20", none[k].text);
        if (x.nfigures != 0)
            fail_msg("'%s': %.0f read as %s", none[k].text, x.figures[0].value,
                     x.figures[0].metric);
        bc_extraction_free(&x);
    }
}

/* A count said per day ("日均", "a day", "mỗi ngày", "chaque jour", "dziennie", "varje dag",
 * "dagelijks") is a daily rate, a metric of its own, never a total; a rate of a week or a
 * month, and a daily count of tourists, have none, so they are not read; a daily rate never
 * takes a single day as its period. */
static void a_daily_rate_is_no_total(void **state)
{
    (void)state;
    static const count_case cases[] = {
        {"en", "About 1,350 trucks a day cross the Chi Ma gate.", 1350, "vehicles_per_day",
         "vehicles", "about"},
        {"en", "Some 1,350 trucks cross the Chi Ma (Vietnam) – Aidian (China) gate pair each day.",
         1350, "vehicles_per_day", "vehicles", "about"},
        {"vi", "Bình quân mỗi ngày có khoảng 1.350 xe hàng qua cửa khẩu Chi Ma.", 1350,
         "vehicles_per_day", "vehicles", "about"},
        {"zh", "爱店口岸日均通关车辆约1350辆次。", 1350, "vehicles_per_day", "vehicles", "about"},
        {"zh", "爱店口岸日均通关车辆约1350辆次，高峰时可达1800辆次。", 1800, "vehicles_per_day",
         "vehicles", NULL},
        {"fr", "Chaque jour, environ 1 350 camions franchissent le poste-frontière de Chi Ma.",
         1350, "vehicles_per_day", "vehicles", "about"},
        {"pl", "Przez przejście Chi Ma przejeżdża dziennie 1350 ciężarówek.", 1350,
         "vehicles_per_day", "vehicles", "exact"},
        {"sv", "Omkring 1 350 lastbilar passerar gränsen vid Chi Ma varje dag.", 1350,
         "vehicles_per_day", "vehicles", "about"},
        {"nl", "Dagelijks passeren 1.350 vrachtwagens de grens bij Chi Ma.", 1350,
         "vehicles_per_day", "vehicles", "exact"},
        {"zh", "东兴口岸日均出入境人员超过2万人次。", 20000, "border_crossings_per_day", "people",
         "over"},
        {"vi", "Mỗi ngày có hơn 3.000 tấn hàng hóa thông quan qua cửa khẩu Chi Ma.", 3000,
         "goods_carried_per_day", "tonnes", "over"},
        /* people a verb of crossing counts */
        {"en", "Every day some 12,000 people crossed the border at Mong Cai.", 12000,
         "border_crossings_per_day", "people", "about"},
        {"vi", "Mỗi ngày có khoảng 12.000 người qua lại cửa khẩu Móng Cái.", 12000,
         "border_crossings_per_day", "people", "about"},
        {"zh", "东兴口岸日均通关人员约1.2万人次。", 12000, "border_crossings_per_day", "people",
         "about"},
        {"fr", "Chaque jour, quelque 12 000 personnes franchissent la frontière à Mong Cai.", 12000,
         "border_crossings_per_day", "people", NULL},
        {"pl", "Codziennie granicę w Mong Cai przekracza około 12 000 osób.", 12000,
         "border_crossings_per_day", "people", "about"},
        {"sv", "Varje dag passerar omkring 12 000 personer gränsen vid Mong Cai.", 12000,
         "border_crossings_per_day", "people", "about"},
        {"nl", "Dagelijks passeren zo'n 12.000 mensen de grens bij Mong Cai.", 12000,
         "border_crossings_per_day", "people", NULL},
    };
    expect_counts(cases, sizeof cases / sizeof cases[0], "2026-11-20");

    /* the word of a day right after one count's noun is that count's, not the next's */
    static const struct {
        const char *lang, *text;
    } two[] = {
        {"fr", "Cette année, environ 900 camions par jour ont franchi le poste de Mong Cai et "
               "quelque 2,4 millions de personnes y sont passées."},
        {"en", "This year about 900 trucks a day crossed the Mong Cai gate and some 2.4 million "
               "people passed through it."},
        {"nl", "Dit jaar passeerden zo'n 900 vrachtwagens per dag de grensovergang Mong Cai en "
               "gingen er zo'n 2,4 miljoen mensen doorheen."},
        {"sv", "I år har omkring 900 lastbilar per dag passerat gränsövergången Mong Cai och "
               "omkring 2,4 miljoner människor har passerat där."},
    };
    for (size_t k = 0; k < sizeof two / sizeof two[0]; k++) {
        bc_extraction y = run(two[k].lang, "2026-11-20", two[k].text);
        const bc_xfigure *rate = fig(&y, 900), *total = fig(&y, 2.4e6);
        if (rate == NULL || total == NULL)
            fail_msg("'%s': a count not read", two[k].text);
        assert_string_equal(rate->metric, "vehicles_per_day");
        assert_string_equal(total->metric, "border_crossings");
        bc_extraction_free(&y);
    }
    /* nor is a word of a day written after a later count's noun, or right before its number,
     * the earlier count's: the total before it stays a total */
    static const struct {
        const char *lang, *text;
    } back[] = {
        {"fr", "Cette année, quelque 2,4 millions de personnes ont franchi le poste de Mong Cai "
               "et environ 900 camions y passent chaque jour."},
        {"en", "This year some 2.4 million people crossed the Mong Cai gate and about 900 trucks "
               "pass through it each day."},
        {"nl", "Dit jaar zijn zo'n 2,4 miljoen mensen bij Mong Cai de grens overgestoken en "
               "rijden er dagelijks zo'n 900 vrachtwagens door."},
        {"sv", "I år har omkring 2,4 miljoner människor passerat gränsövergången Mong Cai och "
               "omkring 900 lastbilar passerar varje dag."},
        {"pl", "W tym roku przejście Mong Cai przekroczyło około 2,4 mln osób, a około 900 "
               "ciężarówek przejeżdża przez nie każdego dnia."},
        {"zh", "今年以来，经芒街口岸出入境人员约240万人次，日均通行货车约900辆次。"},
        {"vi", "Từ đầu năm, cửa khẩu Móng Cái đón khoảng 2,4 triệu lượt người xuất nhập cảnh, "
               "mỗi ngày có khoảng 900 lượt xe qua lại."},
    };
    for (size_t k = 0; k < sizeof back / sizeof back[0]; k++) {
        bc_extraction y = run(back[k].lang, "2026-11-20", back[k].text);
        const bc_xfigure *rate = fig(&y, 900), *total = fig(&y, 2.4e6);
        if (rate == NULL || total == NULL)
            fail_msg("'%s': a count not read", back[k].text);
        assert_string_equal(rate->metric, "vehicles_per_day");
        assert_string_equal(total->metric, "border_crossings");
        bc_extraction_free(&y);
    }
    /* a word of a day right after a count's noun is its own, a count after it or not */
    static const struct {
        const char *lang, *text;
    } own[] = {
        {"en", "Some 900 trucks a day and 20,000 passengers went through the Mong Cai gate."},
        {"fr",
         "Quelque 900 camions par jour et 20 000 voyageurs ont franchi le poste de Mong Cai."},
        {"nl", "Zo'n 900 vrachtwagens per dag en 20.000 reizigers passeerden de grensovergang Mong "
               "Cai."},
        {"sv", "Omkring 900 lastbilar om dagen och 20 000 resenärer passerade gränsövergången Mong "
               "Cai."},
    };
    for (size_t k = 0; k < sizeof own / sizeof own[0]; k++) {
        bc_extraction y = run(own[k].lang, "2026-11-20", own[k].text);
        const bc_xfigure *rate = fig(&y, 900), *total = fig(&y, 20000);
        if (rate == NULL || total == NULL)
            fail_msg("'%s': a count not read", own[k].text);
        assert_string_equal(rate->metric, "vehicles_per_day");
        assert_string_equal(total->metric, "border_crossings");
        bc_extraction_free(&y);
    }
    /* "a day earlier" is no rate */
    bc_extraction x =
        run("en", "2026-11-20", "A day earlier, 1,350 trucks crossed the Chi Ma gate.");
    assert_string_equal(fig(&x, 1350)->metric, "vehicles");
    bc_extraction_free(&x);
    /* the day an agreement was signed is not the period of a daily rate */
    x = run("zh", "2026-11-20", "双方已于9月18日签署协议，爱店口岸日均通关车辆约1350辆次。");
    assert_fig(fig(&x, 1350), "vehicles_per_day", "vehicles", "about", "");
    bc_extraction_free(&x);
    static const struct {
        const char *lang, *text;
    } none[] = {
        {"fr", "Plus de 1 200 véhicules y sont dédouanés chaque mois."},
        {"zh", "爱店口岸月均通关车辆约3万辆次。"},
        {"en", "The zone can receive up to 1,000 visitors a day."},
        {"en", "About 12,000 people attended the border trade fair each day."},
    };
    for (size_t k = 0; k < sizeof none / sizeof none[0]; k++) {
        x = run(none[k].lang, "2026-11-20", none[k].text);
        if (x.nfigures != 0)
            fail_msg("'%s': %.0f read as %s", none[k].text, x.figures[0].value,
                     x.figures[0].metric);
        bc_extraction_free(&x);
    }
}

/* A Vietnamese count whose number is followed by the counter "lượt" alone takes the noun
 * opening with "lượt" before it in its clause (recheck 12, N5); across a comma it does
 * not. */
static void a_vietnamese_counter_after_its_number(void **state)
{
    (void)state;
    bc_extraction x =
        run("vi", "2026-11-20",
            "Từ đầu năm đến nay, bình quân mỗi ngày có hơn 900 lượt xe qua cửa khẩu "
            "Móng Cái, lượt người xuất nhập cảnh qua cửa khẩu đạt hơn 2,4 triệu lượt.");
    const bc_xfigure *f = fig(&x, 2.4e6);
    if (f == NULL)
        fail_msg("2.4 million crossings not read");
    assert_string_equal(f->metric, "border_crossings");
    assert_string_equal(fig(&x, 900)->metric, "vehicles_per_day");
    bc_extraction_free(&x);
    x = run("vi", "2026-11-20",
            "Lượt người qua cửa khẩu Móng Cái, theo thống kê, đạt 5 triệu lượt.");
    assert_int_equal(x.nfigures, 0);
    bc_extraction_free(&x);
    /* past one aside between commas, a time or a source, the noun is still its own
     * (recheck2 12, P5); an aside that counts something else is a clause of its own: the
     * count is not stored, and counted */
    x = run("vi", "2026-11-20",
            "Lượt hành khách xuất nhập cảnh qua cửa khẩu Hữu Nghị, từ đầu năm đến nay, đạt "
            "hơn 2 triệu lượt.");
    f = fig(&x, 2e6);
    if (f == NULL)
        fail_msg("2 million crossings past an aside not read");
    assert_string_equal(f->metric, "border_crossings");
    bc_extraction_free(&x);
    x = run("vi", "2026-11-20",
            "Lượt hành khách qua cửa khẩu Hữu Nghị tăng, lượng hàng hóa giảm, đạt hơn 2 triệu "
            "lượt.");
    assert_int_equal(x.nfigures, 0);
    assert_int_equal(x.unmeasured_counts, 1);
    bc_extraction_free(&x);
}

/* A Vietnamese count whose counter "lượt" after the number repeats the noun read before it
 * is tied to that noun as firmly as a noun right after the number: it reaches the storing
 * threshold (recheck3 12, new problem 1); a number with no such counter, its noun only
 * guessed from "số lượt ..." before it, stays under it. */
static void a_vietnamese_counter_ties_its_count(void **state)
{
    (void)state;
    static const char *const tied[] = {
        "Lượt người xuất nhập cảnh qua cửa khẩu Thanh Thủy đạt gần 700.000 lượt.",
        "Số lượt hành khách xuất nhập cảnh qua cửa khẩu Tà Lùng đạt hơn 1,5 triệu lượt.",
    };
    for (size_t k = 0; k < sizeof tied / sizeof *tied; k++) {
        bc_extraction x = run("vi", "2026-11-20", tied[k]);
        if (x.nfigures != 1)
            fail_msg("'%s': %zu figures", tied[k], (size_t)x.nfigures);
        assert_string_equal(x.figures[0].metric, "border_crossings");
        if (x.figures[0].confidence < BC_X_MIN_CONFIDENCE)
            fail_msg("'%s': read at %.2f, not stored", tied[k], x.figures[0].confidence);
        bc_extraction_free(&x);
    }
    bc_extraction x =
        run("vi", "2026-11-20",
            "Số lượt hành khách xuất nhập cảnh qua cửa khẩu Tà Lùng đạt gần 600.000.");
    for (size_t k = 0; k < x.nfigures; k++)
        if (x.figures[k].confidence >= BC_X_MIN_CONFIDENCE)
            fail_msg("a number with no counter read at %.2f", x.figures[k].confidence);
    bc_extraction_free(&x);
}

/* An aside between commas that is a time with numbers of its own ("trong 9 tháng đầu năm
 * 2026") does not stop the count's noun (recheck3 12, new problem 3): the count is read,
 * of that period, and "tính từ đầu năm đến nay" there is its period too; an aside holding a
 * number of no date is a clause of its own, counted. */
static void a_vietnamese_count_past_a_dated_aside(void **state)
{
    (void)state;
    bc_extraction x = run("vi", "2026-11-20",
                          "Lượt hành khách xuất nhập cảnh qua cửa khẩu Tà Lùng, trong 9 tháng đầu "
                          "năm 2026, đạt gần 800.000 lượt.");
    const bc_xfigure *f = fig(&x, 8e5);
    if (f == NULL)
        fail_msg("800,000 crossings past a dated aside not read");
    assert_string_equal(f->metric, "border_crossings");
    assert_string_equal(f->period, "2026-01/2026-09");
    bc_extraction_free(&x);
    /* the same with the aside "since the start of the year": to the report's day; an aside
     * of a source is no period */
    x = run("vi", "2026-11-20",
            "Lượt hành khách xuất nhập cảnh qua cửa khẩu Tà Lùng, tính từ đầu năm đến nay, đạt "
            "gần 800.000 lượt.");
    assert_string_equal(fig(&x, 8e5)->period, "2026-01-01/2026-11-20");
    bc_extraction_free(&x);
    x = run("vi", "2026-11-20",
            "Lượt hành khách xuất nhập cảnh qua cửa khẩu Tà Lùng, theo Đồn Biên phòng, đạt gần "
            "800.000 lượt.");
    assert_string_equal(fig(&x, 8e5)->period, "");
    bc_extraction_free(&x);
    x = run("vi", "2026-11-20",
            "Lượt hành khách qua cửa khẩu Tà Lùng, trong đó 300.000 lượt xe, đạt gần 800.000 "
            "lượt.");
    for (size_t k = 0; k < x.nfigures; k++)
        if (fabs(x.figures[k].value - 8e5) < 1)
            fail_msg("800,000 read past an aside that counts something else");
    assert_int_equal(x.unmeasured_counts, 1);
    bc_extraction_free(&x);
}

/* Metric "tourists" is of tourists from the other country: a count of visitors to a site
 * whose sentence names no country is not stored as such, only counted (recheck 12,
 * finding 14); the same with the country named is. */
static void visitors_of_no_country_are_no_tourists(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *none, *some;
    } cases[] = {
        {"en", "This year the Detian scenic area welcomed more than 380,000 visitors.",
         "This year the Detian scenic area welcomed more than 380,000 Vietnamese visitors."},
        {"zh", "今年以来，德天瀑布景区共接待游客超过38万人次。",
         "今年以来，德天瀑布景区共接待越南游客超过38万人次。"},
        {"vi", "Năm nay, khu du lịch thác Bản Giốc đã đón hơn 380.000 lượt khách.",
         "Năm nay, khu du lịch thác Bản Giốc đã đón hơn 380.000 lượt khách Trung Quốc."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2026-11-20", cases[i].none);
        if (x.nfigures != 0 || x.unmeasured_counts != 1)
            fail_msg("'%s': %zu figures, %d unmeasured", cases[i].none, x.nfigures,
                     (int)x.unmeasured_counts);
        bc_extraction_free(&x);
        x = run(cases[i].lang, "2026-11-20", cases[i].some);
        const bc_xfigure *f = fig(&x, 380000);
        if (f == NULL)
            fail_msg("'%s': not read", cases[i].some);
        assert_string_equal(f->metric, "tourists");
        bc_extraction_free(&x);
    }
}

/* A range of counts is its two ends, range_low and range_high, of the same metric; a level
 * before and after a change is no range. */
static void a_range_of_counts_is_two_ends(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *metric;
    } cases[] = {
        {"en", "Between 1,100 and 1,350 trucks crossed the Chi Ma gate each day.",
         "vehicles_per_day"},
        {"en", "Between 1,100 and 1,350 trucks crossed the Chi Ma gate in October.", "vehicles"},
        {"vi", "Mỗi ngày có 1.100–1.350 xe hàng qua cửa khẩu Chi Ma.", "vehicles_per_day"},
        {"zh", "爱店口岸日均通关车辆1100至1350辆次。", "vehicles_per_day"},
        {"fr", "Chaque jour, 1 100 à 1 350 camions franchissent le poste-frontière de Chi Ma.",
         "vehicles_per_day"},
        {"fr", "Entre 1 100 et 1 350 camions franchissent chaque jour le poste-frontière.",
         "vehicles_per_day"},
        {"pl", "Codziennie przez przejście Chi Ma przejeżdża od 1100 do 1350 ciężarówek.",
         "vehicles_per_day"},
        {"sv", "Mellan 1 100 och 1 350 lastbilar passerar gränsen vid Chi Ma varje dag.",
         "vehicles_per_day"},
        {"nl", "Dagelijks passeren tussen de 1.100 en 1.350 vrachtwagens de grens bij Chi Ma.",
         "vehicles_per_day"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2026-11-20", cases[k].text);
        if (x.nfigures != 2 || !has_fig(&x, 1100) || !has_fig(&x, 1350))
            fail_msg("'%s': %zu figures, not the two ends", cases[k].text, x.nfigures);
        const bc_xfigure *lo = fig(&x, 1100), *hi = fig(&x, 1350);
        assert_string_equal(lo->qualifier, "range_low");
        assert_string_equal(hi->qualifier, "range_high");
        assert_int_equal(lo->range, BC_X_RANGE_LOW);
        assert_true(lo->range_other == 1350 && hi->range_other == 1100);
        assert_string_equal(lo->metric, cases[k].metric);
        assert_string_equal(hi->metric, cases[k].metric);
        bc_extraction_free(&x);
    }
    /* a level before and after: no range */
    bc_extraction x =
        run("en", "2026-11-20", "The number of trucks crossing the gate rose from 1,100 to 1,350.");
    for (size_t i = 0; i < x.nfigures; i++)
        assert_int_equal(x.figures[i].range, 0);
    bc_extraction_free(&x);
}

/* A count's metric never depends on published_on: a total whose clause says its time in
 * words is a total with or without a year to make a period of ("in the first ten months of
 * the year" after a daily rate); a count told "yesterday" is of that day when its sentence
 * goes on with another clause's time; the traffic a bridge carries, people who "steken de
 * grens over" and travellers counted after "het aantal" in millions are counted; a count
 * whose sentence does not say it is traffic, or a rate the store has no metric for, is
 * counted as not stored (analyst 11, F2, F9, F10). */
static void a_count_is_read_alike_with_and_without_a_date(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } totals[] = {
        {"en", "About 3,000 travellers crossed the border each day, and over 0.9 million people "
               "crossed it in the first eight months of the year."},
        {"zh", "日均出入境人员约3000人次，前8个月出入境人员超过90万人次。"},
        {"vi", "Mỗi ngày có khoảng 3.000 lượt người xuất nhập cảnh, và trong 8 tháng đầu năm có "
               "hơn 900.000 lượt người xuất nhập cảnh."},
        {"fr", "Chaque jour, environ 3 000 passagers franchissent la frontière, et plus de 900 000 "
               "personnes l'ont franchie au cours des huit premiers mois de l'année."},
        {"pl", "Dziennie granicę przekracza około 3000 podróżnych, a w ciągu pierwszych ośmiu "
               "miesięcy roku granicę przekroczyło ponad 900 000 osób."},
        {"sv", "Omkring 3 000 resenärer passerar gränsen varje dag, och under årets första åtta "
               "månader passerade över 900 000 människor gränsen."},
        {"nl", "Dagelijks passeren zo'n 3.000 reizigers de grens, en in de eerste acht maanden van "
               "het jaar passeerden ruim 900.000 mensen de grens."},
    };
    for (size_t k = 0; k < sizeof totals / sizeof totals[0]; k++) {
        const char *refs[] = {NULL, "2025-09-15"};
        for (int r = 0; r < 2; r++) {
            bc_extraction x = run(totals[k].lang, refs[r], totals[k].text);
            if (!has_fig(&x, 900000))
                fail_msg("'%s' (published_on %s): no total", totals[k].text,
                         refs[r] ? refs[r] : "none");
            const bc_xfigure *t = fig(&x, 900000);
            if (t != NULL && strcmp(t->metric, "border_crossings") != 0)
                fail_msg("'%s' (published_on %s): the total is %s", totals[k].text,
                         refs[r] ? refs[r] : "none", t->metric);
            assert_string_equal(fig(&x, 3000)->metric, "border_crossings_per_day");
            bc_extraction_free(&x);
        }
    }
    /* a clause that says no time still follows the daily rate before it */
    bc_extraction x = run("zh", NULL, "日均通关车辆约1500辆次，旺季时可达2000辆次。");
    assert_string_equal(fig(&x, 2000)->metric, "vehicles_per_day");
    bc_extraction_free(&x);

    /* "yesterday" dates the count, whatever clause follows */
    static const struct {
        const char *lang, *text;
    } days[] = {
        {"en", "Customs said 1,870 trucks were cleared yesterday, the most so far this year."},
        {"en", "Customs said 1,870 trucks were cleared yesterday."},
        {"zh", "海关称，昨天通关车辆1870辆次，为今年以来最多。"},
        {"nl", "Gisteren passeerden 1.870 vrachtwagens de grens, het hoogste aantal dit jaar."},
        {"sv", "I går passerade 1 870 lastbilar gränsen, den högsta siffran i år."},
    };
    for (size_t k = 0; k < sizeof days / sizeof days[0]; k++) {
        x = run(days[k].lang, "2025-09-15", days[k].text);
        const bc_xfigure *t = fig(&x, 1870);
        if (t != NULL && strcmp(t->period, "2025-09-14") != 0)
            fail_msg("'%s': period '%s'", days[k].text, t->period);
        bc_extraction_free(&x);
        x = run(days[k].lang, NULL, days[k].text);
        assert_string_equal(fig(&x, 1870)->period, ""); /* no year is guessed */
        bc_extraction_free(&x);
    }

    static const count_case missed[] = {
        {"en", "Officials said the new bridge now carries some 450 trucks a day.", 450,
         "vehicles_per_day", "vehicles", "about"},
        {"pl", "Według starostwa przez nowy most przejeżdża dziś około 450 ciężarówek dziennie.",
         450, "vehicles_per_day", "vehicles", "about"},
        {"nl", "Sinds de opening steken er dagelijks bijna 4.500 mensen de grens over.", 4500,
         "border_crossings_per_day", "people", "nearly"},
        {"nl", "Het aantal reizigers dat de grens overstak, steeg tot 1,4 miljoen.", 1.4e6,
         "border_crossings", "people", "exact"},
    };
    for (size_t k = 0; k < sizeof missed / sizeof missed[0]; k++) {
        x = run(missed[k].lang, "2025-09-15", missed[k].text);
        if (!has_fig(&x, missed[k].value))
            fail_msg("'%s': no count of %.0f", missed[k].text, missed[k].value);
        assert_fig(fig(&x, missed[k].value), missed[k].metric, missed[k].unit, missed[k].qualifier,
                   "");
        assert_int_equal(x.unmeasured_counts, 0);
        bc_extraction_free(&x);
    }
    /* what is left out is counted: trucks handed over, tourists a day, trucks a month */
    static const char *const dropped[][2] = {
        {"en", "The company handed over 20 trucks to the province."},
        {"en", "About 12,000 people attended the border trade fair each day."},
        {"fr", "Plus de 1 200 véhicules y sont dédouanés chaque mois."},
    };
    for (size_t k = 0; k < sizeof dropped / sizeof dropped[0]; k++) {
        x = run(dropped[k][0], "2025-09-15", dropped[k][1]);
        assert_int_equal(x.nfigures, 0);
        if (x.unmeasured_counts != 1)
            fail_msg("'%s': %zu counts left out", dropped[k][1], x.unmeasured_counts);
        bc_extraction_free(&x);
    }
    /* a number of no counted noun is no count left out */
    x = run("pl", NULL, "Strony wdrażają 3 dokumenty prawne między 5 prowincjami.");
    assert_int_equal(x.unmeasured_counts, 0);
    bc_extraction_free(&x);
}

/* A relative day or weekday opening its sentence, set off by a comma ("Hier, ...", "On
 * Friday, ..."), dates a count of that day once the article is dated, and none without a
 * publication date; a later number is no date of the weekday ("Mardi, 1 640 camions"), a
 * day number still is ("Mardi 11 novembre, ...") (analyst 11, F9). */
static void a_day_opening_its_sentence_dates_a_count(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *period;
    } days[] = {
        {"fr", "Hier, 1 640 camions ont franchi la frontière à Dong Dang.", "2025-09-14"},
        {"vi", "Hôm qua, 1.640 xe tải đã thông quan qua cửa khẩu.", "2025-09-14"},
        {"en", "On Friday, 1,640 trucks crossed the border at Huu Nghi.", "2025-09-12"},
        {"en", "Yesterday, 1,640 trucks crossed the border at Huu Nghi.", "2025-09-14"},
        {"zh", "昨天，1640辆货车通过口岸。", "2025-09-14"},
        {"nl", "Gisteren, 1.640 vrachtwagens passeerden de grens bij Mong Cai.", "2025-09-14"},
        {"sv", "Trafiken ökar. I fredags, 1 640 lastbilar passerade gränsen.", "2025-09-12"},
        {"pl", "Ruch rośnie. W piątek, 1640 ciężarówek przekroczyło granicę.", "2025-09-12"},
        {"fr", "Le trafic augmente. Vendredi, 1 640 camions ont franchi la frontière.",
         "2025-09-12"},
        {"vi", "Lưu lượng tăng. Thứ Sáu, 1.640 xe tải đã qua biên giới.", "2025-09-12"},
    };
    for (size_t k = 0; k < sizeof days / sizeof days[0]; k++) {
        bc_extraction x = run(days[k].lang, "2025-09-15", days[k].text);
        const bc_xfigure *t = has_fig(&x, 1640) ? fig(&x, 1640) : NULL;
        if (t == NULL || strcmp(t->period, days[k].period) != 0)
            fail_msg("'%s': period '%s'", days[k].text, t ? t->period : "-");
        bc_extraction_free(&x);
        x = run(days[k].lang, NULL, days[k].text);
        t = has_fig(&x, 1640) ? fig(&x, 1640) : NULL;
        if (t == NULL || t->period[0] != '\0')
            fail_msg("'%s' undated: period '%s'", days[k].text, t ? t->period : "-");
        bc_extraction_free(&x);
    }
    /* another clause's own time stays its; a day number after the weekday is its date */
    bc_extraction x = run("en", "2025-09-15",
                          "On Friday, officials said 1,640 trucks crossed the border in August.");
    assert_string_equal(fig(&x, 1640)->period, "2025-08");
    bc_extraction_free(&x);
    x = run("fr", "2025-09-15", "Mardi 9 septembre, 1 640 camions ont franchi la frontière.");
    assert_string_equal(fig(&x, 1640)->period, "2025-09-09");
    bc_extraction_free(&x);
}

/* Vehicles or people a bridge carries each day are traffic whatever the verb ("use the
 * bridge", "empruntent le pont", "通过大桥", "trafikeras av"); a count that only names
 * a bridge, with no rate, is not (analyst 11, F10). */
static void traffic_over_a_bridge_is_crossings(void **state)
{
    (void)state;
    static const count_case over[] = {
        {"en", "Close to 7,200 people cross the border via the bridge each day.", 7200,
         "border_crossings_per_day", "people", "nearly"},
        {"en", "Roughly 520 lorries use the bridge every day.", 520, "vehicles_per_day", "vehicles",
         "about"},
        {"fr", "Quelque 520 camions empruntent chaque jour le nouveau pont.", 520,
         "vehicles_per_day", "vehicles", "about"},
        {"zh", "每天有520辆货车通过北仑河大桥。", 520, "vehicles_per_day", "vehicles", "exact"},
        {"sv", "Bron trafikeras i dag av ungefär 520 lastbilar per dag.", 520, "vehicles_per_day",
         "vehicles", "about"},
        {"vi", "Mỗi ngày có 520 xe tải đi qua cây cầu mới.", 520, "vehicles_per_day", "vehicles",
         "exact"},
        {"pl", "Codziennie przez nowy most jedzie 520 ciężarówek.", 520, "vehicles_per_day",
         "vehicles", "exact"},
        {"nl", "Elke dag rijden 520 vrachtwagens over de nieuwe brug.", 520, "vehicles_per_day",
         "vehicles", "exact"},
    };
    for (size_t k = 0; k < sizeof over / sizeof over[0]; k++) {
        bc_extraction x = run(over[k].lang, "2025-09-15", over[k].text);
        if (!has_fig(&x, over[k].value))
            fail_msg("'%s': no count of %.0f", over[k].text, over[k].value);
        assert_fig(fig(&x, over[k].value), over[k].metric, over[k].unit, over[k].qualifier, "");
        assert_int_equal(x.unmeasured_counts, 0);
        bc_extraction_free(&x);
    }
    static const char *const built[][2] = {
        {"en", "About 520 trucks of steel went into the bridge."},
        {"fr", "Quelque 520 camions de béton ont servi à bâtir le pont."},
    };
    for (size_t k = 0; k < sizeof built / sizeof built[0]; k++) {
        bc_extraction x = run(built[k][0], "2025-09-15", built[k][1]);
        if (has_fig(&x, 520))
            fail_msg("'%s': stored as %s", built[k][1], fig(&x, 520)->metric);
        bc_extraction_free(&x);
    }
}

/* The counts analyst 11 found missed or misread (X2): Polish "przeładunki" are goods
 * carried; the Chinese "about" before "有" ("约有300辆") is the count's qualifier; a weekday
 * before a small count ("Mardi, 12 camions", "On Tuesday, 12 trucks") dates it rather than
 * being read as "Tuesday the 12th"; a short aside between two commas does not cut the
 * count from the words of its clause ("Bron, enligt tullen, trafikeras av ..."), while a
 * Chinese list's "、" is no aside. */
static void counts_past_an_aside_a_weekday_and_a_qualifier(void **state)
{
    (void)state;
    bc_extraction x =
        run("pl", "2026-11-20", "Przeładunki na przejściu Hekou wyniosły w 2025 r. 2,6 mln ton.");
    assert_string_equal(fig(&x, 2.6e6)->metric, "goods_carried");
    bc_extraction_free(&x);
    x = run("zh", "2026-11-20", "目前每天约有450辆货车经金水河口岸出入境。");
    assert_string_equal(fig(&x, 450)->qualifier, "about");
    assert_string_equal(fig(&x, 450)->metric, "vehicles_per_day");
    bc_extraction_free(&x);
    static const struct {
        const char *lang, *text;
    } weekday[] = {
        {"fr", "Mardi, 14 camions ont franchi la frontière à Ma Lu Thang."},
        {"en", "On Tuesday, 14 trucks crossed the border at Ma Lu Thang."},
        {"nl", "Dinsdag staken 14 vrachtwagens de grens over bij Ma Lu Thang."},
        {"pl", "We wtorek 14 ciężarówek przekroczyło granicę w Ma Lu Thang."},
        {"sv", "I tisdags passerade 14 lastbilar gränsen vid Ma Lu Thang."},
        {"vi", "Hôm thứ Ba, 14 xe tải đã qua cửa khẩu Ma Lù Thàng."},
    };
    for (size_t k = 0; k < sizeof weekday / sizeof weekday[0]; k++) {
        x = run(weekday[k].lang, "2026-11-20", weekday[k].text);
        if (!has_fig(&x, 14) || strcmp(fig(&x, 14)->period, "2026-11-17") != 0)
            fail_msg("'%s': no count of 14 on Tuesday 17 November", weekday[k].text);
        bc_extraction_free(&x);
    }
    /* a weekday before its day and month still dates a meeting by them */
    x = run("fr", "2026-05-20", "Les deux parties ont tenu des entretiens mardi 12 mai à Lao Cai.");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2026-05-12");
    bc_extraction_free(&x);
    static const struct {
        const char *lang, *text;
    } aside[] = {
        {"sv", "Bron, enligt tullen, trafikeras av omkring 450 lastbilar om dagen."},
        {"fr", "Le pont, selon les douanes, voit passer chaque jour environ 450 camions."},
        {"en", "About 450 trucks, officials said, cross the bridge every day."},
    };
    for (size_t k = 0; k < sizeof aside / sizeof aside[0]; k++) {
        x = run(aside[k].lang, "2026-11-20", aside[k].text);
        if (!has_fig(&x, 450) || strcmp(fig(&x, 450)->metric, "vehicles_per_day") != 0)
            fail_msg("'%s': no 450 vehicles a day", aside[k].text);
        bc_extraction_free(&x);
    }
    /* "、" lists the goods: the tonnes are no daily rate of the clause before */
    x = run("zh", "2026-11-20",
            "金水河口岸日均通行货车约450辆次，越南芒果、香蕉等水果经该口岸进境超过60万吨。");
    assert_string_equal(fig(&x, 6e5)->metric, "goods_carried");
    bc_extraction_free(&x);
}

/* Tonnes of goods that entered through a crossing are goods carried over the border, as
 * the same statement in Chinese ("经河口口岸进口的越南榴莲超过4万吨") already was (outsider 13,
 * F17: the English was not stored); tonnes that stay where they are carry nothing. */
static void goods_that_entered_through_a_crossing(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } entered[] = {
        {"en", "More than 25,000 tonnes of dragon fruit had entered Guangxi through Pingxiang "
               "since the start of the year."},
        {"fr", "Depuis le début de l'année, plus de 25 000 tonnes de fruits du dragon sont "
               "entrées au Guangxi par Pingxiang."},
        {"sv", "Sedan årets början har mer än 25 000 ton drakfrukt förts in i Guangxi via "
               "Pingxiang."},
        {"nl", "Sinds het begin van het jaar is ruim 25.000 ton drakenfruit via Pingxiang "
               "Guangxi binnengekomen."},
        {"zh", "今年以来，经凭祥口岸进口的越南火龙果超过2.5万吨。"},
    };
    for (size_t i = 0; i < sizeof entered / sizeof entered[0]; i++) {
        bc_extraction x = run(entered[i].lang, "2026-06-30", entered[i].text);
        if (!has_fig(&x, 25000) || strcmp(fig(&x, 25000)->metric, "goods_carried") != 0)
            fail_msg("%s: no goods carried", entered[i].text);
        bc_extraction_free(&x);
    }
    bc_extraction x = run("en", "2026-06-30",
                          "More than 25,000 tonnes of dragon fruit are stored in warehouses in "
                          "Pingxiang.");
    assert_false(has_fig(&x, 25000));
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(polish_counts_and_qualifiers),
        cmocka_unit_test(swedish_counts_and_directions),
        cmocka_unit_test(a_count_takes_its_own_period),
        cmocka_unit_test(border_traffic_is_counted_in_every_language),
        cmocka_unit_test(a_daily_rate_is_no_total),
        cmocka_unit_test(a_range_of_counts_is_two_ends),
        cmocka_unit_test(a_vietnamese_counter_after_its_number),
        cmocka_unit_test(a_vietnamese_counter_ties_its_count),
        cmocka_unit_test(a_vietnamese_count_past_a_dated_aside),
        cmocka_unit_test(visitors_of_no_country_are_no_tourists),
        cmocka_unit_test(a_count_is_read_alike_with_and_without_a_date),
        cmocka_unit_test(a_day_opening_its_sentence_dates_a_count),
        cmocka_unit_test(traffic_over_a_bridge_is_crossings),
        cmocka_unit_test(counts_past_an_aside_a_weekday_and_a_qualifier),
        cmocka_unit_test(goods_that_entered_through_a_crossing),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
