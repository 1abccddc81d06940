#!/usr/bin/env bash
# Runs every libFuzzer target for a long time (default one hour each), one after another, from the
# seed corpus plus what earlier runs found (build/fuzz-corpus/, kept between runs), and appends what
# each run did to tests/fuzz/RESULTS.md: date, seconds, executions, coverage (libFuzzer's "cov"
# edges and "ft" features), corpus size, and the findings (crash files, which stay in
# build/fuzz-findings/ for a test to be written from them).
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3600}
shift || true
./scripts/sanitize.sh 1 >/dev/null  # builds the tree (and checks the fuzzers start), one second each
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_rules_driver fuzz_wire_readers fuzz_normalizers fuzz_rulebook fuzz_routes)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1

results=tests/fuzz/RESULTS.md
[ -f "$results" ] || printf '# Fuzzing runs (scripts/fuzz.sh)\n\n| date | target | seconds | execs | execs/s | cov | ft | corpus | findings |\n|---|---|---|---|---|---|---|---|---|\n' >"$results"
for target in "${targets[@]}"; do
  corpus=build/fuzz-corpus/$target findings=build/fuzz-findings/$target
  mkdir -p "$corpus" "$findings"
  log=$(mktemp)
  set +e
  "build/sanitize/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$findings/" "$corpus" "tests/fuzz/corpus/$target" >"$log" 2>&1
  status=$?
  set -e
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log")
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  size=$(ls "$corpus" | wc -l)
  found=$(ls "$findings" | wc -l)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(date -u +%Y-%m-%d)" "$target" "$seconds" "${execs:-?}" \
    "${rate:-?}" "${cov:-?}" "${ft:-?}" "$size" "$([ $status -eq 0 ] && echo none || echo "exit $status, $found file(s)")" >>"$results"
  echo "$target: exit $status, ${execs:-?} execs, cov ${cov:-?}, $found finding(s)"
  [ $status -eq 0 ] || tail -40 "$log"
  rm -f "$log"
done
