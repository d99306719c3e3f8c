/* test_sha256.c: SHA-256 against the FIPS 180-4 example vectors, padding boundaries,
 * and incremental hashing in odd-sized pieces. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/sha256.h"

#include <stdlib.h>
#include <string.h>

#define EMPTY_HEX  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define ABC_HEX    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define MSG448     "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
#define MSG448_HEX "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
#define MSG896                                                                                     \
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmno" \
    "pqrsmnopqrstnopqrstu"
#define MSG896_HEX    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
#define MILLION_A_HEX "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"

/* Hashes n bytes fed in pieces of the given sizes (cycled). */
static void chunked_hex(const unsigned char *data, size_t n, const size_t *sizes, size_t nsizes,
                        char hex[65])
{
    bc_sha256 c;
    unsigned char d[32];
    bc_sha256_init(&c);
    size_t off = 0;
    for (size_t k = 0; off < n; k++) {
        size_t take = sizes[k % nsizes];
        if (take > n - off)
            take = n - off;
        bc_sha256_update(&c, data + off, take);
        off += take;
    }
    bc_sha256_final(&c, d);
    bc_sha256_tohex(d, hex);
}

static void empty_string(void **state)
{
    (void)state;
    char hex[65];
    bc_sha256_hex("", 0, hex);
    assert_string_equal(hex, EMPTY_HEX);

    /* init + final with no update, and an update of 0 bytes */
    bc_sha256 c;
    unsigned char d[32];
    bc_sha256_init(&c);
    bc_sha256_final(&c, d);
    bc_sha256_tohex(d, hex);
    assert_string_equal(hex, EMPTY_HEX);
    bc_sha256_init(&c);
    bc_sha256_update(&c, "ignored", 0);
    bc_sha256_final(&c, d);
    bc_sha256_tohex(d, hex);
    assert_string_equal(hex, EMPTY_HEX);
}

static void abc(void **state)
{
    (void)state;
    char hex[65];
    bc_sha256_hex("abc", 3, hex);
    assert_string_equal(hex, ABC_HEX);
    assert_int_equal(hex[64], '\0');

    /* the raw digest is the big-endian bytes of the hex form */
    static const unsigned char want[32] = {0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea,
                                           0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
                                           0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c,
                                           0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
    bc_sha256 c;
    unsigned char d[32];
    bc_sha256_init(&c);
    bc_sha256_update(&c, "a", 1);
    bc_sha256_update(&c, "bc", 2);
    bc_sha256_final(&c, d);
    assert_memory_equal(d, want, 32);
}

static void two_block_messages(void **state)
{
    (void)state;
    char hex[65];
    bc_sha256_hex(MSG448, strlen(MSG448), hex);
    assert_string_equal(hex, MSG448_HEX);
    bc_sha256_hex(MSG896, strlen(MSG896), hex);
    assert_string_equal(hex, MSG896_HEX);
}

static void padding_boundaries(void **state)
{
    (void)state;
    /* lengths around the 55/56-byte split where the length no longer fits the block */
    static const struct {
        size_t n;
        const char *hex;
    } v[] = {
        {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
        {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
        {57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"},
        {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
        {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
        {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
        {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
        {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
        {128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"},
    };
    unsigned char a[128];
    memset(a, 'a', sizeof a);
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char hex[65];
        bc_sha256_hex(a, v[i].n, hex);
        if (strcmp(hex, v[i].hex) != 0)
            fail_msg("%zu x 'a': %s, want %s", v[i].n, hex, v[i].hex);
        static const size_t ones[] = {1};
        chunked_hex(a, v[i].n, ones, 1, hex);
        assert_string_equal(hex, v[i].hex);
    }
}

static void all_byte_values(void **state)
{
    (void)state;
    unsigned char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (unsigned char)i;
    char hex[65];
    bc_sha256_hex(all, sizeof all, hex);
    assert_string_equal(hex, "40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880");
    bc_sha256_hex("L\xC3\xA0o Cai", 8, hex);
    assert_string_equal(hex, "b5210f5fab2dcad1ab95128077437b2f59dd50f75ae1eb24b08a9f4e55365e7d");
}

static void million_a_in_odd_chunks(void **state)
{
    (void)state;
    size_t n = 1000000;
    unsigned char *a = malloc(n);
    assert_non_null(a);
    memset(a, 'a', n);
    char hex[65];
    bc_sha256_hex(a, n, hex);
    assert_string_equal(hex, MILLION_A_HEX);

    static const size_t odd[] = {1, 3, 7, 63, 64, 65, 127, 1000, 4099, 13};
    chunked_hex(a, n, odd, sizeof odd / sizeof odd[0], hex);
    assert_string_equal(hex, MILLION_A_HEX);
    static const size_t prime[] = {997};
    chunked_hex(a, n, prime, 1, hex);
    assert_string_equal(hex, MILLION_A_HEX);
    free(a);
}

static void incremental_equals_one_shot(void **state)
{
    (void)state;
    unsigned char data[1500];
    uint32_t x = 2463534242u; /* xorshift: deterministic pseudo-random bytes */
    for (size_t i = 0; i < sizeof data; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        data[i] = (unsigned char)x;
    }
    for (size_t n = 0; n <= sizeof data; n += 37) {
        char one[65], inc[65];
        bc_sha256_hex(data, n, one);
        for (size_t split = 1; split <= 70; split += 3) {
            size_t sizes[] = {split, split * 2 + 1};
            chunked_hex(data, n, sizes, 2, inc);
            if (strcmp(one, inc) != 0)
                fail_msg("n=%zu split=%zu: %s != %s", n, split, inc, one);
        }
    }
}

static void reinit_resets_state(void **state)
{
    (void)state;
    bc_sha256 c;
    unsigned char d[32];
    char hex[65];
    bc_sha256_init(&c);
    bc_sha256_update(&c, MSG896, 100);
    bc_sha256_final(&c, d);
    bc_sha256_init(&c);
    bc_sha256_update(&c, "abc", 3);
    bc_sha256_final(&c, d);
    bc_sha256_tohex(d, hex);
    assert_string_equal(hex, ABC_HEX);
}

static void tohex_format(void **state)
{
    (void)state;
    unsigned char d[32];
    for (int i = 0; i < 32; i++)
        d[i] = (unsigned char)(i * 8 + 7);
    char hex[65];
    memset(hex, 'X', sizeof hex);
    bc_sha256_tohex(d, hex);
    assert_string_equal(hex, "070f171f272f373f474f575f676f777f878f979fa7afb7bfc7cfd7dfe7eff7ff");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_string),
        cmocka_unit_test(abc),
        cmocka_unit_test(two_block_messages),
        cmocka_unit_test(padding_boundaries),
        cmocka_unit_test(all_byte_values),
        cmocka_unit_test(million_a_in_odd_chunks),
        cmocka_unit_test(incremental_equals_one_shot),
        cmocka_unit_test(reinit_resets_state),
        cmocka_unit_test(tohex_format),
    };
    return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}
