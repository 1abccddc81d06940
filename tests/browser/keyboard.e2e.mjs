// A renewal with the keyboard alone, in one language (--language en|ar): Tab and Shift+Tab move
// through the screen in reading order (start side first: the right in Arabic), Enter and Space act,
// Escape goes back; the focused item always shows GOV.UK's yellow focus ring on the canvas, and a
// new screen puts the focus on its heading. No mouse, no taps.
// Screenshots: keyboard-<language>-NN-<screen>.png.
import { assert, household, item, memberOf, run, screenshot, settle, shows, step, totp, waitForScreen } from './harness.mjs';
import { focusRingOn, tabTo } from './access.mjs';

await run('keyboard', async ({ options, accounts, openApp }) => {
  const language = options.language;
  assert(language === 'en' || language === 'ar', '--language must be en or ar');
  const rtl = language === 'ar';
  const fatima = accounts[0];
  const page = await openApp({ viewport: { width: 1280, height: 800 }, locale: rtl ? 'ar-KW' : 'en-GB' });
  let shot = 0;
  const keep = (name) => screenshot(page, `keyboard-${language}-${String(++shot).padStart(2, '0')}-${name}`);
  const focusedId = () => page.evaluate(() => window.muamalaTest.focused);
  const headingHasFocus = async () => {
    await settle(page);
    assert(await page.evaluate(() => document.activeElement?.localName === 'h1'), 'a new screen should put the focus on its heading');
  };

  await step('the first Tab reaches the header\'s language link, with a visible focus ring', async () => {
    await waitForScreen(page, '#/sign-in');
    await page.keyboard.press('Tab');
    await focusRingOn(page, 'language-toggle');
    await keep('language-link-focused');
  });

  await step('she signs in: Tab to each field, type, Enter', async () => {
    await tabTo(page, 'civil-id-input');
    await focusRingOn(page, 'civil-id-input');
    await page.keyboard.type(fatima.civil_id);
    await shows(page, 'civil-id-input', fatima.civil_id);
    await page.keyboard.press('Tab');
    await settle(page);
    assert(await focusedId() === 'password-input', 'Tab should go from the civil ID to the password');
    await page.keyboard.type(fatima.password);
    await page.keyboard.press('Shift+Tab');
    await settle(page);
    assert(await focusedId() === 'civil-id-input', 'Shift+Tab should go back to the civil ID');
    await tabTo(page, 'continue-button');
    await focusRingOn(page, 'continue-button');
    await keep('continue-focused');
    await page.keyboard.press('Enter');
    await waitForScreen(page, '#/sign-in/code');
    await headingHasFocus();
    await tabTo(page, 'code-input');
    await page.keyboard.type(totp(fatima.totp_secret));
    await page.keyboard.press('Enter');  // in the field: submits, as Continue would
    await waitForScreen(page, '#/household');
    await headingHasFocus();
  });

  const husband = memberOf(await household(page), 'husband');
  const apply = `#/apply/renew_husband_residency/${husband.civil_id}`;
  await step('on the dashboard, Tab reaches her husband\'s renewal; Space starts it', async () => {
    await tabTo(page, `offer-renew_husband_residency-${husband.civil_id}`);
    await focusRingOn(page, `offer-renew_husband_residency-${husband.civil_id}`);
    await keep('offer-focused');
    await page.keyboard.press('Space');
    await waitForScreen(page, `${apply}/years`);
    await headingHasFocus();
  });

  await step('two years, Enter; Escape goes back a step and keeps the answer', async () => {
    await tabTo(page, 'years-input');
    await focusRingOn(page, 'years-input');
    await page.keyboard.type('2');
    await shows(page, 'years-input', '2');
    await keep('years-typed');
    await page.keyboard.press('Enter');
    await waitForScreen(page, `${apply}/phone`);
    await page.keyboard.press('Escape');
    await waitForScreen(page, `${apply}/years`);
    await shows(page, 'years-input', '2');
    await page.keyboard.press('Tab');  // from the heading, the question's field
    await settle(page);
    assert(await focusedId() === 'years-input', `Tab from the question should reach its field, not ${await focusedId()}`);
    await page.keyboard.press('Enter');
    await waitForScreen(page, `${apply}/phone`);
    await tabTo(page, 'continue-button');
    await page.keyboard.press('Enter');
    await waitForScreen(page, `${apply}/check`);
  });

  await step('the check page: Tab to the confirm button, Enter', async () => {
    await tabTo(page, 'confirm-button');
    await focusRingOn(page, 'confirm-button');
    await keep('confirm-focused');
    await page.keyboard.press('Enter');
    await waitForScreen(page, '#/pay/', { prefix: true });
  });

  await step(`the gateway's buttons follow the reading direction (${rtl ? 'right to left' : 'left to right'}); Space pays`, async () => {
    await tabTo(page, 'gateway-approve');
    await focusRingOn(page, 'gateway-approve');
    await page.keyboard.press('Tab');
    await settle(page);
    assert(await focusedId() === 'gateway-decline', 'Tab should go from approve to decline');
    const [approve, decline] = [await item(page, 'gateway-approve'), await item(page, 'gateway-decline')];
    assert(rtl ? decline.x < approve.x : decline.x > approve.x, `Tab should move ${rtl ? 'left' : 'right'} along the row`);
    await focusRingOn(page, 'gateway-decline');
    await keep('decline-focused');
    await page.keyboard.press('Shift+Tab');
    await focusRingOn(page, 'gateway-approve');
    await page.keyboard.press('Space');
    await waitForScreen(page, '#/receipt/', { prefix: true });
    await shows(page, 'title', rtl ? 'اكتملت المعاملة' : 'Transaction complete');
    await headingHasFocus();
    await keep('receipt');
  });

  await step('from the receipt, a link back to the dashboard with Enter', async () => {
    await tabTo(page, 'to-household');
    await focusRingOn(page, 'to-household');
    await keep('link-focused');
    await page.keyboard.press('Enter');
    await waitForScreen(page, '#/household');
  });
}, { language: { type: 'string', default: 'en' } });
