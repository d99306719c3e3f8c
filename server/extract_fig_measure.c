/* extract_fig_measure.c: what an amount of money measures (turnover, exports, imports,
 * investment, revenue, other) and whether it is a goal, from the cues around it: the
 * cue right after it, else the nearest before it in its clause, a thing's worth, spending
 * named after it, a restatement in another currency; used by bcx_find_figures
 * (extract_fig.c). */
#include "extract_int.h"

#include <string.h>

/* The tokens of a word joining two verb phrases at token p ("and", "et", "en", "och", "i",
 * "oraz", "va", "并"), 0 when none. */
size_t bcx_and_word(const ctx *c, size_t p, size_t lim)
{
    static const struct {
        unsigned lang;
        const char *w;
    } ands[] = {{L_EN, "and"}, {L_FR, "et"},   {L_NL, "en"}, {L_SV, "och"},
                {L_PL, "i"},   {L_PL, "oraz"}, {L_VI, "va"}, {L_ZH, "并"}};
    for (size_t k = 0; k < sizeof ands / sizeof ands[0]; k++) {
        size_t n;
        if ((ands[k].lang & c->lbit) && (n = bcx_words_at(c, p, lim, ands[k].w)) > 0)
            return n;
    }
    return 0;
}

/* 1 when, after the cue at token at, "and" opens another verb phrase about building or
 * upgrading before token lead ("visent 6 milliards de dollars d'echanges en 2025 et
 * accelerent la construction de la zone (2 800 milliards de dongs)"): the amount is what
 * that costs, not more of the cue's measure. */
int bcx_spend_after_and(const ctx *c, size_t at, size_t lead)
{
    for (size_t p = at + 1; p < lead; p++) {
        size_t n = bcx_and_word(c, p, lead);
        if (n == 0)
            continue;
        for (size_t q = p + n; q < lead && q < p + n + 4; q++)
            if (bcx_lex_find(c, C_SPEND, q, NULL) > 0)
                return 1;
    }
    return 0;
}

/* The cue of what money measures nearest before token lead, from token lo: scanned left
 * to right, longest phrase first, so "import-export" is turnover, not exports. A revenue
 * cue in the amount's own clause wins ("revenue from import-export activities"). Returns
 * MM_* (0 none) and the cue's first token in *at. */
int bcx_cue_before(const ctx *c, size_t lo, size_t lead, size_t *at)
{
    const bc_lex *e = NULL;
    int mm = 0, revenue = 0;
    size_t last = 0; /* the end of the last flow cue */
    for (size_t p = lo; p < lead;) {
        size_t n = bcx_lex_find(c, C_MONEY_CUE, p, &e);
        if (n > 0 && p + n <= lead && e->val == MM_GOODS) {
            /* goods exported or imported: the flow named before them in the clause */
            if ((mm != MM_EXPORTS && mm != MM_IMPORTS) || bcx_commas(c, *at, p) > 0) {
                mm = MM_TURNOVER;
                *at = p;
            }
            p += n;
        } else if (n > 0 && p + n <= lead && e->val == MM_COST) {
            /* what something cost: a flow's value when the flow is named before it in the
             * clause ("Importen av maskiner kostade"), else a project's cost */
            if ((mm != MM_EXPORTS && mm != MM_IMPORTS && mm != MM_TURNOVER) ||
                bcx_commas(c, *at, p) > 0) {
                mm = MM_INVEST;
                *at = p;
            }
            p += n;
        } else if (n > 0 && p + n <= lead && e->val == MM_WORTH) {
            /* what a thing is worth: the measure named before it in the clause or the
             * one before ("lo hang xuat khau gom 22 tan ca phe, tri gia"), else left to
             * worth_of */
            if (mm == 0 || bcx_commas(c, *at, p) > 1) {
                mm = MM_WORTH;
                *at = p;
            }
            p += n;
        } else if (n > 0 && p + n <= lead) {
            /* two flows joined by "and": both ways, turnover ("goods imported and
             * exported", "importeerde en exporteerde") */
            int v = (int)e->val;
            if (((v == MM_EXPORTS && mm == MM_IMPORTS) || (v == MM_IMPORTS && mm == MM_EXPORTS)) &&
                last < p && bcx_and_word(c, last, p) == p - last && bcx_commas(c, *at, p) == 0)
                v = MM_TURNOVER;
            else if (v == MM_TURNOVER && (mm == MM_EXPORTS || mm == MM_IMPORTS) && last == p &&
                     strstr(e->pat, "goods") != NULL)
                v = mm; /* "exported goods worth": the goods of that flow */
            else
                *at = p;
            mm = v;
            if (mm == MM_REVENUE)
                revenue = 1;
            p += n;
            last = p;
        } else {
            if (p + 1 < lead && (bcx_gap(c, p) & (G_COMMA | G_PAREN)))
                revenue = 0; /* a new clause */
            p++;
        }
    }
    return revenue ? MM_REVENUE : mm;
}

/* 1 when token p is a purpose link ("to", "for", "na", "pour", "de", "để", "用于")
 * followed within its clause by what money is spent on (C_SPEND): four words, or a
 * Chinese clause of up to sixteen characters. */
static int spend_after(const ctx *c, size_t p, size_t lim)
{
    static const char *const links[] = {"to",   "for", "on", "na",   "pour", "a",
                                        "dans", "de",  "om", "voor", "till", NULL};
    const bc_lex *e = NULL;
    size_t n = 0, span = 4;
    if (c->lbit == L_ZH) {
        if ((n = bcx_words_at(c, p, lim, "用于")) == 0 &&
            (n = bcx_words_at(c, p, lim, "用来")) == 0)
            return 0;
        span = 16;
    } else if (c->lbit == L_VI) {
        if ((n = bcx_words_at(c, p, lim, "de")) == 0 && (n = bcx_words_at(c, p, lim, "cho")) == 0)
            return 0;
    } else {
        for (int k = 0; links[k] && n == 0; k++)
            n = bcx_words_at(c, p, lim, links[k]);
        if (n == 0)
            return 0;
    }
    for (size_t q = p + n; q < lim && q < p + n + span; q++) {
        if (bcx_gap(c, q - 1) & (G_COMMA | G_DOT | G_PAREN))
            return 0;
        if (bcx_lex_find(c, C_SPEND, q, &e) > 0)
            return 1;
    }
    return 0;
}

/* A cue right after the amount: "49.5 million USD in turnover", "25.7 million USD in
 * imports", "5 milliards de dollars d'echanges", "出口额", "1,850 billion VND for the state
 * budget": at most three connecting words between, no comma, no other number. */
/* 1 when token p is a word linking an amount to its cue ("in", "of", "aan", "daarvan was") */
static int link_at(const ctx *c, size_t p, size_t lim)
{
    static const char *const links[] = {"in",  "of", "worth", "for", "total", "de",  "d",
                                        "des", "en", "w",     "i",   "av",    "van", "aan",
                                        "a",   "l",  "la",    "the", NULL};
    /* Dutch: "1,6 miljard dollar daarvan was Vietnamese export" */
    static const char *const nl[] = {"daarvan", "hiervan", "was", "waren", NULL};
    for (int k = 0; links[k]; k++)
        if (bcx_word_is(c, p, lim, links[k]))
            /* but "and" in Dutch ("en") and Polish ("i", "a"): "3 miljard dollar en de
             * import 2 miljard dollar" is no import */
            return !(
                (c->lbit == L_NL && strcmp(links[k], "en") == 0) ||
                (c->lbit == L_PL && (strcmp(links[k], "i") == 0 || strcmp(links[k], "a") == 0)));
    for (int k = 0; c->lbit == L_NL && nl[k]; k++)
        if (bcx_word_is(c, p, lim, nl[k]))
            return 1;
    return 0;
}

/* 1 when token p is one word that qualifies the cue right after it, after a link ("in
 * declared trade", "aan Vietnamese goederen"): no relative word ("of which exports" names a
 * part) and no break before the cue. */
static int qualifies_cue(const ctx *c, size_t p, size_t lim)
{
    static const char *const rel[] = {
        "which",   "whom",  "whose", "what",  "waarvan", "welke", "die",  "dat", "dont", "lesquels",
        "ktorych", "ktore", "varav", "vilka", "its",     "their", "zijn", "hun", NULL};
    if (p + 1 >= lim || (bcx_gap(c, p) & (G_COMMA | G_PAREN | G_DOT)) ||
        c->t[p + 1].kind != T_WORD || bcx_lex_find(c, C_MONEY_CUE, p + 1, NULL) == 0)
        return 0;
    for (int k = 0; rel[k]; k++)
        if (bcx_word_is(c, p, lim, rel[k]))
            return 0;
    return 1;
}

/* The flow a Dutch participle at token q names, an auxiliary before it aside ("(werden)
 * ingevoerd", "uitgevoerd", "in- en uitgevoerd"); 0 none. */
static int flow_participle(const ctx *c, size_t q, size_t lim)
{
    static const struct {
        const char *w;
        int mm;
    } verbs[] = {{"in en uitgevoerd", MM_TURNOVER}, {"uit en ingevoerd", MM_TURNOVER},
                 {"ingevoerd", MM_IMPORTS},         {"geimporteerd", MM_IMPORTS},
                 {"uitgevoerd", MM_EXPORTS},        {"geexporteerd", MM_EXPORTS}};
    if (bcx_word_is(c, q, lim, "werd") || bcx_word_is(c, q, lim, "werden") ||
        bcx_word_is(c, q, lim, "worden") || bcx_word_is(c, q, lim, "wordt"))
        q++;
    for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
        if (bcx_words_at(c, q, lim, verbs[k].w) > 0)
            return verbs[k].mm;
    return 0;
}

/* Dutch trade said "voor" an amount and a participle of a flow right after it that ends
 * its clause ("en voor 1 miljard dollar uitgevoerd"): that flow. 0 none. */
static int flow_for(const ctx *c, size_t si, size_t lo, size_t lead, size_t end)
{
    size_t lim = c->se[si].t1;
    if (c->lbit != L_NL || end >= lim || (bcx_gap(c, end - 1) & (G_COMMA | G_DOT | G_PAREN)))
        return 0;
    size_t k = bcx_past_qualifiers(c, lo, lead);
    if (k == 0 || k <= lo || !bcx_word_is(c, k - 1, lead, "voor"))
        return 0;
    int mm = flow_participle(c, end, lim);
    size_t n = 0;
    for (size_t q = end; mm != 0 && q < lim && q < end + 5; q++, n++)
        if (bcx_gap(c, q) & (G_COMMA | G_DOT | G_PAREN))
            return mm;
    return mm != 0 && end + n >= lim ? mm : 0;
}

/* A Dutch verb split around the amount: its stem before it in its clause, its particle
 * within six words after it ("voerde voor 3 miljard dollar aan fruit uit naar China",
 * "trekt 200 miljard dong uit voor de weg", "stak 1,5 miljard yuan in de haven", "maakt 300
 * miljoen yuan vrij voor", "gaf 2 miljard yuan uit aan wegen"): the particle ends the
 * clause or a preposition follows it (for "steken" any word may). */
static int split_verb(const ctx *c, size_t si, size_t lead, size_t end, int *plan)
{
    static const struct {
        const char *forms[4], *particle;
        int mm, free_after;
    } verbs[] = {
        {{"voerde", "voerden", "voert", "voeren"}, "uit", MM_EXPORTS, 0},
        {{"voerde", "voerden", "voert", "voeren"}, "in", MM_IMPORTS, 0},
        {{"trok", "trokken", "trekt", "trekken"}, "uit", MM_INVEST, 0},
        {{"stak", "staken", "steekt", "steken"}, "in", MM_INVEST, 1},
        {{"maakt", "maakte", "maakten", "maken"}, "vrij", MM_INVEST, 0},
        {{"geeft", "gaf", "gaven", "geven"}, "uit", MM_INVEST, 0},
    };
    static const char *const preps[] = {"naar", "voor", "in", "uit", "via", "aan", "om", NULL};
    size_t lim = c->se[si].t1, lo = c->se[si].t0;
    *plan = 0;
    if (c->lbit != L_NL)
        return 0;
    /* past a restatement in another currency: "trekt 460 miljoen yuan (ongeveer 68 miljoen
     * dollar) uit voor de weg", "stak 1.100 miljard dong, ongeveer 45 miljoen dollar, in" */
    end = bcx_past_restatement(c, si, end);
    for (size_t k = lo; k + 1 < lead; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN))
            lo = k + 1;
    for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
        int stem = 0;
        for (size_t k = lo; k < lead && !stem; k++)
            for (int f = 0; f < 4 && !stem; f++)
                stem = bcx_word_is(c, k, lead, verbs[v].forms[f]);
        for (size_t q = end; stem && q < lim && q < end + 6; q++) {
            if ((q > end && (bcx_gap(c, q - 1) & (G_COMMA | G_DOT | G_PAREN))) ||
                c->t[q].kind == T_NUM)
                break;
            if (!bcx_word_is(c, q, lim, verbs[v].particle))
                continue;
            int ok = verbs[v].free_after || q + 1 >= lim ||
                     (bcx_gap(c, q) & (G_COMMA | G_DOT | G_PAREN));
            for (int k = 0; preps[k] && !ok; k++)
                ok = bcx_word_is(c, q + 1, lim, preps[k]);
            /* money set aside ("trekt ... uit voor"): to be spent, as "uitgetrokken" */
            *plan = ok && v == 2;
            if (ok)
                return verbs[v].mm;
        }
    }
    return 0;
}

/* What goods that an amount ending at token end is worth were (the cue's end at token g):
 * a flow a Dutch verb after them names ("aan goederen in", "aan goederen uitgevoerd"), a flow
 * named before the amount in its clause ("exporteerde ... voor 24 miljoen dollar aan
 * goederen"), else turnover. */
static int goods_flow(const ctx *c, size_t si, size_t end, size_t g)
{
    size_t lim = c->se[si].t1, lo = c->se[si].t0, at = 0;
    if (c->lbit == L_NL && g < lim) {
        int mm = flow_participle(c, g, lim);
        if (mm != 0)
            return mm;
        /* a separable verb: "voerde ... aan goederen in", the particle ending the clause */
        int in = bcx_word_is(c, g, lim, "in"), out = bcx_word_is(c, g, lim, "uit");
        if ((in || out) && (g + 1 >= lim || (bcx_gap(c, g) & (G_COMMA | G_DOT | G_PAREN))))
            for (size_t k = lo; k < end; k++)
                if (bcx_words_at(c, k, end, "voerde") || bcx_words_at(c, k, end, "voerden") ||
                    bcx_words_at(c, k, end, "voert") || bcx_words_at(c, k, end, "voeren"))
                    return in ? MM_IMPORTS : MM_EXPORTS;
    }
    for (size_t k = lo; k + 1 < end; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_PAREN | G_DOT))
            lo = k + 1;
    int mm = bcx_cue_before(c, lo, end, &at);
    return mm == MM_EXPORTS || mm == MM_IMPORTS ? mm : MM_TURNOVER;
}

/* 1 when token p names a thing built or the building of it ("project", "expressway",
 * "upgrade"; English). */
static int built_after(const ctx *c, size_t p, size_t lim)
{
    static const char *const things[] = {"project", "projects", "expressway", "highway", "road",
                                         "bridge",  "railway",  "terminal",   NULL};
    for (int k = 0; things[k]; k++)
        if (bcx_word_is(c, p, lim, things[k]))
            return 1;
    return bcx_lex_find(c, C_SPEND, p, NULL) > 0;
}

/* bcx_cue_after, the end of its cue in *cue_end */
static int cue_after_at(const ctx *c, size_t si, size_t end, size_t *cue_end)
{
    const bc_lex *e = NULL;
    size_t lim = c->se[si].t1, start = end;
    int linked = 0, skipped = 0;
    /* the amount restated in brackets first: "45 miljoen yuan (circa 6,2 miljoen dollar)
     * investeren", "19,8 miljard yuan (ongeveer 2,7 miljard dollar) aan goederen" */
    if (end > 0 && end < lim && (bcx_gap(c, end - 1) & G_OPEN)) {
        size_t q = end;
        int num = 0;
        for (; q + 1 < lim && q < end + 8 && !(bcx_gap(c, q) & (G_CLOSE | G_OPEN | G_DOT)); q++)
            num = num || c->t[q].kind == T_NUM;
        num = num || c->t[q].kind == T_NUM;
        if (num && q + 1 < lim && (bcx_gap(c, q) & (G_CLOSE | G_COMMA | G_DOT | G_OPEN)) == G_CLOSE)
            start = q + 1;
    }
    for (size_t p = start; p < lim && p < start + 4; p++) {
        if (p > 0 && (p > start || start == end) &&
            (bcx_gap(c, p - 1) & (G_COMMA | G_PAREN | G_DOT)))
            return 0;
        if (c->t[p].kind != T_WORD)
            return 0;
        /* the particle of a Dutch verb before the amount ("stelt 40 miljoen yuan
         * beschikbaar voor de renovatie", "maakt ... vrij voor"): what follows it */
        if (c->lbit == L_NL && p == start && p + 1 < lim &&
            (bcx_word_is(c, p, lim, "vrij") || bcx_word_is(c, p, lim, "beschikbaar") ||
             bcx_word_is(c, p, lim, "opzij")))
            continue;
        size_t n = bcx_lex_find(c, C_MONEY_CUE, p, &e);
        if (n > 0 && e->val == MM_WORTH) { /* "5 million USD worth of goods" */
            p += n - 1;
            continue;
        }
        if (n > 0)
            *cue_end = p + n;
        if (n > 0)
            return e->val == MM_GOODS  ? goods_flow(c, si, end, p + n)
                   : e->val == MM_COST ? MM_INVEST
                                       : (int)e->val;
        /* "a US$90 million upgrade", "the VND14 trillion expressway": a thing built,
         * named right after the amount or one word on (English) */
        if (c->lbit == L_EN && p <= start + 1 && !linked && built_after(c, p, lim))
            return MM_INVEST;
        /* "25 million CNY to upgrade its yard", "300 mln juanow na rozbudowe": a purpose
         * of spending within a few words of a purpose link */
        if (spend_after(c, p, lim))
            return MM_INVEST;
        if (link_at(c, p, lim)) {
            linked = 1;
            continue;
        }
        /* (adjectives go after the noun in French and often in Polish: "de fruits frais"
         * are no fees) */
        if (!linked || skipped || !(c->lbit & (L_EN | L_NL | L_SV)) || !qualifies_cue(c, p, lim))
            return 0;
        skipped = 1;
    }
    return 0;
}

int bcx_cue_after(const ctx *c, size_t si, size_t end)
{
    size_t cue_end = end;
    return cue_after_at(c, si, end, &cue_end);
}

/* 1 when the amount at token lead follows a link after a noun of something built (a
 * qualifier between them): "een project van ruim 14.000 miljard dong", "de vrachtroute van
 * 174,7 miljard dong", "un chantier de 2.000 milliards de dongs", "ett projekt pa 2
 * miljarder kronor": what it costs. Dutch and Swedish nouns end compounds. */
static int built_of(const ctx *c, size_t lo, size_t lead)
{
    static const struct {
        unsigned lang;
        const char *link, *nouns[10];
    } built[] = {
        {L_NL,
         "van",
         {"project", "route", "weg", "brug", "lijn", "tunnel", "terminal", "station", "centrum",
          NULL}},
        {L_FR, "de", {"projet", "chantier", "autoroute", "pont", "terminal", NULL}},
        {L_FR, "d", {"projet", "chantier", "autoroute", "pont", "terminal", NULL}},
        {L_SV, "pa", {"projekt", "motorvag", "bro", "terminal", "jarnvag", NULL}},
    };
    const bc_lex *e = NULL;
    size_t k = lead;
    for (int q = 0; q < 2 && k > lo; q++) {
        size_t a = SIZE_MAX;
        for (int cls = C_QUAL_OVER; cls <= C_QUAL_UNDER && a == SIZE_MAX; cls++)
            a = bcx_lex_ending(c, cls, lo, k, &e);
        if (a == SIZE_MAX)
            break;
        k = a;
    }
    if (k < lo + 2 || c->t[k - 2].kind != T_WORD ||
        (bcx_gap(c, k - 2) & (G_COMMA | G_PAREN | G_DOT)))
        return 0;
    const tok *t = &c->t[k - 2];
    for (size_t b = 0; b < sizeof built / sizeof built[0]; b++) {
        if (!(built[b].lang & c->lbit) || !bcx_word_is(c, k - 1, lead, built[b].link))
            continue;
        for (int q = 0; built[b].nouns[q]; q++) {
            size_t n = strlen(built[b].nouns[q]);
            if (c->lbit == L_FR
                    ? bcx_word_is(c, k - 2, lead, built[b].nouns[q])
                    : t->fl >= n && memcmp(TXT(c, k - 2) + t->fl - n, built[b].nouns[q], n) == 0)
                return 1;
        }
    }
    return 0;
}

/* Dutch puts the verb last: "heeft 300 miljoen yuan voor het project uitgetrokken", "die
 * 5 miljard dong aan heffingen geind": a word of spending, cost or collection that ends the
 * amount's clause within six words after it (token end), no number between, or that is
 * an infinitive with "te" there, whatever follows it ("om 1,2 miljard yuan te investeren
 * in een centrum", "800 miljoen yuan te zullen uittrekken voor een zone"). MM_* or 0;
 * *inf 1 for the infinitive (what is to be spent: a plan). */
static int cue_last(const ctx *c, size_t si, size_t end, int *inf)
{
    const bc_lex *e = NULL;
    size_t lim = c->se[si].t1;
    int te = 0;
    *inf = 0;
    if (c->lbit != L_NL)
        return 0;
    for (size_t k = end; k < lim && k < end + 6; k++) {
        if ((k > end && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN))) ||
            c->t[k].kind != T_WORD)
            return 0;
        size_t n = bcx_lex_find(c, C_MONEY_CUE, k, &e);
        if (n > 0 &&
            (te || k + n >= lim || (bcx_gap(c, k + n - 1) & (G_COMMA | G_DOT | G_PAREN))) &&
            (e->val == MM_INVEST || e->val == MM_COST || e->val == MM_REVENUE)) {
            *inf = te && e->val == MM_INVEST;
            return e->val == MM_COST ? MM_INVEST : (int)e->val;
        }
        te = te || bcx_word_is(c, k, lim, "te");
    }
    return 0;
}

int bcx_plan_infinitive(const ctx *c, size_t si, size_t lead, size_t end)
{
    int inf = 0;
    if (cue_last(c, si, end, &inf) == MM_INVEST && inf)
        return 1;
    if (bcx_nl_spend_after(c, si, end, &inf) == MM_INVEST && inf == 1)
        return 1;
    /* a bare infinitive after "gaat", "gaan" in the amount's clause: "Yunnan gaat 3 miljard
     * yuan investeren in" (what it is going to spend) */
    if (inf == 2) {
        size_t own = c->se[si].t0;
        for (size_t k = own; k + 1 < lead; k++)
            if (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN))
                own = k + 1;
        for (size_t k = own; k < lead; k++)
            if (bcx_word_is(c, k, lead, "gaat") || bcx_word_is(c, k, lead, "gaan"))
                return 1;
    }
    return split_verb(c, si, lead, end, &inf) == MM_INVEST && inf;
}

/* What a thing worth the amount at tokens [lead, end) is (MM_WORTH with no measure before
 * it in its clause): a project's cost when building or upgrading is named in its clause
 * ("rozbudowe wartego 86 mln juanow parkingu") or right after it, else other (equipment
 * handed over, fruit shipped). */
static int worth_of(const ctx *c, size_t si, size_t lo, size_t lead, size_t end)
{
    /* "the project is worth": its cost, or its output, the words do not say */
    static const char *const project[] = {"project", "projet", "projekt", "du an", "项目", NULL};
    size_t from = lo;
    for (size_t k = lo; k + 1 < lead; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_PAREN | G_DOT))
            from = k + 1;
    if (bcx_range_has(c, from, lead, C_SPEND, -1))
        return MM_INVEST;
    for (size_t k = from; k < lead; k++)
        for (int q = 0; project[q]; q++)
            if (bcx_words_at(c, k, lead, project[q]) > 0)
                return 0;
    /* a structure it is the worth of, in its clause or just before it ("The logistics
     * centre, worth 2 billion yuan, opened"): what it cost */
    static const char *const built[] = {"centre",     "center",    "road",    "bridge",
                                        "expressway", "highway",   "railway", "terminal",
                                        "warehouse",  "brug",      "snelweg", "spoorlijn",
                                        "pont",       "autoroute", NULL};
    for (size_t k = from > lo + 3 ? from - 3 : lo; k < lead; k++)
        for (int q = 0; built[q]; q++)
            if (bcx_word_is(c, k, lead, built[q]))
                return MM_INVEST;
    for (size_t k = end; k < c->se[si].t1 && k < end + 3; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_PAREN | G_DOT))
            break;
        if (bcx_lex_find(c, C_SPEND, k, NULL) > 0)
            return MM_INVEST;
    }
    return MM_OTHER;
}

const char *bcx_mm_name(int mm)
{
    static const char *const names[] = {"",           "trade_turnover", "exports", "imports",
                                        "investment", "budget_revenue", "other"};
    return mm >= 0 && mm <= MM_OTHER ? names[mm] : "";
}

/* 1 when the amount at token lead restates the amount before it (ending before token
 * lo) in another currency: "213.6亿元人民币（约合29.7亿美元）", "7 200 mld VND (ok. 283 mln
 * USD)", "1,4 billion yuan, or $200 million". */
int bcx_is_conversion(const ctx *c, size_t lo, size_t lead, const bc_xfigure *prev,
                      const char *unit)
{
    if (prev == NULL || lead < lo || lo == 0)
        return 0;
    /* "达38.6亿元人民币，同比增长12.5%，约合5.4亿美元", "reached 2 billion USD, up 9 percent,
     * equivalent to about 46 trillion VND": a restating word right before the amount (a
     * qualifier between them) after the amount's growth, in another currency, measuring
     * nothing of its own */
    if (lead - lo > 4) {
        const bc_lex *e = NULL;
        size_t q = bcx_lex_ending(c, C_QUAL_ABOUT, lo, lead, NULL);
        size_t at = bcx_lex_ending(c, C_CONVERT, lo, q != SIZE_MAX ? q : lead, &e);
        /* not a short, common word ("or", "合") this far from the amount it restates */
        if (!(lead - lo <= 16 && at != SIZE_MAX && at > lo && strlen(e->pat) > 3 &&
              strcmp(prev->unit, unit) != 0 && (bcx_gap(c, at - 1) & G_COMMA) &&
              bcx_commas(c, lo, at) <= 2 && !prev->rate && !prev->change_amount))
            return 0;
        if (!bcx_range_has(c, lo, lead, C_MONEY_CUE, -1))
            return 1;
        /* "8.000 miljard dong aan heffingen op in- en uitvoer, omgerekend circa 320 miljoen
         * euro": the words between are what the amount before measures (its own cue right
         * after it, no other number), the restating clause names nothing */
        size_t cue_end = lo;
        if (bcx_range_has(c, at, lead, C_MONEY_CUE, -1) ||
            cue_after_at(c, c->t[lead].sent, lo, &cue_end) == 0)
            return 0;
        for (size_t k = lo; k < at; k++)
            if (c->t[k].kind == T_NUM)
                return 0;
        return 1;
    }
    for (size_t k = lo - 1; k < lead; k++)
        if (bcx_gap(c, k) & G_OPEN)
            return 1;
    return bcx_range_has(c, lo, lead, C_CONVERT, -1) &&
           !bcx_range_has(c, lo, lead, C_MONEY_CUE, -1);
}

/* 1 when flow f (exports or imports) follows the other flow in its sentence ("exports
 * reached 1.16 billion USD and imports 940 million USD"): an amount after both that names
 * no measure ("Lao Cai alone accounted for $1.4 billion") is not one of them. */
static int other_flow_beside(const ctx *c, const bc_xfigure *f)
{
    if (f == c->out->figures || f->cite.nquotes == 0)
        return 0;
    const bc_xfigure *g = f - 1;
    const char *other = strcmp(f->metric, "exports") == 0 ? "imports" : "exports";
    return g->money && g->cite.nquotes > 0 && g->cite.q[0].start == f->cite.q[0].start &&
           strcmp(g->metric, other) == 0;
}

/* 1 when a word of tourism follows the amount ending before token end in its clause
 * ("earned 200 billion VND from tourism"), within four words. */
static int tourism_after(const ctx *c, size_t si, size_t end)
{
    static const char *const stems[] = {"touris", "toeris", "turys", "turis", NULL};
    size_t lim = c->se[si].t1;
    for (size_t k = end; k < lim && k < end + 4; k++) {
        if (k > end && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN)))
            return 0;
        for (int q = 0; stems[q]; q++)
            if (c->t[k].kind == T_WORD && c->t[k].fl >= strlen(stems[q]) &&
                memcmp(TXT(c, k), stems[q], strlen(stems[q])) == 0)
                return 1;
    }
    return 0;
}

/* The flow a word at token p names by its stem ("exports", "uitvoer", "eksport"), 0 none. */
static int flow_word(const ctx *c, size_t p)
{
    static const struct {
        const char *stem;
        int mm;
    } stems[] = {{"export", MM_EXPORTS},
                 {"uitvoer", MM_EXPORTS},
                 {"eksport", MM_EXPORTS},
                 {"import", MM_IMPORTS},
                 {"invoer", MM_IMPORTS}};
    if (p >= c->nt || c->t[p].kind != T_WORD)
        return 0;
    for (size_t k = 0; k < sizeof stems / sizeof stems[0]; k++)
        if (c->t[p].fl >= strlen(stems[k].stem) &&
            memcmp(TXT(c, p), stems[k].stem, strlen(stems[k].stem)) == 0)
            return stems[k].mm;
    return 0;
}

/* The measure of the amount at token lead (figure f) in a list said "respectively" ("Exports
 * and imports stood at 3 billion and 2 billion USD respectively", "出口和进口分别为..."): the
 * k-th measure named before the sentence's first amount for its k-th amount; 0 when the
 * sentence says no such word or names fewer than two measures, or too few. */
static int respective(const ctx *c, size_t si, size_t lead, const bc_xfigure *f)
{
    static const char *const words[] = {"respectively",   "respectievelijk",
                                        "respectivement", "odpowiednio",
                                        "respektive",     "分别",
                                        "lan luot",       NULL};
    size_t t0 = c->se[si].t0, lim = c->se[si].t1, first = lead;
    int said = 0;
    for (size_t k = t0; k < lim && !said; k++)
        for (int q = 0; words[q] && !said; q++)
            said = bcx_words_at(c, k, lim, words[q]) > 0;
    if (!said)
        return 0;
    int nth = 0; /* the amounts of the sentence before f */
    for (const bc_xfigure *g = c->out->figures; g < f; g++)
        if (g->money && !g->conversion && !g->rate && !g->change_amount && g->cite.nquotes > 0 &&
            g->cite.q[0].start == c->se[si].qs)
            nth++;
    for (size_t k = t0; k < lead; k++)
        if (c->t[k].used == U_FIG) {
            first = k;
            break;
        }
    int cues[8], n = 0;
    const bc_lex *e = NULL;
    for (size_t p = t0; p < first && n < 8;) {
        size_t m = bcx_lex_find(c, C_MONEY_CUE, p, &e);
        size_t q = p + 1;
        while (m > 1 && q < p + m && bcx_and_word(c, q, p + m) == 0)
            q++;
        if (m > 1 && q < p + m && e->val == MM_TURNOVER && flow_word(c, p) &&
            flow_word(c, q + bcx_and_word(c, q, p + m)) && n + 2 <= 8) {
            /* "exports and imports ... respectively": two measures, not the turnover */
            cues[n++] = flow_word(c, p);
            cues[n++] = flow_word(c, q + bcx_and_word(c, q, p + m));
            p += m;
        } else if (m > 0 && p + m <= first && e->val != MM_WORTH && e->val != MM_GOODS &&
                   e->val != MM_COST) {
            cues[n++] = (int)e->val;
            p += m;
        } else {
            p++;
        }
    }
    return n >= 2 && nth < n ? cues[nth] : 0;
}

/* 1 when the sentence says after the amount ending before token end how it is paid for
 * ("estimated at VND2.15 trillion, or $90 million, to be funded from the State's plan"):
 * within twelve words. */
static int funded_after(const ctx *c, size_t si, size_t end)
{
    static const char *const paid[] = {"funded",       "financed",    "gefinancierd", "finance",
                                       "financee",     "finances",    "financees",    "funding",
                                       "sfinansowana", "finansowana", "finansieras",  NULL};
    size_t lim = c->se[si].t1;
    for (size_t k = end; k < lim && k < end + 12; k++)
        for (int q = 0; paid[q]; q++)
            if (bcx_word_is(c, k, lim, paid[q]))
                return 1;
    return 0;
}

/* 1 when a noun of a goal follows the amount ending before token end ("the 5 billion USD
 * target", "向50亿美元目标迈进", "het doel"): the amount is the goal. */
static int goal_noun_after(const ctx *c, size_t si, size_t end)
{
    static const char *const goals[] = {"target",   "goal",     "目标",  "doel", "streefcijfer",
                                        "objectif", "muc tieu", "malet", NULL};
    size_t lim = c->se[si].t1;
    if (end == 0 || end >= lim || (bcx_gap(c, end - 1) & (G_COMMA | G_DOT | G_PAREN)))
        return 0;
    if (c->lbit == L_ZH && bcx_words_at(c, end, lim, "的") > 0)
        end++;
    for (int k = 0; goals[k]; k++)
        if (bcx_words_at(c, end, lim, goals[k]) > 0)
            return 1;
    return 0;
}

/* What an amount of money starting at token lead and ending before token end measures,
 * and whether it is a goal: the cue right after it, else the nearest before it since the
 * previous amount of the sentence (from token lo). */
int bcx_money_measure(const ctx *c, size_t si, size_t lo, size_t lead, size_t end, bc_xfigure *f,
                      const bc_xfigure *prev, const bc_xfigure *back)
{
    size_t at = lead;
    if (bcx_is_conversion(c, lo, lead, prev, f->unit)) {
        /* the same amount in another currency: the same measure, period and change */
        f->conversion = 1;
        memcpy(f->metric, prev->metric, sizeof f->metric);
        f->metric_inferred = prev->metric_inferred;
        f->target = prev->target;
        memcpy(f->period, prev->period, sizeof f->period);
        f->period_inferred = prev->period_inferred;
        return 0;
    }
    int mm = respective(c, si, lead, f);
    if (mm == 0 && bcx_invest_governs(c, lo, lead))
        mm = MM_INVEST; /* "plans to invest about 450 billion VND ... in a goods yard" */
    if (mm == 0)
        mm = bcx_cue_after(c, si, end);
    int inf = 0;
    if (mm == 0)
        mm = cue_last(c, si, end, &inf);
    if (mm == 0)
        mm = bcx_nl_spend_after(c, si, end, &inf);

    if (mm == 0)
        mm = flow_for(c, si, lo, lead, end);
    if (mm == 0)
        mm = split_verb(c, si, lead, end, &inf);
    /* the cue right after the amount before is that amount's: "voor 24,2 miljoen dollar aan
     * goederen, buurprovincie Dien Bien voor amper 5,5 miljoen dollar" */
    size_t from_lo = lo, prev_cue = lo;
    if (prev != NULL && !prev->rate && !prev->change_amount && lo > 0 && lo < lead &&
        cue_after_at(c, si, lo, &prev_cue) != 0 && prev_cue > lo && prev_cue <= lead)
        from_lo = prev_cue;
    if (mm == 0 && built_of(c, from_lo, lead))
        mm = MM_INVEST;
    if (mm == 0)
        mm = bcx_cue_before(c, from_lo, lead, &at);
    if (mm == 0) /* "Some 200 billion VND has gone into roads": no cue before it */
        mm = bcx_en_spend_after(c, si, end);
    mm = bcx_kind_after(c, si, lead, end, mm);
    /* "welcomed 185,000 Chinese visitors and earned 410 billion VND from them": money a
     * sentence about tourists names no measure for is what they brought, not trade */
    if (mm == 0 &&
        (bcx_range_has(c, c->se[si].t0, lead, C_NOUN, N_TOURIST) || tourism_after(c, si, end)))
        mm = MM_OTHER;
    /* "Tourists spent 300 billion VND": what visitors spend is no investment */
    size_t own = c->se[si].t0;
    for (size_t k = own; k + 1 < lead; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN))
            own = k + 1;
    if (mm == MM_INVEST && bcx_range_has(c, own, lead, C_NOUN, N_TOURIST))
        mm = MM_OTHER;
    int worth = mm == MM_WORTH;
    if (worth)
        mm = worth_of(c, si, lo, lead, end);
    mm = bcx_kind_recast(c, si, lo, lead, end, mm, prev, back);
    /* "exporters signed deals worth $95m": a commitment of other money, not trade; with
     * nothing else named, only a deal's noun says so ("signed a 90 million USD credit line"
     * is no deal's value) */
    int deal = (mm == 0 || mm == MM_TURNOVER || mm == MM_EXPORTS || mm == MM_IMPORTS ||
                mm == MM_GOODS || (worth && mm == MM_OTHER)) &&
               bcx_deal_value(c, si, lo, lead, end, mm != 0);
    if (deal)
        mm = MM_OTHER;
    if (mm != 0 && mm != MM_INVEST && at < lead && bcx_spend_after_and(c, at, lead))
        mm = MM_INVEST;
    /* the same after the amount before and its own cue ("visent 4 milliards de dollars
     * d'echanges en 2026 et accelerent l'amenagement du parc (1.500 milliards de dongs)") */
    if (mm == 0 && from_lo > lo && bcx_spend_after_and(c, from_lo - 1, lead))
        mm = MM_INVEST;
    /* "la construction du pont, dont la partie vietnamienne est estimee a 180 milliards":
     * an estimate, with nothing named to measure, of what building costs */
    if (mm == 0 && bcx_range_has(c, lo, lead, C_ESTIMATE, -1) &&
        (bcx_range_has(c, lo, lead, C_SPEND, -1) || funded_after(c, si, end)))
        mm = MM_INVEST;
    copy_str(f->metric, sizeof f->metric, bcx_mm_name(mm));
    f->target = deal || ((bcx_range_has(c, lo, lead, C_TARGET, -1) ||
                          bcx_range_has(c, lo, lead, C_QUAL_EXPECTED, -1)) &&
                         !bcx_goal_behind_clause(c, lo, lead));
    /* "a target of 4.5 billion USD in 2024 and 9 billion USD in 2025": an amount that
     * follows a goal closely, with no word of its own, is a goal too */
    if (!f->target && prev != NULL && prev->target && mm == 0 && lead - lo <= 6)
        f->target = 1;
    if (!f->target && goal_noun_after(c, si, end))
        f->target = 1;
    /* no word of its own: the measure of the amount before it in the sentence ("reached X
     * in 2024, while in the first nine months it reached Y"), else of back, the figure the
     * sentence continues (see money_at); marked inferred. Otherwise none: "Some 2.5 million
     * USD was spent on 14 scanners" after a revenue is no revenue. Returns 1 when the
     * measure is back's. */
    if (mm == 0) {
        const bc_xfigure *from = prev != NULL && prev->metric[0] ? prev : back;
        /* a goal that points back ("raise the figure to"), that a figure before it is to
         * exceed ("objectif de depasser les 4 milliards", "cel przekroczenie 600 mln USD")
         * or that goes on about it ("The province aims to reach 6 billion USD"), across
         * the paragraph break: the last measured amount of the two sentences before */
        int points_back = bcx_sent_has(c, si, C_BACKREF, -1) ||
                          strcmp(bcx_fig_qualifier(c, si, lead, end), "over") == 0 ||
                          bcx_fig_goes_on(c, si, lo, lead);
        for (size_t k = c->out->nfigures - 1; from == NULL && f->target && points_back && k > 0;
             k--) {
            const bc_xfigure *g = &c->out->figures[k - 1];
            if (si >= 2 && g->cite.nquotes > 0 && g->cite.q[0].start < c->se[si - 2].qs)
                break;
            if (g->money && g->metric[0] && !g->metric_inferred && !g->target)
                from = g;
        }
        /* a goal after a turnover and its parts ("Exports accounted for 2.1 billion USD of
         * that amount and imports for 3.7 billion USD. Our goal is 7 billion USD") is the
         * whole's; an outcome right after a flow's amount in its own sentence is more of
         * that flow ("Les exportations se sont elevees a 1,2 M$ pour X et a 1,4 milliard
         * de dollars au total"), never the turnover of the sentence before */
        if (from != NULL && (from != prev || f->target) &&
            (from != back || other_flow_beside(c, from)) &&
            (strcmp(from->metric, "exports") == 0 || strcmp(from->metric, "imports") == 0))
            for (const bc_xfigure *g = from; g > c->out->figures; g--) {
                const bc_xfigure *h = g - 1;
                if (si >= 2 && h->cite.nquotes > 0 && h->cite.q[0].start < c->se[si - 2].qs)
                    break;
                if (h->money && !h->target && strcmp(h->metric, "trade_turnover") == 0) {
                    from = h;
                    break;
                }
            }
        /* or, with no turnover near, the sum of both flows told in the two sentences
         * before ("De uitvoer ... De invoer ... Daarmee staat de teller op 80 procent van
         * het jaardoel van 300 miljoen dollar") */
        if (from != NULL && f->target &&
            (strcmp(from->metric, "exports") == 0 || strcmp(from->metric, "imports") == 0) &&
            bcx_both_flows_told(c, si)) {
            copy_str(f->metric, sizeof f->metric, "trade_turnover");
            f->metric_inferred = 1;
            return 0;
        }
        if (from != NULL && from->metric[0]) {
            memcpy(f->metric, from->metric, sizeof f->metric);
            f->metric_inferred = 1;
            return from == back;
        }
    }
    return 0;
}
