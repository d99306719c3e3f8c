/* request.c: what every handler does with its request first. */
#include "bordercoop/request.h"

int bc_request_query(bc_request *req, bc_response *res, bc_qpair **pairs, size_t *n)
{
    bc_err err;
    if (bc_query_parse(req->query, req->arena, pairs, n, &err) == BC_OK)
        return 0;
    *pairs = NULL;
    *n = 0;
    return err.code == BC_ENOMEM ? bc_problem_internal(res, NULL, "out of memory")
                                 : bc_problem(res, 400, "malformed_query", NULL, "%s", err.msg);
}

int bc_reject_params(bc_request *req, bc_response *res)
{
    bc_qpair *pairs;
    size_t n;
    int st = bc_request_query(req, res, &pairs, &n);
    if (st != 0)
        return st;
    if (n > 0)
        return bc_problem(res, 400, "unknown_parameter", pairs[0].key,
                          "unknown parameter '%.60s'; %s %s takes no query parameters",
                          pairs[0].key, req->method, req->path);
    return 0;
}
