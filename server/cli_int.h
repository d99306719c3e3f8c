/* cli_int.h: what the `bordercoop` command's files share: the parsed options, help and
 * file reading (cli.c), and the commands that live outside cli.c. Each command returns
 * the process's exit status: 0 done, 1 refused or failed (a one-line message on
 * stderr), 2 a usage error. */
#ifndef BORDERCOOP_CLI_INT_H
#define BORDERCOOP_CLI_INT_H

#include "bordercoop/keys.h"
#include "bordercoop/loader.h"
#include "bordercoop/store.h"

#include <stdio.h>

/* The options of the commands cli.c parses (all but keys and review). Strings borrow
 * argv or the environment. */
typedef struct cli_opts {
    const char *db;
    const char *data;
    int db_given;
    const char *file; /* ingest: the article */
    const char *lang, *title, *url, *published_on, *publisher, *author;
    const char *note;       /* redate: why, for the audit log */
    int pause_ms;           /* ingest: a test hook (--pause-before-commit MS) */
    long figures, meetings; /* synth */
    const char *out;
    unsigned seed;
    int index;              /* export: print the index */
    int feed;               /* synth: record the change feed */
    const char *corpus;     /* eval: a gold corpus directory */
    int gate, details;      /* eval: hold the corpus to the bar; print per-article details */
    const char *baseline;   /* eval --gate: the ratchet's committed baseline */
    const char *write_base; /* eval: write the measured baseline to this file */
    long max_article_bytes; /* ingest: the longest text accepted */
    long max_article_facts; /* ingest: the most facts a new article may give (0: default) */
    char lang_buf[16];      /* --lang, lower-cased */
    const char *default_db; /* the built-in default store path */
} cli_opts;

/* ---- cli.c ---- */

/* COMMAND's own help (with the environment variables of the options it takes), or the
 * overview when it has none, on f. */
void bc_cli_command_usage(const char *name, FILE *f);

/* Reads a whole file (at most max bytes) into a new buffer (bc_free) and its length
 * into *len; NULL after a message on stderr when it cannot be read. */
char *bc_cli_read_all(const char *path, size_t max, size_t *len);

/* Opens a new in-memory store (*s; bc_store_close it, on failure too) and loads the
 * data directory into it (stats may be NULL). 0, or a bc_err code with err filled. */
int bc_cli_curated_store(const char *data, bc_load_stats *stats, bc_store **s, bc_err *err);

/* ---- cli_store.c: bordercoop migrate|load|check|ingest|redate|export|synth ---- */

int bc_cli_migrate(const cli_opts *o);
int bc_cli_load(const cli_opts *o);
int bc_cli_check(const cli_opts *o);
int bc_cli_ingest(const cli_opts *o);
int bc_cli_redate(const cli_opts *o);
int bc_cli_export(const cli_opts *o);
int bc_cli_synth(const cli_opts *o);

/* ---- cli_eval.c: bordercoop extract|eval ---- */

int bc_cli_extract(const cli_opts *o);
int bc_cli_eval(const cli_opts *o);

/* ---- cli_review.c: the subcommands that take the whole argv (argv[1] is its name) ---- */

/* bordercoop keys add|list|revoke (cli_review.c). */
int bc_cli_keys(int argc, char **argv);

/* bordercoop review list|approve|reject|edit|log (cli_review.c). */
int bc_cli_review(int argc, char **argv);

/* Who is acting from this shell: the owner of the key in BORDERCOOP_KEY, which must
 * have at least role need (else a message on stderr and 1), or "cli:<user>" when the
 * variable is unset. Writes the name into out; 0 on success. */
int bc_cli_actor(bc_store *s, bc_role need, char out[96]);

#endif
