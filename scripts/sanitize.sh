#!/usr/bin/env bash
# The sanitizer tree, build/sanitize, with clang: the core and server tests run once under
# AddressSanitizer and UndefinedBehaviorSanitizer, then each libFuzzer target fuzzes briefly from its
# seed corpus (tests/fuzz/corpus/). Any finding fails. scripts/test.sh runs this after the main tree;
# scripts/fuzz.sh runs the fuzzers for hours.
# Usage: scripts/sanitize.sh [SECONDS_PER_FUZZER]   (default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}

# The server library needs a web client to embed only for the muamala-server binary, which this tree
# does not build: the test fixture stands in.
CC=clang-14 CXX=clang++-14 cmake -S . -B build/sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DMUAMALA_SANITIZE=ON -DMUAMALA_FUZZ_SECONDS="$seconds" \
  -DMUAMALA_WEB_DIST="$PWD/tests/server/web_fixture" >/dev/null
targets=(muamala_core_tests muamala_server_tests fuzz_rules_driver fuzz_wire_readers fuzz_normalizers fuzz_rulebook fuzz_routes)
cmake --build build/sanitize --target "${targets[@]}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Unit and server tests, and the fuzzers (label fuzz), one at a time: the machine has few cores.
ctest --test-dir build/sanitize --output-on-failure --timeout 900
