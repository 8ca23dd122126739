// Executors run a batch of generated scenarios and say, per scenario, whether what happened
// agrees with the model's profile for that engine. The browser executor drives a real
// engine through runScenarios; the model executor uses the true model as the "engine",
// which is how a faulty model (fault.ts) is caught without a browser.
import { judgeFactsFor } from '../engine-facts/index.js';
import type { EngineProfile } from '../model/engine-profile.js';
import { predict } from '../model/predict.js';
import type { EngineSlot, HarnessServers, RunSession } from '../harness/run.js';
import { runScenarios } from '../harness/run.js';
import type { CaseResult, Diff, Observation, VerdictKind } from '../harness/types.js';
import { judge, NO_FACTS, type JudgeFacts } from '../harness/verdict.js';
import type { Prediction, Scenario } from '../scenario/types.js';
import { applyModelFault, type ModelFault } from './fault.js';

/** One generated scenario's result. `fail` is an unexplained disagreement: a finding. */
export interface FuzzOutcome {
  verdict: VerdictKind;
  diffs: Diff[];
  /** Harness-error cause, or the deviation's knobs and rules with their reasons. */
  note?: string;
  /** The engine's profile departs from the spec here and the engine did as the profile says. */
  profileExplained: boolean;
  /** The prediction compared with (after any injected fault). */
  prediction: Prediction | null;
  observation: Observation | null;
  /** The full harness result, for browser runs. */
  result?: CaseResult;
}

export interface FuzzExecutor {
  /** `chromium`, `firefox`, `webkit`, or `model:<profile>`. */
  readonly engine: string;
  run(scenarios: readonly Scenario[]): Promise<FuzzOutcome[]>;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// Explained by the profile: the engine prediction matched, the spec's would not have.
function explained(v: VerdictKind, engineP: Prediction | null, specP: Prediction | null): boolean {
  if (v !== 'pass' || engineP === null || specP === null) return false;
  const strip = (p: Prediction): unknown => ({ ...p, because: [] });
  return !same(strip(engineP), strip(specP));
}

export interface BrowserExecutorOptions {
  profile: EngineProfile;
  /** The engine's knob evidence and rules; default the engine's own (src/engine-facts/). */
  facts?: JudgeFacts;
  session?: RunSession;
  fault?: ModelFault | null;
  concurrency?: number;
  /** Steps sending at once in the page (RunOptions.requestsAtOnce). */
  requestsAtOnce?: number;
}

/** Runs scenarios in a real engine; an injected fault re-decides each verdict. */
export function browserExecutor(
  slot: EngineSlot,
  servers: HarnessServers,
  opts: BrowserExecutorOptions,
): FuzzExecutor {
  const fault = opts.fault ?? null;
  return {
    engine: slot.engine.info.browser,
    async run(scenarios) {
      const results = await runScenarios(slot, servers, scenarios, {
        profile: opts.profile,
        ...(opts.facts === undefined ? {} : { facts: opts.facts }),
        ...(opts.session === undefined ? {} : { session: opts.session }),
        ...(opts.concurrency === undefined ? {} : { concurrency: opts.concurrency }),
        ...(opts.requestsAtOnce === undefined ? {} : { requestsAtOnce: opts.requestsAtOnce }),
      });
      return results.map((r): FuzzOutcome => {
        let v = r.verdict;
        let diffs = r.diffs;
        let note = r.note;
        let prediction = r.prediction;
        if (
          fault !== null &&
          prediction !== null &&
          r.observation !== null &&
          v !== 'harness-error'
        ) {
          prediction = applyModelFault(fault, r.scenario, prediction);
          ({
            verdict: v,
            diffs,
            note,
          } = judge({
            scenario: r.scenario,
            prediction,
            specPrediction: r.specPrediction,
            observation: r.observation,
            facts: opts.facts ?? judgeFactsFor(slot.engine.info.browser, slot.engine.info.version),
          }));
        }
        const out: FuzzOutcome = {
          verdict: v,
          diffs,
          profileExplained: explained(v, r.prediction, r.specPrediction),
          prediction,
          observation: r.observation,
          result: r,
        };
        if (note !== undefined) out.note = note;
        return out;
      });
    },
  };
}

/** What a browser that behaves exactly as `p` says would be observed doing. */
export function observationOf(p: Prediction): Observation {
  const o: Observation = {
    outcome: p.outcome,
    status: p.status,
    statusText: null,
    responseType: p.responseType,
    url: null,
    redirected: null,
    readableHeaders: [...p.readableHeaders],
    body: null,
    error: null,
    elapsedMs: 0,
    preflight: p.preflight,
    acrm: p.acrm,
    acrh: p.acrh,
    actualSent: p.actualSent,
    originHeader: p.originHeader,
    wire: p.wire ?? [],
  };
  // An initiator's page result, as its in-page driver would report it.
  const page = p.initiator?.page;
  if (page !== undefined) {
    o.initiator =
      page.tainted === undefined
        ? { loaded: page.loaded }
        : { loaded: page.loaded, tainted: page.tainted };
  }
  if (p.then !== undefined) o.then = observationOf(p.then);
  return o;
}

/**
 * The true model as the engine, the (possibly faulty) model as the expectation: with no
 * fault every case passes; with one, each case the fault changes is a `fail`.
 */
export function modelExecutor(profile: EngineProfile, fault: ModelFault | null): FuzzExecutor {
  return {
    engine: `model:${profile.name}`,
    run(scenarios) {
      return Promise.resolve(
        scenarios.map((s): FuzzOutcome => {
          let truth: Prediction;
          try {
            truth = predict(s, { engine: profile });
          } catch (e) {
            const note = `the model threw: ${e instanceof Error ? e.message : String(e)}`;
            return {
              verdict: 'harness-error',
              diffs: [],
              note,
              profileExplained: false,
              prediction: null,
              observation: null,
            };
          }
          const prediction = applyModelFault(fault, s, truth);
          const observation = observationOf(truth);
          const j = judge({
            scenario: s,
            prediction,
            specPrediction: null,
            observation,
            facts: NO_FACTS,
          });
          const out: FuzzOutcome = {
            verdict: j.verdict,
            diffs: j.diffs,
            profileExplained: false,
            prediction,
            observation,
          };
          if (j.note !== undefined) out.note = j.note;
          return out;
        }),
      );
    },
  };
}
