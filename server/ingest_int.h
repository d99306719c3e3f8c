/* ingest_int.h: the parts of ingest (ingest.c: the article and its transaction;
 * ingest_facts.c: its facts, linked to what the store knows), internal to them. */
#ifndef BC_INGEST_INT_H
#define BC_INGEST_INT_H

#include "bordercoop/err.h"
#include "bordercoop/buf.h"
#include "bordercoop/date.h"
#include "bordercoop/extract.h"
#include "bordercoop/inferred.h"
#include "bordercoop/ingest.h"
#include "bordercoop/search_index.h"
#include "bordercoop/store.h"

#include <stddef.h>

typedef struct ingest_ctx {
    bc_store *s;
    const bc_ingest_input *in; /* lang known (given or detected) */
    const char *source_id;
    bc_ingest_result *out;
    bc_err *err;
    const bc_extraction *ex; /* what was read from it (its dates), while its facts are stored */
    /* every province's names, folded, read from the store once per article by
     * bci_province_names ("id\0name\0" pairs; names_read set then) and freed by
     * bci_store_facts when its facts are stored */
    bc_buf names;
    int names_read;
    /* the entities whose search rows the stored facts add or change, written once they
     * are all stored (by bci_store_facts, which empties it) */
    bc_search_batch search;
} ingest_ctx;

/* bc_store_lookup in a chain of steps that stops at the first error: nothing when *rc is
 * already an error, else the lookup's code into *rc. 1 when a row came back (its first
 * column copied into out, which may be NULL). */
int bci_found_row(int *rc, bc_store *s, const char *sql, const bc_bind *vals, size_t n, char *out,
                  size_t out_n, bc_err *err);

/* Stores the facts of ex at or above BC_X_MIN_CONFIDENCE, each with every statement of it
 * as a citation, and links them to the store: figures with the provinces named as
 * parties; meetings of a known mechanism (same_as a known meeting, known people as
 * participants); talks of no known mechanism as cooperation events of kind "talks"; a
 * gate pair that is a known project as a "reported" event of it, a new one as a project
 * of status "reported". Counts what it stored, linked and left out in c->out. */
int bci_store_facts(ingest_ctx *c, const bc_extraction *ex);

/* ---- ingest_facts.c: helpers the family shares (the quotes and dates among them are
 * ingest_quote.c's) ---- */

/* What each quote of one fact states: per[k] collects the field paths quote k of its
 * bc_xcite supports (its citation's `supports`). Zero it before use; bci_supports_free. */
typedef struct bci_supports {
    bc_buf per[BC_X_MAX_QUOTES];
} bci_supports;

/* Adds field to what quote k states. */
void bci_support(bci_supports *sup, int k, const char *field);

/* The JSON array of what quote k states ("[]" for nothing); valid until the next call
 * for k or bci_supports_free. */
const char *bci_supports_json(bci_supports *sup, int k);

void bci_supports_free(bci_supports *sup);

/* One citation of [start, end) of the article for the fact in column (= id), or, when
 * seq > 0, for the participant (id, seq), stating supports (a JSON array of field paths,
 * NULL for none). */
int bci_cite(ingest_ctx *c, const char *column, const char *id, int seq, size_t start, size_t end,
             const char *supports);

/* A citation of every statement of q for the fact in column (= id), each stating what sup
 * (NULL: nothing) says of it. */
int bci_cite_all(ingest_ctx *c, const char *column, const char *id, const bc_xcite *q,
                 bci_supports *sup);

/* 1 when the quote q holds a date or period the extractor read as iso (c->ex's dates), or,
 * iso a day, a span of days starting with it ("from 28 to 30 October" for a meeting dated by
 * its first day): one it writes (carried 0), or, carried 1, words that carry it from a day
 * told before ("the same day", "the day before"), which state no date. */
int bci_quote_has_date(ingest_ctx *c, const bc_xquote *q, const char *iso, int carried);

/* 1 when the quote q writes the years that start and end begin with (4 digits each, not
 * inside a longer number; NULL: not asked). */
int bci_quote_has_years(ingest_ctx *c, const bc_xquote *q, const char *start, const char *end);

/* 1 when the quote q writes the number value ("23.6" or "23,6", its sign left out). */
int bci_quote_has_amount(ingest_ctx *c, const bc_xquote *q, double value);

/* 1 when the quote q names each of the n provinces ids (at least one); *rc on a store
 * error. */
int bci_quote_names_all(ingest_ctx *c, const bc_xquote *q, const char *const *ids, int n, int *rc);

/* The fields of a fact the text does not state, and why (the fact's note). */
typedef struct bci_marks {
    const char *paths[6];
    size_t n;
    bc_buf note;
} bci_marks;

/* Adds path (NULL: none, only the reason) to m with why in its note. */
void bci_mark(bci_marks *m, const char *path, const char *why);

/* The JSON list of m's paths for a fact of kind into out (BC_ENOMEM, or BC_EINVAL for a
 * path the kind does not know: a bug here, never the article's). */
int bci_marks_json(ingest_ctx *c, bc_fact_kind kind, const bci_marks *m, bc_buf *out);

/* m's note, or NULL when it has none. */
const char *bci_marks_note(const bci_marks *m);

/* A date of the text with a year ("2025-10-30", "2025-10", "2025") parsed into *d;
 * 0 for none, for a month-day without a year ("--10-30", counted in dates_without_year
 * and explained in m's note) or for anything else. */
int bci_year_date(ingest_ctx *c, const char *date, bc_date *d, bci_marks *m);

/* A fact left without a date or period (what: "date", "period"), one of whose quotes
 * holds words of a time no date was made of (bc_extraction.unplaced: "next year", "the
 * same day" of a day not placed, a month without its year, "last month"): the note quotes
 * the first, or, when near is a byte of the text (an amount's number), the first not
 * nearer another amount of its quote ("$41m last month, and ... $13m in October": each
 * its own). */
void bci_unplaced_note(ingest_ctx *c, const bc_xcite *cite, size_t near, const char *what,
                       bci_marks *m);

/* The notes of a meeting's or talks' date (has_date: one with a year is stored), into mk:
 * the words alone that time it, which a publication date would place ("On Tuesday"; counted
 * in dates_without_year); the doubts that withheld its date (bc_xmeeting.date_doubts);
 * words of a time no date was made of, when no other note says why it has none; and
 * where its status comes from, with a held one's day after the publication date (d, NULL
 * when none) said to contradict it. */
void bci_day_word_note(ingest_ctx *c, const bc_xmeeting *m, int has_date, bci_marks *mk);
void bci_withheld_note(const bc_xmeeting *m, int has_date, bci_marks *mk);
void bci_unplaced_date_note(ingest_ctx *c, const bc_xmeeting *m, int has_date, bci_marks *mk);
void bci_held_after_note(ingest_ctx *c, const bc_xmeeting *m, const bc_date *d, bci_marks *mk);

/* A date of the text as a note writes it, into out (n bytes): a month-day or a month
 * without a year ("--11-28", "--04") in words ("28 November", "April"), any other as it
 * is ("2027-12-31"). */
void bci_date_words(const char *date, char *out, size_t n);

/* The note of a date whose year comes from published_on. */
extern const char *const BCI_WHY_YEAR;

/* Marks in sup the quotes of cite that write the date iso (as the extractor read it),
 * and in m what they do not: the date when no quote writes it, else its year when it
 * comes from published_on (year_inferred) or none of them writes it. 1 when a quote
 * writes it. */
int bci_date_supports(ingest_ctx *c, const bc_xcite *cite, const char *iso, bci_supports *sup,
                      bci_marks *m, int year_inferred);

/* The kind of body (mechanisms.kind) the quote [start, end) names, or NULL. */
const char *bci_body_kind(ingest_ctx *c, size_t start, size_t end);

/* The spans (byte offsets [0] to [1]) of the words for the kind of body kind (NULL: any)
 * in the folded text folded ("committee", "uy ban", "工作组"), at most max into spans;
 * returns how many. */
size_t bci_body_cues(const char *folded, const char *kind, size_t spans[][2], size_t max);

/* How many times the quote [start, end) names province id, by its most named alias
 * (folded); -1 on a store error (*rc set). */
/* Calls each(arg, name, len) for every name of province id, folded and NUL-terminated (its
 * aliases and its name; a Chinese one also without its 省), in c->names (every province's,
 * read and folded on the first call of an article). Returns *rc: nothing is done when it
 * is already an error; a store or memory failure sets it. */
int bci_province_names(ingest_ctx *c, const char *id,
                       void (*each)(void *arg, const char *name, size_t len), void *arg, int *rc);
int bci_times_named(ingest_ctx *c, size_t start, size_t end, const char *id, int *rc);

/* Frees what bci_province_names read (c->names); the next call reads the store again. */
void bci_names_free(ingest_ctx *c);

/* ---- ingest_body.c: whether a quote names a meeting's mechanism ---- */

/* 1 when the quote q names mechanism id: by one of its names (three letters or more,
 * folded: "Joint Working Committee", "JWC"), or by a kind of body with two or more of its
 * members (the nm provinces members) named in the quote and named as the body's: a few
 * words at most from the word for the body or from another member so named, the words of
 * the body's names, of a list of members and numbers not counted ("Nhóm công tác liên
 * hợp giữa bốn tỉnh Lào Cai, Hà Giang, Lai Châu, Điện Biên và tỉnh Vân Nam", "越南莱州、
 * 老街、宣光、奠边四省与中国云南省联合工作组"). Neither "the committee" alone nor
 * provinces the quote names for something else name it: the subject of what the sentence
 * says ("Lang Son and Guangxi leaders review border trade ahead of 17th committee
 * conference"), a speaker's or an official's province, the place. 0 on an error (*rc
 * set; nothing is done when *rc is already one). */
int bci_quote_names_mechanism(ingest_ctx *c, const bc_xquote *q, const char *id,
                              const char *const *members, int nm, int *rc);

/* ---- ingest_series.c: which body a numbered meeting is of when its sentence does not
 * say ---- */

/* bc_xmeeting.mechanism_inferred of a meeting linked by the provinces its sentence names
 * (ingest_meetings.c), by the meeting numbered just before it, or as the one body of the
 * kind its sentence names that the article's other numbered meetings are of */
#define BCI_MECHANISM_BY_MEMBERS 2
#define BCI_MECHANISM_CONTINUED  3
#define BCI_MECHANISM_OF_KIND    4

/* The mechanism a numbered meeting i of ex whose sentence names no body by name continues
 * ("The 13th meeting will take place on March 3 in Yunnan" after the 12th meeting of the
 * Joint Working Group; "the 17th conference of the committee" after its 16th): the one
 * mechanism of the meetings of the article numbered just before it (mech[j], "" for a
 * meeting of none), when the kind of body its own sentence names, if any, is that
 * mechanism's; else, when its sentence names a kind of body without saying which ("La 15e
 * conférence du comité", "the 10th meeting of the group"), the one mechanism of that kind
 * the article's other numbered meetings are of (*how set to BCI_MECHANISM_OF_KIND).
 * out[0] is '\0' when none; *rc is set on a store error. */
void bci_continued_mechanism(ingest_ctx *c, const bc_extraction *ex, char (*mech)[64], size_t i,
                             char out[64], int *how, int *rc);

/* For a numbered meeting m of mechanism mech whose sentences do not name all its members
 * (members_named), the known meeting that shows it is another body's, as the reason
 * (why[cap]); "" when none. A curated or reviewed meeting of mech with its number on
 * dates that do not meet its date ("the 10th meeting" on 2026-11-27; the known 10th:
 * 2024-06), or a held one numbered before it held after it, or after it held before it:
 * its number does not fit the mechanism's, so the kind of body it is called by names
 * another body of that kind ("the joint working group of Wenshan and Ha Giang"). */
void bci_series_contradiction(ingest_ctx *c, const bc_extraction *ex, const bc_xmeeting *m,
                              const char *mech, char *why, size_t cap, int *rc);
/* 1 when one of m's statements calls a body a group without saying which ("the group",
 * "du groupe", "grupy", "gruppen", "de groep", "cua nhom"), folded: the group the article names;
 * *rc set when out of memory. */
int bci_names_a_group(ingest_ctx *c, const bc_xmeeting *m, int *rc);
/* Writes into t the title of meeting ordinal of mechanism mech that an article names as
 * "the group" but that is kept as a cooperation event ("Meeting 11 of the Joint Working
 * Group of ... (extracted)"): the body as the article names it. 1 when written; 0 when mech
 * is unknown or on a store error (*rc). */
int bci_group_title(ingest_ctx *c, const char *mech, int ordinal, bc_buf *t, int *rc);

/* Marks in another[i] (ex->nmeetings bytes) each meeting whose statements name a kind of
 * body and that bci_series_contradiction finds to be another body of that kind than
 * mech[i] ("the Minutes of the 9th meeting of the Joint Working Committee between Quang
 * Ninh and Guangxi" while jwc-guangxi is past its 15th). *rc is set on a store error. */
void bci_other_bodies(ingest_ctx *c, const bc_extraction *ex, char (*mech)[64],
                      unsigned char *another, int *rc);

/* The meeting of ex numbered next to meeting i (one before or after) whose statements
 * name a body that is no known mechanism (mech[j] "") or another body of a known one's kind
 * (another[j], bci_other_bodies), when i's own statements name no body: i is a meeting of
 * that body ("la 8e réunion du Comité de coordination entre ... et la ville de
 * Fangchenggang ... tenir la 9e réunion"; "The 8th meeting was held in Dongxing" after the
 * 9th of the committee between Quang Ninh and Guangxi). NULL when none. */
const bc_xmeeting *bci_same_body(ingest_ctx *c, const bc_extraction *ex, char (*mech)[64],
                                 const unsigned char *another, size_t i);

/* ---- ingest_status.c ---- */

/* 1 when quote k of meeting or talks m supports its "status": one whose words say it
 * (m->status_quotes), or, when none is known to, every quote unless its status comes from
 * its date or no statement says it (m->status_unsaid). */
int bci_states_status(const bc_xmeeting *m, int k);

/* Marks m's "status" inferred, with why, when no sentence's words say it: planned because
 * its date falls after the publication date, or, named only as the time of something
 * else, held because its date does not. A status nothing tells ("unknown") is no
 * inference: the note alone says why. */
void bci_status_mark(const bc_xmeeting *m, bci_marks *mk);

/* The status stored for meeting or talks m: "planned", "unknown" (none of its statements
 * says it and no date decides it) or "held". A static string. */
const char *bci_status_value(const bc_xmeeting *m);

/* ---- ingest_meetings.c ---- */

/* Stores the meetings of ex at or above BC_X_MIN_CONFIDENCE (see bci_store_facts). */
int bci_store_meetings(ingest_ctx *c, const bc_extraction *ex);

#endif
