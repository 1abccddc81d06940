// What every browser test shares: the real muamala-server on a fresh demo database and an
// ephemeral port, Debian's Chromium headless through playwright-core, and ways to read and drive
// the canvas app through window.muamalaTest (client/platform/test_hook.h): its labelled widgets with their
// rectangles, so tests click by stable ids, never by guessed pixels.
//
// A test file calls run(name, async (context) => { ... }) and uses step() for each thing it checks.
// Usage of every test file: node FILE --server PATH [--chromium PATH] [--artifacts DIR]
// Exit 0 when every step passed; otherwise the failed step is printed and the exit code is 1.
//
// [SECTION] Options
// [SECTION] Server
// [SECTION] Browser and page problems
// [SECTION] Reading and driving the app
// [SECTION] Signing in
// [SECTION] Running a test
import { spawn, execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// [SECTION] Options -------------------------------------------------------------------------------
const here = dirname(fileURLToPath(import.meta.url));

function readOptions(name, extra) {
  try {
    const { values } = parseArgs({
      options: {
        server: { type: 'string' },
        chromium: { type: 'string', default: '/usr/bin/chromium' },
        artifacts: { type: 'string', default: join(here, 'artifacts') },
        ...extra,
      },
    });
    if (!values.server) throw new Error('--server PATH is required');
    return values;
  } catch (error) {
    console.error(`${name}: ${error.message}\nusage: node ${name}.e2e.mjs --server PATH [--chromium PATH] [--artifacts DIR]`);
    process.exit(2);
  }
}

// What SwiftShader needs to give headless Chromium WebGL 2 without a GPU, and what keeps the
// browser from calling home during a test (its background networking and component updates reach
// for the internet, which a closed test machine refuses, many times over). playwright-core adds
// --headless and --no-sandbox itself, and a throwaway profile.
const chromiumArgs = [
  '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const STARTUP_TIMEOUT_MS = 30_000;  // the wasm compiles and SwiftShader warms up
export const STEP_TIMEOUT_MS = 10_000;

// [SECTION] Server --------------------------------------------------------------------------------
// The demo registry the app was designed around: the first account (Fatima Al-Mutairi) has a
// husband whose residency expires in 30 days, a son whose licence expires in 40 days, a daughter and
// a newborn, so every transaction is on offer (README, "Demo sign-ins").
// `demo: false` serves it as a real service would be served (no --demo: no test gateway, payments
// unavailable). No one can make a citizen's sign-in on a real registry yet, so the demo registry
// stands in for one, its demo mark removed (server/demo/demo_mark.h) with Debian's sqlite3.
function seed(serverPath, workDir, { demo }) {
  const database = join(workDir, 'muamala.db');
  const accountsFile = join(workDir, 'accounts.json');
  execFileSync(serverPath, ['seed-demo', '--db', database, '--households', '20', '--accounts', '3', '--accounts-out', accountsFile],
               { stdio: ['ignore', 'ignore', 'pipe'] });
  if (!demo) execFileSync('sqlite3', [database, 'DELETE FROM demo_mark'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return { database, accounts: JSON.parse(readFileSync(accountsFile, 'utf8')) };
}

// Started with --port 0: the server binds a free port itself and names it on standard error, so
// there is no window in which another process could take a port picked in advance. --demo: the
// database is seed-demo's, which the server serves only when told (with the test payment gateway).
export async function startServer(serverPath, database, { demo = false, extraArgs = [] } = {}) {
  const server = spawn(serverPath, ['--bind', '127.0.0.1', '--port', '0', '--db', database, ...(demo ? ['--demo'] : []), ...extraArgs],
                       { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not say where it listens within 10 s:\n${stderr}`)), 10_000);
    server.stderr.setEncoding('utf8');
    server.stderr.on('data', (chunk) => {
      stderr += chunk;
      const found = stderr.match(/serving (http:\/\/\S+?)\/?\s/);
      if (found) { clearTimeout(timer); resolve(found[1]); }
    });
    server.on('error', (error) => { clearTimeout(timer); reject(error); });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${stderr}`)); });
  });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).status === 200) break;
    } catch { /* not accepting yet */ }
    if (Date.now() > deadline) throw new Error(`${baseUrl}/api/v1/health did not answer 200 within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { process: server, baseUrl, stderr: () => stderr };
}

export function stopServer(server) {
  const child = server.process;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.on('exit', () => { clearTimeout(killer); resolve(); });
    child.kill('SIGTERM');
  });
}

// [SECTION] Browser and page problems -------------------------------------------------------------
// Console errors, uncaught exceptions and failed requests fail the run, except those a test says it
// causes on purpose. Chromium reports every HTTP error status of a fetch() on the console: the 401
// of GET /session when signed out is how the app learns it is, so it is always expected.
export const problems = {
  found: [],
  expected: [/status of 401 .*\/api\/v1\/session\)?$/],
  expect(pattern) { this.expected.push(pattern); },
  report(text) { if (!this.expected.some((pattern) => pattern.test(text))) this.found.push(text); },
};

function watchPage(page) {
  page.on('pageerror', (error) => problems.report(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.report(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('requestfailed', (request) => problems.report(`request failed: ${request.url()} ${request.failure()?.errorText}`));
}

// [SECTION] Reading and driving the app -----------------------------------------------------------
// The app wraps inserted values (IDs, dates) in invisible bidi isolates (client/text/i18n.h): text is
// compared as seen.
export const seen = (text) => text.replace(/[\u2066-\u2069]/g, '');

export const item = (page, id) => page.evaluate((id) => window.muamalaTest?.items.find((entry) => entry.id === id) ?? null, id);
export const items = (page, prefix) =>
  page.evaluate((prefix) => window.muamalaTest.items.filter((entry) => entry.id.startsWith(prefix)), prefix);
export const screen = (page) => page.evaluate(() => window.muamalaTest.screen);

// Waits until no frame has been drawn for 100 ms and no request is out: everything the last input
// caused is on screen.
export async function settle(page) {
  let frame = await page.evaluate(() => window.muamalaTest.frame);
  for (const deadline = Date.now() + STEP_TIMEOUT_MS; Date.now() < deadline;) {
    await page.waitForTimeout(100);
    const now = await page.evaluate(() => [window.muamalaTest.frame, window.muamalaTest.busy]);
    if (now[0] === frame && !now[1]) return;
    frame = now[0];
  }
  throw new Error('the app kept drawing frames for 10 s (an animation that never ends, or a request never answered)');
}

// Waits until widget `id` shows `text` exactly, or (`including`) somewhere in its text.
export async function shows(page, id, text, { including = false, timeout = STEP_TIMEOUT_MS } = {}) {
  try {
    await page.waitForFunction(({ id, text, including }) => {
      const found = window.muamalaTest?.items.find((entry) => entry.id === id);
      if (found === undefined) return false;
      const seen = found.text.replace(/[\u2066-\u2069]/g, '');
      return including ? seen.includes(text) : seen === text;
    }, { id, text, including }, { timeout });
  } catch {
    const found = await item(page, id);
    throw new Error(`"${id}" never showed ${including ? 'text including ' : ''}${JSON.stringify(text)}; ` +
                    `it shows ${found ? JSON.stringify(seen(found.text)) : 'nothing'}`);
  }
}

export async function textOf(page, id) {
  const found = await item(page, id);
  if (!found) throw new Error(`no "${id}" on screen`);
  return seen(found.text);
}

// Waits until the app shows the screen whose address is `fragment` ("#/household"), or one that
// starts with it (`prefix`: "#/pay/" for any payment).
export async function waitForScreen(page, fragment, { prefix = false, timeout = STEP_TIMEOUT_MS } = {}) {
  try {
    await page.waitForFunction(({ fragment, prefix }) => {
      const now = window.muamalaTest?.screen ?? '';
      return prefix ? now.startsWith(fragment) : now === fragment;
    }, { fragment, prefix }, { timeout });
  } catch {
    throw new Error(`the app never showed ${fragment}; it shows ${await screen(page)}`);
  }
  await settle(page);
}

// Scrolls the page with the mouse wheel, as a person would, until widget `id` is in the window.
export async function reveal(page, id) {
  const viewport = page.viewportSize();
  for (let attempt = 0; attempt < 40; ++attempt) {
    const found = await item(page, id);
    if (!found) throw new Error(`no "${id}" on screen`);
    if (found.y >= 0 && found.y + found.h <= viewport.height) return found;
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, found.y < 0 ? -300 : 300);
    await settle(page);
  }
  throw new Error(`could not scroll "${id}" into view`);
}

// Clicks the middle of widget `id`. The hook describes the last frame drawn, and input is taken a
// frame or more after it arrives, so a click waits for the app to settle before (the rectangle is
// current) and after (what the click caused is on screen), unless the click starts a request the
// test holds on purpose (`settleAfter: false`).
export async function click(page, id, { settleAfter = true } = {}) {
  await settle(page);
  const found = await reveal(page, id);
  await page.mouse.click(found.x + found.w / 2, found.y + found.h / 2);
  if (settleAfter) await settle(page);
}

// Keys reach a field once ImGui has made it active, and its shortcuts (Ctrl+A) once their key route
// is in place, a frame later: a test waits until the field is active and the app has stopped drawing.
export async function focus(page, id) {
  await click(page, id);
  try {
    await page.waitForFunction((id) => window.muamalaTest?.items.find((entry) => entry.id === id)?.active === true,
                               id, { timeout: STEP_TIMEOUT_MS });
  } catch {
    throw new Error(`"${id}" never became active (focused for typing)`);
  }
  await settle(page);
}

export async function clearField(page, id) {
  await focus(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await shows(page, id, '');
}

// Types as a keyboard does, key by key. Playwright's keyboard knows a US layout only and would
// insert other characters as an IME does (no key events, which a canvas never sees); those are
// sent as the key events an Arabic keyboard makes, through the DevTools protocol.
export async function typeKeys(page, text) {
  let cdp = null;
  for (const c of text) {
    if (/^[\x20-\x7e]$/.test(c)) {
      await page.keyboard.type(c);
      continue;
    }
    cdp ??= await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: c, text: c, unmodifiedText: c });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: c });
  }
  if (cdp) await cdp.detach();
}

// A password field reports one '*' per byte (client/platform/test_hook.h): `secret` expects that.
export async function typeInto(page, id, text, { secret = false } = {}) {
  await clearField(page, id);
  await typeKeys(page, text);
  await shows(page, id, secret ? '*'.repeat(Buffer.byteLength(text)) : text);
}

// What the browser's paste event delivers when a person pastes: the app reads it from the event.
export async function paste(page, text) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await settle(page);
}

let artifactsDir = null;
// Screenshots are kept for people to look at (tests/browser/artifacts/, git-ignored).
export async function screenshot(page, name, { settleFirst = true } = {}) {
  if (settleFirst) await settle(page);
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  console.log(`   screenshot ${path}`);
  return path;
}

// The app's own reading of the API, from inside the page: same origin, the session cookie goes by
// itself. For comparing what the server says with what the app shows.
export function api(page, method, path, { body, csrf = false, idempotencyKey } = {}) {
  return page.evaluate(async ({ method, path, body, csrf, idempotencyKey }) => {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (csrf) headers['X-CSRF-Token'] = (await (await fetch('api/v1/session')).json()).csrf_token;
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  }, { method, path, body, csrf, idempotencyKey });
}

// [SECTION] Signing in ----------------------------------------------------------------------------

// The current RFC 6238 code of a base32 secret (SHA-1, 30 s, 6 digits), as scripts/demo-code.sh.
// `step` 1 gives the next period's code, for a second sign-in of the same account within 30 s
// (the server accepts each period's code once).
export function totp(secret, step = 0) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30) + step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

// Signs in through the screens, as a person would: civil ID and password, then the code. She lands
// on the dashboard, or where she was going when sign-in came first (`landing`).
export async function signIn(page, account, { civilId = account.civil_id, code = totp(account.totp_secret), landing = '#/household' } = {}) {
  await waitForScreen(page, '#/sign-in');
  await typeInto(page, 'civil-id-input', civilId);
  await typeInto(page, 'password-input', account.password, { secret: true });
  await click(page, 'continue-button');
  await waitForScreen(page, '#/sign-in/code');
  await typeInto(page, 'code-input', code);
  await click(page, 'sign-in-button');
  await waitForScreen(page, landing);
}

// The household as the server states it, read through the API (the app's own session).
export async function household(page) {
  const { status, body } = await api(page, 'GET', 'api/v1/household');
  if (status !== 200) throw new Error(`GET /household answered ${status}`);
  return body;
}

export const memberOf = (householdJson, relation) => householdJson.members.find((member) => member.relation === relation);
export const documentOf = (member, type) => member.documents.find((document) => document.type === type);

// [SECTION] Running a test ------------------------------------------------------------------------
let stepCount = 0;
export async function step(name, action) {
  const started = Date.now();
  await action();
  ++stepCount;
  console.log(`ok ${stepCount} - ${name} (${Date.now() - started} ms)`);
}
export const assert = (condition, message) => { if (!condition) throw new Error(message); };

// Runs `test` with {options, server, accounts, browser, openApp(contextOptions), database} and exits.
// `database` is the server's SQLite file, for checking what the API does not show (who did what).
// `serving.demo` (default true): false serves the registry as a real service, without --demo.
// `serving.serverArgs(workDir)` gives more options for the server (a --rulebook file written there, say).
export async function run(name, test, extraOptions = {}, { demo = true, serverArgs = () => [] } = {}) {
  const options = readOptions(name, extraOptions);
  artifactsDir = options.artifacts;
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    console.error(`${name}: playwright-core is missing; run scripts/setup.sh (it runs npm ci in tests/browser)`);
    process.exit(1);
  }
  const workDir = mkdtempSync(join(tmpdir(), `muamala-${name}-`));
  let server = null, browser = null, failed = false;
  try {
    const { database, accounts } = seed(options.server, workDir, { demo });
    server = await startServer(options.server, database, { demo, extraArgs: serverArgs(workDir) });
    console.log(`${name}: server at ${server.baseUrl}`);
    browser = await chromium.launch({ executablePath: options.chromium, headless: true, args: chromiumArgs });
    const openApp = async (contextOptions, { path = '/' } = {}) => {
      const context = await browser.newContext(contextOptions);
      const page = await context.newPage();
      watchPage(page);
      await page.goto(server.baseUrl + path);
      await page.waitForFunction(() => window.muamalaTest?.ready === true, null, { timeout: STARTUP_TIMEOUT_MS });
      await settle(page);
      return page;
    };
    await test({ options, server, accounts, browser, openApp, database });
    await step('no console errors, page errors or failed requests but those caused on purpose', async () => {
      assert(problems.found.length === 0, problems.found.join('\n'));
    });
    console.log(`${name}: ${stepCount} steps passed`);
  } catch (error) {
    failed = true;
    console.error(`not ok ${stepCount + 1} - ${error.message}`);
    if (server) console.error(`--- server standard error ---\n${server.stderr()}`);
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server);
    rmSync(workDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}
