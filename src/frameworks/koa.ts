// koa + @koa/cors: the policy as middleware options, and the real server. `pkg` picks the
// installed version: `@koa/cors` (current) or the older `koa-cors-v4` alias (@koa/cors 4.0.0).
import { createRequire } from 'node:module';
import Koa from 'koa';
import type { Context, Middleware } from 'koa';
import type { CorsPolicy } from '../policy/index.js';
import type { PackageServeOptions, ServedFramework } from './shared.js';
import {
  ROUTE_PATH,
  allowedOriginOf,
  callbackCorsOptions,
  listenOnLoopback,
  routeBody,
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
    ...callbackCorsOptions(policy),
    origin: (ctx) => allowedOriginOf(policy, ctx.get('Origin')) ?? '',
    keepHeadersOnError: true,
  };
}

/** koa with `@koa/cors` configured by hand (any of its options). */
export async function serveKoaWith(
  corsOptions: Partial<KoaCorsOptions> | Record<string, unknown>,
  opts: PackageServeOptions<KoaCorsPackage> = {},
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
    ctx.body = routeBody(ctx.method);
  });
  return await listenOnLoopback((port, host, ready) => app.listen(port, host, ready), opts);
}
