// Puts a drift summary where people look: reports/drift.json for CI steps, and the top of
// reports/index.html (the matrix is drawn again from results.json with the summary above it).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseStates, Drift } from './drift.js';
import { caseStatesOf, driftHtml, driftJson } from './drift.js';
import type { RunResults } from './history.js';
import { parseHistoryRecord } from './history.js';
import { toHtml } from './html.js';
import type { ReportData } from './report-data.js';

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
  const r = json as Partial<RunResults> | null;
  if (
    typeof r !== 'object' ||
    r === null ||
    !Array.isArray(r.cases) ||
    !Array.isArray(r.engines) ||
    typeof r.totals !== 'object'
  ) {
    throw new Error(
      `${source}: not a cors-conformance results.json (needs engines, totals, cases)`,
    );
  }
  return r as RunResults;
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
  await writeFile(json, driftJson(drift));
  written.push(json);
  if (isFullReport(data)) {
    const html = join(outDir, 'index.html');
    await writeFile(html, toHtml(data, { top: driftTop(drift, historyHref) }));
    written.push(html);
  }
  return written;
}
