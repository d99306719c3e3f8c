/* extract_fig_country.c: a whole country as the other side of a trade flow ("Yunnan's trade
 * with Vietnam", "Lao Cai's exports to China", "thương mại giữa Lạng Sơn và Trung Quốc",
 * "云南与越南的贸易额"): the country named, as a noun, right after a word that joins it to
 * the flow, never a country named for another reason ("Vietnam's Lao Cai province"). */
#include "extract_int.h"

#include <string.h>

/* the country's names as nouns, folded, per code (as country.c's, here as tokens);
 * adjectives ("Vietnamese", "chinois", "wietnamskich") and genitives that name whose
 * ("Vietnams", "Kinas") are not among them */
static const char *const VN_NOUNS[] = {"vietnam",  "viet nam",  "越南",       "wietnam",
                                       "wietnamu", "wietnamem", "wietnamowi", NULL};
static const char *const CN_NOUNS[] = {"china", "trung quoc", "中国",   "chine",   "kina", "chiny",
                                       "chin",  "chinami",    "chinom", "chinach", NULL};

/* words that join a country to a flow: the partner of "with", where goods go or come from,
 * the second of "between ... and" or the first after "between"; a row per language */
// clang-format off
static const char *const LINKS[] = {
    "with", "to", "from", "and", "between",                                   /* en */
    "avec", "vers", "et", "entre", "depuis", "en provenance", "a destination", /* fr */
    "voi", "va", "sang", "tu", "giua",                                        /* vi */
    "与", "和", "同", "对", "向", "从", "自", "跟", "及",                     /* zh */
    "met", "naar", "uit", "en", "tussen",                                     /* nl */
    "z", "ze", "a", "i", "do", "miedzy", "oraz",                              /* pl */
    "med", "till", "fran", "och", "mellan",                                   /* sv */
    NULL};
// clang-format on

/* words that may stand between the joining word and the country ("avec le Vietnam", "sang
 * thị trường Trung Quốc", "với phía Trung Quốc", "en provenance de la Chine") */
static const char *const FILLERS[] = {"the", "le",  "la",         "l",    "du",   "de",
                                      "des", "het", "thi truong", "phia", "nuoc", NULL};

/* words of a trade flow, matched at a token's start ("exports", "traded", "échanges",
 * "handeln", "obroty", "xuất khẩu", "贸易") */
static const char *const FLOW_STEMS[] = {
    "trad",   "export",  "import", "turnover", "commerc", "echang",   "handel",  "eksport", "obrot",
    "wymian", "omsattn", "omzet",  "uitvoer",  "invoer",  "shipment", "shipped", "sold",    NULL};
static const char *const FLOW_WORDS[] = {"xuat",      "nhap",        "thuong mai", "buon ban",
                                         "kim ngach", "giao thuong", "贸易",       "出口",
                                         "进口",      "外贸",        "边贸",       NULL};

/* words after a country that make it whose, not a side: "Vietnam's", "Vietnam province",
 * "越南老街省", "越南边境" (a province's name right after is checked apart) */
static const char *const NOT_SIDE_AFTER[] = {
    "province", "provinces", "provincie", "provincies", "provinser", "border", "tinh",
    "省",       "边境",      "边",        "side",       "s",         NULL};

static int flow_word(const ctx *c, size_t k, size_t lim)
{
    for (int w = 0; FLOW_WORDS[w]; w++)
        if (bcx_words_at(c, k, lim, FLOW_WORDS[w]) > 0)
            return 1;
    if (c->t[k].kind != T_WORD)
        return 0;
    const char *f = TXT(c, k);
    size_t fl = c->t[k].fl;
    for (int w = 0; FLOW_STEMS[w]; w++) {
        size_t sl = strlen(FLOW_STEMS[w]);
        if (fl >= sl && memcmp(f, FLOW_STEMS[w], sl) == 0)
            return 1;
    }
    return 0;
}

/* The country at token k (< lim): 'V' or 'C' with its tokens in *n, else 0. */
static int country_at(const ctx *c, size_t k, size_t lim, size_t *n)
{
    for (int w = 0; VN_NOUNS[w]; w++)
        if ((*n = bcx_words_at(c, k, lim, VN_NOUNS[w])) > 0)
            return 'V';
    for (int w = 0; CN_NOUNS[w]; w++)
        if ((*n = bcx_words_at(c, k, lim, CN_NOUNS[w])) > 0)
            return 'C';
    return 0;
}

/* The province hit of sentence si starting in [a, b), else NULL. */
static const hit *province_from(const ctx *c, size_t si, size_t a, size_t b)
{
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].entity == E_PROVINCE && c->h[q].t0 >= a && c->h[q].t0 < b)
            return &c->h[q];
    return NULL;
}

/* 1 when the country at tokens [k, k + n) is one side of the flow of the amount at [lead,
 * end): a joining word at token l before it (only fillers between), and before that word in
 * its clause, within eight tokens, a word of a flow, a province of the parties or the amount
 * itself ("Yunnan's trade with Vietnam", "giữa Lạng Sơn và Trung Quốc", "exported USD 2
 * billion to China"); in Chinese also a word of a flow just after it ("对越南出口", "与越南的
 * 贸易额"). Never one that names whose something is right after it ("Vietnam's Lao Cai
 * province", "with Vietnam's border provinces", "与越南老街省"). */
static int side_of_flow(const ctx *c, size_t si, size_t l, size_t k, size_t n, size_t lead,
                        size_t end, const char ids[][64], int nids)
{
    size_t t0 = c->se[si].t0, t1 = c->se[si].t1, after = k + n;
    if (after < t1 && !(bcx_gap(c, after - 1) & (G_COMMA | G_DOT | G_PAREN))) {
        for (int w = 0; NOT_SIDE_AFTER[w]; w++)
            if (bcx_words_at(c, after, t1, NOT_SIDE_AFTER[w]) > 0)
                return 0;
        if (province_from(c, si, after, after + 1) != NULL)
            return 0; /* "越南老街省", "China Yunnan province" */
    }
    for (size_t q = l, step = 0; q > t0 && step < 8; step++) {
        q--;
        if (bcx_gap(c, q) & (G_COMMA | G_DOT | G_PAREN))
            break;
        if (flow_word(c, q, t1) || (q >= lead && q < end))
            return 1;
        const hit *h = province_from(c, si, q, q + 1);
        for (int p = 0; h != NULL && p < nids; p++)
            if (strcmp(h->id, ids[p]) == 0)
                return 1;
    }
    for (size_t q = after; c->t[k].han && q < t1 && q < after + 4; q++) {
        if (q > after && (bcx_gap(c, q - 1) & (G_COMMA | G_DOT | G_PAREN)))
            break;
        if (flow_word(c, q, t1))
            return 1;
    }
    return 0;
}

/* 1 when province id is named in sentence si within tokens [a, b). */
static int named_in(const ctx *c, size_t si, const char *id, size_t a, size_t b)
{
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].entity == E_PROVINCE && c->h[q].t0 >= a && c->h[q].t0 < b &&
            strcmp(c->h[q].id, id) == 0)
            return 1;
    return 0;
}

void bcx_fig_country(const ctx *c, size_t si, size_t lead, size_t end, bc_xfigure *f)
{
    f->country[0] = '\0';
    int flow = strcmp(f->metric, "trade_turnover") == 0 || strcmp(f->metric, "exports") == 0 ||
               strcmp(f->metric, "imports") == 0 || strcmp(f->metric, "goods_exported") == 0;
    if (!flow || f->nparties == 0 || f->parties_partial != 0)
        return;
    size_t t0 = c->se[si].t0, t1 = c->se[si].t1, from = t0, to = t1;
    /* the amount's own clause when an earlier clause states another amount, up to the
     * clause break after the amount */
    size_t own = t0;
    for (size_t k = t0; k + 1 <= lead && k + 1 < t1; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT))
            own = k + 1;
    for (size_t k = t0; k < own; k++)
        if (c->t[k].used == U_FIG)
            from = own;
    for (size_t k = end > t0 ? end - 1 : t0; k + 1 < t1 && to == t1; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT))
            to = k + 1;
    int found = 0;
    for (size_t l = from; l < to; l++) {
        size_t m = 0;
        for (int w = 0; LINKS[w] && m == 0; w++)
            m = bcx_words_at(c, l, to, LINKS[w]);
        if (m == 0)
            continue;
        size_t k = l + m, n = 0;
        for (int step = 0; step < 2 && k < to; step++) {
            size_t fl = 0;
            for (int w = 0; FILLERS[w] && fl == 0; w++)
                fl = bcx_words_at(c, k, to, FILLERS[w]);
            if (fl == 0)
                break;
            k += fl;
        }
        int side = k < to ? country_at(c, k, to, &n) : 0;
        if (side == 0 || !side_of_flow(c, si, l, k, n, lead, end, f->parties, f->nparties))
            continue;
        if (found != 0 && found != side)
            return; /* both countries: neither is the other side alone */
        found = side;
    }
    if (found == 0)
        return;
    /* the parties are all of the other country: but for a province of the country named
     * only in an earlier clause that states another amount ("Lao Cai's exports to Yunnan
     * were worth ..., while its imports from China came to ..."), which is that amount's */
    int cn_side = found == 'C', kept = 0, other = 0;
    char ids[BC_X_MAX_PARTIES][64];
    for (int q = 0; q < f->nparties; q++) {
        if ((bcx_province_cn(c, f->parties[q]) != 0) != cn_side) {
            memcpy(ids[kept++], f->parties[q], sizeof ids[0]);
            continue;
        }
        if (from == t0 || f->parties_pointed || named_in(c, si, f->parties[q], from, t1))
            return; /* "Lao Cai's exports to China": no other side */
        other++;
    }
    if (kept == 0)
        return;
    if (other > 0) {
        memcpy(f->parties, ids, sizeof ids[0] * (size_t)kept);
        f->nparties = kept;
    }
    memcpy(f->country, cn_side ? "CN" : "VN", 3);
}
