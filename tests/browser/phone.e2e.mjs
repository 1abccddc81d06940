// A mother on her phone (390x844 CSS pixels, touch, three device pixels to one), in one language
// (--language en|ar): she renews her husband's residency with her fingers only, taps and swipes,
// typing through the on-screen keyboard (the mirrored <input> that a tap focuses), digits arriving
// as an IME commits them (an `input` event with no key); a wrong answer and a declined payment on
// the way. No screen, nor anything drawn on it, goes beyond the window's sides.
// Screenshots: phone-<language>-NN-<screen>.png.
import { assert, household, item, memberOf, run, screenshot, settle, shows, step, totp, waitForScreen } from './harness.mjs';
import { fitsWidth, mirrored, swipe, tap } from './access.mjs';

const arabicDigits = (ascii) => ascii.replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[d]);

await run('phone', async ({ options, accounts, openApp }) => {
  const language = options.language;
  assert(language === 'en' || language === 'ar', '--language must be en or ar');
  const fatima = accounts[0];
  const page = await openApp({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
                               locale: language === 'ar' ? 'ar-KW' : 'en-GB' });
  let shot = 0;
  const keep = async (name) => {
    await fitsWidth(page, name);
    await screenshot(page, `phone-${language}-${String(++shot).padStart(2, '0')}-${name}`);
  };

  // A tap on a field focuses its mirrored <input>: what opens a phone's on-screen keyboard.
  const tapField = async (id) => {
    await tap(page, id);
    try {
      await page.waitForFunction((id) => {
        const focused = document.activeElement;
        return focused?.localName === 'input' && focused.dataset.id === id &&
               window.muamalaTest.items.find((each) => each.id === id)?.active === true;
      }, id, { timeout: 5_000 });
    } catch {
      throw new Error(`a tap on "${id}" should focus its <input> (the on-screen keyboard's target) and make the field active`);
    }
    await settle(page);
  };
  // Typing as a phone's keyboard does: the field's text arrives in `input` events; Arabic digits
  // come as an IME's composition, then its commit, with no key events at all.
  const typeOnPhone = async (id, text, { secret = false } = {}) => {
    await tapField(id);
    await mirrored(page, id).fill('');
    const cdp = await page.context().newCDPSession(page);
    for (const chunk of text.match(/.{1,3}/gu)) {
      if (/[٠-٩]/.test(chunk)) {
        await cdp.send('Input.imeSetComposition', { text: chunk, selectionStart: chunk.length, selectionEnd: chunk.length });
        await cdp.send('Input.insertText', { text: chunk });
      } else {
        await page.keyboard.insertText(chunk);
      }
    }
    await cdp.detach();
    await shows(page, id, secret ? '*'.repeat(Buffer.byteLength(text)) : text);
  };

  await step('the sign-in page fits the phone', async () => {
    await waitForScreen(page, '#/sign-in');
    assert(await page.evaluate(() => document.getElementById('canvas').width) === 1170, 'the canvas should be 1170 device pixels wide');
    await keep('sign-in');
  });

  await step('she signs in typing through the on-screen keyboard: Arabic-Indic digits from an IME', async () => {
    // Digits only: the phone opens its number pad; the code is one the phone may offer from an SMS.
    assert(await mirrored(page, 'civil-id-input').getAttribute('inputmode') === 'numeric', 'the civil ID should ask for a number pad');
    await typeOnPhone('civil-id-input', arabicDigits(fatima.civil_id));
    await shows(page, 'civil-id-verdict', language === 'ar' ? 'رقم مدني صحيح' : 'A valid civil ID number', { including: true });
    await typeOnPhone('password-input', fatima.password, { secret: true });
    await keep('sign-in-typed');
    await tap(page, 'continue-button');
    await waitForScreen(page, '#/sign-in/code');
    await keep('code');
    assert(await mirrored(page, 'code-input').getAttribute('autocomplete') === 'one-time-code', 'the code should be marked one-time-code');
    await typeOnPhone('code-input', totp(fatima.totp_secret));
    await tap(page, 'sign-in-button');
    await waitForScreen(page, '#/household');
    // The field lost the focus with its screen: the on-screen keyboard goes away.
    assert(await page.evaluate(() => document.activeElement?.localName !== 'input'), 'no field should keep the focus on the dashboard');
    await keep('household');
  });

  const husband = memberOf(await household(page), 'husband');
  await step('a swipe scrolls her long dashboard, the mirror with it; a tap on text does nothing', async () => {
    const id = `offer-renew_husband_residency-${husband.civil_id}`;
    const before = await item(page, id);
    await swipe(page, 195, 700, -300);
    const after = await item(page, id);
    assert(after.y < before.y - 200, `a swipe up should scroll the page (the offer at ${before.y}, then ${after.y})`);
    const box = await mirrored(page, id).boundingBox();
    assert(Math.abs(box.y - after.y) < 1 && Math.abs(box.x - after.x) < 1, 'the mirrored button should follow the scroll');
    await keep('household-scrolled');
    await tap(page, 'intro');
    assert(await page.evaluate(() => location.hash) === '#/household', 'a tap on a paragraph should go nowhere');
  });

  await step('she taps her husband\'s renewal, types two years, and taps Continue twice', async () => {
    await tap(page, `offer-renew_husband_residency-${husband.civil_id}`);
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/years`);
    // A wrong answer first: the error summary and the field's error fit the phone too.
    await typeOnPhone('years-input', '9');
    await tap(page, 'continue-button');
    await shows(page, 'years-input-error', language === 'ar' ? 'اختر من سنة واحدة إلى 5 سنوات' : 'Choose between 1 and 5 years');
    await keep('years-error');
    await typeOnPhone('years-input', language === 'ar' ? '٢' : '2');
    await shows(page, 'term-preview', language === 'ar' ? '230.000 د.ك' : 'KD 230.000', { including: true });
    await keep('years');
    await tap(page, 'continue-button');
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/phone`);
    await keep('phone');
    await tap(page, 'continue-button');
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/check`);
    await keep('check');
  });

  await step('she confirms, pays with a tap, and gets her receipt', async () => {
    await tap(page, 'confirm-button');
    await waitForScreen(page, '#/pay/', { prefix: true });
    await keep('pay');
    await tap(page, 'gateway-decline');  // the bank says no once: its answer and the retry fit too
    await shows(page, 'payment-result', language === 'ar' ? 'رفض البنك عملية الدفع.' : 'The bank declined the payment.');
    await keep('declined');
    await tap(page, 'try-again-button');
    await tap(page, 'gateway-approve');
    await waitForScreen(page, '#/receipt/', { prefix: true });
    await shows(page, 'title', language === 'ar' ? 'اكتملت المعاملة' : 'Transaction complete');
    await keep('receipt');
    await tap(page, 'to-history');
    await waitForScreen(page, '#/history');
    await keep('history');
  });
}, { language: { type: 'string', default: 'ar' } });
