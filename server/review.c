/* review.c: the review step's kinds and actions, the store helpers its files share
 * (review_int.h), and its reads: the queue, the audit log, one fact (see review.h).
 * Decisions are made in review_decide.c, replayed into a rebuilt store in
 * review_replay.c; an edit's fields are checked in review_edit.c. */
#include "review_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/changes.h"
#include "bordercoop/query.h"

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

int review_one(bc_store *s, const char *sql, const bc_bind *vals, size_t nvals, char *out, size_t n,
               bc_err *err)
{
    int found = 0;
    char ignored[1];
    if (bc_store_lookup(s, sql, vals, nvals, out != NULL ? out : ignored,
                        out != NULL ? n : sizeof ignored, &found, err) != BC_OK)
        return -1;
    return found;
}

void review_now_iso(char out[24])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The id of the document that holds fact id (itself, or its owner) into out (size 200):
 * 1, 0 when there is none, -1 on error. */
static int holder(bc_store *s, const review_kind *k, const char *id, char out[200], bc_err *err)
{
    if (k->owner_sql == NULL)
        return snprintf(out, 200, "%s", id), 1;
    return review_one(s, k->owner_sql, BC_BINDS(bc_text(id)), out, 200, err);
}

int bc_review_fact_path(bc_store *s, bc_review_kind kind, const char *id, bc_buf *out, bc_err *err)
{
    const review_kind *k = review_kind_get(kind);
    char doc[200];
    int found = holder(s, k, id, doc, err);
    if (found < 0)
        return err->code;
    if (found == 0)
        return bc_err_set(err, BC_ENOTFOUND, "no %s with id '%.120s'", k->name, id);
    bc_buf_puts(out, k->path);
    bc_url_encode(out, doc);
    return bc_buf_failed(out) ? bc_err_set(err, BC_ENOMEM, "out of memory") : BC_OK;
}

/* The fact's document as served now into a new string (*out, bc_free), or NULL. */
int review_doc_of(bc_store *s, const char *sql, const char *id, char **out, bc_err *err)
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

/* The document the change feed shows for fact id (its own, or its owner's; NULL when
 * there is none) into *out (bc_free) and its id into doc_id (size 200). */
int review_feed_doc(bc_store *s, const review_kind *k, const char *id, char doc_id[200], char **out,
                    bc_err *err)
{
    *out = NULL;
    int found = holder(s, k, id, doc_id, err);
    if (found <= 0)
        return found < 0 ? BC_ESTORE : BC_OK;
    return review_doc_of(s, feed_doc_sql(k), doc_id, out, err);
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
    while (bc_store_row(s, st, &rc, err, "counting the review queue")) {
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
    while (bc_store_row(s, st, &rc, err, "reading the review queue")) {
        bc_review_kind kind;
        if (bc_review_kind_parse((const char *)sqlite3_column_text(st, 0), &kind, NULL) != BC_OK)
            continue;
        const review_kind *k = &KINDS[kind];
        const char *id = (const char *)sqlite3_column_text(st, 1);
        const char *head = (const char *)sqlite3_column_text(st, 2);
        size_t head_len = (size_t)sqlite3_column_bytes(st, 2);
        /* {"kind":..,"id":..,"source":..} + the document and links */
        char version[BC_REVIEW_VERSION_LEN + 1];
        rc = bc_review_version(s, kind, id, version, err);
        if (rc != BC_OK)
            break;
        bc_buf_puts(items, *count ? "," : "");
        bc_buf_append(items, head, head_len - 1);
        /* what a decision may be conditioned on (If-Match: "<version>") */
        bc_buf_printf(items, ",\"version\":\"%s\",\"fact\":", version);
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
    else if (q->kind == BC_REVIEW_LOG_SOURCES)
        sqlite3_bind_text(st, 1, "source", -1, SQLITE_STATIC);
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
    while (bc_store_row(s, st, &rc, err, "reading the review log")) {
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
    int rc = review_doc_of(s, review_doc_sql(review_kind_get(k)), id, &doc, err);
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
