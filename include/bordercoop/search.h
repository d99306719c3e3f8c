/* search.h: GET /v1/search?q=, full-text search over the articles and every entity
 * (FTS5, bm25-ranked, snippets marked with <mark>, a hit the snippet's window cuts
 * marked whole: search_snippet.h). Plain words are matched through the names the store
 * has for an entity (its aliases: q=Junnan also looks for Yunnan and Van Nam) and those
 * the gazetteer has for a border place (芒街 is Mong Cai, Hà Khẩu is Hekou and 河口:
 * bc_gazetteer_reference_names), at most 48 names a query; the query is made into one
 * that always parses (search_query.h). The index is written by search_index.h. */
#ifndef BORDERCOOP_SEARCH_H
#define BORDERCOOP_SEARCH_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

/* GET /v1/search: q (required), type, lang, paragraphs, limit (1..BC_LIMIT_MAX, default
 * 20), offset, total, format (json or csv; Accept: text/csv too). */
int bc_handle_search(bc_request *req, bc_response *res);

#endif
