// Prediction vs Observation, field by field, and the verdict that follows. An observation is
// compared with two predictions: the engine profile's (the spec plus the engine's documented
// knobs) and the spec profile's; the engine's checked-in known deviations decide the rest.
import { readFile } from 'node:fs/promises';
import type { Prediction, WireRequest } from '../scenario/types.js';
import { checkVersionsField, expectationsForVersion } from './expectation-versions.js';
import type {
  CaseResult,
  Diff,
  Expectation,
  ExpectationMap,
  Observation,
  VerdictKind,
} from './types.js';

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

/**
 * The observable fields `compare` reads. An Observation has them all; so has a Prediction,
 * which lets two predictions be compared (engine profile vs spec).
 */
export interface Comparable {
  preflight: boolean;
  acrm: string | null;
  acrh: string | null;
  actualSent: boolean;
  outcome: Prediction['outcome'];
  status: number | null;
  responseType: Prediction['responseType'];
  originHeader: string | null;
  readableHeaders: string[];
  wire?: WireRequest[] | undefined;
  then?: Comparable | undefined;
}

/** The fields where one step's observation differs from its prediction; `then` recursively. */
export function compare(
  p: Prediction | Comparable,
  o: Observation | Comparable,
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

/** Whether every diff lies in one of `fields` (`preflight` also covers `then.preflight`). */
export function withinFields(diffs: readonly Diff[], fields: readonly string[]): boolean {
  return diffs.every((d) => fields.some((f) => d.field === f || d.field.endsWith(`.${f}`)));
}

/** The engine-profile knobs named by a prediction's reasons, along the whole `then` chain. */
export function profileKnobs(p: Prediction): string[] {
  const knobs = new Set<string>();
  for (let step: Prediction | undefined = p; step !== undefined; step = step.then) {
    for (const r of step.because) if (r.deviation !== undefined) knobs.add(r.deviation);
  }
  return [...knobs];
}

/**
 * The verdict from diffs against the engine prediction only (the spec prediction taken to be
 * the same). Kept for callers that have no spec prediction; `judge` is the full rule.
 */
export function decideVerdict(
  diffs: readonly Diff[],
  expectation: Expectation | undefined,
): VerdictKind {
  if (expectation === undefined) return diffs.length === 0 ? 'pass' : 'fail';
  if (diffs.length === 0) return 'unexpected-pass';
  const allowed = expectation.fields;
  if (allowed === undefined) return 'known-deviation';
  return withinFields(diffs, allowed) ? 'known-deviation' : 'fail';
}

export interface Judgement {
  verdict: VerdictKind;
  /** Observation vs the engine-profile prediction. */
  diffs: Diff[];
  /** Observation vs the spec prediction (the engine prediction's diffs when there is none). */
  specDiffs: Diff[];
  /** Why: the entry's reason, the profile knobs, or what makes an entry stale. */
  note?: string;
}

export interface JudgeInput {
  prediction: Prediction;
  /** The spec profile's prediction; null (the model threw for it) means "same as the engine's". */
  specPrediction: Prediction | null;
  observation: Observation;
  /** The engine's entry for this scenario in `suites/expectations/<engine>.json`. */
  expectation: Expectation | undefined;
  cookies?: boolean;
}

/**
 * The verdict rules (suites/expectations/README.md):
 *
 * Listed in the engine's file: the observation matches the spec → `unexpected-pass` (the
 * entry is stale); it matches the engine profile, or differs from the spec (or from the
 * engine profile) only in the entry's `fields` (any field when absent) → `known-deviation`;
 * otherwise `fail`.
 *
 * Not listed: matches both → `pass`; matches the engine profile but not the spec (a profile
 * knob explains the difference) → `known-deviation` naming the knobs; otherwise `fail`.
 */
export function judge(input: JudgeInput): Judgement {
  const opts = { cookies: input.cookies === true };
  const { prediction, observation, expectation } = input;
  const diffs = compare(prediction, observation, opts);
  const specDiffs =
    input.specPrediction === null ? diffs : compare(input.specPrediction, observation, opts);
  const matchesEngine = diffs.length === 0;
  const matchesSpec = specDiffs.length === 0;

  if (expectation !== undefined) {
    if (matchesSpec) {
      return {
        verdict: 'unexpected-pass',
        diffs,
        specDiffs,
        note: 'listed as a known deviation, but the engine now does what the spec says: remove the entry',
      };
    }
    const fields = expectation.fields;
    // The entry's fields bound the difference from the spec, or (where a knob already moves
    // the engine's prediction away from the spec) from the engine profile.
    if (
      matchesEngine ||
      fields === undefined ||
      withinFields(specDiffs, fields) ||
      withinFields(diffs, fields)
    ) {
      return { verdict: 'known-deviation', diffs, specDiffs, note: expectation.reason };
    }
    const outside = specDiffs.filter((d) => !withinFields([d], fields)).map((d) => d.field);
    return {
      verdict: 'fail',
      diffs,
      specDiffs,
      note: `differs from the spec outside the listed fields (${fields.join(', ')}): ${outside.join(', ')}`,
    };
  }
  if (matchesEngine && matchesSpec) return { verdict: 'pass', diffs, specDiffs };
  if (matchesEngine) {
    const knobs = profileKnobs(prediction);
    const note =
      knobs.length > 0
        ? `engine profile knob${knobs.length > 1 ? 's' : ''} ${knobs.join(', ')} (departs from the spec in ${specDiffs.map((d) => d.field).join(', ')})`
        : `the engine profile departs from the spec in ${specDiffs.map((d) => d.field).join(', ')} without naming a knob`;
    return { verdict: 'known-deviation', diffs, specDiffs, note };
  }
  return { verdict: 'fail', diffs, specDiffs };
}

export interface VerdictOptions extends CompareOptions {
  /** The spec profile's prediction; without it the rules read as if it equalled `p`. */
  spec?: Prediction | null;
}

/** `judge` in the argument order the runner uses. */
export function verdict(
  p: Prediction,
  o: Observation,
  expectation: Expectation | undefined,
  opts: VerdictOptions = { cookies: false },
): { verdict: VerdictKind; diffs: Diff[]; note?: string } {
  const j = judge({
    prediction: p,
    specPrediction: opts.spec ?? null,
    observation: o,
    expectation,
    cookies: opts.cookies,
  });
  const out: { verdict: VerdictKind; diffs: Diff[]; note?: string } = {
    verdict: j.verdict,
    diffs: j.diffs,
  };
  if (j.note !== undefined) out.note = j.note;
  return out;
}

/**
 * A runner's CaseResult judged again with the full rules (both predictions, the engine's
 * entry). Idempotent; harness errors and cases without a prediction or observation are
 * returned unchanged.
 */
export function judgeCase(r: CaseResult, expectations: ExpectationMap): CaseResult {
  if (r.verdict === 'harness-error' || r.prediction === null || r.observation === null) return r;
  const id = r.scenario.id;
  const j = judge({
    prediction: r.prediction,
    specPrediction: r.specPrediction,
    observation: r.observation,
    expectation: id === undefined ? undefined : expectations[id],
    cookies: (r.scenario.setup?.cookies ?? []).length > 0,
  });
  const out: CaseResult = { ...r, verdict: j.verdict, diffs: j.diffs };
  if (j.note === undefined) delete out.note;
  else out.note = j.note;
  return out;
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
    checkVersionsField(id, (v as { versions?: unknown }).versions, source);
    out[id] = v;
  }
  return out;
}

/**
 * Loads `<dir>/<engine>.json`; a missing file means no known deviations. With `version` (the
 * engine build's, EngineInfo.version), entries whose `versions` range excludes it are left out.
 */
export async function loadExpectations(
  dir: string,
  engine: string,
  version?: string | null,
): Promise<ExpectationMap> {
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
  const all = parseExpectations(json, file);
  return version === undefined ? all : expectationsForVersion(all, version);
}
