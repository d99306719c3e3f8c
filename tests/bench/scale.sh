#!/usr/bin/env bash
# scale.sh: does a request cost grow with the page or with the data? Uncached requests
# (response cache off) against the curated store and against a synthetic store of
# 1,000,000 figures and 100,000 meetings, in the same run, as ratios: a filtered and
# sorted first page, and the 10,000th keyset page of a sorted list, each the same page
# size on both stores. Also the daemon's peak RSS on the big store. Loopback only,
# bounded in time, stops what it starts.
#
#   tests/bench/scale.sh BIN_DIR   (make bench-scale runs it; the synthetic store is
#                                   cached in build/bench and rebuilt when missing)
set -euo pipefail

BIN=${1:-build/release/bin}
SECS=${BENCH_SECONDS:-5}
FIGURES=${SCALE_FIGURES:-1000000}
MEETINGS=${SCALE_MEETINGS:-100000}
DATA=${BC_DATA:-data}
CACHE_DIR=build/bench
BIG="$CACHE_DIR/synth-$FIGURES-$MEETINGS.db"

for tool in wrk curl sqlite3 base64 taskset; do
    command -v "$tool" >/dev/null || { echo "scale: $tool is missing (make bench-deps)"; exit 1; }
done
mkdir -p "$CACHE_DIR"
if [ ! -s "$BIG" ] || [ "$BIN/bordercoop" -nt "$BIG" ]; then
    echo "scale: building the synthetic store ($FIGURES figures, $MEETINGS meetings)..."
    "$BIN/bordercoop" synth --figures "$FIGURES" --meetings "$MEETINGS" --out "$BIG" --data "$DATA"
fi

TMP=$(mktemp -d /tmp/bc-scale-XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
"$BIN/bordercoop" load --data "$DATA" --db "$TMP/small.db" >/dev/null

# start NAME DB: a daemon with the response cache off, pinned to core 0; sets PORT_NAME
start() {
    taskset -c 0 "$BIN/bordercoopd" --db "$2" --listen 127.0.0.1:0 --ready-file "$TMP/$1.ready" \
        --cache-bytes 0 --log-format off --max-connections-per-ip 10000 2>"$TMP/$1.log" &
    PIDS+=("$!")
    eval "PID_$1=$!"
    for _ in $(seq 200); do [ -s "$TMP/$1.ready" ] && break; sleep 0.05; done
    [ -s "$TMP/$1.ready" ] || { echo "scale: $1 did not start"; cat "$TMP/$1.log"; exit 1; }
    eval "PORT_$1=$(cat "$TMP/$1.ready")"
}
start small "$TMP/small.db"
start big "$BIG"

# Pages the small store can fill too, so both sides render the same number of documents
# and the ratio shows what the data's size costs, not the page's: 10 figures (the small
# store has 16 for Yunnan, 22 in all) and 3 meetings (it has 3 of the Yunnan working group).
FPAGE=10
MPAGE=3
# the keyset cursor of page 10,000 of /v1/figures?sort=-value: the keys of the row just
# before it, in the API's (internal, opaque to clients) cursor format; the id tie-break
# runs descending like the value
ROW=$(sqlite3 "$BIG" "SELECT printf('%.1f', value) || '|' || id FROM figures ORDER BY value DESC, id DESC LIMIT 1 OFFSET $((FPAGE * 9999 - 1))")
VALUE=${ROW%%|*} ID=${ROW#*|}
CURSOR=$(printf '["-value","n",%s,"%s"]' "$VALUE" "$ID" | base64 -w0 | tr '+/' '-_' | tr -d '=')

FIRST="/v1/figures?province=yunnan&sort=-value&limit=$FPAGE"
DEEP="/v1/figures?sort=-value&limit=$FPAGE&cursor=$CURSOR"
MEET="/v1/meetings?mechanism=jwg-yunnan&sort=-date&limit=$MPAGE"
# every request compared returns a full page on both stores
for u in "$PORT_small$FIRST" "$PORT_big$FIRST" "$PORT_big$DEEP" "$PORT_small/v1/figures?sort=-value&limit=$FPAGE"; do
    curl -sf "http://127.0.0.1:$u" | grep "\"count\":$FPAGE," >/dev/null || { echo "scale: $u is not a full page"; exit 1; }
done
for u in "$PORT_small$MEET" "$PORT_big$MEET"; do
    curl -sf "http://127.0.0.1:$u" | grep "\"count\":$MPAGE," >/dev/null || { echo "scale: $u is not a full page"; exit 1; }
done

rps() { # URL -> requests/s (wrk, 8 connections: uncached requests are CPU-bound)
    taskset -c 1 wrk -t1 -c8 -d"${SECS}s" "$1" | awk '/^Requests\/sec:/ {printf "%.0f", $2}'
}

echo "scale: small store vs $FIGURES figures / $MEETINGS meetings, response cache off, ${SECS}s each"
echo "pages of $FPAGE figures / $MPAGE meetings on both stores"
printf '\n%-44s %12s %12s %8s\n' "request" "small r/s" "big r/s" "ratio"
report() { # NAME SMALL_PATH BIG_PATH
    local s b
    s=$(rps "http://127.0.0.1:$PORT_small$2")
    b=$(rps "http://127.0.0.1:$PORT_big$3")
    awk -v n="$1" -v s="$s" -v b="$b" 'BEGIN { printf "%-44s %12d %12d %7.2fx\n", n, s, b, (s > 0 ? b / s : 0) }'
    awk -v n="$1" -v s="$s" -v b="$b" 'BEGIN { printf "%s|%.4f\n", n, (s > 0 ? b / s : 0) }' >>"$TMP/ratios"
}
report "filtered, sorted first page (figures)" "$FIRST" "$FIRST"
report "10,000th keyset page (vs the first page)" "/v1/figures?sort=-value&limit=$FPAGE" "$DEEP"
report "filtered, sorted first page (meetings)" "$MEET" "$MEET"
RSS=$(awk '/VmHWM/ {print $2}' "/proc/$PID_big/status")
echo
echo "peak RSS of the daemon on the big store: $((RSS / 1024)) MiB (store file $(($(stat -c %s "$BIG") / 1048576)) MiB)"
echo
echo "goals (docs/performance.md; the big store against the curated one in this run):"
while IFS='|' read -r name r; do
    printf '  %-58s %-16s %s\n' "$name >= 0.5x" "$(printf '%.2fx' "$r")" \
        "$(awk -v v="$r" 'BEGIN {print (v >= 0.5) ? "met" : "NOT MET"}')"
done <"$TMP/ratios"
printf '  %-58s %-16s %s\n' "memory bounded: daemon peak RSS on the big store" "$((RSS / 1024)) MiB" \
    "$([ "$RSS" -le 262144 ] && echo "met (<= 256 MiB)" || echo "NOT MET (> 256 MiB)")"
