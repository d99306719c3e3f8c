/* review_edit.c: a reviewer's corrections to an extracted fact, validated as the loader
 * validates data/ (types, vocabularies, references, dates and periods, a unit that
 * matches the metric) and applied with constant SQL, one statement per field. */
#include "review_int.h"

#include "bordercoop/buf.h"
#include "bordercoop/date.h"
#include "bordercoop/loader.h"
#include "bordercoop/text.h"

#include <math.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MAX_PARTIES 12
/* Sane bounds of corrected values: a figure is positive and under a quadrillion (the
 * largest economy's yearly output is ~3e13 USD; VND amounts reach ~1e14); a change is
 * a percentage from -100 (all gone) to 10000 (a hundredfold); dates fall in 1900..2100. */
#define MAX_VALUE      1e15
#define MIN_CHANGE_PCT -100.0
#define MAX_CHANGE_PCT 10000.0
#define MIN_YEAR       1900
#define MAX_YEAR       2100

typedef enum ftype {
    T_TEXT,    /* a non-empty string */
    T_INT,     /* an integer 1..1000000 */
    T_NUM,     /* a finite number */
    T_DATE,    /* YYYY, YYYY-MM or YYYY-MM-DD */
    T_PERIOD,  /* a date or "A/B" */
    T_VOCAB,   /* a value of the vocabulary `arg` */
    T_REF,     /* the id of an existing row: `arg` is the SQL that finds it (?1) */
    T_METRIC,  /* the id of a metric (trade_turnover: metric ids use '_'): `arg` finds it */
    T_PARTIES, /* the provinces a figure is between, or that hold an event */
    T_CHANGE,  /* figures only: {"pct": n, "qualifier": q, "basis": text} */
} ftype;

typedef struct field_def {
    const char *name; /* as in the data/facts files */
    ftype type;
    int required;       /* may not be null */
    const char *arg;    /* see ftype */
    const char *what;   /* T_REF: what the id names, for messages */
    const char *update; /* ?1 the fact's id, ?2... the value; T_PARTIES: clears them */
    const char *insert; /* T_PARTIES: ?1 the fact's id, ?2 a province, ?3 its place 1.. */
} field_def;

static const field_def FIGURE[] = {
    /* a description that opens with the old metric's words (as an extracted figure's
     * does) opens with the new one's: no corrected figure keeps saying it is a target */
    {"metric", T_METRIC, 1, "SELECT 1 FROM metrics WHERE id = ?1", "metric",
     "UPDATE figures SET metric = ?2, category = (SELECT category FROM metrics WHERE id = ?2), "
     "description = (SELECT CASE WHEN o.description IS NOT NULL AND n.description IS NOT NULL "
     "AND substr(figures.description, 1, length(o.description)) = o.description "
     "THEN n.description || substr(figures.description, length(o.description) + 1) "
     "ELSE figures.description END "
     "FROM metrics n LEFT JOIN metrics o ON o.id = figures.metric WHERE n.id = ?2) "
     "WHERE id = ?1"},
    {"value", T_NUM, 1, NULL, NULL, "UPDATE figures SET value = ?2 WHERE id = ?1"},
    {"unit", T_VOCAB, 1, "unit", NULL, "UPDATE figures SET unit = ?2 WHERE id = ?1"},
    {"qualifier", T_VOCAB, 1, "qualifier", NULL, "UPDATE figures SET qualifier = ?2 WHERE id = ?1"},
    {"period", T_PERIOD, 0, NULL, NULL,
     "UPDATE figures SET period = ?2, period_start = ?3, period_end = ?4, year = ?5 "
     "WHERE id = ?1"},
    {"change", T_CHANGE, 0, NULL, NULL,
     "UPDATE figures SET change_pct = ?2, change_qualifier = ?3, change_basis = ?4 "
     "WHERE id = ?1"},
    {"parties", T_PARTIES, 1, "SELECT 1 FROM provinces WHERE id = ?1", "province",
     "DELETE FROM figure_parties WHERE figure_id = ?1",
     "INSERT INTO figure_parties (figure_id, province_id, seq) VALUES (?1, ?2, ?3)"},
    /* a whole country as the other side (0053); null: none */
    {"counterpart_country", T_VOCAB, 0, "counterpart_country", NULL,
     "UPDATE figures SET counterpart_country = ?2 WHERE id = ?1"},
    {"description", T_TEXT, 1, NULL, NULL, "UPDATE figures SET description = ?2 WHERE id = ?1"},
    {"meeting", T_REF, 0, "SELECT 1 FROM meetings WHERE id = ?1 AND curation <> 'rejected'",
     "meeting", "UPDATE figures SET meeting_id = ?2 WHERE id = ?1"},
    {"note", T_TEXT, 0, NULL, NULL, "UPDATE figures SET note = ?2 WHERE id = ?1"},
};

static const field_def MEETING[] = {
    {"mechanism", T_REF, 1, "SELECT 1 FROM mechanisms WHERE id = ?1", "mechanism",
     "UPDATE meetings SET mechanism_id = ?2 WHERE id = ?1"},
    {"ordinal", T_INT, 0, NULL, NULL, "UPDATE meetings SET ordinal = ?2 WHERE id = ?1"},
    {"title", T_TEXT, 1, NULL, NULL, "UPDATE meetings SET title = ?2 WHERE id = ?1"},
    {"date", T_DATE, 0, NULL, NULL,
     "UPDATE meetings SET date = ?2, date_precision = ?3, date_start = ?4, date_end = ?5, "
     "year = ?6 WHERE id = ?1"},
    {"place", T_TEXT, 0, NULL, NULL, "UPDATE meetings SET place = ?2 WHERE id = ?1"},
    {"host", T_REF, 0, "SELECT 1 FROM provinces WHERE id = ?1", "province",
     "UPDATE meetings SET host_province_id = ?2 WHERE id = ?1"},
    {"status", T_VOCAB, 1, "meeting_status", NULL, "UPDATE meetings SET status = ?2 WHERE id = ?1"},
    {"summary", T_TEXT, 0, NULL, NULL, "UPDATE meetings SET summary = ?2 WHERE id = ?1"},
    {"note", T_TEXT, 0, NULL, NULL, "UPDATE meetings SET note = ?2 WHERE id = ?1"},
};

static const field_def PROJECT[] = {
    {"name", T_TEXT, 1, NULL, NULL, "UPDATE projects SET name = ?2 WHERE id = ?1"},
    {"kind", T_VOCAB, 1, "project_kind", NULL, "UPDATE projects SET kind = ?2 WHERE id = ?1"},
    {"vn_side", T_TEXT, 0, NULL, NULL, "UPDATE projects SET vn_side = ?2 WHERE id = ?1"},
    {"cn_side", T_TEXT, 0, NULL, NULL, "UPDATE projects SET cn_side = ?2 WHERE id = ?1"},
    {"vn_province", T_REF, 0, "SELECT 1 FROM provinces WHERE id = ?1 AND country = 'VN'",
     "Vietnamese province", "UPDATE projects SET vn_province_id = ?2 WHERE id = ?1"},
    {"cn_province", T_REF, 0, "SELECT 1 FROM provinces WHERE id = ?1 AND country = 'CN'",
     "Chinese province", "UPDATE projects SET cn_province_id = ?2 WHERE id = ?1"},
    {"status", T_VOCAB, 1, "project_status", NULL, "UPDATE projects SET status = ?2 WHERE id = ?1"},
    {"description", T_TEXT, 0, NULL, NULL, "UPDATE projects SET description = ?2 WHERE id = ?1"},
    {"note", T_TEXT, 0, NULL, NULL, "UPDATE projects SET note = ?2 WHERE id = ?1"},
};

static const field_def EVENT[] = {
    {"kind", T_VOCAB, 1, "coop_event_kind", NULL, "UPDATE coop_events SET kind = ?2 WHERE id = ?1"},
    {"title", T_TEXT, 1, NULL, NULL, "UPDATE coop_events SET title = ?2 WHERE id = ?1"},
    {"status", T_VOCAB, 1, "coop_event_status", NULL,
     "UPDATE coop_events SET status = ?2 WHERE id = ?1"},
    {"date", T_DATE, 0, NULL, NULL,
     "UPDATE coop_events SET date = ?2, date_precision = ?3, date_start = ?4, date_end = ?5, "
     "year = ?6 WHERE id = ?1"},
    {"place", T_TEXT, 0, NULL, NULL, "UPDATE coop_events SET place = ?2 WHERE id = ?1"},
    /* its organisations that are provinces, after those that are none, which stay */
    {"parties", T_PARTIES, 1, "SELECT 1 FROM provinces WHERE id = ?1", "province",
     "DELETE FROM coop_event_organisations WHERE event_id = ?1 AND province_id IS NOT NULL",
     "INSERT INTO coop_event_organisations (event_id, seq, name, province_id) SELECT ?1, "
     "coalesce((SELECT max(seq) FROM coop_event_organisations WHERE event_id = ?1), 0) + 1, "
     "name, id FROM provinces WHERE id = ?2 AND ?3 > 0"},
    {"description", T_TEXT, 0, NULL, NULL, "UPDATE coop_events SET description = ?2 WHERE id = ?1"},
    {"note", T_TEXT, 0, NULL, NULL, "UPDATE coop_events SET note = ?2 WHERE id = ?1"},
};

static const field_def PROJECT_EVENT[] = {
    {"kind", T_VOCAB, 1, "event_kind", NULL, "UPDATE project_events SET kind = ?2 WHERE id = ?1"},
    {"date", T_DATE, 0, NULL, NULL,
     "UPDATE project_events SET date = ?2, date_precision = ?3, date_start = ?4, date_end = ?5 "
     "WHERE id = ?1"},
    {"description", T_TEXT, 1, NULL, NULL,
     "UPDATE project_events SET description = ?2 WHERE id = ?1"},
    {"note", T_TEXT, 0, NULL, NULL, "UPDATE project_events SET note = ?2 WHERE id = ?1"},
};

typedef struct kind_fields {
    const field_def *defs;
    size_t n;
    const char *current_sql; /* ?1 id -> the editable fields as a JSON object */
    const char *editable;    /* their names, for messages */
} kind_fields;

static const kind_fields FIELDS[BC_REVIEW_NKINDS] = {
    [BC_REVIEW_FIGURE] =
        {FIGURE, sizeof FIGURE / sizeof FIGURE[0],
         "SELECT json_object('metric', metric, 'value', value, 'unit', unit, "
         "'qualifier', qualifier, 'period', period, 'change', CASE WHEN "
         "change_pct IS NULL THEN NULL ELSE json_object('pct', change_pct, "
         "'qualifier', change_qualifier, 'basis', change_basis) END, 'parties', "
         "json((SELECT json_group_array(province_id) FROM (SELECT province_id "
         "FROM figure_parties WHERE figure_id = f.id ORDER BY seq))), "
         "'counterpart_country', counterpart_country, "
         "'description', description, 'meeting', meeting_id, 'note', note) "
         "FROM figures f WHERE id = ?1",
         "metric, value, unit, qualifier, period, change, parties, counterpart_country, "
         "description, "
         "meeting, note"},
    [BC_REVIEW_MEETING] = {MEETING, sizeof MEETING / sizeof MEETING[0],
                           "SELECT json_object('mechanism', mechanism_id, 'ordinal', ordinal, "
                           "'title', title, 'date', date, 'place', place, 'host', "
                           "host_province_id, 'status', status, 'summary', summary, 'note', "
                           "note) FROM meetings WHERE id = ?1",
                           "mechanism, ordinal, title, date, place, host, status, summary, note"},
    [BC_REVIEW_PROJECT] = {PROJECT, sizeof PROJECT / sizeof PROJECT[0],
                           "SELECT json_object('name', name, 'kind', kind, 'vn_side', vn_side, "
                           "'cn_side', cn_side, 'vn_province', vn_province_id, 'cn_province', "
                           "cn_province_id, 'status', status, 'description', description, "
                           "'note', note) FROM projects WHERE id = ?1",
                           "name, kind, vn_side, cn_side, vn_province, cn_province, status, "
                           "description, note"},
    [BC_REVIEW_EVENT] = {EVENT, sizeof EVENT / sizeof EVENT[0],
                         "SELECT json_object('kind', kind, 'title', title, 'status', status, "
                         "'date', date, 'place', place, 'parties', json((SELECT "
                         "json_group_array(province_id) FROM (SELECT province_id FROM "
                         "coop_event_organisations WHERE event_id = ev.id AND province_id IS "
                         "NOT NULL ORDER BY seq))), 'description', description, 'note', note) "
                         "FROM coop_events ev WHERE id = ?1",
                         "kind, title, status, date, place, parties, description, note"},
    [BC_REVIEW_PROJECT_EVENT] = {PROJECT_EVENT, sizeof PROJECT_EVENT / sizeof PROJECT_EVENT[0],
                                 "SELECT json_object('kind', kind, 'date', date, 'description', "
                                 "description, 'note', note) FROM project_events WHERE id = ?1",
                                 "kind, date, description, note"},
};

const char *bc_review_editable(bc_review_kind k)
{
    return (unsigned)k < BC_REVIEW_NKINDS ? FIELDS[k].editable : "";
}

typedef struct edit_ctx {
    bc_store *s;
    const char *id;
    char *field; /* 80 bytes: the offending field */
    bc_err *err;
} edit_ctx;

static int bad(edit_ctx *c, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int bad(edit_ctx *c, const char *name, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(c->field, 80, "fields.%s", name);
    return bc_err_set(c->err, BC_EINVAL, "fields.%s: %s", name, msg);
}

/* 1 when the query sql with ?1 = a (and ?2 = b when not NULL) returns a row. */
static int exists(edit_ctx *c, const char *sql, const char *a, const char *b, int *found)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(c->s, sql, &st, c->err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
    if (b != NULL)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    *found = step == SQLITE_ROW;
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = bc_store_error(c->s, c->err, "checking a reference");
    sqlite3_reset(st);
    return rc;
}

/* A number as JSON: an integer when it is one (as the API renders values), else a real. */
static json_t *number(double d)
{
    if (d == floor(d) && fabs(d) < 9007199254740992.0)
        return json_integer((json_int_t)d);
    return json_real(d);
}

/* The vocabulary's values as "a, b, c" into out. */
static void vocab_list(edit_ctx *c, const char *field, bc_buf *out)
{
    sqlite3_stmt *st = NULL;
    bc_err ignored;
    if (bc_store_stmt(c->s, "SELECT value FROM vocab WHERE field = ?1 ORDER BY value", &st,
                      &ignored) != BC_OK ||
        bc_store_bind(st, BC_BINDS(bc_text(field)), &ignored) != BC_OK)
        return;
    while (sqlite3_step(st) == SQLITE_ROW)
        bc_buf_printf(out, "%s%s", out->len ? ", " : "", sqlite3_column_text(st, 0));
    sqlite3_reset(st);
}

/* Free text that may run over several lines (tab and line breaks allowed); every other
 * text field is one line. */
static int multiline(const char *name)
{
    return strcmp(name, "note") == 0 || strcmp(name, "summary") == 0 ||
           strcmp(name, "description") == 0 || strcmp(name, "change.basis") == 0;
}

static int text_value(edit_ctx *c, const char *name, json_t *v, const char **out)
{
    if (!json_is_string(v))
        return bad(c, name, "must be a string");
    size_t n = json_string_length(v);
    if (n == 0)
        return bad(c, name, "must not be empty (use null to clear it)");
    if (n > BC_FACT_TEXT_MAX)
        return bad(c, name, "is longer than %d bytes", BC_FACT_TEXT_MAX);
    if (strlen(json_string_value(v)) != n)
        return bad(c, name, "contains a NUL character");
    size_t at =
        bc_text_control(json_string_value(v), n, multiline(name) ? BC_TEXT_LINES : BC_TEXT_LINE);
    if (at < n)
        return bad(c, name, "holds a control character (byte 0x%02x at offset %zu)%s",
                   (unsigned char)json_string_value(v)[at], at,
                   multiline(name) ? "; only tab and line breaks are allowed"
                                   : ": send one line of plain text");
    at = bc_text_invisible(json_string_value(v), n);
    if (at < n)
        return bad(c, name,
                   "holds an invisible formatting character, %s, at offset %zu: send "
                   "plain text",
                   bc_text_invisible_name(json_string_value(v) + at, n - at), at);
    *out = json_string_value(v);
    return BC_OK;
}

/* s must be a value of the vocabulary `field`; a 400 on `name` listing them otherwise. */
static int in_vocab(edit_ctx *c, const char *name, const char *field, const char *s)
{
    int found = 0;
    int rc = exists(c, "SELECT 1 FROM vocab WHERE field = ?1 AND value = ?2", field, s, &found);
    if (rc == BC_OK && !found) {
        bc_buf list = BC_BUF_INIT;
        vocab_list(c, field, &list);
        rc = bad(c, name, "unknown value '%.60s'; allowed: %s", s, list.data ? list.data : "");
        bc_buf_free(&list);
    }
    return rc;
}

/* One validator per ftype: v (not null) for f; on success *canon is the value to store
 * and record (new; NULL when out of memory). */
typedef int (*validator)(edit_ctx *c, const field_def *f, json_t *v, json_t **canon);

static int check_text(edit_ctx *c, const field_def *f, json_t *v, json_t **canon)
{
    const char *s;
    int rc = text_value(c, f->name, v, &s);
    if (rc == BC_OK)
        *canon = json_string(s);
    return rc;
}

static int check_int(edit_ctx *c, const field_def *f, json_t *v, json_t **canon)
{
    if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 1000000)
        return bad(c, f->name, "must be a whole number from 1 to 1000000");
    *canon = json_integer(json_integer_value(v));
    return BC_OK;
}

static int check_num(edit_ctx *c, const field_def *f, json_t *v, json_t **canon)
{
    if (!json_is_number(v) || !isfinite(json_number_value(v)) || !(json_number_value(v) > 0) ||
        json_number_value(v) >= MAX_VALUE)
        return bad(c, f->name, "must be a number greater than 0 and below 1e15");
    *canon = number(json_number_value(v));
    return BC_OK;
}

static int check_date(edit_ctx *c, const field_def *f, json_t *v, json_t **canon)
{
    const char *s;
    bc_date d;
    bc_err e;
    int rc = text_value(c, f->name, v, &s);
    if (rc != BC_OK)
        return rc;
    if (bc_date_parse(s, &d, &e) != BC_OK)
        return bad(c, f->name, "%s", e.msg);
    if (d.year < MIN_YEAR || d.year > MAX_YEAR)
        return bad(c, f->name, "year %d is outside %d..%d", d.year, MIN_YEAR, MAX_YEAR);
    *canon = json_string(d.text);
    return BC_OK;
}

static int check_period(edit_ctx *c, const field_def *f, json_t *v, json_t **canon)
{
    const char *s;
    bc_period p;
    bc_err e;
    int rc = text_value(c, f->name, v, &s);
    if (rc != BC_OK)
        return rc;
    if (bc_period_parse(s, &p, &e) != BC_OK)
        return bad(c, f->name, "%s", e.msg);
    if (atoi(p.start) < MIN_YEAR || p.end_year > MAX_YEAR)
        return bad(c, f->name, "'%.30s' reaches outside the years %d..%d", s, MIN_YEAR, MAX_YEAR);
    *canon = json_string(p.text);
    return BC_OK;
}

static int check_vocab(edit_ctx *c, const field_def *f, json_t *v, json_t **canon)
{
    const char *s;
    int rc = text_value(c, f->name, v, &s);
    if (rc == BC_OK)
        rc = in_vocab(c, f->name, f->arg, s);
    if (rc == BC_OK)
        *canon = json_string(s);
    return rc;
}

static int check_ref(edit_ctx *c, const field_def *f, json_t *v, json_t **canon)
{
    const char *s;
    int found = 0;
    int rc = text_value(c, f->name, v, &s);
    if (rc != BC_OK)
        return rc;
    if (!bc_text_is_id(s))
        return bad(c, f->name,
                   "'%.60s' is not an id (lower-case letters and digits joined by single '-')", s);
    rc = exists(c, f->arg, s, NULL, &found);
    if (rc == BC_OK && !found)
        return bad(c, f->name, "no %s with id '%.60s'", f->what, s);
    if (rc == BC_OK)
        *canon = json_string(s);
    return rc;
}

/* the metrics table is the vocabulary (GET /v1/series lists it) */
static int check_metric(edit_ctx *c, const field_def *f, json_t *v, json_t **canon)
{
    const char *s;
    int found = 0;
    int rc = text_value(c, f->name, v, &s);
    if (rc == BC_OK)
        rc = exists(c, f->arg, s, NULL, &found);
    if (rc == BC_OK && !found)
        return bad(c, f->name, "no metric '%.60s' (GET /v1/series lists the metrics)", s);
    if (rc == BC_OK)
        *canon = json_string(s);
    return rc;
}

static int check_parties(edit_ctx *c, const field_def *f, json_t *v, json_t **canon)
{
    if (!json_is_array(v) || json_array_size(v) == 0 || json_array_size(v) > MAX_PARTIES)
        return bad(c, f->name, "must be an array of 1 to %d province ids", MAX_PARTIES);
    json_t *out = json_array();
    int rc = BC_OK, found = 0;
    for (size_t i = 0; rc == BC_OK && i < json_array_size(v); i++) {
        json_t *x = json_array_get(v, i);
        const char *s;
        char name[40];
        snprintf(name, sizeof name, "%s[%zu]", f->name, i);
        rc = text_value(c, name, x, &s);
        if (rc == BC_OK)
            rc = exists(c, f->arg, s, NULL, &found);
        if (rc == BC_OK && !found)
            rc = bad(c, name, "no province with id '%.60s'", s);
        for (size_t k = 0; rc == BC_OK && k < i; k++)
            if (json_equal(json_array_get(v, k), x))
                rc = bad(c, name, "'%.60s' is named twice", s);
        if (rc == BC_OK)
            json_array_append_new(out, json_string(s));
    }
    if (rc == BC_OK)
        *canon = out;
    else
        json_decref(out);
    return rc;
}

static int check_change(edit_ctx *c, const field_def *f, json_t *v, json_t **canon)
{
    if (!json_is_object(v))
        return bad(c, f->name,
                   "must be an object {\"pct\": n, \"qualifier\": q, \"basis\": text} or null");
    const char *key;
    json_t *x;
    json_object_foreach(v, key, x)
    {
        if (strcmp(key, "pct") != 0 && strcmp(key, "qualifier") != 0 && strcmp(key, "basis") != 0)
            return bad(c, f->name, "unknown field '%.40s'; allowed: pct, qualifier, basis", key);
    }
    json_t *pct = json_object_get(v, "pct"), *q = json_object_get(v, "qualifier"),
           *basis = json_object_get(v, "basis");
    if (pct == NULL || !json_is_number(pct) || !isfinite(json_number_value(pct)) ||
        json_number_value(pct) < MIN_CHANGE_PCT || json_number_value(pct) > MAX_CHANGE_PCT)
        return bad(c, "change.pct", "must be a number, a percentage from %g to %g", MIN_CHANGE_PCT,
                   MAX_CHANGE_PCT);
    const char *qs = "exact", *bs = NULL;
    int rc = BC_OK;
    if (q != NULL && !json_is_null(q)) {
        rc = text_value(c, "change.qualifier", q, &qs);
        if (rc == BC_OK)
            rc = in_vocab(c, "change.qualifier", "qualifier", qs);
    }
    if (rc == BC_OK && basis != NULL && !json_is_null(basis))
        rc = text_value(c, "change.basis", basis, &bs);
    if (rc == BC_OK)
        *canon = json_pack("{s:o,s:s,s:o}", "pct", number(json_number_value(pct)), "qualifier", qs,
                           "basis", bs ? json_string(bs) : json_null());
    return rc;
}

static const validator VALIDATORS[] = {
    [T_TEXT] = check_text,     [T_INT] = check_int,       [T_NUM] = check_num,
    [T_DATE] = check_date,     [T_PERIOD] = check_period, [T_VOCAB] = check_vocab,
    [T_REF] = check_ref,       [T_METRIC] = check_metric, [T_PARTIES] = check_parties,
    [T_CHANGE] = check_change,
};

/* Validates v for f; on success *canon is the value to store and record (new). */
static int validate(edit_ctx *c, const field_def *f, json_t *v, json_t **canon)
{
    *canon = NULL;
    if (json_is_null(v)) {
        if (f->required)
            return bad(c, f->name, "is required and cannot be null");
        *canon = json_null();
        return BC_OK;
    }
    int rc = VALIDATORS[f->type](c, f, v, canon);
    if (rc == BC_OK && *canon == NULL)
        rc = bc_err_set(c->err, BC_ENOMEM, "out of memory validating fields");
    return rc;
}

/* The stored value of f in the form validate() gives (numbers as the API shows them). */
static json_t *canonical_old(const field_def *f, json_t *old)
{
    if (old == NULL || json_is_null(old))
        return json_null();
    if (f->type == T_NUM && json_is_number(old))
        return number(json_number_value(old));
    if (f->type == T_CHANGE && json_is_object(old)) {
        json_t *pct = json_object_get(old, "pct");
        return json_pack(
            "{s:o,s:O,s:O}", "pct",
            pct && json_is_number(pct) ? number(json_number_value(pct)) : json_null(), "qualifier",
            json_object_get(old, "qualifier") ? json_object_get(old, "qualifier") : json_null(),
            "basis", json_object_get(old, "basis") ? json_object_get(old, "basis") : json_null());
    }
    return json_incref(old);
}

/* Runs f's update with the canonical value v. */
static int apply(edit_ctx *c, const field_def *f, json_t *v)
{
    sqlite3_stmt *st = NULL;
    int rc;
    if (f->type == T_PARTIES) {
        rc = bc_store_stmt(c->s, f->update, &st, c->err);
        if (rc != BC_OK)
            return rc;
        sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) != SQLITE_DONE)
            rc = bc_store_error(c->s, c->err, "correcting the parties");
        sqlite3_reset(st);
        for (size_t i = 0; rc == BC_OK && i < json_array_size(v); i++) {
            rc = bc_store_stmt(c->s, f->insert, &st, c->err);
            if (rc != BC_OK)
                break;
            sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 2, json_string_value(json_array_get(v, i)), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(st, 3, (int)i + 1);
            if (sqlite3_step(st) != SQLITE_DONE)
                rc = bc_store_error(c->s, c->err, "correcting the parties");
            sqlite3_reset(st);
        }
        return rc;
    }
    rc = bc_store_stmt(c->s, f->update, &st, c->err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
    int null = json_is_null(v);
    switch (f->type) {
    case T_INT:
        if (!null)
            sqlite3_bind_int64(st, 2, json_integer_value(v));
        break;
    case T_NUM:
        sqlite3_bind_double(st, 2, json_number_value(v));
        break;
    case T_DATE:
        if (!null) {
            bc_date d;
            bc_err e;
            bc_date_parse(json_string_value(v), &d, &e);
            sqlite3_bind_text(st, 2, d.text, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 3, bc_precision_name(d.precision), -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 4, d.start, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 5, d.end, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(st, 6, d.year);
        }
        break;
    case T_PERIOD:
        if (!null) {
            bc_period p;
            bc_err e;
            bc_period_parse(json_string_value(v), &p, &e);
            sqlite3_bind_text(st, 2, p.text, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 3, p.start, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 4, p.end, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(st, 5, p.end_year);
        }
        break;
    case T_CHANGE:
        if (!null) {
            json_t *basis = json_object_get(v, "basis");
            sqlite3_bind_double(st, 2, json_number_value(json_object_get(v, "pct")));
            sqlite3_bind_text(st, 3, json_string_value(json_object_get(v, "qualifier")), -1,
                              SQLITE_TRANSIENT);
            if (json_is_string(basis))
                sqlite3_bind_text(st, 4, json_string_value(basis), -1, SQLITE_TRANSIENT);
        }
        break;
    default:
        if (!null)
            sqlite3_bind_text(st, 2, json_string_value(v), -1, SQLITE_TRANSIENT);
        break;
    }
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = bc_store_error(c->s, c->err, "applying a correction");
    sqlite3_reset(st);
    return rc;
}

/* Runs sql with ?1 = the fact's id. */
static int run_id(edit_ctx *c, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(c->s, sql, &st, c->err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = bc_store_error(c->s, c->err, "applying a correction");
    sqlite3_reset(st);
    return rc;
}

/* the statement M(table) for each kind's table (a table's name cannot be bound) */
#define PER_TABLE(M)                                                                               \
    {                                                                                              \
        [BC_REVIEW_FIGURE] = M("figures"), [BC_REVIEW_MEETING] = M("meetings"),                    \
        [BC_REVIEW_PROJECT] = M("projects"), [BC_REVIEW_EVENT] = M("coop_events"),                 \
        [BC_REVIEW_PROJECT_EVENT] = M("project_events"),                                           \
    }
/* the field is no longer inferred, nor any part of it ("date" takes "date.year") */
#define UNINFER(t)                                                                                 \
    "UPDATE " t " SET inferred = (SELECT json_group_array(value) FROM json_each(" t                \
    ".inferred) WHERE value <> ?2 AND substr(value, 1, length(?2) + 1) <> ?2 || '.') WHERE "       \
    "id = ?1"
/* the note told how the machine read the fields: it says which a reviewer set since */
#define APPEND_NOTE(t) "UPDATE " t " SET note = coalesce(note || ' ', '') || ?2 WHERE id = ?1"

/* A reviewer read the corrected fields against the quote: none of them (nor a part of
 * one, "date.year") stays marked inferred. The figure's "meeting" is "meetings" there. */
static int verified(edit_ctx *c, bc_review_kind k, json_t *changes)
{
    static const char *const SQL[BC_REVIEW_NKINDS] = PER_TABLE(UNINFER);
    static const char *const NOTE[BC_REVIEW_NKINDS] = PER_TABLE(APPEND_NOTE);
#undef PER_TABLE
#undef UNINFER
#undef APPEND_NOTE
    const char *key;
    json_t *v;
    int rc = BC_OK;
    if (json_object_get(changes, "note") == NULL) {
        bc_buf set = BC_BUF_INIT;
        json_object_foreach(changes, key, v)
        {
            bc_buf_printf(&set, "%s%s", set.len ? ", " : "A reviewer set ", key);
        }
        bc_buf_puts(&set, " after this was read: what it says of how they were read is past.");
        sqlite3_stmt *st = NULL;
        if (bc_buf_failed(&set))
            rc = bc_err_set(c->err, BC_ENOMEM, "out of memory");
        if (rc == BC_OK)
            rc = bc_store_stmt(c->s, NOTE[k], &st, c->err);
        if (rc == BC_OK) {
            sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 2, set.data, (int)set.len, SQLITE_TRANSIENT);
            if (sqlite3_step(st) != SQLITE_DONE)
                rc = bc_store_error(c->s, c->err, "noting what a reviewer set");
            sqlite3_reset(st);
        }
        bc_buf_free(&set);
    }
    json_object_foreach(changes, key, v)
    {
        if (rc != BC_OK)
            break;
        const char *path = k == BC_REVIEW_FIGURE && strcmp(key, "meeting") == 0 ? "meetings" : key;
        /* an event's parties are its organisations that are provinces: both were read */
        const char *also =
            k == BC_REVIEW_EVENT && strcmp(key, "parties") == 0 ? "organisations" : NULL;
        for (; rc == BC_OK && path != NULL; path = also, also = NULL) {
            sqlite3_stmt *st = NULL;
            rc = bc_store_stmt(c->s, SQL[k], &st, c->err);
            if (rc != BC_OK)
                break;
            sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 2, path, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(st) != SQLITE_DONE)
                rc = bc_store_error(c->s, c->err, "clearing what a reviewer verified");
            sqlite3_reset(st);
        }
    }
    return rc;
}

/* The units that are currencies: an amount of money is in any of them, as ingest reads
 * it (yuan, dong, euro), whatever the unit its metric's curated figures are in. */
#define CURRENCIES "('USD', 'CNY', 'VND', 'EUR')"
/* The smallest amount of money a figure can be (a cent, a fen) */
#define MIN_MONEY_TEXT "0.01"

/* What must hold of the fact as a whole once every field is applied, and what follows
 * from the corrected fields. */
static int after_edit(edit_ctx *c, bc_review_kind k, json_t *changes)
{
    int rc = BC_OK;
    sqlite3_stmt *st = NULL;
    if (k == BC_REVIEW_FIGURE) {
        rc = review_figure_describe(c->s, c->id, changes, c->err);
        if (rc != BC_OK)
            return rc;
    }
    if (k == BC_REVIEW_FIGURE && json_object_get(changes, "meeting") != NULL) {
        /* the meetings a figure was reported at: the corrected one */
        rc = run_id(c, "DELETE FROM figure_meetings WHERE figure_id = ?1");
        if (rc == BC_OK)
            rc = run_id(c, "INSERT INTO figure_meetings (figure_id, meeting_id, seq) "
                           "SELECT id, meeting_id, 1 FROM figures WHERE id = ?1 AND "
                           "meeting_id IS NOT NULL");
        if (rc != BC_OK)
            return rc;
    }
    if (k == BC_REVIEW_FIGURE) {
        rc = bc_store_stmt(c->s,
                           "SELECT f.unit, m.unit, f.metric FROM figures f "
                           "JOIN metrics m ON m.id = f.metric WHERE f.id = ?1 AND f.unit <> m.unit "
                           "AND NOT (m.unit IN " CURRENCIES " AND f.unit IN " CURRENCIES ")",
                           &st, c->err);
        if (rc != BC_OK)
            return rc;
        sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW)
            rc = bad(c, "unit",
                     "unit '%s' does not match metric '%s' (unit '%s', or another currency for "
                     "an amount of money)",
                     sqlite3_column_text(st, 0), sqlite3_column_text(st, 2),
                     sqlite3_column_text(st, 1));
        sqlite3_reset(st);
        /* an amount of money is at least the smallest coin of its currency */
        if (rc == BC_OK)
            rc = bc_store_stmt(
                c->s,
                "SELECT value, unit FROM figures WHERE id = ?1 AND unit IN " CURRENCIES
                " AND value < " MIN_MONEY_TEXT,
                &st, c->err);
        if (rc == BC_OK) {
            sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(st) == SQLITE_ROW)
                rc = bad(c, json_object_get(changes, "value") ? "value" : "unit",
                         "%g %s is not an amount of money: an amount is at least " MIN_MONEY_TEXT
                         " (a cent) and below 1e15, in units, not millions (USD 8.1 billion "
                         "is 8100000000)",
                         sqlite3_column_double(st, 0), sqlite3_column_text(st, 1));
            sqlite3_reset(st);
        }
    } else if (k == BC_REVIEW_PROJECT) {
        rc = bc_store_stmt(c->s,
                           "SELECT 1 FROM projects WHERE id = ?1 AND vn_side IS NULL "
                           "AND cn_side IS NULL",
                           &st, c->err);
        if (rc != BC_OK)
            return rc;
        sqlite3_bind_text(st, 1, c->id, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW)
            rc = bad(c, json_object_get(changes, "vn_side") ? "vn_side" : "cn_side",
                     "a project needs 'vn_side' or 'cn_side'");
        sqlite3_reset(st);
    } else if (k == BC_REVIEW_EVENT && json_object_get(changes, "parties") != NULL &&
               json_object_get(changes, "title") == NULL) {
        rc = review_event_retitle(c->s, c->id, json_object_get(changes, "parties"), c->err);
    } else if (k == BC_REVIEW_MEETING) {
        rc = review_meeting_relink(c->s, c->id, changes, c->field, c->err);
        /* a title made from the number and the body names the corrected ones */
        if (rc == BC_OK)
            rc = review_meeting_retitle(c->s, c->id, changes, c->err);
    }
    if (rc == BC_OK)
        rc = verified(c, k, changes);
    return rc;
}

int review_edit_apply(bc_store *s, bc_review_kind k, const char *id, json_t *fields,
                      json_t **changes, char field[80], bc_err *err)
{
    *changes = NULL;
    field[0] = '\0';
    edit_ctx c = {s, id, field, err};
    const kind_fields *kf = &FIELDS[k];
    if (!json_is_object(fields) || json_object_size(fields) == 0) {
        snprintf(field, 80, "fields");
        return bc_err_set(
            err, BC_EINVAL, "fields: an edit needs an object of corrected fields; %s %s has: %s",
            bc_text_a(review_kind_get(k)->name), review_kind_get(k)->name, kf->editable);
    }
    const char *key;
    json_t *v;
    json_object_foreach(fields, key, v)
    {
        int known = 0;
        for (size_t i = 0; i < kf->n && !known; i++)
            known = strcmp(kf->defs[i].name, key) == 0;
        if (!known) {
            snprintf(field, 80, "fields.%.60s", key);
            return bc_err_set(err, BC_EINVAL, "fields: %s %s has no field '%.60s'; allowed: %s",
                              bc_text_a(review_kind_get(k)->name), review_kind_get(k)->name, key,
                              kf->editable);
        }
    }
    /* the stored values, to compare with and to record as "from" */
    sqlite3_stmt *st = NULL;
    json_t *current = NULL;
    int rc = bc_store_stmt(s, kf->current_sql, &st, err);
    if (rc == BC_OK)
        rc = bc_store_bind(st, BC_BINDS(bc_text(id)), err);
    if (rc == BC_OK) {
        int step = sqlite3_step(st);
        const char *doc = step == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
        if (doc != NULL)
            current = json_loads(doc, 0, NULL);
        if (step == SQLITE_DONE)
            rc = bc_err_set(err, BC_ENOTFOUND, "no %s '%s'", review_kind_get(k)->name, id);
        else if (step != SQLITE_ROW)
            rc = bc_store_error(s, err, "reading the fact's values");
        else if (current == NULL) /* the row is there: only memory can be missing */
            rc = bc_err_set(err, BC_ENOMEM, "out of memory reading the fact's values");
        sqlite3_reset(st);
    }
    json_t *out = rc == BC_OK ? json_object() : NULL;
    for (size_t i = 0; rc == BC_OK && i < kf->n; i++) {
        const field_def *f = &kf->defs[i];
        json_t *given = json_object_get(fields, f->name);
        if (given == NULL)
            continue;
        json_t *canon = NULL;
        rc = validate(&c, f, given, &canon);
        if (rc != BC_OK)
            break;
        json_t *old = canonical_old(f, json_object_get(current, f->name));
        if (!json_equal(old, canon)) {
            rc = apply(&c, f, canon);
            if (rc == BC_OK)
                json_object_set_new(out, f->name, json_pack("{s:O,s:O}", "from", old, "to", canon));
        }
        json_decref(old);
        json_decref(canon);
    }
    if (rc == BC_OK && json_object_size(out) == 0) {
        snprintf(field, 80, "fields");
        rc = bc_err_set(err, BC_EINVAL,
                        "fields: every value equals the stored one: nothing to correct (approve "
                        "the fact instead)");
    }
    if (rc == BC_OK)
        rc = after_edit(&c, k, out);
    json_decref(current);
    if (rc != BC_OK) {
        json_decref(out);
        return rc;
    }
    *changes = out;
    return BC_OK;
}
