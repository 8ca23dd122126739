import { expect, test } from '@playwright/test';
import type { CliIo } from '../io.js';
import { runSuggestRules } from './suggest-rules.js';

function memory(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: () => Promise.resolve(''),
    readFile: (p) =>
      files[p] === undefined
        ? Promise.reject(Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' }))
        : Promise.resolve(files[p]),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const RESULTS = JSON.stringify({
  engines: ['chromium', 'firefox'],
  cases: [
    {
      id: 'a/new',
      engine: 'chromium',
      verdict: 'fail',
      diffs: [{ field: 'acrh', predicted: null, observed: 'x' }],
      scenario: { id: 'a/new', request: { method: 'put', headers: { 'X-A': '1' } } },
    },
    {
      id: 'a/old',
      engine: 'firefox',
      verdict: 'unexpected-pass',
      diffs: [],
      note: 'rule r lists this row',
    },
  ],
});

test('suggest-rules: stale rows and candidate rules per engine, nothing written', async () => {
  const m = memory({ 'reports/results.json': RESULTS });
  expect(await runSuggestRules([], m.io)).toBe(0);
  const out = m.out();
  expect(out).toContain('chromium: src/engine-facts/chromium.ts\n  candidate rule for a/new:');
  expect(out).toMatch(/"fields": \[\s*"acrh"\s*\]/);
  expect(out).toMatch(/"method": \[\s*"PUT"\s*\]/);
  expect(out).toContain('"reason": "TODO"');
  expect(out).toContain(
    'firefox: src/engine-facts/firefox.ts\n  stale row a/old: rule r lists this row',
  );
});

test('suggest-rules: --engine narrows; bad input is one line and exit 2', async () => {
  const m = memory({ 'r.json': RESULTS });
  expect(await runSuggestRules(['--from', 'r.json', '--engine', 'firefox'], m.io)).toBe(0);
  expect(m.out()).not.toContain('chromium');
  const missing = memory({});
  expect(await runSuggestRules([], missing.io)).toBe(2);
  expect(missing.err()).toMatch(/reports\/results.json: cannot read a run's results: no such file/);
  const other = memory({ 'r.json': RESULTS });
  expect(await runSuggestRules(['--from', 'r.json', '--engine', 'webkit'], other.io)).toBe(2);
  expect(other.err()).toMatch(/--engine: webkit is not in r.json/);
  const bad = memory({ 'r.json': '{' });
  expect(await runSuggestRules(['--from', 'r.json'], bad.io)).toBe(2);
  expect(bad.err()).toMatch(/^r.json: invalid JSON: /);
});
