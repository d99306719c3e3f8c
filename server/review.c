/* review.c: decisions on extracted facts (approve, reject, edit), the queue, the
 * append-only audit log, and replaying the log into a rebuilt store (see review.h). */
#include "review_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/changes.h"
#include "bordercoop/query.h"
#include "bordercoop/search_index.h"
#include "bordercoop/sha256.h"
#include "bordercoop/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CITES(col)                                                                                 \
    "coalesce((SELECT group_concat(x, ',') FROM (SELECT source_id || ':' || quote_start || '-' "   \
    "|| quote_end AS x FROM citations WHERE " col " = ?1 ORDER BY source_id, quote_start, "        \
    "quote_end)), '')"

static const review_kind KINDS[BC_REVIEW_NKINDS] = {
    [BC_REVIEW_FIGURE] =
        {"figure", "figures", "/v1/figures/", "figure",
         "SELECT curation FROM figures WHERE id = ?1",
         "UPDATE figures SET curation = ?2 WHERE id = ?1",
         "SELECT source_id FROM citations WHERE figure_id = ?1 ORDER BY quote_start, id LIMIT 1",
         "SELECT 'figure|' || quote(metric) || '|' || quote(value) || '|' || quote(unit) || '|' "
         "|| quote(qualifier) || '|' || quote(period) || '|' || quote(change_pct) || '|' || "
         "quote(change_qualifier) || '|' || " CITES("figure_id") " FROM figures WHERE id = ?1",
         "SELECT DISTINCT f.id FROM citations c JOIN figures f ON f.id = c.figure_id "
         "WHERE c.source_id = ?1 AND f.curation = 'extracted' ORDER BY f.id"},
    [BC_REVIEW_MEETING] =
        {"meeting", "meetings", "/v1/meetings/", "meeting",
         "SELECT curation FROM meetings WHERE id = ?1",
         "UPDATE meetings SET curation = ?2 WHERE id = ?1",
         "SELECT source_id FROM citations WHERE meeting_id = ?1 ORDER BY quote_start, id LIMIT 1",
         "SELECT 'meeting|' || quote(mechanism_id) || '|' || quote(ordinal) || '|' || quote(date) "
         "|| '|' || quote(status) || '|' || quote(host_province_id) || '|' || " CITES(
             "meeting_id") " FROM meetings WHERE id = ?1",
         "SELECT DISTINCT m.id FROM citations c JOIN meetings m ON m.id = c.meeting_id "
         "WHERE c.source_id = ?1 AND m.curation = 'extracted' ORDER BY m.id"},
    [BC_REVIEW_PROJECT] =
        {"project", "border-gate-projects", "/v1/border-gate-projects/", "border_gate_project",
         "SELECT curation FROM projects WHERE id = ?1",
         "UPDATE projects SET curation = ?2 WHERE id = ?1",
         "SELECT source_id FROM citations WHERE project_id = ?1 ORDER BY quote_start, id LIMIT 1",
         "SELECT 'project|' || quote(kind) || '|' || quote(vn_side) || '|' || quote(cn_side) || "
         "'|' || " CITES("project_id") " FROM projects WHERE id = ?1",
         "SELECT DISTINCT p.id FROM citations c JOIN projects p ON p.id = c.project_id "
         "WHERE c.source_id = ?1 AND p.curation = 'extracted' ORDER BY p.id"},
    [BC_REVIEW_EVENT] =
        {"event", "events", "/v1/events/", "event",
         "SELECT curation FROM coop_events WHERE id = ?1",
         "UPDATE coop_events SET curation = ?2 WHERE id = ?1",
         "SELECT source_id FROM citations WHERE coop_event_id = ?1 ORDER BY quote_start, id "
         "LIMIT 1",
         "SELECT 'event|' || quote(kind) || '|' || quote(status) || '|' || quote(date) || '|' "
         "|| quote(place) || '|' || " CITES("coop_event_id") " FROM coop_events WHERE id = ?1",
         "SELECT DISTINCT ev.id FROM citations c JOIN coop_events ev ON ev.id = "
         "c.coop_event_id WHERE c.source_id = ?1 AND ev.curation = 'extracted' ORDER BY ev.id"},
    [BC_REVIEW_PROJECT_EVENT] =
        {"project_event", "project-events", "/v1/border-gate-projects/", "border_gate_project",
         "SELECT curation FROM project_events WHERE id = ?1",
         "UPDATE project_events SET curation = ?2 WHERE id = ?1",
         "SELECT source_id FROM citations WHERE event_id = ?1 ORDER BY quote_start, id LIMIT 1",
         "SELECT 'project_event|' || quote(project_id) || '|' || quote(kind) || '|' || "
         "quote(date) || '|' || " CITES("event_id") " FROM project_events WHERE id = ?1",
         "SELECT DISTINCT e.id FROM citations c JOIN project_events e ON e.id = c.event_id "
         "WHERE c.source_id = ?1 AND e.curation = 'extracted' ORDER BY e.id",
         .owner_sql = "SELECT project_id FROM project_events WHERE id = ?1",
         .doc_sql = "SELECT json_set(e.doc, '$.type', 'project_event', '$.project', "
                    "json_object('id', p.id, 'name', "
                    "p.name, 'curation', p.curation, 'links', json_object('self', "
                    "'/v1/border-gate-projects/' || p.id))) FROM v_event_doc e JOIN projects p "
                    "ON p.id = e.project_id WHERE e.id = ?1",
         .search_kind = "project"},
};

const review_kind *review_kind_get(bc_review_kind k)
{
    return &KINDS[(unsigned)k < BC_REVIEW_NKINDS ? k : 0];
}

/* The document of the feed's type (?1 the id of the document that holds the fact). */
static const char *feed_doc_sql(const review_kind *k)
{
    const bc_doc_kind *d = bc_doc_kind_find(k->feed_type);
    return d != NULL ? d->doc_sql : "SELECT NULL WHERE ?1 IS NULL";
}

const char *review_doc_sql(const review_kind *k)
{
    if (k->doc_sql != NULL)
        return k->doc_sql;
    const bc_doc_kind *d = bc_doc_kind_find(k->feed_type);
    return d != NULL ? d->doc_sql : "SELECT NULL WHERE ?1 IS NULL";
}

int bc_review_kind_parse(const char *s, bc_review_kind *out, bc_err *err)
{
    for (int k = 0; s != NULL && k < BC_REVIEW_NKINDS; k++)
        if (strcmp(s, KINDS[k].collection) == 0 || strcmp(s, KINDS[k].name) == 0) {
            *out = (bc_review_kind)k;
            return BC_OK;
        }
    return bc_err_set(err, BC_EINVAL,
                      "unknown kind '%.40s'; allowed: figures, meetings, border-gate-projects, "
                      "events, project-events",
                      s ? s : "");
}

const char *bc_review_kind_name(bc_review_kind k)
{
    return review_kind_get(k)->name;
}

const char *bc_review_kind_collection(bc_review_kind k)
{
    return review_kind_get(k)->collection;
}

static const char *const ACTIONS[] = {"approve", "reject", "edit"};

int bc_review_action_parse(const char *s, bc_review_action *out, bc_err *err)
{
    for (int a = 0; s != NULL && a < 3; a++)
        if (strcmp(s, ACTIONS[a]) == 0) {
            *out = (bc_review_action)a;
            return BC_OK;
        }
    return bc_err_set(err, BC_EINVAL, "unknown action '%.40s'; allowed: approve, reject, edit",
                      s ? s : "");
}

const char *bc_review_action_name(bc_review_action a)
{
    return (unsigned)a < 3 ? ACTIONS[a] : "?";
}

/* ---- small store helpers ------------------------------------------------------------ */

/* The first column of sql's first row (?1 = a, ?2 = b and ?3 = c when not NULL) into
 * out (size n): 1 when there was a row, 0 when none, -1 on error (err set). */
static int one3(bc_store *s, const char *sql, const char *a, const char *b, const char *c,
                char *out, size_t n, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    if (bc_store_stmt(s, sql, &st, err) != BC_OK)
        return -1;
    sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
    if (b != NULL)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    if (c != NULL)
        sqlite3_bind_text(st, 3, c, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st), found = -1;
    if (step == SQLITE_ROW) {
        const unsigned char *v = sqlite3_column_text(st, 0);
        if (out != NULL)
            snprintf(out, n, "%s", v ? (const char *)v : "");
        found = 1;
    } else if (step == SQLITE_DONE) {
        found = 0;
    } else {
        bc_store_error(s, err, "reading the store");
    }
    sqlite3_reset(st);
    return found;
}

static int one(bc_store *s, const char *sql, const char *a, const char *b, char *out, size_t n,
               bc_err *err)
{
    return one3(s, sql, a, b, NULL, out, n, err);
}

/* Runs sql binding ?1 = a, ?2 = b (when not NULL). */
static int run2(bc_store *s, const char *sql, const char *a, const char *b, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, sql, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
    if (b != NULL)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = bc_store_error(s, err, "writing a review decision");
    sqlite3_reset(st);
    return rc;
}

static void now_iso(char out[24])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The fingerprint of fact id as it is stored now (hex SHA-256 into fp). */
static int fingerprint(bc_store *s, const review_kind *k, const char *id, char fp[65], bc_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, k->fingerprint_sql, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW)
        bc_sha256_hex(sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0), fp);
    else
        rc = bc_err_set(err, BC_ENOTFOUND, "no %s '%s'", k->name, id);
    sqlite3_reset(st);
    return rc;
}

/* The fingerprint the fact's earlier decisions were made on (the latest decision applied
 * to it in this store): 1 when there is one, 0 when none, -1 on error. */
static int decided_fingerprint(bc_store *s, const review_kind *k, const char *id, char fp[65],
                               bc_err *err)
{
    return one(s,
               "SELECT l.fingerprint FROM review_outcomes o JOIN review_log l ON l.seq = o.seq "
               "WHERE o.status = 'applied' AND o.fact_id = ?2 AND l.kind = ?1 "
               "ORDER BY o.seq DESC LIMIT 1",
               k->name, id, fp, 65, err);
}

/* Moves the content version forward (a hash of the previous one and what changed), so
 * ETags and caches follow the decision, and records the modification time. */
static int bump_version(bc_store *s, const char *what, char version[65], bc_err *err)
{
    char old[65] = "", now[24];
    if (one(s, "SELECT value FROM store_meta WHERE key = ?1", "content_version", NULL, old,
            sizeof old, err) < 0)
        return BC_ESTORE;
    bc_sha256 h;
    unsigned char d[32];
    bc_sha256_init(&h);
    bc_sha256_update(&h, old, strlen(old));
    bc_sha256_update(&h, "|review|", 8);
    bc_sha256_update(&h, what, strlen(what));
    bc_sha256_final(&h, d);
    bc_sha256_tohex(d, version);
    now_iso(now);
    int rc = run2(s, "INSERT OR REPLACE INTO store_meta (key, value) VALUES (?1, ?2)",
                  "content_version", version, err);
    if (rc == BC_OK)
        rc = run2(s, "INSERT OR REPLACE INTO store_meta (key, value) VALUES (?1, ?2)",
                  "modified_at", now, err);
    return rc;
}

/* Keeps the search index in step: a rejected fact is not found, any other is indexed as
 * it now reads. */
static int reindex(bc_store *s, const review_kind *k, const char *id, const char *to, bc_err *err)
{
    const char *kind = k->search_kind != NULL ? k->search_kind : k->name;
    char owner[200];
    if (k->owner_sql != NULL) {
        /* a part: its document is indexed as it now reads (the view leaves out parts
         * that are not trusted) */
        int found = one(s, k->owner_sql, id, NULL, owner, sizeof owner, err);
        if (found <= 0)
            return found < 0 ? BC_ESTORE : BC_OK;
        id = owner;
        to = "reviewed";
    }
    int rc = bc_search_unindex(s, kind, id, err);
    if (rc == BC_OK && strcmp(to, "rejected") != 0)
        rc = bc_search_index_entity(s, kind, id, err);
    return rc;
}

/* The id of the document that holds fact id (itself, or its owner) into out (size 200):
 * 1, 0 when there is none, -1 on error. */
static int holder(bc_store *s, const review_kind *k, const char *id, char out[200], bc_err *err)
{
    if (k->owner_sql == NULL)
        return snprintf(out, 200, "%s", id), 1;
    return one(s, k->owner_sql, id, NULL, out, 200, err);
}

int bc_review_fact_path(bc_store *s, bc_review_kind kind, const char *id, bc_buf *out, bc_err *err)
{
    const review_kind *k = review_kind_get(kind);
    char doc[200];
    int found = holder(s, k, id, doc, err);
    if (found < 0)
        return BC_ESTORE;
    if (found == 0)
        return bc_err_set(err, BC_ENOTFOUND, "no %s with id '%.120s'", k->name, id);
    bc_buf_puts(out, k->path);
    bc_url_encode(out, doc);
    return bc_buf_failed(out) ? bc_err_set(err, BC_ENOMEM, "out of memory") : BC_OK;
}

/* The last decision applied to the fact, for a conflict's message ("approved by alice at
 * ..."), into out. */
static void last_decision(bc_store *s, const review_kind *k, const char *id, char *out, size_t n)
{
    bc_err ignored;
    char text[300] = "";
    if (one(s,
            "SELECT l.action || ' by ' || l.reviewer || ' at ' || l.at || ' (log entry ' || "
            "l.seq || ')' FROM review_outcomes o JOIN review_log l ON l.seq = o.seq "
            "WHERE o.status = 'applied' AND o.fact_id = ?2 AND l.kind = ?1 "
            "ORDER BY o.seq DESC LIMIT 1",
            k->name, id, text, sizeof text, &ignored) == 1)
        snprintf(out, n, "; last decision: %s", text);
    else
        out[0] = '\0';
}

/* The fact's document as served now into a new string (*out, bc_free), or NULL. */
static int doc_of(bc_store *s, const char *sql, const char *id, char **out, bc_err *err)
{
    *out = NULL;
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, sql, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL) {
        *out = bc_strdup((const char *)sqlite3_column_text(st, 0));
        if (*out == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    } else if (step != SQLITE_ROW && step != SQLITE_DONE) {
        rc = bc_store_error(s, err, "reading a document");
    }
    sqlite3_reset(st);
    return rc;
}

static int current_doc(bc_store *s, const review_kind *k, const char *id, char **out, bc_err *err)
{
    return doc_of(s, review_doc_sql(k), id, out, err);
}

/* The document the change feed shows for fact id (its own, or its owner's; NULL when
 * there is none) into *out (bc_free) and its id into doc_id (size 200). */
static int feed_doc(bc_store *s, const review_kind *k, const char *id, char doc_id[200], char **out,
                    bc_err *err)
{
    *out = NULL;
    int found = holder(s, k, id, doc_id, err);
    if (found <= 0)
        return found < 0 ? BC_ESTORE : BC_OK;
    return doc_of(s, feed_doc_sql(k), doc_id, out, err);
}

/* Appends the decision to the change feed: the fact (or the document that holds it)
 * changed, in the top-level fields where its document before (JSON text) and now
 * differ, by the reviewer. */
static int feed(bc_store *s, const review_kind *k, const char *fact_id, const char *before,
                const char *reviewer, const char *note, const char *at, bc_err *err)
{
    char *now = NULL, id[200] = "";
    int rc = feed_doc(s, k, fact_id, id, &now, err);
    json_t *a = before ? json_loads(before, 0, NULL) : NULL,
           *b = now ? json_loads(now, 0, NULL) : NULL;
    const char *fields[64];
    size_t n = 0;
    const char *key;
    json_t *v;
    json_object_foreach(b, key, v)
    {
        if (n < 63 && !json_equal(v, json_object_get(a, key)))
            fields[n++] = key;
    }
    fields[n] = NULL;
    bc_change c = {k->feed_type, id, BC_CHANGE_CHANGED, fields, reviewer, "review", note, at};
    if (rc == BC_OK)
        rc = bc_changes_append(s, &c, NULL, err);
    json_decref(a);
    json_decref(b);
    bc_free(now);
    return rc;
}

/* What an action turns a fact in state `from` into: "reviewed" or "rejected"; NULL
 * when the action makes no sense from there. */
static const char *transition(bc_review_action a, const char *from)
{
    int extracted = strcmp(from, "extracted") == 0, reviewed = strcmp(from, "reviewed") == 0,
        rejected = strcmp(from, "rejected") == 0;
    switch (a) {
    case BC_REVIEW_APPROVE:
        return extracted || rejected ? "reviewed" : NULL;
    case BC_REVIEW_REJECT:
        return extracted || reviewed ? "rejected" : NULL;
    case BC_REVIEW_EDIT:
        return extracted || reviewed || rejected ? "reviewed" : NULL;
    }
    return NULL;
}

/* Applies action to fact id inside the caller's transaction: checks its state, applies
 * an edit's fields, sets the curation and the search index. Fills from/to, *changes
 * (edit: new, json_decref) and field (on BC_EINVAL). */
static int apply_action(bc_store *s, bc_review_kind kind, const char *id, bc_review_action action,
                        json_t *fields, char from[16], char to[16], json_t **changes,
                        char field[80], bc_err *err)
{
    const review_kind *k = review_kind_get(kind);
    *changes = NULL;
    int found = one(s, k->state_sql, id, NULL, from, 16, err);
    if (found < 0)
        return BC_ESTORE;
    if (found == 0)
        return bc_err_set(err, BC_ENOTFOUND, "no %s with id '%.120s'", k->name, id);
    if (strcmp(from, "curated") == 0)
        return bc_err_set(err, BC_ECONFLICT,
                          "%s '%.120s' is curated (read by a person, from data/): only "
                          "extracted facts are reviewed here",
                          k->name, id);
    const char *next = transition(action, from);
    if (next == NULL) {
        char last[360];
        last_decision(s, k, id, last, sizeof last);
        return bc_err_set(err, BC_ECONFLICT, "%s '%.120s' is already %s: nothing to %s%s", k->name,
                          id, from, bc_review_action_name(action), last);
    }
    snprintf(to, 16, "%s", next);
    int rc = BC_OK;
    if (action == BC_REVIEW_EDIT)
        rc = review_edit_apply(s, kind, id, fields, changes, field, err);
    if (rc == BC_OK)
        rc = run2(s, k->set_sql, id, to, err);
    /* a reviewed meeting is no longer only machine-read: its title loses the mark */
    if (rc == BC_OK && kind == BC_REVIEW_MEETING && strcmp(to, "reviewed") == 0)
        rc = run2(s,
                  "UPDATE meetings SET title = substr(title, 1, length(title) - length(?2)) "
                  "WHERE id = ?1 AND length(title) > length(?2) AND substr(title, -length(?2)) "
                  "= ?2",
                  id, " (extracted)", err);
    if (rc == BC_OK)
        rc = reindex(s, k, id, to, err);
    if (rc != BC_OK) {
        json_decref(*changes);
        *changes = NULL;
    }
    return rc;
}

/* Takes the writer lock of s's file: a descriptor, -2 for an in-memory store, -1 on
 * failure (err set). */
static int lock_store(bc_store *s, bc_err *err)
{
    const char *path = sqlite3_db_filename(bc_store_db(s), "main");
    if (path == NULL || path[0] == '\0')
        return -2;
    return bc_store_lock(path, 30000, err);
}

static int check_text(const char *v, size_t max)
{
    return v == NULL || (v[0] != '\0' && strlen(v) <= max && bc_utf8_valid(v, strlen(v)) &&
                         bc_text_control(v, strlen(v), BC_TEXT_LINES) == strlen(v));
}

int bc_review_decide(bc_store *w, const bc_review_request *rq, bc_review_result *out, bc_err *err)
{
    memset(out, 0, sizeof *out);
    const review_kind *k = review_kind_get(rq->kind);
    if ((unsigned)rq->kind >= BC_REVIEW_NKINDS)
        return bc_err_set(err, BC_EINVAL, "unknown kind");
    if (rq->fact_id == NULL || rq->fact_id[0] == '\0' || strlen(rq->fact_id) > 200)
        return snprintf(out->field, sizeof out->field, "id"),
               bc_err_set(err, BC_EINVAL, "a fact id is 1 to 200 bytes");
    if (!check_text(rq->note, 2000))
        return snprintf(out->field, sizeof out->field, "note"),
               bc_err_set(err, BC_EINVAL,
                          "note: 1 to 2000 bytes of UTF-8 without control characters other "
                          "than tab and line breaks (or leave it out)");
    if (rq->reviewer == NULL || rq->reviewer[0] == '\0')
        return bc_err_set(err, BC_EINVAL, "a decision needs a reviewer");
    if (rq->action != BC_REVIEW_EDIT && rq->fields != NULL)
        return snprintf(out->field, sizeof out->field, "fields"),
               bc_err_set(err, BC_EINVAL, "fields: only an edit corrects fields; %s takes none",
                          bc_review_action_name(rq->action));
    int lock = lock_store(w, err);
    if (lock == -1)
        return err->code ? err->code : BC_EIO;
    char fp[65] = "", from[16] = "", to[16] = "", source[200] = "", now[24];
    json_t *changes = NULL;
    now_iso(now);
    int rc = bc_store_exec(w, "BEGIN IMMEDIATE", err);
    if (rc == BC_OK) {
        /* the fingerprint of the fact as extracted: computed before the first decision,
         * inherited from the earlier decisions after it */
        int had = decided_fingerprint(w, k, rq->fact_id, fp, err);
        if (had < 0)
            rc = BC_ESTORE;
        else if (had == 0 && one(w, k->state_sql, rq->fact_id, NULL, from, sizeof from, err) == 1 &&
                 strcmp(from, "extracted") == 0)
            rc = fingerprint(w, k, rq->fact_id, fp, err);
    }
    char *before = NULL, before_id[200];
    if (rc == BC_OK)
        rc = feed_doc(w, k, rq->fact_id, before_id, &before, err);
    if (rc == BC_OK)
        rc = apply_action(w, rq->kind, rq->fact_id, rq->action, rq->fields, from, to, &changes,
                          out->field, err);
    if (rc == BC_OK && fp[0] == '\0')
        rc = fingerprint(w, k, rq->fact_id, fp, err); /* a store edited by hand: best we can */
    if (rc == BC_OK && one(w, k->source_sql, rq->fact_id, NULL, source, sizeof source, err) < 0)
        rc = BC_ESTORE;
    char *changes_text =
        changes ? json_dumps(changes, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
    if (rc == BC_OK) {
        sqlite3_stmt *st = NULL;
        rc = bc_store_stmt(w,
                           "INSERT INTO review_log (at, reviewer, via, action, kind, fact_id, "
                           "source_id, fingerprint, from_curation, to_curation, changes, note) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                           &st, err);
        if (rc == BC_OK) {
            const char *v[] = {now,
                               rq->reviewer,
                               rq->via ? rq->via : "api",
                               bc_review_action_name(rq->action),
                               k->name,
                               rq->fact_id,
                               source[0] ? source : NULL,
                               fp,
                               from,
                               to,
                               changes_text,
                               rq->note};
            for (int i = 0; i < 12; i++)
                if (v[i] != NULL)
                    sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_TRANSIENT);
            if (sqlite3_step(st) != SQLITE_DONE)
                rc = bc_store_error(w, err, "appending to the review log");
            sqlite3_reset(st);
            out->seq = sqlite3_last_insert_rowid(bc_store_db(w));
        }
    }
    char seq[24];
    snprintf(seq, sizeof seq, "%lld", out->seq);
    if (rc == BC_OK)
        rc = run2(w,
                  "INSERT INTO review_outcomes (seq, status, fact_id) "
                  "VALUES (CAST(?1 AS INTEGER), 'applied', ?2)",
                  seq, rq->fact_id, err);
    if (rc == BC_OK)
        rc = bump_version(w, seq, out->content_version, err);
    if (rc == BC_OK)
        rc = feed(w, k, rq->fact_id, before, rq->reviewer, rq->note, now, err);
    if (rc == BC_OK)
        rc = bc_store_exec(w, "COMMIT", err);
    if (rc != BC_OK)
        sqlite3_exec(bc_store_db(w), "ROLLBACK", NULL, NULL, NULL);
    bc_store_unlock(lock);
    free(changes_text);
    json_decref(changes);
    bc_free(before);
    if (rc == BC_OK) {
        snprintf(out->from, sizeof out->from, "%s", from);
        snprintf(out->to, sizeof out->to, "%s", to);
    } else {
        char field[80];
        snprintf(field, sizeof field, "%s", out->field);
        memset(out, 0, sizeof *out);
        snprintf(out->field, sizeof out->field, "%s", field);
    }
    return rc;
}

/* ---- the queue and the log ---------------------------------------------------------- */

static int clamp_limit(int limit)
{
    return limit < 1 ? 50 : limit > 500 ? 500 : limit;
}

int bc_review_pending(bc_store *s, const bc_review_query *q, bc_buf *items, size_t *count,
                      long long pending[BC_REVIEW_NKINDS], bc_err *err)
{
    *count = 0;
    for (int k = 0; k < BC_REVIEW_NKINDS; k++)
        pending[k] = 0;
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s,
                           "SELECT kind, count(*) FROM v_review_queue WHERE (?1 IS NULL OR "
                           "source_id = ?1) GROUP BY kind",
                           &st, err);
    if (rc == BC_OK && q->source_id != NULL)
        sqlite3_bind_text(st, 1, q->source_id, -1, SQLITE_TRANSIENT);
    while (rc == BC_OK) {
        int step = sqlite3_step(st);
        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            rc = bc_store_error(s, err, "counting the review queue");
            break;
        }
        bc_review_kind k;
        if (bc_review_kind_parse((const char *)sqlite3_column_text(st, 0), &k, NULL) == BC_OK)
            pending[k] = sqlite3_column_int64(st, 1);
    }
    if (rc == BC_OK)
        sqlite3_reset(st);
    if (rc == BC_OK)
        rc = bc_store_stmt(s,
                           "SELECT q.kind, q.id, json_object('kind', q.kind, 'id', q.id, "
                           "'source', (SELECT json_object('id', s.id, 'title', s.title, 'lang', "
                           "s.lang, 'published_on', s.published_on, 'ingested_at', "
                           "s.ingested_at, 'ingested_by', s.ingested_by, 'links', "
                           "json_object('self', '/v1/sources/' || s.id)) FROM sources s "
                           "WHERE s.id = q.source_id)) "
                           "FROM v_review_queue q WHERE (?1 IS NULL OR q.kind = ?1) "
                           "AND (?2 IS NULL OR q.source_id = ?2) "
                           "ORDER BY q.source_id IS NULL, (SELECT s.rowid FROM sources s WHERE "
                           "s.id = q.source_id), q.quote_start, q.kind, q.id LIMIT ?3 OFFSET ?4",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    if (q->kind >= 0 && q->kind < BC_REVIEW_NKINDS)
        sqlite3_bind_text(st, 1, KINDS[q->kind].name, -1, SQLITE_STATIC);
    if (q->source_id != NULL)
        sqlite3_bind_text(st, 2, q->source_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 3, clamp_limit(q->limit));
    sqlite3_bind_int(st, 4, q->offset < 0 ? 0 : q->offset);
    bc_buf_putc(items, '[');
    while (rc == BC_OK) {
        int step = sqlite3_step(st);
        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            rc = bc_store_error(s, err, "reading the review queue");
            break;
        }
        bc_review_kind kind;
        if (bc_review_kind_parse((const char *)sqlite3_column_text(st, 0), &kind, NULL) != BC_OK)
            continue;
        const review_kind *k = &KINDS[kind];
        const char *id = (const char *)sqlite3_column_text(st, 1);
        const char *head = (const char *)sqlite3_column_text(st, 2);
        size_t head_len = (size_t)sqlite3_column_bytes(st, 2);
        /* {"kind":..,"id":..,"source":..} + the document and links */
        bc_buf_puts(items, *count ? "," : "");
        bc_buf_append(items, head, head_len - 1);
        bc_buf_puts(items, ",\"fact\":");
        sqlite3_stmt *doc = NULL;
        rc = bc_store_stmt(s, review_doc_sql(k), &doc, err);
        if (rc != BC_OK)
            break;
        sqlite3_bind_text(doc, 1, id, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(doc) == SQLITE_ROW)
            bc_buf_append(items, sqlite3_column_text(doc, 0), (size_t)sqlite3_column_bytes(doc, 0));
        else
            bc_buf_puts(items, "null");
        sqlite3_reset(doc);
        bc_buf_puts(items, ",\"links\":{\"self\":");
        bc_buf t = BC_BUF_INIT;
        rc = bc_review_fact_path(s, kind, id, &t, err);
        if (rc != BC_OK) {
            bc_buf_free(&t);
            break;
        }
        bc_buf_json_string(items, t.data, t.len);
        bc_buf_reset(&t);
        bc_buf_printf(&t, "/v1/review/%s/%s", k->collection, id);
        bc_buf_puts(items, ",\"review\":");
        bc_buf_json_string(items, t.data, t.len);
        bc_buf_free(&t);
        bc_buf_puts(items, "}}");
        (*count)++;
    }
    sqlite3_reset(st);
    bc_buf_putc(items, ']');
    if (rc == BC_OK && bc_buf_failed(items))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory listing the review queue");
    return rc;
}

#define LOG_FILTER                                                                                 \
    "WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR fact_id = ?2) "                            \
    "AND (?3 IS NULL OR reviewer = ?3) AND (?4 IS NULL OR status = ?4)"

static void bind_log_filter(sqlite3_stmt *st, const bc_review_log_query *q)
{
    if (q->kind >= 0 && q->kind < BC_REVIEW_NKINDS)
        sqlite3_bind_text(st, 1, KINDS[q->kind].name, -1, SQLITE_STATIC);
    else if (q->kind == BC_REVIEW_LOG_KEYS)
        sqlite3_bind_text(st, 1, "key", -1, SQLITE_STATIC);
    if (q->fact_id != NULL)
        sqlite3_bind_text(st, 2, q->fact_id, -1, SQLITE_TRANSIENT);
    if (q->reviewer != NULL)
        sqlite3_bind_text(st, 3, q->reviewer, -1, SQLITE_TRANSIENT);
    if (q->status != NULL)
        sqlite3_bind_text(st, 4, q->status, -1, SQLITE_TRANSIENT);
}

int bc_review_log(bc_store *s, const bc_review_log_query *q, bc_buf *items, size_t *count,
                  long long *total, bc_err *err)
{
    *count = 0;
    *total = 0;
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, "SELECT count(*) FROM v_review_log_doc " LOG_FILTER, &st, err);
    if (rc != BC_OK)
        return rc;
    bind_log_filter(st, q);
    if (sqlite3_step(st) == SQLITE_ROW)
        *total = sqlite3_column_int64(st, 0);
    else
        rc = bc_store_error(s, err, "counting the review log");
    sqlite3_reset(st);
    if (rc == BC_OK)
        rc = bc_store_stmt(s,
                           "SELECT doc FROM v_review_log_doc " LOG_FILTER
                           " ORDER BY seq DESC LIMIT ?5 OFFSET ?6",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    bind_log_filter(st, q);
    sqlite3_bind_int(st, 5, clamp_limit(q->limit));
    sqlite3_bind_int(st, 6, q->offset < 0 ? 0 : q->offset);
    bc_buf_putc(items, '[');
    while (rc == BC_OK) {
        int step = sqlite3_step(st);
        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            rc = bc_store_error(s, err, "reading the review log");
            break;
        }
        bc_buf_puts(items, *count ? "," : "");
        bc_buf_append(items, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
        (*count)++;
    }
    sqlite3_reset(st);
    bc_buf_putc(items, ']');
    if (rc == BC_OK && bc_buf_failed(items))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory listing the review log");
    return rc;
}

int bc_review_fact(bc_store *s, bc_review_kind k, const char *id, bc_buf *out, bc_err *err)
{
    if ((unsigned)k >= BC_REVIEW_NKINDS)
        return bc_err_set(err, BC_EINVAL, "unknown kind");
    char *doc = NULL;
    int rc = current_doc(s, review_kind_get(k), id, &doc, err);
    if (rc == BC_OK && doc == NULL)
        rc = bc_err_set(err, BC_ENOTFOUND, "no %s with id '%.120s'", review_kind_get(k)->name, id);
    if (rc == BC_OK)
        bc_buf_puts(out, doc);
    bc_free(doc);
    return rc;
}

int bc_review_log_entry(bc_store *s, long long seq, bc_buf *out, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, "SELECT doc FROM v_review_log_doc WHERE seq = ?1", &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_int64(st, 1, seq);
    if (sqlite3_step(st) == SQLITE_ROW)
        bc_buf_append(out, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
    else
        rc = bc_err_set(err, BC_ENOTFOUND, "no review log entry %lld", seq);
    sqlite3_reset(st);
    return rc;
}

/* ---- rebuilds ----------------------------------------------------------------------- */

/* The fact of `to` that a carried-over decision was made on: the fact it was applied to
 * by an earlier decision of this replay (same kind, id and fingerprint), else an
 * extracted fact with the recorded id, else one quoted from the same article, whose
 * fingerprint is the decision's. Writes its id into target (size 200), or the reason
 * there is none into why (size 200) and leaves target empty. */
static int find_target(bc_store *to, const review_kind *k, const char *fact_id,
                       const char *source_id, const char *fp, char *target, char *why, bc_err *err)
{
    target[0] = why[0] = '\0';
    int found = one3(to,
                     "SELECT o.fact_id FROM review_outcomes o JOIN review_log l ON l.seq = o.seq "
                     "WHERE o.status = 'applied' AND l.kind = ?1 AND l.fact_id = ?2 AND "
                     "l.fingerprint = ?3 ORDER BY o.seq DESC LIMIT 1",
                     k->name, fact_id, fp, target, 200, err);
    if (found < 0)
        return BC_ESTORE;
    if (found == 1)
        return BC_OK;
    sqlite3_stmt *st = NULL;
    int rc = BC_OK;
    char state[16], here[65];
    found = one(to, k->state_sql, fact_id, NULL, state, sizeof state, err);
    if (found < 0)
        return BC_ESTORE;
    if (found == 1 && strcmp(state, "extracted") == 0) {
        rc = fingerprint(to, k, fact_id, here, err);
        if (rc != BC_OK)
            return rc;
        if (strcmp(here, fp) == 0) {
            snprintf(target, 200, "%s", fact_id);
            return BC_OK;
        }
    }
    /* the extractor may number an article's facts differently now: look at the others
     * quoted from the same article */
    if (source_id != NULL && source_id[0] != '\0') {
        rc = bc_store_stmt(to, k->from_source_sql, &st, err);
        if (rc != BC_OK)
            return rc;
        sqlite3_bind_text(st, 1, source_id, -1, SQLITE_TRANSIENT);
        char ids[64][200];
        int n = 0;
        while (n < 64 && sqlite3_step(st) == SQLITE_ROW)
            snprintf(ids[n++], 200, "%s", sqlite3_column_text(st, 0));
        sqlite3_reset(st);
        for (int i = 0; i < n && rc == BC_OK; i++) {
            rc = fingerprint(to, k, ids[i], here, err);
            if (rc == BC_OK && strcmp(here, fp) == 0) {
                snprintf(target, 200, "%.199s", ids[i]);
                return BC_OK;
            }
        }
        if (rc != BC_OK)
            return rc;
    }
    if (found == 1 && strcmp(state, "extracted") == 0)
        snprintf(why, 200, "the article was re-extracted and %s '%.100s' now reads differently",
                 k->name, fact_id);
    else if (found == 1)
        snprintf(why, 200, "%s '%.100s' is now %s and was not the fact decided on", k->name,
                 fact_id, state);
    else
        snprintf(why, 200, "the article was re-extracted and no longer yields this %s", k->name);
    return BC_OK;
}

/* Replays decision `seq` (already copied into to's log) and records its outcome. */
static int replay_one(bc_store *to, sqlite3_stmt *row, bc_review_replay *stats, bc_err *err)
{
    long long seq = sqlite3_column_int64(row, 0);
    const char *kind_s = (const char *)sqlite3_column_text(row, 1);
    const char *fact_id = (const char *)sqlite3_column_text(row, 2);
    const char *source_id = (const char *)sqlite3_column_text(row, 3);
    const char *fp = (const char *)sqlite3_column_text(row, 4);
    const char *action_s = (const char *)sqlite3_column_text(row, 5);
    const char *changes_s = (const char *)sqlite3_column_text(row, 6);
    char target[200] = "", why[400] = "";
    bc_review_kind kind;
    bc_review_action action;
    int rc = BC_OK;
    if (bc_review_kind_parse(kind_s, &kind, NULL) != BC_OK ||
        bc_review_action_parse(action_s, &action, NULL) != BC_OK || fact_id == NULL || fp == NULL)
        snprintf(why, sizeof why, "the log entry cannot be read by this version");
    else
        rc = find_target(to, &KINDS[kind], fact_id, source_id, fp, target, why, err);
    if (rc != BC_OK)
        return rc;
    if (target[0] != '\0') {
        /* apply it as it was made: an edit's corrected values are its "to"s */
        json_t *fields = NULL, *changes = NULL;
        if (action == BC_REVIEW_EDIT) {
            json_t *recorded = changes_s ? json_loads(changes_s, 0, NULL) : NULL;
            fields = json_object();
            const char *key;
            json_t *v;
            json_object_foreach(recorded, key, v)
            {
                json_object_set(fields, key, json_object_get(v, "to"));
            }
            json_decref(recorded);
        }
        char from[16], next[16], field[80];
        rc = bc_store_exec(to, "SAVEPOINT replay", err);
        if (rc == BC_OK) {
            bc_err why_err;
            int arc = apply_action(to, kind, target, action, fields, from, next, &changes, field,
                                   &why_err);
            if (arc == BC_OK) {
                rc = bc_store_exec(to, "RELEASE replay", err);
            } else if (arc == BC_ESTORE || arc == BC_ENOMEM) {
                *err = why_err;
                rc = arc;
            } else {
                snprintf(why, sizeof why, "could not be applied again: %.360s", why_err.msg);
                target[0] = '\0';
                rc = bc_store_exec(to, "ROLLBACK TO replay; RELEASE replay", err);
            }
        }
        json_decref(fields);
        json_decref(changes);
    }
    if (rc != BC_OK)
        return rc;
    char seqtext[24];
    snprintf(seqtext, sizeof seqtext, "%lld", seq);
    sqlite3_stmt *st = NULL;
    rc = bc_store_stmt(to,
                       "INSERT INTO review_outcomes (seq, status, fact_id, reason) "
                       "VALUES (?1, ?2, ?3, ?4)",
                       &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_int64(st, 1, seq);
    sqlite3_bind_text(st, 2, target[0] ? "applied" : "orphaned", -1, SQLITE_STATIC);
    if (target[0])
        sqlite3_bind_text(st, 3, target, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_text(st, 4, why, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = bc_store_error(to, err, "recording a replayed decision");
    sqlite3_reset(st);
    if (rc == BC_OK && target[0])
        stats->applied++;
    else if (rc == BC_OK)
        stats->orphaned++;
    return rc;
}

int bc_review_carry_over(bc_store *from, bc_store *to, bc_review_replay *stats, bc_err *err)
{
    bc_review_replay local;
    if (stats == NULL)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    char ignored[8];
    int present = one(from, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                      "review_log", NULL, ignored, sizeof ignored, err);
    if (present <= 0)
        return present < 0 ? BC_ESTORE : BC_OK;
    sqlite3_stmt *rd = NULL, *wr = NULL;
    int rc = bc_store_exec(to, "BEGIN IMMEDIATE", err);
    if (rc == BC_OK)
        rc = bc_store_stmt(from,
                           "SELECT seq, at, reviewer, via, action, kind, fact_id, source_id, "
                           "fingerprint, from_curation, to_curation, changes, note "
                           "FROM review_log ORDER BY seq",
                           &rd, err);
    if (rc == BC_OK)
        rc = bc_store_stmt(to,
                           "INSERT INTO review_log (seq, at, reviewer, via, action, kind, "
                           "fact_id, source_id, fingerprint, from_curation, to_curation, "
                           "changes, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                           "?12, ?13)",
                           &wr, err);
    while (rc == BC_OK) {
        int step = sqlite3_step(rd);
        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            rc = bc_store_error(from, err, "reading the review log to carry over");
            break;
        }
        for (int i = 0; i < 13; i++)
            sqlite3_bind_value(wr, i + 1, sqlite3_column_value(rd, i));
        int key_change = sqlite3_column_text(rd, 5) != NULL &&
                         strcmp((const char *)sqlite3_column_text(rd, 5), "key") == 0;
        if (sqlite3_step(wr) != SQLITE_DONE)
            rc = bc_store_error(to, err, "carrying the review log over");
        sqlite3_reset(wr);
        if (rc == BC_OK && !key_change)
            stats->decisions++;
    }
    if (rc == BC_OK)
        sqlite3_reset(rd);
    /* a store from before key changes were logged (migration 0017): enter its keys'
     * changes from the carried-over key table, as the migration does */
    if (rc == BC_OK)
        rc = bc_store_exec(
            to,
            "INSERT INTO review_log (at, reviewer, via, action, kind, fact_id, fingerprint, "
            "from_curation, to_curation, changes) SELECT at, actor, 'cli', action, 'key', name, "
            "printf('%064d', 0), f, t, changes FROM (SELECT created_at AS at, created_by AS "
            "actor, 'key_add' AS action, name, 'none' AS f, 'active' AS t, json_object('role', "
            "json_object('from', NULL, 'to', role)) AS changes, id, 0 AS ord FROM api_keys "
            "UNION ALL SELECT revoked_at, revoked_by, 'key_revoke', name, 'active', 'revoked', "
            "json_object('role', json_object('from', role, 'to', NULL)), id, 1 FROM api_keys "
            "WHERE revoked_at IS NOT NULL) WHERE NOT EXISTS (SELECT 1 FROM review_log WHERE "
            "kind = 'key') ORDER BY at, id, ord",
            err);
    /* key changes: the keys are carried over as they are (keys.c), nothing to replay */
    if (rc == BC_OK)
        rc = bc_store_exec(to,
                           "INSERT INTO review_outcomes (seq, status, fact_id) SELECT seq, "
                           "'applied', fact_id FROM review_log WHERE kind = 'key'",
                           err);
    /* replay in the order the decisions were made */
    sqlite3_stmt *row = NULL;
    if (rc == BC_OK)
        rc = bc_store_prepare(to,
                              "SELECT seq, kind, fact_id, source_id, fingerprint, action, "
                              "changes FROM review_log WHERE kind <> 'key' ORDER BY seq",
                              &row, err);
    long long last = 0;
    while (rc == BC_OK) {
        int step = sqlite3_step(row);
        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            rc = bc_store_error(to, err, "replaying the review log");
            break;
        }
        last = sqlite3_column_int64(row, 0);
        rc = replay_one(to, row, stats, err);
    }
    sqlite3_finalize(row);
    if (rc == BC_OK && stats->applied > 0) {
        char what[64], version[65];
        snprintf(what, sizeof what, "replay:%lld:%d", last, stats->applied);
        rc = bump_version(to, what, version, err);
    }
    if (rc == BC_OK)
        rc = bc_store_exec(to, "COMMIT", err);
    if (rc != BC_OK) {
        sqlite3_exec(bc_store_db(to), "ROLLBACK", NULL, NULL, NULL);
        bc_err inner = *err;
        bc_err_set(err, inner.code ? inner.code : BC_ESTORE,
                   "carrying the review decisions over: %s", inner.msg);
    }
    return rc;
}
