/* ingest_int.h: the parts of ingest (ingest.c: the article and its transaction;
 * ingest_facts.c: its facts, linked to what the store knows), internal to them. */
#ifndef BC_INGEST_INT_H
#define BC_INGEST_INT_H

#include "bordercoop/err.h"
#include "bordercoop/extract.h"
#include "bordercoop/ingest.h"
#include "bordercoop/store.h"

#include <stddef.h>

typedef struct ingest_ctx {
    bc_store *s;
    const bc_ingest_input *in; /* lang known (given or detected) */
    const char *source_id;
    bc_ingest_result *out;
    bc_err *err;
} ingest_ctx;

/* bc_store_lookup in a chain of steps that stops at the first error: nothing when *rc is
 * already an error, else the lookup's code into *rc. 1 when a row came back (its first
 * column copied into out, which may be NULL). */
int bci_found_row(int *rc, bc_store *s, const char *sql, const bc_bind *vals, size_t n, char *out,
                  size_t out_n, bc_err *err);

/* Stores the facts of ex at or above BC_X_MIN_CONFIDENCE, each with every statement of it
 * as a citation, and links them to the store: figures with the provinces named as
 * parties; meetings of a known mechanism (same_as a known meeting, known people as
 * participants); talks of no known mechanism as cooperation events of kind "talks"; a
 * gate pair that is a known project as a "reported" event of it, a new one as a project
 * of status "reported". Counts what it stored, linked and left out in c->out. */
int bci_store_facts(ingest_ctx *c, const bc_extraction *ex);

#endif
