// verify(): does a server's CORS do what its owner declared? Cases come from the policy
// (with the named lookalikes of the policy module); raw probes replay each one as a browser
// would send it (src/live) and the model says what a browser does with the answers (and
// why); a property search tries generated lookalikes on top; real engines confirm, each
// page really on its requesting origin. The asset check (assets.ts) loads the listed assets
// from a page on the site's origin. Nothing but the target and the listed asset URLs is
// contacted.
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
import { casesWork, confirmInBrowser, stepLimit, type BrowserWork } from './browser-stage.js';
import type { AssetSpec } from './asset-list.js';
import { AssetListError } from './asset-list.js';
import type { AssetResult } from './assets.js';
import { loadAssetsInSession, probeAsset } from './assets.js';
import type { Credentials } from '../live/credentials.js';
import type { LiveTarget } from '../live/target.js';
import { parseOriginRule, ruleInstance } from '../policy/index.js';

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
export type { AssetSpec } from './asset-list.js';
export { AssetListError, parseAssetLine, parseAssetList } from './asset-list.js';
export type { AssetEngineResult, AssetModel, AssetResult, AssetVerdict } from './assets.js';

export type Verdict = 'as-intended' | 'too-strict' | 'too-permissive';

export interface VerifyOptions extends CredentialOptions, LiveTargetOptions {
  /** The declared policy; may be left out when only `assets` are checked. */
  policy?: CorsPolicy;
  /** Assets a page on `from` loads from the server (fonts, images, scripts, stylesheets...). */
  assets?: AssetSpec[];
  /** The site's origin, whose pages load the assets (default: the policy's first origin). */
  from?: string;
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
  /** The origin of the pages that loaded the assets (null: no assets). */
  from: string | null;
  /** The asset check, one result per asset (empty: none listed). */
  assets: AssetResult[];
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

/** The site's origin for the asset pages: `from`, else the policy's first allowed origin. */
export function assetOrigin(from: string | undefined, policy: CorsPolicy | undefined): string {
  if (from !== undefined) {
    const rule = parseOriginRule(from, '--from');
    if (rule.wildcard)
      throw new AssetListError(`--from: one origin, not a pattern (got ${JSON.stringify(from)})`);
    return ruleInstance(rule);
  }
  const first = policy?.origins[0];
  if (first === undefined)
    throw new AssetListError(
      '--from ORIGIN is required for assets when no policy names the site (e.g. --from https://app.example.com)',
    );
  return ruleInstance(parseOriginRule(first));
}

async function policyCases(
  target: LiveTarget,
  policy: CorsPolicy,
  credentials: Credentials,
  options: VerifyOptions,
): Promise<{
  results: VerifyCaseResult[];
  probed: Map<string, ProbedCase>;
  generated: OriginSearchResult | null;
}> {
  const generated = await searchPermissiveLookalikes(target, policy, credentials, options);
  const cases = generateCases(
    policy,
    generated?.findings.map((f) => f.origin),
  );
  const results: VerifyCaseResult[] = [];
  const probed = new Map<string, ProbedCase>();
  for (const c of cases) {
    const p = await probeCase(target, policy, c, credentials);
    probed.set(c.id, p);
    results.push({
      case: c,
      preflight: exchangeOf(p.replay.sentPreflight, p.replay.preflight),
      actual: exchangeOf(p.replay.sentActual, p.replay.actual),
      model: { read: p.read, reason: p.reason, readableHeaders: p.readable },
      verdict: verdictOf(c.intent, p.read),
      blockedBy: c.intent === 'allow' && !p.read ? blockingHeader(p.reason) : null,
      notes: p.notes,
      browsers: [],
    });
  }
  return { results, probed, generated };
}

export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const url = checkTargetUrl(options.target);
  const policy = options.policy === undefined ? undefined : validatePolicy(options.policy);
  const assets = options.assets ?? [];
  if (policy === undefined && assets.length === 0)
    throw new AssetListError('verify: give a policy, assets, or both');
  const from = assets.length > 0 ? assetOrigin(options.from, policy) : null;
  const target = liveTargetOf(url, options);
  const credentials = credentialsOf(options);
  const { results, probed, generated } =
    policy === undefined
      ? { results: [], probed: new Map<string, ProbedCase>(), generated: null }
      : await policyCases(target, policy, credentials, options);
  const loads: Awaited<ReturnType<typeof probeAsset>>[] = [];
  for (const a of assets) loads.push(await probeAsset(a, from ?? '', target));
  const works: BrowserWork[] = [];
  if (results.length > 0) works.push(casesWork(url, results, probed, credentials, target));
  if (from !== null && loads.length > 0) {
    works.push({
      origins: [from],
      run: (session) => loadAssetsInSession(session, loads, credentials, () => stepLimit(target)),
    });
  }
  const skipped = await confirmInBrowser(works, options);
  const counts: Record<Verdict, number> = {
    'as-intended': 0,
    'too-strict': 0,
    'too-permissive': 0,
  };
  for (const r of results) counts[r.verdict] += 1;
  return {
    target: url.href,
    cases: results,
    counts,
    generated,
    skipped,
    from,
    assets: loads.map((l) => l.result),
  };
}
