// Bad input and a bad server: a 10,000-character paste, Arabic-Indic digits with stray spaces, a
// server that answers 500 (after doing the work, so the retry must not do it twice), one that never
// answers, and one that is gone. Each time the app says what happened in the person's language and
// keeps what was typed.
import {
  api, assert, click, focus, household, item, memberOf, paste, problems, run, screenshot, shows, step, stopServer, textOf,
  totp, typeInto, waitForScreen,
} from './harness.mjs';

const arabicDigits = (ascii) => ascii.replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[d]);
const serverFailure = JSON.stringify({ error: { code: 'internal', message: { en: 'Something went wrong', ar: 'حدث خطأ' }, fields: [] } });

await run('bad_input', async ({ server, accounts, openApp }) => {
  const fatima = accounts[0];
  const page = await openApp({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const huge = '4'.repeat(10_000);

  await step('a 10,000-character paste into the civil ID is kept whole, judged, and never sent', async () => {
    const sent = [];
    page.on('request', (request) => { if (request.url().endsWith('/api/v1/session') && request.method() === 'POST') sent.push(request); });
    await focus(page, 'civil-id-input');
    await paste(page, huge);
    assert((await item(page, 'civil-id-input')).text === huge, 'the field should hold all 10,000 characters');
    await click(page, 'continue-button');
    await shows(page, 'civil-id-input-error', 'Enter the civil ID as 12 digits');
    await shows(page, 'error-summary-civil-id', 'Enter the civil ID as 12 digits');
    assert((await item(page, 'civil-id-input')).text === huge, 'what was pasted should stay');
    assert(sent.length === 0, 'nothing should have been sent');
    await screenshot(page, 'bad_input-en-huge-paste');
  });

  await step('Arabic-Indic digits with stray spaces sign her in: civil ID pasted, code typed', async () => {
    await focus(page, 'civil-id-input');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    const civilId = ` ${arabicDigits(fatima.civil_id.slice(0, 4))} ${arabicDigits(fatima.civil_id.slice(4))} `;
    await paste(page, civilId);
    await shows(page, 'civil-id-verdict', 'A valid civil ID number', { including: true });
    await typeInto(page, 'password-input', fatima.password, { secret: true });
    await click(page, 'continue-button');
    await waitForScreen(page, '#/sign-in/code');
    const code = totp(fatima.totp_secret);
    await typeInto(page, 'code-input', ` ${arabicDigits(code.slice(0, 3))} ${arabicDigits(code.slice(3))}`);
    // Her household will fail to load once (the next step).
    problems.expect(/status of 500 /);
    await page.route('**/api/v1/household', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: serverFailure }));
    await click(page, 'sign-in-button');
    await waitForScreen(page, '#/household');
  });

  await step('a 500 from the server is said plainly, with a retry that works', async () => {
    await shows(page, 'household-failure', 'Something went wrong on the server (HTTP 500). Try again in a moment.');
    await screenshot(page, 'bad_input-en-household-500');
    await page.unroute('**/api/v1/household');
    await click(page, 'household-failure-retry');
    await shows(page, 'title', 'Your household');
  });

  const home = await household(page);
  const husband = memberOf(home, 'husband');
  const apply = `#/apply/renew_husband_residency/${husband.civil_id}`;

  await step('the term typed in Arabic-Indic digits with spaces is read as a number', async () => {
    await click(page, `offer-renew_husband_residency-${husband.civil_id}`);
    await waitForScreen(page, `${apply}/years`);
    await typeInto(page, 'years-input', ' ٢ ');
    await shows(page, 'term-preview', 'For 2 years', { including: true });
    await click(page, 'continue-button');
    await waitForScreen(page, `${apply}/phone`);
  });

  await step('a 10,000-character paste into the phone is kept whole and refused in plain words', async () => {
    await focus(page, 'phone-input');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await paste(page, huge);
    await click(page, 'continue-button');
    assert((await item(page, 'phone-input')).text === huge, 'the field should hold all 10,000 characters');
    const message = await textOf(page, 'phone-input-error');
    assert(message.length > 0 && message.length < 200, `a short plain message expected, not ${message.slice(0, 300)}`);
    await screenshot(page, 'bad_input-en-phone-huge-paste');
    await typeInto(page, 'phone-input', ` ${arabicDigits(home.sponsor.phone)} `);
    await click(page, 'continue-button');
    await waitForScreen(page, `${apply}/check`);
  });

  // The server does the work, then its answer is lost (replaced by a 500): the retry must carry the
  // same Idempotency-Key, so the server answers it with the first result instead of a second transaction.
  const keys = [];
  await step('a submission whose answer is lost is said so, in her language, keeping her answers', async () => {
    await page.route('**/api/v1/transactions', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      await route.fetch();  // reaches the server, which records the transaction
      await route.fulfill({ status: 500, contentType: 'application/json', body: serverFailure });
    });
    await click(page, 'confirm-button');
    await shows(page, 'submit-failure', 'Something went wrong on the server (HTTP 500). Try again in a moment.');
    await shows(page, 'submit-failure-kept', 'What you entered is kept.');
    await click(page, 'language-toggle');
    await shows(page, 'submit-failure', 'حدث خطأ في الخادم (HTTP 500). حاول مرة أخرى بعد قليل.');
    await screenshot(page, 'bad_input-ar-submit-500');
    await click(page, 'answer-years-action');  // "Change": the answers are all still there
    await waitForScreen(page, `${apply}/years`);
    await shows(page, 'years-input', ' ٢ ');
    await click(page, 'continue-button');
    await click(page, 'continue-button');
    await waitForScreen(page, `${apply}/check`);
  });

  await step('the retry sends the same Idempotency-Key and the server keeps one transaction', async () => {
    await page.unroute('**/api/v1/transactions');
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/v1/transactions')) keys.push(request.headers()['idempotency-key']);
    });
    await click(page, 'confirm-button');
    await waitForScreen(page, '#/pay/', { prefix: true });
    assert(keys.length === 2 && keys[0] === keys[1], `the retry should reuse the key: ${JSON.stringify(keys)}`);
    const { body } = await api(page, 'GET', 'api/v1/transactions');
    assert(body.transactions.length === 1, `one transaction expected, the server has ${body.transactions.length}`);
  });

  await step('a payment that gets no answer at all times out, says so, and its retry goes through', async () => {
    problems.expect(/request failed: .*test-gateway net::ERR_/);
    let held = null;
    await page.route('**/test-gateway', (route) => { held = route; });  // never answered
    await click(page, 'gateway-approve', { settleAfter: false });
    await shows(page, 'gateway-progress', 'ما زلنا بانتظار الخادم…', { timeout: 8_000 });
    await shows(page, 'gateway-failure', 'لم يردّ الخادم في الوقت المحدد. حاول مرة أخرى.', { timeout: 20_000 });
    await screenshot(page, 'bad_input-ar-payment-timed-out');
    assert(held !== null, 'the payment should have been held');
    await page.unroute('**/test-gateway');
    await held.abort().catch(() => {});  // the page gave up on it already
    await click(page, 'gateway-failure-retry');
    await waitForScreen(page, '#/receipt/', { prefix: true });
  });

  await step('when the server is gone, the page says so, and what it already has stays readable', async () => {
    problems.expect(/ERR_CONNECTION_REFUSED/);
    const number = await textOf(page, 'receipt-number');
    await stopServer(server);
    await click(page, 'nav-history');
    await shows(page, 'history-failure', 'تعذّر الوصول إلى الخادم. تحقق من اتصالك ثم حاول مرة أخرى.');
    await screenshot(page, 'bad_input-ar-server-gone');
    await page.goBack();
    await waitForScreen(page, `#/receipt/${number}`);
    await shows(page, 'receipt-number', number);
  });
});
