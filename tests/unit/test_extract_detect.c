/* test_extract_detect.c: which language a text is in (extract_detect.c): each of the
 * seven, the evidence it takes (Han characters, letters one language owns, short common
 * words), guesses too unsure to take, bad input, and the 64 KiB it reads at most. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/extract.h"

#include <stdlib.h>
#include <string.h>

/* The code detected for text, "" when refused; *sure the confidence. */
static const char *detect(const char *text, double *sure)
{
    static char code[4];
    int rc = bc_extract_detect_lang(text, strlen(text), code, sure);
    assert_true(rc == BC_OK || rc == BC_EINVAL);
    if (rc != BC_OK) {
        return "";
    }
    assert_true(*sure >= BC_X_DETECT_MIN && *sure <= 1);
    return code;
}

/* One plain paragraph of each language is recognised, sure enough to be taken. */
static void each_language(void **state)
{
    (void)state;
    static const struct {
        const char *code, *text;
    } cases[] = {
        {"en", "The two sides agreed to promote trade and the opening of the border gates, "
               "and the meeting was held in Lao Cai with officials from Yunnan."},
        {"vi", "Hai bên thống nhất thúc đẩy hợp tác thương mại và mở cửa khẩu, hội nghị được "
               "tổ chức tại tỉnh Lào Cai với sự tham gia của các đại biểu Vân Nam."},
        {"zh", "双方同意推动贸易合作和口岸开放，会议在老街举行，云南代表出席。"},
        {"fr", "Les deux parties ont convenu de promouvoir les échanges et l'ouverture des "
               "postes-frontières, et la réunion s'est tenue à Lao Cai avec le Yunnan."},
        {"pl", "Obie strony uzgodniły, że będą wspierać handel i otwarcie przejść granicznych, "
               "a spotkanie odbyło się w Lao Cai z udziałem przedstawicieli Junnanu."},
        {"sv", "De två sidorna kom överens om att främja handeln och öppnandet av gränsportarna, "
               "och mötet hölls i Lao Cai med företrädare för Yunnan."},
        {"nl", "De twee partijen kwamen overeen de handel en de opening van de "
               "grensovergangen te bevorderen, en de bijeenkomst vond plaats in Lao Cai met "
               "vertegenwoordigers van Yunnan."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char code[4];
        double sure = 0;
        int rc = bc_extract_detect_lang(cases[i].text, strlen(cases[i].text), code, &sure);
        if (rc != 0 || strcmp(code, cases[i].code) != 0)
            fail_msg("detected '%s' (%.2f, rc %d), want %s", code, sure, rc, cases[i].code);
        assert_true(sure >= BC_X_DETECT_MIN && sure <= 1);
    }
}

/* Too little to go on, or nothing but names and numbers: refused, with code "" and a
 * confidence of 0; invalid UTF-8 and NULL likewise. */
static void too_little_or_bad_input_is_refused(void **state)
{
    (void)state;
    char code[4] = "xx";
    double sure = 1;
    const char *const refused[] = {"12345 67", "Lao Cai", "Lao Cai and Yunnan", "", "   \n\t"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        assert_int_equal(bc_extract_detect_lang(refused[i], strlen(refused[i]), code, &sure),
                         BC_EINVAL);
        assert_string_equal(code, "");
        assert_true(sure == 0);
    }
    assert_int_equal(bc_extract_detect_lang("\xC3\x28 the and", 10, code, &sure), BC_EINVAL);
    assert_int_equal(bc_extract_detect_lang(NULL, 0, code, &sure), BC_EINVAL);
    assert_string_equal(code, "");
}

/* Two languages' words in equal measure: no guess is sure enough. A word shared by two
 * languages (de, en: French and Dutch) counts half for each. */
static void an_even_split_is_refused(void **state)
{
    (void)state;
    double sure = 1;
    assert_string_equal(detect("the and of with och att av med", &sure), "");
    assert_string_equal(detect("de en de en de en de en", &sure), "");
    /* the share of the evidence decides: 4 to 3 is not sure enough (0.57), 5 to 2 is */
    assert_string_equal(detect("the and of with och att av", &sure), "");
    assert_string_equal(detect("the and of with was och att", &sure), "en");
    assert_true(sure > 0.7 && sure < 0.72);
}

/* Letters only one language writes decide where the words are few: Polish l with
 * stroke, Swedish a with ring, French c cedilla, Vietnamese horn and stacked tones. */
static void letters_one_language_owns(void **state)
{
    (void)state;
    double sure;
    assert_string_equal(detect("Współpraca przygraniczna, łączność, ręka", &sure), "pl");
    assert_string_equal(detect("Gränsövergång, år, Åland, får", &sure), "sv");
    assert_string_equal(detect("Français, reçu, façade, leçon, garçon", &sure), "fr");
    assert_string_equal(detect("Thương mại, hợp tác, được, người, Đảng", &sure), "vi");
}

/* Han characters make a text Chinese once they are a fifth of its letters, whatever
 * the Latin words around them say; fewer do not. */
static void han_script_decides_chinese(void **state)
{
    (void)state;
    double sure;
    assert_string_equal(detect("老街省与云南省 the and of with was", &sure), "zh");
    assert_true(sure >= 0.8);
    assert_string_equal(detect("云南省人民政府代表团访问老街", &sure), "zh");
    assert_true(sure > 0.9); /* all Han: surer */
    assert_string_equal(detect("The delegation of 云 visited the province and the gate and "
                               "the market with the officials of the border for the trade",
                               &sure),
                        "en");
}

/* Only the first 64 KiB are read: a text whose language changes after them is judged
 * by its beginning, and a cut that falls inside a character backs off to its start. */
static void reads_at_most_64_kib(void **state)
{
    (void)state;
    const char *en = "the and of with was ";
    const char *sv = "och att av med som ";
    size_t half = 65536, n = half + 4 * half;
    char *text = bc_malloc(n + 1);
    assert_non_null(text);
    size_t at = 0;
    while (at + strlen(en) <= half - 1) {
        memcpy(text + at, en, strlen(en));
        at += strlen(en);
    }
    /* a two-byte letter across the 64 KiB mark */
    while (at < half - 1)
        text[at++] = ' ';
    text[at++] = '\xC3';
    text[at++] = '\xA5';
    while (at + strlen(sv) <= n) {
        memcpy(text + at, sv, strlen(sv));
        at += strlen(sv);
    }
    text[at] = '\0';
    char code[4];
    double sure;
    assert_int_equal(bc_extract_detect_lang(text, at, code, &sure), BC_OK);
    assert_string_equal(code, "en");
    /* the same words from the Swedish part on: Swedish */
    assert_int_equal(bc_extract_detect_lang(text + half + 1, at - half - 1, code, &sure), BC_OK);
    assert_string_equal(code, "sv");
    bc_free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_language),
        cmocka_unit_test(too_little_or_bad_input_is_refused),
        cmocka_unit_test(an_even_split_is_refused),
        cmocka_unit_test(letters_one_language_owns),
        cmocka_unit_test(han_script_decides_chinese),
        cmocka_unit_test(reads_at_most_64_kib),
    };
    return cmocka_run_group_tests_name("extract_detect", tests, NULL, NULL);
}
