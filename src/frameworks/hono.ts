// hono (its `cors` middleware) on @hono/node-server: the policy as middleware options, and
// the real server.
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serve } from '@hono/node-server';
import type { CorsPolicy } from '../policy/index.js';
import type { ServeOptions, ServedFramework } from './shared.js';
import {
  allowedOriginOf,
  callbackCorsOptions,
  listenOnLoopback,
  ROUTE_PATH,
  routeBody,
} from './shared.js';

export type HonoCorsOptions = Parameters<typeof cors>[0] & {};

/** The `hono/cors` options that implement the policy. */
export function honoCorsOptions(policy: CorsPolicy): HonoCorsOptions {
  return {
    ...callbackCorsOptions(policy),
    origin: (origin) => allowedOriginOf(policy, origin),
  };
}

/** hono with its `cors` middleware configured by hand. */
export async function serveHonoWith(
  corsOptions: HonoCorsOptions,
  opts: ServeOptions = {},
): Promise<ServedFramework> {
  const app = new Hono();
  app.use('*', cors(corsOptions));
  app.all(ROUTE_PATH, (c) => c.json(routeBody(c.req.method)));
  return await listenOnLoopback(
    (port, hostname, ready) => serve({ fetch: app.fetch, port, hostname }, ready),
    opts,
  );
}
