/* series.h: GET /v1/series, figures of one metric as points grouped by the set of
 * provinces they are about (series.c). Figures are never summed; a series says which of
 * its neighbouring points may be joined by a line and, for those that may not, why. */
#ifndef BORDERCOOP_SERIES_H
#define BORDERCOOP_SERIES_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

/* GET /v1/series?metric=M[&province=P][&pair=A+B][&from=D][&to=D][&curation=C].
 * Validates the query (a 400 problem naming the parameter; metric is required), reads
 * req->store (borrowed) and fills res: the body is owned by res and freed with
 * bc_response_free. A store failure is a 500 (bc_problem_internal). Returns the status;
 * a 200 is cacheable. */
int bc_handle_series(bc_request *req, bc_response *res);

#endif
