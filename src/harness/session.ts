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
  /** The relaunch in progress: callers whose batches failed together share it. */
  private restarting: Promise<Engine> | null = null;
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

  /**
   * Replaces `failed`, the engine a caller saw fail. Batches that ran side by side fail
   * together; they share one relaunch, and a caller whose engine was replaced already uses
   * the new one.
   */
  restartAfter(failed: Engine): Promise<Engine> {
    if (this.restarting !== null) return this.restarting;
    if (this.engine !== failed) return Promise.resolve(this.engine);
    const relaunch = this.restart().finally(() => {
      this.restarting = null;
    });
    this.restarting = relaunch;
    return relaunch;
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
 * Batches one session's page runs at once, unless the session is told otherwise (not the
 * fuzzer's executor calls in flight, src/fuzz/fuzz.ts, which feed these).
 */
const PAGE_BATCHES_AT_ONCE = 4;

/** A batch waiting for its turn in the page: the jar it needs and how to let it in. */
interface Waiter {
  jar: string;
  admit: () => void;
}

/**
 * The long-lived page of one engine, reused across batches and tables. Opaque-origin
 * clients live in iframes of this page, so a backend with a single window works too.
 *
 * Batches share the page: up to `pageBatchesAtOnce` run in it at once, as long as they need
 * the same cookie jar. A batch that needs another jar waits until the page is empty (a jar
 * switch navigates the page, which would end every case in it), and batches behind it wait
 * for their turn, so no jar starves.
 */
export class RunSession {
  private page: Promise<EnginePage> | null = null;
  /** The engine `page` was opened in: another session on the slot may have replaced it. */
  private pageEngine: Engine | null = null;
  private installed = false;
  /** The cookies this session put in the jar and has not expired yet. */
  private jar: readonly CookieSetup[] = [];
  /** The jar switch in progress: batches admitted under the same jar wait for it. */
  private switching: Promise<void> | null = null;
  /** The jar the admitted batches run under, how many run, and who waits. */
  private readonly turns = { jar: '[]', active: 0, waiting: [] as Waiter[] };
  /** Console lines read from the page that no batch has claimed yet. */
  private consoleLines: string[] = [];

  constructor(
    readonly slot: EngineSlot,
    readonly servers: HarnessServers,
    readonly pageBatchesAtOnce = PAGE_BATCHES_AT_ONCE,
  ) {}

  /** Whether the browser's jar holds cookies this session set and has not expired yet. */
  get holdsCookies(): boolean {
    return this.jar.length > 0;
  }

  get runnerUrl(): string {
    return `${this.servers.pageOrigin}${RUNNER_PAGE_PATH}`;
  }

  getPage(): Promise<EnginePage> {
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
    if (this.page === null) {
      const opening = this.slot.engine.openPage(this.runnerUrl);
      opening.catch(() => {
        if (this.page === opening) this.page = null;
      });
      this.page = opening;
      this.pageEngine = this.slot.engine;
    }
    return this.page;
  }

  /**
   * Runs `batch` in the page under `cookies` when its turn comes (see the class comment);
   * the jar is switched first when it differs.
   */
  async withJar<T>(cookies: readonly CookieSetup[], batch: () => Promise<T>): Promise<T> {
    await this.admit(JSON.stringify(cookies));
    try {
      await this.useCookies(cookies);
      return await batch();
    } finally {
      this.turns.active--;
      this.letIn();
    }
  }

  private admit(jar: string): Promise<void> {
    return new Promise((admit) => {
      this.turns.waiting.push({ jar, admit });
      this.letIn();
    });
  }

  /** Lets waiting batches in, in order, while the page has room and their jar is the page's. */
  private letIn(): void {
    const t = this.turns;
    for (let w = t.waiting[0]; w !== undefined; w = t.waiting[0]) {
      const fits = t.active === 0 || (w.jar === t.jar && t.active < this.pageBatchesAtOnce);
      if (!fits) return;
      t.waiting.shift();
      t.jar = w.jar;
      t.active++;
      w.admit();
    }
  }

  /**
   * After `failed` crashed or hung: a new browser (with an empty jar) and a new page. Batches
   * that failed together share one relaunch (EngineSlot.restartAfter).
   */
  async restart(failed: Engine = this.slot.engine): Promise<void> {
    await this.slot.restartAfter(failed);
    if (this.pageEngine !== this.slot.engine) {
      this.page = null;
      this.jar = [];
    }
  }

  /**
   * Makes `cookies` the jar: expires what this session set before and sets each cookie
   * first-party on its own host, all in one navigation (servers/cookie-chain.ts) that ends
   * back on the runner page. Nothing to change: no navigation. Call it inside `withJar`,
   * where no batch of another jar runs.
   */
  async useCookies(cookies: readonly CookieSetup[]): Promise<void> {
    while (this.switching !== null) await this.switching;
    if (this.pageEngine !== this.slot.engine) this.jar = []; // a new browser, a new jar
    if (JSON.stringify(cookies) === JSON.stringify(this.jar)) return;
    const switching = this.switchJar(cookies).finally(() => {
      this.switching = null;
    });
    this.switching = switching;
    await switching;
  }

  private async switchJar(cookies: readonly CookieSetup[]): Promise<void> {
    const page = await this.getPage();
    const url = cookieChainUrl({
      set: jarSwitch(this.servers.origins, this.jar, cookies),
      then: this.runnerUrl,
    });
    this.jar = [];
    if (url !== null) await page.goto(url);
    this.jar = [...cookies];
  }

  /**
   * The page's console lines that name one of `tokens`. Batches share the page, so lines
   * read for one batch may belong to another: they wait here until claimed (the newest
   * thousand are kept).
   */
  async consoleFor(tokens: readonly string[]): Promise<string[]> {
    const page = await this.getPage().catch(() => null);
    if (page !== null) this.consoleLines.push(...page.takeConsole());
    const mine = (line: string): boolean => tokens.some((t) => line.includes(t));
    const claimed = this.consoleLines.filter(mine);
    this.consoleLines = this.consoleLines.filter((l) => !mine(l)).slice(-1000);
    return claimed;
  }

  async close(): Promise<void> {
    const p = this.page;
    this.page = null;
    if (p) await p.then((page) => page.close()).catch(() => undefined);
  }
}
