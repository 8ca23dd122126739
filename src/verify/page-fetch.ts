// The in-page function that makes one cross-origin request (optionally from a sandboxed,
// opaque-origin iframe) and reports what page JS could see. Self-contained source text: it
// runs in the browser through `EnginePage.run`.

export interface PageFetchArg {
  url: string;
  method: string;
  headers: [string, string][];
  credentials: 'omit' | 'include';
  /** Make the request from a sandboxed iframe (origin `null`). */
  opaque: boolean;
}

export interface PageFetchResult {
  /** A response reached JS. */
  read: boolean;
  status: number | null;
  type: string | null;
  /** Header names JS can read, lowercase, sorted. */
  headers: string[];
  body: string;
  error: string | null;
}

// Plain JavaScript source (no transpiler touches it). The request itself is the same text in
// both cases: run directly, or inside a sandboxed iframe that posts its answer back.
export const PAGE_FETCH_SOURCE = String.raw`async function corsConformancePageFetch(arg) {
  const attempt = async (a) => {
    try {
      const init = { method: a.method, headers: a.headers, credentials: a.credentials, mode: 'cors', cache: 'no-store' };
      const r = await fetch(a.url, init);
      const body = await r.text();
      const names = [];
      r.headers.forEach((_v, k) => names.push(k));
      return JSON.stringify({ read: true, status: r.status, type: r.type, headers: names.sort(), body: body.slice(0, 500), error: null });
    } catch (e) {
      return JSON.stringify({ read: false, status: null, type: null, headers: [], body: '', error: String((e && e.message) || e) });
    }
  };
  if (!arg.opaque) return attempt(arg);
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    const timer = setTimeout(() => resolve(JSON.stringify({ read: false, status: null, type: null, headers: [], body: '', error: 'sandboxed frame did not answer' })), 15000);
    addEventListener('message', function onMessage(ev) {
      if (ev.source !== frame.contentWindow) return;
      removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(String(ev.data));
    });
    const script = '(' + attempt.toString() + ')(' + JSON.stringify(arg) + ').then((r) => parent.postMessage(r, "*"));';
    frame.srcdoc = '<script>' + script + '</' + 'script>';
    document.body.appendChild(frame);
  });
}`;

export function parsePageFetch(text: string): PageFetchResult {
  return JSON.parse(text) as PageFetchResult;
}
