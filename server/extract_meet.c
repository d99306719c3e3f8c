/* extract_meet.c: finding meetings: an ordinal with a meeting noun ("the 11th meeting",
 * "lan thu 11", "第十次会议", "la 7e reunion", "XV spotkanie"), a named mechanism's
 * meeting with a date ("the 2024 spring meeting"), or talks, a working session or a
 * reception between the two sides. Each becomes a mention; its mechanism comes from
 * extract_meet_mech.c, its date from extract_meet_date.c, and extract_meet_emit.c turns
 * it into a meeting. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 when talks at token q may be numbered by the ordinal at tokens [i, j): only words of
 * a round ("runda", "round", "ronde", "of") or of a yearly one (C_MECH_CUE) between, at
 * most three, and no word of a time before the ordinal ("po raz drugi": for the second
 * time). */
static int talks_round(const ctx *c, size_t i, size_t j, size_t q)
{
    static const char *const round[] = {"rund",     "round",   "ronde",    "omgang", "periodiek",
                                        "regulier", "regular", "periodic", NULL};
    size_t lo = c->se[c->t[i].sent].t0;
    if (c->lbit == L_ZH || c->lbit == L_VI || q > j + 3 ||
        (i > lo && (bcx_word_is(c, i - 1, i, "raz") || bcx_word_is(c, i - 1, i, "gangen"))))
        return 0;
    for (size_t k = j; k < q; k++) {
        size_t n = bcx_lex_find(c, C_MECH_CUE, k, NULL);
        if (n > 0) {
            k += n - 1;
            continue;
        }
        int ok = bcx_word_is(c, k, q, "of");
        for (int w = 0; round[w] && !ok; w++)
            ok = c->t[k].fl >= strlen(round[w]) &&
                 memcmp(TXT(c, k), round[w], strlen(round[w])) == 0;
        if (!ok)
            return 0;
    }
    return 1;
}

/* The tokens of a noun of talks at token i ("talks", "entretiens", "gesprekken"), 0 when
 * none: the nouns among the words of talks, not its verbs ("held talks", "a recu"). */
static size_t talks_noun(const ctx *c, size_t i, size_t lim)
{
    static const char *const nouns[] = {"talks",       "working session",   "entretiens",
                                        "pourparlers", "seance de travail", "gesprekken",
                                        "overleg",     "werksessie",        NULL};
    for (int k = 0; nouns[k]; k++) {
        size_t n = bcx_words_at(c, i, lim, nouns[k]);
        if (n > 0)
            return n;
    }
    return 0;
}

/* 1 when the meeting noun at token q is an edition of something it names after it that is
 * no meeting ("de vierde editie van de handelsbeurs", "the 20th edition of the Expo"): an
 * edition is a meeting only of a meeting or a mechanism, or of what was named before. */
static int edition_of_other(const ctx *c, size_t q, size_t lim)
{
    static const char *const edition[] = {"editie", "edities", "edition", "ronde", NULL};
    int ed = 0;
    for (int w = 0; edition[w] && !ed; w++)
        ed = bcx_word_is(c, q, lim, edition[w]);
    if (!ed || q + 1 >= lim ||
        !(bcx_word_is(c, q + 1, lim, "van") || bcx_word_is(c, q + 1, lim, "of")))
        return 0;
    size_t k = q + 2;
    if (k < lim && bcx_lex_find(c, C_ARTICLE, k, NULL) > 0)
        k++;
    for (size_t end = k + 3; k < lim && k < end; k++)
        if (bcx_lex_find(c, C_MEET, k, NULL) > 0 || bcx_lex_find(c, C_MECH, k, NULL) > 0 ||
            talks_noun(c, k, lim) > 0)
            return 0; /* "de vierde editie van het overleg": of talks too */
    return 1;
}

/* An ordinal at token i standing alone in commas after its meeting noun ("La prochaine
 * seance de travail entre Cao Bang et Chongzuo, la 6e, est prevue", "De volgende
 * vergadering, de twaalfde, staat gepland"): the noun, at most twelve words before the
 * article that opens the aside, in the same clause. Returns its first token + 1 (0 when
 * none), its kind and end. */
static size_t aside_noun(const ctx *c, size_t i, size_t j, size_t lim, int *kind, size_t *noun_end)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[c->t[i].sent].t0;
    if (i < lo + 2 || bcx_lex_find(c, C_ARTICLE, i - 1, NULL) == 0 ||
        !(bcx_gap(c, i - 2) & G_COMMA) || (j < lim && !(bcx_gap(c, j - 1) & G_COMMA)))
        return bcx_elided_back_noun(c, i, j, lim, kind, noun_end); /* "; de negende was" */
    for (size_t q = i - 1; q > lo && q + 13 > i; q--) {
        size_t k = q - 1, n = bcx_lex_find(c, C_MEET, k, &e);
        if (k + 1 < i - 1 && (bcx_gap(c, k) & (G_COMMA | G_DOT)))
            return 0;
        int kk = n > 0 ? (int)e->val : K_GENERIC;
        if (n == 0)
            n = talks_noun(c, k, lim);
        if (n > 0 && k + n < i) {
            *kind = kk;
            *noun_end = k + n;
            return k + 1;
        }
    }
    return 0;
}

/* 1 when the English word "talks" stands before token i in its article. */
static int talks_told(const ctx *c, size_t i)
{
    for (size_t k = 0; k < i; k++)
        if (bcx_word_is(c, k, i, "talks"))
            return 1;
    return 0;
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
    /* "since the 12th round, held in Pu'er on Oct. 29": a round of talks, its noun left out,
     * in an article that has spoken of talks */
    if (c->lbit == L_EN && j < lim && bcx_gap(c, j - 1) == G_SPACE &&
        bcx_word_is(c, j, lim, "round") && !bcx_word_is(c, j + 1, lim, "of") &&
        (j + 1 == lim || (bcx_gap(c, j) & (G_COMMA | G_DOT))) && talks_told(c, i)) {
        *kind = K_GENERIC;
        *noun_end = j + 1;
        return j + 1;
    }
    /* "首次" is "for the first time" unless the noun follows it at once ("首次会议") */
    size_t span = c->lbit != L_ZH ? 4 : bcx_words_at(c, i, lim, "首") ? 4 : 12;
    for (size_t q = j; q < lim && q < j + span; q++) {
        if (c->t[q].kind != T_WORD || (q > j && (bcx_gap(c, q - 1) & (G_COMMA | G_DOT))))
            return 0;
        size_t n = edition_of_other(c, q, lim) ? 0 : bcx_lex_find(c, C_MEET, q, &e);
        int k = n > 0 ? (int)e->val : K_GENERIC;
        /* Chinese numbers talks too: "第11次定期会谈"; the others when the talks follow the
         * ordinal at once or after words of a round or a yearly one ("XIII rozmowy", "druga
         * runde rozmow", "the 13th annual talks") */
        if (n == 0 && (c->lbit == L_ZH || talks_round(c, i, j, q)) &&
            (n = bcx_lex_find(c, C_TALKS, q, &e)) > 0 && e->val != TALKS_PLAIN)
            n = 0;
        if (n > 0) {
            *kind = k;
            *noun_end = q + n;
            return q + 1;
        }
    }
    return 0;
}

static void add_mention(ctx *c, const mention *m)
{
    if (m->named_by) { /* named by its date, it speaks for no clause: its tokens stay free */
        c->m = bc_grow(c->m, &c->capm, c->nm + 1, sizeof *c->m, &c->rc);
        if (c->rc == BC_OK) {
            c->m[c->nm++] = *m;
            c->se[m->sent].nment++;
        }
        return;
    }
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
    return bcx_sent_has(c, si, want_cn ? C_CN : C_VN, -1) || (!want_cn && c->se[si].vn_named);
}

/* 1 when English sentence si names a country of neither side ("a visiting delegation from
 * Laos", "Lao officials"; not Lao Cai): its visitors are no side's. */
static int third_country(const ctx *c, size_t si)
{
    static const char *const other[] = {"laos",   "laotian",   "cambodia", "cambodian", "thailand",
                                        "thai",   "myanmar",   "japan",    "japanese",  "korea",
                                        "korean", "singapore", NULL};
    size_t hi = c->se[si].t1;
    for (size_t k = c->se[si].t0; k < hi; k++) {
        if (bcx_word_is(c, k, hi, "lao") && !bcx_word_is(c, k + 1, hi, "cai"))
            return 1;
        for (int w = 0; other[w]; w++)
            if (bcx_word_is(c, k, hi, other[w]))
                return 1;
    }
    return 0;
}

/* 1 when the English verb of receiving at token i has visitors as its object, an article or
 * a word between at most ("received the visiting officials", "welcomed the delegation"):
 * guests of the other side, though its sentence names neither. */
static int received_visitors(const ctx *c, size_t si, size_t i)
{
    static const char *const guests[] = {"visiting", "delegation", "guests", NULL};
    size_t hi = c->se[si].t1;
    if (c->lbit != L_EN || bcx_lex_find(c, C_RECEIVED, i, NULL) == 0 || third_country(c, si))
        return 0;
    for (size_t k = i + 1; k < hi && k < i + 4; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT))
            return 0;
        for (int w = 0; guests[w]; w++)
            if (bcx_word_is(c, k, hi, guests[w]))
                return 1;
    }
    return 0;
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

/* 1 when a numbered meeting of sentence si starts or ends within four tokens of the
 * phrase [a, b); the numbered ones are the first nnum mentions, in sentence order. */
size_t bcx_first_numbered(const ctx *c, size_t nnum, size_t si)
{
    size_t lo = 0, hi = nnum;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->m[mid].sent < si)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int beside_numbered(const ctx *c, size_t nnum, size_t si, size_t a, size_t b)
{
    for (size_t k = bcx_first_numbered(c, nnum, si); k < nnum && c->m[k].sent == si; k++) {
        const mention *m = &c->m[k];
        if (m->t0 >= b ? m->t0 - b <= 4 : a >= m->t1 && a - m->t1 <= 4)
            return 1;
    }
    return 0;
}

static int sideline_noun(const ctx *c, size_t si, size_t i, size_t n);

/* The token after the last meeting noun of sentence si (its first token when none), but
 * for the noun of an occasion the sentence names as its sidelines ("Dezelfde dag spraken in
 * de marge van de vergadering ...": the talking is a meeting of its own). */
static size_t last_meet_noun(const ctx *c, size_t si)
{
    for (size_t i = c->se[si].t1; i > c->se[si].t0; i--) {
        size_t n = bcx_lex_find(c, C_MEET, i - 1, NULL);
        if ((c->t[i - 1].meet || n > 0) && !(n > 0 && sideline_noun(c, si, i - 1, n)))
            return i;
    }
    return c->se[si].t0;
}

/* 1 when talks at token i are named as the time of what follows them: a word for the end
 * of or after them right before ("Ket thuc hoi dam,", "Sau hoi dam", "Na zakonczenie
 * rozmow", "Efter samtalen", "A l'issue des entretiens", "Na afloop van het overleg"). */
static int after_talks(const ctx *c, size_t si, size_t i)
{
    static const char *const ends[] = {
        "ket thuc", "sau",           "after",        "following", "na zakonczenie", "po",
        "efter",    "a l issue des", "a l issue de", "apres",     "na afloop van",  "na",
        NULL};
    size_t lo = c->se[si].t0;
    for (size_t k = i > lo + 4 ? i - 4 : lo; k < i; k++)
        for (int w = 0; ends[w]; w++) {
            size_t n = bcx_words_at(c, k, i, ends[w]);
            if (n > 0 && k + n == i)
                return 1;
        }
    return 0;
}

/* 1 when the talks at tokens [i, i + n) are named only as the setting of what sentence si
 * reports, and other talks or a ceremony follow in it: "tai" opens them, a word between
 * at most, and a comma closes them, two words ("nay", "hom qua") before it at most ("Tai
 * hoi dam, hai ben ra soat ... cuoc gap ... hoi cuoi thang 3", "Tai cuoc hoi dam nay, hai
 * ben thong nhat cung to chuc le ..."): the later ones are the meeting it reports. */
static int setting_talks(const ctx *c, size_t si, size_t i, size_t n)
{
    size_t lo = c->se[si].t0, hi = c->se[si].t1, k = i + n;
    if (c->lbit != L_VI || i == lo ||
        !(bcx_word_is(c, i - 1, i, "tai") || (i >= lo + 2 && bcx_word_is(c, i - 2, i - 1, "tai"))))
        return 0;
    while (k < hi && k < i + n + 2 && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
        k++;
    if (k >= hi || !(bcx_gap(c, k - 1) & G_COMMA))
        return 0;
    for (; k < hi; k++)
        if (bcx_lex_find(c, C_TALKS, k, NULL) > 0)
            return 1;
    return 0;
}

/* 1 when the meeting noun at tokens [i, i + n) is named as the occasion of another
 * meeting: a word for its sidelines ends at most two words before it ("On the sidelines
 * of the conference, ... met", "En marge de la rencontre", "In de marge van de
 * bijeenkomst", "Bên lề Hội nghị") or, in Chinese, follows it ("会议间隙"). */
static int sideline_noun(const ctx *c, size_t si, size_t i, size_t n)
{
    size_t lo = c->se[si].t0;
    if (c->lbit == L_ZH)
        return i + n < c->se[si].t1 && bcx_lex_find(c, C_SIDELINES, i + n, NULL) > 0;
    for (size_t k = i > lo + 6 ? i - 6 : lo; k < i; k++) {
        size_t m = bcx_lex_find(c, C_SIDELINES, k, NULL);
        if (m > 0 && k + m <= i && i - (k + m) <= 2 && !bcx_commas(c, k, i))
            return 1;
    }
    return 0;
}

/* 1 when the Dutch talks at token i are said to be apart ("een apart werkgesprek", "een
 * afzonderlijk technisch overleg"): a meeting of their own, beside the one of their day. */
static int apart(const ctx *c, size_t si, size_t i)
{
    static const char *const word[] = {"apart", "aparte", "afzonderlijk", "afzonderlijke", NULL};
    size_t lo = c->se[si].t0;
    for (size_t k = i > lo + 2 ? i - 2 : lo; c->lbit == L_NL && k < i; k++)
        for (int w = 0; word[w]; w++)
            if (bcx_word_is(c, k, i, word[w]))
                return 1;
    return 0;
}

/* 1 when the talks at token i are held on the sidelines of another meeting, or before it:
 * a word for its sidelines comes before them in their sentence ("On the sidelines of the
 * conference, Lao Cai leaders met ...", "会议间隙，双方举行会谈"), or, for a verb of meeting,
 * after it ("Dezelfde dag spraken in de marge van de vergadering A en B"; the noun of talks
 * before them is the talks the article reported: "The working session took place on the
 * sidelines of ..."), or a meeting before them is named as the time of them ("przed
 * otwarciem Wiosennego Spotkania, sekretarz ... przeprowadzil rozmowy"). A meeting of its
 * own, on that one's day. */
static int on_sidelines(const ctx *c, size_t si, size_t i, int verb)
{
    size_t end = verb ? c->se[si].t1 : i;
    for (size_t k = c->se[si].t0; k < end; k++) {
        size_t m = bcx_lex_find(c, C_SIDELINES, k, NULL);
        if (m > 0 && (verb || k + m <= i))
            return 1;
        if (k < i &&
            (c->t[k].meet || bcx_lex_find(c, C_MEET, k, NULL) > 0 ||
             bcx_lex_find(c, C_MECH, k, NULL) > 0) &&
            bcx_time_reference(c, si, k))
            return 1;
    }
    return 0;
}

/* 1 when the gap after token k of sentence si is a comma between two names of a list
 * ("de werkgroep van Ha Giang, Lao Cai, Lai Chau en Yunnan"): a known name ends at k and
 * another begins right after it. */
int bcx_list_comma(const ctx *c, size_t si, size_t k)
{
    int ends = 0, starts = 0;
    if ((bcx_gap(c, k) & (G_COMMA | G_DOT)) != G_COMMA || (bcx_gap(c, k) & G_PAREN))
        return 0;
    for (size_t q = c->se[si].h0; q < c->se[si].h1 && !(ends && starts); q++) {
        ends = ends || c->h[q].t1 == k + 1;
        starts = starts || c->h[q].t0 == k + 1;
    }
    return ends && starts;
}

/* 1 when token i is a Dutch verb of coming whose particle of meeting closes its clause,
 * the verb split around what it says ("Vorig jaar kwamen de delegaties op 29 januari
 * samen", "De werkgroep komt in september opnieuw bijeen"), names of a list between ("kwam
 * de werkgroep van Ha Giang, Lao Cai en Yunnan voor de tiende keer bijeen"): a verb of
 * meeting. */
static int split_meet_verb(const ctx *c, size_t si, size_t i)
{
    static const char *const come[] = {"kom", "komt", "komen", "kwam", "kwamen", NULL};
    size_t hi = c->se[si].t1;
    int verb = 0;
    for (int w = 0; come[w] && !verb; w++)
        verb = bcx_word_is(c, i, hi, come[w]);
    if (!verb || c->lbit != L_NL)
        return 0;
    for (size_t k = i + 1; k < hi && k < i + 30; k++) {
        if ((bcx_gap(c, k - 1) & (G_COMMA | G_DOT)) && !bcx_list_comma(c, si, k - 1))
            return 0;
        /* "bijeen" anywhere on ("kwamen op de 3de bijeen in Hekou"); "samen" closing the
         * clause or before where ("kwamen samen in Hekou"; not "samen met") */
        if (bcx_word_is(c, k, hi, "bijeen") || bcx_words_at(c, k, hi, "bij elkaar") ||
            (bcx_word_is(c, k, hi, "samen") &&
             (k + 1 == hi || (bcx_gap(c, k) & (G_COMMA | G_DOT)) ||
              (k + 2 < hi && bcx_lex_find(c, C_LOC, k + 1, NULL) > 0 && c->t[k + 2].upper))))
            return 1;
    }
    return 0;
}

/* 1 when the meeting noun at tokens [i, i + n), entry e, is an English plural ("The
 * mechanism of regular conferences was agreed in 2022"): meetings of a kind, none of them
 * one meeting. */
static int plural_noun(const ctx *c, size_t i, size_t n, const bc_lex *e)
{
    size_t k = i + n - 1, pl = strlen(e->pat);
    return c->lbit == L_EN && c->t[k].fl > pl && TXT(c, k)[c->t[k].fl - 1] == 's' &&
           e->pat[pl - 1] != 's';
}

/* 1 when English "round" at token i, no "of" after it, is what a verb of holding holds, an
 * article and a word at most between ("The two sides held a similar round in Cao Bang City
 * on Dec. 13, 2024", "will hold another round"): a round of talks, its noun left out. */
static int held_round(const ctx *c, size_t si, size_t i)
{
    static const char *const hold[] = {"held", "hold", "holding", "holds", NULL};
    size_t lo = c->se[si].t0, hi = c->se[si].t1;
    if (c->lbit != L_EN || !bcx_word_is(c, i, hi, "round") || bcx_word_is(c, i + 1, hi, "of") ||
        (i + 1 < hi && (bcx_gap(c, i) & G_DASH)) || third_country(c, si))
        return 0; /* "a round-the-clock watch", "a similar round with Laos" */
    for (size_t k = i; k > lo && k + 3 >= i; k--) {
        if (bcx_gap(c, k - 1) != G_SPACE || c->t[k - 1].kind != T_WORD || c->t[k - 1].upper)
            return 0;
        for (int w = 0; hold[w]; w++)
            if (k < i && bcx_word_is(c, k - 1, i, hold[w]))
                return bcx_lex_find(c, C_ARTICLE, k, NULL) > 0 || bcx_word_is(c, k, i, "another");
    }
    return 0;
}

/* 1 when English "receive" or "welcome" at token i, after "will", "would" or "to", has a
 * delegation as its object, a few words of whose between ("Pu'er would receive a Dien Bien
 * delegation in 2020"): a reception to come (not "would receive 5 million USD"). */
static int receives_delegation(const ctx *c, size_t si, size_t i)
{
    static const char *const aux[] = {"will", "would", "to", NULL};
    size_t lo = c->se[si].t0, hi = c->se[si].t1;
    int verb = 0;
    if (c->lbit != L_EN || i == lo || bcx_gap(c, i - 1) != G_SPACE ||
        !(bcx_word_is(c, i, hi, "receive") || bcx_word_is(c, i, hi, "welcome")))
        return 0;
    for (int w = 0; aux[w] && !verb; w++)
        verb = bcx_word_is(c, i - 1, i, aux[w]);
    if (verb && third_country(c, si))
        return 0; /* "will welcome a delegation of Lao officials" */
    for (size_t k = i + 1; verb && k < hi && k < i + 6; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT))
            return 0;
        if (bcx_word_is(c, k, hi, "delegation") || bcx_word_is(c, k, hi, "delegations"))
            return 1;
    }
    return 0;
}

/* The date (index + 1 in ctx.d, 0 none) the talks noun at token i is named by: a day or
 * month written right before it, a word or two of what part of it between at most ("the
 * June 12 plenary session", "Tuesday's meeting"; English; Dutch: bcx_nl_named_by). */
static size_t named_by(const ctx *c, size_t si, size_t i)
{
    size_t lo = c->se[si].t0, p = i;
    if (c->lbit != L_EN)
        return bcx_nl_named_by(c, si, i);
    while (p > lo && p + 2 > i && c->t[p - 1].kind == T_WORD && bcx_gap(c, p - 1) == G_SPACE &&
           !c->t[p - 1].upper && c->t[p - 1].used != U_DATE)
        p--;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->prec < 2 && !d->span[0])
            continue;
        for (size_t q = p; q <= i; q++) {
            /* "the June 12 session" */
            if (d->t1 == q && d->t0 > lo && bcx_gap(c, d->t0 - 1) == G_SPACE &&
                bcx_word_is(c, d->t0 - 1, d->t0, "the"))
                return k + 1;
            /* "Tuesday's meeting" */
            if (d->t1 + 1 == q && bcx_gap(c, d->t1 - 1) == G_QUOTE && bcx_word_is(c, d->t1, q, "s"))
                return k + 1;
        }
    }
    return 0;
}

int bcx_outcome_of(const ctx *c, const mention *m)
{
    static const char *const made[] = {
        "reached at",     "signed at",   "adopted at",  "made at",     "agreed at",
        "agreed upon at", "achieved at", "approved at", "outcomes of", "outcome of",
        "results of",     "result of",   NULL};
    size_t lo = c->se[m->sent].t0, k = m->t0;
    if (c->lbit != L_EN)
        return c->lbit == L_ZH && bcx_results_of_zh(c, m);
    if (k > lo && bcx_lex_find(c, C_ARTICLE, k - 1, NULL) > 0)
        k--;
    for (int w = 0; made[w]; w++) {
        size_t n = 1;
        for (const char *p = made[w]; *p; p++)
            n += *p == ' ';
        if (k >= lo + n && bcx_words_at(c, k - n, k, made[w]) == n &&
            !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
            return 1;
    }
    return 0;
}

/* 1 when a date things run since opens the clause of the meeting noun at token i before
 * it ("Since 2018 the spring meeting and the conference have been held back to back"):
 * what has been done every time, no one meeting. */
static int since_habit(const ctx *c, size_t si, size_t i)
{
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->t1 > i || !(bcx_date_bound(c, d) & BCX_BOUND_SINCE))
            continue;
        int clause = 1; /* the commas between, if any, part names of a list */
        for (size_t q = d->t1; q + 1 < i && clause; q++) {
            if (!(bcx_gap(c, q) & (G_COMMA | G_DOT)))
                continue;
            int ends = 0, starts = 0;
            for (size_t h = c->se[si].h0; h < c->se[si].h1; h++) {
                ends = ends || c->h[h].t1 == q + 1;
                starts = starts || c->h[h].t0 == q + 1;
            }
            clause = ends && starts && !(bcx_gap(c, q) & G_DOT);
        }
        if (clause)
            return 1;
    }
    return 0;
}

/* 1 when a word for the previous one ends right before the meeting noun at token i of
 * sentence si ("sinds het vorige overleg, eind maart in Longzhou", "de verbintenissen van de
 * vorige editie, die vorig jaar eind februari werd gehouden"): the meeting before the one
 * reported, which took place, a meeting of its own whatever else its sentence names. */
static int previous_one(const ctx *c, size_t si, size_t i)
{
    static const char *const prev[] = {"vorige", "voorgaande", NULL};
    for (int w = 0; i > c->se[si].t0 && prev[w]; w++)
        if (bcx_word_is(c, i - 1, i, prev[w]))
            return 1;
    return 0;
}

/* Talks in a clause of when after a date things are counted from, later in sentence si
 * than token from ("Het was het eerste overleg sinds juni 2019, toen beide diensten elkaar in
 * Dong Dang spraken", "the first talks since March 2019, when the two sides met in Hekou"):
 * the date is not the reported meeting's, it is theirs, a meeting that took place. */
static void since_when_talks(ctx *c, size_t si, size_t from, int weak)
{
    static const char *const when[] = {"toen", "when", "lorsque", "quand", "kiedy",
                                       "gdy",  "da",   "khi",     "当时",  NULL};
    size_t hi = c->se[si].t1;
    for (size_t k = c->se[si].d0; k < c->se[si].d1 && c->rc == BC_OK; k++) {
        const xd *d = &c->d[k];
        if (d->t0 < from || d->prec < 2 || d->t1 >= hi ||
            !(bcx_date_bound(c, d) & BCX_BOUND_SINCE) || !(bcx_gap(c, d->t1 - 1) & G_COMMA))
            continue;
        int opens = 0;
        for (int w = 0; when[w] && !opens; w++)
            opens = bcx_words_at(c, d->t1, hi, when[w]) > 0;
        if (!opens)
            continue;
        for (size_t q = d->t1 + 1; q < hi; q++) {
            const bc_lex *e = NULL;
            size_t n = bcx_lex_find(c, C_TALKS, q, &e);
            if (n > 0 && (e->val == TALKS_PLAIN || e->val == TALKS_VERB)) {
                mention m;
                new_mention(&m, si, q, q + n, q, q + n, K_GENERIC, BC_XM_TALKS);
                m.weak = weak;
                copy_str(m.date, sizeof m.date, d->iso);
                m.date_inferred = d->inferred;
                m.date_src = 1;
                add_mention(c, &m);
                return;
            }
            if (bcx_gap(c, q) & (G_COMMA | G_DOT))
                break;
        }
    }
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
            int kind = 0, v = bcx_ordinal_at(c, i, lim, &n);
            size_t elided = 0, of = 0; /* "the fifth conference ... to hold the seventh" */
            if (v != 0 && (noun = meeting_noun(c, i, i + n, lim, &kind, &noun_end)) == 0 &&
                (c->lbit == L_ZH || c->lbit == L_VI ||
                 ((noun = aside_noun(c, i, i + n, lim, &kind, &noun_end)) == 0 &&
                  (noun = bcx_times_noun(c, i + n, lim, &kind, &noun_end)) == 0)))
                noun = elided = bcx_elided_noun(c, i, i + n, lim, v, &kind, &noun_end, &of);
            if (v == 0 || noun == 0)
                continue;
            noun--;
            /* "To pierwsze od czterech lat spotkanie", "de eerste bijeenkomst sinds de
             * herindeling": the first in a while, no number of a series */
            static const char *const since[] = {"od", "since", "sinds", "sedan", "depuis", NULL};
            int counted = 0;
            for (size_t k = i + n; k <= noun_end && k < lim && !counted; k++)
                for (int w = 0; since[w] && !counted && (k < noun || k == noun_end); w++)
                    counted = bcx_word_is(c, k, lim, since[w]);
            /* "het eerste overleg op provinciaal niveau sinds juni 2019": the first, a few
             * words of what kind of meeting between, in its clause ("the fifth such meeting
             * between the three localities since they set up ..." is a number of a series) */
            for (size_t k = noun_end + 1; v == 1 && k < lim && k < noun_end + 6 && !counted; k++) {
                if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT))
                    break;
                for (int w = 0; since[w] && !counted; w++)
                    counted = bcx_word_is(c, k, lim, since[w]);
            }
            if (counted || bcx_count_in_time(c, noun_end, lim) || bcx_first_since_zh(c, i))
                continue;
            mention m;
            if (elided) /* its words are the ordinal alone, of the kind of the one before */
                new_mention(&m, si, i, i + n, i, i + n, kind, BC_XM_NUMBERED);
            else
                new_mention(&m, si, noun < i ? noun : i, noun_end > i + n ? noun_end : i + n, noun,
                            noun_end, kind, BC_XM_NUMBERED);
            m.ord = v;
            m.elided_of = elided ? of : 0;
            m.prepared = bcx_prepared_zh(c, i, noun_end, lim);
            for (size_t k = i; k < i + n; k++)
                c->t[k].used = U_ORD;
            add_mention(c, &m);
        }
    }
    size_t nnum = c->nm; /* the numbered mentions, all found above */
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++)
        for (size_t i = c->se[si].t0; i < c->se[si].t1 && c->rc == BC_OK; i++) {
            size_t n = c->t[i].meet ? 0 : bcx_lex_find(c, C_MEET, i, &e);
            if (n == 0 || e->val == K_GENERIC)
                continue;
            /* the end of a noun of talks is none of a kind ("a video conference") */
            if (i > c->se[si].t0 && bcx_lex_find(c, C_TALKS, i - 1, NULL) == n + 1)
                continue;
            for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
                const xd *d = &c->d[k];
                if (d->prec == 0 || !bcx_date_beside_name(c, d, i, n) ||
                    (d->t0 >= i + n && (bcx_gap(c, i + n - 1) & G_COMMA) &&
                     bcx_time_reference(c, si, i)))
                    continue; /* "przed otwarciem konferencji, 29 pazdziernika": another's */
                if (d->rel != 0 && d->t1 <= i)
                    continue; /* "The day before the conference": counted from it, not its day */
                /* "Since 2018 the spring meeting and the ... have been held back to back": a
                 * point things are counted from, not this meeting's year */
                if (d->t0 > c->se[si].t0 &&
                    bcx_lex_ending(c, C_SINCE, c->se[si].t0, d->t0, NULL) != SIZE_MAX)
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
            if (!c->t[i].meet && !plural_noun(c, i, n, e) && !since_habit(c, si, i) &&
                ((bcx_talks_held(c, si) && !bcx_time_reference(c, si, i) &&
                  !sideline_noun(c, si, i, n)) ||
                 beside_numbered(c, nnum, si, i, i + n))) {
                mention m;
                new_mention(&m, si, i, i + n, i, i + n, (int)e->val, BC_XM_NAMED);
                add_mention(c, &m);
            }
        }
    /* talks and receptions: the date comes in resolve */
    int talks_before = 0; /* talks between both sides seen earlier in the article */
    bcx_sent_mentions sm = {nnum, nnum, nnum, c->nm};
    size_t nnamed = c->nm; /* the named mentions, in sentence order, end here */
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        for (sm.named0 = sm.named1; sm.named0 < nnamed && c->m[sm.named0].sent < si;)
            sm.named0++;
        for (sm.named1 = sm.named0; sm.named1 < nnamed && c->m[sm.named1].sent == si;)
            sm.named1++;
        sm.talks0 = c->nm;  /* the talks of the sentences before are of no other sentence */
        size_t seen = 0;    /* the token after the talks of the sentence told, 0 none */
        unsigned dated = 0; /* talks of it named by their date (named_by) */
        /* a numbered or named meeting between both sides is talks seen too ("Bien phong Dien
         * Bien va Mong Tu hoi dam dinh ky lan thu IV": later "hai don bien phong ... da to
         * chuc hoi dam" are talks between them) */
        int numbered_both = c->se[si].nment > 0 && both_sides(c, si);
        size_t last_noun = last_meet_noun(c, si);
        int both_s = both_sides(c, si);
        if (both_s || other_side(c, si) || (talks_before && bcx_talks_held(c, si)))
            since_when_talks(c, si, c->se[si].t0, !both_s);
        for (size_t i = c->se[si].t0; i < c->se[si].t1 && c->rc == BC_OK; i++) {
            if (seen && !bcx_next_round(c, si, i) && !bcx_own_day_between(c, seen, i))
                continue; /* its sentence's talks are told; the next round is another */
            /* a numbered or named meeting speaks for its clause ("3月12日，...举行工作会谈，
             * 双方回顾了...第七次联席会议以来的合作进展": the talks are another meeting) */
            int prev = !c->t[i].meet && (previous_one(c, si, i) || bcx_after_followed(c, si, i));
            size_t own = bcx_lex_find(c, C_TALKS, i, NULL) > 0 ? named_by(c, si, i) : 0;
            own = (own && c->d[own - 1].weekday) || bcx_talks_on_day(c, si, i) ||
                  (seen && bcx_own_day_between(c, seen, i)); /* theirs, not the clause's */
            if (c->t[i].meet || c->t[i].used == U_DATE ||
                (!prev && !own && in_meeting_clause(c, si, i) &&
                 !bcx_talks_ahead_of(c, &sm, si, i)))
                continue; /* "会晤期间": a date, "during the meeting" */
            size_t n = bcx_lex_find(c, C_SIDELINES, i, NULL);
            if (n > 0) {
                i += n - 1; /* "Ben le": no ceremony ("le") */
                continue;
            }
            n = bcx_lex_find(c, C_TALKS, i, &e);
            if (n > 0 && (bcx_nl_agreed(c, si, i) || bcx_meeting_hosted(c, si, i)))
                n = 0; /* "spraken op 13 juli af om ...": agreed, no talks */
            int val = n > 0 ? (int)e->val : TALKS_PLAIN;
            if (n == 0 && (held_round(c, si, i) || receives_delegation(c, si, i)))
                n = 1; /* "held a similar round in Cao Bang City on Dec. 13, 2024" */
            if (n == 0 && (split_meet_verb(c, si, i) || bcx_talk_with(c, si, i)))
                n = 1, val = TALKS_VERB;
            else if (n == 0 && bcx_joint_opening(c, si, i))
                n = 1, val = TALKS_CEREMONY;
            int ceremony = n > 0 && val == TALKS_CEREMONY, visit = n > 0 && val == TALKS_VISIT;
            /* "会谈当天下午": the day of talks already reported, not another meeting; nor
             * are "the end of the talks" ("Ket thuc hoi dam, hai ben thong nhat to chuc hoi
             * dam ... lan tiep theo": the next talks are) */
            if (n > 0 && ((i + n < c->se[si].t1 && bcx_lex_find(c, C_SAME_DAY, i + n, NULL) > 0) ||
                          after_talks(c, si, i)))
                continue;
            if (n > 0 && val == TALKS_VERB && last_noun > i + n &&
                !bcx_talks_ahead_of(c, &sm, si, i))
                continue; /* the meeting is the verb's, unless named as its occasion */
            if (n > 0 && setting_talks(c, si, i, n)) {
                i += n - 1;
                continue;
            }
            /* a meeting noun beside a numbered or named meeting is that meeting again */
            if (n == 0 && (c->se[si].nment == dated || prev) &&
                !edition_of_other(c, i, c->se[si].t1) && (n = bcx_lex_find(c, C_MEET, i, &e)) > 0) {
                if (plural_noun(c, i, n, e)) {
                    i += n - 1; /* meetings of a kind: the talks are another */
                    continue;
                }
                val = TALKS_PLAIN;
            }
            if (n == 0)
                continue;
            /* "przed otwarciem Wiosennego Spotkania, sekretarz ... przeprowadzil rozmowy": the
             * meeting named as the time of the talks is not they */
            if (val != TALKS_VERB && (sideline_noun(c, si, i, n) || bcx_time_reference(c, si, i))) {
                i += n - 1; /* the occasion, not the meeting its sentence reports */
                continue;
            }
            if ((i + n < c->se[si].t1 && bcx_lex_find(c, C_MINUTES, i + n, &e) > 0) ||
                bcx_meeting_passive(c, si, i))
                continue; /* "the minutes of the talks": a document; "which was hosted" */
            int both = both_sides(c, si);
            if (!both && ceremony && c->lbit == L_EN) {
                i += n - 1; /* "Preparations for the ceremony were agreed on May 9, when
                             * ... held talks with their counterparts": those talks may be */
                continue;
            }
            /* a ceremony is a meeting only when both sides are named in it; talks also with
             * the other side named, or as the next round of talks the article already
             * reported between both ("the next talks will be held in December") */
            if (!both && (ceremony || !(other_side(c, si) ||
                                        (bcx_talks_open_held(c, si, i) && both_sides(c, si - 1)) ||
                                        (talks_before && (bcx_talks_held(c, si) || prev ||
                                                          received_visitors(c, si, i))))))
                break; /* a gathering of one side is no meeting between the two */
            mention m;
            new_mention(&m, si, i, i + n, i, i + n, K_GENERIC, BC_XM_TALKS);
            m.previous = prev;
            m.weak = !both;
            m.visit = visit;
            /* a Chinese reception ("会见了陈刚一行") is its own meeting, as on the sidelines */
            /* a ceremony both sides hold is its own meeting too, beside their talks that day */
            m.sideline = on_sidelines(c, si, i, val == TALKS_VERB) || ceremony || apart(c, si, i) ||
                         (c->lbit == L_ZH && (bcx_words_at(c, i, c->se[si].t1, "会见") > 0 ||
                                              bcx_words_at(c, i, c->se[si].t1, "接见") > 0));
            m.named_by = named_by(c, si, i);
            dated += m.named_by != 0;
            add_mention(c, &m);
            talks_before = talks_before || both;
            seen = m.named_by == 0 ? i + n : 0; /* its sentence's other talks are these */
            i += n - 1;
        }
        talks_before = talks_before || numbered_both;
    }
}
