// From a run's results, what a reviewer should change in src/engine-facts/<engine>.ts: rules
// whose listed rows now match the spec (stale: bound them with `versions` or drop the row),
// and, for every failing case, a candidate rule drawn from the failing step (its request
// fields, its redirects, the differing fields), with reason and evidence left for the
// reviewer. Candidates are a starting point: a model bug is fixed in the model, a harness
// artefact in the harness, and a rule is narrowed to what the engine's code conditions on.
import { bodyKindOf, diffStep, stepRequests } from '../engine-facts/rules.js';
import type { DeviationRule, DiffField, Matcher } from '../engine-facts/types.js';
import type { Diff, VerdictKind } from '../harness/types.js';
import { normalizeMethod } from '../model/methods.js';
import { normalizeHeaders } from '../scenario/placeholders.js';
import type { Scenario } from '../scenario/types.js';

/** What suggest-rules reads of each case in results.json. */
export interface ResultCase {
  id: string;
  engine: string;
  verdict: VerdictKind;
  diffs: readonly Diff[];
  note?: string;
  scenario?: Scenario;
}

export const TODO = 'TODO';

export interface Suggestions {
  engine: string;
  /** Rows a rule lists that now match the spec, with the verdict's note naming the rule. */
  stale: { row: string; note: string }[];
  /** One candidate rule per failing case. */
  candidates: DeviationRule[];
}

function kebab(id: string): string {
  return id
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** The matcher a failing step suggests: its request's fields as written, and its redirects. */
export function candidateMatcher(s: Scenario, step: number): Matcher {
  const r = stepRequests(s)[step] ?? s.request;
  const request: NonNullable<Matcher['request']> = {
    api: [r.api ?? 'fetch'],
    method: [normalizeMethod(r.method ?? 'GET')],
    mode: [r.mode ?? 'cors'],
    body: [bodyKindOf(r)],
    target: [r.target ?? 'cross-origin'],
  };
  if (r.credentials !== undefined) request.credentials = [r.credentials];
  if (r.redirect !== undefined) request.redirect = [r.redirect];
  if (r.cache !== undefined) request.cache = [r.cache];
  if (r.referrerPolicy !== undefined) request.referrerPolicy = [r.referrerPolicy];
  if (r.uploadListener !== undefined) request.uploadListener = r.uploadListener;
  const names = [...new Set(normalizeHeaders(r.headers).map(([n]) => n.toLowerCase()))];
  if (names.length > 0) request.headers = [{ names }];
  const hops = s.server?.redirects ?? [];
  const when: Matcher = { request };
  when.redirects =
    hops.length === 0
      ? { present: false }
      : { present: true, status: [...new Set(hops.map((h) => h.status))] };
  if (s.client !== undefined && s.client !== 'page') when.client = [s.client];
  if (step > 0) when.step = 'then';
  return when;
}

/** A candidate rule for one failing case, listing it as a row; reason and evidence TODO. */
export function candidateRule(c: ResultCase, s: Scenario): DeviationRule {
  const steps = c.diffs.map((d) => diffStep(d.field));
  const fields = [...new Set(steps.map((x) => x.name))] as DiffField[];
  const differing = c.diffs
    .map((d) => `${d.field} ${JSON.stringify(d.predicted)} → ${JSON.stringify(d.observed)}`)
    .join('; ');
  return {
    id: kebab(c.id),
    reason: TODO,
    fields,
    when: candidateMatcher(s, steps[0]?.step ?? 0),
    evidence: { status: 'unconfirmed', observed: `${c.engine}: ${differing}`, searched: TODO },
    rows: [c.id],
  };
}

/** The suggestions per engine, in the order given. */
export function suggestRules(
  cases: readonly ResultCase[],
  engines: readonly string[],
): Suggestions[] {
  return engines.map((engine) => {
    const mine = cases.filter((c) => c.engine === engine);
    return {
      engine,
      stale: mine
        .filter((c) => c.verdict === 'unexpected-pass')
        .map((c) => ({ row: c.id, note: c.note ?? '' })),
      candidates: mine
        .filter((c) => c.verdict === 'fail' && c.scenario !== undefined && c.diffs.length > 0)
        .map((c) => candidateRule(c, c.scenario as Scenario)),
    };
  });
}

/** The suggestions as text: stale rows, then each candidate as a TypeScript object literal. */
export function formatSuggestions(all: readonly Suggestions[]): string {
  const lines: string[] = [];
  for (const s of all) {
    const file = `src/engine-facts/${s.engine.split('@')[0] ?? s.engine}.ts`;
    if (s.stale.length === 0 && s.candidates.length === 0) {
      lines.push(`${s.engine}: nothing to change in ${file}`);
      continue;
    }
    lines.push(`${s.engine}: ${file}`);
    for (const st of s.stale) lines.push(`  stale row ${st.row}: ${st.note}`);
    for (const rule of s.candidates) {
      lines.push(`  candidate rule for ${rule.rows?.[0] ?? rule.id}:`);
      for (const l of JSON.stringify(rule, null, 2).split('\n')) lines.push(`    ${l}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
