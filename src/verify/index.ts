// verify(): does a server's CORS do what its owner declared? Cases come from the policy;
// raw probes get the server's answers; the model says what a browser does with them (and
// why); real engines confirm, with the page really on the requesting origin.
import { formatReason } from '../model/explain.js';
import type { BrowserName } from '../harness/engines/types.js';
import type { HeaderList, Prediction } from '../scenario/types.js';
import type { VerifyCase } from './cases.js';
import { generateCases } from './cases.js';
import type { ModelCase } from './model.js';
import { modelAnswer } from './model.js';
import type { CorsPolicy } from './policy.js';
import { checkTargetUrl, validatePolicy } from './policy.js';
import type { ProbeReply, ProbeTarget } from './probe.js';
import { corsHeaders, probe } from './probe.js';
import type { BrowserRun, BrowserSession } from './run-browser.js';
import { runCasesInBrowser, runCasesInSession } from './run-browser.js';
export { openBrowserSession } from './run-browser.js';
export type { BrowserSession } from './run-browser.js';

export type { CorsPolicy, CorsConfig, OriginRule } from './policy.js';
export {
  PolicyError,
  defineConfig,
  definePolicy,
  loadPolicyFile,
  originAllowed,
  validateConfig,
  validatePolicy,
} from './policy.js';
export { TargetError } from './probe.js';
export type { VerifyCase, OriginKind } from './cases.js';
export { generateCases, caseOrigins } from './cases.js';
export { formatVerifyText } from './text.js';

export type Verdict = 'as-intended' | 'too-strict' | 'too-permissive';

export interface VerifyOptions {
  target: string;
  policy: CorsPolicy;
  /** Engines that confirm each case (default: chromium); an empty list: the model only. */
  engines?: BrowserName[];
  ca?: string;
  insecure?: boolean;
  /** An already running engine with pages on the cases' origins (replaces `engines`). */
  session?: BrowserSession;
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
  skipped?: string;
}

export interface VerifyCaseResult {
  case: VerifyCase;
  /** What went to the server and what it answered (preflight, then actual when sent). */
  preflight: { request: HeaderList; status: number; headers: HeaderList } | null;
  actual: { status: number; headers: HeaderList } | null;
  model: { read: boolean; reason: string; readableHeaders: string[] };
  verdict: Verdict;
  /** For too-strict: the response header (or status) that blocked the request. */
  blockedBy: string | null;
  /** Exposed-header notes for allowed reads (policy vs what JS could read). */
  notes: string[];
  browsers: BrowserVerdict[];
}

export interface VerifyReport {
  target: string;
  cases: VerifyCaseResult[];
  counts: Record<Verdict, number>;
  /** Engines that could not run, and why. */
  skipped: string[];
}

function verdictOf(intent: 'allow' | 'deny', read: boolean): Verdict {
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

/** Probes one case like a browser would: preflight if needed, then the actual request if allowed. */
async function probeCase(
  target: ProbeTarget,
  c: VerifyCase,
): Promise<{
  pre: ProbeReply | null;
  preRequest: HeaderList;
  actual: ProbeReply | null;
  answer: ReturnType<typeof modelAnswer>;
}> {
  const mc: ModelCase = {
    origin: c.origin,
    target: target.url,
    method: c.method,
    headers: c.headers,
    credentials: c.credentials,
  };
  // What the browser would send first: the model with an empty server tells.
  const dry: Prediction = modelAnswer(mc, null, null).prediction;
  let pre: ProbeReply | null = null;
  const preRequest: HeaderList = [];
  if (dry.preflight) {
    preRequest.push(['Origin', c.origin], ['Access-Control-Request-Method', dry.acrm ?? c.method]);
    if (dry.acrh !== null) preRequest.push(['Access-Control-Request-Headers', dry.acrh]);
    pre = await probe(target, { method: 'OPTIONS', headers: preRequest });
    const afterPreflight = modelAnswer(mc, pre, null);
    if (!afterPreflight.prediction.actualSent)
      return { pre, preRequest, actual: null, answer: afterPreflight };
  }
  const actualHeaders: HeaderList = [['Origin', c.origin], ...c.headers];
  const actual = await probe(target, { method: c.method, headers: actualHeaders });
  return { pre, preRequest, actual, answer: modelAnswer(mc, pre, actual) };
}

/** Response headers page JS may always read (fetch#cors-safelisted-response-header-name). */
const SAFELISTED_RESPONSE_HEADERS = [
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
];

/** Exposed headers against the policy: sent but unreadable, or readable beyond the policy. */
function exposureNotes(
  policy: CorsPolicy,
  c: VerifyCase,
  read: boolean,
  actual: ProbeReply | null,
  readable: string[],
): string[] {
  if (!read || c.intent !== 'allow' || actual === null) return [];
  const notes: string[] = [];
  const exposed = (policy.exposedHeaders ?? []).map((h) => h.toLowerCase());
  for (const h of exposed) {
    const sent = actual.headers.some(([n]) => n.toLowerCase() === h);
    if (sent && !readable.includes(h)) {
      notes.push(`too strict: ${h} is in exposedHeaders and sent, but page JS cannot read it`);
    }
  }
  for (const h of readable) {
    if (!exposed.includes(h) && !SAFELISTED_RESPONSE_HEADERS.includes(h)) {
      notes.push(`too permissive: page JS can read ${h}, which is not in exposedHeaders`);
    }
  }
  return notes;
}

export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const url = checkTargetUrl(options.target);
  const policy = validatePolicy(options.policy);
  const target: ProbeTarget = {
    url,
    ...(options.ca !== undefined ? { ca: options.ca } : {}),
    ...(options.insecure === true ? { insecure: true } : {}),
  };
  const cases = generateCases(policy);
  const results: VerifyCaseResult[] = [];
  for (const c of cases) {
    const { pre, preRequest, actual, answer } = await probeCase(target, c);
    const reason = answer.reason === null ? '' : formatReason(answer.reason, 'spec');
    const verdict = verdictOf(c.intent, answer.read);
    const notes = exposureNotes(policy, c, answer.read, actual, answer.prediction.readableHeaders);
    if (pre !== null && c.intent === 'allow' && policy.maxAge !== undefined) {
      const sent = pre.headers.find(([n]) => n.toLowerCase() === 'access-control-max-age')?.[1];
      if (sent !== String(policy.maxAge)) {
        notes.push(
          `max-age: the preflight says ${sent === undefined ? 'nothing (browsers cache 5 s)' : sent}, the policy ${policy.maxAge}`,
        );
      }
    }
    results.push({
      case: c,
      preflight:
        pre === null ? null : { request: preRequest, status: pre.status, headers: pre.headers },
      actual: actual === null ? null : { status: actual.status, headers: actual.headers },
      model: { read: answer.read, reason, readableHeaders: answer.prediction.readableHeaders },
      verdict,
      blockedBy: verdict === 'too-strict' ? blockingHeader(reason) : null,
      notes,
      browsers: [],
    });
  }
  const skipped: string[] = [];
  const runs: { label: string; start: () => Promise<BrowserRun> }[] = [];
  const { session } = options;
  if (session !== undefined) {
    runs.push({
      label: session.engine.info.browser,
      start: () => runCasesInSession(session, url, cases),
    });
  } else {
    for (const browser of options.engines ?? ['chromium']) {
      runs.push({ label: browser, start: () => runCasesInBrowser(browser, url, cases) });
    }
  }
  for (const { label, start } of runs) {
    try {
      const run = await start();
      for (const r of results) {
        const got = run.results.get(r.case.id);
        if (got === undefined || 'skipped' in got) {
          const why = got === undefined ? 'did not run' : got.skipped;
          r.browsers.push({
            engine: run.engine,
            read: null,
            status: null,
            error: null,
            verdict: null,
            agreesWithModel: null,
            skipped: why,
          });
          continue;
        }
        const read = got.read && got.type === 'cors';
        r.browsers.push({
          engine: run.engine,
          read,
          status: got.status,
          error: got.error,
          verdict: verdictOf(r.case.intent, read),
          agreesWithModel: read === r.model.read,
        });
      }
    } catch (e) {
      skipped.push(
        `${label}: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`,
      );
    }
  }
  const counts: Record<Verdict, number> = {
    'as-intended': 0,
    'too-strict': 0,
    'too-permissive': 0,
  };
  for (const r of results) counts[r.verdict] += 1;
  return { target: url.href, cases: results, counts, skipped };
}

/** The CORS-relevant part of a header list, for reports. */
export { corsHeaders };
