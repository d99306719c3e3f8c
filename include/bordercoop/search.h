/* search.h: GET /v1/search?q=, full-text search over the articles and every entity
 * (FTS5, bm25-ranked, snippets marked with <mark>). Plain words are matched through the
 * alias table (q=Junnan also looks for Yunnan and Van Nam); a query in FTS5 syntax
 * (quotes, AND/OR/NOT, prefix*) is passed through, and its syntax errors are 400. The
 * index is written by search_index.h. */
#ifndef BORDERCOOP_SEARCH_H
#define BORDERCOOP_SEARCH_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

/* GET /v1/search: q (required), type, lang, paragraphs, limit (1..BC_LIMIT_MAX, default
 * 20), offset, total, format (json or csv; Accept: text/csv too). */
int bc_handle_search(bc_request *req, bc_response *res);

#endif
