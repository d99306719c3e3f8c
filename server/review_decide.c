/* review_decide.c: one decision on an extracted fact (approve, reject, edit) inside a
 * write transaction: its state transition, fingerprint, the audit log entry, the search
 * index, the change feed and the content version (see bc_review_decide in review.h). */
#include "review_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/changes.h"
#include "bordercoop/figure_links.h"
#include "bordercoop/meeting_links.h"
#include "bordercoop/search_index.h"
#include "bordercoop/sha256.h"
#include "bordercoop/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The fingerprint of fact id as it is stored now (hex SHA-256 into fp). */
int review_fingerprint(bc_store *s, const review_kind *k, const char *id, char fp[65], bc_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, k->fingerprint_sql, &st, err);
    if (rc != BC_OK)
        return rc;
    rc = bc_store_bind(st, BC_BINDS(bc_text(id)), err);
    int step = rc == BC_OK ? sqlite3_step(st) : SQLITE_ERROR;
    if (step == SQLITE_ROW) {
        /* a text that could not be converted for lack of memory reads as NULL: never
         * fingerprint it as the empty text */
        const unsigned char *text = sqlite3_column_text(st, 0);
        if (text == NULL && sqlite3_errcode(bc_store_db(s)) == SQLITE_NOMEM)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory reading a fact");
        else
            bc_sha256_hex(text, (size_t)sqlite3_column_bytes(st, 0), fp);
    } else if (step == SQLITE_DONE) {
        rc = bc_err_set(err, BC_ENOTFOUND, "no %s '%s'", k->name, id);
    } else if (rc == BC_OK) {
        rc = bc_store_error(s, err, "reading a fact");
    }
    sqlite3_reset(st);
    return rc;
}

int bc_review_version(bc_store *s, bc_review_kind k, const char *id,
                      char version[BC_REVIEW_VERSION_LEN + 1], bc_err *err)
{
    const review_kind *rk = review_kind_get(k);
    char curation[16] = "", fp[65] = "", seq[24] = "";
    int got = review_one(s, rk->state_sql, BC_BINDS(bc_text(id)), curation, sizeof curation, err);
    if (got < 0)
        return err->code;
    if (got == 0)
        return bc_err_set(err, BC_ENOTFOUND, "no %s '%.120s'", rk->name, id);
    int rc = review_fingerprint(s, rk, id, fp, err);
    if (rc == BC_OK &&
        review_one(s,
                   "SELECT coalesce(max(seq), 0) FROM review_log WHERE kind = ?1 AND fact_id = ?2",
                   BC_BINDS(bc_text(rk->name), bc_text(id)), seq, sizeof seq, err) < 0)
        rc = err->code;
    if (rc != BC_OK)
        return rc;
    char text[128], hex[65];
    int n = snprintf(text, sizeof text, "%s|%s|%s", curation, fp, seq);
    bc_sha256_hex(text, (size_t)n, hex);
    memcpy(version, hex, BC_REVIEW_VERSION_LEN);
    version[BC_REVIEW_VERSION_LEN] = '\0';
    return BC_OK;
}

/* How a strong entity tag of If-Match is compared with a version (RFC 9110 13.1.1: a weak tag
 * never matches). */
typedef enum {
    TAG_IS,       /* the version byte for byte, or "*" */
    TAG_VERSIONY, /* of the form of a version: as many hex digits, any case */
    TAG_FOLDED,   /* the version spelled in other case */
} tag_test;

/* 1 when a strong entity tag of the comma-separated If-Match value if_match passes test
 * against version; 0 when none does or the value is no list of entity tags (then nothing
 * matches). */
static int if_match_has(const char *if_match, const char *version, tag_test test)
{
    size_t vlen = strlen(version);
    for (const char *p = if_match; *p != '\0';) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (*p == '*')
            return test == TAG_IS;
        int weak = strncmp(p, "W/", 2) == 0;
        if (weak)
            p += 2;
        if (*p != '"')
            return 0;
        const char *close = strchr(p + 1, '"');
        if (close == NULL)
            return 0;
        if (!weak && (size_t)(close - p - 1) == vlen &&
            (test == TAG_IS         ? memcmp(p + 1, version, vlen) == 0
             : test == TAG_VERSIONY ? strspn(p + 1, "0123456789abcdefABCDEF") >= vlen
                                    : strncasecmp(p + 1, version, vlen) == 0))
            return 1;
        p = close + 1;
    }
    return 0;
}

/* The fingerprint the fact's earlier decisions were made on (the latest decision applied
 * to it in this store): 1 when there is one, 0 when none, -1 on error. */
static int decided_fingerprint(bc_store *s, const review_kind *k, const char *id, char fp[65],
                               bc_err *err)
{
    return review_one(
        s,
        "SELECT l.fingerprint FROM review_outcomes o JOIN review_log l ON l.seq = o.seq "
        "WHERE o.status = 'applied' AND o.fact_id = ?2 AND l.kind = ?1 "
        "ORDER BY o.seq DESC LIMIT 1",
        BC_BINDS(bc_text(k->name), bc_text(id)), fp, 65, err);
}

/* Moves the content version forward (a hash of the previous one and what changed), so
 * ETags and caches follow the decision, and records the modification time. */
int review_bump_version(bc_store *s, const char *what, char version[65], bc_err *err)
{
    char old[65] = "", now[24];
    if (review_one(s, "SELECT value FROM store_meta WHERE key = ?1",
                   BC_BINDS(bc_text("content_version")), old, sizeof old, err) < 0)
        return err->code;
    bc_sha256 h;
    unsigned char d[32];
    bc_sha256_init(&h);
    bc_sha256_update(&h, old, strlen(old));
    bc_sha256_update(&h, "|review|", 8);
    bc_sha256_update(&h, what, strlen(what));
    bc_sha256_final(&h, d);
    bc_sha256_tohex(d, version);
    review_now_iso(now);
    int rc = bc_store_meta_set(s, "content_version", version, err);
    if (rc == BC_OK)
        rc = bc_store_meta_set(s, "modified_at", now, err);
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
        int found = review_one(s, k->owner_sql, BC_BINDS(bc_text(id)), owner, sizeof owner, err);
        if (found <= 0)
            return found < 0 ? err->code : BC_OK;
        id = owner;
        to = "reviewed";
    }
    int rc = bc_search_unindex(s, kind, id, err);
    if (rc == BC_OK && strcmp(to, "rejected") != 0)
        rc = bc_search_index_entity(s, kind, id, err);
    return rc;
}
/* The last decision applied to the fact, for a conflict's message ("approved by alice at
 * ..."), into out. */
static void last_decision(bc_store *s, const review_kind *k, const char *id, char *out, size_t n)
{
    bc_err ignored;
    char text[300] = "";
    if (review_one(s,
                   "SELECT l.action || ' by ' || l.reviewer || ' at ' || l.at || ' (log entry ' || "
                   "l.seq || ')' FROM review_outcomes o JOIN review_log l ON l.seq = o.seq "
                   "WHERE o.status = 'applied' AND o.fact_id = ?2 AND l.kind = ?1 "
                   "ORDER BY o.seq DESC LIMIT 1",
                   BC_BINDS(bc_text(k->name), bc_text(id)), text, sizeof text, &ignored) == 1)
        snprintf(out, n, "; last decision: %s", text);
    else
        out[0] = '\0';
}

/* Appends the decision to the change feed: the fact (or the document that holds it)
 * changed, in the top-level fields where its document before (JSON text) and now
 * differ, by the reviewer. */
static int feed(bc_store *s, const review_kind *k, const char *fact_id, const char *before,
                const char *reviewer, const char *note, const char *at, bc_err *err)
{
    char *now = NULL, id[200] = "";
    int rc = review_feed_doc(s, k, fact_id, id, &now, err);
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

/* The fact's document as the feed names it ([[kind, id]], new text in *docs) and the
 * documents a decision on it can change (bc_changes_touched_docs, new text in *touched);
 * both bc_free. */
static int touched_docs(bc_store *s, const review_kind *k, const char *doc_id, char **docs,
                        char **touched, bc_err *err)
{
    bc_buf b = BC_BUF_INIT;
    bc_buf_puts(&b, "[[");
    bc_buf_json_string(&b, k->feed_type, strlen(k->feed_type));
    bc_buf_putc(&b, ',');
    bc_buf_json_string(&b, doc_id, strlen(doc_id));
    bc_buf_puts(&b, "]]");
    if (bc_buf_failed(&b) || (*docs = bc_strdup(b.data)) == NULL) {
        bc_buf_free(&b);
        return bc_err_set(err, BC_ENOMEM, "out of memory finding what a decision touches");
    }
    bc_buf_free(&b);
    return bc_changes_touched_docs(s, *docs, touched, err);
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
int review_apply_action(bc_store *s, bc_review_kind kind, const char *id, bc_review_action action,
                        json_t *fields, char from[16], char to[16], json_t **changes,
                        char **related, char field[80], bc_err *err)
{
    const review_kind *k = review_kind_get(kind);
    *changes = NULL;
    if (related != NULL)
        *related = NULL;
    int found = review_one(s, k->state_sql, BC_BINDS(bc_text(id)), from, 16, err);
    if (found < 0)
        return err->code;
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
        rc = bc_store_run(s, k->set_sql, BC_BINDS(bc_text(id), bc_text(to)), err);
    /* a reviewed meeting or event is no longer only machine-read: its title loses the
     * mark (a table's name cannot be bound) */
    if (rc == BC_OK && (kind == BC_REVIEW_MEETING || kind == BC_REVIEW_EVENT) &&
        strcmp(to, "reviewed") == 0)
        rc = bc_store_run(
            s,
            kind == BC_REVIEW_MEETING
                ? "UPDATE meetings SET title = substr(title, 1, length(title) - length(?2)) "
                  "WHERE id = ?1 AND length(title) > length(?2) AND substr(title, "
                  "-length(?2)) = ?2"
                : "UPDATE coop_events SET title = substr(title, 1, length(title) - "
                  "length(?2)) WHERE id = ?1 AND length(title) > length(?2) AND "
                  "substr(title, -length(?2)) = ?2",
            BC_BINDS(bc_text(id), bc_text(" (extracted)")), err);
    /* a figure's overlaps and computed conflicts follow its curation and its values */
    if (rc == BC_OK && kind == BC_REVIEW_FIGURE)
        rc = bc_figure_links_refresh(s, id, related, err);
    /* no meeting stays the same as a rejected one */
    if (rc == BC_OK && kind == BC_REVIEW_MEETING)
        rc = bc_meeting_links_refresh(s, id, related, err);
    if (rc == BC_OK)
        rc = reindex(s, k, id, to, err);
    if (rc != BC_OK) {
        json_decref(*changes);
        *changes = NULL;
        if (related != NULL) {
            bc_free(*related);
            *related = NULL;
        }
    }
    return rc;
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
    int lock = bc_store_lock_writer(w, 30000, err);
    if (lock == -1)
        return err->code ? err->code : BC_EIO;
    char fp[65] = "", from[16] = "", to[16] = "", source[200] = "", now[24];
    json_t *changes = NULL;
    review_now_iso(now);
    int rc = bc_store_begin(w, err);
    if (rc == BC_OK && rq->if_match != NULL) {
        /* conditioned on the version the reviewer read: checked in the transaction that
         * decides, so nothing can come between */
        rc = bc_review_version(w, rq->kind, rq->fact_id, out->version, err);
        if (rc == BC_OK && !if_match_has(rq->if_match, out->version, TAG_IS)) {
            char last[200] = "";
            if (review_one(
                    w,
                    "SELECT action || ' by ' || reviewer || ' at ' || at || ' (log entry ' || "
                    "seq || ')' FROM review_log WHERE kind = ?1 AND fact_id = ?2 "
                    "ORDER BY seq DESC LIMIT 1",
                    BC_BINDS(bc_text(k->name), bc_text(rq->fact_id)), last, sizeof last, err) < 0)
                last[0] = '\0';
            out->stale = 1;
            if (!if_match_has(rq->if_match, out->version, TAG_VERSIONY))
                rc = bc_err_set(err, BC_ECONFLICT,
                                "If-Match names no version of a %s (a version is %zu hex digits "
                                "in quotes, a strong tag: the ETag of GET "
                                "/v1/review/{kind}/{id}); its version is now \"%s\"%s%s; read "
                                "it and send that",
                                k->name, strlen(out->version), out->version,
                                last[0] ? ", last decision: " : "", last);
            else if (if_match_has(rq->if_match, out->version, TAG_FOLDED))
                rc = bc_err_set(err, BC_ECONFLICT,
                                "If-Match names the %s's version in other case: a version is "
                                "written in lower-case hex digits and a strong tag matches only "
                                "byte for byte; its version is \"%s\"%s%s; send it as the ETag "
                                "of GET /v1/review/{kind}/{id} gives it",
                                k->name, out->version, last[0] ? ", last decision: " : "", last);
            else
                rc = bc_err_set(err, BC_ECONFLICT,
                                "the %s is not at the version you sent in If-Match: it changed "
                                "since that version was read, or the tag is not one of its "
                                "versions; its version is now \"%s\"%s%s; read it again and "
                                "decide on what it is now",
                                k->name, out->version, last[0] ? ", last decision: " : "", last);
        }
    }
    if (rc == BC_OK) {
        /* the fingerprint of the fact as extracted: computed before the first decision,
         * inherited from the earlier decisions after it */
        int had = decided_fingerprint(w, k, rq->fact_id, fp, err);
        if (had < 0)
            rc = err->code;
        else if (had == 0 &&
                 review_one(w, k->state_sql, BC_BINDS(bc_text(rq->fact_id)), from, sizeof from,
                            err) == 1 &&
                 strcmp(from, "extracted") == 0)
            rc = review_fingerprint(w, k, rq->fact_id, fp, err);
    }
    char *before = NULL, before_id[200], *related = NULL, *docs = NULL, *touched = NULL;
    if (rc == BC_OK)
        rc = review_feed_doc(w, k, rq->fact_id, before_id, &before, err);
    /* the documents the decision can change beside the fact (its article, counts, lists,
     * links), taken before it: compared again after it, each one that changed gets its
     * own entry below (analyst 14 #7) */
    if (rc == BC_OK)
        rc = touched_docs(w, k, before_id, &docs, &touched, err);
    if (rc == BC_OK)
        rc = review_apply_action(w, rq->kind, rq->fact_id, rq->action, rq->fields, from, to,
                                 &changes, &related, out->field, err);
    if (rc == BC_OK && fp[0] == '\0')
        rc = review_fingerprint(w, k, rq->fact_id, fp,
                                err); /* a store edited by hand: best we can */
    if (rc == BC_OK && review_one(w, k->source_sql, BC_BINDS(bc_text(rq->fact_id)), source,
                                  sizeof source, err) < 0)
        rc = err->code;
    char *changes_text =
        changes ? json_dumps(changes, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
    if (changes != NULL && changes_text == NULL && rc == BC_OK)
        rc = bc_err_set(err, BC_ENOMEM, "out of memory writing the edit's changes");
    /* the audit entry: every value bound or the decision is not made */
    if (rc == BC_OK)
        rc = bc_store_run(
            w,
            "INSERT INTO review_log (at, reviewer, via, action, kind, fact_id, "
            "source_id, fingerprint, from_curation, to_curation, changes, note) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            BC_BINDS(bc_text(now), bc_text(rq->reviewer), bc_text(rq->via ? rq->via : "api"),
                     bc_text(bc_review_action_name(rq->action)), bc_text(k->name),
                     bc_text(rq->fact_id), bc_text(source[0] ? source : NULL), bc_text(fp),
                     bc_text(from), bc_text(to), bc_text(changes_text), bc_text(rq->note)),
            err);
    if (rc == BC_OK)
        out->seq = sqlite3_last_insert_rowid(bc_store_db(w));
    char seq[24];
    snprintf(seq, sizeof seq, "%lld", out->seq);
    if (rc == BC_OK)
        rc = bc_store_run(w,
                          "INSERT INTO review_outcomes (seq, status, fact_id) "
                          "VALUES (?1, 'applied', ?2)",
                          BC_BINDS(bc_int(out->seq), bc_text(rq->fact_id)), err);
    if (rc == BC_OK)
        rc = review_bump_version(w, seq, out->content_version, err);
    if (rc == BC_OK)
        rc = feed(w, k, rq->fact_id, before, rq->reviewer, rq->note, now, err);
    /* the figures whose overlaps or conflicts name a reviewed figure changed with it, as
     * did the meetings linked again when the meeting they were the same as was rejected */
    if (rc == BC_OK && related != NULL)
        rc = bc_changes_record_ids(w, rq->kind == BC_REVIEW_MEETING ? "meeting" : "figure", related,
                                   "review", rq->reviewer, now, NULL, err);
    if (rc == BC_OK)
        rc = bc_changes_record_docs_after(w, docs, touched, "review", rq->reviewer, now,
                                          &out->feed_entries, &out->feed_compared, err);
    if (rc == BC_OK)
        rc = bc_review_version(w, rq->kind, rq->fact_id, out->version, err);
    if (rc == BC_OK)
        rc = bc_store_commit(w, err);
    if (rc != BC_OK)
        bc_store_rollback(w);
    bc_store_unlock(lock);
    free(changes_text);
    json_decref(changes);
    bc_free(before);
    bc_free(related);
    bc_free(docs);
    bc_free(touched);
    if (rc == BC_OK) {
        snprintf(out->from, sizeof out->from, "%s", from);
        snprintf(out->to, sizeof out->to, "%s", to);
    } else {
        char field[80], version[BC_REVIEW_VERSION_LEN + 1];
        int stale = out->stale;
        snprintf(field, sizeof field, "%s", out->field);
        snprintf(version, sizeof version, "%s", stale ? out->version : "");
        memset(out, 0, sizeof *out);
        snprintf(out->field, sizeof out->field, "%s", field);
        snprintf(out->version, sizeof out->version, "%s", version);
        out->stale = stale;
    }
    return rc;
}
