/* review_int.h: what review.c and review_edit.c share: each reviewable kind's tables and
 * SQL, and applying an edit's corrected fields. Not a public contract. */
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

/* Validates fields (a JSON object of corrected fields) for an edit of fact id of kind
 * k and applies them to s inside the caller's open transaction. *changes gets a new
 * object {"field": {"from": old, "to": new}} of what differs (json_decref it); a field
 * equal to the stored value is left out. BC_EINVAL with field naming the offending one
 * ("fields.value") when a field is unknown, of the wrong type, not in its vocabulary or
 * a missing reference, or when nothing would change. */
int review_edit_apply(bc_store *s, bc_review_kind k, const char *id, json_t *fields,
                      json_t **changes, char field[80], bc_err *err);

#endif
