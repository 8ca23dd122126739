// `--start`: the target started, waited for, and stopped with its whole process tree.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import getPort from 'get-port';
import { StartError, listening, startTarget, withStartedTarget } from './start-target.js';

/** A node one-liner serving HTTP on `port`, with a child process of its own that lingers. */
function serverCommand(port: number): string {
  const js = `require('child_process').spawn('sleep', ['300'], { stdio: 'ignore' }); require('http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`;
  return `${JSON.stringify(process.execPath)} -e ${JSON.stringify(js)}`;
}

/** Live (not zombie) processes in a process group (ps is procps in every Debian image). */
function groupMembers(pgid: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid=,stat='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([, g, stat]) => Number(g) === pgid && !(stat ?? '').startsWith('Z'))
    .map(([p]) => Number(p));
}

test('a started target listens, and stop() ends its whole process tree', async () => {
  const port = await getPort();
  const url = new URL(`http://127.0.0.1:${port}/api`);
  const started = await startTarget(serverCommand(port), url);
  expect(await listening(url)).toBe(true);
  // sh, node and node's child sleep share the group.
  expect(groupMembers(started.pid).length).toBeGreaterThanOrEqual(2);
  await started.stop();
  expect(await listening(url)).toBe(false);
  expect(groupMembers(started.pid)).toEqual([]);
});

test('withStartedTarget stops the target when the work fails too', async () => {
  const port = await getPort();
  const url = new URL(`http://127.0.0.1:${port}/`);
  await expect(
    withStartedTarget(serverCommand(port), url, () => Promise.reject(new Error('boom'))),
  ).rejects.toThrow('boom');
  expect(await listening(url)).toBe(false);
});

test('one-line errors: exits first, never listens, port already served, empty command', async () => {
  const port = await getPort();
  const url = new URL(`http://127.0.0.1:${port}/`);
  const exits = await startTarget('echo "no such module: starlette" >&2; exit 3', url).catch(
    (e: unknown) => e,
  );
  expect(exits).toBeInstanceOf(StartError);
  expect((exits as Error).message).toBe(
    `--start: "echo "no such module: starlette" >&2; exit 3" exited (3) before ${url.origin} listened (last output: "no such module: starlette")`,
  );
  const silent = await startTarget('sleep 30', url, { waitMs: 500 }).catch((e: unknown) => e);
  expect((silent as Error).message).toBe(
    `--start: ${url.origin} did not listen within 1 s of starting "sleep 30"`,
  );
  const other = await startTarget(serverCommand(port), url);
  try {
    await expect(startTarget(serverCommand(port), url)).rejects.toThrow(
      `--start: ${url.origin} is already served by another process; stop it, or leave out --start`,
    );
  } finally {
    await other.stop();
  }
  await expect(startTarget('  ', url)).rejects.toThrow('--start: the command is empty');
});

test('SIGTERM or SIGINT to the command stops the started target first', async () => {
  const main = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
  test.skip(!existsSync(main), 'dist/ is built (npm run build)');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const port = await getPort();
    const url = new URL(`http://127.0.0.1:${port}/api`);
    // A target that answers every request after 300 ms: the audit is still running when the signal comes.
    const js = `require('http').createServer((q, s) => setTimeout(() => s.end('ok'), 300)).listen(${port}, '127.0.0.1')`;
    const cli = spawn(
      process.execPath,
      [
        main,
        'audit',
        '--target',
        url.href,
        '--no-proof',
        '--start',
        `${JSON.stringify(process.execPath)} -e ${JSON.stringify(js)}`,
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      cli.once('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    for (let i = 0; i < 100 && !(await listening(url)); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await listening(url)).toBe(true);
    cli.kill(signal);
    const end = await exited;
    // The CLI handles the signal itself: it stops its children, then exits 128 + the signal.
    expect(end.code).toBe(signal === 'SIGTERM' ? 143 : 130);
    expect(await listening(url)).toBe(false);
  }
});
