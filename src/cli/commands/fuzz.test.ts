import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { CliIo } from '../io.js';
import { parseDuration } from '../flags.js';
import { runFuzzCommand } from './fuzz.js';

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
    [['--engine', 'safari'], /^--engine: must be one or more of chromium, firefox, webkit, model/],
    [['--runs', '0'], /^--runs: must be a positive whole number/],
    [['--runs', '5', '--time', '1m'], /^--runs and --time: give one of them/],
    [['--time', 'soon'], /^--time: use a duration like 90s/],
    [['--replay', 'abc'], /^--replay: replay "abc": SEED must be an integer/],
    [['--replay', '1:x'], /^--replay: replay "1:x": PATH must be numbers/],
    [['--replay', '1:2', '--seed', '3'], /^--replay: it names seed and case itself/],
    [
      ['--fault', 'nope', '--engine', 'model'],
      /^--fault \/ CORS_MODEL_FAULT: unknown model fault "nope"/,
    ],
    [['--seed', '1.5'], /^--seed: must be an integer/],
  ];
  for (const [argv, message] of cases) {
    test(argv.join(' '), async () => {
      const m = memoryIo();
      expect(await runFuzzCommand(argv, m.io)).toBe(2);
      expect(m.stderr()).toMatch(message);
      expect(m.stderr().trim().split('\n')).toHaveLength(1);
      expect(m.stdout()).toBe('');
    });
  }
});

test('durations', () => {
  expect(parseDuration('90')).toBe(90_000);
  expect(parseDuration('90s')).toBe(90_000);
  expect(parseDuration('10m')).toBe(600_000);
  expect(parseDuration('1h')).toBe(3_600_000);
});

test('the true model against itself: exit 0, a summary line with the seed', async () => {
  const m = memoryIo();
  expect(await runFuzzCommand(['--engine', 'model', '--seed', '5', '--runs', '300'], m.io)).toBe(0);
  expect(m.stdout()).toMatch(/^model:spec: 300 scenarios \(seed 5\) .* 0 unexplained/);
  expect(m.stderr()).toContain('replay any case with --replay 5:<path>');
});

test('an injected model fault: exit 1, a shrunk finding whose replay command reproduces it', async () => {
  const out = await mkdtemp(join(tmpdir(), 'fuzz-cli-'));
  try {
    const m = memoryIo();
    const argv = ['--engine', 'model', '--seed', '5', '--runs', '300', '--shrink', '1'];
    const code = await runFuzzCommand([...argv, '--fault', 'acrh-unsorted', '--out', out], m.io);
    expect(code).toBe(1);
    const replay =
      /replay: npx cors-conformance fuzz --engine model --fault acrh-unsorted --replay (\S+)/.exec(
        m.stdout(),
      );
    expect(replay?.[1]).toMatch(/^5:\d+(:\d+)+$/);
    const dirs = await readdir(out);
    expect(dirs).toHaveLength(1);
    const files = await readdir(join(out, dirs[0] ?? ''));
    expect(files.sort()).toEqual(['README.md', 'repro.html', 'scenario.json', 'server.mjs']);
    expect(await readFile(join(out, dirs[0] ?? '', 'README.md'), 'utf8')).toContain(replay?.[1]);

    const again = memoryIo();
    const args = ['--engine', 'model', '--replay', replay?.[1] ?? '', '--fault', 'acrh-unsorted'];
    expect(await runFuzzCommand(args, again.io)).toBe(1);
    expect(again.stdout()).toMatch(/^model:spec: fail\n {2}acrh: model/);
    // Without the fault the same case agrees with the model.
    const clean = memoryIo();
    expect(
      await runFuzzCommand(['--engine', 'model', '--replay', replay?.[1] ?? ''], clean.io),
    ).toBe(0);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
