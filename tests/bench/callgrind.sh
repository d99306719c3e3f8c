#!/usr/bin/env bash
# callgrind.sh: instructions per request, counted by valgrind's callgrind over a fixed
# number of keep-alive requests, with the access log on (into a file, as deployed) and
# off. Unlike requests/s this does not depend on what else the machine is doing, so it
# is the figure to track from change to change. Note that callgrind counts `rep stosb`
# once per byte: libmicrohttpd's per-connection memory reset (~12k of a cached request's
# count, with --max-header-bytes 8192) costs far less time than its count suggests.
#
#   tests/bench/callgrind.sh BIN_DIR     (make bench runs it after the wrk table)
set -euo pipefail

BIN=${1:-build/release/bin}
N=${CALLGRIND_REQUESTS:-2000}
DATA=${BC_DATA:-data}
for tool in valgrind callgrind_control curl; do
    command -v "$tool" >/dev/null || { echo "callgrind: $tool is missing (make bench-deps)"; exit 1; }
done
TMP=$(mktemp -d /tmp/bc-callgrind-XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    if [ -n "${CALLGRIND_KEEP:-}" ]; then echo "callgrind: dumps kept in $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT INT TERM
"$BIN/bordercoop" load --data "$DATA" --db "$TMP/store.db" >/dev/null

# start NAME ARGS...: the daemon under callgrind; sets PORT_NAME and PID_NAME
start() {
    local name=$1
    shift
    (cd "$TMP" && exec valgrind --tool=callgrind --callgrind-out-file="$TMP/$name.%p.out" \
        "$OLDPWD/$BIN/bordercoopd" --db "$TMP/store.db" --listen 127.0.0.1:0 \
        --ready-file "$TMP/$name.ready" "$@" 2>"$TMP/$name.log") &
    PIDS+=("$!")
    for _ in $(seq 400); do [ -s "$TMP/$name.ready" ] && break; sleep 0.05; done
    [ -s "$TMP/$name.ready" ] || { echo "callgrind: $name did not start"; cat "$TMP/$name.log"; exit 1; }
    eval "PORT_$name=$(cat "$TMP/$name.ready")"
    eval "PID_$name=$!"
}

# measure NAME PORT PID PATH [HEADER]: N requests on one connection, instructions each
measure() {
    local name=$1 port=$2 pid=$3 path=$4 header=${5:-}
    local cfg="$TMP/$name.curl"
    : >"$cfg"
    for _ in $(seq "$N"); do
        printf 'url = "http://127.0.0.1:%s%s"\noutput = /dev/null\n' "$port" "$path" >>"$cfg"
    done
    local h=()
    [ -n "$header" ] && h=(-H "$header")
    # warm up (cache filled, statements prepared, the workers idle again), then count
    # only the measured run
    for _ in 1 2 3; do curl -s "${h[@]}" -o /dev/null "http://127.0.0.1:$port$path"; done
    sleep 0.5
    callgrind_control --zero "$pid" >/dev/null 2>&1
    curl -s "${h[@]}" --config "$cfg"
    callgrind_control --dump="$name" "$pid" >/dev/null 2>&1
    local dump
    dump=$(grep -l "^desc: Trigger: .*dump $name\$" "$TMP"/*.out* 2>/dev/null | tail -1 || true)
    [ -n "$dump" ] || { echo "callgrind: no dump for $name"; ls -la "$TMP"; grep -h -E "^(desc|summary|totals)" "$TMP"/*.out*; exit 1; }
    local total
    total=$(awk '/^summary:/ {print $2} /^totals:/ {t=$2} END {if (t) print t}' "$dump" | tail -1)
    awk -v n="$name" -v t="$total" -v r="$N" 'BEGIN { printf "%-34s %12.0f\n", n, t / r }'
}

# logging on as deployed (the access log into a file, written by its own thread, which
# callgrind counts too), and off
start logon --log-file "$TMP/access.log"
start logoff --log-format off
start uncached --cache-bytes 0 --log-format off
LIST="/v1/figures?limit=10"
DETAIL="/v1/border-gate-projects/lao-cai-hekou-railway-bridge"
ETAG=$(curl -sI "http://127.0.0.1:$PORT_logon$LIST" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
echo "callgrind: instructions per request over $N keep-alive requests (the daemon's own and its libraries')"
printf '%-34s %12s\n' "request" "instructions"
measure cached-list "$PORT_logon" "$PID_logon" "$LIST"
measure cached-detail "$PORT_logon" "$PID_logon" "$DETAIL"
measure revalidate-304 "$PORT_logon" "$PID_logon" "$LIST" "If-None-Match: $ETAG"
measure cached-list-nolog "$PORT_logoff" "$PID_logoff" "$LIST"
measure cached-detail-nolog "$PORT_logoff" "$PID_logoff" "$DETAIL"
measure revalidate-304-nolog "$PORT_logoff" "$PID_logoff" "$LIST" "If-None-Match: $ETAG"
measure uncached-filtered "$PORT_uncached" "$PID_uncached" "/v1/figures?province=yunnan&sort=-value&limit=10"

# the store build itself, whole process: the figure behind "bordercoop load < 100 ms"
rm -f "$TMP/build.db"
valgrind --tool=callgrind --callgrind-out-file="$TMP/load.out" \
    "$BIN/bordercoop" load --data "$DATA" --db "$TMP/build.db" >/dev/null 2>"$TMP/load.log"
awk '/^(summary|totals):/ {t = $2} END {printf "%-34s %12.0f\n", "store build (bordercoop load)", t}' "$TMP/load.out"
