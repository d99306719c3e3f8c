/* main.c: bordercoopd: parse the configuration, open the store, serve until SIGINT or
 * SIGTERM, then let requests in flight finish (within --shutdown-grace) and exit 0.
 * SIGHUP reopens the access log file and never stops the daemon. */
#include "bordercoop/config.h"
#include "bordercoop/dashboard.h"
#include "bordercoop/http.h"
#include "bordercoop/store.h"
#include "bordercoop/version.h"

#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *env(const char *name)
{
    return getenv(name);
}

/* The store file was deleted or replaced (from the watcher thread). */
static void store_lost(void *ctx, const char *why)
{
    (void)ctx;
    fprintf(stderr, "bordercoopd: %s\n", why);
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

    /* SIGINT, SIGTERM and SIGHUP are taken by sigwait below; block them before any thread
     * starts so that no libmicrohttpd thread receives them (SIGHUP's default action
     * would kill the daemon) */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGHUP);
    /* logrotate snippets send USR1 (nginx's reopen) or USR2; an ALRM or VTALRM nobody
     * asked for must not kill the daemon with lines in the log buffer either */
    sigaddset(&sigs, SIGUSR1);
    sigaddset(&sigs, SIGUSR2);
    sigaddset(&sigs, SIGALRM);
    sigaddset(&sigs, SIGVTALRM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    /* memory goes back to the system after a big request: glibc's threshold for serving
     * a large allocation with its own mapping would otherwise grow with every large
     * block freed (a 1 MiB body, an article's extraction), and those blocks would then
     * stay in a heap; and fewer arenas for fewer threads' leftovers (see
     * docs/performance.md) */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024);
    mallopt(M_ARENA_MAX, 2);

    bc_store_mmap_bytes = (long long)cfg.mmap_mib << 20;
    bc_store_lock_timeout_ms = cfg.write_budget_ms;
    bc_dashboard_install(bc_web, bc_web_count);
    bc_live *live = NULL;
    /* one reader per thread of every lane of the server (http_lanes.c) */
    if (bc_live_open(cfg.db, bc_http_readers(cfg.workers), &live, &err) != 0) {
        fprintf(stderr, "bordercoopd: %s\n", err.msg);
        return 1;
    }
    bc_live_on_lost(live, store_lost, NULL);
    bc_http *http = NULL;
    if (bc_http_start(&cfg, live, &http, &err) != 0 ||
        bc_live_watch(live, 250, bc_http_generation_changed, http, &err) != 0) {
        fprintf(stderr, "bordercoopd: %s\n", err.msg);
        bc_live_unwatch(live);
        bc_http_stop(http, 0);
        bc_live_close(live);
        return 1;
    }
    int port = bc_http_port(http);
    fprintf(stderr, "bordercoopd %s: serving %s%s on %s (port %d, %d I/O thread%s, %d worker%s)\n",
            BC_VERSION, cfg.db, bc_live_immutable(live) ? " (read-only media: no ingest)" : "",
            cfg.listen, port, cfg.threads, cfg.threads == 1 ? "" : "s", cfg.workers,
            cfg.workers == 1 ? "" : "s");
    if (cfg.ready_file[0] != '\0' && write_ready_file(cfg.ready_file, port) != 0)
        fprintf(stderr, "bordercoopd: cannot write ready file %s: %s\n", cfg.ready_file,
                strerror(errno));

    int sig = 0;
    for (;;) {
        if (sigwait(&sigs, &sig) != 0)
            continue;
        if (sig == SIGINT || sig == SIGTERM)
            break;
        if (sig == SIGUSR1 || sig == SIGUSR2)
            fprintf(stderr, "bordercoopd: %s received, taken as SIGHUP\n",
                    sig == SIGUSR1 ? "SIGUSR1" : "SIGUSR2");
        if (sig == SIGHUP || sig == SIGUSR1 || sig == SIGUSR2)
            bc_http_reopen_log(http);
        else
            fprintf(stderr, "bordercoopd: signal %d received and ignored\n", sig);
    }
    fprintf(stderr, "bordercoopd: %s received, finishing requests in flight\n",
            sig == SIGINT ? "SIGINT" : "SIGTERM");
    /* the watcher calls into the server (bc_http_generation_changed): it stops first, as
     * the server is freed by bc_http_stop (a write answered meanwhile clears the cache
     * itself) */
    bc_live_unwatch(live);
    bc_http_stop(http, cfg.shutdown_grace * 1000);
    bc_live_close(live);
    if (cfg.ready_file[0] != '\0')
        unlink(cfg.ready_file);
    fprintf(stderr, "bordercoopd: stopped\n");
    return 0;
}
