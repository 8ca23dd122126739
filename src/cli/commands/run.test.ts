import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { EngineInfo, EngineMissing } from '../../harness/engines/types.js';
import type { CliIo } from '../io.js';
import type { RunDeps } from './run.js';
import { runRun } from './run.js';

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: () => Promise.resolve(''),
    readFile: (path) => readFile(path, 'utf8'),
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
    config: join(root, 'packaged.config.js'),
    suites: () => Promise.resolve(['redirects', 'smoke']),
    cwd: root,
    env: {},
  };
  return { d, calls };
}

test('run: playwright test with the packaged config, the engines found, the suites; exit 0 without drift', async () => {
  const m = memoryIo();
  const { d, calls } = deps({ drift: [], cases: [{}] });
  expect(await runRun(['--suite', 'smoke', '--shard', '1/2', '--out', 'out'], m.io, d)).toBe(0);
  const [call] = calls;
  expect(call?.args.slice(1)).toEqual([
    'test',
    '--config',
    join(root, 'packaged.config.js'),
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
  expect(call?.env.CORS_SUITES).toBe('smoke');
  expect(call?.env.CORS_USER_SCENARIOS).toBeUndefined();
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

test('run FILE|DIR|GLOB: the files instead of the suites, ids filled in, side by side after', async () => {
  const dir = join(root, 'mine');
  await mkdir(join(dir, 'more'), { recursive: true });
  const put = { request: { method: 'PUT', target: 'cross-origin' } };
  await writeFile(join(dir, 'one.json'), JSON.stringify(put));
  await writeFile(join(dir, 'more', 'two.json'), JSON.stringify([{ ...put, id: 'x/two' }, put]));
  await writeFile(join(dir, 'notes.txt'), 'not a scenario');
  const observed = { preflight: false, outcome: 'network-error' };
  const predicted = { preflight: true, outcome: 'network-error' };
  const results = {
    drift: ['x/two@chromium'],
    cases: [
      {
        id: 'x/two',
        engine: 'chromium',
        verdict: 'fail',
        prediction: predicted,
        specPrediction: predicted,
        observation: observed,
        diffs: [{ field: 'preflight' }],
      },
    ],
  };
  for (const args of [['mine'], ['mine/**/*.json'], ['mine/one.json', 'mine/more/two.json']]) {
    const m = memoryIo();
    let scenarios: { name: string; scenarios: { id: string }[] }[] = [];
    const { d, calls } = deps(results, 1);
    const spawn = d.spawnNode.bind(d);
    d.spawnNode = async (a, cwd, env) => {
      scenarios = JSON.parse(await readFile(env.CORS_USER_SCENARIOS ?? '', 'utf8')) as never;
      return spawn(a, cwd, env);
    };
    expect(await runRun(['--engine', 'chromium', ...args], m.io, d), args.join(' ')).toBe(1);
    expect(calls[0]?.env.CORS_SUITES).toBeUndefined();
    const ids = scenarios.flatMap((t) => t.scenarios.map((s) => s.id));
    // A folder and a glob go in path order; files named one by one in the order given.
    const inOrder = ['x/two', 'two.json#1', 'one.json#0'];
    expect(ids).toEqual(
      args.length === 2 ? [...inOrder.slice(2), ...inOrder.slice(0, 2)] : inOrder,
    );
    expect(m.out()).toContain('x/two: chromium fail');
    expect(m.out()).toMatch(/\* preflight\s+true\s+true\s+false/);
    expect(m.out()).toContain('chromium differs from its profile in preflight');
    expect(m.out()).toContain('two.json#1: no result (did not run)');
  }
});

test('run FILE: a bad file, a missing one, a glob matching nothing or --suite with files: one line, exit 2', async () => {
  await writeFile(join(root, 'bad.json'), '{"request":{"mode":"nocors"}}');
  const cases: [string[], RegExp][] = [
    [['bad.json'], /^bad\.json: \$\.request\.mode: must be one of/],
    [['nothere.json'], /^nothere\.json: no such file or folder/],
    [['nope/*.json'], /^nope\/\*\.json: no file matches/],
    [['--suite', 'smoke', 'bad.json'], /^--suite: runs the suites; scenario files run instead/],
  ];
  for (const [argv, message] of cases) {
    const m = memoryIo();
    const { d, calls } = deps(null);
    expect(await runRun(argv, m.io, d), argv.join(' ')).toBe(2);
    expect(m.err()).toMatch(message);
    expect(m.err().trim().split('\n')).toHaveLength(1);
    expect(calls).toEqual([]);
  }
});
