import { expect, test } from '@playwright/test';
import type { CliIo } from '../io.js';
import { runUpdateExpectations } from './update-expectations.js';

function memory(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIo = {
    readStdin: () => Promise.resolve(''),
    readFile: (p) =>
      files[p] === undefined
        ? Promise.reject(Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' }))
        : Promise.resolve(files[p]),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  };
  const deps = {
    dir: '/exp',
    writeFile: (p: string, t: string) => {
      written[p] = t;
      return Promise.resolve();
    },
  };
  return { io, deps, written, out: () => out.join(''), err: () => err.join('') };
}

const RESULTS = JSON.stringify({
  engines: ['chromium', 'firefox'],
  cases: [
    {
      id: 'a/new',
      engine: 'chromium',
      verdict: 'fail',
      diffs: [{ field: 'acrh', predicted: null, observed: 'x' }],
    },
    { id: 'a/old', engine: 'firefox', verdict: 'unexpected-pass', diffs: [] },
  ],
});

test('update-expectations: writes each engine file and prints the changes', async () => {
  const m = memory({
    'reports/results.json': RESULTS,
    '/exp/firefox.json': JSON.stringify({ 'a/old': { reason: 'r', evidence: 'e' } }),
  });
  expect(await runUpdateExpectations([], m.io, m.deps)).toBe(0);
  expect(JSON.parse(m.written['/exp/chromium.json'] ?? '')).toEqual({
    'a/new': { reason: 'TODO', evidence: 'TODO', fields: ['acrh'] },
  });
  expect(m.written['/exp/firefox.json']).toBe('{}\n');
  expect(m.out()).toContain('chromium.json: 1 change\n  + a/new: new failure, differs in acrh');
  expect(m.out()).toContain('firefox.json: 1 change\n  - a/old: now matches the spec');
});

test('update-expectations: --engine narrows, --dry-run writes nothing', async () => {
  const m = memory({ 'r.json': RESULTS });
  expect(
    await runUpdateExpectations(
      ['--from', 'r.json', '--engine', 'chromium', '--dry-run'],
      m.io,
      m.deps,
    ),
  ).toBe(0);
  expect(m.written).toEqual({});
  expect(m.out()).toContain('+ a/new');
  expect(m.out()).not.toContain('firefox');
});

test('update-expectations: usage errors are one line, exit 2', async () => {
  const cases: [string[], Record<string, string>, RegExp][] = [
    [[], {}, /^reports\/results.json: no such file: run `npm run conformance` first\n$/],
    [['--from', 'x.json'], { 'x.json': '{' }, /^x.json: invalid JSON/],
    [['--from', 'x.json'], { 'x.json': '[]' }, /not a cors-conformance results.json/],
    [
      ['--engine', 'webkit'],
      { 'reports/results.json': RESULTS },
      /--engine: webkit is not in reports\/results.json \(it has chromium, firefox\)/,
    ],
  ];
  for (const [argv, files, message] of cases) {
    const m = memory(files);
    expect(await runUpdateExpectations(argv, m.io, m.deps)).toBe(2);
    expect(m.err()).toMatch(message);
    expect(m.err().trim().split('\n')).toHaveLength(1);
  }
});
