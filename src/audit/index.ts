// audit(): probe a server for insecure or broken CORS answers, and prove the exploitable
// ones in a real browser. Returns a structured report; the CLI prints it (text, JSON, SARIF).
import { randomBytes } from 'node:crypto';
import type { BrowserName } from '../harness/engines/types.js';
import type { HeaderList } from '../scenario/types.js';
import { checkTargetUrl, parseOriginRule, ruleMatches } from '../verify/policy.js';
import type { ProbeTarget } from '../verify/probe.js';
import { TargetError } from '../verify/probe.js';
import {
  attackerAllowed,
  credentialedWildcard,
  errorWithoutCors,
  missingVary,
  nondeterministic,
  optionsMisclassified,
  preflightStatus,
  requestControlledVary,
  slowAcrh,
} from './checks.js';
import type { Finding, Severity } from './findings.js';
import { SEVERITIES, severityRank } from './findings.js';
import { lookalikesOf } from './lookalikes.js';
import type { Probed } from './probes.js';
import { ATTACKER_ORIGIN_HOST, Prober } from './probes.js';
export { ATTACKER_ORIGIN_HOST } from './probes.js';
import { proveFindings } from './proof.js';

export type { Finding, FindingId, Severity, Exchange, BrowserProof, RuleInfo } from './findings.js';
export { RULES, SEVERITIES } from './findings.js';
export { lookalikesOf } from './lookalikes.js';
export type { Lookalike, LookalikeKind } from './lookalikes.js';
export { toSarif } from './sarif.js';
export { formatAuditText } from './text.js';

export interface AuditOptions {
  /** The server's URL (only this origin is contacted). */
  target: string;
  /** Origins (or `https://*.example.com` patterns) the owner means to allow. */
  allowOrigins?: string[];
  /** PEM to trust for an https target; or accept any certificate. */
  ca?: string;
  insecure?: boolean;
  /** How many times the determinism check repeats a request (default 4). */
  repeat?: number;
  /** Time budget for one adversarial preflight, ms (default 2000). */
  acrhBudgetMs?: number;
  /** Browser proofs of exploitable findings: an engine, or false to skip (default chromium). */
  proof?: BrowserName | false;
}

export interface AuditReport {
  target: string;
  findings: Finding[];
  /** Requests sent to the target. */
  probes: number;
  /** Checks not run, and why. */
  skipped: string[];
  /** Per-severity counts. */
  counts: Record<Severity, number>;
}

export async function audit(options: AuditOptions): Promise<AuditReport> {
  const url = checkTargetUrl(options.target);
  const allow = (options.allowOrigins ?? []).map((o) => parseOriginRule(o, `--allow-origin ${o}`));
  const target: ProbeTarget = {
    url,
    ...(options.ca !== undefined ? { ca: options.ca } : {}),
    ...(options.insecure === true ? { insecure: true } : {}),
  };
  const prober = new Prober(target);
  const skipped: string[] = [];
  const findings: Finding[] = [];
  const marker = `cc-probe-${randomBytes(4).toString('hex')}`;
  const attacker = `https://${ATTACKER_ORIGIN_HOST}`;
  const allowedInstances = allow.map((r) => (r.wildcard ? r.text.replace('*.', 'app.') : r.text));
  const isAllowed = (o: string): boolean => allow.some((r) => ruleMatches(r, o));

  // Reachability first: one clear TargetError if the server is not there.
  const noOrigin = await prober.get(null);
  const evil = await prober.get(attacker, [
    ['Vary', marker],
    ['X-Cors-Conformance-Probe', marker],
  ]);
  findings.push(
    ...attackerAllowed('origin-reflection', url, attacker, evil, 'an arbitrary origin'),
  );
  findings.push(...credentialedWildcard(url, attacker, evil));

  const nul = await prober.get('null');
  findings.push(...attackerAllowed('null-origin-allowed', url, 'null', nul, 'the origin'));

  const allowedGets: { origin: string; p: Probed }[] = [];
  for (const o of allowedInstances) allowedGets.push({ origin: o, p: await prober.get(o) });

  // Lookalikes: only meaningful when the owner says what is allowed, and when reflection
  // (already reported) does not allow everything anyway.
  const reflects = findings.some((f) => f.id === 'origin-reflection');
  if (allow.length === 0) {
    skipped.push('lookalike-origin-allowed: no --allow-origin given');
  } else if (reflects) {
    skipped.push('lookalike-origin-allowed: every origin is allowed (origin-reflection)');
  } else {
    const looks = allow.flatMap((r) => lookalikesOf(r.text)).filter((l) => !isAllowed(l.origin));
    for (const l of looks) {
      const p = await prober.get(l.origin);
      const got = attackerAllowed(
        'lookalike-origin-allowed',
        url,
        l.origin,
        p,
        `the ${l.kind} lookalike of ${l.of},`,
      );
      findings.push(...got);
    }
  }

  // Vary: a response whose CORS answer depends on Origin must say so.
  findings.push(
    ...missingVary([
      { origin: null, p: noOrigin },
      { origin: attacker, p: evil },
      { origin: 'null', p: nul },
      ...allowedGets,
    ]),
  );

  // Preflights: with the marker in the requested headers, for the request-controlled Vary check.
  const mainOrigin = allowedInstances[0] ?? attacker;
  const preflight = await prober.preflight(mainOrigin, 'PUT', `content-type,x-${marker}`);
  const evilPreflight = await prober.preflight(attacker, 'PUT', `x-${marker}`);
  findings.push(...requestControlledVary(marker, [evil, preflight, evilPreflight]));
  findings.push(...preflightStatus(preflight));

  // Determinism: the same request several times.
  const repeat = Math.max(2, options.repeat ?? 4);
  const groups: { label: string; probes: Probed[] }[] = [];
  for (const o of [...new Set([mainOrigin, attacker])]) {
    const probes: Probed[] = [];
    for (let i = 0; i < repeat; i++) probes.push(await prober.get(o));
    groups.push({ label: `GET with Origin ${o}`, probes });
  }
  findings.push(...nondeterministic(groups));

  // OPTIONS that is not a preflight.
  const plainOptions = await prober.send('OPTIONS', [['Origin', mainOrigin]]);
  findings.push(...optionsMisclassified(plainOptions, preflight));

  // Error responses: an unknown path below the target.
  const missingUrl = new URL(url.href);
  missingUrl.pathname = `${url.pathname.replace(/\/$/, '')}/cors-conformance-missing-${marker}`;
  missingUrl.search = '';
  const normal = allowedGets[0]?.p ?? evil;
  const errorReply = await prober.send('GET', [['Origin', mainOrigin]], missingUrl);
  findings.push(...errorWithoutCors(normal, errorReply));

  // Adversarial Access-Control-Request-Headers: long runs that make backtracking parsers slow.
  const budget = options.acrhBudgetMs ?? 2000;
  const adversarial: Probed[] = [];
  for (const acrh of adversarialAcrh()) {
    adversarial.push(await timedPreflight(prober, mainOrigin, acrh, budget));
  }
  findings.push(...slowAcrh(preflight, adversarial, budget));

  findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  if (options.proof !== false) {
    const exploitable = findings.filter((f) => f.exploitable);
    if (exploitable.length > 0) {
      skipped.push(...(await proveFindings(url, exploitable, options.proof ?? 'chromium', target)));
    }
  }
  const counts: Record<Severity, number> = { low: 0, medium: 0, high: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return { target: url.href, findings, probes: prober.count, skipped, counts };
}

/** Crafted request-header lists, each under 8 KiB (a common header-size limit). */
export function adversarialAcrh(): string[] {
  return [
    `a${' '.repeat(6000)}b`,
    `${'x,'.repeat(2500)}`,
    `${'a'.repeat(3000)}${' ,'.repeat(1500)}!`,
  ];
}

async function timedPreflight(
  prober: Prober,
  origin: string,
  acrh: string,
  budget: number,
): Promise<Probed> {
  const slowTarget = new Prober({ ...prober.target, timeoutMs: budget * 3 });
  try {
    const p = await slowTarget.preflight(origin, 'PUT', acrh);
    prober.count += 1;
    return p;
  } catch (e) {
    if (!(e instanceof TargetError) || !/no answer within/.test(e.message)) throw e;
    prober.count += 1;
    const headers: HeaderList = [
      ['Origin', origin],
      ['Access-Control-Request-Method', 'PUT'],
      ['Access-Control-Request-Headers', acrh],
    ];
    return {
      reply: { status: 0, headers: [], body: '', elapsedMs: budget * 3 },
      exchange: {
        request: { method: 'OPTIONS', url: prober.target.url.href, headers },
        response: {
          status: 0,
          headers: [],
          bodyExcerpt: `(no answer within ${budget * 3} ms)`,
          elapsedMs: budget * 3,
        },
      },
    };
  }
}

/** Whether any finding reaches the `--fail-on` severity. */
export function reachesFailOn(report: AuditReport, failOn: Severity): boolean {
  return report.findings.some((f) => severityRank(f.severity) >= severityRank(failOn));
}

export function isSeverity(v: string): v is Severity {
  return (SEVERITIES as readonly string[]).includes(v);
}
