/* conditional.h: Last-Modified and If-Modified-Since that can never hide a change.
 *
 * HTTP dates have whole seconds, and a store can change twice within one. So the date
 * a representation carries is the end of the second of its last change (T + 1 for a
 * change stamped T), and it is sent only once the server has confirmed, after that
 * second ended, that nothing changed since: whoever holds that date saw every change
 * up to it, and If-Modified-Since >= T + 1 is answered 304. Until then Last-Modified is
 * left out (the ETag, the primary validator, is always sent). A date later than the
 * server's clock, or one that is not an HTTP-date, is ignored (RFC 9110 13.1.3). Pure
 * functions, no I/O. */
#ifndef BORDERCOOP_CONDITIONAL_H
#define BORDERCOOP_CONDITIONAL_H

#include <stddef.h>
#include <time.h>

/* Parses an HTTP-date in any of its three forms (IMF-fixdate, RFC 850, asctime; RFC
 * 9110 5.6.7) into *out (seconds since the epoch, UTC). Returns 1, or 0 when s is not
 * exactly one valid date. */
int bc_http_date_parse(const char *s, time_t *out);

/* Writes t as an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") into out (>= 30 bytes). */
void bc_http_date_format(time_t t, char *out, size_t n);

/* The Last-Modified to send for content last changed during second changed_at, when
 * the server last confirmed at confirmed_at (its clock) that the content is still that:
 * 1 and *lm = changed_at + 1, or 0 when it cannot be sent yet. */
int bc_last_modified(time_t changed_at, time_t confirmed_at, time_t *lm);

/* Evaluates If-Modified-Since (ims, the header value; NULL when absent) for content
 * last changed during second changed_at, confirmed at confirmed_at, at time now: 1 when
 * the answer is 304 Not Modified, 0 when the full response is due (also for an invalid
 * or future date). The caller ignores If-Modified-Since when If-None-Match is present
 * and for methods other than GET and HEAD. */
int bc_not_modified_since(const char *ims, time_t changed_at, time_t confirmed_at, time_t now);

#endif
