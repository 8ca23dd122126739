// What every framework adapter shares: turning the policy's origins into matchers (exact
// strings and anchored regular expressions, dots escaped), the test route's answers, and the
// running-server handle.
import type { AddressInfo } from 'node:net';
import { definedFields } from '../object-fields.js';
import type { CorsPolicy } from '../policy/index.js';
import { DEFAULT_METHODS, originAllowed, parseOriginRule } from '../policy/index.js';

/** A framework serving one policy on 127.0.0.1. */
export interface ServedFramework {
  /** The route under test, e.g. `http://127.0.0.1:41234/api/data`. */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** 0 (default): any free port. */
  port?: number;
}

/** Serve options of an adapter installed in several versions: `pkg` picks the npm alias. */
export type PackageServeOptions<P extends string> = ServeOptions & { pkg?: P };

/** The path every adapter serves. */
export const ROUTE_PATH = '/api/data';
/** What the route answers to a request that reaches it. */
export const ROUTE_BODY = { ok: true, secret: 'route data' } as const;
/** What the route's own OPTIONS handler answers (seen only when the middleware lets it run). */
export const OPTIONS_ROUTE_BODY = { route: 'ran' } as const;

/** The body the route answers a request of this method with, once the middleware lets it run. */
export function routeBody(method: string): typeof ROUTE_BODY | typeof OPTIONS_ROUTE_BODY {
  return method === 'OPTIONS' ? OPTIONS_ROUTE_BODY : ROUTE_BODY;
}

/**
 * A regular expression for one pattern rule (`https://*.example.com[:port]`), anchored: one or
 * more non-empty labels of whatever a browser keeps in a serialized host (`_` included), as
 * the policy's own rule matching does.
 */
export function patternRegExp(pattern: string): RegExp {
  const rule = parseOriginRule(pattern);
  const escaped = rule.host.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  const defaultPort = rule.scheme === 'https' ? '443' : '80';
  const port = rule.port === defaultPort ? '' : `:${rule.port}`;
  return new RegExp(
    `^${rule.scheme}://[^.:/]+(\\.[^.:/]+)*\\.${escaped}${port.replace(/:/, '\\:')}$`,
  );
}

/** Exact origins as strings, patterns as anchored regular expressions. */
export function originMatchers(policy: CorsPolicy): (string | RegExp)[] {
  return policy.origins.map((o) => (o.includes('*') ? patternRegExp(o) : o));
}

/** For middlewares that take a function: the request's origin when allowed, else null. */
export function allowedOriginOf(policy: CorsPolicy, origin: string | undefined): string | null {
  return origin !== undefined && origin !== '' && originAllowed(policy, origin) ? origin : null;
}

export function policyMethodList(policy: CorsPolicy): string[] {
  return policy.methods ?? [...DEFAULT_METHODS];
}

/** The methods the test route answers (every common one, so the middleware alone decides). */
export const ROUTE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * A header name no page can send (the `sec-` prefix is forbidden to scripts). @koa/cors and
 * hono echo the requested headers back when their allow list is empty; listing only this
 * name keeps "no request headers beyond the safelisted ones" meaning exactly that.
 */
export const NO_REQUEST_HEADERS = 'sec-cors-conformance-none';

/** The policy's request headers, or the one unsendable name when there are none. */
export function allowHeadersNeverEmpty(policy: CorsPolicy): string[] {
  const list = policy.requestHeaders ?? [];
  return list.length > 0 ? list : [NO_REQUEST_HEADERS];
}

/** The options all four middlewares name alike: credentials and max-age. */
interface CommonCorsOptions {
  credentials: boolean;
  maxAge?: number;
}

function commonCorsOptions(policy: CorsPolicy): CommonCorsOptions {
  return { credentials: policy.credentials === true, ...definedFields(policy, ['maxAge']) };
}

/** The options `cors` (express) and `@fastify/cors` name alike. */
export function matcherCorsOptions(policy: CorsPolicy): CommonCorsOptions &
  Record<'methods' | 'allowedHeaders' | 'exposedHeaders', string[]> & {
    origin: (string | RegExp)[];
  } {
  return {
    origin: originMatchers(policy),
    methods: policyMethodList(policy),
    // An explicit (possibly empty) list: left out, the middleware echoes any requested header.
    allowedHeaders: policy.requestHeaders ?? [],
    exposedHeaders: policy.exposedHeaders ?? [],
    ...commonCorsOptions(policy),
  };
}

/** The options `@koa/cors` and `hono/cors` name alike (each takes its own origin callback). */
export function callbackCorsOptions(
  policy: CorsPolicy,
): CommonCorsOptions & Record<'allowMethods' | 'allowHeaders' | 'exposeHeaders', string[]> {
  return {
    allowMethods: policyMethodList(policy),
    // Never empty: an empty list makes these middlewares echo Access-Control-Request-Headers.
    allowHeaders: allowHeadersNeverEmpty(policy),
    exposeHeaders: policy.exposedHeaders ?? [],
    ...commonCorsOptions(policy),
  };
}

/** What `listenOnLoopback` needs of a Node server (http.Server and @hono/node-server's). */
interface LoopbackServer {
  address(): AddressInfo | string | null;
  close(done: () => void): unknown;
  closeAllConnections?: () => void;
}

/**
 * Starts a server through `listen(port, host, ready)` on 127.0.0.1 and returns the route's
 * URL and a close that drops kept-alive connections first (so closing never waits on them).
 */
export async function listenOnLoopback(
  listen: (port: number, host: string, ready: () => void) => LoopbackServer,
  opts: ServeOptions,
): Promise<ServedFramework> {
  const server = await new Promise<LoopbackServer>((resolve) => {
    const s = listen(opts.port ?? 0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${ROUTE_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
