/* sha256.h: SHA-256 (FIPS 180-4) for content hashes of articles and the store. */
#ifndef BORDERCOOP_SHA256_H
#define BORDERCOOP_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct bc_sha256 {
    uint32_t h[8];
    uint64_t bytes;
    unsigned char block[64];
    size_t fill;
} bc_sha256;

void bc_sha256_init(bc_sha256 *c);
void bc_sha256_update(bc_sha256 *c, const void *data, size_t n);
/* Writes the 32-byte digest to out; c must be re-initialised before reuse. */
void bc_sha256_final(bc_sha256 *c, unsigned char out[32]);
/* Writes the lower-case hex digest of data (64 chars + NUL) to hex. */
void bc_sha256_hex(const void *data, size_t n, char hex[65]);
/* Writes the lower-case hex form of a finished digest to hex. */
void bc_sha256_tohex(const unsigned char digest[32], char hex[65]);

#endif
