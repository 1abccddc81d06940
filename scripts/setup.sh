#!/usr/bin/env bash
# Installs everything Muamala needs on a Debian 12 (bookworm) machine. Idempotent: on a machine that
# is already set up it only checks, which takes seconds.
#
#   Debian packages   compilers, Emscripten, libraries, fonts, Chromium (for browser tests)
#   third_party/      library sources from Debian's source archive (git-ignored, never committed)
#   tests/browser/node_modules   playwright-core and @redocly/cli from npm (test tooling only)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

log() { printf '[setup] %s\n' "$*"; }

# --- Debian binary packages ------------------------------------------------------------------------
packages=(
  build-essential cmake ninja-build pkg-config curl ca-certificates xz-utils bzip2 gzip
  emscripten node-acorn
  libsqlite3-dev libsodium-dev libssl-dev libqrencode-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev nlohmann-json3-dev
  libfribidi-dev fonts-noto-core python3-fonttools
  chromium chromium-driver
  clang-14 libfuzzer-14-dev libclang-rt-14-dev  # the sanitizer tree and the fuzzers (scripts/sanitize.sh)
  systemd dpkg-dev  # the unit's check (systemd-analyze verify) and the Debian package (scripts/package.sh)
  sqlite3  # the staff browser test reads who recorded a transaction, which the API does not show
  openssl  # the TLS tests make a throwaway certificate
  nginx wrk  # the example reverse proxy in deploy/ is tested in front of the server; attack benchmarks
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

# deb-src entries: newer library sources come from Debian's source archive, as bookworm's binaries
# are older: imgui 1.90.1 and fribidi 1.0.16 from trixie, cpp-httplib 0.41.0 (which bounds the length
# of a request line) from sid. A file written by an older setup.sh lacks sid: it is rewritten.
src_list=/etc/apt/sources.list.d/muamala-deb-src.sources
src_suites="bookworm trixie sid"
need_update=0
if ! grep -qx "Suites: $src_suites" "$src_list" 2>/dev/null; then
  log "enabling deb-src entries ($src_suites) in $src_list"
  $SUDO tee "$src_list" >/dev/null <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $src_suites
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi
if [ ${#missing[@]} -gt 0 ] || [ "$need_update" -eq 1 ]; then
  log "apt-get update"
  $SUDO apt-get update -q
fi
if [ ${#missing[@]} -gt 0 ]; then
  log "installing: ${missing[*]}"
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- library sources into third_party/ -------------------------------------------------------------
# Each is unpacked from Debian's .orig tarball; a stamp file records the version so a re-run skips it.
# Each comes from the .orig tarball that Debian's source index lists, checked against the index's
# SHA-256 (apt-get source also wants the .dsc, which the mirror does not always serve). A stamp file
# records the version so a re-run skips it.
debian_mirror=http://deb.debian.org/debian
fetch_source() {  # name in third_party/, Debian source package, exact version
  local name=$1 package=$2 version=$3
  local dest="$root/third_party/$name"
  if [ -f "$dest/.muamala-version" ] && [ "$(cat "$dest/.muamala-version")" = "$version" ]; then
    return
  fi
  log "fetching $package $version source from Debian"
  local record directory line sha file work
  record=$(apt-cache showsrc "$package" | awk -v v="$version" '
    /^Package:/ {keep=0} /^Version:/ {keep=($2==v)} keep')
  # The same version can be listed by more than one suite (trixie and sid): its files are the same,
  # so the first record's are taken.
  directory=$(printf '%s\n' "$record" | awk '/^Directory:/ {print $2; exit}')
  line=$(printf '%s\n' "$record" | awk '/^Checksums-Sha256:/ {on=1; next} /^[^ ]/ {on=0} on && $3 ~ /\.orig\.tar\./ {print $1, $3; exit}')
  if [ -z "$directory" ] || [ -z "$line" ]; then
    echo "setup: Debian's source index has no $package $version (is deb-src enabled?)" >&2; exit 1
  fi
  sha=${line%% *}; file=${line##* }
  work=$(mktemp -d)
  curl -fsS -o "$work/$file" "$debian_mirror/$directory/$file"
  echo "$sha  $work/$file" | sha256sum -c --quiet -
  rm -rf "$dest"
  mkdir -p "$dest"
  tar -xf "$work/$file" -C "$dest" --strip-components=1
  echo "$version" >"$dest/.muamala-version"
  rm -rf "$work"
}
mkdir -p third_party
fetch_source imgui imgui 1.90.1+ds-1
fetch_source cpp-httplib cpp-httplib 0.41.0+ds-3
fetch_source fribidi fribidi 1.0.16-1

# --- npm test tooling ------------------------------------------------------------------------------
# playwright-core only drives Debian's /usr/bin/chromium; it never downloads a browser. @redocly/cli
# lints the server's OpenAPI document (ctest openapi.lint); it comes as one package with its
# dependencies bundled, and installs no scripts.
if [ -f tests/browser/package.json ]; then
  if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/@redocly/cli ] || \
     [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
    log "installing browser-test tooling (npm ci)"
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

log "ready"
