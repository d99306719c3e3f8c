/* err.c: error codes and messages shared by every module. */
#include "bordercoop/err.h"

#include <stdarg.h>
#include <stdio.h>

int bc_err_set(bc_err *err, int code, const char *fmt, ...)
{
    if (err != NULL) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}

void bc_err_clear(bc_err *err)
{
    if (err != NULL) {
        err->code = BC_OK;
        err->msg[0] = '\0';
    }
}

const char *bc_code_name(int code)
{
    switch (code) {
    case BC_OK:
        return "ok";
    case BC_EINVAL:
        return "invalid";
    case BC_ENOTFOUND:
        return "not_found";
    case BC_ENOMEM:
        return "out_of_memory";
    case BC_EIO:
        return "io";
    case BC_ESTORE:
        return "store";
    case BC_EVERSION:
        return "version";
    case BC_ECONFLICT:
        return "conflict";
    case BC_ETOOBIG:
        return "too_big";
    case BC_EBUSY:
        return "busy";
    default:
        return "unknown";
    }
}
