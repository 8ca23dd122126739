// The one place that knows what engines say. Everything downstream reads the `outcome`
// this module decides; the raw message stays in the observation as evidence.
import type { Outcome } from '../scenario/types.js';
import type { RawStepResult } from './types.js';

/** The messages a fetch() network error rejects with, per engine. */
export const NETWORK_ERROR_MESSAGES: readonly { engine: string; message: string }[] = [
  { engine: 'chromium', message: 'Failed to fetch' },
  { engine: 'firefox', message: 'NetworkError when attempting to fetch resource.' },
  { engine: 'webkit', message: 'Load failed' },
];

/** WebKit names the CORS failure in some builds; Chromium also appends a hint in newer builds. */
const NETWORK_ERROR_PATTERNS: readonly RegExp[] = [
  /^Failed to fetch\b/,
  /^NetworkError when attempting to fetch resource\.?$/,
  /^Load failed$/,
  /^Origin .* is not allowed by Access-Control-Allow-Origin\b/,
  /^Cross-origin redirection to .* denied by Cross-Origin Resource Sharing policy/,
  /^Preflight response is not successful\b/,
  /access control checks\.?$/,
];

/** XHR failures are events, not strings: these mean a network error. */
export const XHR_NETWORK_ERROR_EVENTS: readonly string[] = ['error'];

export interface Classified {
  outcome: Outcome;
  /** False when the failure did not match any known string (reported, not hidden). */
  recognised: boolean;
}

export function isNetworkErrorMessage(message: string): boolean {
  return NETWORK_ERROR_PATTERNS.some((re) => re.test(message));
}

/** The step kinds that decide the outcome alone, whatever the page saw with them. */
const OUTCOME_OF_KIND: Readonly<Record<Exclude<RawStepResult['kind'], 'rejected'>, Classified>> = {
  // A response reached JS.
  ok: { outcome: 'ok', recognised: true },
  // Request/XHR construction threw (bad method, forbidden mode combination...).
  threw: { outcome: 'exception', recognised: true },
  // The page's step timeout: never judged in a run (run.ts makes it a harness error).
  timeout: { outcome: 'network-error', recognised: false },
};

/**
 * Decides the outcome of one raw step result: by its kind (OUTCOME_OF_KIND), or for a
 * rejection by what rejected:
 * - fetch rejected with a TypeError → `network-error` (recognised when the message is one
 *   the engines use for network errors), any other rejection → `exception`;
 * - an XHR `error` event → `network-error`; an `abort` event is not an outcome the model
 *   predicts and is reported as an unrecognised network error.
 */
export function classifyStep(raw: RawStepResult): Classified {
  if (raw.kind !== 'rejected') return { ...OUTCOME_OF_KIND[raw.kind] };
  if (raw.event !== undefined)
    return { outcome: 'network-error', recognised: XHR_NETWORK_ERROR_EVENTS.includes(raw.event) };
  if (raw.errorName === 'TypeError')
    return { outcome: 'network-error', recognised: isNetworkErrorMessage(raw.errorMessage ?? '') };
  return { outcome: 'exception', recognised: false };
}
