// Firefox driven over WebDriver BiDi by us rather than Playwright. One browser, one session
// and one user context (a cookie jar of its own) per Engine, a tab per page. The session
// subscribes to `log.entryAdded` only: Playwright's subscription to the network module's
// events costs Firefox about three times the CPU of the requests themselves.
// https://w3c.github.io/webdriver-bidi/
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { firefoxLaunchPrefs, userJs } from './browser-settings.js';
import type { DrivenBrowser } from './browser-process.js';
import {
  BROWSER_TIMEOUTS,
  closeBrowser,
  orStop,
  startBrowserProcess,
  waitForStderr,
  webSocketTransport,
} from './browser-process.js';
import { ConsoleLines } from './console-lines.js';
import { ProtocolConnection } from './protocol-connection.js';
import { callWithTimeout, scriptExpression } from './script.js';
import type { Engine, EngineCookie, EngineInfo, EnginePage, LaunchOptions } from './types.js';
import { withCookieDefaults } from './types.js';

export async function launchBidiEngine(info: EngineInfo, opts: LaunchOptions): Promise<Engine> {
  const browser = await startBrowserProcess(
    info.executable,
    (tempDir) => [
      '--remote-debugging-port=0',
      '--headless',
      '--no-remote',
      '--profile',
      join(tempDir, 'profile'),
    ],
    {
      pipes: false,
      // No crash reporter dialog or upload for a browser we kill on purpose.
      env: {
        MOZ_CRASHREPORTER: '1',
        MOZ_CRASHREPORTER_NO_REPORT: '1',
        MOZ_CRASHREPORTER_SHUTDOWN: '1',
      },
      prepare: async (tempDir) => {
        await mkdir(join(tempDir, 'profile'));
        await writeFile(
          join(tempDir, 'profile', 'user.js'),
          userJs(firefoxLaunchPrefs(opts.hostNames)),
        );
      },
    },
  );
  return orStop(browser, async () => {
    const ready = await waitForStderr(
      browser,
      /WebDriver BiDi listening on (ws:\/\/\S+)/,
      BROWSER_TIMEOUTS.start,
    );
    const transport = await webSocketTransport(`${ready[1] ?? ''}/session`, BROWSER_TIMEOUTS.start);
    const connection = new ProtocolConnection(transport, 'firefox');
    const session = await connection.send<{ capabilities: { browserVersion?: string } }>(
      'session.new',
      {
        capabilities: {
          alwaysMatch: {
            acceptInsecureCerts: true,
            unhandledPromptBehavior: { default: 'ignore' },
          },
        },
      },
    );
    await connection.send('session.subscribe', { events: ['log.entryAdded'] });
    const { userContext } = await connection.send<{ userContext: string }>(
      'browser.createUserContext',
      { acceptInsecureCerts: true },
    );
    return new BidiEngine(
      {
        info: { ...info, version: session.capabilities.browserVersion ?? info.version },
        process: browser,
        connection,
        scriptTimeoutMs: opts.scriptTimeoutMs ?? BROWSER_TIMEOUTS.script,
      },
      userContext,
    );
  });
}

class BidiEngine implements Engine {
  readonly info: EngineInfo;
  private readonly connection: ProtocolConnection;
  private readonly pages = new Map<string, BidiPage>();

  constructor(
    private readonly driven: DrivenBrowser,
    private readonly userContext: string,
  ) {
    this.info = driven.info;
    this.connection = driven.connection;
    this.connection.on('log.entryAdded', (p) => {
      const source = p.source as { context?: string } | undefined;
      const page = source?.context === undefined ? undefined : this.pages.get(source.context);
      page?.onLogEntry(p);
    });
  }

  async openPage(url: string): Promise<EnginePage> {
    const { context } = await this.connection.send<{ context: string }>('browsingContext.create', {
      type: 'tab',
      userContext: this.userContext,
    });
    const page = new BidiPage(this.connection, context, this.driven.scriptTimeoutMs, () =>
      this.pages.delete(context),
    );
    this.pages.set(context, page);
    await page.goto(url);
    return page;
  }

  async addCookie(cookie: EngineCookie): Promise<void> {
    const c = withCookieDefaults(cookie);
    await this.connection.send('storage.setCookie', {
      cookie: {
        name: c.name,
        value: { type: 'string', value: c.value },
        domain: new URL(c.url).hostname,
        path: '/',
        httpOnly: c.httpOnly,
        secure: c.secure,
        sameSite: c.sameSite.toLowerCase(),
      },
      partition: { type: 'storageKey', userContext: this.userContext },
    });
  }

  close(): Promise<void> {
    return closeBrowser(this.driven, 'browser.close');
  }
}

interface RemoteValue {
  type: string;
  value?: unknown;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: RemoteValue;
  exceptionDetails?: { text?: string };
}

class BidiPage implements EnginePage {
  private readonly console = new ConsoleLines();

  constructor(
    private readonly connection: ProtocolConnection,
    private readonly context: string,
    private readonly scriptTimeoutMs: number,
    private readonly forget: () => void,
  ) {}

  /** A script's console message or uncaught error, as Playwright words them. */
  onLogEntry(p: Record<string, unknown>): void {
    const text = typeof p.text === 'string' ? p.text : '';
    // An uncaught exception is an error whatever its level says.
    this.console.add(p.type === 'javascript' ? 'error' : p.level, text);
  }

  /**
   * Runs the function and returns its JSON result. A primitive crosses as it is; an object or
   * array is serialised in the page (`['json', text]`), so it crosses as one string instead
   * of BiDi's tree of remote values.
   */
  async run<T>(fnSource: string, arg: unknown): Promise<T> {
    const call = scriptExpression(fnSource, arg);
    const expression = `(async () => { const v = await ${call}; return typeof v === 'object' && v !== null ? ['json', JSON.stringify(v)] : v; })()`;
    const reply = this.connection.send<EvaluateResult>('script.evaluate', {
      expression,
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const evaluated = await callWithTimeout(reply, this.scriptTimeoutMs);
    if (evaluated.type === 'exception') {
      throw new Error(evaluated.exceptionDetails?.text ?? 'the script threw');
    }
    return fromRemoteValue(evaluated.result) as T;
  }

  async goto(url: string): Promise<void> {
    const navigating = this.connection.send('browsingContext.navigate', {
      context: this.context,
      url,
      wait: 'complete',
    });
    await callWithTimeout(navigating, BROWSER_TIMEOUTS.pageLoad);
  }

  takeConsole(): string[] {
    return this.console.take();
  }

  async close(): Promise<void> {
    this.forget();
    await this.connection
      .send('browsingContext.close', { context: this.context })
      .catch(() => undefined);
  }
}

/** The value `run` returns: a primitive, or the JSON an object was serialised to in the page. */
function fromRemoteValue(remote: RemoteValue | undefined): unknown {
  if (remote === undefined || remote.type === 'undefined') return undefined;
  if (remote.type === 'null') return null;
  if (remote.type === 'array') {
    const [, json] = remote.value as RemoteValue[];
    return JSON.parse(String(json?.value));
  }
  return remote.value;
}
