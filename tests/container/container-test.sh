#!/usr/bin/env bash
# container-test.sh: build docker/Dockerfile for real with rootful podman (no Docker engine,
# no Docker Hub: the base image is debootstrapped from the Debian mirror apt already uses)
# and prove the image serves: writable, --read-only, and read-only with a named volume at
# /data as docker/compose.yaml runs it. Root only. See /work/shared/CONTAINERS.md.
#
#   tests/container/container-test.sh           build, run, check, clean up
#   tests/container/container-test.sh --clean   delete the cache (base tarball, build cache)
#   tests/container/container-test.sh --fresh-machine
#                                               the README's two commands on a fresh Debian 12:
#                                               a clean clone of HEAD in a bookworm container with
#                                               only build-essential, git and curl added; `make
#                                               test` must pass, then `make run` must serve
#                                               /v1/meetings with sources (make fresh-machine-test)
#
# Cache (outside the clone): $BORDERCOOP_CONTAINER_CACHE, default /var/cache/bordercoop-container
#   base.tar   the debootstrapped bookworm minbase (rebuilt after BORDERCOOP_BASE_MAX_AGE_DAYS)
#   storage/   podman's storage: the imported base image and the layer cache of the last
#              build (like Docker's build cache); layers of earlier builds are pruned.
# BORDERCOOP_CONTAINER_NO_CACHE=1 builds in a per-run storage that is deleted afterwards
# (only the base tarball is reused). Every run removes the containers, volumes and the
# bordercoop image it creates, also when it fails.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${BORDERCOOP_CONTAINER_CACHE:-/var/cache/bordercoop-container}
NO_CACHE=${BORDERCOOP_CONTAINER_NO_CACHE:-0}
BASE_MAX_AGE_DAYS=${BORDERCOOP_BASE_MAX_AGE_DAYS:-30}
WAIT=${BORDERCOOP_CONTAINER_WAIT:-30}          # seconds for a container to answer /healthz
BUILD_TIMEOUT=${BORDERCOOP_BUILD_TIMEOUT:-1200}
RUNROOT=/run/bordercoop-container               # podman's run state (fixed: libpod checks it)
BASE_IMAGE=localhost/bookworm-minbase:latest
IMAGE=localhost/bordercoop:test
SUITE=bookworm
TAG=bc-test-$$

T0=$SECONDS
say() { printf '== %s\n' "$*"; }
fail() { printf 'container-test: FAILED: %s\n' "$*" >&2; exit 1; }
elapsed() { echo "$((SECONDS - $1))s"; }

[ "$(id -u)" = 0 ] || fail "run as root (rootful podman, debootstrap)"

# ---- podman configuration -------------------------------------------------------------
# configure WORK (containers.conf, storage.conf) with storage under STORE; sets the env
configure() {
    local work=$1 store=$2 run=$3
    mkdir -p "$work" "$store" "$run"
    # runc: crun fails on this host's hybrid cgroups; explicit ulimits: the sandbox may not
    # raise nofile/nproc to podman's default; own network config dir: `system reset` must not
    # touch the host's /etc/containers/networks; file events: there may be no journald
    cat >"$work/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$(ulimit -Hn):$(ulimit -Hn)", "nproc=$(cat /proc/sys/kernel/pid_max):$(cat /proc/sys/kernel/pid_max)"]
[network]
network_config_dir = "$store/networks"
[engine]
runtime = "runc"
events_logger = "file"
tmp_dir = "$run/libpod"
EOF
    cat >"$work/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$store"
runroot = "$run/storage"
EOF
    export CONTAINERS_CONF=$work/containers.conf CONTAINERS_STORAGE_CONF=$work/storage.conf
}

if [ "${1:-}" = --clean ]; then
    if [ -d "$CACHE" ]; then
        if command -v podman >/dev/null && [ -d "$CACHE/storage" ]; then
            configure "$CACHE" "$CACHE/storage" "$RUNROOT"
            podman system reset -f >/dev/null 2>&1 || true
        fi
        rm -rf "$CACHE" "$RUNROOT"
    fi
    echo "container-test: cache removed ($CACHE)"
    exit 0
fi

# ---- tools (installed only when missing) ------------------------------------------------
missing=()
for p in podman debootstrap runc curl; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep 'install ok installed' >/dev/null || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # podman with its recommends (as CONTAINERS.md does), runc without
    inst() { timeout 900 apt-get install -y "$@" || { timeout 300 apt-get update && timeout 900 apt-get install -y "$@"; }; }
    pod=() other=()
    for p in "${missing[@]}"; do case $p in podman | debootstrap) pod+=("$p") ;; *) other+=("$p") ;; esac; done
    [ ${#pod[@]} -eq 0 ] || inst "${pod[@]}" >/dev/null
    [ ${#other[@]} -eq 0 ] || inst --no-install-recommends "${other[@]}" >/dev/null
fi
mkdir -p "$CACHE"
exec 9>"$CACHE/lock"
flock -w 900 9 || fail "another container-test holds $CACHE/lock"

# ---- the Debian mirror apt already uses -----------------------------------------------
# first URI serving SUITE: one-line sources.list entries, then deb822 *.sources (URIs:)
mirror_for() {
    local suite=$1 f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk -v s="$suite" '$1 == "deb" {
            i = 2; if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
            if ($(i + 1) == s || $(i + 1) == s "/") { print $i; exit } }' "$f"
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk -v s="$suite" 'BEGIN { RS = ""; FS = "\n" } {
            types = uris = suites = ""; enabled = "yes"
            for (i = 1; i <= NF; i++) {
                if ($i ~ /^[ \t]*#/) continue
                k = tolower($i); sub(/:.*/, "", k); v = $i; sub(/^[^:]*:[ \t]*/, "", v)
                if (k == "types") types = v; else if (k == "uris") uris = v
                else if (k == "suites") suites = v; else if (k == "enabled") enabled = tolower(v)
            }
            if (enabled == "no" || (" " types " ") !~ / deb /) next
            if ((" " suites " ") ~ (" " s " ")) { split(uris, u, /[ \t]+/); print u[1]; exit }
        }' "$f"
    done
}
MIRROR=${BORDERCOOP_DEBIAN_MIRROR:-$(mirror_for "$SUITE" | head -n1)}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY=$(mirror_for "$SUITE-security" | head -n1)
echo "Debian mirror: $MIRROR${SECURITY:+ (security: $SECURITY)}"

# ---- the base image: debootstrap once, cache the tarball -------------------------------
BASE_TAR=$CACHE/base.tar
phase=$SECONDS
if [ -f "$BASE_TAR" ] && [ -n "$(find "$BASE_TAR" -mtime -"$BASE_MAX_AGE_DAYS")" ]; then
    echo "base tarball: cached ($BASE_TAR, $(du -h "$BASE_TAR" | cut -f1))"
else
    say "debootstrap --variant=minbase $SUITE (cached afterwards in $BASE_TAR)"
    rootfs=$(mktemp -d "$CACHE/rootfs.XXXXXX")
    trap 'rm -rf "$rootfs"' EXIT
    include=()
    case $MIRROR in https:*) include=(--include=ca-certificates) ;; esac
    timeout 900 debootstrap --variant=minbase "${include[@]}" "$SUITE" "$rootfs" "$MIRROR" \
        >"$CACHE/debootstrap.log" 2>&1 || { tail -n 30 "$CACHE/debootstrap.log"; fail "debootstrap"; }
    # what debian:bookworm-slim has: the suites it uses and the slim dpkg/apt settings, so
    # that the Dockerfile behaves (and the image weighs) as it does on the real base
    {
        echo "deb $MIRROR $SUITE main"
        echo "deb $MIRROR $SUITE-updates main"
        [ -z "$SECURITY" ] || echo "deb $SECURITY $SUITE-security main"
    } >"$rootfs/etc/apt/sources.list"
    cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/man/*
EOF
    cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
    echo 'Acquire::Languages "none";' >"$rootfs/etc/apt/apt.conf.d/docker-no-languages"
    printf 'Acquire::GzipIndexes "true";\nAcquire::CompressionTypes::Order:: "gz";\n' \
        >"$rootfs/etc/apt/apt.conf.d/docker-gzip-indexes"
    find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
    find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
    rm -rf "$rootfs"/usr/share/{man,info,groff,lintian,linda}/* "$rootfs"/var/cache/apt/archives/*.deb \
        "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log
    find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
    tar --numeric-owner -C "$rootfs" -cf "$BASE_TAR.tmp" . && mv -f "$BASE_TAR.tmp" "$BASE_TAR"
    rm -rf "$rootfs"
    trap - EXIT
    echo "base tarball: built in $(elapsed "$phase") ($(du -h "$BASE_TAR" | cut -f1))"
fi
T_BASE=$((SECONDS - phase))

# ---- storage: cached, or per run ---------------------------------------------------------
if [ "$NO_CACHE" = 1 ]; then
    W=$(mktemp -d /var/tmp/bordercoop-container.XXXXXX)
    configure "$W" "$W/storage" "$W/run"
else
    W=
    configure "$CACHE" "$CACHE/storage" "$RUNROOT"
fi

echo "podman $(podman version --format '{{.Client.Version}}'), runc $(runc --version | awk 'NR==1{print $3}')"

# nosd CMD...: run CMD without podman's complaint that it cannot reach systemd to schedule
# health checks (there is no systemd here; the checks are run on demand below)
nosd() { "$@" 2> >(grep -v 'unable to get systemd connection' >&2); }

# prune_stale: the build cache keeps the layers of this run's build only. Any untagged image
# the build log does not name (an earlier run's sources, an older Dockerfile) goes; the
# loop takes the parents that become dangling once their children are gone.
prune_stale() {
    local keep id gone=1
    keep=$(grep -o -- '--> \(Using cache \)\?[0-9a-f]\{11,\}' "$CACHE/build.log" 2>/dev/null |
        awk '{ print substr($NF, 1, 11) }' | sort -u)
    while [ $gone = 1 ]; do
        gone=0
        for id in $(podman images -a --filter dangling=true --format '{{.ID}}'); do
            grep -qx "${id:0:11}" <<<"$keep" && continue
            podman rmi "$id" >/dev/null 2>&1 && gone=1
        done
    done
}

CONTAINERS=() VOLUMES=()
cleanup() {
    local rc=$?
    set +e
    for c in "${CONTAINERS[@]}"; do nosd podman rm -f -t 0 "$c" >/dev/null 2>&1; done
    for v in "${VOLUMES[@]}"; do podman volume rm -f "$v" >/dev/null 2>&1; done
    podman rmi -f "$IMAGE" >/dev/null 2>&1
    if [ -n "$W" ]; then
        podman system reset -f >/dev/null 2>&1
        rm -rf "$W"
    else
        prune_stale
    fi
    left=$(podman ps -a --filter "name=^$TAG" --format '{{.Names}}' 2>/dev/null)
    [ -z "$left" ] || echo "container-test: WARNING: containers left behind: $left" >&2
    [ $rc = 0 ] || echo "container-test: FAILED after $((SECONDS - T0))s" >&2
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

phase=$SECONDS
stamp=$(stat -c %Y "$BASE_TAR")
if ! podman image exists "$BASE_IMAGE" || [ "$(cat "$CACHE/storage/base.stamp" 2>/dev/null)" != "$stamp" ] || [ -n "$W" ]; then
    podman rmi -f "$BASE_IMAGE" >/dev/null 2>&1 || true
    podman import --quiet --change 'CMD ["/bin/bash"]' "$BASE_TAR" "$BASE_IMAGE" >/dev/null
    [ -n "$W" ] || echo "$stamp" >"$CACHE/storage/base.stamp"
    echo "base image: imported in $(elapsed "$phase")"
else
    echo "base image: cached ($BASE_IMAGE)"
fi
T_IMPORT=$((SECONDS - phase))

# ---- fresh machine: the README's commands, nothing preinstalled but the three packages ----
if [ "${1:-}" = --fresh-machine ]; then
    say "fresh machine: clean clone of HEAD, bookworm + build-essential git curl, make test, make run"
    phase=$SECONDS
    SRC=$(mktemp -d /var/tmp/bordercoop-fresh.XXXXXX)
    trap 'rc=$?; rm -rf "$SRC"; (exit $rc); cleanup' EXIT
    git clone -q "$ROOT" "$SRC/src"
    CONTAINERS+=("$TAG-fresh")
    ca=()
    if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r "$NODE_EXTRA_CA_CERTS" ]; then
        ca=(-v "$NODE_EXTRA_CA_CERTS:/run/host-ca.crt:ro" -e NODE_EXTRA_CA_CERTS=/run/host-ca.crt)
    fi
    # host network (loopback ports only; no bridge, no iptables); the clone is the only mount
    if ! timeout "$BUILD_TIMEOUT" podman run --rm --name "$TAG-fresh" --network=host "${ca[@]}" \
        -v "$SRC/src:/src" "$BASE_IMAGE" bash -c '
            set -euo pipefail
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq && apt-get install -y -qq build-essential git curl >/dev/null
            cd /src
            make test
            echo "fresh-machine: make test passed"
            make run LISTEN=127.0.0.1:0 >/tmp/run.log 2>&1 &
            for _ in $(seq 600); do
                port=$(sed -n "s/.*(port \([0-9]*\),.*/\1/p" /tmp/run.log | head -1)
                [ -n "$port" ] && break
                sleep 0.5
            done
            [ -n "$port" ] || { cat /tmp/run.log; echo "fresh-machine: make run did not serve"; exit 1; }
            curl -sf "http://127.0.0.1:$port/v1/meetings" | grep "\"quote\":" >/dev/null ||
                { echo "fresh-machine: /v1/meetings has no sources"; exit 1; }
            echo "fresh-machine: make run serves /v1/meetings with sources on :$port"
            kill %1; wait || true
        ' 2>&1 | tee "$CACHE/fresh.log" | grep -E "^fresh-machine:|passed, |all passed|conform|FAILED"; then
        tail -n 40 "$CACHE/fresh.log"
        fail "fresh machine (full log: $CACHE/fresh.log)"
    fi
    grep -q "^fresh-machine: make run serves" "$CACHE/fresh.log" ||
        { tail -n 40 "$CACHE/fresh.log"; fail "fresh machine (full log: $CACHE/fresh.log)"; }
    echo "fresh-machine-test: passed in $(elapsed "$phase")"
    exit 0
fi

# ---- build --------------------------------------------------------------------------------
say "podman build -f docker/Dockerfile -t $IMAGE (log: $CACHE/build.log)"
phase=$SECONDS
sde=()
if sde_value=$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null) && [ -n "$sde_value" ]; then
    sde=(--build-arg "SOURCE_DATE_EPOCH=$sde_value")
fi
# npm in the build stage trusts what node on this host trusts: a TLS-inspecting proxy's CA
# (NODE_EXTRA_CA_CERTS here) is mounted into the build, never copied into a layer
ca=()
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r "$NODE_EXTRA_CA_CERTS" ]; then
    ca=(-v "$NODE_EXTRA_CA_CERTS:/run/host-ca.crt:ro" --build-arg NODE_EXTRA_CA_CERTS=/run/host-ca.crt)
fi
# docker format: the OCI format drops HEALTHCHECK; host network: no bridge, no iptables rules
# (each line of the log starts with the seconds since the build began)
if ! timeout "$BUILD_TIMEOUT" podman build --pull=never --network=host --format docker \
    --build-arg "BASE=$BASE_IMAGE" "${sde[@]}" "${ca[@]}" -f "$ROOT/docker/Dockerfile" -t "$IMAGE" "$ROOT" \
    2>&1 | while IFS= read -r line; do printf '%4ds %s\n' $((SECONDS - phase)) "$line"; done >"$CACHE/build.log"; then
    tail -n 40 "$CACHE/build.log"
    fail "podman build (full log: $CACHE/build.log)"
fi
T_BUILD=$((SECONDS - phase))
SIZE=$(podman image inspect --format '{{.Size}}' "$IMAGE")
echo "built in ${T_BUILD}s; image size $(numfmt --to=iec-i --suffix=B "$SIZE") ($SIZE bytes)"

# ---- run and check ---------------------------------------------------------------------------
free_port() {
    local used p
    used=$(ss -Htan | awk '{ n = split($4, a, ":"); print a[n] }' | sort -u)
    for _ in $(seq 200); do
        p=$((20000 + RANDOM % 40000))
        grep -qx "$p" <<<"$used" || { echo "$p"; return 0; }
    done
    return 1
}

# start NAME PORT [podman run options]: run the image on the host network, on 127.0.0.1:PORT
start() {
    local name=$TAG-$1 port=$2
    shift 2
    CONTAINERS+=("$name")
    nosd timeout 60 podman run -d --name "$name" --network=host \
        -e "BORDERCOOP_LISTEN=127.0.0.1:$port" "$@" "$IMAGE" >/dev/null ||
        fail "podman run $name"
}

running() { [ "$(podman inspect --format '{{.State.Running}}' "$1" 2>/dev/null)" = true ]; }

# wait_healthy NAME PORT: /healthz answers within WAIT seconds (and the container is up)
wait_healthy() {
    local name=$TAG-$1 url=http://127.0.0.1:$2/healthz deadline=$((SECONDS + WAIT))
    until curl -fsS -m 2 "$url" 2>/dev/null | grep '"status":"ok"' >/dev/null; do
        running "$name" || { podman logs "$name" 2>&1 | tail -n 20; fail "$name exited before answering"; }
        [ $SECONDS -lt $deadline ] || { podman logs "$name" 2>&1 | tail -n 20; fail "$name: no /healthz within ${WAIT}s"; }
        sleep 0.2
    done
}

# check_serves NAME PORT: liveness, readiness and a data endpoint, from the host
check_serves() {
    local name=$TAG-$1 base=http://127.0.0.1:$2 body
    body=$(curl -fsS -m 5 "$base/healthz") || fail "$name: GET /healthz"
    grep -q '"status":"ok"' <<<"$body" || fail "$name: /healthz says $body"
    body=$(curl -fsS -m 5 "$base/readyz") || fail "$name: GET /readyz"
    grep -q '"status":"ready"' <<<"$body" || fail "$name: /readyz says $body"
    body=$(curl -fsS -m 5 "$base/v1/meetings/jwg-yunnan-11") || fail "$name: GET /v1/meetings/jwg-yunnan-11"
    grep -q '"2025-10-30"' <<<"$body" || fail "$name: /v1/meetings/jwg-yunnan-11 lacks 2025-10-30"
    body=$(curl -fsS -m 5 -H 'Accept: text/html' "$base/") || fail "$name: GET / (the dashboard)"
    grep -qi '<html' <<<"$body" || fail "$name: / gives a browser no dashboard page"
    echo "$name: /healthz ok, /readyz ready, /v1/meetings/jwg-yunnan-11 has 2025-10-30, / serves the dashboard"
}

# check_health NAME: the image's HEALTHCHECK passes (run on demand: no systemd timers here)
check_health() {
    local name=$TAG-$1 status
    timeout 30 podman healthcheck run "$name" >/dev/null || fail "$name: podman healthcheck run"
    status=$(podman inspect --format '{{.State.Health.Status}}' "$name" 2>/dev/null ||
        podman inspect --format '{{.State.Healthcheck.Status}}' "$name" 2>/dev/null || true)
    [ -z "$status" ] || [ "$status" = healthy ] || fail "$name: health status '$status'"
    echo "$name: HEALTHCHECK ${status:-passed}"
}

# stop_clean NAME: SIGTERM, exit code 0 within the grace period
stop_clean() {
    local name=$TAG-$1 t=$SECONDS code
    nosd timeout 30 podman stop -t 10 "$name" >/dev/null || fail "podman stop $name"
    code=$(podman inspect --format '{{.State.ExitCode}}' "$name")
    [ "$code" = 0 ] || { podman logs "$name" 2>&1 | tail -n 20; fail "$name exited with $code after SIGTERM"; }
    podman logs "$name" 2>&1 | grep 'bordercoopd: stopped' >/dev/null || fail "$name: no clean shutdown in its log"
    echo "$name: stopped on SIGTERM in $(elapsed "$t"), exit code 0"
    nosd podman rm "$name" >/dev/null
}

phase=$SECONDS

# 1. as built: writable root file system, the store baked into the image
say "run: writable root file system"
P=$(free_port) || fail "no free port"
start rw "$P"
wait_healthy rw "$P"
check_serves rw "$P"
check_health rw
uid=$(podman exec "$TAG-rw" id -u)
[ "$uid" != 0 ] || fail "the daemon runs as root"
echo "$TAG-rw: runs as uid $uid"
for tool in cc gcc make node npm curl; do
    if podman exec "$TAG-rw" bash -c "command -v $tool" >/dev/null 2>&1; then
        fail "the runtime image holds $tool"
    fi
done
echo "$TAG-rw: no cc, gcc, make, node, npm or curl in the image"
stop_clean rw

# 2. --read-only: the store on read-only media, opened immutable
say "run: --read-only"
P=$(free_port) || fail "no free port"
start ro "$P" --read-only
wait_healthy ro "$P"
check_serves ro "$P"
check_health ro
# bordercoopd must notice the read-only media itself and say so (the image ships no -wal or
# -shm that would let SQLite limp along and fail only at the first write)
# (the log is read whole first: grep -q stopping early would SIGPIPE podman, and pipefail
# would turn that into a failure)
ro_log=$(podman logs "$TAG-ro" 2>&1)
grep -q 'read-only media: no ingest' <<<"$ro_log" ||
    fail "$TAG-ro: bordercoopd did not open the store immutable on a read-only root: $ro_log"
echo "$TAG-ro: store opened immutable by bordercoopd (read-only media: no ingest)"
stop_clean ro

# 3. as docker/compose.yaml runs it: read-only root, tmpfs /tmp, a new named volume at /data
#    (filled from the image's /data on first use) holding the store in WAL mode
say "run: --read-only with a named volume at /data (compose)"
P=$(free_port) || fail "no free port"
VOLUMES+=("$TAG-data")
start vol "$P" --read-only --tmpfs /tmp -v "$TAG-data:/data"
wait_healthy vol "$P"
check_serves vol "$P"
check_health vol
if podman logs "$TAG-vol" 2>&1 | grep 'read-only media' >/dev/null; then fail "$TAG-vol: store read-only on a volume"; fi
podman exec "$TAG-vol" test -w /data || fail "$TAG-vol: /data not writable by the daemon's user"
podman exec "$TAG-vol" test -s /data/bordercoop.db-shm || fail "$TAG-vol: SQLite did not set up the WAL -shm"
echo "$TAG-vol: volume filled from the image, store writable (WAL)"
stop_clean vol
T_RUN=$((SECONDS - phase))

echo
echo "container-test: passed in $((SECONDS - T0))s (base ${T_BASE}s, import ${T_IMPORT}s, build ${T_BUILD}s, runs ${T_RUN}s)"
echo "image $IMAGE: $(numfmt --to=iec-i --suffix=B "$SIZE") ($SIZE bytes)"
