// The staff's screens, in both languages: a citizen who types the counter's address is
// told it is not for her account; Huda, the operator at the Al-Salam morning center, refuses a
// malformed and an unknown civil ID and a sponsor of another center's area in the server's words,
// says so plainly when the network is down,
// looks up the demo mother, renews her husband's residency at the counter through the test gateway
// (recorded with channel center, her center and herself), and issues a walk-in ticket that joins
// today's queue; Yousef, the supervisor, sees exactly the figures GET /supervisor/kpis gives.
// Screenshots: staff-NN-<screen>-<language>.png.
import { execFileSync } from 'node:child_process';

import {
  api, assert, click, problems, reveal, run, screenshot, settle, shows, signIn, step, textOf, typeInto, waitForScreen,
} from './harness.mjs';

// The refusals this test causes on purpose: the server's answers to a malformed, an unknown and an
// out-of-area civil ID (asked by the test to know the words, and by the page).
problems.expect(/status of (403|404|422) .*\/api\/v1\/counter\/households\/(12345|280010101234|\d{12})\)?$/);

// One decimal, halves rounded up (client/text/i18n.h, round_to_tenths), the same arithmetic as the app's.
const tenths = (value) => (Math.floor(value * 10 + 0.5) / 10).toFixed(1);
const share = (value) => (value === null || value === undefined ? '—' : `${tenths(value * 100)}%`);
const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
                  'November', 'December'];
const monthEn = (yearMonth) => `${monthsEn[Number(yearMonth.slice(5, 7)) - 1]} ${yearMonth.slice(0, 4)}`;
const sql = (database, query) => execFileSync('sqlite3', [database, query], { encoding: 'utf8' }).trim();

await run('staff', async ({ accounts, openApp, database }) => {
  const fatima = accounts[0];
  const huda = accounts.find((account) => account.role === 'operator' && account.center_id === 'al-salam-morning');
  const yousef = accounts.find((account) => account.role === 'supervisor');
  assert(huda && yousef, 'the demo seed should write the staff sign-ins');
  let shot = 0;
  const keep = (page, name) => screenshot(page, `staff-${String(++shot).padStart(2, '0')}-${name}`);
  const toggleLanguage = async (page, language) => {
    await click(page, 'language-toggle');
    await page.waitForFunction((language) => document.documentElement.lang === language, language);
    await settle(page);
  };
  const signOut = async (page) => {
    await click(page, 'sign-out');
    await waitForScreen(page, '#/sign-in');
  };

  const page = await openApp({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });

  await step('a citizen who types the counter\'s address is told it is not for her account', async () => {
    await signIn(page, fatima);
    await page.evaluate(() => { location.hash = '#/counter'; });
    await waitForScreen(page, '#/counter');
    await shows(page, 'title', 'This page is not for your account');
    await shows(page, 'account-role-value', 'Citizen');
    await keep(page, 'not-for-citizen-en');
    await signOut(page);
  });

  await step('the operator signs in through the same screens and lands on her counter, with her center', async () => {
    await signIn(page, huda, { landing: '#/counter' });
    await shows(page, 'counter-center', 'Al-Salam', { including: true });
    await shows(page, 'counter-center', 'Morning shift', { including: true });
    await keep(page, 'counter-en');
  });

  await step('a malformed civil ID is refused in the core\'s words, the server\'s own', async () => {
    const server = await api(page, 'GET', 'api/v1/counter/households/12345');
    assert(server.status === 422, `the server should refuse 12345 with 422, not ${server.status}`);
    await typeInto(page, 'sponsor-civil-id-input', '12345');
    await click(page, 'look-up-button');
    await shows(page, 'sponsor-civil-id-input-error', server.body.error.fields[0].message.en, { including: true });
    await shows(page, 'error-summary-sponsor-civil-id', server.body.error.fields[0].message.en, { including: true });
  });

  await step('an unknown civil ID is refused with the server\'s reason', async () => {
    const server = await api(page, 'GET', 'api/v1/counter/households/280010101234');
    assert(server.body.error?.code === 'counter.sponsor_unknown', 'the test number should be valid and unknown');
    await typeInto(page, 'sponsor-civil-id-input', '280010101234');
    await click(page, 'look-up-button');
    await shows(page, 'sponsor-civil-id-input-error', server.body.error.message.en);
    assert(!(await page.evaluate(() => window.muamalaTest.items.some((each) => each.id === 'serving-title'))),
           'no household should be shown after a refusal');
  });

  await step('with the network down, the look-up says so and offers a retry; nothing of a household is shown', async () => {
    problems.expect(/(request failed: |Failed to load resource: net::ERR_INTERNET_DISCONNECTED).*\/api\/v1\/counter\/households\/281081300008/);
    await page.route('**/api/v1/counter/households/**', (route) => route.abort('internetdisconnected'));
    await typeInto(page, 'sponsor-civil-id-input', fatima.civil_id);
    await click(page, 'look-up-button');
    await shows(page, 'look-up-failure', 'Could not reach the server. Check your connection, then try again.');
    assert(!(await page.evaluate(() => window.muamalaTest.items.some((each) => each.id === 'serving-title'))),
           'no household should be shown while the server cannot be reached');
    await page.unroute('**/api/v1/counter/households/**');
    await click(page, 'look-up-failure-retry');
    await shows(page, 'serving-title', 'Household of Fatima Al-Mutairi');
  });

  // Another demo mother whose area Al-Salam does not serve (the seed is fixed: one of the two is).
  let outsider = null;
  await step('a sponsor from another center\'s area is refused, and the page says whose area it is', async () => {
    for (const account of accounts.slice(1, 3)) {
      const reply = await api(page, 'GET', `api/v1/counter/households/${account.civil_id}`);
      if (reply.body.error?.code === 'counter.outside_area') { outsider = { account, error: reply.body.error }; break; }
    }
    assert(outsider, 'one of the other demo mothers should live outside Al-Salam\'s areas');
    await typeInto(page, 'sponsor-civil-id-input', outsider.account.civil_id);
    await click(page, 'look-up-button');
    await shows(page, 'sponsor-civil-id-input-error', outsider.error.message.en);
    await keep(page, 'outside-area-en');
  });

  const counterHousehold = (await api(page, 'GET', `api/v1/counter/households/${fatima.civil_id}`)).body;
  const husband = counterHousehold.members.find((member) => member.relation === 'husband');
  const residency = husband.documents.find((document) => document.type === 'residency');
  const renewedTo = `${Number(residency.expires.slice(0, 4)) + 1}${residency.expires.slice(4)}`;

  await step('she looks up the demo mother and sees the household\'s cards, as on the mother\'s own dashboard', async () => {
    await typeInto(page, 'sponsor-civil-id-input', fatima.civil_id);
    await click(page, 'look-up-button');
    await shows(page, 'serving-title', 'Household of Fatima Al-Mutairi');
    await shows(page, `member-${husband.civil_id}`, 'Ahmed Hassan');
    await keep(page, 'household-en');
  });

  let receiptNumber;
  await step('she renews the husband\'s residency for one year with the same wizard, and takes payment at the test gateway', async () => {
    await click(page, `offer-renew_husband_residency-${husband.civil_id}`);
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/years`);
    await typeInto(page, 'years-input', '1');
    await click(page, 'continue-button');
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/phone`);
    await shows(page, 'phone-input', counterHousehold.sponsor.phone);
    await click(page, 'continue-button');
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/check`);
    await click(page, 'confirm-button');
    await waitForScreen(page, '#/pay/', { prefix: true });
    await shows(page, 'gateway-tag', 'TEST');
    await keep(page, 'pay-en');
    await click(page, 'gateway-approve');
    await waitForScreen(page, '#/receipt/', { prefix: true });
    await shows(page, 'title', 'Transaction complete');
    await shows(page, 'receipt-channel-value', 'At a service center');
    receiptNumber = await textOf(page, 'receipt-number');
    await keep(page, 'receipt-en');
  });

  await step('the server agrees: done at the center, at Al-Salam, by Huda, with the new expiry', async () => {
    const { status, body } = await api(page, 'GET', `api/v1/receipts/${receiptNumber}/verify`);
    assert(status === 200 && body.valid, 'the receipt should verify');
    assert(body.receipt.channel === 'center' && body.receipt.center_id === 'al-salam-morning',
           `the receipt should say center / al-salam-morning, not ${body.receipt.channel} / ${body.receipt.center_id}`);
    assert(body.receipt.new_expiry === renewedTo, `the new expiry should be ${renewedTo}, not ${body.receipt.new_expiry}`);
    const recorded = sql(database, `SELECT t.channel || ' ' || t.center_id || ' ' || a.civil_id FROM receipts AS r
                                    JOIN transactions AS t ON t.id = r.transaction_id
                                    JOIN accounts AS a ON a.id = t.operator_account WHERE r.number = '${receiptNumber}'`);
    assert(recorded === `center al-salam-morning ${huda.civil_id}`, `the transaction is recorded as "${recorded}"`);
  });

  await step('back at the counter, the household shows the new expiry', async () => {
    await click(page, 'to-household');
    await waitForScreen(page, '#/counter');
    await shows(page, `doc-residency-${husband.civil_id}`, `${Number(renewedTo.slice(8))} ${monthsEn[Number(renewedTo.slice(5, 7)) - 1]} ${renewedTo.slice(0, 4)}`);
  });

  await step('she issues a walk-in ticket and it joins today\'s queue', async () => {
    await click(page, 'issue-ticket-button');
    const { body } = await api(page, 'GET', 'api/v1/counter/queue');
    const ticket = body.tickets.at(-1);
    assert(ticket && ticket.source === 'walk_in', 'the queue should end with a walk-in ticket');
    await shows(page, 'ticket-issued', `Ticket ${ticket.number} issued`, { including: true });
    await shows(page, `ticket-${ticket.number}`, `Ticket ${ticket.number} · Walk-in`, { including: true });
    await keep(page, 'queue-en');
  });

  await step('in Arabic, the refusal of a sponsor of another area is the server\'s Arabic', async () => {
    await toggleLanguage(page, 'ar');
    await typeInto(page, 'sponsor-civil-id-input', outsider.account.civil_id);
    await click(page, 'look-up-button');
    await shows(page, 'sponsor-civil-id-input-error', outsider.error.message.ar);
    await shows(page, 'title', 'الكاونتر');
    await keep(page, 'outside-area-ar');
    await typeInto(page, 'sponsor-civil-id-input', fatima.civil_id);
    await click(page, 'look-up-button');
    await shows(page, 'serving-title', 'أسرة فاطمة المطيري');
    await keep(page, 'household-ar');
    await signOut(page);
  });

  await step('the supervisor lands on the figures, labelled synthetic, and they are the API\'s', async () => {
    await signIn(page, yousef, { landing: '#/supervisor' });
    await shows(page, 'synthetic-tag', 'بيانات مصطنعة');
    await keep(page, 'figures-ar');
    await toggleLanguage(page, 'en');
    const { status, body: kpis } = await api(page, 'GET', 'api/v1/supervisor/kpis');
    assert(status === 200 && kpis.by_month.length > 12, 'the seeded history should give a year and more of months');
    await shows(page, 'synthetic-tag', 'SYNTHETIC DATA');
    await shows(page, 'kpi-current-value', `${share(kpis.current.in_person_share)} in person (${kpis.current.in_person} of ${kpis.current.total})`);
    await shows(page, 'kpi-baseline-value', share(kpis.baseline.in_person_share), { including: true });
    await shows(page, 'kpi-trend-value', `${tenths(kpis.trend.slope_per_month * 100)} points a month`);
    await shows(page, 'kpi-zero-value', `${monthEn(kpis.trend.projected_zero_month)}, if the trend holds`);
    for (const month of kpis.by_month) {
      await shows(page, `month-${month.month}-1`, String(month.in_person));
      await shows(page, `month-${month.month}-2`, String(month.online));
      await shows(page, `month-${month.month}-3`, share(month.in_person_share));
      await shows(page, `chart-bar-${month.month}`, share(month.in_person_share), { including: true });
    }
    for (const [index, kind] of kpis.by_kind.entries()) {
      await shows(page, `kind-${index}-0`, kind.title.en);
      await shows(page, `kind-${index}-1`, String(kind.in_person));
      await shows(page, `kind-${index}-2`, String(kind.online));
    }
    for (const [index, center] of kpis.by_center.entries()) {
      await shows(page, `center-${index}-0`, center.center.name.en, { including: true });
      await shows(page, `center-${index}-1`, String(center.in_person));
      await shows(page, `center-${index}-3`, share(center.in_person_share));
    }
    // Today's counter renewal counts in person, in the month under way.
    assert(kpis.by_month.at(-1).in_person >= 1, 'the renewal at the counter should count in person this month');
    await reveal(page, 'chart-by-month');
    await keep(page, 'figures-chart-en');
    await toggleLanguage(page, 'ar');
    await reveal(page, 'chart-by-month');
    await keep(page, 'figures-chart-ar');
  });
});
