#!/usr/bin/env bash
# The citizen app's size and speed, measured, never tested: gzip sizes of what a browser
# downloads, and the time from navigation to the first usable frame in headless Chromium on
# localhost, median of several cold loads (a fresh browser context each: nothing cached). Prints
# Markdown rows for BENCHMARKS.md. Budgets: wasm + JS 450 KB gzip, fonts 250 KB gzip, 1.5 s.
#
# Usage: scripts/bench-client.sh [--no-build] [--loads N]
#   MUAMALA_WEB_DIST and MUAMALA_SERVER point at other build trees (default build/wasm/dist and
#   build/native/server/muamala-server, which scripts/build.sh makes).
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
loads=9
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --loads) loads="$2"; shift ;;
    *) echo "usage: $0 [--no-build] [--loads N]" >&2; exit 2 ;;
  esac
  shift
done
[ "$build" = 1 ] && ./scripts/build.sh >/dev/null
dist=${MUAMALA_WEB_DIST:-build/wasm/dist}
server=${MUAMALA_SERVER:-build/native/server/muamala-server}
[ -f "$dist/muamala.wasm" ] && [ -x "$server" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }

# [SECTION] Sizes: gzip -9, as the server stores them (server/assets/embed_web_assets.cmake).
gz() { local total=0; for f in "$@"; do total=$((total + $(gzip -9 -n -c "$f" | wc -c))); done; echo "$total"; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
code_files=("$dist/muamala.wasm" "$dist/muamala.js" "$dist/shell.js" "$dist/mirror.js" "$dist/index.html" "$dist/shell.css")
code_raw=$(cat "${code_files[@]}" | wc -c)
code_gz=$(gz "${code_files[@]}")
wasm_gz=$(gz "$dist/muamala.wasm")
fonts_raw=$(cat "$dist"/fonts/*.ttf | wc -c)
fonts_gz=$(gz "$dist"/fonts/*.ttf)

# [SECTION] Time to the first usable frame
# The page is usable when the sign-in form is drawn (window.muamalaTest.screen is "#/sign-in",
# client/platform/test_hook.h); for a person already signed in, when her household is drawn. An init script
# timestamps the hook's first publication of each with performance.now(), which counts from the
# navigation's start.
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
"$server" seed-demo --db "$workdir/bench.db" --households 5 --accounts 1 --accounts-out "$workdir/accounts.json" >/dev/null 2>&1
timings=$(MUAMALA_SERVER="$server" BENCH_DB="$workdir/bench.db" BENCH_ACCOUNTS="$workdir/accounts.json" BENCH_LOADS="$loads" \
  PLAYWRIGHT="$PWD/tests/browser/node_modules/playwright-core/index.mjs" node --input-type=module -e '
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
const { chromium } = await import(process.env.PLAYWRIGHT);

const server = spawn(process.env.MUAMALA_SERVER, ["--bind", "127.0.0.1", "--port", "0", "--db", process.env.BENCH_DB, "--demo"],
                     { stdio: ["ignore", "ignore", "pipe"] });
const base = await new Promise((resolve, reject) => {
  let text = "";
  server.stderr.setEncoding("utf8");
  server.stderr.on("data", (chunk) => { text += chunk; const found = text.match(/serving (http:\/\/\S+?)\/?\s/); if (found) resolve(found[1]); });
  server.on("exit", (code) => reject(new Error(`server exited with ${code}: ${text}`)));
});
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true,
  args: ["--disable-gpu", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const stamp = () => {
  let state;
  Object.defineProperty(window, "muamalaTest", { configurable: true, get: () => state, set: (value) => {
    state = value;
    window.firstFrame ??= performance.now();
    if (value.screen === "#/sign-in") window.signInDrawn ??= performance.now();
    if (value.screen === "#/household" && !value.busy && value.items.some((item) => item.id.startsWith("member-")))
      window.householdDrawn ??= performance.now();
  } });
};
async function load(contextOptions, mark) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  await page.addInitScript(stamp);
  await page.goto(base + "/");
  await page.waitForFunction((mark) => window[mark] !== undefined, mark, { timeout: 30000 });
  const times = await page.evaluate((mark) => [window.firstFrame, window[mark]], mark);
  await context.close();
  return times;
}

// A signed-in visitor: one sign-in through the API, its cookie reused by every cold load.
const account = JSON.parse(readFileSync(process.env.BENCH_ACCOUNTS, "utf8"))[0];
const totp = (secret) => {
  let bits = "";
  for (const c of secret) bits += "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c).toString(2).padStart(5, "0");
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000)));
  const mac = createHmac("sha1", Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)))).update(counter).digest();
  return String((mac.readUInt32BE(mac[19] & 15) & 0x7fffffff) % 1e6).padStart(6, "0");
};
const signing = await browser.newContext();
const post = (path, body) => signing.request.post(base + path, { data: body });
await post("/api/v1/session", { civil_id: account.civil_id, password: account.password });
await post("/api/v1/session/verify", { code: totp(account.totp_secret) });
const signedIn = await signing.storageState();

const loads = Number(process.env.BENCH_LOADS);
const results = { first: [], signIn: [], household: [] };
await load({}, "signInDrawn");  // warms the server and the OS file cache, not the browser: discarded
for (let i = 0; i < loads; ++i) {
  const [first, signIn] = await load({}, "signInDrawn");
  results.first.push(first);
  results.signIn.push(signIn);
  results.household.push((await load({ storageState: signedIn }, "householdDrawn"))[1]);
}
const median = (values) => { const sorted = [...values].sort((a, b) => a - b); return sorted[Math.floor(sorted.length / 2)]; };
const range = (values) => `${Math.round(Math.min(...values))}-${Math.round(Math.max(...values))}`;
for (const [name, values] of Object.entries(results)) console.log(`${name} ${Math.round(median(values))} ${range(values)}`);
await browser.close();
server.kill("SIGTERM");
')

median_of() { echo "$timings" | awk -v n="$1" '$1 == n { print $2 }'; }
range_of() { echo "$timings" | awk -v n="$1" '$1 == n { print $3 }'; }
within() { awk -v v="$1" -v b="$2" 'BEGIN { print (v <= b) ? "within" : "OVER" }'; }

echo "## $(date -u +%Y-%m-%d) on $(nproc) cores, $(uname -m), headless Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}') (SwiftShader), $loads cold loads"
printf '| measure | value | budget | |\n|---|---|---|---|\n'
printf '| wasm + JS + page, gzip (raw) | %s (%s) | 450 KB | %s |\n' "$(kb "$code_gz")" "$(kb "$code_raw")" "$(within "$code_gz" 460800)"
printf '| of which muamala.wasm, gzip | %s | | |\n' "$(kb "$wasm_gz")"
printf '| fonts, 4 subset Noto faces, gzip (raw) | %s (%s) | 250 KB | %s |\n' "$(kb "$fonts_gz")" "$(kb "$fonts_raw")" "$(within "$fonts_gz" 256000)"
printf '| navigation to first frame, median (range) | %s ms (%s) | | |\n' "$(median_of first)" "$(range_of first)"
printf '| navigation to usable sign-in form, median (range) | %s ms (%s) | 1500 ms | %s |\n' "$(median_of signIn)" "$(range_of signIn)" "$(within "$(median_of signIn)" 1500)"
printf '| navigation to household drawn, signed in, median (range) | %s ms (%s) | | |\n' "$(median_of household)" "$(range_of household)"
