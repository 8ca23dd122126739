// audit(): probe a server for insecure or broken CORS answers, and prove the exploitable
// ones in a real browser. Raw probes go only to the target, each within one overall
// deadline; credentialed ones carry what a logged-in user's browser sends, and the answers
// with and without it are compared. Lookalikes of the allowed origins come from the policy
// module: the named ones, then generated ones (a property search, shrunk, with its seed).
// Returns a structured report; the CLI prints it (text, JSON, SARIF).
import { randomBytes } from 'node:crypto';
import type { BrowserName } from '../harness/engines/types.js';
import type { CredentialOptions, Credentials } from '../live/credentials.js';
import { credentialsOf } from '../live/credentials.js';
import { headerValue } from '../live/headers.js';
import type { LiveTargetOptions } from '../live/target.js';
import { liveTargetOf } from '../live/target.js';
import type { OriginRule, OriginSearchResult } from '../policy/index.js';
import {
  ATTACKER_ORIGIN_HOST,
  checkTargetUrl,
  parseOriginRule,
  ruleInstance,
} from '../policy/index.js';
import {
  attackerAllowed,
  credentialedWildcard,
  errorWithoutCors,
  missingVary,
  nondeterministic,
  optionsMisclassified,
  preflightReflection,
  preflightStatus,
  requestControlledVary,
} from './checks.js';
import type { Finding, Severity } from './findings.js';
import { SEVERITIES, severityRank } from './findings.js';
import { lookalikeFindings } from './lookalike-check.js';
import type { Probed } from './probes.js';
import { Prober } from './probes.js';
import { proveFindings } from './proof.js';
import { slowAcrhCheck } from './slow-acrh.js';

export { ATTACKER_ORIGIN_HOST } from '../policy/index.js';
export type { Finding, FindingId, Severity, Exchange, BrowserProof, RuleInfo } from './findings.js';
export { RULES, SEVERITIES } from './findings.js';
export { lookalikesOf, policyLookalikes } from '../policy/index.js';
export type { Lookalike, LookalikeKind } from '../policy/index.js';
export { toSarif } from './sarif.js';
export { formatAuditText } from './text.js';
export { adversarialAcrh } from './slow-acrh.js';

export interface AuditOptions extends CredentialOptions, LiveTargetOptions {
  /** Origins (or `https://*.example.com` patterns) the owner means to allow. */
  allowOrigins?: string[];
  /** How many times the determinism check repeats a request (default 4). */
  repeat?: number;
  /** Time budget for one adversarial preflight beyond an ordinary one, ms (default 2000). */
  acrhBudgetMs?: number;
  /** Browser proofs of exploitable findings: an engine, or false to skip (default chromium). */
  proof?: BrowserName | false;
  /** Seed of the generated lookalikes (default: a fresh one, reported). */
  seed?: number;
  /** Generated lookalikes drawn per allowed origin or pattern (default 300; 0: none). */
  generatedRuns?: number;
}

export interface AuditReport {
  target: string;
  findings: Finding[];
  /** Requests sent to the target. */
  probes: number;
  /** The named lookalikes tried (empty without --allow-origin). */
  lookalikes: string[];
  /** The generated-lookalike search: seed (replay with `--seed`), origins tried, findings. */
  generated: OriginSearchResult | null;
  /** Checks not run, and why. */
  skipped: string[];
  /** Per-severity counts. */
  counts: Record<Severity, number>;
}

/** What every stage of one audit shares. */
export interface AuditRun {
  url: URL;
  prober: Prober;
  credentials: Credentials;
  attacker: string;
  allow: OriginRule[];
  findings: Finding[];
  skipped: string[];
  options: AuditOptions;
}

export async function audit(options: AuditOptions): Promise<AuditReport> {
  const url = checkTargetUrl(options.target);
  const allow = (options.allowOrigins ?? []).map((o) => parseOriginRule(o, `--allow-origin ${o}`));
  const target = liveTargetOf(url, options);
  const credentials = credentialsOf(options);
  const run: AuditRun = {
    url,
    prober: new Prober(target, credentials),
    credentials,
    attacker: `https://${ATTACKER_ORIGIN_HOST}`,
    allow,
    findings: [],
    skipped: [],
    options,
  };
  const gets = await originChecks(run);
  const lookalikes = await lookalikeFindings(run);
  await headerChecks(run, gets);
  await slowAcrhCheck(run);
  run.findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  if (options.proof !== false) {
    const exploitable = run.findings.filter((f) => f.exploitable);
    if (exploitable.length > 0) {
      run.skipped.push(
        ...(await proveFindings(
          url,
          exploitable,
          options.proof ?? 'chromium',
          credentials,
          target,
        )),
      );
    }
  }
  const counts: Record<Severity, number> = { low: 0, medium: 0, high: 0 };
  for (const f of run.findings) counts[f.severity] += 1;
  return {
    target: url.href,
    findings: run.findings,
    probes: run.prober.count,
    lookalikes: lookalikes.named,
    generated: lookalikes.generated,
    skipped: run.skipped,
    counts,
  };
}

/**
 * Per finding id, the stronger of the answers without and with the run's credentials; one
 * that only the credentialed answer earns says what the cookie-less answer was.
 */
function strongest(
  without: { p: Probed; findings: Finding[] },
  withCreds: { p: Probed; findings: Finding[] },
): Finding[] {
  const out: Finding[] = [...without.findings];
  for (const f of withCreds.findings) {
    const i = out.findIndex((o) => o.id === f.id);
    const before = i < 0 ? undefined : out[i];
    if (before !== undefined && severityRank(f.severity) <= severityRank(before.severity)) continue;
    const h = without.p.reply.headers;
    const stronger: Finding = {
      ...f,
      message: `${f.message}; only when the request carries the user's cookie (without it: Access-Control-Allow-Origin ${headerValue(h, 'access-control-allow-origin') ?? '(none)'}, Access-Control-Allow-Credentials ${headerValue(h, 'access-control-allow-credentials') ?? '(none)'})`,
    };
    if (i < 0) out.push(stronger);
    else out[i] = stronger;
  }
  return out;
}

interface OriginGets {
  noOrigin: Probed;
  evil: Probed;
  nul: Probed;
  allowedGets: { origin: string; p: Probed }[];
  marker: string;
  mainOrigin: string;
}

/** Reflection, null and credentialed wildcard: each answer without and with credentials. */
async function originChecks(run: AuditRun): Promise<OriginGets> {
  const { prober, url, attacker } = run;
  const marker = `cc-probe-${randomBytes(4).toString('hex')}`;
  // Reachability first: one clear TargetError if the server is not there.
  const noOrigin = await prober.get(null);
  const extra: [string, string][] = [
    ['Vary', marker],
    ['X-Cors-Conformance-Probe', marker],
  ];
  const evil = await prober.get(attacker, { extra });
  const evilCreds = await prober.get(attacker, { extra, credentialed: true });
  const reflectionOf = (p: Probed): Finding[] => [
    ...attackerAllowed('origin-reflection', url, attacker, p, 'an arbitrary origin'),
    ...credentialedWildcard(url, attacker, p),
  ];
  run.findings.push(
    ...strongest(
      { p: evil, findings: reflectionOf(evil) },
      { p: evilCreds, findings: reflectionOf(evilCreds) },
    ),
  );
  const nul = await prober.get('null');
  const nulCreds = await prober.get('null', { credentialed: true });
  const nullOf = (p: Probed): Finding[] =>
    attackerAllowed('null-origin-allowed', url, 'null', p, 'the origin');
  run.findings.push(
    ...strongest({ p: nul, findings: nullOf(nul) }, { p: nulCreds, findings: nullOf(nulCreds) }),
  );
  // A credentialed JSON write from the attacker: does its preflight let it through?
  const writeHeaders: [string, string][] = [['Content-Type', 'application/json']];
  const writePreflight = await prober.preflight(attacker, 'PUT', 'content-type');
  run.findings.push(...preflightReflection(url, attacker, writePreflight, 'PUT', writeHeaders));
  const allowedGets: { origin: string; p: Probed }[] = [];
  for (const o of run.allow.map(ruleInstance)) {
    allowedGets.push({ origin: o, p: await prober.get(o) });
  }
  return {
    noOrigin,
    evil,
    nul,
    allowedGets,
    marker,
    mainOrigin: allowedGets[0]?.origin ?? attacker,
  };
}

/** Vary, determinism, OPTIONS handling, preflight status, error responses. */
async function headerChecks(run: AuditRun, g: OriginGets): Promise<void> {
  const { prober, url, attacker, findings } = run;
  findings.push(
    ...missingVary([
      { origin: null, p: g.noOrigin },
      { origin: attacker, p: g.evil },
      { origin: 'null', p: g.nul },
      ...g.allowedGets,
    ]),
  );
  // Preflights with the marker in the requested headers, for the request-controlled Vary check.
  const preflight = await prober.preflight(g.mainOrigin, 'PUT', `content-type,x-${g.marker}`);
  const evilPreflight = await prober.preflight(attacker, 'PUT', `x-${g.marker}`);
  findings.push(...requestControlledVary(g.marker, [g.evil, preflight, evilPreflight]));
  // The status check needs a preflight the allowed origin would really make (no marker).
  findings.push(...preflightStatus(await prober.preflight(g.mainOrigin, 'PUT', 'content-type')));
  const repeat = Math.max(2, run.options.repeat ?? 4);
  const groups: { label: string; probes: Probed[] }[] = [];
  for (const o of [...new Set([g.mainOrigin, attacker])]) {
    const probes: Probed[] = [];
    for (let i = 0; i < repeat; i++) probes.push(await prober.get(o));
    groups.push({ label: `GET with Origin ${o}`, probes });
  }
  findings.push(...nondeterministic(groups));
  const plainOptions = await prober.send('OPTIONS', [['Origin', g.mainOrigin]]);
  findings.push(...optionsMisclassified(plainOptions, preflight));
  // Error responses: an unknown path below the target.
  const missingUrl = new URL(url.href);
  missingUrl.pathname = `${url.pathname.replace(/\/$/, '')}/cors-conformance-missing-${g.marker}`;
  missingUrl.search = '';
  const normal = g.allowedGets[0]?.p ?? g.evil;
  const errorReply = await prober.send('GET', [['Origin', g.mainOrigin]], { url: missingUrl });
  findings.push(...errorWithoutCors(normal, errorReply));
}

/** Whether any finding reaches the `--fail-on` severity. */
export function reachesFailOn(report: AuditReport, failOn: Severity): boolean {
  return report.findings.some((f) => severityRank(f.severity) >= severityRank(failOn));
}

export function isSeverity(v: string): v is Severity {
  return (SEVERITIES as readonly string[]).includes(v);
}
