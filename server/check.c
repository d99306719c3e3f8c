/* check.c: integrity report over a built store (see check.h). */
#include "bordercoop/check.h"

#include "bordercoop/claims.h"

#include <string.h>

typedef struct resource_row {
    const char *name;
    const char *count_sql;     /* facts */
    const char *citations_sql; /* per fact: number of citations, one row each */
} resource_row;

#define PER_FACT(table, col)                                                                       \
    "SELECT (SELECT count(*) FROM citations c WHERE c." col " = t.id) FROM " table " t"
#define PER_PART(table, owner, col)                                                                \
    "SELECT (SELECT count(*) FROM citations c WHERE c." col "_" owner "_id = t." owner "_id "      \
    "AND c." col "_seq = t.seq) FROM " table " t"

/* Every kind of fact a citation can support, so that the citations add up to all of them. */
static const resource_row RESOURCES[] = {
    {"meetings", "SELECT count(*) FROM meetings", PER_FACT("meetings", "meeting_id")},
    {"meeting participants", "SELECT count(*) FROM meeting_participants",
     PER_PART("meeting_participants", "meeting", "participant")},
    {"meeting decisions", "SELECT count(*) FROM meeting_decisions",
     PER_PART("meeting_decisions", "meeting", "decision")},
    {"figures", "SELECT count(*) FROM figures", PER_FACT("figures", "figure_id")},
    {"border-gate-projects", "SELECT count(*) FROM projects", PER_FACT("projects", "project_id")},
    {"project events", "SELECT count(*) FROM project_events",
     PER_FACT("project_events", "event_id")},
    {"protocols", "SELECT count(*) FROM protocols", PER_FACT("protocols", "protocol_id")},
    {"protocol areas", "SELECT count(*) FROM protocol_areas",
     PER_PART("protocol_areas", "protocol", "area")},
    {"events", "SELECT count(*) FROM coop_events", PER_FACT("coop_events", "coop_event_id")},
    {"mechanisms", "SELECT count(*) FROM mechanisms", PER_FACT("mechanisms", "mechanism_id")},
    {"people", "SELECT count(*) FROM people", PER_FACT("people", "person_id")},
    {"provinces", "SELECT count(*) FROM provinces", PER_FACT("provinces", "province_id")},
};

static int scalar(bc_store *s, const char *sql, long *out, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, sql, &st, err);
    if (rc != BC_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        *out = (long)sqlite3_column_int64(st, 0);
    else
        rc = bc_store_error(s, err, "check query");
    sqlite3_reset(st);
    return rc;
}

static int citations_line(bc_store *s, const resource_row *r, bc_buf *out, int *problems,
                          long *cited, bc_err *err)
{
    long facts = 0;
    int rc = scalar(s, r->count_sql, &facts, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_stmt *st;
    rc = bc_store_stmt(s, r->citations_sql, &st, err);
    if (rc != BC_OK)
        return rc;
    long min = -1, max = 0, total = 0, unsourced = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        long n = (long)sqlite3_column_int64(st, 0);
        min = min < 0 || n < min ? n : min;
        max = n > max ? n : max;
        total += n;
        unsourced += n == 0;
    }
    sqlite3_reset(st);
    *cited += total;
    bc_buf_printf(out, "  %-22s %6ld %9ld %8ld %8.2f %8ld", r->name, facts, total,
                  min < 0 ? 0 : min, facts ? (double)total / (double)facts : 0.0, max);
    if (unsourced > 0) {
        bc_buf_printf(out, "   <- %ld without a source", unsourced);
        *problems += (int)unsourced;
    }
    bc_buf_putc(out, '\n');
    return BC_OK;
}

/* Every fact with a field the text does not state: "kind id: paths (note)". A marked
 * field without a reason in the note is a problem. */
static const char INFERRED_SQL[] =
    "SELECT kind, id, inferred, note FROM v_inferred WHERE json_array_length(inferred) > 0 "
    "ORDER BY CASE kind WHEN 'meeting' THEN 1 WHEN 'participant' THEN 2 WHEN 'decision' THEN 3 "
    "WHEN 'figure' THEN 4 WHEN 'project' THEN 5 WHEN 'project event' THEN 6 WHEN 'protocol' "
    "THEN 7 WHEN 'protocol area' THEN 8 WHEN 'person' THEN 9 WHEN 'mechanism' THEN 10 "
    "WHEN 'event' THEN 11 ELSE 12 END, id";

static int inferred_section(bc_store *s, bc_buf *out, int *problems, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, INFERRED_SQL, &st, err);
    if (rc != BC_OK)
        return rc;
    bc_buf_puts(out, "\ninferred fields (values no article states; the reason is in the note)\n");
    long facts = 0, fields = 0, unexplained = 0;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *note = (const char *)sqlite3_column_text(st, 3);
        const char *inferred = (const char *)sqlite3_column_text(st, 2);
        facts++;
        for (const char *c = inferred; *c; c++)
            fields += *c == '"';
        bc_buf_printf(out, "  %s %s: %s", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
                      inferred);
        if (note == NULL) {
            bc_buf_puts(out, "   <- no note gives the reason\n");
            unexplained++;
        } else {
            size_t n = strlen(note), cut = n > 100 ? 100 : n;
            while (cut > 0 && cut < n && ((unsigned char)note[cut] & 0xC0) == 0x80)
                cut--; /* never split a UTF-8 character */
            bc_buf_printf(out, " (%.*s%s)\n", (int)cut, note, cut < n ? "..." : "");
        }
    }
    if (step != SQLITE_DONE)
        rc = bc_store_error(s, err, "check query");
    sqlite3_reset(st);
    bc_buf_printf(out, "  %ld field(s) on %ld fact(s), %ld without a reason\n", fields / 2, facts,
                  unexplained);
    *problems += (int)unexplained;
    return rc;
}

/* Every curated status and what supports it: a quote marked `supports: ["status"]`, the
 * `inferred` list (with its reason), or `unknown`. Anything else is a problem. */
static const char STATUS_SQL[] =
    "SELECT kind, id, status, basis FROM ("
    "SELECT 1 AS o, 'meeting' AS kind, m.id, m.status, CASE WHEN m.status = 'unknown' THEN "
    "  'unknown' WHEN EXISTS (SELECT 1 FROM json_each(m.inferred) WHERE value = 'status') THEN "
    "'inferred' "
    "  WHEN EXISTS (SELECT 1 FROM citations c, json_each(c.supports) j WHERE c.meeting_id = m.id "
    "               AND j.value = 'status') THEN 'quoted' END AS basis "
    "FROM meetings m WHERE m.curation = 'curated' "
    "UNION ALL SELECT 2, 'project', p.id, p.status, CASE WHEN p.status = 'unknown' THEN 'unknown' "
    "  WHEN EXISTS (SELECT 1 FROM json_each(p.inferred) WHERE value = 'status') THEN 'inferred' "
    "  WHEN EXISTS (SELECT 1 FROM citations c, json_each(c.supports) j WHERE c.project_id = p.id "
    "               AND j.value = 'status') THEN 'quoted' END "
    "FROM projects p WHERE p.curation = 'curated' "
    "UNION ALL SELECT 3, 'protocol', pr.id, pr.status, CASE "
    "  WHEN EXISTS (SELECT 1 FROM json_each(pr.inferred) WHERE value = 'status') THEN 'inferred' "
    "  WHEN EXISTS (SELECT 1 FROM citations c, json_each(c.supports) j WHERE c.protocol_id = pr.id "
    "               AND j.value = 'status') THEN 'quoted' END "
    "FROM protocols pr "
    "UNION ALL SELECT 4, 'event', e.id, e.status, CASE "
    "  WHEN EXISTS (SELECT 1 FROM json_each(e.inferred) WHERE value = 'status') THEN 'inferred' "
    "  WHEN EXISTS (SELECT 1 FROM citations c, json_each(c.supports) j "
    "               WHERE c.coop_event_id = e.id AND j.value = 'status') THEN 'quoted' END "
    "FROM coop_events e WHERE e.curation = 'curated') ORDER BY o, id";

static int status_section(bc_store *s, bc_buf *out, int *problems, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, STATUS_SQL, &st, err);
    if (rc != BC_OK)
        return rc;
    bc_buf_puts(out, "\nstatuses (each quoted, inferred with a reason, or unknown)\n");
    long quoted = 0, inferred = 0, unknown = 0, bare = 0;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *basis = (const char *)sqlite3_column_text(st, 3);
        if (basis == NULL) {
            bc_buf_printf(out, "  %s %s: '%s'   <- no quote supports this status\n",
                          sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
                          sqlite3_column_text(st, 2));
            bare++;
        } else if (strcmp(basis, "quoted") == 0) {
            quoted++;
        } else {
            bc_buf_printf(out, "  %s %s: '%s' (%s)\n", sqlite3_column_text(st, 0),
                          sqlite3_column_text(st, 1), sqlite3_column_text(st, 2), basis);
            inferred += strcmp(basis, "inferred") == 0;
            unknown += strcmp(basis, "unknown") == 0;
        }
    }
    if (step != SQLITE_DONE)
        rc = bc_store_error(s, err, "check query");
    sqlite3_reset(st);
    bc_buf_printf(out, "  %ld quoted, %ld inferred, %ld unknown, %ld without support\n", quoted,
                  inferred, unknown, bare);
    *problems += (int)bare;
    return rc;
}

/* Every statement from outside the articles, and the fields that need one but have none:
 * names in other scripts (a project's vn_side_vi / cn_side_zh, a province's name_vi /
 * name_zh) that no background statement or inferred list covers. */
static const char BACKGROUND_SQL[] =
    "SELECT x.kind, x.id, json_extract(b.value, '$.text'), json_extract(b.value, '$.fields') FROM ("
    "SELECT 1 AS o, 'meeting' AS kind, id, background FROM meetings "
    "UNION ALL SELECT 2, 'figure', id, background FROM figures "
    "UNION ALL SELECT 3, 'project', id, background FROM projects "
    "UNION ALL SELECT 4, 'protocol', id, background FROM protocols "
    "UNION ALL SELECT 5, 'event', id, background FROM coop_events "
    "UNION ALL SELECT 6, 'mechanism', id, background FROM mechanisms "
    "UNION ALL SELECT 7, 'person', id, background FROM people "
    "UNION ALL SELECT 8, 'province', id, background FROM provinces) x, json_each(x.background) b "
    "ORDER BY x.o, x.id, b.key";

#define COVERED(tbl, field)                                                                        \
    "(EXISTS (SELECT 1 FROM json_each(" tbl ".background) b, json_each(b.value, '$.fields') f "    \
    "WHERE f.value = '" field "') OR EXISTS (SELECT 1 FROM json_each(" tbl ".inferred) "           \
    "WHERE value = '" field "'))"
static const char UNMARKED_SQL[] =
    "SELECT 'project', id, 'vn_side_vi' FROM projects p WHERE curation = 'curated' AND "
    "vn_side_vi IS NOT NULL AND NOT " COVERED(
        "p", "vn_side_vi") " "
                           "UNION ALL SELECT 'project', id, 'cn_side_zh' FROM projects p WHERE "
                           "curation = 'curated' AND "
                           "cn_side_zh IS NOT NULL AND NOT " COVERED(
                               "p", "cn_side_zh") " "
                                                  "UNION ALL SELECT 'province', id, 'name_vi' FROM "
                                                  "provinces p WHERE name_vi IS NOT NULL AND "
                                                  "NOT " COVERED(
                                                      "p",
                                                      "name_vi") " "
                                                                 "UNION ALL SELECT 'province', id, "
                                                                 "'name_zh' FROM provinces p WHERE "
                                                                 "name_zh IS NOT NULL AND "
                                                                 "NOT " COVERED(
                                                                     "p",
                                                                     "name_zh") " ORDER BY 1, 2, 3";

static int background_section(bc_store *s, bc_buf *out, int *problems, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, BACKGROUND_SQL, &st, err);
    if (rc != BC_OK)
        return rc;
    bc_buf_puts(out, "\noutside knowledge (background statements, not article text)\n");
    long n = 0;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        bc_buf_printf(out, "  %s %s: %s %s\n", sqlite3_column_text(st, 0),
                      sqlite3_column_text(st, 1), sqlite3_column_text(st, 2),
                      sqlite3_column_text(st, 3));
        n++;
    }
    if (step != SQLITE_DONE)
        rc = bc_store_error(s, err, "check query");
    sqlite3_reset(st);
    if (rc == BC_OK)
        rc = bc_store_stmt(s, UNMARKED_SQL, &st, err);
    long unmarked = 0;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        bc_buf_printf(out, "  %s %s: '%s' is not in any article and no background covers it\n",
                      sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
                      sqlite3_column_text(st, 2));
        unmarked++;
    }
    if (rc == BC_OK) {
        if (step != SQLITE_DONE)
            rc = bc_store_error(s, err, "check query");
        sqlite3_reset(st);
    }
    bc_buf_printf(out, "  %ld statement(s); %ld unmarked name(s)\n", n, unmarked);
    *problems += (int)unmarked;
    return rc;
}

/* The rows of the tables kept for counts (0045, 0046) that differ from what figures,
 * meetings and their provinces give, both ways: the triggers keep them in step, and a row
 * out of step would count a fact in a facet bucket, or a province's count, that its
 * filter does not list. */
static const char FACET_TABLES_SQL[] =
    "SELECT (SELECT count(*) FROM (SELECT * FROM figure_province_facet EXCEPT "
    "SELECT * FROM v_figure_province_facet)) + (SELECT count(*) FROM (SELECT * FROM "
    "v_figure_province_facet EXCEPT SELECT * FROM figure_province_facet)), "
    "(SELECT count(*) FROM (SELECT * FROM figure_year_facet EXCEPT SELECT * FROM "
    "v_figure_year_facet)) + (SELECT count(*) FROM (SELECT * FROM v_figure_year_facet "
    "EXCEPT SELECT * FROM figure_year_facet)), "
    "(SELECT count(*) FROM (SELECT * FROM meeting_province_facet EXCEPT SELECT * FROM "
    "v_meeting_province_facet)) + (SELECT count(*) FROM (SELECT * FROM "
    "v_meeting_province_facet EXCEPT SELECT * FROM meeting_province_facet))";

static int facet_tables_section(bc_store *s, bc_buf *out, int *problems, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, FACET_TABLES_SQL, &st, err);
    if (rc != BC_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW) {
        long provinces = (long)sqlite3_column_int64(st, 0),
             years = (long)sqlite3_column_int64(st, 1),
             meetings = (long)sqlite3_column_int64(st, 2);
        bc_buf_printf(out,
                      "\ncount tables: %ld figure province row(s), %ld figure year row(s), %ld "
                      "meeting province row(s) out of step\n",
                      provinces, years, meetings);
        *problems += (int)(provinces + years + meetings);
    } else {
        rc = bc_store_error(s, err, "comparing the count tables");
    }
    sqlite3_reset(st);
    return rc;
}

int bc_check_report(bc_store *s, bc_buf *out, int *problems, bc_err *err)
{
    *problems = 0;
    int rc = BC_OK;
    bc_buf_printf(out, "facts and their sources\n  %-22s %6s %9s %8s %8s %8s\n", "resource",
                  "facts", "citations", "min", "avg", "max");
    long cited = 0, citations = 0;
    for (size_t i = 0; rc == BC_OK && i < sizeof RESOURCES / sizeof RESOURCES[0]; i++)
        rc = citations_line(s, &RESOURCES[i], out, problems, &cited, err);
    /* every citation supports exactly one fact, so the lines add up to all of them */
    if (rc == BC_OK)
        rc = scalar(s, "SELECT count(*) FROM citations", &citations, err);
    if (rc == BC_OK) {
        bc_buf_printf(out, "  %-22s %6s %9ld", "all", "", cited);
        if (cited != citations) {
            bc_buf_printf(out, "   <- %ld citation(s) support no fact listed here",
                          citations - cited);
            *problems += 1;
        }
        bc_buf_putc(out, '\n');
    }

    /* quotes: re-verify each against the article bytes at its recorded offsets */
    long quotes = 0, bad = 0;
    if (rc == BC_OK)
        rc = scalar(s, "SELECT count(*) FROM citations", &quotes, err);
    if (rc == BC_OK)
        rc = scalar(s,
                    "SELECT count(*) FROM citations c JOIN sources s ON s.id = c.source_id "
                    "WHERE substr(CAST(s.body AS BLOB), c.quote_start + 1, "
                    "c.quote_end - c.quote_start) IS NOT CAST(c.quote AS BLOB)",
                    &bad, err);
    if (rc == BC_OK) {
        bc_buf_printf(out, "\nquotes: %ld verified verbatim, %ld unverifiable\n", quotes - bad,
                      bad);
        *problems += (int)bad;
    }

    /* sources: facts drawn from each article */
    sqlite3_stmt *st;
    if (rc == BC_OK)
        rc = bc_store_stmt(s,
                           "SELECT s.id, s.lang, count(c.id), count(DISTINCT coalesce("
                           "c.meeting_id, c.figure_id, c.project_id, c.event_id, c.protocol_id, "
                           "c.person_id, c.province_id, c.decision_meeting_id || '#d' || "
                           "c.decision_seq, c.participant_meeting_id || '#p' || "
                           "c.participant_seq, c.area_protocol_id || '#a' || c.area_seq)) "
                           "FROM sources s LEFT JOIN citations c ON c.source_id = s.id "
                           "GROUP BY s.id ORDER BY s.file",
                           &st, err);
    if (rc == BC_OK) {
        bc_buf_printf(out, "\nsources\n  %-40s %4s %9s %7s\n", "source", "lang", "citations",
                      "facts");
        while (sqlite3_step(st) == SQLITE_ROW)
            bc_buf_printf(out, "  %-40s %4s %9d %7d\n", sqlite3_column_text(st, 0),
                          sqlite3_column_text(st, 1), sqlite3_column_int(st, 2),
                          sqlite3_column_int(st, 3));
        sqlite3_reset(st);
    }

    /* aliases per entity kind */
    if (rc == BC_OK)
        rc = bc_store_stmt(s,
                           "SELECT entity, count(DISTINCT entity_id), count(*), max(k) FROM "
                           "(SELECT entity, entity_id, count(*) OVER (PARTITION BY entity, "
                           "entity_id) AS k FROM aliases) GROUP BY entity ORDER BY entity",
                           &st, err);
    if (rc == BC_OK) {
        bc_buf_printf(out,
                      "\naliases (names an entity is found by, id included)\n"
                      "  %-12s %8s %8s %8s %8s\n",
                      "entity", "entities", "aliases", "avg", "max");
        while (sqlite3_step(st) == SQLITE_ROW) {
            int e = sqlite3_column_int(st, 1), a = sqlite3_column_int(st, 2);
            bc_buf_printf(out, "  %-12s %8d %8d %8.2f %8d\n", sqlite3_column_text(st, 0), e, a,
                          e ? (double)a / e : 0.0, sqlite3_column_int(st, 3));
        }
        sqlite3_reset(st);
    }

    /* conflicts */
    if (rc == BC_OK)
        rc = bc_store_stmt(s,
                           "SELECT f.figure_id, a.value, a.qualifier, f.other_id, b.value, "
                           "b.qualifier, f.note FROM figure_conflicts f "
                           "JOIN figures a ON a.id = f.figure_id JOIN figures b ON b.id = "
                           "f.other_id ORDER BY f.figure_id, f.other_id",
                           &st, err);
    if (rc == BC_OK) {
        bc_buf_puts(out, "\nconflicts (kept side by side, neither silently wins)\n");
        int k = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            bc_buf_printf(out, "  %s (%s %g) vs %s (%s %g): %s\n", sqlite3_column_text(st, 0),
                          sqlite3_column_text(st, 2), sqlite3_column_double(st, 1),
                          sqlite3_column_text(st, 3), sqlite3_column_text(st, 5),
                          sqlite3_column_double(st, 4), sqlite3_column_text(st, 6));
            k++;
        }
        if (k == 0)
            bc_buf_puts(out, "  none\n");
        sqlite3_reset(st);
    }

    if (rc == BC_OK)
        rc = inferred_section(s, out, problems, err);
    if (rc == BC_OK)
        rc = status_section(s, out, problems, err);
    if (rc == BC_OK)
        rc = background_section(s, out, problems, err);
    if (rc == BC_OK)
        rc = facet_tables_section(s, out, problems, err);
    if (rc == BC_OK) {
        bc_claims_tally t;
        rc = bc_claims_report(s, out, &t, err);
        *problems += (int)t.problems;
    }

    /* dangling references */
    if (rc == BC_OK)
        rc = bc_store_stmt(s, "PRAGMA foreign_key_check", &st, err);
    if (rc == BC_OK) {
        long dangling = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            if (dangling < 20)
                bc_buf_printf(out, "  dangling reference: %s row %lld -> %s\n",
                              sqlite3_column_text(st, 0), (long long)sqlite3_column_int64(st, 1),
                              sqlite3_column_text(st, 2));
            dangling++;
        }
        sqlite3_reset(st);
        bc_buf_printf(out, "\ndangling references: %ld\n", dangling);
        *problems += (int)dangling;
    }
    if (rc == BC_OK && bc_buf_failed(out))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory writing the report");
    return rc;
}
