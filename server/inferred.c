/* inferred.c: the field paths each kind of fact may mark as inferred (see inferred.h). */
#include "bordercoop/inferred.h"
#include "bordercoop/text.h"

#include <stdio.h>
#include <string.h>

#define DATE(f) f, f ".year", f ".month", f ".day"

static const char *const MEETING[] = {"title", "mechanism", "ordinal",   DATE("date"), "place",
                                      "host",  "status",    "provinces", "summary",    NULL};
static const char *const PARTICIPANT[] = {"person", "role", "side", "province", NULL};
static const char *const DECISION[] = {"kind", "text", "speaker", NULL};
static const char *const FIGURE[] = {
    "metric",     "value",       "unit",       "qualifier",    "period",  "period.start",
    "period.end", "change",      "change.pct", "change.basis", "parties", "counterpart_country",
    "meetings",   "description", NULL};
static const char *const PROJECT[] = {"name",       "kind",       "vn_side",     "cn_side",
                                      "vn_side_vi", "cn_side_zh", "vn_province", "cn_province",
                                      "status",     "part_of",    "description", NULL};
static const char *const EVENT[] = {"kind", DATE("date"), "meeting", "description", NULL};
static const char *const PROTOCOL[] = {"title",           "kind",    "level",   "status",
                                       DATE("signed_on"), "meeting", "parties", "organisations",
                                       "areas",           "summary", NULL};
static const char *const AREA[] = {"area", NULL};
static const char *const PERSON[] = {"name", "country", "province", "roles", NULL};
static const char *const MECHANISM[] = {"name", "kind", "members", "description", NULL};
static const char *const REPORTED_EVENT[] = {
    "kind",    "title",         "status",   DATE("date"),  "place",
    "parties", "organisations", "meetings", "description", NULL};
static const char *const PROVINCE[] = {"name",  "name_vi",     "name_zh", "country",
                                       "level", "merged_into", NULL};

static const struct {
    const char *name;
    const char *const *fields;
} KINDS[BC_FACT_KIND_COUNT] = {
    [BC_FACT_MEETING] = {"meeting", MEETING},
    [BC_FACT_PARTICIPANT] = {"participant", PARTICIPANT},
    [BC_FACT_DECISION] = {"decision", DECISION},
    [BC_FACT_FIGURE] = {"figure", FIGURE},
    [BC_FACT_PROJECT] = {"border gate project", PROJECT},
    [BC_FACT_EVENT] = {"project event", EVENT},
    [BC_FACT_PROTOCOL] = {"protocol", PROTOCOL},
    [BC_FACT_AREA] = {"protocol area", AREA},
    [BC_FACT_PERSON] = {"person", PERSON},
    [BC_FACT_MECHANISM] = {"mechanism", MECHANISM},
    [BC_FACT_REPORTED_EVENT] = {"event", REPORTED_EVENT},
    [BC_FACT_PROVINCE] = {"province", PROVINCE},
};

const char *bc_fact_kind_name(bc_fact_kind kind)
{
    return (unsigned)kind < BC_FACT_KIND_COUNT ? KINDS[kind].name : "fact";
}

const char *const *bc_inferred_fields(bc_fact_kind kind)
{
    static const char *const NONE[] = {NULL};
    return (unsigned)kind < BC_FACT_KIND_COUNT ? KINDS[kind].fields : NONE;
}

int bc_inferred_known(bc_fact_kind kind, const char *path)
{
    for (const char *const *f = bc_inferred_fields(kind); path != NULL && *f != NULL; f++)
        if (strcmp(*f, path) == 0)
            return 1;
    return 0;
}

static int unknown(bc_fact_kind kind, const char *prefix, const char *path, bc_err *err)
{
    bc_buf known = BC_BUF_INIT;
    for (const char *const *f = bc_inferred_fields(kind); *f != NULL; f++) {
        if (known.len > 0)
            bc_buf_puts(&known, ", ");
        bc_buf_puts(&known, *f);
    }
    int rc = bc_err_set(err, BC_EINVAL, "%s'%.60s' is not a field of %s %s (one of: %s)", prefix,
                        path, bc_text_a(bc_fact_kind_name(kind)), bc_fact_kind_name(kind),
                        known.data ? known.data : "");
    bc_buf_free(&known);
    return rc;
}

/* Checks paths[i] against the kind and the paths before it; prefix names it in errors. */
static int check_one(bc_fact_kind kind, const char *const *paths, size_t i, const char *prefix,
                     bc_err *err)
{
    if (!bc_inferred_known(kind, paths[i]))
        return unknown(kind, prefix, paths[i], err);
    for (size_t k = 0; k < i; k++)
        if (strcmp(paths[k], paths[i]) == 0)
            return bc_err_set(err, BC_EINVAL, "%s'%s' is listed twice", prefix, paths[i]);
    return BC_OK;
}

static void append_array(const char *const *paths, size_t n, bc_buf *out)
{
    bc_buf_putc(out, '[');
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            bc_buf_putc(out, ',');
        bc_buf_json_string(out, paths[i], strlen(paths[i]));
    }
    bc_buf_putc(out, ']');
}

int bc_inferred_json(bc_fact_kind kind, const char *const *paths, size_t n, bc_buf *out,
                     bc_err *err)
{
    for (size_t i = 0; i < n; i++) {
        int rc = check_one(kind, paths, i, "", err);
        if (rc != BC_OK)
            return rc;
    }
    append_array(paths, n, out);
    return bc_buf_failed(out) ? bc_err_set(err, BC_ENOMEM, "out of memory") : BC_OK;
}

#define MAX_PATHS 32

int bc_paths_from_json(bc_fact_kind kind, const char *name, const json_t *value, bc_buf *out,
                       bc_err *err)
{
    if (value == NULL || json_is_null(value)) {
        bc_buf_puts(out, "[]");
        return bc_buf_failed(out) ? bc_err_set(err, BC_ENOMEM, "out of memory") : BC_OK;
    }
    if (!json_is_array(value))
        return bc_err_set(err, BC_EINVAL, "%s: must be an array of field paths", name);
    size_t n = json_array_size(value);
    if (n > MAX_PATHS)
        return bc_err_set(err, BC_EINVAL, "%s: more than %d paths", name, MAX_PATHS);
    const char *paths[MAX_PATHS];
    char prefix[64];
    for (size_t i = 0; i < n; i++) {
        const json_t *v = json_array_get(value, i);
        snprintf(prefix, sizeof prefix, "%.32s[%zu]: ", name, i);
        if (!json_is_string(v))
            return bc_err_set(err, BC_EINVAL, "%smust be a string (a field path)", prefix);
        paths[i] = json_string_value(v);
        int rc = check_one(kind, paths, i, prefix, err);
        if (rc != BC_OK)
            return rc;
    }
    append_array(paths, n, out);
    return bc_buf_failed(out) ? bc_err_set(err, BC_ENOMEM, "out of memory") : BC_OK;
}

int bc_inferred_from_json(bc_fact_kind kind, const json_t *value, bc_buf *out, bc_err *err)
{
    return bc_paths_from_json(kind, "inferred", value, out, err);
}
