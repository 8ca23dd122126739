// The catalogue of audit findings: stable ids, default severity, a title, and the fix.
// docs/audit.md documents the same ids; SARIF rules are generated from this table.
import type { HeaderList } from '../scenario/types.js';

export type Severity = 'low' | 'medium' | 'high';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];

export type FindingId =
  | 'origin-reflection'
  | 'preflight-origin-reflection'
  | 'null-origin-allowed'
  | 'lookalike-origin-allowed'
  | 'credentialed-wildcard'
  | 'missing-vary-origin'
  | 'request-controlled-vary'
  | 'nondeterministic-origin'
  | 'options-misclassified'
  | 'preflight-redirect'
  | 'preflight-failure-status'
  | 'error-response-without-cors'
  | 'slow-acrh-parsing';

export interface RuleInfo {
  id: FindingId;
  title: string;
  fix: string;
}

export const RULES: Record<FindingId, RuleInfo> = {
  'origin-reflection': {
    id: 'origin-reflection',
    title: 'An arbitrary origin is allowed (the request Origin is reflected)',
    fix: 'Compare the Origin header with an explicit allow-list and send Access-Control-Allow-Origin only for listed origins.',
  },
  'preflight-origin-reflection': {
    id: 'preflight-origin-reflection',
    title: 'A preflight from an arbitrary origin is allowed with credentials',
    fix: 'Answer preflights with Access-Control-Allow-Origin only for listed origins, and Access-Control-Allow-Credentials only with one of them; never reflect the request Origin.',
  },
  'null-origin-allowed': {
    id: 'null-origin-allowed',
    title: 'Origin: null is allowed',
    fix: 'Never allow the origin "null": sandboxed iframes, data: URLs and some redirects send it, so any attacker page can.',
  },
  'lookalike-origin-allowed': {
    id: 'lookalike-origin-allowed',
    title: 'A lookalike of an allowed origin is allowed',
    fix: 'Match origins exactly (string equality on the full serialized origin) or with an anchored pattern whose dots are escaped and whose scheme is fixed.',
  },
  'credentialed-wildcard': {
    id: 'credentialed-wildcard',
    title: 'Credentials together with a wildcard, or reflection used to fake one',
    fix: 'With Access-Control-Allow-Credentials: true, answer with one explicitly allowed origin; "*" with credentials is refused by browsers, and reflecting every origin exposes user data.',
  },
  'missing-vary-origin': {
    id: 'missing-vary-origin',
    title: 'The allowed origin depends on the request but Vary: Origin is missing',
    fix: "Add Vary: Origin to every response whose CORS headers depend on the Origin header (also the ones that allow nothing), so shared caches do not serve one origin's answer to another.",
  },
  'request-controlled-vary': {
    id: 'request-controlled-vary',
    title: 'The response Vary header is taken from the request',
    fix: 'Build Vary from a fixed list of header names, never from request data.',
  },
  'nondeterministic-origin': {
    id: 'nondeterministic-origin',
    title: 'The same request gets different CORS answers',
    fix: 'Make the CORS decision a pure function of the request (check for per-instance configuration drift, caches, or load-balanced servers with different settings).',
  },
  'options-misclassified': {
    id: 'options-misclassified',
    title: 'A non-preflight OPTIONS request is answered as a preflight',
    fix: 'Treat a request as a preflight only when it is OPTIONS with both Origin and Access-Control-Request-Method; pass every other OPTIONS request to the route.',
  },
  'preflight-redirect': {
    id: 'preflight-redirect',
    title: 'The preflight is answered with a redirect',
    fix: 'Answer preflights at the final URL with a 2xx status; browsers never follow a redirect for a preflight.',
  },
  'preflight-failure-status': {
    id: 'preflight-failure-status',
    title: 'A preflight for an allowed origin gets a non-2xx status',
    fix: 'Answer allowed preflights with 200 or 204; browsers treat any other status as a failed CORS check.',
  },
  'error-response-without-cors': {
    id: 'error-response-without-cors',
    title: 'Error responses lack the CORS headers the normal response has',
    fix: 'Add the CORS headers before routing/error handling, so the allowed origin can read 4xx/5xx answers instead of seeing a network error.',
  },
  'slow-acrh-parsing': {
    id: 'slow-acrh-parsing',
    title: 'An adversarial Access-Control-Request-Headers value is slow to process',
    fix: 'Parse Access-Control-Request-Headers with a linear split on commas and a length limit; avoid backtracking regular expressions.',
  },
};

/** One HTTP exchange, as evidence. */
export interface Exchange {
  request: { method: string; url: string; headers: HeaderList };
  response: { status: number; headers: HeaderList; bodyExcerpt: string; elapsedMs: number };
}

/** What a real browser did on the attacker origin. */
export interface BrowserProof {
  engine: string;
  /** The attacker page's origin (`null` for a sandboxed frame). */
  attackerOrigin: string;
  /** Whether page JS read the response body. */
  read: boolean;
  status: number | null;
  /** The first characters of the body the attacker read. */
  bodyExcerpt: string;
  /** Whether the cookie set for the target was in the browser's jar for the request. */
  cookie: string;
  error?: string;
}

export interface Finding {
  id: FindingId;
  severity: Severity;
  title: string;
  /** One or two sentences with the concrete values. */
  message: string;
  /** The attacker can read authenticated data (needs credentials + an attacker origin allowed). */
  exploitable: boolean;
  evidence: Exchange;
  fix: string;
  /** Whether the model says a browser would hand the response to the attacker's page. */
  modelSays?: string;
  proof?: BrowserProof;
  /** For a lookalike the generator found: how it was made, and the seed that replays it. */
  generated?: { of: string; mutation: string; raw: string; seed: number; shrinks: number };
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}
