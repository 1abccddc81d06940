#!/usr/bin/env bash
# Benchmarks (not tests): builds both trees, then times one renewal evaluation natively (Google
# Benchmark) and in the wasm build under node, in the same run so their ratio is comparable on a
# noisy machine. Record the printed numbers in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
golden=tests/golden/rulebook.jsonl

echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(uname -m)"
native=$(build/native/bench/muamala-bench "$golden" --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true --benchmark_format=csv 2>/dev/null | grep '_median' )
wasm=$(node --no-experimental-fetch build/wasm/bench/muamala-bench-wasm.js "$golden")

native_eval=$(echo "$native" | awk -F, '/BM_EvaluateHusbandRenewal_median/ {printf "%.0f", $3}')
native_line=$(echo "$native" | awk -F, '/BM_AnswerDriverLine_median/ {printf "%.0f", $3}')
wasm_eval=$(echo "$wasm" | awk '/BM_EvaluateHusbandRenewal/ {print $3}')
wasm_line=$(echo "$wasm" | awk '/BM_AnswerDriverLine/ {print $3}')

printf '| measure | native (ns) | wasm under node (ns) | wasm / native |\n|---|---|---|---|\n'
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1fx", a / b}'; }
printf '| evaluate(), husband renewal | %s | %s | %s |\n' "$native_eval" "$wasm_eval" "$(ratio "$wasm_eval" "$native_eval")"
printf '| whole driver line (parse, evaluate, print) | %s | %s | %s |\n' "$native_line" "$wasm_line" "$(ratio "$wasm_line" "$native_line")"
