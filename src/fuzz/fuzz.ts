// The fuzz loop: generate a batch of scenarios from a seed, run the whole batch at once,
// then shrink only the scenarios that failed, each through fast-check's replay path so the
// minimal case has its own SEED:PATH.
import fc from 'fast-check';
import type { VerdictKind } from '../harness/types.js';
import { emptyVerdictCounts } from '../harness/verdict.js';
import type { Scenario } from '../scenario/types.js';
import { fuzzInitiatorScenarioArb, fuzzScenarioArb, sampleScenarios } from './arbitrary.js';
import type { FuzzExecutor, FuzzOutcome } from './executor.js';
import { encodeReplay } from './replay.js';

export interface FuzzProgress {
  engine: string;
  done: number;
  /** Target count, or null for a time-bounded run. */
  total: number | null;
  failures: number;
  elapsedMs: number;
}

export interface FuzzOptions {
  executor: FuzzExecutor;
  seed: number;
  /** Stop after this many scenarios (default 1000 unless `timeMs` is set). */
  runs?: number;
  /** Stop starting new batches after this long. */
  timeMs?: number;
  arb?: fc.Arbitrary<Scenario>;
  /** `initiators`: the initiator generator (fuzzInitiatorScenarioArb) unless `arb` is given. */
  generator?: 'initiators';
  /** Scenarios per executor call (default 200). */
  batchSize?: number;
  /** Failures shrunk (default 5); further failures are reported unshrunk. */
  maxShrunk?: number;
  /** Scenarios one shrink may run (default 400). */
  maxShrinkRuns?: number;
  /** Shrink candidates run together in one executor call (default 16). */
  shrinkWidth?: number;
  onProgress?: (p: FuzzProgress) => void;
  now?: () => number;
}

export interface FuzzFinding {
  engine: string;
  seed: number;
  /** Index of the generated scenario that first failed. */
  index: number;
  /** `SEED:PATH` of the minimal scenario (of the original one when not shrunk). */
  replay: string;
  scenario: Scenario;
  original: Scenario;
  outcome: FuzzOutcome;
  shrunk: boolean;
  /** Executor calls the shrink made. */
  shrinkRuns: number;
  /** Set when the case comes from the initiator generator (`fuzz --initiators`). */
  generator?: 'initiators';
}

export interface FuzzReport {
  engine: string;
  seed: number;
  runs: number;
  elapsedMs: number;
  /** Generated scenarios executed per minute (batch phase only, shrinking excluded). */
  perMinute: number;
  counts: Record<VerdictKind, number>;
  /** Passing cases where the engine's profile departs from the spec (explained differences). */
  profileExplained: number;
  findings: FuzzFinding[];
  /** Indices of every generated scenario that failed (shrunk or not). */
  failing: number[];
  /** Failures beyond `maxShrunk`, by replay id of the unshrunk scenario. */
  unshrunk: string[];
  harnessErrors: { replay: string; note: string }[];
}

/** A shrunk failure: the minimal scenario found, its path, and the executor calls spent. */
export interface Shrunk {
  scenario: Scenario;
  path: string;
  outcome: FuzzOutcome;
  runs: number;
}

/**
 * Shrinks the failing scenario at `index` of `seed`'s stream the way fast-check's runner
 * does (take the first failing shrink candidate, then shrink that one), but runs the
 * candidates `width` at a time in one executor call. fast-check's `path` addresses every
 * node of the shrink tree (`index:child:child...`), and `fc.sample` with a path yields the
 * children of a node from a given position, so the search is a walk over paths and the
 * result is a path fast-check itself replays. Returns null when the case does not fail alone.
 */
export async function shrinkFailure(
  executor: FuzzExecutor,
  arb: fc.Arbitrary<Scenario>,
  seed: number,
  index: number,
  opts: { width?: number; maxRuns?: number } = {},
): Promise<Shrunk | null> {
  const width = opts.width ?? 16;
  const maxRuns = opts.maxRuns ?? 400;
  let path = String(index);
  const start = scenarioAt(seed, path, arb);
  const [first] = await executor.run([start]);
  if (first?.verdict !== 'fail') return null;
  let best: Shrunk = { scenario: start, path, outcome: first, runs: 1 };
  let offset = 0;
  while (best.runs < maxRuns) {
    const count = Math.min(width, maxRuns - best.runs);
    const candidates = fc.sample(arb, { seed, path: `${path}:${offset}`, numRuns: count });
    if (candidates.length === 0) break;
    const outcomes = await executor.run(candidates);
    best.runs += candidates.length;
    const j = outcomes.findIndex((o) => o.verdict === 'fail');
    const hit = j < 0 ? undefined : candidates[j];
    const outcome = j < 0 ? undefined : outcomes[j];
    if (hit !== undefined && outcome !== undefined) {
      path = `${path}:${offset + j}`;
      best = { scenario: hit, path, outcome, runs: best.runs };
      offset = 0;
    } else if (candidates.length < count) {
      break; // every child of this node passes: it is minimal
    } else {
      offset += candidates.length;
    }
  }
  return best;
}

/** Runs a seeded fuzz campaign with one executor. */
export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const now = opts.now ?? Date.now;
  const arb = opts.arb ?? generatorArb(opts.generator);
  const batchSize = opts.batchSize ?? 200;
  const maxShrunk = opts.maxShrunk ?? 5;
  const limit = opts.runs ?? (opts.timeMs === undefined ? 1000 : Number.POSITIVE_INFINITY);
  const engine = opts.executor.engine;
  const started = now();
  const counts = emptyVerdictCounts();
  const failing: { index: number; scenario: Scenario }[] = [];
  const harnessErrors: FuzzReport['harnessErrors'] = [];
  let profileExplained = 0;
  let done = 0;
  let runMs = 0;

  while (done < limit) {
    if (opts.timeMs !== undefined && now() - started >= opts.timeMs) break;
    const count = Math.min(batchSize, limit - done);
    const batch = sampleScenarios(arb, opts.seed, done, count);
    const t0 = now();
    const outcomes = await opts.executor.run(batch);
    runMs += now() - t0;
    outcomes.forEach((o, i) => {
      const index = done + i;
      counts[o.verdict]++;
      if (o.profileExplained) profileExplained++;
      const scenario = batch[i];
      if (o.verdict === 'fail' && scenario !== undefined) failing.push({ index, scenario });
      if (o.verdict === 'harness-error') {
        harnessErrors.push({
          replay: encodeReplay({ seed: opts.seed, path: String(index) }),
          note: o.note ?? '',
        });
      }
    });
    done += batch.length;
    opts.onProgress?.({
      engine,
      done,
      total: Number.isFinite(limit) ? limit : null,
      failures: failing.length,
      elapsedMs: now() - started,
    });
    if (batch.length === 0) break;
  }

  const findings: FuzzFinding[] = [];
  const unshrunk: string[] = [];
  for (const f of failing) {
    const replayOf = (path: string): string => encodeReplay({ seed: opts.seed, path });
    if (findings.length >= maxShrunk) {
      unshrunk.push(replayOf(String(f.index)));
      continue;
    }
    const s = await shrinkFailure(opts.executor, arb, opts.seed, f.index, {
      ...(opts.maxShrinkRuns === undefined ? {} : { maxRuns: opts.maxShrinkRuns }),
      ...(opts.shrinkWidth === undefined ? {} : { width: opts.shrinkWidth }),
    });
    if (s === null) {
      // Failed in its batch but not alone: report it as it was, unshrunk.
      const [o] = await opts.executor.run([f.scenario]);
      if (o === undefined) continue;
      findings.push({
        engine,
        seed: opts.seed,
        index: f.index,
        replay: replayOf(String(f.index)),
        scenario: f.scenario,
        original: f.scenario,
        outcome: o,
        shrunk: false,
        shrinkRuns: 0,
      });
      continue;
    }
    findings.push({
      engine,
      seed: opts.seed,
      index: f.index,
      replay: replayOf(s.path),
      scenario: s.scenario,
      original: f.scenario,
      outcome: s.outcome,
      shrunk: true,
      shrinkRuns: s.runs,
    });
  }
  if (opts.generator !== undefined) for (const f of findings) f.generator = opts.generator;

  return {
    engine,
    seed: opts.seed,
    runs: done,
    elapsedMs: now() - started,
    perMinute: runMs > 0 ? Math.round((done / runMs) * 60_000) : 0,
    counts,
    profileExplained,
    findings,
    failing: failing.map((f) => f.index),
    unshrunk,
    harnessErrors,
  };
}

/** The generator a run uses: the default one, or the initiator one. */
export function generatorArb(generator: 'initiators' | undefined): fc.Arbitrary<Scenario> {
  return generator === 'initiators' ? fuzzInitiatorScenarioArb : fuzzScenarioArb;
}

/** The one scenario a `SEED:PATH` stands for (shrink steps included). */
export function scenarioAt(
  seed: number,
  path: string,
  arb: fc.Arbitrary<Scenario> = fuzzScenarioArb,
): Scenario {
  const [s] = fc.sample(arb, { seed, path, numRuns: 1 });
  if (s === undefined) throw new Error(`replay ${seed}:${path}: no scenario at that path`);
  return s;
}
