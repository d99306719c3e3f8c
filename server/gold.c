/* gold.c: reads the gold corpus (gold.h, tests/eval/README.md): <lang>/<id>.txt and its
 * annotation <lang>/<id>.json, checking every field against the format and every quote
 * against the article's bytes. */
#include "bordercoop/gold.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/date.h"
#include "bordercoop/extract.h"
#include "bordercoop/text.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rd {
    const char *file; /* the .json being read, for messages */
    bc_gold_article *a;
    bc_err *err;
} rd;

static int bad(rd *r, const char *path, const char *fmt, const char *what)
{
    return bc_err_set(r->err, BC_EINVAL, "%s: %s: %s%s", r->file, path, fmt, what ? what : "");
}

static int one_of(const char *v, const char *const *allowed)
{
    for (; *allowed; allowed++)
        if (strcmp(v, *allowed) == 0)
            return 1;
    return 0;
}

/* obj[key] as a string into dst[cap] ("" for null when nullable). */
static int str_at(rd *r, json_t *obj, const char *key, const char *path, int nullable, char *dst,
                  size_t cap, const char *const *allowed)
{
    char p[160];
    json_t *v = json_object_get(obj, key);
    snprintf(p, sizeof p, "%s.%s", path, key);
    dst[0] = '\0';
    if ((v == NULL || json_is_null(v)) && nullable)
        return BC_OK;
    if (!json_is_string(v))
        return bad(r, p, nullable ? "must be a string or null" : "must be a string", NULL);
    const char *s = json_string_value(v);
    if (strlen(s) >= cap)
        return bad(r, p, "is too long", NULL);
    if (allowed != NULL && !one_of(s, allowed))
        return bad(r, p, "not an allowed value: ", s);
    memcpy(dst, s, strlen(s) + 1);
    return BC_OK;
}

/* A reduced date, a month-day "--MM-DD" (when allowed) or an interval of dates. */
static int date_ok(const char *s, int month_day, int period)
{
    bc_date d;
    bc_period p;
    if (month_day && strlen(s) == 7 && s[0] == '-' && s[1] == '-' && s[4] == '-') {
        int m = atoi(s + 2), day = atoi(s + 5);
        return m >= 1 && m <= 12 && day >= 1 && day <= 31;
    }
    return period ? bc_period_parse(s, &p, NULL) == BC_OK : bc_date_parse(s, &d, NULL) == BC_OK;
}

/* Finds every occurrence of each quote of obj.quotes in the article. */
static int quotes_at(rd *r, json_t *obj, const char *path, bc_gold_quotes *q)
{
    char p[160];
    json_t *arr = json_object_get(obj, "quotes");
    snprintf(p, sizeof p, "%s.quotes", path);
    if (!json_is_array(arr) || json_array_size(arr) == 0)
        return bad(r, p, "must be a non-empty list of quotes", NULL);
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        snprintf(p, sizeof p, "%s.quotes[%zu]", path, i);
        if (!json_is_string(v) || json_string_length(v) == 0)
            return bad(r, p, "must be a non-empty string", NULL);
        const char *s = json_string_value(v);
        size_t n = json_string_length(v), found = 0;
        for (const char *at = r->a->text;
             (at = memmem(at, r->a->len - (size_t)(at - r->a->text), s, n)) != NULL; at++) {
            size_t cap = q->n + 1;
            size_t *st = bc_realloc(q->start, cap * sizeof *st);
            if (st == NULL)
                return bc_err_set(r->err, BC_ENOMEM, "out of memory reading %s", r->file);
            q->start = st;
            size_t *en = bc_realloc(q->end, cap * sizeof *en);
            if (en == NULL)
                return bc_err_set(r->err, BC_ENOMEM, "out of memory reading %s", r->file);
            q->end = en;
            q->start[q->n] = (size_t)(at - r->a->text);
            q->end[q->n] = q->start[q->n] + n;
            q->n++;
            found++;
        }
        if (found == 0)
            return bc_err_set(r->err, BC_EINVAL, "%s: %s: quote is not verbatim in %s: \"%.80s\"",
                              r->file, p, r->a->path, s);
    }
    return BC_OK;
}

static const char *const CURRENCIES[] = {"USD", "CNY", "VND", "EUR", NULL};
static const char *const METRICS[] = {"trade_turnover", "exports", "imports", "investment",
                                      "budget_revenue", "other",   NULL};
static const char *const QUALIFIERS[] = {"exact", "over",      "nearly",     "about",
                                         "under", "range_low", "range_high", NULL};
static const char *const BASES[] = {"text", "publication", NULL};
/* a meeting's date may also be all counted from the publication date (README) */
static const char *const DATE_BASES[] = {"text", "publication", "publication_day", NULL};
static const char *const MECHANISMS[] = {"conference-yunnan", "jwg-yunnan", "jwc-guangxi",
                                         "spring-meeting-guangxi", NULL};
static const char *const STATUSES[] = {"held", "planned", NULL};
static const char *const KINDS[] = {"gate_pair",           "bridge",          "road",  "railway",
                                    "traditional_opening", "clearance_point", "other", NULL};

static int read_money(rd *r, json_t *o, const char *path, bc_gold_money *m)
{
    char basis[16];
    json_t *v = json_object_get(o, "value"), *t = json_object_get(o, "target");
    if (!json_is_object(o))
        return bad(r, path, "must be an object", NULL);
    if (!json_is_number(v) || json_number_value(v) <= 0)
        return bad(r, path, "value must be a positive number", NULL);
    m->value = json_number_value(v);
    if (!json_is_boolean(t))
        return bad(r, path, "target must be true or false", NULL);
    m->target = json_is_true(t);
    int rc = str_at(r, o, "currency", path, 0, m->currency, sizeof m->currency, CURRENCIES);
    if (rc == BC_OK)
        rc = str_at(r, o, "metric", path, 0, m->metric, sizeof m->metric, METRICS);
    if (rc == BC_OK)
        rc = str_at(r, o, "period", path, 1, m->period, sizeof m->period, NULL);
    if (rc == BC_OK && m->period[0] && !date_ok(m->period, 0, 1))
        rc = bad(r, path, "period is not an ISO date or interval: ", m->period);
    if (rc == BC_OK)
        rc = str_at(r, o, "period_basis", path, 1, basis, sizeof basis, BASES);
    m->period_pub = strcmp(basis, "publication") == 0;
    if (rc == BC_OK && m->period_pub && r->a->published_on[0] == '\0')
        rc = bad(r, path, "period_basis is publication but published_on is null", NULL);
    if (rc == BC_OK)
        rc = str_at(r, o, "qualifier", path, 0, m->qualifier, sizeof m->qualifier, QUALIFIERS);
    json_t *ch = json_object_get(o, "change_pct");
    if (rc == BC_OK && ch != NULL && !json_is_null(ch) && !json_is_number(ch))
        rc = bad(r, path, "change_pct must be a number or null", NULL);
    m->has_change = json_is_number(ch);
    m->change_pct = m->has_change ? json_number_value(ch) : 0;
    if (rc == BC_OK)
        rc = quotes_at(r, o, path, &m->quotes);
    return rc;
}

static int read_meeting(rd *r, json_t *o, const char *path, bc_gold_meeting *m)
{
    char basis[16];
    if (!json_is_object(o))
        return bad(r, path, "must be an object", NULL);
    json_t *ord = json_object_get(o, "ordinal");
    if (ord != NULL && !json_is_null(ord) &&
        (!json_is_integer(ord) || json_integer_value(ord) < 1 || json_integer_value(ord) > 999))
        return bad(r, path, "ordinal must be a positive whole number or null", NULL);
    m->ordinal = json_is_integer(ord) ? (int)json_integer_value(ord) : 0;
    int rc = str_at(r, o, "mechanism", path, 1, m->mechanism, sizeof m->mechanism, MECHANISMS);
    if (rc == BC_OK)
        rc = str_at(r, o, "date", path, 1, m->date, sizeof m->date, NULL);
    if (rc == BC_OK && m->date[0] && !date_ok(m->date, 1, 0))
        rc = bad(r, path, "date is not an ISO date or --MM-DD: ", m->date);
    if (rc == BC_OK)
        rc = str_at(r, o, "date_basis", path, 1, basis, sizeof basis, DATE_BASES);
    m->date_day_pub = strcmp(basis, "publication_day") == 0;
    m->date_pub = m->date_day_pub || strcmp(basis, "publication") == 0;
    if (rc == BC_OK && m->date_pub && r->a->published_on[0] == '\0')
        rc = bad(r, path, "date_basis is publication(_day) but published_on is null", NULL);
    if (rc == BC_OK && m->date_day_pub && strlen(m->date) != 10)
        rc = bad(r, path, "date_basis publication_day needs a whole day", NULL);
    if (rc == BC_OK)
        rc = str_at(r, o, "status", path, 0, m->status, sizeof m->status, STATUSES);
    if (rc == BC_OK)
        rc = quotes_at(r, o, path, &m->quotes);
    return rc;
}

static int names_at(rd *r, json_t *o, const char *key, const char *path, char ***out, size_t *n)
{
    char p[160];
    json_t *arr = json_object_get(o, key);
    snprintf(p, sizeof p, "%s.%s", path, key);
    if (!json_is_array(arr) || json_array_size(arr) == 0)
        return bad(r, p, "must be a non-empty list of names", NULL);
    *out = bc_calloc(json_array_size(arr), sizeof **out);
    if (*out == NULL)
        return bc_err_set(r->err, BC_ENOMEM, "out of memory reading %s", r->file);
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        if (!json_is_string(v) || json_string_length(v) == 0)
            return bad(r, p, "names must be non-empty strings", NULL);
        (*out)[i] = bc_strdup(json_string_value(v));
        if ((*out)[i] == NULL)
            return bc_err_set(r->err, BC_ENOMEM, "out of memory reading %s", r->file);
        *n = i + 1;
    }
    return BC_OK;
}

static int read_gate(rd *r, json_t *o, const char *path, bc_gold_gate *g)
{
    if (!json_is_object(o))
        return bad(r, path, "must be an object", NULL);
    int rc = names_at(r, o, "vn_side", path, &g->vn, &g->nvn);
    if (rc == BC_OK)
        rc = names_at(r, o, "cn_side", path, &g->cn, &g->ncn);
    if (rc == BC_OK)
        rc = str_at(r, o, "kind", path, 0, g->kind, sizeof g->kind, KINDS);
    if (rc == BC_OK)
        rc = quotes_at(r, o, path, &g->quotes);
    return rc;
}

/* Reads the whole file at path into a new NUL-terminated buffer. */
static char *slurp(const char *path, size_t *len, bc_err *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        bc_err_set(err, BC_EIO, "%s: %s", path, strerror(errno));
        return NULL;
    }
    bc_buf b = BC_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        bc_buf_append(&b, chunk, n);
    int failed = ferror(f);
    fclose(f);
    if (failed || bc_buf_failed(&b)) {
        bc_buf_free(&b);
        bc_err_set(err, failed ? BC_EIO : BC_ENOMEM, "%s: cannot read it", path);
        return NULL;
    }
    bc_buf_putc(&b, '\0');
    char *s = bc_buf_steal(&b, len);
    if (s != NULL && *len > 0)
        (*len)--;
    return s;
}

#define EACH(field, count, type, reader, name)                                                     \
    do {                                                                                           \
        json_t *arr_ = json_object_get(root, name);                                                \
        if (rc == BC_OK && !json_is_array(arr_))                                                   \
            rc = bad(&r, name, "must be a list", NULL);                                            \
        if (rc == BC_OK && json_array_size(arr_) > 0) {                                            \
            a->field = bc_calloc(json_array_size(arr_), sizeof(type));                             \
            if (a->field == NULL)                                                                  \
                rc = bc_err_set(err, BC_ENOMEM, "out of memory reading %s", jpath);                \
        }                                                                                          \
        for (size_t i_ = 0; rc == BC_OK && i_ < json_array_size(arr_); i_++) {                     \
            char p_[64];                                                                           \
            snprintf(p_, sizeof p_, "%s[%zu]", name, i_);                                          \
            a->count = i_ + 1;                                                                     \
            rc = reader(&r, json_array_get(arr_, i_), p_, &a->field[i_]);                          \
        }                                                                                          \
    } while (0)

static int read_article(const char *dir, const char *lang, const char *id, bc_gold_article *a,
                        bc_err *err)
{
    char jpath[1024];
    json_error_t je;
    snprintf(jpath, sizeof jpath, "%s/%s/%s.json", dir, lang, id);
    snprintf(a->path, sizeof a->path, "%s/%s/%s.txt", dir, lang, id);
    rd r = {jpath, a, err};
    a->text = slurp(a->path, &a->len, err);
    if (a->text == NULL)
        return err->code;
    if (!bc_utf8_valid(a->text, a->len))
        return bc_err_set(err, BC_EINVAL, "%s: not valid UTF-8", a->path);
    json_t *root = json_load_file(jpath, JSON_REJECT_DUPLICATES, &je);
    if (root == NULL)
        return bc_err_set(err, BC_EINVAL, "%s: line %d: %s", jpath, je.line, je.text);
    int rc = BC_OK;
    char buf[128];
    if (!json_is_object(root))
        rc = bad(&r, "(top)", "must be an object", NULL);
    if (rc == BC_OK)
        rc = str_at(&r, root, "id", "(top)", 0, buf, sizeof buf, NULL);
    if (rc == BC_OK && strcmp(buf, id) != 0)
        rc = bad(&r, "id", "must equal the file name without .json: ", id);
    if (rc == BC_OK)
        memcpy(a->id, buf, strlen(buf) + 1);
    if (rc == BC_OK)
        rc = str_at(&r, root, "lang", "(top)", 0, a->lang, sizeof a->lang, bc_extract_langs);
    if (rc == BC_OK && strcmp(a->lang, lang) != 0)
        rc = bad(&r, "lang", "must be the language of its directory: ", lang);
    if (rc == BC_OK && strncmp(a->id, a->lang, strlen(a->lang)) != 0)
        rc = bad(&r, "id", "must start with the language code", NULL);
    if (rc == BC_OK)
        rc = str_at(&r, root, "published_on", "(top)", 1, a->published_on, sizeof a->published_on,
                    NULL);
    if (rc == BC_OK && a->published_on[0] && !date_ok(a->published_on, 0, 0))
        rc = bad(&r, "published_on", "is not an ISO date: ", a->published_on);
    EACH(money, nmoney, bc_gold_money, read_money, "money");
    EACH(meetings, nmeetings, bc_gold_meeting, read_meeting, "meetings");
    EACH(gates, ngates, bc_gold_gate, read_gate, "gates");
    json_decref(root);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The ids (file names without .json) of dir/lang, sorted; *n of them, new array of new
 * strings. A missing directory gives none. */
static int list_ids(const char *dir, const char *lang, char ***out, size_t *n, bc_err *err)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, lang);
    *out = NULL;
    *n = 0;
    DIR *d = opendir(path);
    if (d == NULL)
        return errno == ENOENT ? BC_OK : bc_err_set(err, BC_EIO, "%s: %s", path, strerror(errno));
    size_t cap = 0;
    int rc = BC_OK;
    struct dirent *e;
    while (rc == BC_OK && (e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l <= 5 || strcmp(e->d_name + l - 5, ".json") != 0 || e->d_name[0] == '.')
            continue;
        *out = bc_grow(*out, &cap, *n + 1, sizeof **out, &rc);
        if (rc == BC_OK && ((*out)[*n] = bc_strndup(e->d_name, l - 5)) == NULL)
            rc = BC_ENOMEM;
        if (rc == BC_OK)
            (*n)++;
    }
    closedir(d);
    if (rc != BC_OK)
        return bc_err_set(err, rc, "out of memory listing %s", path);
    if (*n > 1)
        qsort(*out, *n, sizeof **out, cmp_str);
    return BC_OK;
}

static void quotes_free(bc_gold_quotes *q)
{
    bc_free(q->start);
    bc_free(q->end);
}

void bc_gold_free(bc_gold_corpus *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->n; i++) {
        bc_gold_article *a = &c->a[i];
        bc_free(a->text);
        for (size_t k = 0; k < a->nmoney; k++)
            quotes_free(&a->money[k].quotes);
        for (size_t k = 0; k < a->nmeetings; k++)
            quotes_free(&a->meetings[k].quotes);
        for (size_t k = 0; k < a->ngates; k++) {
            bc_gold_gate *g = &a->gates[k];
            for (size_t q = 0; q < g->nvn; q++)
                bc_free(g->vn[q]);
            for (size_t q = 0; q < g->ncn; q++)
                bc_free(g->cn[q]);
            bc_free(g->vn);
            bc_free(g->cn);
            quotes_free(&g->quotes);
        }
        bc_free(a->money);
        bc_free(a->meetings);
        bc_free(a->gates);
    }
    bc_free(c->a);
    bc_free(c);
}

int bc_gold_load(const char *dir, bc_gold_corpus **out, bc_err *err)
{
    if (dir == NULL || out == NULL)
        return bc_err_set(err, BC_EINVAL, "bc_gold_load: no directory or no result");
    *out = NULL;
    DIR *d = opendir(dir);
    if (d == NULL)
        return bc_err_set(err, BC_EIO, "%s: %s", dir, strerror(errno));
    closedir(d);
    bc_gold_corpus *c = bc_calloc(1, sizeof *c);
    if (c == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory reading %s", dir);
    int rc = BC_OK;
    size_t cap = 0;
    for (const char *const *lang = bc_extract_langs; rc == BC_OK && *lang; lang++) {
        char **ids = NULL;
        size_t n = 0;
        rc = list_ids(dir, *lang, &ids, &n, err);
        for (size_t i = 0; rc == BC_OK && i < n; i++) {
            c->a = bc_grow(c->a, &cap, c->n + 1, sizeof *c->a, &rc);
            if (rc != BC_OK) {
                bc_err_set(err, rc, "out of memory reading %s", dir);
                break;
            }
            memset(&c->a[c->n], 0, sizeof c->a[c->n]);
            c->n++;
            rc = read_article(dir, *lang, ids[i], &c->a[c->n - 1], err);
        }
        for (size_t i = 0; i < n; i++)
            bc_free(ids[i]);
        bc_free(ids);
    }
    if (rc == BC_OK)
        *out = c;
    else
        bc_gold_free(c);
    return rc;
}

void bc_gold_without_publication(const char *date, char out[16])
{
    if (strlen(date) == 10 && date[4] == '-' && date[7] == '-')
        snprintf(out, 16, "--%.5s", date + 5);
    else
        out[0] = '\0';
}
