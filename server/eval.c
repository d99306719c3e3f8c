/* eval.c: scores bc_extract on a gold corpus (eval.h) by the rules of tests/eval/README.md
 * ("How bordercoop eval scores"). Each article runs with its published_on and again
 * without it (once when it has none), expected dates and periods transformed for the run
 * without; only facts at or above BC_X_MIN_CONFIDENCE count, as only those are stored.
 *
 *   money value   an extracted amount matches a gold amount of the article with the same
 *                 currency and a value within 0.5 %, each gold amount once, in text order;
 *                 a match of an amount already matched is a duplicate; an unmatched
 *                 extraction whose sentences contain a gold amount's quote is a wrong
 *                 value, any other is spurious. A gold amount nothing matched is missed.
 *   money metric  over matched pairs, the share whose metric equals the gold one (so is
 *                 target, period, qualifier and change, reported beside it).
 *   meetings      an extraction refers to a gold meeting when one of its sentences
 *                 overlaps one of the meeting's quotes, or both state the same mechanism
 *                 and ordinal. A dated extraction is correct when it refers to a gold
 *                 meeting (not yet matched) whose expected date is the same string (the
 *                 one it names by mechanism and ordinal first, when several fit), a
 *                 duplicate when that meeting was already matched, wrong when it refers
 *                 to gold meetings of other dates (or none), spurious when it refers to
 *                 none. Ordinal and mechanism: over extractions that refer to a gold
 *                 meeting and state the field, the share equal to one of those meetings'
 *                 (a mechanism where gold has none is wrong); spurious ones are shown but
 *                 do not count.
 *   gate pair     an extracted pair matches a gold crossing when its Vietnamese side folds
 *                 equal to one of the gold Vietnamese names and its Chinese side to one of
 *                 the Chinese; gold crossings with the same two canonical names count as
 *                 one, and so do extractions with the same two names; a second match is a
 *                 duplicate; one side right (or both swapped) is
 *                 wrong; anything else spurious. */
#include "bordercoop/eval.h"

#include "bordercoop/alloc.h"
#include "bordercoop/text.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const bc_eval_field_names[BC_EF_N] = {
    "money value", "money metric", "meeting date", "meeting ordinal", "meeting mechanism",
    "gate pair",   "money target", "money period", "money qualifier", "money change",
};

double bc_eval_precision(const bc_eval_count *c)
{
    return c->extracted ? (double)c->correct / (double)c->extracted : -1.0;
}

double bc_eval_recall(const bc_eval_count *c)
{
    return c->gold ? (double)c->correct / (double)c->gold : -1.0;
}

enum { O_CORRECT, O_WRONG, O_MISSED, O_DUP, O_SPURIOUS };

typedef struct scorer {
    bc_eval_result *r;
    int lang, run;
    const bc_gold_article *a;
    bc_buf *detail;
    int rc;
} scorer;

static void count(scorer *s, int field, int outcome)
{
    bc_eval_count *cs[3] = {&s->r->field[field], &s->r->lang[s->lang][field],
                            &s->r->run[s->run][field]};
    for (int i = 0; i < 3; i++) {
        bc_eval_count *c = cs[i];
        switch (outcome) {
        case O_CORRECT:
            c->correct++;
            c->extracted++;
            c->gold++;
            break;
        case O_WRONG:
            c->wrong++;
            c->extracted++;
            break;
        case O_MISSED:
            c->missed++;
            c->gold++;
            break;
        case O_DUP:
            c->duplicate++;
            c->extracted++;
            break;
        default:
            c->spurious++;
            c->extracted++;
            break;
        }
    }
}

/* a wrong value also leaves its annotated value unfound: it counts in gold */
static void count_gold_only(scorer *s, int field)
{
    s->r->field[field].gold++;
    s->r->lang[s->lang][field].gold++;
    s->r->run[s->run][field].gold++;
}

static void note(scorer *s, int field, const char *what, const char *fmt_a, const char *quote,
                 size_t qlen)
{
    if (s->detail == NULL)
        return;
    bc_buf_printf(s->detail, "%s [%s] %s: %s %s", s->a->id,
                  s->run == 0 ? "with published_on" : "without published_on",
                  bc_eval_field_names[field], what, fmt_a);
    if (quote != NULL)
        bc_buf_printf(s->detail, " | %.*s", (int)(qlen > 160 ? 160 : qlen), quote);
    bc_buf_putc(s->detail, '\n');
}

static int overlaps(const bc_xcite *x, const bc_gold_quotes *q)
{
    for (int i = 0; i < x->nquotes; i++)
        for (size_t k = 0; k < q->n; k++)
            if (x->q[i].start < q->end[k] && q->start[k] < x->q[i].end)
                return 1;
    return 0;
}

static const char *qtext(const scorer *s, const bc_gold_quotes *q, size_t *len)
{
    *len = q->n ? q->end[0] - q->start[0] : 0;
    return q->n ? s->a->text + q->start[0] : NULL;
}

/* ---- money ---------------------------------------------------------------------------- */

static int same_value(double got, double gold)
{
    return fabs(got - gold) <= 0.005 * fabs(gold);
}

/* 1 when one of the extraction's sentences contains one of q's ranges. */
static int contains(const bc_xcite *x, const bc_gold_quotes *q)
{
    for (int i = 0; i < x->nquotes; i++)
        for (size_t k = 0; k < q->n; k++)
            if (x->q[i].start <= q->start[k] && q->end[k] <= x->q[i].end)
                return 1;
    return 0;
}

/* A reported field of a matched pair: right or not. */
static void share(scorer *s, int field, int right, const char *what, const char *quote, size_t qlen)
{
    count(s, field, right ? O_CORRECT : O_WRONG);
    if (!right) {
        count_gold_only(s, field);
        note(s, field, "wrong", what, quote, qlen);
    }
}

static void score_money(scorer *s, const bc_extraction *x)
{
    const bc_gold_article *a = s->a;
    long *pair = bc_calloc(a->nmoney + 1, sizeof *pair);
    char buf[400];
    if (pair == NULL) {
        s->rc = BC_ENOMEM;
        return;
    }
    for (size_t k = 0; k < a->nmoney; k++)
        pair[k] = -1;
    for (size_t i = 0; i < x->nfigures; i++) {
        const bc_xfigure *f = &x->figures[i];
        /* a rate or a change is no amount (tests/eval/README.md), and is never stored */
        if (!f->money || f->confidence < BC_X_MIN_CONFIDENCE || f->rate || f->change_amount ||
            f->part)
            continue;
        long open = -1, taken = -1;
        int in_gold_sentence = 0;
        for (size_t k = 0; k < a->nmoney; k++) {
            const bc_gold_money *g = &a->money[k];
            in_gold_sentence |= contains(&f->cite, &g->quotes);
            if (strcmp(g->currency, f->unit) != 0 || !same_value(f->value, g->value))
                continue;
            if (pair[k] < 0 && open < 0)
                open = (long)k;
            else if (pair[k] >= 0)
                taken = (long)k;
        }
        if (open >= 0) {
            pair[open] = (long)i;
            continue; /* counted with the gold amounts below */
        }
        int outcome = taken >= 0 ? O_DUP : in_gold_sentence ? O_WRONG : O_SPURIOUS;
        count(s, BC_EF_MONEY_VALUE, outcome);
        snprintf(buf, sizeof buf, "%.0f %s (%s%s)", f->value, f->unit,
                 f->metric[0] ? f->metric : "no metric", f->target ? ", target" : "");
        note(s, BC_EF_MONEY_VALUE,
             outcome == O_WRONG ? "wrong"
             : outcome == O_DUP ? "duplicate"
                                : "spurious",
             buf, a->text + f->cite.q[0].start, f->cite.q[0].end - f->cite.q[0].start);
    }
    for (size_t k = 0; k < a->nmoney; k++) {
        const bc_gold_money *g = &a->money[k];
        size_t ql;
        const char *q = qtext(s, &g->quotes, &ql);
        snprintf(buf, sizeof buf, "%.0f %s (%s%s)", g->value, g->currency, g->metric,
                 g->target ? ", target" : "");
        if (pair[k] < 0) {
            count(s, BC_EF_MONEY_VALUE, O_MISSED);
            note(s, BC_EF_MONEY_VALUE, "missed", buf, q, ql);
            for (int f = BC_EF_MONEY_TARGET; f <= BC_EF_MONEY_CHANGE; f++)
                count(s, f, O_MISSED);
            count(s, BC_EF_MONEY_METRIC, O_MISSED);
            continue;
        }
        count(s, BC_EF_MONEY_VALUE, O_CORRECT);
        const bc_xfigure *f = &x->figures[pair[k]];
        char what[600];
        snprintf(what, sizeof what, "%s: got metric '%s'", buf, f->metric);
        share(s, BC_EF_MONEY_METRIC, strcmp(f->metric, g->metric) == 0, what, q, ql);
        snprintf(what, sizeof what, "%s: got target %s", buf, f->target ? "true" : "false");
        share(s, BC_EF_MONEY_TARGET, f->target == g->target, what, q, ql);
        char period[24];
        if (s->run == 1 && g->period_pub)
            period[0] = '\0';
        else
            snprintf(period, sizeof period, "%s", g->period);
        snprintf(what, sizeof what, "%s: period '%s', got '%s'", buf, period, f->period);
        share(s, BC_EF_MONEY_PERIOD, strcmp(f->period, period) == 0, what, q, ql);
        snprintf(what, sizeof what, "%s: qualifier %s, got %s", buf, g->qualifier, f->qualifier);
        share(s, BC_EF_MONEY_QUALIFIER, strcmp(f->qualifier, g->qualifier) == 0, what, q, ql);
        int change_ok = f->has_change == g->has_change &&
                        (!g->has_change || fabs(f->change_pct - g->change_pct) < 1e-6);
        snprintf(what, sizeof what, "%s: change %s%.2f, got %s%.2f", buf,
                 g->has_change ? "" : "none ", g->change_pct, f->has_change ? "" : "none ",
                 f->change_pct);
        share(s, BC_EF_MONEY_CHANGE, change_ok, what, q, ql);
    }
    bc_free(pair);
}

/* ---- meetings ------------------------------------------------------------------------- */

/* The annotated value of field for the run (the date without a publication date as
 * README says). */
static void expected(const scorer *s, const bc_gold_meeting *g, int field, char out[64])
{
    out[0] = '\0';
    if (field == BC_EF_MEETING_DATE) {
        if (s->run == 1 && g->date_day_pub)
            out[0] = '\0'; /* "on Tuesday" without a publication date: no day is known */
        else if (s->run == 1 && g->date_pub)
            bc_gold_without_publication(g->date, out);
        else
            snprintf(out, 64, "%s", g->date);
    } else if (field == BC_EF_MEETING_ORDINAL && g->ordinal > 0) {
        snprintf(out, 64, "%d", g->ordinal);
    } else if (field == BC_EF_MEETING_MECHANISM) {
        snprintf(out, 64, "%s", g->mechanism);
    }
}

static void given(const bc_xmeeting *m, int field, char out[64])
{
    out[0] = '\0';
    if (field == BC_EF_MEETING_DATE)
        snprintf(out, 64, "%s", m->date);
    else if (field == BC_EF_MEETING_ORDINAL && m->ordinal > 0)
        snprintf(out, 64, "%d", m->ordinal);
    else if (field == BC_EF_MEETING_MECHANISM)
        snprintf(out, 64, "%s", m->mechanism);
}

/* 1 when m names gold meeting g by its mechanism and number. */
static int same_one(const bc_xmeeting *m, const bc_gold_meeting *g)
{
    return g->ordinal > 0 && g->mechanism[0] && m->ordinal == g->ordinal &&
           strcmp(m->mechanism, g->mechanism) == 0;
}

static int refers(const bc_xmeeting *m, const bc_gold_meeting *g)
{
    return overlaps(&m->cite, &g->quotes) || same_one(m, g);
}

/* The year, month and day of an annotated or extracted date ("2024", "2024-06",
 * "2024-06-12", "--06-12"), -1 for each part it does not state; 0 when it is none of these. */
static int date_parts(const char *d, int part[3])
{
    int n = 0;
    part[0] = part[1] = part[2] = -1;
    if (strncmp(d, "--", 2) == 0) {
        d += 2;
        n = 1;
    }
    for (; n < 3; n++) {
        int digits = n == 0 ? 4 : 2, v = 0;
        for (int i = 0; i < digits; i++) {
            if (d[i] < '0' || d[i] > '9')
                return 0;
            v = v * 10 + (d[i] - '0');
        }
        part[n] = v;
        d += digits;
        if (*d == '\0')
            return 1;
        if (*d++ != '-')
            return 0;
    }
    return 0;
}

int bc_eval_date_coarser(const char *v, const char *e)
{
    int a[3], b[3], fewer = 0;
    if (!date_parts(v, a) || !date_parts(e, b))
        return 0;
    for (int i = 0; i < 3; i++) {
        if (a[i] >= 0 && a[i] != b[i])
            return 0;
        fewer |= a[i] < 0 && b[i] >= 0;
    }
    return fewer;
}

static void score_meetings(scorer *s, const bc_extraction *x)
{
    const bc_gold_article *a = s->a;
    size_t ng = a->nmeetings;
    int *found = bc_calloc(ng + 1, sizeof *found); /* per gold meeting: bit per field */
    char e[64], v[64], buf[320];
    if (found == NULL) {
        s->rc = BC_ENOMEM;
        return;
    }
    for (int field = BC_EF_MEETING_DATE; field <= BC_EF_MEETING_MECHANISM; field++) {
        int bit = 1 << field;
        for (size_t i = 0; i < x->nmeetings; i++) {
            const bc_xmeeting *m = &x->meetings[i];
            if (m->confidence < BC_X_MIN_CONFIDENCE)
                continue;
            given(m, field, v);
            if (v[0] == '\0')
                continue;
            const char *q = a->text + m->cite.q[0].start;
            size_t ql = m->cite.q[0].end - m->cite.q[0].start;
            long open = -1, taken = -1, refs = 0;
            int coarse = 0;
            char want[200] = "";
            for (size_t k = 0; k < ng; k++) {
                if (!refers(m, &a->meetings[k]))
                    continue;
                refs++;
                expected(s, &a->meetings[k], field, e);
                if (strlen(want) + strlen(e) + 8 < sizeof want)
                    snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s",
                             want[0] ? " or " : "", e[0] ? e : "none");
                coarse |= field == BC_EF_MEETING_DATE && bc_eval_date_coarser(v, e);
                if (strcmp(e, v) != 0)
                    continue;
                if (!(found[k] & bit) && (open < 0 || (!same_one(m, &a->meetings[open]) &&
                                                       same_one(m, &a->meetings[k]))))
                    open = (long)k; /* the one it names by mechanism and number first */
                else if (found[k] & bit)
                    taken = (long)k;
            }
            if (open >= 0) {
                found[open] |= bit;
                continue; /* counted with the gold meetings below */
            }
            if (refs == 0) {
                /* spurious: for ordinal and mechanism shown, not counted (README) */
                if (field == BC_EF_MEETING_DATE)
                    count(s, field, O_SPURIOUS);
                else
                    s->r->field[field].spurious++, s->r->lang[s->lang][field].spurious++,
                        s->r->run[s->run][field].spurious++;
                note(s, field, "spurious", v, q, ql);
            } else if (taken >= 0 && field == BC_EF_MEETING_DATE) {
                count(s, field, O_DUP);
                note(s, field, "duplicate", v, q, ql);
            } else if (taken >= 0) {
                /* the same ordinal or mechanism stated again: still right */
                s->r->field[field].correct++, s->r->field[field].extracted++;
                s->r->lang[s->lang][field].correct++, s->r->lang[s->lang][field].extracted++;
                s->r->run[s->run][field].correct++, s->r->run[s->run][field].extracted++;
            } else {
                count(s, field, O_WRONG);
                if (coarse)
                    s->r->field[field].coarser++, s->r->lang[s->lang][field].coarser++,
                        s->r->run[s->run][field].coarser++;
                snprintf(buf, sizeof buf, "%s (expected %s)%s", v, want, coarse ? ", coarser" : "");
                note(s, field, "wrong", buf, q, ql);
            }
        }
        for (size_t k = 0; k < ng; k++) {
            expected(s, &a->meetings[k], field, e);
            if (e[0] == '\0')
                continue;
            if (found[k] & bit) {
                count(s, field, O_CORRECT);
            } else {
                size_t ql;
                const char *q = qtext(s, &a->meetings[k].quotes, &ql);
                count(s, field, O_MISSED);
                note(s, field, "missed", e, q, ql);
            }
        }
    }
    bc_free(found);
}

/* ---- gates ---------------------------------------------------------------------------- */

/* The slug of s into out (reset first). */
static void fold(const char *s, bc_buf *out, int *rc)
{
    bc_buf_reset(out);
    bc_text_slug(s, strlen(s), out);
    if (bc_buf_failed(out))
        *rc = BC_ENOMEM;
}

/* 1 when the slug of side equals the slug of one of the names. */
static int side_is(const char *side, char *const *names, size_t n, int *rc)
{
    bc_buf a = BC_BUF_INIT, b = BC_BUF_INIT;
    int hit = 0;
    fold(side, &a, rc);
    for (size_t i = 0; i < n && !hit && a.len > 0; i++) {
        fold(names[i], &b, rc);
        hit = b.len == a.len && memcmp(a.data, b.data, a.len) == 0;
    }
    bc_buf_free(&a);
    bc_buf_free(&b);
    return hit;
}

/* The first gold crossing with the same two canonical names as crossing k (a gate pair
 * and its bridge count as one). */
static size_t group_of(const bc_gold_article *a, size_t k, int *rc)
{
    for (size_t j = 0; j < k; j++)
        if (side_is(a->gates[j].vn[0], a->gates[k].vn, 1, rc) &&
            side_is(a->gates[j].cn[0], a->gates[k].cn, 1, rc))
            return j;
    return k;
}

static void score_gates(scorer *s, const bc_extraction *x)
{
    const bc_gold_article *a = s->a;
    int *gstate = bc_calloc(a->ngates + 1, sizeof *gstate); /* 0 open, 1 matched, 2 half */
    size_t *group = bc_calloc(a->ngates + 1, sizeof *group);
    char buf[200];
    if (gstate == NULL || group == NULL) {
        s->rc = BC_ENOMEM;
        goto done;
    }
    for (size_t k = 0; k < a->ngates; k++)
        group[k] = group_of(a, k, &s->rc);
    for (size_t i = 0; i < x->ngates; i++) {
        const bc_xgate *e = &x->gates[i];
        if (!e->pair || e->confidence < BC_X_MIN_CONFIDENCE)
            continue;
        /* extractions with the same two names are one crossing, as gold items are (a
         * gate pair and its bridge) */
        int again = 0;
        for (size_t j = 0; j < i && !again; j++) {
            const bc_xgate *o = &x->gates[j];
            char *vn = (char *)o->vn_side, *cn = (char *)o->cn_side;
            again = o->pair && o->confidence >= BC_X_MIN_CONFIDENCE &&
                    side_is(e->vn_side, &vn, 1, &s->rc) && side_is(e->cn_side, &cn, 1, &s->rc);
        }
        if (again)
            continue;
        int outcome = O_SPURIOUS;
        long open = -1, taken = -1, half = -1;
        for (size_t k = 0; k < a->ngates; k++) {
            const bc_gold_gate *g = &a->gates[k];
            size_t gk = group[k];
            int v = side_is(e->vn_side, g->vn, g->nvn, &s->rc);
            int c = side_is(e->cn_side, g->cn, g->ncn, &s->rc);
            int swapped = side_is(e->vn_side, g->cn, g->ncn, &s->rc) &&
                          side_is(e->cn_side, g->vn, g->nvn, &s->rc);
            if (v && c) {
                if (gstate[gk] != 1 && open < 0)
                    open = (long)gk;
                else if (gstate[gk] == 1)
                    taken = (long)gk;
            } else if ((v || c || swapped) && gstate[gk] == 0 && half < 0) {
                half = (long)gk;
            }
        }
        if (open >= 0) {
            gstate[open] = 1;
            outcome = O_CORRECT;
        } else if (taken >= 0) {
            outcome = O_DUP;
        } else if (half >= 0) {
            gstate[half] = 2;
            outcome = O_WRONG;
        }
        if (outcome == O_CORRECT)
            continue;
        count(s, BC_EF_GATE_PAIR, outcome);
        snprintf(buf, sizeof buf, "%s / %s", e->vn_side, e->cn_side);
        note(s, BC_EF_GATE_PAIR,
             outcome == O_WRONG ? "wrong"
             : outcome == O_DUP ? "duplicate"
                                : "spurious",
             buf, a->text + e->cite.q[0].start, e->cite.q[0].end - e->cite.q[0].start);
    }
    for (size_t k = 0; k < a->ngates; k++) {
        const bc_gold_gate *g = &a->gates[k];
        if (group[k] != k)
            continue;
        if (gstate[k] == 1) {
            count(s, BC_EF_GATE_PAIR, O_CORRECT);
        } else if (gstate[k] == 2) {
            count_gold_only(s, BC_EF_GATE_PAIR);
        } else {
            size_t ql;
            const char *q = qtext(s, &g->quotes, &ql);
            snprintf(buf, sizeof buf, "%s / %s", g->vn[0], g->cn[0]);
            count(s, BC_EF_GATE_PAIR, O_MISSED);
            note(s, BC_EF_GATE_PAIR, "missed", buf, q, ql);
        }
    }
done:
    bc_free(gstate);
    bc_free(group);
}

static int lang_index(const char *lang)
{
    for (int i = 0; i < BC_EVAL_LANGS && bc_extract_langs[i]; i++)
        if (strcmp(bc_extract_langs[i], lang) == 0)
            return i;
    return 0;
}

int bc_eval_corpus(const bc_gold_corpus *corpus, const bc_gazetteer *g, bc_eval_result *res,
                   bc_buf *detail, bc_err *err)
{
    if (corpus == NULL || res == NULL)
        return bc_err_set(err, BC_EINVAL, "bc_eval_corpus: no corpus or no result");
    memset(res, 0, sizeof *res);
    int rc = BC_OK;
    for (size_t i = 0; rc == BC_OK && i < corpus->n; i++) {
        const bc_gold_article *a = &corpus->a[i];
        scorer s = {res, lang_index(a->lang), 0, a, detail, BC_OK};
        char code[4];
        double sure;
        res->articles[s.lang]++;
        res->detected++;
        if (bc_extract_detect_lang(a->text, a->len, code, &sure) == BC_OK &&
            strcmp(code, a->lang) == 0)
            res->detect_right++;
        else if (detail != NULL)
            bc_buf_printf(detail, "%s: language detected as '%s' (%.2f)\n", a->id, code, sure);
        for (int run = a->published_on[0] ? 0 : 1; rc == BC_OK && run < 2; run++) {
            bc_extraction x;
            s.run = run;
            rc =
                bc_extract(a->text, a->len, a->lang, run == 0 ? a->published_on : NULL, g, &x, err);
            if (rc != BC_OK)
                break;
            res->runs++;
            score_money(&s, &x);
            score_meetings(&s, &x);
            score_gates(&s, &x);
            bc_extraction_free(&x);
            rc = s.rc;
        }
    }
    if (rc == BC_ENOMEM)
        bc_err_set(err, BC_ENOMEM, "out of memory scoring the extractor");
    if (detail != NULL && bc_buf_failed(detail))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory writing the details");
    return rc;
}

static void ratio(bc_buf *out, double v, const char *fmt)
{
    if (v < 0)
        bc_buf_printf(out, fmt, "-");
    else {
        char b[16];
        snprintf(b, sizeof b, "%.3f", v);
        bc_buf_printf(out, fmt, b);
    }
}

static void field_line(bc_buf *out, const char *name, const bc_eval_count *c)
{
    bc_buf_printf(out, "  %-18s %5zu %9zu %7zu %5zu %6zu %4zu %8zu", name, c->gold, c->extracted,
                  c->correct, c->wrong, c->missed, c->duplicate, c->spurious);
    ratio(out, bc_eval_precision(c), " %9s");
    ratio(out, bc_eval_recall(c), " %7s");
    bc_buf_putc(out, '\n');
}

void bc_eval_report(const bc_eval_result *r, const char *title, bc_buf *out)
{
    size_t total = 0;
    for (int l = 0; l < BC_EVAL_LANGS; l++)
        total += r->articles[l];
    bc_buf_printf(out, "%s: %zu articles (", title ? title : "gold corpus", total);
    for (int l = 0, first = 1; l < BC_EVAL_LANGS; l++)
        if (r->articles[l]) {
            bc_buf_printf(out, "%s%s %zu", first ? "" : ", ", bc_extract_langs[l], r->articles[l]);
            first = 0;
        }
    bc_buf_printf(out,
                  "), %zu runs with and without published_on; facts at confidence >= %.2f; "
                  "language detected right for %zu of %zu\n\n",
                  r->runs, BC_X_MIN_CONFIDENCE, r->detect_right, r->detected);
    bc_buf_printf(out, "  %-18s %5s %9s %7s %5s %6s %4s %8s %9s %7s\n", "field", "gold",
                  "extracted", "correct", "wrong", "missed", "dup", "spurious", "precision",
                  "recall");
    for (int f = 0; f < BC_EF_N; f++) {
        if (f == BC_EF_MONEY_TARGET)
            bc_buf_puts(out, "  reported, not gated (over the amounts read right):\n");
        field_line(out, bc_eval_field_names[f], &r->field[f]);
    }
    bc_buf_puts(out, "\n  per language: precision / recall (correct, extracted, gold)\n  lang");
    for (int f = 0; f <= BC_EF_GATE_PAIR; f++)
        bc_buf_printf(out, "  %-25s", bc_eval_field_names[f]);
    bc_buf_putc(out, '\n');
    for (int l = 0; l < BC_EVAL_LANGS; l++) {
        if (r->articles[l] == 0)
            continue;
        bc_buf_printf(out, "  %-4s", bc_extract_langs[l]);
        for (int f = 0; f <= BC_EF_GATE_PAIR; f++) {
            const bc_eval_count *c = &r->lang[l][f];
            char cell[64], p[8] = "-", rc[8] = "-";
            if (bc_eval_precision(c) >= 0)
                snprintf(p, sizeof p, "%.3f", bc_eval_precision(c));
            if (bc_eval_recall(c) >= 0)
                snprintf(rc, sizeof rc, "%.3f", bc_eval_recall(c));
            snprintf(cell, sizeof cell, "%s/%s (%zu,%zu,%zu)", p, rc, c->correct, c->extracted,
                     c->gold);
            bc_buf_printf(out, "  %-25s", cell);
        }
        bc_buf_putc(out, '\n');
    }
    const bc_eval_count *md = &r->field[BC_EF_MEETING_DATE];
    if (md->wrong > 0) {
        bc_buf_printf(out,
                      "\n  wrong meeting dates: %zu; %zu state less than the annotation and agree "
                      "with it (2024 or --06-12 for 2024-06-12), %zu contradict it",
                      md->wrong, md->coarser, md->wrong - md->coarser);
        for (int l = 0, first = 1; l < BC_EVAL_LANGS; l++) {
            const bc_eval_count *c = &r->lang[l][BC_EF_MEETING_DATE];
            if (c->wrong == 0)
                continue;
            bc_buf_printf(out, "%s%s %zu/%zu", first ? " (coarser/wrong: " : ", ",
                          bc_extract_langs[l], c->coarser, c->wrong);
            first = 0;
        }
        bc_buf_puts(out, ")\n");
    }
    static const char *const runs[2] = {"with published_on", "without published_on"};
    bc_buf_puts(out, "\n  per run: precision / recall\n");
    for (int k = 0; k < 2; k++) {
        bc_buf_printf(out, "  %-21s", runs[k]);
        for (int f = 0; f <= BC_EF_GATE_PAIR; f++) {
            char cell[40], p[8] = "-", rc[8] = "-";
            if (bc_eval_precision(&r->run[k][f]) >= 0)
                snprintf(p, sizeof p, "%.3f", bc_eval_precision(&r->run[k][f]));
            if (bc_eval_recall(&r->run[k][f]) >= 0)
                snprintf(rc, sizeof rc, "%.3f", bc_eval_recall(&r->run[k][f]));
            snprintf(cell, sizeof cell, "%s %s/%s", bc_eval_field_names[f], p, rc);
            bc_buf_printf(out, "  %-32s", cell);
        }
        bc_buf_putc(out, '\n');
    }
}

int bc_eval_gate(const bc_eval_result *r, bc_buf *why)
{
    int ok = 1;
    static const int gated[] = {BC_EF_MONEY_VALUE, BC_EF_MEETING_DATE};
    for (int l = 0; l < BC_EVAL_LANGS; l++) {
        if (r->articles[l] == 0)
            continue;
        for (size_t i = 0; i < sizeof gated / sizeof gated[0]; i++) {
            double p = bc_eval_precision(&r->lang[l][gated[i]]);
            if (p >= 0 && p < 0.97) {
                bc_buf_printf(why, "%s: precision of %s is %.3f, below 0.97\n", bc_extract_langs[l],
                              bc_eval_field_names[gated[i]], p);
                ok = 0;
            }
        }
        size_t wrong = r->lang[l][BC_EF_MEETING_DATE].wrong;
        if (wrong > 0) {
            bc_buf_printf(why, "%s: %zu wrong meeting date%s\n", bc_extract_langs[l], wrong,
                          wrong == 1 ? "" : "s");
            ok = 0;
        }
    }
    return ok;
}

/* ---- the ratchet against a committed baseline ----------------------------------------- */

static const int ratchet_fields[2] = {BC_EF_MONEY_VALUE, BC_EF_MEETING_DATE};
static const char *const ratchet_names[2] = {"money_value", "meeting_date"};

int bc_eval_baseline_parse(const char *text, size_t len, bc_eval_baseline *b, bc_err *err)
{
    memset(b, 0, sizeof *b);
    size_t line = 0;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        line++;
        char buf[256];
        size_t n = e - i < sizeof buf - 1 ? e - i : sizeof buf - 1;
        memcpy(buf, text + i, n);
        buf[n] = '\0';
        i = e + 1;
        char *p = buf, *hash = strchr(buf, '#');
        if (hash != NULL)
            *hash = '\0'; /* a comment to the end of the line */
        while (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        if (*p == '\0')
            continue;
        char lang[8], field[24];
        unsigned long long v[4];
        char extra;
        int l = -1, f = -1;
        if (sscanf(p, "%7s %23s %llu %llu %llu %llu %c", lang, field, &v[0], &v[1], &v[2], &v[3],
                   &extra) == 6) {
            for (int k = 0; k < BC_EVAL_LANGS && bc_extract_langs[k]; k++)
                if (strcmp(bc_extract_langs[k], lang) == 0)
                    l = k;
            for (int k = 0; k < 2; k++)
                if (strcmp(ratchet_names[k], field) == 0)
                    f = k;
        }
        if (l < 0 || f < 0 || v[0] > v[1] || v[0] > v[2] || v[3] > v[1])
            return bc_err_set(err, BC_EINVAL,
                              "baseline line %zu: not 'LANG money_value|meeting_date CORRECT "
                              "EXTRACTED GOLD WRONG'",
                              line);
        b->have[l][f] = 1;
        b->count[l][f].correct = (size_t)v[0];
        b->count[l][f].extracted = (size_t)v[1];
        b->count[l][f].gold = (size_t)v[2];
        b->count[l][f].wrong = (size_t)v[3];
    }
    return BC_OK;
}

void bc_eval_baseline_write(const bc_eval_result *r, bc_buf *out)
{
    for (int l = 0; l < BC_EVAL_LANGS; l++) {
        if (r->articles[l] == 0)
            continue;
        for (int f = 0; f < 2; f++) {
            const bc_eval_count *c = &r->lang[l][ratchet_fields[f]];
            bc_buf_printf(out, "%-3s %-13s %4zu %4zu %4zu %3zu", bc_extract_langs[l],
                          ratchet_names[f], c->correct, c->extracted, c->gold, c->wrong);
            ratio(out, bc_eval_precision(c), "   # precision %s");
            ratio(out, bc_eval_recall(c), ", recall %s\n");
        }
    }
}

/* a/b >= c/d for counts, exactly (an empty denominator is no ratio: always holds) */
static int ratio_ge(size_t a, size_t b, size_t c, size_t d)
{
    if (b == 0 || d == 0)
        return 1;
    return (unsigned long long)a * d >= (unsigned long long)c * b;
}

int bc_eval_gate_ratchet(const bc_eval_result *r, const bc_eval_baseline *b, bc_buf *why,
                         bc_buf *bar)
{
    int ok = 1;
    for (int l = 0; l < BC_EVAL_LANGS; l++) {
        if (r->articles[l] == 0)
            continue;
        const char *lang = bc_extract_langs[l];
        for (int f = 0; f < 2; f++) {
            const bc_eval_count *c = &r->lang[l][ratchet_fields[f]];
            const char *name = bc_eval_field_names[ratchet_fields[f]];
            double p = bc_eval_precision(c), rc = bc_eval_recall(c);
            size_t wrong_bar = ratchet_fields[f] == BC_EF_MEETING_DATE ? 0 : SIZE_MAX;
            int short_of_bar =
                (p >= 0 && p < 0.97) || (rc >= 0 && rc < 0.9) || c->wrong > wrong_bar;
            if (short_of_bar && bar != NULL) {
                bc_buf_printf(bar, "  %s %s: precision ", lang, name);
                ratio(bar, p, "%s");
                ratio(bar, rc, ", recall %s");
                bc_buf_printf(bar, ", %zu wrong\n", c->wrong);
            }
            if (!b->have[l][f]) {
                /* no baseline row: the bar itself (precision and wrong dates, as the gate) */
                if ((p >= 0 && p < 0.97) || (ratchet_fields[f] == BC_EF_MEETING_DATE && c->wrong)) {
                    bc_buf_printf(why, "%s: %s below the bar and not in the baseline\n", lang,
                                  name);
                    ok = 0;
                }
                continue;
            }
            const bc_eval_count *base = &b->count[l][f];
            if (!ratio_ge(c->correct, c->extracted, base->correct, base->extracted)) {
                bc_buf_printf(why,
                              "%s: precision of %s fell to %zu/%zu from the baseline's %zu/%zu\n",
                              lang, name, c->correct, c->extracted, base->correct, base->extracted);
                ok = 0;
            }
            if (!ratio_ge(c->correct, c->gold, base->correct, base->gold)) {
                bc_buf_printf(why, "%s: recall of %s fell to %zu/%zu from the baseline's %zu/%zu\n",
                              lang, name, c->correct, c->gold, base->correct, base->gold);
                ok = 0;
            }
            if (c->wrong > base->wrong) {
                bc_buf_printf(why, "%s: %zu wrong %s values, the baseline has %zu\n", lang,
                              c->wrong, name, base->wrong);
                ok = 0;
            }
        }
    }
    return ok;
}
