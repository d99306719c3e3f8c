/* changes.h: the change feed. Every load, ingest and review decision appends entries
 * (seq, at, content_version, kind, id, op, fields, actor, origin, note) to the store's
 * append-only `changes` table; GET /v1/changes serves them in seq order.
 *
 * How entries are made. The feed keeps, per entity, the document it last reported (the
 * baseline). bc_changes_record compares every current document with the baseline and
 * appends `added`, `changed` (naming the top-level fields that differ) and `removed`,
 * then moves the baseline: the loader calls it after a build (a rebuild of unchanged
 * data/ appends nothing), ingest after storing an article. A step that knows exactly
 * what it did and who did it (a reviewer approving, rejecting or editing a fact, with
 * their key id as actor) calls bc_changes_append instead, which also moves that
 * entity's baseline, so a later record does not report the same change again; it then
 * compares the documents the decision can have changed beside the fact (its article,
 * counts, lists, links: bc_changes_record_docs_after) in the same transaction, so that a
 * later load finds nothing to report.
 *
 * Kinds are the documents' `type` values: source, province, person, mechanism,
 * meeting, protocol, figure, border_gate_project (bc_doc_kinds, in that order). */
#ifndef BORDERCOOP_CHANGES_H
#define BORDERCOOP_CHANGES_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

/* One kind of document: its type, its collection path, the SQL listing every id in
 * order, and the SQL rendering one document (one parameter, the id): the same
 * document the API serves. */
typedef struct bc_doc_kind {
    const char *type;    /* "meeting" */
    const char *path;    /* "/v1/meetings" */
    const char *ids_sql; /* "SELECT id FROM meetings ORDER BY id" */
    const char *doc_sql;
    /* the sets whose lists leave the document out although its curation is in them (a
     * known meeting's twin, a plan a reviewed account outranks), as one JSON array text
     * or NULL (one parameter, the id); NULL for a kind every set lists by curation */
    const char *hidden_sql;
} bc_doc_kind;

/* Every kind, in feed and export order, terminated by an entry with type NULL. */
extern const bc_doc_kind bc_doc_kinds[];

/* The kind named type, or NULL. */
const bc_doc_kind *bc_doc_kind_find(const char *type);

typedef enum bc_change_op { BC_CHANGE_ADDED, BC_CHANGE_CHANGED, BC_CHANGE_REMOVED } bc_change_op;

/* "added", "changed", "removed". */
const char *bc_change_op_name(bc_change_op op);

typedef struct bc_change {
    const char *kind;          /* a bc_doc_kinds type */
    const char *id;            /* the entity's id */
    bc_change_op op;           /* what happened to it */
    const char *const *fields; /* changed top-level fields, NULL-terminated (op CHANGED);
                                * NULL = not known */
    const char *actor;         /* who: "loader", "ingest", a person's key id */
    const char *origin;        /* "load", "ingest" or "review" */
    const char *note;          /* optional: a reviewer's reason; NULL = none */
    const char *at;            /* ISO 8601 UTC time; NULL = now */
} bc_change;

/* Appends c to the feed, stamped with the store's current content version, inside the
 * caller's transaction (the caller holds the writer lock), and sets the entity's
 * baseline to its current document (removes it for BC_CHANGE_REMOVED). *seq (may be
 * NULL) receives the new entry's sequence number. Every pointer is borrowed. Fails with
 * BC_EINVAL for an unknown kind or origin, an empty id or actor, BC_ESTORE on SQLite
 * errors. */
int bc_changes_append(bc_store *s, const bc_change *c, long long *seq, bc_err *err);

/* Compares every current document with the baseline, appends one entry per difference
 * (kinds in bc_doc_kinds order, ids in order, each kind's removals last) with the given
 * origin, actor and time (at NULL = now), and moves the baseline. Inside the caller's
 * transaction. *appended (may be NULL) receives the number of entries. */
int bc_changes_record(bc_store *s, const char *origin, const char *actor, const char *at,
                      int *appended, bc_err *err);

/* bc_changes_record for what one ingested article can have changed: the source, every
 * document citing it and the documents that show part of one of those (its figures'
 * provinces, its meetings' mechanism and provinces, ...), compared with the baseline in
 * bc_doc_kinds order, ids in order. The cost follows the article, not the store: an
 * ingest calls this, a load the whole-store bc_changes_record. Same contract otherwise;
 * *compared (may be NULL) is increased by the number of documents compared. */
int bc_changes_record_source(bc_store *s, const char *source_id, const char *origin,
                             const char *actor, const char *at, int *appended, int *compared,
                             bc_err *err);

/* The documents bc_changes_record_source would compare for source_id now, as a new JSON
 * array of [kind, id] pairs in *out (bc_free): taken before a step that may remove some
 * of them (a re-read of the article), for bc_changes_record_source_after. */
int bc_changes_touched(bc_store *s, const char *source_id, char **out, bc_err *err);

/* bc_changes_record_source that also compares the documents of before (bc_changes_touched's
 * text, taken before the step; NULL: none): those gone since are recorded as removed,
 * those still there as changed when they differ. Same contract otherwise. */
int bc_changes_record_source_after(bc_store *s, const char *source_id, const char *before,
                                   const char *origin, const char *actor, const char *at,
                                   int *appended, int *compared, bc_err *err);

/* The documents a step on the documents of docs (a JSON array of [kind, id] pairs: a
 * review decision's fact, as the feed names it) can change, as bc_changes_touched gives
 * them for an article: those documents, the articles citing them (a source lists its
 * facts and citations) and one level of the documents showing part of one (a province's
 * counts, a mechanism's meetings, the meetings that are the same as a meeting, the one it
 * is the same as, ...). A new JSON array of [kind, id] pairs in *out (bc_free), taken
 * before the step for bc_changes_record_docs_after. */
int bc_changes_touched_docs(bc_store *s, const char *docs, char **out, bc_err *err);

/* bc_changes_record_source_after for the documents of bc_changes_touched_docs(docs) now
 * and those of before (its text taken before the step; NULL: none): every one whose
 * document differs from what the feed last reported gets its entry (added, changed with
 * its fields, removed), with the given origin, actor and time, in bc_doc_kinds order and
 * ids in order. The cost follows the documents touched, not the store. *compared (may be
 * NULL) is increased by the number of documents compared. */
int bc_changes_record_docs_after(bc_store *s, const char *docs, const char *before,
                                 const char *origin, const char *actor, const char *at,
                                 int *appended, int *compared, bc_err *err);

/* bc_changes_record for the documents of one kind named in ids_json (a JSON array of
 * ids, NULL = none), in id order: what a step changed beside the fact it is about (the
 * figures that list a reviewed figure among their overlaps). Same contract otherwise;
 * BC_EINVAL for an unknown kind or origin or an empty actor. */
int bc_changes_record_ids(bc_store *s, const char *kind, const char *ids_json, const char *origin,
                          const char *actor, const char *at, int *appended, bc_err *err);

/* After `bordercoop migrate` applied migrations from schema version from to to in place:
 * compares every document with the baseline (bc_changes_record) and, when a migration
 * changed what a document shows (0050 reordered figures' lists), appends one `changed`
 * entry per such document (origin "load", actor "migration", a note naming the two
 * versions) after moving the content version forward, so the feed, changed_since and
 * ETags say so at once rather than when each document is next touched. A store without a
 * feed (no baseline: never loaded) is left alone. Runs its own transaction (call it
 * outside one); nothing is written when no document changed. *appended (may be NULL)
 * receives the number of entries. BC_ESTORE or BC_ENOMEM. */
int bc_changes_record_migration(bc_store *s, int from, int to, int *appended, bc_err *err);

/* Copies the feed and the baseline of the store file at prev_path into s, a fresh
 * build that has neither yet, so a rebuild continues the same feed. A previous store
 * without a feed (an older schema) copies nothing. Runs its own transaction, so call it
 * outside one (SQLite attaches prev_path, which a transaction forbids). */
int bc_changes_carry(bc_store *s, const char *prev_path, bc_err *err);

/* The ?changed_since=SEQ filter every collection offers (a bc_param_spec initializer,
 * resource.h): only entities with an `added` or `changed` feed entry after SEQ. */
#define BC_CHANGED_SINCE_FILTER(id_col, kind)                                                      \
    {                                                                                              \
        "changed_since", BC_PARAM_INT,                                                             \
            id_col " IN (SELECT id FROM changes WHERE kind = '" kind "' AND op != 'removed' AND "  \
                   "seq > ?)",                                                                     \
            .min = 0, .max = 999999999999L, .past_max = 1                                          \
    }

/* The sequence number of the newest entry (0 when the feed is empty) into *seq. */
int bc_changes_latest(bc_store *s, long long *seq, bc_err *err);

#endif
