import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { EngineInfo, EngineMissing } from '../../harness/engines/types.js';
import type { CliIo } from '../io.js';
import type { RunDeps } from './run.js';
import { availableSuites, runRun } from './run.js';

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: () => Promise.resolve(''),
    readFile: () => Promise.reject(new Error('unused')),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const found = (browser: 'chromium' | 'firefox'): EngineInfo => ({
  browser,
  version: '1.0',
  executable: `/usr/bin/${browser}`,
  driver: 'playwright',
  source: 'system',
  hostNames: true,
});
const webkitMissing: EngineMissing = {
  browser: 'webkit',
  reason: 'no webkit found',
  fix: 'apt-get install -y webkit2gtk-driver xvfb',
};

let root = '';
test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cc-run-'));
  for (const s of ['smoke', 'redirects']) {
    await mkdir(join(root, 'suites', s), { recursive: true });
    await writeFile(join(root, 'suites', s, `${s}.spec.ts`), '');
  }
  await mkdir(join(root, 'suites', 'expectations'));
});
test.afterAll(async () => {
  await rm(root, { recursive: true });
});

/** Deps whose "playwright" writes `results` (or nothing) and exits with `code`. */
function deps(results: { drift: string[]; cases: unknown[] } | null, code = 0) {
  const calls: { args: string[]; env: NodeJS.ProcessEnv }[] = [];
  const d: RunDeps = {
    detect: () => Promise.resolve([found('chromium'), found('firefox'), webkitMissing]),
    spawnNode: async (args, _cwd, env) => {
      calls.push({ args, env });
      if (results !== null) {
        const dir = env.CORS_REPORT_DIR ?? '';
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, 'results.json'), JSON.stringify(results));
      }
      return code;
    },
    root,
    cwd: root,
    env: {},
  };
  return { d, calls };
}

test('suites are the folders holding a spec file', () => {
  expect(availableSuites(root)).toEqual(['redirects', 'smoke']);
});

test('run: playwright test with this config, the engines found, the suites; exit 0 without drift', async () => {
  const m = memoryIo();
  const { d, calls } = deps({ drift: [], cases: [{}] });
  expect(await runRun(['--suite', 'smoke', '--shard', '1/2', '--out', 'out'], m.io, d)).toBe(0);
  const [call] = calls;
  expect(call?.args.slice(1)).toEqual([
    'test',
    'suites/smoke/',
    '--config',
    join(root, 'playwright.config.ts'),
    '--project',
    'chromium',
    '--project',
    'firefox',
    '--shard',
    '1/2',
  ]);
  expect(call?.args[0]).toMatch(/@playwright[/\\]test[/\\]cli\.js$/);
  expect(call?.env.CORS_REPORT_DIR).toBe(join(root, 'out'));
  expect(call?.env.CORS_ENGINES).toBe('chromium,firefox,webkit');
  expect(JSON.parse(call?.env.CORS_ENGINE_DETECTION ?? '[]')).toHaveLength(3);
  expect(m.out()).toContain('webkit: skipped, not available (no webkit found; fix: apt-get');
});

test('run: drift exits 1; a run without results exits 3', async () => {
  const drift = memoryIo();
  expect(await runRun([], drift.io, deps({ drift: ['a@chromium'], cases: [{}] }, 1).d)).toBe(1);
  const failedOutside = memoryIo();
  expect(await runRun([], failedOutside.io, deps({ drift: [], cases: [{}] }, 1).d)).toBe(1);
  expect(failedOutside.err()).toContain('no scenario drifted');
  const none = memoryIo();
  expect(await runRun(['--out', 'none'], none.io, deps(null, 1).d)).toBe(3);
  expect(none.err()).toMatch(
    /^the run produced no results \(.*results.json missing or empty; playwright exited 1\)\n$/,
  );
});

test('run: only the engines asked for; none available is one line naming npm run browsers, exit 3', async () => {
  const m = memoryIo();
  const { d, calls } = deps({ drift: [], cases: [{}] });
  expect(await runRun(['--engine', 'firefox'], m.io, d)).toBe(0);
  expect(calls[0]?.args.filter((a, i, all) => all[i - 1] === '--project')).toEqual(['firefox']);
  expect(m.out()).not.toContain('webkit');
  const w = memoryIo();
  const only = deps(null);
  expect(await runRun(['--engine', 'webkit'], w.io, only.d)).toBe(3);
  expect(w.err()).toBe(
    'no browser engine available: run `npm run browsers` (then `npx cors-conformance doctor`)\n',
  );
  expect(only.calls).toEqual([]);
});

test('run: usage errors exit 2 with one line', async () => {
  const cases: [string[], RegExp][] = [
    [['--engine', 'safari'], /^--engine: safari is no engine/],
    [['--suite', 'nope'], /^--suite: no suite nope \(suites: redirects, smoke\)/],
    [['--shard', '3/2'], /^--shard: must be i\/n/],
    [['--workers', 'x'], /^--workers: must be a positive number/],
    [['--bogus'], /unknown option/],
  ];
  for (const [argv, message] of cases) {
    const m = memoryIo();
    expect(await runRun(argv, m.io, deps(null).d), argv.join(' ')).toBe(2);
    expect(m.err()).toMatch(message);
    expect(m.err().trim().split('\n')).toHaveLength(1);
  }
});
