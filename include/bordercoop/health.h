/* health.h: GET /healthz (the process answers) and GET /readyz (the store can be read),
 * for load balancers and orchestrators. */
#ifndef BORDERCOOP_HEALTH_H
#define BORDERCOOP_HEALTH_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

/* GET /healthz: 200 {"status":"ok","version":...}; never touches the store. */
int bc_handle_healthz(bc_request *req, bc_response *res);

/* GET /readyz: 200 with the store's content version and build time, or 503 when the
 * store cannot be read. */
int bc_handle_readyz(bc_request *req, bc_response *res);

#endif
