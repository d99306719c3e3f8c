/* search_index.h: writing the full-text index that /v1/search (search.h) reads. The
 * loader indexes everything after a build; ingest indexes what one article added. */
#ifndef BORDERCOOP_SEARCH_INDEX_H
#define BORDERCOOP_SEARCH_INDEX_H

#include "bordercoop/buf.h"
#include "bordercoop/err.h"
#include "bordercoop/store.h"

#include <stddef.h>

/* Indexes every paragraph of a source's body (page furniture such as image lines,
 * links and short lines left out), each in chunks of at most 2.5 KiB cut after a
 * sentence or a word (see bc_search_chunk_len), with each chunk's paragraph number and
 * byte offset in search_positions. */
int bc_search_index_source(bc_store *s, const char *source_id, bc_err *err);

/* Adds the index row of one entity (kind as in the index: meeting, figure, project,
 * protocol, person, province, mechanism, event; BC_EINVAL for any other), read through
 * indexes keyed on that entity, so its cost does not grow with the store; or the rows
 * of every entity (v_search_rows) when kind is NULL. It adds: an entity indexed before
 * is first removed with bc_search_unindex. An id that is not there adds nothing. */
int bc_search_index_entity(bc_store *s, const char *kind, const char *id, bc_err *err);

/* Removes every index row of one entity (kind and id as above). The index keeps no
 * order on kind and id, so this reads every row of it: for an entity that changed, not
 * for one just added. */
int bc_search_unindex(bc_store *s, const char *kind, const char *id, bc_err *err);

/* Entities to index once a step that writes many of them (an ingest) is done with them.
 * Each row is then written once, from what the entity finally is, and all of them in
 * one run of inserts: FTS5 writes what it holds pending as a segment of its own before
 * any statement that may need undoing in part (an INSERT ... SELECT, an INSERT OR
 * IGNORE), so rows indexed between such writes cost a segment each and the merges of
 * them. Zero it (BC_SEARCH_BATCH_INIT) before use; bc_search_batch_free. */
typedef struct bc_search_batch {
    bc_buf entries; /* "kind\0id\0" then one byte: 1 = unindex first */
    size_t n;
} bc_search_batch;

#define BC_SEARCH_BATCH_INIT                                                                       \
    {                                                                                              \
        BC_BUF_INIT, 0                                                                             \
    }

/* Adds the entity kind/id (kinds as for bc_search_index_entity; both copied) to the
 * batch; reindex: an entity that may have an index row already, removed first. An entity
 * added twice is indexed once, where it was added last. */
void bc_search_batch_add(bc_search_batch *b, const char *kind, const char *id, int reindex);

/* Indexes the batch's entities: first removes the rows of those added with reindex
 * (bc_search_unindex), then adds each one's row (bc_search_index_entity) in the order
 * of its last addition, which is the order of their rows had each been indexed when
 * added. Empties the batch. BC_ENOMEM when an addition ran out of memory; store errors
 * as those functions give them. */
int bc_search_batch_write(bc_store *s, bc_search_batch *b, bc_err *err);

/* Frees what the batch holds; it is empty and usable again. */
void bc_search_batch_free(bc_search_batch *b);

/* The length of the chunk of a paragraph that starts at p (n bytes left): all of it up
 * to 2.5 KiB, else up to the last sentence end in its second half, else the last space,
 * else a UTF-8 character boundary. Snippets cost the square of a row's hits, so rows
 * stay this small however long a paragraph is. */
size_t bc_search_chunk_len(const char *p, size_t n);

#endif
