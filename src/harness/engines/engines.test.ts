// Each installed engine behind the one interface: a real cross-origin fetch between host-named
// origins, ScriptTimeout, EngineCrashed, and no processes left behind after close().
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { detectEngines, isMissing } from './detect.js';
import { launchEngine } from './index.js';
import type { BrowserName, Engine } from './types.js';
import { BROWSER_NAMES, EngineCrashed, ScriptTimeout } from './types.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A loopback server: `/` is a blank page, `/x` answers any origin (preflights included). */
async function startServer(): Promise<{ server: Server; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>page</title>');
      return;
    }
    res.writeHead(200, {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'x-probe',
      'access-control-max-age': '0',
      'cache-control': 'no-store',
      'content-type': 'text/plain',
    });
    res.end('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

interface Proc {
  pid: number;
  ppid: number;
  pgid: number;
  state: string;
  comm: string;
}

function processTable(): Proc[] {
  const table: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const [state = '', ppid = '0', pgid = '0'] = stat.slice(close + 2).split(' ');
      table.push({ pid: Number(entry), ppid: Number(ppid), pgid: Number(pgid), state, comm });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

function descendantsOf(root: number): Proc[] {
  const table = processTable();
  const found: Proc[] = [];
  const parents = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const proc of table) {
      if (parents.has(proc.ppid) && !parents.has(proc.pid)) {
        parents.add(proc.pid);
        found.push(proc);
        grew = true;
      }
    }
  }
  return found;
}

/** Processes that appeared under this test process since `before` (the engine's). */
function startedSince(before: Set<number>): Proc[] {
  return descendantsOf(process.pid).filter((p) => !before.has(p.pid) && p.state !== 'Z');
}

/** Live processes still in one of `procs`' pids or process groups. */
function survivors(procs: Proc[]): Proc[] {
  const pids = new Set(procs.map((p) => p.pid));
  const groups = new Set(procs.map((p) => p.pgid));
  return processTable().filter(
    (p) => p.state !== 'Z' && p.pid !== process.pid && (pids.has(p.pid) || groups.has(p.pgid)),
  );
}

const FETCH_ONCE = `async ({ url }) => {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}`;

const PREFLIGHTED_LOOP = `async ({ url, count }) => {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const response = await fetch(url + '?n=' + i, { headers: { 'x-probe': '1' } });
    await response.text();
  }
  return performance.now() - started;
}`;

const detected = await detectEngines();
const available = new Set(detected.filter((d) => !isMissing(d)).map((d) => d.browser));

for (const browser of BROWSER_NAMES) {
  test.describe(`${browser} engine`, () => {
    test.skip(!available.has(browser), `${browser} is not installed here`);
    test.setTimeout(120_000);

    test('cross-origin fetch, second page, console, clean close', async () => {
      const { server, port, seen } = await startServer();
      const before = new Set(descendantsOf(process.pid).map((p) => p.pid));
      let engine: Engine | undefined;
      try {
        const launchStarted = performance.now();
        engine = await launchEngine(browser, {
          hostNames: ['example.com', 'example.net'],
        });
        const launchMs = performance.now() - launchStarted;
        expect(engine.info.browser).toBe(browser);
        expect(engine.info.hostNames).toBe(true);
        const ours = startedSince(before);
        expect(ours.length).toBeGreaterThan(0);

        const page = await engine.openPage(`http://example.com:${port}/`);
        const result = await page.run<{ status: number; body: string }>(FETCH_ONCE, {
          url: `http://example.net:${port}/x`,
        });
        expect(result).toEqual({ status: 200, body: 'hello' });
        const request = seen.find((s) => s.url === '/x');
        expect(request?.headers.origin).toBe(`http://example.com:${port}`);
        expect(request?.headers.host).toBe(`example.net:${port}`);

        const count = 100;
        const elapsedMs = await page.run<number>(PREFLIGHTED_LOOP, {
          url: `http://example.net:${port}/p`,
          count,
        });
        const preflights = seen.filter((s) => s.method === 'OPTIONS').length;
        expect(preflights).toBeGreaterThan(0);
        console.log(
          `${browser} ${engine.info.version}: launch ${Math.round(launchMs)} ms, ` +
            `${Math.round((count * 1000) / elapsedMs)} sequential preflighted fetches/s ` +
            `(${preflights} preflights seen)`,
        );

        // A second page runs on its own origin; the first keeps its own.
        const other = await engine.openPage(`http://example.net:${port}/`);
        expect(await other.run<string>('async () => location.origin', null)).toBe(
          `http://example.net:${port}`,
        );
        expect(await page.run<string>('async () => location.origin', null)).toBe(
          `http://example.com:${port}`,
        );
        await other.close();

        // Console errors are evidence where the backend can see them (not WebDriver classic).
        page.takeConsole();
        await page.run('async () => { console.error("probe-error"); }', null);
        const consoleLines = page.takeConsole();
        if (engine.info.driver !== 'webdriver-classic') {
          await expect
            .poll(() => [...consoleLines, ...page.takeConsole()].join())
            .toContain('probe-error');
        } else {
          expect(consoleLines).toEqual([]);
        }

        await engine.close();
        engine = undefined;
        await expect.poll(() => survivors(ours).map((p) => p.comm), { timeout: 5_000 }).toEqual([]);
      } finally {
        await engine?.close();
        server.close();
      }
    });

    test('ScriptTimeout, then EngineCrashed after the browser process dies; no temp files left', async () => {
      const { server, port } = await startServer();
      const before = new Set(descendantsOf(process.pid).map((p) => p.pid));
      // Where a run puts its engines' temporary folders (src/cli/process-tree.ts).
      const temp = await mkdtemp(join(tmpdir(), 'cce-'));
      process.env.CORS_CONFORMANCE_TEMP = temp;
      let engine: Engine | undefined;
      try {
        engine = await launchEngine(browser, {
          hostNames: ['example.com'],
          scriptTimeoutMs: 1_500,
        });
        const page = await engine.openPage(`http://example.com:${port}/`);
        await expect(page.run('() => new Promise(() => {})', null)).rejects.toBeInstanceOf(
          ScriptTimeout,
        );
        // The page is still usable after a timed-out script.
        expect(await page.run<number>('async (n) => n + 1', 41)).toBe(42);

        const ours = startedSince(before);
        const victim = browserProcess(browser, ours);
        expect(victim, `browser process among ${ours.map((p) => p.comm).join(',')}`).toBeDefined();
        if (browser === 'chromium') {
          // Its temporary files are in the engine's own folder, under the run's.
          const [own = ''] = readdirSync(temp);
          expect(readdirSync(join(temp, own)).some((n) => n.startsWith('org.chromium.'))).toBe(
            true,
          );
        }
        process.kill(victim?.pid ?? 0, 'SIGKILL');
        await expect(page.run('async () => 1', null)).rejects.toBeInstanceOf(EngineCrashed);
        await engine.close();
        engine = undefined;
        await expect.poll(() => survivors(ours).map((p) => p.comm), { timeout: 5_000 }).toEqual([]);
        // A killed Chromium leaves its org.chromium.Chromium.* folder; close() removes it.
        expect(readdirSync(temp)).toEqual([]);
      } finally {
        delete process.env.CORS_CONFORMANCE_TEMP;
        await engine?.close();
        server.close();
        await rm(temp, { recursive: true, force: true });
      }
    });
  });
}

/** The engine's main browser process: MiniBrowser for WebKitGTK, the direct child otherwise. */
function browserProcess(browser: BrowserName, ours: Proc[]): Proc | undefined {
  if (browser === 'webkit') {
    return ours.find((p) => p.comm === 'MiniBrowser') ?? ours.find((p) => p.ppid === process.pid);
  }
  return ours.find((p) => p.ppid === process.pid);
}

test('a WebKit driver that dies at start fails fast and leaves no Xvfb behind', async () => {
  test.skip(!available.has('webkit'), 'webkit is not installed here');
  const before = new Set(descendantsOf(process.pid).map((p) => p.pid));
  const started = performance.now();
  await expect(
    launchEngine(
      'webkit',
      { hostNames: [] },
      { env: { ...process.env, CORS_CONFORMANCE_WEBKIT_DRIVER: '/bin/false' } },
    ),
  ).rejects.toBeInstanceOf(EngineCrashed);
  expect(performance.now() - started).toBeLessThan(10_000);
  expect(startedSince(before).map((p) => p.comm)).toEqual([]);
});
