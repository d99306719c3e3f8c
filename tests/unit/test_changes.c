/* test_changes.c: the change feed. A first build adds every document, a rebuild of the
 * same data adds nothing, an edited fact appears as `changed` with its fields, a
 * removed one as `removed`, an ingest as the new source and facts (comparing only what
 * the article touched, yet missing nothing the whole store would show), and explicit
 * entries (a reviewer's decision) move the baseline so nothing is reported twice. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/changes.h"
#include "bordercoop/ingest.h"
#include "bordercoop/synth.h"

#include "fixture.h"

static long long q(bc_store *s, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bc_store_db(s), sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void build(const char *data, const char *db)
{
    bc_err err;
    if (bc_loader_build(data, db, NULL, &err) != 0)
        fail_msg("building %s: %s", db, err.msg);
}

static bc_store *open_db(const char *db)
{
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(db, BC_STORE_WRITER, &s, &err), 0);
    return s;
}

static void db_path(const char *data, char out[300])
{
    snprintf(out, 300, "%s/../store.db", data);
}

static void rebuilds_add_only_what_changed(void **state)
{
    (void)state;
    char data[256], db[300];
    fx_scratch_data(data);
    db_path(data, db);
    build(data, db);
    bc_store *s = open_db(db);
    long long first = q(s, "SELECT count(*) FROM changes");
    assert_true(first > 50);
    assert_int_equal(q(s, "SELECT count(*) FROM changes WHERE op != 'added' OR actor != 'loader' "
                          "OR origin != 'load'"),
                     0);
    /* one entry per document */
    assert_int_equal(q(s, "SELECT count(*) FROM change_baseline"), first);
    assert_int_equal(q(s, "SELECT count(*) FROM changes WHERE kind = 'border_gate_project'"),
                     q(s, "SELECT count(*) FROM projects"));
    bc_store_close(s);

    build(data, db); /* the same data: nothing */
    s = open_db(db);
    assert_int_equal(q(s, "SELECT count(*) FROM changes"), first);
    bc_store_close(s);

    /* an edited description: the figure changed, and the meeting that lists it */
    fx_json_edit(data, "facts/figures.json", "figures[0].description",
                 json_string("Edited for the change feed test"));
    build(data, db);
    s = open_db(db);
    assert_int_equal(q(s, "SELECT count(*) FROM changes"), first + 2);
    assert_int_equal(q(s, "SELECT count(*) FROM changes WHERE seq > (SELECT max(seq) - 2 FROM "
                          "changes) AND kind = 'figure' AND op = 'changed' AND fields = "
                          "'[\"description\"]' AND id = 'yunnan-four-provinces-trade-2024'"),
                     1);
    assert_int_equal(q(s, "SELECT count(*) FROM changes WHERE seq > (SELECT max(seq) - 2 FROM "
                          "changes) AND kind = 'meeting' AND fields = '[\"figures\"]'"),
                     1);
    bc_store_close(s);

    /* a removed reference point: the province changed in its location field */
    fx_json_edit(data, "reference/places.json", "provinces[0].location", NULL);
    fx_json_edit(data, "reference/places.json", "provinces[0].wikidata", json_string("Q1"));
    build(data, db);
    s = open_db(db);
    assert_int_equal(q(s, "SELECT count(*) FROM changes WHERE seq = (SELECT max(seq) FROM "
                          "changes) AND kind = 'province' AND id = 'lai-chau' AND fields = "
                          "'[\"location\",\"wikidata\"]'"),
                     1);
    bc_store_close(s);
    fx_remove_scratch(data);
}

static void removed_documents_are_reported(void **state)
{
    (void)state;
    char data[256], db[300];
    fx_scratch_data(data);
    db_path(data, db);
    build(data, db);
    /* drop the last figure of the file (nothing else refers to it) */
    char file[512];
    snprintf(file, sizeof file, "%s/facts/figures.json", data);
    json_t *root = json_load_file(file, 0, NULL);
    json_t *arr = json_object_get(root, "figures");
    size_t last = json_array_size(arr) - 1;
    char gone[200];
    snprintf(gone, sizeof gone, "%s",
             json_string_value(json_object_get(json_array_get(arr, last), "id")));
    json_decref(root);
    char path[64];
    snprintf(path, sizeof path, "figures[%zu]", last);
    fx_json_edit(data, "facts/figures.json", path, NULL);
    build(data, db);
    bc_store *s = open_db(db);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(bc_store_db(s),
                                        "SELECT kind, id, fields FROM changes WHERE op = "
                                        "'removed'",
                                        -1, &st, NULL),
                     SQLITE_OK);
    int found = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        found++;
        assert_string_equal((const char *)sqlite3_column_text(st, 0), "figure");
        assert_string_equal((const char *)sqlite3_column_text(st, 1), gone);
        assert_int_equal(sqlite3_column_type(st, 2), SQLITE_NULL);
    }
    sqlite3_finalize(st);
    assert_int_equal(found, 1);
    assert_int_equal(q(s, "SELECT count(*) FROM change_baseline WHERE kind = 'figure'"),
                     q(s, "SELECT count(*) FROM figures"));
    bc_store_close(s);
    fx_remove_scratch(data);
}

static void ingest_lists_the_new_source_and_facts(void **state)
{
    (void)state;
    char data[256], db[300];
    fx_scratch_data(data);
    db_path(data, db);
    build(data, db);
    bc_store *s = open_db(db);
    long long before = q(s, "SELECT max(seq) FROM changes");
    static const char text[] =
        "On March 1, 2026 the 13th meeting of the Joint Working Group of Lao Cai and Yunnan "
        "was held in Lao Cai. Trade through the Lao Cai (Vietnam) - Hekou (China) border gate "
        "reached USD 1.2 billion in the first two months of 2026.";
    bc_ingest_input in = {.text = text,
                          .len = sizeof text - 1,
                          .lang = "en",
                          .title = "Feed test",
                          .actor = "key:test"};
    bc_ingest_result r;
    bc_err err;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    assert_int_equal(r.created, 1);
    char sql[1024];
    /* new crossings have ids of their own ("lao-cai-hekou-reported"): cited by the source */
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM changes WHERE seq > %lld AND op = 'added' AND actor = "
             "'key:test' AND origin = 'ingest' AND (id = '%s' OR id LIKE '%s-%%' OR id IN "
             "(SELECT project_id FROM citations WHERE source_id = '%s'))",
             before, r.source_id, r.source_id, r.source_id);
    assert_int_equal(q(s, sql), 1 + r.figures + r.meetings + r.projects + r.events);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM changes WHERE seq > %lld AND content_version != '%s'", before,
             r.content_version);
    assert_int_equal(q(s, sql), 0);
    long long after = q(s, "SELECT max(seq) FROM changes");
    /* the same text again is a no-op, and so is a rebuild that carries it over */
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    assert_int_equal(r.created, 0);
    bc_store_close(s);
    build(data, db);
    s = open_db(db);
    assert_int_equal(q(s, "SELECT max(seq) FROM changes"), after);
    bc_store_close(s);
    fx_remove_scratch(data);
}

/* Reads a whole file into a new string (free it). */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    assert_true(n > 0);
    rewind(f);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* After ingesting each gold-corpus article, recording the whole store finds nothing the
 * ingest's own (per-article) recording missed. */
static void ingest_records_everything_it_changed(void **state)
{
    (void)state;
    char data[256], db[300];
    fx_scratch_data(data);
    db_path(data, db);
    build(data, db);
    bc_store *s = open_db(db);
    static const char *const langs[] = {"en", "vi", "zh", "pl"};
    int ingested = 0, facts = 0;
    for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
        char dir[512];
        snprintf(dir, sizeof dir, "tests/eval/dev/%s", langs[l]);
        DIR *d = opendir(dir);
        if (d == NULL)
            continue;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            size_t n = strlen(e->d_name);
            if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)
                continue;
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            size_t len;
            char *text = slurp(path, &len);
            bc_ingest_input in = {.text = text,
                                  .len = len,
                                  .lang = langs[l],
                                  .title = e->d_name,
                                  .actor = "key:test"};
            bc_ingest_result r;
            bc_err err;
            if (bc_ingest(s, &in, &r, &err) != 0)
                fail_msg("ingesting %s: %s", path, err.msg);
            ingested += r.created;
            facts += r.figures + r.meetings + r.projects;
            free(text);
            /* the whole-store comparison appends nothing: the ingest saw every change */
            int appended = -1;
            assert_int_equal(bc_store_exec(s, "BEGIN IMMEDIATE", &err), 0);
            assert_int_equal(bc_changes_record(s, "load", "check", NULL, &appended, &err), 0);
            assert_int_equal(bc_store_exec(s, "ROLLBACK", &err), 0);
            if (appended != 0)
                fail_msg("after ingesting %s the whole store differs from the feed in %d "
                         "documents",
                         path, appended);
        }
        closedir(d);
    }
    assert_true(ingested >= 10);
    assert_true(facts > 0);
    bc_store_close(s);
    fx_remove_scratch(data);
}

/* On a store of thousands of documents an ingest compares a few dozen: the article, its
 * facts and what shows them, not the store. */
static void ingest_cost_follows_the_article(void **state)
{
    (void)state;
    char dir[] = "/tmp/bc-feed-cost-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char db[128];
    snprintf(db, sizeof db, "%s/synth.db", dir);
    bc_synth_options o = {fx_data_dir(), db, 3000, 300, 3, 1};
    bc_err err;
    if (bc_synth(&o, &err) != 0)
        fail_msg("synth: %s", err.msg);
    bc_store *s = open_db(db);
    long long docs = q(s, "SELECT count(*) FROM change_baseline");
    assert_true(docs > 3300); /* every synthetic document has a baseline */
    static const char text[] =
        "On March 1, 2026 the 13th meeting of the Joint Working Group of Lao Cai and Yunnan "
        "was held in Lao Cai. Trade through the Lao Cai (Vietnam) - Hekou (China) border gate "
        "reached USD 1.2 billion in the first two months of 2026.";
    bc_ingest_input in = {.text = text, .len = sizeof text - 1, .lang = "en", .title = "Cost"};
    bc_ingest_result r;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    assert_int_equal(r.created, 1);
    /* what the ingest compared: the same rows the per-article recording reads again */
    int appended = -1, compared = 0;
    assert_int_equal(bc_store_exec(s, "BEGIN IMMEDIATE", &err), 0);
    assert_int_equal(bc_changes_record_source(s, r.source_id, "ingest", "check", NULL, &appended,
                                              &compared, &err),
                     0);
    assert_int_equal(appended, 0); /* already recorded by the ingest */
    assert_true(compared >= 1 + r.figures + r.meetings + r.projects);
    if (compared > 80)
        fail_msg("an ingest compared %d of %lld documents", compared, docs);
    /* and the whole store agrees with what it recorded */
    assert_int_equal(bc_changes_record(s, "load", "check", NULL, &appended, &err), 0);
    assert_int_equal(appended, 0);
    assert_int_equal(bc_store_exec(s, "ROLLBACK", &err), 0);
    /* bad arguments are refused */
    assert_int_equal(bc_changes_record_source(s, r.source_id, "nope", "x", NULL, NULL, NULL, &err),
                     BC_EINVAL);
    assert_int_equal(bc_changes_record_source(s, "", "ingest", "x", NULL, NULL, NULL, &err),
                     BC_EINVAL);
    bc_store_close(s);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void explicit_entries_move_the_baseline(void **state)
{
    (void)state;
    char data[256], db[300];
    fx_scratch_data(data);
    db_path(data, db);
    build(data, db);
    bc_store *s = open_db(db);
    bc_err err;
    static const char *const fields[] = {"curation", "value", NULL};
    bc_change c = {.kind = "figure",
                   .id = "tuyen-quang-yunnan-trade-2024",
                   .op = BC_CHANGE_CHANGED,
                   .fields = fields,
                   .actor = "key:reviewer-1",
                   .origin = "review",
                   .note = "approved after checking the quote",
                   .at = "2026-01-02T03:04:05Z"};
    long long seq = 0, latest = 0;
    assert_int_equal(bc_store_exec(s, "BEGIN IMMEDIATE", &err), 0);
    /* the document changes as a review would change it */
    assert_int_equal(bc_store_exec(s,
                                   "UPDATE figures SET note = 'reviewed' WHERE id = "
                                   "'tuyen-quang-yunnan-trade-2024'",
                                   &err),
                     0);
    assert_int_equal(bc_changes_append(s, &c, &seq, &err), 0);
    int n = -1;
    assert_int_equal(bc_changes_record(s, "review", "key:reviewer-1", NULL, &n, &err), 0);
    assert_int_equal(n, 0); /* already reported */
    assert_int_equal(bc_store_exec(s, "COMMIT", &err), 0);
    assert_int_equal(bc_changes_latest(s, &latest, &err), 0);
    assert_int_equal(seq, latest);
    char sql[300];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM changes WHERE seq = %lld AND fields = "
             "'[\"curation\",\"value\"]' AND note LIKE 'approved%%' AND at = "
             "'2026-01-02T03:04:05Z' AND actor = 'key:reviewer-1'",
             seq);
    assert_int_equal(q(s, sql), 1);

    /* bad entries are refused */
    bc_change bad = c;
    bad.kind = "planet";
    assert_int_equal(bc_changes_append(s, &bad, NULL, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "unknown kind"));
    bad = c;
    bad.origin = "magic";
    assert_int_equal(bc_changes_append(s, &bad, NULL, &err), BC_EINVAL);
    bad = c;
    bad.actor = "";
    assert_int_equal(bc_changes_append(s, &bad, NULL, &err), BC_EINVAL);
    assert_int_equal(bc_changes_record(s, "load", NULL, NULL, NULL, &err), BC_EINVAL);
    assert_int_equal(bc_changes_record(s, "oops", "x", NULL, NULL, &err), BC_EINVAL);

    /* a removal drops the baseline */
    bad = c;
    bad.op = BC_CHANGE_REMOVED;
    bad.fields = NULL;
    assert_int_equal(bc_changes_append(s, &bad, NULL, &err), 0);
    assert_int_equal(q(s, "SELECT count(*) FROM change_baseline WHERE id = "
                          "'tuyen-quang-yunnan-trade-2024'"),
                     0);
    bc_store_close(s);
    fx_remove_scratch(data);
}

/* A rebuild from a store whose figures' baselines still carry overlaps_total and
 * conflicts_total (before 0048): the counts are gone from the documents, not a change of
 * each figure; a figure that did change is still reported. */
static void a_rebuild_from_before_0048_reports_no_counts(void **state)
{
    (void)state;
    char data[256], db[300];
    fx_scratch_data(data);
    db_path(data, db);
    build(data, db);
    bc_store *s = open_db(db);
    long long first = q(s, "SELECT count(*) FROM changes");
    bc_err err;
    assert_int_equal(bc_store_run(s,
                                  "UPDATE change_baseline SET doc = json_set(doc, "
                                  "'$.overlaps_total', 3, '$.conflicts_total', 1), sha256 = "
                                  "'the hash of that document' WHERE kind = 'figure'",
                                  NULL, 0, &err),
                     0);
    assert_true(q(s, "SELECT count(*) FROM change_baseline WHERE kind = 'figure'") > 10);
    bc_store_close(s);
    build(data, db);
    s = open_db(db);
    assert_int_equal(q(s, "SELECT count(*) FROM changes"), first);
    assert_int_equal(q(s, "SELECT count(*) FROM change_baseline WHERE doc LIKE "
                          "'%overlaps_total%'"),
                     0);
    bc_store_close(s);
    fx_json_edit(data, "facts/figures.json", "figures[0].description",
                 json_string("Edited after the counts left the document"));
    build(data, db);
    s = open_db(db);
    assert_int_equal(q(s, "SELECT count(*) FROM changes"), first + 2); /* it and its meeting */
    assert_int_equal(q(s, "SELECT count(*) FROM changes WHERE kind = 'figure' AND op = 'changed' "
                          "AND fields = '[\"description\"]'"),
                     1);
    bc_store_close(s);
    fx_remove_scratch(data);
}

/* The sets whose lists leave a meeting out are part of what the feed last reported
 * (0052): a rebuild from a store whose baseline does not have them (before 0052) takes
 * them from the build and reports nothing, while a meeting whose lists moved, its
 * document the same, is reported `changed` with no fields. */
static void a_rebuild_from_before_0052_reports_no_lists(void **state)
{
    (void)state;
    char data[256], db[300];
    fx_scratch_data(data);
    db_path(data, db);
    build(data, db);
    bc_store *s = open_db(db);
    /* an account of the planned 12th meeting: a twin of it, left out of the `all` list */
    bc_ingest_result r =
        fx_ingest(s, "en",
                  "Working group\nThe 12th meeting of the Joint Working Group of Lai Chau, Lao "
                  "Cai, Tuyen Quang, Dien Bien and Yunnan was held in Kunming on November 18, "
                  "2026.",
                  "2026-11-19");
    char sql[600];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM change_baseline WHERE kind = 'meeting' AND id = '%s-m1' AND "
             "hidden = '[\"all\"]'",
             r.source_id);
    assert_int_equal(q(s, sql), 1);
    long long first = q(s, "SELECT max(seq) FROM changes");
    bc_err err;
    assert_int_equal(bc_store_exec(s,
                                   "ALTER TABLE change_baseline DROP COLUMN hidden; ALTER TABLE "
                                   "changes DROP COLUMN hidden_before; ALTER TABLE changes DROP "
                                   "COLUMN hidden_after",
                                   &err),
                     0);
    bc_store_close(s);
    build(data, db);
    s = open_db(db);
    assert_int_equal(q(s, "SELECT max(seq) FROM changes"), first);
    assert_int_equal(q(s, sql), 1);
    /* a baseline that says no list left it out: the rebuild reports that one moved */
    assert_int_equal(bc_store_exec(s, "UPDATE change_baseline SET hidden = NULL", &err), 0);
    bc_store_close(s);
    build(data, db);
    s = open_db(db);
    assert_int_equal(q(s, "SELECT max(seq) FROM changes"), first + 1);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM changes WHERE seq > %lld AND id = '%s-m1' AND op = 'changed' "
             "AND fields = '[]' AND hidden_before IS NULL AND hidden_after = '[\"all\"]'",
             first, r.source_id);
    assert_int_equal(q(s, sql), 1);
    bc_store_close(s);
    fx_remove_scratch(data);
}

/* A migration that changes what documents show (0050 reordered figures' overlaps) is
 * announced by `bordercoop migrate` at once: the baseline here stands for the documents as
 * the older schema rendered them. */
static void a_migration_announces_the_documents_it_changed(void **state)
{
    (void)state;
    char data[256], db[300];
    fx_scratch_data(data);
    db_path(data, db);
    build(data, db);
    bc_store *s = open_db(db);
    bc_err err;
    long long first = q(s, "SELECT count(*) FROM changes");
    long long shown = q(s, "SELECT count(*) FROM change_baseline WHERE kind = 'figure' AND "
                           "json_array_length(doc, '$.overlaps') > 0");
    assert_true(shown > 0);
    char *before = NULL;
    assert_int_equal(bc_store_meta_get(s, "content_version", &before, &err), 0);
    /* nothing changed: nothing is written, the content version stays */
    int n = -1;
    assert_int_equal(bc_changes_record_migration(s, 49, 50, &n, &err), 0);
    assert_int_equal(n, 0);
    assert_int_equal(q(s, "SELECT count(*) FROM changes"), first);
    char *same = NULL;
    assert_int_equal(bc_store_meta_get(s, "content_version", &same, &err), 0);
    assert_string_equal(same, before);
    bc_free(same);
    assert_int_equal(bc_store_run(s,
                                  "UPDATE change_baseline SET doc = json_set(doc, '$.overlaps', "
                                  "json('[]')), sha256 = 'as the older schema rendered it' WHERE "
                                  "kind = 'figure' AND json_array_length(doc, '$.overlaps') > 0",
                                  NULL, 0, &err),
                     0);
    assert_int_equal(bc_changes_record_migration(s, 49, 50, &n, &err), 0);
    assert_int_equal(n, shown);
    assert_int_equal(q(s, "SELECT count(*) FROM changes"), first + shown);
    assert_int_equal(q(s, "SELECT count(*) FROM changes WHERE seq > (SELECT max(seq) FROM changes) "
                          "- 1000 AND kind = 'figure' AND op = 'changed' AND fields = "
                          "'[\"overlaps\"]' AND origin = 'load' AND actor = 'migration' AND note "
                          "LIKE 'bordercoop migrate: schema 49 to 50 %'"),
                     shown);
    /* stamped with a new content version, which the store now carries */
    char *after = NULL;
    assert_int_equal(bc_store_meta_get(s, "content_version", &after, &err), 0);
    assert_string_not_equal(after, before);
    assert_int_equal(q(s, "SELECT count(DISTINCT content_version) FROM changes WHERE actor = "
                          "'migration' AND content_version = (SELECT value FROM store_meta WHERE "
                          "key = 'content_version')"),
                     1);
    /* told once: a second run finds nothing */
    assert_int_equal(bc_changes_record_migration(s, 49, 50, &n, &err), 0);
    assert_int_equal(n, 0);
    bc_free(before);
    bc_free(after);
    bc_store_close(s);
    /* a store without a feed (never loaded) is left alone */
    s = fx_store_from(data);
    assert_int_equal(q(s, "SELECT count(*) FROM change_baseline"), 0);
    assert_int_equal(bc_changes_record_migration(s, 49, 50, &n, &err), 0);
    assert_int_equal(n, 0);
    assert_int_equal(q(s, "SELECT count(*) FROM changes"), 0);
    bc_store_close(s);
    fx_remove_scratch(data);
}

static void carrying_from_a_store_without_a_feed_copies_nothing(void **state)
{
    (void)state;
    char data[256], db[300], empty[320];
    fx_scratch_data(data);
    db_path(data, db);
    snprintf(empty, sizeof empty, "%s.empty", db);
    sqlite3 *e;
    assert_int_equal(sqlite3_open(empty, &e), SQLITE_OK);
    sqlite3_exec(e, "CREATE TABLE t (x)", NULL, NULL, NULL);
    sqlite3_close(e);
    bc_store *s = fx_store_from(data);
    bc_err err;
    assert_int_equal(bc_changes_carry(s, empty, &err), 0);
    assert_int_equal(q(s, "SELECT count(*) FROM changes"), 0);
    /* a path that is not a database fails cleanly */
    assert_int_not_equal(bc_changes_carry(s, data, &err), 0);
    bc_store_close(s);
    fx_remove_scratch(data);
}

static void kinds_are_known(void **state)
{
    (void)state;
    assert_non_null(bc_doc_kind_find("border_gate_project"));
    assert_null(bc_doc_kind_find("planet"));
    assert_null(bc_doc_kind_find(NULL));
    assert_string_equal(bc_change_op_name(BC_CHANGE_REMOVED), "removed");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rebuilds_add_only_what_changed),
        cmocka_unit_test(removed_documents_are_reported),
        cmocka_unit_test(ingest_lists_the_new_source_and_facts),
        cmocka_unit_test(ingest_records_everything_it_changed),
        cmocka_unit_test(ingest_cost_follows_the_article),
        cmocka_unit_test(explicit_entries_move_the_baseline),
        cmocka_unit_test(a_rebuild_from_before_0048_reports_no_counts),
        cmocka_unit_test(a_migration_announces_the_documents_it_changed),
        cmocka_unit_test(carrying_from_a_store_without_a_feed_copies_nothing),
        cmocka_unit_test(a_rebuild_from_before_0052_reports_no_lists),
        cmocka_unit_test(kinds_are_known),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
