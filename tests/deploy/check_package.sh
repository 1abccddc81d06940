#!/usr/bin/env bash
# The Debian package that scripts/package.sh makes holds the server, the unit and the defaults file
# where the unit expects them, marks the defaults file as the administrator's (a conffile), depends on
# the shared libraries the binary really uses, and its server runs.
# Usage: check_package.sh NATIVE_BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; exit 1; }
deb=$(ls "$work"/out/*.deb)
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/muamala-server ./usr/lib/systemd/system/muamala.service ./etc/default/muamala; do
  grep -q " $path\$" <<<"$contents" || { echo "the package lacks $path" >&2; echo "$contents" >&2; exit 1; }
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/default/muamala \
  || { echo "/etc/default/muamala is not a conffile" >&2; exit 1; }
depends=$(dpkg-deb --field "$deb" Depends)
for library in libsqlite3 libsodium libqrencode libssl3; do
  grep -q "$library" <<<"$depends" || { echo "Depends lacks $library: $depends" >&2; exit 1; }
done
dpkg-deb --extract "$deb" "$work/root"
"$work/root/usr/bin/muamala-server" --help >/dev/null
echo "package ok: $(basename "$deb")"
