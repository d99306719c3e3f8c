/* series.c: GET /v1/series: figures of one metric as points grouped by the set of
 * provinces they are about. Figures are never summed; two neighbouring points are
 * joinable only when both have periods of the same length that do not overlap and the
 * same unit, and a series says which pairs are not and why. */
#include "bordercoop/alloc.h"
#include "bordercoop/curation.h"
#include "bordercoop/date.h"
#include "bordercoop/resource.h"
#include "bordercoop/series.h"
#include "bordercoop/text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_PAIR 8

typedef struct point {
    char *id, *unit, *period, *start, *end, *doc;
    long months; /* calendar months covered when the period is month-aligned, else 0 */
    long days;
} point;

/* Months covered by [start, end] when start is a 1st and end a month's last day. */
static long month_span(const char *start, const char *end, long days)
{
    if (start == NULL || end == NULL || strlen(start) != 10 || strlen(end) != 10 ||
        strcmp(start + 8, "01") != 0)
        return 0;
    bc_date e;
    bc_err ignored;
    char month[8];
    snprintf(month, sizeof month, "%.7s", end);
    if (bc_date_parse(month, &e, &ignored) != 0 || strcmp(e.end, end) != 0)
        return 0;
    long y1 = atol(start), m1 = atol(start + 5), y2 = atol(end), m2 = atol(end + 5);
    (void)days;
    return (y2 * 12 + m2) - (y1 * 12 + m1) + 1;
}

static void length_text(const point *p, char *out, size_t n)
{
    if (p->months > 0)
        snprintf(out, n, "%ld month%s", p->months, p->months == 1 ? "" : "s");
    else
        snprintf(out, n, "%ld days", p->days);
}

/* Why p and q (q after p) may not be joined; "" when they may. */
static void join_problem(const point *p, const point *q, char *why, size_t n)
{
    why[0] = '\0';
    char a[32], b[32];
    if (strcmp(p->unit, q->unit) != 0) /* first: no period makes two currencies one */
        snprintf(why, n, "%s is in %s, %s in %s", p->id, p->unit, q->id, q->unit);
    else if (p->start == NULL || q->start == NULL)
        snprintf(why, n, "%s has no period", p->start == NULL ? p->id : q->id);
    else if (strcmp(q->start, p->end) <= 0)
        snprintf(why, n, "the periods %s and %s overlap", p->period, q->period);
    else if (p->months > 0 && q->months > 0 ? p->months != q->months : p->days != q->days) {
        length_text(p, a, sizeof a);
        length_text(q, b, sizeof b);
        snprintf(why, n, "the periods differ in length: %s covers %s, %s covers %s", p->period, a,
                 q->period, b);
    }
}

static int bad(bc_response *res, const char *param, const char *fmt, const char *v)
{
    return bc_problem(res, 400, "invalid_parameter", param, fmt, v);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void free_points(point *pts, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bc_free(pts[i].id);
        bc_free(pts[i].unit);
        bc_free(pts[i].period);
        bc_free(pts[i].start);
        bc_free(pts[i].end);
        bc_free(pts[i].doc);
    }
}

/* Appends one series (points [from, to) of pts) to out. */
static void render_series(bc_buf *out, const char *key, const char *label, point *pts, size_t n)
{
    bc_buf reasons = BC_BUF_INIT;
    bc_buf body = BC_BUF_INIT;
    int comparable = 1;
    for (size_t i = 0; i < n; i++) {
        char why[400] = "";
        if (i > 0)
            join_problem(&pts[i - 1], &pts[i], why, sizeof why);
        if (why[0] != '\0') {
            comparable = 0;
            if (reasons.len > 0)
                bc_buf_putc(&reasons, ',');
            bc_buf_json_string(&reasons, why, strlen(why));
        }
        bc_buf_puts(&body, i ? "," : "");
        /* the point: its figure's fields, the period length, whether it joins the
         * previous point, and its sources */
        bc_buf_append(&body, pts[i].doc, strlen(pts[i].doc) - 1);
        bc_buf_puts(&body, ",\"length\":");
        if (pts[i].start == NULL)
            bc_buf_puts(&body, "null");
        else if (pts[i].months > 0)
            bc_buf_printf(&body, "{\"months\":%ld,\"days\":%ld}", pts[i].months, pts[i].days);
        else
            bc_buf_printf(&body, "{\"months\":null,\"days\":%ld}", pts[i].days);
        bc_buf_printf(&body, ",\"joins_previous\":%s}", i > 0 && why[0] == '\0' ? "true" : "false");
    }
    bc_buf_puts(out, "{\"key\":");
    bc_buf_json_string(out, key, strlen(key));
    bc_buf_puts(out, ",\"label\":");
    bc_buf_json_string(out, label, strlen(label));
    bc_buf_puts(out, ",\"parties\":[");
    const char *k = key, *country = NULL;
    for (int first = 1; *k != '\0';) {
        size_t len = strcspn(k, "+");
        if (len == 2 && (strncmp(k, "VN", 2) == 0 || strncmp(k, "CN", 2) == 0)) {
            country = k; /* a whole country as the other side (0053): last in the key */
        } else {
            bc_buf_puts(out, first ? "" : ",");
            bc_buf_json_string(out, k, len);
            first = 0;
        }
        k += len + (k[len] == '+');
    }
    bc_buf_puts(out, "],\"counterpart_country\":");
    if (country != NULL)
        bc_buf_json_string(out, country, 2);
    else
        bc_buf_puts(out, "null");
    bc_buf_printf(out, ",\"comparable\":%s,\"reasons\":[", comparable ? "true" : "false");
    bc_buf_append(out, reasons.data ? reasons.data : "", reasons.len);
    bc_buf_puts(out, "],\"points\":[");
    bc_buf_append(out, body.data ? body.data : "", body.len);
    bc_buf_puts(out, "]}");
    bc_buf_free(&reasons);
    bc_buf_free(&body);
}

/* A series request, validated. */
typedef struct series_query {
    const char *metric, *curation;
    const char *province, *province_id; /* as given, and the province it names */
    const char *pair;                   /* as given */
    char pair_key[600];    /* its provinces' ids, sorted, joined by '+', then its country's code */
    const char *from, *to; /* as given */
    bc_date dfrom, dto;
} series_query;

static const bc_param_spec PARAMS[] = {
    {"metric", BC_PARAM_TEXT},
    {"province", BC_PARAM_TEXT},
    {"pair", BC_PARAM_TEXT},
    {"from", BC_PARAM_TEXT},
    {"to", BC_PARAM_TEXT},
    {"curation", BC_PARAM_TEXT},
    {NULL},
};

/* Checks q->metric against the metrics there are (named in the messages). */
static int check_metric(bc_request *req, const series_query *q, bc_response *res)
{
    sqlite3_stmt *st;
    bc_err err;
    int rc = bc_store_stmt(req->store,
                           "SELECT (SELECT group_concat(id, ', ') FROM (SELECT id FROM metrics "
                           "ORDER BY id)), EXISTS (SELECT 1 FROM metrics WHERE id = ?1)",
                           &st, &err);
    int known = 0;
    const char *allowed = NULL;
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, q->metric, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW) {
            const char *list = (const char *)sqlite3_column_text(st, 0);
            allowed = bc_arena_strndup(req->arena, list ? list : "", list ? strlen(list) : 0);
            known = sqlite3_column_int(st, 1);
        } else {
            rc = bc_store_error(req->store, &err, "reading the metrics");
        }
        sqlite3_reset(st);
    }
    if (rc != BC_OK || allowed == NULL)
        return bc_problem_internal(res, NULL, "the metrics could not be read");
    if (q->metric == NULL)
        return bc_problem(res, 400, "invalid_parameter", "metric",
                          "metric is required; allowed: %s", allowed);
    if (!known)
        return bc_problem(res, 400, "invalid_parameter", "metric",
                          "unknown metric '%.60s'; allowed: %s", q->metric, allowed);
    return 0;
}

/* pair: two or more provinces joined by '+' or ',', or provinces of one country and the
 * other country as a whole by its code ("yunnan+VN"); matched as a set, by q->pair_key. */
static int resolve_pair(bc_request *req, series_query *q, bc_response *res)
{
    const char *ids[MAX_PAIR], *country = NULL;
    size_t np = 0;
    bc_err err;
    char *copy = bc_arena_strndup(req->arena, q->pair, strlen(q->pair));
    if (copy == NULL)
        return bc_problem_internal(res, NULL, "out of memory");
    /* '+' arrives decoded as a space: a part that names no province as a whole is
     * split at its spaces ("tuyen-quang yunnan"), one that does is kept ("Lao Cai") */
    for (char *save = NULL, *part = strtok_r(copy, "+,", &save); part != NULL;
         part = strtok_r(NULL, "+,", &save)) {
        const char *whole;
        if (strlen(part) == 2 && (strcasecmp(part, "VN") == 0 || strcasecmp(part, "CN") == 0)) {
            if (country != NULL)
                return bad(res, "pair", "pair '%.60s' names more than one country", q->pair);
            country = toupper((unsigned char)part[0]) == 'V' ? "VN" : "CN";
            continue;
        }
        int r = bc_resolve_alias(req, "province", part, &whole, &err);
        char *words = part, *wsave = NULL;
        int split = r == BC_ENOTFOUND && strchr(part, ' ') != NULL;
        for (char *tok = split ? strtok_r(words, " ", &wsave) : part; tok != NULL;
             tok = split ? strtok_r(NULL, " ", &wsave) : NULL) {
            if (np == MAX_PAIR)
                return bad(res, "pair", "pair '%.60s' names too many provinces", q->pair);
            if (split)
                r = bc_resolve_alias(req, "province", tok, &whole, &err);
            if (r == BC_ENOTFOUND)
                return bad(res, "pair", "unknown province '%.60s' in pair (see /v1/provinces)",
                           tok);
            if (r != 0)
                return bc_problem_internal(res, NULL, "the pair could not be read");
            ids[np++] = whole;
        }
    }
    if (np + (country != NULL) < 2 || np == 0)
        return bad(res, "pair",
                   "pair '%.60s' must name two or more provinces joined by '+' (e.g. "
                   "tuyen-quang+yunnan), or provinces and a whole country by its code (e.g. "
                   "yunnan+VN)",
                   q->pair);
    qsort(ids, np, sizeof ids[0], cmp_str);
    q->pair_key[0] = '\0';
    for (size_t i = 0; i < np; i++)
        snprintf(q->pair_key + strlen(q->pair_key), sizeof q->pair_key - strlen(q->pair_key),
                 "%s%s", i ? "+" : "", ids[i]);
    if (country != NULL)
        snprintf(q->pair_key + strlen(q->pair_key), sizeof q->pair_key - strlen(q->pair_key), "+%s",
                 country);
    return 0;
}

/* Validates req's query into q. 0, or fills res and returns its status. */
static int parse_series(bc_request *req, series_query *q, bc_response *res)
{
    bc_param ps[BC_QUERY_MAX_PAIRS];
    size_t n;
    memset(q, 0, sizeof *q);
    int status = bc_params_parse(req, PARAMS, NULL, ps, &n, res);
    if (status != 0)
        return status;
    q->metric = bc_params_text(ps, n, "metric", NULL);
    q->province = bc_params_text(ps, n, "province", NULL);
    q->pair = bc_params_text(ps, n, "pair", NULL);
    q->from = bc_params_text(ps, n, "from", NULL);
    q->to = bc_params_text(ps, n, "to", NULL);
    const char *curation = bc_params_text(ps, n, "curation", BC_CURATION_DEFAULT);
    status = check_metric(req, q, res);
    if (status != 0)
        return status;
    q->curation = bc_curation_set(curation);
    if (q->curation == NULL)
        return bad(res, "curation", "unknown curation '%.40s'; allowed: " BC_CURATION_ALLOWED,
                   curation);
    bc_err err;
    if (q->from != NULL && bc_date_parse(q->from, &q->dfrom, &err) != 0)
        return bc_problem(res, 400, "invalid_parameter", "from", "from: %s", err.msg);
    if (q->to != NULL && bc_date_parse(q->to, &q->dto, &err) != 0)
        return bc_problem(res, 400, "invalid_parameter", "to", "to: %s", err.msg);
    if (q->from != NULL && q->to != NULL && strcmp(q->dfrom.start, q->dto.end) > 0)
        return bc_problem(res, 400, "invalid_parameter", "to",
                          "parameter 'to' (%.40s) ends before 'from' (%.40s) starts: nothing lies "
                          "between them; give a 'to' on or after 'from'",
                          q->to, q->from);
    if (q->province != NULL) {
        int r = bc_resolve_alias(req, "province", q->province, &q->province_id, &err);
        if (r == BC_ENOTFOUND)
            return bad(res, "province", "unknown province '%.60s' (see /v1/provinces)",
                       q->province);
        if (r != 0)
            return bc_problem_internal(res, NULL, "the province could not be read");
    }
    return q->pair != NULL ? resolve_pair(req, q, res) : 0;
}

/* The figures of q's metric, with their series key (?7), label (?8) and document (?9). */
static const char SERIES_SQL[] =
    "SELECT f.id, f.unit, f.period, f.period_start, f.period_end, "
    "CAST(julianday(f.period_end) - julianday(f.period_start) + 1 AS INTEGER), k.key, "
    "fp.label, json_object('id', f.id, 'value', CASE WHEN f.value = CAST(f.value AS INTEGER) "
    "THEN CAST(f.value AS INTEGER) ELSE f.value END, 'unit', f.unit, 'qualifier', "
    "f.qualifier, 'period', f.period, 'period_start', f.period_start, 'period_end', "
    "f.period_end, 'curation', f.curation, 'inferred', json(f.inferred), 'conflicts_with', "
    "json(rel.conflicts_with), 'conflicts_total', rel.conflicts_total, 'overlaps', "
    "json(rel.overlaps), 'overlaps_total', rel.overlaps_total, 'sources', "
    "json((SELECT json_group_array(json(doc)) FROM (SELECT doc FROM v_cite WHERE figure_id "
    "= f.id ORDER BY id))), 'links', json_object('self', '/v1/figures/' || f.id)) "
    "FROM figures f JOIN v_figure_pair fp ON fp.figure_id = f.id "
    "JOIN v_figure_brief_relations rel ON rel.id = f.id "
    "JOIN (SELECT x.id AS fid, (SELECT group_concat(province_id, '+') FROM (SELECT "
    "province_id FROM figure_parties WHERE figure_id = x.id ORDER BY province_id)) || "
    "coalesce('+' || x.counterpart_country, '') AS key "
    "FROM figures x WHERE x.metric = ?1) k ON k.fid = f.id "
    "WHERE f.metric = ?1 AND (?2 IS NULL OR EXISTS (SELECT 1 FROM figure_parties p WHERE "
    "p.figure_id = f.id AND p.province_id IN (SELECT id FROM provinces WHERE ?2 IN (id, "
    "merged_into)))) AND (?3 IS NULL OR k.key = ?3) AND (?4 IS NULL OR f.period_end >= ?4) "
    "AND (?5 IS NULL OR f.period_start <= ?5) "
    "AND f.curation IN (SELECT curation FROM curation_sets WHERE name = ?6) "
    "ORDER BY k.key, coalesce(f.period_start, '9999-12-31'), f.id";

/* Reads row st into the point p (copies); 0, or -1 when out of memory (p freed). */
static int read_point(sqlite3_stmt *st, point *p)
{
    memset(p, 0, sizeof *p);
    const char *cols[5];
    for (int c = 0; c < 5; c++)
        cols[c] = (const char *)sqlite3_column_text(st, c);
    p->id = bc_strdup(cols[0]);
    p->unit = bc_strdup(cols[1]);
    p->period = cols[2] ? bc_strdup(cols[2]) : NULL;
    p->start = cols[3] ? bc_strdup(cols[3]) : NULL;
    p->end = cols[4] ? bc_strdup(cols[4]) : NULL;
    p->days = sqlite3_column_int64(st, 5);
    p->months = month_span(p->start, p->end, p->days);
    p->doc = bc_strdup((const char *)sqlite3_column_text(st, 8));
    if (p->id == NULL || p->unit == NULL || p->doc == NULL || (cols[3] && !p->start) ||
        (cols[4] && !p->end) || (cols[2] && !p->period)) {
        free_points(p, 1);
        return -1;
    }
    return 0;
}

/* Appends the series st reads to out, one per series key (at most 256 points each);
 * counts them in *nseries and *npoints. Returns the last sqlite3_step result
 * (SQLITE_DONE when all went well, SQLITE_NOMEM when a point could not be copied). */
static int write_series(sqlite3_stmt *st, bc_buf *out, size_t *nseries, size_t *npoints)
{
    point pts[256];
    size_t np = 0;
    char key[600] = "", label[600] = "";
    int step;
    for (;;) {
        step = sqlite3_step(st);
        const char *k = step == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 6) : NULL;
        if (k == NULL)
            k = "";
        if (np > 0 && (step != SQLITE_ROW || strcmp(k, key) != 0 || np == 256)) {
            bc_buf_puts(out, (*nseries)++ ? "," : "");
            render_series(out, key, label, pts, np);
            *npoints += np;
            free_points(pts, np);
            np = 0;
        }
        if (step != SQLITE_ROW)
            break;
        snprintf(key, sizeof key, "%s", k);
        const char *l = (const char *)sqlite3_column_text(st, 7);
        snprintf(label, sizeof label, "%s", l ? l : k[0] ? "" : "parties not stated");
        if (read_point(st, &pts[np]) != 0) {
            free_points(pts, np);
            np = 0;
            step = SQLITE_NOMEM;
            break;
        }
        np++;
    }
    sqlite3_reset(st);
    return step;
}

/* Appends meta (the counts, the filters applied) and links to out. */
static void write_meta(bc_request *req, const series_query *q, size_t nseries, size_t npoints,
                       bc_buf *out)
{
    bc_buf_printf(out, "],\"meta\":{\"series\":%zu,\"points\":%zu,\"filters\":{", nseries, npoints);
    const char *fk[] = {"province", "pair", "from", "to", "curation"};
    const char *fv[] = {q->province_id, q->pair != NULL ? q->pair_key : NULL, q->from, q->to,
                        q->curation};
    for (int i = 0, c = 0; i < 5; i++) {
        if (fv[i] == NULL)
            continue;
        bc_buf_printf(out, "%s\"%s\":", c++ ? "," : "", fk[i]);
        bc_buf_json_string(out, fv[i], strlen(fv[i]));
    }
    bc_buf_puts(out, "},\"note\":\"Points are never summed. A line may join two neighbouring "
                     "points only where joins_previous is true: equal period lengths, no "
                     "overlap, the same unit.\"},\"links\":{\"self\":");
    bc_buf b = BC_BUF_INIT;
    bc_buf_printf(&b, "%s%s%s", req->path, req->query[0] ? "?" : "", req->query);
    bc_buf_json_string(out, b.data ? b.data : req->path, b.len);
    bc_buf_free(&b);
    bc_buf_puts(out, "}}");
}

int bc_handle_series(bc_request *req, bc_response *res)
{
    series_query q;
    int status = parse_series(req, &q, res);
    if (status != 0)
        return status;
    sqlite3_stmt *st;
    bc_err err;
    if (bc_store_stmt(req->store, SERIES_SQL, &st, &err) != BC_OK)
        return bc_problem_internal(res, err.msg, "the series could not be read");
    sqlite3_bind_text(st, 1, q.metric, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, q.province_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, q.pair != NULL ? q.pair_key : NULL, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, q.from != NULL ? q.dfrom.start : NULL, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, q.to != NULL ? q.dto.end : NULL, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, q.curation, -1, SQLITE_TRANSIENT);

    bc_buf *out = &res->body;
    bc_buf_puts(out, "{\"metric\":");
    bc_buf_json_string(out, q.metric, strlen(q.metric));
    bc_buf_puts(out, ",\"series\":[");
    size_t nseries = 0, npoints = 0;
    int step = write_series(st, out, &nseries, &npoints);
    if (step != SQLITE_DONE || bc_buf_failed(out)) {
        snprintf(res->log_note, sizeof res->log_note, "series: %.200s",
                 sqlite3_errmsg(bc_store_db(req->store)));
        return bc_problem_internal(res, NULL, "the series could not be built");
    }
    write_meta(req, &q, nseries, npoints, out);
    if (bc_buf_failed(out))
        return bc_problem_internal(res, NULL, "out of memory");
    res->cacheable = 1;
    return res->status = 200;
}
