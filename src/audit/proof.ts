// Browser proofs of exploitable findings on the live stack: a page on the attacker origin, in
// a real engine with the run's cookie for the target in its jar (the same cookie the raw
// probes carried), fetches the target with credentials and reads the body. The cookie goes
// into the jar through the engine; the request never follows a redirect (`redirect:
// 'manual'`), and only a body read from the target's own URL counts as proof, so only the
// target and the local attacker pages are contacted.
import { stepDescriptor } from '../harness/compile.js';
import type { BrowserName } from '../harness/engines/types.js';
import type { PageObservation } from '../harness/types.js';
import type { Credentials } from '../live/credentials.js';
import { jarCookies } from '../live/credentials.js';
import { freePort } from '../live/page-host.js';
import { LiveSession } from '../live/session.js';
import type { LiveTarget } from '../live/target.js';
import { ATTACKER_ORIGIN_HOST } from '../policy/index.js';
import type { BrowserProof, Finding } from './findings.js';

/** Where a finding's attacker page must live: a concrete origin, or a sandboxed frame. */
function attackerOriginFor(f: Finding, localAttacker: string): { origin: string; opaque: boolean } {
  const sent = f.evidence.request.headers.find(([n]) => n.toLowerCase() === 'origin')?.[1] ?? '';
  if (sent === 'null') return { origin: localAttacker, opaque: true };
  // Reflection allows any origin: a port-bearing local one needs no privileged port.
  if (f.id === 'origin-reflection' || f.id === 'credentialed-wildcard')
    return { origin: localAttacker, opaque: false };
  return { origin: sent, opaque: false };
}

/**
 * The attacker page for reflection. Browsers send a cookie on a cross-site request only when
 * it is SameSite=None (and third-party cookies are not blocked). For a plain-http target the
 * page sits on a same-site origin of the target (another port, or a sub-domain), where the
 * cookie goes along; CORS still applies (another origin).
 */
async function localAttackerOrigin(url: URL): Promise<string> {
  const port = await freePort();
  const host = url.hostname;
  if (url.protocol === 'https:') return `http://${ATTACKER_ORIGIN_HOST}:${port}`;
  return host === 'localhost' || /^[\d.]+$/.test(host)
    ? `http://${host}:${port}`
    : `http://attacker.${host}:${port}`;
}

/**
 * Adds `proof` to each exploitable finding (in place). Returns lines for the report's
 * `skipped` list when a proof could not be made.
 */
export async function proveFindings(
  url: URL,
  findings: Finding[],
  browser: BrowserName,
  credentials: Credentials,
  target: LiveTarget,
): Promise<string[]> {
  const skipped: string[] = [];
  const localAttacker = await localAttackerOrigin(url);
  const plans = findings.map((f) => ({ f, ...attackerOriginFor(f, localAttacker) }));
  let session: LiveSession;
  try {
    session = await LiveSession.open(browser, [...new Set(plans.map((p) => p.origin))], {
      scriptTimeoutMs: 20_000,
    });
  } catch (e) {
    return [
      `browser proofs: ${browser} could not start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    ];
  }
  try {
    let cookie = credentials.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    for (const c of jarCookies(credentials, url)) {
      if (!(await session.addCookie(c))) {
        skipped.push(
          `browser proofs: the ${browser} backend cannot set a cookie for the target; proofs run without one`,
        );
        cookie = '(none)';
        break;
      }
    }
    // Findings that need the same page (reflection and its credentialed-wildcard twin) share one run.
    const done = new Map<string, BrowserProof>();
    for (const plan of plans) {
      const why = session.unavailable(plan.origin);
      if (why !== null) {
        skipped.push(`browser proof from ${plan.origin}: ${why}`);
        continue;
      }
      const key = `${plan.origin} ${String(plan.opaque)}`;
      const proof = done.get(key) ?? (await prove(session, url, plan, cookie, target));
      done.set(key, proof);
      plan.f.proof = proof;
    }
  } finally {
    await session.close();
  }
  return skipped;
}

async function prove(
  session: LiveSession,
  url: URL,
  plan: { origin: string; opaque: boolean },
  cookie: string,
  target: LiveTarget,
): Promise<BrowserProof> {
  const o = await session.fetch({
    origin: plan.opaque ? session.opaqueParent : plan.origin,
    client: plan.opaque ? 'opaque-origin' : 'page',
    step: stepDescriptor(
      { method: 'GET', credentials: 'include', mode: 'cors', redirect: 'manual' },
      url.href,
    ),
    timeoutMs: target.deadline?.budget(target.probeTimeoutMs ?? 10_000) ?? 10_000,
  });
  const fromTarget = o.url === null || o.url === url.href;
  const read = o.outcome === 'ok' && o.responseType === 'cors' && fromTarget;
  const error = proofError(o, fromTarget);
  return {
    engine: session.engineLabel,
    attackerOrigin: plan.opaque ? 'null' : plan.origin,
    read,
    status: read ? o.status : null,
    bodyExcerpt: read ? (o.body ?? '').slice(0, 200) : '',
    cookie,
    ...(error !== null ? { error } : {}),
  };
}

function proofError(o: PageObservation, fromTarget: boolean): string | null {
  if (o.responseType === 'opaqueredirect') {
    return 'the target answered the browser with a redirect; it is not followed (only the target is contacted), so nothing was read';
  }
  if (!fromTarget) return `the response came from ${o.url ?? '?'}, not the target: not counted`;
  if (o.outcome !== 'ok') return o.error?.message ?? o.outcome;
  if (o.responseType !== 'cors') return `the response was ${o.responseType ?? 'unreadable'}`;
  return null;
}
