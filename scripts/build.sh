#!/usr/bin/env bash
# Builds both trees: build/wasm (client, muamala-rules.js) first, because build/native embeds the
# client's dist/ folder into muamala-server. Usage: scripts/build.sh [Release|Debug]
set -euo pipefail
cd "$(dirname "$0")/.."
build_type=${1:-Release}

# Debian's emscripten needs Debian's node-acorn, which the machine's own node does not see.
export NODE_PATH=/usr/share/nodejs

emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
cmake --build build/wasm

cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE="$build_type" \
  -DMUAMALA_WEB_DIST="$PWD/build/wasm/dist" >/dev/null
cmake --build build/native
