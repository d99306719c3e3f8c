/* extract_fig_kind.c: classes of phrasing that tell what an amount of money measures
 * against the cue nearest to it: a verb of investing that governs the amount, money put
 * "into" something, a flow it came "from", goods sent to China, the worth of contraband,
 * and a part of a revenue or an investment; used by bcx_money_measure
 * (extract_fig_measure.c). */
#include "extract_int.h"

#include <string.h>

size_t bcx_past_qualifiers(const ctx *c, size_t lo, size_t lead)
{
    size_t k = lead;
    for (int q = 0; q < 2 && k > lo; q++) {
        size_t a = SIZE_MAX;
        for (int cls = C_QUAL_OVER; cls <= C_QUAL_UNDER && a == SIZE_MAX; cls++)
            a = bcx_lex_ending(c, cls, lo, k, NULL);
        if (a == SIZE_MAX)
            break;
        k = a;
    }
    return k;
}

/* The token before the amount at token lead, past up to two qualifiers ("about", "ruim",
 * "hơn", "约"), no clause break between; SIZE_MAX when none after token lo. */
static size_t before_qualifiers(const ctx *c, size_t lo, size_t lead)
{
    size_t k = bcx_past_qualifiers(c, lo, lead);
    if (k <= lo || (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN)))
        return SIZE_MAX;
    return k;
}

int bcx_invest_governs(const ctx *c, size_t lo, size_t lead)
{
    const bc_lex *e = NULL;
    size_t k = before_qualifiers(c, lo, lead);
    if (k == SIZE_MAX)
        return 0;
    size_t a = bcx_lex_ending(c, C_MONEY_CUE, lo, k, &e);
    return a != SIZE_MAX && e != NULL && e->val == MM_INVEST;
}

/* 1 when the folded word at token p starts with one of stems. */
static int stem_at(const ctx *c, size_t p, const char *const *stems)
{
    if (p >= c->nt || c->t[p].kind != T_WORD)
        return 0;
    for (int k = 0; stems[k]; k++) {
        size_t n = strlen(stems[k]);
        if (c->t[p].fl >= n && memcmp(TXT(c, p), stems[k], n) == 0)
            return 1;
    }
    return 0;
}

size_t bcx_past_restatement(const ctx *c, size_t si, size_t end)
{
    size_t lim = c->se[si].t1;
    if (end == 0 || end >= lim || !(bcx_gap(c, end - 1) & (G_COMMA | G_OPEN)))
        return end;
    int num = 0;
    for (size_t q = end; q + 1 < lim && q < end + 7; q++) {
        if (c->t[q].kind == T_NUM)
            num = 1;
        else if (c->t[q].kind != T_WORD)
            return end;
        else if (bcx_lex_find(c, C_MONEY_CUE, q, NULL) > 0)
            return end;
        unsigned g = bcx_gap(c, q);
        if (g & G_DOT)
            return end;
        if (g & (G_COMMA | G_CLOSE))
            return num && bcx_lex_ending(c, C_CURRENCY, end, q + 1, NULL) != SIZE_MAX ? q + 1 : end;
    }
    return end;
}

/* 1 when a verb of putting money (per language; stems for French, Swedish and Polish,
 * words elsewhere) stands in the clause of the amount at token lead, before it. */
static int put_verb_before(const ctx *c, size_t si, size_t lead)
{
    static const struct {
        unsigned lang;
        int stem;
        const char *w[32];
    } verbs[] = {
        {L_EN, 0, {"put",        "puts",      "putting",   "sank",     "sunk",     "sink",
                   "sinks",      "sinking",   "ploughed",  "plowed",   "plough",   "plow",
                   "channelled", "channeled", "channel",   "channels", "injected", "inject",
                   "injects",    "injecting", "funnelled", "funneled", "pumped",   "pump",
                   "pumps",      "poured",    "pour",      "pours",    NULL}},
        {L_FR, 1, {"inject", "englout", NULL}},
        {L_NL, 0, {"pompte", "pompten", "pompt", "pompen", NULL}},
        {L_SV, 1, {"pumpa", "plojde", "plojer", NULL}},
        {L_PL, 1, {"wpompow", "wlozyl", "wlozy", NULL}},
        {L_VI, 0, {"bo ra", "rot", NULL}},
    };
    size_t own = c->se[si].t0;
    for (size_t k = own; k + 1 < lead; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN))
            own = k + 1;
    for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++) {
        if (!(verbs[v].lang & c->lbit))
            continue;
        for (size_t k = own; k < lead; k++)
            for (int w = 0; verbs[v].w[w]; w++)
                if (verbs[v].stem ? stem_at(c, k, (const char *const[]){verbs[v].w[w], NULL})
                                  : bcx_words_at(c, k, lead, verbs[v].w[w]) > 0)
                    return 1;
    }
    return 0;
}

/* Money put into something: a verb of putting before the amount in its clause and the
 * preposition of "into" right after it ("has put 65 million yuan into roads", "a injecté
 * 300 millions de yuans dans", "pompte 300 miljoen yuan in", "wpompowała 300 mln juanów
 * w", "rot 300 ty dong vao"; a Vietnamese purpose of building will do: "bo ra 300 ty dong
 * xay dung"), or a Dutch participle of putting or spending after it, a preposition next
 * ("is ... 600 miljard dong gestoken in wegen", "besteed aan"); not into the budget or any
 * other revenue. */
static int put_into(const ctx *c, size_t si, size_t lead, size_t end)
{
    static const struct {
        unsigned lang;
        const char *prep;
    } into[] = {{L_EN, "into"}, {L_FR, "dans"}, {L_NL, "in"}, {L_SV, "i"},
                {L_PL, "w"},    {L_PL, "we"},   {L_VI, "vao"}};
    static const char *const part[] = {"gestoken",   "gepompt",      "geinvesteerd", "besteed",
                                       "uitgegeven", "uitgetrokken", "vrijgemaakt",  NULL};
    static const char *const preps[] = {"in", "aan", "voor", NULL};
    size_t lim = c->se[si].t1, q = bcx_past_restatement(c, si, end);
    if (q >= lim || (q == end && end > 0 && (bcx_gap(c, end - 1) & (G_COMMA | G_DOT | G_PAREN))))
        return 0;
    size_t after = SIZE_MAX;
    for (size_t k = 0; k < sizeof into / sizeof into[0] && after == SIZE_MAX; k++)
        if ((into[k].lang & c->lbit) && bcx_word_is(c, q, lim, into[k].prep))
            after = q + 1;
    if (after == SIZE_MAX && c->lbit == L_VI && bcx_lex_find(c, C_SPEND, q, NULL) > 0)
        after = q;
    if (after != SIZE_MAX && !put_verb_before(c, si, lead))
        after = SIZE_MAX;
    if (after == SIZE_MAX && c->lbit == L_NL) {
        for (size_t k = q; k < lim && k < q + 2 && after == SIZE_MAX; k++) {
            for (int w = 0; part[w] && after == SIZE_MAX; w++)
                if (bcx_word_is(c, k, lim, part[w]) && k + 1 < lim &&
                    !(bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN)))
                    for (int p = 0; preps[p] && after == SIZE_MAX; p++)
                        if (bcx_word_is(c, k + 1, lim, preps[p]))
                            after = k + 2;
            if (k + 1 < lim && (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN)))
                break;
        }
    }
    if (after == SIZE_MAX || after >= lim)
        return 0;
    /* "into the state budget": revenue, not a sum spent; "in het eerste kwartaal", "vao nam
     * 2024": a time, not a thing */
    static const int times[] = {C_MONTH,     C_MONTHS,    C_QUARTERS,  C_HALF,
                                C_THIS_YEAR, C_LAST_YEAR, C_NEXT_YEAR, C_YEAR_WORD};
    const bc_lex *e = NULL;
    for (size_t k = after; k < lim && k < after + 3; k++) {
        if ((bcx_lex_find(c, C_MONEY_CUE, k, &e) > 0 && e->val == MM_REVENUE) ||
            c->t[k].kind != T_WORD || c->t[k].used == U_DATE)
            return 0;
        for (size_t t = 0; t < sizeof times / sizeof times[0]; t++)
            if (bcx_lex_find(c, times[t], k, NULL) > 0)
                return 0;
    }
    return 1;
}

/* The flow (MM_EXPORTS or MM_IMPORTS) a word at token p names by its stem, 0 none; not
 * one of two flows ("import-export", "export en import"), which is turnover. */
static int one_flow_at(const ctx *c, size_t p, size_t lim)
{
    static const char *const ex[] = {"export", "uitvoer", "eksport", NULL};
    static const char *const im[] = {"import", "invoer", NULL};
    int mm = 0;
    if (stem_at(c, p, ex))
        mm = MM_EXPORTS;
    else if (stem_at(c, p, im))
        mm = MM_IMPORTS;
    else if (c->lbit == L_VI && bcx_words_at(c, p, lim, "xuat khau") > 0)
        return bcx_words_at(c, p + 2, lim, "nhap khau") > 0 ? 0 : MM_EXPORTS;
    else if (c->lbit == L_VI && bcx_words_at(c, p, lim, "nhap khau") > 0)
        return bcx_words_at(c, p + 2, lim, "xuat khau") > 0 ? 0 : MM_IMPORTS;
    if (mm == 0)
        return 0;
    /* the other flow next, joined or after "and" */
    size_t q = p + 1, n = q < lim ? bcx_and_word(c, q, lim) : 0;
    if (q < lim && (stem_at(c, q, ex) || stem_at(c, q, im)))
        return 0;
    if (n > 0 && q + n < lim && (stem_at(c, q + n, ex) || stem_at(c, q + n, im)))
        return 0;
    return mm;
}

/* A flow the amount came from, named right after it ("110 million USD from exports",
 * "kwam 110 miljoen dollar uit export", "z eksportu", "fran exporten", "tu xuat khau"):
 * that flow, one word between at most; 0 none. */
static int from_flow(const ctx *c, size_t si, size_t end)
{
    static const char *const from[] = {"from", "uit", "fran",         "z",
                                       "ze",   "tu",  "provenant de", NULL};
    /* a verb of coming between ("40 million USD came from imports") */
    static const char *const came[] = {"came", "comes",  "come",       "kwam",     "kwamen", "komt",
                                       "kom",  "kommer", "pochodzilo", "pochodzi", NULL};
    static const char *const flows[] = {"export", "uitvoer", "eksport", "import",
                                        "invoer", "xuat",    "nhap",    NULL};
    size_t lim = c->se[si].t1, at = end;
    if (end >= lim || (end > 0 && (bcx_gap(c, end - 1) & (G_COMMA | G_DOT | G_PAREN))))
        return 0;
    for (int k = 0; came[k]; k++)
        if (bcx_word_is(c, end, lim, came[k]) && !(bcx_gap(c, end) & (G_COMMA | G_DOT | G_PAREN)))
            at = end + 1;
    size_t n = 0;
    for (int k = 0; from[k] && n == 0; k++)
        n = bcx_words_at(c, at, lim, from[k]);
    for (size_t q = at + n; n > 0 && q < lim && q < at + n + 2; q++) {
        if (bcx_gap(c, q - 1) & (G_COMMA | G_DOT | G_PAREN))
            return 0;
        if (stem_at(c, q, flows)) /* the first flow word: one flow, or both (turnover) */
            return one_flow_at(c, q, lim);
    }
    return 0;
}

/* Goods worth the amount sent to China, a list of them between ("ging voor 21 miljoen
 * dollar aan bananen, watermeloenen en drakenvruchten naar China", "fruit worth 5 million
 * USD went to China"): exports; from China: imports (Vietnamese reports; 0 none). No
 * number between, the clause's end or a dozen words at most. */
static int china_bound(const ctx *c, size_t si, size_t end)
{
    static const struct {
        unsigned lang;
        const char *w;
        int mm;
    } dirs[] = {
        {L_EN, "to china", MM_EXPORTS},      {L_EN, "into china", MM_EXPORTS},
        {L_EN, "from china", MM_IMPORTS},    {L_NL, "naar china", MM_EXPORTS},
        {L_NL, "uit china", MM_IMPORTS},     {L_VI, "sang trung quoc", MM_EXPORTS},
        {L_VI, "tu trung quoc", MM_IMPORTS}, {L_FR, "vers la chine", MM_EXPORTS},
        {L_PL, "do chin", MM_EXPORTS},       {L_PL, "z chin", MM_IMPORTS},
        {L_SV, "till kina", MM_EXPORTS},     {L_SV, "fran kina", MM_IMPORTS},
    };
    size_t lim = c->se[si].t1;
    for (size_t q = end; q < lim && q < end + 12; q++) {
        if (q > end && (bcx_gap(c, q - 1) & (G_DOT | G_PAREN)))
            return 0;
        if (c->t[q].kind == T_NUM)
            return 0;
        for (size_t k = 0; k < sizeof dirs / sizeof dirs[0]; k++)
            if ((dirs[k].lang & c->lbit) && bcx_words_at(c, q, lim, dirs[k].w) > 0)
                return dirs[k].mm;
    }
    return 0;
}

/* 1 when token p is a word of contraband or seizure ("smuggling", "smokkelwaar",
 * "buon lau", "走私", "seized", "przemyt"). */
static int contraband_at(const ctx *c, size_t p, size_t lim)
{
    static const char *const stems[] = {
        "smuggl",      "contraband", "smokkel",     "gesmokkel", "przemyt", "przemyc", "kontraband",
        "contrebande", "contrefa",   "counterfeit", "namaak",    "seized",  "seizure", "confiscat",
        "skonfiskow",  "beslagt",    "inbeslag",    "saisi",     NULL};
    static const char *const words[] = {"buon lau", "hang lau", "hang gia", "tich thu", "in beslag",
                                        "走私",     "缉私",     "查获",     "罚没",     NULL};
    if (stem_at(c, p, stems))
        return 1;
    for (int k = 0; words[k]; k++)
        if (bcx_words_at(c, p, lim, words[k]) > 0)
            return 1;
    return 0;
}

/* 1 when the amount at tokens [lead, end) is the worth of contraband: a word of smuggling
 * or seizure in its clause before it with no flow named between ("189 smuggling cases
 * involving goods worth 5.1 trillion VND"), or within four words after it ("5 million USD
 * worth of smuggled cigarettes"). */
static int contraband(const ctx *c, size_t si, size_t lead, size_t end)
{
    const bc_lex *e = NULL;
    size_t own = c->se[si].t0, lim = c->se[si].t1, s = SIZE_MAX;
    for (size_t k = own; k + 1 < lead; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN))
            own = k + 1;
    for (size_t k = own; k < lead; k++)
        if (contraband_at(c, k, lead))
            s = k;
    /* (a flow named by goods, "goods worth", "hang hoa", is the contraband's worth) */
    static const char *const goods[] = {"goods", "goederen",    "hang", "varor",
                                        "towar", "marchandise", "货",   NULL};
    for (size_t k = s == SIZE_MAX ? lead : s + 1; k < lead; k++)
        if (bcx_lex_find(c, C_MONEY_CUE, k, &e) > 0 &&
            (e->val == MM_TURNOVER || e->val == MM_EXPORTS || e->val == MM_IMPORTS)) {
            int named_by_goods = 0;
            for (int q = 0; goods[q] && !named_by_goods; q++)
                named_by_goods = strstr(e->pat, goods[q]) != NULL;
            if (!named_by_goods)
                return 0;
        }
    if (s != SIZE_MAX)
        return 1;
    for (size_t k = end; k < lim && k < end + 4; k++) {
        if (k > end && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN)))
            return 0;
        if (contraband_at(c, k, lim))
            return 1;
    }
    return 0;
}

/* 1 when token p is a word of a deal ("deals", "contracts", "hop dong", "签约", "合同",
 * "contrats", "umowy", "avtal", "contracten", "handelscontracten", "exportavtal") or, verbs set, of
 * signing ("signed", "ky ket", "签订", "signe", "podpisali", "tecknade", "ondertekend"). */
static int deal_at(const ctx *c, size_t p, size_t lim, int verbs)
{
    static const char *const nouns[] = {"contract", "contrat", "kontrakt", "umow", "avtal", NULL};
    static const char *const signs[] = {"signed",       "signing",  "signe",    "podpisa",
                                        "tecknade",     "ondertek", "getekend", "tekenden",
                                        "undertecknad", NULL};
    static const char *const words[] = {"deal", "deals", "hop dong", "签约",
                                        "合同", "协议",  "订单",     NULL};
    static const char *const verbs_w[] = {"ky ket", "签订", "签署", NULL};
    if (stem_at(c, p, nouns) || (verbs && stem_at(c, p, signs)))
        return 1;
    /* Dutch and Swedish compounds: "handelscontracten", "exportavtal" */
    for (int k = 0; (c->lbit & (L_NL | L_SV)) && p < c->nt && c->t[p].kind == T_WORD && k < 2;
         k++) {
        const char *w = TXT(c, p), *stem = k ? "avtal" : "contract";
        size_t n = strlen(stem);
        for (size_t i = 1; i + n <= c->t[p].fl; i++)
            if (memcmp(w + i, stem, n) == 0)
                return 1;
    }
    for (int k = 0; words[k]; k++)
        if (bcx_words_at(c, p, lim, words[k]) > 0)
            return 1;
    for (int k = 0; verbs && verbs_w[k]; k++)
        if (bcx_words_at(c, p, lim, verbs_w[k]) > 0)
            return 1;
    return 0;
}

/* 1 when an "and" stands among tokens (a, b): "signed contracts and exports reached". */
static int joined_by_and(const ctx *c, size_t a, size_t b)
{
    for (size_t k = a + 1; k < b; k++)
        if (bcx_and_word(c, k, b) > 0)
            return 1;
    return 0;
}

int bcx_deal_value(const ctx *c, size_t si, size_t lo, size_t lead, size_t end, int verbs)
{
    const bc_lex *e = NULL;
    size_t s = SIZE_MAX, n;
    for (size_t k = lo; k < lead; k++) {
        if (deal_at(c, k, lead, verbs))
            s = k;
        else if (s != SIZE_MAX && (n = bcx_lex_find(c, C_MONEY_CUE, k, &e)) > 0 && k + n <= lead &&
                 (e->val == MM_TURNOVER || e->val == MM_EXPORTS || e->val == MM_IMPORTS ||
                  e->val == MM_GOODS) &&
                 !deal_at(c, k + n, lead, verbs) &&
                 /* not the kind of the deal right after its noun: "hop dong thuong mai",
                  * "contrats d'exportation" */
                 (k > s + 3 || bcx_commas(c, s, k) != 0 || !deal_at(c, s, lead, 0) ||
                  joined_by_and(c, s, k)))
            s = SIZE_MAX; /* "signed the memorandum, exports reached" */
    }
    if (s == SIZE_MAX)
        return 0;
    int after = bcx_cue_after(c, si, end);
    return after == 0 || after == MM_WORTH || after == MM_OTHER;
}

int bcx_part_word(const ctx *c, size_t lo, size_t hi)
{
    static const char *const parts[] = {"of which",       "of this amount",
                                        "of the total",   "of this total",
                                        "of that amount", "waarvan",
                                        "daarvan",        "hiervan",
                                        "dont",           "sur ce total",
                                        "sur ce montant", "z czego",
                                        "z tego",         "w tym",
                                        "varav",          "darav",
                                        "av detta",       "trong do",
                                        "trong so nay",   "trong so do",
                                        "其中",           NULL};
    for (size_t k = lo; k < hi; k++)
        for (int q = 0; parts[q]; q++)
            if (bcx_words_at(c, k, hi, parts[q]) > 0)
                return 1;
    return 0;
}

/* The measure of the whole an amount is a part of, when that whole is a revenue or an
 * investment and the part names a flow: "collected 29.6 trillion VND for the budget, of
 * which import-export activities contributed 8.7 trillion VND" is revenue from that
 * trade, "Tong von dau tu ..., trong do von ngan sach ..." capital from the budget. The
 * whole is the amount before in the sentence (the part word after it) or, for a sentence
 * that opens with the part word, the figure it continues (back). 0 none. */
static int part_of_whole(const ctx *c, size_t si, size_t lo, size_t lead, int mm,
                         const bc_xfigure *prev, const bc_xfigure *back)
{
    const bc_xfigure *whole = NULL;
    if (prev != NULL && lo < lead && bcx_part_word(c, lo, lead))
        whole = prev;
    else if (prev == NULL && back != NULL &&
             bcx_part_word(c, c->se[si].t0, c->se[si].t0 + 3 < lead ? c->se[si].t0 + 3 : lead))
        whole = back;
    if (whole == NULL || whole->target)
        return 0;
    int flow = mm == MM_TURNOVER || mm == MM_EXPORTS || mm == MM_IMPORTS || mm == MM_GOODS;
    if (strcmp(whole->metric, "budget_revenue") == 0 && flow)
        return MM_REVENUE;
    if (strcmp(whole->metric, "investment") == 0 && (flow || mm == MM_REVENUE))
        return MM_INVEST;
    return 0;
}

int bcx_kind_after(const ctx *c, size_t si, size_t lead, size_t end, int mm)
{
    if (mm != MM_INVEST && put_into(c, si, lead, end))
        return MM_INVEST;
    if (mm == 0 || mm == MM_TURNOVER || mm == MM_GOODS) {
        int f = from_flow(c, si, end);
        if (f == 0 && c->lbit != L_ZH &&
            !bcx_range_has(c, c->se[si].t0, c->se[si].t1, C_MONEY_CUE, MM_TURNOVER))
            f = china_bound(c, si, end);
        if (f != 0)
            return f;
    }
    return mm;
}

int bcx_kind_recast(const ctx *c, size_t si, size_t lo, size_t lead, size_t end, int mm,
                    const bc_xfigure *prev, const bc_xfigure *back)
{
    int whole = part_of_whole(c, si, lo, lead, mm, prev, back);
    if (whole != 0)
        return whole;
    if ((mm == 0 || mm == MM_TURNOVER || mm == MM_EXPORTS || mm == MM_IMPORTS || mm == MM_GOODS ||
         mm == MM_WORTH) &&
        contraband(c, si, lead, end))
        return MM_OTHER;
    return mm;
}

/* The tokens of a word of a total at token k (< lim), 0 none: after the amount ("au total",
 * "in total", "totalt") or before it ("łącznie", "tổng cộng", "总计"). */
static size_t total_word(const ctx *c, size_t k, size_t lim)
{
    static const struct {
        unsigned lang;
        const char *w;
    } words[] = {{L_EN, "in total"}, {L_FR, "au total"},  {L_FR, "en tout"},    {L_NL, "in totaal"},
                 {L_NL, "totaal"},   {L_SV, "totalt"},    {L_SV, "sammanlagt"}, {L_PL, "lacznie"},
                 {L_PL, "ogolem"},   {L_VI, "tong cong"}, {L_ZH, "总计"},       {L_ZH, "合计"},
                 {L_ZH, "共计"},     {L_ZH, "总共"}};
    for (size_t q = 0; q < sizeof words / sizeof words[0]; q++) {
        size_t n;
        if ((words[q].lang & c->lbit) && (n = bcx_words_at(c, k, lim, words[q].w)) > 0)
            return n;
    }
    return 0;
}

/* The tokens of a word that introduces a part of the amount before it at token k (< lim),
 * 0 none: "of which", "including", "dont", "waarvan", "varav", "w tym", "trong đó", "其中". */
static size_t part_word(const ctx *c, size_t k, size_t lim)
{
    static const struct {
        unsigned lang;
        const char *w;
    } words[] = {{L_EN, "of which"},  {L_EN, "including"}, {L_EN, "among which"},
                 {L_FR, "dont"},      {L_FR, "y compris"}, {L_NL, "waarvan"},
                 {L_NL, "waaronder"}, {L_SV, "varav"},     {L_SV, "darav"},
                 {L_PL, "w tym"},     {L_PL, "z czego"},   {L_VI, "trong do"},
                 {L_ZH, "其中"},      {L_ZH, "包括"}};
    for (size_t q = 0; q < sizeof words / sizeof words[0]; q++) {
        size_t n;
        if ((words[q].lang & c->lbit) && (n = bcx_words_at(c, k, lim, words[q].w)) > 0)
            return n;
    }
    return 0;
}

int bcx_fig_part_introduced(const ctx *c, size_t si, size_t lo, size_t lead, size_t end,
                            const char *metric, const char *whole)
{
    size_t lim = c->se[si].t1, k = lo;
    const bc_lex *e = NULL;
    while (k < lead && part_word(c, k, lead) == 0)
        k++;
    if (k >= lead || whole == NULL || whole[0] == '\0' || strcmp(metric, whole) == 0)
        return 0; /* a part of the same measure is stored as the gold has it ("其中中方投资") */
    /* a measure of its own named beside it: "trade reached 3.5 billion, of which exports 1.4
     * billion" (a flow, not a part); the goods a part is of are none */
    for (size_t q = k; q < lim && q < end + 4; q++) {
        if (q >= end && (c->t[q].kind == T_NUM || (bcx_gap(c, q - 1) & (G_COMMA | G_PAREN))))
            break; /* ", while imports reached": the next clause's */
        if (bcx_lex_find(c, C_MONEY_CUE, q, &e) > 0 && e->val != MM_GOODS)
            return 0; /* "dont la première phase doit coûter": a measure of its own */
    }
    return 1;
}

int bcx_fig_part_of_total(const ctx *c, size_t si, size_t end)
{
    size_t lim = c->se[si].t1;
    const bc_lex *e = NULL;
    for (size_t k = end; k < lim && k < end + 16; k++) {
        if (bcx_lex_find(c, C_MONEY_CUE, k, &e) > 0 && e->val != MM_GOODS)
            return 0; /* "tandis que les importations ont atteint": another measure (the
                       * goods a part is of are none: "for processed goods") */
        if (c->t[k].kind != T_NUM)
            continue;
        double scale;
        size_t lead, end2;
        if (bcx_fig_money_phrase(c, si, k, &scale, &lead, &end2) == 0)
            return 0;   /* the next number is no amount */
        int joined = 0; /* "and" or a comma between the two */
        for (size_t p = end - 1; p < lead && !joined; p++)
            joined = (bcx_gap(c, p) & G_COMMA) || (p >= end && bcx_and_word(c, p, lead) > 0);
        if (!joined)
            return 0;
        for (size_t q = end; q < lead; q++)
            if (part_word(c, q, lead) > 0)
                return 0; /* "1.4 billion in total, including 1.2 million": the next is the part */
        for (size_t q = end; q < lead; q++)
            if (total_word(c, q, lead) > 0)
                return 1; /* "i łącznie 1,4 mld USD", "，总计14亿美元" */
        return end2 < lim && total_word(c, end2, lim) > 0; /* "1,4 milliard de dollars au total" */
    }
    return 0;
}

int bcx_both_flows_told(const ctx *c, size_t si)
{
    int ex = 0, im = 0;
    size_t from = c->se[si >= 2 ? si - 2 : 0].qs;
    for (size_t k = c->out->nfigures; k > 0; k--) {
        const bc_xfigure *g = &c->out->figures[k - 1];
        if (g->cite.nquotes == 0 || !g->money || g->target || g->metric_inferred)
            continue;
        if (g->cite.q[0].start < from)
            break;
        ex = ex || strcmp(g->metric, "exports") == 0;
        im = im || strcmp(g->metric, "imports") == 0;
    }
    return ex && im;
}

int bcx_goal_behind_clause(const ctx *c, size_t lo, size_t lead)
{
    static const struct {
        unsigned lang;
        const char *w;
    } subs[] = {{L_EN, "as"},         {L_EN, "while"},   {L_EN, "when"},        {L_EN, "after"},
                {L_NL, "terwijl"},    {L_NL, "nu"},      {L_NL, "toen"},        {L_FR, "alors que"},
                {L_FR, "tandis que"}, {L_FR, "lorsque"}, {L_PL, "podczas gdy"}, {L_PL, "gdy"},
                {L_PL, "kiedy"},      {L_SV, "medan"},   {L_SV, "nar"},         {L_VI, "khi"},
                {L_VI, "trong khi"},  {L_ZH, "同时"}};
    size_t cs = lo;
    for (size_t k = lo; k + 1 < lead; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_PAREN))
            cs = k + 1;
    if (cs == lo || bcx_range_has(c, cs, lead, C_TARGET, -1) ||
        bcx_range_has(c, cs, lead, C_QUAL_EXPECTED, -1))
        return 0;
    for (size_t k = 0; k < sizeof subs / sizeof subs[0]; k++)
        if ((subs[k].lang & c->lbit) && bcx_words_at(c, cs, lead, subs[k].w) > 0)
            return 1;
    return 0;
}

/* Dutch verbs of spending or putting money, as they end a clause after the amount */
static const char *const NL_SPENT[] = {
    "gestoken",     "gepompt",     "geinvesteerd", "besteed",     "uitgegeven",
    "uitgetrokken", "vrijgemaakt", "steken",       "pompen",      "investeren",
    "besteden",     "uitgeven",    "uittrekken",   "vrijmaken",   "steekt",
    "stak",         "staken",      "investeert",   "investeerde", "investeerden",
    "pompt",        "pompte",      "pompten",      "besteedt",    "besteedde",
    "besteedden",   NULL};
/* and as an infinitive with "te": what is to be spent */
static const char *const NL_TO_SPEND[] = {
    "te steken",    "te pompen",      "te investeren", "te besteden",
    "uit te geven", "uit te trekken", "vrij te maken", NULL};

/* the infinitives among them, whose auxiliary before the amount says if it is a plan */
static const char *const NL_INF[] = {"steken",   "pompen",     "investeren", "besteden",
                                     "uitgeven", "uittrekken", "vrijmaken",  NULL};

/* The tokens of a phrase of list at token k (< lim), 0 none. */
static size_t phrase_at(const ctx *c, size_t k, size_t lim, const char *const *list)
{
    for (int q = 0; list[q]; q++) {
        size_t n = bcx_words_at(c, k, lim, list[q]);
        if (n > 0)
            return n;
    }
    return 0;
}

/* 1 when token k ends its clause: the sentence's last token, or a break after it. */
static int ends_clause(const ctx *c, size_t k, size_t lim)
{
    return k + 1 >= lim || (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN));
}

int bcx_nl_spend_after(const ctx *c, size_t si, size_t end, int *plan)
{
    static const char *const preps[] = {"in", "aan", "voor", NULL};
    size_t lim = c->se[si].t1, q = bcx_past_restatement(c, si, end), n;
    const bc_lex *e = NULL;
    *plan = 0;
    if (c->lbit != L_NL || q >= lim || (q == end && (bcx_gap(c, end - 1) & (G_COMMA | G_DOT))))
        return 0;
    /* "200 miljoen yuan te steken in", "1,2 miljard yuan extra te investeren": a word between
     * at most */
    for (size_t k = q; k < lim && k <= q + 1; k++) {
        if ((k > q && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN))) || c->t[k].kind != T_WORD)
            break;
        if (phrase_at(c, k, lim, NL_TO_SPEND) > 0) {
            *plan = 1;
            return MM_INVEST;
        }
        /* "1.250 miljard dong, ... investeren in de verbreding", "... geinvesteerd" */
        if ((n = phrase_at(c, k, lim, NL_SPENT)) > 0 &&
            (ends_clause(c, k + n - 1, lim) || phrase_at(c, k + n, lim, preps) > 0)) {
            *plan = phrase_at(c, k, lim, NL_INF) > 0 ? 2 : 0;
            return MM_INVEST;
        }
    }
    /* "18 miljard yuan in wegen en spoorlijnen gestoken", "200 miljoen yuan in de haven te
     * steken": a phrase of what it went into, then the verb ends the clause; not into a
     * revenue ("in de staatskas") */
    if (phrase_at(c, q, lim, preps) == 0)
        return 0;
    for (size_t k = q + 1; k < lim && k < q + 14; k++) {
        if (c->t[k].kind != T_WORD ||
            (bcx_lex_find(c, C_MONEY_CUE, k, &e) > 0 && e->val == MM_REVENUE))
            return 0;
        if ((n = phrase_at(c, k, lim, NL_TO_SPEND)) > 0 && ends_clause(c, k + n - 1, lim)) {
            *plan = 1;
            return MM_INVEST;
        }
        if ((n = phrase_at(c, k, lim, NL_SPENT)) > 0 && ends_clause(c, k + n - 1, lim)) {
            *plan = phrase_at(c, k, lim, NL_INF) > 0 ? 2 : 0;
            return MM_INVEST;
        }
        if (ends_clause(c, k, lim))
            return 0;
    }
    return 0;
}

int bcx_en_spend_after(const ctx *c, size_t si, size_t end)
{
    static const char *const aux[] = {"has",  "have", "had",   "was",  "were", "been",
                                      "is",   "are",  "be",    "so",   "far",  "already",
                                      "also", "now",  "being", "will", NULL};
    static const char *const verbs[] = {"gone",     "went",      "invested",   "spent",
                                        "poured",   "put",       "pumped",     "sunk",
                                        "ploughed", "plowed",    "channelled", "channeled",
                                        "injected", "funnelled", "funneled",   NULL};
    static const char *const preps[] = {"into", "in", "on", NULL};
    size_t lim = c->se[si].t1, q = bcx_past_restatement(c, si, end);
    if (c->lbit != L_EN || q >= lim || (q == end && (bcx_gap(c, end - 1) & (G_COMMA | G_DOT))))
        return 0;
    for (size_t k = q; k < lim && k < q + 4; k++) {
        if ((k > q && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN))) || c->t[k].kind != T_WORD)
            return 0;
        if (phrase_at(c, k, lim, verbs) > 0)
            return k + 1 < lim && !(bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN)) &&
                           phrase_at(c, k + 1, lim, preps) > 0
                       ? MM_INVEST
                       : 0;
        if (phrase_at(c, k, lim, aux) == 0)
            return 0;
    }
    return 0;
}
