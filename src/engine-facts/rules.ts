// The closed matcher vocabulary of deviation rules, and how a failing case is matched
// against an engine's rules. Pure: a rule is data (types.ts); every test it may name is
// defined here once.
import type { Diff } from '../harness/types.js';
import { isCORSSafelistedMethod, normalizeMethod } from '../model/methods.js';
import { extractAMIMEType, isJavaScriptMIMETypeEssence } from '../model/mime-type.js';
import { hopRoles } from '../model/scenario-network.js';
import { applyRequestOverrides } from '../scenario/overrides.js';
import { normalizeHeaders } from '../scenario/placeholders.js';
import {
  isDataURL,
  VARIANTS,
  type HeaderList,
  type RedirectHop,
  type ResponseSpec,
  type Scenario,
  type ScenarioRequest,
} from '../scenario/types.js';
import { defaultWorld } from '../scenario/world.js';
import { versionInRange } from './versions.js';
import type {
  BodyKind,
  DeviationRule,
  HeaderMatcher,
  HopKind,
  ListedRequestValues,
  Matcher,
  RedirectMatcher,
  RequestMatcher,
  ValueTest,
} from './types.js';

/** The request of each step: the first request, then each `then` follow-up merged into it. */
export function stepRequests(s: Scenario): ScenarioRequest[] {
  const out: ScenarioRequest[] = [s.request];
  for (let t = s.then; t !== undefined; t = t.then) out.push(applyRequestOverrides(s.request, t));
  return out;
}

export function bodyKindOf(r: ScenarioRequest): BodyKind {
  if (r.body === undefined) return 'none';
  return typeof r.body === 'string' ? 'string' : r.body.kind;
}

const VALUE_TESTS: Record<ValueTest, (value: string) => boolean> = {
  'has-byte-0x80-or-above': (v) => /[\u0080-\u00ff]/.test(v),
  'names-forbidden-method': (v) =>
    v.split(',').some((m) => ['CONNECT', 'TRACE', 'TRACK'].includes(m.trim().toUpperCase())),
};

function headerMatches(lines: HeaderList, m: HeaderMatcher): boolean {
  const seen = new Set<string>();
  return lines.some(([rawName, value]) => {
    const name = rawName.toLowerCase();
    const later = seen.has(name);
    seen.add(name);
    if (!m.names.includes(name)) return false;
    if (m.laterLine === true && !later) return false;
    return m.value === undefined || VALUE_TESTS[m.value](value);
  });
}

function within<T>(allowed: readonly T[] | undefined, value: T): boolean {
  return allowed === undefined || allowed.includes(value);
}

/**
 * The request as the engine runs it: XHR has no mode, redirect or cache option (always cors,
 * follow and default) and its credentials come from `withCredentials`.
 */
function effective(r: ScenarioRequest): ScenarioRequest {
  if ((r.api ?? 'fetch') !== 'xhr') return r;
  const include = r.withCredentials ?? r.credentials === 'include';
  return {
    ...r,
    mode: 'cors',
    redirect: 'follow',
    cache: 'default',
    credentials: include ? 'include' : 'same-origin',
  };
}

/** The value of each listed field for a request as the engine runs it (see `effective`). */
function listedValues(r: ScenarioRequest): ListedRequestValues {
  return {
    api: r.api ?? 'fetch',
    method: requestMethod(r),
    mode: r.mode ?? 'cors',
    credentials: r.credentials ?? 'same-origin',
    cache: r.cache ?? 'default',
    redirect: r.redirect ?? 'follow',
    referrerPolicy: r.referrerPolicy ?? '',
    body: bodyKindOf(r),
    target: r.target ?? 'cross-origin',
    crossorigin: r.crossorigin ?? 'absent',
    variant: r.variant ?? defaultVariant(r),
  };
}

function requestMatches(m: RequestMatcher, request: ScenarioRequest): boolean {
  const r = effective(request);
  const values = listedValues(r);
  const fields = Object.keys(values) as (keyof ListedRequestValues)[];
  return (
    fields.every((f) => within<unknown>(m[f], values[f])) &&
    !(m.notMethod ?? []).includes(values.method) &&
    (m.safelistedMethod === undefined ||
      m.safelistedMethod === isCORSSafelistedMethod(values.method)) &&
    (m.uploadListener === undefined || m.uploadListener === (r.uploadListener === true)) &&
    (m.headers ?? []).every((h) => headerMatches(normalizeHeaders(r.headers), h))
  );
}

/** The variant an initiator uses when the scenario names none ('' for apis without any). */
function defaultVariant(r: ScenarioRequest): string {
  const api = r.api ?? 'fetch';
  return api === 'fetch' || api === 'xhr' ? '' : (VARIANTS[api]?.[0] ?? '');
}

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

/**
 * The ways the redirect hops of the scenario move (see HopKind), hop by hop, as far as the
 * chain goes: a hop answering without Location or with a status that is not a redirect
 * status is the final response, and the hops after it are never reached.
 */
export function hopKinds(s: Scenario, r: ScenarioRequest): HopKind[][] {
  const world = defaultWorld(s.client ?? 'page', s.origins ?? {});
  const origins = hopRoles(s, r).map((t) => (isDataURL(t) ? t : world.origins[t]));
  const page = world.client === 'page' ? world.pageOrigin : null;
  const hops = s.server?.redirects ?? [];
  const kinds: HopKind[][] = [];
  for (let i = 0; i + 1 < origins.length; i++) {
    const hop = hops[i];
    if (hop === undefined || hop.noLocation === true || !REDIRECT_STATUSES.includes(hop.status))
      break;
    const from = origins[i];
    const to = origins[i + 1];
    if (from === to) {
      kinds.push(['same-origin']);
      continue;
    }
    const k: HopKind[] = ['cross-origin'];
    if (to === page) k.push('to-page-origin');
    if (from === page) k.push('from-page-origin');
    if (to !== page) k.push('off-page-origin');
    kinds.push(k);
  }
  return kinds;
}

function redirectsMatch(m: RedirectMatcher, s: Scenario, r: ScenarioRequest): boolean {
  const hops = s.server?.redirects ?? [];
  if (m.present !== undefined && m.present !== hops.length > 0) return false;
  if (m.status !== undefined && !hops.some((h) => m.status?.includes(h.status))) return false;
  if (m.userinfo !== undefined && m.userinfo !== followedHops(s).some((h) => h.userinfo ?? ''))
    return false;
  if (m.noLocation !== undefined && m.noLocation !== endsWithoutLocation(s)) return false;
  if (m.toDataURL !== undefined && m.toDataURL !== hops.some((h) => isDataURL(h.to))) return false;
  const kinds = hopKinds(s, r);
  if (m.hops !== undefined && !m.hops.every((k) => kinds.some((at) => at.includes(k))))
    return false;
  const every = m.everyHop;
  if (every !== undefined && !kinds.every((at) => at.includes(every))) return false;
  const last = m.lastHop;
  if (last !== undefined && !(kinds.at(-1) ?? []).includes(last)) return false;
  if (m.rewritesToGET !== undefined && m.rewritesToGET !== rewritesToGET(s, r)) return false;
  const without = m.someHopWithout;
  if (
    without !== undefined &&
    !hops.some((h) => {
      const names = normalizeHeaders(h.headers).map(([n]) => n.toLowerCase());
      return without.every((n) => !names.includes(n));
    })
  )
    return false;
  return true;
}

/** The hops whose Location is followed: the chain up to the first hop that ends it. */
function followedHops(s: Scenario): RedirectHop[] {
  const hops = s.server?.redirects ?? [];
  const end = hops.findIndex((h) => !REDIRECT_STATUSES.includes(h.status) || h.noLocation === true);
  return end < 0 ? hops : hops.slice(0, end);
}

function hasLocation(headers: ResponseSpec['headers']): boolean {
  return normalizeHeaders(headers).some(([n]) => n.toLowerCase() === 'location');
}

/**
 * The response the chain ends on: the first hop that is not followed (not a redirect
 * status, or no Location), else the final URL's; null when the chain ends on a data: URL.
 */
function endResponse(s: Scenario): Pick<ResponseSpec, 'status' | 'headers'> | null {
  for (const hop of s.server?.redirects ?? []) {
    if (!REDIRECT_STATUSES.includes(hop.status) || hop.noLocation === true) return hop;
    if (isDataURL(hop.to)) return null;
  }
  return s.server?.actual ?? { status: 200 };
}

/** The MIME type test of `finalMIMEType` on the response the chain ends on. */
function finalMIMETypeIs(test: NonNullable<Matcher['finalMIMEType']>, s: Scenario): boolean {
  const end = endResponse(s);
  if (end === null) return false;
  const headers = normalizeHeaders(end.headers);
  // Without a Content-Type of its own the answer carries the fixture asset, typed as the
  // initiator expects; a body of the scenario's own then has no type at all.
  const named = headers.some(([n]) => n.toLowerCase() === 'content-type');
  const ownBody = end === s.server?.actual && (s.server.actual.body ?? '') !== '';
  if (!named && !ownBody) return false;
  const mime = extractAMIMEType(headers);
  if (test === 'none') return mime === 'failure';
  const essence = mime === 'failure' ? '' : mime.essence;
  if (test === 'not-text-css') return essence !== 'text/css';
  const refused = ['image/', 'audio/', 'video/'].some((p) => essence.startsWith(p));
  return !isJavaScriptMIMETypeEssence(essence) && !refused && essence !== 'text/csv';
}

/** Whether the response the chain ends on has a redirect status and no Location. */
function endsWithoutLocation(s: Scenario): boolean {
  const end = endResponse(s);
  return end !== null && REDIRECT_STATUSES.includes(end.status) && !hasLocation(end.headers);
}

/**
 * The method the request goes out with: the scenario's, else the initiator's own (sendBeacon
 * and a form submission POST, https://w3c.github.io/beacon/#sec-processing-model and
 * https://html.spec.whatwg.org/#form-submission-algorithm; everything else GETs).
 */
function requestMethod(r: ScenarioRequest): string {
  if (r.method !== undefined) return normalizeMethod(r.method);
  return r.api === 'beacon' || r.api === 'form' ? 'POST' : 'GET';
}

/** Whether some hop rewrites the request's method to GET (http-redirect-fetch step 12). */
function rewritesToGET(s: Scenario, r: ScenarioRequest): boolean {
  const method = requestMethod(r);
  return (s.server?.redirects ?? []).some(
    (h) =>
      (h.status === 303 && method !== 'GET' && method !== 'HEAD') ||
      ((h.status === 301 || h.status === 302) && method === 'POST'),
  );
}

/** Whether `when` holds for step `step` (0: the first request) of the scenario. */
export function matcherHolds(when: Matcher, s: Scenario, step: number): boolean {
  const request = stepRequests(s)[step];
  if (request === undefined) return false;
  if (when.step === 'first' && step !== 0) return false;
  if (when.step === 'then' && step === 0) return false;
  if (!within(when.client, s.client ?? 'page')) return false;
  if (when.finalStatus !== undefined && !when.finalStatus.includes(endResponse(s)?.status ?? -1))
    return false;
  const end = endResponse(s)?.status ?? -1;
  const ranges = when.finalStatusRanges;
  if (ranges !== undefined && !ranges.some((r) => end >= r.from && end <= r.to)) return false;
  if (when.finalMIMEType !== undefined && !finalMIMETypeIs(when.finalMIMEType, s)) return false;
  if (when.anyStatus !== undefined && !answerStatuses(s).some((n) => when.anyStatus?.includes(n)))
    return false;
  if (when.request !== undefined && !requestMatches(when.request, request)) return false;
  if (when.redirects !== undefined && !redirectsMatch(when.redirects, s, request)) return false;
  return true;
}

/** The status of every answer the scenario's servers are told to give. */
function answerStatuses(s: Scenario): number[] {
  const server = s.server ?? {};
  const hops = server.redirects ?? [];
  return [
    ...hops.flatMap((h) => [h.status, ...(h.preflight ? [h.preflight.status] : [])]),
    ...(server.preflight ? [server.preflight.status] : []),
    server.actual?.status ?? 200,
  ];
}

/** Whether the rule applies to some step of the scenario. */
export function ruleMatchesScenario(rule: DeviationRule, s: Scenario): boolean {
  return stepRequests(s).some((_, step) => matcherHolds(rule.when, s, step));
}

/** The step index a diff belongs to (`then.then.acrh` → 2) and its last field name. */
export function diffStep(field: string): { step: number; name: string } {
  const parts = field.split('.');
  return { step: parts.length - 1, name: parts[parts.length - 1] ?? field };
}

/**
 * The rules that together cover every diff of a case (each diff needs a rule listing its
 * field whose matcher holds for the diff's step), or null when some diff is left over.
 */
export function rulesCovering(
  rules: readonly DeviationRule[],
  s: Scenario,
  diffs: readonly Diff[],
): DeviationRule[] | null {
  if (diffs.length === 0) return null;
  const used: DeviationRule[] = [];
  for (const d of diffs) {
    const { step, name } = diffStep(d.field);
    const rule = rules.find(
      (r) => (r.fields as readonly string[]).includes(name) && matcherHolds(r.when, s, step),
    );
    if (rule === undefined) return null;
    if (!used.includes(rule)) used.push(rule);
  }
  return used;
}

/** The rules that hold for a build (`version`, EngineInfo.version); null: only unbounded rules. */
export function rulesForVersion(
  rules: readonly DeviationRule[],
  version: string | null | undefined,
): DeviationRule[] {
  if (version === undefined) return [...rules];
  return rules.filter((r) => r.versions === undefined || versionInRange(version, r.versions));
}
