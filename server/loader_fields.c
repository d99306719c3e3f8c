/* loader_fields.c: what every section reader of the loader shares (loader_int.h):
 * messages that name the file and the field, statements, references, vocabularies, the
 * typed field readers, verbatim quotes and aliases. */
#include "loader_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- errors and small helpers ------------------------------------------------------ */

int ld_fail(loader *L, const char *path, const char *fmt, ...)
{
    char what[BC_ERR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return bc_err_set(L->err, BC_EINVAL, "%s: %s: %s", L->file, path, what);
}

static int ld_db_fail(loader *L, const char *path)
{
    return bc_err_set(L->err, BC_ESTORE, "%s: %s: store error: %s", L->file, path,
                      sqlite3_errmsg(bc_store_db(L->s)));
}

int ld_run(loader *L, const char *path, const char *sql, const bc_bind *vals, size_t n)
{
    bc_err err;
    int rc = bc_store_run(L->s, sql, vals, n, &err);
    if (rc != BC_OK)
        bc_err_set(L->err, rc, "%s: %s: store error: %s", L->file, path, err.msg);
    return rc;
}

int ld_exists(loader *L, const char *sql, const char *value)
{
    int found = 0;
    if (bc_store_lookup(L->s, sql, BC_BINDS(bc_text(value)), NULL, 0, &found, L->err) != BC_OK)
        return -1;
    return found;
}

static const struct {
    const char *what, *sql;
} REFS[] = {
    [LD_REF_PROVINCE] = {"province", "SELECT 1 FROM provinces WHERE id = ?1"},
    [LD_REF_PERSON] = {"person", "SELECT 1 FROM people WHERE id = ?1"},
    [LD_REF_MECHANISM] = {"mechanism", "SELECT 1 FROM mechanisms WHERE id = ?1"},
    [LD_REF_MEETING] = {"meeting", "SELECT 1 FROM meetings WHERE id = ?1"},
    [LD_REF_METRIC] = {"metric", "SELECT 1 FROM metrics WHERE id = ?1"},
    [LD_REF_FIGURE] = {"figure", "SELECT 1 FROM figures WHERE id = ?1"},
    [LD_REF_PROJECT] = {"project", "SELECT 1 FROM projects WHERE id = ?1"},
    [LD_REF_PROTOCOL] = {"protocol", "SELECT 1 FROM protocols WHERE id = ?1"},
    [LD_REF_SOURCE] = {"source", "SELECT 1 FROM sources WHERE id = ?1"},
    [LD_REF_COOP_EVENT] = {"event", "SELECT 1 FROM coop_events WHERE id = ?1"},
};

int ld_check_ref(loader *L, ld_ref k, const char *id, const char *path)
{
    if (id == NULL)
        return BC_OK;
    int e = ld_exists(L, REFS[k].sql, id);
    if (e < 0)
        return BC_ESTORE;
    return e ? BC_OK : ld_fail(L, path, "unknown %s '%s'", REFS[k].what, id);
}

int ld_check_new_id(loader *L, ld_ref k, const char *id, const char *path)
{
    int e = ld_exists(L, REFS[k].sql, id);
    if (e < 0)
        return BC_ESTORE;
    return e ? ld_fail(L, path, "duplicate %s id '%s'", REFS[k].what, id) : BC_OK;
}

int ld_check_vocab(loader *L, const char *field, const char *value, const char *path)
{
    if (value == NULL)
        return BC_OK;
    sqlite3_stmt *st;
    int rc =
        bc_store_stmt(L->s, "SELECT 1 FROM vocab WHERE field = ?1 AND value = ?2", &st, L->err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, field, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step == SQLITE_ROW)
        return BC_OK;
    if (step != SQLITE_DONE)
        return ld_db_fail(L, path);
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
    rc = ld_fail(L, path, "'%s' is not an allowed %s (one of: %s)", value, field,
                 list.data ? list.data : "");
    bc_buf_free(&list);
    return rc;
}

/* ---- JSON field access ------------------------------------------------------------- */

int ld_keys_ok(loader *L, json_t *obj, const char *path, const char *const *allowed)
{
    if (!json_is_object(obj))
        return ld_fail(L, path, "expected an object");
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v)
    {
        int known = 0;
        for (size_t i = 0; allowed[i] != NULL && !known; i++)
            known = strcmp(allowed[i], key) == 0;
        if (!known)
            return ld_fail(L, path, "unknown field '%s'", key);
    }
    return BC_OK;
}

/* Reads obj[key] as a string into *out (borrowed from obj). Missing or null leaves *out
 * NULL, which is an error when flags has REQ. ID demands a canonical id. */
int ld_str(loader *L, json_t *obj, const char *path, const char *key, int flags, const char **out)
{
    *out = NULL;
    json_t *v = json_object_get(obj, key);
    if (v == NULL || json_is_null(v)) {
        if (flags & REQ)
            return ld_fail(L, path, "missing required field '%s'", key);
        return BC_OK;
    }
    if (!json_is_string(v))
        return ld_fail(L, path, "'%s' must be a string", key);
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    if (n == 0)
        return ld_fail(L, path, "'%s' must not be empty", key);
    if (n > MAX_TEXT)
        return ld_fail(L, path, "'%s' is longer than %d bytes", key, MAX_TEXT);
    if (strlen(s) != n)
        return ld_fail(L, path, "'%s' contains a NUL character", key);
    if ((flags & ID) && !bc_text_is_id(s))
        return ld_fail(L, path,
                       "'%s' value '%.60s' is not an id (lower-case letters and digits joined "
                       "by single '-')",
                       key, s);
    *out = s;
    return BC_OK;
}

/* Reads obj[key] as an integer; *has is 0 when absent or null. */
int ld_int(loader *L, json_t *obj, const char *path, const char *key, int flags, int *has, int *out)
{
    *has = 0;
    json_t *v = json_object_get(obj, key);
    if (v == NULL || json_is_null(v))
        return (flags & REQ) ? ld_fail(L, path, "missing required field '%s'", key) : BC_OK;
    if (!json_is_integer(v))
        return ld_fail(L, path, "'%s' must be an integer", key);
    json_int_t n = json_integer_value(v);
    if (n < 0 || n > 1000000)
        return ld_fail(L, path, "'%s' is out of range 0..1000000", key);
    *has = 1;
    *out = (int)n;
    return BC_OK;
}

int ld_num(loader *L, json_t *obj, const char *path, const char *key, int flags, int *has,
           double *out)
{
    *has = 0;
    json_t *v = json_object_get(obj, key);
    if (v == NULL || json_is_null(v))
        return (flags & REQ) ? ld_fail(L, path, "missing required field '%s'", key) : BC_OK;
    if (!json_is_number(v))
        return ld_fail(L, path, "'%s' must be a number", key);
    double d = json_number_value(v);
    if (!isfinite(d))
        return ld_fail(L, path, "'%s' must be finite", key);
    *has = 1;
    *out = d;
    return BC_OK;
}

/* Reads obj[key] as an array (borrowed) or NULL when absent; REQ demands at least one. */
int ld_arr(loader *L, json_t *obj, const char *path, const char *key, int flags, json_t **out)
{
    *out = NULL;
    json_t *v = json_object_get(obj, key);
    if (v == NULL || json_is_null(v)) {
        if (flags & REQ)
            return ld_fail(L, path, "missing required field '%s'", key);
        return BC_OK;
    }
    if (!json_is_array(v))
        return ld_fail(L, path, "'%s' must be an array", key);
    if ((flags & REQ) && json_array_size(v) == 0)
        return ld_fail(L, path, "'%s' must not be empty", key);
    *out = v;
    return BC_OK;
}

int ld_date(loader *L, json_t *obj, const char *path, const char *key, bc_date *d, int *has)
{
    const char *s;
    *has = 0;
    int rc = ld_str(L, obj, path, key, OPT, &s);
    if (rc != BC_OK || s == NULL)
        return rc;
    bc_err e;
    if (bc_date_parse(s, d, &e) != BC_OK)
        return ld_fail(L, path, "'%s': %s", key, e.msg);
    *has = 1;
    return BC_OK;
}

/* Reads obj.inferred (field paths of a `kind` fact the text does not state) into
 * L->inferred as JSON text ("[]" when absent). A non-empty list needs the fact's note
 * (note, may be NULL) to give the reason. */
int ld_inferred(loader *L, json_t *obj, const char *path, bc_fact_kind kind, const char *note)
{
    bc_err e;
    json_t *v = json_object_get(obj, "inferred");
    bc_buf_reset(&L->inferred);
    if (bc_inferred_from_json(kind, v, &L->inferred, &e) != BC_OK)
        return e.code == BC_ENOMEM ? bc_err_set(L->err, BC_ENOMEM, "out of memory")
                                   : ld_fail(L, path, "%s", e.msg);
    if (json_array_size(v) > 0 && note == NULL)
        return ld_fail(L, path, "'inferred' lists %zu field(s); the 'note' must give the reason",
                       json_array_size(v));
    return BC_OK;
}

int ld_background(loader *L, json_t *obj, const char *path, bc_fact_kind kind)
{
    json_t *arr;
    char q[256];
    bc_buf_reset(&L->background);
    int rc = ld_arr(L, obj, path, "background", OPT, &arr);
    bc_buf_putc(&L->background, '[');
    for (size_t i = 0; rc == BC_OK && arr != NULL && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"text", "fields", NULL};
        json_t *b = json_array_get(arr, i);
        const char *text;
        snprintf(q, sizeof q, "%s.background[%zu]", path, i);
        rc = ld_keys_ok(L, b, q, keys);
        if (rc == BC_OK)
            rc = ld_str(L, b, q, "text", REQ, &text);
        if (rc != BC_OK)
            break;
        bc_buf fields = BC_BUF_INIT;
        bc_err e;
        if (bc_paths_from_json(kind, "fields", json_object_get(b, "fields"), &fields, &e) != BC_OK)
            rc = e.code == BC_ENOMEM ? bc_err_set(L->err, BC_ENOMEM, "out of memory")
                                     : ld_fail(L, q, "%s", e.msg);
        if (rc == BC_OK) {
            bc_buf_puts(&L->background, i > 0 ? ",{\"text\":" : "{\"text\":");
            bc_buf_json_string(&L->background, text, strlen(text));
            bc_buf_puts(&L->background, ",\"fields\":");
            bc_buf_append(&L->background, fields.data, fields.len);
            bc_buf_putc(&L->background, '}');
        }
        bc_buf_free(&fields);
    }
    bc_buf_putc(&L->background, ']');
    if (rc == BC_OK && bc_buf_failed(&L->background))
        rc = bc_err_set(L->err, BC_ENOMEM, "out of memory");
    return rc;
}

int ld_province_list(loader *L, json_t *obj, const char *path, const char *key, int flags,
                     const char *sql, const char *owner)
{
    return ld_ref_list(L, obj, path, key, flags, LD_REF_PROVINCE, sql, owner);
}

int ld_ref_list(loader *L, json_t *obj, const char *path, const char *key, int flags, ld_ref kind,
                const char *sql, const char *owner)
{
    json_t *arr;
    char q[200];
    int rc = ld_arr(L, obj, path, key, flags, &arr);
    for (size_t k = 0; rc == BC_OK && arr != NULL && k < json_array_size(arr); k++) {
        json_t *v = json_array_get(arr, k);
        snprintf(q, sizeof q, "%s.%s[%zu]", path, key, k);
        if (!json_is_string(v)) {
            rc = ld_fail(L, q, "expected %s %s id", bc_text_a(REFS[kind].what), REFS[kind].what);
            break;
        }
        const char *ref = json_string_value(v);
        rc = ld_check_ref(L, kind, ref, q);
        for (size_t j = 0; rc == BC_OK && j < k; j++)
            if (strcmp(json_string_value(json_array_get(arr, j)), ref) == 0)
                rc = ld_fail(L, q, "%s '%s' is listed twice", REFS[kind].what, ref);
        if (rc == BC_OK)
            rc = ld_run(L, q, sql, BC_BINDS(bc_text(owner), bc_text(ref), bc_int((int)k + 1)));
    }
    return rc;
}

int ld_organisations(loader *L, json_t *obj, const char *path, const char *sql, const char *owner)
{
    json_t *arr;
    char q[200];
    int rc = ld_arr(L, obj, path, "organisations", REQ, &arr);
    for (size_t k = 0; rc == BC_OK && k < json_array_size(arr); k++) {
        static const char *const keys[] = {"name", "province", NULL};
        json_t *x = json_array_get(arr, k);
        const char *name, *prov;
        snprintf(q, sizeof q, "%s.organisations[%zu]", path, k);
        rc = ld_keys_ok(L, x, q, keys);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "name", REQ, &name);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "province", ID, &prov);
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_PROVINCE, prov, q);
        if (rc == BC_OK)
            rc = ld_run(L, q, sql,
                        BC_BINDS(bc_text(owner), bc_int((int)k + 1), bc_text(name), bc_text(prov)));
    }
    return rc;
}

#define CITE_HEAD "INSERT INTO citations (source_id, quote, quote_start, quote_end, supports, "
#define CITE_ONE  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
#define CITE_TWO  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
static const char *const CITE_SQL[] = {
    [CITE_MEETING] = CITE_HEAD "meeting_id" CITE_ONE,
    [CITE_FIGURE] = CITE_HEAD "figure_id" CITE_ONE,
    [CITE_PROJECT] = CITE_HEAD "project_id" CITE_ONE,
    [CITE_EVENT] = CITE_HEAD "event_id" CITE_ONE,
    [CITE_PROTOCOL] = CITE_HEAD "protocol_id" CITE_ONE,
    [CITE_PERSON] = CITE_HEAD "person_id" CITE_ONE,
    [CITE_PROVINCE] = CITE_HEAD "province_id" CITE_ONE,
    [CITE_DECISION] = CITE_HEAD "decision_meeting_id, decision_seq" CITE_TWO,
    [CITE_PARTICIPANT] = CITE_HEAD "participant_meeting_id, participant_seq" CITE_TWO,
    [CITE_AREA] = CITE_HEAD "area_protocol_id, area_seq" CITE_TWO,
    [CITE_MECHANISM] = CITE_HEAD "mechanism_id" CITE_ONE,
    [CITE_COOP_EVENT] = CITE_HEAD "coop_event_id" CITE_ONE,
};

/* the kind of fact each target cites, for the field paths a quote `supports` */
static const bc_fact_kind CITE_KIND[] = {
    [CITE_MEETING] = BC_FACT_MEETING,         [CITE_FIGURE] = BC_FACT_FIGURE,
    [CITE_PROJECT] = BC_FACT_PROJECT,         [CITE_EVENT] = BC_FACT_EVENT,
    [CITE_PROTOCOL] = BC_FACT_PROTOCOL,       [CITE_PERSON] = BC_FACT_PERSON,
    [CITE_PROVINCE] = BC_FACT_PROVINCE,       [CITE_DECISION] = BC_FACT_DECISION,
    [CITE_PARTICIPANT] = BC_FACT_PARTICIPANT, [CITE_AREA] = BC_FACT_AREA,
    [CITE_MECHANISM] = BC_FACT_MECHANISM,     [CITE_COOP_EVENT] = BC_FACT_REPORTED_EVENT,
};

static const article *ld_find_article(loader *L, const char *id)
{
    for (size_t i = 0; i < L->narticles; i++)
        if (strcmp(L->articles[i].id, id) == 0)
            return &L->articles[i];
    return NULL;
}

/* Inserts every {source, quote} of obj.sources (which must be non-empty) for the fact
 * `id` (and `seq` for the composite targets). */
int ld_cite_all(loader *L, json_t *obj, const char *path, cite_target target, const char *id,
                int seq)
{
    json_t *arr;
    char p[512];
    int rc = ld_arr(L, obj, path, "sources", REQ, &arr);
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"source", "quote", "supports", NULL};
        json_t *c = json_array_get(arr, i);
        const char *src, *quote;
        snprintf(p, sizeof p, "%s.sources[%zu]", path, i);
        rc = ld_keys_ok(L, c, p, keys);
        if (rc == BC_OK)
            rc = ld_str(L, c, p, "source", REQ | ID, &src);
        if (rc == BC_OK)
            rc = ld_str(L, c, p, "quote", REQ, &quote);
        if (rc != BC_OK)
            break;
        const article *a = ld_find_article(L, src);
        if (a == NULL) {
            rc = ld_fail(L, p, "unknown source '%s'", src);
            break;
        }
        size_t qlen = strlen(quote);
        const char *found = qlen > 0 ? memmem(a->body, a->len, quote, qlen) : NULL;
        long at = found != NULL ? (long)(found - a->body) : -1;
        if (at < 0) {
            rc = ld_fail(L, p, "quote \"%.80s%s\" is not verbatim in source '%s'", quote,
                         qlen > 80 ? "..." : "", src);
            break;
        }
        int start = (int)at, end = (int)(at + (long)qlen);
        bc_err e;
        bc_buf_reset(&L->supports);
        if (bc_paths_from_json(CITE_KIND[target], "supports", json_object_get(c, "supports"),
                               &L->supports, &e) != BC_OK) {
            rc = e.code == BC_ENOMEM ? bc_err_set(L->err, BC_ENOMEM, "out of memory")
                                     : ld_fail(L, p, "%s", e.msg);
            break;
        }
        if (target == CITE_DECISION || target == CITE_PARTICIPANT || target == CITE_AREA)
            rc = ld_run(L, p, CITE_SQL[target],
                        BC_BINDS(bc_text(src), bc_text(quote), bc_int(start), bc_int(end),
                                 bc_text(L->supports.data), bc_text(id), bc_int(seq)));
        else
            rc = ld_run(L, p, CITE_SQL[target],
                        BC_BINDS(bc_text(src), bc_text(quote), bc_int(start), bc_int(end),
                                 bc_text(L->supports.data), bc_text(id)));
        if (rc == BC_OK && L->st)
            L->st->citations++;
    }
    return rc;
}

int ld_alias_add(loader *L, const char *entity, const char *id, const char *alias, const char *lang,
                 const char *path)
{
    bc_buf_reset(&L->key);
    int rc = bc_text_slug(alias, strlen(alias), &L->key);
    if (rc == BC_ENOMEM)
        return bc_err_set(L->err, BC_ENOMEM, "out of memory");
    if (rc != BC_OK || L->key.len == 0)
        return ld_fail(L, path, "alias '%s' has no letters or digits", alias);
    sqlite3_stmt *st;
    rc = bc_store_stmt(L->s,
                       "SELECT entity_id, max(alias = ?3) FROM aliases "
                       "WHERE entity = ?1 AND alias_key = ?2 GROUP BY entity_id",
                       &st, L->err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, entity, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, L->key.data, (int)L->key.len, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, alias, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        const char *other = (const char *)sqlite3_column_text(st, 0);
        int same_spelling = sqlite3_column_int(st, 1);
        if (strcmp(other, id) != 0)
            rc = ld_fail(L, path, "alias '%s' of %s '%s' already names '%s'", alias, entity, id,
                         other);
        sqlite3_reset(st);
        if (rc != BC_OK || same_spelling)
            return rc; /* the very same name again: nothing to add */
    } else {
        sqlite3_reset(st);
        if (step != SQLITE_DONE)
            return ld_db_fail(L, path);
    }
    /* a new spelling ("Vân Nam" beside "Van Nam") of a key this entity owns, or a new key */
    rc = ld_run(L, path,
                "INSERT INTO aliases (entity, alias_key, entity_id, alias, lang) "
                "VALUES (?1, ?2, ?3, ?4, ?5)",
                BC_BINDS(bc_text(entity), bc_text(L->key.data), bc_text(id), bc_text(alias),
                         bc_text(lang)));
    if (rc == BC_OK && L->st)
        L->st->aliases++;
    return rc;
}

static int name_part(loader *L, const char *entity, const char *id, const char *part, size_t n,
                     const char *path)
{
    while (n > 0 && (*part == ' ' || *part == '(' || *part == ')'))
        part++, n--;
    while (n > 0 && (part[n - 1] == ' ' || part[n - 1] == '(' || part[n - 1] == ')'))
        n--;
    bc_buf_reset(&L->key);
    int rc = bc_text_slug(part, n, &L->key);
    if (rc == BC_ENOMEM)
        return bc_err_set(L->err, BC_ENOMEM, "out of memory");
    if (rc != BC_OK || L->key.len == 0)
        return BC_OK; /* no letters: nothing to find it by */
    char text[256];
    snprintf(text, sizeof text, "%.*s", (int)(n < 255 ? n : 255), part);
    return ld_run(L, path,
                  "INSERT OR IGNORE INTO name_parts (entity, part_key, entity_id, part) "
                  "VALUES (?1, ?2, ?3, ?4)",
                  BC_BINDS(bc_text(entity), bc_text(L->key.data), bc_text(id), bc_text(text)));
}

int ld_name_parts(loader *L, const char *entity, const char *id, const char *name, const char *path)
{
    if (name == NULL)
        return BC_OK;
    const char *open = strchr(name, '(');
    const char *close = open != NULL ? strchr(open, ')') : NULL;
    int rc = name_part(L, entity, id, name, strlen(name), path);
    if (rc == BC_OK && open != NULL && close != NULL) {
        rc = name_part(L, entity, id, name, (size_t)(open - name), path);
        if (rc == BC_OK)
            rc = name_part(L, entity, id, open + 1, (size_t)(close - open - 1), path);
    }
    return rc;
}

/* Registers the id, the name and every obj.aliases[] {alias, lang} of an entity. */
int ld_aliases_from(loader *L, json_t *obj, const char *path, const char *entity, const char *id,
                    const char *name)
{
    int rc = ld_alias_add(L, entity, id, id, NULL, path);
    if (rc == BC_OK && name != NULL)
        rc = ld_alias_add(L, entity, id, name, NULL, path);
    json_t *arr;
    if (rc == BC_OK)
        rc = ld_arr(L, obj, path, "aliases", OPT, &arr);
    char p[512];
    for (size_t i = 0; rc == BC_OK && arr != NULL && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"alias", "lang", NULL};
        json_t *a = json_array_get(arr, i);
        const char *alias, *lang;
        snprintf(p, sizeof p, "%s.aliases[%zu]", path, i);
        rc = ld_keys_ok(L, a, p, keys);
        if (rc == BC_OK)
            rc = ld_str(L, a, p, "alias", REQ, &alias);
        if (rc == BC_OK)
            rc = ld_str(L, a, p, "lang", REQ, &lang);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "lang", lang, p);
        if (rc == BC_OK)
            rc = ld_alias_add(L, entity, id, alias, lang, p);
    }
    return rc;
}
