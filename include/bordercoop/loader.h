/* loader.h: builds the store from data/ (sources.json, articles, the facts JSON files).
 * Every quote must be verbatim in its article and every reference must resolve; the
 * first problem stops the load with "file: path.to.field: what is wrong". */
#ifndef BORDERCOOP_LOADER_H
#define BORDERCOOP_LOADER_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

/* The longest string field of a fact, in bytes: what the loader accepts from a fact file
 * and what a review edit may write. */
#define BC_FACT_TEXT_MAX 8000

typedef struct bc_load_stats {
    int sources;
    int metrics;
    int provinces;
    int people;
    int mechanisms;
    int meetings;
    int participants;
    int decisions;
    int figures;
    int conflicts;
    int projects;
    int events;
    int protocols;
    int areas;
    int coop_events; /* exercises, inspections, exchange programmes, exhibitions */
    int citations;
    int aliases;
    int places;               /* located points of reference data (places.h) */
    char content_version[65]; /* what the store serves (/readyz): the SHA-256 of every
                                 input byte, or, when ingested articles or review
                                 decisions were carried over, the version they moved it to */
    /* bc_loader_build over an existing store: what it carried over from it */
    int carried_articles;  /* ingested articles, re-extracted */
    int carried_keys;      /* API keys */
    int carried_decisions; /* review decisions replayed (applied or orphaned) */
    int orphaned_decisions;
} bc_load_stats;

/* Largest article the loader accepts. */
#define BC_LOADER_MAX_ARTICLE (4u << 20)

/* Fills an open, migrated, empty store from data_dir inside one transaction (rolled
 * back on any error). stats may be NULL. Used by bc_loader_build and by tests. */
int bc_loader_fill(bc_store *store, const char *data_dir, bc_load_stats *stats, bc_err *err);

/* Builds a complete store from data_dir into a temporary file next to db_path. A first
 * build is switched to WAL and renamed into place. Over an existing store the build is
 * copied into the live file in one transaction (under the store's writer lock), so a
 * running daemon keeps serving and sees the new content; articles ingested into the
 * previous store are carried over first, with its keys and its audit log, in the order
 * they happened (rebuild.h). A failed load
 * leaves the previous store untouched. stats may be NULL. */
int bc_loader_build(const char *data_dir, const char *db_path, bc_load_stats *stats, bc_err *err);

#endif
