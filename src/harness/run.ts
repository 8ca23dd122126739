// Runs a table of scenarios in one engine: compile each, run them in batches inside one
// long-lived page per engine (opaque-origin clients through iframes of that page), read the
// journal, observe, predict with the engine's profile and the spec's, and decide verdicts.
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
import { launchEngine } from './engines/index.js';
import type { Engine, EnginePage } from './engines/types.js';
import { observeCase } from './observe.js';
import {
  PAGE_RUNNER_SOURCE,
  RUNNER_PAGE_PATH,
  clientFields,
  installRunnerPages,
  type RunnerArg,
} from './page-runner.js';
import type { CaseResult, RawCaseResult } from './types.js';
import { judge, type JudgeFacts } from './verdict.js';

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

/**
 * The engine a run uses, replaceable: after a crash or a hung script the runner closes it
 * and launches the same browser again. Whoever owns the slot closes `slot.engine` at the end.
 */
export class EngineSlot {
  restarts = 0;
  private closed = false;
  constructor(
    public engine: Engine,
    private readonly relaunch: () => Promise<Engine>,
  ) {}

  static for(engine: Engine, hostNames: string[], scriptTimeoutMs?: number): EngineSlot {
    const opts = scriptTimeoutMs === undefined ? { hostNames } : { hostNames, scriptTimeoutMs };
    return new EngineSlot(engine, () => launchEngine(engine.info.browser, opts));
  }

  /** Ends the engine it holds; no restart after this (a batch still running fails instead). */
  async close(): Promise<void> {
    this.closed = true;
    await this.engine.close();
  }

  async restart(): Promise<Engine> {
    if (this.closed) throw new Error('the engine was closed (the run is ending)');
    try {
      await this.engine.close();
    } catch {
      // The old browser is gone already; nothing to close.
    }
    this.engine = await this.relaunch();
    this.restarts++;
    return this.engine;
  }
}

/**
 * The long-lived page of one engine, reused across batches and tables. Opaque-origin
 * clients live in iframes of this page, so a backend with a single window works too.
 */
export class RunSession {
  private page: EnginePage | null = null;
  /** The engine `page` was opened in: another session on the slot may have replaced it. */
  private pageEngine: Engine | null = null;
  private installed = false;
  constructor(
    readonly slot: EngineSlot,
    readonly servers: HarnessServers,
  ) {}

  get runnerUrl(): string {
    return `${this.servers.pageOrigin}${RUNNER_PAGE_PATH}`;
  }

  async getPage(): Promise<EnginePage> {
    if (!this.installed) {
      installRunnerPages(this.servers);
      this.installed = true;
    }
    // Another session on the same slot restarted the engine: this page went with the old one.
    if (this.pageEngine !== this.slot.engine) this.page = null;
    this.page ??= await this.slot.engine.openPage(this.runnerUrl);
    this.pageEngine = this.slot.engine;
    return this.page;
  }

  /** After a crash: a new browser and a new page. */
  async restart(): Promise<void> {
    this.page = null;
    await this.slot.restart();
  }

  /** Puts cookies into the jar first-party: each on its own host, by navigating there. */
  async setCookies(cookies: readonly CookieSetup[], expire = false): Promise<void> {
    if (cookies.length === 0) return;
    const page = await this.getPage();
    for (const c of cookies) {
      const attrs = [c.attributes ?? '', expire ? 'Max-Age=0' : ''].filter((a) => a !== '');
      const q = new URLSearchParams({ name: c.name, value: c.value });
      if (attrs.length > 0) q.set('attrs', attrs.join('; '));
      await page.goto(`${this.servers.origins[c.on]}/__set-cookie?${q.toString()}`);
    }
    await page.goto(this.runnerUrl);
  }

  async close(): Promise<void> {
    const p = this.page;
    this.page = null;
    if (p) await p.close().catch(() => undefined);
  }
}

export interface RunOptions {
  /** The profile predictions are compared with (the engine's). */
  profile: EngineProfile;
  /** Also predicted, for reports; default the `spec` profile. */
  specProfile?: EngineProfile;
  /** Cases in flight at once inside the page. Default 16. */
  concurrency?: number;
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
interface Pending {
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

function harnessError(
  scenario: Scenario,
  engine: string,
  client: ClientKind,
  token: string,
  note: string,
  extra: Partial<CaseResult> = {},
): CaseResult {
  return {
    scenario,
    engine,
    client,
    token,
    prediction: null,
    specPrediction: null,
    observation: null,
    journal: [],
    console: [],
    verdict: 'harness-error',
    diffs: [],
    note,
    ...extra,
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
  const session =
    opts.session ??
    new RunSession(
      engine instanceof EngineSlot ? engine : EngineSlot.for(engine, hostNames),
      servers,
    );
  const ownsSession = opts.session === undefined;
  const engineName = session.slot.engine.info.browser;
  const specProfile = opts.specProfile ?? getEngineProfile('spec');
  const concurrency = opts.concurrency ?? 16;
  const batchSize = opts.batchSize ?? 200;
  const stepTimeoutMs = opts.stepTimeoutMs ?? 10_000;
  const bodyCap = opts.bodyCap ?? 2048;
  const facts = opts.facts ?? judgeFactsFor(engineName, session.slot.engine.info.version);
  const results: (CaseResult | undefined)[] = new Array<CaseResult | undefined>(scenarios.length);
  let done = 0;
  const finish = (index: number, r: CaseResult): void => {
    results[index] = r;
    done++;
    opts.onProgress?.(done, scenarios.length, r);
  };

  // 1. Validate and compile; a case that cannot be prepared is a harness error. Predictions
  //    are made while the page runs the batch (below), off the critical path.
  const runId = newRunId();
  const pending: Pending[] = [];
  scenarios.forEach((raw, index) => {
    const token = `${runId}-${index}`;
    const client = raw.client ?? 'page';
    try {
      const scenario = parseScenario(raw, `$[${index}]`);
      const compiled = compileScenario(scenario, servers, token);
      pending.push({ index, scenario, compiled, prediction: null, specPrediction: null });
    } catch (e) {
      finish(
        index,
        harnessError(raw, engineName, client, token, `preparing the case: ${oneLine(e)}`),
      );
    }
  });

  const predictCase = (p: Pending): void => {
    if (p.prediction !== null || p.predictError !== undefined) return;
    const { scenario, world } = p.compiled;
    try {
      p.prediction = predict(scenario, { engine: opts.profile, world });
    } catch (e) {
      p.predictError = oneLine(e);
      return;
    }
    try {
      p.specPrediction = predict(scenario, { engine: specProfile, world });
    } catch {
      p.specPrediction = null;
    }
  };
  /** Predicts a batch, giving the event loop a turn between cases so the page call proceeds. */
  const predictBatch = async (batch: Pending[]): Promise<void> => {
    for (const p of batch) {
      predictCase(p);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };

  // 2. Run each group in the page, batch by batch; retry a batch once after a crash.
  const runBatch = async (batch: Pending[], client: ClientKind): Promise<RawCaseResult[]> => {
    const page = await session.getPage();
    const arg: RunnerArg = {
      cases: batch.map((p) => p.compiled.descriptor),
      concurrency,
      bodyCap,
      stepTimeoutMs,
      ...clientFields(client, servers.pageOrigin),
    };
    return JSON.parse(await page.run<string>(PAGE_RUNNER_SOURCE, arg)) as RawCaseResult[];
  };

  // Settling a batch (journal → observation → verdict) waits until the next batch has been
  // handed to the page, so the page is not idle while Node decides verdicts.
  let deferredSettle: (() => void) | null = null;
  const settleDeferred = (): void => {
    const run = deferredSettle;
    deferredSettle = null;
    run?.();
  };

  for (const group of groupCases(pending)) {
    const first = group[0];
    if (first === undefined) continue;
    const client = first.compiled.world.client;
    const cookies = first.scenario.setup?.cookies ?? [];
    let cookiesSet = false;
    for (const batch of chunk(group, batchSize)) {
      let raw: RawCaseResult[] | null = null;
      let cause = '';
      let restartedAfter: string | undefined;
      for (let attempt = 0; attempt < 2 && raw === null; attempt++) {
        try {
          if (!cookiesSet) {
            await session.setCookies(cookies);
            cookiesSet = true;
          }
          const running = runBatch(batch, client);
          running.catch(() => undefined); // awaited below, after the predictions
          settleDeferred();
          await predictBatch(batch);
          raw = await running;
        } catch (e) {
          cause = oneLine(e);
          cookiesSet = false;
          try {
            await session.restart();
            restartedAfter = cause;
          } catch (e2) {
            cause += `; restart failed: ${oneLine(e2)}`;
            break;
          }
        }
      }
      const consoleLines = await session
        .getPage()
        .then((pg) => pg.takeConsole())
        .catch(() => [] as string[]);
      const batchRaw = raw;
      const batchCause = cause;
      settleDeferred();
      deferredSettle = () => {
        for (const [i, p] of batch.entries()) {
          const r = settle(p, batchRaw?.[i], batchRaw === null ? batchCause : null, consoleLines);
          if (restartedAfter !== undefined) r.restart = restartedAfter;
          finish(p.index, r);
        }
      };
    }
    // Cookies change between groups: settle before the jar does.
    settleDeferred();
    if (cookiesSet && cookies.length > 0) {
      try {
        await session.setCookies(cookies, true);
      } catch {
        // A later group sets its own cookies; a stale one only adds a Cookie header.
      }
    }
  }

  function settle(
    p: Pending,
    raw: RawCaseResult | undefined,
    crash: string | null,
    consoleLines: string[],
  ): CaseResult {
    const { token, world } = p.compiled;
    // No wait is needed: the fixture server journals a request before it answers, and the
    // page reported every step only after its response (or failure) arrived.
    const journal = servers.journal.records(token);
    servers.journal.clear(token);
    const mine = consoleLines.filter((l) => l.includes(token));
    predictCase(p);
    const base = {
      prediction: p.prediction,
      specPrediction: p.specPrediction,
      journal,
      console: mine,
    };
    if (p.prediction === null) {
      const why = `the model threw: ${p.predictError ?? 'no prediction'}`;
      return harnessError(p.scenario, engineName, world.client, token, why, base);
    }
    if (crash !== null) {
      return harnessError(
        p.scenario,
        engineName,
        world.client,
        token,
        `${engineName}: ${crash}`,
        base,
      );
    }
    if (raw === undefined || raw.token !== token) {
      return harnessError(
        p.scenario,
        engineName,
        world.client,
        token,
        `${engineName}: the page returned no result`,
        base,
      );
    }
    const serverError = journal.find((r) => r.kind === 'error');
    const steps = p.compiled.descriptor.steps.length;
    const finalHop = p.scenario.server?.redirects?.length ?? 0;
    const observation = observeCase(raw.steps, journal, steps, cookieNames(p.scenario), finalHop);
    if (raw.harnessError !== undefined || serverError !== undefined) {
      const why = raw.harnessError ?? (serverError?.kind === 'error' ? serverError.message : '');
      return harnessError(p.scenario, engineName, world.client, token, `${engineName}: ${why}`, {
        ...base,
        observation,
      });
    }
    const v = judge({
      scenario: p.scenario,
      prediction: p.prediction,
      specPrediction: base.specPrediction,
      observation,
      facts,
    });
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
    if (v.note !== undefined) result.note = v.note;
    if (v.explainedBy !== undefined) result.explainedBy = v.explainedBy;
    return result;
  }

  if (ownsSession) {
    await session.close();
    // The caller's engine was replaced after a crash: close the replacement we launched.
    if (!(engine instanceof EngineSlot) && session.slot.restarts > 0) {
      await session.slot.engine.close().catch(() => undefined);
    }
  }
  return results.map(
    (r, i) =>
      r ??
      harnessError(scenarios[i] ?? { request: {} }, engineName, 'page', '', 'case was never run'),
  );
}
