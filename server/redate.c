/* redate.c: an ingested article given its publication date after the fact, its facts read
 * again with it (see redate.h). */
#include "bordercoop/redate.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/changes.h"
#include "bordercoop/review.h"
#include "bordercoop/search_index.h"
#include "bordercoop/sha256.h"
#include "bordercoop/text.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The article's facts (?1 the source), each kind named as the review step names it:
 * kind, id, curation. */
static const char FACTS_SQL[] =
    "SELECT 'figure', id, curation FROM figures WHERE id IN (SELECT figure_id FROM citations "
    "WHERE source_id = ?1) "
    "UNION ALL SELECT 'meeting', id, curation FROM meetings WHERE id IN (SELECT meeting_id "
    "FROM citations WHERE source_id = ?1 UNION SELECT participant_meeting_id FROM citations "
    "WHERE source_id = ?1) "
    "UNION ALL SELECT 'project', id, curation FROM projects WHERE id IN (SELECT project_id "
    "FROM citations WHERE source_id = ?1) "
    "UNION ALL SELECT 'event', id, curation FROM coop_events WHERE id IN (SELECT coop_event_id "
    "FROM citations WHERE source_id = ?1) "
    "UNION ALL SELECT 'project_event', id, curation FROM project_events WHERE id IN (SELECT "
    "event_id FROM citations WHERE source_id = ?1) "
    "ORDER BY 1, 2";

/* What removes the article's facts before they are read again (foreign keys deferred to
 * the commit): ?1 the source, ?2 its figures, ?3 meetings, ?4 cooperation events, ?5
 * projects' events, ?6 projects (JSON arrays of ids), ?7 the projects whose search row
 * holds one of its events. */
#define IDS(n) "(SELECT value FROM json_each(?" #n "))"
static const char *const CLEAR_SQL[] = {
    "DELETE FROM citations WHERE source_id = ?1",
    "DELETE FROM search_index WHERE (kind = 'figure' AND ref_id IN " IDS(
        2) ") OR (kind = "
           "'meeting' AND ref_id IN " IDS(3) ") OR (kind = 'event' AND ref_id IN " IDS(
               4) ") OR (kind "
                  "= 'project' AND (ref_id IN " IDS(6) " OR ref_id IN " IDS(7) "))",
    "DELETE FROM figure_parties WHERE figure_id IN " IDS(2),
    "DELETE FROM figure_meetings WHERE figure_id IN " IDS(2),
    /* computed links, in both directions: made again for the re-read figures */
    "DELETE FROM figure_overlaps WHERE figure_id IN " IDS(2) " OR other_id IN " IDS(2),
    "DELETE FROM figure_conflicts WHERE figure_id IN " IDS(2) " OR other_id IN " IDS(2),
    "DELETE FROM figures WHERE id IN " IDS(2),
    "DELETE FROM meeting_participants WHERE meeting_id IN " IDS(3),
    "DELETE FROM meeting_provinces WHERE meeting_id IN " IDS(3),
    "DELETE FROM meeting_decisions WHERE meeting_id IN " IDS(3),
    "DELETE FROM meeting_conflicts WHERE meeting_id IN " IDS(3),
    "DELETE FROM aliases WHERE (entity = 'meeting' AND entity_id IN " IDS(
        3) ") OR (entity = "
           "'event' AND entity_id IN " IDS(4) ") OR (entity = 'project' AND entity_id IN " IDS(
               6) ")",
    "DELETE FROM meetings WHERE id IN " IDS(3),
    "DELETE FROM coop_event_organisations WHERE event_id IN " IDS(4),
    "DELETE FROM coop_event_meetings WHERE event_id IN " IDS(4),
    "DELETE FROM coop_events WHERE id IN " IDS(4),
    "DELETE FROM project_events WHERE id IN " IDS(5),
    "DELETE FROM projects WHERE id IN " IDS(6),
};

/* What other documents still hold of the facts removed (?1 its meetings, ?2 its projects,
 * JSON arrays of ids) that the re-read did not make again: kind, id, the field, the id
 * it names. */
static const char DANGLING_SQL[] = "WITH m(id) AS " IDS(1) ", p(id) AS " IDS(
    2) " "
       "SELECT 'meeting', id, 'same_as', same_as FROM meetings WHERE same_as IN m AND same_as NOT "
       "IN (SELECT id FROM meetings) "
       "UNION ALL SELECT 'meeting', meeting_id, 'conflicts_with', other_id FROM meeting_conflicts "
       "WHERE other_id IN m AND other_id NOT IN (SELECT id FROM meetings) "
       "UNION ALL SELECT 'figure', figure_id, 'meetings', meeting_id FROM figure_meetings WHERE "
       "meeting_id IN m AND meeting_id NOT IN (SELECT id FROM meetings) "
       "UNION ALL SELECT 'event', event_id, 'meetings', meeting_id FROM coop_event_meetings WHERE "
       "meeting_id IN m AND meeting_id NOT IN (SELECT id FROM meetings) "
       "UNION ALL SELECT 'protocol', id, 'meeting', meeting_id FROM protocols WHERE meeting_id IN "
       "m AND meeting_id NOT IN (SELECT id FROM meetings) "
       "UNION ALL SELECT 'project_event', id, 'meeting', meeting_id FROM project_events WHERE "
       "meeting_id IN m AND meeting_id NOT IN (SELECT id FROM meetings) "
       "UNION ALL SELECT 'project_event', id, 'project', project_id FROM project_events WHERE "
       "project_id IN p AND project_id NOT IN (SELECT id FROM projects) "
       "UNION ALL SELECT 'project', id, 'part_of', part_of FROM projects WHERE part_of IN p AND "
       "part_of NOT IN (SELECT id FROM projects) "
       "ORDER BY 1, 2 LIMIT 50";
#undef IDS

void bc_redate_result_free(bc_redate_result *out)
{
    if (out != NULL) {
        json_decref(out->facts);
        out->facts = NULL;
    }
}

static int nomem(bc_err *err)
{
    return bc_err_set(err, BC_ENOMEM, "out of memory re-dating an article");
}

/* The article's facts now: [{"kind", "id", "curation", "doc"}] into *out (new). */
static int facts_of(bc_store *s, const char *source_id, json_t **out, bc_err *err)
{
    *out = json_array();
    if (*out == NULL)
        return nomem(err);
    sqlite3_stmt *st = NULL;
    int rc = bc_store_prepare(s, FACTS_SQL, &st, err);
    if (rc == BC_OK)
        sqlite3_bind_text(st, 1, source_id, -1, SQLITE_TRANSIENT);
    bc_buf doc = BC_BUF_INIT;
    while (bc_store_row(s, st, &rc, err, "listing an article's facts")) {
        const char *kind = (const char *)sqlite3_column_text(st, 0),
                   *id = (const char *)sqlite3_column_text(st, 1),
                   *curation = (const char *)sqlite3_column_text(st, 2);
        bc_review_kind k;
        bc_buf_reset(&doc);
        rc = bc_review_kind_parse(kind, &k, err);
        if (rc == BC_OK)
            rc = bc_review_fact(s, k, id, &doc, err);
        json_t *fact = NULL;
        if (rc == BC_OK &&
            ((fact = json_pack("{ss,ss,ss,s:s#}", "kind", kind, "id", id, "curation",
                               curation ? curation : "", "doc", doc.data ? doc.data : "",
                               doc.data ? doc.len : 0)) == NULL ||
             json_array_append_new(*out, fact) != 0))
            rc = nomem(err);
    }
    bc_buf_free(&doc);
    sqlite3_finalize(st);
    return rc;
}

/* The ids of facts (facts_of's) of kind, as a JSON array text (new, bc_free). */
static char *ids_of(json_t *facts, const char *kind)
{
    json_t *ids = json_array(), *f;
    size_t i;
    json_array_foreach(facts, i, f)
    {
        if (strcmp(json_string_value(json_object_get(f, "kind")), kind) == 0)
            json_array_append(ids, json_object_get(f, "id"));
    }
    char *text = ids != NULL ? json_dumps(ids, JSON_COMPACT) : NULL;
    json_decref(ids);
    return text;
}

/* The fact of kind and id in facts, or NULL. */
static json_t *find_fact(json_t *facts, const char *kind, const char *id)
{
    json_t *f;
    size_t i;
    json_array_foreach(facts, i, f)
    {
        if (strcmp(json_string_value(json_object_get(f, "kind")), kind) == 0 &&
            strcmp(json_string_value(json_object_get(f, "id")), id) == 0)
            return f;
    }
    return NULL;
}

/* The top-level fields in which two documents (JSON texts) differ, as a new array. */
static json_t *fields_between(const char *a, const char *b)
{
    json_t *x = json_loads(a, 0, NULL), *y = json_loads(b, 0, NULL), *out = json_array();
    const char *key;
    json_t *v;
    json_object_foreach(x, key, v)
    {
        if (!json_equal(v, json_object_get(y, key)))
            json_array_append_new(out, json_string(key));
    }
    json_object_foreach(y, key, v)
    {
        if (json_object_get(x, key) == NULL)
            json_array_append_new(out, json_string(key));
    }
    json_decref(x);
    json_decref(y);
    return out;
}

/* What became of each fact: before and after (facts_of's) into a new report. */
static json_t *report(json_t *before, json_t *after)
{
    json_t *out = json_array(), *f;
    size_t i;
    json_array_foreach(after, i, f)
    {
        const char *kind = json_string_value(json_object_get(f, "kind")),
                   *id = json_string_value(json_object_get(f, "id"));
        json_t *was = find_fact(before, kind, id);
        json_t *fields = was != NULL
                             ? fields_between(json_string_value(json_object_get(was, "doc")),
                                              json_string_value(json_object_get(f, "doc")))
                             : json_array();
        const char *curation = json_string_value(json_object_get(f, "curation"));
        /* a reviewed or rejected fact: its decisions applied again to the same reading */
        const char *outcome =
            was == NULL                                                              ? "added"
            : strcmp(curation, "reviewed") == 0 || strcmp(curation, "rejected") == 0 ? "kept"
            : json_array_size(fields)                                                ? "changed"
                                                                                     : "unchanged";
        json_array_append_new(out, json_pack("{sO,sO,sO,ss,so}", "kind", json_object_get(f, "kind"),
                                             "id", json_object_get(f, "id"), "curation",
                                             json_object_get(f, "curation"), "outcome", outcome,
                                             "fields", fields));
    }
    json_array_foreach(before, i, f)
    {
        if (find_fact(after, json_string_value(json_object_get(f, "kind")),
                      json_string_value(json_object_get(f, "id"))) == NULL)
            json_array_append_new(
                out, json_pack("{sO,sO,sO,ss,s[]}", "kind", json_object_get(f, "kind"), "id",
                               json_object_get(f, "id"), "curation", json_object_get(f, "curation"),
                               "outcome", "removed", "fields"));
    }
    return out;
}

/* Removes the facts of the article (facts_of's before) and everything that holds them;
 * lists[0..5] get the ids removed (CLEAR_SQL's ?2..?7; new texts, bc_free). */
static int clear_facts(bc_store *s, const char *source_id, json_t *before, char *lists[6],
                       bc_err *err)
{
    static const char *const KINDS[5] = {"figure", "meeting", "event", "project_event", "project"};
    int rc = BC_OK;
    for (int i = 0; i < 5 && rc == BC_OK; i++)
        if ((lists[i] = ids_of(before, KINDS[i])) == NULL)
            rc = nomem(err);
    /* the projects whose search rows hold one of its events: indexed again after */
    sqlite3_stmt *st = NULL;
    if (rc == BC_OK)
        rc = bc_store_stmt(s,
                           "SELECT json_group_array(DISTINCT project_id) FROM project_events "
                           "WHERE id IN (SELECT value FROM json_each(?1))",
                           &st, err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, lists[3], -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_ROW)
            rc = bc_store_error(s, err, "finding the projects of its events");
        else if ((lists[5] = bc_strdup((const char *)sqlite3_column_text(st, 0))) == NULL)
            rc = nomem(err);
        sqlite3_reset(st);
    }
    for (size_t i = 0; rc == BC_OK && i < sizeof CLEAR_SQL / sizeof CLEAR_SQL[0]; i++) {
        rc = bc_store_stmt(s, CLEAR_SQL[i], &st, err);
        if (rc != BC_OK)
            break;
        /* each statement names the parameters it needs, up to the highest */
        int n = sqlite3_bind_parameter_count(st);
        sqlite3_bind_text(st, 1, source_id, -1, SQLITE_STATIC);
        for (int k = 2; k <= n && k <= 7; k++)
            sqlite3_bind_text(st, k, lists[k - 2], -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = bc_store_error(s, err, "removing the article's facts");
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    return rc;
}

/* The facts other documents still link to that the re-read did not make again, as
 * [{"kind", "id", "field", "names", "reason"}] into *out (new; empty when none). */
static int dangling(bc_store *s, const char *meetings, const char *projects, json_t **out,
                    bc_err *err)
{
    *out = json_array();
    if (*out == NULL)
        return nomem(err);
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, DANGLING_SQL, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, meetings, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, projects, -1, SQLITE_STATIC);
    int step;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(st, 0),
                   *id = (const char *)sqlite3_column_text(st, 1),
                   *field = (const char *)sqlite3_column_text(st, 2),
                   *names = (const char *)sqlite3_column_text(st, 3);
        char why[600];
        snprintf(why, sizeof why,
                 "%.40s '%.200s' of another article links to '%.200s' (its %.40s), which the "
                 "article would no longer give with this date",
                 kind, id, names, field);
        if (json_array_append_new(*out, json_pack("{ss,ss,ss,ss,ss}", "kind", kind, "id", id,
                                                  "field", field, "names", names, "reason", why)) !=
            0)
            rc = nomem(err);
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "looking for links to the article's facts");
    sqlite3_reset(st);
    return rc;
}

/* The article's projects' events (?1 the source) as one JSON array of [id, project, seq,
 * reading, place], the reading being what a reader sees of it (its project, kind, date and
 * the spans it is quoted from) and the place where the article tells it (its project,
 * kind and first quoted span: what a new date does not move). */
static const char EVENTS_SQL[] =
    "SELECT json_group_array(json_array(e.id, e.project_id, e.seq, e.project_id || '|' || "
    "e.kind || '|' || quote(e.date) || '|' || coalesce((SELECT group_concat(q, ',') FROM "
    "(SELECT c.quote_start || '-' || c.quote_end AS q FROM citations c WHERE c.event_id = e.id "
    "ORDER BY c.quote_start, c.quote_end)), ''), e.project_id || '|' || e.kind || '|' || "
    "coalesce((SELECT min(c.quote_start) FROM citations c WHERE c.event_id = e.id), ''))) "
    "FROM (SELECT * FROM project_events WHERE id IN (SELECT event_id FROM citations WHERE "
    "source_id = ?1) ORDER BY project_id, seq) e";

static int events_of(bc_store *s, const char *source_id, json_t **out, bc_err *err)
{
    char *text = NULL;
    sqlite3_stmt *st = NULL;
    *out = NULL;
    int rc = bc_store_stmt(s, EVENTS_SQL, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, source_id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_ROW)
        rc = bc_store_error(s, err, "listing the article's projects' events");
    else if ((text = bc_strdup((const char *)sqlite3_column_text(st, 0))) == NULL)
        rc = nomem(err);
    sqlite3_reset(st);
    if (rc == BC_OK && (*out = json_loads(text, 0, NULL)) == NULL)
        rc = nomem(err);
    bc_free(text);
    return rc;
}

#define EV_SEQ(a, i) json_integer_value(json_array_get(json_array_get(a, i), 2))

/* Gives the project event from the id to and the number seq, its citations with it. */
static int move_event(bc_store *s, const char *from, const char *to, long long seq, bc_err *err)
{
    int rc = bc_store_run(s, "UPDATE project_events SET id = ?2, seq = ?3 WHERE id = ?1",
                          BC_BINDS(bc_text(from), bc_text(to), bc_int(seq)), err);
    if (rc == BC_OK)
        rc = bc_store_run(s, "UPDATE citations SET event_id = ?2 WHERE event_id = ?1",
                          BC_BINDS(bc_text(from), bc_text(to)), err);
    return rc;
}

#define F_ID(a, i)      json_string_value(json_array_get(json_array_get(a, i), 0))
#define F_AT(a, i, col) json_string_value(json_array_get(json_array_get(a, i), col))

/* Pairs the facts read again (now) with those of before (old), both arrays of arrays with
 * the id at 0, the reading at column rd and the place at column pl: kept[i] when now's i
 * has its id and its reading or place; else pair[i] the old one it takes the id of (-1:
 * none), first by reading, then by place, each old fact given once (used). With hold, an
 * id of before that a fact read again still has (of another reading and place: not kept)
 * stays with that one and is never paired. */
static void pair_facts(json_t *old, json_t *now, int rd, int pl, int hold, char *used, char *kept,
                       long *pair)
{
    size_t no = json_array_size(old), nn = json_array_size(now);
    for (size_t i = 0; i < nn; i++) {
        pair[i] = -1;
        for (size_t j = 0; j < no && !kept[i]; j++)
            if (!used[j] && strcmp(F_ID(now, i), F_ID(old, j)) == 0 &&
                (strcmp(F_AT(now, i, rd), F_AT(old, j, rd)) == 0 ||
                 strcmp(F_AT(now, i, pl), F_AT(old, j, pl)) == 0))
                used[j] = kept[i] = 1;
    }
    for (int col = rd; col <= pl; col += pl - rd)
        for (size_t i = 0; i < nn; i++)
            for (size_t j = 0; j < no && !kept[i] && pair[i] < 0; j++) {
                if (used[j] || strcmp(F_AT(now, i, col), F_AT(old, j, col)) != 0)
                    continue;
                int held = 0;
                for (size_t k = 0; hold && k < nn && !held; k++)
                    held = k != i && strcmp(F_ID(now, k), F_ID(old, j)) == 0;
                if (!held)
                    pair[i] = (long)j, used[j] = 1;
            }
}

/* A project's event is numbered after the project's others when it is read (ingest):
 * read again, an event of the article would take a new number, though it reads the same.
 * Each event read again that reads as one of before (old, events_of's) takes that one's id
 * and number back, unless an event of another reading now holds them; moved in two steps
 * (the numbers of a project are unique) so that two events may trade theirs. */
static int keep_event_ids(bc_store *s, const char *source_id, json_t *old, bc_err *err)
{
    json_t *now = NULL;
    int rc = events_of(s, source_id, &now, err);
    size_t no = json_array_size(old), nn = json_array_size(now);
    char *used = bc_calloc(no + 1, 1), *kept = bc_calloc(nn + 1, 1);
    long *pair = bc_calloc(nn + 1, sizeof *pair);
    if (rc == BC_OK && (used == NULL || kept == NULL || pair == NULL))
        rc = nomem(err);
    /* first the events that read the same, then those told in the same place that the new
     * date dated otherwise ("opened on 15 September": undated, then 2026-09-15): the
     * same fact, which keeps its id as a figure or a meeting does; an event of another
     * reading and place keeps the id it was read with */
    if (rc == BC_OK)
        pair_facts(old, now, 3, 4, 1, used, kept, pair);
    char tmp[240];
    for (size_t i = 0; rc == BC_OK && i < nn; i++)
        if (pair[i] >= 0) {
            snprintf(tmp, sizeof tmp, "%.200s#redate", F_ID(now, i));
            rc = move_event(s, F_ID(now, i), tmp, -(long long)(i + 1), err);
        }
    for (size_t i = 0; rc == BC_OK && i < nn; i++)
        if (pair[i] >= 0) {
            snprintf(tmp, sizeof tmp, "%.200s#redate", F_ID(now, i));
            rc = move_event(s, tmp, F_ID(old, pair[i]), EV_SEQ(old, pair[i]), err);
        }
    bc_free(used);
    bc_free(kept);
    bc_free(pair);
    json_decref(now);
    return rc;
}
#undef EV_SEQ

/* The article's own facts of one kind, numbered after its id ("<source>-f3"): the table,
 * the letter of their ids, the column citing them, what a reader sees of one (its reading,
 * with the spans it is quoted from) and what a new date does not move (its place: the
 * first span it is quoted from and what it counts or names), and its kind in the search
 * index and aliases. */
typedef struct own_kind {
    const char *table, *letter, *cite, *reading, *place, *kind;
} own_kind;

static const own_kind OWN[] = {
    {"figures", "f", "figure_id",
     "x.metric || '|' || x.value || '|' || x.unit || '|' || x.qualifier || '|' || "
     "quote(x.period)",
     "x.value", "figure"},
    {"meetings", "m", "meeting_id",
     "quote(x.ordinal) || '|' || quote(x.mechanism_id) || '|' || x.status || '|' || "
     "quote(x.date)",
     "quote(x.ordinal)", "meeting"},
    {"coop_events", "e", "coop_event_id", "x.kind || '|' || quote(x.date)", "x.kind", "event"},
};

/* The article's (?1) own facts of kind k as a new JSON array of [id, reading, place] in the
 * order of their numbers, into *out. */
static int own_facts(bc_store *s, const char *source_id, const own_kind *k, json_t **out,
                     bc_err *err)
{
    bc_buf sql = BC_BUF_INIT;
    bc_buf_printf(&sql,
                  "SELECT json_group_array(json_array(id, reading, place)) FROM (SELECT x.id, "
                  "%s || '|' || coalesce((SELECT group_concat(q, ',') FROM (SELECT "
                  "c.quote_start || '-' || c.quote_end AS q FROM citations c WHERE c.%s = x.id "
                  "ORDER BY c.quote_start, c.quote_end)), '') AS reading, %s || '|' || "
                  "coalesce((SELECT min(c.quote_start) FROM citations c WHERE c.%s = x.id), '') "
                  "AS place FROM %s x WHERE x.id IN (SELECT %s FROM citations WHERE source_id = "
                  "?1) AND substr(x.id, 1, length(?1) + 2) = ?1 || '-%s' AND substr(x.id, "
                  "length(?1) + 3) GLOB '[1-9]*' AND NOT substr(x.id, length(?1) + 3) GLOB "
                  "'*[^0-9]*' ORDER BY CAST(substr(x.id, length(?1) + 3) AS INTEGER))",
                  k->reading, k->cite, k->place, k->cite, k->table, k->cite, k->letter);
    sqlite3_stmt *st = NULL;
    *out = NULL;
    int rc = bc_buf_failed(&sql) ? nomem(err) : bc_store_prepare(s, sql.data, &st, err);
    bc_buf_free(&sql);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, source_id, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) != SQLITE_ROW)
            rc = bc_store_error(s, err, "listing the article's facts");
        else if ((*out = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL)) == NULL)
            rc = nomem(err);
    }
    sqlite3_finalize(st);
    return rc;
}

/* Every column holding an id of table's column col: it, the columns whose foreign keys
 * name it, and theirs in turn ("citations"."decision_meeting_id" through
 * meeting_decisions), into cols as [table, column] pairs (appended). */
static int id_columns(bc_store *s, const char *table, const char *col, json_t *cols, bc_err *err)
{
    if (json_array_append_new(cols, json_pack("[ss]", table, col)) != 0)
        return nomem(err);
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s,
                           "SELECT m.name, p.\"from\" FROM sqlite_master m, "
                           "pragma_foreign_key_list(m.name) p WHERE m.type = 'table' AND "
                           "p.\"table\" = ?1 AND coalesce(p.\"to\", 'id') = ?2 ORDER BY 1, 2",
                           &st, err);
    json_t *found = rc == BC_OK ? json_array() : NULL;
    if (rc == BC_OK && found == NULL)
        rc = nomem(err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, col, -1, SQLITE_TRANSIENT);
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW)
            if (json_array_append_new(found, json_pack("[ss]", sqlite3_column_text(st, 0),
                                                       sqlite3_column_text(st, 1))) != 0)
                rc = nomem(err);
        if (rc == BC_OK && step != SQLITE_DONE)
            rc = bc_store_error(s, err, "reading the schema's foreign keys");
        sqlite3_reset(st);
    }
    json_t *c;
    size_t i;
    json_array_foreach(found, i, c)
    {
        const char *t = json_string_value(json_array_get(c, 0)),
                   *f = json_string_value(json_array_get(c, 1));
        if (rc == BC_OK && !(strcmp(t, table) == 0 && strcmp(f, col) == 0))
            rc = id_columns(s, t, f, cols, err);
    }
    json_decref(found);
    return rc;
}

/* Gives the fact from of kind k the id to in every column that holds it (cols), its
 * aliases (its id names it) included. */
static int rename_fact(bc_store *s, const own_kind *k, json_t *cols, const char *from,
                       const char *to, bc_err *err)
{
    int rc = BC_OK;
    json_t *c;
    size_t i;
    json_array_foreach(cols, i, c)
    {
        bc_buf sql = BC_BUF_INIT;
        bc_buf_printf(&sql, "UPDATE \"%s\" SET \"%s\" = ?2 WHERE \"%s\" = ?1",
                      json_string_value(json_array_get(c, 0)),
                      json_string_value(json_array_get(c, 1)),
                      json_string_value(json_array_get(c, 1)));
        sqlite3_stmt *st = NULL;
        if (rc == BC_OK)
            rc = bc_buf_failed(&sql) ? nomem(err) : bc_store_prepare(s, sql.data, &st, err);
        bc_buf_free(&sql);
        if (rc == BC_OK) {
            sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(st) != SQLITE_DONE)
                rc = bc_store_error(s, err, "giving a fact its id back");
        }
        sqlite3_finalize(st);
    }
    if (rc == BC_OK)
        rc = bc_store_run(s,
                          "UPDATE aliases SET alias_key = CASE WHEN alias_key = ?1 THEN ?2 ELSE "
                          "alias_key END, alias = CASE WHEN alias = ?1 THEN ?2 ELSE alias END, "
                          "entity_id = ?2 WHERE entity = ?3 AND entity_id = ?1",
                          BC_BINDS(bc_text(from), bc_text(to), bc_text(k->kind)), err);
    return rc;
}

/* The number of an own fact's id (after "<source>-x"). */
static long own_number(const char *id, size_t prefix)
{
    return strlen(id) > prefix ? strtol(id + prefix, NULL, 10) : 0;
}

/* The article's figures, meetings and cooperation events are numbered in the order it is
 * read: a date that adds or drops one before another would renumber the other, and its
 * old id would then name another fact. Each fact read again that reads as one of before,
 * or is told in the same place, takes that one's id back; one the re-read adds keeps the
 * number it was read with when no fact of before had it, else takes the next one after
 * every number the article's facts of that kind had; an id the re-read no longer gives
 * names nothing (404). Moved in two steps, so that facts may trade their ids. */
static int keep_own_ids(bc_store *s, const char *source_id, json_t *const old[3], bc_err *err)
{
    int rc = BC_OK;
    size_t prefix = strlen(source_id) + 2;
    for (size_t k = 0; rc == BC_OK && k < sizeof OWN / sizeof OWN[0]; k++) {
        json_t *now = NULL, *cols = json_array(), *to = json_array();
        rc = own_facts(s, source_id, &OWN[k], &now, err);
        size_t no = json_array_size(old[k]), nn = json_array_size(now);
        char *used = bc_calloc(no + 1, 1), *kept = bc_calloc(nn + 1, 1);
        long *pair = bc_calloc(nn + 1, sizeof *pair);
        if (rc == BC_OK &&
            (used == NULL || kept == NULL || pair == NULL || cols == NULL || to == NULL))
            rc = nomem(err);
        if (rc == BC_OK)
            pair_facts(old[k], now, 1, 2, 0, used, kept, pair);
        /* the id each takes: a fact kept or paired its own or its pair's; one added the
         * number it was read with when no fact of before nor one kept or paired has it,
         * else the next after every number of before and every one given */
        for (size_t i = 0; rc == BC_OK && i < nn; i++) {
            const char *id = pair[i] >= 0 ? F_ID(old[k], pair[i]) : F_ID(now, i);
            int taken = 0;
            for (size_t j = 0; !kept[i] && pair[i] < 0 && !taken && j < no; j++)
                taken = strcmp(F_ID(old[k], j), id) == 0;
            for (size_t x = 0; !kept[i] && pair[i] < 0 && !taken && x < nn; x++)
                taken = (kept[x] && strcmp(F_ID(now, x), id) == 0) ||
                        (pair[x] >= 0 && strcmp(F_ID(old[k], pair[x]), id) == 0);
            if (json_array_append_new(to, taken ? json_null() : json_string(id)) != 0)
                rc = nomem(err);
        }
        long next = 0;
        for (size_t j = 0; j < no; j++)
            if (own_number(F_ID(old[k], j), prefix) > next)
                next = own_number(F_ID(old[k], j), prefix);
        for (size_t i = 0; i < nn; i++)
            if (json_is_string(json_array_get(to, i)) &&
                own_number(json_string_value(json_array_get(to, i)), prefix) > next)
                next = own_number(json_string_value(json_array_get(to, i)), prefix);
        int moves = 0;
        for (size_t i = 0; rc == BC_OK && i < nn; i++) {
            if (json_is_null(json_array_get(to, i))) {
                char id[240];
                snprintf(id, sizeof id, "%s-%s%ld", source_id, OWN[k].letter, ++next);
                if (json_array_set_new(to, i, json_string(id)) != 0)
                    rc = nomem(err);
            }
            moves +=
                rc == BC_OK && strcmp(json_string_value(json_array_get(to, i)), F_ID(now, i)) != 0;
        }
        if (rc == BC_OK && moves > 0)
            rc = id_columns(s, OWN[k].table, "id", cols, err);
        char tmp[260];
        for (int step = 0; step < 2 && moves > 0; step++)
            for (size_t i = 0; rc == BC_OK && i < nn; i++) {
                const char *id = F_ID(now, i), *dest = json_string_value(json_array_get(to, i));
                if (strcmp(id, dest) == 0)
                    continue;
                snprintf(tmp, sizeof tmp, "%.200s#redate", id);
                if (step == 0 && (rc = bc_search_unindex(s, OWN[k].kind, id, err)) == BC_OK)
                    rc = rename_fact(s, &OWN[k], cols, id, tmp, err);
                if (step == 1 && (rc = rename_fact(s, &OWN[k], cols, tmp, dest, err)) == BC_OK)
                    rc = bc_search_index_entity(s, OWN[k].kind, dest, err);
            }
        bc_free(used);
        bc_free(kept);
        bc_free(pair);
        json_decref(now);
        json_decref(cols);
        json_decref(to);
    }
    return rc;
}
#undef F_ID
#undef F_AT

/* Moves the content version forward: the previous one, the article and its new date,
 * so ETags and caches follow. */
static int bump_version(bc_store *s, const char *source_id, const char *date, long long seq,
                        char version[65], const char *now, bc_err *err)
{
    char old[65] = "";
    int found = 0;
    int rc = bc_store_lookup(s, "SELECT value FROM store_meta WHERE key = ?1",
                             BC_BINDS(bc_text("content_version")), old, sizeof old, &found, err);
    if (rc != BC_OK)
        return rc;
    char what[320];
    snprintf(what, sizeof what, "%s|redate|%.200s|%s|%lld", old, source_id, date, seq);
    bc_sha256_hex(what, strlen(what), version);
    rc = bc_store_meta_set(s, "content_version", version, err);
    if (rc == BC_OK)
        rc = bc_store_meta_set(s, "modified_at", now, err);
    return rc;
}

/* A re-dating replayed by a rebuild: its audit log entry, already in the store. */
typedef struct redate_replay {
    long long seq;
    const char *at;
} redate_replay;

/* The re-dating itself, in one transaction; the caller holds the writer lock and has
 * checked the input. Replayed (rp not NULL): inside the caller's transaction, with no
 * audit entry or change feed of its own, and the article's decisions are applied again
 * or orphaned as a rebuild does (no reviewed_facts refusal). */
static int redate_locked(bc_store *w, const bc_redate_input *in, const redate_replay *rp,
                         bc_redate_result *out, bc_err *err)
{
    const char *id = in->source_id;
    char origin[16] = "";
    int found = 0;
    int rc = bc_store_lookup(w, "SELECT origin FROM sources WHERE id = ?1", BC_BINDS(bc_text(id)),
                             origin, sizeof origin, &found, err);
    if (rc == BC_OK && !found)
        return bc_err_set(err, BC_ENOTFOUND, "no source with id '%.200s'", id);
    if (rc == BC_OK)
        rc = bc_store_lookup(w, "SELECT coalesce(published_on, '') FROM sources WHERE id = ?1",
                             BC_BINDS(bc_text(id)), out->from, sizeof out->from, &found, err);
    if (rc == BC_OK)
        rc = bc_store_lookup(w, "SELECT value FROM store_meta WHERE key = ?1",
                             BC_BINDS(bc_text("content_version")), out->content_version,
                             sizeof out->content_version, &found, err);
    if (rc != BC_OK)
        return rc;
    snprintf(out->to, sizeof out->to, "%s", in->published_on ? in->published_on : "");
    if (strcmp(origin, "ingested") != 0) {
        snprintf(out->conflict, sizeof out->conflict, "curated_source");
        return bc_err_set(err, BC_ECONFLICT,
                          "source '%.200s' is a curated article: its date is in data/ and its "
                          "facts were read by a person; change it there and rebuild (bordercoop "
                          "load)",
                          id);
    }
    if (strcmp(out->from, out->to) == 0)
        return BC_OK; /* already so: nothing to write */

    char now[24];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (rp != NULL)
        snprintf(now, sizeof now, "%s", rp->at);
    char *touched = NULL, *lists[6] = {0};
    json_t *before = NULL, *after = NULL, *blocking = NULL;
    rc = rp != NULL ? BC_OK : bc_store_begin(w, err);
    int open = rc == BC_OK && rp == NULL;
    if (rc == BC_OK && rp == NULL)
        rc = bc_changes_touched(w, id, &touched, err);
    if (rc == BC_OK)
        rc = facts_of(w, id, &before, err);
    json_t *events = NULL, *own[3] = {NULL, NULL, NULL};
    if (rc == BC_OK)
        rc = events_of(w, id, &events, err);
    for (size_t k = 0; rc == BC_OK && k < 3; k++)
        rc = own_facts(w, id, &OWN[k], &own[k], err);
    /* the facts are removed and made again: what links to them is checked at the end */
    if (rc == BC_OK)
        rc = bc_store_exec(w, "PRAGMA defer_foreign_keys = ON", err);
    if (rc == BC_OK)
        rc = bc_store_run(w, "UPDATE sources SET published_on = ?2 WHERE id = ?1",
                          BC_BINDS(bc_text(id), bc_text(in->published_on)), err);
    if (rc == BC_OK)
        rc = clear_facts(w, id, before, lists, err);
    if (rc == BC_OK)
        rc = bc_ingest_reread(w, id, &out->read, err);
    /* a fact that reads the same keeps its id: a project's events too */
    if (rc == BC_OK)
        rc = keep_event_ids(w, id, events, err);
    if (rc == BC_OK)
        rc = keep_own_ids(w, id, own, err);
    json_decref(events);
    events = NULL;
    for (size_t k = 0; k < 3; k++)
        json_decref(own[k]);
    /* the projects that held one of its events read as they do now */
    json_t *projects = lists[5] != NULL ? json_loads(lists[5], 0, NULL) : NULL, *p;
    size_t i;
    json_array_foreach(projects, i, p)
    {
        if (rc == BC_OK)
            rc = bc_search_unindex(w, "project", json_string_value(p), err);
        if (rc == BC_OK)
            rc = bc_search_index_entity(w, "project", json_string_value(p), err);
    }
    json_decref(projects);
    if (rc == BC_OK)
        rc = dangling(w, lists[1], lists[4], &blocking, err);
    if (rc == BC_OK && json_array_size(blocking) > 0) {
        snprintf(out->conflict, sizeof out->conflict, "linked_facts");
        out->facts = blocking;
        blocking = NULL;
        rc = bc_err_set(err, BC_ECONFLICT,
                        "facts of other articles link to facts of '%.200s' that it would no "
                        "longer give with published_on %s; nothing was changed",
                        id, out->to[0] ? out->to : "null");
    }
    /* the decisions made on its facts, applied again to the facts they were made on */
    bc_review_replay replay = {0};
    json_decref(blocking);
    blocking = NULL;
    if (rc == BC_OK && rp == NULL && (blocking = json_array()) == NULL)
        rc = nomem(err);
    if (rc == BC_OK)
        rc = bc_review_replay_source(w, id, &replay, blocking, err);
    if (rc == BC_OK && json_array_size(blocking) > 0) {
        snprintf(out->conflict, sizeof out->conflict, "reviewed_facts");
        out->facts = blocking;
        blocking = NULL;
        rc = bc_err_set(err, BC_ECONFLICT,
                        "%zu reviewed or rejected fact(s) of '%.200s' would read differently "
                        "with published_on %s, and a decision is never applied to another "
                        "reading; nothing was changed: correct them with a review edit",
                        json_array_size(out->facts), id, out->to[0] ? out->to : "null");
    }
    out->decisions = replay.applied;
    if (rp != NULL) {
        /* replayed: the audit entry is carried over, the feed is the loader's */
        if (rc == BC_OK)
            rc = bump_version(w, id, out->to, rp->seq, out->content_version, now, err);
        if (rc == BC_OK)
            out->changed = 1;
        for (int k = 0; k < 6; k++)
            bc_free(lists[k]);
        json_decref(before);
        json_decref(blocking);
        return rc;
    }
    /* the audit entry: who, when, from which date to which */
    if (rc == BC_OK)
        rc = bc_store_run(
            w,
            "INSERT INTO review_log (at, reviewer, via, action, kind, fact_id, source_id, "
            "fingerprint, from_curation, to_curation, changes, note) VALUES (?1, ?2, ?3, "
            "'redate', 'source', ?4, ?4, printf('%064d', 0), 'ingested', 'ingested', "
            "json_object('published_on', json_object('from', ?5, 'to', ?6)), ?7)",
            BC_BINDS(bc_text(now), bc_text(in->actor), bc_text(in->via ? in->via : "api"),
                     bc_text(id), bc_text(out->from[0] ? out->from : NULL),
                     bc_text(in->published_on), bc_text(in->note)),
            err);
    if (rc == BC_OK) {
        out->seq = sqlite3_last_insert_rowid(bc_store_db(w));
        rc = bc_store_run(w,
                          "INSERT INTO review_outcomes (seq, status, fact_id) "
                          "VALUES (?1, 'applied', ?2)",
                          BC_BINDS(bc_int(out->seq), bc_text(id)), err);
    }
    if (rc == BC_OK)
        rc = bump_version(w, id, out->to, out->seq, out->content_version, now, err);
    /* the change feed: the article, its facts before and after, what shows them */
    if (rc == BC_OK)
        rc = bc_changes_record_source_after(w, id, touched, "ingest", in->actor, now, NULL, NULL,
                                            err);
    if (rc == BC_OK)
        rc = facts_of(w, id, &after, err);
    if (rc == BC_OK && (out->facts = report(before, after)) == NULL)
        rc = nomem(err);
    if (rc == BC_OK)
        rc = bc_store_commit(w, err);
    if (rc != BC_OK && open)
        bc_store_rollback(w);
    if (rc == BC_OK) {
        out->changed = 1;
        snprintf(out->at, sizeof out->at, "%s", now);
    }
    for (int k = 0; k < 6; k++)
        bc_free(lists[k]);
    bc_free(touched);
    json_decref(before);
    json_decref(after);
    json_decref(blocking);
    return rc;
}

int bc_redate(bc_store *w, const bc_redate_input *in, bc_redate_result *out, bc_err *err)
{
    memset(out, 0, sizeof *out);
    bc_err_clear(err);
    if (in->source_id == NULL || in->source_id[0] == '\0' || strlen(in->source_id) > 200)
        return bc_err_set(err, BC_ENOTFOUND, "a source id is 1 to 200 bytes");
    if (in->actor == NULL || in->actor[0] == '\0')
        return bc_err_set(err, BC_EINVAL, "a re-dating needs an actor");
    size_t n = in->note != NULL ? strlen(in->note) : 0;
    if (in->note != NULL && (n == 0 || n > 2000 || !bc_utf8_valid(in->note, n) ||
                             bc_text_control(in->note, n, BC_TEXT_LINES) < n))
        return snprintf(out->field, sizeof out->field, "note"),
               bc_err_set(err, BC_EINVAL,
                          "note: 1 to 2000 bytes of UTF-8 without control characters other "
                          "than tab and line breaks (or leave it out)");
    if (bc_ingest_check_published_on(in->published_on, "", err) != BC_OK)
        return snprintf(out->field, sizeof out->field, "published_on"), BC_EINVAL;
    int lock = bc_store_lock_writer(w, bc_store_lock_timeout_ms, err);
    if (lock == -1)
        return err->code ? err->code : BC_EIO;
    bc_err_clear(err);
    int rc = redate_locked(w, in, NULL, out, err);
    bc_store_unlock(lock);
    if (rc != BC_OK && rc != BC_ECONFLICT)
        bc_redate_result_free(out);
    return rc;
}

int bc_redate_replay(bc_store *to, const char *source_id, const char *published_on, long long seq,
                     const char *at, bc_err *err)
{
    bc_redate_input in = {.source_id = source_id, .published_on = published_on};
    redate_replay rp = {seq, at != NULL ? at : ""};
    bc_redate_result out;
    memset(&out, 0, sizeof out);
    int rc = redate_locked(to, &in, &rp, &out, err);
    if (rc != BC_OK) {
        bc_err inner = *err;
        bc_err_set(err, inner.code ? inner.code : BC_ESTORE,
                   "re-dating article %.200s to %s as the audit log's entry %lld did: %s",
                   source_id, published_on ? published_on : "none", seq, inner.msg);
    }
    bc_redate_result_free(&out);
    return rc;
}
