/* extract_meet_mech.c: the mechanism of a mention. A mention gets a mechanism only when
 * its sentence names it: the kind in its own words (committee, working group, spring
 * meeting, the yearly conference) and the provinces that single out one mechanism of that
 * kind; a later bare mention of the kind takes the one mechanism the article named, and a
 * numbered meeting one number from another of its sentence, called by the same noun,
 * takes that one's. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* A member, a province merged into a member, or the one a member was merged into (Ha
 * Giang, now part of Tuyen Quang: "the Joint Working Committee of Quang Ninh, Lang Son,
 * Cao Bang, Tuyen Quang and Guangxi" is the committee whose member Ha Giang was). */
static int is_member(const ctx *c, const gz_mech *me, const char *province)
{
    const char *into = bcx_province_merged_into(c, province);
    if (is_member1(c, me, province) || (into[0] != '\0' && is_member1(c, me, into)))
        return 1;
    for (size_t k = 0; c->g && k < c->g->npv; k++) {
        const char *merged = GZ(c->g, c->g->pv[k].merged_into);
        if (merged[0] != '\0' && strcmp(merged, province) == 0 &&
            is_member1(c, me, GZ(c->g, c->g->pv[k].id)))
            return 1;
    }
    return 0;
}

/* The members of me that the nseen provinces of seen name: each itself, or a province
 * merged into it or it into (Ha Giang and Tuyen Quang name each other). */
static int covered(const ctx *c, const gz_mech *me, char seen[][64], int nseen)
{
    int n = 0;
    for (const char *m = GZ(c->g, me->members); *m != '\0';) {
        while (*m == ' ')
            m++;
        size_t len = strcspn(m, " ");
        if (len == 0)
            break;
        char id[64];
        copy_utf8(id, sizeof id, m, len);
        int got = 0;
        for (int q = 0; q < nseen && !got; q++)
            got = strcmp(seen[q], id) == 0 ||
                  strcmp(bcx_province_merged_into(c, seen[q]), id) == 0 ||
                  strcmp(bcx_province_merged_into(c, id), seen[q]) == 0;
        n += got;
        m += len;
    }
    return n;
}

int bcx_names_all_members(const ctx *c, size_t si, const char *id)
{
    const gz_mech *me = NULL;
    for (size_t k = 0; c->g && k < c->g->nme && me == NULL; k++)
        if (strcmp(GZ(c->g, c->g->me[k].id), id) == 0)
            me = &c->g->me[k];
    if (me == NULL)
        return 0;
    char seen[BC_X_MAX_PARTIES * 2][64];
    int n = bcx_sent_provinces(c, si, seen, BC_X_MAX_PARTIES * 2);
    return covered(c, me, seen, n) >= me->nmembers || bcx_sent_has(c, si, C_COUNT_WORD, -1);
}

/* 1 when token k (< lim) is a word that joins the parties of a body: "and", "between",
 * "with" in the seven languages, "与", "和", "同". */
static int joins_parties(const ctx *c, size_t k, size_t lim)
{
    static const char *const w[] = {"and",    "between", "with", "et",  "entre",  "avec",
                                    "va",     "giua",    "voi",  "och", "mellan", "med",
                                    "en",     "tussen",  "met",  "i",   "oraz",   "z",
                                    "miedzy", "与",      "和",   "同",  NULL};
    for (int q = 0; w[q]; q++)
        if (bcx_words_at(c, k, lim, w[q]) > 0)
            return 1;
    return 0;
}

/* 1 when the body of mention m has a city or prefecture among its parties, so it is no
 * provincial mechanism: in m's clause a border town or prefecture of the gazetteer that
 * a word joining parties comes before ("giữa tỉnh Lào Cai và châu Hồng Hà", "entre la
 * province de Quang Ninh et la ville de Fangchenggang") or, in Chinese, after
 * ("文山州与河江省"), not a word of place ("in Kunming", "在河口"); in Chinese also a name
 * ending in 州, 市 or 县 that is no province right before "与" or "和" ("红河哈尼族彝族自治州与
 * 越南老街省联合工作组"). */
static int city_party(const ctx *c, const mention *m)
{
    const sent *s = &c->se[m->sent];
    size_t lo = m->t0, hi = m->t1;
    while (lo > s->t0 && !(bcx_gap(c, lo - 1) & (G_COMMA | G_DOT)) && m->t0 - lo < 40)
        lo--;
    while (hi < s->t1 && !(bcx_gap(c, hi - 1) & (G_COMMA | G_DOT)) && hi - m->t1 < 30)
        hi++;
    for (size_t q = s->h0; q < s->h1; q++) {
        const hit *h = &c->h[q];
        if (h->entity != E_PLACE || h->t0 < lo || h->t1 > hi || (h->t1 > m->t0 && h->t0 < m->t1))
            continue;
        /* after m, one side of a crossing ("... and the Huu Nghi – Youyiguan and Chi Ma – Ai
         * Dian gate pairs") is no party of its body */
        if (h->t0 >= m->t1 &&
            ((bcx_gap(c, h->t0 - 1) & G_DASH) || (bcx_gap(c, h->t1 - 1) & G_DASH)))
            continue;
        int province = 0, located = 0; /* "Lao Cai": the city's name is the province's */
        for (size_t r = s->h0; r < s->h1 && !province; r++)
            province = c->h[r].entity == E_PROVINCE && c->h[r].t0 < h->t1 && h->t0 < c->h[r].t1;
        for (size_t k = h->t0; !province && k > lo && k + 4 > h->t0; k--) {
            if (bcx_lex_find(c, C_LOC, k - 1, NULL) > 0 ||
                bcx_lex_find(c, C_HOST, k - 1, NULL) > 0) {
                located = 1;
                break;
            }
            if (joins_parties(c, k - 1, h->t0))
                return 1;
        }
        /* Chinese: the rest of its name ("壮族苗族自治州"), then "与" */
        for (size_t k = h->t1;
             c->lbit == L_ZH && !province && !located && k < h->t1 + 10 && k < m->t0 && c->t[k].han;
             k++) {
            if (joins_parties(c, k, k + 1))
                return 1;
            int named = 0;
            for (size_t r = s->h0; r < s->h1 && !named; r++)
                named = c->h[r].t0 == k;
            if (named || bcx_lex_find(c, C_LOC, k, NULL) > 0 ||
                bcx_lex_find(c, C_HELD, k, NULL) > 0)
                break;
        }
    }
    for (size_t k = lo + 1; c->lbit == L_ZH && k < m->t0; k++) {
        if (!(bcx_words_at(c, k, k + 1, "与") || bcx_words_at(c, k, k + 1, "和")) ||
            !(bcx_words_at(c, k - 1, k, "州") || bcx_words_at(c, k - 1, k, "市") ||
              bcx_words_at(c, k - 1, k, "县")))
            continue;
        int province = 0;
        for (size_t q = s->h0; q < s->h1 && !province; q++)
            province = c->h[q].entity == E_PROVINCE && c->h[q].t1 == k;
        if (!province)
            return 1;
    }
    return 0;
}

/* 1 when mention m calls its body the parties' own ("the 12th meeting of their Joint
 * Working Committee", "leur comité") and the provinces its sentence names before that
 * word are not every member of mechanism id (nor counted): the body of two of them is not
 * the one of five. */
static int parties_own(const ctx *c, const mention *m, const char *id)
{
    static const char *const poss[] = {"their", "leur", "leurs", "hun", "deras", "ich", NULL};
    const sent *s = &c->se[m->sent];
    size_t from = m->t0 > s->t0 ? m->t0 - 1 : m->t0;
    for (size_t k = from; k < s->t1 && k < m->t1 + 3; k++) {
        int own = 0;
        for (int w = 0; poss[w] && !own; w++)
            own = bcx_word_is(c, k, s->t1, poss[w]);
        if (!own)
            continue;
        const gz_mech *me = NULL;
        for (size_t q = 0; c->g && q < c->g->nme && me == NULL; q++)
            if (strcmp(GZ(c->g, c->g->me[q].id), id) == 0)
                me = &c->g->me[q];
        char seen[BC_X_MAX_PARTIES * 2][64];
        int n = 0;
        for (size_t q = s->h0; q < s->h1 && n < BC_X_MAX_PARTIES * 2; q++) {
            const hit *h = &c->h[q];
            int dup = 0;
            for (int r = 0; r < n && !dup; r++)
                dup = strcmp(seen[r], h->id) == 0;
            if (h->entity == E_PROVINCE && h->t1 <= k && !dup)
                copy_str(seen[n++], 64, h->id);
        }
        return me != NULL && n > 0 && covered(c, me, seen, n) < me->nmembers &&
               !bcx_sent_has(c, m->sent, C_COUNT_WORD, -1);
    }
    return 0;
}

/* 1 when token k joins another meeting's name to the phrase before it: "and", "et", "en",
 * "och", "oraz", "i" (Polish), "va", "和", "与" with a meeting's or mechanism's name within
 * four tokens after it ("the 16th conference and the 2025 Spring Meeting": the spring
 * meeting is not the conference's kind). */
static int another_named(const ctx *c, size_t k, size_t lim)
{
    const char *w = c->lbit == L_EN   ? "and"
                    : c->lbit == L_FR ? "et"
                    : c->lbit == L_NL ? "en"
                    : c->lbit == L_SV ? "och"
                    : c->lbit == L_PL ? "oraz"
                    : c->lbit == L_VI ? "va"
                                      : "和";
    size_t n = bcx_words_at(c, k, lim, w);
    if (n == 0 && c->lbit == L_PL)
        n = bcx_words_at(c, k, lim, "i");
    if (n == 0 && c->lbit == L_ZH)
        n = bcx_words_at(c, k, lim, "与");
    for (size_t q = k + n; n > 0 && q < lim && q <= k + n + 4; q++)
        if (bcx_lex_find(c, C_MEET, q, NULL) > 0 || bcx_lex_find(c, C_MECH, q, NULL) > 0)
            return 1;
    return 0;
}

/* The kind a numbered mention names by the bare head of a mechanism's name: right after
 * its noun, ending the phrase ("the 11th meeting of the group.", "XV posiedzenie komitetu
 * odbylo sie": a stop, a verb of holding or planning, a place or a date follows, not more
 * words of the name: "posiedzenie grupy ekspertow" is another group), or as the possessive
 * right before its ordinal ("kommittens 15:e mote"). -1 when none. */
static int short_kind(const ctx *c, const mention *m)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[m->sent].t0, lim = c->se[m->sent].t1, n;
    if (m->ord <= 0)
        return -1;
    if (m->t0 > lo && (n = bcx_lex_ending(c, C_MECH_SHORT, lo, m->t0, &e)) != SIZE_MAX &&
        !(bcx_gap(c, m->t0 - 1) & (G_COMMA | G_DOT | G_PAREN)))
        return (int)e->val;
    if (m->noun_end >= lim || (n = bcx_lex_find(c, C_MECH_SHORT, m->noun_end, &e)) == 0 ||
        (bcx_gap(c, m->noun_end - 1) & (G_COMMA | G_DOT | G_PAREN)))
        return -1;
    size_t k = m->noun_end + n;
    if (k >= lim || (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN | G_CLOSE)))
        return (int)e->val;
    const bc_lex *f = NULL;
    if (c->t[k].kind != T_WORD || bcx_lex_find(c, C_HELD, k, &f) > 0 ||
        bcx_lex_find(c, C_FUTURE, k, &f) > 0 || bcx_lex_find(c, C_LOC, k, &f) > 0 ||
        bcx_lex_find(c, C_MONTH, k, &f) > 0)
        return (int)e->val;
    return -1;
}

/* The kind of the meeting that mention m, an edition ("de vorige editie", "De vierde
 * editie vond vorig jaar in juni plaats"), is one of: the last meeting or mechanism of a
 * named kind before it in its sentence, else in the sentence before it in its paragraph
 * ("... de jaarlijkse conferentie van de partijsecretarissen van ... . De vierde editie");
 * the yearly conference only with words that make it so. -1 when none. */
static int edition_kind(const ctx *c, const mention *m)
{
    const bc_lex *e = NULL;
    size_t lim = c->se[m->sent].t1;
    if (!bcx_word_is(c, m->noun, lim, "editie") && !bcx_word_is(c, m->noun, lim, "edities"))
        return -1;
    int named = bcx_edition_named_kind(c, m); /* "De derde editie van die conferentie" */
    if (named >= 0 || named == -2)
        return named >= 0 ? named : -1;
    for (size_t si = m->sent, pass = 0; pass < 2; pass++, si--) {
        int kind = -1, cue = 0;
        size_t end = pass == 0 ? m->t0 : c->se[si].t1;
        for (size_t k = c->se[si].t0; k < end; k++) {
            size_t n = bcx_lex_find(c, C_MECH, k, &e);
            if (n == 0 && (n = bcx_lex_find(c, C_MEET, k, &e)) > 0 && e->val == K_GENERIC)
                n = 0;
            if (n > 0)
                kind = (int)e->val, k += n - 1;
            else
                cue = cue || bcx_lex_find(c, C_MECH_CUE, k, NULL) > 0;
        }
        if (kind >= 0 && (kind != K_CONF || cue))
            return kind;
        if (si == 0 || bcx_new_paragraph(c, si))
            break;
    }
    return -1;
}

/* 1 when the words at token k make the body named before them a crossing's own ("den
 * gemensamma arbetsgruppen for gransovergangen", "the working group for the border gate",
 * "groupe de travail pour le poste-frontiere"): a preposition of purpose, an article at
 * most, then a word for a crossing. */
static int crossing_body(const ctx *c, size_t k, size_t lim)
{
    static const char *const pre[] = {"for", "pour", "voor", "dla", "ve", NULL};
    static const char *const art[] = {"the", "le", "la", "l", "les", "de", "het", "den", NULL};
    int found = 0;
    for (int w = 0; pre[w] && !found && k < lim; w++)
        found = bcx_word_is(c, k, lim, pre[w]);
    if (!found || c->lbit == L_ZH)
        return 0;
    k++;
    for (int w = 0; art[w] && k < lim; w++)
        if (bcx_word_is(c, k, lim, art[w])) {
            k++;
            break;
        }
    return k < lim && bcx_lex_find(c, C_PROJ, k, NULL) > 0;
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
    /* its own words first (from the noun on), then those before it; not when its own words
     * make it the yearly conference ("Die werkgroep bereidt de besluiten voor van de vierde
     * jaarlijkse conferentie van de partijsecretarissen": the conference's, not the group's) */
    int yearly = conf && bcx_range_has(c, m->t0, end, C_MECH_CUE, -1);
    for (size_t pass = 0; pass < (yearly ? 1u : 2u) && kind < 0; pass++)
        for (size_t k = pass == 0 ? m->t0 : from; k < (pass == 0 ? end : m->t0) && kind < 0; k++) {
            /* Chinese names a body before its meeting: after the noun, a comma ends its
             * words ("第3次年度工作会晤，就本次新春会晤的议程...": the spring meeting is
             * what they discussed) */
            if (k >= m->t1 &&
                (c->t[k].used == U_ORD || (bcx_gap(c, k - 1) & G_DOT) ||
                 (c->lbit == L_ZH && (bcx_gap(c, k - 1) & G_COMMA)) || another_named(c, k, lim)))
                break;
            for (size_t q = c->se[m->sent].h0; q < c->se[m->sent].h1; q++)
                if (c->h[q].t0 == k && c->h[q].entity == E_MECHANISM) {
                    const gz_mech *me = mech_by_id(c, c->h[q].id);
                    if (crossing_body(c, c->h[q].t1, lim))
                        return -1;
                    if (me != NULL && me->kind >= 0 && me->kind != K_CONF)
                        kind = me->kind;
                    else if (me != NULL && me->kind == K_CONF)
                        conf = cue = 1;
                }
            size_t n = bcx_lex_find(c, C_MECH, k, &e);
            /* a meeting before it named as the time of it ("Dagen före konferensen höll
             * ... samtal"): the other meeting's kind, not its own */
            if (n > 0 && k < m->t0 && bcx_time_reference(c, m->sent, k))
                n = 0;
            if (n > 0 && e->val != K_CONF &&
                (crossing_body(c, k + n, lim) || bcx_domain_body(c, k)))
                return -1; /* the working group of a crossing, no mechanism of provinces */
            if (n > 0 && e->val != K_CONF)
                kind = (int)e->val;
            else if (n > 0)
                conf = 1;
        }
    /* "Le comite mixte de travail entre ... a tenu sa 16e conference": a possessive before
     * the ordinal makes it the meeting of the mechanism its sentence names before it (not
     * "their talks": the talks of the parties, after "the Spring Meeting 2025 ...") */
    static const char *const poss[] = {"sa",   "son",   "ses",   "leur", "its", "their",
                                       "zijn", "haar",  "hun",   "sitt", "sin", "sina",
                                       "swoj", "swoje", "swoja", "cua",  "其",  NULL};
    int owner = 0;
    for (int w = 0;
         kind < 0 && m->xkind != BC_XM_TALKS && m->t0 > c->se[m->sent].t0 && poss[w] && !owner; w++)
        owner = bcx_words_at(c, m->t0 - 1, m->t0, poss[w]) > 0;
    /* the relative of it ("de gezamenlijke werkgroep ..., waarvan de elfde bijeenkomst",
     * "dont la 11e reunion", "whose 11th meeting") */
    if (kind < 0 && m->xkind != BC_XM_TALKS && m->t0 >= c->se[m->sent].t0 + 2 && !owner)
        owner = bcx_word_is(c, m->t0 - 1, m->t0, "whose") ||
                (bcx_lex_find(c, C_ARTICLE, m->t0 - 1, NULL) > 0 &&
                 (bcx_word_is(c, m->t0 - 2, m->t0, "waarvan") ||
                  bcx_word_is(c, m->t0 - 2, m->t0, "dont")));
    for (size_t k = c->se[m->sent].t0; owner && kind < 0 && k < m->t0; k++) {
        size_t n = bcx_lex_find(c, C_MECH, k, &e);
        if (n > 0 && e->val != K_CONF)
            kind = (int)e->val;
    }
    if (kind >= 0)
        return kind;
    if ((kind = short_kind(c, m)) >= 0 || (kind = edition_kind(c, m)) >= 0 ||
        (kind = bcx_pronoun_kind(c, m)) >= 0) /* "Die kwam ... voor de tiende keer" */
        return kind;
    /* the yearly conference: "annual", "thuong nien", "年度", "party secretaries" */
    for (size_t k = lo; conf && !cue && k < end; k++)
        cue = bcx_lex_find(c, C_MECH_CUE, k, &e) > 0;
    return conf && cue ? K_CONF : -1;
}

/* 1 when a blank line separates sentence si from the one before it (or si opens the
 * article or is its heading). */
int bcx_new_paragraph(const ctx *c, size_t si)
{
    if (si == 0 || c->se[si].heading || c->se[si - 1].heading)
        return 1;
    int lines = 0;
    for (size_t b = c->se[si - 1].qe; b < c->se[si].qs; b++)
        lines += c->s[b] == '\n';
    return lines >= 2;
}

size_t bcx_para_start(const ctx *c, size_t si)
{
    if (c->para != NULL && si < c->ns)
        return c->para[si];
    while (si > 0 && !bcx_new_paragraph(c, si))
        si--;
    return si;
}

int bcx_index_paragraphs(ctx *c)
{
    bc_free(c->para);
    c->para = c->ns > 0 ? bc_calloc(c->ns, sizeof *c->para) : NULL;
    if (c->para == NULL)
        return c->ns > 0 ? BC_ENOMEM : BC_OK;
    for (size_t si = 0; si < c->ns; si++)
        c->para[si] = bcx_new_paragraph(c, si) ? si : c->para[si - 1];
    return BC_OK;
}

/* The article's first sentence after its heading. */
static size_t lead_sentence(const ctx *c)
{
    size_t k = 0;
    while (k < c->ns && c->se[k].heading)
        k++;
    return k;
}

/* The mechanism of kind that the nseen provinces of seen single out (mech_for); *tie when
 * two fit as well. */
static const char *mech_of_seen(const ctx *c, int kind, char seen[][64], int nseen, int counted,
                                int *tie)
{
    const char *best = NULL;
    int best_score = 0;
    *tie = 0;
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
            *tie = 0;
        } else if (score == best_score && score > 0) {
            *tie = 1;
        }
    }
    return best;
}

/* The provinces of sentence si (bcx_sent_provinces), but for one named only as a place, a
 * word of place right before it, when the sentence names two or more others ("… of Lai
 * Chau, Lao Cai, Tuyen Quang, Dien Bien and Yunnan will be held in Lang Son"): where a
 * meeting is held says nothing of whose body it is. */
static int members_seen(const ctx *c, size_t si, char ids[][64], int max)
{
    int n = bcx_sent_provinces(c, si, ids, max), placed = -1, w = 0;
    for (size_t q = c->se[si].h0; q < c->se[si].h1 && placed < 0; q++) {
        const hit *h = &c->h[q];
        if (h->entity != E_PROVINCE || h->t0 == c->se[si].t0 ||
            bcx_lex_find(c, C_LOC, h->t0 - 1, NULL) != 1 || bcx_member_of_body(c, si, h->t0 - 1, h))
            continue;
        int again = 0; /* named elsewhere in the sentence too: a member as well */
        for (size_t r = c->se[si].h0; r < c->se[si].h1 && !again; r++)
            again = r != q && c->h[r].entity == E_PROVINCE && strcmp(c->h[r].id, h->id) == 0;
        for (int k = 0; k < n && !again; k++)
            if (strcmp(ids[k], h->id) == 0)
                placed = k;
    }
    if (placed < 0 || n < 3)
        return n;
    for (int k = 0; k < n; k++)
        if (k != placed)
            memmove(ids[w++], ids[k], 64);
    return w;
}

/* The mechanism of kind the sentence singles out: every province the sentence names that
 * a mechanism of the kind has must be its member, and the sentence must name its Chinese
 * member, or two of its members, or count its members ("four provinces"). For the spring
 * meeting, a sentence (or paragraph) that names one Vietnamese member alone ("talks ... in
 * Lang Son city. The two leaders reviewed ... the 2025 Spring Meeting") is completed by the
 * provinces of the article's heading and lead when they name its Chinese member. NULL when
 * no mechanism, or more than one, fits. */
static const char *mech_for(const ctx *c, int kind, size_t si)
{
    /* the provinces of the sentence; a sentence naming none ("the two sides held the
     * 16th meeting of the joint working committee") takes those of the sentences before
     * it in its paragraph */
    size_t from = si;
    char seen[BC_X_MAX_PARTIES * 4][64];
    int nseen = members_seen(c, si, seen, BC_X_MAX_PARTIES * 2);
    while (nseen == 0 && from > 0 && si - from < 2 && !bcx_new_paragraph(c, from)) {
        from--;
        nseen = bcx_sent_provinces(c, from, seen, BC_X_MAX_PARTIES * 2);
    }
    /* nor those: the article's heading and lead, which name the parties it reports on ("the
     * Joint Working Committee of the four provinces and the region" in the third
     * paragraph) */
    int own = nseen;
    for (size_t k = 0; nseen == 0 && k < c->ns && k <= lead_sentence(c); k++)
        nseen = bcx_sent_provinces(c, k, seen, BC_X_MAX_PARTIES * 2);
    int counted = bcx_sent_has(c, si, C_COUNT_WORD, -1) || bcx_sent_has(c, from, C_COUNT_WORD, -1);
    int tie = 0;
    const char *best = mech_of_seen(c, kind, seen, nseen, counted, &tie);
    if (best == NULL && kind == K_SPRING && own == 1 && !bcx_province_cn(c, seen[0])) {
        for (size_t k = 0; nseen < BC_X_MAX_PARTIES * 2 && k < c->ns && k <= lead_sentence(c); k++)
            nseen += bcx_sent_provinces(c, k, seen + nseen, BC_X_MAX_PARTIES * 2);
        int cn = 0; /* the heading or lead names the Chinese member */
        for (int q = own; q < nseen && !cn; q++)
            cn = bcx_province_cn(c, seen[q]);
        best = cn ? mech_of_seen(c, kind, seen, nseen, counted, &tie) : NULL;
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

/* 1 when the noun of mention m is a word for an edition or a round of a series ("De
 * vierde editie", "De veertiende ronde"), or its ordinal alone, the noun left out ("De vierde
 * staat dit jaar op het programma", bcx_elided_noun): of whatever series the article
 * numbers. */
static int edition_noun(const ctx *c, const mention *m)
{
    static const char *const ed[] = {"editie", "edities", "ronde", "edition", NULL};
    for (int w = 0; c->lbit != L_ZH && ed[w]; w++)
        if (bcx_word_is(c, m->noun, m->noun_end, ed[w]))
            return 1;
    return c->lbit != L_ZH && m->noun == m->t0 && bcx_lex_find(c, C_ORD, m->noun, NULL) > 0;
}

/* 1 when numbered mention m's phrase ends with its noun: no words of another body follow
 * it ("the 9th meeting of the border guards", "de eerste bijeenkomst sinds", "trzecie
 * posiedzenie wspolnej grupy ekspertow"); a stop, a verb, a place or a date may. */
static int ends_at_noun(const ctx *c, const mention *m)
{
    static const char *const of[] = {"of",     "between", "du",     "de",  "des",   "entre", "van",
                                     "tussen", "sinds",   "mellan", "for", "sedan", "cua",   NULL};
    size_t k = m->noun_end, lim = c->se[m->sent].t1, n;
    /* an edition of the meeting or talks spoken of ("De vierde editie van het overleg") */
    if (edition_noun(c, m) && k + 1 < lim &&
        (bcx_word_is(c, k, lim, "van") || bcx_word_is(c, k, lim, "of"))) {
        size_t q = k + 1 + (bcx_lex_find(c, C_ARTICLE, k + 1, NULL) > 0);
        const bc_lex *e = NULL;
        if (q < lim && (((n = bcx_lex_find(c, C_MEET, q, &e)) > 0 && e->val == K_GENERIC) ||
                        (n = bcx_lex_find(c, C_TALKS, q, &e)) > 0))
            k = q + n;
    }
    if (c->lbit == L_ZH || k >= lim ||
        (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN | G_CLOSE)) || c->t[k].kind != T_WORD)
        return 1;
    for (int w = 0; of[w]; w++)
        if (bcx_word_is(c, k, lim, of[w]))
            return 0;
    if (c->lbit == L_SV && bcx_word_is(c, k, lim, "i") && k + 1 < lim && !c->t[k + 1].upper)
        return 0; /* "motet i den gemensamma ..." */
    if (c->lbit == L_PL && !c->t[k].upper && bcx_lex_find(c, C_HELD, k, NULL) == 0 &&
        bcx_lex_find(c, C_FUTURE, k, NULL) == 0 && bcx_lex_find(c, C_LOC, k, NULL) == 0 &&
        !bcx_word_is(c, k, lim, "i") && !bcx_word_is(c, k, lim, "oraz"))
        return 0; /* a genitive: "posiedzenie strazy granicznej" */
    return 1;
}

/* 1 when numbered mentions a and b are called by the same noun ("meeting", "posiedzenie"). */
static int same_noun(const ctx *c, const mention *a, const mention *b)
{
    /* Chinese nouns share their first character (会议, 会谈, 会晤): all of it */
    size_t n = c->lbit != L_ZH ? 3 : c->t[a->noun_end - 1].end - c->t[a->noun].start;
    if (edition_noun(c, a) || edition_noun(c, b))
        return 1;
    return a->noun_kind == b->noun_kind && a->noun_end - a->noun == b->noun_end - b->noun &&
           (c->lbit != L_ZH || c->t[b->noun_end - 1].end - c->t[b->noun].start == n) &&
           memcmp(c->lbit != L_ZH ? TXT(c, a->noun) : c->s + c->t[a->noun].start,
                  c->lbit != L_ZH ? TXT(c, b->noun) : c->s + c->t[b->noun].start, n) == 0;
}

/* 1 when the clause of Chinese mention m names its own parties before its ordinal ("河口县
 * 与老街市第五次会议", "两市边防部门第三次会议", not "双方回顾了...召开的第九次会议"): the body
 * is theirs, no series of another. */
static int zh_own_parties(const ctx *c, const mention *m)
{
    if (c->lbit != L_ZH)
        return 0;
    if (city_party(c, m))
        return 1;
    for (size_t k = m->t0; k > c->se[m->sent].t0 && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)); k--)
        if (joins_parties(c, k - 1, m->t0) ||
            (m->t0 - k < 6 && bcx_lex_find(c, C_BOTH_SIDES, k - 1, NULL) > 0))
            return 1;
    return 0;
}

void bcx_link_mechanisms(ctx *c)
{
    int other[K_SPRING + 1] = {0}; /* a kind the article names as another body */
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        if (m->elided_of != 0)
            continue; /* the body of the one it leaves the noun to: below */
        m->kind = own_kind(c, m);
        if (m->kind < 0)
            continue;
        m->other_body = city_party(c, m);
        if (!m->other_body)
            m->mech = mech_for(c, m->kind, m->sent);
        if (m->mech != NULL && parties_own(c, m, m->mech))
            m->mech = NULL, m->other_body = 1;
        if (m->other_body && m->kind <= K_SPRING)
            other[m->kind] = 1;
    }
    /* a numbered meeting right after a named one's words is that meeting by its number
     * ("省委书记年度会晤机制第五次会议", "the Spring Meeting's 3rd session"): its name, and
     * the named one is it, numbered */
    if (bcx_index_mentions(c) != BC_OK)
        return;
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        for (size_t r = 0, q; m->ord > 0 && m->xkind == BC_XM_NUMBERED &&
                              (q = bcx_sent_mention(c, m->sent, r)) != SIZE_MAX;
             r++) {
            mention *o = &c->m[q];
            if (o->xkind != BC_XM_NAMED || o->kind < 0 || o->t1 > m->t0 || m->t0 - o->t1 > 3 ||
                bcx_commas(c, o->t1 - 1, m->t0) != 0 ||
                (bcx_gap(c, o->t1 - 1) & (G_DOT | G_PAREN)) || (m->kind >= 0 && m->kind != o->kind))
                continue;
            if (m->kind < 0)
                m->kind = o->kind, m->mech = o->mech, m->other_body = o->other_body;
            o->ord = m->ord, o->xkind = BC_XM_NUMBERED;
        }
    }
    /* one body, one treatment: where the article names a kind of body as another than the
     * known mechanism, its other mentions of that kind take the mechanism only when their
     * sentence names all its members */
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        if (m->kind >= 0 && m->kind <= K_SPRING && other[m->kind] && m->mech != NULL &&
            !bcx_names_all_members(c, m->sent, m->mech))
            m->mech = NULL, m->other_body = 1;
    }
    /* "the Joint Working Group" again, later in the article: the one mechanism of that kind
     * the article has named with its provinces, when the sentence names no province of
     * another */
    for (int kind = K_CONF; kind <= K_SPRING; kind++) {
        const char *only = NULL;
        int several = other[kind];
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
     * number before or after it in its sentence, is of that one's mechanism; elsewhere in
     * the article ("Since the ninth meeting, held in Ha Giang ..."), two numbers at most
     * from it, when no numbered meeting of another mechanism is called by that noun and
     * its sentence names no province foreign to it */
    const char **series = bc_calloc(c->nm + 1, sizeof *series); /* found, set after */
    int *series_kind = bc_calloc(c->nm + 1, sizeof *series_kind);
    /* the numbered mentions of a mechanism, in order: the only ones a number may take its
     * body from (one that takes it becomes one) */
    size_t *named = bc_calloc(c->nm + 1, sizeof *named), nnamed = 0;
    if (series == NULL || series_kind == NULL || named == NULL) {
        c->rc = BC_ENOMEM;
        goto done;
    }
    for (size_t q = 0; q < c->nm; q++)
        if (c->m[q].mech != NULL && c->m[q].ord > 0)
            named[nnamed++] = q;
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        const char *only = NULL;
        int kind = -1, several = 0, close = 0;
        int edition = m->mech == NULL && m->kind < 0 && m->ord > 0 && edition_noun(c, m);
        for (size_t r = 0; m->mech == NULL && m->kind < 0 && m->ord > 0 && r < nnamed; r++) {
            const mention *o = &c->m[named[r]];
            /* once two series are seen only one of m's sentence can still give it its body */
            if (o == m || o->mech == NULL || o->ord <= 0 || (several && o->sent != m->sent) ||
                !same_noun(c, o, m))
                continue;
            /* an edition is of the series whose numbers lie close to its own */
            if (edition && (o->ord > m->ord + 2 || o->ord + 2 < m->ord))
                continue;
            int near = o->ord == m->ord + 1 || o->ord + 1 == m->ord;
            if (o->sent == m->sent && near) {
                m->mech = o->mech, m->kind = o->kind;
                size_t at = nnamed; /* m joins them, in order */
                while (at > 0 && named[at - 1] > k)
                    at--;
                memmove(named + at + 1, named + at, (nnamed - at) * sizeof *named);
                named[at] = k;
                nnamed++;
                break;
            }
            several = several || (only != NULL && strcmp(only, o->mech) != 0);
            only = o->mech, kind = o->kind;
            close = close || (o->ord != m->ord && o->ord <= m->ord + 2 && o->ord + 2 >= m->ord);
        }
        if (m->mech == NULL && close && !several && ends_at_noun(c, m) && !zh_own_parties(c, m) &&
            !bcx_guards_body(c, m->sent) && !foreign_to(c, m->sent, only))
            series[k] = only, series_kind[k] = kind;
    }
    for (size_t k = 0; k < c->nm; k++)
        if (series[k] != NULL && c->m[k].mech == NULL)
            c->m[k].mech = series[k], c->m[k].kind = series_kind[k], c->m[k].mech_inferred = 1;
    /* "... the fifth conference ... and agreed to hold the seventh": the body of the
     * meeting whose noun it leaves out (an earlier mention, settled above) */
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        const mention *o = m->elided_of != 0 ? &c->m[m->elided_of - 1] : NULL;
        if (o != NULL)
            m->kind = o->kind, m->mech = o->mech, m->mech_inferred = o->mech_inferred,
            m->other_body = o->other_body;
    }
done:
    bc_free(series);
    bc_free(series_kind);
    bc_free(named);
}

/* 1 when a body's name lies at token i, as a name (C_MECH) or its short form (C_MECH_SHORT). */
static int body_at(const ctx *c, size_t i)
{
    return bcx_lex_find(c, C_MECH, i, NULL) > 0 || bcx_lex_find(c, C_MECH_SHORT, i, NULL) > 0;
}

int bcx_member_of_body(const ctx *c, size_t si, size_t loc, const hit *h)
{
    const sent *s = &c->se[si];
    /* "i Gemensamma arbetsgruppen för Lai Chau, ...": the body between the word and it,
     * or opening with that word ("i gruppen för Lai Chau") */
    for (size_t i = loc; i < h->t0; i++)
        if (body_at(c, i))
            return 1;
    /* "the working group in Lai Chau, Lao Cai, ...": the body's name just before the word,
     * the province opening a list of provinces */
    if (loc > s->t0 && (bcx_lex_ending(c, C_MECH, s->t0, loc, NULL) != SIZE_MAX ||
                        bcx_lex_ending(c, C_MECH_SHORT, s->t0, loc, NULL) != SIZE_MAX)) {
        for (size_t r = s->h0; r < s->h1; r++)
            if (c->h[r].entity == E_PROVINCE && c->h[r].t0 > h->t0 && c->h[r].t0 <= h->t1 + 1 &&
                !(bcx_gap(c, h->t1 - 1) & G_DOT))
                return 1;
    }
    /* "在莱州、老街、宣光、奠边四省与云南省联合工作组第十二次会议上": a list of provinces
     * running into the body's name; a few words between them at most ("四省与", "và tỉnh") */
    size_t q = h->t1, loose = 0;
    int others = 0;
    /* a town and, in brackets after it, the province it lies in ("tại thành phố Nam Ninh
     * (Quảng Tây, Trung Quốc), Hội nghị lần thứ 17 ..."): where it lies, no list of members */
    /* also with a word for province before it ("(tỉnh Lào Cai, Việt Nam)"), and for a
     * city named as its province ("thành phố Lào Cai (Lào Cai, Việt Nam)") */
    int open = q < s->t1 && (bcx_gap(c, q - 1) & G_OPEN);
    const char *names = NULL, *in = !open                     ? NULL
                                    : h->entity == E_PLACE    ? bcx_place_province(c, h, &names)
                                    : h->entity == E_PROVINCE ? h->id
                                                              : NULL;
    size_t word = q + 1 < s->t1 && (bcx_word_is(c, q, s->t1, "tinh") ||
                                    bcx_word_is(c, q, s->t1, "province") ||
                                    bcx_word_is(c, q, s->t1, "provincie"))
                      ? 1
                      : 0;
    for (size_t r = s->h0; in != NULL && r < s->h1; r++)
        if ((c->h[r].t0 == q || c->h[r].t0 == q + word) && c->h[r].entity == E_PROVINCE &&
            strcmp(c->h[r].id, in) == 0) {
            while (q < s->t1 && !(bcx_gap(c, q - 1) & G_CLOSE) && !(bcx_gap(c, q) & G_CLOSE))
                q++;
            q++; /* past the bracket's last token */
            break;
        }
    while (q < s->t1 && loose <= 3) {
        if (body_at(c, q))
            return others > 0;
        size_t next = q;
        for (size_t r = s->h0; r < s->h1; r++)
            if (c->h[r].entity == E_PROVINCE && c->h[r].t0 == q && c->h[r].t1 > next)
                next = c->h[r].t1;
        if (next > q) {
            others++;
            q = next;
            continue;
        }
        if (bcx_gap(c, q - 1) & G_DOT)
            break;
        loose++;
        q++;
    }
    return 0;
}
