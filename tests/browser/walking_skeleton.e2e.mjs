// The walking skeleton end to end: the real muamala-server (web client embedded) on an ephemeral
// port with a fresh database, Debian's Chromium headless through playwright-core, and a person's
// first steps: type a civil ID, see the page judge it, ask the server, switch to Arabic.
//
// The app draws on a canvas, so there is no DOM to query: it publishes window.muamalaTest, the
// labelled widgets of its last frame with their rectangles (client/test_hook.h), and this test
// clicks and reads by those stable ids.
//
// Usage: node walking_skeleton.e2e.mjs --server PATH [--chromium PATH] [--artifacts DIR]
// Exits 0 when every step passed; otherwise prints the failed step and exits 1 (2: bad usage).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// [SECTION] Settings
// [SECTION] Server
// [SECTION] Page helpers
// [SECTION] The walk

// [SECTION] Settings ------------------------------------------------------------------------------
const here = dirname(fileURLToPath(import.meta.url));
let options;
try {
  ({ values: options } = parseArgs({
    options: {
      server: { type: 'string' },
      chromium: { type: 'string', default: '/usr/bin/chromium' },
      artifacts: { type: 'string', default: join(here, 'artifacts') },
    },
  }));
  if (!options.server) throw new Error('--server PATH is required');
} catch (error) {
  console.error(`walking_skeleton: ${error.message}\nusage: node walking_skeleton.e2e.mjs --server PATH [--chromium PATH] [--artifacts DIR]`);
  process.exit(2);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.error('walking_skeleton: playwright-core is missing; run scripts/setup.sh (it runs npm ci in tests/browser)');
  process.exit(1);
}

// What SwiftShader needs to give headless Chromium WebGL 2 without a GPU, and what keeps the
// browser from calling home during a test (TOOLCHAIN.md). playwright-core adds --headless and
// --no-sandbox itself, and a throwaway profile.
const chromiumArgs = [
  '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const VALID_CIVIL_ID = '280010101234';            // 1980-01-01, serial 0123, check digit 4
const VALID_CIVIL_ID_ARABIC = '٢٨٠٠١٠١٠١٢٣٤';   // the same in Arabic-Indic digits, as pasted from Arabic text
const SHORT_CIVIL_ID = '12345';
const STARTUP_TIMEOUT_MS = 30_000;                // the wasm compiles and SwiftShader warms up
const STEP_TIMEOUT_MS = 10_000;

// [SECTION] Server --------------------------------------------------------------------------------
// Started with --port 0: the server binds a free port itself and names it on standard error, so
// there is no window in which another process could take a port picked in advance.
async function startServer(workDir) {
  const server = spawn(options.server, ['--bind', '127.0.0.1', '--port', '0', '--db', join(workDir, 'muamala.db')],
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
  return { server, baseUrl, stderr: () => stderr };
}

async function waitForHealth(baseUrl) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.status === 200) return;
    } catch { /* not accepting yet */ }
    if (Date.now() > deadline) throw new Error(`${baseUrl}/api/v1/health did not answer 200 within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => server.kill('SIGKILL'), 5_000);
    server.on('exit', () => { clearTimeout(killer); resolve(); });
    server.kill('SIGTERM');
  });
}

// [SECTION] Page helpers --------------------------------------------------------------------------
// Console errors, uncaught exceptions and failed requests fail the run, except those a step says it
// causes on purpose. One kind is always expected: Chromium reports every HTTP error status of a
// fetch() on the console, and the 422 answers are the point.
const problems = {
  found: [],
  expected: [/status of 422 .*\(.*\/api\/v1\/validate\)$/],
  report(text) { if (!this.expected.some((pattern) => pattern.test(text))) this.found.push(text); },
};
function watchPage(page) {
  page.on('pageerror', (error) => problems.report(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.report(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('requestfailed', (request) => problems.report(`request failed: ${request.url()} ${request.failure()?.errorText}`));
}

const item = (page, id) => page.evaluate((id) => window.muamalaTest?.items.find((entry) => entry.id === id) ?? null, id);

// Waits until widget `id` shows `text` exactly, or (`including`) somewhere in its text. Compared
// as seen: the app wraps inserted values (IDs, dates) in invisible bidi isolates (client/i18n.h).
async function shows(page, id, text, { including = false } = {}) {
  try {
    await page.waitForFunction(({ id, text, including }) => {
      const found = window.muamalaTest?.items.find((entry) => entry.id === id);
      if (found === undefined) return false;
      const seen = found.text.replace(/[\u2066-\u2069]/g, '');
      return including ? seen.includes(text) : seen === text;
    }, { id, text, including }, { timeout: STEP_TIMEOUT_MS });
  } catch {
    const found = await item(page, id);
    throw new Error(`"${id}" never showed ${including ? 'text including ' : ''}${JSON.stringify(text)}; ` +
                    `it shows ${found ? JSON.stringify(found.text) : 'nothing'}`);
  }
}

// Clicks the middle of widget `id`. The hook describes the last frame drawn, and input is taken a
// frame or more after it arrives, so a click waits for the app to settle before (the rectangle is
// current) and after (what the click caused is on screen, or at least under way).
async function click(page, id) {
  await settle(page);
  const found = await item(page, id);
  if (!found) throw new Error(`no "${id}" on screen to click`);
  await page.mouse.click(found.x + found.w / 2, found.y + found.h / 2);
  await settle(page);
}

// Keys reach a field once ImGui has made it active, and its shortcuts (Ctrl+A) once their key
// route is in place, a frame later. A person never types that fast; a test waits until the field is
// active and the app has stopped drawing.
async function waitUntilActive(page, id) {
  try {
    await page.waitForFunction((id) => window.muamalaTest?.items.find((entry) => entry.id === id)?.active === true,
                               id, { timeout: STEP_TIMEOUT_MS });
  } catch {
    throw new Error(`"${id}" never became active (focused for typing)`);
  }
  await settle(page);
}

// Waits until no frame has been drawn for 100 ms: everything the last input caused is on screen.
async function settle(page) {
  let frame = await page.evaluate(() => window.muamalaTest.frame);
  for (const deadline = Date.now() + STEP_TIMEOUT_MS; Date.now() < deadline;) {
    await page.waitForTimeout(100);
    const now = await page.evaluate(() => window.muamalaTest.frame);
    if (now === frame) return;
    frame = now;
  }
  throw new Error('the app kept drawing frames for 10 s (an animation that never ends, or a request never answered)');
}

async function replaceFieldText(page, text) {
  await click(page, 'civil-id-input');
  await waitUntilActive(page, 'civil-id-input');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await shows(page, 'civil-id-input', '');
  await page.keyboard.type(text);
  await shows(page, 'civil-id-input', text);
}

// What the browser's paste event delivers when a person pastes: the app reads it from the event.
async function paste(page, text) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function screenshot(page, name) {
  mkdirSync(options.artifacts, { recursive: true });
  const path = join(options.artifacts, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

// [SECTION] The walk ------------------------------------------------------------------------------
const steps = [];
async function step(name, action) {
  const started = Date.now();
  await action();
  steps.push(name);
  console.log(`ok ${steps.length} - ${name} (${Date.now() - started} ms)`);
}
const assert = (condition, message) => { if (!condition) throw new Error(message); };
const near = (a, b) => Math.abs(a - b) <= 2;  // CSS pixels

async function openApp(browser, baseUrl, contextOptions) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  watchPage(page);
  await page.goto(baseUrl);
  await page.waitForFunction(() => window.muamalaTest?.ready === true, null, { timeout: STARTUP_TIMEOUT_MS });
  return page;
}

async function walk(running) {
  const browser = await chromium.launch({ executablePath: options.chromium, headless: true, args: chromiumArgs });
  try {
    // A laptop, in English.
    const page = await openApp(browser, running.baseUrl, { viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: running.baseUrl });

    await step('the page starts in English with its title', async () => {
      await shows(page, 'title', 'Muamala — residency and licence transactions');
      assert(await page.evaluate(() => document.documentElement.lang === 'en' && document.documentElement.dir === 'ltr'),
             '<html> should say lang="en" dir="ltr"');
    });

    await step('a valid civil ID is judged valid as it is typed', async () => {
      await replaceFieldText(page, VALID_CIVIL_ID);
      await shows(page, 'civil-id-hint', 'This civil ID number is valid', { including: true });
    });

    await step('the server accepts it', async () => {
      await click(page, 'check-button');
      await shows(page, 'server-answer', `The server accepted civil ID ${VALID_CIVIL_ID}.`);
      console.log(`   screenshot ${await screenshot(page, 'walking_skeleton-en-accepted')}`);
    });

    await step('nothing is redrawn while nothing happens', async () => {
      const before = await page.evaluate(() => window.muamalaTest.frame);
      await page.waitForTimeout(1_000);
      const after = await page.evaluate(() => window.muamalaTest.frame);
      assert(after === before, `the app drew ${after - before} frames in a second of idleness`);
    });

    await step('Ctrl+C in the field copies to the system clipboard', async () => {
      await click(page, 'civil-id-input');
      await waitUntilActive(page, 'civil-id-input');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Control+C');
      try {
        await page.waitForFunction(async (expected) => await navigator.clipboard.readText() === expected, VALID_CIVIL_ID,
                                   { timeout: STEP_TIMEOUT_MS });
      } catch {
        throw new Error(`the clipboard holds ${JSON.stringify(await page.evaluate(() => navigator.clipboard.readText()))}`);
      }
    });

    await step('a short civil ID gets the hint while typing and the server\'s 422 after the check', async () => {
      await replaceFieldText(page, SHORT_CIVIL_ID);
      await shows(page, 'civil-id-hint', 'Enter the civil ID as 12 digits');
      await click(page, 'check-button');
      await shows(page, 'server-answer', 'The server did not accept this civil ID:\nEnter the civil ID as 12 digits');
      await shows(page, 'error-summary-title', 'There is a problem');
      await shows(page, 'civil-id-input', SHORT_CIVIL_ID);  // what was typed is kept
      console.log(`   screenshot ${await screenshot(page, 'walking_skeleton-en-rejected')}`);
    });

    await step('the error summary link and a paste of Arabic-Indic digits fix the field', async () => {
      await click(page, 'error-summary-civil-id');
      await waitUntilActive(page, 'civil-id-input');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await paste(page, VALID_CIVIL_ID_ARABIC);
      await shows(page, 'civil-id-input', VALID_CIVIL_ID_ARABIC);
      await shows(page, 'civil-id-hint', 'This civil ID number is valid', { including: true });
      assert(await item(page, 'error-summary-title') === null, 'the error summary should go once the number is valid');
    });

    await step('switching to Arabic mirrors the page and the server answers in Arabic', async () => {
      await click(page, 'language-toggle');
      await shows(page, 'title', 'معاملة — معاملات الإقامة والرخص');
      assert(await page.evaluate(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl'),
             '<html> should say lang="ar" dir="rtl"');
      const [title, input, toggle] = await Promise.all(['title', 'civil-id-input', 'language-toggle'].map((id) => item(page, id)));
      assert(near(title.x + title.w, input.x + input.w), `title and field should share a right edge (${title.x + title.w} vs ${input.x + input.w})`);
      assert(input.x > 1280 / 2, `the field should sit on the right half in Arabic (x=${input.x})`);
      assert(toggle.x + toggle.w < 1280 / 2, `the language switch should sit on the left in Arabic (x=${toggle.x})`);
      assert(toggle.text === 'English', `the switch should offer English, not ${toggle.text}`);
      await click(page, 'check-button');
      await shows(page, 'server-answer', `قبل الخادم الرقم المدني ${VALID_CIVIL_ID}.`);
      console.log(`   screenshot ${await screenshot(page, 'walking_skeleton-ar-accepted')}`);
    });

    await step('the canvas follows the window when it is resized', async () => {
      await page.setViewportSize({ width: 900, height: 700 });
      const expectedRight = 900 - (900 - 640) / 2;  // the 640 px column, centred
      await page.waitForFunction((right) => {
        const input = window.muamalaTest.items.find((entry) => entry.id === 'civil-id-input');
        return Math.abs(input.x + input.w - right) <= 2;
      }, expectedRight, { timeout: STEP_TIMEOUT_MS });
      assert(await page.evaluate(() => { const c = document.getElementById('canvas'); return c.width === 900 && c.height === 700; }),
             'the canvas backing store should be 900x700 at pixel ratio 1');
    });

    // A phone whose browser speaks Arabic, at twice the pixel density.
    const phone = await openApp(browser, running.baseUrl, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'ar-KW' });
    await step('an Arabic browser gets the Arabic page; Enter checks; the hook\'s rectangles hold at 2x pixels', async () => {
      await shows(phone, 'title', 'معاملة — معاملات الإقامة والرخص');
      await replaceFieldText(phone, SHORT_CIVIL_ID);
      await phone.keyboard.press('Enter');  // Enter in the field checks too
      await shows(phone, 'server-answer', 'لم يقبل الخادم هذا الرقم المدني:\nأدخل الرقم المدني من 12 رقمًا');
      await shows(phone, 'error-summary-title', 'هناك مشكلة');
      assert(await phone.evaluate(() => document.getElementById('canvas').width === 780), 'the canvas should be 780 device pixels wide');
      console.log(`   screenshot ${await screenshot(phone, 'walking_skeleton-ar-phone-rejected')}`);
    });

    await step('when the server is gone, the page says so plainly', async () => {
      problems.expected.push(/ERR_CONNECTION_REFUSED/);
      await stopServer(running.server);
      await click(phone, 'check-button');
      await shows(phone, 'server-answer', 'تعذّر الوصول إلى الخادم. تحقق من اتصالك وحاول مرة أخرى.');
    });

    await step('no console errors and no page errors', async () => {
      assert(problems.found.length === 0, problems.found.join('\n'));
    });
  } finally {
    await browser.close();
  }
}

const workDir = mkdtempSync(join(tmpdir(), 'muamala-e2e-'));
let running = null;
let failed = false;
try {
  running = await startServer(workDir);
  await waitForHealth(running.baseUrl);
  console.log(`server at ${running.baseUrl}`);
  await walk(running);
  console.log(`walking_skeleton: ${steps.length} steps passed`);
} catch (error) {
  failed = true;
  console.error(`not ok ${steps.length + 1} - ${error.message}`);
  if (running) console.error(`--- server standard error ---\n${running.stderr()}`);
} finally {
  if (running) await stopServer(running.server);
  rmSync(workDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
