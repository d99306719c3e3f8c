/* search_index.h: writing the full-text index that /v1/search (search.h) reads. The
 * loader indexes everything after a build; ingest indexes what one article added. */
#ifndef BORDERCOOP_SEARCH_INDEX_H
#define BORDERCOOP_SEARCH_INDEX_H

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

/* The length of the chunk of a paragraph that starts at p (n bytes left): all of it up
 * to 2.5 KiB, else up to the last sentence end in its second half, else the last space,
 * else a UTF-8 character boundary. Snippets cost the square of a row's hits, so rows
 * stay this small however long a paragraph is. */
size_t bc_search_chunk_len(const char *p, size_t n);

#endif
