// A policy in the common vocabulary as the keyword arguments of Starlette's CORSMiddleware
// and of flask-cors, written the way their users do: `*` as the middleware's `"*"`, every
// origin as a regular expression matching any origin, patterns as anchored regular
// expressions, `requestHeaders: '*'` as `"*"`. Pure; the Python side only calls the
// middleware with them.
import { preflightKnobMissing, type Translation } from './node-options.js';
import { patternRegExp } from './shared.js';
import type { FrameworkPolicy } from './vocabulary.js';

/** A pattern as a Python regular expression (the same anchored form as the JS one). */
export function pythonPattern(pattern: string): string {
  return patternRegExp(pattern).source.replace(/\\([:/])/g, '$1');
}

/**
 * Both middlewares refuse a preflight whose method they do not list, GET included, where a
 * browser never asks about the CORS-safelisted methods: listing those keeps the policy's
 * meaning ("methods" are the ones a preflight may ask for beyond them).
 */
export function withSafelistedMethods(methods: readonly string[]): string[] {
  return [...new Set(['GET', 'HEAD', 'POST', ...methods])];
}

const exact = (entries: readonly string[]): string[] => entries.filter((e) => !e.includes('*'));
const patterns = (entries: readonly string[]): string[] => entries.filter((e) => e.includes('*'));

/** Starlette 0.26 `CORSMiddleware(app, **kwargs)`. */
export function starletteKwargs(p: FrameworkPolicy): Translation<Record<string, unknown>> {
  const cannot = preflightKnobMissing(p, 'CORSMiddleware', { answersItself: true, status: 200 });
  if (cannot !== null) return { cannot };
  const o = p.origins;
  const kwargs: Record<string, unknown> = {
    allow_origins: o.kind === 'list' ? exact(o.entries) : o.kind === 'any' ? ['*'] : [],
    allow_methods: withSafelistedMethods(p.methods),
    allow_headers: p.requestHeaders === '*' ? ['*'] : p.requestHeaders,
    allow_credentials: p.credentials,
    expose_headers: p.exposedHeaders === '*' ? ['*'] : p.exposedHeaders,
  };
  if (o.kind === 'reflect') kwargs['allow_origin_regex'] = '.*';
  if (o.kind === 'list' && patterns(o.entries).length > 0)
    kwargs['allow_origin_regex'] = patterns(o.entries).map(pythonPattern).join('|');
  if (p.maxAge !== undefined) kwargs['max_age'] = p.maxAge;
  return { options: kwargs };
}

/**
 * flask-cors 3.0 `CORS(app, **kwargs)`. Its `*` reflects the request's origin unless
 * `send_wildcard` is set, which it refuses together with `supports_credentials`.
 */
export function flaskCorsKwargs(p: FrameworkPolicy): Translation<Record<string, unknown>> {
  const cannot = preflightKnobMissing(p, 'flask-cors', { answersItself: false, status: 200 });
  if (cannot !== null) return { cannot };
  const o = p.origins;
  const kwargs: Record<string, unknown> = {
    origins:
      o.kind === 'list'
        ? [...exact(o.entries), ...patterns(o.entries).map(pythonPattern)]
        : o.kind === 'any'
          ? '*'
          : ['.*'],
    methods: withSafelistedMethods(p.methods),
    allow_headers: p.requestHeaders === '*' ? '*' : p.requestHeaders,
    expose_headers: p.exposedHeaders === '*' ? '*' : p.exposedHeaders,
    supports_credentials: p.credentials,
  };
  if (o.kind === 'any' && !p.credentials) kwargs['send_wildcard'] = true;
  if (p.maxAge !== undefined) kwargs['max_age'] = p.maxAge;
  return { options: kwargs };
}
