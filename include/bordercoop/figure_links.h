/* figure_links.h: how a figure relates to the other figures of its metric, kept in step
 * when a figure is added or reviewed. The rows of figure_overlaps (0016's rule: parties
 * and periods together) and the computed rows of figure_conflicts (the same quantity,
 * another value) cover every figure that is not rejected, each listing the figures at
 * least as trusted as it (migration 0026): a curated or reviewed figure lists curated
 * and reviewed ones, an extracted figure those and other extracted ones. The loader
 * computes the curated rows in one statement; ingest and the review step call this. */
#ifndef BORDERCOOP_FIGURE_LINKS_H
#define BORDERCOOP_FIGURE_LINKS_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

/* Recomputes every overlap and every computed conflict involving figure id, in either
 * direction, from the figures as they are stored now (its curation, value, period and
 * parties), inside the caller's transaction: a rejected figure is left in none, curated
 * conflicts between two curated figures are never touched. When changed is not NULL it
 * receives a new JSON array text (bc_free) of the other figures whose `overlaps` or
 * `conflicts_with` changed, for the change feed. BC_ESTORE or BC_ENOMEM. */
int bc_figure_links_refresh(bc_store *s, const char *id, char **changed, bc_err *err);

#endif
