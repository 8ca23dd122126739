// A policy in the common vocabulary as each Node middleware's options, written the way a
// user of that middleware would: `*` as the middleware's own wildcard (or its documented
// default), "every origin" as its reflect setting, patterns as anchored RegExps where it
// takes them (with the policy's `g` flag when asked for), `requestHeaders: '*'` as its
// "echo what was asked" default. A knob the middleware does not have makes the policy
// inexpressible (the reason is returned). Pure.
import type { CorsOptions } from 'cors';
import type { FastifyCorsOptions } from '@fastify/cors';
import { NO_REQUEST_HEADERS, patternRegExp } from './shared.js';
import type { FrameworkPolicy } from './vocabulary.js';
import { intendsOrigin } from './vocabulary.js';

export type Translation<T> = { options: T } | { cannot: string };

/** Why `translate` has no configuration for the policy, or null (an adapter's `cannotExpress`). */
export function cannotExpressWith<T>(
  translate: (p: FrameworkPolicy) => Translation<T>,
): (p: FrameworkPolicy) => string | null {
  return (p) => {
    const t = translate(p);
    return 'cannot' in t ? t.cannot : null;
  };
}

/** Exact origins as strings, patterns as anchored RegExps (with the policy's flag). */
export function originMatchersOf(entries: readonly string[], flag?: 'g'): (string | RegExp)[] {
  return entries.map((o) =>
    o.includes('*') ? new RegExp(patternRegExp(o).source, flag ?? '') : o,
  );
}

/** `cors` (express) options; every knob of the vocabulary exists there. */
export function corsOptionsFor(p: FrameworkPolicy): Translation<CorsOptions> {
  const o = p.origins;
  const options: CorsOptions = {
    origin:
      o.kind === 'list' ? originMatchersOf(o.entries, o.regexpFlag) : o.kind === 'any' ? '*' : true,
    methods: p.methods,
    exposedHeaders: p.exposedHeaders === '*' ? '*' : p.exposedHeaders,
    credentials: p.credentials,
    preflightContinue: p.preflightContinue ?? false,
    optionsSuccessStatus: p.optionsSuccessStatus ?? 204,
  };
  // Left out, `cors` echoes Access-Control-Request-Headers: its "any header".
  if (p.requestHeaders !== '*') options.allowedHeaders = p.requestHeaders;
  if (p.maxAge !== undefined) options.maxAge = p.maxAge;
  return { options };
}

/** `@fastify/cors` (and `fastify-cors` 6) options: the same names as `cors`. */
export function fastifyCorsOptionsFor(p: FrameworkPolicy): Translation<FastifyCorsOptions> {
  const { options } = corsOptionsFor(p) as { options: CorsOptions };
  return { options: options as FastifyCorsOptions };
}

/** The options `@koa/cors` takes (its typings lag behind its documented defaults). */
export interface KoaSuiteOptions {
  origin?: (ctx: { get(name: string): string }) => string;
  allowMethods: string[];
  allowHeaders?: string[];
  exposeHeaders: string[] | string;
  credentials: boolean;
  maxAge?: number;
  keepHeadersOnError: boolean;
}

/** What a middleware does with a preflight whatever it is configured with. */
export interface FixedPreflight {
  /** Whether it answers a preflight itself; if not, the route always runs. */
  answersItself: boolean;
  /** The status of a successful preflight (the route's when the middleware never answers). */
  status: 200 | 204;
}

/**
 * Why `who` cannot express a policy that asks for other preflight handling than `fixed`
 * (`preflightContinue`, `optionsSuccessStatus`), or null when it asks for none or the same.
 */
export function preflightKnobMissing(
  p: FrameworkPolicy,
  who: string,
  fixed: FixedPreflight,
): string | null {
  if (p.preflightContinue === fixed.answersItself)
    return fixed.answersItself
      ? `${who} always answers a preflight itself (no preflightContinue)`
      : `${who} never answers a preflight itself: the route always runs`;
  if (p.optionsSuccessStatus !== undefined && p.optionsSuccessStatus !== fixed.status)
    return fixed.answersItself
      ? `${who} always answers a successful preflight ${fixed.status} (no optionsSuccessStatus)`
      : `${who} leaves a preflight to the route, which answers ${fixed.status} (no optionsSuccessStatus)`;
  return null;
}

/**
 * `@koa/cors` options: `*` is the middleware's documented default (`origin` left out),
 * every origin an `origin(ctx)` echoing it, a list an `origin(ctx)` answering the request's
 * origin when the policy allows it (else '' : no CORS headers).
 */
export function koaCorsOptionsFor(p: FrameworkPolicy): Translation<KoaSuiteOptions> {
  const cannot = preflightKnobMissing(p, '@koa/cors', { answersItself: true, status: 204 });
  if (cannot !== null) return { cannot };
  const options: KoaSuiteOptions = {
    allowMethods: p.methods,
    exposeHeaders: p.exposedHeaders === '*' ? '*' : p.exposedHeaders,
    credentials: p.credentials,
    keepHeadersOnError: true,
  };
  if (p.origins.kind === 'reflect') options.origin = (ctx) => ctx.get('Origin');
  if (p.origins.kind === 'list') {
    options.origin = (ctx) => {
      const origin = ctx.get('Origin');
      return origin !== '' && intendsOrigin(p, origin) ? origin : '';
    };
  }
  // An empty list makes @koa/cors echo the request's headers; left out is its "any header".
  if (p.requestHeaders !== '*')
    options.allowHeaders = p.requestHeaders.length > 0 ? p.requestHeaders : [NO_REQUEST_HEADERS];
  if (p.maxAge !== undefined) options.maxAge = p.maxAge;
  return { options };
}

/** The options `hono/cors` takes (the same in every hono version installed here). */
export interface HonoSuiteOptions {
  origin: string | ((origin: string) => string | null);
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  credentials: boolean;
  maxAge?: number;
}

/** `hono/cors` options: `*` as `'*'`, functions for every origin and for lists. */
export function honoCorsOptionsFor(p: FrameworkPolicy): Translation<HonoSuiteOptions> {
  const cannot = preflightKnobMissing(p, 'hono/cors', { answersItself: true, status: 204 });
  if (cannot !== null) return { cannot };
  const o = p.origins;
  const options: HonoSuiteOptions = {
    origin:
      o.kind === 'any'
        ? '*'
        : o.kind === 'reflect'
          ? (origin) => (origin === '' ? null : origin)
          : (origin) => (origin !== '' && intendsOrigin(p, origin) ? origin : null),
    allowMethods: p.methods,
    // An empty list is hono's "echo the request's headers", which is the policy's `*`.
    allowHeaders:
      p.requestHeaders === '*'
        ? []
        : p.requestHeaders.length > 0
          ? p.requestHeaders
          : [NO_REQUEST_HEADERS],
    exposeHeaders: p.exposedHeaders === '*' ? ['*'] : p.exposedHeaders,
    credentials: p.credentials,
  };
  if (p.maxAge !== undefined) options.maxAge = p.maxAge;
  return { options };
}

/** Options as JSON for a reproduction: RegExps as `/source/flags`, functions described. */
export function configJson(options: object, fnNote: string): unknown {
  return JSON.parse(
    JSON.stringify(options, (_k, v: unknown) => {
      if (v instanceof RegExp) return v.toString();
      if (typeof v === 'function') return `(function) ${fnNote}`;
      return v;
    }),
  );
}
