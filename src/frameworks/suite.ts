// The generated regression suite: the seed's cases, each through every available adapter
// (case-major, so every adapter sees the same cases whatever stops the run), counted per
// adapter; then, per adapter and kind of disagreement, the first failing case shrunk with
// fast-check from its path to the smallest policy and probes that still show that kind, and
// that shrunk case run through every other adapter (who else gets it wrong).
import fc from 'fast-check';
import type { SeededRunOptions } from '../fuzz/fuzz.js';
import { encodeReplay } from '../fuzz/replay.js';
import type { SuiteCase } from './generate.js';
import { caseAt, sampleCases, suiteCaseArb } from './generate.js';
import type { Disagreement, DisagreementKind } from './oracle.js';
import { DISAGREEMENT_KINDS } from './oracle.js';
import type { CaseOutcome } from './run-case.js';
import { runCase } from './run-case.js';
import type { SuiteAdapter } from './suite-adapter.js';

/** Generated cases per run unless told otherwise (the CI-sized run). */
export const DEFAULT_SUITE_RUNS = 100;
/** Cases one shrink may run before it stops at the smallest found so far. */
export const DEFAULT_SHRINK_RUNS = 120;

export interface SuiteProgress {
  done: number;
  /** Target count, or null for a time-bounded run. */
  total: number | null;
  disagreements: number;
  elapsedMs: number;
  /** `shrinking koa+@koa/cors@4.0.0 too-permissive` while shrinking. */
  phase: string;
}

/** Defaults: DEFAULT_SUITE_RUNS runs, DEFAULT_SHRINK_RUNS runs a shrink. */
export interface SuiteOptions extends SeededRunOptions<SuiteProgress> {
  adapters: readonly SuiteAdapter[];
}

/** A disagreement shrunk to the smallest case that still shows its kind. */
export interface SuiteFinding {
  adapter: string;
  kind: DisagreementKind;
  /** The index of the first generated case that showed it. */
  index: number;
  /** `SEED:PATH` of the shrunk case. */
  replay: string;
  /** Cases the shrink ran. */
  shrinkRuns: number;
  case: SuiteCase;
  outcome: CaseOutcome;
  disagreement: Disagreement;
  /** The shrunk case through every other adapter: the same kind, or not (or skipped). */
  others: Record<string, 'same' | 'clean' | 'other' | 'skipped' | 'error'>;
}

export interface AdapterSummary {
  adapter: string;
  /** Why it did not run at all (not installed), with the install command. */
  unavailable: string | null;
  run: number;
  /** Cases whose policy the adapter cannot express. */
  skipped: number;
  skipReasons: Record<string, number>;
  errors: number;
  firstError: string | null;
  /** Cases with at least one disagreement with the intent. */
  disagreeing: number;
  /** Cases with at least one disagreement of each kind. */
  byKind: Partial<Record<DisagreementKind, number>>;
  /** The first case index per kind (shrunk afterwards). */
  firstIndex: Partial<Record<DisagreementKind, number>>;
}

export interface SuiteReport {
  seed: number;
  runs: number;
  elapsedMs: number;
  adapters: AdapterSummary[];
  findings: SuiteFinding[];
}

function emptySummary(adapter: string, unavailable: string | null): AdapterSummary {
  return {
    adapter,
    unavailable,
    run: 0,
    skipped: 0,
    skipReasons: {},
    errors: 0,
    firstError: null,
    disagreeing: 0,
    byKind: {},
    firstIndex: {},
  };
}

function tally(s: AdapterSummary, o: CaseOutcome, index: number): void {
  if (o.skipped !== null) {
    s.skipped += 1;
    s.skipReasons[o.skipped] = (s.skipReasons[o.skipped] ?? 0) + 1;
    return;
  }
  s.run += 1;
  if (o.error !== null) {
    s.errors += 1;
    s.firstError ??= `case ${index}: ${o.error}`;
    return;
  }
  const kinds = new Set(o.disagreements.map((d) => d.kind));
  if (kinds.size > 0) s.disagreeing += 1;
  for (const k of kinds) {
    s.byKind[k] = (s.byKind[k] ?? 0) + 1;
    s.firstIndex[k] ??= index;
  }
}

/** Runs the suite: every case through every adapter, then the shrinks. */
export async function runSuite(opts: SuiteOptions): Promise<SuiteReport> {
  const now = opts.now ?? Date.now;
  const started = now();
  const limit = opts.runs ?? (opts.timeMs === undefined ? DEFAULT_SUITE_RUNS : Infinity);
  const live: SuiteAdapter[] = [];
  const summaries = new Map<string, AdapterSummary>();
  for (const a of opts.adapters) {
    const why = (await a.unavailable?.()) ?? null;
    summaries.set(a.name, emptySummary(a.name, why));
    if (why === null) live.push(a);
  }
  let done = 0;
  let disagreements = 0;
  const progress = (phase: string): void =>
    opts.onProgress?.({
      done,
      total: Number.isFinite(limit) ? limit : null,
      disagreements,
      elapsedMs: now() - started,
      phase,
    });
  while (done < limit) {
    if (opts.timeMs !== undefined && now() - started >= opts.timeMs) break;
    const batch = sampleCases(opts.seed, done, Math.min(25, limit - done));
    for (const c of batch) {
      for (const a of live) {
        const o = await runCase(a, c);
        if (o.disagreements.length > 0) disagreements += 1;
        tally(summaries.get(a.name) ?? emptySummary(a.name, null), o, done);
      }
      done += 1;
      progress('cases');
      if (opts.timeMs !== undefined && now() - started >= opts.timeMs) break;
    }
  }
  const findings: SuiteFinding[] = [];
  for (const a of live) {
    const s = summaries.get(a.name);
    for (const kind of DISAGREEMENT_KINDS) {
      const index = s?.firstIndex[kind];
      if (index === undefined) continue;
      progress(`shrinking ${a.name} ${kind}`);
      const f = await shrinkFinding(a, kind, opts.seed, index, opts.maxShrinkRuns);
      if (f !== null) {
        f.others = await acrossAdapters(f, live);
        findings.push(f);
      }
    }
  }
  return {
    seed: opts.seed,
    runs: done,
    elapsedMs: now() - started,
    adapters: opts.adapters.map((a) => summaries.get(a.name) ?? emptySummary(a.name, null)),
    findings,
  };
}

/**
 * Shrinks case `index` of `seed` for `adapter` while it still shows `kind`: fast-check's own
 * shrinker from that path, so the path it ends on replays with `caseAt`. After
 * `maxRuns` cases the property holds, which stops the shrink where it is.
 */
export async function shrinkFinding(
  adapter: SuiteAdapter,
  kind: DisagreementKind,
  seed: number,
  index: number,
  maxRuns = DEFAULT_SHRINK_RUNS,
): Promise<SuiteFinding | null> {
  let runs = 0;
  const shows = async (c: SuiteCase): Promise<boolean> => {
    runs += 1;
    const o = await runCase(adapter, c);
    return o.disagreements.some((d) => d.kind === kind);
  };
  const details = await fc.check(
    fc.asyncProperty(suiteCaseArb, async (c) => runs >= maxRuns || !(await shows(c))),
    { seed, path: String(index) },
  );
  if (!details.failed || details.counterexamplePath === null) return null;
  const path = details.counterexamplePath;
  const c = caseAt(seed, path);
  const outcome = await runCase(adapter, c);
  const disagreement = outcome.disagreements.find((d) => d.kind === kind);
  if (disagreement === undefined) return null;
  return {
    adapter: adapter.name,
    kind,
    index,
    replay: encodeReplay({ seed, path }),
    shrinkRuns: runs,
    case: c,
    outcome,
    disagreement,
    others: {},
  };
}

async function acrossAdapters(
  f: SuiteFinding,
  adapters: readonly SuiteAdapter[],
): Promise<SuiteFinding['others']> {
  const others: SuiteFinding['others'] = {};
  for (const a of adapters) {
    if (a.name === f.adapter) continue;
    const o = await runCase(a, f.case);
    others[a.name] =
      o.skipped !== null
        ? 'skipped'
        : o.error !== null
          ? 'error'
          : o.disagreements.some((d) => d.kind === f.kind)
            ? 'same'
            : o.disagreements.length > 0
              ? 'other'
              : 'clean';
  }
  return others;
}

/** The case a replay id names, run through the given adapters. */
export async function replaySuiteCase(
  adapters: readonly SuiteAdapter[],
  seed: number,
  path: string,
): Promise<{ case: SuiteCase; outcomes: Record<string, CaseOutcome> }> {
  const c = caseAt(seed, path);
  const outcomes: Record<string, CaseOutcome> = {};
  for (const a of adapters) {
    if (((await a.unavailable?.()) ?? null) !== null) continue;
    outcomes[a.name] = await runCase(a, c);
  }
  return { case: c, outcomes };
}
