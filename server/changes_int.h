/* changes_int.h: what changes.c shares with changes_touched.c (the documents one step can
 * have changed, compared with the feed's baseline). Not part of the module's contract. */
#ifndef BORDERCOOP_CHANGES_INT_H
#define BORDERCOOP_CHANGES_INT_H

#include "bordercoop/changes.h"

/* The current time, ISO 8601 UTC, into out. */
void changes_now_iso(char out[32]);

/* 1 for an origin the feed knows ("load", "ingest", "review"). */
int changes_origin_ok(const char *o);

/* Compares the current document of kind k / id with the baseline and appends `added` or
 * `changed` (with its fields) when they differ, moving the baseline; a document that is
 * gone is appended as `removed` when gone_counts is set and the baseline knows it. Counts
 * each entry in *appended. Inside the caller's transaction; every pointer borrowed. */
int changes_record_one(bc_store *s, const bc_doc_kind *k, const char *id, const char *origin,
                       const char *actor, const char *at, int gone_counts, int *appended,
                       bc_err *err);

#endif
