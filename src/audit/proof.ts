// Browser proofs of exploitable findings: a page on the attacker origin, in a real engine
// with a real cookie for the target in its jar, reads the target's response body. The cookie
// is put into the jar through the engine (no request to the target); only the target and
// the local attacker pages are contacted.
import { randomBytes } from 'node:crypto';
import { launchEngine } from '../harness/engines/index.js';
import type { BrowserName, Engine } from '../harness/engines/types.js';
import { freePort, limitToTestNames, serveOriginPages } from '../verify/origin-pages.js';
import { PAGE_FETCH_SOURCE, parsePageFetch } from '../verify/page-fetch.js';
import type { ProbeTarget } from '../verify/probe.js';
import type { BrowserProof, Finding } from './findings.js';
import { ATTACKER_ORIGIN_HOST } from './probes.js';

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
 * Adds `proof` to each exploitable finding (in place). Returns lines for the report's
 * `skipped` list when a proof could not be made.
 */
export async function proveFindings(
  url: URL,
  findings: Finding[],
  browser: BrowserName,
  _target: ProbeTarget,
): Promise<string[]> {
  const skipped: string[] = [];
  // Browsers send a cookie on a cross-site fetch only when it is SameSite=None, which needs
  // Secure, which needs https. For a plain-http target the cookie is SameSite=Lax and the
  // attacker page for reflection sits on a same-site origin of the target (another port, or
  // a sub-domain), where a Lax cookie does go along; CORS still applies (another origin).
  const secureTarget = url.protocol === 'https:';
  const port = await freePort();
  const host = url.hostname;
  const localAttacker = secureTarget
    ? `http://${ATTACKER_ORIGIN_HOST}:${port}`
    : host === 'localhost' || /^[\d.]+$/.test(host)
      ? `http://${host}:${port}`
      : `http://attacker.${host}:${port}`;
  const plans = findings.map((f) => ({ f, ...attackerOriginFor(f, localAttacker) }));
  const served = await serveOriginPages([...new Set(plans.map((p) => p.origin))]);
  const pages = browser === 'webkit' ? limitToTestNames(served) : served;
  let engine: Engine | null = null;
  try {
    for (const u of pages.unavailable) skipped.push(`browser proof from ${u.origin}: ${u.reason}`);
    try {
      engine = await launchEngine(browser, { hostNames: pages.hostNames, scriptTimeoutMs: 20_000 });
    } catch (e) {
      skipped.push(
        `browser proofs: ${browser} could not start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      );
      return skipped;
    }
    const cookie = `cors_conformance_proof=${randomBytes(6).toString('hex')}`;
    if (engine.addCookie !== undefined) {
      const [name, value] = cookie.split('=') as [string, string];
      await engine.addCookie({
        url: `${url.origin}/`,
        name,
        value,
        sameSite: secureTarget ? 'None' : 'Lax',
        secure: secureTarget,
      });
    } else {
      skipped.push(
        `browser proofs: the ${browser} backend cannot set a cookie for the target; proofs run without one`,
      );
    }
    // Findings that need the same page (reflection and its credentialed-wildcard twin) share one run.
    const done = new Map<string, BrowserProof>();
    for (const plan of plans) {
      if (!pages.served.includes(plan.origin)) continue;
      const key = `${plan.origin} ${String(plan.opaque)}`;
      const earlier = done.get(key);
      if (earlier !== undefined) {
        plan.f.proof = earlier;
        continue;
      }
      const page = await engine.openPage(`${plan.origin}/`);
      try {
        const text = await page.run<string>(PAGE_FETCH_SOURCE, {
          url: url.href,
          method: 'GET',
          headers: [],
          credentials: 'include',
          opaque: plan.opaque,
        });
        const r = parsePageFetch(text);
        const proof: BrowserProof = {
          engine: `${engine.info.browser} ${engine.info.version}`,
          attackerOrigin: plan.opaque ? 'null' : plan.origin,
          read: r.read,
          status: r.status,
          bodyExcerpt: r.body.slice(0, 200),
          cookie: engine.addCookie !== undefined ? cookie : '(none)',
          ...(r.error !== null ? { error: r.error } : {}),
        };
        plan.f.proof = proof;
        done.set(key, proof);
      } finally {
        await page.close();
      }
    }
  } finally {
    await engine?.close();
    await pages.close();
  }
  return skipped;
}
