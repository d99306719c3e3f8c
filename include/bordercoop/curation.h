/* curation.h: the `curation=` filter. A fact is curated (read by a person, from data/),
 * extracted (machine-read from an ingested article, awaiting review), reviewed (extracted,
 * then approved or corrected by a reviewer) or rejected (kept for audit). Every list,
 * /v1/series and /v1/stats take `curation=` with the name of a set of these, listed in
 * the store's curation_sets table (migration 0008): `trusted` (curated and reviewed: the
 * default, so machine-read facts never mix silently with vouched-for ones), `all`
 * (trusted and extracted), or one curation by name. Rejected facts are served only when
 * asked for by name. */
#ifndef BORDERCOOP_CURATION_H
#define BORDERCOOP_CURATION_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

#define BC_CURATION_DEFAULT "trusted"
#define BC_CURATION_ALLOWED "trusted, all, curated, reviewed, extracted, rejected"

/* The canonical (static) name of the set `name` names, case ignored; NULL when it is
 * none of BC_CURATION_ALLOWED. */
const char *bc_curation_set(const char *name);

/* For routes whose only query parameter is `curation`: *out gets the set asked for
 * (static; left as it is when absent). 0, or a 400 problem (unknown, duplicate or empty
 * parameter, unknown set naming the allowed ones) and its status. */
int bc_curation_param(bc_request *req, bc_response *res, const char **out);

#endif
