/* check.h: the integrity report behind `bordercoop check`: facts per resource, sources
 * per fact, every quote re-verified against its article bytes, aliases per entity, the
 * recorded conflicts, dangling references and facts without provenance. */
#ifndef BORDERCOOP_CHECK_H
#define BORDERCOOP_CHECK_H

#include "bordercoop/buf.h"
#include "bordercoop/err.h"
#include "bordercoop/store.h"

/* Appends a human-readable report on the store to out and sets *problems to the number
 * of dangling references, unverifiable quotes and facts without a source (0 = clean).
 * Returns 0, or an error code when the store cannot be read. */
int bc_check_report(bc_store *store, bc_buf *out, int *problems, bc_err *err);

#endif
