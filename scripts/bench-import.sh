#!/usr/bin/env bash
# Registry import and export (a benchmark, not a test): seeds a SYNTHETIC registry of HOUSEHOLDS
# households (default 100000), exports it as the registry file, imports that file into an empty
# database, imports it again (nothing to change), and imports a tenth of it, to show that memory
# does not grow with the file. Record the printed table in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
households=${HOUSEHOLDS:-100000}
[ -x build/native/server/muamala-server ] || ./scripts/build.sh >/dev/null
server=$PWD/build/native/server/muamala-server
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Wall-clock seconds, CPU seconds (user + system: what the command itself cost, however busy the
# shared machine was) and peak resident memory of one command, from GNU time.
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || true
  awk '{ printf "%.1f s | %.1f s | %.0f MB", $1, $2 + $3, $4 / 1024 }' "$work/time"
}

"$server" seed-demo --db "$work/seeded.db" --households "$households" --accounts 0 --history-months 0 2>/dev/null
export_cell=$(measure "$server" export-registry --db "$work/seeded.db" --to "$work/registry.jsonl")
head -n $((households / 10)) "$work/registry.jsonl" >"$work/tenth.jsonl"
lines=$(wc -l <"$work/registry.jsonl")
size=$(du -m "$work/registry.jsonl" | cut -f1)

echo "## $(date -u +%Y-%m-%d): $lines households ($size MB of JSON Lines), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
echo '| step | command | time | CPU time | peak memory |'
echo '|---|---|---|---|---|'
echo "| export | \`export-registry --db seeded.db --to registry.jsonl\` | $export_cell |"
echo "| import, empty database | \`import-registry --db new.db --from registry.jsonl\` | $(measure "$server" import-registry --db "$work/new.db" --from "$work/registry.jsonl") |"
tail -n 1 "$work/out" >&2
echo "| import again, nothing changes | \`import-registry --db new.db --from registry.jsonl\` | $(measure "$server" import-registry --db "$work/new.db" --from "$work/registry.jsonl") |"
tail -n 1 "$work/out" >&2
echo "| import a tenth, empty database | \`import-registry --db tenth.db --from tenth.jsonl\` | $(measure "$server" import-registry --db "$work/tenth.db" --from "$work/tenth.jsonl") |"
tail -n 1 "$work/out" >&2
