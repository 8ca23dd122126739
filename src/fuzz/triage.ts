// Triaged differences of generated scenarios: engine behaviour the fuzzer found, checked
// against the Fetch Standard, and not (yet) expressed as an EngineProfile knob. A failing
// generated case whose every difference is covered by a rule for its engine becomes a
// `known-deviation` naming the rule, exactly as a checked-in expectation does for a suite
// row (those are keyed by scenario id, which generated scenarios do not have).
import { stepRequests } from '../harness/compile.js';
import type { Diff } from '../harness/types.js';
import { normalizeHeaders } from '../scenario/placeholders.js';
import type { Scenario, ScenarioRequest } from '../scenario/types.js';
import type { FuzzExecutor, FuzzOutcome } from './executor.js';

export interface TriageRule {
  id: string;
  engines: readonly string[];
  /** Fields (last path segment) the engine may differ in. */
  fields: readonly string[];
  /** Whether the rule applies to the request of the step that differs. */
  applies(request: ScenarioRequest, scenario: Scenario): boolean;
  reason: string;
  /** Replay id (fuzz seed 1) of the minimal case, and the spec text it contradicts. */
  evidence: string;
}

const hops = (s: Scenario) => s.server?.redirects ?? [];
const bodyKind = (r: ScenarioRequest): string | null =>
  r.body === undefined ? null : typeof r.body === 'string' ? 'string' : r.body.kind;
const SAFELISTED_NAMES = new Set(['accept', 'accept-language', 'content-language', 'content-type']);
const OVERRIDE_NAMES = new Set(['x-http-method-override', 'x-http-method', 'x-method-override']);
const FORBIDDEN_IN_OVERRIDE = /(^|,)\s*(CONNECT|TRACE|TRACK)\s*(,|$)/i;
const CLIENT_HINTS = new Set(['dpr', 'width', 'viewport-width', 'save-data', 'device-memory']);
const OUTCOME = ['outcome', 'status', 'responseType', 'readableHeaders'];

export const TRIAGE_RULES: readonly TriageRule[] = [
  {
    id: 'origin-header-no-referrer-same-origin',
    engines: ['chromium'],
    fields: ['originHeader'],
    applies: (r) => r.referrerPolicy === 'no-referrer',
    reason:
      'a same-origin non-GET/HEAD request with referrerPolicy "no-referrer" carries the page origin in Origin, not `null`',
    evidence:
      'fuzz 1:6:0:1:0:2:2:2:4:4:5:4:4:4:4:4; fetch#append-a-request-origin-header step 4 ("no-referrer": serializedOrigin = `null`); Firefox sends `null`',
  },
  {
    id: 'redirect-error-without-location',
    engines: ['chromium', 'webkit'],
    fields: OUTCOME,
    applies: (r, s) => r.redirect === 'error' && hops(s).some((h) => h.noLocation === true),
    reason:
      'redirect: "error" and a redirect status without Location: the response is returned instead of a network error',
    evidence:
      'fuzz seed 1 (redirect 301, noLocation); fetch#http-fetch step "If internalResponse\'s status is a redirect status" → redirect mode "error": network error (before any Location parsing); Firefox follows the spec; WPT redirect-location.any.js leaves this untested (FIXME)',
  },
  {
    id: 'redirect-to-url-with-credentials',
    engines: ['chromium'],
    fields: [...OUTCOME, 'actualSent', 'originHeader'],
    applies: (_r, s) => hops(s).some((h) => (h.userinfo ?? '') !== ''),
    reason:
      'a redirect to a URL with credentials fails even where the spec allows it (no-cors mode, or a same-origin target)',
    evidence:
      'fuzz 2:4:0:0:0:0:0:0:0:0:0:1:0:0:0:2:1:2:1:1:1:1 (same-origin GET, 301 to same-origin with user:pass@); fetch#http-redirect-fetch fails on locationURL credentials only for mode "cors" with a cross-origin location, or tainting "cors"; Firefox follows the spec',
  },
  {
    id: 'stream-request-body',
    engines: ['chromium', 'firefox', 'webkit'],
    fields: ['preflight', 'actualSent', ...OUTCOME, 'acrm', 'acrh', 'originHeader'],
    applies: (r) => bodyKind(r) === 'stream',
    reason:
      'ReadableStream request bodies: Chromium preflights them even where no request may be sent and rejects them over HTTP/1.1; Firefox sends them without the preflight; WebKit throws when the Request is built',
    evidence:
      'fuzz seeds 1 and 20261126 (POST/PUT with a stream body); the Request constructor sets the use-CORS-preflight flag for a body whose source is null (fetch#dom-request), which the model follows',
  },
  {
    id: 'safelisted-value-with-non-ascii-byte',
    engines: ['firefox'],
    fields: ['preflight', 'actualSent', 'acrm', 'acrh'],
    applies: (r) =>
      normalizeHeaders(r.headers).some(
        ([n, v]) => SAFELISTED_NAMES.has(n.toLowerCase()) && /[\u0080-\u00ff]/.test(v),
      ),
    reason:
      'a safelisted header (Accept, ...) whose value has a byte >= 0x80 is treated as CORS-unsafe and listed in Access-Control-Request-Headers',
    evidence:
      'fuzz 20261126:66:0:0:0:0:0:0:0:0:0:0:0:1:2:0:0:0:0:3:2:2 (Accept: a\u00ff); fetch#cors-unsafe-request-header-byte lists only control bytes and "():<>?@[\\]{} and 0x7F as unsafe',
  },
  {
    id: 'xhr-upload-listener-without-body',
    engines: ['chromium', 'webkit'],
    fields: ['preflight', 'actualSent', 'acrm', 'acrh'],
    applies: (r) => r.api === 'xhr' && r.uploadListener === true,
    reason:
      'XHR upload listener: Chromium forces a preflight only when the request has a body; WebKit also preflights a same-origin request redirected cross-origin',
    evidence:
      'fuzz 1:17 (xhr GET with an upload listener); xhr#the-send()-method sets the upload listener flag from registered listeners; Firefox preflights like the model',
  },
  {
    id: 'unsafe-method-redirected-cross-origin',
    engines: ['webkit'],
    fields: ['preflight', 'actualSent', 'acrm', 'acrh', 'originHeader'],
    applies: (r, s) => !/^(GET|HEAD|POST)$/i.test(r.method ?? 'GET') && hops(s).length > 0,
    reason:
      'a non-safelisted method (DELETE, PUT, ...) sent to the page origin and redirected to another origin goes out without a preflight (307), or is preflighted with ACRM GET (301); the spec preflights the redirected request with its own method (fetch#http-redirect-fetch rewrites only POST on 301/302)',
    evidence:
      'fuzz 777:40:2:2:2:2:2:2:4:2:5:4:4:4:8:6:6:6 (DELETE + Content-Type: application/json, same-origin 301 to same-site: preflight with ACRM GET) and 20261126:29:2:2:2:2:2:2:3:3:7:6:6:6:6:6 (DELETE, 307 to cross-origin-2: no preflight); Chromium and Firefox agree with the model',
  },
  {
    id: 'safelist-judges-joined-value',
    engines: ['firefox'],
    fields: ['preflight', 'actualSent', 'acrm', 'acrh'],
    applies: (r) => {
      const names = normalizeHeaders(r.headers).map(([n]) => n.toLowerCase());
      return names.some((n, i) =>
        SAFELISTED_NAMES.has(n) || n === 'range' ? names.indexOf(n) !== i : false,
      );
    },
    reason:
      'a safelisted header set more than once is judged on the joined value (as the Chromium and WebKit profiles do with safelistChecksCombinedValue); the Firefox profile does not have that knob yet',
    evidence:
      'fuzz 777:36:0:1:0:0:0:0:0:0:0:3:1:1:2:2:2:2:2:2:2:2:2:2 (PUT, Range: bytes=0- twice → ACRH range) and 777:474:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:1:0:1:3:2:2:0:0:0:2 (Content-Type: text/plain twice)',
  },
  {
    id: 'method-override-forbidden-in-later-line',
    engines: ['chromium', 'webkit'],
    fields: ['preflight', 'actualSent', 'acrm', 'acrh'],
    applies: (r) => {
      const lines = normalizeHeaders(r.headers).filter(([n]) =>
        OVERRIDE_NAMES.has(n.toLowerCase()),
      );
      return lines.length > 1 && lines.slice(1).some(([, v]) => FORBIDDEN_IN_OVERRIDE.test(v));
    },
    reason:
      'X-HTTP-Method-Override & co. set twice, the second line naming a forbidden method: the whole header is dropped (the joined value is judged), where fetch#concept-headers-append judges each appended value and keeps the first line',
    evidence:
      'fuzz 777:806:0:0:0:0:0:0:0:0:4:5:5:5:3:3:3:3:3:3:3:3:3 (x-http-method-override PUT then CONNECT: no preflight, actual sent); Firefox preflights like the model',
  },
  {
    id: 'client-hint-header-dropped-on-redirect',
    engines: ['chromium'],
    fields: ['preflight', 'actualSent', 'acrm', 'acrh'],
    applies: (r, s) =>
      hops(s).length > 0 &&
      normalizeHeaders(r.headers).some(([n]) => CLIENT_HINTS.has(n.toLowerCase())),
    reason:
      'a same-origin request with a non-safelisted client-hint value (dpr: x y) redirected cross-origin is sent without a preflight (the header is presumably dropped or re-judged on redirect)',
    evidence:
      'fuzz 777:1223:0:2:2:2:2:0:0:0:0:2:2:2:3:3:3:3:5:4:5:5:5:5 (same-origin 301 to https-cross-origin); Firefox and WebKit preflight like the model; to be confirmed with the reproduction',
  },
  {
    id: 'origin-kept-after-redirect-to-get',
    engines: ['webkit'],
    fields: ['originHeader'],
    applies: (r, s) =>
      !/^(GET|HEAD)$/i.test(r.method ?? 'GET') &&
      hops(s).some((h) => [301, 302, 303].includes(h.status)),
    reason:
      'after a redirect rewrites the method to GET (303, or POST on 301/302), the same-origin GET still carries the Origin header of the first request',
    evidence:
      'fuzz 777:253:0:1:0:0:0:0:0:2:1:2:4:4:4:4:8:6:6:6:0:1:2:2 (PUT, 303 to same-origin); fetch#append-a-request-origin-header runs per request and adds nothing to a same-origin GET; Chromium and Firefox agree with the model',
  },
  {
    id: 'preflight-before-credentials-redirect-check',
    engines: ['webkit'],
    fields: ['preflight', 'actualSent'],
    applies: (_r, s) => hops(s).some((h) => (h.userinfo ?? '') !== ''),
    reason:
      'a redirect to a cross-origin URL with credentials is preflighted before it fails, where the spec fails it in HTTP-redirect fetch before any request to the new URL',
    evidence:
      'fuzz 777:325:0:0:0:0:0:0:1:0:0:0:3:2:3:3:3:3:4:4:3:3:3:3:3:5:5 (XHR same-origin 301 to same-site with user:pass@); Chromium and Firefox agree with the model',
  },
  {
    id: 'no-cors-origin-null-after-redirect',
    engines: ['chromium'],
    fields: ['originHeader'],
    applies: (r, s) => r.mode === 'no-cors' && hops(s).length > 0,
    reason:
      'a no-cors POST redirected from the page origin to another origin carries `Origin: null`, where the tainted origin flag stays unset (the request origin is same origin with the URL that redirected)',
    evidence:
      'fuzz 4242:946:0:4:4:4:4:4:4:5:4:4:8:7:7:7:7:7 (POST no-cors, same-origin 307 to same-site); fetch#http-redirect-fetch tainted-origin step; Firefox and WebKit agree with the model',
  },
  {
    id: 'no-referrer-origin-after-redirect',
    engines: ['webkit'],
    fields: ['originHeader'],
    applies: (r, s) => r.referrerPolicy === 'no-referrer' && hops(s).length > 0,
    reason:
      'a no-referrer non-GET/HEAD request that was redirected carries the page origin where fetch#append-a-request-origin-header step 4 gives `null`',
    evidence:
      'fuzz 4242:876:0:0:0:0:0:0:0:1:1:1:5:4:4:4:4:5:4:5:9:8:8:10:10:10:10 (POST no-cors no-referrer, 308 to https-cross-origin); Chromium and Firefox agree with the model',
  },
];

/** The step index a diff belongs to (`then.then.acrh` → 2) and its last field name. */
function split(field: string): { step: number; name: string } {
  const parts = field.split('.');
  return { step: parts.length - 1, name: parts[parts.length - 1] ?? field };
}

/** The rule ids covering every difference of a failing case, or null when one is left over. */
export function triage(
  engine: string,
  scenario: Scenario,
  diffs: readonly Diff[],
  rules: readonly TriageRule[] = TRIAGE_RULES,
): string[] | null {
  if (diffs.length === 0) return null;
  const steps = stepRequests(scenario);
  const used = new Set<string>();
  for (const d of diffs) {
    const { step, name } = split(d.field);
    const request = steps[step]?.request;
    if (request === undefined) return null;
    const rule = rules.find(
      (r) => r.engines.includes(engine) && r.fields.includes(name) && r.applies(request, scenario),
    );
    if (rule === undefined) return null;
    used.add(rule.id);
  }
  return [...used];
}

/** The executor with triaged failures turned into `known-deviation`. */
export function withTriage(
  executor: FuzzExecutor,
  rules: readonly TriageRule[] = TRIAGE_RULES,
): FuzzExecutor {
  return {
    engine: executor.engine,
    async run(scenarios) {
      const outcomes = await executor.run(scenarios);
      return outcomes.map((o, i): FuzzOutcome => {
        const s = scenarios[i];
        if (o.verdict !== 'fail' || s === undefined) return o;
        const ids = triage(executor.engine, s, o.diffs, rules);
        return ids === null
          ? o
          : { ...o, verdict: 'known-deviation', note: `triaged: ${ids.join(', ')}` };
      });
    },
  };
}
