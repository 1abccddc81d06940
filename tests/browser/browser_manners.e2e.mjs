// The app behaves as a web page should: the browser's Back and Forward move between steps and keep
// what was typed; document.title follows the screen (and says "Error:" when there is one); the
// language switches at any moment without losing anything and is remembered for the next visit;
// a reload comes back to the same step; the canvas follows the window and its pixel ratio; copy and
// paste work; nothing is drawn at rest; an ended session sends her to sign in and back again.
import {
  assert, click, focus, household, item, memberOf, paste, problems, run, screenshot, settle, shows, signIn, step, totp,
  typeInto, waitForScreen,
} from './harness.mjs';

await run('browser_manners', async ({ server, accounts, openApp }) => {
  const [fatima, aisha] = accounts;
  const page = await openApp({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  const title = () => page.evaluate(() => document.title);
  const titled = async (expected) => {
    try {
      await page.waitForFunction((expected) => document.title === expected, expected, { timeout: 5_000 });
    } catch {
      throw new Error(`the title should be ${JSON.stringify(expected)}, not ${JSON.stringify(await title())}`);
    }
  };

  await signIn(page, fatima);
  const husband = memberOf(await household(page), 'husband');
  const apply = `#/apply/renew_husband_residency/${husband.civil_id}`;

  const idle = async (where) => {
    await settle(page);
    const before = await page.evaluate(() => window.muamalaTest.frame);
    await page.waitForTimeout(1_000);
    const after = await page.evaluate(() => window.muamalaTest.frame);
    assert(after === before, `the app drew ${after - before} frames in a second of idleness on ${where}`);
  };

  await step('nothing is redrawn at rest on the dashboard (its cards settle on a shared height)', async () => {
    await idle('the dashboard');
  });

  await step('each step has its own address and title', async () => {
    await titled('Your household — Muamala');
    await click(page, `offer-renew_husband_residency-${husband.civil_id}`);
    await waitForScreen(page, `${apply}/years`);
    assert(await page.evaluate(() => location.hash) === `${apply}/years`, 'the address should name the step');
    await titled('How many years? — Muamala');
    await typeInto(page, 'years-input', '2');
    await click(page, 'continue-button');
    await waitForScreen(page, `${apply}/phone`);
    await titled('Mobile number for the SMS — Muamala');
  });

  await step('Back and Forward move between the steps and keep what was typed', async () => {
    await page.goBack();
    await waitForScreen(page, `${apply}/years`);
    await shows(page, 'years-input', '2');
    await titled('How many years? — Muamala');
    await page.goForward();
    await waitForScreen(page, `${apply}/phone`);
    await page.goBack();
    await page.goBack();
    await waitForScreen(page, '#/household');
    await titled('Your household — Muamala');
    await page.goForward();
    await waitForScreen(page, `${apply}/years`);
    await shows(page, 'years-input', '2');
  });

  await step('the page\'s Back link goes to the step before, as the browser\'s Back does, and history stays whole', async () => {
    await click(page, 'back-link');
    await waitForScreen(page, '#/household');
    await page.goBack();
    await waitForScreen(page, `${apply}/years`);
  });

  await step('with an error the title says so first', async () => {
    await typeInto(page, 'years-input', '9');
    await click(page, 'continue-button');
    await shows(page, 'years-input-error', 'Choose between 1 and 5 years');
    await titled('Error: How many years? — Muamala');
  });

  await step('switching to Arabic keeps what was typed and the error, mirrored, titled in Arabic', async () => {
    await click(page, 'language-toggle');
    await shows(page, 'years-input', '9');
    await shows(page, 'years-input-error', 'اختر من سنة واحدة إلى 5 سنوات');
    await titled('خطأ: كم سنة؟ — معاملة');
    assert(await page.evaluate(() => document.documentElement.dir) === 'rtl', '<html dir> should be rtl');
    const [field, heading] = [await item(page, 'years-input'), await item(page, 'years-input-label')];
    assert(Math.abs(field.x + field.w - (heading.x + heading.w)) <= 2, 'the field should line up with the question on the right');
    assert(field.x > 640, `the field should sit on the right half in Arabic (x=${field.x})`);
    await screenshot(page, 'browser_manners-ar-years-error');
  });

  await step('nothing is redrawn at rest on a question with an error', async () => {
    await idle('the years step');
  });

  await step('Ctrl+C copies from a field to the system clipboard; a paste lands in the field', async () => {
    await focus(page, 'years-input');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    await page.waitForFunction(async () => await navigator.clipboard.readText() === '9', null, { timeout: 5_000 });
    await page.keyboard.press('Backspace');
    await paste(page, '3');
    await shows(page, 'years-input', '3');
  });

  await step('a reload comes back signed in, in Arabic, on the same step', async () => {
    await page.reload();
    await page.waitForFunction(() => window.muamalaTest?.ready === true, null, { timeout: 30_000 });
    await waitForScreen(page, `${apply}/years`);
    assert(await page.evaluate(() => window.muamalaTest.language) === 'ar', 'the language should be remembered');
    await titled('كم سنة؟ — معاملة');
    await click(page, 'language-toggle');  // back to English for what follows
    await titled('How many years? — Muamala');
  });

  await step('the canvas follows the window\'s size', async () => {
    await page.setViewportSize({ width: 900, height: 700 });
    await page.waitForFunction(() => {
      const canvas = document.getElementById('canvas');
      return canvas.width === 900 && canvas.height === 700;
    }, null, { timeout: 5_000 });
    await settle(page);
    const toggle = await item(page, 'language-toggle');
    assert(toggle.x + toggle.w <= 900 - 16 + 1, `the header should fit the narrower window (${toggle.x + toggle.w})`);
  });

  await step('an ended session sends her to sign in, then back where she was', async () => {
    problems.expect(/status of 401 .*\/api\/v1\/transactions\)?$/);
    await page.context().clearCookies();  // as if the session expired on the server
    await click(page, 'nav-history');
    await waitForScreen(page, '#/sign-in');
    await shows(page, 'sign-in-notice', 'You were signed out because the session ended', { including: true });
    await screenshot(page, 'browser_manners-en-session-ended');
    // The code of the next 30 s period: the server takes each period's code once.
    await signIn(page, fatima, { code: totp(fatima.totp_secret, 1), landing: '#/history' });
  });

  // A phone whose browser speaks Arabic, at twice the pixel density.
  const phone = await openApp({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'ar-KW' });
  await step('on a phone at twice the density: an Arabic page, a canvas of device pixels, rectangles in CSS pixels', async () => {
    await waitForScreen(phone, '#/sign-in');
    assert(await phone.evaluate(() => document.getElementById('canvas').width) === 780, 'the canvas should be 780 device pixels wide');
    assert(await phone.evaluate(() => document.title) === 'تسجيل الدخول — معاملة', 'the phone page should be titled in Arabic');
    const field = await item(phone, 'civil-id-input');
    assert(field.x >= 0 && field.x + field.w <= 390, `the field should fit the phone's width: ${JSON.stringify(field)}`);
    await signIn(phone, aisha);
    await shows(phone, 'title', 'أسرتك');
    await screenshot(phone, 'browser_manners-ar-phone-household');
  });
});
