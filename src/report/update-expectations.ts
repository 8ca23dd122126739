// Rewrites one engine's known-deviation file from a run's results, for a human to review:
// entries still deviating stay, stale ones (unexpected-pass) go, new failures come in as
// entries whose reason and evidence say TODO. Pure; the CLI command reads and writes files.
import type { Diff, Expectation, ExpectationMap, VerdictKind } from '../harness/types.js';

/** What update-expectations reads of each case in results.json. */
export interface ResultCase {
  id: string;
  engine: string;
  verdict: VerdictKind;
  diffs: readonly Diff[];
  /** Observation vs spec; the fields a new entry lists. Falls back to `diffs`. */
  specDiffs?: readonly Diff[];
}

export const TODO = 'TODO';

export interface ExpectationChange {
  id: string;
  change: 'added' | 'removed' | 'widened';
  /** One line for the terminal. */
  detail: string;
}

export interface ExpectationUpdate {
  expectations: ExpectationMap;
  changes: ExpectationChange[];
}

/** `then.then.acrh` stays a path; an entry's `fields` lists each differing field once. */
function fieldsOf(diffs: readonly Diff[]): string[] {
  return [...new Set(diffs.map((d) => d.field))];
}

/**
 * The new file for `engine`. Entries for scenarios the run did not have are kept (a run of
 * some suites only must not empty the file); harness errors change nothing.
 */
export function updateExpectations(
  current: ExpectationMap,
  cases: readonly ResultCase[],
  engine: string,
): ExpectationUpdate {
  const next: ExpectationMap = { ...current };
  const changes: ExpectationChange[] = [];
  const added: [string, Expectation][] = [];
  for (const c of cases) {
    if (c.engine !== engine) continue;
    const entry = next[c.id];
    const fields = fieldsOf(c.specDiffs ?? c.diffs);
    if (c.verdict === 'unexpected-pass' && entry !== undefined) {
      delete next[c.id];
      changes.push({
        id: c.id,
        change: 'removed',
        detail: 'now matches the spec (was listed)',
      });
    } else if (c.verdict === 'fail' && entry === undefined) {
      const e: Expectation = { reason: TODO, evidence: TODO };
      if (fields.length > 0) e.fields = fields;
      added.push([c.id, e]);
      changes.push({
        id: c.id,
        change: 'added',
        detail: `new failure, differs in ${fields.join(', ') || '(nothing compared)'}: reason and evidence TODO`,
      });
    } else if (c.verdict === 'fail' && entry?.fields !== undefined) {
      const extra = fields.filter((f) => !entry.fields?.includes(f));
      if (extra.length === 0) continue;
      next[c.id] = { ...entry, fields: [...entry.fields, ...extra] };
      changes.push({
        id: c.id,
        change: 'widened',
        detail: `fields + ${extra.join(', ')}: check the reason still holds`,
      });
    }
  }
  added.sort(([a], [b]) => a.localeCompare(b));
  for (const [id, e] of added) next[id] = e;
  return { expectations: next, changes };
}

function str(s: string): string {
  return JSON.stringify(s);
}

/**
 * The file's text as Prettier prints JSON (100 columns): one key per line, a `fields` array
 * on one line when it fits, else one item per line.
 */
export function formatExpectations(map: ExpectationMap, printWidth = 100): string {
  const ids = Object.keys(map);
  if (ids.length === 0) return '{}\n';
  const lines = ['{'];
  ids.forEach((id, i) => {
    const e = map[id] as Expectation;
    const lastEntry = i === ids.length - 1;
    lines.push(`  ${str(id)}: {`);
    const props: [string, string | string[]][] = [
      ['reason', e.reason],
      ['evidence', e.evidence],
    ];
    if (e.fields !== undefined) props.push(['fields', e.fields]);
    for (const [extraKey, extraValue] of Object.entries(e)) {
      if (extraKey === 'reason' || extraKey === 'evidence' || extraKey === 'fields') continue;
      props.push([extraKey, String(extraValue)]);
    }
    props.forEach(([k, v], j) => {
      const comma = j === props.length - 1 ? '' : ',';
      if (typeof v === 'string') {
        lines.push(`    ${str(k)}: ${str(v)}${comma}`);
        return;
      }
      const inline = `    ${str(k)}: [${v.map(str).join(', ')}]${comma}`;
      if (v.length === 0 || inline.length <= printWidth) {
        lines.push(inline);
      } else {
        lines.push(`    ${str(k)}: [`);
        v.forEach((item, n) => lines.push(`      ${str(item)}${n === v.length - 1 ? '' : ','}`));
        lines.push(`    ]${comma}`);
      }
    });
    lines.push(`  }${lastEntry ? '' : ','}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
