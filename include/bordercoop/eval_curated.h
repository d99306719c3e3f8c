/* eval.h: how well bc_extract finds the curated facts. Runs the extractor over every
 * article of a store (sources.body, in its language, with the gazetteer of the same
 * store) and compares what it finds with the facts and citations curated there: per kind
 * of fact, precision (extractions that match a curated fact) and recall (curated facts
 * some extraction matches). Matching is defined in eval.c. */
#ifndef BORDERCOOP_EVAL_CURATED_H
#define BORDERCOOP_EVAL_CURATED_H

#include "bordercoop/buf.h"
#include "bordercoop/err.h"
#include "bordercoop/store.h"

#include <stddef.h>

/* the kinds of fact compared, in report order */
enum {
    BC_EVALC_MONEY = 0,     /* figures in USD */
    BC_EVALC_COUNTS,        /* figures in any other unit */
    BC_EVALC_MEETING_DATES, /* the date of a meeting */
    BC_EVALC_MEETINGS,      /* a meeting: mechanism and ordinal */
    BC_EVALC_GATES,         /* gate pairs and other crossings (projects) */
    BC_EVALC_KINDS
};

typedef struct bc_evalc_line {
    size_t extracted; /* extractions of this kind */
    size_t matched;   /* extractions that match at least one curated fact */
    size_t curated;   /* curated facts of this kind cited in the articles */
    size_t found;     /* curated facts matched by at least one extraction */
} bc_evalc_line;

typedef struct bc_evalc_result {
    bc_evalc_line kind[BC_EVALC_KINDS];
    bc_evalc_line overall; /* the sums of the kinds */
    size_t sources;        /* articles run through the extractor */
    size_t skipped;        /* articles in a language bc_extract does not know */
} bc_evalc_result;

/* Names of the kinds for the report ("money figures", ...), indexed by BC_EVALC_*. */
extern const char *const bc_evalc_kind_names[BC_EVALC_KINDS];

/* matched / extracted and found / curated; -1 when the denominator is 0. */
double bc_evalc_precision(const bc_evalc_line *l);
double bc_evalc_recall(const bc_evalc_line *l);

/* Fills *res by running bc_extract over every article of the store curated (borrowed)
 * and matching against its facts. Returns 0, BC_ESTORE when the store cannot be read or
 * BC_ENOMEM. */
int bc_evalc_run(bc_store *curated, bc_evalc_result *res, bc_err *err);

/* Runs bc_evalc_run and appends to out a table: per kind the numbers extracted, matched,
 * curated and found, precision and recall, then an overall line. data_dir (may be NULL)
 * is only named in the heading, as where the store was loaded from. Returns as
 * bc_evalc_run. */
int bc_evalc_report(bc_store *curated, const char *data_dir, bc_buf *out, bc_err *err);

#endif
