// The common vocabulary of the CORS middlewares the generated suites drive, and what a policy
// in it means. Every adapter translates a `FrameworkPolicy` into its own options (or says it
// cannot); the intent functions here are the oracle's half that does not need the model:
// which origins, methods, request headers and response headers the policy's author means to
// allow. The model (src/model) then says what a browser does with the server's real answers.
// Pure: data in, data out.
import { isCORSSafelistedMethod } from '../model/methods.js';
import type { CorsPolicy } from '../policy/index.js';
import { DEFAULT_METHODS, originAllowed } from '../policy/index.js';

/**
 * Which origins may read: a list (exact origins and `scheme://*.suffix` patterns, as in a
 * `CorsPolicy`), `*`, or a function that says yes to every origin (the request's origin is
 * echoed). `regexpFlag: 'g'` writes the patterns as RegExp objects with the global flag for
 * the middlewares that take RegExps (a common copy-paste; the intent is the pattern).
 */
export type OriginsSpec =
  { kind: 'list'; entries: string[]; regexpFlag?: 'g' } | { kind: 'any' } | { kind: 'reflect' };

export interface FrameworkPolicy {
  origins: OriginsSpec;
  /** Methods a preflight may ask for, as sent (HTTP methods are case-sensitive). */
  methods: string[];
  /** Request headers beyond the CORS-safelisted ones (case-insensitive); `*`: any. */
  requestHeaders: string[] | '*';
  /** Response headers page JS may read beyond the safelisted ones; `*`: every one. */
  exposedHeaders: string[] | '*';
  /** Whether credentialed requests may read. `*` origins never grant credentialed reads. */
  credentials: boolean;
  /** Preflight max-age in seconds; absent: the middleware's default is not judged. */
  maxAge?: number;
  /** The middleware passes a successful preflight on to the route (it still answers CORS). */
  preflightContinue?: boolean;
  /** Status of a successful preflight answered by the middleware. */
  optionsSuccessStatus?: 200 | 204;
}

/** A one-policy `CorsPolicy` (verify's format) in the common vocabulary. */
export function fromCorsPolicy(p: CorsPolicy): FrameworkPolicy {
  return {
    origins: { kind: 'list', entries: [...p.origins] },
    methods: [...(p.methods ?? DEFAULT_METHODS)],
    requestHeaders: [...(p.requestHeaders ?? [])],
    exposedHeaders: [...(p.exposedHeaders ?? [])],
    credentials: p.credentials === true,
    ...(p.maxAge !== undefined ? { maxAge: p.maxAge } : {}),
  };
}

/** The policy's origin entries as a `CorsPolicy` origins list (empty for `*` and reflect). */
export function listEntries(p: FrameworkPolicy): string[] {
  return p.origins.kind === 'list' ? p.origins.entries : [];
}

/** Whether the policy means page JS on `origin` (serialized, or `null`) to read. */
export function intendsOrigin(p: FrameworkPolicy, origin: string): boolean {
  if (p.origins.kind !== 'list') return true;
  return originAllowed({ origins: p.origins.entries }, origin);
}

/** Whether credentialed requests may read: asked for, and never through `*`. */
export function intendsCredentials(p: FrameworkPolicy): boolean {
  return p.credentials && p.origins.kind !== 'any';
}

/**
 * Whether the method is meant to be usable: the CORS-safelisted methods need no permission
 * (a browser never asks); any other must be listed exactly as page JS's request carries it
 * after fetch's normalization (`patch` stays lowercase, `put` becomes `PUT`).
 */
export function intendsMethod(p: FrameworkPolicy, method: string): boolean {
  return isCORSSafelistedMethod(method) || p.methods.includes(method);
}

/** Whether every CORS-unsafe request header name (lowercase) is meant to be allowed. */
export function intendsRequestHeaders(p: FrameworkPolicy, unsafeNames: readonly string[]): boolean {
  if (p.requestHeaders === '*') return true;
  const allowed = p.requestHeaders.map((h) => h.toLowerCase());
  return unsafeNames.every((n) => allowed.includes(n.toLowerCase()));
}

/** Whether page JS is meant to read the response header `name`. */
export function intendsExposed(p: FrameworkPolicy, name: string): boolean {
  if (p.exposedHeaders === '*') return true;
  return p.exposedHeaders.some((h) => h.toLowerCase() === name.toLowerCase());
}

/** A short account of the policy for reports (`origins [https://*.example.com], credentials`). */
export function describePolicy(p: FrameworkPolicy): string {
  const origins =
    p.origins.kind === 'list'
      ? `[${p.origins.entries.join(', ')}]${p.origins.regexpFlag === 'g' ? ' (RegExp /g)' : ''}`
      : p.origins.kind === 'any'
        ? '*'
        : 'every origin (echoed)';
  const list = (v: string[] | '*'): string => (v === '*' ? '*' : `[${v.join(', ')}]`);
  const parts = [
    `origins ${origins}`,
    `methods [${p.methods.join(', ')}]`,
    `request headers ${list(p.requestHeaders)}`,
    `exposed ${list(p.exposedHeaders)}`,
    p.credentials ? 'credentials' : 'no credentials',
  ];
  if (p.maxAge !== undefined) parts.push(`max-age ${p.maxAge}`);
  if (p.preflightContinue !== undefined) parts.push(`preflightContinue ${p.preflightContinue}`);
  if (p.optionsSuccessStatus !== undefined)
    parts.push(`optionsSuccessStatus ${p.optionsSuccessStatus}`);
  return parts.join(', ');
}
