// hono (its `cors` middleware) on @hono/node-server: the policy as middleware options, and
// the real server.
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serve } from '@hono/node-server';
import type { CorsPolicy } from '../policy/index.js';
import type { ServeOptions, ServedFramework } from './shared.js';
import {
  allowHeadersNeverEmpty,
  OPTIONS_ROUTE_BODY,
  ROUTE_BODY,
  ROUTE_PATH,
  allowedOriginOf,
  policyMethodList,
} from './shared.js';

export type HonoCorsOptions = Parameters<typeof cors>[0] & {};

/** The `hono/cors` options that implement the policy. */
export function honoCorsOptions(policy: CorsPolicy): HonoCorsOptions {
  return {
    origin: (origin) => allowedOriginOf(policy, origin),
    allowMethods: policyMethodList(policy),
    // Never empty: an empty list makes this middleware echo Access-Control-Request-Headers.
    allowHeaders: allowHeadersNeverEmpty(policy),
    exposeHeaders: policy.exposedHeaders ?? [],
    credentials: policy.credentials === true,
    ...(policy.maxAge !== undefined ? { maxAge: policy.maxAge } : {}),
  };
}

export function serveHono(policy: CorsPolicy, opts: ServeOptions = {}): Promise<ServedFramework> {
  return serveHonoWith(honoCorsOptions(policy), opts);
}

/** hono with its `cors` middleware configured by hand. */
export async function serveHonoWith(
  corsOptions: HonoCorsOptions,
  opts: ServeOptions = {},
): Promise<ServedFramework> {
  const app = new Hono();
  app.use('*', cors(corsOptions));
  app.options(ROUTE_PATH, (c) => c.json(OPTIONS_ROUTE_BODY));
  app.all(ROUTE_PATH, (c) => c.json(ROUTE_BODY));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: '127.0.0.1' }, () =>
      resolve(s),
    );
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${ROUTE_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
