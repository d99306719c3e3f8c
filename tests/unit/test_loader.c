/* test_loader.c: the loader builds the real data and refuses each kind of bad input
 * with "file: path: what is wrong", leaving a previous store untouched. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>

#include "bordercoop/alloc.h"
#include "bordercoop/loader.h"
#include "bordercoop/sha256.h"

#include "fixture.h"

/* Loads dir into a fresh in-memory store; returns the code and leaves err filled. */
static int load(const char *dir, bc_load_stats *st, bc_err *err)
{
    bc_store *s = NULL;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, err), 0);
    assert_int_equal(bc_store_migrate(s, NULL, err), 0);
    int rc = bc_loader_fill(s, dir, st, err);
    bc_store_close(s);
    return rc;
}

/* Expects loading the scratch copy to fail with code and a message containing want. */
static void expect_failure(const char *dir, int code, const char *want)
{
    bc_err err;
    int rc = load(dir, NULL, &err);
    if (rc != code || strstr(err.msg, want) == NULL)
        fail_msg("expected code %d and '%s', got code %d: %s", code, want, rc, err.msg);
}

static void real_data_loads(void **state)
{
    (void)state;
    bc_load_stats st;
    bc_err err;
    int rc = load(fx_data_dir(), &st, &err);
    if (rc != 0)
        fail_msg("%s", err.msg);
    assert_int_equal(st.sources, 5);
    assert_int_equal(st.meetings, 8);
    assert_int_equal(st.figures, 23);
    assert_int_equal(st.projects, 15);
    assert_int_equal(st.protocols, 13);
    assert_int_equal(st.people, 15);
    assert_int_equal(st.provinces, 10);
    assert_int_equal(st.mechanisms, 4);
    assert_int_equal(st.conflicts, 4);
    assert_int_equal(st.coop_events, 4);
    assert_true(st.citations >= 210);
    assert_int_equal(strlen(st.content_version), 64);
}

/* One scratch copy per test, removed afterwards. */
static int setup_scratch(void **state)
{
    char *dir = malloc(256);
    fx_scratch_data(dir);
    *state = dir;
    return 0;
}

static int teardown_scratch(void **state)
{
    fx_remove_scratch(*state);
    free(*state);
    return 0;
}

static void quote_not_verbatim(void **state)
{
    fx_json_edit(*state, "facts/meetings.json", "meetings[1].sources[0].quote",
                 json_string("the conference was held on the moon"));
    expect_failure(*state, BC_EINVAL, "facts/meetings.json: meetings[1].sources[0]: quote");
    expect_failure(*state, BC_EINVAL, "is not verbatim in source");
}

static void quote_changed_by_one_character(void **state)
{
    /* 7,2 -> 7.2: a normalised number is not the article's wording */
    fx_json_edit(*state, "facts/figures.json", "figures[1].sources[0].quote",
                 json_string("Den totala import- och exportomsättningen mellan de fyra "
                             "gränsprovinserna Vietnam och Yunnan-provinsen uppgick till 7.2 "
                             "miljarder USD."));
    expect_failure(*state, BC_EINVAL, "figures[1].sources[0]: quote");
}

static void unknown_source(void **state)
{
    fx_json_edit(*state, "facts/figures.json", "figures[0].sources[0].source",
                 json_string("no-such-article"));
    expect_failure(*state, BC_EINVAL, "figures[0].sources[0]: unknown source 'no-such-article'");
}

static void fact_without_sources(void **state)
{
    fx_json_edit(*state, "facts/protocols.json", "protocols[0].sources", json_array());
    expect_failure(*state, BC_EINVAL, "protocols[0]: 'sources' must not be empty");
    fx_json_edit(*state, "facts/protocols.json", "protocols[0].sources", NULL);
    expect_failure(*state, BC_EINVAL, "protocols[0]: missing required field 'sources'");
}

static void unknown_province(void **state)
{
    fx_json_edit(*state, "facts/figures.json", "figures[3].parties[0]", json_string("atlantis"));
    expect_failure(*state, BC_EINVAL, "figures[3].parties[0]: unknown province 'atlantis'");
}

static void unknown_meeting_and_person(void **state)
{
    fx_json_edit(*state, "facts/protocols.json", "protocols[0].meeting",
                 json_string("jwg-yunnan-99"));
    expect_failure(*state, BC_EINVAL, "protocols[0]: unknown meeting 'jwg-yunnan-99'");
}

static void unknown_participant(void **state)
{
    fx_json_edit(*state, "facts/meetings.json", "meetings[1].participants[0].person",
                 json_string("nobody"));
    expect_failure(*state, BC_EINVAL, "meetings[1].participants[0]: unknown person 'nobody'");
}

static void unknown_field(void **state)
{
    fx_json_edit(*state, "facts/meetings.json", "meetings[2].colour", json_string("red"));
    expect_failure(*state, BC_EINVAL, "meetings[2]: unknown field 'colour'");
}

static void wrong_type(void **state)
{
    fx_json_edit(*state, "facts/figures.json", "figures[0].value", json_string("7,2 mld"));
    expect_failure(*state, BC_EINVAL, "figures[0]: 'value' must be a number");
    fx_json_edit(*state, "facts/figures.json", "figures[0].value", json_integer(7200000000));
    fx_json_edit(*state, "facts/meetings.json", "meetings[0].ordinal", json_string("4th"));
    expect_failure(*state, BC_EINVAL, "meetings[0]: 'ordinal' must be an integer");
}

static void bad_dates(void **state)
{
    fx_json_edit(*state, "facts/meetings.json", "meetings[1].date", json_string("2025-13"));
    expect_failure(*state, BC_EINVAL, "meetings[1]: 'date': month 13 does not exist");
    fx_json_edit(*state, "facts/meetings.json", "meetings[1].date", json_string("30/10/2025"));
    expect_failure(*state, BC_EINVAL, "is not a date");
    fx_json_edit(*state, "facts/meetings.json", "meetings[1].date", json_string("2025-10-30"));
    fx_json_edit(*state, "facts/figures.json", "figures[1].period", json_string("2025-10/2024-06"));
    expect_failure(*state, BC_EINVAL, "figures[1]: 'period': period '2025-10/2024-06' ends before");
}

static void value_outside_vocabulary(void **state)
{
    fx_json_edit(*state, "facts/projects.json", "projects[0].status", json_string("finished"));
    expect_failure(*state, BC_EINVAL,
                   "projects[0]: 'finished' is not an allowed project_status (one of: "
                   "operational, planned, proposed, reported, under_construction, unknown)");
}

static void unit_must_match_metric(void **state)
{
    fx_json_edit(*state, "facts/figures.json", "figures[0].unit", json_string("people"));
    expect_failure(*state, BC_EINVAL, "figures[0]: unit 'people' does not match metric");
}

/* counterpart_country (0053): a code of the two, with parties of the other country only, and
 * named in a quote of the figure: the Polish "prowincjami wietnamskimi" is an adjective */
static void counterpart_country_must_be_quoted(void **state)
{
    fx_json_edit(*state, "facts/figures.json", "figures[0].counterpart_country", json_string("FR"));
    expect_failure(*state, BC_EINVAL, "figures[0]: 'counterpart_country': 'FR' is neither");
    fx_json_edit(*state, "facts/figures.json", "figures[0].counterpart_country", json_string("VN"));
    expect_failure(*state, BC_EINVAL,
                   "figures[0]: 'counterpart_country' VN: no quote of the figure names Vietnam");
    fx_json_edit(*state, "facts/figures.json", "figures[0].counterpart_country", NULL);
    /* "exporterades till Kina" names China: not with a Chinese party */
    fx_json_edit(*state, "facts/figures.json", "figures[22].parties[0]", json_string("guangxi"));
    expect_failure(*state, BC_EINVAL,
                   "figures[22]: 'counterpart_country' CN: party 'guangxi' is of that country");
}

static void duplicate_ids(void **state)
{
    fx_json_edit(*state, "facts/figures.json", "figures[1].id",
                 json_string("yunnan-four-provinces-trade-2024"));
    expect_failure(*state, BC_EINVAL, "figures[1]: duplicate figure id");
}

static void bad_ids(void **state)
{
    fx_json_edit(*state, "facts/people.json", "people[0].id", json_string("Hoang Gia Long"));
    expect_failure(*state, BC_EINVAL, "people[0]: 'id' value 'Hoang Gia Long' is not an id");
}

static void alias_naming_two_entities(void **state)
{
    /* Lai Chau (loaded first) claiming "Guangxi" makes Guangxi's own name collide */
    fx_json_edit(*state, "facts/provinces.json", "provinces[0].aliases[2]",
                 json_pack("{s:s, s:s}", "alias", "Guangxi", "lang", "sv"));
    expect_failure(*state, BC_EINVAL,
                   "alias 'guangxi' of province 'guangxi' already names 'lai-chau'");
}

static void conflicts_and_parts_must_resolve(void **state)
{
    fx_json_edit(*state, "facts/figures.json", "figures[1].conflicts_with[0].id",
                 json_string("missing-figure"));
    expect_failure(*state, BC_EINVAL,
                   "figures[1].conflicts_with[0]: unknown figure 'missing-figure'");
}

static void part_of_itself(void **state)
{
    fx_json_edit(*state, "facts/projects.json", "projects[0].part_of",
                 json_string("lao-cai-hekou-railway-bridge"));
    expect_failure(*state, BC_EINVAL, "projects[0]: 'part_of' names the project itself");
}

static void wrong_side_province(void **state)
{
    fx_json_edit(*state, "facts/projects.json", "projects[0].cn_province", json_string("lao-cai"));
    expect_failure(*state, BC_EINVAL, "'cn_province' 'lao-cai' is not a Chinese province");
}

static void invalid_json_reports_line_and_column(void **state)
{
    fx_write_file(*state, "facts/people.json", "{\"people\": [\n  {\"id\": \"x\",}\n]}\n");
    expect_failure(*state, BC_EINVAL, "facts/people.json:2:");
    expect_failure(*state, BC_EINVAL, "invalid JSON");
}

static void duplicate_json_keys(void **state)
{
    fx_write_file(*state, "facts/metrics.json", "{\"metrics\": [], \"metrics\": []}");
    expect_failure(*state, BC_EINVAL, "invalid JSON");
}

static void wrong_top_level(void **state)
{
    fx_write_file(*state, "facts/metrics.json", "[1, 2]");
    expect_failure(*state, BC_EINVAL, "facts/metrics.json: $: expected an object");
}

static void missing_file(void **state)
{
    char path[600];
    snprintf(path, sizeof path, "%s/facts/projects.json", (char *)*state);
    assert_int_equal(unlink(path), 0);
    expect_failure(*state, BC_ENOTFOUND, "projects.json");
}

static void article_not_utf8(void **state)
{
    fx_write_file(*state, "articles/002_19eb182a9c394db7.txt", "Lai Chau \xff\xfe broken");
    expect_failure(*state, BC_EINVAL, "is not valid UTF-8");
}

static void article_empty(void **state)
{
    fx_write_file(*state, "articles/004_8ba3e34d1e3722a3.txt", "");
    expect_failure(*state, BC_EINVAL, "is empty");
}

static void article_path_must_stay_in_articles(void **state)
{
    fx_json_edit(*state, "sources.json", "sources[0].file",
                 json_string("articles/../../etc/passwd"));
    expect_failure(*state, BC_EINVAL,
                   "sources[0]: 'file' must name a file directly under articles/");
    fx_json_edit(*state, "sources.json", "sources[0].file", json_string("/etc/passwd"));
    expect_failure(*state, BC_EINVAL, "must name a file directly under articles/");
}

static void duplicate_article_text(void **state)
{
    fx_json_edit(*state, "sources.json", "sources[1].file",
                 json_string("articles/000_7776de7ee7b799f0.txt"));
    expect_failure(*state, BC_EINVAL, "has the same text as source");
}

static void bad_url_and_language(void **state)
{
    fx_json_edit(*state, "sources.json", "sources[0].url", json_string("javascript:alert(1)"));
    expect_failure(*state, BC_EINVAL, "sources[0]: 'url' must be an http(s) URL");
    fx_json_edit(*state, "sources.json", "sources[0].url", json_null());
    fx_json_edit(*state, "sources.json", "sources[0].lang", json_string("xx"));
    expect_failure(*state, BC_EINVAL, "'xx' is not an allowed lang");
}

/* ---- bc_loader_build: atomic replacement ----------------------------------------- */

static void file_digest(const char *path, char hex[65])
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    bc_sha256 c;
    bc_sha256_init(&c);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        bc_sha256_update(&c, buf, n);
    fclose(f);
    unsigned char d[32];
    bc_sha256_final(&c, d);
    bc_sha256_tohex(d, hex);
}

static void failed_build_keeps_previous_store(void **state)
{
    char db[600], before[65], after[65];
    snprintf(db, sizeof db, "%s/../store.db", (char *)*state);
    bc_err err;
    bc_load_stats st;
    assert_int_equal(bc_loader_build(*state, db, &st, &err), 0);
    file_digest(db, before);
    fx_json_edit(*state, "facts/figures.json", "figures[2].sources[0].quote",
                 json_string("not in the article"));
    assert_int_equal(bc_loader_build(*state, db, &st, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "figures[2].sources[0]"));
    file_digest(db, after);
    assert_string_equal(before, after);
    /* no temporary file is left behind */
    char parent[600];
    snprintf(parent, sizeof parent, "%s/..", (char *)*state);
    DIR *d = opendir(parent);
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        assert_null(strstr(e->d_name, ".tmp-"));
    closedir(d);
    /* and the previous store still opens and serves its data */
    bc_store *s = NULL;
    assert_int_equal(bc_store_open(db, BC_STORE_READONLY, &s, &err), 0);
    bc_store_close(s);
}

/* Every document the API can render, concatenated. */
static void all_documents(const char *db, bc_buf *out)
{
    static const char *const views[] = {"v_meeting_doc",   "v_figure_doc",   "v_project_doc",
                                        "v_protocol_doc",  "v_province_doc", "v_person_doc",
                                        "v_mechanism_doc", "v_source_doc"};
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(db, BC_STORE_READONLY, &s, &err), 0);
    for (size_t i = 0; i < sizeof views / sizeof views[0]; i++) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT doc FROM %s ORDER BY id", views[i]);
        sqlite3_stmt *st;
        assert_int_equal(bc_store_stmt(s, sql, &st, &err), 0);
        while (sqlite3_step(st) == SQLITE_ROW)
            bc_buf_puts(out, (const char *)sqlite3_column_text(st, 0));
        sqlite3_reset(st);
    }
    bc_store_close(s);
}

static void rebuild_gives_identical_output(void **state)
{
    char db1[600], db2[600];
    snprintf(db1, sizeof db1, "%s/../one.db", (char *)*state);
    snprintf(db2, sizeof db2, "%s/../two.db", (char *)*state);
    bc_err err;
    bc_load_stats a, b;
    assert_int_equal(bc_loader_build(fx_data_dir(), db1, &a, &err), 0);
    assert_int_equal(bc_loader_build(fx_data_dir(), db2, &b, &err), 0);
    assert_string_equal(a.content_version, b.content_version);
    bc_buf x = BC_BUF_INIT, y = BC_BUF_INIT;
    all_documents(db1, &x);
    all_documents(db2, &y);
    assert_true(x.len > 100000);
    assert_int_equal(x.len, y.len);
    assert_memory_equal(x.data, y.data, x.len);
    bc_buf_free(&x);
    bc_buf_free(&y);
}

static void content_version_follows_the_data(void **state)
{
    bc_load_stats a, b;
    bc_err err;
    assert_int_equal(load(*state, &a, &err), 0);
    fx_json_edit(*state, "facts/figures.json", "figures[0].description", json_string("changed"));
    assert_int_equal(load(*state, &b, &err), 0);
    assert_string_not_equal(a.content_version, b.content_version);
}

typedef struct fill_run {
    bc_store *s;
    bc_err err;
    int persistent;
} fill_run;

/* Loads data/ with allocation n failing; a failed load leaves nothing behind, at once
 * (a transient failure) or once memory is back (a persistent one: SQLite may lack the
 * memory to roll back, and the next transaction on the connection finishes that). */
static int load_run(void *ctx)
{
    fill_run *f = ctx;
    return bc_loader_fill(f->s, fx_data_dir(), NULL, &f->err);
}

static void load_check(void *ctx, int rc, long n)
{
    fill_run *f = ctx;
    bc_err err;
    if (rc != 0) {
        if (f->err.msg[0] == '\0')
            fail_msg("allocation failure at %ld: code %d without a message", n, rc);
        if (rc != BC_ENOMEM && rc != BC_ESTORE)
            fail_msg("allocation failure at %ld read as bad data: %s", n, f->err.msg);
        if (f->persistent) {
            assert_int_equal(bc_store_begin(f->s, &err), 0);
            bc_store_rollback(f->s);
        }
        assert_int_equal(fx_count(f->s, "SELECT count(*) FROM sources"), 0);
        assert_int_equal(fx_count(f->s, "SELECT count(*) FROM citations"), 0);
    } else {
        assert_int_equal(fx_count(f->s, "SELECT count(*) FROM sources"), 5);
    }
    bc_store_close(f->s);
    f->s = NULL;
}

static void allocation_failures_are_errors_not_crashes(void **state)
{
    (void)state;
    /* a load makes some 60,000 allocations (SQLite's and jansson's included) and takes
     * tens of milliseconds: every 997th point, transient and persistent */
    for (int persistent = 0; persistent <= 1; persistent++) {
        long failed = 0;
        for (long n = 0;; n += 997) {
            fill_run f = {NULL, {0}, persistent};
            bc_err err;
            assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &f.s, &err), 0);
            assert_int_equal(bc_store_migrate(f.s, NULL, &err), 0);
            if (persistent)
                bc_alloc_fail_after(n);
            else
                bc_alloc_fail_once(n);
            int rc = load_run(&f);
            long made = bc_alloc_count();
            bc_alloc_fail_reset();
            load_check(&f, rc, n);
            failed += rc != 0;
            if (made <= n)
                break;
        }
        assert_true(failed > 50);
    }
}
/* inferred lists: known field paths of the fact's kind only, once each, with a reason */
static void inferred_paths_are_checked(void **state)
{
    fx_json_edit(*state, "facts/meetings.json", "meetings[0].inferred",
                 json_pack("[s]", "date.yr"));
    expect_failure(*state, BC_EINVAL,
                   "facts/meetings.json: meetings[0]: inferred[0]: 'date.yr' is not a field of a "
                   "meeting (one of: title, ");
    fx_json_edit(*state, "facts/meetings.json", "meetings[0].inferred",
                 json_pack("[ss]", "provinces", "provinces"));
    expect_failure(*state, BC_EINVAL, "meetings[0]: inferred[1]: 'provinces' is listed twice");
    fx_json_edit(*state, "facts/meetings.json", "meetings[0].inferred", json_string("provinces"));
    expect_failure(*state, BC_EINVAL, "meetings[0]: inferred: must be an array of field paths");
    fx_json_edit(*state, "facts/meetings.json", "meetings[0].inferred", json_pack("[i]", 1));
    expect_failure(*state, BC_EINVAL, "meetings[0]: inferred[0]: must be a string");
    fx_json_edit(*state, "facts/meetings.json", "meetings[0].inferred", json_pack("[s]", "date"));
    /* a path of another kind of fact is refused too */
    fx_json_edit(*state, "facts/figures.json", "figures[0].inferred", json_pack("[s]", "date"));
    expect_failure(*state, BC_EINVAL, "figures[0]: inferred[0]: 'date' is not a field of a figure");
}

static void inferred_needs_a_reason(void **state)
{
    fx_json_edit(*state, "facts/projects.json", "projects[0].note", json_null());
    fx_json_edit(*state, "facts/projects.json", "projects[0].inferred", json_pack("[s]", "status"));
    expect_failure(*state, BC_EINVAL,
                   "facts/projects.json: projects[0]: 'inferred' lists 1 field(s); the 'note' "
                   "must give the reason");
    fx_json_edit(*state, "facts/projects.json", "projects[0].note",
                 json_string("The article names the project but gives no status."));
    fx_json_edit(*state, "facts/meetings.json", "meetings[1].participants[0].inferred",
                 json_pack("[s]", "side"));
    expect_failure(*state, BC_EINVAL,
                   "meetings[1].participants[0]: 'inferred' lists 1 field(s); the 'note'");
    fx_json_edit(*state, "facts/meetings.json", "meetings[1].participants[0].note",
                 json_string("The side follows from the province."));
    fx_json_edit(*state, "facts/protocols.json", "protocols[0].areas[0].inferred",
                 json_pack("[s]", "area"));
    expect_failure(*state, BC_EINVAL, "protocols[0].areas[0]: 'inferred' lists 1 field(s)");
    fx_json_edit(*state, "facts/protocols.json", "protocols[0].areas[0].inferred", json_null());
    /* with their reasons the same lists load and are stored as given */
    bc_store *s = fx_store_from(*state);
    assert_int_equal(fx_count(s, "SELECT count(*) FROM projects WHERE id = "
                                 "'lao-cai-hekou-railway-bridge' AND inferred = '[\"status\"]'"),
                     1);
    assert_int_equal(fx_count(s, "SELECT count(*) FROM meeting_participants "
                                 "WHERE inferred = '[\"side\"]' AND note IS NOT NULL"),
                     1);
    bc_store_close(s);
}

/* a quote says which fields of its fact it states; a background statement which fields
 * rest on it: both in the fact's own vocabulary */
static void supports_and_background_are_checked(void **state)
{
    fx_json_edit(*state, "facts/projects.json", "projects[0].sources[0].supports",
                 json_pack("[s]", "colour"));
    expect_failure(*state, BC_EINVAL,
                   "projects[0].sources[0]: supports[0]: 'colour' is not a field of a border gate "
                   "project");
    fx_json_edit(*state, "facts/projects.json", "projects[0].sources[0].supports",
                 json_string("status"));
    expect_failure(*state, BC_EINVAL, "projects[0].sources[0]: supports: must be an array");
    fx_json_edit(*state, "facts/projects.json", "projects[0].sources[0].supports",
                 json_pack("[s]", "status"));
    fx_json_edit(*state, "facts/projects.json", "projects[0].background",
                 json_pack("[{s:[s]}]", "fields", "cn_side_zh"));
    expect_failure(*state, BC_EINVAL, "projects[0].background[0]: missing required field 'text'");
    fx_json_edit(*state, "facts/projects.json", "projects[0].background",
                 json_pack("[{s:s,s:[s]}]", "text", "Hekou lies in Yunnan.", "fields", "hekou"));
    expect_failure(*state, BC_EINVAL,
                   "projects[0].background[0]: fields[0]: 'hekou' is not a field of a border gate "
                   "project");
    fx_json_edit(*state, "facts/projects.json", "projects[0].background",
                 json_pack("[{s:s,s:s}]", "text", "Hekou lies in Yunnan.", "colour", "red"));
    expect_failure(*state, BC_EINVAL, "projects[0].background[0]: unknown field 'colour'");
    fx_json_edit(
        *state, "facts/projects.json", "projects[0].background",
        json_pack("[{s:s,s:[s]}]", "text", "Hekou lies in Yunnan.", "fields", "cn_province"));
    bc_store *s = fx_store_from(*state);
    assert_int_equal(
        fx_count(s, "SELECT count(*) FROM projects WHERE background = "
                    "'[{\"text\":\"Hekou lies in Yunnan.\",\"fields\":[\"cn_province\"]}]'"),
        1);
    assert_int_equal(fx_count(s, "SELECT count(*) FROM citations WHERE project_id = "
                                 "'lao-cai-hekou-railway-bridge' AND supports = '[\"status\"]'"),
                     1);
    bc_store_close(s);
}

/* organisations, the meetings of a figure, and the events file */
static void organisations_meetings_and_events(void **state)
{
    fx_json_edit(*state, "facts/protocols.json", "protocols[0].organisations", json_array());
    expect_failure(*state, BC_EINVAL, "protocols[0]: 'organisations' must not be empty");
    fx_json_edit(
        *state, "facts/protocols.json", "protocols[0].organisations",
        json_pack("[{s:s,s:s}]", "name", "Atlantis Party Committee", "province", "atlantis"));
    expect_failure(*state, BC_EINVAL, "protocols[0].organisations[0]: unknown province 'atlantis'");
    fx_json_edit(*state, "facts/protocols.json", "protocols[0].organisations",
                 json_pack("[{s:s}]", "name", "Lai Chau Provincial Party Committee"));
    fx_json_edit(*state, "facts/figures.json", "figures[1].meetings",
                 json_pack("[ss]", "jwg-yunnan-11", "jwg-yunnan-11"));
    expect_failure(*state, BC_EINVAL,
                   "figures[1].meetings[1]: meeting 'jwg-yunnan-11' is listed twice");
    fx_json_edit(*state, "facts/figures.json", "figures[1].meetings",
                 json_pack("[ss]", "jwg-yunnan-11", "conference-yunnan-99"));
    expect_failure(*state, BC_EINVAL,
                   "figures[1].meetings[1]: unknown meeting 'conference-yunnan-99'");
    fx_json_edit(*state, "facts/figures.json", "figures[1].meetings", json_pack("[s]", "nope-1"));
    expect_failure(*state, BC_EINVAL, "figures[1]: unknown meeting 'nope-1'");
    fx_json_edit(*state, "facts/figures.json", "figures[1].meetings",
                 json_pack("[ss]", "conference-yunnan-5", "jwg-yunnan-11"));
    fx_json_edit(*state, "facts/events.json", "events[0].kind", json_string("parade"));
    expect_failure(*state, BC_EINVAL,
                   "facts/events.json: events[0]: 'parade' is not an allowed coop_event_kind");
    fx_json_edit(*state, "facts/events.json", "events[0].kind", json_string("exercise"));
    fx_json_edit(*state, "facts/events.json", "events[0].status", json_string("recurring"));
    fx_json_edit(*state, "facts/events.json", "events[0].date", json_string("2025-13"));
    expect_failure(*state, BC_EINVAL, "events[0]: 'date'");
    fx_json_edit(*state, "facts/events.json", "events[0].date", json_string("2025-10"));
    bc_store *s = fx_store_from(*state);
    /* the first meeting is also the figure's meeting_id; both are in figure_meetings */
    assert_int_equal(fx_count(s, "SELECT count(*) FROM figure_meetings fm JOIN figures f ON "
                                 "f.id = fm.figure_id WHERE f.id = "
                                 "'yunnan-four-provinces-trade-since-jwg-10' AND f.meeting_id = "
                                 "'conference-yunnan-5'"),
                     2);
    assert_int_equal(fx_count(s, "SELECT count(*) FROM protocol_parties WHERE province_id IS NULL "
                                 "AND protocol_id = 'conference-yunnan-5-protocol'"),
                     1);
    assert_int_equal(fx_count(s, "SELECT count(*) FROM coop_events WHERE status = 'recurring'"), 2);
    bc_store_close(s);
}

#define SCRATCH(f) cmocka_unit_test_setup_teardown(f, setup_scratch, teardown_scratch)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(real_data_loads),
        SCRATCH(quote_not_verbatim),
        SCRATCH(quote_changed_by_one_character),
        SCRATCH(unknown_source),
        SCRATCH(fact_without_sources),
        SCRATCH(unknown_province),
        SCRATCH(unknown_meeting_and_person),
        SCRATCH(unknown_participant),
        SCRATCH(unknown_field),
        SCRATCH(wrong_type),
        SCRATCH(bad_dates),
        SCRATCH(value_outside_vocabulary),
        SCRATCH(unit_must_match_metric),
        SCRATCH(counterpart_country_must_be_quoted),
        SCRATCH(duplicate_ids),
        SCRATCH(bad_ids),
        SCRATCH(alias_naming_two_entities),
        SCRATCH(conflicts_and_parts_must_resolve),
        SCRATCH(part_of_itself),
        SCRATCH(wrong_side_province),
        SCRATCH(invalid_json_reports_line_and_column),
        SCRATCH(duplicate_json_keys),
        SCRATCH(wrong_top_level),
        SCRATCH(missing_file),
        SCRATCH(article_not_utf8),
        SCRATCH(article_empty),
        SCRATCH(article_path_must_stay_in_articles),
        SCRATCH(duplicate_article_text),
        SCRATCH(bad_url_and_language),
        SCRATCH(inferred_paths_are_checked),
        SCRATCH(inferred_needs_a_reason),
        SCRATCH(supports_and_background_are_checked),
        SCRATCH(organisations_meetings_and_events),
        SCRATCH(failed_build_keeps_previous_store),
        SCRATCH(rebuild_gives_identical_output),
        SCRATCH(content_version_follows_the_data),
        cmocka_unit_test(allocation_failures_are_errors_not_crashes),
    };
    return cmocka_run_group_tests_name("loader", tests, NULL, NULL);
}
