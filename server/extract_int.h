/* extract_int.h: what the files of the extractor share (extract.c, extract_tok.c,
 * extract_date*.c, extract_fig.c, extract_meet*.c, extract_gate.c, extract_detect.c,
 * gazetteer.c): the gazetteer's layout, the tokens and sentences of an article, the
 * working context of one extraction and the functions one stage offers the next.
 * Internal: only those files and their unit tests include it. */
#ifndef BC_EXTRACT_INT_H
#define BC_EXTRACT_INT_H

#include "bordercoop/buf.h"
#include "bordercoop/extract.h"
#include "bordercoop/gazetteer.h"
#include "extract_lang.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#define NO_SENT SIZE_MAX
#define C_COUNT C_LAST_CLASS

/* ==== UTF-8 and characters ============================================================= */

/* Decodes the code point at s[i] (the text is known to be valid UTF-8). */
static inline size_t dec(const char *s, size_t n, size_t i, unsigned *cp)
{
    const unsigned char *p = (const unsigned char *)s + i;
    size_t left = n - i;
    size_t len = 1;
    *cp = p[0];
    if (p[0] >= 0xF0 && left >= 4) {
        *cp = ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
              (p[3] & 0x3Fu);
        len = 4;
    } else if (p[0] >= 0xE0 && left >= 3) {
        *cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        len = 3;
    } else if (p[0] >= 0xC0 && left >= 2) {
        *cp = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        len = 2;
    }
    return len;
}

/* The start of the code point that ends just before byte i. */
static inline size_t prev_cp(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static inline int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static inline int is_space_cp(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007 ||
           cp == 0x3000 || cp == 0x200B;
}

static inline int is_dash_cp(unsigned cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

/* Han characters (CJK unified ideographs and their extensions): one token each. */
static inline int is_han(unsigned cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

/* Upper-case (and title-case) letters of any script. */
static inline int is_upper(unsigned cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static inline int is_lower(unsigned cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

/* Copies n bytes of UTF-8 into dst[cap], cut at a character boundary when too long. */
static inline void copy_utf8(char *dst, size_t cap, const char *src, size_t n)
{
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static inline void copy_str(char *dst, size_t cap, const char *src)
{
    copy_utf8(dst, cap, src, strlen(src));
}

/* ==== the gazetteer (filled by gazetteer.c) ============================================ */

/* kinds of names; E_PLACE: a side of a known crossing (Hekou, Mong Cai), id "VN" or "CN" */
enum { E_PROVINCE = 1, E_PERSON, E_MECHANISM, E_PROJECT, E_MEETING, E_PLACE };

typedef struct gz_alias {
    int entity;
    size_t id;    /* pool offset of the entity id */
    size_t words; /* pool offset of the folded words, each NUL-terminated */
    int nwords;
    size_t next; /* the next alias (index + 1) with the same first word, 0 at the end */
} gz_alias;

typedef struct gz_province {
    size_t id;
    size_t merged_into; /* pool offset of the province it became part of, 0 none */
    int cn;             /* 1: a Chinese province */
} gz_province;

typedef struct gz_mech {
    size_t id;
    size_t members; /* " lai-chau yunnan " */
    int nmembers;
    int kind; /* K_* or -1 */
} gz_mech;

typedef struct gz_project {
    size_t id, kind;
    size_t vn, cn;           /* the sides as recorded, "" when none */
    size_t vn_keys, cn_keys; /* "|key|key|#|weak|": slugs of each side and of its parts */
    /* a line named by its Vietnamese side alone (no Chinese side, several words: "Lao Cai -
     * Hanoi - Hai Phong"): that side's slug with spaces for its hyphens, the words
     * bcx_words_at finds in a sentence; 0 ("") for any other project */
    size_t line_words;
    unsigned kmask; /* the PK_* words its kind implies */
    int curated;    /* 1 for a curated or reviewed project, 0 for an extracted one */
} gz_project;

struct bc_gazetteer {
    bc_buf pool;
    gz_alias *al;
    size_t nal, capal;
    size_t *slots; /* hash of first words: alias index + 1 of a chain's head, 0 empty */
    size_t nslots;
    gz_province *pv;
    size_t npv, cappv;
    gz_mech *me;
    size_t nme, capme;
    gz_project *pr;
    size_t npr, cappr;
    char print[65]; /* bc_gazetteer_fingerprint: hex SHA-256 of the rows loaded, "" by hand */
};

#define GZ(g, off) ((g)->pool.data + (off))

/* The bytes of an alias's first word that the index is keyed on: the whole word, or its
 * first character for a Chinese name. */
size_t bcx_gz_key_len(const char *w);
/* The first alias (index + 1, 0 when none) of the chain keyed on the n bytes at key;
 * walk on with al[i - 1].next and compare (chains mix keys). */
size_t bcx_gz_first(const bc_gazetteer *g, const char *key, size_t n);
/* The PK_* words a projects.kind implies. */
unsigned bcx_kind_mask(const char *kind);
/* Appends to out the key a crossing's side is compared by: the slug of the n bytes at s
 * without its hyphens, so spacing, hyphens, case and diacritics do not tell names apart
 * ("Dong Zhong", "Dongzhong", "Đông-zhong"). Sets out's failed flag on ENOMEM. */
void bcx_side_key(const char *s, size_t n, bc_buf *out);
/* The i-th border place of China (cn = 1) or Vietnam, its names joined by '|' ("Mong
 * Cai|Móng Cái|芒街"); NULL past the last (gazetteer_places.c, static storage). */
const char *bcx_border_place(int cn, size_t i);
/* The province id the i-th border place lies in ("yunnan" for Wenshan), "" for none of
 * the border provinces (Hanoi); NULL past the last. */
const char *bcx_border_place_province(int cn, size_t i);
/* 1 when the n bytes at side name a capital among the border places of China (cn = 1)
 * or Vietnam (Hanoi, Nanning, Kunming), compared by bcx_side_key; else 0. */
int bcx_border_place_capital(int cn, const char *side, size_t n);
/* The name of the border place of China (cn = 1) or Vietnam that side is one of, compared
 * by bcx_side_key, into out[cap]: the spelling a project of g (may be NULL) records for the
 * place, curated ones first ("Basa", "坝洒" -> "Ba Sai"), else the first of its names
 * ("友谊" -> "Huu Nghi"); "" when the gazetteer knows no such place or side is already
 * written so. */
void bcx_border_place_canonical(const bc_gazetteer *g, int cn, const char *side, char *out,
                                size_t cap);
/* Gate i of gates: its sides by the names the store gives their places
 * (bcx_border_place_canonical into vn_name, cn_name), copied from one of the 16 gates before it
 * of the same side when there is one, as a long article tells the same crossing again and
 * again. */
void bcx_gate_canonical_sides(const bc_gazetteer *g, bc_xgate *gates, size_t i);
/* The names of the first border place (Vietnam's, then China's) one of whose names has the
 * slug (bc_text_slug) of n bytes at slug ("hekou" -> "Hekou|河口|Hà Khẩu"); NULL for none.
 * Static storage; the slugs are computed once, thread-safe. */
const char *bcx_border_place_by_slug(const char *slug, size_t n);

/* ==== the article: tokens, sentences and what was found in them ======================== */

enum { T_WORD = 1, T_NUM, T_DATE };
enum { U_DATE = 1, U_ORD, U_PCT, U_FIG };

typedef struct tok {
    size_t start, end; /* bytes of the text */
    size_t fo, fl;     /* folded form in ctx.fold (numbers and dates: as written) */
    size_t sent;       /* sentence index */
    double num;        /* T_NUM: the value */
    double num_alt;    /* T_NUM: the value with an ambiguous separator read as decimal */
    char iso[11];      /* T_DATE: the date ("--MM-DD" without a year) */
    unsigned char kind, upper, glued, used, meet, han;
    unsigned char ambig, plain, integral, ndig;
    unsigned char tense;  /* TENSE_*: the nearer of a future and a "held" word of its sentence */
    unsigned char words;  /* a number written in words read as money: its tokens (0: one) */
    uint64_t lex_none[2]; /* lexicon classes known to match nothing here (bcx_lex_find) */
} tok;

/* tok.tense: the words of its sentence nearest to a token speak of what will happen ("will
 * be held", "将于", "se tiendra", "would host") or of what took place ("was held", "举行",
 * "a eu lieu"); a "held" word after a future word of its clause is the future's. */
enum { TENSE_NONE = 0, TENSE_FUTURE, TENSE_PAST };

typedef struct sent {
    size_t qs, qe;          /* the quote bytes */
    size_t t0, t1;          /* its tokens */
    size_t h0, h1;          /* its names in ctx.h */
    size_t d0, d1;          /* its dates in ctx.d */
    unsigned nment;         /* meetings mentioned in it */
    unsigned char future;   /* it speaks of what will happen */
    unsigned char heading;  /* the first line of the article, when more text follows */
    unsigned char yearless; /* it wrote a month no year completes, and no reference date
                             * was given ("4月下旬" read without published_on) */
    size_t unread;          /* the token + 1 of a month or day it counts from a reference date
                             * that was not given ("本月上旬", "last month", "yesterday"
                             * without published_on or a dateline), 0 none */
    unsigned char vn_named; /* Chinese: it names a person an earlier sentence titled as
                             * Vietnamese ("…会见了阮文山一行": extract_meet_person.c) */
    uint64_t has_known;     /* classes bcx_sent_has has looked for (bit 1 << C_*) */
    uint64_t has;           /* and found */
} sent;

/* a date or period; prec: 0 period, 1 year, 2 month, 3 day */
typedef struct xd {
    char iso[24];
    size_t t0, t1;
    int prec;
    int inferred;  /* the year comes from the reference date */
    int used;      /* 2: taken as a figure's period; 1: the date of a project next to its cost */
    int compare;   /* the base of a comparison ("up 22% compared with 2022") */
    int same_day;  /* "the same day", "cung ngay", "当天": the day last named (2: that day
                    * lies two sentences or more before it) */
    size_t ref;    /* same_day: the index + 1 of that day in ctx.d */
    int taken;     /* a meeting took this date as its own */
    char span[16]; /* a span of two days of one month: its first day, else "" */
    int weekday;   /* "on Tuesday", "yesterday": a meeting's day, never a figure's period */
    int dateline;  /* the article's dateline: when it was filed, dates nothing */
    int rel;       /* "the next day", "la veille", "次日": days from the day of the meeting last
                    * narrated (bcx_resolve_mentions puts that day's date in iso; until then
                    * it holds the day last named), 0 for any other date */
    int rel_year;  /* a relative year opens its clause ("vorig jaar eind februari"): its year
                    * is that one's (none without a reference date), never a name's */
} xd;

typedef struct hit {
    size_t t0, t1;
    int entity;
    const char *id;
} hit;

/* A date found at a token: its ISO form, tokens and precision (0 period, 1 year, 2 month,
 * 3 day). */
typedef struct dres {
    char iso[24];
    size_t n;
    int prec;
    int inferred;
    int same_day;    /* "the same day": the day last named */
    size_t ref;      /* same_day: the index + 1 of that day in ctx.d */
    int weekday;     /* "on Tuesday", "yesterday": a day counted from the reference date */
    int rel;         /* "the next day": days from the day last narrated (xd.rel) */
    size_t unplaced; /* not found: the tokens of a period only a reference date would place
                      * ("arets forsta nio manader" without one), else 0 */
} dres;

typedef struct mention {
    size_t sent, t0, t1;   /* tokens of the ordinal and the noun */
    size_t noun, noun_end; /* the meeting noun */
    int noun_kind;         /* K_* named by the noun itself */
    int xkind;             /* BC_XM_* */
    int ord;
    int kind; /* resolved K_*, -1 when unknown */
    const char *mech;
    int mech_inferred; /* resolved from the article, not the sentence */
    char date[16];
    int date_inferred;
    int date_src;         /* 0 none, 1 stated in the sentence, 2 from another mention of it */
    char date_period[24]; /* the period within one year it is to take place in, when its
                           * date is that year ("2027-07/2027-09"), else "" */
    int weak;             /* talks whose sentence names one side only */
    int same_day;         /* its date is "the same day" as another statement's */
    int planned;          /* its words say it is to come ("the next", "will be held") */
    int visit;            /* a working visit: a span of three days or more is not its date */
    unsigned char occ;    /* bcx_occasion_of once asked: 0 not yet, 1 no, 2 yes */
    int prepared;    /* only what its sentence prepares ("第五次会议的筹备工作"): to come,
                      * no date of that sentence its own */
    int sideline;    /* talks on the sidelines of another meeting: a meeting of their own */
    size_t named_by; /* talks named by their date (index + 1 in ctx.d, 0 none): "The June
                      * 12 plenary session", "Tuesday's meeting", "last April's session";
                      * that is their date, and a meeting of that day stated before
                      * is they */
    int previous;    /* "het vorige overleg", "de vorige editie": the one before, which
                      * took place (a month dates it) */
    size_t elided_of;      /* an ordinal alone whose noun its sentence named before with another
                            * number ("the fifth conference ... to hold the seventh"): that
                            * mention's index + 1, whose body it is of; 0 none */
    size_t date_sent;      /* the sentence + 1 its date was read from when not its own (a
                            * delegation's arrival told just before: "Le 14 mars, une delegation
                            * ... est arrivee. Lors de la seance de travail, ..."), else 0 */
    int back_tense;        /* the tense of the sentence pointing back at it that gave its date
                            * (bcx_next_says_when): 1 to come, -1 took place, 0 none */
    int other_body;        /* its words make its body another than any known mechanism: a city
                            * or prefecture is a party of it, or it is the parties' own
                            * ("their joint working committee") and they are not all the members */
    unsigned date_refused; /* the date its sentence gives was completed (its year the
                            * reference date's) while the story told before it is of another
                            * time: why, bcx_completion_doubt's BC_XD_* bit (0 none);
                            * withheld, the meeting kept */
    unsigned date_doubts;  /* BC_XD_* bits: how its date was attached (bcx_weigh_dates) */
    double date_conf;      /* the confidence of its date (1 when not doubted); below
                            * BC_X_MIN_CONFIDENCE its date was withheld */
} mention;

typedef struct ctx {
    const char *s;
    size_t n;
    const bc_lang *lang;
    unsigned lbit;
    int ry, rm, rd; /* the reference date, 0 when unknown */
    int dlm, dld;   /* the month and day of the dateline ("6月12日电", "HANOI, June 12 (VNA) -"),
                     * 0 when none */
    const bc_gazetteer *g;
    bc_buf fold;
    unsigned short *ix; /* lexicon entries by class: free ones, then keyed by pattern */
    unsigned *gap;      /* per token: bcx_gap to the next one (bcx_index_gaps) */
    size_t *pcomma;     /* per token: clause breaks before it */
    size_t *phan;       /* per token: Chinese tokens before it */
    size_t cls_lo[C_COUNT + 1];
    size_t cls_key[C_COUNT]; /* where class k's keyed entries start (bcx_build_index) */
    tok *t;
    size_t nt, capt;
    sent *se;
    size_t ns, capse;
    xd *d;
    size_t nd, capd;
    hit *h;
    size_t nh, caph;
    mention *m;
    size_t nm, capm;
    size_t *sm_at, *sm_k;     /* the mentions of sentence si: sm_k[sm_at[si] .. sm_at[si + 1]) */
    size_t sm_n;              /* the mentions that index covers (bcx_index_mentions) */
    size_t *visit_k, nvisit;  /* the mentions of visits, in order (bcx_index_mentions) */
    unsigned char *occ;       /* per mention, bcx_occasion_of once asked: 0 not yet, 1 no, 2 yes */
    struct bcx_ordinal *ords; /* the numbered mentions of a body by number, then order */
    size_t nords, ords_n;     /* how many; the mentions they cover (bcx_index_ordinals) */
    size_t *para; /* the first sentence of each sentence's paragraph (bcx_index_paragraphs) */
    bc_extraction *out;
    size_t capfo, capmo, capgo, capdo, capuo, capro, capoc;
    int rc;
} ctx;

#define TXT(c, i) ((c)->fold.data + (c)->t[i].fo)

/* What the bytes between token a and token a+1 hold. */
enum {
    G_SPACE = 1,
    G_DASH = 2,
    G_DOT = 4,
    G_COMMA = 8,
    G_PAREN = 16,
    G_OTHER = 32,
    G_PCT = 64,
    G_DOLLAR = 128,
    G_OPEN = 256,
    G_CLOSE = 512,
    G_SLASH = 1024,
    G_EURO = 2048,
    G_YUAN = 4096, /* ¥ */
    G_QUOTE = 8192,
    G_POUND = 16384, /* £: another country's currency */
};

/* ---- extract_tok.c ---- */

/* Indexes the lexicon entries of c->lang by class. Returns BC_OK or BC_ENOMEM. */
int bcx_build_index(ctx *c);
/* Cuts the text into sentences (at most BC_X_MAX_SENTENCE bytes each), then into
 * tokens, then gives each token its sentence and each sentence its tokens. */
void bcx_split_sentences(ctx *c);
void bcx_tokenize(ctx *c);
void bcx_assign_sentences(ctx *c);
/* Finds every gazetteer alias in the tokens (c->h, sentence by sentence). */
void bcx_find_names(ctx *c);
/* What the bytes between token a and token a+1 hold (G_* bits). */
unsigned bcx_gap(const ctx *c, size_t a);
/* Computes every gap once (c->gap) and the running counts of clause breaks (commas,
 * brackets) and Chinese tokens, so distances in clauses cost O(1). */
void bcx_index_gaps(ctx *c);
/* The clause breaks (comma or bracket gaps) among tokens [min(a,b), max(a,b)). */
size_t bcx_commas(const ctx *c, size_t a, size_t b);
/* The Chinese tokens among tokens [min(a,b), max(a,b)). */
size_t bcx_han_tokens(const ctx *c, size_t a, size_t b);
/* 1 when tokens a and a+1 sit in one phrase: only spaces and hyphens between them
 * (nothing between two Chinese characters). */
int bcx_joined(const ctx *c, size_t a);
/* The token after the last of token i's sentence. */
size_t bcx_sent_end(const ctx *c, size_t i);
/* The longest lexicon entry of class cls at token i (adjacent-only entries when adj is
 * set): its length in tokens (0 when none), the entry in *out (may be NULL). */
size_t bcx_lex_find2(const ctx *c, int cls, size_t i, int adj, const bc_lex **out);
/* Marks at every word token the classes no entry of which can match there (none starts
 * with its Chinese character, or with its first byte and the class has no entry matched
 * inside a word): their lookups answer "none" at once (extract_lex.c). After bcx_tokenize;
 * c->rc BC_ENOMEM on failure. */
void bcx_lex_mark_impossible(ctx *c);
/* The tokens the Chinese word p (wl bytes, no space) covers at token k (< lim), one per
 * character, 0 when it does not match (a gazetteer alias's word). */
size_t bcx_char_word_at(const ctx *c, const char *p, size_t wl, size_t k, size_t lim);
/* bcx_lex_find2 without the adjacent-only entries. Inline: a long article asks it tens of
 * millions of times, and most answers are the "none" the token remembers (bcx_lex_find2),
 * read here without a call. */
static inline size_t bcx_lex_find(const ctx *c, int cls, size_t i, const bc_lex **out)
{
    if (i < c->nt && cls >= 0 && cls < 128 && ((c->t[i].lex_none[cls / 64] >> (cls % 64)) & 1) != 0)
        return 0;
    return bcx_lex_find2(c, cls, i, 0, out);
}
/* The longest entry of class cls ending exactly at token end - 1, starting at or after
 * lo: its first token, or SIZE_MAX when none. */
size_t bcx_lex_ending(const ctx *c, int cls, size_t lo, size_t end, const bc_lex **out);
/* 1 when tokens [lo, hi) hold a phrase of class cls (val < 0: any value). */
int bcx_range_has(const ctx *c, size_t lo, size_t hi, int cls, double val);
/* 1 when sentence si holds a phrase of class cls (val < 0: any value). */
int bcx_sent_has(const ctx *c, size_t si, int cls, double val);
/* 1 when token i (< lim) is the folded word w. */
int bcx_word_is(const ctx *c, size_t i, size_t lim, const char *w);
/* 1 when number token i (< lim) is a Swedish ordinal written with a colon ("17:e", "1:a"):
 * its ending the next token, only the colon between. */
int bcx_colon_ordinal(const ctx *c, size_t i, size_t lim);
/* The number of a meeting written at token i (< lim) before its noun ("11th", "XV", "XIe",
 * "11.", "17:e", "lan thu 11", "第十次", "首届", words of C_ORD): its value, its tokens in *n;
 * 0 when none (extract_meet_ordinal.c). */
int bcx_ordinal_at(const ctx *c, size_t i, size_t lim, size_t *n);
/* bcx_words_at once its first token is known to match (or w starts with a space or is
 * empty). */
size_t bcx_words_from(const ctx *c, size_t i, size_t lim, const char *w);
/* The number of tokens the folded words of w cover at token i (< lim), 0 when they do
 * not match: Latin words one token each, Chinese characters one token each. Inline: most
 * calls fail at the first token, a word token of w's first bytes (Chinese characters share
 * their first byte, so the whole token is compared; a NUL of w ends it unmatched). */
static inline size_t bcx_words_at(const ctx *c, size_t i, size_t lim, const char *w)
{
    if (*w != '\0' && *w != ' ') {
        if (i >= lim || c->t[i].kind != T_WORD || c->t[i].fl == 0)
            return 0;
        const char *tx = TXT(c, i);
        if (tx[0] != w[0])
            return 0;
        for (size_t q = 1; q < c->t[i].fl; q++)
            if (w[q] != tx[q] || w[q] == '\0')
                return 0;
    }
    return bcx_words_from(c, i, lim, w);
}

/* ---- extract_date.c ---- */

/* The year (1900..2100) written as token i, else 0. */
int bcx_year_of(const ctx *c, size_t i, size_t lim);
/* A count 1..12 at token i in digits or words; its tokens in *n. */
int bcx_count_at(const ctx *c, size_t i, size_t lim, size_t *n);
/* Marks the tense of every token of the article (tok.tense). */
void bcx_mark_tense(ctx *c);
/* 1 when token k, a word of what is to come, opens the second of two verb phrases of one
 * subject: a joining word right before it, an auxiliary between at most ("... reviewed
 * the 5th meeting in Lai Chau on October 30, 2025 and agreed to hold the 7th", "va
 * thong nhat to chuc", "et ont convenu d'organiser", "并商定"), not before token lo. What
 * is to come is what follows it, not the phrase before. */
int bcx_joined_phrase(const ctx *c, size_t k, size_t lo);

/* 1 when a date at token i speaks of the future: its tense, or, when no word near it says,
 * its sentence's. */
int bcx_future_at(const ctx *c, size_t i);
/* The tense at token i: 1 it speaks of the future (bcx_future_at), -1 a word near it
 * says it took place (TENSE_PAST), 0 neither. */
int bcx_tense_at(const ctx *c, size_t i);
/* Finds the dates and periods of every sentence (c->d). */
void bcx_find_dates(ctx *c);
/* How the words next to date d bound it (BCX_BOUND_* bits, 0 when none): a date things
 * run from ("tu ngay 1/7", "a partir du 1er juillet", "从7月1日起"), one they run since
 * ("since 2023", "自2023年以来"), a deadline ("avant le 30 septembre", "by the end of
 * 2026", "6月30日前"). */
enum { BCX_BOUND_FROM = 1, BCX_BOUND_SINCE = 2, BCX_BOUND_DEADLINE = 4 };
unsigned bcx_date_bound(const ctx *c, const xd *d);
/* 1 when the year date d of sentence si is written in a meeting's name, right after or
 * before its words, or in Chinese opening a clause that ends with them (extract_date_year.c). */
int bcx_name_year(const ctx *c, size_t si, const xd *d);
/* 1 when date d is written beside the words of a meeting at tokens [i, i + n), as part of
 * its name: right after them, a word between at most, or before them with no conjunction
 * between ("the 2024 joint working committee conference", not "in 2024, and at the Spring
 * Meeting"); in Chinese a written year opening the clause the words end, no other meeting's
 * words between ("2021年中国广西与越南边境四省党委书记新春会晤") (extract_date_year.c). */
int bcx_date_beside_name(const ctx *c, const xd *d, size_t i, size_t n);
/* 1 when the year date d follows mention m after nothing but the name of its body and the
 * places of that body ("the 15th conference of the Joint Working Committee of Quang Ninh,
 * Lang Son and Guangxi in 2024", "...du Guangxi en 2024", "...va Quang Tay nam 2024"): the
 * year is the meeting's as if written next to it (extract_date_year.c). */
int bcx_year_after_body(const ctx *c, const mention *m, const xd *d);
/* Passes over the dates of sentence si (extract_date_year.c): a day without a written year
 * takes the year of a relative year opening its clause (bcx_rel_year_days), or the year
 * written in a meeting's name in the sentence (bcx_name_year_days, which also drops the
 * months without a year no name completed, marking the sentence yearless). */
void bcx_rel_year_days(ctx *c, size_t si);
void bcx_name_year_days(ctx *c, size_t si);
/* 1 when Dutch sentence si opens by pointing back at a meeting: "Die ontmoeting", "Deze
 * vergadering" (extract_date_year.c). */
int bcx_nl_opens_with_that_meeting(const ctx *c, size_t si);
/* The year written in a meeting's name that is the only date of the sentence before Dutch
 * sentence si, which points back at it in the same paragraph ("... in de marge van de
 * Voorjaarsontmoeting 2019, .... Die ontmoeting werd op 22 maart ... gehouden"), else 0
 * (extract_date_year.c). */
int bcx_nl_back_name_year(const ctx *c, size_t si);
/* A day without a written year a week at most after a day of the same month its sentence
 * writes with its year, or after that month with its year ("in June last year, and ... on
 * June 12"), takes that year (extract_date_year.c). */
void bcx_written_year_days(ctx *c, size_t si);
/* Records tokens [t0, t1) as words of a time no date was made of (bc_extraction.unplaced),
 * in the order of the text, unless they overlap words recorded. */
void bcx_unplaced(ctx *c, size_t t0, size_t t1);
/* A day, month or span of days of English sentence si without a written year takes the
 * year the sentence opens with as a clause of its own ("Last year, ... on February 28",
 * "In 2022, ... on March 3"), not the reference date's; a relative year without a
 * reference date leaves it without one, and no name's year completes it
 * (extract_date_frame.c). */
void bcx_frame_year_days(ctx *c, size_t si);
/* A day or month without a written year takes the year written after "in" that opens its
 * sentence or clause before it ("In 2023 hadden de vijf provincies in december ...",
 * "In 2023 kwamen ... op 12 december bijeen"): the text's year, not the reference date's
 * nearest; not in English, whose frames bcx_frame_year_days reads (extract_date_year.c). */
void bcx_lead_year_days(ctx *c, size_t si);
/* A day without a written year in a Dutch sentence that opens with a day counted from
 * another ("Tien dagen later, op 28 mei, ...", "Een dag eerder, op vrijdag 15 september")
 * takes the year of the day last written with its year, a few sentences before at most
 * (the next year past a year's end): that day's year, not the reference date's
 * (extract_date_year.c). */
void bcx_counted_year_days(ctx *c, size_t si);
/* 1 when mention m is dated by a year alone (its name's: "2025年...新春会晤") and its
 * sentence counts its month or day from a reference date that was not given ("本月上旬在
 * 南宁举行", "the 2025 Spring Meeting held last month"): its date is that month or day,
 * which is not known, not the year; so too when the meeting of its kind was told before,
 * undated, in a sentence whose day went unread. */
int bcx_year_unread(const ctx *c, const mention *m);
/* The date of sentence si nearest to the phrase of tokens [i, end) with at least
 * min_prec, not crossing a boundary token of class stop_cls (0: none), else NULL. */
const xd *bcx_nearest_date(const ctx *c, size_t si, size_t i, size_t end, int min_prec);
/* Completes a month and day without a year from the reference date: the reference year,
 * or the year before when the day would fall nine months or more after the reference date
 * in a sentence that does not speak of the future (tense, as bcx_tense_at: 1 the words
 * nearest to the day say it is to come; then a day two months or more before the
 * reference date is of the year after). Writes the ISO day into iso[24]; 0 when there is
 * no reference date, -1 when the year is not known (two to eight months after the
 * reference date, not said to be coming: last year's or this year's; after it by up to
 * two months but said to be past (tense -1): a slip or last year's; or said to be coming
 * but less than two months before the reference date); iso then holds "--MM-DD". */
int bcx_complete_day(const ctx *c, int mon, int day, int tense, char iso[24]);
/* 1 when date d is a day and month whose year the reference date does not tell
 * (bcx_complete_day refused one: "met on 5 December" in a report of 4 December): no fact
 * takes it as a date of a year, talks keep it as the day without one. */
int bcx_day_no_year(const ctx *c, const xd *d);

/* The day off days after the ISO day iso ("2025-03-14" or "--03-14") into out[24], in the
 * same form; 0 when iso is no day or, without a year, the move would cross the end of
 * February. */
int bcx_shift_day(const char *iso, int off, char out[24]);
/* ---- extract_date_calendar.c ---- */

/* The days from ISO day a to ISO day b into *diff; without the year of either, of their
 * months and days, the nearer way round the year (-182..182). 0 when either is no day. */
int bcx_days_between(const char *a, const char *b, int *diff);
/* The days of month m of year y (29 for February of a leap year y; y 0: 28), 0 for no month. */
int bcx_days_in(int y, int m);
/* Weekday wd (1 Monday .. 7 Sunday) nearest the day y0-m0-d0 into r: the last one on or
 * before it, or, when future, the first after it (future 2: on or after it); of the week
 * weeks from its own when weeks is not 0. A day, marked inferred and weekday. */
void bcx_weekday_from(int y0, int m0, int d0, int wd, int future, int weeks, dres *r);

/* ---- extract_date.c (continued) ---- */

/* "this year", "last year", "next year" at token i: the year it means (0 without a
 * reference date or such a phrase); its tokens in *n. */
int bcx_rel_year(const ctx *c, size_t i, size_t lim, size_t *n);
/* A Chinese year "2024年" at token i: the year (2 tokens), else 0. */
int bcx_han_year(const ctx *c, size_t i, size_t lim);
/* A range separator at token j: a dash before it (*dash, 0 returned), or "to", "den",
 * "au", "tot en met", "jusqu'au", "至", "到" (its tokens returned). */
size_t bcx_range_sep(const ctx *c, size_t j, size_t lim, int *dash);

/* ---- extract_date_period.c ---- */

/* A period of months at token i ("the first nine months", "1-9月", "前三季度") into r; 1
 * when found. */
int bcx_try_months(const ctx *c, size_t i, size_t lim, dres *r);
/* A range of months at token i ("from January to September", "thang 1-9/2025") into r. */
int bcx_try_month_range(const ctx *c, size_t i, size_t lim, dres *r);
/* A span of months with its years at token i ("from December 2024 to February 2025",
 * "2024年12月至2025年2月", "tu thang 12 den thang 2/2025") into r; 1 when found. */
int bcx_try_month_span(const ctx *c, size_t i, size_t lim, dres *r);
/* A running total up to the end of a month at token i ("to the end of August", "tot eind
 * augustus", "jusqu'a fin aout", "do konca sierpnia", "till slutet av augusti", "den het
 * thang 11/2025", "截至8月底"): the period from January of its year to that month into r;
 * 0 when the month's year is not known. */
int bcx_try_to_month_end(const ctx *c, size_t i, size_t lim, dres *r);
/* The period of an amount at tokens [lead, end) of sentence si whose clause says it is
 * counted "since the beginning of the year" ("depuis le debut de l'annee", "tu dau nam den
 * nay", "今年以来", no year or end written after the words): from January 1 of the
 * reference year to the reference date, into iso[cap] (the caller marks it inferred);
 * 0 without a reference month or such words; the words' tokens in span. A running total,
 * never a meeting's date. */
int bcx_year_to_date(const ctx *c, size_t si, size_t lead, size_t end, char *iso, size_t cap,
                     size_t span[2]);

/* ---- extract_date_named.c ---- */

/* An English day written as a description at token i ("the last day of 2023", "the first
 * day of October", "New Year's Eve") into r: a day of its written year, or completed from
 * the reference date as a written month and day is; 1 when found. */
int bcx_try_named_day(const ctx *c, size_t i, size_t lim, dres *r);
/* A span of three days or more of English sentence si that a visit's words name a few words
 * before it ("working visit to Guangxi from March 3-5") dates no meeting by its first day:
 * the talks of the visit fall on one of them, which is not said. */
void bcx_visit_spans(ctx *c, size_t si);

/* ---- extract_date_anchor.c ---- */

/* A Chinese day or month counted from the date last told, at token i: "同年6月12日",
 * "次年3月", "同月14日", "当月20日至21日" into r (that date's year or month, or the next;
 * r->inferred as that date's); 1 when the words are there, r->iso empty when the date
 * they count from is unknown or no plain date (the words are read all the same, so that
 * no day of theirs takes the reference date's year). A day of a month counted from the
 * reference date ("本月14日", "上月28日"): that day, BC_X_INFERRED_DATE; 0 without a
 * reference date. */
int bcx_try_anchored_zh(const ctx *c, size_t i, size_t lim, dres *r);
/* Chinese days and months without a written year in a paragraph that a year opens ("2024
 * 年，…。6月12日，…", "去年，…：9月，…") take that year, until a sentence writes another:
 * the year the report tells of, not the reference date's nearest. */
void bcx_context_year_zh(ctx *c);
/* 1 when sentence si states an amount of money ("211亿元", "52亿美元", "USD 2 billion"):
 * a year or month opening it is the figure's period, no time the days after it are of. */
int bcx_states_money(const ctx *c, size_t si);
/* The date "会晤期间" (during the meeting) at token i of sentence si is of: the day or
 * month of its own sentence before it when that sentence holds the meeting ("2023年3月下旬，
 * ...会晤在河江省举行，会晤期间还召开了...第九次会议"), else last_meet (the last day of a
 * sentence naming a meeting), SIZE_MAX none. */
size_t bcx_during_day_zh(const ctx *c, size_t si, size_t i, size_t last_meet);
/* A Chinese part of a year without its year at token i ("年中", "年初", "年底", "年末", "年内";
 * not after a year or a count: "2024年年中", "三年内"): the reference
 * date's year into r (BC_X_INFERRED_YEAR) when the part is of the report's year by its
 * tense (to come: not over; done: begun) and no date before it in its paragraph writes
 * another year. 1 when the words are there (r->iso empty when they give no year). */
int bcx_try_year_part_zh(const ctx *c, size_t i, size_t lim, dres *r);
/* 1 when the Chinese weekday at token i (n tokens) is one of a habit or of opening hours, no
 * one day: after "每" ("每周二"), or in a range or list of weekdays ("周一至周五", "周二、周四");
 * or of next week ("下周三"), not counted here: no date. */
int bcx_weekday_habit_zh(const ctx *c, size_t i, size_t n, size_t lim);
/* "the same day as the 12th meeting", "le meme jour que la 12e reunion", "与第十二次会议同一天":
 * the words of the same day at tokens [i, i + n) of sentence si compared with a thing they
 * name. Returns 1 when they are (*extra: the tokens of the comparing word after them), with
 * *ref the index + 1 in c->d of the one day of the last sentence before that writes the
 * thing's meeting number, 0 when none is known (then the words give no day: never the day
 * last told, which may be another meeting's); 0 for the words alone. */
int bcx_same_day_as(const ctx *c, size_t si, size_t i, size_t n, size_t *extra, size_t *ref);
/* ---- extract_meet_person.c ---- */
/* Marks the Chinese sentences that name a person an earlier sentence wrote right after a
 * Vietnamese title ("越南老街省委书记阮文山" … "王宁会见了阮文山一行"): sent.vn_named. */
void bcx_mark_side_people_zh(ctx *c);
/* 1 when Chinese sentence si names a meeting of its own that no day of it dates: a meeting
 * noun outside its dates, with a number ("第八次"), a time that is not a day ("近日", "日前",
 * "6月", "今年") or none; "the meeting" said again ("会议指出", "会议期间") is not one. The
 * meeting "会议期间" then speaks of is that one, whose day is not told. */
int bcx_other_meeting_undated_zh(const ctx *c, size_t si);
/* A Chinese part of a day opening sentence si at token i ("下午，双方举行会谈") after a sentence
 * that opens with day d[last] and names no other ("12月2日上午，…开工。"): that day, as "the
 * same day". 1 when token i is one (r filled). */
int bcx_day_part_zh(const ctx *c, size_t si, size_t i, const xd *d, size_t last, dres *r);

/* ---- extract_date_day.c ---- */

/* A day at token i (with its month and year when written; a span of days of one month
 * is a period) into r; 1 when found. */
int bcx_try_day(const ctx *c, size_t i, size_t lim, dres *r);
/* A month (and year) at token i ("oktober 2025", "thang 10 nam 2025", "in June") into r. */
int bcx_try_month(const ctx *c, size_t i, size_t lim, dres *r);
/* A Dutch month right after a relative year ("Vorig jaar december", "volgend jaar maart"):
 * that month of that year, inferred; 0 without a reference date (extract_date_relmonth.c). */
int bcx_try_rel_year_month(const ctx *c, size_t i, size_t lim, dres *r);
/* Day day of month mon of year y (0: completed from the reference date by
 * bcx_complete_day, tense future) into r; 0 when there is no such day. */
int bcx_set_day(const ctx *c, int y, int mon, int day, int future, dres *r);
/* Makes r a range from its day to day2 of the same month (when the year is known). */
void bcx_to_range(dres *r, int day2);

/* ---- extract_date_day_zh.c ---- */

/* A Chinese day at token i ("6月12日", "12日上午", "同月14日", spans of days) into r; future as
 * bcx_tense_at. 1 when found. */
int bcx_try_day_zh(const ctx *c, size_t i, size_t lim, int future, dres *r);
/* 1 when the Chinese day at token i opens a clause of holding that modifies a noun after it
 * ("落实2月22日以视频方式举行的...会晤"), no word of what is to come in that clause: the day
 * is told of that event, not to come for the sentence's main verb. */
int bcx_held_attrib_zh(const ctx *c, size_t i);
/* 1 when Chinese mention m is modified by such a clause of holding with a day not after the
 * reference date ("落实2月22日以视频方式举行的...2023年党委书记新春会晤"): it took place. */
int bcx_held_attrib_before_zh(const ctx *c, const mention *m);
/* 1 when day d is said to be coming by its sentence, not in such a clause of holding of its
 * own ("建议双方认真落实2月22日...举行的...会议所达成的共识": told of what took place). */
int bcx_day_said_coming(const ctx *c, const xd *d);

/* ---- extract_date_day.c (continued) ---- */

/* 1 when Vietnamese word i is written "thang" with the vowel of month ("thang", "tháng"),
 * not another word that folds to it ("Ma Lu Thàng", a gate's name; "thắng", won). */
int bcx_vi_month_word(const ctx *c, size_t i);

/* ---- extract_fig.c ---- */

void bcx_find_figures(ctx *c);
/* A new figure at the end of c->out->figures, zeroed; NULL (c->rc set) when out of memory. */
bc_xfigure *bcx_new_figure(ctx *c);
/* The qualifier ending at token lead or one word before it ("over", "nearly", "about",
 * "under", or a restating word between: "约合"), or written right after the amount (Chinese
 * 以上, 左右, 多: from token after), else "exact". A static string. */
const char *bcx_fig_qualifier(const ctx *c, size_t si, size_t lead, size_t after);

/* ---- extract_fig_money.c ---- */

/* The money phrase around the number at token i: a currency sign or word before it
 * ("$7.2 billion", "USD 7.2 billion", "€5 million"), scale words after it (several:
 * "1 nghin ty", "1万亿") or compact unit letters a currency goes with ("1,2 M$", "2,4 M
 * USD", "1,2 MUSD"), then a currency word or sign ("7,2 mld USD", "1,7 milliard de
 * dollars", "3.2亿元", "5.000 ty dong", "800 000 $"). Returns the currency (CUR_*, 0 when
 * none), the scale in *scale, the first token in *lead and the token after the phrase in
 * *end. */
int bcx_fig_money_phrase(const ctx *c, size_t si, size_t i, double *scale, size_t *lead,
                         size_t *end);
/* bcx_fig_money_phrase, but CUR_OTHER for an amount in another country's currency ("HK$3
 * million", "2 M$ CA", "2 million Canadian dollars", "30亿港元"), where that gives 0. */
int bcx_fig_money_phrase_any(const ctx *c, size_t si, size_t i, double *scale, size_t *lead,
                             size_t *end);
/* Records the amount of tokens [lead, end) as one in another currency, not given
 * (c->out->other_currency), and counts it in unmeasured_counts. */
void bcx_fig_other_currency(ctx *c, size_t lead, size_t end);
/* The amount at token i (its phrase: cur, lead, end as bcx_fig_money_phrase gave them) when
 * its scale is unread: no scale read and a word after the number that may be one
 * ("$3.5 bi", "CNY 3.3 yi", "VND6.8trx"), or, with no currency before, such a word then a
 * currency ("1,2 yi USD", "1,2 B$"). Returns 1 when so: it is counted in
 * unmeasured_counts and its words are recorded in c->out->unread; 0 otherwise. */
int bcx_fig_unread(ctx *c, size_t si, size_t i, int cur, size_t lead, size_t end);

/* ---- extract_fig_words.c ---- */

/* A number written in words that starts at token i of sentence si, right before a scale
 * of a million or more ("tweeenhalf miljard", "two and a half billion", "achttien
 * miljard", "deux milliards", "poltora miliarda", "en och en halv miljard", "half a
 * billion"): its value, its tokens in *n; 0 when none starts there (not inside another
 * number: "twenty-five", "a hundred and twenty", "two or three billion"). */
double bcx_fig_words_at(const ctx *c, size_t si, size_t i, size_t *n);
/* French "et demi" after a scale at token k ("deux milliards et demi de dollars"): its
 * tokens, 0 when none. */
size_t bcx_fig_half_after(const ctx *c, size_t si, size_t k);
/* 1 when token k is a word the language does not know that looks like an abbreviated
 * scale: the head of one of its scale words of three letters or more ("bil", "mill",
 * "tril", "thou") or a word of two to five consonants in a scale word's order ("trl",
 * "mlrd"). An amount right before it has an unread scale, so no known value. */
int bcx_fig_scale_like(const ctx *c, size_t k);
/* 1 when token k is a short word (one to four Latin letters) that neither the language's
 * lexicon nor the function words of the languages read know ("$1.2 MM", "CNY 3.3 yi",
 * "VND 5,4 ngan ty" in English): after an amount it may be a scale, so its value is unknown. */
int bcx_fig_word_unknown(const ctx *c, size_t k);
/* The value of token k read as a scale word of another language that no language read
 * gives another value ("ngan", "ty", "亿", "miljard"; "mm", the million of US finance),
 * 0 when it is none. Money phrases read it when their language's lexicon has no scale there. */
double bcx_fig_foreign_scale(const ctx *c, size_t k);

/* ---- extract_fig_range.c ---- */

/* A range of money whose lower end is the number at token low: its ends' values, the
 * first token of its lower end (lead: a currency before it), the number of its upper end
 * (high) and the token after the range (end). */
typedef struct bcx_range {
    size_t low, lead, high, end;
    double lo, hi;
} bcx_range;
/* 1 (and r filled) when the number at token i of sentence si opens a range of money: "between
 * USD 2 billion and USD 2.5 billion", "2-2.5 billion USD", "USD 2-2.5 billion", "tu 2 den 2,5
 * ty USD", "20亿至25亿美元", "20-25亿美元", "entre 2 et 2,5 milliards", "de 2 a 2,5
 * milliards", "od 2 do 2,5 mld", "mellan 2 och 2,5 miljarder", "tussen 2 en 2,5 miljard", "van
 * 2 tot 2,5 miljard"; not a level before and after a change ("rose from 2 to 2.5 billion",
 * "sont passes de 2 a 2,5 milliards"), nor ends out of order. */
int bcx_fig_range_at(const ctx *c, size_t si, size_t i, bcx_range *r);
/* Figure read (the last one, read at either end of range r) becomes the range's lower end
 * and a copy of it right after, its upper end (qualifiers range_low, range_high); the
 * range's tokens are used. */
void bcx_fig_range_make(ctx *c, size_t si, const bcx_range *r, size_t read);
/* The change stated with a range is both its ends' (figures from index first). */
void bcx_fig_range_settle(ctx *c, size_t first);
/* 1 (and r filled) when the number at token i of sentence si opens a range of counts whose
 * noun follows its upper end: "between 1,000 and 1,200 trucks", "1.000–1.200 xe",
 * "1000至1200辆", "entre 1 000 et 1 200 camions", "od 1000 do 1200 ciezarowek", "mellan 1 000
 * och 1 200 lastbilar", "tussen 1.000 en 1.200 vrachtwagens"; not a level before and after a
 * change ("rose from 180 to 260 trucks"), nor ends out of order. */
int bcx_fig_count_range_at(const ctx *c, size_t si, size_t i, bcx_range *r);
/* Figure k of sentence si, just read, as the level after a change from another its sentence
 * states ("rose from 2 to 2.5 billion USD", "tang tu 2 len 2,5 ty USD", "从2亿增至2.5亿美元",
 * "van 2 naar 2,5 miljard", "de 2 a 2,5 milliards", "z 2 do 2,5 mld", "fran 2 till 2,5
 * miljarder"): the level before becomes a figure of the same measure (its scale and currency
 * the later one's unless it writes its own, another currency: none), its period only a date
 * written between "from" and "to"; both are marked (bc_xfigure.level). The level before is
 * put before figure k; returns the index figure k then has. */
size_t bcx_fig_level_before(ctx *c, size_t si, size_t k);

/* ---- extract_fig_parties.c ---- */

/* A figure's parties: the provinces of the clause of sentence si that states the amount
 * at tokens [lead, end), but for one named only as part of a person's title, at most max,
 * into ids; returns how many. A province named only as the speaker's and then pointed at
 * as the subject of the amount ("Lang Son's vice chairman said the province wants to raise
 * trade with Guangxi to ...") is one of them, its bit set in *pointed (else 0). When the
 * clause counts a group of provinces it does not name, more than it names of either country
 * ("云南省与越南四省进出口贸易额", "entre les quatre provinces vietnamiennes et le Guangxi"),
 * the parties it names are not all of them: none is returned (they are unknown, not those
 * named) and *partial is the group's count (else 0); so when it names a group only by its
 * country ("Yunnan and the Vietnamese border provinces", "越南边境各省"), none of whose
 * provinces it names, *partial then -1. */
int bcx_fig_parties(const ctx *c, size_t si, size_t lead, size_t end, char ids[][64], int max,
                    unsigned *pointed, int *partial);
/* The group of provinces tokens [from, to) of sentence si name besides the n province ids
 * it names that makes those only part of its sides: a group it counts without naming them,
 * more than it names of the group's country ("Ha Giang, Lao Cai and the two Chinese
 * provinces", "云南省与越南四省"; of either country when its words say none), its count; a
 * group named by its country alone, none of whose provinces it names or of which it names
 * one beside the others ("Yunnan and the Vietnamese border provinces", "Lao Cai and other
 * Vietnamese provinces"), -1; else 0 (also when it names none). *country: the group's
 * country, 1 China, 2 Vietnam, 0 not said; *where: its first token. */
int bcx_parties_group(const ctx *c, size_t si, size_t from, size_t to, char ids[][64], int n,
                      int *country, size_t *where);
/* The parties of flow f (exports or imports) whose own clause names one province, when
 * the amount before it in its sentence (before) is a flow or a turnover of a pair of
 * both countries holding that province: the pair's ("Lao Cai's exports to Yunnan were
 * worth $612m, while imports from Yunnan came to $808m", "广西对谅山出口176亿元，自谅山进口
 * 129亿元"); a trade flow of one province alone says nothing of its other side. */
void bcx_fig_parties_of_pair(const ctx *c, bc_xfigure *f, const bc_xfigure *before);
/* ---- extract_fig_country.c ---- */

/* The whole country sentence si names as the other side of f's trade flow (a turnover,
 * exports, imports or goods exported) stated at tokens [lead, end), into f->country ("VN",
 * "CN", else ""): a country's noun right after a word joining it to the flow ("with",
 * "to", "between ... and", "sang", "与", "对", "avec", "naar", "do", "till"), that word
 * following a word of the flow, one of f's parties or the amount ("Yunnan's trade with
 * Vietnam", "云南与越南的贸易额"), when f's parties are all of the other country and no
 * group leaves them partial. Never a country that names whose what follows it is
 * ("Vietnam's Lao Cai province", "越南老街省"). */
void bcx_fig_country(const ctx *c, size_t si, size_t lead, size_t end, bc_xfigure *f);

/* 1 when the n province ids name provinces of both countries. */
int bcx_parties_two_sided(const ctx *c, const char ids[][64], int n);
/* 1 when province lists a (na ids) and b (nb) each name both countries and name no province
 * of one country in common: two pairs, not one ("Lao Cai and Yunnan", "Lai Chau and
 * Yunnan"). */
int bcx_parties_apart(const ctx *c, const char a[][64], int na, const char b[][64], int nb);

/* ---- extract_fig_count.c ---- */

/* A count at token i of sentence si (tourists, delegations, tonnes, ...), added to
 * c->out->figures when its noun says what it counts. */
void bcx_fig_count_at(ctx *c, size_t si, size_t i);
/* 1 when token k (< lim) opens a noun a number counts or a scale ("camions", "trucks",
 * "tấn", "million"): the number before it is a count, not a day ("Mardi, 12 camions ont
 * franchi la frontière", not "mardi 12 juin"). */
int bcx_count_noun_at(const ctx *c, size_t k, size_t lim);

/* ---- extract_fig_ref.c ---- */

/* 1 when the amount of money at tokens [lead, end) of sentence si is a rate or a price
 * ("24,500 VND per USD", "ty gia", "汇率", "每吨5000元"), not an amount. */
int bcx_fig_is_rate(const ctx *c, size_t si, size_t lead, size_t end);
/* 1 when it is the amount of a change ("grew by 1.5 billion USD", "tang them", "增加了"),
 * not a level ("rose to", "tang len", "增至"). */
int bcx_fig_is_change(const ctx *c, size_t si, size_t lead, size_t end);
/* The tokens of a word of growth (C_UP) at token i, 0 when none or when it ends a phrase
 * that is no growth (C_UP val 1: "made up", "makes up"). */
size_t bcx_up_at(const ctx *c, size_t i);
/* 1 when a phrase of class cls (C_WHOLE_YEAR, C_SAME_PERIOD) of sentence si speaks of the
 * amount at tokens [lead, end) (no other amount between them, nor a comma unless the phrase
 * opens the sentence; "in the same period" not after a comparison word). */
int bcx_fig_cue_applies(const ctx *c, size_t si, int cls, size_t lead, size_t end);
/* 1 when the clause of the amount at token lead (from token lo) goes on about the figure
 * before it: it does not open with the amount and names nothing else counted. */
int bcx_fig_goes_on(const ctx *c, size_t si, size_t lo, size_t lead);
/* A percentage at token i with a growth word before it ("wzrost o prawie 88%", "tang 88%",
 * "同比增长12.5%") or after it ("5 percent more", Dutch "met 39 procent dalen") is the change
 * of the nearest figure (from figure first_fig) before it in the sentence, else of the
 * first after it, else of the level after "to"/"tot" right after it ("jumping 811.6
 * percent to 4.16 billion yuan"); it and its restatement in another currency. */
void bcx_fig_attach_change(ctx *c, size_t si, size_t i, size_t first_fig);
/* 1 when a word of work beginning ("开工", "started", "khoi cong", "begon") stands within
 * three words before a date at tokens [t0, k) of sentence si or after it: the date is when a
 * project began, not the period of what it costs. */
int bcx_work_began_at(const ctx *c, size_t si, size_t t0, size_t k);
/* 1 when a word of finishing or opening a thing stands in tokens [a, b) ("completed",
 * "achevee", "klaar", "ukonczona", "fardig", "hoan thanh", "建成"). */
int bcx_fig_done_between(const ctx *c, size_t a, size_t b);
/* 1 when the year d, a deadline after the amount ending before token end of sentence si
 * ("prevoit d'investir 1.200 milliards de dongs dans la route d'ici 2025"), is the plan's
 * own time: in its clause, within fourteen tokens, no number and no word of finishing or
 * opening a thing between ("due to be completed by the end of 2026": the project's date). */
int bcx_fig_plan_by(const ctx *c, size_t si, const xd *d, size_t end);
/* The span of days that day d of sentence si ends, another day of the sentence before it
 * and a range word between ("Van zaterdag 31 augustus tot en met dinsdag 3 september", "from
 * August 31 to September 3", a weekday before the second aside), both with their year and
 * two months apart at most: "2024-08-31/2024-09-03" into out[cap]; 0 when d ends none. */
int bcx_fig_day_span(const ctx *c, size_t si, const xd *d, char *out, size_t cap);
/* Marks as the base of a comparison (xd.compare) a year written right after a rate and
 * "over", "on" or "from" ("an increase of 18.6 percent over 2017", "up 12% on 2022"; English):
 * no period of an amount, no meeting's date. */
void bcx_fig_rate_bases(ctx *c);
/* 1 when the clause of the amount starting at token lead (from token lo; whole: all of
 * [lo, lead), the sentence's first amount, whose opening clause is its own) names a time
 * of its own: this, last or next year, months, quarters, a half year ("今年前9个月", "au
 * cours des deux premiers mois de l'annee", "next year"), but for the words of the period
 * stated before ("in dezelfde elf maanden") and half of an amount ("polowe tej kwoty").
 * Called when no date of the text could be read there: then no period from elsewhere is the
 * amount's (extract_fig_ref.c). */
int bcx_fig_own_time(const ctx *c, size_t lo, size_t lead, int whole);
/* 1 when sentence si names a month no date of the text was read from ("Exports totalled
 * $38.6m in September", "9月份，出口...", "$41m last month" without published_on; also a
 * week, "last week", which no period holds): before the amount of tokens
 * [lead, end) or after it in its clause. The amount's own time, without a year: no period
 * from elsewhere is its own (extract_fig_ref.c). */
int bcx_fig_month_unread(const ctx *c, size_t si, size_t lead, size_t end);
/* The relative months ("last month", "thang truoc", "上月") no date was read from, for want
 * of a month to count from, and the weeks ("last week"), among the words no date places
 * (bcx_unplaced): the note of an amount they time quotes them. */
void bcx_fig_unplaced_months(ctx *c);
/* 1 when date d of sentence si stands in a clause of what came before ("去年9月台风过境后，",
 * "After the floods in September,"): the time of that event, not of an amount after it. */
int bcx_in_after_clause(const ctx *c, size_t si, const xd *d);
/* Words for the year before next to the amount at tokens [lead, end) of sentence si, in its
 * clause: right after it, two words between at most ("USD 350 million a year earlier", "350
 * trieu USD cung ky nam truoc"), or ending right before it, a word between at most ("last
 * year's USD 350 million"; Chinese three characters: "上年同期为35亿元"). 1 for C_YEAR_BEFORE
 * words, 2 for C_LAST_YEAR ones ("last year", "上年"), 0 none. Such an amount is the base of
 * a comparison: of the year before the period of the amount it is compared with. */
int bcx_fig_year_before(const ctx *c, size_t si, size_t lead, size_t end);
/* The period a year before period ("2025" -> "2024", "2025-01/2025-09" -> "2024-01/2024-09",
 * "2024/2025" -> "2023/2024") into out[cap]; 0 when period is not one written with years. */
int bcx_period_year_before(const char *period, char *out, size_t cap);
/* The date of sentence si right after the amount ending before token end, in its clause
 * ("... and USD 650 million in Q1 2026"): no day, no comparison's, no amount between, four
 * tokens away at most; NULL when none. */
/* 1 when year date d follows words of the middle of it ("Halverwege 2025 stond de handel
 * op", "halfway through 2025", "by mid-2025"): an amount told then is of its first half. */
int bcx_fig_mid_year(const ctx *c, const xd *d);
/* 1 when month date d (not January) follows words of its end ("Eind augustus 2025 was dat
 * opgelopen tot", "by the end of August 2025"): a flow told then runs from January. */
int bcx_fig_month_end(const ctx *c, const xd *d);
const xd *bcx_fig_date_after(const ctx *c, size_t si, size_t end);
/* The years joined by "and" or commas that year date d of sentence si is one of ("In 2024
 * and 2025", "2023, 2024 and 2025", "2024年和2025年"): 1 with the span they cover in iso
 * ("2024/2025") when they follow each other, -1 when they leave a year out ("in 2023 and
 * 2025": no one period), 0 when d stands alone or the sentence says "respectively". */
int bcx_joined_years(const ctx *c, size_t si, const xd *d, char iso[24]);

/* ---- what an amount measures (extract_fig_measure.c) */
/* Writes into f what the amount at tokens [lead, end) of sentence si measures and whether
 * it is a goal: a cue right after it, else the nearest before it from token lo (the end of
 * the sentence's previous amount), a thing's worth, a restatement of prev in another
 * currency (f->conversion), else a measure carried from prev or back (f->metric_inferred).
 * Returns 1 when the measure is back's. */
int bcx_money_measure(const ctx *c, size_t si, size_t lo, size_t lead, size_t end, bc_xfigure *f,
                      const bc_xfigure *prev, const bc_xfigure *back);
/* The cue of a measure (MM_*, 0 none) right after an amount ending before token end. */
int bcx_cue_after(const ctx *c, size_t si, size_t end);
/* The cue nearest before token lead from token lo (MM_*, 0 none), its first token in *at. */
int bcx_cue_before(const ctx *c, size_t lo, size_t lead, size_t *at);
/* 1 when the amount at token lead restates prev (ending before lo) in another currency. */
int bcx_is_conversion(const ctx *c, size_t lo, size_t lead, const bc_xfigure *prev,
                      const char *unit);
/* The tokens of a word joining two verb phrases at token p ("and", "et", "并"), 0 none. */
size_t bcx_and_word(const ctx *c, size_t p, size_t lim);
/* 1 when the amount of money at tokens [lead, end) of sentence si is what an infinitive
 * with "te" after it is to spend ("om 1,2 miljard yuan te investeren", "200 miljoen yuan
 * te steken in") or what a verb of setting aside around it allots ("trekt 450 miljard dong
 * uit voor"): a plan (Dutch) */
int bcx_plan_infinitive(const ctx *c, size_t si, size_t lead, size_t end);
/* 1 when after the cue at token at, "and" opens a phrase about building before lead. */
int bcx_spend_after_and(const ctx *c, size_t at, size_t lead);
/* The metric name of MM_* mm ("" for none). */
const char *bcx_mm_name(int mm);

/* ---- extract_fig_kind.c ---- */

/* The first token of the amount at token lead and up to two qualifiers before it ("about",
 * "ruim", "hon", "约"), none before token lo: lead when it has none. */
size_t bcx_past_qualifiers(const ctx *c, size_t lo, size_t lead);
/* 1 when a word of investing or of capital ends right before the amount at token lead,
 * qualifiers aside, after token lo ("plans to invest about 450 billion VND", "投资4.5亿元",
 * "dau tu 200 ty dong"): the amount is what is invested, whatever is named after it. */
int bcx_invest_governs(const ctx *c, size_t lo, size_t lead);
/* What the words after the amount at tokens [lead, end) of sentence si make of measure mm
 * (MM_*, 0 none): money put "into" something or "gestoken in" it is an investment; an
 * amount "from exports" ("uit export") or goods sent "to China" ("naar China") is that
 * flow when mm names no other measure than turnover. Returns mm otherwise. */
int bcx_kind_after(const ctx *c, size_t si, size_t lead, size_t end, int mm);
/* The measure mm of the amount at tokens [lead, end) recast: a flow named in a part ("of
 * which", "waarvan", "trong do", "其中") of a revenue or an investment (prev, the amount
 * before it since token lo, or back, the figure its sentence continues) is that whole's
 * measure; the worth of smuggled or seized goods is other. Returns mm otherwise. */
/* 1 when a word naming a part of the amount before ("of which", "waarvan", "trong do",
 * "其中", "dont", "z czego", "varav") lies in tokens [lo, hi). */
int bcx_part_word(const ctx *c, size_t lo, size_t hi);
/* 1 when both exports and imports are told as achieved (not inferred) in sentence si or
 * the two before it: a goal after them that names no measure is their sum's. */
int bcx_both_flows_told(const ctx *c, size_t si);
/* 1 when the amount of money ending before token end, in sentence si, is a part of a total
 * the sentence gives right after it: the next amount, joined by "and" or a comma with no
 * other measure named between, carries a word of a total ("au total", "in total", "in
 * totaal", "totalt", "łącznie", "tổng cộng", "总计"). */
int bcx_fig_part_of_total(const ctx *c, size_t si, size_t end);
/* 1 when the amount of money at tokens [lead, end) of sentence si, whose words begin at
 * token lo, is introduced as a part of the amount before it ("of which", "including",
 * "dont", "waarvan", "varav", "w tym", "trong đó", "其中") measured by whole: of the same
 * measure, or naming no flow of its own ("of which processed goods accounted for"). A flow
 * of its own ("of which exports reached") is no part. */
int bcx_fig_part_introduced(const ctx *c, size_t si, size_t lo, size_t lead, size_t end,
                            const char *metric, const char *whole);
/* 1 when the words of a goal before the amount at token lead (from token lo) belong to
 * a clause before its own, and its own opens with a word of time or contrast ("hoping to
 * keep trucks moving, as trade reached 640 million USD", "terwijl", "khi"): the amount is
 * what was reached, not the goal. */
int bcx_goal_behind_clause(const ctx *c, size_t lo, size_t lead);
int bcx_kind_recast(const ctx *c, size_t si, size_t lo, size_t lead, size_t end, int mm,
                    const bc_xfigure *prev, const bc_xfigure *back);
/* 1 when the amount at tokens [lead, end) of sentence si is the value of deals signed: a
 * word of a deal (or, verbs set, of signing) since token lo with no flow named after it
 * ("exporters signed deals worth $95m", "洽谈会，签约项目12个，金额约8.5亿元",
 * "签订贸易合同金额达3亿元"), and none right after the amount ("... signed a pact as the
 * crossings carry $4.23 billion in trade"). A commitment, no trade that took place
 * (extract_fig_kind.c). */
int bcx_deal_value(const ctx *c, size_t si, size_t lo, size_t lead, size_t end, int verbs);
/* The first token after the amount ending before token end past a restatement in another
 * currency set off by commas or brackets ("600 miljard dong, ruim 23 miljoen dollar,
 * gestoken in", "450 billion VND (nearly 18 million USD) in"): end itself when none. */
size_t bcx_past_restatement(const ctx *c, size_t si, size_t end);
/* A Dutch verb of spending after the amount ending before token end (past a restatement):
 * an infinitive with "te" right after it ("200 miljoen yuan te steken in", "uit te
 * trekken"), a verb with its preposition or ending the clause ("... investeren in de
 * verbreding"), or, after a phrase of what the money went into, the verb ending the clause
 * ("18 miljard yuan in wegen en spoorlijnen gestoken", "in de haven te steken"; not into a
 * revenue): MM_INVEST, *plan 1 for an infinitive with "te" (what is to be spent), 2 for a
 * bare infinitive (a plan when "gaat" is its auxiliary); 0 none. */
int bcx_nl_spend_after(const ctx *c, size_t si, size_t end, int *plan);
/* An English verb of spending after the amount ending before token end (past a restatement),
 * auxiliaries between, then "into", "in" or "on" ("Some 200 billion VND has gone into roads",
 * "40 million USD has been invested in the zone"): MM_INVEST; 0 none ("went to China" is
 * none). */
int bcx_en_spend_after(const ctx *c, size_t si, size_t end);

/* ---- extract_meet.c ---- */

/* Finds the numbered, named and talks mentions of every sentence (c->m). */
void bcx_find_mentions(ctx *c);
/* 1 when the gap after token k of sentence si is a comma between two names of a list
 * ("de werkgroep van Ha Giang, Lao Cai, Lai Chau en Yunnan"): a known name ends at k and
 * another begins right after it. */
int bcx_list_comma(const ctx *c, size_t si, size_t k);
/* 1 when sentence si says the talks it names take place or took place ("were held",
 * "will be held", Dutch "werd ... ontvangen door"; extract_meet_held.c). */
int bcx_talks_held(const ctx *c, size_t si);
/* 1 when words for what a meeting produced end right before mention m, an article aside
 * ("the agreements reached at the 10th meeting", "the outcomes of a working session";
 * English; "回顾了…第十一次会议的成果" in Chinese): the meeting took place, whatever its
 * sentence proposes. */
int bcx_outcome_of(const ctx *c, const mention *m);
/* 1 when Chinese words for what it produced follow mention m in its clause ("第十一次会议的
 * 成果", "会议精神"): it took place. */
int bcx_results_of_zh(const ctx *c, const mention *m);

/* ---- extract_meet_elided.c ---- */

/* The noun of the ordinal ord at token i (ending before token j) when that noun is left
 * out because its sentence named it just before with another number ("reviewed the fifth
 * conference ... and agreed to hold the seventh in Lao Cai in 2027"): an article before
 * the ordinal (none in Polish), nothing after it but the end of its clause, a word of
 * where, of what is to come or of holding, or a year; the last numbered mention of the
 * sentence before it is of another number. Returns that mention's noun's first token + 1
 * (0 when none; never in Chinese or Vietnamese, which write the noun again), its kind
 * and end, and the mention's index + 1 in *of (its body is the ordinal's:
 * bcx_link_mechanisms). */
size_t bcx_elided_noun(const ctx *c, size_t i, size_t j, size_t lim, int ord, int *kind,
                       size_t *noun_end, size_t *of);

/* The noun (its first token + 1, 0 none; its kind and end) of the ordinal at tokens [i, j)
 * that stands after an article opening a clause or its sentence, a verb right after it, its
 * noun left out ("De tiende vergadering vond ... plaats; de negende was in maart 2023 in
 * ...", "De vierde staat dit jaar op het programma"): the noun of the last numbered meeting
 * its sentence named before it, or the ordinal itself of the series the sentence before
 * numbered (an edition of it); its number within two of that one's. */
size_t bcx_elided_back_noun(const ctx *c, size_t i, size_t j, size_t lim, int *kind,
                            size_t *noun_end);

/* ---- extract_meet_times.c ---- */

/* The meeting an ordinal ending before token j numbers by the times its parties met ("voor
 * de vierde keer bijeen"), or that an English "its" ordinal set off after a meeting's noun
 * numbers ("The previous meeting of the committee, its 11th, took place"): its noun's (or
 * particle's) first token + 1, 0 when none; its kind and end. */
size_t bcx_times_noun(const ctx *c, size_t j, size_t lim, int *kind, size_t *noun_end);
/* 1 when a meeting noun ending at token noun_end is counted within a time: "binnen" and a
 * span of years, months or weeks a few words after it in its clause ("de tweede ontmoeting
 * op dit niveau binnen een jaar"), or "van het jaar" right after it ("de eerste politieke
 * bijeenkomst van het jaar"), or this year in its clause after a sentence that opens saying
 * what it was ("Het was al het tweede gesprek op topniveau dit jaar"): the how-manieth of a
 * time, no number of a series. */
int bcx_count_in_time(const ctx *c, size_t noun_end, size_t lim);

/* ---- extract_meet_verb.c ---- */

/* 1 when token i of sentence si is a Dutch verb of speaking or discussing said of a partner
 * with "met" later in its clause ("besprak X met Y", "sprak ... in Ha Long met Chen Gang"),
 * or of sitting "samen" or "bijeen" ("zaten ... al samen in Cao Bang"): a verb of meeting. Alone
 * ("De deelnemers bespraken de knelpunten") it tells what a meeting discussed, no meeting.
 * English "followed up" (bcx_en_followed_up). */
int bcx_talk_with(const ctx *c, size_t si, size_t i);
/* 1 when token i of sentence si is a Dutch verb of opening or launching (plural) done
 * "samen" or "gezamenlijk" in its clause ("openden Lang Son en Guangxi ... samen de eerste
 * fase"), not "samen met" a partner: a ceremony of the two (a meeting when both sides are
 * named). */
int bcx_joint_opening(const ctx *c, size_t si, size_t i);
/* 1 when sentence si says in the Dutch present that its sides meet ("De delegaties komen
 * zaterdag in Hekou bijeen", "Lao Cai en Yunnan overleggen maandag", "houdt vrijdag
 * overleg") and has no verb of the past: a weekday in it is one to come, or the report's
 * own day. */
int bcx_nl_present_meet(const ctx *c, size_t si);
/* 1 when Dutch sentence si says in the present that something takes place and, with it, a
 * time still to come ("De twaalfde vergadering vindt ... volgend jaar ... plaats"): the
 * Dutch present for the future, nothing said of the past. */
int bcx_nl_present_coming(const ctx *c, size_t si);
/* 1 when token i of sentence si is a Dutch participle of holding in the present passive,
 * its "wordt" or "worden" earlier in its clause ("De 12e vergadering ... wordt in april in
 * Mengzi gehouden"): to come, not held (extract_meet_verb.c). */
int bcx_nl_present_passive(const ctx *c, size_t si, size_t i);
/* 1 when token i of sentence si is a Dutch verb of speaking whose particle "af" closes its
 * clause ("spraken op 13 juli af om in september opnieuw bijeen te komen"): agreeing on what
 * is to come, no talks of its own. */
int bcx_nl_agreed(const ctx *c, size_t si, size_t i);

/* 1 when token i of English sentence si is "hosted" in the passive said of a numbered or
 * named meeting before it ("the 2023 Spring Meeting ..., which was hosted via video link
 * from Ha Giang on Feb. 22"): that meeting's verb, no talks of their own (a delegation
 * "was hosted" is received: talks). */
int bcx_meeting_hosted(const ctx *c, size_t si, size_t i);

/* 1 when Dutch token k is a verb of the past whose particle follows in its clause before
 * token lim ("Op 28 januari vond in Hekou de negende vergadering plaats", "kwamen ... in
 * Hekou bijeen", "zaten ... samen"): a word of what took place, as "vond plaats" is
 * (bcx_mark_tense). */
int bcx_nl_took_place(const ctx *c, size_t k, size_t lim);
/* -1 when Dutch sentence si has a verb of the past whose particle closes its clause ("Die
 * vergadering vond op 30 oktober 2025 plaats in Lai Chau", bcx_nl_took_place); 1 when it has
 * one of the present ("Die vergadering vindt in maart 2027 plaats", "komt ... bijeen"), which
 * the Dutch use for what is to come; 0 when neither. */
int bcx_nl_takes_place(const ctx *c, size_t si);
/* 1 when the words in [lo, hi) of m's sentence give it, dated by a year alone, the present
 * of taking place ("The 13th meeting takes place in Dien Bien
 * in 2027", "odbywa się w 2027 r.", "diễn ra", "举行", C_PRESENT_HELD) and no word of the
 * past ("took place", "đã", "了"): they say neither that it took place nor that it is to
 * come, its date against the publication date decides. Dutch has its own reading
 * (bcx_nl_takes_place). */
int bcx_present_of_holding(const ctx *c, const mention *m, size_t lo, size_t hi);

/* ---- extract_meet_mech.c ---- */

/* Gives each mention the kind its own words name and the mechanism its sentence singles
 * out. */
void bcx_link_mechanisms(ctx *c);
/* 1 when sentence si names every member of mechanism id (a province merged into a member
 * names it: Ha Giang, Tuyen Quang), or counts them ("the four provinces and Yunnan"). */
int bcx_names_all_members(const ctx *c, size_t si, const char *id);
/* 1 when a blank line separates sentence si from the one before it (or si opens the
 * article or is its heading). */
int bcx_new_paragraph(const ctx *c, size_t si);
/* The first sentence of sentence si's paragraph (bcx_new_paragraph): read from ctx.para once
 * bcx_index_paragraphs built it, else by a walk back. */
size_t bcx_para_start(const ctx *c, size_t si);
/* Builds ctx.para, after the dates are found (the last pass that may unmark a headline):
 * BC_OK or BC_ENOMEM (then bcx_para_start walks). */
int bcx_index_paragraphs(ctx *c);

/* ---- extract_meet_skip.c ---- */

/* 1 when date d is a point things are counted from for mention m ("since 2019", "ke tu",
 * "以来"), not its date. */
int bcx_from_point(const ctx *c, const mention *m, const xd *d);
/* 1 when date d stands in a relative clause ("die", "dat", "which") after a comma that
 * follows other words than talks m's own, a clause that says nothing was held ("maakten
 * afspraken over een controlestrook, die voor 30 juni gereed moet zijn"): the date of the
 * thing it describes, not of the talks. So too an English one set off by commas that
 * closes before meeting m ("Quang Hoa and Longzhou, which signed ... on September 4, 2013,
 * plan to hold a joint ceremony"). */
/* 1 when date d stands in an apposition after meeting m, a noun phrase opened by an
 * indefinite article after a comma that names no holding, talks nor meeting ("the first
 * regular conference between ..., a mechanism the two sides set up in February 2022", "een
 * mechanisme waarover ... in februari 2022 een akkoord tekenden"): the day of that thing. */
int bcx_apposition_of_other(const ctx *c, const mention *m, const xd *d);
int bcx_relative_of_other(const ctx *c, const mention *m, const xd *d);
/* 1 when English day d names another meeting noun than mention m's by the possessive
 * ("Tuesday's meeting followed the first conference ..., held online in May": Tuesday is
 * the meeting's, not the conference's). */
int bcx_possessive_of_other(const ctx *c, const mention *m, const xd *d);
/* 1 when English day d is the day a meeting ended ("ended on Tuesday", "closes today") and
 * its sentence writes the day it opened ("which opened in Kunming on Monday"): the meeting
 * is dated by its first day. */
int bcx_closing_day(const ctx *c, const xd *d);
/* 1 when English date d follows another mention of mentions idx[a..b) right after its words
 * ("at the 2023 Spring Meeting in February, and that the 14th conference ... had called
 * for"), a preposition between at most, and mention m stands in a later clause: that one's
 * date, not m's. */
int bcx_day_after_other(const ctx *c, const mention *m, const xd *d, const size_t *idx, size_t a,
                        size_t b);
/* 1 when date d is the day a document was signed or an agreement reached ("the deal
 * signed on March 12", "under the agreement reached on January 8"). */
int bcx_signed_on(const ctx *c, const xd *d);
/* 1 when date d is a deadline ("before 31 December", "by the end of", "6月30日前"). */
int bcx_deadline_day(const ctx *c, const xd *d);
/* 1 when English date d is the day a thing opens or is completed, a verb of opening a few
 * words before it in its clause and meeting m not between ("agreed to open the Ma Lu Thang
 * bridge on June 30", "the bridge would open on June 30 and the next talks would be held"):
 * not m's day, unless m is a ceremony or a joint opening (extract_meet_skip.c). */
int bcx_opening_day(const ctx *c, const mention *m, const xd *d);
/* 1 when day d stands as an apposition (in brackets, or after a comma closing its clause)
 * of what a preposition of time after meeting m governs ("the next round of talks in
 * September, after the opening of the freight route (June 1)", "apres l'ouverture de la
 * route, le 1er juin"): the day of that other event, never m's (extract_meet_skip.c). */
int bcx_apposed_to_other(const ctx *c, const mention *m, const xd *d);
/* 1 when date d is the day something was said ("the committee announced on Tuesday"). */
int bcx_said_on(const ctx *c, const xd *d);
/* 1 when English date d and mention m stand on either side of the edge of a clause of
 * sequence: a word of after or before ("after", "following", "ahead of", "prior to",
 * "before") opens a clause, to the next clause break, that holds d and not m, a time apart
 * before the word ("The talks came a week after the chairman visited Baise on May 2", "At
 * the talks, held two days after the opening of the gate on May 6"), or m and not d while
 * d stands before it or opens the main clause of another meeting of the sentence
 * ("Following the Spring Meeting in 2023, on February 24, 2023, the 14th conference ...
 * was held"): the date is of what came before or after. So too a day of another event in
 * d's clause after m: a fair's or an anniversary's ("plans for the trade fair to be held
 * in Mong Cai in late 2027"), or one of a clause of when that names no meeting ("next
 * year, when the new bridge is due to open in May"), or the day before m that m is looked
 * back on ("On Thursday, officials recalled the 10th meeting", "On June 12, the sides
 * reviewed the outcomes of the 10th meeting"). */
int bcx_other_in_sequence(const ctx *c, const mention *m, const xd *d);
/* 1 when the meeting noun at token i of sentence si is named as the time of something else
 * ("przed otwarciem Wiosennego Spotkania", "before the opening of the Spring Meeting"). */
int bcx_time_reference(const ctx *c, size_t si, size_t i);

/* ---- extract_meet_discussed.c ---- */

/* 1 when token i of Dutch sentence si is "bespraken" or "besprak" right after a day that
 * opens the sentence, both sides its subject ("Op 14 december 2023 bespraken de twee
 * besturen ..."): talks of that day (bcx_talk_with). */
int bcx_nl_day_discussed(const ctx *c, size_t si, size_t i);

/* ---- extract_meet_followup.c ---- */

/* 1 when token i of English sentence si is "followed up" not followed by "on", "with" or an
 * article ("Leaders of Lang Son and Chongzuo followed up in April 2023"): a verb of meeting
 * (bcx_talk_with). */
int bcx_en_followed_up(const ctx *c, size_t si, size_t i);
/* 1 when English talks m are that verb, or a noun of talks right after "followed up with (a)"
 * ("followed up with a working session"): they took place (bcx_talks_past_verb). */
int bcx_en_followed_up_past(const ctx *c, const mention *m);
/* 1 when the meeting or talks noun at token i of sentence si is what talks followed ("The
 * talks followed a meeting of the ... working group in Kunming in late September last year",
 * "De gesprekken volgden op overleg over grensbeheer"): the meeting before, which took place,
 * a meeting of its own. */
int bcx_after_followed(const ctx *c, size_t si, size_t i);

/* ---- extract_meet_opened.c ---- */

/* 1 when the Dutch participle of opening at token i of sentence si ("in gebruik genomen",
 * "geopend") has the two sides as the subject of "hebben" right before it, unbroken, and a
 * day between ("Lang Son en ... Guangxi hebben donderdagavond ... in gebruik genomen"): a
 * ceremony of the two (bcx_joint_opening). */
int bcx_nl_sides_have_opened(const ctx *c, size_t si, size_t i);

/* ---- extract_meet_edition.c ---- */

/* The kind (K_*) of Dutch edition m that the noun after it and "van" names ("De derde editie
 * van die conferentie": K_CONF when its sentence or the one before has words that make it
 * the yearly one, else -2: a conference of no mechanism), -1 when it names none. */
int bcx_edition_named_kind(const ctx *c, const mention *m);
/* 1 when the word right before the body's name at token k names a field of work ("the
 * two provinces' railway working group", "de technische werkgroep"): a body of that field, no
 * mechanism of the provinces. */
int bcx_domain_body(const ctx *c, size_t k);
/* 1 when sentence si, or the one before it in its paragraph, speaks of border guards ("Dien
 * Bien's border guard command and the Pu'er border management detachment"): a numbered
 * meeting there is theirs, of no series of the provinces. */
int bcx_guards_body(const ctx *c, size_t si);
/* The kind (K_*) of the body the sentence before names last, for Dutch numbered meeting m
 * whose sentence of the same paragraph opens with "Die" or "Deze" alone, its verb after it
 * ("... via de gezamenlijke werkgroep van ... en Yunnan. Die kwam ... bijeen in Kunming, voor
 * de tiende keer"); the yearly conference only with its words; -1 when none. */
int bcx_pronoun_kind(const ctx *c, const mention *m);

/* ---- extract_meet_after.c ---- */
/* The date of the meeting the sentence before Dutch meeting m names (the one date of its
 * dated meetings), when m's sentence, in the same paragraph and with no date of its own,
 * opens "Tegelijk met die/deze <meeting>" ("Ook moeten de afspraken ... van de
 * Voorjaarsbijeenkomst 2023 .... Tegelijk met die bijeenkomst vergaderde het gezamenlijk
 * werkcomité ..."): at that meeting's time; else NULL (extract_meet_after.c). */
const xd *bcx_at_that_meetings_time(const ctx *c, const mention *m);

/* The month of the meetings of the sentence before, when undated meeting m's sentence, in
 * the same paragraph, opens saying it followed right after ("Aansluitend hield het
 * werkcomité er zijn zestiende zitting", "Immediately afterwards, ..."); NULL when that is a
 * day, or they were dated apart (bcx_back_day). */
const xd *bcx_right_after_month(const ctx *c, const mention *m);
/* The date things are counted from that a clause of when right after it tells undated
 * numbered or named meeting m was held in ("De voorjaarsontmoeting bestaat sinds 2016, toen
 * de eerste editie werd gehouden", "since 2016, when the first edition was held"); NULL when
 * none (bcx_back_day). */
const xd *bcx_since_when_held(const ctx *c, const mention *m);
/* The one date of a Dutch sentence that tells only when and where something happened ("Dat
 * gebeurde eind maart in Ha Giang."), for undated meeting m of the next sentence of its
 * paragraph, which opens with "Daar" and its verb ("Daar kwamen ... bijeen"); else NULL. */
const xd *bcx_there_then_day(const ctx *c, const mention *m);
/* The one date, to come, of the sentence before undated Dutch meeting m of the same
 * paragraph, that sentence naming no meeting, when m's sentence says "dan" right after its
 * verb ("Daar komt volgend jaar een eerste kans voor. De 14e vergadering van het werkcomité
 * staat dan op het programma in Ha Giang"); else NULL. */
const xd *bcx_then_to_come(const ctx *c, const mention *m);

/* ---- extract_meet_signed.c ---- */

/* The day of English or Dutch talks m, undated, whose sentence opens with a document's noun
 * and says it was signed at them ("The document was signed by ... at talks in Mong Cai",
 * "Het akkoord werd gesloten tijdens gesprekken in ..."): the one day of the sentence before,
 * which tells of the signing; else NULL (bcx_back_day). */
const xd *bcx_signed_at_talks(const ctx *c, const mention *m);

/* ---- extract_meet_dayname.c ---- */

/* The date (index + 1 in ctx.d, 0 none) the Dutch meeting or talks noun at token i of
 * sentence si is named by: a day or month right after it and "van" ("De ontmoeting van
 * maandag", "het overleg van 12 maart"). */
size_t bcx_nl_named_by(const ctx *c, size_t si, size_t i);
/* 1 when English talks m are named by their day with "at" or "during" before it ("Officials
 * at Friday's session said", "during Monday's meeting", "at the June 12 session"): the
 * occasion of what their sentence reports. */
int bcx_at_named_day(const ctx *c, const mention *m);
/* The day of Dutch meeting m, undated and the last one its sentence names, that the next
 * sentence of its paragraph gives opening with "Die" or "Deze" and a verb of holding in
 * the past ("... een werksessie tussen ... Hekou. Die vond op 31 december vorig jaar in Lao
 * Cai plaats"), one day or month in it; else NULL. */
const xd *bcx_nl_then_held(const ctx *c, const mention *m);
/* Dutch meeting m dated by the year of its name alone, the last meeting its sentence names,
 * and the next sentence pointing back at it with a verb of holding and one day of that year
 * ("... in de marge van de Voorjaarsontmoeting 2019, .... Die ontmoeting werd op 22 maart in
 * Lang Son gehouden"): m takes that day, cites that sentence, and the meeting that sentence
 * names is m (undated, so not told again); 1 when it did (extract_meet_dayname.c). */
int bcx_nl_name_year_day(ctx *c, mention *m);
/* Dutch meeting m, undated and not to come, whose first meeting told after it, within two
 * sentences, is talks of a day opening their sentence with the article and their noun ("...
 * hebben in Beihai de 15e vergadering van hun gezamenlijk werkcomité gehouden. ... Het
 * overleg begon op 28 februari 's middags"), no other meeting in that sentence: the talks
 * are m told again; m takes their day and cites their sentence, they are not told apart;
 * 1 when it did (extract_meet_dayname.c). */
int bcx_nl_talks_back(ctx *c, mention *m);
/* Dutch talks m, the first the report tells and of no body, are on the sidelines of another
 * meeting (a meeting of their own, not folded into it) when a later sentence, of no talks
 * of its own, points back at them with the article and a noun of talks and says so ("Het
 * overleg vond plaats in de marge van de Voorjaarsontmoeting 2019") (extract_meet_dayname.c). */
void bcx_nl_sidelines_back(ctx *c, mention *m);
/* The date of Dutch meeting m, undated and the last one its sentence names, that the next
 * sentence of its paragraph gives opening with "Die" or "Deze" and "staat gepland" or "is
 * gepland" ("... is de derde conferentie van de partijsecretarissen .... Die staat gepland
 * voor maart 2023"), one day or month in it and no meeting of its own: to come; else NULL. */
const xd *bcx_nl_then_planned(const ctx *c, const mention *m);
/* 1 when Dutch date d names another meeting than m, after its noun and "van" ("De ontmoeting
 * van maandag volgde op een werksessie": maandag is not the working session's). */
int bcx_nl_day_of_other(const ctx *c, const mention *m, const xd *d);

/* ---- extract_meet_clause.c ---- */

/* 1 when English talks m are named by a verb that says they took place ("received",
 * "hosted", "met with", "sat down"): a month or year gone by may date them. */
int bcx_talks_past_verb(const ctx *c, const mention *m);

/* ---- extract_meet_undated.c ---- */

/* The tokens of the words that alone time meeting m, left without a date, when only a
 * publication date would place them: a weekday or a day counted from it ("On Tuesday",
 * "yesterday") when no publication day was given; for talks that took place, a week or
 * this or last year's event's day ("last week", "on the opening day of this year's fair",
 * "开幕当天", *span 1: no date holds it, with or without a publication date), or a month gone
 * by when none was given ("earlier this month", *span 2). Their first token in *u; 0 when
 * none, or when another meeting of the sentence may own them past a comma. */
size_t bcx_undated_words(const ctx *c, const mention *m, size_t *u, int *span);
/* 1 when date d is a year said to be gone by ("earlier this year", "last year", "late
 * 2023") in the clause of English talks m, after them, no amount or date between: it
 * dates them. */
int bcx_year_gone(const ctx *c, const mention *m, const xd *d);
/* 1 when English date d follows mention m in its clause after nothing but the name of
 * its body, words of being and of planning, a word of holding and where ("the 17th
 * conference of the Joint Working Committee is scheduled to be held in Guangxi in early
 * 2026"): a year so written dates it as near as a day would. */
int bcx_held_chain(const ctx *c, const mention *m, const xd *d);
/* The day of mention m, whose English sentence writes none and opens by referring back
 * ("The agreement was reached as ...", "The opening ceremony, jointly held by ..."), when
 * the sentence before it opens a paragraph, names no meeting and writes one date, a day
 * of the same tense (to come, or not): that day; NULL otherwise. */
/* 1 when talks at token i open sentence si (an article at most before them) and it says
 * they took place ("Het gesprek vond plaats in Ha Long, op vrijdag 30 augustus", "The
 * talks were held in Hekou on Friday"), in the paragraph of the sentence before: the talks
 * of whoever that sentence names. */
int bcx_talks_open_held(const ctx *c, size_t si, size_t i);
/* 1 when meeting m is followed by an aside of where it was held, set off by commas and
 * with no date ("Die voorjaarsontmoeting, gehouden in Nanning, gaf het startsein voor de
 * groei van het toerisme in maart"), and date d stands in the main clause after it, which
 * says nothing of holding: what the meeting did or led to, d the time of that. */
int bcx_after_held_aside(const ctx *c, const mention *m, const xd *d);
const xd *bcx_back_day(const ctx *c, const mention *m);
/* 1 when an English clause between token from (after talks of its sentence already told)
 * and talks at token i opens with a day of its own, a few words before them ("On August
 * 28, ... received ..., and on Friday, August 30, Liu held talks with ..."), or the talks
 * told first stand in a relative clause closed before i ("The leaders ..., who last met in
 * Hekou in January 2020, held online talks on Tuesday"): talks i are another meeting. */
int bcx_own_day_between(const ctx *c, size_t from, size_t i);
/* 1 when tokens [t0, t1) stand after mention m, in a later clause of its sentence that
 * names another meeting after them: that meeting's (its day, its place), not m's. */
int bcx_later_clause_of_other(const ctx *c, const mention *m, size_t t0, size_t t1);
/* 1 when date d opens such a clause ("，今年3月18日双方还在谅山举行了春季会晤"): however
 * near m it stands, it is the other meeting's day. */
int bcx_day_of_later_clause(const ctx *c, const mention *m, const xd *d);
/* 1 when date d is introduced by a word of holding right before it, a preposition
 * between at most ("to chuc ngay 30/10/2025", "dien ra vao ngay", "held on", "tenue le",
 * "举行于", "odbylo sie", "holls den", "gehouden op"), and it follows mention m in its
 * sentence with no other meeting between: the date is m's, however long m's name (a list
 * of provinces in it). Mentions idx[a..b) are the sentence's. */
int bcx_held_on(const ctx *c, const mention *m, const xd *d, const size_t *idx, size_t a, size_t b);
/* 1 when the verb of meeting at token i of English sentence si is a participle after "which
 * was" (an adverb between at most) and a numbered or named meeting stands before it ("the
 * 2023 Spring Meeting ..., which was hosted via video link on Feb. 22"): that meeting's,
 * no talks of their own. */
int bcx_meeting_passive(const ctx *c, size_t si, size_t i);
/* 1 when English talks at token i of sentence si are followed by "on" and a day ("The talks
 * on Tuesday between Lao Cai and Yunnan built on the outcomes of the fifth conference"):
 * talks of that day, even in the clause of another meeting. */
int bcx_talks_on_day(const ctx *c, size_t si, size_t i);
/* English talks m of sentence si on the sidelines of the one numbered or named meeting of
 * its sentence (mentions idx[a..b)), undated, take that meeting's day when it took place
 * ("On the sidelines of the fifth annual conference ... in Lai Chau on October 29, the Tuyen
 * Quang Party chief had a bilateral meeting with Wang Ning"). */
void bcx_sideline_day(ctx *c, mention *m, const size_t *idx, size_t a, size_t b);
/* The month or day last named before token i in its sentence, or in the sentence before it
 * in its paragraph (not a weekday, a day counted from another, a span, a period nor the
 * dateline), whose month a bare day of the month ("op de 12e") is of; NULL when none. */
const xd *bcx_month_before(const ctx *c, size_t i);
/* Without a reference date: the month (1..12) of the last month word without its year
 * before token i in its sentence or the one before it in its paragraph, 0 when none. */
int bcx_bare_month_before(const ctx *c, size_t i);
/* A held meeting m whose day took its year from the reference date but falls after it
 * keeps only its month and day (README: a past event's day after published_on has no
 * year). */
void bcx_unyear_held_after(const ctx *c, mention *m);
/* The date of numbered mention m, whose sentence writes none, from the sentence after it
 * in its paragraph when that one opens with "The" and m's noun in English ("... the fifth
 * annual conference between ... . The conference and the 11th session ... took place in
 * Lai Chau on October 30") or, in any language, with a word pointing back at a meeting
 * and a meeting noun ("That meeting", "Cette reunion", "Hoi nghi nay", "Spotkanie to",
 * "该次会议"), or in Swedish with m's noun again ("Motet holls"), says it was held (or, pointing
 * back, that it will be: "se tiendra", "vindt ... plaats") and writes one date of a month or
 * a day, of m's tense (or any when m's own words say none); NULL otherwise. *tense is then
 * that sentence's: 1 to come, -1 took place (0 with NULL). */
const xd *bcx_next_says_when(const ctx *c, const mention *m, int *tense);
/* 1 when province h, after the word of place at token loc in sentence si, is a member of a
 * body its sentence names, not a place: the body's name lies between that word and it ("i
 * Gemensamma arbetsgruppen för Lai Chau, Lao Cai ..."), or the list h opens runs into it
 * ("在莱州、老街、宣光、奠边四省与云南省联合工作组…会议上"). (extract_meet_mech.c) */
int bcx_member_of_body(const ctx *c, size_t si, size_t loc, const hit *h);
/* 1 when place h of sentence s opens a list of two or more other provinces, or is a
 * province closing one ("i Lao Cai, Lai Chau, Dien Bien, Tuyen Quang och Yunnan i Kunming",
 * "à Lao Cai, ..., Tuyen Quang et au Yunnan"): the members of a body, not where a meeting was
 * held; a town after the list ("och Yunnan i Kunming") is no part of it.
 * (extract_meet_emit.c) */
int bcx_in_province_list(const ctx *c, const sent *s, const hit *h);
/* 1 when mention m is named as the time of what its sentence reports: a word for before
 * (bcx_time_reference), or for ahead of, just before it in its clause ("Officials met ahead
 * of the 17th conference", "a la veille de la 12e reunion", "truoc them Hoi nghi lan thu 17",
 * "in aanloop naar de 16e conferentie"): the sentence's verbs are the other's
 * (extract_meet_emit.c). */
int bcx_occasion_of(const ctx *c, const mention *m);
/* 1 when a numbered or named meeting of sentence si (its mentions: sm) is named as
 * the time of what the sentence reports (bcx_occasion_of), after token i ("Leaders held
 * talks in Lang Son ahead of the 17th conference") or before it ("Przed 12. spotkaniem
 * wicegubernatorzy przeprowadzili rozmowy", "Ahead of the 12th meeting, officials held
 * talks"): talks at i are their own, not that meeting's clause. */
/* Indexes the mentions by sentence (ctx.sm_at, ctx.sm_k), and the visits (ctx.visit_k), for
 * bcx_sent_mention: BC_OK or BC_ENOMEM (ctx.rc set). Built again only when mentions were added
 * since (a mention's sentence and visit are set when it is made). */
int bcx_index_mentions(ctx *c);
/* Frees the indexes of the mentions, paragraphs and numbers (bcx_index_mentions,
 * bcx_index_paragraphs, bcx_index_ordinals). */
void bcx_free_indexes(ctx *c);
/* The r-th mention (index into ctx.m, in that order) of sentence si; SIZE_MAX past the last.
 * By the index when it covers every mention, else by a walk over them. */
size_t bcx_sent_mention(const ctx *c, size_t si, size_t r);
typedef struct bcx_sent_mentions {
    size_t nnum;           /* the numbered mentions are the first nnum */
    size_t named0, named1; /* the named mentions of the sentence */
    size_t talks0;         /* its talks: from here to ctx.nm (told in sentence order) */
} bcx_sent_mentions;
int bcx_talks_ahead_of(const ctx *c, const bcx_sent_mentions *sm, size_t si, size_t i);
/* The index of the first of the nnum numbered mentions (the first ones of c->m, in
 * sentence order) that is of sentence si or after it (nnum when none): a binary search, so
 * that asking it for every token keeps extraction linear. */
size_t bcx_first_numbered(const ctx *c, size_t nnum, size_t si);
/* When meeting m is named as the time of talks its sentence reports after it ("Przed 12.
 * spotkaniem wicegubernatorzy przeprowadzili rozmowy w Hekou 12 marca"): the first token
 * of those talks + 1, what follows m in its sentence, day and place, being theirs and not
 * m's; else 0 (extract_meet_emit.c). */
size_t bcx_occasion_before_talks(const ctx *c, const mention *m);
/* 1 when date d is the day of talks meeting m is named as the time of, not m's: d stands
 * before m ("Leaders held talks in Lang Son on 12 March ahead of the 17th conference"), or
 * after it when those talks follow it ("Przed 12. spotkaniem ... przeprowadzili rozmowy w
 * Hekou 12 marca"), but in a clause of m's own set off by commas before them ("Ahead of the
 * 12th meeting, which opens on 20 April, officials held talks") (extract_meet_emit.c). */
int bcx_day_of_talks_ahead(const ctx *c, const mention *m, const xd *d);

/* ---- extract_date_doubt.c ---- */

/* 1 when date d, taken by a meeting, was completed rather than written while the story told
 * before it says another time: its year the reference date's (or none) under a paragraph a
 * year opens ("In 2021, ... . On May 28, the two sides held talks" in a 2025 report), near a
 * day written with another year, after "Two years later", "The following year" or "Later that
 * year" of another year, or counted in days from a day of another year; a weekday or bare
 * day ("op de 12e", "12日" under a dateline) after a day or month of another time; "同日" of
 * the dateline after a meeting held "近日". The completion is a guess: no date. Returns
 * why, the BC_XD_* bit its note tells (0 when no doubt): BC_XD_STORY_ELSEWHEN (another
 * year told), BC_XD_DAY_ELSEWHEN (a weekday or bare day after another time),
 * BC_XD_COUNTED_ELSEWHEN (counted from a doubtful day), BC_XD_SAME_DAY_LATELY ("同日"). */
unsigned bcx_completion_doubt(const ctx *c, const xd *d);
/* 1 when no reference date was given and date d writes a year before the latest year the
 * article writes of what took place ("Quang Hoa and Longzhou, which signed an agreement on
 * September 4, 2013, plan to hold a ceremony" in a report of 2023): no date of a meeting
 * to come. */
int bcx_before_report_year(const ctx *c, const xd *d);
/* 1 when sentence si opens with a day counted from another, a few words in at most ("Ten
 * days later,", "Tien dagen later", "Dix jours plus tard", "Dziesiec dni pozniej", "Tio
 * dagar senare", "Muoi ngay sau", "三天后", "The next day", "De dag erna"): the day counted
 * from is the one the report told before, whatever paragraph it stands in; 2 when it counts
 * years ("Two years later", "The following year", "Het jaar daarop", "两年后", "第二年"): its
 * year is that one's and more, never the reference date's nor the paragraph's; 0 none. */
int bcx_counted_opening(const ctx *c, size_t si);

/* ---- extract_meet_date.c ---- */

/* Gives each mention the date of its sentence that is about it. */
void bcx_resolve_mentions(ctx *c);

/* ---- extract_date_conf.c ---- */

/* The BC_XD_* bits of how mention m's date was attached that make it doubtful; 0 when it
 * has no date or none applies. */
unsigned bcx_date_doubts(const ctx *c, const mention *m);
/* The confidence of a date with those doubts: 1 without any, below BC_X_MIN_CONFIDENCE
 * with one or more. */
double bcx_date_confidence(unsigned doubts);
/* Weighs the date of each mention (after bcx_resolve_mentions, before bcx_emit_meetings):
 * sets date_doubts and date_conf, and withholds a date below BC_X_MIN_CONFIDENCE (date
 * "", the mention kept). */
void bcx_weigh_dates(ctx *c);

/* ---- extract_date_context.c ---- */
/* The year words for "that year" right after day or month d ("op 28 december van dat jaar",
 * "on December 21 that year") refer to: that of the date told before d, six sentences back
 * at most, when it writes its year; else 0 (extract_date_context.c). */
int bcx_that_year_of(const ctx *c, const xd *d);

/* What mention m's passage says of the year of its date when that year was completed from
 * the reference date or left out (date stated in its sentence): words for "that year"
 * ("later that year, on December 21", "op 28 december van dat jaar": the year of the date
 * told before them), a relative year opening the sentence ("Vorig jaar ... eind
 * februari"), or, for a year alone of the meeting's name, a sentence opening with "then"
 * ("当时，2018年...新春会晤...举行": the month the sentence before told). Returns 1 when
 * the text fixes the date and m->date was rewritten to it, -1 when it says another year
 * context but fixes none (the date is doubtful: BC_XD_YEAR_CONTEXT), 0 when it says
 * nothing of it. */
int bcx_date_year_context(const ctx *c, mention *m);

/* ---- extract_meet_told.c ---- */

/* A day the report has reached: what "the next day", "la veille", "次日" count from. */
typedef struct bcx_told {
    char iso[16]; /* "2025-03-14" or "--03-14" */
    int inferred; /* as the meeting's date_inferred it came from */
    size_t si;    /* its sentence + 1; 0: none yet */
} bcx_told;

/* 1 when a word for the next one ends right before token i of sentence si ("举行下一轮
 * 工作会谈", "their next round of talks", "the next talks"): the talks named there are
 * another meeting than those its sentence reports. */
int bcx_next_round(const ctx *c, size_t si, size_t i);
/* The first token of sentence si after its dateline, if it has one ("越通社莱州10月30日电
 * 2025年10月30日上午，...", "Hanoi, June 13 (VNA) - On June 12, ..."). */
size_t bcx_sent_open(const ctx *c, size_t si);
/* 1 when day d opens sentence si (after its dateline) or a clause of it, a word before it
 * at most ("Cung theo Bo Chi huy, chieu ngay 11/11/2025, tai ..., don vi da to chuc Hoi
 * dam lan thu XIII"). */
int bcx_opens_clause(const ctx *c, size_t si, const xd *d);
/* 1 when another day of mention m's sentence (not its dateline) stands between day d and
 * m: d, before it, is the day of something told first ("8月1日，代表团抵达…，8月3日上午，
 * 双方举行会谈"). */
int bcx_day_between(const ctx *c, const mention *m, const xd *d);
/* 1 when day d opens a later clause of Chinese mention m's sentence and a comma closes
 * it ("…举行第七次联席会议，9月，双方又…"): the day of what that clause tells. */
int bcx_next_clause_day(const ctx *c, const mention *m, const xd *d);
/* 1 when the Chinese numbered meeting whose ordinal is at token i and noun ends before
 * token noun_end is only what is prepared ("第十二次会晤筹备会", "筹备第十二次会晤",
 * "第五次会议的筹备工作"): it is to come, and the days of its sentence are the
 * preparation's. */
int bcx_prepared_zh(const ctx *c, size_t i, size_t noun_end, size_t lim);
/* The span of four to eleven days that dates Chinese numbered or named mention m by its first
 * day ("第十五次会议于3月5日至8日在河口举行"): the one date of its sentence, in its clause or
 * opening the sentence, the sentence naming no visit, fair or other span its meeting may lie
 * within ("访问", "博览会", "期间"); NULL when none. */
const xd *bcx_long_span_zh(const ctx *c, const mention *m);
/* The day (or month, or year) of Chinese mention m written in the clause of holding that
 * modifies it ("做好年中在昆明举行的第四次年度工作会晤的筹备工作", "筹备定于6月在河口召开的第五次
 * 会议"): the meeting's own, though its sentence reports what is prepared; NULL when none. */
const xd *bcx_held_modifier_day_zh(const ctx *c, const mention *m);
/* 1 when day d stands in another clause than Chinese mention m (numbered or named), one
 * that names a meeting or talks of its own ("回顾了第三次联席会议以来的合作，并商定于明年3月
 * 举行下次会议"): that meeting's day. */
int bcx_other_noun_clause(const ctx *c, const mention *m, const xd *d);
/* 1 when Chinese mention m (numbered or named) is the time of what its sentence reports,
 * before it ("在第八次会晤召开前夕", "第八次会晤召开前一天，即11月29日"): no day of that
 * sentence is its. */
int bcx_eve_of_zh(const ctx *c, const mention *m);
/* 1 when Chinese numbered mention m names what another meeting of its clause is about
 * ("第十五次会议成果落实情况通报会3日在南宁举行", "召开第七次联席会议纪要落实推进会"): the day is
 * that meeting's. */
int bcx_modifier_zh(const ctx *c, const mention *m);
/* 1 when Chinese day d is the one first planned ("原定于10月举行，后推迟至12月2日"): not
 * the day the meeting took or takes place. */
int bcx_first_planned_zh(const ctx *c, const xd *d);
/* 1 when mentions a and b (a first) are coordinated: at most four tokens apart with a
 * conjunction or punctuation between ("the 4th conference and the 10th meeting"): they share a
 * date, and a place their sentence gives after or before them both (extract_meet_coord.c). */
int bcx_coordinated(const ctx *c, const mention *a, const mention *b);
/* 1 when mentions a and b (a first) are told together: coordinated, or only the name of
 * a's body and its members between them, then a conjunction ("the 12th meeting of the Joint
 * Working Group of Lai Chau, ... and Yunnan and the 6th Annual Conference ... were held in
 * Kunming"): a place their sentence gives after or before them both is both's. */
int bcx_told_together(const ctx *c, const mention *a, const mention *b);
/* 1 when numbered mentions a and b (a first) are joined by "and" (the word right before
 * b, an article and "of" aside: "en van de 9e vergadering") with no date between them: the date of
 * one is the other's. */
int bcx_joined_numbered(const ctx *c, const mention *a, const mention *b);
/* 1 when mention b is added to the one before it: "along with", "together with",
 * "ainsi que", "cung voi", "wraz z", "samen met", "tillsammans med", "同时" right before
 * it (an article aside). */
int bcx_along_with(const ctx *c, const mention *b);
/* 1 when Chinese mention b is said held at the same time as the one before it ("…第三次
 * 年度工作会晤在河江举行，联合工作组第九次会议同期召开"): it shares that one's date. */
int bcx_same_time_zh(const ctx *c, const mention *b);
/* 1 when the Chinese ordinal at token i counts within a time ("今年以来的首次高层会谈",
 * "两年来第一次", "今年的第二次正式会谈", "年内第三次"): the nth in a while, no number of a
 * series. */
int bcx_first_since_zh(const ctx *c, size_t i);
/* 1 when Chinese year d (or a part of one) after mention m is what its sentence speaks of,
 * not when m was held ("第十一次会晤总结了2024年合作成果", "确定2026年为…", "《2026年合作计划》",
 * "回顾了2023年以来"): neither right after m, after 于 or 在, nor before a verb of holding;
 * or a year before m said to be something ("2025年是中越建交75周年"). */
int bcx_year_of_other_zh(const ctx *c, const mention *m, const xd *d);
/* 1 when a Chinese verb of deciding or saying stands between mention m and day d after it
 * ("第十二次会晤确定，双方将于12月20日…"): the day is what was decided, not m's. */
int bcx_decided_day_zh(const ctx *c, const mention *m, const xd *d);
/* 1 when Chinese mention m decides what its sentence tells ("第十一次会晤商定…", "在第十三次
 * 会晤上，双方同意…"): it took place, whatever is to come after it. */
int bcx_deciding_zh(const ctx *c, const mention *m);
/* 1 when Chinese day d of mention m's sentence is not m's by any of the above
 * (bcx_next_clause_day, bcx_other_noun_clause, bcx_first_planned_zh, bcx_year_of_other_zh,
 * bcx_decided_day_zh), or d stands in another clause than m's, which says m took place
 * lately ("两地近日举行会谈，就11月28日发生的…交换意见": none), or d stands after m in a
 * later clause, one that names no meeting, holding or time of m ("…举行会谈，
 * 推动东兴方面于10日上午恢复…通关"), or while a date as fine writes m's own clause or opens
 * the sentence ("1月8日，…举行会谈，…于10日…"): another action's day. */
int bcx_not_its_day_zh(const ctx *c, const mention *m, const xd *d);
/* 1 when Chinese month d, its end and a word of before right after it ("本月底前", "4月底之前",
 * "6月下旬前"), stands in the clause of planned meeting m, right before its holding: the
 * month m is to take place in, not a deadline of something else (the annotations date
 * "voor eind september om de tafel" by its month). */
int bcx_month_end_planned_zh(const ctx *c, const mention *m, const xd *d);
/* The day of a delegation's arrival or visit that sentence si tells without naming a
 * meeting: its only day, opening it ("Le 14 mars, une delegation ... est arrivee a Lang
 * Son"), neither a day things run from nor a deadline. NULL when none. */
const xd *bcx_arrival_day(const ctx *c, size_t si);
/* Day iso (of sentence si, as inferred as the meeting it dates) is told. With forward set
 * (days of what took place) the report stands there only when it is that day or a later
 * one, within two months when the year of either is not known: a day recalled from
 * before ("la 7e reunion, tenue le 3 decembre dernier") leaves it where it was. A date
 * that is no day changes nothing. */
void bcx_tell(bcx_told *t, const char *iso, int inferred, size_t si, int forward);
/* Dates the days of sentence si counted from another (xd.rel): from the day held tells,
 * or, for words of what is to come, from planned when it was told after it; a day written
 * right after the words ("La veille, dans l'apres-midi du 21 fevrier") speaks for itself.
 * With no meeting told before them, the day the date finder counted from stands (the
 * report's, for words of what is to come); a day that cannot be counted is marked used. */
void bcx_count_days(ctx *c, size_t si, const bcx_told *held, const bcx_told *planned);

/* A numbered mention by its number (bcx_index_ordinals). */
typedef struct bcx_ordinal {
    int ord;
    size_t k; /* its index in ctx.m */
} bcx_ordinal;
/* Indexes the numbered mentions of a mechanism by number (ctx.ords), once every number and
 * mechanism is settled (bcx_link_mechanisms): BC_OK or BC_ENOMEM (then bcx_told_before walks every
 * mention). */
int bcx_index_ordinals(ctx *c);
/* The mention of an earlier sentence that dated the same numbered meeting as m (its
 * ordinal and mechanism, or, m's mechanism unknown, the same noun), the last one; NULL when
 * none or when a dated meeting of that number is another mechanism's ("kể từ Phiên họp lần thứ 10
 * tổ chức tại Côn Minh vào tháng 6/2024 ... Phiên họp lần thứ 10 khi đó diễn ra cùng thời điểm với
 * Hội nghị ... lần thứ 4": the date the fourth conference shares). */
const mention *bcx_told_before(const ctx *c, const mention *m);
/* Dates English talks m that the lead of a wire report says were held and dates no
 * further ("CAO BANG, Nov 20 (VNA) - The border guards of ... held talks here ..."), m
 * still undated: the dateline's day ("2023-11-20",
 * its year the reference's, marked inferred; "--11-20" without one). Returns 1 when it did;
 * 0 when m is not such talks, its sentence writes a month or day of its own (or an
 * own-relative participle: ", held in ..."), or the report tells a day one to three days
 * before the dateline's ("November 18", "yesterday", "on Tuesday"). */
int bcx_dateline_day(const ctx *c, mention *m);
/* The meeting of the sentence before m's, in its paragraph, whose date m takes when its
 * sentence writes none and says m took place at that time with an adverb of then inside a
 * clause ("... van de lentebijeenkomst van 2025, die in februari in Ha Long werd gehouden.
 * Ook de zestiende vergadering ... vond toen plaats"); NULL when none or several dates. */
const mention *bcx_then_of(const ctx *c, const mention *m);
/* The one date of the sentence before mention m's in its paragraph, a sentence that names
 * no meeting, when m's Dutch sentence writes no date and opens with "Toen" and its verb
 * ("Eerdere afspraken ... dateren van eind 2024. Toen vond in Hekou een vergadering ...
 * plaats"): the meeting's date then; else NULL. */
const xd *bcx_then_day(const ctx *c, const mention *m);
/* Dutch talks m of the dateline's sentence, told in the perfect with a word of holding them
 * and no day of their own ("HA GIANG, 15 oktober (ANP) - ... hebben in Meo Vac overleg
 * gevoerd"), take the dateline's day when the article dates no meeting in the week up to it:
 * the day the report was filed is the day it reports. */
void bcx_dateline_talks(ctx *c, mention *m);
/* 1 when date (ISO, or a span's first day) lies after the report's date: a later year, a
 * later month of its year, a later day of its month; 0 when either is not known. */
int bcx_after_report(const ctx *c, const char *date);

/* ---- extract_meet_placed.c ---- */

/* Marks in each meeting's provinces_placed the provinces its sentences name only after a
 * word of place ("在越南老街省举行", "in Lao Cai"), never as a member. */
void bcx_mark_placed_provinces(ctx *c);

/* ---- extract_meet_emit.c ---- */

/* Turns the mentions into the extraction's meetings. */
void bcx_emit_meetings(ctx *c);
/* After the restatements are merged: a meeting its statements name only as the time of
 * something else ("ahead of the 14th meeting", "为筹备…会议", "voorafgaand aan"), whose status
 * no sentence says and no date against the reference date decides, is "unknown": "ahead
 * of" puts it after the talks and says nothing of whether it has taken place. */
void bcx_unsaid_status(ctx *c);

/* ---- extract_gate.c ---- */

void bcx_find_gates(ctx *c);
/* Adds the crossing of sentence si named by tokens [g0, g1) with its sides, project (or
 * NULL: of the kind the PK_* bits present describe), whether it is a pair, confidence. */
void bcx_gate_add(ctx *c, size_t si, size_t g0, size_t g1, const char *vn, size_t vnl,
                  const char *cn, size_t cnl, const gz_project *p, unsigned present, int pair,
                  double conf);
/* The country a known name that is exactly tokens [a, b) belongs to: +1 Vietnam, -1
 * China, 0 unknown. */
int bcx_place_side(const ctx *c, size_t si, size_t a, size_t b);
/* The crossing words (PK_* bits) within n tokens of [a, b]. */
unsigned bcx_crossing_near(const ctx *c, size_t si, size_t a, size_t b, size_t n);

/* ---- extract_gate_known.c ---- */

/* 2 when key (n bytes) is a strong key of a side ("|strong|...|#|weak|...|"), 1 a weak
 * one, 0 none. */
int bcx_gate_has_key(const char *keys, const char *key, size_t n);
/* The known project whose sides are the na bytes at a and the nb at b (either order) and
 * whose kind is one of present (PK_* bits; PK_CROSS: any kind, a curated one first, then a
 * crossing point), else NULL; *swapped when the Chinese side comes first. */
const gz_project *bcx_gate_project_named(ctx *c, const char *a, size_t na, const char *b, size_t nb,
                                         unsigned present, int *swapped);
/* The known project whose sides are the texts of tokens [a0,a1] and [b0,b1] (either
 * order) and whose kind is one of want (PK_* bits), else NULL; *swapped when the Chinese
 * side comes first. */
const gz_project *bcx_gate_project_for(ctx *c, size_t a0, size_t a1, size_t b0, size_t b1,
                                       unsigned want, int *swapped);
/* The kinds of known project a pair with crossing words bits may be (a crossing point
 * when bits name none; PK_CROSS kept when they name no kind but "crossing"). */
unsigned bcx_gate_want_of(unsigned bits);

/* ---- extract_gate_named.c ---- */

/* The known crossings of sentence si named by a name of their own (an alias the store
 * records, not written as a side of a crossing its sentence names: gates [before, ngates)),
 * and lines named by their Vietnamese side alone; present: its crossing words. */
void bcx_gate_named(ctx *c, size_t si, size_t before, unsigned present);
/* The known crossing of sentence si named by one side next to a word for a crossing
 * ("坝洒口岸", "the 坝洒 crossing", "cửa khẩu Bà Sái"): when the store's crossings record one
 * place facing that side, the known crossing of the two of the kind the word states (any,
 * curated first, for "crossing"); nothing when they record none or several, or none of
 * that kind: one side alone never makes a new crossing. */
void bcx_gate_one_side(ctx *c, size_t si);

/* ---- extract_gate_zh.c ---- */

/* The Chinese pairs of sentence si ("河口—老街口岸"); present: its crossing words. */
void bcx_han_pairs(ctx *c, size_t si, unsigned present);
/* Two gates of sentence si facing each other ("X口岸...与越南...Y口岸相接"). */
void bcx_han_facing(ctx *c, size_t si, unsigned present);

/* ---- extract.c ---- */

/* Adds statement [qs, qe) to a fact's citations (once per sentence). */
void bcx_cite_add(bc_xcite *c, size_t qs, size_t qe);
/* Merges meeting b, a restatement of a, into a: citations, number, body, the most precise
 * date, place, status, people, provinces (extract.c). */
void bcx_merge_meeting(bc_xmeeting *a, const bc_xmeeting *b);
/* 1 when meetings j and i of c->out are one told twice, by dedup's rules (extract.c). */
int bcx_same_meeting(const ctx *c, size_t j, size_t i);
/* ---- extract_meet_pronoun.c ---- */
/* The day sentence si tells of the meeting the sentence before names, when si opens with a
 * subject pronoun or a meeting noun (of no kind, or of a kind that sentence names) and a verb
 * of taking place in the past, the day a few words after the verb in its clause ("It took
 * place on 22 March", "Elle s'est tenue le 22 mars", "Zij vond op 22 maart plaats", "Det
 * hölls den 22 mars", "Odbyło się ono 22 marca", "Spotkanie odbyło się 22 marca"; en, fr, nl,
 * sv, pl) and it has no other date, nor words of a time to come, of another day or year: that
 * day (borrowed from c->d), *pronoun 1 when a pronoun is the subject; else NULL. */
const xd *bcx_pronoun_day(const ctx *c, size_t si, int *pronoun);
/* ---- extract_meet_reconcile.c ---- */
/* The meetings dedup left apart (gone[i] not set) that are one meeting told in several
 * places, its date written in parts (a year in one, the day in another: the same number of
 * the same body; a yearly body's named meeting and its one day of the article; "the same
 * day" as a day that now has its year): merged (gone set) with the fullest date they agree
 * on. */
void bcx_reconcile_dates(ctx *c, unsigned char *gone);
/* The sentence that holds byte offset at: the last one starting at or before it (0 when
 * there is none). */
size_t bcx_sentence_at(const ctx *c, size_t at);
/* 1 when sentence si tells a year relative to the reference date ("this year's", "vorig
 * jaar", "明年"), or a month or day it counts from one that was not given: a year another
 * mention writes may not be the one it means. */
int bcx_year_told_relative(const ctx *c, size_t si);
/* Before talks are merged into a meeting of their day: talks that name nothing of their own
 * (no body, number, province or person), told in the sentence right after the one sentence
 * that names a meeting of a body dated only by its year, are that meeting ("the 2023 Spring
 * Meeting ... The meeting, held on February 22, ..."): merged into it (gone set) with the
 * fullest date they agree on. */
void bcx_reconcile_next(ctx *c, unsigned char *gone);
/* Merges the citations of b into a. */
void bcx_cite_merge(bc_xcite *a, const bc_xcite *b);
/* Merges a headline's round bound into the one body amount it rounds ("超千亿元" and
 * "1002.6亿元": over it by at most 5 %, "nearly" under it by at most 5 %; same currency,
 * goal or not, fitting periods and measures): the body's statement stays, with the
 * headline's quote (extract_fig_head.c). */
void bcx_fig_merge_heading_bounds(ctx *c);
/* The province ids of sentence si's names, at most max, into ids; returns how many. */
int bcx_sent_provinces(const ctx *c, size_t si, char ids[][64], int max);
/* 1 when province name h of sentence si is part of a person's title or office: an office
 * (C_OFFICE) right before or after it, with only linking words and bodies (C_OFFICE_LINK)
 * between ("Guangxi Vice Chairman", "Pho Chu tich UBND tinh Lao Cai", "河江省人民委员会副主席").
 * Such a province is no party of what the sentence reports. */
int bcx_province_in_title(const ctx *c, size_t si, const hit *h);
/* 1 when province name h of sentence si is only part of a crossing's name: one side of a
 * pair of names joined by a dash, the other no province, with a word for a crossing point
 * or a pair next to them ("au poste-frontière Lao Cai–Hekou", "cặp cửa khẩu Lào Cai – Hà
 * Khẩu", "河口—老街口岸"), or one crossing named after its town ("老街口岸", "cửa khẩu quốc
 * tế Lào Cai", "the Lao Cai International Border Gate"). Never when its word for a
 * province goes with it ("老街省", "tỉnh Lào Cai"). Such a province is no party of a figure. */
int bcx_province_in_crossing(const ctx *c, size_t si, const hit *h);
/* 1 when province id is a Chinese province in the gazetteer. */
int bcx_province_cn(const ctx *c, const char *id);
/* The province id became part of ("" when none). */
const char *bcx_province_merged_into(const ctx *c, const char *id);

/* ---- gazetteer_places.c (needs the article) ---- */

/* The province id the border place h (an E_PLACE name) lies in ("yunnan" for "文山"), and
 * its names in *name ("Wenshan|文山|Văn Sơn", static storage; its first is its English
 * name); NULL (and *name NULL) when it lies in none of the border provinces or is not
 * found. */
const char *bcx_place_province(const ctx *c, const hit *h, const char **name);

#endif
