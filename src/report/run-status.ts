// Whether a report covers the whole run it belongs to. A run stopped by a signal, cut off by
// a timeout, or left with tests that never reported is marked so in results.json, at the
// top of index.html and in the terminal summary, with what ran and what did not: a partial
// report must never pass for a whole one. Engine restarts during the run are listed here
// too (the cases after a restart ran in a new browser). Pure: the reporter gathers, these
// functions describe.
import type { CaseResult } from '../harness/types.js';
import { escapeHtml } from './html-escape.js';

/** One suite table of one engine with tests that did not report. */
export interface NotRun {
  engine: string;
  /** The suite table's title (`smoke`, `preflight-cache`, ...). */
  suite: string;
  ran: number;
  expected: number;
}

/** Cases of one engine that ran in a browser started again after the previous one failed. */
export interface EngineRestart {
  engine: string;
  /** Why the previous browser was given up (a crash, a script that did not return). */
  cause: string;
  cases: number;
}

export interface RunStatus {
  /**
   * `complete`: every test of the run reported. `interrupted`: the run was stopped (a
   * signal, Ctrl-C) or ran out of time. `incomplete`: it ended, but some tests never reported.
   */
  status: 'complete' | 'interrupted' | 'incomplete';
  /** In words, when not complete: `stopped by a signal`, `the global timeout`, ... */
  why?: string;
  /** Engine tests the run was to run (one per scenario and engine, and a few others), and how many did. */
  expected: number;
  ran: number;
  notRun: NotRun[];
  restarts: EngineRestart[];
}

/** How Playwright Test ended a run (FullResult.status), as the status words above. */
export function endedAs(
  playwrightStatus: string,
  expected: number,
  ran: number,
): Pick<RunStatus, 'status' | 'why'> {
  if (playwrightStatus === 'interrupted')
    return { status: 'interrupted', why: 'stopped by a signal' };
  if (playwrightStatus === 'timedout') return { status: 'interrupted', why: 'the global timeout' };
  if (ran < expected) return { status: 'incomplete', why: 'some tests did not run' };
  return { status: 'complete' };
}

/** Groups the cases that ran after an engine restart by engine and cause. */
export function restartsOf(results: Iterable<CaseResult>): EngineRestart[] {
  const byKey = new Map<string, EngineRestart>();
  for (const r of results) {
    if (r.restart === undefined) continue;
    const key = `${r.engine}\n${r.restart}`;
    const found = byKey.get(key);
    if (found) found.cases++;
    else byKey.set(key, { engine: r.engine, cause: r.restart, cases: 1 });
  }
  return [...byKey.values()];
}

/** True for a complete run, and for reports that predate the mark (they were written whole). */
export function isRunComplete(status: RunStatus | undefined): boolean {
  return status === undefined || status.status === 'complete';
}

const SHOWN = 8;

/** One line: `INTERRUPTED (stopped by a signal): 51 of 248 tests ran; not run: ...`. */
export function runStatusLine(status: RunStatus | undefined): string {
  if (status === undefined || status.status === 'complete') {
    return status === undefined ? 'complete' : `complete: ${status.ran} tests ran`;
  }
  const head = `${status.status.toUpperCase()}${status.why === undefined ? '' : ` (${status.why})`}`;
  const missing = status.notRun.map((n) => `${n.engine} ${n.suite} ${n.ran}/${n.expected}`);
  const more = missing.length > SHOWN ? `, and ${missing.length - SHOWN} more` : '';
  const list =
    missing.length === 0 ? '' : `; not run: ${missing.slice(0, SHOWN).join(', ')}${more}`;
  return `${head}: ${status.ran} of ${status.expected} tests ran${list}`;
}

/** One line per engine restart. */
export function restartLines(status: RunStatus | undefined): string[] {
  return (status?.restarts ?? []).map(
    (r) =>
      `${r.engine} was restarted (${r.cause}); ${r.cases} case${r.cases === 1 ? '' : 's'} ran in the new browser`,
  );
}

/** The banner at the top of index.html: empty for a complete run without restarts. */
export function runStatusHtml(status: RunStatus | undefined): string {
  const parts: string[] = [];
  if (!isRunComplete(status)) {
    parts.push(
      `<section class="panel run-status" role="alert"><h2>${escapeHtml(runStatusLine(status))}</h2>` +
        '<p>This report holds only the cases that ran; the others are not in it.</p></section>',
    );
  }
  const restarts = restartLines(status);
  if (restarts.length > 0) {
    parts.push(
      `<section class="panel restarts"><h2>Engine restarts</h2><ul>${restarts.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul></section>`,
    );
  }
  return parts.join('\n');
}
