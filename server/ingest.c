/* ingest.c: one article in, its extracted facts stored beside the curated ones, all in
 * one transaction under the store's writer lock (see ingest.h). */
#include "ingest_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/changes.h"
#include "bordercoop/date.h"
#include "bordercoop/extract.h"
#include "bordercoop/gazetteer.h"
#include "bordercoop/ingest_cost.h"
#include "bordercoop/search_index.h"
#include "bordercoop/sha256.h"
#include "bordercoop/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

int bc_ingest_pause_ms = 0;
void (*bc_ingest_before_commit)(void) = NULL;

int bc_ingest_validate(bc_ingest_input *in, char field[32], bc_err *err)
{
    in->checked = 0;
    static const struct {
        const char *name;
        size_t max;
    } OPTIONAL[] = {{"title", 500}, {"url", 2000}, {"publisher", 200}, {"author", 200}};
    const char *values[] = {in->title, in->url, in->publisher, in->author};
    field[0] = '\0';
#define BAD(f, ...) (snprintf(field, 32, "%s", f), bc_err_set(err, BC_EINVAL, __VA_ARGS__))
    if (in->text == NULL)
        return BAD("text", "text is required");
    if (in->len == 0)
        return BAD("text", "text is empty");
    size_t max = in->max_bytes ? in->max_bytes : BC_INGEST_MAX_TEXT;
    if (in->len > max) {
        snprintf(field, 32, "text");
        return bc_err_set(err, BC_ETOOBIG,
                          "text is %zu bytes, longer than the %zu this server accepts "
                          "(--max-article-bytes)",
                          in->len, max);
    }
    if (!bc_utf8_valid(in->text, in->len))
        return BAD("text", "text is not valid UTF-8 (or contains a NUL byte)");
    /* control characters: refused in new articles; a carried-over one (in->id) was
     * accepted once and is kept */
    size_t at = in->id ? in->len : bc_text_control(in->text, in->len, BC_TEXT_LINES);
    if (at < in->len)
        return BAD("text",
                   "text holds a control character (byte 0x%02x at offset %zu); only tab and "
                   "line breaks are allowed",
                   (unsigned char)in->text[at], at);
    /* words: gaps followed by a word, and Chinese characters (which no space separates),
     * two to a word */
    int words = 0, han = 0;
    for (size_t i = 0; i < in->len && words + han / 2 < 3; i++) {
        unsigned char ch = (unsigned char)in->text[i];
        words += (ch == ' ' || ch == '\n') && i + 1 < in->len && in->text[i + 1] != ' ' &&
                 in->text[i + 1] != '\n';
        han += ch >= 0xE4 && ch <= 0xE9; /* the lead byte of U+4E00..U+9FFF */
    }
    if (words + han / 2 < 3)
        return BAD("text", "text has fewer than 4 words; an article is expected");
    char code[4];
    int detected;
    double sure;
    if (bc_ingest_lang(in, code, &detected, &sure) != BC_OK && in->lang == NULL)
        return BAD("lang",
                   "the language of the text cannot be told (best guess '%s', %.2f sure); "
                   "send lang: en, vi, zh, fr, pl, sv or nl",
                   code[0] ? code : "none", sure);
    if (in->lang != NULL && !bc_extract_lang_known(in->lang)) {
        bc_buf list = BC_BUF_INIT;
        for (const char *const *l = bc_extract_langs; *l != NULL; l++)
            bc_buf_printf(&list, "%s%s", list.len ? ", " : "", *l);
        /* the mistakes a user makes: a country for a language, traditional Chinese */
        const char *hint = strcasecmp(in->lang, "vn") == 0   ? " (Vietnamese is vi)"
                           : strcasecmp(in->lang, "cn") == 0 ? " (Chinese is zh)"
                           : strncasecmp(in->lang, "zh", 2) == 0
                               ? " (zh is simplified Chinese; traditional is not read)"
                               : "";
        int rc = BAD("lang", "unknown language '%.20s'%s; supported: %s", in->lang, hint,
                     list.data ? list.data : "");
        bc_buf_free(&list);
        return rc;
    }
    if (in->lang != NULL) {
        /* a language of the other script: its rules cannot read the text, and the
         * article would give nothing, silently (Chinese sent as en, or the reverse) */
        size_t hanzi = 0, latin = 0, scan = in->len < 65536 ? in->len : 65536;
        for (size_t i = 0; i < scan; i++) {
            unsigned char ch = (unsigned char)in->text[i];
            hanzi += ch >= 0xE4 && ch <= 0xE9; /* the lead byte of U+4E00..U+9FFF */
            latin += (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
        }
        int zh = strcmp(code, "zh") == 0;
        if (zh ? hanzi * 4 < latin : hanzi > latin)
            return BAD("lang",
                       "lang is '%s', but the text is written in %s (%zu Chinese characters, "
                       "%zu Latin letters): send the text's language, or leave lang out to "
                       "have it detected",
                       code, zh ? "Latin script" : "Chinese characters", hanzi, latin);
        /* another language of the same script, beyond doubt (English sent as vi): its
         * rules would read nothing, silently, and the article could not be sent again */
        char seen[4];
        double how = 0;
        if (!zh && in->id == NULL && bc_extract_detect_lang(in->text, in->len, seen, &how) == 0 &&
            how >= BC_INGEST_LANG_CONTRADICTED && strcmp(seen, code) != 0)
            return BAD("lang",
                       "lang is '%s', but the text reads as %s (%.2f sure): send lang '%s', "
                       "or leave lang out to have it detected",
                       code, bc_extract_lang_name(seen) ? bc_extract_lang_name(seen) : seen, how,
                       seen);
    }
    for (size_t i = 0; i < sizeof OPTIONAL / sizeof OPTIONAL[0]; i++) {
        const char *v = values[i];
        if (v == NULL)
            continue;
        size_t n = strlen(v);
        if (n == 0 || n > OPTIONAL[i].max || !bc_utf8_valid(v, n))
            return BAD(OPTIONAL[i].name, "%s must be 1 to %zu bytes of UTF-8", OPTIONAL[i].name,
                       OPTIONAL[i].max);
        if (in->id != NULL)
            continue; /* carried over: what was accepted once is kept */
        if (bc_text_control(v, n, BC_TEXT_LINE) < n)
            return BAD(OPTIONAL[i].name,
                       "%s holds a control character (a tab, line break, escape...): send "
                       "one line of plain text",
                       OPTIONAL[i].name);
        size_t hidden = bc_text_invisible(v, n);
        if (hidden < n)
            return BAD(OPTIONAL[i].name,
                       "%s holds an invisible formatting character, %s, at byte %zu: send "
                       "plain text",
                       OPTIONAL[i].name, bc_text_invisible_name(v + hidden, n - hidden), hidden);
        if (strspn(v, " ") == n)
            return BAD(OPTIONAL[i].name, "%s is blank: send it with its words, or leave it out",
                       OPTIONAL[i].name);
    }
    if (in->url != NULL && strncmp(in->url, "https://", 8) != 0 &&
        strncmp(in->url, "http://", 7) != 0)
        return BAD("url", "url must be an http(s) URL");
    if (in->url != NULL && in->id == NULL && strchr(in->url, ' ') != NULL)
        return BAD("url", "url holds a space: percent-encode it (%%20)");
    if (in->published_on != NULL) {
        bc_err e;
        /* an article is not published ahead of today (a day of time zones aside): every
         * date read from it would be read against a day that has not come; a carried-over
         * article keeps the date it was accepted with */
        if (bc_ingest_check_published_on(in->published_on, in->id != NULL ? NULL : "", &e) != BC_OK)
            return BAD("published_on", "%s", e.msg);
    }
#undef BAD
    in->checked = 1;
    snprintf(in->lang_read, sizeof in->lang_read, "%s", code);
    in->lang_detected = detected;
    in->lang_confidence = sure;
    return BC_OK;
}

int bc_ingest_check_published_on(const char *value, const char *today, bc_err *err)
{
    bc_date d;
    bc_err e;
    if (value == NULL)
        return BC_OK;
    if (bc_date_parse(value, &d, &e) != BC_OK)
        return bc_err_set(err, BC_EINVAL, "published_on: %s", e.msg);
    if (today == NULL)
        return BC_OK;
    /* today as UTC sees it, a day ahead: it is already tomorrow east of UTC */
    char limit[11];
    if (today[0] != '\0') {
        snprintf(limit, sizeof limit, "%.10s", today);
    } else {
        time_t t = time(NULL) + 24 * 60 * 60;
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(limit, sizeof limit, "%Y-%m-%d", &tm);
    }
    if (strcmp(d.start, limit) > 0)
        return bc_err_set(err, BC_EINVAL,
                          "published_on %s lies ahead of today (it begins after %s, today in "
                          "the easternmost time zone): give the day the article was published",
                          value, limit);
    return BC_OK;
}

int bc_ingest_lang(const bc_ingest_input *in, char code[4], int *detected, double *confidence)
{
    *detected = 0;
    *confidence = 1;
    if (in->lang != NULL) {
        snprintf(code, 4, "%s", in->lang);
        for (char *p = code; *p; p++)
            *p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p); /* "EN" is en */
        return bc_extract_lang_known(in->lang) ? BC_OK : BC_EINVAL;
    }
    *detected = 1;
    return bc_extract_detect_lang(in->text, in->len, code, confidence);
}

#define found_row bci_found_row

/* A source id: the title's slug (or "article") and the first 8 hex digits of the text's
 * hash, so the same text always gets the same id. A title without an ASCII word
 * ("老街省与云南省举行会谈") is slugged from the ids of the provinces it names by their
 * aliases, in the order it names them ("lao-cai-yunnan"). */
static void derive_id(bc_store *s, const bc_ingest_input *in, const char *sha, char out[128],
                      int *rc, bc_err *err)
{
    bc_buf slug = BC_BUF_INIT;
    if (in->title != NULL)
        bc_text_slug(in->title, strlen(in->title), &slug);
    int ascii_word = 0;
    for (size_t i = 0; slug.data != NULL && i < slug.len && !ascii_word; i++)
        ascii_word = (unsigned char)slug.data[i] < 0x80 && slug.data[i] != '-';
    char named[200] = "";
    if (!ascii_word && in->title != NULL &&
        found_row(rc, s,
                  "SELECT group_concat(entity_id, '-') OVER (ORDER BY p, entity_id ROWS BETWEEN "
                  "UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM (SELECT entity_id, "
                  "min(instr(?1, alias)) AS p FROM aliases WHERE entity = 'province' AND "
                  "instr(?1, alias) > 0 GROUP BY entity_id) LIMIT 1",
                  BC_BINDS(bc_text(in->title)), named, sizeof named, err)) {
        bc_buf_free(&slug);
        bc_buf_printf(&slug, "%s", named);
    }
    /* its ASCII words only: what folding leaves outside ASCII (a dash, Chinese) separates
     * words as any other punctuation does ("Lao Cai–Hekou" -> "lao-cai-hekou"); at most
     * 48 bytes, cut at a word */
    char ascii[64];
    size_t n = 0, all = 0;
    for (size_t i = 0; slug.data != NULL && i < slug.len && all < sizeof ascii - 1; i++) {
        char ch = (unsigned char)slug.data[i] >= 0x80 ? '-' : slug.data[i];
        if (ch == '-' && (all == 0 || ascii[all - 1] == '-'))
            continue;
        ascii[all++] = ch;
    }
    n = all < 48 ? all : 48;
    if (n < all && ascii[n] != '-')
        while (n > 0 && ascii[n - 1] != '-')
            n--; /* do not end in the middle of a word */
    while (n > 0 && ascii[n - 1] == '-')
        n--;
    if (n == 0)
        snprintf(out, 128, "article-%s-%.8s", in->lang, sha);
    else
        snprintf(out, 128, "%.*s-%s-%.8s", (int)n, ascii, in->lang, sha);
    bc_buf_free(&slug);
}

/* Moves the content version forward: hash of the previous one, the new text and what
 * was said of it (language, publication date and the rest of its metadata, which change
 * what is read from it: two stores given the same text with different dates differ). */
static int bump_version(ingest_ctx *c, const char *sha, const char *now)
{
    char old[65] = "";
    int rc = BC_OK;
    found_row(&rc, c->s, "SELECT value FROM store_meta WHERE key = ?1",
              BC_BINDS(bc_text("content_version")), old, sizeof old, c->err);
    bc_sha256 h;
    unsigned char d[32];
    bc_sha256_init(&h);
    bc_sha256_update(&h, old, strlen(old));
    bc_sha256_update(&h, "|ingest|", 8);
    bc_sha256_update(&h, sha, strlen(sha));
    const char *meta[] = {c->in->lang,      c->in->published_on, c->in->title,
                          c->in->publisher, c->in->author,       c->in->url};
    for (size_t i = 0; i < sizeof meta / sizeof meta[0]; i++) {
        bc_sha256_update(&h, meta[i] != NULL ? "|" : "|\x01", meta[i] != NULL ? 1 : 2);
        if (meta[i] != NULL)
            bc_sha256_update(&h, meta[i], strlen(meta[i]));
    }
    bc_sha256_final(&h, d);
    bc_sha256_tohex(d, c->out->content_version);
    if (rc == BC_OK)
        rc = bc_store_meta_set(c->s, "content_version", c->out->content_version, c->err);
    if (rc == BC_OK)
        rc = bc_store_meta_set(c->s, "modified_at", now, c->err);
    return rc;
}

/* ---- what an article gives, before and under the lock ------------------------------ */

struct bc_ingest_prep {
    char sha[65];
    char body_key[65], whole_key[65]; /* bc_text_body_key, bc_text_whole_key ("" none) */
    char print[65];                   /* the fingerprint of the gazetteer read with */
    bc_extraction ex;
};

void bc_ingest_prep_free(bc_ingest_prep *prep)
{
    if (prep == NULL)
        return;
    bc_extraction_free(&prep->ex);
    bc_free(prep);
}

/* The facts the extractor read from ex, stored or not: what BC_INGEST_MAX_FACTS limits. */
static int facts_of(const bc_extraction *ex)
{
    size_t n = ex->nmeetings + ex->ngates;
    for (size_t i = 0; i < ex->nfigures; i++)
        n += !ex->figures[i].conversion; /* a restatement is its figure's note */
    return n > 1000000000u ? 1000000000 : (int)n;
}

/* 1 when the text of hash sha is stored already: out filled for the no-op (the stored
 * id, the content version, the metadata given that were not applied). */
static int stored_already(bc_store *s, const bc_ingest_input *in, const char *sha,
                          bc_ingest_result *out, int *rc, bc_err *err)
{
    if (!found_row(rc, s, "SELECT id FROM sources WHERE sha256 = ?1", BC_BINDS(bc_text(sha)),
                   out->source_id, sizeof out->source_id, err))
        return 0;
    found_row(rc, s, "SELECT value FROM store_meta WHERE key = ?1",
              BC_BINDS(bc_text("content_version")), out->content_version,
              sizeof out->content_version, err);
    /* what this request says of the article that the stored one does not: kept as first
     * stored, and said so */
    found_row(rc, s,
              "SELECT coalesce(substr(CASE WHEN ?2 IS NOT NULL AND title IS NOT ?2 THEN "
              "',title' ELSE '' END || CASE WHEN ?3 IS NOT NULL AND url IS NOT ?3 THEN "
              "',url' ELSE '' END || CASE WHEN ?4 IS NOT NULL AND published_on IS NOT ?4 "
              "THEN ',published_on' ELSE '' END || CASE WHEN ?5 IS NOT NULL AND publisher "
              "IS NOT ?5 THEN ',publisher' ELSE '' END || CASE WHEN ?6 IS NOT NULL AND "
              "author IS NOT ?6 THEN ',author' ELSE '' END, 2), '') FROM sources "
              "WHERE id = ?1",
              BC_BINDS(bc_text(out->source_id), bc_text(in->title), bc_text(in->url),
                       bc_text(in->published_on), bc_text(in->publisher), bc_text(in->author)),
              out->not_updated, sizeof out->not_updated, err);
    return 1;
}

/* The keys of in's text that find a republished copy (bc_text_body_key: without its
 * headline; bc_text_whole_key: all of it), "" when it has none. */
static int copy_keys(const bc_ingest_input *in, char body_key[65], char whole_key[65], bc_err *err)
{
    if (bc_text_copy_keys(in->text, in->len, body_key, whole_key) == BC_ENOMEM)
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    return BC_OK;
}

/* A republished copy (another headline, another case or spacing) of a stored article:
 * nothing new can be read from it, and its facts would double every figure; BC_ECONFLICT
 * naming the article (a rebuild's carry-over keeps what was accepted once). A copy
 * without the headline: its whole text is the stored article's body. */
static int refuse_copy(bc_store *s, const bc_ingest_input *in, const char *body_key,
                       const char *whole_key, bc_ingest_result *out, bc_err *err)
{
    int rc = BC_OK;
    if (in->id == NULL && body_key[0] != '\0' &&
        found_row(&rc, s,
                  "SELECT id FROM sources WHERE body_key IN (?1, ?2) ORDER BY rowid LIMIT 1",
                  BC_BINDS(bc_text(body_key), bc_text(whole_key)), out->duplicate_of,
                  sizeof out->duplicate_of, err))
        return bc_err_set(err, BC_ECONFLICT,
                          "the text is that of source '%s' apart from its headline, letter case, "
                          "spacing or dashes: a republished copy, not stored (its facts are "
                          "those of '%s')",
                          out->duplicate_of, out->duplicate_of);
    return rc;
}

/* Extracts in's facts with g into ex: the publication date completes dates without a
 * year; without one, no year is ever guessed (not today's: an article may be years old).
 * It goes to the extractor as given: one of a month or a year ("2026-11") places no day
 * counted from it ("yesterday", "on Tuesday"), as bordercoop extract reads it. */
static int extract_with(const bc_ingest_input *in, bc_gazetteer *g, bc_extraction *ex, bc_err *err)
{
    return bc_extract(in->text, in->len, in->lang, in->published_on, g, ex, err);
}

/* A new article may give at most in->max_facts facts. */
static int check_facts(const bc_ingest_input *in, int facts, bc_err *err)
{
    size_t max = in->max_facts ? in->max_facts : BC_INGEST_MAX_FACTS;
    if (in->id != NULL || (size_t)facts <= max)
        return BC_OK;
    return bc_err_set(err, BC_ETOOBIG,
                      "the text gives %d facts (amounts, meetings and talks, crossings), more than "
                      "the %zu one article may give (--max-article-facts); nothing was stored: "
                      "send it as several articles",
                      facts, max);
}

static long long mono_ns(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

static long long ns_since(const struct timespec *t0)
{
    return mono_ns() - ((long long)t0->tv_sec * 1000000000LL + t0->tv_nsec);
}

/* what storing an article and its facts has cost the writer lately (ingest_cost.h) */
static void learn_cost(int facts, const struct timespec *t0)
{
    bc_ingest_cost_learn(bc_ingest_cost_process(), facts, ns_since(t0), mono_ns());
}

/* A write with a deadline stores its facts only when they fit in what is left of it at
 * what an article and a fact have cost lately: else its budget would run out in the
 * middle of the transaction, holding the writer for nothing. */
static int check_budget(const bc_ingest_input *in, int facts, int *over, bc_err *err)
{
    if (in->deadline == NULL)
        return BC_OK;
    long long now = mono_ns(), fixed = 0, per_fact = 0;
    bc_ingest_cost_parts(bc_ingest_cost_process(), now, &fixed, &per_fact);
    long long left = -ns_since(in->deadline), need = fixed + (long long)facts * per_fact;
    if (left > 0 && need <= left)
        return BC_OK;
    *over = 1;
    if (left <= 0)
        return bc_err_set(err, BC_EBUSY,
                          "the write's budget ran out before its facts could be stored; nothing "
                          "was written");
    return bc_err_set(err, BC_EBUSY,
                      "storing its %d facts would take about %lld ms (%lld ms an article and "
                      "%.1f ms a fact lately), more than the %lld ms left of the write's budget; "
                      "nothing was written",
                      facts, need / 1000000, fixed / 1000000, (double)per_fact / 1e6,
                      left / 1000000);
}

int bc_ingest_prepare(bc_store *s, bc_ingest_input *in, bc_ingest_prep **prep,
                      bc_ingest_result *out, bc_err *err)
{
    *prep = NULL;
    memset(out, 0, sizeof *out);
    char field[32];
    int rc = in->checked ? BC_OK : bc_ingest_validate(in, field, err);
    if (rc != BC_OK)
        return rc;
    bc_ingest_input known = *in;
    snprintf(out->lang, sizeof out->lang, "%s", in->lang_read);
    out->lang_detected = in->lang_detected;
    out->lang_confidence = in->lang_confidence;
    known.lang = out->lang;
    bc_ingest_prep *p = bc_calloc(1, sizeof *p);
    if (p == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    bc_sha256_hex(known.text, known.len, p->sha);
    bc_gazetteer *g = NULL;
    if (stored_already(s, &known, p->sha, out, &rc, err)) {
        bc_ingest_prep_free(p);
        return rc; /* a no-op: nothing for the writer to do */
    }
    if (rc == BC_OK)
        rc = copy_keys(&known, p->body_key, p->whole_key, err);
    if (rc == BC_OK)
        rc = refuse_copy(s, &known, p->body_key, p->whole_key, out, err);
    if (rc == BC_OK)
        rc = bc_gazetteer_load(s, &g, err);
    if (rc == BC_OK)
        rc = extract_with(&known, g, &p->ex, err);
    if (rc == BC_OK) {
        bc_gazetteer_fingerprint(g, p->print);
        out->facts_read = facts_of(&p->ex);
        rc = check_facts(&known, out->facts_read, err);
    }
    bc_gazetteer_free(g);
    if (rc == BC_OK)
        *prep = p;
    else
        bc_ingest_prep_free(p);
    return rc;
}

/* The transaction itself, with what prep read (NULL: read it here); the caller holds the
 * writer lock. */
static int ingest_prep_locked(bc_store *s, const bc_ingest_input *given, const bc_ingest_prep *prep,
                              bc_ingest_result *out, bc_err *err)
{
    memset(out, 0, sizeof *out);
    /* from here on the language is known: given or detected */
    bc_ingest_input known = *given;
    const bc_ingest_input *in = &known;
    char field[32];
    int rc = known.checked ? BC_OK : bc_ingest_validate(&known, field, err);
    if (rc != BC_OK)
        return rc;
    snprintf(out->lang, sizeof out->lang, "%s", known.lang_read);
    out->lang_detected = known.lang_detected;
    out->lang_confidence = known.lang_confidence;
    known.lang = out->lang;
    char sha[65];
    if (prep != NULL)
        memcpy(sha, prep->sha, sizeof sha);
    else
        bc_sha256_hex(in->text, in->len, sha);
    if (stored_already(s, in, sha, out, &rc, err))
        return rc; /* already stored: a no-op */
    char body_key[65] = "", whole_key[65] = "";
    if (rc == BC_OK && prep != NULL) {
        memcpy(body_key, prep->body_key, sizeof body_key);
        memcpy(whole_key, prep->whole_key, sizeof whole_key);
    } else if (rc == BC_OK) {
        rc = copy_keys(in, body_key, whole_key, err);
    }
    if (rc == BC_OK && (rc = refuse_copy(s, in, body_key, whole_key, out, err)) == BC_ECONFLICT)
        return rc;
    if (rc != BC_OK)
        return rc;
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);

    bc_gazetteer *g = NULL;
    bc_extraction own;
    memset(&own, 0, sizeof own);
    const bc_extraction *ex = &own;
    rc = bc_gazetteer_load(s, &g, err);
    if (rc == BC_OK) {
        /* what was read before the lock holds while the store still reads names alike */
        char print[65];
        bc_gazetteer_fingerprint(g, print);
        if (prep != NULL && strcmp(print, prep->print) == 0)
            ex = &prep->ex;
        else
            rc = extract_with(in, g, &own, err);
    }
    int facts = 0, over = 0;
    if (rc == BC_OK) {
        facts = facts_of(ex);
        rc = check_facts(in, facts, err);
    }
    if (rc == BC_OK)
        rc = check_budget(in, facts, &over, err);
    struct timespec began;
    clock_gettime(CLOCK_MONOTONIC, &began);
    if (rc == BC_OK)
        rc = bc_store_begin(s, err);
    if (rc == BC_OK) {
        if (in->id != NULL)
            snprintf(out->source_id, sizeof out->source_id, "%s", in->id);
        else
            derive_id(s, in, sha, out->source_id, &rc, err);
        char file[200];
        snprintf(file, sizeof file, "ingested/%s.txt", out->source_id);
        ingest_ctx c = {s, in, out->source_id, out, err};
        if (rc == BC_OK)
            rc = bc_store_run(
                s,
                "INSERT INTO sources (id, file, lang, title, publisher, author, published_on, url, "
                "sha256, bytes, body, origin, ingested_at, note, ingested_by, body_key, log_seq) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'ingested', ?12, "
                "'Ingested; its facts were extracted automatically (curation: extracted).', ?13, "
                "?14, coalesce(?15, (SELECT coalesce(max(seq), 0) FROM review_log)))",
                BC_BINDS(bc_text(out->source_id), bc_text(file), bc_text(in->lang),
                         bc_text(in->title), bc_text(in->publisher), bc_text(in->author),
                         bc_text(in->published_on), bc_text(in->url), bc_text(sha),
                         bc_int((long long)in->len), bc_text_n(in->text, in->len),
                         bc_text(in->ingested_at ? in->ingested_at : now), bc_text(in->actor),
                         bc_text(body_key[0] ? body_key : NULL),
                         in->log_seq ? bc_int(*in->log_seq) : bc_text(NULL)),
                err);
        if (rc == BC_OK)
            rc = bc_store_run(s,
                              "INSERT INTO aliases (entity, alias_key, alias, entity_id) "
                              "VALUES ('source', ?1, ?1, ?1)",
                              BC_BINDS(bc_text(out->source_id)), err);
        /* its title names it too, unless an earlier source has the same title */
        if (rc == BC_OK && in->title != NULL) {
            bc_buf key = BC_BUF_INIT;
            if (bc_text_slug(in->title, strlen(in->title), &key) == BC_OK && key.len > 0)
                rc = bc_store_run(
                    s,
                    "INSERT INTO aliases (entity, alias_key, alias, entity_id) "
                    "SELECT 'source', ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM "
                    "aliases WHERE entity = 'source' AND alias_key = ?1)",
                    BC_BINDS(bc_text(key.data), bc_text(in->title), bc_text(out->source_id)), err);
            bc_buf_free(&key);
        }
        if (rc == BC_OK)
            rc = bci_store_facts(&c, ex);
        if (rc == BC_OK)
            rc = bc_search_index_source(s, out->source_id, err);
        if (rc == BC_OK)
            rc = bump_version(&c, sha, now);
        if (rc == BC_OK && !in->no_feed)
            rc = bc_changes_record_source(s, out->source_id, "ingest",
                                          in->actor != NULL ? in->actor : "ingest", now, NULL, NULL,
                                          err);
        if (rc == BC_ESTORE && err->msg[0] == '\0')
            bc_store_error(s, err, "ingesting");
        if (rc == BC_OK && bc_ingest_pause_ms > 0) {
            struct timespec ts = {bc_ingest_pause_ms / 1000,
                                  (long)(bc_ingest_pause_ms % 1000) * 1000000L};
            nanosleep(&ts, NULL);
        }
        if (rc == BC_OK && bc_ingest_before_commit != NULL)
            bc_ingest_before_commit();
        if (rc == BC_OK)
            rc = bc_store_commit(s, err);
        if (rc != BC_OK) {
            bc_store_rollback(s);
        } else {
            out->created = 1;
            learn_cost(facts, &began);
        }
    }
    bc_extraction_free(&own);
    bc_gazetteer_free(g);
    if (rc != BC_OK) {
        int code = rc;
        memset(out, 0, sizeof *out);
        rc = code;
    }
    out->facts_read = facts;
    out->over_budget = over;
    return rc;
}

static int ingest_locked(bc_store *s, const bc_ingest_input *given, bc_ingest_result *out,
                         bc_err *err)
{
    return ingest_prep_locked(s, given, NULL, out, err);
}

int bc_ingest(bc_store *s, const bc_ingest_input *in, bc_ingest_result *out, bc_err *err)
{
    return bc_ingest_prepared(s, in, NULL, out, err);
}

int bc_ingest_prepared(bc_store *s, const bc_ingest_input *in, const bc_ingest_prep *prep,
                       bc_ingest_result *out, bc_err *err)
{
    const char *path = sqlite3_db_filename(bc_store_db(s), "main");
    out->over_budget = 0; /* set on every return: a lock that is not had is no budget's */
    int lock =
        path != NULL && path[0] != '\0' ? bc_store_lock(path, bc_store_lock_timeout_ms, err) : -2;
    if (lock == -1)
        return err->code ? err->code : BC_EIO;
    bc_err_clear(err);
    int rc = ingest_prep_locked(s, in, prep, out, err);
    bc_store_unlock(lock);
    return rc;
}

int bc_ingest_reread(bc_store *s, const char *source_id, bc_ingest_result *out, bc_err *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "SELECT lang, title, url, published_on, publisher, author, body "
                           "FROM sources WHERE id = ?1 AND origin = 'ingested'",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, source_id, -1, SQLITE_TRANSIENT);
    char *cols[7] = {0};
    size_t len = 0;
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        for (int i = 0; i < 7 && rc == BC_OK; i++) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            if (v != NULL && (cols[i] = bc_strdup(v)) == NULL)
                rc = bc_err_set(err, BC_ENOMEM, "out of memory reading article %s", source_id);
        }
        len = (size_t)sqlite3_column_bytes(st, 6);
    } else if (step == SQLITE_DONE) {
        rc = bc_err_set(err, BC_ENOTFOUND, "no ingested article '%.120s'", source_id);
    } else {
        rc = bc_store_error(s, err, "reading an ingested article");
    }
    sqlite3_reset(st);
    bc_ingest_input in = {.lang = cols[0],
                          .title = cols[1],
                          .url = cols[2],
                          .published_on = cols[3],
                          .publisher = cols[4],
                          .author = cols[5],
                          .text = cols[6],
                          .len = len,
                          .id = source_id};
    bc_gazetteer *g = NULL;
    bc_extraction ex;
    memset(&ex, 0, sizeof ex);
    if (rc == BC_OK && cols[6] == NULL)
        rc = bc_err_set(err, BC_ESTORE, "article %s has no text", source_id);
    if (rc == BC_OK)
        rc = bc_gazetteer_load(s, &g, err);
    if (rc == BC_OK) {
        /* as ingest reads it: the publication date completes dates without a year */
        rc = extract_with(&in, g, &ex, err);
    }
    if (rc == BC_OK) {
        snprintf(out->source_id, sizeof out->source_id, "%s", source_id);
        snprintf(out->lang, sizeof out->lang, "%s", in.lang);
        out->lang_confidence = 1;
        ingest_ctx c = {s, &in, out->source_id, out, err};
        rc = bci_store_facts(&c, &ex);
    }
    bc_extraction_free(&ex);
    bc_gazetteer_free(g);
    for (int i = 0; i < 7; i++)
        bc_free(cols[i]);
    return rc;
}

int bc_ingest_carry(bc_store *to, const bc_ingest_input *in, bc_err *err)
{
    bc_ingest_input copy = *in;
    copy.no_feed = 1;
    copy.max_bytes = (size_t)-1; /* what was accepted once is kept */
    bc_ingest_result r;
    int rc = ingest_locked(to, &copy, &r, err);
    if (rc != BC_OK) {
        bc_err inner = *err;
        bc_err_set(err, inner.code, "carrying over ingested article %s: %s", in->id ? in->id : "?",
                   inner.msg);
    }
    return rc;
}
