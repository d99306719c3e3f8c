/* version.h: the release version reported by --version, /healthz and build_info. */
#ifndef BORDERCOOP_VERSION_H
#define BORDERCOOP_VERSION_H

#define BC_VERSION "0.1.0"

#endif
