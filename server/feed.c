/* feed.c: GET /v1/changes (JSON), /v1/changes.atom (RFC 4287) and the bulk export over
 * HTTP (/v1/export.ndjson, /v1/export/index.json); see feed.h. */
#include "bordercoop/feed.h"
#include "bordercoop/text.h"

#include "bordercoop/alloc.h"
#include "bordercoop/changes.h"
#include "bordercoop/export.h"
#include "bordercoop/query.h"
#include "bordercoop/resource.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct changes_query {
    long long since;
    int since_given;
    const char *since_text; /* as sent (NULL: not given), quoted back in errors */
    long limit;
    const char *kind;
    const char *curation; /* a curation set (?curation=): entries restated for that view */
} changes_query;

static int store_failed(bc_request *req, bc_response *res, const char *what)
{
    snprintf(res->log_note, sizeof res->log_note, "%s: %.200s", what,
             sqlite3_errmsg(bc_store_db(req->store)));
    return bc_problem_internal(res, NULL, "%s failed", what);
}

static const bc_param_spec CHANGES_PARAMS[] = {
    {"since", BC_PARAM_TEXT},
    {"limit", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 1, BC_CHANGES_LIMIT_MAX},
    {"kind", BC_PARAM_TEXT},
    BC_CURATION_FILTER(NULL),
    {NULL},
};

static int parse_changes(bc_request *req, bc_response *res, changes_query *q)
{
    q->since = 0;
    q->since_given = 0;
    q->since_text = NULL;
    q->limit = BC_CHANGES_LIMIT_DEFAULT;
    bc_param ps[BC_QUERY_MAX_PAIRS];
    size_t n;
    int status = bc_params_parse(req, CHANGES_PARAMS, NULL, ps, &n, res);
    if (status != 0)
        return status;
    const bc_param *limit = bc_params_get(ps, n, "limit");
    if (limit != NULL)
        q->limit = limit->num;
    q->curation = bc_params_text(ps, n, "curation", NULL);
    const char *since = bc_params_text(ps, n, "since", NULL);
    if (since != NULL) {
        char *end = NULL;
        long long v = strtoll(since, &end, 10);
        /* digits only: strtoll would also take a sign or leading blanks */
        if (*end != '\0' || v < 0 || (since[0] != '\0' && (since[0] < '0' || since[0] > '9')))
            return bc_problem(res, 400, "invalid_parameter", "since",
                              "since must be a sequence number (0 or more) from an entry's "
                              "seq or meta.next_since, got '%.40s'",
                              since);
        /* past LLONG_MAX strtoll answers LLONG_MAX: past the newest entry all the same,
         * and since_past_end quotes what was sent, not that (analyst 14 #13) */
        q->since = v;
        q->since_given = 1;
        q->since_text = since;
    }
    q->kind = bc_params_text(ps, n, "kind", NULL);
    if (q->kind != NULL && bc_doc_kind_find(q->kind) == NULL) {
        bc_buf list = BC_BUF_INIT;
        for (const bc_doc_kind *d = bc_doc_kinds; d->type != NULL; d++)
            bc_buf_printf(&list, "%s%s", list.len ? ", " : "", d->type);
        int st =
            bc_problem(res, 400, "invalid_parameter", "kind", "unknown kind '%.40s'; allowed: %s",
                       q->kind, list.data ? list.data : "");
        bc_buf_free(&list);
        return st;
    }
    return 0;
}

/* An entry's entity in set ?4 before (b) or after (a) it: its curation is in the set and
 * the set's list does not leave it out (hidden_before, hidden_after: a known meeting's
 * twin, a plan a reviewed account outranks; migration 0052). */
#define IN_SET(b)                                                                                  \
    "(curation_" b " IN (SELECT curation FROM curation_sets WHERE name = ?4) AND NOT EXISTS "      \
    "(SELECT 1 FROM json_each(coalesce(hidden_" b ", '[]')) WHERE value = ?4))"

/* The entries after ?1 (of kind ?2 when not NULL), the first ?3 of them; with a curation
 * set ?4, only those whose entity was in it before or after (or whose kind has no
 * curation), with two flags: in the set before, in the set after; an entry that only
 * moved the entity in other sets' lists (no fields) is left out. */
#define IN_BEFORE IN_SET("before")
#define IN_AFTER  IN_SET("after")
#define CHANGES_COLUMNS                                                                            \
    "SELECT seq, at, content_version, kind, id, op, fields, actor, origin, note, "                 \
    "curation_before, curation_after, " IN_BEFORE ", " IN_AFTER " FROM changes WHERE seq > ?1 "    \
    "AND (?2 IS NULL OR kind = ?2) AND (?4 IS NULL OR (((curation_before IS NULL AND "             \
    "curation_after IS NULL) OR " IN_BEFORE " OR " IN_AFTER                                        \
    ") AND NOT (fields = '[]' AND " IN_BEFORE " AND " IN_AFTER "))) "
static const char CHANGES_SQL[] = CHANGES_COLUMNS "ORDER BY seq LIMIT ?3";
static const char CHANGES_DESC_SQL[] = CHANGES_COLUMNS "ORDER BY seq DESC LIMIT ?3";

/* An entry's op and fields as seen through q's curation set: an entity that entered the
 * set is `added`, one that left it `removed` (neither with fields); otherwise as
 * recorded. */
static void view_op(const changes_query *q, sqlite3_stmt *st, const char **op, const char **fields)
{
    *op = (const char *)sqlite3_column_text(st, 5);
    *fields = (const char *)sqlite3_column_text(st, 6);
    if (q->curation == NULL ||
        (sqlite3_column_type(st, 10) == SQLITE_NULL && sqlite3_column_type(st, 11) == SQLITE_NULL))
        return;
    int in_before = sqlite3_column_int(st, 12), in_after = sqlite3_column_int(st, 13);
    if (in_before && in_after)
        return;
    *op = in_after ? "added" : "removed";
    *fields = NULL;
}

/* Binds q to a CHANGES_SQL statement. */
static void bind_changes(sqlite3_stmt *st, const changes_query *q)
{
    sqlite3_bind_int64(st, 1, q->since);
    sqlite3_bind_text(st, 2, q->kind, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, q->limit);
    sqlite3_bind_text(st, 4, q->curation, -1, SQLITE_TRANSIENT);
}

/* A cursor past the newest entry is a 400 naming the newest (the feed of another store,
 * or one rebuilt without its feed): polling it would wait silently for entries that
 * already have smaller numbers. 0 when the cursor is fine. */
static int since_past_end(bc_request *req, bc_response *res, const changes_query *q,
                          long long *latest)
{
    bc_err err;
    if (bc_changes_latest(req->store, latest, &err) != 0)
        return store_failed(req, res, "reading the change feed");
    if (q->since <= *latest)
        return 0;
    int st = bc_problem(res, 400, "since_past_end", "since",
                        "since=%.40s is past the newest entry of this feed (latest_seq %lld): "
                        "the cursor is not from this store's feed; start again from since=0, "
                        "or from since=%lld for new entries only",
                        q->since_text != NULL ? q->since_text : "", *latest, *latest);
    return st;
}

static void json_text_or_null(bc_buf *b, const unsigned char *s)
{
    if (s == NULL)
        bc_buf_puts(b, "null");
    else
        bc_buf_json_string(b, (const char *)s, strlen((const char *)s));
}

static void cursor_link(bc_buf *b, long long since, const changes_query *q)
{
    bc_buf_printf(b, "/v1/changes?since=%lld", since);
    if (q->limit != BC_CHANGES_LIMIT_DEFAULT)
        bc_buf_printf(b, "&limit=%ld", q->limit);
    if (q->kind != NULL)
        bc_buf_printf(b, "&kind=%s", q->kind);
    if (q->curation != NULL)
        bc_buf_printf(b, "&curation=%s", q->curation);
}

int bc_handle_changes(bc_request *req, bc_response *res)
{
    changes_query q;
    int status = parse_changes(req, res, &q);
    if (status != 0)
        return status;
    bc_err err;
    long long latest = 0;
    if ((status = since_past_end(req, res, &q, &latest)) != 0)
        return status;
    sqlite3_stmt *st;
    if (bc_store_stmt(req->store, CHANGES_SQL, &st, &err) != 0)
        return store_failed(req, res, "reading the change feed");
    bind_changes(st, &q);
    bc_buf *b = &res->body;
    bc_buf_puts(b, "{\"data\":[");
    long long last = q.since;
    long count = 0;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        last = sqlite3_column_int64(st, 0);
        const char *kind = (const char *)sqlite3_column_text(st, 3);
        const char *id = (const char *)sqlite3_column_text(st, 4);
        const bc_doc_kind *k = bc_doc_kind_find(kind);
        bc_buf_printf(b, "%s{\"seq\":%lld,\"at\":", count++ ? "," : "", last);
        json_text_or_null(b, sqlite3_column_text(st, 1));
        bc_buf_puts(b, ",\"content_version\":");
        json_text_or_null(b, sqlite3_column_text(st, 2));
        bc_buf_puts(b, ",\"kind\":");
        json_text_or_null(b, sqlite3_column_text(st, 3));
        bc_buf_puts(b, ",\"id\":");
        json_text_or_null(b, sqlite3_column_text(st, 4));
        const char *op, *fields;
        view_op(&q, st, &op, &fields);
        bc_buf_puts(b, ",\"op\":");
        json_text_or_null(b, (const unsigned char *)op);
        bc_buf_puts(b, ",\"fields\":");
        bc_buf_puts(b, fields != NULL ? fields : "null");
        bc_buf_puts(b, ",\"actor\":");
        json_text_or_null(b, sqlite3_column_text(st, 7));
        bc_buf_puts(b, ",\"origin\":");
        json_text_or_null(b, sqlite3_column_text(st, 8));
        bc_buf_puts(b, ",\"note\":");
        json_text_or_null(b, sqlite3_column_text(st, 9));
        bc_buf_puts(b, ",\"curation_before\":");
        json_text_or_null(b, sqlite3_column_text(st, 10));
        bc_buf_puts(b, ",\"curation_after\":");
        json_text_or_null(b, sqlite3_column_text(st, 11));
        bc_buf_puts(b, ",\"links\":{\"self\":");
        if (k != NULL) {
            bc_buf self = BC_BUF_INIT;
            bc_buf_printf(&self, "%s/", k->path);
            bc_buf_puts(&self, id);
            bc_buf_json_string(b, self.data ? self.data : "", self.len);
            bc_buf_free(&self);
        } else {
            bc_buf_puts(b, "null");
        }
        bc_buf_puts(b, "}}");
    }
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        return store_failed(req, res, "reading the change feed");
    bc_buf_printf(b,
                  "],\"meta\":{\"count\":%ld,\"limit\":%ld,\"since\":%lld,\"next_since\":%lld,"
                  "\"latest_seq\":%lld,\"more\":%s",
                  count, q.limit, q.since, last, latest,
                  count == q.limit && last < latest ? "true" : "false");
    if (q.kind != NULL || q.curation != NULL) {
        bc_buf_puts(b, ",\"filters\":{");
        if (q.kind != NULL)
            bc_buf_printf(b, "\"kind\":\"%s\"%s", q.kind, q.curation != NULL ? "," : "");
        if (q.curation != NULL)
            bc_buf_printf(b, "\"curation\":\"%s\"", q.curation);
        bc_buf_putc(b, '}');
    }
    bc_buf_puts(b, "},\"links\":{\"self\":\"");
    cursor_link(b, q.since, &q);
    bc_buf_puts(b, "\",\"next\":\"");
    cursor_link(b, last, &q);
    bc_buf_puts(b, "\",\"atom\":\"/v1/changes.atom\"}}");
    bc_buf link = BC_BUF_INIT;
    cursor_link(&link, last, &q);
    bc_response_header(res, "Link", "<%s>; rel=\"next\"", link.data ? link.data : "");
    bc_buf_free(&link);
    if (bc_buf_failed(b))
        return bc_problem_internal(res, NULL, "out of memory");
    res->cacheable = 1;
    return res->status = 200;
}

/* The Atom feed's own URL for cursor since (given or not, as in the request). */
static void atom_link(bc_buf *b, long long since, const changes_query *q)
{
    bc_buf_puts(b, "/v1/changes.atom");
    char sep = '?';
    if (q->since_given) {
        bc_buf_printf(b, "?since=%lld", since);
        sep = '&';
    }
    if (q->limit != BC_CHANGES_LIMIT_DEFAULT) {
        bc_buf_printf(b, "%climit=%ld", sep, q->limit);
        sep = '&';
    }
    if (q->kind != NULL) {
        bc_buf_printf(b, "%ckind=%s", sep, q->kind);
        sep = '&';
    }
    if (q->curation != NULL)
        bc_buf_printf(b, "%ccuration=%s", sep, q->curation);
}

/* Appends s as XML character data (text.h). */
static void xml_text(bc_buf *b, const char *s)
{
    bc_xml_text(b, s);
}

int bc_handle_changes_atom(bc_request *req, bc_response *res)
{
    changes_query q;
    int status = parse_changes(req, res, &q);
    if (status != 0)
        return status;
    bc_err err;
    long long latest = 0, last = q.since;
    if ((status = since_past_end(req, res, &q, &latest)) != 0)
        return status;
    sqlite3_stmt *st;
    /* with a cursor, the same entries as /v1/changes (the first `limit` after it, oldest
     * first); without one, the newest `limit`, newest first, as feed readers expect */
    if (bc_store_stmt(req->store, q.since_given ? CHANGES_SQL : CHANGES_DESC_SQL, &st, &err) != 0)
        return store_failed(req, res, "reading the change feed");
    bind_changes(st, &q);
    bc_buf entries = BC_BUF_INIT;
    char updated[32] = "";
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        long long seq = sqlite3_column_int64(st, 0);
        const char *at = (const char *)sqlite3_column_text(st, 1);
        const char *kind = (const char *)sqlite3_column_text(st, 3);
        const char *id = (const char *)sqlite3_column_text(st, 4);
        const char *op, *fields;
        view_op(&q, st, &op, &fields);
        if (seq > last)
            last = seq;
        const char *actor = (const char *)sqlite3_column_text(st, 7);
        const char *origin = (const char *)sqlite3_column_text(st, 8);
        const char *note = (const char *)sqlite3_column_text(st, 9);
        const bc_doc_kind *k = bc_doc_kind_find(kind);
        if (updated[0] == '\0' || strcmp(at, updated) > 0)
            snprintf(updated, sizeof updated, "%s", at);
        bc_buf_printf(&entries, "<entry><id>tag:bordercoop,2025:change:%lld</id><title>", seq);
        xml_text(&entries, kind);
        bc_buf_putc(&entries, ' ');
        xml_text(&entries, id);
        bc_buf_putc(&entries, ' ');
        xml_text(&entries, op);
        bc_buf_puts(&entries, "</title><updated>");
        xml_text(&entries, at);
        bc_buf_puts(&entries, "</updated>");
        if (k != NULL && strcmp(op, "removed") != 0) {
            bc_buf_printf(&entries, "<link rel=\"alternate\" type=\"application/json\" href=\"%s/",
                          k->path);
            xml_text(&entries, id);
            bc_buf_puts(&entries, "\"/>");
        }
        bc_buf_puts(&entries, "<author><name>");
        xml_text(&entries, actor);
        bc_buf_puts(&entries, "</name></author><summary>");
        xml_text(&entries, op);
        if (fields != NULL) {
            bc_buf_puts(&entries, " (fields: ");
            xml_text(&entries, fields);
            bc_buf_putc(&entries, ')');
        }
        bc_buf_puts(&entries, " by ");
        xml_text(&entries, actor);
        bc_buf_puts(&entries, " during ");
        xml_text(&entries, origin);
        if (note != NULL) {
            bc_buf_puts(&entries, ": ");
            xml_text(&entries, note);
        }
        bc_buf_puts(&entries, "</summary></entry>\n");
    }
    sqlite3_reset(st);
    if (step != SQLITE_DONE) {
        bc_buf_free(&entries);
        return store_failed(req, res, "reading the change feed");
    }
    if (updated[0] == '\0') {
        /* an empty feed still needs <updated>: the store's build time */
        char *built = NULL;
        if (bc_store_meta_get(req->store, "built_at", &built, &err) == 0 && built != NULL)
            snprintf(updated, sizeof updated, "%s", built);
        else
            snprintf(updated, sizeof updated, "1970-01-01T00:00:00Z");
        bc_free(built);
    }
    bc_buf *b = &res->body;
    bc_buf_puts(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                   "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                   "<id>tag:bordercoop,2025:changes</id>\n"
                   "<title>bordercoop: changes to the Vietnam - China border cooperation "
                   "data</title>\n<updated>");
    xml_text(b, updated);
    /* self names the query; with a cursor, next continues after the last entry */
    bc_buf self = BC_BUF_INIT, json = BC_BUF_INIT;
    atom_link(&self, q.since, &q);
    bc_buf_puts(b, "</updated>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"");
    xml_text(b, self.data ? self.data : "");
    bc_buf_puts(b, "\"/>\n");
    if (q.since_given) {
        bc_buf_free(&self);
        atom_link(&self, last, &q);
        bc_buf_puts(b, "<link rel=\"next\" type=\"application/atom+xml\" href=\"");
        xml_text(b, self.data ? self.data : "");
        bc_buf_puts(b, "\"/>\n");
    }
    cursor_link(&json, q.since, &q);
    bc_buf_puts(b, "<link rel=\"alternate\" type=\"application/json\" href=\"");
    xml_text(b, json.data ? json.data : "");
    bc_buf_puts(b, "\"/>\n<author><name>bordercoop</name></author>\n");
    bc_buf_free(&self);
    bc_buf_free(&json);
    bc_buf_append(b, entries.data ? entries.data : "", entries.len);
    bc_buf_puts(b, "</feed>\n");
    int failed = bc_buf_failed(&entries);
    bc_buf_free(&entries);
    if (failed || bc_buf_failed(b))
        return bc_problem_internal(res, NULL, "out of memory");
    res->content_type = "application/atom+xml; charset=utf-8";
    res->cacheable = 1;
    return res->status = 200;
}

static int to_body(void *ctx, const char *data, size_t n)
{
    bc_buf *b = ctx;
    if (b->len + n > BC_EXPORT_HTTP_MAX)
        return 1;
    bc_buf_append(b, data, n);
    return bc_buf_failed(b);
}

int bc_handle_export(bc_request *req, bc_response *res)
{
    int status = bc_reject_params(req, res);
    if (status != 0)
        return status;
    bc_export_summary sum;
    bc_err err;
    int rc = bc_export_write(req->store, to_body, &res->body, &sum, &err);
    if (rc == BC_EIO && !bc_buf_failed(&res->body))
        return bc_problem(res, 507, "too_large", NULL,
                          "the export is larger than %u bytes; write it with `bordercoop "
                          "export --out FILE` on the store's host",
                          BC_EXPORT_HTTP_MAX);
    if (rc != 0) {
        snprintf(res->log_note, sizeof res->log_note, "export: %.200s", err.msg);
        return bc_problem_internal(res, NULL, "the export could not be built");
    }
    res->content_type = "application/x-ndjson";
    bc_response_header(res, "X-Content-Version", "%s", sum.content_version);
    bc_response_header(res, "X-Export-SHA256", "%s", sum.sha256);
    res->cacheable = 1;
    return res->status = 200;
}

int bc_handle_export_index(bc_request *req, bc_response *res)
{
    int status = bc_reject_params(req, res);
    if (status != 0)
        return status;
    bc_export_summary sum;
    bc_err err;
    if (bc_export_write(req->store, NULL, NULL, &sum, &err) != 0) {
        snprintf(res->log_note, sizeof res->log_note, "export index: %.200s", err.msg);
        return bc_problem_internal(res, NULL, "the export index could not be built");
    }
    bc_export_index_json(&sum, &res->body);
    if (bc_buf_failed(&res->body))
        return bc_problem_internal(res, NULL, "out of memory");
    bc_response_header(res, "X-Content-Version", "%s", sum.content_version);
    res->cacheable = 1;
    return res->status = 200;
}
