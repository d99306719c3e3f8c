/* ingest_body.c: the provinces and bodies a quote names. A province by any of its names
 * (bci_province_names, bci_times_named); whether a quote of a meeting names its mechanism
 * (README, "Every citation says what its quote states"): by one of its names, or by its
 * kind of body with members named as the body's, never by the kind alone ("the committee")
 * nor with provinces the quote names for something else. See ingest_int.h. */
#include "ingest_int.h"

#include "bordercoop/buf.h"
#include "bordercoop/text.h"

#include <string.h>

/* at most this many words stand between a member and the word for the body, or the member
 * named before it, besides the words of the body's names and of a list of members, and
 * numbers; before the body's word, at most NEAR_BEFORE */
#define NEAR_WORDS  4
#define NEAR_BEFORE 2
#define MAX_SPANS   32

/* Words (folded) that go with a body's name or a list of its members in the seven
 * languages and say nothing else: joiners, articles, "four provinces", "(Vietnam)". */
static const char *const LIST_WORDS =
    "|the|of|and|between|four|five|provinces|province|vietnam|china|joint|working|"
    "party|secretaries|secretary|annual|annuelle|jaarlijkse|jaarlijks|arliga|dorocznej|doroczna|"
    "giua|cac|tinh|bon|nam|va|cua|cong|tac|lien|hop|viet|nam|trung|quoc|bi|thu|uy|"
    "entre|les|le|la|de|des|du|et|quatre|cinq|conjoint|mixte|travail|secretaires|"
    "parti|provinciaux|"
    "van|tussen|en|het|vier|vijf|provincies|provincie|gezamenlijk|gezamenlijke|gemengd|gemengde|"
    "partijsecretarissen|secretarissen|partijleiders|"
    "mellan|och|fyra|fem|provinserna|gemensamma|for|partisekreterarna|"
    "miedzy|i|czterech|pieciu|prowincji|prowincjami|wspolnej|wspolna|sekretarzy|komitetow|"
    "partyjnych|partii|年|度|"
    "与|和|及|之|间|四|五|省|越|南|中|国|联|合|第|次|一|二|三|六|七|八|九|十|党|委|书|记|";

/* The length of the word at p (folded text, up to end): a run of ASCII letters and
 * digits, or one other character; 0 for a character that separates words (ASCII
 * punctuation or space, CJK punctuation). */
static size_t word_at(const char *p, const char *end, size_t *skip)
{
    unsigned char b = (unsigned char)*p;
    size_t n = 1;
    if (b < 0x80) {
        if (!((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z'))) {
            *skip = 1;
            return 0;
        }
        while (p + n < end && (((unsigned char)p[n] >= 'a' && (unsigned char)p[n] <= 'z') ||
                               ((unsigned char)p[n] >= '0' && (unsigned char)p[n] <= '9') ||
                               ((unsigned char)p[n] >= 'A' && (unsigned char)p[n] <= 'Z')))
            n++;
        *skip = n;
        return n;
    }
    n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (p + n > end)
        n = (size_t)(end - p);
    *skip = n;
    /* CJK punctuation (U+3000..U+303F: "、", "。") and the fullwidth forms of ASCII
     * punctuation (U+FF01..U+FF0F, U+FF1A..U+FF20: "，") separate words */
    if (n == 3 && b == 0xE3 && (unsigned char)p[1] == 0x80)
        return 0;
    if (n == 3 && b == 0xEF && (unsigned char)p[1] == 0xBC &&
        (((unsigned char)p[2] >= 0x81 && (unsigned char)p[2] <= 0x8F) ||
         ((unsigned char)p[2] >= 0x9A && (unsigned char)p[2] <= 0xA0)))
        return 0;
    return n;
}

/* The words of folded[from, to) that are neither of LIST_WORDS nor of names (the body's
 * names, "|"-joined words). */
static int words_between(const char *folded, size_t from, size_t to, const char *names)
{
    int n = 0;
    const char *p = folded + from, *end = folded + to;
    while (p < end) {
        size_t skip, len = word_at(p, end, &skip);
        if (len > 0 && !(*p >= '0' && *p <= '9') && !bc_text_listed(LIST_WORDS, p, len) &&
            !bc_text_listed(names, p, len))
            n++;
        p += skip;
    }
    return n;
}

/* Words that give a body to the provinces named before it ("in hun Gemengd Werkcomité",
 * "i sin gemensamma arbetsgrupp", "their joint committee"); folded. */
static const char *const OWNER_WORDS = "|their|hun|sin|sina|leur|leurs|swojej|swoich|";

/* 1 when the last word of folded[from, to) other than a word of a body's names or of a
 * list (and numbers) is one of OWNER_WORDS: the body that follows is the members'. */
static int owned(const char *folded, size_t from, size_t to, const char *names)
{
    const char *p = folded + from, *end = folded + to, *last = NULL;
    size_t last_len = 0;
    while (p < end) {
        size_t skip, len = word_at(p, end, &skip);
        if (len > 0 && (bc_text_listed(OWNER_WORDS, p, len) ||
                        (!(*p >= '0' && *p <= '9') && !bc_text_listed(LIST_WORDS, p, len) &&
                         !bc_text_listed(names, p, len))))
            last = p, last_len = len;
        p += skip;
    }
    return last != NULL && bc_text_listed(OWNER_WORDS, last, last_len);
}

/* Appends province id's name alias, folded, to c->names (and a Chinese one without its 省
 * too, as the gazetteer reads it: bc_gazetteer_add_alias, "在谅山举行"); names shorter than
 * two bytes are left out. */
static int add_name(ingest_ctx *c, const char *id, const char *alias)
{
    bc_buf a = BC_BUF_INIT;
    int g = alias != NULL ? bc_text_fold(alias, strlen(alias), &a) : BC_EINVAL;
    int rc = g == BC_ENOMEM || (g == BC_OK && bc_buf_failed(&a))
                 ? bc_err_set(c->err, BC_ENOMEM, "out of memory")
                 : BC_OK;
    if (rc == BC_OK && g == BC_OK && a.len >= 2) {
        bc_buf_puts(&c->names, id);
        bc_buf_putc(&c->names, '\0');
        bc_buf_append(&c->names, a.data, a.len);
        bc_buf_putc(&c->names, '\0');
        if (a.len >= 9 && strcmp(a.data + a.len - 3, "省") == 0 &&
            (unsigned char)a.data[0] >= 0xE3) {
            bc_buf_puts(&c->names, id);
            bc_buf_putc(&c->names, '\0');
            bc_buf_append(&c->names, a.data, a.len - 3);
            bc_buf_putc(&c->names, '\0');
        }
        if (bc_buf_failed(&c->names))
            rc = bc_err_set(c->err, BC_ENOMEM, "out of memory");
    }
    bc_buf_free(&a);
    return rc;
}

/* Reads every province's names into c->names: a store read and a fold per name once per
 * article, not per quote and province asked about. */
static int read_names(ingest_ctx *c)
{
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(c->s,
                           "SELECT entity_id, alias FROM aliases WHERE entity = 'province' "
                           "UNION SELECT id, name FROM provinces ORDER BY 1, 2",
                           &st, c->err);
    if (rc != BC_OK)
        return rc;
    int step = SQLITE_DONE;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
        rc = add_name(c, (const char *)sqlite3_column_text(st, 0),
                      (const char *)sqlite3_column_text(st, 1));
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(c->s, c->err, "reading the provinces' names");
    sqlite3_reset(st);
    c->names_read = rc == BC_OK;
    return rc;
}

int bci_province_names(ingest_ctx *c, const char *id,
                       void (*each)(void *arg, const char *name, size_t len), void *arg, int *rc)
{
    if (*rc != BC_OK)
        return *rc;
    if (!c->names_read && (*rc = read_names(c)) != BC_OK)
        return *rc;
    const char *p = c->names.data, *end = p != NULL ? p + c->names.len : NULL;
    while (p != NULL && p < end) {
        const char *name = p + strlen(p) + 1;
        size_t len = strlen(name);
        if (strcmp(p, id) == 0)
            each(arg, name, len);
        p = name + len + 1;
    }
    return *rc;
}

void bci_names_free(ingest_ctx *c)
{
    bc_buf_free(&c->names);
    c->names_read = 0;
}

/* The quote a province's names are counted in, and the most times one of them occurs. */
typedef struct times_named_arg {
    const char *quote;
    int most;
} times_named_arg;

static void count_name(void *arg, const char *name, size_t len)
{
    times_named_arg *t = arg;
    int n = 0;
    for (const char *p = strstr(t->quote, name); p != NULL; p = strstr(p + len, name))
        n++;
    t->most = n > t->most ? n : t->most;
}

/* How many times the quote [start, end) names province id, by its most named alias
 * (folded); -1 on an error (*rc set; nothing is done when *rc is already one). */
int bci_times_named(ingest_ctx *c, size_t start, size_t end, const char *id, int *rc)
{
    if (*rc != BC_OK)
        return -1;
    bc_buf quote = BC_BUF_INIT;
    int f = bc_text_fold(c->in->text + start, end - start, &quote);
    if (f != BC_OK || bc_buf_failed(&quote)) {
        bc_buf_free(&quote);
        if (f == BC_EINVAL)
            return 0; /* never: the text was checked */
        *rc = bc_err_set(c->err, BC_ENOMEM, "out of memory");
        return -1;
    }
    times_named_arg t = {quote.data, 0};
    bci_province_names(c, id, count_name, &t, rc);
    bc_buf_free(&quote);
    return *rc == BC_OK ? t.most : -1;
}

/* Where the spans of a province's names go, and the folded text they are found in. */
typedef struct spans_arg {
    const char *folded;
    size_t (*spans)[2];
    size_t n;
} spans_arg;

static void add_spans(void *arg, const char *name, size_t len)
{
    spans_arg *a = arg;
    for (const char *p = strstr(a->folded, name); p != NULL && a->n < MAX_SPANS;
         p = strstr(p + len, name)) {
        a->spans[a->n][0] = (size_t)(p - a->folded);
        a->spans[a->n++][1] = (size_t)(p - a->folded) + len;
    }
}

/* Appends the spans of every name of province id in folded (its aliases, a Chinese one also
 * without its 省) to spans (at most MAX_SPANS in all). */
static size_t member_spans(ingest_ctx *c, const char *folded, const char *id, size_t spans[][2],
                           size_t n, int *rc)
{
    spans_arg a = {folded, spans, n};
    bci_province_names(c, id, add_spans, &a, rc);
    return a.n;
}

/* Words for a body the kinds of body of ingest_facts.c leave out, which name it with its
 * members as well ("省委书记年度会晤机制", "Lenteontmoeting van de partijsecretarissen
 * van ..."); folded. */
static const char *const MORE_BODY_WORDS[] = {"年度会晤",
                                              "会晤机制",
                                              "年度工作会晤",
                                              "lenteontmoeting",
                                              "voorjaarsbijeenkomst",
                                              "voorjaarsontmoeting",
                                              "varmote",
                                              "rencontre de printemps",
                                              "spotkanie wiosenne",
                                              "wiosennym spotkaniu",
                                              NULL};

/* Words for a number of provinces and for provinces ("越南四省", "bốn tỉnh", "the four
 * Vietnamese border provinces", "de vier Vietnamese grensprovincies"): the Vietnamese
 * members named together. A province word is matched by its end ("grensprovincies"). */
static const char *const COUNT_WORDS = "|four|quatre|bon|vier|fyra|czterech|四|";
static const char *const PROVINCE_ENDS[] = {"provinces", "tinh", "provincies", "provinserna",
                                            "prowincji", "省",   NULL};

/* Appends to spans (up to max) the spans of the words for a number of provinces in folded:
 * a count word, then within three words a word for provinces. */
static size_t collective_spans(const char *folded, size_t spans[][2], size_t n, size_t max)
{
    const char *end = folded + strlen(folded);
    for (const char *p = folded; p < end && n < max;) {
        size_t skip, len = word_at(p, end, &skip);
        if (len == 0 || !bc_text_listed(COUNT_WORDS, p, len)) {
            p += skip;
            continue;
        }
        const char *q = p + skip;
        for (int words = 0; q < end && words < 3;) {
            size_t qskip, qlen = word_at(q, end, &qskip);
            int found = 0;
            for (int k = 0; qlen > 0 && PROVINCE_ENDS[k] && !found; k++) {
                size_t e = strlen(PROVINCE_ENDS[k]);
                found = qlen >= e && memcmp(q + qlen - e, PROVINCE_ENDS[k], e) == 0;
            }
            if (found) {
                spans[n][0] = (size_t)(p - folded);
                spans[n++][1] = (size_t)(q - folded) + qlen;
                break;
            }
            words += qlen > 0;
            q += qskip;
        }
        p += skip;
    }
    return n;
}

/* Whether the folded quote names its members with a body's word (of any kind: the caller
 * has found one): each member counted whose name stands NEAR_WORDS words at most from
 * the body's word (NEAR_BEFORE before it, unless a word like "their" gives the body to the
 * provinces before it) or from a member counted before; "the four Vietnamese provinces"
 * counts as one; two or more. names: the words of the body's names ("|"-joined). */
static int named_by_members(ingest_ctx *c, const char *folded, const char *names,
                            const char *const *members, int nm, int *rc)
{
    size_t anchor[MAX_SPANS * 3][2], na = bci_body_cues(folded, NULL, anchor, MAX_SPANS);
    for (int w = 0; MORE_BODY_WORDS[w] && na < MAX_SPANS * 2; w++)
        for (const char *p = strstr(folded, MORE_BODY_WORDS[w]); p != NULL && na < MAX_SPANS * 2;
             p = strstr(p + 1, MORE_BODY_WORDS[w])) {
            anchor[na][0] = (size_t)(p - folded);
            anchor[na++][1] = (size_t)(p - folded) + strlen(MORE_BODY_WORDS[w]);
        }
    /* a body's word is the whole word that holds it ("werkcomite" for "comite") */
    for (size_t j = 0; j < na; j++)
        while (anchor[j][0] > 0 && (unsigned char)folded[anchor[j][0] - 1] < 0x80 &&
               ((folded[anchor[j][0] - 1] >= 'a' && folded[anchor[j][0] - 1] <= 'z') ||
                (folded[anchor[j][0] - 1] >= '0' && folded[anchor[j][0] - 1] <= '9')))
            anchor[j][0]--;
    size_t nbody = na;
    /* the members counted: nm provinces, then the Vietnamese ones named together */
    int counted[65] = {0}, n = 0, grew = na > 0;
    if (nm > 64)
        nm = 64;
    while (grew && *rc == BC_OK) {
        grew = 0;
        for (int k = 0; k <= nm && *rc == BC_OK; k++) {
            size_t spans[MAX_SPANS][2], ns = 0;
            if (!counted[k])
                ns = k < nm ? member_spans(c, folded, members[k], spans, 0, rc)
                            : collective_spans(folded, spans, 0, MAX_SPANS);
            int near = 0;
            for (size_t i = 0; i < ns && !near; i++)
                for (size_t j = 0; j < na && !near; j++) {
                    size_t from = spans[i][1] <= anchor[j][0] ? spans[i][1] : anchor[j][1],
                           to = spans[i][1] <= anchor[j][0] ? anchor[j][0] : spans[i][0];
                    /* before the body's own word, a member is its name's part ("云南省联合
                     * 工作组", "the Lao Cai-Yunnan Joint Working Group"), or the subject of
                     * what the sentence says ("Lang Son and Guangxi leaders review border
                     * trade ahead of 17th committee conference") */
                    int before = j < nbody && spans[i][1] <= anchor[j][0];
                    int limit = !before                                           ? NEAR_WORDS
                                : owned(folded, spans[i][1], anchor[j][0], names) ? 3 * NEAR_WORDS
                                                                                  : NEAR_BEFORE;
                    near = (spans[i][1] <= anchor[j][0] || anchor[j][1] <= spans[i][0]) &&
                           words_between(folded, from, to, names) <= limit;
                }
            if (!near)
                continue;
            counted[k] = 1, n++, grew = 1;
            for (size_t i = 0; i < ns && na < sizeof anchor / sizeof anchor[0]; i++) {
                anchor[na][0] = spans[i][0];
                anchor[na++][1] = spans[i][1];
            }
        }
    }
    return *rc == BC_OK && n >= 2;
}

int bci_quote_names_mechanism(ingest_ctx *c, const bc_xquote *q, const char *id,
                              const char *const *members, int nm, int *rc)
{
    if (*rc != BC_OK)
        return 0;
    bc_buf quote = BC_BUF_INIT, names = BC_BUF_INIT;
    int f = bc_text_fold(c->in->text + q->start, q->end - q->start, &quote), named = 0;
    if (f == BC_ENOMEM || (f == BC_OK && bc_buf_failed(&quote)))
        *rc = bc_err_set(c->err, BC_ENOMEM, "out of memory");
    sqlite3_stmt *st = NULL;
    if (*rc == BC_OK && f == BC_OK)
        *rc = bc_store_stmt(c->s,
                            "SELECT alias FROM aliases WHERE entity = 'mechanism' AND "
                            "entity_id = ?1 UNION SELECT name FROM mechanisms WHERE id = ?1",
                            &st, c->err);
    bc_buf_putc(&names, '|');
    if (*rc == BC_OK && f == BC_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        int step = SQLITE_DONE;
        while (!named && *rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
            const char *alias = (const char *)sqlite3_column_text(st, 0);
            bc_buf a = BC_BUF_INIT;
            int g = alias != NULL ? bc_text_fold(alias, strlen(alias), &a) : BC_EINVAL;
            if (g == BC_ENOMEM || (g == BC_OK && bc_buf_failed(&a)))
                *rc = bc_err_set(c->err, BC_ENOMEM, "out of memory");
            else if (g == BC_OK && a.len >= 3 && strstr(quote.data, a.data) != NULL)
                named = 1;
            /* its words, which may stand between the body's word and its members */
            for (const char *p = a.data, *end = a.data + a.len; g == BC_OK && p < end;) {
                size_t skip, len = word_at(p, end, &skip);
                if (len > 0) {
                    bc_buf_puts(&names, "");
                    for (size_t b = 0; b < len; b++)
                        bc_buf_putc(&names, p[b]);
                    bc_buf_putc(&names, '|');
                }
                p += skip;
            }
            bc_buf_free(&a);
        }
        if (*rc == BC_OK && !named && step != SQLITE_DONE)
            *rc = bc_store_error(c->s, c->err, "reading a mechanism's names");
        sqlite3_reset(st);
    }
    if (*rc == BC_OK && bc_buf_failed(&names))
        *rc = bc_err_set(c->err, BC_ENOMEM, "out of memory");
    /* by the kind of body and two or more members, those named with the body's words */
    if (*rc == BC_OK && !named && f == BC_OK && bci_body_kind(c, q->start, q->end) != NULL) {
        int n = 0;
        for (int k = 0; *rc == BC_OK && k < nm; k++)
            n += bci_times_named(c, q->start, q->end, members[k], rc) > 0;
        named = n >= 2 && named_by_members(c, quote.data, names.data, members, nm, rc);
    }
    bc_buf_free(&quote);
    bc_buf_free(&names);
    return *rc == BC_OK && named;
}
