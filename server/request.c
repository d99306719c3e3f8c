/* request.c: what every handler does with its request first. */
#include "bordercoop/request.h"

int bc_request_query(bc_request *req, bc_response *res, bc_qpair **pairs, size_t *n)
{
    bc_err err;
    if (bc_query_parse(req->query, req->arena, pairs, n, &err) == BC_OK)
        return 0;
    *pairs = NULL;
    *n = 0;
    return err.code == BC_ENOMEM ? bc_problem(res, 500, "internal_error", NULL, "out of memory")
                                 : bc_problem(res, 400, "malformed_query", NULL, "%s", err.msg);
}
