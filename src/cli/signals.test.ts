// Stopping a command stops everything it started. SIGINT and SIGTERM to the CLI (and the CLI's
// parent going away, as when `npx` dies of a signal without passing it on) end the Playwright
// runner, its workers and the browsers within seconds, exit 130/143, and leave an
// interrupted report and no temporary files. The same for commands that drive browsers
// in-process (fuzz), and for show-report's server.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { findEngine, isMissing } from '../harness/engines/detect.js';
import { packageRoot } from '../report/paths.js';
import type { ReportData } from '../report/report-data.js';
import { findTree, isRunning, spawnTree, TREE_MARK_ENV } from './process-tree.js';

const MAIN = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');

/** The environment without what the outer Playwright run set for its own workers. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(TEST_|PW_|PLAYWRIGHT_|CORS_)/.test(k)) env[k] = v;
  }
  return { ...env, ...extra };
}

interface Started {
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(args: string[], env: NodeJS.ProcessEnv, cwd = packageRoot()): Started {
  const child = spawn(process.execPath, [MAIN, ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, stderr: () => err, exited };
}

async function until(what: string, check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function procText(path: string): string {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return ''; // gone meanwhile, or not ours to read
  }
}

/** Processes carrying the tree mark of the CLI with pid `cli` (the mark starts with it). */
function markedBy(cli: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => procText(`/proc/${pid}/environ`).includes(`${TREE_MARK_ENV}=${cli}-`))
    .filter((pid) => isRunning(pid));
}

test('a process tree is stopped whole: the root asked first, then every marked process, own groups included', async () => {
  test.skip(process.platform !== 'linux', 'finds the tree through /proc');
  // A root that ignores SIGINT and starts a grandchild in a process group of its own.
  const script = `
    const { spawn } = require('node:child_process');
    process.on('SIGINT', () => {});
    const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
    console.log(g.pid);
    setInterval(() => {}, 1000);`;
  const tree = await spawnTree(['-e', script], tmpdir(), cleanEnv());
  await until('the grandchild', () => findTree(tree.child.pid, tree.mark).size >= 2, 10_000);
  const members = [...findTree(tree.child.pid, tree.mark).keys()];
  await tree.stop(500);
  await tree.cleanUp();
  expect(members.filter((pid) => isRunning(pid))).toEqual([]);
});

const chromium = await findEngine('chromium');

/** CLIs a failing test started: asked to stop (they end their own children) after each test. */
const stopLater: ChildProcess[] = [];
test.afterEach(() => {
  for (const child of stopLater.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

test.describe('signals to a real run', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  test.skip(isMissing(chromium), 'needs Chromium');

  for (const [how, exitCode] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['parent gone', 129],
  ] as const) {
    test(`run, stopped by ${how} mid-run: exit ${exitCode}, every child gone within seconds, an interrupted report, no temp files`, async () => {
      const work = await mkdtemp(join(tmpdir(), 'cc-sig-'));
      const temp = join(work, 'tmp');
      await mkdir(temp);
      const out = join(work, 'reports');
      const started: ChildProcess[] = [];
      const args = ['run', '--engine', 'chromium', '--suite', 'cors-check,preflight-cache'];
      args.push('--workers', '1', '--out', out);
      try {
        let cli: Started;
        let parent: ChildProcess | null = null;
        if (how === 'parent gone') {
          // A parent that dies without passing anything on (like npx killed by a signal).
          parent = spawn(
            process.execPath,
            [
              '-e',
              `const c = require('node:child_process').spawn(process.execPath, ${JSON.stringify([MAIN, ...args])}, { stdio: ['ignore', 'inherit', 'inherit'] }); setInterval(() => {}, 1000);`,
            ],
            {
              cwd: packageRoot(),
              env: cleanEnv({ TMPDIR: temp }),
              stdio: ['ignore', 'pipe', 'pipe'],
            },
          );
          started.push(parent);
          let text = '';
          let errText = '';
          parent.stdout?.on('data', (b: Buffer) => (text += b.toString()));
          parent.stderr?.on('data', (b: Buffer) => (errText += b.toString()));
          cli = {
            child: parent,
            output: () => text,
            stderr: () => errText,
            exited: Promise.resolve(null),
          };
        } else {
          cli = start(args, cleanEnv({ TMPDIR: temp }));
          started.push(cli.child);
        }
        await until('the first scenario result', () => /[✓✘]/.test(cli.output()), 120_000);
        const cliPid = findTree(parent?.pid ?? cli.child.pid, 'none').keys();
        const runPid = [...cliPid].find(
          (pid) => pid !== parent?.pid && procText(`/proc/${pid}/cmdline`).includes('main.js'),
        );
        expect(runPid).toBeDefined();
        const tree = markedBy(runPid ?? 0);
        expect(tree.length).toBeGreaterThanOrEqual(3); // runner, worker, browser
        const sent = Date.now();
        if (parent !== null) parent.kill('SIGKILL');
        else cli.child.kill(how as NodeJS.Signals);
        await until('the CLI to exit', () => !isRunning(runPid ?? 0), 30_000);
        const code = parent === null ? await cli.exited : null;
        const seconds = (Date.now() - sent) / 1000;
        expect(markedBy(runPid ?? 0), 'processes of the tree still running').toEqual([]);
        expect(tree.filter((pid) => isRunning(pid))).toEqual([]);
        expect(seconds, 'seconds from the signal to everything gone').toBeLessThan(20);
        if (code !== null) expect(code).toBe(exitCode);
        const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as ReportData;
        expect(results.run?.status).toBe('interrupted');
        expect(results.run?.ran).toBeLessThan(results.run?.expected ?? 0);
        expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('INTERRUPTED');
        expect(cli.output()).toMatch(/INTERRUPTED \(stopped by a signal\): \d+ of \d+ tests ran/);
        // Only Playwright's own compile cache may stay in the temp folder.
        const left = (await readdir(temp)).filter(
          (n) => !n.startsWith('playwright-transform-cache'),
        );
        expect(left).toEqual([]);
      } finally {
        // A failed test must not leave its processes behind either: the CLI stops its own tree
        // on SIGTERM, and on its parent's death.
        for (const child of started) {
          if (child.exitCode === null) child.kill(how === 'parent gone' ? 'SIGKILL' : 'SIGTERM');
        }
        await rm(work, { recursive: true, force: true });
      }
    });
  }

  test('fuzz (browsers in the CLI process itself), stopped by SIGINT: exit 130, the browser gone', async () => {
    const work = await mkdtemp(join(tmpdir(), 'cc-fuzz-sig-'));
    try {
      const args = ['fuzz', '--engine', 'chromium', '--time', '2m', '--seed', '1'];
      const cli = start([...args, '--out', work], cleanEnv());
      stopLater.push(cli.child);
      await until('fuzz progress', () => /fuzz chromium: \d+/.test(cli.stderr()), 120_000);
      const pids = [...findTree(cli.child.pid, 'none').keys()];
      const children = pids.filter((p) => p !== cli.child.pid);
      expect(children.length).toBeGreaterThan(0);
      cli.child.kill('SIGINT');
      expect(await cli.exited).toBe(130);
      expect(children.filter((pid) => isRunning(pid))).toEqual([]);
      expect(cli.stderr()).toContain('SIGINT received: stopping');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

test('show-report serves regular files inside the folder only, never shows a path, and stops on SIGINT with 130', async () => {
  const work = await mkdtemp(join(tmpdir(), 'cc-show-'));
  try {
    const reports = join(work, 'reports');
    await mkdir(reports);
    await writeFile(join(reports, 'index.html'), '<!doctype html><title>matrix</title>');
    await writeFile(join(reports, '.secret'), 'dotfile');
    await writeFile(join(work, 'outside.txt'), 'outside');
    await symlink(join(work, 'outside.txt'), join(reports, 'link.txt'));
    const cli = start(['show-report', '--port', '0', '--dir', reports], cleanEnv(), work);
    stopLater.push(cli.child);
    await until('the URL', () => /http:\/\/127\.0\.0\.1:\d+\//.test(cli.output()), 30_000);
    const base = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(cli.output())?.[1] ?? '';
    const get = async (path: string): Promise<[number, string]> => {
      const res = await fetch(base + path);
      return [res.status, await res.text()];
    };
    expect((await get('/index.html'))[0]).toBe(200);
    expect((await get('/'))[1]).toContain('<title>matrix</title>');
    for (const [path, status] of [
      ['/index.html%00.txt', 400],
      ['/.secret', 404],
      ['/link.txt', 404],
      ['/%2e%2e/outside.txt', 404],
      ['/nope.html', 404],
      ['/%E0%A4%A', 400],
    ] as const) {
      const [code, body] = await get(path);
      expect(code, path).toBe(status);
      expect(body, path).not.toContain(work);
    }
    expect((await fetch(`${base}/index.html`, { method: 'POST' })).status).toBe(405);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(130);
    expect(cli.stderr()).toBe(
      'SIGINT received: stopping (browsers and test processes are being closed)\n',
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
