/* extract_detect.c: which of the extractor's languages a text is written in, from its
 * script (Han characters), the letters only one language uses (Vietnamese ơ ư đ and its
 * stacked tones, Polish ł ą ę, Swedish å, French ç è) and its commonest short words. */
#include "bordercoop/extract.h"

#include "bordercoop/buf.h"
#include "bordercoop/text.h"
#include "extract_int.h"

#include <string.h>

#define DETECT_MAX_BYTES 65536

enum { D_EN, D_VI, D_ZH, D_FR, D_PL, D_SV, D_NL, D_N };
static const char *const CODES[D_N] = {"en", "vi", "zh", "fr", "pl", "sv", "nl"};

/* Frequent words, folded, each with the languages it points to. A word shared by two
 * languages counts half for each. */
static const struct {
    const char *w;
    unsigned char lang[2]; /* D_* + 1; 0 = none */
} WORDS[] = {
    {"the", {D_EN + 1, 0}},       {"and", {D_EN + 1, 0}},      {"of", {D_EN + 1, 0}},
    {"to", {D_EN + 1, 0}},        {"with", {D_EN + 1, 0}},     {"was", {D_EN + 1, 0}},
    {"were", {D_EN + 1, 0}},      {"is", {D_EN + 1, 0}},       {"for", {D_EN + 1, 0}},
    {"by", {D_EN + 1, 0}},        {"that", {D_EN + 1, 0}},     {"from", {D_EN + 1, 0}},
    {"has", {D_EN + 1, 0}},       {"will", {D_EN + 1, 0}},     {"on", {D_EN + 1, 0}},
    {"in", {D_EN + 1, D_NL + 1}}, {"le", {D_FR + 1, 0}},       {"la", {D_FR + 1, 0}},
    {"les", {D_FR + 1, 0}},       {"des", {D_FR + 1, 0}},      {"et", {D_FR + 1, 0}},
    {"du", {D_FR + 1, 0}},        {"une", {D_FR + 1, 0}},      {"est", {D_FR + 1, 0}},
    {"au", {D_FR + 1, 0}},        {"aux", {D_FR + 1, 0}},      {"pour", {D_FR + 1, 0}},
    {"dans", {D_FR + 1, 0}},      {"sur", {D_FR + 1, 0}},      {"qui", {D_FR + 1, 0}},
    {"par", {D_FR + 1, 0}},       {"avec", {D_FR + 1, 0}},     {"ete", {D_FR + 1, 0}},
    {"d", {D_FR + 1, 0}},         {"l", {D_FR + 1, 0}},        {"de", {D_FR + 1, D_NL + 1}},
    {"en", {D_FR + 1, D_NL + 1}}, {"w", {D_PL + 1, 0}},        {"z", {D_PL + 1, 0}},
    {"na", {D_PL + 1, 0}},        {"sie", {D_PL + 1, 0}},      {"ze", {D_PL + 1, 0}},
    {"oraz", {D_PL + 1, 0}},      {"jest", {D_PL + 1, 0}},     {"nie", {D_PL + 1, 0}},
    {"przez", {D_PL + 1, 0}},     {"dla", {D_PL + 1, 0}},      {"roku", {D_PL + 1, 0}},
    {"do", {D_PL + 1, 0}},        {"och", {D_SV + 1, 0}},      {"att", {D_SV + 1, 0}},
    {"av", {D_SV + 1, 0}},        {"med", {D_SV + 1, 0}},      {"pa", {D_SV + 1, 0}},
    {"som", {D_SV + 1, 0}},       {"ar", {D_SV + 1, 0}},       {"till", {D_SV + 1, 0}},
    {"har", {D_SV + 1, 0}},       {"det", {D_SV + 1, 0}},      {"ett", {D_SV + 1, 0}},
    {"vid", {D_SV + 1, 0}},       {"i", {D_SV + 1, D_PL + 1}}, {"het", {D_NL + 1, 0}},
    {"van", {D_NL + 1, 0}},       {"een", {D_NL + 1, 0}},      {"op", {D_NL + 1, 0}},
    {"met", {D_NL + 1, 0}},       {"voor", {D_NL + 1, 0}},     {"zijn", {D_NL + 1, 0}},
    {"dat", {D_NL + 1, 0}},       {"door", {D_NL + 1, 0}},     {"bij", {D_NL + 1, 0}},
    {"naar", {D_NL + 1, 0}},      {"werd", {D_NL + 1, 0}},     {"te", {D_NL + 1, 0}},
    {"va", {D_VI + 1, 0}},        {"cua", {D_VI + 1, 0}},      {"cac", {D_VI + 1, 0}},
    {"voi", {D_VI + 1, 0}},       {"duoc", {D_VI + 1, 0}},     {"trong", {D_VI + 1, 0}},
    {"nhung", {D_VI + 1, 0}},     {"tinh", {D_VI + 1, 0}},     {"nam", {D_VI + 1, 0}},
    {"hai", {D_VI + 1, 0}},       {"ben", {D_VI + 1, 0}},      {"ngay", {D_VI + 1, 0}},
};

/* Letters that belong to one language only. */
static int letter_lang(unsigned cp)
{
    if ((cp >= 0x1EA0 && cp <= 0x1EF9) || cp == 0x01A1 || cp == 0x01A0 || cp == 0x01B0 ||
        cp == 0x01AF || cp == 0x0111 || cp == 0x0110 || cp == 0x0103 || cp == 0x0102)
        return D_VI;
    if (cp == 0x0142 || cp == 0x0141 || cp == 0x0105 || cp == 0x0119 || cp == 0x015B ||
        cp == 0x017C || cp == 0x017A || cp == 0x0144 || cp == 0x0107)
        return D_PL;
    if (cp == 0xE5 || cp == 0xC5)
        return D_SV;
    if (cp == 0xE7 || cp == 0xE8 || cp == 0xEA || cp == 0xE0 || cp == 0xF9 || cp == 0xEE ||
        cp == 0x0153)
        return D_FR;
    return -1;
}

static void score_word(const char *w, size_t n, double score[D_N])
{
    for (size_t k = 0; k < sizeof WORDS / sizeof WORDS[0]; k++) {
        if (strlen(WORDS[k].w) != n || memcmp(WORDS[k].w, w, n) != 0)
            continue;
        int two = WORDS[k].lang[1] != 0;
        score[WORDS[k].lang[0] - 1] += two ? 0.5 : 1.0;
        if (two)
            score[WORDS[k].lang[1] - 1] += 0.5;
        return;
    }
}

int bc_extract_detect_lang(const char *text, size_t len, char code[4], double *confidence)
{
    double score[D_N] = {0};
    size_t han = 0, letters = 0;
    bc_buf word = BC_BUF_INIT;
    code[0] = '\0';
    *confidence = 0;
    if (text == NULL)
        return BC_EINVAL;
    if (len > DETECT_MAX_BYTES) {
        len = DETECT_MAX_BYTES;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--;
    }
    if (!bc_utf8_valid(text, len))
        return BC_EINVAL;
    size_t i = 0;
    while (i < len) {
        unsigned cp;
        size_t l = dec(text, len, i, &cp);
        if (is_han(cp)) {
            han++;
            letters++;
            i += l;
            continue;
        }
        if (!bc_text_is_letter(cp)) {
            i += l;
            continue;
        }
        size_t j = i;
        while (j < len) {
            unsigned cp2;
            size_t l2 = dec(text, len, j, &cp2);
            if (!bc_text_is_letter(cp2) || is_han(cp2))
                break;
            int only = letter_lang(cp2);
            if (only >= 0)
                score[only] += only == D_VI ? 0.5 : 1.0;
            letters++;
            j += l2;
        }
        bc_buf_reset(&word);
        if (j - i <= 6 && bc_text_fold(text + i, j - i, &word) == BC_OK)
            score_word(word.data, word.len, score);
        i = j;
    }
    bc_buf_free(&word);
    if (letters > 0 && han * 5 >= letters) {
        memcpy(code, "zh", 3);
        *confidence = (double)han / (double)letters > 0.5 ? 0.99 : 0.8;
        return BC_OK;
    }
    score[D_ZH] = (double)han;
    int top = 0, second = -1;
    for (int k = 1; k < D_N; k++)
        if (score[k] > score[top])
            top = k;
    for (int k = 0; k < D_N; k++)
        if (k != top && (second < 0 || score[k] > score[second]))
            second = k;
    double total = score[top] + (second >= 0 ? score[second] : 0);
    if (score[top] < 3 || total <= 0)
        return BC_EINVAL;
    *confidence = score[top] / total;
    memcpy(code, CODES[top], 3);
    return *confidence >= BC_X_DETECT_MIN ? BC_OK : BC_EINVAL;
}
