/* review_fixture.h: what the review tests share (test_review.c, test_review_decide.c,
 * test_review_edit.c, test_review_replay.c): a store built from data/ with one English
 * article ingested, the ids of its machine-read facts, a decision in one call, and a
 * store with decisions made for the rebuild tests. Include after fixture.h. */
#ifndef BC_TEST_REVIEW_FIXTURE_H
#define BC_TEST_REVIEW_FIXTURE_H

#include "bordercoop/ingest.h"
#include "bordercoop/review.h"

#define count fx_count /* fixture.h */

#define REVIEW_EN                                                                                  \
    "Lao Cai and Yunnan hold the 12th meeting of the Joint Working Group\n\n"                      \
    "On March 18, 2026, the 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, "        \
    "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Kunming. The two sides "      \
    "reported that import-export turnover between Lai Chau, Lao Cai, Tuyen Quang, Dien Bien and "  \
    "Yunnan "                                                                                      \
    "reached USD 8.1 billion in 2025. Nearly 600 delegations were exchanged in 2025.\n"            \
    "The provinces agreed to study a new crossing at Muong Khuong (Vietnam) - Qiaotou (China).\n"

typedef struct fixture {
    bc_store *s;
    char source[128];
    char turnover[160]; /* the 8.1 billion figure */
    char delegations[160];
    char meeting[160];
    char gate[160];
} fixture;

static inline void first_id(bc_store *s, const char *sql, char *out, size_t n)
{
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(bc_store_stmt(s, sql, &st, &err), 0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(out, n, "%s", sqlite3_column_text(st, 0));
    sqlite3_reset(st);
}

static inline void ingest_into(bc_store *s, char source[128])
{
    bc_ingest_input in = {0};
    in.text = REVIEW_EN;
    in.len = strlen(REVIEW_EN);
    in.lang = "en";
    in.title = "Test article";
    in.published_on = "2026-03-19";
    in.actor = "ingest-ian";
    bc_ingest_result r;
    bc_err err;
    assert_int_equal(bc_ingest(s, &in, &r, &err), 0);
    snprintf(source, 128, "%s", r.source_id);
}

static inline void find_facts(fixture *f)
{
    first_id(f->s, "SELECT id FROM figures WHERE curation <> 'curated' AND value = 8100000000",
             f->turnover, sizeof f->turnover);
    first_id(f->s, "SELECT id FROM figures WHERE curation <> 'curated' AND value = 600",
             f->delegations, sizeof f->delegations);
    first_id(f->s, "SELECT id FROM meetings WHERE curation <> 'curated' AND ordinal = 12",
             f->meeting, sizeof f->meeting);
    first_id(f->s, "SELECT id FROM projects WHERE curation <> 'curated'", f->gate, sizeof f->gate);
}

static inline int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->s = fx_store_from(fx_data_dir());
    ingest_into(f->s, f->source);
    find_facts(f);
    *state = f;
    return 0;
}

static inline int teardown(void **state)
{
    fixture *f = *state;
    bc_store_close(f->s);
    free(f);
    return 0;
}

static inline int decide(bc_store *s, bc_review_kind k, const char *id, bc_review_action a,
                         const char *fields_json, const char *who, bc_review_result *r, bc_err *err)
{
    json_t *fields = fields_json ? json_loads(fields_json, JSON_ALLOW_NUL, NULL) : NULL;
    if (fields_json != NULL && fields == NULL)
        fail_msg("bad test JSON %s", fields_json);
    bc_review_request rq = {k, id, a, fields, NULL, who, "api"};
    int rc = bc_review_decide(s, &rq, r, err);
    json_decref(fields);
    return rc;
}

static inline char *version(bc_store *s)
{
    char *v = NULL;
    bc_err err;
    assert_int_equal(bc_store_meta_get(s, "content_version", &v, &err), 0);
    return v;
}

/* A store with the article ingested and three decisions made. */
static inline fixture *decided(void)
{
    fixture *f = calloc(1, sizeof *f);
    f->s = fx_store_from(fx_data_dir());
    ingest_into(f->s, f->source);
    find_facts(f);
    bc_review_result r;
    bc_err err;
    assert_int_equal(
        decide(f->s, BC_REVIEW_FIGURE, f->turnover, BC_REVIEW_APPROVE, NULL, "alice", &r, &err), 0);
    assert_int_equal(decide(f->s, BC_REVIEW_FIGURE, f->delegations, BC_REVIEW_EDIT,
                            "{\"value\":598}", "bob", &r, &err),
                     0);
    assert_int_equal(
        decide(f->s, BC_REVIEW_PROJECT, f->gate, BC_REVIEW_REJECT, NULL, "alice", &r, &err), 0);
    assert_int_equal(
        decide(f->s, BC_REVIEW_PROJECT, f->gate, BC_REVIEW_APPROVE, NULL, "bob", &r, &err), 0);
    return f;
}

#endif
