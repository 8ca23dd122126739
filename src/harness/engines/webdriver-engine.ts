// WebKitGTK through W3C WebDriver classic: Xvfb (unless a display is usable), one
// WebKitWebDriver per Engine on its own loopback port, one session, a window per page.
//
// WebDriver classic has one "current window" per session, so every command of an Engine goes
// through one queue: a page switches to its window, then runs. Page scripts are started and
// collected in short commands (webdriver-runs.ts), so scripts of one Engine run side by side
// although its commands go one at a time.
// The console is not visible through WebDriver classic: takeConsole() returns [].
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import getPort from 'get-port';
import { displayUsable } from './detect.js';
import { ensureHostsEntries } from './hosts-file.js';
import type { Engine, EngineCookie, EngineInfo, EnginePage, LaunchOptions } from './types.js';
import { EngineCrashed, ScriptTimeout } from './types.js';
import { ProcessGroups, signalGroup } from './process-groups.js';
import { WebDriverClient, WebDriverError } from './webdriver-client.js';
import { COLLECT_WAIT_MS, ScriptMultiplexer } from './webdriver-runs.js';

const DEFAULT_SCRIPT_TIMEOUT_MS = 30_000;
const PAGE_LOAD_TIMEOUT_MS = 30_000;
const START_TIMEOUT_MS = 30_000;

export async function launchWebDriverEngine(
  info: EngineInfo,
  opts: LaunchOptions,
): Promise<Engine> {
  const scriptTimeoutMs = opts.scriptTimeoutMs ?? DEFAULT_SCRIPT_TIMEOUT_MS;
  const hostNames = await ensureHostsEntries(opts.hostNames);
  const processes = new ProcessGroups();
  try {
    let display = process.env.DISPLAY ?? '';
    if (!displayUsable(display)) {
      const xvfb = await startXvfb();
      processes.add(xvfb.child);
      display = xvfb.display;
    }
    const client = await startDriver(info.executable, display, processes);
    const session = await client.newSession({ acceptInsecureCerts: true }, START_TIMEOUT_MS);
    await client.call('POST', `/session/${session.id}/timeouts`, {
      script: scriptTimeoutMs,
      pageLoad: PAGE_LOAD_TIMEOUT_MS,
      implicit: 0,
    });
    const firstWindow = await client.call<string>('GET', `/session/${session.id}/window`);
    const version =
      typeof session.capabilities.browserVersion === 'string'
        ? session.capabilities.browserVersion
        : info.version;
    return new WebDriverEngine(
      { ...info, version, hostNames },
      client,
      session.id,
      firstWindow,
      processes,
      scriptTimeoutMs,
    );
  } catch (error) {
    await processes.killAll();
    throw error;
  }
}

/**
 * Starts WebKitWebDriver on a free loopback port and waits until it answers. A port picked
 * free can be taken by someone else before the driver binds it, so a driver that exits at
 * start is retried on a fresh port.
 */
async function startDriver(
  executable: string,
  display: string,
  processes: ProcessGroups,
): Promise<WebDriverClient> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await getPort({ host: '127.0.0.1' });
    const driver = spawn(executable, [`--port=${port}`], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, DISPLAY: display },
    });
    let failed = false;
    driver.on('error', (error) => {
      failed = true;
      lastError = new Error(`cannot start ${executable}: ${error.message}`);
    });
    processes.add(driver);
    const client = new WebDriverClient(
      `http://127.0.0.1:${port}`,
      () => failed || driver.exitCode !== null || driver.signalCode !== null,
    );
    try {
      await client.waitUntilReady(START_TIMEOUT_MS);
      return client;
    } catch (error) {
      if (failed) break; // the executable cannot be spawned at all: no point retrying
      lastError = error;
      // Still running but silent is not a port clash: give up.
      if (driver.exitCode === null && driver.signalCode === null) throw error;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

class WebDriverEngine implements Engine {
  private queue: Promise<unknown> = Promise.resolve();
  /** Commands waiting in `queue` (the one running excluded). */
  private queued = 0;
  private readonly scripts: ScriptMultiplexer;
  private currentWindow: string | undefined;
  /** Windows of closed pages that were kept (the session's last window cannot be closed). */
  private spareWindows: string[];
  private openWindows = new Set<string>();
  private closed = false;

  constructor(
    readonly info: EngineInfo,
    private readonly client: WebDriverClient,
    private readonly sessionId: string,
    firstWindow: string,
    private readonly processes: ProcessGroups,
    private readonly scriptTimeoutMs: number,
  ) {
    this.currentWindow = firstWindow;
    this.spareWindows = [firstWindow];
    this.scripts = new ScriptMultiplexer({
      scriptTimeoutMs,
      execute: (handle, script) =>
        this.inWindow(handle, () =>
          this.command('POST', '/execute/sync', { script, args: [] }, 30_000),
        ),
      executeAsync: (handle, script) =>
        this.inWindow(handle, () =>
          this.command(
            'POST',
            '/execute/async',
            { script: script(this.queued), args: [] },
            COLLECT_WAIT_MS + 30_000,
          ),
        ),
    });
  }

  async openPage(url: string): Promise<EnginePage> {
    const handle = await this.exclusive(async () => {
      const spare = this.spareWindows.pop();
      if (spare !== undefined) return spare;
      const created = await this.command<{ handle: string }>('POST', '/window/new', {
        type: 'window',
      });
      return created.handle;
    });
    this.openWindows.add(handle);
    const page = new WebDriverPage(this, handle);
    await page.goto(url);
    return page;
  }

  /**
   * WebDriver classic sets cookies for the current document's host only, so a window first
   * loads a page on `cookie.url` (one GET to that URL), then the cookie is added.
   */
  async addCookie(cookie: EngineCookie): Promise<void> {
    const page = (await this.openPage(cookie.url)) as WebDriverPage;
    try {
      const sameSite = cookie.sameSite ?? 'None';
      await this.inWindow(page.handle, () =>
        this.command('POST', '/cookie', {
          cookie: {
            name: cookie.name,
            value: cookie.value,
            path: '/',
            secure: cookie.secure ?? (sameSite === 'None' || cookie.url.startsWith('https:')),
            httpOnly: cookie.httpOnly ?? true,
            sameSite,
          },
        }),
      );
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.scripts.failAll(new EngineCrashed('the WebKit engine was closed'));
    await this.client
      .call('DELETE', `/session/${this.sessionId}`, undefined, 3_000)
      .catch(() => undefined);
    await this.processes.killAll();
  }

  /** Runs `fn` with `handle` as the current window, after every earlier command finished. */
  inWindow<T>(handle: string, fn: () => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      if (this.currentWindow !== handle) {
        await this.command('POST', '/window', { handle });
        this.currentWindow = handle;
      }
      return fn();
    });
  }

  async runScript<T>(handle: string, fnSource: string, arg: unknown): Promise<T> {
    return (await this.scripts.run(handle, fnSource, arg)) as T;
  }

  async closePage(handle: string): Promise<void> {
    if (!this.openWindows.delete(handle) || this.closed) return;
    await this.inWindow(handle, async () => {
      if (this.openWindows.size === 0) {
        // Keep the session's last window: closing it would end the session.
        await this.command('POST', '/url', { url: 'about:blank' });
        this.spareWindows.push(handle);
      } else {
        await this.command('DELETE', '/window');
        this.currentWindow = undefined;
      }
    }).catch(() => undefined);
  }

  /** One WebDriver command of this session, with driver errors mapped to the contract's. */
  async command<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
    timeoutMs?: number,
  ): Promise<T> {
    if (this.closed) throw new EngineCrashed('the WebKit engine was closed');
    try {
      return await this.client.call<T>(
        method,
        `/session/${this.sessionId}${path}`,
        body,
        timeoutMs,
      );
    } catch (error) {
      if (error instanceof WebDriverError) {
        if (error.code === 'script timeout')
          throw new ScriptTimeout(`script did not finish within ${this.scriptTimeoutMs} ms`);
        if (
          error.code === 'invalid session id' ||
          error.code === 'session not created' ||
          /crash|hang/i.test(error.message)
        ) {
          throw new EngineCrashed(`WebKit went away: ${error.message}`);
        }
        if (error.code === 'unknown error' && !(await this.sessionAlive())) {
          throw new EngineCrashed(`WebKit went away: ${error.message}`);
        }
      }
      throw error;
    }
  }

  /**
   * Right after the browser dies the driver answers a bare `unknown error` before it notices
   * and ends the session; a few cheap probes tell a dead browser from a real command error.
   */
  private async sessionAlive(): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await this.client.call('GET', `/session/${this.sessionId}/url`, undefined, 3_000);
        return true;
      } catch (error) {
        if (error instanceof EngineCrashed) return false;
        if (error instanceof WebDriverError && error.code !== 'unknown error') {
          return error.code !== 'invalid session id' && !/crash|hang/i.test(error.message);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return true;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.queued++;
    const run = (): Promise<T> => {
      this.queued--;
      return fn();
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

class WebDriverPage implements EnginePage {
  constructor(
    private readonly engine: WebDriverEngine,
    readonly handle: string,
  ) {}

  run<T>(fnSource: string, arg: unknown): Promise<T> {
    return this.engine.runScript<T>(this.handle, fnSource, arg);
  }

  async goto(url: string): Promise<void> {
    await this.engine.inWindow(this.handle, () =>
      this.engine.command('POST', '/url', { url }, PAGE_LOAD_TIMEOUT_MS + 5_000),
    );
  }

  takeConsole(): string[] {
    return [];
  }

  close(): Promise<void> {
    return this.engine.closePage(this.handle);
  }
}

/**
 * Starts `Xvfb` on a free display. `-displayfd` makes the X server pick the first free display
 * number itself (it checks the lock files and sockets atomically) and write it to a pipe, so
 * parallel workers never race for the same number.
 */
async function startXvfb(): Promise<{ display: string; child: ChildProcess }> {
  const child = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      detached: true,
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    },
  );
  const pipe = child.stdio[3];
  const display = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(
      () => reject(new Error('Xvfb did not report a display within 10 s')),
      10_000,
    );
    const fail = (why: string): void => {
      clearTimeout(timer);
      reject(new Error(why));
    };
    child.once('error', (error) => fail(`cannot start Xvfb: ${error.message}`));
    child.once('exit', (code) =>
      fail(`Xvfb exited (code ${String(code)}) before reporting a display`),
    );
    pipe?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${text.trim()}`);
      }
    });
  }).catch((error: unknown) => {
    signalGroup(child, 'SIGKILL');
    throw error;
  });
  pipe?.removeAllListeners('data');
  (pipe as { destroy?: () => void } | null)?.destroy?.();
  child.removeAllListeners('exit');
  child.removeAllListeners('error');
  child.on('error', () => undefined); // signals to an exited server are not our problem
  return { display, child };
}
