/* ingest_facts.c: the facts of one ingested article, stored beside the curated ones
 * (curation "extracted", a confidence, every statement a citation) and linked to what the
 * store knows: known meetings (same_as), known people (participants), provinces named
 * as parties, known projects (a dated "reported" event). See ingest_int.h. */
#include "ingest_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/date.h"
#include "bordercoop/inferred.h"
#include "bordercoop/search_index.h"
#include "bordercoop/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int bci_found_row(int *rc, bc_store *s, const char *sql, const bc_bind *vals, size_t n, char *out,
                  size_t out_n, bc_err *err)
{
    int found = 0;
    if (*rc == BC_OK)
        *rc = bc_store_lookup(s, sql, vals, n, out, out_n, &found, err);
    return found;
}

#define found_row bci_found_row

/* One citation of [start, end) of the article for the fact in column (= id), or, when
 * seq > 0, for the participant (id, seq). */
static int cite(ingest_ctx *c, const char *column, const char *id, int seq, size_t start,
                size_t end)
{
    if (end <= start || end > c->in->len)
        return BC_OK; /* never a quote the text does not hold */
    char sql[240];
    if (seq > 0)
        snprintf(sql, sizeof sql,
                 "INSERT INTO citations (source_id, quote, quote_start, quote_end, "
                 "participant_meeting_id, participant_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    else
        snprintf(sql, sizeof sql,
                 "INSERT INTO citations (source_id, quote, quote_start, quote_end, %s) "
                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                 column);
    sqlite3_stmt *st;
    int rc = bc_store_stmt(c->s, sql, &st, c->err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, c->source_id, -1, SQLITE_STATIC);
    /* the quote is the sentence's own bytes: verbatim by construction */
    sqlite3_bind_text(st, 2, c->in->text + start, (int)(end - start), SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)start);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)end);
    sqlite3_bind_text(st, 5, id, -1, SQLITE_STATIC);
    if (seq > 0)
        sqlite3_bind_int(st, 6, seq);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = bc_store_error(c->s, c->err, "storing a citation");
    sqlite3_reset(st);
    if (rc == BC_OK)
        c->out->citations++;
    return rc;
}

static int cite_all(ingest_ctx *c, const char *column, const char *id, const bc_xcite *q)
{
    int rc = BC_OK;
    for (int k = 0; rc == BC_OK && k < q->nquotes; k++)
        rc = cite(c, column, id, 0, q->q[k].start, q->q[k].end);
    return rc;
}

/* The fields of a fact the text does not state, and why (the fact's note). */
typedef struct marks {
    const char *paths[6];
    size_t n;
    bc_buf note;
} marks;

static void mark(marks *m, const char *path, const char *why)
{
    if (path != NULL && m->n < sizeof m->paths / sizeof m->paths[0])
        m->paths[m->n++] = path;
    bc_buf_printf(&m->note, "%s%s", m->note.len ? " " : "", why);
}

/* The JSON list of m's paths for a fact of kind into out (BC_ENOMEM, or BC_EINVAL for a
 * path the kind does not know: a bug here, never the article's). */
static int marks_json(ingest_ctx *c, bc_fact_kind kind, const marks *m, bc_buf *out)
{
    int rc = bc_inferred_json(kind, m->paths, m->n, out, c->err);
    if (rc == BC_OK && (bc_buf_failed(out) || bc_buf_failed(&m->note)))
        rc = bc_err_set(c->err, BC_ENOMEM, "out of memory");
    return rc;
}

static const char *marks_note(const marks *m)
{
    return m->note.len ? m->note.data : NULL;
}

/* A date of the text with a year ("2025-10-30", "2025-10", "2025") parsed into *d;
 * 0 for none, for a month-day without a year ("--10-30", counted in dates_without_year
 * and explained in the note) or for anything else. */
static int year_date(ingest_ctx *c, const char *date, bc_date *d, marks *m)
{
    bc_err ignored;
    if (date[0] == '-' && date[1] == '-') {
        c->out->dates_without_year++;
        char why[200];
        snprintf(why, sizeof why,
                 "The article gives the day (%s, month-day) without a year and no publication "
                 "date came with it, so no date is stored.",
                 date);
        mark(m, NULL, why);
        return 0;
    }
    return date[0] != '\0' && bc_date_parse(date, d, &ignored) == BC_OK;
}

static const char *WHY_YEAR = "The year of its date comes from the publication date "
                              "(published_on), not from the text.";

/* Marks what of a date (has_date) comes from the publication date: its year, or all of it
 * (a weekday, "on Thursday", or "yesterday", counted from the publication date). */
static void mark_date(marks *m, int has_date, int inferred)
{
    if (has_date && inferred == BC_X_INFERRED_DATE)
        mark(m, "date",
             "Its date is not written: the text names a weekday or a day relative to the "
             "report (\"on Thursday\", \"yesterday\"), counted back from the publication date "
             "(published_on); year, month and day all come from it.");
    else if (has_date && inferred)
        mark(m, "date.year", WHY_YEAR);
}

/* Words that name the kind of body a mechanism is, in the seven languages (folded). */
static const struct {
    const char *kind; /* mechanisms.kind */
    const char *cue;
} BODY_CUES[] = {
    {"committee", "committee"},
    {"committee", "comite"},
    {"committee", "uy ban"},
    {"committee", "委员会"},
    {"committee", "komitet"},
    {"committee", "kommitte"},
    {"committee", "commissie"},
    {"working_group", "working group"},
    {"working_group", "groupe de travail"},
    {"working_group", "nhom cong tac"},
    {"working_group", "工作组"},
    {"working_group", "grupa robocza"},
    {"working_group", "grupy roboczej"},
    {"working_group", "arbetsgrupp"},
    {"working_group", "werkgroep"},
    {"conference", "conference"},
    {"conference", "konferencj"},
    {"conference", "konferens"},
    {"conference", "conferentie"},
    {"conference", "座谈会"},
    {"spring_meeting", "spring meeting"},
    {"spring_meeting", "dau xuan"},
    {"spring_meeting", "新春会晤"},
    {"spring_meeting", "春季会晤"},
};

/* The kind of body (mechanisms.kind) the quote [start, end) names, or NULL. */
static const char *body_kind(ingest_ctx *c, size_t start, size_t end)
{
    const char *kind = NULL;
    bc_buf folded = BC_BUF_INIT;
    if (end <= c->in->len && end > start &&
        bc_text_fold(c->in->text + start, end - start, &folded) == BC_OK && !bc_buf_failed(&folded))
        for (size_t i = 0; i < sizeof BODY_CUES / sizeof BODY_CUES[0] && kind == NULL; i++)
            if (strstr(folded.data, BODY_CUES[i].cue) != NULL)
                kind = BODY_CUES[i].kind;
    bc_buf_free(&folded);
    return kind;
}

/* How many times the quote [start, end) names province id, by its most named alias
 * (folded); -1 on a store error (*rc set). */
static int times_named(ingest_ctx *c, size_t start, size_t end, const char *id, int *rc)
{
    bc_buf quote = BC_BUF_INIT;
    if (bc_text_fold(c->in->text + start, end - start, &quote) != BC_OK || bc_buf_failed(&quote)) {
        bc_buf_free(&quote);
        return 0;
    }
    sqlite3_stmt *st = NULL;
    int most = 0;
    *rc = bc_store_stmt(c->s,
                        "SELECT alias FROM aliases WHERE entity = 'province' AND entity_id "
                        "= ?1 UNION SELECT name FROM provinces WHERE id = ?1",
                        &st, c->err);
    if (*rc == BC_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *alias = (const char *)sqlite3_column_text(st, 0);
            bc_buf a = BC_BUF_INIT;
            if (alias != NULL && bc_text_fold(alias, strlen(alias), &a) == BC_OK &&
                !bc_buf_failed(&a) && a.len >= 2) {
                int n = 0;
                for (const char *p = strstr(quote.data, a.data); p != NULL;
                     p = strstr(p + a.len, a.data))
                    n++;
                most = n > most ? n : most;
            }
            bc_buf_free(&a);
        }
        sqlite3_reset(st);
    }
    bc_buf_free(&quote);
    return *rc == BC_OK ? most : -1;
}

/* Of a figure's parties, those its sentence names apart from the name of a mechanism
 * ("... at the 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen
 * Quang, Dien Bien (Vietnam) and Yunnan (China)"): when the parties hold every member
 * of a mechanism and a sentence of the figure names a kind of body, a member that
 * sentence names only once (in the mechanism's name) is not a party of the figure.
 * keep[k] says which to keep; returns how many were left out. */
static int parties_apart_from_mechanism(ingest_ctx *c, const bc_xfigure *f, int keep[], int *rc)
{
    for (int k = 0; k < f->nparties; k++)
        keep[k] = 1;
    if (f->nparties < 2)
        return 0;
    const bc_xquote *q = NULL;
    for (int k = 0; k < f->cite.nquotes && q == NULL; k++)
        if (body_kind(c, f->cite.q[k].start, f->cite.q[k].end) != NULL)
            q = &f->cite.q[k];
    if (q == NULL)
        return 0;
    bc_buf named = BC_BUF_INIT;
    bc_buf_putc(&named, '[');
    for (int k = 0; k < f->nparties; k++) {
        bc_buf_puts(&named, k ? "," : "");
        bc_buf_json_string(&named, f->parties[k], strlen(f->parties[k]));
    }
    bc_buf_putc(&named, ']');
    int whole = !bc_buf_failed(&named) &&
                found_row(rc, c->s,
                          "SELECT mc.id FROM mechanisms mc WHERE NOT EXISTS (SELECT 1 FROM "
                          "mechanism_members mm JOIN provinces p ON p.id = mm.province_id WHERE "
                          "mm.mechanism_id = mc.id AND p.id NOT IN (SELECT value FROM "
                          "json_each(?1)) AND coalesce(p.merged_into, '') NOT IN (SELECT value "
                          "FROM json_each(?1))) LIMIT 1",
                          BC_BINDS(bc_text(named.data)), NULL, 0, c->err);
    bc_buf_free(&named);
    int left = 0;
    for (int k = 0; whole && *rc == BC_OK && k < f->nparties; k++) {
        int n = times_named(c, q->start, q->end, f->parties[k], rc);
        if (n >= 0 && n < 2) {
            keep[k] = 0;
            left++;
        }
    }
    return *rc == BC_OK && left < f->nparties ? left : 0;
}

/* The store's metric for figure f: money by what it measures ("exports", a goal
 * "exports_target"), a count by its own metric; "" when the store has none. */
static void figure_metric(ingest_ctx *c, const bc_xfigure *f, char metric[48], char unit[32],
                          int *rc)
{
    if (f->money && f->metric[0] == '\0')
        metric[0] = '\0';
    else if (f->money)
        snprintf(metric, 48, "%s%s", strcmp(f->metric, "other") == 0 ? "money_other" : f->metric,
                 f->target ? "_target" : "");
    else
        snprintf(metric, 48, "%s", f->metric);
    if (metric[0] != '\0' && !found_row(rc, c->s, "SELECT unit FROM metrics WHERE id = ?1",
                                        BC_BINDS(bc_text(metric)), unit, 32, c->err))
        metric[0] = '\0';
}

/* The restatement of figure i in another currency ("38.6亿元人民币 ... 约合5.4亿美元", "soit
 * environ 40,5 milliards de dollars"), the figure after it read from one of its
 * sentences, said in m's note: the same quantity, never a figure of its own. */
static void restated_in_note(const bc_extraction *ex, size_t i, marks *m)
{
    const bc_xfigure *f = &ex->figures[i], *r = i + 1 < ex->nfigures ? f + 1 : NULL;
    int same = 0;
    for (int k = 0; r != NULL && r->conversion && k < f->cite.nquotes; k++)
        same |= f->cite.q[k].start == r->cite.q[0].start;
    if (!same)
        return;
    /* the qualifier is an English word ("about", "over", "nearly", "under") */
    int exact = r->qualifier[0] == '\0' || strcmp(r->qualifier, "exact") == 0;
    char why[200];
    snprintf(why, sizeof why,
             "The article restates it in another currency as %s%s%.0f %s; a restatement is "
             "no figure of its own.",
             exact ? "" : r->qualifier, exact ? "" : " ", r->value, r->unit);
    mark(m, NULL, why);
}

static int store_figures(ingest_ctx *c, const bc_extraction *ex)
{
    int rc = BC_OK;
    for (size_t i = 0; rc == BC_OK && i < ex->nfigures; i++) {
        const bc_xfigure *f = &ex->figures[i];
        if (f->conversion)
            continue; /* a restatement in another currency: in the note of what it restates */
        if (f->confidence < BC_X_MIN_CONFIDENCE) {
            c->out->below_threshold++;
            continue;
        }
        char unit[32], id[160], metric[48];
        figure_metric(c, f, metric, unit, &rc);
        if (rc != BC_OK)
            break;
        if (metric[0] == '\0') {
            c->out->without_measure++; /* a value without what it is of says nothing */
            continue;
        }
        bc_period p;
        bc_err perr;
        int has_period = f->period[0] != '\0' && bc_period_parse(f->period, &p, &perr) == BC_OK;
        marks m = {.note = BC_BUF_INIT};
        if (f->metric_inferred)
            mark(&m, "metric",
                 "Its sentence does not say what the amount measures; it goes on about the "
                 "amount stated before it (\"of which\", \"it\", a goal for it), whose measure "
                 "it takes.");
        if (has_period && f->period_context)
            mark(&m, "period",
                 "Its period is not stated with it; it is that of the amount its sentence "
                 "continues, or the one that \"the same period\" or \"the whole year\" refers "
                 "to.");
        else if (has_period && f->period_inferred)
            mark(&m, "period",
                 "The year of its period comes from the publication date (published_on), not "
                 "from the text.");
        restated_in_note(ex, i, &m);
        int keep[BC_X_MAX_PARTIES];
        if (parties_apart_from_mechanism(c, f, keep, &rc) > 0)
            mark(&m, NULL,
                 "Its sentence also names a mechanism by its member provinces; only the "
                 "provinces it names apart from that name are its parties.");
        bc_buf inferred = BC_BUF_INIT;
        if (rc == BC_OK)
            rc = marks_json(c, BC_FACT_FIGURE, &m, &inferred);
        snprintf(id, sizeof id, "%s-f%d", c->source_id, c->out->figures + 1);
        double change = f->change_pct;
        /* a title a person can read: the measure in words, the period, the article */
        char description[400];
        snprintf(description, sizeof description, "%s%s, read from \"%.200s\"",
                 has_period ? ", " : "", has_period ? p.text : "",
                 c->in->title != NULL ? c->in->title : c->source_id);
        if (rc == BC_OK)
            rc = bc_store_run(
                c->s,
                "INSERT INTO figures (id, metric, category, value, unit, qualifier, period, "
                "period_start, period_end, year, change_pct, change_qualifier, change_basis, "
                "description, curation, confidence, inferred, note) "
                "SELECT ?1, id, category, ?2, ?12, ?3, ?4, ?5, ?6, "
                "CASE WHEN substr(?5, 1, 4) = substr(?6, 1, 4) THEN CAST(substr(?6, 1, 4) AS "
                "INTEGER) END, ?7, ?8, NULL, description || ?9, 'extracted', ?10, ?13, ?14 "
                "FROM metrics WHERE id = ?11",
                BC_BINDS(bc_text(id), bc_real(f->value),
                         bc_text(f->qualifier[0] ? f->qualifier : "exact"),
                         bc_text(has_period ? p.text : NULL), bc_text(has_period ? p.start : NULL),
                         bc_text(has_period ? p.end : NULL),
                         bc_real_or_null(f->has_change ? &change : NULL),
                         bc_text(f->has_change
                                     ? (f->change_qualifier[0] ? f->change_qualifier : "exact")
                                     : NULL),
                         bc_text(description), bc_real(f->confidence), bc_text(metric),
                         bc_text(f->unit), bc_text(inferred.data), bc_text(marks_note(&m))),
                c->err);
        bc_buf_free(&inferred);
        bc_buf_free(&m.note);
        for (int k = 0; rc == BC_OK && k < f->nparties; k++)
            if (keep[k] && found_row(&rc, c->s, "SELECT id FROM provinces WHERE id = ?1",
                                     BC_BINDS(bc_text(f->parties[k])), NULL, 0, c->err))
                rc = bc_store_run(
                    c->s,
                    "INSERT OR IGNORE INTO figure_parties (figure_id, province_id, seq) "
                    "VALUES (?1, ?2, ?3)",
                    BC_BINDS(bc_text(id), bc_text(f->parties[k]), bc_int(k + 1)), c->err);
        if (rc == BC_OK)
            rc = cite_all(c, "figure_id", id, &f->cite);
        if (rc == BC_OK) {
            c->out->figures++;
            rc = bc_search_index_entity(c->s, "figure", id, c->err);
        }
    }
    return rc;
}

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
            rc = cite(c, NULL, id, seq, m->people_at[k].start, m->people_at[k].end);
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
    marks mk = {.note = BC_BUF_INIT};
    bc_date d;
    int has_date = year_date(c, m->date, &d, &mk);
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
                rc = cite_all(c, "meeting_id", earlier, &m->cite);
            bc_buf_free(&mk.note);
            return rc;
        }
    }
    mark_date(&mk, has_date, m->date_inferred);
    if (m->mechanism_inferred == MECHANISM_BY_MEMBERS)
        mark(&mk, "mechanism",
             "Its sentence names the kind of body and the provinces that meet, not the "
             "mechanism: it is the one known mechanism of that kind whose members they are.");
    else if (m->mechanism_inferred)
        mark(&mk, "mechanism",
             "Its sentence names the kind of meeting; which mechanism it is comes from the rest "
             "of the article.");
    same_as_of(c, m, has_date ? d.text : NULL, same_as, &rc);
    bc_buf inferred = BC_BUF_INIT;
    if (rc == BC_OK)
        rc = marks_json(c, BC_FACT_MEETING, &mk, &inferred);
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
                     bc_text(inferred.data), bc_text(marks_note(&mk))),
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
        rc = cite_all(c, "meeting_id", id, &m->cite);
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
    marks mk = {.note = BC_BUF_INIT};
    bc_date d;
    int has_date = year_date(c, m->date, &d, &mk);
    mark_date(&mk, has_date, m->date_inferred);
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
        mark(&mk, NULL, why);
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
        rc = marks_json(c, BC_FACT_REPORTED_EVENT, &mk, &inferred);
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
                     bc_text(place[0] ? place : NULL), bc_text(marks_note(&mk)),
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
        rc = cite_all(c, "coop_event_id", id, &m->cite);
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
        kind = body_kind(c, m->cite.q[k].start, m->cite.q[k].end);
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

static int store_meetings(ingest_ctx *c, const bc_extraction *ex)
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

/* A "reported" event of project pid: the article names it (with the date its sentence
 * gives, if any), quoted. */
static int report_event(ingest_ctx *c, const char *pid, const bc_xgate *g)
{
    int rc = BC_OK;
    char seqs[16] = "0", id[200];
    found_row(&rc, c->s, "SELECT coalesce(max(seq), 0) FROM project_events WHERE project_id = ?1",
              BC_BINDS(bc_text(pid)), seqs, sizeof seqs, c->err);
    int seq = atoi(seqs) + 1;
    snprintf(id, sizeof id, "%s-reported-%d", pid, seq);
    marks mk = {.note = BC_BUF_INIT};
    bc_date d;
    int has_date = year_date(c, g->date, &d, &mk);
    mark_date(&mk, has_date, g->date_inferred);
    if (g->target[0] != '\0') {
        /* "phấn đấu hoàn thành trước ngày 31/12/2024": a date to meet is no event's */
        char why[220];
        snprintf(why, sizeof why,
                 "The article sets %s%s as a deadline or a plan for it, not as the date "
                 "of something that happened: the event is undated.",
                 g->target, g->date_inferred ? " (year from the publication date)" : "");
        mark(&mk, NULL, why);
    }
    bc_buf inferred = BC_BUF_INIT;
    if (rc == BC_OK)
        rc = marks_json(c, BC_FACT_EVENT, &mk, &inferred);
    char description[400];
    snprintf(description, sizeof description, "Named in an ingested article (%s).",
             c->in->title != NULL ? c->in->title : c->source_id);
    if (rc == BC_OK)
        rc = bc_store_run(
            c->s,
            "INSERT INTO project_events (id, project_id, seq, kind, date, date_precision, "
            "date_start, date_end, description, inferred, note, curation, confidence) "
            "VALUES (?1, ?2, ?3, 'reported', ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'extracted', ?11)",
            BC_BINDS(bc_text(id), bc_text(pid), bc_int(seq), bc_text(has_date ? d.text : NULL),
                     bc_text(has_date ? bc_precision_name(d.precision) : NULL),
                     bc_text(has_date ? d.start : NULL), bc_text(has_date ? d.end : NULL),
                     bc_text(description), bc_text(inferred.data), bc_text(marks_note(&mk)),
                     bc_real(g->confidence)),
            c->err);
    bc_buf_free(&inferred);
    bc_buf_free(&mk.note);
    if (rc == BC_OK)
        rc = cite_all(c, "event_id", id, &g->cite);
    if (rc == BC_OK) {
        c->out->project_events++;
        /* the project's row now reads with its new event and quote */
        rc = bc_search_unindex(c->s, "project", pid, c->err);
    }
    if (rc == BC_OK)
        rc = bc_search_index_entity(c->s, "project", pid, c->err);
    return rc;
}

/* A readable id for a new crossing: the slug of its two sides, made unique. */
static int project_id(ingest_ctx *c, const bc_xgate *g, char out[160], int *rc)
{
    bc_buf slug = BC_BUF_INIT;
    char both[140];
    snprintf(both, sizeof both, "%s %s", g->vn_side, g->cn_side);
    bc_text_slug(both, strlen(both), &slug);
    size_t n = 0;
    while (slug.data != NULL && n < slug.len && n < 100 && (unsigned char)slug.data[n] < 0x80)
        n++;
    while (n > 0 && slug.data[n - 1] == '-')
        n--;
    if (n < 3 || (slug.data != NULL && n < slug.len && slug.data[n] != '-'))
        snprintf(out, 160, "%s-g%d", c->source_id, c->out->projects + 1);
    else
        snprintf(out, 160, "%.*s-reported", (int)n, slug.data);
    int failed = bc_buf_failed(&slug);
    bc_buf_free(&slug);
    if (failed)
        return *rc = bc_err_set(c->err, BC_ENOMEM, "out of memory");
    char base[160];
    snprintf(base, sizeof base, "%s", out);
    for (int k = 2; found_row(rc, c->s, "SELECT id FROM projects WHERE id = ?1",
                              BC_BINDS(bc_text(out)), NULL, 0, c->err) &&
                    k < 100;
         k++)
        snprintf(out, 160, "%.150s-%d", base, k % 100);
    return *rc;
}

/* The kinds of crossing point (projects.kind) a pair named as a gate may be. */
#define BC_POINT_KINDS "('gate_pair', 'traditional_opening', 'clearance_point')"

/* A crossing the article names with both sides that the store does not know as a
 * curated project: the project an earlier article reported with the same sides gets an
 * event, else a new project of status "reported". */
static int store_new_pair(ingest_ctx *c, const bc_xgate *g)
{
    int rc = BC_OK;
    char known[160];
    /* a known crossing by the names of its two sides in any language it is recorded in
     * ("Ban Vuoc" is the first part of "Ban Vuoc, Bat Xat"), of the kind the pair's own
     * words state (the extractor reads it next to the pair, not elsewhere in the
     * sentence): a crossing point (a gate pair, the kind of a pair named without its
     * kind, a traditional opening, a clearance point) is never a bridge, railway or road
     * between the same places */
    if (found_row(&rc, c->s,
                  "SELECT id FROM projects WHERE curation <> 'rejected' AND lower(?1) IN "
                  "(lower(vn_side), lower(vn_side_vi), lower(trim(substr(vn_side, 1, "
                  "instr(vn_side || ',', ',') - 1))), lower(trim(substr(vn_side_vi, 1, "
                  "instr(vn_side_vi || ',', ',') - 1)))) AND lower(?2) IN (lower(cn_side), "
                  "lower(cn_side_zh), lower(trim(substr(cn_side, 1, instr(cn_side || ',', ',') "
                  "- 1)))) AND (kind = ?3 OR (?3 IN " BC_POINT_KINDS " AND kind IN " BC_POINT_KINDS
                  ")) ORDER BY kind = ?3 DESC, curation = 'curated' DESC, id LIMIT 1",
                  BC_BINDS(bc_text(g->vn_side), bc_text(g->cn_side),
                           bc_text(g->kind[0] ? g->kind : "gate_pair")),
                  known, sizeof known, c->err))
        return report_event(c, known, g);
    char id[160], name[200], kind[32] = "gate_pair";
    if (project_id(c, g, id, &rc) != BC_OK)
        return rc;
    if (g->kind[0] && found_row(&rc, c->s,
                                "SELECT value FROM vocab WHERE field = 'project_kind' AND "
                                "value = ?1",
                                BC_BINDS(bc_text(g->kind)), NULL, 0, c->err))
        snprintf(kind, sizeof kind, "%s", g->kind);
    snprintf(name, sizeof name, "%s - %s", g->vn_side, g->cn_side);
    if (rc == BC_OK)
        rc = bc_store_run(
            c->s,
            "INSERT INTO projects (id, name, kind, vn_side, cn_side, status, description, "
            "note, curation, confidence) VALUES (?1, ?2, ?3, ?4, ?5, 'reported', 'A crossing "
            "named with both its sides in an ingested article; nothing else is known of it "
            "yet.', 'Which side is which comes from the names and the words around them "
            "(\"(Vietnam)\", a known place), read by the extractor.', 'extracted', ?6)",
            BC_BINDS(bc_text(id), bc_text(name), bc_text(kind), bc_text(g->vn_side),
                     bc_text(g->cn_side), bc_real(g->confidence)),
            c->err);
    if (rc == BC_OK)
        rc = bc_store_run(c->s,
                          "INSERT INTO aliases (entity, alias_key, alias, entity_id) "
                          "VALUES ('project', ?1, ?1, ?1)",
                          BC_BINDS(bc_text(id)), c->err);
    if (rc == BC_OK)
        rc = cite_all(c, "project_id", id, &g->cite);
    if (rc == BC_OK) {
        c->out->projects++;
        rc = bc_search_index_entity(c->s, "project", id, c->err);
    }
    return rc;
}

static int store_gates(ingest_ctx *c, const bc_extraction *ex)
{
    int rc = BC_OK;
    for (size_t i = 0; rc == BC_OK && i < ex->ngates; i++) {
        const bc_xgate *g = &ex->gates[i];
        if (g->confidence < BC_X_MIN_CONFIDENCE)
            c->out->below_threshold++;
        else if (g->project[0] != '\0' &&
                 found_row(&rc, c->s, "SELECT id FROM projects WHERE id = ?1",
                           BC_BINDS(bc_text(g->project)), NULL, 0, c->err))
            rc = report_event(c, g->project, g); /* a known project: never dropped */
        else if (g->pair && g->vn_side[0] != '\0' && g->cn_side[0] != '\0')
            rc = store_new_pair(c, g);
    }
    return rc;
}

int bci_store_facts(ingest_ctx *c, const bc_extraction *ex)
{
    int rc = store_figures(c, ex);
    if (rc == BC_OK)
        rc = store_meetings(c, ex);
    if (rc == BC_OK)
        rc = store_gates(c, ex);
    return rc;
}
