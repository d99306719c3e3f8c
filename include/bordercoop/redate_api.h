/* redate_api.h: PATCH /v1/sources/{id}, an ingested article given its publication date
 * after the fact or a wrong one corrected (redate.h does the work). Needs a key of role
 * ingest or higher, as POST /v1/sources does. */
#ifndef BORDERCOOP_REDATE_API_H
#define BORDERCOOP_REDATE_API_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

/* PATCH /v1/sources/{id} with {"published_on": "YYYY[-MM[-DD]]" | null, "note": "..."}
 * (application/json or application/merge-patch+json): 200 with the source, the date
 * before and after, what became of each of its facts and the audit entry (`changed`
 * false and nothing written when it already had that date), or a problem: 400
 * (malformed_json, invalid_field), 401, 403, 404, 409 (curated_source, reviewed_facts,
 * linked_facts, naming the facts), 415, 503. */
int bc_handle_source_patch(bc_request *req, bc_response *res);

#endif
