/* curation.c: the `curation=` filter's names and the parameter of /v1/stats (see
 * curation.h). */
#include "bordercoop/curation.h"

#include <string.h>
#include <strings.h>

static const char *const SETS[] = {"trusted",  "all",       "curated",
                                   "reviewed", "extracted", "rejected"};

const char *bc_curation_set(const char *name)
{
    for (size_t i = 0; name != NULL && i < sizeof SETS / sizeof SETS[0]; i++)
        if (strcasecmp(name, SETS[i]) == 0)
            return SETS[i];
    return NULL;
}

int bc_curation_param(bc_request *req, bc_response *res, const char **out)
{
    bc_qpair *pairs;
    size_t n;
    int st = bc_request_query(req, res, &pairs, &n);
    if (st != 0)
        return st;
    for (size_t i = 0; i < n; i++) {
        const char *k = pairs[i].key, *v = pairs[i].value;
        if (strcmp(k, "curation") != 0)
            return bc_problem(res, 400, "unknown_parameter", k,
                              "unknown parameter '%.60s'; %s %s takes only curation", k,
                              req->method, req->path);
        if (i > 0)
            return bc_problem(res, 400, "duplicate_parameter", k,
                              "parameter '%.60s' is given more than once", k);
        if (v[0] == '\0')
            return bc_problem(res, 400, "invalid_parameter", k, "parameter 'curation' is empty");
        const char *set = bc_curation_set(v);
        if (set == NULL)
            return bc_problem(res, 400, "invalid_parameter", k,
                              "unknown curation '%.40s'; allowed: " BC_CURATION_ALLOWED, v);
        *out = set;
    }
    return 0;
}
