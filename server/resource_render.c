/* resource_render.c: how lists and items are written (see resource_int.h): the JSON
 * envelope with its meta and links, keyset cursors, sparse fieldsets, and CSV with the
 * columns each resource declares. */
#include "resource_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/csv.h"

#include "bordercoop/negotiate.h"
#include "bordercoop/query.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- cursors: base64url of [sort, "n"|"p", key values...] -------------------------- */

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
        if (c == NULL)
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
int bc_list_cursor_parse(const char *text, list_query *q, bc_response *res)
{
    bc_buf raw = BC_BUF_INIT;
    json_t *j = NULL;
    json_error_t je;
    int oom = 0;
    if (strlen(text) <= 2048 && unb64url(text, &raw) == 0 && raw.len > 0) {
        j = bc_json_loadb(raw.data, raw.len, 0, &je, &oom);
    }
    oom |= bc_buf_failed(&raw);
    bc_buf_free(&raw);
    if (oom)
        return bc_problem_internal(res, NULL, "out of memory reading the cursor");
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

/* A cursor at the row whose key values are vals, pointing forward or backward. */
static char *make_cursor(bc_request *req, const list_query *q, json_t *vals, int backward)
{
    json_t *c = json_pack("[s,s]", q->sort_spec, backward ? "p" : "n");
    char *text = c != NULL && json_array_extend(c, vals) == 0 ? json_dumps(c, JSON_COMPACT) : NULL;
    json_decref(c);
    if (text == NULL)
        return NULL; /* out of memory */
    bc_buf out = BC_BUF_INIT;
    b64url(&out, (const unsigned char *)text, strlen(text));
    free(text);
    char *copy = out.data != NULL && !bc_buf_failed(&out)
                     ? bc_arena_strndup(req->arena, out.data, out.len)
                     : NULL;
    bc_buf_free(&out);
    return copy;
}

/* ---- links ------------------------------------------------------------------------ */

int bc_list_wants(const list_query *q, const char *name)
{
    if (q->nfields == 0 || strcmp(name, "id") == 0)
        return 1;
    for (size_t i = 0; i < q->nfields; i++)
        if (strcmp(q->fields[i]->name, name) == 0)
            return 1;
    return 0;
}

/* Writes the list URL with the validated query and either an offset or a cursor. */
static void write_link(bc_buf *out, const bc_resource *r, const list_query *q, long offset,
                       const char *cursor)
{
    if (r->parent != NULL) {
        bc_buf_printf(out, "/v1/%s/", r->parent->name);
        bc_url_encode(out, q->parent_id);
        bc_buf_printf(out, "/%s", r->name);
    } else {
        bc_buf_printf(out, "/v1/%s", r->name);
    }
    char sep = '?';
    for (size_t i = 0; i < q->n; i++) {
        if (q->b[i].spec->where == NULL || q->b[i].dflt)
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
            bc_buf_printf(out, "%s%s", i ? "," : "", q->fields[i]->name);
        sep = '&';
    }
    if (q->nfacets > 0) {
        bc_buf_printf(out, "%cfacets=", sep);
        for (size_t i = 0; i < q->nfacets; i++)
            bc_buf_printf(out, "%s%s", i ? "," : "", q->facets[i]->name);
        sep = '&';
    }
    if (q->format_param != NULL) {
        bc_buf_printf(out, "%cformat=%s", sep,
                      q->format == BC_FMT_CSV       ? "csv"
                      : q->format == BC_FMT_GEOJSON ? "geojson"
                                                    : "json");
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

static void json_link_value(bc_buf *out, const char *link)
{
    if (link == NULL)
        bc_buf_puts(out, "null");
    else
        bc_buf_json_string(out, link, strlen(link));
}

/* ---- documents and CSV -------------------------------------------------------------- */

/* The value at a dotted path ("person.id", n bytes) below v, or NULL. */
static json_t *at_path(json_t *v, const char *path, size_t n)
{
    char key[64];
    for (const char *p = path, *end = path + n; v != NULL && p < end;) {
        size_t k = strcspn(p, ".");
        if (p + k > end)
            k = (size_t)(end - p);
        if (k >= sizeof key)
            return NULL;
        memcpy(key, p, k);
        key[k] = '\0';
        v = json_object_get(v, key);
        p += k + 1;
    }
    return v;
}

/* Appends text to a list item: '|' and '\' escaped with '\', so that a cell's items
 * split on the unescaped '|'. */
static void put_item_text(bc_buf *cell, const char *s)
{
    for (; *s; s++) {
        if (*s == '|' || *s == '\\')
            bc_buf_putc(cell, '\\');
        bc_buf_putc(cell, *s);
    }
}

static void put_json(bc_buf *cell, json_t *v);

/* Appends a scalar as text (a string as it is, a number, true/false; null as nothing);
 * an object as its "id" when it has one; anything else as compact JSON. */
static void put_scalar(bc_buf *cell, json_t *v, int item)
{
    if (v == NULL || json_is_null(v))
        return;
    if (json_is_string(v)) {
        if (item)
            put_item_text(cell, json_string_value(v));
        else
            bc_buf_puts(cell, json_string_value(v));
    } else if (json_is_integer(v)) {
        bc_buf_printf(cell, "%lld", (long long)json_integer_value(v));
    } else if (json_is_real(v)) {
        bc_buf_printf(cell, "%.15g", json_real_value(v));
    } else if (json_is_boolean(v)) {
        bc_buf_puts(cell, json_is_true(v) ? "true" : "false");
    } else if (json_is_object(v) && json_is_string(json_object_get(v, "id"))) {
        put_scalar(cell, json_object_get(v, "id"), item);
    } else {
        put_json(cell, v);
    }
}

/* Appends one list item: the members named by spec ("id", "person.id", "id+relation":
 * several joined by ':'), or the item itself when spec is NULL. */
static void put_item(bc_buf *cell, json_t *item, const char *spec)
{
    if (spec == NULL) {
        put_scalar(cell, item, 1);
        return;
    }
    for (const char *p = spec; *p;) {
        size_t n = strcspn(p, "+");
        if (p != spec)
            bc_buf_putc(cell, ':');
        put_scalar(cell, json_is_object(item) ? at_path(item, p, n) : item, 1);
        p += n + (p[n] == '+');
    }
}

/* Appends the items of an array joined by '|' (BC_CSV_LIST_SEP without its spaces). */
static void put_list(bc_buf *cell, json_t *arr, const char *spec)
{
    size_t i;
    json_t *item;
    json_array_foreach(arr, i, item)
    {
        if (i > 0)
            bc_buf_putc(cell, '|');
        put_item(cell, item, spec);
    }
}

static void put_json(bc_buf *cell, json_t *v)
{
    char *dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
    if (dump != NULL)
        bc_buf_puts(cell, dump);
    else
        cell->failed = 1;
    free(dump);
}

/* The text of field f's value v in a CSV cell, as the resource declared it. */
static void csv_text(bc_buf *cell, json_t *v, const bc_field *f)
{
    if (v == NULL || json_is_null(v))
        return;
    if (f->csv == BC_CSV_SOURCES && json_is_array(v))
        put_list(cell, v, "source_id+quote");
    else if (json_is_array(v))
        put_list(cell, v, f->csv == BC_CSV_LIST ? f->item : NULL);
    else if (f->csv == BC_CSV_LINK && json_is_object(v))
        put_scalar(cell, json_object_get(v, "self"), 0);
    else
        put_scalar(cell, v, 0); /* a reference is its id */
}

/* Appends one CSV cell for field f's value v, by the one CSV cell writer; numbers are
 * numbers and are never neutralised. */
static void csv_cell(bc_buf *out, json_t *v, const bc_field *f)
{
    bc_buf cell = BC_BUF_INIT;
    csv_text(&cell, v, f);
    bc_csv_cell(out, cell.data, cell.len, v != NULL && json_is_number(v));
    if (bc_buf_failed(&cell))
        out->failed = 1;
    bc_buf_free(&cell);
}

/* Calls fn for each member name of a BC_CSV_COLUMNS field ("value,unit,basis"). */
static void each_column(const bc_field *f, void (*fn)(const char *m, size_t n, void *ctx),
                        void *ctx)
{
    for (const char *m = f->item; m != NULL && *m;) {
        size_t n = strcspn(m, ",");
        fn(m, n, ctx);
        m += n + (m[n] == ',');
    }
}

typedef struct column_ctx {
    bc_buf *out;
    const bc_field *f;
    json_t *obj; /* the object whose members are written, or NULL */
    int *first;
} column_ctx;

static void column_head(const char *m, size_t n, void *ctx)
{
    column_ctx *c = ctx;
    bc_buf_printf(c->out, "%s%s_", *c->first ? "" : ",", c->f->name);
    for (size_t i = 0; i < n; i++)
        bc_buf_putc(c->out, m[i] == '.' ? '_' : m[i]);
    *c->first = 0;
}

static void column_cell(const char *m, size_t n, void *ctx)
{
    column_ctx *c = ctx;
    static const bc_field member = {"", BC_CSV_LIST, NULL};
    if (!*c->first)
        bc_buf_putc(c->out, ',');
    csv_cell(c->out, json_is_object(c->obj) ? at_path(c->obj, m, n) : NULL, &member);
    *c->first = 0;
}

void bc_list_begin(bc_buf *out, const bc_resource *r, const list_query *q)
{
    if (q->format == BC_FMT_GEOJSON) {
        bc_buf_puts(out, "{\"type\":\"FeatureCollection\",\"features\":[");
        return;
    }
    if (q->format != BC_FMT_CSV) {
        bc_buf_puts(out, "{\"data\":[");
        return;
    }
    int first = 1;
    for (const bc_field *f = r->fields; f->name != NULL; f++) {
        if (!bc_list_wants(q, f->name))
            continue;
        if (f->csv == BC_CSV_COLUMNS) {
            column_ctx c = {out, f, NULL, &first};
            each_column(f, column_head, &c);
            continue;
        }
        bc_buf_printf(out, "%s%s", first ? "" : ",", f->name);
        first = 0;
    }
    bc_buf_puts(out, "\r\n");
}

/* ---- GeoJSON ------------------------------------------------------------------------- */

/* A position [lon, lat] (RFC 7946 3.1.1) from a location object, rounded to 6 decimals
 * (about 0.1 m, RFC 7946 11.2); NULL when loc is not a location. */
static json_t *position(json_t *loc)
{
    json_t *lat = json_object_get(loc, "lat"), *lon = json_object_get(loc, "lon");
    if (!json_is_number(lat) || !json_is_number(lon))
        return NULL;
    return json_pack("[f,f]", round(json_number_value(lon) * 1e6) / 1e6,
                     round(json_number_value(lat) * 1e6) / 1e6);
}

/* The Feature of one document (new reference), NULL when out of memory. */
static json_t *feature(const bc_resource *r, const list_query *q, json_t *doc)
{
    json_t *coords = json_array(), *locations = json_array(), *props = json_object();
    json_t *f = NULL;
    int ok = coords != NULL && locations != NULL && props != NULL;
    for (const bc_geo_point *p = r->geo->points; ok && p->field != NULL; p++) {
        json_t *loc = json_object_get(doc, p->field);
        json_t *pos = position(loc);
        if (pos == NULL)
            continue;
        json_t *about = json_deep_copy(loc);
        ok = about != NULL && json_object_del(about, "lat") == 0 &&
             json_object_del(about, "lon") == 0 &&
             json_object_set_new(about, "side", json_string(p->side)) == 0 &&
             json_array_append_new(locations, about) == 0 &&
             json_array_append_new(coords, pos) == 0;
    }
    if (ok && q->nfields == 0) {
        for (const bc_geo_prop *p = r->geo->props; ok && p->name != NULL; p++) {
            json_t *v = p->field != NULL ? json_object_get(doc, p->field) : NULL;
            ok = json_object_set(props, p->name, v != NULL ? v : json_null()) == 0;
        }
    } else if (ok) {
        const char *key;
        json_t *v;
        json_object_foreach(doc, key, v)
        {
            if (ok && bc_list_wants(q, key))
                ok = json_object_set(props, key, v) == 0;
        }
    }
    ok = ok && json_object_set(props, "locations", locations) == 0;
    size_t n = ok ? json_array_size(coords) : 0;
    json_t *geometry =
        n == 0   ? json_null()
        : n == 1 ? json_pack("{s:s,s:O}", "type", "Point", "coordinates", json_array_get(coords, 0))
                 : json_pack("{s:s,s:O}", "type", "MultiPoint", "coordinates", coords);
    if (ok && geometry != NULL)
        f = json_pack("{s:s,s:O,s:o,s:O}", "type", "Feature", "id", json_object_get(doc, "id"),
                      "geometry", geometry, "properties", props);
    else
        json_decref(geometry);
    json_decref(coords);
    json_decref(locations);
    json_decref(props);
    return f;
}

int bc_list_emit_doc(const bc_resource *r, const list_query *q, const char *doc, size_t len,
                     bc_buf *out)
{
    if (doc == NULL)
        return BC_ENOMEM; /* SQLite could not hand the text over */
    if (q->format == BC_FMT_JSON && q->nfields == 0) {
        bc_buf_append(out, doc, len);
        return BC_OK;
    }
    json_t *j = json_loadb(doc, len, 0, NULL);
    if (j == NULL)
        return BC_ENOMEM;
    int first = 1;
    if (q->format == BC_FMT_GEOJSON) {
        json_t *f = r->geo != NULL ? feature(r, q, j) : NULL;
        if (f != NULL)
            put_json(out, f);
        else
            out->failed = 1;
        json_decref(f);
    } else if (q->format == BC_FMT_JSON) {
        bc_buf_putc(out, '{');
        const char *key;
        json_t *v;
        json_object_foreach(j, key, v)
        {
            if (!bc_list_wants(q, key))
                continue;
            bc_buf_printf(out, "%s", first ? "" : ",");
            bc_buf_json_string(out, key, strlen(key));
            bc_buf_putc(out, ':');
            put_json(out, v);
            first = 0;
        }
        bc_buf_putc(out, '}');
    } else {
        for (const bc_field *f = r->fields; f->name != NULL; f++) {
            if (!bc_list_wants(q, f->name))
                continue;
            if (f->csv == BC_CSV_COLUMNS) {
                column_ctx c = {out, f, json_object_get(j, f->name), &first};
                each_column(f, column_cell, &c);
                continue;
            }
            if (!first)
                bc_buf_putc(out, ',');
            csv_cell(out, json_object_get(j, f->name), f);
            first = 0;
        }
        bc_buf_puts(out, "\r\n");
    }
    json_decref(j);
    return bc_buf_failed(out) ? BC_ENOMEM : BC_OK;
}

/* ---- the envelope ------------------------------------------------------------------- */

int bc_list_finish(bc_request *req, const bc_resource *r, const list_query *q,
                   const list_page *page, bc_response *res)
{
    size_t count = json_array_size(page->ids);
    /* links: offset paging keeps offsets, otherwise keyset cursors */
    bc_buf nb = BC_BUF_INIT, pb = BC_BUF_INIT;
    if (q->has_offset) {
        if (page->more)
            write_link(&nb, r, q, q->offset + q->limit, NULL);
        if (q->offset > 0)
            write_link(&pb, r, q, q->offset > q->limit ? q->offset - q->limit : 0, NULL);
    } else if (count > 0) {
        /* a backward page was read last row first */
        json_t *head = page->head, *tail = page->tail ? page->tail : page->head;
        json_t *first_keys = q->backward ? tail : head;
        json_t *last_keys = q->backward ? head : tail;
        int has_next = q->backward ? 1 : page->more;
        int has_prev = q->backward ? page->more : q->cursor != NULL;
        const char *next_cursor = has_next ? make_cursor(req, q, last_keys, 0) : NULL;
        const char *prev_cursor = has_prev ? make_cursor(req, q, first_keys, 1) : NULL;
        if ((has_next && next_cursor == NULL) || (has_prev && prev_cursor == NULL))
            res->body.failed = 1; /* out of memory: never a link without its cursor */
        if (next_cursor != NULL)
            write_link(&nb, r, q, 0, next_cursor);
        if (prev_cursor != NULL)
            write_link(&pb, r, q, 0, prev_cursor);
    }
    if (bc_buf_failed(&nb) || bc_buf_failed(&pb))
        res->body.failed = 1; /* out of memory: never a page missing a link it has */
    const char *next = nb.len ? nb.data : NULL, *prev = pb.len ? pb.data : NULL;
    bc_buf *out = &res->body;
    if (q->format != BC_FMT_CSV) {
        bc_buf_printf(out, "],\"meta\":{\"count\":%zu,\"limit\":%ld", count, q->limit);
        if (q->has_offset)
            bc_buf_printf(out, ",\"offset\":%ld", q->offset);
        if (page->total >= 0)
            bc_buf_printf(out, ",\"total\":%ld", page->total);
        bc_buf_puts(out, ",\"sort\":");
        bc_buf_json_string(out, q->sort_spec, strlen(q->sort_spec));
        bc_buf_puts(out, ",\"filters\":{");
        int firstf = 1;
        for (size_t i = 0; i < q->n; i++) {
            if (q->b[i].spec->where == NULL || q->b[i].dflt)
                continue;
            bc_buf_printf(out, "%s\"%s\":", firstf ? "" : ",", q->b[i].spec->name);
            if (q->b[i].spec->type == BC_PARAM_INT)
                bc_buf_printf(out, "%ld", q->b[i].num);
            else if (q->b[i].spec->type == BC_PARAM_BOOL)
                bc_buf_puts(out, q->b[i].num ? "true" : "false");
            else
                bc_buf_json_string(out, q->b[i].shown, strlen(q->b[i].shown));
            firstf = 0;
        }
        bc_buf_putc(out, '}');
        /* what a default filter let through, said once: never silent */
        for (size_t i = 0; i < q->n; i++)
            if (q->b[i].spec->dflt != NULL) {
                bc_buf_printf(out, ",\"%s\":", q->b[i].spec->name);
                bc_buf_json_string(out, q->b[i].shown, strlen(q->b[i].shown));
            }
        if (page->facets != NULL) {
            bc_buf_puts(out, ",\"facets\":");
            put_json(out, page->facets);
        }
        bc_buf_puts(out, "},\"links\":{\"self\":");
        bc_buf self = BC_BUF_INIT;
        write_link(&self, r, q, q->offset, q->cursor_param);
        if (bc_buf_failed(&self))
            out->failed = 1; /* never "self":null */
        json_link_value(out, self.data);
        bc_buf_free(&self);
        bc_buf_puts(out, ",\"next\":");
        json_link_value(out, next);
        bc_buf_puts(out, ",\"prev\":");
        json_link_value(out, prev);
        bc_buf_puts(out, "}}");
        if (q->format == BC_FMT_GEOJSON)
            res->content_type = "application/geo+json";
    } else {
        res->content_type = "text/csv";
    }
    /* a page whose links cannot all be sent is not sent at all */
    int hrc = BC_OK;
    if (next != NULL && prev != NULL)
        hrc = bc_response_header(res, "Link", "<%s>; rel=\"next\", <%s>; rel=\"prev\"", next, prev);
    else if (next != NULL || prev != NULL)
        hrc = bc_response_header(res, "Link", "<%s>; rel=\"%s\"", next ? next : prev,
                                 next ? "next" : "prev");
    if (hrc == BC_OK && page->total >= 0)
        hrc = bc_response_header(res, "X-Total-Count", "%ld", page->total);
    bc_buf_free(&nb);
    bc_buf_free(&pb);
    return hrc;
}
