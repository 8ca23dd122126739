// A real engine confirms the shrunk disagreements page JS can see (too permissive, too strict,
// exposed headers): one finding per adapter and kind, its policy served fresh, its probes up to
// the disagreeing one made by page JS on their own origins (src/live/session.ts, as verify
// does), and the engine's result set beside the raw run's. Cache headers, max-age, repeated
// answers, odd header lists and non-preflight OPTIONS are raw-HTTP findings: no single page
// request shows them, and the report says so instead of running them.
import { stepDescriptor } from '../harness/compile.js';
import type { BrowserName } from '../harness/engines/types.js';
import { credentialsOf, jarCookies } from '../live/credentials.js';
import { LiveSession } from '../live/session.js';
import { requestOf } from '../verify/probe-cases.js';
import type { ResolvedRequest } from './generate.js';
import { resolveRequest } from './generate.js';
import type { DisagreementKind } from './oracle.js';
import type { SuiteAdapter } from './suite-adapter.js';
import type { SuiteFinding } from './suite.js';

/** Kinds one page request shows, so an engine can confirm them. */
export const PAGE_VISIBLE_KINDS: readonly DisagreementKind[] = [
  'too-permissive',
  'too-strict',
  'exposes-too-much',
  'exposes-too-little',
];

export interface BrowserCheck {
  engine: string;
  /** What page JS saw for the disagreeing probe; null when it could not run. */
  read: boolean | null;
  readableHeaders: string[];
  /** The engine's read equals the raw run's (the model's) for that probe. */
  agrees: boolean | null;
  note: string;
}

function requestsUpTo(f: SuiteFinding): { index: number; r: ResolvedRequest }[] {
  const out: { index: number; r: ResolvedRequest }[] = [];
  for (const [index, probe] of f.case.probes.entries()) {
    if (index > f.disagreement.probe) break;
    if (probe.kind !== 'request') continue;
    const r = resolveRequest(f.case.policy, probe);
    if (r !== null) out.push({ index, r });
  }
  return out;
}

/** Confirms one finding per adapter and kind in `browser`; keyed by `adapter kind`. */
export async function confirmFindings(
  browser: BrowserName,
  findings: readonly SuiteFinding[],
  adapters: readonly SuiteAdapter[],
): Promise<Record<string, BrowserCheck>> {
  const checks: Record<string, BrowserCheck> = {};
  const visible = findings.filter((f) => PAGE_VISIBLE_KINDS.includes(f.kind));
  for (const f of findings)
    if (!PAGE_VISIBLE_KINDS.includes(f.kind))
      checks[`${f.adapter} ${f.kind}`] = {
        engine: browser,
        read: null,
        readableHeaders: [],
        agrees: null,
        note: 'a raw-HTTP finding: no single page request shows it',
      };
  if (visible.length === 0) return checks;
  const origins = [
    ...new Set(visible.flatMap((f) => requestsUpTo(f).map(({ r }) => r.origin))),
  ].filter((o) => o !== 'null');
  return await LiveSession.using(browser, origins, async (session) => {
    for (const f of visible) {
      const adapter = adapters.find((a) => a.name === f.adapter);
      if (adapter === undefined) continue;
      checks[`${f.adapter} ${f.kind}`] = await confirmOne(session, adapter, f);
    }
    return checks;
  });
}

async function confirmOne(
  session: LiveSession,
  adapter: SuiteAdapter,
  f: SuiteFinding,
): Promise<BrowserCheck> {
  const started = await adapter.start(f.case.policy);
  const check: BrowserCheck = {
    engine: session.engineLabel,
    read: null,
    readableHeaders: [],
    agrees: null,
    note: '',
  };
  try {
    const url = new URL(started.url);
    for (const cookie of jarCookies(credentialsOf({}), url)) await session.addCookie(cookie);
    for (const { index, r } of requestsUpTo(f)) {
      const pageOrigin = r.origin === 'null' ? session.opaqueParent : r.origin;
      const why = session.unavailable(pageOrigin);
      if (why !== null) {
        check.note = `no page on ${pageOrigin}: ${why}`;
        return check;
      }
      const o = await session.fetch({
        origin: pageOrigin,
        client: r.origin === 'null' ? 'opaque-origin' : 'page',
        step: stepDescriptor(
          requestOf({ method: r.jsMethod, headers: r.headers, credentials: r.credentials }),
          url.href,
        ),
        timeoutMs: 10_000,
      });
      if (index !== f.disagreement.probe) continue;
      check.read = o.outcome === 'ok' && o.responseType === 'cors';
      check.readableHeaders = o.readableHeaders;
      const header = f.disagreement.header?.toLowerCase();
      if (header !== undefined) {
        // The engine shows the same exposure: it reads the header exactly when the raw run did.
        const reads = check.readableHeaders.includes(header);
        check.agrees = check.read && reads === (f.kind === 'exposes-too-much');
      } else {
        const raw = f.outcome.probes.find((p) => p.probe === index);
        check.agrees = raw === undefined ? null : raw.read === check.read;
      }
      if (check.agrees === false && r.credentials)
        check.note = 'the engine may not have sent the cookie on this cross-site request';
    }
  } finally {
    await started.stop();
  }
  return check;
}
