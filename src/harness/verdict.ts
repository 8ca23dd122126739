// Prediction vs Observation, field by field, and the one verdict that follows. An observation
// is compared with two predictions: the engine profile's (the spec plus the engine's knobs)
// and the spec profile's; the engine's deviation rules (src/engine-facts/) decide the rest.
// Pure: the facts come in as an argument.
import type { DeviationRule, KnobFact } from '../engine-facts/types.js';
import { rulesCovering } from '../engine-facts/rules.js';
import type { KnobName } from '../model/engine-profile.js';
import {
  isInitiatorApi,
  type Api,
  type InitiatorPrediction,
  type Prediction,
  type Scenario,
  type WireRequest,
} from '../scenario/types.js';
import { compareInitiator, compareSecFetch } from './initiators/compare.js';
import type { Diff, Observation, VerdictKind } from './types.js';

/** Every verdict, best first (the order reports count them in). */
export const VERDICT_KINDS: readonly VerdictKind[] = [
  'pass',
  'known-deviation',
  'unconfirmed-deviation',
  'unexpected-pass',
  'fail',
  'harness-error',
];

/** How reports name each verdict. */
export const VERDICT_LABELS: Readonly<Record<VerdictKind, string>> = {
  pass: 'pass',
  'known-deviation': 'deviation (evidenced)',
  'unconfirmed-deviation': 'deviation (unconfirmed)',
  'unexpected-pass': 'unexpected-pass',
  fail: 'fail',
  'harness-error': 'harness-error',
};

export type VerdictCounts = Record<VerdictKind, number>;

export function emptyVerdictCounts(): VerdictCounts {
  return {
    pass: 0,
    'known-deviation': 0,
    'unconfirmed-deviation': 0,
    'unexpected-pass': 0,
    fail: 0,
    'harness-error': 0,
  };
}

/** Verdicts that make a run exit non-zero. */
export const DRIFT_VERDICTS: readonly VerdictKind[] = ['fail', 'unexpected-pass', 'harness-error'];

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
  /**
   * The scenario's api. An initiator other than fetch-keepalive shows the page no response
   * (status, type, headers): its page result is `initiator` instead.
   */
  api?: Api;
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
  /** Predictions: the initiator block; observations: the driver's result (compared apart). */
  initiator?: unknown;
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
  const responseSeen =
    opts.api === undefined || !isInitiatorApi(opts.api) || opts.api === 'fetch-keepalive';
  if (responseSeen) {
    check('outcome', p.outcome, o.outcome);
    check('status', p.status, o.status);
    // XHR has no response type: an ok XHR observation carries null and is not compared.
    if (!(o.outcome === 'ok' && o.responseType === null)) {
      check('responseType', p.responseType, o.responseType);
    }
  }
  if (p.actualSent && o.actualSent) check('originHeader', p.originHeader, o.originHeader);
  if (responseSeen) {
    check('readableHeaders', [...p.readableHeaders].sort(), [...o.readableHeaders].sort());
  }
  if (opts.cookies && p.wire !== undefined) {
    check('cookie', cookieTrail(p.wire), cookieTrail(o.wire));
  }
  if (opts.api !== undefined && isInitiatorApi(opts.api)) {
    diffs.push(
      ...compareInitiator(
        opts.api,
        p.initiator as InitiatorPrediction | undefined,
        (o as Observation).initiator,
        prefix,
      ),
    );
  }
  diffs.push(...compareSecFetch(p.wire, o.wire, prefix));
  if (p.then !== undefined || o.then !== undefined) {
    if (p.then === undefined || o.then === undefined) {
      check('then', p.then === undefined ? null : 'a step', o.then === undefined ? null : 'a step');
    } else {
      diffs.push(...compare(p.then, o.then, opts, `${prefix}then.`));
    }
  }
  return diffs;
}

/** The engine-profile knobs named by a prediction's reasons, along the whole `then` chain. */
export function profileKnobs(p: Prediction): string[] {
  const knobs = new Set<string>();
  for (let step: Prediction | undefined = p; step !== undefined; step = step.then) {
    for (const r of step.because) if (r.deviation !== undefined) knobs.add(r.deviation);
  }
  return [...knobs];
}

/** What judging needs to know of an engine: its knob evidence and the rules for this build. */
export interface JudgeFacts {
  knobs: Partial<Record<KnobName, KnobFact>>;
  rules: readonly DeviationRule[];
}

/** No engine facts: every departure from the model is a `fail`. */
export const NO_FACTS: JudgeFacts = { knobs: {}, rules: [] };

export interface JudgeInput {
  scenario: Scenario;
  prediction: Prediction;
  /** The spec profile's prediction; null (the model threw for it) means "same as the engine's". */
  specPrediction: Prediction | null;
  observation: Observation;
  facts: JudgeFacts;
}

/** Which engine facts a deviation rests on. */
export interface Explanation {
  knobs: string[];
  rules: string[];
}

export interface Judgement {
  verdict: VerdictKind;
  /** Observation vs the engine-profile prediction. */
  diffs: Diff[];
  /** Observation vs the spec prediction (the engine prediction's diffs when there is none). */
  specDiffs: Diff[];
  /** Why: the rules' reasons, the profile knobs, or what makes a rule stale. */
  note?: string;
  /** Set for deviations: the knobs and rules that explain it. */
  explainedBy?: Explanation;
}

function knobsEvidenced(knobs: readonly string[], facts: JudgeFacts): boolean {
  return knobs.every((k) => facts.knobs[k as KnobName]?.evidence.status === 'evidenced');
}

function deviation(evidenced: boolean): VerdictKind {
  return evidenced ? 'known-deviation' : 'unconfirmed-deviation';
}

/**
 * The verdict rules (src/engine-facts/README.md):
 *
 * - The observation matches the engine profile's prediction: `pass` when that equals the
 *   spec's; a deviation naming the knobs when it does not (evidenced when every knob is).
 *   A row a rule lists that now matches the spec is `unexpected-pass` (the rule is stale).
 * - It differs: a deviation when the engine's rules cover every differing field of each
 *   differing step (evidenced when every rule used is), otherwise `fail`.
 */
export function judge(input: JudgeInput): Judgement {
  const { scenario, prediction, observation, facts } = input;
  const opts: CompareOptions = { cookies: (scenario.setup?.cookies ?? []).length > 0 };
  if (scenario.request.api !== undefined) opts.api = scenario.request.api;
  const diffs = compare(prediction, observation, opts);
  const specDiffs =
    input.specPrediction === null ? diffs : compare(input.specPrediction, observation, opts);
  const id = scenario.id;
  const listing = id === undefined ? [] : facts.rules.filter((r) => r.rows?.includes(id));

  if (diffs.length === 0) {
    if (specDiffs.length === 0) {
      if (listing.length === 0) return { verdict: 'pass', diffs, specDiffs };
      return {
        verdict: 'unexpected-pass',
        diffs,
        specDiffs,
        note: `rule ${listing.map((r) => r.id).join(', ')} lists this row, but the engine now does what the spec says: bound the rule with \`versions\` or remove the row`,
      };
    }
    const knobs = profileKnobs(prediction);
    const fields = specDiffs.map((d) => d.field).join(', ');
    const note =
      knobs.length > 0
        ? `engine profile knob${knobs.length > 1 ? 's' : ''} ${knobs.join(', ')} (departs from the spec in ${fields})`
        : `the engine profile departs from the spec in ${fields} without naming a knob`;
    return {
      verdict: deviation(knobs.length > 0 && knobsEvidenced(knobs, facts)),
      diffs,
      specDiffs,
      note,
      explainedBy: { knobs, rules: [] },
    };
  }
  const covering = rulesCovering(facts.rules, scenario, diffs);
  if (covering === null) {
    const j: Judgement = { verdict: 'fail', diffs, specDiffs };
    if (listing.length > 0) {
      j.note = `rule ${listing.map((r) => r.id).join(', ')} lists this row but does not cover every difference`;
    }
    return j;
  }
  const evidenced = covering.every((r) => r.evidence.status === 'evidenced');
  return {
    verdict: deviation(evidenced),
    diffs,
    specDiffs,
    note: covering.map((r) => `${r.id}: ${r.reason}`).join('; '),
    explainedBy: { knobs: [], rules: covering.map((r) => r.id) },
  };
}
