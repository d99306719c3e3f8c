/* review_replay.c: carrying the review log over into a rebuilt store and replaying each
 * decision on the fact it was made on, found by its fingerprint, or recording it as
 * orphaned with the reason (see review.h; rebuild.c puts each entry in its place). */
#include "review_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The fact of `to` that a carried-over decision was made on: the fact it was applied to
 * by an earlier decision of this replay (same kind, id and fingerprint), else an
 * extracted fact with the recorded id, else one quoted from the same article, whose
 * fingerprint is the decision's. Writes its id into target (size 200), or the reason
 * there is none into why (size 200) and leaves target empty. */
static int find_target(bc_store *to, const review_kind *k, const char *fact_id,
                       const char *source_id, const char *fp, char *target, char *why, bc_err *err)
{
    target[0] = why[0] = '\0';
    int found =
        review_one(to,
                   "SELECT o.fact_id FROM review_outcomes o JOIN review_log l ON l.seq = o.seq "
                   "WHERE o.status = 'applied' AND l.kind = ?1 AND l.fact_id = ?2 AND "
                   "l.fingerprint = ?3 ORDER BY o.seq DESC LIMIT 1",
                   BC_BINDS(bc_text(k->name), bc_text(fact_id), bc_text(fp)), target, 200, err);
    if (found < 0)
        return err->code;
    if (found == 1)
        return BC_OK;
    sqlite3_stmt *st = NULL;
    int rc = BC_OK;
    char state[16], here[65];
    found = review_one(to, k->state_sql, BC_BINDS(bc_text(fact_id)), state, sizeof state, err);
    if (found < 0)
        return err->code;
    if (found == 1 && strcmp(state, "extracted") == 0) {
        rc = review_fingerprint(to, k, fact_id, here, err);
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
            rc = review_fingerprint(to, k, ids[i], here, err);
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

/* A rejection replayed after the article was read again (reread: the fact it applied to
 * before) applies to the fact that keeps that id, quoted from the same article, though it
 * now reads otherwise: a re-read gives a fact its id back only when it reads the same or
 * is told in the same place (redate_ids.c), so it is the fact rejected, and a rejection
 * says the fact is wrong whatever its date (analyst 13 #12: the re-dating was refused
 * until a reviewer made the fact trusted with an edit). Approvals and edits vouch for one
 * reading and are not carried to another. Writes the id into target when so. */
static int rejected_again(bc_store *to, const review_kind *k, const char *reread,
                          const char *source_id, char *target, bc_err *err)
{
    char state[16] = "";
    int found = review_one(to, k->state_sql, BC_BINDS(bc_text(reread)), state, sizeof state, err);
    if (found < 0)
        return err->code;
    if (found == 0 || strcmp(state, "extracted") != 0 || source_id == NULL)
        return BC_OK;
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(to, k->from_source_sql, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, source_id, -1, SQLITE_TRANSIENT);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        if (strcmp((const char *)sqlite3_column_text(st, 0), reread) == 0) {
            snprintf(target, 200, "%s", reread);
            break;
        }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = bc_store_error(to, err, "reading an article's facts");
    sqlite3_reset(st);
    return rc;
}

/* Replays decision `seq` (already in to's log) and records its outcome; when it is
 * orphaned and why_out is not NULL, the reason goes there (size 400). reread (may be
 * NULL): the fact it applied to before its article was read again (rejected_again). */
static int replay_one(bc_store *to, sqlite3_stmt *row, bc_review_replay *stats, char *why_out,
                      const char *reread, bc_err *err)
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
        rc = find_target(to, review_kind_get(kind), fact_id, source_id, fp, target, why, err);
    if (rc == BC_OK && target[0] == '\0' && reread != NULL && action == BC_REVIEW_REJECT)
        rc = rejected_again(to, review_kind_get(kind), reread, source_id, target, err);
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
            int arc = review_apply_action(to, kind, target, action, fields, from, next, &changes,
                                          NULL, field, &why_err);
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
    if (rc == BC_OK && why_out != NULL)
        snprintf(why_out, 400, "%s", target[0] ? "" : why);
    return rc;
}

int bc_review_log_copy(bc_store *to, sqlite3_stmt *row, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(to,
                           "INSERT INTO review_log (" BC_REVIEW_LOG_COLUMNS ") VALUES (?1, ?2, ?3, "
                           "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    for (int i = 0; i < 13; i++)
        sqlite3_bind_value(st, i + 1, sqlite3_column_value(row, i));
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = bc_store_error(to, err, "carrying the review log over");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc;
}

int bc_review_replay_entry(bc_store *to, long long seq, bc_review_replay *stats, bc_err *err)
{
    char kind[16] = "";
    int found = review_one(to, "SELECT kind FROM review_log WHERE seq = ?1", BC_BINDS(bc_int(seq)),
                           kind, sizeof kind, err);
    if (found < 0)
        return err->code;
    if (found == 0)
        return bc_err_set(err, BC_ENOTFOUND, "no audit log entry %lld", seq);
    /* key changes and re-datings: the keys are carried over as they are (keys.c), the
     * re-dating was done by the caller (redate.h) */
    if (strcmp(kind, "key") == 0 || strcmp(kind, "source") == 0)
        return bc_store_run(to,
                            "INSERT INTO review_outcomes (seq, status, fact_id) SELECT seq, "
                            "'applied', fact_id FROM review_log WHERE seq = ?1",
                            BC_BINDS(bc_int(seq)), err);
    sqlite3_stmt *row = NULL;
    int rc = bc_store_stmt(to,
                           "SELECT seq, kind, fact_id, source_id, fingerprint, action, changes "
                           "FROM review_log WHERE seq = ?1",
                           &row, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_int64(row, 1, seq);
    if (sqlite3_step(row) != SQLITE_ROW)
        rc = bc_store_error(to, err, "reading a carried-over decision");
    else
        rc = replay_one(to, row, stats, NULL, NULL, err);
    sqlite3_reset(row);
    return rc;
}

int bc_review_carry_finish(bc_store *to, bc_review_replay *stats, bc_err *err)
{
    int rc = bc_store_begin(to, err);
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
    if (rc == BC_OK)
        rc = bc_store_exec(to,
                           "INSERT INTO review_outcomes (seq, status, fact_id) SELECT seq, "
                           "'applied', fact_id FROM review_log WHERE kind = 'key' AND seq NOT "
                           "IN (SELECT seq FROM review_outcomes)",
                           err);
    /* what became of the decisions: a re-dating replayed later may have applied again or
     * orphaned one replayed before it, so the outcomes as they stand are counted */
    char n[24] = "";
    long long last = 0;
    if (rc == BC_OK && review_one(to,
                                  "SELECT count(*) FROM review_log WHERE kind NOT IN ('key', "
                                  "'source')",
                                  BC_NO_BINDS, n, sizeof n, err) < 0)
        rc = err->code;
    stats->decisions = atoi(n);
    if (rc == BC_OK && review_one(to,
                                  "SELECT count(*) FROM review_log l JOIN review_outcomes o ON "
                                  "o.seq = l.seq WHERE l.kind NOT IN ('key', 'source') AND "
                                  "o.status = 'applied'",
                                  BC_NO_BINDS, n, sizeof n, err) < 0)
        rc = err->code;
    stats->applied = atoi(n);
    stats->orphaned = stats->decisions - stats->applied;
    if (rc == BC_OK && review_one(to, "SELECT coalesce(max(seq), 0) FROM review_log", BC_NO_BINDS,
                                  n, sizeof n, err) < 0)
        rc = err->code;
    last = atoll(n);
    if (rc == BC_OK && stats->applied > 0) {
        char what[64], version[65];
        snprintf(what, sizeof what, "replay:%lld:%d", last, stats->applied);
        rc = review_bump_version(to, what, version, err);
    }
    if (rc == BC_OK)
        rc = bc_store_commit(to, err);
    if (rc != BC_OK) {
        bc_store_rollback(to);
        bc_err inner = *err;
        bc_err_set(err, inner.code ? inner.code : BC_ESTORE,
                   "carrying the review decisions over: %s", inner.msg);
    }
    return rc;
}

int bc_review_replay_source(bc_store *s, const char *source_id, bc_review_replay *stats,
                            json_t *lost, bc_err *err)
{
    memset(stats, 0, sizeof *stats);
    /* what each of the article's decisions applied to before, to tell a decision this
     * re-read orphans from one orphaned already */
    json_t *before = json_object();
    if (before == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    sqlite3_stmt *row = NULL;
    int rc = bc_store_prepare(s,
                              "SELECT l.seq, o.fact_id, l.kind FROM review_log l JOIN "
                              "review_outcomes o ON o.seq = l.seq WHERE l.source_id = ?1 AND "
                              "l.kind NOT IN ('key', 'source') AND o.status = 'applied'",
                              &row, err);
    if (rc == BC_OK)
        sqlite3_bind_text(row, 1, source_id, -1, SQLITE_TRANSIENT);
    while (bc_store_row(s, row, &rc, err, "reading the article's decisions")) {
        char seq[24];
        snprintf(seq, sizeof seq, "%lld", (long long)sqlite3_column_int64(row, 0));
        if (json_object_set_new(before, seq,
                                json_pack("[ss]", (const char *)sqlite3_column_text(row, 2),
                                          (const char *)sqlite3_column_text(row, 1))) != 0)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    }
    sqlite3_finalize(row);
    row = NULL;
    /* the outcomes are derived state: made again, in log order */
    if (rc == BC_OK)
        rc = bc_store_run(s,
                          "DELETE FROM review_outcomes WHERE seq IN (SELECT seq FROM review_log "
                          "WHERE source_id = ?1 AND kind NOT IN ('key', 'source'))",
                          BC_BINDS(bc_text(source_id)), err);
    if (rc == BC_OK)
        rc = bc_store_prepare(s,
                              "SELECT seq, kind, fact_id, source_id, fingerprint, action, changes "
                              "FROM review_log WHERE source_id = ?1 AND kind NOT IN ('key', "
                              "'source') ORDER BY seq",
                              &row, err);
    if (rc == BC_OK)
        sqlite3_bind_text(row, 1, source_id, -1, SQLITE_TRANSIENT);
    while (bc_store_row(s, row, &rc, err, "replaying the article's decisions")) {
        stats->decisions++;
        char why[400] = "", seq[24];
        snprintf(seq, sizeof seq, "%lld", (long long)sqlite3_column_int64(row, 0));
        json_t *was = json_object_get(before, seq);
        rc = replay_one(s, row, stats, why, json_string_value(json_array_get(was, 1)), err);
        /* a rejected fact the re-read no longer gives loses nothing a reader sees: its
         * rejection is orphaned (and applies again if a later re-read gives it back) */
        if (rc == BC_OK && why[0] != '\0' && was != NULL &&
            strcmp((const char *)sqlite3_column_text(row, 5), "reject") == 0) {
            bc_review_kind gone;
            char state[16];
            int there =
                bc_review_kind_parse(json_string_value(json_array_get(was, 0)), &gone, NULL) !=
                        BC_OK
                    ? 1
                    : review_one(s, review_kind_get(gone)->state_sql,
                                 BC_BINDS(bc_text(json_string_value(json_array_get(was, 1)))),
                                 state, sizeof state, err);
            if (there < 0)
                rc = err->code;
            else if (there == 0)
                why[0] = '\0';
        }
        if (rc == BC_OK && why[0] != '\0' && was != NULL && lost != NULL &&
            json_array_append_new(
                lost, json_pack("{sI,ss,ss,ss}", "seq", (json_int_t)sqlite3_column_int64(row, 0),
                                "kind", json_string_value(json_array_get(was, 0)), "id",
                                json_string_value(json_array_get(was, 1)), "reason", why)) != 0)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    }
    sqlite3_finalize(row);
    json_decref(before);
    return rc;
}
