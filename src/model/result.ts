// A check either passes or names the spec step that failed (design.md section 3).

/** A failed step: the algorithm's anchor id, the step number, and why, with values. */
export interface StepFailure {
  ok: false;
  /** Fetch-standard anchor id of the algorithm, e.g. `concept-cors-check`. */
  algorithm: string;
  /** Step within the algorithm, e.g. `4` or `7.2`. */
  step: string;
  message: string;
}

export type Check = { ok: true } | StepFailure;

export const PASS: Check = { ok: true };

export function fail(algorithm: string, step: string | number, message: string): StepFailure {
  return { ok: false, algorithm, step: String(step), message };
}

/** The spec's anchor URL for an anchor id. */
export function anchorUrl(anchor: string): string {
  return `https://fetch.spec.whatwg.org/#${anchor}`;
}
