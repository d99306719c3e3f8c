/* eval_curated.c: the regression check of the extractor on the five source articles:
 * scores bc_extract against the curated facts of a store (see eval.h): every
 * article is extracted with the store's gazetteer and each finding is matched to the
 * figures, meetings and projects curated from the same article.
 *
 * Matching, per kind (an extraction is "matched" when it matches at least one curated
 * fact; a curated fact is "found" when at least one extraction matches it; "overlap"
 * means the byte ranges [quote_start, quote_end) of the extraction and of a citation of
 * the fact in the same source intersect):
 *   money figures  an extracted figure with unit USD matches a curated figure with unit
 *                  USD when |value - curated value| <= 0.5% of the curated value and its
 *                  quote overlaps one of that figure's citations (citations.figure_id);
 *   counts         the same for figures whose units are not USD (on both sides); the
 *                  metric and unit are reported but not compared;
 *   meeting dates  an extracted meeting with a date matches a curated meeting whose
 *                  `date` is the same string when its quote overlaps one of that
 *                  meeting's citations (citations.meeting_id or decision_meeting_id);
 *                  curated: the meetings that have a date;
 *   meetings       (those with a mechanism) an extracted meeting matches a curated meeting with the
 * same mechanism id and the same ordinal; an extraction without an ordinal
 *                  ("the 2024 spring meeting") matches a meeting of that mechanism whose
 *                  year is the year of the extracted date;
 *   gate pairs     an extracted gate matches a curated project when the project id is
 *                  the same, or when both sides match: a side matches when its slug
 *                  (bc_text_slug) equals the slug of the curated side (vn_side or
 *                  vn_side_vi, cn_side or cn_side_zh), of that side without its
 *                  "(...)", of a "(...)" part or of a comma-separated part ("Kim Thuy Ha"
 *                  ~ "Kim Thuy Ha (Jinshuihe)", "Ban Vuoc" ~ "Ban Vuoc, Bat Xat"); a
 *                  project without a Chinese side needs an empty extracted one.
 * Curated facts count only when at least one of their citations lies in an article of
 * the store (for projects: a citation of the project or of one of its events).
 * Precision = matched / extracted, recall = found / curated. */
#include "bordercoop/eval_curated.h"

#include "bordercoop/alloc.h"
#include "bordercoop/arena.h"
#include "bordercoop/extract.h"
#include "bordercoop/gazetteer.h"
#include "bordercoop/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const bc_evalc_kind_names[BC_EVALC_KINDS] = {
    "money figures", "counts", "meeting dates", "meetings", "gate pairs",
};

typedef struct cfig {
    const char *id;
    double value;
    int usd;
    int cited, found;
} cfig;

typedef struct cmeet {
    const char *id, *mech, *date;
    int ord, year;
    int cited, found_date, found;
} cmeet;

typedef struct cproj {
    const char *id, *vn, *cn, *vn_vi, *cn_zh;
    int cited, found;
} cproj;

typedef struct ccite {
    const char *source;
    size_t qs, qe;
    long fig, meet, proj; /* indices, -1 when none */
} ccite;

typedef struct ev {
    bc_store *s;
    bc_arena arena;
    cfig *f;
    size_t nf, capf;
    cmeet *m;
    size_t nm, capm;
    cproj *p;
    size_t np, capp;
    ccite *c;
    size_t nc, capc;
    int rc;
} ev;

/* A copy of column i in the arena ("" for NULL). */
static const char *dup_col(ev *e, sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    char *d = bc_arena_strndup(&e->arena, v ? v : "", v ? strlen(v) : 0);
    if (d == NULL)
        e->rc = BC_ENOMEM;
    return d ? d : "";
}

static long find_id(const char *id, const void *arr, size_t n, size_t size)
{
    for (size_t i = 0; id != NULL && i < n; i++)
        if (strcmp(*(const char *const *)((const char *)arr + i * size), id) == 0)
            return (long)i;
    return -1;
}

/* Runs sql and calls row for each result row. */
static int each_row(ev *e, const char *sql, void (*row)(ev *, sqlite3_stmt *), bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(e->s, sql, &st, err);
    if (rc != BC_OK)
        return rc;
    int step = SQLITE_DONE;
    while (e->rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
        row(e, st);
    if (e->rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(e->s, err, "reading the curated facts");
    sqlite3_reset(st);
    return rc != BC_OK ? rc : e->rc;
}

static void fig_row(ev *e, sqlite3_stmt *st)
{
    e->f = bc_grow(e->f, &e->capf, e->nf + 1, sizeof *e->f, &e->rc);
    if (e->rc != BC_OK)
        return;
    cfig *f = &e->f[e->nf++];
    memset(f, 0, sizeof *f);
    f->id = dup_col(e, st, 0);
    f->value = sqlite3_column_double(st, 1);
    f->usd = strcmp((const char *)sqlite3_column_text(st, 2), "USD") == 0;
}

static void meet_row(ev *e, sqlite3_stmt *st)
{
    e->m = bc_grow(e->m, &e->capm, e->nm + 1, sizeof *e->m, &e->rc);
    if (e->rc != BC_OK)
        return;
    cmeet *m = &e->m[e->nm++];
    memset(m, 0, sizeof *m);
    m->id = dup_col(e, st, 0);
    m->mech = dup_col(e, st, 1);
    m->ord = sqlite3_column_int(st, 2);
    m->date = dup_col(e, st, 3);
    m->year = sqlite3_column_int(st, 4);
}

static void proj_row(ev *e, sqlite3_stmt *st)
{
    e->p = bc_grow(e->p, &e->capp, e->np + 1, sizeof *e->p, &e->rc);
    if (e->rc != BC_OK)
        return;
    cproj *p = &e->p[e->np++];
    memset(p, 0, sizeof *p);
    p->id = dup_col(e, st, 0);
    p->vn = dup_col(e, st, 1);
    p->cn = dup_col(e, st, 2);
    p->vn_vi = dup_col(e, st, 3);
    p->cn_zh = dup_col(e, st, 4);
}

static void cite_row(ev *e, sqlite3_stmt *st)
{
    e->c = bc_grow(e->c, &e->capc, e->nc + 1, sizeof *e->c, &e->rc);
    if (e->rc != BC_OK)
        return;
    ccite *c = &e->c[e->nc++];
    c->source = dup_col(e, st, 0);
    c->qs = (size_t)sqlite3_column_int64(st, 1);
    c->qe = (size_t)sqlite3_column_int64(st, 2);
    c->fig = find_id((const char *)sqlite3_column_text(st, 3), e->f, e->nf, sizeof *e->f);
    c->meet = find_id((const char *)sqlite3_column_text(st, 4), e->m, e->nm, sizeof *e->m);
    c->proj = find_id((const char *)sqlite3_column_text(st, 5), e->p, e->np, sizeof *e->p);
    if (c->fig >= 0)
        e->f[c->fig].cited = 1;
    if (c->meet >= 0)
        e->m[c->meet].cited = 1;
    if (c->proj >= 0)
        e->p[c->proj].cited = 1;
}

static int load(ev *e, bc_err *err)
{
    int rc = each_row(e, "SELECT id, value, unit FROM figures ORDER BY id", fig_row, err);
    if (rc == BC_OK)
        rc = each_row(e,
                      "SELECT id, mechanism_id, coalesce(ordinal, 0), coalesce(date, ''), "
                      "coalesce(year, 0) FROM meetings ORDER BY id",
                      meet_row, err);
    if (rc == BC_OK)
        rc = each_row(e,
                      "SELECT id, coalesce(vn_side, ''), coalesce(cn_side, ''), "
                      "coalesce(vn_side_vi, ''), coalesce(cn_side_zh, '') FROM projects "
                      "ORDER BY id",
                      proj_row, err);
    if (rc == BC_OK)
        rc = each_row(e,
                      "SELECT c.source_id, c.quote_start, c.quote_end, c.figure_id, "
                      "coalesce(c.meeting_id, c.decision_meeting_id), coalesce(c.project_id, "
                      "(SELECT pe.project_id FROM project_events pe WHERE pe.id = c.event_id)) "
                      "FROM citations c JOIN sources s ON s.id = c.source_id ORDER BY c.id",
                      cite_row, err);
    return rc;
}

static int overlaps(const ccite *c, const char *source, const bc_xcite *x)
{
    if (strcmp(c->source, source) != 0)
        return 0;
    for (int i = 0; i < x->nquotes; i++)
        if (x->q[i].start < c->qe && c->qs < x->q[i].end)
            return 1;
    return 0;
}

/* 1 when the slug of the n bytes at a equals the slug b. */
static int slug_is(const char *a, size_t n, const bc_buf *b, int *rc)
{
    bc_buf k = BC_BUF_INIT;
    bc_text_slug(a, n, &k);
    if (bc_buf_failed(&k))
        *rc = BC_ENOMEM;
    int eq = k.len > 0 && k.len == b->len && memcmp(k.data, b->data, k.len) == 0;
    bc_buf_free(&k);
    return eq;
}

/* 1 when the extracted side (slug in ext) matches the curated side as eval.c defines. */
static int side_match(const bc_buf *ext, const char *side, int *rc)
{
    size_t n = strlen(side);
    if (n == 0)
        return 0;
    if (slug_is(side, n, ext, rc))
        return 1;
    char bare[512];
    size_t bl = 0, open = 0;
    int depth = 0, hit = 0;
    for (size_t i = 0; i < n && !hit; i++) {
        if (side[i] == '(') {
            if (depth++ == 0)
                open = i + 1;
        } else if (side[i] == ')' && depth > 0) {
            if (--depth == 0)
                hit = slug_is(side + open, i - open, ext, rc);
        } else if (depth == 0 && bl + 1 < sizeof bare) {
            bare[bl++] = side[i];
        }
    }
    hit = hit || slug_is(bare, bl, ext, rc);
    for (size_t i = 0, from = 0; i <= bl && !hit; i++)
        if (i == bl || bare[i] == ',') {
            hit = slug_is(bare + from, i - from, ext, rc);
            from = i + 1;
        }
    return hit;
}

static int gate_match(const bc_xgate *g, const cproj *p, int *rc)
{
    if (g->project[0] && strcmp(g->project, p->id) == 0)
        return 1;
    bc_buf vn = BC_BUF_INIT, cn = BC_BUF_INIT;
    bc_text_slug(g->vn_side, strlen(g->vn_side), &vn);
    bc_text_slug(g->cn_side, strlen(g->cn_side), &cn);
    if (bc_buf_failed(&vn) || bc_buf_failed(&cn))
        *rc = BC_ENOMEM;
    int vok = vn.len > 0 && (side_match(&vn, p->vn, rc) || side_match(&vn, p->vn_vi, rc));
    int cok = p->cn[0] == '\0' && p->cn_zh[0] == '\0'
                  ? cn.len == 0
                  : cn.len > 0 && (side_match(&cn, p->cn, rc) || side_match(&cn, p->cn_zh, rc));
    bc_buf_free(&vn);
    bc_buf_free(&cn);
    return vok && cok;
}

static void score_source(ev *e, const char *source, const bc_extraction *x, bc_evalc_result *r)
{
    for (size_t i = 0; i < x->nfigures; i++) {
        const bc_xfigure *f = &x->figures[i];
        int usd = strcmp(f->unit, "USD") == 0, hit = 0;
        if (f->confidence < BC_X_MIN_CONFIDENCE)
            continue;
        bc_evalc_line *l = &r->kind[usd ? BC_EVALC_MONEY : BC_EVALC_COUNTS];
        for (size_t k = 0; k < e->nc; k++) {
            const ccite *c = &e->c[k];
            if (c->fig < 0 || !overlaps(c, source, &f->cite))
                continue;
            cfig *cf = &e->f[c->fig];
            if (cf->usd == usd && fabs(f->value - cf->value) <= 0.005 * fabs(cf->value)) {
                cf->found = 1;
                hit = 1;
            }
        }
        l->extracted++;
        l->matched += hit;
    }
    for (size_t i = 0; i < x->nmeetings; i++) {
        const bc_xmeeting *m = &x->meetings[i];
        int hit_date = 0, hit = 0;
        if (m->confidence < BC_X_MIN_CONFIDENCE)
            continue;
        for (size_t k = 0; m->date[0] && k < e->nc; k++) {
            const ccite *c = &e->c[k];
            if (c->meet < 0 || !overlaps(c, source, &m->cite))
                continue;
            cmeet *cm = &e->m[c->meet];
            if (strcmp(cm->date, m->date) == 0) {
                cm->found_date = 1;
                hit_date = 1;
            }
        }
        for (size_t k = 0; m->mechanism[0] && k < e->nm; k++) {
            cmeet *cm = &e->m[k];
            if (strcmp(cm->mech, m->mechanism) != 0)
                continue;
            if (m->ordinal != 0 ? cm->ord != m->ordinal
                                : m->date[0] == '\0' || atoi(m->date) != cm->year)
                continue;
            cm->found = 1;
            hit = 1;
        }
        if (m->date[0]) {
            r->kind[BC_EVALC_MEETING_DATES].extracted++;
            r->kind[BC_EVALC_MEETING_DATES].matched += hit_date;
        }
        if (m->mechanism[0] == '\0')
            continue; /* talks and meetings of no known mechanism: dates only */
        r->kind[BC_EVALC_MEETINGS].extracted++;
        r->kind[BC_EVALC_MEETINGS].matched += hit;
    }
    for (size_t i = 0; i < x->ngates && e->rc == BC_OK; i++) {
        int hit = 0;
        if (x->gates[i].confidence < BC_X_MIN_CONFIDENCE)
            continue;
        for (size_t k = 0; k < e->np; k++)
            if (gate_match(&x->gates[i], &e->p[k], &e->rc)) {
                e->p[k].found = 1;
                hit = 1;
            }
        r->kind[BC_EVALC_GATES].extracted++;
        r->kind[BC_EVALC_GATES].matched += hit;
    }
}

static int run_sources(ev *e, const bc_gazetteer *g, bc_evalc_result *r, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(e->s, "SELECT id, lang, body, published_on FROM sources ORDER BY id",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    int step = SQLITE_DONE;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        const char *lang = (const char *)sqlite3_column_text(st, 1);
        const char *body = (const char *)sqlite3_column_text(st, 2);
        const char *ref = (const char *)sqlite3_column_text(st, 3);
        size_t len = (size_t)sqlite3_column_bytes(st, 2);
        if (!bc_extract_lang_known(lang)) {
            r->skipped++;
            continue;
        }
        bc_extraction x;
        rc = bc_extract(body, len, lang, ref, g, &x, err);
        if (rc == BC_EINVAL) { /* not UTF-8: nothing to extract from */
            r->skipped++;
            rc = BC_OK;
            continue;
        }
        if (rc == BC_OK) {
            r->sources++;
            score_source(e, id, &x, r);
            rc = e->rc;
        }
        bc_extraction_free(&x);
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(e->s, err, "reading the articles");
    sqlite3_reset(st);
    return rc;
}

static void totals(const ev *e, bc_evalc_result *r)
{
    for (size_t i = 0; i < e->nf; i++) {
        bc_evalc_line *l = &r->kind[e->f[i].usd ? BC_EVALC_MONEY : BC_EVALC_COUNTS];
        l->curated += e->f[i].cited;
        l->found += e->f[i].cited && e->f[i].found;
    }
    for (size_t i = 0; i < e->nm; i++) {
        const cmeet *m = &e->m[i];
        if (m->date[0]) {
            r->kind[BC_EVALC_MEETING_DATES].curated += m->cited;
            r->kind[BC_EVALC_MEETING_DATES].found += m->cited && m->found_date;
        }
        r->kind[BC_EVALC_MEETINGS].curated += m->cited;
        r->kind[BC_EVALC_MEETINGS].found += m->cited && m->found;
    }
    for (size_t i = 0; i < e->np; i++) {
        r->kind[BC_EVALC_GATES].curated += e->p[i].cited;
        r->kind[BC_EVALC_GATES].found += e->p[i].cited && e->p[i].found;
    }
    for (int k = 0; k < BC_EVALC_KINDS; k++) {
        r->overall.extracted += r->kind[k].extracted;
        r->overall.matched += r->kind[k].matched;
        r->overall.curated += r->kind[k].curated;
        r->overall.found += r->kind[k].found;
    }
}

double bc_evalc_precision(const bc_evalc_line *l)
{
    return l->extracted ? (double)l->matched / (double)l->extracted : -1.0;
}

double bc_evalc_recall(const bc_evalc_line *l)
{
    return l->curated ? (double)l->found / (double)l->curated : -1.0;
}

int bc_evalc_run(bc_store *curated, bc_evalc_result *res, bc_err *err)
{
    ev e;
    bc_gazetteer *g = NULL;
    memset(&e, 0, sizeof e);
    if (curated == NULL || res == NULL)
        return bc_err_set(err, BC_EINVAL, "bc_evalc_run: no store or no result");
    memset(res, 0, sizeof *res);
    e.s = curated;
    int rc = load(&e, err);
    if (rc == BC_OK)
        rc = bc_gazetteer_load(curated, &g, err);
    if (rc == BC_OK)
        rc = run_sources(&e, g, res, err);
    if (rc == BC_OK)
        totals(&e, res);
    if (rc == BC_ENOMEM)
        bc_err_set(err, BC_ENOMEM, "out of memory evaluating the extractor");
    bc_gazetteer_free(g);
    bc_arena_free(&e.arena);
    bc_free(e.f);
    bc_free(e.m);
    bc_free(e.p);
    bc_free(e.c);
    return rc;
}

static void ratio(bc_buf *out, double v)
{
    if (v < 0)
        bc_buf_printf(out, " %9s", "-");
    else
        bc_buf_printf(out, " %9.3f", v);
}

static void line(bc_buf *out, const char *name, const bc_evalc_line *l)
{
    bc_buf_printf(out, "  %-14s %9zu %8zu", name, l->extracted, l->matched);
    ratio(out, bc_evalc_precision(l));
    bc_buf_printf(out, " %8zu %6zu", l->curated, l->found);
    ratio(out, bc_evalc_recall(l));
    bc_buf_putc(out, '\n');
}

int bc_evalc_report(bc_store *curated, const char *data_dir, bc_buf *out, bc_err *err)
{
    bc_evalc_result r;
    int rc = out == NULL ? bc_err_set(err, BC_EINVAL, "bc_evalc_report: no output")
                         : bc_evalc_run(curated, &r, err);
    if (rc == BC_OK) {
        bc_buf_printf(out, "extraction against the curated facts (%zu articles", r.sources);
        if (r.skipped)
            bc_buf_printf(out, ", %zu skipped", r.skipped);
        if (data_dir != NULL)
            bc_buf_printf(out, ", loaded from %s", data_dir);
        bc_buf_printf(out, ")\n  %-14s %9s %8s %9s %8s %6s %9s\n", "kind", "extracted", "matched",
                      "precision", "curated", "found", "recall");
        for (int k = 0; k < BC_EVALC_KINDS; k++)
            line(out, bc_evalc_kind_names[k], &r.kind[k]);
        line(out, "overall", &r.overall);
        if (bc_buf_failed(out))
            rc = bc_err_set(err, BC_ENOMEM, "out of memory writing the report");
    }
    return rc;
}
