/* ingest_quote.c: what a quote of an ingested fact writes (a date, its years, an amount),
 * and the marks and notes of a fact's date: which quotes state it, what is inferred and
 * why, a day without a year; why a meeting or talks has none, and a held one's day after the
 * publication date (see ingest_int.h). */
#include "ingest_int.h"

#include "bordercoop/date.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

int bci_quote_has_date(ingest_ctx *c, const bc_xquote *q, const char *iso, int carried)
{
    for (size_t i = 0; c->ex != NULL && iso != NULL && i < c->ex->ndates; i++) {
        const bc_xdate *d = &c->ex->dates[i];
        size_t n = strlen(iso);
        if (d->carried != carried)
            continue; /* "the same day" writes no date; only it carries one */
        /* a span of days dates a meeting by its first ("from 28 to 30 October") */
        if (d->start >= q->start && d->end <= q->end && strncmp(d->iso, iso, n) == 0 &&
            (d->iso[n] == '\0' || (d->iso[n] == '/' && n == 10)))
            return 1;
    }
    return 0;
}

/* 1 when the n bytes at word occur in [p, p + len) not inside a longer number */
static int has_number(const char *p, size_t len, const char *word, size_t n)
{
    for (size_t i = 0; n > 0 && i + n <= len; i++)
        if (memcmp(p + i, word, n) == 0 && (i == 0 || p[i - 1] < '0' || p[i - 1] > '9') &&
            (i + n == len || p[i + n] < '0' || p[i + n] > '9'))
            return 1;
    return 0;
}

int bci_quote_has_years(ingest_ctx *c, const bc_xquote *q, const char *start, const char *end)
{
    const char *p = c->in->text + q->start;
    size_t len = q->end - q->start;
    return (start == NULL || has_number(p, len, start, 4)) &&
           (end == NULL || has_number(p, len, end, 4));
}

int bci_quote_has_amount(ingest_ctx *c, const bc_xquote *q, double value)
{
    char dot[32], comma[32];
    snprintf(dot, sizeof dot, "%g", value < 0 ? -value : value);
    snprintf(comma, sizeof comma, "%s", dot);
    char *sep = strchr(comma, '.');
    if (sep != NULL)
        *sep = ',';
    const char *p = c->in->text + q->start;
    size_t len = q->end - q->start;
    return has_number(p, len, dot, strlen(dot)) || has_number(p, len, comma, strlen(comma));
}

int bci_date_supports(ingest_ctx *c, const bc_xcite *cite, const char *iso, bci_supports *sup,
                      bci_marks *m, int year_inferred)
{
    /* without published_on the extractor's reference date is the dateline's, when it writes
     * its year: the only one a date may be counted from */
    int pub = c->in->published_on != NULL && c->in->published_on[0] != '\0';
    if (year_inferred == BC_X_INFERRED_DATE) {
        bci_mark(
            m, "date",
            pub ? "Its date is not written: the text names a weekday or a day relative to "
                  "the report (\"on Thursday\", \"yesterday\", \"this morning\"), counted from the "
                  "publication date (published_on); year, month and day all come from it."
                : "Its date is not written: the text names a weekday or a day relative to "
                  "the report (\"on Thursday\", \"yesterday\", \"this morning\"), counted from the "
                  "day of the article's dateline; year, month and day all come from it.");
        return 0;
    }
    int quoted = 0, year = year_inferred;
    for (int k = 0; iso != NULL && iso[0] != '\0' && k < cite->nquotes; k++)
        if (bci_quote_has_date(c, &cite->q[k], iso, 0)) {
            bci_support(sup, k, "date");
            quoted = 1;
            year |= bci_quote_has_years(c, &cite->q[k], iso, NULL);
        }
    int carried = 0;
    for (int k = 0; !quoted && iso != NULL && iso[0] != '\0' && k < cite->nquotes; k++)
        carried |= bci_quote_has_date(c, &cite->q[k], iso, 1);
    if (!quoted) {
        bci_mark(m, "date",
                 carried ? "Its date is not written in the sentences that state it: they give "
                           "it as the day of something told before (\"the same day\", \"the "
                           "day before\"), and year, month and day are that day's."
                         : "No sentence that states it writes its date; the date comes from the "
                           "article around them.");
        return 0;
    }
    if (year_inferred)
        bci_mark(m, "date.year",
                 pub ? BCI_WHY_YEAR
                     : "The year of its date is not written; it comes from the article's "
                       "dateline (no publication date came with it).");
    else if (!year)
        bci_mark(m, "date.year",
                 "The year of its date is not written in the sentences that state it; it comes "
                 "from a year or date the article writes elsewhere, not from the publication "
                 "date.");
    return 1;
}

/* A date of the text with a year ("2025-10-30", "2025-10", "2025") parsed into *d;
 * 0 for none, for a month-day without a year ("--10-30", counted in dates_without_year
 * and explained in the note) or for anything else. */
void bci_date_words(const char *date, char *out, size_t n)
{
    static const char *const MONTHS[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    int month = 0, day = 0;
    if (date[0] == '-' && date[1] == '-' && sscanf(date + 2, "%2d", &month) == 1 && month >= 1 &&
        month <= 12) {
        if (date[4] == '-' && sscanf(date + 5, "%2d", &day) == 1 && day >= 1 && day <= 31)
            snprintf(out, n, "%d %s", day, MONTHS[month - 1]);
        else
            snprintf(out, n, "%s", MONTHS[month - 1]);
    } else {
        snprintf(out, n, "%s", date);
    }
}

int bci_year_date(ingest_ctx *c, const char *date, bc_date *d, bci_marks *m)
{
    bc_err ignored;
    if (date[0] == '-' && date[1] == '-') {
        c->out->dates_without_year++;
        char why[300], words[32];
        const char *pub = c->in->published_on;
        bci_date_words(date, words, sizeof words);
        if (pub != NULL && pub[0] != '\0')
            /* a past day after it ("met on 5 December" in a report of 4 December), a coming
             * one just before it: a slip or another year's, the text does not say */
            snprintf(why, sizeof why,
                     "The article gives the day (%s) without a year, and its publication date "
                     "(%.10s) does not tell which year it is, so no date is stored.",
                     words, pub);
        else
            snprintf(why, sizeof why,
                     "The article gives the day (%s) without a year and no publication date "
                     "came with it, so no date is stored.",
                     words);
        bci_mark(m, NULL, why);
        return 0;
    }
    return date[0] != '\0' && bc_date_parse(date, d, &ignored) == BC_OK;
}

const char *const BCI_WHY_YEAR = "The year of its date comes from the publication date "
                                 "(published_on), not from the text.";

/* The bytes between words w and byte b of the text (0 when b is inside them). */
static size_t apart(const bc_xquote *w, size_t b)
{
    return w->start > b ? w->start - b : w->end < b ? b - w->end : 0;
}

/* 1 when words w, in quote q, are nearer another amount of the quote than byte near. */
static int nearer_other(const ingest_ctx *c, const bc_xquote *w, const bc_xquote *q, size_t near)
{
    for (size_t i = 0; near != SIZE_MAX && i < c->ex->nfigures; i++) {
        const bc_xfigure *g = &c->ex->figures[i];
        if (g->start != near && g->start >= q->start && g->end <= q->end &&
            apart(w, g->start) < apart(w, near))
            return 1;
    }
    return 0;
}

void bci_unplaced_note(ingest_ctx *c, const bc_xcite *cite, size_t near, const char *what,
                       bci_marks *m)
{
    const char *pub = c->in->published_on;
    const bc_xquote *u = NULL, *first = NULL;
    for (int k = 0; c->ex != NULL && k < cite->nquotes && u == NULL; k++)
        for (size_t i = 0; i < c->ex->nunplaced && u == NULL; i++) {
            const bc_xquote *w = &c->ex->unplaced[i];
            if (w->start < cite->q[k].start || w->end > cite->q[k].end)
                continue;
            first = first != NULL ? first : w;
            if (!nearer_other(c, w, &cite->q[k], near))
                u = w; /* the first words of its time, not another amount's */
        }
    u = u != NULL ? u : first;
    if (u == NULL)
        return;
    char note[400];
    int len = u->end - u->start < 80 ? (int)(u->end - u->start) : 80;
    if (pub != NULL && pub[0] != '\0')
        snprintf(note, sizeof note,
                 "The article gives its %s only as \"%.*s\", which neither the article "
                 "nor its publication date (%.10s) places, so no %s is stored.",
                 what, len, c->in->text + u->start, pub, what);
    else
        snprintf(note, sizeof note,
                 "The article gives its %s only as \"%.*s\", which nothing in it "
                 "places and no publication date came with it, so no %s is stored.",
                 what, len, c->in->text + u->start, what);
    bci_mark(m, NULL, note);
}

/* A meeting or talks without a date whose day the text gives only by words a publication
 * date would place ("On Tuesday"), none having come: the note quotes them and the day is
 * counted in dates_without_year. */
void bci_day_word_note(ingest_ctx *c, const bc_xmeeting *m, int has_date, bci_marks *mk)
{
    if (has_date || m->day_word[0] == '\0')
        return;
    char note[300];
    const char *pub = c->in->published_on;
    if (m->day_span == 1) /* "last week", "on the opening day of this year's fair" */
        snprintf(note, sizeof note,
                 "The article gives its time only as \"%s\", which holds no day or month a date "
                 "could (a week, or the day of an event it does not date), so no date is stored.",
                 m->day_word);
    else if (m->day_span == 2) /* "earlier this month" without a publication date */
        snprintf(note, sizeof note,
                 "The article gives its time only as \"%s\", which only a publication date could "
                 "place, and no publication date came with it, so no date is stored.",
                 m->day_word);
    else if (pub != NULL && pub[0] != '\0')
        snprintf(note, sizeof note,
                 "The article gives its day only as \"%s\", which only a publication day "
                 "could place, and its publication date (%s) names no day, so no date is stored.",
                 m->day_word, pub);
    else
        snprintf(note, sizeof note,
                 "The article gives its day only as \"%s\", which only a publication date "
                 "could place, and no publication date came with it, so no date is stored.",
                 m->day_word);
    bci_mark(mk, NULL, note);
    c->out->dates_without_year++;
}

/* A meeting or talks whose date the article gives but the extractor withheld as doubtful
 * (bc_xmeeting.date_doubts): kept undated, and the note says why, each doubt by its own
 * words (a weekday after a day of another week is no year told before). */
void bci_withheld_note(const bc_xmeeting *m, int has_date, bci_marks *mk)
{
    static const struct {
        unsigned bit;
        const char *why;
    } reasons[] = {
        {BC_XD_STORY_ELSEWHEN,
         "The article gives its day without a year right after telling of another year, so "
         "the publication date's year may not be its own."},
        {BC_XD_DAY_ELSEWHEN,
         "The article gives its day only by words counted from the publication date (a "
         "weekday, or a day without its month) right after telling of a day or month more "
         "than a week away from it, so the count may not give its day."},
        {BC_XD_COUNTED_ELSEWHEN,
         "The article counts its day from a day it told before whose year is another or "
         "was itself not written, so the count may not give its day."},
        {BC_XD_SAME_DAY_LATELY,
         "The article gives its day as the same day as its dateline's right after telling "
         "of something held lately, on a day it does not give."},
        {BC_XD_YEAR_CONTEXT,
         "The words around its date speak of a year they do not fix, so its year may not "
         "be the one completed."},
        {BC_XD_YEAR_BESIDE_DAY,
         "Its date is a year alone while its sentence writes a month or a day, so the year "
         "may be another event's."},
        {BC_XD_EARLIER_CLAUSE,
         "It is to come and its date stands in an earlier clause of its sentence, so that "
         "date may be another event's."},
    };
    if (has_date || m->date_doubts == 0)
        return;
    for (size_t k = 0; k < sizeof reasons / sizeof reasons[0]; k++)
        if (m->date_doubts & reasons[k].bit)
            bci_mark(mk, NULL, reasons[k].why);
    bci_mark(mk, NULL, "The date is withheld as doubtful and no date is stored.");
}

/* A meeting or talks without a date, none of the notes above saying why, whose sentence
 * gives a time no date was made of ("volgend jaar" without a publication date, "the same
 * day" of a day not placed): the note quotes those words (analyst13 finding 15). */
void bci_unplaced_date_note(ingest_ctx *c, const bc_xmeeting *m, int has_date, bci_marks *mk)
{
    if (!has_date && m->date[0] == '\0' && m->day_word[0] == '\0' && m->date_doubts == 0)
        bci_unplaced_note(c, &m->cite, SIZE_MAX, "date", mk);
}

/* Where its status comes from. A meeting planned only because its date falls after the
 * publication date: "status" marked inferred, with why. A meeting the text says took place
 * ("was held", "đã được tổ chức") on a day after the article's publication date: it stays
 * held, as the text says, and the note says that its date and the publication date cannot
 * both be right (a publication date given later, PATCH /v1/sources/{id}, never makes it
 * planned). */
void bci_held_after_note(ingest_ctx *c, const bc_xmeeting *m, const bc_date *d, bci_marks *mk)
{
    const char *pub = c->in->published_on;
    bc_date p;
    bci_status_mark(m, mk);
    /* after it: after its last day (a day of November is not after "2026-11") */
    if (d == NULL || pub == NULL || bc_date_parse(pub, &p, NULL) != BC_OK ||
        strcmp(m->status, "held") != 0 || m->status_unsaid || strcmp(d->start, p.end) <= 0)
        return;
    char note[300];
    snprintf(note, sizeof note,
             "The article says it took place, yet the date it gives (%s) falls after its "
             "publication date (%s): one of the two is wrong; it is kept as held, as written.",
             d->text, pub);
    bci_mark(mk, NULL, note);
}
