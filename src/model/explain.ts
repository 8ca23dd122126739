// A short human-readable account of one prediction: the outcome with its decisive spec step,
// what went on the wire, what JS can read, the reasons, and the `then` chain. Pure: text in,
// text out, so the CLI, reports and tests share it.
import type {
  InitiatorPrediction,
  Prediction,
  Reason,
  Scenario,
  ThenStep,
  WireRequest,
} from '../scenario/types.js';

// Readable names for the spec algorithms the model cites; unknown ids print as they are.
const ALGORITHM_NAMES: Record<string, string> = {
  'concept-cors-check': 'CORS check',
  'cors-check': 'CORS check',
  'cors-preflight-fetch': 'CORS-preflight fetch',
  'cors-preflight-fetch-0': 'CORS-preflight fetch',
  'concept-cache-match': 'CORS-preflight cache lookup',
  'concept-cache-create-entry': 'CORS-preflight cache entry',
  'cors-preflight-cache': 'CORS-preflight cache',
  'main-fetch': 'main fetch',
  'concept-main-fetch': 'main fetch',
  'concept-fetch': 'fetch',
  'concept-http-fetch': 'HTTP fetch',
  'http-fetch': 'HTTP fetch',
  'concept-http-redirect-fetch': 'HTTP-redirect fetch',
  'http-redirect-fetch': 'HTTP-redirect fetch',
  'concept-http-network-or-cache-fetch': 'HTTP-network-or-cache fetch',
  'http-network-or-cache-fetch': 'HTTP-network-or-cache fetch',
  'dom-request': 'new Request()',
  'dom-global-fetch': 'fetch()',
  'headers-validate': 'Headers validation',
  'concept-headers-append': 'Headers append',
  'concept-response-cors-exposed-header-name-list': 'CORS-exposed header-name list',
  'concept-filtered-response-cors': 'CORS filtered response',
  'append-a-request-origin-header': 'append a request `Origin` header',
  'concept-tao-check': 'TAO check',
  'https://w3c.github.io/beacon/#sec-processing-model': 'sendBeacon()',
  'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource': 'CSS fetch a style resource',
  'https://drafts.csswg.org/css-fonts/#font-fetching-requirements': 'CSS font fetching',
  'https://html.spec.whatwg.org/#cors-cross-origin': 'CORS-cross-origin',
};

/** The readable name of a spec algorithm id (`concept-cors-check` -> `CORS check`). */
export function algorithmName(anchor: string): string {
  const known = ALGORITHM_NAMES[anchor];
  if (known !== undefined) return known;
  // A full URL (HTML, CSS, Beacon): the fragment in words, `create a potential cors request`.
  const hash = anchor.indexOf('#');
  if (/^https:\/\//.test(anchor) && hash !== -1) return anchor.slice(hash + 1).replace(/-/g, ' ');
  return anchor;
}

/** One reason as a phrase: `CORS check step 4: <message>`, plus the knob when one decided. */
export function formatReason(reason: Reason, engine: string): string {
  const base = `${algorithmName(reason.algorithm)} step ${reason.step}: ${reason.message}`;
  if (reason.deviation === undefined) return base;
  return `${base} [${engine} deviates from the spec here: profile knob \`${reason.deviation}\`]`;
}

/** The first line: what JS sees, and for a failure the step that decided it. */
export function outcomeLine(prediction: Prediction, engine: string): string {
  const last = prediction.because[prediction.because.length - 1];
  const why = last === undefined ? '' : `: ${formatReason(last, engine)}`;
  switch (prediction.outcome) {
    case 'ok': {
      const type = prediction.responseType ?? 'unknown';
      return `ok: status ${String(prediction.status)}, response type ${type}`;
    }
    case 'network-error':
      return `network error${why}`;
    case 'exception':
      // fetch() and XHR throw TypeErrors; an initiator's own exception names its type.
      return `exception before any request${prediction.initiator === undefined ? ' (TypeError)' : ''}${why}`;
  }
}

/**
 * Explains `prediction` (made for `scenario` with the `engine` profile) in a few lines:
 * outcome, wire summary, wire requests (when recorded), readable headers, reasons, then
 * each follow-up request indented under the one before.
 */
export function explainPrediction(
  scenario: Scenario,
  prediction: Prediction,
  engine: string,
): string {
  const name = scenario.id ?? scenario.title ?? 'scenario';
  const head = `${name} (engine: ${engine})`;
  return [head, ...body(prediction, engine, scenario.then, 1)].join('\n');
}

function body(p: Prediction, engine: string, step: ThenStep | undefined, depth: number): string[] {
  const pad = '  ';
  const lines = [`${pad}${outcomeLine(p, engine)}`];
  const knobs = [...new Set(p.because.flatMap((r) => (r.deviation ? [r.deviation] : [])))];
  if (knobs.length > 0) {
    const list = knobs.map((k) => `\`${k}\``).join(', ');
    lines.push(`${pad}${engine} departs from the spec here through profile knob ${list}`);
  }
  if (p.initiator !== undefined) lines.push(`${pad}${initiatorLine(p.initiator)}`);
  lines.push(`${pad}${wireSummary(p)}`);
  if (p.wire !== undefined && p.wire.length > 0) {
    lines.push(`${pad}on the wire:`);
    p.wire.forEach((w, i) => lines.push(`${pad}  ${i + 1}. ${wireLine(w)}`));
  }
  const readable = p.readableHeaders.length > 0 ? p.readableHeaders.join(', ') : '(none)';
  lines.push(`${pad}readable headers: ${p.outcome === 'ok' ? readable : '(no response)'}`);
  if (p.because.length > 0) {
    lines.push(`${pad}because:`);
    for (const r of p.because) lines.push(`${pad}  - ${formatReason(r, engine)}`);
  }
  if (p.then !== undefined) {
    lines.push(`${pad}${thenHeading(step, depth)}`);
    for (const l of body(p.then, engine, step?.then, depth + 1)) lines.push(`${pad}${l}`);
  }
  return lines;
}

/** Preflight yes/no with ACRM/ACRH, actual request sent or not, and its Origin header. */
export function wireSummary(p: Prediction): string {
  const preflight = p.preflight
    ? `preflight: yes (Access-Control-Request-Method: ${p.acrm ?? '(none)'}, ` +
      `Access-Control-Request-Headers: ${p.acrh ?? '(none)'})`
    : 'preflight: no';
  const actual = p.actualSent ? 'actual request: sent' : 'actual request: not sent';
  const origin = p.actualSent ? `; Origin: ${p.originHeader ?? '(none)'}` : '';
  return `${preflight}; ${actual}${origin}`;
}

function wireLine(w: WireRequest): string {
  const parts = [`hop ${w.hop}`, w.preflight ? `OPTIONS preflight` : w.method];
  parts.push(`Origin: ${w.origin ?? '(none)'}`);
  if (w.preflight) {
    parts.push(`ACRM: ${w.acrm ?? '(none)'}`);
    parts.push(`ACRH: ${w.acrh ?? '(none)'}`);
  }
  if (w.cookie === true) parts.push('with cookie');
  if (w.secFetch !== undefined) {
    const f = w.secFetch;
    const user = f.user === true ? ', Sec-Fetch-User: ?1' : '';
    parts.push(
      `Sec-Fetch-Site: ${f.site}, Sec-Fetch-Mode: ${f.mode}, Sec-Fetch-Dest: ${f.dest}${user}`,
    );
  }
  return parts.join(', ');
}

/** What HTML handed to Fetch, and what the page observes (initiators only). */
export function initiatorLine(i: InitiatorPrediction): string {
  const r = i.request;
  const dest = r.destination === '' ? '(empty)' : r.destination;
  const handed = `HTML hands Fetch: mode ${r.mode}, credentials ${r.credentials}, destination ${dest}`;
  const tainted =
    i.page.tainted === undefined
      ? ''
      : i.page.tainted
        ? ', tainted (CORS-cross-origin)'
        : ', not tainted';
  return `${handed}; the page sees: ${i.page.loaded ? 'load' : 'error'}${tainted}`;
}

function thenHeading(step: ThenStep | undefined, depth: number): string {
  const delay = step?.delayMs ?? 0;
  const changes: string[] = [];
  const req = step?.request;
  if (req !== undefined) {
    for (const [key, value] of Object.entries(req)) {
      if (key === 'headers' || value === undefined) continue;
      changes.push(`${key} ${JSON.stringify(value)}`);
    }
    for (const [h, v] of Object.entries(req.headers ?? {})) {
      changes.push(v === null ? `without ${h}` : `${h}: ${Array.isArray(v) ? v.join(', ') : v}`);
    }
  }
  const what = changes.length > 0 ? `, ${changes.join(', ')}` : ', same request';
  return `then #${depth}, ${delay} ms later${what}:`;
}
