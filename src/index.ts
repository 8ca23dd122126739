// The Node API of cors-conformance (`import { ... } from 'cors-conformance'`): the model
// (predict, explain), the portable scenario format (types, parse), running scenario lists in
// real engines, probing your own server from real origins outside Playwright Test, and the
// policy helpers and audit. The Playwright Test extension is `cors-conformance/test`.
import { startHarnessWorld } from './harness/launch.js';
import type { LoadKind } from './harness/initiators/load.js';
import {
  CorsProber,
  type LoadRequest,
  type LoadResult,
  type ProbeRequest,
  type ProbeResult,
  type ProberOptions,
} from './harness/probe.js';
import { EngineUnavailable } from './harness/engines/index.js';
import { BROWSER_NAMES, type BrowserName } from './harness/engines/types.js';
import { runScenarios as runInEngine } from './harness/run.js';
import type { CaseResult, VerdictKind } from './harness/types.js';
import { emptyVerdictCounts, type JudgeFacts } from './harness/verdict.js';
import type { DeviationRule } from './engine-facts/types.js';
import type { EngineName, EngineProfile } from './model/engine-profile.js';
import { explainPrediction } from './model/explain.js';
import { predict as predictModel } from './model/predict.js';
import { getEngineProfile, judgeFactsFor } from './engine-facts/index.js';
import type { Prediction, Scenario } from './scenario/types.js';
import { parseScenario } from './scenario/validate.js';
import type { OriginMap, World } from './scenario/world.js';

// The portable scenario format: types, schema, validation, placeholders, origins.
export * from './scenario/index.js';
// The model's profiles.
export type { EngineName, EngineProfile } from './model/engine-profile.js';
export { ENGINE_NAMES } from './model/engine-profile.js';
export { CHROMIUM, FIREFOX, SPEC, WEBKIT, getEngineProfile } from './engine-facts/index.js';
export { explainPrediction, formatReason } from './model/explain.js';
// Harness records and the low-level runner (bring your own engine and servers).
export type {
  CaseResult,
  Diff,
  Observation,
  PageObservation,
  VerdictKind,
} from './harness/types.js';
// Engine facts: knobs and deviation rules with their evidence (src/engine-facts/README.md).
export { ENGINE_FACTS, judgeFactsFor } from './engine-facts/index.js';
export type {
  Citation,
  DeviationRule,
  EngineFacts,
  Evidence,
  Matcher,
} from './engine-facts/types.js';
export { judge } from './harness/verdict.js';
export type { JudgeFacts, JudgeInput, Judgement } from './harness/verdict.js';
export { runScenarios, EngineSlot, RunSession } from './harness/run.js';
export type { HarnessServers, RunOptions } from './harness/run.js';
export { startHarnessWorld } from './harness/launch.js';
export type { HarnessWorld } from './harness/launch.js';
export {
  launchEngine,
  detectEngines,
  EngineUnavailable,
  BROWSER_NAMES,
} from './harness/engines/index.js';
export type { BrowserName, Engine, EngineInfo, EngineMissing } from './harness/engines/index.js';
export { startFixtureServers } from '../servers/fixture-server.js';
export type { FixtureServers } from '../servers/fixture-server.js';
// Probing your own server.
export { CorsProber, ProbeError, comparePageFields } from './harness/probe.js';
export type {
  LoadRequest,
  LoadResult,
  ProbeRequest,
  ProbeResult,
  ProberOptions,
  RawAnswer,
} from './harness/probe.js';
export type { LoadKind } from './harness/initiators/load.js';
// Policies and audits (src/verify, src/audit).
export {
  verify,
  formatVerifyText,
  defineConfig,
  definePolicy,
  loadPolicyFile,
  validateConfig,
  validatePolicy,
  PolicyError,
  TargetError,
  AssetListError,
  parseAssetList,
  parseAssetLine,
} from './verify/index.js';
export type {
  CorsConfig,
  CorsPolicy,
  VerifyOptions,
  VerifyReport,
  VerifyCaseResult,
  Verdict as VerifyVerdict,
  AssetSpec,
  AssetResult,
  AssetEngineResult,
  AssetModel,
  AssetVerdict,
} from './verify/index.js';
export { audit, formatAuditText, toSarif, RULES, SEVERITIES } from './audit/index.js';
export type { AuditOptions, AuditReport, Finding, Severity } from './audit/index.js';
// Origin rules, named lookalikes and the origin generator (for suites of your own).
export {
  generatedOriginArb,
  lookalikesOf,
  parseOriginRule,
  policyLookalikes,
  sampleGeneratedOrigins,
  searchAllowedOrigins,
} from './policy/index.js';
export type { GeneratedOrigin, Lookalike, OriginRule, OriginSearchResult } from './policy/index.js';
// The generated framework suites' adapter interface, for `frameworks --adapter` modules.
export type { StartedPolicy, SuiteAdapter } from './frameworks/suite-adapter.js';
export type { FrameworkPolicy, OriginsSpec } from './frameworks/vocabulary.js';

/** An engine profile, by name or as an object. Default `spec` (the standard itself). */
export type EngineChoice = EngineName | EngineProfile;

export interface PredictOptions {
  engine?: EngineChoice;
  /** Concrete origins and client; default the scenario's `origins` over canonical ones. */
  world?: World;
  /** The clock at the first request, ms. */
  startTime?: number;
}

function profileOf(engine: EngineChoice | undefined): EngineProfile {
  if (engine === undefined) return getEngineProfile('spec');
  return typeof engine === 'string' ? getEngineProfile(engine) : engine;
}

/**
 * What the model predicts for a scenario (any JSON; validated first, a ScenarioError with
 * one line naming the JSON path otherwise).
 */
export function predict(scenario: unknown, options: PredictOptions = {}): Prediction {
  const s = parseScenario(scenario);
  const opts: Parameters<typeof predictModel>[1] = { engine: profileOf(options.engine) };
  if (options.world !== undefined) opts.world = options.world;
  if (options.startTime !== undefined) opts.startTime = options.startTime;
  return predictModel(s, opts);
}

/** The same decision as a short account: outcome with the deciding spec step, wire, reasons. */
export function explain(scenario: unknown, options: PredictOptions = {}): string {
  const s = parseScenario(scenario);
  const profile = profileOf(options.engine);
  return explainPrediction(s, predict(s, options), profile.name);
}

export interface RunListOptions {
  /** Engines to run in. Default all three; engines not installed are reported, not hidden. */
  engines?: BrowserName[];
  /**
   * More deviation rules per engine, for your own scenarios, on top of the engine's own
   * (src/engine-facts/).
   */
  rules?: Partial<Record<BrowserName, readonly DeviationRule[]>>;
  /** Cases in flight at once in the page. Default 16. */
  concurrency?: number;
  onProgress?: (engine: BrowserName, done: number, total: number) => void;
}

export interface RunListResult {
  /** Per engine that ran: one result per scenario, in input order. */
  results: Partial<Record<BrowserName, CaseResult[]>>;
  /** Engines that could not run, with the reason and the fix. */
  unavailable: { engine: BrowserName; reason: string }[];
  /** Verdict counts over every engine that ran. */
  counts: Record<VerdictKind, number>;
  /** True when every case is `pass` or a deviation, and at least one engine ran. */
  ok: boolean;
}

/**
 * Runs a scenario list in real engines: starts the fixture servers and each engine itself,
 * one engine after the other, and closes everything before returning.
 */
export async function runScenarioList(
  scenarios: readonly unknown[],
  options: RunListOptions = {},
): Promise<RunListResult> {
  const list: Scenario[] = scenarios.map((s, i) => parseScenario(s, `$[${i}]`));
  const out: RunListResult = {
    results: {},
    unavailable: [],
    counts: emptyVerdictCounts(),
    ok: false,
  };
  for (const engine of options.engines ?? [...BROWSER_NAMES]) {
    let world;
    try {
      world = await startHarnessWorld(engine, { scriptTimeoutMs: 120_000 });
    } catch (e) {
      if (!(e instanceof EngineUnavailable)) throw e;
      out.unavailable.push({ engine, reason: e.message });
      continue;
    }
    try {
      const results = await runInEngine(world.slot, world.servers, list, {
        profile: getEngineProfile(engine),
        ...(options.rules?.[engine]
          ? { facts: withRules(engine, world.slot.engine.info.version, options.rules[engine]) }
          : {}),
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
        ...(options.onProgress
          ? {
              onProgress: (done: number, total: number) =>
                options.onProgress?.(engine, done, total),
            }
          : {}),
      });
      out.results[engine] = results;
      for (const r of results) out.counts[r.verdict]++;
    } finally {
      await world.close();
    }
  }
  const ran = Object.keys(out.results).length;
  out.ok =
    ran > 0 && out.counts.fail + out.counts['unexpected-pass'] + out.counts['harness-error'] === 0;
  return out;
}

/** The engine's own facts for the build that runs, plus the caller's rules. */
function withRules(
  engine: BrowserName,
  version: string,
  rules: readonly DeviationRule[] = [],
): JudgeFacts {
  const own = judgeFactsFor(engine, version);
  return { knobs: own.knobs, rules: [...own.rules, ...rules] };
}

/** A browser and the fixture origins, for probing your server from Node. */
export interface CorsSession {
  engine: BrowserName;
  /** The real fixture origins by role (give your server its allow-list from these). */
  origins: OriginMap;
  /** Requests `url` from a page on `init.from` (default `cross-origin`); see ProbeRequest. */
  fetch(url: string, init?: ProbeRequest): Promise<ProbeResult>;
  /** Loads `url` as an asset of `kind` from a page on `init.from`; see LoadRequest. */
  load(kind: LoadKind, url: string, init?: LoadRequest): Promise<LoadResult>;
  /** Ends the browser and the fixture servers. */
  close(): Promise<void>;
}

export interface SessionOptions extends ProberOptions {
  /** Default `chromium`. */
  browser?: BrowserName;
}

/** Starts the fixture servers and one engine; `cors.fetch()` of the test extension, in Node. */
export async function startCorsSession(options: SessionOptions = {}): Promise<CorsSession> {
  const { browser = 'chromium', ...proberOptions } = options;
  const world = await startHarnessWorld(browser, { scriptTimeoutMs: 60_000 });
  const prober = new CorsProber(world.slot, world.servers, proberOptions);
  return {
    engine: browser,
    origins: world.servers.origins,
    fetch: (url, init) => prober.fetch(url, init),
    load: (kind, url, init) => prober.load(kind, url, init),
    async close() {
      await prober.close();
      await world.close();
    },
  };
}
