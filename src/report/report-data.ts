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
import { normalizeHeaders } from '../scenario/placeholders.js';
import type { HeaderList, Prediction, Scenario } from '../scenario/types.js';
import type { RunStatus } from './run-status.js';
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
  version: 1;
  generatedAt: string;
  engines: string[];
  skipped: SkippedEngine[];
  /** Engine name → the build's version, when the run knew it. */
  engineVersions: Record<string, string>;
  /**
   * Engine name → how the harness drives it where that shapes what is observed (e.g. the
   * cookie policy of Playwright's off-the-record contexts), from src/engine-facts/.
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

function explanation(r: CaseResult): string | null {
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
  };
  if (r.note !== undefined) c.note = r.note;
  if (r.restart !== undefined) c.restart = r.restart;
  if (r.explainedBy !== undefined) c.explainedBy = r.explainedBy;
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

/** results.json: the report data, indented; the hops are left out (the journal has them). */
export function toResultsJson(data: ReportData): string {
  const cases = data.cases.map((c) => {
    const { hops: _hops, ...rest } = c;
    return rest;
  });
  return `${JSON.stringify({ ...data, cases }, null, 2)}\n`;
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
