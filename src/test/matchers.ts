// The CORS matchers for Playwright's `expect.extend`. Each takes a ProbeResult (what
// `cors.fetch()` returns) and on failure prints the whole account: request, raw server
// headers, prediction with the deciding spec step, observation, differences.
import type { ExpectMatcherState, MatcherReturnType } from '@playwright/test';
import { ProbeError, type ProbeResult } from '../harness/probe.js';
import { ORIGIN_ROLES } from '../scenario/types.js';
import { decidingStep, describeResult, observationLine, requestLine } from './format.js';

function isProbeResult(v: unknown): v is ProbeResult {
  return (
    typeof v === 'object' &&
    v !== null &&
    'observation' in v &&
    'prediction' in v &&
    'fromRole' in v
  );
}

function checked(matcher: string, received: unknown): ProbeResult {
  if (!isProbeResult(received)) {
    throw new ProbeError(
      `${matcher}: expected the result of cors.fetch(), got ${typeof received === 'object' ? JSON.stringify(received)?.slice(0, 80) : typeof received}`,
    );
  }
  return received;
}

function message(state: ExpectMatcherState, headline: string, r: ProbeResult): () => string {
  return () =>
    `${state.isNot ? 'expected NOT: ' : 'expected: '}${headline}\n\n${describeResult(r)}`;
}

/** Whether JS on the page could read the response (a non-opaque response reached it). */
export function isReadable(r: ProbeResult): boolean {
  const o = r.observation;
  return o.outcome === 'ok' && o.responseType !== 'opaque' && o.responseType !== 'opaqueredirect';
}

export const corsMatchers = {
  /**
   * The engine did what the Fetch Standard (with this engine's documented choices) says it
   * must do with the server's real answers: same outcome, status, response type, readable
   * headers as the model predicts.
   */
  toMatchFetchStandard(this: ExpectMatcherState, received: unknown): MatcherReturnType {
    const r = checked('toMatchFetchStandard', received);
    const pass = r.diffs.length === 0;
    return {
      pass,
      name: 'toMatchFetchStandard',
      message: message(
        this,
        `${requestLine(r)} to behave as the Fetch Standard predicts (${decidingStep(r)}); observed ${observationLine(r.observation)}`,
        r,
      ),
    };
  },

  /**
   * JS on `origin` (a role such as `cross-origin`, or the fixture origin itself) could read
   * the response. The result must have been requested from that origin.
   */
  toBeReadableFrom(this: ExpectMatcherState, received: unknown, origin: string): MatcherReturnType {
    const r = checked('toBeReadableFrom', received);
    const same = (ORIGIN_ROLES as readonly string[]).includes(origin)
      ? r.fromRole === origin ||
        (origin === 'same-origin' && r.fromRole === 'same-origin-of-parent')
      : r.from === origin;
    if (!same) {
      throw new ProbeError(
        `toBeReadableFrom: this result was requested from ${r.from}${r.fromRole === null ? '' : ` (${r.fromRole})`}, not ${origin}: call cors.fetch(url, { from: '${origin}' })`,
      );
    }
    return {
      pass: isReadable(r),
      name: 'toBeReadableFrom',
      message: message(this, `the response to be readable by JS on ${r.from}`, r),
    };
  },

  /** JS can read response header `name` (case-insensitive). */
  toExposeHeader(this: ExpectMatcherState, received: unknown, name: string): MatcherReturnType {
    const r = checked('toExposeHeader', received);
    const pass = isReadable(r) && r.observation.readableHeaders.includes(name.toLowerCase());
    return {
      pass,
      name: 'toExposeHeader',
      message: message(this, `response header "${name}" to be readable by JS on ${r.from}`, r),
    };
  },
};
