// The in-page drivers of every initiator, as SOURCE TEXT spliced into the page runner
// (page-runner.ts), where they close over its helpers (`arg`, `sleep`, `errOf`, `blank`,
// `makeBody`, `runFetch`). Each driver takes a step descriptor and resolves to
// `{ loaded, tainted?, detail?, timeout? }` (InitiatorPageResult); one that throws is a harness
// error for its case. Plain JS on purpose: it runs in the page as is. One source per family
// keeps each readable; `INITIATOR_DRIVERS_SOURCE` joins them.

/** Shared helpers: event waits with a deadline, the CORS settings attribute, canvas reads. */
const COMMON = String.raw`
  const initiatorWaitMs = Math.min(arg.stepTimeoutMs, 8000);
  const drivers = {};
  const rand = () => Math.random().toString(36).slice(2);
  const timedOut = () => ({ loaded: false, timeout: true, detail: 'no event within ' + initiatorWaitMs + ' ms' });
  const withDeadline = (p) => new Promise((resolve, reject) => {
    const t = setTimeout(() => resolve(timedOut()), initiatorWaitMs);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
  // The first of the load events or error events on a target, or a timeout.
  const firstEvent = (target, okEvents, errorEvents) => withDeadline(new Promise((resolve) => {
    for (const name of okEvents) target.addEventListener(name, () => resolve({ loaded: true, detail: name }), { once: true });
    for (const name of errorEvents) target.addEventListener(name, () => resolve({ loaded: false, detail: name }), { once: true });
  }));
  const setCrossOrigin = (el, d) => {
    if (d.crossorigin !== undefined && d.crossorigin !== 'absent') el.crossOrigin = d.crossorigin;
  };
  // An element's load: the CORS settings attribute and the listeners come before the URL (so
  // no event is missed), then the URL and, with a parent, the element in the document.
  const startLoad = (el, d, okEvent, urlAttribute, parent) => {
    setCrossOrigin(el, d);
    const wait = firstEvent(el, [okEvent], ['error']);
    el[urlAttribute] = d.url;
    if (parent) parent.appendChild(el);
    return wait;
  };
  // Draws a source into a canvas and reads a pixel back: true when the read throws
  // SecurityError (the canvas is tainted). Anything else thrown is the harness's trouble.
  const canvasTainted = (source, width, height) => {
    const c = document.createElement('canvas');
    c.width = Math.max(1, width || 1);
    c.height = Math.max(1, height || 1);
    const ctx = c.getContext('2d');
    ctx.drawImage(source, 0, 0);
    try {
      ctx.getImageData(0, 0, 1, 1);
      return false;
    } catch (e) {
      if (e && e.name === 'SecurityError') return true;
      throw e;
    }
  };
  // The journal of this case on the page origin: how many requests it holds so far.
  const journalRequests = async (d) => {
    const res = await fetch(d.journalUrl, { cache: 'no-store', credentials: 'omit' });
    const records = await res.json();
    return records.filter((r) => r.kind === 'request').length;
  };
  // Waits until the journal shows a request after 'before', then a moment for the answer
  // (and any follow-up, such as the actual request after a preflight) to be processed.
  const awaitWire = async (d, before) => {
    const until = performance.now() + initiatorWaitMs;
    while (performance.now() < until) {
      if ((await journalRequests(d)) > before) {
        await sleep(300);
        return true;
      }
      await sleep(40);
    }
    return false;
  };
`;

/** img, img-canvas, script, module-script, dynamic-import, stylesheet, preload, css-image. */
const ELEMENTS = String.raw`
  const image = async (d) => {
    const img = new Image();
    const r = await startLoad(img, d, 'load', 'src', null);
    if (r.loaded && d.api === 'img-canvas') r.tainted = canvasTainted(img, img.naturalWidth, img.naturalHeight);
    return r;
  };
  drivers['img'] = image;
  drivers['img-canvas'] = image;

  // Scripts run one at a time: the window's error event carries no URL when muted, so only
  // one script may be in flight for it to be attributed. The fixture script throws after it
  // ran; its own message means unmuted, anything else ("Script error."): muted. The queue is
  // the window's, since batches run side by side in the page.
  const SCRIPT_QUEUE = '__corsConformanceScriptQueue';
  const scriptElement = (d) => {
    const run = async () => {
      const el = document.createElement('script');
      if (d.api === 'module-script') el.type = 'module';
      let message = null;
      const onError = (ev) => {
        message = String(ev.message);
        ev.preventDefault();
      };
      addEventListener('error', onError);
      const r = await startLoad(el, d, 'load', 'src', document.head);
      removeEventListener('error', onError);
      el.remove();
      if (r.loaded && message !== null) {
        r.tainted = !message.includes('cors-conformance ');
        r.detail += '; window error: ' + message;
      } else if (r.loaded) {
        r.detail += '; no window error event';
      }
      return r;
    };
    const p = (window[SCRIPT_QUEUE] || Promise.resolve()).then(run, run);
    window[SCRIPT_QUEUE] = p.catch(() => undefined);
    return p;
  };
  drivers['script'] = scriptElement;
  drivers['module-script'] = scriptElement;

  // import() runs from a script of the page itself: code a driver injects (WebDriver's
  // execute, an evaluate) is no page script, and WebKit then fetches the module outside CORS.
  const pageImport = () => {
    if (typeof window.__corsConformanceImport !== 'function') {
      const el = document.createElement('script');
      el.textContent = 'window.__corsConformanceImport = (url) => import(url);';
      document.head.appendChild(el);
      el.remove();
    }
    return window.__corsConformanceImport;
  };
  drivers['dynamic-import'] = async (d) => {
    try {
      return await withDeadline(pageImport()(d.url).then(() => ({ loaded: true, detail: 'import() resolved' })));
    } catch (e) {
      const x = errOf(e);
      return { loaded: false, detail: 'import() rejected: ' + x.name + ': ' + x.message.split('?')[0] };
    }
  };

  drivers['stylesheet'] = async (d) => {
    const el = document.createElement('link');
    el.rel = 'stylesheet';
    const r = await startLoad(el, d, 'load', 'href', document.head);
    if (r.loaded) {
      try {
        r.detail += '; cssRules.length ' + el.sheet.cssRules.length;
        r.tainted = false;
      } catch (e) {
        r.detail += '; cssRules threw ' + errOf(e).name;
        if (e && e.name === 'SecurityError') r.tainted = true;
        else throw e;
      }
    }
    el.remove();
    return r;
  };

  drivers['preload'] = async (d) => {
    const el = document.createElement('link');
    el.rel = 'preload';
    el.as = d.variant === undefined ? 'fetch' : d.variant;
    const r = await startLoad(el, d, 'load', 'href', document.head);
    el.remove();
    return r;
  };

  // No event tells whether a CSS image loaded: the wire is the observation.
  drivers['css-image'] = async (d) => {
    const before = await journalRequests(d);
    const el = document.createElement('div');
    el.style.width = '4px';
    el.style.height = '4px';
    el.style.backgroundColor = 'rgb(0, 0, 255)';
    const value = 'url("' + d.url + '")';
    if (d.variant === 'mask-image') {
      el.style.setProperty('-webkit-mask-image', value);
      el.style.setProperty('mask-image', value);
    } else {
      el.style.setProperty('background-image', value);
    }
    document.body.appendChild(el);
    const seen = await awaitWire(d, before);
    el.remove();
    return { loaded: null, detail: seen ? 'request seen on the wire' : 'no request within ' + initiatorWaitMs + ' ms' };
  };
`;

/** font (@font-face + document.fonts.load, or FontFace.load), video and audio. */
const MEDIA = String.raw`
  drivers['font'] = async (d) => {
    const family = 'cc-font-' + rand();
    if (d.variant === 'font-face-load') {
      const face = new FontFace(family, 'url("' + d.url + '")');
      try {
        const r = await withDeadline(face.load().then(() => ({ loaded: true, detail: 'FontFace.load() resolved' })));
        return r;
      } catch (e) {
        const x = errOf(e);
        return { loaded: false, detail: 'FontFace.load() rejected: ' + x.name + ': ' + x.message };
      }
    }
    const style = document.createElement('style');
    style.textContent = '@font-face { font-family: "' + family + '"; src: url("' + d.url + '"); }';
    document.head.appendChild(style);
    try {
      // The face the @font-face rule made (CSS-connected), once the style is processed; its
      // load() fetches through the rule, like text using the family would.
      let face;
      const until = performance.now() + initiatorWaitMs;
      while (face === undefined && performance.now() < until) {
        void getComputedStyle(document.documentElement).fontFamily;
        face = [...document.fonts].find((f) => f.family.replace(/"/g, '') === family);
        if (face === undefined) await sleep(20);
      }
      if (face === undefined) return { ...timedOut(), detail: 'the @font-face rule made no FontFace' };
      const r = await withDeadline(face.load().then(
        () => ({ loaded: true, detail: '@font-face face loaded' }),
        (e) => ({ loaded: false, detail: '@font-face face.load() rejected: ' + errOf(e).name }),
      ));
      return r;
    } finally {
      style.remove();
    }
  };

  // Resolves once the case's journal holds mediaRefetches requests while 'settled' has not
  // settled: the element keeps fetching its resource and no event is coming (Firefox, a 204
  // or 205 answer: engine rule media-null-body-fires-no-event, about 190 fetches a second).
  // No media load the suites make comes near that many fetches.
  const mediaRefetches = 50;
  const refetching = async (d, settled) => {
    let done = false;
    settled.then(() => { done = true; }, () => { done = true; });
    while (!done) {
      await sleep(250);
      if (done) break;
      const n = await journalRequests(d);
      if (n >= mediaRefetches) {
        return { loaded: false, timeout: true, detail: 'no event; the element fetched its resource ' + n + ' times' };
      }
    }
    return new Promise(() => {});
  };

  const media = async (d) => {
    const el = document.createElement(d.api);
    el.muted = true;
    el.preload = 'auto';
    const load = startLoad(el, d, 'loadeddata', 'src', document.body);
    const r = await Promise.race([load, refetching(d, load)]);
    if (!r.loaded && !r.timeout && el.error) r.detail += ' (MediaError ' + el.error.code + ')';
    // loadeddata means a current frame (HAVE_CURRENT_DATA), so drawImage draws it and the
    // read shows the taint. WebKitGTK fires it (readyState 4) a few hundred ms before the
    // frame's size is known (videoWidth 0), so the driver waits for the size. A video that
    // never has a frame draws nothing and taints nothing: then no taint is reported, and the
    // comparison counts that as a difference.
    if (r.loaded && d.variant === 'canvas') {
      const until = performance.now() + initiatorWaitMs;
      while (el.videoWidth === 0 && performance.now() < until) await sleep(20);
    }
    if (r.loaded && d.variant === 'canvas' && el.videoWidth > 0) {
      r.tainted = canvasTainted(el, el.videoWidth, el.videoHeight);
    } else if (r.loaded && d.variant === 'canvas') {
      r.detail += '; no video frame: the canvas taint is not observable';
    }
    el.removeAttribute('src');
    el.load();
    el.remove();
    return r;
  };
  drivers['video'] = media;
  drivers['audio'] = media;
`;

/** worker, module-worker, shared-worker, importScripts (inside a same-origin worker). */
const WORKERS = String.raw`
  const workerOutcome = (w, port) => withDeadline(new Promise((resolve) => {
    port.onmessage = (ev) => resolve({ loaded: true, detail: 'message ' + String(ev.data) });
    w.onerror = (ev) => {
      if (ev && typeof ev.preventDefault === 'function') ev.preventDefault();
      resolve({ loaded: false, detail: 'error event' });
    };
  }));
  const dedicated = async (d) => {
    const opts = {};
    if (d.api === 'module-worker') {
      opts.type = 'module';
      if (d.credentials !== undefined) opts.credentials = d.credentials;
    }
    let w;
    try {
      w = new Worker(d.url, opts);
    } catch (e) {
      const x = errOf(e);
      return { loaded: false, detail: 'new Worker threw ' + x.name + ': ' + x.message };
    }
    const r = await workerOutcome(w, w);
    w.terminate();
    return r;
  };
  drivers['worker'] = dedicated;
  drivers['module-worker'] = dedicated;
  drivers['shared-worker'] = async (d) => {
    let w;
    try {
      w = new SharedWorker(d.url, { name: 'cc-' + rand() });
    } catch (e) {
      const x = errOf(e);
      return { loaded: false, detail: 'new SharedWorker threw ' + x.name + ': ' + x.message };
    }
    const wait = workerOutcome(w, w.port);
    w.port.start();
    const r = await wait;
    w.port.close();
    return r;
  };
  drivers['importScripts'] = async (d) => {
    const w = new Worker(d.helperOrigin + '/harness/import-scripts-worker.js');
    const wait = withDeadline(new Promise((resolve) => {
      // The fixture script throws after it ran: importScripts rethrows its own error when
      // its errors are not muted, a NetworkError when they are (or when the fetch failed).
      w.onmessage = (ev) => {
        const x = ev.data;
        const detail = 'importScripts threw ' + x.name + ': ' + x.message + '; ran ' + x.ran;
        if (x.ok) resolve({ loaded: true, detail: 'importScripts returned' });
        else if (x.ran > 0) resolve({ loaded: true, tainted: !x.message.includes('cors-conformance '), detail });
        else resolve({ loaded: false, detail });
      };
      w.onerror = (ev) => {
        if (ev && typeof ev.preventDefault === 'function') ev.preventDefault();
        resolve({ loaded: false, detail: 'helper worker error event' });
      };
    }));
    w.postMessage({ url: d.url });
    const r = await wait;
    w.terminate();
    return r;
  };
`;

/** eventsource, beacon, form, websocket (fetch-keepalive goes through runFetch). */
const NETWORK = String.raw`
  drivers['eventsource'] = (d) => {
    let es;
    try {
      es = new EventSource(d.url, { withCredentials: d.credentials === 'include' });
    } catch (e) {
      const x = errOf(e);
      return Promise.resolve({ loaded: false, detail: 'new EventSource threw ' + x.name });
    }
    return withDeadline(new Promise((resolve) => {
      es.onopen = () => resolve({ loaded: true, detail: 'open' });
      es.onerror = () => resolve({ loaded: false, detail: 'error' });
    })).finally(() => es.close());
  };

  drivers['beacon'] = async (d) => {
    const before = await journalRequests(d);
    let sent;
    try {
      sent = navigator.sendBeacon(d.url, makeBody(d.body));
    } catch (e) {
      const x = errOf(e);
      return { loaded: false, detail: 'sendBeacon threw ' + x.name + ': ' + x.message };
    }
    if (!sent) return { loaded: false, detail: 'sendBeacon returned false' };
    const seen = await awaitWire(d, before);
    return { loaded: true, detail: 'sendBeacon returned true; ' + (seen ? 'request seen' : 'no request seen') };
  };

  // A form POST (or GET) navigating a fresh iframe: the load event says the navigation ended.
  drivers['form'] = async (d) => {
    const name = 'cc-form-' + rand();
    const frame = document.createElement('iframe');
    frame.name = name;
    document.body.appendChild(frame);
    await sleep(0);
    const form = document.createElement('form');
    const method = d.method === undefined ? 'POST' : d.method;
    form.method = method;
    form.action = d.url;
    form.target = name;
    const add = (k, v) => {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = k;
      input.value = v;
      form.appendChild(input);
    };
    // A GET submission replaces the query: carry the instruction's parameters as fields.
    if (method.toUpperCase() === 'GET') for (const [k, v] of new URL(d.url).searchParams) add(k, v);
    const b = d.body;
    if (b !== undefined && typeof b === 'object' && b.kind === 'form-data') {
      form.enctype = 'multipart/form-data';
      for (const [k, v] of Object.entries(b.fields)) add(k, v);
    } else if (b !== undefined && typeof b === 'object' && b.kind === 'url-search-params') {
      for (const [k, v] of new URLSearchParams(b.value)) add(k, v);
    } else if (b !== undefined) {
      form.enctype = 'text/plain';
      add('body', typeof b === 'string' ? b : String(b.value));
    }
    // The batch call itself may carry a user activation (Playwright evaluates with a user
    // gesture in Chromium), which would make this a user-activated navigation
    // (Sec-Fetch-User: ?1). A script-initiated submission has none: consume it first.
    let activation = '';
    const ua = navigator.userActivation;
    if (ua !== undefined && ua.isActive) {
      const popup = window.open('about:blank', '_blank');
      if (popup) popup.close();
      activation = '; user activation consumed' + (ua.isActive ? ' (still active)' : '');
    }
    const wait = firstEvent(frame, ['load'], []);
    document.body.appendChild(form);
    form.submit();
    const r = await wait;
    // The frame's load event is the only outcome a navigation reports: one that never comes
    // (a 204 or 205 ends the navigation without a document) is the observation. The timeout
    // flag stays: where the model expects a load event, the wait ran out on a slow one.
    if (r.timeout === true) r.detail = 'no load event within ' + initiatorWaitMs + ' ms';
    r.detail += activation;
    form.remove();
    frame.remove();
    return r;
  };

  drivers['websocket'] = (d) => {
    let ws;
    try {
      ws = new WebSocket(d.url.replace(/^http/, 'ws'));
    } catch (e) {
      const x = errOf(e);
      return Promise.resolve({ loaded: false, detail: 'new WebSocket threw ' + x.name + ': ' + x.message });
    }
    return withDeadline(new Promise((resolve) => {
      ws.onopen = () => resolve({ loaded: true, detail: 'open' });
      ws.onerror = () => resolve({ loaded: false, detail: 'error' });
    })).finally(() => ws.close());
  };
`;

/**
 * The dispatcher: `runInitiator(d)` resolves to a RawStepResult with `initiator` set.
 * fetch-keepalive is a fetch() with `keepalive: true`: its response fields are filled too.
 */
const DISPATCH = String.raw`
  const runInitiator = async (d) => {
    if (d.api === 'fetch-keepalive') {
      const r = await runFetch({ ...d, keepalive: true });
      r.initiator = { loaded: r.kind === 'ok', detail: r.kind === 'ok' ? 'resolved' : r.kind + ': ' + r.errorMessage };
      return r;
    }
    const drive = drivers[d.api];
    if (drive === undefined) throw new Error('no in-page driver for api ' + d.api);
    const r = blank();
    r.initiator = await drive(d);
    return r;
  };
`;

/** Every driver and the dispatcher, for page-runner.ts to splice into the runner. */
export const INITIATOR_DRIVERS_SOURCE = COMMON + ELEMENTS + MEDIA + WORKERS + NETWORK + DISPATCH;

/** Where the importScripts driver's helper worker is served (on every origin). */
export const IMPORT_SCRIPTS_WORKER_PATH = '/harness/import-scripts-worker.js';

/** The helper worker: imports the URL it is sent and says whether importScripts threw. */
export const IMPORT_SCRIPTS_WORKER_SOURCE = `onmessage = (ev) => {
  try {
    importScripts(ev.data.url);
    postMessage({ ok: true, ran: self.corsConformanceRan || 0 });
  } catch (e) {
    const ran = self.corsConformanceRan || 0;
    postMessage({ ok: false, ran, name: String(e && e.name), message: String(e && e.message) });
  }
};
`;
