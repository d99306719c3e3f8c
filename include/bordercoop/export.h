/* export.h: the versioned bulk export. Every document of every kind (the ones the API
 * serves, changes.h's bc_doc_kinds) as NDJSON, one {"type": T, "id": I, "item": {...}}
 * per line, kinds in bc_doc_kinds order and ids in order within a kind, read in one
 * snapshot: the same store gives the same bytes, from the CLI (`bordercoop export`) and
 * from GET /v1/export.ndjson. The index (GET /v1/export/index.json) describes one
 * export: content version, build time, counts per kind, byte size and SHA-256. */
#ifndef BORDERCOOP_EXPORT_H
#define BORDERCOOP_EXPORT_H

#include "bordercoop/buf.h"
#include "bordercoop/err.h"
#include "bordercoop/store.h"

#define BC_EXPORT_MAX_KINDS 16

typedef struct bc_export_summary {
    char content_version[65];
    char built_at[32];    /* store_meta built_at: when the store was built */
    char modified_at[32]; /* last ingest, "" when none */
    int schema_version;
    long long counts[BC_EXPORT_MAX_KINDS]; /* per bc_doc_kinds entry, in its order */
    long long total;                       /* lines */
    unsigned long long bytes;
    char sha256[65]; /* of the whole body */
} bc_export_summary;

/* Receives the export in pieces; returns 0 to go on, anything else to stop (the
 * export then fails with BC_EIO). data is borrowed for the call. */
typedef int (*bc_export_sink)(void *ctx, const char *data, size_t n);

/* Writes the export of s to sink (may be NULL: only the summary is computed) inside one
 * read transaction (when s is not already in one) and fills *sum. */
int bc_export_write(bc_store *s, bc_export_sink sink, void *ctx, bc_export_summary *sum,
                    bc_err *err);

/* Appends the index document of sum to out:
 * {"content_version", "built_at", "modified_at", "schema_version", "format", "url",
 *  "counts": {type: n}, "total", "bytes", "sha256"}. */
void bc_export_index_json(const bc_export_summary *sum, bc_buf *out);

#endif
