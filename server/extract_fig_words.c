/* extract_fig_words.c: amounts of money whose number is written in words before a scale
 * of a million or more ("tweeënhalf miljard dollar", "two and a half billion dollars",
 * "achttien miljard yuan", "deux milliards et demi de dollars", "półtora miliarda",
 * "två och en halv miljard dollar"), and Chinese numbers in characters before 万 or 亿
 * ("千亿元", "三千五百亿越南盾"): the number's value and tokens, for extract_fig.c. */
#include "extract_int.h"

#include <string.h>

/* what a number word is */
enum {
    W_NUM = 1, /* a number below a hundred: "five", "achttien", "tjugo" */
    W_HUNDRED, /* "hundred", "honderd", "cent", "sto", "hundra": times a hundred */
    W_ONE,     /* "a", "een", "en", "ett", "un", "une": one, or the article of a half */
    W_HALF,    /* "half", "halv", "pol", "demi": a half */
    W_AND,     /* "and", "en", "och", "i", "et": between a number and its half */
    W_NUMHALF, /* a number and a half in one word: "anderhalf", "poltora", "halvannan" */
};

typedef struct numword {
    unsigned lang; /* L_* bits */
    const char *w; /* folded */
    int kind;      /* W_* */
    double val;
} numword;

#define NL L_NL
#define EN L_EN
#define FR L_FR
#define PL L_PL
#define SV L_SV

static const numword WORDS[] = {
    /* English */
    {EN, "a", W_ONE, 1},
    {EN, "one", W_NUM, 1},
    {EN, "two", W_NUM, 2},
    {EN, "three", W_NUM, 3},
    {EN, "four", W_NUM, 4},
    {EN, "five", W_NUM, 5},
    {EN, "six", W_NUM, 6},
    {EN, "seven", W_NUM, 7},
    {EN, "eight", W_NUM, 8},
    {EN, "nine", W_NUM, 9},
    {EN, "ten", W_NUM, 10},
    {EN, "eleven", W_NUM, 11},
    {EN, "twelve", W_NUM, 12},
    {EN, "thirteen", W_NUM, 13},
    {EN, "fourteen", W_NUM, 14},
    {EN, "fifteen", W_NUM, 15},
    {EN, "sixteen", W_NUM, 16},
    {EN, "seventeen", W_NUM, 17},
    {EN, "eighteen", W_NUM, 18},
    {EN, "nineteen", W_NUM, 19},
    {EN, "twenty", W_NUM, 20},
    {EN, "thirty", W_NUM, 30},
    {EN, "forty", W_NUM, 40},
    {EN, "fifty", W_NUM, 50},
    {EN, "sixty", W_NUM, 60},
    {EN, "seventy", W_NUM, 70},
    {EN, "eighty", W_NUM, 80},
    {EN, "ninety", W_NUM, 90},
    {EN, "hundred", W_HUNDRED, 100},
    {EN, "half", W_HALF, 0.5},
    {EN, "and", W_AND, 0},
    /* Dutch (compounds such as "vijfentwintig", "tweeenhalf", "driehonderd": nl_word) */
    {NL, "een", W_ONE, 1},
    {NL, "twee", W_NUM, 2},
    {NL, "drie", W_NUM, 3},
    {NL, "vier", W_NUM, 4},
    {NL, "vijf", W_NUM, 5},
    {NL, "zes", W_NUM, 6},
    {NL, "zeven", W_NUM, 7},
    {NL, "acht", W_NUM, 8},
    {NL, "negen", W_NUM, 9},
    {NL, "tien", W_NUM, 10},
    {NL, "elf", W_NUM, 11},
    {NL, "twaalf", W_NUM, 12},
    {NL, "dertien", W_NUM, 13},
    {NL, "veertien", W_NUM, 14},
    {NL, "vijftien", W_NUM, 15},
    {NL, "zestien", W_NUM, 16},
    {NL, "zeventien", W_NUM, 17},
    {NL, "achttien", W_NUM, 18},
    {NL, "negentien", W_NUM, 19},
    {NL, "twintig", W_NUM, 20},
    {NL, "dertig", W_NUM, 30},
    {NL, "veertig", W_NUM, 40},
    {NL, "vijftig", W_NUM, 50},
    {NL, "zestig", W_NUM, 60},
    {NL, "zeventig", W_NUM, 70},
    {NL, "tachtig", W_NUM, 80},
    {NL, "negentig", W_NUM, 90},
    {NL, "honderd", W_HUNDRED, 100},
    {NL, "half", W_HALF, 0.5},
    {NL, "anderhalf", W_NUMHALF, 1.5},
    {NL, "anderhalve", W_NUMHALF, 1.5},
    {NL, "en", W_AND, 0},
    /* French ("dix-sept": ten, then seven) */
    {FR, "un", W_ONE, 1},
    {FR, "une", W_ONE, 1},
    {FR, "deux", W_NUM, 2},
    {FR, "trois", W_NUM, 3},
    {FR, "quatre", W_NUM, 4},
    {FR, "cinq", W_NUM, 5},
    {FR, "six", W_NUM, 6},
    {FR, "sept", W_NUM, 7},
    {FR, "huit", W_NUM, 8},
    {FR, "neuf", W_NUM, 9},
    {FR, "dix", W_NUM, 10},
    {FR, "onze", W_NUM, 11},
    {FR, "douze", W_NUM, 12},
    {FR, "treize", W_NUM, 13},
    {FR, "quatorze", W_NUM, 14},
    {FR, "quinze", W_NUM, 15},
    {FR, "seize", W_NUM, 16},
    {FR, "vingt", W_NUM, 20},
    {FR, "trente", W_NUM, 30},
    {FR, "quarante", W_NUM, 40},
    {FR, "cinquante", W_NUM, 50},
    {FR, "soixante", W_NUM, 60},
    {FR, "cent", W_HUNDRED, 100},
    {FR, "demi", W_HALF, 0.5}, /* "un demi-milliard" */
    {FR, "et", W_AND, 0},      /* "vingt et un": no "un milliard" read in it */
    /* Polish (the cases a number takes before "miliardy", "miliardow") */
    {PL, "jeden", W_NUM, 1},
    {PL, "jedna", W_NUM, 1},
    {PL, "jednego", W_NUM, 1},
    {PL, "dwa", W_NUM, 2},
    {PL, "dwie", W_NUM, 2},
    {PL, "dwoch", W_NUM, 2},
    {PL, "dwu", W_NUM, 2},
    {PL, "trzy", W_NUM, 3},
    {PL, "trzech", W_NUM, 3},
    {PL, "cztery", W_NUM, 4},
    {PL, "czterech", W_NUM, 4},
    {PL, "piec", W_NUM, 5},
    {PL, "pieciu", W_NUM, 5},
    {PL, "szesc", W_NUM, 6},
    {PL, "szesciu", W_NUM, 6},
    {PL, "siedem", W_NUM, 7},
    {PL, "siedmiu", W_NUM, 7},
    {PL, "osiem", W_NUM, 8},
    {PL, "osmiu", W_NUM, 8},
    {PL, "dziewiec", W_NUM, 9},
    {PL, "dziewieciu", W_NUM, 9},
    {PL, "dziesiec", W_NUM, 10},
    {PL, "dziesieciu", W_NUM, 10},
    {PL, "jedenascie", W_NUM, 11},
    {PL, "dwanascie", W_NUM, 12},
    {PL, "trzynascie", W_NUM, 13},
    {PL, "czternascie", W_NUM, 14},
    {PL, "pietnascie", W_NUM, 15},
    {PL, "szesnascie", W_NUM, 16},
    {PL, "siedemnascie", W_NUM, 17},
    {PL, "osiemnascie", W_NUM, 18},
    {PL, "dziewietnascie", W_NUM, 19},
    {PL, "dwadziescia", W_NUM, 20},
    {PL, "trzydziesci", W_NUM, 30},
    {PL, "czterdziesci", W_NUM, 40},
    {PL, "piecdziesiat", W_NUM, 50},
    {PL, "szescdziesiat", W_NUM, 60},
    {PL, "siedemdziesiat", W_NUM, 70},
    {PL, "osiemdziesiat", W_NUM, 80},
    {PL, "dziewiecdziesiat", W_NUM, 90},
    {PL, "sto", W_HUNDRED, 100},
    {PL, "pol", W_HALF, 0.5},
    {PL, "poltora", W_NUMHALF, 1.5},
    {PL, "poltorej", W_NUMHALF, 1.5},
    {PL, "i", W_AND, 0},
    /* Swedish (compounds such as "tjugofem", "tvahundra": sv_word) */
    {SV, "en", W_ONE, 1},
    {SV, "ett", W_ONE, 1},
    {SV, "tva", W_NUM, 2},
    {SV, "tre", W_NUM, 3},
    {SV, "fyra", W_NUM, 4},
    {SV, "fem", W_NUM, 5},
    {SV, "sex", W_NUM, 6},
    {SV, "sju", W_NUM, 7},
    {SV, "atta", W_NUM, 8},
    {SV, "nio", W_NUM, 9},
    {SV, "tio", W_NUM, 10},
    {SV, "elva", W_NUM, 11},
    {SV, "tolv", W_NUM, 12},
    {SV, "tretton", W_NUM, 13},
    {SV, "fjorton", W_NUM, 14},
    {SV, "femton", W_NUM, 15},
    {SV, "sexton", W_NUM, 16},
    {SV, "sjutton", W_NUM, 17},
    {SV, "arton", W_NUM, 18},
    {SV, "nitton", W_NUM, 19},
    {SV, "tjugo", W_NUM, 20},
    {SV, "trettio", W_NUM, 30},
    {SV, "fyrtio", W_NUM, 40},
    {SV, "femtio", W_NUM, 50},
    {SV, "sextio", W_NUM, 60},
    {SV, "sjuttio", W_NUM, 70},
    {SV, "attio", W_NUM, 80},
    {SV, "nittio", W_NUM, 90},
    {SV, "hundra", W_HUNDRED, 100},
    {SV, "halv", W_HALF, 0.5},
    {SV, "halvannan", W_NUMHALF, 1.5},
    {SV, "och", W_AND, 0},
    /* Vietnamese: "mot ty dong" (other number words are common words too) */
    {L_VI, "mot", W_NUM, 1},
};

/* The entry of the n folded bytes at w in language lang, NULL when none. */
static const numword *lookup(unsigned lang, const char *w, size_t n)
{
    /* asked of every word near an amount: the first byte settles most entries before any
     * strlen */
    for (size_t k = 0; k < sizeof WORDS / sizeof WORDS[0]; k++)
        if ((WORDS[k].lang & lang) && (n == 0 || WORDS[k].w[0] == w[0]) &&
            strlen(WORDS[k].w) == n && memcmp(WORDS[k].w, w, n) == 0)
            return &WORDS[k];
    return NULL;
}

/* The value (1..99) of a number word of kind W_NUM or W_ONE at w[0..n), 0 when none. */
static double below_hundred(unsigned lang, const char *w, size_t n)
{
    const numword *e = lookup(lang, w, n);
    return e != NULL && (e->kind == W_NUM || e->kind == W_ONE) ? e->val : 0;
}

/* A Dutch or Swedish number written as one word ("vijfentwintig", "tweeenhalf",
 * "driehonderd", "tjugofem", "tvahundra"): its kind (W_NUM or W_NUMHALF) and value;
 * 0 when the word is none. */
static int compound(unsigned lang, const char *w, size_t n, double *val)
{
    static const char *const hundred[] = {"honderd", "hundra"};
    const char *h = lang == L_NL ? hundred[0] : hundred[1];
    size_t hl = strlen(h);
    if (n > 40)
        return 0; /* no number is written so long: a hostile word costs nothing */
    /* [unit] hundred [rest] */
    for (size_t p = 0; p + hl <= n; p++)
        if (memcmp(w + p, h, hl) == 0) {
            double lead = p == 0 ? 1 : below_hundred(lang, w, p);
            double rest = 0;
            size_t r = p + hl;
            if (lang == L_NL && r + 2 < n && memcmp(w + r, "en", 2) == 0 &&
                below_hundred(lang, w + r + 2, n - r - 2) > 0)
                r += 2; /* "honderdeneen" */
            if (r < n && (rest = below_hundred(lang, w + r, n - r)) == 0)
                return 0;
            if (lead == 0 || lead >= 10)
                return 0;
            *val = lead * 100 + rest;
            return W_NUM;
        }
    if (lang == L_NL) {
        /* unit "en" tens ("vijfentwintig"), unit "en" half ("tweeenhalf") */
        for (size_t p = 3; p + 2 < n; p++) {
            if (memcmp(w + p, "en", 2) != 0)
                continue;
            double u = below_hundred(lang, w, p);
            if (u == 0 || u >= 10)
                continue;
            if (n - p - 2 == 4 && memcmp(w + p + 2, "half", 4) == 0) {
                *val = u + 0.5;
                return W_NUMHALF;
            }
            double t = below_hundred(lang, w + p + 2, n - p - 2);
            if (t >= 20 && (int)t % 10 == 0) {
                *val = t + u;
                return W_NUM;
            }
        }
    } else {
        /* tens unit ("tjugofem") */
        for (size_t p = 4; p + 2 < n; p++) {
            double t = below_hundred(lang, w, p), u = below_hundred(lang, w + p, n - p);
            if (t >= 20 && (int)t % 10 == 0 && u > 0 && u < 10) {
                *val = t + u;
                return W_NUM;
            }
        }
    }
    return 0;
}

/* The kind (W_*) and value of the number word at token i, 0 when none. */
static int word_kind(const ctx *c, size_t i, double *val)
{
    if (i >= c->nt || c->t[i].kind != T_WORD || c->t[i].han)
        return 0;
    const char *w = TXT(c, i);
    size_t n = c->t[i].fl;
    const numword *e = lookup(c->lbit, w, n);
    if (e != NULL) {
        *val = e->val;
        return e->kind;
    }
    if (c->lbit & (L_NL | L_SV))
        return compound(c->lbit, w, n, val);
    return 0;
}

/* 1 when tokens a and a + 1 sit in one number: a space or a hyphen between ("twenty-five",
 * "dix-sept"), nothing else. */
static int next_joined(const ctx *c, size_t a, size_t lim)
{
    return a + 1 < lim && (bcx_gap(c, a) & ~(unsigned)(G_SPACE | G_DASH)) == 0;
}

/* "and a half" after a number in words ending before token q: "two and a half", "twee
 * en een half", "tva och en halv", "dwa i pol"; the token after it, 0 when none. */
static size_t and_a_half(const ctx *c, size_t lim, size_t q)
{
    double x;
    if (!next_joined(c, q - 1, lim) || word_kind(c, q, &x) != W_AND)
        return 0;
    q++;
    if (next_joined(c, q - 1, lim) && word_kind(c, q, &x) == W_ONE)
        q++;
    if (next_joined(c, q - 1, lim) && word_kind(c, q, &x) == W_HALF)
        return q + 1;
    return 0;
}

/* The number in words that starts at token i: its value and the token after it (*end);
 * 0 when none starts there. */
static double parse(const ctx *c, size_t si, size_t i, size_t *end)
{
    size_t lim = c->se[si].t1, k = i, h;
    double v = 0, cur = 0, x;
    int kind = word_kind(c, k, &v);
    if (kind == W_NUMHALF) {
        *end = k + 1;
        return v;
    }
    if (kind == W_HALF) {
        /* "half a billion" */
        int a = c->lbit == L_EN && next_joined(c, k, lim) && word_kind(c, k + 1, &x) == W_ONE;
        *end = k + 1 + (size_t)a;
        return 0.5;
    }
    if (kind == W_ONE) {
        /* "een half miljard", "a half", "en halv miljard", "un demi-milliard" */
        if (next_joined(c, k, lim) && word_kind(c, k + 1, &x) == W_HALF) {
            *end = k + 2;
            return 0.5;
        }
        if (!next_joined(c, k, lim) || word_kind(c, k + 1, &x) != W_HUNDRED) {
            /* "one and a half", "en och en halv" */
            h = and_a_half(c, lim, k + 1);
            *end = h > 0 ? h : k + 1;
            return h > 0 ? 1.5 : 1;
        }
    } else if (kind != W_NUM && kind != W_HUNDRED) {
        return 0;
    }
    /* a number below a thousand: its words added ("twenty-five", "dwadziescia piec"), a
     * hundred multiplying what came before ("two hundred", "a hundred") */
    for (int words = 0;; words++) {
        double w = 0;
        int kd = words == 0 || next_joined(c, k - 1, lim) ? word_kind(c, k, &w) : 0;
        if (kd == W_ONE && words == 0)
            cur = 1;
        else if (kd == W_HUNDRED && cur < 10)
            cur = (cur > 0 ? cur : 1) * 100;
        else if (kd == W_NUM && cur == 0)
            cur = w;
        else if (kd == W_NUM && w < 100 &&
                 (((int)cur % 100 == 0 && cur >= 100) ||
                  ((int)cur % 10 == 0 && cur >= 20 && (int)cur % 100 != 0 && w < 10) ||
                  (c->lbit == L_FR && cur == 10 && w >= 7 && w <= 9)))
            cur += w;
        else
            break;
        k++;
    }
    *end = k;
    if (cur < 100 && (h = and_a_half(c, lim, k)) > 0) {
        *end = h;
        return cur + 0.5;
    }
    return cur;
}

/* 1 when token k is a number word that is a number by itself (not "a", "and"). */
static int is_number_word(const ctx *c, size_t k)
{
    double x;
    int kd = word_kind(c, k, &x);
    return kd == W_NUM || kd == W_HUNDRED || kd == W_NUMHALF || kd == W_HALF;
}

/* 1 when token k joins two numbers: "and", "or", "to" and their kin. */
static int connector(const ctx *c, size_t k)
{
    static const char *const w[] = {"or",   "to", "of",    "tot",  "ou", "lub",
                                    "albo", "do", "eller", "till", NULL};
    double x;
    if (word_kind(c, k, &x) == W_AND)
        return 1;
    if (c->lbit == L_FR && bcx_word_is(c, k, k + 1, "a"))
        return 1; /* "deux a trois milliards" */
    for (int q = 0; w[q]; q++)
        if (bcx_word_is(c, k, k + 1, w[q]))
            return 1;
    return 0;
}

/* A Chinese numeral at token i: 0-9 (一 二 两 三 … 九, 零 none) as a digit, 十 百 千 as a
 * unit (*unit set), -1 when neither. */
static int zh_numeral(const ctx *c, size_t i, size_t lim, int *unit)
{
    /* asked of every Chinese character (one token each): its three bytes compared with
     * each numeral's, no lookup */
    static const char digits[] = "零一二三四五六七八九两十百千";
    static const int val[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 2, 0, 0, 0};
    static const int uval[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 100, 1000};
    *unit = 0;
    if (i >= lim || !c->t[i].han || c->t[i].kind != T_WORD || c->t[i].fl != 3)
        return -1;
    const char *w = TXT(c, i);
    for (int d = 0; d < 14; d++)
        if (memcmp(w, digits + 3 * d, 3) == 0) {
            *unit = uval[d];
            return val[d];
        }
    return -1;
}

/* A Chinese amount whose number is written in characters before 万 or 亿 ("三千五百亿元",
 * "两百万美元"), a unit alone counting one ("千亿元" 10^11, "百亿", "十亿", "千万"), or 万亿,
 * 亿 or 万 alone right after a word of passing ("突破万亿越南盾", "超亿元"): its value and
 * tokens (*n); 0 when none starts at token i or a vague count comes before it ("数百万元",
 * "几十亿"). The scale and the currency after it are read as after digits. */
static double zh_words_at(const ctx *c, size_t si, size_t i, size_t *n)
{
    static const char *const vague[] = {"数", "几", "多", "余", "第", "上", NULL};
    static const char *const passing[] = {"突破", "超过", "超", "逾", "破", "近", "过", NULL};
    const bc_lex *e = NULL;
    size_t lim = c->se[si].t1, t0 = c->se[si].t0, k = i, sn;
    int unit = 0, last = 10000, d, zero = 0;
    double total = 0, cur = -1;
    *n = 0;
    if (!c->t[i].han || c->t[i].used)
        return 0;
    if (i > t0 && (c->t[i - 1].kind == T_NUM || zh_numeral(c, i - 1, lim, &unit) >= 0))
        return 0; /* inside a number: "3.2亿", "五千万" read from its first character */
    for (int w = 0; i > t0 && vague[w]; w++)
        if (bcx_words_at(c, i - 1, lim, vague[w]) > 0)
            return 0;
    /* 万亿, 亿 or 万 alone after a word of passing: one of it */
    if (zh_numeral(c, i, lim, &unit) < 0 && (sn = bcx_lex_find2(c, C_SCALE, i, 1, &e)) > 0 &&
        e->val >= 1e4) {
        int passed = 0;
        for (int w = 0; passing[w] && !passed; w++) {
            size_t l = strlen(passing[w]) / 3; /* Chinese characters: three bytes each */
            passed = i >= t0 + l && bcx_words_at(c, i - l, i, passing[w]) == l;
        }
        if (!passed)
            return 0;
        *n = sn;
        return e->val;
    }
    while ((d = zh_numeral(c, k, lim, &unit)) >= 0) {
        if (unit > 0) {
            if (unit >= last || (cur < 0 && k > i && total == 0))
                break;
            total += (cur < 0 ? 1 : cur) * unit; /* 千亿: one thousand */
            last = unit;
            cur = -1;
        } else if (d == 0) {
            if (k == i)
                return 0; /* 零 opens no number */
            zero = 1;
        } else if (cur >= 0) {
            break; /* two digits in a row ("一二"): no number */
        } else {
            cur = d;
        }
        k++;
    }
    /* a last digit right after 百 or 千 counts in the unit below it ("三千五" 3500, "两百五"
     * 250; "一百零五" 105) */
    if (cur > 0)
        total += last >= 100 && last < 10000 && !zero ? cur * last / 10 : cur;
    /* 万 or 亿 right after it (not 千 or 百 alone: "千元" stays a count of thousands) */
    if (k == i || total <= 0 || (sn = bcx_lex_find2(c, C_SCALE, k, 1, &e)) == 0 || e->val < 1e4)
        return 0;
    *n = k - i;
    return total;
}

double bcx_fig_words_at(const ctx *c, size_t si, size_t i, size_t *n)
{
    const bc_lex *e = NULL;
    size_t lim = c->se[si].t1, end = 0, t0 = c->se[si].t0;
    *n = 0;
    if (c->lbit == L_ZH)
        return zh_words_at(c, si, i, n);
    if (c->t[i].kind != T_WORD || c->t[i].used)
        return 0;
    double v = parse(c, si, i, &end);
    if (v <= 0 || end >= lim || end == i)
        return 0;
    /* i starts it: no number in words before it runs into it ("twenty-five": not "five") */
    for (size_t j = i > t0 + 3 ? i - 3 : t0; j < i; j++) {
        size_t e2 = 0;
        if (parse(c, si, j, &e2) > 0 && e2 > i)
            return 0;
    }
    /* nor ends a number its words do not add up ("quatre-vingts", "acht twee"), nor one
     * after "and", "or", "to" ("a hundred and twenty", "two or three billion") */
    if (i > t0 && next_joined(c, i - 1, lim) && is_number_word(c, i - 1))
        return 0;
    if (i > t0 + 1 && next_joined(c, i - 1, lim) && next_joined(c, i - 2, lim) &&
        is_number_word(c, i - 2) && connector(c, i - 1))
        return 0;
    for (size_t k = i; k < end; k++)
        if (c->t[k].used)
            return 0;
    /* a scale of a million or more right after it (a word, not a letter: "m", "b"), not
     * the first part of a compound ("two billion-dollar projects": two projects, a billion
     * each) */
    size_t sn = bcx_lex_find2(c, C_SCALE, end, 1, &e);
    if (!next_joined(c, end - 1, lim + 1) || sn == 0 || e->val < 1e6 || strlen(e->pat) < 2 ||
        bcx_lex_find2(c, C_NOUN, end, 1, NULL) >= sn ||
        (end + sn < lim && (bcx_gap(c, end + sn - 1) & G_DASH)))
        return 0;
    *n = end - i;
    return v;
}

size_t bcx_fig_half_after(const ctx *c, size_t si, size_t k)
{
    size_t lim = c->se[si].t1;
    if (c->lbit != L_FR || k == 0 || k >= lim || !next_joined(c, k - 1, lim))
        return 0;
    size_t n = bcx_words_at(c, k, lim, "et demi");
    return n > 0 ? n : bcx_words_at(c, k, lim, "et demie");
}

/* 1 when letters w[0..n) are a subsequence of pat starting with its first letter. */
static int abbreviates(const char *w, size_t n, const char *pat)
{
    size_t j = 0;
    for (const char *p = pat; *p && j < n; p++)
        if (*p == w[j])
            j++;
    return j == n && w[0] == pat[0];
}

/* the scale words of the languages read, each one's abbreviations looked for in every
 * language ("$9 mlrd" in an English text) */
static const char *const SCALES[] = {"thousand", "million", "billion", "trillion", "milliard",
                                     "miliard",  "miljard", "miljon",  "miljoen",  "milion",
                                     "biljon",   "biljoen", "bilion",  "tysiac",   "tusen",
                                     "duizend",  "nghin",   "trieu",   NULL};

/* 1 when folded letters w[0..n) with vowels of them abbreviate scale word p. */
static int abbreviates_scale(const char *w, size_t n, size_t vowels, const char *p)
{
    if (n >= 3 && strlen(p) > n && strncmp(p, w, n) == 0)
        return 1; /* the head of a scale word: "bil", "mill", "thou" */
    if (vowels > 0)
        return 0;
    /* its consonants in its order, a plural's "s" after them: "mlrd", "blns" */
    return abbreviates(w, n, p) || (n > 2 && w[n - 1] == 's' && abbreviates(w, n - 1, p));
}

int bcx_fig_scale_like(const ctx *c, size_t k)
{
    const char *w = TXT(c, k);
    size_t n = c->t[k].fl, vowels = 0;
    if (c->t[k].kind != T_WORD || c->t[k].han || n < 2 || n > 5)
        return 0;
    for (size_t j = 0; j < n; j++) {
        if (w[j] < 'a' || w[j] > 'z')
            return 0; /* a folded word of Latin letters only */
        vowels += strchr("aeiouy", w[j]) != NULL;
    }
    const bc_lex *lex = c->lang->lex;
    size_t nlex = *c->lang->nlex;
    for (size_t e = 0; e < nlex; e++) /* a word the language knows is no abbreviation */
        if (lex[e].cls != C_SCALE && strlen(lex[e].pat) == n && memcmp(lex[e].pat, w, n) == 0)
            return 0;
    for (size_t e = 0; e < nlex; e++) {
        const char *p = lex[e].pat;
        if (lex[e].cls == C_SCALE && strchr(p, ' ') == NULL && (unsigned char)p[0] < 0x80 &&
            abbreviates_scale(w, n, vowels, p))
            return 1;
    }
    for (int e = 0; SCALES[e]; e++)
        if (abbreviates_scale(w, n, vowels, SCALES[e]))
            return 1;
    return 0;
}

/* short function words of the seven languages, folded, that may follow an amount
 * ("$5 per tonne", "3 mln USD i 2 mln", "5 ty dong va"), and single letters of elisions
 * ("d'", "l'") or of no scale ("x") */
static const char *const FUNCTION_WORDS[] = {
    "a",    "an",   "the",  "in",   "on",   "at",   "to",   "of",   "for",  "by",   "per",  "and",
    "or",   "as",   "is",   "was",  "from", "up",   "vs",   "via",  "each", "last", "this", "that",
    "with", "over", "than", "but",  "into", "its",  "are",  "were", "has",  "had",  "year", "en",
    "de",   "au",   "et",   "ou",   "par",  "pour", "sur",  "dans", "soit", "ce",   "le",   "la",
    "les",  "des",  "du",   "un",   "une",  "est",  "va",   "cho",  "tu",   "den",  "nam",  "so",
    "voi",  "cua",  "tai",  "con",  "dat",  "sau",  "w",    "z",    "do",   "na",   "i",    "od",
    "za",   "po",   "r",    "oraz", "ze",   "och",  "av",   "till", "pa",   "ar",   "var",  "som",
    "fran", "med",  "mot",  "van",  "tot",  "op",   "voor", "om",   "uit",  "bij",  "met",  "naar",
    "dan",  "al",   "nog",  "d",    "l",    "c",    "j",    "n",    "s",    "y",    "o",    "e",
    "u",    "x",    NULL};

int bcx_fig_word_unknown(const ctx *c, size_t k)
{
    const char *w = TXT(c, k);
    size_t n = c->t[k].fl;
    if (c->t[k].kind != T_WORD || c->t[k].han || n < 1 || n > 4)
        return 0;
    for (size_t j = 0; j < n; j++)
        if (w[j] < 'a' || w[j] > 'z')
            return 0; /* a folded word of Latin letters only */
    const bc_lex *lex = c->lang->lex;
    size_t nlex = *c->lang->nlex;
    for (size_t e = 0; e < nlex; e++) /* a word the language knows, or its own scale */
        if (strlen(lex[e].pat) == n && memcmp(lex[e].pat, w, n) == 0)
            return 0;
    for (int e = 0; FUNCTION_WORDS[e]; e++)
        if (strlen(FUNCTION_WORDS[e]) == n && memcmp(FUNCTION_WORDS[e], w, n) == 0)
            return 0;
    return 1;
}

/* Scale words of the other languages read, folded, whose value no language read gives
 * otherwise, for an amount in a text of another language ("VND 5,4 ngan ty" in English,
 * "CNY 3,3亿" in French). Ambiguous ones are left out: "billion" (1e12 in French), "bln"
 * (1e12 in Polish), "ti" (ten in Swedish), pinyin "yi" (also "one"); after an amount they
 * are unknown words, so the amount is refused. "mm" is the million of US finance. */
static const struct {
    const char *w;
    double v;
} FOREIGN_SCALES[] = {
    {"nghin", 1e3},     {"ngan", 1e3},      {"trieu", 1e6},     {"ty", 1e9},
    {"亿", 1e8},        {"万", 1e4},        {"mm", 1e6},        {"tys", 1e3},
    {"tysiecy", 1e3},   {"tusen", 1e3},     {"duizend", 1e3},   {"mille", 1e3},
    {"million", 1e6},   {"millions", 1e6},  {"miljon", 1e6},    {"miljoner", 1e6},
    {"miljoen", 1e6},   {"miljoenen", 1e6}, {"milion", 1e6},    {"milionow", 1e6},
    {"miliony", 1e6},   {"mln", 1e6},       {"mio", 1e6},       {"milliard", 1e9},
    {"milliards", 1e9}, {"miljard", 1e9},   {"miljarder", 1e9}, {"miljarden", 1e9},
    {"miliard", 1e9},   {"miliardow", 1e9}, {"miliardy", 1e9},  {"mld", 1e9},
    {"mlrd", 1e9},      {"mds", 1e9},       {"mdr", 1e9},       {"biljon", 1e12},
    {"biljoen", 1e12},  {"bilion", 1e12},   {NULL, 0}};

double bcx_fig_foreign_scale(const ctx *c, size_t k)
{
    if (k >= c->nt || c->t[k].kind != T_WORD)
        return 0;
    const char *w = TXT(c, k);
    size_t n = c->t[k].fl;
    for (int e = 0; FOREIGN_SCALES[e].w; e++)
        if (strlen(FOREIGN_SCALES[e].w) == n && memcmp(FOREIGN_SCALES[e].w, w, n) == 0)
            return FOREIGN_SCALES[e].v;
    return 0;
}
