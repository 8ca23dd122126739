// `frameworks`: usage errors, and the maintainer's entry point `--adapter` run end to end with
// the example adapter (clean, then with its deliberate bug: exit 1, a shrunk case, a
// reproduction on disk, and a replay of it).
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { CliIo } from '../io.js';
import { runFrameworks } from './frameworks.js';

const ADAPTER = 'examples/frameworks/my-adapter.mjs';

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: () => Promise.resolve(''),
    readFile: () => Promise.reject(new Error('no files')),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

test.describe('usage errors: exit 2 and one line', () => {
  const cases: [string[], RegExp][] = [
    [['--runs', '0'], /^--runs: must be a positive whole number/],
    [['--runs', '5', '--time', '1m'], /^--runs and --time: give one of them/],
    [['--time', 'soon'], /^--time: use a duration like 90s/],
    [['--replay', '1:x'], /^--replay: replay "1:x": PATH must be numbers/],
    [['--replay', '1:2', '--runs', '3'], /^--replay: it names seed and case itself/],
    [['--seed', 'x'], /^--seed: must be an integer/],
    [
      ['--only', 'express'],
      /^--only: "express" is not a built-in adapter \(known: express\+cors@2\.8\.6/,
    ],
    [['--only', 'hono@4.13.19', '--adapter', ADAPTER], /^--adapter and --only/],
    [['--adapter', 'nope.mjs'], /^--adapter nope\.mjs: cannot load it/],
    [['--policy', 'p.json', '--runs', '5'], /^--policy and --runs/],
    [['--engine', 'safari'], /^--engine: must be one of chromium, firefox, webkit/],
    [['--format', 'xml'], /^--format: must be text or json/],
  ];
  for (const [argv, message] of cases) {
    test(argv.join(' '), async () => {
      const m = memoryIo();
      expect(await runFrameworks(argv, m.io)).toBe(2);
      expect(m.stderr()).toMatch(message);
      expect(m.stderr().trim().split('\n')).toHaveLength(1);
      expect(m.stdout()).toBe('');
    });
  }
});

test('--adapter with a module that exports no adapter: exit 2, one line', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cors-conformance-not-an-adapter-'));
  try {
    const file = join(dir, 'not-an-adapter.mjs');
    await writeFile(file, 'export default { answer: 42 };\n');
    const m = memoryIo();
    expect(await runFrameworks(['--adapter', file], m.io)).toBe(2);
    expect(m.stderr()).toMatch(
      /: the default export must be an adapter \{ name, start\(policy\) \}/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('--adapter with a TypeScript module: transpiled next to itself, run, the copy removed', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cors-conformance-ts-adapter-'));
  try {
    const file = join(dir, 'adapter.ts');
    const example = join(process.cwd(), ADAPTER);
    await writeFile(
      file,
      `import example from ${JSON.stringify(example)};\nconst name: string = 'ts-adapter';\nexport default { ...example, name };\n`,
    );
    const m = memoryIo();
    const code = await runFrameworks(
      ['--adapter', file, '--runs', '10', '--seed', '1', '--no-browser'],
      m.io,
    );
    expect(code, m.stdout() + m.stderr()).toBe(0);
    expect(m.stdout()).toMatch(/^ts-adapter +\d+ /m);
    expect(await readdir(dir)).toEqual(['adapter.ts']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.describe('--adapter: a middleware that is not built in', () => {
  test.describe.configure({ mode: 'serial' });
  let out: string;
  test.beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'cors-conformance-frameworks-'));
  });
  test.afterAll(async () => {
    delete process.env['CORS_EXAMPLE_BUG'];
    await rm(out, { recursive: true, force: true });
  });

  test('the example adapter agrees with the intent on every generated case: exit 0', async () => {
    const m = memoryIo();
    const code = await runFrameworks(
      ['--adapter', ADAPTER, '--seed', '3', '--runs', '60', '--no-browser', '--json', '--out', out],
      m.io,
    );
    const report = JSON.parse(m.stdout()) as {
      seed: number;
      runs: number;
      adapters: { adapter: string; run: number; skipped: number; disagreeing: number }[];
      findings: unknown[];
    };
    expect(code, m.stdout()).toBe(0);
    expect(report).toMatchObject({ seed: 3, runs: 60, findings: [] });
    expect(report.adapters).toHaveLength(1);
    expect(report.adapters[0]).toMatchObject({ adapter: 'my-middleware', disagreeing: 0 });
    expect(report.adapters[0]?.run).toBeGreaterThan(30);
    // What it cannot express is skipped and counted, not failed.
    expect(report.adapters[0]?.skipped).toBeGreaterThan(0);
    expect(m.stderr()).toMatch(
      /^frameworks: seed 3, 1 adapter; replay a case with --replay 3:<path>$/m,
    );
  });

  test('with its bug the suite finds it, shrinks it, writes the reproduction and replays it', async () => {
    process.env['CORS_EXAMPLE_BUG'] = 'reflect-with-credentials';
    const m = memoryIo();
    const code = await runFrameworks(
      ['--adapter', ADAPTER, '--seed', '3', '--runs', '30', '--no-browser', '--out', out],
      m.io,
    );
    expect(code).toBe(1);
    const text = m.stdout();
    expect(text).toMatch(
      /^\[my-middleware\] too-permissive: page JS reads a response the policy denies it$/m,
    );
    const replay = /--replay (\d+:[\d:]+) --adapter examples\/frameworks\/my-adapter\.mjs/.exec(
      text,
    )?.[1];
    expect(replay).toBeDefined();
    const dirs = await readdir(out);
    expect(dirs).toContain('my-middleware--too-permissive--3-2');
    const dir = join(out, 'my-middleware--too-permissive--3-2');
    expect((await readdir(dir)).sort()).toEqual(
      ['README.md', 'case.json', 'config.json', 'curl.sh', 'exchange.http'].sort(),
    );
    const exchange = await readFile(join(dir, 'exchange.http'), 'utf8');
    expect(exchange).toMatch(/^Access-Control-Allow-Origin: https:\/\/[^\r]+\r$/m);
    const r = memoryIo();
    expect(await runFrameworks(['--replay', replay ?? '', '--adapter', ADAPTER], r.io)).toBe(1);
    expect(r.stdout()).toMatch(/^\[my-middleware\] $/m);
    expect(r.stdout()).toMatch(/too-permissive \(probe \d\): /);
    expect(r.stdout()).toMatch(/^HTTP\/1\.1 200\r$/m);
  });
});
