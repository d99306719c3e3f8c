/* ingest_cost.c: the writer's cost of an article, a fixed cost plus a cost per fact fitted
 * over recent ingests (see ingest_cost.h). */
#include "bordercoop/ingest_cost.h"

#include "bordercoop/alloc.h"

#include <math.h>
#include <pthread.h>

/* each new ingest weighs as much as the last ten together, about */
#define KEEP_PER_SAMPLE 0.9
/* and what was learnt halves every HALF_LIFE_NS while nothing is stored */
#define HALF_LIFE_NS 30e9
/* below this weight what was learnt has faded: the model knows nothing */
#define FADED 0.05
/* the sizes seen must spread by at least a fact (their variance, in facts squared) for
 * the line's slope to say anything */
#define SPREAD_MIN 1.0
/* a sample is counted at most this many times what the model predicts for it (a stall
 * of the machine is not the cost of the article) once it has seen a few */
#define OUTLIER_TIMES 4.0

struct bc_ingest_cost {
    pthread_mutex_t lock;
    double w, sk, sy, skk, sky; /* decayed sums: weight, facts, cost, facts^2, facts*cost */
    double per_fact;            /* the last slope the sizes seen could tell, 0 if none */
    long long last_ns;          /* when the sums were last decayed */
};

bc_ingest_cost *bc_ingest_cost_new(void)
{
    bc_ingest_cost *m = bc_calloc(1, sizeof *m);
    if (m != NULL)
        pthread_mutex_init(&m->lock, NULL);
    return m;
}

void bc_ingest_cost_free(bc_ingest_cost *m)
{
    if (m == NULL)
        return;
    pthread_mutex_destroy(&m->lock);
    bc_free(m);
}

bc_ingest_cost *bc_ingest_cost_process(void)
{
    static bc_ingest_cost process = {.lock = PTHREAD_MUTEX_INITIALIZER};
    return &process;
}

/* Multiplies the sums by how much of them is left at now_ns (under the lock). */
static void fade(bc_ingest_cost *m, long long now_ns)
{
    if (now_ns > m->last_ns && m->w > 0) {
        double keep = exp2(-(double)(now_ns - m->last_ns) / HALF_LIFE_NS);
        m->w *= keep;
        m->sk *= keep;
        m->sy *= keep;
        m->skk *= keep;
        m->sky *= keep;
    }
    if (now_ns > m->last_ns)
        m->last_ns = now_ns;
}

/* The slope the sums tell (under the lock, not faded): the covariance of facts and cost
 * over the variance of facts, 0 when the cost fell with the size; the one remembered when
 * the sizes seen do not spread enough to tell one. Reads only. */
static double slope(const bc_ingest_cost *m)
{
    double kbar = m->sk / m->w, ybar = m->sy / m->w;
    double vk = m->skk / m->w - kbar * kbar, cky = m->sky / m->w - kbar * ybar;
    if (vk < SPREAD_MIN)
        return m->per_fact;
    return cky > 0 ? cky / vk : 0;
}

/* Remembers the slope the sums tell, for when later sizes stop spreading (under the
 * lock); nothing when what was learnt has faded. */
static void remember_slope(bc_ingest_cost *m)
{
    if (m->w >= FADED)
        m->per_fact = slope(m);
}

/* The line's two parts from the sums, with the remembered slope when they tell none
 * (under the lock); 0 and 0 when faded. Reads only: remembering is remember_slope's. */
static void fit(const bc_ingest_cost *m, double *fixed, double *per_fact)
{
    *fixed = 0;
    *per_fact = 0;
    if (m->w < FADED)
        return;
    double kbar = m->sk / m->w, ybar = m->sy / m->w;
    double p = slope(m), f = ybar - p * kbar;
    if (f < 0) {
        /* the line through the mean would start below nothing: all of it per fact */
        f = 0;
        p = kbar > 0 ? ybar / kbar : 0;
    }
    *fixed = f;
    *per_fact = p;
}

void bc_ingest_cost_learn(bc_ingest_cost *m, int facts, long long cost_ns, long long now_ns)
{
    if (facts <= 0 || cost_ns < 0)
        return;
    pthread_mutex_lock(&m->lock);
    fade(m, now_ns);
    double k = facts, y = (double)cost_ns, f, p;
    if (m->w >= 3) {
        remember_slope(m);
        fit(m, &f, &p);
        double cap = OUTLIER_TIMES * (f + p * k);
        if (cap > 0 && y > cap)
            y = cap;
    }
    m->w = m->w * KEEP_PER_SAMPLE + 1;
    m->sk = m->sk * KEEP_PER_SAMPLE + k;
    m->sy = m->sy * KEEP_PER_SAMPLE + y;
    m->skk = m->skk * KEEP_PER_SAMPLE + k * k;
    m->sky = m->sky * KEEP_PER_SAMPLE + k * y;
    pthread_mutex_unlock(&m->lock);
}

void bc_ingest_cost_parts(bc_ingest_cost *m, long long now_ns, long long *fixed_ns,
                          long long *per_fact_ns)
{
    double f, p;
    pthread_mutex_lock(&m->lock);
    fade(m, now_ns);
    remember_slope(m);
    fit(m, &f, &p);
    pthread_mutex_unlock(&m->lock);
    if (fixed_ns != NULL)
        *fixed_ns = (long long)f;
    if (per_fact_ns != NULL)
        *per_fact_ns = (long long)p;
}

long long bc_ingest_cost_predict(bc_ingest_cost *m, int facts, long long now_ns)
{
    long long f, p;
    bc_ingest_cost_parts(m, now_ns, &f, &p);
    return facts > 0 ? f + p * facts : f;
}
