/* reval.c: a small keep-alive load generator for revalidations, because wrk cannot
 * measure them here: a 304 carries the Content-Length of the representation it stands
 * for (RFC 9110 8.6; libmicrohttpd 0.9.75 always sends one, and only that value is
 * allowed), and wrk's parser then waits for a body that a 304 never has (RFC 9112 6.3).
 * This client knows that 304 and 204 responses end at their headers. It is used for
 * both servers of a comparison, in the same run, like wrk for the other rows.
 *
 *   reval -c CONNECTIONS -d SECONDS -H "Header: value" http://127.0.0.1:PORT/path
 *
 * Prints "requests N rps R p50_ms P p99_ms Q non_2xx_3xx E" on one line. Loopback
 * only; one thread, epoll, no pipelining. */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAXC    1024
#define BUFSIZE 65536
#define MAXLAT  (1 << 22)

typedef struct client {
    int fd;
    size_t len, need; /* bytes read of the current response; its total, 0 = unknown yet */
    int64_t sent_at;
    char buf[BUFSIZE];
} client;

static client cs[MAXC];
static char request[2048];
static size_t request_len;
static struct sockaddr_in addr;
static int64_t *lat;
static size_t nlat;
static unsigned long long done, bad;

static int64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static int open_conn(client *c, int ep)
{
    c->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c->fd < 0 || connect(c->fd, (struct sockaddr *)&addr, sizeof addr) != 0)
        return -1;
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
    epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev);
    c->len = c->need = 0;
    return 0;
}

static int send_request(client *c)
{
    c->sent_at = now_us();
    c->len = c->need = 0;
    return send(c->fd, request, request_len, MSG_NOSIGNAL) == (ssize_t)request_len ? 0 : -1;
}

/* Once the headers are in: the response's total size (headers + body). */
static size_t total_size(const char *b, size_t head)
{
    int status = strncmp(b, "HTTP/1.", 7) == 0 ? atoi(b + 9) : 0;
    if (status < 200 || status >= 400)
        bad++;
    if (status == 304 || status == 204 || status < 200)
        return head; /* no body, whatever Content-Length says */
    const char *cl = strcasestr(b, "\r\nContent-Length:");
    return head + (cl != NULL && cl < b + head ? strtoull(cl + 17, NULL, 10) : 0);
}

static int cmp64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int conns = 64, secs = 5;
    const char *header = NULL, *url = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
            conns = atoi(argv[++i]);
        else if (strcmp(argv[i], "-d") == 0 && i + 1 < argc)
            secs = atoi(argv[++i]);
        else if (strcmp(argv[i], "-H") == 0 && i + 1 < argc)
            header = argv[++i];
        else
            url = argv[i];
    }
    int port = 0;
    char path[1024];
    if (url == NULL || sscanf(url, "http://127.0.0.1:%d%1023s", &port, path) != 2 || conns < 1 ||
        conns > MAXC) {
        fprintf(stderr, "usage: reval -c N -d SECONDS [-H 'Name: value'] "
                        "http://127.0.0.1:PORT/path\n");
        return 2;
    }
    request_len = (size_t)snprintf(request, sizeof request,
                                   "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n%s%s\r\n", path, port,
                                   header ? header : "", header ? "\r\n" : "");
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(0x7f000001u);
    lat = malloc(MAXLAT * sizeof *lat);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    for (int i = 0; i < conns; i++)
        if (open_conn(&cs[i], ep) != 0 || send_request(&cs[i]) != 0) {
            fprintf(stderr, "reval: cannot connect to port %d\n", port);
            return 1;
        }
    int64_t start = now_us(), end = start + (int64_t)secs * 1000000;
    struct epoll_event evs[MAXC];
    while (now_us() < end) {
        int n = epoll_wait(ep, evs, MAXC, 100);
        for (int k = 0; k < n; k++) {
            client *c = evs[k].data.ptr;
            ssize_t r = recv(c->fd, c->buf + c->len, BUFSIZE - c->len, 0);
            if (r <= 0) {
                bad++;
                close(c->fd);
                if (open_conn(c, ep) != 0 || send_request(c) != 0)
                    return 1;
                continue;
            }
            c->len += (size_t)r;
            if (c->need == 0) {
                char *e = memmem(c->buf, c->len, "\r\n\r\n", 4);
                if (e == NULL)
                    continue;
                c->need = total_size(c->buf, (size_t)(e - c->buf) + 4);
            }
            if (c->len >= c->need) {
                if (c->len > c->need)
                    bad++; /* more than one response: not expected without pipelining */
                if (nlat < MAXLAT)
                    lat[nlat++] = now_us() - c->sent_at;
                done++;
                if (c->len == BUFSIZE || send_request(c) != 0)
                    return 1;
            } else if (c->len == BUFSIZE) {
                c->len = 0; /* a big body: keep counting what is left */
                c->need -= BUFSIZE;
            }
        }
    }
    double elapsed = (double)(now_us() - start) / 1e6;
    qsort(lat, nlat, sizeof *lat, cmp64);
    printf("requests %llu rps %.2f p50_ms %.3f p99_ms %.3f non_2xx_3xx %llu\n", done,
           (double)done / elapsed, nlat ? lat[nlat / 2] / 1000.0 : 0,
           nlat ? lat[nlat * 99 / 100] / 1000.0 : 0, bad);
    return 0;
}
