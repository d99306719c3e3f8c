/* test_extract_tok.c: the extractor's text model (extract_tok.c): sentences cut where a
 * report ends them and not after abbreviations or Polish ordinals, quotes verbatim and
 * trimmed, one token per Chinese character, numbers in both decimal conventions, word
 * tables matched across Chinese characters, and the gazetteer's names found in inflected
 * forms and in Chinese. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/text.h"
#include "fixture.h"

#include "../../server/extract_int.h"
#include "extract_fixture.h"

/* A context over text, cut into sentences and tokens, with data/'s names found. */
static void model(ctx *c, const char *lang, const char *text, bc_extraction *out)
{
    memset(c, 0, sizeof *c);
    memset(out, 0, sizeof *out);
    c->s = text;
    c->n = strlen(text);
    c->lang = bc_lang_find(lang);
    assert_non_null(c->lang);
    c->lbit = c->lang->bit;
    c->g = G;
    c->out = out;
    assert_int_equal(bcx_build_index(c), 0);
    bcx_split_sentences(c);
    bcx_tokenize(c);
    bcx_assign_sentences(c);
    bcx_find_names(c);
    assert_int_equal(c->rc, 0);
}

static void unmodel(ctx *c)
{
    bc_buf_free(&c->fold);
    bc_free(c->ix);
    bc_free(c->t);
    bc_free(c->se);
    bc_free(c->d);
    bc_free(c->h);
    bc_free(c->m);
}

static void sentence_text(const ctx *c, size_t si, const char *want)
{
    size_t n = strlen(want);
    if (c->se[si].qe - c->se[si].qs != n || memcmp(c->s + c->se[si].qs, want, n) != 0)
        fail_msg("sentence %zu is '%.*s', want '%s'", si, (int)(c->se[si].qe - c->se[si].qs),
                 c->s + c->se[si].qs, want);
}

static void sentences(void **state)
{
    (void)state;
    ctx c;
    bc_extraction x;
    model(&c, "pl",
          "|  | \n| Obie strony wymieniły blisko 500 delegacji. | \nW 2024 r. Targi "
          "przyciągnęły 3 banki. 11. spotkanie grupy roboczej; ponad 40 firm.",
          &x);
    assert_int_equal(c.ns, 5);
    sentence_text(&c, 0, "Obie strony wymieniły blisko 500 delegacji.");
    sentence_text(&c, 1, "W 2024 r.");
    sentence_text(&c, 2, "Targi przyciągnęły 3 banki.");
    sentence_text(&c, 3, "11. spotkanie grupy roboczej"); /* kept whole after "11." */
    sentence_text(&c, 4, "ponad 40 firm.");
    unmodel(&c);

    /* abbreviations before a number do not end a sentence; Chinese stops do */
    model(&c, "en", "On Nov. 30, trade grew. It was 7 bn.", &x);
    assert_int_equal(c.ns, 2);
    sentence_text(&c, 0, "On Nov. 30, trade grew.");
    unmodel(&c);
    /* nor does a title before a name */
    model(&c, "pl",
          "Dyrektor Akademii im. Ho Chi Minha przyjął delegację. Płk. Nguyen Van An był obecny.",
          &x);
    assert_int_equal(c.ns, 2);
    sentence_text(&c, 0, "Dyrektor Akademii im. Ho Chi Minha przyjął delegację.");
    unmodel(&c);
    model(&c, "zh", "河口口岸进出口总额达56亿元\n\n本报讯 今年前三季度增长。双方同意推进合作！",
          &x);
    assert_int_equal(c.ns, 3);
    assert_true(c.se[0].heading && !c.se[1].heading);
    sentence_text(&c, 1, "本报讯 今年前三季度增长。");
    unmodel(&c);
    /* an article of one line has no headline: all of it is body (analyst 8, finding 3) */
    model(&c, "en", "Trade grew. It was 7 bn.\n", &x);
    assert_int_equal(c.ns, 2);
    assert_false(c.se[0].heading || c.se[1].heading);
    unmodel(&c);
    model(&c, "en", "Trade grew\nIt was 7 bn.", &x);
    assert_true(c.se[0].heading && !c.se[1].heading);
    unmodel(&c);
    /* one line whose last sentence ends without a full stop (a caption after the text):
     * still one line, all body (analyst 15, N1) */
    model(&c, "nl",
          "Het overleg liep uit. De volgende ronde vindt in 2028 plaats. (Foto: archief.)", &x);
    assert_int_equal(c.ns, 3);
    assert_false(c.se[0].heading || c.se[1].heading || c.se[2].heading);
    unmodel(&c);
    model(&c, "nl",
          "Overleg in Hekou (foto)\nDe volgende ronde vindt in 2028 plaats. (Foto: archief.)", &x);
    assert_true(c.se[0].heading && !c.se[1].heading && !c.se[2].heading);
    unmodel(&c);

    /* a quotation closing with its sentence ends it before a capital, not before the
     * words that attribute it */
    model(&c, "nl",
          "\"Het gaat goed.\" Vorig jaar groeide de handel. \"Het gaat goed.\" aldus de "
          "minister.",
          &x);
    assert_int_equal(c.ns, 3);
    sentence_text(&c, 0, "\"Het gaat goed.\"");
    sentence_text(&c, 2, "\"Het gaat goed.\" aldus de minister.");
    unmodel(&c);

    /* a text without stops is cut at BC_X_MAX_SENTENCE bytes, after a space */
    bc_buf b = BC_BUF_INIT;
    for (int i = 0; i < 1000; i++)
        bc_buf_puts(&b, "word ");
    model(&c, "en", b.data, &x);
    assert_true(c.ns >= 2);
    for (size_t si = 0; si < c.ns; si++) {
        assert_true(c.se[si].qe - c.se[si].qs <= BC_X_MAX_SENTENCE);
        assert_true(c.s[c.se[si].qs] != ' ');
    }
    unmodel(&c);
    bc_buf_free(&b);
}

static void tokens(void **state)
{
    (void)state;
    ctx c;
    bc_extraction x;
    model(&c, "zh", "进出口总额达56亿元", &x);
    /* 进 出 口 总 额 达 | 56 | 亿 元 */
    assert_int_equal(c.nt, 9);
    assert_true(c.t[0].han && c.t[0].kind == T_WORD);
    assert_int_equal(c.t[6].kind, T_NUM);
    assert_true(c.t[6].num == 56);
    const bc_lex *e = NULL;
    assert_int_equal(bcx_lex_find(&c, C_MONEY_CUE, 0, &e), 5); /* 进出口总额 */
    assert_int_equal((int)e->val, MM_TURNOVER);
    assert_int_equal(bcx_lex_find(&c, C_MONEY_CUE, 1, &e), 2); /* 出口: exports */
    assert_int_equal((int)e->val, MM_EXPORTS);
    assert_int_equal(bcx_lex_find2(&c, C_SCALE, 7, 1, &e), 1);
    assert_true(e->val == 1e8);
    assert_int_equal(bcx_words_at(&c, 7, c.nt, "亿元"), 2);
    assert_int_equal(bcx_words_at(&c, 7, c.nt, "亿美"), 0);
    /* the first token is compared whole: 亿 (E4 BA BF) and 云 (E4 BA 91) share two bytes,
     * 元 needs the whole character, a word shorter than the token's bytes is no match and
     * never read past its end, a number is no word, lim bounds the first token too */
    assert_int_equal(bcx_words_at(&c, 7, c.nt, "云元"), 0);
    assert_int_equal(bcx_words_at(&c, 8, c.nt, "元"), 1);
    assert_int_equal(bcx_words_at(&c, 8, c.nt, "\xe5\x85"), 0);
    assert_int_equal(bcx_words_at(&c, 6, c.nt, "56"), 0);
    assert_int_equal(bcx_words_at(&c, 7, 7, "亿元"), 0);
    assert_int_equal(bcx_words_at(&c, 7, 8, "亿元"), 0);
    /* a class looked for twice at a token answers the same, from memory the second time */
    assert_int_equal(bcx_lex_find(&c, C_MONEY_CUE, 7, NULL), 0);
    assert_int_equal(bcx_lex_find(&c, C_MONEY_CUE, 7, NULL), 0);
    assert_int_equal(bcx_lex_find(&c, C_MONEY_CUE, 1, NULL), 2);
    assert_int_equal(bcx_lex_find(&c, C_MONEY_CUE, 1, NULL), 2);
    assert_int_equal(bcx_lex_find2(&c, C_SCALE, 7, 1, NULL), 1); /* adjacent only */
    assert_int_equal(bcx_lex_find(&c, C_SCALE, 7, NULL), 0);
    assert_int_equal(bcx_lex_find2(&c, C_SCALE, 7, 1, NULL), 1);
    assert_int_equal(bcx_lex_find(&c, C_MONEY_CUE, c.nt, NULL), 0);
    unmodel(&c);
    model(&c, "en", "Trade in the years ahead of the talks", &x);
    assert_int_equal(bcx_words_at(&c, 3, c.nt, "year"), 0);
    assert_int_equal(bcx_words_at(&c, 3, c.nt, "years"), 1);
    assert_int_equal(bcx_words_at(&c, 3, c.nt, "yearsx"), 0);
    assert_int_equal(bcx_words_at(&c, 4, c.nt, "ahead of the"), 3);
    assert_int_equal(bcx_words_at(&c, 4, c.nt, "ahead off"), 0);
    unmodel(&c);

    model(&c, "pl", "Obroty osiągnęły 4,420 mld USD, 18.000 osób, 7,2 tys.", &x);
    assert_true(c.t[2].ambig && c.t[2].num == 4420 && c.t[2].num_alt == 4.42);
    assert_true(c.t[5].kind == T_NUM && c.t[5].num == 18000);
    unmodel(&c);
    model(&c, "en", "Trade reached 1,234,567.5 and 30/10/2025 and 2025-10-30.", &x);
    assert_true(c.t[2].num == 1234567.5);
    assert_int_equal(c.t[4].kind, T_DATE);
    assert_string_equal(c.t[4].iso, "2025-10-30");
    assert_string_equal(c.t[6].iso, "2025-10-30");
    unmodel(&c);
    /* a day and month without a year, in Vietnamese */
    model(&c, "vi", "Sáng 30/10 và tháng 10/2025.", &x);
    assert_string_equal(c.t[1].iso, "--10-30");
    assert_string_equal(c.t[4].iso, "2025-10");
    unmodel(&c);
}

/* The classes marked as unable to match at a token (bcx_lex_mark_impossible) are only
 * those no lookup finds there: every class at every token answers the same length and
 * entry with the marks as without, in languages of Latin words and of characters, and the
 * marks answer most lookups. */
static void impossible_classes(void **state)
{
    (void)state;
    static const char *const texts[][2] = {
        {"zh", "2024年前11个月，老街省与云南省进出口总额达56亿元，同比增长12%。双方于3月12日在河口"
               "举行工作会谈，为第十七次联席会议做准备，会议将于下月召开。"},
        {"en", "The 12th meeting of the Joint Working Committee was held in Lao Cai on Monday, "
               "ahead of the talks; exports rose 5% to 1.2 billion USD in the first half."},
        {"vi", "Kim ngạch xuất nhập khẩu đạt 5,4 tỷ USD, tăng 12% so với cùng kỳ năm trước."},
        {"nl", "De handel groeide vorig jaar met 5 procent tot 1,2 miljard dollar, aldus de "
               "douane. Het kwartaaloverleg over de handelscontracten vond plaats in Lang Son."},
        /* words met inside or at the end of a compound (free entries, whatever the first
         * letter) */
        {"sv", "Arbetsdelegationer från Lao Cai besökte vägbron, och gränsmötet hölls i Hekou "
               "efter handelsavtal värda 3 miljoner dollar."},
    };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        ctx c;
        bc_extraction x;
        model(&c, texts[t][0], texts[t][1], &x);
        size_t *len = calloc(c.nt * C_COUNT, sizeof *len);
        const bc_lex **ent = calloc(c.nt * C_COUNT, sizeof *ent);
        assert_true(len != NULL && ent != NULL);
        for (size_t i = 0; i < c.nt; i++)
            for (int k = 0; k < C_COUNT; k++)
                len[i * C_COUNT + k] = bcx_lex_find2(&c, k, i, 0, &ent[i * C_COUNT + k]);
        for (size_t i = 0; i < c.nt; i++)
            c.t[i].lex_none[0] = c.t[i].lex_none[1] = 0;
        bcx_lex_mark_impossible(&c);
        assert_int_equal(c.rc, 0);
        size_t marked = 0, asked = 0;
        for (size_t i = 0; i < c.nt; i++)
            for (int k = 0; k < C_COUNT; k++) {
                if (c.t[i].kind != T_WORD)
                    continue;
                asked++;
                marked += (c.t[i].lex_none[k / 64] >> (k % 64)) & 1;
                const bc_lex *e = NULL;
                size_t n = bcx_lex_find(&c, k, i, &e);
                if (n != len[i * C_COUNT + k] || (n > 0 && e != ent[i * C_COUNT + k]))
                    fail_msg("%s token %zu class %d: %zu, without the marks %zu", texts[t][0], i, k,
                             n, len[i * C_COUNT + k]);
            }
        assert_true(marked * 2 > asked);
        free(len);
        free(ent);
        unmodel(&c);
    }
}

static void names(void **state)
{
    (void)state;
    bc_extraction x =
        run("sv", NULL, "Yunnanprovinsens och Lai Chaus delegationer, 12 delegationer.");
    const bc_xfigure *f = fig(&x, 12);
    assert_true(has_party(f, "yunnan"));
    assert_true(has_party(f, "lai-chau"));
    bc_extraction_free(&x);
    /* a Chinese province without its 省, and a place from a crossing's side */
    ctx c;
    model(&c, "zh", "越南老街、河江与中国河口", &x);
    int lao_cai = 0, ha_giang = 0, hekou = 0;
    for (size_t q = 0; q < c.nh; q++) {
        lao_cai |= c.h[q].entity == E_PROVINCE && strcmp(c.h[q].id, "lao-cai") == 0;
        ha_giang |= c.h[q].entity == E_PROVINCE && strcmp(c.h[q].id, "ha-giang") == 0;
        hekou |= c.h[q].entity == E_PLACE && strcmp(c.h[q].id, "CN") == 0;
    }
    assert_true(lao_cai && ha_giang && hekou);
    unmodel(&c);
}

/* Letters and their case come from Unicode's categories (libutf8proc), in every script. */
static void letters_and_case(void **state)
{
    (void)state;
    static const unsigned UPPER[] = {'A',           0xC0,           0x110 /* Đ */, 0x141 /* Ł */,
                                     0x1A0 /* Ơ */, 0x1EA0 /* Ạ */, 0x391 /* Α */, 0x416 /* Ж */};
    static const unsigned LOWER[] = {'z',          0xE5 /* å */,   0x111 /* đ */, 0x142 /* ł */,
                                     0xDF /* ß */, 0x1EF9 /* ỹ */, 0x3B1 /* α */, 0x436 /* ж */};
    for (size_t i = 0; i < sizeof UPPER / sizeof UPPER[0]; i++) {
        assert_true(bc_text_is_letter(UPPER[i]) && is_upper(UPPER[i]) && !is_lower(UPPER[i]));
        assert_true(bc_text_is_letter(LOWER[i]) && is_lower(LOWER[i]) && !is_upper(LOWER[i]));
    }
    /* Chinese: letters with no case; a combining mark continues its word */
    assert_true(bc_text_is_letter(0x4E91) && !is_upper(0x4E91) && !is_lower(0x4E91));
    assert_true(bc_text_is_letter(0x301) && !is_upper(0x301) && !is_lower(0x301));
    /* digits, punctuation, symbols, spaces and emoji are not letters:
     * 1 - space, no-break space, × ÷ – “ 。 ， € 😀 */
    static const unsigned NOT[] = {'1',    '-',    ' ',    0xA0,   0xD7,   0xF7,
                                   0x2013, 0x201C, 0x3002, 0xFF0C, 0x20AC, 0x1F600};
    for (size_t i = 0; i < sizeof NOT / sizeof NOT[0]; i++)
        assert_false(bc_text_is_letter(NOT[i]) || is_upper(NOT[i]) || is_lower(NOT[i]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sentences),          cmocka_unit_test(tokens),
        cmocka_unit_test(impossible_classes), cmocka_unit_test(names),
        cmocka_unit_test(letters_and_case),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
