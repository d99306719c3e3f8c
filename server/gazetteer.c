/* gazetteer.c: the names the store knows (every alias of every province, person,
 * mechanism and project, the members of each mechanism and the sides of each project),
 * read from the store once per extraction run. The only part of the extractor that
 * touches SQL. */
#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/text.h"
#include "extract_int.h"

#include <string.h>

static size_t pool_put(bc_buf *b, const char *s, size_t n)
{
    size_t off = b->len;
    bc_buf_append(b, s, n);
    bc_buf_putc(b, '\0');
    return off;
}

static int entity_code(const char *e)
{
    static const char *const names[] = {"province", "person", "mechanism", "project", "meeting"};
    for (int i = 0; i < 5; i++)
        if (strcmp(e, names[i]) == 0)
            return i + 1;
    return 0;
}

static const char *col(sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    return v ? v : "";
}

static int load_aliases(bc_store *s, bc_gazetteer *g, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "SELECT entity, alias, entity_id FROM aliases WHERE entity IN "
                           "('province', 'person', 'mechanism', 'project', 'meeting') "
                           "ORDER BY entity, entity_id, alias",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    bc_buf key = BC_BUF_INIT;
    int step = SQLITE_DONE;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *alias = col(st, 1), *id = col(st, 2);
        int entity = entity_code(col(st, 0));
        if (strcmp(alias, id) == 0 || entity == 0)
            continue; /* the id itself is registered as an alias: not a name in text */
        bc_buf_reset(&key);
        if (bc_text_slug(alias, strlen(alias), &key) != BC_OK || key.len == 0) {
            rc = bc_buf_failed(&key) ? BC_ENOMEM : BC_OK;
            continue;
        }
        g->al = bc_grow(g->al, &g->capal, g->nal + 1, sizeof *g->al, &rc);
        if (rc != BC_OK)
            break;
        gz_alias *a = &g->al[g->nal++];
        a->entity = entity;
        a->id = pool_put(&g->pool, id, strlen(id));
        a->nwords = 1;
        for (size_t i = 0; i < key.len; i++)
            if (key.data[i] == '-') {
                key.data[i] = '\0';
                a->nwords++;
            }
        a->words = pool_put(&g->pool, key.data, key.len);
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading aliases");
    sqlite3_reset(st);
    bc_buf_free(&key);
    return rc;
}

static int mech_kind(const char *k)
{
    return strcmp(k, "conference") == 0       ? K_CONF
           : strcmp(k, "working_group") == 0  ? K_WG
           : strcmp(k, "committee") == 0      ? K_COMMITTEE
           : strcmp(k, "spring_meeting") == 0 ? K_SPRING
                                              : -1;
}

static int load_mechanisms(bc_store *s, bc_gazetteer *g, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "SELECT m.id, m.kind, ' ' || coalesce(group_concat(mm.province_id, "
                           "' '), '') || ' ' FROM mechanisms m LEFT JOIN mechanism_members mm "
                           "ON mm.mechanism_id = m.id GROUP BY m.id ORDER BY m.id",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    int step = SQLITE_DONE;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        g->me = bc_grow(g->me, &g->capme, g->nme + 1, sizeof *g->me, &rc);
        if (rc != BC_OK)
            break;
        gz_mech *m = &g->me[g->nme++];
        m->id = pool_put(&g->pool, col(st, 0), strlen(col(st, 0)));
        m->kind = mech_kind(col(st, 1));
        m->members = pool_put(&g->pool, col(st, 2), strlen(col(st, 2)));
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading mechanisms");
    sqlite3_reset(st);
    return rc;
}

/* Appends "key|" for the slug of the n bytes at s (nothing when it has no letters). */
static void add_key(bc_buf *keys, const char *s, size_t n, bc_buf *tmp)
{
    bc_buf_reset(tmp);
    if (bc_text_slug(s, n, tmp) == BC_OK && tmp->len > 0) {
        bc_buf_append(keys, tmp->data, tmp->len);
        bc_buf_putc(keys, '|');
    } else if (bc_buf_failed(tmp)) {
        keys->failed = 1;
    }
}

/* Keys of a side. Strong ones: the whole and the whole without "(...)"; weak ones: each
 * "(...)" and each comma-separated part: "Ban Vuoc, Bat Xat" -> ban-vuoc-bat-xat;
 * ban-vuoc, bat-xat. */
static void side_keys(const char *side, bc_buf *keys, bc_buf *tmp, bc_buf *bare, int strong)
{
    size_t n = strlen(side);
    if (strong)
        add_key(keys, side, n, tmp);
    bc_buf_reset(bare);
    int depth = 0;
    size_t open = 0;
    for (size_t i = 0; i < n; i++) {
        if (side[i] == '(') {
            if (depth++ == 0)
                open = i + 1;
        } else if (side[i] == ')' && depth > 0) {
            if (--depth == 0 && !strong)
                add_key(keys, side + open, i - open, tmp);
        } else if (depth == 0) {
            bc_buf_putc(bare, side[i]);
        }
    }
    if (bare->len == 0)
        return;
    if (strong) {
        add_key(keys, bare->data, bare->len, tmp);
        return;
    }
    size_t from = 0;
    for (size_t i = 0; i <= bare->len; i++)
        if (i == bare->len || bare->data[i] == ',') {
            add_key(keys, bare->data + from, i - from, tmp);
            from = i + 1;
        }
}

static unsigned kind_mask(const char *kind)
{
    static const struct {
        const char *kind;
        unsigned mask;
    } map[] = {
        {"gate_pair", PK_GATE},
        {"traditional_opening", PK_OPENING},
        {"clearance_point", PK_CLEAR},
        {"road_bridge", PK_BRIDGE | PK_ROAD},
        {"railway_bridge", PK_BRIDGE | PK_RAIL},
        {"road", PK_ROAD},
        {"railway", PK_RAIL},
        {"transport_route", PK_ROUTE},
        {"sea_route", PK_SEA | PK_ROUTE},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(kind, map[i].kind) == 0)
            return map[i].mask;
    return 0;
}

static int load_projects(bc_store *s, bc_gazetteer *g, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "SELECT id, kind, coalesce(vn_side, ''), coalesce(cn_side, ''), "
                           "coalesce(vn_side_vi, ''), coalesce(cn_side_zh, '') FROM projects "
                           "ORDER BY id",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    bc_buf keys = BC_BUF_INIT, tmp = BC_BUF_INIT, bare = BC_BUF_INIT;
    int step = SQLITE_DONE;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        g->pr = bc_grow(g->pr, &g->cappr, g->npr + 1, sizeof *g->pr, &rc);
        if (rc != BC_OK)
            break;
        gz_project *p = &g->pr[g->npr++];
        p->id = pool_put(&g->pool, col(st, 0), strlen(col(st, 0)));
        p->kmask = kind_mask(col(st, 1));
        p->vn = pool_put(&g->pool, col(st, 2), strlen(col(st, 2)));
        p->cn = pool_put(&g->pool, col(st, 3), strlen(col(st, 3)));
        for (int side = 0; side < 2; side++) {
            bc_buf_reset(&keys);
            bc_buf_putc(&keys, '|');
            side_keys(col(st, 2 + side), &keys, &tmp, &bare, 1);
            side_keys(col(st, 4 + side), &keys, &tmp, &bare, 1);
            bc_buf_puts(&keys, "#|");
            side_keys(col(st, 2 + side), &keys, &tmp, &bare, 0);
            side_keys(col(st, 4 + side), &keys, &tmp, &bare, 0);
            size_t off = pool_put(&g->pool, keys.data, keys.len);
            if (side == 0)
                p->vn_keys = off;
            else
                p->cn_keys = off;
        }
        if (bc_buf_failed(&keys) || bc_buf_failed(&tmp) || bc_buf_failed(&bare))
            rc = BC_ENOMEM;
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading projects");
    sqlite3_reset(st);
    bc_buf_free(&keys);
    bc_buf_free(&tmp);
    bc_buf_free(&bare);
    return rc;
}

void bc_gazetteer_free(bc_gazetteer *g)
{
    if (g == NULL)
        return;
    bc_buf_free(&g->pool);
    bc_free(g->al);
    bc_free(g->me);
    bc_free(g->pr);
    bc_free(g);
}

int bc_gazetteer_load(bc_store *s, bc_gazetteer **out, bc_err *err)
{
    int rc = BC_OK;
    bc_gazetteer *g = NULL;
    if (s == NULL || out == NULL)
        return bc_err_set(err, BC_EINVAL, "bc_gazetteer_load: no store or no result");
    *out = NULL;
    g = bc_calloc(1, sizeof *g);
    if (g == NULL)
        rc = BC_ENOMEM;
    if (rc == BC_OK) {
        pool_put(&g->pool, "", 0); /* offset 0 is the empty string */
        rc = load_aliases(s, g, err);
    }
    if (rc == BC_OK)
        rc = load_mechanisms(s, g, err);
    if (rc == BC_OK)
        rc = load_projects(s, g, err);
    if (rc == BC_OK && bc_buf_failed(&g->pool))
        rc = BC_ENOMEM;
    if (rc == BC_ENOMEM)
        bc_err_set(err, BC_ENOMEM, "out of memory building the gazetteer");
    if (rc == BC_OK)
        *out = g;
    else
        bc_gazetteer_free(g);
    return rc;
}
