/* apidoc.h: what the API says about itself: the /v1 index (a link to every
 * collection) and the OpenAPI contract compiled into the binary. */
#ifndef BORDERCOOP_APIDOC_H
#define BORDERCOOP_APIDOC_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

/* GET /v1: name, version and links to the collections and fixed endpoints. */
int bc_handle_index(bc_request *req, bc_response *res);

/* GET /openapi.yaml: the embedded openapi.yaml, as application/yaml. */
int bc_handle_openapi(bc_request *req, bc_response *res);

#endif
