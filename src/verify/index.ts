// verify(): does a server's CORS do what its owner declared? Cases come from the policy
// (with the named lookalikes of the policy module); raw probes replay each one as a browser
// would send it (src/live) and the model says what a browser does with the answers (and
// why); a property search tries generated lookalikes on top; real engines confirm, each
// page really on its requesting origin. Nothing but the target is contacted.
import type { BrowserName } from '../harness/engines/types.js';
import type { CredentialOptions } from '../live/credentials.js';
import { credentialsOf } from '../live/credentials.js';
import type { LiveSession } from '../live/session.js';
import type { LiveTargetOptions, TargetReply } from '../live/target.js';
import { liveTargetOf } from '../live/target.js';
import type { CorsPolicy, OriginSearchResult } from '../policy/index.js';
import { checkTargetUrl, validatePolicy } from '../policy/index.js';
import type { HeaderList } from '../scenario/types.js';
import type { VerifyCase } from './cases.js';
import { generateCases } from './cases.js';
import type { ProbedCase } from './probe-cases.js';
import { probeCase, searchPermissiveLookalikes } from './probe-cases.js';
import { confirmInBrowser } from './browser-stage.js';

export type { CorsPolicy, CorsConfig, OriginRule } from '../policy/index.js';
export {
  PolicyError,
  defineConfig,
  definePolicy,
  loadPolicyFile,
  originAllowed,
  validateConfig,
  validatePolicy,
} from '../policy/index.js';
export { TargetError } from '../live/target.js';
export { corsHeaders } from '../live/headers.js';
export { LiveSession } from '../live/session.js';
export type { VerifyCase, OriginKind } from './cases.js';
export { generateCases, caseOrigins } from './cases.js';
export { formatVerifyText } from './text.js';

export type Verdict = 'as-intended' | 'too-strict' | 'too-permissive';

export interface VerifyOptions extends CredentialOptions, LiveTargetOptions {
  policy: CorsPolicy;
  /** Engines that confirm each case (default: chromium); an empty list: the model only. */
  engines?: BrowserName[];
  /** An already running engine with pages (frameworks shares one); replaces `engines`. */
  session?: LiveSession;
  /** Seed of the generated lookalikes (default: a fresh one, reported). */
  seed?: number;
  /** Generated lookalikes drawn per allowed origin or pattern (default 300; 0: none). */
  generatedRuns?: number;
}

export interface BrowserVerdict {
  engine: string;
  /** Page JS read the response; null when the case could not run (see `skipped`). */
  read: boolean | null;
  status: number | null;
  error: string | null;
  verdict: Verdict | null;
  /** The engine did what the model predicted. */
  agreesWithModel: boolean | null;
  /** Why the case did not run in this engine. */
  skipped?: string;
  /** Why the engine's result is not compared with the model (e.g. no cookie was sent). */
  note?: string;
}

export interface VerifyCaseResult {
  case: VerifyCase;
  /** What went to the server and what it answered (preflight, then actual when sent). */
  preflight: { request: HeaderList; status: number; headers: HeaderList } | null;
  actual: { request: HeaderList; status: number; headers: HeaderList } | null;
  model: { read: boolean; reason: string; readableHeaders: string[] };
  verdict: Verdict;
  /** For too-strict: the response header (or status) that blocked the request. */
  blockedBy: string | null;
  /** Exposed headers, max-age and redirects against the policy (not verdicts). */
  notes: string[];
  browsers: BrowserVerdict[];
}

export interface VerifyReport {
  target: string;
  cases: VerifyCaseResult[];
  counts: Record<Verdict, number>;
  /** The generated-lookalike search: seed (replay with `--seed`), origins tried, findings. */
  generated: OriginSearchResult | null;
  /** Engines that could not run, and why. */
  skipped: string[];
}

export function verdictOf(intent: 'allow' | 'deny', read: boolean): Verdict {
  if (intent === 'allow') return read ? 'as-intended' : 'too-strict';
  return read ? 'too-permissive' : 'as-intended';
}

/** The header a failure message names, else the status it complains about. */
export function blockingHeader(reason: string): string | null {
  const m = /Access-Control-[A-Za-z-]+/i.exec(reason);
  if (m !== null) return m[0];
  const s = /\bstatus\b[^0-9]*(\d{3})/i.exec(reason);
  return s !== null ? `status ${s[1] ?? ''}` : null;
}

function exchangeOf(
  sent: HeaderList | null,
  reply: TargetReply | null,
): { request: HeaderList; status: number; headers: HeaderList } | null {
  return sent === null || reply === null
    ? null
    : { request: sent, status: reply.status, headers: reply.headers };
}

export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const url = checkTargetUrl(options.target);
  const policy = validatePolicy(options.policy);
  const target = liveTargetOf(url, options);
  const credentials = credentialsOf(options);
  const generated = await searchPermissiveLookalikes(target, policy, credentials, options);
  const cases = generateCases(
    policy,
    generated?.findings.map((f) => f.origin),
  );
  const results: VerifyCaseResult[] = [];
  const probedById = new Map<string, ProbedCase>();
  for (const c of cases) {
    const probed = await probeCase(target, policy, c, credentials);
    probedById.set(c.id, probed);
    results.push({
      case: c,
      preflight: exchangeOf(probed.replay.sentPreflight, probed.replay.preflight),
      actual: exchangeOf(probed.replay.sentActual, probed.replay.actual),
      model: { read: probed.read, reason: probed.reason, readableHeaders: probed.readable },
      verdict: verdictOf(c.intent, probed.read),
      blockedBy: c.intent === 'allow' && !probed.read ? blockingHeader(probed.reason) : null,
      notes: probed.notes,
      browsers: [],
    });
  }
  const skipped = await confirmInBrowser(url, results, probedById, credentials, options, target);
  const counts: Record<Verdict, number> = {
    'as-intended': 0,
    'too-strict': 0,
    'too-permissive': 0,
  };
  for (const r of results) counts[r.verdict] += 1;
  return { target: url.href, cases: results, counts, generated, skipped };
}
