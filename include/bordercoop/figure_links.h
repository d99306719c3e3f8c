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

/* How many entries of `overlaps` and of `conflicts_with` a figure's own document carries:
 * the first in the order the linked figures were stored, oldest first, the linked figure's
 * id breaking a tie (migration 0050). A figure stored later goes last, so it enters only the
 * documents that show fewer entries; a figure whose other entries change has the same
 * document. */
#define BC_FIGURE_DOC_LINKS 20

/* SQL: row x of table (figure_overlaps or figure_conflicts) is among the entries its
 * figure's document shows: fewer than BC_FIGURE_DOC_LINKS rows of the same figure come
 * before it in (other_stored, other_id) order (uses the index on those columns: reads at
 * most that many rows). */
#define BC_FIGURE_LINK_SHOWN(table, x)                                                             \
    "((SELECT count(*) FROM (SELECT 1 FROM " table " y WHERE y.figure_id = " x ".figure_id AND "   \
    "(y.other_stored, y.other_id) < (" x ".other_stored, " x ".other_id) LIMIT 20)) < 20)"

/* Recomputes every overlap and every computed conflict involving figure id, in either
 * direction, from the figures as they are stored now (its curation, value, period and
 * parties), inside the caller's transaction: a rejected figure is left in none, curated
 * conflicts between two curated figures are never touched. When changed is not NULL it
 * receives a new JSON array text (bc_free) of the other figures whose documents show id
 * among their `overlaps` or `conflicts_with` before or after (BC_FIGURE_LINK_SHOWN; a
 * figure that lists id past its first entries has the same document), for the change
 * feed. BC_ESTORE or BC_ENOMEM. */
int bc_figure_links_refresh(bc_store *s, const char *id, char **changed, bc_err *err);

#endif
