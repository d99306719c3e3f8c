/* extract.h: multilingual extraction of candidate facts from article text (English,
 * Vietnamese, Polish, Swedish, Dutch): money with scale words in both decimal
 * conventions, counts with what they count and their qualifiers, percentages and
 * growth, dates and periods, meeting ordinals, known entities from the store's
 * gazetteer, and gate pairs written "X (Vietnam) - Y (China)". Every finding carries
 * the byte offsets of its sentence, which becomes the fact's verbatim quote.
 * Pure functions over the text: no store access except through the gazetteer. */
#ifndef BORDERCOOP_EXTRACT_H
#define BORDERCOOP_EXTRACT_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

#include <stddef.h>

/* Names of known entities (every alias of every province, person, mechanism and
 * project in the store), folded for matching. */
typedef struct bc_gazetteer bc_gazetteer;

/* Builds the gazetteer from the store's aliases table. *out is new; free it with
 * bc_gazetteer_free. */
int bc_gazetteer_load(bc_store *s, bc_gazetteer **out, bc_err *err);
void bc_gazetteer_free(bc_gazetteer *g);

/* A candidate figure: a number with what it measures, in one sentence. */
typedef struct bc_xfigure {
    char metric[32];    /* a metric id of data/facts/metrics.json, e.g. "trade_turnover" */
    double value;       /* normalised: 7,2 mld USD -> 7200000000 */
    char unit[16];      /* "USD", "people", "delegations", "hectares", "tonnes", ... */
    char qualifier[12]; /* "exact", "over", "nearly" */
    char period[24];    /* ISO "2024", "2025-01/2025-09", or "" when the sentence has none */
    int has_change;     /* a growth rate stated with it */
    double change_pct;
    char change_qualifier[12];
    char parties[8][64]; /* province ids named in the sentence */
    int nparties;
    size_t start, end;             /* the number's bytes */
    size_t quote_start, quote_end; /* the sentence's bytes */
    double confidence;             /* 0..1 */
} bc_xfigure;

/* A candidate meeting: a mechanism's numbered meeting, with its date when stated. */
typedef struct bc_xmeeting {
    char mechanism[64]; /* mechanism id from the gazetteer, "" when unknown */
    int ordinal;        /* 0 when not stated */
    char date[16];      /* ISO reduced precision, "" when not stated */
    char place[64];     /* a province id named as the place, "" when not found */
    char status[8];     /* "held" or "planned" */
    size_t quote_start, quote_end;
    double confidence;
} bc_xmeeting;

/* A candidate gate pair or crossing. */
typedef struct bc_xgate {
    char vn_side[64];
    char cn_side[64];
    char project[128]; /* a known project id when the pair matches one, else "" */
    size_t quote_start, quote_end;
    double confidence;
} bc_xgate;

/* A date or period found in the text (for evaluation and for the figures above). */
typedef struct bc_xdate {
    char iso[24]; /* "2025-10-30", "2025-10", "2025", "2025-01/2025-09" */
    size_t start, end;
} bc_xdate;

/* Everything extracted from one article; arrays are owned by the result. */
typedef struct bc_extraction {
    bc_xfigure *figures;
    size_t nfigures;
    bc_xmeeting *meetings;
    size_t nmeetings;
    bc_xgate *gates;
    size_t ngates;
    bc_xdate *dates;
    size_t ndates;
} bc_extraction;

/* Extracts from the len bytes of UTF-8 text written in lang ("en", "vi", "pl", "sv",
 * "nl"); reference_date (ISO day, may be NULL) resolves dates without a year and
 * tense. g may be NULL (no entities, no parties). On success *out is filled (free it
 * with bc_extraction_free). Returns BC_EINVAL for an unknown language or invalid
 * UTF-8, BC_ENOMEM on allocation failure. */
int bc_extract(const char *text, size_t len, const char *lang, const char *reference_date,
               const bc_gazetteer *g, bc_extraction *out, bc_err *err);

/* Frees the arrays of ex and zeroes it; NULL-safe. */
void bc_extraction_free(bc_extraction *ex);

/* The languages bc_extract knows, NULL-terminated. */
extern const char *const bc_extract_langs[];
/* 1 when lang (may be NULL) is one of bc_extract_langs. */
int bc_extract_lang_known(const char *lang);

#endif
