/* resource.c: the generic list and detail handlers (see resource.h) and name
 * resolution. A request is validated by resource_params.c, its page of ids read by
 * resource_sql.c, then each id's document fetched here and written by
 * resource_render.c. */
#include "resource_int.h"

#include "bordercoop/curation.h"
#include "bordercoop/negotiate.h"
#include "bordercoop/query.h"
#include "bordercoop/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RESOURCE_ENTRY(name, res, flags) &(res),
const bc_resource *const bc_resources[] = {BC_COLLECTIONS(RESOURCE_ENTRY) NULL};
#undef RESOURCE_ENTRY

int bc_alias_lookup(bc_store *store, const char *entity, const char *input, char *out, size_t out_n,
                    bc_err *err)
{
    bc_buf key = BC_BUF_INIT;
    int found = 0, rc = bc_text_slug(input, strlen(input), &key);
    if (rc == BC_EINVAL || (rc == BC_OK && key.len == 0))
        rc = bc_err_set(err, BC_ENOTFOUND, "not a name");
    else if (rc != BC_OK)
        rc = bc_err_set(err, rc, "out of memory");
    if (rc == BC_OK)
        rc = bc_store_lookup(store,
                             "SELECT entity_id FROM aliases WHERE entity = ?1 AND alias_key = ?2 "
                             "LIMIT 1",
                             BC_BINDS(bc_text(entity), bc_text_n(key.data, key.len)), out, out_n,
                             &found, err);
    if (rc == BC_OK && !found)
        rc = bc_err_set(err, BC_ENOTFOUND, "no such %s", entity);
    bc_buf_free(&key);
    return rc;
}

int bc_resolve_alias(bc_request *req, const char *entity, const char *input, const char **id,
                     bc_err *err)
{
    char buf[BC_ALIAS_ID_MAX];
    int rc = bc_alias_lookup(req->store, entity, input, buf, sizeof buf, err);
    if (rc == BC_OK) {
        *id = bc_arena_strndup(req->arena, buf, strlen(buf));
        if (*id == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    }
    return rc;
}

/* Whether sql (one parameter, id) has a row, into *found (2 when its first column is 1:
 * a rejected fact). 0 or a code with err set. */
static int exists(bc_request *req, const char *sql, const char *id, int *found, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(req->store, sql, &st, err);
    if (rc == BC_OK)
        rc = bc_store_bind(st, BC_BINDS(bc_text(id)), err);
    if (rc == BC_OK) {
        int step = sqlite3_step(st);
        *found = step == SQLITE_ROW ? 1 + (sqlite3_column_int(st, 0) == 1) : 0;
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            rc = bc_store_error(req->store, err, "finding the item of a collection");
        sqlite3_reset(st);
    }
    return rc;
}

/* Appends the document in st's first column to docs, a JSON array of texts being built
 * (the page to narrow to a curation set, resource_set.c). 0 or BC_ENOMEM (SQLite could
 * not make the text; the buffer's own failure is found when the page is emitted). */
static int add_doc(bc_buf *docs, sqlite3_stmt *st)
{
    const char *doc = (const char *)sqlite3_column_text(st, 0);
    if (doc == NULL)
        return BC_ENOMEM;
    bc_buf_putc(docs, docs->len == 0 ? '[' : ',');
    bc_buf_json_string(docs, doc, (size_t)sqlite3_column_bytes(st, 0));
    return BC_OK;
}

/* Emits the page docs gathered (none: nothing), narrowed to set (asked: by the request,
 * not the default), and frees docs. */
static int emit_in_set(bc_request *req, const bc_resource *r, list_query *q, const char *set,
                       int asked, bc_buf *docs, int sep, bc_buf *out, bc_err *err)
{
    int rc = BC_OK;
    bc_buf_putc(docs, ']');
    if (docs->len == 1)
        rc = BC_OK; /* an empty page */
    else if (bc_buf_failed(docs))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory gathering a page's documents");
    else
        rc = bc_list_emit_in_set(req, r, q, set, asked, docs, sep, out, err);
    bc_buf_free(docs);
    return rc;
}

int bc_resource_list(bc_request *req, bc_response *res)
{
    const bc_resource *r = req->route_data;
    list_query q;
    int status = bc_list_prepare(req, r, &q, res);
    if (status != 0) {
        json_decref(q.cursor);
        return status;
    }
    bc_err err;
    /* a collection of one item: of an item that exists */
    int found = 1;
    int rc = r->parent != NULL ? exists(req, r->parent_sql, q.parent_id, &found, &err) : BC_OK;
    if (rc == BC_OK && !found) {
        json_decref(q.cursor);
        return bc_problem(res, 404, "not_found", NULL, "no %s with id '%.120s'",
                          r->parent->singular, q.parent_id);
    }
    if (rc == BC_OK && found == 2) {
        json_decref(q.cursor);
        return bc_problem(res, 404, "rejected", NULL,
                          "%s '%.120s' was rejected by a reviewer: hidden, kept for audit, and "
                          "in no list of %s; ask for it with /v1/%s/%.120s?curation=rejected",
                          r->parent->singular, q.parent_id, r->name, r->parent->name, q.parent_id);
    }
    list_page page = {json_array(), NULL, NULL, 0, -1, NULL};
    if (rc == BC_OK)
        rc = page.ids != NULL ? bc_list_read_page(req, r, &q, &page, &err)
                              : bc_err_set(&err, BC_ENOMEM, "out of memory");
    /* CSV rows and list items may have documents of their own (figures.c) */
    const char *doc_sql = q.format == BC_FMT_CSV && r->csv_doc_sql != NULL ? r->csv_doc_sql
                          : r->list_doc_sql != NULL                        ? r->list_doc_sql
                                                                           : r->doc_sql;
    /* a list item's embedded facts and counts follow the list's set as a detail's do: the
     * page's documents are gathered, then narrowed together */
    const bound *cur = bc_params_get(q.b, q.n, "curation");
    const char *set = cur != NULL ? cur->text : NULL;
    bc_buf docs = BC_BUF_INIT;
    int gather = set != NULL && (r->embeds != NULL || r->counts != NULL);
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
        rc = bc_store_stmt(req->store, doc_sql, &doc, &err);
        if (rc == BC_OK && r->parent != NULL)
            rc = bc_store_bind(doc, BC_BINDS(bc_text(id), bc_text(q.parent_id)), &err);
        else if (rc == BC_OK)
            rc = bc_store_bind(doc, BC_BINDS(bc_text(id)), &err);
        if (rc != BC_OK)
            break;
        int step = sqlite3_step(doc);
        if (step == SQLITE_ROW && gather) {
            rc = add_doc(&docs, doc);
            if (rc != BC_OK)
                bc_err_set(&err, rc, "out of memory reading a document");
        } else if (step == SQLITE_ROW) {
            if (i > 0 && q.format != BC_FMT_CSV)
                bc_buf_putc(out, ',');
            rc = bc_list_emit_doc(r, &q, (const char *)sqlite3_column_text(doc, 0),
                                  (size_t)sqlite3_column_bytes(doc, 0), out);
            if (rc == BC_ENOMEM)
                bc_err_set(&err, rc, "out of memory rendering a document");
        } else {
            rc = bc_store_error(req->store, &err, "reading a document");
        }
        sqlite3_reset(doc);
    }
    if (gather && rc == BC_OK)
        rc = emit_in_set(req, r, &q, set, !cur->dflt, &docs, q.format != BC_FMT_CSV, out, &err);
    bc_buf_free(&docs);
    if (rc == BC_OK && bc_list_finish(req, r, &q, &page, res) != BC_OK)
        rc = bc_err_set(&err, BC_ENOMEM, "out of memory writing a page's headers");
    json_decref(page.ids);
    json_decref(page.head);
    json_decref(page.tail);
    json_decref(page.facets);
    json_decref(q.cursor);
    if (rc == BC_OK && bc_buf_failed(out))
        rc = bc_err_set(&err, BC_ENOMEM, "out of memory rendering the list");
    if (rc != BC_OK)
        return bc_problem_internal(res, err.msg, BC_LIST_FAILED);
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
    if (rc == BC_OK)
        rc = bc_store_bind(
            st, BC_BINDS(bc_text(entity), bc_text_n(key.data, key.len), bc_int(MAX_CANDIDATES + 1)),
            err);
    if (rc == BC_OK) {
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
    /* the candidates, for a client to pick from */
    bc_buf c = BC_BUF_INIT;
    bc_buf_puts(&c, "\"candidates\":[");
    for (size_t i = 0; i < m->n; i++) {
        bc_buf_puts(&c, i > 0 ? ",{\"id\":" : "{\"id\":");
        bc_buf_json_string(&c, m->ids[i], strlen(m->ids[i]));
        bc_buf_puts(&c, ",\"name\":");
        if (m->names[i] != NULL)
            bc_buf_json_string(&c, m->names[i], strlen(m->names[i]));
        else
            bc_buf_puts(&c, "null");
        bc_buf_printf(&c, ",\"links\":{\"self\":\"/v1/%s/", r->name);
        bc_url_encode(&c, m->ids[i]);
        bc_buf_puts(&c, "\"}}");
    }
    bc_buf_puts(&c, "]");
    int st;
    if (bc_buf_failed(&c))
        st = bc_problem_internal(res, NULL, "out of memory");
    else if (m->n == 1)
        st = bc_problem_ext(res, 404, "not_found", NULL, c.data,
                            "no %s is named '%.120s'; one %s has it in its name: %s; ask for it "
                            "by its id",
                            r->singular, input, r->singular, m->ids[0]);
    else
        st = bc_problem_ext(res, 404, "ambiguous_name", NULL, c.data,
                            "'%.120s' names no single %s: %zu%s have it in their names (see "
                            "candidates); ask for one by its id",
                            input, r->singular, m->n, m->more ? " or more" : "");
    bc_buf_free(&c);
    return st;
}

/* Whether resource r's item `id`, which has no curation of its own, is in set `set`: when
 * r's list under the set lists it (its `curation` filter), so a detail and the list agree
 * on an article's sets. *in gets 1 or 0; 0 or a code with err set. */
static int listed_in(bc_request *req, const bc_resource *r, const char *id, const char *set,
                     int *in, bc_err *err)
{
    *in = 1;
    const bc_param_spec *f = r->filters;
    while (f != NULL && f->name != NULL && strcmp(f->name, "curation") != 0)
        f++;
    if (f == NULL || f->name == NULL || f->where == NULL)
        return BC_OK;
    bc_buf sql = BC_BUF_INIT;
    bc_buf_printf(&sql, "SELECT 1 FROM %s WHERE %s = ?1 AND (%s)", r->from, r->id_col, f->where);
    if (bc_buf_failed(&sql)) {
        bc_buf_free(&sql);
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    }
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(req->store, sql.data, &st, err);
    bc_buf_free(&sql);
    /* ?1 the id, every later one the set's name */
    int n = rc == BC_OK ? sqlite3_bind_parameter_count(st) : 0;
    if (rc == BC_OK && sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC) != SQLITE_OK)
        rc = bc_store_error(req->store, err, "reading an item's curation set");
    for (int i = 2; rc == BC_OK && i <= n; i++)
        if (sqlite3_bind_text(st, i, set, -1, SQLITE_STATIC) != SQLITE_OK)
            rc = bc_store_error(req->store, err, "reading an item's curation set");
    if (rc == BC_OK) {
        int step = sqlite3_step(st);
        *in = step == SQLITE_ROW;
        if (step != SQLITE_ROW && step != SQLITE_DONE)
            rc = bc_store_error(req->store, err, "reading an item's curation set");
    }
    if (st != NULL) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    return rc;
}

/* Whether the document doc (JSON text) of r's item `id` is served to a detail request
 * asking for the curation set `set` (NULL: not asked). A fact is found by its id in any
 * set but the rejected, which is hidden (README, "reject") and served only when asked for
 * by a set holding it; a document without a curation (a province, an article) is in the
 * sets whose list lists it, curated or not (an article its origin says). curation gets ""
 * when the document is served, else its curation. 0 or a code with err set. */
static int shown(bc_request *req, const bc_resource *r, const char *id, const char *doc,
                 const char *set, char curation[16], bc_err *err)
{
    curation[0] = '\0';
    int found = 0, rc = bc_store_lookup(
                       req->store,
                       "SELECT c FROM (SELECT coalesce(json_extract(?1, '$.curation'), "
                       "'curated') AS c) WHERE CASE WHEN ?2 IS NULL THEN c = 'rejected' ELSE c "
                       "NOT IN (SELECT curation FROM curation_sets WHERE name = ?2) END",
                       BC_BINDS(bc_text(doc), bc_text(set)), curation, 16, &found, err);
    if (rc == BC_OK && !found)
        curation[0] = '\0';
    int own = 0, in = 1;
    if (rc == BC_OK && set != NULL)
        rc = bc_store_lookup(req->store, "SELECT 1 WHERE json_type(?1, '$.curation') IS NOT NULL",
                             BC_BINDS(bc_text(doc)), NULL, 0, &own, err);
    if (rc == BC_OK && set != NULL && !own)
        rc = listed_in(req, r, id, set, &in, err);
    if (rc == BC_OK && set != NULL && !own) {
        /* an article names its origin; every other item without a curation is curated */
        int named = 0;
        curation[0] = '\0';
        if (!in)
            rc = bc_store_lookup(req->store,
                                 "SELECT coalesce(json_extract(?1, '$.origin'), 'curated')",
                                 BC_BINDS(bc_text(doc)), curation, 16, &named, err);
    }
    return rc;
}

int bc_resource_get(bc_request *req, bc_response *res)
{
    const bc_resource *r = req->route_data;
    list_query q;
    int status = bc_list_prepare_detail(req, r, &q, res);
    if (status != 0)
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
    char curation[16] = "";
    /* the set the item must be in (NULL: any but rejected); what it embeds and counts
     * follows the set asked, trusted unless asked, as a list's items do */
    const char *set = bc_params_text(q.b, q.n, "curation", NULL);
    const char *lists = set != NULL ? set : BC_CURATION_DEFAULT;
    if (rc == BC_OK)
        rc = bc_store_stmt(req->store, r->doc_sql, &st, &err);
    if (rc == BC_OK)
        rc = bc_store_bind(st, BC_BINDS(bc_text(id)), &err);
    if (rc == BC_OK) {
        int step = sqlite3_step(st);
        found = step == SQLITE_ROW;
        if (found)
            rc = shown(req, r, id, (const char *)sqlite3_column_text(st, 0), set, curation, &err);
        int emit = found && rc == BC_OK && curation[0] == '\0';
        bc_buf docs = BC_BUF_INIT;
        if (emit && (r->embeds != NULL || r->counts != NULL)) {
            rc = add_doc(&docs, st);
            if (rc == BC_OK)
                rc = emit_in_set(req, r, &q, lists, set != NULL, &docs, 0, &res->body, &err);
            bc_buf_free(&docs);
        } else if (emit) {
            rc = bc_list_emit_doc(r, &q, (const char *)sqlite3_column_text(st, 0),
                                  (size_t)sqlite3_column_bytes(st, 0), &res->body);
        } else if (!found && step != SQLITE_DONE)
            rc = bc_store_error(req->store, &err, "reading a document");
        if (rc == BC_ENOMEM)
            bc_err_set(&err, rc, "out of memory rendering a document");
        sqlite3_reset(st);
    }
    if (rc == BC_OK && bc_buf_failed(&res->body))
        rc = bc_err_set(&err, BC_ENOMEM, "out of memory rendering a document");
    if (rc != BC_OK)
        return bc_problem_internal(res, err.msg, BC_LIST_FAILED);
    if (!found)
        return bc_problem(res, 404, "not_found", NULL, "no %s with id '%.120s'", r->singular,
                          req->route_id);
    if (curation[0] != '\0' && set == NULL)
        return bc_problem(res, 404, "rejected", NULL,
                          "%s '%.120s' was rejected by a reviewer: hidden, kept for audit; ask "
                          "for it with ?curation=rejected (its decisions: /v1/review/%s/%.120s)",
                          r->singular, id, r == &bc_res_trade_figures ? "figures" : r->name, id);
    if (curation[0] != '\0')
        return bc_problem(res, 404, "not_found", "curation",
                          "%s '%.120s' is %s, not in the set '%s' asked for", r->singular, id,
                          curation, set);
    res->cacheable = 1;
    res->status = 200;
    return 200;
}
