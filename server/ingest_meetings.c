/* ingest_meetings.c: the meetings of one ingested article: of a known mechanism (same_as
 * the known meeting they are, with any contradiction of it as a conflict, known people as
 * participants), linked by the provinces they name or by the meeting they continue, or
 * kept as cooperation events of kind "talks". See ingest_int.h. */
#include "ingest_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/date.h"
#include "bordercoop/inferred.h"
#include "bordercoop/meeting_links.h"
#include "bordercoop/search_index.h"
#include "bordercoop/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define found_row bci_found_row

/* the note of a meeting named only by its minutes signed on a day (minutes_signed) */
#define MINUTES_DAY                                                                                \
    "Its sentence gives that day as the day its minutes were signed, not as the day it was "       \
    "held; it is taken to have been held then."

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
            rc = bci_cite(c, NULL, id, seq, m->people_at[k].start, m->people_at[k].end,
                          "[\"person\"]");
        if (rc == BC_OK)
            c->out->participants++;
    }
    return rc;
}

#define MECHANISM_BY_MEMBERS BCI_MECHANISM_BY_MEMBERS
#define MECHANISM_CONTINUED  BCI_MECHANISM_CONTINUED
#define MECHANISM_OF_KIND    BCI_MECHANISM_OF_KIND

/* A title that names only what the article names: the kind of body (the mechanism's name
 * up to " of ": "Joint Working Group") and the provinces its statements name that are
 * members of it, not those named only as where a meeting is held (Ha Giang, merged into Tuyen
 * Quang, is named as Ha Giang), Vietnamese first, when it names two or more. "Meeting 10 of the
 * Joint Working Group of Lao Cai, Ha Giang, Lai Chau, Dien Bien and Yunnan (extracted)"; "Meeting
 * 13 of the Joint Working Group (extracted)". */
static void meeting_title(ingest_ctx *c, const bc_xmeeting *m, const char *name, char title[400],
                          int *rc)
{
    const char *of = strstr(name, " of ");
    int head = of != NULL ? (int)(of - name) : (int)strlen(name);
    char names[BC_X_MAX_PARTIES][200];
    int n = 0;
    for (int side = 0; side < 2; side++)
        for (int k = 0; *rc == BC_OK && k < m->nprovinces && n < BC_X_MAX_PARTIES; k++)
            if (!(k < 32 && (m->provinces_placed & (1u << k))) && /* a place, no member */
                found_row(rc, c->s,
                          "SELECT p.name FROM provinces p WHERE p.id = ?1 AND (p.country = "
                          "'CN') = ?3 AND EXISTS (SELECT 1 FROM mechanism_members mm JOIN "
                          "provinces q ON q.id = mm.province_id WHERE mm.mechanism_id = ?2 AND "
                          "(mm.province_id IN (p.id, p.merged_into) OR q.merged_into = p.id))",
                          BC_BINDS(bc_text(m->provinces[k]), bc_text(m->mechanism), bc_int(side)),
                          names[n], sizeof names[n], c->err))
                n++;
    if (n < 2)
        n = 0; /* a body is named by its members, never by one place ("in Lao Cai") */
    bc_buf t = BC_BUF_INIT;
    /* a body that is itself a meeting is named as such: "Spring Meeting of ...", not
     * "Meeting of the Spring Meeting of ..." */
    int itself = (head >= 8 && strncmp(name + head - 8, " Meeting", 8) == 0) ||
                 (head >= 11 && strncmp(name + head - 11, " Conference", 11) == 0);
    if (m->ordinal > 0)
        bc_buf_printf(&t, "Meeting %d of the %.*s", m->ordinal, head, name);
    else if (itself)
        bc_buf_printf(&t, "%.*s", head, name);
    else
        bc_buf_printf(&t, "Meeting of the %.*s", head, name);
    for (int k = 0; k < n; k++)
        bc_buf_printf(&t, "%s%s", k == 0 ? " of " : k + 1 == n ? " and " : ", ", names[k]);
    bc_buf_puts(&t, " (extracted)");
    snprintf(title, 400, "%s", t.data != NULL ? t.data : "Meeting (extracted)");
    bc_buf_free(&t);
}

/* A meeting dated by the part of the year it is to take place in ("the second half of
 * the year") has that year as its date: said in mk. */
static void mark_period(const bc_xmeeting *m, bci_marks *mk)
{
    if (m->period[0] == '\0')
        return;
    char why[300];
    snprintf(why, sizeof why,
             "The article gives the part of the year it is to take place in (%s); its date is "
             "that year.",
             m->period);
    bci_mark(mk, NULL, why);
}

/* What each quote of meeting m (of mechanism m->mechanism, hosted by host) states (sup),
 * and the stated fields no quote states marked inferred in mk: its number, its mechanism
 * where the quote names it (bci_quote_names_mechanism), its status, its date where the quote
 * writes it, its host where the quote names it, its provinces (the mechanism's members)
 * where one quote names them all. */
/* The provinces of meeting m: the members of its mechanism, a member merged into another
 * province given as that province when m's sentences, or those of the article's other
 * meetings of that mechanism, name it and not the member ("Quang Ninh, Lang Son, Cao Bang,
 * Tuyen Quang et ... Guangxi" meet for Ha Giang's seat: so do the article's 17th and 19th
 * conferences of that body), into ids (at most cap); returns how many. */
static int stated_members(ingest_ctx *c, const bc_xmeeting *m, char ids[][64], int cap, int *rc)
{
    char named[BC_X_MAX_PARTIES * 66 * 4 + 2] = "|";
    for (int k = 0; k < m->nprovinces; k++)
        snprintf(named + strlen(named), sizeof named - strlen(named), "%s|", m->provinces[k]);
    for (size_t i = 0; c->ex != NULL && m->mechanism[0] != '\0' && i < c->ex->nmeetings; i++) {
        const bc_xmeeting *o = &c->ex->meetings[i];
        if (o == m || strcmp(o->mechanism, m->mechanism) != 0)
            continue;
        for (int k = 0; k < o->nprovinces; k++)
            if (strlen(named) + strlen(o->provinces[k]) + 2 < sizeof named)
                snprintf(named + strlen(named), sizeof named - strlen(named), "%s|",
                         o->provinces[k]);
    }
    sqlite3_stmt *st;
    int n = 0;
    if (*rc == BC_OK)
        *rc = bc_store_stmt(c->s,
                            "SELECT DISTINCT CASE WHEN p.merged_into IS NOT NULL AND instr(?2, '|' "
                            "|| p.merged_into || '|') > 0 AND instr(?2, '|' || p.id || '|') = 0 "
                            "THEN p.merged_into ELSE p.id END AS id FROM mechanism_members mm JOIN "
                            "provinces p ON p.id = mm.province_id WHERE mm.mechanism_id = ?1 "
                            "ORDER BY 1",
                            &st, c->err);
    if (*rc != BC_OK)
        return 0;
    sqlite3_bind_text(st, 1, m->mechanism, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, named, -1, SQLITE_TRANSIENT);
    int step = SQLITE_DONE;
    while (n < cap && (step = sqlite3_step(st)) == SQLITE_ROW) {
        snprintf(ids[n], 64, "%s", (const char *)sqlite3_column_text(st, 0));
        n++;
    }
    if (step != SQLITE_DONE && step != SQLITE_ROW)
        *rc = bc_store_error(c->s, c->err, "reading a mechanism's members");
    sqlite3_reset(st);
    return n;
}

static void meeting_supports(ingest_ctx *c, const bc_xmeeting *m, int has_date, const char *host,
                             bci_supports *sup, bci_marks *mk, int *rc)
{
    const char *members[BC_X_MAX_PARTIES * 2];
    char ids[BC_X_MAX_PARTIES * 2][64];
    int nm = stated_members(c, m, ids, BC_X_MAX_PARTIES * 2, rc);
    for (int k = 0; k < nm; k++)
        members[k] = ids[k];
    if (*rc != BC_OK)
        return;
    int hosted = host == NULL, all = nm == 0, mechanism = m->mechanism_inferred != 0;
    /* a host read from the town it is held in is stated only when the province is written
     * next to the town; its name elsewhere in the sentence (as a member) states no host */
    int town_only = m->place_name[0] != '\0' && !m->place_in_province;
    /* the place is the town as named, or the province when that is what is named */
    int placed = m->place_name[0] == '\0' && host == NULL;
    for (int k = 0; k < m->cite.nquotes && *rc == BC_OK; k++) {
        const bc_xquote *q = &m->cite.q[k];
        if (m->ordinal > 0 && k < 32 && (m->ordinal_quotes & (1u << k)))
            bci_support(sup, k, "ordinal"); /* a headline without the number states none */
        if (!m->mechanism_inferred &&
            bci_quote_names_mechanism(c, q, m->mechanism, members, nm, rc)) {
            bci_support(sup, k, "mechanism");
            mechanism = 1;
        }
        if (bci_states_status(m, k))
            bci_support(sup, k, "status");
        /* the province that is its place is stated by the sentence that names it as such
         * (place_at), not by one that names it as a member ("该次会议…在莱州省举行" after "越南
         * 莱州、老街…联合工作组") */
        int at = q->start == m->place_at.start && q->end == m->place_at.end;
        int where = m->place_at.end > 0 && m->place_name[0] == '\0' && host != NULL &&
                    strcmp(host, m->place) == 0;
        if (host != NULL && !town_only && (!where || at) &&
            bci_times_named(c, q->start, q->end, host, rc) > 0) {
            bci_support(sup, k, "host");
            hosted = 1;
        }
        if (!placed && (m->place_name[0] != '\0' || where
                            ? at
                            : bci_times_named(c, q->start, q->end, host, rc) > 0)) {
            bci_support(sup, k, "place");
            placed = 1;
        }
        if (nm > 0 && bci_quote_names_all(c, q, members, nm, rc)) {
            bci_support(sup, k, "provinces");
            all = 1;
        }
    }
    if (has_date && m->minutes_signed)
        bci_mark(mk, "date", MINUTES_DAY);
    else if (has_date)
        bci_date_supports(c, &m->cite, m->period[0] ? m->period : m->date, sup, mk,
                          m->date_inferred);
    if (!mechanism) {
        /* the kind of body as its sentence calls it ("grupy" is a group), or none */
        char why[300];
        if (m->body_kind[0] != '\0')
            snprintf(why, sizeof why,
                     "No sentence that states it names the mechanism, only the kind of body "
                     "(\"the %s\"); which one it is comes from the rest of the article.",
                     m->body_kind);
        else
            snprintf(why, sizeof why,
                     "No sentence that states it names the mechanism or its kind of body; which "
                     "one it is comes from the rest of the article.");
        bci_mark(mk, "mechanism", why);
    }
    if (!hosted && m->place_name[0] != '\0') {
        char why[300];
        snprintf(why, sizeof why,
                 "Its sentence names the town or prefecture it is held in (%s), not the "
                 "province: the host is the province that place lies in.",
                 m->place_name);
        bci_mark(mk, "host", why);
    } else if (!hosted) {
        bci_mark(mk, "host",
                 "No sentence that states it names the province it is held in; it comes from "
                 "the article around them.");
    }
    if (!placed)
        bci_mark(mk, "place",
                 "No sentence that states it names its place; it comes from the article around "
                 "them.");
    mark_period(m, mk);
    if (!all)
        bci_mark(mk, "provinces",
                 "Its provinces are the members of its mechanism; no sentence that states it "
                 "names them all.");
}

/* The place of m as its sentence names it into out[cap]: the town or prefecture, with
 * its province in brackets only when the sentence writes the province next to it
 * ("Nanning"; "Wenshan (Yunnan)" for "in Wenshan, Yunnan"); with province_alone, the
 * province's name when the place named is the province itself; else "". */
static void place_text(ingest_ctx *c, const bc_xmeeting *m, int province_alone, char *out,
                       size_t cap, int *rc)
{
    char province[120] = "";
    out[0] = '\0';
    if (m->place[0] == '\0' ||
        !found_row(rc, c->s, "SELECT name FROM provinces WHERE id = ?1",
                   BC_BINDS(bc_text(m->place)), province, sizeof province, c->err))
        return;
    if (m->place_name[0] && m->place_in_province)
        snprintf(out, cap, "%.63s (%.119s)", m->place_name, province);
    else if (m->place_name[0])
        snprintf(out, cap, "%.63s", m->place_name);
    else if (province_alone)
        snprintf(out, cap, "%.119s", province);
}

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
    bci_day_word_note(c, m, has_date, &mk);
    bci_withheld_note(m, has_date, &mk);
    bci_unplaced_date_note(c, m, has_date, &mk);
    bci_held_after_note(c, m, has_date ? &d : NULL, &mk);
    const char *place =
        m->place[0] && found_row(&rc, c->s, "SELECT id FROM provinces WHERE id = ?1",
                                 BC_BINDS(bc_text(m->place)), NULL, 0, c->err)
            ? m->place
            : NULL;
    bci_supports sup;
    memset(&sup, 0, sizeof sup);
    meeting_supports(c, m, has_date, place, &sup, &mk, &rc);
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
                rc = bci_cite_all(c, "meeting_id", earlier, &m->cite, &sup);
            bci_supports_free(&sup);
            bc_buf_free(&mk.note);
            return rc;
        }
    }
    if (m->mechanism_inferred == MECHANISM_BY_MEMBERS)
        bci_mark(&mk, "mechanism",
                 "Its sentence names the kind of body and the provinces that meet, not the "
                 "mechanism: it is the one known mechanism of that kind whose members they are.");
    else if (m->mechanism_inferred == MECHANISM_CONTINUED) {
        char why[300];
        snprintf(why, sizeof why,
                 "Its sentence names no body; it is numbered next after meeting %d of the "
                 "mechanism the article names, whose mechanism it takes.",
                 m->ordinal - 1);
        bci_mark(&mk, "mechanism", why);
    } else if (m->mechanism_inferred == MECHANISM_OF_KIND)
        bci_mark(&mk, "mechanism",
                 "Its sentence names the kind of body, not which one; the article's other "
                 "numbered meetings are all of the one mechanism of that kind it takes.");
    else if (m->mechanism_inferred)
        bci_mark(
            &mk, "mechanism",
            "Its sentence names the kind of meeting; which mechanism it is comes from the rest "
            "of the article.");
    same_as_of(c, m, has_date ? d.text : NULL, same_as, &rc);
    bc_buf inferred = BC_BUF_INIT;
    if (rc == BC_OK)
        rc = bci_marks_json(c, BC_FACT_MEETING, &mk, &inferred);
    snprintf(id, sizeof id, "%s-m%d", c->source_id, c->out->meetings + 1);
    meeting_title(c, m, name, title, &rc);
    char named[200];
    place_text(c, m, 1, named, sizeof named, &rc);
    char ordinal[16];
    snprintf(ordinal, sizeof ordinal, "%d", m->ordinal);
    if (rc == BC_OK)
        rc = bc_store_run(
            c->s,
            "INSERT INTO meetings (id, mechanism_id, ordinal, title, date, date_precision, "
            "date_start, date_end, year, host_province_id, status, curation, confidence, "
            "same_as, inferred, note, place) VALUES (?1, ?2, CAST(nullif(?3, '0') AS INTEGER), "
            "?4, ?5, ?6, ?7, ?8, CAST(substr(?5, 1, 4) AS INTEGER), ?9, ?10, 'extracted', ?11, "
            "?12, ?13, ?14, nullif(?15, ''))",
            BC_BINDS(bc_text(id), bc_text(m->mechanism), bc_text(ordinal), bc_text(title),
                     bc_text(has_date ? d.text : NULL),
                     bc_text(has_date ? bc_precision_name(d.precision) : NULL),
                     bc_text(has_date ? d.start : NULL), bc_text(has_date ? d.end : NULL),
                     bc_text(place), bc_text(bci_status_value(m)), bc_real(m->confidence),
                     bc_text(same_as[0] ? same_as : NULL), bc_text(inferred.data),
                     bc_text(bci_marks_note(&mk)), bc_text(named)),
            c->err);
    bc_buf_free(&inferred);
    bc_buf_free(&mk.note);
    char members[BC_X_MAX_PARTIES * 2][64];
    int nm = stated_members(c, m, members, BC_X_MAX_PARTIES * 2, &rc);
    for (int k = 0; rc == BC_OK && k < nm; k++)
        rc = bc_store_run(c->s,
                          "INSERT INTO meeting_provinces (meeting_id, province_id) VALUES (?1, ?2)",
                          BC_BINDS(bc_text(id), bc_text(members[k])), c->err);
    if (rc == BC_OK)
        rc = bc_store_run(c->s,
                          "INSERT INTO aliases (entity, alias_key, alias, entity_id) "
                          "VALUES ('meeting', ?1, ?1, ?1)",
                          BC_BINDS(bc_text(id)), c->err);
    if (rc == BC_OK)
        rc = bc_meeting_conflicts_write(c->s, id, same_as, c->in->published_on, c->err);
    if (rc == BC_OK)
        rc = bci_cite_all(c, "meeting_id", id, &m->cite, &sup);
    bci_supports_free(&sup);
    if (rc == BC_OK)
        rc = store_participants(c, id, m);
    if (rc == BC_OK) {
        c->out->meetings++;
        c->out->linked += same_as[0] != '\0';
        bc_search_batch_add(&c->search, "meeting", id, 0);
    }
    return rc;
}

/* Talks, a working session or a reception that belongs to no known mechanism: a
 * cooperation event of kind "talks" whose organisations are the provinces named; group:
 * the mechanism a numbered one's sentence calls "the group" (the title names it), or NULL. */
static int store_talks(ingest_ctx *c, const bc_xmeeting *m, const char *why_not,
                       const bc_xmeeting *of, const char *group_of)
{
    int rc = BC_OK;
    bci_marks mk = {.note = BC_BUF_INIT};
    if (why_not != NULL)
        bci_mark(&mk, NULL, why_not);
    bc_date d;
    int has_date = bci_year_date(c, m->date, &d, &mk);
    bci_day_word_note(c, m, has_date, &mk);
    bci_withheld_note(m, has_date, &mk);
    if (why_not == NULL && m->ahead_of == 0)
        bci_unplaced_date_note(c, m, has_date, &mk);
    bci_held_after_note(c, m, has_date ? &d : NULL, &mk);
    char names[BC_X_MAX_PARTIES][200];
    const char *orgs[BC_X_MAX_PARTIES];
    int n = 0;
    const bc_xmeeting *parties = of != NULL ? of : m; /* whose provinces take part */
    for (int k = 0; rc == BC_OK && k < parties->nprovinces; k++)
        if (found_row(&rc, c->s, "SELECT name FROM provinces WHERE id = ?1",
                      BC_BINDS(bc_text(parties->provinces[k])), names[n], sizeof names[n], c->err))
            orgs[n++] = parties->provinces[k];
    /* what each quote states: its status, date, place and organisations where written */
    bci_supports sup;
    memset(&sup, 0, sizeof sup);
    /* a town or prefecture named as its place is kept as named, with its province: stated
     * by the sentence that names it (place_at) */
    int placed = m->place[0] == '\0', named = n == 0;
    for (int k = 0; rc == BC_OK && k < m->cite.nquotes; k++) {
        const bc_xquote *q = &m->cite.q[k];
        if (bci_states_status(m, k))
            bci_support(&sup, k, "status");
        if (m->place[0] != '\0' &&
            (m->place_name[0] != '\0' || m->place_at.end > 0
                 ? q->start == m->place_at.start && q->end == m->place_at.end
                 : bci_times_named(c, q->start, q->end, m->place, &rc) > 0)) {
            bci_support(&sup, k, "place");
            placed = 1;
        }
        if (n > 0 && bci_quote_names_all(c, q, orgs, n, &rc)) {
            bci_support(&sup, k, "organisations");
            named = 1;
        }
    }
    if (has_date && m->minutes_signed)
        bci_mark(&mk, "date", MINUTES_DAY);
    else if (has_date)
        bci_date_supports(c, &m->cite, m->period[0] ? m->period : m->date, &sup, &mk,
                          m->date_inferred);
    if (!placed)
        bci_mark(&mk, "place",
                 "No sentence that states it names its place; it comes from the article around "
                 "them.");
    if (m->sides_of_article && n > 0)
        bci_mark(&mk, "organisations",
                 "Its sentence names the members of another meeting's body, not who held these "
                 "talks; they are taken to be the two sides of the article's other talks.");
    else if (!named)
        bci_mark(&mk, "organisations",
                 "No sentence that states it names all of the provinces that take part; they "
                 "are named across its sentences.");
    /* "Leaders of Ha Giang, Lao Cai and the two Chinese provinces": who else took part is
     * told only as a group; the title and the note say so, never a one-sided pair */
    char group[64] = "", told[300];
    const char *of_cn = parties->provinces_group_cn == 1   ? "Chinese "
                        : parties->provinces_group_cn == 2 ? "Vietnamese "
                                                           : "";
    if (parties->provinces_partial != 0 && n > 0 && !m->sides_of_article) {
        if (parties->provinces_partial > 0)
            snprintf(group, sizeof group, "%d %sprovinces", parties->provinces_partial, of_cn);
        else
            snprintf(group, sizeof group, "other %sprovinces", of_cn);
        snprintf(told, sizeof told,
                 "Its sentence names %s without naming them: its organisations are only the "
                 "provinces it names, not all that took part.",
                 group);
        bci_mark(&mk, NULL, told);
    }
    char title[400], id[160], place[200] = "";
    bc_buf t = BC_BUF_INIT;
    int body = 0, untitled = 0;
    for (int k = 0; k < m->cite.nquotes && !body; k++)
        body = bci_body_kind(c, m->cite.q[k].start, m->cite.q[k].end) != NULL;
    if (m->ordinal > 0 && !body && of != NULL) {
        /* "tenir la 9e réunion" after "la 8e réunion du Comité de coordination entre ...":
         * the body of the meeting numbered next to it, one body, one treatment */
        bc_buf_printf(&t, "Meeting %d", m->ordinal);
        char why[400];
        snprintf(why, sizeof why,
                 "Its sentence names no body; it is numbered next to meeting %d of the body "
                 "the article names, a body the store does not know as a mechanism, whose "
                 "provinces it takes; it is kept as a cooperation event, not as a meeting.",
                 of->ordinal);
        bci_mark(&mk, NULL, why);
    } else if (m->ordinal > 0 && !body && group_of != NULL &&
               bci_group_title(c, group_of, m->ordinal, &t, &rc)) {
        untitled = 1; /* "the 11th meeting of the group": of the body the article names */
    } else if (m->ordinal > 0 && !body) {
        /* "The 13th meeting will take place in Yunnan": no body is named, and none is
         * made up from the provinces ("Meeting 13 of Yunnan" names no body that exists) */
        bc_buf_printf(&t, "Meeting %d of a body the article does not name (extracted)", m->ordinal);
        char why[300];
        snprintf(why, sizeof why,
                 "The article calls it meeting %d without naming the body that meets, and "
                 "no meeting %d of a known mechanism in the article comes before it; it is "
                 "kept as a cooperation event, not as a meeting.",
                 m->ordinal, m->ordinal - 1);
        if (why_not == NULL) /* else why_not, the only reason, says why */
            bci_mark(&mk, NULL, why);
        untitled = 1; /* the provinces stay its organisations, not its title */
    } else if (m->ordinal > 0) {
        /* a numbered meeting of a mechanism the store does not know: its number is kept
         * in the title and the note, for the reviewer who links it */
        bc_buf_printf(&t, "Meeting %d", m->ordinal);
        char why[300];
        snprintf(why, sizeof why,
                 "The article calls it meeting %d of a body the store does not know as a "
                 "mechanism, so it is kept as a cooperation event, not as a meeting.",
                 m->ordinal);
        if (why_not == NULL)
            bci_mark(&mk, NULL, why);
    } else {
        bc_buf_printf(&t, "Talks");
    }
    if (!untitled) {
        int all = n + (group[0] != '\0'); /* the group last: "... and 2 Chinese provinces" */
        for (int k = 0; k < n; k++)
            bc_buf_printf(&t, "%s%s", k == 0 ? " of " : k + 1 == all ? " and " : ", ", names[k]);
        if (group[0] != '\0')
            bc_buf_printf(&t, " and %s the article does not name", group);
        bc_buf_printf(&t, "%s (extracted)", n == 0 ? " between the two sides" : "");
    }
    snprintf(title, sizeof title, "%s", t.data ? t.data : "Talks (extracted)");
    bc_buf_free(&t);
    place_text(c, m, 1, place, sizeof place, &rc);
    mark_period(m, &mk);
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
            BC_BINDS(bc_text(id), bc_text(title), bc_text(bci_status_value(m)),
                     bc_text(has_date ? d.text : NULL),
                     bc_text(has_date ? bc_precision_name(d.precision) : NULL),
                     bc_text(has_date ? d.start : NULL), bc_text(has_date ? d.end : NULL),
                     bc_text(place[0] ? place : NULL), bc_text(bci_marks_note(&mk)),
                     bc_text(inferred.data), bc_real(m->confidence)),
            c->err);
    bc_buf_free(&inferred);
    bc_buf_free(&mk.note);
    for (int k = 0, seq = 0; rc == BC_OK && k < parties->nprovinces && seq < n; k++)
        rc = bc_store_run(c->s,
                          "INSERT INTO coop_event_organisations (event_id, seq, name, province_id) "
                          "SELECT ?1, ?2, name, id FROM provinces WHERE id = ?3",
                          BC_BINDS(bc_text(id), bc_int(++seq), bc_text(parties->provinces[k])),
                          c->err);
    if (rc == BC_OK) /* found by its id like every event (links.self) */
        rc = bc_store_run(c->s,
                          "INSERT INTO aliases (entity, alias_key, alias, entity_id) "
                          "VALUES ('event', ?1, ?1, ?1)",
                          BC_BINDS(bc_text(id)), c->err);
    if (rc == BC_OK)
        rc = bci_cite_all(c, "coop_event_id", id, &m->cite, &sup);
    bci_supports_free(&sup);
    if (rc == BC_OK) {
        c->out->events++;
        bc_search_batch_add(&c->search, "event", id, 0);
    }
    return rc;
}

/* The known mechanism a numbered meeting whose sentence names no mechanism by name is
 * the meeting of: its sentence names the kind of body (a committee, a working group)
 * and provinces of both countries that are its members, all of them and no other (a
 * province merged into another counts as that one: Ha Giang, a member, is part of Tuyen
 * Quang since 2025), and exactly one mechanism of that kind fits. A body of some of the
 * members (Quang Ninh and Guangxi of the five) is another body. "" otherwise. */
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
                  "(p.id = j.value OR p.merged_into = j.value))) AND NOT EXISTS (SELECT 1 "
                  "FROM mechanism_members mm JOIN provinces p ON p.id = mm.province_id WHERE "
                  "mm.mechanism_id = mc.id AND NOT EXISTS (SELECT 1 FROM json_each(?1) j "
                  "JOIN provinces q ON q.id = j.value WHERE q.id = p.id OR q.merged_into = "
                  "p.id OR p.merged_into = q.id))",
                  BC_BINDS(bc_text(named.data), bc_text(kind)), found, sizeof found, c->err))
        memcpy(out, found, sizeof found);
    bc_buf_free(&named);
}

int bci_store_meetings(ingest_ctx *c, const bc_extraction *ex)
{
    int rc = BC_OK;
    /* the mechanism of each meeting: named, or the one whose members its sentence names */
    char(*mech)[64] = ex->nmeetings ? bc_calloc(ex->nmeetings, sizeof *mech) : NULL;
    if (ex->nmeetings > 0 && mech == NULL)
        return bc_err_set(c->err, BC_ENOMEM, "out of memory");
    for (size_t i = 0; rc == BC_OK && i < ex->nmeetings; i++) {
        const bc_xmeeting *m = &ex->meetings[i];
        if (m->confidence < BC_X_MIN_CONFIDENCE)
            continue;
        if (m->mechanism[0] != '\0')
            snprintf(mech[i], sizeof mech[i], "%s", m->mechanism);
        else if (!(m->kind == BC_XM_TALKS && m->date[0] != '\0'))
            mechanism_by_members(c, m, mech[i], &rc);
    }
    /* the meetings named by a kind of body that are another body's: one numbered next to
     * such a meeting, its sentence naming no body, is of that body too (bci_same_body) */
    unsigned char *another = ex->nmeetings ? bc_calloc(ex->nmeetings, 1) : NULL;
    if (ex->nmeetings > 0 && another == NULL)
        rc = bc_err_set(c->err, BC_ENOMEM, "out of memory");
    if (rc == BC_OK)
        bci_other_bodies(c, ex, mech, another, &rc);
    for (size_t i = 0; rc == BC_OK && i < ex->nmeetings; i++) {
        const bc_xmeeting *m = &ex->meetings[i];
        char why[700] = "";
        const bc_xmeeting *next_to = NULL;
        if (m->confidence >= BC_X_MIN_CONFIDENCE && mech[i][0] != '\0' && !m->members_named)
            next_to = bci_same_body(c, ex, mech, another, i);
        if (next_to == NULL && m->confidence >= BC_X_MIN_CONFIDENCE && mech[i][0] != '\0')
            bci_series_contradiction(c, ex, m, mech[i], why, sizeof why, &rc);
        if (rc != BC_OK) {
            break;
        } else if (m->confidence < BC_X_MIN_CONFIDENCE) {
            c->out->below_threshold++;
        } else if (next_to != NULL) {
            bc_xmeeting plain = *m;
            plain.mechanism[0] = '\0';
            mech[i][0] = '\0';
            rc = store_talks(c, &plain, NULL, next_to, NULL);
        } else if (why[0] != '\0') {
            bc_xmeeting other = *m;
            other.mechanism[0] = '\0';
            int grp = bci_names_a_group(c, m, &rc); /* "the 11th meeting of the group" */
            rc = rc != BC_OK ? rc : store_talks(c, &other, why, NULL, grp ? mech[i] : NULL);
            mech[i][0] = '\0'; /* continued by no meeting after it */
        } else if (m->mechanism[0] != '\0') {
            rc = store_meeting(c, m);
        } else if (m->kind == BC_XM_TALKS && m->date[0] != '\0') {
            rc = store_talks(c, m, NULL, NULL, NULL);
        } else if (m->kind == BC_XM_TALKS && m->day_word[0] != '\0') {
            /* talks on a weekday ("On Tuesday") only a publication date would place: the
             * note and the count are bci_day_word_note's */
            rc = store_talks(c, m, NULL, NULL, NULL);
        } else if (m->kind == BC_XM_TALKS && m->date_doubts != 0) {
            /* talks whose date was withheld as doubtful: bci_withheld_note says why */
            rc = store_talks(c, m, NULL, NULL, NULL);
        } else if (m->kind == BC_XM_TALKS && m->ahead_of != 0) {
            /* talks held ahead of a meeting, none of whose words date them */
            char ahead[300];
            if (m->ahead_of > 0)
                snprintf(ahead, sizeof ahead,
                         "The article tells these talks only as held ahead of meeting %d, "
                         "with no date of their own, so no date is stored.",
                         m->ahead_of);
            else
                snprintf(ahead, sizeof ahead,
                         "The article tells these talks only as held ahead of another "
                         "meeting, with no date of their own, so no date is stored.");
            rc = store_talks(c, m, ahead, NULL, NULL);
        } else if (m->kind == BC_XM_TALKS && m->untimed) {
            /* talks of a group told as held, no word saying when (bc_xmeeting.untimed) */
            rc = store_talks(c, m,
                             "The article tells these talks as held without saying when, so "
                             "no date is stored.",
                             NULL, NULL);
        } else if (m->kind == BC_XM_TALKS) {
            /* talks to come in a month whose year only a publication date would give */
            c->out->dates_without_year++;
            rc = store_talks(c, m,
                             "The article gives the month it is to take place without a year "
                             "and no publication date came with it, so no date is stored.",
                             NULL, NULL);
        } else {
            /* a numbered meeting whose sentence names no mechanism by name: the one known
             * mechanism whose members its sentence names, or the one of the meeting it
             * continues, else kept as a cooperation event with its number (a reviewer may
             * link it), never dropped without a count */
            bc_xmeeting linked = *m;
            snprintf(linked.mechanism, sizeof linked.mechanism, "%s", mech[i]);
            linked.mechanism_inferred = MECHANISM_BY_MEMBERS;
            if (linked.mechanism[0] == '\0') {
                linked.mechanism_inferred = MECHANISM_CONTINUED;
                bci_continued_mechanism(c, ex, mech, i, linked.mechanism,
                                        &linked.mechanism_inferred, &rc);
                if (rc == BC_OK && linked.mechanism[0] != '\0')
                    bci_series_contradiction(c, ex, m, linked.mechanism, why, sizeof why, &rc);
            }
            const bc_xmeeting *of = NULL;
            if (rc == BC_OK && why[0] == '\0' && linked.mechanism[0] == '\0')
                of = bci_same_body(c, ex, mech, another, i);
            int grp = rc == BC_OK && why[0] != '\0' && bci_names_a_group(c, m, &rc);
            if (rc == BC_OK && why[0] != '\0') /* "the 11th meeting of the group" */
                rc = store_talks(c, m, why, NULL, grp ? linked.mechanism : NULL);
            else if (rc == BC_OK && linked.mechanism[0] != '\0')
                rc = store_meeting(c, &linked);
            else if (rc == BC_OK && (m->date[0] != '\0' || m->nprovinces > 0 || of != NULL))
                rc = store_talks(c, m, NULL, of, NULL);
            else if (rc == BC_OK)
                c->out->without_mechanism++;
        }
    }
    bc_free(mech);
    bc_free(another);
    return rc;
}
