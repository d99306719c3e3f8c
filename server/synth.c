/* synth.c: synthetic rows on top of the curated store, for scale benchmarks (see
 * synth.h). Deterministic for a seed: a small xorshift generator, not rand(). */
#include "bordercoop/synth.h"

#include "bordercoop/changes.h"
#include "bordercoop/loader.h"
#include "bordercoop/sha256.h"
#include "bordercoop/store.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next(rng *r)
{
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return r->s;
}

static long pick(rng *r, long n)
{
    return (long)(next(r) % (uint64_t)n);
}

static double uniform(rng *r)
{
    return (double)(next(r) >> 11) / 9007199254740992.0;
}

/* Names loaded once from the curated store. */
typedef struct names {
    char ids[64][64];
    int n;
} names;

static int load_names(bc_store *s, const char *sql, names *out, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, sql, &st, err);
    out->n = 0;
    while (rc == BC_OK && sqlite3_step(st) == SQLITE_ROW && out->n < 64)
        snprintf(out->ids[out->n++], 64, "%s", sqlite3_column_text(st, 0));
    if (rc == BC_OK)
        sqlite3_reset(st);
    if (rc == BC_OK && out->n == 0)
        rc = bc_err_set(err, BC_EINVAL, "the curated store has none of: %s", sql);
    return rc;
}

/* A real citation to copy: source and quote with offsets. */
/* a synthetic fact's values are generated, and its quote is any curated one: every value
 * that a quote would have to state is marked inferred, with this reason */
#define SYNTH_NOTE "'Inferred: every value; a synthetic fact for scale benchmarks, generated.'"

typedef struct quote {
    char source[128];
    char *text; /* borrowed from a buffer of all quotes */
    int start, end;
} quote;

static int step_done(bc_store *s, sqlite3_stmt *st, bc_err *err)
{
    int rc = sqlite3_step(st) == SQLITE_DONE ? BC_OK : bc_store_error(s, err, "synthesising");
    sqlite3_reset(st);
    return rc;
}

/* Cites quote q for a synthetic meeting (owner 5) or figure (owner 6): the citation
 * statement's columns 5 and 6 are meeting_id and figure_id, exactly one of them set. */
static int cite_quote(bc_store *s, sqlite3_stmt *cite, const quote *q, int owner, const char *id,
                      bc_err *err)
{
    sqlite3_bind_text(cite, 1, q->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(cite, 2, q->text, -1, SQLITE_STATIC);
    sqlite3_bind_int(cite, 3, q->start);
    sqlite3_bind_int(cite, 4, q->end);
    sqlite3_bind_null(cite, owner == 5 ? 6 : 5);
    sqlite3_bind_text(cite, owner, id, -1, SQLITE_TRANSIENT);
    return step_done(s, cite, err);
}

/* What the generators share: the store, the generator, the curated names and quotes. */
typedef struct synth {
    const bc_synth_options *o;
    bc_store *s;
    rng r;
    names mechanisms, provinces, metrics;
    quote quotes[512];
    int nquotes;
    sqlite3_stmt *cite; /* the citation statement of cite_quote */
    bc_err *err;
} synth;

/* Every real citation, up to 512: synthetic facts quote them (verbatim by construction). */
static int read_quotes(synth *y)
{
    static char pool[1 << 20];
    size_t used = 0;
    sqlite3_stmt *st;
    y->nquotes = 0;
    int rc = bc_store_stmt(y->s,
                           "SELECT source_id, quote, quote_start, quote_end FROM citations "
                           "ORDER BY id",
                           &st, y->err);
    while (rc == BC_OK && y->nquotes < 512 && sqlite3_step(st) == SQLITE_ROW) {
        size_t n = (size_t)sqlite3_column_bytes(st, 1);
        if (used + n + 1 > sizeof pool)
            break;
        quote *q = &y->quotes[y->nquotes++];
        snprintf(q->source, sizeof q->source, "%s", sqlite3_column_text(st, 0));
        q->text = pool + used;
        memcpy(q->text, sqlite3_column_text(st, 1), n + 1);
        used += n + 1;
        q->start = sqlite3_column_int(st, 2);
        q->end = sqlite3_column_int(st, 3);
    }
    if (rc == BC_OK)
        sqlite3_reset(st);
    return rc;
}

/* Meetings: a long history of numbered meetings per mechanism, 1990..2030. */
static int synth_meetings(synth *y)
{
    bc_store *s = y->s;
    bc_err *err = y->err;
    sqlite3_stmt *m_ins = NULL, *m_prov = NULL, *m_alias = NULL;
    int rc = bc_store_stmt(s,
                           "INSERT INTO meetings (id, mechanism_id, ordinal, title, date, "
                           "date_precision, date_start, date_end, year, place, host_province_id, "
                           "status, summary, inferred, note) VALUES (?1, ?2, ?3, ?4, ?5, 'day', "
                           "?5, ?5, ?6, ?7, ?8, ?9, 'Synthetic meeting for scale benchmarks.', "
                           "'[\"date\",\"place\",\"host\",\"provinces\"]', " SYNTH_NOTE ")",
                           &m_ins, err);
    if (rc == BC_OK)
        rc = bc_store_stmt(s,
                           "INSERT INTO meeting_provinces (meeting_id, province_id) "
                           "SELECT ?1, province_id FROM mechanism_members WHERE mechanism_id = ?2",
                           &m_prov, err);
    if (rc == BC_OK)
        rc = bc_store_stmt(s,
                           "INSERT INTO aliases (entity, alias_key, alias, entity_id) "
                           "VALUES ('meeting', ?1, ?1, ?1)",
                           &m_alias, err);
    for (long i = 0; rc == BC_OK && i < y->o->meetings; i++) {
        char id[64], title[160], date[16];
        const char *mech = y->mechanisms.ids[pick(&y->r, y->mechanisms.n)];
        int year = 1990 + (int)pick(&y->r, 41);
        snprintf(date, sizeof date, "%04d-%02d-%02d", year, 1 + (int)pick(&y->r, 12),
                 1 + (int)pick(&y->r, 28));
        snprintf(id, sizeof id, "synth-m%07ld", i + 1);
        snprintf(title, sizeof title, "Synthetic meeting %ld of %s", i + 1, mech);
        const char *host = y->provinces.ids[pick(&y->r, y->provinces.n)];
        sqlite3_bind_text(m_ins, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(m_ins, 2, mech, -1, SQLITE_STATIC);
        sqlite3_bind_int64(m_ins, 3, 1000 + i);
        sqlite3_bind_text(m_ins, 4, title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(m_ins, 5, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(m_ins, 6, year);
        sqlite3_bind_text(m_ins, 7, host, -1, SQLITE_STATIC);
        sqlite3_bind_text(m_ins, 8, host, -1, SQLITE_STATIC);
        sqlite3_bind_text(m_ins, 9, year > 2026 ? "planned" : "held", -1, SQLITE_STATIC);
        rc = step_done(s, m_ins, err);
        if (rc == BC_OK) {
            sqlite3_bind_text(m_prov, 1, id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(m_prov, 2, mech, -1, SQLITE_STATIC);
            rc = step_done(s, m_prov, err);
        }
        if (rc == BC_OK) {
            sqlite3_bind_text(m_alias, 1, id, -1, SQLITE_TRANSIENT);
            rc = step_done(s, m_alias, err);
        }
        if (rc == BC_OK && y->nquotes > 0)
            rc = cite_quote(s, y->cite, &y->quotes[pick(&y->r, y->nquotes)], 5, id, err);
    }
    return rc;
}

/* A figure's period: a year, or (one time in three) a run of months within one. */
static int synth_period(rng *r, char period[24], char start[16], char end[16])
{
    int year = 1995 + (int)pick(r, 36);
    if (pick(r, 3) == 0) {
        int from = 1 + (int)pick(r, 12);
        int to = from + (int)pick(r, 13 - from);
        static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        snprintf(period, 24, "%04d-%02d/%04d-%02d", year, from, year, to);
        snprintf(start, 16, "%04d-%02d-01", year, from);
        snprintf(end, 16, "%04d-%02d-%02d", year, to, days[to - 1]);
    } else {
        snprintf(period, 24, "%04d", year);
        snprintf(start, 16, "%04d-01-01", year);
        snprintf(end, 16, "%04d-12-31", year);
    }
    return year;
}

/* Figures: log-normal values, yearly or monthly periods, 1-3 parties. */
static int synth_figures(synth *y)
{
    bc_store *s = y->s;
    bc_err *err = y->err;
    sqlite3_stmt *f_ins = NULL, *f_party = NULL;
    int rc = bc_store_stmt(s,
                           "INSERT INTO figures (id, metric, category, value, unit, qualifier, "
                           "period, period_start, period_end, year, description, meeting_id, "
                           "inferred, note) SELECT ?1, id, category, ?2, unit, ?3, ?4, ?5, ?6, "
                           "?7, 'Synthetic figure for scale benchmarks', ?8, "
                           "'[\"period\",\"parties\"]', " SYNTH_NOTE " FROM metrics WHERE id = ?9",
                           &f_ins, err);
    if (rc == BC_OK)
        rc = bc_store_stmt(s,
                           "INSERT OR IGNORE INTO figure_parties (figure_id, province_id, seq) "
                           "VALUES (?1, ?2, ?3)",
                           &f_party, err);
    static const char *const qualifiers[] = {"exact", "exact", "exact", "over", "nearly"};
    for (long i = 0; rc == BC_OK && i < y->o->figures; i++) {
        char id[64], period[24], start[16], end[16], meeting[64];
        int year = synth_period(&y->r, period, start, end);
        snprintf(id, sizeof id, "synth-f%07ld", i + 1);
        double value = floor(exp(6.0 + 12.0 * uniform(&y->r)));
        int with_meeting = y->o->meetings > 0 && pick(&y->r, 4) == 0;
        if (with_meeting)
            snprintf(meeting, sizeof meeting, "synth-m%07ld", 1 + pick(&y->r, y->o->meetings));
        sqlite3_bind_text(f_ins, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_double(f_ins, 2, value);
        sqlite3_bind_text(f_ins, 3, qualifiers[pick(&y->r, 5)], -1, SQLITE_STATIC);
        sqlite3_bind_text(f_ins, 4, period, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(f_ins, 5, start, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(f_ins, 6, end, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(f_ins, 7, year);
        if (with_meeting)
            sqlite3_bind_text(f_ins, 8, meeting, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(f_ins, 8);
        sqlite3_bind_text(f_ins, 9, y->metrics.ids[pick(&y->r, y->metrics.n)], -1, SQLITE_STATIC);
        rc = step_done(s, f_ins, err);
        int parties = 1 + (int)pick(&y->r, 3);
        for (int k = 0; rc == BC_OK && k < parties; k++) {
            sqlite3_bind_text(f_party, 1, id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(f_party, 2, y->provinces.ids[pick(&y->r, y->provinces.n)], -1,
                              SQLITE_STATIC);
            sqlite3_bind_int(f_party, 3, k + 1);
            rc = step_done(s, f_party, err);
        }
        if (rc == BC_OK && y->nquotes > 0)
            rc = cite_quote(s, y->cite, &y->quotes[pick(&y->r, y->nquotes)], 6, id, err);
    }
    return rc;
}

/* The store's content version: a hash of what was asked for, so that two runs with the
 * same options are the same store to caches. */
static int synth_version(synth *y)
{
    char version[64], hex[65];
    snprintf(version, sizeof version, "synth-%ld-%ld-%u", y->o->figures, y->o->meetings,
             y->o->seed);
    bc_sha256_hex(version, strlen(version), hex);
    return bc_store_meta_set(y->s, "content_version", hex, y->err);
}

int bc_synth(const bc_synth_options *o, bc_err *err)
{
    static synth y; /* large (the quotes, the names): not on the stack */
    memset(&y, 0, sizeof y);
    y.o = o;
    y.err = err;
    unlink(o->out);
    int rc = bc_loader_build(o->data_dir, o->out, NULL, err);
    if (rc == BC_OK)
        rc = bc_store_open(o->out, BC_STORE_WRITER, &y.s, err);
    /* a throw-away benchmark store: no journal while filling it (a crash means rerun),
     * back to WAL at the end like every store */
    if (rc == BC_OK)
        rc = bc_store_exec(y.s,
                           "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                           "PRAGMA cache_size = -262144;",
                           err);
    if (rc == BC_OK)
        rc = load_names(y.s, "SELECT id FROM mechanisms ORDER BY id", &y.mechanisms, err);
    if (rc == BC_OK)
        rc = load_names(y.s, "SELECT id FROM provinces ORDER BY id", &y.provinces, err);
    if (rc == BC_OK)
        rc = load_names(y.s, "SELECT id FROM metrics ORDER BY id", &y.metrics, err);
    if (rc == BC_OK)
        rc = read_quotes(&y);
    y.r.s = 0x9E3779B97F4A7C15ull ^ (o->seed * 0xBF58476D1CE4E5B9ull + 1);
    if (rc == BC_OK)
        rc = bc_store_begin(y.s, err);
    if (rc == BC_OK)
        rc = bc_store_stmt(y.s,
                           "INSERT INTO citations (source_id, quote, quote_start, quote_end, "
                           "meeting_id, figure_id, supports) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                           "CASE WHEN ?5 IS NULL THEN '[]' ELSE '[\"status\"]' END)",
                           &y.cite, err);
    if (rc == BC_OK)
        rc = synth_meetings(&y);
    if (rc == BC_OK)
        rc = synth_figures(&y);
    if (rc == BC_OK)
        rc = synth_version(&y);
    if (rc == BC_OK && o->feed)
        rc = bc_changes_record(y.s, "load", "synth", NULL, NULL, err);
    if (rc == BC_OK)
        rc = bc_store_commit(y.s, err);
    else if (y.s != NULL)
        bc_store_rollback(y.s);
    if (rc == BC_OK)
        rc = bc_store_exec(y.s, "ANALYZE; PRAGMA journal_mode = WAL;", err);
    bc_store_close(y.s);
    return rc;
}
