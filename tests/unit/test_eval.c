/* test_eval.c: scoring the extractor on a gold corpus (eval.c), by the rules of
 * tests/eval/README.md: a small corpus whose every outcome is known (right, misread,
 * missed and spurious amounts; a date from the publication date, a wrong date; a gate
 * pair), both runs, the report and the bar of `make test`; and the dev split as a
 * regression check. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "bordercoop/alloc.h"
#include "bordercoop/eval.h"
#include "bordercoop/gazetteer.h"
#include "gold_fixture.h"

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

static void counts(const bc_eval_count *c, size_t gold, size_t extracted, size_t correct,
                   size_t wrong, size_t missed, size_t dup, size_t spurious)
{
    if (c->gold != gold || c->extracted != extracted || c->correct != correct ||
        c->wrong != wrong || c->missed != missed || c->duplicate != dup || c->spurious != spurious)
        fail_msg("counts gold %zu extracted %zu correct %zu wrong %zu missed %zu dup %zu "
                 "spurious %zu",
                 c->gold, c->extracted, c->correct, c->wrong, c->missed, c->duplicate, c->spurious);
}

static void scores_by_the_rules(void **state)
{
    (void)state;
    char dir[256];
    gold_write(dir, "\"2024-06-13\"", "Lao Cai trade reaches 1.7 billion USD");
    bc_gold_corpus *c = NULL;
    bc_eval_result r;
    bc_err err;
    bc_buf detail = BC_BUF_INIT;
    assert_int_equal(bc_gold_load(dir, &c, &err), 0);
    assert_int_equal(bc_eval_corpus(c, G, &r, &detail, &err), 0);
    assert_int_equal(r.runs, 2);
    assert_int_equal(r.articles[0], 1);
    assert_int_equal(r.detect_right, 1);
    /* per run: 1.7 bn right (one fact, two quotes), 1.75 bn a misread of 1.8 bn, nine
     * thousand million not read, 5 million not annotated */
    counts(&r.run[0][BC_EF_MONEY_VALUE], 3, 3, 1, 1, 2, 0, 1);
    counts(&r.field[BC_EF_MONEY_VALUE], 6, 6, 2, 2, 4, 0, 2);
    counts(&r.field[BC_EF_MONEY_METRIC], 6, 2, 2, 0, 4, 0, 0);
    /* the 10th meeting's date: 2024-06-12 with the publication date, --06-12 without;
     * the 9th's is wrong in both runs */
    counts(&r.run[0][BC_EF_MEETING_DATE], 2, 2, 1, 1, 1, 0, 0);
    counts(&r.run[1][BC_EF_MEETING_DATE], 2, 2, 1, 1, 1, 0, 0);
    assert_true(bc_eval_precision(&r.field[BC_EF_MEETING_DATE]) == 0.5);
    assert_int_equal(r.field[BC_EF_MEETING_DATE].coarser, 0); /* 2023-05-09 contradicts */
    counts(&r.field[BC_EF_MEETING_ORDINAL], 4, 4, 4, 0, 0, 0, 0);
    counts(&r.field[BC_EF_MEETING_MECHANISM], 2, 2, 2, 0, 0, 0, 0);
    counts(&r.field[BC_EF_GATE_PAIR], 2, 2, 2, 0, 0, 0, 0);
    counts(&r.lang[0][BC_EF_GATE_PAIR], 2, 2, 2, 0, 0, 0, 0);
    assert_non_null(strstr(detail.data, "money value: missed 9000000000 USD"));
    assert_non_null(strstr(detail.data, "meeting date: wrong 2023-05-09 (expected 2023-05-10)"));
    assert_non_null(strstr(detail.data, "money value: spurious 5000000 USD"));

    bc_buf out = BC_BUF_INIT, why = BC_BUF_INIT;
    bc_eval_report(&r, "the corpus", &out);
    assert_non_null(strstr(out.data, "the corpus: 1 articles (en 1), 2 runs"));
    for (int f = 0; f < BC_EF_N; f++)
        assert_non_null(strstr(out.data, bc_eval_field_names[f]));
    assert_non_null(strstr(out.data, "without published_on"));
    assert_non_null(strstr(out.data, "wrong meeting dates: 2; 0 state less than the annotation "
                                     "and agree with it (2024 or --06-12 for 2024-06-12), 2 "
                                     "contradict it (coarser/wrong: en 0/2)"));
    assert_int_equal(bc_eval_gate(&r, &why), 0);
    assert_non_null(strstr(why.data, "en: precision of money value is 0.333"));
    assert_non_null(strstr(why.data, "en: 2 wrong meeting dates"));
    bc_buf_free(&out);
    bc_buf_free(&why);
    bc_buf_free(&detail);
    bc_gold_free(c);
    gold_remove(dir);

    /* an empty result passes the bar: nothing extracted, nothing wrong */
    bc_eval_result none;
    memset(&none, 0, sizeof none);
    none.articles[0] = 1;
    bc_buf_init(&why);
    assert_int_equal(bc_eval_gate(&none, &why), 1);
    bc_buf_free(&why);
    bc_eval_count zero = {0};
    assert_true(bc_eval_precision(&zero) < 0 && bc_eval_recall(&zero) < 0);
    assert_int_equal(bc_eval_corpus(NULL, G, &r, NULL, &err), BC_EINVAL);
}

/* A day counted from the publication date ("on Tuesday", basis publication_day) is
 * expected with it and not at all without it: a run without one that gives it a day is
 * wrong, one that gives none misses nothing. */
static void a_day_of_the_publication_date(void **state)
{
    (void)state;
    char dir[256];
    gold_write(dir, "\"2024-06-13\"", "Lao Cai trade reaches 1.7 billion USD");
    gold_set_basis(dir, "\"2024-06-12\"", "publication_day");
    bc_gold_corpus *c = NULL;
    bc_eval_result r;
    bc_err err;
    bc_buf detail = BC_BUF_INIT;
    assert_int_equal(bc_gold_load(dir, &c, &err), 0);
    assert_int_equal(bc_eval_corpus(c, G, &r, &detail, &err), 0);
    /* with published_on as before; without it, the 10th's "--06-12" is expected nowhere */
    counts(&r.run[0][BC_EF_MEETING_DATE], 2, 2, 1, 1, 1, 0, 0);
    counts(&r.run[1][BC_EF_MEETING_DATE], 1, 2, 0, 2, 1, 0, 0);
    assert_non_null(strstr(detail.data, "meeting date: wrong --06-12 (expected none)"));
    bc_buf_free(&detail);
    bc_gold_free(c);
    gold_remove(dir);
}

/* An extraction that names its meeting by mechanism and number, in a heading that also
 * states another meeting of the same date, is scored against the one it names: both are
 * right, neither is a duplicate. */
static void a_coarser_date_is_told_from_a_contradicting_one(void **state)
{
    (void)state;
    assert_true(bc_eval_date_coarser("2024", "2024-06-12"));
    assert_true(bc_eval_date_coarser("2024-06", "2024-06-12"));
    assert_true(bc_eval_date_coarser("--06-12", "2024-06-12"));
    assert_true(bc_eval_date_coarser("2024", "2024-06"));
    assert_false(bc_eval_date_coarser("2024-06-12", "2024-06-12")); /* equal: not coarser */
    assert_false(bc_eval_date_coarser("2024-06-12", "2024"));       /* finer */
    assert_false(bc_eval_date_coarser("2023", "2024-06-12"));       /* another year */
    assert_false(bc_eval_date_coarser("--06-13", "2024-06-12"));    /* another day */
    assert_false(bc_eval_date_coarser("2024-05", "2024-06-12"));
    assert_false(bc_eval_date_coarser("2024", "")); /* a date where gold has none */
    assert_false(bc_eval_date_coarser("", "2024"));
    assert_false(bc_eval_date_coarser("2024-6", "2024-06-12")); /* not a date's shape */
    assert_false(bc_eval_date_coarser("20245", "2024"));
}

static void a_meeting_named_by_number_scores_as_itself(void **state)
{
    (void)state;
    static const char h[] = "Spring Meeting and 15th conference of the Joint Working Committee "
                            "held in Nanning",
                      s1[] = "On February 27, 2024, the party secretaries of Quang Ninh, Lang Son, "
                             "Cao Bang, Ha Giang and Guangxi held the 2024 Spring Meeting in "
                             "Nanning.",
                      s2[] = "The same afternoon, the 15th conference of the Joint Working "
                             "Committee of the four provinces and Guangxi was held.";
    char tmpl[] = "/tmp/bc-test-XXXXXX", path[512], text[1024], json[4096];
    assert_non_null(mkdtemp(tmpl));
    snprintf(path, sizeof path, "%s/en", tmpl);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(text, sizeof text, "%s\n\n%s %s\n", h, s1, s2);
    fx_write_file(path, "en-pair.txt", text);
    snprintf(json, sizeof json,
             "{\"id\": \"en-pair\", \"lang\": \"en\", \"published_on\": null, \"author\": "
             "\"t\", \"modelled_on\": [], \"money\": [], \"gates\": [], \"meetings\": ["
             "{\"mechanism\": \"spring-meeting-guangxi\", \"ordinal\": null, \"date\": "
             "\"2024-02-27\", \"date_basis\": \"text\", \"place\": \"guangxi\", \"status\": "
             "\"held\", \"quotes\": [\"%s\", \"%s\"]},"
             "{\"mechanism\": \"jwc-guangxi\", \"ordinal\": 15, \"date\": \"2024-02-27\", "
             "\"date_basis\": \"text\", \"place\": null, \"status\": \"held\", \"quotes\": "
             "[\"%s\", \"%s\"]}]}",
             h, s1, h, s2);
    fx_write_file(path, "en-pair.json", json);
    bc_gold_corpus *c = NULL;
    bc_eval_result r;
    bc_err err;
    assert_int_equal(bc_gold_load(tmpl, &c, &err), 0);
    assert_int_equal(bc_eval_corpus(c, G, &r, NULL, &err), 0);
    counts(&r.field[BC_EF_MEETING_DATE], 2, 2, 2, 0, 0, 0, 0);
    bc_gold_free(c);
    gold_remove(tmpl);
}

/* The ratchet: a baseline's rows parse, a regression in precision, recall or wrong values
 * fails, what is no worse passes, and the rows short of the bar are listed. */
static void ratchet_against_a_baseline(void **state)
{
    (void)state;
    bc_eval_result r;
    memset(&r, 0, sizeof r);
    r.articles[0] = 1; /* en */
    bc_eval_count money = {.gold = 10, .extracted = 9, .correct = 9};
    bc_eval_count dates = {.gold = 10, .extracted = 8, .correct = 7, .wrong = 1};
    r.lang[0][BC_EF_MONEY_VALUE] = money;
    r.lang[0][BC_EF_MEETING_DATE] = dates;
    bc_buf text = BC_BUF_INIT, why = BC_BUF_INIT, bar = BC_BUF_INIT;
    bc_eval_baseline_write(&r, &text);
    assert_non_null(strstr(text.data, "en  money_value"));
    bc_eval_baseline b;
    bc_err err;
    assert_int_equal(bc_eval_baseline_parse(text.data, text.len, &b, &err), 0);
    assert_true(b.have[0][0] && b.have[0][1] && !b.have[1][0]);
    assert_int_equal(b.count[0][1].wrong, 1);
    /* the same numbers: no regression, but the bar is not met */
    assert_int_equal(bc_eval_gate_ratchet(&r, &b, &why, &bar), 1);
    assert_non_null(strstr(bar.data, "en meeting date: precision 0.875, recall 0.700, 1 wrong"));
    assert_null(strstr(bar.data, "money value"));
    /* one more meeting date wrong: precision falls and a wrong value is added */
    r.lang[0][BC_EF_MEETING_DATE].extracted = 9;
    r.lang[0][BC_EF_MEETING_DATE].wrong = 2;
    bc_buf_reset(&why);
    assert_int_equal(bc_eval_gate_ratchet(&r, &b, &why, NULL), 0);
    assert_non_null(strstr(why.data, "en: precision of meeting date fell to 7/9"));
    assert_non_null(strstr(why.data, "en: 2 wrong meeting date values, the baseline has 1"));
    /* one money value fewer found: recall falls */
    r.lang[0][BC_EF_MEETING_DATE] = dates;
    r.lang[0][BC_EF_MONEY_VALUE].correct = 8;
    r.lang[0][BC_EF_MONEY_VALUE].extracted = 8;
    bc_buf_reset(&why);
    assert_int_equal(bc_eval_gate_ratchet(&r, &b, &why, NULL), 0);
    assert_non_null(strstr(why.data, "en: recall of money value fell to 8/10"));
    /* better than the baseline passes */
    r.lang[0][BC_EF_MONEY_VALUE] = money;
    r.lang[0][BC_EF_MEETING_DATE].correct = 8;
    r.lang[0][BC_EF_MEETING_DATE].wrong = 0;
    bc_buf_reset(&why);
    assert_int_equal(bc_eval_gate_ratchet(&r, &b, &why, NULL), 1);
    /* a language the baseline lacks is held to the bar */
    r.articles[1] = 1;
    r.lang[1][BC_EF_MEETING_DATE] = dates;
    bc_buf_reset(&why);
    assert_int_equal(bc_eval_gate_ratchet(&r, &b, &why, NULL), 0);
    assert_non_null(strstr(why.data, "below the bar and not in the baseline"));
    /* lines that are not rows */
    static const char *const bad[] = {"xx money_value 1 1 1 0\n", "en money 1 1 1 0\n",
                                      "en money_value 5 4 9 0\n", "en money_value 1 2 3\n",
                                      "en meeting_date 1 2 3 4 5\n"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(bc_eval_baseline_parse(bad[i], strlen(bad[i]), &b, &err), BC_EINVAL);
    const char *ok = "# a comment\n\n  en meeting_date 1 2 3 1   # precision 0.5\n";
    assert_int_equal(bc_eval_baseline_parse(ok, strlen(ok), &b, &err), 0);
    assert_true(b.have[0][1] && !b.have[0][0]);
    bc_buf_free(&text);
    bc_buf_free(&why);
    bc_buf_free(&bar);
}

/* The dev split as a regression check: what the extractor reaches there (raised as it
 * improves; lowered only when new, harder articles join dev, as round 4's 30 did:
 * meeting date P 0.973 R 0.833 with them; P 0.986 R 0.912, mechanism P 0.976 R 0.965 after
 * tuning every language on them; round 5's 30, measured blind first, left meeting date
 * P 0.985 R 0.891, ordinal R 0.960, mechanism P 0.973 on the 136; a body of some of a
 * mechanism's members, or with a city among them, kept apart: mechanism P 0.982; round
 * 6's 27 in fr, pl, nl and zh, measured blind first (meeting date P 0.946 R 0.745), left
 * meeting date P 0.991 R 0.929, metric P 0.980, gate R 0.969 on the 163; what money
 * measures and when, tuned on them: metric P 0.996, target P 0.997, period P 0.966, then
 * 0.964 after a meeting-date change moved one pl import's period; days counted from the
 * meeting last told, arrivals and one meeting named several ways, with the video
 * conference, relative-year, deadline and report-day classes: meeting date P 1.000 R 0.979;
 * round 8's 25 in en, vi, zh and nl, measured blind first (meeting date P 0.903 R 0.823,
 * /work/tools/BLIND-pool8.txt), left meeting date P 0.989 R 0.961 and gate R 0.957 on the
 * 188; the vi classes of round 8 (relative years after days, deadlines, yearly names,
 * joint ceremonies, talks as a setting, meetings at the same time): meeting date P 0.993
 * R 0.968; the en classes of round 8 (plurals of a kind, talks named by their date, a
 * meeting's outcomes, months gone by, "on the 14th", where held before the date, habits
 * since a year, "in the period"): meeting date P 0.995 R 0.975, period P 0.964; the revenue
 * of the trade told before and names that fold to "thang": money period P 0.971; round
 * 10's 17 in en, nl and zh, measured blind first (meeting date P 0.942 R 0.838,
 * /work/tools/BLIND-pool10.txt), left meeting date P 0.994 R 0.972, mechanism P 0.993
 * R 0.978, metric P 0.990, period P 0.965, gate P 0.983 R 0.947 on the 205; round 12's 16
 * in en, nl and zh, measured blind first (meeting date P 0.949 R 0.777,
 * /work/tools/BLIND-pool12.txt), left money value P 0.998, meeting date P 0.995 R 0.960,
 * ordinal R 0.987, mechanism R 0.983, metric P 0.979, target P 0.991, period P 0.973, gate
 * P 0.989 R 0.976 on the 221; the nl classes of round 12 (talks "om tafel", "besprak ... met",
 * rounds and editions of talks, "die dag"): meeting date R 0.968, ordinal R 0.994; the zh
 * classes of round 12 (days and months counted from the date just told, "同月14日", "同年6月";
 * meetings joined by 暨 with a body between; stations, expressways and the article's order of
 * sides in gate pairs): meeting date P 0.996 R 0.972, gate P 0.994 R 0.979; the nl classes of
 * round 12 by class (joint openings, "toen", dates "uit", counts of a time, "waarvan", editions
 * of a series, agreements as talks, crossings by an en dash, stations, asides and "via"):
 * meeting date P 0.998 R 0.980, ordinal R 0.996, mechanism P 0.997 R 0.987, gate R 0.990;
 * money in every language (flow words around an amount, Dutch verbs split or last, goals and
 * plans said around it, lists said "respectively", months told again, a year before "when",
 * work begun and "after" clauses no cost's period, verbs of exceeding, "$2.5b"): money value
 * P 1.000, metric P 0.998, target P 0.999, period P 0.986, qualifier P 1.000, change P 0.997;
 * the en classes of round 12 (talks named by a past verb of meeting, a year gone by, the two
 * sides by other names, a sentence referring back to the lead's one day, a later clause of
 * talks with its own day, "The conference ... took place on ..." dating the one named
 * before): meeting date R 0.988); round 14's 18 in en, nl and zh, measured blind first
 * (meeting date P 0.954 R 0.744, tests/eval/rounds/round14-blind-dev-pool.txt), left
 * meeting date P 0.994 R 0.962, ordinal R 0.989, mechanism R 0.978, metric P 0.987, target
 * P 0.997, period P 0.970, gate P 0.993 R 0.984 on the 239; the zh classes of round 14
 * (a long dateline, 即 restating a day, meetings held 同期, the first 以来 no ordinal, the eve
 * of a meeting, a meeting only prepared, days of a signing or of another meeting's clause):
 * meeting date P 0.996 R 0.965; money classes of round 14 in every language (investing that
 * governs the amount, money put into something, flows it came from, goods sent to China,
 * contraband, parts of a revenue or an investment, a goal after both flows): metric P 0.997,
 * period P 0.973; periods of round 14 (goals for the whole year, parts of a whole, "the same
 * six months", years compared with, "tot en met augustus 2024"): period P 0.980; halfway
 * through a year, trade at a month's end, months "of that year": period P 0.984; "Cung trong 5
 * thang": period P 0.985; a goal of a clause before an "as" clause: target P 0.998; the en
 * classes of round 14 (the year a sentence opens with, clauses of sequence, "the next day"
 * of its sentence's day, "May", "dialogue", a meeting's own participle and words of being
 * held, the lead's talks on the dateline's day, "today"): meeting date R 0.974, ordinal
 *  R 0.994; the nl
 * meeting classes of round 14 (a day of the month after a named month, a day counted from
 * another with its year, "In 2023" opening a sentence, "bij elkaar", "en van de", attending
 * "samen met", the present of talks to come, "Toen" opening a sentence, joint openings in
 * the perfect, the dateline's talks in the perfect): meeting date P 0.998 R 0.974; the en, zh and
 * nl classes together on the 239: meeting date P 0.998 R 0.984, 0 wrong; round 16's blind pool
 * of 25 joined untuned, the floors drop to the 264 as measured: meeting date P 0.992 R 0.964,
 * 5 wrong); the cross-language refusals of completed dates of round 16 (a paragraph framed
 * by another year, a day counted from another year's, a weekday or bare day after another
 * time, a passive "hosted", "the agreement reached on"): meeting date P 0.995 R 0.965, 0
 * wrong; the money classes of round 16 (numbers in words, currencies named by their
 * country's adjective, Dutch and English verbs of spending, goals, periods of the same N
 * months): money value P 1.000 R 1.000, metric P 0.998, period P 0.988; round 16's en
 * classes (described days, "between March 6 and 7", talks named by a day, "hosted", "the
 * agreement reached on"), all merged on the 264: meeting date P 0.998 R 0.972, 0 wrong,
 * ordinal R 0.990, mechanism R 0.956; round 16's zh classes (parts of a year, short weekdays,
 * receptions, long spans, persons titled earlier): meeting date P 0.998 R 0.975, 0 wrong,
 * mechanism R 0.958); round 18's blind pool (15, en nl zh) joined untuned, measured on all 279:
 * meeting date P 0.994 R 0.964 (2 wrong, both its own), mechanism P 0.991, money metric
 * P 0.992, target 0.993, period 0.986, gate pair R 0.965); round 18's report-day classes
 * (a zh day after the meeting's noun, "会晤期间" of its sentence, a month's year just
 * written; compound ceremonies, "the two leaders", "hours earlier", joint English openings,
 * talks after the lead or opening a sentence of holding, no date after an aside of
 * holding, "The economic talks" after the lead): meeting date P 0.996 R 0.973, 0 wrong);
 * round 19's nl and en classes (Dutch past verbs of meeting, "Vorig jaar december", "de
 * ontmoeting van maandag", talks a document was signed at, "followed up", "op de agenda
 * staat", an ordinal without its noun, "Aansluitend", "Daar", "dan", a ceremony apart from
 * the talks of its day), on the 300 with calib27: meeting date P 0.995 R 0.974 (1938/1990, 0
 * wrong), ordinal R 0.991, mechanism P 0.998 R 0.950). */
static void dev_split_regression(void **state)
{
    (void)state;
    bc_gold_corpus *c = NULL;
    bc_eval_result r;
    bc_err err;
    if (bc_gold_load("tests/eval/dev", &c, &err) != 0) {
        fail_msg("tests/eval/dev: %s", err.msg);
        return;
    }
    assert_int_equal(bc_eval_corpus(c, G, &r, NULL, &err), 0);
    /* floors are measured values rounded DOWN (round 21 found three rounded up from the
     * printed table: money value P 0.99696 printed 0.997); money value recall measures
     * 3148/3148 and its floor stays 0.999 (four misses fail it) */
    assert_true(bc_eval_precision(&r.field[BC_EF_MONEY_VALUE]) >= 0.996);
    assert_true(bc_eval_recall(&r.field[BC_EF_MONEY_VALUE]) >= 0.999);
    assert_true(bc_eval_precision(&r.field[BC_EF_MEETING_DATE]) >= 0.981);
    /* lowered from 0.975 on purpose (round 18): a date whose attachment the blind pools found
     * wrong is withheld (extract_date_conf.c), a miss instead of a wrong value; measured
     * 1652/1696 = 0.974 on the 264, then 1756/1821 = 0.964 with round 18's pool, 1772/1821
     * = 0.973 after round 18's report-day classes, 1892/1990 = 0.950 with round 19's blind
     * pool, 2027/2151 = 0.942 with round 20's (the floors below were lowered to the values
     * measured when each pool joined, not tuned), then 2069/2151 = 0.961 after round 27's
     * Dutch and English classes (tune27-p19), 2195/2305 = 0.952 with round 21's pool (its
     * 6 blind wrong dates too: precision 0.994 -> 0.992), 2229/2305 = 0.967 after round 28's
     * English, Dutch and Chinese classes (tune28-en/nl/zh: 2268/2280, 0 wrong), 2397/2463 =
     * 0.973 with round 22's blind pool (its 4 blind-time wrongs: precision 0.993), 2401/2463
     * = 0.9748 after pool 22's two classes (tune28-p22: a Chinese day in a clause of holding
     * before the noun, "the meeting of last year, on ..."; 2401/2415 = 0.9942, 0 wrong), 2579/2680
     * = 0.962 with round 23's blind pool (24 articles, its 6 blind-time wrongs: precision
     * 0.990; its money: 'VND6.8trn' read as 7, a duplicate, en metric 0.767); every floor of
     * this test was set to that measurement, rounded down; then 2582/2680 = 0.963 (2582/2602
     * = 0.992, 2 wrong) after session 29's landed fixes (compact scales, an event's opening
     * day, 'the following day', outsider 14's meeting and gate fixes), 2697/2825 = 0.954
     * with round 24's blind pool (18 articles; precision 2697/2726 = 0.989, 7 wrong), then
     * precision 2697/2723 = 0.990 (4 wrong) after mend29-g's spans and deadlines; mechanism
     * recall 1392 -> 1390/1488 = 0.934: the spring meeting that now has no day from its
     * programme's span is no longer a second mention that restated its mechanism; 2819/2992
     * = 0.942 with round 25's blind pool (18 articles written around the coarser class:
     * precision 2819/2875 = 0.980, 28 wrong, 15 of them coarser; ordinal 1477/1500,
     * mechanism 1470/1582, metric 3628/3746, target 3664/3746, period 3666/3746), then
     * 2826/2992 = 0.944 after session 30's date30 (one meeting's mentions reconciled, "juni
     * van dit jaar", a Chinese year naming talks, a name's year deciding a day the
     * publication date left undecided: precision 2826/2875 = 0.982, 21 wrong, 8
     * of them coarser; then 2826/2871 = 0.984, 17 wrong, a day in an apposition of another
     * thing no longer the meeting's) */
    /* 2928/3128 = 0.936 with round 26's blind pool (15 articles, the judge of session 30's
     * tuning; precision 2928/2984 = 0.981, 24 wrong, 14 of them coarser; ordinal 1523/1546,
     * mechanism 1528/1538 and 1528/1646, metric 3756/3886, target 3798/3886, gate pair
     * 2012/2142); gate pair 2014/2142 after mend30-h's neutral "crossing" (precision
     * 2014/2062 = 0.9767: wrong 14 as before, two more duplicates, "the A Pa Chải – Long
     * Phú crossing" read as a second mention of the A Pa Chải – Longfu gates) */
    assert_true(bc_eval_recall(&r.field[BC_EF_MEETING_DATE]) >= 0.936);
    assert_true(bc_eval_recall(&r.field[BC_EF_MEETING_ORDINAL]) >= 0.985);
    assert_true(bc_eval_precision(&r.field[BC_EF_MEETING_MECHANISM]) >= 0.993);
    assert_true(bc_eval_recall(&r.field[BC_EF_MEETING_MECHANISM]) >= 0.928);
    assert_true(bc_eval_precision(&r.field[BC_EF_MONEY_METRIC]) >= 0.966);
    assert_true(bc_eval_precision(&r.field[BC_EF_MONEY_TARGET]) >= 0.977);
    assert_true(bc_eval_precision(&r.field[BC_EF_MONEY_PERIOD]) >= 0.978);
    assert_true(bc_eval_precision(&r.field[BC_EF_GATE_PAIR]) >= 0.976);
    assert_true(bc_eval_recall(&r.field[BC_EF_GATE_PAIR]) >= 0.939);
    assert_true(r.detect_right == r.detected);
    bc_gold_free(c);
}

static void allocation_failure(void **state)
{
    (void)state;
    char dir[256];
    gold_write(dir, "\"2024-06-13\"", "Lao Cai trade reaches 1.7 billion USD");
    bc_gold_corpus *c = NULL;
    bc_eval_result r;
    bc_err err;
    assert_int_equal(bc_gold_load(dir, &c, &err), 0);
    int rc = BC_ENOMEM;
    for (long n = 0; n < 20000 && rc != 0; n++) {
        bc_buf detail = BC_BUF_INIT;
        bc_alloc_fail_after(n);
        rc = bc_eval_corpus(c, G, &r, &detail, &err);
        bc_alloc_fail_reset();
        if (rc != 0)
            assert_int_equal(rc, BC_ENOMEM);
        bc_buf_free(&detail);
    }
    assert_int_equal(rc, 0);
    bc_gold_free(c);
    gold_remove(dir);
}

static int reset_alloc(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scores_by_the_rules),
        cmocka_unit_test(a_coarser_date_is_told_from_a_contradicting_one),
        cmocka_unit_test(a_meeting_named_by_number_scores_as_itself),
        cmocka_unit_test(a_day_of_the_publication_date),
        cmocka_unit_test(dev_split_regression),
        cmocka_unit_test(ratchet_against_a_baseline),
        cmocka_unit_test_teardown(allocation_failure, reset_alloc),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
