/* claims.c: every stated field of a fact (curated, or of another curation) has a quote
 * that states it, or is marked inferred (see claims.h). */
#include "bordercoop/claims.h"

#include "bordercoop/country.h"
#include "bordercoop/text.h"

#include <string.h>

/* One kind of claim. `facts` yields, for every fact of curation ?1 making it: its key (?1 of
 * `cites` and `names`), its `inferred` list (JSON), the years a quote stating the field
 * must contain (space-separated, or NULL) and a text whose province names a quote must
 * name too (a place, or NULL). `cites` yields the fact's quotes and their `supports`;
 * `names` (or NULL) the provinces a quote stating the field must name. A path covers a
 * claim when it is the claim's field, a parent of it ("date" covers "date.year") or
 * `alt`. */
typedef struct claim {
    const char *kind, *field, *alt;
    const char *facts, *cites, *names;
} claim;

#define CITES(col) "SELECT quote, supports FROM citations WHERE " col " = ?1 ORDER BY id"
#define CITES2(a, b)                                                                               \
    "SELECT quote, supports FROM citations WHERE " a " = substr(?1, 1, instr(?1, '#') - 1) "       \
    "AND " b " = CAST(substr(?1, instr(?1, '#') + 1) AS INTEGER) ORDER BY id"
#define KEY2(a, b) a " || '#' || " b
/* the years of a date or period: one, or the first and the last */
#define YEARS(s, e)                                                                                \
    "CASE WHEN substr(" s ", 1, 4) = substr(" e ", 1, 4) THEN substr(" s ", 1, 4) "                \
    "ELSE substr(" s ", 1, 4) || ' ' || substr(" e ", 1, 4) END"
#define MEETINGS(cond) "FROM meetings WHERE curation = ?1 AND " cond " ORDER BY id"
#define FIGURES(cond)  "FROM figures WHERE curation = ?1 AND " cond " ORDER BY id"
#define PROJECTS(cond) "FROM projects WHERE curation = ?1 AND " cond " ORDER BY id"
#define EVENTS(cond)   "FROM coop_events WHERE curation = ?1 AND " cond " ORDER BY id"
#define PE(cond)       "FROM project_events e WHERE e.curation = ?1 AND " cond " ORDER BY e.id"
#define PE_INFERRED    "e.inferred"

/* Statuses have a section of their own in the report (check.c). */
static const claim CLAIMS[] = {
    /* meetings */
    {"meeting", "date.year", NULL,
     "SELECT id, inferred, " YEARS("date_start", "date_end") ", NULL " MEETINGS("date IS NOT NULL"),
     CITES("meeting_id"), NULL},
    {"meeting", "date.month", NULL,
     "SELECT id, inferred, NULL, NULL " MEETINGS("date_precision IN ('month', 'day')"),
     CITES("meeting_id"), NULL},
    {"meeting", "date.day", NULL,
     "SELECT id, inferred, NULL, NULL " MEETINGS("date_precision = 'day'"), CITES("meeting_id"),
     NULL},
    {"meeting", "place", NULL, "SELECT id, inferred, NULL, place " MEETINGS("place IS NOT NULL"),
     CITES("meeting_id"), NULL},
    {"meeting", "host", NULL,
     "SELECT id, inferred, NULL, NULL " MEETINGS("host_province_id IS NOT NULL"),
     CITES("meeting_id"), "SELECT host_province_id FROM meetings WHERE id = ?1"},
    {"meeting", "provinces", NULL,
     "SELECT id, inferred, NULL, NULL " MEETINGS(
         "EXISTS (SELECT 1 FROM meeting_provinces WHERE meeting_id = meetings.id)"),
     CITES("meeting_id"), "SELECT province_id FROM meeting_provinces WHERE meeting_id = ?1"},
    /* who took part for which province */
    {"participant", "province", NULL,
     "SELECT " KEY2(
         "mp.meeting_id",
         "mp.seq") ", mp.inferred, NULL, NULL "
                   "FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id "
                   "WHERE m.curation = ?1 AND mp.province_id IS NOT NULL ORDER BY 1",
     CITES2("participant_meeting_id", "participant_seq"),
     "SELECT province_id FROM meeting_participants WHERE meeting_id = substr(?1, 1, "
     "instr(?1, '#') - 1) AND seq = CAST(substr(?1, instr(?1, '#') + 1) AS INTEGER)"},
    /* who a decision is from */
    {"decision", "speaker", NULL,
     "SELECT " KEY2("d.meeting_id",
                    "d.seq") ", d.inferred, NULL, NULL "
                             "FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id "
                             "WHERE m.curation = ?1 AND d.speaker_id IS NOT NULL ORDER BY 1",
     CITES2("decision_meeting_id", "decision_seq"),
     "SELECT speaker_id FROM meeting_decisions WHERE meeting_id = substr(?1, 1, "
     "instr(?1, '#') - 1) AND seq = CAST(substr(?1, instr(?1, '#') + 1) AS INTEGER)"},
    /* figures */
    {"figure", "period.start", NULL,
     "SELECT id, inferred, substr(period_start, 1, 4), NULL " FIGURES("period_start IS NOT NULL"),
     CITES("figure_id"), NULL},
    {"figure", "period.end", NULL,
     "SELECT id, inferred, substr(period_end, 1, 4), NULL " FIGURES("period_end IS NOT NULL"),
     CITES("figure_id"), NULL},
    {"figure", "parties", NULL,
     "SELECT id, inferred, NULL, NULL " FIGURES(
         "EXISTS (SELECT 1 FROM figure_parties WHERE figure_id = figures.id)"),
     CITES("figure_id"), "SELECT province_id FROM figure_parties WHERE figure_id = ?1"},
    /* a whole country as the other side (0053): a quote stating it names the country */
    {"figure", "counterpart_country", NULL,
     "SELECT id, inferred, NULL, NULL " FIGURES("counterpart_country IS NOT NULL"),
     CITES("figure_id"), "SELECT counterpart_country FROM figures WHERE id = ?1"},
    {"figure", "change.pct", NULL,
     "SELECT id, inferred, NULL, NULL " FIGURES("change_pct IS NOT NULL"), CITES("figure_id"),
     NULL},
    {"figure", "change.basis", NULL,
     "SELECT id, inferred, NULL, NULL " FIGURES("change_basis IS NOT NULL"), CITES("figure_id"),
     NULL},
    /* border gate projects and their events */
    {"project", "vn_province", NULL,
     "SELECT id, inferred, NULL, NULL " PROJECTS("vn_province_id IS NOT NULL"), CITES("project_id"),
     "SELECT vn_province_id FROM projects WHERE id = ?1"},
    {"project", "cn_province", NULL,
     "SELECT id, inferred, NULL, NULL " PROJECTS("cn_province_id IS NOT NULL"), CITES("project_id"),
     "SELECT cn_province_id FROM projects WHERE id = ?1"},
    {"project", "part_of", NULL, "SELECT id, inferred, NULL, NULL " PROJECTS("part_of IS NOT NULL"),
     CITES("project_id"), NULL},
    {"project event", "date.year", NULL,
     "SELECT e.id, " PE_INFERRED
     ", " YEARS("e.date_start", "e.date_end") ", NULL " PE("e.date IS NOT NULL"),
     CITES("event_id"), NULL},
    {"project event", "date.month", NULL,
     "SELECT e.id, " PE_INFERRED ", NULL, NULL " PE("e.date_precision IN ('month', 'day')"),
     CITES("event_id"), NULL},
    {"project event", "date.day", NULL,
     "SELECT e.id, " PE_INFERRED ", NULL, NULL " PE("e.date_precision = 'day'"), CITES("event_id"),
     NULL},
    {"project event", "meeting", NULL,
     "SELECT e.id, " PE_INFERRED ", NULL, NULL " PE("e.meeting_id IS NOT NULL"), CITES("event_id"),
     NULL},
    /* protocols */
    {"protocol", "kind", NULL,
     "SELECT id, inferred, NULL, NULL FROM protocols WHERE ?1 = 'curated' ORDER BY id",
     CITES("protocol_id"), NULL},
    {"protocol", "signed_on.year", NULL,
     "SELECT id, inferred, " YEARS(
         "date_start", "date_end") ", NULL FROM protocols "
                                   "WHERE ?1 = 'curated' AND signed_on IS NOT NULL ORDER BY id",
     CITES("protocol_id"), NULL},
    {"protocol", "signed_on.month", NULL,
     "SELECT id, inferred, NULL, NULL FROM protocols WHERE ?1 = 'curated' AND date_precision "
     "IN ('month', 'day') "
     "ORDER BY id",
     CITES("protocol_id"), NULL},
    {"protocol", "signed_on.day", NULL,
     "SELECT id, inferred, NULL, NULL FROM protocols WHERE ?1 = 'curated' AND date_precision = "
     "'day' ORDER BY id",
     CITES("protocol_id"), NULL},
    {"protocol", "meeting", NULL,
     "SELECT id, inferred, NULL, NULL FROM protocols WHERE ?1 = 'curated' AND meeting_id IS NOT "
     "NULL ORDER BY id",
     CITES("protocol_id"), NULL},
    {"protocol", "parties", "organisations",
     "SELECT id, inferred, NULL, NULL FROM protocols WHERE ?1 = 'curated' AND EXISTS (SELECT 1 "
     "FROM "
     "protocol_parties WHERE protocol_id = protocols.id AND province_id IS NOT NULL) ORDER BY id",
     CITES("protocol_id"),
     "SELECT DISTINCT province_id FROM protocol_parties WHERE protocol_id = ?1 "
     "AND province_id IS NOT NULL"},
    /* cooperation events */
    {"event", "date.year", NULL,
     "SELECT id, inferred, " YEARS("date_start", "date_end") ", NULL " EVENTS("date IS NOT NULL"),
     CITES("coop_event_id"), NULL},
    {"event", "date.month", NULL,
     "SELECT id, inferred, NULL, NULL " EVENTS("date_precision IN ('month', 'day')"),
     CITES("coop_event_id"), NULL},
    {"event", "date.day", NULL, "SELECT id, inferred, NULL, NULL " EVENTS("date_precision = 'day'"),
     CITES("coop_event_id"), NULL},
    {"event", "place", NULL, "SELECT id, inferred, NULL, place " EVENTS("place IS NOT NULL"),
     CITES("coop_event_id"), NULL},
    {"event", "parties", "organisations",
     "SELECT id, inferred, NULL, NULL " EVENTS(
         "EXISTS (SELECT 1 FROM coop_event_organisations WHERE event_id = coop_events.id "
         "AND province_id IS NOT NULL)"),
     CITES("coop_event_id"),
     "SELECT DISTINCT province_id FROM coop_event_organisations WHERE event_id = ?1 "
     "AND province_id IS NOT NULL"},
    /* entities */
    {"mechanism", "members", NULL,
     "SELECT id, inferred, NULL, NULL FROM mechanisms WHERE ?1 = 'curated' AND EXISTS (SELECT 1 "
     "FROM "
     "mechanism_members WHERE mechanism_id = mechanisms.id) ORDER BY id",
     CITES("mechanism_id"), "SELECT province_id FROM mechanism_members WHERE mechanism_id = ?1"},
    {"person", "province", NULL,
     "SELECT id, inferred, NULL, NULL FROM people WHERE ?1 = 'curated' AND province_id IS NOT NULL "
     "ORDER BY id",
     CITES("person_id"), "SELECT province_id FROM people WHERE id = ?1"},
    {"province", "merged_into", NULL,
     "SELECT id, inferred, NULL, NULL FROM provinces WHERE ?1 = 'curated' AND merged_into IS NOT "
     "NULL ORDER BY id",
     CITES("province_id"),
     "SELECT id FROM provinces WHERE id = ?1 UNION SELECT merged_into "
     "FROM provinces WHERE id = ?1"},
};

/* 1 when the JSON array of paths `list` covers `field` (itself, a parent, or alt). */
static int covers(const char *list, const char *field, const char *alt)
{
    if (list == NULL)
        return 0;
    for (const char *p = strchr(list, '"'); p != NULL; p = strchr(p, '"')) {
        const char *q = strchr(p + 1, '"');
        if (q == NULL)
            break;
        size_t n = (size_t)(q - p - 1);
        const char *path = p + 1;
        if ((strncmp(field, path, n) == 0 && (field[n] == '\0' || field[n] == '.')) ||
            (alt != NULL && strlen(alt) == n && strncmp(alt, path, n) == 0))
            return 1;
        p = q + 1;
    }
    return 0;
}

/* The folded keys of every name of a province or a person (their ids do not collide),
 * loaded once: n pairs "id\0key\0" in
 * `pairs`, sorted by id. */
typedef struct names {
    bc_buf pairs;
    size_t n;
} names;

static int names_load(bc_store *s, names *nm, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "SELECT entity_id, alias_key FROM aliases WHERE entity IN "
                           "('province', 'person') UNION SELECT id, id FROM provinces "
                           "UNION SELECT id, id FROM people ORDER BY 1, 2",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        for (int col = 0; col < 2; col++)
            bc_buf_append(&nm->pairs, sqlite3_column_text(st, col),
                          (size_t)sqlite3_column_bytes(st, col) + 1);
        nm->n++;
    }
    if (step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading province names");
    sqlite3_reset(st);
    if (rc == BC_OK && bc_buf_failed(&nm->pairs))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    return rc;
}

/* 1 when the slug `text` has `key` at the start of one of its words (a name inflected or
 * compounded in the article's language still counts: "junnanem", "yunnanprovinsen"), or
 * anywhere for a key in a script written without spaces ("云南" in "中国云南省"). */
static int names_key(const char *text, size_t len, const char *key)
{
    size_t k = strlen(key);
    int anywhere = k > 0 && (unsigned char)key[0] >= 0xE3; /* CJK and after: 3-byte lead */
    for (size_t at = 0; k > 0 && at + k <= len; at++)
        if ((anywhere || at == 0 || text[at - 1] == '-') && memcmp(text + at, key, k) == 0)
            return 1;
    return 0;
}

/* 1 when the slug `text` names province `id` under any of its names, or the country of a
 * code ("VN", "CN": country.h). */
static int names_province(const names *nm, const char *text, size_t len, const char *id)
{
    if (bc_country_valid(id))
        return bc_country_named(text, len, id);
    const char *p = nm->pairs.data;
    for (size_t i = 0; i < nm->n; i++) {
        const char *key = p + strlen(p) + 1;
        if (strcmp(p, id) == 0 && names_key(text, len, key))
            return 1;
        p = key + strlen(key) + 1;
    }
    return 0;
}

/* The quotes of one fact that state the claim, each as a slug, and whether one of them
 * contains each required year. */
typedef struct stating {
    bc_buf slugs; /* NUL-separated slugs of the stating quotes */
    size_t n;
    int years_ok;
} stating;

static int year_in(const char *quote, const char *year)
{
    size_t k = strlen(year);
    for (const char *p = strstr(quote, year); p != NULL; p = strstr(p + 1, year))
        if ((p == quote || p[-1] < '0' || p[-1] > '9') && (p[k] < '0' || p[k] > '9'))
            return 1;
    return 0;
}

/* 1 when every year of `years` ("2024 2025") occurs in some stating quote. */
static int stating_collect(bc_store *s, const claim *c, const char *key, const char *years,
                           stating *out, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, c->cites, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    char want[4][8] = {{0}};
    int nwant = 0, found[4] = {0};
    for (const char *y = years; y != NULL && *y && nwant < 4;) {
        size_t k = strcspn(y, " ");
        if (k < sizeof want[0])
            memcpy(want[nwant++], y, k);
        y += k + (y[k] == ' ');
    }
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *quote = (const char *)sqlite3_column_text(st, 0);
        const char *supports = (const char *)sqlite3_column_text(st, 1);
        if (!covers(supports, c->field, c->alt))
            continue;
        for (int i = 0; i < nwant; i++)
            found[i] |= year_in(quote, want[i]);
        size_t before = out->slugs.len;
        int f = bc_text_slug(quote, strlen(quote), &out->slugs);
        if (f == BC_EINVAL)
            out->slugs.len = before; /* an unverifiable quote is reported elsewhere */
        bc_buf_putc(&out->slugs, '\0');
        out->n++;
    }
    if (step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading the quotes of a claim");
    sqlite3_reset(st);
    if (rc == BC_OK && bc_buf_failed(&out->slugs))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    out->years_ok = 1;
    for (int i = 0; i < nwant; i++)
        out->years_ok &= found[i];
    return rc;
}

/* Appends to out the first province of `ids` (NUL-separated, n of them) that a stating
 * quote does not name, and returns 1; 0 when every stating quote names every one: a
 * quote marked as stating the provinces states all of them. */
static int check_names(const stating *q, const names *nm, const char *ids, size_t n, bc_buf *out)
{
    const char *slug = q->slugs.data;
    for (size_t i = 0; i < q->n; i++) {
        size_t len = strlen(slug);
        const char *id = ids;
        for (size_t k = 0; k < n; k++) {
            if (!names_province(nm, slug, len, id)) {
                bc_buf_puts(out, id);
                return 1;
            }
            id += strlen(id) + 1;
        }
        slug += len + 1;
    }
    return 0;
}

/* The provinces a stating quote must name: from c->names, and those named in `text`. */
static int required_names(bc_store *s, const claim *c, const names *nm, const char *key,
                          const char *text, bc_buf *ids, size_t *n, bc_err *err)
{
    int rc = BC_OK;
    if (c->names != NULL) {
        sqlite3_stmt *st;
        rc = bc_store_stmt(s, c->names, &st, err);
        if (rc != BC_OK)
            return rc;
        sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(st, 0);
            if (id == NULL)
                continue;
            bc_buf_append(ids, id, strlen(id) + 1);
            (*n)++;
        }
        if (step != SQLITE_DONE)
            rc = bc_store_error(s, err, "reading the provinces of a claim");
        sqlite3_reset(st);
    }
    if (rc == BC_OK && text != NULL) {
        bc_buf slug = BC_BUF_INIT;
        const char *p = nm->pairs.data, *last = NULL;
        if (bc_text_slug(text, strlen(text), &slug) == BC_OK && slug.len > 0)
            for (size_t i = 0; i < nm->n; i++) {
                const char *name = p + strlen(p) + 1;
                if (names_key(slug.data, slug.len, name) &&
                    (last == NULL || strcmp(last, p) != 0)) {
                    bc_buf_append(ids, p, strlen(p) + 1);
                    (*n)++;
                    last = p;
                }
                p = name + strlen(name) + 1;
            }
        bc_buf_free(&slug);
    }
    if (rc == BC_OK && bc_buf_failed(ids))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    return rc;
}

static int one_claim(bc_store *s, const char *curation, const claim *c, const names *nm,
                     bc_buf *out, bc_claims_tally *t, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, c->facts, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, curation, -1, SQLITE_TRANSIENT);
    int step;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, 0);
        const char *inferred = (const char *)sqlite3_column_text(st, 1);
        const char *years = (const char *)sqlite3_column_text(st, 2);
        const char *text = (const char *)sqlite3_column_text(st, 3);
        if (covers(inferred, c->field, c->alt)) {
            t->inferred++;
            continue;
        }
        stating q = {BC_BUF_INIT, 0, 0};
        bc_buf ids = BC_BUF_INIT, missing = BC_BUF_INIT;
        size_t nids = 0;
        rc = stating_collect(s, c, key, years, &q, err);
        if (rc == BC_OK)
            rc = required_names(s, c, nm, key, text, &ids, &nids, err);
        if (rc == BC_OK) {
            if (q.n == 0) {
                bc_buf_printf(out, "  %s %s: %s   <- no quote states it and it is not inferred\n",
                              c->kind, key, c->field);
                t->problems++;
            } else if (!q.years_ok) {
                bc_buf_printf(out, "  %s %s: %s   <- no quote that states it has the year %s\n",
                              c->kind, key, c->field, years);
                t->problems++;
            } else if (check_names(&q, nm, ids.data, nids, &missing)) {
                bc_buf_printf(out, "  %s %s: %s   <- a quote that states it does not name '%s'\n",
                              c->kind, key, c->field, missing.data);
                t->problems++;
            } else {
                t->quoted++;
            }
        }
        bc_buf_free(&q.slugs);
        bc_buf_free(&ids);
        bc_buf_free(&missing);
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading the claims");
    sqlite3_reset(st);
    return rc;
}

int bc_claims_report(bc_store *store, bc_buf *out, bc_claims_tally *tally, bc_err *err)
{
    return bc_claims_report_curation(store, "curated", out, tally, err);
}

int bc_claims_report_curation(bc_store *store, const char *curation, bc_buf *out,
                              bc_claims_tally *tally, bc_err *err)
{
    bc_claims_tally t = {0, 0, 0};
    names nm = {BC_BUF_INIT, 0};
    bc_buf_printf(out, "\nclaims (every stated field: a quote that states it, or inferred)%s%s\n",
                  strcmp(curation, "curated") != 0 ? ", facts " : "",
                  strcmp(curation, "curated") != 0 ? curation : "");
    int rc = names_load(store, &nm, err);
    for (size_t i = 0; rc == BC_OK && i < sizeof CLAIMS / sizeof CLAIMS[0]; i++)
        rc = one_claim(store, curation, &CLAIMS[i], &nm, out, &t, err);
    bc_buf_free(&nm.pairs);
    bc_buf_printf(out, "  %ld quoted, %ld inferred, %ld without a quote that states them\n",
                  t.quoted, t.inferred, t.problems);
    if (rc == BC_OK && bc_buf_failed(out))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory writing the report");
    if (tally != NULL)
        *tally = t;
    return rc;
}
