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

/**
 * Every case for a policy, allowed origins first; `generated` adds the denied cases of
 * generated lookalikes (found by the search to be allowed by the server).
 */
export function generateCases(policy: CorsPolicy, generated: readonly string[] = []): VerifyCase[] {
  const cases: VerifyCase[] = [];
  const methods = policyMethods(policy).filter((m) => !isForbiddenMethod(m));
  const credentialsAllowed = policy.credentials === true;
  const allowedHeaders = (policy.requestHeaders ?? []).filter(
    (h) => !isForbiddenRequestHeader(h, 'x'),
  );
  const otherMethod = CANDIDATE_OTHER_METHODS.find((m) => !methods.includes(m));
  const preflightMethod = methods.find((m) => !SAFE_METHODS.includes(m));
  const push = (c: Omit<VerifyCase, 'id'>, what: string): void => {
    cases.push({ ...c, id: `${what}/${c.origin}` });
  };
  const origins = caseOrigins(policy);
  for (const origin of generated) {
    if (!origins.some((o) => o.origin === origin))
      origins.push({ origin, kind: 'lookalike-generated' });
  }
  for (const { origin, kind } of origins) {
    const allowedOrigin = kind === 'allowed' || kind === 'pattern-instance';
    const originWhy = allowedOrigin ? '' : `origin ${origin} is not in the policy`;
    const base = { origin, originKind: kind };
    const intentFor = (extraWhy: string): Pick<VerifyCase, 'intent' | 'deniedBecause'> => {
      const why = [originWhy, extraWhy].filter((w) => w !== '').join('; ');
      return { intent: why === '' ? 'allow' : 'deny', deniedBecause: why };
    };
    // Simple requests, without and with credentials.
    push(
      { ...base, method: 'GET', headers: [], credentials: false, ...intentFor('') },
      'simple-get',
    );
    push(
      {
        ...base,
        method: 'GET',
        headers: [],
        credentials: true,
        ...intentFor(credentialsAllowed ? '' : 'the policy does not allow credentials'),
      },
      'simple-get-credentials',
    );
    if (!allowedOrigin && kind !== 'unrelated') continue;
    // Preflighted: a method in the policy, one outside it, the allowed headers, one header outside.
    if (preflightMethod !== undefined) {
      push(
        { ...base, method: preflightMethod, headers: [], credentials: false, ...intentFor('') },
        `preflight-method-${preflightMethod}`,
      );
      if (credentialsAllowed) {
        push(
          { ...base, method: preflightMethod, headers: [], credentials: true, ...intentFor('') },
          `preflight-method-${preflightMethod}-credentials`,
        );
      }
    }
    if (otherMethod !== undefined && allowedOrigin) {
      push(
        {
          ...base,
          method: otherMethod,
          headers: [],
          credentials: false,
          ...intentFor(`method ${otherMethod} is not in the policy`),
        },
        `preflight-method-${otherMethod}-not-in-policy`,
      );
    }
    if (allowedHeaders.length > 0) {
      push(
        {
          ...base,
          method: 'GET',
          headers: allowedHeaders.map(headerSample),
          credentials: false,
          ...intentFor(''),
        },
        'preflight-headers',
      );
    }
    if (
      allowedOrigin &&
      !allowedHeaders.some((h) => h.toLowerCase() === UNLISTED_HEADER.toLowerCase())
    ) {
      push(
        {
          ...base,
          method: 'GET',
          headers: [[UNLISTED_HEADER, '1']],
          credentials: false,
          ...intentFor(`header ${UNLISTED_HEADER} is not in the policy`),
        },
        'preflight-header-not-in-policy',
      );
    }
  }
  return cases;
}
