/* resource.c: the generic list/detail engine (see resource.h). Parse and validate the
 * query into `bound` values, compose SQL from the resource's constant fragments, fetch
 * the page of ids, then each id's document; resource_render.c writes them. */
#include "resource_int.h"

#include "bordercoop/date.h"
#include "bordercoop/negotiate.h"
#include "bordercoop/query.h"
#include "bordercoop/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const bc_resource *const bc_resources[] = {
    &bc_res_meetings,
    &bc_res_trade_figures,
    &bc_res_figures,
    &bc_res_projects,
    &bc_res_protocols,
    &bc_res_provinces,
    &bc_res_people,
    &bc_res_sources,
    &bc_res_mechanisms,
    &bc_res_events,
    NULL,
};

static const bc_param_spec COMMON[] = {
    {"sort", BC_PARAM_TEXT},
    {"fields", BC_PARAM_TEXT},
    {"limit", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 1, BC_LIMIT_MAX},
    {"cursor", BC_PARAM_TEXT},
    {"offset", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 0, BC_OFFSET_MAX},
    {"total", BC_PARAM_BOOL, NULL, NULL, NULL, NULL, 0, 0, 0},
    {"format", BC_PARAM_TEXT},
    {"facets", BC_PARAM_TEXT},
    {NULL},
};

/* Detail endpoints take only these. */
static const bc_param_spec DETAIL[] = {
    {"fields", BC_PARAM_TEXT},
    {NULL},
};

static int internal_error(bc_response *res, const bc_err *err)
{
    snprintf(res->log_note, sizeof res->log_note, "%.255s", err->msg);
    return bc_problem(res, 500, "internal_error", NULL,
                      "the server could not complete the request; it has been logged");
}

int bc_resolve_alias(bc_request *req, const char *entity, const char *input, const char **id,
                     bc_err *err)
{
    bc_buf key = BC_BUF_INIT;
    int rc = bc_text_slug(input, strlen(input), &key);
    if (rc == BC_EINVAL || (rc == BC_OK && key.len == 0))
        rc = bc_err_set(err, BC_ENOTFOUND, "not a name");
    else if (rc != BC_OK)
        rc = bc_err_set(err, rc, "out of memory");
    sqlite3_stmt *st = NULL;
    if (rc == BC_OK)
        rc = bc_store_stmt(req->store,
                           "SELECT entity_id FROM aliases WHERE entity = ?1 AND alias_key = ?2 "
                           "LIMIT 1",
                           &st, err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, key.data, (int)key.len, SQLITE_STATIC);
        int step = sqlite3_step(st);
        if (step == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(st, 0);
            *id = v != NULL ? bc_arena_strndup(req->arena, v, strlen(v)) : NULL;
            if (*id == NULL)
                rc = bc_err_set(err, BC_ENOMEM, "out of memory");
        } else if (step == SQLITE_DONE) {
            rc = bc_err_set(err, BC_ENOTFOUND, "no such %s", entity);
        } else {
            rc = bc_store_error(req->store, err, "resolving an alias");
        }
        sqlite3_reset(st);
    }
    bc_buf_free(&key);
    return rc;
}

static const bc_param_spec *find_spec(const bc_param_spec *list, const char *name)
{
    for (; list != NULL && list->name != NULL; list++)
        if (strcmp(list->name, name) == 0)
            return list;
    return NULL;
}

static void list_names(bc_buf *out, const bc_param_spec *a, const bc_param_spec *b)
{
    for (const bc_param_spec *lists[] = {a, b}, **l = lists; l < lists + 2; l++)
        for (const bc_param_spec *s = *l; s != NULL && s->name != NULL; s++) {
            if (out->len > 0)
                bc_buf_puts(out, ", ");
            bc_buf_puts(out, s->name);
        }
}

/* Lists the values of values_sql (or the hint) for a 400 detail. */
static void allowed_values(bc_request *req, const bc_param_spec *spec, bc_buf *out)
{
    sqlite3_stmt *st;
    bc_err err;
    if (spec->values_sql != NULL && bc_store_stmt(req->store, spec->values_sql, &st, &err) == 0) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(st, 0);
            if (out->len > 0)
                bc_buf_puts(out, ", ");
            bc_buf_puts(out, v != NULL ? v : "?");
        }
        sqlite3_reset(st);
    } else if (spec->values_hint != NULL) {
        bc_buf_puts(out, spec->values_hint);
    }
}

/* Validates one parameter's value into b; on failure fills res and returns its status. */
static int validate(bc_request *req, const bc_param_spec *spec, const char *value, bound *b,
                    bc_response *res)
{
    b->spec = spec;
    b->text = b->shown = value;
    b->num = 0;
    if (*value == '\0')
        return bc_problem(res, 400, "invalid_parameter", spec->name,
                          "parameter '%s' must not be empty", spec->name);
    switch (spec->type) {
    case BC_PARAM_INT: {
        char *end;
        long v = strtol(value, &end, 10);
        if (*end != '\0' || value[0] == '+' || value[0] == ' ' || v < spec->min || v > spec->max)
            return bc_problem(res, 400, "invalid_parameter", spec->name,
                              "parameter '%s' must be a whole number from %ld to %ld, got '%.60s'",
                              spec->name, spec->min, spec->max, value);
        b->num = v;
        return 0;
    }
    case BC_PARAM_BOOL:
        if (strcmp(value, "true") == 0 || strcmp(value, "1") == 0)
            b->num = 1;
        else if (strcmp(value, "false") == 0 || strcmp(value, "0") == 0)
            b->num = 0;
        else
            return bc_problem(res, 400, "invalid_parameter", spec->name,
                              "parameter '%s' must be true or false, got '%.60s'", spec->name,
                              value);
        b->shown = b->num ? "true" : "false";
        return 0;
    case BC_PARAM_DATE_FROM:
    case BC_PARAM_DATE_TO: {
        bc_date d;
        bc_err err;
        if (bc_date_parse(value, &d, &err) != BC_OK)
            return bc_problem(res, 400, "invalid_parameter", spec->name, "parameter '%s': %s",
                              spec->name, err.msg);
        const char *day = spec->type == BC_PARAM_DATE_FROM ? d.start : d.end;
        b->text = bc_arena_strndup(req->arena, day, strlen(day));
        if (b->text == NULL)
            return bc_problem(res, 500, "internal_error", NULL, "out of memory");
        return 0;
    }
    case BC_PARAM_TEXT:
        break;
    }
    if (spec->lookup_sql == NULL)
        return 0;
    const char *input = value;
    bc_buf key = BC_BUF_INIT;
    if (spec->fold) {
        int frc = bc_text_slug(value, strlen(value), &key);
        if (frc == BC_ENOMEM) {
            bc_buf_free(&key);
            return bc_problem(res, 500, "internal_error", NULL, "out of memory");
        }
        input = frc == BC_OK && key.len > 0 ? key.data : "";
    }
    sqlite3_stmt *st;
    bc_err err;
    int status = 0;
    if (bc_store_stmt(req->store, spec->lookup_sql, &st, &err) != BC_OK) {
        status = internal_error(res, &err);
    } else {
        sqlite3_bind_text(st, 1, input, -1, SQLITE_STATIC); /* no copy: cannot fail */
        int step = sqlite3_step(st);
        if (step == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(st, 0);
            b->text = b->shown = v != NULL ? bc_arena_strndup(req->arena, v, strlen(v)) : NULL;
            if (b->text == NULL)
                status = bc_problem(res, 500, "internal_error", NULL, "out of memory");
        } else if (step != SQLITE_DONE) {
            bc_store_error(req->store, &err, "parameter lookup");
            status = internal_error(res, &err);
        }
        sqlite3_reset(st);
        if (step == SQLITE_DONE) {
            bc_buf allowed = BC_BUF_INIT;
            allowed_values(req, spec, &allowed);
            status = bc_problem(res, 400, "invalid_parameter", spec->name,
                                "unknown %s '%.80s'; allowed: %s", spec->name, value,
                                allowed.data ? allowed.data : "");
            bc_buf_free(&allowed);
        }
    }
    bc_buf_free(&key);
    return status;
}

/* Parses req->query against the resource's filters and the common parameters. */
static int bind_query(bc_request *req, const bc_param_spec *filters, const bc_param_spec *common,
                      bound *out, size_t *nout, bc_response *res)
{
    bc_qpair *pairs;
    size_t n;
    *nout = 0;
    int bad = bc_request_query(req, res, &pairs, &n);
    if (bad != 0)
        return bad;
    for (size_t i = 0; i < n; i++) {
        const bc_param_spec *spec = find_spec(filters, pairs[i].key);
        if (spec == NULL)
            spec = find_spec(common, pairs[i].key);
        if (spec == NULL) {
            bc_buf names = BC_BUF_INIT;
            list_names(&names, filters, common);
            int st =
                names.len == 0
                    ? bc_problem(res, 400, "unknown_parameter", pairs[i].key,
                                 "unknown parameter '%s'; this endpoint takes none", pairs[i].key)
                    : bc_problem(res, 400, "unknown_parameter", pairs[i].key,
                                 "unknown parameter '%s'; allowed: %s", pairs[i].key, names.data);
            bc_buf_free(&names);
            return st;
        }
        for (size_t k = 0; k < *nout; k++)
            if (out[k].spec == spec)
                return bc_problem(res, 400, "duplicate_parameter", spec->name,
                                  "parameter '%s' is given more than once", spec->name);
        int st = validate(req, spec, pairs[i].value, &out[*nout], res);
        if (st != 0)
            return st;
        (*nout)++;
    }
    return 0;
}

static const bound *find_bound(const bound *b, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(b[i].spec->name, name) == 0)
            return &b[i];
    return NULL;
}

static void append_where(bc_buf *sql, const bc_resource *r, const bound *b, size_t n)
{
    bc_buf_puts(sql, " WHERE 1 = 1");
    if (r->fixed_where != NULL) {
        bc_buf_puts(sql, " AND (");
        bc_buf_puts(sql, r->fixed_where);
        bc_buf_putc(sql, ')');
    }
    const bound *exact = find_bound(b, n, "exact");
    for (size_t i = 0; i < n; i++) {
        if (b[i].spec->where != NULL) {
            bc_buf_puts(sql, " AND (");
            bc_buf_puts(sql, b[i].spec->where);
            bc_buf_putc(sql, ')');
        }
        /* constant fragments only: the column and the path list come from the spec */
        if (exact != NULL && exact->num && b[i].spec->reads != NULL && r->inferred_col != NULL) {
            bc_buf_puts(sql, " AND NOT EXISTS (SELECT 1 FROM json_each(");
            bc_buf_puts(sql, r->inferred_col);
            bc_buf_puts(sql, ") WHERE value IN (");
            bc_buf_puts(sql, b[i].spec->reads);
            bc_buf_puts(sql, "))");
        }
    }
}

/* Binds every filter value to each '?' of its fragment, in order; returns the next index. */
static int bind_filters(sqlite3_stmt *st, const bound *b, size_t n)
{
    int idx = 1;
    for (size_t i = 0; i < n; i++) {
        const char *w = b[i].spec->where;
        for (; w != NULL && *w; w++) {
            if (*w != '?')
                continue;
            if (b[i].spec->type == BC_PARAM_INT || b[i].spec->type == BC_PARAM_BOOL)
                sqlite3_bind_int64(st, idx++, b[i].num);
            else
                sqlite3_bind_text(st, idx++, b[i].text, -1, SQLITE_STATIC);
        }
    }
    return idx;
}

static const bc_sort_field *find_sort(const bc_resource *r, const char *name, size_t n)
{
    for (const bc_sort_field *f = r->sorts; f != NULL && f->name != NULL; f++)
        if (strlen(f->name) == n && strncmp(f->name, name, n) == 0)
            return f;
    return NULL;
}

static void sort_names(const bc_resource *r, bc_buf *out)
{
    for (const bc_sort_field *f = r->sorts; f != NULL && f->name != NULL; f++) {
        if (out->len > 0)
            bc_buf_puts(out, ", ");
        bc_buf_puts(out, f->name);
    }
}

/* Parses "a,-b" into q->keys (plus the id tiebreak) and the canonical spec. */
static int parse_sort(bc_request *req, const bc_resource *r, const char *spec, list_query *q,
                      bc_response *res)
{
    bc_buf canon = BC_BUF_INIT;
    int status = 0, has_id = 0;
    q->nkeys = 0;
    for (const char *p = spec; status == 0 && *p;) {
        size_t len = strcspn(p, ",");
        int desc = len > 0 && p[0] == '-';
        const bc_sort_field *f = find_sort(r, p + desc, len - (size_t)desc);
        if (f == NULL) {
            bc_buf names = BC_BUF_INIT;
            sort_names(r, &names);
            status = bc_problem(res, 400, "invalid_parameter", "sort",
                                "cannot sort by '%.*s'; allowed: %s (prefix '-' for descending)",
                                (int)(len < 60 ? len : 60), p, names.data ? names.data : "");
            bc_buf_free(&names);
            break;
        }
        for (size_t i = 0; i < q->nkeys && status == 0; i++)
            if (q->keys[i].f == f)
                status = bc_problem(res, 400, "invalid_parameter", "sort",
                                    "sort field '%s' is given more than once", f->name);
        if (status == 0 && q->nkeys == BC_SORT_MAX)
            status = bc_problem(res, 400, "invalid_parameter", "sort", "at most %d sort fields",
                                BC_SORT_MAX);
        if (status != 0)
            break;
        q->keys[q->nkeys].f = f;
        q->keys[q->nkeys++].desc = desc;
        has_id |= strcmp(f->name, "id") == 0;
        bc_buf_printf(&canon, "%s%s%s", canon.len ? "," : "", desc ? "-" : "", f->name);
        p += len;
        if (*p == ',')
            p++;
    }
    if (status == 0 && q->nkeys == 0)
        status = bc_problem(res, 400, "invalid_parameter", "sort", "parameter 'sort' is empty");
    if (status == 0 && !has_id) {
        /* the tie-break runs the way the last key does, so a one-key sort in either
         * direction is a plain forward or backward walk of the index on (key, id) */
        q->keys[q->nkeys].f = find_sort(r, "id", 2);
        q->keys[q->nkeys].desc = q->keys[q->nkeys - 1].desc;
        q->nkeys++;
    }
    if (status == 0) {
        q->sort_spec = canon.data ? bc_arena_strndup(req->arena, canon.data, canon.len) : "";
        if (q->sort_spec == NULL)
            status = bc_problem(res, 500, "internal_error", NULL, "out of memory");
    }
    bc_buf_free(&canon);
    return status;
}

/* Parses "a,b" into q->fields after checking each against the resource's fields. */
static int parse_fields(const bc_field *allowed, const char *text, list_query *q, bc_response *res)
{
    q->nfields = 0;
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, ",");
        const bc_field *found = NULL;
        for (const bc_field *f = allowed; f->name != NULL && found == NULL; f++)
            if (strlen(f->name) == len && strncmp(f->name, p, len) == 0)
                found = f;
        if (found == NULL) {
            bc_buf names = BC_BUF_INIT;
            for (const bc_field *f = allowed; f->name != NULL; f++)
                bc_buf_printf(&names, "%s%s", names.len ? ", " : "", f->name);
            int st = bc_problem(res, 400, "invalid_parameter", "fields",
                                "unknown field '%.*s'; allowed: %s", (int)(len < 60 ? len : 60), p,
                                names.data ? names.data : "");
            bc_buf_free(&names);
            return st;
        }
        int dup = 0;
        for (size_t i = 0; i < q->nfields; i++)
            dup |= q->fields[i] == found;
        if (!dup && q->nfields < sizeof q->fields / sizeof q->fields[0])
            q->fields[q->nfields++] = found;
        p += len;
        if (*p == ',')
            p++;
    }
    if (q->nfields == 0)
        return bc_problem(res, 400, "invalid_parameter", "fields", "parameter 'fields' is empty");
    return 0;
}

static void facet_names(const bc_resource *r, bc_buf *out)
{
    for (const bc_facet *f = r->facets; f != NULL && f->name != NULL; f++)
        bc_buf_printf(out, "%s%s", out->len ? ", " : "", f->name);
}

/* Parses "a,b" into q->facets after checking each against the resource's whitelist. */
static int parse_facets(const bc_resource *r, const char *text, list_query *q, bc_response *res)
{
    q->nfacets = 0;
    for (const char *p = text;;) {
        size_t len = strcspn(p, ",");
        const bc_facet *found = NULL;
        for (const bc_facet *f = r->facets; f != NULL && f->name != NULL && found == NULL; f++)
            if (strlen(f->name) == len && strncmp(f->name, p, len) == 0)
                found = f;
        if (found == NULL) {
            bc_buf names = BC_BUF_INIT;
            facet_names(r, &names);
            int st = bc_problem(res, 400, "invalid_parameter", "facets",
                                "no facet '%.*s' on %s; allowed: %s", (int)(len < 60 ? len : 60), p,
                                r->name, names.data ? names.data : "none");
            bc_buf_free(&names);
            return st;
        }
        for (size_t i = 0; i < q->nfacets; i++)
            if (q->facets[i] == found)
                return bc_problem(res, 400, "invalid_parameter", "facets",
                                  "facet '%s' is given more than once", found->name);
        if (q->nfacets == BC_FACETS_MAX)
            return bc_problem(res, 400, "invalid_parameter", "facets", "at most %d facets",
                              BC_FACETS_MAX);
        q->facets[q->nfacets++] = found;
        if (p[len] != ',')
            return 0;
        p += len + 1; /* an empty name after a ',' is refused above */
    }
}

/* ---- the list handler -------------------------------------------------------------- */

/* Validates the whole request into q; on failure fills res and returns its status. */
static int prepare_list(bc_request *req, const bc_resource *r, list_query *q, bc_response *res)
{
    memset(q, 0, sizeof *q);
    int status = bind_query(req, r->filters, COMMON, q->b, &q->n, res);
    if (status != 0)
        return status;
    /* filters with a default apply when absent (?curation= is trusted unless asked) */
    for (const bc_param_spec *f = r->filters; f != NULL && f->name != NULL; f++)
        if (f->dflt != NULL && find_bound(q->b, q->n, f->name) == NULL &&
            q->n < sizeof q->b / sizeof q->b[0]) {
            bound *d = &q->b[q->n++];
            d->spec = f;
            d->text = d->shown = f->dflt;
            d->dflt = 1;
        }
    const bound *lim = find_bound(q->b, q->n, "limit"), *off = find_bound(q->b, q->n, "offset"),
                *tot = find_bound(q->b, q->n, "total"), *srt = find_bound(q->b, q->n, "sort"),
                *cur = find_bound(q->b, q->n, "cursor"), *fld = find_bound(q->b, q->n, "fields"),
                *fmt = find_bound(q->b, q->n, "format"), *fct = find_bound(q->b, q->n, "facets");
    q->limit = lim ? lim->num : BC_LIMIT_DEFAULT;
    q->offset = off ? off->num : 0;
    q->has_offset = off != NULL;
    q->want_total = tot ? (int)tot->num : 0;
    q->sort_given = srt != NULL;
    if (cur != NULL && off != NULL)
        return bc_problem(res, 400, "invalid_parameter", "cursor",
                          "use either 'cursor' or 'offset', not both");
    q->format = req->format;
    if (fmt != NULL) {
        q->format_param = fmt->text;
        if (strcmp(fmt->text, "json") == 0)
            q->format = BC_FMT_JSON;
        else if (strcmp(fmt->text, "csv") == 0)
            q->format = BC_FMT_CSV;
        else if (strcmp(fmt->text, "geojson") == 0)
            q->format = BC_FMT_GEOJSON;
        else
            return bc_problem(res, 400, "invalid_parameter", "format",
                              "unknown format '%.40s'; allowed: json, csv%s", fmt->text,
                              r->geo != NULL ? ", geojson" : "");
    }
    if (q->format == BC_FMT_GEOJSON && r->geo == NULL)
        return bc_problem(res, 406, "not_acceptable", NULL,
                          "'/v1/%s' is available as application/json and text/csv only; "
                          "GeoJSON is served for located items (border-gate-projects, "
                          "provinces)",
                          r->name);
    if (q->format == 0)
        return bc_problem(res, 406, "not_acceptable", NULL,
                          "lists are available as application/json and text/csv%s",
                          r->geo != NULL ? " and application/geo+json" : "");
    if (fct != NULL && q->format == BC_FMT_CSV)
        return bc_problem(res, 400, "invalid_parameter", "facets",
                          "facets are part of the JSON envelope's meta; CSV has none (ask "
                          "for JSON, or leave 'facets' out)");
    status = parse_sort(req, r, srt ? srt->text : r->default_sort, q, res);
    if (status == 0 && fld != NULL)
        status = parse_fields(r->fields, fld->text, q, res);
    if (status == 0 && fct != NULL)
        status = parse_facets(r, fct->text, q, res);
    if (status == 0 && cur != NULL) {
        q->cursor_param = cur->text;
        status = bc_list_cursor_parse(cur->text, q, res);
    }
    return status;
}

/* 1 when every sort key (the id tie-break included) runs in the same direction. */
static int one_direction(const list_query *q)
{
    for (size_t i = 1; i < q->nkeys; i++)
        if (q->keys[i].desc != q->keys[0].desc)
            return 0;
    return 1;
}

/* Binds cursor value k (a string, integer or real) at idx. */
static void bind_cursor_value(sqlite3_stmt *st, int idx, const json_t *cursor, size_t k)
{
    json_t *v = json_array_get(cursor, k + 2);
    if (json_is_string(v))
        sqlite3_bind_text(st, idx, json_string_value(v), -1, SQLITE_STATIC);
    else if (json_is_integer(v))
        sqlite3_bind_int64(st, idx, json_integer_value(v));
    else
        sqlite3_bind_double(st, idx, json_number_value(v));
}

/* The page query: SELECT id, keys... with filters, keyset position and order. Composed
 * only from the resource's constant fragments and '?' placeholders. */
static void build_page_sql(const bc_resource *r, const list_query *q, bc_buf *sql)
{
    bc_buf_printf(sql, "SELECT %s", r->id_col);
    for (size_t i = 0; i < q->nkeys; i++)
        bc_buf_printf(sql, ", %s", q->keys[i].f->expr);
    bc_buf_printf(sql, " FROM %s", r->from);
    append_where(sql, r, q->b, q->n);
    /* keyset: rows strictly after (or, backwards, before) the cursor's row in this order.
     * When every key runs the same way (the id tie-break follows the last key) that is
     * one row-value comparison, (k1, k2) > (v1, v2), which SQLite answers with a range
     * scan of the index on those keys; mixed directions need the expanded form
     * (k1 > v1) OR (k1 = v1 AND k2 < v2) ... */
    if (q->cursor != NULL && one_direction(q)) {
        bc_buf_puts(sql, " AND (");
        for (size_t i = 0; i < q->nkeys; i++)
            bc_buf_printf(sql, "%s%s", i ? ", " : "", q->keys[i].f->expr);
        bc_buf_printf(sql, ") %c (", q->keys[0].desc == q->backward ? '>' : '<');
        for (size_t i = 0; i < q->nkeys; i++)
            bc_buf_puts(sql, i ? ", ?" : "?");
        bc_buf_putc(sql, ')');
    } else if (q->cursor != NULL) {
        bc_buf_puts(sql, " AND (");
        for (size_t i = 0; i < q->nkeys; i++) {
            bc_buf_puts(sql, i ? " OR (" : "(");
            for (size_t k = 0; k < i; k++)
                bc_buf_printf(sql, "%s = ? AND ", q->keys[k].f->expr);
            int greater = q->keys[i].desc == q->backward;
            bc_buf_printf(sql, "%s %c ?)", q->keys[i].f->expr, greater ? '>' : '<');
        }
        bc_buf_putc(sql, ')');
    }
    bc_buf_puts(sql, " ORDER BY ");
    for (size_t i = 0; i < q->nkeys; i++)
        bc_buf_printf(sql, "%s%s %s", i ? ", " : "", q->keys[i].f->expr,
                      q->keys[i].desc != q->backward ? "DESC" : "ASC");
    bc_buf_puts(sql, " LIMIT ? OFFSET ?");
}

int bc_resource_page_sql(bc_request *req, bc_buf *sql, bc_response *res)
{
    const bc_resource *r = req->route_data;
    list_query q;
    int status = prepare_list(req, r, &q, res);
    if (status == 0)
        build_page_sql(r, &q, sql);
    json_decref(q.cursor);
    return status;
}

/* Prepares the page query (a one-shot statement: the caller finalizes *out) and binds the
 * filter, keyset and paging values. */
static int run_page(bc_request *req, const bc_resource *r, list_query *q, sqlite3_stmt **out,
                    bc_err *err)
{
    bc_buf sql = BC_BUF_INIT;
    build_page_sql(r, q, &sql);
    int rc = bc_buf_failed(&sql) ? bc_err_set(err, BC_ENOMEM, "out of memory")
                                 : bc_store_prepare(req->store, sql.data, out, err);
    bc_buf_free(&sql);
    if (rc != BC_OK)
        return rc;
    int idx = bind_filters(*out, q->b, q->n);
    /* the same order the keyset clause above wrote its placeholders in */
    if (q->cursor != NULL && one_direction(q))
        for (size_t i = 0; i < q->nkeys; i++)
            bind_cursor_value(*out, idx++, q->cursor, i);
    else
        for (size_t i = 0; q->cursor != NULL && i < q->nkeys; i++)
            for (size_t k = 0; k <= i; k++)
                bind_cursor_value(*out, idx++, q->cursor, k);
    sqlite3_bind_int64(*out, idx, q->limit + 1);
    sqlite3_bind_int64(*out, idx + 1, q->offset);
    return BC_OK;
}

/* The key values of the current row of st as a JSON array. */
static json_t *row_keys(sqlite3_stmt *st, const list_query *q)
{
    json_t *a = json_array();
    for (size_t i = 0; a != NULL && i < q->nkeys; i++) {
        int col = (int)i + 1;
        json_t *v;
        if (q->keys[i].f->type == BC_SORT_TEXT)
            v = json_string((const char *)sqlite3_column_text(st, col));
        else if (q->keys[i].f->type == BC_SORT_INT)
            v = json_integer(sqlite3_column_int64(st, col));
        else
            v = json_real(sqlite3_column_double(st, col));
        if (json_array_append_new(a, v) != 0) {
            json_decref(a);
            a = NULL; /* out of memory */
        }
    }
    return a;
}

/* The facet query: each value of f over the filtered items, with how many items have
 * it, most first. Composed only from constant fragments, like the page query. With
 * ?exact=true a value the facet's filter would not match (one its `reads` name as
 * inferred) is counted as null. */
static void build_facet_sql(const bc_resource *r, const list_query *q, const bc_facet *f,
                            bc_buf *sql)
{
    const bc_param_spec *dim = find_spec(r->filters, f->name);
    const bound *exact = find_bound(q->b, q->n, "exact");
    if (exact != NULL && exact->num && dim != NULL && dim->reads != NULL && r->inferred_col != NULL)
        bc_buf_printf(sql,
                      "SELECT CASE WHEN EXISTS (SELECT 1 FROM json_each(%s) WHERE value IN "
                      "(%s)) THEN NULL ELSE %s END AS value",
                      r->inferred_col, dim->reads, f->value);
    else
        bc_buf_printf(sql, "SELECT %s AS value", f->value);
    bc_buf_printf(sql, ", count(%s%s) FROM %s", f->join != NULL ? "DISTINCT " : "",
                  f->join != NULL ? r->id_col : "*", r->from);
    if (f->join != NULL)
        bc_buf_printf(sql, " %s", f->join);
    append_where(sql, r, q->b, q->n);
    bc_buf_puts(sql, " GROUP BY 1 ORDER BY 2 DESC, 1 IS NULL, 1");
}

int bc_resource_facet_sql(bc_request *req, const char *facet, bc_buf *sql, bc_response *res)
{
    const bc_resource *r = req->route_data;
    list_query q;
    int status = prepare_list(req, r, &q, res);
    json_decref(q.cursor);
    if (status != 0)
        return status;
    for (const bc_facet *f = r->facets; f != NULL && f->name != NULL; f++)
        if (strcmp(f->name, facet) == 0) {
            build_facet_sql(r, &q, f, sql);
            return 0;
        }
    return bc_problem(res, 400, "invalid_parameter", "facets", "no facet '%.60s' on %s", facet,
                      r->name);
}

/* Orders buckets as the facet query does: most first, null last, then by value. */
static int bucket_cmp(const void *a, const void *b)
{
    const json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    json_int_t cx = json_integer_value(json_object_get(x, "count")),
               cy = json_integer_value(json_object_get(y, "count"));
    if (cx != cy)
        return cx > cy ? -1 : 1;
    const json_t *vx = json_object_get(x, "value"), *vy = json_object_get(y, "value");
    if (json_is_null(vx) || json_is_null(vy))
        return json_is_null(vx) - json_is_null(vy);
    return strcmp(json_string_value(vx) ? json_string_value(vx) : "",
                  json_string_value(vy) ? json_string_value(vy) : "");
}

/* The province facet: a province other provinces were merged into counts what its
 * filter matches, their items included (Tuyen Quang with Ha Giang's), so each such
 * province's bucket is one more count, of the list filtered by it (the request's filters
 * and `dim`, the province filter, bound to it); the buckets are then ordered again. */
static int merged_province_counts(bc_request *req, const bc_resource *r, const list_query *q,
                                  const bc_param_spec *dim, json_t *buckets, bc_err *err)
{
    sqlite3_stmt *mt;
    int rc = bc_store_stmt(req->store,
                           "SELECT DISTINCT merged_into FROM provinces WHERE merged_into IS NOT "
                           "NULL ORDER BY 1",
                           &mt, err);
    if (rc != BC_OK)
        return rc;
    int step, changed = 0;
    while (rc == BC_OK && (step = sqlite3_step(mt)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(mt, 0);
        const char *prov = t != NULL ? bc_arena_strndup(req->arena, t, strlen(t)) : NULL;
        if (prov == NULL) {
            rc = bc_err_set(err, BC_ENOMEM, "out of memory counting a facet");
            break;
        }
        bound b[BC_QUERY_MAX_PAIRS + 1];
        memcpy(b, q->b, q->n * sizeof *b);
        memset(&b[q->n], 0, sizeof b[q->n]);
        b[q->n].spec = dim;
        b[q->n].text = b[q->n].shown = prov;
        bc_buf sql = BC_BUF_INIT;
        bc_buf_printf(&sql, "SELECT count(*) FROM %s", r->from);
        append_where(&sql, r, b, q->n + 1);
        sqlite3_stmt *cst = NULL;
        rc = bc_buf_failed(&sql) ? bc_err_set(err, BC_ENOMEM, "out of memory")
                                 : bc_store_prepare(req->store, sql.data, &cst, err);
        bc_buf_free(&sql);
        json_int_t count = 0;
        if (rc == BC_OK) {
            bind_filters(cst, b, q->n + 1);
            if (sqlite3_step(cst) == SQLITE_ROW)
                count = (json_int_t)sqlite3_column_int64(cst, 0);
            else
                rc = bc_store_error(req->store, err, "counting a facet");
        }
        sqlite3_finalize(cst);
        json_t *found = NULL, *bk;
        size_t i;
        json_array_foreach(buckets, i, bk)
        {
            const char *v = json_string_value(json_object_get(bk, "value"));
            if (v != NULL && strcmp(v, prov) == 0)
                found = bk;
        }
        if (rc == BC_OK && found != NULL) {
            if (json_object_set_new(found, "count", json_integer(count)) != 0)
                rc = bc_err_set(err, BC_ENOMEM, "out of memory counting a facet");
            changed = 1;
        } else if (rc == BC_OK && count > 0) {
            json_t *nb = json_pack("{s:s,s:I}", "value", prov, "count", count);
            if (nb == NULL || json_array_append_new(buckets, nb) != 0)
                rc = bc_err_set(err, BC_ENOMEM, "out of memory counting a facet");
            changed = 1;
        }
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(req->store, err, "reading merged provinces");
    sqlite3_reset(mt);
    size_t n = json_array_size(buckets);
    if (rc == BC_OK && changed && n > 1) {
        json_t **items = malloc(n * sizeof *items);
        if (items == NULL)
            return bc_err_set(err, BC_ENOMEM, "out of memory counting a facet");
        for (size_t i = 0; i < n; i++)
            items[i] = json_incref(json_array_get(buckets, i));
        qsort(items, n, sizeof *items, bucket_cmp);
        json_array_clear(buckets);
        for (size_t i = 0; i < n; i++)
            if (json_array_append_new(buckets, items[i]) != 0) {
                for (size_t k = i + 1; k < n; k++)
                    json_decref(items[k]);
                rc = bc_err_set(err, BC_ENOMEM, "out of memory counting a facet");
                break;
            }
        free(items);
    }
    return rc;
}

/* Runs one facet query into page->facets[f->name]. */
static int read_facet(bc_request *req, const bc_resource *r, const list_query *q, const bc_facet *f,
                      list_page *page, bc_err *err)
{
    bc_buf sql = BC_BUF_INIT;
    build_facet_sql(r, q, f, &sql);
    sqlite3_stmt *st = NULL;
    int rc = bc_buf_failed(&sql) ? bc_err_set(err, BC_ENOMEM, "out of memory")
                                 : bc_store_prepare(req->store, sql.data, &st, err);
    bc_buf_free(&sql);
    json_t *buckets = rc == BC_OK ? json_array() : NULL;
    if (rc == BC_OK &&
        (buckets == NULL || (page->facets == NULL && (page->facets = json_object()) == NULL)))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    if (rc == BC_OK) {
        bind_filters(st, q->b, q->n);
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            json_t *v;
            switch (sqlite3_column_type(st, 0)) {
            case SQLITE_INTEGER:
                v = json_integer(sqlite3_column_int64(st, 0));
                break;
            case SQLITE_FLOAT:
                v = json_real(sqlite3_column_double(st, 0));
                break;
            case SQLITE_NULL:
                v = json_null();
                break;
            default:
                v = json_string((const char *)sqlite3_column_text(st, 0));
            }
            json_t *bucket = json_pack("{s:o,s:I}", "value", v, "count",
                                       (json_int_t)sqlite3_column_int64(st, 1));
            if (bucket == NULL || json_array_append_new(buckets, bucket) != 0) {
                rc = bc_err_set(err, BC_ENOMEM, "out of memory");
                break;
            }
        }
        if (rc == BC_OK && step != SQLITE_DONE)
            rc = bc_store_error(req->store, err, "counting a facet");
    }
    sqlite3_finalize(st);
    const bc_param_spec *dim = find_spec(r->filters, f->name);
    if (rc == BC_OK && dim != NULL && strcmp(f->name, "province") == 0)
        rc = merged_province_counts(req, r, q, dim, buckets, err);
    if (rc == BC_OK && json_object_set(page->facets, f->name, buckets) != 0)
        rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    json_decref(buckets);
    return rc;
}

/* Reads the page of ids (one more than the limit tells whether more rows follow) and
 * the sort keys of its first and last row. */
static int read_page(bc_request *req, const bc_resource *r, list_query *q, list_page *page,
                     bc_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = run_page(req, r, q, &st, err);
    if (rc == BC_OK) {
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            if ((long)json_array_size(page->ids) == q->limit) {
                page->more = 1;
                break;
            }
            json_t *k = row_keys(st, q);
            if (k == NULL ||
                json_array_append_new(page->ids,
                                      json_string((const char *)sqlite3_column_text(st, 0))) != 0) {
                json_decref(k);
                rc = bc_err_set(err, BC_ENOMEM, "out of memory reading a page");
                break;
            }
            if (page->head == NULL) {
                page->head = k;
            } else {
                json_decref(page->tail);
                page->tail = k;
            }
        }
        if (rc == BC_OK && step != SQLITE_ROW && step != SQLITE_DONE)
            rc = bc_store_error(req->store, err, "listing");
    }
    sqlite3_finalize(st); /* a one-shot statement (bc_store_prepare); NULL-safe */
    if (rc == BC_OK && (q->want_total || q->nfacets > 0)) {
        bc_buf sql = BC_BUF_INIT;
        bc_buf_printf(&sql, "SELECT count(*) FROM %s", r->from);
        append_where(&sql, r, q->b, q->n);
        sqlite3_stmt *cst = NULL;
        rc = bc_buf_failed(&sql) ? bc_err_set(err, BC_ENOMEM, "out of memory")
                                 : bc_store_prepare(req->store, sql.data, &cst, err);
        bc_buf_free(&sql);
        if (rc == BC_OK) {
            bind_filters(cst, q->b, q->n);
            if (sqlite3_step(cst) == SQLITE_ROW)
                page->total = (long)sqlite3_column_int64(cst, 0);
            else
                rc = bc_store_error(req->store, err, "counting");
        }
        sqlite3_finalize(cst);
    }
    for (size_t i = 0; rc == BC_OK && i < q->nfacets; i++)
        rc = read_facet(req, r, q, q->facets[i], page, err);
    return rc;
}

int bc_resource_list(bc_request *req, bc_response *res)
{
    const bc_resource *r = req->route_data;
    list_query q;
    int status = prepare_list(req, r, &q, res);
    if (status != 0) {
        json_decref(q.cursor);
        return status;
    }
    bc_err err;
    list_page page = {json_array(), NULL, NULL, 0, -1, NULL};
    int rc = page.ids != NULL ? read_page(req, r, &q, &page, &err)
                              : bc_err_set(&err, BC_ENOMEM, "out of memory");
    size_t count = json_array_size(page.ids);
    /* a backward page was read in reverse order */
    size_t first = q.backward ? count - 1 : 0;
    int step_dir = q.backward ? -1 : 1;
    bc_buf *out = &res->body;
    if (rc == BC_OK)
        bc_list_begin(out, r, &q);
    for (size_t i = 0; rc == BC_OK && i < count; i++) {
        const char *id = json_string_value(json_array_get(page.ids, first + (size_t)step_dir * i));
        sqlite3_stmt *doc;
        rc = bc_store_stmt(req->store, r->doc_sql, &doc, &err);
        if (rc != BC_OK)
            break;
        sqlite3_bind_text(doc, 1, id, -1, SQLITE_STATIC);
        if (sqlite3_step(doc) == SQLITE_ROW) {
            if (i > 0 && q.format != BC_FMT_CSV)
                bc_buf_putc(out, ',');
            rc = bc_list_emit_doc(r, &q, (const char *)sqlite3_column_text(doc, 0),
                                  (size_t)sqlite3_column_bytes(doc, 0), out);
            if (rc != BC_OK)
                bc_err_set(&err, rc, "out of memory rendering a document");
        } else {
            rc = bc_store_error(req->store, &err, "reading a document");
        }
        sqlite3_reset(doc);
    }
    if (rc == BC_OK)
        bc_list_finish(req, r, &q, &page, res);
    json_decref(page.ids);
    json_decref(page.head);
    json_decref(page.tail);
    json_decref(page.facets);
    json_decref(q.cursor);
    if (rc == BC_OK && bc_buf_failed(out))
        rc = bc_err_set(&err, BC_ENOMEM, "out of memory rendering the list");
    if (rc != BC_OK)
        return internal_error(res, &err);
    res->cacheable = 1;
    res->status = 200;
    return 200;
}

/* The entities a name that is no alias may mean: those with it as a side name
 * (name_parts), and those with an alias holding it as whole words ("Kim Thuy Ha" in "Kim
 * Thuy Ha border gate"). Articles are left out of the word match (their titles are many
 * and long; an article is found by its id or title, or by search). */
#define MAX_CANDIDATES 10
typedef struct name_matches {
    const char *ids[MAX_CANDIDATES];
    const char *names[MAX_CANDIDATES];
    size_t n;
    int more;  /* more than MAX_CANDIDATES */
    int exact; /* every one has it as a side name */
} name_matches;

static int name_candidates(bc_request *req, const char *entity, const char *input, name_matches *m,
                           bc_err *err)
{
    memset(m, 0, sizeof *m);
    m->exact = 1;
    bc_buf key = BC_BUF_INIT;
    int rc = bc_text_slug(input, strlen(input), &key);
    if (rc == BC_EINVAL || (rc == BC_OK && key.len == 0)) {
        bc_buf_free(&key);
        return BC_OK; /* no letters: no candidates */
    }
    if (rc != BC_OK) {
        bc_buf_free(&key);
        return bc_err_set(err, rc, "out of memory");
    }
    sqlite3_stmt *st = NULL;
    rc = bc_store_stmt(req->store,
                       "SELECT c.entity_id, min(c.how), (SELECT alias FROM aliases a WHERE "
                       "a.entity = ?1 AND a.entity_id = c.entity_id AND a.lang IS NULL AND "
                       "a.alias <> c.entity_id ORDER BY a.alias LIMIT 1) FROM ("
                       "SELECT entity_id, 0 AS how FROM name_parts WHERE entity = ?1 AND "
                       "part_key = ?2 UNION ALL SELECT entity_id, 1 FROM aliases WHERE entity = "
                       "?1 AND ?1 <> 'source' AND instr('-' || alias_key || '-', '-' || ?2 || "
                       "'-') > 0) c GROUP BY c.entity_id ORDER BY c.entity_id LIMIT ?3",
                       &st, err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, key.data, (int)key.len, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, MAX_CANDIDATES + 1);
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            if (m->n == MAX_CANDIDATES) {
                m->more = 1;
                break;
            }
            const char *id = (const char *)sqlite3_column_text(st, 0);
            const char *name = (const char *)sqlite3_column_text(st, 2);
            m->ids[m->n] = id != NULL ? bc_arena_strndup(req->arena, id, strlen(id)) : NULL;
            m->names[m->n] = name != NULL ? bc_arena_strndup(req->arena, name, strlen(name)) : NULL;
            if (m->ids[m->n] == NULL) {
                rc = bc_err_set(err, BC_ENOMEM, "out of memory");
                break;
            }
            m->exact &= sqlite3_column_int(st, 1) == 0;
            m->n++;
        }
        if (rc == BC_OK && step != SQLITE_ROW && step != SQLITE_DONE)
            rc = bc_store_error(req->store, err, "finding names");
        sqlite3_reset(st);
    }
    bc_buf_free(&key);
    return rc;
}

/* 404 for a name that names nothing, or that several things share: the detail says which,
 * and `candidates` lists their ids, names and links. */
static int not_found(bc_response *res, const bc_resource *r, const char *input,
                     const name_matches *m)
{
    if (m->n == 0)
        return bc_problem(res, 404, "not_found", NULL, "no %s with id or name '%.120s'",
                          r->singular, input);
    if (m->n == 1)
        bc_problem(res, 404, "not_found", NULL,
                   "no %s is named '%.120s'; one %s has it in its name: %s; ask for it by "
                   "its id",
                   r->singular, input, r->singular, m->ids[0]);
    else
        bc_problem(res, 404, "ambiguous_name", NULL,
                   "'%.120s' names no single %s: %zu%s have it in their names (see "
                   "candidates); ask for one by its id",
                   input, r->singular, m->n, m->more ? " or more" : "");
    bc_buf *b = &res->body;
    if (b->len > 0 && b->data[b->len - 1] == '}')
        b->len--;
    bc_buf_puts(b, ",\"candidates\":[");
    for (size_t i = 0; i < m->n; i++) {
        bc_buf_puts(b, i > 0 ? ",{\"id\":" : "{\"id\":");
        bc_buf_json_string(b, m->ids[i], strlen(m->ids[i]));
        bc_buf_puts(b, ",\"name\":");
        if (m->names[i] != NULL)
            bc_buf_json_string(b, m->names[i], strlen(m->names[i]));
        else
            bc_buf_puts(b, "null");
        bc_buf_printf(b, ",\"links\":{\"self\":\"/v1/%s/", r->name);
        bc_url_encode(b, m->ids[i]);
        bc_buf_puts(b, "\"}}");
    }
    bc_buf_puts(b, "]}");
    return 404;
}

int bc_resource_get(bc_request *req, bc_response *res)
{
    const bc_resource *r = req->route_data;
    list_query q;
    memset(&q, 0, sizeof q);
    int status = bind_query(req, DETAIL, NULL, q.b, &q.n, res);
    if (status != 0)
        return status;
    q.format = BC_FMT_JSON;
    const bound *fld = find_bound(q.b, q.n, "fields");
    if (fld != NULL && (status = parse_fields(r->fields, fld->text, &q, res)) != 0)
        return status;
    const char *id = req->route_id;
    bc_err err;
    int rc = BC_OK;
    if (r->entity != NULL) {
        rc = bc_resolve_alias(req, r->entity, req->route_id, &id, &err);
        if (rc == BC_ENOTFOUND) {
            name_matches m;
            rc = name_candidates(req, r->entity, req->route_id, &m, &err);
            if (rc == BC_OK && m.n == 1 && m.exact)
                id = m.ids[0]; /* the side name of one crossing only */
            else if (rc == BC_OK)
                return not_found(res, r, req->route_id, &m);
        }
    }
    sqlite3_stmt *st = NULL;
    int found = 0;
    if (rc == BC_OK)
        rc = bc_store_stmt(req->store, r->doc_sql, &st, &err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        int step = sqlite3_step(st);
        found = step == SQLITE_ROW;
        if (found)
            rc = bc_list_emit_doc(r, &q, (const char *)sqlite3_column_text(st, 0),
                                  (size_t)sqlite3_column_bytes(st, 0), &res->body);
        else if (step != SQLITE_DONE)
            rc = bc_store_error(req->store, &err, "reading a document");
        if (rc == BC_ENOMEM)
            bc_err_set(&err, rc, "out of memory rendering a document");
        sqlite3_reset(st);
    }
    if (rc == BC_OK && bc_buf_failed(&res->body))
        rc = bc_err_set(&err, BC_ENOMEM, "out of memory rendering a document");
    if (rc != BC_OK)
        return internal_error(res, &err);
    if (!found)
        return bc_problem(res, 404, "not_found", NULL, "no %s with id '%.120s'", r->singular,
                          req->route_id);
    res->cacheable = 1;
    res->status = 200;
    return 200;
}
