/* places.c: loads data/reference/places.json, the coordinates and Wikidata ids that
 * come from public gazetteers rather than from the articles (see places.h). */
#include "bordercoop/places.h"

#include "bordercoop/alloc.h"
#include "bordercoop/text.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MAX_PLACES_FILE (4u << 20)

typedef struct ctx {
    bc_store *s;
    char file[600];
    bc_err *err;
    int count;
} ctx;

static int fail(ctx *c, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(ctx *c, const char *path, const char *fmt, ...)
{
    char what[BC_ERR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return bc_err_set(c->err, BC_EINVAL, "%s: %s: %s", c->file, path, what);
}

static int keys_ok(ctx *c, json_t *o, const char *path, const char *const *allowed)
{
    if (!json_is_object(o))
        return fail(c, path, "expected an object");
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v)
    {
        int known = 0;
        for (size_t i = 0; allowed[i] != NULL && !known; i++)
            known = strcmp(allowed[i], key) == 0;
        if (!known)
            return fail(c, path, "unknown field '%s'", key);
    }
    return BC_OK;
}

/* obj[key] as a non-empty string (borrowed) or NULL when absent; req demands it. */
static int str(ctx *c, json_t *o, const char *path, const char *key, int req, const char **out)
{
    *out = NULL;
    json_t *v = json_object_get(o, key);
    if (v == NULL || json_is_null(v))
        return req ? fail(c, path, "missing required field '%s'", key) : BC_OK;
    if (!json_is_string(v) || json_string_length(v) == 0 || json_string_length(v) > 2000 ||
        strlen(json_string_value(v)) != json_string_length(v))
        return fail(c, path, "'%s' must be a non-empty string of at most 2000 bytes", key);
    *out = json_string_value(v);
    return BC_OK;
}

static int run(ctx *c, const char *path, const char *sql, const bc_bind *vals, size_t n)
{
    bc_err err;
    int rc = bc_store_run(c->s, sql, vals, n, &err);
    if (rc == BC_ESTORE && (sqlite3_errcode(bc_store_db(c->s)) & 0xff) == SQLITE_CONSTRAINT)
        return fail(c, path, "listed twice");
    if (rc != BC_OK)
        bc_err_set(c->err, rc, "%s: %s: store error: %s", c->file, path, err.msg);
    return rc;
}

/* 1 when sql (one text parameter) returns a row, 0 when not, -1 on a store error. */
static int exists(ctx *c, const char *sql, const char *a, const char *b)
{
    sqlite3_stmt *st;
    if (bc_store_stmt(c->s, sql, &st, c->err) != BC_OK)
        return -1;
    sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
    if (b != NULL)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step == SQLITE_ROW)
        return 1;
    if (step == SQLITE_DONE)
        return 0;
    bc_err_set(c->err, BC_ESTORE, "%s", sqlite3_errmsg(bc_store_db(c->s)));
    return -1;
}

static int digits(const char *s)
{
    if (*s == '\0' || *s == '0' || strlen(s) > 18)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static int qid_ok(const char *q)
{
    return q[0] == 'Q' && digits(q + 1);
}

int bc_places_reference_ok(const char *ref)
{
    if (ref == NULL)
        return 0;
    if (strncmp(ref, "geonames:", 9) == 0)
        return digits(ref + 9);
    if (strncmp(ref, "wikidata:", 9) == 0)
        return qid_ok(ref + 9);
    if (strncmp(ref, "osm:node/", 9) == 0)
        return digits(ref + 9);
    if (strncmp(ref, "vn-cn-marker:", 13) == 0) {
        /* a marker number, and for a pair or triple of markers sharing it "(1)".."(3)" */
        const char *p = ref + 13;
        size_t n = strspn(p, "0123456789");
        if (n == 0 || n > 5 || p[0] == '0')
            return 0;
        p += n;
        return *p == '\0' ||
               (p[0] == '(' && p[1] >= '1' && p[1] <= '3' && p[2] == ')' && p[3] == '\0');
    }
    return 0;
}

/* 1 when url is an http(s) URL without spaces or control bytes. */
static int url_ok(const char *url)
{
    if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
        return 0;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= ' ' || *p == 0x7f)
            return 0;
    return 1;
}

/* One location object at o[key]: *present is 0 when absent. */
static int location(ctx *c, json_t *o, const char *path, const char *key, const char *entity,
                    const char *id, const char *side, int *present)
{
    *present = 0;
    json_t *l = json_object_get(o, key);
    if (l == NULL || json_is_null(l))
        return BC_OK;
    char p[200];
    snprintf(p, sizeof p, "%s.%s", path, key);
    static const char *const keys[] = {
        "lat", "lon", "precision", "reference", "reference_name", "note", "reference_url", NULL};
    int rc = keys_ok(c, l, p, keys);
    double ll[2];
    const char *names[2] = {"lat", "lon"};
    const double lim[2] = {90, 180};
    for (int i = 0; rc == BC_OK && i < 2; i++) {
        json_t *v = json_object_get(l, names[i]);
        if (v == NULL || !json_is_number(v))
            rc = fail(c, p, "'%s' must be a number", names[i]);
        else if (!isfinite(ll[i] = json_number_value(v)) || fabs(ll[i]) > lim[i])
            rc = fail(c, p, "'%s' %g is out of range -%g..%g", names[i], ll[i], lim[i], lim[i]);
    }
    const char *prec = NULL, *ref = NULL, *rname = NULL, *note = NULL, *url = NULL;
    if (rc == BC_OK)
        rc = str(c, l, p, "precision", 1, &prec);
    if (rc == BC_OK) {
        int e = exists(c, "SELECT 1 FROM vocab WHERE field = 'location_precision' AND value = ?1",
                       prec, NULL);
        if (e < 0)
            rc = BC_ESTORE;
        else if (e == 0)
            rc = fail(c, p,
                      "'%s' is not an allowed precision (one of: centroid, district_seat, "
                      "locality, province_seat, site)",
                      prec);
    }
    if (rc == BC_OK)
        rc = str(c, l, p, "reference", 1, &ref);
    if (rc == BC_OK && !bc_places_reference_ok(ref))
        rc = fail(c, p,
                  "reference '%.80s' is not geonames:N, wikidata:QN, osm:node/N or "
                  "vn-cn-marker:N(K)",
                  ref);
    /* a marker's coordinates come from a page that publishes them: it must be named */
    int needs_url = rc == BC_OK && strncmp(ref, "vn-cn-marker:", 13) == 0;
    if (rc == BC_OK)
        rc = str(c, l, p, "reference_url", needs_url, &url);
    if (rc == BC_OK && url != NULL && !url_ok(url))
        rc = fail(c, p, "reference_url '%.80s' is not an http(s) URL", url);
    if (rc == BC_OK)
        rc = str(c, l, p, "reference_name", 0, &rname);
    if (rc == BC_OK)
        rc = str(c, l, p, "note", 0, &note);
    if (rc == BC_OK)
        rc = run(c, p,
                 "INSERT INTO places (entity, entity_id, side, lat, lon, precision, reference, "
                 "reference_name, note, reference_url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                 "?10)",
                 BC_BINDS(bc_text(entity), bc_text(id), bc_text(side), bc_real(ll[0]),
                          bc_real(ll[1]), bc_text(prec), bc_text(ref), bc_text(rname),
                          bc_text(note), bc_text(url)));
    if (rc == BC_OK) {
        *present = 1;
        c->count++;
    }
    return rc;
}

static int wikidata(ctx *c, json_t *o, const char *path, const char *entity, const char *id)
{
    const char *q;
    int rc = str(c, o, path, "wikidata", 0, &q);
    if (rc != BC_OK || q == NULL)
        return rc;
    if (!qid_ok(q))
        return fail(c, path, "wikidata '%.40s' is not a Wikidata item id (Q and digits)", q);
    /* never a guess: where the id was read is recorded with it */
    const char *from;
    rc = str(c, o, path, "wikidata_source", 1, &from);
    if (rc != BC_OK)
        return rc;
    return run(c, path, "INSERT INTO wikidata_ids (entity, entity_id, qid) VALUES (?1, ?2, ?3)",
               BC_BINDS(bc_text(entity), bc_text(id), bc_text(q)));
}

typedef struct section {
    const char *name;   /* key in the file */
    const char *entity; /* places / wikidata_ids entity */
    const char *exists_sql;
    const char *const *keys;
} section;

static int load_section(ctx *c, json_t *root, const section *sec)
{
    json_t *arr = json_object_get(root, sec->name);
    if (arr == NULL || json_is_null(arr))
        return BC_OK;
    if (!json_is_array(arr))
        return fail(c, sec->name, "must be an array");
    int rc = BC_OK;
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        json_t *o = json_array_get(arr, i);
        char p[128];
        snprintf(p, sizeof p, "%s[%zu]", sec->name, i);
        const char *id = NULL;
        rc = keys_ok(c, o, p, sec->keys);
        if (rc == BC_OK)
            rc = str(c, o, p, "id", 1, &id);
        if (rc == BC_OK) {
            int e = exists(c, sec->exists_sql, id, NULL);
            if (e < 0)
                rc = BC_ESTORE;
            else if (e == 0)
                rc = fail(c, p, "unknown %s '%.80s'", sec->entity, id);
        }
        int got = 0, has = 0;
        if (rc == BC_OK && strcmp(sec->entity, "province") == 0) {
            rc = location(c, o, p, "location", "province", id, "seat", &has);
            got += has;
        }
        if (rc == BC_OK && strcmp(sec->entity, "project") == 0) {
            rc = location(c, o, p, "vn_location", "project", id, "vn", &has);
            got += has;
            if (rc == BC_OK)
                rc = location(c, o, p, "cn_location", "project", id, "cn", &has);
            got += has;
        }
        if (rc == BC_OK)
            rc = wikidata(c, o, p, sec->entity, id);
        if (rc == BC_OK && got == 0 && json_object_get(o, "wikidata") == NULL)
            rc = fail(c, p, "neither a location nor a wikidata id");
    }
    return rc;
}

/* `no_wikidata`: the items no Wikidata id was found for, each with the reason. */
static int load_no_wikidata(ctx *c, json_t *root)
{
    json_t *arr = json_object_get(root, "no_wikidata");
    if (arr == NULL || json_is_null(arr))
        return BC_OK;
    if (!json_is_array(arr))
        return fail(c, "no_wikidata", "must be an array");
    static const struct {
        const char *kind, *sql;
    } KINDS[] = {
        {"province", "SELECT 1 FROM provinces WHERE id = ?1"},
        {"person", "SELECT 1 FROM people WHERE id = ?1"},
        {"project", "SELECT 1 FROM projects WHERE id = ?1"},
    };
    int rc = BC_OK;
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"kind", "id", "reason", NULL};
        json_t *o = json_array_get(arr, i);
        char p[128];
        snprintf(p, sizeof p, "no_wikidata[%zu]", i);
        const char *kind = NULL, *id = NULL, *reason = NULL, *sql = NULL;
        rc = keys_ok(c, o, p, keys);
        if (rc == BC_OK)
            rc = str(c, o, p, "kind", 1, &kind);
        if (rc == BC_OK)
            rc = str(c, o, p, "id", 1, &id);
        if (rc == BC_OK)
            rc = str(c, o, p, "reason", 1, &reason);
        for (size_t k = 0; rc == BC_OK && k < sizeof KINDS / sizeof KINDS[0]; k++)
            if (strcmp(KINDS[k].kind, kind) == 0)
                sql = KINDS[k].sql;
        if (rc == BC_OK && sql == NULL)
            rc = fail(c, p, "kind '%.20s' must be province, person or project", kind);
        if (rc == BC_OK) {
            int e = exists(c, sql, id, NULL);
            if (e == 0)
                rc = fail(c, p, "unknown %s '%.80s'", kind, id);
            else if (e < 0)
                rc = BC_ESTORE;
        }
        if (rc == BC_OK) {
            int e = exists(c, "SELECT 1 FROM wikidata_ids WHERE entity = ?1 AND entity_id = ?2",
                           kind, id);
            if (e == 1)
                rc = fail(c, p, "%s '%.80s' has a wikidata id and is listed as without one", kind,
                          id);
            else if (e < 0)
                rc = BC_ESTORE;
        }
    }
    return rc;
}

static int load_unlocated(ctx *c, json_t *root)
{
    json_t *arr = json_object_get(root, "unlocated");
    if (arr == NULL || json_is_null(arr))
        return BC_OK;
    if (!json_is_array(arr))
        return fail(c, "unlocated", "must be an array");
    int rc = BC_OK;
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id", "side", "reason", NULL};
        json_t *o = json_array_get(arr, i);
        char p[128];
        snprintf(p, sizeof p, "unlocated[%zu]", i);
        const char *id, *side, *reason;
        rc = keys_ok(c, o, p, keys);
        if (rc == BC_OK)
            rc = str(c, o, p, "id", 1, &id);
        if (rc == BC_OK)
            rc = str(c, o, p, "side", 1, &side);
        if (rc == BC_OK)
            rc = str(c, o, p, "reason", 1, &reason);
        if (rc == BC_OK && strcmp(side, "vn") != 0 && strcmp(side, "cn") != 0)
            rc = fail(c, p, "side '%.20s' must be vn or cn", side);
        if (rc == BC_OK) {
            int e = exists(c, "SELECT 1 FROM projects WHERE id = ?1", id, NULL);
            if (e == 0)
                rc = fail(c, p, "unknown project '%.80s'", id);
            else if (e < 0)
                rc = BC_ESTORE;
        }
        if (rc == BC_OK) {
            int e = exists(c,
                           "SELECT 1 FROM places WHERE entity = 'project' AND entity_id = ?1 "
                           "AND side = ?2",
                           id, side);
            if (e == 1)
                rc = fail(c, p, "the %s side of '%.80s' has a location and is listed as unlocated",
                          side, id);
            else if (e < 0)
                rc = BC_ESTORE;
        }
        if (rc == BC_OK)
            rc = run(c, p,
                     "INSERT INTO unlocated_places (entity, entity_id, side, reason) VALUES "
                     "('project', ?1, ?2, ?3)",
                     BC_BINDS(bc_text(id), bc_text(side), bc_text(reason)));
    }
    return rc;
}

int bc_places_load(bc_store *s, const char *data_dir, bc_sha256 *hash, int *count, bc_err *err)
{
    ctx c = {.s = s, .err = err};
    if (count != NULL)
        *count = 0;
    snprintf(c.file, sizeof c.file, "%s/%s", data_dir, BC_PLACES_FILE);
    FILE *f = fopen(c.file, "rb");
    if (f == NULL)
        return errno == ENOENT ? BC_OK : bc_err_set(err, BC_EIO, "%s: %s", c.file, strerror(errno));
    char *text = bc_malloc(MAX_PLACES_FILE + 1);
    size_t len = text != NULL ? fread(text, 1, MAX_PLACES_FILE + 1, f) : 0;
    int rc = BC_OK;
    if (text == NULL)
        rc = bc_err_set(err, BC_ENOMEM, "out of memory reading %s", c.file);
    else if (ferror(f))
        rc = bc_err_set(err, BC_EIO, "%s: read error", c.file);
    else if (len > MAX_PLACES_FILE)
        rc = bc_err_set(err, BC_ETOOBIG, "%s: larger than %u bytes", c.file, MAX_PLACES_FILE);
    fclose(f);
    json_t *root = NULL;
    if (rc == BC_OK) {
        if (hash != NULL) {
            bc_sha256_update(hash, BC_PLACES_FILE, strlen(BC_PLACES_FILE) + 1);
            bc_sha256_update(hash, text, len);
        }
        json_error_t je;
        int oom;
        root = bc_json_loadb(text, len, JSON_REJECT_DUPLICATES, &je, &oom);
        if (oom)
            rc = bc_err_set(err, BC_ENOMEM, "%s: out of memory reading it", c.file);
        else if (root == NULL)
            rc = bc_err_set(err, BC_EINVAL, "%s:%d:%d: invalid JSON: %s", c.file, je.line,
                            je.column, je.text);
    }
    bc_free(text);
    static const char *const top[] = {"about",  "license",   "provinces",   "projects",
                                      "people", "unlocated", "no_wikidata", NULL};
    if (rc == BC_OK)
        rc = keys_ok(&c, root, "$", top);
    static const char *const prov_keys[] = {"id", "location", "wikidata", "wikidata_source", NULL};
    static const char *const proj_keys[] = {"id",       "vn_location",     "cn_location",
                                            "wikidata", "wikidata_source", NULL};
    static const char *const person_keys[] = {"id", "wikidata", "wikidata_source", NULL};
    const section sections[] = {
        {"provinces", "province", "SELECT 1 FROM provinces WHERE id = ?1", prov_keys},
        {"projects", "project", "SELECT 1 FROM projects WHERE id = ?1", proj_keys},
        {"people", "person", "SELECT 1 FROM people WHERE id = ?1", person_keys},
    };
    for (size_t i = 0; rc == BC_OK && i < sizeof sections / sizeof sections[0]; i++)
        rc = load_section(&c, root, &sections[i]);
    if (rc == BC_OK)
        rc = load_unlocated(&c, root);
    if (rc == BC_OK)
        rc = load_no_wikidata(&c, root);
    json_decref(root);
    if (rc == BC_OK && count != NULL)
        *count = c.count;
    return rc;
}
