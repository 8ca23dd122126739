// Drift between two runs: what changed since the baseline (last night's history record, or a
// results.json given with `--baseline`), and nothing else. A case failing the same way both
// times is not drift; a case that starts failing, starts passing, or fails for a different
// reason is, and so is every harness error, and so is a case the baseline had that this
// run does not (an interrupted run, a shard, a removed or renamed scenario): what did not
// run cannot be called unchanged. Pure; the caller reads files and prints.
import type { VerdictKind } from '../harness/types.js';
import type { CaseMark, RunResults } from './history.js';
import { caseMark, parseCaseMark } from './history.js';
import { escapeHtml } from './html-escape.js';

/** `<scenario id>@<engine>` → CaseMark, for one run. */
export type CaseStates = Record<string, CaseMark>;

export interface DriftItem {
  /** `<scenario id>@<engine>`. */
  key: string;
  /** The baseline's verdict, or null when the baseline did not have the case. */
  before: VerdictKind | null;
  after: VerdictKind;
  /** Why, as history keeps it (differing fields with what was observed, or the note). */
  beforeWhy: string;
  afterWhy: string;
}

export interface Drift {
  /** What the run was compared with (a run id or a file), or null: no baseline. */
  baseline: string | null;
  /** Now fail or unexpected-pass; before pass, known deviation, or not run. */
  newFailures: DriftItem[];
  /** Now pass or known deviation; before fail, unexpected pass or harness error. */
  newPasses: DriftItem[];
  /** A different reason: same verdict with other differences, or pass ⇄ known deviation, fail ⇄ unexpected pass. */
  changedReasons: DriftItem[];
  /** Every harness error of this run. */
  harnessErrors: DriftItem[];
  /** Cases of the baseline this run did not have: drift too (nothing is known about them). */
  missing: string[];
}

const BAD: readonly VerdictKind[] = ['fail', 'unexpected-pass'];
const GOOD: readonly VerdictKind[] = ['pass', 'known-deviation', 'unconfirmed-deviation'];

export function caseStatesOf(results: RunResults): CaseStates {
  const out: CaseStates = {};
  for (const c of results.cases) out[c.key] = caseMark(c);
  return out;
}

/** Compares `current` with `baseline` (null: first run, every bad case is new). */
export function compareRuns(
  baseline: CaseStates | null,
  current: CaseStates,
  baselineName: string | null = null,
): Drift {
  const drift: Drift = {
    baseline: baseline === null ? null : baselineName,
    newFailures: [],
    newPasses: [],
    changedReasons: [],
    harnessErrors: [],
    missing: [],
  };
  for (const key of Object.keys(current).sort()) {
    const now = parseCaseMark(current[key] ?? '');
    const mark = baseline?.[key];
    const before = mark === undefined ? null : parseCaseMark(mark);
    const item: DriftItem = {
      key,
      before: before?.verdict ?? null,
      after: now.verdict,
      beforeWhy: before?.why ?? '',
      afterWhy: now.why,
    };
    if (now.verdict === 'harness-error') {
      drift.harnessErrors.push(item);
    } else if (BAD.includes(now.verdict)) {
      if (before === null || !BAD.includes(before.verdict)) drift.newFailures.push(item);
      else if (before.verdict !== now.verdict || before.why !== now.why) {
        drift.changedReasons.push(item);
      }
    } else if (before !== null) {
      if (!GOOD.includes(before.verdict)) drift.newPasses.push(item);
      else if (before.verdict !== now.verdict || before.why !== now.why) {
        drift.changedReasons.push(item);
      }
    }
  }
  if (baseline !== null) {
    drift.missing = Object.keys(baseline)
      .filter((k) => !(k in current))
      .sort();
  }
  return drift;
}

export function driftCount(d: Drift): number {
  return (
    d.newFailures.length +
    d.newPasses.length +
    d.changedReasons.length +
    d.harnessErrors.length +
    d.missing.length
  );
}

/** For CI: 0 no drift, 1 drift (harness errors and missing cases included). */
export function driftExitCode(d: Drift): 0 | 1 {
  return driftCount(d) === 0 ? 0 : 1;
}

function verdictWord(v: VerdictKind | null): string {
  return v ?? 'not run';
}

function itemLine(i: DriftItem): string {
  const change = i.before === i.after ? i.after : `${verdictWord(i.before)} → ${i.after}`;
  const why =
    i.before === i.after && i.beforeWhy !== i.afterWhy
      ? `: was ${i.beforeWhy || '(no difference)'}; now ${i.afterWhy || '(no difference)'}`
      : i.afterWhy === ''
        ? ''
        : `: ${i.afterWhy}`;
  return `${i.key} (${change})${why}`;
}

const MISSING = 'missing (in the baseline, not run this time)';

const GROUPS = [
  ['newFailures', 'new failures'],
  ['newPasses', 'new passes'],
  ['changedReasons', 'changed failure reasons'],
  ['harnessErrors', 'harness errors'],
] as const;

/** The drift summary for the terminal: one headline, then one line per drifting case. */
export function formatDrift(d: Drift, limitPerGroup = 50): string {
  const against = d.baseline === null ? 'no baseline (first run)' : `since ${d.baseline}`;
  const counts = [
    ...GROUPS.map(([k, label]) => `${d[k].length} ${label}`),
    `${d.missing.length} ${MISSING}`,
  ].join(', ');
  const lines = [driftCount(d) === 0 ? `drift ${against}: none` : `drift ${against}: ${counts}`];
  for (const [k, label] of GROUPS) {
    const items = d[k];
    if (items.length === 0) continue;
    lines.push(`${label} (${items.length}):`);
    for (const i of items.slice(0, limitPerGroup)) lines.push(`  ${itemLine(i)}`);
    if (items.length > limitPerGroup) lines.push(`  … and ${items.length - limitPerGroup} more`);
  }
  if (d.missing.length > 0) {
    lines.push(`${MISSING} (${d.missing.length}):`);
    for (const key of d.missing.slice(0, limitPerGroup)) lines.push(`  ${key}`);
    if (d.missing.length > limitPerGroup) {
      lines.push(`  … and ${d.missing.length - limitPerGroup} more`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const OPEN_UP_TO = 10;

/**
 * The drift summary as an HTML fragment for the top of a report. Each case links to the
 * matrix's deep link `#case=<key>`.
 */
export function driftHtml(d: Drift): string {
  const against =
    d.baseline === null ? 'no baseline (first run)' : `since ${escapeHtml(d.baseline)}`;
  if (driftCount(d) === 0) {
    return `<section class="cc-drift none"><h2>Drift ${against}: none</h2></section>`;
  }
  const parts = [`<section class="cc-drift"><h2>Drift ${against}</h2>`];
  for (const [k, label] of GROUPS) {
    const items = d[k];
    if (items.length === 0) continue;
    // Long lists start folded so the matrix below stays in reach.
    const open = items.length <= OPEN_UP_TO ? ' open' : '';
    parts.push(
      `<details${open}><summary><h3 style="display:inline">${label} (${items.length})</h3></summary><ul>`,
    );
    for (const i of items) {
      const text = itemLine(i).slice(i.key.length);
      parts.push(
        `<li data-drift="${k}"><a href="#case=${encodeURIComponent(i.key)}">${escapeHtml(i.key)}</a>${escapeHtml(text)}</li>`,
      );
    }
    parts.push('</ul></details>');
  }
  if (d.missing.length > 0) {
    const open = d.missing.length <= OPEN_UP_TO ? ' open' : '';
    parts.push(
      `<details${open}><summary><h3 style="display:inline">${MISSING} (${d.missing.length})</h3></summary><ul>`,
    );
    for (const key of d.missing) parts.push(`<li data-drift="missing">${escapeHtml(key)}</li>`);
    parts.push('</ul></details>');
  }
  parts.push('</section>');
  return parts.join('');
}

/** drift.json: the drift with its exit code, for CI steps that read it. */
export function driftJson(d: Drift): string {
  return `${JSON.stringify({ exitCode: driftExitCode(d), ...d }, null, 2)}\n`;
}
