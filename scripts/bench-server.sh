#!/usr/bin/env bash
# Server throughput (a benchmark, not a test): seeds a SYNTHETIC registry of HOUSEHOLDS households
# (default 100000), starts muamala-server on a free loopback port, signs a demo mother in, and loads
# three routes with wrk from a second process on this machine: the health check, the embedded web
# client's page, and the signed-in household (a registry read and a rules decision per offer).
# Record the printed numbers in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
households=${HOUSEHOLDS:-100000}
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
command -v wrk >/dev/null || $SUDO apt-get install -y -q wrk >/dev/null
./scripts/build.sh >/dev/null

server=build/native/server/muamala-server
work=$(mktemp -d)
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$server" seed-demo --db "$work/bench.db" --households "$households" --accounts 1 --accounts-out "$work/accounts.json"
"$server" --db "$work/bench.db" --port 0 --demo >/dev/null 2>"$work/server.err" &
pid=$!
for _ in $(seq 100); do grep -q 'serving http' "$work/server.err" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$work/server.err" | head -n 1)
url=${url%/}
cookie=$(node bench/household_load.mjs "$url" "$work/accounts.json")

echo "## $(date -u +%Y-%m-%d): $households households, $(nproc) cores; wrk -t2 -c16 -d10s on loopback"
printf '| route | requests/s | latency p50 | latency p99 |\n|---|---|---|---|\n'
for path in /api/v1/health / /api/v1/household; do
  report=$(wrk -t2 -c16 -d10s --latency -H "Cookie: $cookie" "$url$path")
  if echo "$report" | grep -q 'Non-2xx'; then echo "$path answered errors:"; echo "$report"; exit 1; fi
  rps=$(echo "$report" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$report" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$report" | awk '$1 == "99%" {print $2}')
  printf '| GET %s | %s | %s | %s |\n' "$path" "$rps" "$p50" "$p99"
done
