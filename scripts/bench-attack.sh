#!/usr/bin/env bash
# Attack figures for the HTTP edge (a benchmark, not a test): starts muamala-server on a free loopback
# port with an empty database, then, one after the other, with an ordinary client's health checks
# timed meanwhile (bench/edge_attack.py):
#   1. SLOW connections (default 500) trickling request headers a byte a second, from 50 addresses;
#   2. the same from one address (what the per-address cap is for);
#   3. one request line of 64 MB with no end.
# Prints one line per attack: health p50/p99/max and failures, the server's memory before and at
# its peak. Record them in BENCHMARKS.md. Usage: scripts/bench-attack.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
slow=${SLOW:-500}
seconds=${SECONDS_PER_ATTACK:-30}
[ "${1:-}" = "--no-build" ] || ./scripts/build.sh >/dev/null

server=${MUAMALA_SERVER:-build/native/server/muamala-server}
work=$(mktemp -d)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
# 500 sockets for the attacker, as many for the server: above the usual soft limit of 1024.
ulimit -n 8192

start_server() {
  "$server" --db "$work/bench.db" --port 0 >/dev/null 2>"$work/server.err" &
  pid=$!
  for _ in $(seq 100); do grep -q 'serving http' "$work/server.err" && break; sleep 0.1; done
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.err" | head -n 1 | sed 's/.*://')
}
stop_server() { kill "$pid"; wait "$pid" || true; pid=; }

echo "## $(date -u +%Y-%m-%d) $(git rev-parse --short HEAD): $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
start_server
echo "slow, $slow connections from 50 addresses, ${seconds} s: $(python3 bench/edge_attack.py slow --port "$port" --pid "$pid" --slow "$slow" --addresses 50 --seconds "$seconds")"
stop_server; start_server
echo "slow, $slow connections from one address, ${seconds} s: $(python3 bench/edge_attack.py slow --port "$port" --pid "$pid" --slow "$slow" --addresses 1 --seconds "$seconds")"
stop_server; start_server
echo "one 64 MB request line: $(python3 bench/edge_attack.py line --port "$port" --pid "$pid" --seconds "$seconds")"
