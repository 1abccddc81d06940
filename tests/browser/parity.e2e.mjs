// The page refuses before sending exactly what the server refuses after sending: for each bad
// answer, the message the app shows at the field (from common/, compiled to wasm) is the very one
// the server's 422 gives for the same input sent straight to POST /api/v1/transactions, in English
// and in Arabic; and for a good answer, the fee and new expiry the page shows are the server's.
//
// The server runs with --rulebook: the built-in rulebook with the husband's fee and longest term
// changed, as a fee change would come. The page knows only the built-in one from its build; agreeing
// with the server on the changed figures shows that it decides with the rulebook the server serves.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  api, assert, click, household, memberOf, run, screen, screenshot, settle, shows, signIn, step, textOf, typeInto,
  waitForScreen, problems,
} from './harness.mjs';

// [SECTION] The changed rulebook: KD 17.500 a year and at most 4 years, from 23 December 2025
const builtIn = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../common/rulebook/rulebook.json'), 'utf8'));
const changed = structuredClone(builtIn);
const latest = changed.versions.at(-1);
const source = latest.instrument_source;
latest.transactions.renew_husband_residency.fee_per_year_fils = { value: 17500, source, confirmed: true };
latest.transactions.renew_husband_residency.max_years = { value: 4, source, confirmed: true };
const insurance = latest.transactions.renew_husband_residency.health_insurance_fee_per_year_fils.value;
const writeRulebook = (workDir) => {
  const file = join(workDir, 'rulebook.json');
  writeFileSync(file, JSON.stringify(changed));
  return ['--rulebook', file];
};

await run('parity', async ({ accounts, openApp }) => {
  const fatima = accounts[0];
  const page = await openApp({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  // The server's refusals of the test's own requests are the point of this test.
  problems.expect(/status of 422 .*\/api\/v1\/transactions\)?$/);

  // Every submission the app itself sends (the test's own carry keys starting "parity-").
  const appSubmissions = [];
  page.on('request', (request) => {
    const key = request.headers()['idempotency-key'] ?? '';
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/transactions') && !key.startsWith('parity-'))
      appSubmissions.push(request.postData());
  });

  await signIn(page, fatima);
  const home = await household(page);
  const husband = memberOf(home, 'husband');
  const kind = 'renew_husband_residency';
  let sent = 0;
  const serverSays = async (form) => {
    const { status, body } = await api(page, 'POST', 'api/v1/transactions',
                                       { body: { kind, beneficiary: husband.civil_id, form }, csrf: true, idempotencyKey: `parity-${++sent}` });
    assert(status === 422, `the server should refuse ${JSON.stringify(form)}, not answer ${status}`);
    return body.error.fields;
  };
  const messageFor = (fields, field, language) => {
    const found = fields.find((each) => each.field === field);
    assert(found, `the server's 422 should name ${field}: ${JSON.stringify(fields)}`);
    return found.message[language];
  };

  // The page's judgement: type, press Continue, read the field's message; it must not move on.
  const pageSays = async (fieldId, typed, stepFragment) => {
    await typeInto(page, fieldId, typed);
    await click(page, 'continue-button');
    assert(await screen(page) === stepFragment, `the page should stay on ${stepFragment} for ${JSON.stringify(typed)}`);
    const inline = await textOf(page, `${fieldId}-error`);
    const summary = await textOf(page, `error-summary-${fieldId.replace('-input', '')}`);
    assert(inline === summary, `the error summary and the field should say the same: ${summary} / ${inline}`);
    return inline;
  };

  const yearsStep = `#/apply/${kind}/${husband.civil_id}/years`;
  const phoneStep = `#/apply/${kind}/${husband.civil_id}/phone`;
  await step('the server serves the changed rulebook, and its household page names the version in force', async () => {
    const { status, body } = await api(page, 'GET', 'api/v1/rulebook');
    assert(status === 200, `GET /rulebook answered ${status}`);
    assert(body.versions.at(-1).transactions.renew_husband_residency.fee_per_year_fils.value === 17500,
           'the server should serve the file it was started with');
    assert(home.rulebook.id === latest.id, `the household names ${home.rulebook.id}, not ${latest.id}`);
  });

  await click(page, `offer-${kind}-${husband.civil_id}`);
  await waitForScreen(page, yearsStep);

  // What is typed, and the form the app would send for it (years read as a whole number, in any
  // digit script; the phone as typed).
  const yearsCases = [
    { typed: '0', form: { years: 0 } },
    { typed: '5', form: { years: 5 } },  // allowed by the built-in rulebook, not by the served one
    { typed: '6', form: { years: 6 } },
    { typed: ' ٧ ', form: { years: 7 } },
    { typed: '', form: {} },
  ];
  for (const { typed, form } of yearsCases) {
    await step(`years ${JSON.stringify(typed)}: the page's message is the server's`, async () => {
      const mine = await pageSays('years-input', typed, yearsStep);
      const theirs = messageFor(await serverSays({ ...form, phone: home.sponsor.phone }), 'form.years', 'en');
      assert(mine === theirs, `the page says ${JSON.stringify(mine)}, the server ${JSON.stringify(theirs)}`);
    });
  }
  await screenshot(page, 'parity-en-years-refused');

  await step('with a good term the page moves on', async () => {
    await typeInto(page, 'years-input', '1');
    await click(page, 'continue-button');
    await waitForScreen(page, phoneStep);
  });

  const phoneCases = ['12345', '+965 1234 5678', '٥٥٥ ١٢', 'call me', ''];
  for (const typed of phoneCases) {
    await step(`phone ${JSON.stringify(typed)}: the page's message is the server's`, async () => {
      const mine = await pageSays('phone-input', typed, phoneStep);
      const theirs = messageFor(await serverSays({ years: 1, phone: typed }), 'form.phone', 'en');
      assert(mine === theirs, `the page says ${JSON.stringify(mine)}, the server ${JSON.stringify(theirs)}`);
    });
  }
  await screenshot(page, 'parity-en-phone-refused');

  await step('in Arabic, the page\'s messages are the server\'s Arabic ones, and what was typed stays', async () => {
    await click(page, 'language-toggle');
    await shows(page, 'phone-input', '');  // the last case, kept
    await typeInto(page, 'phone-input', '+965 1234 5678');
    await click(page, 'continue-button');
    const mine = await textOf(page, 'phone-input-error');
    const theirs = messageFor(await serverSays({ years: 1, phone: '+965 1234 5678' }), 'form.phone', 'ar');
    assert(mine === theirs, `the page says ${JSON.stringify(mine)}, the server ${JSON.stringify(theirs)}`);
    await screenshot(page, 'parity-ar-phone-refused');
    await click(page, 'back-link');
    await waitForScreen(page, yearsStep);
    await typeInto(page, 'years-input', '9');
    await click(page, 'continue-button');
    const years = await textOf(page, 'years-input-error');
    const serverYears = messageFor(await serverSays({ years: 9, phone: home.sponsor.phone }), 'form.years', 'ar');
    assert(years === serverYears, `the page says ${JSON.stringify(years)}, the server ${JSON.stringify(serverYears)}`);
    await screenshot(page, 'parity-ar-years-refused');
  });

  await step('none of these refusals was sent by the page', async () => {
    assert(appSubmissions.length === 0, `the page sent ${appSubmissions.length} submissions: ${appSubmissions.join(', ')}`);
  });

  await step('for a good answer, the fee and new expiry the page shows are the ones the server records', async () => {
    await typeInto(page, 'years-input', '3');
    await click(page, 'continue-button');
    await waitForScreen(page, phoneStep);
    await typeInto(page, 'phone-input', '٩٩٠٠ ٠٠٠١');  // the sponsor's own, in Arabic-Indic digits with a space
    await click(page, 'continue-button');
    await waitForScreen(page, `#/apply/${kind}/${husband.civil_id}/check`);
    const pageExpiry = await textOf(page, 'new-expiry-value');
    const pageTotal = await textOf(page, 'fee-total-value');
    await click(page, 'confirm-button');
    await waitForScreen(page, '#/pay/', { prefix: true });
    assert(appSubmissions.length === 1, `exactly one submission expected, ${appSubmissions.length} sent`);
    assert(JSON.parse(appSubmissions[0]).form.phone === '+96599000001', `the page should send the normalised phone: ${appSubmissions[0]}`);
    const id = (await screen(page)).slice('#/pay/'.length);
    const { body: transaction } = await api(page, 'GET', `api/v1/transactions/${id}`);
    const [year, month, day] = transaction.new_expiry.split('-').map(Number);
    const months = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];
    assert(pageExpiry === `${day} ${months[month - 1]} ${year}`, `the page showed ${pageExpiry}, the server recorded ${transaction.new_expiry}`);
    const fee = `${Math.floor(transaction.fee_fils / 1000)}.${String(transaction.fee_fils % 1000).padStart(3, '0')} د.ك`;
    assert(pageTotal === fee, `the page showed ${pageTotal}, the server charges ${fee}`);
    assert(transaction.fee_fils === 3 * (17500 + insurance), `three years at the served figures, not ${transaction.fee_fils}`);
    await settle(page);
  });
}, {}, { serverArgs: writeRulebook });
