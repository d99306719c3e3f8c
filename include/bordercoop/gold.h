/* gold.h: the gold corpus of tests/eval (its README defines the format): articles we
 * wrote, each with a hand-made annotation of every amount of money, meeting and gate
 * pair it states, every fact with the verbatim quotes that state it. Loading checks
 * every field and refuses an annotation whose quote is not in its article. */
#ifndef BORDERCOOP_GOLD_H
#define BORDERCOOP_GOLD_H

#include "bordercoop/err.h"

#include <stddef.h>

/* Where a fact is stated: every occurrence of each of its quotes in the article. */
typedef struct bc_gold_quotes {
    size_t *start, *end; /* byte ranges of the article */
    size_t n;
} bc_gold_quotes;

typedef struct bc_gold_money {
    double value;
    char currency[4];   /* USD CNY VND EUR */
    char metric[24];    /* trade_turnover exports imports investment budget_revenue other */
    int target;         /* a goal, not an outcome */
    char period[24];    /* "" when none */
    int period_pub;     /* period_basis "publication" */
    char qualifier[12]; /* exact over nearly about under range_low range_high */
    int has_change;
    double change_pct;
    bc_gold_quotes quotes;
} bc_gold_money;

typedef struct bc_gold_meeting {
    char mechanism[64]; /* "" when null */
    int ordinal;        /* 0 when null */
    char date[16];      /* "" when null; "--06-12" when only day and month */
    int date_pub;       /* date_basis "publication" or "publication_day" */
    int date_day_pub;   /* "publication_day": the day itself is counted from published_on
                         * ("on Tuesday", "yesterday"): nothing is known without it */
    char status[8];
    bc_gold_quotes quotes;
} bc_gold_meeting;

typedef struct bc_gold_gate {
    char **vn, **cn; /* spellings of each side, canonical first */
    size_t nvn, ncn;
    char kind[24];
    bc_gold_quotes quotes;
} bc_gold_gate;

typedef struct bc_gold_article {
    char id[128];
    char lang[4];
    char published_on[11]; /* "" when null */
    char path[1024];       /* of the .txt */
    char *text;            /* the article, NUL-terminated */
    size_t len;
    bc_gold_money *money;
    size_t nmoney;
    bc_gold_meeting *meetings;
    size_t nmeetings;
    bc_gold_gate *gates;
    size_t ngates;
} bc_gold_article;

typedef struct bc_gold_corpus {
    bc_gold_article *a;
    size_t n;
} bc_gold_corpus;

/* Reads every <lang>/<id>.json of dir with its <lang>/<id>.txt (lang one of the
 * extractor's languages), in a stable order (language, then id). *out is new; free it
 * with bc_gold_free. Returns BC_EIO when dir cannot be read, BC_EINVAL naming the file
 * and field of the first bad annotation (a quote not verbatim, a value outside the
 * vocabulary, an id that is not its file's name), BC_ENOMEM. A dir without languages
 * gives an empty corpus. */
int bc_gold_load(const char *dir, bc_gold_corpus **out, bc_err *err);

/* Frees c; NULL is a no-op. */
void bc_gold_free(bc_gold_corpus *c);

/* What an extractor run without a publication date may know of a date or period whose
 * basis is the publication date (README "Dates and the publication date"): a day
 * "YYYY-MM-DD" keeps "--MM-DD"; anything else becomes "". Writes into out[16]. */
void bc_gold_without_publication(const char *date, char out[16]);

#endif
