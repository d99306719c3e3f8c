/* resource_int.h: what the list/detail engine's files share: the validated query
 * (resource_params.c), the page it read (resource_sql.c), the handlers (resource.c),
 * their rendering (resource_render.c) and the curation set's narrowing (resource_set.c).
 * Internal to the five. */
#ifndef BORDERCOOP_RESOURCE_INT_H
#define BORDERCOOP_RESOURCE_INT_H

#include "bordercoop/resource.h"

#include <jansson.h>

/* One validated query parameter (the engine's name for bc_param). */
typedef bc_param bound;

typedef struct sort_key {
    const bc_sort_field *f;
    int desc;
} sort_key;

/* Everything a list (or detail) request asks for, validated. */
typedef struct list_query {
    bound b[BC_QUERY_MAX_PAIRS + 4]; /* the request's, the defaults, the parent's */
    size_t n;
    const char *parent_id; /* a collection of one item (r->parent): the item's id */
    long limit, offset;
    int has_offset, want_total;
    sort_key keys[BC_SORT_MAX + 1]; /* the requested keys, then the id */
    size_t nkeys;
    const char *sort_spec; /* canonical, e.g. "date,-value" */
    int sort_given;
    json_t *cursor; /* [spec, "n"|"p", values...] or NULL */
    int backward;   /* the cursor points backwards ("p") */
    const bc_field *fields[64];
    size_t nfields;
    int format; /* BC_FMT_JSON, BC_FMT_CSV or BC_FMT_GEOJSON */
    const char *format_param;
    const char *cursor_param;              /* ?cursor= as given, for the self link */
    const bc_facet *facets[BC_FACETS_MAX]; /* ?facets=, in the order given */
    size_t nfacets;
} list_query;

/* The ids of one page, in the order read, and the sort keys of the first and last row
 * read (the cursors of the links). */
typedef struct list_page {
    json_t *ids;
    json_t *head, *tail;
    int more;       /* rows follow the page */
    long total;     /* ?total=true or ?facets=: the rows of every page; -1 otherwise */
    json_t *facets; /* ?facets=: {name: [{value, count}]} in the order asked; else NULL */
} list_page;

/* ---- resource_params.c ---- */

/* Validates a list request (the resource's filters, their defaults, the common
 * parameters, sort, fields, facets, cursor) into q. 0, or fills res with a 4xx (or a
 * 500) and returns its status. Either way the caller json_decref()s q->cursor. */
int bc_list_prepare(bc_request *req, const bc_resource *r, list_query *q, bc_response *res);

/* Validates a detail request (?fields= only) into q, JSON format. 0, or fills res and
 * returns its status. */
int bc_list_prepare_detail(bc_request *req, const bc_resource *r, list_query *q, bc_response *res);

/* The spec named name in a {NULL}-terminated list (list may be NULL), or NULL. */
const bc_param_spec *bc_list_find_spec(const bc_param_spec *list, const char *name);

/* ---- resource_sql.c ---- */

/* Reads the page of ids q asks for into page (page->ids an empty array the caller made;
 * head, tail and facets new references the caller decrefs, on failure too) and, when
 * asked, the total and the facets. 0 or a bc_err code with err filled. */
int bc_list_read_page(bc_request *req, const bc_resource *r, list_query *q, list_page *page,
                      bc_err *err);

/* The total of list r filtered by `filter` = value (a canonical id) under curation set
 * `set`, its other filters at their defaults, into *count: what meta.total of
 * /v1/<r>?<filter>=<value>&curation=<set> says. 0 or a code with err set. */
int bc_list_count_of(bc_request *req, const bc_resource *r, const char *filter, const char *value,
                     const char *set, long *count, bc_err *err);

/* ---- resource.c ---- */

/* The detail of a list's or a document's 500 (bc_problem_internal, response.h): the
 * cause goes to the access log only. */
#define BC_LIST_FAILED "the server could not complete the request; it has been logged"

/* ---- resource_render.c ---- */

/* Decodes and validates ?cursor= against q's sort (parsed first); keeps the decoded
 * form in q->cursor. 0, or fills res with a 400 and returns its status. */
int bc_list_cursor_parse(const char *text, list_query *q, bc_response *res);

/* 1 when the document field `name` is to be written (no ?fields=, or listed, or id). */
int bc_list_wants(const list_query *q, const char *name);

/* Starts the body: {"data":[, {"type":"FeatureCollection","features":[ or the CSV
 * header line. */
void bc_list_begin(bc_buf *out, const bc_resource *r, const list_query *q);

/* Appends document doc (len bytes of JSON) as JSON (whole, or only the requested
 * fields), as a CSV row, or as a GeoJSON Feature (r->geo). The caller writes the ','
 * between JSON and GeoJSON items. 0 or BC_ENOMEM (doc NULL, as sqlite3_column_text
 * returns when out of memory, included). */
int bc_list_emit_doc(const bc_resource *r, const list_query *q, const char *doc, size_t len,
                     bc_buf *out);

/* ---- resource_set.c ---- */

/* Appends to sql the statement narrowing r's documents: ?1 the page's documents (a JSON
 * array of their texts), ?2 and any further parameter the set's name; one row per
 * document, in order. Each fact the page names is looked up by its key, so the statement
 * costs what the page holds, not what the store holds. Out of memory shows in sql. */
void bc_list_narrowing_sql(bc_buf *sql, const bc_resource *r);

/* Emits the documents docs holds (a JSON array of their texts, in page order) as
 * bc_list_emit_doc does, each with what it embeds (r->embeds) narrowed to the curation set
 * `set` (not NULL) and its counts of other lists (r->counts) taken under it, its links to
 * them naming the set when asked (the request named it, not the list's default); ','
 * between them when sep. One statement for the embeds of them all. 0, or a code with err
 * set (BC_ENOMEM when out of memory). */
int bc_list_emit_in_set(bc_request *req, const bc_resource *r, const list_query *q, const char *set,
                        int asked, const bc_buf *docs, int sep, bc_buf *out, bc_err *err);

/* Ends the body (the JSON envelope's meta and links, which GeoJSON carries as foreign
 * members; nothing for CSV), sets the content type and the Link and X-Total-Count
 * headers. 0, or BC_ENOMEM when a header could not be added (a link or cursor the body
 * could not hold fails the body, bc_buf_failed): the caller answers 500, never the page
 * without its links. */
int bc_list_finish(bc_request *req, const bc_resource *r, const list_query *q,
                   const list_page *page, bc_response *res);

#endif
