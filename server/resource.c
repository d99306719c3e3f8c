/* resource.c: the generic list/detail engine (see resource.h). Parse and validate the
 * query into `bound` values, compose SQL from the resource's constant fragments, fetch
 * the page of ids, then each id's document, and render the envelope. */
#include "bordercoop/resource.h"

#include "bordercoop/date.h"
#include "bordercoop/negotiate.h"
#include "bordercoop/query.h"
#include "bordercoop/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const bc_resource *const bc_resources[] = {
    &bc_res_meetings,   &bc_res_trade_figures,
    &bc_res_figures,    &bc_res_projects,
    &bc_res_protocols,  &bc_res_provinces,
    &bc_res_people,     &bc_res_sources,
    &bc_res_mechanisms, NULL,
};

static const bc_param_spec COMMON[] = {
    {"sort", BC_PARAM_TEXT},
    {"fields", BC_PARAM_TEXT},
    {"limit", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 1, BC_LIMIT_MAX},
    {"cursor", BC_PARAM_TEXT},
    {"offset", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 0, BC_OFFSET_MAX},
    {"total", BC_PARAM_BOOL, NULL, NULL, NULL, NULL, 0, 0, 0},
    {"format", BC_PARAM_TEXT},
    {NULL},
};

/* Detail endpoints take only these. */
static const bc_param_spec DETAIL[] = {
    {"fields", BC_PARAM_TEXT},
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
                           "SELECT entity_id FROM aliases WHERE entity = ?1 AND alias_key = ?2 "
                           "LIMIT 1",
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

/* ---- sort, cursor and fields -------------------------------------------------------- */

typedef struct sort_key {
    const bc_sort_field *f;
    int desc;
} sort_key;

/* Everything a list request asks for, validated. */
typedef struct list_query {
    bound b[BC_QUERY_MAX_PAIRS];
    size_t n;
    long limit, offset;
    int has_offset, want_total;
    sort_key keys[BC_SORT_MAX + 1]; /* the requested keys, then the id */
    size_t nkeys;
    const char *sort_spec; /* canonical, e.g. "date,-value" */
    int sort_given;
    json_t *cursor; /* [spec, "n"|"p", values...] or NULL */
    int backward;   /* the cursor points backwards ("p") */
    const char *fields[64];
    size_t nfields;
    int format; /* BC_FMT_JSON or BC_FMT_CSV */
    const char *format_param;
} list_query;

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

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static void b64url(bc_buf *out, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
                     (i + 2 < n ? p[i + 2] : 0);
        bc_buf_putc(out, B64[v >> 18 & 63]);
        bc_buf_putc(out, B64[v >> 12 & 63]);
        if (i + 1 < n)
            bc_buf_putc(out, B64[v >> 6 & 63]);
        if (i + 2 < n)
            bc_buf_putc(out, B64[v & 63]);
    }
}

/* Decodes base64url without padding into out; 0 or -1 on a bad character. */
static int unb64url(const char *s, bc_buf *out)
{
    unsigned v = 0;
    int bits = 0;
    for (; *s; s++) {
        const char *c = strchr(B64, *s);
        if (c == NULL || *s == '\0')
            return -1;
        v = v << 6 | (unsigned)(c - B64);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bc_buf_putc(out, (char)(v >> bits & 0xff));
        }
    }
    return 0;
}

/* Validates a cursor against the current sort; keeps its decoded form in q->cursor. */
static int parse_cursor(const char *text, list_query *q, bc_response *res)
{
    bc_buf raw = BC_BUF_INIT;
    json_t *j = NULL;
    if (strlen(text) <= 2048 && unb64url(text, &raw) == 0 && raw.len > 0)
        j = json_loadb(raw.data, raw.len, 0, NULL);
    bc_buf_free(&raw);
    int ok = json_is_array(j) && json_array_size(j) >= 3 && json_is_string(json_array_get(j, 0)) &&
             json_is_string(json_array_get(j, 1));
    if (ok && strcmp(json_string_value(json_array_get(j, 0)), q->sort_spec) != 0) {
        json_decref(j);
        return bc_problem(res, 400, "invalid_parameter", "cursor",
                          "this cursor belongs to another sort order; keep 'sort' unchanged "
                          "while paging");
    }
    ok = ok && json_array_size(j) == q->nkeys + 2;
    if (ok) {
        const char *dir = json_string_value(json_array_get(j, 1));
        ok = strcmp(dir, "n") == 0 || strcmp(dir, "p") == 0;
        q->backward = ok && dir[0] == 'p';
    }
    for (size_t i = 0; ok && i < q->nkeys; i++) {
        json_t *v = json_array_get(j, i + 2);
        ok = q->keys[i].f->type == BC_SORT_TEXT  ? json_is_string(v)
             : q->keys[i].f->type == BC_SORT_INT ? json_is_integer(v)
                                                 : json_is_number(v);
    }
    if (!ok) {
        json_decref(j);
        return bc_problem(res, 400, "invalid_parameter", "cursor",
                          "parameter 'cursor' is not a cursor this API issued; use the links "
                          "of a previous page");
    }
    q->cursor = j;
    return 0;
}

/* Parses "a,b" into q->fields after checking each against the resource's fields. */
static int parse_fields(bc_request *req, const char *const *allowed, const char *text,
                        list_query *q, bc_response *res)
{
    q->nfields = 0;
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, ",");
        const char *found = NULL;
        for (const char *const *f = allowed; *f != NULL && found == NULL; f++)
            if (strlen(*f) == len && strncmp(*f, p, len) == 0)
                found = *f;
        if (found == NULL) {
            bc_buf names = BC_BUF_INIT;
            for (const char *const *f = allowed; *f != NULL; f++)
                bc_buf_printf(&names, "%s%s", names.len ? ", " : "", *f);
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
    (void)req;
    if (q->nfields == 0)
        return bc_problem(res, 400, "invalid_parameter", "fields", "parameter 'fields' is empty");
    return 0;
}

static int wants(const list_query *q, const char *key)
{
    if (q->nfields == 0 || strcmp(key, "id") == 0)
        return 1;
    for (size_t i = 0; i < q->nfields; i++)
        if (strcmp(q->fields[i], key) == 0)
            return 1;
    return 0;
}

/* ---- output ------------------------------------------------------------------------ */

/* Writes the list URL with the validated query and either an offset or a cursor. */
static void write_link(bc_buf *out, const bc_resource *r, const list_query *q, long offset,
                       const char *cursor)
{
    bc_buf_printf(out, "/v1/%s", r->name);
    char sep = '?';
    for (size_t i = 0; i < q->n; i++) {
        if (q->b[i].spec->where == NULL)
            continue;
        bc_buf_printf(out, "%c%s=", sep, q->b[i].spec->name);
        bc_url_encode(out, q->b[i].shown);
        sep = '&';
    }
    if (q->sort_given) {
        bc_buf_printf(out, "%csort=", sep);
        bc_url_encode(out, q->sort_spec);
        sep = '&';
    }
    if (q->nfields > 0) {
        bc_buf_printf(out, "%cfields=", sep);
        for (size_t i = 0; i < q->nfields; i++)
            bc_buf_printf(out, "%s%s", i ? "," : "", q->fields[i]);
        sep = '&';
    }
    if (q->format_param != NULL) {
        bc_buf_printf(out, "%cformat=%s", sep, q->format == BC_FMT_CSV ? "csv" : "json");
        sep = '&';
    }
    if (q->limit != BC_LIMIT_DEFAULT) {
        bc_buf_printf(out, "%climit=%ld", sep, q->limit);
        sep = '&';
    }
    if (cursor != NULL) {
        bc_buf_printf(out, "%ccursor=%s", sep, cursor);
        sep = '&';
    } else if (offset > 0 || q->has_offset) {
        bc_buf_printf(out, "%coffset=%ld", sep, offset);
        sep = '&';
    }
    if (q->want_total)
        bc_buf_printf(out, "%ctotal=true", sep);
}

/* A cursor at the row whose key values are vals, pointing forward or backward. */
static char *make_cursor(bc_request *req, const list_query *q, json_t *vals, int backward)
{
    json_t *c = json_pack("[s,s]", q->sort_spec, backward ? "p" : "n");
    json_array_extend(c, vals);
    char *text = json_dumps(c, JSON_COMPACT);
    json_decref(c);
    if (text == NULL)
        return NULL;
    bc_buf out = BC_BUF_INIT;
    b64url(&out, (const unsigned char *)text, strlen(text));
    free(text);
    char *copy = out.data ? bc_arena_strndup(req->arena, out.data, out.len) : NULL;
    bc_buf_free(&out);
    return copy;
}

/* Appends one CSV cell (RFC 4180) for a JSON value. */
static void csv_cell(bc_buf *out, json_t *v, const char *key)
{
    bc_buf cell = BC_BUF_INIT;
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        if (strchr("=+@\t\r", s[0]) != NULL && s[0] != '\0')
            bc_buf_putc(&cell, '\''); /* keep spreadsheets from running it as a formula */
        bc_buf_puts(&cell, s);
    } else if (json_is_integer(v)) {
        bc_buf_printf(&cell, "%lld", (long long)json_integer_value(v));
    } else if (json_is_real(v)) {
        bc_buf_printf(&cell, "%.15g", json_real_value(v));
    } else if (json_is_boolean(v)) {
        bc_buf_puts(&cell, json_is_true(v) ? "true" : "false");
    } else if (json_is_object(v) && json_is_string(json_object_get(v, "id"))) {
        bc_buf_puts(&cell, json_string_value(json_object_get(v, "id")));
    } else if (json_is_object(v) && json_is_string(json_object_get(v, "self"))) {
        bc_buf_puts(&cell, json_string_value(json_object_get(v, "self"))); /* links */
    } else if (json_is_array(v)) {
        size_t i;
        json_t *item;
        int sources = strcmp(key, "sources") == 0;
        json_array_foreach(v, i, item)
        {
            if (i > 0)
                bc_buf_puts(&cell, sources ? " | " : "; ");
            if (json_is_string(item)) {
                bc_buf_puts(&cell, json_string_value(item));
                continue;
            }
            if (sources) {
                bc_buf_printf(&cell, "%s: %s",
                              json_string_value(json_object_get(item, "source_id")),
                              json_string_value(json_object_get(item, "quote")));
                continue;
            }
            static const char *const names[] = {"id", "alias", "area", "text", "name", "kind"};
            const char *label = NULL;
            json_t *person = json_object_get(item, "person");
            if (json_is_object(person))
                label = json_string_value(json_object_get(person, "id"));
            for (size_t k = 0; label == NULL && k < sizeof names / sizeof names[0]; k++)
                label = json_string_value(json_object_get(item, names[k]));
            if (label != NULL) {
                bc_buf_puts(&cell, label);
            } else {
                char *dump = json_dumps(item, JSON_COMPACT);
                if (dump != NULL)
                    bc_buf_puts(&cell, dump);
                free(dump);
            }
        }
    } else if (v != NULL && !json_is_null(v)) {
        char *dump = json_dumps(v, JSON_COMPACT);
        if (dump != NULL)
            bc_buf_puts(&cell, dump);
        free(dump);
    }
    const char *c = cell.data ? cell.data : "";
    if (strpbrk(c, ",\"\r\n") != NULL) {
        bc_buf_putc(out, '"');
        for (; *c; c++) {
            if (*c == '"')
                bc_buf_putc(out, '"');
            bc_buf_putc(out, *c);
        }
        bc_buf_putc(out, '"');
    } else {
        bc_buf_puts(out, c);
    }
    bc_buf_free(&cell);
}

static void csv_header(bc_buf *out, const bc_resource *r, const list_query *q)
{
    int first = 1;
    for (const char *const *f = r->fields; *f != NULL; f++)
        if (wants(q, *f)) {
            bc_buf_printf(out, "%s%s", first ? "" : ",", *f);
            first = 0;
        }
    bc_buf_puts(out, "\r\n");
}

/* Appends one document as JSON (whole, or only the requested fields) or as a CSV row. */
static int emit_doc(const bc_resource *r, const list_query *q, const char *doc, size_t len,
                    bc_buf *out)
{
    if (q->format == BC_FMT_JSON && q->nfields == 0) {
        bc_buf_append(out, doc, len);
        return BC_OK;
    }
    json_t *j = json_loadb(doc, len, 0, NULL);
    if (j == NULL)
        return BC_ENOMEM;
    int first = 1;
    if (q->format == BC_FMT_JSON) {
        bc_buf_putc(out, '{');
        const char *key;
        json_t *v;
        json_object_foreach(j, key, v)
        {
            if (!wants(q, key))
                continue;
            char *dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
            if (dump == NULL) {
                json_decref(j);
                return BC_ENOMEM;
            }
            bc_buf_printf(out, "%s", first ? "" : ",");
            bc_buf_json_string(out, key, strlen(key));
            bc_buf_putc(out, ':');
            bc_buf_puts(out, dump);
            free(dump);
            first = 0;
        }
        bc_buf_putc(out, '}');
    } else {
        for (const char *const *f = r->fields; *f != NULL; f++) {
            if (!wants(q, *f))
                continue;
            if (!first)
                bc_buf_putc(out, ',');
            csv_cell(out, json_object_get(j, *f), *f);
            first = 0;
        }
        bc_buf_puts(out, "\r\n");
    }
    json_decref(j);
    return BC_OK;
}

/* ---- the list handler -------------------------------------------------------------- */

/* Validates the whole request into q; on failure fills res and returns its status. */
static int prepare_list(bc_request *req, const bc_resource *r, list_query *q, bc_response *res)
{
    memset(q, 0, sizeof *q);
    int status = bind_query(req, r->filters, COMMON, q->b, &q->n, res);
    if (status != 0)
        return status;
    const bound *lim = find_bound(q->b, q->n, "limit"), *off = find_bound(q->b, q->n, "offset"),
                *tot = find_bound(q->b, q->n, "total"), *srt = find_bound(q->b, q->n, "sort"),
                *cur = find_bound(q->b, q->n, "cursor"), *fld = find_bound(q->b, q->n, "fields"),
                *fmt = find_bound(q->b, q->n, "format");
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
        else
            return bc_problem(res, 400, "invalid_parameter", "format",
                              "unknown format '%.40s'; allowed: json, csv", fmt->text);
    }
    if (q->format == 0)
        return bc_problem(res, 406, "not_acceptable", NULL,
                          "lists are available as application/json and text/csv");
    status = parse_sort(req, r, srt ? srt->text : r->default_sort, q, res);
    if (status == 0 && fld != NULL)
        status = parse_fields(req, r->fields, fld->text, q, res);
    if (status == 0 && cur != NULL)
        status = parse_cursor(cur->text, q, res);
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
    for (size_t i = 0; i < q->nkeys; i++) {
        int col = (int)i + 1;
        if (q->keys[i].f->type == BC_SORT_TEXT)
            json_array_append_new(a, json_string((const char *)sqlite3_column_text(st, col)));
        else if (q->keys[i].f->type == BC_SORT_INT)
            json_array_append_new(a, json_integer(sqlite3_column_int64(st, col)));
        else
            json_array_append_new(a, json_real(sqlite3_column_double(st, col)));
    }
    return a;
}

static void json_link_value(bc_buf *out, const char *link)
{
    if (link == NULL)
        bc_buf_puts(out, "null");
    else
        bc_buf_json_string(out, link, strlen(link));
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
    sqlite3_stmt *st = NULL;
    int rc = run_page(req, r, &q, &st, &err);
    /* one id more than the page tells whether more rows follow */
    json_t *ids = json_array();
    json_t *head = NULL, *tail = NULL; /* sort keys of the first and last row read: cursors */
    int more = 0;
    if (rc == BC_OK) {
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            if ((long)json_array_size(ids) == q.limit) {
                more = 1;
                break;
            }
            json_array_append_new(ids, json_string((const char *)sqlite3_column_text(st, 0)));
            json_t *k = row_keys(st, &q);
            if (head == NULL) {
                head = k;
            } else {
                json_decref(tail);
                tail = k;
            }
        }
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            rc = bc_store_error(req->store, &err, "listing");
    }
    sqlite3_finalize(st); /* a one-shot statement (bc_store_prepare); NULL-safe */
    size_t count = json_array_size(ids);
    long total = -1;
    if (rc == BC_OK && q.want_total) {
        bc_buf sql = BC_BUF_INIT;
        bc_buf_printf(&sql, "SELECT count(*) FROM %s", r->from);
        append_where(&sql, r, q.b, q.n);
        sqlite3_stmt *cst = NULL;
        rc = bc_buf_failed(&sql) ? bc_err_set(&err, BC_ENOMEM, "out of memory")
                                 : bc_store_prepare(req->store, sql.data, &cst, &err);
        bc_buf_free(&sql);
        if (rc == BC_OK) {
            bind_filters(cst, q.b, q.n);
            if (sqlite3_step(cst) == SQLITE_ROW)
                total = (long)sqlite3_column_int64(cst, 0);
            else
                rc = bc_store_error(req->store, &err, "counting");
        }
        sqlite3_finalize(cst);
    }
    /* a backward page was read in reverse order */
    size_t first = q.backward ? count - 1 : 0;
    int step_dir = q.backward ? -1 : 1;
    /* links: offset paging keeps offsets, otherwise keyset cursors */
    const char *next = NULL, *prev = NULL;
    bc_buf nb = BC_BUF_INIT, pb = BC_BUF_INIT;
    if (rc == BC_OK && q.has_offset) {
        if (more)
            write_link(&nb, r, &q, q.offset + q.limit, NULL);
        if (q.offset > 0)
            write_link(&pb, r, &q, q.offset > q.limit ? q.offset - q.limit : 0, NULL);
    } else if (rc == BC_OK && count > 0) {
        /* a backward page was read last row first */
        json_t *first_keys = q.backward ? (tail ? tail : head) : head;
        json_t *last_keys = q.backward ? head : (tail ? tail : head);
        int has_next = q.backward ? 1 : more;
        int has_prev = q.backward ? more : q.cursor != NULL;
        if (has_next)
            write_link(&nb, r, &q, 0, make_cursor(req, &q, last_keys, 0));
        if (has_prev)
            write_link(&pb, r, &q, 0, make_cursor(req, &q, first_keys, 1));
    }
    next = nb.len ? nb.data : NULL;
    prev = pb.len ? pb.data : NULL;

    bc_buf *out = &res->body;
    if (q.format == BC_FMT_CSV)
        csv_header(out, r, &q);
    else
        bc_buf_puts(out, "{\"data\":[");
    for (size_t i = 0; rc == BC_OK && i < count; i++) {
        const char *id = json_string_value(json_array_get(ids, first + (size_t)step_dir * i));
        sqlite3_stmt *doc;
        rc = bc_store_stmt(req->store, r->doc_sql, &doc, &err);
        if (rc != BC_OK)
            break;
        sqlite3_bind_text(doc, 1, id, -1, SQLITE_STATIC);
        if (sqlite3_step(doc) == SQLITE_ROW) {
            if (i > 0 && q.format == BC_FMT_JSON)
                bc_buf_putc(out, ',');
            rc = emit_doc(r, &q, (const char *)sqlite3_column_text(doc, 0),
                          (size_t)sqlite3_column_bytes(doc, 0), out);
            if (rc != BC_OK)
                bc_err_set(&err, rc, "out of memory rendering a document");
        } else {
            rc = bc_store_error(req->store, &err, "reading a document");
        }
        sqlite3_reset(doc);
    }
    if (q.format == BC_FMT_JSON) {
        bc_buf_printf(out, "],\"meta\":{\"count\":%zu,\"limit\":%ld", count, q.limit);
        if (q.has_offset)
            bc_buf_printf(out, ",\"offset\":%ld", q.offset);
        if (total >= 0)
            bc_buf_printf(out, ",\"total\":%ld", total);
        bc_buf_puts(out, ",\"sort\":");
        bc_buf_json_string(out, q.sort_spec, strlen(q.sort_spec));
        bc_buf_puts(out, ",\"filters\":{");
        int firstf = 1;
        for (size_t i = 0; i < q.n; i++) {
            if (q.b[i].spec->where == NULL)
                continue;
            bc_buf_printf(out, "%s\"%s\":", firstf ? "" : ",", q.b[i].spec->name);
            if (q.b[i].spec->type == BC_PARAM_INT)
                bc_buf_printf(out, "%ld", q.b[i].num);
            else if (q.b[i].spec->type == BC_PARAM_BOOL)
                bc_buf_puts(out, q.b[i].num ? "true" : "false");
            else
                bc_buf_json_string(out, q.b[i].shown, strlen(q.b[i].shown));
            firstf = 0;
        }
        bc_buf_puts(out, "}},\"links\":{\"self\":");
        bc_buf self = BC_BUF_INIT;
        write_link(&self, r, &q, q.offset,
                   find_bound(q.b, q.n, "cursor") ? find_bound(q.b, q.n, "cursor")->text : NULL);
        json_link_value(out, self.data);
        bc_buf_free(&self);
        bc_buf_puts(out, ",\"next\":");
        json_link_value(out, next);
        bc_buf_puts(out, ",\"prev\":");
        json_link_value(out, prev);
        bc_buf_puts(out, "}}");
    } else {
        res->content_type = "text/csv";
    }
    if (next != NULL && prev != NULL)
        bc_response_header(res, "Link", "<%s>; rel=\"next\", <%s>; rel=\"prev\"", next, prev);
    else if (next != NULL || prev != NULL)
        bc_response_header(res, "Link", "<%s>; rel=\"%s\"", next ? next : prev,
                           next ? "next" : "prev");
    if (total >= 0)
        bc_response_header(res, "X-Total-Count", "%ld", total);
    bc_buf_free(&nb);
    bc_buf_free(&pb);
    json_decref(ids);
    json_decref(head);
    json_decref(tail);
    json_decref(q.cursor);
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
    list_query q;
    memset(&q, 0, sizeof q);
    int status = bind_query(req, DETAIL, NULL, q.b, &q.n, res);
    if (status != 0)
        return status;
    q.format = BC_FMT_JSON;
    const bound *fld = find_bound(q.b, q.n, "fields");
    if (fld != NULL && (status = parse_fields(req, r->fields, fld->text, &q, res)) != 0)
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
    sqlite3_stmt *st = NULL;
    int found = 0;
    if (rc == BC_OK)
        rc = bc_store_stmt(req->store, r->doc_sql, &st, &err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        int step = sqlite3_step(st);
        found = step == SQLITE_ROW;
        if (found)
            rc = emit_doc(r, &q, (const char *)sqlite3_column_text(st, 0),
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
