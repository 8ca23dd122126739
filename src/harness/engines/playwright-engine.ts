// Chromium, Firefox and Playwright's own WebKit through Playwright: one browser and one
// context per Engine, a page per openPage.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, LaunchOptions as PwLaunchOptions, Page } from 'playwright';
import { chromium, firefox, webkit } from 'playwright';
import { chromiumArgs, firefoxPrefs } from './browser-settings.js';
import { ConsoleLines } from './console-lines.js';
import { tempParent } from './browser-process.js';
import { ensureHostsEntries } from './hosts-file.js';
import { hostHandlesSignals } from './live.js';
import { callWithTimeout, scriptExpression } from './script.js';
import type { Engine, EngineCookie, EngineInfo, EnginePage, LaunchOptions } from './types.js';
import { EngineCrashed, withCookieDefaults } from './types.js';
import { errorFirstLine as firstLine } from '../../error-text.js';

export const DEFAULT_SCRIPT_TIMEOUT_MS = 30_000;
const LAUNCH_TIMEOUT_MS = 60_000;

export async function launchPlaywrightEngine(
  info: EngineInfo,
  opts: LaunchOptions,
): Promise<Engine> {
  const hostNames = [...opts.hostNames];
  // The browser's own temporary files (Chromium's `org.chromium.Chromium.*` folder, which a
  // killed Chromium leaves behind) go to a folder of this engine, removed when it closes;
  // under a `run`, inside the run's temporary folder, which the CLI removes at the end.
  const tempDir = await mkdtemp(join(tempParent(), 'ccb-'));
  const ownSignals = !hostHandlesSignals();
  const base: PwLaunchOptions = {
    headless: true,
    executablePath: info.executable,
    timeout: LAUNCH_TIMEOUT_MS,
    env: { ...process.env, TMPDIR: tempDir },
    handleSIGINT: ownSignals,
    handleSIGTERM: ownSignals,
    handleSIGHUP: ownSignals,
  };
  const removeTemp = (): Promise<void> =>
    rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
  let browser: Browser;
  let resolvedInfo: EngineInfo = info;
  try {
    if (info.browser === 'webkit') {
      // Playwright's WebKit resolves through the system resolver, like WebKitGTK.
      resolvedInfo = { ...info, hostNames: await ensureHostsEntries(hostNames) };
    }
    browser = await launchBrowser(info, base, hostNames);
  } catch (error) {
    await removeTemp();
    throw error;
  }
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    return new PlaywrightEngine(
      resolvedInfo,
      browser,
      context,
      opts.scriptTimeoutMs ?? DEFAULT_SCRIPT_TIMEOUT_MS,
      removeTemp,
    );
  } catch (error) {
    await browser.close().catch(() => undefined);
    await removeTemp();
    throw error;
  }
}

function launchBrowser(
  info: EngineInfo,
  base: PwLaunchOptions,
  hostNames: string[],
): Promise<Browser> {
  if (info.browser === 'chromium') {
    return chromium.launch({ ...base, args: chromiumArgs(hostNames) });
  }
  if (info.browser === 'firefox') {
    // A stock Firefox speaks WebDriver BiDi (the `moz-firefox` channel); Playwright's own
    // build speaks its patched protocol and takes no channel.
    const channel = info.source === 'playwright' ? {} : { channel: 'moz-firefox' };
    return firefox.launch({ ...base, ...channel, firefoxUserPrefs: firefoxPrefs(hostNames) });
  }
  return webkit.launch(base);
}

class PlaywrightEngine implements Engine {
  private disconnected = false;

  constructor(
    readonly info: EngineInfo,
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly scriptTimeoutMs: number,
    private readonly removeTemp: () => Promise<void>,
  ) {
    browser.on('disconnected', () => {
      this.disconnected = true;
    });
  }

  async openPage(url: string): Promise<EnginePage> {
    const page = await this.guard(() => this.context.newPage());
    const wrapped = new PlaywrightPage(page, this.scriptTimeoutMs, (fn) => this.guard(fn));
    await wrapped.goto(url);
    return wrapped;
  }

  async addCookie(cookie: EngineCookie): Promise<void> {
    await this.guard(() => this.context.addCookies([withCookieDefaults(cookie)]));
  }

  async close(): Promise<void> {
    if (!this.disconnected) {
      await this.context.close().catch(() => undefined);
      await this.browser.close().catch(() => undefined);
    }
    // Also after a crash: the dead browser's temporary files are still there.
    await this.removeTemp();
  }

  /** Runs a Playwright call, turning "the browser went away" into EngineCrashed. */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    if (this.disconnected) throw new EngineCrashed(`${this.info.browser} is no longer running`);
    try {
      return await fn();
    } catch (error) {
      if (this.disconnected || isGoneError(error)) {
        throw new EngineCrashed(`${this.info.browser} went away: ${firstLine(error)}`);
      }
      throw error;
    }
  }
}

class PlaywrightPage implements EnginePage {
  private readonly console = new ConsoleLines();
  private crashed = false;

  constructor(
    private readonly page: Page,
    private readonly scriptTimeoutMs: number,
    private readonly guard: <T>(fn: () => Promise<T>) => Promise<T>,
  ) {
    page.on('console', (message) => this.console.add(message.type(), message.text()));
    page.on('pageerror', (error) => this.console.add('error', error.message));
    page.on('crash', () => {
      this.crashed = true;
    });
  }

  run<T>(fnSource: string, arg: unknown): Promise<T> {
    return this.guarded(() =>
      callWithTimeout(this.page.evaluate<T>(scriptExpression(fnSource, arg)), this.scriptTimeoutMs),
    );
  }

  async goto(url: string): Promise<void> {
    await this.guarded(() => this.page.goto(url, { waitUntil: 'load' }));
  }

  takeConsole(): string[] {
    return this.console.take();
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }

  private guarded<T>(fn: () => Promise<T>): Promise<T> {
    if (this.crashed) return Promise.reject(new EngineCrashed('the page crashed'));
    return this.guard(fn);
  }
}

/** Playwright's ways of saying the browser (or the page's process) is gone. */
const GONE = [
  /\b(target|browser|context|page)\b[^\n]*\b(has been )?closed\b/i,
  /\bdisconnected\b/i,
  /\bconnection closed\b/i,
  /\bcrashed\b/i,
];

function isGoneError(error: unknown): boolean {
  if (error instanceof Error && error.name === 'TargetClosedError') return true;
  // Fallback on the message's first line (Playwright's own words, not the page's text).
  const text = firstLine(error);
  return GONE.some((pattern) => pattern.test(text));
}
