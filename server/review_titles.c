/* review_titles.c: what a reviewer's correction changes of the words the machine made from
 * a fact's fields: a figure's description after its metric or period, a meeting's title
 * after its number or mechanism (see review_int.h). A text a reviewer wrote is left. */
#include "review_int.h"

#include "bordercoop/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An extracted figure's description is made from its fields ("<the metric's words>,
 * <period>, read from \"<title>\"", ingest_facts.c): while it still reads as made, a
 * corrected metric or period makes it again, so the document and its search hit title
 * (indexed after the decision) say what the figure now is. A description a reviewer
 * wrote, or sets in this edit, is left as it is. */
#define READ_FROM ", read from \""
int review_figure_describe(bc_store *s, const char *id, json_t *changes, bc_err *err)
{
    json_t *period = json_object_get(changes, "period");
    if (json_object_get(changes, "description") != NULL ||
        (period == NULL && json_object_get(changes, "metric") == NULL))
        return BC_OK;
    /* ?2: the period changed, ?3: the one it had (the metric's words were already
     * swapped by its update) */
    return bc_store_run(
        s,
        "UPDATE figures SET description = (SELECT description FROM metrics WHERE id = "
        "figures.metric) || coalesce(', ' || period, '') || substr(description, "
        "instr(description, ?4)) WHERE id = ?1 AND instr(description, ?4) > 0 AND "
        "substr(description, 1, instr(description, ?4) - 1) = (SELECT description FROM "
        "metrics WHERE id = figures.metric) || coalesce(', ' || CASE WHEN ?2 THEN ?3 ELSE "
        "period END, '')",
        BC_BINDS(bc_text(id), bc_int(period != NULL),
                 bc_text(json_string_value(json_object_get(period, "from"))), bc_text(READ_FROM)),
        err);
}

/* The start of a meeting's title as ingest makes it (ingest_meetings.c, meeting_title)
 * for number ordinal (0: none) and mechanism mech: "Meeting 14 of the Joint Working Group",
 * "Meeting of the Joint Working Group", or the body's name alone when the body is itself a
 * meeting ("Spring Meeting"). */
static int title_head(bc_store *s, long long ordinal, const char *mech, bc_buf *out, bc_err *err)
{
    char name[400] = "";
    int found = 0;
    int rc = bc_store_lookup(s, "SELECT name FROM mechanisms WHERE id = ?1",
                             BC_BINDS(bc_text(mech)), name, sizeof name, &found, err);
    if (rc != BC_OK)
        return rc;
    char *of = strstr(name, " of ");
    if (of != NULL)
        *of = '\0';
    size_t n = strlen(name);
    int itself = (n >= 8 && strcmp(name + n - 8, " Meeting") == 0) ||
                 (n >= 11 && strcmp(name + n - 11, " Conference") == 0);
    if (ordinal > 0)
        bc_buf_printf(out, "Meeting %lld of the %s", ordinal, name);
    else if (itself)
        bc_buf_puts(out, name);
    else
        bc_buf_printf(out, "Meeting of the %s", name);
    return bc_buf_failed(out) ? bc_err_set(err, BC_ENOMEM, "out of memory") : BC_OK;
}

/* Appends " of A, B and C" (the meeting's provinces, the Vietnamese first, each side by
 * name) to out, or nothing when fewer than two: a body is never named by one place. */
static int members(bc_store *s, const char *id, bc_buf *out, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_prepare(s,
                              "SELECT p.name FROM meeting_provinces mp JOIN provinces p ON p.id = "
                              "mp.province_id WHERE mp.meeting_id = ?1 ORDER BY p.country = 'CN', "
                              "p.name",
                              &st, err);
    char names[16][200];
    int n = 0;
    if (rc == BC_OK)
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    while (bc_store_row(s, st, &rc, err, "reading a meeting's provinces"))
        if (n < 16)
            snprintf(names[n++], sizeof names[0], "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    for (int k = 0; rc == BC_OK && n >= 2 && k < n; k++)
        bc_buf_printf(out, "%s%s", k == 0 ? " of " : k + 1 == n ? " and " : ", ", names[k]);
    return rc;
}

/* A meeting's title made by ingest starts with its number and its body's name
 * (title_head), then the members its sentence named and " (extracted)" until it is
 * reviewed. While it still starts as made from the fields before the edit, a corrected
 * number or mechanism makes that start again ("Meeting 13 of ..." edited to 14 reads
 * "Meeting 14 of ..."); with another mechanism the members named are its members. A
 * title a reviewer wrote, or sets in this edit, is left as it is (analyst 13 #14). */
int review_meeting_retitle(bc_store *s, const char *id, json_t *changes, bc_err *err)
{
    json_t *ord = json_object_get(changes, "ordinal"),
           *mech = json_object_get(changes, "mechanism");
    if (json_object_get(changes, "title") != NULL || (ord == NULL && mech == NULL))
        return BC_OK;
    char title[600] = "", now_mech[160] = "", now_ord[24] = "";
    int found = 0;
    int rc = bc_store_lookup(s, "SELECT title FROM meetings WHERE id = ?1", BC_BINDS(bc_text(id)),
                             title, sizeof title, &found, err);
    if (rc == BC_OK)
        rc = bc_store_lookup(s, "SELECT mechanism_id FROM meetings WHERE id = ?1",
                             BC_BINDS(bc_text(id)), now_mech, sizeof now_mech, &found, err);
    if (rc == BC_OK)
        rc = bc_store_lookup(s, "SELECT coalesce(ordinal, 0) FROM meetings WHERE id = ?1",
                             BC_BINDS(bc_text(id)), now_ord, sizeof now_ord, &found, err);
    if (rc != BC_OK || !found)
        return rc;
    long long was_ord =
        ord != NULL ? json_integer_value(json_object_get(ord, "from")) : strtoll(now_ord, NULL, 10);
    const char *was_mech =
        mech != NULL ? json_string_value(json_object_get(mech, "from")) : now_mech;
    bc_buf old = BC_BUF_INIT, made = BC_BUF_INIT;
    rc = title_head(s, was_ord, was_mech != NULL ? was_mech : "", &old, err);
    if (rc == BC_OK && old.len > 0 && strncmp(title, old.data, old.len) == 0 &&
        (title[old.len] == '\0' || title[old.len] == ' ')) {
        static const char mark[] = " (extracted)";
        const char *rest = title + old.len;
        size_t len = strlen(title);
        int marked = len >= old.len + strlen(mark) && strcmp(title + len - strlen(mark), mark) == 0;
        rc = title_head(s, strtoll(now_ord, NULL, 10), now_mech, &made, err);
        if (rc == BC_OK && mech == NULL)
            bc_buf_puts(&made, rest); /* the members named, the mark */
        else if (rc == BC_OK) {
            /* another body: its members, Vietnamese first, as ingest names them */
            rc = members(s, id, &made, err);
            if (marked)
                bc_buf_puts(&made, mark);
        }
        if (rc == BC_OK && bc_buf_failed(&made))
            rc = bc_err_set(err, BC_ENOMEM, "out of memory");
        if (rc == BC_OK)
            rc = bc_store_run(s, "UPDATE meetings SET title = ?2 WHERE id = ?1",
                              BC_BINDS(bc_text(id), bc_text(made.data)), err);
    }
    bc_buf_free(&old);
    bc_buf_free(&made);
    return rc;
}
