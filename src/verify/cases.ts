// From a policy, the cases that matter: allowed and disallowed origins (the named lookalikes
// of each allowed one from the policy module, `null`, an unrelated site, and any generated
// lookalike the server was found to allow), methods and request headers inside and outside
// the policy, with and without credentials, simple and preflighted. Pure: data in, data out.
import { isForbiddenMethod } from '../model/methods.js';
import { isForbiddenRequestHeader } from '../model/request-headers.js';
import type { CorsPolicy } from '../policy/index.js';
import {
  UNRELATED_ORIGIN,
  parseOriginRule,
  policyLookalikes,
  policyMethods,
  ruleInstance,
} from '../policy/index.js';
import type { HeaderList } from '../scenario/types.js';

export { UNRELATED_ORIGIN } from '../policy/index.js';

export type OriginKind =
  | 'allowed'
  | 'pattern-instance'
  | 'lookalike-prefix'
  | 'lookalike-suffix'
  | 'lookalike-unescaped-dot'
  | 'lookalike-other-scheme'
  | 'lookalike-subdomain'
  | 'lookalike-apex'
  | 'lookalike-generated'
  | 'null'
  | 'unrelated';

export interface VerifyCase {
  /** Stable id: `<what>/<origin>`, e.g. `preflight-method-PUT/https://app.example.com`. */
  id: string;
  /** The requesting origin (a page really on it), or `null` (a sandboxed frame). */
  origin: string;
  originKind: OriginKind;
  method: string;
  /** Headers page JS sets. */
  headers: HeaderList;
  credentials: boolean;
  /** What the policy means: page JS on `origin` may read the response, or may not. */
  intent: 'allow' | 'deny';
  /** Why the policy denies it (empty for allowed cases). */
  deniedBecause: string;
}

const SAFE_METHODS = ['GET', 'HEAD', 'POST'];
const CANDIDATE_OTHER_METHODS = ['DELETE', 'PATCH', 'PUT', 'OPTIONS'];
export const UNLISTED_HEADER = 'X-Not-In-Policy';

function headerSample(name: string): [string, string] {
  return name.toLowerCase() === 'content-type'
    ? [name, 'application/json']
    : [name, 'cors-conformance'];
}

/** The origins to request from: allowed ones (pattern instances), then the disallowed. */
export function caseOrigins(policy: CorsPolicy): { origin: string; kind: OriginKind }[] {
  const out: { origin: string; kind: OriginKind }[] = [];
  const seen = new Set<string>();
  const add = (origin: string, kind: OriginKind): void => {
    if (!seen.has(origin)) {
      seen.add(origin);
      out.push({ origin, kind });
    }
  };
  for (const o of policy.origins) {
    const rule = parseOriginRule(o);
    add(ruleInstance(rule), rule.wildcard ? 'pattern-instance' : 'allowed');
  }
  for (const l of policyLookalikes(policy.origins)) add(l.origin, `lookalike-${l.kind}`);
  add('null', 'null');
  add(UNRELATED_ORIGIN, 'unrelated');
  return out;
}

/** What the cases of every origin share: the policy read once. */
interface CasePlan {
  credentialsAllowed: boolean;
  allowedHeaders: string[];
  /** A method outside the policy, for the "not in policy" case. */
  otherMethod: string | undefined;
  /** A method in the policy that needs a preflight. */
  preflightMethod: string | undefined;
}

function planOf(policy: CorsPolicy): CasePlan {
  const methods = policyMethods(policy).filter((m) => !isForbiddenMethod(m));
  return {
    credentialsAllowed: policy.credentials === true,
    allowedHeaders: (policy.requestHeaders ?? []).filter((h) => !isForbiddenRequestHeader(h, 'x')),
    otherMethod: CANDIDATE_OTHER_METHODS.find((m) => !methods.includes(m)),
    preflightMethod: methods.find((m) => !SAFE_METHODS.includes(m)),
  };
}

/**
 * Every case for a policy, allowed origins first; `generated` adds the denied cases of
 * generated lookalikes (found by the search to be allowed by the server).
 */
export function generateCases(policy: CorsPolicy, generated: readonly string[] = []): VerifyCase[] {
  const plan = planOf(policy);
  const origins = caseOrigins(policy);
  for (const origin of generated) {
    if (!origins.some((o) => o.origin === origin))
      origins.push({ origin, kind: 'lookalike-generated' });
  }
  return origins.flatMap(({ origin, kind }) => casesFor(plan, origin, kind));
}

/** The cases of one requesting origin. */
function casesFor(plan: CasePlan, origin: string, kind: OriginKind): VerifyCase[] {
  const cases: VerifyCase[] = [];
  const push = (c: Omit<VerifyCase, 'id'>, what: string): void => {
    cases.push({ ...c, id: `${what}/${c.origin}` });
  };
  const allowedOrigin = kind === 'allowed' || kind === 'pattern-instance';
  const originWhy = allowedOrigin ? '' : `origin ${origin} is not in the policy`;
  const base = { origin, originKind: kind };
  const intentFor = (extraWhy: string): Pick<VerifyCase, 'intent' | 'deniedBecause'> => {
    const why = [originWhy, extraWhy].filter((w) => w !== '').join('; ');
    return { intent: why === '' ? 'allow' : 'deny', deniedBecause: why };
  };
  const request = (method: string, headers: HeaderList, credentials: boolean, why = '') => ({
    ...base,
    method,
    headers,
    credentials,
    ...intentFor(why),
  });
  const { credentialsAllowed, allowedHeaders, otherMethod, preflightMethod } = plan;
  // Simple requests, without and with credentials.
  push(request('GET', [], false), 'simple-get');
  const noCredentials = credentialsAllowed ? '' : 'the policy does not allow credentials';
  push(request('GET', [], true, noCredentials), 'simple-get-credentials');
  if (!allowedOrigin && kind !== 'unrelated') return cases;
  // Preflighted: a method in the policy, one outside it, the allowed headers, one header outside.
  if (preflightMethod !== undefined) {
    push(request(preflightMethod, [], false), `preflight-method-${preflightMethod}`);
    if (credentialsAllowed) {
      push(request(preflightMethod, [], true), `preflight-method-${preflightMethod}-credentials`);
    }
  }
  if (otherMethod !== undefined && allowedOrigin) {
    push(
      request(otherMethod, [], false, `method ${otherMethod} is not in the policy`),
      `preflight-method-${otherMethod}-not-in-policy`,
    );
  }
  if (allowedHeaders.length > 0) {
    push(request('GET', allowedHeaders.map(headerSample), false), 'preflight-headers');
  }
  const unlisted = UNLISTED_HEADER.toLowerCase();
  if (allowedOrigin && !allowedHeaders.some((h) => h.toLowerCase() === unlisted)) {
    push(
      request(
        'GET',
        [[UNLISTED_HEADER, '1']],
        false,
        `header ${UNLISTED_HEADER} is not in the policy`,
      ),
      'preflight-header-not-in-policy',
    );
  }
  return cases;
}
