/* ingest.h: adding an article to a running store: validate it, store it and the facts
 * extracted from it (curation "extracted", with confidence, quotes and byte offsets) in
 * one transaction, and move the store's content version. The same text twice is a
 * no-op that returns the existing source; curated facts are never modified. */
#ifndef BORDERCOOP_INGEST_H
#define BORDERCOOP_INGEST_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

#include <stddef.h>
#include <time.h>

#define BC_INGEST_MAX_TEXT (512u << 10) /* default limit of an article's text, in bytes */
/* default limit of the facts one new article may give (the amounts, meetings and talks
 * and crossings the extractor reads, stored or not): storing a fact and linking it costs
 * milliseconds, so this bounds what one ingest holds the writer for. The articles of the
 * gold corpus give at most 20 */
#define BC_INGEST_MAX_FACTS 100
/* A declared language of the Latin script is refused (400) when detection reads the text
 * as another one at least this sure (every gold article is detected right, at 0.75 or
 * more; a refusal asks for the language detection names, or none). */
#define BC_INGEST_LANG_CONTRADICTED 0.75

typedef struct bc_ingest_input {
    const char *text; /* UTF-8, len bytes (borrowed) */
    size_t len;
    const char *lang; /* one of bc_extract_langs; NULL: detected (bc_extract_detect_lang) */
    size_t max_bytes; /* the longest text accepted; 0 = BC_INGEST_MAX_TEXT */
    size_t max_facts; /* the most facts a new article may give; 0 = BC_INGEST_MAX_FACTS */
    /* when the write's budget runs out (CLOCK_MONOTONIC), NULL for none: a write that
     * cannot store its facts in what is left is refused before it starts (borrowed) */
    const struct timespec *deadline;
    const char *title, *url, *published_on, *publisher, *author; /* optional */
    const char *id;          /* keep this source id (carry-over); NULL derives one */
    const char *ingested_at; /* keep this time (carry-over); NULL = now */
    const char *actor;       /* who added it: a key's owner or "cli:<user>", for the
                              * change feed and sources.ingested_by; NULL = "ingest" */
    int no_feed;             /* 1: append nothing to the change feed (a rebuild's carry-over:
                              * the loader records what the rebuild changed) */
    /* carry-over: keep this place in the store's history (sources.log_seq: the audit log
     * entry the article was ingested after); NULL = the newest entry now */
    const long long *log_seq;
    /* set by bc_ingest_validate when in passes: bc_ingest then neither checks in again
     * nor detects its language again (change in after that and clear checked) */
    int checked;
    char lang_read[4]; /* the language read: lang, or the detected one */
    int lang_detected; /* 1: detected, with lang_confidence (0..1) */
    double lang_confidence;
} bc_ingest_input;

#define BC_INGEST_MAX_UNREAD 16 /* unread amounts a result names by their words */

/* An amount not stored because its scale is unread ("$3.5 bi", "CNY 3.3 yi", "1,2 B$"): its
 * words as the text writes them (cut at a character boundary to fit) and their bytes
 * [start, end) in the text. */
typedef struct bc_ingest_unread {
    char words[64];
    size_t start, end;
} bc_ingest_unread;

typedef struct bc_ingest_result {
    char source_id[128];
    char lang[4];      /* the language read: given, or detected */
    int lang_detected; /* 1: detected, with lang_confidence (0..1) */
    double lang_confidence;
    int created; /* 0: the same text was already stored, nothing written */
    int figures, meetings, projects, citations;
    int events;          /* talks of no known mechanism, stored as cooperation events */
    int project_events;  /* "reported" events added to projects the article names */
    int participants;    /* known people recorded as taking part in a stored meeting */
    int linked;          /* stored meetings that are a known meeting (same_as) */
    int below_threshold; /* facts under BC_X_MIN_CONFIDENCE: not stored */
    int without_measure; /* amounts the text does not say what of: not stored */
    /* of those, the amounts whose scale is unread, the first BC_INGEST_MAX_UNREAD by
     * their words, in text order (nunread counts them all) */
    bc_ingest_unread unread[BC_INGEST_MAX_UNREAD];
    int nunread;
    /* of those too, the amounts in another currency than the four read ("HK$3 million", "2
     * M$ CA", "2 million Canadian dollars", "30亿港元"), the first BC_INGEST_MAX_UNREAD by
     * their words, in text order (nother_currency counts them all) */
    bc_ingest_unread other_currency[BC_INGEST_MAX_UNREAD];
    int nother_currency;
    int without_mechanism;  /* numbered meetings of no known body, without date or place:
                             * not stored */
    int dates_without_year; /* days without a year and no published_on: stored undated */
    int facts_read;         /* the amounts, meetings and talks and crossings read from it,
                             * stored or not (what BC_INGEST_MAX_FACTS limits) */
    int over_budget;        /* BC_EBUSY: refused because its facts would not be stored
                             * within in->deadline (not a lock held elsewhere) */
    /* created == 0: the metadata given that differ from the stored article's and were
     * not applied ("title,published_on"), "" when none */
    char not_updated[64];
    char content_version[65];
    /* BC_ECONFLICT: the stored source this text is a republished copy of */
    char duplicate_of[128];
} bc_ingest_result;

/* Checks every field of in: a new article's text may hold no control character but tab
 * and line breaks, its title, url, publisher and author none (carried-over articles,
 * in->id set, are exempt: what was accepted once is kept). On failure returns BC_EINVAL (BC_ETOOBIG
 * for an oversized text) and copies the offending field's name into field (size 32). A text without
 * lang is refused when its language cannot be told with BC_X_DETECT_MIN confidence. On
 * success sets in->checked and the language read (in->lang_read, lang_detected,
 * lang_confidence). */
int bc_ingest_validate(bc_ingest_input *in, char field[32], bc_err *err);

/* Checks a publication date (NULL: none, fine): YYYY, YYYY-MM or YYYY-MM-DD, a day of the
 * calendar in 1900..2199 that does not begin after today. today is the last day allowed
 * ("YYYY-MM-DD"), "" for tomorrow in UTC (today somewhere on Earth), or NULL to accept
 * any future date (an article carried over keeps what it was accepted with). 0 or
 * BC_EINVAL with a message naming published_on. */
int bc_ingest_check_published_on(const char *value, const char *today, bc_err *err);

/* The language the text is in: in->lang, or the detected one (code[4], *detected = 1,
 * *confidence). Returns 0 or BC_EINVAL when none can be told. */
int bc_ingest_lang(const bc_ingest_input *in, char code[4], int *detected, double *confidence);

/* An article read before it is stored (bc_ingest_prepare): its hash, the keys that find a
 * republished copy, and the facts read from it against the gazetteer of the store as it
 * was then. Opaque. */
typedef struct bc_ingest_prep bc_ingest_prep;

/* The costly part of an ingest, done before the writer is taken: validates in (unless
 * in->checked), hashes it, looks for it and for a copy of it in s (which may be a
 * query-only connection: nothing is locked or written) and extracts its facts. Returns
 * BC_OK with *prep new (free with bc_ingest_prep_free) for an article to store with
 * bc_ingest_prepared; BC_OK with *prep NULL when the text is stored already (out filled
 * as bc_ingest fills it then: created 0, not_updated, content_version); or, with *prep
 * NULL: BC_ECONFLICT for a republished copy (out->duplicate_of), BC_ETOOBIG when it
 * gives more than in->max_facts facts (out->facts_read), BC_EINVAL, BC_ESTORE or
 * BC_ENOMEM. The writer checks all of it again: another write may come between. */
int bc_ingest_prepare(bc_store *s, bc_ingest_input *in, bc_ingest_prep **prep,
                      bc_ingest_result *out, bc_err *err);

void bc_ingest_prep_free(bc_ingest_prep *prep);

/* bc_ingest with what bc_ingest_prepare read from in (prep borrowed; NULL: bc_ingest):
 * its extraction is used when the writer's store still gives the gazetteer it was made
 * with (bc_gazetteer_fingerprint), else the text is read again. */
int bc_ingest_prepared(bc_store *s, const bc_ingest_input *in, const bc_ingest_prep *prep,
                       bc_ingest_result *out, bc_err *err);

/* Ingests in into the writer store s, holding the store's writer lock (see
 * bc_store_lock) for the transaction, and appends what changed (the new source, each
 * new fact, any document they altered) to the change feed (changes.h), unless
 * in->no_feed. Fills out. On any failure nothing is written. A text that is a stored
 * article's apart from its headline, letter case or spacing (bc_text_body_key) is a
 * republished copy: BC_ECONFLICT, with that article's id in out->duplicate_of (articles
 * carried over by a rebuild, in->id set, are exempt). A new article (in->id NULL) that
 * gives more than in->max_facts facts is refused with BC_ETOOBIG (out->facts_read says
 * how many) and one whose facts would take longer to store than what is left until
 * in->deadline (at what an article and a fact have cost lately, ingest_cost.h) with BC_EBUSY
 * and out->over_budget set, both before anything is written. */
int bc_ingest(bc_store *s, const bc_ingest_input *in, bc_ingest_result *out, bc_err *err);

/* Reads the stored ingested article source_id again, with the publication date it has
 * now, and stores its facts as bc_ingest does (the same ids, links and counts in *out),
 * inside the caller's transaction on s (the caller holds the writer lock). The caller has
 * removed its facts first (redate.h). BC_ENOTFOUND when there is no such ingested
 * article; BC_ESTORE or BC_ENOMEM. Writes nothing to the change feed. */
int bc_ingest_reread(bc_store *s, const char *source_id, bc_ingest_result *out, bc_err *err);

/* Stores the ingested article in (in->id, in->ingested_at and in->log_seq set: as it was
 * first stored) into the store being rebuilt, `to`, re-extracting it with this binary's
 * extractor against what `to` holds now; its text is not checked again (what was
 * accepted once is kept) and nothing goes to the change feed. The caller holds the
 * writer lock (rebuild.h puts the articles and the audit log in their order). */
int bc_ingest_carry(bc_store *to, const bc_ingest_input *in, bc_err *err);

/* Test hook: milliseconds to sleep inside the transaction before it commits, so a
 * test can kill the process mid-ingest. 0 (the default) disables it. */
extern int bc_ingest_pause_ms;

/* Test hook: called on the ingesting thread inside the transaction just before it
 * commits (NULL, the default: nothing), so a test can end a request's budget there. */
extern void (*bc_ingest_before_commit)(void);

#endif
