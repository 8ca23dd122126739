// koa + @koa/cors: the policy as middleware options, and the real server. `pkg` picks the
// installed version: `@koa/cors` (current) or the older `koa-cors-v4` alias (@koa/cors 4.0.0).
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Koa from 'koa';
import type { Context, Middleware } from 'koa';
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

export type KoaCorsPackage = '@koa/cors' | 'koa-cors-v4';
const require = createRequire(import.meta.url);

export interface KoaCorsOptions {
  origin: (ctx: Context) => string;
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  credentials: boolean;
  maxAge?: number;
  keepHeadersOnError: boolean;
}

/** The `@koa/cors` options that implement the policy (origin: the request's when allowed, else ''). */
export function koaCorsOptions(policy: CorsPolicy): KoaCorsOptions {
  return {
    origin: (ctx) => allowedOriginOf(policy, ctx.get('Origin')) ?? '',
    allowMethods: policyMethodList(policy),
    // Never empty: an empty list makes this middleware echo Access-Control-Request-Headers.
    allowHeaders: allowHeadersNeverEmpty(policy),
    exposeHeaders: policy.exposedHeaders ?? [],
    credentials: policy.credentials === true,
    ...(policy.maxAge !== undefined ? { maxAge: policy.maxAge } : {}),
    keepHeadersOnError: true,
  };
}

export function serveKoa(
  policy: CorsPolicy,
  opts: ServeOptions & { pkg?: KoaCorsPackage } = {},
): Promise<ServedFramework> {
  return serveKoaWith(koaCorsOptions(policy), opts);
}

/** koa with `@koa/cors` configured by hand (any of its options). */
export async function serveKoaWith(
  corsOptions: Partial<KoaCorsOptions> | Record<string, unknown>,
  opts: ServeOptions & { pkg?: KoaCorsPackage } = {},
): Promise<ServedFramework> {
  const cors = require(opts.pkg ?? '@koa/cors') as (o: object) => Middleware;
  const app = new Koa();
  app.use(cors(corsOptions));
  app.use((ctx) => {
    if (ctx.path !== ROUTE_PATH) {
      ctx.status = 404;
      return;
    }
    ctx.status = 200;
    ctx.body = ctx.method === 'OPTIONS' ? OPTIONS_ROUTE_BODY : ROUTE_BODY;
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(opts.port ?? 0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${ROUTE_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
