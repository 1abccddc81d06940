// What the accessibility tests share (phone, screen_reader, keyboard): reading the DOM mirror and
// the accessibility tree Chromium builds from it, moving the focus with the keyboard, tapping and
// swiping with a finger, and looking at the pixels of the focus ring.
import { assert, item, settle, STEP_TIMEOUT_MS } from './harness.mjs';

// [SECTION] The mirror and the accessibility tree

// The mirror's element for item `id` (client/platform/mirror.h, web/mirror.js), as a locator.
export const mirrored = (page, id) => page.locator(`#mirror-items [data-id="${id}"]`).first();

// Chromium's accessibility tree as a screen reader gets it: every node that is not ignored, with
// its role, name, value, description and whether it is invalid or focused.
export async function accessibilityTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const property = (node, name) => node.properties?.find((each) => each.name === name)?.value?.value;
  return nodes.filter((node) => !node.ignored).map((node) => ({
    role: node.role?.value ?? '',
    name: (node.name?.value ?? '').replace(/[\u2066-\u2069]/g, ''),
    value: node.value?.value ?? '',
    description: node.description?.value ?? '',
    invalid: property(node, 'invalid') === 'true',
    level: property(node, 'level'),
    focused: property(node, 'focused') === true,
    live: property(node, 'live'),
  }));
}

export function findNode(tree, role, name) {
  const found = tree.find((node) => node.role === role && node.name === name);
  assert(found, `the accessibility tree should have a ${role} named ${JSON.stringify(name)}; it has:\n` +
    tree.filter((node) => node.name && !['StaticText', 'InlineTextBox'].includes(node.role))
      .map((node) => `  ${node.role} ${JSON.stringify(node.name)}`).join('\n'));
  return found;
}

// What the live regions have said last: {alert, status}.
export const liveRegions = (page) => page.evaluate(() => ({
  alert: document.getElementById('mirror-alert').textContent,
  status: document.getElementById('mirror-status').textContent,
}));

export async function announced(page, region, text) {
  try {
    await page.waitForFunction(({ region, text }) => document.getElementById(`mirror-${region}`).textContent.includes(text),
                               { region, text }, { timeout: STEP_TIMEOUT_MS });
  } catch {
    throw new Error(`the ${region} live region never said ${JSON.stringify(text)}; it says ${JSON.stringify((await liveRegions(page))[region])}`);
  }
}

// [SECTION] Keyboard

// Presses `key` (Tab or Shift+Tab) until the app reports item `id` focused, at most `limit` times.
// Returns the ids focused on the way, in order.
export async function tabTo(page, id, { key = 'Tab', limit = 40 } = {}) {
  const path = [];
  for (let press = 0; press < limit; ++press) {
    await page.keyboard.press(key);
    await settle(page);
    const focused = await page.evaluate(() => window.muamalaTest.focused);
    path.push(focused);
    if (focused === id) return path;
  }
  throw new Error(`${key} never reached "${id}"; it went through ${JSON.stringify(path)}`);
}

// The focus is on `id` and the canvas shows it: the app says it drew the ring, and the pixels
// around the item hold GOV.UK's focus yellow (#ffdd00).
export async function focusRingOn(page, id) {
  await settle(page);
  const state = await page.evaluate(() => ({ focused: window.muamalaTest.focused, ring: window.muamalaTest.focus_ring }));
  assert(state.focused === id, `the focus should be on "${id}", not "${state.focused}"`);
  assert(state.ring, `the canvas should draw the focus ring on "${id}"`);
  const box = await item(page, id);
  const viewport = page.viewportSize();
  const clip = { x: Math.max(0, box.x - 6), y: Math.max(0, box.y - 6) };
  clip.width = Math.min(viewport.width, box.x + box.w + 6) - clip.x;
  clip.height = Math.min(viewport.height, box.y + box.h + 6) - clip.y;
  assert(clip.width > 0 && clip.height > 0, `"${id}" should be in the window: ${JSON.stringify(box)}`);
  const png = await page.screenshot({ clip });
  const yellow = await page.evaluate(async (bytes) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.abs(data[i] - 0xff) < 12 && Math.abs(data[i + 1] - 0xdd) < 12 && data[i + 2] < 24) ++count;
    return count / (bitmap.width * bitmap.height);
  }, [...png]);
  assert(yellow > 0.05, `the focus ring around "${id}" should be yellow on the screen (${(yellow * 100).toFixed(1)} % of its pixels are)`);
}

// [SECTION] Touch

// Drags a finger from (x, y) by dy CSS pixels, in steps, as a person scrolls a phone's page.
export async function swipe(page, x, y, dy) {
  const cdp = await page.context().newCDPSession(page);
  const point = (at) => [{ x, y: at, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(y) });
  for (let step = 1; step <= 8; ++step) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y + (dy * step) / 8) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await settle(page);
}

// Swipes until item `id` is wholly in the window, then taps its middle.
export async function tap(page, id) {
  await settle(page);
  const viewport = page.viewportSize();
  for (let attempt = 0; ; ++attempt) {
    const found = await item(page, id);
    assert(found, `no "${id}" on screen`);
    if (found.y >= 0 && found.y + found.h <= viewport.height) {
      await page.touchscreen.tap(found.x + found.w / 2, found.y + found.h / 2);
      await settle(page);
      return;
    }
    assert(attempt < 20, `could not swipe "${id}" into view`);
    const distance = Math.min(viewport.height * 0.6, Math.abs(found.y - viewport.height / 2));
    await swipe(page, viewport.width / 2, viewport.height * (found.y < 0 ? 0.2 : 0.8), found.y < 0 ? distance : -distance);
  }
}

// Nothing on the screen lies beyond the window's sides, and the page cannot scroll sideways.
export async function fitsWidth(page, where) {
  const { scrollWidth, width, beyond } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement.scrollWidth,
    width: innerWidth,
    beyond: window.muamalaTest.items.filter((each) => each.x < -0.5 || each.x + each.w > innerWidth + 0.5)
      .map((each) => `${each.id} (${Math.round(each.x)}..${Math.round(each.x + each.w)})`),
  }));
  assert(scrollWidth <= width, `${where}: the page scrolls sideways (${scrollWidth} > ${width})`);
  assert(beyond.length === 0, `${where}: drawn beyond the ${width}px window: ${beyond.join(', ')}`);
}
