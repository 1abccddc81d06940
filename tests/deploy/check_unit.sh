#!/usr/bin/env bash
# The systemd unit passes `systemd-analyze verify` with nothing to say. verify exits 0 on an unknown
# key or a value it ignores (a typo such as "ProtectSytem=strict" would silently drop a protection),
# so any word from it fails the test. ExecStart must name a real executable: the built server stands
# in for /usr/bin/muamala-server.
# Usage: check_unit.sh UNIT SERVER_BINARY
set -euo pipefail
unit=$1 server=$2
if ! command -v systemd-analyze >/dev/null; then
  echo "systemd-analyze is missing (Debian: systemd)" >&2; exit 1
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
sed "s#/usr/bin/muamala-server#$server#" "$unit" >"$work/muamala.service"
grep -q "^ExecStart=$server " "$work/muamala.service" || { echo "ExecStart does not run /usr/bin/muamala-server" >&2; exit 1; }
set +e
said=$(systemd-analyze verify "$work/muamala.service" 2>&1); status=$?
set -e
if [ $status -ne 0 ] || [ -n "$said" ]; then
  echo "systemd-analyze verify (exit $status):" >&2; echo "$said" >&2; exit 1
fi
for required in 'DynamicUser=yes' 'StateDirectory=muamala' 'ProtectSystem=strict' 'NoNewPrivileges=yes' \
                'Restart=on-failure' 'UMask=0077' 'KillSignal=SIGTERM'; do
  grep -qx "$required" "$unit" || { echo "the unit lost $required" >&2; exit 1; }
done
echo "unit ok"
