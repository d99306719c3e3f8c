/* fixtime.c: an LD_PRELOAD shim for same_output.sh. The wall clock stands still at
 * 2026-01-01T00:00:00Z, so two ingests of one article write the same timestamps (the
 * article's ingested_at, the feed's `at`, the store's modified_at) and their stores can be
 * compared byte for byte. Monotonic clocks are left alone. Not linked into anything. */
#define _GNU_SOURCE
#include <stddef.h>
#include <sys/time.h>
#include <time.h>

#define FIXED 1767225600

extern int __clock_gettime(clockid_t id, struct timespec *ts);

time_t time(time_t *t)
{
    if (t != NULL)
        *t = FIXED;
    return FIXED;
}

int gettimeofday(struct timeval *tv, void *tz)
{
    (void)tz;
    if (tv != NULL) {
        tv->tv_sec = FIXED;
        tv->tv_usec = 0;
    }
    return 0;
}

int clock_gettime(clockid_t id, struct timespec *ts)
{
    if (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE) {
        ts->tv_sec = FIXED;
        ts->tv_nsec = 0;
        return 0;
    }
    return __clock_gettime(id, ts);
}
