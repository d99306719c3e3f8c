/* resource_sql.c: the SQL of a list, composed only from the resource's constant
 * fragments and '?' placeholders: the filtered, keyset-paged query of ids, the total and
 * the facet counts, and reading them into a list_page (resource_int.h). */
#include "resource_int.h"

#include "bordercoop/text.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* The condition bound filter b applies: its narrow one for a value that selects few rows
 * (bc_param_spec.narrow_where), else its own. */
static const char *where_of(const bound *b)
{
    const bc_param_spec *sp = b->spec;
    if (sp->narrow_where != NULL && sp->narrow_values != NULL && b->text != NULL &&
        bc_text_listed(sp->narrow_values, b->text, strlen(b->text)))
        return sp->narrow_where;
    return sp->where;
}

/* The WHERE clause: the resource's fixed condition and each bound filter's fragment (with
 * ?exact=true, also that the filter's field is not marked inferred). */
static void append_where(bc_buf *sql, const bc_resource *r, const bound *b, size_t n)
{
    bc_buf_puts(sql, " WHERE 1 = 1");
    if (r->fixed_where != NULL) {
        bc_buf_puts(sql, " AND (");
        bc_buf_puts(sql, r->fixed_where);
        bc_buf_putc(sql, ')');
    }
    const bound *exact = bc_params_get(b, n, "exact");
    for (size_t i = 0; i < n; i++) {
        if (b[i].spec->where != NULL) {
            bc_buf_puts(sql, " AND (");
            bc_buf_puts(sql, where_of(&b[i]));
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

/* Binds every filter value to each '?' of its fragment, in order, from ?1: the next
 * index into *idx. A numbered placeholder (?1) in a fragment, which the count cannot
 * follow, or a failed bind is an error (err set) naming the resource and the filter. */
static int bind_filters(const bc_resource *r, sqlite3_stmt *st, const bound *b, size_t n, int *idx,
                        bc_err *err)
{
    *idx = 1;
    for (size_t i = 0; i < n; i++) {
        const char *w = where_of(&b[i]);
        for (; w != NULL && *w; w++) {
            if (*w != '?')
                continue;
            if (w[1] >= '0' && w[1] <= '9')
                return bc_err_set(err, BC_EINVAL,
                                  "resource %s: the fragment of filter %s numbers a placeholder",
                                  r->name, b[i].spec->name);
            int rc = b[i].spec->type == BC_PARAM_INT || b[i].spec->type == BC_PARAM_BOOL
                         ? sqlite3_bind_int64(st, *idx, b[i].num)
                         : sqlite3_bind_text(st, *idx, b[i].text, -1, SQLITE_STATIC);
            if (rc != SQLITE_OK)
                return bc_err_set(err, BC_EINVAL, "resource %s: binding filter %s at ?%d: %s",
                                  r->name, b[i].spec->name, *idx, sqlite3_errstr(rc));
            (*idx)++;
        }
    }
    return BC_OK;
}

/* st has exactly `values` placeholders, the values counted from the filters b[0..n) and
 * the rest of the statement: a fragment with a '?' that is no placeholder (inside a
 * literal) would shift every later value. The error names the filters applied. */
static int check_count(const bc_resource *r, sqlite3_stmt *st, const bound *b, size_t n, int values,
                       bc_err *err)
{
    int want = sqlite3_bind_parameter_count(st);
    if (values == want)
        return BC_OK;
    char names[200] = "";
    size_t len = 0;
    for (size_t i = 0; i < n && len < sizeof names; i++)
        if (b[i].spec->where != NULL)
            len += (size_t)snprintf(names + len, sizeof names - len, "%s%s", len ? ", " : "",
                                    b[i].spec->name);
    return bc_err_set(err, BC_EINVAL,
                      "resource %s: %d values for %d placeholders; a '?' of the fragment of "
                      "filter %s is not a placeholder",
                      r->name, values, want, names);
}
/* Counts the rows of r that filters b[0..n) match into *count; what names the step in
 * an error. */
static int count_rows(bc_request *req, const bc_resource *r, const bound *b, size_t n, long *count,
                      const char *what, bc_err *err)
{
    bc_buf sql = BC_BUF_INIT;
    bc_buf_printf(&sql, "SELECT count(*) FROM %s", r->from);
    append_where(&sql, r, b, n);
    sqlite3_stmt *st = NULL;
    int rc = bc_buf_failed(&sql) ? bc_err_set(err, BC_ENOMEM, "out of memory")
                                 : bc_store_prepare(req->store, sql.data, &st, err);
    bc_buf_free(&sql);
    int idx = 1;
    if (rc == BC_OK)
        rc = bind_filters(r, st, b, n, &idx, err);
    if (rc == BC_OK)
        rc = check_count(r, st, b, n, idx - 1, err);
    if (rc == BC_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            *count = (long)sqlite3_column_int64(st, 0);
        else
            rc = bc_store_error(req->store, err, what);
    }
    sqlite3_finalize(st);
    return rc;
}

static int cover_merged_count(bc_request *req, const bc_facet *f, const char *set, const char *prov,
                              long *count, bc_err *err);

int bc_list_count_of(bc_request *req, const bc_resource *r, const char *filter, const char *value,
                     const char *set, long *count, bc_err *err)
{
    /* the facet's cover counts exactly the list filtered by the province and the set
     * (resource.h, bc_facet), from an index instead of a walk of the facts */
    for (const bc_facet *f = r->facets; f != NULL && f->name != NULL; f++)
        if (f->cover_merged != NULL && strcmp(f->name, filter) == 0)
            return cover_merged_count(req, f, set, value, count, err);
    bound b[16];
    size_t n = 0;
    int filtered = 0;
    for (const bc_param_spec *f = r->filters; f != NULL && f->name != NULL && n < 16; f++) {
        const char *v = strcmp(f->name, "curation") == 0 ? set
                        : strcmp(f->name, filter) == 0   ? value
                                                         : f->dflt;
        filtered |= strcmp(f->name, filter) == 0;
        if (v == NULL)
            continue;
        memset(&b[n], 0, sizeof b[n]);
        b[n].spec = f;
        b[n].text = b[n].shown = v;
        b[n++].dflt = 1;
    }
    if (!filtered) /* a descriptor naming a filter its list lacks: never its whole total */
        return bc_err_set(err, BC_EINVAL, "resource %s has no filter %s to count by", r->name,
                          filter);
    return count_rows(req, r, b, n, count, "counting a list", err);
}

/* 1 when every sort key (the id tie-break included) runs in the same direction. */
static int one_direction(const list_query *q)
{
    for (size_t i = 1; i < q->nkeys; i++)
        if (q->keys[i].desc != q->keys[0].desc)
            return 0;
    return 1;
}

/* Binds cursor value k (a string, integer or real) at idx: SQLite's result code. */
static int bind_cursor_value(sqlite3_stmt *st, int idx, const json_t *cursor, size_t k)
{
    json_t *v = json_array_get(cursor, k + 2);
    if (json_is_string(v))
        return sqlite3_bind_text(st, idx, json_string_value(v), -1, SQLITE_STATIC);
    if (json_is_integer(v))
        return sqlite3_bind_int64(st, idx, json_integer_value(v));
    return sqlite3_bind_double(st, idx, json_number_value(v));
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
    int status = bc_list_prepare(req, r, &q, res);
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
    int idx = 1, brc = SQLITE_OK;
    rc = bind_filters(r, *out, q->b, q->n, &idx, err);
    /* the keyset values (one per key, or a triangle of them when directions mix), then
     * LIMIT and OFFSET */
    size_t keyset = q->cursor == NULL  ? 0
                    : one_direction(q) ? q->nkeys
                                       : q->nkeys * (q->nkeys + 1) / 2;
    if (rc == BC_OK)
        rc = check_count(r, *out, q->b, q->n, idx - 1 + (int)keyset + 2, err);
    if (rc != BC_OK)
        return rc;
    /* the same order the keyset clause above wrote its placeholders in */
    if (q->cursor != NULL && one_direction(q))
        for (size_t i = 0; i < q->nkeys && brc == SQLITE_OK; i++)
            brc = bind_cursor_value(*out, idx++, q->cursor, i);
    else
        for (size_t i = 0; q->cursor != NULL && i < q->nkeys && brc == SQLITE_OK; i++)
            for (size_t k = 0; k <= i && brc == SQLITE_OK; k++)
                brc = bind_cursor_value(*out, idx++, q->cursor, k);
    if (brc == SQLITE_OK)
        brc = sqlite3_bind_int64(*out, idx, q->limit + 1);
    if (brc == SQLITE_OK)
        brc = sqlite3_bind_int64(*out, idx + 1, q->offset);
    if (brc != SQLITE_OK)
        rc = bc_err_set(err, BC_EINVAL, "resource %s: binding the page's position: %s", r->name,
                        sqlite3_errstr(brc));
    return rc;
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

/* The curation set of q when it is the request's only filter (?exact=false aside), for a
 * facet with a cover (bc_facet.cover) to count from; NULL when the facet has none, the
 * request filters by more, or the set is one of few rows (the filter's narrow values),
 * which the curation's own index reads faster than a walk of the cover. */
static const char *cover_set(const list_query *q, const bc_facet *f)
{
    if (f->cover == NULL)
        return NULL;
    const char *set = NULL;
    for (size_t i = 0; i < q->n; i++) {
        const bc_param_spec *sp = q->b[i].spec;
        if (sp == NULL || sp->where == NULL)
            continue;
        if (strcmp(sp->name, "curation") == 0 && where_of(&q->b[i]) == sp->where)
            set = q->b[i].text;
        else if (strcmp(sp->name, "curation") == 0)
            return NULL;
        else if (strcmp(sp->name, "exact") != 0 || q->b[i].num != 0)
            return NULL;
    }
    return set;
}

/* The facet query: each value of f over the filtered items, with how many items have
 * it, most first. Composed only from constant fragments, like the page query. With
 * ?exact=true a value the facet's filter would not match (one its `reads` name as
 * inferred) is counted as null. */
static void build_facet_sql(const bc_resource *r, const list_query *q, const bc_facet *f,
                            bc_buf *sql)
{
    const bc_param_spec *dim = bc_list_find_spec(r->filters, f->name);
    const bound *exact = bc_params_get(q->b, q->n, "exact");
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
    int status = bc_list_prepare(req, r, &q, res);
    json_decref(q.cursor);
    if (status != 0)
        return status;
    for (const bc_facet *f = r->facets; f != NULL && f->name != NULL; f++)
        if (strcmp(f->name, facet) == 0) {
            if (cover_set(&q, f) != NULL)
                bc_buf_puts(sql, f->cover);
            else
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

/* Orders buckets again (bucket_cmp) after counts were set or added one by one. */
static int sort_buckets(json_t *buckets, bc_err *err)
{
    size_t n = json_array_size(buckets);
    if (n < 2)
        return BC_OK;
    json_t **items = malloc(n * sizeof *items);
    if (items == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory counting a facet");
    for (size_t i = 0; i < n; i++)
        items[i] = json_incref(json_array_get(buckets, i));
    qsort(items, n, sizeof *items, bucket_cmp);
    json_array_clear(buckets);
    int rc = BC_OK;
    for (size_t i = 0; i < n; i++)
        if (json_array_append_new(buckets, items[i]) != 0) {
            for (size_t k = i + 1; k < n; k++)
                json_decref(items[k]);
            rc = bc_err_set(err, BC_ENOMEM, "out of memory counting a facet");
            break;
        }
    free(items);
    return rc;
}

/* The count of f's cover_merged for curation set `set` and province prov into *count. */
static int cover_merged_count(bc_request *req, const bc_facet *f, const char *set, const char *prov,
                              long *count, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(req->store, f->cover_merged, &st, err);
    if (rc != BC_OK)
        return rc;
    if (sqlite3_bind_text(st, 1, set, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_text(st, 2, prov, -1, SQLITE_STATIC) != SQLITE_OK)
        rc = bc_store_error(req->store, err, "counting a facet");
    else if (sqlite3_step(st) == SQLITE_ROW)
        *count = (long)sqlite3_column_int64(st, 0);
    else
        rc = bc_store_error(req->store, err, "counting a facet");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc;
}

/* The province facet: a province other provinces were merged into counts what its
 * filter matches, their items included (Tuyen Quang with Ha Giang's), so each such
 * province's bucket is one more count, of the list filtered by it (the request's filters
 * and `dim`, the province filter, bound to it; with `set`, the curation set the buckets
 * were counted from f's cover for, f's cover_merged); the buckets are then ordered again. */
static int merged_province_counts(bc_request *req, const bc_resource *r, const list_query *q,
                                  const bc_facet *f, const char *set, const bc_param_spec *dim,
                                  json_t *buckets, bc_err *err)
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
        bound b[sizeof q->b / sizeof q->b[0] + 1];
        memcpy(b, q->b, q->n * sizeof *b);
        memset(&b[q->n], 0, sizeof b[q->n]);
        b[q->n].spec = dim;
        b[q->n].text = b[q->n].shown = prov;
        long count = 0;
        rc = set != NULL && f->cover_merged != NULL
                 ? cover_merged_count(req, f, set, prov, &count, err)
                 : count_rows(req, r, b, q->n + 1, &count, "counting a facet", err);
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
            json_t *nb = json_pack("{s:s,s:I}", "value", prov, "count", (json_int_t)count);
            if (nb == NULL || json_array_append_new(buckets, nb) != 0)
                rc = bc_err_set(err, BC_ENOMEM, "out of memory counting a facet");
            changed = 1;
        }
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(req->store, err, "reading merged provinces");
    sqlite3_reset(mt);
    if (rc == BC_OK && changed)
        rc = sort_buckets(buckets, err);
    return rc;
}

/* A facet counted value by value (f->each): each value of the set the request's filter
 * of the facet names, counted as the list with that filter bound to it (the request's
 * other filters kept), into buckets; values that list nothing are left out. */
static int each_value_counts(bc_request *req, const bc_resource *r, const list_query *q,
                             const bc_facet *f, json_t *buckets, bc_err *err)
{
    bound b[sizeof q->b / sizeof q->b[0]];
    memcpy(b, q->b, q->n * sizeof *b);
    bound *dim = NULL;
    for (size_t i = 0; i < q->n; i++)
        if (b[i].spec != NULL && strcmp(b[i].spec->name, f->name) == 0)
            dim = &b[i];
    if (dim == NULL)
        return bc_err_set(err, BC_EINVAL, "resource %s: facet %s has no filter bound", r->name,
                          f->name);
    sqlite3_stmt *st;
    int rc = bc_store_stmt(req->store, f->each, &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, dim->text, -1, SQLITE_TRANSIENT);
    int step;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        const char *v = t != NULL ? bc_arena_strndup(req->arena, t, strlen(t)) : NULL;
        if (v == NULL) {
            rc = bc_err_set(err, BC_ENOMEM, "out of memory counting a facet");
            break;
        }
        dim->text = dim->shown = v;
        long count = 0;
        rc = count_rows(req, r, b, q->n, &count, "counting a facet", err);
        json_t *nb = rc == BC_OK && count > 0
                         ? json_pack("{s:s,s:I}", "value", v, "count", (json_int_t)count)
                         : NULL;
        if (rc == BC_OK && count > 0 && (nb == NULL || json_array_append_new(buckets, nb) != 0))
            rc = bc_err_set(err, BC_ENOMEM, "out of memory counting a facet");
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(req->store, err, "reading a facet's values");
    sqlite3_reset(st);
    if (rc == BC_OK)
        rc = sort_buckets(buckets, err);
    return rc;
}

/* Runs one facet query into page->facets[f->name]. */
static int read_facet(bc_request *req, const bc_resource *r, const list_query *q, const bc_facet *f,
                      list_page *page, bc_err *err)
{
    const char *set = f->each == NULL ? cover_set(q, f) : NULL;
    bc_buf sql = BC_BUF_INIT;
    if (f->each == NULL && set == NULL)
        build_facet_sql(r, q, f, &sql);
    sqlite3_stmt *st = NULL;
    int rc = f->each != NULL       ? BC_OK
             : set != NULL         ? bc_store_stmt(req->store, f->cover, &st, err)
             : bc_buf_failed(&sql) ? bc_err_set(err, BC_ENOMEM, "out of memory")
                                   : bc_store_prepare(req->store, sql.data, &st, err);
    bc_buf_free(&sql);
    json_t *buckets = rc == BC_OK ? json_array() : NULL;
    if (rc == BC_OK &&
        (buckets == NULL || (page->facets == NULL && (page->facets = json_object()) == NULL)))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    if (rc == BC_OK && f->each != NULL)
        rc = each_value_counts(req, r, q, f, buckets, err);
    int idx = 1;
    if (rc == BC_OK && set != NULL && sqlite3_bind_text(st, 1, set, -1, SQLITE_STATIC) != SQLITE_OK)
        rc = bc_store_error(req->store, err, "counting a facet");
    if (rc == BC_OK && st != NULL && set == NULL)
        rc = bind_filters(r, st, q->b, q->n, &idx, err);
    if (rc == BC_OK && st != NULL && set == NULL)
        rc = check_count(r, st, q->b, q->n, idx - 1, err);
    if (rc == BC_OK && st != NULL) {
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
    if (set != NULL && st != NULL) {
        sqlite3_reset(st); /* a cached statement (bc_store_stmt) */
        sqlite3_clear_bindings(st);
    } else {
        sqlite3_finalize(st);
    }
    const bc_param_spec *dim = bc_list_find_spec(r->filters, f->name);
    if (rc == BC_OK && dim != NULL && strcmp(f->name, "province") == 0)
        rc = merged_province_counts(req, r, q, f, set, dim, buckets, err);
    if (rc == BC_OK && json_object_set(page->facets, f->name, buckets) != 0)
        rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    json_decref(buckets);
    return rc;
}

/* Reads the page of ids (one more than the limit tells whether more rows follow) and
 * the sort keys of its first and last row. */
int bc_list_read_page(bc_request *req, const bc_resource *r, list_query *q, list_page *page,
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
    if (rc == BC_OK && (q->want_total || q->nfacets > 0))
        rc = count_rows(req, r, q->b, q->n, &page->total, "counting", err);
    for (size_t i = 0; rc == BC_OK && i < q->nfacets; i++)
        rc = read_facet(req, r, q, q->facets[i], page, err);
    return rc;
}
