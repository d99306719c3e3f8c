/* search_index.h: writing the full-text index that /v1/search (search.h) reads. The
 * loader indexes everything after a build; ingest indexes what one article added. */
#ifndef BORDERCOOP_SEARCH_INDEX_H
#define BORDERCOOP_SEARCH_INDEX_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

#include <stddef.h>

/* Indexes every paragraph of a source's body (page furniture such as image lines,
 * links and short lines left out), each in chunks of at most 2.5 KiB cut after a
 * sentence or a word (see bc_search_chunk_len). */
int bc_search_index_source(bc_store *s, const char *source_id, bc_err *err);

/* Indexes one entity (kind as in the index: meeting, figure, project, protocol, person,
 * province, mechanism), or every entity when kind is NULL. */
int bc_search_index_entity(bc_store *s, const char *kind, const char *id, bc_err *err);

/* The length of the chunk of a paragraph that starts at p (n bytes left): all of it up
 * to 2.5 KiB, else up to the last sentence end in its second half, else the last space,
 * else a UTF-8 character boundary. Snippets cost the square of a row's hits, so rows
 * stay this small however long a paragraph is. */
size_t bc_search_chunk_len(const char *p, size_t n);

#endif
