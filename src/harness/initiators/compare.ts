// What an initiator case is judged on beyond the wire fields every case has: the page's
// load/error and taint result against the model's `initiator.page`, and the Fetch Metadata
// headers (`Sec-Fetch-*`) of every request on the wire against the model's `secFetch`.
import type {
  HeaderList,
  InitiatorPrediction,
  SecFetch,
  WireRequest,
} from '../../scenario/types.js';
import type { Diff, InitiatorPageResult } from '../types.js';

/** The Sec-Fetch-* headers of one request, or undefined when it carries none. */
export function secFetchOf(headers: HeaderList): SecFetch | undefined {
  const get = (name: string): string | undefined =>
    headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const site = get('sec-fetch-site');
  const mode = get('sec-fetch-mode');
  const dest = get('sec-fetch-dest');
  const user = get('sec-fetch-user');
  if (site === undefined && mode === undefined && dest === undefined && user === undefined) {
    return undefined;
  }
  const out: SecFetch = {
    site: (site ?? '') as SecFetch['site'],
    mode: mode ?? '',
    dest: dest ?? '',
  };
  // Structured-header boolean: `?1` is true; anything else is kept as false.
  if (user !== undefined) out.user = user === '?1';
  return out;
}

/**
 * The initiators whose driver observes the taint: a canvas read (img-canvas, and a video
 * frame drawn into a canvas: the model predicts a taint for video only in its canvas
 * variant), the error event of a script that throws (script, module-script),
 * importScripts' rethrown error, `cssRules`. Dynamic import() has no such observable (a
 * module's errors are never muted, and a throwing module rejects the import).
 */
export const TAINT_OBSERVED: readonly string[] = [
  'img-canvas',
  'video',
  'script',
  'module-script',
  'importScripts',
  'stylesheet',
];

/**
 * The initiator's page result vs the prediction. `loaded` null (no page event for it, a CSS
 * image) compares nothing; a driver that timed out is observed as `timeout`, never as an
 * error event, except a form: its only outcome is the frame's load event, so a load event
 * that never came is the observation `false`. `tainted` is compared where the model predicts
 * it and the resource loaded.
 */
export function compareInitiator(
  api: string,
  predicted: InitiatorPrediction | undefined,
  observed: InitiatorPageResult | undefined,
  prefix: string,
): Diff[] {
  if (predicted === undefined) return [];
  if (observed === undefined) {
    return [{ field: `${prefix}loaded`, predicted: predicted.page.loaded, observed: null }];
  }
  const diffs: Diff[] = [];
  if (observed.loaded !== null) {
    const seen = observed.timeout === true && api !== 'form' ? 'timeout' : observed.loaded;
    if (seen !== predicted.page.loaded) {
      diffs.push({ field: `${prefix}loaded`, predicted: predicted.page.loaded, observed: seen });
    }
  }
  const tainted = predicted.page.tainted;
  const observable = TAINT_OBSERVED.includes(api) || observed.tainted !== undefined;
  if (tainted !== undefined && observable && predicted.page.loaded && observed.loaded === true) {
    const seen = observed.tainted ?? null;
    if (seen !== tainted)
      diffs.push({ field: `${prefix}tainted`, predicted: tainted, observed: seen });
  }
  return diffs;
}

/**
 * The first step whose driver waited in vain for an event (`timeout`), or -1. A case judged
 * `fail` with such a step is a harness error: on a loaded machine the page's wait runs out
 * before a slow event, and a case that never completed is neither a pass nor a finding.
 */
export function initiatorWaitRanOut(
  steps: readonly { initiator?: InitiatorPageResult | undefined }[],
): number {
  return steps.findIndex((s) => s.initiator?.timeout === true);
}

/** Whether a prediction speaks about Fetch Metadata at all (some wire request predicts it). */
export function predictsSecFetch(wire: readonly WireRequest[] | undefined): boolean {
  return (wire ?? []).some((w) => w.secFetch !== undefined);
}

/**
 * `Sec-Fetch-User` of a navigation is left out: whether a navigation is user-activated is the
 * automation's doing here, not the page's. Playwright runs each batch inside its own evaluate
 * call, which engines may count as a user gesture (Chromium does; Firefox ESR 153 sent `?1` on
 * a form submission even after the page had consumed its activation), so the header would
 * judge the harness, not the engine. The other three headers are compared as they are.
 */
function comparable(f: SecFetch | null): SecFetch | null {
  if (f === null || f.mode !== 'navigate' || f.user === undefined) return f;
  const { user: _user, ...rest } = f;
  return rest;
}

/**
 * The Sec-Fetch-* record of each request on the wire, in order (null: none sent). Compared
 * only when the model predicts Fetch Metadata for some request of the case, so a model
 * without it leaves the comparison off rather than expecting none everywhere.
 */
export function compareSecFetch(
  predicted: readonly WireRequest[] | undefined,
  observed: readonly WireRequest[] | undefined,
  prefix: string,
): Diff[] {
  if (predicted === undefined || !predictsSecFetch(predicted)) return [];
  const trail = (wire: readonly WireRequest[] | undefined): (SecFetch | null)[] =>
    (wire ?? []).map((w) => comparable(w.secFetch ?? null));
  const p = trail(predicted);
  const o = trail(observed);
  return JSON.stringify(p) === JSON.stringify(o)
    ? []
    : [{ field: `${prefix}secFetch`, predicted: p, observed: o }];
}
