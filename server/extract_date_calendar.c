/* extract_date_calendar.c: calendar arithmetic of the date finders: days between two
 * days, a day moved by a number of days, the weekday nearest a day, the days of a month
 * (proleptic Gregorian, Hinnant's algorithms). No text is read here. */
#include "extract_int.h"

#include <stdio.h>
#include <string.h>

int bcx_days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && y > 0 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return m >= 1 && m <= 12 ? d[m - 1] : 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The civil date of day z since 1970-01-01 (Hinnant's civil_from_days). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Weekday wd (1 Monday .. 7 Sunday) nearest the day y-m-d: the last one on or before
 * it, or, when future, the first one after it (future 2: on or after it); of the week
 * weeks from its own when weeks
 * is not 0 ("vorige week dinsdag": -1). A day, inferred from the reference date (the
 * caller may say otherwise). */
void bcx_weekday_from(int y0, int m0, int d0, int wd, int future, int weeks, dres *r)
{
    long ref = days_from_civil(y0, m0, d0);
    int rwd = (int)(((ref % 7) + 7 + 3) % 7) + 1; /* 1970-01-01 was a Thursday */
    long day = weeks != 0    ? ref - (rwd - 1) + 7L * weeks + (wd - 1)
               : future == 2 ? ref + (wd - rwd + 7) % 7
               : future      ? ref + ((wd - rwd + 7) % 7 == 0 ? 7 : (wd - rwd + 7) % 7)
                             : ref - (rwd - wd + 7) % 7;
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    snprintf(r->iso, sizeof r->iso, "%04d-%02d-%02d", y, m, d);
    r->prec = 3;
    r->inferred = BC_X_INFERRED_DATE; /* the day itself is counted from the reference */
    r->weekday = 1;
}

/* The day off days from day iso ("2024-06-12" or, without a year, "--06-12") into out[24];
 * 0 when a day without a year cannot be moved (across the end of February). */
int bcx_shift_day(const char *iso, int off, char out[24])
{
    int y = 0, m = 0, d = 0;
    if (iso[0] == '-') {
        if (sscanf(iso, "--%d-%d", &m, &d) != 2 || (m == 2 && d + off >= 28) ||
            (m == 3 && d + off <= 0))
            return 0;
        y = 2001; /* any year without 29 February: the moves that would need one are refused */
    } else if (sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3) {
        return 0;
    }
    int yy, mm, dd;
    civil_from_days(days_from_civil(y, m, d) + off, &yy, &mm, &dd);
    if (iso[0] == '-')
        snprintf(out, 24, "--%02d-%02d", mm, dd);
    else
        snprintf(out, 24, "%04d-%02d-%02d", yy, mm, dd);
    return 1;
}

/* The month and day of ISO day iso ("2024-06-12", "--06-12") and its year (0 without one);
 * 0 when it is no day. */
static int day_parts(const char *iso, int *y, int *m, int *d)
{
    *y = 0;
    if (iso[0] == '-')
        return strlen(iso) == 7 && sscanf(iso, "--%d-%d", m, d) == 2;
    return strlen(iso) == 10 && sscanf(iso, "%d-%d-%d", y, m, d) == 3;
}

int bcx_days_between(const char *a, const char *b, int *diff)
{
    int ya, ma, da, yb, mb, db;
    if (!day_parts(a, &ya, &ma, &da) || !day_parts(b, &yb, &mb, &db))
        return 0;
    if (ya != 0 && yb != 0) {
        *diff = (int)(days_from_civil(yb, mb, db) - days_from_civil(ya, ma, da));
        return 1;
    }
    int n = (int)(days_from_civil(2001, mb, db) - days_from_civil(2001, ma, da));
    *diff = n > 182 ? n - 365 : n < -182 ? n + 365 : n;
    return 1;
}
