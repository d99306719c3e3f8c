/* extract_tok.c: the extractor's text model: the article cut into sentences and tokens
 * (words folded with bc_text_fold, each Chinese character a token of its own, numbers
 * read with the language's decimal mark, numeric dates) and the gazetteer's names found
 * in the tokens (the lexicon over the tokens: extract_lex.c). */
#include "bordercoop/alloc.h"
#include "bordercoop/date.h"
#include "bordercoop/text.h"
#include "extract_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static unsigned scan_gap(const ctx *c, size_t a)
{
    unsigned f = 0;
    size_t i = c->t[a].end, e = c->t[a + 1].start;
    while (i < e) {
        unsigned cp;
        i += dec(c->s, c->n, i, &cp);
        if (is_space_cp(cp))
            f |= G_SPACE;
        else if (is_dash_cp(cp) || cp == 0xFF5E || cp == '~')
            f |= G_DASH;
        else if (cp == '.')
            f |= G_DOT;
        else if (cp == ',' || cp == ':' || cp == ';' || cp == 0xFF0C || cp == 0x3001 ||
                 cp == 0xFF1A || cp == 0xFF1B)
            f |= G_COMMA;
        else if (cp == '(' || cp == '[' || cp == 0xFF08 || cp == 0x3010)
            f |= G_PAREN | G_OPEN;
        else if (cp == ')' || cp == ']' || cp == 0xFF09 || cp == 0x3011)
            f |= G_PAREN | G_CLOSE;
        else if (cp == '%' || cp == 0xFF05)
            f |= G_PCT;
        else if (cp == '$')
            f |= G_DOLLAR;
        else if (cp == 0x20AC)
            f |= G_EURO;
        else if (cp == 0xA5 || cp == 0xFFE5)
            f |= G_YUAN;
        else if (cp == 0xA3)
            f |= G_POUND | G_OTHER; /* as any other mark, and a currency sign */
        else if (cp == '/')
            f |= G_SLASH;
        else if (cp == '"' || cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201C ||
                 cp == 0x201D || cp == 0xAB || cp == 0xBB || cp == 0x300A || cp == 0x300B)
            f |= G_QUOTE;
        else
            f |= G_OTHER;
    }
    return f;
}

unsigned bcx_gap(const ctx *c, size_t a)
{
    if (a + 1 >= c->nt)
        return G_OTHER; /* past the last token: the end of the text */
    return c->gap != NULL ? c->gap[a] : scan_gap(c, a);
}

size_t bcx_commas(const ctx *c, size_t a, size_t b)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a;
    return c->pcomma[hi] - c->pcomma[lo];
}

size_t bcx_han_tokens(const ctx *c, size_t a, size_t b)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a;
    return c->phan[hi] - c->phan[lo];
}

void bcx_index_gaps(ctx *c)
{
    c->gap = bc_malloc((c->nt + 1) * sizeof *c->gap);
    c->pcomma = bc_malloc((c->nt + 1) * sizeof *c->pcomma);
    c->phan = bc_malloc((c->nt + 1) * sizeof *c->phan);
    if (c->gap == NULL || c->pcomma == NULL || c->phan == NULL) {
        c->rc = BC_ENOMEM;
        return;
    }
    c->pcomma[0] = c->phan[0] = 0;
    for (size_t k = 0; k < c->nt; k++) {
        c->gap[k] = k + 1 < c->nt ? scan_gap(c, k) : G_OTHER;
        c->pcomma[k + 1] = c->pcomma[k] + ((c->gap[k] & (G_COMMA | G_PAREN)) != 0);
        c->phan[k + 1] = c->phan[k] + c->t[k].han;
    }
}

int bcx_joined(const ctx *c, size_t a)
{
    return (bcx_gap(c, a) & ~(unsigned)(G_SPACE | G_DASH)) == 0;
}

size_t bcx_sent_end(const ctx *c, size_t i)
{
    return c->se[c->t[i].sent].t1;
}

int bcx_colon_ordinal(const ctx *c, size_t i, size_t lim)
{
    size_t end = c->t[i].end;
    return i + 1 < lim && end < c->n && c->s[end] == ':' && c->t[i + 1].start == end + 1 &&
           (bcx_word_is(c, i + 1, lim, "e") || bcx_word_is(c, i + 1, lim, "a"));
}

static void add_token(ctx *c, tok *t)
{
    t->glued = c->nt > 0 && c->t[c->nt - 1].end == t->start;
    t->fo = c->fold.len;
    if (t->kind == T_WORD)
        bc_text_fold(c->s + t->start, t->end - t->start, &c->fold);
    else
        bc_buf_append(&c->fold, c->s + t->start, t->end - t->start);
    t->fl = c->fold.len - t->fo;
    t->sent = NO_SENT;
    if (bc_buf_failed(&c->fold))
        c->rc = BC_ENOMEM;
    c->t = bc_grow(c->t, &c->capt, c->nt + 1, sizeof *c->t, &c->rc);
    if (c->rc == BC_OK)
        c->t[c->nt++] = *t;
}

static int digits_at(const char *s, size_t n, size_t i, size_t k)
{
    int v = 0;
    if (i + k > n)
        return -1;
    for (size_t q = 0; q < k; q++) {
        if (!is_digit(s[i + q]))
            return -1;
        v = v * 10 + (s[i + q] - '0');
    }
    return v;
}

/* Reads 1 or 2 digits at s[i]; returns the value (-1 if none) and their count in *k. */
static int one_two(const char *s, size_t n, size_t i, size_t *k)
{
    *k = 0;
    if (i >= n || !is_digit(s[i]))
        return -1;
    *k = i + 1 < n && is_digit(s[i + 1]) ? 2 : 1;
    return digits_at(s, n, i, *k);
}

/* A numeric date at s[i]: 2025-10-30, 30/10/2025, 30.10.2025, 30-10-2025 or 10/2025.
 * Returns the end of it (0 when there is none) and the ISO form in iso. */
static size_t scan_date(const ctx *c, size_t i, char iso[11])
{
    const char *s = c->s;
    size_t n = c->n, end = 0, k1, k2;
    char buf[48];
    bc_date d;
    int y = digits_at(s, n, i, 4);
    if (y >= 0 && i + 10 <= n && s[i + 4] == '-' && s[i + 7] == '-' &&
        digits_at(s, n, i + 5, 2) >= 0 && digits_at(s, n, i + 8, 2) >= 0 &&
        (i + 10 == n || !is_digit(s[i + 10]))) {
        memcpy(buf, s + i, 10);
        buf[10] = '\0';
        end = i + 10;
    }
    int a = one_two(s, n, i, &k1);
    size_t p = i + k1;
    if (end == 0 && a >= 0 && p + 1 < n && (s[p] == '/' || s[p] == '.' || s[p] == '-')) {
        char sep = s[p];
        int b = one_two(s, n, p + 1, &k2);
        size_t q = p + 1 + k2;
        if (b >= 0 && q < n && s[q] == sep && (y = digits_at(s, n, q + 1, 4)) >= 0 &&
            (q + 5 == n || !is_digit(s[q + 5]))) {
            int day = a, mon = b;
            if (c->lbit == L_EN && b > 12 && a <= 12) /* 10/30/2025 */
                day = b, mon = a;
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mon, day);
            end = q + 5;
        } else if (sep == '/' && a >= 1 && a <= 12 && (y = digits_at(s, n, p + 1, 4)) >= 0 &&
                   (p + 5 == n || (!is_digit(s[p + 5]) && s[p + 5] != '/'))) {
            snprintf(buf, sizeof buf, "%04d-%02d", y, a);
            end = p + 5;
        } else if (sep == '/' && b >= 1 && b <= 12 && a >= 1 && a <= 31 &&
                   ((c->lbit & (L_VI | L_FR)) || (c->lbit == L_EN && a > 12)) &&
                   (q >= n || (s[q] != '/' && !is_digit(s[q])))) {
            /* "30/10": day and month, the year unwritten (in English only when the day
             * cannot be a month: "on 27/3" of a Vietnamese wire, never "3/4") */
            snprintf(buf, sizeof buf, "--%02d-%02d", b, a);
            memcpy(iso, buf, 8);
            return q;
        }
    }
    if (end != 0 && bc_date_parse(buf, &d, NULL) != BC_OK)
        end = 0;
    if (end != 0)
        memcpy(iso, buf, strlen(buf) + 1);
    return end;
}

/* Bytes of a space-like separator at s[i] (space, no-break space, narrow/thin space). */
static size_t space_len(const char *s, size_t n, size_t i)
{
    unsigned cp;
    if (i >= n)
        return 0;
    size_t l = dec(s, n, i, &cp);
    return cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 ? l : 0;
}

/* 1 when s[i..i+3) are digits not followed by another digit. */
static int three_digits(const char *s, size_t n, size_t i)
{
    return digits_at(s, n, i, 3) >= 0 && (i + 3 == n || !is_digit(s[i + 3]));
}

/* Reads the number at s[i] with the language's marks: English writes 18,000.5, the
 * others 18.000,5 or 18 000,5. A separator before exactly three digits groups
 * thousands; one that is the decimal mark of the language ("18,000" in Polish) is
 * ambiguous: num reads it as thousands, num_alt as a decimal (chosen when a scale word
 * follows: "4,420 mld"). Any other separator before digits is a decimal mark, so
 * "7.2 trieu" in Vietnamese is 7.2. */
static size_t scan_number(const ctx *c, size_t i, tok *t)
{
    const char *s = c->s;
    size_t n = c->n, j = i;
    char thou = c->lang->thousands;
    double v = 0, alt = 0;
    int n0 = 0, groups = 0, ambig = 0, decimal = 0;
    char gsep = 0;
    while (j < n && is_digit(s[j])) {
        v = v * 10 + (s[j++] - '0');
        n0++;
    }
    for (;;) {
        size_t sl = space_len(s, n, j);
        if (sl > 0 && (groups == 0 ? n0 <= 3 : gsep == ' ') && three_digits(s, n, j + sl)) {
            v = v * 1000 + digits_at(s, n, j + sl, 3);
            j += sl + 3;
            groups++;
            gsep = ' ';
            continue;
        }
        if (j + 1 < n && (s[j] == '.' || s[j] == ',') && is_digit(s[j + 1])) {
            char sep = s[j];
            size_t k = 0;
            while (j + 1 + k < n && is_digit(s[j + 1 + k]))
                k++;
            int grp = k == 3 && (groups == 0 ? n0 <= 3 : gsep == sep);
            if (grp && (sep == thou || groups > 0)) {
                v = v * 1000 + digits_at(s, n, j + 1, 3);
                ambig = 0;
                groups++;
                gsep = sep;
                j += 4;
                continue;
            }
            if (grp) {
                alt = v + digits_at(s, n, j + 1, 3) / 1000.0;
                v = v * 1000 + digits_at(s, n, j + 1, 3);
                ambig = 1;
                groups++;
                gsep = sep;
                j += 4;
                continue;
            }
            if (groups > 0 && sep == gsep)
                break;
            double scale = 0.1;
            for (size_t q = 0; q < k; q++, scale /= 10)
                v += (s[j + 1 + q] - '0') * scale;
            j += 1 + k;
            decimal = 1;
            ambig = 0;
        }
        break;
    }
    t->kind = T_NUM;
    if (n0 > 15)
        v = alt = 0; /* not an amount any report writes: no figure */
    t->num = v;
    t->num_alt = ambig ? alt : v;
    t->ambig = (unsigned char)ambig;
    t->plain = groups == 0 && !decimal;
    t->integral = !decimal;
    t->ndig = (unsigned char)(n0 > 255 ? 255 : n0);
    return j;
}

void bcx_tokenize(ctx *c)
{
    size_t i = 0;
    while (c->rc == BC_OK && i < c->n) {
        unsigned cp;
        size_t l = dec(c->s, c->n, i, &cp);
        tok t;
        memset(&t, 0, sizeof t);
        if (is_digit((char)cp) && cp < 0x80) {
            size_t end = scan_date(c, i, t.iso);
            if (end != 0)
                t.kind = T_DATE;
            else
                end = scan_number(c, i, &t);
            t.start = i;
            t.end = end;
            add_token(c, &t);
            i = end;
        } else if (is_han(cp)) {
            t.kind = T_WORD;
            t.han = 1;
            t.start = i;
            t.end = i + l;
            add_token(c, &t);
            i += l;
        } else if (bc_text_is_letter(cp)) {
            size_t j = i + l;
            while (j < c->n) {
                unsigned cp2;
                size_t l2 = dec(c->s, c->n, j, &cp2);
                if (!bc_text_is_letter(cp2) || is_han(cp2))
                    break;
                j += l2;
            }
            t.kind = T_WORD;
            t.start = i;
            t.end = j;
            t.upper = (unsigned char)is_upper(cp);
            add_token(c, &t);
            i = j;
        } else {
            i += l;
        }
    }
}

/* 1 when the '.' at s[i] ends a sentence: followed by a space or the end, not by a
 * lower-case word ("11. spotkanie", "w 2024 r. i"), and not an initial ("Hau A. Lenh"). */
static int full_stop(const ctx *c, size_t i)
{
    const char *s = c->s;
    size_t j = i + 1;
    if (j >= c->n)
        return 1;
    unsigned cp;
    size_t l = dec(s, c->n, j, &cp);
    if (!is_space_cp(cp) && cp != '\n' && cp != '\r' && cp != '|')
        return 0;
    while (j < c->n && (is_space_cp(cp) || cp == '\r' || cp == '\n')) {
        j += l;
        if (j < c->n)
            l = dec(s, c->n, j, &cp);
    }
    if (j < c->n && is_lower(cp))
        return 0;
    if (i >= 1 && s[i - 1] >= 'A' && s[i - 1] <= 'Z' && (i == 1 || s[i - 2] == ' '))
        return 0;
    /* a scale abbreviation before a currency code: "250 mln. USD", "1,2 mld. VND" */
    if (j + 3 <= c->n && i >= 3) {
        static const char *const scales[] = {"mln", "mld", "bln", "tys", "mio", "mrd", NULL};
        static const char *const codes[] = {"USD", "VND", "CNY", "EUR", NULL};
        int scale = 0, code = 0;
        for (int k = 0; scales[k] && !scale; k++)
            scale = memcmp(s + i - 3, scales[k], 3) == 0 && (i == 3 || s[i - 4] == ' ');
        for (int k = 0; codes[k] && scale && !code; k++)
            code = memcmp(s + j, codes[k], 3) == 0;
        if (code)
            return 0;
    }
    /* a title before a name: "Akademii Politycznej im. Ho Chi Minha", "Dr. Le", "plk. Nguyen" */
    {
        static const char *const titles[] = {"im",   "św",  "ul", "gen", "płk", "ppłk",
                                             "mjr",  "kpt", "dr", "mr",  "mrs", "ms",
                                             "prof", "col", "lt", "sen", "dhr", NULL};
        size_t w = i;
        while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '\n' && s[w - 1] != '(')
            w--;
        for (int k = 0; titles[k]; k++)
            if (i - w == strlen(titles[k]) && strncasecmp(s + w, titles[k], i - w) == 0)
                return 0;
    }
    /* an abbreviation before a number: "w 2023 r. 339,44 mld", "ok. 283 mln", "Nov. 30" */
    if (j < c->n && is_digit(s[j])) {
        size_t w = i;
        while (w > 0 &&
               ((s[w - 1] >= 'a' && s[w - 1] <= 'z') || (s[w - 1] >= 'A' && s[w - 1] <= 'Z')))
            w--;
        if (i - w >= 1 && i - w <= 4 && (w == 0 || !is_digit(s[w - 1])))
            return 0;
    }
    return 1;
}

static int trim_cp(unsigned cp)
{
    return is_space_cp(cp) || cp == '|' || cp == '\r' || cp == '\n';
}

static void add_sentence(ctx *c, size_t a, size_t b)
{
    unsigned cp;
    while (a < b) {
        size_t l = dec(c->s, c->n, a, &cp);
        if (!trim_cp(cp))
            break;
        a += l;
    }
    while (b > a) {
        size_t p = prev_cp(c->s, b);
        dec(c->s, c->n, p, &cp);
        if (!trim_cp(cp))
            break;
        b = p;
    }
    if (a >= b)
        return;
    c->se = bc_grow(c->se, &c->capse, c->ns + 1, sizeof *c->se, &c->rc);
    if (c->rc == BC_OK) {
        memset(&c->se[c->ns], 0, sizeof c->se[c->ns]);
        c->se[c->ns].qs = a;
        c->se[c->ns].qe = b;
        c->ns++;
    }
}

/* Where to cut a sentence that has grown past BC_X_MAX_SENTENCE bytes from start: after
 * the last comma or space of its second half, else at a character boundary. */
static size_t forced_cut(const ctx *c, size_t start, size_t i)
{
    size_t half = start + BC_X_MAX_SENTENCE / 2;
    for (size_t k = i; k > half; k--) {
        unsigned char ch = (unsigned char)c->s[k - 1];
        if (ch == ',' || ch == ' ')
            return k;
    }
    while (i > start && ((unsigned char)c->s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* The bytes of a closing quotation mark right after the '.' at s[i] that ends a quoted
 * sentence: the mark, then a space and a capital ("... de pandemie." Ter vergelijking:),
 * 0 when none ("... tijdelijk." aldus het departement goes on). */
static size_t quote_after_stop(const ctx *c, size_t i)
{
    size_t j = i + 1, q;
    unsigned cp;
    if (j >= c->n)
        return 0;
    q = dec(c->s, c->n, j, &cp);
    if (cp != '"' && cp != 0x201D && cp != 0x2019 && cp != 0xBB)
        return 0;
    size_t k = j + q;
    if (k >= c->n)
        return q;
    size_t l = dec(c->s, c->n, k, &cp);
    if (!is_space_cp(cp))
        return 0;
    k += l;
    if (k >= c->n)
        return q;
    dec(c->s, c->n, k, &cp);
    return is_upper(cp) ? q : 0;
}

/* Sentences end at . ! ? ; (and their Chinese forms), at line breaks and at the bars of
 * table cells; none is longer than BC_X_MAX_SENTENCE bytes. The article's first line is
 * its heading when more text follows it. */
void bcx_split_sentences(ctx *c)
{
    size_t start = 0, i = 0;
    int first_line = 1;
    while (c->rc == BC_OK && i < c->n) {
        unsigned cp;
        size_t l = dec(c->s, c->n, i, &cp);
        size_t before = c->ns;
        if (cp == '\n' || cp == '\r' || cp == '|' || cp == ';' || cp == 0xFF1B) {
            add_sentence(c, start, i);
            start = i + l;
        } else if (cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 ||
                   cp == 0xFF1F || (cp == '.' && full_stop(c, i))) {
            add_sentence(c, start, i + l);
            start = i + l;
        } else if (cp == '.' && quote_after_stop(c, i) > 0) {
            size_t q = quote_after_stop(c, i); /* the quote closes with its sentence */
            add_sentence(c, start, i + l + q);
            start = i + l + q;
            i += q;
        } else if (i + l - start > BC_X_MAX_SENTENCE) {
            size_t cut = forced_cut(c, start, i);
            add_sentence(c, start, cut);
            start = cut;
        }
        if (first_line && c->ns > before)
            c->se[before].heading = 1;
        if (cp == '\n')
            first_line = 0;
        i += l;
    }
    /* the text after the last stop is on the first line too when no line break came: a
     * one-line article ending in a caption ("... plaats in Dien Bien. (Foto: VNA.)")
     * is all body, not a headline followed by a caption */
    size_t before = c->ns;
    add_sentence(c, start, c->n);
    if (first_line && c->ns > before)
        c->se[before].heading = 1;
    /* a first line with no text after it is the whole article, no headline ("Turnover
     * reached 2.35 billion USD in the first ten months. Exports were 1.1 billion USD in
     * the same period.": the second sentence goes on about the first) */
    size_t k = 0;
    while (k < c->ns && c->se[k].heading)
        k++;
    for (size_t q = 0; k == c->ns && q < k; q++)
        c->se[q].heading = 0;
}

/* Gives each token its sentence and each sentence its token range. */
void bcx_assign_sentences(ctx *c)
{
    size_t k = 0;
    for (size_t i = 0; i < c->ns; i++)
        c->se[i].t0 = c->se[i].t1 = 0;
    for (size_t i = 0; i < c->nt; i++) {
        tok *t = &c->t[i];
        while (k < c->ns && c->se[k].qe <= t->start)
            k++;
        if (k < c->ns && t->start >= c->se[k].qs && t->end <= c->se[k].qe) {
            if (c->se[k].t1 == 0)
                c->se[k].t0 = i;
            c->se[k].t1 = i + 1;
            t->sent = k;
        }
    }
    /* a word of what is to come inside a day counted from another ("the next day",
     * "Nastepnego dnia") says nothing of the sentence's tense; in Dutch it does, whose present
     * tells what is to come ("De volgende dag houden de douanediensten een werksessie") */
    for (size_t si = 0; si < c->ns; si++)
        for (size_t q = c->se[si].t0; q < c->se[si].t1 && !c->se[si].future; q++) {
            size_t n = c->lbit == L_NL ? 0 : bcx_lex_find(c, C_NEXT_DAY, q, NULL);
            if (n > 0)
                q += n - 1;
            else
                c->se[si].future = bcx_lex_find(c, C_FUTURE, q, NULL) > 0;
        }
}

/* Tokens alias a covers at token i (0 when it does not match). Every word must equal the
 * text's folded word except the last, which may also begin a longer word: a one-word
 * alias of five or more letters matches any word it begins (Polish "Junnanem", Swedish
 * "Yunnanprovinsen"); the last word of a longer alias, of three or more letters, may take
 * up to two more letters (Swedish genitive "Lai Chaus"). Chinese names meet one token per
 * character. */
static size_t alias_at(const ctx *c, const gz_alias *a, size_t i, size_t lim)
{
    const char *w = GZ(c->g, a->words);
    size_t k = i;
    for (int j = 0; j < a->nwords; j++) {
        size_t wl = strlen(w);
        if (k >= lim || (k > i && (bcx_gap(c, k - 1) & ~(unsigned)(G_SPACE | G_DASH | G_DOT))))
            return 0;
        unsigned cp;
        dec(w, wl, 0, &cp);
        if (is_han(cp)) {
            size_t m = bcx_char_word_at(c, w, wl, k, lim);
            if (m == 0)
                return 0;
            k += m;
            w += wl + 1;
            continue;
        }
        size_t n = c->t[k].fl;
        const char *tw = TXT(c, k);
        int last = j == a->nwords - 1;
        int ok = n == wl && memcmp(tw, w, wl) == 0;
        if (!ok && last && c->t[k].kind == T_WORD && !c->t[k].han && n > wl &&
            memcmp(tw, w, wl) == 0)
            ok = a->nwords == 1 ? wl >= 5 : wl >= 3 && n - wl <= 2;
        if (!ok)
            return 0;
        k++;
        w += wl + 1;
    }
    return k - i;
}

static void add_hit(ctx *c, size_t i, size_t n, const gz_alias *al)
{
    const char *id = GZ(c->g, al->id);
    for (size_t q = c->nh; q > 0 && c->h[q - 1].t0 == i; q--)
        if (c->h[q - 1].t1 == i + n && strcmp(c->h[q - 1].id, id) == 0)
            return;
    c->h = bc_grow(c->h, &c->caph, c->nh + 1, sizeof *c->h, &c->rc);
    if (c->rc == BC_OK)
        c->h[c->nh++] = (hit){i, i + n, al->entity, id};
}

/* Every alias whose first word is the key of n bytes at key, tried at token i. */
static void try_chain(ctx *c, const char *key, size_t n, size_t i, size_t lim, int one_word)
{
    for (size_t a = bcx_gz_first(c->g, key, n); a != 0 && c->rc == BC_OK;
         a = c->g->al[a - 1].next) {
        const gz_alias *al = &c->g->al[a - 1];
        const char *w = GZ(c->g, al->words);
        if (bcx_gz_key_len(w) != n || memcmp(w, key, n) != 0 || (one_word && al->nwords != 1))
            continue;
        size_t m = alias_at(c, al, i, lim);
        if (m > 0)
            add_hit(c, i, m, al);
    }
}

void bcx_find_names(ctx *c)
{
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        c->se[si].h0 = c->nh;
        for (size_t i = c->se[si].t0; c->g && i < c->se[si].t1 && c->rc == BC_OK; i++) {
            const tok *t = &c->t[i];
            if (t->kind == T_DATE)
                continue;
            const char *w = TXT(c, i);
            try_chain(c, w, t->fl, i, c->se[si].t1, 0);
            /* one-word aliases of five or more letters also begin longer words */
            for (size_t n = 5; t->kind == T_WORD && !t->han && n < t->fl; n++)
                try_chain(c, w, n, i, c->se[si].t1, 1);
        }
        c->se[si].h1 = c->nh;
    }
}
