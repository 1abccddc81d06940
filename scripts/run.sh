#!/usr/bin/env bash
# The README's run command: sets up what is missing, builds, and starts the server on
# http://127.0.0.1:8080 with its embedded SQLite database in data/muamala.db.
# Extra arguments go to muamala-server (e.g. --port 9090).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
mkdir -p data
exec build/native/server/muamala-server --db data/muamala.db "$@"
