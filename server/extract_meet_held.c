/* extract_meet_held.c: whether a sentence says the talks it names take place or took place
 * ("were held", "will be held", "odbeda sie"), also by the Dutch passive of the past of
 * receiving ("Donderdagnamiddag werd hij in Ha Long ontvangen door Nguyen Xuan Thang"): then
 * a month is their date too, and talks of the sides told before may go without them named. */
#include "extract_int.h"

/* 1 when Dutch sentence si has "werd" or "werden" and, later in that clause, "ontvangen"
 * or "verwelkomd" followed by "door": a reception that took place; not a proposal or a plan
 * "goed ontvangen door" (well received by). */
static int nl_received_by(const ctx *c, size_t si)
{
    static const char *const was[] = {"werd", "werden", NULL};
    static const char *const got[] = {"ontvangen", "verwelkomd", NULL};
    static const char *const how[] = {"goed", "positief", "gunstig", "slecht", "kritisch", NULL};
    size_t a = c->se[si].t0, b = c->se[si].t1;
    if (c->lbit != L_NL)
        return 0;
    for (size_t k = a; k < b; k++) {
        int aux = 0;
        for (int w = 0; was[w] && !aux; w++)
            aux = bcx_word_is(c, k, b, was[w]);
        for (size_t q = k + 1; aux && q + 1 < b && q < k + 12; q++) {
            if (bcx_gap(c, q - 1) & (G_COMMA | G_DOT))
                break;
            int judged = 0;
            for (int w = 0; how[w] && !judged; w++)
                judged = bcx_word_is(c, q - 1, b, how[w]);
            for (int w = 0; got[w] && !judged; w++)
                if (bcx_word_is(c, q, b, got[w]) && bcx_word_is(c, q + 1, b, "door"))
                    return 1;
        }
    }
    return 0;
}

/* 1 when Dutch sentence si has a verb of the past whose particle follows in its clause, the
 * names of a list between ("In februari kwamen de partijsecretarissen van Quang Ninh, Lang
 * Son, Cao Bang en Ha Giang in Ha Long samen met hun collega uit Guangxi op de jaarlijkse
 * voorjaarsontmoeting", "vond ... plaats", "bracht ... een werkbezoek aan Ha Giang"): it took
 * place. */
static int nl_split_held(const ctx *c, size_t si)
{
    static const char *const verb[] = {"vond",   "vonden",   "kwam", "kwamen",
                                       "bracht", "brachten", NULL};
    static const char *const part[] = {"plaats",     "plaats",     "samen", "samen",
                                       "werkbezoek", "werkbezoek", NULL};
    size_t a = c->se[si].t0, b = c->se[si].t1;
    for (size_t k = a; c->lbit == L_NL && k < b; k++) {
        if (bcx_nl_took_place(c, k, b))
            return 1;
        for (int w = 0; verb[w]; w++) {
            if (!bcx_word_is(c, k, b, verb[w]))
                continue;
            for (size_t q = k + 1; q < b && q < k + 30; q++) {
                if ((bcx_gap(c, q - 1) & (G_COMMA | G_DOT)) && !bcx_list_comma(c, si, q - 1))
                    break;
                if (bcx_word_is(c, q, b, part[w]) || bcx_word_is(c, q, b, "bijeen"))
                    return 1;
            }
        }
    }
    return 0;
}

/* 1 when Dutch sentence si opens with talks or a meeting, its article before it, that began
 * ("Het overleg begon op 28 februari 's middags"): they took place. */
static int nl_began(const ctx *c, size_t si)
{
    size_t a = c->se[si].t0, b = c->se[si].t1, n = 0;
    if (c->lbit != L_NL || a + 2 >= b ||
        !(bcx_word_is(c, a, b, "het") || bcx_word_is(c, a, b, "de")))
        return 0;
    if ((n = bcx_lex_find(c, C_TALKS, a + 1, NULL)) == 0)
        n = bcx_lex_find(c, C_MEET, a + 1, NULL);
    return n > 0 && a + 1 + n < b &&
           (bcx_word_is(c, a + 1 + n, b, "begon") || bcx_word_is(c, a + 1 + n, b, "begonnen"));
}

int bcx_talks_held(const ctx *c, size_t si)
{
    return bcx_sent_has(c, si, C_HELD, -1) || bcx_sent_has(c, si, C_FUTURE, -1) ||
           nl_received_by(c, si) || nl_split_held(c, si) || nl_began(c, si);
}
