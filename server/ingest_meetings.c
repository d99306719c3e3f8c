/* ingest_meetings.c: the meetings of one ingested article: of a known mechanism (same_as
 * the known meeting they are, with any contradiction of it as a conflict, known people as
 * participants), linked by the provinces they name or by the meeting they continue, or
 * kept as cooperation events of kind "talks". See ingest_int.h. */
#include "ingest_int.h"

#include "bordercoop/buf.h"
#include "bordercoop/date.h"
#include "bordercoop/inferred.h"
#include "bordercoop/search_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define found_row bci_found_row

/* The known meeting m is: of its mechanism with its number, or, unnumbered, on a date
 * that fits (one such meeting only). A curated or reviewed one first, else one an earlier
 * article gave. "" when none. */
static void same_as_of(ingest_ctx *c, const bc_xmeeting *m, const char *date, char out[160],
                       int *rc)
{
    out[0] = '\0';
    if (m->ordinal > 0) {
        if (!found_row(rc, c->s,
                       "SELECT id FROM meetings WHERE mechanism_id = ?1 AND ordinal = ?2 AND "
                       "curation IN ('curated', 'reviewed') ORDER BY curation = 'curated' DESC, "
                       "id LIMIT 1",
                       BC_BINDS(bc_text(m->mechanism), bc_int(m->ordinal)), out, 160, c->err))
            found_row(rc, c->s,
                      "SELECT id FROM meetings WHERE mechanism_id = ?1 AND ordinal = ?2 AND "
                      "curation = 'extracted' AND same_as IS NULL ORDER BY id LIMIT 1",
                      BC_BINDS(bc_text(m->mechanism), bc_int(m->ordinal)), out, 160, c->err);
        return;
    }
    if (date == NULL)
        return;
    /* "the 2025 Spring Meeting": the one meeting of the mechanism in that year (or on
     * that day) that the store has */
    char n[16] = "";
    const char *fits = "mechanism_id = ?1 AND date IS NOT NULL AND "
                       "substr(date, 1, min(length(date), length(?2))) = "
                       "substr(?2, 1, min(length(date), length(?2)))";
    char sql[400];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM meetings WHERE %s AND curation IN ('curated', 'reviewed')",
             fits);
    found_row(rc, c->s, sql, BC_BINDS(bc_text(m->mechanism), bc_text(date)), n, sizeof n, c->err);
    if (atoi(n) != 1)
        return;
    snprintf(sql, sizeof sql,
             "SELECT id FROM meetings WHERE %s AND curation IN ('curated', 'reviewed')", fits);
    found_row(rc, c->s, sql, BC_BINDS(bc_text(m->mechanism), bc_text(date)), out, 160, c->err);
}

/* The known people named in meeting m's sentences as its participants (meeting id), each
 * cited by the sentence that names them. Their role and side are those the store records
 * for them, marked so. */
static int store_participants(ingest_ctx *c, const char *id, const bc_xmeeting *m)
{
    int rc = BC_OK;
    for (int k = 0; rc == BC_OK && k < m->npeople; k++) {
        char country[8] = "", province[64] = "", role[200] = "";
        if (!found_row(&rc, c->s, "SELECT country FROM people WHERE id = ?1",
                       BC_BINDS(bc_text(m->people[k])), country, sizeof country, c->err))
            continue;
        found_row(&rc, c->s, "SELECT province_id FROM people WHERE id = ?1",
                  BC_BINDS(bc_text(m->people[k])), province, sizeof province, c->err);
        found_row(&rc, c->s,
                  "SELECT role FROM person_roles WHERE person_id = ?1 ORDER BY seq LIMIT 1",
                  BC_BINDS(bc_text(m->people[k])), role, sizeof role, c->err);
        int seq = k + 1;
        if (rc == BC_OK)
            rc = bc_store_run(
                c->s,
                "INSERT INTO meeting_participants (meeting_id, seq, person_id, role, side, "
                "province_id, inferred, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                "'[\"role\",\"side\",\"province\"]', 'Named in a statement of the meeting; the "
                "role, side and province are those recorded for the person, not read from "
                "the text.')",
                BC_BINDS(bc_text(id), bc_int(seq), bc_text(m->people[k]),
                         bc_text(role[0] ? role : "participant"), bc_text(country),
                         bc_text(province[0] ? province : NULL)),
                c->err);
        if (rc == BC_OK)
            rc = bci_cite(c, NULL, id, seq, m->people_at[k].start, m->people_at[k].end);
        if (rc == BC_OK)
            c->out->participants++;
    }
    return rc;
}

/* bc_xmeeting.mechanism_inferred of a meeting linked by mechanism_by_members */
#define MECHANISM_BY_MEMBERS 2

/* A meeting of a known mechanism. */
static int store_meeting(ingest_ctx *c, const bc_xmeeting *m)
{
    char name[300], same_as[160] = "", id[160], title[400];
    int rc = BC_OK;
    if (!found_row(&rc, c->s, "SELECT name FROM mechanisms WHERE id = ?1",
                   BC_BINDS(bc_text(m->mechanism)), name, sizeof name, c->err))
        return rc;
    bci_marks mk = {.note = BC_BUF_INIT};
    bc_date d;
    int has_date = bci_year_date(c, m->date, &d, &mk);
    if (m->ordinal > 0) {
        /* the same numbered meeting mentioned again in this article: one record, one
         * more quote, and the date if the first mention had none */
        char earlier[160];
        if (found_row(&rc, c->s,
                      "SELECT m.id FROM meetings m JOIN citations c ON c.meeting_id = m.id "
                      "WHERE c.source_id = ?1 AND m.mechanism_id = ?2 AND m.ordinal = ?3 "
                      "AND m.curation = 'extracted' LIMIT 1",
                      BC_BINDS(bc_text(c->source_id), bc_text(m->mechanism), bc_int(m->ordinal)),
                      earlier, sizeof earlier, c->err)) {
            if (has_date && !m->date_inferred)
                rc = bc_store_run(
                    c->s,
                    "UPDATE meetings SET date = ?2, date_precision = ?3, date_start = ?4, "
                    "date_end = ?5, year = CAST(substr(?2, 1, 4) AS INTEGER), confidence = "
                    "max(confidence, ?6) WHERE id = ?1 AND date IS NULL",
                    BC_BINDS(bc_text(earlier), bc_text(d.text),
                             bc_text(bc_precision_name(d.precision)), bc_text(d.start),
                             bc_text(d.end), bc_real(m->confidence)),
                    c->err);
            if (rc == BC_OK)
                rc = bci_cite_all(c, "meeting_id", earlier, &m->cite);
            bc_buf_free(&mk.note);
            return rc;
        }
    }
    if (has_date && m->date_inferred)
        bci_mark(&mk, "date.year", BCI_WHY_YEAR);
    if (m->mechanism_inferred == MECHANISM_BY_MEMBERS)
        bci_mark(&mk, "mechanism",
             "Its sentence names the kind of body and the provinces that meet, not the "
             "mechanism: it is the one known mechanism of that kind whose members they are.");
    else if (m->mechanism_inferred)
        bci_mark(&mk, "mechanism",
             "Its sentence names the kind of meeting; which mechanism it is comes from the rest "
             "of the article.");
    same_as_of(c, m, has_date ? d.text : NULL, same_as, &rc);
    bc_buf inferred = BC_BUF_INIT;
    if (rc == BC_OK)
        rc = bci_marks_json(c, BC_FACT_MEETING, &mk, &inferred);
    snprintf(id, sizeof id, "%s-m%d", c->source_id, c->out->meetings + 1);
    if (m->ordinal > 0)
        snprintf(title, sizeof title, "Meeting %d of the %s (extracted)", m->ordinal, name);
    else
        snprintf(title, sizeof title, "Meeting of the %s (extracted)", name);
    const char *place =
        m->place[0] && found_row(&rc, c->s, "SELECT id FROM provinces WHERE id = ?1",
                                 BC_BINDS(bc_text(m->place)), NULL, 0, c->err)
            ? m->place
            : NULL;
    char ordinal[16];
    snprintf(ordinal, sizeof ordinal, "%d", m->ordinal);
    if (rc == BC_OK)
        rc = bc_store_run(
            c->s,
            "INSERT INTO meetings (id, mechanism_id, ordinal, title, date, date_precision, "
            "date_start, date_end, year, host_province_id, status, curation, confidence, "
            "same_as, inferred, note) VALUES (?1, ?2, CAST(nullif(?3, '0') AS INTEGER), ?4, "
            "?5, ?6, ?7, ?8, CAST(substr(?5, 1, 4) AS INTEGER), ?9, ?10, 'extracted', ?11, "
            "?12, ?13, ?14)",
            BC_BINDS(bc_text(id), bc_text(m->mechanism), bc_text(ordinal), bc_text(title),
                     bc_text(has_date ? d.text : NULL),
                     bc_text(has_date ? bc_precision_name(d.precision) : NULL),
                     bc_text(has_date ? d.start : NULL), bc_text(has_date ? d.end : NULL),
                     bc_text(place),
                     bc_text(strcmp(m->status, "planned") == 0 ? "planned" : "held"),
                     bc_real(m->confidence), bc_text(same_as[0] ? same_as : NULL),
                     bc_text(inferred.data), bc_text(bci_marks_note(&mk))),
            c->err);
    bc_buf_free(&inferred);
    bc_buf_free(&mk.note);
    if (rc == BC_OK)
        rc = bc_store_run(c->s,
                          "INSERT INTO meeting_provinces (meeting_id, province_id) "
                          "SELECT ?1, province_id FROM mechanism_members WHERE mechanism_id = ?2",
                          BC_BINDS(bc_text(id), bc_text(m->mechanism)), c->err);
    if (rc == BC_OK)
        rc = bc_store_run(c->s,
                          "INSERT INTO aliases (entity, alias_key, alias, entity_id) "
                          "VALUES ('meeting', ?1, ?1, ?1)",
                          BC_BINDS(bc_text(id)), c->err);
    if (rc == BC_OK)
        rc = bci_cite_all(c, "meeting_id", id, &m->cite);
    if (rc == BC_OK)
        rc = store_participants(c, id, m);
    if (rc == BC_OK) {
        c->out->meetings++;
        c->out->linked += same_as[0] != '\0';
        rc = bc_search_index_entity(c->s, "meeting", id, c->err);
    }
    return rc;
}

/* Talks, a working session or a reception that belongs to no known mechanism: a
 * cooperation event of kind "talks" whose organisations are the provinces named. */
static int store_talks(ingest_ctx *c, const bc_xmeeting *m)
{
    int rc = BC_OK;
    bci_marks mk = {.note = BC_BUF_INIT};
    bc_date d;
    int has_date = bci_year_date(c, m->date, &d, &mk);
    if (has_date && m->date_inferred)
        bci_mark(&mk, "date.year", BCI_WHY_YEAR);
    char names[BC_X_MAX_PARTIES][200];
    int n = 0;
    for (int k = 0; rc == BC_OK && k < m->nprovinces; k++)
        if (found_row(&rc, c->s, "SELECT name FROM provinces WHERE id = ?1",
                      BC_BINDS(bc_text(m->provinces[k])), names[n], sizeof names[n], c->err))
            n++;
    char title[400], id[160], place[200] = "";
    bc_buf t = BC_BUF_INIT;
    if (m->ordinal > 0) {
        /* a numbered meeting of a mechanism the store does not know: its number is kept
         * in the title and the note, for the reviewer who links it */
        bc_buf_printf(&t, "Meeting %d", m->ordinal);
        char why[300];
        snprintf(why, sizeof why,
                 "The article calls it meeting %d of a body the store does not know as a "
                 "mechanism, so it is kept as a cooperation event, not as a meeting.",
                 m->ordinal);
        bci_mark(&mk, NULL, why);
    } else {
        bc_buf_printf(&t, "Talks");
    }
    for (int k = 0; k < n; k++)
        bc_buf_printf(&t, "%s%s", k == 0 ? " of " : k + 1 == n ? " and " : ", ", names[k]);
    bc_buf_printf(&t, "%s (extracted)", n == 0 ? " between the two sides" : "");
    snprintf(title, sizeof title, "%s", t.data ? t.data : "Talks (extracted)");
    bc_buf_free(&t);
    if (m->place[0])
        found_row(&rc, c->s, "SELECT name FROM provinces WHERE id = ?1",
                  BC_BINDS(bc_text(m->place)), place, sizeof place, c->err);
    bc_buf inferred = BC_BUF_INIT;
    if (rc == BC_OK)
        rc = bci_marks_json(c, BC_FACT_REPORTED_EVENT, &mk, &inferred);
    snprintf(id, sizeof id, "%s-e%d", c->source_id, c->out->events + 1);
    if (rc == BC_OK)
        rc = bc_store_run(
            c->s,
            "INSERT INTO coop_events (id, kind, title, status, date, date_precision, "
            "date_start, date_end, year, place, description, note, inferred, curation, "
            "confidence) VALUES (?1, 'talks', ?2, ?3, ?4, ?5, ?6, ?7, CAST(substr(?4, 1, 4) AS "
            "INTEGER), ?8, 'Talks, a working session or a reception between the two sides, "
            "read from an ingested article.', ?9, ?10, 'extracted', ?11)",
            BC_BINDS(bc_text(id), bc_text(title),
                     bc_text(strcmp(m->status, "planned") == 0 ? "planned" : "held"),
                     bc_text(has_date ? d.text : NULL),
                     bc_text(has_date ? bc_precision_name(d.precision) : NULL),
                     bc_text(has_date ? d.start : NULL), bc_text(has_date ? d.end : NULL),
                     bc_text(place[0] ? place : NULL), bc_text(bci_marks_note(&mk)),
                     bc_text(inferred.data), bc_real(m->confidence)),
            c->err);
    bc_buf_free(&inferred);
    bc_buf_free(&mk.note);
    for (int k = 0, seq = 0; rc == BC_OK && k < m->nprovinces && seq < n; k++)
        rc = bc_store_run(c->s,
                          "INSERT INTO coop_event_organisations (event_id, seq, name, province_id) "
                          "SELECT ?1, ?2, name, id FROM provinces WHERE id = ?3",
                          BC_BINDS(bc_text(id), bc_int(++seq), bc_text(m->provinces[k])), c->err);
    if (rc == BC_OK) /* found by its id like every event (links.self) */
        rc = bc_store_run(c->s,
                          "INSERT INTO aliases (entity, alias_key, alias, entity_id) "
                          "VALUES ('event', ?1, ?1, ?1)",
                          BC_BINDS(bc_text(id)), c->err);
    if (rc == BC_OK)
        rc = bci_cite_all(c, "coop_event_id", id, &m->cite);
    if (rc == BC_OK) {
        c->out->events++;
        rc = bc_search_index_entity(c->s, "event", id, c->err);
    }
    return rc;
}

/* The known mechanism a numbered meeting whose sentence names no mechanism by name is
 * the meeting of: its sentence names the kind of body (a committee, a working group)
 * and two or more provinces of both countries, every one a member (a province merged
 * into another counts as that one: Ha Giang, a member, is part of Tuyen Quang since
 * 2025), and exactly one mechanism of that kind fits. "" otherwise. */
static void mechanism_by_members(ingest_ctx *c, const bc_xmeeting *m, char out[64], int *rc)
{
    out[0] = '\0';
    if (m->nprovinces < 2 || m->cite.nquotes == 0)
        return;
    const char *kind = NULL;
    for (int k = 0; k < m->cite.nquotes && kind == NULL; k++)
        kind = bci_body_kind(c, m->cite.q[k].start, m->cite.q[k].end);
    bc_buf named = BC_BUF_INIT;
    if (kind == NULL)
        return;
    bc_buf_putc(&named, '[');
    for (int k = 0; k < m->nprovinces; k++) {
        bc_buf_puts(&named, k ? "," : "");
        bc_buf_json_string(&named, m->provinces[k], strlen(m->provinces[k]));
    }
    bc_buf_putc(&named, ']');
    char found[64] = "";
    if (!bc_buf_failed(&named) &&
        found_row(rc, c->s,
                  "SELECT CASE WHEN count(*) = 1 THEN max(mc.id) END FROM mechanisms mc "
                  "WHERE mc.kind = ?2 AND (SELECT count(DISTINCT p.country) FROM json_each(?1) j "
                  "JOIN provinces p ON p.id = j.value) = 2 AND NOT EXISTS (SELECT 1 FROM "
                  "json_each(?1) j WHERE NOT EXISTS (SELECT 1 FROM mechanism_members mm JOIN "
                  "provinces p ON p.id = mm.province_id WHERE mm.mechanism_id = mc.id AND "
                  "(p.id = j.value OR p.merged_into = j.value)))",
                  BC_BINDS(bc_text(named.data), bc_text(kind)), found, sizeof found, c->err))
        memcpy(out, found, sizeof found);
    bc_buf_free(&named);
}

int bci_store_meetings(ingest_ctx *c, const bc_extraction *ex)
{
    int rc = BC_OK;
    for (size_t i = 0; rc == BC_OK && i < ex->nmeetings; i++) {
        const bc_xmeeting *m = &ex->meetings[i];
        if (m->confidence < BC_X_MIN_CONFIDENCE) {
            c->out->below_threshold++;
        } else if (m->mechanism[0] != '\0') {
            rc = store_meeting(c, m);
        } else if (m->kind == BC_XM_TALKS && m->date[0] != '\0') {
            rc = store_talks(c, m);
        } else {
            /* a numbered meeting whose sentence names no mechanism by name: the one known
             * mechanism whose members its sentence names, else kept as a cooperation event
             * with its number (a reviewer may link it), never dropped without a count */
            bc_xmeeting linked = *m;
            mechanism_by_members(c, m, linked.mechanism, &rc);
            if (rc == BC_OK && linked.mechanism[0] != '\0') {
                linked.mechanism_inferred = MECHANISM_BY_MEMBERS;
                rc = store_meeting(c, &linked);
            } else if (rc == BC_OK && (m->date[0] != '\0' || m->nprovinces > 0)) {
                rc = store_talks(c, m);
            } else if (rc == BC_OK) {
                c->out->without_mechanism++;
            }
        }
    }
    return rc;
}

