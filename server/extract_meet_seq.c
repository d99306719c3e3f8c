/* extract_meet_seq.c: whose a day is when its sentence tells several in turn ("8月1日，
 * 代表团抵达文山，8月3日上午，双方举行会谈": the arrival's day, then the talks'). A day
 * that opens the sentence is the day of what it reports only when no later day of it
 * stands between it and the meeting; a day in a later clause that names no meeting is
 * of what the talks led to ("…举行会谈，推动东兴方面于10日上午恢复…通关"). */
#include "extract_int.h"

#include <stdio.h>

#include <string.h>

int bcx_day_between(const ctx *c, const mention *m, const xd *d)
{
    for (size_t k = c->se[m->sent].d0; k < c->se[m->sent].d1; k++) {
        const xd *o = &c->d[k];
        if (o != d && !o->dateline && !o->used && (o->prec == 3 || o->span[0]) && o->t0 >= d->t1 &&
            o->t1 <= m->t0)
            return 1;
    }
    return 0;
}

int bcx_next_clause_day(const ctx *c, const mention *m, const xd *d)
{
    static const char *const tod[] = {"上午", "下午", "晚上", "中午", "晚", "早上", NULL};
    size_t hi = c->se[m->sent].t1, k = d->t1;
    if (c->lbit != L_ZH || d->t0 < m->t1 || d->t0 == 0 || !(bcx_gap(c, d->t0 - 1) & G_COMMA))
        return 0;
    for (int w = 0; tod[w] && k < hi; w++) {
        size_t n = bcx_words_at(c, k, hi, tod[w]);
        if (n > 0) {
            k += n;
            break;
        }
    }
    return k < hi && k > 0 && (bcx_gap(c, k - 1) & G_COMMA);
}

int bcx_prepared_zh(const ctx *c, size_t i, size_t noun_end, size_t lim)
{
    static const char *const prep[] = {"筹备", "预备", "准备", NULL};
    size_t lo = c->se[c->t[i].sent].t0, k = noun_end;
    if (c->lbit != L_ZH)
        return 0;
    if (k < lim && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)) && bcx_words_at(c, k, lim, "的") > 0)
        k++;
    for (int w = 0; prep[w]; w++) {
        if (k < lim && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)) &&
            bcx_words_at(c, k, lim, prep[w]) > 0)
            return 1;
        if (i >= lo + 2 && bcx_words_at(c, i - 2, i, prep[w]) == 2)
            return 1;
    }
    return 0;
}

const xd *bcx_held_modifier_day_zh(const ctx *c, const mention *m)
{
    static const char *const held[] = {"举行的", "召开的", "举办的", NULL};
    if (c->lbit != L_ZH)
        return NULL;
    for (size_t k = c->se[m->sent].d1; k > c->se[m->sent].d0; k--) {
        const xd *d = &c->d[k - 1];
        if (d->t1 > m->t0 || d->prec == 0 || d->used || d->dateline)
            continue;
        int holding = 0;
        for (size_t q = d->t1; q < m->t0; q++) {
            if ((bcx_gap(c, q - 1) & (G_COMMA | G_DOT)) || bcx_lex_find(c, C_MEET, q, NULL) > 0 ||
                bcx_lex_find(c, C_TALKS, q, NULL) > 0)
                return NULL; /* another clause, or another meeting's day */
            for (int w = 0; held[w] && !holding; w++)
                holding = bcx_words_at(c, q, m->t0, held[w]) > 0;
        }
        int y = 0, mo = 0;
        if (!holding || sscanf(d->iso, "%d-%d", &y, &mo) < 1 ||
            (c->ry != 0 && (y < c->ry || (y == c->ry && mo != 0 && mo < c->rm))))
            return NULL; /* none, or one gone by: a meeting prepared is to come */
        return d;
    }
    return NULL;
}

int bcx_other_noun_clause(const ctx *c, const mention *m, const xd *d)
{
    size_t lo = c->se[m->sent].t0, hi = c->se[m->sent].t1, a = d->t0, b = d->t1;
    const bc_lex *e = NULL;
    if (c->lbit != L_ZH || m->xkind == BC_XM_TALKS)
        return 0;
    if (d->t0 >= m->t1 ? bcx_commas(c, m->t1 - 1, d->t0) == 0
                       : bcx_commas(c, d->t1 - 1, m->t0) == 0)
        return 0;
    while (a > lo && !(bcx_gap(c, a - 1) & (G_COMMA | G_DOT)))
        a--;
    while (b < hi && !(bcx_gap(c, b - 1) & (G_COMMA | G_DOT)))
        b++;
    /* a ceremony or a visit of the same day is no other meeting's ("12月2日上午，双方出席
     * 开通仪式，下午举行第九次会晤"), nor are the words of the date itself ("会晤期间") */
    for (size_t k = a; k < b; k++)
        if ((k < m->t0 || k >= m->t1) && (k < d->t0 || k >= d->t1) &&
            (bcx_lex_find(c, C_MEET, k, NULL) > 0 ||
             (bcx_lex_find(c, C_TALKS, k, &e) > 0 && e->val != TALKS_CEREMONY &&
              e->val != TALKS_VISIT)))
            return 1;
    return 0;
}

int bcx_eve_of_zh(const ctx *c, const mention *m)
{
    static const char *const verb[] = {"召开", "举行", "开幕", NULL};
    static const char *const before[] = {"前夕", "前一天", "前一日", "之前", "以前", "前", NULL};
    size_t hi = c->se[m->sent].t1, k = m->t1;
    if (c->lbit != L_ZH || m->xkind == BC_XM_TALKS || k >= hi ||
        (bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
        return 0;
    for (int w = 0; verb[w]; w++) {
        size_t n = bcx_words_at(c, k, hi, verb[w]);
        if (n > 0) {
            k += n;
            break;
        }
    }
    for (int w = 0; k < hi && before[w]; w++)
        if (!(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)) && bcx_words_at(c, k, hi, before[w]) > 0)
            return 1;
    return 0;
}

int bcx_first_planned_zh(const ctx *c, const xd *d)
{
    static const char *const orig[] = {"原定于", "原定",     "原计划于", "原计划", "原拟于",
                                       "原拟",   "原本计划", "原本定于", NULL};
    size_t lo = c->se[c->t[d->t0].sent].t0;
    if (c->lbit != L_ZH)
        return 0;
    for (size_t k = d->t0 > lo + 6 ? d->t0 - 6 : lo; k < d->t0; k++)
        for (int w = 0; orig[w]; w++) {
            size_t n = bcx_words_at(c, k, d->t0, orig[w]);
            if (n > 0 && k + n + 2 >= d->t0 && bcx_commas(c, k, d->t0) == 0)
                return 1;
        }
    return 0;
}

int bcx_same_time_zh(const ctx *c, const mention *b)
{
    static const char *const same[] = {"同期", "同时", NULL};
    size_t hi = c->se[b->sent].t1;
    if (c->lbit != L_ZH || b->t1 >= hi || (bcx_gap(c, b->t1 - 1) & (G_COMMA | G_DOT)))
        return 0;
    for (int w = 0; same[w]; w++) {
        size_t n = bcx_words_at(c, b->t1, hi, same[w]);
        if (n > 0 && b->t1 + n < hi && bcx_lex_find(c, C_HELD, b->t1 + n, NULL) > 0)
            return 1;
    }
    return 0;
}

int bcx_first_since_zh(const ctx *c, size_t i)
{
    size_t lo = c->se[c->t[i].sent].t0;
    if (c->lbit != L_ZH)
        return 0;
    if (i >= lo + 3 && bcx_words_at(c, i - 3, i, "以来的") == 3)
        return 1;
    /* the nth within this year or month ("两市今年的第二次正式会谈", "年内第三次"): a count */
    static const char *const within[] = {"今年", "本年", "当年", "同年", "年内",
                                         "本月", "当月", "同月", "本周", NULL};
    size_t k = i > lo && bcx_words_at(c, i - 1, i, "的") ? i - 1 : i;
    for (int w = 0; within[w] && k >= lo + 2 && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)); w++)
        if (bcx_words_at(c, k - 2, k, within[w]) == 2)
            return 1;
    return i >= lo + 2 &&
           (bcx_words_at(c, i - 2, i, "以来") == 2 || bcx_words_at(c, i - 2, i, "年来") == 2);
}

int bcx_year_of_other_zh(const ctx *c, const mention *m, const xd *d)
{
    static const char *const when[] = {"于", "在", "是", "定于", NULL};
    size_t hi = c->se[m->sent].t1;
    /* before it, a year said to be something ("2025年是中越建交75周年，双方将于…") */
    if (c->lbit == L_ZH && d->prec == 1 && d->t1 <= m->t0 && d->t1 < hi &&
        !(bcx_gap(c, d->t1 - 1) & (G_COMMA | G_DOT)) &&
        (bcx_words_at(c, d->t1, hi, "是") > 0 || bcx_words_at(c, d->t1, hi, "为") > 0))
        return 1;
    if (c->lbit != L_ZH || d->t0 < m->t1 || d->t0 == m->t1 ||
        !(d->prec == 1 || (d->prec == 0 && strchr(d->iso, '/') != NULL && !d->span[0])))
        return 0;
    for (int w = 0; when[w]; w++)
        if (bcx_words_at(c, d->t0 - 1, d->t0, when[w]) > 0 ||
            (d->t0 >= 2 && bcx_words_at(c, d->t0 - 2, d->t0, when[w]) == 2))
            return 0;
    /* the year of holding: a verb of holding follows in its clause ("2024年在老街召开") */
    if (bcx_words_at(c, d->t1, hi, "以来") == 0)
        for (size_t k = d->t1; k < hi && k < d->t1 + 8; k++) {
            if (k > d->t1 && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
                break;
            if (bcx_lex_find(c, C_HELD, k, NULL) > 0)
                return 0;
        }
    return 1;
}

/* Chinese verbs of what a meeting decided or said: what follows them is its content. */
static const char *const DECIDED[] = {"商定", "确定", "同意", "决定", "约定", "议定", "通过",
                                      "提出", "认为", "表示", "强调", "建议", "部署", NULL};

static size_t decided_at(const ctx *c, size_t k, size_t hi)
{
    for (int w = 0; DECIDED[w]; w++) {
        size_t n = bcx_words_at(c, k, hi, DECIDED[w]);
        if (n > 0)
            return n;
    }
    return 0;
}

int bcx_decided_day_zh(const ctx *c, const mention *m, const xd *d)
{
    if (c->lbit != L_ZH || d->t0 < m->t1)
        return 0;
    for (size_t k = m->t1; k < d->t0; k++)
        if (decided_at(c, k, d->t0) > 0)
            return 1;
    return 0;
}

int bcx_deciding_zh(const ctx *c, const mention *m)
{
    size_t lo = c->se[m->sent].t0, hi = c->se[m->sent].t1, k = m->t1;
    if (c->lbit != L_ZH || k >= hi || (bcx_gap(c, k - 1) & G_DOT))
        return 0;
    /* "在第十三次会晤上，双方同意…": at it, the sides decided */
    if (bcx_words_at(c, k, hi, "上") > 0 && m->t0 > lo && bcx_words_at(c, m->t0 - 1, m->t0, "在"))
        return 1;
    /* "…举行的第五次会议上曾商定": at it, what was decided, told right after */
    if (bcx_words_at(c, k, hi, "上") > 0 && k + 1 < hi && !(bcx_gap(c, k) & G_DOT) &&
        (decided_at(c, k + 1, hi) > 0 ||
         (bcx_words_at(c, k + 1, hi, "曾") > 0 && decided_at(c, k + 2, hi) > 0)))
        return 1;
    if (bcx_gap(c, k - 1) & G_COMMA)
        return 0;
    /* "第十一次会晤商定", "会议确定" */
    return decided_at(c, k, hi) > 0;
}

int bcx_results_of_zh(const ctx *c, const mention *m)
{
    static const char *const made[] = {"的成果", "成果", "的成就", "的精神", "精神", NULL};
    size_t hi = c->se[m->sent].t1;
    if (c->lbit != L_ZH || m->t1 >= hi || (bcx_gap(c, m->t1 - 1) & (G_COMMA | G_DOT)))
        return 0;
    for (int w = 0; made[w]; w++)
        if (bcx_words_at(c, m->t1, hi, made[w]) > 0)
            return 1;
    return 0;
}

/* 1 when mention m's sentence says it took place lately, no day written, before it or in
 * its clause ("日前，…举行会谈", "两地近日在凭祥举行会谈"), no day between. */
static int vague_time(const ctx *c, const mention *m)
{
    static const char *const vague[] = {"日前", "近日", "前不久", "近期", "日昨", NULL};
    size_t lo = c->se[m->sent].t0, hi = c->se[m->sent].t1, b = m->t1;
    while (b < hi && !(bcx_gap(c, b - 1) & (G_COMMA | G_DOT)))
        b++;
    for (size_t k = lo; k < b; k++)
        for (int w = 0; vague[w]; w++) {
            if (bcx_words_at(c, k, b, vague[w]) == 0)
                continue;
            int day = 0;
            for (size_t q = c->se[m->sent].d0; q < c->se[m->sent].d1 && !day; q++)
                day = c->d[q].t0 > k && c->d[q].t1 <= m->t0 && !c->d[q].dateline;
            if (!day)
                return 1;
        }
    return 0;
}

/* 1 when day d stands in another clause than mention m */
static int other_clause(const ctx *c, const mention *m, const xd *d)
{
    return d->t0 >= m->t1 ? bcx_commas(c, m->t1 - 1, d->t0) > 0
                          : bcx_commas(c, d->t1 - 1, m->t0) > 0;
}

/* 1 when Chinese mention m is named for what it reached ("落实第七次联席会议共识", "第十次会议
 * 的成果") and day d is not written in its own relative clause before it ("去年6月在昆明举行的
 * 第十次会议的共识"): the day is of what is done with them. */
static int outcome_day(const ctx *c, const mention *m, const xd *d)
{
    static const char *const outcome[] = {"共识", "成果", "纪要", "精神", "议定事项", "决定", NULL};
    size_t hi = c->se[m->sent].t1, k = m->t1;
    if (m->xkind != BC_XM_NUMBERED || k >= hi || (bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
        return 0;
    if (bcx_words_at(c, k, hi, "的") > 0)
        k++;
    int named = 0;
    for (int w = 0; outcome[w] && !named; w++)
        named = k < hi && bcx_words_at(c, k, hi, outcome[w]) > 0;
    if (!named)
        return 0;
    if (d->t1 <= m->t0 && bcx_commas(c, d->t1 - 1, m->t0) == 0)
        for (size_t q = d->t1; q < m->t0; q++)
            if ((bcx_words_at(c, q, m->t0, "举行的") == 3 ||
                 bcx_words_at(c, q, m->t0, "召开的") == 3))
                return 0;
    return 1;
}

/* 1 when day d after mention m stands in the relative clause of another meeting after it
 * ("2024年6月在昆明举行的第十次会议和2025年10月在莱州举行的第十一次会议": October is the
 * eleventh's): 举行的 or 召开的 between d and that meeting, no comma. */
static int next_ones_clause(const ctx *c, const mention *m, const xd *d)
{
    if (d->t0 < m->t1)
        return 0;
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        if (o == m || o->sent != m->sent || o->t0 < d->t1 || bcx_commas(c, d->t1 - 1, o->t0) > 0)
            continue;
        for (size_t q = d->t1; q < o->t0; q++)
            if (bcx_words_at(c, q, o->t0, "举行的") == 3 ||
                bcx_words_at(c, q, o->t0, "召开的") == 3)
                return 1;
    }
    return 0;
}

/* The precision of date d as a meeting's: a span of two days is its first day's. */
static int day_prec(const xd *d)
{
    return d->prec == 0 && d->span[0] ? 3 : d->prec;
}

/* 1 when day d stands in a clause after mention m's (a comma between) while another date
 * of its sentence, as fine as d, dates m's own clause: written in it before m, or opening
 * the sentence with no other day or meeting between ("1月8日，两市口岸管理部门曾举行会谈，
 * 推动东兴方面于10日上午恢复…通关": the 10th is of what the talks led to). */
static int own_day_before(const ctx *c, const mention *m, const xd *d)
{
    size_t open = bcx_sent_open(c, m->sent);
    if (d->t0 < m->t1 || bcx_commas(c, m->t1 - 1, d->t0) == 0)
        return 0;
    for (size_t k = c->se[m->sent].d0; k < c->se[m->sent].d1; k++) {
        const xd *o = &c->d[k];
        if (o == d || o->dateline || o->used || o->rel || o->t1 > m->t0 ||
            day_prec(o) < day_prec(d) || strchr(o->iso, '/') != NULL)
            continue;
        if (bcx_commas(c, o->t1 - 1, m->t0) == 0)
            return 1;
        if (o->t0 > open + 1 || bcx_day_between(c, m, o))
            continue;
        int other = 0;
        for (size_t q = 0; q < c->nm && !other; q++)
            other = &c->m[q] != m && c->m[q].sent == m->sent && c->m[q].t0 >= o->t1 &&
                    c->m[q].t1 <= m->t0;
        if (!other)
            return 1;
    }
    return 0;
}

/* 1 when date d stands in a clause after mention m's (a comma between) that names no
 * meeting, no holding and no time of one: the date of what that clause says is done
 * ("…举行会谈，推动东兴方面于10日上午恢复…通关", "…，水口口岸在9月8日恢复通关"), not m's. */
static int later_action_day(const ctx *c, const mention *m, const xd *d)
{
    size_t lo = d->t0, hi = d->t1, end = c->se[m->sent].t1;
    if (d->t0 < m->t1 || bcx_commas(c, m->t1 - 1, d->t0) == 0)
        return 0;
    while (lo > m->t1 && !(bcx_gap(c, lo - 1) & (G_COMMA | G_DOT)))
        lo--;
    while (hi < end && !(bcx_gap(c, hi - 1) & (G_COMMA | G_DOT)))
        hi++;
    for (size_t k = lo; k < hi; k++)
        if (bcx_lex_find(c, C_HELD, k, NULL) > 0 || bcx_lex_find(c, C_MEET, k, NULL) > 0 ||
            bcx_lex_find(c, C_TALKS, k, NULL) > 0 || bcx_words_at(c, k, hi, "时间") > 0 ||
            bcx_words_at(c, k, hi, "日期") > 0)
            return 0; /* "，会谈于3月5日在东兴举行", "，时间定于4月上旬": m's */
    return 1;
}

int bcx_not_its_day_zh(const ctx *c, const mention *m, const xd *d)
{
    return c->lbit == L_ZH &&
           ((vague_time(c, m) && other_clause(c, m, d)) || outcome_day(c, m, d) ||
            next_ones_clause(c, m, d) || bcx_next_clause_day(c, m, d) ||
            bcx_other_noun_clause(c, m, d) || bcx_first_planned_zh(c, d) ||
            bcx_year_of_other_zh(c, m, d) || bcx_decided_day_zh(c, m, d) ||
            own_day_before(c, m, d) || later_action_day(c, m, d));
}

int bcx_month_end_planned_zh(const ctx *c, const mention *m, const xd *d)
{
    static const char *const end[] = {"底", "末", "下旬", NULL};
    size_t hi = c->se[m->sent].t1, k = d->t1, n = 0;
    if (c->lbit != L_ZH || m->planned <= 0 || d->prec != 2 || d->t1 > m->t0 ||
        bcx_commas(c, d->t1 - 1, m->t0) > 0)
        return 0;
    for (int w = 0; end[w] && n == 0; w++)
        n = bcx_words_at(c, k, hi, end[w]);
    if (n == 0 || (k += n) >= hi || (n = bcx_lex_find(c, C_DEADLINE, k, NULL)) == 0)
        return 0;
    /* then the meeting's holding, a place or "again" at most between ("本月底前再次举行视频
     * 会谈", "4月底前在芒街举行第三次会谈"), nothing else to be done by then */
    k += n;
    return m->t0 - k <= 12 && bcx_range_has(c, k, m->t0, C_HELD, -1);
}

int bcx_modifier_zh(const ctx *c, const mention *m)
{
    static const char *const stop[] = {"在", "于", "暨", "和", "与", "及", "期间", NULL};
    size_t hi = c->se[m->sent].t1;
    if (c->lbit != L_ZH || m->xkind != BC_XM_NUMBERED)
        return 0;
    for (size_t k = m->t1; k < hi && k < m->t1 + 12; k++) {
        if ((k > m->t1 && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT))) || !c->t[k].han ||
            bcx_lex_find(c, C_HELD, k, NULL) > 0)
            return 0;
        for (int w = 0; stop[w]; w++)
            if (bcx_words_at(c, k, hi, stop[w]) > 0)
                return 0;
        /* a noun of a meeting of its own ends here: "…通报会3日在南宁举行", "…推进会。" */
        if (k > m->t1 && bcx_words_at(c, k, hi, "会") > 0 &&
            (k + 1 >= hi || (bcx_gap(c, k) & (G_COMMA | G_DOT)) || !c->t[k + 1].han ||
             bcx_words_at(c, k + 1, hi, "在") > 0 || bcx_words_at(c, k + 1, hi, "于") > 0 ||
             bcx_lex_find(c, C_HELD, k + 1, NULL) > 0))
            return 1;
    }
    return 0;
}

const xd *bcx_long_span_zh(const ctx *c, const mention *m)
{
    static const char *const other[] = {"访问",   "考察",   "出访",   "访华", "访越",
                                        "博览会", "交易会", "展销会", "展会", "期间",
                                        "其间",   "节",     "培训",   NULL};
    const sent *s = &c->se[m->sent];
    const xd *span = NULL;
    if (c->lbit != L_ZH || m->xkind == BC_XM_TALKS || m->visit)
        return NULL;
    for (size_t k = s->d0; k < s->d1; k++) {
        const xd *d = &c->d[k];
        const char *slash = strchr(d->iso, '/');
        size_t half = slash ? (size_t)(slash - d->iso) : 0;
        char first[16];
        int diff = 0;
        if (d->dateline)
            continue;
        if (span != NULL || d->used || d->prec != 0 || d->span[0] || slash == NULL ||
            !((half == 10 && strlen(slash + 1) == 10) ||
              (half == 7 && d->iso[0] == '-' && strlen(slash + 1) == 7)))
            return NULL; /* another date, or a period: not one span of days */
        snprintf(first, sizeof first, "%.*s", (int)half, d->iso);
        if (!bcx_days_between(first, slash + 1, &diff) || diff < 3 || diff > 10)
            return NULL;
        span = d;
    }
    if (span == NULL)
        return NULL;
    /* its clause: the span opens the sentence before it, or no comma lies between */
    size_t a = span->t1 <= m->t0 ? span->t1 : m->t1, b = span->t1 <= m->t0 ? m->t0 : span->t0;
    for (size_t k = a; k < b; k++)
        if ((bcx_gap(c, k - 1) & (G_COMMA | G_DOT)) &&
            !(span->t1 <= m->t0 && k == span->t1 && bcx_opens_clause(c, m->sent, span)))
            return NULL;
    for (size_t k = s->t0; k < s->t1; k++)
        for (int w = 0; other[w]; w++)
            if (bcx_words_at(c, k, s->t1, other[w]))
                return NULL; /* a visit's or a fair's days, the meeting on one of them */
    return span;
}
