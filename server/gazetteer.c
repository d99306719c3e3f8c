/* gazetteer.c: the names the extractor knows (gazetteer.h), kept as folded word
 * sequences in one pool with a hash index on each name's first word (its first character
 * for Chinese names), so that finding every name in an article costs a few lookups per
 * token. bc_gazetteer_load is the only SQL of the extractor family. */
#include "bordercoop/gazetteer.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/sha256.h"
#include "bordercoop/text.h"
#include "extract_int.h"

#include <stdio.h>
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
    for (int i = 0; e != NULL && i < 5; i++) /* places come from projects only */
        if (strcmp(e, names[i]) == 0)
            return i + 1;
    return 0;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

size_t bcx_gz_key_len(const char *w)
{
    unsigned cp;
    size_t l = dec(w, strlen(w), 0, &cp);
    return is_han(cp) ? l : strlen(w);
}

/* Rebuilds the hash index over every alias (when it has grown past half full). */
static int reindex(bc_gazetteer *g)
{
    size_t n = 64;
    while (n < 2 * g->nal + 2)
        n *= 2;
    size_t *slots = bc_calloc(n, sizeof *slots);
    if (slots == NULL)
        return BC_ENOMEM;
    for (size_t i = 0; i < g->nal; i++) {
        const char *w = GZ(g, g->al[i].words);
        size_t h = (size_t)(hash_bytes(w, bcx_gz_key_len(w)) & (n - 1));
        g->al[i].next = slots[h];
        slots[h] = i + 1;
    }
    bc_free(g->slots);
    g->slots = slots;
    g->nslots = n;
    return BC_OK;
}

size_t bcx_gz_first(const bc_gazetteer *g, const char *key, size_t n)
{
    if (g->nslots == 0)
        return 0;
    return g->slots[hash_bytes(key, n) & (g->nslots - 1)];
}

static int add_alias(bc_gazetteer *g, int e, const char *id, const char *alias);

/* A Chinese province name also goes without its 省 ("老街省" is written "老街" in lists). */
int bc_gazetteer_add_alias(bc_gazetteer *g, const char *entity, const char *id, const char *alias)
{
    int e = entity_code(entity);
    if (g == NULL || e == 0 || id == NULL || alias == NULL)
        return BC_EINVAL;
    int rc = add_alias(g, e, id, alias);
    size_t n = strlen(alias);
    unsigned cp;
    if (rc == BC_OK && e == E_PROVINCE && n >= 9 && strcmp(alias + n - 3, "省") == 0 &&
        (dec(alias, n, 0, &cp), is_han(cp))) {
        char shorter[256];
        if (n - 3 < sizeof shorter) {
            memcpy(shorter, alias, n - 3);
            shorter[n - 3] = '\0';
            rc = add_alias(g, e, id, shorter);
        }
    }
    return rc;
}

static int add_alias(bc_gazetteer *g, int e, const char *id, const char *alias)
{
    int rc = BC_OK;
    if (strcmp(alias, id) == 0)
        return BC_OK; /* the id itself is registered as an alias: not a name in text */
    bc_buf key = BC_BUF_INIT;
    if (bc_text_slug(alias, strlen(alias), &key) != BC_OK || key.len == 0) {
        rc = bc_buf_failed(&key) ? BC_ENOMEM : BC_OK;
        bc_buf_free(&key);
        return rc;
    }
    g->al = bc_grow(g->al, &g->capal, g->nal + 1, sizeof *g->al, &rc);
    if (rc == BC_OK) {
        gz_alias *a = &g->al[g->nal++];
        a->entity = e;
        a->id = pool_put(&g->pool, id, strlen(id));
        a->nwords = 1;
        for (size_t i = 0; i < key.len; i++)
            if (key.data[i] == '-') {
                key.data[i] = '\0';
                a->nwords++;
            }
        a->words = pool_put(&g->pool, key.data, key.len);
        if (bc_buf_failed(&g->pool))
            rc = BC_ENOMEM;
    }
    if (rc == BC_OK && 2 * g->nal >= g->nslots)
        rc = reindex(g);
    else if (rc == BC_OK) {
        const char *w = GZ(g, g->al[g->nal - 1].words);
        size_t h = (size_t)(hash_bytes(w, bcx_gz_key_len(w)) & (g->nslots - 1));
        g->al[g->nal - 1].next = g->slots[h];
        g->slots[h] = g->nal;
    }
    bc_buf_free(&key);
    return rc;
}

int bc_gazetteer_add_province(bc_gazetteer *g, const char *id, const char *country,
                              const char *merged_into)
{
    int rc = BC_OK;
    if (g == NULL || id == NULL || country == NULL)
        return BC_EINVAL;
    g->pv = bc_grow(g->pv, &g->cappv, g->npv + 1, sizeof *g->pv, &rc);
    if (rc != BC_OK)
        return rc;
    gz_province *p = &g->pv[g->npv++];
    p->id = pool_put(&g->pool, id, strlen(id));
    p->cn = strcmp(country, "CN") == 0;
    p->merged_into = merged_into ? pool_put(&g->pool, merged_into, strlen(merged_into)) : 0;
    return bc_buf_failed(&g->pool) ? BC_ENOMEM : BC_OK;
}

static int mech_kind(const char *k)
{
    return k == NULL                          ? -1
           : strcmp(k, "conference") == 0     ? K_CONF
           : strcmp(k, "working_group") == 0  ? K_WG
           : strcmp(k, "committee") == 0      ? K_COMMITTEE
           : strcmp(k, "spring_meeting") == 0 ? K_SPRING
                                              : -1;
}

int bc_gazetteer_add_mechanism(bc_gazetteer *g, const char *id, const char *kind,
                               const char *const *members, size_t nmembers)
{
    int rc = BC_OK;
    if (g == NULL || id == NULL || (members == NULL && nmembers > 0))
        return BC_EINVAL;
    g->me = bc_grow(g->me, &g->capme, g->nme + 1, sizeof *g->me, &rc);
    if (rc != BC_OK)
        return rc;
    gz_mech *m = &g->me[g->nme++];
    memset(m, 0, sizeof *m);
    m->id = pool_put(&g->pool, id, strlen(id));
    m->kind = mech_kind(kind);
    bc_buf list = BC_BUF_INIT;
    bc_buf_putc(&list, ' ');
    for (size_t i = 0; i < nmembers; i++) {
        bc_buf_puts(&list, members[i]);
        bc_buf_putc(&list, ' ');
    }
    m->members = pool_put(&g->pool, list.data, list.len);
    m->nmembers = (int)nmembers;
    rc = bc_buf_failed(&list) || bc_buf_failed(&g->pool) ? BC_ENOMEM : BC_OK;
    bc_buf_free(&list);
    return rc;
}

void bcx_side_key(const char *s, size_t n, bc_buf *out)
{
    size_t from = out->len, to = from;
    if (bc_text_slug(s, n, out) != BC_OK)
        return;
    for (size_t i = from; i < out->len; i++)
        if (out->data[i] != '-')
            out->data[to++] = out->data[i];
    out->len = to;
    if (out->data != NULL)
        out->data[to] = '\0';
}

/* Appends "key|" for the side key of the n bytes at s (nothing when it has no letters). */
static void add_key(bc_buf *keys, const char *s, size_t n, bc_buf *tmp)
{
    bc_buf_reset(tmp);
    bcx_side_key(s, n, tmp);
    if (!bc_buf_failed(tmp) && tmp->len > 0) {
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

/* 1 when "|key|" is in the keys so far. */
static int keys_have(const bc_buf *keys, const bc_buf *key)
{
    for (size_t i = 0; keys->data != NULL && i + key->len + 1 < keys->len; i++)
        if (keys->data[i] == '|' && keys->data[i + key->len + 1] == '|' &&
            memcmp(keys->data + i + 1, key->data, key->len) == 0)
            return 1;
    return 0;
}

/* Appends the keys of the other names of every border place of the side (cn: China's)
 * that one of its keys names: "Mong Cai" is also "芒街", "峒中" also "Dongzhong". */
static void place_keys(bc_buf *keys, int cn, bc_buf *tmp)
{
    const char *names;
    for (size_t i = 0; (names = bcx_border_place(cn, i)) != NULL && !keys->failed; i++) {
        int named = 0;
        for (int pass = 0; pass < 1 + named; pass++)
            for (const char *at = names; *at != '\0' && (pass == 1 || !named);) {
                size_t n = strcspn(at, "|");
                bc_buf_reset(tmp);
                bcx_side_key(at, n, tmp);
                if (bc_buf_failed(tmp))
                    keys->failed = 1;
                else if (pass == 0)
                    named = tmp->len > 0 && keys_have(keys, tmp);
                else if (tmp->len > 0 && !keys_have(keys, tmp)) {
                    bc_buf_append(keys, tmp->data, tmp->len);
                    bc_buf_putc(keys, '|');
                }
                at += n + (at[n] == '|');
            }
    }
}

unsigned bcx_kind_mask(const char *kind)
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
    for (size_t i = 0; kind != NULL && i < sizeof map / sizeof map[0]; i++)
        if (strcmp(kind, map[i].kind) == 0)
            return map[i].mask;
    return 0;
}

/* The names in a recorded side ("Kim Thuy Ha (Jinshuihe)", "Bac Luan II bridge, Mong Cai
 * City", "Lao Cai - Hanoi - Hai Phong") as places of country ("VN", "CN"). */
static int side_places(bc_gazetteer *g, const char *side, const char *country)
{
    char buf[512];
    int rc = BC_OK;
    size_t n = strlen(side), from = 0;
    for (size_t i = 0; i <= n && rc == BC_OK; i++) {
        int cut = i == n || side[i] == ',' || side[i] == '(' || side[i] == ')' ||
                  (side[i] == '-' && i > 0 && side[i - 1] == ' ');
        if (!cut)
            continue;
        size_t a = from, b = i;
        while (a < b && side[a] == ' ')
            a++;
        while (b > a && side[b - 1] == ' ')
            b--;
        if (b > a && b - a < sizeof buf) {
            memcpy(buf, side + a, b - a);
            buf[b - a] = '\0';
            rc = add_alias(g, E_PLACE, country, buf);
        }
        from = i + 1;
    }
    return rc;
}

int bc_gazetteer_add_place(bc_gazetteer *g, const char *country, const char *name)
{
    if (g == NULL || country == NULL || name == NULL ||
        (strcmp(country, "VN") != 0 && strcmp(country, "CN") != 0))
        return BC_EINVAL;
    return add_alias(g, E_PLACE, country, name);
}

int bc_gazetteer_add_project(bc_gazetteer *g, const char *id, const char *kind, const char *vn_side,
                             const char *cn_side, const char *vn_side_vi, const char *cn_side_zh)
{
    int rc = BC_OK;
    if (g == NULL || id == NULL)
        return BC_EINVAL;
    const char *sides[4] = {vn_side ? vn_side : "", cn_side ? cn_side : "",
                            vn_side_vi ? vn_side_vi : "", cn_side_zh ? cn_side_zh : ""};
    g->pr = bc_grow(g->pr, &g->cappr, g->npr + 1, sizeof *g->pr, &rc);
    if (rc != BC_OK)
        return rc;
    gz_project *p = &g->pr[g->npr++];
    p->id = pool_put(&g->pool, id, strlen(id));
    p->kmask = bcx_kind_mask(kind);
    p->kind = pool_put(&g->pool, kind ? kind : "", kind ? strlen(kind) : 0);
    p->vn = pool_put(&g->pool, sides[0], strlen(sides[0]));
    p->cn = pool_put(&g->pool, sides[1], strlen(sides[1]));
    bc_buf keys = BC_BUF_INIT, tmp = BC_BUF_INIT, bare = BC_BUF_INIT;
    for (int side = 0; side < 2; side++) {
        bc_buf_reset(&keys);
        bc_buf_putc(&keys, '|');
        side_keys(sides[side], &keys, &tmp, &bare, 1);
        side_keys(sides[2 + side], &keys, &tmp, &bare, 1);
        place_keys(&keys, side == 1, &tmp);
        bc_buf_puts(&keys, "#|");
        side_keys(sides[side], &keys, &tmp, &bare, 0);
        side_keys(sides[2 + side], &keys, &tmp, &bare, 0);
        /* a part's other names are weak keys too: "Ban Vuoc, Bat Xat" is also 巴越 */
        place_keys(&keys, side == 1, &tmp);
        size_t off = pool_put(&g->pool, keys.data, keys.len);
        if (side == 0)
            p->vn_keys = off;
        else
            p->cn_keys = off;
    }
    p->line_words = 0;
    p->curated = 0;
    if (sides[1][0] == '\0' && strchr(sides[0], ' ') != NULL) {
        bc_buf_reset(&tmp);
        bc_text_slug(sides[0], strlen(sides[0]), &tmp);
        for (size_t i = 0; i < tmp.len; i++)
            if (tmp.data[i] == '-')
                tmp.data[i] = ' ';
        if (tmp.len > 0 && !bc_buf_failed(&tmp))
            p->line_words = pool_put(&g->pool, tmp.data, tmp.len);
    }
    if (bc_buf_failed(&keys) || bc_buf_failed(&tmp) || bc_buf_failed(&bare) ||
        bc_buf_failed(&g->pool))
        rc = BC_ENOMEM;
    for (int side = 0; side < 4 && rc == BC_OK; side++)
        rc = side_places(g, sides[side], side % 2 == 0 ? "VN" : "CN");
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
    bc_free(g->slots);
    bc_free(g->pv);
    bc_free(g->me);
    bc_free(g->pr);
    bc_free(g);
}

int bc_gazetteer_new(bc_gazetteer **out, bc_err *err)
{
    if (out == NULL)
        return bc_err_set(err, BC_EINVAL, "bc_gazetteer_new: no result");
    *out = bc_calloc(1, sizeof **out);
    if (*out == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory building the gazetteer");
    pool_put(&(*out)->pool, "", 0); /* offset 0 is the empty string */
    if (bc_buf_failed(&(*out)->pool) || reindex(*out) != BC_OK) {
        bc_gazetteer_free(*out);
        *out = NULL;
        return bc_err_set(err, BC_ENOMEM, "out of memory building the gazetteer");
    }
    return BC_OK;
}

/* ---- from a store ------------------------------------------------------------------- */

static const char *col(sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    return v ? v : "";
}

static const char *col_or_null(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* Runs sql and hands every row to row(); stops at the first failure. */
/* Adds the columns of the row st is on to the fingerprint h: each value with its length,
 * NULL told apart from "". */
static void print_row(bc_sha256 *h, sqlite3_stmt *st)
{
    for (int i = 0, n = sqlite3_column_count(st); i < n; i++) {
        const unsigned char *v = sqlite3_column_text(st, i);
        char len[24];
        int m = v == NULL ? snprintf(len, sizeof len, "N|")
                          : snprintf(len, sizeof len, "%d|", sqlite3_column_bytes(st, i));
        bc_sha256_update(h, len, (size_t)m);
        if (v != NULL)
            bc_sha256_update(h, v, (size_t)sqlite3_column_bytes(st, i));
    }
    bc_sha256_update(h, "\n", 1);
}

static int each(bc_store *s, bc_gazetteer *g, bc_sha256 *h, const char *sql,
                int (*row)(bc_gazetteer *, sqlite3_stmt *), const char *what, bc_err *err)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, sql, &st, err), step = SQLITE_DONE;
    bc_sha256_update(h, sql, strlen(sql)); /* which rows follow */
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        print_row(h, st);
        rc = row(g, st);
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, what);
    if (rc == BC_ENOMEM || rc == BC_EINVAL)
        bc_err_set(err, rc, "out of memory building the gazetteer (%s)", what);
    if (st != NULL)
        sqlite3_reset(st);
    return rc;
}

static int alias_row(bc_gazetteer *g, sqlite3_stmt *st)
{
    return bc_gazetteer_add_alias(g, col(st, 0), col(st, 2), col(st, 1));
}

static int province_row(bc_gazetteer *g, sqlite3_stmt *st)
{
    return bc_gazetteer_add_province(g, col(st, 0), col(st, 1), col_or_null(st, 2));
}

static int mechanism_row(bc_gazetteer *g, sqlite3_stmt *st)
{
    /* members arrive as one space-separated list: split it in place in a copy */
    char list[1024];
    const char *members[32];
    size_t n = 0;
    snprintf(list, sizeof list, "%s", col(st, 2));
    for (char *p = strtok(list, " "); p != NULL && n < 32; p = strtok(NULL, " "))
        members[n++] = p;
    return bc_gazetteer_add_mechanism(g, col(st, 0), col(st, 1), members, n);
}

static int project_row(bc_gazetteer *g, sqlite3_stmt *st)
{
    int rc = bc_gazetteer_add_project(g, col(st, 0), col(st, 1), col_or_null(st, 2),
                                      col_or_null(st, 3), col_or_null(st, 4), col_or_null(st, 5));
    if (rc == BC_OK) /* what a neutral "crossing" links to first (bcx_gate_want_of) */
        g->pr[g->npr - 1].curated = sqlite3_column_int(st, 6);
    return rc;
}

int bc_gazetteer_load(bc_store *s, bc_gazetteer **out, bc_err *err)
{
    bc_gazetteer *g = NULL;
    if (s == NULL || out == NULL)
        return bc_err_set(err, BC_EINVAL, "bc_gazetteer_load: no store or no result");
    *out = NULL;
    bc_sha256 h;
    bc_sha256_init(&h);
    int rc = bc_gazetteer_new(&g, err);
    if (rc == BC_OK)
        rc = each(s, g, &h,
                  "SELECT entity, alias, entity_id FROM aliases WHERE entity IN "
                  "('province', 'person', 'mechanism', 'project', 'meeting') "
                  "ORDER BY entity, entity_id, alias",
                  alias_row, "reading aliases", err);
    if (rc == BC_OK)
        rc = each(s, g, &h, "SELECT id, country, merged_into FROM provinces ORDER BY id",
                  province_row, "reading provinces", err);
    if (rc == BC_OK)
        rc = each(s, g, &h,
                  "SELECT m.id, m.kind, coalesce(group_concat(mm.province_id, ' '), '') "
                  "FROM mechanisms m LEFT JOIN mechanism_members mm ON mm.mechanism_id = m.id "
                  "GROUP BY m.id ORDER BY m.id",
                  mechanism_row, "reading mechanisms", err);
    if (rc == BC_OK)
        rc = each(s, g, &h,
                  "SELECT id, kind, vn_side, cn_side, vn_side_vi, cn_side_zh, "
                  "curation IN ('curated', 'reviewed') FROM projects "
                  "WHERE curation <> 'rejected' "
                  "ORDER BY curation NOT IN ('curated', 'reviewed'), id",
                  project_row, "reading projects", err);
    if (rc == BC_OK)
        rc = bc_gazetteer_add_border_places(g);
    if (rc == BC_OK) {
        unsigned char digest[32];
        bc_sha256_final(&h, digest);
        bc_sha256_tohex(digest, g->print);
        *out = g;
    } else {
        bc_gazetteer_free(g);
    }
    return rc;
}

void bc_gazetteer_fingerprint(const bc_gazetteer *g, char out[65])
{
    snprintf(out, 65, "%s", g != NULL ? g->print : "");
}
