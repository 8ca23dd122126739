// Puts a drift summary where people look: reports/drift.json for CI steps, and the top of
// reports/index.html (the matrix is drawn again from results.json with the summary above it).
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { CaseStates, Drift } from './drift.js';
import { caseStatesOf, driftHtml, driftJson } from './drift.js';
import type { RunResults } from './history.js';
import { parseHistoryRecord } from './history.js';
import { writeHtmlReport } from './html-files.js';
import type { ReportData } from './report-data.js';
import { VERDICTS, fromResultsJson } from './report-data.js';

/** Whether parsed results.json is a full report (not only the fields history reads). */
export function isFullReport(json: unknown): json is ReportData {
  const r = json as Partial<ReportData> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.format === 'cors-conformance-results' &&
    Array.isArray(r.cases) &&
    Array.isArray(r.sections)
  );
}

/** Parsed results.json in the shape history and drift read; throws one line otherwise. */
export function runResultsOf(json: unknown, source: string): RunResults {
  const r = withKeys(json as Partial<RunResults> | null);
  if (
    typeof r !== 'object' ||
    r === null ||
    !Array.isArray(r.cases) ||
    !Array.isArray(r.engines) ||
    typeof r.totals !== 'object' ||
    r.totals === null
  ) {
    throw new Error(
      `${source}: not a cors-conformance results.json (needs engines, totals, cases)`,
    );
  }
  r.cases.forEach((c: unknown, i) => {
    const problem = caseProblem(c);
    if (problem !== null) throw new Error(`${source}: cases[${i}]${problem}`);
  });
  return r as RunResults;
}

/**
 * The cases with their `key`: results.json version 3 writes it only where it is not
 * `<id>@<engine>` (the other fields history and drift read it writes as they are).
 */
function withKeys(r: Partial<RunResults> | null): Partial<RunResults> | null {
  if (typeof r !== 'object' || r === null || !Array.isArray(r.cases)) return r;
  const cases = (r.cases as unknown[]).map((c) => {
    const o = c as { key?: unknown; id?: unknown; engine?: unknown } | null;
    if (typeof o !== 'object' || o === null || o.key !== undefined) return c;
    if (typeof o.id !== 'string' || typeof o.engine !== 'string') return c;
    return { ...o, key: `${o.id}@${o.engine}` };
  });
  return { ...r, cases } as Partial<RunResults>;
}

/**
 * What is wrong with one case of a results.json (`.diffs: must be an array`), or null.
 * `strings`: the fields that must be strings.
 */
export function caseProblem(
  c: unknown,
  strings: readonly string[] = ['key', 'id', 'engine'],
): string | null {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return ': must be an object';
  const o = c as Record<string, unknown>;
  for (const field of strings) {
    if (typeof o[field] !== 'string') return `.${field}: must be a string`;
  }
  if (!(VERDICTS as readonly unknown[]).includes(o.verdict)) {
    return `.verdict: must be one of ${VERDICTS.join(', ')}`;
  }
  for (const field of ['diffs', 'specDiffs'] as const) {
    const diffs = o[field];
    if (field === 'specDiffs' && diffs === undefined) continue;
    if (!Array.isArray(diffs)) return `.${field}: must be an array`;
    const bad = diffs.findIndex(
      (d: unknown) => typeof (d as { field?: unknown } | null)?.field !== 'string',
    );
    if (bad !== -1) return `.${field}[${bad}]: must be an object with a string field`;
  }
  if (o.note !== undefined && typeof o.note !== 'string') return '.note: must be a string';
  return null;
}

/** A baseline's case states from parsed JSON: a results.json or a history record. */
export function baselineStatesOf(json: unknown, source: string): CaseStates {
  if ((json as { format?: unknown } | null)?.format === 'cors-conformance-history') {
    return parseHistoryRecord(json, source).cases;
  }
  return caseStatesOf(runResultsOf(json, source));
}

/** The HTML above the matrix: the drift, and a link to the trend page when there is one. */
export function driftTop(drift: Drift, historyHref?: string): string {
  const link =
    historyHref === undefined
      ? ''
      : `<p><a href="${historyHref.replace(/"/g, '&quot;')}">History and trend per engine</a></p>`;
  return `${driftHtml(drift)}${link}`;
}

/**
 * Writes `<outDir>/drift.json`, and `<outDir>/index.html` again with the drift on top when
 * `data` is a full report. Returns the paths written.
 */
export async function writeDriftReport(
  outDir: string,
  data: unknown,
  drift: Drift,
  historyHref?: string,
): Promise<string[]> {
  const written: string[] = [];
  const json = join(outDir, 'drift.json');
  await writeFileAtomic(json, driftJson(drift));
  written.push(json);
  const full = fromResultsJson(data);
  if (isFullReport(full)) {
    written.push(await writeHtmlReport(outDir, full, { top: driftTop(drift, historyHref) }));
  }
  return written;
}
