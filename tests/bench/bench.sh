#!/usr/bin/env bash
# bench.sh: wrk against bordercoopd and, in the same run, against nginx serving the very
# same bytes as static files, so every figure is a ratio to the static-file ceiling.
# Both ways a deployment could run, in one run: logging on (the headline: bordercoopd's
# default access log into a file, nginx with `access_log FILE combined buffer=64k
# flush=1s`) and logging off on both. Loopback only, bounded in time, stops every
# process it starts.
#
#   tests/bench/bench.sh BIN_DIR            (make bench runs it)
#   BENCH_SECONDS=5 BENCH_ROUNDS=3 BENCH_CONNECTIONS=64 tests/bench/bench.sh build/release/bin
#
# Revalidations (304) are driven by tests/bench/reval.c, the rest by wrk.
# Servers are pinned to core 0, wrk to core 1 (docs/performance.md: wrk is the
# bottleneck at these rates, so each server's CPU time per request, from /proc, is
# reported beside requests/s and compared too); rounds alternate the servers, and
# medians are shown with every round's ratio. nginx runs as one process
# (master_process off), so that its CPU time is the serving process's.
set -euo pipefail

BIN=${1:-build/release/bin}
SECS=${BENCH_SECONDS:-5}
ROUNDS=${BENCH_ROUNDS:-3}
CONNS=${BENCH_CONNECTIONS:-64}
DATA=${BC_DATA:-data}
CLK_TCK=$(getconf CLK_TCK)

for tool in wrk nginx taskset curl; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (make bench-deps)"; exit 1; }
done

TMP=$(mktemp -d /tmp/bc-bench-XXXXXX)
chmod 755 "$TMP" # nginx may run as another user
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    [ -n "${BENCH_KEEP:-}" ] && echo "bench: kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

free_port() {
    # pick a random high port and check nothing listens on it
    local p
    while :; do
        p=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_BEFORE=$(loadavg)

# ---- the store and the daemons ------------------------------------------------------
# start_daemon NAME ARGS...: bordercoopd on core 0; sets PORT_NAME and PID_NAME
start_daemon() {
    local name=$1
    shift
    taskset -c 0 "$BIN/bordercoopd" --db "$TMP/store.db" --listen 127.0.0.1:0 --threads 1 \
        --ready-file "$TMP/$name.ready" "$@" 2>"$TMP/$name.log" &
    local pid=$!
    PIDS+=("$pid")
    for _ in $(seq 100); do [ -s "$TMP/$name.ready" ] && break; sleep 0.05; done
    [ -s "$TMP/$name.ready" ] || { echo "bench: bordercoopd ($name) did not start"; cat "$TMP/$name.log"; exit 1; }
    eval "PORT_$name=$(cat "$TMP/$name.ready")"
    eval "PID_$name=$pid"
}
"$BIN/bordercoop" load --data "$DATA" --db "$TMP/store.db" >/dev/null
cc -std=c11 -O2 -Wall -Wextra -Werror tests/bench/reval.c -o "$TMP/reval"
# logging on: the default plain access log, into a file as a deployment would
start_daemon on --log-file "$TMP/bc-access.log"
start_daemon off --log-format off
DPORT=$PORT_on

# ---- the same bytes for nginx -------------------------------------------------------
# name|path on the daemon|extra request header for the daemon (304 case)
ENDPOINTS=(
    "list|/v1/figures?limit=10|"
    "detail|/v1/border-gate-projects/lao-cai-hekou-railway-bridge|"
    "revalidate-304|/v1/figures?limit=10|inm"
    "search|/v1/search?q=Junnan|"
    "stats|/v1/stats|"
)
# logging off is measured for the cached path only (the goals of issue 13)
OFF_ENDPOINTS=(list detail revalidate-304)
mkdir -p "$TMP/www"
for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path _ <<<"$e"
    curl -sf "http://127.0.0.1:$DPORT$path" -o "$TMP/www/$name.json"
done
cp "$TMP/www/list.json" "$TMP/www/revalidate-304.json"
NPORT_on=$(free_port)
NPORT_off=$(free_port)
while [ "$NPORT_off" = "$NPORT_on" ]; do NPORT_off=$(free_port); done
cat >"$TMP/nginx.conf" <<NGINX
worker_processes 1;
master_process off;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log;
events { worker_connections 4096; }
http {
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    keepalive_timeout 60;
    default_type application/json;
    etag on;
    server {
        listen 127.0.0.1:$NPORT_on;
        access_log $TMP/nginx-access.log combined buffer=64k flush=1s;
        root $TMP/www;
        location / { }
    }
    server {
        listen 127.0.0.1:$NPORT_off;
        access_log off;
        root $TMP/www;
        location / { }
    }
}
NGINX
taskset -c 0 nginx -c "$TMP/nginx.conf" -p "$TMP" 2>"$TMP/nginx-start.log" &
NPID=$!
PIDS+=("$NPID")
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$NPORT_on/list.json" -o /dev/null && break; sleep 0.05; done

# identical bodies, checked
for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path _ <<<"$e"
    cmp -s <(curl -sf "http://127.0.0.1:$DPORT$path") <(curl -sf "http://127.0.0.1:$NPORT_on/$name.json") ||
        { echo "bench: $name bodies differ"; exit 1; }
done
DETAG=$(curl -sfI "http://127.0.0.1:$DPORT/v1/figures?limit=10" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
NETAG=$(curl -sfI "http://127.0.0.1:$NPORT_on/revalidate-304.json" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')

# ---- measuring -----------------------------------------------------------------------
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# to_ms VALUE: wrk prints latencies as 812.00us, 1.21ms or 1.02s
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000;
        printf "%.3f", n }'
}

# run SERVER URL HEADER PID: prints "rps p50 p99 cpu_us_per_request"
run() {
    local url=$1 header=$2 pid=$3 out before after
    if [ "${header#If-None-Match}" != "$header" ]; then
        # revalidations with reval (see tests/bench/reval.c: wrk cannot parse a 304 that
        # carries its representation's Content-Length), same connections and duration
        before=$(cpu_ticks "$pid")
        out=$(taskset -c 1 "$TMP/reval" -c "$CONNS" -d "$SECS" -H "$header" "$url")
        after=$(cpu_ticks "$pid")
        awk -v t="$((after - before))" -v hz="$CLK_TCK" '{
                if ($10 > 0) { print "bench: " $0 > "/dev/stderr"; exit 1 }
                printf "%s %s %s %.2f\n", $4, $6, $8, ($2 > 0 ? t / hz / $2 * 1e6 : 0) }' <<<"$out"
        return
    fi
    before=$(cpu_ticks "$pid")
    if [ -n "$header" ]; then
        out=$(taskset -c 1 wrk -t1 -c"$CONNS" -d"${SECS}s" --latency -H "$header" "$url")
    else
        out=$(taskset -c 1 wrk -t1 -c"$CONNS" -d"${SECS}s" --latency "$url")
    fi
    after=$(cpu_ticks "$pid")
    local rps p50 p99 reqs errors
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
    p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
    reqs=$(awk '/requests in/ {print $1}' <<<"$out")
    errors=$(awk '/Non-2xx or 3xx/ {print $5}' <<<"$out")
    if [ -n "$errors" ]; then echo "bench: $url answered $errors non-2xx/3xx responses" >&2; exit 1; fi
    awk -v r="$rps" -v a="$p50" -v b="$p99" -v t="$((after - before))" -v n="$reqs" -v hz="$CLK_TCK" \
        'BEGIN { printf "%s %s %s %.2f\n", r, a, b, (n > 0 ? t / hz / n * 1e6 : 0) }'
}

median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

echo "bench: bordercoopd on :$PORT_on (logging on) and :$PORT_off (off), nginx on :$NPORT_on (on) and :$NPORT_off (off)"
echo "bench: ${SECS}s x $ROUNDS rounds per server, wrk -t1 -c$CONNS; load average before: $LOAD_BEFORE"
RESULTS=$TMP/results
: >"$RESULTS"
# measure MODE NAME PATH COND ROUND: one alternating pair, appended to RESULTS as
# "MODE NAME SERVER rps p50 p99 cpu_us"
measure() {
    local mode=$1 name=$2 path=$3 cond=$4 round=$5 dh="" nh="" order who dport dpid nport
    if [ "$cond" = inm ]; then dh="If-None-Match: $DETAG"; nh="If-None-Match: $NETAG"; fi
    eval "dport=\$PORT_$mode; dpid=\$PID_$mode; nport=\$NPORT_$mode"
    if [ $((round % 2)) = 1 ]; then order="d n"; else order="n d"; fi
    for who in $order; do
        if [ "$who" = d ]; then
            echo "$mode $name bordercoopd $(run "http://127.0.0.1:$dport$path" "$dh" "$dpid")" >>"$RESULTS"
        else
            echo "$mode $name nginx $(run "http://127.0.0.1:$nport/$name.json" "$nh" "$NPID")" >>"$RESULTS"
        fi
    done
}
for round in $(seq "$ROUNDS"); do
    for e in "${ENDPOINTS[@]}"; do
        IFS='|' read -r name path cond <<<"$e"
        measure on "$name" "$path" "$cond" "$round"
    done
    for e in "${ENDPOINTS[@]}"; do
        IFS='|' read -r name path cond <<<"$e"
        for off in "${OFF_ENDPOINTS[@]}"; do
            [ "$off" = "$name" ] && measure off "$name" "$path" "$cond" "$round"
        done
    done
done
LOAD_AFTER=$(loadavg)

# ---- report -------------------------------------------------------------------------
# col MODE NAME SERVER FIELD: the median of a column over the rounds
col() {
    awk -v m="$1" -v n="$2" -v s="$3" -v c="$4" '$1 == m && $2 == n && $3 == s {print $c}' "$RESULTS" |
        median
}
# per_round MODE NAME FIELD: bordercoopd's over nginx's, round by round ("1.02 0.98 ...")
per_round() {
    awk -v m="$1" -v n="$2" -v c="$3" '$1 == m && $2 == n {
            if ($3 == "bordercoopd") d[++i] = $c; else g[++j] = $c }
        END { for (k = 1; k <= i && k <= j; k++) printf "%.2f ", (g[k] > 0 ? d[k] / g[k] : 0) }' "$RESULTS"
}
report() { # MODE NAME...
    local mode=$1
    shift
    printf '\n%-15s %10s %10s %8s %8s %8s %8s %9s %9s %8s\n' endpoint "bc req/s" "nginx r/s" "ratio" \
        "bc p99" "ng p99" "p99 r." "bc us/req" "ng us/req" "cpu r."
    local name drps nrps d99 n99 dcpu ncpu
    for name in "$@"; do
        drps=$(col "$mode" "$name" bordercoopd 4) nrps=$(col "$mode" "$name" nginx 4)
        d99=$(col "$mode" "$name" bordercoopd 6) n99=$(col "$mode" "$name" nginx 6)
        dcpu=$(col "$mode" "$name" bordercoopd 7) ncpu=$(col "$mode" "$name" nginx 7)
        awk -v n="$name" -v dr="$drps" -v d99="$d99" -v n99="$n99" -v nr="$nrps" -v dc="$dcpu" -v nc="$ncpu" \
            'BEGIN { printf "%-15s %10.0f %10.0f %7.2fx %6.2fms %6.2fms %7.2fx %9.1f %9.1f %7.2fx\n",
                     n, dr, nr, (nr > 0 ? dr / nr : 0), d99, n99, (n99 > 0 ? d99 / n99 : 0), dc, nc,
                     (nc > 0 ? dc / nc : 0) }'
        printf '%-15s   per round: req/s ratio %s| cpu ratio %s\n' "" "$(per_round "$mode" "$name" 4)" \
            "$(per_round "$mode" "$name" 7)"
        awk -v m="$mode" -v n="$name" -v dr="$drps" -v d99="$d99" -v nr="$nrps" -v n99="$n99" -v dc="$dcpu" -v nc="$ncpu" \
            'BEGIN { printf "%s %s %.4f %.4f %.4f\n", m, n, (nr > 0 ? dr / nr : 0), (n99 > 0 ? d99 / n99 : 0),
                     (nc > 0 ? dc / nc : 0) }' >>"$TMP/ratios"
    done
}
echo
echo "== logging on in both (the headline): bordercoopd's access log to a file, nginx buffer=64k flush=1s"
report on list detail revalidate-304 search stats
echo
echo "== logging off in both"
report off "${OFF_ENDPOINTS[@]}"
RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$PID_on/status")
echo
echo "ratio: bordercoopd's requests/s over nginx's in the same run (medians of $ROUNDS rounds, and"
echo "each round's); p99 r.: p99 latency over nginx's; cpu r.: server CPU time per request over"
echo "nginx's (for both, lower is better). Load average before: $LOAD_BEFORE; after: $LOAD_AFTER (2 cores)."
echo "bordercoopd (logging on) peak RSS under this load: $((RSS_KB / 1024)) MiB (${RSS_KB} KiB)"
LOGGED=$(wc -l <"$TMP/bc-access.log" 2>/dev/null || echo 0)
DROPPED=$(curl -sf "http://127.0.0.1:$PORT_on/metrics" | awk '$1 == "bordercoop_log_dropped_total" {print $2}')
echo "bordercoopd access log: $LOGGED lines in the file, ${DROPPED:-?} dropped"

# ---- store build and start-up --------------------------------------------------------
# microseconds from bash's own clock (no process start-up in the measurement)
now_us() { local t=$EPOCHREALTIME; echo $(( 10#${t/[.,]/} )); }
LOADS=() STARTS=()
for i in 1 2 3 4 5; do
    rm -f "$TMP/cold.db" "$TMP/cold.db-wal" "$TMP/cold.db-shm" "$TMP/cold.db.lock"
    t0=$(now_us)
    "$BIN/bordercoop" load --data "$DATA" --db "$TMP/cold.db" >/dev/null
    LOADS+=($(( $(now_us) - t0 )))
    rm -f "$TMP/cold.ready"
    t0=$(now_us)
    "$BIN/bordercoopd" --db "$TMP/cold.db" --listen 127.0.0.1:0 --log-format off \
        --ready-file "$TMP/cold.ready" 2>>"$TMP/cold.log" &
    cpid=$!
    # listening: spin on the ready file in the shell itself (no process start-ups)
    SECONDS=0
    until [ -s "$TMP/cold.ready" ]; do
        kill -0 "$cpid" 2>/dev/null || { echo "bench: cold daemon died"; cat "$TMP/cold.log"; exit 1; }
        [ "$SECONDS" -lt 5 ] || { echo "bench: cold daemon did not start"; exit 1; }
    done
    ready_us=$(( $(now_us) - t0 ))
    # then the first data answer, timed by curl from connect to last byte
    first_s=$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$(cat "$TMP/cold.ready")/v1/figures?limit=1")
    STARTS+=($(awk -v r="$ready_us" -v f="$first_s" 'BEGIN { printf "%d", r + f * 1e6 }'))
    kill "$cpid"; wait "$cpid" 2>/dev/null || true
done
LOAD_US=$(printf '%s\n' "${LOADS[@]}" | median)
START_US=$(printf '%s\n' "${STARTS[@]}" | median)
echo "store build from $DATA (bordercoop load, median of 5): $(awk -v u="$LOAD_US" 'BEGIN{printf "%.1f", u/1000}') ms"
echo "daemon start to first 200 (exec to listening, plus the first request's time; median of 5): $(awk -v u="$START_US" 'BEGIN{printf "%.1f", u/1000}') ms"

# ---- the goals, each with what was measured -----------------------------------------
goal() { # TEXT MEASURED OK(0/1)
    printf '  %-62s %-14s %s\n' "$1" "$2" "$([ "$3" = 1 ] && echo met || echo "NOT MET")"
}
ratio_of() { awk -v m="$1" -v n="$2" -v c="$3" '$1 == m && $2 == n {print $c}' "$TMP/ratios"; }
at_least() { awk -v v="$1" -v g="$2" 'BEGIN {print (v >= g) ? 1 : 0}'; }
at_most() { awk -v v="$1" -v g="$2" 'BEGIN {print (v <= g) ? 1 : 0}'; }
echo
echo "goals of issue 13 (logging on in both; against nginx in this run):"
for name in list detail revalidate-304; do
    r=$(ratio_of on "$name" 3)
    goal "$name: >= 1.0x nginx's requests/s" "$(printf '%.2fx' "$r")" "$(at_least "$r" 1.0)"
    c=$(ratio_of on "$name" 5)
    goal "$name: <= 0.9x nginx's server CPU per request" "$(printf '%.2fx' "$c")" "$(at_most "$c" 0.9)"
done
echo "goals of issue 7 (logging on in both):"
for name in list detail search stats; do
    r=$(ratio_of on "$name" 3)
    goal "$name: 200 with body >= 1.0x nginx's req/s" "$(printf '%.2fx' "$r")" "$(at_least "$r" 1.0)"
done
r=$(ratio_of on revalidate-304 3)
goal "revalidation: 304 >= 1.0x nginx's own 304" "$(printf '%.2fx' "$r")" "$(at_least "$r" 1.0)"
worst=$(awk '$1 == "on" { if ($4 > w) w = $4 } END { printf "%.4f", w }' "$TMP/ratios")
goal "p99 latency <= 1.2x nginx's p99 (worst endpoint)" "$(printf '%.2fx' "$worst")" "$(at_most "$worst" 1.2)"
goal "peak RSS under load <= 16 MiB" "$((RSS_KB / 1024)) MiB" "$(at_most "$RSS_KB" 16384)"
goal "store build from data/ < 100 ms" "$(awk -v u="$LOAD_US" 'BEGIN{printf "%.1f ms", u/1000}')" "$(at_most "$LOAD_US" 99999)"
goal "daemon start to first answer < 50 ms" "$(awk -v u="$START_US" 'BEGIN{printf "%.1f ms", u/1000}')" "$(at_most "$START_US" 49999)"
echo "  (the at-scale goals: make bench runs tests/bench/scale.sh next)"
