/* review_int.h: what the review step's files share (review.c, review_decide.c,
 * review_replay.c, review_edit.c): each reviewable kind's tables and SQL, small store
 * helpers, applying a decision and an edit's corrected fields. Not a public contract. */
#ifndef BORDERCOOP_REVIEW_INT_H
#define BORDERCOOP_REVIEW_INT_H

#include "bordercoop/review.h"

typedef struct review_kind {
    const char *name;       /* "figure" */
    const char *collection; /* "figures" */
    const char *path;       /* "/v1/figures/" */
    const char *feed_type;  /* its documents' type in the change feed (changes.h) */
    const char *state_sql;  /* ?1 id -> curation */
    const char *set_sql;    /* ?1 id, ?2 curation */
    const char *source_sql; /* ?1 id -> the source of its first quoted span */
    /* ?1 id -> the text hashed into the fingerprint: the kind, the extracted values and
     * every quoted span (source, start, end), in a fixed order */
    const char *fingerprint_sql;
    /* ?1 source id -> ids of this kind's extracted facts quoted from that source */
    const char *from_source_sql;
    /* NULL, or (a part of another document, a project's event) ?1 id -> the id of the
     * document of type feed_type (at path) that holds it: its change in the feed, its
     * link and its search row are that document's */
    const char *owner_sql;
    const char *doc_sql;     /* NULL, or ?1 id -> its own document when it has an owner */
    const char *search_kind; /* the search index's kind of it (or of its owner) */
} review_kind;

/* The kind's definition (static). */
const review_kind *review_kind_get(bc_review_kind k);

/* The SQL of the fact's document as the API serves it (?1 id): the change feed's, or
 * its own when it is part of another document. */
const char *review_doc_sql(const review_kind *k);

/* ---- review.c: store helpers ---- */

/* The first column of sql's first row, vals bound (bc_store_lookup: their number must
 * be the statement's), into out (size n; out may be NULL): 1 when there was a row, 0
 * when none, -1 on error (err set, its code BC_ENOMEM, BC_EINVAL or BC_ESTORE). Writes
 * go through bc_store_run. */
int review_one(bc_store *s, const char *sql, const bc_bind *vals, size_t nvals, char *out, size_t n,
               bc_err *err);

/* The time now, UTC, as 2026-03-02T09:14:00Z. */
void review_now_iso(char out[24]);

/* Runs sql (?1 id) and returns its first column as a new string in *out (bc_free), or
 * NULL when there is no row. */
int review_doc_of(bc_store *s, const char *sql, const char *id, char **out, bc_err *err);

/* The document the change feed shows for fact id (its own, or its owner's; NULL when
 * there is none) into *out (bc_free) and its id into doc_id (size 200). */
int review_feed_doc(bc_store *s, const review_kind *k, const char *id, char doc_id[200], char **out,
                    bc_err *err);

/* ---- review_decide.c ---- */

/* The fingerprint of fact id as it is stored now (hex SHA-256 into fp); BC_ENOTFOUND
 * when there is no such fact. */
int review_fingerprint(bc_store *s, const review_kind *k, const char *id, char fp[65], bc_err *err);

/* Moves the content version forward (a hash of the previous one and what), so ETags
 * and caches follow, and records the modification time. The new version into version. */
int review_bump_version(bc_store *s, const char *what, char version[65], bc_err *err);

/* Applies action to fact id inside the caller's transaction: checks its state, applies
 * an edit's fields, sets the curation and the search index, and recomputes a figure's
 * overlaps and computed conflicts (figure_links.h) or, for a rejected meeting, links the
 * meetings that were the same as it again (meeting_links.h). Fills from/to, *changes
 * (edit: new, json_decref), *related (may be NULL: the JSON array of the other figures, or
 * meetings, whose documents the decision changed, bc_free; else NULL) and field (on
 * BC_EINVAL). BC_ENOTFOUND,
 * BC_ECONFLICT (a curated fact, or an action that makes no sense from its state), BC_EINVAL (an
 * edit's fields), BC_ESTORE or BC_ENOMEM. */
int review_apply_action(bc_store *s, bc_review_kind kind, const char *id, bc_review_action action,
                        json_t *fields, char from[16], char to[16], json_t **changes,
                        char **related, char field[80], bc_err *err);

/* ---- review_edit.c ---- */

/* Validates fields (a JSON object of corrected fields) for an edit of fact id of kind
 * k and applies them to s inside the caller's open transaction. *changes gets a new
 * object {"field": {"from": old, "to": new}} of what differs (json_decref it); a field
 * equal to the stored value is left out. BC_EINVAL with field naming the offending one
 * ("fields.value") when a field is unknown, of the wrong type, not in its vocabulary or
 * a missing reference, or when nothing would change. */
int review_edit_apply(bc_store *s, bc_review_kind k, const char *id, json_t *fields,
                      json_t **changes, char field[80], bc_err *err);

/* ---- review_titles.c ---- */

/* After an edit of figure id (changes: review_edit_apply's, borrowed), inside the caller's
 * transaction: a description that still reads as made names the corrected metric and
 * period. BC_ESTORE. */
int review_figure_describe(bc_store *s, const char *id, json_t *changes, bc_err *err);

/* After an edit of meeting id (changes: review_edit_apply's, borrowed), inside the
 * caller's transaction: a title that still starts as ingest made it from the number and
 * mechanism before the edit ("Meeting 13 of the Joint Working Group ...") is made again
 * from the corrected ones; with another mechanism, the members it names are that one's.
 * A title a reviewer wrote, or sets in this edit, is left. BC_ESTORE or BC_ENOMEM. */
int review_meeting_retitle(bc_store *s, const char *id, json_t *changes, bc_err *err);

/* ---- review_event.c ---- */

/* After an edit of event id's parties (change: {"from": [ids], "to": [ids]}, borrowed),
 * inside the caller's transaction: a title that still reads as it was made, ending in
 * the old provinces' names ("Talks of A, B and C", with or without " (extracted)") or
 * " between the two sides", names the new ones ("Talks of A and C"); any other title is
 * left as the reviewer or the data has it. BC_ESTORE or BC_ENOMEM. */
int review_event_retitle(bc_store *s, const char *id, json_t *change, bc_err *err);

/* ---- review_meeting.c ---- */

/* After an edit of meeting id (changes: the object review_edit_apply builds, borrowed),
 * inside the caller's transaction: a corrected mechanism gives the meeting its members as
 * provinces; a corrected mechanism or host must leave the host one of the mechanism's
 * members when it has any on record (a province a member became part of, or one that
 * became part of a member, counts as that member: "tuyen-quang" hosts for Ha Giang's
 * seat), else BC_EINVAL with field "fields.host"; a corrected mechanism or number links
 * it again to the curated meeting of that number. BC_ESTORE or BC_ENOMEM otherwise. */
int review_meeting_relink(bc_store *s, const char *id, json_t *changes, char field[80],
                          bc_err *err);

#endif
