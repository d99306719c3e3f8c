/* loader_figures.c: the loader's sections for figures and border gate projects (with
 * their dated events). */
#include "loader_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/country.h"

#include <stdio.h>
#include <string.h>

/* One figure's values as read from its object. */
typedef struct figure_row {
    const char *id, *metric, *unit, *qualifier, *period_s, *description, *meeting, *note;
    const char *country;     /* counterpart_country: "VN", "CN" or NULL */
    const char *cq, *cbasis; /* change.qualifier, change.basis */
    double value, cpct;
    int has_value, has_cpct;
    bc_period period;
} figure_row;

/* The unit must be the metric's. */
static int check_unit(loader *L, const char *p, const figure_row *f)
{
    char known[64];
    int found = 0;
    int rc = bc_store_lookup(L->s, "SELECT unit FROM metrics WHERE id = ?1",
                             BC_BINDS(bc_text(f->metric)), known, sizeof known, &found, L->err);
    if (rc == BC_OK && found && strcmp(known, f->unit) != 0)
        rc = ld_fail(L, p, "unit '%s' does not match metric '%s' (unit '%s')", f->unit, f->metric,
                     known);
    return rc;
}

/* `change`: {pct, qualifier, basis} or absent/null. */
static int read_change(loader *L, json_t *o, const char *p, figure_row *f)
{
    json_t *change = json_object_get(o, "change");
    if (change == NULL || json_is_null(change))
        return BC_OK;
    static const char *const ckeys[] = {"pct", "qualifier", "basis", NULL};
    char q[200];
    snprintf(q, sizeof q, "%s.change", p);
    int rc = ld_keys_ok(L, change, q, ckeys);
    if (rc == BC_OK)
        rc = ld_num(L, change, q, "pct", REQ, &f->has_cpct, &f->cpct);
    if (rc == BC_OK)
        rc = ld_str(L, change, q, "qualifier", OPT, &f->cq);
    if (rc == BC_OK)
        rc = ld_check_vocab(L, "qualifier", f->cq, q);
    if (rc == BC_OK)
        rc = ld_str(L, change, q, "basis", REQ, &f->cbasis);
    return rc;
}

/* `counterpart_country` (0053): a whole country as the other side of the figure's flow,
 * "VN" or "CN", with parties all of the other country, and named in one of its quotes (the
 * quote that states the flow); absent or null when there is none. */
static int read_country(loader *L, json_t *o, const char *p, figure_row *f)
{
    json_t *v = json_object_get(o, "counterpart_country");
    if (v == NULL || json_is_null(v))
        return BC_OK;
    int rc = ld_str(L, o, p, "counterpart_country", REQ, &f->country);
    if (rc == BC_OK && !bc_country_valid(f->country))
        return ld_fail(L, p, "'counterpart_country': '%s' is neither 'VN' nor 'CN'", f->country);
    json_t *parties = json_object_get(o, "parties"), *srcs = json_object_get(o, "sources");
    size_t np = json_array_size(parties);
    if (rc == BC_OK && np == 0)
        return ld_fail(L, p, "'counterpart_country' needs the parties it is the other side of");
    int named = 0;
    for (size_t k = 0; rc == BC_OK && k < json_array_size(srcs) && !named; k++) {
        const char *q = json_string_value(json_object_get(json_array_get(srcs, k), "quote"));
        named = q != NULL && bc_country_named(q, strlen(q), f->country);
    }
    if (rc == BC_OK && !named)
        return ld_fail(L, p, "'counterpart_country' %s: no quote of the figure names %s",
                       f->country, bc_country_name(f->country));
    return rc;
}

/* Reads and checks the fields of figure o (at path p) into f. */
static int read_figure(loader *L, json_t *o, const char *p, figure_row *f)
{
    static const char *const keys[] = {
        "id",          "metric",     "value",   "unit",
        "qualifier",   "period",     "change",  "parties",
        "description", "meetings",   "note",    "conflicts_with",
        "inferred",    "background", "sources", "counterpart_country",
        NULL};
    memset(f, 0, sizeof *f);
    int rc = ld_keys_ok(L, o, p, keys);
    if (rc == BC_OK)
        rc = ld_str(L, o, p, "id", REQ | ID, &f->id);
    if (rc == BC_OK)
        rc = ld_check_new_id(L, LD_REF_FIGURE, f->id, p);
    if (rc == BC_OK)
        rc = ld_str(L, o, p, "metric", REQ, &f->metric);
    if (rc == BC_OK)
        rc = ld_check_ref(L, LD_REF_METRIC, f->metric, p);
    if (rc == BC_OK)
        rc = ld_num(L, o, p, "value", REQ, &f->has_value, &f->value);
    if (rc == BC_OK)
        rc = ld_str(L, o, p, "unit", REQ, &f->unit);
    if (rc == BC_OK)
        rc = check_unit(L, p, f);
    if (rc == BC_OK)
        rc = ld_str(L, o, p, "qualifier", OPT, &f->qualifier);
    if (rc == BC_OK)
        rc = ld_check_vocab(L, "qualifier", f->qualifier, p);
    if (rc == BC_OK)
        rc = ld_str(L, o, p, "period", OPT, &f->period_s);
    if (rc == BC_OK && f->period_s != NULL) {
        bc_err e;
        if (bc_period_parse(f->period_s, &f->period, &e) != BC_OK)
            rc = ld_fail(L, p, "'period': %s", e.msg);
    }
    if (rc == BC_OK)
        rc = ld_str(L, o, p, "description", REQ, &f->description);
    if (rc == BC_OK) { /* the first of `meetings` (the whole list is checked later) */
        json_t *ms;
        rc = ld_arr(L, o, p, "meetings", OPT, &ms);
        if (rc == BC_OK && ms != NULL && json_array_size(ms) > 0 &&
            json_is_string(json_array_get(ms, 0)))
            f->meeting = json_string_value(json_array_get(ms, 0));
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_MEETING, f->meeting, p);
    }
    if (rc == BC_OK)
        rc = ld_str(L, o, p, "note", OPT, &f->note);
    if (rc == BC_OK)
        rc = read_change(L, o, p, f);
    if (rc == BC_OK)
        rc = read_country(L, o, p, f);
    return rc;
}

/* Stores figure o (at path p): its row, meetings, parties and citations. */
static int load_figure(loader *L, json_t *o, const char *p)
{
    figure_row f;
    int rc = read_figure(L, o, p, &f);
    /* `year` only for a period within one calendar year ("2024-06/2025-10" has none) */
    int one_year = f.period_s != NULL && strncmp(f.period.start, f.period.end, 4) == 0;
    const bc_period *per = f.period_s != NULL ? &f.period : NULL;
    if (rc == BC_OK)
        rc = ld_inferred(L, o, p, BC_FACT_FIGURE, f.note);
    if (rc == BC_OK)
        rc = ld_background(L, o, p, BC_FACT_FIGURE);
    if (rc == BC_OK)
        rc =
            ld_run(L, p,
                   "INSERT INTO figures (id, metric, category, value, unit, qualifier, period, "
                   "period_start, period_end, year, change_pct, change_qualifier, "
                   "change_basis, description, meeting_id, note, inferred, background) "
                   "SELECT ?1, ?2, category, ?3, ?4, coalesce(?5, 'exact'), ?6, ?7, ?8, ?9, "
                   "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17 FROM metrics WHERE id = ?2",
                   BC_BINDS(bc_text(f.id), bc_text(f.metric), bc_real(f.value), bc_text(f.unit),
                            bc_text(f.qualifier), bc_text(per ? per->text : NULL),
                            bc_text(per ? per->start : NULL), bc_text(per ? per->end : NULL),
                            bc_int_or_null(one_year ? &f.period.end_year : NULL),
                            bc_real_or_null(f.has_cpct ? &f.cpct : NULL),
                            bc_text(f.has_cpct ? (f.cq ? f.cq : "exact") : NULL), bc_text(f.cbasis),
                            bc_text(f.description), bc_text(f.meeting), bc_text(f.note),
                            bc_text(L->inferred.data), bc_text(L->background.data)));
    if (rc == BC_OK) /* the first meeting is already there (trigger on meeting_id) */
        rc = ld_ref_list(L, o, p, "meetings", OPT, LD_REF_MEETING,
                         "INSERT OR IGNORE INTO figure_meetings (figure_id, meeting_id, seq) "
                         "VALUES (?1, ?2, ?3)",
                         f.id);
    if (rc == BC_OK)
        rc = ld_province_list(L, o, p, "parties", REQ,
                              "INSERT INTO figure_parties (figure_id, province_id, seq) "
                              "VALUES (?1, ?2, ?3)",
                              f.id);
    /* the parties are of the other country than the counterpart */
    if (rc == BC_OK && f.country != NULL) {
        char other[64];
        int found = 0;
        rc = bc_store_lookup(L->s,
                             "SELECT fp.province_id FROM figure_parties fp JOIN provinces pv ON "
                             "pv.id = fp.province_id WHERE fp.figure_id = ?1 AND pv.country = ?2",
                             BC_BINDS(bc_text(f.id), bc_text(f.country)), other, sizeof other,
                             &found, L->err);
        if (rc == BC_OK && found)
            rc = ld_fail(L, p, "'counterpart_country' %s: party '%s' is of that country", f.country,
                         other);
        if (rc == BC_OK)
            rc = ld_run(L, p, "UPDATE figures SET counterpart_country = ?2 WHERE id = ?1",
                        BC_BINDS(bc_text(f.id), bc_text(f.country)));
    }
    if (rc == BC_OK)
        rc = ld_cite_all(L, o, p, CITE_FIGURE, f.id, 0);
    if (rc == BC_OK && L->st)
        L->st->figures++;
    return rc;
}

/* The conflicts_with of figure o (at path p), once every figure is stored: a conflict
 * may name a figure further down the file. */
static int load_conflicts(loader *L, json_t *o, const char *p)
{
    json_t *conf;
    const char *id;
    char q[200];
    ld_str(L, o, p, "id", REQ, &id);
    int rc = ld_arr(L, o, p, "conflicts_with", OPT, &conf);
    for (size_t k = 0; rc == BC_OK && conf != NULL && k < json_array_size(conf); k++) {
        static const char *const ckeys[] = {"id", "note", NULL};
        json_t *x = json_array_get(conf, k);
        const char *other, *cnote;
        snprintf(q, sizeof q, "%s.conflicts_with[%zu]", p, k);
        rc = ld_keys_ok(L, x, q, ckeys);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "id", REQ | ID, &other);
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_FIGURE, other, q);
        if (rc == BC_OK && strcmp(other, id) == 0)
            rc = ld_fail(L, q, "a figure cannot conflict with itself");
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "note", REQ, &cnote);
        if (rc == BC_OK)
            rc = ld_run(L, q,
                        "INSERT OR IGNORE INTO figure_conflicts (figure_id, other_id, note) "
                        "VALUES (?1, ?2, ?3)",
                        BC_BINDS(bc_text(id), bc_text(other), bc_text(cnote)));
        if (rc == BC_OK && L->st)
            L->st->conflicts++;
    }
    return rc;
}

int ld_load_figures(loader *L)
{
    json_t *root, *arr;
    int rc = ld_load_json(L, "facts/figures.json", "figures", &root, &arr);
    char p[128];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        snprintf(p, sizeof p, "figures[%zu]", i);
        rc = load_figure(L, json_array_get(arr, i), p);
    }
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        snprintf(p, sizeof p, "figures[%zu]", i);
        rc = load_conflicts(L, json_array_get(arr, i), p);
    }
    /* figures of one metric whose parties and periods overlap, for /v1/stats */
    if (rc == BC_OK)
        rc = ld_run(L, "figures",
                    "INSERT INTO figure_overlaps (figure_id, other_id, relation, by_parties, "
                    "by_period) SELECT figure_id, other_id, relation, by_parties, by_period "
                    "FROM v_figure_overlap_candidates",
                    NULL, 0);
    json_decref(root);
    return rc;
}

static int load_events(loader *L, json_t *o, const char *p, const char *project)
{
    json_t *arr;
    char q[200], eid[160];
    int rc = ld_arr(L, o, p, "events", OPT, &arr);
    for (size_t k = 0; rc == BC_OK && arr != NULL && k < json_array_size(arr); k++) {
        static const char *const keys[] = {"kind", "date",     "meeting", "description",
                                           "note", "inferred", "sources", NULL};
        json_t *x = json_array_get(arr, k);
        const char *kind, *meeting, *description, *note;
        bc_date d;
        int has_date;
        snprintf(q, sizeof q, "%s.events[%zu]", p, k);
        snprintf(eid, sizeof eid, "%s-e%zu", project, k + 1);
        rc = ld_keys_ok(L, x, q, keys);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "kind", REQ, &kind);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "event_kind", kind, q);
        if (rc == BC_OK)
            rc = ld_date(L, x, q, "date", &d, &has_date);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "meeting", ID, &meeting);
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_MEETING, meeting, q);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "description", REQ, &description);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "note", OPT, &note);
        if (rc == BC_OK)
            rc = ld_inferred(L, x, q, BC_FACT_EVENT, note);
        if (rc == BC_OK)
            rc = ld_run(L, q,
                        "INSERT INTO project_events (id, project_id, seq, kind, date, "
                        "date_precision, date_start, date_end, meeting_id, description, note, "
                        "inferred) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                        BC_BINDS(bc_text(eid), bc_text(project), bc_int((int)k + 1), bc_text(kind),
                                 bc_text(has_date ? d.text : NULL),
                                 bc_text(has_date ? bc_precision_name(d.precision) : NULL),
                                 bc_text(has_date ? d.start : NULL),
                                 bc_text(has_date ? d.end : NULL), bc_text(meeting),
                                 bc_text(description), bc_text(note), bc_text(L->inferred.data)));
        if (rc == BC_OK)
            rc = ld_cite_all(L, x, q, CITE_EVENT, eid, 0);
        if (rc == BC_OK && L->st)
            L->st->events++;
    }
    return rc;
}

int ld_load_projects(loader *L)
{
    json_t *root, *arr;
    int rc = ld_load_json(L, "facts/projects.json", "projects", &root, &arr);
    char p[128];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id",          "name",       "kind",       "vn_side",
                                           "cn_side",     "vn_side_vi", "cn_side_zh", "vn_province",
                                           "cn_province", "status",     "part_of",    "description",
                                           "note",        "aliases",    "events",     "inferred",
                                           "background",  "sources",    NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *name, *kind, *vn = NULL, *cn = NULL, *vnp, *cnp, *status, *description,
                                      *note;
        const char *vn_vi = NULL, *cn_zh = NULL;
        snprintf(p, sizeof p, "projects[%zu]", i);
        rc = ld_keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = ld_check_new_id(L, LD_REF_PROJECT, id, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "name", REQ, &name);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "kind", REQ, &kind);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "project_kind", kind, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "vn_side", OPT, &vn);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "cn_side", OPT, &cn);
        if (rc == BC_OK && vn == NULL && cn == NULL)
            rc = ld_fail(L, p, "a project needs 'vn_side' or 'cn_side'");
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "vn_side_vi", OPT, &vn_vi);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "cn_side_zh", OPT, &cn_zh);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "vn_province", ID, &vnp);
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_PROVINCE, vnp, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "cn_province", ID, &cnp);
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_PROVINCE, cnp, p);
        /* a failed lookup (out of memory) is the store's error, not bad data */
        int side = 1;
        if (rc == BC_OK && vnp != NULL &&
            (side = ld_exists(L, "SELECT 1 FROM provinces WHERE id = ?1 AND country = 'VN'",
                              vnp)) != 1)
            rc = side < 0 ? BC_ESTORE
                          : ld_fail(L, p, "'vn_province' '%s' is not a Vietnamese province", vnp);
        if (rc == BC_OK && cnp != NULL &&
            (side = ld_exists(L, "SELECT 1 FROM provinces WHERE id = ?1 AND country = 'CN'",
                              cnp)) != 1)
            rc = side < 0 ? BC_ESTORE
                          : ld_fail(L, p, "'cn_province' '%s' is not a Chinese province", cnp);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "status", REQ, &status);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "project_status", status, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "description", OPT, &description);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "note", OPT, &note);
        if (rc == BC_OK)
            rc = ld_inferred(L, o, p, BC_FACT_PROJECT, note);
        if (rc == BC_OK)
            rc = ld_background(L, o, p, BC_FACT_PROJECT);
        if (rc == BC_OK)
            rc = ld_run(L, p,
                        "INSERT INTO projects (id, name, kind, vn_side, cn_side, vn_side_vi, "
                        "cn_side_zh, vn_province_id, cn_province_id, status, description, note, "
                        "inferred, background) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                        "?11, ?12, ?13, ?14)",
                        BC_BINDS(bc_text(id), bc_text(name), bc_text(kind), bc_text(vn),
                                 bc_text(cn), bc_text(vn_vi), bc_text(cn_zh), bc_text(vnp),
                                 bc_text(cnp), bc_text(status), bc_text(description), bc_text(note),
                                 bc_text(L->inferred.data), bc_text(L->background.data)));
        if (rc == BC_OK)
            rc = load_events(L, o, p, id);
        if (rc == BC_OK)
            rc = ld_aliases_from(L, o, p, "project", id, name);
        /* the sides name places several crossings share: name parts, not aliases */
        const char *const sides[] = {vn, cn, vn_vi, cn_zh};
        for (size_t k = 0; rc == BC_OK && k < sizeof sides / sizeof sides[0]; k++)
            rc = ld_name_parts(L, "project", id, sides[k], p);
        if (rc == BC_OK)
            rc = ld_cite_all(L, o, p, CITE_PROJECT, id, 0);
        if (rc == BC_OK && L->st)
            L->st->projects++;
    }
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        json_t *o = json_array_get(arr, i);
        const char *id, *part_of;
        snprintf(p, sizeof p, "projects[%zu]", i);
        ld_str(L, o, p, "id", REQ, &id);
        rc = ld_str(L, o, p, "part_of", ID, &part_of);
        if (rc == BC_OK && part_of != NULL && strcmp(part_of, id) == 0)
            rc = ld_fail(L, p, "'part_of' names the project itself");
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_PROJECT, part_of, p);
        if (rc == BC_OK && part_of != NULL)
            rc = ld_run(L, p, "UPDATE projects SET part_of = ?2 WHERE id = ?1",
                        BC_BINDS(bc_text(id), bc_text(part_of)));
    }
    json_decref(root);
    return rc;
}
