/* extract_gate_zh.c: Chinese crossings: two runs of characters joined by a dash next to
 * a word for a crossing or with country prefixes ("河口—老街口岸", "中国东兴—越南芒街",
 * "越南马鹿塘口岸—中国金水河口岸多功能跨境公路大桥": the head of the phrase is its kind), and
 * "X口岸...与越南...Y口岸相接" (two gates facing each other). Which side a name is on comes
 * from a country prefix, a known name, or the rest of the article. */
#include "bordercoop/alloc.h"
#include "bordercoop/text.h"
#include "extract_int.h"

#include <string.h>

/* Chinese characters that end a name run going back from a dash (verbs, particles,
 * conjunctions), and the country names that prefix a side. */
static int han_stop(const ctx *c, size_t i, size_t lim)
{
    /* verbs that end a run going back: 包括北风生 is 北风生 */
    static const char *const words[] = {"包括", "推进", "宣布", "加快", "同意", "开通", "升级",
                                        "建设", "实现", "连接", "开放", "推动", NULL};
    for (int k = 0; words[k]; k++)
        if (i >= 1 && bcx_words_at(c, i - 1, lim, words[k]) == 2)
            return 1;
    static const char *const stops[] = {"的", "与", "和", "在", "经", "及", "对", "从", "由",
                                        "是", "等", "为", "将", "至", "到", "通", "过", "向",
                                        "同", "跟", "省", "县", "市", "州", "区", NULL};
    for (int k = 0; stops[k]; k++)
        if (bcx_words_at(c, i, lim, stops[k]))
            return 1;
    return 0;
}

/* 1 when the characters at token i begin a modifier of a crossing word, not a name:
 * 双边 (bilateral), 国际 (international), 智慧 (smart), 边境, 跨境, 陆路, 货运, 高速
 * (an expressway: "同登—茶岭高速公路" runs between 同登 and 茶岭), 旅游 ("下龙旅游航线"). */
static int han_modifier(const ctx *c, size_t i, size_t lim)
{
    static const char *const mods[] = {"双边", "国际", "智慧", "边境", "跨境", "陆路",
                                       "货运", "客运", "公路", "铁路", "口岸", "通道",
                                       "大桥", "项目", "米轨", "准轨", "标轨", "标准轨",
                                       "边民", "方向", "高速", "旅游", NULL};
    for (int k = 0; mods[k]; k++)
        if (bcx_words_at(c, i, lim, mods[k]))
            return 1;
    return 0;
}

/* The end of the longest known place or province of sentence si starting at token a, or
 * a when none does. */
static size_t known_name_starting(const ctx *c, size_t si, size_t a)
{
    size_t best = a;
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].t0 == a && c->h[q].t1 > best &&
            (c->h[q].entity == E_PLACE || c->h[q].entity == E_PROVINCE))
            best = c->h[q].t1;
    return best;
}

/* The known name (a gazetteer alias) ending exactly at token end - 1 and starting at or
 * after lo: its first token, or SIZE_MAX. */
static size_t known_name_ending(const ctx *c, size_t si, size_t lo, size_t end)
{
    size_t best = SIZE_MAX;
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].t1 == end && c->h[q].t0 >= lo && c->h[q].t0 < best)
            best = c->h[q].t0;
    return best;
}

/* 1 when a known Vietnamese-side or Chinese-side name is the text of tokens [a, b):
 * +1 Vietnamese (a province of VN or a project's VN side), -1 Chinese, 0 unknown. */
static int han_side(ctx *c, size_t si, size_t a, size_t b)
{
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].t0 == a && c->h[q].t1 == b && c->h[q].entity == E_PROVINCE)
            return bcx_province_cn(c, c->h[q].id) ? -1 : 1;
    int place = bcx_place_side(c, si, a, b);
    if (place != 0)
        return place;
    bc_buf k = BC_BUF_INIT;
    int side = 0;
    bcx_side_key(c->s + c->t[a].start, c->t[b - 1].end - c->t[a].start, &k);
    for (size_t p = 0; c->g && p < c->g->npr && side == 0 && k.len > 0; p++) {
        if (bcx_gate_has_key(GZ(c->g, c->g->pr[p].vn_keys), k.data, k.len))
            side = 1;
        else if (bcx_gate_has_key(GZ(c->g, c->g->pr[p].cn_keys), k.data, k.len))
            side = -1;
    }
    if (bc_buf_failed(&k))
        c->rc = BC_ENOMEM;
    bc_buf_free(&k);
    return side;
}

/* Which side a Chinese name is on, from the rest of the article: "越南" written shortly
 * before one of its occurrences, in the same clause ("与越南谅山省禄平县峙马口岸相接"), makes
 * it Vietnamese; "中国", Chinese. Looks at the first 32 occurrences in the first 256 KiB
 * (bounded whatever the text). */
static int han_hint(const ctx *c, const char *name, size_t n)
{
    size_t lim = c->n < 262144 ? c->n : 262144, seen = 0;
    int vn = 0, cn = 0;
    for (const char *at = c->s; seen < 32 && (at = memmem(at, lim - (size_t)(at - c->s), name, n));
         at += n, seen++) {
        size_t i = (size_t)(at - c->s), from = i > 48 ? i - 48 : 0;
        for (size_t b = i; b > from;) {
            size_t p = prev_cp(c->s, b);
            unsigned cp;
            dec(c->s, c->n, p, &cp);
            if (cp == 0xFF0C || cp == 0x3002 || cp == ',' || cp == 0xFF1B)
                break;
            if (p >= 3 && memcmp(c->s + p - 3, "越南", 6) == 0) {
                vn++;
                break;
            }
            if (p >= 3 && memcmp(c->s + p - 3, "中国", 6) == 0) {
                cn++;
                break;
            }
            b = p;
        }
    }
    return vn > cn ? 1 : cn > vn ? -1 : 0;
}

/* 1 when the phrase after a pair whose right name ends before token b1 makes the two
 * places the parties of something else: a crossing word followed by 合作 ("百色—高平口岸
 * 合作工作组": port cooperation), or, without a crossing word, a mechanism, a meeting or
 * a fair further on in the run of characters ("中国文山—越南河江边境经贸交易会"). */
static int names_parties(const ctx *c, size_t b1, size_t lim)
{
    static const char *const events[] = {"交易会", "博览会", "展销会", "洽谈会", "论坛",
                                         "文化节", "旅游节", "运动会", NULL};
    const bc_lex *e = NULL;
    size_t n = b1 < lim ? bcx_lex_find(c, C_PROJ, b1, &e) : 0;
    if (n > 0)
        return b1 + n < lim && bcx_words_at(c, b1 + n, lim, "合作") > 0;
    for (size_t q = b1; q < lim && q < b1 + 12 && c->t[q].han; q++) {
        if (q > b1 && (bcx_gap(c, q - 1) & (G_COMMA | G_DOT | G_OPEN)))
            break;
        if (bcx_lex_find(c, C_MECH, q, &e) > 0 || bcx_lex_find(c, C_MEET, q, &e) > 0)
            return 1;
        for (int k = 0; events[k]; k++)
            if (bcx_words_at(c, q, lim, events[k]))
                return 1;
    }
    return 0;
}

/* 1 when a river's name starts at token i and a crossing word follows it (after more
 * rivers): "巴越红河公路大桥" is 巴越, then the Red River the bridge spans, then the bridge;
 * "界河" (the border river) likewise. */
static int river_before_crossing(const ctx *c, size_t i, size_t lim)
{
    static const char *const rivers[] = {"红河", "界河", NULL};
    const bc_lex *e = NULL;
    int any = 0;
    for (int k = 0; i < lim && rivers[k];) {
        size_t n = bcx_words_at(c, i, lim, rivers[k]);
        if (n > 0) {
            i += n;
            any = 1;
            k = 0;
        } else {
            k++;
        }
    }
    return any && i < lim && bcx_lex_find(c, C_PROJ, i, &e) > 0;
}

/* The side a country word in brackets ending at token end - 1 gives the name before the
 * brackets ("天保（中国）—": -1, "清水（越南）": +1), its first token in *open; 0 when none. */
static int bracket_country_ending(const ctx *c, size_t lo, size_t end, size_t *open)
{
    const bc_lex *e = NULL;
    size_t p;
    if ((p = bcx_lex_ending(c, C_CN, lo, end, &e)) != SIZE_MAX && p > lo &&
        (bcx_gap(c, p - 1) & G_OPEN)) {
        *open = p;
        return -1;
    }
    if ((p = bcx_lex_ending(c, C_VN, lo, end, &e)) != SIZE_MAX && p > lo &&
        (bcx_gap(c, p - 1) & G_OPEN)) {
        *open = p;
        return 1;
    }
    return 0;
}

/* The side a country word in brackets starting at token i gives the name before it
 * ("清水（越南）口岸": +1), 0 when none. */
static int bracket_country_at(const ctx *c, size_t i, size_t lim)
{
    const bc_lex *e = NULL;
    size_t n;
    if (i == 0 || i >= lim || !(bcx_gap(c, i - 1) & G_OPEN))
        return 0;
    if ((n = bcx_lex_find(c, C_CN, i, &e)) > 0 && (bcx_gap(c, i + n - 1) & G_CLOSE))
        return -1;
    if ((n = bcx_lex_find(c, C_VN, i, &e)) > 0 && (bcx_gap(c, i + n - 1) & G_CLOSE))
        return 1;
    return 0;
}

/* 1 when token i is a Chinese numeral counting pairs ("田蓬—上蓬两对口岸": 两 before 对). */
static int counts_pairs(const ctx *c, size_t i, size_t lim)
{
    static const char *const nums[] = {"两", "二", "三", "四", "五", "几", NULL};
    if (i + 1 >= lim || !bcx_words_at(c, i + 1, lim, "对"))
        return 0;
    for (int k = 0; nums[k]; k++)
        if (bcx_words_at(c, i, lim, nums[k]))
            return 1;
    return 0;
}

/* Chinese pairs: two runs of characters joined by a dash, next to a word for a crossing
 * (口岸, 大桥, 铁路, 公路, 通道) or carrying country prefixes: 中国河口—越南老街口岸. */
/* 1 when a known place or province of sentence si is exactly tokens [a, b). */
static int hit_at(const ctx *c, size_t si, size_t a, size_t b)
{
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].t0 == a && c->h[q].t1 == b &&
            (c->h[q].entity == E_PLACE || c->h[q].entity == E_PROVINCE))
            return 1;
    return 0;
}

/* "凭祥至同登跨境铁路", "崇左至谅山高速公路": a line from one known place to a known place of
 * the other side, a crossing word after the second (modifiers between, at most four
 * characters); a route between two places of one side is none. */
static void han_routes(ctx *c, size_t si)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0, lim = c->se[si].t1;
    for (size_t k = lo + 1; k + 1 < lim && c->rc == BC_OK; k++) {
        if (!bcx_words_at(c, k, lim, "至") || !c->t[k].glued || !c->t[k + 1].glued)
            continue;
        size_t a0 = SIZE_MAX, b1 = known_name_starting(c, si, k + 1), q = b1, n = 0;
        for (size_t h = c->se[si].h0; h < c->se[si].h1; h++)
            if (c->h[h].t1 == k && c->h[h].t0 < a0 &&
                (c->h[h].entity == E_PLACE || c->h[h].entity == E_PROVINCE))
                a0 = c->h[h].t0;
        if (a0 == SIZE_MAX || b1 == k + 1)
            continue;
        while (q < lim && q < b1 + 4 && c->t[q].glued && c->t[q].han &&
               (n = bcx_lex_find(c, C_PROJ, q, &e)) == 0)
            q++;
        if (n == 0 || q >= lim || q > b1 + 4)
            continue;
        int ca = han_side(c, si, a0, k), cb = han_side(c, si, k + 1, b1);
        if (ca == 0 || cb == 0 || ca == cb)
            continue;
        unsigned near = (unsigned)e->val;
        size_t v0 = ca > 0 ? a0 : k + 1, v1 = ca > 0 ? k : b1;
        size_t w0 = ca > 0 ? k + 1 : a0, w1 = ca > 0 ? b1 : k;
        int swapped = 0;
        const gz_project *p =
            bcx_gate_project_for(c, a0, k - 1, k + 1, b1 - 1, bcx_gate_want_of(near), &swapped);
        bcx_gate_add(c, si, a0, q + n, c->s + c->t[v0].start, c->t[v1 - 1].end - c->t[v0].start,
                     c->s + c->t[w0].start, c->t[w1 - 1].end - c->t[w0].start, p, near, 1,
                     p ? 0.85 : 0.75);
        k = q + n - 1;
    }
}

/* "中越德天（板约）瀑布": a known place with a known place of the other side in brackets
 * right after it names one site by its two sides' names, a pair. */
static void han_bracketed_sides(ctx *c, size_t si, unsigned present)
{
    for (size_t h = c->se[si].h0; h < c->se[si].h1 && c->rc == BC_OK; h++) {
        size_t a0 = c->h[h].t0, a1 = c->h[h].t1, b1 = known_name_starting(c, si, a1);
        if (c->h[h].entity != E_PLACE || !c->t[a0].han || a1 >= c->se[si].t1 || b1 == a1 ||
            !(bcx_gap(c, a1 - 1) & G_OPEN) || !(bcx_gap(c, b1 - 1) & G_CLOSE))
            continue;
        int ca = han_side(c, si, a0, a1), cb = han_side(c, si, a1, b1);
        if (ca == 0 || cb == 0 || ca == cb)
            continue;
        size_t v0 = ca > 0 ? a0 : a1, v1 = ca > 0 ? a1 : b1;
        size_t w0 = ca > 0 ? a1 : a0, w1 = ca > 0 ? b1 : a1;
        bcx_gate_add(c, si, a0, b1, c->s + c->t[v0].start, c->t[v1 - 1].end - c->t[v0].start,
                     c->s + c->t[w0].start, c->t[w1 - 1].end - c->t[w0].start, NULL, present, 1,
                     0.7);
    }
}

/* 1 when token i is "站" (a station) after a character of a name: "同登站", "凭祥站" name
 * the places 同登 and 凭祥 ("越南同登站—中国凭祥站铁路通道"). */
static int station_at(const ctx *c, size_t i, size_t lo, size_t lim)
{
    return i > lo && i < lim && c->t[i - 1].han && c->t[i].glued && bcx_words_at(c, i, lim, "站");
}

/* The order the article names the two sides of its crossings in: +1 Vietnam's first
 * ("茶岭—龙邦口岸", "波标—岳圩口岸"), -1 China's first, 0 when it names none with two known
 * names joined by a dash or both orders. */
static int article_order(ctx *c)
{
    int vn_first = 0, cn_first = 0;
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++)
        for (size_t p = c->se[si].h0; p < c->se[si].h1; p++) {
            size_t k = c->h[p].t1;
            if (k >= c->se[si].t1 || k == 0 || !(bcx_gap(c, k - 1) & G_DASH) || !c->t[k].han)
                continue;
            for (size_t q = c->se[si].h0; q < c->se[si].h1; q++) {
                if (c->h[q].t0 != k)
                    continue;
                int a = han_side(c, si, c->h[p].t0, k), b = han_side(c, si, k, c->h[q].t1);
                if (a > 0 && b < 0)
                    vn_first++;
                else if (a < 0 && b > 0)
                    cn_first++;
                break;
            }
        }
    return vn_first > 0 && cn_first == 0 ? 1 : cn_first > 0 && vn_first == 0 ? -1 : 0;
}

void bcx_han_pairs(ctx *c, size_t si, unsigned present)
{
    han_routes(c, si);
    han_bracketed_sides(c, si, present);
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0, lim = c->se[si].t1;
    for (size_t k = lo; k + 1 < lim && c->rc == BC_OK; k++) {
        /* "中国十里村（热水塘）—越南王麻寨": the name in brackets is the left one's other name */
        unsigned g = bcx_gap(c, k), ok = G_SPACE | G_DASH | (g & G_CLOSE ? G_CLOSE | G_PAREN : 0);
        if (!(g & G_DASH) || (g & ~ok) || !c->t[k].han || !c->t[k + 1].han)
            continue;
        /* the right run: up to a crossing word, at most four characters */
        size_t b0 = k + 1, b1 = b0, n;
        int cb = 0, ca = 0;
        if ((n = bcx_lex_find(c, C_CN, b0, &e)) > 0)
            cb = -1, b0 += n, b1 = b0;
        else if ((n = bcx_lex_find(c, C_VN, b0, &e)) > 0)
            cb = 1, b0 += n, b1 = b0;
        unsigned near = 0;
        while (b1 < lim && b1 < b0 + 4 && c->t[b1].han && (b1 == b0 || c->t[b1].glued) &&
               !han_stop(c, b1, lim) && !han_modifier(c, b1, lim) &&
               !(b1 > b0 && counts_pairs(c, b1, lim)) &&
               !(b1 >= b0 + 2 && river_before_crossing(c, b1, lim))) {
            if ((n = bcx_lex_find(c, C_PROJ, b1, &e)) > 0) {
                near |= (unsigned)e->val;
                break;
            }
            b1++;
        }
        /* a known name whose first character stops a run ("同登": 同 is "with") */
        size_t kn = known_name_starting(c, si, b0);
        if (b1 == b0 && kn > b0 + 1 && kn <= b0 + 4 && kn <= lim)
            b1 = kn;
        if (b1 < lim && (n = bcx_lex_find(c, C_PROJ, b1, &e)) > 0)
            near |= (unsigned)e->val;
        /* "凭祥站铁路": the station's place */
        if (b1 >= b0 + 3 && station_at(c, b1 - 1, b0, lim))
            b1--;
        /* four characters and no crossing word after them: a name and what follows it
         * ("巴刹红河界河公路大桥"): keep two */
        if (b1 == b0 + 4 && known_name_ending(c, si, b0, b1) == SIZE_MAX &&
            (b1 >= lim || bcx_lex_find(c, C_PROJ, b1, &e) == 0))
            b1 = b0 + 2;
        if (b1 == b0 ||
            (b1 + 1 < lim && (bcx_gap(c, b1 - 1) & G_DASH) && b1 < lim && c->t[b1].han && !(near)))
            continue;
        /* "清水（越南）口岸": the country in brackets after the right name */
        if (cb == 0)
            cb = bracket_country_at(c, b1, lim);
        /* "老街金城口岸": a province or town before the gate's own name */
        for (size_t q = b0 + 1; q + 1 < b1; q++)
            if (hit_at(c, si, b0, q) && hit_at(c, si, q, b1)) {
                b0 = q;
                break;
            }
        /* "越南马鹿塘口岸—中国金水河口岸": the left name ends before its crossing word */
        size_t a1 = k + 1, cw;
        /* "天保（中国）—清水（越南）": the country in brackets after the left name */
        if ((g & G_CLOSE) && (ca = bracket_country_ending(c, lo, a1, &cw)) != 0)
            a1 = cw;
        if ((cw = bcx_lex_ending(c, C_PROJ, lo, a1, &e)) != SIZE_MAX && cw > lo) {
            near |= (unsigned)e->val;
            a1 = cw;
        } else if (a1 >= lo + 3 && station_at(c, a1 - 1, lo, lim)) {
            a1--; /* "越南同登站—": the station's place */
        }
        /* the left run: a known name ending at the dash, else back to a stop character
         * or a country prefix, at most three characters */
        size_t a0 = known_name_ending(c, si, lo, a1);
        if (a0 == SIZE_MAX) {
            /* back to punctuation, a particle or a country prefix: a run of two or three
             * characters is the name; a longer one holds words before it, keep two */
            a0 = a1;
            while (a0 > lo && a1 - a0 < 8 && c->t[a0 - 1].han && (a0 == a1 || c->t[a0].glued) &&
                   !han_stop(c, a0 - 1, lim) && bcx_lex_ending(c, C_CN, lo, a0, &e) == SIZE_MAX &&
                   bcx_lex_ending(c, C_VN, lo, a0, &e) == SIZE_MAX &&
                   bcx_lex_ending(c, C_BOTH_SIDES, lo, a0, &e) == SIZE_MAX)
                a0--;
            if (a1 - a0 > 3)
                a0 = a1 - 2;
        }
        /* "水口—崇左—爱店高速公路": a chain of places is a route, not a pair */
        if (a0 > lo && (bcx_gap(c, a0 - 1) & G_DASH))
            continue;
        /* "北仑河二桥（东兴—芒街）": a pair in brackets after the crossing it names */
        if (a0 > lo && (bcx_gap(c, a0 - 1) & G_OPEN)) {
            if (bcx_lex_ending(c, C_PROJ, lo, a0, &e) != SIZE_MAX)
                near |= (unsigned)e->val;
            else if (bcx_words_at(c, a0 - 1, a0, "桥"))
                near |= PK_BRIDGE;
        }
        if (ca == 0 && bcx_lex_ending(c, C_CN, lo, a0, &e) != SIZE_MAX)
            ca = -1;
        else if (ca == 0 && bcx_lex_ending(c, C_VN, lo, a0, &e) != SIZE_MAX)
            ca = 1;
        near |= bcx_crossing_near(c, si, a0, b1, 2);
        /* the head of the phrase is its kind: "马鹿塘口岸—金水河口岸多功能跨境公路大桥" is a
         * bridge; the last crossing word of the run of characters after the pair, up to
         * punctuation or a particle */
        for (size_t q = b1 + 1, head = 0;
             q < lim && q < b1 + 12 && c->t[q].han && !(bcx_gap(c, q - 1) & (G_COMMA | G_DOT)) &&
             !han_stop(c, q, lim);
             q += head ? head : 1) {
            head = bcx_lex_find(c, C_PROJ, q, &e);
            if (head > 0 && q > b1 + 1)
                near = (unsigned)e->val;
        }
        /* a list of pairs before one crossing word ("河口—老街、天保—清水等口岸") */
        if (near == 0 && (ca == 0 || cb == 0) && present == 0)
            continue;
        if (a1 == a0)
            continue;
        if (ca == 0)
            ca = han_side(c, si, a0, a1);
        if (cb == 0)
            cb = han_side(c, si, b0, b1);
        if (ca == 0 && cb == 0) {
            ca = han_hint(c, c->s + c->t[a0].start, c->t[a1 - 1].end - c->t[a0].start);
            cb = han_hint(c, c->s + c->t[b0].start, c->t[b1 - 1].end - c->t[b0].start);
        }
        /* two unknown runs with no crossing word of their own are words a dash joins
         * ("往来更密切——今年滇越边境合作回眸": a headline's two halves), not a list of pairs */
        if (ca == 0 && cb == 0 && near == 0)
            continue;
        if (ca == 0 && cb != 0)
            ca = -cb;
        if (cb == 0 && ca != 0)
            cb = -ca;
        /* Chinese reports name their own side first, unless the article names Vietnam's
         * first where it names two known places ("茶岭—龙邦口岸..., 同时开通那弄—那西通道") */
        if (ca == 0 && article_order(c) > 0)
            ca = 1, cb = -1;
        else if (ca == 0)
            ca = -1, cb = 1;
        if (ca == cb)
            continue;
        int swapped = 0;
        /* the kind its own crossing word states (口岸, 大桥, 铁路), else a gate pair */
        unsigned want = bcx_gate_want_of(near);
        const gz_project *p = bcx_gate_project_for(c, a0, a1 - 1, b0, b1 - 1, want, &swapped);
        if (p == NULL && names_parties(c, b1, lim))
            continue;
        size_t v0 = ca > 0 ? a0 : b0, v1 = ca > 0 ? a1 : b1;
        size_t w0 = ca > 0 ? b0 : a0, w1 = ca > 0 ? b1 : a1;
        /* sea lines are no crossings the corpus counts ("防城港—下龙旅游航线"): known
         * projects only, as in extract_gate.c */
        unsigned kinds = p ? p->kmask : near;
        int pair = kinds == 0 || (kinds & ~(unsigned)PK_SEA) != 0;
        bcx_gate_add(c, si, a0, b1, c->s + c->t[v0].start, c->t[v1 - 1].end - c->t[v0].start,
                     c->s + c->t[w0].start, c->t[w1 - 1].end - c->t[w0].start, p, near, pair,
                     p ? 0.85 : 0.75);
        k = b1;
    }
}

/* Chinese: "X口岸位于..., 与越南...Y口岸相接/相对": two names before 口岸 in a sentence
 * with a verb of facing; the one after 越南 (or a Vietnamese province) is Vietnam's. */
void bcx_han_facing(ctx *c, size_t si, unsigned present)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0, lim = c->se[si].t1, name[2][2] = {{0}}, found = 0, gate0 = 0;
    int side[2] = {0, 0}, faces = bcx_sent_has(c, si, C_FACES, -1) != 0;
    for (size_t k = lo + 2; k < lim && found < 3; k++) {
        if (bcx_words_at(c, k, lim, "口岸") == 0)
            continue;
        size_t end = k;
        while (end > lo + 2 && han_modifier(c, end - 2, lim))
            end -= 2;
        size_t a = known_name_ending(c, si, lo, end);
        if (a == SIZE_MAX || end - a > 4)
            a = end - 2;
        int stop = 0; /* "边境管理和口岸部门": a name holds no particle, nor punctuation */
        for (size_t q = a; q < end && a >= lo && !stop; q++)
            stop = han_stop(c, q, lim) || (q > a && !c->t[q].glued);
        if (a < lo || !c->t[a].han || stop)
            continue;
        if (found < 2) {
            name[found][0] = a;
            name[found][1] = end;
            if (found == 0)
                gate0 = k;
            /* the nearest country word or Vietnamese province earlier in its clause (not
             * the other name's: "越南老街口岸与中国河口口岸") */
            for (size_t q = a; q > lo && q + 12 > a && side[found] == 0; q--) {
                if ((bcx_gap(c, q - 1) & (G_COMMA | G_DOT)) || bcx_words_at(c, q - 1, q, "与") ||
                    bcx_words_at(c, q - 1, q, "和"))
                    break;
                if (bcx_lex_ending(c, C_VN, lo, q, &e) != SIZE_MAX)
                    side[found] = 1;
                else if (bcx_lex_ending(c, C_CN, lo, q, &e) != SIZE_MAX)
                    side[found] = -1;
            }
            if (side[found] == 0)
                side[found] = han_side(c, si, a, end);
        }
        found++;
    }
    if (found != 2)
        return;
    /* without a verb of facing, two gates joined by "and" right after the first, each side
     * known by its own country word or name ("中国东兴口岸和越南芒街口岸"), the other no
     * part of the phrase but the words of where it lies */
    if (!faces) {
        size_t j = gate0 + 2;
        if (side[0] == 0 || side[1] == 0 || j >= lim ||
            !(bcx_words_at(c, j, lim, "与") || bcx_words_at(c, j, lim, "和")) || name[1][0] > j + 9)
            return;
        for (size_t q = j; q < name[1][0]; q++)
            if (bcx_gap(c, q) & (G_COMMA | G_DOT | G_DASH))
                return;
    }
    if (side[0] == 0)
        side[0] = -side[1];
    if (side[1] == 0)
        side[1] = -side[0];
    if (side[0] == 0 || side[0] == side[1])
        return;
    int v = side[0] > 0 ? 0 : 1;
    bcx_gate_add(c, si, name[0][0], name[1][1], c->s + c->t[name[v][0]].start,
                 c->t[name[v][1] - 1].end - c->t[name[v][0]].start,
                 c->s + c->t[name[1 - v][0]].start,
                 c->t[name[1 - v][1] - 1].end - c->t[name[1 - v][0]].start, NULL, present, 1, 0.7);
}
