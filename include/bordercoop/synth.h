/* synth.h: a synthetic store for scale benchmarks: the real store built from data/,
 * plus `figures` figures and `meetings` meetings with plausible distributions of
 * mechanisms, provinces, dates, periods and values. Every synthetic fact cites a real
 * sentence at its real offsets, so the store still passes `bordercoop check`. */
#ifndef BORDERCOOP_SYNTH_H
#define BORDERCOOP_SYNTH_H

#include "bordercoop/err.h"

typedef struct bc_synth_options {
    const char *data_dir; /* the curated data to start from */
    const char *out;      /* the store file to write (replaced) */
    long figures;
    long meetings;
    unsigned seed; /* same seed, same store */
    int feed;      /* also record the synthetic documents in the change feed (as a load
                    * would), so that an ingest into the store is compared with a baseline
                    * of every document; slow: it renders every document once */
} bc_synth_options;

/* Builds the synthetic store. Returns 0 or an error code with err filled. One run at a
 * time per process (its working state is static: the quotes alone are 1 MiB). */
int bc_synth(const bc_synth_options *o, bc_err *err);

#endif
