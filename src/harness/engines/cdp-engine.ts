// Chromium driven over its DevTools protocol (CDP) on a pipe, by us rather than Playwright.
// One browser and one fresh browser context (an in-memory cookie jar) per Engine, a target per
// page. Each page enables only Page (its load events), Runtime (scripts, console, exceptions)
// and Log (the network service's console lines, such as "blocked by CORS policy"): never the
// Network domain, whose per-request events roughly double the browser's work per fetch.
import { chromiumLaunchArgs } from './browser-settings.js';
import type { DrivenBrowser } from './browser-process.js';
import {
  BROWSER_TIMEOUTS,
  closeBrowser,
  lastWords,
  orStop,
  pipeTransport,
  startBrowserProcess,
} from './browser-process.js';
import { ConsoleLines } from './console-lines.js';
import { ProtocolConnection } from './protocol-connection.js';
import { callWithTimeout, scriptExpression } from './script.js';
import type { Engine, EngineCookie, EngineInfo, EnginePage, LaunchOptions } from './types.js';
import { EngineCrashed, withCookieDefaults } from './types.js';

export async function launchCdpEngine(info: EngineInfo, opts: LaunchOptions): Promise<Engine> {
  const browser = await startBrowserProcess(
    info.executable,
    (tempDir) => chromiumLaunchArgs(opts.hostNames, `${tempDir}/profile`),
    { pipes: true },
  );
  return orStop(browser, async () => {
    const connection = new ProtocolConnection(pipeTransport(browser), 'chromium');
    const started = connection.send<{ product: string }>('Browser.getVersion');
    const version = await callWithTimeout(started, BROWSER_TIMEOUTS.start).catch(
      (error: unknown) => {
        throw new Error(`chromium did not start: ${String(error)}${lastWords(browser)}`);
      },
    );
    // The fixture servers' https origins use a self-signed certificate.
    await connection.send('Security.setIgnoreCertificateErrors', { ignore: true });
    const { browserContextId } = await connection.send<{ browserContextId: string }>(
      'Target.createBrowserContext',
      { disposeOnDetach: true },
    );
    const engineVersion = /\/([\d.]+)$/.exec(version.product)?.[1] ?? info.version;
    return new CdpEngine(
      {
        info: { ...info, version: engineVersion },
        process: browser,
        connection,
        scriptTimeoutMs: opts.scriptTimeoutMs ?? BROWSER_TIMEOUTS.script,
      },
      browserContextId,
    );
  });
}

class CdpEngine implements Engine {
  readonly info: EngineInfo;
  private readonly connection: ProtocolConnection;

  constructor(
    private readonly driven: DrivenBrowser,
    private readonly browserContextId: string,
  ) {
    this.info = driven.info;
    this.connection = driven.connection;
  }

  async openPage(url: string): Promise<EnginePage> {
    const { targetId } = await this.connection.send<{ targetId: string }>('Target.createTarget', {
      url: 'about:blank',
      browserContextId: this.browserContextId,
    });
    const { sessionId } = await this.connection.send<{ sessionId: string }>(
      'Target.attachToTarget',
      { targetId, flatten: true },
    );
    const page = new CdpPage(this.connection, targetId, sessionId, this.driven.scriptTimeoutMs);
    await page.enable();
    await page.goto(url);
    return page;
  }

  async addCookie(cookie: EngineCookie): Promise<void> {
    await this.connection.send('Storage.setCookies', {
      browserContextId: this.browserContextId,
      cookies: [withCookieDefaults(cookie)],
    });
  }

  close(): Promise<void> {
    return closeBrowser(this.driven, 'Browser.close');
  }
}

interface EvaluateReply {
  result?: { value?: unknown };
  exceptionDetails?: { text?: string; exception?: { description?: string } };
}

class CdpPage implements EnginePage {
  private readonly console = new ConsoleLines();
  private crashed = false;
  private readonly stopListening: (() => void)[] = [];

  constructor(
    private readonly connection: ProtocolConnection,
    private readonly targetId: string,
    private readonly sessionId: string,
    private readonly scriptTimeoutMs: number,
  ) {
    this.listen('Runtime.consoleAPICalled', (p) => this.onConsole(p));
    this.listen('Runtime.exceptionThrown', (p) => {
      const details = p.exceptionDetails as EvaluateReply['exceptionDetails'];
      this.console.add('error', exceptionText(details));
    });
    this.listen('Log.entryAdded', (p) => {
      const entry = p.entry as { level?: string; text?: string; source?: string };
      if (entry.source !== 'worker') this.console.add(entry.level, entry.text ?? '');
    });
    this.listen('Inspector.targetCrashed', () => {
      this.crashed = true;
      this.connection.failSession(this.sessionId, 'the page crashed');
    });
  }

  async enable(): Promise<void> {
    const s = this.sessionId;
    await Promise.all([
      this.connection.send('Page.enable', {}, s),
      this.connection.send('Page.setLifecycleEventsEnabled', { enabled: true }, s),
      this.connection.send('Runtime.enable', {}, s),
      this.connection.send('Log.enable', {}, s),
    ]);
  }

  async run<T>(fnSource: string, arg: unknown): Promise<T> {
    this.assertAlive();
    const reply = this.connection.send<EvaluateReply>(
      'Runtime.evaluate',
      {
        expression: scriptExpression(fnSource, arg),
        awaitPromise: true,
        returnByValue: true,
      },
      this.sessionId,
    );
    const { result, exceptionDetails } = await callWithTimeout(reply, this.scriptTimeoutMs);
    if (exceptionDetails !== undefined) throw new Error(exceptionText(exceptionDetails));
    return result?.value as T;
  }

  /** Navigates and waits for the load event of that navigation (redirects included). */
  async goto(url: string): Promise<void> {
    this.assertAlive();
    let loaderId: string | undefined;
    const loads: string[] = [];
    let loaded: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      loaded = resolve;
    });
    const stop = this.connection.on('Page.lifecycleEvent', (p, sessionId) => {
      if (sessionId !== this.sessionId || p.name !== 'load') return;
      loads.push(String(p.loaderId));
      if (loaderId !== undefined && loads.includes(loaderId)) loaded();
    });
    try {
      const reply = await this.connection.send<{ loaderId?: string; errorText?: string }>(
        'Page.navigate',
        { url },
        this.sessionId,
      );
      if (reply.errorText !== undefined) throw new Error(`cannot open ${url}: ${reply.errorText}`);
      loaderId = reply.loaderId;
      if (loaderId === undefined || loads.includes(loaderId)) return;
      await callWithTimeout(done, BROWSER_TIMEOUTS.pageLoad);
    } finally {
      stop();
    }
  }

  takeConsole(): string[] {
    return this.console.take();
  }

  async close(): Promise<void> {
    for (const stop of this.stopListening) stop();
    await this.connection
      .send('Target.closeTarget', { targetId: this.targetId })
      .catch(() => undefined);
  }

  private listen(method: string, handler: (params: Record<string, unknown>) => void): void {
    this.stopListening.push(
      this.connection.on(method, (params, sessionId) => {
        if (sessionId === this.sessionId) handler(params);
      }),
    );
  }

  private onConsole(p: Record<string, unknown>): void {
    // Each argument as the console shows it: a primitive's value, an object's description.
    const args = (p.args ?? []) as { value?: string | number | boolean; description?: string }[];
    const text = args
      .map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? '')))
      .join(' ');
    this.console.add(p.type, text);
  }

  private assertAlive(): void {
    if (this.crashed) throw new EngineCrashed('the page crashed');
  }
}

function exceptionText(details: EvaluateReply['exceptionDetails']): string {
  return details?.exception?.description ?? details?.text ?? 'the script threw';
}
