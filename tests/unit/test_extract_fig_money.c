/* test_extract_fig_money.c: the words of one amount of money (extract_fig_money.c): a
 * currency sign after the number, compact unit letters a currency goes with ("1,2 M$",
 * "800 k$", "2,4 M USD", "1,2 MUSD") in every language of the Latin script, and amounts
 * whose scale is unread: refused, counted and recorded with their words. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

/* The words of the unread amount number k of x, as the text writes them. */
static void assert_unread(const char *text, const bc_extraction *x, size_t k, const char *want)
{
    if (k >= x->nunread)
        fail_msg("%s: %zu unread amounts, want '%s'", text, x->nunread, want);
    assert_quote(text, x->unread[k].start, x->unread[k].end, want);
}

/* "1,2 M$", "3,5 Md$", "1,2 M€", "800 k$", "2,4 M USD": M is a million, Md and Mds a
 * milliard, k a thousand, G a milliard (Quebec), in French and in the other languages that
 * write them; a sign after the amount is its currency. */
static void compact_units_before_a_currency(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *unit;
        double value;
    } cases[] = {
        {"fr", "En 2025, les échanges entre Cao Bang et le Guangxi ont atteint 1,2 M$.", "USD",
         1.2e6},
        {"fr", "En 2024, les échanges entre Cao Bang et le Guangxi ont atteint 3,5 Md$.", "USD",
         3.5e9},
        {"fr", "En 2024, les échanges entre Cao Bang et le Guangxi ont atteint 4,1 Mds $.", "USD",
         4.1e9},
        {"fr", "En 2023, les investissements du Guangxi à Cao Bang ont atteint 1,2 M€.", "EUR",
         1.2e6},
        {"fr", "En 2022, les échanges entre Cao Bang et le Guangxi ont atteint 800 k$.", "USD",
         8e5},
        {"fr", "En 2021, les échanges entre Cao Bang et le Guangxi ont atteint 2,4 M USD.", "USD",
         2.4e6},
        {"fr", "En 2020, les investissements du Guangxi à Cao Bang ont atteint 1,5 M d'euros.",
         "EUR", 1.5e6},
        {"fr", "En 2019, les échanges entre Cao Bang et le Guangxi ont atteint 2 G$.", "USD", 2e9},
        {"fr", "En 2018, les échanges entre Cao Bang et le Guangxi ont atteint 900 000 $.", "USD",
         9e5},
        {"fr", "En 2017, les échanges entre Cao Bang et le Guangxi ont atteint 1,3 million $US.",
         "USD", 1.3e6},
        {"pl", "W 2025 roku obroty między Cao Bang a Kuangsi wyniosły 1,2 mln $.", "USD", 1.2e6},
        {"pl", "W 2024 roku obroty między Cao Bang a Kuangsi wyniosły 800 tys. $.", "USD", 8e5},
        {"pl", "W 2023 roku obroty między Cao Bang a Kuangsi wyniosły 1,2 M$.", "USD", 1.2e6},
        {"sv", "År 2025 uppgick handeln mellan Cao Bang och Guangxi till 1,2 MUSD.", "USD", 1.2e6},
        {"sv", "År 2024 uppgick handeln mellan Cao Bang och Guangxi till 3,5 mdr $.", "USD", 3.5e9},
        {"sv", "År 2023 uppgick handeln mellan Cao Bang och Guangxi till 2,4 milj. €.", "EUR",
         2.4e6},
        {"nl", "In 2025 bedroeg de handel tussen Cao Bang en Guangxi 1,2 mln $.", "USD", 1.2e6},
        {"nl", "In 2024 bedroeg de handel tussen Cao Bang en Guangxi 2,4 M USD.", "USD", 2.4e6},
        {"vi", "Năm 2025, kim ngạch giữa Cao Bằng và Quảng Tây đạt 3,5 tỷ $.", "USD", 3.5e9},
        {"vi", "Năm 2024, kim ngạch giữa Cao Bằng và Quảng Tây đạt 800 k$.", "USD", 8e5},
        {"en", "In 2025, trade between Cao Bang and Guangxi reached 1.2 M$.", "USD", 1.2e6},
        {"en", "In 2024, trade between Cao Bang and Guangxi reached 2.4 M USD.", "USD", 2.4e6},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        if (!has_fig(&x, cases[i].value) || x.unmeasured_counts != 0)
            fail_msg("%s: no %g %s (%zu figures, %zu counted)", cases[i].text, cases[i].value,
                     cases[i].unit, x.nfigures, x.unmeasured_counts);
        assert_string_equal(fig(&x, cases[i].value)->unit, cases[i].unit);
        assert_int_equal(x.nunread, 0);
        bc_extraction_free(&x);
    }
}

/* Letters with no currency are no scale ("a bridge of 300 m" is a length), a sign before
 * the next number is that number's, and another country's dollar is none of ours. */
static void no_currency_no_compact_unit(void **state)
{
    (void)state;
    bc_extraction x =
        run("fr", NULL, "Le projet de 50 millions de dollars comprend un pont de 300 m.");
    assert_int_equal(x.nfigures, 1);
    assert_true(has_fig(&x, 50e6));
    assert_false(has_fig(&x, 300e6));
    assert_false(has_fig(&x, 300));
    bc_extraction_free(&x);
    x = run("en", NULL, "In 2024, the 2 $3 billion loans for the Lao Cai road were signed.");
    assert_true(has_fig(&x, 3e9));
    assert_false(has_fig(&x, 2));
    bc_extraction_free(&x);
    x = run("fr", NULL, "En 2024, les échanges entre Cao Bang et le Guangxi ont atteint 2 $CA.");
    assert_int_equal(x.nfigures, 0);
    bc_extraction_free(&x);
}

/* Letters before a currency that may be a scale this reader does not know ("B$": 10^9 in
 * English, 10^12 where a billion is a million millions; "T$"; pinyin "yi"; "bi") leave
 * the amount's value unknown: refused, counted, and its words recorded as written. */
static void unread_amounts_keep_their_words(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *words;
        double bare;
    } cases[] = {
        {"fr", "En 2025, les échanges entre Cao Bang et le Guangxi ont atteint 1,2 B$.", "1,2 B$",
         1.2},
        {"fr", "En 2024, les échanges entre Cao Bang et le Guangxi ont atteint 3,5 T $.", "3,5 T $",
         3.5},
        {"fr", "En 2023, les échanges entre Cao Bang et le Guangxi ont atteint 4,4 xq USD.",
         "4,4 xq USD", 4.4},
        {"en", "Trade between Cao Bang and Guangxi reached $3.5 bi in 2025.", "$3.5 bi", 3.5},
        {"en", "Trade between Cao Bang and Guangxi reached US$3.5 bi in 2025.", "US$3.5 bi", 3.5},
        {"en", "Trade between Cao Bang and Guangxi reached CNY 3.3 yi in 2024.", "CNY 3.3 yi", 3.3},
        {"en", "Trade between Cao Bang and Guangxi reached VND6.8trx in 2023.", "VND6.8trx", 6.8},
        {"nl", "In 2025 bedroeg de handel tussen Cao Bang en Guangxi 1,2 B$.", "1,2 B$", 1.2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        if (has_fig(&x, cases[i].bare) || x.unmeasured_counts != 1)
            fail_msg("%s: the bare number stored or not counted (%zu figures, %zu counted)",
                     cases[i].text, x.nfigures, x.unmeasured_counts);
        assert_int_equal(x.nunread, 1);
        assert_unread(cases[i].text, &x, 0, cases[i].words);
        bc_extraction_free(&x);
    }
    /* two in one text, in text order; an amount read is not among them */
    const char *t = "Trade between Cao Bang and Guangxi reached $3.5 bi in 2025 and $2.1 billion "
                    "in 2024, while imports came to CNY 3.3 yi.";
    bc_extraction x = run("en", NULL, t);
    assert_true(has_fig(&x, 2.1e9));
    assert_int_equal(x.nunread, 2);
    assert_unread(t, &x, 0, "$3.5 bi");
    assert_unread(t, &x, 1, "CNY 3.3 yi");
    bc_extraction_free(&x);
}

/* The words of the amount in another currency number k of x, as the text writes them. */
static void assert_other(const char *text, const bc_extraction *x, size_t k, const char *want)
{
    if (k >= x->nother_currency)
        fail_msg("%s: %zu amounts in another currency, want '%s'", text, x->nother_currency, want);
    assert_quote(text, x->other_currency[k].start, x->other_currency[k].end, want);
}

/* Another country's dollar (or currency), written with a sign, a code or a word in any of
 * the seven languages, is none of the four: never stored (as US dollars above all), counted
 * and named by its words. */
static void other_currency_refused_and_named(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *words;
        double value;
    } cases[] = {
        {"en", "Imports from Guangxi to Cao Bang reached HK$4 million in 2025.", "HK$4 million",
         4e6},
        {"en", "Exports from Cao Bang to Guangxi reached C$6 million in 2024.", "C$6 million", 6e6},
        {"en", "Exports from Cao Bang to Guangxi reached CA$6 million in 2024.", "CA$6 million",
         6e6},
        {"en", "Trade between Cao Bang and Guangxi hit S$7 million in 2023.", "S$7 million", 7e6},
        {"en", "Trade between Cao Bang and Guangxi hit A$3 billion in 2023.", "A$3 billion", 3e9},
        {"en", "Trade between Cao Bang and Guangxi hit AU$3 billion in 2023.", "AU$3 billion", 3e9},
        {"en", "Trade between Cao Bang and Guangxi hit NT$8 billion in 2022.", "NT$8 billion", 8e9},
        {"en", "Trade between Cao Bang and Guangxi hit 9 M$ CA in 2022.", "9 M$ CA", 9e6},
        {"fr", "Les échanges entre Cao Bang et le Guangxi ont atteint 9 M$\u00a0CA en 2022.",
         "9 M$\u00a0CA", 9e6},
        {"en", "Exports from Cao Bang to Guangxi came to 5 million Canadian dollars in 2021.",
         "5 million Canadian dollars", 5e6},
        {"en", "Imports from Guangxi came to 7 million Hong Kong dollars in 2021.",
         "7 million Hong Kong dollars", 7e6},
        {"en", "Imports from Guangxi came to HKD 7 million in 2020.", "HKD 7 million", 7e6},
        {"en", "Imports from Guangxi came to 7 million NZ dollars in 2020.", "7 million NZ dollars",
         7e6},
        {"fr", "Les importations du Guangxi ont atteint 3 millions de dollars HK en 2024.",
         "3 millions de dollars HK", 3e6},
        {"fr", "Les importations du Guangxi ont atteint 2 $ CA en 2024.", "2 $ CA", 2},
        {"vi", "Năm 2025, nhập khẩu từ Quảng Tây đạt 3 triệu HKD.", "3 triệu HKD", 3e6},
        {"fr", "Les exportations de Cao Bang vers le Guangxi ont atteint 6 M$ canadiens en 2025.",
         "6 M$ canadiens", 6e6},
        {"fr", "Les importations du Guangxi ont atteint 4 M$ HK en 2024.", "4 M$ HK", 4e6},
        {"fr", "Les échanges entre Cao Bang et le Guangxi ont atteint 7 M$ de Singapour en 2023.",
         "7 M$ de Singapour", 7e6},
        {"fr", "Les échanges entre Cao Bang et le Guangxi ont atteint 3 Md$ australiens en 2022.",
         "3 Md$ australiens", 3e9},
        {"fr", "Les exportations ont atteint 5 millions de dollars canadiens en 2021.",
         "5 millions de dollars canadiens", 5e6},
        {"fr", "En 2024, les échanges entre Cao Bang et le Guangxi ont atteint 2 $CA.", "2 $CA", 2},
        {"nl", "In 2025 bedroeg de export van Cao Bang naar Guangxi 6 miljoen Canadese dollar.",
         "6 miljoen Canadese dollar", 6e6},
        {"sv",
         "År 2025 uppgick exporten från Cao Bang till Guangxi till 6 miljoner kanadensiska "
         "dollar.",
         "6 miljoner kanadensiska dollar", 6e6},
        {"sv", "År 2024 uppgick importen från Guangxi till 4 miljoner hongkongdollar.",
         "4 miljoner hongkongdollar", 4e6},
        {"pl", "W 2025 roku eksport z Cao Bang do Kuangsi wyniósł 6 mln dolarów kanadyjskich.",
         "6 mln dolarów kanadyjskich", 6e6},
        {"vi", "Năm 2025, nhập khẩu từ Quảng Tây đạt 4 triệu đô la Hồng Kông.",
         "4 triệu đô la Hồng Kông", 4e6},
        {"zh", "2025年，广西自高平进口40亿港元。", "40亿港元", 4e9},
        {"zh", "2025年，广西对高平出口20亿新台币。", "20亿新台币", 2e9},
        {"zh", "2025年，双边贸易额达10亿加元。", "10亿加元", 1e9},
        {"zh", "2025年，双边贸易额达50亿澳元。", "50亿澳元", 5e9},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        if (has_fig(&x, cases[i].value) || x.unmeasured_counts != 1)
            fail_msg("%s: stored or not counted (%zu figures, %zu counted)", cases[i].text,
                     x.nfigures, x.unmeasured_counts);
        assert_int_equal(x.nother_currency, 1);
        assert_other(cases[i].text, &x, 0, cases[i].words);
        bc_extraction_free(&x);
    }
    /* US dollars stay US dollars, whatever the other country the sentence names */
    static const struct {
        const char *lang, *text;
        double value;
    } usd[] = {
        {"en", "Exports from Cao Bang to Canada reached $5 million in 2025.", 5e6},
        {"en", "Exports from Cao Bang to Guangxi reached US$5 million in 2025.", 5e6},
        {"en", "Exports from Cao Bang to Guangxi reached USD 5 million in 2025.", 5e6},
        {"en", "In 2025, Cao Bang signed a $5 million deal with Guangxi.", 5e6},
        {"en", "Exports from Cao Bang to Guangxi reached 5 million US dollars in 2025.", 5e6},
        {"fr", "Les exportations de Cao Bang vers le Guangxi ont atteint 5 M$ en 2025.", 5e6},
        {"fr", "Les exportations de Cao Bang vers le Canada ont atteint 5 M$ US en 2025.", 5e6},
        /* a lower-case word after the sign is no country code: "au" is French */
        {"fr", "Les échanges de Cao Bang avec le Guangxi ont atteint 5 Md$ au total en 2025.", 5e9},
        {"en", "Trade between Cao Bang and Guangxi hit 5 M$ as planned in 2025.", 5e6},
        {"vi", "Năm 2025, xuất khẩu sang Canada đạt 5 triệu USD.", 5e6},
        {"vi", "Năm 2025, xuất khẩu sang Quảng Tây đạt 5 triệu đô la Mỹ.", 5e6},
        {"zh", "2025年，高平对广西出口5亿美元。", 5e8},
    };
    for (size_t i = 0; i < sizeof usd / sizeof usd[0]; i++) {
        bc_extraction x = run(usd[i].lang, NULL, usd[i].text);
        const bc_xfigure *f = fig(&x, usd[i].value);
        if (f == NULL || strcmp(f->unit, "USD") != 0 || x.nother_currency != 0)
            fail_msg("%s: not read as US dollars", usd[i].text);
        bc_extraction_free(&x);
    }
    /* two in one text, in text order; an amount read is not among them */
    const char *t = "Exports from Cao Bang to Guangxi reached HK$4 million in 2025 and $2.1 "
                    "million in 2024, while imports came to 3 million Canadian dollars.";
    bc_extraction x = run("en", NULL, t);
    assert_true(has_fig(&x, 2.1e6));
    assert_int_equal(x.nother_currency, 2);
    assert_other(t, &x, 0, "HK$4 million");
    assert_other(t, &x, 1, "3 million Canadian dollars");
    bc_extraction_free(&x);
}

/* The other currencies that were still read as US dollars (an abbreviation glued to "$",
 * French "M$ can.") or dropped without a count (baht, ringgit, kip, riel, pataca, yen, won,
 * pound): refused, counted and named the same way; the euro and the other three stay read. */
static void other_currencies_beyond_dollars(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *words;
        double value;
    } cases[] = {
        {"en", "Imports from Hekou into Lao Cai came to Can$3 million in 2024.", "Can$3 million",
         3e6},
        {"en", "Imports from Hekou into Lao Cai came to Mex$3 million in 2024.", "Mex$3 million",
         3e6},
        {"fr", "Les importations de Hekou ont atteint 3 M$ can. en 2024.", "3 M$ can", 3e6},
        {"en", "Sales from Lao Cai to Thailand came to 4 million baht in 2024.", "4 million baht",
         4e6},
        {"en", "Sales from Lao Cai came to 4 million ringgit in 2024.", "4 million ringgit", 4e6},
        {"en", "Sales from Lao Cai came to 4 billion Lao kip in 2024.", "4 billion Lao kip", 4e9},
        {"en", "Sales from Lao Cai came to 4 billion riels in 2024.", "4 billion riels", 4e9},
        {"en", "Sales from Lao Cai came to MOP 4 million in 2024.", "MOP 4 million", 4e6},
        {"en", "Sales from Lao Cai came to 4 million patacas in 2024.", "4 million patacas", 4e6},
        {"en", "Sales from Lao Cai came to 400 million yen in 2024.", "400 million yen", 4e8},
        {"en", "Sales from Lao Cai came to 4 billion South Korean won in 2024.",
         "4 billion South Korean won", 4e9},
        {"en", "Sales from Lao Cai came to £4 million in 2024.", "£4 million", 4e6},
        {"en", "Sales from Lao Cai came to GBP 4 million in 2024.", "GBP 4 million", 4e6},
        {"fr", "Les ventes de Lao Cai ont atteint 4 millions de bahts en 2024.",
         "4 millions de bahts", 4e6},
        {"fr", "Les ventes de Lao Cai ont atteint 4 milliards de kips en 2024.",
         "4 milliards de kips", 4e9},
        {"fr", "Les ventes de Lao Cai ont atteint 4 millions de livres sterling en 2024.",
         "4 millions de livres sterling", 4e6},
        {"vi", "Năm 2024, doanh số của Lào Cai đạt 4 triệu bạt.", "4 triệu bạt", 4e6},
        {"vi", "Năm 2024, doanh số của Lào Cai đạt 4 tỷ kíp.", "4 tỷ kíp", 4e9},
        {"vi", "Năm 2024, doanh số của Lào Cai đạt 4 tỷ won.", "4 tỷ won", 4e9},
        {"zh", "2024年，老街销售额达4亿泰铢。", "4亿泰铢", 4e8},
        {"zh", "2024年，老街销售额达4亿林吉特。", "4亿林吉特", 4e8},
        {"zh", "2024年，老街销售额达4亿基普。", "4亿基普", 4e8},
        {"zh", "2024年，老街销售额达4亿日元。", "4亿日元", 4e8},
        {"zh", "2024年，老街销售额达4亿韩元。", "4亿韩元", 4e8},
        {"zh", "2024年，老街销售额达4亿英镑。", "4亿英镑", 4e8},
        {"nl", "In 2024 bedroeg de omzet van Lao Cai 4 miljoen baht.", "4 miljoen baht", 4e6},
        {"sv", "År 2024 uppgick försäljningen från Lao Cai till 400 miljoner yen.",
         "400 miljoner yen", 4e8},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        if (has_fig(&x, cases[i].value) || x.unmeasured_counts != 1)
            fail_msg("%s: stored or not counted (%zu figures, %zu counted)", cases[i].text,
                     x.nfigures, x.unmeasured_counts);
        assert_int_equal(x.nother_currency, 1);
        assert_other(cases[i].text, &x, 0, cases[i].words);
        bc_extraction_free(&x);
    }
    /* the four stay read; words folded like another currency's name are none */
    static const struct {
        const char *lang, *text, *unit;
        double value;
    } read[] = {
        {"en", "Sales from Lao Cai to Hekou came to 4 million euros in 2024.", "EUR", 4e6},
        {"en", "Sales from Lao Cai to Hekou came to €4 million in 2024.", "EUR", 4e6},
        {"fr", "Les ventes de Lao Cai vers Hekou ont atteint 4 millions d'euros en 2024.", "EUR",
         4e6},
        {"zh", "2024年，老街对河口销售额达4亿欧元。", "EUR", 4e8},
        {"zh", "2024年，老街对河口销售额达4亿元。", "CNY", 4e8},
        {"en", "Of the 9 gates, 2 won awards; sales to Hekou came to $4 million in 2024.", "USD",
         4e6},
        {"vi", "Năm 2024, doanh số đạt 4 triệu USD, 2 bắt đầu hoạt động.", "USD", 4e6},
        {"vi", "Năm 2024, doanh số đạt 4 triệu USD, 2 kịp hoàn thành.", "USD", 4e6},
    };
    for (size_t i = 0; i < sizeof read / sizeof read[0]; i++) {
        bc_extraction x = run(read[i].lang, NULL, read[i].text);
        const bc_xfigure *f = fig(&x, read[i].value);
        if (f == NULL || strcmp(f->unit, read[i].unit) != 0 || x.nother_currency != 0)
            fail_msg("%s: not read as %s (%zu in another currency)", read[i].text, read[i].unit,
                     x.nother_currency);
        bc_extraction_free(&x);
    }
}

/* Out of memory while recording an unread amount: an error, never a partial result. */
static void unread_amount_out_of_memory(void **state)
{
    (void)state;
    const char *t = "Trade between Cao Bang and Guangxi reached $3.5 bi in 2025.";
    bc_extraction x;
    bc_err err;
    int failed = 0;
    for (int n = 1; n < 400 && !failed; n++) {
        bc_alloc_fail_after(n);
        int rc = bc_extract(t, strlen(t), "en", NULL, G, &x, &err);
        bc_alloc_fail_reset();
        if (rc == BC_ENOMEM) {
            assert_int_equal(x.nunread, 0);
            assert_null(x.unread);
            continue;
        }
        assert_int_equal(rc, 0);
        assert_int_equal(x.nunread, 1);
        bc_extraction_free(&x);
        failed = 1; /* the first run that no allocation failure stopped */
    }
    assert_true(failed);
}

/* Out of memory while recording an amount in another currency: an error, never a partial
 * result (and never a US dollar figure in its place). */
static void other_currency_out_of_memory(void **state)
{
    (void)state;
    const char *t = "Imports from Guangxi to Cao Bang reached HK$4 million in 2025.";
    bc_extraction x;
    bc_err err;
    int done = 0;
    for (int n = 1; n < 400 && !done; n++) {
        bc_alloc_fail_after(n);
        int rc = bc_extract(t, strlen(t), "en", NULL, G, &x, &err);
        bc_alloc_fail_reset();
        if (rc == BC_ENOMEM) {
            assert_int_equal(x.nother_currency, 0);
            assert_null(x.other_currency);
            continue;
        }
        assert_int_equal(rc, 0);
        assert_int_equal(x.nother_currency, 1);
        assert_false(has_fig(&x, 4e6));
        bc_extraction_free(&x);
        done = 1; /* the first run that no allocation failure stopped */
    }
    assert_true(done);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(compact_units_before_a_currency),
        cmocka_unit_test(no_currency_no_compact_unit),
        cmocka_unit_test(unread_amounts_keep_their_words),
        cmocka_unit_test(other_currency_refused_and_named),
        cmocka_unit_test(other_currencies_beyond_dollars),
        cmocka_unit_test_teardown(unread_amount_out_of_memory, xf_reset_alloc),
        cmocka_unit_test_teardown(other_currency_out_of_memory, xf_reset_alloc),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
