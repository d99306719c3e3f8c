/* ingest_facts.c: the facts of one ingested article, stored beside the curated ones
 * (curation "extracted", a confidence, every statement a citation) and linked to what the
 * store knows: figures (provinces named as parties, overlaps), known projects (a dated
 * "reported" event); the helpers its family shares. Meetings are ingest_meetings.c's.
 * See ingest_int.h. */
#include "ingest_int.h"

#include "bordercoop/country.h"
#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/date.h"
#include "bordercoop/figure_links.h"
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
int bci_cite(ingest_ctx *c, const char *column, const char *id, int seq, size_t start, size_t end,
             const char *supports)
{
    if (end <= start || end > c->in->len)
        return BC_OK; /* never a quote the text does not hold */
    char sql[240];
    if (seq > 0)
        snprintf(sql, sizeof sql,
                 "INSERT INTO citations (source_id, quote, quote_start, quote_end, "
                 "participant_meeting_id, supports, participant_seq) VALUES (?1, ?2, ?3, ?4, "
                 "?5, ?6, ?7)");
    else
        snprintf(sql, sizeof sql,
                 "INSERT INTO citations (source_id, quote, quote_start, quote_end, %s, "
                 "supports) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
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
    sqlite3_bind_text(st, 6, supports != NULL ? supports : "[]", -1, SQLITE_STATIC);
    if (seq > 0)
        sqlite3_bind_int(st, 7, seq);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = bc_store_error(c->s, c->err, "storing a citation");
    sqlite3_reset(st);
    if (rc == BC_OK)
        c->out->citations++;
    return rc;
}

int bci_cite_all(ingest_ctx *c, const char *column, const char *id, const bc_xcite *q,
                 bci_supports *sup)
{
    int rc = BC_OK;
    for (int k = 0; rc == BC_OK && k < q->nquotes; k++)
        rc = bci_cite(c, column, id, 0, q->q[k].start, q->q[k].end,
                      sup != NULL ? bci_supports_json(sup, k) : NULL);
    return rc;
}

void bci_support(bci_supports *sup, int k, const char *field)
{
    if (k < 0 || k >= BC_X_MAX_QUOTES)
        return;
    bc_buf *b = &sup->per[k];
    bc_buf_puts(b, b->len ? ",\"" : "[\"");
    bc_buf_puts(b, field);
    bc_buf_putc(b, '"');
}

const char *bci_supports_json(bci_supports *sup, int k)
{
    bc_buf *b = &sup->per[k];
    if (b->len == 0 || bc_buf_failed(b))
        return "[]";
    if (b->data[b->len - 1] != ']')
        bc_buf_putc(b, ']');
    return bc_buf_failed(b) ? "[]" : b->data;
}

void bci_supports_free(bci_supports *sup)
{
    for (int k = 0; k < BC_X_MAX_QUOTES; k++)
        bc_buf_free(&sup->per[k]);
}

int bci_quote_names_all(ingest_ctx *c, const bc_xquote *q, const char *const *ids, int n, int *rc)
{
    for (int k = 0; k < n; k++)
        if (ids[k] != NULL && bci_times_named(c, q->start, q->end, ids[k], rc) < 1)
            return 0;
    return n > 0 && *rc == BC_OK;
}

void bci_mark(bci_marks *m, const char *path, const char *why)
{
    if (path != NULL && m->n < sizeof m->paths / sizeof m->paths[0])
        m->paths[m->n++] = path;
    bc_buf_printf(&m->note, "%s%s", m->note.len ? " " : "", why);
}

/* The JSON list of m's paths for a fact of kind into out (BC_ENOMEM, or BC_EINVAL for a
 * path the kind does not know: a bug here, never the article's). */
int bci_marks_json(ingest_ctx *c, bc_fact_kind kind, const bci_marks *m, bc_buf *out)
{
    int rc = bc_inferred_json(kind, m->paths, m->n, out, c->err);
    if (rc == BC_OK && (bc_buf_failed(out) || bc_buf_failed(&m->note)))
        rc = bc_err_set(c->err, BC_ENOMEM, "out of memory");
    return rc;
}

const char *bci_marks_note(const bci_marks *m)
{
    return m->note.len ? m->note.data : NULL;
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
    {"conference", "hoi nghi thuong nien"}, /* "Hội nghị thường niên ... giữa Bí thư ..." */
    {"conference", "座谈会"},
    {"conference", "年度会晤"}, /* "…四省与云南省委书记第六次年度会晤" */
    {"spring_meeting", "spring meeting"},
    {"spring_meeting", "dau xuan"},
    {"spring_meeting", "新春会晤"},
    {"spring_meeting", "春季会晤"},
};

/* The kind of body (mechanisms.kind) the quote [start, end) names, or NULL. */
const char *bci_body_kind(ingest_ctx *c, size_t start, size_t end)
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

size_t bci_body_cues(const char *folded, const char *kind, size_t spans[][2], size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < sizeof BODY_CUES / sizeof BODY_CUES[0]; i++) {
        if (kind != NULL && strcmp(BODY_CUES[i].kind, kind) != 0)
            continue;
        size_t len = strlen(BODY_CUES[i].cue);
        for (const char *p = strstr(folded, BODY_CUES[i].cue); p != NULL && n < max;
             p = strstr(p + len, BODY_CUES[i].cue)) {
            spans[n][0] = (size_t)(p - folded);
            spans[n++][1] = (size_t)(p - folded) + len;
        }
    }
    return n;
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
        if (bci_body_kind(c, f->cite.q[k].start, f->cite.q[k].end) != NULL)
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
        int n = bci_times_named(c, q->start, q->end, f->parties[k], rc);
        if (n >= 0 && n < 2) {
            keep[k] = 0;
            left++;
        }
    }
    return *rc == BC_OK && left < f->nparties ? left : 0;
}

/* The store's metric for figure f: money by what it measures ("exports", a goal
 * "exports_target"), a count by its own metric, a goal of a count ("aiming to welcome 2
 * million visitors in 2027") by its metric's _target twin; "" when the store has none
 * (no count metric has a twin: such a goal is never stored as what was achieved). */
static void figure_metric(ingest_ctx *c, const bc_xfigure *f, char metric[48], char unit[32],
                          int *rc)
{
    if (f->money && f->metric[0] == '\0')
        metric[0] = '\0';
    else if (f->money)
        snprintf(metric, 48, "%s%s", strcmp(f->metric, "other") == 0 ? "money_other" : f->metric,
                 f->target ? "_target" : "");
    else
        snprintf(metric, 48, "%s%s", f->metric, f->target ? "_target" : "");
    if (metric[0] != '\0' && !found_row(rc, c->s, "SELECT unit FROM metrics WHERE id = ?1",
                                        BC_BINDS(bc_text(metric)), unit, 32, c->err))
        metric[0] = '\0';
}

/* What each quote of figure f states (sup), and the stated fields no quote states marked
 * inferred in m: the amount and its unit (every quote is a statement of it), its measure
 * unless carried over, its period where the quote writes its years, its change where the
 * quote writes the rate, its parties (keep[k]: stored) where one quote names them all and
 * none is only pointed at ("the province", bc_xfigure.parties_pointed), its whole country
 * of a counterpart (country, NULL when none is stored) where the quote names it. */
static void figure_supports(ingest_ctx *c, const bc_xfigure *f, const bc_period *p,
                            const int keep[], const char *country, bci_supports *sup, bci_marks *m,
                            int *rc)
{
    const char *parties[BC_X_MAX_PARTIES];
    int np = 0, pointed = 0;
    for (int k = 0; k < f->nparties; k++)
        if (keep[k]) {
            parties[np++] = f->parties[k];
            pointed |= (f->parties_pointed >> k) & 1u;
        }
    int period = p == NULL || f->period_context || f->period_inferred, change = !f->has_change,
        named = np == 0 || pointed, whole = country == NULL;
    for (int k = 0; k < f->cite.nquotes && *rc == BC_OK; k++) {
        const bc_xquote *q = &f->cite.q[k];
        bci_support(sup, k, "value");
        bci_support(sup, k, "unit");
        if (!f->metric_inferred)
            bci_support(sup, k, "metric");
        if (p != NULL && !f->period_context && !f->period_inferred &&
            bci_quote_has_years(c, q, p->start, p->end)) {
            bci_support(sup, k, "period");
            period = 1;
        }
        if (f->has_change && bci_quote_has_amount(c, q, f->change_pct)) {
            bci_support(sup, k, "change");
            change = 1;
        }
        if (np > 0 && !pointed && bci_quote_names_all(c, q, parties, np, rc)) {
            bci_support(sup, k, "parties");
            named = 1;
        }
        if (country != NULL &&
            bc_country_named(c->in->text + q->start, q->end - q->start, country)) {
            bci_support(sup, k, "counterpart_country");
            whole = 1;
        }
    }
    if (!whole)
        bci_mark(m, "counterpart_country",
                 "No sentence that states it names the country of its counterpart; it is "
                 "named in another sentence of the article.");
    /* "Lang Son's vice chairman said the province wants to raise trade with Guangxi":
     * the province is named as the speaker's, then only pointed at */
    if (pointed)
        bci_mark(m, "parties",
                 "One of its parties is named in its sentence only as the province of whoever "
                 "speaks, then as \"the province\" whose figure it is; that it is a party is "
                 "read from that.");
    if (!period)
        bci_mark(m, "period",
                 "The years of its period are not written in the sentences that state it; they "
                 "come from the article around them.");
    if (!change)
        bci_mark(m, "change",
                 "Its rate of change is not written in the sentences that state it; it comes "
                 "from the article around them.");
    if (!named)
        bci_mark(m, "parties",
                 "No sentence that states it names all of its parties; they are named across "
                 "its sentences.");
}

/* The restatement of figure i in another currency ("38.6亿元人民币 ... 约合5.4亿美元", "soit
 * environ 40,5 milliards de dollars"), the figure after it read from one of its
 * sentences, said in m's note: the same quantity, never a figure of its own. */
static void restated_in_note(const bc_extraction *ex, size_t i, bci_marks *m)
{
    const bc_xfigure *f = &ex->figures[i], *r = i + 1 < ex->nfigures ? f + 1 : NULL;
    /* an end of a range is restated by the same end of the restated range, after both ends */
    if (f->range) {
        r = NULL;
        for (size_t k = i + 1; k < ex->nfigures && k <= i + 3 && r == NULL; k++)
            if (ex->figures[k].conversion && ex->figures[k].range == f->range)
                r = &ex->figures[k];
    }
    int same = 0;
    for (int k = 0; r != NULL && r->conversion && k < f->cite.nquotes; k++)
        same |= f->cite.q[k].start == r->cite.q[0].start;
    if (!same)
        return;
    /* the qualifier is an English word ("about", "over", "nearly", "under") */
    int exact = r->qualifier[0] == '\0' || strcmp(r->qualifier, "exact") == 0 || r->range;
    char why[200];
    snprintf(why, sizeof why,
             "The article restates it in another currency as %s%s%.0f %s; a restatement is "
             "no figure of its own.",
             exact ? "" : r->qualifier, exact ? "" : " ", r->value, r->unit);
    bci_mark(m, NULL, why);
}

/* An end of a range ("between USD 2 billion and USD 2.5 billion"), said in m's note with the
 * whole range: each end is a figure of its own (qualifier range_low or range_high). */
static void range_in_note(const bc_xfigure *f, bci_marks *m)
{
    int low = f->range == BC_X_RANGE_LOW;
    char why[260];
    snprintf(why, sizeof why,
             "The %s end of a range its sentence states (%s%s%.0f to %.0f %s); the %s end is a "
             "figure of its own, read from the same sentence.",
             low ? "lower" : "upper", f->range_hedge, f->range_hedge[0] ? " " : "",
             low ? f->value : f->range_other, low ? f->range_other : f->value, f->unit,
             low ? "upper" : "lower");
    bci_mark(m, NULL, why);
}

/* A level before or after a change its sentence states ("rose from 2 to 2.5 billion USD"),
 * said in m's note with the other level: each is a figure of its own. */
static void level_in_note(const bc_xfigure *f, bci_marks *m)
{
    int before = f->level == BC_X_LEVEL_BEFORE;
    char why[320];
    snprintf(why, sizeof why,
             "The level %s a change its sentence states (from %.0f to %.0f %s); the level %s "
             "it is a figure of its own.%s",
             before ? "before" : "after", before ? f->value : f->level_other,
             before ? f->level_other : f->value, f->unit, before ? "after" : "before",
             before && f->period[0] == '\0'
                 ? " No period is written with it: the later level's period is not its own."
                 : "");
    bci_mark(m, NULL, why);
}

/* The words of an amount refused for its unread scale, cut at a character boundary. */
static void unread_words(bc_ingest_unread *u, const char *text, const bc_xquote *q)
{
    size_t n = q->end - q->start;
    if (n >= sizeof u->words) {
        n = sizeof u->words - 1;
        while (n > 0 && ((unsigned char)text[q->start + n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(u->words, text + q->start, n);
    u->words[n] = '\0';
    u->start = q->start;
    u->end = q->end;
}

static int store_figures(ingest_ctx *c, const bc_extraction *ex)
{
    int rc = BC_OK;
    c->out->without_measure += (int)ex->unmeasured_counts; /* none is dropped uncounted */
    for (size_t i = 0; i < ex->nunread; i++) /* those of an unread scale by their words */
        if (c->out->nunread++ < BC_INGEST_MAX_UNREAD)
            unread_words(&c->out->unread[c->out->nunread - 1], c->in->text, &ex->unread[i]);
    for (size_t i = 0; i < ex->nother_currency; i++) /* those in another currency */
        if (c->out->nother_currency++ < BC_INGEST_MAX_UNREAD)
            unread_words(&c->out->other_currency[c->out->nother_currency - 1], c->in->text,
                         &ex->other_currency[i]);
    for (size_t i = 0; rc == BC_OK && i < ex->nfigures; i++) {
        const bc_xfigure *f = &ex->figures[i];
        if (f->conversion)
            continue; /* a restatement in another currency: in the note of what it restates */
        if (f->part) {
            c->out->without_measure++; /* a part of the total its sentence gives: not the flow */
            continue;
        }
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
        bci_marks m = {.note = BC_BUF_INIT};
        if (f->period[0] == '\0')
            bci_unplaced_note(c, &f->cite, f->start, "period", &m);
        if (f->metric_inferred)
            bci_mark(&m, "metric",
                     "Its sentence does not say what the amount measures; it goes on about the "
                     "amount stated before it (\"of which\", \"it\", a goal for it), whose measure "
                     "it takes.");
        if (has_period && f->period_context == 2)
            bci_mark(&m, "period",
                     "Its period is not written with it; it is the year before the period of the "
                     "amount its sentence compares it with (\"a year earlier\", \"last year's\").");
        else if (has_period && f->period_context)
            bci_mark(&m, "period",
                     "Its period is not stated with it; it is that of the amount its sentence "
                     "continues, or the one that \"the same period\" or \"the whole year\" refers "
                     "to.");
        else if (has_period && f->period_inferred == BC_X_INFERRED_DATE)
            bci_mark(&m, "period",
                     "Its day is counted from the publication date (published_on): the text "
                     "gives it as a weekday or as \"yesterday\".");
        else if (has_period && f->period_inferred)
            bci_mark(&m, "period",
                     "The year of its period comes from the publication date (published_on), not "
                     "from the text.");
        if (f->range)
            range_in_note(f, &m);
        if (f->level)
            level_in_note(f, &m);
        restated_in_note(ex, i, &m);
        if (f->parties_partial > 0) { /* "云南省与越南四省": the four are not named */
            char why[200];
            snprintf(why, sizeof why,
                     "Its sentence names a group of %d provinces without naming them: the "
                     "provinces it names are only part of its parties, which are left unknown.",
                     f->parties_partial);
            bci_mark(&m, NULL, why);
        } else if (f->parties_partial < 0) /* "the Vietnamese border provinces" */
            bci_mark(&m, NULL,
                     "Its sentence names a group of provinces only by their country, without "
                     "naming or counting them: the provinces it names are only part of its "
                     "parties, which are left unknown.");
        int keep[BC_X_MAX_PARTIES];
        if (parties_apart_from_mechanism(c, f, keep, &rc) > 0)
            bci_mark(&m, NULL,
                     "Its sentence also names a mechanism by its member provinces; only the "
                     "provinces it names apart from that name are its parties.");
        for (int k = 0; rc == BC_OK && k < f->nparties; k++)
            keep[k] = keep[k] && found_row(&rc, c->s, "SELECT id FROM provinces WHERE id = ?1",
                                           BC_BINDS(bc_text(f->parties[k])), NULL, 0, c->err);
        /* a whole country as the other side, kept with a province it is the other side of */
        const char *country = NULL;
        for (int k = 0; k < f->nparties && f->country[0] != '\0'; k++)
            if (keep[k])
                country = f->country;
        bci_supports sup;
        memset(&sup, 0, sizeof sup);
        if (rc == BC_OK)
            figure_supports(c, f, has_period ? &p : NULL, keep, country, &sup, &m, &rc);
        bc_buf inferred = BC_BUF_INIT;
        if (rc == BC_OK)
            rc = bci_marks_json(c, BC_FACT_FIGURE, &m, &inferred);
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
                         bc_text(f->unit), bc_text(inferred.data), bc_text(bci_marks_note(&m))),
                c->err);
        bc_buf_free(&inferred);
        bc_buf_free(&m.note);
        for (int k = 0; rc == BC_OK && k < f->nparties; k++)
            if (keep[k])
                rc = bc_store_run(
                    c->s,
                    "INSERT OR IGNORE INTO figure_parties (figure_id, province_id, seq) "
                    "VALUES (?1, ?2, ?3)",
                    BC_BINDS(bc_text(id), bc_text(f->parties[k]), bc_int(k + 1)), c->err);
        if (rc == BC_OK && country != NULL)
            rc = bc_store_run(c->s, "UPDATE figures SET counterpart_country = ?2 WHERE id = ?1",
                              BC_BINDS(bc_text(id), bc_text(country)), c->err);
        if (rc == BC_OK)
            rc = bci_cite_all(c, "figure_id", id, &f->cite, &sup);
        bci_supports_free(&sup);
        /* linked like curated figures: the same quantity in another article says so */
        if (rc == BC_OK)
            rc = bc_figure_links_refresh(c->s, id, NULL, c->err);
        if (rc == BC_OK) {
            c->out->figures++;
            bc_search_batch_add(&c->search, "figure", id, 0);
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
    /* a crossing first reported by an article is itself "...-reported" (or
     * "...-reported-2"): its events are numbered as curated ones are, after it
     * ("lao-cai-hekou-reported-e1"), never "...-reported-reported-1" */
    snprintf(id, sizeof id, strstr(pid, "-reported") != NULL ? "%s-e%d" : "%s-reported-%d", pid,
             seq);
    bci_marks mk = {.note = BC_BUF_INIT};
    bc_date d;
    bci_supports sup;
    memset(&sup, 0, sizeof sup);
    for (int k = 0; k < g->cite.nquotes; k++)
        bci_support(&sup, k, "kind"); /* each names the project: "reported" */
    int has_date = bci_year_date(c, g->date, &d, &mk);
    if (has_date)
        bci_date_supports(c, &g->cite, g->date, &sup, &mk, g->date_inferred);
    if (g->target[0] != '\0') {
        /* "phấn đấu hoàn thành trước ngày 31/12/2024": a date to meet is no event's */
        char why[220], words[32];
        bci_date_words(g->target, words, sizeof words);
        snprintf(why, sizeof why,
                 "The article sets %s%s as a deadline or a plan for it, not as the date "
                 "of something that happened: the event is undated.",
                 words,
                 g->target[0] == '-' ? " (no year)"
                 : g->date_inferred  ? " (year from the publication date)"
                                     : "");
        bci_mark(&mk, NULL, why);
    }
    bc_buf inferred = BC_BUF_INIT;
    if (rc == BC_OK)
        rc = bci_marks_json(c, BC_FACT_EVENT, &mk, &inferred);
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
                     bc_text(description), bc_text(inferred.data), bc_text(bci_marks_note(&mk)),
                     bc_real(g->confidence)),
            c->err);
    bc_buf_free(&inferred);
    bc_buf_free(&mk.note);
    if (rc == BC_OK)
        rc = bci_cite_all(c, "event_id", id, &g->cite, &sup);
    bci_supports_free(&sup);
    if (rc == BC_OK) {
        c->out->project_events++;
        /* the project's row now reads with its new event and quote */
        bc_search_batch_add(&c->search, "project", pid, 1);
    }
    return rc;
}

/* The quotes of a new crossing, each with the sides it writes (folded) and the kind its
 * words state. */
static int cite_pair(ingest_ctx *c, const char *id, const bc_xgate *g)
{
    bci_supports sup;
    memset(&sup, 0, sizeof sup);
    bc_buf vn = BC_BUF_INIT, cn = BC_BUF_INIT, quote = BC_BUF_INIT;
    int rc = BC_OK;
    if (bc_text_fold(g->vn_side, strlen(g->vn_side), &vn) == BC_ENOMEM ||
        bc_text_fold(g->cn_side, strlen(g->cn_side), &cn) == BC_ENOMEM)
        rc = bc_err_set(c->err, BC_ENOMEM, "out of memory");
    for (int k = 0; rc == BC_OK && k < g->cite.nquotes; k++) {
        bc_buf_reset(&quote);
        if (bc_text_fold(c->in->text + g->cite.q[k].start, g->cite.q[k].end - g->cite.q[k].start,
                         &quote) != BC_OK ||
            bc_buf_failed(&quote))
            continue;
        int v = vn.len > 0 && strstr(quote.data, vn.data) != NULL,
            n = cn.len > 0 && strstr(quote.data, cn.data) != NULL;
        if (v)
            bci_support(&sup, k, "vn_side");
        if (n)
            bci_support(&sup, k, "cn_side");
        if (v && n)
            bci_support(&sup, k, "name");
        if (g->kind[0] != '\0')
            bci_support(&sup, k, "kind");
    }
    if (rc == BC_OK)
        rc = bci_cite_all(c, "project_id", id, &g->cite, &sup);
    bci_supports_free(&sup);
    bc_buf_free(&vn);
    bc_buf_free(&cn);
    bc_buf_free(&quote);
    return rc;
}

/* A readable id for a new crossing: the slug of its two sides, made unique. */
static int project_id(ingest_ctx *c, const bc_xgate *g, char out[160], int *rc)
{
    bc_buf slug = BC_BUF_INIT;
    char both[140];
    snprintf(both, sizeof both, "%s %s", g->vn_name[0] ? g->vn_name : g->vn_side,
             g->cn_name[0] ? g->cn_name : g->cn_side);
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

/* The project with the sides ?1 (Vietnamese) and ?2 (Chinese) in any language it is
 * recorded in, of the kind ?3, or a crossing point when ?3 is one or a route of traffic
 * (a route at a pair is the pair's, as the extractor matches known projects:
 * bcx_gate_want_of), among those of curation_test; the exact kind first. */
#define SAME_PAIR(curation_test)                                                                   \
    "SELECT id FROM projects WHERE " curation_test " AND lower(?1) IN "                            \
    "(lower(vn_side), lower(vn_side_vi), lower(trim(substr(vn_side, 1, "                           \
    "instr(vn_side || ',', ',') - 1))), lower(trim(substr(vn_side_vi, 1, "                         \
    "instr(vn_side_vi || ',', ',') - 1)))) AND lower(?2) IN (lower(cn_side), "                     \
    "lower(cn_side_zh), lower(trim(substr(cn_side, 1, instr(cn_side || ',', ',') "                 \
    "- 1)))) AND (kind = ?3 OR (?3 IN " BC_POINT_KINDS " OR ?3 = 'transport_route') AND kind "     \
    "IN " BC_POINT_KINDS ") ORDER BY kind = ?3 DESC, curation = 'curated' DESC, id LIMIT 1"

/* 1 when s is written in ASCII alone. */
static int ascii_only(const char *s)
{
    for (; *s != '\0'; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

/* A crossing the article names with both sides that the store does not know as a
 * curated project: the project an earlier article reported with the same sides gets an
 * event, else a new project of status "reported". */
static int store_new_pair(ingest_ctx *c, const bc_xgate *g)
{
    int rc = BC_OK;
    char known[160];
    /* a side the text writes by another name of a place the gazetteer knows ("越南友谊口岸
     * —中国友谊关口岸") is named as the place is recorded ("Huu Nghi", "Youyiguan"), so the
     * crossing is the one known or reported under those names */
    const char *vn = g->vn_name[0] ? g->vn_name : g->vn_side,
               *cn = g->cn_name[0] ? g->cn_name : g->cn_side;
    /* a known crossing by the names of its two sides in any language it is recorded in
     * ("Ban Vuoc" is the first part of "Ban Vuoc, Bat Xat"), of the kind the pair's own
     * words state (the extractor reads it next to the pair, not elsewhere in the
     * sentence): a crossing point (a gate pair, the kind of a pair named without its
     * kind, a traditional opening, a clearance point) is never a bridge, railway or road
     * between the same places; by its sides as written, or in ASCII letters ("Trà Lĩnh"
     * is the "Tra Linh" an English report named). A crossing a reviewer rejected is not
     * proposed again under a new id (analyst 12, F3): the article's quote is kept with it,
     * hidden as it is, and nothing waits */
    const char *want = g->kind[0] ? g->kind : "gate_pair";
    bc_buf av = BC_BUF_INIT, ac = BC_BUF_INIT;
    int fv = bc_text_latin_ascii(vn, strlen(vn), &av) == 1,
        fc = bc_text_latin_ascii(cn, strlen(cn), &ac) == 1, found = 0;
    const char *avn = fv ? av.data : vn, *acn = fc ? ac.data : cn;
    for (int k = 0; k < 4 && rc == BC_OK && !found; k++)
        if ((k % 2 == 0 || fv || fc) &&
            found_row(&rc, c->s,
                      k < 2 ? SAME_PAIR("curation <> 'rejected'")
                            : SAME_PAIR("curation = 'rejected'"),
                      BC_BINDS(bc_text(k % 2 ? avn : vn), bc_text(k % 2 ? acn : cn), bc_text(want)),
                      known, sizeof known, c->err))
            found = k < 2 ? 1 : 2;
    char id[160], name[200], kind[32] = "gate_pair";
    if (found || project_id(c, g, id, &rc) != BC_OK) {
        bc_buf_free(&av);
        bc_buf_free(&ac);
        return found == 1 ? report_event(c, known, g) : found == 2 ? cite_pair(c, known, g) : rc;
    }
    if (g->kind[0] && found_row(&rc, c->s,
                                "SELECT value FROM vocab WHERE field = 'project_kind' AND "
                                "value = ?1",
                                BC_BINDS(bc_text(g->kind)), NULL, 0, c->err))
        snprintf(kind, sizeof kind, "%s", g->kind);
    snprintf(name, sizeof name, "%s - %s", avn, acn); /* in ASCII letters, as curated ones */
    char note[600] = "Which side is which comes from the names and the words around them "
                     "(\"(Vietnam)\", a known place), read by the extractor.";
    /* what the note says of the name is what the name is: a side the gazetteer records
     * no Latin name for stays as written ("平而关" before the gate was recorded) */
    int latin_vn = ascii_only(avn), latin_cn = ascii_only(acn);
    if (!latin_vn && !latin_cn)
        snprintf(note + strlen(note), sizeof note - strlen(note),
                 " The article writes its sides as \"%s\" and \"%s\"; the gazetteer records "
                 "no name in Latin letters for either, so they are named as written.",
                 g->vn_side, g->cn_side);
    else if (!latin_vn || !latin_cn)
        snprintf(note + strlen(note), sizeof note - strlen(note),
                 " The article writes its sides as \"%s\" and \"%s\"; the gazetteer records "
                 "no name in Latin letters for \"%s\", so it is named as written.",
                 g->vn_side, g->cn_side, latin_vn ? g->cn_side : g->vn_side);
    else if (g->vn_name[0] || g->cn_name[0] || fv || fc)
        snprintf(note + strlen(note), sizeof note - strlen(note),
                 " The article writes its sides as \"%s\" and \"%s\"; they are named as the "
                 "gazetteer records those places, in ASCII letters.",
                 g->vn_side, g->cn_side);
    if (rc == BC_OK)
        rc = bc_store_run(
            c->s,
            "INSERT INTO projects (id, name, kind, vn_side, cn_side, vn_side_vi, status, "
            "description, note, curation, confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?8, "
            "'reported', 'A crossing named with both its sides in an ingested article; "
            "nothing else is known of it yet.', ?7, 'extracted', ?6)",
            BC_BINDS(bc_text(id), bc_text(name), bc_text(kind), bc_text(avn), bc_text(acn),
                     bc_real(g->confidence), bc_text(note), bc_text(fv ? vn : NULL)),
            c->err);
    bc_buf_free(&av);
    bc_buf_free(&ac);
    if (rc == BC_OK)
        rc = bc_store_run(c->s,
                          "INSERT INTO aliases (entity, alias_key, alias, entity_id) "
                          "VALUES ('project', ?1, ?1, ?1)",
                          BC_BINDS(bc_text(id)), c->err);
    if (rc == BC_OK)
        rc = cite_pair(c, id, g);
    if (rc == BC_OK) {
        c->out->projects++;
        bc_search_batch_add(&c->search, "project", id, 0);
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
    c->ex = ex;
    int rc = store_figures(c, ex);
    if (rc == BC_OK)
        rc = bci_store_meetings(c, ex);
    if (rc == BC_OK)
        rc = store_gates(c, ex);
    /* their search rows last, from what each fact finally is */
    if (rc == BC_OK)
        rc = bc_search_batch_write(c->s, &c->search, c->err);
    bc_search_batch_free(&c->search);
    bci_names_free(c);
    return rc;
}
