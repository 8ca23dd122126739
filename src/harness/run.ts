// Runs a table of scenarios in one engine: compile each, run them in batches inside one
// long-lived page per engine (opaque-origin clients through iframes of that page), read the
// journal, observe, predict with the engine's profile and the spec's, and decide verdicts.
//
// The steps, each usable alone: `prepareCases` (validate, compile), `scheduleBatch` (hand a
// batch to the page and predict while it runs), `runBatchWithRetry` (restart the engine
// after a crash and retry once), `settleBatch` (journal, observation, verdict per case).
import { randomBytes } from 'node:crypto';
import type { Instruction, JournalRecord } from '../../servers/instruction.js';
import type { EngineProfile } from '../model/engine-profile.js';
import { predict } from '../model/predict.js';
import { getEngineProfile, judgeFactsFor } from '../engine-facts/index.js';
import type {
  ClientKind,
  CookieSetup,
  HeaderList,
  Prediction,
  Scenario,
} from '../scenario/types.js';
import { parseScenario } from '../scenario/validate.js';
import type { OriginMap } from '../scenario/world.js';
import { compileScenario, cookieNames, type CompiledCase } from './compile.js';
import { initiatorWaitRanOut } from './initiators/compare.js';
import type { Engine } from './engines/types.js';
import { observeCase } from './observe.js';
import { PAGE_RUNNER_SOURCE, clientFields, type RunnerArg } from './page-runner.js';
import { EngineSlot, RunSession } from './session.js';
import { lateClock, lateClockFirstStepEnded, scheduledClock } from './step-clock.js';
import {
  harnessErrorCase,
  type CaseResult,
  type RawCaseResult,
  type RawStepResult,
} from './types.js';
import { judge, type JudgeFacts } from './verdict.js';

export { EngineSlot, RunSession } from './session.js';

/** What the runner needs from the fixture servers (FixtureServers satisfies it). */
export interface HarnessServers {
  origins: OriginMap;
  pageOrigin: string;
  hostNames: boolean;
  hostNameList: string[];
  journal: { records(token: string): JournalRecord[]; clear(token: string): void };
  register(instruction: Instruction): string;
  addStatic(path: string, res: { contentType: string; body: string; headers?: HeaderList }): void;
}

export interface RunOptions {
  /** The profile predictions are compared with (the engine's). */
  profile: EngineProfile;
  /** Also predicted, for reports; default the `spec` profile. */
  specProfile?: EngineProfile;
  /** Cases in flight at once inside the page. Default 16. */
  concurrency?: number;
  /**
   * Steps sending at once inside the page (a case waiting out a delay holds no slot).
   * Default: no cap.
   */
  requestsAtOnce?: number;
  /** Cases per in-page call (a crash costs at most one batch). Default 200. */
  batchSize?: number;
  stepTimeoutMs?: number;
  bodyCap?: number;
  /**
   * The engine's knob evidence and deviation rules the verdict reads. Default: the engine's
   * own facts (src/engine-facts/) for the build that runs.
   */
  facts?: JudgeFacts;
  /** Reuse a session (page) across calls; otherwise one is made and its page closed at the end. */
  session?: RunSession;
  onProgress?: (done: number, total: number, last: CaseResult) => void;
}

/** One case on its way through the run. */
export interface Pending {
  index: number;
  scenario: Scenario;
  compiled: CompiledCase;
  prediction: Prediction | null;
  specPrediction: Prediction | null;
  /** The model threw for this case (a harness error, reported with the message). */
  predictError?: string;
}

function newRunId(): string {
  return randomBytes(6)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x');
}

function oneLine(e: unknown): string {
  const m = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return m.split('\n')[0] ?? m;
}

function cookieKey(s: Scenario): string {
  return JSON.stringify(s.setup?.cookies ?? []);
}

/** Cases that share a client kind and a cookie-jar state run together. */
function groupCases(cases: Pending[]): Pending[][] {
  const groups = new Map<string, Pending[]>();
  // Cookie-free groups first, so a cookie set for a later group never leaks into them.
  const sorted = [...cases].sort(
    (a, b) => Number(cookieKey(a.scenario) !== '[]') - Number(cookieKey(b.scenario) !== '[]'),
  );
  for (const c of sorted) {
    const key = `${c.compiled.world.client}|${cookieKey(c.scenario)}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()];
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Everything the steps of one run share. */
export interface RunContext {
  session: RunSession;
  servers: HarnessServers;
  engineName: string;
  profile: EngineProfile;
  specProfile: EngineProfile;
  facts: JudgeFacts;
  /** The page runner's settings for every batch. */
  page: { concurrency: number; bodyCap: number; stepTimeoutMs: number; requestsAtOnce: number };
  batchSize: number;
  /** Records a case's result (and reports progress). */
  finish(index: number, r: CaseResult): void;
}

/** Validates and compiles every scenario; one that cannot be prepared is finished as a harness error. */
export function prepareCases(
  ctx: RunContext,
  scenarios: readonly Scenario[],
  runId = newRunId(),
): Pending[] {
  const pending: Pending[] = [];
  scenarios.forEach((raw, index) => {
    const token = `${runId}-${index}`;
    try {
      const scenario = parseScenario(raw, `$[${index}]`);
      const compiled = compileScenario(scenario, ctx.servers, token);
      pending.push({ index, scenario, compiled, prediction: null, specPrediction: null });
    } catch (e) {
      const why = `preparing the case: ${oneLine(e)}`;
      ctx.finish(
        index,
        harnessErrorCase({
          scenario: raw,
          engine: ctx.engineName,
          client: raw.client ?? 'page',
          token,
          note: why,
        }),
      );
    }
  });
  return pending;
}

/** Predicts a case with the engine's profile and the spec's (once; errors are kept). */
export function predictCase(p: Pending, profile: EngineProfile, specProfile: EngineProfile): void {
  if (p.prediction !== null || p.predictError !== undefined) return;
  const { scenario, world } = p.compiled;
  try {
    p.prediction = predict(scenario, { engine: profile, world });
  } catch (e) {
    p.predictError = oneLine(e);
    return;
  }
  try {
    p.specPrediction = predict(scenario, { engine: specProfile, world });
  } catch {
    p.specPrediction = null;
  }
}

/** The case predicted on `stepClock` (the engine's and the spec's); null if the model threw. */
function predictOnClock(
  p: Pending,
  stepClock: readonly number[],
  profile: EngineProfile,
  specProfile: EngineProfile,
): { prediction: Prediction; specPrediction: Prediction } | null {
  const { scenario, world } = p.compiled;
  try {
    // Both or neither: the engine's and the spec's prediction stay on one clock.
    const prediction = predict(scenario, { engine: profile, world, stepClock });
    const specPrediction = predict(scenario, { engine: specProfile, world, stepClock });
    return { prediction, specPrediction };
  } catch {
    return null; // the scheduled clock predicted it; keep that prediction
  }
}

/**
 * Predicts a case again on the page's clock when its steps started late (step-clock.ts);
 * returns a note saying so, or undefined when the scheduled clock stands.
 */
export function repredictOnPageClock(
  p: Pending,
  steps: readonly RawStepResult[],
  profile: EngineProfile,
  specProfile: EngineProfile,
): string | undefined {
  const stepClock = lateClock(p.scenario, steps);
  if (stepClock === null || p.prediction === null) return undefined;
  const again = predictOnClock(p, stepClock, profile, specProfile);
  if (again === null) return undefined;
  p.prediction = again.prediction;
  p.specPrediction = again.specPrediction;
  const at = stepClock.map((ms) => `${Math.round(ms)}`).join(', ');
  const scheduled = scheduledClock(p.scenario).join(', ');
  return `steps started late (at ${at} ms, scheduled ${scheduled} ms): predicted on the page's clock`;
}

/**
 * A late case that fails on the page's clock is judged once more with the first step's
 * preflight-cache entry stored at that step's end rather than its start: both are times the
 * entry may have been stored, so an engine that matches either is not judged on the
 * harness's timing. Returns the verdict and note to keep, or null (the first verdict stands).
 */
function judgeFirstStepEnded(
  ctx: RunContext,
  p: Pending,
  steps: readonly RawStepResult[],
  observation: CaseResult['observation'],
): { v: ReturnType<typeof judge>; note: string } | null {
  const clock = lateClockFirstStepEnded(p.scenario, steps);
  if (clock === null || observation === null) return null;
  const again = predictOnClock(p, clock, ctx.profile, ctx.specProfile);
  if (again === null) return null;
  const v = judge({
    scenario: p.scenario,
    prediction: again.prediction,
    specPrediction: again.specPrediction,
    observation,
    facts: ctx.facts,
  });
  if (v.verdict === 'fail') return null;
  p.prediction = again.prediction;
  p.specPrediction = again.specPrediction;
  const took = Math.round(steps[0]?.elapsedMs ?? 0);
  return { v, note: `the first step's cache entry taken as stored at its end (+${took} ms)` };
}

/** Predicts a batch, giving the event loop a turn between cases so the page call proceeds. */
async function predictBatch(ctx: RunContext, batch: readonly Pending[]): Promise<void> {
  for (const p of batch) {
    predictCase(p, ctx.profile, ctx.specProfile);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Hands a batch to the page, then (while the page works) calls `handedOff` and predicts the
 * batch; resolves to the page's raw results. Throws when the page call fails.
 */
export async function scheduleBatch(
  ctx: RunContext,
  batch: readonly Pending[],
  client: ClientKind,
  handedOff: () => void = () => undefined,
): Promise<RawCaseResult[]> {
  const page = await ctx.session.getPage();
  const arg: RunnerArg = {
    cases: batch.map((p) => p.compiled.descriptor),
    ...ctx.page,
    ...clientFields(client, ctx.servers.pageOrigin),
  };
  const running = page.run<string>(PAGE_RUNNER_SOURCE, arg);
  running.catch(() => undefined); // awaited below, after the predictions
  handedOff();
  await predictBatch(ctx, batch);
  return JSON.parse(await running) as RawCaseResult[];
}

/** What a batch came back with: the page's results, or why there are none. */
export interface BatchOutcome {
  raw: RawCaseResult[] | null;
  /** Why the batch has no results (the last failure), or ''. */
  cause: string;
  /** Set when the engine was restarted and the batch ran again: why. */
  restartedAfter?: string;
  console: string[];
}

/**
 * Runs a batch under its cookie jar, beside the other batches of that jar (RunSession.withJar);
 * after a failure (a crash, a hung script) restarts the engine and tries once more. Never
 * throws: no results is an outcome with its cause.
 */
export async function runBatchWithRetry(
  ctx: RunContext,
  batch: readonly Pending[],
  client: ClientKind,
  cookies: readonly CookieSetup[],
): Promise<BatchOutcome> {
  const { session } = ctx;
  const out: BatchOutcome = { raw: null, cause: '', console: [] };
  await session.withJar(cookies, async () => {
    for (let attempt = 0; attempt < 2 && out.raw === null; attempt++) {
      const engine = session.slot.engine;
      try {
        await session.useCookies(cookies);
        out.raw = await scheduleBatch(ctx, batch, client);
      } catch (e) {
        out.cause = oneLine(e);
        try {
          await session.restart(engine);
          out.restartedAfter = out.cause;
        } catch (e2) {
          out.cause += `; restart failed: ${oneLine(e2)}`;
          break;
        }
      }
    }
  });
  out.console = await session.consoleFor(batch.map((p) => p.compiled.token));
  return out;
}

/** Settles every case of a batch (journal, observation, verdict) and finishes it. */
export function settleBatch(ctx: RunContext, batch: readonly Pending[], out: BatchOutcome): void {
  for (const [i, p] of batch.entries()) {
    const crash = out.raw === null ? out.cause : null;
    const r = settleCase(ctx, p, out.raw?.[i], crash, out.console);
    if (out.restartedAfter !== undefined) r.restart = out.restartedAfter;
    ctx.finish(p.index, r);
  }
}

/** Which step's initiator waited in vain for an event, as a note, or null when none did. */
function waitRanOutNote(steps: readonly RawStepResult[]): string | null {
  const k = initiatorWaitRanOut(steps);
  if (k < 0) return null;
  const detail = steps[k]?.initiator?.detail ?? 'no event';
  return `step ${k}: ${detail} (the page's wait ran out)`;
}

/** One case's result from what the page returned and what the servers journaled. */
export function settleCase(
  ctx: RunContext,
  p: Pending,
  raw: RawCaseResult | undefined,
  crash: string | null,
  consoleLines: readonly string[],
): CaseResult {
  const { engineName } = ctx;
  const { token, world } = p.compiled;
  // No wait is needed: the fixture server journals a request before it answers, and the
  // page reported every step only after its response (or failure) arrived.
  const journal = ctx.servers.journal.records(token);
  ctx.servers.journal.clear(token);
  predictCase(p, ctx.profile, ctx.specProfile);
  const base = {
    prediction: p.prediction,
    specPrediction: p.specPrediction,
    journal,
    console: consoleLines.filter((l) => l.includes(token)),
  };
  const error = (why: string, extra: Partial<CaseResult> = {}): CaseResult =>
    harnessErrorCase(
      { scenario: p.scenario, engine: engineName, client: world.client, token, note: why },
      { ...base, ...extra },
    );
  if (p.prediction === null) return error(`the model threw: ${p.predictError ?? 'no prediction'}`);
  if (crash !== null) return error(`${engineName}: ${crash}`);
  if (raw === undefined || raw.token !== token) {
    return error(`${engineName}: the page returned no result`);
  }
  const serverError = journal.find((r) => r.kind === 'error');
  const steps = p.compiled.descriptor.steps.length;
  const finalHop = p.scenario.server?.redirects?.length ?? 0;
  const observation = observeCase(raw.steps, journal, steps, cookieNames(p.scenario), finalHop);
  if (raw.harnessError !== undefined || serverError !== undefined) {
    const why = raw.harnessError ?? (serverError?.kind === 'error' ? serverError.message : '');
    return error(`${engineName}: ${why}`, { observation });
  }
  // A step the page gave up on says how loaded the machine was, not what the engine does.
  const late = raw.steps.findIndex((s) => s.kind === 'timeout');
  if (late >= 0) {
    const limit = `${ctx.page.stepTimeoutMs} ms`;
    return error(`${engineName}: step ${late} did not settle within ${limit} (the step timeout)`, {
      observation,
    });
  }
  const notes = [repredictOnPageClock(p, raw.steps, ctx.profile, ctx.specProfile)];
  let v = judge({
    scenario: p.scenario,
    prediction: p.prediction,
    specPrediction: p.specPrediction,
    observation,
    facts: ctx.facts,
  });
  const ended = notes[0] !== undefined && v.verdict === 'fail';
  const second = ended ? judgeFirstStepEnded(ctx, p, raw.steps, observation) : null;
  if (second !== null) {
    v = second.v;
    notes.push(second.note);
  }
  base.prediction = p.prediction;
  base.specPrediction = p.specPrediction;
  const waited = v.verdict === 'fail' ? waitRanOutNote(raw.steps) : null;
  // The differences stay with the case: they say what the wait would have had to show.
  if (waited !== null) return error(`${engineName}: ${waited}`, { observation, diffs: v.diffs });
  const result: CaseResult = {
    scenario: p.scenario,
    engine: engineName,
    client: world.client,
    token,
    ...base,
    observation,
    verdict: v.verdict,
    diffs: v.diffs,
  };
  const note = [...notes, v.note].filter((n) => n !== undefined).join('; ');
  if (note !== '') result.note = note;
  if (v.explainedBy !== undefined) result.explainedBy = v.explainedBy;
  return result;
}

/**
 * Runs every batch of every group at once: the session lets batches that share a cookie jar
 * into the page together and queues the rest (RunSession.withJar), so a slow case holds up
 * only its own batch. Each batch is settled as soon as it is back.
 */
async function runGroups(ctx: RunContext, groups: readonly Pending[][]): Promise<void> {
  const batches = groups.flatMap((group) => chunk(group, ctx.batchSize));
  await Promise.all(
    batches.map(async (batch) => {
      const first = batch[0];
      if (first === undefined) return;
      const cookies = first.scenario.setup?.cookies ?? [];
      const out = await runBatchWithRetry(ctx, batch, first.compiled.world.client, cookies);
      settleBatch(ctx, batch, out);
    }),
  );
}

/** The shared state of one run, from the caller's options. */
export function runContext(
  session: RunSession,
  servers: HarnessServers,
  opts: RunOptions,
  finish: RunContext['finish'],
): RunContext {
  const engineName = session.slot.engine.info.browser;
  return {
    session,
    servers,
    engineName,
    profile: opts.profile,
    specProfile: opts.specProfile ?? getEngineProfile('spec'),
    facts: opts.facts ?? judgeFactsFor(engineName, session.slot.engine.info.version),
    page: {
      concurrency: opts.concurrency ?? 16,
      bodyCap: opts.bodyCap ?? 2048,
      stepTimeoutMs: opts.stepTimeoutMs ?? 10_000,
      requestsAtOnce: opts.requestsAtOnce ?? 0,
    },
    batchSize: opts.batchSize ?? 200,
    finish,
  };
}

/**
 * Runs every scenario in `engine` against `servers` and returns one CaseResult per
 * scenario, in input order. Never throws for a case: trouble becomes `harness-error`.
 */
export async function runScenarios(
  engine: Engine | EngineSlot,
  servers: HarnessServers,
  scenarios: readonly Scenario[],
  opts: RunOptions,
): Promise<CaseResult[]> {
  const hostNames = servers.hostNames ? servers.hostNameList : [];
  const slot = engine instanceof EngineSlot ? engine : EngineSlot.for(engine, hostNames);
  const session = opts.session ?? new RunSession(slot, servers);
  const results = new Array<CaseResult | undefined>(scenarios.length);
  let done = 0;
  const ctx = runContext(session, servers, opts, (index, r) => {
    results[index] = r;
    done++;
    opts.onProgress?.(done, scenarios.length, r);
  });
  await runGroups(ctx, groupCases(prepareCases(ctx, scenarios)));
  // Leave the jar as it was found: cookies are a group's, not the engine's. A jar with no
  // cookies of this session needs nothing, and asking would queue this call behind every
  // batch other tables have waiting for the page.
  if (session.holdsCookies) {
    await session.withJar([], () => Promise.resolve()).catch(() => undefined);
  }
  if (opts.session === undefined) {
    await session.close();
    // The caller's engine was replaced after a crash: close the replacement we launched.
    if (!(engine instanceof EngineSlot) && session.slot.restarts > 0) {
      await session.slot.engine.close().catch(() => undefined);
    }
  }
  const engineName = ctx.engineName;
  return results.map(
    (r, i) =>
      r ??
      harnessErrorCase({
        scenario: scenarios[i] ?? { request: {} },
        engine: engineName,
        client: 'page',
        token: '',
        note: 'case was never run',
      }),
  );
}
