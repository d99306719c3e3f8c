/* extract_meet.c: meetings: an ordinal with a meeting noun ("the 11th meeting", "lan
 * thu 11", "第十次会议", "la 7e reunion"), a named mechanism's meeting with a date ("the
 * 2024 spring meeting"), or talks, a working session or a reception with a date. A
 * mention gets a mechanism only when its sentence names it: the kind in its own words
 * and the provinces that single out one mechanism of that kind. Its date is the date of
 * its sentence that is about it, never a period a figure took; a date without a written
 * year is completed from the reference date and marked so. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Value of a Roman numeral of two or more letters, or V or X alone (1..50), else 0: the
 * tens (X, XX, XXX, XL, L) then the ones (I .. IX), written the one canonical way. */
static int roman(const char *s, size_t n)
{
    static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    static const char *const tens[] = {"", "X", "XX", "XXX", "XL", "L"};
    if (n == 0 || n > 8 || (n == 1 && s[0] != 'V' && s[0] != 'X'))
        return 0;
    for (size_t k = 0; k < n; k++)
        if (s[k] != 'I' && s[k] != 'V' && s[k] != 'X' && s[k] != 'L')
            return 0; /* most capitalised words stop here */
    for (int t = 5; t >= 0; t--) {
        size_t tl = strlen(tens[t]);
        if (tl > n || memcmp(s, tens[t], tl) != 0)
            continue;
        for (int o = 0; o < 10; o++) {
            size_t ol = strlen(ones[o]);
            if (tl + ol == n && memcmp(s + tl, ones[o], ol) == 0 && t * 10 + o > 0)
                return t * 10 + o;
        }
    }
    return 0;
}

/* 1 when token i is the suffix glued to an ordinal number: Dutch 5e/4de/8ste, English
 * 11th/1st/2nd/3rd, French 7e/7eme/1er/1re. */
static int ord_suffix(const ctx *c, size_t i, size_t lim)
{
    static const char *const nl[] = {"e", "de", "ste", NULL};
    static const char *const en[] = {"th", "st", "nd", "rd", NULL};
    static const char *const fr[] = {"e", "eme", "er", "ere", "re", "ieme", NULL};
    const char *const *w = c->lbit == L_NL   ? nl
                           : c->lbit == L_EN ? en
                           : c->lbit == L_FR ? fr
                                             : NULL;
    if (w == NULL || i >= lim || !c->t[i].glued || c->t[i].kind != T_WORD)
        return 0;
    for (; *w; w++)
        if (bcx_word_is(c, i, lim, *w))
            return 1;
    return 0;
}

/* A Chinese numeral 1..99 at token i (十, 十一, 二十三); its tokens in *n. */
static int han_number(const ctx *c, size_t i, size_t lim, size_t *n)
{
    static const char *const digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int v = 0, cur = 0;
    size_t k = i;
    for (; k < lim && c->t[k].han; k++) {
        int d = 0;
        for (int q = 0; q < 9 && d == 0; q++)
            if (bcx_words_at(c, k, lim, digits[q]))
                d = q + 1;
        if (d != 0) {
            cur = d;
        } else if (bcx_words_at(c, k, lim, "十")) {
            v += (cur ? cur : 1) * 10;
            cur = 0;
        } else {
            break;
        }
    }
    *n = k - i;
    return v + cur;
}

/* An ordinal at token i: "11.", "5e", "11th", "10:e", "jedenaste", "fifth", "V",
 * Vietnamese "lan thu 11", Chinese "第十次" / "第11届". Returns its value and its tokens
 * in *n. */
static int ordinal_at(const ctx *c, size_t i, size_t lim, size_t *n)
{
    const bc_lex *e = NULL;
    const tok *t = &c->t[i];
    *n = 0;
    if (t->used)
        return 0;
    if (c->lbit == L_ZH) {
        if (!bcx_words_at(c, i, lim, "第") || i + 2 >= lim)
            return 0;
        size_t k = i + 1, m = 0;
        int v = 0;
        if (c->t[k].kind == T_NUM && c->t[k].plain && c->t[k].ndig <= 2)
            v = (int)c->t[k].num, m = 1;
        else
            v = han_number(c, k, lim, &m);
        if (v < 1 || m == 0 ||
            !(bcx_words_at(c, k + m, lim, "次") || bcx_words_at(c, k + m, lim, "届")))
            return 0;
        *n = 1 + m + 1;
        return v;
    }
    if (t->kind == T_NUM && t->plain && t->ndig <= 2 && t->num >= 1) {
        size_t end = t->end;
        const tok *nx = i + 1 < lim ? &c->t[i + 1] : NULL;
        int v = (int)t->num;
        if (c->lbit == L_VI)
            return 0;
        if (end < c->n && c->s[end] == '.' && nx && nx->kind == T_WORD && !nx->upper &&
            nx->start > end + 1 && c->lbit == L_PL)
            *n = 1;
        else if (ord_suffix(c, i + 1, lim))
            *n = 2;
        else if (end < c->n && c->s[end] == ':' && nx && nx->start == end + 1 &&
                 (bcx_word_is(c, i + 1, lim, "e") || bcx_word_is(c, i + 1, lim, "a")))
            *n = 2;
        return *n ? v : 0;
    }
    if (t->kind != T_WORD)
        return 0;
    if (c->lbit == L_VI) {
        size_t m = bcx_lex_find(c, C_LAN_THU, i, &e);
        if (m == 0 || i + m >= lim)
            return 0;
        const tok *d = &c->t[i + m];
        if (d->kind == T_NUM && d->plain && d->ndig <= 2 && d->num >= 1) {
            *n = m + 1;
            return (int)d->num;
        }
        size_t q;
        int v = roman(c->s + d->start, d->end - d->start);
        if (v != 0) {
            *n = m + 1;
            return v;
        }
        v = bcx_count_at(c, i + m, lim, &q);
        if (v == 0 && bcx_word_is(c, i + m, lim, "nhat"))
            v = 1, q = 1;
        *n = v ? m + q : 0;
        return v;
    }
    if ((*n = bcx_lex_find(c, C_ORD, i, &e)) > 0)
        return (int)e->val;
    int v = roman(c->s + t->start, t->end - t->start);
    if (v == 0 && c->lbit == L_FR) {
        /* "XIe", "IVeme": a Roman numeral with the French ordinal ending */
        size_t len = t->end - t->start;
        static const char *const ends[] = {"e", "eme", "ème", "er", NULL};
        for (int k = 0; ends[k] && v == 0; k++) {
            size_t el = strlen(ends[k]);
            if (len > el && memcmp(c->s + t->end - el, ends[k], el) == 0)
                v = roman(c->s + t->start, len - el);
        }
    }
    *n = v ? 1 : 0;
    return v;
}

/* The meeting noun of an ordinal at token i (ending before token j): within four words
 * after it (Chinese: twelve characters; Vietnamese: six words before it). Returns the
 * noun's first token + 1 (0 when none), its kind and end. */
static size_t meeting_noun(const ctx *c, size_t i, size_t j, size_t lim, int *kind,
                           size_t *noun_end)
{
    const bc_lex *e = NULL;
    if (c->lbit == L_VI) {
        size_t lo = c->se[c->t[i].sent].t0;
        for (size_t q = i; q > lo && q + 6 > i; q--) {
            size_t n = bcx_lex_find(c, C_MEET, q - 1, &e);
            if (n > 0) {
                *kind = (int)e->val;
                *noun_end = q - 1 + n;
                return q;
            }
        }
        return 0;
    }
    size_t span = c->lbit == L_ZH ? 12 : 4;
    for (size_t q = j; q < lim && q < j + span; q++) {
        if (c->t[q].kind != T_WORD || (q > j && (bcx_gap(c, q - 1) & (G_COMMA | G_DOT))))
            return 0;
        size_t n = bcx_lex_find(c, C_MEET, q, &e);
        if (n > 0) {
            *kind = (int)e->val;
            *noun_end = q + n;
            return q + 1;
        }
    }
    return 0;
}

static void add_mention(ctx *c, const mention *m)
{
    c->m = bc_grow(c->m, &c->capm, c->nm + 1, sizeof *c->m, &c->rc);
    if (c->rc == BC_OK) {
        c->m[c->nm++] = *m;
        c->se[m->sent].nment++;
    }
    for (size_t k = m->t0; k < m->t1 && c->rc == BC_OK; k++)
        c->t[k].meet = 1;
}

static void new_mention(mention *m, size_t si, size_t t0, size_t t1, size_t noun, size_t noun_end,
                        int noun_kind, int xkind)
{
    memset(m, 0, sizeof *m);
    m->sent = si;
    m->t0 = t0;
    m->t1 = t1;
    m->noun = noun;
    m->noun_end = noun_end;
    m->noun_kind = noun_kind;
    m->xkind = xkind;
    m->kind = -1;
}

/* 1 when sentence si has both countries in it: a Vietnamese and a Chinese province or
 * word ("Chinese", "Trung Quoc", "越方"), or a word for both sides ("the two sides",
 * "双方"). */
static int both_sides(const ctx *c, size_t si)
{
    int vn = 0, cn = 0;
    if (bcx_sent_has(c, si, C_BOTH_SIDES, -1))
        return 1;
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].entity == E_PROVINCE) {
            if (bcx_province_cn(c, c->h[q].id))
                cn = 1;
            else
                vn = 1;
        } else if (c->h[q].entity == E_PLACE) {
            if (strcmp(c->h[q].id, "CN") == 0)
                cn = 1;
            else
                vn = 1;
        }
    vn = vn || bcx_sent_has(c, si, C_VN, -1);
    cn = cn || bcx_sent_has(c, si, C_CN, -1);
    /* a Chinese report names its own side as a city or prefecture (崇左市, 文山州) */
    for (size_t k = c->se[si].t0; c->lbit == L_ZH && vn && !cn && k < c->se[si].t1; k++) {
        if (k == c->se[si].t0 || !c->t[k].han || !c->t[k - 1].han ||
            !(bcx_words_at(c, k, k + 1, "市") || bcx_words_at(c, k, k + 1, "州") ||
              bcx_words_at(c, k, k + 1, "县")))
            continue;
        int vn_name = 0;
        for (size_t q = c->se[si].h0; q < c->se[si].h1 && !vn_name; q++)
            vn_name = c->h[q].t1 == k &&
                      !(c->h[q].entity == E_PROVINCE && bcx_province_cn(c, c->h[q].id)) &&
                      !(c->h[q].entity == E_PLACE && strcmp(c->h[q].id, "CN") == 0);
        cn = !vn_name;
    }
    return vn && cn;
}

/* 1 when sentence si names the other country's side: for a Chinese report a Vietnamese
 * province, place or word, for the others a Chinese one. Talks, a working session or a
 * reception with the other side are a meeting between the two; the report's own side
 * goes unsaid ("received a delegation from Chongzuo, China"). */
static int other_side(const ctx *c, size_t si)
{
    int want_cn = c->lbit != L_ZH;
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++) {
        int cn = c->h[q].entity == E_PROVINCE ? bcx_province_cn(c, c->h[q].id)
                 : c->h[q].entity == E_PLACE  ? strcmp(c->h[q].id, "CN") == 0
                                              : -1;
        if (cn >= 0 && cn == want_cn)
            return 1;
    }
    return bcx_sent_has(c, si, want_cn ? C_CN : C_VN, -1);
}

/* 1 when token i shares a clause (no comma, semicolon or full stop between) with a token
 * of a numbered or named meeting of sentence si. */
static int in_meeting_clause(const ctx *c, size_t si, size_t i)
{
    for (size_t k = i; k > c->se[si].t0 && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)); k--)
        if (c->t[k - 1].meet)
            return 1;
    for (size_t k = i; k + 1 < c->se[si].t1 && !(bcx_gap(c, k) & (G_COMMA | G_DOT)); k++)
        if (c->t[k + 1].meet)
            return 1;
    return 0;
}

/* 1 when sentence si says the talks it names take place or took place ("were held", "will
 * be held", "odbeda sie"): then a month is their date too ("talks held in March"). */
static int talks_held(const ctx *c, size_t si)
{
    return bcx_sent_has(c, si, C_HELD, -1) || bcx_sent_has(c, si, C_FUTURE, -1);
}

/* 1 when a numbered meeting of sentence si starts or ends within four tokens of the
 * phrase [a, b). */
static int beside_numbered(const ctx *c, size_t si, size_t a, size_t b)
{
    for (size_t k = c->nm; k > 0 && c->m[k - 1].sent == si; k--) {
        const mention *m = &c->m[k - 1];
        if (m->xkind == BC_XM_NUMBERED &&
            (m->t0 >= b ? m->t0 - b <= 4 : a >= m->t1 && a - m->t1 <= 4))
            return 1;
    }
    return 0;
}

/* The token after the last meeting noun of sentence si (its first token when none). */
static size_t last_meet_noun(const ctx *c, size_t si)
{
    for (size_t i = c->se[si].t1; i > c->se[si].t0; i--)
        if (c->t[i - 1].meet || bcx_lex_find(c, C_MEET, i - 1, NULL) > 0)
            return i;
    return c->se[si].t0;
}

/* Numbered meetings; unnumbered ones of a named kind with a date next to them
 * ("varmotet 2024", "the 2024 spring meeting"); talks, working sessions and receptions
 * with a date of day precision in their clause. */
void bcx_find_mentions(ctx *c)
{
    const bc_lex *e = NULL;
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t lim = c->se[si].t1;
        for (size_t i = c->se[si].t0; i < lim && c->rc == BC_OK; i++) {
            size_t n, noun_end = 0, noun;
            int kind = 0, v = ordinal_at(c, i, lim, &n);
            if (v == 0 || (noun = meeting_noun(c, i, i + n, lim, &kind, &noun_end)) == 0)
                continue;
            noun--;
            mention m;
            new_mention(&m, si, noun < i ? noun : i, noun_end > i + n ? noun_end : i + n, noun,
                        noun_end, kind, BC_XM_NUMBERED);
            m.ord = v;
            for (size_t k = i; k < i + n; k++)
                c->t[k].used = U_ORD;
            add_mention(c, &m);
        }
    }
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++)
        for (size_t i = c->se[si].t0; i < c->se[si].t1 && c->rc == BC_OK; i++) {
            size_t n = c->t[i].meet ? 0 : bcx_lex_find(c, C_MEET, i, &e);
            if (n == 0 || e->val == K_GENERIC)
                continue;
            /* English puts the year before the words of the name: "the 2024 joint
             * working committee conference" */
            size_t before = c->lbit == L_EN ? 4 : 1;
            for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
                const xd *d = &c->d[k];
                if (d->prec == 0 || !((d->t0 >= i + n && d->t0 <= i + n + 1) ||
                                      (d->t1 <= i && d->t1 + before >= i)))
                    continue;
                mention m;
                new_mention(&m, si, i < d->t0 ? i : d->t0, i + n > d->t1 ? i + n : d->t1, i, i + n,
                            (int)e->val, BC_XM_NAMED);
                copy_str(m.date, sizeof m.date, d->iso);
                m.date_inferred = d->inferred;
                m.date_src = 1;
                add_mention(c, &m);
                break;
            }
            /* without a date next to it, the named meeting still counts when its sentence
             * reports it held ("the Spring Meeting ... took place on ...") or
             * it stands beside a numbered one ("Gap go dau Xuan va Hoi nghi lan thu 15") */
            if (!c->t[i].meet &&
                (bcx_sent_has(c, si, C_HELD, -1) || beside_numbered(c, si, i, i + n))) {
                mention m;
                new_mention(&m, si, i, i + n, i, i + n, (int)e->val, BC_XM_NAMED);
                add_mention(c, &m);
            }
        }
    /* talks and receptions: the date comes in resolve */
    int talks_before = 0; /* talks between both sides seen earlier in the article */
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        int seen = 0;
        size_t last_noun = last_meet_noun(c, si);
        for (size_t i = c->se[si].t0; i < c->se[si].t1 && c->rc == BC_OK && !seen; i++) {
            /* a numbered or named meeting speaks for its clause ("3月12日，...举行工作会谈，
             * 双方回顾了...第七次联席会议以来的合作进展": the talks are another meeting) */
            if (c->t[i].meet || c->t[i].used == U_DATE || in_meeting_clause(c, si, i))
                continue; /* "会晤期间": a date, "during the meeting" */
            size_t n = bcx_lex_find(c, C_TALKS, i, &e);
            int ceremony = n > 0 && e->val == TALKS_CEREMONY;
            /* "会谈当天下午": the day of talks already reported, not another meeting */
            if (n > 0 && i + n < c->se[si].t1 && bcx_lex_find(c, C_SAME_DAY, i + n, NULL) > 0)
                continue;
            if (n > 0 && e->val == TALKS_VERB && last_noun > i + n)
                continue;
            /* a meeting noun beside a numbered or named meeting is that meeting again */
            if (n == 0 && c->se[si].nment == 0)
                n = bcx_lex_find(c, C_MEET, i, &e);
            if (n == 0)
                continue;
            if (i + n < c->se[si].t1 && bcx_lex_find(c, C_MINUTES, i + n, &e) > 0)
                continue; /* "the minutes of the talks" are a document, not a meeting */
            int both = both_sides(c, si);
            /* a ceremony is a meeting only when both sides are named in it; talks also with
             * the other side named, or as the next round of talks the article already
             * reported between both ("the next talks will be held in December") */
            if (!both && (ceremony || !(other_side(c, si) || (talks_before && talks_held(c, si)))))
                break; /* a gathering of one side is no meeting between the two */
            mention m;
            new_mention(&m, si, i, i + n, i, i + n, K_GENERIC, BC_XM_TALKS);
            m.weak = !both;
            add_mention(c, &m);
            talks_before = talks_before || both;
            seen = 1;
        }
    }
}

static const gz_mech *mech_by_id(const ctx *c, const char *id)
{
    for (size_t k = 0; c->g && k < c->g->nme; k++)
        if (strcmp(GZ(c->g, c->g->me[k].id), id) == 0)
            return &c->g->me[k];
    return NULL;
}

static int is_member1(const ctx *c, const gz_mech *me, const char *province)
{
    size_t n = strlen(province);
    for (const char *m = GZ(c->g, me->members); (m = strstr(m, province)) != NULL; m++)
        if (m[-1] == ' ' && m[n] == ' ')
            return 1;
    return 0;
}

/* A member, or a province merged into a member (Ha Giang, now part of Tuyen Quang). */
static int is_member(const ctx *c, const gz_mech *me, const char *province)
{
    const char *into = bcx_province_merged_into(c, province);
    return is_member1(c, me, province) || (into[0] != '\0' && is_member1(c, me, into));
}

/* The kind a mention names in its own words: the noun's (committee, spring meeting), a
 * mechanism phrase or name between the ordinal and eight words past the noun
 * ("spotkanie Wspolnej Grupy Roboczej"), else the conference a conference noun names
 * with words that make it the yearly one (annual, party secretaries). -1 when none. */
static int own_kind(const ctx *c, mention *m)
{
    const bc_lex *e = NULL;
    if (m->noun_kind == K_COMMITTEE || m->noun_kind == K_SPRING || m->noun_kind == K_WG)
        return m->noun_kind;
    size_t lim = c->se[m->sent].t1, span = c->lbit == L_ZH ? 16 : 8;
    size_t lo = m->t0 > c->se[m->sent].t0 + span ? m->t0 - span : c->se[m->sent].t0;
    size_t end = m->t1 + span < lim ? m->t1 + span : lim;
    int conf = m->noun_kind == K_CONF, cue = 0, kind = -1;
    /* the words of the name may come before the ordinal too ("Joint Working Group's 11th
     * meeting", "联合工作组第十次会议"), within its clause */
    size_t from = m->t0;
    while (from > lo && !(bcx_gap(c, from - 1) & (G_COMMA | G_DOT | G_PAREN)) &&
           c->t[from - 1].used != U_ORD && !c->t[from - 1].meet)
        from--;
    /* its own words first (from the noun on), then those before it */
    for (size_t pass = 0; pass < 2 && kind < 0; pass++)
        for (size_t k = pass == 0 ? m->t0 : from; k < (pass == 0 ? end : m->t0) && kind < 0; k++) {
            if (k >= m->t1 && (c->t[k].used == U_ORD || (bcx_gap(c, k - 1) & G_DOT)))
                break;
            for (size_t q = c->se[m->sent].h0; q < c->se[m->sent].h1; q++)
                if (c->h[q].t0 == k && c->h[q].entity == E_MECHANISM) {
                    const gz_mech *me = mech_by_id(c, c->h[q].id);
                    if (me != NULL && me->kind >= 0 && me->kind != K_CONF)
                        kind = me->kind;
                    else if (me != NULL && me->kind == K_CONF)
                        conf = cue = 1;
                }
            size_t n = bcx_lex_find(c, C_MECH, k, &e);
            if (n > 0 && e->val != K_CONF)
                kind = (int)e->val;
            else if (n > 0)
                conf = 1;
        }
    /* "Le comite mixte de travail entre ... a tenu sa 16e conference": a possessive before
     * the ordinal makes it the meeting of the mechanism its sentence names before it */
    static const char *const poss[] = {"sa",   "son",   "ses",   "leur", "its", "their",
                                       "zijn", "haar",  "hun",   "sitt", "sin", "sina",
                                       "swoj", "swoje", "swoja", "cua",  "其",  NULL};
    int owner = 0;
    for (int w = 0; kind < 0 && m->t0 > c->se[m->sent].t0 && poss[w] && !owner; w++)
        owner = bcx_words_at(c, m->t0 - 1, m->t0, poss[w]) > 0;
    for (size_t k = c->se[m->sent].t0; owner && kind < 0 && k < m->t0; k++) {
        size_t n = bcx_lex_find(c, C_MECH, k, &e);
        if (n > 0 && e->val != K_CONF)
            kind = (int)e->val;
    }
    if (kind >= 0)
        return kind;
    /* the yearly conference: "annual", "thuong nien", "年度", "party secretaries" */
    for (size_t k = lo; conf && !cue && k < end; k++)
        cue = bcx_lex_find(c, C_MECH_CUE, k, &e) > 0;
    return conf && cue ? K_CONF : -1;
}

/* 1 when a blank line separates sentence si from the one before it (or si opens the
 * article or is its heading). */
static int new_paragraph(const ctx *c, size_t si)
{
    if (si == 0 || c->se[si].heading || c->se[si - 1].heading)
        return 1;
    int lines = 0;
    for (size_t b = c->se[si - 1].qe; b < c->se[si].qs; b++)
        lines += c->s[b] == '\n';
    return lines >= 2;
}

/* The mechanism of kind the sentence singles out: every province the sentence names that
 * a mechanism of the kind has must be its member, and the sentence must name its Chinese
 * member, or two of its members, or count its members ("four provinces"). NULL when no
 * mechanism, or more than one, fits. */
static const char *mech_for(const ctx *c, int kind, size_t si)
{
    const char *best = NULL;
    int best_score = 0, tie = 0;
    /* the provinces of the sentence; a sentence naming none ("the two sides held the
     * 16th meeting of the joint working committee") takes those of the sentences before
     * it in its paragraph */
    size_t from = si;
    char seen[BC_X_MAX_PARTIES * 2][64];
    int nseen = bcx_sent_provinces(c, si, seen, BC_X_MAX_PARTIES * 2);
    while (nseen == 0 && from > 0 && si - from < 2 && !new_paragraph(c, from)) {
        from--;
        nseen = bcx_sent_provinces(c, from, seen, BC_X_MAX_PARTIES * 2);
    }
    int counted = bcx_sent_has(c, si, C_COUNT_WORD, -1) || bcx_sent_has(c, from, C_COUNT_WORD, -1);
    for (size_t k = 0; c->g && k < c->g->nme; k++) {
        const gz_mech *me = &c->g->me[k];
        if (me->kind != kind)
            continue;
        int members = 0, cn = 0, foreign = 0;
        for (int q = 0; q < nseen; q++) {
            if (is_member(c, me, seen[q])) {
                members++;
                cn |= bcx_province_cn(c, seen[q]);
            } else {
                foreign++;
            }
        }
        if (foreign > 0 || members == 0)
            continue;
        int score = cn ? 2 + members : members >= 2 || counted ? members : 0;
        if (score > best_score) {
            best = GZ(c->g, me->id);
            best_score = score;
            tie = 0;
        } else if (score == best_score && score > 0) {
            tie = 1;
        }
    }
    return tie ? NULL : best;
}

/* 1 when sentence si names a province that is no member of mechanism id. */
static int foreign_to(const ctx *c, size_t si, const char *id)
{
    const gz_mech *me = mech_by_id(c, id);
    char seen[BC_X_MAX_PARTIES * 2][64];
    int n = bcx_sent_provinces(c, si, seen, BC_X_MAX_PARTIES * 2);
    for (int q = 0; me != NULL && q < n; q++)
        if (!is_member(c, me, seen[q]))
            return 1;
    return me == NULL;
}

/* How far apart tokens a and b are, in words (two Chinese characters make one), with
 * eight more for every comma or bracket between them. */
static size_t clause_dist(const ctx *c, size_t a, size_t b)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a, han = bcx_han_tokens(c, lo, hi);
    return hi - lo - han + 8 * bcx_commas(c, lo, hi) + (han + 1) / 2;
}

/* 1 when talks m and a numbered or named meeting of its sentence (mentions idx[a..b))
 * both could take date d and the other lies nearer than cost. */
static int closer_mention(const ctx *c, const mention *m, const xd *d, size_t cost,
                          const size_t *idx, size_t a, size_t b, int any)
{
    for (size_t k = a; (any || m->xkind == BC_XM_TALKS) && k < b; k++) {
        const mention *o = &c->m[idx[k]];
        if (o == m || (!any && o->xkind == BC_XM_TALKS))
            continue;
        size_t oc =
            d->t0 >= o->t1 ? clause_dist(c, o->t1 - 1, d->t0) : clause_dist(c, d->t1 - 1, o->t0);
        if (oc < cost)
            return 1;
    }
    return 0;
}

/* The date of mention m: a date of its sentence that is not a period a figure took and
 * not a span of several days or months. When the sentence mentions one meeting and has
 * one such date of month or day precision, that is its date wherever it stands ("On June
 * 12, ..., the 10th meeting was held"); otherwise the nearest within a clause or two, a
 * year alone only close by. Talks take days only. */
static const xd *meeting_date(const ctx *c, const mention *m, const size_t *idx, size_t a, size_t b)
{
    const xd *best = NULL, *only = NULL;
    size_t best_cost = SIZE_MAX, fine = 0;
    size_t limit = m->xkind == BC_XM_TALKS ? 14 : 24;
    for (size_t k = c->se[m->sent].d0; k < c->se[m->sent].d1; k++) {
        const xd *d = &c->d[k];
        if (d->prec == 0 || d->used ||
            (m->xkind == BC_XM_TALKS && d->prec < (talks_held(c, m->sent) ? 2 : 3)))
            continue;
        if (d->prec >= 2) {
            fine++;
            only = d;
        }
        size_t cost =
            d->t0 >= m->t1 ? clause_dist(c, m->t1 - 1, d->t0) : clause_dist(c, d->t1 - 1, m->t0);
        if (closer_mention(c, m, d, cost, idx, a, b, 0))
            continue; /* "3月12日...举行工作会谈，双方回顾了去年9月...第七次联席会议": each its own
                       */
        /* a day that opens the sentence is the day of what it reports ("3月12日，崇左市与
         * 越南谅山省在谅山市举行工作会谈"), unless another meeting of it lies nearer */
        if (d->prec == 3 && d->t0 <= c->se[m->sent].t0 + 1 && d->t1 <= m->t0 && cost > limit &&
            !closer_mention(c, m, d, cost, idx, a, b, 1))
            cost = limit;
        if (cost <= (d->prec == 1 ? 8 : limit) && cost < best_cost) {
            best = d;
            best_cost = cost;
        }
    }
    if (best == NULL && fine == 1 && c->se[m->sent].nment == 1)
        best = only;
    return best;
}

/* 1 when mentions a and b (a first) are coordinated: at most four tokens apart with a
 * conjunction or punctuation between ("the 4th conference and the 10th meeting"). */
static int coordinated(const ctx *c, const mention *a, const mention *b)
{
    static const char *const links[] = {"and",        "va",  "et",  "i",   "och", "en", "oraz",
                                        "as well as", "和",  "与",  "及",  "暨",  "la", "le",
                                        "de",         "the", "het", "den", "lan", NULL};
    if (a->sent != b->sent || b->t0 < a->t1 || b->t0 - a->t1 > 4)
        return 0;
    for (size_t k = a->t1; k < b->t0; k++) {
        int link = 0;
        for (int w = 0; links[w] && !link; w++)
            link = bcx_words_at(c, k, b->t0, links[w]) > 0;
        if (!link)
            return 0;
    }
    return 1;
}

/* 1 when numbered mentions a and b (a first) are joined by "and" (the word right before
 * b, an article aside) with no date between them: the date of one is the other's. */
static int joined(const ctx *c, const mention *a, const mention *b)
{
    static const char *const ands[] = {"and",  "va", "et", "i",  "och", "en",
                                       "oraz", "和", "与", "及", "暨",  NULL};
    const bc_lex *e = NULL;
    if (a->sent != b->sent || b->t0 <= a->t1 || a->xkind != BC_XM_NUMBERED ||
        b->xkind != BC_XM_NUMBERED)
        return 0;
    size_t k = b->t0 - 1;
    if (k > a->t1 && bcx_lex_find(c, C_ARTICLE, k, &e) > 0)
        k--;
    int link = 0;
    for (int w = 0; ands[w] && !link; w++)
        link = bcx_words_at(c, k, b->t0, ands[w]) > 0;
    for (size_t q = c->se[a->sent].d0; link && q < c->se[a->sent].d1; q++)
        if (c->d[q].t0 >= a->t1 && c->d[q].t1 <= b->t0)
            return 0;
    return link;
}

/* For a meeting named with its year ("Gap go dau Xuan nam 2025", "2025年...新春会晤",
 * "Voorjaarsbijeenkomst 2023"): the day its sentence writes, completed with that year
 * when the day has none (the year is then the text's, not the publication's). */
static void named_day(ctx *c, mention *m)
{
    int y = atoi(m->date);
    if (strlen(m->date) != 4 || y == 0)
        return;
    /* a day first, else a month ("the 2025 Spring Meeting ... scheduled for February") */
    for (int prec = 3; prec >= 2; prec--)
        for (size_t k = c->se[m->sent].d0; k < c->se[m->sent].d1; k++) {
            const xd *d = &c->d[k];
            if (d->prec != prec || d->used || d->compare || strchr(d->iso, '/') != NULL)
                continue;
            char iso[24];
            if (d->iso[0] == '-')
                snprintf(iso, sizeof iso, "%04d-%.5s", y, d->iso + 2);
            else if (atoi(d->iso) == y || d->inferred)
                snprintf(iso, sizeof iso, "%04d-%.5s", y, d->iso + 5);
            else
                continue;
            copy_str(m->date, sizeof m->date, iso);
            m->date_inferred = 0;
            return;
        }
}

/* The mentions of each sentence in text order: idx is filled sentence by sentence, from
 * *lo[si] to lo[si + 1]. */
static int by_sentence(ctx *c, size_t **idx, size_t **lo)
{
    *idx = bc_malloc((c->nm + 1) * sizeof **idx);
    *lo = bc_calloc(c->ns + 2, sizeof **lo);
    if (*idx == NULL || *lo == NULL)
        return BC_ENOMEM;
    for (size_t k = 0; k < c->nm; k++)
        (*lo)[c->m[k].sent + 1]++;
    for (size_t si = 0; si < c->ns; si++)
        (*lo)[si + 1] += (*lo)[si];
    size_t *fill = bc_calloc(c->ns + 1, sizeof *fill);
    if (fill == NULL)
        return BC_ENOMEM;
    for (size_t k = 0; k < c->nm; k++)
        (*idx)[(*lo)[c->m[k].sent] + fill[c->m[k].sent]++] = k;
    bc_free(fill);
    /* within a sentence, by first token (a handful per sentence: insertion sort) */
    for (size_t si = 0; si < c->ns; si++)
        for (size_t a = (*lo)[si] + 1; a < (*lo)[si + 1]; a++)
            for (size_t b = a; b > (*lo)[si] && c->m[(*idx)[b - 1]].t0 > c->m[(*idx)[b]].t0; b--) {
                size_t t = (*idx)[b];
                (*idx)[b] = (*idx)[b - 1];
                (*idx)[b - 1] = t;
            }
    return BC_OK;
}

/* The dates of sentence si a meeting may take: not a period, not a figure's. Returns how
 * many, the only one in *only. */
static size_t free_dates(const ctx *c, size_t si, const xd **only)
{
    size_t n = 0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
        if (c->d[k].prec > 0 && !c->d[k].used) {
            n++;
            *only = &c->d[k];
        }
    return n;
}

/* 1 when a word for the next or a coming one ends right before mention m, or one token
 * before it ("下一次会谈", "the next talks", "kolejne rozmowy", "la prochaine reunion"). */
static int next_meeting(const ctx *c, const mention *m)
{
    size_t lo = c->se[m->sent].t0;
    for (size_t k = m->t0 > lo + 4 ? m->t0 - 4 : lo; k < m->t0; k++) {
        size_t n = bcx_lex_find(c, C_FUTURE, k, NULL);
        if (n > 0 && k + n + 1 >= m->t0 && k + n <= m->t0)
            return 1;
    }
    return 0;
}

static void take_date(mention *m, const xd *d)
{
    copy_str(m->date, sizeof m->date, d->iso);
    m->date_inferred = d->inferred;
    m->date_src = 1;
    m->same_day = d->same_day;
}

void bcx_resolve_mentions(ctx *c)
{
    size_t *idx = NULL, *lo = NULL;
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        m->kind = own_kind(c, m);
        if (m->kind >= 0)
            m->mech = mech_for(c, m->kind, m->sent);
    }
    /* "the Joint Working Group" again, later in the article: the one mechanism of that kind
     * the article has named with its provinces, when the sentence names no province of
     * another */
    for (int kind = K_CONF; kind <= K_SPRING; kind++) {
        const char *only = NULL;
        int several = 0;
        for (size_t k = 0; k < c->nm; k++)
            if (c->m[k].kind == kind && c->m[k].mech != NULL) {
                if (only != NULL && strcmp(only, c->m[k].mech) != 0)
                    several = 1;
                only = c->m[k].mech;
            }
        for (size_t k = 0; only != NULL && !several && k < c->nm; k++) {
            mention *m = &c->m[k];
            if (m->kind == kind && m->mech == NULL && !foreign_to(c, m->sent, only))
                m->mech = only, m->mech_inferred = 1;
        }
    }
    /* "the 10th meeting of the Joint Working Group ..., and the next, 11th meeting ...": a
     * numbered meeting that names no kind, called by the same noun as the meeting one
     * number before or after it in its sentence, is of that one's mechanism */
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        for (size_t q = 0; m->mech == NULL && m->kind < 0 && m->ord > 0 && q < c->nm; q++) {
            const mention *o = &c->m[q];
            if (o->sent == m->sent && o->mech != NULL && o->ord > 0 &&
                (o->ord == m->ord + 1 || o->ord + 1 == m->ord) && o->noun_kind == m->noun_kind &&
                o->noun_end - o->noun == m->noun_end - m->noun &&
                memcmp(TXT(c, o->noun), TXT(c, m->noun), 3) == 0)
                m->mech = o->mech, m->kind = o->kind;
        }
    }
    if (by_sentence(c, &idx, &lo) != BC_OK) {
        c->rc = BC_ENOMEM;
        goto done;
    }
    for (size_t si = 0; si < c->ns; si++) {
        size_t a = lo[si], b = lo[si + 1];
        if (a == b)
            continue;
        /* one group of coordinated meetings and one date: theirs ("Hoi nghi lan thu 4 va
         * Phien hop lan thu 10 ... to chuc tai Van Nam vao thang 6/2024") */
        int one_group = 1;
        for (size_t k = a + 1; k < b && one_group; k++)
            one_group = coordinated(c, &c->m[idx[k - 1]], &c->m[idx[k]]);
        const xd *only = NULL;
        size_t nd = free_dates(c, si, &only);
        for (size_t k = a; k < b; k++) {
            mention *m = &c->m[idx[k]];
            if (m->date_src != 0)
                continue;
            const xd *d = NULL;
            if (one_group && nd == 1 &&
                (m->xkind != BC_XM_TALKS || only->prec == 3 ||
                 (only->prec == 2 && talks_held(c, si))))
                d = only;
            else
                d = meeting_date(c, m, idx, a, b);
            /* "the same day" is a day already narrated, never that of the next meeting
             * ("当天下午，双方还就筹备下一次会谈交换了意见") */
            if (d != NULL && d->same_day && next_meeting(c, m))
                d = NULL;
            if (d != NULL)
                take_date(m, d);
        }
        /* a year (from a name, or nearest) gives way to the day the sentence writes in
         * that year ("2月21日上午，2025年...新春会晤") */
        for (size_t k = a; k < b; k++)
            named_day(c, &c->m[idx[k]]);
        /* coordinated meetings share a date one of them has ("the 16th conference and the
         * Spring Meeting of 2025", "the 3rd conference for the Party Secretaries of ... and
         * the 9th meeting of the Joint Working Group ... in late March 2023") */
        for (size_t k = a + 1; k < b; k++) {
            mention *p = &c->m[idx[k - 1]], *q = &c->m[idx[k]];
            if (!coordinated(c, p, q) && !joined(c, p, q))
                continue;
            if (p->date[0] && !q->date[0])
                memcpy(q->date, p->date, sizeof q->date), q->date_inferred = p->date_inferred,
                                                          q->date_src = 2;
            else if (q->date[0] && !p->date[0])
                memcpy(p->date, q->date, sizeof p->date), p->date_inferred = q->date_inferred,
                                                          p->date_src = 2;
        }
    }
done:
    bc_free(idx);
    bc_free(lo);
}

static int date_after_ref(const ctx *c, const char *date)
{
    int y = 0, m = 0, d = 0;
    if (c->ry == 0 || date[0] == '-' || sscanf(date, "%d-%d-%d", &y, &m, &d) < 1)
        return 0;
    if (y != c->ry)
        return y > c->ry;
    if (m == 0 || c->rm == 0 || m != c->rm)
        return m > c->rm && c->rm != 0;
    return d > c->rd && c->rd != 0;
}

/* The people and provinces named in sentence si, into the meeting. */
static void named_people(const ctx *c, size_t si, bc_xmeeting *x)
{
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++) {
        const hit *h = &c->h[q];
        int seen = 0;
        if (h->entity != E_PERSON)
            continue;
        for (int p = 0; p < x->npeople && !seen; p++)
            seen = strcmp(x->people[p], h->id) == 0;
        if (!seen && x->npeople < 8) {
            x->people_at[x->npeople].start = c->se[si].qs;
            x->people_at[x->npeople].end = c->se[si].qe;
            copy_str(x->people[x->npeople++], 64, h->id);
        }
    }
}

static void named_in(const ctx *c, size_t si, bc_xmeeting *x)
{
    x->nprovinces = bcx_sent_provinces(c, si, x->provinces, BC_X_MAX_PARTIES);
    named_people(c, si, x);
}

/* The place of a meeting in sentence si: the province a word for host follows ("Lai
 * Chau hosts") or precedes ("hosted by Lai Chau"), else the first province right after
 * "in", "w", "i", "tai", "dans la ville de" (within four words). */
static void place_of(const ctx *c, size_t si, char *place, size_t cap)
{
    const bc_lex *e = NULL;
    const sent *s = &c->se[si];
    for (size_t i = s->t0; i < s->t1; i++) {
        size_t n = bcx_lex_find(c, C_HOST, i, &e);
        if (n == 0)
            continue;
        /* "Lai Chau hosts": the province just before; "hosted by ..." / "Gospodarzem ...
         * bedzie prowincja Junnan": the first one after */
        for (size_t q = s->h0; q < s->h1; q++) {
            const hit *h = &c->h[q];
            if (h->entity == E_PROVINCE && h->t1 <= i && h->t1 + 2 >= i) {
                copy_str(place, cap, h->id);
                return;
            }
        }
        for (size_t q = s->h0; q < s->h1; q++) {
            const hit *h = &c->h[q];
            if (h->entity == E_PROVINCE && h->t0 >= i + n) {
                copy_str(place, cap, h->id);
                return;
            }
        }
    }
    for (size_t q = s->h0; q < s->h1; q++) {
        const hit *h = &c->h[q];
        if (h->entity != E_PROVINCE)
            continue;
        for (size_t i = h->t0 > s->t0 + 4 ? h->t0 - 4 : s->t0; i < h->t0; i++)
            if (bcx_lex_find(c, C_LOC, i, &e) > 0) {
                copy_str(place, cap, h->id);
                return;
            }
    }
}

void bcx_emit_meetings(ctx *c)
{
    const bc_lex *e = NULL;
    bc_extraction *o = c->out;
    for (size_t k = 0; k < c->nm && c->rc == BC_OK; k++) {
        const mention *m = &c->m[k];
        if (m->xkind == BC_XM_TALKS && m->date[0] == '\0')
            continue; /* talks without a date are no meeting one can identify */
        if (m->xkind == BC_XM_NAMED && m->date[0] == '\0' && m->mech == NULL)
            continue; /* nor a named meeting without its date or mechanism */
        o->meetings =
            bc_grow(o->meetings, &c->capmo, o->nmeetings + 1, sizeof *o->meetings, &c->rc);
        if (c->rc != BC_OK)
            break;
        bc_xmeeting *x = &o->meetings[o->nmeetings++];
        memset(x, 0, sizeof *x);
        const sent *s = &c->se[m->sent];
        copy_str(x->mechanism, sizeof x->mechanism, m->mech ? m->mech : "");
        x->mechanism_inferred = m->mech_inferred;
        x->ordinal = m->ord;
        x->kind = m->xkind;
        copy_str(x->date, sizeof x->date, m->date);
        x->date_inferred = m->date_inferred;
        x->same_day_as = m->same_day;
        int future = 0;
        size_t lo = m->t0 > s->t0 + 6 ? m->t0 - 6 : s->t0;
        size_t hi = m->t1 + 6 < s->t1 ? m->t1 + 6 : s->t1;
        for (size_t i = lo; i < hi && !future; i++)
            future = bcx_lex_find(c, C_FUTURE, i, &e) > 0;
        /* "was held", "a eu lieu": the text says it happened, whatever the date */
        int held = 0;
        for (size_t i = lo; i < hi && !held; i++)
            held = bcx_lex_find(c, C_HELD, i, &e) > 0;
        if (!future && !held && m->date[0])
            future = date_after_ref(c, m->date);
        copy_str(x->status, sizeof x->status, future ? "planned" : "held");
        place_of(c, m->sent, x->place, sizeof x->place);
        named_in(c, m->sent, x);
        /* "Giang A Tinh and Liu Yong co-chaired the meeting.": the next sentence, when it
         * speaks of the meeting again and of no other, names who took part */
        size_t nx = m->sent + 1;
        if (nx < c->ns && c->se[nx].nment == 0 && !new_paragraph(c, nx) &&
            (bcx_sent_has(c, nx, C_MEET, -1) || bcx_sent_has(c, nx, C_TALKS, -1)))
            named_people(c, nx, x);
        bcx_cite_add(&x->cite, s->qs, s->qe);
        double base = m->xkind == BC_XM_NUMBERED ? 0.75
                      : m->xkind == BC_XM_NAMED  ? 0.75
                      : m->weak                  ? 0.6
                                                 : 0.65;
        x->confidence = base + (x->mechanism[0] ? (m->mech_inferred ? 0.05 : 0.15) : 0) +
                        (m->date[0] ? 0.1 : 0);
        if (x->confidence > 1)
            x->confidence = 1;
    }
}
