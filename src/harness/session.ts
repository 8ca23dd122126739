// The engine a run uses (replaceable after a crash) and its one long-lived page, with the
// cookie jar the page's cases run under.
import { cookieChainUrl } from '../../servers/cookie-chain.js';
import type { CookieSetup } from '../scenario/types.js';
import { launchEngine } from './engines/index.js';
import type { Engine, EnginePage } from './engines/types.js';
import { RUNNER_PAGE_PATH, installRunnerPages } from './page-runner.js';
import type { HarnessServers } from './run.js';

/**
 * The engine a run uses, replaceable: after a crash or a hung script the runner closes it
 * and launches the same browser again. Whoever owns the slot closes `slot.engine` at the end.
 */
export class EngineSlot {
  restarts = 0;
  private closed = false;
  constructor(
    public engine: Engine,
    private readonly relaunch: () => Promise<Engine>,
  ) {}

  static for(engine: Engine, hostNames: string[], scriptTimeoutMs?: number): EngineSlot {
    const opts = scriptTimeoutMs === undefined ? { hostNames } : { hostNames, scriptTimeoutMs };
    return new EngineSlot(engine, () => launchEngine(engine.info.browser, opts));
  }

  /** Ends the engine it holds; no restart after this (a batch still running fails instead). */
  async close(): Promise<void> {
    this.closed = true;
    await this.engine.close();
  }

  async restart(): Promise<Engine> {
    if (this.closed) throw new Error('the engine was closed (the run is ending)');
    try {
      await this.engine.close();
    } catch {
      // The old browser is gone already; nothing to close.
    }
    this.engine = await this.relaunch();
    this.restarts++;
    return this.engine;
  }
}

/** The cookies a jar switch expires and sets, as `Set-Cookie` values on their origins. */
export function jarSwitch(
  origins: HarnessServers['origins'],
  expire: readonly CookieSetup[],
  set: readonly CookieSetup[],
): { origin: string; line: string }[] {
  const line = (c: CookieSetup, gone: boolean): string => {
    const attrs = [c.attributes ?? '', gone ? 'Max-Age=0' : ''].filter((a) => a !== '');
    return [`${c.name}=${c.value}`, ...attrs].join('; ');
  };
  return [
    ...expire.map((c) => ({ origin: origins[c.on], line: line(c, true) })),
    ...set.map((c) => ({ origin: origins[c.on], line: line(c, false) })),
  ];
}

/**
 * The long-lived page of one engine, reused across batches and tables. Opaque-origin
 * clients live in iframes of this page, so a backend with a single window works too.
 */
export class RunSession {
  private page: EnginePage | null = null;
  /** The engine `page` was opened in: another session on the slot may have replaced it. */
  private pageEngine: Engine | null = null;
  private installed = false;
  /** The cookies this session put in the jar and has not expired yet. */
  private jar: readonly CookieSetup[] = [];
  constructor(
    readonly slot: EngineSlot,
    readonly servers: HarnessServers,
  ) {}

  get runnerUrl(): string {
    return `${this.servers.pageOrigin}${RUNNER_PAGE_PATH}`;
  }

  async getPage(): Promise<EnginePage> {
    if (!this.installed) {
      installRunnerPages(this.servers);
      this.installed = true;
    }
    // Another session on the same slot restarted the engine: this page went with the old one
    // (and the jar with it).
    if (this.pageEngine !== this.slot.engine) {
      this.page = null;
      this.jar = [];
    }
    this.page ??= await this.slot.engine.openPage(this.runnerUrl);
    this.pageEngine = this.slot.engine;
    return this.page;
  }

  /** After a crash: a new browser (with an empty jar) and a new page. */
  async restart(): Promise<void> {
    this.page = null;
    this.jar = [];
    await this.slot.restart();
  }

  /**
   * Makes `cookies` the jar: expires what this session set before and sets each cookie
   * first-party on its own host, all in one navigation (servers/cookie-chain.ts) that ends
   * back on the runner page. Nothing to change: no navigation.
   */
  async useCookies(cookies: readonly CookieSetup[]): Promise<void> {
    if (this.pageEngine !== this.slot.engine) this.jar = []; // a new browser, a new jar
    if (JSON.stringify(cookies) === JSON.stringify(this.jar)) return;
    const page = await this.getPage();
    const url = cookieChainUrl({
      set: jarSwitch(this.servers.origins, this.jar, cookies),
      then: this.runnerUrl,
    });
    this.jar = [];
    if (url !== null) await page.goto(url);
    this.jar = [...cookies];
  }

  async close(): Promise<void> {
    const p = this.page;
    this.page = null;
    if (p) await p.close().catch(() => undefined);
  }
}
