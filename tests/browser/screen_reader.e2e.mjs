// What a screen reader gets, read from Chromium's accessibility tree (the DOM mirror over the
// canvas, client/platform/mirror.h), in English and in Arabic: the screen's heading, each field with its
// label, value, hint and error, the buttons and links; errors read out in the live region; and
// the mirror driven as assistive technology drives it (a click on the element, a value set), not
// by coordinates. The canvas itself is hidden from it. The mirror is left alone when nothing changed.
import { assert, household, memberOf, run, screenshot, settle, shows, step, totp, waitForScreen } from './harness.mjs';
import { accessibilityTree, announced, findNode, mirrored } from './access.mjs';

await run('screen_reader', async ({ accounts, openApp }) => {
  const fatima = accounts[0];
  const page = await openApp({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  // As a screen reader activates an element: a click event on it, wherever it is.
  const activate = async (id) => {
    await mirrored(page, id).evaluate((element) => element.click());
    await settle(page);
  };

  await step('English: the sign-in screen reads as a heading, labelled fields with hints, a button and links', async () => {
    await waitForScreen(page, '#/sign-in');
    const tree = await accessibilityTree(page);
    assert(!tree.some((node) => node.role === 'canvas' || node.name === 'Muamala — معاملة'), 'the canvas should be hidden from the tree');
    assert(findNode(tree, 'heading', 'Sign in').level === 1, 'the heading should be level 1');
    const civilId = findNode(tree, 'textbox', 'Civil ID number');
    assert(civilId.description === '12 digits, as printed on your civil ID card', `the civil ID's hint should describe it: ${civilId.description}`);
    assert(!civilId.invalid, 'the civil ID should not be invalid yet');
    findNode(tree, 'textbox', 'Password');
    findNode(tree, 'button', 'Continue');
    findNode(tree, 'link', 'العربية');
    // Landmarks to jump between: the header, the screen (the navigation comes with signing in).
    assert(tree.some((node) => node.role === 'banner') && tree.some((node) => node.role === 'main'), 'the page should have a banner and a main landmark');
    findNode(tree, 'StaticText', 'A demonstration: the people are made up and payments go through a test gateway. No money moves.');
    assert(await page.evaluate(() => document.getElementById('mirror').lang) === 'en', 'the mirror should be in English');
  });

  await step('a bad civil ID and no password: the error summary is announced, each field is invalid and says why', async () => {
    await mirrored(page, 'civil-id-input').fill('12345');  // as assistive technology sets a value
    await shows(page, 'civil-id-input', '12345');
    await activate('continue-button');
    await shows(page, 'civil-id-input-error', 'Enter the civil ID as 12 digits');
    await announced(page, 'alert', 'There is a problem');
    await announced(page, 'alert', 'Enter the civil ID as 12 digits');
    await announced(page, 'alert', 'Enter your password');
    const tree = await accessibilityTree(page);
    const civilId = findNode(tree, 'textbox', 'Civil ID number');
    assert(civilId.value === '12345', `the field should read its value: ${civilId.value}`);
    assert(civilId.invalid, 'the civil ID should be invalid');
    assert(civilId.description.includes('Error: Enter the civil ID as 12 digits'), `the error should describe the field: ${civilId.description}`);
    assert(findNode(tree, 'textbox', 'Password').invalid, 'the password should be invalid');
    findNode(tree, 'heading', 'There is a problem');
    findNode(tree, 'link', 'Enter the civil ID as 12 digits');
    assert(await page.evaluate(() => document.title) === 'Error: Sign in — Muamala', 'the title should say Error first');
    await screenshot(page, 'screen_reader-en-errors');
  });

  await step('the error summary\'s link moves the focus into its field', async () => {
    await activate('error-summary-civil-id');
    await page.waitForFunction(() => document.activeElement?.dataset?.id === 'civil-id-input', null, { timeout: 5_000 });
    await page.waitForFunction(() => window.muamalaTest.focused === 'civil-id-input', null, { timeout: 5_000 });
  });

  await step('nothing in the mirror changes while nothing happens, and typing changes only the field', async () => {
    const before = await page.evaluate(() => {
      window.mirrorChanges = [];
      window.mirrorWatcher = new MutationObserver((records) => window.mirrorChanges.push(...records.map((r) => r.type)));
      window.mirrorWatcher.observe(document.getElementById('mirror-items'), { subtree: true, childList: true, attributes: true, characterData: true });
      window.heldButton = document.querySelector('#mirror-items [data-id="continue-button"]');
      return document.querySelectorAll('#mirror-items > *').length;
    });
    await page.waitForTimeout(1_000);
    assert((await page.evaluate(() => window.mirrorChanges.length)) === 0, 'an idle page should not touch the mirror');
    await page.keyboard.type('67');
    await shows(page, 'civil-id-input', '1234567');
    const after = await page.evaluate(() => ({
      same: window.heldButton === document.querySelector('#mirror-items [data-id="continue-button"]'),
      count: document.querySelectorAll('#mirror-items > *').length,
      childList: window.mirrorChanges.filter((type) => type === 'childList').length,
      attributes: window.mirrorChanges.filter((type) => type === 'attributes').length,
    }));
    assert(after.same && after.count === before, 'typing should keep every mirrored element in place');
    assert(after.childList === 0 && after.attributes === 0,
           `typing should add, remove and rewrite nothing (${after.childList} child, ${after.attributes} attribute changes)`);
  });

  await step('العربية: the same screen reads in Arabic, right to left, and its errors are announced in Arabic', async () => {
    await activate('language-toggle');
    await shows(page, 'title', 'تسجيل الدخول');
    assert(await page.evaluate(() => [document.getElementById('mirror').lang, document.getElementById('mirror').dir].join()) === 'ar,rtl',
           'the mirror should be Arabic, right to left');
    await mirrored(page, 'civil-id-input').fill('');
    await activate('continue-button');
    await announced(page, 'alert', 'هناك مشكلة');
    await announced(page, 'alert', 'أدخل كلمة المرور');
    const tree = await accessibilityTree(page);
    findNode(tree, 'heading', 'تسجيل الدخول');
    const civilId = findNode(tree, 'textbox', 'الرقم المدني');
    assert(civilId.invalid && civilId.description.startsWith('12 رقمًا'), `the Arabic hint and error should describe the field: ${civilId.description}`);
    assert(civilId.description.includes('خطأ: '), `the Arabic error should be marked as one: ${civilId.description}`);
    findNode(tree, 'button', 'متابعة');
    findNode(tree, 'link', 'English');
    await screenshot(page, 'screen_reader-ar-errors');
    await activate('language-toggle');
  });

  await step('a password manager fills both fields at once, with no frame between, and both reach the app', async () => {
    // As autofill does: values set and `input` fired on two fields in one task, the focus on neither.
    await page.evaluate(({ civilId, password }) => {
      for (const [id, value] of [['civil-id-input', civilId], ['password-input', password]]) {
        const input = document.querySelector(`#mirror-items [data-id="${id}"]`);
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, { civilId: fatima.civil_id, password: fatima.password });
    await shows(page, 'civil-id-input', fatima.civil_id);
    await shows(page, 'password-input', '*'.repeat(fatima.password.length));
  });

  await step('the dashboard and a question page read with their structure', async () => {
    await activate('continue-button');
    await waitForScreen(page, '#/sign-in/code');
    // A new screen: its heading has the focus, so a screen reader starts there.
    assert(await page.evaluate(() => document.activeElement?.localName) === 'h1', 'the new screen\'s heading should have the focus');
    await mirrored(page, 'code-input').fill(totp(fatima.totp_secret));
    await activate('sign-in-button');
    await waitForScreen(page, '#/household');
    const husband = memberOf(await household(page), 'husband');
    let tree = await accessibilityTree(page);
    findNode(tree, 'heading', 'Your household');
    assert(findNode(tree, 'heading', husband.name.en).level === 2, 'each member\'s name should be a level 2 heading');
    findNode(tree, 'button', 'Renew husband\'s residency');
    findNode(tree, 'link', 'Sign out');
    assert(tree.some((node) => node.role === 'navigation'), 'signed in, the page should have a navigation landmark');
    await activate(`offer-renew_husband_residency-${husband.civil_id}`);
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/years`);
    await mirrored(page, 'years-input').fill('9');
    await activate('continue-button');
    await announced(page, 'alert', 'Choose between 1 and 5 years');
    tree = await accessibilityTree(page);
    const years = findNode(tree, 'textbox', 'How many years?');
    assert(years.value === '9' && years.invalid, `the years field should read 9, invalid: ${JSON.stringify(years)}`);
    assert(findNode(tree, 'heading', 'How many years?').level === 1, 'the question should be the page\'s heading');
    findNode(tree, 'link', '‹ Back');
  });
});
