#!/usr/bin/env bash
# The README's run command: sets up what is missing, builds, seeds a SYNTHETIC demo registry on the
# first start (its passwords and TOTP secrets are random: they are in data/demo-accounts.json), prints
# the demo sign-ins, and serves http://127.0.0.1:8080 from data/muamala.db as a demo (--demo).
# Extra arguments go to muamala-server (e.g. --port 9090).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
server=build/native/server/muamala-server
if [ ! -f data/muamala.db ]; then
  "$server" seed-demo --db data/muamala.db --households 200 --accounts 5 --accounts-out data/demo-accounts.json
fi
if [ -f data/demo-accounts.json ]; then
  echo
  echo "Demo sign-ins (synthetic people; the code is the authenticator's 6 digits, or ./scripts/demo-code.sh CIVIL_ID):"
  node -e '
    for (const a of require(process.argv[1]))
      console.log(`  ${a.civil_id}  password ${a.password}  TOTP secret ${a.totp_secret}  (${a.name}, ${a.role})`);
  ' "$PWD/data/demo-accounts.json"
  echo
fi
exec "$server" --db data/muamala.db --demo "$@"
