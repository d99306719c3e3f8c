/* ingest_api.h: POST /v1/sources, an analyst adds an article over HTTP (ingest.h does
 * the work). Writes need "Authorization: Bearer <key>" with a key of role ingest or
 * higher, or the bootstrap token BORDERCOOP_API_TOKEN (auth.h); the article records the
 * key's owner. Without either the server is read-only and every write is 403. */
#ifndef BORDERCOOP_INGEST_API_H
#define BORDERCOOP_INGEST_API_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

/* POST /v1/sources: 201 with the new source and what was extracted, 200 when the same
 * text was ingested before, or a problem (400, 401, 403, 413, 415, 503). */
int bc_handle_ingest(bc_request *req, bc_response *res);

#endif
