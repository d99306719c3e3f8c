#!/usr/bin/env bash
# no-node.sh: the C build needs no Node. Copies the tracked tree into a temporary
# directory, runs `make build` there with node and npm off PATH, then checks that the
# dashboard went into no library, that bordercoopd serves the API and tells a browser the
# dashboard was not built. Loopback only, every wait bounded; stops the daemon it starts
# and removes the copy. `make test-no-node` runs it under `timeout`.
set -euo pipefail
cd "$(dirname "$0")/../.."
TMP=$(mktemp -d "${TMPDIR:-/tmp}/bc-no-node-XXXXXX")
PID=
cleanup() {
    if [ -n "$PID" ]; then
        kill "$PID" 2>/dev/null || true
        wait "$PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
fail() {
    echo "no-node: $*" >&2
    exit 1
}

# the tracked files as they are in the working tree (no build/, no node_modules)
mkdir "$TMP/src"
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$TMP/src"

# a PATH with every command of the current one but node, npm, npx and corepack
mkdir "$TMP/bin"
IFS=: read -r -a dirs <<<"$PATH"
for d in "${dirs[@]}"; do
    [ -d "$d" ] || continue
    for f in "$d"/*; do
        name=${f##*/}
        case "$name" in node | nodejs | npm | npx | corepack) continue ;; esac
        if [ -x "$f" ] && [ ! -e "$TMP/bin/$name" ]; then ln -s "$f" "$TMP/bin/$name"; fi
    done
done
for tool in node nodejs npm; do
    if PATH="$TMP/bin" command -v "$tool" >/dev/null 2>&1; then
        fail "$tool is still on the stripped PATH"
    fi
done

echo "no-node: make build with node and npm off PATH (a copy in $TMP/src)"
# WEB unset: the Makefile must find out by itself that there is no node
if ! env -u WEB PATH="$TMP/bin" make -C "$TMP/src" -j2 build >"$TMP/build.log" 2>&1; then
    tail -30 "$TMP/build.log"
    fail "make build failed without node"
fi
grep -q "without the dashboard" "$TMP/build.log" ||
    fail "the build did not say that it left the dashboard out"
[ ! -e "$TMP/src/web/node_modules" ] || fail "the build installed npm packages"
[ ! -e "$TMP/src/build/web" ] || fail "the build made build/web without node"

# the dashboard bundle belongs to the daemon only: the library defines no bc_web
R="$TMP/src/build/release"
[ -f "$R/libbordercoop.a" ] || fail "no libbordercoop.a"
# (nm into files: grep -q would close the pipe early, which pipefail counts as a failure)
nm "$R/bin/bordercoopd" >"$TMP/nm-daemon.txt"
nm "$R/libbordercoop.a" >"$TMP/nm-lib.txt" 2>/dev/null
grep -Eq ' [BDR] bc_web_count$' "$TMP/nm-daemon.txt" ||
    fail "bordercoopd defines no bc_web_count (is nm reading the right symbols?)"
if grep -Eq ' [BDRT] bc_web(_count)?$' "$TMP/nm-lib.txt"; then
    fail "libbordercoop.a defines bc_web: the dashboard is linked into the library"
fi

B="$R/bin"
"$B/bordercoop" load --data "$TMP/src/data" --db "$TMP/store.db" >/dev/null ||
    fail "bordercoop load failed"
"$B/bordercoopd" --db "$TMP/store.db" --listen 127.0.0.1:0 --ready-file "$TMP/ready" \
    --log-format off 2>"$TMP/daemon.log" &
PID=$!
for _ in $(seq 100); do
    [ -s "$TMP/ready" ] && break
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.1
done
[ -s "$TMP/ready" ] || {
    cat "$TMP/daemon.log"
    fail "the daemon did not start within 10 s"
}
PORT=$(cat "$TMP/ready")
URL="http://127.0.0.1:$PORT"

page=$(curl -s --max-time 10 -H 'Accept: text/html' "$URL/")
case "$page" in
*"dashboard was not built"*) ;;
*) fail "/ did not say that the dashboard was not built: ${page:0:300}" ;;
esac
status=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' "$URL/assets/index.js")
[ "$status" = 404 ] || fail "/assets/index.js answered $status, not 404"
status=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' "$URL/v1/meetings?limit=1")
[ "$status" = 200 ] || fail "/v1/meetings answered $status"
body=$(curl -s --max-time 10 "$URL/v1/provinces/Junnan")
case "$body" in
*'"id":"yunnan"'*) ;;
*) fail "/v1/provinces/Junnan did not find Yunnan: ${body:0:300}" ;;
esac
echo "no-node: built without node; / says the dashboard was not built, the API answers: ok"
