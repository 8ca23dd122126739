// Runs verify cases in a real engine: one page per requesting origin (really on that origin:
// host names mapped to loopback, a local certificate for https), the request made by page JS.
import { launchEngine } from '../harness/engines/index.js';
import type { BrowserName, Engine } from '../harness/engines/types.js';
import type { VerifyCase } from './cases.js';
import { serveOriginPages } from './origin-pages.js';
import type { PageFetchResult } from './page-fetch.js';
import { PAGE_FETCH_SOURCE, parsePageFetch } from './page-fetch.js';

/** A page for opaque-origin (`null`) cases: the sandboxed frame lives in it. */
export const NULL_PARENT_ORIGIN = 'http://parent.cors-conformance.test:0';

export interface BrowserRun {
  engine: string;
  /** Per case id: what page JS saw, or why the case did not run. */
  results: Map<string, PageFetchResult | { skipped: string }>;
}

export async function runCasesInBrowser(
  browser: BrowserName,
  target: URL,
  cases: readonly VerifyCase[],
  parentPort: number,
): Promise<BrowserRun> {
  const parent = `http://parent.cors-conformance.test:${parentPort}`;
  const originOf = (c: VerifyCase): string => (c.origin === 'null' ? parent : c.origin);
  const pages = await serveOriginPages([...new Set(cases.map(originOf))]);
  const results = new Map<string, PageFetchResult | { skipped: string }>();
  let engine: Engine | null = null;
  try {
    for (const u of pages.unavailable) {
      for (const c of cases)
        if (originOf(c) === u.origin)
          results.set(c.id, { skipped: `no page on ${u.origin}: ${u.reason}` });
    }
    engine = await launchEngine(browser, { hostNames: pages.hostNames, scriptTimeoutMs: 30_000 });
    const byOrigin = new Map<string, VerifyCase[]>();
    for (const c of cases) {
      if (!pages.served.includes(originOf(c))) continue;
      byOrigin.set(originOf(c), [...(byOrigin.get(originOf(c)) ?? []), c]);
    }
    for (const [origin, group] of byOrigin) {
      const page = await engine.openPage(`${origin}/`);
      try {
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
      } finally {
        await page.close();
      }
    }
    return { engine: `${engine.info.browser} ${engine.info.version}`, results };
  } finally {
    await engine?.close();
    await pages.close();
  }
}
