/* test_extract.c: the multilingual fact extractor: money, counts, dates and periods,
 * meeting ordinals, known names and gate pairs in Polish, Swedish and Dutch (sentences of
 * data/articles) and in English and Vietnamese (sentences written here); sentence cuts
 * and verbatim quotes; failure paths; and the evaluation against the curated facts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "bordercoop/alloc.h"
#include "bordercoop/eval.h"
#include "bordercoop/extract.h"

#include <math.h>

static bc_store *S;
static bc_gazetteer *G;

static int setup(void **state)
{
    (void)state;
    bc_err err;
    S = fx_store_from(fx_data_dir());
    assert_int_equal(bc_gazetteer_load(S, &G, &err), 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    bc_gazetteer_free(G);
    bc_store_close(S);
    return 0;
}

static int reset_alloc(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    return 0;
}

/* Extracts text (whole string) with the store's gazetteer; fails the test on error. */
static bc_extraction run(const char *lang, const char *ref, const char *text)
{
    bc_extraction x;
    bc_err err;
    int rc = bc_extract(text, strlen(text), lang, ref, G, &x, &err);
    if (rc != 0)
        fail_msg("bc_extract(%s): %s", lang, err.msg);
    return x;
}

static const bc_xfigure *fig(const bc_extraction *x, double value)
{
    for (size_t i = 0; i < x->nfigures; i++)
        if (fabs(x->figures[i].value - value) <= 1e-6 * fabs(value) + 1e-9)
            return &x->figures[i];
    fail_msg("no figure of value %.2f among %zu", value, x->nfigures);
    return NULL;
}

static const bc_xmeeting *meet(const bc_extraction *x, const char *mech, int ord)
{
    for (size_t i = 0; i < x->nmeetings; i++)
        if (strcmp(x->meetings[i].mechanism, mech) == 0 && x->meetings[i].ordinal == ord)
            return &x->meetings[i];
    fail_msg("no meeting %s %d among %zu", mech, ord, x->nmeetings);
    return NULL;
}

static const bc_xgate *gate(const bc_extraction *x, const char *vn, const char *cn)
{
    for (size_t i = 0; i < x->ngates; i++)
        if (strcmp(x->gates[i].vn_side, vn) == 0 && strcmp(x->gates[i].cn_side, cn) == 0)
            return &x->gates[i];
    fail_msg("no gate %s / %s among %zu", vn, cn, x->ngates);
    return NULL;
}

static int has_date(const bc_extraction *x, const char *iso)
{
    for (size_t i = 0; i < x->ndates; i++)
        if (strcmp(x->dates[i].iso, iso) == 0)
            return 1;
    return 0;
}

static int has_party(const bc_xfigure *f, const char *id)
{
    for (int i = 0; i < f->nparties; i++)
        if (strcmp(f->parties[i], id) == 0)
            return 1;
    return 0;
}

static void assert_fig(const bc_xfigure *f, const char *metric, const char *unit,
                       const char *qualifier, const char *period)
{
    assert_string_equal(f->metric, metric);
    assert_string_equal(f->unit, unit);
    assert_string_equal(f->qualifier, qualifier);
    assert_string_equal(f->period, period);
}

/* The quote [qs, qe) of text is exactly want. */
static void assert_quote(const char *text, size_t qs, size_t qe, const char *want)
{
    size_t n = strlen(want);
    if (qe - qs != n || memcmp(text + qs, want, n) != 0)
        fail_msg("quote is '%.*s', want '%s'", (int)(qe - qs), text + qs, want);
}

/* ---- Polish ------------------------------------------------------------------------- */

static void polish_money_with_scale_words(void **state)
{
    (void)state;
    const char *t = "Obroty importowo-eksportowe między prowincjami wietnamskimi a Junnanem w "
                    "2024 roku osiągnęły 7,2 mld USD; wiele działań promujących handel.";
    bc_extraction x = run("pl", "2025-10", t);
    assert_int_equal(x.nfigures, 1);
    const bc_xfigure *f = fig(&x, 7.2e9);
    assert_fig(f, "trade_turnover", "USD", "exact", "2024");
    assert_true(has_party(f, "yunnan")); /* "Junnanem": the inflected one-word alias */
    assert_quote(t, f->quote_start, f->quote_end,
                 "Obroty importowo-eksportowe między prowincjami wietnamskimi a Junnanem w "
                 "2024 roku osiągnęły 7,2 mld USD");
    assert_int_equal(f->end - f->start, 3);
    assert_memory_equal(t + f->start, "7,2", 3);
    assert_true(f->confidence >= 0.9);
    bc_extraction_free(&x);

    t = "Gospodarka i handel nadal dynamicznie się rozwijają, a obroty importowo-eksportowe "
        "osiągnęły ponad 293 mln USD w 2024 r. i 797 mln USD w pierwszych 9 miesiącach 2025 "
        "r., co stanowi wzrost o prawie 88% w porównaniu z tym samym okresem.";
    x = run("pl", "2025-10", t);
    assert_int_equal(x.nfigures, 2);
    f = fig(&x, 293e6);
    assert_fig(f, "trade_turnover", "USD", "over", "2024");
    assert_false(f->has_change);
    f = fig(&x, 797e6);
    assert_fig(f, "trade_turnover", "USD", "exact", "2025-01/2025-09");
    assert_true(f->has_change);
    assert_true(fabs(f->change_pct - 88) < 1e-9);
    assert_string_equal(f->change_qualifier, "nearly");
    assert_true(has_date(&x, "2025-01/2025-09"));
    bc_extraction_free(&x);
}

static void polish_counts_and_qualifiers(void **state)
{
    (void)state;
    bc_extraction x = run("pl", "2025-10",
                          "Obie strony wymieniły blisko 500 delegacji roboczych, skutecznie "
                          "koordynowały zarządzanie granicami.");
    assert_fig(fig(&x, 500), "delegations_exchanged", "delegations", "nearly", "");
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

static void polish_meetings_ordinals_and_status(void **state)
{
    (void)state;
    const char *t =
        "Rano 30 października w prowincji Lai Chau odbyła się piąta doroczna konferencja "
        "sekretarzy partii prowincjonalnych oraz jedenaste spotkanie wspólnej grupy roboczej "
        "prowincji Lai Chau, Lao Cai, Tuyen Quang, Dien Bien (Wietnam) i prowincji Junnan "
        "(Chiny).\n"
        "Gospodarzem VI dorocznej konferencji będzie prowincja Junnan w 2026 r.\n"
        "W ramach konferencji odbyło się również 11. spotkanie Wspólnej Grupy Roboczej.";
    bc_extraction x = run("pl", "2025-10-30", t);
    const bc_xmeeting *m = meet(&x, "conference-yunnan", 5);
    assert_string_equal(m->date, "2025-10-30"); /* year-less: the reference year */
    assert_string_equal(m->place, "lai-chau");
    assert_string_equal(m->status, "held");
    m = &x.meetings[1];
    assert_string_equal(m->mechanism, "jwg-yunnan");
    assert_int_equal(m->ordinal, 11);
    assert_string_equal(m->date, "2025-10-30");
    m = meet(&x, "conference-yunnan", 6); /* Roman numeral, future tense */
    assert_string_equal(m->status, "planned");
    assert_string_equal(m->date, "2026");
    assert_string_equal(m->place, "yunnan");
    /* the 11th meeting reported as held takes the date stated for it above */
    m = &x.meetings[x.nmeetings - 1];
    assert_int_equal(m->ordinal, 11);
    assert_string_equal(m->date, "2025-10-30");
    assert_quote(t, m->quote_start, m->quote_end,
                 "W ramach konferencji odbyło się również 11. spotkanie Wspólnej Grupy "
                 "Roboczej.");
    assert_int_equal(x.nmeetings, 4);
    bc_extraction_free(&x);

    /* "10. sesji" names no mechanism: it follows "spotkanie ... Grupy Roboczej" */
    x = run("pl", "2025-10",
            "| 11. spotkanie Wspólnej Grupy Roboczej. |\nDelegaci ocenili, że od 10. sesji "
            "współpraca jest konsolidowana.\nPo 10. spotkaniu (czerwiec 2024 r.) współpraca "
            "była utrzymywana.");
    assert_int_equal(x.nmeetings, 3);
    assert_int_equal(x.meetings[1].ordinal, 10);
    assert_string_equal(x.meetings[1].mechanism, "jwg-yunnan");
    assert_string_equal(x.meetings[2].date, "2024-06");
    assert_true(has_date(&x, "2024-06"));
    bc_extraction_free(&x);
}

/* ---- Swedish ------------------------------------------------------------------------ */

static void swedish_money_counts_and_directions(void **state)
{
    (void)state;
    bc_extraction x =
        run("sv", NULL,
            "Den totala import- och exportomsättningen mellan de fyra gränsprovinserna Vietnam "
            "och Yunnan-provinsen uppgick till 7,2 miljarder USD. Den totala import- och "
            "exportomsättningen genom gränskontrollerna i Quang Ninh-provinsen uppgick till "
            "4,42 miljarder USD.");
    assert_fig(fig(&x, 7.2e9), "trade_turnover", "USD", "exact", "");
    assert_true(has_party(fig(&x, 7.2e9), "yunnan"));
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

    x = run("sv", NULL,
            "De två sidorna har undertecknat ett samarbetsavtal om sockerrörsodling, med en "
            "förväntad areal på 425 hektar (Lai Chau 195 hektar, Tuyen Quang 230 hektar). Lai "
            "Chau-provinsen har skickat 22 tjänstemän för att delta i utbildningskurser.");
    assert_fig(fig(&x, 425), "crop_area", "hectares", "expected", "");
    assert_fig(fig(&x, 230), "crop_area", "hectares", "expected", "");
    assert_fig(fig(&x, 22), "officials_trained", "people", "exact", "");
    bc_extraction_free(&x);
}

static void swedish_dates_meetings_and_gates(void **state)
{
    (void)state;
    bc_extraction x =
        run("sv", "2025-10-30",
            "Under årets första nio månader uppgick omsättningen till 797 miljoner USD, en "
            "ökning med nästan 88 %. Det elfte mötet i den gemensamma arbetsgruppen hölls den "
            "30 oktober. I oktober 2025 kom över 18 000 turister.");
    assert_fig(fig(&x, 797e6), "trade_turnover", "USD", "exact", "2025-01/2025-09");
    assert_true(fig(&x, 797e6)->has_change);
    const bc_xmeeting *m = meet(&x, "jwg-yunnan", 11);
    assert_string_equal(m->date, "2025-10-30");
    assert_fig(fig(&x, 18000), "tourists", "people", "over", "2025-10");
    bc_extraction_free(&x);

    x = run("sv", "2025-02-19",
            "Inom ramen för vårmötet 2024 och den 15:e gemensamma arbetskommittékonferensen "
            "upprätthöll Quang Ninh och Guangxi utbyten. Sedan den 10:e sessionen har den "
            "gemensamma arbetsgruppen arbetat.");
    m = meet(&x, "spring-meeting-guangxi", 0);
    assert_string_equal(m->date, "2024");
    m = meet(&x, "jwc-guangxi", 15);
    assert_string_equal(m->status, "held");
    meet(&x, "jwg-yunnan", 10);
    bc_extraction_free(&x);

    x = run("sv", NULL,
            "återställdes den traditionella öppningen av Si Choang (Vietnam) - Den Suoi Thang "
            "(Kina) år 2025. Detta inkluderar att återställa sjövägen Beihai (Kina) - Ha Long "
            "(Vietnam).");
    assert_string_equal(gate(&x, "Si Choang", "Den Suoi Thang")->project,
                        "si-choang-den-suoi-thang-traditional-opening");
    assert_string_equal(gate(&x, "Ha Long", "Beihai")->project, "beihai-ha-long-sea-route");
    bc_extraction_free(&x);
}

/* ---- Dutch -------------------------------------------------------------------------- */

static void dutch_figures_meetings_and_routes(void **state)
{
    (void)state;
    bc_extraction x =
        run("nl", "2025-10",
            "Op economisch en handelsgebied bereikte de import- en exportomzet tussen vier "
            "provincies van Vietnam en de provincie Yunnan 7,2 miljard dollar; er vonden "
            "handelsactiviteiten plaats. De twee partijen wisselden 548 werkdelegaties uit op "
            "alle niveaus. In de eerste negen maanden van 2025 bedroeg de omzet 797 miljoen "
            "dollar. Bijna 18.000 werknemers werken in Van Son.");
    assert_fig(fig(&x, 7.2e9), "trade_turnover", "USD", "exact", "");
    assert_fig(fig(&x, 548), "delegations_exchanged", "delegations", "exact", "");
    assert_fig(fig(&x, 797e6), "trade_turnover", "USD", "exact", "2025-01/2025-09");
    assert_fig(fig(&x, 18000), "workers", "people", "nearly", "");
    bc_extraction_free(&x);

    x = run("nl", "2025-10",
            "Na de vierde jaarlijkse conferentie in Kunming (provincie Yunnan, China) in 2024, "
            "breidde de samenwerking zich uit. De 5e jaarlijkse conferentie vond plaats op 30 "
            "oktober 2025. Tegelijkertijd werd besloten dat de 6e conferentie in 2026 onder "
            "voorzitterschap van de provincie Yunnan (China) zal staan. De directe "
            "transportroutes Kunming - Tuyen Quang, Van Son - Tuyen Quang werden operationeel.");
    assert_string_equal(meet(&x, "conference-yunnan", 4)->date, "2024");
    assert_string_equal(meet(&x, "conference-yunnan", 5)->date, "2025-10-30");
    const bc_xmeeting *m = meet(&x, "conference-yunnan", 6);
    assert_string_equal(m->status, "planned");
    assert_string_equal(m->place, "yunnan");
    assert_string_equal(gate(&x, "Tuyen Quang", "Kunming")->project,
                        "kunming-tuyen-quang-transport-route");
    assert_string_equal(gate(&x, "Tuyen Quang", "Van Son")->project,
                        "van-son-tuyen-quang-transport-route");
    bc_extraction_free(&x);
}

/* ---- English ------------------------------------------------------------------------ */

static void english_sentences(void **state)
{
    (void)state;
    bc_extraction x =
        run("en", "2025-10-30",
            "Import-export turnover between the four provinces and Yunnan reached USD 7.2 "
            "billion in 2024. Trade with Guangxi rose 88% to $7.2 billion in the first nine "
            "months of 2025. Exports reached 4.42 billion USD. Over 18,000 workers are employed "
            "in Van Son. Lao Cai received nearly 500 delegations and sent 46 delegations to "
            "Yunnan.");
    assert_int_equal(x.nfigures, 6);
    assert_fig(&x.figures[0], "trade_turnover", "USD", "exact", "2024");
    assert_true(has_party(&x.figures[0], "yunnan"));
    const bc_xfigure *f = &x.figures[1];
    assert_fig(f, "trade_turnover", "USD", "exact", "2025-01/2025-09");
    assert_true(f->has_change && fabs(f->change_pct - 88) < 1e-9);
    assert_fig(fig(&x, 4.42e9), "", "USD", "exact", ""); /* exports alone: no metric */
    assert_fig(fig(&x, 18000), "workers", "people", "over", "");
    assert_fig(fig(&x, 500), "delegations_received", "delegations", "nearly", "");
    assert_fig(fig(&x, 46), "delegations_sent", "delegations", "exact", "");
    bc_extraction_free(&x);

    x = run("en", "2025-10-30",
            "On October 30, 2025 the 11th meeting of the Joint Working Group was held in Lai "
            "Chau. The fifth annual conference of party secretaries took place on 30 October "
            "2025. The 12th meeting will be held in Yunnan in 2026. The Thanh Thuy (Vietnam) - "
            "Thien Bao (China) border gates were planned.");
    const bc_xmeeting *m = meet(&x, "jwg-yunnan", 11);
    assert_string_equal(m->date, "2025-10-30");
    assert_string_equal(m->place, "lai-chau");
    assert_string_equal(m->status, "held");
    assert_string_equal(meet(&x, "conference-yunnan", 5)->date, "2025-10-30");
    m = meet(&x, "jwg-yunnan", 12);
    assert_string_equal(m->status, "planned");
    assert_string_equal(m->date, "2026");
    const bc_xgate *g = gate(&x, "Thanh Thuy", "Thien Bao");
    assert_string_equal(g->project, "thanh-thuy-thien-bao-border-gates");
    assert_true(g->confidence >= 0.9);
    bc_extraction_free(&x);

    /* a meeting without a number, named with its year */
    x = run("en", "2025-02-19", "The 2024 joint working committee conference was held in Nanning.");
    assert_string_equal(meet(&x, "jwc-guangxi", 0)->date, "2024");
    bc_extraction_free(&x);

    /* an unknown pair is still reported, without a project */
    x = run("en", NULL, "The new Foo Bar (Vietnam) – Baz Qux (China) crossing opened.");
    assert_int_equal(x.ngates, 1);
    assert_string_equal(gate(&x, "Foo Bar", "Baz Qux")->project, "");
    bc_extraction_free(&x);
}

/* ---- Vietnamese --------------------------------------------------------------------- */

static void vietnamese_sentences(void **state)
{
    (void)state;
    bc_extraction x =
        run("vi", "2025-10-30",
            "Kim ngạch xuất nhập khẩu giữa bốn tỉnh và Vân Nam năm 2024 đạt 7,2 tỷ USD, tăng 88%. "
            "Trong 9 tháng đầu năm 2025, kim ngạch đạt 797 triệu USD. Hai bên đã trao đổi hơn 500 "
            "đoàn công tác. Có hơn 18.000 lao động làm việc tại Văn Sơn. Năm 2024 có 551.000 lượt "
            "khách du lịch Trung Quốc đến Quảng Ninh. Lai Châu đã cử 22 cán bộ tham gia các khóa "
            "đào tạo. Giá trị đạt 7.2 triệu USD.");
    const bc_xfigure *f = fig(&x, 7.2e9);
    assert_fig(f, "trade_turnover", "USD", "exact", "2024");
    assert_true(has_party(f, "yunnan"));
    assert_true(f->has_change && fabs(f->change_pct - 88) < 1e-9);
    assert_fig(fig(&x, 797e6), "trade_turnover", "USD", "exact", "2025-01/2025-09");
    assert_fig(fig(&x, 500), "delegations_exchanged", "delegations", "over", "");
    assert_fig(fig(&x, 18000), "workers", "people", "over", "");
    assert_true(has_party(fig(&x, 551000), "quang-ninh"));
    assert_fig(fig(&x, 22), "officials_trained", "people", "exact", "");
    fig(&x, 7.2e6); /* "7.2 trieu": a decimal point, not a thousands dot */
    assert_int_equal(x.nfigures, 7);
    bc_extraction_free(&x);

    x = run("vi", "2025-10-30",
            "Ngày 30/10/2025, tại tỉnh Lai Châu đã diễn ra Phiên họp lần thứ 11 Nhóm công tác "
            "liên hợp. Hội nghị thường niên lần thứ 5 các Bí thư Tỉnh ủy diễn ra ngày 30 tháng "
            "10 năm 2025. Hội nghị lần thứ 6 sẽ được tổ chức tại Vân Nam vào năm 2026. Cặp cửa "
            "khẩu Thanh Thủy (Việt Nam) - Thiên Bảo (Trung Quốc).");
    const bc_xmeeting *m = meet(&x, "jwg-yunnan", 11);
    assert_string_equal(m->date, "2025-10-30");
    assert_string_equal(m->place, "lai-chau");
    assert_string_equal(meet(&x, "conference-yunnan", 5)->date, "2025-10-30");
    m = meet(&x, "conference-yunnan", 6);
    assert_string_equal(m->status, "planned");
    assert_string_equal(m->place, "yunnan");
    assert_string_equal(gate(&x, "Thanh Thủy", "Thiên Bảo")->project,
                        "thanh-thuy-thien-bao-border-gates");
    bc_extraction_free(&x);
}

/* ---- numbers, dates, sentences, names ----------------------------------------------- */

static void decimal_conventions(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double want;
    } cases[] = {
        {"en", "Trade reached 18,000 USD.", 18000},
        {"en", "Trade reached 7.2 million USD.", 7.2e6},
        {"en", "Trade reached 1,234.5 million USD.", 1234.5e6},
        {"pl", "Obroty wyniosły 18,000 USD.", 18000},     /* 3 digits, no scale: thousands */
        {"pl", "Obroty wyniosły 4,420 mld USD.", 4.42e9}, /* with a scale: decimal comma */
        {"pl", "Obroty wyniosły 1.234,5 mln USD.", 1234.5e6},
        {"nl", "De omzet bedroeg 18.000 dollar.", 18000},
        {"sv", "Omsättningen uppgick till 7,2 miljard dollar.", 7.2e9},
        {"vi", "Kim ngạch đạt 18.000 USD.", 18000},
        {"vi", "Kim ngạch đạt 7,2 tỷ USD.", 7.2e9},
        {"vi", "Kim ngạch đạt 5 nghìn USD.", 5000},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, NULL, cases[i].text);
        if (x.nfigures != 1 || fabs(x.figures[0].value - cases[i].want) > 1e-3)
            fail_msg("%s: %zu figures, first %.3f, want %.3f", cases[i].text, x.nfigures,
                     x.nfigures ? x.figures[0].value : 0.0, cases[i].want);
        assert_string_equal(x.figures[0].unit, "USD");
        bc_extraction_free(&x);
    }
}

static void dates_and_periods(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *iso;
    } cases[] = {
        {"pl", "Spotkanie 30 października.", "2025-10-30"},
        {"pl", "Podpisano 30/10/2025.", "2025-10-30"},
        {"pl", "Wzrost w 2024 roku.", "2024"},
        {"pl", "Po spotkaniu (czerwiec 2024 r.) prace trwały.", "2024-06"},
        {"pl", "Plan na lata 2023–2026 przyjęto.", "2023/2026"},
        {"sv", "Det hölls den 30 oktober.", "2025-10-30"},
        {"sv", "Det hölls i oktober 2025.", "2025-10"},
        {"sv", "Det ökade år 2024.", "2024"},
        {"sv", "Under årets första nio månader ökade det.", "2025-01/2025-09"},
        {"nl", "Het gebeurde op 30 oktober 2025.", "2025-10-30"},
        {"nl", "In de eerste negen maanden van 2025 groeide het.", "2025-01/2025-09"},
        {"en", "It happened on October 30, 2025.", "2025-10-30"},
        {"en", "It grew in the first nine months of 2025.", "2025-01/2025-09"},
        {"en", "It grew in the first half of 2024.", "2024-01/2024-06"},
        {"en", "It grew in 2024.", "2024"},
        {"en", "In 2024 tourists came in large numbers.", "2024"},
        {"vi", "Ngày 30/10/2025 đã diễn ra.", "2025-10-30"},
        {"vi", "Trong 9 tháng đầu năm 2025 tăng.", "2025-01/2025-09"},
        {"vi", "Tháng 10 năm 2025 đã diễn ra.", "2025-10"},
        {"vi", "Năm 2024 tăng.", "2024"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_extraction x = run(cases[i].lang, "2025-10-30", cases[i].text);
        if (!has_date(&x, cases[i].iso))
            fail_msg("%s: no date %s (%zu dates, first %s)", cases[i].text, cases[i].iso, x.ndates,
                     x.ndates ? x.dates[0].iso : "-");
        bc_extraction_free(&x);
    }
    /* a date without a year and no reference date: not a date */
    bc_extraction x = run("pl", NULL, "Spotkanie 30 października.");
    assert_int_equal(x.ndates, 0);
    bc_extraction_free(&x);
}

static void sentences_are_verbatim_and_trimmed(void **state)
{
    (void)state;
    const char *t = "|  | \n| Obie strony wymieniły blisko 500 delegacji. | \nW 2024 r. Targi "
                    "przyciągnęły 3 banki. 11. spotkanie grupy roboczej; ponad 40 firm.";
    bc_extraction x = run("pl", NULL, t);
    assert_int_equal(x.nfigures, 3);
    assert_quote(t, x.figures[0].quote_start, x.figures[0].quote_end,
                 "Obie strony wymieniły blisko 500 delegacji.");
    assert_quote(t, x.figures[1].quote_start, x.figures[1].quote_end,
                 "Targi przyciągnęły 3 banki.");
    assert_quote(t, x.figures[2].quote_start, x.figures[2].quote_end, "ponad 40 firm.");
    /* "11. spotkanie" is kept whole: no cut after "11." */
    assert_int_equal(x.nmeetings, 1);
    assert_int_equal(x.meetings[0].ordinal, 11);
    assert_quote(t, x.meetings[0].quote_start, x.meetings[0].quote_end,
                 "11. spotkanie grupy roboczej");
    bc_extraction_free(&x);
}

static void names_match_inflected_forms(void **state)
{
    (void)state;
    bc_extraction x =
        run("sv", NULL, "Yunnanprovinsens och Lai Chaus delegationer, 12 delegationer.");
    const bc_xfigure *f = fig(&x, 12);
    assert_true(has_party(f, "yunnan"));
    assert_true(has_party(f, "lai-chau"));
    bc_extraction_free(&x);
    /* without a gazetteer: figures without parties, meetings without a mechanism */
    bc_err err;
    const char *t = "W 2024 roku Junnan przyjął 12 delegacji. 11. spotkanie grupy roboczej.";
    assert_int_equal(bc_extract(t, strlen(t), "pl", NULL, NULL, &x, &err), 0);
    assert_int_equal(x.nfigures, 1);
    assert_int_equal(x.figures[0].nparties, 0);
    assert_string_equal(x.figures[0].metric, "delegations_received");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].mechanism, "");
    assert_int_equal(x.meetings[0].ordinal, 11);
    bc_extraction_free(&x);
}

/* ---- every article: quotes are verbatim sentences, numbers inside them --------------- */

static void article_offsets_are_sound(void **state)
{
    (void)state;
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(bc_store_stmt(S, "SELECT body, lang, published_on FROM sources", &st, &err),
                     0);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *body = (const char *)sqlite3_column_text(st, 0);
        size_t len = (size_t)sqlite3_column_bytes(st, 0);
        bc_extraction x;
        assert_int_equal(bc_extract(body, len, (const char *)sqlite3_column_text(st, 1),
                                    (const char *)sqlite3_column_text(st, 2), G, &x, &err),
                         0);
        for (size_t i = 0; i < x.nfigures; i++) {
            const bc_xfigure *f = &x.figures[i];
            assert_true(f->quote_start < f->quote_end && f->quote_end <= len);
            assert_true(f->start >= f->quote_start && f->end <= f->quote_end);
            assert_true(body[f->quote_start] != ' ' && body[f->quote_start] != '|');
            assert_true(body[f->quote_end - 1] != ' ' && body[f->quote_end - 1] != '|');
            assert_true(f->confidence > 0 && f->confidence <= 1);
        }
        for (size_t i = 0; i < x.nmeetings; i++)
            assert_true(x.meetings[i].quote_end <= len &&
                        x.meetings[i].quote_start < x.meetings[i].quote_end);
        for (size_t i = 0; i < x.ndates; i++)
            assert_true(x.dates[i].start < x.dates[i].end && x.dates[i].end <= len);
        n += (int)(x.nfigures + x.nmeetings + x.ngates);
        bc_extraction_free(&x);
    }
    sqlite3_reset(st);
    assert_true(n > 50);
}

/* ---- failure paths ------------------------------------------------------------------ */

static void bad_input_is_refused(void **state)
{
    (void)state;
    bc_extraction x;
    bc_err err;
    const char *t = "Obroty osiągnęły 7,2 mld USD.";
    assert_int_equal(bc_extract(t, strlen(t), "de", NULL, G, &x, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "unknown language"));
    assert_null(x.figures);
    assert_int_equal(bc_extract(t, strlen(t), NULL, NULL, G, &x, &err), BC_EINVAL);
    assert_int_equal(bc_extract(t, strlen(t), "PL", NULL, G, &x, &err), BC_EINVAL);
    const char bad[] = "Obroty \xC3\x28 7,2 mld USD.";
    assert_int_equal(bc_extract(bad, sizeof bad - 1, "pl", NULL, G, &x, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "UTF-8"));
    const char nul[] = "Obroty\0 7,2 mld USD.";
    assert_int_equal(bc_extract(nul, sizeof nul - 1, "pl", NULL, G, &x, &err), BC_EINVAL);
    assert_int_equal(bc_extract(NULL, 3, "pl", NULL, G, &x, &err), BC_EINVAL);
    assert_int_equal(bc_extract(t, strlen(t), "pl", NULL, G, NULL, &err), BC_EINVAL);
    /* an unparsable reference date is ignored */
    assert_int_equal(bc_extract(t, strlen(t), "pl", "soon", G, &x, &err), 0);
    assert_int_equal(x.nfigures, 1);
    bc_extraction_free(&x);
    bc_extraction_free(NULL);
    bc_gazetteer_free(NULL);
    bc_gazetteer *g = (bc_gazetteer *)1;
    assert_int_equal(bc_gazetteer_load(NULL, &g, &err), BC_EINVAL);
}

static void empty_text_gives_nothing(void **state)
{
    (void)state;
    bc_extraction x;
    bc_err err;
    for (size_t i = 0; bc_extract_langs[i] != NULL; i++) {
        assert_int_equal(bc_extract("", 0, bc_extract_langs[i], NULL, G, &x, &err), 0);
        assert_int_equal(x.nfigures + x.nmeetings + x.ngates + x.ndates, 0);
        bc_extraction_free(&x);
        assert_int_equal(bc_extract(NULL, 0, bc_extract_langs[i], "2025", G, &x, &err), 0);
        assert_int_equal(x.nfigures + x.nmeetings + x.ngates + x.ndates, 0);
        bc_extraction_free(&x);
        assert_int_equal(bc_extract(" | \n ;. ", 8, bc_extract_langs[i], NULL, G, &x, &err), 0);
        assert_int_equal(x.nfigures + x.nmeetings + x.ngates + x.ndates, 0);
        bc_extraction_free(&x);
    }
    int langs = 0;
    while (bc_extract_langs[langs] != NULL)
        langs++;
    assert_int_equal(langs, 5);
}

static void allocation_failure_is_reported(void **state)
{
    (void)state;
    const char *t =
        "Rano 30 października w prowincji Lai Chau odbyła się piąta doroczna konferencja. "
        "Obroty osiągnęły ponad 293 mln USD w 2024 r. i 797 mln USD w pierwszych 9 "
        "miesiącach 2025 r., co stanowi wzrost o prawie 88%. Obie strony wymieniły blisko 500 "
        "delegacji. Plan budowy przejść granicznych Thanh Thuy (Wietnam) – Thien Bao (Chiny).";
    bc_extraction x;
    bc_err err;
    int rc = BC_ENOMEM;
    long n;
    for (n = 0; n < 10000 && rc != 0; n++) {
        bc_alloc_fail_after(n);
        rc = bc_extract(t, strlen(t), "pl", "2025-10-30", G, &x, &err);
        bc_alloc_fail_reset();
        if (rc != 0) {
            assert_int_equal(rc, BC_ENOMEM);
            assert_int_equal(err.code, BC_ENOMEM);
            assert_null(x.figures);
            assert_null(x.meetings);
            assert_int_equal(x.nfigures + x.nmeetings + x.ngates + x.ndates, 0);
        }
    }
    assert_int_equal(rc, 0);
    assert_true(n > 5);
    assert_int_equal(x.nfigures, 3);
    assert_int_equal(x.ngates, 1);
    bc_extraction_free(&x);

    /* the gazetteer: every failure is reported, then it loads */
    bc_gazetteer *g = NULL;
    rc = BC_ENOMEM;
    for (n = 0; n < 10000 && rc != 0; n++) {
        bc_alloc_fail_after(n);
        rc = bc_gazetteer_load(S, &g, &err);
        bc_alloc_fail_reset();
        if (rc != 0)
            assert_null(g);
    }
    assert_int_equal(rc, 0);
    bc_gazetteer_free(g);
}

/* ---- evaluation against the curated facts ------------------------------------------- */

static void eval_meets_the_targets(void **state)
{
    (void)state;
    bc_eval_result r;
    bc_err err;
    assert_int_equal(bc_eval_run(S, &r, &err), 0);
    assert_int_equal(r.sources, 5);
    assert_int_equal(r.skipped, 0);
    const bc_eval_line *money = &r.kind[BC_EVAL_MONEY];
    const bc_eval_line *dates = &r.kind[BC_EVAL_MEETING_DATES];
    /* what the extractor reaches on the five articles; a regression fails here */
    assert_int_equal(money->curated, 5);
    assert_true(bc_eval_recall(money) >= 1.0);
    assert_true(bc_eval_precision(money) >= 1.0);
    assert_int_equal(dates->curated, 8);
    assert_true(bc_eval_recall(dates) >= 1.0);
    assert_true(bc_eval_precision(dates) >= 0.92);
    assert_true(bc_eval_recall(&r.kind[BC_EVAL_COUNTS]) >= 0.9);
    assert_true(bc_eval_precision(&r.kind[BC_EVAL_COUNTS]) >= 0.9);
    assert_true(bc_eval_recall(&r.kind[BC_EVAL_MEETINGS]) >= 0.9);
    assert_true(bc_eval_precision(&r.kind[BC_EVAL_MEETINGS]) >= 0.9);
    assert_true(bc_eval_recall(&r.kind[BC_EVAL_GATES]) >= 0.9);
    assert_true(bc_eval_precision(&r.kind[BC_EVAL_GATES]) >= 0.9);
    assert_int_equal(r.overall.extracted, r.kind[0].extracted + r.kind[1].extracted +
                                              r.kind[2].extracted + r.kind[3].extracted +
                                              r.kind[4].extracted);

    bc_buf out = BC_BUF_INIT;
    assert_int_equal(bc_eval_report(S, "data", &out, &err), 0);
    for (int k = 0; k < BC_EVAL_KINDS; k++)
        assert_non_null(strstr(out.data, bc_eval_kind_names[k]));
    assert_non_null(strstr(out.data, "overall"));
    assert_non_null(strstr(out.data, "precision"));
    bc_buf_free(&out);

    bc_eval_line none = {0, 0, 0, 0};
    assert_true(bc_eval_precision(&none) < 0);
    assert_true(bc_eval_recall(&none) < 0);
    assert_int_equal(bc_eval_run(NULL, &r, &err), BC_EINVAL);
    assert_int_equal(bc_eval_report(S, NULL, NULL, &err), BC_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(polish_money_with_scale_words),
        cmocka_unit_test(polish_counts_and_qualifiers),
        cmocka_unit_test(polish_meetings_ordinals_and_status),
        cmocka_unit_test(swedish_money_counts_and_directions),
        cmocka_unit_test(swedish_dates_meetings_and_gates),
        cmocka_unit_test(dutch_figures_meetings_and_routes),
        cmocka_unit_test(english_sentences),
        cmocka_unit_test(vietnamese_sentences),
        cmocka_unit_test(decimal_conventions),
        cmocka_unit_test(dates_and_periods),
        cmocka_unit_test(sentences_are_verbatim_and_trimmed),
        cmocka_unit_test(names_match_inflected_forms),
        cmocka_unit_test(article_offsets_are_sound),
        cmocka_unit_test(bad_input_is_refused),
        cmocka_unit_test(empty_text_gives_nothing),
        cmocka_unit_test_teardown(allocation_failure_is_reported, reset_alloc),
        cmocka_unit_test(eval_meets_the_targets),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
