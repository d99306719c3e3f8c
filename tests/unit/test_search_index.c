/* test_search_index.c: writing the full-text index: every entity once after a load, one
 * entity re-indexed on its own, an article's paragraphs without page furniture, an
 * unknown source refused, and a store without the index an error, not a crash;
 * paragraphs cut into chunks of at most 2.5 KiB after a sentence, else a word, else
 * between UTF-8 characters, that together hold the whole paragraph; an article of one
 * 16,000-word paragraph indexed as bounded rows and searched with snippets that are
 * HTML-escaped but for <mark>; the per-entity statements give exactly the rows of the
 * full rebuild (v_search_rows), on the curated store and after ingests, and what ingest
 * leaves in the index (new talks, a known crossing's new event, a meeting told twice) is
 * what a rebuild gives; a batch writes each entity once, in the order of its last
 * addition. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/ingest.h"
#include "bordercoop/search_index.h"

#include "fixture.h"

/* the data/ store this group shares (fixture.h) */
#define S (fx_group_store())

static void every_entity_is_indexed_once(void **state)
{
    (void)state;
    long entities = fx_count(S, "SELECT (SELECT count(*) FROM meetings) + (SELECT count(*) "
                                "FROM figures) + (SELECT count(*) FROM projects) + (SELECT "
                                "count(*) FROM protocols) + (SELECT count(*) FROM people) + "
                                "(SELECT count(*) FROM provinces) + (SELECT count(*) FROM "
                                "mechanisms) + (SELECT count(*) FROM coop_events)");
    assert_int_equal(fx_count(S, "SELECT count(*) FROM search_index WHERE kind <> 'source'"),
                     entities);
    assert_int_equal(fx_count(S, "SELECT count(DISTINCT kind || ref_id) FROM search_index "
                                 "WHERE kind <> 'source'"),
                     entities);
}

static void one_entity_again(void **state)
{
    (void)state;
    bc_err err;
    long before = fx_count(S, "SELECT count(*) FROM search_index WHERE kind = 'meeting' AND "
                              "ref_id = 'jwg-yunnan-11'");
    assert_int_equal(before, 1);
    assert_int_equal(bc_store_exec(S, "SAVEPOINT t", &err), 0);
    assert_int_equal(bc_search_index_entity(S, "meeting", "jwg-yunnan-11", &err), 0);
    assert_int_equal(fx_count(S, "SELECT count(*) FROM search_index WHERE kind = 'meeting' AND "
                                 "ref_id = 'jwg-yunnan-11'"),
                     2);
    /* an id that is not there adds nothing */
    assert_int_equal(bc_search_index_entity(S, "meeting", "no-such-meeting", &err), 0);
    assert_int_equal(fx_count(S, "SELECT count(*) FROM search_index WHERE ref_id = "
                                 "'no-such-meeting'"),
                     0);
    assert_int_equal(bc_store_exec(S, "ROLLBACK TO t; RELEASE t", &err), 0);
}

/* Every entity row of the index, in one text (NULLs told from empty texts); the caller
 * frees it with sqlite3_free. */
static char *entity_rows(bc_store *s)
{
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(
        bc_store_prepare(s,
                         "SELECT group_concat(quote(kind) || ' ' || quote(ref_id) || ' ' || "
                         "quote(title) || ' ' || quote(body) || ' ' || quote(langs), char(10)) "
                         "FROM (SELECT * FROM search_index WHERE kind <> 'source' "
                         "ORDER BY kind, ref_id, title, body, langs)",
                         &st, &err),
        0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    char *text = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return text;
}

/* fails with the first row where a and b part */
static void assert_same_rows(const char *a, const char *b, const char *what)
{
    if (strcmp(a, b) == 0)
        return;
    size_t i = 0;
    while (a[i] == b[i])
        i++;
    while (i > 0 && a[i - 1] != '\n')
        i--;
    const char *ea = strchr(a + i, '\n'), *eb = strchr(b + i, '\n');
    int na = ea ? (int)(ea - a - i) : (int)strlen(a + i),
        nb = eb ? (int)(eb - b - i) : (int)strlen(b + i);
    fprintf(stderr, "%s: the rows part at\n%.*s\n---- and\n%.*s\n", what, na, a + i, nb, b + i);
    fail();
}

/* Indexes the store's every entity again, one entity at a time, as ingest and review do. */
static void index_one_by_one(bc_store *s)
{
    bc_err err;
    assert_int_equal(bc_store_exec(s, "DELETE FROM search_index WHERE kind <> 'source'", &err), 0);
    sqlite3_stmt *st;
    assert_int_equal(
        bc_store_prepare(s,
                         "SELECT 'meeting', id FROM meetings UNION ALL SELECT 'figure', id FROM "
                         "figures UNION ALL SELECT 'project', id FROM projects UNION ALL SELECT "
                         "'protocol', id FROM protocols UNION ALL SELECT 'person', id FROM people "
                         "UNION ALL SELECT 'province', id FROM provinces UNION ALL SELECT "
                         "'mechanism', id FROM mechanisms UNION ALL SELECT 'event', id FROM "
                         "coop_events",
                         &st, &err),
        0);
    while (sqlite3_step(st) == SQLITE_ROW)
        assert_int_equal(bc_search_index_entity(s, (const char *)sqlite3_column_text(st, 0),
                                                (const char *)sqlite3_column_text(st, 1), &err),
                         0);
    sqlite3_finalize(st);
}

/* The full rebuild (v_search_rows) and the per-entity statements give the same rows:
 * on the curated store, and after ingests that add meetings, figures, people's
 * participations and reported events of known crossings; what ingest left in the index
 * is what a rebuild gives. */
static void one_entity_at_a_time_gives_the_rebuild_s_rows(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_err err;
    char *rebuilt = entity_rows(s);
    index_one_by_one(s);
    char *one_by_one = entity_rows(s);
    assert_same_rows(rebuilt, one_by_one, "curated store");
    sqlite3_free(one_by_one);
    sqlite3_free(rebuilt);

    static const char *const articles[] = {
        "tests/eval/dev/en/en-ha-giang-malipo-thanh-thuy-tianbao-talks.txt",
        "tests/eval/dev/en/en-lao-cai-border-trade-january-2024.txt",
        "tests/eval/dev/en/en-guangxi-quang-ninh-cao-bang-nanning-talks-2024.txt",
        "tests/eval/dev/en/en-lao-cai-hekou-reception-kim-thanh-2024.txt",
    };
    int facts = 0;
    for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++) {
        FILE *f = fopen(articles[i], "rb");
        assert_non_null(f);
        static char text[65536];
        size_t n = fread(text, 1, sizeof text, f);
        fclose(f);
        bc_ingest_input in = {.text = text,
                              .len = n,
                              .lang = "en",
                              .title = articles[i],
                              .published_on = "2024-06-01"};
        bc_ingest_result r;
        if (bc_ingest(s, &in, &r, &err) != 0)
            fail_msg("ingesting %s: %s", articles[i], err.msg);
        facts += r.figures + r.meetings + r.projects + r.project_events + r.participants;
    }
    assert_true(facts > 0);
    char *ingested = entity_rows(s);
    assert_int_equal(bc_store_exec(s, "DELETE FROM search_index WHERE kind <> 'source'", &err), 0);
    assert_int_equal(bc_search_index_entity(s, NULL, NULL, &err), 0);
    rebuilt = entity_rows(s);
    assert_same_rows(rebuilt, ingested, "after ingest, rebuilt and as ingest left it");
    index_one_by_one(s);
    one_by_one = entity_rows(s);
    assert_same_rows(rebuilt, one_by_one, "after ingest, rebuilt and one by one");
    sqlite3_free(one_by_one);
    sqlite3_free(rebuilt);
    sqlite3_free(ingested);
    /* a kind the index does not have is refused */
    assert_int_equal(bc_search_index_entity(s, "source", "x", &err), BC_EINVAL);
    bc_store_close(s);
}

/* A batch writes each entity once, where it was added last, after removing the rows of
 * those added to be indexed again; an entity added only to be indexed beside its row
 * (as bc_search_index_entity does) keeps both. Written, the batch is empty. */
static void a_batch_indexes_each_entity_once_where_it_was_added_last(void **state)
{
    (void)state;
    bc_err err;
    assert_int_equal(bc_store_exec(S, "SAVEPOINT t", &err), 0);
    long before = fx_count(S, "SELECT max(rowid) FROM search_index");
    bc_search_batch b = BC_SEARCH_BATCH_INIT;
    bc_search_batch_add(&b, "meeting", "jwg-yunnan-11", 1);
    bc_search_batch_add(&b, "mechanism", "jwc-guangxi", 1);
    bc_search_batch_add(&b, "figure", "mong-cai-chinese-tourist-arrivals-2024", 0);
    bc_search_batch_add(&b, "meeting", "jwg-yunnan-11", 0);
    assert_int_equal(b.n, 4);
    assert_int_equal(bc_search_batch_write(S, &b, &err), 0);
    assert_int_equal(b.n, 0);
    assert_int_equal(fx_count(S, "SELECT count(*) FROM search_index WHERE kind = 'meeting' AND "
                                 "ref_id = 'jwg-yunnan-11'"),
                     1);
    assert_int_equal(fx_count(S, "SELECT count(*) FROM search_index WHERE kind = 'mechanism' "
                                 "AND ref_id = 'jwc-guangxi'"),
                     1);
    assert_int_equal(fx_count(S, "SELECT count(*) FROM search_index WHERE kind = 'figure' AND "
                                 "ref_id = 'mong-cai-chinese-tourist-arrivals-2024'"),
                     2);
    /* three new rows, in the order of each one's last addition */
    assert_int_equal(fx_count(S, "SELECT max(rowid) FROM search_index"), before + 3);
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM search_index WHERE rowid > "
             "%ld ORDER BY rowid)",
             before);
    sqlite3_stmt *st;
    assert_int_equal(bc_store_prepare(S, sql, &st, &err), 0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "mechanism figure meeting");
    sqlite3_finalize(st);
    /* a kind the index does not have is refused, and the batch is emptied all the same */
    bc_search_batch_add(&b, "source", "x", 0);
    assert_int_equal(bc_search_batch_write(S, &b, &err), BC_EINVAL);
    assert_int_equal(b.n, 0);
    bc_search_batch_free(&b);
    assert_int_equal(bc_store_exec(S, "ROLLBACK TO t; RELEASE t", &err), 0);
}

/* A numbered meeting that an article tells twice, with two dates, is one record with a
 * quote from each mention; its search row holds both quotes, as a rebuild gives it (it
 * was written at the first mention, so a word of the second one did not find it). */
static void a_meeting_told_again_is_found_by_its_later_quote(void **state)
{
    (void)state;
    static const char text[] =
        "Guangxi and four Vietnamese provinces meet in Nanning\n\n"
        "The 14th meeting of the Joint Working Committee of Quang Ninh, Lang Son, Cao Bang, "
        "Ha Giang and Guangxi Zhuang Autonomous Region was held in Nanning on March 3, 2024.\n\n"
        "Officials from the customs offices of both sides spoke about cargo clearance at Huu "
        "Nghi and at Dong Dang in the weeks before the session.\n\n"
        "According to the committee's secretariat, the 14th meeting of the Joint Working "
        "Committee took place on February 22, 2024 and agreed on a pilot for cold-chain durian "
        "inspections at Tan Thanh.\n";
    bc_store *s = fx_store_from(fx_data_dir());
    bc_err err;
    bc_ingest_input in = {.text = text,
                          .len = sizeof text - 1,
                          .lang = "en",
                          .title = "Told twice",
                          .published_on = "2024-03-05"};
    bc_ingest_result r;
    if (bc_ingest(s, &in, &r, &err) != 0)
        fail_msg("ingesting: %s", err.msg);
    assert_int_equal(r.meetings, 1);
    char sql[400];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM citations WHERE meeting_id = '%s-m1'",
             r.source_id);
    assert_int_equal(fx_count(s, sql), 2);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM search_index WHERE search_index MATCH 'durian' AND kind = "
             "'meeting' AND ref_id = '%s-m1'",
             r.source_id);
    assert_int_equal(fx_count(s, sql), 1);
    /* a word of neither quote does not find it */
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM search_index WHERE search_index MATCH 'mangosteen' AND kind "
             "= 'meeting' AND ref_id = '%s-m1'",
             r.source_id);
    assert_int_equal(fx_count(s, sql), 0);
    char *ingested = entity_rows(s);
    assert_int_equal(bc_store_exec(s, "DELETE FROM search_index WHERE kind <> 'source'", &err), 0);
    assert_int_equal(bc_search_index_entity(s, NULL, NULL, &err), 0);
    char *rebuilt = entity_rows(s);
    assert_same_rows(rebuilt, ingested, "a meeting told twice, rebuilt and as ingest left it");
    sqlite3_free(rebuilt);
    sqlite3_free(ingested);
    bc_store_close(s);
}

static void paragraphs_of_an_article(void **state)
{
    (void)state;
    /* every paragraph of 40 bytes or more, no image lines, no lines with links */
    assert_true(fx_count(S, "SELECT count(*) FROM search_index WHERE kind = 'source'") > 20);
    assert_int_equal(
        fx_count(S, "SELECT count(*) FROM search_index WHERE kind = 'source' AND "
                    "(length(CAST(body AS BLOB)) < 40 OR body LIKE '![%' OR body LIKE '%://%')"),
        0);
    bc_err err;
    assert_int_equal(bc_search_index_source(S, "no-such-source", &err), BC_ENOTFOUND);
    assert_non_null(strstr(err.msg, "no-such-source"));
}

static void a_store_without_the_index_is_an_error(void **state)
{
    (void)state;
    bc_store *raw = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &raw, &err), 0);
    assert_int_equal(bc_search_index_entity(raw, NULL, NULL, &err), BC_ESTORE);
    assert_int_equal(bc_search_index_source(raw, "x", &err), BC_ESTORE);
    bc_store_close(raw);
}

static void short_paragraphs_stay_whole(void **state)
{
    (void)state;
    const char *p = "One sentence. Another one.";
    assert_int_equal(bc_search_chunk_len(p, strlen(p)), strlen(p));
    char big[2560];
    memset(big, 'a', sizeof big);
    assert_int_equal(bc_search_chunk_len(big, sizeof big), sizeof big);
}

static void long_paragraphs_are_cut_after_a_sentence_or_a_word(void **state)
{
    (void)state;
    char p[6000];
    /* words of 9 bytes, a sentence end at 1800 */
    for (size_t i = 0; i < sizeof p; i++)
        p[i] = i % 10 == 9 ? ' ' : 'w';
    p[1798] = '.';
    assert_int_equal(bc_search_chunk_len(p, sizeof p), 1799);
    /* no sentence end in the second half: the last space */
    p[1798] = 'w';
    size_t n = bc_search_chunk_len(p, sizeof p);
    assert_true(n <= 2560 && n > 2500);
    assert_int_equal(p[n], ' ');
    /* one word longer than a chunk, in two-byte characters: a character boundary */
    for (size_t i = 0; i < sizeof p; i += 2) {
        p[i] = (char)0xc3;
        p[i + 1] = (char)0xa9;
    }
    n = bc_search_chunk_len(p + 1, sizeof p - 1); /* starts inside a character */
    assert_true(n <= 2560);
    assert_true(((unsigned char)p[1 + n] & 0xc0) != 0x80);
}

static void a_huge_paragraph_gives_bounded_rows_and_safe_snippets(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    size_t cap = 16000 * 8 + 256;
    char *text = malloc(cap);
    size_t k = (size_t)snprintf(text, cap, "Charlie report.");
    for (int i = 0; i < 16000; i++)
        k += (size_t)snprintf(text + k, cap - k, " charlie");
    bc_ingest_input in = {.text = text, .len = k, .lang = "en", .title = "Charlie"};
    bc_ingest_result r;
    bc_err err;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    char sql[256];
    snprintf(sql, sizeof sql,
             "SELECT max(length(CAST(body AS BLOB))) FROM search_index WHERE ref_id = '%s'",
             r.source_id);
    assert_true(fx_count(s, sql) <= 2560);
    snprintf(sql, sizeof sql,
             "SELECT sum(length(CAST(body AS BLOB))) + count(*) - 1 FROM search_index "
             "WHERE ref_id = '%s'",
             r.source_id);
    assert_int_equal(fx_count(s, sql), (long)k); /* every byte, the cut spaces aside */
    bc_response res;
    assert_int_equal(fx_request(s, "GET", "/v1/search",
                                "q=charlie&limit=100&paragraphs=true&curation=all", &res),
                     200);
    json_t *j = fx_json_body(&res);
    bc_response_free(&res);
    size_t i;
    json_t *h;
    json_array_foreach(json_object_get(j, "data"), i, h)
    {
        const char *snippet = json_string_value(json_object_get(h, "snippet"));
        assert_non_null(strstr(snippet, "<mark>"));
    }
    assert_true(json_array_size(json_object_get(j, "data")) > 10);
    json_decref(j);
    /* the article's own markup is text in a snippet: only <mark> and </mark> are tags */
    static const char html[] = "A report from the gate: <img src=x onerror=alert(1)> and "
                               "<b class=\"x\">bold</b> & 'quoted' words about the onerror.";
    bc_ingest_input in2 = {.text = html, .len = sizeof html - 1, .lang = "en", .title = "H"};
    assert_int_equal(bc_ingest(s, &in2, &r, &err), 0);
    assert_int_equal(fx_request(s, "GET", "/v1/search", "q=onerror&curation=all", &res), 200);
    j = fx_json_body(&res);
    bc_response_free(&res);
    const char *snippet = json_string_value(
        json_object_get(json_array_get(json_object_get(j, "data"), 0), "snippet"));
    assert_non_null(snippet);
    assert_non_null(strstr(snippet, "&lt;img src=x <mark>onerror</mark>=alert(1)&gt;"));
    assert_non_null(strstr(snippet, "&lt;b class=&quot;x&quot;&gt;bold&lt;/b&gt; &amp; "
                                    "&#39;quoted&#39;"));
    for (const char *p = strchr(snippet, '<'); p != NULL; p = strchr(p + 1, '<'))
        assert_true(strncmp(p, "<mark>", 6) == 0 || strncmp(p, "</mark>", 7) == 0);
    json_decref(j);
    free(text);
    bc_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_entity_is_indexed_once),
        cmocka_unit_test(one_entity_again),
        cmocka_unit_test(one_entity_at_a_time_gives_the_rebuild_s_rows),
        cmocka_unit_test(a_batch_indexes_each_entity_once_where_it_was_added_last),
        cmocka_unit_test(a_meeting_told_again_is_found_by_its_later_quote),
        cmocka_unit_test(paragraphs_of_an_article),
        cmocka_unit_test(a_store_without_the_index_is_an_error),
        cmocka_unit_test(short_paragraphs_stay_whole),
        cmocka_unit_test(long_paragraphs_are_cut_after_a_sentence_or_a_word),
        cmocka_unit_test(a_huge_paragraph_gives_bounded_rows_and_safe_snippets),
    };
    return cmocka_run_group_tests_name("search_index", tests, fx_group_setup, fx_group_teardown);
}
