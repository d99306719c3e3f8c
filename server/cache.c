/* cache.c: LRU response cache with byte budget, hash-indexed, one mutex. */
#include "bordercoop/cache.h"

#include "bordercoop/alloc.h"
#include "bordercoop/err.h"
#include "bordercoop/sha256.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

typedef struct node {
    bc_cached e;
    atomic_int refs;
    struct node *prev, *next; /* LRU list, most recent first */
    struct node *chain;       /* hash bucket chain */
    uint64_t hash;
    size_t cost;
} node;

struct bc_cache {
    pthread_mutex_t lock;
    size_t budget, bytes, entries;
    node **buckets;
    size_t nbuckets;
    node *head, *tail;
    unsigned long long hits, misses, inserts, evictions;
};

/* Eight bytes per step (one multiply each, where a byte-at-a-time FNV-1a made the hash
 * of a 60-byte key a chain of 60 dependent multiplies on every cached request). */
static uint64_t hash_key(const char *s)
{
    size_t n = strlen(s);
    uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
}

bc_cache *bc_cache_new(size_t budget)
{
    bc_cache *c = bc_calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->budget = budget;
    c->nbuckets = 1024;
    c->buckets = bc_calloc(c->nbuckets, sizeof *c->buckets);
    if (c->buckets == NULL) {
        bc_free(c);
        return NULL;
    }
    pthread_mutex_init(&c->lock, NULL);
    return c;
}

static void (*prebuilt_free)(void *);

void bc_cache_set_prebuilt_free(void (*release)(void *prebuilt))
{
    prebuilt_free = release;
}

static void node_free(node *n)
{
    for (int i = 0; i < n->e.nheaders; i++)
        bc_free(n->e.headers[i].value);
    for (int i = 0; i < 4; i++)
        if (n->e.prebuilt[i] != NULL && prebuilt_free != NULL)
            prebuilt_free(n->e.prebuilt[i]);
    bc_free(n->e.key);
    bc_free(n->e.body);
    bc_free(n->e.gz);
    bc_free(n);
}

void bc_cached_release(bc_cached *e)
{
    if (e == NULL)
        return;
    node *n = (node *)e;
    if (atomic_fetch_sub(&n->refs, 1) == 1)
        node_free(n);
}

/* Unlinks n from the list and its bucket; caller holds the lock. */
static void detach(bc_cache *c, node *n)
{
    if (n->prev)
        n->prev->next = n->next;
    else
        c->head = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else
        c->tail = n->prev;
    node **slot = &c->buckets[n->hash % c->nbuckets];
    while (*slot != n)
        slot = &(*slot)->chain;
    *slot = n->chain;
    c->bytes -= n->cost;
    c->entries--;
}

static void push_front(bc_cache *c, node *n)
{
    n->prev = NULL;
    n->next = c->head;
    if (c->head)
        c->head->prev = n;
    c->head = n;
    if (c->tail == NULL)
        c->tail = n;
}

void bc_cache_clear(bc_cache *c)
{
    pthread_mutex_lock(&c->lock);
    while (c->tail != NULL) {
        node *n = c->tail;
        detach(c, n);
        bc_cached_release(&n->e);
    }
    pthread_mutex_unlock(&c->lock);
}

void bc_cache_free(bc_cache *c)
{
    if (c == NULL)
        return;
    bc_cache_clear(c);
    pthread_mutex_destroy(&c->lock);
    bc_free(c->buckets);
    bc_free(c);
}

bc_cached *bc_cache_get(bc_cache *c, const char *key)
{
    uint64_t h = hash_key(key);
    pthread_mutex_lock(&c->lock);
    node *n = c->buckets[h % c->nbuckets];
    while (n != NULL && !(n->hash == h && strcmp(n->e.key, key) == 0))
        n = n->chain;
    if (n != NULL) {
        /* move to the front of the LRU list */
        if (n != c->head) {
            if (n->prev)
                n->prev->next = n->next;
            if (n->next)
                n->next->prev = n->prev;
            else
                c->tail = n->prev;
            push_front(c, n);
        }
        atomic_fetch_add(&n->refs, 1);
        c->hits++;
    } else {
        c->misses++;
    }
    pthread_mutex_unlock(&c->lock);
    return n ? &n->e : NULL;
}

void bc_etag_pair(const char *seed, char etag[48], char etag_gz[48])
{
    char hex[65];
    bc_sha256_hex(seed, strlen(seed), hex);
    snprintf(etag, 48, "\"%.32s\"", hex);
    snprintf(etag_gz, 48, "\"%.32s-gz\"", hex);
}

int bc_gzip(const char *in, size_t n, char **out, size_t *out_len)
{
    *out = NULL;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return BC_EIO;
    uLong cap = deflateBound(&z, (uLong)n);
    char *buf = bc_malloc(cap);
    if (buf == NULL) {
        deflateEnd(&z);
        return BC_ENOMEM;
    }
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)buf;
    z.avail_out = (uInt)cap;
    int zrc = deflate(&z, Z_FINISH);
    size_t produced = cap - z.avail_out;
    deflateEnd(&z);
    if (zrc != Z_STREAM_END) {
        bc_free(buf);
        return BC_EIO;
    }
    *out = buf;
    *out_len = produced;
    return BC_OK;
}

bc_cached *bc_cache_put(bc_cache *c, const char *key, const bc_response *res, int want_gzip)
{
    return bc_cache_put_tagged(c, key, res, want_gzip, -1);
}

bc_cached *bc_cache_put_tagged(bc_cache *c, const char *key, const bc_response *res, int want_gzip,
                               int tag)
{
    node *n = bc_calloc(1, sizeof *n);
    if (n == NULL)
        return NULL;
    n->e.tag = tag;
    n->e.key = bc_strdup(key);
    n->e.len = res->body.len;
    n->e.body = bc_malloc(res->body.len + 1);
    if (n->e.key == NULL || n->e.body == NULL) {
        node_free(n);
        return NULL;
    }
    if (res->body.len > 0)
        memcpy(n->e.body, res->body.data, res->body.len);
    n->e.body[res->body.len] = '\0';
    n->e.content_type = res->content_type;
    for (int i = 0; i < res->nheaders && n->e.nheaders < 4; i++) {
        int cache_control = strcasecmp(res->headers[i].name, "Cache-Control") == 0;
        if (cache_control || strcasecmp(res->headers[i].name, "Link") == 0 ||
            strcasecmp(res->headers[i].name, "X-Total-Count") == 0) {
            bc_header *h = &n->e.headers[n->e.nheaders];
            memcpy(h->name, res->headers[i].name, sizeof h->name);
            h->value = bc_strdup(res->headers[i].value);
            if (h->value == NULL) {
                node_free(n);
                return NULL;
            }
            n->e.nheaders++;
        }
        n->e.own_cache_control |= cache_control;
    }
    bc_etag_pair(key, n->e.etag, n->e.etag_gz);
    /* gzip once for an entry that will be shared; for a private one (caching off, or
     * too big to keep) only when this client takes it */
    size_t cost = n->e.len + strlen(key) + sizeof *n;
    if (res->body.len >= 1024 && (cost <= c->budget || want_gzip)) {
        char *gz;
        size_t gz_len;
        if (bc_gzip(res->body.data, res->body.len, &gz, &gz_len) == BC_OK) {
            if (gz_len < res->body.len) {
                n->e.gz = gz;
                n->e.gz_len = gz_len;
            } else {
                bc_free(gz);
            }
        }
    }
    n->hash = hash_key(key);
    n->cost = cost + n->e.gz_len;
    atomic_store(&n->refs, 1); /* the caller's */
    if (n->cost > c->budget)
        return &n->e; /* too big (or caching disabled): private entry */
    pthread_mutex_lock(&c->lock);
    /* replace an entry with the same key (two threads built it at once) */
    node *old = c->buckets[n->hash % c->nbuckets];
    while (old != NULL && !(old->hash == n->hash && strcmp(old->e.key, key) == 0))
        old = old->chain;
    if (old != NULL) {
        detach(c, old);
        bc_cached_release(&old->e);
    }
    while (c->bytes + n->cost > c->budget && c->tail != NULL) {
        node *victim = c->tail;
        detach(c, victim);
        bc_cached_release(&victim->e);
        c->evictions++;
    }
    n->chain = c->buckets[n->hash % c->nbuckets];
    c->buckets[n->hash % c->nbuckets] = n;
    push_front(c, n);
    c->bytes += n->cost;
    c->entries++;
    c->inserts++;
    atomic_fetch_add(&n->refs, 1); /* the cache's */
    pthread_mutex_unlock(&c->lock);
    return &n->e;
}

void bc_cache_get_stats(bc_cache *c, bc_cache_stats *out)
{
    pthread_mutex_lock(&c->lock);
    out->hits = c->hits;
    out->misses = c->misses;
    out->inserts = c->inserts;
    out->evictions = c->evictions;
    out->bytes = c->bytes;
    out->entries = c->entries;
    out->budget = c->budget;
    pthread_mutex_unlock(&c->lock);
}
