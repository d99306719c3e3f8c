/* extract_lang.c: the languages the extractor reads, each with its word table
 * (extract_lang_<code>.c) and its number marks. */
#include "extract_lang.h"

#include <string.h>

const bc_lang bc_langs[] = {
    {"en", "English", L_EN, bc_lex_en, &bc_lex_en_count, ',', ""},
    {"vi", "Vietnamese", L_VI, bc_lex_vi, &bc_lex_vi_count, '.', ""},
    {"zh", "Chinese", L_ZH, bc_lex_zh, &bc_lex_zh_count, ',', ""},
    {"fr", "French", L_FR, bc_lex_fr, &bc_lex_fr_count, '.', ""},
    /* the locative and genitive (-u, -ie), the instrumental (-em, -iem) */
    {"pl", "Polish", L_PL, bc_lex_pl, &bc_lex_pl_count, '.', "|u|ie|em|iem|"},
    {"sv", "Swedish", L_SV, bc_lex_sv, &bc_lex_sv_count, '.', "|s|"},
    {"nl", "Dutch", L_NL, bc_lex_nl, &bc_lex_nl_count, '.', "|s|"},
    {NULL, NULL, 0, NULL, NULL, 0, ""},
};

const bc_lang *bc_lang_find(const char *code)
{
    for (const bc_lang *l = bc_langs; code != NULL && l->code != NULL; l++)
        if (strcmp(l->code, code) == 0)
            return l;
    return NULL;
}
