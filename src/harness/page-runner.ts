// The in-page batch runner, as SOURCE TEXT. Every backend (Playwright, WebDriver classic)
// runs it the same way: an async function taking one JSON argument and returning JSON, so it
// closes over nothing and uses only web-platform APIs. Opaque-origin clients get the same
// runner inside an iframe (sandboxed, or a data: URL) that the top page relays to.
import type { ClientKind, HeaderList } from '../scenario/types.js';
import type { CaseDescriptor } from './types.js';
import {
  IMPORT_SCRIPTS_WORKER_PATH,
  IMPORT_SCRIPTS_WORKER_SOURCE,
  INITIATOR_DRIVERS_SOURCE,
} from './initiators/page-drivers.js';

/** The argument of one batch call. */
export interface RunnerArg {
  cases: CaseDescriptor[];
  /** How many cases run at the same time (steps of one case always run in sequence). */
  concurrency: number;
  /** Response bodies are cut to this many characters. */
  bodyCap: number;
  /** A step that has not settled after this long is reported as `timeout`. */
  stepTimeoutMs: number;
  /**
   * Steps sending at once, across the cases in flight (0: as many as `concurrency` allows). A
   * case waiting out a `then` step's delay holds no slot, so many cases can wait while few send.
   */
  requestsAtOnce?: number;
  /** `page` runs here; other clients are relayed to an iframe holding the same runner. */
  client: ClientKind;
  /** The iframe's src for a relayed client (a sandboxed page URL or a data: URL). */
  frameSrc?: string;
  /** Whether the iframe gets `sandbox="allow-scripts"` (an opaque origin). */
  sandbox?: boolean;
}

export const RUNNER_PAGE_PATH = '/harness/runner.html';
export const SANDBOXED_CLIENT_PATH = '/harness/client.html';

/**
 * Source of `async (arg: RunnerArg) => string`, the string being the JSON of
 * `RawCaseResult[]`. Plain JS on purpose: it runs in the page as is. It returns one string
 * rather than objects because backends that serialise results value by value (WebDriver
 * BiDi) spend ~1.4 ms per case on a structured result and ~0.06 ms on one string.
 */
export const PAGE_RUNNER_SOURCE = String.raw`async function corsConformanceRunner(arg) {
  const now = () => performance.now();
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const errOf = (e) => ({
    name: e && typeof e === 'object' && 'name' in e ? String(e.name) : typeof e,
    message: e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e),
  });
  const blank = () => ({
    kind: 'ok', status: null, statusText: null, type: null, url: null, redirected: null,
    headerNames: [], body: null, errorName: null, errorMessage: null, elapsedMs: 0,
  });
  const failed = (kind, e, event) => {
    const r = blank();
    r.kind = kind;
    if (e !== undefined) { const x = errOf(e); r.errorName = x.name; r.errorMessage = x.message; }
    if (event !== undefined) r.event = event;
    return r;
  };
  const names = (list) => [...new Set(list.map((n) => n.toLowerCase()))].sort();

  if (arg.client !== 'page') {
    // Relay the batch to the iframe that is the opaque-origin client (made once, reused).
    // Batches run side by side: the first one makes the frame, the others wait until it is
    // ready rather than making their own.
    const key = '__corsConformanceFrame_' + arg.client;
    let slot = window[key];
    if (!slot || !slot.frame.isConnected) {
      const frame = document.createElement('iframe');
      if (arg.sandbox) frame.setAttribute('sandbox', 'allow-scripts');
      const ready = new Promise((resolve) => {
        const onReady = (ev) => {
          if (ev.source === frame.contentWindow && ev.data && ev.data.type === 'cors-runner-ready') {
            removeEventListener('message', onReady);
            resolve();
          }
        };
        addEventListener('message', onReady);
      });
      frame.src = arg.frameSrc;
      document.body.appendChild(frame);
      slot = { frame, ready };
      window[key] = slot;
    }
    await slot.ready;
    const frame = slot.frame;
    const id = Math.random().toString(36).slice(2);
    const done = new Promise((resolve) => {
      const onResult = (ev) => {
        if (ev.source === frame.contentWindow && ev.data && ev.data.type === 'cors-runner-result' && ev.data.id === id) {
          removeEventListener('message', onResult);
          resolve(ev.data.result);
        }
      };
      addEventListener('message', onResult);
    });
    frame.contentWindow.postMessage({ type: 'cors-runner-batch', id, arg: { ...arg, client: 'page' } }, '*');
    return await done;
  }

  const makeBody = (b) => {
    if (b === undefined) return undefined;
    if (typeof b === 'string') return b;
    switch (b.kind) {
      case 'text': return b.value;
      case 'url-search-params': return new URLSearchParams(b.value);
      case 'form-data': {
        const f = new FormData();
        for (const [k, v] of Object.entries(b.fields)) f.append(k, v);
        return f;
      }
      case 'blob': return new Blob([b.value], { type: b.type });
      case 'array-buffer': return new TextEncoder().encode(b.value).buffer;
      case 'stream': {
        const bytes = new TextEncoder().encode(b.value);
        return new ReadableStream({ start(c) { c.enqueue(bytes); c.close(); } });
      }
      default: throw new Error('unknown body kind ' + b.kind);
    }
  };

  const runFetch = async (d) => {
    let req;
    try {
      const headers = new Headers();
      for (const [n, v] of d.headers) headers.append(n, v);
      const init = { headers, signal: AbortSignal.timeout(arg.stepTimeoutMs) };
      for (const k of ['method', 'mode', 'credentials', 'redirect', 'cache', 'referrerPolicy', 'keepalive']) {
        if (d[k] !== undefined) init[k] = d[k];
      }
      if (d.body !== undefined) {
        init.body = makeBody(d.body);
        if (typeof d.body === 'object' && d.body.kind === 'stream') init.duplex = 'half';
      }
      req = new Request(d.url, init);
    } catch (e) {
      return failed('threw', e);
    }
    let res;
    try {
      res = await fetch(req);
    } catch (e) {
      return failed(e && e.name === 'TimeoutError' ? 'timeout' : 'rejected', e);
    }
    const r = blank();
    r.status = res.status;
    r.statusText = res.statusText;
    r.type = res.type;
    r.url = res.url;
    r.redirected = res.redirected;
    r.headerNames = names([...res.headers.keys()]);
    try {
      r.body = (await res.text()).slice(0, arg.bodyCap);
    } catch (e) {
      const x = errOf(e);
      r.errorName = x.name;
      r.errorMessage = 'reading the body: ' + x.message;
    }
    return r;
  };

  const runXhr = (d) => new Promise((resolve) => {
    let xhr;
    try {
      xhr = new XMLHttpRequest();
      xhr.open(d.method === undefined ? 'GET' : d.method, d.url, true);
      for (const [n, v] of d.headers) xhr.setRequestHeader(n, v);
      xhr.withCredentials = d.withCredentials !== undefined ? d.withCredentials : d.credentials === 'include';
      xhr.timeout = arg.stepTimeoutMs;
      if (d.uploadListener) xhr.upload.addEventListener('progress', () => {});
    } catch (e) {
      resolve(failed('threw', e));
      return;
    }
    xhr.onload = () => {
      const r = blank();
      r.status = xhr.status;
      r.statusText = xhr.statusText;
      r.url = xhr.responseURL;
      const lines = xhr.getAllResponseHeaders().split(/\r?\n/).filter((l) => l.includes(':'));
      r.headerNames = names(lines.map((l) => l.slice(0, l.indexOf(':')).trim()));
      r.body = String(xhr.responseText).slice(0, arg.bodyCap);
      resolve(r);
    };
    xhr.onerror = () => resolve(failed('rejected', undefined, 'error'));
    xhr.onabort = () => resolve(failed('rejected', undefined, 'abort'));
    xhr.ontimeout = () => resolve(failed('timeout', undefined, 'timeout'));
    try {
      const body = makeBody(d.body);
      xhr.send(body === undefined ? null : body);
    } catch (e) {
      resolve(failed('threw', e));
    }
  });

  // Every other page API (img, script, worker, ...): src/harness/initiators/page-drivers.ts.
${INITIATOR_DRIVERS_SOURCE}

  let free = arg.requestsAtOnce > 0 ? arg.requestsAtOnce : Infinity;
  const waiting = [];
  const acquire = () => free > 0 ? (free--, undefined) : new Promise((r) => waiting.push(r));
  const release = () => { const w = waiting.shift(); if (w) w(); else free++; };

  const runStep = async (d) => {
    if (d.delayMs) await sleep(d.delayMs);
    await acquire();
    try {
      return await sendStep(d);
    } finally {
      release();
    }
  };

  const sendStep = async (d) => {
    if (d.markUrl) {
      try {
        await fetch(d.markUrl, { mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
      } catch (e) {
        // The journal then shows no split; the observer reports the missing mark.
      }
    }
    const t0 = now();
    const r = d.api === 'xhr' ? await runXhr(d) : d.api === 'fetch' ? await runFetch(d) : await runInitiator(d);
    r.elapsedMs = Math.round((now() - t0) * 10) / 10;
    r.startedMs = Math.round(t0);
    return r;
  };

  const results = new Array(arg.cases.length);
  let next = 0;
  const worker = async () => {
    while (next < arg.cases.length) {
      const i = next++;
      const c = arg.cases[i];
      const steps = [];
      try {
        for (const d of c.steps) steps.push(await runStep(d));
        results[i] = { token: c.token, steps };
      } catch (e) {
        const x = errOf(e);
        results[i] = { token: c.token, steps, harnessError: x.name + ': ' + x.message };
      }
    }
  };
  const n = Math.max(1, Math.min(arg.concurrency, arg.cases.length));
  await Promise.all(Array.from({ length: n }, worker));
  return JSON.stringify(results);
}`;

/** The top page every engine opens: empty; the runner arrives with each batch. */
export function runnerPageHtml(): string {
  return '<!doctype html><meta charset="utf-8"><title>cors-conformance runner</title><body></body>';
}

/**
 * The client document for opaque-origin cases: holds the runner, answers batches posted by
 * the top page, and says when it is ready.
 */
export function clientPageHtml(): string {
  const script = `const run = (${PAGE_RUNNER_SOURCE});
addEventListener('message', async (ev) => {
  if (!ev.data || ev.data.type !== 'cors-runner-batch') return;
  const result = await run(ev.data.arg);
  parent.postMessage({ type: 'cors-runner-result', id: ev.data.id, result }, '*');
});
parent.postMessage({ type: 'cors-runner-ready' }, '*');`;
  return `<!doctype html><meta charset="utf-8"><title>cors-conformance client</title><script>${script}</script>`;
}

/** The same client document as a data: URL (its origin is opaque without a sandbox). */
export function dataUrlClientSrc(): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(clientPageHtml())}`;
}

const NO_STORE: HeaderList = [['Cache-Control', 'no-store']];

/** Serves the runner pages from every fixture origin. */
export function installRunnerPages(servers: {
  addStatic(path: string, res: { contentType: string; body: string; headers?: HeaderList }): void;
}): void {
  const contentType = 'text/html; charset=utf-8';
  servers.addStatic(RUNNER_PAGE_PATH, { contentType, body: runnerPageHtml(), headers: NO_STORE });
  servers.addStatic(SANDBOXED_CLIENT_PATH, {
    contentType,
    body: clientPageHtml(),
    headers: NO_STORE,
  });
  servers.addStatic(IMPORT_SCRIPTS_WORKER_PATH, {
    contentType: 'text/javascript; charset=utf-8',
    body: IMPORT_SCRIPTS_WORKER_SOURCE,
    headers: NO_STORE,
  });
}

/** The runner argument's client fields for a client kind. */
export function clientFields(
  client: ClientKind,
  pageOrigin: string,
): Pick<RunnerArg, 'client' | 'frameSrc' | 'sandbox'> {
  if (client === 'opaque-origin') {
    return { client, frameSrc: `${pageOrigin}${SANDBOXED_CLIENT_PATH}`, sandbox: true };
  }
  if (client === 'data-url') return { client, frameSrc: dataUrlClientSrc(), sandbox: false };
  return { client };
}
