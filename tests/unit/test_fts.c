/* test_fts.c: the bc_fold FTS5 tokenizer on an in-memory store: the terms it indexes
 * (lower case, no diacritics, đ -> d, ł -> l, ß -> ss, each Chinese character a term),
 * queries in either
 * spelling, highlights that show the article's own text at its own offsets, a
 * connection without the tokenizer, and allocation failure while creating and
 * tokenizing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/fts.h"
#include "bordercoop/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bc_store *store;

/* A fresh store (which registers bc_fold) with an empty table doc(body) using it and a
 * vocabulary table over it. */
static int open_store(void **state)
{
    (void)state;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &store, &err), 0);
    assert_int_equal(
        bc_store_exec(store,
                      "CREATE VIRTUAL TABLE doc USING fts5(body, tokenize = 'bc_fold');"
                      "CREATE VIRTUAL TABLE doc_terms USING fts5vocab(doc, 'row');",
                      &err),
        0);
    return 0;
}

static int close_store(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    bc_store_close(store);
    store = NULL;
    return 0;
}

static sqlite3 *db(void)
{
    return bc_store_db(store);
}

static void insert(const char *text)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db(), "INSERT INTO doc(body) VALUES (?1)", -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        fail_msg("insert '%s': %s", text, sqlite3_errmsg(db()));
}

/* The first column of the single-row result of sql with ?1 bound to arg, copied into
 * out ("" for NULL). */
static void query1(const char *sql, const char *arg, char *out, size_t n)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db(), sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db()));
    if (arg != NULL)
        sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW)
        fail_msg("%s [%s]: %s", sql, arg ? arg : "", sqlite3_errmsg(db()));
    const char *v = (const char *)sqlite3_column_text(st, 0);
    snprintf(out, n, "%s", v ? v : "");
    sqlite3_finalize(st);
}

/* The indexed terms of text alone, sorted and space-separated. */
static void terms_of(const char *text, char *out, size_t n)
{
    bc_err err;
    assert_int_equal(bc_store_exec(store, "DELETE FROM doc", &err), 0);
    insert(text);
    query1("SELECT group_concat(term, ' ') FROM (SELECT term FROM doc_terms ORDER BY term)", NULL,
           out, n);
}

static void expect_terms(const char *text, const char *want)
{
    char got[512];
    terms_of(text, got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("terms of '%s': '%s', want '%s'", text, got, want);
}

/* How many rows match the FTS5 query q. */
static int matches(const char *q)
{
    char n[32];
    query1("SELECT count(*) FROM doc WHERE doc MATCH ?1", q, n, sizeof n);
    return atoi(n);
}

static void case_and_diacritics_fold(void **state)
{
    (void)state;
    expect_terms("Lào Cai", "cai lao");
    expect_terms("LAO CAI lao cai", "cai lao");
    expect_terms("Tuyên Quang, Hà Giang", "giang ha quang tuyen");
    expect_terms("Vân Nam (Trung Quốc)", "nam quoc trung van");
    /* upper-case letters with diacritics: unicode61 lowers, bc_fold strips */
    expect_terms("ĐIỆN BIÊN PHỦ", "bien dien phu");
    expect_terms("Göteborg Malmö Ångström", "angstrom goteborg malmo");
    /* decomposed input: the combining marks are dropped */
    expect_terms("La\xcc\x80o Cai", "cai lao");
}

static void stroked_letters_and_sharp_s(void **state)
{
    (void)state;
    /* Vietnamese d-stroke, which no Unicode decomposition removes */
    expect_terms("Đồng Đăng đường", "dang dong duong");
    /* Polish l-stroke and the other Polish letters */
    expect_terms("Łódź Włocławek", "lodz wloclawek");
    expect_terms("ŻÓŁW źdźbło Gdańsk Częstochowa", "czestochowa gdansk zdzblo zolw");
    expect_terms("Straße", "strasse");
    /* numbers are kept as they are; each Chinese character is a term */
    expect_terms("2025 云南省 河口", "\x1f 2025 云 南 口 河 省"); /* \x1f: a run starts */
    /* a run of Latin letters inside Chinese text is folded as a word of its own */
    expect_terms("中越Lào Cai口岸", "\x1f cai lao 中 口 岸 越");
}

/* Fullwidth Latin letters and digits are indexed and queried as ASCII ones (outsider 8,
 * M2): "ＡＢＣ１２３" is the term "abc123", found by either spelling; fullwidth
 * punctuation still separates terms. */
static void fullwidth_letters_and_digits_are_ascii(void **state)
{
    (void)state;
    expect_terms("ＡＢＣ１２３ ｌａｏ Ｃａｉ", "abc123 cai lao");
    expect_terms("口岸２０２４年", "\x1f 2024 口 岸 年");
    expect_terms("Ｌａｏ，Ｃａｉ", "cai lao");
    bc_err err;
    assert_int_equal(bc_store_exec(store, "DELETE FROM doc", &err), 0);
    insert("Route ＡＢＣ１２３ opened in ２０２４");
    insert("Route abc123 opened in 2024");
    assert_int_equal(matches("abc123"), 2);
    assert_int_equal(matches("ＡＢＣ１２３"), 2);
    assert_int_equal(matches("\"route ａｂｃ１２３\""), 2);
    assert_int_equal(matches("２０２４"), 2);
    char out[256];
    query1("SELECT highlight(doc, 0, '[', ']') FROM doc WHERE doc MATCH ?1 ORDER BY rowid",
           "abc123", out, sizeof out);
    assert_string_equal(out, "Route [ＡＢＣ１２３] opened in ２０２４");
}

/* Chinese words are found inside the run of characters that holds them: the query is
 * the phrase of its characters, so they must be adjacent and in order. */
static void chinese_words_are_found_inside_a_sentence(void **state)
{
    (void)state;
    insert("双方在河口举行会谈，并就天保口岸升级交换意见。");
    insert("文山州与河江省签署了合作备忘录");
    insert("谈会");
    assert_int_equal(matches("会谈"), 1);
    assert_int_equal(matches("\"天保口岸\""), 1);
    assert_int_equal(matches("文山州"), 1);
    assert_int_equal(matches("口岸 AND 会谈"), 1);
    assert_int_equal(matches("谈会"), 1);  /* only the row that writes it so */
    assert_int_equal(matches("保天"), 0);  /* the characters apart or reversed: no */
    assert_int_equal(matches("河江*"), 1); /* a prefix ends on a character */
    /* never across the punctuation between two runs */
    assert_int_equal(matches("会谈并就"), 0);
    assert_int_equal(matches("谈，并"), 0);
    assert_int_equal(matches("会谈 AND 并就"), 1);
    char out[256];
    query1("SELECT highlight(doc, 0, '[', ']') FROM doc WHERE doc MATCH ?1", "天保口岸", out,
           sizeof out);
    assert_string_equal(out, "双方在河口举行会谈，并就[天保口岸]升级交换意见。");
}

static void queries_fold_too(void **state)
{
    (void)state;
    insert("Tỉnh Điện Biên giáp tỉnh Lào Cai");
    insert("Prowincja Łódź nie graniczy z Chinami");
    insert("Most kolejowy Lao Cai-Hekou");
    insert("河口 口岸");
    assert_int_equal(matches("lao"), 2);
    assert_int_equal(matches("Lào"), 2);
    assert_int_equal(matches("LÀO"), 2);
    assert_int_equal(matches("\"lao cai\""), 2);
    assert_int_equal(matches("dien AND bien"), 1);
    assert_int_equal(matches("Điện"), 1);
    assert_int_equal(matches("đien"), 1);
    assert_int_equal(matches("lodz"), 1);
    assert_int_equal(matches("ŁÓDŹ"), 1);
    assert_int_equal(matches("dien*"), 1);
    assert_int_equal(matches("hekou"), 1);
    assert_int_equal(matches("河口"), 1);
    assert_int_equal(matches("hanoi"), 0);
}

static void highlights_show_the_original_text(void **state)
{
    (void)state;
    insert("Tỉnh Điện Biên giáp tỉnh Lào Cai");
    char out[256];
    query1("SELECT highlight(doc, 0, '[', ']') FROM doc WHERE doc MATCH ?1", "dien bien", out,
           sizeof out);
    assert_string_equal(out, "Tỉnh [Điện] [Biên] giáp tỉnh Lào Cai");
    query1("SELECT highlight(doc, 0, '<mark>', '</mark>') FROM doc WHERE doc MATCH ?1",
           "\"lao cai\"", out, sizeof out);
    assert_string_equal(out, "Tỉnh Điện Biên giáp tỉnh <mark>Lào Cai</mark>");
    /* snippets cut at the original bytes too, never inside a multi-byte letter */
    query1("SELECT snippet(doc, 0, '[', ']', '...', 2) FROM doc WHERE doc MATCH ?1", "giap", out,
           sizeof out);
    assert_string_equal(out, "...[giáp] tỉnh...");
}

static void a_connection_needs_the_tokenizer_registered(void **state)
{
    (void)state;
    sqlite3 *raw = NULL;
    assert_int_equal(sqlite3_open(":memory:", &raw), SQLITE_OK);
    char *msg = NULL;
    assert_int_not_equal(sqlite3_exec(raw,
                                      "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'bc_fold')",
                                      NULL, NULL, &msg),
                         SQLITE_OK);
    assert_non_null(msg);
    assert_non_null(strstr(msg, "bc_fold"));
    sqlite3_free(msg);
    bc_err err;
    assert_int_equal(bc_fts_register(raw, &err), BC_OK);
    assert_int_equal(bc_fts_register(raw, &err), BC_OK); /* again: replaces, still fine */
    assert_int_equal(sqlite3_exec(raw,
                                  "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'bc_fold');"
                                  "INSERT INTO t VALUES ('Łào Cai');",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(
        sqlite3_prepare_v2(raw, "SELECT count(*) FROM t WHERE t MATCH 'lao'", -1, &st, NULL),
        SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    sqlite3_close(raw);
}

static void allocation_failure_creating_the_tokenizer(void **state)
{
    (void)state;
    /* the tokenizer instance is allocated when a table using it is created */
    bc_alloc_fail_after(0);
    int rc = sqlite3_exec(db(), "CREATE VIRTUAL TABLE t2 USING fts5(x, tokenize = 'bc_fold')", NULL,
                          NULL, NULL);
    bc_alloc_fail_reset();
    assert_int_not_equal(rc, SQLITE_OK);
    /* nothing half-made is left behind, and the same statement works afterwards */
    char n[16];
    query1("SELECT count(*) FROM sqlite_master WHERE name = 't2'", NULL, n, sizeof n);
    assert_string_equal(n, "0");
    assert_int_equal(sqlite3_exec(db(),
                                  "CREATE VIRTUAL TABLE t2 USING fts5(x, tokenize = 'bc_fold');"
                                  "INSERT INTO t2 VALUES ('Điện Biên');",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    query1("SELECT count(*) FROM t2 WHERE t2 MATCH 'dien'", NULL, n, sizeof n);
    assert_string_equal(n, "1");
}

static void allocation_failure_while_tokenizing(void **state)
{
    (void)state;
    insert("Lào Cai");
    int failed = 0, stored = 0;
    for (long k = 0; k < 100000 && !stored; k++) {
        sqlite3_stmt *st;
        assert_int_equal(
            sqlite3_prepare_v2(db(), "INSERT INTO doc(body) VALUES (?1)", -1, &st, NULL),
            SQLITE_OK);
        sqlite3_bind_text(st, 1, "Điện Biên giáp Vân Nam", -1, SQLITE_STATIC);
        bc_alloc_fail_after(k);
        int rc = sqlite3_step(st);
        bc_alloc_fail_reset();
        sqlite3_finalize(st);
        char n[16];
        query1("SELECT count(*) FROM doc", NULL, n, sizeof n);
        if (rc == SQLITE_DONE) {
            stored = 1;
            assert_string_equal(n, "2");
        } else {
            /* a failed insert leaves neither the row nor any of its terms */
            failed++;
            assert_int_equal(rc & 0xff, SQLITE_NOMEM);
            assert_string_equal(n, "1");
            assert_int_equal(matches("dien"), 0);
        }
    }
    assert_true(failed > 0);
    assert_true(stored);
    assert_int_equal(matches("dien"), 1);
    assert_int_equal(matches("lao"), 1);
    /* a query whose terms cannot be folded fails cleanly too */
    sqlite3_stmt *st;
    assert_int_equal(
        sqlite3_prepare_v2(db(), "SELECT count(*) FROM doc WHERE doc MATCH 'Biên'", -1, &st, NULL),
        SQLITE_OK);
    bc_alloc_fail_after(0);
    int rc = sqlite3_step(st);
    bc_alloc_fail_reset();
    sqlite3_finalize(st);
    assert_int_not_equal(rc, SQLITE_ROW);
    assert_int_equal(matches("Biên"), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(case_and_diacritics_fold, open_store, close_store),
        cmocka_unit_test_setup_teardown(stroked_letters_and_sharp_s, open_store, close_store),
        cmocka_unit_test_setup_teardown(chinese_words_are_found_inside_a_sentence, open_store,
                                        close_store),
        cmocka_unit_test_setup_teardown(queries_fold_too, open_store, close_store),
        cmocka_unit_test_setup_teardown(fullwidth_letters_and_digits_are_ascii, open_store,
                                        close_store),
        cmocka_unit_test_setup_teardown(highlights_show_the_original_text, open_store, close_store),
        cmocka_unit_test(a_connection_needs_the_tokenizer_registered),
        cmocka_unit_test_setup_teardown(allocation_failure_creating_the_tokenizer, open_store,
                                        close_store),
        cmocka_unit_test_setup_teardown(allocation_failure_while_tokenizing, open_store,
                                        close_store),
    };
    return cmocka_run_group_tests_name("fts", tests, NULL, NULL);
}
