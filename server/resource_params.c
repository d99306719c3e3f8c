/* resource_params.c: a list or detail request's query parameters validated into a
 * list_query (resource_int.h): filters and their lookups, limit/offset/total/format,
 * sort keys, ?fields= and ?facets=. No SQL is composed here. */
#include "resource_int.h"

#include "bordercoop/changes.h"
#include "bordercoop/date.h"
#include "bordercoop/negotiate.h"
#include "bordercoop/query.h"
#include "bordercoop/text.h"

#include <stdlib.h>
#include <string.h>

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

/* Detail endpoints take only these: `curation` names the set the item must be in
 * (resource.c: a rejected fact is served only when asked for). */
static const bc_param_spec DETAIL[] = {
    {"fields", BC_PARAM_TEXT},
    {"curation", BC_PARAM_TEXT, NULL,
     "SELECT DISTINCT name FROM curation_sets WHERE name = ? COLLATE NOCASE", NULL,
     "trusted, all, curated, reviewed, extracted, rejected"},
    {NULL},
};

const bc_param_spec *bc_list_find_spec(const bc_param_spec *list, const char *name)
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

/* A boolean parameter's value: 1 for "true" or "1", 0 for "false" or "0", -1 otherwise. */
static int bool_value(const char *value)
{
    if (strcmp(value, "true") == 0 || strcmp(value, "1") == 0)
        return 1;
    if (strcmp(value, "false") == 0 || strcmp(value, "0") == 0)
        return 0;
    return -1;
}

/* Validates one parameter's value into b; on failure fills res and returns its status. */
static int validate(bc_request *req, const bc_param_spec *spec, const char *value, bound *b,
                    bc_response *res)
{
    b->spec = spec;
    b->text = b->shown = value;
    b->num = 0;
    b->dflt = 0;
    if (*value == '\0')
        return bc_problem(res, 400, "invalid_parameter", spec->name,
                          "parameter '%s' must not be empty", spec->name);
    switch (spec->type) {
    case BC_PARAM_INT: {
        char *end;
        long v = strtol(value, &end, 10);
        if (spec->past_max && *end == '\0' && value[0] >= '0' && value[0] <= '9' &&
            v > spec->max) { /* past LONG_MAX strtol answers LONG_MAX: past max all the same */
            b->num = spec->max + 1;
            return 0;
        }
        if (*end != '\0' || value[0] == '+' || value[0] == ' ' || v < spec->min || v > spec->max)
            return bc_problem(res, 400, "invalid_parameter", spec->name,
                              "parameter '%s' must be a whole number from %ld to %ld, got '%.60s'",
                              spec->name, spec->min, spec->max, value);
        b->num = v;
        return 0;
    }
    case BC_PARAM_BOOL:
        b->num = bool_value(value);
        if (b->num < 0)
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
            return bc_problem_internal(res, NULL, "out of memory");
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
            return bc_problem_internal(res, NULL, "out of memory");
        }
        input = frc == BC_OK && key.len > 0 ? key.data : "";
    }
    sqlite3_stmt *st;
    bc_err err;
    int status = 0;
    if (bc_store_stmt(req->store, spec->lookup_sql, &st, &err) != BC_OK) {
        status = bc_problem_internal(res, err.msg, BC_LIST_FAILED);
    } else {
        sqlite3_bind_text(st, 1, input, -1, SQLITE_STATIC); /* no copy: cannot fail */
        int step = sqlite3_step(st);
        if (step == SQLITE_ROW) {
            const char *v = (const char *)sqlite3_column_text(st, 0);
            b->text = b->shown = v != NULL ? bc_arena_strndup(req->arena, v, strlen(v)) : NULL;
            if (b->text == NULL)
                status = bc_problem_internal(res, NULL, "out of memory");
        } else if (step != SQLITE_DONE) {
            bc_store_error(req->store, &err, "parameter lookup");
            status = bc_problem_internal(res, err.msg, BC_LIST_FAILED);
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

/* from= after to= selects nothing, whatever the data: a 400 naming `to` rather than an
 * empty list that reads as "no such facts" (the days compared are the first `from` covers
 * and the last `to` covers, so from=2025&to=2025 is the whole year). */
static int date_range(const bound *b, size_t n, bc_response *res)
{
    const bound *from = NULL, *to = NULL;
    for (size_t i = 0; i < n; i++) {
        if (b[i].spec->type == BC_PARAM_DATE_FROM)
            from = &b[i];
        else if (b[i].spec->type == BC_PARAM_DATE_TO)
            to = &b[i];
    }
    if (from == NULL || to == NULL || strcmp(from->text, to->text) <= 0)
        return 0;
    return bc_problem(res, 400, "invalid_parameter", to->spec->name,
                      "parameter '%s' (%.40s) ends before '%s' (%.40s) starts: nothing lies "
                      "between them; give a 'to' on or after 'from'",
                      to->spec->name, to->shown, from->spec->name, from->shown);
}

int bc_params_parse(bc_request *req, const bc_param_spec *specs, const bc_param_spec *more,
                    bc_param *out, size_t *nout, bc_response *res)
{
    bc_qpair *pairs;
    size_t n;
    *nout = 0;
    int bad = bc_request_query(req, res, &pairs, &n);
    if (bad != 0)
        return bad;
    for (size_t i = 0; i < n; i++) {
        const bc_param_spec *spec = bc_list_find_spec(specs, pairs[i].key);
        if (spec == NULL)
            spec = bc_list_find_spec(more, pairs[i].key);
        if (spec == NULL) {
            bc_buf names = BC_BUF_INIT;
            list_names(&names, specs, more);
            int st = names.len == 0
                         ? bc_problem(res, 400, "unknown_parameter", pairs[i].key,
                                      "unknown parameter '%.60s'; %s %s takes no query parameters",
                                      pairs[i].key, req->method, req->path)
                         : bc_problem(res, 400, "unknown_parameter", pairs[i].key,
                                      "unknown parameter '%.60s'; allowed: %s", pairs[i].key,
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
    return date_range(out, *nout, res);
}

const bc_param *bc_params_get(const bc_param *p, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].spec->name, name) == 0)
            return &p[i];
    return NULL;
}

const char *bc_params_text(const bc_param *p, size_t n, const char *name, const char *dflt)
{
    const bc_param *v = bc_params_get(p, n, name);
    return v != NULL ? v->text : dflt;
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
        /* a canonical spec that could not be written is a 500, never an empty meta.sort */
        q->sort_spec =
            bc_buf_failed(&canon) ? NULL : bc_arena_strndup(req->arena, canon.data, canon.len);
        if (q->sort_spec == NULL)
            status = bc_problem_internal(res, NULL, "out of memory");
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

/* ?changed_since= past the newest entry of the change feed is a 400, as since= is on
 * /v1/changes: the number is from another store's feed (or a rebuilt one), and a list
 * polled with it would stay empty while the entries it misses have smaller numbers. */
static int changed_since_past_end(bc_request *req, const list_query *q, bc_response *res)
{
    const bound *since = bc_params_get(q->b, q->n, "changed_since");
    if (since == NULL)
        return 0;
    long long latest = 0;
    bc_err err;
    if (bc_changes_latest(req->store, &latest, &err) != 0)
        return bc_problem_internal(res, err.msg, BC_LIST_FAILED);
    if (since->num <= latest)
        return 0;
    return bc_problem(res, 400, "since_past_end", "changed_since",
                      "changed_since=%.40s is past the newest entry of this store's change feed "
                      "(latest_seq %lld, see /v1/changes): the number is not from this store's "
                      "feed; list again without it, or from changed_since=%lld for changes "
                      "from now on",
                      since->text, latest, latest);
}

int bc_list_prepare(bc_request *req, const bc_resource *r, list_query *q, bc_response *res)
{
    memset(q, 0, sizeof *q);
    int status = bc_params_parse(req, r->filters, COMMON, q->b, &q->n, res);
    if (status == 0)
        status = changed_since_past_end(req, q, res);
    if (status != 0)
        return status;
    /* filters with a default apply when absent (?curation= is trusted unless asked) */
    for (const bc_param_spec *f = r->filters; f != NULL && f->name != NULL; f++)
        if (f->dflt != NULL && bc_params_get(q->b, q->n, f->name) == NULL &&
            q->n < sizeof q->b / sizeof q->b[0]) {
            bound *d = &q->b[q->n++];
            d->spec = f;
            d->text = d->shown = f->dflt;
            d->dflt = 1;
        }
    /* a collection of one item: its rows (the item's existence is the handler's) */
    if (r->parent != NULL) {
        bound *d = &q->b[q->n++];
        d->spec = r->parent_filter;
        d->text = d->shown = q->parent_id = req->route_id;
        d->dflt = 1;
    }
    const bound *lim = bc_params_get(q->b, q->n, "limit"),
                *off = bc_params_get(q->b, q->n, "offset"),
                *tot = bc_params_get(q->b, q->n, "total"), *srt = bc_params_get(q->b, q->n, "sort"),
                *cur = bc_params_get(q->b, q->n, "cursor"),
                *fld = bc_params_get(q->b, q->n, "fields"),
                *fmt = bc_params_get(q->b, q->n, "format"),
                *fct = bc_params_get(q->b, q->n, "facets");
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
                          "'%.200s' is available as application/json and text/csv only; "
                          "GeoJSON is served for located items (border-gate-projects, "
                          "provinces)",
                          req->path);
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

int bc_resource_list_costly(const char *query, bc_arena *arena)
{
    bc_qpair *pairs;
    size_t n;
    bc_err err;
    if (query == NULL || query[0] == '\0' || bc_query_parse(query, arena, &pairs, &n, &err) != 0)
        return 0;
    long rows = BC_LIMIT_DEFAULT;
    int costly = 0;
    for (size_t i = 0; i < n; i++) {
        const char *k = pairs[i].key, *v = pairs[i].value;
        char *end;
        long num = strtol(v, &end, 10);
        int whole = end != v && *end == '\0' && num >= 0 && num <= BC_OFFSET_MAX;
        if (strcmp(k, "limit") == 0 && whole)
            rows += num - BC_LIMIT_DEFAULT;
        else if (strcmp(k, "offset") == 0 && whole)
            rows += num;
        else if (strcmp(k, "total") == 0)
            costly |= bool_value(v) == 1;
        else if (strcmp(k, "facets") == 0)
            costly = 1;
    }
    return costly || rows > BC_COSTLY_ROWS;
}

int bc_resource_list_counting(const char *query, bc_arena *arena)
{
    (void)query;
    (void)arena;
    return 1;
}

int bc_list_prepare_detail(bc_request *req, const bc_resource *r, list_query *q, bc_response *res)
{
    memset(q, 0, sizeof *q);
    int status = bc_params_parse(req, DETAIL, NULL, q->b, &q->n, res);
    if (status != 0)
        return status;
    q->format = BC_FMT_JSON;
    const bound *fld = bc_params_get(q->b, q->n, "fields");
    if (fld != NULL)
        status = parse_fields(r->fields, fld->text, q, res);
    return status;
}
