// What the fixture servers saw, per step: the journal of one token split at the marks the
// page runner put between `then` steps, reduced to the fields a Prediction has.
import type { JournalEntry, JournalRecord } from '../../servers/instruction.js';
import type { HeaderList, WireRequest } from '../scenario/types.js';
import { classifyStep } from './engine-strings.js';
import type { Observation, PageObservation, RawStepResult, WireObservation } from './types.js';
import { secFetchOf } from './initiators/compare.js';

/** The combined value of a header (lines joined with `, `), or null when absent. */
export function headerValue(list: HeaderList, name: string): string | null {
  const lower = name.toLowerCase();
  const values = list.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
  return values.length === 0 ? null : values.join(', ');
}

/** Whether a `Cookie` header holds a cookie with one of `names`. */
export function hasCookie(list: HeaderList, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  const cookie = headerValue(list, 'cookie');
  if (cookie === null) return false;
  const present = cookie
    .split(/;\s*|,\s*/)
    .map((pair) => pair.slice(0, pair.includes('=') ? pair.indexOf('=') : pair.length).trim());
  return names.some((n) => present.includes(n));
}

/** Splits one token's records into steps: records before the first mark are step 0, ... */
export function splitSteps(records: readonly JournalRecord[], stepCount: number): JournalEntry[][] {
  const steps: JournalEntry[][] = Array.from({ length: Math.max(1, stepCount) }, () => []);
  let index = 0;
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  for (const r of sorted) {
    if (r.kind === 'mark') {
      const m = /^step-(\d+)$/.exec(r.label);
      index = m ? Number(m[1]) : index + 1;
      continue;
    }
    if (r.kind !== 'request') continue;
    const bucket = steps[Math.min(index, steps.length - 1)];
    bucket?.push(r);
  }
  return steps;
}

export function wireRequest(e: JournalEntry, cookieNames: readonly string[]): WireRequest {
  const w: WireRequest = {
    hop: e.hop,
    preflight: e.preflight,
    method: e.method,
    origin: headerValue(e.rawHeaders, 'origin'),
  };
  if (e.preflight) {
    w.acrm = headerValue(e.rawHeaders, 'access-control-request-method');
    w.acrh = headerValue(e.rawHeaders, 'access-control-request-headers');
  }
  if (cookieNames.length > 0) w.cookie = hasCookie(e.rawHeaders, cookieNames);
  const secFetch = secFetchOf(e.rawHeaders);
  if (secFetch !== undefined) w.secFetch = secFetch;
  return w;
}

/**
 * One step's wire facts. The actual request counts as sent when a non-preflight request
 * reached the final URL (hop `finalHop`, where the scenario's last redirect points); its
 * `Origin` is the one that arrived there. When the engine stopped earlier (refused a
 * redirect, failed a check), the final URL was not reached: not sent, no `Origin`, whatever
 * earlier hops saw (those stay in `wire`).
 */
export function observeWire(
  entries: readonly JournalEntry[],
  cookieNames: readonly string[],
  finalHop = 0,
): WireObservation {
  const wire = entries.map((e) => wireRequest(e, cookieNames));
  const firstPreflight = wire.find((w) => w.preflight);
  const atFinal = [...wire].reverse().find((w) => !w.preflight && w.hop === finalHop);
  return {
    preflight: firstPreflight !== undefined,
    acrm: firstPreflight?.acrm ?? null,
    acrh: firstPreflight?.acrh ?? null,
    actualSent: atFinal !== undefined,
    originHeader: atFinal?.origin ?? null,
    wire,
  };
}

/** The page's side of one step, with the engine's words turned into an outcome. */
export function observePage(raw: RawStepResult | undefined): PageObservation {
  if (raw === undefined) {
    return {
      outcome: 'exception',
      status: null,
      statusText: null,
      responseType: null,
      url: null,
      redirected: null,
      readableHeaders: [],
      body: null,
      error: { name: 'HarnessError', message: 'the page returned no result for this step' },
      unrecognisedError: true,
      elapsedMs: 0,
    };
  }
  const { outcome, recognised } = classifyStep(raw);
  const ok = outcome === 'ok';
  const obs: PageObservation = {
    outcome,
    status: ok ? raw.status : null,
    statusText: ok ? raw.statusText : null,
    responseType: ok ? (raw.type as PageObservation['responseType']) : null,
    url: raw.url,
    redirected: raw.redirected,
    readableHeaders: ok ? raw.headerNames : [],
    body: raw.body,
    error:
      raw.errorName !== null || raw.event !== undefined
        ? { name: raw.errorName ?? `xhr-${raw.event}`, message: raw.errorMessage ?? '' }
        : null,
    elapsedMs: raw.elapsedMs,
  };
  if (!recognised) obs.unrecognisedError = true;
  if (raw.initiator !== undefined) obs.initiator = raw.initiator;
  return obs;
}

/**
 * Page results and journal records of one case → an Observation chain (first step, then...).
 * `finalHop` is the final URL's hop index (the scenario's redirect count).
 */
export function observeCase(
  steps: readonly RawStepResult[],
  records: readonly JournalRecord[],
  stepCount: number,
  cookieNames: readonly string[],
  finalHop = 0,
): Observation {
  const byStep = splitSteps(records, stepCount);
  let head: Observation | undefined;
  for (let i = stepCount - 1; i >= 0; i--) {
    const o: Observation = {
      ...observePage(steps[i]),
      ...observeWire(byStep[i] ?? [], cookieNames, finalHop),
    };
    if (head !== undefined) o.then = head;
    head = o;
  }
  if (head === undefined) throw new Error('observeCase: a case has at least one step');
  return head;
}
