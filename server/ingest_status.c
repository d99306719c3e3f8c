/* ingest_status.c: where an extracted meeting's or talks' status (held, planned) comes
 * from: the sentences whose words say it, which alone then support "status", or its date
 * against the publication date, or nothing when it is named only as the time of something
 * else, the field then marked inferred with why (contract in ingest_int.h). */
#include "ingest_int.h"

int bci_states_status(const bc_xmeeting *m, int k)
{
    if (m->status_quotes != 0)
        return k < 32 && (m->status_quotes & (1u << k)) != 0;
    return !m->status_from_date && !m->status_unsaid;
}

void bci_status_mark(const bc_xmeeting *m, int dated, int has_pub, bci_marks *mk)
{
    if (m->status_from_date)
        bci_mark(mk, "status",
                 "Its words say neither that it took place nor that it is to come: it is "
                 "planned because its date falls after the publication date (published_on).");
    else if (m->status_quotes == 0 && m->status_unsaid)
        bci_mark(mk, "status",
                 dated && has_pub
                     ? "It is named only as the time of something else (\"ahead of\" it): its "
                       "words say neither that it took place nor that it is to come, and it is "
                       "held because its date does not fall after the publication date "
                       "(published_on)."
                     : "It is named only as the time of something else (\"ahead of\" it): its "
                       "words say neither that it took place nor that it is to come, and "
                       "nothing else tells: it is taken as held.");
}
