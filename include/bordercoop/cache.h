/* cache.h: ready-to-send responses keyed by (store generation, canonical request,
 * representation), with their ETag and a gzip body computed once. Bounded by a byte
 * budget with least-recently-used eviction; safe to use from several threads. Entries
 * are reference-counted so a response being sent survives its eviction. */
#ifndef BORDERCOOP_CACHE_H
#define BORDERCOOP_CACHE_H

#include "bordercoop/response.h"

#include <stddef.h>

typedef struct bc_cache bc_cache;

typedef struct bc_cached {
    /* all fields are read-only once the entry is in the cache */
    char *key;
    char etag[48];    /* strong tag of the identity body, quoted */
    char etag_gz[48]; /* tag of the gzip body */
    char *body;
    size_t len;
    char *gz; /* NULL when gzip does not pay (small or incompressible) */
    size_t gz_len;
    const char *content_type; /* static */
    bc_header headers[4];     /* handler headers worth keeping (Link, X-Total-Count,
                               * Cache-Control) */
    int nheaders;
    int own_cache_control; /* one of them is Cache-Control (the handler's own policy) */
    /* Ready-made answers of the HTTP layer for this entry (its own opaque objects: 200 and
     * 304, identity and gzip), released through the hook of bc_cache_set_prebuilt_free
     * when the entry is freed. Written only by the one thread that sends responses. */
    void *prebuilt[4];
    int tag; /* the HTTP layer's note, given to bc_cache_put_tagged (its route), else -1 */
} bc_cached;

typedef struct bc_cache_stats {
    unsigned long long hits, misses, inserts, evictions;
    size_t bytes, entries, budget;
} bc_cache_stats;

/* A new cache holding at most budget bytes of bodies (0 disables caching: every get
 * misses and put only returns a private entry). Free with bc_cache_free. */
bc_cache *bc_cache_new(size_t budget);
/* Frees the cache; entries still referenced live until released. NULL-safe. */
void bc_cache_free(bc_cache *c);

/* Returns the entry for key with a reference taken (release it), or NULL. */
bc_cached *bc_cache_get(bc_cache *c, const char *key);

/* Builds an entry from a 200 response: copies the body, derives the ETags from the key
 * (bc_etag_pair), computes the gzip body when it is at least 1 KiB, shrinks, and either the
 * entry fits the budget (it is computed once for every later client) or want_gzip says
 * this client takes it. Inserts the entry (evicting old entries to fit) unless it is
 * bigger than the budget, in which case the entry is private to the caller. Returns it
 * with a reference taken for the caller, or NULL when out of memory. res is borrowed. */
bc_cached *bc_cache_put(bc_cache *c, const char *key, const bc_response *res, int want_gzip);

/* bc_cache_put, the entry carrying tag (read back from e->tag by whoever gets it): what
 * the daemon calls; bc_cache_put (tag 0) is for tests. */
bc_cached *bc_cache_put_tagged(bc_cache *c, const char *key, const bc_response *res, int want_gzip,
                               int tag);

/* Sets the function that releases an entry's prebuilt answers when it is freed (once,
 * before the first entry is made). */
void bc_cache_set_prebuilt_free(void (*release)(void *prebuilt));

/* Drops a reference; the entry is freed when the last one goes. NULL-safe. */
void bc_cached_release(bc_cached *e);

/* Empties the cache (on a new store generation). */
void bc_cache_clear(bc_cache *c);

void bc_cache_get_stats(bc_cache *c, bc_cache_stats *out);

/* Computes the quoted strong ETags for seed (a hash of it, hashed once) of the identity
 * body and of the gzip body: "<32 hex>" and "<32 hex>-gz". */
void bc_etag_pair(const char *seed, char etag[48], char etag_gz[48]);

/* Gzips n bytes into a new buffer (*out, free with bc_free). Returns 0 or BC_ENOMEM /
 * BC_EIO. */
int bc_gzip(const char *in, size_t n, char **out, size_t *out_len);

#endif
