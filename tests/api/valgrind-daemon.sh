#!/usr/bin/env bash
# valgrind-daemon.sh: bordercoopd under valgrind memcheck, for make test-valgrind. The API
# tests start this instead of the daemon (BC_DAEMON); it exits non-zero (99) on any
# memcheck error or definite leak, which the tests' clean-shutdown check turns into a
# failure. VALGRIND_DAEMON names the real binary.
set -u
exec valgrind --quiet --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --track-fds=no --num-callers=30 \
    "${VALGRIND_DAEMON:?set VALGRIND_DAEMON to the bordercoopd binary}" "$@"
