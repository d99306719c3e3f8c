/* figure_links.c: a figure's overlaps and computed conflicts, recomputed when the
 * figure is added or reviewed (see figure_links.h). */
#include "bordercoop/figure_links.h"

#include "bordercoop/alloc.h"

#include <string.h>

/* the other figures whose documents name figure ?1 */
#define LISTING                                                                                    \
    "SELECT x.figure_id FROM figure_overlaps x WHERE x.other_id = ?1 AND " BC_FIGURE_LINK_SHOWN(   \
        "figure_overlaps",                                                                         \
        "x") " UNION SELECT x.figure_id FROM "                                                     \
             "figure_conflicts x WHERE x.other_id = ?1 AND " BC_FIGURE_LINK_SHOWN(                 \
                 "figure_conflicts", "x")

/* an end of a range (qualifier range_low, range_high: migration 0040) conflicts with the same
 * end of another range, and with a figure that is no end of one only when that figure lies
 * outside it: the two ends of one range, or of its copy, never conflict */
#define RANGES                                                                                     \
    "(CASE WHEN a.qualifier IN ('range_low', 'range_high') AND b.qualifier IN ('range_low', "      \
    "'range_high') THEN a.qualifier = b.qualifier WHEN a.qualifier = 'range_low' THEN b.value < "  \
    "a.value WHEN a.qualifier = 'range_high' THEN b.value > a.value WHEN b.qualifier = "           \
    "'range_low' THEN a.value < b.value WHEN b.qualifier = 'range_high' THEN a.value > b.value "   \
    "ELSE 1 END)"

/* the rows of v_figure_conflict_candidates among stored overlaps o (add a WHERE on o) */
#define CONFLICTS                                                                                  \
    "SELECT o.figure_id, o.other_id, 'Another statement of the same quantity (the same "           \
    "metric, parties and period) gives ' || CASE WHEN b.value = CAST(b.value AS INTEGER) THEN "    \
    "CAST(CAST(b.value AS INTEGER) AS TEXT) ELSE CAST(b.value AS TEXT) END || ' ' || b.unit || "   \
    "CASE b.qualifier WHEN 'range_low' THEN ' as the lower end of a range' WHEN 'range_high' "     \
    "THEN ' as the upper end of a range' ELSE '' END || "                                          \
    "'; found by comparing the two, not stated by a person.' FROM "                                \
    "figure_overlaps o JOIN figures a ON a.id = o.figure_id JOIN figures b ON b.id = o.other_id "  \
    "AND o.relation = 'same' AND o.by_period = 'same' AND a.value <> b.value AND NOT "             \
    "(a.curation = 'curated' AND b.curation = 'curated') AND " RANGES

static const char *const REFRESH[] = {
    "DELETE FROM figure_overlaps WHERE figure_id = ?1",
    "DELETE FROM figure_overlaps WHERE other_id = ?1",
    /* a conflict between two curated figures is data/'s own statement */
    "DELETE FROM figure_conflicts WHERE (figure_id = ?1 OR other_id = ?1) AND (SELECT "
    "count(*) FROM figures WHERE id IN (figure_conflicts.figure_id, figure_conflicts.other_id) "
    "AND curation = 'curated') < 2",
    "INSERT OR IGNORE INTO figure_overlaps (figure_id, other_id, relation, by_parties, "
    "by_period) SELECT figure_id, other_id, relation, by_parties, by_period FROM "
    "v_figure_overlap_candidates WHERE figure_id = ?1",
    "INSERT OR IGNORE INTO figure_overlaps (figure_id, other_id, relation, by_parties, "
    "by_period) SELECT figure_id, other_id, relation, by_parties, by_period FROM "
    "v_figure_overlap_candidates WHERE other_id = ?1",
    /* the conflicts are the overlaps just stored that v_figure_conflict_candidates (0026)
     * keeps, with its note: read from the rows, not from the view again (each reading of
     * the view compares the figure with every figure of its metric) */
    "INSERT OR IGNORE INTO figure_conflicts (figure_id, other_id, note) " CONFLICTS
    " WHERE o.figure_id = ?1",
    "INSERT OR IGNORE INTO figure_conflicts (figure_id, other_id, note) " CONFLICTS
    " WHERE o.other_id = ?1",
};

/* The JSON array of the figures listing id now, as a new string into *out. */
static int listing(bc_store *s, const char *id, const char *also, char **out, bc_err *err)
{
    sqlite3_stmt *st;
    *out = NULL;
    int rc = bc_store_stmt(s,
                           "SELECT json_group_array(figure_id) FROM (SELECT figure_id FROM "
                           "(" LISTING ") UNION SELECT value FROM json_each(coalesce(?2, "
                           "'[]')) ORDER BY 1)",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, also, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *out = bc_strdup((const char *)sqlite3_column_text(st, 0));
        if (*out == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    } else {
        rc = bc_store_error(s, err, "reading the figures that list one");
    }
    sqlite3_reset(st);
    return rc;
}

int bc_figure_links_refresh(bc_store *s, const char *id, char **changed, bc_err *err)
{
    char *before = NULL;
    int rc = changed != NULL ? listing(s, id, NULL, &before, err) : BC_OK;
    for (size_t i = 0; rc == BC_OK && i < sizeof REFRESH / sizeof REFRESH[0]; i++)
        rc = bc_store_run(s, REFRESH[i], BC_BINDS(bc_text(id)), err);
    if (rc == BC_OK && changed != NULL)
        rc = listing(s, id, before, changed, err);
    bc_free(before);
    return rc;
}
