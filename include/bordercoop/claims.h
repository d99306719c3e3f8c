/* claims.h: the basis of every stated field. A fact claims things the reader can
 * check against its quotes: a status, the parts of a date or period, a place, a host,
 * the provinces taking part, a document's kind. Each such field must be either stated by
 * one of the fact's quotes (the quote lists the field in `supports`) or marked
 * `inferred` (the reason in the note). A quote that states a province (parties, host,
 * members, a place naming a province) must name it under one of its aliases, and a quote
 * that states a year must contain it: a quote marked as stating what it does not say is
 * a problem like a missing one. */
#ifndef BORDERCOOP_CLAIMS_H
#define BORDERCOOP_CLAIMS_H

#include "bordercoop/buf.h"
#include "bordercoop/err.h"
#include "bordercoop/store.h"

/* What the claims of a store rest on. */
typedef struct bc_claims_tally {
    long quoted;   /* stated by a quote that names what it must */
    long inferred; /* marked inferred */
    long problems; /* neither, or stated by a quote that does not say it */
} bc_claims_tally;

/* Appends the claims section of `bordercoop check` to out: one line per claim without a
 * basis (kind, id, field, what is missing), then the tally. Fills *tally (may be NULL).
 * Returns 0, or an error code when the store cannot be read (out is then partial). */
int bc_claims_report(bc_store *store, bc_buf *out, bc_claims_tally *tally, bc_err *err);

/* The same for the facts of one curation ("extracted": what ingest stored, whose
 * citations say what each quote states; "reviewed"); protocols, people, mechanisms and
 * provinces are curated only. The section's heading names the curation. */
int bc_claims_report_curation(bc_store *store, const char *curation, bc_buf *out,
                              bc_claims_tally *tally, bc_err *err);

#endif
