// The centers' screens on a phone (390x844 CSS pixels, touch), in one language (--language en|ar):
// the mother's center on her dashboard, the finder, a booking page and her appointments; an
// operator's counter with a household looked up; the supervisor's figures. Each fits the window
// (nothing drawn beyond its sides, no sideways scroll) from top to bottom, and a tap on a radio
// option chooses it. Screenshots: phone_screens-<language>-NN-<screen>.png.
import { assert, item, run, screenshot, settle, signIn, step, waitForScreen } from './harness.mjs';
import { fitsWidth, mirrored, tap } from './access.mjs';

await run('phone_screens', async ({ options, accounts, openApp }) => {
  const language = options.language;
  assert(language === 'en' || language === 'ar', '--language must be en or ar');
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
                  locale: language === 'ar' ? 'ar-KW' : 'en-GB' };
  let shot = 0;

  // The whole screen, top to bottom: the hook lists every item of the page, scrolled out of the
  // window or not, so one look covers it.
  const fits = async (page, name) => {
    await settle(page);
    await fitsWidth(page, name);
    await screenshot(page, `phone_screens-${language}-${String(++shot).padStart(2, '0')}-${name}`);
  };
  const open = async (account, landing) => {
    const page = await openApp(phone);
    if ((await page.evaluate(() => window.muamalaTest.language)) !== language) {
      await tap(page, 'language-toggle');
      await page.waitForFunction((language) => window.muamalaTest.language === language, language);
    }
    await signIn(page, account, { landing });
    return page;
  };
  const go = async (page, fragment) => {
    await page.evaluate((fragment) => { location.hash = fragment; }, fragment);
    await waitForScreen(page, fragment);
    await settle(page);
  };

  const fatima = accounts[0];
  await step('her dashboard, with her center, fits the phone', async () => {
    const page = await open(fatima, '#/household');
    await fits(page, 'household');
    assert(await item(page, 'your-center-name'), 'her center should be on the dashboard');
    await go(page, '#/centers');
    await fits(page, 'centers');
    await go(page, '#/book/al-salam-morning');
    await fits(page, 'book');
    // A radio option chosen with a finger: the mirror says it is chosen, as a screen reader reads it.
    const firstPurpose = (await page.evaluate(() => window.muamalaTest.items.find((each) => each.kind === 'radio')?.id));
    assert(firstPurpose, 'the booking page should offer choices');
    await tap(page, firstPurpose);
    await page.waitForFunction((id) => document.querySelector(`#mirror-items [data-id="${id}"]`)?.getAttribute('aria-checked') === 'true',
                               firstPurpose, { timeout: 5_000 });
    assert(await mirrored(page, firstPurpose).getAttribute('role') === 'radio', 'an option should be a radio to a screen reader');
    await fits(page, 'book-chosen');
    await go(page, '#/appointments');
    await fits(page, 'appointments');
  });

  await step('the counter fits an operator\'s phone, with a household looked up', async () => {
    const huda = accounts.find((account) => account.role === 'operator' && account.center_id === 'al-salam-morning');
    const page = await open(huda, '#/counter');
    await fits(page, 'counter');
    await tap(page, 'sponsor-civil-id-input');
    await mirrored(page, 'sponsor-civil-id-input').fill(fatima.civil_id);
    await tap(page, 'look-up-button');
    await page.waitForFunction(() => window.muamalaTest.items.some((each) => each.id.startsWith('offer-')), null, { timeout: 10_000 });
    await fits(page, 'counter-household');
  });

  await step('the supervisor\'s figures fit the phone', async () => {
    const yousef = accounts.find((account) => account.role === 'supervisor');
    const page = await open(yousef, '#/supervisor');
    await page.waitForFunction(() => window.muamalaTest.items.some((each) => each.kind === 'chart'), null, { timeout: 10_000 });
    await fits(page, 'figures');
  });
}, { language: { type: 'string', default: 'en' } });
