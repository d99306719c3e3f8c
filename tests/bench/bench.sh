#!/usr/bin/env bash
# bench.sh: wrk against bordercoopd and, in the same run, against nginx serving the very
# same bytes as static files, so every figure is a ratio to the static-file ceiling.
# Loopback only, bounded in time, stops every process it starts.
#
#   tests/bench/bench.sh BIN_DIR            (make bench runs it)
#   BENCH_SECONDS=5 BENCH_ROUNDS=3 BENCH_CONNECTIONS=64 tests/bench/bench.sh build/release/bin
#
# Server and nginx are pinned to core 0, wrk to core 1 (see ../shared/BENCHMARKING.md:
# wrk is the bottleneck at these rates, so the server's CPU time per request is
# reported beside requests/s; rounds alternate the two servers and medians are shown).
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
chmod 755 "$TMP" # nginx workers run as another user
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    [ -n "${BENCH_KEEP:-}" ] && echo "bench: kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

free_port() {
    # ask the kernel for a free port by binding port 0 through the daemon's own logic is
    # overkill here: pick a random high port and check nothing listens on it
    local p
    while :; do
        p=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
}

# ---- the store and the daemon --------------------------------------------------------
"$BIN/bordercoop" load --data "$DATA" --db "$TMP/store.db" >/dev/null
taskset -c 0 "$BIN/bordercoopd" --db "$TMP/store.db" --listen 127.0.0.1:0 --threads 1 \
    --log-format off --ready-file "$TMP/ready" --max-connections-per-ip 10000 \
    2>"$TMP/daemon.log" &
DPID=$!
PIDS+=("$DPID")
for _ in $(seq 100); do [ -s "$TMP/ready" ] && break; sleep 0.05; done
[ -s "$TMP/ready" ] || { echo "bench: bordercoopd did not start"; cat "$TMP/daemon.log"; exit 1; }
DPORT=$(cat "$TMP/ready")

# ---- the same bytes for nginx -------------------------------------------------------
# name|path on the daemon|extra request header for the daemon (304 case)
ENDPOINTS=(
    "list|/v1/figures?limit=10|"
    "detail|/v1/border-gate-projects/lao-cai-hekou-railway-bridge|"
    "revalidate-304|/v1/figures?limit=10|inm"
    "search|/v1/search?q=Junnan|"
    "stats|/v1/stats|"
)
mkdir -p "$TMP/www"
for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path _ <<<"$e"
    curl -sf "http://127.0.0.1:$DPORT$path" -o "$TMP/www/$name.json"
done
cp "$TMP/www/list.json" "$TMP/www/revalidate-304.json"
NPORT=$(free_port)
cat >"$TMP/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    keepalive_timeout 60;
    default_type application/json;
    etag on;
    server {
        listen 127.0.0.1:$NPORT;
        root $TMP/www;
        location / { }
    }
}
EOF
taskset -c 0 nginx -c "$TMP/nginx.conf" -p "$TMP" 2>"$TMP/nginx-start.log" &
NPID=$!
PIDS+=("$NPID")
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$NPORT/list.json" -o /dev/null && break; sleep 0.05; done

# identical bodies, checked
for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path _ <<<"$e"
    cmp -s <(curl -sf "http://127.0.0.1:$DPORT$path") <(curl -sf "http://127.0.0.1:$NPORT/$name.json") ||
        { echo "bench: $name bodies differ"; exit 1; }
done
DETAG=$(curl -sfI "http://127.0.0.1:$DPORT/v1/figures?limit=10" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
NETAG=$(curl -sfI "http://127.0.0.1:$NPORT/revalidate-304.json" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')

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

echo "bench: bordercoopd on :$DPORT, nginx on :$NPORT; ${SECS}s x $ROUNDS rounds per server, wrk -t1 -c$CONNS"
RESULTS=$TMP/results
: >"$RESULTS"
for round in $(seq "$ROUNDS"); do
    for e in "${ENDPOINTS[@]}"; do
        IFS='|' read -r name path cond <<<"$e"
        dh="" nh=""
        if [ "$cond" = inm ]; then dh="If-None-Match: $DETAG"; nh="If-None-Match: $NETAG"; fi
        # alternate which server goes first from round to round
        if [ $((round % 2)) = 1 ]; then order="d n"; else order="n d"; fi
        for who in $order; do
            if [ "$who" = d ]; then
                echo "$name bordercoopd $(run "http://127.0.0.1:$DPORT$path" "$dh" "$DPID")" >>"$RESULTS"
            else
                echo "$name nginx $(run "http://127.0.0.1:$NPORT/$name.json" "$nh" "$NPID")" >>"$RESULTS"
            fi
        done
    done
done

# ---- report -------------------------------------------------------------------------
RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$DPID/status")
printf '\n%-15s %12s %9s %9s %10s %9s %9s %9s\n' endpoint "bc req/s" "bc p50" "bc p99" "nginx r/s" "ratio" "p99 ratio" "bc us/req"
for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name _ _ <<<"$e"
    col() { awk -v n="$name" -v s="$1" -v c="$2" '$1 == n && $2 == s {print $c}' "$RESULTS" | median; }
    drps=$(col bordercoopd 3) d50=$(col bordercoopd 4) d99=$(col bordercoopd 5) dcpu=$(col bordercoopd 6)
    nrps=$(col nginx 3) n99=$(col nginx 5)
    awk -v n="$name" -v dr="$drps" -v d50="$d50" -v d99="$d99" -v nr="$nrps" -v n99="$n99" -v c="$dcpu" \
        'BEGIN { printf "%-15s %12.0f %8.2fms %8.2fms %10.0f %8.2fx %8.2fx %9.1f\n",
                 n, dr, d50, d99, nr, (nr > 0 ? dr / nr : 0), (n99 > 0 ? d99 / n99 : 0), c }'
    awk -v n="$name" -v dr="$drps" -v d99="$d99" -v nr="$nrps" -v n99="$n99" \
        'BEGIN { printf "%s %.4f %.4f\n", n, (nr > 0 ? dr / nr : 0), (n99 > 0 ? d99 / n99 : 0) }' \
        >>"$TMP/ratios"
done
echo
echo "ratio = bordercoopd requests/s over nginx's in the same run (medians of $ROUNDS); p99 ratio: lower is better"
echo "bordercoopd peak RSS under this load: $((RSS_KB / 1024)) MiB (${RSS_KB} KiB)"

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

# ---- the goals of issue 7, each with what was measured -----------------------------
goal() { # TEXT MEASURED OK(0/1)
    printf '  %-58s %-16s %s\n' "$1" "$2" "$([ "$3" = 1 ] && echo met || echo "NOT MET")"
}
ratio_of() { awk -v n="$1" -v c="$2" '$1 == n {print $c}' "$TMP/ratios"; }
at_least() { awk -v v="$1" -v g="$2" 'BEGIN {print (v >= g) ? 1 : 0}'; }
at_most() { awk -v v="$1" -v g="$2" 'BEGIN {print (v <= g) ? 1 : 0}'; }
echo
echo "goals (issue 7; ratios against nginx in this run):"
for name in list detail search stats; do
    r=$(ratio_of "$name" 2)
    goal "$name: 200 with body >= 1.0x nginx's req/s" "$(printf '%.2fx' "$r")" "$(at_least "$r" 1.0)"
done
r=$(ratio_of revalidate-304 2)
goal "revalidation: 304 >= 1.0x nginx's own 304" "$(printf '%.2fx' "$r")" "$(at_least "$r" 1.0)"
worst=$(awk '{ if ($3 > w) w = $3 } END { printf "%.4f", w }' "$TMP/ratios")
goal "p99 latency <= 1.2x nginx's p99 (worst endpoint)" "$(printf '%.2fx' "$worst")" "$(at_most "$worst" 1.2)"
goal "peak RSS under load <= 16 MiB" "$((RSS_KB / 1024)) MiB" "$(at_most "$RSS_KB" 16384)"
goal "store build from data/ < 100 ms" "$(awk -v u="$LOAD_US" 'BEGIN{printf "%.1f ms", u/1000}')" "$(at_most "$LOAD_US" 99999)"
goal "daemon start to first answer < 50 ms" "$(awk -v u="$START_US" 'BEGIN{printf "%.1f ms", u/1000}')" "$(at_most "$START_US" 49999)"
echo "  (the at-scale goals: make bench runs tests/bench/scale.sh next)"
