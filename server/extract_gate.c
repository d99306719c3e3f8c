/* extract_gate.c: gate pairs and other crossings named with both sides: "X (Vietnam) -
 * Y (China)" in either order, "X - Y" next to a word for a crossing, "X - Y" naming a
 * known project's sides, "X faces Y", "a bridge linking X and Y" (Chinese pairs in
 * extract_gate_zh.c; known projects named by one of their names in extract_gate_named.c).
 * Each gets the kind of crossing its own words state and the project it is, when the store
 * knows it. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <string.h>

/* The run of capitalised words ending at token b (at most 5, joined by spaces only). */
static size_t run_back(const ctx *c, size_t b, size_t lo)
{
    size_t a = b;
    if (c->t[b].kind != T_WORD || !c->t[b].upper)
        return SIZE_MAX;
    while (a > lo && b - a < 4 && c->t[a - 1].kind == T_WORD && c->t[a - 1].upper &&
           (bcx_gap(c, a - 1) & ~(unsigned)G_SPACE) == 0)
        a--;
    return a;
}

/* 1 when token b + 1 continues the name at b after an apostrophe: "Ping'erguan". */
static int apostrophe_tail(const ctx *c, size_t b, size_t hi)
{
    return b + 1 < hi && c->t[b + 1].kind == T_WORD && !c->t[b + 1].han &&
           c->t[b + 1].start == c->t[b].end + 1 &&
           (c->s[c->t[b].end] == '\'' || (unsigned char)c->s[c->t[b].end] == 0xE2);
}

static size_t run_fwd(const ctx *c, size_t a, size_t hi)
{
    size_t b = a;
    if (a >= hi || c->t[a].kind != T_WORD || !c->t[a].upper)
        return SIZE_MAX;
    while (b + 1 < hi && b - a < 4 &&
           ((c->t[b + 1].kind == T_WORD && c->t[b + 1].upper &&
             (bcx_gap(c, b) & ~(unsigned)G_SPACE) == 0) ||
            (apostrophe_tail(c, b, hi) && c->s[c->t[b].end] == '\'')))
        b++;
    return b;
}

/* The projects.kind the PK_* words present describe (gate_pair when none). */
static const char *kind_name(unsigned present)
{
    if ((present & PK_BRIDGE) && (present & PK_RAIL))
        return "railway_bridge";
    if (present & PK_BRIDGE)
        return "road_bridge";
    if (present & PK_OPENING)
        return "traditional_opening";
    if (present & PK_CLEAR)
        return "clearance_point";
    if (present & PK_GATE)
        return "gate_pair";
    if (present & PK_RAIL)
        return "railway";
    if (present & PK_SEA)
        return "sea_route";
    if (present & PK_ROAD)
        return "road";
    if (present & PK_ROUTE)
        return "transport_route";
    return "gate_pair";
}

/* 1 when date d is one to meet, not one that happened: a deadline word just before it
 * ("trước ngày 31/12/2024", "avant le 30 septembre", "before the end of 2025") or, in
 * Chinese, just after it ("年底前"); a goal or an expectation earlier in its clause
 * ("phấn đấu hoàn thành ...", "力争...", "is expected to begin ... on January 15"); or a
 * date its own words put in the future. */
static int date_to_meet(const ctx *c, size_t si, const xd *d)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0;
    if (c->t[d->t0].tense == TENSE_FUTURE)
        return 1;
    if (c->lbit == L_ZH)
        return d->t1 < c->se[si].t1 && bcx_lex_find(c, C_DEADLINE, d->t1, &e) > 0
                   ? 1
                   : bcx_range_has(c, d->t0 > lo + 8 ? d->t0 - 8 : lo, d->t0, C_TARGET, -1);
    for (size_t q = d->t0; q > lo && q + 4 > d->t0; q--)
        if (bcx_lex_find(c, C_DEADLINE, q - 1, &e) > 0)
            return 1;
    for (size_t q = d->t0; q > lo && q + 10 > d->t0; q--) {
        if (bcx_gap(c, q - 1) & (G_COMMA | G_DOT))
            break;
        if (bcx_lex_find(c, C_TARGET, q - 1, &e) > 0 ||
            bcx_lex_find(c, C_QUAL_EXPECTED, q - 1, &e) > 0)
            return 1;
    }
    return 0;
}

void bcx_gate_add(ctx *c, size_t si, size_t g0, size_t g1, const char *vn, size_t vnl,
                  const char *cn, size_t cnl, const gz_project *p, unsigned present, int pair,
                  double conf)
{
    bc_extraction *o = c->out;
    /* a pair found by its words alone ("the bridge linking Ban Vuoc and Basa", "X faces
     * Y") is the known project of its sides and of the very kind its words state (a
     * bridge is no railway bridge), by any name of theirs the store or the reference
     * places record ("Basa", "坝洒" are the curated "Ba Sai") */
    int swapped = 0;
    unsigned want = bcx_gate_want_of(present);
    if (p == NULL && pair && vnl > 0 && cnl > 0 &&
        ((p = bcx_gate_project_named(c, vn, vnl, cn, cnl, want, &swapped)) == NULL || swapped ||
         (!(want & PK_CROSS) && strcmp(GZ(c->g, p->kind), kind_name(present)) != 0)))
        p = NULL; /* the sides the other way round, or another kind: not that project */
    /* a side that is a capital: a route between cities ("the Hanoi–Nanning passenger
     * train"), no crossing, unless the store knows the project by these names */
    if (p == NULL && (bcx_border_place_capital(0, vn, vnl) || bcx_border_place_capital(1, cn, cnl)))
        return;
    for (size_t k = 0; p != NULL && k < o->ngates; k++)
        if (o->gates[k].cite.q[0].start == c->se[si].qs &&
            strcmp(o->gates[k].project, GZ(c->g, p->id)) == 0)
            return;
    o->gates = bc_grow(o->gates, &c->capgo, o->ngates + 1, sizeof *o->gates, &c->rc);
    if (c->rc != BC_OK)
        return;
    bc_xgate *x = &o->gates[o->ngates++];
    memset(x, 0, sizeof *x);
    x->pair = pair;
    copy_utf8(x->vn_side, sizeof x->vn_side, vn, vnl);
    copy_utf8(x->cn_side, sizeof x->cn_side, cn, cnl);
    copy_str(x->project, sizeof x->project, p ? GZ(c->g, p->id) : "");
    copy_str(x->kind, sizeof x->kind, p ? GZ(c->g, p->kind) : kind_name(present));
    /* the date nearest to the crossing's names, at most a clause away ("Hoành Mô – Dong
     * Zhong, officiellement ouverte le 25 mai"): an event's, or a deadline's or a plan's */
    const xd *d = bcx_nearest_date(c, si, g0, g1, 1);
    if (d != NULL && bcx_commas(c, d->t0 < g0 ? d->t1 : g1, d->t0 < g0 ? g0 : d->t0) > 1)
        d = NULL;
    if (d != NULL && d->used == 2)
        d = NULL; /* the period of a trade through it ("...via X - Y ont atteint ... en 2025") */
    if (d != NULL && date_to_meet(c, si, d)) {
        copy_str(x->target, sizeof x->target, d->iso);
        x->date_inferred = d->inferred;
    } else if (d != NULL) {
        copy_str(x->date, sizeof x->date, d->iso);
        x->date_inferred = d->inferred;
    }
    bcx_cite_add(&x->cite, c->se[si].qs, c->se[si].qe);
    x->confidence = conf;
}

/* A country tag "(Vietnam)" at token i, or a province's ("Binh Nghi (Lang Son) –
 * Pingerguan (Guangxi)"): returns +1 Vietnam, -1 China, 0 none; *n tokens. */
static int country_tag(const ctx *c, size_t i, size_t lo, size_t lim, size_t *n)
{
    const bc_lex *e = NULL;
    int side = 0;
    if ((*n = bcx_lex_find(c, C_VN, i, &e)) > 0)
        side = 1;
    else if ((*n = bcx_lex_find(c, C_CN, i, &e)) > 0)
        side = -1;
    for (size_t q = c->se[c->t[i].sent].h0; side == 0 && q < c->se[c->t[i].sent].h1; q++)
        if (c->h[q].entity == E_PROVINCE && c->h[q].t0 == i) {
            side = bcx_province_cn(c, c->h[q].id) ? -1 : 1;
            *n = c->h[q].t1 - i;
        }
    if (side == 0 || i == lo || !(bcx_gap(c, i - 1) & G_OPEN) || i + *n > lim)
        return 0;
    if (i + *n < lim && !(bcx_gap(c, i + *n - 1) & G_CLOSE))
        return 0;
    if (i + *n == lim && (c->t[i + *n - 1].end >= c->n || c->s[c->t[i + *n - 1].end] != ')'))
        return 0;
    return side;
}

/* The province or country a run of tokens [a, b] names in full, if any: such a side
 * makes "Lao Cai - Yunnan" a pair of provinces, not of gates. */
static int names_region(const ctx *c, size_t si, size_t a, size_t b)
{
    const bc_lex *e = NULL;
    if (bcx_lex_find(c, C_VN, a, &e) == b - a + 1 || bcx_lex_find(c, C_CN, a, &e) == b - a + 1)
        return 2;
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].entity == E_PROVINCE && c->h[q].t0 == a && c->h[q].t1 == b + 1)
            return 1;
    return 0;
}

/* 1 when tokens [a, b] are in full a town the gazetteer knows ("Lao Cai", the city). */
static int town_named(const ctx *c, size_t si, size_t a, size_t b)
{
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].entity == E_PLACE && c->h[q].t0 == a && c->h[q].t1 == b + 1)
            return 1;
    return 0;
}

/* 1 when tokens [a, b] are a Chinese province or region in full ("Kuangsi" in
 * "Kuangsi-Czuangskiego Regionu"): no crossing is named after one. */
static int cn_region(const ctx *c, size_t si, size_t a, size_t b)
{
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].entity == E_PROVINCE && c->h[q].t0 == a && c->h[q].t1 == b + 1 &&
            bcx_province_cn(c, c->h[q].id))
            return 1;
    return 0;
}

/* 1 when a Chinese province or region is named within tokens [a, b] ("Regionu
 * Autonomicznego Kuangsi-Czuang"): a crossing is named after a place, never after one. */
static int cn_region_within(const ctx *c, size_t si, size_t a, size_t b)
{
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].entity == E_PROVINCE && c->h[q].t0 <= b && c->h[q].t1 > a &&
            bcx_province_cn(c, c->h[q].id))
            return 1;
    return 0;
}

/* The first token of the longest known name (a province or a crossing's side) that ends
 * at token b and starts at token a or after it ("Tra Linh" in "Outre Tra Linh", "A Pa
 * Chai"); SIZE_MAX when none does. */
static size_t known_name_start(const ctx *c, size_t si, size_t a, size_t b)
{
    size_t best = SIZE_MAX;
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++) {
        const hit *h = &c->h[q];
        if ((h->entity == E_PLACE || h->entity == E_PROVINCE) && h->t1 == b + 1 && h->t0 >= a &&
            (best == SIZE_MAX || h->t0 < best))
            best = h->t0;
    }
    return best;
}

/* 1 when tokens [a, b] look like a code, not two names: "164/QĐ-TTg" (capitals only,
 * or a number or slash right before). */
static int code_like(const ctx *c, size_t a, size_t b)
{
    if (a > 0 && (bcx_gap(c, a - 1) & G_SLASH))
        return 1; /* "164/QĐ-TTg" */
    for (size_t k = a; k <= b; k++) {
        const char *s = c->s + c->t[k].start;
        size_t n = c->t[k].end - c->t[k].start, lower = 0;
        for (size_t q = 0; q < n;) {
            unsigned cp;
            q += dec(s, n, q, &cp);
            lower += (size_t)is_lower(cp);
        }
        if (c->t[k].kind != T_WORD || lower > 0)
            return 0;
    }
    return 1;
}

/* The country a known name that is exactly tokens [a, b) belongs to: +1 Vietnam, -1
 * China, 0 unknown. */
int bcx_place_side(const ctx *c, size_t si, size_t a, size_t b)
{
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++) {
        const hit *h = &c->h[q];
        if (h->t0 != a || h->t1 != b)
            continue;
        if (h->entity == E_PROVINCE)
            return bcx_province_cn(c, h->id) ? -1 : 1;
        if (h->entity == E_PLACE)
            return strcmp(h->id, "CN") == 0 ? -1 : 1;
    }
    return 0;
}

/* The crossing words (PK_* bits) within n tokens of [a, b]. */
unsigned bcx_crossing_near(const ctx *c, size_t si, size_t a, size_t b, size_t n)
{
    const bc_lex *e = NULL;
    unsigned bits = 0;
    size_t lo = a > c->se[si].t0 + n ? a - n : c->se[si].t0;
    size_t hi = b + 1 + n < c->se[si].t1 ? b + 1 + n : c->se[si].t1;
    for (size_t i = lo; i < hi; i++)
        if (bcx_lex_find(c, C_PROJ, i, &e) > 0)
            bits |= (unsigned)e->val;
    return bits;
}

/* 1 when token k lies in one of the n spans [from, to]. */
static int in_span(const size_t (*span)[2], size_t n, size_t k)
{
    for (size_t i = 0; i < n; i++)
        if (k >= span[i][0] && k <= span[i][1])
            return 1;
    return 0;
}

/* 1 when token i is a Roman numeral ("II", "IV"): the number of a gate ("số II", "No.
 * II"), not a word of its name when it comes first. */
static int roman_numeral(const ctx *c, size_t i)
{
    size_t n = c->t[i].end - c->t[i].start;
    if (c->t[i].kind != T_WORD || n > 4)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (strchr("IVX", c->s[c->t[i].start + k]) == NULL)
            return 0;
    return 1;
}

/* 1 when a meeting or a mechanism is named in the six tokens before token a ("groupe de
 * travail mixte Quang Ninh – Fangchenggang", "Joint Working Group Lao Cai – Yunnan", "la
 * 7e réunion du comité de coordination Lang Son – Chongzuo"). */
static int names_body_before(const ctx *c, size_t si, size_t a)
{
    const bc_lex *e = NULL;
    for (size_t q = a > c->se[si].t0 + 6 ? a - 6 : c->se[si].t0; q < a; q++)
        if (bcx_lex_find(c, C_MECH, q, &e) > 0 || bcx_lex_find(c, C_MEET, q, &e) > 0)
            return 1;
    return 0;
}

/* The kinds of crossing a pair may be matched against: the crossing words next to it
 * (within four tokens before, three after). The sentence's other
 * words say nothing of the pair's kind: "the Lao Cai - Hekou border gate and the railway
 * bridge" is a gate. */
/* The first token of a word for a pair that ends right before token a, words of its
 * standing between ("vid det internationella paret Lao Cai - Hekou", "przy parze Huu Nghi
 * (Wietnam) - Youyiguan (Chiny)"), from token lo; SIZE_MAX when none. */
static size_t pair_word_before(const ctx *c, size_t lo, size_t a)
{
    size_t q0 = a, qa;
    /* the gate's number before its name ("cap cua khau quoc te duong bo so II Kim Thanh") */
    int numbered = 0;
    while (q0 > lo && (roman_numeral(c, q0 - 1) || c->t[q0 - 1].kind == T_NUM))
        q0--, numbered = 1;
    if (numbered && q0 > lo &&
        (bcx_word_is(c, q0 - 1, a, "so") || bcx_word_is(c, q0 - 1, a, "no") ||
         bcx_word_is(c, q0 - 1, a, "nr")))
        q0--;
    while (q0 > lo && (qa = bcx_lex_ending(c, C_GATE_QUAL, lo, q0, NULL)) != SIZE_MAX)
        q0 = qa;
    return q0 > lo ? bcx_lex_ending(c, C_PAIR, lo, q0, NULL) : SIZE_MAX;
}

/* 1 when a word for a pair follows the pair's last name at token b ("at the Soc Giang -
 * Pingmeng pair"): a pair of gates, whatever a word of traffic before says. */
static int pair_word_after(const ctx *c, size_t si, size_t b)
{
    return b + 1 < c->se[si].t1 && !(bcx_gap(c, b) & (G_COMMA | G_DOT | G_PAREN)) &&
           bcx_lex_find(c, C_PAIR, b + 1, NULL) > 0;
}

static unsigned pair_kinds(const ctx *c, size_t si, size_t a, size_t b)
{
    const bc_lex *e = NULL;
    while (a < b && roman_numeral(c, a))
        a++; /* "so II Kim Thanh": the number is no part of the name */
    unsigned bits = bcx_crossing_near(c, si, a, b, 3);
    /* a pair named as such is a pair of gates, whatever the words further off say ("na
     * specjalnej trasie towarowej przy parze Huu Nghi - Youyiguan") */
    if (pair_word_before(c, c->se[si].t0, a) != SIZE_MAX || pair_word_after(c, si, b))
        return bits | PK_GATE;
    /* else the nearest crossing word before it in its clause, within eight words: "duong
     * sat lien van X - Y", "vagbron over Roda floden i omradet X - Y"; and through a list
     * of pairs after it ("szlaki transportowe Kunming - Tuyen Quang, Van Son - Tuyen
     * Quang") */
    size_t lo = c->se[si].t0;
    for (size_t q = a; q > lo && q + 8 > a && bits == 0; q--) {
        size_t k = q - 1, n;
        int list = (bcx_gap(c, k) & G_COMMA) && k > lo && (bcx_gap(c, k - 1) & G_DASH) == 0 &&
                   k > lo + 1 && c->t[k].upper;
        if ((bcx_gap(c, k) & (G_COMMA | G_DOT)) && !list)
            break;
        if ((n = bcx_lex_find(c, C_PROJ, k, &e)) > 0 && k + n <= a)
            bits |= (unsigned)e->val;
    }
    return bits;
}

/* Latin pairs: "X (Vietnam) - Y (China)", "X - Y" of a known project, "X - Y" next to a
 * crossing word. */
static void latin_pairs(ctx *c, size_t si, unsigned present)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0, lim = c->se[si].t1;
    size_t span[8][2], nspan = 0; /* the tokens of pairs found with country tags */
    for (size_t i = lo; i < lim && c->rc == BC_OK; i++) {
        size_t n1, n2;
        int s1 = country_tag(c, i, lo, lim, &n1);
        if (s1 == 0 || i == lo)
            continue;
        size_t a1 = i - 1, a0 = run_back(c, a1, lo);
        size_t b0 = i + n1;
        if (a0 == SIZE_MAX || b0 >= lim || !(bcx_gap(c, b0 - 1) & G_DASH))
            continue;
        size_t b1 = run_fwd(c, b0, lim);
        if (b1 == SIZE_MAX || b1 + 1 >= lim)
            continue;
        int s2 = country_tag(c, b1 + 1, lo, lim, &n2);
        if (s2 == 0 || s2 == s1)
            continue;
        int swapped = 0;
        const gz_project *p = NULL;
        unsigned local = pair_kinds(c, si, a0, b1 + n2), want = bcx_gate_want_of(local);
        for (size_t a = a0; a <= a1 && p == NULL && c->rc == BC_OK; a++)
            if ((p = bcx_gate_project_for(c, a, a1, b0, b1, want, &swapped)) != NULL)
                a0 = a;
        while (p == NULL && a0 < a1 && known_name_start(c, si, a0, a1) != a0 &&
               (bcx_lex_find(c, C_ARTICLE, a0, &e) > 0 || bcx_lex_find(c, C_PROJ, a0, &e) > 0 ||
                roman_numeral(c, a0)))
            a0++; /* "The Thanh Thuy (Vietnam) - ...", "Border Gate Lao Cai", "No. II Kim
                   * Thanh": not the name */
        size_t v0 = s1 > 0 ? a0 : b0, v1 = s1 > 0 ? a1 : b1;
        size_t w0 = s1 > 0 ? b0 : a0, w1 = s1 > 0 ? b1 : a1;
        unsigned kinds = p ? p->kmask : local;
        /* "de vrachtroute Tan Thanh (Vietnam) – Po Chai (China)": two places the text puts
         * in the two countries, a route at them: the crossing of their gates */
        int pair = kinds == 0 || (kinds & ~(unsigned)(PK_ROUTE | PK_SEA)) != 0 ||
                   (p == NULL && (kinds & PK_SEA) == 0);
        bcx_gate_add(c, si, a0, b1 + n2 + 1, c->s + c->t[v0].start, c->t[v1].end - c->t[v0].start,
                     c->s + c->t[w0].start, c->t[w1].end - c->t[w0].start, p, local, pair,
                     p ? 0.9 : 0.8);
        if (nspan < 8) {
            span[nspan][0] = a0;
            span[nspan++][1] = b1 + n2;
        }
        i = b1 + n2;
    }
    /* X - Y without country tags: a known project's sides, or any two names next to a
     * word for a crossing */
    for (size_t k = lo; k + 1 < lim && c->rc == BC_OK; k++) {
        unsigned g = bcx_gap(c, k);
        if (!(g & G_DASH) || (g & ~(unsigned)(G_SPACE | G_DASH)) || in_span(span, nspan, k))
            continue;
        size_t a0 = run_back(c, k, lo), b1 = run_fwd(c, k + 1, lim);
        if (a0 == SIZE_MAX || b1 == SIZE_MAX)
            continue;
        while (a0 < k && roman_numeral(c, a0))
            a0++; /* "số II Kim Thành – Bắc Sơn": the second Kim Thanh gate, named Kim Thanh */
        const gz_project *p = NULL;
        int swapped = 0;
        size_t pa = 0, pb = 0;
        unsigned local = pair_kinds(c, si, a0, b1), want = bcx_gate_want_of(local);
        for (size_t a = a0; a <= k && p == NULL; a++)
            for (size_t b = b1 + 1; b > k + 1 && p == NULL; b--)
                if ((p = bcx_gate_project_for(c, a, k, k + 1, b - 1, want, &swapped)) != NULL)
                    pa = a, pb = b - 1;
        if (p == NULL) {
            /* unknown names: in a sentence about crossings (a crossing word, or "pair"),
             * not a pair of provinces or countries, not a chain "A - B - C", not a name
             * that goes on past a crossing word ("Lang Son Border Gate Economic Zone") */
            /* "cap cua khau quoc te Lao Cai - Ha Khau": the crossing word before a word of
             * its standing (international, main, bilateral) */
            size_t q0 = a0, qa;
            while (q0 > lo && (qa = bcx_lex_ending(c, C_GATE_QUAL, lo, q0, NULL)) != SIZE_MAX)
                q0 = qa;
            /* "vid det internationella paret Lao Cai - Hekou", "the pair Lao Cai - Hekou": a
             * word for a pair right before names a pair of gates, and the words of its
             * standing before that word too */
            unsigned paired = pair_word_after(c, si, b1) ? PK_GATE : 0;
            if ((qa = pair_word_before(c, lo, a0)) != SIZE_MAX) {
                paired = PK_GATE;
                q0 = qa;
                while (q0 > lo && (qa = bcx_lex_ending(c, C_GATE_QUAL, lo, q0, NULL)) != SIZE_MAX)
                    q0 = qa;
            }
            unsigned near = bcx_crossing_near(c, si, q0, b1, 3) | paired;
            int chain = (k > lo && (bcx_gap(c, a0 > lo ? a0 - 1 : lo) & G_DASH) && a0 > lo) ||
                        (b1 + 1 < lim && (bcx_gap(c, b1) & G_DASH));
            /* or right after a sentence of its paragraph about crossings, two places known
             * on the two sides ("... de wachtrijen bij de grensposten. Bij Huu Nghi –
             * Youyiguan en Tan Thanh – Po Chai stonden ...") */
            int told = present == 0 && !bcx_sent_has(c, si, C_PAIR, -1);
            if ((told &&
                 (si == 0 || bcx_new_paragraph(c, si) || !bcx_sent_has(c, si - 1, C_PROJ, -1))) ||
                chain)
                continue;
            /* "the Tan Thanh - ...", "Border Gate X - ...", but "A Pa Chai" is a name */
            while (a0 < k && known_name_start(c, si, a0, k) != a0 &&
                   (bcx_lex_find(c, C_ARTICLE, a0, &e) > 0 || bcx_lex_find(c, C_PROJ, a0, &e) > 0))
                a0++;
            /* a sentence's first word is capitalised whatever it is: "Outre Tra Linh - ..." */
            size_t known = a0 == lo ? known_name_start(c, si, a0, k) : SIZE_MAX;
            if (known != SIZE_MAX)
                a0 = known;
            int inner = 0;
            for (size_t q = k + 1; q <= b1; q++)
                if (bcx_lex_find(c, C_PROJ, q, &e) > 0) {
                    inner = q + 1 <= b1 && bcx_lex_find(c, C_PROJ, q, &e) + q <= b1;
                    b1 = q > k + 1 ? q - 1 : q;
                    break;
                }
            if (inner || b1 < k + 1 || bcx_lex_find(c, C_PROJ, k + 1, &e) > 0)
                continue;
            /* "MONG CAI – De Vietnamese grensstad ...": a dateline in capitals before the
             * dash, an article opening the words after it: no names of a crossing */
            if ((a0 == lo && code_like(c, a0, k)) || bcx_lex_find(c, C_ARTICLE, k + 1, &e) > 0)
                continue;
            int ra = names_region(c, si, a0, k), rb = names_region(c, si, k + 1, b1);
            int ca = bcx_place_side(c, si, a0, k + 1), cb = bcx_place_side(c, si, k + 1, b1 + 1);
            /* "Hekou-Noord": a hyphen with no space is a compound name unless both its
             * parts are places known on the two sides ("Lao Cai-Hekou"); a dash that is no
             * hyphen joins two names ("het grensovergangenpaar Po Peo–Yuewei") */
            int compound = !(bcx_gap(c, k) & G_SPACE) && (ca == 0 || cb == 0) &&
                           memchr(c->s + c->t[k].end, '-', c->t[k + 1].start - c->t[k].end);
            if (compound || ra == 2 || rb == 2 || (ra && rb) || (ca != 0 && ca == cb) ||
                (told && (ca == 0 || cb == 0 || ra || rb)) || cn_region_within(c, si, a0, b1) ||
                code_like(c, a0, b1))
                continue;
            /* "groupe de travail mixte Quang Ninh – Fangchenggang": a province and a city
             * that name a body, not a crossing; a province is a crossing's side only with a
             * word for a crossing next to the pair */
            if ((ra || rb) && (near == 0 || names_body_before(c, si, a0)))
                continue;
            unsigned kinds = present | near;
            /* routes and sea lines are no crossings the corpus counts: known projects only;
             * but a route named away from the names is not theirs ("Bij Soc Giang–Pingmeng
             * moeten de procedures voor een aparte route ... worden afgerond") */
            int pair = (kinds & ~(unsigned)(PK_ROUTE | PK_SEA)) != 0 || kinds == 0 ||
                       (near & (PK_ROUTE | PK_SEA)) == 0;
            kinds = local;               /* its kind: its own words' */
            int swap = ca < 0 || cb > 0; /* the Chinese side named first */
            size_t v0 = swap ? k + 1 : a0, v1 = swap ? b1 : k;
            size_t w0 = swap ? a0 : k + 1, w1 = swap ? k : b1;
            bcx_gate_add(c, si, a0, b1 + 1, c->s + c->t[v0].start, c->t[v1].end - c->t[v0].start,
                         c->s + c->t[w0].start, c->t[w1].end - c->t[w0].start, NULL, kinds, pair,
                         0.7);
            k = b1;
            continue;
        }
        size_t v0 = swapped ? k + 1 : pa, v1 = swapped ? pb : k;
        size_t w0 = swapped ? pa : k + 1, w1 = swapped ? k : pb;
        int route = (p->kmask & ~(unsigned)(PK_ROUTE | PK_SEA)) == 0;
        bcx_gate_add(c, si, pa, pb + 1, c->s + c->t[v0].start, c->t[v1].end - c->t[v0].start,
                     c->s + c->t[w0].start, c->t[w1].end - c->t[w0].start, p, want, !route, 0.85);
        k = pb;
    }
}

/* The capitalised run nearest before token f (within twelve tokens, in its clause),
 * preferring one a crossing word follows ("Youyiguan Port", "Dong Dang international
 * railway station"); SIZE_MAX when none. Its last token in *end. */
static size_t run_before(const ctx *c, size_t si, size_t f, size_t *end)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0, best = SIZE_MAX, best_end = 0, any = SIZE_MAX, any_end = 0;
    for (size_t b = f; b > lo && b + 12 > f; b--) {
        size_t k = b - 1;
        if (c->t[k].kind != T_WORD || !c->t[k].upper || bcx_lex_find(c, C_ARTICLE, k, &e) > 0 ||
            bcx_lex_find(c, C_PROJ, k, &e) > 0 || bcx_lex_find(c, C_VN, k, &e) > 0 ||
            bcx_lex_find(c, C_CN, k, &e) > 0)
            continue;
        size_t a = run_back(c, k, lo);
        while (a < k &&
               (bcx_lex_find(c, C_ARTICLE, a, &e) > 0 || bcx_lex_find(c, C_LOC, a, &e) > 0))
            a++;
        if (a == SIZE_MAX)
            continue;
        /* a sentence's first word is capitalised whatever it is ("Bij de grensovergang Kim
         * Thanh, tegenover Beishan"): a name there only when known */
        if (a == lo && known_name_start(c, si, a, k) == SIZE_MAX) {
            size_t kn = a < k ? known_name_start(c, si, a + 1, k) : SIZE_MAX;
            if (kn != SIZE_MAX)
                a = kn; /* "Bij Kim Thanh, tegenover ...": the known name after it */
            else if (a == k)
                continue;
        }
        /* "Thanh Thuy in Ha Giang, tegenover ...": the province where the name lies */
        if (a > lo && bcx_lex_find(c, C_LOC, a - 1, &e) > 0 && names_region(c, si, a, k)) {
            b = a;
            continue;
        }
        if (any == SIZE_MAX)
            any = a, any_end = k;
        for (size_t q = k + 1; q < f && q <= k + 3; q++)
            if (bcx_lex_find(c, C_PROJ, q, &e) > 0) {
                best = a, best_end = k;
                break;
            }
        if (best != SIZE_MAX)
            break;
        b = a + 1;
    }
    *end = best != SIZE_MAX ? best_end : any_end;
    return best != SIZE_MAX ? best : any;
}

/* "X, which faces Vietnam's Y border gate", "X ... pairs with Y", "X qui fait face a celui
 * de Y": a crossing named by its two sides around a verb of facing; the side a country
 * word marks (or a known place) says which is which, else nothing is taken. */
static void facing_pairs(ctx *c, size_t si, unsigned present)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0, lim = c->se[si].t1;
    for (size_t f = lo; f < lim && c->rc == BC_OK; f++) {
        size_t n = bcx_lex_find(c, C_FACES, f, &e);
        if (n == 0)
            continue;
        int at_once = e->val == 1; /* "aan Chinese zijde Youyiguan" */
        size_t a1, a0 = run_before(c, si, f, &a1);
        size_t b0 = f + n;
        int cb = 0;
        /* opening its clause: "Tegenover Thanh Thuy ligt Tianbao", "Aan de overkant van Ta
         * Lung ligt het Chinese Shuikou": the name after it faces the one after the verb */
        size_t r1 =
            !at_once && (f == bcx_sent_open(c, si) || (f > lo && (bcx_gap(c, f - 1) & G_COMMA)))
                ? run_fwd(c, b0, lim)
                : SIZE_MAX;
        if (r1 != SIZE_MAX && r1 + 2 < lim &&
            (bcx_word_is(c, r1 + 1, lim, "ligt") || bcx_word_is(c, r1 + 1, lim, "liggen") ||
             bcx_word_is(c, r1 + 1, lim, "lies"))) {
            a0 = b0, a1 = r1;
            b0 = r1 + 2;
        }
        if (at_once && (b0 >= lim || !c->t[b0].upper || (bcx_gap(c, b0 - 1) & (G_COMMA | G_DOT))))
            continue;
        /* "Vietnam's", "China's", "celui de", "Chinese" before the second name */
        size_t from = b0;
        while (
            b0 < lim && b0 < from + 4 &&
            (!c->t[b0].upper || bcx_lex_find(c, C_VN, b0, &e) || bcx_lex_find(c, C_CN, b0, &e))) {
            if (bcx_lex_find(c, C_VN, b0, &e) > 0)
                cb = 1;
            else if (bcx_lex_find(c, C_CN, b0, &e) > 0)
                cb = -1;
            b0++;
        }
        size_t b1 = run_fwd(c, b0, lim);
        if (a0 == SIZE_MAX || b1 == SIZE_MAX)
            continue;
        while (b1 > b0 && bcx_lex_find(c, C_PROJ, b1, &e) > 0)
            b1--;
        /* "... station on the Chinese side": a country word just after the name */
        for (size_t q = b1 + 1; cb == 0 && q < lim && q <= b1 + 5; q++)
            cb = bcx_lex_find(c, C_VN, q, &e) > 0 ? 1 : bcx_lex_find(c, C_CN, q, &e) > 0 ? -1 : 0;
        int ca = bcx_place_side(c, si, a0, a1 + 1);
        if (cb == 0)
            cb = bcx_place_side(c, si, b0, b1 + 1);
        if (cb == 0 && ca != 0)
            cb = -ca;
        if (ca == 0)
            ca = -cb;
        if (cb == 0 || ca == cb || names_region(c, si, a0, a1) || names_region(c, si, b0, b1))
            continue;
        size_t v0 = ca > 0 ? a0 : b0, v1 = ca > 0 ? a1 : b1;
        size_t w0 = ca > 0 ? b0 : a0, w1 = ca > 0 ? b1 : a1;
        bcx_gate_add(c, si, a0, b1 + 1, c->s + c->t[v0].start, c->t[v1].end - c->t[v0].start,
                     c->s + c->t[w0].start, c->t[w1].end - c->t[w0].start, NULL, present, 1, 0.7);
        f = b1;
    }
}

/* "the second Beilun River bridge linking Dongxing and Mong Cai", "un poste-frontiere
 * intelligent entre Mong Cai et Dongxing", "pont frontalier reliant Ly Van et Shuolong":
 * a crossing word, then within six words a linking word and two names joined by "and";
 * one of them a known place, the two on opposite sides. */
/* The last token of a name ending at token b with a point of the compass joined to it by
 * a hyphen ("Hekou-Noord", "Hekou-North", "Hekou-Nord"), else b. */
static size_t compass_part(const ctx *c, size_t b, size_t hi)
{
    static const char *const compass[] = {"noord", "zuid", "oost", "west", "north", "south",
                                          "east",  "nord", "sud",  "est",  NULL};
    if (b + 1 >= hi || bcx_gap(c, b) != G_DASH || !c->t[b + 1].upper)
        return b;
    for (int w = 0; compass[w]; w++)
        if (bcx_word_is(c, b + 1, hi, compass[w]))
            return b + 1;
    return b;
}

/* 1 when a word for the border or a crossing stands at most six words before token f of
 * sentence si, in its clause ("rijden over de grens bij Tan Thanh en Po Chai"). */
static int border_before(const ctx *c, size_t si, size_t f)
{
    for (size_t q = f; q > c->se[si].t0 && q + 6 > f; q--) {
        if (bcx_gap(c, q - 1) & (G_COMMA | G_DOT))
            return 0;
        if (bcx_word_is(c, q - 1, f, "grens") || bcx_word_is(c, q - 1, f, "border") ||
            bcx_lex_find(c, C_PROJ, q - 1, NULL) > 0)
            return 1;
    }
    return 0;
}

/* The token after where a first side is, in words after it from a locative at token k:
 * "in", lower-case words (three at most), a name ("in het district Bat Xat"); k when none. */
static size_t where_aside(const ctx *c, size_t k, size_t hi)
{
    size_t q = k + 1;
    while (q < hi && q < k + 4 && c->t[q].kind == T_WORD && !c->t[q].upper &&
           !(bcx_gap(c, q - 1) & (G_COMMA | G_DOT)))
        q++;
    size_t r = q < hi && !(bcx_gap(c, q - 1) & (G_COMMA | G_DOT)) ? run_fwd(c, q, hi) : SIZE_MAX;
    return r == SIZE_MAX || r + 1 >= hi || (bcx_gap(c, r) & (G_COMMA | G_DOT)) ? k : r + 1;
}

static void linking_pairs(ctx *c, size_t si, unsigned present)
{
    static const char *const ands[] = {"and",  "et", "va", "voi", "i",   "och", "en",   "with",
                                       "avec", "z",  "to", "a",   "med", "met", "naar", NULL};
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0, lim = c->se[si].t1;
    for (size_t f = lo; f + 3 < lim && c->rc == BC_OK; f++) {
        size_t n = bcx_lex_find(c, C_LINKS, f, &e);
        /* "via Thanh Thuy en het Chinese Tianbao": what passes through both, when both
         * sides are known or told by their country; so too "over de grens bij X en Y", and
         * crossings named by their word before them ("de grensovergangen Huu Nghi en
         * Youyiguan") */
        int via = n == 0 && (bcx_word_is(c, f, lim, "via") ||
                             (bcx_word_is(c, f, lim, "bij") && border_before(c, si, f)));
        if (via)
            n = 1;
        if (n == 0 && f + 1 < lim && c->t[f + 1].upper && !c->t[f].upper &&
            (n = bcx_lex_find(c, C_PROJ, f, &e)) > 0 && ((unsigned)e->val & PK_POINT) != 0)
            via = 1;
        else if (!via)
            n = bcx_lex_find(c, C_LINKS, f, &e);
        if (n == 0)
            continue;
        unsigned near = 0;
        for (size_t q = f > lo + 6 ? f - 6 : lo; q < f; q++)
            if (bcx_lex_find(c, C_PROJ, q, &e) > 0)
                near |= (unsigned)e->val;
        size_t a0 = f + n;
        while (a0 < lim && a0 < f + n + 2 && c->t[a0].kind == T_WORD && !c->t[a0].upper) {
            size_t pn = bcx_lex_find(c, C_PROJ, a0, &e); /* "tussen het station Lao Cai" */
            if (pn > 0)
                near |= (unsigned)e->val;
            a0++; /* "entre les villes de" */
        }
        if (!via && (near == 0 || (near & ~(unsigned)(PK_ROUTE | PK_SEA)) == 0))
            continue;
        size_t a1 = run_fwd(c, a0, lim);
        if (a1 == SIZE_MAX || a1 + 2 >= lim)
            continue;
        size_t k = a1 + 1, m = 0, tag = 0;
        /* "przejscie Thanh Thuy (Wietnam) z przejsciem Tianbao (Chiny)": a country tag after
         * the first name, a word for a crossing before the second */
        if (country_tag(c, k, lo, lim, &tag) != 0)
            k += tag;
        for (int w = 0; ands[w] && m == 0; w++)
            m = bcx_words_at(c, k, lim, ands[w]);
        /* "tussen Ban Vuoc in het district Bat Xat en Basa": where the first side is */
        if (m == 0 && !tag && bcx_lex_find(c, C_LOC, k, &e) > 0 &&
            !(bcx_gap(c, a1) & (G_COMMA | G_DOT)) && (k = where_aside(c, k, lim)) > a1 + 1)
            for (int w = 0; ands[w] && m == 0; w++)
                m = bcx_words_at(c, k, lim, ands[w]);
        if (m == 0 || (!tag && (bcx_gap(c, a1) & (G_COMMA | G_DOT))))
            continue;
        size_t b0 = k + m;
        int tagged = 0; /* "en het Chinese Pingxiang": the country word before the name */
        while (b0 < lim && b0 < k + m + 3 && c->t[b0].kind == T_WORD &&
               ((!c->t[b0].upper && bcx_lex_find(c, C_PROJ, b0, &e) > 0) ||
                bcx_lex_find(c, C_ARTICLE, b0, &e) > 0 ||
                (b0 + 1 < lim && c->t[b0 + 1].upper &&
                 (bcx_lex_find(c, C_VN, b0, &e) > 0 || bcx_lex_find(c, C_CN, b0, &e) > 0)))) {
            if (bcx_lex_find(c, C_VN, b0, &e) > 0)
                tagged = 1;
            else if (bcx_lex_find(c, C_CN, b0, &e) > 0)
                tagged = -1;
            b0++;
        }
        size_t b1 = run_fwd(c, b0, lim);
        if (b1 == SIZE_MAX)
            continue;
        while (b1 > b0 && bcx_lex_find(c, C_PROJ, b1, &e) > 0)
            b1--;
        b1 = compass_part(c, b1, lim); /* "Hekou-Noord": the northern station, a name */
        int ca = bcx_place_side(c, si, a0, a1 + 1), cb = bcx_place_side(c, si, b0, b1 + 1);
        if (cb == 0)
            cb = tagged;
        if ((ca == 0 && cb == 0) || (via && (ca == 0 || cb == 0)))
            continue;
        if (ca == 0)
            ca = -cb;
        if (cb == 0)
            cb = -ca;
        /* a province's name is a side only as the name of its town ("the railway link
         * between Lao Cai and Hekou"; not "the road connecting Wenshan with Ha Giang") */
        int ra = names_region(c, si, a0, a1), rb = names_region(c, si, b0, b1);
        if (ca == cb || ra == 2 || rb == 2 || (ra && (rb || !town_named(c, si, a0, a1))) ||
            (rb && !town_named(c, si, b0, b1)) || cn_region(c, si, a0, a1) ||
            cn_region(c, si, b0, b1))
            continue;
        size_t v0 = ca > 0 ? a0 : b0, v1 = ca > 0 ? a1 : b1;
        size_t w0 = ca > 0 ? b0 : a0, w1 = ca > 0 ? b1 : a1;
        bcx_gate_add(c, si, a0, b1 + 1, c->s + c->t[v0].start, c->t[v1].end - c->t[v0].start,
                     c->s + c->t[w0].start, c->t[w1].end - c->t[w0].start, NULL, present | near, 1,
                     0.7);
        f = b1;
    }
}

void bcx_find_gates(ctx *c)
{
    const bc_lex *e = NULL;
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t lo = c->se[si].t0, lim = c->se[si].t1;
        unsigned present = 0;
        for (size_t i = lo; i < lim; i++)
            if (bcx_lex_find(c, C_PROJ, i, &e) > 0)
                present |= (unsigned)e->val;
        /* "grenspaar Ha Khau - Lao Cai": a pair named without another crossing word is
         * of gates (not the railway bridge between the same towns) */
        if (present == 0 && bcx_sent_has(c, si, C_PAIR, -1))
            present = PK_GATE;
        size_t before = c->out->ngates;
        if (c->lbit == L_ZH)
            bcx_han_pairs(c, si, present);
        else
            latin_pairs(c, si, present);
        if (c->out->ngates == before && c->lbit == L_ZH)
            bcx_han_facing(c, si, present);
        else if (c->lbit != L_ZH)
            facing_pairs(c, si, present); /* "X – Y ... en om Z, tegenover W": repeats merge */
        if (c->lbit != L_ZH)
            linking_pairs(c, si, present);      /* repeats are merged later */
        bcx_gate_named(c, si, before, present); /* "cầu Bắc Luân II", a line's side */
        if (c->out->ngates == before)
            bcx_gate_one_side(c, si); /* "坝洒口岸": the known crossing of that side */
    }
}
