/* err.h: how every bordercoop module reports failure.
 * A function that can fail returns an int (0 = ok, otherwise a bc_code) and, when the
 * caller passes a bc_err, fills it with the code and a one-line message. Only the HTTP
 * layer turns codes into statuses; only main() and the access log print. */
#ifndef BORDERCOOP_ERR_H
#define BORDERCOOP_ERR_H

#include <stddef.h>

typedef enum bc_code {
    BC_OK = 0,
    BC_EINVAL = 1,    /* bad input from a client, a file or a flag */
    BC_ENOTFOUND = 2, /* an id, file or reference that does not exist */
    BC_ENOMEM = 3,    /* allocation failed */
    BC_EIO = 4,       /* the file system failed */
    BC_ESTORE = 5,    /* SQLite failed */
    BC_EVERSION = 6,  /* the store is newer than this binary */
    BC_ECONFLICT = 7, /* duplicate id or a write that would overwrite */
    BC_ETOOBIG = 8,   /* input over a configured limit */
    BC_EBUSY = 9,     /* a lock or a budget ran out: try again later */
} bc_code;

#define BC_ERR_MSG_MAX 512

typedef struct bc_err {
    int code;
    char msg[BC_ERR_MSG_MAX];
} bc_err;

/* Sets err (when not NULL) to code and a printf-formatted message, truncated to fit.
 * Returns code, so callers can write `return bc_err_set(err, BC_EINVAL, "...")`. */
int bc_err_set(bc_err *err, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Clears err to BC_OK and an empty message. err may be NULL. */
void bc_err_clear(bc_err *err);

/* A short stable name for a code ("invalid", "not_found", ...). For tests: no program
 * path prints it. */
const char *bc_code_name(int code);

#endif
