/* test_text.c: UTF-8 validation, folding of names across languages, slug keys, ids and
 * substring search. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/err.h"
#include "bordercoop/text.h"

#include <string.h>

/* Resets failure injection even when an assertion ended the test early. */
static int reset_alloc(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    return 0;
}

#define VALID(lit)   assert_int_equal(bc_utf8_valid(lit, sizeof(lit) - 1), 1)
#define INVALID(lit) assert_int_equal(bc_utf8_valid(lit, sizeof(lit) - 1), 0)

/* Folds s (whole string) and checks the result. */
static void assert_fold(const char *s, const char *want)
{
    bc_buf b = BC_BUF_INIT;
    assert_int_equal(bc_text_fold(s, strlen(s), &b), BC_OK);
    assert_int_equal(b.len, strlen(want));
    if (b.len > 0)
        assert_string_equal(b.data, want);
    bc_buf_free(&b);
}

static void assert_slug(const char *s, const char *want)
{
    bc_buf b = BC_BUF_INIT;
    assert_int_equal(bc_text_slug(s, strlen(s), &b), BC_OK);
    if (b.len != strlen(want))
        fail_msg("slug of '%s' is '%.*s', want '%s'", s, (int)b.len, b.data ? b.data : "", want);
    if (b.len > 0)
        assert_string_equal(b.data, want);
    bc_buf_free(&b);
}

static void utf8_valid_accepts_well_formed(void **state)
{
    (void)state;
    assert_int_equal(bc_utf8_valid("", 0), 1);
    VALID("plain ASCII ~!@#$%^&*()");
    VALID("L\xC3\xA0o Cai");           /* Lào Cai */
    VALID("\xE4\xBA\x91\xE5\x8D\x97"); /* 云南 */
    VALID("\xC2\x80");                 /* U+0080, smallest 2-byte */
    VALID("\xDF\xBF");                 /* U+07FF */
    VALID("\xE0\xA0\x80");             /* U+0800, smallest 3-byte */
    VALID("\xED\x9F\xBF");             /* U+D7FF, just below the surrogates */
    VALID("\xEE\x80\x80");             /* U+E000, just above them */
    VALID("\xEF\xBF\xBF");             /* U+FFFF */
    VALID("\xF0\x90\x80\x80");         /* U+10000, smallest 4-byte */
    VALID("\xF0\x9F\x98\x80");         /* U+1F600 */
    VALID("\xF4\x8F\xBF\xBF");         /* U+10FFFF, the last code point */
    VALID("\x7F");
}

static void utf8_valid_rejects_overlongs(void **state)
{
    (void)state;
    INVALID("\xC0\x80"); /* NUL, overlong */
    INVALID("\xC0\xAF"); /* '/', overlong */
    INVALID("\xC1\xBF");
    INVALID("\xE0\x80\x80");
    INVALID("\xE0\x80\xAF");
    INVALID("\xE0\x9F\xBF"); /* U+07FF in 3 bytes */
    INVALID("\xF0\x80\x80\x80");
    INVALID("\xF0\x80\x80\xAF");
    INVALID("\xF0\x8F\xBF\xBF"); /* U+FFFF in 4 bytes */
}

static void utf8_valid_rejects_surrogates(void **state)
{
    (void)state;
    INVALID("\xED\xA0\x80");             /* U+D800 */
    INVALID("\xED\xAD\xBF");             /* U+DB7F */
    INVALID("\xED\xB0\x80");             /* U+DC00 */
    INVALID("\xED\xBF\xBF");             /* U+DFFF */
    INVALID("\xED\xA0\xBD\xED\xB8\x80"); /* CESU-8 pair for U+1F600 */
    INVALID("ok \xED\xA0\x80 ok");
}

static void utf8_valid_rejects_beyond_10ffff(void **state)
{
    (void)state;
    INVALID("\xF4\x90\x80\x80"); /* U+110000 */
    INVALID("\xF5\x80\x80\x80");
    INVALID("\xF7\xBF\xBF\xBF");
    INVALID("\xF8\x88\x80\x80\x80"); /* old 5-byte form */
    INVALID("\xFC\x84\x80\x80\x80\x80");
    INVALID("\xFE");
    INVALID("\xFF");
}

static void utf8_valid_rejects_truncated_and_stray(void **state)
{
    (void)state;
    INVALID("\xC3");
    INVALID("\xE4\xBA");
    INVALID("\xF0\x9F\x98");
    INVALID("abc\xC3");
    INVALID("\x80");     /* lone continuation */
    INVALID("a\xBF");    /* lone continuation */
    INVALID("\xC3\x28"); /* bad continuation */
    INVALID("\xE4\xBA\x28");
    INVALID("\xF0\x9F\x28\x80");
    INVALID("\xC3\xC3\xA0");
    /* n counts: a valid string cut inside a sequence is invalid */
    assert_int_equal(bc_utf8_valid("\xE4\xBA\x91", 2), 0);
    assert_int_equal(bc_utf8_valid("\xF0\x9F\x98\x80", 3), 0);
    /* and bytes past n are not looked at */
    assert_int_equal(bc_utf8_valid("ab\xFF", 2), 1);
    assert_int_equal(bc_utf8_valid("\xC3\xA0\xFF", 2), 1);
}

static void utf8_valid_rejects_nul(void **state)
{
    (void)state;
    assert_int_equal(bc_utf8_valid("\0", 1), 0);
    assert_int_equal(bc_utf8_valid("a\0b", 3), 0);
    assert_int_equal(bc_utf8_valid("ab\0", 3), 0);
    assert_int_equal(bc_utf8_valid("a\0b", 1), 1);
}

static void fold_languages(void **state)
{
    (void)state;
    assert_fold("Lào Cai", "lao cai");
    assert_fold("Lao Cai", "lao cai");
    assert_fold("LAO CAI", "lao cai");
    assert_fold("Điện Biên", "dien bien");
    assert_fold("đ Đ", "d d");
    assert_fold("Vân Nam", "van nam");
    assert_fold("HÀ NỘI", "ha noi");
    assert_fold("Hà Khẩu", "ha khau");
    assert_fold("Mường Tè", "muong te");
    assert_fold("Łódź", "lodz");
    assert_fold("ŁÓDŹ", "lodz");
    assert_fold("Göteborg", "goteborg");
    assert_fold("Malmö Ångström Ærø", "malmo angstrom aero");
    assert_fold("Straße", "strasse");
}

static void fold_passthrough_and_marks(void **state)
{
    (void)state;
    assert_fold("云南", "云南");
    assert_fold("Hà Khẩu 河口", "ha khau 河口");
    /* other scripts are case-folded and lose their marks too */
    assert_fold("Москва", "москва");
    assert_fold("ΑΘΉΝΑ", "αθηνα");
    /* letters with no decomposition come from the exception table */
    assert_fold("Ørsund ÞÓR œuvre Ĳssel Ħamrun ı ŀl", "orsund thor oeuvre ijssel hamrun i ll");
    assert_fold("😀 Pu'er (Yunnan) 42", "😀 pu'er (yunnan) 42");
    assert_fold("", "");
    /* decomposed input (NFD): combining marks are dropped */
    assert_fold("La\xCC\x80o Cai", "lao cai");
    assert_fold("Vie\xCC\xA3\xCC\x82t", "viet");
}

static void fold_is_idempotent_and_appends(void **state)
{
    (void)state;
    const char *samples[] = {"Lào Cai", "Điện Biên", "Łódź", "Göteborg", "云南", "Straße"};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        bc_buf once = BC_BUF_INIT, twice = BC_BUF_INIT;
        assert_int_equal(bc_text_fold(samples[i], strlen(samples[i]), &once), BC_OK);
        assert_int_equal(bc_text_fold(once.data, once.len, &twice), BC_OK);
        assert_string_equal(once.data, twice.data);
        bc_buf_free(&once);
        bc_buf_free(&twice);
    }
    bc_buf b = BC_BUF_INIT;
    bc_buf_puts(&b, "key:");
    assert_int_equal(bc_text_fold("Lào", strlen("Lào"), &b), BC_OK);
    assert_string_equal(b.data, "key:lao");
    /* only n bytes are folded */
    assert_int_equal(bc_text_fold("ABCDEF", 2, &b), BC_OK);
    assert_string_equal(b.data, "key:laoab");
    bc_buf_free(&b);

    /* letters written in place across the buffer's growth, each followed by its NUL: a
     * buffer one byte short of room, then a long text of both kinds of letters */
    bc_buf g = BC_BUF_INIT, want = BC_BUF_INIT;
    for (int i = 0; i < 254; i++)
        bc_buf_putc(&g, 'x');
    assert_int_equal(g.cap, 256);
    assert_int_equal(bc_text_fold("AB", 2, &g), BC_OK);
    assert_int_equal(g.len, 256);
    assert_true(g.cap > 256);
    assert_int_equal(g.data[g.len], '\0');
    assert_int_equal(memcmp(g.data + 254, "ab", 3), 0);
    bc_buf_reset(&g);
    for (int i = 0; i < 300; i++) {
        assert_int_equal(bc_text_fold("Lào Cai ", strlen("Lào Cai "), &g), BC_OK);
        bc_buf_puts(&want, "lao cai ");
        assert_int_equal(g.len, want.len);
        assert_string_equal(g.data, want.data);
    }
    /* a failed buffer takes nothing more */
    g.failed = 1;
    size_t len = g.len;
    assert_int_equal(bc_text_fold("abc", 3, &g), BC_ENOMEM);
    assert_int_equal(g.len, len);
    bc_buf_free(&g);
    bc_buf_free(&want);
}

static void fold_rejects_invalid_utf8(void **state)
{
    (void)state;
    const char *bad[] = {"L\xC3", "\xED\xA0\x80", "\xC0\x80", "ok\xFF", "\xF4\x90\x80\x80"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        bc_buf b = BC_BUF_INIT;
        assert_int_equal(bc_text_fold(bad[i], strlen(bad[i]), &b), BC_EINVAL);
        bc_buf_free(&b);
        assert_int_equal(bc_text_slug(bad[i], strlen(bad[i]), &b), BC_EINVAL);
        bc_buf_free(&b);
    }
    bc_buf b = BC_BUF_INIT;
    assert_int_equal(bc_text_fold("a\0b", 3, &b), BC_EINVAL);
    bc_buf_free(&b);
    assert_int_equal(bc_text_slug("a\0b", 3, &b), BC_EINVAL);
    bc_buf_free(&b);
}

static void fold_and_slug_report_enomem(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    bc_alloc_fail_after(0);
    int rc = bc_text_fold("Lào Cai", strlen("Lào Cai"), &b);
    bc_alloc_fail_reset();
    assert_int_equal(rc, BC_ENOMEM);
    assert_true(bc_buf_failed(&b));
    bc_buf_free(&b);

    bc_alloc_fail_after(0);
    rc = bc_text_slug("Ban Vuoc (Vietnam)", strlen("Ban Vuoc (Vietnam)"), &b);
    bc_alloc_fail_reset();
    assert_int_equal(rc, BC_ENOMEM);
    bc_buf_free(&b);
}

static void slug_examples(void **state)
{
    (void)state;
    assert_slug("Ban Vuoc (Vietnam)", "ban-vuoc-vietnam");
    assert_slug("  --Hau A. Lenh--  ", "hau-a-lenh");
    assert_slug("Pu'er", "pu-er");
    assert_slug("Lào Cai", "lao-cai");
    assert_slug("Điện Biên Phủ", "dien-bien-phu");
    assert_slug("Łódź / Göteborg", "lodz-goteborg");
    assert_slug("a--b__c", "a-b-c");
    assert_slug("A1 B2", "a1-b2");
    assert_slug("abc", "abc");
    assert_slug("x", "x");
    assert_slug("云南", "云南");
    assert_slug("云南 省", "云南-省");
    assert_slug("(云南)", "云南");
    assert_slug("a \xCC\x80 b", "a-b");
}

static void slug_empty_inputs(void **state)
{
    (void)state;
    assert_slug("", "");
    assert_slug("!!!", "");
    assert_slug("  - _ . ( ) ", "");
    assert_slug("\xCC\x80", ""); /* a lone combining mark */
}

static void slug_appends_without_leading_dash(void **state)
{
    (void)state;
    bc_buf b = BC_BUF_INIT;
    bc_buf_puts(&b, "prefix/");
    assert_int_equal(bc_text_slug(" (Lào Cai) ", strlen(" (Lào Cai) "), &b), BC_OK);
    assert_string_equal(b.data, "prefix/lao-cai");
    bc_buf_free(&b);
}

static void slugs_of_ascii_names_are_ids(void **state)
{
    (void)state;
    const char *names[] = {"Ban Vuoc (Vietnam)",
                           "  --Hau A. Lenh--  ",
                           "Pu'er",
                           "Lào Cai",
                           "Điện Biên",
                           "Łódź",
                           "Göteborg",
                           "Straße 12"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        bc_buf b = BC_BUF_INIT;
        assert_int_equal(bc_text_slug(names[i], strlen(names[i]), &b), BC_OK);
        assert_int_equal(bc_text_is_id(b.data), 1);
        bc_buf_free(&b);
    }
}

static void invisible_format_characters_are_found(void **state)
{
    (void)state;
    assert_int_equal(bc_text_invisible("plain \xc3\xa9 text", 13), 13);
    assert_int_equal(bc_text_invisible("a\xe2\x80\xae"
                                       "b",
                                       5),
                     1);                                         /* U+202E */
    assert_int_equal(bc_text_invisible("ab\xe2\x80\xaa", 5), 2); /* U+202A */
    assert_int_equal(bc_text_invisible("a\xe2\x81\xa6"
                                       "b",
                                       5),
                     1); /* U+2066 */
    assert_int_equal(bc_text_invisible("a\xe2\x81\xa9"
                                       "b",
                                       5),
                     1); /* U+2069 */
    assert_int_equal(bc_text_invisible("a\xe2\x80\x8b"
                                       "b",
                                       5),
                     1); /* U+200B */
    assert_int_equal(bc_text_invisible("a\xe2\x80\x8f"
                                       "b",
                                       5),
                     1); /* U+200F */
    assert_int_equal(bc_text_invisible("a\xe2\x80\xa8"
                                       "b",
                                       5),
                     1);                                        /* U+2028 line separator */
    assert_int_equal(bc_text_invisible("a\xe2\x80\xa9", 4), 1); /* U+2029 */
    assert_int_equal(bc_text_invisible("a\xe2\x80\xa7", 4), 4); /* U+2027 is text */
    assert_int_equal(bc_text_invisible("\xef\xbb\xbf"
                                       "a",
                                       4),
                     0); /* U+FEFF */
    assert_int_equal(bc_text_invisible("a\xe2\x80\x94"
                                       "b",
                                       5),
                     5); /* an em dash is text */
    assert_int_equal(bc_text_invisible("a\xe2\x80\x8a"
                                       "b",
                                       5),
                     5); /* U+200A: a space */
    assert_int_equal(bc_text_invisible("a\xe2\x80\xaf"
                                       "b",
                                       5),
                     5); /* U+202F: a space */
    assert_int_equal(bc_text_invisible("a\xe2\x81\xa5"
                                       "b",
                                       5),
                     5);                                    /* U+2065: unassigned */
    assert_int_equal(bc_text_invisible("a\xe2\x80", 3), 3); /* cut short */
}

/* The one UTF-8 decoder (outsider 8, fold): lengths and code points of well-formed
 * sequences, 0 for what is not one. */
static void utf8_decode_one_character(void **state)
{
    (void)state;
    unsigned int cp = 7;
    assert_int_equal(bc_utf8_decode("a", 1, &cp), 1);
    assert_int_equal(cp, 'a');
    assert_int_equal(bc_utf8_decode("\xc3\xa0x", 3, &cp), 2);
    assert_int_equal(cp, 0xE0);
    assert_int_equal(bc_utf8_decode("\xe4\xba\x91", 3, &cp), 3); /* 云 */
    assert_int_equal(cp, 0x4E91);
    assert_int_equal(bc_utf8_decode("\xf0\xa0\x80\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x20000);
    cp = 7;
    assert_int_equal(bc_utf8_decode("\xe4\xba", 2, &cp), 0); /* cut short */
    assert_int_equal(bc_utf8_decode("\xe4\xba\x91", 2, &cp), 0);
    assert_int_equal(bc_utf8_decode("\xc0\x80", 2, &cp), 0);         /* overlong */
    assert_int_equal(bc_utf8_decode("\xed\xa0\x80", 3, &cp), 0);     /* surrogate */
    assert_int_equal(bc_utf8_decode("\xf4\x90\x80\x80", 4, &cp), 0); /* past U+10FFFF */
    assert_int_equal(bc_utf8_decode("\x80", 1, &cp), 0);             /* a stray byte */
    assert_int_equal(bc_utf8_decode("\0", 1, &cp), 0);
    assert_int_equal(bc_utf8_decode("", 0, &cp), 0);
    assert_int_equal(cp, 7);
}

/* One definition of the characters written without spaces (Han, kana), and fullwidth
 * Latin letters and digits as ASCII for search. */
static void cjk_and_fullwidth(void **state)
{
    (void)state;
    static const unsigned int cjk[] = {0x4E91, 0x3400, 0x9FFF,  0xF900,
                                       0x3042, 0x30AB, 0x20000, 0x3134F};
    static const unsigned int not_cjk[] = {'a', 0xE0, 0x3002, 0x3000, 0xFF21, 0xAC00, 0x1F600};
    for (size_t i = 0; i < sizeof cjk / sizeof cjk[0]; i++)
        assert_int_equal(bc_text_is_cjk(cjk[i]), 1);
    for (size_t i = 0; i < sizeof not_cjk / sizeof not_cjk[0]; i++)
        assert_int_equal(bc_text_is_cjk(not_cjk[i]), 0);
    assert_int_equal(bc_text_narrow(0xFF21), 'A');
    assert_int_equal(bc_text_narrow(0xFF5A), 'z');
    assert_int_equal(bc_text_narrow(0xFF10), '0');
    assert_int_equal(bc_text_narrow(0xFF19), '9');
    assert_int_equal(bc_text_narrow(0xFF01), 0xFF01); /* fullwidth '!': punctuation stays */
    assert_int_equal(bc_text_narrow(0xFF3F), 0xFF3F);
    assert_int_equal(bc_text_narrow('a'), 'a');
    bc_buf b = BC_BUF_INIT;
    const char *wide = "ＡＢＣ１２３ ｌａｏ Ｃａｉ！ 云南";
    assert_int_equal(bc_text_fold_search(wide, strlen(wide), &b), BC_OK);
    assert_string_equal(b.data, "abc123 lao cai！ 云南");
    bc_buf_reset(&b);
    /* bc_text_fold itself is unchanged: names and keys read as before */
    assert_int_equal(bc_text_fold(wide, strlen(wide), &b), BC_OK);
    assert_string_equal(b.data, "ａｂｃ１２３ ｌａｏ ｃａｉ！ 云南");
    bc_buf_reset(&b);
    assert_int_equal(bc_text_fold_search("L\xC3", 2, &b), BC_EINVAL);
    bc_buf_free(&b);
}

/* A refusal says which invisible character it found (outsider 8, L1): the line and
 * paragraph separators by name, like the others. */
static void invisible_characters_are_named(void **state)
{
    (void)state;
    assert_string_equal(bc_text_invisible_name("\xe2\x80\xa8x", 4),
                        "U+2028, a line separator (a line break inside one line)");
    assert_string_equal(bc_text_invisible_name("\xe2\x80\xa9", 3),
                        "U+2029, a paragraph separator (a paragraph break inside one line)");
    assert_string_equal(bc_text_invisible_name("\xe2\x80\xae", 3),
                        "U+202E, a right-to-left override");
    assert_string_equal(bc_text_invisible_name("\xe2\x80\x8b", 3), "U+200B, a zero-width space");
    assert_string_equal(bc_text_invisible_name("\xe2\x81\xa6", 3),
                        "U+2066, a left-to-right isolate");
    assert_non_null(strstr(bc_text_invisible_name("\xef\xbb\xbf", 3), "U+FEFF"));
    assert_string_equal(bc_text_invisible_name("a", 1), "an invisible formatting character");
    assert_string_equal(bc_text_invisible_name("\xe2\x80", 2), "an invisible formatting character");
    /* every character bc_text_invisible finds has its own name */
    for (unsigned int cp = 0x2000; cp <= 0x2070; cp++) {
        char s[3] = {(char)(0xe0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3f)),
                     (char)(0x80 | (cp & 0x3f))};
        if (bc_text_invisible(s, 3) == 0 &&
            strcmp(bc_text_invisible_name(s, 3), "an invisible formatting character") == 0)
            fail_msg("U+%04X has no name", cp);
    }
}

static void control_characters_are_found(void **state)
{
    (void)state;
    assert_int_equal(bc_text_control("plain \xc3\xa9 text", 13, BC_TEXT_LINE), 13);
    assert_int_equal(bc_text_control("a\x1b[31m", 7, BC_TEXT_LINE), 1);
    assert_int_equal(bc_text_control("a\x1b[31m", 7, BC_TEXT_LINES), 1);
    assert_int_equal(bc_text_control("ab\x07", 3, BC_TEXT_LINES), 2);
    assert_int_equal(bc_text_control("a\tb\nc\r\n", 7, BC_TEXT_LINES), 7);
    assert_int_equal(bc_text_control("a\tb", 3, BC_TEXT_LINE), 1);
    assert_int_equal(bc_text_control("a\nb", 3, BC_TEXT_LINE), 1);
    assert_int_equal(bc_text_control("x\x7f", 2, BC_TEXT_LINES), 1);
    assert_int_equal(bc_text_control("x\xc2\x9b", 3, BC_TEXT_LINES), 1); /* C1 CSI */
    assert_int_equal(bc_text_control("x\xc2\xa0", 3, BC_TEXT_LINE), 3);  /* NBSP is text */
    assert_int_equal(bc_text_control("x\xc2", 2, BC_TEXT_LINE), 2);
    assert_int_equal(bc_text_control("a\0b", 3, BC_TEXT_LINES), 1);
}

static void assert_xml(const char *s, const char *want)
{
    bc_buf b = BC_BUF_INIT;
    bc_xml_text(&b, s);
    assert_false(bc_buf_failed(&b));
    assert_string_equal(b.data ? b.data : "", want);
    bc_buf_free(&b);
}

static void xml_text_is_always_well_formed(void **state)
{
    (void)state;
    assert_xml("a<b & 'c' \"d\">", "a&lt;b &amp; &apos;c&apos; &quot;d&quot;&gt;");
    assert_xml("L\xc3\xa0o Cai \xe8\x80\x81\tx\ny\r", "L\xc3\xa0o Cai \xe8\x80\x81\tx\ny\r");
    /* what XML 1.0 cannot carry at all becomes U+FFFD */
    assert_xml("x\x1b[31my\x07", "x\xef\xbf\xbd[31my\xef\xbf\xbd");
    assert_xml("\x01\x0b\x0c\x1f", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    assert_xml("a\xef\xbf\xbe\xef\xbf\xbf"
               "b",
               "a\xef\xbf\xbd\xef\xbf\xbd"
               "b");
    assert_xml("bad \xff\xc3", "bad \xef\xbf\xbd\xef\xbf\xbd");
    assert_xml(NULL, "");
}

static void is_id(void **state)
{
    (void)state;
    assert_int_equal(bc_text_is_id("lao-cai"), 1);
    assert_int_equal(bc_text_is_id("a"), 1);
    assert_int_equal(bc_text_is_id("0"), 1);
    assert_int_equal(bc_text_is_id("a1-b2-c3"), 1);
    assert_int_equal(bc_text_is_id("2025-10-30"), 1);

    assert_int_equal(bc_text_is_id(""), 0);
    assert_int_equal(bc_text_is_id("-"), 0);
    assert_int_equal(bc_text_is_id("-a"), 0);
    assert_int_equal(bc_text_is_id("a-"), 0);
    assert_int_equal(bc_text_is_id("a--b"), 0);
    assert_int_equal(bc_text_is_id("Lao-cai"), 0);
    assert_int_equal(bc_text_is_id("l\xC3\xA0o"), 0);
    assert_int_equal(bc_text_is_id("a_b"), 0);
    assert_int_equal(bc_text_is_id("a b"), 0);
    assert_int_equal(bc_text_is_id("a.b"), 0);
    assert_int_equal(bc_text_is_id("a/b"), 0);

    char id[122];
    memset(id, 'a', sizeof id);
    id[120] = '\0';
    assert_int_equal(bc_text_is_id(id), 1); /* 120 bytes */
    id[119] = '-';
    assert_int_equal(bc_text_is_id(id), 0);
    id[119] = 'a';
    id[60] = '-';
    assert_int_equal(bc_text_is_id(id), 1);
    id[120] = 'a';
    id[121] = '\0';
    assert_int_equal(bc_text_is_id(id), 0); /* 121 bytes */
}

/* The key a republished copy is found by: headline, case, diacritics and spacing do not
 * count; digits and punctuation do; invalid UTF-8 and a failed allocation are errors. */
static void body_keys(void **state)
{
    (void)state;
    char a[65], b[65];
    const char *same[][2] = {
        {"Trade up\n\nTurnover reached 5.1 billion USD.",
         "Trade up (updated)\nturnover  reached\t5.1 billion USD.  \n"},
        {"Lào Cai\nKim ngạch đạt 1,25 tỷ USD.", "Lao Cai\nKIM NGACH DAT 1,25 TY USD."},
        {"\n\nHeadline\n\nBody text here.", "Other headline\nBody\xc2\xa0text here."},
        /* typographic dashes and quotation marks as their ASCII marks */
        {"H\nLang Son (VNA) \xe2\x80\x93 \xe2\x80\x9cTrade\xe2\x80\x9d grew.",
         "H\nLANG SON (VNA) - \"Trade\" grew."},
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        assert_int_equal(bc_text_body_key(same[i][0], strlen(same[i][0]), a), BC_OK);
        assert_int_equal(bc_text_body_key(same[i][1], strlen(same[i][1]), b), BC_OK);
        assert_int_equal(strlen(a), 64);
        assert_string_equal(a, b);
    }
    const char *differ[][2] = {
        {"H\nTurnover reached 5.1 billion USD.", "H\nTurnover reached 51 billion USD."},
        {"H\nTurnover rose 23.6%.", "H\nTurnover rose 23.9%."},
        /* one line only: the whole text is the key */
        {"Turnover reached 5.1 billion USD.", "Turnover reached 5.2 billion USD."},
    };
    for (size_t i = 0; i < sizeof differ / sizeof differ[0]; i++) {
        assert_int_equal(bc_text_body_key(differ[i][0], strlen(differ[i][0]), a), BC_OK);
        assert_int_equal(bc_text_body_key(differ[i][1], strlen(differ[i][1]), b), BC_OK);
        assert_string_not_equal(a, b);
    }
    /* a copy that dropped the headline: its whole key is the article's body key */
    const char *article = "Lao Cai trade up\n\nLAO CAI (VNA) - Trade grew.\n\nExports rose.";
    assert_int_equal(bc_text_body_key(article, strlen(article), a), BC_OK);
    const char *copy = "LAO CAI (VNA) - Trade grew.\n\nExports rose.";
    assert_int_equal(bc_text_whole_key(copy, strlen(copy), b), BC_OK);
    assert_string_equal(a, b);
    assert_int_equal(bc_text_body_key(copy, strlen(copy), b), BC_OK);
    assert_string_not_equal(a, b);
    assert_int_equal(bc_text_whole_key("\xff", 1, b), BC_EINVAL);
    /* a headline alone is its own body */
    assert_int_equal(bc_text_body_key("Only a headline\n\n", 17, a), BC_OK);
    assert_int_equal(bc_text_body_key("Another headline\n", 17, b), BC_OK);
    assert_string_not_equal(a, b);
    assert_int_equal(bc_text_body_key("H\n\xff\xfe", 4, a), BC_EINVAL);
    assert_string_equal(a, "");
    bc_alloc_fail_after(0);
    assert_int_equal(bc_text_body_key("H\nSome body text.", 17, a), BC_ENOMEM);
    bc_alloc_fail_reset();
    assert_string_equal(a, "");

    /* both keys at once are the two keys, a headline that is not UTF-8 spoiling the whole
     * key only, a body that is not spoiling both */
    const char *texts[] = {article,
                           copy,
                           same[3][0],
                           same[2][0],
                           "Only a headline\n\n",
                           "",
                           "\xff headline\nLang Son \xe2\x80\x93 trade grew.",
                           "Headline\nBody \xff."};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        size_t n = strlen(texts[i]);
        char body[65], whole[65];
        assert_int_equal(bc_text_copy_keys(texts[i], n, body, whole), BC_OK);
        int rb = bc_text_body_key(texts[i], n, a), rw = bc_text_whole_key(texts[i], n, b);
        assert_string_equal(body, rb == BC_OK ? a : "");
        assert_string_equal(whole, rw == BC_OK ? b : "");
        assert_int_equal(strlen(body), i < 7 ? 64 : 0);
        assert_int_equal(strlen(whole), i < 6 ? 64 : 0);
    }
    char body[65], whole[65];
    bc_alloc_fail_after(0);
    assert_int_equal(bc_text_copy_keys(article, strlen(article), body, whole), BC_ENOMEM);
    bc_alloc_fail_reset();
    assert_string_equal(body, "");
    assert_string_equal(whole, "");
}

/* The article a message puts before a kind's name (outsider 9, F12: "a event"). */
static void articles_follow_the_noun(void **state)
{
    (void)state;
    assert_string_equal(bc_text_a("event"), "an");
    assert_string_equal(bc_text_a("edit"), "an");
    assert_string_equal(bc_text_a("figure"), "a");
    assert_string_equal(bc_text_a("project_event"), "a");
    assert_string_equal(bc_text_a(""), "a");
    assert_string_equal(bc_text_a(NULL), "a");
}

/* an entry of a "|a|b|" list, matched whole by its n bytes: never a part of one */
static void listed_entries_match_whole(void **state)
{
    (void)state;
    static const char LIST[] = "|extracted|reviewed|rejected|";
    assert_int_equal(bc_text_listed(LIST, "extracted", 9), 1);
    assert_int_equal(bc_text_listed(LIST, "rejected", 8), 1);
    assert_int_equal(bc_text_listed(LIST, "reviewedx", 8), 1); /* its first 8 bytes */
    assert_int_equal(bc_text_listed(LIST, "review", 6), 0);
    assert_int_equal(bc_text_listed(LIST, "jected", 6), 0);
    assert_int_equal(bc_text_listed(LIST, "trusted", 7), 0);
    assert_int_equal(bc_text_listed("", "a", 1), 0);
    assert_int_equal(bc_text_listed("|", "", 0), 0);
    assert_int_equal(bc_text_listed("|a||b|", "", 0), 1); /* an empty entry */
    assert_int_equal(bc_text_listed("|a|b|", "", 0), 0);
    assert_int_equal(bc_text_listed("|a|b", "b", 1), 0); /* an entry is closed by '|' */
    /* an entry longer than a word usually is, listed or only begun */
    char long_list[400], word[200];
    memset(word, 'w', sizeof word);
    snprintf(long_list, sizeof long_list, "|x|%.*s|y|", (int)sizeof word, word);
    assert_int_equal(bc_text_listed(long_list, word, sizeof word), 1);
    assert_int_equal(bc_text_listed(long_list, word, sizeof word - 1), 0);
    assert_int_equal(bc_text_listed(long_list, "y", 1), 1);
    /* bytes after a NUL of the word are not compared, as a C string's would not be */
    assert_int_equal(bc_text_listed("|ab|", "ab\0z", 4), 0);
}

/* A Vietnamese name in ASCII letters, case kept (outsider 12, F14: a crossing's name as
 * the curated ones write it); ASCII already, or Chinese, gives nothing. */
static void latin_names_in_ascii_letters(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"Trà Lĩnh", "Tra Linh"},
        {"Sóc Giang", "Soc Giang"},
        {"Đồng Đăng", "Dong Dang"},
        {"Tra\xcc\x80 Linh", "Tra Linh"}, /* a combining grave accent */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        bc_buf b = BC_BUF_INIT;
        bc_buf_puts(&b, "x");
        assert_int_equal(bc_text_latin_ascii(cases[k].in, strlen(cases[k].in), &b), 1);
        assert_string_equal(b.data + 1, cases[k].out);
        bc_buf_free(&b);
    }
    static const char *const kept[] = {"Long Bang", "那弄", "Lào 老街"};
    for (size_t k = 0; k < sizeof kept / sizeof kept[0]; k++) {
        bc_buf b = BC_BUF_INIT;
        bc_buf_puts(&b, "x");
        assert_int_equal(bc_text_latin_ascii(kept[k], strlen(kept[k]), &b), 0);
        assert_string_equal(b.data, "x");
        bc_buf_free(&b);
    }
    bc_buf b = BC_BUF_INIT;
    assert_int_equal(bc_text_latin_ascii("\xff", 1, &b), BC_EINVAL);
    bc_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_valid_accepts_well_formed),
        cmocka_unit_test(utf8_valid_rejects_overlongs),
        cmocka_unit_test(utf8_valid_rejects_surrogates),
        cmocka_unit_test(utf8_valid_rejects_beyond_10ffff),
        cmocka_unit_test(utf8_valid_rejects_truncated_and_stray),
        cmocka_unit_test(utf8_valid_rejects_nul),
        cmocka_unit_test(utf8_decode_one_character),
        cmocka_unit_test(cjk_and_fullwidth),
        cmocka_unit_test(invisible_characters_are_named),
        cmocka_unit_test(control_characters_are_found),
        cmocka_unit_test(invisible_format_characters_are_found),
        cmocka_unit_test(xml_text_is_always_well_formed),
        cmocka_unit_test(fold_languages),
        cmocka_unit_test(fold_passthrough_and_marks),
        cmocka_unit_test(fold_is_idempotent_and_appends),
        cmocka_unit_test(fold_rejects_invalid_utf8),
        cmocka_unit_test_teardown(fold_and_slug_report_enomem, reset_alloc),
        cmocka_unit_test(slug_examples),
        cmocka_unit_test(slug_empty_inputs),
        cmocka_unit_test(slug_appends_without_leading_dash),
        cmocka_unit_test(slugs_of_ascii_names_are_ids),
        cmocka_unit_test(is_id),
        cmocka_unit_test(articles_follow_the_noun),
        cmocka_unit_test(listed_entries_match_whole),
        cmocka_unit_test(latin_names_in_ascii_letters),
        cmocka_unit_test_teardown(body_keys, reset_alloc),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
