// A mother at home, in one language (--language en|ar): she signs in, renews her husband's
// residency for two years and her son's driving licence, pays each through the test gateway, gets
// both receipts (with their QR codes, and a printable copy), and sees the new expiries on her
// dashboard. Every screen is kept as a screenshot: renewals-<language>-NN-<screen>.png.
import {
  api, assert, click, documentOf, household, item, items, memberOf, run, screenshot, seen, settle, shows, step, textOf,
  totp, typeInto, waitForScreen,
} from './harness.mjs';

// [SECTION] What each language expects
// Dates in words and money as each language writes them (client/text/i18n.h): "28 December 2028" and
// "KD 30.000" in English, "28 ديسمبر 2028" and "30.000 د.ك" in Arabic, Western digits in both.
const months = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
};
const inWords = (iso, language) => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${months[language][month - 1]} ${year}`;
};
const money = (fils, language) => {
  const digits = `${Math.floor(fils / 1000)}.${String(fils % 1000).padStart(3, '0')}`;
  return language === 'ar' ? `${digits} د.ك` : `KD ${digits}`;
};
const plusYears = (iso, years) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;  // never 29 Feb here

const words = {
  en: {
    locale: 'en-GB', dir: 'ltr',
    titles: { signIn: 'Sign in — Muamala', code: 'Enter the code from your authenticator app — Muamala',
              household: 'Your household — Muamala', years: 'How many years? — Muamala', history: 'Your transactions — Muamala' },
    daysLeft: (days) => `${days} days left`,
    done: 'Transaction complete', completed: 'Completed', signedOut: 'You have signed out.',
    declined: 'The bank declined the payment.',
    rulesInForce: 'Rules in force: ', unconfirmed: 'This amount has not been confirmed by a published text.',
  },
  ar: {
    locale: 'ar-KW', dir: 'rtl',
    titles: { signIn: 'تسجيل الدخول — معاملة', code: 'أدخل الرمز من تطبيق المصادقة — معاملة',
              household: 'أسرتك — معاملة', years: 'كم سنة؟ — معاملة', history: 'معاملاتك — معاملة' },
    daysLeft: (days) => `باقي ${days} يومًا`,
    done: 'اكتملت المعاملة', completed: 'مكتملة', signedOut: 'تم تسجيل خروجك.',
    declined: 'رفض البنك عملية الدفع.',
    rulesInForce: 'القواعد المعمول بها: ', unconfirmed: 'لم يُؤكَّد هذا المبلغ بنص منشور.',
  },
};

// [SECTION] The walk
await run('renewals', async ({ options, accounts, openApp }) => {
  const language = options.language;
  if (!words[language]) throw new Error('--language must be en or ar');
  const expect = words[language];
  const fatima = accounts[0];
  let shot = 0;
  const keep = (page, name) => screenshot(page, `renewals-${language}-${String(++shot).padStart(2, '0')}-${name}`);
  const title = (page) => page.evaluate(() => document.title);

  const page = await openApp({ viewport: { width: 1280, height: 800 }, locale: expect.locale });

  await step(`the page starts in the browser's language (${language}), laid out ${expect.dir}`, async () => {
    await waitForScreen(page, '#/sign-in');
    assert(await page.evaluate(() => document.documentElement.lang) === language, '<html lang> should follow the language');
    assert(await page.evaluate(() => document.documentElement.dir) === expect.dir, `<html dir> should be ${expect.dir}`);
    assert(await title(page) === expect.titles.signIn, `the title should be ${expect.titles.signIn}, not ${await title(page)}`);
    await keep(page, 'sign-in');
  });

  await step('she signs in with her civil ID, password and the code from her authenticator app', async () => {
    await typeInto(page, 'civil-id-input', fatima.civil_id);
    await shows(page, 'civil-id-verdict', language === 'ar' ? 'رقم مدني صحيح' : 'A valid civil ID number', { including: true });
    await typeInto(page, 'password-input', fatima.password, { secret: true });
    await click(page, 'continue-button');
    await waitForScreen(page, '#/sign-in/code');
    assert(await title(page) === expect.titles.code, `the title should be ${expect.titles.code}`);
    await keep(page, 'code');
    await typeInto(page, 'code-input', totp(fatima.totp_secret));
    await click(page, 'sign-in-button');
    await waitForScreen(page, '#/household');
    assert(await title(page) === expect.titles.household, `the title should be ${expect.titles.household}`);
  });

  const before = await household(page);
  const husband = memberOf(before, 'husband'), son = memberOf(before, 'son');
  const residency = documentOf(husband, 'residency'), licence = documentOf(son, 'driving_licence');

  await step('the dashboard shows each document\'s expiry in words and the days left, as the server states them', async () => {
    await shows(page, `doc-residency-${husband.civil_id}`, inWords(residency.expires, language));
    await shows(page, `doc-residency-${husband.civil_id}-tag`, expect.daysLeft(residency.days_to_expiry));
    await shows(page, `doc-driving_licence-${son.civil_id}`, inWords(licence.expires, language));
    await shows(page, `doc-driving_licence-${son.civil_id}-tag`, expect.daysLeft(licence.days_to_expiry));
    // A transaction not on offer says why, in the core's words: the son's residency is years from due.
    const sonsResidency = son.transactions.find((offer) => offer.kind === 'renew_child_residency');
    assert(!sonsResidency.decision.eligible, 'the demo son\'s residency should not be renewable yet');
    await shows(page, `offer-renew_child_residency-${son.civil_id}-reason`, sonsResidency.decision.reasons[0].message[language]);
    // The rulebook version in force today, named as the server names it.
    await shows(page, 'rules-in-force', expect.rulesInForce + before.rulebook.title[language]);
    await keep(page, 'household');
  });

  // [SECTION] The husband's residency, two years
  let husbandsNewExpiry;
  await step('she renews her husband\'s residency: two years, the fee and new expiry shown as she types', async () => {
    await click(page, `offer-renew_husband_residency-${husband.civil_id}`);
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/years`);
    assert(await title(page) === expect.titles.years, `the title should be ${expect.titles.years}`);
    await keep(page, 'years');
    await typeInto(page, 'years-input', '2');
    husbandsNewExpiry = plusYears(residency.expires, 2);  // renewed from the current expiry, not from today
    await shows(page, 'term-preview', inWords(husbandsNewExpiry, language), { including: true });
    // KD 15 a year and KD 100 a year of health insurance (rulebook kw-2025-12), for two years
    await shows(page, 'term-preview', money(230_000, language), { including: true });
    await keep(page, 'years-typed');
    await click(page, 'continue-button');
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/phone`);
    await shows(page, 'phone-input', before.sponsor.phone);  // her own number, proposed
    await keep(page, 'phone');
    await click(page, 'continue-button');
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/check`);
  });

  await step('the check page lists her answers, the fee lines, the total and both expiries', async () => {
    await shows(page, 'current-expiry-value', inWords(residency.expires, language));
    await shows(page, 'new-expiry-value', inWords(husbandsNewExpiry, language));
    await shows(page, 'fee-total-value', money(230_000, language));
    // Both figures are press reports that disagree with others: each line says it is unconfirmed.
    const flags = await items(page, 'fee-line-unconfirmed');
    assert(flags.length === 2, `both fee lines should be flagged unconfirmed, ${flags.length} are`);
    for (const flag of flags) assert(seen(flag.text) === expect.unconfirmed, `the flag reads ${JSON.stringify(flag.text)}`);
    await keep(page, 'check');
  });

  // `declineFirst`: the bank declines once; nothing is charged and she tries again.
  const payAndKeepReceipt = async (what, { declineFirst = false } = {}) => {
    await click(page, 'confirm-button');
    await waitForScreen(page, '#/pay/', { prefix: true });
    await shows(page, 'gateway-tag', language === 'ar' ? 'اختبار' : 'TEST');
    await keep(page, `${what}-pay`);
    if (declineFirst) {
      await click(page, 'gateway-decline');
      await shows(page, 'payment-result', expect.declined);
      await keep(page, `${what}-declined`);
      await click(page, 'try-again-button');
      await shows(page, 'gateway-tag', language === 'ar' ? 'اختبار' : 'TEST');
    }
    await click(page, 'gateway-approve');
    await waitForScreen(page, '#/receipt/', { prefix: true });
    await shows(page, 'title', expect.done);
    const number = await textOf(page, 'receipt-number');
    const qr = await item(page, 'receipt-qr');
    assert(qr && Number(qr.text) >= 21 && qr.w >= 100, `the receipt should show its QR code (${JSON.stringify(qr)})`);
    await keep(page, `${what}-receipt`);
    return number;
  };

  await step('she pays with the test gateway and gets the receipt: new expiry, fee and QR code', async () => {
    const number = await payAndKeepReceipt('residency');
    await shows(page, 'receipt-new-expiry-value', inWords(husbandsNewExpiry, language));
    await shows(page, 'receipt-fee-value', money(230_000, language));
    const { status, body } = await api(page, 'GET', `api/v1/receipts/${number}`);
    assert(status === 200 && body.receipt.new_expiry === husbandsNewExpiry, `the server's receipt should say ${husbandsNewExpiry}`);
    // The SMS went to the number in the form, which the receipt names; numbers and masked IDs stay
    // left-to-right runs in the mirror too, or an Arabic line shows "0001 ••••".
    assert(/^\+965\d{8}$/.test(body.sms_to ?? ''), `the receipt should name the SMS's number (${body.sms_to})`);
    await shows(page, 'receipt-sms', body.sms_to, { including: true });
    const mirrored = await page.evaluate(() => document.querySelector('[data-id="receipt-civil-id-value"]')?.textContent);
    assert(mirrored === '\u2066•••• ' + body.receipt.holder.civil_id_last4 + '\u2069',
           `the mirror should keep the masked civil ID isolated left to right (${JSON.stringify(mirrored)})`);
  });

  await step('the receipt prints as a plain HTML copy with the same lines and the QR code', async () => {
    await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
    await click(page, 'print-button');
    const printed = await page.evaluate(() => ({
      count: window.printed, text: document.getElementById('print').innerText, dir: document.getElementById('print').dir,
      modules: document.querySelector('#print svg path')?.getAttribute('d')?.length ?? 0,
    }));
    assert(printed.count === 1, 'window.print() should have been called once');
    assert(printed.dir === expect.dir, `the printed copy should be ${expect.dir}`);
    assert(printed.text.includes(await textOf(page, 'receipt-number')), 'the printed copy should carry the receipt number');
    assert(printed.text.includes(inWords(husbandsNewExpiry, language)), 'the printed copy should carry the new expiry');
    assert(printed.modules > 100, 'the printed copy should carry the QR code');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, `renewals-${language}-print-view`);
    await page.emulateMedia({ media: 'screen' });
  });

  await step('her dashboard shows the husband\'s new residency expiry', async () => {
    await click(page, 'to-household');
    await waitForScreen(page, '#/household');
    await shows(page, `doc-residency-${husband.civil_id}`, inWords(husbandsNewExpiry, language));
    const after = await household(page);
    assert(documentOf(memberOf(after, 'husband'), 'residency').expires === husbandsNewExpiry, 'the server should record the new expiry');
  });

  // [SECTION] The son's driving licence
  let licenceNewExpiry;
  await step('she renews her son\'s driving licence: one question, then the fee and the limit the residency sets', async () => {
    await click(page, `offer-renew_child_licence-${son.civil_id}`);
    await waitForScreen(page, `#/apply/renew_child_licence/${son.civil_id}/phone`);
    await keep(page, 'licence-phone');
    await click(page, 'continue-button');
    await waitForScreen(page, `#/apply/renew_child_licence/${son.civil_id}/check`);
    const offer = son.transactions.find((each) => each.kind === 'renew_child_licence');
    licenceNewExpiry = offer.decision.new_expiry;  // the server's probe: the page must reach the same
    await shows(page, 'new-expiry-value', inWords(licenceNewExpiry, language));
    await shows(page, 'fee-total-value', money(offer.decision.fees.total_fils, language));
    if (offer.decision.notes.length > 0) await shows(page, 'note', offer.decision.notes[0].message[language]);
    await keep(page, 'licence-check');
  });

  await step('the bank declines her first payment for the licence; she tries again and gets its receipt', async () => {
    await payAndKeepReceipt('licence', { declineFirst: true });
    await shows(page, 'receipt-new-expiry-value', inWords(licenceNewExpiry, language));
  });

  await step('her dashboard shows the son\'s new licence expiry', async () => {
    await click(page, 'nav-household');
    await waitForScreen(page, '#/household');
    await shows(page, `doc-driving_licence-${son.civil_id}`, inWords(licenceNewExpiry, language));
    await shows(page, `doc-residency-${husband.civil_id}`, inWords(husbandsNewExpiry, language));
    await keep(page, 'household-after');
  });

  await step('her transactions list both renewals as completed, each with its receipt', async () => {
    await click(page, 'nav-history');
    await waitForScreen(page, '#/history');
    assert(await title(page) === expect.titles.history, `the title should be ${expect.titles.history}`);
    const statuses = await items(page, 'history-');
    const tags = statuses.filter((entry) => entry.id.endsWith('-status'));
    assert(tags.length === 2 && tags.every((tag) => tag.text === expect.completed), `two completed transactions expected: ${JSON.stringify(tags)}`);
    await keep(page, 'history');
    await settle(page);
  });

  await step('she signs out and is told so', async () => {
    await click(page, 'sign-out');
    await waitForScreen(page, '#/sign-in');
    await shows(page, 'sign-in-notice', expect.signedOut);
    await keep(page, 'signed-out');
  });
}, { language: { type: 'string', default: 'en' } });
