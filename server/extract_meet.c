/* extract_meet.c: meetings: ordinals with a meeting noun, the mechanism they belong to,
 * their date, place and status. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <stdio.h>
#include <string.h>

/* Value of a Roman numeral of two or more letters, or V or X alone (1..50), else 0. */
static int roman(const char *s, size_t n)
{
    static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    static const char *const tens[] = {"", "X", "XX", "XXX", "XL", "L"};
    if (n == 0 || n > 8 || (n == 1 && s[0] != 'V' && s[0] != 'X'))
        return 0;
    for (int v = 1; v <= 50; v++) {
        char buf[16];
        snprintf(buf, sizeof buf, "%s%s", tens[v / 10], ones[v % 10]);
        if (strlen(buf) == n && memcmp(buf, s, n) == 0)
            return v;
    }
    return 0;
}

/* 1 when token i is the suffix glued to an ordinal number: Dutch 5e/4de/8ste, English
 * 11th/1st/2nd/3rd. */
static int ord_suffix(const ctx *c, size_t i, size_t lim)
{
    if (i >= lim || !c->t[i].glued || c->t[i].kind != T_WORD)
        return 0;
    if (c->lang == L_NL)
        return bcx_word_is(c, i, lim, "e") || bcx_word_is(c, i, lim, "de") ||
               bcx_word_is(c, i, lim, "ste");
    if (c->lang == L_EN)
        return bcx_word_is(c, i, lim, "th") || bcx_word_is(c, i, lim, "st") ||
               bcx_word_is(c, i, lim, "nd") || bcx_word_is(c, i, lim, "rd");
    return 0;
}

/* An ordinal at token i: "11.", "5e", "11th", "10:e", "jedenaste", "fifth", "V",
 * Vietnamese "lan thu 11". Returns its value and its tokens in *n. */
static int ordinal_at(const ctx *c, size_t i, size_t lim, size_t *n)
{
    const bc_lex *e = NULL;
    const tok *t = &c->t[i];
    *n = 0;
    if (t->used)
        return 0;
    if (t->kind == T_NUM && t->plain && t->ndig <= 2 && t->num >= 1) {
        size_t end = t->end;
        const tok *nx = i + 1 < lim ? &c->t[i + 1] : NULL;
        int v = (int)t->num;
        if (c->lang == L_VI)
            return 0;
        if (end < c->n && c->s[end] == '.' && nx && nx->kind == T_WORD && !nx->upper &&
            nx->start > end + 1)
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
    if (c->lang == L_VI) {
        size_t m = bcx_lex_find(c, C_LAN_THU, i, &e);
        if (m == 0 || i + m >= lim)
            return 0;
        const tok *d = &c->t[i + m];
        if (d->kind == T_NUM && d->plain && d->ndig <= 2 && d->num >= 1) {
            *n = m + 1;
            return (int)d->num;
        }
        size_t q;
        int v = bcx_count_at(c, i + m, lim, &q);
        if (v == 0 && bcx_word_is(c, i + m, lim, "nhat"))
            v = 1, q = 1;
        *n = v ? m + q : 0;
        return v;
    }
    if ((*n = bcx_lex_find(c, C_ORD, i, &e)) > 0)
        return (int)e->val;
    int v = roman(c->s + t->start, t->end - t->start);
    *n = v ? 1 : 0;
    return v;
}

/* The meeting noun of an ordinal: within four words after it (Vietnamese: six before). */
static size_t meeting_noun(const ctx *c, size_t i, size_t j, size_t lim, int *kind,
                           size_t *noun_end)
{
    const bc_lex *e = NULL;
    if (c->lang == L_VI) {
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
    for (size_t q = j; q < lim && q < j + 4; q++) {
        if (c->t[q].kind != T_WORD)
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
    if (c->rc == BC_OK)
        c->m[c->nm++] = *m;
    for (size_t k = m->t0; k < m->t1 && c->rc == BC_OK; k++)
        c->t[k].meet = 1;
}

/* Numbered meetings, and unnumbered ones of a named kind with a date next to them
 * ("varmotet 2024", "the 2024 spring meeting"). */
void bcx_find_mentions(ctx *c)
{
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t lim = c->se[si].t1;
        for (size_t i = c->se[si].t0; i < lim && c->rc == BC_OK; i++) {
            size_t n, noun_end = 0, noun;
            int kind = 0, v = ordinal_at(c, i, lim, &n);
            if (v == 0 || (noun = meeting_noun(c, i, i + n, lim, &kind, &noun_end)) == 0)
                continue;
            noun--;
            mention m;
            memset(&m, 0, sizeof m);
            m.sent = si;
            m.t0 = noun < i ? noun : i;
            m.t1 = noun_end > i + n ? noun_end : i + n;
            m.noun = noun;
            m.noun_end = noun_end;
            m.noun_kind = kind;
            m.ord = v;
            m.kind = -1;
            for (size_t k = i; k < i + n; k++)
                c->t[k].used = U_ORD;
            add_mention(c, &m);
        }
    }
    const bc_lex *e = NULL;
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++)
        for (size_t i = c->se[si].t0; i < c->se[si].t1 && c->rc == BC_OK; i++) {
            size_t n = c->t[i].meet ? 0 : bcx_lex_find(c, C_MEET, i, &e);
            if (n == 0 || e->val == K_GENERIC)
                continue;
            /* English puts the year before the words of the name: "the 2024 joint
             * working committee conference" */
            size_t before = c->lang == L_EN ? 4 : 1;
            for (size_t k = 0; k < c->nd; k++) {
                const xd *d = &c->d[k];
                if (d->prec == 0 || c->t[d->t0].sent != si ||
                    !((d->t0 >= i + n && d->t0 <= i + n + 1) ||
                      (d->t1 <= i && d->t1 + before >= i)))
                    continue;
                mention m;
                memset(&m, 0, sizeof m);
                m.sent = si;
                m.t0 = i < d->t0 ? i : d->t0;
                m.t1 = i + n > d->t1 ? i + n : d->t1;
                m.noun = i;
                m.noun_end = i + n;
                m.noun_kind = (int)e->val;
                m.kind = -1;
                copy_str(m.date, sizeof m.date, d->iso);
                m.date_src = 1;
                add_mention(c, &m);
                break;
            }
        }
}

static int mech_kind_of(const ctx *c, const char *id)
{
    for (size_t k = 0; c->g && k < c->g->nme; k++)
        if (strcmp(GZ(c->g, c->g->me[k].id), id) == 0)
            return c->g->me[k].kind;
    return -1;
}

/* The kind a mention names in its own words: the noun's (committee, spring meeting), a
 * mechanism phrase or name between the ordinal and six words past the noun ("spotkanie
 * Wspolnej Grupy Roboczej"), else the conference a conference noun names. */
static int own_kind(const ctx *c, mention *m)
{
    const bc_lex *e = NULL;
    if (m->noun_kind == K_COMMITTEE || m->noun_kind == K_SPRING)
        return m->noun_kind;
    size_t lim = c->se[m->sent].t1, end = m->t1 + 6 < lim ? m->t1 + 6 : lim;
    int conf = 0;
    for (size_t k = m->t0; k < end; k++) {
        if (k >= m->t1 && (c->t[k].used == U_ORD || c->t[k].kind != T_WORD))
            break;
        for (size_t q = 0; q < c->nh; q++)
            if (c->h[q].t0 == k && c->h[q].entity == E_MECHANISM) {
                m->mech = c->h[q].id;
                return mech_kind_of(c, c->h[q].id);
            }
        if (bcx_lex_find(c, C_MECH, k, &e) > 0) {
            if (e->val != K_CONF)
                return (int)e->val;
            conf = 1;
        }
    }
    return m->noun_kind == K_CONF || conf ? K_CONF : -1;
}

static size_t dist(size_t a, size_t b)
{
    return a > b ? a - b : b - a;
}

/* The mechanism of kind in the gazetteer with most members named near the mention. */
static const char *mech_for(const ctx *c, int kind, size_t si)
{
    const char *best = NULL;
    long best_score = -1;
    for (size_t k = 0; c->g && k < c->g->nme; k++) {
        const gz_mech *me = &c->g->me[k];
        if (me->kind != kind)
            continue;
        long score = 0;
        for (size_t q = 0; q < c->nh; q++) {
            char key[80];
            if (c->h[q].entity != E_PROVINCE)
                continue;
            snprintf(key, sizeof key, " %s ", c->h[q].id);
            if (strstr(GZ(c->g, me->members), key))
                score += c->t[c->h[q].t0].sent == si ? 2 : 1;
        }
        if (score > best_score) {
            best = GZ(c->g, me->id);
            best_score = score;
        }
    }
    return best;
}

static int date_after_ref(const ctx *c, const char *date)
{
    int y = 0, m = 0, d = 0;
    if (c->ry == 0 || sscanf(date, "%d-%d-%d", &y, &m, &d) < 1)
        return 0;
    if (y != c->ry)
        return y > c->ry;
    if (m == 0 || c->rm == 0 || m != c->rm)
        return m > c->rm && c->rm != 0;
    return d > c->rd && c->rd != 0;
}

void bcx_resolve_mentions(ctx *c)
{
    const bc_lex *e = NULL;
    int article[5] = {0};
    for (size_t i = 0; i < c->nt; i++)
        if (c->t[i].sent != NO_SENT && bcx_lex_find(c, C_MECH, i, &e) > 0 && e->val < 5)
            article[(int)e->val]++;
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        m->kind = own_kind(c, m);
        m->own = m->kind >= 0 ? 2 : 0;
    }
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        if (m->kind >= 0)
            continue;
        /* the same word for a meeting names the same mechanism within an article */
        size_t best = SIZE_MAX;
        for (size_t q = 0; q < c->nm; q++)
            if (c->m[q].own == 2 && c->m[q].noun_kind == K_GENERIC &&
                (best == SIZE_MAX || dist(c->m[q].noun, m->noun) < dist(c->m[best].noun, m->noun)))
                best = q;
        if (best != SIZE_MAX) {
            m->kind = c->m[best].kind;
            m->mech = c->m[best].mech;
        }
        size_t bd = SIZE_MAX;
        for (size_t i = c->se[m->sent].t0; m->kind < 0 && i < c->se[m->sent].t1; i++)
            if (bcx_lex_find(c, C_MECH, i, &e) > 0 && dist(i, m->noun) < bd) {
                bd = dist(i, m->noun);
                m->kind = (int)e->val;
            }
        int top = 0;
        for (int q = 1; q < 5; q++)
            if (article[q] > article[top])
                top = q;
        if (m->kind < 0 && article[top] > 0)
            m->kind = top;
        m->own = m->kind >= 0 ? 1 : 0;
    }
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        if (m->mech == NULL && m->kind >= 0)
            m->mech = mech_for(c, m->kind, m->sent);
        if (m->date_src == 0) {
            const xd *d = bcx_nearest_date(c, m->sent, m->t0, m->t1, 1);
            if (d != NULL) {
                copy_str(m->date, sizeof m->date, d->iso);
                m->date_src = 1;
            }
        }
    }
    /* a sentence reporting that a numbered meeting took place ("odbylo sie 11. spotkanie")
     * gets the date stated for that meeting elsewhere in the article */
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        int held =
            m->date_src == 0 && m->ord > 0 && m->mech && bcx_sent_has(c, m->sent, C_HELD, -1);
        for (size_t q = 0; q < c->nm && held && m->date_src == 0; q++)
            if (c->m[q].date_src == 1 && c->m[q].ord == m->ord && c->m[q].mech &&
                strcmp(c->m[q].mech, m->mech) == 0) {
                copy_str(m->date, sizeof m->date, c->m[q].date);
                m->date_src = 2;
            }
        for (size_t q = 0; q < k && !m->dup; q++)
            m->dup = c->m[q].sent == m->sent && c->m[q].ord == m->ord && c->m[q].kind == m->kind &&
                     strcmp(c->m[q].date, m->date) == 0;
    }
}

void bcx_emit_meetings(ctx *c)
{
    const bc_lex *e = NULL;
    bc_extraction *o = c->out;
    for (size_t k = 0; k < c->nm && c->rc == BC_OK; k++) {
        const mention *m = &c->m[k];
        if (m->dup)
            continue;
        o->meetings =
            bc_grow(o->meetings, &c->capmo, o->nmeetings + 1, sizeof *o->meetings, &c->rc);
        if (c->rc != BC_OK)
            break;
        bc_xmeeting *x = &o->meetings[o->nmeetings++];
        memset(x, 0, sizeof *x);
        const sent *s = &c->se[m->sent];
        copy_str(x->mechanism, sizeof x->mechanism, m->mech ? m->mech : "");
        x->ordinal = m->ord;
        copy_str(x->date, sizeof x->date, m->date);
        int future = 0;
        size_t lo = m->t0 > s->t0 + 5 ? m->t0 - 5 : s->t0;
        size_t hi = m->t1 + 5 < s->t1 ? m->t1 + 5 : s->t1;
        for (size_t i = lo; i < hi && !future; i++)
            future = bcx_lex_find(c, C_FUTURE, i, &e) > 0;
        if (!future && m->date[0])
            future = date_after_ref(c, m->date);
        copy_str(x->status, sizeof x->status, future ? "planned" : "held");
        /* the place: a province after "in"/"w"/"i"/"tai" or after a word for host */
        int host = 0;
        for (size_t q = 0; q < c->nh && x->place[0] == '\0'; q++) {
            const hit *h = &c->h[q];
            if (h->entity != E_PROVINCE || c->t[h->t0].sent != m->sent)
                continue;
            for (size_t i = s->t0; i < h->t0 && !host; i++)
                host = bcx_lex_find(c, C_HOST, i, &e) > 0;
            int loc = 0;
            for (size_t i = h->t0 > s->t0 + 4 ? h->t0 - 4 : s->t0; i < h->t0 && !loc; i++)
                loc = bcx_lex_find(c, C_LOC, i, &e) > 0;
            if (host || loc)
                copy_str(x->place, sizeof x->place, h->id);
        }
        x->quote_start = s->qs;
        x->quote_end = s->qe;
        x->confidence = 0.5 +
                        (m->own == 2   ? 0.2
                         : m->own == 1 ? 0.1
                                       : 0) +
                        (m->date_src == 1   ? 0.2
                         : m->date_src == 2 ? 0.1
                                            : 0) +
                        (x->place[0] ? 0.1 : 0);
    }
}
