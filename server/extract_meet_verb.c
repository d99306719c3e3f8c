/* extract_meet_verb.c: Dutch verbs that are a meeting only with what goes with them: of
 * speaking or discussing with a partner ("besprak Trinh Thi Minh Thanh met de partijleider
 * van Guangxi", "sprak onze partijsecretaris in Ha Long met Chen Gang"; without one they
 * tell what a meeting discussed: "Beide partijen bespraken ook de voorbereiding van ..."),
 * of sitting together ("zaten ... al samen in Cao Bang"), and of opening or launching done
 * together ("openden Lang Son en Guangxi ... samen de
 * eerste fase": a joint ceremony). */
#include "extract_int.h"

/* 1 when token i of sentence si is a Dutch verb of sitting with "samen" or "bijeen" later
 * in its clause ("zaten ook de toerismediensten van beide kanten al samen in Cao Bang",
 * "zaten ... in Mong Cai bij elkaar"), or
 * of being with "bijeen" ("waren vorige week in Hekou bijeen"). */
/* The token after an apposition of names that opens after the comma after token k and
 * closes with a comma ("de burgemeesters van Mong Cai en Dongxing, Ho Quang Huy en Li Jian,
 * in Mong Cai": names and "en" between), else 0. */
static size_t names_apposition(const ctx *c, size_t si, size_t k)
{
    size_t hi = c->se[si].t1;
    for (size_t q = k + 1; q < hi && q < k + 10; q++) {
        if (!(c->t[q].kind == T_WORD && (c->t[q].upper || bcx_word_is(c, q, hi, "en"))) ||
            (bcx_gap(c, q) & G_DOT))
            return 0;
        if (bcx_gap(c, q) & G_COMMA)
            return q > k + 1 ? q + 1 : 0;
    }
    return 0;
}

static int sat_together(const ctx *c, size_t si, size_t i)
{
    static const char *const sit[] = {"zat", "zaten", "zit", "zitten", NULL};
    static const char *const be[] = {"was", "waren", "is", "zijn", NULL};
    size_t hi = c->se[si].t1;
    int verb = 0;
    for (int w = 0; sit[w] && !verb; w++)
        verb = bcx_word_is(c, i, hi, sit[w]) ? 2 : 0;
    /* being together only with "bijeen" ("waren op 20 oktober in Hekou bijeen"; "waren
     * samen goed voor" is no meeting) */
    for (int w = 0; be[w] && !verb; w++)
        verb = bcx_word_is(c, i, hi, be[w]) ? 1 : 0;
    for (size_t k = i + 1; verb && k < hi && k < i + 24; k++) {
        size_t past = 0;
        if ((bcx_gap(c, k - 1) & G_COMMA) && !(bcx_gap(c, k - 1) & G_DOT) &&
            (past = names_apposition(c, si, k - 1)) > 0)
            k = past;
        if (past == 0 && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
            return 0;
        if ((verb == 2 &&
             (bcx_word_is(c, k, hi, "samen") || bcx_words_at(c, k, hi, "bij elkaar"))) ||
            bcx_word_is(c, k, hi, "bijeen"))
            return 1;
    }
    return 0;
}

/* 1 when the words from token k (a few, past one comma of an apposition at most) name a
 * partner of the other side or of office: a Chinese province or place, the word for China
 * or Chinese, a person, an office ("met Chen Gang, de partijsecretaris van Guangxi", "met
 * zijn Chinese ambtgenoot"); not "met journalisten over de Chinese markt" (past "over"). */
static int partner(const ctx *c, size_t si, size_t k)
{
    size_t hi = c->se[si].t1, end = k;
    int commas = 0;
    while (end < hi && end < k + 10 && !bcx_word_is(c, end, hi, "over")) {
        if (end > k && (bcx_gap(c, end - 1) & G_DOT))
            break;
        if (end > k && (bcx_gap(c, end - 1) & G_COMMA) && ++commas > 1)
            break;
        end++;
    }
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++) {
        const hit *h = &c->h[q];
        if (h->t0 < k || h->t0 >= end)
            continue;
        if (h->entity == E_PERSON || (h->entity == E_PROVINCE && bcx_province_cn(c, h->id)) ||
            (h->entity == E_PLACE && h->id[0] == 'C'))
            return 1;
    }
    return bcx_range_has(c, k, end, C_CN, -1) || bcx_range_has(c, k, end, C_OFFICE, -1);
}

int bcx_talk_with(const ctx *c, size_t si, size_t i)
{
    static const char *const verbs[] = {"sprak",    "besprak",   "bespraken", "praatte",
                                        "praatten", "bespreekt", "spreekt",   NULL};
    size_t hi = c->se[si].t1;
    int verb = 0;
    if (c->lbit == L_EN)
        return bcx_en_followed_up(c, si, i);
    if (c->lbit != L_NL)
        return 0;
    if (sat_together(c, si, i) || bcx_nl_day_discussed(c, si, i))
        return 1;
    for (int w = 0; verbs[w] && !verb; w++)
        verb = bcx_word_is(c, i, hi, verbs[w]);
    /* attending together with a partner ("woonde ... samen met Xu Yongke, vicevoorzitter van
     * Guangxi, de start bij"): "met" only after "samen" */
    int attend = !verb && (bcx_word_is(c, i, hi, "woonde") || bcx_word_is(c, i, hi, "woonden"));
    verb = verb || attend;
    /* "met" in the verb's clause, a dozen words on at most ("sprak af": agreed, no talks) */
    for (size_t k = i + 1; verb && k < hi && k < i + 13; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT))
            return 0;
        if (bcx_word_is(c, k, hi, "af"))
            return 0;
        if (bcx_word_is(c, k, hi, "met"))
            return (!attend || bcx_word_is(c, k - 1, hi, "samen")) && partner(c, si, k + 1);
    }
    return 0;
}

/* English: "Lang Son and Guangxi on Thursday inaugurated a cargo road", "the two sides
 * jointly inaugurated the first phase of": both sides as the
 * subject before a past verb of opening with its object ("a", "the", "their"), the clause
 * unbroken from the first of them to the verb, and a day in the sentence (an act of one
 * day, not "have opened ten crossings"); a pair of crossings that "opened for trial
 * operation" is no act of the sides. */
static int en_joint_opening(const ctx *c, size_t si, size_t i)
{
    static const char *const verbs[] = {"inaugurated", "opened", "launched", "unveiled", NULL};
    size_t lo = c->se[si].t0, hi = c->se[si].t1, first = SIZE_MAX;
    int verb = 0, vn = 0, cn = 0, day = 0;
    for (int w = 0; verbs[w] && !verb; w++)
        verb = bcx_word_is(c, i, hi, verbs[w]);
    if (!verb || i == lo || bcx_word_is(c, i - 1, hi, "have") || bcx_word_is(c, i - 1, hi, "had"))
        return 0;
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++) {
        const hit *h = &c->h[q];
        int side = h->entity == E_PROVINCE ? (bcx_province_cn(c, h->id) ? -1 : 1)
                   : h->entity == E_PLACE  ? (h->id[0] == 'C' ? -1 : 1)
                                           : 0;
        if (side == 0 || h->t1 > i)
            continue;
        vn = vn || side > 0;
        cn = cn || side < 0;
        first = h->t0 < first ? h->t0 : first;
    }
    /* "the two sides jointly inaugurated the first phase of ...": both by a word for both */
    if ((!vn || !cn) && i >= lo + 3 && bcx_word_is(c, i - 1, i, "jointly") &&
        !(bcx_gap(c, i - 2) & (G_COMMA | G_DOT)) &&
        bcx_lex_ending(c, C_BOTH_SIDES, lo, i - 1, NULL) != SIZE_MAX)
        vn = cn = 1, first = i - 1;
    if (!vn || !cn)
        return 0;
    if (!(bcx_word_is(c, i + 1, hi, "a") || bcx_word_is(c, i + 1, hi, "an") ||
          bcx_word_is(c, i + 1, hi, "the") || bcx_word_is(c, i + 1, hi, "their")))
        return 0;
    for (size_t k = first; k < i; k++)
        if ((bcx_gap(c, k) & (G_COMMA | G_DOT)) || bcx_lex_find(c, C_PAIR, k, NULL) > 0)
            return 0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1 && !day; k++)
        day = c->d[k].prec == 3;
    return day;
}

int bcx_joint_opening(const ctx *c, size_t si, size_t i)
{
    static const char *const verbs[] = {"openden",   "openen",   "lanceerden", "lanceren",
                                        "huldigden", "huldigen", "startten",   NULL};
    /* the perfect, "samen" before the participle ("hebben donderdag samen de verbrede
     * vrachtroute ... in gebruik genomen", "hebben ... gezamenlijk geopend") */
    static const char *const done[] = {"geopend", "gelanceerd",         "ingehuldigd",
                                       "gestart", "in gebruik genomen", NULL};
    static const char *const together[] = {"samen", "gezamenlijk", NULL};
    size_t hi = c->se[si].t1, lo = c->se[si].t0;
    int verb = 0, perfect = 0;
    if (c->lbit == L_EN)
        return en_joint_opening(c, si, i);
    if (c->lbit != L_NL)
        return 0;
    for (int w = 0; verbs[w] && !verb; w++)
        verb = bcx_word_is(c, i, hi, verbs[w]);
    for (int w = 0; done[w] && !verb; w++)
        verb = perfect = bcx_words_at(c, i, hi, done[w]) > 0;
    /* the two sides by name, a province or a border place of each ("Chinese en
     * Vietnamese bedrijven openden samen een fabriek" is no act of the sides) */
    int vn = 0, cn = 0;
    for (size_t q = c->se[si].h0; verb && q < c->se[si].h1; q++) {
        const hit *h = &c->h[q];
        int side = h->entity == E_PROVINCE ? (bcx_province_cn(c, h->id) ? -1 : 1)
                   : h->entity == E_PLACE  ? (h->id[0] == 'C' ? -1 : 1)
                                           : 0;
        vn = vn || side > 0;
        cn = cn || side < 0;
    }
    if (!vn || !cn)
        return 0;
    if (perfect && bcx_nl_sides_have_opened(c, si, i))
        return 1; /* "Lang Son en ... Guangxi hebben donderdagavond ... in gebruik genomen" */
    for (size_t k = i; perfect && k > lo && k + 30 > i; k--) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT))
            return 0;
        for (int w = 0; together[w]; w++)
            if (bcx_word_is(c, k - 1, hi, together[w]))
                return !bcx_word_is(c, k, hi, "met");
    }
    /* "samen" in the verb's clause, not of a partner ("samen met Chinese bedrijven": one
     * side, and whoever it did it with) */
    for (size_t k = i + 1; verb && k < hi && k < i + 24; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT))
            return 0;
        for (int w = 0; together[w]; w++)
            if (bcx_word_is(c, k, hi, together[w]))
                return !(k + 1 < hi && bcx_word_is(c, k + 1, hi, "met"));
    }
    return 0;
}

int bcx_nl_present_meet(const ctx *c, size_t si)
{
    static const char *const come[] = {"komt", "komen", NULL};
    /* verbs that are a meeting in the present by themselves, or with a noun of talks */
    static const char *const meet[] = {"vergadert",  "vergaderen",   "overlegt",
                                       "overleggen", "onderhandelt", "onderhandelen",
                                       "ontvangt",   "praten",       NULL};
    static const char *const hold[] = {"houdt",   "houden", "voeren", "voert", "brengt",
                                       "brengen", "reist",  "reizen", NULL};
    /* "brengt in oktober een tegenbezoek", "reist naar Napo voor een nieuwe ronde gesprekken" */
    /* the past, or what was to be: "had", "wilden ... houden", "zou ... bijeenkomen" */
    static const char *const past[] = {
        "had",   "hadden",  "was", "waren",  "werd",  "werden", "zou", "zouden", "wilde", "wilden",
        "moest", "moesten", "kon", "konden", "heeft", "hebben", "is",  "zijn",   NULL};
    size_t a = c->se[si].t0, b = c->se[si].t1;
    int present = 0;
    if (c->lbit != L_NL || bcx_sent_has(c, si, C_HELD, -1))
        return 0;
    for (size_t k = a; k < b; k++) {
        for (int w = 0; past[w]; w++)
            if (bcx_word_is(c, k, b, past[w]))
                return 0;
        int art = k > a && bcx_lex_find(c, C_ARTICLE, k - 1, NULL) > 0; /* "de overleggen" */
        for (int w = 0; meet[w] && !present; w++)
            present = !art && bcx_word_is(c, k, b, meet[w]);
        for (int w = 0; hold[w] && !present; w++)
            present = bcx_word_is(c, k, b, hold[w]) && bcx_range_has(c, k + 1, b, C_TALKS, -1);
        /* "willen beide besturen in maart 2022 weer fysiek om de tafel": wanting to sit down
         * together is to come */
        if (!present && (bcx_word_is(c, k, b, "wil") || bcx_word_is(c, k, b, "willen")))
            for (size_t q = k + 1; q < b && !present; q++)
                present = bcx_words_at(c, q, b, "rond de tafel") ||
                          bcx_words_at(c, q, b, "om de tafel") || bcx_words_at(c, q, b, "om tafel");
        for (int w = 0; come[w] && !present; w++)
            if (bcx_word_is(c, k, b, come[w]))
                for (size_t q = k + 1; q < b && !present; q++)
                    present =
                        bcx_word_is(c, q, b, "bijeen") || bcx_words_at(c, q, b, "bij elkaar") ||
                        bcx_words_at(c, q, b, "rond de tafel") ||
                        bcx_words_at(c, q, b, "om de tafel") || bcx_words_at(c, q, b, "om tafel") ||
                        (bcx_word_is(c, q, b, "samen") &&
                         (q + 1 == b || !bcx_word_is(c, q + 1, b, "met")));
    }
    return present;
}

int bcx_nl_present_coming(const ctx *c, size_t si)
{
    static const char *const verb[] = {"vindt", "vinden", "wordt", "worden", "gaat", "gaan", NULL};
    static const char *const coming[] = {"volgend jaar",   "volgende maand", "volgende week",
                                         "komend jaar",    "komende maand",  "komende week",
                                         "later dit jaar", "binnenkort",     NULL};
    static const char *const past[] = {"vond",   "vonden", "werd",   "werden", "had",
                                       "hadden", "zou",    "zouden", "heeft",  "hebben",
                                       "ging",   "gingen", "vorig",  "vorige", NULL};
    size_t a = c->se[si].t0, b = c->se[si].t1;
    int present = 0, soon = 0;
    if (c->lbit != L_NL)
        return 0;
    for (size_t k = a; k < b; k++) {
        for (int w = 0; past[w]; w++)
            if (bcx_word_is(c, k, b, past[w]))
                return 0;
        for (int w = 0; verb[w] && !present; w++)
            present = bcx_word_is(c, k, b, verb[w]);
        for (int w = 0; coming[w] && !soon; w++)
            soon = bcx_words_at(c, k, b, coming[w]) > 0;
    }
    return present && soon;
}

int bcx_nl_agreed(const ctx *c, size_t si, size_t i)
{
    static const char *const speak[] = {"sprak", "spraken", "spreekt", "spreken", NULL};
    size_t hi = c->se[si].t1;
    int verb = 0;
    if (c->lbit != L_NL)
        return 0;
    for (int w = 0; speak[w] && !verb; w++)
        verb = bcx_word_is(c, i, hi, speak[w]);
    /* "Dat spraken de bestuurders ... af, tijdens besprekingen op maandag 3 april": what was
     * agreed is told before, "Dat"; nothing after it is to come, no "om ... te" of it */
    int told = verb && i == c->se[si].t0 + 1 &&
               (bcx_word_is(c, i - 1, hi, "dat") || bcx_word_is(c, i - 1, hi, "dit"));
    for (size_t k = i + 1; told && k < hi; k++)
        told = !bcx_word_is(c, k, hi, "om") && !bcx_word_is(c, k, hi, "te");
    if (told)
        return 0;
    for (size_t k = i + 1; verb && k < hi && k < i + 13; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT))
            return 0;
        if (bcx_word_is(c, k, hi, "af"))
            return k + 1 == hi || (bcx_gap(c, k) & (G_COMMA | G_DOT)) ||
                   bcx_word_is(c, k + 1, hi, "om") || bcx_word_is(c, k + 1, hi, "dat");
    }
    return 0;
}

int bcx_meeting_hosted(const ctx *c, size_t si, size_t i)
{
    static const char *const be[] = {"was", "were", "be", "been", "being", NULL};
    size_t lo = c->se[si].t0;
    int passive = 0;
    if (c->lbit != L_EN || !bcx_word_is(c, i, c->se[si].t1, "hosted"))
        return 0;
    for (int w = 0; be[w] && i > lo && !passive; w++)
        passive = bcx_word_is(c, i - 1, i, be[w]);
    if (!passive)
        return 0;
    /* the subject: a numbered or named meeting before it, no talks or delegation between */
    for (size_t k = i - 1; k > lo && k + 40 > i; k--) {
        if (c->t[k - 1].meet)
            return 1;
        if (bcx_lex_find(c, C_TALKS, k - 1, NULL) > 0 || bcx_sent_has(c, si, C_NOUN, N_DELEG))
            return 0;
    }
    return 0;
}

int bcx_nl_took_place(const ctx *c, size_t k, size_t lim)
{
    /* a verb of the past and the particles that close its clause */
    static const char *const verb[] = {"vond", "vonden", "kwam", "kwamen", "zat", "zaten", NULL};
    static const char *const part[] = {"plaats|",
                                       "plaats|",
                                       "bijeen|samen|",
                                       "bijeen|samen|",
                                       "samen|bijeen|tafel|",
                                       "samen|bijeen|tafel|"};
    int v = -1;
    for (int w = 0; c->lbit == L_NL && verb[w] && v < 0; w++)
        if (bcx_word_is(c, k, lim, verb[w]))
            v = w;
    if (v < 0)
        return 0;
    for (size_t q = k + 1; q < lim && !(bcx_gap(c, q - 1) & (G_COMMA | G_DOT)); q++)
        for (const char *p = part[v]; *p; p = strchr(p, '|') + 1) {
            char word[16];
            size_t n = (size_t)(strchr(p, '|') - p);
            memcpy(word, p, n);
            word[n] = '\0';
            if (bcx_word_is(c, q, lim, word))
                return 1;
        }
    return 0;
}

int bcx_nl_takes_place(const ctx *c, size_t si)
{
    /* a verb of the present whose particle follows in its clause */
    static const char *const verb[] = {"vindt", "vinden", "komt", "komen", NULL};
    static const char *const part[] = {"plaats", "plaats", "bijeen", "bijeen"};
    size_t a = c->se[si].t0, b = c->se[si].t1;
    if (c->lbit != L_NL)
        return 0;
    for (size_t k = a; k < b; k++) {
        if (bcx_nl_took_place(c, k, b))
            return -1;
        for (int w = 0; verb[w]; w++)
            for (size_t q = k + 1;
                 bcx_word_is(c, k, b, verb[w]) && q < b && !(bcx_gap(c, q - 1) & (G_COMMA | G_DOT));
                 q++)
                if (bcx_word_is(c, q, b, part[w]))
                    return 1;
    }
    return 0;
}

int bcx_nl_present_passive(const ctx *c, size_t si, size_t i)
{
    static const char *const part[] = {"gehouden", "georganiseerd", NULL};
    size_t lo = c->se[si].t0, hi = c->se[si].t1;
    int held = 0;
    if (c->lbit != L_NL)
        return 0;
    for (int w = 0; part[w] && !held; w++)
        held = bcx_word_is(c, i, hi, part[w]);
    /* back to where its clause opens: "wordt", "worden" there is the present */
    for (size_t k = i; held && k > lo && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)); k--)
        if (bcx_word_is(c, k - 1, hi, "wordt") || bcx_word_is(c, k - 1, hi, "worden"))
            return 1;
    return 0;
}

/* a word of the past beside the present of taking place at k: "đã", "vừa" before it (in
 * C_HELD as "da dien ra"), "了" right after it, "已", "曾" before it in its sentence */
static int past_beside(const ctx *c, size_t si, size_t k, size_t n)
{
    size_t a = c->se[si].qs, e = c->t[k + n - 1].end;
    if (c->lbit != L_ZH)
        return k > c->se[si].t0 &&
               (bcx_word_is(c, k - 1, k, "da") || bcx_word_is(c, k - 1, k, "vua"));
    if (e + 3 <= c->se[si].qe && memcmp(c->s + e, "了", 3) == 0)
        return 1;
    for (size_t q = a; q + 3 <= c->t[k].start; q++)
        if (memcmp(c->s + q, "已", 3) == 0 || memcmp(c->s + q, "曾", 3) == 0)
            return 1;
    return 0;
}

int bcx_present_of_holding(const ctx *c, const mention *m, size_t lo, size_t hi)
{
    int present = 0;
    if (c->lbit == L_NL || strlen(m->date) != 4)
        return 0;
    for (size_t i = lo; i < hi; i++) {
        size_t n = bcx_lex_find(c, C_PRESENT_HELD, i, NULL);
        if (n > 0 && past_beside(c, m->sent, i, n))
            return 0;
        if (n == 0 && bcx_lex_find(c, C_HELD, i, NULL) > 0)
            return 0; /* "took place", "đã diễn ra": a word of the past */
        present = present || n > 0;
    }
    return present;
}
