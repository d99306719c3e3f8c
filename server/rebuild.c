/* rebuild.c: ingested articles and the audit log carried into a rebuilt store, in the
 * order they happened (see rebuild.h). */
#include "bordercoop/rebuild.h"

#include "bordercoop/ingest.h"
#include "bordercoop/redate.h"

#include <stdio.h>
#include <string.h>

void (*bc_rebuild_after_article)(bc_store *to, const char *source_id) = NULL;

/* The ingested articles of from, in the order they came among the log entries: id, lang,
 * title, url, the date it was stored with, publisher, author, body, ingested_at,
 * ingested_by, its place (the log entry it came after). */
static int articles_of(bc_store *from, int has_log, sqlite3_stmt **out, bc_err *err)
{
    int has_by = 0, has_seq = 0;
    int rc = bc_store_has_column(from, "sources", "ingested_by", &has_by, err);
    if (rc == BC_OK)
        rc = bc_store_has_column(from, "sources", "log_seq", &has_seq, err);
    if (rc != BC_OK)
        return rc;
    const char *by = has_by ? "s.ingested_by" : "NULL";
    /* the date it came with: before its first re-dating, the date that one changed */
    const char *date = has_log ? "CASE WHEN EXISTS (SELECT 1 FROM review_log r WHERE r.kind = "
                                 "'source' AND r.action = 'redate' AND r.fact_id = s.id) THEN "
                                 "(SELECT json_extract(r.changes, '$.published_on.from') FROM "
                                 "review_log r WHERE r.kind = 'source' AND r.action = 'redate' "
                                 "AND r.fact_id = s.id ORDER BY r.seq LIMIT 1) ELSE "
                                 "s.published_on END"
                               : "s.published_on";
    /* its place: recorded since migration 0031, else the newest entry of an earlier second */
    const char *guess = has_log ? "(SELECT coalesce(max(r.seq), 0) FROM review_log r WHERE "
                                  "r.at < s.ingested_at)"
                                : "0";
    char place[256];
    if (has_seq)
        snprintf(place, sizeof place, "coalesce(s.log_seq, %s)", guess);
    else
        snprintf(place, sizeof place, "%s", guess);
    char sql[2048];
    snprintf(sql, sizeof sql,
             "SELECT id, lang, title, url, %s, publisher, author, body, ingested_at, %s, place "
             "FROM (SELECT s.*, s.rowid AS row_order, %s AS place FROM sources s "
             "WHERE s.origin = 'ingested') s ORDER BY place, row_order",
             date, by, place);
    return bc_store_prepare(from, sql, out, err);
}

/* Ingests the article of row (articles_of) into to. */
static int carry_article(bc_store *to, sqlite3_stmt *row, bc_err *err)
{
    const char *cols[10];
    for (int i = 0; i < 10; i++)
        cols[i] = (const char *)sqlite3_column_text(row, i);
    long long place = sqlite3_column_int64(row, 10);
    bc_ingest_input in = {.id = cols[0],
                          .lang = cols[1],
                          .title = cols[2],
                          .url = cols[3],
                          .published_on = cols[4],
                          .publisher = cols[5],
                          .author = cols[6],
                          .text = cols[7],
                          .len = (size_t)sqlite3_column_bytes(row, 7),
                          .ingested_at = cols[8],
                          .actor = cols[9],
                          .log_seq = &place};
    int rc = bc_ingest_carry(to, &in, err);
    if (rc == BC_OK && bc_rebuild_after_article != NULL)
        bc_rebuild_after_article(to, in.id);
    return rc;
}

/* Enters the log entry of row into to and does what it did, in one transaction: a
 * re-dating reads its article again, a decision is applied again (or orphaned). */
static int carry_entry(bc_store *to, sqlite3_stmt *row, bc_review_replay *stats, bc_err *err)
{
    long long seq = sqlite3_column_int64(row, 0);
    const char *action = (const char *)sqlite3_column_text(row, 4);
    const char *kind = (const char *)sqlite3_column_text(row, 5);
    int rc = bc_store_begin(to, err);
    if (rc == BC_OK)
        rc = bc_review_log_copy(to, row, err);
    if (rc == BC_OK && kind != NULL && strcmp(kind, "source") == 0 && action != NULL &&
        strcmp(action, "redate") == 0) {
        char date[16] = "";
        int found = 0, isnull = 1;
        sqlite3_stmt *st = NULL;
        rc = bc_store_stmt(to,
                           "SELECT json_extract(changes, '$.published_on.to') FROM review_log "
                           "WHERE seq = ?1",
                           &st, err);
        if (rc == BC_OK) {
            sqlite3_bind_int64(st, 1, seq);
            if (sqlite3_step(st) == SQLITE_ROW) {
                found = 1;
                isnull = sqlite3_column_type(st, 0) == SQLITE_NULL;
                if (!isnull)
                    snprintf(date, sizeof date, "%s", sqlite3_column_text(st, 0));
            }
            sqlite3_reset(st);
        }
        if (rc == BC_OK && found)
            rc = bc_redate_replay(to, (const char *)sqlite3_column_text(row, 6),
                                  isnull ? NULL : date, seq,
                                  (const char *)sqlite3_column_text(row, 1), err);
    }
    if (rc == BC_OK)
        rc = bc_review_replay_entry(to, seq, stats, err);
    if (rc == BC_OK)
        rc = bc_store_commit(to, err);
    if (rc != BC_OK)
        bc_store_rollback(to);
    return rc;
}

int bc_rebuild_carry(bc_store *from, bc_store *to, bc_review_replay *stats, bc_err *err)
{
    memset(stats, 0, sizeof *stats);
    int has_log = 0, has_sources = 0;
    int rc = bc_store_has_table(from, "review_log", &has_log, err);
    if (rc == BC_OK)
        rc = bc_store_has_table(from, "sources", &has_sources, err);
    if (rc != BC_OK || !has_sources)
        return rc; /* an empty file: nothing to carry */
    sqlite3_stmt *articles = NULL, *log = NULL;
    if (rc == BC_OK)
        rc = articles_of(from, has_log, &articles, err);
    if (rc == BC_OK && has_log)
        rc = bc_store_prepare(from, "SELECT " BC_REVIEW_LOG_COLUMNS " FROM review_log ORDER BY seq",
                              &log, err);
    int more_articles = rc == BC_OK && bc_store_row(from, articles, &rc, err,
                                                    "reading "
                                                    "ingested articles");
    int more_log = rc == BC_OK && log != NULL &&
                   bc_store_row(from, log, &rc, err, "reading the review log to carry over");
    /* an article comes after the entry it records and before the next one */
    while (rc == BC_OK && (more_articles || more_log)) {
        if (more_articles &&
            (!more_log || sqlite3_column_int64(articles, 10) < sqlite3_column_int64(log, 0))) {
            rc = carry_article(to, articles, err);
            more_articles =
                rc == BC_OK && bc_store_row(from, articles, &rc, err, "reading ingested articles");
        } else {
            rc = carry_entry(to, log, stats, err);
            more_log = rc == BC_OK &&
                       bc_store_row(from, log, &rc, err, "reading the review log to carry over");
        }
    }
    sqlite3_finalize(articles);
    sqlite3_finalize(log);
    if (rc == BC_OK && has_log)
        rc = bc_review_carry_finish(to, stats, err);
    return rc;
}
