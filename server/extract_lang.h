/* extract_lang.h: the word tables behind bc_extract, internal to server/extract*.c. One
 * table per language (extract_lang_<code>.c); each entry is a folded word sequence (lower
 * case, no diacritics, as bc_text_fold gives it), the class of thing it marks and a value
 * for that class. Chinese entries are written without spaces: each Han character of a
 * pattern meets one token of the text. */
#ifndef BC_EXTRACT_LANG_H
#define BC_EXTRACT_LANG_H

#include <stddef.h>

/* languages, as bits */
enum { L_PL = 1, L_SV = 2, L_NL = 4, L_EN = 8, L_VI = 16, L_FR = 32, L_ZH = 64 };

/* How a pattern meets the folded words of the text:
 * M_EXACT  every word equal;
 * M_PREFIX every pattern word begins the text word (inflections: "turyst" ~ "turystow");
 * M_INFIX  one pattern word found inside one text word (compounds: "arbetsdelegationer");
 * M_SUFFIX one pattern word ends one text word ("vagbron" ends with "bron");
 * M_HEAD   one pattern word is the head of a compound: it ends a longer text word, after
 *          a first part of three letters or more ("kwartaaloverleg", "gransmote"), never
 *          alone ("overleg": the plain word has entries of its own) nor first
 *          ("overlegorgaan", a body, is no talks). */
enum { M_EXACT, M_PREFIX, M_INFIX, M_SUFFIX, M_HEAD };

/* what an entry marks; val says more for some classes */
enum {
    C_SCALE = 1,     /* val: multiplier (1e3, 1e4, 1e6, 1e8, 1e9, 1e12) */
    C_CURRENCY,      /* a word for a currency; val: CUR_* */
    C_CUR_ADJ,       /* "amerikanska" in "amerikanska dollar"; val: CUR_* */
    C_QUAL_OVER,     /* more than */
    C_QUAL_NEARLY,   /* nearly, almost */
    C_QUAL_ABOUT,    /* about, approximately */
    C_QUAL_UNDER,    /* less than */
    C_QUAL_EXPECTED, /* expected, projected: a forecast (a target figure) */
    C_TARGET,        /* a goal: target, strive, aim, phan dau, 力争 */
    C_ESTIMATE,      /* estimated: a plan when said of an investment */
    C_MONEY_CUE,     /* what an amount of money measures; val: MM_* */
    C_UP,            /* growth */
    C_DOWN,          /* decline */
    C_UP_AFTER,      /* growth said after the rate: "o 21 proc. wiecej", "5% more" */
    C_DOWN_AFTER,    /* decline said after the rate: "o 3 proc. mniej" */
    C_PCT,           /* per cent written as a word */
    C_MONTH,         /* val: month 1..12 */
    C_CARD,          /* val: cardinal 1..12 written as a word */
    C_ORD,           /* val: ordinal 1..30 written as a word */
    C_MONTHS,        /* the word "months" */
    C_HALF,          /* "half (year)" */
    C_QUARTERS,      /* "quarter(s)" of a year */
    C_FIRST,         /* "first" of "first nine months" */
    C_THIS_YEAR,     /* "this year": the year of the publication date */
    C_LAST_YEAR,     /* "last year": the year before it */
    C_NEXT_YEAR,     /* "next year": the year after it */
    C_REL_MONTH,     /* "last month" (val -1), "this month" (0), "next month" (1); "earlier
                      * this month" (-0.5): this month, said to be gone by in part */
    C_NUMBER_OF,     /* "the number of", "liczba", "antalet" */
    C_MEET,          /* a meeting noun; val: K_* (K_GENERIC when it names no mechanism) */
    C_TALKS,         /* talks, a working session, a reception: a meeting without a number */
    C_MECH,          /* a phrase naming a kind of mechanism; val: K_* */
    C_MECH_CUE,      /* words that make a kind a mechanism's name: annual, party secretaries */
    C_FUTURE,        /* future tense marker */
    C_LOC,           /* locative preposition: in, w, i, tai */
    C_HOST,          /* host, gospodarz, chu tri */
    C_VN,            /* Vietnam */
    C_CN,            /* China */
    C_NOUN,          /* a counted noun; val: N_* */
    C_CUE_WORK,      /* working, employed */
    C_CUE_TOURISM,   /* tourism, visiting */
    C_CUE_ENTER,     /* entering through a border gate */
    C_CUE_EXPORT,    /* exported */
    C_CUE_TRAIN,     /* training courses */
    C_CUE_COOP,      /* cooperation */
    C_SENT,          /* sent (delegations) */
    C_RECEIVED,      /* received (delegations) */
    C_TO,            /* "to" after a counted noun: delegations to X were sent */
    C_LAN_THU,       /* Vietnamese "lan thu" / "thu" before an ordinal */
    C_PROJ,          /* a word naming a kind of crossing; val: PK_* bits */
    C_HELD,          /* "took place", "was held" */
    C_ARTICLE,       /* the, de, den: not part of a name at the start of a sentence */
    C_YEAR_WORD,     /* the word "year" before a year: ar 2024, nam 2024 */
    C_COUNT_WORD,    /* "four provinces": a number word of members, val: the count */
    C_CONVERT,       /* "equivalent to", "约合", "soit": an amount restated in another currency */
    C_SAME_DAY,      /* "the same day", "cung ngay", "当天": the date of the day last named */
    C_BOTH_SIDES,    /* "the two sides", "hai ben", "双方": both countries take part */
    C_PAIR,          /* "pair", "cap", "paire", "par": two gates named as one crossing */
    C_FACES,   /* "faces", "opposite", "fait face a", "相接": the other side of a crossing */
    C_COMPARE, /* "compared with", "so voi", "比": the year after it is a comparison's */
    C_MINUTES, /* "minutes", "bien ban", "纪要": a document named after a meeting */
    C_LINKS,   /* "linking", "between", "reliant", "noi", "miedzy": a crossing between two
                * places named after it */
    C_SPEND,   /* what money is spent on, after "to", "for", "na", "de", "用于": building,
                * upgrading, expanding (an amount for that is an investment) */
    /* a deadline: "before", "truoc", "avant", "前" (after the date in Chinese) */
    C_DEADLINE,
    C_RATE,        /* "exchange rate", "ty gia", "汇率", "taux de change", "kurs": an amount after
                    * it is a rate, not an amount of money */
    C_PER,         /* "per", "par", "每": "24,500 VND per USD" is a rate or a price */
    C_BACKREF,     /* "of which", "of the total", "trong do", "其中", "dont", "z czego", "varav",
                    * "waarvan": the sentence continues the figure before it */
    C_SAME_PERIOD, /* "in the same period", "cung ky", "同期": the period stated before
                    * (not after a comparison word: "so voi cung ky" is a change's basis) */
    C_WHOLE_YEAR,  /* "the whole year", "ca nam", "全年", "l'ensemble de l'annee" */
    C_BY,          /* "by", "them", "了", "de", "o", "med", "met" between a growth word and an
                    * amount: the amount is a change (val 1: "by" even a few words after it) */
    C_CROP,        /* crops, planting, farming: hectares of them are a crop area */
    C_SINCE,   /* "since", "ke tu", "depuis", "sinds", "sedan" before a date, "以来", "后" after
                * it: a point things are counted from, not when a meeting took place */
    C_WEEKDAY, /* "Tuesday", "mardi", "dinsdag", "wtorek", "tisdag", "星期二"; val: 1 Monday..7,
                * WEEKDAY_LAST_WEEK + that for a day of the week before ("上周四") */
    C_REL_DAY, /* "yesterday", "hier", "hom qua", "昨天": val days from the reference day (-1) */
    C_MECH_SHORT,  /* "of the group", "komitetu", "kommittens": the bare head of a mechanism's
                    * name, naming its kind (val: K_*) only right after a numbered meeting's
                    * noun or as the possessive right before its ordinal */
    C_NEXT_DAY,    /* "the previous day", "dzien wczesniej", "de dag ervoor", "dagen darpa": val
                    * days from the day last named (-1 the day before, 1 the day after) */
    C_FROM,        /* "a partir du", "tu ngay", "从": the day after it is when something starts */
    C_OFFICE,      /* a person's office: "Vice Chairman", "Pho Chu tich", "副主席", "vice-maire":
                    * a province named next to it is part of a person's title, not a party */
    C_OFFICE_LINK, /* what may stand between an office and its province: "of", "the",
                    * "provincial", "tinh", "de", "省", and the bodies that confer offices
                    * ("People's Committee", "UBND", "人民委员会"): alone, no title */
    C_GATE_QUAL,   /* a crossing's standing between its word and its name: "quoc te", "chinh",
                    * "song phuong", "international", "main", "principal" */
    C_SIDELINES,   /* "on the sidelines of", "en marge de", "in de marge van", "ben le",
                    * "na marginesie", "i marginalen av" before a meeting's noun, "间隙" after it:
                    * that meeting is the occasion of another, a meeting of its own */
    C_REL_WEEK,    /* "vorige week" (val -1), "volgende week" (1) beside a weekday: of that week */
    C_TIMES, /* "keer" after an ordinal: "voor de vierde keer bijeen" (extract_meet_times.c) */
    C_YEAR_BEFORE,  /* "a year earlier", "the previous year", "un an plus tot", "een jaar eerder":
                     * next to an amount compared with another, the year before that one's
                     * period (extract_fig_ref.c); C_LAST_YEAR next to it is read so too */
    C_CUE_CROSS,    /* crossing or clearing the border, carrying goods over it: "border",
                     * "cleared", "handled", "thong quan", "通行", "franchi", "granic", "grans",
                     * "grens": vehicles, containers, tonnes and passengers counted in its
                     * sentence cross it (extract_fig_count.c); val 1: a verb of crossing
                     * ("crossed", "通关", "passeren"), which makes people counted in its
                     * clause border crossings too */
    C_CUE_IMMIG,    /* people entering and leaving: "xuat nhap canh", "出入境", "entries and
                     * exits": people counted in its sentence are border crossings */
    C_PER_DAY,      /* "daily", "per day", "moi ngay", "日均", "par jour", "dziennie", "per dag",
                     * "dagelijks", "on peak days": a count in its clause is a daily rate, never a
                     * total; val PER_DAY_NEAR: only a few words after the counted noun ("1,200
                     * trucks a day"); val PER_OTHER: a rate of another time ("each month",
                     * "每月"): the store has no metric for it, so the count is not read */
    C_CUE_STAND,    /* vehicles or goods waiting, stuck, parked, or people crossing illegally:
                     * "waiting", "held up", "parking", "wachten", "滞留", "trai phep": counts of
                     * its sentence are no border traffic */
    C_REL_SPAN,     /* a time a publication date would place that holds no day: "last week",
                     * "this week" (val 0), an event's day ("the opening day of", "开幕当天",
                     * "ngay khai mac": val 1, of this or last year's event only): talks timed
                     * only so are kept undated, with those words */
    C_PRESENT_HELD, /* the present of taking place: "takes place", "a lieu", "se tient",
                     * "odbywa sie", "halls", "ager rum", "dien ra", "举行": without a
                     * publication date or a word of the past it says neither that a meeting
                     * dated by a year took place nor that it is to come
                     * (bcx_present_of_holding) */
    C_LAST_CLASS
};

/* C_TALKS values: a ceremony is a meeting only when both sides are named in it */
/* TALKS_VERB: a verb of meeting ("spotkali sie", "met") that gives way to a meeting noun
 * later in its sentence ("spotkali sie 28 lutego ... na dorocznym spotkaniu wiosennym") */
/* TALKS_VISIT: a working visit, dated by a day or two, never by the span of days it lasts
 * ("paid a working visit to Wenshan from August 20 to 22": the talks are on one of them) */
enum { TALKS_PLAIN = 0, TALKS_CEREMONY = 1, TALKS_VERB = 2, TALKS_VISIT = 3 };

/* C_FUTURE values: FUTURE_NEXT, a word for the next one ("下一轮", "下届"), names another
 * meeting than the one its sentence reports */
enum { FUTURE_PLAIN = 0, FUTURE_NEXT = 1 };

/* C_PER_DAY values */
enum { PER_DAY_ANY = 0, PER_DAY_NEAR = 1, PER_OTHER = 2 };

/* C_WEEKDAY values above this one are a day of the week before the reference's */
enum { WEEKDAY_LAST_WEEK = 10 };

/* C_TARGET value: a word of a goal that also makes a goal of an amount before it in its
 * clause, the verb last ("een omzet van 6,5 miljard dollar ten doel gesteld") */
enum { C_TARGET_AFTER = 1 };

/* currencies (C_CURRENCY, C_CUR_ADJ) */
/* CUR_OTHER: another country's currency ("HK$", "Canadian dollars", "港元"): none of the
 * four read; such an amount is refused and named (bc_extraction.other_currency) */
enum { CUR_USD = 1, CUR_CNY, CUR_VND, CUR_EUR, CUR_OTHER };

/* what money measures (C_MONEY_CUE) */
/* MM_GOODS: goods ("varor", "towarow"), turnover unless exports or imports are named
 * before it in its clause ("exporterade varor for 1,1 miljarder USD") */
/* MM_COST: what something cost ("kostade"), an investment unless a flow is named before it
 * in its clause ("Importen av maskiner kostade 200 miljoner dollar") */
/* MM_WORTH: what a thing is worth ("worth", "d'une valeur de", "wartego", "co gia tri",
 * "价值"): the measure named before it in its clause (goods, a flow), else a project's cost
 * when building or upgrading is named in the clause, else other (equipment given, fruit
 * shipped) */
enum {
    MM_TURNOVER = 1,
    MM_EXPORTS,
    MM_IMPORTS,
    MM_INVEST,
    MM_REVENUE,
    MM_OTHER,
    MM_GOODS,
    MM_COST,
    MM_WORTH
};

/* kinds of mechanism (the mechanisms.kind column) */
enum { K_GENERIC = 0, K_CONF = 1, K_WG = 2, K_COMMITTEE = 3, K_SPRING = 4 };

/* counted nouns */
enum {
    N_TOURIST = 1,
    N_DELEG,
    N_EXCH_ACT,
    N_WORKER,
    N_PEOPLE,
    N_CITIZEN,
    N_PASSPORT,
    N_HECTARE,
    N_TONNE,
    N_BANK,
    N_COMPANY,
    N_OFFICIAL,
    N_AREA,
    N_VEHICLE,   /* trucks, vehicles, lorries, xe, 辆, camions, ciezarowek, lastbilar */
    N_CONTAINER, /* containers, TEU, 标箱 */
    N_PASSENGER, /* passengers, travellers, hanh khach, 旅客, passagers, podroznych */
};

/* words naming a kind of crossing, combined into the projects.kind they describe */
enum {
    PK_BRIDGE = 1,
    PK_ROAD = 2,
    PK_RAIL = 4,
    PK_GATE = 8,
    PK_OPENING = 16,
    PK_CLEAR = 32,
    PK_ROUTE = 64,
    PK_SEA = 128,
    /* a word for a crossing that names no kind (en "crossing"): the known crossing of the
     * sides, curated first, a crossing point among them first; else a gate pair */
    PK_CROSS = 256,
    /* a crossing point of any of these kinds: what a pair named without a word for its
     * kind may be */
    PK_POINT = PK_GATE | PK_OPENING | PK_CLEAR,
};

typedef struct bc_lex {
    unsigned char cls;  /* C_* */
    unsigned char mode; /* M_* */
    unsigned char adj;  /* 1: only directly after a number (short, ambiguous words) */
    const char *pat;    /* folded words separated by one space */
    double val;
} bc_lex;

#define WE(c, p, v)                                                                                \
    {                                                                                              \
        c, M_EXACT, 0, p, v                                                                        \
    }
#define WP(c, p, v)                                                                                \
    {                                                                                              \
        c, M_PREFIX, 0, p, v                                                                       \
    }
#define WI(c, p, v)                                                                                \
    {                                                                                              \
        c, M_INFIX, 0, p, v                                                                        \
    }
#define WS(c, p, v)                                                                                \
    {                                                                                              \
        c, M_SUFFIX, 0, p, v                                                                       \
    }
#define WH(c, p, v)                                                                                \
    {                                                                                              \
        c, M_HEAD, 0, p, v                                                                         \
    }
#define WA(c, p, v)                                                                                \
    {                                                                                              \
        c, M_EXACT, 1, p, v                                                                        \
    } /* only right after the number */

/* The codes of other countries' currencies, the same in every language, and the names
 * written alike in every language read (baht, ringgit, riel, pataca, yen; right after the
 * amount only): an amount in one ("HKD 2 million", "2 triệu CAD", "2 million baht") is
 * refused and named (not_stored.other_currency), never read as one of the four currencies
 * nor dropped uncounted. One row of each language's lexicon. */
#define BC_LEX_OTHER_CURRENCY_CODES                                                                \
    WE(C_CURRENCY, "hkd", CUR_OTHER), WE(C_CURRENCY, "cad", CUR_OTHER),                            \
        WE(C_CURRENCY, "sgd", CUR_OTHER), WE(C_CURRENCY, "aud", CUR_OTHER),                        \
        WE(C_CURRENCY, "nzd", CUR_OTHER), WE(C_CURRENCY, "twd", CUR_OTHER),                        \
        WE(C_CURRENCY, "mxn", CUR_OTHER), WE(C_CURRENCY, "thb", CUR_OTHER),                        \
        WE(C_CURRENCY, "myr", CUR_OTHER), WE(C_CURRENCY, "lak", CUR_OTHER),                        \
        WE(C_CURRENCY, "khr", CUR_OTHER), WE(C_CURRENCY, "mop", CUR_OTHER),                        \
        WE(C_CURRENCY, "jpy", CUR_OTHER), WE(C_CURRENCY, "krw", CUR_OTHER),                        \
        WE(C_CURRENCY, "gbp", CUR_OTHER), WA(C_CURRENCY, "baht", CUR_OTHER),                       \
        WA(C_CURRENCY, "bahts", CUR_OTHER), WA(C_CURRENCY, "ringgit", CUR_OTHER),                  \
        WA(C_CURRENCY, "ringgits", CUR_OTHER), WA(C_CURRENCY, "riel", CUR_OTHER),                  \
        WA(C_CURRENCY, "riels", CUR_OTHER), WA(C_CURRENCY, "pataca", CUR_OTHER),                   \
        WA(C_CURRENCY, "patacas", CUR_OTHER), WA(C_CURRENCY, "yen", CUR_OTHER),                    \
        WA(C_CURRENCY, "yens", CUR_OTHER)

/* A language the extractor reads: its code, bit, word table and number marks. */
typedef struct bc_lang {
    const char *code; /* "en" */
    const char *name; /* "English" */
    unsigned bit;     /* L_* */
    const bc_lex *lex;
    const size_t *nlex;
    char thousands; /* the thousands separator that is never a decimal mark ('.' or ',') */
    /* the endings a foreign place name takes in this language, folded, each between '|'
     * (Polish "w Kunmingu", "w Wenshanie", "pod Nanningiem"; Swedish "Kunmings"): "" none */
    const char *name_endings;
} bc_lang;

/* The languages, in bc_extract_langs order; NULL-terminated by code. */
extern const bc_lang bc_langs[];
/* The language of code (NULL when unknown). */
const bc_lang *bc_lang_find(const char *code);

extern const bc_lex bc_lex_en[], bc_lex_vi[], bc_lex_zh[], bc_lex_fr[], bc_lex_pl[], bc_lex_sv[],
    bc_lex_nl[];
extern const size_t bc_lex_en_count, bc_lex_vi_count, bc_lex_zh_count, bc_lex_fr_count,
    bc_lex_pl_count, bc_lex_sv_count, bc_lex_nl_count;

#endif
