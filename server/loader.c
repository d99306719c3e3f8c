/* loader.c: reads data/ and fills the store in one transaction. Each section reader
 * validates its objects field by field (unknown keys, types, vocabularies, references,
 * verbatim quotes) before inserting, so a bad file yields "file: path: what is wrong". */
#include "bordercoop/loader.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/changes.h"
#include "bordercoop/date.h"
#include "bordercoop/inferred.h"
#include "bordercoop/ingest.h"
#include "bordercoop/places.h"
#include "bordercoop/keys.h"
#include "bordercoop/review.h"
#include "bordercoop/search.h"
#include "bordercoop/sha256.h"
#include "bordercoop/text.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_TEXT      8000 /* longest string field accepted in a fact file */
#define MAX_FACT_FILE (16u << 20)

typedef struct article {
    char *id;
    char *body; /* owned, NUL-terminated */
    size_t len;
} article;

typedef struct loader {
    bc_store *s;
    const char *dir;
    char file[600]; /* the file being read, as shown in messages */
    bc_err *err;
    article *articles;
    size_t narticles;
    bc_sha256 hash;
    bc_load_stats *st;
    bc_buf key;      /* scratch for alias keys */
    bc_buf inferred; /* the last inferred_field: JSON array text */
} loader;

/* ---- errors and small helpers ------------------------------------------------------ */

static int fail(loader *L, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(loader *L, const char *path, const char *fmt, ...)
{
    char what[BC_ERR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return bc_err_set(L->err, BC_EINVAL, "%s: %s: %s", L->file, path, what);
}

static int db_fail(loader *L, const char *path)
{
    return bc_err_set(L->err, BC_ESTORE, "%s: %s: store error: %s", L->file, path,
                      sqlite3_errmsg(bc_store_db(L->s)));
}

/* Runs one statement binding args by the letters of `types`: s = const char * (NULL
 * binds NULL), i = int, j = const int * (NULL binds NULL), d = double, e = const double *
 * (NULL binds NULL). *found (may be NULL) is set to 1 when a row came back, and the
 * first column of that row is copied to row_text (may be NULL, size row_cap). */
static int run(loader *L, const char *path, const char *sql, const char *types, ...)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(L->s, sql, &st, L->err);
    if (rc != BC_OK)
        return rc;
    va_list ap;
    va_start(ap, types);
    bc_store_bindv(st, types, ap);
    va_end(ap);
    int step = sqlite3_step(st);
    if (step != SQLITE_DONE && step != SQLITE_ROW)
        rc = db_fail(L, path);
    sqlite3_reset(st);
    return rc;
}

/* 1 when `sql` (one text parameter) returns a row for value, 0 when not, -1 on error. */
static int exists(loader *L, const char *sql, const char *value)
{
    sqlite3_stmt *st;
    if (bc_store_stmt(L->s, sql, &st, L->err) != BC_OK)
        return -1;
    sqlite3_bind_text(st, 1, value, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step == SQLITE_ROW)
        return 1;
    if (step == SQLITE_DONE)
        return 0;
    bc_err_set(L->err, BC_ESTORE, "%s", sqlite3_errmsg(bc_store_db(L->s)));
    return -1;
}

typedef struct refkind {
    const char *what;
    const char *sql;
} refkind;

static const refkind REF_PROVINCE = {"province", "SELECT 1 FROM provinces WHERE id = ?1"};
static const refkind REF_PERSON = {"person", "SELECT 1 FROM people WHERE id = ?1"};
static const refkind REF_MECHANISM = {"mechanism", "SELECT 1 FROM mechanisms WHERE id = ?1"};
static const refkind REF_MEETING = {"meeting", "SELECT 1 FROM meetings WHERE id = ?1"};
static const refkind REF_METRIC = {"metric", "SELECT 1 FROM metrics WHERE id = ?1"};
static const refkind REF_FIGURE = {"figure", "SELECT 1 FROM figures WHERE id = ?1"};
static const refkind REF_PROJECT = {"project", "SELECT 1 FROM projects WHERE id = ?1"};
static const refkind REF_PROTOCOL = {"protocol", "SELECT 1 FROM protocols WHERE id = ?1"};
static const refkind REF_SOURCE = {"source", "SELECT 1 FROM sources WHERE id = ?1"};

static int check_ref(loader *L, const refkind *k, const char *id, const char *path)
{
    if (id == NULL)
        return BC_OK;
    int e = exists(L, k->sql, id);
    if (e < 0)
        return BC_ESTORE;
    return e ? BC_OK : fail(L, path, "unknown %s '%s'", k->what, id);
}

static int check_new_id(loader *L, const refkind *k, const char *id, const char *path)
{
    int e = exists(L, k->sql, id);
    if (e < 0)
        return BC_ESTORE;
    return e ? fail(L, path, "duplicate %s id '%s'", k->what, id) : BC_OK;
}

static int check_vocab(loader *L, const char *field, const char *value, const char *path)
{
    if (value == NULL)
        return BC_OK;
    sqlite3_stmt *st;
    int rc =
        bc_store_stmt(L->s, "SELECT 1 FROM vocab WHERE field = ?1 AND value = ?2", &st, L->err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, field, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step == SQLITE_ROW)
        return BC_OK;
    if (step != SQLITE_DONE)
        return db_fail(L, path);
    /* list the allowed values in the message */
    bc_buf list = BC_BUF_INIT;
    rc =
        bc_store_stmt(L->s, "SELECT value FROM vocab WHERE field = ?1 ORDER BY value", &st, L->err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, field, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (list.len > 0)
            bc_buf_puts(&list, ", ");
        bc_buf_puts(&list, (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_reset(st);
    rc = fail(L, path, "'%s' is not an allowed %s (one of: %s)", value, field,
              list.data ? list.data : "");
    bc_buf_free(&list);
    return rc;
}

/* ---- JSON field access ------------------------------------------------------------- */

static int keys_ok(loader *L, json_t *obj, const char *path, const char *const *allowed)
{
    if (!json_is_object(obj))
        return fail(L, path, "expected an object");
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v)
    {
        int known = 0;
        for (size_t i = 0; allowed[i] != NULL && !known; i++)
            known = strcmp(allowed[i], key) == 0;
        if (!known)
            return fail(L, path, "unknown field '%s'", key);
    }
    return BC_OK;
}

enum { OPT = 0, REQ = 1, ID = 2 };

/* Reads obj[key] as a string into *out (borrowed from obj). Missing or null leaves *out
 * NULL, which is an error when flags has REQ. ID demands a canonical id. */
static int str_field(loader *L, json_t *obj, const char *path, const char *key, int flags,
                     const char **out)
{
    *out = NULL;
    json_t *v = json_object_get(obj, key);
    if (v == NULL || json_is_null(v)) {
        if (flags & REQ)
            return fail(L, path, "missing required field '%s'", key);
        return BC_OK;
    }
    if (!json_is_string(v))
        return fail(L, path, "'%s' must be a string", key);
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (n == 0)
        return fail(L, path, "'%s' must not be empty", key);
    if (n > MAX_TEXT)
        return fail(L, path, "'%s' is longer than %d bytes", key, MAX_TEXT);
    if (strlen(s) != n)
        return fail(L, path, "'%s' contains a NUL character", key);
    if ((flags & ID) && !bc_text_is_id(s))
        return fail(L, path,
                    "'%s' value '%.60s' is not an id (lower-case letters and digits joined "
                    "by single '-')",
                    key, s);
    *out = s;
    return BC_OK;
}

/* Reads obj[key] as an integer; *has is 0 when absent or null. */
static int int_field(loader *L, json_t *obj, const char *path, const char *key, int flags, int *has,
                     int *out)
{
    *has = 0;
    json_t *v = json_object_get(obj, key);
    if (v == NULL || json_is_null(v))
        return (flags & REQ) ? fail(L, path, "missing required field '%s'", key) : BC_OK;
    if (!json_is_integer(v))
        return fail(L, path, "'%s' must be an integer", key);
    json_int_t n = json_integer_value(v);
    if (n < 0 || n > 1000000)
        return fail(L, path, "'%s' is out of range 0..1000000", key);
    *has = 1;
    *out = (int)n;
    return BC_OK;
}

static int num_field(loader *L, json_t *obj, const char *path, const char *key, int flags, int *has,
                     double *out)
{
    *has = 0;
    json_t *v = json_object_get(obj, key);
    if (v == NULL || json_is_null(v))
        return (flags & REQ) ? fail(L, path, "missing required field '%s'", key) : BC_OK;
    if (!json_is_number(v))
        return fail(L, path, "'%s' must be a number", key);
    double d = json_number_value(v);
    if (!isfinite(d))
        return fail(L, path, "'%s' must be finite", key);
    *has = 1;
    *out = d;
    return BC_OK;
}

/* Reads obj[key] as an array (borrowed) or NULL when absent; REQ demands at least one. */
static int arr_field(loader *L, json_t *obj, const char *path, const char *key, int flags,
                     json_t **out)
{
    *out = NULL;
    json_t *v = json_object_get(obj, key);
    if (v == NULL || json_is_null(v)) {
        if (flags & REQ)
            return fail(L, path, "missing required field '%s'", key);
        return BC_OK;
    }
    if (!json_is_array(v))
        return fail(L, path, "'%s' must be an array", key);
    if ((flags & REQ) && json_array_size(v) == 0)
        return fail(L, path, "'%s' must not be empty", key);
    *out = v;
    return BC_OK;
}

static int date_field(loader *L, json_t *obj, const char *path, const char *key, bc_date *d,
                      int *has)
{
    const char *s;
    *has = 0;
    int rc = str_field(L, obj, path, key, OPT, &s);
    if (rc != BC_OK || s == NULL)
        return rc;
    bc_err e;
    if (bc_date_parse(s, d, &e) != BC_OK)
        return fail(L, path, "'%s': %s", key, e.msg);
    *has = 1;
    return BC_OK;
}

/* Reads obj.inferred (field paths of a `kind` fact the text does not state) into
 * L->inferred as JSON text ("[]" when absent). A non-empty list needs the fact's note
 * (note, may be NULL) to give the reason. */
static int inferred_field(loader *L, json_t *obj, const char *path, bc_fact_kind kind,
                          const char *note)
{
    bc_err e;
    json_t *v = json_object_get(obj, "inferred");
    bc_buf_reset(&L->inferred);
    if (bc_inferred_from_json(kind, v, &L->inferred, &e) != BC_OK)
        return e.code == BC_ENOMEM ? bc_err_set(L->err, BC_ENOMEM, "out of memory")
                                   : fail(L, path, "%s", e.msg);
    if (json_array_size(v) > 0 && note == NULL)
        return fail(L, path, "'inferred' lists %zu field(s); the 'note' must give the reason",
                    json_array_size(v));
    return BC_OK;
}

/* ---- citations and aliases --------------------------------------------------------- */

typedef enum cite_target {
    CITE_MEETING,
    CITE_FIGURE,
    CITE_PROJECT,
    CITE_EVENT,
    CITE_PROTOCOL,
    CITE_PERSON,
    CITE_PROVINCE,
    CITE_DECISION,
    CITE_PARTICIPANT,
    CITE_AREA,
} cite_target;

#define CITE_HEAD "INSERT INTO citations (source_id, quote, quote_start, quote_end, "
static const char *const CITE_SQL[] = {
    [CITE_MEETING] = CITE_HEAD "meeting_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    [CITE_FIGURE] = CITE_HEAD "figure_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    [CITE_PROJECT] = CITE_HEAD "project_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    [CITE_EVENT] = CITE_HEAD "event_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    [CITE_PROTOCOL] = CITE_HEAD "protocol_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    [CITE_PERSON] = CITE_HEAD "person_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    [CITE_PROVINCE] = CITE_HEAD "province_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    [CITE_DECISION] =
        CITE_HEAD "decision_meeting_id, decision_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [CITE_PARTICIPANT] =
        CITE_HEAD "participant_meeting_id, participant_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [CITE_AREA] = CITE_HEAD "area_protocol_id, area_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
};

static const article *find_article(loader *L, const char *id)
{
    for (size_t i = 0; i < L->narticles; i++)
        if (strcmp(L->articles[i].id, id) == 0)
            return &L->articles[i];
    return NULL;
}

/* Inserts every {source, quote} of obj.sources (which must be non-empty) for the fact
 * `id` (and `seq` for the composite targets). */
static int cite_all(loader *L, json_t *obj, const char *path, cite_target target, const char *id,
                    int seq)
{
    json_t *arr;
    char p[512];
    int rc = arr_field(L, obj, path, "sources", REQ, &arr);
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"source", "quote", NULL};
        json_t *c = json_array_get(arr, i);
        const char *src, *quote;
        snprintf(p, sizeof p, "%s.sources[%zu]", path, i);
        rc = keys_ok(L, c, p, keys);
        if (rc == BC_OK)
            rc = str_field(L, c, p, "source", REQ | ID, &src);
        if (rc == BC_OK)
            rc = str_field(L, c, p, "quote", REQ, &quote);
        if (rc != BC_OK)
            break;
        const article *a = find_article(L, src);
        if (a == NULL) {
            rc = fail(L, p, "unknown source '%s'", src);
            break;
        }
        size_t qlen = strlen(quote);
        long at = bc_text_find(a->body, a->len, quote, qlen);
        if (at < 0) {
            rc = fail(L, p, "quote \"%.80s%s\" is not verbatim in source '%s'", quote,
                      qlen > 80 ? "..." : "", src);
            break;
        }
        int start = (int)at, end = (int)(at + (long)qlen);
        if (target >= CITE_DECISION)
            rc = run(L, p, CITE_SQL[target], "ssiisi", src, quote, start, end, id, seq);
        else
            rc = run(L, p, CITE_SQL[target], "ssiis", src, quote, start, end, id);
        if (rc == BC_OK && L->st)
            L->st->citations++;
    }
    return rc;
}

static int alias_add(loader *L, const char *entity, const char *id, const char *alias,
                     const char *lang, const char *path)
{
    bc_buf_reset(&L->key);
    int rc = bc_text_slug(alias, strlen(alias), &L->key);
    if (rc == BC_ENOMEM)
        return bc_err_set(L->err, BC_ENOMEM, "out of memory");
    if (rc != BC_OK || L->key.len == 0)
        return fail(L, path, "alias '%s' has no letters or digits", alias);
    sqlite3_stmt *st;
    rc = bc_store_stmt(L->s,
                       "SELECT entity_id, max(alias = ?3) FROM aliases "
                       "WHERE entity = ?1 AND alias_key = ?2 GROUP BY entity_id",
                       &st, L->err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, L->key.data, (int)L->key.len, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, alias, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        const char *other = (const char *)sqlite3_column_text(st, 0);
        int same_spelling = sqlite3_column_int(st, 1);
        if (strcmp(other, id) != 0)
            rc =
                fail(L, path, "alias '%s' of %s '%s' already names '%s'", alias, entity, id, other);
        sqlite3_reset(st);
        if (rc != BC_OK || same_spelling)
            return rc; /* the very same name again: nothing to add */
    } else {
        sqlite3_reset(st);
        if (step != SQLITE_DONE)
            return db_fail(L, path);
    }
    /* a new spelling ("Vân Nam" beside "Van Nam") of a key this entity owns, or a new key */
    rc = run(L, path,
             "INSERT INTO aliases (entity, alias_key, entity_id, alias, lang) "
             "VALUES (?1, ?2, ?3, ?4, ?5)",
             "sssss", entity, L->key.data, id, alias, lang);
    if (rc == BC_OK && L->st)
        L->st->aliases++;
    return rc;
}

/* Registers the id, the name and every obj.aliases[] {alias, lang} of an entity. */
static int aliases_from(loader *L, json_t *obj, const char *path, const char *entity,
                        const char *id, const char *name)
{
    int rc = alias_add(L, entity, id, id, NULL, path);
    if (rc == BC_OK && name != NULL)
        rc = alias_add(L, entity, id, name, NULL, path);
    json_t *arr;
    if (rc == BC_OK)
        rc = arr_field(L, obj, path, "aliases", OPT, &arr);
    char p[512];
    for (size_t i = 0; rc == BC_OK && arr != NULL && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"alias", "lang", NULL};
        json_t *a = json_array_get(arr, i);
        const char *alias, *lang;
        snprintf(p, sizeof p, "%s.aliases[%zu]", path, i);
        rc = keys_ok(L, a, p, keys);
        if (rc == BC_OK)
            rc = str_field(L, a, p, "alias", REQ, &alias);
        if (rc == BC_OK)
            rc = str_field(L, a, p, "lang", REQ, &lang);
        if (rc == BC_OK)
            rc = check_vocab(L, "lang", lang, p);
        if (rc == BC_OK)
            rc = alias_add(L, entity, id, alias, lang, p);
    }
    return rc;
}

/* ---- files ------------------------------------------------------------------------- */

/* Reads dir/rel into a new NUL-terminated buffer of at most max bytes. */
static int read_file(loader *L, const char *rel, size_t max, char **out, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", L->dir, rel);
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return bc_err_set(L->err, errno == ENOENT ? BC_ENOTFOUND : BC_EIO, "%s: %s", path,
                          strerror(errno));
    bc_buf b = BC_BUF_INIT;
    char chunk[65536];
    size_t n;
    int rc = BC_OK;
    while (rc == BC_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > max)
            rc = bc_err_set(L->err, BC_ETOOBIG, "%s: larger than %zu bytes", path, max);
        else
            bc_buf_append(&b, chunk, n);
    }
    if (rc == BC_OK && ferror(f))
        rc = bc_err_set(L->err, BC_EIO, "%s: read error", path);
    fclose(f);
    if (rc == BC_OK && bc_buf_reserve(&b, 0) != BC_OK)
        rc = bc_err_set(L->err, BC_ENOMEM, "out of memory reading %s", path);
    if (rc != BC_OK) {
        bc_buf_free(&b);
        return rc;
    }
    *out = bc_buf_steal(&b, len);
    /* the content version covers the name and every byte of every input */
    bc_sha256_update(&L->hash, rel, strlen(rel) + 1);
    bc_sha256_update(&L->hash, *out, *len);
    return BC_OK;
}

/* Loads facts file rel whose top level is {"<top>": [...]}; *root is new (decref it),
 * *arr borrowed from it. */
static int load_json(loader *L, const char *rel, const char *top, json_t **root, json_t **arr)
{
    *root = NULL;
    snprintf(L->file, sizeof L->file, "%s/%s", L->dir, rel);
    char *text;
    size_t len;
    int rc = read_file(L, rel, MAX_FACT_FILE, &text, &len);
    if (rc != BC_OK)
        return rc;
    json_error_t je;
    *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    bc_free(text);
    if (*root == NULL)
        return bc_err_set(L->err, BC_EINVAL, "%s:%d:%d: invalid JSON: %s", L->file, je.line,
                          je.column, je.text);
    const char *const keys[] = {top, NULL};
    rc = keys_ok(L, *root, "$", keys);
    if (rc == BC_OK)
        rc = arr_field(L, *root, "$", top, REQ, arr);
    return rc;
}

/* ---- sections ---------------------------------------------------------------------- */

static int load_sources(loader *L)
{
    json_t *root, *arr;
    int rc = load_json(L, "sources.json", "sources", &root, &arr);
    if (rc == BC_OK) {
        L->articles = bc_calloc(json_array_size(arr), sizeof *L->articles);
        if (L->articles == NULL)
            rc = bc_err_set(L->err, BC_ENOMEM, "out of memory");
    }
    char p[128];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id",     "file",         "lang", "title", "publisher",
                                           "author", "published_on", "url",  "note",  NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *file, *lang, *title, *publisher, *author, *url, *note;
        bc_date pub;
        int has_pub;
        snprintf(p, sizeof p, "sources[%zu]", i);
        rc = keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = check_new_id(L, &REF_SOURCE, id, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "file", REQ, &file);
        if (rc == BC_OK && (strncmp(file, "articles/", 9) != 0 || strstr(file, "..") != NULL ||
                            strchr(file + 9, '/') != NULL))
            rc = fail(L, p, "'file' must name a file directly under articles/, got '%s'", file);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "lang", REQ, &lang);
        if (rc == BC_OK)
            rc = check_vocab(L, "lang", lang, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "title", OPT, &title);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "publisher", OPT, &publisher);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "author", OPT, &author);
        if (rc == BC_OK)
            rc = date_field(L, o, p, "published_on", &pub, &has_pub);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "url", OPT, &url);
        if (rc == BC_OK && url != NULL && strncmp(url, "https://", 8) != 0 &&
            strncmp(url, "http://", 7) != 0)
            rc = fail(L, p, "'url' must be an http(s) URL");
        if (rc == BC_OK)
            rc = str_field(L, o, p, "note", OPT, &note);
        if (rc != BC_OK)
            break;
        article *a = &L->articles[L->narticles];
        rc = read_file(L, file, BC_LOADER_MAX_ARTICLE, &a->body, &a->len);
        if (rc != BC_OK) {
            bc_err inner = *L->err;
            rc = bc_err_set(L->err, inner.code, "%s: %s.file: %s", L->file, p, inner.msg);
            break;
        }
        a->id = bc_strdup(id);
        L->narticles++;
        if (a->id == NULL) {
            rc = bc_err_set(L->err, BC_ENOMEM, "out of memory");
            break;
        }
        if (a->len == 0)
            rc = fail(L, p, "article %s is empty", file);
        else if (!bc_utf8_valid(a->body, a->len))
            rc = fail(L, p, "article %s is not valid UTF-8", file);
        if (rc != BC_OK)
            break;
        char sha[65];
        bc_sha256_hex(a->body, a->len, sha);
        for (size_t k = 0; k + 1 < L->narticles; k++)
            if (L->articles[k].len == a->len && memcmp(L->articles[k].body, a->body, a->len) == 0)
                rc = fail(L, p, "article %s has the same text as source '%s'", file,
                          L->articles[k].id);
        if (rc == BC_OK)
            rc = run(L, p,
                     "INSERT INTO sources (id, file, lang, title, publisher, author, "
                     "published_on, url, sha256, bytes, body, note) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                     "sssssssssiss", id, file, lang, title, publisher, author,
                     has_pub ? pub.text : NULL, url, sha, (int)a->len, a->body, note);
        if (rc == BC_OK)
            rc = alias_add(L, "source", id, id, NULL, p);
        if (rc == BC_OK && L->st)
            L->st->sources++;
    }
    json_decref(root);
    return rc;
}

static int load_metrics(loader *L)
{
    json_t *root, *arr;
    int rc = load_json(L, "facts/metrics.json", "metrics", &root, &arr);
    char p[128];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id", "category", "unit", "description", NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *category, *unit, *description;
        snprintf(p, sizeof p, "metrics[%zu]", i);
        rc = keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "id", REQ, &id);
        if (rc == BC_OK) {
            for (const char *c = id; *c && rc == BC_OK; c++)
                if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
                    rc =
                        fail(L, p, "metric id '%s' must be lower-case letters, digits and '_'", id);
        }
        if (rc == BC_OK)
            rc = check_new_id(L, &REF_METRIC, id, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "category", REQ, &category);
        if (rc == BC_OK)
            rc = check_vocab(L, "category", category, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "unit", REQ, &unit);
        if (rc == BC_OK)
            rc = check_vocab(L, "unit", unit, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "description", REQ, &description);
        if (rc == BC_OK)
            rc = run(L, p,
                     "INSERT INTO metrics (id, category, unit, description) "
                     "VALUES (?1, ?2, ?3, ?4)",
                     "ssss", id, category, unit, description);
        if (rc == BC_OK && L->st)
            L->st->metrics++;
    }
    json_decref(root);
    return rc;
}

static int load_provinces(loader *L)
{
    json_t *root, *arr;
    int rc = load_json(L, "facts/provinces.json", "provinces", &root, &arr);
    char p[128];
    /* first pass inserts, second pass resolves merged_into (it may point forward) */
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id",      "name",    "name_vi",     "name_zh",
                                           "country", "level",   "merged_into", "aliases",
                                           "note",    "sources", NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *name, *vi, *zh, *country, *level, *note;
        snprintf(p, sizeof p, "provinces[%zu]", i);
        rc = keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = check_new_id(L, &REF_PROVINCE, id, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "name", REQ, &name);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "name_vi", OPT, &vi);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "name_zh", OPT, &zh);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "country", REQ, &country);
        if (rc == BC_OK)
            rc = check_vocab(L, "country", country, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "level", REQ, &level);
        if (rc == BC_OK)
            rc = check_vocab(L, "province_level", level, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "note", OPT, &note);
        if (rc == BC_OK)
            rc = run(L, p,
                     "INSERT INTO provinces (id, name, name_vi, name_zh, country, level, note) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                     "sssssss", id, name, vi, zh, country, level, note);
        if (rc == BC_OK)
            rc = aliases_from(L, o, p, "province", id, name);
        if (rc == BC_OK && vi != NULL)
            rc = alias_add(L, "province", id, vi, "vi", p);
        if (rc == BC_OK && zh != NULL)
            rc = alias_add(L, "province", id, zh, "zh", p);
        if (rc == BC_OK)
            rc = cite_all(L, o, p, CITE_PROVINCE, id, 0);
        if (rc == BC_OK && L->st)
            L->st->provinces++;
    }
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        json_t *o = json_array_get(arr, i);
        const char *id, *into;
        snprintf(p, sizeof p, "provinces[%zu]", i);
        str_field(L, o, p, "id", REQ, &id);
        rc = str_field(L, o, p, "merged_into", ID, &into);
        if (rc == BC_OK && into != NULL) {
            if (strcmp(into, id) == 0)
                rc = fail(L, p, "'merged_into' names the province itself");
            if (rc == BC_OK)
                rc = check_ref(L, &REF_PROVINCE, into, p);
            if (rc == BC_OK)
                rc = run(L, p, "UPDATE provinces SET merged_into = ?2 WHERE id = ?1", "ss", id,
                         into);
        }
    }
    json_decref(root);
    return rc;
}

static int load_people(loader *L)
{
    json_t *root, *arr;
    int rc = load_json(L, "facts/people.json", "people", &root, &arr);
    char p[128], q[160];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id",    "name", "country",  "province", "aliases",
                                           "roles", "note", "inferred", "sources",  NULL};
        json_t *o = json_array_get(arr, i), *roles;
        const char *id, *name, *country, *province, *note;
        snprintf(p, sizeof p, "people[%zu]", i);
        rc = keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = check_new_id(L, &REF_PERSON, id, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "name", REQ, &name);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "country", REQ, &country);
        if (rc == BC_OK)
            rc = check_vocab(L, "country", country, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "province", ID, &province);
        if (rc == BC_OK)
            rc = check_ref(L, &REF_PROVINCE, province, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "note", OPT, &note);
        if (rc == BC_OK)
            rc = arr_field(L, o, p, "roles", REQ, &roles);
        if (rc == BC_OK)
            rc = inferred_field(L, o, p, BC_FACT_PERSON, note);
        if (rc == BC_OK)
            rc = run(L, p,
                     "INSERT INTO people (id, name, country, province_id, note, inferred) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                     "ssssss", id, name, country, province, note, L->inferred.data);
        for (size_t k = 0; rc == BC_OK && k < json_array_size(roles); k++) {
            static const char *const rkeys[] = {"role", "organisation", "province", NULL};
            json_t *r = json_array_get(roles, k);
            const char *role, *org, *rprov;
            snprintf(q, sizeof q, "%s.roles[%zu]", p, k);
            rc = keys_ok(L, r, q, rkeys);
            if (rc == BC_OK)
                rc = str_field(L, r, q, "role", REQ, &role);
            if (rc == BC_OK)
                rc = str_field(L, r, q, "organisation", OPT, &org);
            if (rc == BC_OK)
                rc = str_field(L, r, q, "province", ID, &rprov);
            if (rc == BC_OK)
                rc = check_ref(L, &REF_PROVINCE, rprov, q);
            if (rc == BC_OK)
                rc = run(L, q,
                         "INSERT INTO person_roles (person_id, seq, role, organisation, "
                         "province_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                         "sisss", id, (int)k + 1, role, org, rprov);
        }
        if (rc == BC_OK)
            rc = aliases_from(L, o, p, "person", id, name);
        if (rc == BC_OK)
            rc = cite_all(L, o, p, CITE_PERSON, id, 0);
        if (rc == BC_OK && L->st)
            L->st->people++;
    }
    json_decref(root);
    return rc;
}

/* Reads obj[key] as an array of province ids (REQ: at least one) and calls insert for
 * each with its 1-based position. */
static int province_list(loader *L, json_t *obj, const char *path, const char *key, int flags,
                         const char *sql, const char *owner)
{
    json_t *arr;
    char q[200];
    int rc = arr_field(L, obj, path, key, flags, &arr);
    for (size_t k = 0; rc == BC_OK && arr != NULL && k < json_array_size(arr); k++) {
        json_t *v = json_array_get(arr, k);
        snprintf(q, sizeof q, "%s.%s[%zu]", path, key, k);
        if (!json_is_string(v)) {
            rc = fail(L, q, "expected a province id");
            break;
        }
        const char *prov = json_string_value(v);
        rc = check_ref(L, &REF_PROVINCE, prov, q);
        for (size_t j = 0; rc == BC_OK && j < k; j++)
            if (strcmp(json_string_value(json_array_get(arr, j)), prov) == 0)
                rc = fail(L, q, "province '%s' is listed twice", prov);
        if (rc == BC_OK)
            rc = run(L, q, sql, "ssi", owner, prov, (int)k + 1);
    }
    return rc;
}

static int load_mechanisms(loader *L)
{
    json_t *root, *arr;
    int rc = load_json(L, "facts/mechanisms.json", "mechanisms", &root, &arr);
    char p[128];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id",      "name", "kind",     "description", "members",
                                           "aliases", "note", "inferred", NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *name, *kind, *description, *note;
        snprintf(p, sizeof p, "mechanisms[%zu]", i);
        rc = keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = check_new_id(L, &REF_MECHANISM, id, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "name", REQ, &name);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "kind", REQ, &kind);
        if (rc == BC_OK)
            rc = check_vocab(L, "mechanism_kind", kind, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "description", OPT, &description);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "note", OPT, &note);
        if (rc == BC_OK)
            rc = inferred_field(L, o, p, BC_FACT_MECHANISM, note);
        if (rc == BC_OK)
            rc = run(L, p,
                     "INSERT INTO mechanisms (id, name, kind, description, note, inferred) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                     "ssssss", id, name, kind, description, note, L->inferred.data);
        if (rc == BC_OK)
            rc = province_list(L, o, p, "members", REQ,
                               "INSERT INTO mechanism_members (mechanism_id, province_id) "
                               "SELECT ?1, ?2 WHERE ?3 > 0",
                               id);
        if (rc == BC_OK)
            rc = aliases_from(L, o, p, "mechanism", id, NULL);
        if (rc == BC_OK && L->st)
            L->st->mechanisms++;
    }
    json_decref(root);
    return rc;
}

static int load_participants(loader *L, json_t *o, const char *p, const char *meeting)
{
    json_t *arr;
    char q[200];
    int rc = arr_field(L, o, p, "participants", OPT, &arr);
    for (size_t k = 0; rc == BC_OK && arr != NULL && k < json_array_size(arr); k++) {
        static const char *const keys[] = {"person", "role",     "side",    "province",
                                           "note",   "inferred", "sources", NULL};
        json_t *x = json_array_get(arr, k);
        const char *person, *role, *side, *prov, *note;
        snprintf(q, sizeof q, "%s.participants[%zu]", p, k);
        rc = keys_ok(L, x, q, keys);
        if (rc == BC_OK)
            rc = str_field(L, x, q, "person", REQ | ID, &person);
        if (rc == BC_OK)
            rc = check_ref(L, &REF_PERSON, person, q);
        if (rc == BC_OK)
            rc = str_field(L, x, q, "role", REQ, &role);
        if (rc == BC_OK)
            rc = str_field(L, x, q, "side", REQ, &side);
        if (rc == BC_OK)
            rc = check_vocab(L, "country", side, q);
        if (rc == BC_OK)
            rc = str_field(L, x, q, "province", ID, &prov);
        if (rc == BC_OK)
            rc = check_ref(L, &REF_PROVINCE, prov, q);
        if (rc == BC_OK)
            rc = str_field(L, x, q, "note", OPT, &note);
        if (rc == BC_OK)
            rc = inferred_field(L, x, q, BC_FACT_PARTICIPANT, note);
        if (rc == BC_OK)
            rc = run(L, q,
                     "INSERT INTO meeting_participants (meeting_id, seq, person_id, role, side, "
                     "province_id, note, inferred) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                     "sissssss", meeting, (int)k + 1, person, role, side, prov, note,
                     L->inferred.data);
        if (rc == BC_OK)
            rc = cite_all(L, x, q, CITE_PARTICIPANT, meeting, (int)k + 1);
        if (rc == BC_OK && L->st)
            L->st->participants++;
    }
    return rc;
}

static int load_decisions(loader *L, json_t *o, const char *p, const char *meeting)
{
    json_t *arr;
    char q[200];
    int rc = arr_field(L, o, p, "decisions", OPT, &arr);
    for (size_t k = 0; rc == BC_OK && arr != NULL && k < json_array_size(arr); k++) {
        static const char *const keys[] = {"kind", "text", "note", "inferred", "sources", NULL};
        json_t *x = json_array_get(arr, k);
        const char *kind, *text, *note;
        snprintf(q, sizeof q, "%s.decisions[%zu]", p, k);
        rc = keys_ok(L, x, q, keys);
        if (rc == BC_OK)
            rc = str_field(L, x, q, "kind", REQ, &kind);
        if (rc == BC_OK)
            rc = check_vocab(L, "decision_kind", kind, q);
        if (rc == BC_OK)
            rc = str_field(L, x, q, "text", REQ, &text);
        if (rc == BC_OK)
            rc = str_field(L, x, q, "note", OPT, &note);
        if (rc == BC_OK)
            rc = inferred_field(L, x, q, BC_FACT_DECISION, note);
        if (rc == BC_OK)
            rc = run(L, q,
                     "INSERT INTO meeting_decisions (meeting_id, seq, kind, text, note, inferred) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                     "sissss", meeting, (int)k + 1, kind, text, note, L->inferred.data);
        if (rc == BC_OK)
            rc = cite_all(L, x, q, CITE_DECISION, meeting, (int)k + 1);
        if (rc == BC_OK && L->st)
            L->st->decisions++;
    }
    return rc;
}

static int load_meetings(loader *L)
{
    json_t *root, *arr;
    int rc = load_json(L, "facts/meetings.json", "meetings", &root, &arr);
    char p[128];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {
            "id",           "mechanism", "ordinal",  "title",   "date",    "place",
            "host",         "status",    "summary",  "note",    "aliases", "provinces",
            "participants", "decisions", "inferred", "sources", NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *mech, *title, *place, *host, *status, *summary, *note;
        int has_ord, ordinal, has_date;
        bc_date d;
        snprintf(p, sizeof p, "meetings[%zu]", i);
        rc = keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = check_new_id(L, &REF_MEETING, id, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "mechanism", REQ | ID, &mech);
        if (rc == BC_OK)
            rc = check_ref(L, &REF_MECHANISM, mech, p);
        if (rc == BC_OK)
            rc = int_field(L, o, p, "ordinal", OPT, &has_ord, &ordinal);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "title", REQ, &title);
        if (rc == BC_OK)
            rc = date_field(L, o, p, "date", &d, &has_date);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "place", OPT, &place);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "host", ID, &host);
        if (rc == BC_OK)
            rc = check_ref(L, &REF_PROVINCE, host, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "status", REQ, &status);
        if (rc == BC_OK)
            rc = check_vocab(L, "meeting_status", status, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "summary", OPT, &summary);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "note", OPT, &note);
        if (rc == BC_OK && has_ord) {
            int dup = 0;
            sqlite3_stmt *st;
            rc = bc_store_stmt(L->s,
                               "SELECT id FROM meetings WHERE mechanism_id = ?1 AND ordinal = ?2",
                               &st, L->err);
            if (rc == BC_OK) {
                sqlite3_bind_text(st, 1, mech, -1, SQLITE_TRANSIENT);
                sqlite3_bind_int(st, 2, ordinal);
                dup = sqlite3_step(st) == SQLITE_ROW;
                if (dup)
                    rc = fail(L, p, "mechanism '%s' already has meeting %d ('%s')", mech, ordinal,
                              sqlite3_column_text(st, 0));
                sqlite3_reset(st);
            }
        }
        if (rc == BC_OK)
            rc = inferred_field(L, o, p, BC_FACT_MEETING, note);
        if (rc == BC_OK)
            rc = run(L, p,
                     "INSERT INTO meetings (id, mechanism_id, ordinal, title, date, "
                     "date_precision, date_start, date_end, year, place, host_province_id, "
                     "status, summary, note, inferred) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                     "ssjsssssjssssss", id, mech, has_ord ? &ordinal : NULL, title,
                     has_date ? d.text : NULL, has_date ? bc_precision_name(d.precision) : NULL,
                     has_date ? d.start : NULL, has_date ? d.end : NULL, has_date ? &d.year : NULL,
                     place, host, status, summary, note, L->inferred.data);
        if (rc == BC_OK) {
            json_t *provs = json_object_get(o, "provinces");
            if (provs != NULL)
                rc = province_list(L, o, p, "provinces", REQ,
                                   "INSERT INTO meeting_provinces (meeting_id, province_id) "
                                   "SELECT ?1, ?2 WHERE ?3 > 0",
                                   id);
            else
                rc = run(L, p,
                         "INSERT INTO meeting_provinces (meeting_id, province_id) "
                         "SELECT ?1, province_id FROM mechanism_members WHERE mechanism_id = ?2",
                         "ss", id, mech);
        }
        if (rc == BC_OK)
            rc = load_participants(L, o, p, id);
        if (rc == BC_OK)
            rc = load_decisions(L, o, p, id);
        if (rc == BC_OK)
            rc = aliases_from(L, o, p, "meeting", id, NULL);
        if (rc == BC_OK)
            rc = cite_all(L, o, p, CITE_MEETING, id, 0);
        if (rc == BC_OK && L->st)
            L->st->meetings++;
    }
    json_decref(root);
    return rc;
}

static int load_protocols(loader *L)
{
    json_t *root, *arr;
    int rc = load_json(L, "facts/protocols.json", "protocols", &root, &arr);
    char p[128], q[200];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id",        "title",   "kind",     "level",   "status",
                                           "signed_on", "meeting", "summary",  "note",    "aliases",
                                           "parties",   "areas",   "inferred", "sources", NULL};
        json_t *o = json_array_get(arr, i), *parties, *areas;
        const char *id, *title, *kind, *level, *status, *meeting, *summary, *note;
        bc_date d;
        int has_date;
        snprintf(p, sizeof p, "protocols[%zu]", i);
        rc = keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = check_new_id(L, &REF_PROTOCOL, id, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "title", REQ, &title);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "kind", REQ, &kind);
        if (rc == BC_OK)
            rc = check_vocab(L, "protocol_kind", kind, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "level", REQ, &level);
        if (rc == BC_OK)
            rc = check_vocab(L, "protocol_level", level, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "status", REQ, &status);
        if (rc == BC_OK)
            rc = check_vocab(L, "protocol_status", status, p);
        if (rc == BC_OK)
            rc = date_field(L, o, p, "signed_on", &d, &has_date);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "meeting", ID, &meeting);
        if (rc == BC_OK)
            rc = check_ref(L, &REF_MEETING, meeting, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "summary", OPT, &summary);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "note", OPT, &note);
        if (rc == BC_OK)
            rc = arr_field(L, o, p, "parties", REQ, &parties);
        if (rc == BC_OK)
            rc = arr_field(L, o, p, "areas", OPT, &areas);
        if (rc == BC_OK)
            rc = inferred_field(L, o, p, BC_FACT_PROTOCOL, note);
        if (rc == BC_OK)
            rc = run(L, p,
                     "INSERT INTO protocols (id, title, kind, level, signed_on, date_precision, "
                     "date_start, date_end, year, status, meeting_id, summary, note, inferred) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                     "ssssssssjsssss", id, title, kind, level, has_date ? d.text : NULL,
                     has_date ? bc_precision_name(d.precision) : NULL, has_date ? d.start : NULL,
                     has_date ? d.end : NULL, has_date ? &d.year : NULL, status, meeting, summary,
                     note, L->inferred.data);
        for (size_t k = 0; rc == BC_OK && k < json_array_size(parties); k++) {
            static const char *const pkeys[] = {"name", "province", NULL};
            json_t *x = json_array_get(parties, k);
            const char *name, *prov;
            snprintf(q, sizeof q, "%s.parties[%zu]", p, k);
            rc = keys_ok(L, x, q, pkeys);
            if (rc == BC_OK)
                rc = str_field(L, x, q, "name", REQ, &name);
            if (rc == BC_OK)
                rc = str_field(L, x, q, "province", ID, &prov);
            if (rc == BC_OK)
                rc = check_ref(L, &REF_PROVINCE, prov, q);
            if (rc == BC_OK)
                rc = run(L, q,
                         "INSERT INTO protocol_parties (protocol_id, seq, name, province_id) "
                         "VALUES (?1, ?2, ?3, ?4)",
                         "siss", id, (int)k + 1, name, prov);
        }
        for (size_t k = 0; rc == BC_OK && areas != NULL && k < json_array_size(areas); k++) {
            static const char *const akeys[] = {"area", "note", "inferred", "sources", NULL};
            json_t *x = json_array_get(areas, k);
            const char *area, *anote;
            snprintf(q, sizeof q, "%s.areas[%zu]", p, k);
            rc = keys_ok(L, x, q, akeys);
            if (rc == BC_OK)
                rc = str_field(L, x, q, "area", REQ, &area);
            if (rc == BC_OK)
                rc = str_field(L, x, q, "note", OPT, &anote);
            if (rc == BC_OK)
                rc = inferred_field(L, x, q, BC_FACT_AREA, anote);
            if (rc == BC_OK)
                rc = run(L, q,
                         "INSERT INTO protocol_areas (protocol_id, seq, area, note, inferred) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)",
                         "sisss", id, (int)k + 1, area, anote, L->inferred.data);
            if (rc == BC_OK)
                rc = cite_all(L, x, q, CITE_AREA, id, (int)k + 1);
            if (rc == BC_OK && L->st)
                L->st->areas++;
        }
        if (rc == BC_OK)
            rc = aliases_from(L, o, p, "protocol", id, NULL);
        if (rc == BC_OK)
            rc = cite_all(L, o, p, CITE_PROTOCOL, id, 0);
        if (rc == BC_OK && L->st)
            L->st->protocols++;
    }
    json_decref(root);
    return rc;
}

static int load_figures(loader *L)
{
    json_t *root, *arr;
    int rc = load_json(L, "facts/figures.json", "figures", &root, &arr);
    char p[128], q[200];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id",          "metric",  "value",  "unit",
                                           "qualifier",   "period",  "change", "parties",
                                           "description", "meeting", "note",   "conflicts_with",
                                           "inferred",    "sources", NULL};
        json_t *o = json_array_get(arr, i), *change;
        const char *id, *metric, *unit, *qualifier, *period_s, *description, *meeting, *note;
        const char *cq = NULL, *cbasis = NULL;
        double value, cpct = 0;
        int has_value, has_cpct = 0;
        bc_period period;
        snprintf(p, sizeof p, "figures[%zu]", i);
        rc = keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = check_new_id(L, &REF_FIGURE, id, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "metric", REQ, &metric);
        if (rc == BC_OK)
            rc = check_ref(L, &REF_METRIC, metric, p);
        if (rc == BC_OK)
            rc = num_field(L, o, p, "value", REQ, &has_value, &value);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "unit", REQ, &unit);
        if (rc == BC_OK) {
            int e = 0;
            sqlite3_stmt *st;
            rc = bc_store_stmt(L->s, "SELECT unit FROM metrics WHERE id = ?1", &st, L->err);
            if (rc == BC_OK) {
                sqlite3_bind_text(st, 1, metric, -1, SQLITE_TRANSIENT);
                if (sqlite3_step(st) == SQLITE_ROW &&
                    strcmp((const char *)sqlite3_column_text(st, 0), unit) != 0)
                    e = 1;
                if (e)
                    rc = fail(L, p, "unit '%s' does not match metric '%s' (unit '%s')", unit,
                              metric, sqlite3_column_text(st, 0));
                sqlite3_reset(st);
            }
        }
        if (rc == BC_OK)
            rc = str_field(L, o, p, "qualifier", OPT, &qualifier);
        if (rc == BC_OK)
            rc = check_vocab(L, "qualifier", qualifier, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "period", OPT, &period_s);
        if (rc == BC_OK && period_s != NULL) {
            bc_err e;
            if (bc_period_parse(period_s, &period, &e) != BC_OK)
                rc = fail(L, p, "'period': %s", e.msg);
        }
        if (rc == BC_OK)
            rc = str_field(L, o, p, "description", REQ, &description);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "meeting", ID, &meeting);
        if (rc == BC_OK)
            rc = check_ref(L, &REF_MEETING, meeting, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "note", OPT, &note);
        change = json_object_get(o, "change");
        if (rc == BC_OK && change != NULL && !json_is_null(change)) {
            static const char *const ckeys[] = {"pct", "qualifier", "basis", NULL};
            snprintf(q, sizeof q, "%s.change", p);
            rc = keys_ok(L, change, q, ckeys);
            if (rc == BC_OK)
                rc = num_field(L, change, q, "pct", REQ, &has_cpct, &cpct);
            if (rc == BC_OK)
                rc = str_field(L, change, q, "qualifier", OPT, &cq);
            if (rc == BC_OK)
                rc = check_vocab(L, "qualifier", cq, q);
            if (rc == BC_OK)
                rc = str_field(L, change, q, "basis", REQ, &cbasis);
        }
        if (rc == BC_OK)
            rc = inferred_field(L, o, p, BC_FACT_FIGURE, note);
        if (rc == BC_OK)
            rc = run(L, p,
                     "INSERT INTO figures (id, metric, category, value, unit, qualifier, period, "
                     "period_start, period_end, year, change_pct, change_qualifier, "
                     "change_basis, description, meeting_id, note, inferred) "
                     "SELECT ?1, ?2, category, ?3, ?4, coalesce(?5, 'exact'), ?6, ?7, ?8, ?9, "
                     "?10, ?11, ?12, ?13, ?14, ?15, ?16 FROM metrics WHERE id = ?2",
                     "ssdsssssjessssss", id, metric, value, unit, qualifier,
                     period_s ? period.text : NULL, period_s ? period.start : NULL,
                     period_s ? period.end : NULL, period_s ? &period.end_year : NULL,
                     has_cpct ? &cpct : NULL, has_cpct ? (cq ? cq : "exact") : NULL, cbasis,
                     description, meeting, note, L->inferred.data);
        if (rc == BC_OK)
            rc = province_list(L, o, p, "parties", REQ,
                               "INSERT INTO figure_parties (figure_id, province_id, seq) "
                               "VALUES (?1, ?2, ?3)",
                               id);
        if (rc == BC_OK)
            rc = cite_all(L, o, p, CITE_FIGURE, id, 0);
        if (rc == BC_OK && L->st)
            L->st->figures++;
    }
    /* second pass: conflicts may name figures further down the file */
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        json_t *o = json_array_get(arr, i), *conf;
        const char *id;
        snprintf(p, sizeof p, "figures[%zu]", i);
        str_field(L, o, p, "id", REQ, &id);
        rc = arr_field(L, o, p, "conflicts_with", OPT, &conf);
        for (size_t k = 0; rc == BC_OK && conf != NULL && k < json_array_size(conf); k++) {
            static const char *const ckeys[] = {"id", "note", NULL};
            json_t *x = json_array_get(conf, k);
            const char *other, *cnote;
            snprintf(q, sizeof q, "%s.conflicts_with[%zu]", p, k);
            rc = keys_ok(L, x, q, ckeys);
            if (rc == BC_OK)
                rc = str_field(L, x, q, "id", REQ | ID, &other);
            if (rc == BC_OK)
                rc = check_ref(L, &REF_FIGURE, other, q);
            if (rc == BC_OK && strcmp(other, id) == 0)
                rc = fail(L, q, "a figure cannot conflict with itself");
            if (rc == BC_OK)
                rc = str_field(L, x, q, "note", REQ, &cnote);
            if (rc == BC_OK)
                rc = run(L, q,
                         "INSERT OR IGNORE INTO figure_conflicts (figure_id, other_id, note) "
                         "VALUES (?1, ?2, ?3)",
                         "sss", id, other, cnote);
            if (rc == BC_OK && L->st)
                L->st->conflicts++;
        }
    }
    json_decref(root);
    return rc;
}

static int load_events(loader *L, json_t *o, const char *p, const char *project)
{
    json_t *arr;
    char q[200], eid[160];
    int rc = arr_field(L, o, p, "events", OPT, &arr);
    for (size_t k = 0; rc == BC_OK && arr != NULL && k < json_array_size(arr); k++) {
        static const char *const keys[] = {"kind", "date",     "meeting", "description",
                                           "note", "inferred", "sources", NULL};
        json_t *x = json_array_get(arr, k);
        const char *kind, *meeting, *description, *note;
        bc_date d;
        int has_date;
        snprintf(q, sizeof q, "%s.events[%zu]", p, k);
        snprintf(eid, sizeof eid, "%s-e%zu", project, k + 1);
        rc = keys_ok(L, x, q, keys);
        if (rc == BC_OK)
            rc = str_field(L, x, q, "kind", REQ, &kind);
        if (rc == BC_OK)
            rc = check_vocab(L, "event_kind", kind, q);
        if (rc == BC_OK)
            rc = date_field(L, x, q, "date", &d, &has_date);
        if (rc == BC_OK)
            rc = str_field(L, x, q, "meeting", ID, &meeting);
        if (rc == BC_OK)
            rc = check_ref(L, &REF_MEETING, meeting, q);
        if (rc == BC_OK)
            rc = str_field(L, x, q, "description", REQ, &description);
        if (rc == BC_OK)
            rc = str_field(L, x, q, "note", OPT, &note);
        if (rc == BC_OK)
            rc = inferred_field(L, x, q, BC_FACT_EVENT, note);
        if (rc == BC_OK)
            rc = run(L, q,
                     "INSERT INTO project_events (id, project_id, seq, kind, date, "
                     "date_precision, date_start, date_end, meeting_id, description, note, "
                     "inferred) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                     "ssisssssssss", eid, project, (int)k + 1, kind, has_date ? d.text : NULL,
                     has_date ? bc_precision_name(d.precision) : NULL, has_date ? d.start : NULL,
                     has_date ? d.end : NULL, meeting, description, note, L->inferred.data);
        if (rc == BC_OK)
            rc = cite_all(L, x, q, CITE_EVENT, eid, 0);
        if (rc == BC_OK && L->st)
            L->st->events++;
    }
    return rc;
}

static int load_projects(loader *L)
{
    json_t *root, *arr;
    int rc = load_json(L, "facts/projects.json", "projects", &root, &arr);
    char p[128];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {
            "id",         "name",        "kind",        "vn_side",  "cn_side", "vn_side_vi",
            "cn_side_zh", "vn_province", "cn_province", "status",   "part_of", "description",
            "note",       "aliases",     "events",      "inferred", "sources", NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *name, *kind, *vn, *cn, *vnp, *cnp, *status, *description, *note;
        const char *vn_vi, *cn_zh;
        snprintf(p, sizeof p, "projects[%zu]", i);
        rc = keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = check_new_id(L, &REF_PROJECT, id, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "name", REQ, &name);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "kind", REQ, &kind);
        if (rc == BC_OK)
            rc = check_vocab(L, "project_kind", kind, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "vn_side", OPT, &vn);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "cn_side", OPT, &cn);
        if (rc == BC_OK && vn == NULL && cn == NULL)
            rc = fail(L, p, "a project needs 'vn_side' or 'cn_side'");
        if (rc == BC_OK)
            rc = str_field(L, o, p, "vn_side_vi", OPT, &vn_vi);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "cn_side_zh", OPT, &cn_zh);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "vn_province", ID, &vnp);
        if (rc == BC_OK)
            rc = check_ref(L, &REF_PROVINCE, vnp, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "cn_province", ID, &cnp);
        if (rc == BC_OK)
            rc = check_ref(L, &REF_PROVINCE, cnp, p);
        if (rc == BC_OK && vnp != NULL &&
            exists(L,
                   "SELECT 1 FROM provinces WHERE id = ?1 "
                   "AND country = 'VN'",
                   vnp) != 1)
            rc = fail(L, p, "'vn_province' '%s' is not a Vietnamese province", vnp);
        if (rc == BC_OK && cnp != NULL &&
            exists(L,
                   "SELECT 1 FROM provinces WHERE id = ?1 "
                   "AND country = 'CN'",
                   cnp) != 1)
            rc = fail(L, p, "'cn_province' '%s' is not a Chinese province", cnp);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "status", REQ, &status);
        if (rc == BC_OK)
            rc = check_vocab(L, "project_status", status, p);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "description", OPT, &description);
        if (rc == BC_OK)
            rc = str_field(L, o, p, "note", OPT, &note);
        if (rc == BC_OK)
            rc = inferred_field(L, o, p, BC_FACT_PROJECT, note);
        if (rc == BC_OK)
            rc = run(L, p,
                     "INSERT INTO projects (id, name, kind, vn_side, cn_side, vn_side_vi, "
                     "cn_side_zh, vn_province_id, cn_province_id, status, description, note, "
                     "inferred) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                     "sssssssssssss", id, name, kind, vn, cn, vn_vi, cn_zh, vnp, cnp, status,
                     description, note, L->inferred.data);
        if (rc == BC_OK)
            rc = load_events(L, o, p, id);
        if (rc == BC_OK)
            rc = aliases_from(L, o, p, "project", id, name);
        if (rc == BC_OK)
            rc = cite_all(L, o, p, CITE_PROJECT, id, 0);
        if (rc == BC_OK && L->st)
            L->st->projects++;
    }
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        json_t *o = json_array_get(arr, i);
        const char *id, *part_of;
        snprintf(p, sizeof p, "projects[%zu]", i);
        str_field(L, o, p, "id", REQ, &id);
        rc = str_field(L, o, p, "part_of", ID, &part_of);
        if (rc == BC_OK && part_of != NULL && strcmp(part_of, id) == 0)
            rc = fail(L, p, "'part_of' names the project itself");
        if (rc == BC_OK)
            rc = check_ref(L, &REF_PROJECT, part_of, p);
        if (rc == BC_OK && part_of != NULL)
            rc = run(L, p, "UPDATE projects SET part_of = ?2 WHERE id = ?1", "ss", id, part_of);
    }
    json_decref(root);
    return rc;
}

/* ---- search index ------------------------------------------------------------------ */

static int load_search_index(loader *L)
{
    snprintf(L->file, sizeof L->file, "search index");
    int rc = bc_search_index_entity(L->s, NULL, NULL, L->err);
    for (size_t i = 0; rc == BC_OK && i < L->narticles; i++)
        rc = bc_search_index_source(L->s, L->articles[i].id, L->err);
    return rc;
}

/* ---- entry points ------------------------------------------------------------------ */

static int write_meta(loader *L, const char *key, const char *value)
{
    return run(L, key, "INSERT OR REPLACE INTO store_meta (key, value) VALUES (?1, ?2)", "ss", key,
               value);
}

int bc_loader_fill(bc_store *store, const char *data_dir, bc_load_stats *stats, bc_err *err)
{
    loader L;
    memset(&L, 0, sizeof L);
    L.s = store;
    L.dir = data_dir;
    L.err = err;
    bc_load_stats local;
    L.st = stats != NULL ? stats : &local;
    memset(L.st, 0, sizeof *L.st);
    bc_buf_init(&L.key);
    bc_buf_init(&L.inferred);
    bc_sha256_init(&L.hash);
    snprintf(L.file, sizeof L.file, "%s", data_dir);

    int rc = bc_store_exec(store, "BEGIN IMMEDIATE", err);
    if (rc == BC_OK)
        rc = load_sources(&L);
    if (rc == BC_OK)
        rc = load_metrics(&L);
    if (rc == BC_OK)
        rc = load_provinces(&L);
    if (rc == BC_OK)
        rc = load_people(&L);
    if (rc == BC_OK)
        rc = load_mechanisms(&L);
    if (rc == BC_OK)
        rc = load_meetings(&L);
    if (rc == BC_OK)
        rc = load_protocols(&L);
    if (rc == BC_OK)
        rc = load_figures(&L);
    if (rc == BC_OK)
        rc = load_projects(&L);
    if (rc == BC_OK)
        rc = bc_places_load(store, data_dir, &L.hash, &L.st->places, err);
    if (rc == BC_OK)
        rc = load_search_index(&L);
    if (rc == BC_OK) {
        unsigned char digest[32];
        char version[16];
        snprintf(version, sizeof version, "%d", bc_store_latest_version());
        bc_sha256_update(&L.hash, version, strlen(version) + 1);
        bc_sha256_final(&L.hash, digest);
        bc_sha256_tohex(digest, L.st->content_version);
        snprintf(L.file, sizeof L.file, "store_meta");
        rc = write_meta(&L, "content_version", L.st->content_version);
    }
    if (rc == BC_OK) {
        /* the build time is what Last-Modified reports; SOURCE_DATE_EPOCH pins it for
         * reproducible builds */
        time_t now = time(NULL);
        const char *sde = getenv("SOURCE_DATE_EPOCH");
        if (sde != NULL && *sde != '\0')
            now = (time_t)strtoll(sde, NULL, 10);
        struct tm tm;
        char when[32];
        gmtime_r(&now, &tm);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        rc = write_meta(&L, "built_at", when);
    }
    if (rc == BC_OK)
        rc = bc_store_exec(store, "COMMIT", err);
    if (rc != BC_OK)
        sqlite3_exec(bc_store_db(store), "ROLLBACK", NULL, NULL, NULL);
    for (size_t i = 0; i < L.narticles; i++) {
        bc_free(L.articles[i].id);
        bc_free(L.articles[i].body);
    }
    bc_free(L.articles);
    bc_buf_free(&L.key);
    bc_buf_free(&L.inferred);
    return rc;
}

static int fsync_path(const char *path, int directory)
{
    int fd = open(path, directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/* Appends what this build changed to the change feed: the previous store's feed and
 * baseline are carried into the build first (prev_path NULL for a first build), so a
 * rebuild of unchanged data appends nothing. */
static int record_changes(bc_store *s, const char *prev_path, bc_err *err)
{
    int rc = prev_path != NULL ? bc_changes_carry(s, prev_path, err) : BC_OK;
    char *at = NULL;
    if (rc == BC_OK)
        rc = bc_store_meta_get(s, "built_at", &at, err);
    if (rc == BC_OK)
        rc = bc_store_exec(s, "BEGIN IMMEDIATE", err);
    if (rc == BC_OK) {
        rc = bc_changes_record(s, "load", "loader", at, NULL, err);
        if (rc == BC_OK)
            rc = bc_store_exec(s, "COMMIT", err);
        if (rc != BC_OK)
            sqlite3_exec(bc_store_db(s), "ROLLBACK", NULL, NULL, NULL);
    }
    bc_free(at);
    return rc;
}

/* Copies the finished build src over the live store at dest_path in one transaction
 * (SQLite's backup API), so a running daemon keeps its file, readers keep their
 * snapshot until they finish, and a failure leaves the store as it was. */
static int replace_live(bc_store *src, const char *dest_path, bc_err *err)
{
    bc_store *dest = NULL;
    int rc = bc_store_open(dest_path, 0, &dest, err);
    if (rc == BC_OK) {
        int version = 0;
        rc = bc_store_version(dest, &version, err);
        if (rc == BC_OK && version > bc_store_latest_version())
            rc = bc_err_set(err, BC_EVERSION,
                            "%s has schema version %d, newer than this binary's %d: refusing to "
                            "replace it",
                            dest_path, version, bc_store_latest_version());
    }
    if (rc == BC_OK)
        rc = bc_ingest_carry_over(dest, src, err);
    if (rc == BC_OK)
        rc = bc_keys_carry_over(dest, src, err);
    if (rc == BC_OK)
        rc = bc_review_carry_over(dest, src, NULL, err);
    /* the feed compares the rebuilt documents (decisions applied) with the last ones */
    if (rc == BC_OK)
        rc = record_changes(src, dest_path, err);
    sqlite3_backup *b = NULL;
    if (rc == BC_OK) {
        b = sqlite3_backup_init(bc_store_db(dest), "main", bc_store_db(src), "main");
        if (b == NULL)
            rc = bc_store_error(dest, err, "starting the copy into the live store");
    }
    for (int waited = 0; rc == BC_OK;) {
        int step = sqlite3_backup_step(b, -1);
        if (step == SQLITE_DONE)
            break;
        if ((step == SQLITE_BUSY || step == SQLITE_LOCKED) && waited < 10000) {
            struct timespec ts = {0, 50 * 1000000L};
            nanosleep(&ts, NULL);
            waited += 50;
            continue;
        }
        rc = bc_err_set(err, BC_ESTORE, "copying into the live store: %s", sqlite3_errstr(step));
    }
    if (b != NULL && sqlite3_backup_finish(b) != SQLITE_OK && rc == BC_OK)
        rc = bc_store_error(dest, err, "finishing the copy into the live store");
    if (rc == BC_OK)
        sqlite3_exec(bc_store_db(dest), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    bc_store_close(dest);
    return rc;
}

int bc_loader_build(const char *data_dir, const char *db_path, bc_load_stats *stats, bc_err *err)
{
    char tmp[1024];
    int n = snprintf(tmp, sizeof tmp, "%s.tmp-%ld", db_path, (long)getpid());
    if (n < 0 || (size_t)n >= sizeof tmp)
        return bc_err_set(err, BC_EINVAL, "store path too long: %s", db_path);
    unlink(tmp);
    bc_store *s = NULL;
    int rc = bc_store_open(tmp, BC_STORE_CREATE, &s, err);
    if (rc == BC_OK)
        rc = bc_store_exec(s, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;", err);
    if (rc == BC_OK)
        rc = bc_store_migrate(s, NULL, err);
    if (rc == BC_OK)
        rc = bc_loader_fill(s, data_dir, stats, err);
    if (rc == BC_OK)
        rc = bc_store_exec(s, "ANALYZE", err);
    int live = access(db_path, F_OK) == 0;
    int lock = -1;
    if (rc == BC_OK) {
        lock = bc_store_lock(db_path, 30000, err);
        if (lock < 0)
            rc = err->code ? err->code : BC_EIO;
    }
    if (rc == BC_OK && live) {
        rc = replace_live(s, db_path, err);
    } else if (rc == BC_OK) {
        /* a first build: start the change feed, switch the new file to WAL and move it
         * into place */
        rc = record_changes(s, NULL, err);
        if (rc == BC_OK)
            rc = bc_store_exec(s, "PRAGMA journal_mode = WAL", err);
    }
    bc_store_close(s);
    if (rc == BC_OK && !live) {
        if (fsync_path(tmp, 0) != 0)
            rc = bc_err_set(err, BC_EIO, "%s: fsync: %s", tmp, strerror(errno));
        else if (rename(tmp, db_path) != 0)
            rc = bc_err_set(err, BC_EIO, "cannot move %s into place: %s", db_path, strerror(errno));
        if (rc == BC_OK) {
            char dir[1024];
            snprintf(dir, sizeof dir, "%s", db_path);
            char *slash = strrchr(dir, '/');
            if (slash != NULL)
                *slash = '\0';
            else
                snprintf(dir, sizeof dir, ".");
            fsync_path(dir, 1);
        }
    }
    bc_store_unlock(lock);
    unlink(tmp);
    return rc;
}
