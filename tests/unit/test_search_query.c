/* test_search_query.c: what a person types into a search made into an FTS5 query
 * (search_query.c): phrases, prefixes, operators and parentheses honoured, every other
 * character a separator, fullwidth letters as ASCII, names through the alias lookup, and
 * every result parsed by a real FTS5 table (never a syntax error); no words, and
 * allocation failure. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/err.h"
#include "bordercoop/search_query.h"
#include "bordercoop/store.h"

#include <stdio.h>
#include <string.h>

/* The aliases of the tests: "lao cai" and "yunnan" name entities. */
static int fake_alias(void *ctx, const char *phrase, bc_buf *out)
{
    int *calls = ctx;
    if (calls != NULL)
        (*calls)++;
    if (strcmp(phrase, "Lao Cai") == 0 || strcmp(phrase, "Lao-Cai") == 0 ||
        strcmp(phrase, "LAO CAI") == 0) {
        bc_buf_puts(out, "(\"Lao Cai\" OR \"老街\")");
        return 1;
    }
    if (strcmp(phrase, "Yunnan") == 0 || strcmp(phrase, "YUNNAN") == 0) {
        bc_buf_puts(out, "(\"Yunnan\" OR \"云南\")");
        return 1;
    }
    if (strcmp(phrase, "友谊关") == 0) {
        bc_buf_puts(out, "(\"Youyiguan\" OR \"友谊关\")");
        return 1;
    }
    return 0;
}

static int reset_alloc(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    return 0;
}

/* Compiles q with the fake aliases (or none); its result, or "<no words>". */
static void compile(const char *q, int aliases, char *got, size_t n)
{
    bc_buf b = BC_BUF_INIT;
    int rc = bc_search_compile(q, strlen(q), aliases ? fake_alias : NULL, NULL, &b);
    if (rc == BC_EINVAL) {
        assert_int_equal(b.len, 0);
        snprintf(got, n, "<no words>");
    } else {
        assert_int_equal(rc, BC_OK);
        snprintf(got, n, "%s", b.data);
    }
    bc_buf_free(&b);
}

static void expect(const char *q, const char *want)
{
    char got[1024];
    compile(q, 1, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("q '%s': '%s', want '%s'", q, got, want);
}

static void plain_words_and_aliases(void **state)
{
    (void)state;
    expect("bridge", "\"bridge\"*");
    expect("Junnan bridge", "(\"Junnan bridge\" OR (\"Junnan\"* AND \"bridge\"*))");
    expect("Lao Cai bridge", "(\"Lao Cai\" OR \"老街\") AND \"bridge\"*");
    expect("Lao-Cai", "(\"Lao Cai\" OR \"老街\")");
    expect("  Yunnan\t", "(\"Yunnan\" OR \"云南\")");
    /* no prefix: short words, digits, Chinese, punctuation inside */
    expect("gate 2024 口岸 a1bc",
           "(\"gate 2024 口岸 a1bc\" OR (\"gate\"* AND \"2024\" AND \"口岸\" AND \"a1bc\"))");
    expect("Kunming,", "\"Kunming\"*");
    expect("Điện", "\"Điện\"*");
}

static void syntax_that_is_honoured(void **state)
{
    (void)state;
    expect("\"Lao Cai\" AND bridge", "\"Lao Cai\" AND \"bridge\"*");
    expect("\"Kunming\"", "\"Kunming\"");
    expect("brid*", "\"brid\"*");
    expect("\"lao ca\"*", "\"lao ca\"*");
    expect("gate OR bridge", "\"gate\"* OR \"bridge\"*");
    expect("gate NOT bridge", "\"gate\"* NOT \"bridge\"*");
    expect("(gate OR bridge) AND Yunnan",
           "(\"gate\"* OR \"bridge\"*) AND (\"Yunnan\" OR \"云南\")");
    expect("Yunnan (gate OR bridge)", "(\"Yunnan\" OR \"云南\") AND (\"gate\"* OR \"bridge\"*)");
}

/* Everything else is words and separators: nothing a person types is FTS5 syntax. */
static void everything_else_is_words(void **state)
{
    (void)state;
    expect("10:30", "\"10:30\"");
    expect("https://example.com/a", "\"https://example.com/a\"");
    expect("title:Lao", "\"title:Lao\"");
    expect("^Lao", "\"Lao\"");
    expect("Lao + Cai", "(\"Lao Cai\" OR \"老街\")");
    expect("{title} gate", "(\"title gate\" OR (\"title\"* AND \"gate\"*))");
    expect("NEAR(gate bridge)", "\"NEAR\"* AND ((\"gate bridge\" OR (\"gate\"* AND \"bridge\"*)))");
    expect("C++ & C#", "(\"C C\" OR (\"C\" AND \"C\"))");
    expect("-gate", "\"gate\"*");
    expect("gate\"\"", "\"gate\"*");
    expect("\"unclosed phrase", "\"unclosed phrase\"");
    expect("say \"hi", "\"say\" AND \"hi\"");
    expect("a\"b\"c", "\"a\" AND \"b\" AND \"c\"");
    expect("会谈：双方", "\"会谈：双方\"");
}

/* Operators without two operands and parentheses without partners are left out. */
static void what_would_not_parse_is_left_out(void **state)
{
    (void)state;
    expect("OR gate", "\"gate\"*");
    expect("gate AND", "\"gate\"*");
    expect("NOT gate", "\"gate\"*");
    expect("gate AND OR bridge", "\"gate\"* OR \"bridge\"*");
    expect("gate )", "\"gate\"*");
    expect(") gate (", "\"gate\"*");
    expect("(gate", "(\"gate\"*)");
    expect("gate () bridge", "\"gate\"* AND \"bridge\"*");
    expect("(((((((((((gate)))))))))))", "((((((((\"gate\"*))))))))");
    expect("and or not", "(\"and or not\" OR (\"and\" AND \"or\" AND \"not\"))");
    /* nothing to search for */
    static const char *const none[] = {"",    "   ", "...", "!!!",        "\"\"",        "*", "()",
                                       ":/-", "。",  "AND", "AND OR NOT", "( ) \"...\"", "😀"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        char got[256];
        compile(none[i], 1, got, sizeof got);
        if (strcmp(got, "<no words>") != 0)
            fail_msg("q '%s': '%s', want no words", none[i], got);
    }
}

static void fullwidth_letters_are_ascii(void **state)
{
    (void)state;
    expect("ＹＵＮＮＡＮ", "(\"Yunnan\" OR \"云南\")");
    expect("ＬＡＯ　ＣＡＩ", "(\"Lao Cai\" OR \"老街\")"); /* U+3000 between */
    expect("ＡＢＣ１２３", "\"ABC123\"");
    expect("ｇａｔｅ ＯＲ ｂｒｉｄｇｅ", "\"gate\"* OR \"bridge\"*");
    /* bytes that are not UTF-8 separate words */
    expect("gate\xff"
           "bridge",
           "(\"gate bridge\" OR (\"gate\"* AND \"bridge\"*))");
}

/* Whatever the text, a real FTS5 table parses the result: no syntax error. */
static void every_result_parses(void **state)
{
    (void)state;
    bc_store *s;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_exec(s,
                                   "CREATE VIRTUAL TABLE doc USING fts5(body, tokenize = "
                                   "'bc_fold'); INSERT INTO doc VALUES ('Lao Cai bridge 10:30')",
                                   &err),
                     0);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bc_store_db(s),
                                        "SELECT count(*) FROM doc WHERE doc MATCH ?1", -1, &st,
                                        NULL),
                     SQLITE_OK);
    static const char alphabet[] = "ab \"()*:^+-{}./ANDORNOT中";
    unsigned int seed = 12345;
    char q[40];
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        for (int k = 0; k < 1 + round % 30; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t pick = (seed >> 16) % (sizeof alphabet - 1);
            if (alphabet[pick] & 0x80) /* the three bytes of 中 */
                pick = sizeof alphabet - 4;
            size_t w = (alphabet[pick] & 0x80) ? 3 : 1;
            if (len + w >= sizeof q)
                break;
            memcpy(q + len, alphabet + pick, w);
            len += w;
        }
        q[len] = '\0';
        bc_buf b = BC_BUF_INIT;
        int rc = bc_search_compile(q, len, NULL, NULL, &b);
        if (rc == BC_OK) {
            sqlite3_bind_text(st, 1, b.data, (int)b.len, SQLITE_STATIC);
            int step = sqlite3_step(st);
            if (step != SQLITE_ROW)
                fail_msg("q '%s' -> '%s': %s", q, b.data, sqlite3_errmsg(bc_store_db(s)));
            sqlite3_reset(st);
        } else {
            assert_int_equal(rc, BC_EINVAL);
        }
        bc_buf_free(&b);
    }
    sqlite3_finalize(st);
    bc_store_close(s);
}

/* Runs of up to four words are looked up, longest first. */
static void alias_lookups(void **state)
{
    (void)state;
    int calls = 0;
    bc_buf b = BC_BUF_INIT;
    assert_int_equal(bc_search_compile("a b c d e", 9, fake_alias, &calls, &b), BC_OK);
    assert_int_equal(calls, 4 + 4 + 3 + 2 + 1);
    bc_buf_free(&b);
}

/* Words that name nothing match as their phrase or as words apart, the phrase ranking
 * first (analyst 9, F6: "Hà Khẩu" was "Hà" AND "khẩu"*, found in "xuất khẩu"); a name
 * among them is its group, the words around it runs of their own. */
static void phrase_first_for_words_that_name_nothing(void **state)
{
    (void)state;
    expect("Ha Khau", "(\"Ha Khau\" OR (\"Ha\" AND \"Khau\"*))");
    expect("cua Lao Cai road bridge",
           "\"cua\" AND (\"Lao Cai\" OR \"老街\") AND (\"road bridge\" OR (\"road\"* AND "
           "\"bridge\"*))");
    expect("Ha Khau OR Hekou", "(\"Ha Khau\" OR (\"Ha\" AND \"Khau\"*)) OR \"Hekou\"*");
}

/* A name inside a Chinese word (written without spaces) is its group, the characters
 * around it strings of their own; and the result parses. */
static void names_inside_chinese_words(void **state)
{
    (void)state;
    expect("经友谊关出入境", "\"经\" AND (\"Youyiguan\" OR \"友谊关\") AND \"出入境\"");
    expect("友谊关口岸", "(\"Youyiguan\" OR \"友谊关\") AND \"口岸\"");
    expect("出入境", "\"出入境\"");
    expect("友谊关", "(\"Youyiguan\" OR \"友谊关\")");
    bc_store *s;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(
        bc_store_exec(s,
                      "CREATE VIRTUAL TABLE doc USING fts5(body, tokenize = "
                      "'bc_fold'); INSERT INTO doc VALUES ('2024年经友谊关出入境旅客')",
                      &err),
        0);
    bc_buf b = BC_BUF_INIT;
    assert_int_equal(
        bc_search_compile("经友谊关出入境", strlen("经友谊关出入境"), fake_alias, NULL, &b), BC_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bc_store_db(s),
                                        "SELECT count(*) FROM doc WHERE doc MATCH ?1", -1, &st,
                                        NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, b.data, (int)b.len, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    bc_buf_free(&b);
    bc_store_close(s);
}

/* However long the query, at most 64 names are looked up: the words after are plain. */
static void lookups_are_capped(void **state)
{
    (void)state;
    char q[400] = "";
    for (int i = 0; i < 60; i++)
        strcat(q, i % 2 ? "ab " : "cd ");
    int calls = 0;
    bc_buf b = BC_BUF_INIT;
    assert_int_equal(bc_search_compile(q, strlen(q), fake_alias, &calls, &b), BC_OK);
    assert_int_equal(calls, 64);
    bc_buf_free(&b);
    /* a Chinese run of 80 characters: each start tried with up to six, capped the same */
    char zh[400] = "";
    for (int i = 0; i < 80; i++)
        strcat(zh, "经");
    calls = 0;
    assert_int_equal(bc_search_compile(zh, strlen(zh), fake_alias, &calls, &b), BC_OK);
    assert_int_equal(calls, 64);
    bc_buf_free(&b);
    /* names after the cap are words */
    strcat(q, "Lao Cai");
    calls = 0;
    assert_int_equal(bc_search_compile(q, strlen(q), fake_alias, &calls, &b), BC_OK);
    assert_null(strstr(b.data, "老街"));
    bc_buf_free(&b);
}

/* Out of memory is BC_ENOMEM with out's flag set, at every allocation. */
static void allocation_failures(void **state)
{
    (void)state;
    const char *q = "(Lao Cai OR \"gate\") AND ＡＢＣ brid*";
    for (long n = 0; n < 100; n++) {
        bc_buf b = BC_BUF_INIT;
        bc_alloc_fail_after(n);
        int rc = bc_search_compile(q, strlen(q), fake_alias, NULL, &b);
        bc_alloc_fail_reset();
        if (rc == BC_OK) {
            assert_false(bc_buf_failed(&b));
            assert_string_equal(
                b.data, "((\"Lao Cai\" OR \"老街\") OR \"gate\") AND \"ABC\" AND \"brid\"*");
            bc_buf_free(&b);
            return;
        }
        assert_int_equal(rc, BC_ENOMEM);
        assert_true(bc_buf_failed(&b));
        bc_buf_free(&b);
    }
    fail_msg("never succeeded");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_words_and_aliases),
        cmocka_unit_test(syntax_that_is_honoured),
        cmocka_unit_test(everything_else_is_words),
        cmocka_unit_test(what_would_not_parse_is_left_out),
        cmocka_unit_test(fullwidth_letters_are_ascii),
        cmocka_unit_test(every_result_parses),
        cmocka_unit_test(alias_lookups),
        cmocka_unit_test(phrase_first_for_words_that_name_nothing),
        cmocka_unit_test(names_inside_chinese_words),
        cmocka_unit_test(lookups_are_capped),
        cmocka_unit_test_teardown(allocation_failures, reset_alloc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
