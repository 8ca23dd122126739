// Rule hygiene: the engine facts stay one evidenced source. Every knob an engine sets away from
// the spec has evidence and every recorded evidence belongs to such a knob; every rule cites
// at least one suite row or fuzz replay, matches each one it cites, and is not needed where a
// knob already moves the prediction; evidence is followable (or marked unconfirmed) and cites
// nothing outside the engines' own sources, trackers and WPT expectation files. Suite tables
// are found on disk, so new ones count at once.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { scenarioAt } from '../fuzz/fuzz.js';
import { parseReplay } from '../fuzz/replay.js';
import { compare, profileKnobs } from '../harness/verdict.js';
import type { KnobName } from '../model/engine-profile.js';
import { predict } from '../model/predict.js';
import { SPEC } from '../model/spec-profile.js';
import { packageRoot } from '../report/paths.js';
import type { Scenario } from '../scenario/types.js';
import { ENGINE_FACTS } from './index.js';
import { diffStep, matcherHolds, ruleMatchesScenario } from './rules.js';
import type { Citation, DeviationRule, EngineFacts, Evidence } from './types.js';
import { parseVersionRange } from './versions.js';

const ALL = Object.values(ENGINE_FACTS);

function isScenario(v: unknown): v is Scenario {
  return typeof v === 'object' && v !== null && 'request' in v;
}

/** Every scenario of every `suites/<area>/*.scenarios.ts` table (exported arrays of scenarios). */
async function suiteScenarios(): Promise<Map<string, Scenario>> {
  const root = join(packageRoot(), 'suites');
  const out = new Map<string, Scenario>();
  for (const area of readdirSync(root, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const file of readdirSync(join(root, area.name))) {
      if (!file.endsWith('.scenarios.ts')) continue;
      const mod = (await import(pathToFileURL(join(root, area.name, file)).href)) as Record<
        string,
        unknown
      >;
      for (const value of Object.values(mod)) {
        if (!Array.isArray(value)) continue;
        for (const s of value) if (isScenario(s) && s.id !== undefined) out.set(s.id, s);
      }
    }
  }
  return out;
}

/** Text that points outside the repository's standing sources (a private digest and its codes). */
const PRIVATE = /digest|fetch-cors|\.\.\/shared|shared\/|\b(?:D|H|Q|PC|PV|RD|MF|OH)\d{1,2}\b/;

/** Trackers a bug citation may point to. */
const TRACKERS =
  /^https:\/\/(crbug\.com\/|issues\.chromium\.org\/|bugs\.chromium\.org\/|bugzilla\.mozilla\.org\/show_bug\.cgi\?id=\d+|bugs\.webkit\.org\/show_bug\.cgi\?id=\d+|gitlab\.gnome\.org\/GNOME\/libsoup\/|github\.com\/whatwg\/)/;

/** Where each engine keeps its own WPT expectations. */
const WPT_PREFIX: Record<string, RegExp> = {
  chromium: /^third_party\/blink\/web_tests\/.*(-expected\.txt|TestExpectations)$/,
  firefox: /^testing\/web-platform\/meta\/.*\.ini$/,
  webkit: /^LayoutTests\/(imported\/w3c\/.*-expected\.txt|TestExpectations|platform\/.*)$/,
};

function citationProblems(engine: string, c: Citation): string[] {
  if ('source' in c) {
    const ok = c.source !== '' && !c.source.startsWith('/') && !/^https?:/.test(c.source);
    return ok && c.symbol.trim() !== '' ? [] : [`source citation needs a repo path and a symbol`];
  }
  if ('bug' in c) return TRACKERS.test(c.bug) ? [] : [`bug ${c.bug} is not a tracker URL`];
  const prefix = WPT_PREFIX[engine];
  if (prefix === undefined || !prefix.test(c.wpt))
    return [`${c.wpt} is not ${engine}'s WPT expectation file`];
  return c.test.trim() === '' ? ['a WPT citation names its test'] : [];
}

function evidenceProblems(engine: string, e: Evidence): string[] {
  const texts = JSON.stringify(e);
  const out: string[] = [];
  if (PRIVATE.test(texts)) out.push('cites a document outside the repository');
  if (/\bTODO\b/.test(texts)) out.push('has a TODO');
  if (e.status === 'evidenced') {
    if (e.upstream.length === 0) out.push('evidenced without an upstream citation');
    for (const c of e.upstream) out.push(...citationProblems(engine, c));
  } else if (e.observed.trim() === '' || e.searched.trim() === '') {
    out.push('unconfirmed evidence says what was observed and where we searched');
  }
  return out;
}

test('every knob that departs from the spec has evidence, and evidence names such a knob', () => {
  const problems: string[] = [];
  for (const f of ALL) {
    for (const knob of Object.keys(SPEC) as (KnobName | 'name')[]) {
      if (knob === 'name') continue;
      const differs = JSON.stringify(f.profile[knob]) !== JSON.stringify(SPEC[knob]);
      const fact = f.knobs[knob];
      if (differs && fact === undefined) problems.push(`${f.engine}.${knob}: no evidence`);
      if (!differs && fact !== undefined)
        problems.push(`${f.engine}.${knob}: evidence for a knob at the spec's value`);
      if (fact !== undefined)
        for (const p of evidenceProblems(f.engine, fact.evidence))
          problems.push(`${f.engine}.${knob}: ${p}`);
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('rules: unique kebab ids, followable evidence, valid version ranges', () => {
  const problems: string[] = [];
  for (const f of ALL) {
    const ids = new Set<string>();
    for (const r of f.rules) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.id))
        problems.push(`${f.engine}/${r.id}: not kebab-case`);
      if (ids.has(r.id)) problems.push(`${f.engine}/${r.id}: duplicate id`);
      ids.add(r.id);
      if (r.fields.length === 0) problems.push(`${f.engine}/${r.id}: no fields`);
      if (PRIVATE.test(r.reason) || /\bTODO\b/.test(r.reason))
        problems.push(`${f.engine}/${r.id}: reason cites outside sources or says TODO`);
      for (const p of evidenceProblems(f.engine, r.evidence))
        problems.push(`${f.engine}/${r.id}: ${p}`);
      if (r.versions !== undefined) {
        try {
          parseVersionRange(r.versions);
        } catch (e) {
          problems.push(`${f.engine}/${r.id}: ${(e as Error).message}`);
        }
      }
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

/** The scenarios a rule cites, by where they come from. */
function examples(
  rule: DeviationRule,
  rows: Map<string, Scenario>,
): { label: string; scenario: Scenario | null }[] {
  return [
    ...(rule.rows ?? []).map((id) => ({ label: `row ${id}`, scenario: rows.get(id) ?? null })),
    ...(rule.replays ?? []).map((replay) => {
      const { seed, path } = parseReplay(replay);
      return { label: `replay ${replay}`, scenario: scenarioAt(seed, path) };
    }),
  ];
}

/** Fields where the engine's prediction already differs from the spec's: a knob's work. */
function knobFields(f: EngineFacts, s: Scenario): Set<string> {
  const mine = predict(s, { engine: f.profile });
  const spec = predict(s, { engine: SPEC });
  const cookies = (s.setup?.cookies ?? []).length > 0;
  return new Set(compare(spec, mine, { cookies }).map((d) => diffStep(d.field).name));
}

test('every rule cites suite rows or replays, matches each, and does not duplicate a knob', async () => {
  test.setTimeout(120_000);
  const rows = await suiteScenarios();
  expect(rows.size, 'the suite tables were found').toBeGreaterThan(0);
  const problems: string[] = [];
  for (const f of ALL) {
    for (const r of f.rules) {
      const cited = examples(r, rows);
      if (cited.length === 0)
        problems.push(`${f.engine}/${r.id}: cites no suite row and no replay`);
      for (const { label, scenario } of cited) {
        if (scenario === null) {
          problems.push(`${f.engine}/${r.id}: ${label} is no scenario of any suite`);
          continue;
        }
        if (!ruleMatchesScenario(r, scenario)) {
          problems.push(`${f.engine}/${r.id}: ${label} is a scenario the rule does not match`);
          continue;
        }
        const dup = r.fields.filter((field) => knobFields(f, scenario).has(field));
        if (dup.length > 0)
          problems.push(
            `${f.engine}/${r.id}: on ${label} a knob already moves ${dup.join(', ')}: the rule duplicates it`,
          );
      }
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

// Fetch Metadata is compared as the trail of every request on the wire, so a rule that adds or
// removes a request (a preflight, the request itself) changes that trail whenever some request
// of the case goes to an https URL.
test('a rule that changes which requests are sent lets Fetch Metadata differ too', () => {
  const problems: string[] = [];
  for (const f of ALL)
    for (const r of f.rules)
      if (
        r.fields.some((x) => x === 'preflight' || x === 'actualSent') &&
        !r.fields.includes('secFetch')
      )
        problems.push(`${f.engine}/${r.id}: lists preflight or actualSent but not secFetch`);
  expect(problems, problems.join('\n')).toEqual([]);
});

test('every suite row where an engine departs from the spec names a knob', async () => {
  test.setTimeout(120_000);
  const rows = await suiteScenarios();
  const problems: string[] = [];
  for (const f of ALL) {
    for (const [id, s] of rows) {
      const mine = predict(s, { engine: f.profile });
      const theirs = predict(s, { engine: SPEC });
      const diffs = compare(theirs, mine, { cookies: (s.setup?.cookies ?? []).length > 0 });
      if (diffs.length > 0 && profileKnobs(mine).length === 0)
        problems.push(
          `${f.engine}: ${id} departs from the spec in ${diffs.map((d) => d.field).join(', ')} without naming a knob`,
        );
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('matchers: a step-bound matcher holds only for that step', () => {
  const s: Scenario = { request: { method: 'PUT' }, then: { request: { method: 'DELETE' } } };
  expect(matcherHolds({ request: { method: ['DELETE'] } }, s, 1)).toBe(true);
  expect(matcherHolds({ request: { method: ['DELETE'] } }, s, 0)).toBe(false);
  expect(matcherHolds({ step: 'first' }, s, 1)).toBe(false);
});
