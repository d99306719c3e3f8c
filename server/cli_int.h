/* cli_int.h: the command-line subcommands that live outside cli.c. Each takes the
 * whole argv (argv[1] is its name) and returns the process's exit status: 0 done,
 * 1 refused or failed (a one-line message on stderr), 2 a usage error. */
#ifndef BORDERCOOP_CLI_INT_H
#define BORDERCOOP_CLI_INT_H

#include "bordercoop/keys.h"
#include "bordercoop/store.h"

/* bordercoop keys add|list|revoke (cli_review.c). */
int bc_cli_keys(int argc, char **argv);

/* bordercoop review list|approve|reject|edit|log (cli_review.c). */
int bc_cli_review(int argc, char **argv);

/* Who is acting from this shell: the owner of the key in BORDERCOOP_KEY, which must
 * have at least role need (else a message on stderr and 1), or "cli:<user>" when the
 * variable is unset. Writes the name into out; 0 on success. */
int bc_cli_actor(bc_store *s, bc_role need, char out[96]);

#endif
