#!/usr/bin/env bash
# scale-demo.sh: three bordercoopd replicas over one store behind nginx, a bounded stream of
# GETs through nginx, and one replica SIGKILLed in the middle of it. Shows that nginx takes
# the dead replica out and retries on another one, so that no request fails; prints a summary
# table and exits non-zero if any request did not get a 2xx. Loopback only, bash + curl +
# coreutils (and nginx), under 60 s, stops every process it starts. See docs/scaling.md.
#
#   tests/scale/scale-demo.sh [BIN_DIR]          (make scale-demo; make test-scale: 600 requests)
#
#   SCALE_REQUESTS=3000    GETs in the stream, spread over the endpoints below
#   SCALE_CLIENTS=8        concurrent clients (curl processes, each keeping its connection)
#   SCALE_SECONDS=8        target length of the stream: the clients are paced (curl --rate)
#                          so that the kill falls in the middle of it; 0 = as fast as possible
#   SCALE_KILL_AT=50       kill a replica once this percentage of the requests is answered
#   SCALE_KEEP=1           keep the temporary directory (logs, nginx.conf, responses)
set -euo pipefail

BIN=${1:-build/release/bin}
DATA=${BC_DATA:-data}
REQUESTS=${SCALE_REQUESTS:-3000}
CLIENTS=${SCALE_CLIENTS:-8}
STREAM_SECONDS=${SCALE_SECONDS:-8}
KILL_AT=${SCALE_KILL_AT:-50}
DEADLINE=55 # seconds for the whole run, startup and cleanup included
REPLICAS=3
VICTIM=2 # the replica that is killed (1-based)

# the request mix: lists, details, search, the dashboard and liveness
ENDPOINTS=(
    /v1/meetings
    /v1/trade-figures
    /v1/stats
    "/v1/search?q=Junnan"
    /healthz
    /v1/meetings/jwg-yunnan-11
    /v1/provinces/Junnan
    "/v1/border-gate-projects?province=lai-chau"
)

T0=$SECONDS
say() { printf 'scale-demo: %s\n' "$*"; }
die() {
    printf 'scale-demo: FAILED: %s\n' "$*" >&2
    exit 1
}
# stamp: NOW_MS = the time in ms (bash 5's $EPOCHREALTIME costs no process; date elsewhere)
stamp() {
    if [ -n "${EPOCHREALTIME:-}" ]; then
        local t=${EPOCHREALTIME/[.,]/}
        NOW_MS=$((10#$t / 1000))
    else
        NOW_MS=$(date +%s%3N)
    fi
}

for tool in nginx curl timeout; do
    command -v "$tool" >/dev/null || die "$tool is missing (nginx: make bench-deps)"
done
for b in bordercoopd bordercoop; do [ -x "$BIN/$b" ] || die "$BIN/$b is missing (make build)"; done
if [ "$REQUESTS" -lt 20 ] || [ "$CLIENTS" -lt 1 ]; then die "SCALE_REQUESTS >= 20 and SCALE_CLIENTS >= 1"; fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/bc-scale-XXXXXX")
# nginx, started as root, runs its workers as another user (nobody): let them reach the
# temp directories under $TMP (the config below also keeps responses out of temp files)
chmod 755 "$TMP"

DPIDS=()    # daemons, by replica (index 0 = replica 1)
DPORTS=()
NGINX_PID=""
CPIDS=()    # clients
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
    local rc=$?
    set +e
    for p in "${CPIDS[@]}"; do kill "$p" 2>/dev/null; done
    [ -n "$NGINX_PID" ] && kill -TERM "$NGINX_PID" 2>/dev/null
    for p in "${DPIDS[@]}"; do [ -n "$p" ] && kill -TERM "$p" 2>/dev/null; done
    for p in "${CPIDS[@]}" $NGINX_PID "${DPIDS[@]}"; do [ -n "$p" ] && wait "$p" 2>/dev/null; done
    if [ -n "${SCALE_KEEP:-}" ]; then say "kept $TMP"; else rm -rf "$TMP"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

left() { echo $((DEADLINE - (SECONDS - T0))); }

# ---- the store and three replicas --------------------------------------------------------
"$BIN/bordercoop" load --data "$DATA" --db "$TMP/store.db" >"$TMP/load.log" 2>&1 ||
    { cat "$TMP/load.log" >&2; die "bordercoop load"; }
for r in $(seq "$REPLICAS"); do
    "$BIN/bordercoopd" --db "$TMP/store.db" --listen 127.0.0.1:0 --ready-file "$TMP/ready-$r" \
        --log-format off 2>"$TMP/daemon-$r.log" &
    DPIDS+=("$!")
done
for r in $(seq "$REPLICAS"); do
    for _ in $(seq 100); do [ -s "$TMP/ready-$r" ] && break; sleep 0.05; done
    [ -s "$TMP/ready-$r" ] || { cat "$TMP/daemon-$r.log" >&2; die "replica $r did not start"; }
    DPORTS+=("$(cat "$TMP/ready-$r")")
done

# header NAME URL: the value of response header NAME of a GET to URL
header() {
    curl -s -o /dev/null --max-time 5 -w "%header{$1}" "$2"
}

# each replica's X-Request-Id prefix (the first 8 hex digits are fixed per process), and the
# same ETag everywhere: it derives from the store's content version, not from the process
PREFIX=()
ETAG=""
for i in "${!DPORTS[@]}"; do
    base="http://127.0.0.1:${DPORTS[$i]}"
    for e in "${ENDPOINTS[@]}"; do
        code=$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$base$e")
        [ "$code" = 200 ] || die "replica $((i + 1)): GET $e answered $code"
    done
    id=$(header x-request-id "$base/healthz")
    [ ${#id} -ge 8 ] || die "replica $((i + 1)): no X-Request-Id"
    PREFIX+=("${id:0:8}")
    tag=$(header etag "$base/v1/stats")
    [ -z "$ETAG" ] && ETAG=$tag
    [ "$tag" = "$ETAG" ] || die "replica $((i + 1)): ETag of /v1/stats is $tag, replica 1 says $ETAG"
done
[ "$(printf '%s\n' "${PREFIX[@]}" | sort -u | wc -l)" = "$REPLICAS" ] ||
    die "replicas share an X-Request-Id prefix (${PREFIX[*]}): cannot tell them apart"

# ---- nginx in front ------------------------------------------------------------------
free_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return
        fi
    done
}

write_nginx_conf() {
    local servers="" p
    for p in "${DPORTS[@]}"; do
        servers+="        server 127.0.0.1:$p max_fails=1 fail_timeout=10s;"$'\n'
    done
    mkdir -p "$TMP/nginx"
    cat >"$TMP/nginx.conf" <<EOF
# generated by tests/scale/scale-demo.sh
worker_processes 2;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log notice;
events { worker_connections 1024; }
http {
    client_body_temp_path $TMP/nginx/body;
    proxy_temp_path $TMP/nginx/proxy;
    fastcgi_temp_path $TMP/nginx/fastcgi;
    uwsgi_temp_path $TMP/nginx/uwsgi;
    scgi_temp_path $TMP/nginx/scgi;
    # \$upstream_addr lists every replica tried ("a, b" when nginx went on to the next one)
    log_format scale '\$msec \$status "\$upstream_addr" "\$upstream_status" \$request_uri';
    access_log $TMP/nginx-access.log scale;

    upstream bordercoop {
        zone bordercoop 64k;    # failure state shared by the workers
        # one failed attempt (connect refused, reset, timeout, 502/503) takes a replica out
        # for 10 s; then one live request probes it again
$servers
        keepalive 16;           # idle connections to the replicas, per worker
        keepalive_timeout 10s;  # under bordercoopd's own idle timeout (15 s)
    }
    server {
        listen 127.0.0.1:$NPORT;
        location / {
            proxy_pass http://bordercoop;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            # GETs and HEADs are retried on the next replica. non_idempotent is deliberately
            # not listed: a POST (ingest) must never be replayed on another replica.
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 3;
            proxy_next_upstream_timeout 5s;
            proxy_connect_timeout 1s;
            proxy_read_timeout 10s;
            # responses (up to ~50 KiB here) stay in memory, never in a temp file
            proxy_buffers 16 16k;
            proxy_max_temp_file_size 0;
        }
    }
}
EOF
}

NPORT=""
for attempt in 1 2 3; do
    NPORT=$(free_port)
    write_nginx_conf
    nginx -p "$TMP/nginx" -c "$TMP/nginx.conf" -e "$TMP/nginx-error.log" 2>"$TMP/nginx-start.log" &
    NGINX_PID=$!
    up=0
    for _ in $(seq 100); do
        if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$NPORT/healthz"; then up=1; break; fi
        kill -0 "$NGINX_PID" 2>/dev/null || break
        sleep 0.05
    done
    [ $up = 1 ] && break
    kill "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=""
    [ "$attempt" = 3 ] && { cat "$TMP/nginx-start.log" "$TMP/nginx-error.log" >&2 2>/dev/null; die "nginx did not start"; }
done
: >"$TMP/nginx-access.log" # only the stream from here on

# ---- the stream ------------------------------------------------------------------------
# Each client is one curl process doing its share of the requests one after another over one
# kept-alive connection, paced with --rate; it writes "<status> <X-Request-Id>" per request
# to its stderr (unbuffered, unlike stdout to a file, so progress can be counted live).
# Request i goes to client i % CLIENTS and asks for endpoint i % (number of endpoints).
RATE=""
if [ "$STREAM_SECONDS" -gt 0 ]; then
    RATE=$(((REQUESTS + CLIENTS * STREAM_SECONDS - 1) / (CLIENTS * STREAM_SECONDS)))
fi
for c in $(seq 0 $((CLIENTS - 1))); do
    {
        echo 'silent'
        echo 'max-time = 5'
        [ -n "$RATE" ] && echo "rate = \"$RATE/s\""
        # shellcheck disable=SC2028 # the \n is for curl's config parser
        echo 'write-out = "%{stderr}%{http_code} %header{x-request-id}\n"'
    } >"$TMP/client-$c.cfg"
done
for i in $(seq 0 $((REQUESTS - 1))); do
    printf 'url = "http://127.0.0.1:%s%s"\noutput = "/dev/null"\n' \
        "$NPORT" "${ENDPOINTS[$((i % ${#ENDPOINTS[@]}))]}" >>"$TMP/client-$((i % CLIENTS)).cfg"
done

answered() { cat "$TMP"/client-*.out 2>/dev/null | wc -l; }

say "$REQUESTS GETs through nginx :$NPORT to replicas $(printf ':%s ' "${DPORTS[@]}")with $CLIENTS clients${RATE:+ at $RATE req/s each}"
stamp
STREAM_T0=$NOW_MS
for c in $(seq 0 $((CLIENTS - 1))); do
    timeout "$(left)" curl -K "$TMP/client-$c.cfg" >/dev/null 2>"$TMP/client-$c.out" &
    CPIDS+=("$!")
done

# kill replica VICTIM once KILL_AT% are answered; the lines each client had written just
# before the kill are "before", everything after (requests in flight included) is "after"
KILL_N=$((REQUESTS * KILL_AT / 100))
KILLED_MS=""
declare -A BEFORE_LINES
clients_running() {
    local p
    for p in "${CPIDS[@]}"; do kill -0 "$p" 2>/dev/null && return 0; done
    return 1
}
while clients_running; do
    if [ -z "$KILLED_MS" ] && [ "$(answered)" -ge "$KILL_N" ]; then
        # one process for the snapshot, then the kill at once: little can finish in between
        snapshot=$(cd "$TMP" && wc -l client-*.out)
        stamp
        KILLED_MS=$NOW_MS
        kill -KILL "${DPIDS[$((VICTIM - 1))]}"
        while read -r n f; do
            [[ $f =~ ^client-([0-9]+)\.out$ ]] && BEFORE_LINES[${BASH_REMATCH[1]}]=$n
        done <<<"$snapshot"
        wait "${DPIDS[$((VICTIM - 1))]}" 2>/dev/null || true
        DPIDS[VICTIM - 1]=""
        n=0
        for c in "${!BEFORE_LINES[@]}"; do n=$((n + BEFORE_LINES[$c])); done
        say "SIGKILL replica $VICTIM (:${DPORTS[$((VICTIM - 1))]}) after $n answers, $((KILLED_MS - STREAM_T0)) ms into the stream"
    fi
    [ "$(left)" -gt 0 ] || die "over ${DEADLINE}s"
    sleep 0.02
done
stamp
STREAM_MS=$((NOW_MS - STREAM_T0))
CLIENT_RC=0
for p in "${CPIDS[@]}"; do wait "$p" || CLIENT_RC=$?; done
CPIDS=()
[ -n "$KILLED_MS" ] || die "the stream ended before the kill (${KILL_AT}% of $REQUESTS never reached)"

# ---- counting -------------------------------------------------------------------------
# all.txt: "<phase> <status> <X-Request-Id>", phase b(efore) or a(fter) the kill. A 2xx from
# the killed replica written after the snapshot was still produced before the kill (it
# answered in the instant between the two): it counts as before. Failures never move.
: >"$TMP/all.txt"
for c in $(seq 0 $((CLIENTS - 1))); do
    awk -v n="${BEFORE_LINES[$c]}" -v dead="${PREFIX[$((VICTIM - 1))]}" '{
        phase = (NR <= n || ($1 ~ /^2/ && substr($2, 1, 8) == dead)) ? "b" : "a"
        print phase, $1, ($2 == "" ? "-" : $2) }' "$TMP/client-$c.out" >>"$TMP/all.txt"
done
# count PHASE [2xx [PREFIX]]: requests of PHASE (b or a); only 2xx ones with "2xx"; only
# those answered by the replica with X-Request-Id prefix PREFIX if given
count() {
    awk -v ph="$1" -v ok="${2:-}" -v px="${3:-}" \
        '$1 == ph && (ok == "" || $2 ~ /^2/) && (px == "" || substr($3, 1, 8) == px)' \
        "$TMP/all.txt" | wc -l
}
ANSWERED=$(wc -l <"$TMP/all.txt")
OK_B=$(count b 2xx)
OK_A=$(count a 2xx)
N_B=$(count b)
N_A=$(count a)
MISSING=$((REQUESTS - ANSWERED)) # a client killed by the deadline never wrote these
FAIL_B=$((N_B - OK_B))
FAIL_A=$((N_A - OK_A + MISSING))

# nginx's side: requests it sent to more than one replica, and when it first did so
RETRIED=$(awk -F'"' '$2 ~ /, /' "$TMP/nginx-access.log" | wc -l)
FIRST_RETRY=$(awk -F'"' '$2 ~ /, / { split($1, f, " "); printf "%.0f\n", f[1] * 1000; exit }' "$TMP/nginx-access.log")
DOWN=$(grep -c 'temporarily disabled' "$TMP/nginx-error.log" || true)

TOTAL_S=$((SECONDS - T0))
echo
printf '%-22s %12s %12s %12s\n' "" "before kill" "after kill" "total"
printf '%-22s %12d %12d %12d\n' "requests" "$N_B" "$((N_A + MISSING))" "$REQUESTS"
printf '%-22s %12d %12d %12d\n' "2xx" "$OK_B" "$OK_A" "$((OK_B + OK_A))"
printf '%-22s %12d %12d %12d\n' "failed" "$FAIL_B" "$FAIL_A" "$((FAIL_B + FAIL_A))"
echo
printf '%-22s %8s %10s %12s %12s %12s\n' "served by" "port" "id prefix" "before kill" "after kill" "total"
SERVED=0
for i in "${!DPORTS[@]}"; do
    b=$(count b 2xx "${PREFIX[$i]}")
    a=$(count a 2xx "${PREFIX[$i]}")
    SERVED=$((SERVED + a + b))
    name="replica $((i + 1))"
    [ $((i + 1)) = "$VICTIM" ] && name+=" (SIGKILL)"
    printf '%-22s %8s %10s %12d %12d %12d\n' "$name" "${DPORTS[$i]}" "${PREFIX[$i]}" "$b" "$a" $((a + b))
done
echo
say "stream ${STREAM_MS} ms ($((ANSWERED * 1000 / (STREAM_MS > 0 ? STREAM_MS : 1))) req/s), run ${TOTAL_S} s in all; ETag of /v1/stats identical on all replicas: $ETAG"
if [ -n "$FIRST_RETRY" ]; then
    say "nginx: first retry on another replica $((FIRST_RETRY - KILLED_MS)) ms after the kill; $RETRIED request(s) retried; replica marked down $DOWN time(s)"
else
    say "nginx: retried no request on another replica"
fi

status=0
[ "$CLIENT_RC" = 0 ] || { say "a client exited with status $CLIENT_RC (curl exits 28 on its --max-time, 124 is the deadline)"; status=1; }
[ "$FAIL_A" = 0 ] || { say "$FAIL_A request(s) failed after the kill"; status=1; }
[ "$((OK_B + OK_A))" = "$REQUESTS" ] || { say "$((REQUESTS - OK_B - OK_A)) of $REQUESTS requests did not get a 2xx"; status=1; }
[ "$SERVED" = "$((OK_B + OK_A))" ] || { say "$((OK_B + OK_A - SERVED)) 2xx answers carry no known X-Request-Id prefix"; status=1; }
if [ $status = 0 ]; then
    say "ok: every request got a 2xx; the survivors took over"
else
    echo "failed requests by phase (b: before the kill, a: after), status, X-Request-Id:"
    awk '$2 !~ /^2/' "$TMP/all.txt" | sort | uniq -c | sort -rn | head -10
    say "FAILED"
fi
exit $status
