// A check either passes or names the spec step that failed (design.md section 3).
import type { Reason } from '../scenario/types.js';

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

/** A decisive step as a prediction lists it; `deviation` names the knob that changed it. */
export function reason(
  algorithm: string,
  step: string | number,
  message: string,
  deviation?: string,
): Reason {
  const r: Reason = { algorithm, step: String(step), message };
  if (deviation !== undefined) r.deviation = deviation;
  return r;
}

/** Anchor ids that live in the XMLHttpRequest Standard rather than in Fetch. */
const XHR_ANCHOR = /^dom-xmlhttprequest/;
/** Anchor ids that live in the HTML Standard (origins). */
const HTML_ANCHORS = new Set(['ascii-serialisation-of-an-origin', 'same-origin', 'same-site']);

/** The spec's anchor URL for an anchor id (Fetch unless the id belongs to XHR or HTML). */
export function anchorUrl(anchor: string): string {
  // Algorithms of other specs (HTML's initiators, CSS, Beacon) are cited by their full URL.
  if (/^https:\/\//.test(anchor)) return anchor;
  if (XHR_ANCHOR.test(anchor)) return `https://xhr.spec.whatwg.org/#${anchor}`;
  if (HTML_ANCHORS.has(anchor))
    return `https://html.spec.whatwg.org/multipage/browsers.html#${anchor}`;
  if (anchor === 'parse-a-mime-type') return `https://mimesniff.spec.whatwg.org/#${anchor}`;
  return `https://fetch.spec.whatwg.org/#${anchor}`;
}
