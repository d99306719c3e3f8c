/* redate_ids.c: an article read again (redate.c) keeps the ids of its facts: a fact that
 * reads as one of before, or is told in the same place, takes that one's id back (see
 * redate_int.h). */
#include "redate_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/search_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int nomem(bc_err *err)
{
    return bc_err_set(err, BC_ENOMEM, "out of memory re-dating an article");
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

/* The article's (?1) figures: its own and those it is cited for */
#define ITS_FIGURES "(SELECT figure_id FROM citations WHERE source_id = ?1)"

/* {id: stored} of the article's figures, as a new JSON object into *out. */
static int places_of(bc_store *s, const char *source_id, json_t **out, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    *out = NULL;
    int rc = bc_store_stmt(
        s, "SELECT json_group_object(id, stored) FROM figures WHERE id IN " ITS_FIGURES, &st, err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, source_id, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) != SQLITE_ROW)
            rc = bc_store_error(s, err, "reading where the article's figures stand");
        else if ((*out = json_loads((const char *)sqlite3_column_text(st, 0), 0, NULL)) == NULL)
            rc = nomem(err);
        sqlite3_reset(st);
    }
    return rc;
}

/* A figure read again is the same statement dated anew: one that has its id back (?2, the
 * places taken before) takes its place in stored order back, one the re-read adds goes
 * last, in the order it was read; the links naming them carry the places (0050). Stored is
 * unique: the article's own figures are first moved out of the way (below zero). */
#define OWN_FIGURES ITS_FIGURES " AND substr(id, 1, length(?1) + 2) = ?1 || '-f'"
static const struct {
    const char *sql;
    size_t binds; /* ?1 the source, ?2 the places */
} PLACES_SQL[] = {
    {"UPDATE figures SET stored = -stored WHERE id IN " OWN_FIGURES, 1},
    {"UPDATE figures SET stored = (SELECT value FROM json_each(?2) WHERE key = figures.id) WHERE "
     "id IN " OWN_FIGURES " AND id IN (SELECT key FROM json_each(?2))",
     2},
    {"UPDATE figures SET stored = (SELECT max(stored) FROM figures) - stored WHERE stored < 0", 0},
    {"UPDATE figure_overlaps SET other_stored = (SELECT stored FROM figures WHERE id = other_id) "
     "WHERE other_id IN " ITS_FIGURES,
     1},
    {"UPDATE figure_conflicts SET other_stored = (SELECT stored FROM figures WHERE id = "
     "other_id) WHERE other_id IN " ITS_FIGURES,
     1},
};
#undef OWN_FIGURES
#undef ITS_FIGURES

static int keep_places(bc_store *s, const char *source_id, json_t *places, bc_err *err)
{
    char *text = json_dumps(places != NULL ? places : json_object(), JSON_COMPACT);
    int rc = text == NULL ? nomem(err) : BC_OK;
    const bc_bind binds[] = {bc_text(source_id), bc_text(text)};
    for (size_t i = 0; rc == BC_OK && i < sizeof PLACES_SQL / sizeof PLACES_SQL[0]; i++)
        rc = bc_store_run(s, PLACES_SQL[i].sql, binds, PLACES_SQL[i].binds, err);
    free(text);
    return rc;
}

int redate_ids_take(bc_store *s, const char *source_id, redate_ids *snap, bc_err *err)
{
    memset(snap, 0, sizeof *snap);
    int rc = events_of(s, source_id, &snap->events, err);
    for (size_t k = 0; rc == BC_OK && k < 3; k++)
        rc = own_facts(s, source_id, &OWN[k], &snap->own[k], err);
    if (rc == BC_OK)
        rc = places_of(s, source_id, &snap->stored, err);
    return rc;
}

int redate_ids_keep(bc_store *s, const char *source_id, const redate_ids *snap, bc_err *err)
{
    int rc = keep_event_ids(s, source_id, snap->events, err);
    if (rc == BC_OK)
        rc = keep_own_ids(s, source_id, snap->own, err);
    if (rc == BC_OK)
        rc = keep_places(s, source_id, snap->stored, err);
    return rc;
}

void redate_ids_free(redate_ids *snap)
{
    if (snap == NULL)
        return;
    json_decref(snap->events);
    json_decref(snap->stored);
    for (size_t k = 0; k < 3; k++)
        json_decref(snap->own[k]);
    memset(snap, 0, sizeof *snap);
}
