/* ingest_api.h: POST /v1/sources, an analyst adds an article over HTTP (ingest.h does
 * the work). Writes need "Authorization: Bearer <key>" with a key of role ingest or
 * higher, or the bootstrap token BORDERCOOP_API_TOKEN (auth.h); the article records the
 * key's owner. Without either the server is read-only and every write is 403. */
#ifndef BORDERCOOP_INGEST_API_H
#define BORDERCOOP_INGEST_API_H

#include "bordercoop/buf.h"
#include "bordercoop/ingest.h"
#include "bordercoop/request.h"
#include "bordercoop/response.h"

/* POST /v1/sources, in two steps (router.h, bc_method.then). The first, with a
 * query-only connection: the key, the body and its fields, then the article read
 * (bc_ingest_prepare): 200 when the same text was ingested before, or a problem (400,
 * 401, 403, 409 for a republished copy, 413, 415, 422 for more facts than
 * --max-article-facts, 503); else returns 0 with what it read in req->stage. */
int bc_handle_ingest(bc_request *req, bc_response *res);

/* The second step, on the writer: stores what bc_handle_ingest read. 201 with the new
 * source and what was extracted, 200 when the same text was stored meanwhile, or a
 * problem (409, 422, 503 when the store is busy or lost or the facts would not be stored
 * within the request's budget, 500). */
int bc_handle_ingest_store(bc_request *req, bc_response *res);

/* Appends ,"extracted":{...} to b: what an ingest (or a re-read of an article) stored, linked
 * and left out, the amounts refused for an unread scale by their words
 * (not_stored.unread_scales) and those refused for another currency than the four read
 * (not_stored.other_currency). Shared by POST /v1/sources and PATCH /v1/sources/{id}. */
void bc_ingest_api_extracted(bc_buf *b, const bc_ingest_result *r);

#endif
