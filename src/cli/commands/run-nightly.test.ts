// `run`'s nightly options: --blob (a blob report for merging shards), --baseline (drift since
// an earlier run decides the exit code), side-by-side build projects.
import { emptyVerdictCounts } from '../../harness/verdict.js';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { EngineInfo } from '../../harness/engines/types.js';
import { buildHistoryRecord, type RunResults } from '../../report/history.js';
import type { CliIo } from '../io.js';
import type { RunDeps } from './run.js';
import { runRun } from './run.js';

function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readStdin: () => Promise.resolve(''),
    readFile: (p) => readFile(p, 'utf8'),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const chromium: EngineInfo = {
  browser: 'chromium',
  version: '156.0.8078.108',
  executable: '/usr/bin/chromium',
  driver: 'playwright',
  source: 'system',
  hostNames: true,
};
const counts = emptyVerdictCounts();

/** A results.json where `a/y` fails with `status` observed (or passes when null). */
function results(status: number | null) {
  const fail = status !== null;
  return {
    format: 'cors-conformance-results',
    engines: ['chromium'],
    totals: { chromium: { ...counts, pass: fail ? 1 : 2, fail: fail ? 1 : 0 } },
    drift: fail ? ['a/y@chromium'] : [],
    cases: [
      { key: 'a/x@chromium', id: 'a/x', engine: 'chromium', verdict: 'pass', diffs: [] },
      {
        key: 'a/y@chromium',
        id: 'a/y',
        engine: 'chromium',
        verdict: fail ? 'fail' : 'pass',
        diffs: fail ? [{ field: 'status', predicted: 200, observed: status }] : [],
      },
    ],
  };
}

let root = '';
test.beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cc-run-nightly-'));
  await mkdir(join(root, 'suites', 'smoke'), { recursive: true });
  await writeFile(join(root, 'suites', 'smoke', 'smoke.spec.ts'), '');
});
test.afterAll(async () => {
  await rm(root, { recursive: true });
});

function deps(written: unknown, env: NodeJS.ProcessEnv = {}) {
  const calls: { args: string[]; env: NodeJS.ProcessEnv }[] = [];
  const d: RunDeps = {
    detect: () => Promise.resolve([chromium]),
    spawnNode: async (args, _cwd, e) => {
      calls.push({ args, env: e });
      const dir = e.CORS_REPORT_DIR ?? '';
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'results.json'), JSON.stringify(written));
      return 0;
    },
    root,
    config: join(root, 'config.js'),
    suites: () => Promise.resolve(['smoke']),
    cwd: root,
    env,
  };
  return { d, calls };
}

test('--blob asks the config for a blob report in that folder', async () => {
  const m = memoryIo();
  const { d, calls } = deps(results(null));
  expect(await runRun(['--shard', '2/2', '--blob', 'blob-report'], m.io, d)).toBe(0);
  expect(calls[0]?.env.CORS_BLOB_DIR).toBe(join(root, 'blob-report'));
  expect(calls[0]?.args).toContain('2/2');
});

test('--baseline: a failure both times is no drift (0); a planted change is (1)', async () => {
  const baseline = join(root, 'yesterday.json');
  await writeFile(baseline, JSON.stringify(results(500)));

  let m = memoryIo();
  expect(await runRun(['--out', 'same', '--baseline', baseline], m.io, deps(results(500)).d)).toBe(
    0,
  );
  expect(m.out()).toContain(`drift since ${baseline}: none`);

  m = memoryIo();
  expect(await runRun(['--out', 'changed', '--baseline', baseline], m.io, deps(results(0)).d)).toBe(
    1,
  );
  expect(m.out()).toContain('a/y@chromium (fail): was status=500; now status=0');
  const drift = JSON.parse(await readFile(join(root, 'changed', 'drift.json'), 'utf8')) as {
    exitCode: number;
    changedReasons: { key: string }[];
  };
  expect(drift.exitCode).toBe(1);
  expect(drift.changedReasons.map((i) => i.key)).toEqual(['a/y@chromium']);
});

test('--baseline that cannot be read: exit 2 before anything runs', async () => {
  const m = memoryIo();
  const { d, calls } = deps(results(null));
  expect(await runRun(['--baseline', 'nowhere.json'], m.io, d)).toBe(2);
  expect(m.err()).toBe('--baseline nowhere.json: cannot read the baseline: no such file\n');
  expect(calls).toHaveLength(0);
});

test('CORS_ENGINE_BUILDS=all selects every build project of an engine', async () => {
  const m = memoryIo();
  const { d, calls } = deps(results(null), { CORS_ENGINE_BUILDS: 'all' });
  expect(await runRun([], m.io, d)).toBe(0);
  const args = calls[0]?.args ?? [];
  expect(args[args.indexOf('--project') + 1]).toBe('chromium*');
});

test('with a history beside the reports, run shows the drift since its newest record', async () => {
  const out = join(root, 'with-history');
  await mkdir(join(out, 'history'), { recursive: true });
  const record = buildHistoryRecord(results(500) as RunResults, {
    id: 'n1',
    time: '2026-11-25T02:00:00.000Z',
    frameworks: {},
    modelSpecCommit: null,
  });
  await writeFile(join(out, 'history', 'n1.json'), JSON.stringify(record));
  const m = memoryIo();
  // The exit code stays the expectation files' (a fail is drift there).
  expect(await runRun(['--out', out], m.io, deps(results(0)).d)).toBe(1);
  expect(m.out()).toContain('drift since run n1 (2026-11-25T02:00:00.000Z): 0 new failures');
  expect(m.out()).toContain('was status=500; now status=0');
  const drift = JSON.parse(await readFile(join(out, 'drift.json'), 'utf8')) as { exitCode: number };
  expect(drift.exitCode).toBe(1);

  const plain = memoryIo();
  expect(await runRun(['--out', 'no-history'], plain.io, deps(results(null)).d)).toBe(0);
  expect(plain.out()).not.toContain('drift since');
});
