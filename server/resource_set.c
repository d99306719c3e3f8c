/* resource_set.c: a page's documents (a detail is a page of one) with the facts they
 * embed narrowed to a curation set, as the facts' own lists show them under it (the
 * resource's `embeds`, resource.h), and their counts of other lists taken under it (its
 * `counts`). One statement per page for the embeds: the facts of every document of the
 * page are looked up together, then each document rewritten. */
#include "resource_int.h"

#include "bordercoop/alloc.h"

#include <string.h>

/* the facts of kind `kind` the page's documents name, kept when listed under the set ?2:
 * the CTE's name, and its condition over `alias` of `table` */
typedef struct kept_set {
    const char *cte, *table, *alias, *cond;
} kept_set;

#define IN_SET(col) col ".curation IN (SELECT curation FROM curation_sets WHERE name = ?2)"

/* indexed by bc_embed_kind for the kinds of facts with a list of their own; meetings as
 * /v1/meetings lists them (curation set and BC_MEETING_NOT_A_TWIN, whose bare '?' follow
 * ?1 and ?2 and are bound to the set too) */
static const kept_set KEPT[] = {
    [BC_EMBED_MEETINGS] = {"km", "meetings", "m", IN_SET("m") " AND " BC_MEETING_NOT_A_TWIN},
    [BC_EMBED_FIGURES] = {"kf", "figures", "f", IN_SET("f")},
    [BC_EMBED_PROJECTS] = {"kp", "projects", "p", IN_SET("p")},
    [BC_EMBED_EVENTS] = {"ke", "coop_events", "ev", IN_SET("ev")},
};

/* the kind of fact whose kept set an embed reads (one meeting reads the meetings') */
static bc_embed_kind fact_of(const bc_embed *e)
{
    return e->kind == BC_EMBED_MEETING ? BC_EMBED_MEETINGS : e->kind;
}

static int has_set(bc_embed_kind kind)
{
    return kind == BC_EMBED_MEETINGS || kind == BC_EMBED_FIGURES || kind == BC_EMBED_PROJECTS ||
           kind == BC_EMBED_EVENTS;
}

/* the name of the kept set embed `m` reads, NULL for the kinds that read none */
static const char *kept_of(const bc_embed *m)
{
    return has_set(fact_of(m)) ? KEPT[fact_of(m)].cte : NULL;
}

/* an item of a list `e` of json_each: a fact's id, whether the item is the id or an
 * object with one (a figure's CSV row names its meetings by id, its document by object) */
#define ITEM_ID "iif(e.type = 'object', json_extract(e.value, '$.id'), e.value)"

/* the SELECT of the ids embed `m` names in the page's documents d */
static void ids_of(bc_buf *sql, const bc_embed *m)
{
    if (m->kind == BC_EMBED_MEETING && m->item == NULL)
        bc_buf_printf(sql, "SELECT json_extract(d.doc, '%s.id') AS id FROM d", m->path);
    else if (m->kind == BC_EMBED_MEETING)
        bc_buf_printf(
            sql, "SELECT json_extract(e.value, '%s.id') AS id FROM d, json_each(d.doc, '%s') e",
            m->item, m->path);
    else
        bc_buf_printf(sql, "SELECT " ITEM_ID " AS id FROM d, json_each(d.doc, '%s') e", m->path);
}

/* the new value of embed `m` in document d.doc */
static void narrowed(bc_buf *sql, const bc_embed *m)
{
    const char *k = kept_of(m);
    switch (m->kind) {
    case BC_EMBED_MEETING:
        if (m->item == NULL)
            bc_buf_printf(sql,
                          "json(CASE WHEN json_extract(d.doc, '%s.id') NOT IN %s THEN NULL ELSE "
                          "json_extract(d.doc, '%s') END)",
                          m->path, k, m->path);
        else
            bc_buf_printf(sql,
                          "json((SELECT json_group_array(json(CASE WHEN json_extract(e.value, "
                          "'%s.id') NOT IN %s THEN json_replace(e.value, '%s', NULL) ELSE e.value "
                          "END)) FROM json_each(d.doc, '%s') e))",
                          m->item, k, m->item, m->path);
        break;
    case BC_EMBED_CURATED:
        bc_buf_printf(sql,
                      "json(CASE WHEN 'curated' IN (SELECT curation FROM curation_sets WHERE name "
                      "= ?2) THEN json_extract(d.doc, '%s') ELSE '[]' END)",
                      m->path);
        break;
    case BC_EMBED_CITATIONS:
        /* a citation counts with the fact it supports, when that fact's curation is in the
         * set (as /v1/stats counts citations; a fact of a curated kind is curated) */
        bc_buf_puts(sql, "(SELECT count(*) FROM v_citation_shown c WHERE c.source_id = "
                         "json_extract(d.doc, '$.id') AND " BC_CITED_CURATION(
                             "c") " IN (SELECT curation FROM curation_sets WHERE name = ?2))");
        break;
    case BC_EMBED_CITED_PROJECTS:
        /* a curated project an extracted event of the article reaches is listed only
         * under a set with extracted facts: the project's own curation is not asked */
        bc_buf_puts(sql, "json((SELECT json_group_array(id) FROM (SELECT DISTINCT "
                         "coalesce(c.project_id, pe.project_id) AS id FROM v_citation_shown c LEFT "
                         "JOIN project_events pe ON pe.id = c.event_id WHERE c.source_id = "
                         "json_extract(d.doc, '$.id') AND coalesce(c.project_id, pe.project_id) IS "
                         "NOT NULL AND " BC_CITED_CURATION(
                             "c") " IN (SELECT curation FROM "
                                  "curation_sets WHERE name = ?2) ORDER BY 1)))");
        break;
    default: /* a list of facts, by id or as objects */
        bc_buf_printf(
            sql,
            "json((SELECT json_group_array(json(iif(e.type = 'text', json_quote(e.value), "
            "e.value))) FROM json_each(d.doc, '%s') e WHERE " ITEM_ID " IN %s))",
            m->path, k);
        break;
    }
}

/* whether the set changes embed `m` of document d.doc */
static void narrows(bc_buf *sql, const bc_embed *m)
{
    const char *k = kept_of(m);
    if (m->kind == BC_EMBED_MEETING && m->item == NULL)
        bc_buf_printf(sql, "json_extract(d.doc, '%s.id') NOT IN %s", m->path, k);
    else if (m->kind == BC_EMBED_MEETING)
        bc_buf_printf(sql,
                      "EXISTS (SELECT 1 FROM json_each(d.doc, '%s') e WHERE json_extract(e.value, "
                      "'%s.id') NOT IN %s)",
                      m->path, m->item, k);
    else if (m->kind == BC_EMBED_CURATED)
        bc_buf_puts(sql, "'curated' NOT IN (SELECT curation FROM curation_sets WHERE name = ?2)");
    else if (m->kind == BC_EMBED_CITATIONS || m->kind == BC_EMBED_CITED_PROJECTS)
        bc_buf_puts(sql, "1");
    else
        bc_buf_printf(sql,
                      "EXISTS (SELECT 1 FROM json_each(d.doc, '%s') e WHERE " ITEM_ID " NOT IN %s)",
                      m->path, k);
}

void bc_list_narrowing_sql(bc_buf *sql, const bc_resource *r)
{
    bc_buf_puts(sql, "WITH d(i, doc) AS (SELECT key, value FROM json_each(?1))");
    if (r->embeds == NULL) { /* counts alone (with_counts, below) */
        bc_buf_puts(sql, " SELECT d.doc FROM d ORDER BY d.i");
        return;
    }
    for (size_t kind = 0; kind < sizeof KEPT / sizeof KEPT[0]; kind++) {
        if (!has_set((bc_embed_kind)kind))
            continue;
        int first = 1;
        for (const bc_embed *m = r->embeds; m->path != NULL; m++) {
            if (fact_of(m) != kind)
                continue;
            /* the named ids drive: each fact looked up by its key in a subquery of its
             * own, never a walk of the whole table (as a join, with sqlite_stat1 on a
             * big store, SQLite first builds a Bloom filter over every row of the table:
             * 20 ms a page against 100,000 meetings) */
            if (first)
                bc_buf_printf(sql, ", %s(id) AS (SELECT x.id FROM (", KEPT[kind].cte);
            else
                bc_buf_puts(sql, " UNION ");
            ids_of(sql, m);
            first = 0;
        }
        const kept_set *k = &KEPT[kind];
        if (!first)
            bc_buf_printf(sql, ") x WHERE EXISTS (SELECT 1 FROM %s %s WHERE %s.id = x.id AND %s))",
                          k->table, k->alias, k->alias, k->cond);
    }
    /* a document whose embeds the set leaves whole is served as it is, not rewritten */
    bc_buf_puts(sql, " SELECT CASE WHEN 0");
    for (const bc_embed *m = r->embeds; m->path != NULL; m++) {
        bc_buf_puts(sql, " OR ");
        narrows(sql, m);
    }
    bc_buf_puts(sql, " THEN json_replace(d.doc");
    for (const bc_embed *m = r->embeds; m->path != NULL; m++) {
        bc_buf_printf(sql, ", '%s', ", m->path);
        narrowed(sql, m);
    }
    bc_buf_puts(sql, ") ELSE d.doc END FROM d ORDER BY d.i");
}

/* Document doc (len bytes) with its counts of other lists (r->counts) taken under set as
 * those lists' totals, and, when the set was asked, every link but `self` naming it, as
 * new text into *out (free it); 0 or a code with err set. The document is rewritten by
 * SQLite, as every document is written, so its numbers keep their form. */
static int with_counts(bc_request *req, const bc_resource *r, const char *set, int asked,
                       const char *doc, size_t len, char **out, bc_err *err)
{
    *out = NULL;
    char id[200] = "";
    int found = 0;
    int rc = bc_store_lookup(req->store, "SELECT json_extract(?1, '$.id')",
                             BC_BINDS(bc_text_n(doc, len)), id, sizeof id, &found, err);
    /* ?1 the document, ?2 the set, then each count in order; the paths are the
     * descriptor's constants */
    bc_buf sql = BC_BUF_INIT;
    bc_buf_puts(&sql, "SELECT json_set(?1");
    int k = 3;
    for (const bc_counted *c = r->counts; c->name != NULL; c++)
        bc_buf_printf(&sql, ", '$.counts.%s', ?%d", c->name, k++);
    if (asked)
        bc_buf_puts(&sql, ", '$.links', json((SELECT json_group_object(key, iif(key = 'self', "
                          "value, value || '&curation=' || ?2)) FROM json_each(?1, '$.links')))");
    bc_buf_puts(&sql, ")");
    if (rc == BC_OK && bc_buf_failed(&sql))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    sqlite3_stmt *st = NULL;
    if (rc == BC_OK)
        rc = bc_store_stmt(req->store, sql.data, &st, err);
    bc_buf_free(&sql);
    if (rc == BC_OK && (sqlite3_bind_text(st, 1, doc, (int)len, SQLITE_STATIC) != SQLITE_OK ||
                        sqlite3_bind_text(st, 2, set, -1, SQLITE_STATIC) != SQLITE_OK))
        rc = bc_store_error(req->store, err, "counting a document's lists");
    k = 3;
    for (const bc_counted *c = r->counts; rc == BC_OK && c->name != NULL; c++) {
        long n = 0;
        rc = bc_list_count_of(req, c->list, c->filter, id, set, &n, err);
        if (rc == BC_OK && sqlite3_bind_int64(st, k++, n) != SQLITE_OK)
            rc = bc_store_error(req->store, err, "counting a document's lists");
    }
    if (rc == BC_OK && sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        if (t == NULL || (*out = bc_strdup(t)) == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    } else if (rc == BC_OK) {
        rc = bc_store_error(req->store, err, "counting a document's lists");
    }
    if (st != NULL) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    return rc;
}

int bc_list_emit_in_set(bc_request *req, const bc_resource *r, const list_query *q, const char *set,
                        int asked, const bc_buf *docs, int sep, bc_buf *out, bc_err *err)
{
    bc_buf sql = BC_BUF_INIT;
    bc_list_narrowing_sql(&sql, r);
    if (bc_buf_failed(&sql)) {
        bc_buf_free(&sql);
        return bc_err_set(err, BC_ENOMEM, "out of memory narrowing documents to a curation set");
    }
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(req->store, sql.data, &st, err);
    bc_buf_free(&sql);
    if (rc == BC_OK) {
        /* ?1 the documents, every later one the set's name */
        bc_bind binds[8];
        size_t nparams = (size_t)sqlite3_bind_parameter_count(st);
        binds[0] = bc_text_n(docs->data, docs->len);
        for (size_t i = 1; i < nparams && i < 8; i++)
            binds[i] = bc_text(set);
        rc = bc_store_bind(st, binds, nparams <= 8 ? nparams : 8, err);
    }
    for (size_t i = 0;
         bc_store_row(req->store, st, &rc, err, "narrowing documents to a curation set"); i++) {
        if (sep && i > 0)
            bc_buf_putc(out, ',');
        const char *doc = (const char *)sqlite3_column_text(st, 0);
        size_t len = (size_t)sqlite3_column_bytes(st, 0);
        char *counted = NULL;
        if (r->counts != NULL) {
            rc = with_counts(req, r, set, asked, doc, len, &counted, err);
            doc = counted;
            len = counted != NULL ? strlen(counted) : 0;
        }
        if (rc == BC_OK) {
            rc = bc_list_emit_doc(r, q, doc, len, out);
            if (rc != BC_OK)
                bc_err_set(err, rc, "out of memory rendering a document");
        }
        bc_free(counted);
        if (rc != BC_OK)
            break;
    }
    if (st != NULL)
        sqlite3_reset(st);
    return rc;
}
