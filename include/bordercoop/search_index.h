/* search_index.h: writing the full-text index that /v1/search (search.h) reads. The
 * loader indexes everything after a build; ingest indexes what one article added. */
#ifndef BORDERCOOP_SEARCH_INDEX_H
#define BORDERCOOP_SEARCH_INDEX_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

#include <stddef.h>

/* Indexes every paragraph of a source's body (page furniture such as image lines,
 * links and short lines left out). */
int bc_search_index_source(bc_store *s, const char *source_id, bc_err *err);

/* Indexes one entity (kind as in the index: meeting, figure, project, protocol, person,
 * province, mechanism), or every entity when kind is NULL. */
int bc_search_index_entity(bc_store *s, const char *kind, const char *id, bc_err *err);

#endif
