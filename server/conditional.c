/* conditional.c: HTTP dates and If-Modified-Since (see conditional.h). */
#include "bordercoop/conditional.h"

#include <stdio.h>
#include <string.h>

static const char *const MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const DAYS[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const LONG_DAYS[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};

/* Reads exactly n digits at *p (advancing it); -1 when they are not all digits. */
static int digits(const char **p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    *p += n;
    return v;
}

static int lit(const char **p, const char *s)
{
    size_t n = strlen(s);
    if (strncmp(*p, s, n) != 0)
        return 0;
    *p += n;
    return 1;
}

static int month(const char **p)
{
    for (int i = 0; i < 12; i++)
        if (strncmp(*p, MONTHS[i], 3) == 0) {
            *p += 3;
            return i;
        }
    return -1;
}

static int day_name(const char **p, const char *const *names)
{
    for (int i = 0; i < 7; i++)
        if (lit(p, names[i]))
            return i;
    return -1;
}

/* "HH:MM:SS" into tm. */
static int clock_time(const char **p, struct tm *tm)
{
    tm->tm_hour = digits(p, 2);
    if (tm->tm_hour < 0 || !lit(p, ":"))
        return 0;
    tm->tm_min = digits(p, 2);
    if (tm->tm_min < 0 || !lit(p, ":"))
        return 0;
    tm->tm_sec = digits(p, 2);
    return tm->tm_sec >= 0 && tm->tm_hour < 24 && tm->tm_min < 60 && tm->tm_sec < 61;
}

static int days_in_month(int year, int mon)
{
    static const int N[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return N[mon] + (mon == 1 && leap);
}

int bc_http_date_parse(const char *s, time_t *out)
{
    if (s == NULL)
        return 0;
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *p = s;
    int year = -1;
    if (day_name(&p, LONG_DAYS) >= 0) {
        /* RFC 850: Sunday, 06-Nov-94 08:49:37 GMT */
        if (!lit(&p, ", "))
            return 0;
        tm.tm_mday = digits(&p, 2);
        if (tm.tm_mday < 0 || !lit(&p, "-") || (tm.tm_mon = month(&p)) < 0 || !lit(&p, "-"))
            return 0;
        int yy = digits(&p, 2);
        if (yy < 0 || !lit(&p, " ") || !clock_time(&p, &tm) || !lit(&p, " GMT"))
            return 0;
        /* a two-digit year more than 50 years ahead is in the past century (5.6.7) */
        time_t now = time(NULL);
        struct tm nt;
        gmtime_r(&now, &nt);
        int this_year = nt.tm_year + 1900;
        year = this_year / 100 * 100 + yy;
        if (year > this_year + 50)
            year -= 100;
    } else if (day_name(&p, DAYS) >= 0) {
        if (lit(&p, ", ")) {
            /* IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT */
            tm.tm_mday = digits(&p, 2);
            if (tm.tm_mday < 0 || !lit(&p, " ") || (tm.tm_mon = month(&p)) < 0 || !lit(&p, " "))
                return 0;
            year = digits(&p, 4);
            if (year < 0 || !lit(&p, " ") || !clock_time(&p, &tm) || !lit(&p, " GMT"))
                return 0;
        } else if (lit(&p, " ")) {
            /* asctime: Sun Nov  6 08:49:37 1994 */
            if ((tm.tm_mon = month(&p)) < 0 || !lit(&p, " "))
                return 0;
            if (*p == ' ') {
                p++;
                tm.tm_mday = digits(&p, 1);
            } else {
                tm.tm_mday = digits(&p, 2);
            }
            if (tm.tm_mday < 0 || !lit(&p, " ") || !clock_time(&p, &tm) || !lit(&p, " "))
                return 0;
            year = digits(&p, 4);
            if (year < 0)
                return 0;
        } else {
            return 0;
        }
    } else {
        return 0;
    }
    if (*p != '\0' || year < 1970 || tm.tm_mday < 1 || tm.tm_mday > days_in_month(year, tm.tm_mon))
        return 0;
    tm.tm_year = year - 1900;
    if (tm.tm_sec == 60)
        tm.tm_sec = 59; /* a leap second: the last representable second */
    *out = timegm(&tm);
    return *out != (time_t)-1;
}

void bc_http_date_format(time_t t, char *out, size_t n)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    snprintf(out, n, "%s, %02d %s %04d %02d:%02d:%02d GMT", DAYS[tm.tm_wday], tm.tm_mday,
             MONTHS[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int bc_last_modified(time_t changed_at, time_t confirmed_at, time_t *lm)
{
    /* before the second of the change has ended, another change may still come within
     * it and carry the same date: no date yet */
    if (confirmed_at < changed_at + 1)
        return 0;
    *lm = changed_at + 1;
    return 1;
}

int bc_not_modified_since(const char *ims, time_t changed_at, time_t confirmed_at, time_t now)
{
    time_t since, lm;
    if (ims == NULL || !bc_http_date_parse(ims, &since) || since > now)
        return 0;
    /* a date this server could have sent: at or after a confirmed end of the change's
     * second. Anything earlier may predate a change. */
    return bc_last_modified(changed_at, confirmed_at, &lm) && since >= lm;
}
