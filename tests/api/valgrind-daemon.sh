#!/usr/bin/env bash
# valgrind-daemon.sh: bordercoopd under valgrind memcheck, for make test-valgrind. The API
# tests start this instead of the daemon (BC_DAEMON); it exits non-zero (99) on any
# memcheck error or definite leak, which the tests' clean-shutdown check turns into a
# failure. VALGRIND_DAEMON names the real binary.
set -u
# Under memcheck the daemon runs 20-50 times slower, so the default 250 ms read budget
# would turn ordinary requests into 503 budget_exceeded. A test that is about budgets
# passes --request-budget-ms itself, and an argument wins over the environment.
# valgrind runs one thread at a time; --fair-sched=yes hands the CPU round in turn, or a
# busy search thread can keep a read worker off it past any budget (seen in CI).
export BORDERCOOP_REQUEST_BUDGET_MS="${BORDERCOOP_REQUEST_BUDGET_MS:-10000}"
export BORDERCOOP_WRITE_BUDGET_MS="${BORDERCOOP_WRITE_BUDGET_MS:-60000}"
exec valgrind --quiet --fair-sched=yes --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
    --track-fds=no --num-callers=30 \
    "${VALGRIND_DAEMON:?set VALGRIND_DAEMON to the bordercoopd binary}" "$@"
