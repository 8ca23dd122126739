// The browser side of verify: each case made by page JS on its requesting origin in a real
// engine (src/live/session.ts), with the run's cookie in the jar, redirects never followed.
// The engine's result is compared with the model's; a credentialed case whose answer depends
// on the cookie and whose engine result is the cookie-less one says so instead of "disagrees"
// (engines block third-party cookies on many cross-site requests).
import { stepDescriptor } from '../harness/compile.js';
import type { Credentials } from '../live/credentials.js';
import { jarCookies } from '../live/credentials.js';
import type { LiveTarget } from '../live/target.js';
import { LiveSession } from '../live/session.js';
import type { BrowserVerdict, VerifyCaseResult, VerifyOptions } from './index.js';
import { verdictOf } from './index.js';
import { pageOf, requestOf, type ProbedCase } from './probe-cases.js';

/** Per-step limit in the page: the probe's limit (the command's deadline permitting). */
export function stepLimit(target: LiveTarget): number {
  return (
    target.deadline?.budget(target.probeTimeoutMs ?? 10_000) ?? target.probeTimeoutMs ?? 10_000
  );
}

/** A part of verify that runs in every engine: the page origins it needs, and its run. */
export interface BrowserWork {
  origins: string[];
  run(session: LiveSession): Promise<void>;
}

/** Runs every work in each engine (or the given session); returns the engines that could not run. */
export async function confirmInBrowser(
  works: readonly BrowserWork[],
  options: Pick<VerifyOptions, 'engines' | 'session'>,
): Promise<string[]> {
  const skipped: string[] = [];
  if (works.length === 0) return skipped;
  if (options.session !== undefined) {
    for (const w of works) await w.run(options.session);
    return skipped;
  }
  const origins = [...new Set(works.flatMap((w) => w.origins))];
  for (const browser of options.engines ?? ['chromium']) {
    let session: LiveSession | undefined;
    try {
      session = await LiveSession.open(browser, origins);
      for (const w of works) await w.run(session);
    } catch (e) {
      skipped.push(
        `${browser}: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`,
      );
    } finally {
      await session?.close();
    }
  }
  return skipped;
}

/** The policy's cases as a browser work. */
export function casesWork(
  url: URL,
  results: VerifyCaseResult[],
  probed: Map<string, ProbedCase>,
  credentials: Credentials,
  target: LiveTarget,
): BrowserWork {
  return {
    origins: caseOriginsOf(results.map((r) => r.case)),
    run: (session) => runInSession(session, url, results, probed, credentials, target),
  };
}

/** Requesting origins of cases (`null` is a frame in the session's opaque parent page). */
export function caseOriginsOf(cases: readonly { origin: string }[]): string[] {
  return [...new Set(cases.map((c) => c.origin).filter((o) => o !== 'null'))];
}

async function runInSession(
  session: LiveSession,
  url: URL,
  results: VerifyCaseResult[],
  probed: Map<string, ProbedCase>,
  credentials: Credentials,
  target: LiveTarget,
): Promise<void> {
  const parent = session.opaqueParent;
  await session.ensure(caseOriginsOf(results.map((r) => r.case)));
  for (const cookie of jarCookies(credentials, url)) await session.addCookie(cookie);
  for (const r of results) {
    const { pageOrigin, client } = pageOf(r.case, parent);
    const why = session.unavailable(pageOrigin);
    if (why !== null) {
      r.browsers.push(skippedVerdict(session.browser, `no page on ${pageOrigin}: ${why}`));
      continue;
    }
    const o = await session.fetch({
      origin: pageOrigin,
      client,
      step: stepDescriptor(requestOf(r.case), url.href),
      timeoutMs: stepLimit(target),
    });
    const read = o.outcome === 'ok' && o.responseType === 'cors';
    const verdict: BrowserVerdict = {
      engine: session.engineLabel,
      read,
      status: o.status,
      error: o.error === null ? null : o.error.message,
      verdict: verdictOf(r.case.intent, read),
      agreesWithModel: read === r.model.read,
    };
    const withoutCookie = probed.get(r.case.id)?.readWithoutCookie ?? null;
    if (!verdict.agreesWithModel && withoutCookie === read) {
      verdict.agreesWithModel = null;
      verdict.note = `${session.browser} sent no cookie on this cross-site request (its result is the model's for the cookie-less answer): third-party cookies are blocked here`;
    }
    r.browsers.push(verdict);
  }
}

function skippedVerdict(browser: string, why: string): BrowserVerdict {
  return {
    engine: browser,
    read: null,
    status: null,
    error: null,
    verdict: null,
    agreesWithModel: null,
    skipped: why,
  };
}
