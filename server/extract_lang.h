/* extract_lang.h: the word tables behind bc_extract, internal to server/extract*.c. Each
 * entry is a folded word sequence (lower case, no diacritics, as bc_text_fold gives it)
 * of some languages, the class of thing it marks and a value for that class. */
#ifndef BC_EXTRACT_LANG_H
#define BC_EXTRACT_LANG_H

#include <stddef.h>

/* languages, as bits so one entry can serve several */
enum { L_PL = 1, L_SV = 2, L_NL = 4, L_EN = 8, L_VI = 16, L_ALL = 31 };

/* How a pattern meets the folded words of the text:
 * M_EXACT  every word equal;
 * M_PREFIX every pattern word begins the text word (inflections: "turyst" ~ "turystow");
 * M_INFIX  one pattern word found inside one text word (compounds: "arbetsdelegationer");
 * M_SUFFIX one pattern word ends one text word ("vagbron" ends with "bron"). */
enum { M_EXACT, M_PREFIX, M_INFIX, M_SUFFIX };

/* what an entry marks; val says more for some classes */
enum {
    C_SCALE = 1,     /* val: multiplier (1e3, 1e6, 1e9, 1e12) */
    C_CURRENCY,      /* a word for US dollars */
    C_CUR_ADJ,       /* "amerikanska" in "amerikanska dollar" */
    C_QUAL_OVER,     /* more than */
    C_QUAL_NEARLY,   /* nearly, almost */
    C_QUAL_EXPECTED, /* expected, planned value */
    C_UP,            /* growth */
    C_DOWN,          /* decline */
    C_PCT,           /* per cent written as a word */
    C_MONTH,         /* val: month 1..12 */
    C_CARD,          /* val: cardinal 1..12 written as a word */
    C_ORD,           /* val: ordinal 1..20 written as a word */
    C_MONTHS,        /* the word "months" */
    C_HALF,          /* "half (year)" */
    C_FIRST,         /* "first" of "first nine months" */
    C_NUMBER_OF,     /* "the number of", "liczba", "antalet" */
    C_MEET,          /* a meeting noun; val: K_* (K_GENERIC when it names no mechanism) */
    C_MECH,          /* a phrase naming a kind of mechanism; val: K_* */
    C_FUTURE,        /* future tense marker */
    C_LOC,           /* locative preposition: in, w, i, tai */
    C_HOST,          /* host, gospodarz, chu tri */
    C_VN,            /* Vietnam */
    C_CN,            /* China */
    C_TURNOVER,      /* trade turnover, import-export value */
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
};

typedef struct bc_lex {
    unsigned char langs; /* L_* bits */
    unsigned char cls;   /* C_* */
    unsigned char mode;  /* M_* */
    unsigned char adj;   /* 1: only directly after a number (short, ambiguous words) */
    const char *pat;     /* folded words separated by one space */
    double val;
} bc_lex;

extern const bc_lex bc_lex_table[];
extern const size_t bc_lex_count;

#endif
