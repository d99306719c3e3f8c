/* redate.c: an ingested article given its publication date after the fact, its facts read
 * again with it (see redate.h). */
#include "bordercoop/redate.h"

#include "redate_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/changes.h"
#include "bordercoop/meeting_links.h"
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

/* Links again the groups of the article's (source_id) meetings and of the meetings that
 * are the same as one of them (bc_meeting_links_refresh), so that their conflicts are
 * written against the meetings as they read now; the change feed finds them among the
 * documents the article touches (bc_changes_touched). */
static int relink_meetings(bc_store *s, const char *source_id, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_prepare(s,
                              "SELECT DISTINCT meeting_id FROM citations WHERE source_id = ?1 AND "
                              "meeting_id IS NOT NULL ORDER BY 1",
                              &st, err);
    if (rc == BC_OK)
        sqlite3_bind_text(st, 1, source_id, -1, SQLITE_TRANSIENT);
    bc_buf ids = BC_BUF_INIT;
    while (bc_store_row(s, st, &rc, err, "listing an article's meetings")) {
        bc_buf_puts(&ids, (const char *)sqlite3_column_text(st, 0));
        bc_buf_putc(&ids, '\0');
    }
    sqlite3_finalize(st);
    if (rc == BC_OK && bc_buf_failed(&ids))
        rc = nomem(err);
    for (size_t at = 0; rc == BC_OK && at < ids.len; at += strlen(ids.data + at) + 1)
        rc = bc_meeting_links_refresh(s, ids.data + at, NULL, err);
    bc_buf_free(&ids);
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
    redate_ids ids;
    memset(&ids, 0, sizeof ids);
    if (rc == BC_OK)
        rc = redate_ids_take(w, id, &ids, err);
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
        rc = redate_ids_keep(w, id, &ids, err);
    redate_ids_free(&ids);
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
    /* the meetings of other articles that are the same as one of its meetings, or of
     * their number, are linked and compared again with it as it reads now: what an ingest
     * with this date would have given them (analyst 13 #6) */
    if (rc == BC_OK)
        rc = relink_meetings(w, id, err);
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
