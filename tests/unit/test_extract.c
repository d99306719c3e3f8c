/* test_extract.c: the extractor's entry points (extract.c): the seven languages, one fact
 * stated several times as one with several citations, offsets that lie in the text, bad
 * input refused, allocation failures reported with nothing leaked, and the work done
 * sentence by sentence on a long text. Language detection: test_extract_detect.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "extract_fixture.h"

static void seven_languages(void **state)
{
    (void)state;
    const char *want[] = {"en", "vi", "zh", "fr", "pl", "sv", "nl"};
    size_t n = 0;
    while (bc_extract_langs[n] != NULL)
        n++;
    assert_int_equal(n, 7);
    for (size_t i = 0; i < 7; i++) {
        assert_string_equal(bc_extract_langs[i], want[i]);
        assert_true(bc_extract_lang_known(want[i]));
        assert_non_null(bc_extract_lang_name(want[i]));
    }
    assert_string_equal(bc_extract_lang_name("fr"), "French");
    assert_false(bc_extract_lang_known("de"));
    assert_false(bc_extract_lang_known(NULL));
    assert_false(bc_extract_lang_known("EN"));
    assert_null(bc_extract_lang_name("xx"));
    /* BCP-47 tags stand for their language; nothing else does */
    assert_string_equal(bc_extract_lang_base("zh-CN"), "zh");
    assert_string_equal(bc_extract_lang_base("zh-Hans-CN"), "zh");
    assert_string_equal(bc_extract_lang_base("VI_vn"), "vi");
    assert_string_equal(bc_extract_lang_base("EN"), "en");
    assert_ptr_equal(bc_extract_lang_base("nl"), bc_extract_langs[6]);
    /* traditional Chinese is not what zh reads */
    assert_null(bc_extract_lang_base("zh-TW"));
    assert_null(bc_extract_lang_base("zh-Hant"));
    assert_null(bc_extract_lang_base("zh_hk"));
    assert_null(bc_extract_lang_base(NULL));
    assert_null(bc_extract_lang_base("de-DE"));
    assert_null(bc_extract_lang_base("zho"));
    assert_null(bc_extract_lang_base("zh-"));
    assert_null(bc_extract_lang_base("zh--CN"));
    assert_null(bc_extract_lang_base("zh CN"));
    assert_null(bc_extract_lang_base("zh-abcdefghi"));
}

/* The headline, the lead and the body state one amount and one meeting: one of each, with
 * three quotes, the body's period and date. */
static void one_fact_several_citations(void **state)
{
    (void)state;
    const char *t = "Lao Cai trade with Yunnan reaches 1.7 billion USD\n\n"
                    "Lao Cai (VNA) - Trade between Lao Cai and Yunnan reached 1.7 billion USD.\n\n"
                    "In the first nine months of 2024, import-export turnover between Lao Cai "
                    "and Yunnan reached 1.7 billion USD, up 12.5%. The 10th meeting of the Joint "
                    "Working Group of Lao Cai and Yunnan was held on June 12, 2024. At the 10th "
                    "meeting of the Joint Working Group in Kunming, the sides agreed on trade.";
    bc_extraction x = run("en", "2024-10-20", t);
    size_t money = 0;
    for (size_t i = 0; i < x.nfigures; i++)
        money += x.figures[i].money;
    assert_int_equal(money, 1);
    const bc_xfigure *f = fig(&x, 1.7e9);
    assert_int_equal(f->cite.nquotes, 3);
    assert_int_equal(f->cite.mentions, 3);
    assert_string_equal(f->period, "2024-01/2024-09");
    assert_string_equal(f->metric, "trade_turnover");
    assert_true(f->has_change);
    assert_true(f->heading);
    assert_int_equal(x.nmeetings, 1);
    assert_int_equal(x.meetings[0].cite.nquotes, 2);
    assert_string_equal(x.meetings[0].date, "2024-06-12");
    bc_extraction_free(&x);

    /* kept apart: a goal and an outcome of one value, two measures of one sentence */
    x = run("en", NULL,
            "Trade reached 5 billion USD in 2024. The province targets 5 billion USD in 2025. "
            "Exports were 1.2 billion USD and imports 1.2 billion USD.");
    assert_int_equal(x.nfigures, 4);
    bc_extraction_free(&x);

    /* a statement made more than BC_X_MAX_QUOTES times keeps that many quotes and counts
     * them all */
    bc_buf b = BC_BUF_INIT;
    for (int i = 0; i < BC_X_MAX_QUOTES + 4; i++)
        bc_buf_puts(&b, "Trade reached 7.2 billion USD. ");
    x = run("en", NULL, b.data);
    assert_int_equal(x.nfigures, 1);
    assert_int_equal(x.figures[0].cite.nquotes, BC_X_MAX_QUOTES);
    assert_int_equal(x.figures[0].cite.mentions, BC_X_MAX_QUOTES + 4);
    bc_extraction_free(&x);
    bc_buf_free(&b);
}

static void offsets_lie_in_the_text(void **state)
{
    (void)state;
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(bc_store_stmt(XS, "SELECT body, lang, published_on FROM sources", &st, &err),
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
            assert_true(f->cite.nquotes >= 1 && f->cite.nquotes <= BC_X_MAX_QUOTES);
            for (int q = 0; q < f->cite.nquotes; q++) {
                const bc_xquote *c = &f->cite.q[q];
                assert_true(c->start < c->end && c->end <= len);
                assert_true(body[c->start] != ' ' && body[c->start] != '|');
                assert_true(body[c->end - 1] != ' ' && body[c->end - 1] != '|');
            }
            assert_true(f->start >= f->cite.q[0].start && f->end <= f->cite.q[0].end);
            assert_true(f->confidence > 0 && f->confidence <= 1);
        }
        for (size_t i = 0; i < x.nmeetings; i++)
            assert_true(x.meetings[i].cite.q[0].end <= len &&
                        x.meetings[i].cite.q[0].start < x.meetings[i].cite.q[0].end);
        for (size_t i = 0; i < x.ngates; i++)
            assert_true(x.gates[i].cite.q[0].end <= len);
        for (size_t i = 0; i < x.ndates; i++)
            assert_true(x.dates[i].start < x.dates[i].end && x.dates[i].end <= len);
        n += (int)(x.nfigures + x.nmeetings + x.ngates);
        bc_extraction_free(&x);
    }
    sqlite3_reset(st);
    assert_true(n > 40);
}

static void a_long_text_is_read_sentence_by_sentence(void **state)
{
    (void)state;
    /* no sentence is longer than BC_X_MAX_SENTENCE bytes, even without full stops */
    bc_buf b = BC_BUF_INIT;
    for (int i = 0; i < 2000; i++)
        bc_buf_puts(&b, "trade reached 7 billion USD and ");
    bc_extraction x = run("en", NULL, b.data);
    assert_true(x.sentences > b.len / BC_X_MAX_SENTENCE);
    assert_int_equal(x.nfigures, 1);
    assert_true(x.figures[0].cite.mentions > 1000);
    assert_true(x.figures[0].cite.q[0].end - x.figures[0].cite.q[0].start <= BC_X_MAX_SENTENCE);
    bc_extraction_free(&x);
    bc_buf_free(&b);
}

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
    /* no gazetteer: amounts and dates, no names */
    assert_int_equal(bc_extract(t, strlen(t), "pl", NULL, NULL, &x, &err), 0);
    assert_int_equal(x.nfigures, 1);
    assert_int_equal(x.figures[0].nparties, 0);
    bc_extraction_free(&x);
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
}

static void allocation_failure_is_reported(void **state)
{
    (void)state;
    const char *texts[][2] = {
        {"pl", "Rano 30 października w prowincji Lai Chau odbyła się piąta doroczna konferencja. "
               "Obroty osiągnęły ponad 293 mln USD w 2024 r. i 797 mln USD w pierwszych 9 "
               "miesiącach 2025 r., co stanowi wzrost o prawie 88%. Obie strony wymieniły blisko "
               "500 delegacji. Plan budowy przejść granicznych Thanh Thuy (Wietnam) – Thien Bao "
               "(Chiny). Obroty osiągnęły ponad 293 mln USD."},
        {"zh",
         "河口口岸前三季度进出口总额达56亿元\n\n6月12日下午，中国云南省与越南老街、河江、莱州、"
         "奠边四省联合工作组第十次会议在河口召开。双方同意推进中国河口—越南老街口岸建设。"},
    };
    for (size_t k = 0; k < 2; k++) {
        const char *lang = texts[k][0], *t = texts[k][1];
        bc_extraction x;
        bc_err err;
        int rc = BC_ENOMEM;
        long n;
        for (n = 0; n < 20000 && rc != 0; n++) {
            bc_alloc_fail_after(n);
            rc = bc_extract(t, strlen(t), lang, "2025-10-30", G, &x, &err);
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
        assert_true(x.nfigures >= 1 && x.ngates == 1 && x.nmeetings >= 1);
        bc_extraction_free(&x);
    }
}

/* A named meeting told again without a date or number ("就本次新春会晤的议程", "落实书记会晤
 * 达成的共识", "the spring meeting"), in an article that reports meetings of its mechanism,
 * is one of them: the one of its status, else none of its own; one whose sentence tells its
 * time in words a missing publication date leaves unread ("Vorig jaar", "明年") stays. */
static void a_named_meeting_told_again_is_not_another(void **state)
{
    (void)state;
    bc_extraction x = run("zh", "2024-02-28",
                          "2月27日，2024年广西与越南边境四省党委书记新春会晤在南宁举行。日前，广西"
                          "外事办公室与越南谅山省外务厅已举行工作会晤，就本次新春会晤的议程进行了"
                          "对接。");
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2024-02-27");
    assert_int_equal(x.meetings[0].cite.nquotes, 2);
    bc_extraction_free(&x);
    x = run("zh", "2024-06-14",
            "6月12日上午，云南省与越南老街、河江、莱州、奠边省省委书记年度会晤机制第四次会议在昆"
            "明举行。去年3月，年度会晤机制第三次会议在河江召开。联合工作组会议随后召开，负责把书记"
            "会晤达成的共识细化为具体合作事项。");
    assert_int_equal(x.nmeetings, 2);
    assert_string_equal(meet(&x, "conference-yunnan", 4)->date, "2024-06-12");
    assert_string_equal(meet(&x, "conference-yunnan", 3)->date, "2023-03");
    bc_extraction_free(&x);
    x = run("nl", NULL,
            "Op 27 februari hielden de leiders van Quang Ninh, Lang Son, Cao Bang, Ha Giang en "
            "Guangxi hun voorjaarsontmoeting in Nanning. Vorig jaar werd de voorjaarsontmoeting "
            "nog online gehouden.");
    assert_int_equal(x.nmeetings, 2);
    bc_extraction_free(&x);
}

/* Two meetings of one month held in two places named apart are two meetings, not one told
 * twice (a preparatory conference early in the month, elsewhere). */
static void meetings_in_two_places_are_two(void **state)
{
    (void)state;
    bc_extraction x = run("fr", "2025-02-20",
                          "Réunion de printemps\n\nLes secrétaires de Lang Son et du Guangxi se "
                          "sont retrouvés mardi 18 février à Nanning pour la réunion de printemps "
                          "de 2025.\n\nDébut février, les services des douanes des deux côtés "
                          "avaient organisé une conférence conjointe à Mong Cai pour préparer la "
                          "rencontre.");
    assert_int_equal(x.nmeetings, 2);
    assert_string_equal(meet(&x, "spring-meeting-guangxi", 0)->date, "2025-02-18");
    assert_string_equal(meet(&x, "", 0)->date, "2025-02");
    bc_extraction_free(&x);
}

/* Talks of one day told in two sentences are two talks when the sentences name two pairs
 * ("Ha Giang and Yunnan", "Dien Bien and Yunnan") or two towns of one province ("in
 * Hekou", "in Kunming"); merged they were one event of three parties placed in the first
 * town (recheck of outsider 13, new problem 1); told again of the same pair, or with one
 * side only, they stay one. */
static void talks_of_two_pairs_or_two_towns_are_two(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
    } two[] = {
        {"en", "Talks\n\nOn June 3, leaders of Ha Giang and Yunnan held talks in Hekou on a "
               "new market.\nOn June 3, leaders of Dien Bien and Yunnan held talks in Kunming on "
               "farm exports."},
        {"en", "Talks\n\nOn June 3, leaders of Ha Giang and Yunnan held talks on a new market."
               "\nOn June 3, leaders of Dien Bien and Yunnan held talks on farm exports."},
        {"en", "Talks\n\nOn June 3, leaders of Ha Giang and Yunnan held talks in Hekou on a "
               "new market.\nOn June 3, leaders of Ha Giang and Yunnan held talks in Kunming on "
               "farm exports."},
        {"fr", "Entretiens\n\nLe 3 juin, les dirigeants de Ha Giang et du Yunnan ont tenu des "
               "entretiens à Hekou sur un nouveau marché.\nLe 3 juin, les dirigeants de Dien Bien "
               "et du Yunnan ont tenu des entretiens à Kunming sur les exportations agricoles."},
        {"vi", "Hội đàm\n\nNgày 3/6, lãnh đạo tỉnh Hà Giang và tỉnh Vân Nam đã hội đàm tại Hà "
               "Khẩu về chợ mới.\nNgày 3/6, lãnh đạo tỉnh Điện Biên và tỉnh Vân Nam đã hội đàm tại "
               "Côn Minh về xuất khẩu nông sản."},
        {"zh", "会谈\n\n6月3日，河江省与云南省领导在河口举行会谈，讨论新市场建设。\n6月3日，奠边"
               "省与云南省领导在昆明举行会谈，讨论农产品出口。"},
        {"nl", "Gesprekken\n\nOp 3 juni voerden leiders van Ha Giang en Yunnan in Hekou "
               "besprekingen over een nieuwe markt.\nOp 3 juni voerden leiders van Dien Bien en "
               "Yunnan in Kunming besprekingen over landbouwexport."},
        {"pl", "Rozmowy\n\n3 czerwca przywódcy Ha Giang i Junnanu przeprowadzili w Hekou "
               "rozmowy o nowym targowisku.\n3 czerwca przywódcy Dien Bien i Junnanu "
               "przeprowadzili w Kunmingu rozmowy o eksporcie rolnym."},
        {"sv", "Samtal\n\nDen 3 juni höll ledarna för Ha Giang och Yunnan samtal i Hekou om en "
               "ny marknad.\nDen 3 juni höll ledarna för Dien Bien och Yunnan samtal i Kunming om "
               "jordbruksexport."},
    };
    for (size_t i = 0; i < sizeof two / sizeof two[0]; i++) {
        bc_extraction x = run(two[i].lang, "2026-06-05", two[i].text);
        if (x.nmeetings != 2)
            fail_msg("'%s': %zu meetings", two[i].text, x.nmeetings);
        for (size_t k = 0; k < x.nmeetings; k++)
            if (x.meetings[k].cite.nquotes != 1 || strcmp(x.meetings[k].date, "2026-06-03") != 0)
                fail_msg("'%s': meeting %zu of %d quotes, on '%s'", two[i].text, k,
                         x.meetings[k].cite.nquotes, x.meetings[k].date);
        bc_extraction_free(&x);
    }
    static const char *const one[] = {
        "Talks\n\nOn June 3, leaders of Ha Giang and Yunnan held talks in Hekou on a new "
        "market.\nOn June 3, the talks between Ha Giang and Yunnan in Hekou also covered farm "
        "exports.",
        "Talks\n\nOn June 3, leaders of Ha Giang and Yunnan held talks in Hekou on a new "
        "market.\nOn June 3, Ha Giang leaders held talks in Hekou on farm exports as well.",
    };
    for (size_t i = 0; i < sizeof one / sizeof one[0]; i++) {
        bc_extraction x = run("en", "2026-06-05", one[i]);
        if (x.nmeetings != 1 || x.meetings[0].cite.nquotes != 2)
            fail_msg("'%s': %zu meetings", one[i], x.nmeetings);
        bc_extraction_free(&x);
    }
}

/* A meeting whose name writes its year, told again with its day alone read on a publication
 * date of that year ("Gặp gỡ đầu Xuân năm 2026 ... . Hội nghị diễn ra ngày 22/3."): one, its
 * year stated by the name, not completed from that date, as without a publication date. */
static void a_name_year_merged_with_a_completed_day_is_stated(void **state)
{
    (void)state;
    const char *text = "Các tỉnh biên giới nhìn lại\n\nHội nghị Gặp gỡ đầu Xuân năm 2026 giữa bốn "
                       "tỉnh và Quảng Tây được tổ chức tại Nam Ninh. Hội nghị diễn ra ngày 22/3.";
    bc_extraction x = run("vi", "2026-04-01", text);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2026-03-22");
    assert_int_equal(x.meetings[0].date_inferred, 0);
    assert_int_equal(x.meetings[0].cite.nquotes, 2);
    bc_extraction_free(&x);
    x = run("vi", NULL, text);
    assert_int_equal(x.nmeetings, 1);
    assert_string_equal(x.meetings[0].date, "2026-03-22");
    assert_int_equal(x.meetings[0].date_inferred, 0);
    bc_extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seven_languages),
        cmocka_unit_test(one_fact_several_citations),
        cmocka_unit_test(offsets_lie_in_the_text),
        cmocka_unit_test(a_long_text_is_read_sentence_by_sentence),
        cmocka_unit_test(bad_input_is_refused),
        cmocka_unit_test(empty_text_gives_nothing),
        cmocka_unit_test_teardown(allocation_failure_is_reported, xf_reset_alloc),
        cmocka_unit_test(a_named_meeting_told_again_is_not_another),
        cmocka_unit_test(meetings_in_two_places_are_two),
        cmocka_unit_test(talks_of_two_pairs_or_two_towns_are_two),
        cmocka_unit_test(a_name_year_merged_with_a_completed_day_is_stated),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
