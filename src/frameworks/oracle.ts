// The oracle of the generated suites: the policy's intent (vocabulary.ts) against what a
// browser does with the adapter's real answers (the model's prediction, computed by the
// caller), plus the cache headers. Every check returns the disagreements it finds, each with
// one line a maintainer can act on. Pure: exchanges and predictions in, findings out.
import { getCORSUnsafeRequestHeaderNames } from '../model/request-headers.js';
import { parseAccessControlMaxAge } from '../model/max-age.js';
import { getEngineProfile } from '../engine-facts/index.js';
import { headerValues } from '../live/headers.js';
import type { HeaderList } from '../scenario/types.js';
import type { Verdict } from '../verify/index.js';
import type { ResolvedRequest } from './generate.js';
import { SUITE_ROUTE_HEADERS } from './suite-adapter.js';
import type { FrameworkPolicy } from './vocabulary.js';
import {
  intendsCredentials,
  intendsExposed,
  intendsMethod,
  intendsOrigin,
  intendsRequestHeaders,
} from './vocabulary.js';

export const SPEC = getEngineProfile('spec');

/** The kinds of disagreement with the intent, each a class of its own in reports. */
export const DISAGREEMENT_KINDS = [
  'too-permissive',
  'too-strict',
  'exposes-too-much',
  'exposes-too-little',
  'max-age',
  'vary-missing',
  'vary-from-request',
  'unstable',
  'acrh-format',
  'options-not-routed',
] as const;
export type DisagreementKind = (typeof DISAGREEMENT_KINDS)[number];

/** What each kind means, for reports and the docs. */
export const KIND_MEANING: Record<DisagreementKind, string> = {
  'too-permissive': 'page JS reads a response the policy denies it',
  'too-strict': 'page JS cannot read a response the policy allows it',
  'exposes-too-much': 'page JS reads a response header the policy does not expose',
  'exposes-too-little': 'page JS cannot read a response header the policy exposes',
  'max-age': "a preflight is cached for another time than the policy's max-age",
  'vary-missing': "the answer depends on a request header the answer's Vary does not name",
  'vary-from-request': "the answer changes with the request's own Vary header",
  unstable: 'two identical requests get different CORS answers',
  'acrh-format':
    'a preflight whose Access-Control-Request-Headers is spaced, cased or repeated differently gets another verdict',
  'options-not-routed': 'an OPTIONS request that is not a preflight never reaches the route',
};

export interface Disagreement {
  kind: DisagreementKind;
  /** Index of the probe in its case. */
  probe: number;
  detail: string;
  /** For the exposure kinds: the response header concerned. */
  header?: string;
}

/** Why the policy denies a request (empty when it allows it). */
export function denialReasons(p: FrameworkPolicy, r: ResolvedRequest): string[] {
  const why: string[] = [];
  if (!intendsOrigin(p, r.origin)) why.push(`origin ${r.origin} is not in the policy`);
  if (r.credentials && !intendsCredentials(p))
    why.push(
      p.origins.kind === 'any'
        ? 'credentials are never granted through *'
        : 'the policy does not allow credentials',
    );
  if (!intendsMethod(p, r.method)) why.push(`method ${r.method} is not in the policy`);
  const unsafe = getCORSUnsafeRequestHeaderNames(r.headers, SPEC);
  if (!intendsRequestHeaders(p, unsafe))
    why.push(`request headers ${unsafe.join(', ')} are not all in the policy`);
  return why;
}

export function verdictFor(intent: 'allow' | 'deny', read: boolean): Verdict {
  if (intent === 'allow') return read ? 'as-intended' : 'too-strict';
  return read ? 'too-permissive' : 'as-intended';
}

/** The route's own headers in the answer that page JS reads, or not, against the policy. */
export function exposureFindings(
  p: FrameworkPolicy,
  probe: number,
  actual: HeaderList,
  readable: readonly string[],
): Disagreement[] {
  const out: Disagreement[] = [];
  for (const [name] of SUITE_ROUTE_HEADERS) {
    if (headerValues(actual, name).length === 0) continue;
    const meant = intendsExposed(p, name);
    const reads = readable.includes(name.toLowerCase());
    if (reads && !meant)
      out.push({ kind: 'exposes-too-much', probe, header: name, detail: `page JS reads ${name}` });
    if (!reads && meant) {
      const aceh = headerValues(actual, 'access-control-expose-headers').join(', ');
      out.push({
        kind: 'exposes-too-little',
        probe,
        header: name,
        detail: `page JS cannot read ${name} (Access-Control-Expose-Headers: ${aceh === '' ? '(none)' : aceh})`,
      });
    }
  }
  return out;
}

/** The preflight's cache lifetime against the policy's max-age. */
export function maxAgeFinding(
  p: FrameworkPolicy,
  probe: number,
  preflight: HeaderList,
): Disagreement | null {
  if (p.maxAge === undefined) return null;
  const parsed = parseAccessControlMaxAge(preflight, SPEC);
  const seconds = 'seconds' in parsed ? parsed.seconds : 0;
  if (seconds === p.maxAge) return null;
  return {
    kind: 'max-age',
    probe,
    detail: `the preflight result is cached ${seconds} s (${parsed.reason}), the policy says ${p.maxAge} s`,
  };
}

const CORS_ANSWER_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-expose-headers',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-max-age',
];

/** The CORS headers of an answer as one comparable line (list values as sorted tokens). */
export function corsAnswer(headers: HeaderList): string {
  return CORS_ANSWER_HEADERS.map((n) => {
    const values = headerValues(headers, n);
    if (values.length === 0) return `${n}: -`;
    return `${n}: ${values
      .join(',')
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '')
      .sort()
      .join(',')}`;
  })
    .filter((l) => !l.endsWith(': -'))
    .join('; ');
}

/** The Vary tokens of an answer, lowercased. */
export function varyTokens(headers: HeaderList): string[] {
  return headerValues(headers, 'vary')
    .join(',')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
}

/** Answers to the same request with one request header changed or removed. */
export interface Variant {
  /** The request header that differs (`Origin`, `Cookie`). */
  header: string;
  /** How it differs (`no Origin`, `Origin: https://unrelated...`). */
  change: string;
  headers: HeaderList;
}

/**
 * `Vary` must name every request header the CORS answer depends on: when a variant's answer
 * differs, the header it changes must be in the Vary of every answer given (`answers`).
 */
export function varyFindings(
  probe: number,
  base: HeaderList,
  variants: readonly Variant[],
  answers: readonly { label: string; headers: HeaderList }[],
): Disagreement[] {
  const out: Disagreement[] = [];
  const seen = new Set<string>();
  for (const v of variants) {
    const key = v.header.toLowerCase();
    if (seen.has(key) || corsAnswer(v.headers) === corsAnswer(base)) continue;
    const lacking = answers.filter((a) => {
      const vary = varyTokens(a.headers);
      return !vary.includes(key) && !vary.includes('*');
    });
    if (lacking.length === 0) continue;
    seen.add(key);
    out.push({
      kind: 'vary-missing',
      probe,
      detail: `the CORS answer changes with ${v.header} (${v.change}: ${corsAnswer(v.headers) || 'no CORS headers'}; as sent: ${corsAnswer(base) || 'no CORS headers'}) and Vary does not name ${v.header} on the answer ${lacking.map((a) => a.label).join(' and ')}`,
    });
  }
  return out;
}

/**
 * A request carrying its own Vary header must get the same CORS answer and Vary. The
 * request's Vary token in the answer's Vary always counts; another difference only when the
 * plain request is `stable` (answered the same when sent again).
 */
export function requestVaryFinding(
  probe: number,
  sentVary: string,
  plain: HeaderList,
  withVary: HeaderList,
  stable: boolean,
): Disagreement | null {
  const a = `${corsAnswer(plain)} | vary ${varyTokens(plain).join(',')}`;
  const b = `${corsAnswer(withVary)} | vary ${varyTokens(withVary).join(',')}`;
  const copied = varyTokens(withVary).includes(sentVary.toLowerCase());
  if (a === b || (!copied && !stable)) return null;
  return {
    kind: 'vary-from-request',
    probe,
    detail: `with the request header Vary: ${sentVary} the answer is "${b}", without it "${a}"`,
  };
}
