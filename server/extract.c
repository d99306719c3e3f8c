/* extract.c: the entry points of the extractor (extract.h): the text is cut into
 * sentences and tokens (extract_tok.c); dates (extract_date*.c), figures (extract_fig.c),
 * meetings (extract_meet*.c) and gate pairs (extract_gate.c) are then found with the word
 * tables of extract_lang*.c and the gazetteer (gazetteer.c). Last, a fact stated several
 * times (headline, lead, body) becomes one fact with several citations. */
#include "bordercoop/extract.h"

#include "bordercoop/alloc.h"
#include "bordercoop/date.h"
#include "bordercoop/text.h"
#include "extract_int.h"

#include <math.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

const char *const bc_extract_langs[] = {"en", "vi", "zh", "fr", "pl", "sv", "nl", NULL};

void bc_extraction_free(bc_extraction *ex)
{
    if (ex == NULL)
        return;
    bc_free(ex->figures);
    bc_free(ex->meetings);
    bc_free(ex->gates);
    bc_free(ex->dates);
    bc_free(ex->unplaced);
    bc_free(ex->unread);
    bc_free(ex->other_currency);
    memset(ex, 0, sizeof *ex);
}

int bc_extract_lang_known(const char *lang)
{
    return bc_lang_find(lang) != NULL;
}

const char *bc_extract_lang_base(const char *tag)
{
    char base[4];
    size_t n = 0;
    if (tag == NULL)
        return NULL;
    while (n < 3 && isalpha((unsigned char)tag[n])) {
        base[n] = (char)tolower((unsigned char)tag[n]);
        n++;
    }
    if (n != 2)
        return NULL;
    base[n] = '\0';
    /* then subtags of 1 to 8 letters or digits, each after '-' (or '_': "zh_CN"); not
     * traditional Chinese ("zh-Hant", "zh-TW", "zh-HK", "zh-MO"): zh is read simplified */
    static const char *const traditional[] = {"hant", "tw", "hk", "mo", NULL};
    for (size_t i = n; tag[i] != '\0';) {
        size_t k = 0;
        if (tag[i] != '-' && tag[i] != '_')
            return NULL;
        while (isalnum((unsigned char)tag[i + 1 + k]))
            k++;
        if (k == 0 || k > 8)
            return NULL;
        for (int t = 0; strcmp(base, "zh") == 0 && traditional[t] != NULL; t++)
            if (k == strlen(traditional[t]) && strncasecmp(tag + i + 1, traditional[t], k) == 0)
                return NULL;
        i += 1 + k;
    }
    for (const char *const *l = bc_extract_langs; *l != NULL; l++)
        if (strcmp(*l, base) == 0)
            return *l;
    return NULL;
}

const char *bc_extract_lang_name(const char *lang)
{
    const bc_lang *l = bc_lang_find(lang);
    return l ? l->name : NULL;
}

void bcx_cite_add(bc_xcite *c, size_t qs, size_t qe)
{
    for (int i = 0; i < c->nquotes; i++)
        if (c->q[i].start == qs && c->q[i].end == qe)
            return;
    c->mentions++;
    if (c->nquotes < BC_X_MAX_QUOTES) {
        c->q[c->nquotes].start = qs;
        c->q[c->nquotes].end = qe;
        c->nquotes++;
    }
}

void bcx_cite_merge(bc_xcite *a, const bc_xcite *b)
{
    int extra = b->mentions - b->nquotes;
    for (int i = 0; i < b->nquotes; i++)
        bcx_cite_add(a, b->q[i].start, b->q[i].end);
    a->mentions += extra > 0 ? extra : 0;
}

int bcx_province_cn(const ctx *c, const char *id)
{
    for (size_t k = 0; c->g && k < c->g->npv; k++)
        if (strcmp(GZ(c->g, c->g->pv[k].id), id) == 0)
            return c->g->pv[k].cn;
    return 0;
}

const char *bcx_province_merged_into(const ctx *c, const char *id)
{
    for (size_t k = 0; c->g && k < c->g->npv; k++)
        if (strcmp(GZ(c->g, c->g->pv[k].id), id) == 0)
            return GZ(c->g, c->g->pv[k].merged_into);
    return "";
}

/* The reference date: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; anything else is ignored. */
static void parse_ref(ctx *c, const char *ref)
{
    bc_date d;
    if (ref == NULL || bc_date_parse(ref, &d, NULL) != BC_OK)
        return;
    c->ry = d.year;
    if (d.precision >= BC_PREC_MONTH)
        c->rm = (d.text[5] - '0') * 10 + (d.text[6] - '0');
    if (d.precision == BC_PREC_DAY)
        c->rd = (d.text[8] - '0') * 10 + (d.text[9] - '0');
}

void bcx_unplaced(ctx *c, size_t t0, size_t t1)
{
    bc_extraction *o = c->out;
    size_t at = o->nunplaced, s = t1 > t0 ? c->t[t0].start : 0, e = t1 > t0 ? c->t[t1 - 1].end : 0;
    while (at > 0 && o->unplaced[at - 1].start > s)
        at--; /* in the order of the text */
    if (c->rc != BC_OK || t1 <= t0 || (at > 0 && o->unplaced[at - 1].end > s) ||
        (at < o->nunplaced && o->unplaced[at].start < e))
        return; /* words already quoted */
    o->unplaced = bc_grow(o->unplaced, &c->capuo, o->nunplaced + 1, sizeof *o->unplaced, &c->rc);
    if (c->rc != BC_OK)
        return;
    memmove(o->unplaced + at + 1, o->unplaced + at, (o->nunplaced++ - at) * sizeof *o->unplaced);
    o->unplaced[at] = (bc_xquote){s, e};
}

static void emit_dates(ctx *c)
{
    bc_extraction *o = c->out;
    if (c->nd == 0)
        return;
    o->dates = bc_calloc(c->nd, sizeof *o->dates);
    if (o->dates == NULL) {
        c->rc = BC_ENOMEM;
        return;
    }
    for (size_t k = 0; k < c->nd; k++) {
        copy_str(o->dates[k].iso, sizeof o->dates[k].iso, c->d[k].iso);
        o->dates[k].inferred = c->d[k].inferred;
        o->dates[k].carried = c->d[k].same_day != 0 || c->d[k].rel != 0;
        o->dates[k].start = c->t[c->d[k].t0].start;
        o->dates[k].end = c->t[c->d[k].t1 - 1].end;
    }
    o->ndates = c->nd;
}

/* ---- one fact, several statements --------------------------------------------------- */

/* The facts seen so far, grouped by a hash of what must be equal for two statements to
 * be one fact: an open-addressing table of distinct keys, each heading a chain of the
 * indexes with that key (newest first). */
typedef struct seen {
    size_t *head;  /* per slot: index + 1 of the newest fact with the slot's key, 0 empty */
    uint64_t *key; /* per slot */
    size_t *next;  /* per fact: index + 1 of the previous fact with its key */
    size_t cap;
} seen;

static int seen_init(seen *s, size_t n)
{
    s->cap = 16;
    while (s->cap < 2 * n + 2)
        s->cap *= 2;
    s->head = bc_calloc(s->cap, sizeof *s->head);
    s->key = bc_calloc(s->cap, sizeof *s->key);
    s->next = bc_calloc(n + 1, sizeof *s->next);
    return s->head && s->key && s->next ? BC_OK : BC_ENOMEM;
}

static void seen_reset(seen *s)
{
    memset(s->head, 0, s->cap * sizeof *s->head);
}

static void seen_free(seen *s)
{
    bc_free(s->head);
    bc_free(s->key);
    bc_free(s->next);
}

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ull;
    return h;
}

/* The earlier fact (among the last 64 with the same key) for which same(j, i) holds, else
 * SIZE_MAX after recording i under key: linear in the number of facts whatever the text. */
static size_t seen_probe(seen *s, uint64_t key, size_t i, int (*same)(const ctx *, size_t, size_t),
                         const ctx *c)
{
    size_t h = (size_t)(key & (s->cap - 1));
    while (s->head[h] != 0 && s->key[h] != key)
        h = (h + 1) & (s->cap - 1);
    int tries = 0;
    for (size_t j = s->head[h]; j != 0 && tries < 64; j = s->next[j - 1], tries++)
        if (same(c, j - 1, i))
            return j - 1;
    s->next[i] = s->head[h];
    s->head[h] = i + 1;
    s->key[h] = key;
    return SIZE_MAX;
}

/* The earlier fact recorded under key for which same(j, i) holds (among the last 64),
 * else SIZE_MAX; records nothing. */
static size_t seen_find(seen *s, uint64_t key, size_t i, int (*same)(const ctx *, size_t, size_t),
                        const ctx *c)
{
    size_t h = (size_t)(key & (s->cap - 1));
    while (s->head[h] != 0 && s->key[h] != key)
        h = (h + 1) & (s->cap - 1);
    int tries = 0;
    for (size_t j = s->head[h]; j != 0 && tries < 64; j = s->next[j - 1], tries++)
        if (same(c, j - 1, i))
            return j - 1;
    return SIZE_MAX;
}

static int never(const ctx *c, size_t j, size_t i)
{
    (void)c, (void)j, (void)i;
    return 0;
}

static int compatible(const char *a, const char *b)
{
    return a[0] == '\0' || b[0] == '\0' || strcmp(a, b) == 0;
}

/* 1 when two periods may be one: equal, one missing, or one inside the other ("2024" and
 * "2024-01/2024-09": a headline's year and the body's months). */
static int period_fits(const char *a, const char *b)
{
    bc_period pa, pb;
    if (a[0] == '\0' || b[0] == '\0' || strcmp(a, b) == 0)
        return 1;
    if (bc_period_parse(a, &pa, NULL) != BC_OK || bc_period_parse(b, &pb, NULL) != BC_OK)
        return 0;
    return (strcmp(pa.start, pb.start) <= 0 && strcmp(pb.end, pa.end) <= 0) ||
           (strcmp(pb.start, pa.start) <= 0 && strcmp(pa.end, pb.end) <= 0);
}

/* 1 when two statements of an amount are one fact. The same amount in the same currency
 * stated twice in an article is one fact (headline, lead, body) unless the text keeps
 * them apart: one a goal and the other not (a headline's looser verb aside: "eye 1
 * billion USD" over "aim to lift trade to 1 billion USD"), periods that do not fit, or two measures
 * named side by side in one sentence ("exports of 1.2 and imports of 1.2 billion").
 * When measures disagree across sentences, the headline's looser word gives way. */
static int same_figure(const ctx *c, size_t j, size_t i)
{
    const bc_xfigure *a = &c->out->figures[j], *b = &c->out->figures[i];
    if (a->money != b->money || strcmp(a->unit, b->unit) != 0 ||
        fabs(a->value - b->value) > 1e-9 * fabs(a->value) ||
        (a->target != b->target && !a->heading && !b->heading) ||
        !period_fits(a->period, b->period) || a->range != b->range)
        return 0; /* an end of a range is one fact with the same end of the range only */
    if (compatible(a->metric, b->metric) || a->metric_inferred || b->metric_inferred)
        return 1;
    return a->money && a->cite.q[0].start != b->cite.q[0].start;
}

/* b restates a: keep a, with b's statements and whatever b says that a does not. */
static void merge_figure(const ctx *c, bc_xfigure *a, const bc_xfigure *b)
{
    int partial = a->parties_partial ? a->parties_partial : b->parties_partial;
    bcx_cite_merge(&a->cite, &b->cite);
    if (a->heading && !b->heading)
        a->target = b->target; /* the body says whether it is a goal */
    /* the measure a statement names over one taken from a neighbour, the body's over the
     * headline's */
    if (a->metric[0] == '\0' || (a->metric_inferred && b->metric[0] && !b->metric_inferred) ||
        (a->heading && b->metric[0] && !b->metric_inferred && strcmp(a->metric, b->metric) != 0)) {
        memcpy(a->metric, b->metric, sizeof a->metric);
        a->metric_inferred = b->metric_inferred;
    }
    /* the narrower period (the body's months within the headline's year) */
    if (a->period[0] == '\0' ||
        (b->period[0] && strcmp(a->period, b->period) != 0 && period_fits(a->period, b->period) &&
         strlen(b->period) > strlen(a->period))) {
        memcpy(a->period, b->period, sizeof a->period);
        a->period_inferred = b->period_inferred;
    }
    if (strcmp(a->qualifier, "exact") == 0)
        memcpy(a->qualifier, b->qualifier, sizeof a->qualifier);
    if (!a->has_change && b->has_change) {
        a->has_change = 1;
        a->change_pct = b->change_pct;
        memcpy(a->change_qualifier, b->change_qualifier, sizeof a->change_qualifier);
    }
    for (int k = 0; k < b->nparties && a->nparties < BC_X_MAX_PARTIES; k++) {
        int have = -1;
        for (int q = 0; q < a->nparties && have < 0; q++)
            if (strcmp(a->parties[q], b->parties[k]) == 0)
                have = q;
        unsigned bit = (b->parties_pointed >> k) & 1u;
        if (have >= 0 && !bit)
            a->parties_pointed &= ~(1u << have); /* named as a party by b */
        if (have < 0) {
            a->parties_pointed |= bit << a->nparties;
            memcpy(a->parties[a->nparties++], b->parties[k], 64);
        }
    }
    /* a group one statement names without its provinces is named by the other when that one
     * names both sides, or still not ("Lai Chau" of a headline is neither the group nor all) */
    a->parties_partial = bcx_parties_two_sided(c, a->parties, a->nparties) ? 0 : partial;
    if (a->parties_partial != 0)
        a->nparties = 0, a->parties_pointed = 0;
    if (b->confidence > a->confidence)
        a->confidence = b->confidence;
    a->confidence = fmin(1.0, a->confidence + 0.05);
}

/* 1 when two dates may be the same day: equal, one missing, one a coarser form of the
 * other ("2025" and "2025-02-20") or the month-day of the other ("--02-20"). */
static int same_day(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na == 0 || nb == 0)
        return 1;
    if (a[0] == '-' || b[0] == '-') {
        const char *md = a[0] == '-' ? a : b, *full = a[0] == '-' ? b : a;
        return full[0] == '-' ? strcmp(md, full) == 0
                              : strlen(full) == 10 && strcmp(md + 2, full + 5) == 0;
    }
    return strncmp(a, b, na < nb ? na : nb) == 0;
}

int bcx_same_meeting(const ctx *c, size_t j, size_t i)
{
    const bc_xmeeting *a = &c->out->meetings[j], *b = &c->out->meetings[i];
    if (!same_day(a->date, b->date) || !compatible(a->mechanism, b->mechanism))
        return 0;
    /* one numbered meeting of a mechanism, to come, and one of no mechanism that took place
     * ("Lai Chau en Honghe: 11e vergadering" and the working group's "elfde bijeenkomst
     * later dit jaar"), dated apart: two bodies' meetings that share a number */
    if (a->ordinal != 0 && (!a->mechanism[0]) != (!b->mechanism[0]) &&
        strcmp(a->status, b->status) != 0 && a->date[0] && b->date[0] &&
        strcmp(a->date, b->date) != 0)
        return 0;
    if (a->ordinal != 0 || b->ordinal != 0)
        return a->ordinal == b->ordinal &&
               (a->mechanism[0] || b->mechanism[0] || a->kind == b->kind);
    /* unnumbered: talks of the same day, or the same named meeting; a meeting named with
     * its year alone ("Tijdens de Voorjaarsontmoeting 2025") is the meeting of its mechanism
     * reported on a day of that year ("Na de voorjaarsontmoeting ..., afgelopen vrijdag") */
    if (a->date[0] == '\0' || b->date[0] == '\0')
        return 0;
    /* held in two places named apart ("a Ha Long" the 18th, "a Dongxing" early that month),
     * two towns of one province too ("in Hekou", "in Kunming") */
    if (a->place[0] && b->place[0] &&
        (strcmp(a->place, b->place) != 0 ||
         (a->place_name[0] && b->place_name[0] && strcmp(a->place_name, b->place_name) != 0)))
        return 0;
    if (a->kind != b->kind)
        return a->mechanism[0] && strcmp(a->mechanism, b->mechanism) == 0 && !a->sideline &&
               !b->sideline &&
               ((a->kind == BC_XM_NAMED && strlen(a->date) == 4) ||
                (b->kind == BC_XM_NAMED && strlen(b->date) == 4));
    /* talks of two pairs ("Lao Cai and Yunnan", "Lai Chau and Yunnan") are two talks */
    return a->kind != BC_XM_TALKS ||
           (strcmp(a->date, b->date) == 0 && !a->same_day_as && !b->same_day_as &&
            a->sideline == b->sideline &&
            !bcx_parties_apart(c, a->provinces, a->nprovinces, b->provinces, b->nprovinces));
}

/* mechanism and year of a dated meeting (without a year: its month and day) */
static uint64_t mech_year(const bc_xmeeting *m)
{
    return mix(mix(13, m->mechanism, strlen(m->mechanism)), m->date,
               m->date[0] == '-' ? strlen(m->date) : 4);
}

/* j numbered, i named: the same mechanism on a compatible date */
static int same_named(const ctx *c, size_t j, size_t i)
{
    const bc_xmeeting *a = &c->out->meetings[j], *b = &c->out->meetings[i];
    return strcmp(a->mechanism, b->mechanism) == 0 && same_day(a->date, b->date);
}

/* a day with its month: "2024-06-12" or "--06-12" */
static int full_day(const char *d)
{
    return strlen(d) == 10 || (strlen(d) == 7 && d[0] == '-');
}

/* j a meeting of a mechanism, i one naming none on the same day, numbers not in conflict */
static int same_day_talks(const ctx *c, size_t j, size_t i)
{
    const bc_xmeeting *a = &c->out->meetings[j], *b = &c->out->meetings[i];
    return strcmp(a->date, b->date) == 0 &&
           (a->ordinal == 0 || b->ordinal == 0 || a->ordinal == b->ordinal);
}

/* 1 when talks t share their first statement and their date, a month or a day, with meeting
 * m, a numbered or named one (a year alone is shared by meetings of one sentence that are
 * two: "今年下半年举行下一轮会谈，并做好年中举行的第四次会晤的筹备工作"). */
static int talks_of(const bc_xmeeting *t, const bc_xmeeting *m)
{
    if (m->kind == BC_XM_TALKS || m->cite.nquotes == 0 || strcmp(t->date, m->date) != 0 ||
        strlen(t->date) < 7)
        return 0;
    for (int k = 0; k < m->cite.nquotes; k++)
        if (m->cite.q[k].start == t->cite.q[0].start)
            return 1;
    return 0;
}

/* j a numbered or named meeting, i talks: the talks are it (talks_of) */
static int talks_in(const ctx *c, size_t j, size_t i)
{
    const bc_xmeeting *t = &c->out->meetings[i], *m = &c->out->meetings[j];
    /* a meeting of no body in a sentence of its own the numbered one cites (the one
     * pointing back at it), never one beside it ("Gặp gỡ đầu Xuân và Hội nghị lần thứ 15") */
    return j != i && talks_of(t, m) &&
           (t->kind == BC_XM_TALKS || m->cite.q[0].start != t->cite.q[0].start);
}

/* The bits of a's quotes (a->cite, b's merged in) that are quotes of b with a bit in
 * b_bits (bit k: b->cite.q[k]). */
static unsigned quotes_in(const bc_xmeeting *a, const bc_xmeeting *b, unsigned b_bits)
{
    unsigned bits = 0;
    for (int k = 0; k < b->cite.nquotes && k < 32; k++)
        for (int j = 0; j < a->cite.nquotes && j < 32 && (b_bits & (1u << k)); j++)
            if (a->cite.q[j].start == b->cite.q[k].start && a->cite.q[j].end == b->cite.q[k].end)
                bits |= 1u << j;
    return bits;
}

/* The bits of a's quotes that are quotes of b whose words say b's status. */
static unsigned said_in(const bc_xmeeting *a, const bc_xmeeting *b)
{
    return quotes_in(a, b, b->status_quotes);
}

void bcx_merge_meeting(bc_xmeeting *a, const bc_xmeeting *b)
{
    int undated = a->date[0] == '\0';
    bcx_cite_merge(&a->cite, &b->cite);
    /* the quotes that write the number are b's that do (a headline naming it without the
     * number, merged, writes none) */
    if (a->ordinal == 0 && b->ordinal != 0) {
        a->ordinal = b->ordinal;
        a->kind = b->kind;
        a->ordinal_quotes = quotes_in(a, b, b->ordinal_quotes);
    } else if (a->ordinal == b->ordinal) {
        a->ordinal_quotes |= quotes_in(a, b, b->ordinal_quotes);
    }
    if (a->mechanism[0] == '\0' ||
        (a->mechanism_inferred && b->mechanism[0] && !b->mechanism_inferred)) {
        memcpy(a->mechanism, b->mechanism, sizeof a->mechanism);
        a->mechanism_inferred = b->mechanism_inferred;
        a->members_named = b->members_named;
    } else if (strcmp(a->mechanism, b->mechanism) == 0) {
        a->members_named |= b->members_named;
    }
    /* the most precise statement of the date, a written year before a completed one */
    if (strlen(b->date) > strlen(a->date) ||
        (a->date[0] == '-' && b->date[0] != '-' && b->date[0]) ||
        (a->date_inferred && !b->date_inferred && strcmp(a->date, b->date) == 0)) {
        /* the year b's day took from the reference date a writes ("Gặp gỡ đầu Xuân năm 2026",
         * then "diễn ra ngày 22/3"): stated */
        int written = a->date[0] && a->date[0] != '-' && !a->date_inferred &&
                      b->date_inferred == BC_X_INFERRED_YEAR && strncmp(a->date, b->date, 4) == 0;
        memcpy(a->date, b->date, sizeof a->date);
        memcpy(a->period, b->period, sizeof a->period);
        a->date_inferred = written ? 0 : b->date_inferred;
    }
    if (a->body_kind[0] == '\0')
        memcpy(a->body_kind, b->body_kind, sizeof a->body_kind);
    if (a->place[0] == '\0') {
        memcpy(a->place, b->place, sizeof a->place);
        memcpy(a->place_name, b->place_name, sizeof a->place_name);
        a->place_in_province = b->place_in_province;
        a->place_at = b->place_at;
    }
    /* the status its words say over one none of a's say ("ahead of the 17th conference",
     * then "the 17th conference ... will be held"); else planned over an undated one */
    int said = a->status_quotes != 0, b_said = b->status_quotes != 0;
    if ((b_said && !said) || (strcmp(b->status, "planned") == 0 && undated && said == b_said)) {
        memcpy(a->status, b->status, sizeof a->status);
        a->status_from_date = b->status_from_date;
        a->status_quotes = said_in(a, b);
        a->status_unsaid = b->status_unsaid;
        a->status_present = b->status_present;
    } else if (strcmp(a->status, b->status) == 0) {
        a->status_from_date &= b->status_from_date; /* the words of one of them say so */
        a->status_quotes |= said_in(a, b);
        a->status_unsaid &= b->status_unsaid;
        a->status_present &= b->status_present;
    }
    for (int k = 0; k < b->npeople && a->npeople < 8; k++) {
        int have = 0;
        for (int q = 0; q < a->npeople && !have; q++)
            have = strcmp(a->people[q], b->people[k]) == 0;
        if (!have) {
            a->people_at[a->npeople] = b->people_at[k];
            memcpy(a->people[a->npeople++], b->people[k], 64);
        }
    }
    for (int k = 0; k < b->nprovinces && a->nprovinces < BC_X_MAX_PARTIES; k++) {
        int have = 0;
        for (int q = 0; q < a->nprovinces && !have; q++)
            have = strcmp(a->provinces[q], b->provinces[k]) == 0;
        if (!have)
            memcpy(a->provinces[a->nprovinces++], b->provinces[k], 64);
    }
    double best = a->confidence > b->confidence ? a->confidence : b->confidence;
    a->confidence = fmin(1.0, best + 0.05);
}

/* the key of a gate side: its slug (Chinese names stay as written), the same for every
 * spelling of a known border place ("Ha Khau" and "Hekou") */
static uint64_t side_key(uint64_t h, const char *side)
{
    bc_buf k = BC_BUF_INIT;
    bc_text_slug(side, strlen(side), &k);
    /* every spelling of a known border place keys as the slug of its first name */
    const char *names = bc_buf_failed(&k) ? NULL : bcx_border_place_by_slug(k.data, k.len);
    if (names != NULL) {
        bc_buf_reset(&k);
        bc_text_slug(names, strcspn(names, "|"), &k);
    }
    h = mix(h, k.data ? k.data : "", k.len);
    bc_buf_free(&k);
    return h;
}

/* 1 for the kinds of a crossing point (a gate pair, a traditional opening, a clearance
 * point), 2 for a route of traffic, 0 for the rest (bridges, railways, roads). */
static int point_or_route(const char *kind)
{
    if (strcmp(kind, "gate_pair") == 0 || strcmp(kind, "traditional_opening") == 0 ||
        strcmp(kind, "clearance_point") == 0)
        return 1;
    return strcmp(kind, "transport_route") == 0 ? 2 : 0;
}

/* Two crossings of the article with the same sides are one when of the same kind, or
 * when one is a route of traffic and the other a crossing point: "the dedicated freight
 * route at Huu Nghi – Youyiguan" runs through the gate pair named before, no second
 * crossing (analyst 12, F4); the point's kind is kept (merge_gate). */
static int same_gate(const ctx *c, size_t j, size_t i)
{
    const bc_xgate *a = &c->out->gates[j], *b = &c->out->gates[i];
    if (a->project[0] || b->project[0])
        return strcmp(a->project, b->project) == 0;
    int ka = point_or_route(a->kind), kb = point_or_route(b->kind);
    return (a->pair == b->pair && strcmp(a->kind, b->kind) == 0) || (ka && kb && ka != kb);
}

static void merge_gate(bc_xgate *a, const bc_xgate *b)
{
    bcx_cite_merge(&a->cite, &b->cite);
    if (point_or_route(a->kind) == 2 && point_or_route(b->kind) == 1)
        memcpy(a->kind, b->kind, sizeof a->kind); /* a route at a pair: the pair's */
    if (a->date[0] == '\0' && a->target[0] == '\0') {
        memcpy(a->date, b->date, sizeof a->date);
        memcpy(a->target, b->target, sizeof a->target);
        a->date_inferred = b->date_inferred;
    }
    if (!a->pair && b->pair) {
        a->pair = 1;
        memcpy(a->vn_side, b->vn_side, sizeof a->vn_side);
        memcpy(a->cn_side, b->cn_side, sizeof a->cn_side);
    }
    if (b->confidence > a->confidence)
        a->confidence = b->confidence;
}

/* The meetings first stated in sentence si (not gone) into *first: how many. */
static size_t stated_in(const ctx *c, size_t si, const unsigned char *gone, size_t *first)
{
    size_t n = 0;
    for (size_t i = 0; i < c->out->nmeetings; i++) {
        const bc_xmeeting *m = &c->out->meetings[i];
        if (!gone[i] && m->cite.nquotes > 0 && m->cite.q[0].start >= c->se[si].qs &&
            m->cite.q[0].start < c->se[si].qe && n++ == 0)
            *first = i;
    }
    return n;
}

/* The one meeting a headline names without its date and the one dated meeting of the
 * article's first sentence are one, when their numbers, mechanisms and status do not
 * conflict and the lead's is no talks on the sidelines ("文山州与越南河江省举行第11次定期会谈" over
 * "3月18日下午，文山州与越南河江省在河江市举行会谈"): the headline's meeting takes the lead's
 * date and statements. */
static void headline_and_lead(ctx *c, unsigned char *gone)
{
    bc_extraction *o = c->out;
    size_t head = SIZE_MAX, lead = SIZE_MAX, si = 0;
    if (c->ns < 2 || !c->se[0].heading || stated_in(c, 0, gone, &head) != 1)
        return;
    while (si < c->ns && c->se[si].heading)
        si++;
    if (si >= c->ns || stated_in(c, si, gone, &lead) != 1)
        return;
    bc_xmeeting *h = &o->meetings[head];
    const bc_xmeeting *l = &o->meetings[lead];
    if (h->date[0] || !full_day(l->date) || l->sideline || h->cite.nquotes != 1 ||
        (h->ordinal != 0 && l->ordinal != 0 && h->ordinal != l->ordinal) ||
        !compatible(h->mechanism, l->mechanism) || strcmp(h->status, l->status) != 0)
        return;
    bcx_merge_meeting(h, l);
    gone[lead] = 1;
}

/* A named meeting without a date or number ("就本次新春会晤的议程", "落实书记会晤达成的共识"),
 * whose sentence tells no time, in an article that reports other meetings of its mechanism
 * is one of them told again:
 * the one of its status (held, planned) when there is one, else no meeting of its own.
 * The meetings of one mechanism in an article are few: the pairs are few. */
static void undated_named(ctx *c, unsigned char *gone)
{
    bc_extraction *o = c->out;
    for (size_t i = 0; i < o->nmeetings; i++) {
        const bc_xmeeting *m = &o->meetings[i];
        if (gone[i] || m->kind != BC_XM_NAMED || m->ordinal != 0 || m->date[0] ||
            !m->mechanism[0] || m->cite.nquotes == 0)
            continue;
        /* not one whose time its sentence tells in words a missing publication date leaves
         * unread ("Vorig jaar werden de voorjaarsontmoeting ...", "明年的新春会晤") */
        if (bcx_year_told_relative(c, bcx_sentence_at(c, m->cite.q[0].start)))
            continue;
        size_t same = SIZE_MAX, others = 0, fits = 0;
        for (size_t j = 0; j < o->nmeetings; j++) {
            const bc_xmeeting *a = &o->meetings[j];
            if (j == i || gone[j] || strcmp(a->mechanism, m->mechanism) != 0)
                continue;
            others++;
            if (strcmp(a->status, m->status) == 0 && fits++ == 0)
                same = j;
        }
        if (others == 0)
            continue;
        if (fits == 1)
            bcx_merge_meeting(&o->meetings[same], m);
        gone[i] = 1;
    }
}

/* Folds every restatement into the first statement of its fact, in linear time:
 * candidates are hashed on what must be equal (value and unit; ordinal; sides). */
static void dedup(ctx *c)
{
    bc_extraction *o = c->out;
    seen s;
    size_t n = o->nfigures > o->nmeetings ? o->nfigures : o->nmeetings;
    n = n > o->ngates ? n : o->ngates;
    memset(&s, 0, sizeof s);
    if (seen_init(&s, n) != BC_OK) {
        c->rc = BC_ENOMEM;
        seen_free(&s);
        return;
    }
    size_t w = 0;
    for (size_t i = 0; i < o->nfigures; i++) {
        const bc_xfigure *f = &o->figures[i];
        double v = f->value;
        uint64_t key = mix(mix(1469598103934665603ull, &v, sizeof v), f->unit, strlen(f->unit));
        o->figures[w] = o->figures[i];
        size_t j = seen_probe(&s, key, w, same_figure, c);
        if (j != SIZE_MAX)
            merge_figure(c, &o->figures[j], &o->figures[w]);
        else
            w++;
    }
    o->nfigures = w;
    seen_reset(&s);
    w = 0;
    for (size_t i = 0; i < o->nmeetings; i++) {
        const bc_xmeeting *m = &o->meetings[i];
        uint64_t key = mix(1469598103934665603ull, &m->ordinal, sizeof m->ordinal);
        /* unnumbered ones by year too, so that many of them do not share one key */
        if (m->ordinal == 0)
            key = m->date[0] == '-' ? mix(key, "md", 2)
                                    : mix(key, m->date, strlen(m->date) < 4 ? strlen(m->date) : 4);
        o->meetings[w] = o->meetings[i];
        size_t j = seen_probe(&s, key, w, bcx_same_meeting, c);
        if (j != SIZE_MAX)
            bcx_merge_meeting(&o->meetings[j], &o->meetings[w]);
        else
            w++;
    }
    o->nmeetings = w;
    /* a named meeting of a mechanism and the numbered meeting of that mechanism on the
     * same date are one ("the 2024 joint working committee conference" and "the 15th
     * conference ... in 2024") */
    unsigned char *gone = bc_calloc(o->nmeetings + 1, 1);
    if (gone == NULL) {
        c->rc = BC_ENOMEM;
        seen_free(&s);
        return;
    }
    seen_reset(&s);
    for (size_t i = 0; i < o->nmeetings; i++) {
        const bc_xmeeting *m = &o->meetings[i];
        if (m->ordinal > 0 && m->mechanism[0] &&
            ((strlen(m->date) >= 4 && m->date[0] != '-') || full_day(m->date)))
            seen_probe(&s, mech_year(m), i, never, c);
    }
    for (size_t i = 0; i < o->nmeetings; i++) {
        const bc_xmeeting *m = &o->meetings[i];
        if (m->ordinal != 0 || m->kind != BC_XM_NAMED || !m->mechanism[0] ||
            !((strlen(m->date) >= 4 && m->date[0] != '-') || full_day(m->date)))
            continue;
        size_t j = seen_find(&s, mech_year(m), i, same_named, c);
        if (j != SIZE_MAX) {
            bcx_merge_meeting(&o->meetings[j], m);
            gone[i] = 1;
        }
    }
    headline_and_lead(c, gone);
    undated_named(c, gone);
    bcx_reconcile_next(c, gone);
    /* a meeting that names no mechanism, on the day of another meeting, is that meeting
     * ("the party secretaries held talks" the day of the spring meeting); pass 1 (talks
     * into numbered or named meetings naming no mechanism) cost more than it saved */
    for (int pass = 0; pass < 1; pass++) {
        seen_reset(&s);
        for (size_t i = 0; i < o->nmeetings; i++) {
            const bc_xmeeting *m = &o->meetings[i];
            int target = pass == 0 ? m->mechanism[0] != '\0' : m->kind != BC_XM_TALKS;
            if (!gone[i] && target && full_day(m->date))
                seen_probe(&s, mix(17, m->date, strlen(m->date)), i, never, c);
        }
        for (size_t i = 0; i < o->nmeetings; i++) {
            const bc_xmeeting *m = &o->meetings[i];
            int source = pass == 0 ? m->mechanism[0] == '\0' : m->kind == BC_XM_TALKS;
            if (gone[i] || !source || !full_day(m->date) || m->sideline)
                continue;
            size_t j = seen_find(&s, mix(17, m->date, strlen(m->date)), i, same_day_talks, c);
            if (j != SIZE_MAX && !gone[j]) {
                bcx_merge_meeting(&o->meetings[j], m);
                gone[i] = 1;
            }
        }
    }
    /* talks in a sentence that also names a numbered or named meeting of the same date are
     * that meeting ("On October 30 the two sides held talks and co-chaired the 11th
     * meeting"); a sentence holds a handful of meetings, so the pairs are few */
    seen_reset(&s);
    for (size_t i = 0; i < o->nmeetings; i++) {
        const bc_xmeeting *m = &o->meetings[i];
        if (!gone[i] && m->kind != BC_XM_TALKS && m->date[0])
            seen_probe(&s, mix(19, m->date, strlen(m->date)), i, never, c);
    }
    for (size_t i = 0; i < o->nmeetings; i++) {
        const bc_xmeeting *m = &o->meetings[i];
        /* a meeting of no body or number is talks too ("That conference will be held in
         * Nanning in March 2027", cited by the 17th it points back at) */
        int bare = m->kind == BC_XM_NAMED && !m->mechanism[0] && m->ordinal == 0;
        if (gone[i] || (m->kind != BC_XM_TALKS && !bare) || m->cite.nquotes == 0 || !m->date[0] ||
            m->sideline)
            continue;
        size_t j = seen_find(&s, mix(19, m->date, strlen(m->date)), i, talks_in, c);
        if (j != SIZE_MAX && !gone[j]) {
            bcx_merge_meeting(&o->meetings[j], m);
            gone[i] = 1;
        }
    }
    bcx_reconcile_dates(c, gone);
    w = 0;
    for (size_t i = 0; i < o->nmeetings; i++)
        if (!gone[i])
            o->meetings[w++] = o->meetings[i];
    o->nmeetings = w;
    bc_free(gone);
    seen_reset(&s);
    w = 0;
    for (size_t i = 0; i < o->ngates; i++) {
        const bc_xgate *g = &o->gates[i];
        uint64_t key = g->project[0] ? mix(7, g->project, strlen(g->project))
                                     : side_key(side_key(11, g->vn_side), g->cn_side);
        o->gates[w] = o->gates[i];
        size_t j = seen_probe(&s, key, w, same_gate, c);
        if (j != SIZE_MAX)
            merge_gate(&o->gates[j], &o->gates[w]);
        else
            w++;
    }
    o->ngates = w;
    seen_free(&s);
}

int bc_extract(const char *text, size_t len, const char *lang, const char *reference_date,
               const bc_gazetteer *g, bc_extraction *out, bc_err *err)
{
    ctx c;
    memset(&c, 0, sizeof c);
    if (out == NULL)
        return bc_err_set(err, BC_EINVAL, "bc_extract: no result");
    memset(out, 0, sizeof *out);
    c.lang = bc_lang_find(lang);
    if (c.lang == NULL)
        return bc_err_set(err, BC_EINVAL, "unknown language '%.16s' (en, vi, zh, fr, pl, sv, nl)",
                          lang ? lang : "(null)");
    c.lbit = c.lang->bit;
    if (text == NULL && len > 0)
        return bc_err_set(err, BC_EINVAL, "bc_extract: no text");
    if (len > 0 && !bc_utf8_valid(text, len))
        return bc_err_set(err, BC_EINVAL, "the text is not valid UTF-8");
    c.s = text ? text : "";
    c.n = len;
    c.g = g;
    c.out = out;
    parse_ref(&c, reference_date);
    c.rc = bcx_build_index(&c);
    if (c.rc == BC_OK)
        bcx_split_sentences(&c);
    if (c.rc == BC_OK)
        bcx_tokenize(&c);
    if (c.rc == BC_OK)
        bcx_lex_mark_impossible(&c);
    if (c.rc == BC_OK)
        bcx_index_gaps(&c);
    if (c.rc == BC_OK) {
        bcx_assign_sentences(&c);
        bcx_find_names(&c);
    }
    if (c.rc == BC_OK)
        bcx_find_dates(&c);
    if (c.rc == BC_OK && bcx_index_paragraphs(&c) != BC_OK)
        c.rc = BC_ENOMEM;
    if (c.rc == BC_OK) {
        bcx_mark_side_people_zh(&c);
        bcx_find_mentions(&c);
    }
    if (c.rc == BC_OK)
        bcx_find_figures(&c);
    if (c.rc == BC_OK) {
        bcx_link_mechanisms(&c);
        bcx_resolve_mentions(&c);
        bcx_weigh_dates(&c);
        bcx_emit_meetings(&c);
    }
    if (c.rc == BC_OK)
        bcx_find_gates(&c);
    /* each side also by the name the store gives its place ("友谊": Huu Nghi, "Basa": Ba Sai) */
    for (size_t i = 0; c.rc == BC_OK && i < out->ngates; i++)
        bcx_gate_canonical_sides(g, out->gates, i);
    if (c.rc == BC_OK)
        emit_dates(&c);
    if (c.rc == BC_OK) {
        dedup(&c);
        bcx_fig_merge_heading_bounds(&c);
    }
    if (c.rc == BC_OK)
        bcx_unsaid_status(&c);
    if (c.rc == BC_OK)
        bcx_mark_placed_provinces(&c);
    out->sentences = c.ns;
    out->tokens = c.nt;
    bc_buf_free(&c.fold);
    bc_free(c.ix);
    bc_free(c.gap);
    bc_free(c.pcomma);
    bc_free(c.phan);
    bc_free(c.t);
    bc_free(c.se);
    bc_free(c.d);
    bc_free(c.h);
    bc_free(c.m);
    bcx_free_indexes(&c);
    if (c.rc != BC_OK) {
        bc_extraction_free(out);
        bc_err_set(err, c.rc, "out of memory extracting facts");
    }
    return c.rc;
}
