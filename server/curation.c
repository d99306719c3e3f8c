/* curation.c: the `curation=` filter's names and the parameter of /v1/stats (see
 * curation.h). */
#include "bordercoop/curation.h"

#include "bordercoop/query.h"
#include "bordercoop/resource.h"

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
    static const bc_param_spec PARAMS[] = {{"curation", BC_PARAM_TEXT}, {NULL}};
    bc_param ps[BC_QUERY_MAX_PAIRS];
    size_t n;
    int st = bc_params_parse(req, PARAMS, NULL, ps, &n, res);
    if (st != 0 || n == 0)
        return st;
    const char *set = bc_curation_set(ps[0].text);
    if (set == NULL)
        return bc_problem(res, 400, "invalid_parameter", "curation",
                          "unknown curation '%.40s'; allowed: " BC_CURATION_ALLOWED, ps[0].text);
    *out = set;
    return 0;
}
