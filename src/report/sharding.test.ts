// The nightly job's scale-out, proven on a small scale: `run --shard 1/2` and `2/2` with blob
// reports, merged by `playwright merge-reports` with our reporter (src/report/merge.config.ts),
// give the same matrix as one unsharded run. Chromium only, two small suites (two test
// groups, so each shard gets one).
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findEngine, isMissing } from '../harness/engines/detect.js';
import type { CliIo } from '../cli/io.js';
import { defaultRunDeps, playwrightCli, runRun } from '../cli/commands/run.js';
import { packageRoot } from './paths.js';
import type { ReportData } from './report-data.js';
import { matrixOf } from './report-data.js';

const SUITES = 'smoke,xhr';

/** The environment without what the outer Playwright run set for its own workers. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(TEST_|PW_|PLAYWRIGHT_|CORS_)/.test(k)) continue;
    env[k] = v;
  }
  return env;
}

function quietIo(): CliIo & { text: () => string } {
  const chunks: string[] = [];
  return {
    readStdin: () => Promise.resolve(''),
    readFile: (p) => readFile(p, 'utf8'),
    stdout: (t) => void chunks.push(t),
    stderr: (t) => void chunks.push(t),
    text: () => chunks.join(''),
  };
}

/** `run` in-process (it spawns Playwright Test itself), quiet; resolves to its exit code. */
async function run(args: string[]): Promise<number> {
  const io = quietIo();
  const deps = { ...defaultRunDeps(), env: childEnv() };
  // The child's own output would interleave with this runner's: keep it for failures only.
  deps.spawnNode = (argv, cwd, env) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (b: Buffer) => io.stdout(b.toString()));
      child.stderr.on('data', (b: Buffer) => io.stderr(b.toString()));
      child.on('error', reject);
      child.on('exit', (code) => resolve(code ?? 1));
    });
  const code = await runRun(
    ['--engine', 'chromium', '--suite', SUITES, '--workers', '1', ...args],
    io,
    deps,
  );
  if (code > 1) throw new Error(`run ${args.join(' ')} exited ${code}:\n${io.text().slice(-3000)}`);
  return code;
}

function mergeReports(blobs: string, out: string): Promise<string> {
  const root = packageRoot();
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(
      process.execPath,
      [
        playwrightCli(),
        'merge-reports',
        '--config',
        join(root, 'src/report/merge.config.ts'),
        blobs,
      ],
      {
        cwd: root,
        env: { ...childEnv(), CORS_REPORT_DIR: out },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`merge-reports exited ${code}: ${output}`)),
    );
  });
}

async function report(dir: string): Promise<ReportData> {
  return JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ReportData;
}

const verdicts = (d: ReportData): string[] => d.cases.map((c) => `${c.key} ${c.verdict}`).sort();

test('two shards merged from blob reports give the same matrix as one unsharded run', async () => {
  test.setTimeout(300_000);
  const chromium = await findEngine('chromium');
  test.skip(isMissing(chromium), 'Chromium is not installed (npm run browsers)');
  const dir = await mkdtemp(join(tmpdir(), 'cc-shards-'));
  try {
    const codes = [
      await run(['--shard', '1/2', '--blob', join(dir, 'blob-1'), '--out', join(dir, 'shard-1')]),
      await run(['--shard', '2/2', '--blob', join(dir, 'blob-2'), '--out', join(dir, 'shard-2')]),
    ];
    // Each shard ran part of the scenarios, neither all of them.
    const shard1 = await report(join(dir, 'shard-1'));
    const shard2 = await report(join(dir, 'shard-2'));
    expect(shard1.cases.length).toBeGreaterThan(0);
    expect(shard2.cases.length).toBeGreaterThan(0);

    const all = join(dir, 'all-blobs');
    await mkdir(all);
    for (const b of ['blob-1', 'blob-2']) {
      for (const f of await readdir(join(dir, b))) await copyFile(join(dir, b, f), join(all, f));
    }
    expect((await readdir(all)).length).toBe(2);
    await mergeReports(all, join(dir, 'merged'));
    const merged = await report(join(dir, 'merged'));

    const unshardedCode = await run(['--out', join(dir, 'whole')]);
    const whole = await report(join(dir, 'whole'));

    expect(whole.cases.length).toBe(shard1.cases.length + shard2.cases.length);
    expect(verdicts(merged)).toEqual(verdicts(whole));
    expect(matrixOf(merged)).toEqual(matrixOf(whole));
    expect(merged.totals).toEqual(whole.totals);
    expect(merged.engineVersions.chromium).toBe(whole.engineVersions.chromium);
    // Drift in a shard is drift in the whole run.
    expect(Math.max(...codes)).toBe(unshardedCode);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
