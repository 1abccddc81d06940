// The DOM mirror (client/platform/mirror.h): the screen the canvas shows, as plain HTML laid exactly over
// it. Transparent, so people see the canvas; real, so screen readers read it, the keyboard moves
// through it, touch exploration finds it where it is drawn, and phones type into it. Each drawn
// frame that changed something sends its items (client/platform/test_hook.h); elements are kept by id and
// changed only where they differ, so the focus and a screen reader's place stay where they were.
//
// [SECTION] Elements from items
// [SECTION] Updates
// [SECTION] Announcements
// [SECTION] Events back to the app
'use strict';

window.muamalaMirror = (() => {
  // Keep in step with `Request` in client/platform/mirror.cpp.
  const Request = { activate: 0, focus: 1, edit: 2, submit: 3, escape: 4 };
  // The mirror's own words: what sighted people get from colour and shape.
  const words = {
    en: { error: 'Error: ', qr: 'QR code' },
    ar: { error: 'خطأ: ', qr: 'رمز QR' },
  };

  const root = document.getElementById('mirror');
  const list = document.getElementById('mirror-items');
  const urgent = document.getElementById('mirror-alert');   // aria-live="assertive": errors
  const polite = document.getElementById('mirror-status');  // aria-live="polite": results, a new screen
  let app = null;             // {send, scroll, point}: client/platform/mirror.cpp
  let language = null;        // the page's, once the app has said
  let screen = null;          // the route last shown
  let headingWanted = false;  // a new screen's heading is to take the focus once it is drawn
  const elements = new Map(); // key (tag, id, occurrence) -> element
  const groups = new Map();   // key (landmark, occurrence) -> the element holding a run of items
  // The page's landmarks (client/platform/test_hook.h), which a screen reader jumps between.
  const landmarkTags = { banner: 'header', navigation: 'nav', main: 'main' };
  const said = new Map();     // region id -> the words last said for it

  // [SECTION] Elements from items -----------------------------------------------------------------

  const isAction = (element) => element.matches('button, a, input');

  // The HTML a recorded item becomes. Kinds this file does not know (a screen's own widget) are
  // read as text, or as a button or link when their kind says so.
  function tagOf(item, fieldIds) {
    if (item.kind === 'input') return 'input';
    if (item.kind.includes('button') || item.kind === 'radio') return 'button';
    if (item.kind.includes('link')) return 'a';
    if (item.kind === 'image') return 'figure';
    if (item.id.endsWith('-label') && fieldIds.has(item.id.slice(0, -6))) return item.level === 1 ? 'h1>label' : 'label';
    if (item.level === 1) return 'h1';
    if (item.level === 2) return 'h2';
    return 'p';
  }

  function create(tag, item) {
    const [outer, inner] = tag.split('>');
    const element = document.createElement(outer);
    element.dataset.id = item.id;
    element.textHolder = element;
    if (inner) element.textHolder = element.appendChild(document.createElement(inner));
    if (outer === 'h1') element.tabIndex = -1;  // the focus goes to a new screen's heading
    if (outer === 'a') element.href = '';       // focusable, and read as a link; the click is taken
    if (outer === 'button') element.type = 'button';
    if (outer === 'figure') element.setAttribute('role', 'img');
    if (outer === 'input') {
      // Numbers, codes and names: nothing for autocorrect to improve, and no spelling marks to draw.
      element.spellcheck = false;
      element.setAttribute('autocapitalize', 'off');
      element.setAttribute('autocorrect', 'off');
    }
    if (item.kind === 'progress') element.setAttribute('role', 'status');
    if (item.kind === 'radio') element.setAttribute('role', 'radio');  // a button that says whether it is chosen
    return element;
  }

  const setAttribute = (element, name, value) => {
    if (value === null) {
      if (element.hasAttribute(name)) element.removeAttribute(name);
    } else if (element.getAttribute(name) !== value) {
      element.setAttribute(name, value);
    }
  };
  const setText = (element, text) => {
    if (element.textHolder.textContent !== text) element.textHolder.textContent = text;
  };

  function place(element, item) {
    const box = `${item.x}px,${item.y}px,${item.w}px,${item.h}px`;
    if (element.box === box) return;
    element.box = box;
    Object.assign(element.style, { left: `${item.x}px`, top: `${item.y}px`, width: `${item.w}px`, height: `${item.h}px` });
  }

  // A field's label, hint and error are items of their own (id + "-label", "-hint", "-error"):
  // tied to the <input> by `for` and aria-describedby, as GOV.UK's form groups are.
  function fill(element, item, byId) {
    place(element, item);
    const fieldId = (suffix) => (item.id.endsWith(suffix) && byId.get(item.id.slice(0, -suffix.length))?.kind === 'input'
      ? item.id.slice(0, -suffix.length) : null);
    // Attributes are written only when they change: a screen reader notices every write.
    if (element.localName === 'input') {
      setAttribute(element, 'id', `mirror-${item.id}`);
      setAttribute(element, 'type', item.secret ? 'password' : 'text');
      // The keyboard a phone opens (digits for a civil ID), and what the browser may fill in.
      setAttribute(element, 'inputmode', item.inputmode ?? null);
      setAttribute(element, 'autocomplete', item.autocomplete ?? (item.secret ? 'current-password' : 'off'));
      const described = ['-hint', '-error'].filter((suffix) => byId.has(item.id + suffix)).map((suffix) => `mirror-${item.id}${suffix}`);
      setAttribute(element, 'aria-describedby', described.length ? described.join(' ') : null);
      setAttribute(element, 'aria-invalid', item.invalid ? 'true' : null);
      // The app's value wins only when the app changed it (a proposal, a reset). What is typed
      // here reaches the app first and comes back, maybe a frame or two late (a screen's own field
      // takes it as trickled keys): a value this field sent is an echo, never put back.
      if (element.published !== item.value) {
        element.published = item.value;
        if (element.value !== item.value && !element.sentValues?.has(item.value)) element.value = item.value;
      }
      return;
    }
    if (element.localName === 'figure') {
      setAttribute(element, 'aria-label', words[language].qr);
      return;
    }
    let text = item.text;
    const labelled = fieldId('-label');
    if (labelled) setAttribute(element.textHolder, 'for', `mirror-${labelled}`);
    for (const suffix of ['-hint', '-error']) {
      if (!fieldId(suffix)) continue;
      setAttribute(element, 'id', `mirror-${item.id}`);
      if (suffix === '-error') text = words[language].error + text;  // GOV.UK's hidden prefix
    }
    // The left-to-right isolates (U+2066..2069, common/left_to_right.h ltr()) are kept: without
    // them an Arabic element lays out "•••• 0001" as "0001 ••••" and "+965..." with its plus at the
    // end, for whoever sees, selects or copies the mirror's text. Screen readers do not speak them.
    setText(element, text);
    if (element.localName === 'button') setAttribute(element, 'disabled', item.disabled ? '' : null);
    if (item.kind === 'radio') setAttribute(element, 'aria-checked', item.checked ? 'true' : 'false');
  }

  // [SECTION] Updates -----------------------------------------------------------------------------

  function update(state) {
    if (language !== state.lang) {
      language = state.lang;
      root.lang = language;
      root.dir = language === 'ar' ? 'rtl' : 'ltr';
    }
    const byId = new Map();
    for (const item of state.items) if (!byId.has(item.id)) byId.set(item.id, item);
    const fieldIds = new Set(state.items.filter((item) => item.kind === 'input').map((item) => item.id));

    const hadFocus = list.contains(document.activeElement);
    const wanted = [];   // [{group, elements}]: runs of items in one landmark, in drawing order
    const seen = new Map();
    const groupsSeen = new Map();
    for (const item of state.items) {
      const landmark = item.landmark ?? '';
      if (wanted.at(-1)?.landmark !== landmark) {
        const occurrence = groupsSeen.get(landmark) ?? 0;
        groupsSeen.set(landmark, occurrence + 1);
        const key = `${landmark}\u0000${occurrence}`;
        if (!groups.has(key)) groups.set(key, document.createElement(landmarkTags[landmark] ?? 'div'));
        wanted.push({ landmark, group: groups.get(key), elements: [] });
      }
      const tag = tagOf(item, fieldIds);
      const occurrence = seen.get(item.id) ?? 0;  // ids may repeat (a fee line per fee)
      seen.set(item.id, occurrence + 1);
      const key = `${tag}\u0000${item.id}\u0000${occurrence}`;
      let element = elements.get(key);
      if (!element) {
        element = create(tag, item);
        elements.set(key, element);
      }
      fill(element, item, byId);
      wanted.at(-1).elements.push(element);
    }
    const keep = new Set(wanted.flatMap((run) => [run.group, ...run.elements]));
    for (const map of [elements, groups]) {
      for (const [key, element] of map) {
        if (keep.has(element)) continue;
        element.remove();
        map.delete(key);
      }
    }
    // Into drawing order, moving only what is out of place: a moved element would lose the focus.
    const inOrder = (parent, children) => children.forEach((child, index) => {
      if (parent.children[index] !== child) parent.insertBefore(child, parent.children[index] ?? null);
    });
    inOrder(list, wanted.map((run) => run.group));
    for (const run of wanted) inOrder(run.group, run.elements);

    const heading = list.querySelector('h1');
    if (state.screen !== screen) {
      const before = screen;
      screen = state.screen;
      // A new screen after the first: its heading takes the focus, as a new page would start
      // there (now, or once its data has come and the heading is drawn); a screen reader reads it,
      // and Tab goes on from it. Unless the person is elsewhere: then it is only said.
      const startingOver = before === null || before === '#/';
      headingWanted = !startingOver && (hadFocus || document.activeElement === document.body);
      if (!startingOver && !headingWanted && heading) say(polite, heading.textContent);
    }
    if (headingWanted && heading) {
      headingWanted = false;
      heading.focus({ preventScroll: true });
    } else if (hadFocus && !list.contains(document.activeElement)) {
      // The focused item went (a button replaced by its progress line): not back to the page's top.
      (heading ?? list).focus({ preventScroll: true });
    }
    if (state.focus) {
      const element = list.querySelector(`[data-id="${CSS.escape(state.focus)}"]`);
      if (element) element.focus({ preventScroll: true });
    }
    announce(state.items);
  }

  // [SECTION] Announcements -----------------------------------------------------------------------

  function say(region, text) {
    const words = document.createElement('p');
    words.textContent = text;
    region.replaceChildren(words);  // a new node: read even when the words are the same as before
  }

  // A region (client/platform/test_hook.h) is read out when it appears or its words change: an error
  // summary (its links are its errors), a failed call, the bank's answer. Its buttons are not
  // words to read.
  function announce(items) {
    const regions = new Map();
    for (const item of items) {
      if (!item.region || /button|input/.test(item.kind)) continue;
      const region = regions.get(item.region) ?? { role: item.role, text: [] };
      region.text.push(item.text.replace(/[\u2066-\u2069]/g, ''));
      regions.set(item.region, region);
    }
    for (const id of said.keys()) if (!regions.has(id)) said.delete(id);
    for (const [id, region] of regions) {
      const text = region.text.join('. ');
      if (said.get(id) === text) continue;
      said.set(id, text);
      say(region.role === 'alert' ? urgent : polite, text);
    }
  }

  // [SECTION] Events back to the app --------------------------------------------------------------

  const utf8Length = (text) => new TextEncoder().encode(text).length;
  // What the field holds and where its caret is, in UTF-8 bytes as ImGui counts them. Sent when
  // anything of it changed: a typed key, an IME's composition, a paste, a moved caret.
  function sendEdit(input) {
    const start = utf8Length(input.value.slice(0, input.selectionStart ?? input.value.length));
    const end = utf8Length(input.value.slice(0, input.selectionEnd ?? input.value.length));
    const now = `${start},${end},${input.value}`;
    if (input.sent === now) return;
    input.sent = now;
    input.sentValues ??= new Set();
    if (input.sentValues.size > 200) input.sentValues.clear();  // a long edit: only recent echoes matter
    input.sentValues.add(input.value);
    app?.send(Request.edit, input.dataset.id, input.value, start, end);
  }

  list.addEventListener('click', (event) => {
    const target = event.target.closest('button, a');
    if (!target) return;
    event.preventDefault();  // a mirrored link goes nowhere itself: the app navigates
    if (!target.disabled) app?.send(Request.activate, target.dataset.id, '', 0, 0);
  });
  list.addEventListener('focusin', (event) => {
    const target = event.target;
    const action = isAction(target);
    if (action) headingWanted = false;  // she moved on before the new screen's heading came
    // :focus-visible is the browser's own judgement: the keyboard moved the focus (a ring), or a
    // mouse click did (none, except in a field, where typing goes).
    app?.send(Request.focus, action ? target.dataset.id : '', '', action && target.matches(':focus-visible') ? 1 : 0, 0);
    if (target.localName === 'input') {
      target.sent = null;
      sendEdit(target);
    }
  });
  list.addEventListener('focusout', (event) => {
    if (event.target.localName === 'input') event.target.sentValues = null;  // from now on the app's value is the app's
    if (!list.contains(event.relatedTarget)) app?.send(Request.focus, '', '', 0, 0);
  });
  list.addEventListener('input', (event) => sendEdit(event.target));
  document.addEventListener('selectionchange', () => {
    const active = document.activeElement;
    if (active?.localName === 'input' && list.contains(active)) sendEdit(active);
  });
  list.addEventListener('keydown', (event) => {
    // keyCode 229: a key an IME is still composing with.
    if (event.key === 'Enter' && event.target.localName === 'input' && !event.isComposing && event.keyCode !== 229)
      app?.send(Request.submit, event.target.dataset.id, '', 0, 0);
  });
  document.addEventListener('keydown', (event) => {
    // Escape goes back, from anywhere but a field: there it belongs to the field (closing the
    // browser's suggestions, cancelling a composition).
    if (event.key === 'Escape' && event.target.localName !== 'input') app?.send(Request.escape, '', '', 0, 0);
    // Ctrl+A outside a field would select the page's hidden words (the mirror, the print copy),
    // which then print highlighted.
    const inField = event.target.localName === 'input';
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a' && !inField) event.preventDefault();
  });
  // A paste the browser delivers to the field inserts itself; one sent to the page while a field
  // has the focus goes into that field.
  document.addEventListener('paste', (event) => {
    const field = document.activeElement;
    if (event.target === field || field?.localName !== 'input' || !list.contains(field)) return;
    const text = event.clipboardData?.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    field.setRangeText(text, field.selectionStart, field.selectionEnd, 'end');
    sendEdit(field);
  });

  // The mouse over a mirrored element: ImGui still shows hover (the element took it from the canvas).
  root.addEventListener('mousemove', (event) => app?.point(event.clientX * devicePixelRatio, event.clientY * devicePixelRatio));

  // A finger dragged up or down scrolls the page (ImGui has no touch scrolling); a tap stays a tap.
  // Let go while moving, and the page glides on and slows, as a phone's pages do.
  const kTapSlop = 8;          // CSS pixels a finger may wander and still tap
  const kFlingStart = 0.3;     // CSS pixels per millisecond: slower, and the page stops with the finger
  const kFlingStop = 0.02;
  const kFriction = 0.95;      // of the speed kept every 16 ms
  let touch = null;
  let fling = null;            // {speed, at}: gliding, pixels per millisecond (up when positive)
  document.addEventListener('touchstart', (event) => {
    fling = null;
    const first = event.touches[0];
    touch = event.touches.length === 1
      ? { id: first.identifier, x: first.clientX, y: first.clientY, lastY: first.clientY, at: event.timeStamp, speed: 0, dragging: false }
      : null;
  }, { passive: true });
  document.addEventListener('touchmove', (event) => {
    const now = touch && [...event.touches].find((each) => each.identifier === touch.id);
    if (!now) return;
    if (!touch.dragging && Math.hypot(now.clientX - touch.x, now.clientY - touch.y) < kTapSlop) return;
    touch.dragging = true;
    if (event.cancelable) event.preventDefault();
    const moved = touch.lastY - now.clientY;
    const elapsed = Math.max(1, event.timeStamp - touch.at);
    touch.speed = 0.8 * (moved / elapsed) + 0.2 * touch.speed;  // smoothed: one jittery sample does not fling
    touch.lastY = now.clientY;
    touch.at = event.timeStamp;
    app?.scroll(moved * devicePixelRatio);
  }, { passive: false });
  const glide = (time) => {
    if (!fling) return;
    const elapsed = Math.min(64, time - fling.at);
    fling.at = time;
    app?.scroll(fling.speed * elapsed * devicePixelRatio);
    fling.speed *= kFriction ** (elapsed / 16);
    if (Math.abs(fling.speed) < kFlingStop) fling = null;
    else requestAnimationFrame(glide);
  };
  document.addEventListener('touchend', (event) => {
    const recent = touch?.dragging && event.timeStamp - touch.at < 100;
    if (recent && Math.abs(touch.speed) > kFlingStart) {
      fling = { speed: touch.speed, at: performance.now() };
      requestAnimationFrame(glide);
    }
    touch = null;
  }, { passive: true });
  document.addEventListener('touchcancel', () => { touch = null; }, { passive: true });

  return {
    connect(connection) {
      app = connection;
      // The mirror says everything the canvas shows.
      document.getElementById('canvas').setAttribute('aria-hidden', 'true');
    },
    update,
  };
})();
