/* request.c: what every handler does with its request first. */
#include "bordercoop/request.h"

#include "bordercoop/alloc.h"
#include "bordercoop/keys.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

int bc_request_query(bc_request *req, bc_response *res, bc_qpair **pairs, size_t *n)
{
    bc_err err;
    if (bc_query_parse(req->query, req->arena, pairs, n, &err) == BC_OK)
        return 0;
    *pairs = NULL;
    *n = 0;
    return err.code == BC_ENOMEM ? bc_problem_internal(res, NULL, "out of memory")
                                 : bc_problem(res, 400, "malformed_query", NULL, "%s", err.msg);
}

int bc_reject_params(bc_request *req, bc_response *res)
{
    bc_qpair *pairs;
    size_t n;
    int st = bc_request_query(req, res, &pairs, &n);
    if (st != 0)
        return st;
    if (n > 0)
        return bc_problem(res, 400, "unknown_parameter", pairs[0].key,
                          "unknown parameter '%.60s'; %s %s takes no query parameters",
                          pairs[0].key, req->method, req->path);
    return 0;
}

/* 1 when the parameters p (";name=value" ...) name no charset or UTF-8 (any case, quoted
 * or not): the body is read as UTF-8, so another declared charset cannot be honoured. */
static int charset_is_utf8(const char *p)
{
    while (*p == ';') {
        p++;
        p += strspn(p, " \t");
        size_t name = strcspn(p, "=; \t");
        const char *v = p + name;
        v += strspn(v, " \t");
        const char *value = "";
        size_t len = 0;
        if (*v == '=') {
            v++;
            v += strspn(v, " \t");
            int quoted = *v == '"';
            value = v + quoted;
            len = quoted ? strcspn(value, "\"") : strcspn(value, "; \t");
            v = value + len + (quoted && value[len] == '"');
        }
        if (name == 7 && strncasecmp(p, "charset", 7) == 0 &&
            !((len == 5 && strncasecmp(value, "utf-8", 5) == 0) ||
              (len == 4 && strncasecmp(value, "utf8", 4) == 0)))
            return 0;
        p = v + strcspn(v, ";");
    }
    return 1;
}

int bc_request_is_json(const bc_request *req, int merge_patch)
{
    static const char *const TYPES[] = {"application/json", "application/merge-patch+json"};
    const char *ct = req->content_type;
    for (size_t i = 0; ct != NULL && i < (merge_patch ? 2u : 1u); i++) {
        size_t n = strlen(TYPES[i]);
        if (strncasecmp(ct, TYPES[i], n) != 0)
            continue;
        const char *rest = ct + n + strspn(ct + n, " \t");
        if (*rest == '\0')
            return 1;
        if (*rest == ';')
            return charset_is_utf8(rest);
    }
    return 0;
}

int bc_request_json_object(bc_request *req, bc_response *res, const bc_json_body *spec,
                           json_t **body)
{
    json_error_t je;
    int oom;
    *body =
        bc_json_loadb(req->body ? req->body : "", req->body_len, JSON_REJECT_DUPLICATES, &je, &oom);
    if (oom)
        return bc_problem_internal(res, NULL, "out of memory reading the body");
    /* jansson names its own flag for an escaped NUL: say what is wrong instead */
    if (*body == NULL)
        return bc_problem(
            res, 400, "malformed_json", NULL, "the body is not valid JSON: %s (line %d, column %d)",
            strstr(je.text, "JSON_ALLOW_NUL") != NULL ? "\\u0000 is not allowed in text" : je.text,
            je.line, je.column);
    if (!json_is_object(*body))
        return bc_problem(res, 400, "malformed_json", NULL, "the body must be a JSON object");
    const char *key;
    json_t *v;
    json_object_foreach(*body, key, v)
    {
        const char *const *f = spec->fields;
        while (*f != NULL && strcmp(*f, key) != 0)
            f++;
        if (*f != NULL)
            continue;
        char allowed[256] = "";
        size_t used = 0;
        for (f = spec->fields; *f != NULL && used < sizeof allowed; f++)
            used += (size_t)snprintf(allowed + used, sizeof allowed - used, "%s%s",
                                     f == spec->fields ? "" : ", ", *f);
        return bc_problem(res, 400, "invalid_field", key,
                          "unknown field '%.60s'; allowed: %s%s%s%s", key, allowed,
                          spec->fields_note ? " (" : "", spec->fields_note ? spec->fields_note : "",
                          spec->fields_note ? ")" : "");
    }
    return 0;
}

int bc_request_opt_string(json_t *obj, const char *key, const char **out, bc_response *res)
{
    json_t *v = json_object_get(obj, key);
    *out = NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v))
        return bc_problem(res, 400, "invalid_field", key, "'%s' must be a string", key);
    *out = json_string_value(v);
    return 0;
}

int bc_request_writer(bc_request *req, bc_response *res, bc_store **w)
{
    bc_err err;
    *w = NULL;
    if (req->live == NULL)
        return bc_problem(res, 503, "store_unavailable", NULL,
                          "the store cannot be written: this server has no writable store");
    *w = bc_live_writer_acquire(req->live, &err);
    if (*w == NULL)
        return bc_problem(res, 503, "store_unavailable", NULL, "the store cannot be written: %s",
                          err.msg);
    return 0;
}

void bc_request_touch_key(bc_request *req, long long key_id)
{
    bc_err ignored;
    bc_store *w =
        key_id > 0 && req->live != NULL ? bc_live_writer_try_acquire(req->live, &ignored) : NULL;
    if (w == NULL)
        return;
    bc_keys_touch(w, key_id, 60, &ignored);
    bc_live_writer_release(req->live);
}
