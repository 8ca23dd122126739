// The fuzz loop: generate batches of scenarios from a seed, several batches in the engine at
// once, and shrink each scenario that failed as soon as its batch is read (beside the
// generation, not after it), each through fast-check's replay path so the minimal case has
// its own SEED:PATH.
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

/**
 * What a seeded run takes, the engine fuzz here and the framework suite
 * (src/frameworks/suite.ts) alike: the seed, a budget in cases or in time, how far one shrink
 * may go, a progress callback and the clock.
 */
export interface SeededRunOptions<Progress> {
  seed: number;
  /** Stop after this many cases (the run's own default unless `timeMs` is set). */
  runs?: number;
  /** Stop starting new cases after this long. */
  timeMs?: number;
  /** Cases one shrink may run (the run's own default). */
  maxShrinkRuns?: number;
  onProgress?: (p: Progress) => void;
  now?: () => number;
}

/** Defaults: 1000 runs, 400 runs a shrink. */
export interface FuzzOptions extends SeededRunOptions<FuzzProgress> {
  executor: FuzzExecutor;
  arb?: fc.Arbitrary<Scenario>;
  /** `initiators`: the initiator generator (fuzzInitiatorScenarioArb) unless `arb` is given. */
  generator?: 'initiators';
  /** Scenarios per executor call (default 200). */
  batchSize?: number;
  /** Executor calls running at once while generating (default 3). */
  batchesInFlight?: number;
  /** Failures shrunk (default 5); further failures are reported unshrunk. */
  maxShrunk?: number;
  /** Harness errors run again alone (default 25). */
  maxHarnessReplays?: number;
  /** Shrink candidates run together in one executor call (default 16). */
  shrinkWidth?: number;
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
  /**
   * Set when the case failed in its batch but not when run alone: its verdict alone. The
   * outcome is then the batch's; the cause is the batch (load, timing), not the scenario.
   */
  aloneVerdict?: VerdictKind;
  /** Set when the case comes from the initiator generator (`fuzz --initiators`). */
  generator?: 'initiators';
}

export interface FuzzReport {
  engine: string;
  seed: number;
  runs: number;
  elapsedMs: number;
  /**
   * Generated scenarios executed per minute of the generation phase (wall time; shrinks run
   * beside it and only the ones still running after it are excluded).
   */
  perMinute: number;
  counts: Record<VerdictKind, number>;
  /** Passing cases where the engine's profile departs from the spec (explained differences). */
  profileExplained: number;
  findings: FuzzFinding[];
  /** Indices of every generated scenario that failed (shrunk or not). */
  failing: number[];
  /** Failures beyond `maxShrunk`, by replay id of the unshrunk scenario. */
  unshrunk: string[];
  /**
   * Each harness error with its cause and, for the first `maxHarnessReplays`, its verdict when
   * run again alone: `pass` there means the batch (load, timing) caused it, not the scenario.
   */
  harnessErrors: { replay: string; note: string; aloneVerdict?: VerdictKind }[];
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

/** A campaign's running state, shared by its generation and shrinking steps. */
interface Campaign {
  opts: FuzzOptions;
  arb: fc.Arbitrary<Scenario>;
  engine: string;
  limit: number;
  started: number;
  counts: Record<VerdictKind, number>;
  failing: { index: number; scenario: Scenario }[];
  /** One per failure, in failing order: its finding, or its replay id when left unshrunk. */
  outcomes: Promise<FuzzFinding | string | null>[];
  harnessErrors: FuzzReport['harnessErrors'];
  /** The harness errors' runs alone, awaited before the report. */
  harnessReplays: Promise<void>[];
  profileExplained: number;
  done: number;
}

/** Executor calls in flight at once while generating: a slow case holds up only its batch. */
export const DEFAULT_BATCHES_IN_FLIGHT = 3;

/**
 * Generates and runs the campaign's scenarios, keeping `batchesInFlight` executor calls
 * running: whenever one ends, the next starts, even while an earlier one is still running.
 * Batches are read in order, so counts and indices are the same as one at a time (at most
 * four times `batchesInFlight` wait to be read). Resolves to the generation's wall time.
 */
async function generate(c: Campaign): Promise<number> {
  const { opts } = c;
  const now = opts.now ?? Date.now;
  const batchSize = opts.batchSize ?? 200;
  const inFlight = Math.max(1, opts.batchesInFlight ?? DEFAULT_BATCHES_IN_FLIGHT);
  const queue: { start: number; batch: Scenario[]; run: Promise<FuzzOutcome[]> }[] = [];
  let scheduled = 0;
  let running = 0;
  const t0 = now();
  const fill = (): void => {
    while (running < inFlight && queue.length < inFlight * 4 && scheduled < c.limit) {
      if (opts.timeMs !== undefined && now() - c.started >= opts.timeMs) return;
      const count = Math.min(batchSize, c.limit - scheduled);
      const batch = sampleScenarios(c.arb, opts.seed, scheduled, count);
      if (batch.length === 0) return;
      running++;
      const run = opts.executor.run(batch).finally(() => {
        running--;
        fill();
      });
      run.catch(() => undefined); // awaited in order below
      queue.push({ start: scheduled, batch, run });
      scheduled += batch.length;
    }
  };
  fill();
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const outcomes = await next.run;
    record(c, next.start, next.batch, outcomes);
    fill();
  }
  return now() - t0;
}

/** Counts a batch's outcomes; each failure starts its shrink at once (generation goes on). */
function record(c: Campaign, start: number, batch: Scenario[], outcomes: FuzzOutcome[]): void {
  const { opts } = c;
  outcomes.forEach((o, i) => {
    const index = start + i;
    c.counts[o.verdict]++;
    if (o.profileExplained) c.profileExplained++;
    const scenario = batch[i];
    if (o.verdict === 'fail' && scenario !== undefined) {
      c.failing.push({ index, scenario });
      const shrink = c.outcomes.length < (opts.maxShrunk ?? 5);
      c.outcomes.push(
        shrink ? findingFor(c, index, scenario, o) : Promise.resolve(replayOf(c, index)),
      );
    }
    if (o.verdict === 'harness-error' && scenario !== undefined)
      recordHarnessError(c, index, scenario, o);
  });
  c.done = start + batch.length;
  opts.onProgress?.({
    engine: c.engine,
    done: c.done,
    total: Number.isFinite(c.limit) ? c.limit : null,
    failures: c.failing.length,
    elapsedMs: (opts.now ?? Date.now)() - c.started,
  });
}

/** Lists a harness error; the first few also run again alone, beside the generation. */
function recordHarnessError(c: Campaign, index: number, scenario: Scenario, o: FuzzOutcome): void {
  const entry: FuzzReport['harnessErrors'][number] = {
    replay: replayOf(c, index),
    note: o.note ?? '',
  };
  c.harnessErrors.push(entry);
  if (c.harnessReplays.length >= (c.opts.maxHarnessReplays ?? 25)) return;
  c.harnessReplays.push(
    c.opts.executor.run([scenario]).then(
      ([alone]) => {
        if (alone !== undefined) entry.aloneVerdict = alone.verdict;
      },
      () => undefined, // no verdict alone: the entry stays as the batch left it
    ),
  );
}

function replayOf(c: Campaign, path: number | string): string {
  return encodeReplay({ seed: c.opts.seed, path: String(path) });
}

/**
 * The finding for the failure at `index`: shrunk, or, when it does not fail alone, as it
 * failed in its batch (with its verdict alone beside it).
 */
async function findingFor(
  c: Campaign,
  index: number,
  original: Scenario,
  inBatch: FuzzOutcome,
): Promise<FuzzFinding | null> {
  const { opts, engine } = c;
  const s = await shrinkFailure(opts.executor, c.arb, opts.seed, index, {
    ...(opts.maxShrinkRuns === undefined ? {} : { maxRuns: opts.maxShrinkRuns }),
    ...(opts.shrinkWidth === undefined ? {} : { width: opts.shrinkWidth }),
  });
  const base = { engine, seed: opts.seed, index, original };
  if (s !== null) {
    const { scenario, outcome, runs } = s;
    return {
      ...base,
      replay: replayOf(c, s.path),
      scenario,
      outcome,
      shrunk: true,
      shrinkRuns: runs,
    };
  }
  // Failed in its batch but not alone: report the batch's outcome, and what it does alone.
  const [alone] = await opts.executor.run([original]);
  const replay = replayOf(c, index);
  const finding: FuzzFinding = {
    ...base,
    replay,
    scenario: original,
    outcome: inBatch,
    shrunk: false,
    shrinkRuns: 0,
  };
  if (alone !== undefined) finding.aloneVerdict = alone.verdict;
  return finding;
}

/** Runs a seeded fuzz campaign with one executor. */
export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const now = opts.now ?? Date.now;
  const c: Campaign = {
    opts,
    arb: opts.arb ?? generatorArb(opts.generator),
    engine: opts.executor.engine,
    limit: opts.runs ?? (opts.timeMs === undefined ? 1000 : Number.POSITIVE_INFINITY),
    started: now(),
    counts: emptyVerdictCounts(),
    failing: [],
    outcomes: [],
    harnessErrors: [],
    harnessReplays: [],
    profileExplained: 0,
    done: 0,
  };
  const generationMs = await generate(c);
  await Promise.all(c.harnessReplays);
  const findings: FuzzFinding[] = [];
  const unshrunk: string[] = [];
  for (const o of await Promise.all(c.outcomes)) {
    if (typeof o === 'string') unshrunk.push(o);
    else if (o !== null) findings.push(o);
  }
  if (opts.generator !== undefined) for (const f of findings) f.generator = opts.generator;

  return {
    engine: c.engine,
    seed: opts.seed,
    runs: c.done,
    elapsedMs: now() - c.started,
    perMinute: generationMs > 0 ? Math.round((c.done / generationMs) * 60_000) : 0,
    counts: c.counts,
    profileExplained: c.profileExplained,
    findings,
    failing: c.failing.map((f) => f.index),
    unshrunk,
    harnessErrors: c.harnessErrors,
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
