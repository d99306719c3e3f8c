/* dashboard.h: the browser dashboard (web/, built by Vite): GET / for browsers and
 * GET /assets/{file}. The bundle is linked into bordercoopd only, which installs it at
 * start; without one (a build on a machine without Node, the CLI, the tests) / tells
 * browsers that the dashboard was not built. */
#ifndef BORDERCOOP_DASHBOARD_H
#define BORDERCOOP_DASHBOARD_H

#include "bordercoop/embed.h"
#include "bordercoop/request.h"
#include "bordercoop/response.h"

/* Serves files[0..n) ("index.html", "assets/...") from now on; borrowed for the life
 * of the process. NULL or n == 0: no dashboard. Call before serving. */
void bc_dashboard_install(const bc_embedded *files, size_t n);

/* GET /: the dashboard for browsers (req->wants_html), the JSON index (apidoc.h)
 * otherwise. */
int bc_handle_root(bc_request *req, bc_response *res);

/* GET /assets/{file}: the dashboard's scripts, styles and images; content-named ones
 * may be cached for good. */
int bc_handle_asset(bc_request *req, bc_response *res);

#endif
