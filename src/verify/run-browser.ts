// Runs verify cases in a real engine: one page per requesting origin (really on that origin:
// host names mapped to loopback, a local certificate for https), the request made by page JS.
// A session (engine + origin pages) can be shared by several runs, e.g. one per framework.
import { launchEngine } from '../harness/engines/index.js';
import type { BrowserName, Engine, EnginePage } from '../harness/engines/types.js';
import type { VerifyCase } from './cases.js';
import type { OriginPages } from './origin-pages.js';
import { freePort, limitToTestNames, serveOriginPages } from './origin-pages.js';
import type { PageFetchResult } from './page-fetch.js';
import { PAGE_FETCH_SOURCE, parsePageFetch } from './page-fetch.js';

export interface BrowserRun {
  engine: string;
  /** Per case id: what page JS saw, or why the case did not run. */
  results: Map<string, PageFetchResult | { skipped: string }>;
}

/** One engine with pages on a set of requesting origins. */
export interface BrowserSession {
  engine: Engine;
  pages: OriginPages;
  /** The local page that hosts the sandboxed frames of `null`-origin cases. */
  nullParent: string;
  /** The page on `origin`, opened on first use and kept for later runs. */
  pageOn(origin: string): Promise<EnginePage>;
  close(): Promise<void>;
}

/** Starts the origin pages for `cases` and the engine that maps their host names. */
export async function openBrowserSession(
  browser: BrowserName,
  cases: readonly VerifyCase[],
): Promise<BrowserSession> {
  const nullParent = `http://parent.cors-conformance.test:${await freePort()}`;
  const origins = [...new Set(cases.map((c) => (c.origin === 'null' ? nullParent : c.origin)))];
  const served = await serveOriginPages(origins);
  const pages = browser === 'webkit' ? limitToTestNames(served) : served;
  let engine: Engine;
  try {
    engine = await launchEngine(browser, { hostNames: pages.hostNames, scriptTimeoutMs: 30_000 });
  } catch (e) {
    await pages.close();
    throw e;
  }
  const open = new Map<string, Promise<EnginePage>>();
  return {
    engine,
    pages,
    nullParent,
    pageOn: (origin) => {
      let page = open.get(origin);
      if (page === undefined) {
        page = engine.openPage(`${origin}/`);
        open.set(origin, page);
      }
      return page;
    },
    close: async () => {
      await engine.close();
      await pages.close();
    },
  };
}

export async function runCasesInSession(
  session: BrowserSession,
  target: URL,
  cases: readonly VerifyCase[],
): Promise<BrowserRun> {
  const { engine, pages } = session;
  const originOf = (c: VerifyCase): string => (c.origin === 'null' ? session.nullParent : c.origin);
  const results = new Map<string, PageFetchResult | { skipped: string }>();
  for (const c of cases) {
    const origin = originOf(c);
    const down = pages.unavailable.find((u) => u.origin === origin);
    if (down !== undefined) results.set(c.id, { skipped: `no page on ${origin}: ${down.reason}` });
    else if (!pages.served.includes(origin)) results.set(c.id, { skipped: `no page on ${origin}` });
  }
  const byOrigin = new Map<string, VerifyCase[]>();
  for (const c of cases) {
    if (results.has(c.id)) continue;
    byOrigin.set(originOf(c), [...(byOrigin.get(originOf(c)) ?? []), c]);
  }
  for (const [origin, group] of byOrigin) {
    const page = await session.pageOn(origin);
    for (const c of group) {
      const text = await page.run<string>(PAGE_FETCH_SOURCE, {
        url: target.href,
        method: c.method,
        headers: c.headers,
        credentials: c.credentials ? 'include' : 'omit',
        opaque: c.origin === 'null',
      });
      results.set(c.id, parsePageFetch(text));
    }
  }
  return { engine: `${engine.info.browser} ${engine.info.version}`, results };
}

/** A one-off session for one run. */
export async function runCasesInBrowser(
  browser: BrowserName,
  target: URL,
  cases: readonly VerifyCase[],
): Promise<BrowserRun> {
  const session = await openBrowserSession(browser, cases);
  try {
    return await runCasesInSession(session, target, cases);
  } finally {
    await session.close();
  }
}
