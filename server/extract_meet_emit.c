/* extract_meet_emit.c: mentions into meetings: status (held or planned, from the
 * sentence's words before the date), place, provinces and people named, the citation and
 * a confidence. Talks without a date (unless only a missing publication date would date
 * them) and named meetings with neither date nor mechanism are not emitted. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int bcx_index_mentions(ctx *c)
{
    if (c->sm_at != NULL && c->sm_n == c->nm)
        return BC_OK; /* mentions are only added, and it covers them all */
    bc_free(c->sm_at);
    bc_free(c->sm_k);
    bc_free(c->visit_k);
    c->sm_n = c->nvisit = 0;
    c->sm_at = bc_calloc(c->ns + 2, sizeof *c->sm_at);
    c->sm_k = bc_calloc(c->nm + 1, sizeof *c->sm_k);
    c->visit_k = bc_calloc(c->nm + 1, sizeof *c->visit_k);
    if (c->sm_at == NULL || c->sm_k == NULL || c->visit_k == NULL) {
        bc_free(c->sm_at);
        bc_free(c->sm_k);
        bc_free(c->visit_k);
        c->sm_at = c->sm_k = c->visit_k = NULL;
        return c->rc = BC_ENOMEM;
    }
    for (size_t k = 0; k < c->nm; k++)
        if (c->m[k].visit)
            c->visit_k[c->nvisit++] = k;
    for (size_t k = 0; k < c->nm; k++)
        c->sm_at[c->m[k].sent + 2]++;
    for (size_t si = 0; si < c->ns; si++)
        c->sm_at[si + 2] += c->sm_at[si + 1];
    for (size_t k = 0; k < c->nm; k++) /* sm_at[si + 1]: the next free slot of si */
        c->sm_k[c->sm_at[c->m[k].sent + 1]++] = k;
    c->sm_n = c->nm;
    return BC_OK;
}

void bcx_free_indexes(ctx *c)
{
    bc_free(c->sm_at);
    bc_free(c->sm_k);
    bc_free(c->visit_k);
    bc_free(c->para);
    bc_free(c->ords);
    c->sm_at = c->sm_k = c->visit_k = c->para = NULL;
    c->ords = NULL;
}

size_t bcx_sent_mention(const ctx *c, size_t si, size_t r)
{
    if (c->sm_at != NULL && c->sm_n == c->nm && si < c->ns)
        return r < c->sm_at[si + 1] - c->sm_at[si] ? c->sm_k[c->sm_at[si] + r] : SIZE_MAX;
    for (size_t k = 0; k < c->nm; k++)
        if (c->m[k].sent == si && r-- == 0)
            return k;
    return SIZE_MAX;
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

/* 1 when a meeting other than m of its sentence lies between m and tokens [a, b), one
 * not told together with m ("the 12th meeting ... and the 6th conference ... were held in
 * Kunming": Kunming is both's). */
static int beyond_other(const ctx *c, const mention *m, size_t a, size_t b)
{
    for (size_t r = 0, k; (k = bcx_sent_mention(c, m->sent, r)) != SIZE_MAX; r++) {
        const mention *o = &c->m[k];
        if (o == m || bcx_told_together(c, m, o) || bcx_told_together(c, o, m))
            continue;
        if ((a >= m->t1 && o->t0 >= m->t1 && o->t1 <= a) ||
            (b <= m->t0 && o->t0 >= b && o->t1 <= m->t0))
            return 1;
    }
    return 0;
}

/* 1 when another meeting of m's sentence lies nearer than m to the word at tokens [a, b)
 * ("..., tổ chức ngày 10/2/2026 tại Quảng Ninh, và thống nhất Cao Bằng sẽ đăng cai Hội
 * nghị ... năm 2027": the host word is the 2027 meeting's, not the 2026 one's). */
static int nearer_other(const ctx *c, const mention *m, size_t a, size_t b)
{
    size_t dm = b <= m->t0 ? m->t0 - b : a >= m->t1 ? a - m->t1 : 0;
    for (size_t r = 0, k; (k = bcx_sent_mention(c, m->sent, r)) != SIZE_MAX; r++) {
        const mention *o = &c->m[k];
        if (o == m)
            continue;
        size_t d = b <= o->t0 ? o->t0 - b : a >= o->t1 ? a - o->t1 : 0;
        if (d < dm)
            return 1;
    }
    return 0;
}

/* The province of name h (a province, or the province of a border town or prefecture,
 * whose English name goes into name[cap]), NULL when it lies in none. */
static const char *province_of(const ctx *c, const hit *h, char *name, size_t cap)
{
    name[0] = '\0';
    if (h->entity == E_PROVINCE)
        return h->id;
    const char *names = NULL, *p = h->entity == E_PLACE ? bcx_place_province(c, h, &names) : NULL;
    if (p != NULL)
        copy_utf8(name, cap, names, strcspn(names, "|"));
    return p;
}

/* 1 when tokens [a, b) are words of where a town lies, four at most: of place, articles or
 * a word for province ("dans le", "province du", "in the province of", "in de provincie",
 * "w prowincji", "tinh"). */
static int where_words(const ctx *c, size_t a, size_t b)
{
    static const char *const words[] = {"province",  "provinces", "du",        "de",
                                        "of",        "provincie", "prowincji", "prowincja",
                                        "provinsen", "tinh",      NULL};
    if (b - a > 4)
        return 0;
    for (size_t k = a; k < b; k++) {
        int ok = bcx_lex_find(c, C_LOC, k, NULL) == 1 || bcx_lex_find(c, C_ARTICLE, k, NULL) == 1;
        for (int w = 0; !ok && words[w]; w++)
            ok = bcx_word_is(c, k, b, words[w]);
        if (!ok)
            return 0;
    }
    return 1;
}

/* 1 when province id is written next to the town of hit h in sentence si: a comma or
 * at most one word between ("in Nanning, Guangxi", "thanh pho Mong Cai, tinh Quang Ninh",
 * "广西凭祥"); "Guangxi, which took place in Nanning" names Guangxi as something else. */
static int province_next_to(const ctx *c, size_t si, const hit *h, const char *id)
{
    const sent *s = &c->se[si];
    for (size_t q = s->h0; q < s->h1; q++) {
        const hit *r = &c->h[q];
        if (r->entity != E_PROVINCE || strcmp(r->id, id) != 0)
            continue;
        size_t a = r->t0 >= h->t1 ? h->t1 : r->t1, b = r->t0 >= h->t1 ? r->t0 : h->t0;
        if (r->t1 > h->t0 && r->t0 < h->t1)
            continue; /* the same words */
        /* the words between are tokens [a, b); the gaps between, a - 1 .. b - 1 */
        /* the words between say where it lies ("à Mengzi, dans le Yunnan", "in Mengzi, in
         * de provincie Yunnan", "w Mengzi w prowincji Junnan"), the province after the
         * town when there are several; not "in Mengzi, and Yunnan agreed" */
        if (b < a || a == 0 || (b > a && !where_words(c, a, b)) || (b > a + 1 && r->t0 < h->t1) ||
            bcx_commas(c, a - 1, b) > 1)
            continue;
        int apart = 0;
        for (size_t k = a - 1; k < b && !apart; k++)
            apart = (bcx_gap(c, k) & G_DOT) != 0;
        for (size_t o = s->h0; o < s->h1 && !apart; o++)
            apart = o != q && &c->h[o] != h && c->h[o].t0 >= a && c->h[o].t1 <= b;
        if (!apart)
            return 1;
    }
    return 0;
}

/* 1 when name h, before talks m and a clause apart, lies in the clause of a body's meeting
 * told before them in their sentence ("... the 11th meeting ... was held on 30 October 2025 in Lai
 * Chau, and the previous talks ... took place on 14 March 2024": Lai Chau is the 11th meeting's
 * place, not the talks'). */
static int other_clause(const ctx *c, const mention *m, const hit *h)
{
    if (m->xkind != BC_XM_TALKS || h->t1 > m->t0 || bcx_commas(c, h->t1 - 1, m->t0) == 0)
        return 0;
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        if (o != m && o->sent == m->sent && o->t1 <= h->t0 &&
            (o->mech != NULL || o->xkind == BC_XM_NUMBERED))
            return 1;
    }
    return 0;
}

/* bcx_in_province_list: see extract_int.h */
/* 1 when token k joins two names of a list ("and", "och", "et au", "và", "和", the Polish
 * "i"; not the Swedish "i", which places: "... Dien Bien och Yunnan i Lao Cai"). */
static int joiner(const ctx *c, size_t k, size_t lim)
{
    static const char *const w[] = {"and", "och",  "samt", "en", "et",  "au", "aux",
                                    "du",  "de",   "la",   "le", "the", "i",  "oraz",
                                    "va",  "tinh", "和",   "与", "及",  NULL};
    if (c->lbit == L_SV && bcx_word_is(c, k, lim, "i"))
        return 0;
    for (int q = 0; w[q]; q++)
        if (bcx_word_is(c, k, lim, w[q]))
            return 1;
    return 0;
}

int bcx_in_province_list(const ctx *c, const sent *s, const hit *h)
{
    int others = 0;
    for (size_t q = h->t1, loose = 0; q < s->t1 && loose <= 2 && !(bcx_gap(c, q - 1) & G_DOT);) {
        size_t next = q;
        for (size_t r = s->h0; r < s->h1; r++)
            if (c->h[r].entity == E_PROVINCE && c->h[r].t0 == q && c->h[r].t1 > next)
                next = c->h[r].t1;
        if (next > q)
            others++, loose = 0, q = next;
        else if (joiner(c, q, s->t1))
            loose++, q++;
        else
            break;
    }
    /* a province closes one; a town after the list's last ("och Yunnan i Kunming") does not */
    for (size_t q = h->t0, loose = 0;
         h->entity == E_PROVINCE && q > s->t0 && loose <= 2 && !(bcx_gap(c, q - 1) & G_DOT);) {
        size_t prev = q;
        for (size_t r = s->h0; r < s->h1; r++)
            if (c->h[r].entity == E_PROVINCE && c->h[r].t1 == q && c->h[r].t0 < prev)
                prev = c->h[r].t0;
        if (prev < q)
            others++, loose = 0, q = prev;
        else if (joiner(c, q - 1, s->t1))
            loose++, q--;
        else
            break;
    }
    return others >= 2;
}
/* The place of mention m named in sentence si (its own, or the one pointing back at it):
 * the province a word for host follows ("Lai Chau hosts") or
 * precedes ("hosted by Lai Chau"), the host word being nearer to m than to another
 * meeting of the sentence, else the province or border town nearest to m that
 * "in", "w", "i", "tai", "à", "在" comes before (within four words), with no other
 * meeting of the sentence between them ("tenir la 9e réunion à Fangchenggang ... et ...
 * la Rencontre de printemps prévue en février 2027 à Cao Bang": Fangchenggang is the
 * 9th's, Cao Bang the spring meeting's). A town gives its province, and its name. */
static void place_of(const ctx *c, const mention *m, size_t si, bc_xmeeting *x)
{
    const bc_lex *e = NULL;
    const sent *s = &c->se[si];
    /* named as the time of other talks ("held talks in Lang Son ahead of the 17th
     * conference"): where its sentence places something before it is theirs */
    int occasion = si == m->sent && bcx_occasion_of(c, m);
    char name[64];
    for (size_t i = s->t0; i < s->t1; i++) {
        size_t n = bcx_lex_find(c, C_HOST, i, &e);
        if (n == 0 || nearer_other(c, m, i, i + n))
            continue;
        /* "Lai Chau hosts": the province just before; "hosted by ..." / "Gospodarzem ...
         * bedzie prowincja Junnan": the first one after */
        for (size_t q = s->h0; q < s->h1; q++) {
            const hit *h = &c->h[q];
            if (h->entity == E_PROVINCE && h->t1 <= i && h->t1 + 2 >= i) {
                copy_str(x->place, sizeof x->place, h->id);
                x->place_at = (bc_xquote){s->qs, s->qe};
                return;
            }
        }
        for (size_t q = s->h0; q < s->h1; q++) {
            const hit *h = &c->h[q];
            if (h->entity == E_PROVINCE && h->t0 >= i + n) {
                copy_str(x->place, sizeof x->place, h->id);
                x->place_at = (bc_xquote){s->qs, s->qe};
                return;
            }
        }
    }
    size_t best = SIZE_MAX;
    for (size_t q = s->h0; q < s->h1; q++) {
        const hit *h = &c->h[q];
        const char *p = NULL;
        int located = 0;
        for (size_t i = h->t0 > s->t0 + 4 ? h->t0 - 4 : s->t0; i < h->t0 && !located; i++)
            located = bcx_lex_find(c, C_LOC, i, &e) > 0 && !bcx_member_of_body(c, si, i, h);
        if (!located || bcx_in_province_list(c, s, h) || (occasion && h->t1 <= m->t0) ||
            (p = province_of(c, h, name, sizeof name)) == NULL ||
            beyond_other(c, m, h->t0, h->t1) || bcx_later_clause_of_other(c, m, h->t0, h->t1) ||
            other_clause(c, m, h))
            continue;
        /* a province that is also a town's name ("Lao Cai") is the province */
        int province = 0;
        for (size_t r = s->h0; r < s->h1 && h->entity == E_PLACE && !province; r++)
            province = c->h[r].entity == E_PROVINCE && c->h[r].t0 < h->t1 && h->t0 < c->h[r].t1;
        if (province)
            continue;
        size_t d = h->t0 >= m->t1   ? h->t0 - m->t1 + bcx_commas(c, m->t1, h->t0) * 8
                   : h->t1 <= m->t0 ? m->t0 - h->t1 + bcx_commas(c, h->t1, m->t0) * 8 + 1
                                    : 0;
        if (d < best) {
            best = d;
            copy_str(x->place, sizeof x->place, p);
            copy_str(x->place_name, sizeof x->place_name, name);
            x->place_in_province = name[0] != '\0' && province_next_to(c, si, h, p);
            x->place_at = (bc_xquote){s->qs, s->qe};
        }
    }
}

/* 1 when talks m, of no mechanism nor number, fall on the day a working visit told in an
 * earlier sentence began ("... is paying a working visit to Ha Giang on May 7-8. ... On May
 * 7, the opening day of the visit, the guests held talks with Ha Giang leaders"): the visit's
 * talks, one meeting. */
static int talks_of_visit(const ctx *c, const mention *m)
{
    if (m->xkind != BC_XM_TALKS || m->mech != NULL || m->ord != 0 || m->visit)
        return 0;
    for (size_t r = 0; r < c->nvisit; r++) { /* the index bcx_emit_meetings built */
        const mention *v = &c->m[c->visit_k[r]];
        if (v->visit && v->sent < m->sent && v->mech == NULL && v->ord == 0 &&
            strcmp(v->date, m->date) == 0)
            return 1;
    }
    return 0;
}

/* 1 when English talks m, to no body and of no number, are told as held before another
 * meeting of their sentence named as their time ("On the afternoon of October 29, on the
 * eve of the conference, Ngan held a working session with Wang"), or apart from others
 * ("also met Wang separately that afternoon"): a meeting of their own. */
static int talks_before_named(const ctx *c, const mention *m)
{
    size_t hi = c->se[m->sent].t1;
    if (c->lbit != L_EN || m->xkind != BC_XM_TALKS || m->mech != NULL || m->ord != 0)
        return 0;
    /* or told as apart from the others ("also met Wang separately that afternoon") */
    for (size_t k = m->t1; k < hi && k < m->t1 + 4 && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)); k++)
        if (bcx_word_is(c, k, hi, "separately"))
            return 1;
    for (size_t r = 0, k; (k = bcx_sent_mention(c, m->sent, r)) != SIZE_MAX; r++) {
        const mention *o = &c->m[k];
        if (o != m && o->t1 <= m->t0 && o->xkind != BC_XM_TALKS && bcx_occasion_of(c, o))
            return 1;
    }
    return 0;
}

/* The meeting already emitted that talks m named by their day restate (mention.named_by),
 * or the talks of a visit (talks_of_visit): one of that same day stated before m's
 * sentence; NULL when none. */
static bc_xmeeting *restated(const ctx *c, const mention *m)
{
    size_t len = strlen(m->date);
    if (!(len == 10 || (len == 7 && m->date[0] == '-')) || !(m->named_by || talks_of_visit(c, m)))
        return NULL;
    for (size_t k = 0; k < c->out->nmeetings; k++) {
        bc_xmeeting *x = &c->out->meetings[k];
        if (strcmp(x->date, m->date) == 0 && x->cite.nquotes > 0 &&
            x->cite.q[0].start < c->se[m->sent].qs)
            return x;
    }
    return NULL;
}

/* What the verb of meeting m's own clause says, however many members its name lists
 * before it ("Hoi nghi lan thu 11 Nhom cong tac lien hop giua bon tinh Lai Chau, Lao Cai,
 * Tuyen Quang, Dien Bien (Viet Nam) va tinh Van Nam (Trung Quoc) da duoc to chuc ngay
 * 30/10/2025"; "... (Trung Quoc) du kien duoc to chuc vao thang 3/2027"): 1 a word of
 * holding, -1 a word of what is to come, the first after it before its clause ends (a comma
 * not followed by a province of the list, a full stop), a date or the next meeting of its
 * sentence; 0 neither. */
static int held_in_clause(const ctx *c, const mention *m)
{
    const sent *s = &c->se[m->sent];
    const bc_lex *e = NULL;
    if (c->lbit == L_ZH) /* a Chinese meeting's verb comes before its name (在...举行的...会议) */
        return 0;
    for (size_t i = m->t1; i < s->t1; i++) {
        if (i > m->t1 && (bcx_gap(c, i - 1) & (G_DOT | G_COMMA))) {
            int listed = 0; /* "Lai Chau, Lao Cai, ...": the list of its members goes on */
            for (size_t q = s->h0; q < s->h1 && !listed; q++)
                listed = c->h[q].entity == E_PROVINCE && c->h[q].t0 == i;
            if ((bcx_gap(c, i - 1) & G_DOT) || !listed)
                return 0;
        }
        for (size_t r = 0, k; (k = bcx_sent_mention(c, m->sent, r)) != SIZE_MAX; r++)
            if (&c->m[k] != m && c->m[k].t0 == i)
                return 0;
        for (size_t q = s->d0; q < s->d1; q++)
            if (c->d[q].t0 == i)
                return 0;
        if (bcx_lex_find(c, C_FUTURE, i, &e) > 0 || bcx_nl_present_passive(c, m->sent, i))
            return -1;
        if (bcx_lex_find(c, C_HELD, i, &e) > 0)
            return 1;
    }
    return 0;
}

/* The number (-1 when none) of the numbered or named meeting of talks m's sentence, after
 * or before them, named as their time, when their words say they took place ("Leaders held talks in
 * Lang Son ahead of the 17th conference", bcx_occasion_of): talks of their own, the
 * meeting's words not theirs; else 0. */
static int ahead_of_meeting(const ctx *c, const mention *m)
{
    if (m->xkind != BC_XM_TALKS || m->planned > 0 || m->mech != NULL || m->ord != 0)
        return 0;
    for (size_t r = 0, k; (k = bcx_sent_mention(c, m->sent, r)) != SIZE_MAX; r++) {
        const mention *o = &c->m[k];
        if (o != m && (o->t0 > m->t1 || o->t1 <= m->t0) &&
            (o->mech != NULL || o->xkind == BC_XM_NUMBERED) && bcx_occasion_of(c, o))
            return o->ord > 0 ? o->ord : -1;
    }
    return 0;
}

/* 1 when talks m share their sentence with the meeting of a body (a mechanism's, or a
 * numbered one), the sentence naming more provinces than two sides and saying that two
 * sides meet ("the 11th meeting of the Joint Working Group of Lai Chau, Lao Cai, Tuyen
 * Quang, Dien Bien and Yunnan was held ..., and the previous talks between the two
 * provinces took place ...", "Hai ben nhac lai Hoi nghi lan thu 11 ..."), or held ahead of
 * it (ahead, ahead_of_meeting): the provinces named are that body's members, not the talks'
 * parties. */
static int beside_a_body(const ctx *c, const mention *m, const bc_xmeeting *x, int ahead)
{
    if (m->xkind != BC_XM_TALKS || x->nprovinces <= 2 ||
        !(bcx_sent_has(c, m->sent, C_BOTH_SIDES, -1) || ahead != 0))
        return 0;
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        if (o != m && o->sent == m->sent && (o->mech != NULL || o->xkind == BC_XM_NUMBERED))
            return 1;
    }
    return 0;
}

/* The kind of body (body_kind) the sentence of mention m names nearest to it, but for its
 * own noun: a short form ("grupy", "van het comité") or a name of a kind of body ("Joint
 * Working Group", "联合工作委员会"); "" when none. */
static void body_kind_of(const ctx *c, const mention *m, bc_xmeeting *x)
{
    static const char *const names[] = {"conference", "group", "committee", "Spring Meeting"};
    const sent *s = &c->se[m->sent];
    const bc_lex *e = NULL;
    size_t best = SIZE_MAX;
    for (size_t i = s->t0; i < s->t1; i++) {
        if (i >= m->noun && i < m->noun_end)
            continue; /* its own noun ("conferentie") is the kind of meeting, not of body */
        if (bcx_lex_find(c, C_MECH_SHORT, i, &e) == 0 && bcx_lex_find(c, C_MECH, i, &e) == 0)
            continue;
        size_t d = i < m->noun ? m->noun - i : i - m->noun;
        if (d < best && (int)e->val >= K_CONF && (int)e->val <= K_SPRING) {
            best = d;
            copy_str(x->body_kind, sizeof x->body_kind, names[(int)e->val - K_CONF]);
        }
    }
}

/* 1 when the provinces ids (n) are of both countries. */
static int both_countries(const ctx *c, char ids[][64], int n)
{
    int cn = 0;
    for (int k = 0; k < n; k++)
        cn += bcx_province_cn(c, ids[k]) != 0;
    return cn > 0 && cn < n;
}

/* The parties of talks x (mention m) told beside a body's meeting (beside_a_body): the
 * provinces their own clause names, from where it opens to the next meeting of the
 * sentence, but their place ("took place ... in Lai Chau city"), when those are of both countries;
 * else the two sides the article's other talks are between (sides, nsides: one province of each
 * country), else none: a body's members are never taken for them. */
static void own_parties(const ctx *c, const mention *m, bc_xmeeting *x, char sides[][64],
                        int nsides)
{
    const sent *s = &c->se[m->sent];
    size_t end = s->t1, start = m->t0;
    for (size_t k = 0; k < c->nm; k++)
        if (&c->m[k] != m && c->m[k].sent == m->sent && c->m[k].t0 >= m->t1 && c->m[k].t0 < end)
            end = c->m[k].t0;
    /* talks ahead of a meeting: their clause ends at its first comma ("双方领导人在谅山举行
     * 会谈，为广西与广宁、谅山…第十七次会议做准备": the members named after it are the body's) */
    int ahead = ahead_of_meeting(c, m) != 0;
    for (size_t k = m->t1; ahead && k < end; k++)
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT))
            end = k;
    /* back to where their clause opens: a comma that ends no province of a list, or the
     * end of another meeting of the sentence ("... reached by the Party secretaries of Lang
     * Son and Guangxi during their talks on March 25") */
    for (int open = 0; start > s->t0 && !open; start -= !open) {
        int ends = 0, opens = 0; /* a comma between two provinces of a list */
        for (size_t q = s->h0; q < s->h1; q++) {
            ends |= c->h[q].entity == E_PROVINCE && c->h[q].t1 == start;
            opens |= c->h[q].entity == E_PROVINCE && c->h[q].t0 == start;
        }
        open = ((bcx_gap(c, start - 1) & (G_DOT | G_COMMA)) && !(ends && opens)) ||
               (bcx_gap(c, start - 1) & G_DOT);
        for (size_t k = 0; k < c->nm && !open; k++)
            open = &c->m[k] != m && c->m[k].sent == m->sent && c->m[k].t1 == start;
    }
    char own[BC_X_MAX_PARTIES][64];
    int n = 0;
    const bc_lex *e = NULL;
    for (size_t q = s->h0; q < s->h1; q++) {
        const hit *h = &c->h[q];
        int located = 0, seen = 0;
        if (h->entity != E_PROVINCE || h->t0 < start || h->t1 > end)
            continue;
        for (size_t i = h->t0 > start + 2 ? h->t0 - 2 : start; i < h->t0 && !located; i++)
            located = bcx_lex_find(c, C_LOC, i, &e) > 0;
        for (int k = 0; k < n && !seen; k++)
            seen = strcmp(own[k], h->id) == 0;
        if (!located && !seen && n < BC_X_MAX_PARTIES)
            copy_str(own[n++], 64, h->id);
    }
    if (n >= 2 && both_countries(c, own, n)) {
        memcpy(x->provinces, own, sizeof own[0] * (size_t)n);
        x->nprovinces = n;
    } else {
        memcpy(x->provinces, sides, sizeof sides[0] * (size_t)nsides);
        x->nprovinces = nsides;
        x->sides_of_article = 1;
    }
}

/* 1 when the gap after token k holds only the enumeration comma ("广宁、谅山"). */
static int zh_list_gap(const ctx *c, size_t k)
{
    size_t i = c->t[k].end, e = c->t[k + 1].start;
    while (i < e) {
        if (c->s[i] == ' ')
            i++;
        else if (e - i >= 3 && memcmp(c->s + i, "\xE3\x80\x81", 3) == 0)
            i += 3;
        else
            return 0;
    }
    return 1;
}

/* 1 when "为筹备"/"为准备", or "筹备" opening its clause, comes before token t0 in its clause
 * ("为筹备广宁、谅山…第十七次会议，…举行会谈": the meeting is what the talks prepare). */
static int zh_prepared_before(const ctx *c, size_t lo, size_t t0)
{
    static const char *const prep[] = {"为筹备", "为准备", "筹备", NULL};
    /* its clause: after the last break (no list's comma) before t0, the first word that may
     * be clean */
    size_t from = lo;
    for (size_t g = t0 > lo + 1 ? t0 - 1 : lo; g > lo; g--)
        if ((bcx_gap(c, g - 1) & (G_COMMA | G_DOT)) && !zh_list_gap(c, g - 1)) {
            from = g;
            break;
        }
    for (size_t k = from; k < t0; k++)
        for (int w = 0; prep[w]; w++) {
            size_t n = bcx_words_at(c, k, t0, prep[w]);
            int clean = n > 0 && (w < 2 || k == lo || (bcx_gap(c, k - 1) & G_COMMA));
            for (size_t j = k; clean && j + 1 < t0; j++)
                clean = !(bcx_gap(c, j) & (G_COMMA | G_DOT)) || zh_list_gap(c, j);
            if (clean)
                return 1;
        }
    return 0;
}

static int occasion_of(const ctx *c, const mention *m);

int bcx_occasion_of(const ctx *c, const mention *m)
{
    /* asked again and again of the meetings of a long sentence: the answer of its words,
     * which new_mention sets once, kept in it (the only field written through m) */
    if (m->occ == 0)
        ((mention *)m)->occ = (unsigned char)(1 + occasion_of(c, m));
    return m->occ - 1;
}

static int occasion_of(const ctx *c, const mention *m)
{
    /* before it, or preparing it: the time of what the sentence tells, not its own */
    static const char *const ahead[] = {"ahead of",
                                        "in the run up to",
                                        "in the run-up to",
                                        "on the eve of",
                                        "prior to",
                                        "in preparation for",
                                        "to prepare for",
                                        "en amont de",
                                        "a la veille de",
                                        "en prevision de",
                                        "en preparation de",
                                        "en preparation du",
                                        "pour preparer",
                                        "truoc them",
                                        "chuan bi cho",
                                        "voorafgaand aan",
                                        "in aanloop naar",
                                        "ter voorbereiding op",
                                        "ter voorbereiding van",
                                        "w przededniu",
                                        "w ramach przygotowan do",
                                        "przygotowan do",
                                        "w przygotowaniu do",
                                        "infor",
                                        "som forberedelse for",
                                        "som forberedelse infor",
                                        "for att forbereda",
                                        NULL};
    size_t lo = c->se[m->sent].t0;
    if (m->xkind == BC_XM_TALKS)
        return 0;
    if (bcx_time_reference(c, m->sent, m->t0))
        return 1;
    /* "…第十二次会议召开之前，", "…会议前夕，": the word for before follows the noun, which
     * an ordinal or a body's name opening the mention stands before */
    if (c->lbit == L_ZH && m->noun > m->t0 && bcx_time_reference(c, m->sent, m->noun))
        return 1;
    /* "为…第十七次会议做准备": prepared for, in its clause */
    for (size_t k = m->t1; c->lbit == L_ZH && k < c->se[m->sent].t1 && k < m->t1 + 3; k++)
        if (bcx_words_at(c, k, c->se[m->sent].t1, "做准备") > 0 ||
            bcx_words_at(c, k, c->se[m->sent].t1, "作准备") > 0)
            return 1;
    if (c->lbit == L_ZH && zh_prepared_before(c, lo, m->t0))
        return 1;
    for (size_t k = m->t0 > lo + 7 ? m->t0 - 7 : lo; k < m->t0; k++)
        for (int w = 0; ahead[w]; w++) {
            size_t n = bcx_words_at(c, k, m->t0, ahead[w]);
            if (n > 0 && m->t0 - (k + n) <= 4 && !bcx_commas(c, k, m->t0))
                return 1;
        }
    return 0;
}

/* Meeting m of sentence si named as the time of other talks ("Leaders held talks in Lang
 * Son ahead of the 17th conference of the Joint Working Committee"): a province its
 * sentence names only as where those talks were, before m, is none of its parties. */
static void drop_others_place(const ctx *c, const mention *m, bc_xmeeting *x)
{
    const sent *s = &c->se[m->sent];
    int w = 0;
    for (int k = 0; k < x->nprovinces; k++) {
        int own = 0;
        for (size_t q = s->h0; q < s->h1 && !own; q++) {
            const hit *h = &c->h[q];
            if (h->entity != E_PROVINCE || strcmp(h->id, x->provinces[k]) != 0)
                continue;
            int located = 0;
            for (size_t i = h->t0 > s->t0 + 2 ? h->t0 - 2 : s->t0; i < h->t0 && !located; i++)
                located = bcx_lex_find(c, C_LOC, i, NULL) > 0;
            own = h->t1 > m->t0 || !located;
        }
        if (own && w != k)
            memcpy(x->provinces[w], x->provinces[k], sizeof x->provinces[w]);
        w += own;
    }
    x->nprovinces = w;
}

/* 1 when mention k of sentence si, not at token i, is named as the occasion of its sentence */
static int occasion_beside(const ctx *c, size_t k, size_t si, size_t i)
{
    return c->m[k].sent == si && (c->m[k].t0 > i || c->m[k].t1 <= i) &&
           bcx_occasion_of(c, &c->m[k]);
}

int bcx_talks_ahead_of(const ctx *c, const bcx_sent_mentions *sm, size_t si, size_t i)
{
    for (size_t k = bcx_first_numbered(c, sm->nnum, si); k < sm->nnum && c->m[k].sent == si; k++)
        if (occasion_beside(c, k, si, i))
            return 1;
    /* or a named one ("held talks in Hekou to prepare for the conference"), or talks */
    for (size_t k = sm->named0; k < sm->named1; k++)
        if (occasion_beside(c, k, si, i))
            return 1;
    for (size_t k = sm->talks0; k < c->nm; k++)
        if (occasion_beside(c, k, si, i))
            return 1;
    return 0;
}

size_t bcx_occasion_before_talks(const ctx *c, const mention *m)
{
    if (m->xkind == BC_XM_TALKS || !bcx_occasion_of(c, m))
        return 0;
    for (size_t k = 0; k < c->nm; k++)
        if (c->m[k].sent == m->sent && c->m[k].xkind == BC_XM_TALKS && c->m[k].t0 >= m->t1)
            return c->m[k].t0 + 1;
    return 0;
}

/* 1 when numbered meeting m is named in its sentence as what minutes are of ("the
 * Minutes of the 9th meeting", "Bien ban Hoi nghi lan thu 6", "第九次会议纪要"), a sentence
 * that says nothing of holding it. */
static int minutes_of(const ctx *c, const mention *m)
{
    size_t lo = c->se[m->sent].t0, hi = c->se[m->sent].t1;
    if (m->ord <= 0 || bcx_sent_has(c, m->sent, C_HELD, -1))
        return 0;
    for (size_t k = m->t0 > lo + 4 ? m->t0 - 4 : lo; k < m->t0; k++) {
        size_t n = bcx_lex_find(c, C_MINUTES, k, NULL);
        if (n > 0 && k + n <= m->t0 && !bcx_commas(c, k, m->t0))
            return 1;
    }
    return m->t1 < hi && bcx_lex_find(c, C_MINUTES, m->t1, NULL) > 0;
}

void bcx_emit_meetings(ctx *c)
{
    const bc_lex *e = NULL;
    bc_extraction *o = c->out;
    size_t first = o->nmeetings;
    /* per meeting emitted: the index + 1 of talks told beside a body's meeting, else 0 */
    size_t *beside = bc_calloc(c->nm + 1, sizeof *beside);
    if (beside == NULL || bcx_index_mentions(c) != BC_OK) {
        bc_free(beside);
        c->rc = BC_ENOMEM;
        return;
    }
    for (size_t k = 0; k < c->nm && c->rc == BC_OK; k++) {
        const mention *m = &c->m[k];
        /* talks without a date are no meeting one can identify, unless they are to come
         * in a month of a year the text leaves to the publication date and none was given
         * ("双方商定，于4月下旬在河口举行...会议"): kept undated, never dropped uncounted */
        /* nor are talks of a mechanism whose month its sentence writes without the year a
         * missing publication date would give ("去年11月，...联合工作委员会会议在南宁召开") */
        /* nor are talks whose day only a publication date would place, none having come
         * ("On Tuesday, leaders of Lao Cai and Yunnan held talks"): undated, with the words */
        /* nor are talks held before a meeting their sentence names as their time
         * ("Leaders held talks in Lang Son ahead of the 17th conference"): that meeting
         * tells which talks they are, undated as the text leaves them */
        const sent *ms = &c->se[m->sent];
        int span = 0;
        size_t du = 0, dn = bcx_undated_words(c, m, &du, &span);
        /* talks whose date was withheld as doubtful stay, undated (extract_date_conf.c) */
        /* ahead of a meeting, dated or not: their parties are never that body's members
         * (beside_a_body) */
        int ahead = ahead_of_meeting(c, m);
        int undated = m->xkind == BC_XM_TALKS && m->date[0] == '\0' && m->date_doubts == 0 &&
                      !(m->planned > 0 && c->ry == 0 && ms->yearless) &&
                      !(m->mech != NULL && c->ry == 0 && (ms->yearless || ms->unread)) && dn == 0;
        /* talks its sentence says took place, of provinces of one side and the other only
         * as a group of its country ("Leaders of Ha Giang, Lao Cai and the two Chinese
         * provinces held talks in Hekou"), with no word of when: kept undated (their parties
         * checked below), the note saying so, never dropped uncounted */
        int untimed = undated && ahead == 0 && m->planned < 0 && m->mech == NULL && m->ord == 0;
        if (undated && ahead == 0 && !untimed)
            continue;
        if (m->xkind == BC_XM_NAMED && m->date[0] == '\0' && m->mech == NULL && m->date_doubts == 0)
            continue; /* nor a named meeting without its date or mechanism */
        bc_xmeeting *told = restated(c, m);
        if (told != NULL) {
            bcx_cite_add(&told->cite, c->se[m->sent].qs, c->se[m->sent].qe);
            continue;
        }
        o->meetings =
            bc_grow(o->meetings, &c->capmo, o->nmeetings + 1, sizeof *o->meetings, &c->rc);
        if (c->rc != BC_OK)
            break;
        bc_xmeeting *x = &o->meetings[o->nmeetings++];
        memset(x, 0, sizeof *x);
        const sent *s = &c->se[m->sent];
        copy_str(x->mechanism, sizeof x->mechanism, m->mech ? m->mech : "");
        x->mechanism_inferred = m->mech_inferred;
        x->members_named = m->mech != NULL && bcx_names_all_members(c, m->sent, m->mech);
        body_kind_of(c, m, x);
        x->ordinal = m->ord;
        x->ordinal_quotes = m->ord > 0 ? 1u : 0u; /* its sentence, cite.q[0] below */
        x->kind = m->xkind;
        x->minutes_signed = m->date[0] != '\0' && minutes_of(c, m);
        copy_str(x->date, sizeof x->date, m->date);
        x->date_inferred = m->date_inferred;
        x->date_confidence = m->date_doubts ? m->date_conf : 1.0;
        x->date_doubts = m->date_doubts;
        if (dn > 0 && c->t[du + dn - 1].end - c->t[du].start < sizeof x->day_word) {
            memcpy(x->day_word, c->s + c->t[du].start, c->t[du + dn - 1].end - c->t[du].start);
            x->day_span = span;
        }
        if (strlen(m->date) == 4 && strncmp(m->date_period, m->date, 4) == 0)
            copy_str(x->period, sizeof x->period, m->date_period);
        x->same_day_as = m->same_day != 0;
        x->ahead_of = undated ? ahead : 0; /* told only as held ahead of it */
        /* talks held before a meeting their sentence names as their time ("on the eve of
         * the conference, Ngan held a working session with Wang") are their own, as on its
         * sidelines: never that meeting, though on its day */
        x->sideline = m->sideline || (m->date[0] && talks_before_named(c, m));
        int future = 0;
        size_t lo = m->t0 > s->t0 + 6 ? m->t0 - 6 : s->t0;
        size_t hi = m->t1 + 6 < s->t1 ? m->t1 + 6 : s->t1;
        /* a meeting named as the time of what its sentence reports ("Officials met ahead of
         * the 17th conference"): the sentence's verbs are the other's, its words say
         * neither, unless they say it is to come ("will meet ahead of", "the next") */
        int occasion = bcx_occasion_of(c, m);
        for (size_t i = lo; i < hi && !future && !occasion; i++)
            future = (bcx_lex_find(c, C_FUTURE, i, &e) > 0 &&
                      !(i >= m->t1 && bcx_joined_phrase(c, i, m->t1))) ||
                     bcx_nl_present_passive(c, m->sent, i);
        /* "was held", "a eu lieu": the text says it happened, whatever the date */
        int held = 0;
        for (size_t i = lo; i < hi && !held && !occasion; i++)
            held = bcx_lex_find(c, C_HELD, i, &e) > 0 && !bcx_nl_present_passive(c, m->sent, i);
        int clause = !future && !held && !occasion ? held_in_clause(c, m) : 0;
        held = held || clause > 0;
        future = future || clause < 0;
        /* "takes place in 2027", "diễn ra", "举行": not held; its date decides, if any */
        int present = !future && bcx_present_of_holding(c, m, s->t0, s->t1);
        x->status_present = present && c->ry == 0;
        present = present && (c->ry == 0 || bcx_after_report(c, m->date));
        held = held && !present;
        int said = future || held;
        if (!future && !held && m->date[0])
            x->status_from_date = future = bcx_after_report(c, m->date);
        /* the Dutch present of holding ("De 13e vergadering vindt in 2027 plaats") of a time
         * after the report says it is to come, as without a publication date
         * (bcx_resolve_mentions): stated, not by the date alone */
        if (x->status_from_date && c->lbit == L_NL && m->xkind != BC_XM_TALKS && !s->heading &&
            bcx_nl_takes_place(c, m->sent) > 0)
            x->status_from_date = 0, said = 1;
        /* the words nearest to it say which, when they do */
        /* ... but not the past its present of taking place marks alone ("diễn ra", "举行") */
        if (m->planned != 0 && !(occasion && m->planned < 0) &&
            !(present && m->planned < 0 && !m->previous)) {
            future = m->planned > 0;
            x->status_from_date = 0;
            said = 1;
        }
        /* its sentence, cite.q[0] below; the next one, q[1], when that one points back at
         * it and gives its date ("Die vergadering vond op 30 oktober 2025 plaats"): that one
         * says it, and its own words too when they say the same; when its own sentence
         * names it only as the time of other talks ("... ahead of the 17th conference. That
         * meeting will be held in Nanning"), the place of its own sentence is the other
         * talks' */
        int back = occasion && m->date_sent == m->sent + 2;
        x->status_quotes = !said ? 0u : back ? 2u : 1u;
        if (m->back_tense != 0) {
            x->status_quotes = 2u | (said && !occasion && future == (m->back_tense > 0) ? 1u : 0u);
            future = m->back_tense > 0;
            x->status_from_date = 0;
            said = 1;
        }
        copy_str(x->status, sizeof x->status, future ? "planned" : "held");
        x->status_present = x->status_present && !said;
        x->status_unsaid = occasion && !said;
        /* "Przed 12. spotkaniem ... przeprowadzili rozmowy w Hekou": the talks' place */
        if (!back && !bcx_occasion_before_talks(c, m))
            place_of(c, m, m->sent, x);
        /* "该次会议于2025年10月30日在莱州省举行": the sentence pointing back at it, which
         * gives its date, gives its place too when its own sentence names none */
        if (x->place[0] == '\0' && m->date_sent == m->sent + 2)
            place_of(c, m, m->sent + 1, x);
        named_in(c, m->sent, x);
        if (occasion)
            drop_others_place(c, m, x);
        /* "Leaders of Ha Giang, Lao Cai and the two Chinese provinces": one side named, the
         * other only as a group of its country (as a figure's parties, bcx_fig_parties);
         * not "the two localities" (the named town may be one), nor the group of another
         * meeting of the sentence ("越南四省与云南省委书记第四次年度工作会晤") */
        size_t gat = 0;
        x->provinces_partial = bcx_parties_group(c, m->sent, s->t0, s->t1, x->provinces,
                                                 x->nprovinces, &x->provinces_group_cn, &gat);
        if (x->provinces_group_cn == 0 || nearer_other(c, m, gat, gat + 1))
            x->provinces_partial = 0;
        if (untimed &&
            (x->provinces_partial == 0 || s->heading || !bcx_talks_held(c, m->sent) ||
             bcx_sent_has(c, m->sent, C_MECH, -1) || bcx_sent_has(c, m->sent, C_MECH_SHORT, -1))) {
            o->nmeetings--; /* no group's talks its sentence says took place, nor a body's */
            continue;
        }
        x->untimed = untimed;
        /* "Giang A Tinh and Liu Yong co-chaired the meeting.": the next sentence, when it
         * speaks of the meeting again and of no other, names who took part */
        size_t nx = m->sent + 1;
        if (nx < c->ns && c->se[nx].nment == 0 && !bcx_new_paragraph(c, nx) &&
            (bcx_sent_has(c, nx, C_MEET, -1) || bcx_sent_has(c, nx, C_TALKS, -1)))
            named_people(c, nx, x);
        bcx_cite_add(&x->cite, s->qs, s->qe);
        if (m->date_sent != 0) /* where its date is stated */
            bcx_cite_add(&x->cite, c->se[m->date_sent - 1].qs, c->se[m->date_sent - 1].qe);
        double base = m->xkind == BC_XM_NUMBERED ? 0.75
                      : m->xkind == BC_XM_NAMED  ? 0.75
                      : m->weak                  ? 0.6
                                                 : 0.65;
        x->confidence = base + (x->mechanism[0] ? (m->mech_inferred ? 0.05 : 0.15) : 0) +
                        (m->date[0] ? 0.1 : 0);
        if (x->confidence > 1)
            x->confidence = 1;
        if (beside_a_body(c, m, x, ahead))
            beside[o->nmeetings - 1 - first] = k + 1; /* its parties are settled below */
    }
    /* the two sides the article's talks are between: those of its first talks told apart
     * from a body's meeting that name one province of each country */
    char sides[2][64];
    int nsides = 0;
    for (size_t k = first; k < o->nmeetings && nsides == 0; k++) {
        bc_xmeeting *x = &o->meetings[k];
        if (x->kind == BC_XM_TALKS && beside[k - first] == 0 && x->nprovinces == 2 &&
            both_countries(c, x->provinces, 2)) {
            memcpy(sides, x->provinces, sizeof sides);
            nsides = 2;
        }
    }
    for (size_t k = first; k < o->nmeetings && c->rc == BC_OK; k++)
        if (beside[k - first] != 0) {
            own_parties(c, &c->m[beside[k - first] - 1], &o->meetings[k], sides, nsides);
            o->meetings[k].provinces_partial = 0; /* the sentence's groups are the body's */
        }
    bc_free(beside);
}

int bcx_day_of_talks_ahead(const ctx *c, const mention *m, const xd *d)
{
    if (m->xkind == BC_XM_TALKS)
        return 0;
    if (d->t1 <= m->t0)
        return bcx_occasion_of(c, m);
    size_t talks = bcx_occasion_before_talks(c, m);
    if (talks == 0)
        return 0;
    talks--;
    /* "Ahead of the 12th meeting, which opens on 20 April, officials held talks": its own */
    return !(d->t1 <= talks && bcx_commas(c, m->t1 - 1, d->t0) > 0 &&
             bcx_commas(c, d->t1 - 1, talks) > 0);
}

void bcx_unsaid_status(ctx *c)
{
    for (size_t k = 0; k < c->out->nmeetings; k++) {
        bc_xmeeting *x = &c->out->meetings[k];
        int dated = c->ry != 0 && x->date[0] != '\0' && x->date[0] != '-';
        if (x->status_unsaid && x->status_quotes == 0 && !x->status_from_date && !dated)
            copy_str(x->status, sizeof x->status, "unknown");
    }
}
