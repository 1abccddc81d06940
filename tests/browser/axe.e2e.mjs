// Every screen audited by axe-core, the accessibility engine browsers' own audits build on, in one
// language (--language en|ar): signed out (sign-in, its errors, the code step), the citizen's
// screens (dashboard, each step of a renewal, the bank's page, the receipt, history, the centers,
// a booking, her appointments, her account), an operator's counter and the supervisor's figures.
// What axe reads is the DOM mirror over the canvas (client/platform/mirror.h), which is what
// assistive technology reads. Any violation, of any impact, fails the run and names the rule, the
// element and the screen.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assert, click, household, memberOf, run, settle, signIn, step, typeInto, waitForScreen } from './harness.mjs';

const require = createRequire(import.meta.url);
let axeSource;
try {
  axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch {
  console.error('axe: axe-core is missing; run scripts/setup.sh (it runs npm ci in tests/browser)');
  process.exit(1);
}

await run('axe', async ({ options, accounts, openApp }) => {
  const language = options.language;
  assert(language === 'en' || language === 'ar', '--language must be en or ar');
  // The server's Content-Security-Policy rightly refuses an injected script: the audit page alone
  // bypasses it, to load axe.
  const context = { viewport: { width: 1280, height: 800 }, locale: language === 'ar' ? 'ar-KW' : 'en-GB', bypassCSP: true };
  const audited = [];

  const audit = async (page, where) => {
    await settle(page);
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
      return violations.map((violation) => ({
        rule: violation.id, impact: violation.impact, help: violation.help,
        nodes: violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
      }));
    });
    const screen = await page.evaluate(() => window.muamalaTest.screen);
    audited.push(screen);
    assert(result.length === 0,
           `${where} (${screen}) breaks ${result.length} rule(s):\n` +
           result.map((each) => `  ${each.rule} [${each.impact}] ${each.help}\n    ${each.nodes.join('\n    ')}`).join('\n'));
  };
  const open = async () => {
    const page = await openApp(context);
    if ((await page.evaluate(() => window.muamalaTest.language)) !== language) {
      await click(page, 'language-toggle');
      await page.waitForFunction((language) => window.muamalaTest.language === language, language);
    }
    return page;
  };
  const go = async (page, fragment) => {
    await page.evaluate((fragment) => { location.hash = fragment; }, fragment);
    await waitForScreen(page, fragment);
  };

  const fatima = accounts[0];
  await step('signed out: the sign-in screen, its error summary, the code step', async () => {
    const page = await open();
    await waitForScreen(page, '#/sign-in');
    await audit(page, 'sign-in');
    await click(page, 'continue-button');  // nothing typed: the error summary and both fields' errors
    await audit(page, 'sign-in with errors');
    await typeInto(page, 'civil-id-input', fatima.civil_id);
    await typeInto(page, 'password-input', fatima.password, { secret: true });
    await click(page, 'continue-button');
    await waitForScreen(page, '#/sign-in/code');
    await audit(page, 'the code step');
    await page.context().close();
  });

  await step('the citizen: dashboard, a renewal step by step, the bank, the receipt, history, centers, a booking, appointments, account', async () => {
    const page = await open();
    await signIn(page, fatima);
    await audit(page, 'dashboard');
    const husband = memberOf(await household(page), 'husband');
    const kind = 'renew_husband_residency';
    await click(page, `offer-${kind}-${husband.civil_id}`);
    await waitForScreen(page, `#/apply/${kind}/${husband.civil_id}/years`);
    await audit(page, 'the renewal: years');
    await click(page, 'continue-button');  // nothing chosen: the step's error
    await audit(page, 'the renewal: years, with its error');
    await typeInto(page, 'years-input', '1');
    await click(page, 'continue-button');
    await waitForScreen(page, `#/apply/${kind}/${husband.civil_id}/phone`);
    await audit(page, 'the renewal: phone');
    await click(page, 'continue-button');
    await waitForScreen(page, `#/apply/${kind}/${husband.civil_id}/check`);
    await audit(page, 'the renewal: check');
    await click(page, 'confirm-button');
    await waitForScreen(page, '#/pay/', { prefix: true });
    await audit(page, 'the test gateway');
    await click(page, 'gateway-approve');
    await waitForScreen(page, '#/receipt/', { prefix: true });
    await audit(page, 'the receipt');
    for (const [fragment, where] of [['#/history', 'history'], ['#/centers', 'the centers'], ['#/book/al-salam-morning', 'a booking'],
                                     ['#/appointments', 'her appointments'], ['#/account', 'her account']]) {
      await go(page, fragment);
      await audit(page, where);
    }
    await page.context().close();
  });

  await step('the staff: the counter with a household looked up, the supervisor\'s figures', async () => {
    const huda = accounts.find((account) => account.role === 'operator' && account.center_id === 'al-salam-morning');
    const counter = await open();
    await signIn(counter, huda, { landing: '#/counter' });
    await audit(counter, 'the counter');
    await typeInto(counter, 'sponsor-civil-id-input', fatima.civil_id);
    await click(counter, 'look-up-button');
    await counter.waitForFunction(() => window.muamalaTest.items.some((each) => each.id.startsWith('offer-')), null, { timeout: 10_000 });
    await audit(counter, 'the counter with a household');
    await counter.context().close();

    const yousef = accounts.find((account) => account.role === 'supervisor');
    const figures = await open();
    await signIn(figures, yousef, { landing: '#/supervisor' });
    await figures.waitForFunction(() => window.muamalaTest.items.some((each) => each.kind === 'chart'), null, { timeout: 10_000 });
    await audit(figures, 'the figures');
    await figures.context().close();
    console.log(`axe: ${audited.length} screens audited: ${audited.join(', ')}`);
  });
}, { language: { type: 'string', default: 'en' } });
