/* eval.h: how well bc_extract reads articles it was not written against: every article of
 * a gold corpus (gold.h) is extracted twice, with its publication date and without one,
 * and what is found is compared with the annotation, per field and per language.
 *
 * Counts, per field: gold (annotated values), extracted (values the extractor gave at
 * or above BC_X_MIN_CONFIDENCE), correct, wrong (a value for an annotated fact that is
 * not its value, or a value where the annotation has none), missed (annotated, not
 * found), duplicate (a second extraction of a fact already found) and spurious (a value
 * for no annotated fact). precision = correct / extracted; recall = correct / gold.
 * The rules are those of tests/eval/README.md "How bordercoop eval scores"; eval.c
 * spells them out. */
#ifndef BORDERCOOP_EVAL_H
#define BORDERCOOP_EVAL_H

#include "bordercoop/buf.h"
#include "bordercoop/err.h"
#include "bordercoop/extract.h"
#include "bordercoop/gold.h"

#include <stddef.h>

/* the fields, in report order */
enum {
    BC_EF_MONEY_VALUE = 0,
    BC_EF_MONEY_METRIC, /* what the amount measures, target or outcome included */
    BC_EF_MEETING_DATE,
    BC_EF_MEETING_ORDINAL,
    BC_EF_MEETING_MECHANISM,
    BC_EF_GATE_PAIR,
    /* reported, not gated: over the amounts read right, the share whose field is right */
    BC_EF_MONEY_TARGET,
    BC_EF_MONEY_PERIOD,
    BC_EF_MONEY_QUALIFIER,
    BC_EF_MONEY_CHANGE,
    BC_EF_N
};

#define BC_EVAL_LANGS 7 /* in bc_extract_langs order */

typedef struct bc_eval_count {
    size_t gold, extracted, correct, wrong, missed, duplicate, spurious;
    size_t coarser; /* of the wrong meeting dates: those that state less than the annotation
                     * and agree with it (2024 or --06-12 for 2024-06-12); the rest contradict it */
} bc_eval_count;

typedef struct bc_eval_result {
    bc_eval_count field[BC_EF_N];
    bc_eval_count lang[BC_EVAL_LANGS][BC_EF_N];
    bc_eval_count run[2][BC_EF_N]; /* [0] with published_on, [1] without */
    size_t articles[BC_EVAL_LANGS];
    size_t runs;
    size_t detected, detect_right; /* language detection over the articles */
} bc_eval_result;

/* Names of the fields for the report ("money value", ...), indexed by BC_EF_*. */
extern const char *const bc_eval_field_names[BC_EF_N];

/* correct / extracted and correct / gold; -1 when the denominator is 0. */
double bc_eval_precision(const bc_eval_count *c);
double bc_eval_recall(const bc_eval_count *c);
/* 1 when date v ("2024", "2024-06", "2024-06-12", "--06-12") states less than date e and
 * agrees with every part it states ("2024" or "--06-12" for "2024-06-12"): a wrong meeting
 * date that is coarser, not contradicting; 0 otherwise (also for other shapes). */
int bc_eval_date_coarser(const char *v, const char *e);

/* Scores the extractor on every article of corpus (borrowed) with gazetteer g (borrowed,
 * may be NULL). When detail is not NULL, appends one line per disagreement (article,
 * run, field, what was expected and what was found): for dev/ only, never for the
 * held-out split. Returns 0 or BC_ENOMEM. */
int bc_eval_corpus(const bc_gold_corpus *corpus, const bc_gazetteer *g, bc_eval_result *res,
                   bc_buf *detail, bc_err *err);

/* Appends the tables of r to out: per field with every count, per language, and per run
 * (with and without the publication date). title names the corpus. */
void bc_eval_report(const bc_eval_result *r, const char *title, bc_buf *out);

/* The bar `make test` holds the held-out split to: in every language, precision of money
 * values and of meeting dates at least 0.97, and no wrong meeting date. Returns 1 when r
 * meets it, else 0 with the reasons appended to why. */
int bc_eval_gate(const bc_eval_result *r, bc_buf *why);

/* A committed baseline of the held-out split (tests/eval/baseline), for as long as the
 * bar of bc_eval_gate is not met: per language, for money values and meeting dates, the
 * counts measured (correct, extracted, gold, wrong). Text, one row a line:
 *   LANG FIELD CORRECT EXTRACTED GOLD WRONG
 * FIELD is money_value or meeting_date; '#' starts a comment; blank lines are skipped. */
typedef struct bc_eval_baseline {
    int have[BC_EVAL_LANGS][2];            /* [lang][0 money value, 1 meeting date] */
    bc_eval_count count[BC_EVAL_LANGS][2]; /* correct, extracted, gold, wrong */
} bc_eval_baseline;

/* Parses a baseline from text[0..len). Returns 0, or BC_EINVAL naming the line that is
 * not a row (unknown language or field, counts that do not add up). */
int bc_eval_baseline_parse(const char *text, size_t len, bc_eval_baseline *b, bc_err *err);

/* Appends the rows of r (every language with articles) in the format above. */
void bc_eval_baseline_write(const bc_eval_result *r, bc_buf *out);

/* The no-regression ratchet: for every language with articles and each of money values
 * and meeting dates, precision and recall no lower and no more wrong values than the
 * baseline's row (the bar of bc_eval_gate where the baseline has none). Returns 1 when r
 * holds, else 0 with the reasons appended to why; the rows still short of the bar
 * (precision 0.97, recall 0.9, no wrong meeting date) are listed in bar whatever the
 * verdict. */
int bc_eval_gate_ratchet(const bc_eval_result *r, const bc_eval_baseline *b, bc_buf *why,
                         bc_buf *bar);

#endif
