// Prediction vs Observation, field by field, and the verdict that follows, taking the
// engine's checked-in known deviations into account.
import { readFile } from 'node:fs/promises';
import type { Prediction, WireRequest } from '../scenario/types.js';
import type { Diff, Expectation, ExpectationMap, Observation, VerdictKind } from './types.js';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Cookie flags of the non-preflight requests, in order (`[true, false]`: hop 0 had it, hop 1 not). */
function cookieTrail(wire: readonly WireRequest[] | undefined): boolean[] {
  return (wire ?? []).filter((w) => !w.preflight).map((w) => w.cookie === true);
}

export interface CompareOptions {
  /** Compare the scenario cookie's presence on each actual request (when the scenario sets cookies). */
  cookies: boolean;
}

/** The fields where one step's observation differs from its prediction; `then` recursively. */
export function compare(
  p: Prediction,
  o: Observation,
  opts: CompareOptions = { cookies: false },
  prefix = '',
): Diff[] {
  const diffs: Diff[] = [];
  const check = (field: string, predicted: unknown, observed: unknown): void => {
    if (!same(predicted, observed)) diffs.push({ field: prefix + field, predicted, observed });
  };
  check('preflight', p.preflight, o.preflight);
  if (p.preflight && o.preflight) {
    check('acrm', p.acrm, o.acrm);
    check('acrh', p.acrh, o.acrh);
  }
  check('actualSent', p.actualSent, o.actualSent);
  check('outcome', p.outcome, o.outcome);
  check('status', p.status, o.status);
  // XHR has no response type: an ok XHR observation carries null and is not compared.
  if (!(o.outcome === 'ok' && o.responseType === null)) {
    check('responseType', p.responseType, o.responseType);
  }
  if (p.actualSent && o.actualSent) check('originHeader', p.originHeader, o.originHeader);
  check('readableHeaders', [...p.readableHeaders].sort(), [...o.readableHeaders].sort());
  if (opts.cookies && p.wire !== undefined) {
    check('cookie', cookieTrail(p.wire), cookieTrail(o.wire));
  }
  if (p.then !== undefined || o.then !== undefined) {
    if (p.then === undefined || o.then === undefined) {
      check('then', p.then === undefined ? null : 'a step', o.then === undefined ? null : 'a step');
    } else {
      diffs.push(...compare(p.then, o.then, opts, `${prefix}then.`));
    }
  }
  return diffs;
}

/**
 * The verdict for one case. With an expectation (a known deviation of this engine):
 * differences within its `fields` → `known-deviation`; no difference → `unexpected-pass`
 * (the expectation is stale: drift); a difference outside its fields → `fail`.
 */
export function decideVerdict(
  diffs: readonly Diff[],
  expectation: Expectation | undefined,
): VerdictKind {
  if (expectation === undefined) return diffs.length === 0 ? 'pass' : 'fail';
  if (diffs.length === 0) return 'unexpected-pass';
  const allowed = expectation.fields;
  if (allowed === undefined) return 'known-deviation';
  const covered = diffs.every((d) =>
    allowed.some((f) => d.field === f || d.field.endsWith(`.${f}`)),
  );
  return covered ? 'known-deviation' : 'fail';
}

export function verdict(
  p: Prediction,
  o: Observation,
  expectation: Expectation | undefined,
  opts: CompareOptions = { cookies: false },
): { verdict: VerdictKind; diffs: Diff[] } {
  const diffs = compare(p, o, opts);
  return { verdict: decideVerdict(diffs, expectation), diffs };
}

function isExpectation(v: unknown): v is Expectation {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.reason === 'string' &&
    typeof e.evidence === 'string' &&
    (e.fields === undefined ||
      (Array.isArray(e.fields) && e.fields.every((f) => typeof f === 'string')))
  );
}

/** Checks the shape of an expectations file's JSON; throws one line naming the bad entry. */
export function parseExpectations(json: unknown, source = 'expectations'): ExpectationMap {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(`${source}: must be an object of scenario id → { reason, evidence, fields? }`);
  }
  const out: ExpectationMap = {};
  for (const [id, v] of Object.entries(json)) {
    if (!isExpectation(v)) {
      throw new Error(
        `${source}: entry "${id}" needs string reason and evidence, fields an array of strings`,
      );
    }
    out[id] = v;
  }
  return out;
}

/** Loads `<dir>/<engine>.json`; a missing file means no known deviations. */
export async function loadExpectations(dir: string, engine: string): Promise<ExpectationMap> {
  const file = `${dir}/${engine}.json`;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`, { cause: e });
  }
  return parseExpectations(json, file);
}
