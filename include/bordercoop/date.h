/* date.h: ISO 8601 calendar dates of reduced precision ("2025", "2025-10",
 * "2025-10-30") and intervals ("2025-01/2025-09"), normalised to the full range of days
 * they cover so that range filters compare plain "YYYY-MM-DD" strings. */
#ifndef BORDERCOOP_DATE_H
#define BORDERCOOP_DATE_H

#include "bordercoop/err.h"

typedef enum bc_precision {
    BC_PREC_YEAR = 1,
    BC_PREC_MONTH = 2,
    BC_PREC_DAY = 3,
} bc_precision;

typedef struct bc_date {
    char text[11];  /* the date as written, e.g. "2025-10" */
    char start[11]; /* first day it covers, "2025-10-01" */
    char end[11];   /* last day it covers, "2025-10-31" */
    int precision;  /* a bc_precision */
    int year;
} bc_date;

typedef struct bc_period {
    char text[24]; /* as written: "2024", "2025-01/2025-09" */
    char start[11];
    char end[11];
    int end_year; /* the calendar year the period ends in */
} bc_period;

/* Parses s (YYYY, YYYY-MM or YYYY-MM-DD, years 1900..2199, real calendar days) into
 * out. Returns 0 or BC_EINVAL with a message saying what is wrong. */
int bc_date_parse(const char *s, bc_date *out, bc_err *err);

/* Parses a single date or an interval "A/B" of two dates with A not after B. */
int bc_period_parse(const char *s, bc_period *out, bc_err *err);

/* "day", "month" or "year". */
const char *bc_precision_name(int precision);

#endif
