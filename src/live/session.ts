// A browser with pages on chosen requesting origins, for `verify`, `frameworks` and the
// audit's proofs: the page host serves the origins, the launcher maps their host names, and
// the pages make requests through the in-page runner. Origins that cannot have a page (port
// in use, privileged port without root, a name the engine cannot map) are reported with the
// reason. Origins added later (`ensure`) relaunch the engine when they need new names.
import type { BrowserName, EngineCookie } from '../harness/engines/types.js';
import { OPAQUE_PARENT_HOST } from '../policy/index.js';
import { launchMapped } from './launch.js';
import { PageHost, freePort } from './page-host.js';
import { LivePages, type PageRequest } from './pages.js';
import type { PageObservation } from '../harness/types.js';

export interface LiveSessionOptions {
  /** Per in-page call, ms. Default 30 000. */
  scriptTimeoutMs?: number;
}

export class LiveSession {
  private pagesNow: LivePages | null = null;
  private mapped = new Set<string>();
  private readonly refused = new Map<string, string>();
  private readonly cookies: EngineCookie[] = [];

  private constructor(
    readonly browser: BrowserName,
    readonly host: PageHost,
    /** The page that embeds `null`-origin frames (`opaque-origin` clients). */
    readonly opaqueParent: string,
    private readonly opts: LiveSessionOptions,
  ) {}

  /** Starts pages for `origins` (and the opaque parent) and the engine that maps their host names. */
  static async open(
    browser: BrowserName,
    origins: readonly string[],
    opts: LiveSessionOptions = {},
  ): Promise<LiveSession> {
    const parent = `http://${OPAQUE_PARENT_HOST}:${await freePort()}`;
    const session = new LiveSession(browser, new PageHost(), parent, opts);
    try {
      await session.ensure([parent, ...origins]);
    } catch (e) {
      await session.close();
      throw e;
    }
    return session;
  }

  /** Runs `work` in a session opened for `origins`; the session is closed whatever happens. */
  static async using<T>(
    browser: BrowserName,
    origins: readonly string[],
    work: (session: LiveSession) => Promise<T>,
  ): Promise<T> {
    const session = await LiveSession.open(browser, origins);
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  }

  /** `browser version` of the running engine. */
  get engineLabel(): string {
    return this.pages.engineLabel;
  }

  /** The running engine's build (`EngineInfo.version`), which selects its deviation rules. */
  get engineVersion(): string {
    return this.pages.slot.engine.info.version;
  }

  private get pages(): LivePages {
    if (this.pagesNow === null) throw new Error('the live session has no engine');
    return this.pagesNow;
  }

  /** Serves pages for more origins; relaunches the engine when they need new host names. */
  async ensure(origins: readonly string[]): Promise<void> {
    await this.host.serve(origins);
    const names = this.host.hostNames;
    if (this.pagesNow !== null && names.every((n) => this.mapped.has(n) || this.refused.has(n))) {
      return;
    }
    await this.stopEngine();
    const launched = await launchMapped(this.browser, names, {
      scriptTimeoutMs: this.opts.scriptTimeoutMs ?? 30_000,
    });
    this.refused.clear();
    for (const r of launched.refused) this.refused.set(r.name, r.reason);
    this.mapped = new Set(names.filter((n) => !this.refused.has(n)));
    this.pagesNow = new LivePages(launched.slot);
    for (const c of this.cookies) await this.pagesNow.addCookie(c);
  }

  /** Why no page can be on `origin`, or null when one can. */
  unavailable(origin: string): string | null {
    const why = this.host.whyUnavailable(origin);
    if (why !== null) return why;
    if (!this.host.served.includes(origin)) return `no page was started on ${origin}`;
    return this.refused.get(new URL(origin).hostname) ?? null;
  }

  /** Puts a cookie into the engine's jar (kept across relaunches); false without a cookie API. */
  async addCookie(cookie: EngineCookie): Promise<boolean> {
    const ok = await this.pages.addCookie(cookie);
    if (ok) this.cookies.push(cookie);
    return ok;
  }

  /** One request from a page on `req.origin` (which must be available). */
  fetch(req: PageRequest): Promise<PageObservation> {
    return this.pages.fetch(req);
  }

  private async stopEngine(): Promise<void> {
    const pages = this.pagesNow;
    this.pagesNow = null;
    if (pages === null) return;
    await pages.close();
    await pages.slot.engine.close();
  }

  /** Ends the engine and the page servers. */
  async close(): Promise<void> {
    try {
      await this.stopEngine();
    } finally {
      await this.host.close();
    }
  }
}
