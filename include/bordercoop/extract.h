/* extract.h: multilingual extraction of candidate facts from article text (English,
 * Vietnamese, Chinese, French, Polish, Swedish, Dutch): money in USD, CNY, VND and EUR
 * with what it measures, counts with what they count, qualifiers, growth rates, dates
 * and periods, numbered and dated meetings, known entities from a gazetteer, and gate
 * pairs. Precision first: a value the text does not state is never given, and a value
 * completed from the reference (publication) date says so.
 *
 * Pure functions over the text and a gazetteer: nothing here reads a store
 * (gazetteer.h builds the gazetteer). Every finding carries the byte ranges of the
 * sentences that state it, which become its verbatim quotes. The cost is linear in the
 * text's length: sentences are cut at BC_X_MAX_SENTENCE bytes at most, and every later
 * stage works sentence by sentence. */
#ifndef BORDERCOOP_EXTRACT_H
#define BORDERCOOP_EXTRACT_H

#include "bordercoop/err.h"

#include <stddef.h>

/* The names the extractor knows (gazetteer.h). */
typedef struct bc_gazetteer bc_gazetteer;

#define BC_X_MAX_QUOTES     8    /* quotes kept per fact; more mentions are counted only */
#define BC_X_MAX_PARTIES    8    /* provinces kept per fact */
#define BC_X_MAX_SENTENCE   2048 /* bytes of the longest quote */
#define BC_X_MIN_CONFIDENCE 0.65 /* the threshold callers store facts at (ingest, eval) */

/* One place the article states a fact: the bytes [start, end) of a sentence. */
typedef struct bc_xquote {
    size_t start, end;
} bc_xquote;

/* The sentences that state one fact, in text order; mentions counts every statement
 * (nquotes <= BC_X_MAX_QUOTES of them are kept). */
typedef struct bc_xcite {
    bc_xquote q[BC_X_MAX_QUOTES];
    int nquotes;
    int mentions;
} bc_xcite;

/* A candidate figure: an amount of money or a count, with what it measures. */
typedef struct bc_xfigure {
    int money; /* 1: an amount of money (unit is a currency) */
    /* money: "trade_turnover", "exports", "imports", "investment", "budget_revenue",
     * "other" (aid, loans, revenue of a sector), or "" when the text does not say;
     * counts: a metric id of data/facts/metrics.json ("tourists", ...) */
    char metric[32];
    int metric_inferred; /* 1: the sentence names no measure; it comes from the amount
                          * before it (same sentence or paragraph) */
    int conversion;      /* 1: the amount before it, restated in another currency */
    int rate;            /* 1: a rate or a price ("24,500 VND per USD", "ty gia"): no
                          * measure, so never stored */
    int change_amount;   /* 1: a change, not a level ("grew by 1.5 billion USD", "tang
                          * them"): no measure, so never stored (a change is in percent) */
    int heading;         /* 1: first stated in the article's headline */
    int part;            /* 1: a part of its flow that a total of the same flow follows in its
                          * sentence ("1,2 M$ pour les produits transformés et 1,4 milliard
                          * de dollars au total"): not the flow, so never stored (ingest
                          * counts it in not_stored.without_measure) */
    int target;          /* 1: a goal, plan, forecast or commitment, not an outcome */
    double value;        /* normalised: 7,2 mld USD -> 7200000000; 3.2亿元 -> 320000000 */
    char unit[16];       /* "USD", "CNY", "VND", "EUR"; counts: "people", "tonnes", ... */
    char qualifier[12];  /* "exact", "over", "nearly", "about", "under"; a range's ends:
                          * "range_low", "range_high" */
    char period[24];     /* "2024", "2025-01/2025-09", "2025-01-01/2025-01-29"; "" none */
    int period_inferred; /* 1: the period's year comes from the reference date only;
                          * BC_X_INFERRED_DATE: its day is counted from it (a count "yesterday") */
    int period_context;  /* 1: the sentence states no period; it is the period of the
                          * amount before it (same sentence or paragraph); 2: it is the
                          * year before the period of the amount its sentence compares it
                          * with ("USD 350 million a year earlier") */
    int has_change;      /* a growth rate stated with it */
    double change_pct;   /* signed: -3.2 for a fall of 3.2 % */
    char change_qualifier[12];
    char parties[BC_X_MAX_PARTIES][64]; /* province ids named in its sentence */
    int nparties;
    unsigned parties_pointed; /* bit k: parties[k] is not named as a party but pointed at: the
                               * province named as the speaker's, then as "the province"
                               * whose figure it is ("Lang Son's vice chairman said the
                               * province wants to raise trade with Guangxi to ...") */
    char country[3];          /* "VN" or "CN": the whole country its sentence names as the other
                               * side of its trade flow ("Yunnan's trade with Vietnam", "Lao
                               * Cai's exports to China"), its parties being of the other
                               * country; "" when none (extract_fig_country.c) */
    int parties_partial;      /* the count of a group of provinces its sentence names without
                               * naming them, more than it names ("云南省与越南四省", "the four
                               * Vietnamese provinces and Guangxi"): its parties are unknown, none
                               * is given; -1 for a group named by its country alone, neither
                               * named nor counted ("Yunnan and the Vietnamese border
                               * provinces", "越南边境各省"), or of which it names one beside
                               * the others ("Lao Cai and other Vietnamese provinces");
                               * else 0 */
    int range;                /* BC_X_RANGE_LOW or _HIGH: one end of a range its sentence states
                               * ("between USD 2 billion and USD 2.5 billion", "2-2,5 tỷ USD"); the
                               * other end is the figure right after (LOW) or before (HIGH) it */
    double range_other;       /* range: the other end's value */
    char range_hedge[12];     /* range: the qualifier the text gives the whole range ("about 2-2.5
                               * billion": "about"), else "" */
    int level;                /* BC_X_LEVEL_BEFORE or _AFTER: the level before or after a change its
                               * sentence states ("rose from 2 to 2.5 billion USD", "tang tu 2 len
                               * 2,5 ty USD"); the level before takes the scale and currency of the
                               * one after when it writes none, and a period only of its own */
    double level_other;       /* level: the other level's value */
    size_t start, end;        /* the number's bytes in its first statement */
    bc_xcite cite;
    double confidence; /* 0..1 */
} bc_xfigure;

/* bc_xfigure.range: which end of a stated range a figure is (0: none) */
#define BC_X_RANGE_LOW  1
#define BC_X_RANGE_HIGH 2

/* bc_xfigure.level: which level of a change from one to the other a figure is (0: none) */
#define BC_X_LEVEL_BEFORE 1
#define BC_X_LEVEL_AFTER  2

/* How much of a date comes from the reference date (the date_inferred and inferred fields):
 * none (0), its year only (BC_X_INFERRED_YEAR: "12 June" in a 2024 report), or the whole
 * date (BC_X_INFERRED_DATE: a weekday, "on Thursday", or "yesterday" without a dateline,
 * counted from the reference date). Any non-zero value is true. */
#define BC_X_INFERRED_YEAR 1
#define BC_X_INFERRED_DATE 2

/* A candidate meeting. */
typedef struct bc_xmeeting {
    char mechanism[64];      /* a mechanism id the text names, "" otherwise */
    int mechanism_inferred;  /* 1: its sentence names the kind ("the Joint Working Group")
                              * and the article names which one elsewhere */
    char body_kind[16];      /* the kind of body its sentence calls it by, nearest to it
                              * ("grupy", "of the committee", "联合工作委员会"): "group",
                              * "committee", "conference", "Spring Meeting"; "" when its
                              * sentence names none ("den 16:e konferensen") */
    int members_named;       /* 1: a sentence of it names every member of its mechanism, or
                              * counts them: the body is that mechanism, not one of some of
                              * its members */
    int ordinal;             /* 0 when not stated */
    unsigned ordinal_quotes; /* bit k: cite.q[k] writes its number (the sentence it is
                              * numbered in, or one restating it with the number); a
                              * headline naming it without one states none */
    int kind;                /* what the text calls it: BC_XM_* */
    /* the date at the precision the text gives: "2024-06-12", "2024-06", "2024", or
     * "--06-12" when day and month are written and no year is known; "" none (talks
     * without a date are only given when they are to come in a month whose year the
     * text leaves to a publication date that was not given, when such a date alone
     * would place their day: day_word, or when they took place ahead of a meeting:
     * ahead_of) */
    char date[16];
    int date_inferred;      /* BC_X_INFERRED_YEAR or _DATE: from the reference date */
    char day_word[32];      /* a meeting without a date whose day the text gives only as a
                             * weekday or a day counted from the publication date, none
                             * having come ("On Tuesday", "星期三", "yesterday"): those
                             * words as written, else ""; also talks timed only by a span
                             * or an event's day ("last week", "on the opening day of this
                             * year's"), or by a month or year counted from a publication
                             * date that was not given ("earlier this month") */
    int day_span;           /* 1: day_word holds no day a date could ("last week"), so even
                             * a publication date leaves the talks undated; 2: it is a
                             * month or a year ("earlier this month"); 0 a day */
    char period[24];        /* the part of that year the text gives for a meeting to come,
                             * when date is its year ("2027-07/2027-09": "in the third
                             * quarter of 2027"), else "" */
    int same_day_as;        /* 1: its date is given as "the same day" as an earlier statement's:
                             * another event of that day, never merged with its talks */
    int ahead_of;           /* talks the text tells only as held ahead of meeting N of
                             * their sentence ("held talks in Lang Son ahead of the 17th
                             * conference"), none of whose words date them: N, else 0 */
    int untimed;            /* 1: talks the text says took place between both sides (one
                             * perhaps only as a group of its country), with no word of
                             * when: kept undated */
    int sideline;           /* 1: talks held on the sidelines of another meeting ("On the
                             * sidelines of the conference, A met B"): their own meeting on
                             * that one's day, never merged into it */
    char place[64];         /* the province id of its place (named, or the province of
                             * the town or prefecture named: Wenshan -> yunnan), "" when
                             * not found */
    char place_name[64];    /* the English name of that town or prefecture ("Wenshan"),
                             * "" when the place named is the province itself */
    int place_in_province;  /* 1: its sentence writes that town's province next to it
                             * ("in Wenshan, Yunnan", "thanh pho Mong Cai, tinh Quang
                             * Ninh", "广西凭祥"), so the text states where the town lies */
    bc_xquote place_at;     /* the sentence that names its place ({0, 0}: none) */
    char status[8];         /* "held", "planned", or "unknown" when none of its statements
                             * says it and no date decides it (status_unsaid) */
    int status_from_date;   /* 1: planned only because its date falls after the reference
                             * date; its words say neither that it took place nor that it
                             * is to come */
    unsigned status_quotes; /* bit k: the words of cite.q[k] say its status (held or
                             * planned); 0 when none is known to */
    int status_unsaid;      /* 1: its statements only name it as the time of something
                             * else ("ahead of the 17th conference"): none says its status */
    int status_present;     /* 1: without a reference date its words give it, dated by a
                             * year alone, only the present of taking place ("takes place
                             * in 2027"): none says its status (held, inferred) */
    int minutes_signed;     /* 1: its own sentence names it only by its minutes ("signed
                             * ... the Minutes of the 9th meeting", "第九次会议纪要") and
                             * says nothing of holding it: its day is the signing's */
    char people[8][64];     /* ids of known people named in its sentences */
    bc_xquote people_at[8]; /* the sentence that names each of them */
    int npeople;
    char provinces[BC_X_MAX_PARTIES][64]; /* provinces named in its sentences */
    int nprovinces;
    unsigned provinces_placed; /* bit k: provinces[k] is named in its sentences only as where
                                * something is held ("在越南老街省举行", "in Lao Cai"), no
                                * member of its body */
    int provinces_partial;     /* its sentence names the provinces of one side and the
                                * other side, or more of it, only as a group: the count of
                                * a group it counts without naming ("Ha Giang, Lao Cai and
                                * the two Chinese provinces"), -1 for one named by its
                                * country alone ("Lao Cai and other Vietnamese provinces"),
                                * else 0 (bcx_parties_group); provinces are those named */
    int provinces_group_cn;    /* that group's country: 1 China, 2 Vietnam, 0 not said */
    int sides_of_article;      /* 1: talks told beside a body's meeting whose own
                                * words name no parties of both countries: its
                                * provinces are the two sides of the article's
                                * other talks (none when there are none) */
    bc_xcite cite;
    double confidence;
    /* how sure the attachment of the date its sentence gives is (1: no doubt), from how it
     * was attached (BC_XD_* bits in date_doubts); below BC_X_MIN_CONFIDENCE that date is
     * withheld: date is "" and the meeting is given without it */
    double date_confidence;
    unsigned date_doubts;
} bc_xmeeting;

/* what a meeting is called (bc_xmeeting.kind) */
enum {
    BC_XM_NUMBERED = 1, /* an ordinal with a meeting noun: "the 11th meeting" */
    BC_XM_NAMED,        /* a named mechanism's meeting with a date: "the 2024 spring meeting" */
    BC_XM_TALKS,        /* talks, a working session, a reception, with a date */
};

/* how a meeting's date was attached, when that makes it doubtful (bc_xmeeting.date_doubts) */
enum {
    BC_XD_YEAR_BESIDE_DAY = 1,   /* a year alone while its sentence writes a month or a day */
    BC_XD_EARLIER_CLAUSE = 2,    /* a meeting to come, dated from an earlier clause of its
                                  * sentence that the date does not open */
    BC_XD_YEAR_CONTEXT = 4,      /* its year completed or left out while its passage says the
                                  * year otherwise ("that year", "then") and fixes none */
    BC_XD_STORY_ELSEWHEN = 8,    /* its year completed from the reference date while the
                                  * story told just before it is of another time ("... held
                                  * on October 30, 2025. On November 24, ..."): withheld */
    BC_XD_DAY_ELSEWHEN = 16,     /* its day counted from the reference date (a weekday, a day
                                  * of the month alone) right after the story told a day or
                                  * month more than a week away: withheld */
    BC_XD_COUNTED_ELSEWHEN = 32, /* its day counted from a day told before ("Ten days
                                  * later") of another year or itself completed: withheld */
    BC_XD_SAME_DAY_LATELY = 64,  /* "the same day" as the dateline's right after what was
                                  * held lately, on a day not given ("近日"): withheld */
};

/* A candidate gate pair or crossing: named with both sides, or a known project named by
 * one of its names (pair = 0). */
typedef struct bc_xgate {
    int pair; /* 1: the text names both sides */
    char vn_side[64];
    char cn_side[64];
    /* the name the gazetteer records a side's place under when the text writes it by
     * another of its names ("Huu Nghi" for 友谊, "Youyiguan" for 友谊关), else "" */
    char vn_name[64];
    char cn_name[64];
    char kind[24];     /* a projects.kind: "gate_pair", "road_bridge", ... */
    char project[128]; /* a known project id when the pair matches one, else "" */
    char date[16];     /* the date of an event of it its sentence states, as bc_xmeeting.date */
    char target[16];   /* else a date its sentence sets as a deadline or a plan ("to be
                        * finished before 31/12/2024"): not an event's */
    int date_inferred; /* of date or target: BC_X_INFERRED_YEAR or _DATE */
    bc_xcite cite;
    double confidence;
} bc_xgate;

/* A date or period found in the text. */
typedef struct bc_xdate {
    char iso[24]; /* "2025-10-30", "2025-10", "2025", "2025-01/2025-09", "--10-30" */
    int inferred; /* BC_X_INFERRED_YEAR or _DATE: what comes from the reference date */
    int carried;  /* 1: the words at [start, end) write no date but carry one told before
                   * ("the same day", "the day before", "同日"): iso is that day's */
    size_t start, end;
} bc_xdate;

/* Everything extracted from one article; arrays are owned by the result. Facts stated
 * several times are given once, with every statement in their cite. Facts below
 * BC_X_MIN_CONFIDENCE are included (callers filter); `dropped_*` are not used here. */
typedef struct bc_extraction {
    bc_xfigure *figures;
    size_t nfigures;
    bc_xmeeting *meetings;
    size_t nmeetings;
    bc_xgate *gates;
    size_t ngates;
    bc_xdate *dates;
    size_t ndates;
    size_t sentences, tokens; /* how much text was read */
    /* words of a time the text gives that no date was made of, for want of a reference
     * date (or of a day told before): "next year", "this year's first nine months",
     * "September" without a year, "the same day" of a day not placed; in text order (a
     * fact left without a date or period whose quote holds one says so in its note) */
    bc_xquote *unplaced;
    size_t nunplaced;
    size_t unmeasured_counts; /* counts of a known noun given no figure: the sentence does not
                               * say they are traffic, or they are a rate the store has no
                               * metric for; and amounts whose scale is unread, "$7.4 blns"
                               * (ingest counts them in not_stored.without_measure) */
    /* the words of those amounts whose scale is unread, so not given ("$3.5 bi", "CNY 3.3
     * yi", "1,2 B$"): the amount, its currency and the word read as no scale; text order */
    bc_xquote *unread;
    size_t nunread;
    /* the words of the amounts in another currency than the four read ("HK$3 million", "2
     * M$ CA", "2 million Canadian dollars", "30亿港元"), so not given, never as US dollars
     * (counted in unmeasured_counts too); text order */
    bc_xquote *other_currency;
    size_t nother_currency;
} bc_extraction;

/* Extracts from the len bytes of UTF-8 text written in lang (one of bc_extract_langs).
 * reference_date (ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD", may be NULL: the publication
 * date) completes dates written without a year and tells planned from held; without it
 * such dates keep only what is written ("--06-12"), and periods that need a year are not
 * given. g (borrowed, may be NULL: no entities, no parties, no mechanisms). On success
 * *out is filled (free it with bc_extraction_free). Returns BC_EINVAL for an unknown
 * language or invalid UTF-8, BC_ENOMEM on allocation failure (out is then empty). */
int bc_extract(const char *text, size_t len, const char *lang, const char *reference_date,
               const bc_gazetteer *g, bc_extraction *out, bc_err *err);

/* Frees the arrays of ex and zeroes it; NULL-safe. */
void bc_extraction_free(bc_extraction *ex);

/* The languages bc_extract knows, NULL-terminated: en vi zh fr pl sv nl. */
extern const char *const bc_extract_langs[];
/* 1 when lang (may be NULL) is one of bc_extract_langs. */
int bc_extract_lang_known(const char *lang);
/* The entry of bc_extract_langs a language tag names: the code itself in any case ("ZH"),
 * or a BCP-47 tag whose primary subtag is one ("zh-CN", "zh-Hans-CN", "vi-VN", "fr_FR");
 * NULL for anything else (NULL, "de", "zho", "zh-", "zh CN"). Static storage. */
const char *bc_extract_lang_base(const char *tag);
/* The English name of a known language ("French"), else NULL. For tests. */
const char *bc_extract_lang_name(const char *lang);

/* The language of the text, guessed from its script and its commonest words: writes the
 * code into code (one of bc_extract_langs) and how sure the guess is (0..1: the share
 * of the evidence that points to it rather than to the runner-up) into *confidence.
 * Returns 0, or BC_EINVAL when the text gives too little evidence (code is then "").
 * Reads at most the first 64 KiB. */
int bc_extract_detect_lang(const char *text, size_t len, char code[4], double *confidence);
/* bc_extract_detect_lang refuses guesses less sure than this. */
#define BC_X_DETECT_MIN 0.6

#endif
