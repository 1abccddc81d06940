#!/usr/bin/env bash
# Builds the Debian package: build/package/muamala_<version>_<arch>.deb, holding muamala-server (the
# web client inside it), its systemd unit and /etc/default/muamala. Install it on a Debian 12 host
# with `apt-get install ./muamala_*.deb`; README "Deploying for real" goes on from there.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh Release
cpack --config build/native/CPackConfig.cmake -B build/package >/dev/null
ls build/package/*.deb
