// A mother who prefers a visit, in one language (--language en|ar): she sees her service center on
// the dashboard, filters the center finder, is offered to do online what can be done online, books
// a visit for what cannot (through a lost answer: the retry books once), moves it to another time,
// cancels it after saying yes, and is told plainly when a time fills up under her and when a
// center does not serve her area. The server is asked at each step whether it agrees.
// Screenshots: appointments-<language>-NN-<screen>.png.
import {
  api, assert, click, household, item, memberOf, problems, reveal, run, screen, screenshot, shows, signIn, step, waitForScreen,
} from './harness.mjs';

const words = {
  en: {
    locale: 'en-GB', model: 'Model center', count: (n) => `${n} centers`, serves: 'Serves your area',
    anyway: 'Book a visit anyway', book: 'Book this visit', online: 'You can do this online now, without a visit',
    booked: 'Visit booked', moved: 'Appointment moved', cancelQuestion: 'Cancel this appointment?', cancelled: 'Cancelled',
    cancelledNotice: 'Your appointment is cancelled.', purposeRequired: 'Choose what the visit is for', timeRequired: 'Choose a time',
    bookedTag: 'Booked', full: 'This time is fully booked. Choose another time', fullSlot: '(fully booked)',
    unreachable: 'Could not reach the server. Check your connection, then try again.', simulated: 'the SMS is simulated',
  },
  ar: {
    locale: 'ar-KW', model: 'مركز نموذجي', count: (n) => `عدد المراكز: ${n}`, serves: 'يخدم منطقتك',
    anyway: 'احجز زيارة على أي حال', book: 'احجز هذه الزيارة', online: 'يمكنك إنجاز هذه المعاملة الآن عبر الإنترنت دون زيارة',
    booked: 'تم حجز الزيارة', moved: 'تم نقل الموعد', cancelQuestion: 'هل تريد إلغاء هذا الموعد؟', cancelled: 'ملغى',
    cancelledNotice: 'تم إلغاء موعدك.', purposeRequired: 'اختر الغرض من الزيارة', timeRequired: 'اختر وقتًا',
    bookedTag: 'محجوز', full: 'هذا الموعد محجوز بالكامل. اختر موعدًا آخر', fullSlot: '(محجوز بالكامل)',
    unreachable: 'تعذّر الوصول إلى الخادم. تحقق من اتصالك ثم حاول مرة أخرى.', simulated: 'الرسالة النصية محاكاة',
  },
};

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const addDays = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const weekdayOf = (iso) => weekdays[new Date(`${iso}T00:00:00Z`).getUTCDay()];

await run('appointments', async ({ options, accounts, openApp }) => {
  const language = options.language;
  if (!words[language]) throw new Error('--language must be en or ar');
  const expect = words[language];
  let shot = 0;
  const keep = (page, name) => screenshot(page, `appointments-${language}-${String(++shot).padStart(2, '0')}-${name}`);
  const fatima = accounts[0];
  const page = await openApp({ viewport: { width: 1280, height: 800 }, locale: expect.locale });
  await signIn(page, fatima);

  const home = await household(page);
  const center = home.sponsor.center;
  const husband = memberOf(home, 'husband'), son = memberOf(home, 'son');
  const offer = (member, kind) => member.transactions.find((each) => each.kind === kind);
  // The demo household: the husband's residency is due (online now), the son's is years away (not online).
  assert(offer(husband, 'renew_husband_residency').decision.eligible, 'the demo husband\'s residency should be renewable online');
  assert(!offer(son, 'renew_child_residency').decision.eligible, 'the demo son\'s residency should not be renewable yet');
  const mine = async () => (await api(page, 'GET', 'api/v1/appointments')).body.appointments;
  // The open days from tomorrow on (today's times may all have begun), as the center's hours say.
  const openDays = (hours) => Array.from({ length: 30 }, (_, i) => addDays(home.today, i + 1)).filter((day) => hours.days.includes(weekdayOf(day)));
  const slotsOn = async (centerId, day) => (await api(page, 'GET', `api/v1/centers/${centerId}/slots?date=${day}`)).body.slots;

  await step('the dashboard names her center from her home area: hours, the model-center tag, the evening alternative', async () => {
    assert(center && center.id === 'al-salam-morning', `her center should be Al-Salam's, not ${center?.id}`);
    await shows(page, 'your-center-name', center.name[language]);
    await shows(page, 'your-center-model', expect.model);
    await shows(page, 'your-center-hours', center.hours.opens, { including: true });
    assert(home.sponsor.evening_centers.length > 0, 'her governorate should have an evening center');
    await shows(page, 'your-evening-center-0', home.sponsor.evening_centers[0].name[language], { including: true });
    await reveal(page, 'your-center-book');
    await keep(page, 'dashboard-center');
  });

  await step('the finder lists the 52 centers and filters them by governorate, shift and her area, as the server does', async () => {
    await click(page, 'your-center-find');
    await waitForScreen(page, '#/centers');
    await shows(page, 'centers-count', expect.count(52));
    await click(page, 'governorate-hawalli');
    await click(page, 'shift-evening');
    const evening = (await api(page, 'GET', 'api/v1/centers?governorate=hawalli&shift=evening')).body;
    await shows(page, 'centers-count', evening.count === 1 ? (language === 'en' ? '1 center' : 'مركز واحد') : expect.count(evening.count));
    await shows(page, `center-${evening.centers[0].id}`, evening.centers[0].name[language]);
    await click(page, 'shift-any');
    await click(page, 'area-home');
    const serving = (await api(page, 'GET', 'api/v1/centers?area=al_salam')).body;
    await shows(page, 'centers-count', expect.count(serving.count));
    assert(serving.centers.some((c) => c.id === center.id), 'the server should list her center for her area');
    await shows(page, `center-${center.id}-serves-you`, expect.serves);
    await keep(page, 'finder');
  });

  await step('booking for her husband\'s residency, the app first offers to do it online, which leads to the wizard', async () => {
    await click(page, `center-${center.id}-book`);
    await waitForScreen(page, `#/book/${center.id}`);
    await click(page, `purpose-renew_husband_residency-${husband.civil_id}`);
    await shows(page, 'online-offer-title', expect.online);
    await shows(page, 'book-button', expect.anyway);
    await reveal(page, 'online-button');
    await keep(page, 'online-offer');
    await click(page, 'online-button');
    await waitForScreen(page, `#/apply/renew_husband_residency/${husband.civil_id}/years`);
    await page.goBack();
    await waitForScreen(page, `#/book/${center.id}`);
    await shows(page, 'book-button', expect.anyway);  // her choice is kept
  });

  const days = openDays(center.hours);
  let booked;
  await step('she books a visit for her son\'s residency (not possible online); the answer is lost once and the retry books once', async () => {
    await click(page, `purpose-renew_child_residency-${son.civil_id}`);
    await shows(page, 'book-button', expect.book);
    assert(await item(page, 'online-button') === null, 'no online offer for what cannot be done online');
    await click(page, `day-${days[0]}`);
    const slot = (await slotsOn(center.id, days[0])).find((each) => each.bookable);
    await shows(page, `slot-${slot.starts}`, slot.starts, { including: true });
    await click(page, `slot-${slot.starts}`);
    await keep(page, 'booking-form');
    // The server books, but its answer never arrives: the app says so, and its retry (same
    // Idempotency-Key) gets the first answer instead of a second appointment.
    const keys = [];
    problems.expect(/request failed: .*\/api\/v1\/appointments/);
    problems.expect(/net::ERR_FAILED/);
    await page.route('**/api/v1/appointments', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      await route.fetch();
      await route.abort('failed');
    });
    await click(page, 'book-button');
    await shows(page, 'booking-failure', expect.unreachable);
    await page.unroute('**/api/v1/appointments');
    await click(page, 'booking-failure-retry');
    await waitForScreen(page, '#/appointments/A-', { prefix: true });
    const live = (await mine()).filter((a) => a.status === 'booked');
    assert(live.length === 1, `the server should hold one appointment, not ${live.length}`);
    booked = live[0];
    assert(keys.length === 1, 'the lost request should have been sent once before the retry');
    assert(booked.kind === 'renew_child_residency' && booked.beneficiary.civil_id === son.civil_id, 'booked for the son\'s residency');
    assert(booked.slot.id === slot.id && booked.slot.date === days[0], 'booked at the time she chose');
    assert(await screen(page) === `#/appointments/${booked.id}`, 'the confirmation is the appointment\'s page');
    await shows(page, 'title', expect.booked);
    await shows(page, 'reference', booked.id);
    await shows(page, `appointment-${booked.id}-center-value`, center.name[language], { including: true });
    await shows(page, `appointment-${booked.id}-time-value`, slot.starts, { including: true });
    await shows(page, 'sms-simulated', expect.simulated, { including: true });
    await keep(page, 'confirmation');
    await reveal(page, 'sms-simulated');
    await keep(page, 'confirmation-sms');
  });

  await step('My appointments lists it; she moves it to another day, and the server has it at the new time', async () => {
    await click(page, 'to-appointments');
    await waitForScreen(page, '#/appointments');
    await shows(page, `appointment-${booked.id}-status`, expect.bookedTag);
    await keep(page, 'list');
    await click(page, `appointment-${booked.id}-reschedule`);
    await waitForScreen(page, `#/appointments/${booked.id}/reschedule`);
    await click(page, `day-${days[1]}`);
    const slot = (await slotsOn(center.id, days[1])).filter((each) => each.bookable).at(-1);
    await click(page, `slot-${slot.starts}`);
    await keep(page, 'reschedule');
    await click(page, 'book-button');
    await waitForScreen(page, `#/appointments/${booked.id}`);
    await shows(page, 'title', expect.moved);
    const now = (await mine()).find((a) => a.id === booked.id);
    assert(now.status === 'booked' && now.slot.id === slot.id && now.slot.date === days[1], 'the server should have moved it');
  });

  await step('cancelling asks first: No keeps it, Yes cancels it, and the server agrees each time', async () => {
    await click(page, 'to-appointments');
    await waitForScreen(page, '#/appointments');
    await click(page, `appointment-${booked.id}-cancel`);
    await shows(page, `appointment-${booked.id}-cancel-question`, expect.cancelQuestion, { including: true });
    await keep(page, 'cancel-question');
    await click(page, `appointment-${booked.id}-cancel-no`);
    assert(await item(page, `appointment-${booked.id}-cancel-question`) === null, 'No should close the question');
    assert((await mine()).find((a) => a.id === booked.id).status === 'booked', 'No should change nothing');
    await click(page, `appointment-${booked.id}-cancel`);
    await click(page, `appointment-${booked.id}-cancel-yes`);
    await shows(page, `appointment-${booked.id}-status`, expect.cancelled);
    await shows(page, 'cancelled-notice', expect.cancelledNotice, { including: true });
    assert((await mine()).find((a) => a.id === booked.id).status === 'cancelled', 'the server should have it cancelled');
    assert(await item(page, `appointment-${booked.id}-cancel`) === null, 'a cancelled appointment offers no more actions');
    await keep(page, 'cancelled');
  });

  await step('missing answers are named; a time that fills up while she chooses is refused with the server\'s words, and shown full; nothing is booked', async () => {
    await page.goto(page.url().replace(/#.*/, `#/book/${center.id}`));
    await page.waitForFunction(() => window.muamalaTest?.ready === true);
    await waitForScreen(page, `#/book/${center.id}`);
    // Book with nothing chosen: each missing answer is named at the top and at its question; nothing is sent.
    const count = (await mine()).length;
    await click(page, 'book-button');
    await shows(page, 'error-summary-purpose', expect.purposeRequired);
    await shows(page, 'error-summary-time', expect.timeRequired);
    await shows(page, 'purpose-error', expect.purposeRequired);
    await shows(page, 'day-error', expect.timeRequired);
    assert((await mine()).length === count, 'nothing should have been sent');
    await click(page, `purpose-renew_child_residency-${son.civil_id}`);
    await click(page, `day-${days[2]}`);
    const slot = (await slotsOn(center.id, days[2])).find((each) => each.bookable);
    await click(page, `slot-${slot.starts}`);
    // Others take every place meanwhile: her other family members' transactions, booked through the API.
    const others = home.members.flatMap((member) => member.transactions.map((t) => ({ member, kind: t.kind })))
      .filter(({ member, kind }) => !(member.civil_id === son.civil_id && kind === 'renew_child_residency'))
      .slice(0, slot.available);
    assert(others.length === slot.available, `the household should have ${slot.available} other transactions to fill the time with`);
    for (const [index, { member, kind }] of others.entries()) {
      const { status } = await api(page, 'POST', 'api/v1/appointments', {
        body: { center: center.id, slot: slot.id, kind, beneficiary: member.civil_id }, csrf: true, idempotencyKey: `fill-${language}-${index}`,
      });
      assert(status === 201, `filling the time should succeed, not ${status}`);
    }
    problems.expect(/status of 409 .*\/api\/v1\/appointments/);
    const before = (await mine()).length;
    await click(page, 'book-button');
    await shows(page, 'error-summary-text', expect.full);
    await shows(page, `slot-${slot.starts}`, expect.fullSlot, { including: true });
    assert((await mine()).length === before, 'nothing should have been booked');
    await keep(page, 'slot-full');
    await reveal(page, `slot-${slot.starts}`);
    await keep(page, 'slot-full-times');
  });

  await step('a center that does not serve her area refuses, naming the ones that do; nothing is booked', async () => {
    const away = (await api(page, 'GET', 'api/v1/centers?governorate=capital&shift=morning')).body.centers[0];
    await page.goto(page.url().replace(/#.*/, `#/book/${away.id}`));
    await page.waitForFunction(() => window.muamalaTest?.ready === true);
    await waitForScreen(page, `#/book/${away.id}`);
    await click(page, `purpose-renew_child_residency-${son.civil_id}`);
    const day = openDays(away.hours)[0];
    await click(page, `day-${day}`);
    const slot = (await slotsOn(away.id, day)).find((each) => each.bookable);
    await click(page, `slot-${slot.starts}`);
    problems.expect(/status of 422 .*\/api\/v1\/appointments/);
    const before = (await mine()).length;
    await click(page, 'book-button');
    await shows(page, 'error-summary-text', away.name[language], { including: true });
    await shows(page, 'error-summary-text', center.name[language], { including: true });
    assert((await mine()).length === before, 'nothing should have been booked');
    assert(await page.evaluate(() => document.title.startsWith(document.documentElement.lang === 'ar' ? 'خطأ: ' : 'Error: ')),
           'the title should say there is an error');
    await keep(page, 'outside-area');
  });
}, { language: { type: 'string', default: 'en' } });
