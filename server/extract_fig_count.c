/* extract_fig_count.c: counts with what they count: tonnes of goods, vehicles, containers,
 * passengers and people crossing the border, tourists, delegations sent and received,
 * hectares, each with its noun (after the number, or before it: "the number of tourists
 * reached 551 000"), its qualifier, its period (one of its own clause, not a comparison's),
 * its parties, and whether it is a daily rate ("日均", "per day": a metric of its own, never
 * a total); a range of counts is its two ends. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <math.h>
#include <string.h>

/* Which way delegations went: a "sent" or "received" word before the number in its
 * clause, "to" right after the noun, else exchanged. */
static const char *deleg_metric(const ctx *c, size_t si, size_t i, size_t noun_end)
{
    const bc_lex *e = NULL;
    for (size_t p = i; p > c->se[si].t0; p--) {
        if (bcx_lex_find(c, C_RECEIVED, p - 1, &e) > 0)
            return "delegations_received";
        if (bcx_lex_find(c, C_SENT, p - 1, &e) > 0)
            return "delegations_sent";
        if (p - 1 > c->se[si].t0 && (bcx_gap(c, p - 2) & G_COMMA))
            break;
    }
    if (noun_end < c->se[si].t1 && bcx_lex_find(c, C_TO, noun_end, &e) > 0)
        return "delegations_sent";
    return "delegations_exchanged";
}

/* Widens [*lo, *hi) of sentence si to the clause it stands in: out to the nearest comma
 * on each side, or the sentence's ends, and past a short aside between two commas. */
static void widen_to_clause(const ctx *c, size_t si, size_t *lo, size_t *hi)
{
    size_t t0 = c->se[si].t0, t1 = c->se[si].t1;
    while (*lo > t0 && !(bcx_gap(c, *lo - 1) & G_COMMA))
        (*lo)--;
    while (*hi < t1 && !(bcx_gap(c, *hi - 1) & G_COMMA))
        (*hi)++;
    /* and past an aside set off by two commas, of at most four words and no number ("Bron,
     * enligt tullen, trafikeras av 300 lastbilar", "300 trucks, officials said, cross the
     * bridge"): the clause goes on beyond it; not in Chinese, whose "、" lists names */
    if (c->lbit == L_ZH)
        return;
    size_t a = *lo;
    while (a > t0 && *lo - a < 5 && !(a < *lo && (bcx_gap(c, a - 1) & G_COMMA)))
        a--;
    int aside = *lo > t0 && a > t0 && a < *lo && *lo - a <= 4 && (bcx_gap(c, a - 1) & G_COMMA);
    for (size_t k = a; aside && k < *lo; k++)
        aside = c->t[k].kind != T_NUM;
    if (aside)
        for (*lo = a - 1; *lo > t0 && !(bcx_gap(c, *lo - 1) & G_COMMA);)
            (*lo)--;
    size_t b = *hi;
    while (b + 1 < t1 && b - *hi < 4 && !(bcx_gap(c, b) & G_COMMA))
        b++;
    aside = *hi < t1 && b + 1 < t1 && (bcx_gap(c, b) & G_COMMA) && b - *hi < 4;
    for (size_t k = *hi; aside && k <= b; k++)
        aside = c->t[k].kind != T_NUM;
    if (aside)
        for (*hi = b + 2; *hi < t1 && !(bcx_gap(c, *hi - 1) & G_COMMA);)
            (*hi)++;
}

/* 1 when sentence si names a country (China, Vietnam, Chinese, Vietnamese): the tourists
 * it counts may be the other country's, as metric "tourists" says; a count of visitors to
 * a site it tells nothing of where they come from is not ("the Ban Gioc waterfall scenic
 * area welcomed 420,000 visitors", "德天瀑布景区共接待游客42万人次"). */
static int of_a_country(const ctx *c, size_t si)
{
    /* or a crossing or crossing over ("the gate received 240,000 visitors", "12,000
     * tourists crossed the border"): who come across */
    return bcx_sent_has(c, si, C_CN, -1) || bcx_sent_has(c, si, C_VN, -1) ||
           bcx_sent_has(c, si, C_PROJ, -1) || bcx_sent_has(c, si, C_CUE_CROSS, -1);
}

/* The metric and unit a counted noun gives in its sentence; 0 when the sentence does not
 * say which metric it is. *bridge is 1 when only a bridge named in the count's clause
 * makes vehicles or people traffic ("300 camions empruntent le pont", "每天约有300辆货车通过
 * 大桥", "Bron trafikeras av 300 lastbilar"): the caller keeps such a count only as a rate
 * (not "300 trucks of steel went into the bridge"). */
static int noun_metric(const ctx *c, size_t si, int noun, size_t i, size_t noun_end,
                       const char **metric, const char **unit, int *bridge)
{
    const bc_lex *pe = NULL;
    *unit = "people";
    *metric = NULL;
    *bridge = 0;
    /* trucks waiting or parked, goods held up, people crossing illegally, in its clause or
     * right after it ("26 nguoi xuat, nhap canh trai phep"): no traffic */
    size_t lo = i, hi = noun_end;
    widen_to_clause(c, si, &lo, &hi);
    int stand =
        bcx_range_has(c, lo, hi + 4 < c->se[si].t1 ? hi + 4 : c->se[si].t1, C_CUE_STAND, -1);
    int over_bridge = 0;
    for (size_t k = lo; k < hi && !over_bridge && !stand; k++)
        over_bridge = bcx_lex_find(c, C_PROJ, k, &pe) > 0 && ((unsigned)pe->val & PK_BRIDGE);
    switch (noun) {
    case N_TOURIST:
        /* "tourists" are of the other country: a count of visitors its sentence says nothing
         * of where they come from ("the Ban Gioc waterfall scenic area welcomed 420,000
         * visitors") is no such figure */
        *metric = bcx_sent_has(c, si, C_CUE_ENTER, -1) ? "tourist_arrivals"
                  : of_a_country(c, si)                ? "tourists"
                                                       : NULL;
        break;
    case N_DELEG:
        *metric = deleg_metric(c, si, i, noun_end);
        *unit = "delegations";
        break;
    case N_EXCH_ACT:
        *metric = "delegations_exchanged";
        *unit = "activities";
        break;
    case N_WORKER:
        *metric = "workers";
        break;
    case N_PEOPLE:
    case N_CITIZEN:
        if (bcx_sent_has(c, si, C_NOUN, N_PASSPORT))
            *metric = "passports_issued";
        else if (bcx_sent_has(c, si, C_CUE_WORK, -1))
            *metric = "workers";
        else if (bcx_sent_has(c, si, C_CUE_IMMIG, -1) && !stand)
            *metric = "border_crossings"; /* "lượt người xuất nhập cảnh", "出入境人员…人次" */
        else if (bcx_sent_has(c, si, C_CUE_TOURISM, -1))
            *metric = of_a_country(c, si) ? "tourists" : NULL;
        else if (bcx_range_has(c, lo, hi, C_CUE_CROSS, 1) && !stand)
            *metric = "border_crossings"; /* "12.000 mensen passeren dagelijks de grens" */
        else if (over_bridge)
            *metric = "border_crossings", *bridge = 1;
        break;
    case N_PASSPORT:
        *metric = "passports_issued";
        break;
    case N_HECTARE:
        /* "the 50 ha logistics zone" is no crop: only land its sentence says is farmed */
        if (bcx_sent_has(c, si, C_CROP, -1))
            *metric = "crop_area";
        *unit = "hectares";
        break;
    case N_TONNE:
        if (bcx_sent_has(c, si, C_CUE_EXPORT, -1))
            *metric = "goods_exported";
        /* goods that enter through a crossing ("had entered Yunnan through Hekou", "经河口
         * 口岸进口") are carried over the border, as vehicles that enter are */
        else if ((bcx_sent_has(c, si, C_CUE_CROSS, -1) || bcx_sent_has(c, si, C_CUE_ENTER, -1)) &&
                 !stand)
            *metric = "goods_carried";
        *unit = "tonnes";
        break;
    case N_VEHICLE:
    case N_CONTAINER:
        /* "handed over 20 trucks" moves nothing over the border */
        if ((bcx_sent_has(c, si, C_CUE_CROSS, -1) || bcx_sent_has(c, si, C_CUE_ENTER, -1)) &&
            !stand)
            *metric = noun == N_VEHICLE ? "vehicles" : "containers";
        else if (over_bridge)
            *metric = noun == N_VEHICLE ? "vehicles" : "containers", *bridge = 1;
        *unit = noun == N_VEHICLE ? "vehicles" : "containers";
        break;
    case N_PASSENGER:
        if ((bcx_sent_has(c, si, C_CUE_CROSS, -1) || bcx_sent_has(c, si, C_CUE_ENTER, -1) ||
             bcx_sent_has(c, si, C_CUE_IMMIG, -1)) &&
            !stand)
            *metric = "border_crossings";
        else if (over_bridge)
            *metric = "border_crossings", *bridge = 1;
        break;
    case N_BANK:
        *metric = "banks_connected";
        *unit = "banks";
        break;
    case N_COMPANY:
        *metric = "companies_supported";
        *unit = "companies";
        break;
    case N_OFFICIAL:
        if (bcx_sent_has(c, si, C_CUE_TRAIN, -1))
            *metric = "officials_trained";
        break;
    case N_AREA:
        if (bcx_sent_has(c, si, C_CUE_COOP, -1))
            *metric = "cooperation_areas";
        *unit = "areas";
        break;
    default:
        break;
    }
    return *metric != NULL;
}

/* 1 when the word of a time at token k, before a count at token lead, follows another
 * number and its counted noun within a few words ("plus de 1 500 camions par jour ... et plus de
 * 3,2 millions de personnes"): it is the rate of that count, not of the one after it. Not
 * past a comma ("出入境人员超过320万人次，日均通行货车1500辆次": the next count's). */
static int other_counts(const ctx *c, size_t k, size_t lead)
{
    size_t t0 = c->se[c->t[k].sent].t0;
    for (size_t q = k; k < lead && q > t0 && q + 4 > k; q--)
        if (c->t[q - 1].kind == T_NUM && c->t[q - 1].used != U_DATE)
            for (size_t n = q; n < k; n++)
                if (bcx_count_noun_at(c, n, k) && bcx_commas(c, n, k) == 0)
                    return 1;
    return 0;
}

/* 1 when the word of a time at token k, after the count whose noun ends at noun_end, follows
 * another number and its counted noun standing between them ("plus de 3,2 millions de
 * personnes ... et plus de 1 500 camions y sont passés chaque jour"), or leads another number
 * and its noun within a few words after it, no comma between ("2,4 miljoen mensen ... en rijden er
 * dagelijks meer dan 900 vrachtwagens door"): it is the rate of that later count, not of the one
 * before it. */
static int later_counts(const ctx *c, size_t k, size_t noun_end)
{
    size_t t1 = c->se[c->t[k].sent].t1;
    /* right after its own noun it is its own ("900 trucks a day and 20,000 people") */
    size_t reach = k > noun_end + 1 ? k + 5 : k;
    for (size_t q = noun_end; q < reach && q < t1; q++)
        if (q != k && c->t[q].kind == T_NUM && c->t[q].used != U_DATE &&
            (q < k || bcx_commas(c, k, q) == 0))
            for (size_t n = q + 1; n < (q < k ? k : q + 4) && n < t1; n++)
                if (bcx_count_noun_at(c, n, t1))
                    return 1;
    return 0;
}

/* Whether the count at tokens [lead, end) of sentence si (its noun ending at noun_end, named
 * from token from on) is a rate: PER_DAY_ANY (1 below) when a word of a day stands in its
 * clause ("日均通行车辆超过2000辆次", "1,000 vehicles handled each day", "dat dagelijks de grens
 * passeert"), opens its sentence ("Chaque jour, 500 à 600 camions"), follows its noun within a
 * few words ("500 trucks in each direction a day", "1.100 xe/ngày"), or when the count before it
 * in its sentence, of the same unit, is a daily one and its own clause gives no time
 * ("日均通行货车超过1500辆次，旺季时可达2000辆次"); 2 for a rate of another time ("chaque
 * mois"); else 0. */
static int per_day(const ctx *c, size_t si, size_t lead, size_t end, size_t noun_end, size_t from,
                   const char *unit)
{
    const bc_lex *e = NULL;
    size_t t0 = c->se[si].t0, t1 = c->se[si].t1, lo = from < lead ? from : lead,
           hi = end > noun_end ? end : noun_end;
    widen_to_clause(c, si, &lo, &hi);
    int rate = 0;
    for (size_t k = t0; k < t1 && rate != PER_OTHER; k++) {
        if (bcx_lex_find(c, C_PER_DAY, k, &e) == 0 || other_counts(c, k, lead) ||
            (k >= noun_end && later_counts(c, k, noun_end)))
            continue;
        int near = k >= noun_end && k <= noun_end + 4 && bcx_commas(c, noun_end - 1, k) == 0;
        int opens = k <= t0 + 2 && k < lo;
        for (size_t q = k; opens && q < lead; q++)
            opens = c->t[q].kind != T_NUM || c->t[q].used == U_DATE;
        if (e->val == PER_OTHER && k >= lo && k < hi)
            rate = PER_OTHER;
        else if ((e->val == PER_DAY_ANY && ((k >= lo && k < hi) || opens)) ||
                 (e->val == PER_DAY_NEAR && near))
            rate = 1;
    }
    if (rate != 0)
        return rate;
    if (noun_end < t1 && (bcx_gap(c, noun_end - 1) & G_SLASH) &&
        (bcx_word_is(c, noun_end, t1, "ngay") || bcx_word_is(c, noun_end, t1, "day")))
        return 1;
    /* a daily count before it, of the same unit, in its sentence: its clause says no time.
     * A time is read from its words, never from whether a date could be made of them: "in
     * the first ten months of the year" is a time with or without published_on, so the
     * metric never depends on it */
    const bc_extraction *o = c->out;
    static const int times[] = {C_WHOLE_YEAR, C_MONTHS,    C_MONTH,     C_HALF,      C_QUARTERS,
                                C_THIS_YEAR,  C_LAST_YEAR, C_NEXT_YEAR, C_REL_MONTH, C_SAME_PERIOD,
                                C_YEAR_WORD,  C_WEEKDAY,   C_REL_DAY};
    if (o->nfigures == 0)
        return 0;
    for (size_t k = 0; k < sizeof times / sizeof times[0]; k++)
        if (bcx_range_has(c, lo, hi, times[k], -1))
            return 0;
    const bc_xfigure *b = &o->figures[o->nfigures - 1];
    for (size_t d = c->se[si].d0; d < c->se[si].d1; d++)
        if (c->d[d].t0 >= lo && c->d[d].t0 < hi)
            return 0;
    size_t ml = strlen(b->metric);
    return !b->money && b->cite.nquotes > 0 && b->cite.q[0].start == c->se[si].qs &&
           strcmp(b->unit, unit) == 0 && ml > 8 && strcmp(b->metric + ml - 8, "_per_day") == 0;
}

/* The metric of a daily rate of metric m ("vehicles" -> "vehicles_per_day"), NULL when the
 * store has none: a rate is never stored as a total. */
static const char *daily_metric(const char *m)
{
    static const char *const rates[][2] = {{"vehicles", "vehicles_per_day"},
                                           {"containers", "containers_per_day"},
                                           {"goods_carried", "goods_carried_per_day"},
                                           {"border_crossings", "border_crossings_per_day"}};
    for (size_t k = 0; k < sizeof rates / sizeof rates[0]; k++)
        if (strcmp(m, rates[k][0]) == 0)
            return rates[k][1];
    return NULL;
}

int bcx_count_noun_at(const ctx *c, size_t k, size_t lim)
{
    return k < lim &&
           (bcx_lex_find2(c, C_NOUN, k, 1, NULL) > 0 || bcx_lex_find2(c, C_SCALE, k, 1, NULL) > 0);
}

/* A counted noun within three words after token k (no comma or bracket between). */
static int noun_after(const ctx *c, size_t k, size_t lim, size_t *noun_end)
{
    const bc_lex *e = NULL;
    for (size_t q = k; q < lim && q < k + 3; q++) {
        if (c->t[q].kind != T_WORD || (q > 0 && !bcx_joined(c, q - 1)))
            return 0;
        size_t n = bcx_lex_find2(c, C_NOUN, q, q == k, &e);
        if (n > 0) {
            *noun_end = q + n;
            return (int)e->val;
        }
    }
    return 0;
}

/* "liczba chinskich turystow ... przekroczy 33 000": the noun of the nearest "number
 * of" before token i. */
static int noun_before(const ctx *c, size_t si, size_t i, size_t *noun_at, size_t *noun_end)
{
    const bc_lex *e = NULL;
    for (size_t p = i; p > c->se[si].t0; p--) {
        size_t n = bcx_lex_find(c, C_NUMBER_OF, p - 1, &e);
        if (n == 0)
            continue;
        for (size_t q = p - 1 + n; q < i && q < p - 1 + n + 4; q++) {
            size_t m = bcx_lex_find(c, C_NOUN, q, &e);
            if (m > 0) {
                *noun_at = q;
                *noun_end = q + m;
                return (int)e->val;
            }
        }
        return 0;
    }
    return 0;
}

/* 1 when the number's counter at token k repeats the head of the noun at token at read
 * before it, or the word before that noun ("so luot hanh khach ... dat gan 900.000 luot"):
 * the counter ties the number to that noun. */
static int counter_repeats(const ctx *c, size_t si, size_t k, size_t at)
{
    return c->lbit == L_VI && bcx_word_is(c, k, c->se[si].t1, "luot") &&
           bcx_lex_find(c, C_NOUN, k, NULL) == 0 &&
           (bcx_word_is(c, at, at + 1, "luot") || (at > 0 && bcx_word_is(c, at - 1, at, "luot")));
}

/* The start of an aside set off by two commas that closes at token p ("..., tinh tu dau nam
 * den nay, dat"): a few words of a time or a source ("tinh tu", "tu", "ke tu", "trong",
 * "theo") holding no counted noun and no number but a date's ("trong 10 thang dau nam 2026"); 0
 * when the comma before p closes none
 * ("..., luong hang hoa giam, dat": a clause of its own). */
static int in_date(const ctx *c, size_t q)
{
    for (size_t k = 0; k < c->nd; k++)
        if (c->d[k].t0 <= q && q < c->d[k].t1)
            return 1;
    return 0;
}

static size_t aside_start(const ctx *c, size_t si, size_t p)
{
    static const char *const opens[] = {"tinh", "tu", "ke", "trong", "theo", NULL};
    for (size_t q = p - 1; q > c->se[si].t0 && q + 8 > p; q--) {
        if ((c->t[q].kind == T_NUM && !in_date(c, q)) || bcx_lex_find(c, C_NOUN, q, NULL) > 0 ||
            (bcx_gap(c, q - 1) & G_DOT))
            return 0;
        if (bcx_gap(c, q - 1) & G_COMMA) {
            for (int w = 0; opens[w]; w++)
                if (bcx_word_is(c, q, p, opens[w]))
                    return q;
            return 0;
        }
    }
    return 0;
}

/* The noun of a Vietnamese count whose number is followed by the counter "luot" alone:
 * the noun opening with "luot" before it in its clause, a few words back ("luot nguoi xuat
 * nhap canh dat hon 3,2 trieu luot"), past one aside between commas at most ("luot nguoi
 * xuat nhap canh qua cua khau Mong Cai, tinh tu dau nam den nay, dat ..."); 0 when none,
 * and *bare set: the counter names a count whose noun is not read. */
static int counter_noun_before(const ctx *c, size_t si, size_t i, size_t k, size_t *noun_end,
                               int *bare, size_t *aside_end)
{
    const bc_lex *e = NULL;
    if (c->lbit != L_VI || !bcx_word_is(c, k, c->se[si].t1, "luot") ||
        bcx_lex_find(c, C_NOUN, k, NULL) > 0)
        return 0;
    *bare = 1;
    int aside = 0;
    for (size_t p = i, words = 0; p > c->se[si].t0 && words < 16; p--, words++) {
        if (bcx_gap(c, p - 1) & G_COMMA) {
            size_t q = aside ? 0 : aside_start(c, si, p);
            if (q == 0)
                return 0;
            aside = 1;
            *aside_end = p;
            p = q; /* the token before the aside's opening comma is looked at next */
        }
        if (bcx_gap(c, p - 1) & G_DOT)
            return 0;
        size_t m = bcx_lex_find(c, C_NOUN, p - 1, &e);
        if (m > 0 && p - 1 + m <= i && bcx_word_is(c, p - 1, p, "luot")) {
            *noun_end = p - 1 + m;
            return (int)e->val;
        }
    }
    return 0;
}

/* 1 when date d may be the period of the count of tokens [lead, end) in sentence si: in
 * its clause after it ("85 000, soit pres du double de l'an dernier": last year is the
 * comparison), or before it unless another number lies nearer to it ("32,000 tonnes in
 * November alone, while 620,000 visitors came": November is the tonnes'). */
static int count_period(const ctx *c, size_t si, const xd *d, size_t lead, size_t end)
{
    if (d->t0 >= end)
        return bcx_commas(c, end - 1, d->t0) == 0;
    size_t breaks = bcx_commas(c, d->t1 - 1, lead), cost = lead - d->t1 + 10 * breaks;
    if (breaks == 0)
        return 1;
    /* across a comma: not when another number of the sentence lies nearer to it */
    for (size_t k = c->se[si].t0; k < c->se[si].t1; k++) {
        if (c->t[k].kind != T_NUM || c->t[k].used == U_DATE || k == lead ||
            (k >= d->t0 && k < d->t1))
            continue;
        size_t other = k >= d->t1 ? k - d->t1 + 10 * bcx_commas(c, d->t1 - 1, k)
                                  : d->t0 - k + 10 * bcx_commas(c, k, d->t0);
        if (other < cost)
            return 0;
    }
    return 1;
}

/* "the route, which yesterday handled more than 1,200 trucks": the day a weekday or
 * "yesterday" gives in the count's clause or opening its sentence, dated from the reference date
 * (never a total's year: only a day), else NULL. */
static const xd *day_told(const ctx *c, size_t si, size_t lead, size_t end)
{
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (!d->weekday || d->dateline || d->prec != 3 || strlen(d->iso) != 10 || d->iso[0] == '-')
            continue;
        if ((d->t1 <= lead && bcx_commas(c, d->t1 - 1, lead) == 0) ||
            (d->t0 >= end && bcx_commas(c, end - 1, d->t0) == 0))
            return d;
        /* the day opening the sentence, set off by its comma ("Hier, 2 140 vehicules ...",
         * "Hom qua, ...", "On Tuesday, 1,900 trucks ...", "昨天，..."): the whole sentence
         * is of that day */
        if (d->t1 <= lead && d->t0 <= c->se[si].t0 + 1 && bcx_commas(c, d->t1 - 1, lead) == 1 &&
            (bcx_gap(c, d->t1 - 1) & G_COMMA))
            return d;
    }
    return NULL;
}

/* A count at token i (tourists, delegations, tonnes, ...), when its noun says what it
 * counts; lead is where its phrase opens (a qualifier is looked for before it). Returns 1
 * when a figure was added. */
static int count_read(ctx *c, size_t si, size_t i, size_t lead)
{
    const bc_lex *e = NULL;
    size_t lim = c->se[si].t1, k = i + 1, noun_end = 0, n;
    const tok *t = &c->t[i];
    int inferred = 0, noun = 0, bridge = 0, bare = 0, tied = 0;
    size_t aside_end = 0; /* where an aside the noun was read past closes */
    double scale = 1;
    const char *metric = NULL, *unit = NULL;
    if (k < lim && (n = bcx_lex_find2(c, C_SCALE, k, 1, &e)) > 0 &&
        bcx_lex_find2(c, C_NOUN, k, 1, NULL) < n) {
        scale = e->val;
        k += n;
    }
    size_t end = k;
    noun = noun_after(c, k, lim, &noun_end);
    if (noun == 0) { /* "Het aantal reizigers ... steeg van 1,2 miljoen" */
        size_t at = 0;
        noun = noun_before(c, si, i, &at, &noun_end);
        tied = noun != 0 && counter_repeats(c, si, k, at);
        if (noun == 0)
            tied = (noun = counter_noun_before(c, si, i, k, &noun_end, &bare, &aside_end)) != 0;
        inferred = noun != 0;
    }
    if (noun == 0 && bare)
        c->out->unmeasured_counts++; /* "dat 1,2 trieu luot" of nothing read: counted */
    if (noun == 0)
        return 0;
    if (!noun_metric(c, si, noun, i, noun_end, &metric, &unit, &bridge)) {
        c->out->unmeasured_counts++; /* counted, never dropped silently */
        return 0;
    }
    if (!inferred)
        end = noun_end;
    int rate = per_day(c, si, lead, end, noun_end, inferred ? noun_end - 1 : lead, unit);
    if (rate == PER_OTHER || (rate && (metric = daily_metric(metric)) == NULL) ||
        (bridge && !rate)) {
        c->out->unmeasured_counts++;
        return 0; /* a rate is never a total */
    }
    bc_xfigure *f = bcx_new_figure(c);
    if (f == NULL)
        return 0;
    f->value = (scale > 1 && t->ambig ? t->num_alt : t->num) * scale;
    if (scale >= 1000)
        f->value = nearbyint(f->value); /* 3.85 million tonnes is 3850000, not 3.85 * 1e6 */
    copy_str(f->metric, sizeof f->metric, metric);
    copy_str(f->unit, sizeof f->unit, unit);
    copy_str(f->qualifier, sizeof f->qualifier, bcx_fig_qualifier(c, si, lead, end));
    f->target = bcx_range_has(c, c->se[si].t0, lead, C_QUAL_EXPECTED, -1) ||
                bcx_range_has(c, c->se[si].t0, lead, C_TARGET, -1);
    const xd *d = bcx_nearest_date(c, si, i, end, 0);
    if (rate && d != NULL && d->prec == 3)
        d = NULL; /* a daily rate is no count of one day ("已于9月18日签署…，日均通行…") */
    else if (!rate && (d == NULL || d->iso[0] == '-' || !count_period(c, si, d, lead, end))) {
        /* "2,140 vehicles were cleared yesterday, the highest figure this year": the day of
         * its own clause outweighs a time of another clause that is no period of it */
        const xd *day = day_told(c, si, lead, end);
        if (day != NULL)
            d = day;
    }
    /* "depuis le debut de l'annee", "so far this year": to the report's day */
    char ytd[24];
    size_t ys[2] = {0, 0};
    int running = bcx_year_to_date(c, si, lead, end, ytd, sizeof ytd, ys);
    if (!running && aside_end > 0) /* "luot nguoi ..., tinh tu dau nam den nay, dat ..." */
        running = bcx_year_to_date(c, si, aside_end - 1, end, ytd, sizeof ytd, ys);
    if (running && d != NULL && d->t0 >= ys[0] && d->t1 <= ys[1])
        d = NULL;
    if (d != NULL && d->iso[0] != '-' && count_period(c, si, d, lead, end)) {
        copy_str(f->period, sizeof f->period, d->iso);
        f->period_inferred = d->inferred;
    } else if (d == NULL && running) {
        copy_str(f->period, sizeof f->period, ytd);
        f->period_inferred = 1;
    }
    f->nparties = bcx_fig_parties(c, si, lead, end, f->parties, BC_X_MAX_PARTIES,
                                  &f->parties_pointed, &f->parties_partial);
    bcx_fig_country(c, si, lead, end, f);
    f->start = t->start;
    f->end = t->end;
    bcx_cite_add(&f->cite, c->se[si].qs, c->se[si].qe);
    /* a noun taken from before the number is a guess, unless the counter after the number
     * repeats its head ("luot nguoi ... dat hon 3,2 trieu luot"): that ties the number to it
     * as firmly as a noun right after it */
    f->confidence = 0.4 + (inferred && !tied ? 0.2 : 0.3) + (d ? 0.2 : 0) +
                    (f->nparties || f->parties_partial ? 0.1 : 0);
    return 1;
}

void bcx_fig_count_at(ctx *c, size_t si, size_t i)
{
    /* "between 1,000 and 1,200 trucks", "1.000–1.200 xe": the count read at its upper end
     * (whose noun it is), then made its two ends */
    bcx_range r;
    if (bcx_fig_count_range_at(c, si, i, &r)) {
        size_t n0 = c->out->nfigures;
        if (count_read(c, si, r.high, r.lead))
            bcx_fig_range_make(c, si, &r, n0);
        return;
    }
    if (count_read(c, si, i, i))
        bcx_fig_level_before(c, si, c->out->nfigures - 1);
}
