/* export.c: the bulk export as NDJSON and its index (see export.h). */
#include "bordercoop/export.h"

#include "bordercoop/alloc.h"
#include "bordercoop/changes.h"
#include "bordercoop/sha256.h"

#include <stdio.h>
#include <string.h>

static void meta(bc_store *s, const char *key, char *out, size_t n)
{
    char *v = NULL;
    bc_err ignored;
    out[0] = '\0';
    if (bc_store_meta_get(s, key, &v, &ignored) == BC_OK && v != NULL)
        snprintf(out, n, "%s", v);
    bc_free(v);
}

typedef struct writer {
    bc_export_sink sink;
    void *ctx;
    bc_sha256 hash;
    bc_export_summary *sum;
    bc_buf line;
} writer;

/* Sends the pending line to the sink and the hash. */
static int flush_line(writer *w, bc_err *err)
{
    if (bc_buf_failed(&w->line))
        return bc_err_set(err, BC_ENOMEM, "out of memory writing the export");
    bc_sha256_update(&w->hash, w->line.data, w->line.len);
    w->sum->bytes += w->line.len;
    w->sum->total++;
    int rc = BC_OK;
    if (w->sink != NULL && w->sink(w->ctx, w->line.data, w->line.len) != 0)
        rc = bc_err_set(err, BC_EIO, "the export could not be written");
    bc_buf_reset(&w->line);
    return rc;
}

static int write_kind(bc_store *s, const bc_doc_kind *k, size_t ki, writer *w, bc_err *err)
{
    sqlite3_stmt *ids;
    int rc = bc_store_stmt(s, k->ids_sql, &ids, err);
    while (bc_store_row(s, ids, &rc, err, "listing documents for the export")) {
        const char *id = (const char *)sqlite3_column_text(ids, 0);
        sqlite3_stmt *doc;
        rc = bc_store_stmt(s, k->doc_sql, &doc, err);
        if (rc != BC_OK)
            break;
        sqlite3_bind_text(doc, 1, id, -1, SQLITE_TRANSIENT);
        int step = sqlite3_step(doc);
        if (step == SQLITE_ROW && sqlite3_column_type(doc, 0) != SQLITE_NULL) {
            bc_buf_puts(&w->line, "{\"type\":");
            bc_buf_json_string(&w->line, k->type, strlen(k->type));
            bc_buf_puts(&w->line, ",\"id\":");
            bc_buf_json_string(&w->line, id, strlen(id));
            bc_buf_puts(&w->line, ",\"item\":");
            bc_buf_append(&w->line, sqlite3_column_text(doc, 0),
                          (size_t)sqlite3_column_bytes(doc, 0));
            bc_buf_puts(&w->line, "}\n");
            w->sum->counts[ki]++;
            rc = flush_line(w, err);
        } else if (step != SQLITE_ROW && step != SQLITE_DONE) {
            rc = bc_store_error(s, err, "rendering a document for the export");
        }
        sqlite3_reset(doc);
    }
    sqlite3_reset(ids);
    return rc;
}

int bc_export_write(bc_store *s, bc_export_sink sink, void *ctx, bc_export_summary *sum,
                    bc_err *err)
{
    memset(sum, 0, sizeof *sum);
    writer w = {.sink = sink, .ctx = ctx, .sum = sum};
    bc_buf_init(&w.line);
    bc_sha256_init(&w.hash);
    sqlite3 *db = bc_store_db(s);
    int own = sqlite3_get_autocommit(db);
    int rc = own ? bc_store_begin_read(s, err) : BC_OK;
    if (rc == BC_OK) {
        meta(s, "content_version", sum->content_version, sizeof sum->content_version);
        meta(s, "built_at", sum->built_at, sizeof sum->built_at);
        meta(s, "modified_at", sum->modified_at, sizeof sum->modified_at);
        rc = bc_store_version(s, &sum->schema_version, err);
    }
    size_t ki = 0;
    for (const bc_doc_kind *k = bc_doc_kinds; rc == BC_OK && k->type != NULL; k++, ki++)
        rc = ki < BC_EXPORT_MAX_KINDS ? write_kind(s, k, ki, &w, err)
                                      : bc_err_set(err, BC_EINVAL, "too many kinds to export");
    if (own && rc == BC_OK)
        rc = bc_store_commit(s, err);
    if (own && rc != BC_OK)
        bc_store_rollback(s);
    unsigned char digest[32];
    bc_sha256_final(&w.hash, digest);
    bc_sha256_tohex(digest, sum->sha256);
    bc_buf_free(&w.line);
    return rc;
}

void bc_export_index_json(const bc_export_summary *sum, bc_buf *out)
{
    bc_buf_puts(out, "{\"content_version\":");
    bc_buf_json_string(out, sum->content_version, strlen(sum->content_version));
    bc_buf_puts(out, ",\"built_at\":");
    bc_buf_json_string(out, sum->built_at, strlen(sum->built_at));
    bc_buf_puts(out, ",\"modified_at\":");
    if (sum->modified_at[0] != '\0')
        bc_buf_json_string(out, sum->modified_at, strlen(sum->modified_at));
    else
        bc_buf_puts(out, "null");
    bc_buf_printf(out,
                  ",\"schema_version\":%d,\"format\":\"ndjson\",\"url\":\"/v1/export.ndjson\","
                  "\"counts\":{",
                  sum->schema_version);
    size_t ki = 0;
    for (const bc_doc_kind *k = bc_doc_kinds; k->type != NULL && ki < BC_EXPORT_MAX_KINDS;
         k++, ki++)
        bc_buf_printf(out, "%s\"%s\":%lld", ki ? "," : "", k->type, sum->counts[ki]);
    bc_buf_printf(out, "},\"total\":%lld,\"bytes\":%llu,\"sha256\":\"%s\"}", sum->total, sum->bytes,
                  sum->sha256);
}
