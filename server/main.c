/* main.c: bordercoopd: parse the configuration, open the store, serve until SIGINT or
 * SIGTERM, then let requests in flight finish and exit 0. */
#include "bordercoop/config.h"
#include "bordercoop/http.h"
#include "bordercoop/store.h"
#include "bordercoop/version.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GRACE_MS 10000

static const char *env(const char *name)
{
    return getenv(name);
}

/* Writes the bound port to path atomically (write a temporary file, then rename). */
static int write_ready_file(const char *path, int port)
{
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (f == NULL)
        return -1;
    int ok = fprintf(f, "%d\n", port) > 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        unlink(tmp);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    bc_config cfg;
    bc_err err;
    if (bc_config_parse(&cfg, argc, argv, env, &err) != 0) {
        fprintf(stderr, "bordercoopd: %s\n", err.msg);
        return 2;
    }
    if (cfg.show_help) {
        fputs(bc_config_usage(), stdout);
        return 0;
    }
    if (cfg.show_version) {
        printf("bordercoopd %s (schema %d)\n", BC_VERSION, bc_store_latest_version());
        return 0;
    }

    /* SIGINT/SIGTERM are taken by sigwait below; block them before any thread starts so
     * that no libmicrohttpd thread receives them */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    bc_store_mmap_bytes = (long long)cfg.mmap_mib << 20;
    bc_live *live = NULL;
    if (bc_live_open(cfg.db, (size_t)cfg.threads, &live, &err) != 0) {
        fprintf(stderr, "bordercoopd: %s\n", err.msg);
        return 1;
    }
    bc_http *http = NULL;
    if (bc_http_start(&cfg, live, &http, &err) != 0 ||
        bc_live_watch(live, 250, bc_http_generation_changed, http, &err) != 0) {
        fprintf(stderr, "bordercoopd: %s\n", err.msg);
        bc_http_stop(http, 0);
        bc_live_close(live);
        return 1;
    }
    int port = bc_http_port(http);
    fprintf(stderr, "bordercoopd %s: serving %s%s on %s (port %d, %d thread%s)\n", BC_VERSION,
            cfg.db, bc_live_immutable(live) ? " (read-only media: no ingest)" : "", cfg.listen,
            port, cfg.threads, cfg.threads == 1 ? "" : "s");
    if (cfg.ready_file[0] != '\0' && write_ready_file(cfg.ready_file, port) != 0)
        fprintf(stderr, "bordercoopd: cannot write ready file %s: %s\n", cfg.ready_file,
                strerror(errno));

    int sig = 0;
    while (sigwait(&stop, &sig) != 0)
        ;
    fprintf(stderr, "bordercoopd: %s received, finishing requests in flight\n",
            sig == SIGINT ? "SIGINT" : "SIGTERM");
    bc_http_stop(http, GRACE_MS);
    bc_live_close(live);
    if (cfg.ready_file[0] != '\0')
        unlink(cfg.ready_file);
    fprintf(stderr, "bordercoopd: stopped\n");
    return 0;
}
