// A real service before a payment provider exists (no --demo), in one language (--language en|ar):
// no demonstration banner, and a renewal with a fee stops at its check page, which says in the
// server's words that payments are unavailable and offers the way back instead of a Pay button;
// the server refuses the same submission in both languages and stores nothing. On a desktop window
// and on a phone (390x844). Screenshots: payments_unavailable-<language>-NN-<screen>.png.
import {
  api, assert, click, household, item, memberOf, problems, reveal, run, screenshot, settle, shows, signIn, step, totp, typeInto, waitForScreen,
} from './harness.mjs';
import { fitsWidth } from './access.mjs';

await run('payments_unavailable', async ({ options, accounts, openApp }) => {
  const language = options.language;
  assert(language === 'en' || language === 'ar', '--language must be en or ar');
  const locale = language === 'ar' ? 'ar-KW' : 'en-GB';
  const unavailable = language === 'ar' ? 'الدفع الإلكتروني غير متاح بعد' : 'Online payment is not available yet';
  const fatima = accounts[0];
  let shot = 0;
  const keep = (page, name) => screenshot(page, `payments_unavailable-${language}-${String(++shot).padStart(2, '0')}-${name}`);

  // To the husband's one-year renewal's check page, as she would go.
  const toCheckPage = async (page, signInNumber) => {
    await signIn(page, fatima, { code: totp(fatima.totp_secret, signInNumber) });  // each code is taken once
    const husband = memberOf(await household(page), 'husband');
    await click(page, `offer-renew_husband_residency-${husband.civil_id}`);
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/years`);
    await typeInto(page, 'years-input', '1');
    await click(page, 'continue-button');
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/phone`);
    await click(page, 'continue-button');
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/check`);
    return husband;
  };

  await step('the sign-in page has no demonstration banner', async () => {
    const page = await openApp({ viewport: { width: 1280, height: 800 }, locale });
    await waitForScreen(page, '#/sign-in');
    await settle(page);
    assert(!(await item(page, 'phase-tag')), 'a real service shows no DEMO tag');
    assert(!(await item(page, 'phase-banner')), 'a real service shows no demonstration banner');
    await keep(page, 'sign-in');
  });

  await step('a renewal with a fee says payments are unavailable and offers no Pay button', async () => {
    const page = await openApp({ viewport: { width: 1280, height: 800 }, locale });
    const husband = await toCheckPage(page, 0);
    await shows(page, 'payments-unavailable', unavailable, { including: true });
    assert(await item(page, 'payments-unavailable-next'), 'the page should say what she can do instead');
    assert(!(await item(page, 'confirm-button')), 'there is nothing to pay with: no confirm-and-pay button');
    assert(await item(page, 'to-household'), 'the way back to her household is offered');
    await reveal(page, 'to-household');
    await keep(page, 'check');

    problems.expect(/status of 503 .*\/api\/v1\/transactions\)?$/);  // the refusal below, asked for on purpose
    const refused = await api(page, 'POST', '/api/v1/transactions', {
      body: { kind: 'renew_husband_residency', beneficiary: husband.civil_id, form: { years: 1, phone: '+96599000001' } },
      csrf: true, idempotencyKey: `unavailable-${language}`,
    });
    assert(refused.status === 503, `the server should refuse with 503, not ${refused.status}`);
    assert(refused.body.error.code === 'payments.unavailable', `not ${refused.body.error.code}`);
    assert(refused.body.error.message.en && refused.body.error.message.ar, 'the refusal should be in both languages');
    const history = await api(page, 'GET', '/api/v1/transactions');
    assert(history.body.transactions.length === 0, 'nothing should be stored');
  });

  await step('on a phone the check page fits, with the same words', async () => {
    const page = await openApp({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale });
    await toCheckPage(page, 1);
    await shows(page, 'payments-unavailable', unavailable, { including: true });
    await fitsWidth(page, 'check');
    await reveal(page, 'to-household');
    await keep(page, 'phone-check');
  });
}, { language: { type: 'string', default: 'en' } }, { demo: false });
