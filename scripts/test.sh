#!/usr/bin/env bash
# The README's test command: sets up what is missing, builds both trees, runs every test through
# ctest (unit, golden vectors, wasm/native parity, server over HTTP, browser end to end), then the
# sanitizer tree (ASan and UBSan, and the fuzzers).
# Exits non-zero if anything fails. Browser screenshots land in tests/browser/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
ctest --test-dir build/native --output-on-failure --timeout 600
# The core and server tests again under AddressSanitizer and UndefinedBehaviorSanitizer, and each
# fuzzer for 30 seconds (scripts/fuzz.sh runs them for hours).
./scripts/sanitize.sh 30
