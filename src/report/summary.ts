// What the terminal shows: a progress line while a run goes, and at the end the totals per
// engine and verdict and the drift list, one line per drifting case.
import type { ReportData, VerdictCounts } from './report-data.js';
import { VERDICT_LABELS } from '../harness/verdict.js';
import { VERDICTS, diffLines } from './report-data.js';
import { isRunComplete, restartLines, runStatusLine } from './run-status.js';

/** `[chromium] 180/420 pass 170, deviation (evidenced) 8, fail 2` (zero counts left out). */
export function progressLine(
  engine: string,
  done: number,
  total: number | null,
  counts: VerdictCounts,
): string {
  const parts = VERDICTS.filter((v) => counts[v] > 0).map(
    (v) => `${VERDICT_LABELS[v]} ${counts[v]}`,
  );
  const of = total === null ? `${done}` : `${done}/${total}`;
  return `[${engine}] ${of}${parts.length > 0 ? ` ${parts.join(', ')}` : ''}`;
}

/** The drift list, one line each: verdict, engine, id and what differs. */
export function driftLines(data: ReportData): string[] {
  const byKey = new Map(data.cases.map((c) => [c.key, c]));
  const lines: string[] = [];
  for (const key of data.drift) {
    const c = byKey.get(key);
    if (c === undefined) continue;
    let why: string;
    if (c.verdict === 'fail') {
      why = diffLines(c.diffs).join('; ') || (c.note ?? '');
    } else {
      why = c.note ?? '';
    }
    lines.push(`  ${c.verdict.toUpperCase()} [${c.engine}] ${c.id}${why === '' ? '' : `: ${why}`}`);
  }
  return lines;
}

/** The end-of-run summary: totals per engine per verdict, skipped engines, drift, where the files are. */
export function formatSummary(data: ReportData, files: string[] = []): string {
  const lines: string[] = [];
  const width = Math.max(8, ...data.engines.map((e) => e.length));
  const scenarioCount = new Set(data.cases.map((c) => c.id)).size;
  lines.push(
    `cors-conformance: ${scenarioCount} scenario${scenarioCount === 1 ? '' : 's'} in ${data.engines.length} engine${data.engines.length === 1 ? '' : 's'}`,
  );
  for (const e of data.engines) {
    const t = data.totals[e];
    if (t === undefined) continue;
    const total = VERDICTS.reduce((n, v) => n + t[v], 0);
    const cells = VERDICTS.map((v) => `${VERDICT_LABELS[v]} ${t[v]}`).join('  ');
    lines.push(`  ${e.padEnd(width)}  ${String(total).padStart(4)} cases  ${cells}`);
  }
  for (const [e, list] of Object.entries(data.conditions ?? {})) {
    for (const c of list) lines.push(`  ${e.padEnd(width)}  note: ${c}`);
  }
  for (const s of data.skipped) lines.push(`  ${s.engine.padEnd(width)}  skipped: ${s.reason}`);
  lines.push(...restartLines(data.run));
  const complete = isRunComplete(data.run);
  if (!complete) lines.push(runStatusLine(data.run));
  if (data.drift.length === 0) {
    lines.push(
      complete
        ? 'no drift: every case passes or is a known deviation'
        : 'no drift among the cases that ran; the others did not run',
    );
  } else {
    lines.push(`drift (${data.drift.length}):`);
    lines.push(...driftLines(data));
  }
  if (files.length > 0) lines.push(`reports: ${files.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
