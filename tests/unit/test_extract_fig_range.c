/* test_extract_fig_range.c: a range of money (extract_fig_range.c, through bc_extract) is
 * its two ends, range_low and range_high, each with the range's measure, period, parties,
 * goal and change, in every language; a level before and after a change is no range, and
 * a range's ends never merge with other statements (analyst 9, F2), and the level before a
 * change is an amount with the later one's scale and currency (analyst 10). The sentences
 * are ours. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The figure of value whose qualifier is q, failing the test otherwise. */
static const bc_xfigure *end_of(const bc_extraction *x, double value, const char *q,
                                const char *text)
{
    const bc_xfigure *f = fig(x, value);
    if (f == NULL || strcmp(f->qualifier, q) != 0)
        fail_msg("'%s': %.0f is '%s', not %s", text, value, f ? f->qualifier : "-", q);
    return f;
}

static void ranges_are_two_ends(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *period;
        double lo, hi, change;
        int target;
    } cases[] = {
        {"en",
         "Import-export turnover between Lai Chau and Yunnan reached between USD 2 billion and "
         "USD 2.5 billion in the first nine months of 2025, up 12% year on year.",
         "2025-01/2025-09", 2e9, 2.5e9, 12, 0},
        {"en",
         "Lao Cai and Yunnan aim to lift trade to between USD 2 billion and USD 2.5 billion "
         "in 2026.",
         "2026", 2e9, 2.5e9, 0, 1},
        {"en",
         "Trade between Lao Cai and Yunnan reached 2-2.5 billion USD in 2025, up 12% year on "
         "year.",
         "2025", 2e9, 2.5e9, 12, 0},
        {"en", "Trade between Lao Cai and Yunnan reached between 2 and 2.5 billion USD in 2025.",
         "2025", 2e9, 2.5e9, 0, 0},
        {"en", "Trade between Lao Cai and Yunnan is expected to reach USD 2-2.5 billion in 2026.",
         "2026", 2e9, 2.5e9, 0, 1},
        {"vi",
         "Năm 2025, kim ngạch xuất nhập khẩu giữa Lào Cai và Vân Nam đạt từ 2 đến 2,5 tỷ "
         "USD, tăng 12%.",
         "2025", 2e9, 2.5e9, 12, 0},
        {"vi",
         "Năm 2025, kim ngạch xuất nhập khẩu giữa Lào Cai và Vân Nam đạt 2-2,5 tỷ USD, "
         "tăng 12%.",
         "2025", 2e9, 2.5e9, 12, 0},
        {"zh", "2025年，老街省与云南省进出口贸易额达到20亿至25亿美元，同比增长12%。", "2025", 2e9,
         2.5e9, 12, 0},
        {"zh", "2025年，老街省与云南省进出口贸易额达到20-25亿美元，同比增长12%。", "2025", 2e9,
         2.5e9, 12, 0},
        {"fr",
         "Les échanges commerciaux entre Lao Cai et le Yunnan ont atteint entre 2 et 2,5 "
         "milliards de dollars en 2025, en hausse de 12 %.",
         "2025", 2e9, 2.5e9, 12, 0},
        {"pl",
         "W 2025 r. obroty handlowe między Lao Cai a Junnanem wyniosły od 2 do 2,5 mld USD, "
         "co oznacza wzrost o 12%.",
         "2025", 2e9, 2.5e9, 12, 0},
        {"sv",
         "Under 2025 uppgick handeln mellan Lao Cai och Yunnan till mellan 2 och 2,5 "
         "miljarder dollar, en ökning med 12 procent.",
         "2025", 2e9, 2.5e9, 12, 0},
        {"nl",
         "In 2025 bedroeg de handel tussen Lao Cai en Yunnan tussen 2 en 2,5 miljard dollar, "
         "een stijging van 12 procent.",
         "2025", 2e9, 2.5e9, 12, 0},
        {"nl", "In 2025 bedroeg de handel tussen Lao Cai en Yunnan van 2 tot 2,5 miljard dollar.",
         "2025", 2e9, 2.5e9, 0, 0},
        /* "tussen de": the range reader of counts and of money is one (range_join) */
        {"nl",
         "In 2025 bedroeg de handel tussen Lao Cai en Yunnan tussen de 2 en 2,5 miljard "
         "dollar.",
         "2025", 2e9, 2.5e9, 0, 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2025-12-01", cases[k].text);
        if (x.nfigures != 2)
            fail_msg("'%s': %zu figures", cases[k].text, x.nfigures);
        const bc_xfigure *lo = end_of(&x, cases[k].lo, "range_low", cases[k].text);
        const bc_xfigure *hi = end_of(&x, cases[k].hi, "range_high", cases[k].text);
        assert_int_equal(lo->range, BC_X_RANGE_LOW);
        assert_int_equal(hi->range, BC_X_RANGE_HIGH);
        assert_true(lo->range_other == cases[k].hi && hi->range_other == cases[k].lo);
        assert_true(lo < hi); /* the lower end first */
        for (int e = 0; e < 2; e++) {
            const bc_xfigure *f = e ? hi : lo;
            if (strcmp(f->metric, "trade_turnover") != 0 || f->metric_inferred ||
                strcmp(f->period, cases[k].period) != 0 || f->target != cases[k].target ||
                f->has_change != (cases[k].change != 0) ||
                (f->has_change && f->change_pct != cases[k].change) || f->nparties != 2 ||
                strcmp(f->unit, "USD") != 0 || f->cite.nquotes != 1)
                fail_msg("'%s': end %d read as %s (inferred %d) %s target %d change %d %.1f "
                         "parties %d",
                         cases[k].text, e, f->metric, f->metric_inferred, f->period, f->target,
                         f->has_change, f->change_pct, f->nparties);
        }
        bc_extraction_free(&x);
    }
}

/* Two amounts around a word of change are a level before and one after, not a range; two
 * amounts joined by "and" without "between" are two amounts; out of order is no range. */
static void changes_and_lists_are_no_ranges(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"en", "Trade between Lao Cai and Yunnan rose from USD 2 billion to USD 2.5 billion in "
               "2025."},
        {"vi", "Năm 2025, kim ngạch xuất nhập khẩu giữa Lào Cai và Vân Nam tăng từ 2 tỷ USD lên "
               "2,5 tỷ USD."},
        {"zh", "2025年，老街省与云南省进出口贸易额从20亿美元增至25亿美元。"},
        {"fr", "Les échanges commerciaux entre Lao Cai et le Yunnan sont passés de 2 à 2,5 "
               "milliards de dollars en 2025."},
        {"pl", "W 2025 r. obroty handlowe między Lao Cai a Junnanem wzrosły z 2 do 2,5 mld USD."},
        {"nl", "In 2025 steeg de handel tussen Lao Cai en Yunnan van 2 naar 2,5 miljard dollar."},
        {"en", "Exports and imports reached 2 billion and 3 billion USD in 2025."},
        {"en", "Trade reached between USD 3 billion and USD 2.5 billion in 2025."},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2025-12-01", cases[k].text);
        for (size_t i = 0; i < x.nfigures; i++)
            if (x.figures[i].range || strncmp(x.figures[i].qualifier, "range", 5) == 0)
                fail_msg("'%s': %.0f read as an end of a range", cases[k].text, x.figures[i].value);
        bc_extraction_free(&x);
    }
    bc_extraction x = run("en", NULL, "Exports and imports reached 2 billion and 3 billion USD.");
    assert_string_equal(fig(&x, 3e9)->qualifier, "exact");
    assert_string_equal(fig(&x, 2e9)->qualifier, "exact");
    bc_extraction_free(&x);
}

/* The ends of a range stated twice are two facts with both statements; an exact amount of
 * the same value elsewhere stays a fact of its own. */
static void ends_merge_only_with_ends(void **state)
{
    (void)state;
    bc_extraction x = run("en", "2025-12-01",
                          "Lao Cai trade hits USD 2-2.5 billion\n"
                          "Trade between Lao Cai and Yunnan reached between USD 2 billion and "
                          "USD 2.5 billion in 2025. Exports reached USD 2 billion in 2024.");
    size_t lows = 0, highs = 0, exact = 0;
    for (size_t i = 0; i < x.nfigures; i++) {
        const bc_xfigure *f = &x.figures[i];
        if (f->range == BC_X_RANGE_LOW)
            lows++, assert_int_equal(f->cite.nquotes, 2);
        else if (f->range == BC_X_RANGE_HIGH)
            highs++, assert_int_equal(f->cite.nquotes, 2);
        else if (strcmp(f->qualifier, "exact") == 0 && f->value == 2e9)
            exact++, assert_string_equal(f->metric, "exports");
    }
    assert_int_equal(lows, 1);
    assert_int_equal(highs, 1);
    assert_int_equal(exact, 1);
    bc_extraction_free(&x);
}

/* A hedge of the whole range ("about 2-2.5 billion", "khoảng 2,5-3 tỷ", "约20亿至25亿") is
 * kept with both ends, which stay ends of a range; an exact range has none. */
static void a_hedge_is_the_whole_ranges(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double lo, hi;
        const char *hedge;
    } cases[] = {
        {"en", "Trade between Lao Cai and Yunnan is expected at about USD 2-2.5 billion in 2026.",
         2e9, 2.5e9, "about"},
        {"vi", "Năm 2025, kim ngạch qua cửa khẩu Lào Cai đạt khoảng 2,5-3 tỷ USD.", 2.5e9, 3e9,
         "about"},
        {"zh", "2025年，老街省与云南省进出口贸易额约20亿至25亿元人民币。", 2e9, 2.5e9, "about"},
        {"en", "Trade between Lao Cai and Yunnan reached 2-2.5 billion USD in 2025.", 2e9, 2.5e9,
         ""},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2025-12-01", cases[k].text);
        const bc_xfigure *lo = end_of(&x, cases[k].lo, "range_low", cases[k].text);
        const bc_xfigure *hi = end_of(&x, cases[k].hi, "range_high", cases[k].text);
        if (strcmp(lo->range_hedge, cases[k].hedge) != 0 ||
            strcmp(hi->range_hedge, cases[k].hedge) != 0)
            fail_msg("'%s': hedged '%s' and '%s'", cases[k].text, lo->range_hedge, hi->range_hedge);
        bc_extraction_free(&x);
    }
}

/* The level before a change ("rose from 2 to 2.5 billion USD") is an amount of its own with
 * the later one's measure, and its scale and currency when it writes none (analyst 10): never
 * the later one's period, only one written between "from" and "to"; a scale it writes is its
 * own; another currency is none it shares. */
static void a_level_before_is_an_amount(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double before, after;
        const char *period_before;
    } cases[] = {
        {"en", "Trade between Lao Cai and Yunnan rose from 2 to 2.5 billion USD in 2025.", 2e9,
         2.5e9, ""},
        {"en",
         "Trade between Lao Cai and Yunnan rose from USD 2 billion to USD 2.5 billion in 2025.",
         2e9, 2.5e9, ""},
        {"en", "Trade between Lao Cai and Yunnan rose from 800 million to 2.5 billion USD in 2025.",
         8e8, 2.5e9, ""},
        {"en",
         "Trade between Lao Cai and Yunnan rose from USD 2 billion in 2024 to USD 2.5 billion in "
         "2025.",
         2e9, 2.5e9, "2024"},
        {"vi",
         "Năm 2025, kim ngạch xuất nhập khẩu giữa Lào Cai và Vân Nam tăng từ 2 lên 2,5 tỷ USD.",
         2e9, 2.5e9, ""},
        {"zh", "2025年，老街省与云南省进出口贸易额从20亿增至25亿美元。", 2e9, 2.5e9, ""},
        {"zh", "2025年，老街省与云南省进出口贸易额从20亿美元增至25亿美元。", 2e9, 2.5e9, ""},
        {"fr",
         "Les échanges commerciaux entre Lao Cai et le Yunnan sont passés de 2 à 2,5 milliards de "
         "dollars en 2025.",
         2e9, 2.5e9, ""},
        {"pl", "W 2025 r. obroty handlowe między Lao Cai a Junnanem wzrosły z 2 do 2,5 mld USD.",
         2e9, 2.5e9, ""},
        {"sv", "Handeln mellan Lao Cai och Yunnan ökade 2025 från 2 till 2,5 miljarder dollar.",
         2e9, 2.5e9, ""},
        {"nl", "In 2025 steeg de handel tussen Lao Cai en Yunnan van 2 naar 2,5 miljard dollar.",
         2e9, 2.5e9, ""},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2025-12-01", cases[k].text);
        if (!has_fig(&x, cases[k].before) || x.nfigures != 2)
            fail_msg("'%s': %zu figures, no level of %.0f before", cases[k].text, x.nfigures,
                     cases[k].before);
        const bc_xfigure *b = fig(&x, cases[k].before), *a = fig(&x, cases[k].after);
        assert_int_equal(b->level, BC_X_LEVEL_BEFORE);
        assert_int_equal(a->level, BC_X_LEVEL_AFTER);
        assert_true(b->level_other == cases[k].after && a->level_other == cases[k].before);
        assert_string_equal(b->unit, "USD");
        assert_string_equal(b->metric, "trade_turnover");
        assert_string_equal(b->qualifier, "exact");
        assert_int_equal(b->range, 0);
        if (strcmp(b->period, cases[k].period_before) != 0)
            fail_msg("'%s': the level before has period '%s'", cases[k].text, b->period);
        assert_string_equal(a->period, "2025");
        assert_true(has_party(b, "lao-cai") && has_party(b, "yunnan"));
        /* the later level stays the one later sentences go on about: it comes last */
        assert_true(b < a);
        bc_extraction_free(&x);
    }
    /* another currency is no shared one; "to" without "from" is no change from a level */
    bc_extraction x =
        run("en", "2025-12-01", "Trade rose from 15 billion yuan to 2.5 billion USD in 2025.");
    for (size_t i = 0; i < x.nfigures; i++)
        assert_int_equal(x.figures[i].level, 0);
    bc_extraction_free(&x);
    const char *no_level[] = {"Trade of the 4 provinces rose to 2.5 billion USD in 2025.",
                              "Exports from 3 provinces rose to 2.5 billion USD in 2025."};
    for (size_t k = 0; k < 2; k++) {
        x = run("en", "2025-12-01", no_level[k]);
        if (x.nfigures != 1 || x.figures[0].level != 0)
            fail_msg("'%s': %zu figures, the first a level %d", no_level[k], x.nfigures,
                     x.nfigures ? x.figures[0].level : 0);
        bc_extraction_free(&x);
    }
}

/* Each level of a change keeps its own period, never the other's: the earlier level's is
 * written between "from" and "to" (or is "the same period of last year", the year before the
 * period the article spoke of), the later level's after it; a count's noun may stand after
 * the earlier level; the later level is of the earlier one's measure (analyst 11, F5, F6,
 * F7, F11). */
static void each_level_keeps_its_own_period(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double before, after;
        const char *period_before, *period_after;
    } cases[] = {
        {"sv",
         "Antalet resenärer som korsade gränsen ökade från 200 000 år 2023 till 260 000 år 2024.",
         2e5, 2.6e5, "2023", "2024"},
        {"nl",
         "Het aantal reizigers dat de grens overstak steeg van 0,9 miljoen in 2023 naar 1,3 "
         "miljoen in 2024.",
         9e5, 1.3e6, "2023", "2024"},
        {"vi",
         "Số lượt người xuất nhập cảnh tăng từ 200.000 lượt năm 2023 lên 260.000 lượt năm 2024.",
         2e5, 2.6e5, "2023", "2024"},
        {"zh", "出入境人员从2023年的20万人次增至2024年的26万人次。", 2e5, 2.6e5, "2023", "2024"},
        {"pl",
         "Liczba osób przekraczających granicę wzrosła z 200 000 w 2023 r. do 260 000 w 2024 r.",
         2e5, 2.6e5, "2023", "2024"},
        /* a count's noun after the earlier level: the later level's time is not its own */
        {"en",
         "Goods carried across the gate grew from 2.2 million tonnes to 2.9 million tonnes in "
         "the first nine months of 2024.",
         2.2e6, 2.9e6, "", "2024-01/2024-09"},
        {"sv",
         "Godsvolymen över gränsen steg från 2,2 miljoner ton till 2,9 miljoner ton under årets "
         "första nio månader 2024.",
         2.2e6, 2.9e6, "", "2024-01/2024-09"},
        {"sv",
         "Exporten över gränsen sjönk från 2,9 miljarder dollar till 2,2 miljarder dollar under "
         "årets första nio månader 2024.",
         2.9e9, 2.2e9, "", "2024-01/2024-09"},
        /* "the same period of last year": the year before the period spoken of */
        {"zh", "1至6月，两省贸易额达12亿美元。口岸货运量从去年同期的200万吨增至260万吨。", 2e6,
         2.6e6, "2023-01/2023-06", "2024-01/2024-06"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2024-10-05", cases[k].text);
        if (!has_fig(&x, cases[k].before) || !has_fig(&x, cases[k].after))
            fail_msg("'%s': %zu figures, not both levels", cases[k].text, x.nfigures);
        const bc_xfigure *b = fig(&x, cases[k].before), *a = fig(&x, cases[k].after);
        if (b->level != BC_X_LEVEL_BEFORE || a->level != BC_X_LEVEL_AFTER)
            fail_msg("'%s': levels %d and %d", cases[k].text, b->level, a->level);
        if (strcmp(b->period, cases[k].period_before) != 0 ||
            strcmp(a->period, cases[k].period_after) != 0)
            fail_msg("'%s': periods '%s' and '%s'", cases[k].text, b->period, a->period);
        assert_string_equal(b->metric, a->metric);
        bc_extraction_free(&x);
    }
    /* "steg" as a noun ("a step") makes no change of the one figure after it */
    bc_extraction x = run("sv", "2024-10-05",
                          "Ett steg framåt: 2,9 miljoner ton gods passerade gränsen under årets "
                          "första nio månader 2024.");
    assert_int_equal(fig(&x, 2.9e6)->level, 0);
    assert_string_equal(fig(&x, 2.9e6)->period, "2024-01/2024-09");
    bc_extraction_free(&x);
    /* undated, "the same period of last year" gives neither level a period */
    x = run("zh", NULL, "1至6月，两省贸易额达12亿美元。口岸货运量从去年同期的200万吨增至260万吨。");
    assert_string_equal(fig(&x, 2e6)->period, "");
    assert_string_equal(fig(&x, 2.6e6)->period, "");
    bc_extraction_free(&x);
    /* the later level of exports is exports, not the turnover of the sentence before, and
     * takes none of its period */
    x = run(
        "pl", "2025-03-01",
        "W 2024 r. obroty handlowe między Lao Cai a Junnanem wyniosły 3 mld USD, z czego eksport "
        "1,2 mld USD. Wartość eksportu kawy wzrosła z 150 mln USD do 240 mln USD.");
    assert_string_equal(fig(&x, 2.4e8)->metric, "exports");
    assert_false(fig(&x, 2.4e8)->metric_inferred);
    assert_string_equal(fig(&x, 2.4e8)->period, "");
    assert_string_equal(fig(&x, 1.5e8)->period, "");
    /* the turnover and its part keep theirs */
    assert_string_equal(fig(&x, 3e9)->period, "2024");
    bc_extraction_free(&x);
    /* "in the same period" said of the change: both levels are of it */
    x = run("en", "2025-03-01",
            "Trade between Lao Cai and Yunnan reached USD 3 billion in 2024. In the same period, "
            "coffee exports rose from USD 150 million to USD 240 million.");
    assert_string_equal(fig(&x, 2.4e8)->metric, "exports");
    bc_extraction_free(&x);
}

/* A fall from one level to another is a change as a rise is (analyst 11, X1): the earlier
 * level gets no period of the later one's, in every language and with every verb ("ont
 * chuté de ... à", "giảm từ ... xuống", "xuống còn", "回落至", "nam ... af van ... tot"), is of
 * the later one's measure (French "de" is not "by" there), and the later level takes the
 * time the sentence opens with; a count of cargo is read in Polish ("ładunków",
 * "przeładunki") and Swedish ("Godsmängden"). */
static void a_fall_keeps_each_level_its_own_period(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double before, after;
    } cases[] = {
        {"fr",
         "Les exportations de Cao Bang vers le Guangxi ont chuté de 1,4 milliard USD à 1,1 "
         "milliard USD au cours des huit premiers mois de 2024.",
         1.4e9, 1.1e9},
        {"fr",
         "Les exportations de Cao Bang vers le Guangxi sont tombées de 1,4 milliard USD à "
         "1,1 milliard USD au cours des huit premiers mois de 2024.",
         1.4e9, 1.1e9},
        {"fr",
         "Les exportations de Cao Bang vers le Guangxi ont augmenté de 1,1 milliard USD à "
         "1,4 milliard USD au cours des huit premiers mois de 2024.",
         1.1e9, 1.4e9},
        {"vi",
         "Xuất khẩu của Cao Bằng sang Quảng Tây giảm từ 1,4 tỷ USD xuống 1,1 tỷ USD trong 8 "
         "tháng đầu năm 2024.",
         1.4e9, 1.1e9},
        {"vi",
         "Xuất khẩu của Cao Bằng sang Quảng Tây sụt giảm từ 1,4 tỷ USD xuống còn 1,1 tỷ USD "
         "trong 8 tháng đầu năm 2024.",
         1.4e9, 1.1e9},
        {"en",
         "Cao Bang's exports to Guangxi slid, falling from USD 1.4 billion to USD 1.1 "
         "billion in the first eight months of 2024.",
         1.4e9, 1.1e9},
        {"zh", "2024年前8个月，高平对广西出口额从14亿美元回落至11亿美元。", 1.4e9, 1.1e9},
        {"zh", "2024年前8个月，口岸货运量由140万吨减少到110万吨。", 1.4e6, 1.1e6},
        {"nl",
         "De export van Cao Bang naar Guangxi nam in de eerste acht maanden van 2024 af van "
         "1,4 miljard dollar tot 1,1 miljard dollar.",
         1.4e9, 1.1e9},
        {"sv",
         "Cao Bangs export till Guangxi sjönk från 1,4 miljarder dollar till 1,1 miljarder "
         "dollar under årets första åtta månader 2024.",
         1.4e9, 1.1e9},
        {"pl",
         "Eksport Cao Bang do Guangxi spadł z 1,4 mld USD do 1,1 mld USD w ciągu ośmiu "
         "miesięcy 2024 r.",
         1.4e9, 1.1e9},
        {"pl",
         "Wolumen ładunków wzrósł z 1,1 mln ton do 1,4 mln ton w ciągu ośmiu miesięcy "
         "2024 r.",
         1.1e6, 1.4e6},
        {"pl", "Przeładunki spadły z 1,4 mln ton do 1,1 mln ton w ciągu ośmiu miesięcy 2024 r.",
         1.4e6, 1.1e6},
        {"sv",
         "Godsmängden ökade från 1,1 miljoner ton till 1,4 miljoner ton under årets första "
         "åtta månader 2024.",
         1.1e6, 1.4e6},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_extraction x = run(cases[k].lang, "2024-10-05", cases[k].text);
        if (!has_fig(&x, cases[k].before) || !has_fig(&x, cases[k].after))
            fail_msg("'%s': %zu figures, not both levels", cases[k].text, x.nfigures);
        const bc_xfigure *b = fig(&x, cases[k].before), *a = fig(&x, cases[k].after);
        if (b->level != BC_X_LEVEL_BEFORE || a->level != BC_X_LEVEL_AFTER ||
            strcmp(b->period, "") != 0 || strcmp(a->period, "2024-01/2024-08") != 0 ||
            b->change_amount || a->metric[0] == '\0' || strcmp(b->metric, a->metric) != 0)
            fail_msg("'%s': levels %d %d, periods '%s' '%s', measures '%s' '%s'", cases[k].text,
                     b->level, a->level, b->period, a->period, b->metric, a->metric);
        bc_extraction_free(&x);
    }
    /* a French change by an amount, with no level after it, stays a change */
    bc_extraction x = run("fr", "2024-10-05",
                          "Les exportations ont chuté de 300 millions USD au cours des huit "
                          "premiers mois de 2024.");
    assert_true(fig(&x, 3e8)->change_amount);
    assert_int_equal(fig(&x, 3e8)->level, 0);
    bc_extraction_free(&x);
    /* a Dutch "af" of no verb of taking is no change: two amounts, no levels */
    x = run("nl", "2024-10-05",
            "Het bedrag ging af van de begroting van 1,4 miljard dollar tot 1,1 miljard dollar.");
    for (size_t i = 0; i < x.nfigures; i++)
        assert_int_equal(x.figures[i].level, 0);
    bc_extraction_free(&x);
}

/* Allocation failure while a range adds its second end fails cleanly. */
static void allocation_failure(void **state)
{
    (void)state;
    const char *text = "Trade between Lao Cai and Yunnan reached 2-2.5 billion USD in 2025.";
    int rc = BC_ENOMEM;
    for (long n = 0; n < 5000 && rc != 0; n++) {
        bc_extraction x;
        bc_err err;
        bc_alloc_fail_after(n);
        rc = bc_extract(text, strlen(text), "en", NULL, G, &x, &err);
        bc_alloc_fail_reset();
        if (rc != 0) {
            assert_int_equal(rc, BC_ENOMEM);
            assert_int_equal(x.nfigures, 0);
        } else {
            assert_int_equal(x.nfigures, 2);
        }
        bc_extraction_free(&x);
    }
    assert_int_equal(rc, 0);
}

/* "from X in the same period last year to Y", in every language: the earlier level is
 * the same months a year before the period the article or the sentence speaks of, the
 * later level that period, both marked as taken from it (period_context 2 and 1); never
 * both of last year, never the earlier one of the later one's period as stated, and no
 * period inferred of none (analyst 11, F5/F6). */
static void a_level_of_the_same_period_last_year_keeps_its_period(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double before, after;
    } cases[] = {
        {"en", "From January to August, two-way trade came to USD 4.4 billion. Freight through the "
               "gate climbed from 1.7 million tonnes in the same period last year to 2.3 million "
               "tonnes."},
        {"en",
         "In the first eight months, turnover rose from USD 1.7 billion in the same period last "
         "year to USD 2.3 billion.",
         1.7e9, 2.3e9},
        {"vi",
         "Trong 8 tháng đầu năm, hàng hóa qua cửa khẩu tăng từ 1,7 triệu tấn cùng kỳ năm ngoái "
         "lên 2,3 triệu tấn.",
         1.7e6, 2.3e6},
        {"fr",
         "Au cours des huit premiers mois, le fret a progressé de 1,7 million de tonnes sur la "
         "même période l'an dernier à 2,3 millions de tonnes.",
         1.7e6, 2.3e6},
        {"zh", "前8个月，口岸贸易额由去年同期的17亿美元增加到23亿美元。", 1.7e9, 2.3e9},
        {"pl",
         "W ciągu ośmiu miesięcy obroty wzrosły z 1,7 mld USD w analogicznym okresie ubiegłego "
         "roku do 2,3 mld USD.",
         1.7e9, 2.3e9},
        {"sv",
         "Under årets första åtta månader ökade godsvolymen över gränsen från 1,7 miljoner ton "
         "under samma period i fjol till 2,3 miljoner ton.",
         1.7e6, 2.3e6},
        {"nl",
         "In de eerste acht maanden steeg de vracht van 1,7 miljoen ton in dezelfde periode "
         "vorig jaar naar 2,3 miljoen ton.",
         1.7e6, 2.3e6},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        double before = cases[k].before ? cases[k].before : 1.7e6;
        double after = cases[k].after ? cases[k].after : 2.3e6;
        bc_extraction x = run(cases[k].lang, "2025-09-20", cases[k].text);
        if (!has_fig(&x, before) || !has_fig(&x, after))
            fail_msg("'%s': %zu figures, not both levels", cases[k].text, x.nfigures);
        const bc_xfigure *b = fig(&x, before), *a = fig(&x, after);
        if (strcmp(b->period, "2024-01/2024-08") != 0 || strcmp(a->period, "2025-01/2025-08") != 0)
            fail_msg("'%s': periods '%s' and '%s'", cases[k].text, b->period, a->period);
        if (b->period_context != 2 || a->period_context != 1 || !b->period_inferred)
            fail_msg("'%s': marks %d/%d", cases[k].text, b->period_context, a->period_context);
        bc_extraction_free(&x);
    }
    /* the later level's own period written after it is not the earlier one's */
    bc_extraction x = run("fr", "2025-09-20",
                          "Le fret est passé de 1,7 million de tonnes à 2,3 millions de tonnes "
                          "au cours des huit premiers mois de 2025.");
    assert_string_equal(fig(&x, 1.7e6)->period, "");
    assert_string_equal(fig(&x, 2.3e6)->period, "2025-01/2025-08");
    bc_extraction_free(&x);
    /* nothing to take the period from: none, and nothing marked inferred */
    x = run("zh", "2025-09-20", "口岸货运量从去年同期的170万吨增至230万吨。");
    assert_string_equal(fig(&x, 1.7e6)->period, "");
    assert_string_equal(fig(&x, 2.3e6)->period, "");
    assert_false(fig(&x, 2.3e6)->period_inferred);
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ranges_are_two_ends),
        cmocka_unit_test(changes_and_lists_are_no_ranges),
        cmocka_unit_test(ends_merge_only_with_ends),
        cmocka_unit_test(a_hedge_is_the_whole_ranges),
        cmocka_unit_test(a_level_before_is_an_amount),
        cmocka_unit_test(each_level_keeps_its_own_period),
        cmocka_unit_test(a_level_of_the_same_period_last_year_keeps_its_period),
        cmocka_unit_test(a_fall_keeps_each_level_its_own_period),
        cmocka_unit_test_teardown(allocation_failure, xf_reset_alloc),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
