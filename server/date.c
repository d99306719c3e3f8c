/* date.c: parsing ISO 8601 dates of reduced precision and intervals. */
#include "bordercoop/date.h"

#include <stdio.h>
#include <string.h>

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

int bc_date_parse(const char *s, bc_date *out, bc_err *err)
{
    size_t n = strlen(s);
    int y = -1, m = 0, d = 0;
    if (n == 4 || n == 7 || n == 10)
        y = digits(s, 4);
    if (n >= 7)
        m = s[4] == '-' ? digits(s + 5, 2) : -1;
    if (n == 10)
        d = s[7] == '-' ? digits(s + 8, 2) : -1;
    if (y < 0 || m < 0 || d < 0)
        return bc_err_set(err, BC_EINVAL, "'%.40s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", s);
    if (y < 1900 || y > 2199)
        return bc_err_set(err, BC_EINVAL, "year %d is outside 1900..2199", y);
    if (n >= 7 && (m < 1 || m > 12))
        return bc_err_set(err, BC_EINVAL, "month %02d does not exist", m);
    if (n == 10 && (d < 1 || d > days_in_month(y, m)))
        return bc_err_set(err, BC_EINVAL, "%s is not a day of the calendar", s);
    memcpy(out->text, s, n + 1);
    out->year = y;
    if (n == 4) {
        out->precision = BC_PREC_YEAR;
        snprintf(out->start, sizeof out->start, "%04d-01-01", y);
        snprintf(out->end, sizeof out->end, "%04d-12-31", y);
    } else if (n == 7) {
        out->precision = BC_PREC_MONTH;
        snprintf(out->start, sizeof out->start, "%04d-%02d-01", y, m);
        snprintf(out->end, sizeof out->end, "%04d-%02d-%02d", y, m, days_in_month(y, m));
    } else {
        out->precision = BC_PREC_DAY;
        memcpy(out->start, s, 11);
        memcpy(out->end, s, 11);
    }
    return BC_OK;
}

int bc_period_parse(const char *s, bc_period *out, bc_err *err)
{
    size_t n = strlen(s);
    if (n >= sizeof out->text)
        return bc_err_set(err, BC_EINVAL, "'%.40s' is not a period (DATE or DATE/DATE)", s);
    const char *slash = strchr(s, '/');
    bc_date a, b;
    int rc;
    if (slash == NULL) {
        rc = bc_date_parse(s, &a, err);
        b = a;
    } else {
        char first[24];
        memcpy(first, s, (size_t)(slash - s));
        first[slash - s] = '\0';
        rc = bc_date_parse(first, &a, err);
        if (rc == BC_OK)
            rc = bc_date_parse(slash + 1, &b, err);
        if (rc == BC_OK && strcmp(a.start, b.end) > 0)
            rc = bc_err_set(err, BC_EINVAL, "period '%s' ends before it starts", s);
    }
    if (rc != BC_OK)
        return rc;
    memcpy(out->text, s, n + 1);
    memcpy(out->start, a.start, sizeof out->start);
    memcpy(out->end, b.end, sizeof out->end);
    out->end_year = b.year;
    return BC_OK;
}

const char *bc_precision_name(int precision)
{
    switch (precision) {
    case BC_PREC_YEAR:
        return "year";
    case BC_PREC_MONTH:
        return "month";
    case BC_PREC_DAY:
        return "day";
    default:
        return NULL;
    }
}
