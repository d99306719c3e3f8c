/* ingest_status.c: where an extracted meeting's or talks' status (held, planned) comes
 * from: the sentences whose words say it, which alone then support "status", or its date
 * against the publication date, the field then marked inferred with why; or nothing, when
 * it is named only as the time of something else: unknown (contract in ingest_int.h). */
#include "ingest_int.h"

#include <string.h>

int bci_states_status(const bc_xmeeting *m, int k)
{
    if (m->status_quotes != 0)
        return k < 32 && (m->status_quotes & (1u << k)) != 0;
    return !m->status_from_date && !m->status_unsaid && !m->status_present;
}

void bci_status_mark(const bc_xmeeting *m, bci_marks *mk)
{
    if (m->status_from_date)
        bci_mark(mk, "status",
                 "Its words say neither that it took place nor that it is to come: it is "
                 "planned because its date falls after the publication date (published_on).");
    else if (strcmp(bci_status_value(m), "unknown") == 0)
        bci_mark(mk, NULL,
                 "It is named only as the time of something else (\"ahead of\" it): its "
                 "words say neither that it took place nor that it is to come, and nothing "
                 "else tells, so its status is unknown.");
    else if (m->status_quotes == 0 && m->status_present)
        bci_mark(mk, "status",
                 "Its words give it only the present of taking place (\"takes place in "
                 "2027\") and the article has no publication date (published_on) to tell "
                 "whether that is to come: it is not stated to have taken place.");
    else if (m->status_quotes == 0 && m->status_unsaid)
        bci_mark(mk, "status",
                 "It is named only as the time of something else (\"ahead of\" it): its "
                 "words say neither that it took place nor that it is to come, and it is "
                 "held because its date does not fall after the publication date "
                 "(published_on).");
}

const char *bci_status_value(const bc_xmeeting *m)
{
    if (strcmp(m->status, "planned") == 0)
        return "planned";
    return strcmp(m->status, "unknown") == 0 ? "unknown" : "held";
}
