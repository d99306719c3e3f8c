/* extract_meet_skip.c: dates of a meeting's sentence that are not its date: a point
 * things are counted from, the day a document was signed, a deadline, the day something
 * was said (used by extract_meet_date.c); a meeting named as the time of something else
 * (used by extract_meet.c). */
#include "extract_int.h"

#include <string.h>

/* 1 when date d is a point things are counted from for mention m, not its date: a
 * word for since or after opens the date's clause before it ("the fifth such meeting
 * since they set up the mechanism in 2019", "ke tu", "depuis") or closes it after it
 * ("今年7月...合并...后，双方首次举行会谈", "自2019年以来，"), and m is not inside that
 * phrase ("kể từ Hội nghị lần thứ 15 ... tổ chức tại Bắc Hải vào tháng 2/2024" is the
 * 15th meeting's date). */
int bcx_from_point(const ctx *c, const mention *m, const xd *d)
{
    static const char *const when[] = {"toen", "when", "lorsque", "quand", "kiedy",
                                       "gdy",  "da",   "khi",     NULL};
    size_t lo = c->se[m->sent].t0, hi = c->se[m->sent].t1;
    /* the meeting in the clause of when right after the date ("sinds mei 2021, toen de
     * eerste bijeenkomst ... verliep", "since 2019, when the first meeting was held"): the
     * date is its own */
    if (m->t0 > d->t1 && (bcx_gap(c, d->t1 - 1) & G_COMMA) && !(bcx_gap(c, d->t1 - 1) & G_DOT) &&
        bcx_commas(c, d->t1, m->t0) == 0)
        for (int w = 0; when[w]; w++)
            if (bcx_words_at(c, d->t1, hi, when[w]) > 0)
                return 0;
    for (size_t q = d->t0; q > lo && q + 16 > d->t0; q--) {
        size_t k = q - 1, n;
        if (bcx_gap(c, k) & (G_COMMA | G_DOT))
            break;
        if ((n = bcx_lex_find(c, C_SINCE, k, NULL)) > 0 && k + n <= d->t0)
            return !(m->t0 > k && m->t0 < d->t0);
        /* "mo tu ngay 1/1/2025", "a partir du 1er juillet": a single day things run from (a
         * span "tu ngay 14 den 16/3" is the meeting's) */
        if (c->lbit != L_ZH && d->prec == 3 && (n = bcx_lex_find(c, C_FROM, k, NULL)) > 0 &&
            k + n == d->t0)
            return !(m->t0 > k && m->t0 < d->t0);
    }
    for (size_t q = d->t1; q < hi && q < d->t1 + 30; q++) {
        size_t n = bcx_lex_find(c, C_SINCE, q, NULL);
        if (n > 0 && (q + n == hi || (bcx_gap(c, q + n - 1) & (G_COMMA | G_DOT))))
            return !(m->t0 >= d->t0 && m->t1 <= q);
        if (bcx_gap(c, q) & (G_COMMA | G_DOT))
            break;
    }
    return 0;
}

/* 1 when tokens [t0, ...) start inside the clause [lo, hi). */
static int inside(size_t t0, size_t lo, size_t hi)
{
    return t0 >= lo && t0 < hi;
}

/* 1 when a span of time ends right before token k ("a week", "two days", "10 days",
 * "days", "a month", "shortly"), lo the sentence's first token. */
static int apart_before(const ctx *c, size_t lo, size_t k)
{
    static const char *const unit[] = {"day",   "days",   "week",    "weeks",
                                       "month", "months", "shortly", NULL};
    for (int w = 0; k > lo && unit[w]; w++)
        if (bcx_word_is(c, k - 1, k, unit[w]))
            return 1;
    return 0;
}

/* 1 when English date d after mention m is another event's in its clause: a fair's, an
 * expo's or a festival's said to be held ("plans for the trade fair to be held in Mong Cai
 * in late 2027"), an anniversary's ("as the provinces mark the 75th anniversary of ties on
 * January 18"), or of a clause of when after a comma that names no meeting ("next year,
 * when the new bridge is due to open in May"). */
static int other_event(const ctx *c, const mention *m, const xd *d)
{
    static const char *const event[] = {"fair",        "fairs",       "expo",       "exhibition",
                                        "festival",    "marathon",    "tournament", "games",
                                        "competition", "anniversary", NULL};
    size_t hi = c->se[m->sent].t1;
    if (d->t0 <= m->t1)
        return 0;
    for (size_t k = d->t0; k > m->t1; k--) {
        size_t q = k - 1; /* the word before token k, in the date's clause */
        if (q + 1 < d->t0 && (c->gap[q] & (G_COMMA | G_DOT | G_PAREN))) {
            /* ", when ...": its day is of what the clause tells */
            return bcx_word_is(c, q + 1, hi, "when") &&
                   !bcx_range_has(c, q + 1, d->t0, C_HELD, -1) &&
                   !bcx_range_has(c, q + 1, d->t0, C_MEET, -1) &&
                   !bcx_range_has(c, q + 1, d->t0, C_TALKS, -1);
        }
        /* not the subject of the sentence's own verb ("The talks on the fair were held on
         * May 6") */
        for (int w = 0; event[w]; w++)
            if (bcx_word_is(c, q, hi, event[w]))
                return !(bcx_word_is(c, q + 1, hi, "was") || bcx_word_is(c, q + 1, hi, "were") ||
                         bcx_word_is(c, q + 1, hi, "is") || bcx_word_is(c, q + 1, hi, "are"));
    }
    return 0;
}

/* 1 when English date d, before mention m, is the day m is looked back on: m's outcomes
 * (bcx_outcome_of) or m itself recalled or reviewed ("On Thursday, officials recalled the
 * 10th meeting", "On June 12, the sides reviewed the outcomes of the 10th meeting"). */
static int looked_back_on(const ctx *c, const mention *m, const xd *d)
{
    static const char *const back[] = {"recalled", "recalling", "reviewed", "reviewing",
                                       "assessed", "evaluated", NULL};
    size_t lo = c->se[m->sent].t0, k = m->t0;
    if (d->t1 > m->t0)
        return 0;
    if (bcx_outcome_of(c, m))
        return 1;
    if (k > lo && bcx_lex_find(c, C_ARTICLE, k - 1, NULL) > 0)
        k--;
    for (int w = 0; k > lo && back[w]; w++)
        if (bcx_word_is(c, k - 1, k, back[w]))
            return 1;
    return 0;
}

int bcx_other_in_sequence(const ctx *c, const mention *m, const xd *d)
{
    static const char *const seq[] = {"after",    "following", "followed", "ahead of",
                                      "prior to", "before",    "preceded", NULL};
    size_t lo = c->se[m->sent].t0, hi = c->se[m->sent].t1;
    if (c->lbit != L_EN)
        return 0;
    for (size_t k = lo; k < hi; k++) {
        size_t n = 0;
        for (int w = 0; seq[w] && n == 0; w++)
            n = bcx_words_at(c, k, hi, seq[w]);
        if (n == 0 || (k < d->t1 && k + n > d->t0))
            continue; /* none, or a word of the date ("the day after") */
        /* the clause it opens: to the next break, a date's own comma aside ("May 6, 2024") */
        size_t e = k + n;
        while (e < hi &&
               (!(c->gap[e - 1] & (G_COMMA | G_DOT | G_PAREN)) || (e - 1 >= d->t0 && e < d->t1)))
            e++;
        int hd = inside(d->t0, k + n, e), hm = inside(m->t0, k + n, e);
        /* a time apart before the word ("a week after", "two days after", "days before")
         * says the day is another: without one, what came after may have come the same
         * day ("held talks after the delegation arrived on May 6"); a meeting named in the
         * clause is what the day is of, as in "The talks followed a working session ... on
         * Nov. 28" */
        if (hd && !hm && apart_before(c, lo, k) && !bcx_range_has(c, k + n, d->t0, C_MEET, -1) &&
            !bcx_range_has(c, k + n, d->t0, C_TALKS, -1))
            return 1;
        /* another meeting of the sentence, outside it, is the day's: d before the clause,
         * or opening the main clause that names that meeting after it ("Following ...,
         * on February 24, 2023, the 14th conference"), not in m's relative clause after it
         * ("ahead of the sixth conference ..., which opens ... on June 4") */
        for (size_t q = 0; hm && !hd && q < c->nm; q++) {
            const mention *o = &c->m[q];
            if (o->sent == m->sent && o != m && !inside(o->t0, k, e) &&
                (d->t1 <= k || (d->t0 >= e && o->t0 >= d->t1)))
                return 1;
        }
        k = e - 1;
    }
    return other_event(c, m, d) || looked_back_on(c, m, d);
}

/* 1 when date d is the day a document was signed: a word of signing right before it (in
 * Chinese right after it: "2023年12月签署的协议"; or, in Chinese, a verb of something done
 * then and the 的 of a relative clause: "2024年5月开通的口岸"), an
 * article or "on" between at most ("umowy podpisanej 12 marca", "avtalet som
 * undertecknades den 12 mars", "the deal signed on March 12"), or the Dutch "uit" of what
 * dates from it right before it ("hun vriendschapsakkoord uit mei 2023", "een raamakkoord
 * uit juni 2023"). The day of a signature, not of the talks that name it. */
int bcx_signed_on(const ctx *c, const xd *d)
{
    static const char *const signing[] = {"podpisan",    "undertecknad", "signed", "signe",
                                          "ondertekend", "reached",      NULL};
    size_t lo = c->se[c->t[d->t0].sent].t0, k = d->t0;
    /* Chinese: the word of signing after the date ("2023年12月签署的合作协议") */
    if (c->lbit == L_ZH) {
        static const char *const zh[] = {"签署", "签订", "签约", "签字", NULL};
        size_t hi = c->se[c->t[d->t0].sent].t1, at = d->t1;
        /* where it was signed may stand between ("上月在河口签署的合作备忘录") */
        if (at < hi && !(bcx_gap(c, at - 1) & (G_COMMA | G_DOT)) &&
            bcx_words_at(c, at, hi, "在") > 0) {
            size_t q = at + 1;
            while (q < hi && q < at + 8 && c->t[q].han &&
                   !(bcx_gap(c, q - 1) & (G_COMMA | G_DOT)) &&
                   bcx_lex_find(c, C_HELD, q, NULL) == 0 && bcx_lex_find(c, C_MEET, q, NULL) == 0 &&
                   bcx_lex_find(c, C_TALKS, q, NULL) == 0) {
                for (int w = 0; zh[w]; w++)
                    if (bcx_words_at(c, q, hi, zh[w]) > 0)
                        return 1;
                q++;
            }
        }
        for (int w = 0; zh[w]; w++)
            if (d->t1 < hi && !(bcx_gap(c, d->t1 - 1) & (G_COMMA | G_DOT)) &&
                bcx_words_at(c, d->t1, hi, zh[w]) > 0)
                return 1;
        /* the date of what another noun's relative clause says was done then: opened,
         * built, launched ("在2024年5月开通的友谊关智慧口岸举行会谈": the port's, not the
         * talks'); "2024年6月举行的第十次会议" is the meeting's own */
        static const char *const done[] = {"开通", "建成", "启动", "开工", "开放", "通车",
                                           "竣工", "落成", "成立", "设立", "开业", "投用",
                                           "升格", "揭牌", "开设", "批准", NULL};
        for (int w = 0; done[w]; w++)
            if (d->t1 + 2 < hi && !(bcx_gap(c, d->t1 - 1) & (G_COMMA | G_DOT)) &&
                bcx_words_at(c, d->t1, hi, done[w]) == 2 && bcx_words_at(c, d->t1 + 2, hi, "的"))
                return 1;
        return 0;
    }
    if (c->lbit == L_NL && k > lo && bcx_word_is(c, k - 1, k, "uit") &&
        !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)) && k - 1 > lo && c->t[k - 2].kind == T_WORD &&
        !(bcx_gap(c, k - 2) & (G_COMMA | G_DOT)))
        return 1; /* "akkoord uit mei 2023": of a thing before it, not "Uit mei 2023 ..." */
    if (k > lo && (bcx_word_is(c, k - 1, k, "den") || bcx_word_is(c, k - 1, k, "on") ||
                   bcx_word_is(c, k - 1, k, "le") || bcx_word_is(c, k - 1, k, "op") ||
                   bcx_word_is(c, k - 1, k, "dnia") || bcx_word_is(c, k - 1, k, "ngay")))
        k--;
    if (k == lo || c->t[k - 1].kind != T_WORD || (bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
        return 0;
    /* Vietnamese "ky ngay", "ky ket ngay" (signed on), not "dinh ky" (periodic) */
    if (c->lbit == L_VI) {
        if (k >= lo + 2 && bcx_word_is(c, k - 2, k, "ky ket"))
            return 1;
        return bcx_word_is(c, k - 1, k, "ky") &&
               !(k >= lo + 2 && bcx_word_is(c, k - 2, k - 1, "dinh"));
    }
    for (int w = 0; signing[w]; w++) {
        size_t n = strlen(signing[w]);
        if (c->t[k - 1].fl >= n && memcmp(TXT(c, k - 1), signing[w], n) == 0)
            return 1;
    }
    /* "the agreement reached on January 8": the day of the agreement, not of talks to come */
    static const char *const accord[] = {"agreement", "agreements", "consensus",
                                         "deal",      "accord",     NULL};
    for (int w = 0; k - 1 > lo && accord[w]; w++)
        if (bcx_word_is(c, k - 1, k, "reached") && bcx_word_is(c, k - 2, k - 1, accord[w]))
            return 1;
    return 0;
}

/* Nouns of a deadline, target date or expiry per language, and the words that may stand
 * between such a noun and its day ("deadline of", "date butoir du", "uiterste datum van",
 * "han chot ngay", "截止日期为"). */
static const struct {
    unsigned lang;
    const char *const *before, *const *link, *const *after;
} deadline_nouns[] = {
    {L_EN,
     (const char *const[]){"deadline", "target date", "due date", "expiry date", "expiry",
                           "cutoff date", "cut off date", "time limit", "expires", "expire",
                           "expired", NULL},
     (const char *const[]){"of", "on", "is", "was", "set", "for", NULL},
     (const char *const[]){"deadline", "target date", "due date", "expiry", "cutoff", NULL}},
    {L_FR,
     (const char *const[]){"date butoir", "date limite", "echeance", "delai", "date d expiration",
                           "expire", "expirera", NULL},
     (const char *const[]){"du", "de", "le", "au", "fixee", "fixe", "est", "etait", NULL},
     (const char *const[]){NULL}},
    {L_NL,
     (const char *const[]){"deadline", "uiterste datum", "einddatum", "streefdatum", "termijn",
                           "verloopt", "verliep", NULL},
     (const char *const[]){"van", "op", "is", "was", NULL},
     (const char *const[]){"deadline", "verloopt", "verliep", "afloopt", NULL}},
    {L_SV,
     (const char *const[]){"deadline", "tidsfrist", "slutdatum", "maldatum", "sista datum",
                           "loper ut", "lopte ut", NULL},
     (const char *const[]){"den", "pa", "ar", "var", NULL}, (const char *const[]){NULL}},
    /* not "termin" alone: "Kolejny termin ...: 20 maja" is the next meeting's date */
    {L_PL,
     (const char *const[]){"ostateczny termin", "ostatecznego terminu", "nieprzekraczalny termin",
                           "nieprzekraczalnego terminu", "termin realizacji", "terminu realizacji",
                           "uplywie terminu", "uplywem terminu", "deadline", "wygasa", "wygasnie",
                           NULL},
     (const char *const[]){"na", "to", "uplywa", "mija", NULL}, (const char *const[]){NULL}},
    {L_VI,
     (const char *const[]){"han chot", "thoi han", "han cuoi", "thoi han chot", "het han", NULL},
     (const char *const[]){"ngay", "la", "vao", NULL}, (const char *const[]){NULL}},
    {L_ZH, (const char *const[]){"截止日期", "最后期限", "截止时间", "期限", "截止", "截至", NULL},
     (const char *const[]){"为", "是", "到", "至", NULL},
     (const char *const[]){"截止日期", "截止期限", "最后期限", "期限", "截止", "到期", NULL}},
};

/* The tokens phrase of list w at token k (< hi) covers, 0 when none. */
static size_t phrase_at(const ctx *c, size_t k, size_t hi, const char *const *w)
{
    size_t best = 0, n;
    for (; *w; w++)
        if ((n = bcx_words_at(c, k, hi, *w)) > best)
            best = n;
    return best;
}

/* 1 when a noun of a deadline names day d in its clause: before it, a linking word or
 * two between ("the deadline of June 1", "la date butoir du 1er juin", "han chot ngay
 * 1/6", "terminu 1 czerwca", "deadline den 1 juni", "uiterste datum van 1 juni"), or
 * right after it ("the June 1 deadline", "6月1日的截止日期"). */
static int named_deadline(const ctx *c, const xd *d, size_t lo, size_t hi)
{
    for (size_t l = 0; l < sizeof deadline_nouns / sizeof deadline_nouns[0]; l++) {
        if (deadline_nouns[l].lang != c->lbit)
            continue;
        size_t k = d->t1, n;
        if (c->lbit == L_ZH && bcx_words_at(c, k, hi, "的"))
            k++;
        if (k < hi && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN | G_OTHER)) &&
            phrase_at(c, k, hi, deadline_nouns[l].after) > 0)
            return 1;
        for (size_t b = d->t0 > lo + 6 ? d->t0 - 6 : lo; b < d->t0; b++) {
            if ((n = phrase_at(c, b, d->t0, deadline_nouns[l].before)) == 0 ||
                bcx_commas(c, b, d->t0) != 0)
                continue;
            size_t q = b + n, links = 0;
            while (q < d->t0 && links < 2 && phrase_at(c, q, d->t0, deadline_nouns[l].link) == 1)
                q++, links++;
            for (size_t g = b + n - 1; q == d->t0 && g < d->t0; g++)
                if (bcx_gap(c, g) & (G_DOT | G_PAREN | G_OTHER))
                    q = 0; /* "Kolejny termin jest juz znany: 20 maja" */
            if (q == d->t0)
                return 1;
        }
    }
    return 0;
}

/* 1 when date d is a deadline: a word for before or by ends right before it ("before 31
 * December", "przed", "fore", "by the end of"; Dutch "voor" only written "vóór", else it
 * is "for": "gepland voor 15 juli"), or a noun of a deadline, target date or expiry names
 * it (named_deadline). A date to meet, not when a meeting took place. */
int bcx_deadline_day(const ctx *c, const xd *d)
{
    size_t lo = c->se[c->t[d->t0].sent].t0, hi = c->se[c->t[d->t0].sent].t1;
    if (named_deadline(c, d, lo, hi))
        return 1;
    /* Chinese says a deadline right after its date ("于6月30日前投入使用"; not "前往", "前来":
     * went, came; "此前，10日" is a day before which nothing is said) */
    if (c->lbit == L_ZH) {
        /* a part of the month between ("10月底前", "年底之前", "6月中旬以前") */
        static const char *const part[] = {"底", "末", "初", "上旬", "中旬", "下旬", NULL};
        size_t k = d->t1;
        for (int w = 0; part[w] && k == d->t1; w++)
            k += bcx_words_at(c, k, hi, part[w]);
        return k < hi && bcx_lex_find(c, C_DEADLINE, k, NULL) > 0 &&
               !bcx_words_at(c, k, hi, "前往") && !bcx_words_at(c, k, hi, "前来");
    }
    if (d->t0 == lo || (bcx_gap(c, d->t0 - 1) & (G_COMMA | G_DOT | G_PAREN)))
        return 0;
    for (size_t k = d->t0 > lo + 4 ? d->t0 - 4 : lo; k < d->t0; k++) {
        size_t n = bcx_lex_find(c, C_DEADLINE, k, NULL);
        if (n == 0 || k + n != d->t0)
            continue;
        if (c->lbit == L_NL && bcx_word_is(c, k, d->t0, "voor"))
            return memmem(c->s + c->t[k].start, c->t[k].end - c->t[k].start, "\xc3\xb3", 2) != NULL;
        return 1;
    }
    /* Polish "do" (to, by) right before a day: "zostanie otwarty do 30 czerwca" (a span "od
     * 14 do 16 marca" is one date from its first day); English "by" ("open the bridge by
     * June 30", "by 2030") */
    return (c->lbit == L_PL && d->prec == 3 && bcx_word_is(c, d->t0 - 1, d->t0, "do")) ||
           (c->lbit == L_EN && bcx_word_is(c, d->t0 - 1, d->t0, "by"));
}

/* 1 when date d is the day something was said or announced: a verb of saying right
 * before it, "on" between at most ("a annonce mardi le comite", "the committee announced
 * on Tuesday"; not Vietnamese "cho biet ngay 10/3", which says what happened that day),
 * or, in Chinese, right after it ("王浩10日表示"), or the day a reporter learned it from
 * someone ("记者12月2日从…获悉"). The day of the report, not of the meeting it reports. */
int bcx_said_on(const ctx *c, const xd *d)
{
    static const char *const said[] = {"announced",
                                       "said",
                                       "reported",
                                       "stated",
                                       "annonce",
                                       "indique",
                                       "declare",
                                       "precise",
                                       "rapporte",
                                       "souligne",
                                       "poinformowal",
                                       "poinformowala",
                                       "poinformowaly",
                                       "oglosil",
                                       "meddelade",
                                       "uppgav",
                                       "meldde",
                                       "maakte bekend",
                                       "speaking",
                                       "told reporters",
                                       "told",
                                       "addressing",
                                       NULL}; /* "Speaking on Tuesday, the chairman said" */
    static const char *const zh[] = {"表示", "宣布", "介绍", "透露", "说", NULL};
    size_t lo = c->se[c->t[d->t0].sent].t0, hi = c->se[c->t[d->t0].sent].t1, k = d->t0;
    if (c->lbit == L_ZH) {
        for (int w = 0; zh[w]; w++)
            if (d->t1 < hi && bcx_words_at(c, d->t1, hi, zh[w]) > 0)
                return 1;
        /* the day a reporter learned it ("记者12月2日从崇左市外事办了解到") */
        static const char *const learned[] = {"获悉", "了解到", "得知", "获知", NULL};
        if (d->t1 < hi && bcx_words_at(c, d->t1, hi, "从") > 0)
            for (size_t q = d->t1 + 1; q < hi && q < d->t1 + 16; q++) {
                if (bcx_gap(c, q - 1) & (G_COMMA | G_DOT))
                    break;
                for (int w = 0; learned[w]; w++)
                    if (bcx_words_at(c, q, hi, learned[w]) > 0)
                        return 1;
            }
        return 0;
    }
    if (k > lo && (bcx_word_is(c, k - 1, k, "on") || bcx_word_is(c, k - 1, k, "op")))
        k--;
    if (k == lo || (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN)))
        return 0;
    for (int w = 0; said[w]; w++)
        for (size_t n = 1; n <= 2 && n + lo <= k; n++)
            if (bcx_words_at(c, k - n, k, said[w]) == n)
                return 1;
    return 0;
}

/* 1 when the Chinese meeting noun at token i is followed in its clause by a word for before
 * it, perhaps after one of opening or holding ("会晤前一天，即20日下午，…会见了…", "会议召开
 * 前夕", "会谈开始前"): the time of what its sentence reports, not a meeting it reports; or
 * after a word for this one ("此次会谈", "本次会议"): the meeting reported, said again. */
static int zh_before_noun(const ctx *c, size_t si, size_t i)
{
    static const char *const open[] = {"召开", "举行", "开幕", "开始", NULL};
    static const char *const before[] = {"前一天", "前一日", "前夕", "前两天", "之前", "前", NULL};
    const bc_lex *e = NULL;
    size_t hi = c->se[si].t1, n = bcx_lex_find(c, C_MEET, i, &e);
    int named = n > 0 && e->val != K_GENERIC; /* "本次新春会晤": its name, told again */
    if (n == 0)
        n = bcx_lex_find(c, C_TALKS, i, NULL);
    size_t k = i + n;
    /* "此次会谈", "本次会议": the meeting reported, said again, no other */
    static const char *const again[] = {"此次", "本次", "这次", "该次", "此轮", "本轮", NULL};
    for (int w = 0; again[w] && n > 0 && !named && i >= c->se[si].t0 + 2; w++)
        if (bcx_words_at(c, i - 2, i, again[w]) == 2)
            return 1;
    if (n == 0 || k >= hi || (bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
        return 0;
    for (int w = 0; open[w]; w++)
        if (bcx_words_at(c, k, hi, open[w])) {
            k += 2;
            break;
        }
    for (int w = 0; before[w] && k < hi; w++)
        if (bcx_words_at(c, k, hi, before[w]) && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
            return 1;
    return 0;
}

/* 1 when the meeting noun at token i is named as the time of something else: a word for
 * before ends at most four words before it in its clause ("przed otwarciem Wiosennego
 * Spotkania", "before the opening of the Spring Meeting", "avant l'ouverture de la
 * Rencontre"). What its sentence says was held is the other. */
/* 1 when the Chinese word for before at token k closes a date's deadline ("4月底前举行会谈",
 * "本月底前再次举行视频会谈"): the talks are what is to be done by then, not a time
 * counted from them. */
static int zh_date_deadline(const ctx *c, size_t si, size_t k)
{
    for (size_t q = c->se[si].d0; c->lbit == L_ZH && q < c->se[si].d1; q++)
        if (c->d[q].t1 <= k && k - c->d[q].t1 <= 2)
            return 1;
    return 0;
}

int bcx_time_reference(const ctx *c, size_t si, size_t i)
{
    size_t lo = c->se[si].t0;
    if (c->lbit == L_ZH && zh_before_noun(c, si, i))
        return 1;
    for (size_t k = i > lo + 7 ? i - 7 : lo; k < i; k++) {
        size_t n = bcx_lex_find(c, C_DEADLINE, k, NULL);
        /* Dutch "voor" is before only written "vóór" ("bijeengekomen voor hun
         * nieuwjaarsontmoeting": for it) */
        if (n > 0 && c->lbit == L_NL && bcx_word_is(c, k, i, "voor") &&
            memmem(c->s + c->t[k].start, c->t[k].end - c->t[k].start, "\xc3\xb3", 2) == NULL)
            continue;
        if (n > 0 && k + n <= i && i - (k + n) <= 4 && !bcx_commas(c, k, i) &&
            !zh_date_deadline(c, si, k))
            return 1;
        /* a day counted from it, of it ("La veille de la conférence", "le lendemain du
         * sommet"); not "le lendemain des entretiens", "le lendemain une réunion": its day */
        n = bcx_lex_find(c, C_NEXT_DAY, k, NULL);
        int of = n > 0 && k + n < i && i - (k + n) <= 2 && !bcx_commas(c, k, i);
        for (size_t q = k + n; of && q < i; q++)
            of = bcx_word_is(c, q, i, "de") || bcx_word_is(c, q, i, "du") ||
                 bcx_word_is(c, q, i, "la") || bcx_word_is(c, q, i, "l") ||
                 bcx_word_is(c, q, i, "of") || bcx_word_is(c, q, i, "the");
        if (of)
            return 1;
        /* or one that ends in its own word for before or after, right before it ("Dagen
         * före konferensen", "Dagen efter konferensen"); not "Nazajutrz spotkanie": its day */
        static const char *const prep[] = {"fore", "efter", "innan", "voor",
                                           "na",   "przed", "po",    NULL};
        for (int w = 0; n > 0 && k + n == i && prep[w]; w++)
            if (bcx_word_is(c, i - 1, i, prep[w]))
                return 1;
    }
    return 0;
}

/* 1 when English date d stands in a relative clause set off by commas that closes before
 * mention m, a clause that names no holding nor talks ("Quang Hoa district and Longzhou
 * county, which signed a framework agreement ... on September 4, 2013, plan to hold a joint
 * ceremony"): the day of what the parties did, not of the meeting. */
static int relative_before(const ctx *c, const mention *m, const xd *d)
{
    size_t lo = c->se[m->sent].t0, open = d->t0, end = d->t1;
    if (c->lbit != L_EN || d->t1 > m->t0)
        return 0;
    while (open > lo && !(bcx_gap(c, open - 1) & (G_COMMA | G_DOT)))
        open--;
    while (end < m->t0 && !(bcx_gap(c, end - 1) & (G_COMMA | G_DOT)))
        end++;
    if (open == lo || (bcx_gap(c, open - 1) & G_DOT) || end >= m->t0 ||
        !(bcx_gap(c, end - 1) & G_COMMA) ||
        !(bcx_word_is(c, open, end, "which") || bcx_word_is(c, open, end, "who")))
        return 0;
    return !bcx_range_has(c, open, end, C_HELD, -1) && !bcx_range_has(c, open, end, C_TALKS, -1) &&
           !bcx_range_has(c, open, end, C_MEET, -1);
}

int bcx_relative_of_other(const ctx *c, const mention *m, const xd *d)
{
    static const char *const rel[] = {"die", "dat", "welke", "which", "who", NULL};
    size_t hi = c->se[m->sent].t1, comma = SIZE_MAX, end = d->t1;
    if (relative_before(c, m, d))
        return 1;
    if (m->xkind != BC_XM_TALKS || d->t0 <= m->t1)
        return 0;
    for (size_t q = d->t0; q > m->t1 && comma == SIZE_MAX; q--)
        if (bcx_gap(c, q - 1) & (G_COMMA | G_DOT))
            comma = q;
    if (comma == SIZE_MAX || comma <= m->t1 || (bcx_gap(c, comma - 1) & G_DOT))
        return 0;
    int relative = 0;
    for (int w = 0; rel[w] && !relative; w++)
        relative = bcx_word_is(c, comma, hi, rel[w]);
    while (end < hi && !(bcx_gap(c, end - 1) & (G_COMMA | G_DOT)))
        end++;
    return relative && !bcx_range_has(c, comma, end, C_HELD, -1) &&
           !bcx_range_has(c, comma, end, C_TALKS, -1);
}

/* Indefinite articles, per language: what opens an apposition naming another thing. */
static const struct {
    unsigned lang;
    const char *const *w;
} articles[] = {
    {L_EN, (const char *const[]){"a", "an", NULL}},
    {L_NL, (const char *const[]){"een", NULL}},
    {L_FR, (const char *const[]){"un", "une", NULL}},
    {L_SV, (const char *const[]){"en", "ett", NULL}},
};

int bcx_apposition_of_other(const ctx *c, const mention *m, const xd *d)
{
    size_t hi = c->se[m->sent].t1, comma = SIZE_MAX, end = d->t1;
    if (d->t0 <= m->t1)
        return 0;
    for (size_t q = d->t0; q > m->t1 && comma == SIZE_MAX; q--)
        if (bcx_gap(c, q - 1) & (G_COMMA | G_DOT))
            comma = q;
    if (comma == SIZE_MAX || comma <= m->t1 || (bcx_gap(c, comma - 1) & G_DOT))
        return 0;
    int noun = 0;
    for (size_t l = 0; l < sizeof articles / sizeof articles[0] && !noun; l++)
        for (int w = 0; articles[l].lang == c->lbit && articles[l].w[w] && !noun; w++)
            noun = bcx_word_is(c, comma, hi, articles[l].w[w]);
    while (end < hi && !(bcx_gap(c, end - 1) & (G_COMMA | G_DOT)))
        end++;
    return noun && !bcx_range_has(c, comma, end, C_HELD, -1) &&
           !bcx_range_has(c, comma, end, C_TALKS, -1) && !bcx_range_has(c, comma, end, C_MEET, -1);
}

int bcx_possessive_of_other(const ctx *c, const mention *m, const xd *d)
{
    size_t hi = c->se[m->sent].t1, k = d->t1 + 1;
    if (c->lbit == L_NL)
        return bcx_nl_day_of_other(c, m, d);
    if (c->lbit != L_EN || d->prec != 3 || d->t1 >= hi || bcx_gap(c, d->t1 - 1) != G_QUOTE ||
        !bcx_word_is(c, d->t1, hi, "s"))
        return 0;
    /* "Tuesday's meeting", "Yesterday's online talks": a word between at most */
    for (; k < hi && k <= d->t1 + 2; k++) {
        if (k >= m->t0 && k < m->t1)
            return 0; /* m's own noun: "Tuesday's talks" are m */
        if (bcx_lex_find(c, C_MEET, k, NULL) > 0 || bcx_lex_find(c, C_TALKS, k, NULL) > 0)
            return 1;
        if (bcx_gap(c, k) != G_SPACE)
            break;
    }
    /* whatever else it names, a noun m is not ("Tuesday's discussions built on those held
     * when Thieu received ... on April 3, 2023": the discussions' day, not the reception's) */
    k = d->t1 + 1;
    return k < hi && c->t[k].kind == T_WORD && !c->t[k].upper && (m->t1 <= d->t0 || m->t0 > k + 2);
}

int bcx_day_after_other(const ctx *c, const mention *m, const xd *d, const size_t *idx, size_t a,
                        size_t b)
{
    if (c->lbit != L_EN || d->t1 > m->t0 || bcx_commas(c, d->t1 - 1, m->t0) == 0)
        return 0;
    for (size_t k = a; k < b; k++) {
        const mention *o = &c->m[idx[k]];
        if (o == m || o->t1 > d->t0 || d->t0 - o->t1 > 1 || bcx_commas(c, o->t1 - 1, d->t0) > 0)
            continue;
        /* "the 2023 Spring Meeting in February", "the talks on May 3" */
        if (d->t0 == o->t1 || bcx_word_is(c, o->t1, d->t0, "in") ||
            bcx_word_is(c, o->t1, d->t0, "on") || bcx_word_is(c, o->t1, d->t0, "of"))
            return 1;
    }
    return 0;
}

/* 1 when one of words ws ends within four tokens before date d, in its clause. */
static int verb_before(const ctx *c, const xd *d, const char *const *ws)
{
    size_t lo = c->se[c->t[d->t0].sent].t0;
    for (size_t k = d->t0; k > lo && k + 4 >= d->t0; k--) {
        if (k < d->t0 && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
            break;
        for (int w = 0; ws[w]; w++) {
            size_t n = 1;
            for (const char *p = ws[w]; *p; p++)
                n += *p == ' ';
            if (k >= lo + n && bcx_words_at(c, k - n, k, ws[w]) == n)
                return 1;
        }
    }
    return 0;
}

int bcx_closing_day(const ctx *c, const xd *d)
{
    static const char *const closing[] = {"ended",    "ends",       "end",       "closed",
                                          "closes",   "close",      "concluded", "concludes",
                                          "conclude", "wrapped up", "wraps up",  NULL};
    static const char *const opening[] = {"opened",     "opens",   "began",  "begins",
                                          "kicked off", "started", "starts", NULL};
    size_t si = c->t[d->t0].sent;
    if (c->lbit != L_EN || d->prec != 3 || !verb_before(c, d, closing))
        return 0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
        if (&c->d[k] != d && c->d[k].prec == 3 && verb_before(c, &c->d[k], opening))
            return 1;
    return 0;
}

int bcx_opening_day(const ctx *c, const mention *m, const xd *d)
{
    static const char *const open[] = {"open",    "opens",       "reopen",   "reopens",
                                       "opened",  "inaugurate",  "complete", "completed",
                                       "operate", "operational", NULL};
    size_t lo = c->se[m->sent].t0, hi = c->se[m->sent].t1;
    if (c->lbit != L_EN || d->t0 <= lo)
        return 0;
    /* a ceremony's or an opening's day is the opening's; one in a clause before m, past a
     * comma, is left to its doubt (BC_XD_EARLIER_CLAUSE: the meeting kept, undated) */
    if (bcx_words_at(c, m->noun, hi, "ceremony") > 0 || bcx_joint_opening(c, m->sent, m->noun) ||
        (d->t1 <= m->t0 && bcx_commas(c, d->t1 - 1, m->t0) > 0))
        return 0;
    for (size_t k = d->t0; k > lo && k + 9 > d->t0; k--) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN))
            return 0;
        if (k - 1 >= m->t0 && k - 1 < m->t1)
            return 0; /* the meeting between: "opened the 12th meeting on ..." */
        for (int w = 0; open[w]; w++)
            if (bcx_word_is(c, k - 1, hi, open[w])) {
                /* what opens: not a meeting ("which opens in the same city on October 30",
                 * "the conference opened on") */
                size_t v = k - 1;
                if (v == lo || bcx_word_is(c, v - 1, v, "which") ||
                    bcx_word_is(c, v - 1, v, "that") || bcx_lex_find(c, C_MEET, v - 1, NULL) ||
                    bcx_lex_find(c, C_TALKS, v - 1, NULL))
                    return 0;
                /* m before it in its clause is what opens ("The 12th meeting ... opened in
                 * Kunming on June 30"), but for what is agreed "to open" */
                return m->t1 > v || bcx_commas(c, m->t1 - 1, v) > 0 ||
                       bcx_word_is(c, v - 1, v, "to");
            }
    }
    return 0;
}

/* Prepositions of time whose object is another event, per language. */
static const struct {
    unsigned lang;
    const char *const *w;
} time_preps[] = {
    {L_EN, (const char *const[]){"after", "before", "following", "until", "ahead of", NULL}},
    {L_FR, (const char *const[]){"apres", "avant", "jusqu a", NULL}},
    {L_NL, (const char *const[]){"na", "voor", "vóór", "tot", NULL}},
    {L_SV, (const char *const[]){"efter", "fore", "innan", "till", NULL}},
    {L_PL, (const char *const[]){"po", "przed", "do", NULL}},
    {L_VI, (const char *const[]){"sau", "truoc", "sau khi", NULL}},
};

int bcx_apposed_to_other(const ctx *c, const mention *m, const xd *d)
{
    static const char *const lead[] = {"the", "on", "le", "op", "den", "ngay", NULL};
    size_t lo = c->se[m->sent].t0, open = d->t0;
    if (d->prec != 3 || d->t0 <= m->t1 || d->t0 <= lo + 3)
        return 0;
    for (int w = 0; lead[w] && open == d->t0; w++)
        if (bcx_word_is(c, open - 1, open, lead[w]) && (bcx_gap(c, open - 2) & (G_OPEN | G_COMMA)))
            open--; /* ", le 1er juin" */
    if (open <= m->t1 || c->t[open - 1].kind != T_WORD)
        return 0;
    unsigned g = bcx_gap(c, open - 1);
    /* "(June 1)", ", June 1" closing its clause: an apposition */
    if (!(g & (G_OPEN | G_COMMA)) || (g & G_DOT) ||
        ((g & G_COMMA) && d->t1 < c->se[m->sent].t1 &&
         !(bcx_gap(c, d->t1 - 1) & (G_COMMA | G_DOT | G_PAREN))))
        return 0;
    for (size_t l = 0; l < sizeof time_preps / sizeof time_preps[0]; l++) {
        if (time_preps[l].lang != c->lbit)
            continue;
        /* the preposition in the clause before it, past m, a noun phrase between */
        for (size_t k = open - 1; k >= m->t1 && k + 12 > open; k--) {
            if (k + 1 < open && (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN)))
                break;
            for (int w = 0; time_preps[l].w[w]; w++) {
                size_t n = bcx_words_at(c, k, open, time_preps[l].w[w]);
                if (n > 0 && k + n + 1 < open + 1 && k + n < open)
                    return 1;
            }
            if (k == 0)
                break;
        }
    }
    return 0;
}
