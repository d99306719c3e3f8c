/* ingest_cost.h: what storing an article costs the writer, learnt from the ingests that
 * stored facts, so a write with a deadline is refused before it takes the writer when
 * its facts would not fit. The cost is fitted as a fixed cost per article plus a cost
 * per fact (a weighted least-squares line over recent ingests, older ones weighing less
 * by count and by time): a flood of one-fact articles teaches the fixed cost, not a cost
 * per fact forty times too high, and what was learnt fades when nothing is stored. */
#ifndef BORDERCOOP_INGEST_COST_H
#define BORDERCOOP_INGEST_COST_H

typedef struct bc_ingest_cost bc_ingest_cost;

/* A new model that knows nothing (it predicts 0: every article fits); NULL when out of
 * memory. Free with bc_ingest_cost_free (NULL-safe). */
bc_ingest_cost *bc_ingest_cost_new(void);
void bc_ingest_cost_free(bc_ingest_cost *m);

/* The model the writer of this process uses (never NULL; lives as long as the process). */
bc_ingest_cost *bc_ingest_cost_process(void);

/* Learns that an ingest of facts facts (> 0; others are ignored) held the writer for
 * cost_ns, measured at now_ns (CLOCK_MONOTONIC nanoseconds). Safe from several threads. */
void bc_ingest_cost_learn(bc_ingest_cost *m, int facts, long long cost_ns, long long now_ns);

/* What storing an article of facts facts should take at now_ns, in nanoseconds: the fixed
 * cost plus facts times the cost per fact; 0 when nothing was learnt or all of it has
 * faded. The cost per fact is known only from ingests of different sizes: until then
 * (or when the cost fell with the size) it is the last one they told, else nothing, and
 * the cost of the articles seen is their fixed cost. Safe from several threads. */
long long bc_ingest_cost_predict(bc_ingest_cost *m, int facts, long long now_ns);

/* The fitted parts at now_ns (either pointer may be NULL), for the refusal's message. */
void bc_ingest_cost_parts(bc_ingest_cost *m, long long now_ns, long long *fixed_ns,
                          long long *per_fact_ns);

#endif
