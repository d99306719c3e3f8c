/* extract_fig_parties.c: a figure's parties: the provinces of the clause that states its
 * amount, but for one named only in a person's title or office or in a crossing's name, one
 * of another clause, or one named after the province it became part of, and none when the
 * other side is a group it does not name, counted or not ("the Vietnamese border
 * provinces") (used by extract_fig.c, extract_meet*.c and extract_gate.c through
 * bcx_sent_provinces). */
#include "bordercoop/buf.h"
#include "bordercoop/text.h"
#include "extract_int.h"

#include <string.h>

int bcx_sent_provinces(const ctx *c, size_t si, char ids[][64], int max)
{
    int n = 0;
    for (size_t k = c->se[si].h0; k < c->se[si].h1; k++) {
        const hit *h = &c->h[k];
        if (h->entity != E_PROVINCE)
            continue;
        int seen = 0;
        for (int q = 0; q < n && !seen; q++)
            seen = strcmp(ids[q], h->id) == 0;
        if (!seen && n < max)
            copy_str(ids[n++], 64, h->id);
    }
    return n;
}

/* 1 when tokens a and a+1 sit in one title: joined, or split by an apostrophe alone
 * ("Guangxi's", "People's"). */
static int title_joined(const ctx *c, size_t a)
{
    return bcx_joined(c, a) || bcx_gap(c, a) == G_QUOTE;
}

int bcx_province_in_title(const ctx *c, size_t si, const hit *h)
{
    size_t t0 = c->se[si].t0, t1 = c->se[si].t1, k = h->t1, n;
    /* after it: "Guangxi Vice Chairman", "Lang Son's Party Secretary", "河江省人民委员会副主席" */
    for (int step = 0; step < 6 && k < t1 && title_joined(c, k - 1); step++, k += n) {
        if (bcx_lex_find(c, C_OFFICE, k, NULL) > 0)
            return 1;
        if ((n = bcx_lex_find(c, C_OFFICE_LINK, k, NULL)) == 0)
            break;
    }
    /* before it: "Chairman of the Lang Son ...", "Pho Chu tich UBND tinh Lao Cai",
     * "vice-president du Comite populaire provincial de Quang Ninh" */
    k = h->t0;
    for (int step = 0; step < 6 && k > t0 && title_joined(c, k - 1); step++) {
        if (bcx_lex_ending(c, C_OFFICE, t0, k, NULL) != SIZE_MAX)
            return 1;
        size_t a = bcx_lex_ending(c, C_OFFICE_LINK, t0, k, NULL);
        if (a == SIZE_MAX)
            break;
        k = a;
    }
    return 0;
}

/* 1 when the gap after token a holds a dash and spaces only ("Lao Cai–Hekou", "Lào Cai –
 * Hà Khẩu", "河口—老街"). */
static int dash_only(const ctx *c, size_t a)
{
    unsigned g = bcx_gap(c, a);
    return (g & G_DASH) && !(g & ~(unsigned)(G_DASH | G_SPACE));
}

/* 1 when tokens [a, b) are a province's name with its word for a province ("老街省",
 * "tỉnh Lào Cai", "Lao Cai-provinsen"): the province itself, never a crossing's name. */
static int says_province(const ctx *c, size_t a, size_t b, size_t t0, size_t t1)
{
    static const char *const words[] = {"tinh",      "province",  "provinsen",
                                        "prowincji", "provincie", NULL};
    const char *end = c->s + c->t[b - 1].end;
    if (c->t[b - 1].end - c->t[a].start >= 3 && memcmp(end - 3, "\xe7\x9c\x81", 3) == 0)
        return 1; /* 省 */
    for (int w = 0; words[w]; w++)
        if ((a > t0 && bcx_word_is(c, a - 1, b, words[w])) || bcx_word_is(c, b, t1, words[w]))
            return 1;
    return 0;
}

int bcx_province_in_crossing(const ctx *c, size_t si, const hit *h)
{
    size_t t0 = c->se[si].t0, t1 = c->se[si].t1, a = h->t0, b = h->t1;
    const bc_lex *e = NULL;
    if (b <= a || says_province(c, a, b, t0, t1))
        return 0;
    /* one side of a pair: a dash between it and a name that is no province ("Lang
     * Son-Guangxi" names two parties), a word for a crossing point or a pair next to them */
    size_t other = SIZE_MAX, lo = a, hi = b - 1;
    if (b < t1 && dash_only(c, b - 1))
        other = b, hi = b;
    else if (a > t0 && dash_only(c, a - 1))
        other = a - 1, lo = a - 1;
    if (other != SIZE_MAX && c->t[other].kind == T_WORD && (c->t[other].upper || c->t[other].han)) {
        for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
            if (c->h[q].entity == E_PROVINCE && other >= c->h[q].t0 && other < c->h[q].t1)
                return 0;
        if (bcx_crossing_near(c, si, lo, hi, 4) & PK_POINT)
            return 1;
        for (size_t k = lo > t0 + 4 ? lo - 4 : t0; k < t1 && k <= hi + 4; k++)
            if (bcx_lex_find(c, C_PAIR, k, NULL) > 0)
                return 1;
        return 0;
    }
    /* one crossing named after its town, a border place of that name ("老街口岸", "cửa
     * khẩu quốc tế Lào Cai", "the Lao Cai International Border Gate"); never gates in the
     * plural ("các cửa khẩu", "Lao Cai border gates": the province's), nor a province that
     * names no such place ("广西边民互市贸易", "via Cao Bangs gränsportar") */
    bc_buf slug = BC_BUF_INIT;
    bc_text_slug(c->s + c->t[a].start, c->t[b - 1].end - c->t[a].start, &slug);
    int town = !bc_buf_failed(&slug) && slug.len > 0 &&
               bcx_border_place_by_slug(slug.data, slug.len) != NULL;
    bc_buf_free(&slug);
    if (!town)
        return 0;
    size_t k = b, n;
    while (k < t1 && !(bcx_gap(c, k - 1) & ~(unsigned)G_SPACE) &&
           ((n = bcx_lex_find(c, C_GATE_QUAL, k, NULL)) > 0 ||
            (n = (size_t)bcx_word_is(c, k, t1, "border")) > 0))
        k += n;
    if (k < t1 && !(bcx_gap(c, k - 1) & ~(unsigned)G_SPACE) &&
        (n = bcx_lex_find(c, C_PROJ, k, &e)) > 0 && ((unsigned)e->val & PK_POINT) &&
        !bcx_word_is(c, k + n - 1, k + n, "gates"))
        return 1;
    k = a;
    size_t q;
    while (k > t0 && !(bcx_gap(c, k - 1) & ~(unsigned)G_SPACE) &&
           (q = bcx_lex_ending(c, C_GATE_QUAL, t0, k, NULL)) != SIZE_MAX)
        k = q;
    if (k > t0 && !(bcx_gap(c, k - 1) & ~(unsigned)G_SPACE) &&
        (q = bcx_lex_ending(c, C_PROJ, t0, k, &e)) != SIZE_MAX && ((unsigned)e->val & PK_POINT) &&
        !(q > t0 && bcx_word_is(c, q - 1, q, "cac")))
        return 1;
    return 0;
}

/* A figure's parties: the provinces of sentence si, but for one named only as part of a
 * person's title ("who co-chaired the session with Guangxi Vice Chairman Wei Tao") and
 * those of other clauses: after the amount, none past the next clause break ("Guangxi had
 * allocated 1.5 billion yuan ..., and asked Lang Son to ..."); before it, when an earlier
 * clause states another amount, those of its own clause if it names any ("Guangxi had
 * spent 2 billion yuan, while Lang Son has invested 850 billion VND"), else all; nor a
 * province named after the one it became part of, nor one named only in a crossing's name
 * (bcx_province_in_crossing). At most max, into ids; returns how many. */
/* The token after the clause that opens sentence si with whom a statement comes from
 * ("According to the Lang Son Department of Industry and Trade, ...", "Selon le Departement
 * de l'industrie et du commerce de Lao Cai, ...", "Theo So Cong Thuong Quang Ninh, ...",
 * "据昆明海关统计，..."); the sentence's first token when it opens with none. */
static size_t source_clause_end(const ctx *c, size_t si)
{
    static const char *const from[] = {"according to", "selon",  "d apres", "theo", "据",
                                       "volgens",      "wedlug", "enligt",  "根据", NULL};
    size_t t0 = c->se[si].t0, t1 = c->se[si].t1;
    int opens = 0;
    for (int w = 0; from[w] && !opens; w++)
        opens = bcx_words_at(c, t0, t1, from[w]) > 0;
    for (size_t k = t0; opens && k + 1 < t1; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT))
            return (bcx_gap(c, k) & G_DOT) ? t0 : k + 1;
    return t0;
}

/* 1 when province h of sentence si is named only as a side that speaks: "广西方面表示",
 * "the Guangxi side said", "phia Quang Tay cho biet", "la partie du Guangxi a indique",
 * "strona Guangxi poinformowala", "Guangxi-sidan uppgav", "de kant van Guangxi meldde",
 * or by its officials or authorities ("Yunnan officials said", "云南官员表示", "Junnanscy
 * urzednicy poinformowali", "les autorites du Guangxi ont indique").
 * Whose words they are says nothing of whose traffic or trade a figure is. */
static int province_speaks(const ctx *c, size_t si, const hit *h)
{
    static const char *const side_after[] = {
        "方面",       "官员",         "当局",          "side",       "sidan",
        "kant",       "officials",    "authorities",   "urzednicy",  "wladze",
        "ambtenaren", "autoriteiten", "myndigheterna", "tjansteman", NULL};
    static const char *const side_before[] = {
        "phia",          "partie",      "cote",        "strona",    "kant",         "sidan",
        "side",          "officials",   "authorities", "autorites", "responsables", "quan chuc",
        "lanh dao",      "chinh quyen", "urzednicy",   "wladze",    "ambtenaren",   "autoriteiten",
        "myndigheterna", "tjansteman",  NULL};
    static const char *const say[] = {"表示",       "介绍",      "指出",          "称",
                                      "说",         "said",      "says",          "told",
                                      "noted",      "stated",    "reported",      "added",
                                      "cho biet",   "thong tin", "cho hay",       "neu ro",
                                      "a indique",  "a declare", "indique",       "declare",
                                      "a annonce",  "a precise", "poinformowala", "poinformowal",
                                      "podala",     "podal",     "przekazala",    "poinformowali",
                                      "przekazali", "podali",    "ont indique",   "ont declare",
                                      "sa",         "uppgav",    "uppger",        "sade",
                                      "meddelade",  "meldde",    "meldden",       "meldt",
                                      "zeiden",     "zei",       "zegt",          "liet weten",
                                      NULL};
    size_t t0 = c->se[si].t0, t1 = c->se[si].t1, k = h->t1, n = 0;
    int side = 0;
    /* the side word after the name ("广西方面", "the Guangxi side", "Guangxi-sidan") */
    for (int w = 0; side_after[w] && !side; w++)
        if ((n = bcx_words_at(c, k, t1, side_after[w])) > 0 && !(bcx_gap(c, k - 1) & G_COMMA))
            side = 1, k += n;
    /* or before it, with at most one word between ("phia Quang Tay", "la partie du Guangxi",
     * "de kant van Guangxi") */
    for (size_t b = h->t0; !side && b > t0 && b + 3 > h->t0; b--)
        for (int w = 0; side_before[w] && !side; w++)
            for (size_t a = b > t0 + 1 ? b - 2 : t0; a < b && !side; a++)
                side = bcx_words_at(c, a, h->t0, side_before[w]) == b - a &&
                       bcx_commas(c, a, h->t0) == 0;
    if (!side)
        return 0;
    /* a verb of saying right after (a helper verb between: "has said", "a indique") */
    for (size_t q = k; q < t1 && q < k + 3; q++) {
        if (q > k && (bcx_gap(c, q - 1) & (G_COMMA | G_DOT)))
            return 0;
        for (int w = 0; say[w]; w++)
            if (bcx_words_at(c, q, t1, say[w]) > 0)
                return 1;
    }
    return 0;
}

/* 1 when province h is all of the clause that opens sentence si with whom a statement
 * comes from, but for an article or a word for its side or officials ("Selon le Guangxi,
 * ...", "According to Yunnan officials, ...", "Theo phia Van Nam, ...", "据云南方面，..."),
 * and the statement does not point back at it ("the province's gates"): a body of the
 * province ("the Lang Son Department of Industry and Trade") is left to the rule of
 * bcx_fig_parties. */
static int province_is_source(const ctx *c, size_t si, const hit *h, size_t said)
{
    static const char *const filler[] = {
        "according",   "to",         "selon",        "d",
        "apres",       "theo",       "据",           "根据",
        "volgens",     "wedlug",     "enligt",       "the",
        "le",          "la",         "les",          "l",
        "du",          "de",         "des",          "of",
        "van",         "het",        "side",         "sidan",
        "kant",        "partie",     "cote",         "phia",
        "strona",      "方面",       "官员",         "officials",
        "authorities", "autorites",  "responsables", "wladz",
        "urzednikow",  "ambtenaren", "autoriteiten", "myndigheterna",
        "tjansteman",  "quan",       "chuc",         "chinh",
        "quyen",       "cac",        "in",           "i",
        "z",           NULL};
    static const char *const back[] = {"province",   "provinces", "provincie",
                                       "provinsens", "prowincji", "该省",
                                       "本省",       "tinh nay",  NULL};
    static const char *const from[] = {"according to", "selon",  "d apres", "theo", "据",
                                       "volgens",      "wedlug", "enligt",  "根据", NULL};
    size_t t0 = c->se[si].t0, t1 = c->se[si].t1;
    /* no comma after it, as Swedish, Dutch and Polish put the verb next ("Enligt Yunnan
     * passerar ...", "Volgens Guangxi passeren ...", "Enligt tjänstemän i Yunnan passerar
     * ...", "Według urzędników z Junnanu przez granicę ..."): the clause is the word, the
     * name and at most three words between, each of them a filler (checked below) */
    for (int w = 0; from[w] && said <= t0; w++) {
        size_t n = bcx_words_at(c, t0, t1, from[w]);
        if (n > 0 && h->t0 >= t0 + n && h->t0 <= t0 + n + 3 && bcx_commas(c, t0, h->t0) == 0)
            said = h->t1 < t1 && bcx_words_at(c, h->t1, t1, "sidan") > 0 ? h->t1 + 1 : h->t1;
    }
    if (said <= t0 || h->t0 >= said)
        return 0;
    for (size_t k = t0; k < said;) {
        if (k >= h->t0 && k < h->t1) {
            k = h->t1;
            continue;
        }
        size_t n = 0;
        for (int w = 0; filler[w] && n == 0; w++)
            n = bcx_words_at(c, k, said, filler[w]);
        if (n == 0)
            return 0;
        k += n;
    }
    for (size_t k = said; k < t1; k++)
        for (int w = 0; back[w]; w++)
            if (bcx_words_at(c, k, t1, back[w]) > 0)
                return 0;
    return 1;
}

/* The province a word pointing back at one stands for in sentence si, when that word opens
 * the subject of the figure's amount at token lead ("Lang Son's vice chairman said the
 * province wants to raise trade with Guangxi to ...", "... zei dat de provincie de handel
 * met Guangxi ...", "... sade att provinsen vill oka handeln med Guangxi ...", "...表示，该省
 * 力争...与广西的贸易额达到..."): the nearest province before it, named only as whose person,
 * office or statement speaks (no party by bcx_fig_parties; a title opening the sentence,
 * title_opens), none of whose country is among
 * the n parties found. The word is no part of a name ("tinh Lang Son", "the province of Lao
 * Cai", "Cao Bang province"), and no comma stands between it and the amount. NULL when
 * there is none. */
/* 1 when sentence si opens with the title province h is named in: nothing before h but the
 * words of a title and of whom a statement comes from ("Lang Son's vice chairman", "The vice
 * chairman of Cao Bang", "Pho Chu tich UBND tinh Lang Son", "Selon la vice-presidente du
 * Comite populaire provincial de Ha Giang"), not a title a clause of its own names ("At the
 * talks with Yunnan Vice Governor Li Ming, the director said ..."). */
static int title_opens(const ctx *c, size_t si, const hit *h)
{
    static const char *const lead_in[] = {"the",    "le",           "la",    "l",    "de",
                                          "het",    "according to", "selon", "theo", "wedlug",
                                          "enligt", "volgens",      "据",    NULL};
    size_t k = c->se[si].t0;
    while (k < h->t0) {
        size_t n = bcx_lex_find(c, C_OFFICE, k, NULL);
        if (n == 0)
            n = bcx_lex_find(c, C_OFFICE_LINK, k, NULL);
        for (int w = 0; lead_in[w] && n == 0; w++)
            n = bcx_words_at(c, k, h->t0, lead_in[w]);
        if (n == 0)
            return 0;
        k += n;
    }
    return 1;
}

static const char *pointed_at(const ctx *c, size_t si, size_t lead, char ids[][64], int n,
                              size_t said)
{
    static const char *const back[] = {
        "the province", "de provincie", "provinsen", "provinsens", "la province", "prowincja",
        "prowincji",    "tinh nha",     "tinh nay",  "tinh",       "该省",        "本省",
        "the region",   "la region",    "de regio",  "regionen",   "该区",        NULL};
    size_t t0 = c->se[si].t0, k = lead, at = SIZE_MAX;
    while (k > t0 && at == SIZE_MAX && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN))) {
        k--;
        for (int w = 0; back[w] && at == SIZE_MAX; w++) {
            size_t m = bcx_words_at(c, k, lead, back[w]);
            if (m == 0)
                continue;
            int named = 0; /* a province's own name beside it */
            for (size_t q = c->se[si].h0; q < c->se[si].h1 && !named; q++)
                named = c->h[q].entity == E_PROVINCE &&
                        (c->h[q].t1 == k || (c->h[q].t0 >= k + m && c->h[q].t0 <= k + m + 1));
            if (!named && !(m == 1 && bcx_word_is(c, k + 1, lead, "uy")))
                at = k;
        }
    }
    const hit *h = NULL;
    for (size_t q = c->se[si].h0; at != SIZE_MAX && q < c->se[si].h1; q++)
        if (c->h[q].entity == E_PROVINCE && c->h[q].t1 <= at)
            h = &c->h[q];
    if (h == NULL || !((bcx_province_in_title(c, si, h) && title_opens(c, si, h)) ||
                       province_speaks(c, si, h) || province_is_source(c, si, h, said)))
        return NULL;
    for (int q = 0; q < n; q++)
        if (bcx_province_cn(c, ids[q]) == bcx_province_cn(c, h->id))
            return NULL;
    return h->id;
}

/* 1 when token k of sentence si lies in a province's name ("Vân Nam": its "Nam" is no five). */
static int in_province(const ctx *c, size_t si, size_t k)
{
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].entity == E_PROVINCE && k >= c->h[q].t0 && k < c->h[q].t1)
            return 1;
    return 0;
}

/* The tokens of a word for provinces in the plural at token k (< lim), none of a name: "the
 * border provinces", "les provinces", "grensprovincies", "gränsprovinserna", "prowincjami",
 * "các tỉnh", "各省", "边境省份"; 0 when there is none. The Polish "prowincji" is also the
 * singular: only beside a plural adjective ("wietnamskich prowincji przygranicznych"). */
static size_t provinces_word(const ctx *c, size_t k, size_t lim)
{
    static const char *const word[] = {"provinces",   "localities", "localites",   "prowincje",
                                       "prowincjami", "prowincjom", "prowincjach", "各省",
                                       "诸省",        "省份",       NULL};
    static const char *const tail[] = {"provincies", "provinser", "provinserna", NULL};
    size_t n = 0;
    for (int w = 0; word[w] && n == 0; w++)
        n = bcx_words_at(c, k, lim, word[w]);
    if (n > 0 || c->t[k].kind != T_WORD)
        return n;
    const char *f = TXT(c, k);
    size_t fl = c->t[k].fl;
    for (int w = 0; tail[w]; w++) {
        size_t tl = strlen(tail[w]);
        if (fl >= tl && memcmp(f + fl - tl, tail[w], tl) == 0)
            return 1;
    }
    /* "các tỉnh", "những tỉnh", "các địa phương" */
    if (k > 0 && (bcx_word_is(c, k - 1, lim, "cac") || bcx_word_is(c, k - 1, lim, "nhung")))
        if ((n = bcx_words_at(c, k, lim, "tinh")) > 0 ||
            (n = bcx_words_at(c, k, lim, "dia phuong")) > 0)
            return n;
    if (bcx_word_is(c, k, lim, "prowincji"))
        for (size_t q = k > 0 ? k - 1 : k; q <= k + 1 && q < lim; q++) {
            const char *g = TXT(c, q);
            size_t gl = c->t[q].fl;
            if (q != k && c->t[q].kind == T_WORD && gl > 3 &&
                (memcmp(g + gl - 3, "ich", 3) == 0 || memcmp(g + gl - 3, "ych", 3) == 0))
                return 1;
        }
    return 0;
}

/* The count of a group of provinces tokens [from, to) of sentence si name by a number
 * ("四省", "the four Vietnamese provinces", "czterech wietnamskich prowincji", "4 tinh"), 0
 * when none; the tokens of its word for provinces (or of its count word) in [*at, *at + *len). */
static int counted_group(const ctx *c, size_t si, size_t from, size_t to, size_t *at, size_t *len)
{
    static const char *const word[] = {"provinces",   "provincies", "prowincji", "prowincje",
                                       "prowincjami", "prowincjom", "provinser", "provinserna",
                                       "tinh",        "localities", NULL};
    /* the Polish instrumental ("z czterema wietnamskimi prowincjami") */
    static const char *const with[] = {"dwoma", "trzema", "czterema", "piecioma", NULL};
    const bc_lex *e = NULL;
    for (size_t k = from; k < to; k++) {
        size_t n = 0;
        if (in_province(c, si, k))
            continue;
        size_t cw = bcx_lex_find(c, C_COUNT_WORD, k, &e);
        if (cw > 0 && e->val >= 2) {
            *at = k, *len = cw;
            return (int)e->val;
        }
        /* "中国两省", "越南三省": no count word of a body's members (C_COUNT_WORD) */
        size_t two = bcx_words_at(c, k, to, "两省"),
               three = two ? 0 : bcx_words_at(c, k, to, "三省");
        if (two + three > 0) {
            *at = k, *len = two + three;
            return two ? 2 : 3;
        }
        int count = bcx_count_at(c, k, to, &n);
        for (int w = 0; with[w] && count == 0; w++)
            if (bcx_word_is(c, k, to, with[w]))
                count = w + 2, n = 1;
        if (count == 0 && bcx_word_is(c, k, to, "dwiema"))
            count = 2, n = 1; /* "z dwiema chińskimi prowincjami": prowincja is feminine */
        /* the number, perhaps two words of country or of border between, then provinces;
         * no number between ("Nam 2025, tinh Lang Son": the year five is no count) */
        for (size_t q = k + n; count >= 2 && n > 0 && q < to && q <= k + n + 2; q++) {
            if (bcx_gap(c, q - 1) & (G_COMMA | G_DOT))
                break;
            size_t pw = provinces_word(c, q, to); /* also "gränsprovinserna" */
            int found = pw > 0;
            for (int w = 0; word[w] && !found; w++)
                found = bcx_word_is(c, q, to, word[w]);
            if (found) {
                *at = q, *len = pw > 0 ? pw : 1;
                return count;
            }
            if (c->t[q].kind != T_WORD)
                break;
        }
    }
    return 0;
}

/* The country a group of provinces at tokens [k, k + n) belongs to by the words around it
 * ("the Vietnamese border provinces", "les provinces frontalières vietnamiennes", "các
 * tỉnh biên giới Việt Nam", "越南边境各省", "Vietnams gränsprovinser"): 1 China, 2 Vietnam,
 * 0 neither. Its words are those up to a clause break, a province's name or a word joining
 * another side ("Yunnan and the ...", "między Junnanem a ..."). */
static int group_country(const ctx *c, size_t si, size_t k, size_t n, size_t from, size_t to)
{
    static const char *const join[] = {"and", "et",  "va",  "en", "och", "oraz", "with", "avec",
                                       "voi", "met", "med", "z",  "与",  "和",   "及",   NULL};
    static const char *const vn[] = {"vietnams", "wietnamu", NULL};
    static const char *const cn[] = {"kinas", "chinas", NULL};
    for (int dir = -1; dir <= 1; dir += 2) {
        size_t q = dir < 0 ? k : k + n - 1;
        for (int step = 0; step < 6; step++) {
            if (dir < 0 ? (q <= from || (bcx_gap(c, q - 1) & (G_COMMA | G_DOT | G_PAREN)))
                        : (q + 1 >= to || (bcx_gap(c, q) & (G_COMMA | G_DOT | G_PAREN))))
                break;
            q = dir < 0 ? q - 1 : q + 1;
            int stop = in_province(c, si, q);
            for (int w = 0; join[w] && !stop; w++)
                stop = bcx_word_is(c, q, to, join[w]);
            if (stop)
                break;
            int vn_word = bcx_lex_find(c, C_VN, q, NULL) > 0, cn_word = 0;
            for (int w = 0; vn[w] && !vn_word; w++)
                vn_word = bcx_word_is(c, q, to, vn[w]);
            cn_word = bcx_lex_find(c, C_CN, q, NULL) > 0;
            for (int w = 0; cn[w] && !cn_word; w++)
                cn_word = bcx_word_is(c, q, to, cn[w]);
            if (vn_word != cn_word)
                return vn_word ? 2 : 1;
        }
    }
    return 0;
}

/* 1 when the provinces word at tokens [k, k + m) of sentence si (clause from) is of a group
 * of the other provinces of a province the clause joins it to: "Lao Cai and other Vietnamese
 * provinces", "Lao Cai et les autres provinces", "Lào Cai và các tỉnh khác", "老街省及越南其他省
 * 份", "Lao Cai i innymi wietnamskimi prowincjami", "Lao Cai och andra vietnamesiska
 * provinser", "Lao Cai en andere Vietnamese provincies". One they are compared with ("ahead
 * of other Vietnamese provinces") is not. */
static int others_of_named(const ctx *c, size_t si, size_t k, size_t m, size_t from, size_t to)
{
    static const char *const other[] = {"other", "others", "autres", "khac",    "其他",
                                        "其它",  "其余",   "innymi", "innych",  "inne",
                                        "andra", "ovriga", "andere", "overige", NULL};
    static const char *const join[] = {"and",  "et", "va", "i",  "och", "en",
                                       "oraz", "及", "和", "与", NULL};
    int said = 0;
    for (size_t q = k >= 2 ? k - 2 : 0; q <= k + m && q < to && !said; q++)
        for (int w = 0; other[w] && !said && (q < k || q >= k + m); w++)
            said = bcx_words_at(c, q, to, other[w]) > 0;
    for (size_t q = k, step = 0; said && q > from + 1 && step < 6; step++) {
        q--;
        if (bcx_gap(c, q) & (G_COMMA | G_DOT | G_PAREN))
            return 0;
        for (int w = 0; join[w]; w++)
            if (bcx_word_is(c, q, to, join[w]))
                return in_province(c, si, q - 1) && !(bcx_gap(c, q - 1) & (G_COMMA | G_DOT));
    }
    return 0;
}

/* A group of provinces tokens [from, to) of sentence si name by their country without
 * naming or counting them ("Yunnan and the Vietnamese border provinces"): its country (1
 * China, 2 Vietnam) when the n parties ids name none of that country, else 0. */
static int uncounted_group(const ctx *c, size_t si, size_t from, size_t to, char ids[][64], int n,
                           size_t *at)
{
    for (size_t k = from; k < to; k++) {
        *at = k;
        size_t m = in_province(c, si, k) ? 0 : provinces_word(c, k, to);
        int country = m > 0 ? group_country(c, si, k, m, from, to) : 0;
        int named = 0;
        for (int q = 0; q < n && country != 0 && !named; q++)
            named = (bcx_province_cn(c, ids[q]) != 0) == (country == 1);
        /* "Lao Cai and other Vietnamese provinces": the one it names is one of the group */
        if (country != 0 && (!named || others_of_named(c, si, k, m, from, to)))
            return country;
    }
    return 0;
}

int bcx_parties_group(const ctx *c, size_t si, size_t from, size_t to, char ids[][64], int n,
                      int *country, size_t *where)
{
    size_t at = 0, len = 0;
    int group = counted_group(c, si, from, to, &at, &len), cn = 0;
    *where = at;
    *country = 0;
    if (n == 0)
        return 0;
    for (int q = 0; q < n; q++)
        cn += bcx_province_cn(c, ids[q]) != 0;
    if (group > 0) {
        /* "云南省与越南四省", "Ha Giang, Lao Cai and the two Chinese provinces": a group it
         * counts without naming, more than it names of the group's country (of either
         * country when its words say none), makes the ones it names part of the sides only;
         * but "doanh nghiep hai tinh Lao Cai va Van Nam", "the two provinces, Lao Cai and
         * Yunnan": a count of both countries' provinces that it names, as many as it
         * counts, is of those it names */
        int of = 0; /* a country word in it ("four vietnamese provinces"), else around it */
        for (size_t q = at; q < at + len && q < to && of == 0; q++) {
            int v = bcx_lex_find(c, C_VN, q, NULL) > 0, h = bcx_lex_find(c, C_CN, q, NULL) > 0;
            of = v == h ? 0 : v ? 2 : 1;
        }
        if (of == 0)
            of = group_country(c, si, at, len, from, to);
        int both_named = n == group && cn > 0 && n - cn > 0;
        int short_of = of == 1   ? cn < group
                       : of == 2 ? n - cn < group
                                 : cn < group && n - cn < group;
        *country = of;
        return short_of && !both_named ? group : 0;
    }
    /* "Yunnan and the Vietnamese border provinces": a group named by its country alone,
     * of which it names no province, is the other side; what it names is only one */
    *country = uncounted_group(c, si, from, to, ids, n, where);
    return *country != 0 ? -1 : 0;
}

int bcx_fig_parties(const ctx *c, size_t si, size_t lead, size_t end, char ids[][64], int max,
                    unsigned *pointed, int *partial)
{
    size_t t0 = c->se[si].t0, t1 = c->se[si].t1, from = t0, to = t1;
    /* a province named only in whom the figure comes from ("Selon le Departement ... de Lao
     * Cai, les echanges entre les quatre provinces vietnamiennes et le Yunnan ...") is no
     * party when the statement itself names one; it is when it names none ("..., trade
     * through the province's border gates ...") */
    size_t said = source_clause_end(c, si);
    for (size_t k = c->se[si].h0; k < c->se[si].h1 && said > t0 && lead >= said; k++)
        if (c->h[k].entity == E_PROVINCE && c->h[k].t0 >= said && c->h[k].t0 < t1 &&
            !bcx_province_in_title(c, si, &c->h[k]))
            from = said;
    for (size_t k = end > t0 ? end - 1 : t0; k + 1 < t1 && to == t1; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT))
            to = k + 1;
    /* its own clause, when an earlier clause states another amount */
    size_t own = t0;
    for (size_t k = t0; k + 1 <= lead && k + 1 < t1; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT))
            own = k + 1;
    int another = 0;
    for (size_t k = t0; k < own && !another; k++)
        another = c->t[k].used == U_FIG;
    for (size_t k = c->se[si].h0; k < c->se[si].h1 && another; k++)
        if (c->h[k].entity == E_PROVINCE && c->h[k].t0 >= own && c->h[k].t1 <= lead &&
            !bcx_province_in_title(c, si, &c->h[k]))
            from = own;
    int n = 0;
    for (size_t k = c->se[si].h0; k < c->se[si].h1; k++) {
        const hit *h = &c->h[k];
        if (h->entity != E_PROVINCE || h->t0 < from || h->t0 >= to ||
            bcx_province_in_title(c, si, h) || bcx_province_in_crossing(c, si, h) ||
            province_speaks(c, si, h) || province_is_source(c, si, h, said))
            continue;
        /* "Tuyen Quang, which took in Ha Giang, ...": a province named after the one it
         * became part of describes that one */
        const char *into = bcx_province_merged_into(c, h->id);
        int seen = 0;
        for (size_t q = c->se[si].h0; q < k && !seen && into[0] != '\0'; q++)
            seen = c->h[q].entity == E_PROVINCE && strcmp(c->h[q].id, into) == 0;
        for (int q = 0; q < n && !seen; q++)
            seen = strcmp(ids[q], h->id) == 0;
        if (!seen && n < max)
            copy_str(ids[n++], 64, h->id);
    }
    /* "云南省与越南四省": a group it counts without naming, more than it names of either
     * country, makes the ones it names part of the parties only */
    /* a group of an earlier clause that states another amount is that amount's when its
     * own clause names whose this one is ("De vier grensprovincies ... 2,34 miljard dollar
     * met Yunnan, waarvan ruim 227 miljoen dollar voor rekening van Ha Giang kwam") */
    size_t gfrom = from;
    for (size_t k = c->se[si].h0; k < c->se[si].h1 && another && gfrom < own; k++)
        if (c->h[k].entity == E_PROVINCE && c->h[k].t0 >= own && c->h[k].t0 < to)
            gfrom = own;
    int country;
    size_t where;
    *pointed = 0;
    if ((*partial = bcx_parties_group(c, si, gfrom, to, ids, n, &country, &where)) != 0)
        return 0;
    /* "the province" whose trade it is, named before as the speaker's: a party the text
     * points at, not one it names (pointed: its bit) */
    const char *back = pointed_at(c, si, lead, ids, n, said);
    *pointed = 0;
    if (back != NULL && n < max) {
        *pointed = 1u << n;
        copy_str(ids[n++], 64, back);
    }
    return n;
}

void bcx_fig_parties_of_pair(const ctx *c, bc_xfigure *f, const bc_xfigure *before)
{
    int flow = strcmp(f->metric, "exports") == 0 || strcmp(f->metric, "imports") == 0;
    /* "Lao Cai's trade with Yunnan ..., while its exports to China ...": a flow whose own
     * clause names a whole country as its other side is not the pair's */
    if (!flow || f->country[0] != '\0' || f->nparties != 1 || f->parties_pointed ||
        before == NULL || !before->money || before->target != f->target || before->nparties != 2 ||
        !bcx_parties_two_sided(c, before->parties, before->nparties) ||
        (strcmp(before->metric, "exports") != 0 && strcmp(before->metric, "imports") != 0 &&
         strcmp(before->metric, "trade_turnover") != 0))
        return;
    if (strcmp(before->parties[0], f->parties[0]) != 0 &&
        strcmp(before->parties[1], f->parties[0]) != 0)
        return; /* "... while its imports from Guangxi": another pair */
    memcpy(f->parties[0], before->parties[0], sizeof f->parties[0]);
    memcpy(f->parties[1], before->parties[1], sizeof f->parties[1]);
    f->nparties = 2;
}

int bcx_parties_two_sided(const ctx *c, const char ids[][64], int n)
{
    int cn = 0, vn = 0;
    for (int q = 0; q < n; q++)
        *(bcx_province_cn(c, ids[q]) ? &cn : &vn) = 1;
    return cn && vn;
}

int bcx_parties_apart(const ctx *c, const char a[][64], int na, const char b[][64], int nb)
{
    if (!bcx_parties_two_sided(c, a, na) || !bcx_parties_two_sided(c, b, nb))
        return 0;
    int shared[2] = {0, 0}; /* [0] Vietnam, [1] China */
    for (int i = 0; i < na; i++)
        for (int k = 0; k < nb; k++)
            if (strcmp(a[i], b[k]) == 0)
                shared[bcx_province_cn(c, a[i]) != 0] = 1;
    return !shared[0] || !shared[1];
}
