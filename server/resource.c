/* resource.c: the generic list/detail engine (see resource.h). Parse and validate the
 * query into `bound` values, compose SQL from the resource's constant fragments, fetch
 * the page of ids, then each id's document, and render the envelope. */
#include "bordercoop/resource.h"

#include "bordercoop/date.h"
#include "bordercoop/query.h"
#include "bordercoop/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const bc_resource *const bc_resources[] = {
    &bc_res_meetings, &bc_res_trade_figures, &bc_res_figures,   &bc_res_projects,
    &bc_res_protocols, &bc_res_provinces,    &bc_res_people,    &bc_res_sources,
    &bc_res_mechanisms, NULL,
};

static const bc_param_spec COMMON[] = {
    {"limit", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 1, BC_LIMIT_MAX},
    {"offset", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 0, BC_OFFSET_MAX},
    {"total", BC_PARAM_BOOL, NULL, NULL, NULL, NULL, 0, 0, 0},
    {NULL},
};

/* One validated query parameter. */
typedef struct bound {
    const bc_param_spec *spec;
    const char *text;  /* value bound for TEXT and dates */
    const char *shown; /* value written back into links and meta */
    long num;          /* INT and BOOL */
} bound;

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
                           "SELECT entity_id FROM aliases WHERE entity = ?1 AND alias_key = ?2",
                           &st, err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, key.data, (int)key.len, SQLITE_STATIC);
        int step = sqlite3_step(st);
        if (step == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(st, 0);
            *id = bc_arena_strndup(req->arena, v, strlen(v));
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
            if (out->len > 0)
                bc_buf_puts(out, ", ");
            bc_buf_puts(out, (const char *)sqlite3_column_text(st, 0));
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
            return bc_problem(res, 400, "invalid_parameter", spec->name,
                              "parameter '%s': %s", spec->name, err.msg);
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
        sqlite3_bind_text(st, 1, input, -1, SQLITE_TRANSIENT);
        int step = sqlite3_step(st);
        if (step == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(st, 0);
            b->text = b->shown = bc_arena_strndup(req->arena, v, strlen(v));
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
    bc_err err;
    *nout = 0;
    if (bc_query_parse(req->query, req->arena, &pairs, &n, &err) != BC_OK)
        return err.code == BC_ENOMEM ? bc_problem(res, 500, "internal_error", NULL, "out of memory")
                                     : bc_problem(res, 400, "malformed_query", NULL, "%s", err.msg);
    for (size_t i = 0; i < n; i++) {
        const bc_param_spec *spec = find_spec(filters, pairs[i].key);
        if (spec == NULL)
            spec = find_spec(common, pairs[i].key);
        if (spec == NULL) {
            bc_buf names = BC_BUF_INIT;
            list_names(&names, filters, common);
            int st = names.len == 0
                         ? bc_problem(res, 400, "unknown_parameter", pairs[i].key,
                                      "unknown parameter '%s'; this endpoint takes none",
                                      pairs[i].key)
                         : bc_problem(res, 400, "unknown_parameter", pairs[i].key,
                                      "unknown parameter '%s'; allowed: %s", pairs[i].key,
                                      names.data);
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
    for (size_t i = 0; i < n; i++)
        if (b[i].spec->where != NULL) {
            bc_buf_puts(sql, " AND (");
            bc_buf_puts(sql, b[i].spec->where);
            bc_buf_putc(sql, ')');
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

/* Writes /v1/<name>?<filters>&limit=&offset= with canonical values. */
static void write_link(bc_buf *out, const bc_resource *r, const bound *b, size_t n, long limit,
                       long offset, int total)
{
    bc_buf_printf(out, "/v1/%s", r->name);
    char sep = '?';
    for (size_t i = 0; i < n; i++) {
        if (b[i].spec->where == NULL)
            continue;
        bc_buf_putc(out, sep);
        sep = '&';
        bc_buf_puts(out, b[i].spec->name);
        bc_buf_putc(out, '=');
        bc_url_encode(out, b[i].shown);
    }
    if (limit != BC_LIMIT_DEFAULT) {
        bc_buf_printf(out, "%climit=%ld", sep, limit);
        sep = '&';
    }
    if (offset > 0) {
        bc_buf_printf(out, "%coffset=%ld", sep, offset);
        sep = '&';
    }
    if (total)
        bc_buf_printf(out, "%ctotal=true", sep);
}

static void json_link(bc_buf *out, const char *key, const bc_resource *r, const bound *b, size_t n,
                      long limit, long offset, int total)
{
    bc_buf link = BC_BUF_INIT;
    write_link(&link, r, b, n, limit, offset, total);
    bc_buf_printf(out, "\"%s\":", key);
    bc_buf_json_string(out, link.data ? link.data : "", link.len);
    bc_buf_free(&link);
}

/* Appends the document of id (doc_sql) to out; *found reports whether it exists. */
static int append_doc(bc_request *req, const bc_resource *r, const char *id, bc_buf *out,
                      int *found, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(req->store, r->doc_sql, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    *found = step == SQLITE_ROW;
    if (step == SQLITE_ROW)
        bc_buf_append(out, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
    else if (step != SQLITE_DONE)
        rc = bc_store_error(req->store, err, "reading a document");
    sqlite3_reset(st);
    return rc;
}

int bc_resource_list(bc_request *req, bc_response *res)
{
    const bc_resource *r = req->route_data;
    bound b[BC_QUERY_MAX_PAIRS];
    size_t n;
    int status = bind_query(req, r->filters, COMMON, b, &n, res);
    if (status != 0)
        return status;
    const bound *lim = find_bound(b, n, "limit"), *off = find_bound(b, n, "offset"),
                *tot = find_bound(b, n, "total");
    long limit = lim ? lim->num : BC_LIMIT_DEFAULT, offset = off ? off->num : 0;
    int want_total = tot ? (int)tot->num : 0;

    bc_err err;
    bc_buf sql = BC_BUF_INIT, ids = BC_BUF_INIT;
    bc_buf_printf(&sql, "SELECT %s FROM %s", r->id_col, r->from);
    append_where(&sql, r, b, n);
    bc_buf_printf(&sql, " ORDER BY %s LIMIT ? OFFSET ?", r->order_by);
    sqlite3_stmt *st = NULL;
    int rc = bc_buf_failed(&sql) ? bc_err_set(&err, BC_ENOMEM, "out of memory")
                                 : bc_store_stmt(req->store, sql.data, &st, &err);
    /* fetch one id more than the page to know whether a next page exists */
    size_t count = 0;
    int more = 0;
    if (rc == BC_OK) {
        int idx = bind_filters(st, b, n);
        sqlite3_bind_int64(st, idx, limit + 1);
        sqlite3_bind_int64(st, idx + 1, offset);
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            if ((long)count == limit) {
                more = 1;
                break;
            }
            bc_buf_append(&ids, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0) + 1);
            count++;
        }
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            rc = bc_store_error(req->store, &err, "listing");
        sqlite3_reset(st);
    }
    long total = -1;
    if (rc == BC_OK && want_total) {
        bc_buf_reset(&sql);
        bc_buf_printf(&sql, "SELECT count(*) FROM %s", r->from);
        append_where(&sql, r, b, n);
        rc = bc_buf_failed(&sql) ? bc_err_set(&err, BC_ENOMEM, "out of memory")
                                 : bc_store_stmt(req->store, sql.data, &st, &err);
        if (rc == BC_OK) {
            bind_filters(st, b, n);
            if (sqlite3_step(st) == SQLITE_ROW)
                total = (long)sqlite3_column_int64(st, 0);
            else
                rc = bc_store_error(req->store, &err, "counting");
            sqlite3_reset(st);
        }
    }
    bc_buf *out = &res->body;
    bc_buf_puts(out, "{\"data\":[");
    const char *id = ids.data;
    for (size_t i = 0; rc == BC_OK && i < count; i++) {
        int found;
        if (i > 0)
            bc_buf_putc(out, ',');
        rc = append_doc(req, r, id, out, &found, &err);
        id += strlen(id) + 1;
    }
    bc_buf_printf(out, "],\"meta\":{\"count\":%zu,\"limit\":%ld,\"offset\":%ld", count, limit,
                  offset);
    if (total >= 0)
        bc_buf_printf(out, ",\"total\":%ld", total);
    bc_buf_puts(out, ",\"filters\":{");
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        if (b[i].spec->where == NULL)
            continue;
        bc_buf_printf(out, "%s\"%s\":", first ? "" : ",", b[i].spec->name);
        bc_buf_json_string(out, b[i].shown, strlen(b[i].shown));
        first = 0;
    }
    bc_buf_puts(out, "}},\"links\":{");
    json_link(out, "self", r, b, n, limit, offset, want_total);
    bc_buf_putc(out, ',');
    if (more)
        json_link(out, "next", r, b, n, limit, offset + limit, want_total);
    else
        bc_buf_puts(out, "\"next\":null");
    bc_buf_putc(out, ',');
    if (offset > 0)
        json_link(out, "prev", r, b, n, limit, offset > limit ? offset - limit : 0, want_total);
    else
        bc_buf_puts(out, "\"prev\":null");
    bc_buf_puts(out, "}}");
    bc_buf_free(&sql);
    bc_buf_free(&ids);
    if (rc == BC_OK && bc_buf_failed(out))
        rc = bc_err_set(&err, BC_ENOMEM, "out of memory rendering the list");
    if (rc != BC_OK)
        return internal_error(res, &err);
    res->cacheable = 1;
    res->status = 200;
    return 200;
}

int bc_resource_get(bc_request *req, bc_response *res)
{
    const bc_resource *r = req->route_data;
    bound b[BC_QUERY_MAX_PAIRS];
    size_t n;
    int status = bind_query(req, NULL, NULL, b, &n, res);
    if (status != 0)
        return status;
    const char *id = req->route_id;
    bc_err err;
    int rc = BC_OK;
    if (r->entity != NULL) {
        rc = bc_resolve_alias(req, r->entity, req->route_id, &id, &err);
        if (rc == BC_ENOTFOUND)
            return bc_problem(res, 404, "not_found", NULL, "no %s with id or name '%.120s'",
                              r->singular, req->route_id);
    }
    int found = 0;
    if (rc == BC_OK)
        rc = append_doc(req, r, id, &res->body, &found, &err);
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
