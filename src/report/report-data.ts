// CaseResults (one per scenario and engine) → the report's data: what results.json holds,
// what junit.xml and index.html are made from. Pure: no I/O, the time comes in as an argument.
import type { JournalRecord } from '../../servers/instruction.js';
import { ENGINE_FACTS, isBrowserEngine } from '../engine-facts/index.js';
import type { CaseResult, Diff, VerdictKind } from '../harness/types.js';
import {
  DRIFT_VERDICTS,
  VERDICT_KINDS,
  compare,
  emptyVerdictCounts,
  type VerdictCounts,
} from '../harness/verdict.js';
import { explainPrediction, formatReason } from '../model/explain.js';
import { anchorUrl } from '../model/result.js';
import { definedFields, withoutFields } from '../object-fields.js';
import { normalizeHeaders } from '../scenario/placeholders.js';
import type { HeaderList, Prediction, Scenario } from '../scenario/types.js';
import type { RunStatus } from './run-status.js';
import { applyPatch, patchOf } from './json-patch.js';
import { compactResults, expandResults, type ResultsTables } from './results-tables.js';
import { namePorts, portNamesOf, portsByName, restorePorts } from './results-ports.js';
import { sectionOf, sortSections } from './sections.js';

export const VERDICTS = VERDICT_KINDS;
export { DRIFT_VERDICTS, type VerdictCounts };

export function isDrift(v: VerdictKind): boolean {
  return DRIFT_VERDICTS.includes(v);
}

/** One model reason, ready to print with a link to its spec anchor. */
export interface ReportReason {
  /** 0 for the first request, 1 for its first `then` follow-up, ... */
  step: number;
  algorithm: string;
  url: string;
  text: string;
  deviation?: string;
}

/** One URL of the chain as the detail view shows it: what arrived, what it answered. */
export interface ReportHop {
  hop: number;
  preflight: boolean;
  method: string;
  /** The request target as it arrived (path and query), or the role for a predicted hop. */
  target: string;
  origin: string;
  requestHeaders: HeaderList;
  /** The answer the scenario gives this request (placeholders as written). */
  response: { status: number; headers: HeaderList } | null;
}

export interface ReportCase {
  /** `<id>@<engine>`: the deep link `#case=<key>` opens it. */
  key: string;
  id: string;
  title: string;
  /** The id's first segment (`preflight-cache` of `preflight-cache/x`). */
  area: string;
  section: string;
  anchors: string[];
  engine: string;
  client: string;
  verdict: VerdictKind;
  note?: string;
  /** For deviations: the engine's knobs and rules that explain it (src/engine-facts/). */
  explainedBy?: { knobs: string[]; rules: string[] };
  /** Observation vs the engine-profile prediction. */
  diffs: Diff[];
  /** Observation vs the spec prediction. */
  specDiffs: Diff[];
  scenario: Scenario;
  prediction: Prediction | null;
  specPrediction: Prediction | null;
  /** The model's account of its engine prediction (`cors-conformance explain`). */
  explanation: string | null;
  reasons: ReportReason[];
  observation: CaseResult['observation'];
  hops: ReportHop[];
  journal: JournalRecord[];
  console: string[];
  /** Set when the case ran in an engine restarted after a crash: why it was restarted. */
  restart?: string;
}

export interface SkippedEngine {
  engine: string;
  reason: string;
}

export interface ReportData {
  format: 'cors-conformance-results';
  /** In memory always the full shape; results.json is version 3 (reports/README.md). */
  version: 1 | 2 | 3;
  generatedAt: string;
  engines: string[];
  skipped: SkippedEngine[];
  /** Engine name → the build's version, when the run knew it. */
  engineVersions: Record<string, string>;
  /**
   * Engine name → how the harness drives it where that shapes what is observed (e.g. the
   * cookie policy of an off-the-record browser context), from src/engine-facts/.
   */
  conditions: Record<string, string[]>;
  sections: string[];
  totals: Record<string, VerdictCounts>;
  /** Keys of the cases that are drift (fail, unexpected-pass, harness-error). */
  drift: string[];
  cases: ReportCase[];
  /** Whether the run reported every case (absent in reports written before the mark). */
  run?: RunStatus;
}

export interface ReportMeta {
  generatedAt: string;
  skipped?: SkippedEngine[];
  engineVersions?: Record<string, string>;
  /** Engines in column order; default: as met, chromium/firefox/webkit first. */
  engines?: string[];
  run?: RunStatus;
}

/** Each engine's run conditions, for the engines of a report (builds like `chromium@156` too). */
export function conditionsOf(engines: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of engines) {
    const name = e.split('@')[0] ?? e;
    const list = isBrowserEngine(name) ? ENGINE_FACTS[name].conditions : [];
    if (list.length > 0) out[e] = [...list];
  }
  return out;
}

export const emptyCounts = emptyVerdictCounts;

function reasonsOf(p: Prediction | null, engine: string): ReportReason[] {
  const out: ReportReason[] = [];
  let step = 0;
  for (let s: Prediction | undefined = p ?? undefined; s !== undefined; s = s.then, step++) {
    for (const r of s.because) {
      const reason: ReportReason = {
        step,
        algorithm: r.algorithm,
        url: anchorUrl(r.algorithm),
        text: formatReason(r, engine),
      };
      if (r.deviation !== undefined) reason.deviation = r.deviation;
      out.push(reason);
    }
  }
  return out;
}

/** What the scenario answers at hop `hop` of `hopCount` (the last is the final URL). */
function answerOf(
  s: Scenario,
  hop: number,
  preflight: boolean,
): { status: number; headers: HeaderList } | null {
  const redirects = s.server?.redirects ?? [];
  const spec =
    hop < redirects.length
      ? preflight
        ? redirects[hop]?.preflight
        : redirects[hop]
      : preflight
        ? s.server?.preflight
        : (s.server?.actual ?? { status: 200 });
  if (spec === undefined || spec === null) return preflight ? { status: 404, headers: [] } : null;
  return { status: spec.status, headers: normalizeHeaders(spec.headers) };
}

/** Each request the journal saw (marks split `then` steps), with the scenario's answer. */
export function hopsOf(s: Scenario, journal: readonly JournalRecord[]): ReportHop[] {
  const hops: ReportHop[] = [];
  for (const r of journal) {
    if (r.kind !== 'request') continue;
    hops.push({
      hop: r.hop,
      preflight: r.preflight,
      method: r.method,
      target: r.target,
      origin: r.origin,
      requestHeaders: r.rawHeaders,
      response: answerOf(s, r.hop, r.preflight),
    });
  }
  return hops;
}

function explanation(r: Pick<CaseResult, 'prediction' | 'scenario' | 'engine'>): string | null {
  if (r.prediction === null) return null;
  try {
    return explainPrediction(r.scenario, r.prediction, r.engine);
  } catch {
    return null;
  }
}

/** A stable id for a case even when the scenario has none. */
export function caseId(r: CaseResult): string {
  return r.scenario.id ?? r.scenario.title ?? `(untitled ${r.token})`;
}

export function toReportCase(r: CaseResult): ReportCase {
  const id = caseId(r);
  const cookies = (r.scenario.setup?.cookies ?? []).length > 0;
  const specDiffs =
    r.specPrediction !== null && r.observation !== null
      ? compare(r.specPrediction, r.observation, { cookies })
      : r.diffs;
  const c: ReportCase = {
    key: `${id}@${r.engine}`,
    id,
    title: r.scenario.title ?? '',
    area: id.includes('/') ? (id.split('/')[0] ?? id) : '(no area)',
    section: sectionOf(r.scenario.anchors),
    anchors: r.scenario.anchors ?? [],
    engine: r.engine,
    client: r.client,
    verdict: r.verdict,
    diffs: r.diffs,
    specDiffs,
    scenario: r.scenario,
    prediction: r.prediction,
    specPrediction: r.specPrediction,
    explanation: explanation(r),
    reasons: reasonsOf(r.prediction, r.engine),
    observation: r.observation,
    hops: hopsOf(r.scenario, r.journal),
    journal: r.journal,
    console: r.console,
    ...definedFields(r, ['note', 'restart', 'explainedBy']),
  };
  return c;
}

const ENGINE_ORDER = ['chromium', 'firefox', 'webkit'];

function sortEngines(names: Iterable<string>): string[] {
  const rank = (e: string): number => {
    const i = ENGINE_ORDER.indexOf(e);
    return i === -1 ? ENGINE_ORDER.length : i;
  };
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Each engine's build version from the results that name one (the first wins). */
export function engineVersionsOf(results: readonly CaseResult[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of results) {
    if (r.engineVersion !== undefined && !(r.engine in out)) out[r.engine] = r.engineVersion;
  }
  return out;
}

/** The whole report: cases sorted by id then engine, totals per engine, the drift list. */
export function buildReport(results: readonly CaseResult[], meta: ReportMeta): ReportData {
  const cases = results.map(toReportCase);
  const engines = meta.engines ?? sortEngines(cases.map((c) => c.engine));
  for (const e of sortEngines(cases.map((c) => c.engine)))
    if (!engines.includes(e)) engines.push(e);
  const rank = (e: string): number => engines.indexOf(e);
  cases.sort((a, b) => a.id.localeCompare(b.id) || rank(a.engine) - rank(b.engine));
  const totals: Record<string, VerdictCounts> = {};
  for (const e of engines) totals[e] = emptyCounts();
  for (const c of cases) {
    const t = totals[c.engine] ?? (totals[c.engine] = emptyCounts());
    t[c.verdict]++;
  }
  return {
    format: 'cors-conformance-results',
    version: 1,
    generatedAt: meta.generatedAt,
    // Near the top of results.json, where a reader looks first.
    ...(meta.run === undefined ? {} : { run: meta.run }),
    engines,
    skipped: meta.skipped ?? [],
    // Versions the results carry (merged shards have no other source), the caller's first.
    engineVersions: { ...engineVersionsOf(results), ...meta.engineVersions },
    conditions: conditionsOf(engines),
    sections: sortSections(cases.map((c) => c.section)),
    totals,
    drift: cases.filter((c) => isDrift(c.verdict)).map((c) => c.key),
    cases,
  };
}

/** What results.json (version 2) keeps once per scenario id. */
export interface ResultsScenario {
  title: string;
  area: string;
  section: string;
  anchors: string[];
  scenario: Scenario;
  /** The spec profile's prediction; its `because` are the reasons. */
  specPrediction: Prediction | null;
}

/** A case's fields results.json does not store per case: kept once per scenario, or derived. */
const DERIVED_CASE_FIELDS = [
  'title',
  'area',
  'section',
  'anchors',
  'explanation',
  'reasons',
  'hops',
] as const;

/** One case in results.json (version 2): the engine's observation and verdict. */
export type ResultsCase = Omit<
  ReportCase,
  (typeof DERIVED_CASE_FIELDS)[number] | 'scenario' | 'prediction' | 'specPrediction'
> & {
  /**
   * Only where the engine profile's prediction differs from the case's spec prediction: what
   * it changes there (json-patch.ts), usually a few of the reasons.
   */
  predictionPatch?: unknown;
  /** Only where this case's scenario differs from the one stored under its id. */
  scenario?: Scenario;
  specPrediction?: Prediction | null;
};

/** The harness's inline instruction in a URL: the scenario's answers, encoded (and its token). */
const INLINE_INSTRUCTION = /([?&]i=)[A-Za-z0-9_-]{16,}/g;

/**
 * A case as results.json stores it: the scenario's part moved to `scenarios`, fixture ports
 * by name, inline instructions elided. `c` already has its ports named.
 */
function resultsCase(c: ReportCase, shared: ResultsScenario): ResultsCase {
  const { scenario, prediction, specPrediction, ...rest } = c;
  const out: ResultsCase = withoutFields(rest, DERIVED_CASE_FIELDS);
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  if (!same(scenario, shared.scenario)) out.scenario = scenario;
  if (!same(specPrediction, shared.specPrediction)) out.specPrediction = specPrediction;
  const patch = patchOf(specPrediction, prediction);
  if (patch !== undefined) out.predictionPatch = patch;
  return out;
}

/** The case with its engine's fixture ports named and inline instructions elided (not in the scenario). */
function canonicalCase(c: ReportCase, names: Record<string, string> | null): ReportCase {
  const { scenario, ...rest } = c;
  const text = namePorts(JSON.stringify(rest), names).replace(INLINE_INSTRUCTION, '$1…');
  return { ...(JSON.parse(text) as Omit<ReportCase, 'scenario'>), scenario };
}

/**
 * results.json, version 3 (reports/README.md): each scenario, its spec prediction (whose
 * `because` are the reasons) and its section once under `scenarios`; each engine's case
 * beside it in `cases`, one per line; each engine's fixture ports in `ports` (the cases name
 * them, results-ports.ts). Left out because they follow from the rest: the hops, the
 * explanation and the reasons' text (the model's words for the prediction), an engine
 * prediction equal to the spec's, and the inline instruction in URLs (`i=…`). The version-2
 * shape built here is then compacted (results-tables.ts): repeated header lines, reasons and
 * strings in `tables`, observation fields equal to the prediction's and derivable fields
 * left out.
 */
export function toResultsJson(data: ReportData): string {
  const names = new Map<string, Record<string, string> | null>();
  for (const e of new Set(data.cases.map((c) => c.engine))) {
    const mine = data.cases.filter((c) => c.engine === e);
    names.set(e, portNamesOf(mine.map((c) => JSON.stringify([c.journal, c.specPrediction]))));
  }
  const scenarios: Record<string, ResultsScenario> = {};
  const cases = data.cases.map((raw) => {
    const c = canonicalCase(raw, names.get(raw.engine) ?? null);
    const shared = (scenarios[c.id] ??= {
      title: c.title,
      area: c.area,
      section: c.section,
      anchors: c.anchors,
      scenario: c.scenario,
      specPrediction: c.specPrediction,
    });
    return resultsCase(c, shared);
  });
  const ports = Object.fromEntries([...names].map(([e, n]) => [e, portsByName(n)]));
  const { cases: _cases, ...meta } = data;
  const v3 = compactResults(scenarios, cases);
  const head = JSON.stringify(
    { ...meta, version: 3, ports, tables: v3.tables, scenarios: v3.scenarios },
    null,
    1,
  ).slice(0, -2);
  return `${head},\n"cases": [\n${v3.cases.map((c) => JSON.stringify(c)).join(',\n')}\n]\n}\n`;
}

/** A version-2 case back in the full shape the reports draw from. */
function fullCase(
  named: ResultsCase,
  shared: ResultsScenario | undefined,
  ports: Record<string, string> | undefined,
): ReportCase {
  // The shared spec prediction names ports too: put this engine's numbers back in both.
  const c = JSON.parse(restorePorts(JSON.stringify(named), ports)) as ResultsCase;
  if (shared !== undefined) {
    const text = restorePorts(JSON.stringify(shared.specPrediction), ports);
    shared = { ...shared, specPrediction: JSON.parse(text) as Prediction | null };
  }
  const scenario = c.scenario ?? shared?.scenario ?? { request: {} };
  const specPrediction = c.specPrediction ?? shared?.specPrediction ?? null;
  const prediction =
    c.predictionPatch === undefined
      ? specPrediction
      : (applyPatch(specPrediction, c.predictionPatch) as Prediction | null);
  const { predictionPatch: _patch, ...own } = c;
  return {
    ...own,
    title: shared?.title ?? scenario.title ?? '',
    area: shared?.area ?? '(no area)',
    section: shared?.section ?? sectionOf(scenario.anchors),
    anchors: shared?.anchors ?? scenario.anchors ?? [],
    scenario,
    prediction,
    specPrediction,
    explanation: explanation({ scenario, prediction, engine: c.engine }),
    reasons: reasonsOf(prediction, c.engine),
    hops: hopsOf(scenario, c.journal),
  };
}

/**
 * Parsed results.json in the full in-memory shape (`ReportData`): versions 3 and 2 expanded,
 * version 1 as it is. Anything else comes back unchanged, for the caller's own checks to refuse.
 */
export function fromResultsJson(json: unknown): unknown {
  const r = json as { format?: unknown; version?: unknown; scenarios?: unknown; cases?: unknown };
  if (r?.format !== 'cors-conformance-results' || (r.version !== 2 && r.version !== 3)) {
    return json;
  }
  if (typeof r.scenarios !== 'object' || r.scenarios === null || !Array.isArray(r.cases)) {
    return json;
  }
  let scenarios = r.scenarios as Record<string, ResultsScenario>;
  let stored = r.cases as unknown[];
  if (r.version === 3) {
    const tables = (r as { tables?: unknown }).tables as ResultsTables | undefined;
    if (!isTables(tables)) return json;
    ({ scenarios, cases: stored } = expandResults(tables, scenarios, stored) as {
      scenarios: Record<string, ResultsScenario>;
      cases: unknown[];
    });
  }
  const allPorts = (r as { ports?: Record<string, Record<string, string>> }).ports ?? {};
  const cases = (stored as ResultsCase[]).map((c) => {
    // A malformed case stays as it is, for the reader's own checks to name.
    if (typeof c !== 'object' || c === null || typeof c.id !== 'string') return c;
    if (!Array.isArray(c.journal)) return c;
    try {
      const shared = Object.hasOwn(scenarios, c.id) ? scenarios[c.id] : undefined;
      const ports = Object.hasOwn(allPorts, c.engine) ? allPorts[c.engine] : undefined;
      return fullCase(c, shared, ports);
    } catch {
      return c;
    }
  });
  const { scenarios: _s, ports: _p, tables: _t, ...rest } = r as Record<string, unknown>;
  return { ...rest, cases };
}

function isTables(t: unknown): t is ResultsTables {
  const x = t as Partial<ResultsTables> | undefined;
  return (
    typeof x === 'object' &&
    x !== null &&
    Array.isArray(x.headers) &&
    Array.isArray(x.reasons) &&
    Array.isArray(x.strings)
  );
}

/** Counts per section and engine: the matrix the HTML report draws. */
export function matrixOf(data: ReportData): Record<string, Record<string, VerdictCounts>> {
  const m: Record<string, Record<string, VerdictCounts>> = {};
  for (const c of data.cases) {
    const row = m[c.section] ?? (m[c.section] = {});
    const cell = row[c.engine] ?? (row[c.engine] = emptyCounts());
    cell[c.verdict]++;
  }
  return m;
}

/** One line per diff: `field: predicted X, observed Y`. */
export function diffLines(diffs: readonly Diff[]): string[] {
  return diffs.map(
    (d) =>
      `${d.field}: predicted ${JSON.stringify(d.predicted)}, observed ${JSON.stringify(d.observed)}`,
  );
}

/** What a drift case says in one line (terminal) or a few (junit failure text). */
export function driftText(c: ReportCase): string[] {
  const lines: string[] = [];
  if (c.note !== undefined) lines.push(c.note);
  const diffs = c.verdict === 'unexpected-pass' ? [] : c.diffs;
  lines.push(...diffLines(diffs));
  const err = c.observation?.error;
  if (err) lines.push(`page error: ${err.name}: ${err.message}`);
  for (const m of c.console) lines.push(`console: ${m}`);
  return lines;
}
